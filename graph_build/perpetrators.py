"""Perpetrator claims: who did it, according to whom: the subject of a verb of violence, the
agent of a passive, "blamed … on X", "held X responsible", "X ordered the attack", pleas,
acquittals, infobox fields, denials of one's own part."""

from __future__ import annotations

import re

from .clauses import VERDICT_LINE, after_determiner, agents_by, denied_clause, passive, split_actors
from .entities import EventMention, actor_from_phrase, known_ref
from .mentions import GAP, Phrase, phrase_after, phrase_before
from .model import Claim, EntityRef, Sentence
from .reading import ReadingState
from .voices import AUTHOR, resolve_subject


def _no_object(st: ReadingState, pos: int, hi: int) -> bool:
    """"KLA fighters killed in combat": a verb followed by a preposition or the clause's end
    is a participle with its victim before it, not an agent's act."""
    nxt = re.match(r"\s*([\w'’]+|[^\w\s])", st.text[pos:hi])
    if nxt is not None and any(h.start == pos + nxt.start(1) for m in (st.mt.lower, st.mt.upper, st.mt.approx)
                               for h in m.find(st.text, pos, min(hi, pos + 40))):
        return False  # "killed at least 300", "killed about 50": a hedged figure is the object
    return nxt is None or not nxt.group(1)[0].isalnum() or st.mt.is_word(nxt.group(1), "boundary")


def _after_act(st: ReadingState, pos: int, lo: int, events: list[EventMention]) -> bool:
    """"the attack was led by", "which was ordered by": the cue follows an act, a passive
    auxiliary or a relative, not any noun ("a team led by")."""
    if any(e.end <= pos and not st.text[e.end:pos].strip(" ,") for e in events):
        return True
    words = re.findall(r"[\w'’]+", st.text[max(lo, pos - 30):pos])[-1:]
    if words and (st.mt.is_word(words[0], "verb") or st.mt.is_word(words[0], "relative")):
        return True
    if words and any((r.concept.prop("actorKind") or "") in ("armed-group", "group", "population-group")
                     for r in st.mt.role.find(words[0])):
        return True  # "groups led by activists of the PFA", "units commanded by X"
    return bool(words) and bool(st.mt.event_type.find(words[0]) or st.mt.act_type.find(words[0]))


def _armed_before(st: ReadingState, pos: int, lo: int) -> EntityRef | None:
    """The nearest armed group named before `pos` in its clause, not after a preposition."""
    t, mt = st.text, st.mt
    clause_lo = lo
    for m in st.mt.clause_end.finditer(t, lo, pos):
        clause_lo = m.end()
    best: EntityRef | None = None
    for h in mt.role.find(t, clause_lo, pos):
        if (h.concept.prop("actorKind") or "") != "armed-group":
            continue
        ph = phrase_before(t, h.end, clause_lo, mt, max_tokens=6)
        if ph is None:
            continue
        prev = re.findall(r"[\w'’]+", t[max(clause_lo, ph.start - 20):ph.start])[-1:]
        if prev and mt.is_word(prev[0], "boundary"):
            continue
        ref = actor_from_phrase(ph.text, mt, st.ctx)
        if ref is not None and ref.kind == "armed-group":
            best = ref
    return best


def _actors_after(st: ReadingState, pos: int, hi: int) -> list[EntityRef]:
    """The actors right after a verb, up to its clause's end: a free word order's subject or a
    passive's agent in its case ("вошли подразделения внутренних войск, а также ОМОН и СОБР").
    Each part of the list names one; the list stops at the first part that names none."""
    end = st.mt.clause_end.search(st.text, pos, hi)
    stop = min(end.start() if end else hi, pos + 160)
    out: list[EntityRef] = []
    for part in split_actors(st.text[pos:stop].lstrip(" \t,"), st.mt):
        words = [w for w in part.split() if not st.mt.is_word(w, "filler")]
        while words and (st.mt.is_word(words[0], "boundary") or st.mt.is_word(words[0], "conjunction")):
            words = words[1:]  # "а ОМОН": what joined it to the list
        ref = actor_from_phrase(" ".join(words[:6]), st.mt, st.ctx)
        if ref is None or ref.kind not in ("armed-group", "organisation", "person", "state"):
            break
        out.append(ref)
    return out


