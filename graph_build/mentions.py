"""Mentions: the pieces of a sentence that claims are made of.

Phrase matchers compiled from the lexicon find cue words, hedges, measures, labels and
known entities; small shape rules find figures, noun phrases before and after a cue,
names nobody put in the gazetteer, and events named by a head noun ("the X massacre",
"the shelling of Y"). Everything here reads the lexicon; no cue word is written in code.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .lexicon import Concept, Lexicon

GAP = "…"  # in a lexicon label: up to ten words


def fold(text: str) -> str:
    """Lower-case, strip accents and typographic variants: the key for name matching."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("ı", "i").replace("ə", "e").replace("’", "'").replace("ё", "е")
    return re.sub(r"\s+", " ", t).strip()


def slug(text: str) -> str:
    """A stable IRI-safe slug of a label (Unicode letters kept)."""
    t = fold(text).replace("'", "")
    return re.sub(r"[^\w]+", "-", t).strip("-_") or "x"


@dataclass(frozen=True)
class Hit:
    """A lexicon label found at text[start:end]."""

    start: int
    end: int
    concept: Concept
    label: str


def _case_sensitive(label: str) -> bool:
    # Abbreviations and capitalised short names ("UN", "HRW", "Den") match their case exactly.
    return any(c.isupper() for c in label[1:]) or (len(label) <= 4 and label[:1].isupper())


def _script(ch: str) -> str:
    """The script of a letter from its Unicode name ("CYRILLIC", "LATIN")."""
    return unicodedata.name(ch, "?").split(" ")[0]


@dataclass(frozen=True)
class Inflection:
    """A language's inflectional endings (lexicon `ckg:ending`), longest first."""

    endings: tuple[str, ...]

    @functools.cached_property
    def scripts(self) -> frozenset[str]:
        return frozenset(_script(ch) for e in self.endings for ch in e)

    def stem(self, word: str) -> str | None:
        """The word without its ending, or None if the word does not inflect (too short,
        abbreviation, other script). The stem keeps at least three letters."""
        if len(word) < 4 or not word.isalpha() or word.isupper() \
                or any(_script(ch) not in self.scripts for ch in word):
            return None
        low = word.lower()
        for e in self.endings:
            if low.endswith(e) and len(word) - len(e) >= 3:
                return word[: -len(e)]
        return word

    def pattern(self, word: str) -> str:
        stem = self.stem(word)
        if stem is None:
            return _escape(word)
        return _escape(stem) + "(?:" + "|".join(map(re.escape, self.endings)) + ")?"


def _escape(word: str) -> str:
    """A literal word, with "е" and "ё" interchangeable: Russian text mostly writes "ё" as "е"."""
    return re.sub("[её]", "[её]", re.escape(word))


NO_INFLECTION = Inflection(())


def _label_regex(label: str, infl: Inflection = NO_INFLECTION) -> str:
    parts = []
    for part in label.split(GAP):
        words = part.strip().split()
        parts.append(r"\s+".join(infl.pattern(w) if infl.endings else _escape(w) for w in words))
    body = r"\W+(?:\w+\W+){0,10}?".join(parts)
    if not _case_sensitive(label):
        body = f"(?i:{body})"
    if label[:1].isalnum() or label[:1] == "_":
        body = r"(?<![\w])" + body
    if label[-1:].isalnum() or label[-1:] in "_.":
        body = body + r"(?![\w])"
    return body


# Where a label can begin: a word start, or a sign that is neither a word character nor a space.
_STARTS = re.compile(r"(?<!\w)\w|[^\w\s]")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _starts_of(groups: dict[str, list[int]]) -> re.Pattern[str]:
    """Where a label of these first letters can begin: a word start with one of the letters
    (in either case), or one of the signs."""
    word = sorted({c for k in groups if re.fullmatch(r"\w", k)
                   for c in (k, k.upper(), k.title()) if len(c) == 1})
    signs = sorted(k for k in groups if k and not re.fullmatch(r"\w", k))
    alts = []
    if word:
        alts.append(r"(?<!\w)[" + "".join(map(re.escape, word)) + "]")
    if signs:
        alts.append("[" + "".join(map(re.escape, signs)) + "]")
    return re.compile("|".join(alts) or r"(?!)")


