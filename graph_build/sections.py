"""Cut a document into sections, each of one kind, covering the whole text in order.

Kinds (graph_build/model.py): title, infobox, caption, heading, body,
quote, statement, boilerplate, comment, references. Only title, body, infobox,
statement and quote carry claims, so the rules below lean towards keeping reader
comments and page furniture out of them, and keeping real paragraphs in.

Every cue phrase comes from the lexicon (ontology/lexicon/segmentation.ttl); the code
knows shapes only. The rules, in the order they take precedence:

1. references: numbered entries "  3. ^ ..." (a ckg:ReferenceCue "marker"), or numbered
   items after a references heading; an entry runs on over indented or blank lines.
2. comments: a header line ending in a ckg:CommentCue "header" ("  1. Ararat said:"),
   numbered or inside the page's trailing matter; the comment is the paragraphs after it
   (indented ones if the first one is indented), up to the next header. The header line
   itself is boilerplate; Section.author is the commenter as written.
3. title: the first line, when it is title-shaped (short).
4. infobox: a block of lines (no blank line between) with two or more field lines, a
   ckg:InfoboxField name glued to its value or followed by ':' / tab / two spaces
   ("Deaths200+ ..."). Short lines right after a field line continue it ("485 (per ...)");
   fields with ckg:position "subtitle" match as a phrase ("Part of the ... War"); other
   lines of the block are captions.
5. trailing matter: from a ckg:BoilerplateCue with position "tail" in the second half of
   the text ("Related posts", "Discussion Policy"), and after a reference list in the
   second half (navigation boxes, coordinates), everything but comments is boilerplate.
6. a short line with a boilerplate cue (or matching its ckg:pattern) is boilerplate.
7. a short line starting with a ckg:HeadingCue ("See also", "Main article:") is a heading.
8. a short stand-alone line (at most 20 words, no closing punctuation, not ending in a
   function word) is a caption when it has a picture credit, a file-name-like token, a
   locative phrase ("... in Baku"), repeats its neighbour, shares its block with another
   caption, or is longer than 10 words; otherwise a heading.
9. other lines are body paragraphs; a paragraph after a lead-in paragraph ending in ':',
   ',' or a function word ("Human Rights Watch noted that") is a quote; paragraphs after
   a short paragraph with a ckg:StatementCue ("Below is the statement.") are statement,
   up to the trailing matter.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .dates import find_dates
from .lexicon import Lexicon, load_lexicon
from .model import (
    BODY,
    BOILERPLATE,
    CAPTION,
    COMMENT,
    HEADING,
    INFOBOX,
    QUOTE,
    REFERENCES,
    STATEMENT,
    TITLE,
    Section,
    SourceDocument,
)

# shape thresholds, in words
SHORT_LINE_WORDS = 20  # a stand-alone line up to this long may be a heading or caption
HEADING_MAX_WORDS = 10  # longer stand-alone lines read as captions
CUE_LINE_WORDS = 12  # boilerplate / infobox continuation lines are at most this long
STATEMENT_CUE_WORDS = 30  # a paragraph announcing a statement is short
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 200
TAIL_FRACTION = 0.5  # trailing-matter cues count only in the second half of a text

_FOOTNOTES_AT_END = re.compile(r"(?:\s*\[\d{1,3}\])+\s*$")
_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?…:;,"
_FILE_TOKEN = re.compile(r"(?:\w+[-_]\d+|\d+[-_]\w+|\.(?:jpe?g|png|gif|svg|webp|tiff?))", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,4})[.)]\s+")
_BRACKETED = re.compile(r"^\s*\[(?P<n>\d{1,4})\]\s+")


@dataclass(frozen=True)
class Line:
    """One line of the text: text[start:end] == text (without the line break)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indented(self) -> bool:
        return not self.blank and self.text[:1] in (" ", "\t")

    @property
    def content_start(self) -> int:
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    """The lines of `text` with their offsets ("\\r\\n" and "\\n" both end a line)."""
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        body = raw.removesuffix("\r")
        out.append(Line(i, pos, pos + len(body), body))
        pos += len(raw) + 1
    return out


@dataclass(frozen=True)
class InfoboxMatch:
    """A field name at the start of a line: `notation`, where the value starts, its form."""

    notation: str
    value_offset: int  # offset of the value within the stripped line
    tabular: bool  # glued ("Deaths200+") or separated by ':' / tab / two spaces


