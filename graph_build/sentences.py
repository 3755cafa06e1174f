"""Split the claim-bearing sections of a document into sentences, with their footnotes.

Only title, body, infobox, statement and quote sections are split: the claim extractor
reads nothing else. The rules:

- A sentence ends at ".", "!", "?" or "…" followed by whitespace and a sentence start
  (a capital letter, a digit, an opening quote or bracket, or a lowercase name particle
  before a capitalised name: "de Waal"), or at the end of its paragraph. It never spans
  two paragraphs (a paragraph is a run of non-blank lines).
- Closing quotes, brackets and footnote markers after the final period belong to the
  sentence: '...intolerable crime."[88]', '...the incident.[14]', "captives. [59]".
- A period after an abbreviation from the lexicon (ckg:Abbreviation: "Dr.", "p.", "U.N.",
  "f.eks.", "г.") or after an initial ("J. Christopher") does not end a sentence.
- A quotation that opens inside a sentence is not split ('HRW said that "... fled. It is
  reported that ..."'), so the attribution stays with what is quoted; quotations longer
  than QUOTE_PROTECT_CHARS are split as usual.
- Footnote markers "[3]" become Citations of the sentence they sit in or end.
- An infobox line is one sentence, with its field notation (continuation lines inherit
  the field above) and where its value starts. The title is one sentence (after a
  leading date such as "date 2022-01-20").

>>> from graph_build.model import Section, SourceDocument
>>> from pathlib import Path
>>> text = "Dr. Smith came. He left.[2]"
>>> doc = SourceDocument("d", "d.txt", Path("d.txt"), text, "", "en")
>>> [text[s.start:s.end] for s in split_sentences(doc, (Section(0, "body", 0, len(text)),))]
['Dr. Smith came.', 'He left.[2]']
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .ingest import leading_date
from .lexicon import Lexicon, load_lexicon
from .model import (
    CLAIM_BEARING,
    INFOBOX,
    LIST_BULLET,
    TITLE,
    Citation,
    Section,
    Sentence,
    SourceDocument,
)
from .sections import infobox_field, segmentation_cues, split_lines

QUOTE_PROTECT_CHARS = 1200

_FOOTNOTE = re.compile(r"\[(\d{1,3})\]")
_END_PUNCT_OR_ITEM = re.compile(rf"[.!?…]+|\n(?={LIST_BULLET} )")
# after the final punctuation: closing quotes/brackets, then footnote markers
_TRAILER = re.compile(r"[\"'”’»)]*(?:[ \u00a0]?\[\d{1,3}\])*[\"'”’»)]*")
_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+$")
_OPENERS = "\"'“‘«([„"
_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"


@dataclass(frozen=True)
class _Abbreviations:
    single: frozenset[str]  # "Dr.", "p.", "U.N."
    spaced: tuple[str, ...]  # "et al.", "т. е."


@functools.lru_cache(maxsize=4)
def _abbreviations(lexicon: Lexicon) -> _Abbreviations:
    labels = [lab for lab, _ in lexicon.labels("Abbreviation")]
    return _Abbreviations(
        frozenset(lab for lab in labels if " " not in lab),
        tuple(sorted((lab for lab in labels if " " in lab), key=len, reverse=True)),
    )


def split_sentences(doc: SourceDocument, sections: tuple[Section, ...],
                    lexicon: Lexicon | None = None) -> tuple[Sentence, ...]:
    """The sentences of the claim-bearing sections of `doc`, in text order, indexed from 0."""
    lex = lexicon or load_lexicon()
    out: list[Sentence] = []
    for section in sections:
        if section.kind not in CLAIM_BEARING:
            continue
        if section.kind == INFOBOX:
            spans = _infobox_lines(doc.text, section, lex)
        elif section.kind == TITLE:
            spans = _title_line(doc.text, section, lex)
        else:
            spans = []
            for p_start, p_end in paragraphs(doc.text, section.start, section.end):
                spans.extend(
                    (s, e, None, None)
                    for s, e in sentence_spans(doc.text, p_start, p_end, lex)
                )
        for start, end, field, value_start in spans:
            out.append(Sentence(
                index=len(out),
                start=start,
                end=end,
                section=section.index,
                citations=citations_in(doc.text, start, end),
                infobox_field=field,
                value_start=value_start,
            ))
    return tuple(out)


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines within text[start:end], trimmed."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        s, e = _trim(text, s, e)
        if s < e:
            out.append((s, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def citations_in(text: str, start: int, end: int) -> tuple[Citation, ...]:
    """The footnote markers "[n]" in text[start:end]."""
    return tuple(
        Citation(int(m.group(1)), start + m.start(), start + m.end())
        for m in _FOOTNOTE.finditer(text[start:end])
    )


def _title_line(text: str, section: Section, lex: Lexicon
                ) -> list[tuple[int, int, str | None, int | None]]:
    for ln in split_lines(text[section.start:section.end]):
        if ln.blank:
            continue
        s, e = section.start + ln.start, section.start + ln.end
        date_end, _ = leading_date(text[s:e], lex)
        s, e = _trim(text, s + date_end, e)
        return [(s, e, None, None)] if s < e else []
    return []


def _infobox_lines(text: str, section: Section, lex: Lexicon
                   ) -> list[tuple[int, int, str | None, int | None]]:
    cues = segmentation_cues(lex)
    out: list[tuple[int, int, str | None, int | None]] = []
    field: str | None = None
    for ln in split_lines(text[section.start:section.end]):
        if ln.blank:
            continue
        s, e = _trim(text, section.start + ln.start, section.start + ln.end)
        m = infobox_field(text[s:e], cues)
        if m is not None:
            field = m.notation
            value_start = s + m.value_offset
        else:
            value_start = s
        out.append((s, e, field, value_start))
    return out


def _quote_spans(p: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotations in a paragraph (straight or curly quotes)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_char = ""
    for i, ch in enumerate(p):
        if open_at is None:
            if ch in _OPEN_QUOTES or (ch == '"' and (i == 0 or not p[i - 1].isalnum())):
                open_at, open_char = i, ch
        elif (ch == '"' and open_char == '"') or (ch in _CLOSE_QUOTES and open_char != '"'):
            spans.append((open_at, i))
            open_at = None
    return spans


def _is_abbreviation(p: str, dot: int, abbr: _Abbreviations) -> bool:
    """Whether the period at p[dot] closes an abbreviation or an initial."""
    head = p[: dot + 1]
    token = head.split()[-1] if head.split() else ""
    token = token.lstrip(_OPENERS)
    if token in abbr.single or _INITIAL.match(token):
        return True
    return any(
        head.endswith(a) and (len(head) == len(a) or not head[-len(a) - 1].isalnum())
        for a in abbr.spaced
    )


def period_ends_abbreviation(text: str, dot: int, lexicon: Lexicon | None = None) -> bool:
    """Whether the period at text[dot] closes an abbreviation ("p.", "Dr.") or an initial."""
    return _is_abbreviation(text, dot, _abbreviations(lexicon or load_lexicon()))


def _starts_sentence(p: str, i: int) -> bool:
    """Whether a sentence may start at p[i]."""
    ch = p[i]
    if ch.isupper() or ch.isdigit() or ch in _OPENERS or ch == "[":
        return True
    # a lowercase name particle before a capitalised name: "de Waal", "van der Leeuw"
    m = re.match(r"([a-z]{1,3})\s+([^\W\d_])", p[i:])
    return bool(m and m.group(2).isupper())


def sentence_spans(text: str, start: int, end: int, lexicon: Lexicon | None = None
                   ) -> list[tuple[int, int]]:
    """(start, end) of the sentences of one paragraph text[start:end], trimmed."""
    abbr = _abbreviations(lexicon or load_lexicon())
    p = text[start:end]
    quotes = [(a, b) for a, b in _quote_spans(p) if b - a <= QUOTE_PROTECT_CHARS]
    out: list[tuple[int, int]] = []
    sent_start = 0
    for m in _END_PUNCT_OR_ITEM.finditer(p):
        punct_end = m.end()
        if m.group() == "." and _is_abbreviation(p, m.start(), abbr):
            continue
        if m.group() == "\n":  # a list item on its own line starts a sentence
            s, e = _trim(text, start + sent_start, start + m.start())
            if s < e:
                out.append((s, e))
            sent_start = m.end()
            continue
        trailer = _TRAILER.match(p, punct_end)
        stop = trailer.end() if trailer else punct_end
        if stop < len(p):
            ws = re.match(r"\s+", p[stop:])
            if not ws or stop + ws.end() >= len(p) or not _starts_sentence(p, stop + ws.end()):
                continue
        # inside a quotation that opened after this sentence began: keep going
        begun = sent_start + len(p[sent_start:]) - len(p[sent_start:].lstrip())
        if any(begun < a < m.start() and stop <= b for a, b in quotes):
            continue
        s, e = _trim(text, start + sent_start, start + stop)
        if s < e:
            out.append((s, e))
        sent_start = stop
    s, e = _trim(text, start + sent_start, end)
    if s < e:
        out.append((s, e))
    return out