def _inverted_subject(st: ReadingState, pos: int, lo: int, verb: int, hi: int) -> EntityRef | None:
    """"Under massakren drepte soldatene …", "I 1992 skjøt serbiske styrker …": in a verb-second
    language a fronted adverbial puts the subject right after the verb."""
    t, mt = st.text, st.mt
    clause_lo = lo
    for m in mt.clause_end.finditer(t, lo, verb):
        clause_lo = m.end()
    first = re.findall(r"[\w'’]+", t[clause_lo:verb])[:1]
    dated = any(abs(d.end - len(t[:verb].rstrip())) <= 1 for d in st.dates if d.start >= clause_lo)
    if not dated and not (first and mt.is_word(first[0], "boundary")):
        return None
    ph = phrase_after(t, pos, hi, mt, max_tokens=5)
    if ph is None:
        return None
    words = []
    for w in ph.text.split():
        if re.match(r"\d", w):
            break  # "soldatene 30 landsbyboere": the object's figure ends the subject
        words.append(w)
    ref = actor_from_phrase(" ".join(words), mt, st.ctx) if words else None
    return ref if ref is not None and ref.kind in ("armed-group", "organisation", "state", "person") else None


def _relative_subject(st: ReadingState, pos: int, lo: int) -> tuple[EntityRef | None, str | None]:
    """"HRW, which placed responsibility with X": the claimant is the relative's antecedent."""
    words = list(re.finditer(r"[\w'’]+", st.text[lo:pos]))[-3:]
    for w in reversed(words):
        if st.mt.is_word(w.group(), "relative"):
            ref, written = resolve_subject(st, lo + w.start(), lo)
            if ref is not None and ref.kind in ("event", "conflict", "place"):
                return None, None
            return ref, written
    return None, None


