"""Claims: rules that turn a sentence's mentions into attributed claims.

One pass over the claim-bearing sentences of a segmented document. For each sentence
we settle *who speaks* (the section's voice, an "according to X", a reporting verb's
subject, a pronoun carried over from the sentence before), *about what* (an event named
in the sentence, else the paragraph's or the document's main event), and then apply one
rule per claim type. Every claim keeps its evidence span and the footnotes it carries.
"""

from __future__ import annotations

import re

from .acts import resolution_claims
from .casualties import casualty_claims
from .classifications import classification_claims
from .dates import DAY_NO_YEAR, find_dates
from .entities import DocContext, EventMention, actor_from_phrase, common_words, find_events
from .lexicon import Lexicon
from .main_event import find_main_event, is_broad, is_setting
from .mentions import fold, matchers
from .model import (
    BODY,
    INFOBOX,
    QUOTE,
    STATEMENT,
    TITLE,
    Claim,
    EntityRef,
    Segmented,
    Sentence,
    Span,
)
from .perpetrators import perpetrator_claims
from .reading import ReadingState
from .voices import AUTHOR, Voice, remember_subject, section_voices, sentence_voices, voice_at


def extract_claims(seg: Segmented, lex: Lexicon) -> list[Claim]:
    """All claims of one document, in text order."""
    doc = seg.document
    mt = matchers(lex, doc.language)
    text = seg.masked_text()
    ctx = DocContext(doc.language, common_words(text))
    st = ReadingState(lex, mt, seg, text, ctx, find_dates(text, doc.language, lex))
    find_main_event(st)
    _letterhead(st)
    memory = (dict(st.ctx.by_role), dict(st.ctx.persons))
    voices = section_voices(st)
    # the look-ahead above must not leave its memory behind ("the Chamber" is the last one
    # named before it, not one the document names later)
    st.last_person = None
    st.ctx.by_role, st.ctx.persons = memory
    claims: list[Claim] = []
    for sent in seg.sentences:
        kind = seg.sections[sent.section].kind
        if kind not in (TITLE, BODY, INFOBOX, STATEMENT, QUOTE):
            continue
        claims.extend(_sentence_claims(st, sent, voices.get(sent.section)))
    return _dedupe(claims)


def _letterhead(st: ReadingState) -> None:
    """The bodies named on the lines above the first paragraph ("IRAQI HIGH TRIBUNAL / First
    Criminal Court", "MINISTRY OF FOREIGN AFFAIRS"): the document's own institution."""
    first = next((s.start for s in st.seg.sentences if st.seg.sections[s.section].kind == BODY), 0)
    memory = (dict(st.ctx.by_role), dict(st.ctx.persons))
    for line in st.seg.document.text[:first].splitlines():
        line = line.strip()
        if not line or len(line.split()) > 10 or any(st.mt.is_word(w, "verb") for w in re.findall(r"\w+", line)) \
                or st.mt.perp_cue.find(line) or st.mt.label_cue.find(line) or re.search(r"\w:\s", line):
            continue  # "Госдума признала ответственность …", "Peterloo: sabler mot …": a headline
        if line.isupper():
            # "IRAQI HIGH TRIBUNAL", "MINISTRY OF FOREIGN AFFAIRS": title case, function words lower
            line = " ".join(w.lower() if i and st.mt.is_function_word(w) else w
                            for i, w in enumerate(line.title().split()))
        ref = actor_from_phrase(line, st.mt, st.ctx)
        # the line is the body's name and nothing else (not a headline about it)
        if ref is not None and ref.kind in ("organisation", "state") and st.mt.role.find(line) \
                and fold(ref.label) == fold(line):
            st.ctx.home.append(ref)
    st.ctx.by_role, st.ctx.persons = memory


def _sentence_event(st: ReadingState, events: list[EventMention], pos: int) -> EntityRef | None:
    named = [e for e in events if e.ref.kind == "event" and not is_setting(st, e.ref)]
    if not named and st.ctx.main_event is None:
        named = [e for e in events if e.ref.kind == "event"]
    if named:
        return min(named, key=lambda e: abs(e.start - pos)).ref
    main = st.ctx.main_event
    if st.prev_events:
        if main is None or any(e.key == main.key for e in st.prev_events):
            return main or st.prev_events[-1]
        return st.prev_events[-1]
    return main


def _sentence_claims(st: ReadingState, sent: Sentence, section_voice: Voice | None) -> list[Claim]:
    t = st.text
    gap = st.seg.document.text[st.prev_end:sent.start]
    if "\n\n" in gap:
        st.prev_events = ()
    events = find_events(t, sent.start, sent.end, st.mt, st.ctx)
    vs = sentence_voices(st, sent, section_voice)
    out: list[Claim] = []

    def make(type_: str, pos: int, **kw: object) -> Claim | None:
        ev = kw.pop("event", None) or _sentence_event(st, events, pos)
        if ev is None:
            return None
        v = voice_at(vs, pos)
        if v is not None and v.cue == "unresolved" and "claimant" not in kw:
            return None  # someone's claim, but we cannot tell whose: not the document's voice
        claimant = kw.pop("claimant", v.claimant if v else None)
        ctext = kw.pop("claimant_text", v.text if v else None)
        if claimant is AUTHOR:
            claimant, ctext = None, None
        stance = kw.pop("stance", "asserts")
        cert = [h for h in st.mt.certainty.find(t, sent.start, sent.end)]
        return Claim(st.seg.document.doc_id, type_, ev, Span(sent.start, sent.end),
                     sent.citation_numbers, sent.section, claimant, ctext if claimant else None,
                     str(stance), cert[0].concept.id if cert else None, **kw)  # type: ignore[arg-type]

    resolutions = resolution_claims(st, sent, make)
    out.extend(resolutions)
    acts = [c for c in resolutions if c is not None and c.type == "resolution"]
    if acts:  # content of a resolution speaks with the adopting body's voice
        body = acts[0].body
        vs = [v for v in vs if v.cue != "section"] + [Voice(sent.start, body, body.label if body else None, "section")]
    out.extend(casualty_claims(st, sent, make))
    out.extend(perpetrator_claims(st, sent, make, events))
    out.extend(classification_claims(st, sent, make, events, section_voice))
    # discourse memory for the next sentence: the opening subject first, then who spoke, in
    # the order the sentence has them
    spoke = any(v.claimant is not None and v.claimant is not AUTHOR and v.cue not in ("section", "unresolved", "figures")
                for v in vs)
    remember_subject(st, sent, spoke)
    for v in vs:
        if v.claimant is not None and v.claimant is not AUTHOR and v.cue not in ("section", "unresolved", "figures"):
            st.last_claimant, st.last_claimant_text = v.claimant, v.text
            st.claimant_history.append((v.claimant, v.text))
            if v.claimant.kind == "person":
                st.last_person = v.claimant
    named = tuple(e.ref for e in events if e.ref.kind == "event" and not e.anaphoric
                  and not is_setting(st, e.ref) and not is_broad(st, e.ref))
    if named:
        st.prev_events = named
    for d in st.dates:
        if sent.start <= d.start < sent.end and d.precision != DAY_NO_YEAR:
            st.last_year = d.iso[:4]
    st.prev_end = sent.end
    return [c for c in out if c is not None]


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple] = set()
    out: list[Claim] = []
    for c in claims:
        key = (c.type, c.event.key, c.claimant.key if c.claimant else None, c.stance, c.evidence,
               c.measure, c.min, c.max, c.actor.key if c.actor else None, c.label,
               c.body.key if c.body else None, c.date)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
