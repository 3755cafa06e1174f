"""Clause-level syntax the claim rules share: passive auxiliaries, "by" agents, lists of
actors, denials whose clause reaches a cue, quoted titles."""

from __future__ import annotations

import re

from .entities import actor_from_phrase
from .mentions import Hit, Matchers, phrase_after
from .model import LIST_BULLET, EntityRef, Sentence
from .reading import ReadingState

QUOTED = re.compile(r"[\"“«„]([^\"”»“]{2,200})[\"”»“]")


# a line of a court's list of verdicts: "- Name, former director: guilty; sentenced to …"
VERDICT_LINE = re.compile(rf"\s*(?:{LIST_BULLET}|\d+[.)])\s+([^:;\n]{{3,200}}?):\s*([^\W\d_]+(?:\s+[^\W\d_]+)?)")


def split_actors(text: str, mt: Matchers) -> list[str]:
    conj = sorted(mt.words.get("conjunction", set()), key=len, reverse=True)
    rx = r",\s*|\s+(?:" + "|".join(re.escape(c) for c in conj) + "|" + mt.alternation("joining")[3:-1] + r")\s+" \
        if conj else r",\s*"
    return [p for p in (x.strip() for x in re.split(rx, text)) if p]


def passive(st: ReadingState, pos: int, lo: int) -> bool:
    """A passive auxiliary right before a verb ("were killed"): its subject is the victim."""
    words = re.findall(r"[\w'’]+", st.text[max(lo, pos - 30):pos])[-2:]
    if any(st.mt.is_word(w, "passive") for w in words):
        return True
    # "ble utlevert til Italia og dømt": a verb coordinated with a passive one in its clause
    before = st.text[max(lo, pos - 90):pos].rsplit(",", 1)[-1]
    if not words or not st.mt.is_word(words[-1], "conjunction") or st.mt.clause_end.search(before):
        return False
    return any(st.mt.is_word(w, "passive") for w in re.findall(r"[\w'’]+", before)[-8:-2])


def agents_by(st: ReadingState, pos: int, hi: int) -> list[tuple[EntityRef, bool]]:
    """The agents of a passive verb, each with whether it is negated: "by X", "by X and by Y",
    "not by X but by Y", within its clause."""
    mt = st.mt
    by = "|".join(map(re.escape, sorted(mt.words.get("agent", set()), key=len, reverse=True)))
    neg = "|".join(map(re.escape, sorted(mt.words.get("negator", set()), key=len, reverse=True)))
    links = "|".join(map(re.escape, sorted(mt.words.get("conjunction", set()) | mt.words.get("boundary", set()),
                                           key=len, reverse=True)))
    if not by:
        return []
    m = re.compile(rf"(?i)(?:^|\s)((?:{neg})\s+)?(?:{by})\s+").search(st.text, pos, min(hi, pos + 50))
    if m is None or st.mt.clause_end.search(st.text, pos, m.start()) or "," in st.text[pos:m.start()]:
        return []
    out: list[tuple[EntityRef, bool]] = []
    cur, negated = m.end(), bool(m.group(1))
    while True:
        ph = phrase_after(st.text, cur, hi, mt, max_tokens=8)
        if ph is None:
            break
        for name in split_actors(ph.text, mt):
            ref = actor_from_phrase(name, mt, st.ctx)
            if ref is not None and ref.kind not in ("group", "place", "event", "conflict"):
                out.append((ref, negated))
        more = re.match(rf"(?i)\s*,?\s*(?:{links})\s+((?:{neg})\s+)?(?:{by})\s+", st.text[ph.end:hi])
        if not more:
            break
        cur, negated = ph.end + more.end(), bool(more.group(1))
    return out


def denied_clause(st: ReadingState, lo: int, pos: int) -> bool:
    """A denial verb earlier in the sentence whose clause reaches `pos` ("X denied that
    soldiers had fired", "отрицает, что погром был организован властями")."""
    for d in st.mt.denial.find(st.text, lo, pos):
        if d.concept.prop("pattern") in ("negation", "contrast", "as", "copula"):
            continue
        if negated_denial(st, d, lo, pos):
            continue
        if not st.mt.clause_end.search(st.text, d.end, pos):
            return True
    return False


def after_determiner(st: ReadingState, lo: int, pos: int) -> bool:
    """"the estimate of 300", "referred the accused": a cue word after a determiner is a noun
    (not "det"/"den" as a dummy subject or a pronoun)."""
    last = re.findall(r"[\w'’]+", st.text[lo:pos])[-1:]
    return bool(last) and st.mt.is_word(last[0], "determiner") and not any(
        st.mt.is_word(last[0], k) for k in ("expletive", "pronoun-other"))


def negated_denial(st: ReadingState, d: Hit, lo: int, hi: int) -> bool:
    """"did not deny that …", "benektet ikke at …", "не отрицал, что …": no denial."""
    near = st.mt.denial.find(st.text, max(lo, d.start - 12), d.start) + \
        st.mt.denial.find(st.text, d.end, min(hi, d.end + 8))
    return any(n.concept.prop("pattern") == "negation" for n in near)


def paragraph_start(st: ReadingState, sent: Sentence) -> int:
    return st.seg.document.text.rfind("\n\n", 0, sent.start)