def _verdict_line(st: ReadingState, sent: Sentence, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    """"- Barzan al-Tikriti, former director of the Intelligence Service: guilty; …" in a
    court's list of verdicts: the court that gave them (the last body told) asserts the
    named persons' part, or denies it for those acquitted. Descriptions (roles, titles) are
    no names."""
    m = VERDICT_LINE.match(st.text, sent.start, sent.end)
    if m is None or st.last_body is None:
        return []
    words = m.group(2).split()
    verdict = next((pat for pat in ("verdict-acquitted", "verdict-guilty") for n in (2, 1)
                    if len(words) >= n and st.mt.is_word(" ".join(words[:n]), pat)), None)
    if verdict is None:
        return []
    out = []
    for name in split_actors(m.group(1), st.mt):
        if st.mt.role.find(name) or st.mt.title.find(name):
            continue
        ref = actor_from_phrase(name, st.mt, st.ctx)
        if ref is not None and ref.kind == "person":
            out.append(make("perpetrator", sent.start + m.start(1), actor=ref, claimant=st.last_body,
                            claimant_text=st.last_body.label,
                            stance="denies" if verdict == "verdict-acquitted" else "asserts"))
    return [c for c in out if c is not None]


def perpetrator_claims(st: ReadingState, sent: Sentence, make, events: list[EventMention]) -> list[Claim]:  # type: ignore[no-untyped-def]
    t, mt = st.text, st.mt
    out: list[Claim] = []
    if sent.infobox_field == "perpetrators":
        value = t[sent.value_start or sent.start:sent.end]
        for name in split_actors(value, mt):
            ref = actor_from_phrase(name, mt, st.ctx)
            if ref is not None:
                out.append(make("perpetrator", sent.start, actor=ref))
        return [c for c in out if c is not None]
    verdicts = _verdict_line(st, sent, make)
    if verdicts:
        return verdicts
    for h in mt.perp_cue.find(t, sent.start, sent.end):
        pat = h.concept.prop("pattern")
        if pat == "agent-object" and after_determiner(st, sent.start, h.start):
            continue  # "referred the accused to the court": a noun, no accusation
        negated = bool(re.search(rf"(?i)\b{mt.alternation('negator')}\s+$", t[max(sent.start, h.start - 6):h.start]))
        negated ^= denied_clause(st, sent.start, h.start)  # "Karimov denied that soldiers had fired"
        # "о якобы совершённом Россией ударе": the speaker tells an accusation it does not share
        negated |= any(mt.is_word(w, "distancing") for w in re.findall(r"[\w'’-]+", t[max(sent.start, h.start - 20):h.start])[-2:])
        if pat == "agent-after-act" and not _after_act(st, h.start, sent.start, events):
            continue
        if pat == "self-denial":  # "Rifaat al-Assad has denied any responsibility"
            who, who_text = resolve_subject(st, h.start, sent.start)
            # "отрицает причастность российских военных": the denied party follows the cue
            ph = phrase_after(t, h.end, sent.end, mt, max_tokens=5)
            them = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None and \
                not mt.is_word(t[h.end:].split()[0] if t[h.end:].split() else "", "boundary") else None
            actor = them if them is not None and them.kind != "group" else who
            if who is not None and who is not AUTHOR and actor is not None and actor.kind != "group":
                out.append(make("perpetrator", h.start, actor=actor, claimant=who, claimant_text=who_text,
                                stance="denies"))
            continue
        if pat == "agent-inside":  # "held the former state and the minister directly responsible"
            first, last = (part.strip() for part in h.label.split(GAP, 1))
            inside = t[h.start + len(first):h.end - len(last)]
            if any(mt.is_word(w, "complementizer") or mt.is_word(w, "relative")
                   for w in re.findall(r"[\w'’]+", inside)):
                continue  # "held that the amnesty law … those responsible": a clause, not "held X responsible"
            # who holds them responsible is the claimant ("It held …" after the commission's report)
            who, who_text = resolve_subject(st, h.start, sent.start)
            kw = {"claimant": who, "claimant_text": who_text} if who is not None and who is not AUTHOR and \
                who.kind in ("person", "organisation", "state") else {}
            words = inside.split()
            if len(words) > 1 and words[-1].islower() and \
                    any(words[-1].endswith(e) for e in mt.words.get("adverb-ending", ())):
                words = words[:-1]  # "the minister directly": the adverb is no part of the name
            for name in split_actors(" ".join(words), mt):
                ref = actor_from_phrase(name, mt, st.ctx)
                if ref is not None and ref.kind not in ("group", "place", "event", "conflict"):
                    out.append(make("perpetrator", h.start, actor=ref, stance="denies" if negated else "asserts", **kw))
            continue
        if pat in ("agent-after", "agent-after-act", "agent-object"):
            start = h.end
            if pat == "agent-object":  # "обвинил в убийствах российскую армию": skip the charge
                pp = re.match(r"\s*([\w'’]+)\s+[\w'’]+", t[h.end:sent.end])
                if pp and mt.is_word(pp.group(1), "boundary") and not mt.is_word(pp.group(1), "agent"):
                    start = h.end + pp.end()
            ph = phrase_after(t, start, sent.end, mt, max_tokens=12)
            if ph is None:
                continue
            who, who_text = _relative_subject(st, h.start, sent.start)
            if who is None and GAP in h.label:
                # "Amnesty attributes the killings to X", "Moscow blamed the crime on X": the
                # verb's subject gives the claim
                who, who_text = resolve_subject(st, h.start, sent.start)
                who = who if who is not None and who.kind in ("person", "organisation", "state", "group") else None
            extra = {"claimant": who, "claimant_text": who_text} if who is not None else {}
            if pat == "agent-object" and st.mt.denial.find(t, max(sent.start, h.start - 20), h.start):
                continue  # "denied ever accusing X" denies an accusation, not X's part in the event
            found = 0
            for name in split_actors(ph.text, mt):
                ref = actor_from_phrase(name, mt, st.ctx)
                if ref is None or ref.kind == "group":
                    continue
                found += 1
                out.append(make("perpetrator", h.start, actor=ref,
                                stance="denies" if negated else "asserts", **extra))
            if not found and pat == "agent-after" and "agent-by-case" in mt.language_patterns and " " not in h.label:
                # "в Куропатах органами НКВД были расстреляны": the agent's case lets it stand
                # before the verb; a body or armed force there is no victim
                before = phrase_before(t, h.start, sent.start, mt)
                prep = re.findall(r"[\w'’]+", t[sent.start:before.start])[-1:] if before is not None else []
                if prep and mt.is_word(prep[0], "boundary") and before is not None and len(before.text.split()) == 1:
                    before = None  # "были без суда казнены": a preposition's object, no agent
                ref = actor_from_phrase(before.text, mt, st.ctx) if before is not None else None
                if ref is not None and ref.kind in ("armed-group", "organisation"):
                    out.append(make("perpetrator", h.start, actor=ref, stance="denies" if negated else "asserts"))
        elif pat == "agent-subject":  # "the Soviet government admitted that the NKVD was responsible"
            ph = phrase_before(t, h.start, sent.start, mt)
            ref = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None else None
            if ref is not None and ref.kind not in ("group", "place", "event", "conflict"):
                out.append(make("perpetrator", h.start, actor=ref, stance="denies" if negated else "asserts"))
        elif pat == "agent-before-act":  # "Dyer ordered them to fire", "X planned the killings"
            clause_end = st.mt.clause_end.search(t, h.end, sent.end)
            stop = clause_end.start() if clause_end else sent.end
            # where word order is free the act may stand before the verb ("«зачистку» проводили …")
            begin = sent.start if mt.inflection.endings else h.end
            if not (mt.event_type.find(t, begin, stop) or mt.measure.find(t, h.end, stop)
                    or any(p.concept.prop("pattern") == "agent-before" for p in mt.perp_cue.find(t, h.end, stop))):
                continue
            if any(mt.is_word(w, "negator") for w in re.findall(r"[\w'’]+", t[h.end:stop])[:6]):
                continue  # "strictly ordering them not to harm civilians"
            who, _ = resolve_subject(st, h.start, sent.start)
            if (who is None or who.kind not in ("person", "organisation", "state", "armed-group")) and mt.inflection.endings:
                after = _actors_after(st, h.end, sent.end)
                who = after[0] if after else who
            if who is not None and who.kind in ("person", "organisation", "state", "armed-group"):
                neg = denied_clause(st, sent.start, h.start)
                out.append(make("perpetrator", h.start, actor=who, stance="denies" if neg else "asserts"))
        elif pat == "convicted-list" and st.last_body is not None:  # "Those convicted included X, …"
            for name in split_actors(re.split(r"[;(]|,\s+(?:the|a|an|who|whom|which)\b", t[h.end:sent.end])[0], mt):
                ref = actor_from_phrase(name, mt, st.ctx)
                if ref is not None and ref.kind == "person":
                    out.append(make("perpetrator", h.start, actor=ref, claimant=st.last_body,
                                    claimant_text=st.last_body.label))
        elif pat == "sentence-received":  # "Головатов … получил 12 лет": convicted by the last court
            who, _ = resolve_subject(st, h.start, sent.start)
            if who is not None and st.last_body is not None and who.kind in ("person", "armed-group"):
                out.append(make("perpetrator", h.start, actor=who, claimant=st.last_body,
                                claimant_text=st.last_body.label))
            # "…, Y — 14 лет": the others of the list, each with their term
            for m in re.finditer(r"[,;]\s*([^,;—–]{3,80}?)\s+[—–]\s*\d", t[h.end:sent.end]):
                ref = actor_from_phrase(m.group(1), mt, st.ctx)
                if ref is not None and st.last_body is not None and ref.kind == "person":
                    out.append(make("perpetrator", h.start, actor=ref, claimant=st.last_body,
                                    claimant_text=st.last_body.label))
        elif pat == "self-assertion":  # "Wuterich pleaded guilty": his own word
            who, written = resolve_subject(st, h.start, sent.start)
            if who is not None and who.kind in ("person", "organisation", "armed-group"):
                out.append(make("perpetrator", h.start, actor=who, claimant=who, claimant_text=written))
        elif pat == "acquittal":  # "X was acquitted" / "the court acquitted X": the court denies X's part
            court = st.last_body
            if passive(st, h.start, sent.start) or GAP not in h.label and h.label.split()[0] in ("was", "were", "ble"):
                who, _ = resolve_subject(st, h.start, sent.start)
            else:
                court = resolve_subject(st, h.start, sent.start)[0] or court
                ph = phrase_after(t, h.end, sent.end, mt, max_tokens=6)
                who = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None else None
            if who is not None and court is not None and who.kind in ("person", "organisation", "armed-group"):
                out.append(make("perpetrator", h.start, actor=who, claimant=court, claimant_text=court.label,
                                stance="denies"))
        elif pat == "agent-before":
            if passive(st, h.start, sent.start):
                # "Hama was besieged for some 27 days by the army and by the Defence Companies";
                # "committed not by X but by Y" denies X and asserts Y
                if any(mt.is_word(w, "negator") for w in re.findall(r"[\w'’]+", t[sent.start:h.start])):
                    continue  # "there was no statement that … were killed by X"
                agents = agents_by(st, h.end, sent.end)
                if not agents and "agent-by-case" in mt.language_patterns:
                    agents = [(r, False) for r in _actors_after(st, h.end, sent.end)]  # "были убиты военнослужащими"
                for ref, neg in agents:
                    out.append(make("perpetrator", h.start, actor=ref, stance="denies" if neg else "asserts"))
                continue
            if " " not in h.label and _no_object(st, h.end, sent.end):
                continue  # a phrase ("opened fire", "launched an attack") has what it needs
            verb_at = h.start
            aside = re.search(rf"(?i),\s*{mt.alternation('breakdown')}\s[^,;]*,\s*$", t[sent.start:h.start])
            if aside:  # "units of the HVO, among them the Jokers platoon, attacked": the subject before the aside
                verb_at = sent.start + aside.start()
            ph = phrase_before(t, verb_at, sent.start, mt)
            if ph is not None and mt.is_word(ph.text, "relative"):
                ph = phrase_before(t, ph.start, sent.start, mt)
            heads = mt.event_type.find(t, ph.start, ph.end) if ph is not None else []
            if ph is not None and heads and t[heads[-1].end:ph.end].strip():
                # "During the massacre soldiers killed", "В ходе резни солдаты убили": the
                # event belongs to the adverbial, the actor follows it
                rest = t[heads[-1].end:ph.end]
                begin = ph.end - len(rest.lstrip())
                ph = Phrase(begin, ph.end, t[begin:ph.end])
            # "left a free corridor and the soldiers had not fired": of joined phrases, the actors
            parts = [p for p in (split_actors(ph.text, mt) if ph is not None else [])
                     if actor_from_phrase(p, mt, st.ctx) is not None]
            ref = actor_from_phrase(parts[-1] if parts else ph.text, mt, st.ctx) if ph is not None else None
            whole = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None else None
            if whole is not None and whole.kind == "organisation" and ph is not None and any(
                    (r.concept.prop("actorKind") or "") == "armed-group" and t[ph.start + r.end:ph.end].lstrip().startswith(
                        tuple(mt.words.get("inner", ()))) for r in mt.role.find(ph.text)):
                ref = whole  # "units of the Croatian Defence Council": the body whose forces did it
            elif ref is None or ref.kind not in ("armed-group", "population-group"):
                ref = _armed_before(st, verb_at, sent.start)
            refs = [ref] if ref is not None else []
            if ref is not None and len(parts) > 1 and ref.kind == "armed-group":
                # "Soldiers and militiamen killed …": each armed part of the joined subject
                joined = [actor_from_phrase(p, mt, st.ctx) for p in parts]
                if all(r is not None and r.kind == "armed-group" for r in joined):
                    refs = [r for r in joined if r is not None]
            if ref is None and "verb-second" in mt.language_patterns:
                ref = _inverted_subject(st, h.end, sent.start, h.start, sent.end)
                refs = [ref] if ref is not None else []
            if ref is None and mt.inflection.endings:
                # free word order: "в Самашки вошли подразделения внутренних войск, а также ОМОН и СОБР"
                refs = [r for r in _actors_after(st, h.end, sent.end) if r.kind == "armed-group"]
            if not refs:
                continue
            neg = bool(re.search(rf"(?i)\b{mt.alternation('negator')}\b", t[max(sent.start, h.start - 12):h.start]))
            neg ^= denied_clause(st, sent.start, h.start)
            for ref in refs:
                out.append(make("perpetrator", h.start, actor=ref, stance="denies" if neg else "asserts"))
    # "found several Soviet officials guilty of the tragedy, including X"
    for h in mt.act_type.find(t, sent.start, sent.end):
        if "…" not in h.label:
            continue
        first = h.label.split("…")[0].strip()
        inner = t[h.start + len(first):h.end - len(h.label.split("…")[-1].strip())]
        names = [inner.split(",")[0]]  # "fant general X, som hadde …, skyldig": X
        inc = re.search(rf"(?i)\b{mt.alternation('breakdown')}\s+([^,.;]+)", t[h.end:sent.end])
        if inc:
            names.append(inc.group(1))
        for name in names:
            ref = actor_from_phrase(name, mt, st.ctx)
            if ref is not None:
                out.append(make("perpetrator", h.start, actor=ref))
    # "de armenske massakrene på 12 000 aserier": a group adjective on the event head, victims after
    for e in events:
        for a in mt.adjective.find(t, max(sent.start, e.start - 25), e.start):
            if t[a.end:e.start].strip():
                continue
            grp = [c for c in mt.lex.of_kind("KnownEntity")
                   if c.prop("actorKind") == "population-group" and a.label in c.props_of("adjective")]
            if grp and re.match(rf"\s+{mt.alternation('victim-preposition')}\s", t[e.end:e.end + 12]):
                out.append(make("perpetrator", e.start, actor=known_ref(grp[0], a.label, mt.lang), event=e.ref))
    return [c for c in out if c is not None]