@dataclass(frozen=True)
class SegmentationCues:
    """The lexicon's segmentation cues, lower-cased where matching ignores case."""

    boilerplate: tuple[tuple[str, str], ...]  # (label, position)
    boilerplate_patterns: tuple[tuple[re.Pattern[str], str], ...]
    comment_headers: tuple[str, ...]
    comment_replies: tuple[str, ...]
    statements: tuple[str, ...]
    headings: tuple[tuple[str, str], ...]  # (label, notation)
    caption_credits: tuple[str, ...]
    caption_locatives: dict[str, frozenset[str]]  # language -> words
    reference_markers: tuple[str, ...]  # as written ("^", "↑")
    infobox: tuple[tuple[str, str, bool], ...]  # (label as written, notation, subtitle form)
    function_words: dict[str, frozenset[str]]  # language -> words


def _lower_labels(lexicon: Lexicon, kind: str, notation: str | None = None) -> tuple[str, ...]:
    return tuple(
        _norm(lab) for lab, c in lexicon.labels(kind)
        if notation is None or c.notation == notation
    )


def _by_language(lexicon: Lexicon, kind: str, notation: str | None = None
                 ) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for c in lexicon.of_kind(kind):
        if notation is not None and c.notation != notation:
            continue
        for lg, lab in c.labels:
            key = (c.notation if kind == "LanguageMarker" else lg) or ""
            out.setdefault(key, set()).add(lab.lower())
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=4)
def segmentation_cues(lexicon: Lexicon) -> SegmentationCues:
    """The cue tables of `lexicon`, built once per lexicon."""
    boiler: list[tuple[str, str]] = []
    patterns: list[tuple[re.Pattern[str], str]] = []
    for c in lexicon.of_kind("BoilerplateCue"):
        position = c.prop("position") or "line"
        pat = c.prop("pattern")
        if pat:
            patterns.append((re.compile(pat), position))
            continue
        boiler.extend((_norm(lab), position) for _, lab in c.labels)
    boiler.sort(key=lambda p: (-len(p[0]), p[0]))
    infobox = [
        (lab, c.notation or c.id, c.prop("position") == "subtitle")
        for lab, c in lexicon.labels("InfoboxField")
    ]
    return SegmentationCues(
        boilerplate=tuple(boiler),
        boilerplate_patterns=tuple(patterns),
        comment_headers=_lower_labels(lexicon, "CommentCue", "header"),
        comment_replies=_lower_labels(lexicon, "CommentCue", "reply"),
        statements=_lower_labels(lexicon, "StatementCue"),
        headings=tuple((_norm(lab), c.notation or "") for lab, c in lexicon.labels("HeadingCue")),
        caption_credits=_lower_labels(lexicon, "CaptionCue", "credit"),
        caption_locatives=_by_language(lexicon, "CaptionCue", "locative"),
        reference_markers=tuple(
            lab for lab, c in lexicon.labels("ReferenceCue") if c.notation == "marker"
        ),
        infobox=tuple(infobox),
        function_words=_by_language(lexicon, "LanguageMarker"),
    )


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


@functools.lru_cache(maxsize=2048)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + re.escape(phrase) + right)


def has_phrase(text_norm: str, phrase: str) -> bool:
    """Whether lower-cased, space-normalised `text_norm` contains `phrase` as whole words."""
    return bool(phrase) and _phrase_re(phrase).search(text_norm) is not None


def words(s: str) -> list[str]:
    return s.split()


def strip_footnotes(s: str) -> str:
    """`s` without footnote markers at its end ("...the incident.[14]" -> "...the incident.")."""
    return _FOOTNOTES_AT_END.sub("", s).rstrip()


def _last_char(s: str) -> str:
    s = strip_footnotes(s).rstrip(_CLOSERS + " ")
    return s[-1:] if s else ""


def _last_word(s: str) -> str:
    ws = re.findall(r"\w+", strip_footnotes(s))
    return ws[-1] if ws else ""


# ---------------------------------------------------------------- line tests