class PhraseMatcher:
    """Leftmost matching of many lexicon labels at word boundaries, the longest label first
    where several start at one place; with `compound`, one-word labels of five letters or
    more also end a compound word ("domstolen" in "militærdomstolen").

    Labels are grouped by their first letter and each group becomes one regex, compiled the
    first time a text needs it: one regex of every label would try thousands of labels at
    every character, which made extraction seconds per document.
    """

    def __init__(self, labels: list[tuple[str, Concept]], compound: bool = False,
                 inflection: Inflection = NO_INFLECTION):
        self._by_label: dict[str, Concept] = {}
        self._inflection = inflection
        self._groups: dict[str, list[int]] = {}  # first letter, lower-cased -> label indexes
        self._compound: dict[str, int] = {}  # compound tail -> label index
        for lab, concept in labels:
            if lab in self._by_label:
                continue
            idx = len(self._by_label)
            self._by_label[lab] = concept
            self._groups.setdefault(lab[:1].lower(), []).append(idx)
            if compound and " " not in lab and len(lab) >= 5 and lab.isalpha() and lab.islower():
                self._compound.setdefault(lab, idx)
        self._labels = list(self._by_label)
        self._tails = sorted({len(k) for k in self._compound})
        self._compiled: dict[str, re.Pattern[str]] = {}
        self._starts = _STARTS if self._compound else _starts_of(self._groups)

    def _group_rx(self, key: str) -> re.Pattern[str]:
        rx = self._compiled.get(key)
        if rx is None:
            alts = (f"(?P<g{i}>{_label_regex(self._labels[i], self._inflection)})" for i in self._groups[key])
            rx = self._compiled[key] = re.compile("|".join(alts))
        return rx

    def _compound_at(self, text: str, pos: int, end: int) -> tuple[int, int] | None:
        """(label index, end) of a compound ending in a label, for the word at `pos`."""
        w = _WORD.match(text, pos, end)
        if w is None or not _LETTERS.fullmatch(w.group()):
            return None
        word = w.group().lower()
        found = [self._compound[word[-n:]] for n in self._tails
                 if len(word) - n >= 3 and word[-n:] in self._compound]
        return (min(found), w.end()) if found else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        if not self._labels:
            return []
        end = len(text) if end is None else end
        hits: list[Hit] = []
        pos = start
        for s in self._starts.finditer(text, start, end):
            p = s.start()
            if p < pos:
                continue  # inside the last hit
            best: tuple[int, int] | None = None
            key = text[p].lower()
            if key in self._groups:
                m = self._group_rx(key).match(text, p, end)
                if m is not None and m.lastgroup:
                    best = (int(m.lastgroup[1:]), m.end())
            if self._compound:
                c = self._compound_at(text, p, end)
                if c is not None and (best is None or c[0] < best[0]):
                    best = c
            if best is None:
                continue
            lab = self._labels[best[0]]
            hits.append(Hit(p, best[1], self._by_label[lab], lab))
            pos = best[1] if best[1] > p else p + 1
        return hits


