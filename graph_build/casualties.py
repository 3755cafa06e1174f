"""Casualty claims: a figure, its bounds and hedges, the measure it counts (killed, injured,
displaced, detained, missing) and the victims written after it."""

from __future__ import annotations

import re

from .entities import actor_from_phrase
from .mentions import Figure, Hit, find_figures, phrase_after
from .model import Claim, Sentence
from .reading import ReadingState


def casualty_claims(st: ReadingState, sent: Sentence, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    t, mt = st.text, st.mt
    lo = sent.value_start if sent.value_start is not None else sent.start
    view = t[:sent.start] + " " * (lo - sent.start) + t[lo:sent.end]  # infobox: hide the field name
    figures = [f for f in find_figures(view, mt, [(d.start, d.end) for d in st.dates], lo, sent.end)
               if f.start >= lo]
    measures = mt.measure.find(t, sent.start, sent.end)
    field_measure = None
    if sent.infobox_field:
        c = mt.lex.by_notation("CasualtyMeasure", {"deaths": "killed"}.get(sent.infobox_field, sent.infobox_field))
        field_measure = c.notation if c else None
    out: list[Claim] = []
    prev: Claim | None = None
    prev_fig: Figure | None = None
    last_end = -1  # end of the last figure read as part of a breakdown
    breakdown = mt.breakdown_before
    opening = mt.breakdown_opening
    if opening is not None and opening.match(t, lo) and mt.measure.find(t, lo, figures[0].start if figures else lo):
        return out  # "Among the civilian dead were at least 12 children": a part of a toll told elsewhere
    for f in figures:
        if prev is not None and prev_fig is not None and (
                (breakdown is not None and breakdown.search(t[prev_fig.end:f.start][-40:])) or
                # "36 dead, 26 of them Black": the part names its whole after it
                (opening is not None and re.fullmatch(r"[^\w]*\w*[^\w]*", t[prev_fig.end:f.start])
                 and opening.match(t, f.end)) or
                (last_end >= 0 and re.fullmatch(rf"[\w\s]*?(?:,|\b{mt.alternation('conjunction')}\b)\s*",
                                                t[last_end:f.start]))):
            prev.breakdown = prev.breakdown + ((f.min or 0, _victims(st, f, sent.end) or ""),)
            last_end = f.end
            continue
        last_end = -1
        if re.search(rf"(?i){mt.alternation('age')}\s*$", t[max(sent.start, f.start - 14):f.start]):
            continue
        measure = field_measure or _measure_near(st, f, measures, sent) or _measure_of_estimate(st, f, sent)
        if measure is None and prev is not None and prev_fig is not None:
            between = t[prev_fig.end:f.start]
            if len(between) < 50 and not st.mt.clause_end.search(between):
                measure = prev.measure  # "at least 161 in 1993 and then at least 200 in 1994"
        if measure is None:
            continue
        victims = _victims(st, f, sent.end)
        if victims:
            ref = actor_from_phrase(victims, mt, st.ctx)
            if ref is not None and ref.kind == "armed-group":
                continue
        # "45,000 (Algerian government)", "1,020–1,500 (French official figures)": the figure's source
        src = re.match(r"\s*\(([^()]{2,60})\)", t[f.end:sent.end])
        if src and any(h.start == 0 for h in mt.attribution.find(src.group(1))):
            src = None  # "485 (per Azerbaijani parliament)": the attribution cue reads it
        said = actor_from_phrase(src.group(1), mt, st.ctx) if src else None
        source = {"claimant": said, "claimant_text": src.group(1)} if said is not None and \
            said.kind in ("person", "organisation", "state", "group") else {}
        c = make("casualty", f.start, measure=measure, min=f.min, max=f.max,
                 victims=victims, vague=f.vague, **source)
        if c is not None:
            out.append(c)
            prev, prev_fig = c, f
    return out


def _measure_of_estimate(st: ReadingState, f: Figure, sent: Sentence) -> str | None:
    """"Most historians' estimates lie between 6,000 and 20,000": a figure a source noun gives
    in its clause counts what the document's event implies (a massacre: the killed)."""
    clause = st.text[max(sent.start, f.start - 80):f.start]
    nouns = [h for h in st.mt.attribution.find(clause) if h.concept.prop("pattern") == "source-noun"]
    if not nouns or st.mt.clause_end.search(clause[nouns[-1].end:]):
        return None
    main = st.ctx.main_event
    etype = st.lex.get(dict(main.extra).get("eventType", "")) if main is not None else None
    if etype is None and main is not None:
        etype = st.lex.get(next((c.prop("eventType") for c in [st.lex.get(main.key)] if c), "") or "")
    implied = etype.prop("impliesMeasure") if etype is not None else None
    return st.lex.concept(implied).notation if implied else None


def _measure_near(st: ReadingState, f: Figure, measures: list[Hit], sent: Sentence) -> str | None:
    """The casualty measure a figure counts: a measure word after it in its clause ("147
    people were killed"), else before it ("the death toll ... is 613"), else an event head
    right before it ("the massacre of 12 000")."""
    t = st.text
    before = [h for h in measures if h.end <= f.start and h.concept.prop("pattern") != "counted-noun"]
    gap = re.fullmatch(r"\s*([^\W\d]+\s+)?", t[before[-1].end:f.start]) if before else None
    if gap and not (gap.group(1) and (st.mt.is_word(gap.group(1).strip(), "conjunction")
                                      or st.mt.is_word(gap.group(1).strip(), "boundary"))):
        return before[-1].concept.notation  # "killed ten civilians and wounded thirty-four"
    after = [h for h in measures if h.start >= f.end]
    ok = [h for h in after if len(t[f.end:h.start]) <= 70 and not st.mt.clause_end.search(t[f.end:h.start])
          and "," not in t[f.end:h.start] and not re.search(r"\d", t[f.end:h.start])
          and not re.search(rf"(?i)\b{st.mt.alternation('personal-pronoun')}\b", t[f.end:h.start])]
    if ok:
        h = ok[0]
        verb = next((x for x in ok[1:2] if len(t[h.end:x.start].split()) <= 2 and
                     any(st.mt.is_word(w, "passive") for w in re.findall(r"[\w'’]+", t[h.end:x.end])[:2])), None)
        return (verb or h).concept.notation  # "2,000 prisoners were shot": the verb, not the noun
    for h in reversed(before):
        between = t[h.end:f.start]
        if len(between) > 60 or st.mt.clause_end.search(between) or re.search(r"\d|[.!?]\s", between):
            continue
        # "deaths at least 161", "killed hundreds", "the death toll given by X is 613"
        if len(between.split()) <= 2 or re.search(rf"(?i)(?:\b{st.mt.alternation('figure-link')}|[:—–-])\s*$", between):
            return h.concept.notation
    for h in st.mt.event_type.find(t, max(sent.start, f.start - 30), f.start):
        implied = h.concept.prop("impliesMeasure")
        if implied and len(t[h.end:f.start].split()) <= 2:
            return st.mt.lex.concept(implied).notation
    return None


def _victims(st: ReadingState, f: Figure, hi: int) -> str | None:
    """The victim group written right after a figure: "613 civilians", "12 000 aserier og muslimer"."""
    ph = phrase_after(st.text, f.end, hi, st.mt, max_tokens=5)
    if ph is None:
        return None
    words = ph.text.split()
    if words and st.mt.is_word(words[0], "boundary"):
        return None
    keep: list[str] = []
    for w in words:
        if st.mt.measure.find(w) or st.mt.is_word(w, "verb") or st.mt.is_word(w, "filler") \
                or st.mt.is_word(w, "boundary") or (keep and st.mt.is_word(w, "conjunction") and
                                                    re.match(r"\d", ph.text[ph.text.find(w) + len(w):].strip())):
            break
        keep.append(w)
    return " ".join(keep) or None
