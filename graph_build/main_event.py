"""The document's main event: the one it names most, else one named from its place names
and event heads ("… in Mariupol … the strike" -> "Mariupol strike"), else one it names only
by its day. Sentences without an event of their own speak of it."""

from __future__ import annotations

import re

from .entities import (
    citation_form,
    citation_label,
    event_ref,
    find_events,
    head_in_name,
    proper_names,
)
from .lexicon import Concept
from .model import BODY, INFOBOX, QUOTE, STATEMENT, TITLE, EntityRef
from .reading import ReadingState


def find_main_event(st: ReadingState) -> None:
    """The document's main event: the event it names most (a title counts five times, the
    earliest wins a tie), else one named from its text. Counting, not taking the first,
    keeps an incidental event of the lead ("a rally of the strike committee") from
    taking a document about another."""
    score: dict[str, int] = {}
    first: dict[str, EntityRef] = {}
    for sent in st.seg.sentences:
        kind = st.seg.sections[sent.section].kind
        if kind not in (TITLE, BODY, INFOBOX, STATEMENT, QUOTE):
            continue
        for e in find_events(st.text, sent.start, sent.end, st.mt, st.ctx):
            if not e.anaphoric and e.ref.kind == "event" and not is_setting(st, e.ref):
                score[e.ref.key] = score.get(e.ref.key, 0) + (5 if kind == TITLE else 1)
                first.setdefault(e.ref.key, e.ref)
    def best(keys: list[str]) -> EntityRef:
        return first[max(keys, key=lambda k: (score[k], -keys.index(k)))]

    named = [k for k in first if not dict(first[k].extra).get("dayOfYear") and not is_broad(st, first[k])]
    if named:
        st.ctx.main_event = best(named)
        return
    # a name from the text's place names and heads, else one placed in a whole state, else
    # one the text gives only by its day ("трагедия 9 апреля")
    weak = [k for k in first if not dict(first[k].extra).get("dayOfYear")]
    st.ctx.main_event = _derived_event(st) or (best(weak) if weak else best(list(first)) if first else None)