class Matchers:
    """The phrase matchers of one language, built once per (lexicon, language)."""

    def __init__(self, lex: Lexicon, lang: str):
        self.lex = lex
        self.lang = lang

        self.language_patterns = frozenset(p for c in lex.of_kind("LanguageMarker") if c.notation == lang
                                           for p in c.props_of("pattern"))
        compounding = "compounding" in self.language_patterns

        endings = sorted({e for c in lex.of_kind("LanguageMarker") if c.notation == lang
                          for e in c.props_of("ending")}, key=lambda e: (-len(e), e))
        self.inflection = Inflection(tuple(endings))

        def m(kind: str, any_lang: bool = False, compound: bool = False) -> PhraseMatcher:
            return PhraseMatcher(lex.labels(kind, None if any_lang else lang), compound and compounding,
                                 self.inflection)

        self.attribution = m("AttributionCue")
        self.reporting = m("ReportingVerb")
        self.denial = m("DenialCue")
        self.label_cue = m("LabelCue")
        self.perp_cue = m("PerpetratorCue")
        self.act_cue = m("ActCue")
        self.lower = m("LowerBoundHedge")
        self.upper = m("UpperBoundHedge")
        self.approx = m("ApproximateHedge")
        self.certainty = m("CertaintyHedge")
        self.range_conn = m("RangeConnector")
        self.number_word = m("NumberWord")
        self.multiplier = m("Multiplier")
        self.vague = m("VagueNumeral")
        self.measure = m("CasualtyMeasure", compound=True)
        self.labels = m("ClassificationLabel", any_lang=True)
        self.event_type = m("EventType", compound=True)
        self.act_type = m("ActType")
        self.role = m("ActorRole", compound=True)
        self.title = m("PersonTitle")
        self.known = m("KnownEntity", any_lang=True)
        adjectives: list[tuple[str, Concept]] = []
        for c in lex.of_kind("KnownEntity"):
            adjectives.extend((a, c) for a in c.props_of("adjective"))
        adjectives.sort(key=lambda p: (-len(p[0]), p[0]))
        self.adjective = PhraseMatcher(adjectives, inflection=self.inflection)
        self.words: dict[str, set[str]] = {}
        for c in lex.of_kind("FunctionWord"):
            pat = c.prop("pattern") or ""
            for lg, lab in c.labels:
                if lg in ("", lang):
                    self.words.setdefault(pat, set()).add(lab.lower())
        for kind in ("ReportingVerb", "LabelCue", "DenialCue", "ActCue", "PerpetratorCue"):
            for lab, c in lex.labels(kind, lang):
                if c.prop("pattern") not in ("as", "connector-word") and " " not in lab:
                    self.words.setdefault("verb", set()).add(lab.lower())

        self._alternations: dict[tuple[str, ...], str] = {}
        self.number_contexts = _number_contexts(lex)
        self.compound_numbers = _compound_table(lex, lang, self.language_patterns)
        # what ends a clause: a semicolon or colon, a dash set off by spaces, or a comma and
        # a conjunction that opens another statement ("…, while the ministry said …")
        # (", а также" joins a list: no break before a joining word)
        brk = rf",\s+(?!{self.alternation('joining')}){self.alternation('clause-break')}\s"
        self.clause_end = re.compile(rf"[;:]|{brk}|\s[–—]\s")
        self.label_window_end = re.compile(rf";|{brk}|\s[–—]\s")
        # a figure's part ("149 people, including 75 children"; "Among the dead were 12 children")
        words = "|".join(map(re.escape, sorted(self.words.get("breakdown", set()), key=len, reverse=True)))
        self.breakdown_before = re.compile(rf"(?i)(?:{words})\W*$") if words else None  # right before a figure
        self.breakdown_opening = re.compile(rf"(?i)\s*(?:{words})\b") if words else None  # opening a sentence
        self._stems: dict[str, set[str]] = {
            pat: {st.lower() for w in ws if (st := self.inflection.stem(w)) and len(st) >= 4}
            for pat, ws in self.words.items()} if endings else {}

    def alternation(self, *patterns: str) -> str:
        """A regex alternation of the function words of `patterns`, longest first (a never-
        matching group when the language has none): lexicon words for regexes written in code."""
        key = patterns
        cached = self._alternations.get(key)
        if cached is None:
            words = sorted({w for p in patterns for w in self.words.get(p, set())}, key=lambda w: (-len(w), w))
            cached = self._alternations[key] = "(?:" + "|".join(map(re.escape, words)) + ")" if words else "(?!)"
        return cached

    def is_function_word(self, token: str) -> bool:
        """A word of any function-word list ("In", "the", "og"): no part of a name."""
        return any(fold(token) in ws for ws in self.words.values())

    def is_word(self, token: str, pattern: str) -> bool:
        if token.lower() in self.words.get(pattern, set()):
            return True
        st = self.inflection.stem(token) if self._stems else None
        return st is not None and len(st) >= 4 and st.lower() in self._stems.get(pattern, set())


@functools.lru_cache(maxsize=8)
def matchers(lex: Lexicon, lang: str) -> Matchers:
    return Matchers(lex, lang)


