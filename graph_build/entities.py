"""What a phrase names: an actor, a place or an event, with a stable resolution key.

Known entities come from the lexicon's gazetteer (aliases and transliterations in many
languages); state bodies resolve to "<role> of <state>" however they are worded
("the Azerbaijani authorities" = "the Government of Azerbaijan"); persons named by
surname alone resolve to the full name seen earlier in the same document; anything else
keeps the name it is written with, so unknown actors and events are still found.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field

from .dates import DAY, DAY_NO_YEAR, find_dates
from .lexicon import Concept
from .mentions import Hit, Matchers, _tokens, capitalised, fold, slug
from .model import EntityRef

ACTOR_KINDS = ("person", "organisation", "state", "armed-group", "population-group", "group")


@dataclass
class DocContext:
    """Per-document memory: persons by surname, the common words, the main event."""

    lang: str
    common_words: set[str]
    persons: dict[str, EntityRef] = field(default_factory=dict)
    main_event: EntityRef | None = None
    by_role: dict[str, EntityRef] = field(default_factory=dict)  # "the tribunal" -> the last one named
    home: list[EntityRef] = field(default_factory=list)  # the bodies of the letterhead ("The Court" is its court)


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
    adjective = english_adjective(state)
    role_name = role.label_for("en")
    role_name = role_name.lower() if " " not in role_name else role_name
    # "Afghan government", as news writes it and as the spec's read-back does ("Azerbaijani
    # government"); "Government of X" where the lexicon has no English adjective
    pref = f"{adjective} {role_name}" if adjective else f"{role.label_for('en')} of {state.label_for('en')}"
    return EntityRef(kind, written, f"{role.id.removeprefix('role-')}-of-{state.id.removeprefix('entity-')}",
                     mt.lang, pref, (("role", role.id), ("place", state.id)))


def english_adjective(state: Concept) -> str | None:
    """The English adjective of a state among its adjectives in all languages: a plain
    capitalised word (no genitive "-s", no apostrophe) sharing the longest beginning with
    its English name ("Afghanistan": "Afghan", "France": "French", "Netherlands": "Dutch")."""
    name = state.label_for("en")
    cands = [a for a in state.props_of("adjective") if re.fullmatch(r"[A-Z][a-z]+", a) and not a.endswith("s")]

    def shared(a: str) -> int:
        n = 0
        while n < min(len(a), len(name)) and a[n] == name[n]:
            n += 1
        return n
    return max(cands, key=lambda a: (shared(a), -len(a), a)) if cands else None


def _state_in(text: str, mt: Matchers) -> Concept | None:
    for h in mt.adjective.find(text):
        if h.start > 0 and text[h.start - 1] == "-":
            continue  # "Inter-American", "pro-Russian": a prefix makes it no nationality
        if (h.concept.prop("actorKind") or "") == "state":
            return h.concept
    for h in mt.known.find(text):
        if (h.concept.prop("actorKind") or "") == "state":
            return h.concept
    return None


def namey(w: str, mt: Matchers) -> bool:
    """A word that can be part of a name: "Walker", "de", "al-Majid" (particles from the lexicon)."""
    particles = mt.words.get("name-particle", set())
    head, _, rest = w.partition("-")
    return capitalised(w) or w.lower() in particles or (head.lower() in particles and capitalised(rest))


def trim_actor_phrase(text: str, mt: Matchers) -> str:
    """Cut what follows an actor phrase's head: "Armenian forces almost daily" -> "Armenian forces",
    "Armenian forces of Azerbaijani refugees" -> "Armenian forces"."""
    m = re.search(rf"\s+{mt.alternation('inner')}\s+(.*)$", text)
    if m:
        tail = m.group(1)
        keeps = any(capitalised(t[2]) and not mt.adjective.find(t[2]) for t in _tokens(tail, 0, len(tail))) \
            or mt.known.find(tail) or mt.role.find(tail)
        if not keeps:
            text = text[: m.start()]
    toks = _tokens(text, 0, len(text))
    heads = [t for t in toks if namey(t[2], mt) or (t[2][0].isdigit() and not t[2].isdigit()
                                                    and not _DECADE.match(t[2]))]  # "366th", not a year or "1990-х"
    for h in mt.role.find(text) + mt.known.find(text):
        heads.append((h.start, h.end, h.label))
    if heads:
        end = max(h[1] for h in heads)
        end += len(re.match(r"[»”]?", text[end:]).group())  # "«Мемориал»": with its closing mark
        text = text[:end]
    return text


_DECADE = re.compile(r"(?:1[5-9]|20)\d0(?:-\w{1,6}|s|'s)$")  # "1990s", "1990-х", "1990-tallet" is a date
_DATE_PREFIX = re.compile(r"^(?:(?:[^\W\d]{1,12}\s+){0,2}\d[\d.,]*\s+(?:[a-zæøåа-яё]{1,5}\s+)?){1,3}(?=\D)")


def _strip_edges(text: str) -> str:
    """The phrase without the punctuation around it; a quoted name keeps its closing mark
    ("Организация «Мемориал»")."""
    text = re.sub(r"^[\s\W]+|[\s\W]+$", "", text)
    for o, c in ("«»", "“”"):
        if text.count(o) > text.count(c):
            text += c
    return text


def actor_from_phrase(text: str, mt: Matchers, ctx: DocContext) -> EntityRef | None:
    """The actor a noun phrase names, or None; a bare role ("the tribunal", "retten")
    stands for the last actor of that role the document named."""
    text = _strip_edges(text)
    text = _DATE_PREFIX.sub("", text)  # "17 January 2010 the Iraqi High Tribunal"
    lead = re.match(r"([\w'’]+)\s+(?:[\w'’]+\s+){0,3}?(?=([\w'’]+)\s)", text)
    if lead and (mt.is_word(lead.group(1), "boundary") or mt.is_word(lead.group(1), "inner")):
        # "For years the Varnian government": an adverbial before the phrase's determiner
        m = next((w for w in re.finditer(r"[\w'’]+", text) if w.start() > 0 and
                  (mt.is_word(w.group(), "determiner") or capitalised(w.group()))), None)
        if m is not None and m.start() < len(text) - 1:
            text = text[m.start():]
    first = re.match(r"([\w'’]+)\s+", text)
    if first and mt.is_word(first.group(1), "quantifier"):
        # "several units of the Soviet army" names the army; "several Soviet officials" no one
        part = re.search(r"\s(?:" + "|".join(map(re.escape, sorted(mt.words.get("inner", {"of"})))) + r")\s+(.+)$", text)
        if part is None:
            rest = _actor_from_phrase(text[first.end():], mt, ctx) if len(text[first.end():].split()) == 1 else None
            if rest is not None and rest.kind == "armed-group":  # "some soldiers": armed men, if not all
                return EntityRef("armed-group", text, "armed-" + slug(text), mt.lang, text)
            return None
        text = part.group(1)
        first = re.match(r"([\w'’]+)\s+", text)
    if first and mt.is_word(first.group(1), "determiner"):
        text = text[first.end():]
    words = [w for w in re.findall(r"[\w'’-]+", text) if not mt.is_word(w, "determiner")]
    roles = mt.role.find(text)
    if roles and words and not any(capitalised(w) for w in words[:-1]) \
            and roles[-1].end >= len(text.rstrip()) - 1 and len(words) == 1 and not words[0].isupper():
        # "the tribunal" stands for the last tribunal named; an acronym ("ОМОН", "JNA") is a name
        if capitalised(words[0]):  # "The Court found": the court whose letterhead the document bears
            home = next((r for r in ctx.home if fold(words[0]) in fold(r.label).split()), None)
            if home is not None:
                return home
        hit = ctx.by_role.get(roles[-1].concept.id)
        if hit is not None:
            return hit
    ref = _actor_from_phrase(text, mt, ctx)
    role_words = {fold(text[r.start:r.end]) for r in roles}
    if ref is not None and roles and ref.kind in ("organisation", "state", "armed-group") \
            and (any(capitalised(w) and fold(w) not in role_words for w in words) or len(words) > 1):
        ctx.by_role[roles[-1].concept.id] = ref  # named, not just "Domstolen" opening a sentence
    return ref


def _actor_from_phrase(text: str, mt: Matchers, ctx: DocContext) -> EntityRef | None:
    """The actor a noun phrase names, or None if it names none.

    Tried in order: a known entity (the whole phrase), a titled person ("Soviet President
    Mikhail Gorbachev"), a state body ("the Azerbaijani authorities"), "<someone> of <known
    organisation>", an armed group, a person's name, an organisation by its head word, a
    collective ("Azerbaijani sources"), a known entity inside the phrase.
    """
    text = _strip_edges(text)
    text = re.sub(r"^(?:\d[\d\s.,\u202f\u2009]*)\s+", "", text)  # "26,000 Soviet troops"
    text = trim_actor_phrase(text, mt) if text else text
    if not text:
        return None
    written = text
    known = _known_exact(text, mt)
    if known is not None and (known.prop("actorKind") or "") not in ("event", "conflict"):
        return known_ref(known, written, mt.lang)
    toks = _tokens(text, 0, len(text))
    if mt.title.find(text):
        person = _person(text, toks, mt, ctx)
        if person is not None:
            return person
    of = re.match(rf"(.+?)\s+{mt.alternation('inner')}\s+", text)
    if of and not (mt.role.find(of.group(1)) or mt.known.find(of.group(1)) or _known_exact(of.group(1), mt)):
        # "Maurice Willows of the American Red Cross": a named person speaks, for a body
        head = _tokens(of.group(1), 0, len(of.group(1)))
        if len(head) >= 2 and all(capitalised(t[2]) for t in head):
            person = _person(of.group(1), head, mt, ctx)
            if person is not None:
                return person
    roles = mt.role.find(text)
    named = _named_after_office(text, toks, roles, mt, ctx)
    if named is not None:
        return named
    canon = [r for r in roles if r.concept.prop("pattern") == "canonical"]
    if canon:
        state = _state_in(text, mt)
        if state is not None:
            return canonical_body(canon[-1].concept, state, written, mt)
        if any(capitalised(t[2]) for t in toks) and not mt.title.find(text[:1].upper() + text[1:4]):
            kind = canon[-1].concept.prop("actorKind") or "organisation"
            if kind != "person":  # "the Varnian government": a state body we have no entry for
                return EntityRef(kind, written, "org-" + slug(written), mt.lang, written)
    # "<someone> of <known organisation>" ("executive director of HRW", "activists of the PFA")
    m = re.search(rf"\b{mt.alternation('inner', 'locative')}\s+(?:{mt.alternation('determiner')}\s+)?(.+)$", text)
    if m and not any(capitalised(t[2]) for t in _tokens(text, 0, m.start())):
        inner = _known_exact(m.group(1), mt)
        if inner is not None and (inner.prop("actorKind") or "") not in ("place", "event", "conflict"):
            return known_ref(inner, written, mt.lang)
    for h in mt.known.find(text):
        if (h.concept.prop("actorKind") or "") == "armed-group":
            return known_ref(h.concept, written, mt.lang)
    if len(toks) >= 3 and not namey(toks[-3][2], mt) and all(namey(t[2], mt) for t in toks[-2:]):
        # "бывшего командующего армией боснийских сербов Ратко Младича": a descriptor, then a name
        person = _person(text, toks, mt, ctx)
        if person is not None:
            return person
    armed = [r for r in roles if (r.concept.prop("actorKind") or "") == "armed-group"]
    collective = [r for r in roles if (r.concept.prop("actorKind") or "") == "group"]
    orghead = [r for r in roles if r.concept.prop("pattern") == "name-head"]
    if armed and not orghead:
        return EntityRef("armed-group", written, "armed-" + slug(written), mt.lang, written)
    person = _person(text, toks, mt, ctx)
    if person is not None:
        return person
    for h in mt.known.find(text):  # "Организация Human Rights Watch": a descriptor, then a known name
        if h.end >= len(text.rstrip()) - 1 and (h.concept.prop("actorKind") or "") in ACTOR_KINDS:
            lead = text[:h.start].split()
            national = lead and (mt.adjective.find(" ".join(lead)) or re.fullmatch(r"[A-ZÀ-ÖØ-ÞА-ЯЁ]\w+(?:s|'s|’s)", lead[-1]))
            if national:  # "Kinas Røde Kors", "the Chinese Red Cross": a national body, not the international one
                return EntityRef("organisation", written, "org-" + slug(written), mt.lang, written)
            return known_ref(h.concept, written, mt.lang)
    if orghead and any(capitalised(t[2]) for t in toks):
        return EntityRef("organisation", written, "org-" + slug(written), mt.lang, written)
    if collective:
        return EntityRef("group", written, "group-" + slug(written), mt.lang, written)
    if known is not None and (known.prop("actorKind") or "") in ACTOR_KINDS:
        return known_ref(known, written, mt.lang)
    for h in mt.known.find(text):
        if (h.concept.prop("actorKind") or "") in ACTOR_KINDS:
            return known_ref(h.concept, written, mt.lang)
    # "the regional prosecutor", "the authorities", "a ministry spokesman": a role or a title
    # heading the phrase names someone even without a name
    end = len(text.rstrip())
    head_role = [r for r in roles if r.end >= end]
    if head_role and len(toks) <= 5:
        kind = head_role[-1].concept.prop("actorKind") or "organisation"
        prefix = "person-" if kind == "person" else "org-"
        return EntityRef(kind, written, prefix + slug(written), mt.lang, written)
    head_title = [h for h in mt.title.find(text) if h.end >= end and text[h.start:h.end].islower()]
    if head_title and len(toks) <= 4 and not mt.adjective.find(text[head_title[-1].start:]):
        return EntityRef("person", written, "person-" + slug(written), mt.lang, written)
    return None


def _named_after_office(text: str, toks: list[tuple[int, int, str]], roles: list[Hit], mt: Matchers,
                        ctx: DocContext) -> EntityRef | None:
    """"Генеральный прокурор Беларуси Олег Божелко", "riksadvokaten Tom Vale": an office, then
    the full name of who holds it: the person speaks, not the office."""
    if not roles:
        return None
    cut = max(h.end for h in roles + mt.known.find(text) + mt.adjective.find(text) + mt.title.find(text))
    tail = [t for t in toks if t[0] >= cut]
    if len(tail) < 2 or len(tail) > 4 or not all(namey(t[2], mt) and capitalised(t[2]) for t in tail[-2:]) \
            or not all(namey(t[2], mt) for t in tail) or re.search(r"[,;:()]", text[cut:tail[0][0]]):
        return None
    if any(mt.is_word(t[2], "boundary") for t in toks if t[0] < tail[0][0]):
        return None  # "комиссия … под руководством Анатолия Собчака": the chair, not the speaker
    return _person(text[tail[0][0]:], _tokens(text[tail[0][0]:], 0, len(text) - tail[0][0]), mt, ctx)


def _person(text: str, toks: list[tuple[int, int, str]], mt: Matchers, ctx: DocContext) -> EntityRef | None:
    """A person's name: capitalised words left after titles and nationality adjectives."""
    cut = 0
    for h in mt.title.find(text) + mt.adjective.find(text):
        cut = max(cut, h.end)
    for h in mt.known.find(text) + mt.role.find(text):
        after = [t for t in toks if t[0] >= h.end]
        if h.end > cut and len(after) >= 2 and all(namey(t[2], mt) for t in after):
            cut = h.end  # "Президент Украины Владимир Зеленский": the name after the state
    rest = [t for t in toks if t[0] >= cut]
    names = [t for t in rest if namey(t[2], mt)]
    if rest and len(names) != len(rest):
        # "the diplomat William Walker", "historikeren Ikuhiko Hata": a descriptor noun, then a
        # full name (two or more capitalised words) ends the phrase
        tail: list[tuple[int, int, str]] = []
        for t in reversed(rest):
            if not namey(t[2], mt):
                break
            tail.insert(0, t)
        lead = rest[len(rest) - len(tail) - 1][2] if len(tail) < len(rest) else ""
        if len(tail) >= 2 and not any(mt.is_word(lead, k) for k in ("boundary", "inner", "conjunction")):
            rest = names = tail
    if not rest or len(names) != len(rest) or len(rest) > 4:
        return None
    months = {fold(m) for m, _ in mt.lex.labels("MonthName")}
    if any(fold(t[2]) in months or len(t[2]) < 2 for t in rest):
        return None  # "on 24 February I called": a date and a pronoun, not a name
    if mt.role.find(text[cut:]) or mt.known.find(text[cut:]):
        return None
    if any(h.start < rest[0][1] and h.end > cut for h in mt.known.find(text)):
        return None  # "… Российской Федерации": the tail of a known name is no person
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


@functools.lru_cache(maxsize=8)
def _place_rx(mt: Matchers) -> re.Pattern[str]:
    """ " in the city of ", " of ", " в городе ": the words between an event's head and its place."""
    prep, det, settlement = mt.alternation("place-preposition"), mt.alternation("determiner"), mt.alternation("settlement")
    of = mt.alternation("inner")
    return re.compile(rf"\s+(?:(?:[a-zæøåа-яё]+\s+){{0,3}}?)({prep})\s+(?:{det}\s+)?"
                      rf"(?:{settlement}\w{{0,2}}\s+(?:{of}\s+)?)?")


def _place_after(text: str, pos: int, hi: int, mt: Matchers) -> tuple[Concept | None, str | None, int, str]:
    """A place named after an event head: "of Khojaly", "in the city of Sumgait", "i Baku",
    "of Armenians in Baku", "broke out in Armenia"."""
    rx = _place_rx(mt)
    cur = pos
    gen = re.match(r"\s+([\w'’-]+)\s+([A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)", text[pos:hi])
    if gen and mt.is_word(gen.group(1), "settlement") and not mt.adjective.find(gen.group(2)):
        return None, gen.group(2), pos + gen.end(), gen.group(1)  # "сожжение деревни Хатынь"
    verb_endings = tuple(mt.words.get("verb-ending", ()))
    for _ in range(2):
        m = rx.match(text, cur, hi)
        if not m:
            return None, None, pos, ""
        if any(len(w) > 3 and w.endswith(verb_endings) for w in text[cur:m.start(1)].split()):
            return None, None, pos, ""  # "удар осудили в Варшаве": where it was judged, not where it was
        s = m.end()
        for h in mt.known.find(text, s, min(hi, s + 60)):
            if h.start != s:
                continue
            kind = h.concept.prop("actorKind") or ""
            if kind in ("place", "state"):
                return h.concept, h.label, h.end, m.group(1)
            if kind in ACTOR_KINDS:  # "massacres of Armenians in Baku": the victims, go on
                cur = h.end
                break
        else:
            if re.match(r"\d|(?:" + "|".join(_month_words(mt)) + r")\b", text[s:hi], re.IGNORECASE):
                return None, None, pos, ""  # "the events of January 20, 1990": a date, not a place
            nm = re.match(r"([A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)*)", text[s:hi])
            if nm and not mt.adjective.find(nm.group(1)) and fold(nm.group(1)) not in mt.words.get("determiner", set()):
                return None, nm.group(1), s + nm.end(), m.group(1)
            return None, None, pos, ""
    return None, None, pos, ""


@functools.lru_cache(maxsize=4)
def _month_words(mt: Matchers) -> tuple[str, ...]:
    return tuple(sorted((re.escape(lab) for lab, _ in mt.lex.labels("MonthName")), key=len, reverse=True)) or ("\\b\\B",)


def head_in_name(text: str, start: int, end: int, hi: int) -> bool:
    """An event head capitalised inside a longer name ("the National Strike Council",
    "Massacre Memorial Foundation"): it names an organisation or a place, not an event."""
    return text[start].isupper() and bool(re.match(r"[ \t]+[A-ZÀ-ÖØ-ÞА-ЯЁ]\w", text[end:hi]))


def find_events(text: str, lo: int, hi: int, mt: Matchers, ctx: DocContext) -> list[EventMention]:
    """Events named in text[lo:hi]: gazetteer names, and head nouns with a place or name.

    A definite head with nothing to tell it apart ("the massacre", "hendelsene") stands
    for the document's main event.
    """
    found: list[EventMention] = []
    for h in mt.known.find(text, lo, hi):
        if (h.concept.prop("actorKind") or "") in ("event", "conflict"):
            found.append(EventMention(h.start, h.end, known_ref(h.concept, h.label, mt.lang), False))
    dets = mt.words.get("determiner", set())
    for h in mt.event_type.find(text, lo, hi):
        if any(f.start <= h.start < f.end for f in found):
            continue
        if head_in_name(text, h.start, h.end, hi):
            continue
        etype = h.concept
        left = text[lo:h.start]
        prefix, conj = mt.alternation("name-prefix"), mt.alternation("conjunction")
        mod = re.search(rf"((?:{prefix})?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’]*(?:(?:[\s-]|\s{conj}\s)[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’]*)*)[\s-]$",
                        left)
        prev_words = re.findall(r"[\w'’-]+", left)[-4:]
        # a determiner before the head, or a definite suffix on it ("massakren", "hendelsene")
        det = any(w.lower() in dets for w in prev_words) or \
            any(h.label.lower().endswith(x) and len(h.label) > len(x) + 3 for x in mt.words.get("definite-suffix", ()))
        place_c, place_name, end, prep = _place_after(text, h.end, hi, mt)
        name_mod = None
        if mod:
            cand = mod.group(1)
            words = cand.split()
            while len(words) > 1 and any(fold(words[0]) in ws for ws in mt.words.values()):
                words = words[1:]  # "The Tarvo massacre", "«О Катынской трагедии»"
            cand = " ".join(words)
            # "anti-Armenian pogroms": the prefix is no name, the word after it may be
            first = (re.sub(rf"^{prefix}", "", cand.split()[0]) or cand.split()[0]).split("-")[0]
            is_adj = bool(mt.adjective.find(cand)) and not re.match(prefix, cand.lower())
            sentence_initial = not left[: mod.start()].strip() or left[: mod.start()].rstrip()[-1:] in "\"“«:.("
            function_word = mt.is_function_word(first) or bool(mt.denial.find(first)) \
                or fold(first) in {fold(m) for m in _month_words(mt)}
            taken = any(f.start <= h.start - len(cand) - 1 < f.end for f in found)  # "события в Сумгаите погромом"
            # where names modify a head as adjectives ("Новочеркасский расстрел"), a noun before
            # the head is no name of the event ("Целью удара" = "the aim of the strike")
            unadjectival = "adjectival-names" in mt.language_patterns and "-" not in cand and \
                not any(cand.split()[-1].lower().endswith(e) for e in mt.words.get("adjective-ending", ()))
            # a capital that only opens a sentence proves no name where names are adjectives
            # ("Умышленные убийства"): the word must be written with a capital elsewhere too
            heading = (lo == 0 or text[lo - 1] == "\n") and not text[lo:hi].rstrip().endswith((".", "!", "?"))
            unproved = "adjectival-names" in mt.language_patterns and sentence_initial and not heading and \
                not re.search(r"(?<=[^.!?\n«\"“(\s]\s)" + re.escape(cand.split()[-1][:max(4, len(cand.split()[-1]) - 5)]), text)
            # where names join a head by compounding, a word before a definite head with a
            # space between is no name of it ("landsbyen Deir Yassin vest for Jerusalem angrepet")
            spaced = "compounding" in mt.language_patterns and left.endswith(" ") and det
            # "SS-massakren", "the Wehrmacht massacre": who did it, not where or what it was called
            agent = any((k.concept.prop("actorKind") or "") in ("armed-group", "organisation", "person")
                        and k.start == 0 and k.end == len(cand) for k in mt.known.find(cand))
            if not is_adj and not function_word and not taken and not unadjectival and not unproved and not spaced \
                    and not agent and not (fold(first) in ctx.common_words and sentence_initial):
                name_mod = cand
        start = (h.start - len(name_mod) - 1) if name_mod else h.start
        if name_mod and place_c is None:
            for k in mt.known.find(name_mod):
                if (k.concept.prop("actorKind") or "") in ("place", "state"):
                    place_c, place_name = k.concept, k.label
        written = text[start:h.end]
        if place_name and end > h.end:
            written = f"{written} {prep} {place_name}"
        if place_c is None and place_name is None and name_mod is None:
            dated = _dated_event(text, h, hi, mt, ctx)
            if dated is not None:
                found.append(EventMention(h.start, dated[1], dated[0], False))
                continue
            if ctx.main_event is not None and _dated_event(text, h, hi, mt, DocContext(ctx.lang, set())):
                found.append(EventMention(h.start, h.end, ctx.main_event, True))
                continue
        ref = event_ref(etype, place_c, place_name, name_mod, written, mt, ctx)
        if ref is not None:
            found.append(EventMention(start, max(end, h.end), ref, False))
        elif (det or left.rstrip().endswith("-")) and ctx.main_event is not None:
            found.append(EventMention(h.start, h.end, ctx.main_event, True))
    return sorted(found, key=lambda e: e.start)


def _dated_event(text: str, h: Hit, hi: int, mt: Matchers, ctx: DocContext) -> tuple[EntityRef, int] | None:
    """An event named by its day: "the events of 20 January", "трагедия 9 апреля", "hendelsene
    2. mai" (a head and a day, joined by "of" or, for a head that only names, side by side).
    A known event whose dates take in that day is that event."""
    link = re.match(r"\s*(?:(" + "|".join(map(re.escape, sorted(mt.words.get("inner", set()), key=len, reverse=True)))
                    + r")\s+)?", text[h.end:hi])
    s = h.end + (link.end() if link else 0)
    if not (link and link.group(1)) and h.concept.prop("pattern") != "names-by-day":
        return None
    dates = [d for d in find_dates(text[s:min(hi, s + 40)], mt.lang, mt.lex) if d.start == 0]
    if not dates or dates[0].precision not in (DAY, DAY_NO_YEAR):
        return None
    d = dates[0]
    month_day = d.iso[-5:]
    spans = []  # known events whose dates take in the day, the shortest first
    for c in mt.lex.of_kind("KnownEntity"):
        begin, end = c.prop("beginDate"), c.prop("endDate") or c.prop("beginDate")
        if (c.prop("actorKind") or "") == "event" and begin and end and len(begin) >= 10 and len(end) >= 10 \
                and begin[5:10] <= month_day <= end[5:10] and d.precision == DAY \
                and begin[:4] <= d.iso[:4] <= end[:4]:  # a day without its year could be any year's
            spans.append(((_dt.date.fromisoformat(end[:10]) - _dt.date.fromisoformat(begin[:10])).days, c.id, c))
    if spans:
        return known_ref(min(spans)[2], text[h.start:s + d.end], mt.lang), s + d.end
    if ctx.main_event is not None:
        return None  # a document about one event names it by its day too ("the attack of 21 August")
    head = citation_label(h.concept, h.label, mt)
    label = f"{head} {text[s:s + d.end]}"
    return EntityRef("event", label, f"ev-{slug(h.concept.notation or 'events')}-{month_day}", mt.lang, None,
                     (("eventType", h.concept.id), ("dayOfYear", month_day))), s + d.end


def citation_label(c: Concept, form: str, mt: Matchers) -> str:
    """A head word in its dictionary form: the lexicon's citation form of `c` in the text's
    language when `form` inflects it ("трагедии" -> "трагедия"), else its shortest label of
    the same stem ("удара" -> "удар")."""
    stem = mt.inflection.stem(form)
    if stem is None or not mt.inflection.endings:
        return form
    cited = [lab for lab in c.props_of("citationForm") if (mt.inflection.stem(lab) or "").lower() == stem.lower()]
    if cited:
        return cited[0]
    same = [lab for lg, lab in c.labels if lg == mt.lang and (mt.inflection.stem(lab) or "").lower() == stem.lower()]
    return min(same, key=lambda x: (len(x), x)) if same else form


def event_ref(etype: Concept, place: Concept | None, place_name: str | None, name_mod: str | None,
               written: str, mt: Matchers, ctx: DocContext) -> EntityRef | None:
    if place is None and place_name is None and name_mod is None:
        return None
    main = ctx.main_event
    if place is not None and main is not None and dict(main.extra).get("place") == place.id \
            and not (name_mod and not mt.known.find(name_mod)):
        return main  # "the massacres of Armenians in Baku" in a text about the Baku pogrom
    if place is not None:
        same_place = [c for c in mt.lex.of_kind("KnownEntity") if c.prop("place") == place.id
                      and (c.prop("actorKind") or "") == "event"]
        typed = [c for c in same_place if c.prop("eventType") == etype.id]
        if typed:
            return known_ref(typed[0], written, mt.lang)
        if len(same_place) == 1 and etype.notation in ("events", "tragedy", "killings", "attack"):
            return known_ref(same_place[0], written, mt.lang)
    where = place.label_for("en") if place is not None else (place_name or name_mod or "")
    if main is not None and main.key.startswith("ev-") and main.key.endswith("-" + slug(where)) \
            and (etype.prop("pattern") != "setting"):
        return main  # "the killings in Hama" in a text about the Hama massacre
    if main is not None and place is None and etype.prop("pattern") != "setting" and \
            (etype.id == dict(main.extra).get("eventType") or etype.notation in ("events", "tragedy", "killings")) \
            and any(_same_name(w, m) for w in (place_name or name_mod or "").split() for m in main.label.split()):
        return main  # "события в Сумгаите" in a text about the "Сумгаитский погром"
    key = f"{slug(etype.notation or 'events')}-{slug(where)}"
    label = written.strip()
    label = label[0].upper() + label[1:] if label and name_mod and not re.match(mt.alternation("name-prefix"), label) \
        else label
    extra: list[tuple[str, str]] = [("eventType", etype.id)]
    if place is not None:
        extra.append(("place", place.id))
    elif place_name:
        extra.append(("placeName", place_name))
    return EntityRef("event", label, "ev-" + key, mt.lang, None, tuple(extra))


def _same_name(a: str, b: str) -> bool:
    """Two capitalised words that are one name in other case forms ("Сумгаите", "Сумгаитский")."""
    if not (capitalised(a) and capitalised(b)):
        return False
    fa, fb = fold(a), fold(b)
    n = 0
    while n < min(len(fa), len(fb)) and fa[n] == fb[n]:
        n += 1
    return n >= 5 and n >= min(len(fa), len(fb)) - 2


def proper_names(text: str, lo: int, hi: int, mt: Matchers, ctx: DocContext) -> list[tuple[str, int]]:
    """Runs of capitalised words in text[lo:hi] that name no known actor, role, title,
    nationality, month or function word: candidate names of places and events."""
    months = {fold(m) for m, _ in mt.lex.labels("MonthName")}
    adjectival = mt.words.get("adjective-ending", set())
    skip = [(h.start, h.end) for m in (mt.known, mt.role, mt.title, mt.adjective, mt.event_type)
            for h in m.find(text, lo, hi)]
    out: list[tuple[str, int]] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if run:
            out.append((text[run[0][0]:run[-1][1]], run[0][0]))
        run.clear()

    tokens = _tokens(text, lo, hi)
    for i, (s, e, w) in enumerate(tokens):
        sentence_initial = not text[lo:s].strip()
        particle, _, rest = w.partition("-")
        named = capitalised(w) or bool(rest) and capitalised(rest) and mt.is_word(particle, "name-particle")
        # "под Иловайском": an adjective's ending on a noun after a preposition, with no noun after
        # it ("в Иловайском котле" is the adjective)
        noun_after_prep = i > 0 and mt.is_word(tokens[i - 1][2], "locative") and not (
            i + 1 < len(tokens) and not text[e:tokens[i + 1][0]].strip() and tokens[i + 1][2][:1].islower())
        ok = (named and len(w) > 1 and not w.isupper() and fold(w) not in months
              and (noun_after_prep or not any(w.lower().endswith(a) for a in adjectival))
              and not any(a <= s < b for a, b in skip)
              and not any(fold(w) in ws for ws in mt.words.values())
              and not (sentence_initial and fold(w) in ctx.common_words)
              and fold(w) not in ctx.persons)
        if ok and (not run or not text[run[-1][1]:s].strip()):
            run.append((s, e, w))
        else:
            flush()
            if ok:
                run.append((s, e, w))
    flush()
    return [(n, p) for n, p in out if fold(n) not in ctx.persons]


def citation_form(name: str, text: str, mt: Matchers) -> str:
    """The form of a one-word name the document also writes without an oblique case ending:
    "Буче" -> "Буча" when the text has both; unchanged otherwise."""
    endings = sorted(mt.words.get("oblique-ending", set()), key=len, reverse=True)
    if " " in name or not endings:
        return name
    stem = next((name[: -len(e)] for e in endings if name.lower().endswith(e) and len(name) - len(e) >= 3), None)
    if stem is None:
        return name
    forms: dict[str, int] = {}
    for m in re.finditer(re.escape(stem) + r"\w{0,2}\b", text):
        w = m.group()
        if not any(w.lower().endswith(e) for e in endings) and w != stem[:-1]:
            forms[w] = forms.get(w, 0) + 1
    return max(forms, key=lambda f: (forms[f], f)) if forms else name