def _derived_event(st: ReadingState) -> EntityRef | None:
    """Name an event no pattern found from its most frequent event head and place name:
    "… in Mariupol … the strike … the strike" -> "Mariupol strike". A name counts most after a
    locative preposition ("in X", "i X", "в X") and in the title; a known place beats an
    unknown name. A document with no name at all gets no main event."""
    t, mt = st.text, st.mt
    heads: dict[str, int] = {}
    written: dict[str, dict[str, int]] = {}
    names: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    known_places: dict[str, Concept] = {}
    locative = mt.words.get("locative", set())
    at_place: dict[str, str] = {}  # name -> as written after a locative preposition ("в Еленовке")
    person_stems: set[str] = set()
    body_text = " ".join(t[x.start:x.end] for x in st.seg.sentences
                         if st.seg.sections[x.section].kind in (BODY, INFOBOX, STATEMENT, QUOTE))
    for sent in st.seg.sentences:
        kind = st.seg.sections[sent.section].kind
        if kind not in (TITLE, BODY, INFOBOX, STATEMENT, QUOTE):
            continue
        weight = 10 if kind == TITLE else 1
        for h in mt.event_type.find(t, sent.start, sent.end):
            if h.concept.prop("pattern") != "setting" and not head_in_name(t, h.start, h.end, sent.end):
                heads[h.concept.id] = heads.get(h.concept.id, 0) + weight
                forms = written.setdefault(h.concept.id, {})
                forms[h.label] = forms.get(h.label, 0) + 1
                first_seen.setdefault(h.concept.id, h.start)
        for h in mt.known.find(t, sent.start, sent.end):
            if t[h.start:h.end].isupper() and h.end - h.start > 3:
                continue  # a dateline ("WASHINGTON/KABUL, Oct 8 –") says where the news was filed
            if (h.concept.prop("actorKind") or "") == "place":
                # a place where something happens ("in Tbilisi", "the village of X") beats an
                # unknown name there; one only mentioned ("the suburbs of Damascus") counts little
                before = re.search(r"([\w'’]+)\s+(?:([\w'’]+)\s+)?$", t[max(sent.start, h.start - 30):h.start])
                located = before is not None and any(
                    w and (w.lower() in locative or mt.is_word(w, "settlement")) for w in before.groups())
                scene = 3 if located and _at_the_scene(st, h.start, sent.start) else 1
                names[h.concept.id] = names.get(h.concept.id, 0) + weight * (4 if located else 1) * scene
                known_places[h.concept.id] = h.concept
                first_seen.setdefault(h.concept.id, h.start)
        for name, pos in proper_names(t, sent.start, sent.end, mt, st.ctx):
            written_name, name = name, citation_form(name, t, mt)  # "в Хатыни" and "Хатынь": one name
            prev = re.findall(r"[\w'’]+", t[max(sent.start, pos - 12):pos])[-1:]
            if prev and (mt.title.find(prev[0]) or mt.role.find(prev[0]) or mt.is_word(prev[0], "agent")):
                person_stems.update(w[:5] for w in name.split())
                continue  # "President Karimov", "генерал Младич", "Posted by X": a person
            if len(name.split()) == 2 and mt.reporting.find(t, pos + len(name), min(sent.end, pos + len(name) + 20)):
                person_stems.update(w[:5] for w in name.split())
                continue  # "Ratko Mladić said": a person
            initial = not t[sent.start:pos].strip()
            settlement = re.search(r"([\w'’]+)\s+(?:[\w'’]+\s+)?$", t[max(sent.start, pos - 24):pos])
            after_locative = bool(prev) and (prev[0].lower() in locative or (
                settlement is not None and mt.is_word(settlement.group(1), "settlement")))  # "village of X"
            score = 3 if after_locative else (0 if initial and kind != TITLE else 1)
            if after_locative and _at_the_scene(st, pos, sent.start):
                score *= 3
            if kind == TITLE and not after_locative and not _written_in(written_name, body_text) and \
                    written_name != t[sent.start:sent.end].strip() and \
                    not re.match(r"\s*[:,–—]", t[pos + len(written_name):sent.end]):
                score = 0  # a title word the body never writes ("Stillhet om Ostra …") names nothing
            if after_locative:
                at_place.setdefault(name, f"{prev[0].lower()} {written_name}")
            if score:
                names[name] = names.get(name, 0) + score * weight
                first_seen.setdefault(name, pos)
                if kind == TITLE:
                    at_place.setdefault(name, "")
    title = next((x for x in st.seg.sentences if st.seg.sections[x.section].kind == TITLE), None)
    if title is not None and not mt.event_type.find(t, title.start, title.end):
        # a title that is only a name ("Babij Jar", "Хатынь") names the event
        found = proper_names(t, title.start, title.end, mt, st.ctx)
        undated = t[title.start:title.end]
        for d in sorted((d for d in st.dates if title.start <= d.start < title.end), key=lambda d: -d.start):
            undated = undated[:d.start - title.start] + undated[d.end - title.start:]  # "Deir Yassin 9. april 1948"
        if len(found) == 1 and found[0][0] == undated.strip(" ,–—:") and len(found[0][0].split()) <= 4:
            names[found[0][0]] = names.get(found[0][0], 0) + 100
            first_seen.setdefault(found[0][0], found[0][1])
    for n in list(names):  # "Ratko Mladić … Mladić said": a two-word name whose last word recurs alone
        parts = n.split()
        if len(parts) == 2 and n not in known_places and \
                len(re.findall(r"(?<!" + re.escape(parts[0]) + r" )\b" + re.escape(parts[1][:5]), t)) > 0:
            person_stems.update(w[:5] for w in parts)
    names = {n: v for n, v in names.items() if not any(w[:5] in person_stems for w in n.split())
             and (len(n.split()) == 1 or n in at_place or n in known_places)}  # "Ганса Вёльке": a person
    if not names:
        return None
    name = max(names, key=lambda n: (names[n], -first_seen[n]))
    as_written = name
    neutral = {h: n for h, n in heads.items() if st.lex.concept(h).prop("pattern") != "contested-name"}
    pool = neutral or heads
    head = max(pool, key=lambda h: (pool[h], -first_seen[h])) if pool else None
    etype = st.lex.concept(head) if head else st.lex.by_notation("EventType", "events")
    if etype is None:
        return None
    place = known_places.get(name)
    where = place.label_for(mt.lang) if place is not None else name
    forms = written.get(etype.id) or {etype.notation or "events": 1}
    head_word = citation_label(etype, max(forms, key=lambda f: (forms[f], f)), mt).lower()
    label = f"{where} {head_word}"
    if "head-first" in mt.language_patterns:
        label = f"{head_word} {at_place.get(as_written) or where}"  # "удар в Еленовке", "удар Краматорска"
    return event_ref(etype, place, None if place is not None else name, None, label, mt, st.ctx)


def _at_the_scene(st: ReadingState, pos: int, lo: int) -> bool:
    """"погибших под Иловайском", "killed in Tarvo", "the massacre at X": a place right after a
    casualty word or an event head and its preposition is where the event happened, not where
    it was remembered ("В Киеве почтили память …")."""
    base = max(lo, pos - 40)
    words = list(re.finditer(r"[\w'’]+", st.text[base:pos]))[-2:]
    if len(words) < 2 or not st.mt.is_word(words[-1].group(), "locative"):
        return False
    a, b = base + words[0].start(), base + words[0].end()
    return bool(st.mt.measure.find(st.text, a, b) or st.mt.event_type.find(st.text, a, b))


def _written_in(name: str, text: str) -> bool:
    """Whether `text` writes `name` too, in any case form ("Краматорска" / "Краматорске")."""
    return all(w[:max(4, len(w) - 2)] in text for w in name.split())


def is_broad(st: ReadingState, ref: EntityRef) -> bool:
    """"The events in Ukraine": what only happened in a whole state is too wide to be the event
    a document is about, or the one its next sentence goes on about ("the pogroms in Armenia"
    are an event)."""
    place = st.lex.get(dict(ref.extra).get("place", ""))
    etype = st.lex.get(dict(ref.extra).get("eventType", ""))
    return place is not None and (place.prop("actorKind") or "") == "state" and \
        etype is not None and etype.notation == "events"


def is_setting(st: ReadingState, ref: EntityRef) -> bool:
    """A war or conflict named as the frame of an event ("during the Kosovo War"), not its subject."""
    etype = dict(ref.extra).get("eventType")
    c = st.lex.get(etype) if etype else None
    known = st.lex.get(ref.key)  # a known wider event ("the Holocaust")
    return (c is not None and c.prop("pattern") == "setting") or \
        (known is not None and known.prop("pattern") == "setting")
