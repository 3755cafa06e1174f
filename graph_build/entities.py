"""What a phrase names: an actor, a place or an event, with a stable resolution key.

Known entities come from the lexicon's gazetteer (aliases and transliterations in many
languages); state bodies resolve to "<role> of <state>" however they are worded
("the Azerbaijani authorities" = "the Government of Azerbaijan"); persons named by
surname alone resolve to the full name seen earlier in the same document; anything else
keeps the name it is written with, so unknown actors and events are still found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Concept
from .mentions import Matchers, _tokens, capitalised, fold, slug
from .model import EntityRef

ACTOR_KINDS = ("person", "organisation", "state", "armed-group", "population-group", "group")


@dataclass
class DocContext:
    """Per-document memory: persons by surname, the common words, the main event."""

    lang: str
    common_words: set[str]
    persons: dict[str, EntityRef] = field(default_factory=dict)
    main_event: EntityRef | None = None


def common_words(text: str) -> set[str]:
    """Words the document also writes in lower case (so a capital is only sentence-initial)."""
    return {m.group().lower() for m in re.finditer(r"(?<![\w])[a-zæøåа-яёç][\w'’-]*", text)}


def known_ref(c: Concept, written: str, lang: str) -> EntityRef:
    kind = c.prop("actorKind") or "organisation"
    pref = c.label_for("en")
    extra: list[tuple[str, str]] = []
    for p in ("eventType", "place", "beginDate", "endDate", "partOf", "relatedEvent", "latitude",
              "longitude", "role", "wikidata"):
        extra.extend((p, v) for v in c.props_of(p))
    return EntityRef(kind, written, c.id, lang, pref, tuple(extra))


def _known_exact(text: str, mt: Matchers) -> Concept | None:
    for h in mt.known.find(text):
        if h.start == 0 and h.end >= len(text.rstrip("'’s ")) - 0:
            return h.concept
    return None


def canonical_body(role: Concept, state: Concept, written: str, mt: Matchers) -> EntityRef:
    """A state body: the gazetteer's entry for (role, state) if any, else "<Role> of <State>"."""
    for c in mt.lex.of_kind("KnownEntity"):
        if c.prop("role") == role.id and c.prop("place") == state.id:
            return known_ref(c, written, mt.lang)
    kind = role.prop("actorKind") or "organisation"
    pref = f"{role.label_for('en')} of {state.label_for('en')}"
    return EntityRef(kind, written, f"{role.id.removeprefix('role-')}-of-{state.id.removeprefix('entity-')}",
                     mt.lang, pref, (("role", role.id), ("place", state.id)))


def _state_in(text: str, mt: Matchers) -> Concept | None:
    for h in mt.adjective.find(text):
        if (h.concept.prop("actorKind") or "") == "state":
            return h.concept
    for h in mt.known.find(text):
        if (h.concept.prop("actorKind") or "") == "state":
            return h.concept
    return None


def actor_from_phrase(text: str, mt: Matchers, ctx: DocContext) -> EntityRef | None:
    """The actor a noun phrase names, or None if it names none.

    >>> # "the Azerbaijani authorities" -> Government of Azerbaijan (see tests)
    """
    text = re.sub(r"^[\s\W]+|[\s\W]+$", "", text)
    text = re.sub(r"^(?:\d[\d\s.,\u202f\u2009]*)\s+", "", text)  # "26,000 Soviet troops"
    if not text:
        return None
    written = text
    known = _known_exact(text, mt)
    if known is not None and (known.prop("actorKind") or "") not in ("event", "conflict"):
        return known_ref(known, written, mt.lang)
    roles = mt.role.find(text)
    canon = [r for r in roles if r.concept.prop("pattern") == "canonical"]
    if canon:
        state = _state_in(text, mt)
        if state is not None:
            return canonical_body(canon[-1].concept, state, written, mt)
    # "<title> of <known organisation>" speaks for the organisation
    m = re.search(r"\b(?:of|av|i)\s+(?:the\s+)?(.+)$", text)
    if m and mt.title.find(text[: m.start()]):
        inner = _known_exact(m.group(1), mt)
        if inner is not None:
            return known_ref(inner, written, mt.lang)
    # "units of the Soviet army" -> the known armed group
    for h in mt.known.find(text):
        if (h.concept.prop("actorKind") or "") == "armed-group":
            return known_ref(h.concept, written, mt.lang)
    toks = _tokens(text, 0, len(text))
    armed = [r for r in roles if (r.concept.prop("actorKind") or "") == "armed-group"]
    collective = [r for r in roles if (r.concept.prop("actorKind") or "") == "group"]
    orghead = [r for r in roles if r.concept.prop("pattern") == "name-head"]
    if armed and not orghead:
        return EntityRef("armed-group", written, "armed-" + slug(written), mt.lang, written)
    person = _person(text, toks, mt, ctx)
    if person is not None:
        return person
    if orghead and any(capitalised(t[2]) for t in toks):
        return EntityRef("organisation", written, "org-" + slug(written), mt.lang, written)
    if collective:
        return EntityRef("group", written, "group-" + slug(written), mt.lang, written)
    if known is not None:
        return known_ref(known, written, mt.lang)
    for h in mt.known.find(text):
        if (h.concept.prop("actorKind") or "") in ACTOR_KINDS:
            return known_ref(h.concept, written, mt.lang)
    return None


