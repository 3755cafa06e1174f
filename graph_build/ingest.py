"""Read input files into `SourceDocument`s: decode, hash, and say where they come from.

A folder may hold `manifest.yaml` describing its files (title, publisher, site, language,
date, genre); what a manifest does not say is inferred from the text and the inference
is recorded in `SourceDocument.notes`:

- language: the language whose function words (lexicon, ckg:LanguageMarker) occur most;
- date: a first line that starts with a date field name and a full date
  (" date 2022-01-20 Azerbaijan commemorates ...");
- title: the first line (after such a date) when it is title-shaped, else the lead phrase
  of the first paragraph ("Mars-massakrene, også kjent som ..." -> "Mars-massakrene").

Manifest shape (YAML)::

    note: free text about the corpus
    documents:
      000_2f715927ab984ae8.txt:      # file name (or stem)
        title: Mars-massakrene
        publisher: Norwegian Wikipedia
        site: no.wikipedia.org
        language: nb                  # BCP 47
        date: 2022-01-20              # YYYY, YYYY-MM or YYYY-MM-DD
        genre: news                   # a ckg:Genre notation, or a list: main genre first
        note: free text, kept in SourceDocument.notes
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .dates import DAY_NO_YEAR, find_dates
from .errors import InputError, ManifestError
from .lexicon import Lexicon, load_lexicon
from .model import SourceDocument

MANIFEST_NAME = "manifest.yaml"
DEFAULT_LANGUAGE = "en"
_ENTRY_KEYS = frozenset({"title", "publisher", "site", "language", "date", "genre", "note"})
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_ISO_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# an indented numbered item or a footnote-style item "[3] ..." (a date such as
# "27. mars 2012 vedtok ..." may start a paragraph: it is not indented)
_LIST_ITEM_RE = re.compile(r"^(?:[ \t]+\d{1,4}[.)]|\s*\[\d{1,4}\])\s")
# a title line is short: longer first lines are the lead paragraph of an untitled page
_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
_LEAD_TITLE_MAX_CHARS = 80


def read_documents(paths: list[Path], lexicon: Lexicon | None = None) -> list[SourceDocument]:
    """Read every document named by `paths` (files, or folders of .txt files).

    Folders contribute their `*.txt` files (not recursive), sorted by name; each
    folder's `manifest.yaml` describes its files. Returns documents sorted by doc_id.
    Raises InputError for a missing path, a folder without .txt files, an unreadable
    file, or two files with the same doc_id; ManifestError for a malformed manifest.
    """
    lex = lexicon or load_lexicon()
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError("no such file or folder", where=str(p),
                             fix="give existing .txt files or folders of them")
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() == ".txt")
            if not found:
                raise InputError("folder holds no .txt files", where=str(p),
                                 fix="put the documents in as UTF-8 .txt files")
            files.extend(found)
        else:
            files.append(p)
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    docs: dict[str, SourceDocument] = {}
    seen: set[Path] = set()
    for f in files:
        resolved = f.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        folder = resolved.parent
        if folder not in manifests:
            manifests[folder] = load_manifest(folder / MANIFEST_NAME, lex)
        entries = manifests[folder]
        entry = entries.get(f.name, entries.get(f.stem))
        doc = read_document(f, entry, lex)
        if doc.doc_id in docs:
            raise InputError(f"two documents have the id {doc.doc_id!r} "
                             f"(also {docs[doc.doc_id].path})", where=str(f),
                             fix="rename one file: the file stem is the document id")
        docs[doc.doc_id] = doc
    return [docs[k] for k in sorted(docs)]


def load_manifest(path: Path, lexicon: Lexicon | None = None) -> dict[str, dict[str, Any]]:
    """The per-file entries of a manifest (empty when the file does not exist).

    Raises ManifestError naming the file and the problem: not YAML, not a mapping,
    an unknown key, a bad language code, date or genre.
    """
    if not path.exists():
        return {}
    lex = lexicon or load_lexicon()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ManifestError(f"not valid YAML: {first}", where=str(path)) from e
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ManifestError("expected a mapping with a 'documents' key", where=str(path))
    unknown = set(data) - {"note", "documents"}
    if unknown:
        raise ManifestError(f"unknown top-level key(s) {sorted(map(str, unknown))}; "
                            "expected 'note' and 'documents'", where=str(path))
    documents = data.get("documents") or {}
    if not isinstance(documents, Mapping):
        raise ManifestError("'documents' must map file names to entries", where=str(path))
    genres = {c.notation for c in lex.of_kind("Genre") if c.notation}
    out: dict[str, dict[str, Any]] = {}
    for name, entry in documents.items():
        out[str(name)] = _check_entry(path, str(name), entry, genres)
    return out


def _check_entry(path: Path, name: str, entry: Any, genres: set[str]) -> dict[str, Any]:
    where = str(path)
    if not isinstance(entry, Mapping):
        raise ManifestError(f"entry {name!r} must be a mapping of fields", where=where)
    unknown = set(map(str, entry)) - _ENTRY_KEYS
    if unknown:
        raise ManifestError(f"entry {name!r}: unknown key(s) {sorted(unknown)}; "
                            f"expected some of {sorted(_ENTRY_KEYS)}", where=where)
    clean: dict[str, Any] = {}
    for key, value in entry.items():
        if value is None:
            continue
        if key == "date":
            value = value.isoformat() if isinstance(value, _dt.date) else str(value)
            if not _ISO_RE.match(value):
                raise ManifestError(f"entry {name!r}: date {value!r} is not YYYY, YYYY-MM "
                                    "or YYYY-MM-DD", where=where)
        elif key == "language":
            value = str(value)
            if not _LANG_RE.match(value):
                raise ManifestError(f"entry {name!r}: language {value!r} is not a BCP 47 "
                                    "code such as 'en' or 'nb'", where=where)
        elif key == "genre":
            items = [str(v) for v in value] if isinstance(value, list) else [str(value)]
            bad = [g for g in items if g not in genres]
            if not items or bad:
                raise ManifestError(f"entry {name!r}: unknown genre {bad or items!r}; "
                                    f"known: {sorted(genres)}", where=where)
            value = items
        else:
            value = str(value)
        clean[str(key)] = value
    return clean


def decode(path: Path, raw: bytes) -> str:
    """The text of a file's bytes: UTF-8 with any BOM stripped.

    Raises InputError for an empty, whitespace-only, binary or non-UTF-8 file.
    """
    where = str(path)
    if not raw:
        raise InputError("file is empty", where=where, fix="remove it or give it text")
    if b"\x00" in raw:
        raise InputError(f"binary file (NUL byte at byte offset {raw.index(0)})", where=where,
                         fix="give plain UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not valid UTF-8 at byte offset {e.start}", where=where,
                         fix="re-save the file as UTF-8") from None
    if not text.strip():
        raise InputError("file holds only whitespace", where=where, fix="remove it or give it text")
    return text


def read_document(path: Path, entry: Mapping[str, Any] | None = None,
                  lexicon: Lexicon | None = None) -> SourceDocument:
    """Read one file; `entry` is its manifest entry (None: infer everything).

    Raises InputError if the file is missing or cannot be read as text.
    """
    path = Path(path)
    lex = lexicon or load_lexicon()
    if not path.is_file():
        raise InputError("no such file", where=str(path))
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror}", where=str(path)) from None
    text = decode(path, raw)
    entry = dict(entry or {})
    notes: list[str] = []
    first_line = _first_line(text)
    date_end, line_date = leading_date(first_line, lex)

    language = entry.get("language")
    if language is None:
        language, why = infer_language(text, lex)
        notes.append(f"language {language} inferred: {why}")
    date = entry.get("date")
    if date is None and line_date is not None:
        date = line_date
        notes.append(f"date {date} inferred from the first line")
    title = entry.get("title")
    if title is None:
        title, why = infer_title(first_line[date_end:])
        notes.append(f"title inferred from {why}" if title else "no title found")
    genres: list[str] = entry.get("genre", [])
    genre = genres[0] if genres else None
    if len(genres) > 1:
        notes.append("also genre: " + ", ".join(genres[1:]))
    if genre is None:
        notes.append("genre unknown")
    if entry.get("note"):
        notes.append(f"manifest note: {entry['note']}")
    return SourceDocument(
        doc_id=path.stem,
        file_name=path.name,
        path=path,
        text=text,
        content_hash=hashlib.sha256(raw).hexdigest(),
        language=language,
        title=title,
        publisher=entry.get("publisher"),
        site=entry.get("site"),
        date=date,
        genre=genre,
        metadata_source="manifest" if entry else "inferred",
        notes=tuple(notes),
    )


def _first_line(text: str) -> str:
    for m in re.finditer(r"[^\n]*", text):
        if m.group().strip():
            return m.group().rstrip("\r")
    return ""


def leading_date(line: str, lex: Lexicon) -> tuple[int, str | None]:
    """A date field at the start of a line: (offset where it ends, ISO date).

    " date 2022-01-20 Azerbaijan commemorates ..." -> (16, "2022-01-20"); the field name
    is any label of lex:infobox-date. Returns (0, None) when the line does not start so.
    """
    stripped = line.lstrip()
    offset = len(line) - len(stripped)
    date_field = lex.get("infobox-date")
    names = [lab for _, lab in date_field.labels] if date_field else []
    for name in sorted(names, key=len, reverse=True):
        if not stripped.lower().startswith(name.lower()):
            continue
        rest_at = offset + len(name)
        m = re.match(r"\s*:?\s*", line[rest_at:])
        value_at = rest_at + (m.end() if m else 0)
        if value_at == rest_at:  # "Dates..." is a word, not the field
            continue
        mentions = find_dates(line[value_at:])
        if mentions and mentions[0].start == 0 and mentions[0].precision != DAY_NO_YEAR:
            return value_at + mentions[0].end, mentions[0].iso
    return 0, None


def infer_language(text: str, lexicon: Lexicon | None = None) -> tuple[str, str]:
    """(BCP 47 code, why): the language whose function words the text uses most.

    Indented numbered list items ("  3. ^ de Waal, Thomas ...") are left out: a page's reference
    list is often in another language than the page. Falls back to "en" when no function
    word of any language occurs.
    """
    lex = lexicon or load_lexicon()
    counts: dict[str, int] = {}
    lines = [ln for ln in text.splitlines() if not _LIST_ITEM_RE.match(ln)]
    for w in _WORD_RE.findall("\n".join(lines).lower() or text.lower()):
        counts[w] = counts.get(w, 0) + 1
    scores: list[tuple[int, str]] = []
    for concept in lex.of_kind("LanguageMarker"):
        if not concept.notation:
            continue
        words = {lab.lower() for _, lab in concept.labels}
        scores.append((sum(counts.get(w, 0) for w in words), concept.notation))
    scores.sort(key=lambda s: (-s[0], s[1]))
    if not scores or scores[0][0] == 0:
        return DEFAULT_LANGUAGE, "no function words of a known language; default"
    best, lang = scores[0]
    runner = f", next {scores[1][1]} {scores[1][0]}" if len(scores) > 1 else ""
    return lang, f"function words {lang} {best}{runner}"


def infer_title(line: str) -> tuple[str | None, str]:
    """(title, how) from the first line of a document (after any leading date)."""
    line = line.strip()
    if not line:
        return None, "empty first line"
    if len(line) <= _TITLE_MAX_CHARS and len(line.split()) <= _TITLE_MAX_WORDS:
        return line, "the first line"
    # an untitled encyclopedia lead: "X, also known as ..." / "X (born ...) is ..."
    lead = re.split(r"[,(;:]|\s[-–—]\s", line, maxsplit=1)[0].strip()
    if lead and len(lead) <= _LEAD_TITLE_MAX_CHARS:
        return lead, "the lead phrase of the first paragraph"
    return None, "no title-shaped first line"