def infobox_field(stripped: str, cues: SegmentationCues) -> InfoboxMatch | None:
    """The infobox field a (stripped) line starts with, or None.

    "Deaths200+ (per HRW)" -> deaths, tabular; "Part of the First ... War" -> part-of,
    phrase form (only for fields whose lexicon entry has ckg:position "subtitle").
    """
    for label, notation, subtitle in cues.infobox:
        if not stripped.startswith(label):
            continue
        rest = stripped[len(label):]
        if not rest:
            continue
        sep = re.match(r"\s*:\s*|\t\s*| {2,}", rest)
        if sep:
            return InfoboxMatch(notation, len(label) + sep.end(), True)
        if rest[0].isupper() or rest[0].isdigit():
            return InfoboxMatch(notation, len(label), True)
        if subtitle and rest[0] == " " and len(rest) > 1:
            return InfoboxMatch(notation, len(label) + 1, False)
    return None


def is_boilerplate_line(stripped: str, cues: SegmentationCues) -> str | None:
    """The position ("tail", "line" or "menu") of the boilerplate cue a short line carries, or None."""
    for pattern, position in cues.boilerplate_patterns:
        if pattern.search(stripped):
            return position
    if len(words(stripped)) > CUE_LINE_WORDS:
        return None
    norm = _norm(stripped)
    bare = " ".join(re.sub(r"[\W\d_]+", " ", norm).split())
    for label, position in cues.boilerplate:
        single = " " not in label and label.isalnum()
        if single:
            if bare == label or norm.startswith(label + ":"):
                return position
        elif has_phrase(norm, label):
            return position
    return None


def heading_cue(stripped: str, cues: SegmentationCues) -> str | None:
    """The notation of the heading cue a short line starts with ("see-also", ...), or None."""
    if len(words(stripped)) > SHORT_LINE_WORDS or stripped.endswith("."):
        return None
    norm = _norm(stripped)
    bare = " ".join(re.sub(r"[^\w\s]+", " ", norm).split())
    for label, notation in cues.headings:
        bare_label = " ".join(re.sub(r"[^\w\s]+", " ", label).split())
        if notation == "references":
            if bare == bare_label:
                return notation
        elif norm.startswith(label) and (
            len(norm) == len(label) or not norm[len(label)].isalnum()
        ):
            return notation
    return None


def reference_entry_number(line: Line, cues: SegmentationCues, numbered_ok: bool) -> int | None:
    """The entry number if `line` opens a reference entry ("  3. ^ ..."), else None.

    Without a marker, a numbered or bracketed item counts only when `numbered_ok`
    (the line follows a references heading).
    """
    m = _NUMBERED.match(line.text)
    if m:
        rest = line.text[m.end():]
        if any(rest.startswith(mk) for mk in cues.reference_markers):
            return int(m.group("n"))
        if numbered_ok and rest.strip():
            return int(m.group("n"))
        return None
    m = _BRACKETED.match(line.text)
    if m and numbered_ok:
        return int(m.group("n"))
    return None


def comment_header(stripped: str, cues: SegmentationCues) -> tuple[bool, str] | None:
    """(numbered, author) if a line is a comment header ("1. Ararat said:"), else None."""
    if len(words(stripped)) > CUE_LINE_WORDS:
        return None
    norm = _norm(stripped)
    for cue in cues.comment_headers:
        if not norm.endswith(cue):
            continue
        head = stripped[: len(stripped) - len(cue)].rstrip()
        if len(norm) > len(cue) and norm[-len(cue) - 1].isalnum():
            continue  # "unsaid:" is not "said:"
        m = _NUMBERED.match(head)
        numbered = m is not None
        author = head[m.end():] if m else head
        author = _author_name(author)
        if author:
            return numbered, author
    return None


def _author_name(head: str) -> str:
    """The commenter in a header: "Ararat on January 21, 2020 at 9:14 am" -> "Ararat"."""
    dates = find_dates(head)
    cut = head[: dates[0].start] if dates else head
    cut = re.split(r"\s\S*\d", " " + cut, maxsplit=1)[0].strip()  # times, counts
    parts = cut.split()
    # drop the preposition left hanging before a date ("on", "at", "den", "в")
    while len(parts) > 1 and parts[-1].islower() and len(parts[-1]) <= 3:
        parts.pop()
    name = " ".join(parts).strip(" ,;-–|")
    return name if name and not name[0].islower() else ""


