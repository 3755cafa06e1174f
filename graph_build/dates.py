"""Find dates in running text and give them as ISO strings, as precise as the text is.

Month names and the words around dates ("года", "th", "of") come from the lexicon
(`ontology/lexicon/dates.ttl`, classes ckg:MonthName and ckg:DateWord); this module
only knows the shapes dates take:

- ISO "2010-04-22"; day-month-year "26 February 1992", "20th January 2022",
  "27. mars 2012", "20 января 1990 года"; month-day-year "February 26, 1992",
  "January 20th, 1990"; dotted numeric "11.03.92" / "11.03.1992" (day first);
- ranges "January 19-20, 1990", "25–26 February 1992", "1991–1992" (`iso_end` is set);
- month-year "March 1998"; a year alone "in 1994";
- day-month without a year "On January 18", "the 22nd of February" (precision
  "day-no-year", iso "--01-18" as in xsd:gMonthDay: the caller takes the year from context).

Rule for a year standing alone: four digits from 1000 to 2099 that are not part of a
longer number or code: not after a digit, "-", "/", ".", ",", a currency sign or a digit
and a space ("12 000"), and not before a digit, "-", "/", "%" or a separator and a digit
("1,000", "1945-7"). A count such as "2000 people" is still taken as a year: the caller
decides what a number means in its sentence.

>>> [(m.iso, m.precision) for m in find_dates("On 25–26 February 1992, and in 1994.", "en")]
[('1992-02-25', 'day'), ('1994', 'year')]
>>> parse_date("27. mars 2012", "nb")
'2012-03-27'
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

from .lexicon import Lexicon, load_lexicon

DAY = "day"
MONTH = "month"
YEAR = "year"
DAY_NO_YEAR = "day-no-year"


@dataclass(frozen=True)
class DateMention:
    """A date at text[start:end]. `iso_end` is set for ranges ("19-20 January 1990")."""

    start: int
    end: int
    iso: str  # YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD for day-no-year
    precision: str  # day | month | year | day-no-year
    iso_end: str | None = None


@dataclass(frozen=True)
class _Grammar:
    """Compiled date patterns for one lexicon, in the order they are tried."""

    months: dict[str, tuple[str, frozenset[str]]]  # lower label -> (MM, label languages)
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


_FULL = frozenset({"d-d-m-y", "m-d-d-y", "d-m-y", "m-d-y"})
_YEAR = r"(?P<y>1\d{3}|20\d{2})(?!\d)"
_DASH = r"\s*[-‐‑–—]\s*"


def _alternation(labels: list[str]) -> str:
    uniq = sorted(set(labels), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) for s in uniq)


@functools.lru_cache(maxsize=4)
def _grammar(lexicon: Lexicon) -> _Grammar:
    months: dict[str, tuple[str, set[str]]] = {}
    for label, concept in lexicon.labels("MonthName"):
        key = label.lower()
        mm = concept.notation or ""
        langs = {lg for lg, lab in concept.labels if lab.lower() == key}
        if key in months:
            months[key][1].update(langs)
        else:
            months[key] = (mm, set(langs))
    frozen = {k: (v[0], frozenset(v[1])) for k, v in months.items()}

    def words(notation: str) -> list[str]:
        return [lab for lab, c in lexicon.labels("DateWord") if c.notation == notation]

    # a label ending in "." ("Jan.") must not be followed by a letter; others end at a word edge
    mon = rf"(?P<m>{_alternation(list(months))})(?:(?<=\.)|\b)\.?"
    ordinal = _alternation(words("ordinal-suffix")) or "(?!)"
    ysuf = _alternation(words("year-suffix")) or "(?!)"
    day_of = _alternation(words("day-of")) or "(?!)"
    day = r"(?P<d>[0-3]?\d)"
    day_tail = rf"(?:(?:{ordinal})\b|\.)?"
    year_tail = rf"(?:\s+(?:{ysuf})(?:(?<=\.)|\b))?"
    lead = r"(?<![\d.,/])"
    pats = [
        ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])"),
        ("d-d-m-y", (rf"{lead}(?P<d>[0-3]?\d){day_tail}{_DASH}(?P<d2>[0-3]?\d){day_tail}\s+"
                    rf"(?:(?:{day_of})\s+)?{mon},?\s+{_YEAR}{year_tail}")),
        ("m-d-d-y", (rf"{mon}\s+(?P<d>[0-3]?\d)(?:(?:{ordinal})\b)?{_DASH}(?P<d2>[0-3]?\d)"
                    rf"(?:(?:{ordinal})\b)?,?\s+{_YEAR}")),
        ("d-m-y", rf"{lead}{day}{day_tail}\s+(?:(?:{day_of})\s+)?{mon},?\s+{_YEAR}{year_tail}"),
        ("m-d-y", rf"{mon}\s+{day}(?:(?:{ordinal})\b)?,?\s+{_YEAR}"),
        ("numeric", r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>\d{4}|\d{2})(?![\d]|\.\d)"),
        ("m-y", rf"{mon},?\s+{_YEAR}{year_tail}"),
        ("d-m", rf"{lead}{day}{day_tail}\s+(?:(?:{day_of})\s+)?{mon}(?!\s*\d)"),
        ("m-d", rf"{mon}\s+{day}(?:(?:{ordinal})\b)?(?![\d,.]\d|\s*[-–]\s*\d)"),
        ("y-y", (rf"(?<![\d\-–/.,$€£])(?<!\d\s){_YEAR}{_DASH}(?P<y2>1\d{{3}}|20\d{{2}}|\d{{2}})"
                r"(?![\d\-–/%]|[.,]\d)")),
        ("y", rf"(?<![\d\-–/.,$€£])(?<!\d\s){_YEAR}{year_tail}(?![\d\-–/%]|[.,]\d)"),
    ]
    flags = re.IGNORECASE
    return _Grammar(frozen, tuple((name, re.compile(p, flags)) for name, p in pats))


def _valid(y: int, m: int, d: int | None) -> bool:
    try:
        _dt.date(y, m, d or 1)
    except ValueError:
        return False
    return True


def _month_ok(grammar: _Grammar, written: str, lang: str, full: bool) -> str | None:
    """The month number for a month word as written, or None.

    English month names must be capitalised: "may" and "march" are also verbs. A
    lowercase month word counts when another language has it ("mars", "января"); in an
    English text only inside a full day-month-year date (a Norwegian source cited there).
    """
    entry = grammar.months.get(written.lower())
    if entry is None:
        return None
    mm, langs = entry
    if written[:1].islower():
        if not langs - {"en"}:
            return None
        if lang.split("-")[0] == "en" and not full:
            return None
    return mm


def _mention(grammar: _Grammar, name: str, m: re.Match[str], lang: str) -> DateMention | None:
    g = m.groupdict()
    mm: str | None
    if "m" in g and g["m"] is not None:
        mm = _month_ok(grammar, g["m"], lang, full=name in _FULL)
        if mm is None:
            return None
    else:
        mm = g.get("mo")
    start, end = m.start(), m.end()
    if name == "y":
        return DateMention(start, end, g["y"], YEAR)
    if name == "y-y":
        y1, y2 = g["y"], g["y2"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        if int(y2) <= int(y1):
            return None
        return DateMention(start, end, y1, YEAR, y2)
    assert mm is not None
    month = int(mm)
    if name in ("d-m", "m-d"):
        day = int(g["d"])
        if not _valid(2000, month, day):  # 2000 is a leap year: 29 February stays valid
            return None
        return DateMention(start, end, f"--{month:02d}-{day:02d}", DAY_NO_YEAR)
    year_s = g["y"]
    if name == "numeric" and len(year_s) == 2:
        # two-digit years: 00-30 are 20xx, the rest 19xx (a dated press archive convention)
        year_s = ("20" if int(year_s) <= 30 else "19") + year_s
    year = int(year_s)
    if not 1000 <= year <= 2099:
        return None
    if name == "m-y":
        if not _valid(year, month, None):
            return None
        return DateMention(start, end, f"{year:04d}-{month:02d}", MONTH)
    day = int(g["d"])
    if not _valid(year, month, day):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    iso_end = None
    if g.get("d2"):
        d2 = int(g["d2"])
        if not _valid(year, month, d2) or d2 <= day:
            return None
        iso_end = f"{year:04d}-{month:02d}-{d2:02d}"
    return DateMention(start, end, iso, DAY, iso_end)


def find_dates(text: str, lang: str = "en", lexicon: Lexicon | None = None) -> list[DateMention]:
    """All dates in `text`, in text order, longest reading first (no two overlap).

    `lang` is the text's language (BCP 47). Month names of every language in the lexicon
    are recognised, since a Norwegian page cites English sources; `lang` decides whether
    a lowercase month word may stand without a full date around it.
    """
    grammar = _grammar(lexicon or load_lexicon())
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for name, pattern in grammar.patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = _mention(grammar, name, m, lang)
            if mention is None:
                continue
            taken.append((mention.start, mention.end))
            found.append(mention)
    return sorted(found, key=lambda d: (d.start, d.end))


def parse_date(text: str, lang: str = "en", lexicon: Lexicon | None = None) -> str | None:
    """The first dated mention in `text` as ISO (YYYY, YYYY-MM or YYYY-MM-DD), else None.

    A day and month without a year ("January 18") gives None: it names no full date.
    """
    for m in find_dates(text, lang, lexicon):
        if m.precision != DAY_NO_YEAR:
            return m.iso
    return None