# ------------------------------------------------------------------ figures

_DIGITS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:(?:[ \u00a0\u2009\u202f]|[.,](?=\d{3}(?!\d)))\d{3})+|\d+(?:[.,]\d+)?)(\+)?"
)

def _number_contexts(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What makes a number no count (lexicon ckg:NumberContext, every language at once: a
    Russian text quotes English units too): (ordinal glued after, unit after, code before)."""
    by_pos: dict[str, list[str]] = {}
    for c in lex.of_kind("NumberContext"):
        by_pos.setdefault(c.prop("position") or "", []).extend(lab for _, lab in c.labels)

    def alt(pos: str) -> str:
        return "|".join(map(re.escape, sorted(set(by_pos.get(pos, [])), key=lambda w: (-len(w), w)))) or "(?!)"
    ordinal = re.compile(rf"^(?:(?:{alt('glued')})(?!\w)|\.(?=\s*\w))")
    unit = re.compile(rf"^\s*(?:(?:{alt('after')})(?!\w)|{alt('after-stem')})", re.IGNORECASE)
    code = re.compile(rf"(?:(?<!\w)(?:{alt('before')}))[\s.]*$")
    return ordinal, unit, code


@dataclass(frozen=True)
class Figure:
    """A count in text: bounds after hedges and ranges."""

    start: int
    end: int
    min: int | None
    max: int | None
    exact: bool
    vague: str | None = None  # lexicon id of a vague numeral
    hedge: str | None = None


def _to_int(raw: str) -> int | None:
    t = re.sub(r"[ \u00a0\u2009\u202f]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", t):
        return int(re.sub(r"[.,]", "", t))
    if re.fullmatch(r"\d+", t):
        return int(t)
    return None


def _numbers(text: str, mt: Matchers, date_spans: list[tuple[int, int]],
             start: int, end: int) -> list[tuple[int, int, int]]:
    """Plain numbers (start, end, value) of text[start:end]: digits, digits with multipliers,
    number words."""
    out: list[tuple[int, int, int]] = []
    ordinal_after, unit_after, code_before = mt.number_contexts
    mult = {h.start: h for h in mt.multiplier.find(text, start, end)}
    for m in _DIGITS.finditer(text, start, end):
        s, e = m.start(1), m.end(1)
        if any(a <= s < b for a, b in date_spans):
            continue
        after = text[e:e + 12]
        if ordinal_after.match(after) or unit_after.match(after):
            continue
        if code_before.search(text[max(0, s - 6):s]):
            continue
        unit = re.match(r"[ \t]+[A-ZА-ЯЁ]{2,}\b\W*(\w*)", text[e:e + 40])
        if len(m.group(1)) == 1 and unit and not (unit.group(1).islower() and not mt.is_word(unit.group(1), "boundary")):
            continue  # "soldiers of 1 PARA on Bloody Sunday": a unit's number, no count ("5 UN staff" is one)
        joined = re.match(r"\s*(?:[-–—]|\w{1,4})\s*", after)
        if joined and any(a == e + joined.end() for a, _ in date_spans) and mt.range_conn.find(joined.group()):
            continue  # "between 11 and 13 December 1981": the first day of a date range
        raw = m.group(1)
        value = _to_int(raw)
        skip = re.match(r"\s*", text[e:]).end()  # type: ignore[union-attr]
        mh = mult.get(e + skip)
        if mh is not None:
            factor = mh.concept.int_prop("value") or 1
            try:
                value = round(float(raw.replace(",", ".").replace(" ", "")) * factor)
            except ValueError:
                pass
            e = mh.end
        if value is None:
            continue
        if re.fullmatch(r"1[89]\d\d|20\d\d", raw) and not m.group(2):
            continue  # a year, not a count (dates.py may not have caught "in 1994 the…")
        out.append((m.start(1), e + (1 if m.group(2) else 0), value if not m.group(2) else -value))
    # number words: "thirty-two", "one hundred and twenty", "tre hundre", "двести", "two hundred thousand"
    words = mt.number_word.find(text, start, end) + _compound_numbers(text, mt, start, end)
    words.sort(key=lambda h: h.start)
    joiners = mt.words.get("number-joiner", set())
    i, taken_to = 0, -1
    while i < len(words):
        w = words[i]
        if w.start < taken_to:  # "to hundre": the multiplier's word is no number of its own
            i += 1
            continue
        value = _word_value(w)
        s, e = w.start, w.end
        j = i + 1
        while j < len(words) and _joined(text[e:words[j].start], joiners) and _word_value(words[j]) < value:
            value += _word_value(words[j])
            e = words[j].end
            j += 1
        value, e, mh = _multiplied(text, value, e, mult)
        i, taken_to = j, e
        if value <= 1 or (len(text[s:e]) <= 3 and mh is None and not text[s:e].isalpha()):
            continue
        if any(a <= s < b for a, b in date_spans) or unit_after.match(text[e:e + 12]):
            continue
        out.append((s, e, value))
    return sorted(out)


def _word_value(h: Hit) -> int:
    return h.concept.int_prop("value") or 0


def _joined(gap: str, joiners: set[str]) -> bool:
    """Two number words of one number: "forty-two", "hundred and twenty", "hundre og tjue"."""
    return bool(re.fullmatch(r"[\s-]", gap)) or gap.strip().lower() in joiners and bool(re.fullmatch(r"\s+\w+\s+", gap))


def _multiplied(text: str, value: int, e: int, mult: dict[int, Hit]) -> tuple[int, int, Hit | None]:
    """The number times the multipliers after it, each larger than the last ("two hundred
    thousand", "flere hundre tusen")."""
    last, seen = 1, None
    while True:
        skip = re.match(r"\s*", text[e:]).end()  # type: ignore[union-attr]
        mh = mult.get(e + skip)
        factor = mh.concept.int_prop("value") or 1 if mh is not None else 1
        if mh is None or factor <= last:
            return value, e, seen
        value, e, last, seen = value * factor, mh.end, factor, mh


def _compound_numbers(text: str, mt: Matchers, start: int, end: int) -> list[Hit]:
    """Numbers written as one word in a compounding language: "førtito", "tjuefem" (tens, then units)."""
    table = mt.compound_numbers
    if table is None:
        return []
    rx, values = table
    out = []
    for m in rx.finditer(text, start, end):
        value = values[m.group(1).lower()] + values[m.group(2).lower()]
        c = Concept(f"num-{value}", frozenset({"NumberWord"}), str(value), (("", m.group()),), (("value", str(value)),))
        out.append(Hit(m.start(), m.end(), c, m.group()))
    return out


def _compound_table(lex: Lexicon, lang: str, patterns: frozenset[str]) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """The tens and units a compounding language joins into one word, as one regex."""
    if "compounding" not in patterns:
        return None
    tens: dict[str, int] = {}
    units: dict[str, int] = {}
    for lab, c in lex.labels("NumberWord", lang):
        v = c.int_prop("value") or 0
        if " " not in lab and 20 <= v <= 90 and v % 10 == 0:
            tens[lab.lower()] = v
        elif " " not in lab and 1 <= v <= 9:
            units[lab.lower()] = v
    if not tens or not units:
        return None
    rx = re.compile(r"(?i)(?<!\w)(" + "|".join(map(re.escape, sorted(tens, key=len, reverse=True))) + ")(" +
                    "|".join(map(re.escape, sorted(units, key=len, reverse=True))) + r")(?!\w)")
    return rx, {**tens, **units}


def find_figures(text: str, mt: Matchers, date_spans: list[tuple[int, int]],
                 start: int = 0, end: int | None = None) -> list[Figure]:
    """Counts in text[start:end] with their bounds: "at least 200", "150 to 300", "up to
    12 000", "dozens". A hedge may stand just before `start`."""
    end = len(text) if end is None else end
    nums = _numbers(text, mt, date_spans, start, end)
    figures: list[Figure] = []
    used: set[int] = set()
    conns = mt.range_conn.find(text, start, end)
    for idx, (s, e, v) in enumerate(nums):
        if idx in used:
            continue
        plus = v < 0
        v = abs(v)
        lo: int | None = v
        hi: int | None = v
        fs, fe = s, e
        # range: NUM (to|–|and|til|до) NUM, maybe opened by "between/from/fra/от"
        if idx + 1 < len(nums):
            s2, e2, v2 = nums[idx + 1]
            gap = text[e:s2]
            conn = next((c for c in conns if c.start >= e and c.end <= s2 and
                         c.concept.prop("pattern") != "opener"), None)
            rest = gap.replace(conn.label, "", 1).strip() if conn is not None else ""
            if rest and any(h.start == 0 and h.end == len(rest) for m_ in (mt.upper, mt.lower, mt.approx)
                            for h in m_.find(rest)):
                rest = ""  # "from 55 to as many as 300", "fra 50 til over 100": a hedge on the upper end
            if conn is not None and not rest and abs(v2) > v:
                lo, hi, fe = v, abs(v2), e2
                used.add(idx + 1)
                shared = [h for h in mt.multiplier.find(text, s2, e2)]
                factor = (shared[-1].concept.int_prop("value") or 1) if shared else 1
                if factor > 1 and not mt.multiplier.find(text, s, e) and v * factor <= abs(v2):
                    lo = v * factor  # "twenty to thirty thousand": the thousand is both ends'

        opener = next((c for c in conns if c.end <= fs and not text[c.end:fs].strip()
                       and c.concept.prop("pattern") == "opener"), None)
        if opener is not None:
            fs = opener.start
        hedge = None
        before = text[max(0, fs - 40):fs]
        for kind, matcher in (("lower", mt.lower), ("upper", mt.upper), ("approx", mt.approx)):
            hs = [h for h in matcher.find(before) if not before[h.end:].strip()
                  and h.concept.prop("position") != "after"]
            if hs:
                hedge = kind
                fs = fs - len(before) + hs[-1].start
                break
        if hedge is None and lo == hi:  # "150 at most", "200 or more"
            after = re.match(r"[ \t]*", text[fe:end])
            for kind, matcher in (("lower", mt.lower), ("upper", mt.upper)):
                hs = [h for h in matcher.find(text, fe + after.end(), min(end, fe + 30))
                      if h.start == fe + after.end() and h.concept.prop("position") in ("after", "either")]
                if hs:
                    hedge, fe = kind, hs[0].end
                    break
        if plus:
            hi = None
        elif lo == hi:
            if hedge == "lower":
                hi = None
            elif hedge == "upper":
                lo = None
        figures.append(Figure(fs, fe, lo, hi, lo is not None and lo == hi, None, hedge))
    mult = {h.start: h for h in mt.multiplier.find(text, start, end)}
    for h in mt.vague.find(text, start, end):
        if any(f.start <= h.start < f.end for f in figures):
            continue
        # "flere hundre tusen": a vague numeral times a multiplier; a number word inside it
        # ("hundre") is no figure of its own
        value, e, _ = _multiplied(text, h.concept.int_prop("minValue") or 0, h.end, mult)
        figures = [f for f in figures if not (h.start <= f.start < e)]
        figures.append(Figure(h.start, e, value, None, False, h.concept.id))
    return sorted(figures, key=lambda f: f.start)


# ------------------------------------------------------------------ noun phrases

_TOKEN = re.compile(r"[\w][\w'’\-.]*[\w]|[\w]")
_HARD_BOUNDARY = re.compile(r"[,;:!?()\[\]\"“”«»„]|\.(?:\s|$)|\s[–—-]\s")


@dataclass(frozen=True)
class Phrase:
    start: int
    end: int
    text: str


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _strip_determiners(text: str, s: int, e: int, mt: Matchers) -> tuple[int, int]:
    toks = _tokens(text, s, e)
    while toks and (mt.is_word(toks[0][2], "determiner") or mt.is_word(toks[0][2], "filler")):
        toks = toks[1:]
    while toks and (mt.is_word(toks[-1][2], "filler") or mt.is_word(toks[-1][2], "determiner")):
        toks = toks[:-1]
    if not toks:
        return s, s
    return toks[0][0], toks[-1][1]


def phrase_before(text: str, pos: int, lower: int, mt: Matchers, max_tokens: int = 9) -> Phrase | None:
    """The noun phrase ending just before `pos` (the subject of a verb at `pos`).

    Skips fillers ("officially", "has") and a parenthesis ("Milli Majlis (Parliament)")
    next to the verb; stops at punctuation, prepositions, conjunctions, verbs and
    relative pronouns.
    """
    head = text[lower:pos].rstrip()
    if head.endswith(")") and "(" in head:
        pos = lower + head.rindex("(")
    toks = _tokens(text, lower, pos)
    while toks and (mt.is_word(toks[-1][2], "filler") or mt.is_word(toks[-1][2], "verb")):
        toks.pop()
    # "Организация «Мемориал» сообщила": a name in quotation marks is part of its phrase
    quoted = re.search(r"[«“\"]([^«»“”\",;:.()]{2,60})[»”\"]\s*$", text[lower:toks[-1][1] + 2] if toks else "")
    q_lo, q_hi = (lower + quoted.start(), lower + quoted.end()) if quoted else (-1, -1)
    taken: list[tuple[int, int, str]] = []
    for t in reversed(toks):
        gap = text[t[1]:taken[0][0]] if taken else ""
        if taken and t[1] < q_hi and taken[0][0] > q_lo:
            gap = re.sub(r"[«»“”\"]", " ", gap)
        if taken and _HARD_BOUNDARY.search(gap):
            break
        w = t[2]
        if mt.is_word(w, "boundary") or mt.is_word(w, "verb") or mt.is_word(w, "relative") \
                or mt.is_word(w, "complementizer") or mt.is_word(w, "pronoun-person"):
            if not taken and (mt.is_word(w, "pronoun-person") or mt.is_word(w, "relative")):
                return Phrase(t[0], t[1], w)
            break
        taken.insert(0, t)
        if len(taken) >= max_tokens:
            break
    if not taken:
        return None
    for i in range(len(taken) - 1, 0, -1):
        # "In Israel the Kahan Commission found": a determiner opens the phrase, what stands
        # before it (not joined by "of" or "and") belongs to another phrase
        if mt.is_word(taken[i][2], "determiner") and not mt.is_word(taken[i][2], "name-particle") and \
                not (mt.is_word(taken[i - 1][2], "inner") or mt.is_word(taken[i - 1][2], "conjunction")):
            taken = taken[i:]
            break
    s, e = _strip_determiners(text, taken[0][0], taken[-1][1], mt)
    if quoted and s < lower + quoted.start(1) and e == lower + quoted.end(1):
        e += 1  # the closing quotation mark
    return Phrase(s, e, text[s:e]) if e > s else None


def phrase_after(text: str, pos: int, upper: int, mt: Matchers, max_tokens: int = 9) -> Phrase | None:
    """The noun phrase starting just after `pos` (after "according to", "by", ...).

    A determiner ends the phrase unless it follows a conjunction ("X and the Y").
    """
    taken: list[tuple[int, int, str]] = []
    for t in _tokens(text, pos, upper):
        if _HARD_BOUNDARY.search(text, taken[-1][1] if taken else pos, t[0]):
            break
        w = t[2]
        after_conj = bool(taken) and (mt.is_word(taken[-1][2], "conjunction") or mt.is_word(taken[-1][2], "inner"))
        if taken and (mt.is_word(w, "verb") or mt.is_word(w, "relative") or
                      mt.is_word(w, "complementizer") or mt.is_word(w, "boundary") or
                      (mt.is_word(w, "determiner") and not after_conj) or
                      (w.isdigit() and not taken[-1][2].isdigit() and not mt.is_word(taken[-1][2], "determiner"))):
            break  # a number after a noun opens the next phrase ("dømte domstolen 20 av de tiltalte")
        taken.append(t)
        if len(taken) >= max_tokens:
            break
    while taken and mt.is_word(taken[-1][2], "conjunction"):
        taken.pop()
    if not taken:
        return None
    s, e = _strip_determiners(text, taken[0][0], taken[-1][1], mt)
    return Phrase(s, e, text[s:e]) if e > s else None


def capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()