def is_reply_line(stripped: str, cues: SegmentationCues) -> bool:
    return _norm(stripped) in cues.comment_replies


def has_statement_cue(paragraph: str, cues: SegmentationCues) -> bool:
    """Whether a short paragraph announces a reproduced statement."""
    if len(words(paragraph)) > STATEMENT_CUE_WORDS:
        return False
    norm = _norm(paragraph)
    return any(has_phrase(norm, cue) for cue in cues.statements)


def is_title_shaped(stripped: str) -> bool:
    return bool(stripped) and len(stripped) <= TITLE_MAX_CHARS and (
        len(words(stripped)) <= TITLE_MAX_WORDS
    )


def ends_as_lead_in(paragraph: str, cues: SegmentationCues, lang: str) -> bool:
    """Whether a paragraph ends as an introduction to what follows.

    "The Memorial report says:", "According to Memorial society,", "HRW noted that".
    """
    last = _last_char(paragraph)
    if last in (":", ","):
        return True
    if last.isalnum():
        fw = cues.function_words.get(lang.split("-")[0], frozenset())
        return _last_word(paragraph).lower() in fw
    return False


def is_standalone_short(stripped: str, cues: SegmentationCues, lang: str) -> bool:
    """A line that may be a heading or a caption: short, unpunctuated, not a lead-in."""
    ws = words(stripped)
    if not ws or len(ws) > SHORT_LINE_WORDS:
        return False
    first = stripped[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘«([" or not first.isalpha()):
        return False
    if _last_char(stripped) in _TERMINAL:
        return False
    return not ends_as_lead_in(stripped, cues, lang)


def caption_signals(stripped: str, cues: SegmentationCues, lang: str) -> bool:
    """Signs that a short line captions a picture rather than heads a section."""
    norm = _norm(stripped)
    if any(has_phrase(norm, c) for c in cues.caption_credits):
        return True
    if _FILE_TOKEN.search(stripped):
        return True
    if len(words(stripped)) > HEADING_MAX_WORDS:
        return True
    base = lang.split("-")[0]
    locatives = cues.caption_locatives.get(base, frozenset())
    function_words = cues.function_words.get(base, frozenset())
    ws = words(stripped)
    for i in range(1, len(ws) - 1):  # not at the start: "In sport" is a heading
        if ws[i].lower() not in locatives:
            continue
        k = i + 1
        if k + 1 < len(ws) and ws[k].lower() in function_words:  # "in the Agdam Mosque"
            k += 1
        if ws[k][:1].isupper():
            return True
    return False


# ---------------------------------------------------------------- the section finder


@dataclass
class _Label:
    kind: str | None = None
    author: str | None = None
    group: int = 0  # lines of one comment / one heading share a group


def find_sections(doc: SourceDocument, lexicon: Lexicon | None = None) -> tuple[Section, ...]:
    """The sections of `doc`, in order, covering the whole text.

    Each section starts at the first non-space character of its first line (the first
    section at 0) and ends where the next begins (the last at the end of the text).
    """
    cues = segmentation_cues(lexicon or load_lexicon())
    lines = split_lines(doc.text)
    labels = _label_lines(doc, lines, cues)
    return _merge(doc.text, lines, labels)


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """Runs of consecutive non-blank lines."""
    out: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if ln.blank:
            if cur:
                out.append(cur)
                cur = []
        else:
            cur.append(ln)
    if cur:
        out.append(cur)
    return out


def _label_lines(doc: SourceDocument, lines: list[Line], cues: SegmentationCues) -> list[_Label]:
    text_len = max(len(doc.text), 1)
    lang = doc.language or "en"
    labels = [_Label() for _ in lines]
    group = iter(range(1, 1 << 30))

    # 1. references
    refs_start: int | None = None
    numbered_ok = False
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            i += 1
            continue
        if heading_cue(ln.stripped, cues) == "references":
            numbered_ok = True
            i += 1
            continue
        if reference_entry_number(ln, cues, numbered_ok) is None:
            if not ln.indented:
                numbered_ok = False
            i += 1
            continue
        g = next(group)
        if refs_start is None:
            refs_start = ln.start
        labels[i] = _Label(REFERENCES, None, g)
        j = i + 1
        # the list runs on over entries, blank lines and indented continuation lines
        while j < len(lines) and (
            lines[j].blank or lines[j].indented
            or reference_entry_number(lines[j], cues, numbered_ok) is not None
        ):
            if not lines[j].blank:
                labels[j] = _Label(REFERENCES, None, g)
            j += 1
        i = j
    refs_end = max((ln.end for ln, lb in zip(lines, labels) if lb.kind == REFERENCES), default=None)

    # 5 (found early: comments depend on it). trailing matter
    tail_start: int | None = None
    for ln, lb in zip(lines, labels):
        if (lb.kind is None and not ln.blank and ln.start >= TAIL_FRACTION * text_len
                and is_boilerplate_line(ln.stripped, cues) == "tail"):
            tail_start = ln.start
            break
    if refs_start is not None and refs_end is not None and refs_start >= TAIL_FRACTION * text_len:
        tail_start = refs_end if tail_start is None else min(tail_start, refs_end)

    # 2. comments
    i = 0
    while i < len(lines):
        ln = lines[i]
        header = None if ln.blank or labels[i].kind else comment_header(ln.stripped, cues)
        in_tail = tail_start is not None and ln.start >= tail_start
        if header is None or not (header[0] or in_tail):
            i += 1
            continue
        author = header[1]
        labels[i] = _Label(BOILERPLATE, None, next(group))
        g = next(group)
        j = i + 1
        indented_body: bool | None = None
        while j < len(lines):
            nx = lines[j]
            if nx.blank:
                j += 1
                continue
            if labels[j].kind is not None or comment_header(nx.stripped, cues) is not None:
                break
            if indented_body is None:
                indented_body = nx.indented
            elif indented_body and not nx.indented:
                break
            if is_reply_line(nx.stripped, cues) or is_boilerplate_line(nx.stripped, cues):
                labels[j] = _Label(BOILERPLATE, None, next(group))
                if not is_reply_line(nx.stripped, cues):
                    break
            else:
                labels[j] = _Label(COMMENT, author, g)
            j += 1
        i = j

    # 3. title: the first line that is not boilerplate (a blog's menu line comes first); a
    # site's name above its menu line is a masthead, and the page's title follows the menu
    head = [k for k, ln in enumerate(lines) if not ln.blank][:3]
    menu = next((k for k in head if is_boilerplate_line(lines[k].stripped, cues) == "menu"), None)
    if menu is not None:
        for k in head:
            if k < menu and labels[k].kind is None and is_title_shaped(lines[k].stripped):
                labels[k] = _Label(BOILERPLATE, None, next(group))
    first = next((k for k, ln in enumerate(lines) if not ln.blank and (menu is None or k > menu)
                  and is_boilerplate_line(ln.stripped, cues) is None), None)
    if first is not None and labels[first].kind is None:
        s = lines[first].stripped
        if is_title_shaped(s) and is_boilerplate_line(s, cues) is None:
            labels[first] = _Label(TITLE, None, next(group))

    # 4. infobox blocks
    for block in _blocks(lines):
        free = [ln for ln in block if labels[ln.index].kind is None]
        fields = [ln for ln in free if (m := infobox_field(ln.stripped, cues)) and m.tabular]
        if len(fields) < 2:
            continue
        g = next(group)
        prev_tabular = False
        for ln in free:
            m = infobox_field(ln.stripped, cues)
            if m is not None:
                labels[ln.index] = _Label(INFOBOX, None, g)
                prev_tabular = m.tabular
            elif prev_tabular and _is_continuation(ln.stripped):
                labels[ln.index] = _Label(INFOBOX, None, g)
            else:
                labels[ln.index] = _Label(CAPTION, None, next(group))
                prev_tabular = False

    # 5. trailing matter, 6. boilerplate lines, 7. heading cues
    for ln, lb in zip(lines, labels):
        if ln.blank or lb.kind is not None:
            continue
        if tail_start is not None and ln.start >= tail_start or is_boilerplate_line(ln.stripped, cues):
            lb.kind, lb.group = BOILERPLATE, next(group)
        elif heading_cue(ln.stripped, cues):
            lb.kind, lb.group = HEADING, next(group)

    # 8. stand-alone short lines, 9. paragraphs
    for block in _blocks(lines):
        free = [ln for ln in block if labels[ln.index].kind is None]
        if not free:
            continue
        if _is_wrapped(free):
            for ln in free:
                labels[ln.index].kind = BODY
            continue
        shorts = [ln for ln in free if is_standalone_short(ln.stripped, cues, lang)]
        captioned = any(caption_signals(ln.stripped, cues, lang) for ln in shorts)
        for ln in free:
            lb = labels[ln.index]
            if ln not in shorts:
                lb.kind = BODY
                continue
            repeated = _repeats_neighbour(lines, ln)
            if captioned and len(shorts) > 1 or repeated or caption_signals(ln.stripped, cues, lang):
                lb.kind = CAPTION
            else:
                lb.kind = HEADING
            lb.group = next(group)

    _mark_statements_and_quotes(lines, labels, cues, lang, tail_start)
    return labels


def _is_continuation(stripped: str) -> bool:
    """A short infobox value line under a field ("485 (per Azerbaijani parliament)[3]")."""
    return len(words(stripped)) <= CUE_LINE_WORDS and _last_char(stripped) not in ".!?:"


def _is_wrapped(block: list[Line]) -> bool:
    """Whether a block is one paragraph hard-wrapped over several lines."""
    if len(block) < 2:
        return False
    return any(
        _last_char(a.stripped) not in _TERMINAL and b.stripped[:1].islower()
        for a, b in itertools.pairwise(block)
    )


def _repeats_neighbour(lines: list[Line], ln: Line) -> bool:
    """Whether the nearest non-blank line before or after has the same text."""
    for step in (-1, 1):
        k = ln.index + step
        while 0 <= k < len(lines) and lines[k].blank:
            k += step
        if 0 <= k < len(lines) and lines[k].stripped == ln.stripped:
            return True
    return False


def _paragraphs(lines: list[Line], labels: list[_Label]) -> list[list[int]]:
    """Runs of consecutive non-blank lines of one label kind, as line indices."""
    out: list[list[int]] = []
    cur: list[int] = []
    for ln in lines:
        if ln.blank:
            if cur:
                out.append(cur)
                cur = []
            continue
        if cur and labels[cur[-1]].kind != labels[ln.index].kind:
            out.append(cur)
            cur = []
        cur.append(ln.index)
    if cur:
        out.append(cur)
    return out


def _mark_statements_and_quotes(lines: list[Line], labels: list[_Label], cues: SegmentationCues,
                                lang: str, tail_start: int | None) -> None:
    in_statement = False
    prev_body_text: str | None = None  # the paragraph just before, if it was body
    for para in _paragraphs(lines, labels):
        kind = labels[para[0]].kind
        text = " ".join(lines[k].stripped for k in para)
        if kind in (BOILERPLATE, COMMENT, REFERENCES):
            in_statement = False
            prev_body_text = None
            continue
        if kind != BODY:
            prev_body_text = None
            continue
        if in_statement:
            for k in para:
                labels[k].kind = STATEMENT
            continue
        if prev_body_text is not None and ends_as_lead_in(prev_body_text, cues, lang):
            for k in para:
                labels[k].kind = QUOTE
            prev_body_text = None
            continue
        if has_statement_cue(text, cues):
            in_statement = True
        prev_body_text = text


def _merge(text: str, lines: list[Line], labels: list[_Label]) -> tuple[Section, ...]:
    runs: list[tuple[int, str, str | None]] = []  # (start, kind, author)
    prev: tuple[str, str | None, int] | None = None
    for ln, lb in zip(lines, labels):
        if ln.blank or lb.kind is None:
            continue
        # headings, titles and comments stand alone; other kinds merge with their kind
        key_group = lb.group if lb.kind in (HEADING, TITLE, COMMENT) else 0
        key = (lb.kind, lb.author, key_group)
        if key != prev:
            runs.append((ln.content_start, lb.kind, lb.author))
            prev = key
    if not runs:
        return (Section(0, BODY, 0, len(text)),)
    sections = []
    for n, (start, kind, author) in enumerate(runs):
        begin = 0 if n == 0 else start
        end = runs[n + 1][0] if n + 1 < len(runs) else len(text)
        sections.append(Section(n, kind, begin, end, author))
    return tuple(sections)
