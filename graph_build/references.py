"""Parse the numbered reference list of a document into `Reference` records.

An entry is "  3. ^ a b c de Waal, Thomas (2004). Black garden: ... ABC-CLIO. pp. 172–173.
ISBN 0-8147-1945-7. Archived from the original on 3 June 2016." (the "^" marker and the
"a b c" back-links are dropped), plus any indented lines under it. Reference.raw is the
entry as written: text[start:end] == raw.

Fields, as far as the entry gives them (cue words from the lexicon, ckg:ReferenceCue and
ckg:LanguageName; dates through graph_build/dates.py):

- authors: before "(year)" ("Denber, Rachel; Goldman, Robert K. (1992)", split at ";"),
  or before a quoted title ("(ru) Michael Smith. «...»"), or a short first segment before
  an unquoted title ("Human Rights Watch. Bloodshed in the Caucasus ...");
- title: the quoted title ("…", «…», “…”) right after the author segment or at the start,
  else the segment after the author/year;
- publisher: the segment after the title (publisher, journal, site or containing work),
  or "X" in a leading "X, 3 March 1992";
- date: the publication date: "(year)", else the first date outside the title, the
  quotation and the archive/access dates;
- archive_date / access_date: the date after an "archived" / "retrieved" cue;
- isbn (all), pages ("p. 24", "pp. 172–173", "s. 22", "36 (2): 228"), language
  ("(ru)", "(in Russian)");
- quotation: a quoted passage ending the entry («The results ...»), or sentence-like
  text after the last archive/access date, page or ISBN (Wikipedia's quote= field).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .dates import DAY_NO_YEAR, DateMention, find_dates
from .lexicon import Lexicon, load_lexicon
from .model import REFERENCES, Reference, Section, SourceDocument
from .sections import segmentation_cues, split_lines
from .sentences import period_ends_abbreviation

_ENTRY = re.compile(r"^(?P<lead>\s*(?:(?P<n>\d{1,4})[.)]|\[(?P<b>\d{1,4})\])\s+)")
_BACKLINKS = re.compile(r"a(?:\s+[b-z])+\s+")
_QUOTED = re.compile(r"«(?P<g>[^«»]+)»|“(?P<c>[^“”]+)”|\"(?P<s>[^\"]+?)\"(?=[\s.,;:)]|$)")
_AUTHOR_YEAR = re.compile(
    r"^(?P<a>[^()\"«“]{2,200}?)\s*\((?P<d>[^()]{0,30}?\b(?:1\d{3}|20\d{2})\b[^()]{0,10})\)"
    r"\s*[.:,]?\s*"
)
_VOLUME_PAGE = re.compile(r"\b\d{1,4}\s*\(\d{1,4}\)\s*:\s*(?P<p>\d+(?:\s*[-–]\s*\d+)?)")
_ISBN_NUMBER = r"\s*(?:-1[03])?:?[\s\u00a0]*(?P<i>[\dXx](?:[\d\-‐– \u00a0Xx]{8,20})[\dXx])"
_SENTENCE_LIKE_WORDS = 6
_SHORT_AUTHOR_WORDS = 4
_SHORT_PUBLISHER_WORDS = 8


@dataclass(frozen=True)
class _Cues:
    markers: tuple[str, ...]
    archived: tuple[str, ...]  # lower-case, longest first
    retrieved: tuple[str, ...]
    pages: tuple[str, ...]
    isbn: tuple[str, ...]
    language_in: tuple[str, ...]
    formats: tuple[str, ...]
    languages: dict[str, str]  # lower-case name or code -> BCP 47


@functools.lru_cache(maxsize=4)
def _cues(lexicon: Lexicon) -> _Cues:
    def of(notation: str) -> tuple[str, ...]:
        labs = {lab for lab, c in lexicon.labels("ReferenceCue") if c.notation == notation}
        return tuple(sorted(labs, key=lambda s: (-len(s), s)))

    languages = {}
    for c in lexicon.of_kind("LanguageName"):
        for _, lab in c.labels:
            if c.notation:
                languages[lab.lower()] = c.notation
    return _Cues(
        markers=segmentation_cues(lexicon).reference_markers,
        archived=tuple(s.lower() for s in of("archived")),
        retrieved=tuple(s.lower() for s in of("retrieved")),
        pages=of("pages"),
        isbn=of("isbn"),
        language_in=tuple(s.lower() for s in of("language")),
        formats=tuple(s.lower() for s in of("format")),
        languages=languages,
    )


def parse_references(doc: SourceDocument, sections: tuple[Section, ...],
                     lexicon: Lexicon | None = None) -> tuple[Reference, ...]:
    """The entries of the references sections of `doc`, in text order."""
    lex = lexicon or load_lexicon()
    cues = _cues(lex)
    out: list[Reference] = []
    for section in sections:
        if section.kind != REFERENCES:
            continue
        for number, start, end in _entries(doc.text, section, cues):
            out.append(parse_entry(number, doc.text[start:end], start, doc.language, lex))
    return tuple(out)


def _entries(text: str, section: Section, cues: _Cues) -> list[tuple[int, int, int]]:
    """(number, start, end) of each entry in a references section."""
    found: list[list[int]] = []  # [number, start, end]
    for ln in split_lines(text[section.start:section.end]):
        if ln.blank:
            continue
        line_start = section.start + ln.start
        line_end = section.start + ln.end
        m = _ENTRY.match(ln.text)
        if m and not (found and ln.text[:1].isspace() and _is_continuation_of(ln.text, m)):
            at = m.end()
            rest = ln.text[at:]
            for mk in cues.markers:
                if rest.startswith(mk):
                    at += len(mk)
                    break
            at += len(ln.text[at:]) - len(ln.text[at:].lstrip())
            back = _BACKLINKS.match(ln.text, at)
            if back:
                at = back.end()
            number = int(m.group("n") or m.group("b"))
            found.append([number, line_start + at, line_end])
        elif found:
            found[-1][2] = line_end
    out = []
    for number, s, e in found:
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((number, s, e))
    return out


def _is_continuation_of(line: str, m: re.Match[str]) -> bool:
    # an indented continuation line may start with a number ("    1992. pp. 12"): an entry
    # line has the same shallow indentation as the list; deeper ones continue the entry
    return len(m.group("lead")) - len(m.group("lead").lstrip()) > 4


def parse_entry(number: int, raw: str, start: int = 0, doc_language: str = "en",
                lexicon: Lexicon | None = None) -> Reference:
    """One reference entry (the text after the marker) parsed into a Reference.

    >>> r = parse_entry(3, "de Waal, Thomas (2004). Black garden. ABC-CLIO. p. 172.")
    >>> (r.authors, r.title, r.publisher, r.date, r.pages)
    (('de Waal, Thomas',), 'Black garden', 'ABC-CLIO', '2004', '172')
    """
    lex = lexicon or load_lexicon()
    cues = _cues(lex)
    flat = " ".join(raw.split())  # continuation lines joined; offsets below are in `flat`
    language = _language(flat, cues)
    isbn = tuple(dict.fromkeys(
        re.sub(r"[\s\u00a0]+", "", m.group("i")) for label in cues.isbn
        for m in re.finditer(re.escape(label) + _ISBN_NUMBER, flat)
    ))
    dates = [d for d in find_dates(flat, doc_language, lex) if d.precision != DAY_NO_YEAR]
    archive_date, access_date, cue_dates = _cue_dates(flat, dates, cues)
    pages, pages_end = _pages(flat, cues)

    authors: tuple[str, ...] = ()
    title: str | None = None
    title_span: tuple[int, int] | None = None
    publisher: str | None = None
    date: str | None = None
    after_title = 0

    lead = _strip_language_tag(flat, cues)
    ay = _AUTHOR_YEAR.match(flat, lead)
    quoted = _title_quote(flat, ay.end() if ay else lead)
    if ay:
        authors = _split_authors(ay.group("a"))
        year_dates = find_dates(ay.group("d"), doc_language, lex)
        date = year_dates[0].iso if year_dates else None
        if quoted and quoted[0] <= ay.end() + 1:
            title_span = (quoted[0] + 1, quoted[1] - 1)
            after_title = quoted[1]
        else:
            seg = _next_segment(flat, ay.end(), lex)
            if seg:
                title_span = seg
                after_title = seg[1]
    elif quoted:
        title_span = (quoted[0] + 1, quoted[1] - 1)
        after_title = quoted[1]
        # "The Times, 3 March 1992. Anatol Lieven, "Title"": work and date, then author
        segs = _segments(flat, lead, lex)
        segs = [(a, min(b, quoted[0])) for a, b in segs if a < quoted[0]]
        for k, (a, b) in enumerate(segs):
            seg = flat[a:b].strip(" .,;:")
            if not seg:
                continue
            tail_date = _date_at_end(dates, a, a + len(flat[a:b].rstrip(" .,;:")))
            if tail_date is not None and k == 0 and len(segs) > 1:
                work = flat[a:tail_date.start].strip(" ,;:")
                if work and len(work.split()) <= 5:
                    publisher, date = work, tail_date.iso
                continue
            if k == len(segs) - 1 and not _has_date(seg, dates, a):
                authors = _split_authors(seg)
    else:
        pos = lead
        first = _next_segment(flat, pos, lex)
        if first:
            s, e = first
            seg = flat[s:e]
            tail_date = _date_at_end(dates, s, e)
            if tail_date is not None and len(flat[s:tail_date.start].split()) <= 5:
                publisher = flat[s:tail_date.start].strip(" ,;:") or None
                date = tail_date.iso
                pos = e
                first = _next_segment(flat, pos, lex)
        if first:
            s, e = first
            second = _next_segment(flat, e, lex)
            if second and _looks_like_author(flat[s:e]) and not _is_meta(flat[second[0]:], cues):
                authors = _split_authors(flat[s:e])
                first = second
        if first:
            s, e = first
            e_title = _cut_at_cue(flat, s, e, cues)
            in_title = next((d for d in dates if s < d.start < e_title
                             and flat[s:d.start].rstrip().endswith(",")), None)
            if in_title is not None:
                e_title = in_title.start
            title_span = (s, e_title)
            after_title = e
    if title_span:
        s, e = title_span
        title = _strip_quotes(_strip_descriptors(flat[s:e], cues)) or None
    if publisher is None and title_span:
        publisher = _publisher(flat, after_title, dates, cues, lex)

    quotation, q_span = _quotation(flat, title_span, cue_dates, pages_end, dates, cues)
    if date is None:
        for d in dates:
            if d in cue_dates or _inside(d.start, title_span) or _inside(d.start, q_span):
                continue
            date = d.iso
            break
    return Reference(
        number=number,
        start=start,
        end=start + len(raw),
        raw=raw,
        authors=authors,
        title=title,
        publisher=publisher,
        date=date,
        isbn=isbn,
        archive_date=archive_date,
        access_date=access_date,
        language=language,
        pages=pages,
        quotation=quotation,
    )


def _inside(pos: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= pos < span[1]


def _language(flat: str, cues: _Cues) -> str | None:
    """The language an entry declares: "(ru)", "(in Russian)", "(на русском языке)"."""
    for m in re.finditer(r"\(([^()]{1,40})\)", flat):
        ws = m.group(1).lower().split()
        if ws and ws[0] in cues.language_in:
            ws = ws[1:]
        for w in ws[:1]:
            if w in cues.languages:
                return cues.languages[w]
    return None


def _strip_language_tag(flat: str, cues: _Cues) -> int:
    m = re.match(r"\s*\(([^()]{1,40})\)\s*", flat)
    if m and m.group(1).lower().split()[-1:] and _language(m.group(0), cues):
        return m.end()
    return 0


def _title_quote(flat: str, at: int) -> tuple[int, int] | None:
    """(open, close+1) of a quoted title at `at` or after a segment ending in . , : ; )

    Only the first quotation from `at` on is considered: a quotation inside a segment
    ("Доклад общества «Мемориал»") is part of an unquoted title, not the title.
    """
    for m in _QUOTED.finditer(flat, at):
        before = flat[at:m.start()].rstrip()
        if not before or before[-1] in ".,:;)":
            return m.start(), m.end()
        return None
    return None


def _split_authors(text: str) -> tuple[str, ...]:
    parts = [p.strip(" ,") for p in text.split(";")]
    out = []
    for p in parts:
        if p.endswith(".") and not re.search(r"(?:^|\s)\w\.$", p):
            p = p[:-1]
        if p:
            out.append(p)
    return tuple(out)


def _segments(flat: str, start: int, lex: Lexicon) -> list[tuple[int, int]]:
    """(start, end) of the ". "-separated segments of flat[start:], abbreviations kept whole."""
    out: list[tuple[int, int]] = []
    s = start
    # only ". " separates: "What and How Do We Remember? The Politics of ..." is one title
    for m in re.finditer(r"\.\s+", flat[start:]):
        dot = start + m.start()
        if period_ends_abbreviation(flat, dot, lex) or _inside_parens(flat, start, dot):
            continue
        out.append((s, dot + 1))
        s = start + m.end()
    if s < len(flat):
        out.append((s, len(flat)))
    return [(a, b) for a, b in out if flat[a:b].strip(" .")]


def _strip_quotes(text: str) -> str:
    """`text` without quote marks left over at its ends (a closing one whose opener is inside stays)."""
    text = text.strip(" .,;:")
    for opener, closer in (("«", "»"), ("“", "”"), ('"', '"')):
        if opener == closer:
            if text.count(opener) % 2:
                text = text.strip(opener)
            elif text.startswith(opener) and text.endswith(opener) and text.count(opener) == 2:
                text = text[1:-1]
            continue
        if text.startswith(opener) and closer not in text:
            text = text[1:]
        if text.endswith(closer) and opener not in text:
            text = text[:-1]
    return text.strip(" .,;:")


def _inside_parens(flat: str, start: int, pos: int) -> bool:
    return flat.count("(", start, pos) > flat.count(")", start, pos)


def _cut_at_cue(flat: str, s: int, e: int, cues: _Cues) -> int:
    """Where an unquoted title or publisher ends: before an archive/retrieved/ISBN cue."""
    low = flat[s:e].lower()
    cut = e
    for c in (*cues.archived, *cues.retrieved, *(i.lower() for i in cues.isbn)):
        m = _phrase(c).search(low)
        if m and m.start() > 0:
            cut = min(cut, s + m.start())
    return cut


@functools.lru_cache(maxsize=256)
def _phrase(label: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(label) + (r"(?!\w)" if label[-1:].isalnum() else ""))


def _strip_descriptors(text: str, cues: _Cues) -> str:
    """`text` without trailing "(PDF)" / "(in Russian)" and separators."""
    while True:
        text = text.strip(" .,;:-–")
        m = re.search(r"\(([^()]{1,40})\)$", text)
        if not m or not (_language(m.group(0), cues) or m.group(1).lower() in cues.formats):
            return text
        text = text[:m.start()]


def _next_segment(flat: str, start: int, lex: Lexicon) -> tuple[int, int] | None:
    segs = _segments(flat, start, lex)
    if not segs:
        return None
    s, e = segs[0]
    while e > s and flat[e - 1] in ". ":
        e -= 1
    return s, e


def _date_at_end(dates: list[DateMention], s: int, e: int) -> DateMention | None:
    for d in dates:
        if s <= d.start and d.end >= e - 1 and d.end <= e + 1:
            return d
    return None


def _has_date(text: str, dates: list[DateMention], offset: int) -> bool:
    return any(offset <= d.start < offset + len(text) for d in dates)


def _looks_like_author(seg: str) -> bool:
    """A short run of capitalised names: "Human Rights Watch", "Kristen Eichensehr, W. Reisman"."""
    ws = seg.split()
    limit = _SHORT_AUTHOR_WORDS * (2 if "," in seg else 1)
    return (
        0 < len(ws) <= limit
        and not any(ch.isdigit() for ch in seg)
        and all(w[:1].isupper() for w in ws if w[:1].isalpha())
    )


def _is_meta(seg: str, cues: _Cues) -> bool:
    """Whether a segment starts with a cue (archived, retrieved, ISBN, pages, format)."""
    low = seg.lstrip(" (").lower()
    return any(
        low.startswith(c.lower()) for c in
        (*cues.archived, *cues.retrieved, *cues.isbn, *cues.pages, *cues.formats)
    )


def _publisher(flat: str, at: int, dates: list[DateMention], cues: _Cues,
               lex: Lexicon) -> str | None:
    """The segment after the title: publisher, journal, site or containing work."""
    rest = flat[at:].lstrip(" .,;:")
    offset = len(flat) - len(rest)
    # "(PDF)" and "(in Russian)" right after a title describe the title, not a publisher
    while True:
        m = re.match(r"\(([^()]{1,40})\)\s*[.,]?\s*", rest)
        if not m or not (_language(m.group(0), cues) or m.group(1).lower() in cues.formats):
            break
        rest = rest[m.end():]
        offset += m.end()
    for s, e in _segments(flat, offset, lex)[:1]:
        seg = flat[s:e].strip(" .,;")
        if not seg or _is_meta(seg, cues) or seg.startswith(("«", "\"", "“")):
            return None
        e = _cut_at_cue(flat, s, e, cues)
        first_date = next((d for d in dates if s <= d.start < e), None)
        if first_date is not None:
            e = min(e, first_date.start)
        seg = flat[s:e]
        # a leading translation "(Khojaly: the truth ...) Nezavisimaya Gazeta" is not the name
        seg = re.sub(r"^\([^()]*\)\s*", "", seg.strip())
        seg = seg.split(", ")[0]
        # "New York [u.a.]: Human Rights Watch" -> the publisher after the place
        place, sep, name = seg.partition(": ")
        if sep and len(place.split()) <= 3 and "(" not in seg and len(name.split()) <= 8:
            seg = name
        seg = _strip_descriptors(seg, cues)
        if not seg or len(seg.split()) > _SHORT_PUBLISHER_WORDS * 2:
            return None
        return seg
    return None


def _cue_dates(flat: str, dates: list[DateMention], cues: _Cues
               ) -> tuple[str | None, str | None, list[DateMention]]:
    """(archive date, access date, the dates that follow a cue)."""
    archive = access = None
    used: list[DateMention] = []
    for d in dates:
        before = flat[max(0, d.start - 45):d.start].rstrip(" :").lower()
        if any(before.endswith(c) for c in cues.archived):
            used.append(d)
            archive = archive or d.iso
        elif any(before.endswith(c) for c in cues.retrieved):
            used.append(d)
            access = access or d.iso
    return archive, access, used


def _pages(flat: str, cues: _Cues) -> tuple[str | None, int | None]:
    """(pages as written, where they end) from "p. 24", "pp. 172–173", "36 (2): 228"."""
    for label in cues.pages:
        left = r"(?<!\w)" if label[:1].isalnum() else ""
        m = re.search(left + re.escape(label) + r"\s*(?P<p>\d+(?:\s*[-–]\s*\d+)?)", flat)
        if m:
            return re.sub(r"\s+", "", m.group("p")), m.end()
    m = _VOLUME_PAGE.search(flat)
    if m:
        return re.sub(r"\s+", "", m.group("p")), m.end()
    return None, None


def _quotation(flat: str, title_span: tuple[int, int] | None, cue_dates: list[DateMention],
               pages_end: int | None, dates: list[DateMention], cues: _Cues
               ) -> tuple[str | None, tuple[int, int] | None]:
    """A quoted passage that ends the entry, or sentence-like text after its metadata."""
    quotes = [m for m in _QUOTED.finditer(flat)
              if not (title_span and m.start() <= title_span[0] < m.end())]
    if quotes and not flat[quotes[-1].end():].strip(" .,;"):
        q = quotes[-1]
        body = next(g for g in q.groups() if g is not None)
        if len(body.split()) >= 2:
            return body.strip(), (q.start(), q.end())
    anchors = [d.end for d in cue_dates]
    if not anchors and pages_end is not None:
        anchors = [pages_end]
    if not anchors:
        anchors = [d.end for d in dates if not _inside(d.start, title_span)][-1:]
    if not anchors:
        return None, None
    at = max(anchors)
    if title_span is not None and at < title_span[1]:
        return None, None
    m = re.match(r"[\s.,;]*", flat[at:])
    start = at + (m.end() if m else 0)
    tail = flat[start:].strip()
    if (
        len(tail.split()) >= _SENTENCE_LIKE_WORDS
        and (tail[0].isupper() or tail[0] in "\"«“")
        and not _is_meta(tail, cues)
        and not re.match(r"(?:ISBN|\()", tail)
    ):
        return tail, (start, len(flat))
    return None, None
