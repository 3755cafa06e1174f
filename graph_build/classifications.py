"""Classification claims: the label someone gives the event (massacre, genocide, a lie, …):
"X called it a massacre", "X denies it was genocide", "it constitutes a war crime", a
statement's own name for the event."""

from __future__ import annotations

import re

from .clauses import QUOTED, negated_denial
from .entities import ACTOR_KINDS, EventMention, actor_from_phrase
from .mentions import Hit, phrase_after, phrase_before
from .model import STATEMENT, Claim, Sentence
from .reading import ReadingState
from .voices import AUTHOR, Voice, resolve_subject


def classification_claims(st: ReadingState, sent: Sentence, make, events: list[EventMention],  # type: ignore[no-untyped-def]
                           section_voice: Voice | None) -> list[Claim]:
    t, mt = st.text, st.mt
    lo, hi = sent.start, sent.end
    out: list[Claim] = []
    labels = mt.labels.find(t, lo, hi)
    if not labels:
        return out
    named_spans = [(e.start, e.end) for e in events if not e.anaphoric]
    anaphora = [(e.start, e.end) for e in events if e.anaphoric]

    def _after_preposition(s: int) -> bool:  # "denied any responsibility for the massacre"
        words = re.findall(r"[\w'’]+", t[max(lo, s - 20):s])[-2:]
        if words and any(c.concept.prop("pattern") == "as" for c in mt.label_cue.find(words[-1])):
            return False  # "refused to classify the killings as genocide": a predicate
        return any(mt.is_word(w, "boundary") or mt.is_word(w, "inner") for w in words)

    def inside_event(h: Hit, cue_end: int | None = None, denial: bool = False) -> bool:
        """A label inside an event's name, or the object right after the cue ("called the massacre")."""
        if any(s <= h.start < e for s, e in named_spans):
            return True
        # an anaphor the label runs past is only the label's first word ("war" in "war crimes")
        covering = [(s, e) for s, e in anaphora if s <= h.start < e and h.end <= e]
        if cue_end is None:
            return bool(covering)
        # "kaller nedslaget en massakre": an indefinite label after the object is the predicate
        return any((len(t[cue_end:s].split()) <= 2 and not (t[cue_end:s].split() and _indefinite(s)))
                   or (denial and _after_preposition(s)) for s, e in covering)

    def _indefinite(s: int) -> bool:  # "a massacre", "en massakre": the article before or opening it
        words = re.findall(r"[\w'’]+", t[max(lo, s - 6):s])[-1:] + re.findall(r"[\w'’]+", t[s:s + 12])[:1]
        return any(mt.is_word(w, "indefinite") for w in words)


    denials = mt.denial.find(t, lo, hi)
    for cue in mt.label_cue.find(t, lo, hi) + denials:
        pat = cue.concept.prop("pattern")
        is_denial = "DenialCue" in cue.concept.kinds
        if pat in ("as", "contrast") or (is_denial and negated_denial(st, cue, lo, hi)):
            continue
        if not is_denial and any(d.start <= cue.start < d.end for d in denials):
            continue  # "refused to classify … as": the denial reads it
        if pat == "negation":
            # "No genocide took place", "ikke et folkemord", "was not a massacre"
            for h in labels:
                gap = t[cue.end:h.start]
                if 0 <= h.start - cue.end <= 5 and not re.search(r"\w{3,}", gap) and h.concept.notation != "fabrication":
                    out.append(make("classification", h.start, label=h.concept.notation, stance="denies"))
            continue
        if pat == "copula" and not is_denial:
            if any(d.end <= cue.start and d.concept.prop("pattern") not in ("negation", "contrast")
                   for d in mt.denial.find(t, lo, cue.start)):
                continue  # "denies that the massacre was a genocide": the denial rule reads it
            # "X turned into a ... massacre", "it constitutes a war crime": the label is said of
            # what stands before the copula, so not of people ("both sides became victims of
            # pogroms")
            subject = phrase_before(t, cue.start, lo, mt)
            before = re.findall(r"[\w'’]+", t[lo:subject.start])[-1:] if subject is not None else []
            if before and mt.is_word(before[0], "boundary"):
                subject = None  # "reports of the strike on X are …": X is no subject, the reports are
            said_of = actor_from_phrase(subject.text, mt, st.ctx) if subject is not None else None
            if said_of is not None and said_of.kind in ACTOR_KINDS and subject is not None and \
                    not any(e.start < subject.end and subject.start < e.end for e in events):
                continue
            negators = [n.start for n in mt.denial.find(t, cue.end, hi) if n.concept.prop("pattern") == "negation"]
            for h in labels:
                if any(cue.end <= n < h.start for n in negators):
                    continue  # "one thing is clear: No genocide": the negation rule reads it
                if mt.measure.find(t, cue.end, h.start):
                    continue  # "became victims of pogroms": the label is what they suffered
                predicate = h.start - cue.end <= 3 and not any(s <= h.start < e for s, e in named_spans)
                if 0 < h.start - cue.end <= 40 and (predicate or not inside_event(h)) \
                        and not mt.label_window_end.search(t, cue.end, h.start):
                    c = make("classification", h.start, label=h.concept.notation)
                    if c is not None:
                        out.append(c)
            continue
        end = min(hi, cue.end + 160)
        stop = mt.label_window_end.search(t, cue.end, end)
        if stop and not is_denial:
            end = stop.start()
        found = [h for h in labels if cue.end <= h.start < end and not inside_event(h, cue.end, is_denial)]
        if is_denial:
            # "rejects the tsunami of lies spread by …": what it calls lies are the accusations,
            # so the event is neither called nor denied a fabrication
            found = [h for h in found if not (h.concept.notation == "fabrication" and
                                              not mt.is_word((re.findall(r"[\w'’]+", t[cue.end:h.start]) or [""])[0],
                                                             "complementizer")
                                              and len(t[cue.end:h.start].split()) <= 5)]
        if is_denial:  # "denies that the pogrom was organised by X" denies X's part, not the pogrom
            perps = mt.perp_cue.find(t, cue.end, end)
            found = [h for h in found if not any(p.start >= h.end and not st.mt.clause_end.search(t, h.end, p.start)
                                                 for p in perps)]
        if pat == "connector":
            conn = [h for h in mt.label_cue.find(t, cue.end, end) if h.concept.prop("pattern") == "as"]
            if not conn:
                continue
            found = [h for h in found if h.start >= conn[0].end]
        if pat == "term":  # "use the term massacre": the word right after the cue
            found = [h for h in labels if 0 <= h.start - cue.end <= 3][:1]
        if not found:
            continue
        who, written = resolve_subject(st, cue.start, lo)
        demand = re.search(rf"(?i)\b({mt.alternation('demand')})\s+(?:{mt.alternation('complementizer')}\s+)?[^,;]{{0,60}}$",
                           t[lo:cue.start])
        if demand:  # "X demands that Moscow call Katyn a genocide": the label is the demander's
            who, written = resolve_subject(st, lo + demand.start(1), lo)
        if who is None and re.search(rf"(?i)\b{mt.alternation('by-means')}\s*$", t[max(lo, cue.start - 8):cue.start]):
            ph = phrase_after(t, lo, cue.start, mt)  # "X have ... by calling it": the clause's subject
            if ph is not None:
                who, written = actor_from_phrase(ph.text, mt, st.ctx), ph.text
        if who is not None and who.kind in ("place", "event", "conflict"):
            who = None  # "a resolution on the Katyn massacre, calling on …": the clause's voice speaks
        kw = {"claimant": who, "claimant_text": written} if who is not None else {}
        authored = who is AUTHOR
        fab = [h for h in found if h.concept.notation == "fabrication"]
        termed = [h for h in found if h.concept.notation != "fabrication" and
                  re.search(rf"(?i){mt.alternation('term-noun')}\W*$", t[max(lo, h.start - 14):h.start])]
        seen: set[str] = set()
        for h in found:
            notation = h.concept.notation or ""
            stance = "denies" if is_denial else "asserts"
            if fab and termed:  # calling the term "genocide" a fabrication denies genocide
                if h in fab:
                    continue
                stance = "denies"
            if notation in seen:
                continue
            seen.add(notation)
            c = make("classification", h.start, label=notation, stance=stance, **kw)
            if c is not None and (c.claimant is not None or authored):
                out.append(c)
    # a speaker's own words in quotation marks: its labels, and the labels its names for the
    # event imply ('May told the House: "The tragedy of Jallianwala Bagh …"', 'spoke of
    # "appalling massacres"')
    for q in QUOTED.finditer(t, lo, hi):
        words = [(h.start, h.concept.notation) for h in labels if q.start(1) <= h.start < q.end(1)]
        words += [(h.start, mt.lex.concept(h.concept.prop("impliesLabel")).notation)
                  for h in mt.event_type.find(t, q.start(1), q.end(1)) if h.concept.prop("impliesLabel")]
        if re.search(rf"(?i){mt.alternation('term-noun')}\W*$", t[max(lo, q.start() - 14):q.start()]):
            continue  # 'the term "genocide"': a word talked about, not used
        if any(a.end <= q.start() and q.start() - a.end <= 40 for a in mt.act_type.find(t, lo, q.start())):
            continue  # 'a resolution «… genocide»': an act's title, the act's body speaks it
        if any(d.end <= q.start() and d.concept.prop("pattern") not in ("negation", "contrast")
               for d in mt.denial.find(t, lo, q.start())):
            continue  # 'rejects the claims of «a massacre»': what is denied, not said
        for pos, notation in words:
            if notation == "fabrication":
                continue  # "responsibility … lies with": what calls a lie a lie reads it ("called it a lie")
            if any(mt.is_word(w, "negator") for w in re.findall(r"[\w'’]+", t[max(q.start(1), pos - 16):pos])[-2:]):
                continue  # '"there was no massacre"': the negation rule reads it
            c = make("classification", pos, label=notation)
            if c is not None and c.claimant is not None and (section_voice is None or c.claimant is not section_voice.claimant):
                out.append(c)
    # a statement's own name for the event it speaks of ("the Armenian pogroms in Baku")
    if section_voice is not None and section_voice.claimant is not None and \
            st.seg.sections[sent.section].kind == STATEMENT:
        for e in events:
            for h in mt.event_type.find(t, e.start, e.end):
                implied = h.concept.prop("impliesLabel")
                if implied:
                    out.append(make("classification", h.start, event=e.ref,
                                    label=mt.lex.concept(implied).notation,
                                    claimant=section_voice.claimant, claimant_text=section_voice.text))
    return [c for c in out if c is not None]