def _person(text: str, toks: list[tuple[int, int, str]], mt: Matchers, ctx: DocContext) -> EntityRef | None:
    """A person's name: capitalised words left after titles and nationality adjectives."""
    cut = 0
    for h in mt.title.find(text) + mt.adjective.find(text):
        cut = max(cut, h.end)
    rest = [t for t in toks if t[0] >= cut]
    names = [t for t in rest if capitalised(t[2]) or t[2].lower() in ("de", "van", "von", "al", "bin")]
    if not rest or len(names) != len(rest) or len(rest) > 4:
        return None
    if mt.role.find(text[cut:]) or mt.known.find(text[cut:]):
        return None
    if not capitalised(rest[0][2]):
        return None
    full = text[rest[0][0]:rest[-1][1]]
    if len(rest) == 1:
        hit = ctx.persons.get(fold(full))
        if hit is not None:
            return hit
        if fold(full) in ctx.common_words:
            return None
    ref = EntityRef("person", full, "person-" + slug(full), mt.lang, full)
    if len(rest) >= 2:
        ctx.persons.setdefault(fold(rest[-1][2]), ref)
        return ctx.persons[fold(rest[-1][2])] if fold(full) == fold(ctx.persons[fold(rest[-1][2])].label) else ref
    return ref


# ------------------------------------------------------------------ events

@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    ref: EntityRef
    anaphoric: bool  # "the massacre": stands for the document's main event


def _place_after(text: str, pos: int, mt: Matchers) -> tuple[Concept | None, str | None, int]:
    """A place named right after an event head: "of Khojaly", "in the city of Sumgait", "i Baku"."""
    m = re.match(r"\s+(?:of|in|at|i|på|в|во|near)\s+(?:the\s+)?(?:(?:city|town|village|byen)\s+(?:of\s+)?)?", text[pos:])
    if not m:
        return None, None, pos
    s = pos + m.end()
    for h in mt.known.find(text, s, min(len(text), s + 60)):
        if h.start == s and (h.concept.prop("actorKind") or "") in ("place", "state"):
            return h.concept, h.label, h.end
    nm = re.match(r"([A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)*)", text[s:])
    if nm and fold(nm.group(1)) not in mt.words.get("determiner", set()):
        return None, nm.group(1), s + nm.end()
    return None, None, pos


def find_events(text: str, lo: int, hi: int, mt: Matchers, ctx: DocContext) -> list[EventMention]:
    """Events named in text[lo:hi]: gazetteer names, and head nouns with a place or name."""
    found: list[EventMention] = []
    for h in mt.known.find(text, lo, hi):
        if (h.concept.prop("actorKind") or "") in ("event", "conflict"):
            found.append(EventMention(h.start, h.end, known_ref(h.concept, h.label, mt.lang), False))
    for h in mt.event_type.find(text, lo, hi):
        if any(f.start <= h.start < f.end for f in found):
            continue
        etype = h.concept
        # modifiers before the head: "Srebrenica massacre", "Mars-massakrene", "the Armenian pogroms"
        left = text[lo:h.start]
        mod = re.search(r"([A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’]*(?:[\s-][A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’]*)*)[\s-]$", left)
        det = re.search(r"(?i)(?:^|\s)(the|this|that|den|det|dette|denne|эт\w+)\s+(?:[\w'’-]+\s+){0,3}$", left)
        place_c, place_name, end = _place_after(text, h.end, mt)
        name_mod = None
        if mod:
            cand = mod.group(1)
            first = cand.split()[0].split("-")[0]
            is_adj = bool(mt.adjective.find(cand))
            if not is_adj and not (fold(first) in ctx.common_words and mod.start() == 0):
                name_mod = cand
        start = (lo + mod.start()) if name_mod else h.start
        # a modifier that is a known place: "Khojaly massacre"
        if name_mod and place_c is None:
            for k in mt.known.find(name_mod):
                if (k.concept.prop("actorKind") or "") in ("place", "state"):
                    place_c, place_name = k.concept, k.label
        ref = _event_ref(etype, place_c, place_name, name_mod, text[start:end], mt)
        if ref is not None:
            found.append(EventMention(start, end, ref, False))
        elif det is not None or left.rstrip().endswith("-"):
            if ctx.main_event is not None:
                found.append(EventMention(h.start, h.end, ctx.main_event, True))
    return sorted(found, key=lambda e: e.start)


def _event_ref(etype: Concept, place: Concept | None, place_name: str | None, name_mod: str | None,
               written: str, mt: Matchers) -> EntityRef | None:
    if place is None and place_name is None and name_mod is None:
        return None
    # a known event of this type at this place
    if place is not None:
        for c in mt.lex.of_kind("KnownEntity"):
            if c.prop("place") == place.id and c.prop("eventType") == etype.id:
                return known_ref(c, written, mt.lang)
    where = place.label_for("en") if place is not None else (place_name or name_mod or "")
    key = f"{etype.notation}-{slug(where)}"
    label = written.strip()
    label = label[0].upper() + label[1:] if label and name_mod else label
    extra: list[tuple[str, str]] = [("eventType", etype.id)]
    if place is not None:
        extra.append(("place", place.id))
    elif place_name:
        extra.append(("placeName", place_name))
    return EntityRef("event", label, "ev-" + key, mt.lang, None, tuple(extra))
