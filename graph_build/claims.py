"""Claims: rules that turn a sentence's mentions into attributed claims.

One pass over the claim-bearing sentences of a segmented document. For each sentence
we settle *who speaks* (the section's voice, an "according to X", a reporting verb's
subject, a pronoun carried over from the sentence before), *about what* (an event named
in the sentence, else the paragraph's or the document's main event), and then apply one
rule per claim type. Every claim keeps its evidence span and the footnotes it carries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .dates import DAY_NO_YEAR, find_dates
from .entities import (
    ACTOR_KINDS,
    DocContext,
    EventMention,
    actor_from_phrase,
    citation_form,
    citation_label,
    common_words,
    event_ref,
    find_events,
    head_in_name,
    known_ref,
    proper_names,
)
from .lexicon import Concept, Lexicon
from .mentions import (
    GAP,
    Figure,
    Hit,
    Matchers,
    find_figures,
    matchers,
    phrase_after,
    phrase_before,
    slug,
)
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

# The author speaking in the first person, or an impersonal passive ("it is estimated"):
# the document's own voice, stated explicitly (a claimant of None, but not an unknown one)
AUTHOR = EntityRef("author", "", "author", "", None)

_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|whereas|but|mens|men|а|но)\s|\s[–—]\s")
_QUOTED = re.compile(r"[\"“«„]([^\"”»“]{2,200})[\"”»“]")


@dataclass
class Voice:
    """Someone who speaks in a sentence, from the cue at `at` (None claimant: unresolved)."""

    at: int
    claimant: EntityRef | None
    text: str | None
    cue: str  # according | per | reporting | label | section | unresolved
    back: bool = False  # also speaks for what comes before the cue ('"…", the ministry said')


@dataclass
class _State:
    lex: Lexicon
    mt: Matchers
    seg: Segmented
    text: str  # masked text (footnote markers blanked)
    ctx: DocContext
    dates: list
    last_claimant: EntityRef | None = None
    last_claimant_text: str | None = None
    last_person: EntityRef | None = None
    last_year: str | None = None
    last_act: tuple[str, int] | None = None  # (body key, paragraph start) of the last formal act
    last_body: EntityRef | None = None
    prev_events: tuple[EntityRef, ...] = ()
    prev_end: int = 0
    sentence_claimant: tuple[EntityRef, str | None] | None = None  # the last speaker of this sentence
    claimant_history: list[tuple[EntityRef, str | None]] = field(default_factory=list)


def extract_claims(seg: Segmented, lex: Lexicon) -> list[Claim]:
    """All claims of one document, in text order."""
    doc = seg.document
    mt = matchers(lex, doc.language)
    text = seg.masked_text()
    ctx = DocContext(doc.language, common_words(text))
    st = _State(lex, mt, seg, text, ctx, find_dates(text, doc.language, lex))
    _find_main_event(st)
    memory = (dict(st.ctx.by_role), dict(st.ctx.persons))
    voices = _section_voices(st)
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


def _find_main_event(st: _State) -> None:
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
            if not e.anaphoric and e.ref.kind == "event" and not _is_setting(st, e.ref):
                score[e.ref.key] = score.get(e.ref.key, 0) + (5 if kind == TITLE else 1)
                first.setdefault(e.ref.key, e.ref)
    named = [k for k in first if not dict(first[k].extra).get("dayOfYear")]
    if named:
        st.ctx.main_event = first[max(named, key=lambda k: (score[k], -named.index(k)))]
        return
    # a name from the text's place names and heads, else one the text gives only by its day
    # ("трагедия 9 апреля")
    st.ctx.main_event = _derived_event(st) or (
        first[max(first, key=lambda k: (score[k], -list(first).index(k)))] if first else None)


def _derived_event(st: _State) -> EntityRef | None:
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
                names[h.concept.id] = names.get(h.concept.id, 0) + weight * (4 if located else 1)
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
        if len(found) == 1 and found[0][0] == t[title.start:title.end].strip() and len(found[0][0].split()) <= 4:
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


def _written_in(name: str, text: str) -> bool:
    """Whether `text` writes `name` too, in any case form ("Краматорска" / "Краматорске")."""
    return all(w[:max(4, len(w) - 2)] in text for w in name.split())


def _section_voices(st: _State) -> dict[int, Voice]:
    """Statement and quote sections speak with the voice that introduced them."""
    out: dict[int, Voice] = {}
    last_intro: Voice | None = None
    for sent in st.seg.sentences:
        sec = st.seg.sections[sent.section]
        if sec.kind in (STATEMENT, QUOTE):
            if sent.section not in out and last_intro is not None:
                out[sent.section] = replace(last_intro, cue="section")
            continue
        v = _reporting_voice(st, sent.start, sent.end) or _speaker_line(st, sent)
        if v is not None and v.claimant is not None:
            last_intro = v
    return out


def _speaker_line(st: _State, sent: Sentence) -> Voice | None:
    """A line that only names a speaker before a colon ("Official spokesman of the Ministry
    of Defence Igor Konashenkov:"): the speaker of the quotation that follows."""
    line = st.text[sent.start:sent.end].strip()
    if not line.endswith(":") or len(line.split()) > 14 or st.mt.reporting.find(line):
        return None
    ref = actor_from_phrase(line[:-1], st.mt, st.ctx)
    if ref is None or ref.kind not in ("person", "organisation", "state"):
        return None
    return Voice(sent.start, ref, line[:-1], "reporting")


def _skip_relative(st: _State, pos: int, lower: int) -> int:
    """"HRW, which interviewed some 50 witnesses, estimated", "Родионов, выступая на Съезде,
    отверг": the verb's subject stands before a relative, gerund or prepositional clause set
    off by commas, so look before the clause."""
    head = st.text[lower:pos]
    for m in re.finditer(r",\s*([\w'’]+)\b[^,]*,\s*$", head):
        w = m.group(1)
        gerund = w.islower() and any(w.endswith(e) for e in st.mt.words.get("gerund-ending", ()))
        if st.mt.is_word(w, "relative") or st.mt.is_word(w, "boundary") or gerund:
            return lower + m.start()
    return pos


def _coordinated_verb(st: _State, pos: int, lower: int) -> int | None:
    """Where the verb before "and" starts, when the verb at `pos` follows "and" (with its
    auxiliaries and adverbs: "has denied … and has repeatedly called"): the two share a
    subject."""
    t = st.text
    words = list(re.finditer(r"[\w'’]+", t[lower:pos]))
    aux = False
    while words and (st.mt.is_word(words[-1].group(), "filler") or st.mt.is_word(words[-1].group(), "verb")):
        aux = aux or st.mt.is_word(words[-1].group(), "auxiliary")
        words.pop()
    if not words or not st.mt.is_word(words[-1].group(), "conjunction"):
        return None
    conj = lower + words[-1].start()
    if _CLAUSE_END.search(t, lower, conj):
        return None
    verbs = [h.start for m in (st.mt.reporting, st.mt.denial, st.mt.label_cue, st.mt.act_cue, st.mt.perp_cue)
             for h in m.find(t, lower, conj) if h.concept.prop("pattern") not in ("as", "copula", "negation",
                                                                                  "contrast", "agent-after")]
    if aux:  # "has denied that its troops entered … and has called": the verb with an auxiliary too
        verbs = [v for v in verbs if any(st.mt.is_word(w, "auxiliary")
                                         for w in re.findall(r"[\w'’]+", t[max(lower, v - 25):v])[-3:])] or verbs
    return max(verbs) if verbs else None


def _resolve_subject(st: _State, pos: int, lower: int) -> tuple[EntityRef | None, str | None]:
    earlier = _coordinated_verb(st, pos, lower)
    if earlier is not None:
        return _resolve_subject(st, earlier, lower)
    ref, written = _subject_at(st, _skip_relative(st, pos, lower), lower)
    appositive = re.search(r",\s*([\w'’]+)[^,]{2,100},\s*(?:[\w'’]+\s+){0,2}$", st.text[lower:pos])
    indefinite = appositive is not None and appositive.group(1).lower() in st.mt.words.get("indefinite", set())
    if ref is None or ref.kind == "group" or indefinite:
        # "The Syrian Human Rights Committee, a London-based organisation, has given …"
        m = re.search(r",[^,]{2,100},\s*(?:[\w'’]+\s+){0,2}$", st.text[lower:pos])
        if m:
            ref2, written2 = _subject_at(st, lower + m.start(), lower)
            if ref2 is not None and ref2.kind in ("organisation", "state", "person"):
                return ref2, written2
    return ref, written


def _skip_adverbials(st: _State, pos: int, lower: int) -> int:
    """"X hadde allerede i mars 1947 dømt": step back over fillers, auxiliaries and dates
    (with their preposition) between a subject and its verb."""
    t, mt = st.text, st.mt
    while True:
        head = t[lower:pos].rstrip()
        end = lower + len(head)
        d = next((d for d in st.dates if lower <= d.start and abs(d.end - end) <= 1), None)
        if d is not None:
            pos = d.start
            prev = re.search(r"([\w'’]+)\s*$", t[lower:pos])
            if prev and mt.is_word(prev.group(1), "boundary"):
                pos = lower + prev.start()
            continue
        w = re.search(r"([\w'’]+)\s*$", head)
        if w and (mt.is_word(w.group(1), "filler") or mt.is_word(w.group(1), "verb")) and \
                any(x.end <= lower + w.start() for x in st.dates if x.start >= lower):
            pos = lower + w.start()
            continue
        return pos


def _subject_at(st: _State, pos: int, lower: int) -> tuple[EntityRef | None, str | None]:
    ref, written = _subject_at_once(st, pos, lower)
    if ref is None:
        # "Лавров на следующий день назвал": step over one prepositional phrase
        words = list(re.finditer(r"[\w'’]+", st.text[lower:pos]))[-4:-1]
        m = next((w for w in reversed(words) if st.mt.is_word(w.group(), "boundary")
                  and not st.mt.is_word(w.group(), "agent")), None)
        if m is not None:
            ref2, written2 = _subject_at_once(st, lower + m.start(), lower)
            if ref2 is not None and ref2.kind in ("person", "organisation", "state"):
                return ref2, written2
    return ref, written


def _person_before(st: _State, pos: int) -> EntityRef | None:
    """The last person named in the sentence before `pos` (a full name, two words or more)."""
    sent = next((s for s in st.seg.sentences if s.start <= pos < s.end), None)
    if sent is None:
        return None
    found = None
    for m in re.finditer(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)+", st.text[sent.start:pos]):
        ref = actor_from_phrase(m.group(), st.mt, st.ctx)
        if ref is not None and ref.kind == "person":
            found = ref
    return found


def _subject_at_once(st: _State, pos: int, lower: int) -> tuple[EntityRef | None, str | None]:
    pos = _skip_adverbials(st, pos, lower)
    ph = phrase_before(st.text, pos, lower, st.mt)
    if ph is None:
        return None, None
    if st.mt.is_word(ph.text, "relative"):
        ph = phrase_before(st.text, ph.start, lower, st.mt)
        if ph is None:
            return None, None
    prep = re.search(r"([\w'’]+)\s+$", st.text[lower:ph.start])
    if prep and st.mt.is_word(prep.group(1), "determiner"):  # "the tribunal in The Hague"
        prep = re.search(r"([\w'’]+)\s+$", st.text[lower:lower + prep.start()])
    if prep and st.mt.is_word(prep.group(1), "locative"):
        # "En kinesisk krigsforbryterdomstol i Nanking": a body named with its seat
        head = phrase_before(st.text, lower + prep.start(), lower, st.mt)
        seated = actor_from_phrase(head.text, st.mt, st.ctx) if head is not None else None
        if head is not None and st.mt.role.find(head.text):
            ph = type(ph)(head.start, ph.end, st.text[head.start:ph.end])
        elif head is not None and seated is not None and seated.kind in ("person", "organisation", "state"):
            ph = head  # "Human Rights Watch in New York said": the place is where the speaker sits
        elif not any(ph.start <= d.start < ph.end for d in st.dates):  # not "In March 1999 X said"
            inside = actor_from_phrase(ph.text, st.mt, st.ctx)
            if inside is None or inside.kind == "person":
                # "refugees settled in Naftalan, who said": an unknown name after "in" is a place,
                # no speaker; "В Минобороны России заявили", "в Киеве заявили": a body or a
                # known seat of government is where its people speak
                return None, None
    if st.mt.is_word(ph.text, "pronoun-person"):
        near = _person_before(st, ph.start)
        if near is not None:  # "found General X guilty, holding that he had ordered …"
            return near, near.label
        return st.last_person, st.last_person.label if st.last_person else None
    if st.mt.is_word(ph.text, "pronoun-author"):
        return AUTHOR, None
    if st.mt.is_word(ph.text, "pronoun-other"):
        return _anaphor(st)  # "UNAMA said that it had found …", "Organisasjonen ble fortalt …"
    ref = actor_from_phrase(ph.text, st.mt, st.ctx)
    if ref is None and st.mt.is_word(ph.text.split()[0] if ph.text.split() else "", "pronoun-other"):
        return _anaphor(st)
    return ref, ph.text if ref else None


def _reporting_voices(st: _State, lo: int, hi: int) -> list[Voice]:
    """Every reporting verb of text[lo:hi], with its subject resolved where it can be."""
    out: list[Voice] = []
    st.sentence_claimant = None
    for h in st.mt.reporting.find(st.text, lo, hi):
        before = st.text[lo:h.start]
        aux = re.findall(r"[\w'’]+", before[-16:])[-1:]
        nxt = re.findall(r"[\w'’]+", st.text[h.end:h.end + 6])[:1]
        if aux and st.mt.is_word(aux[0], "verb") and not (nxt and st.mt.is_word(nxt[0], "agent")):
            out.append(Voice(h.start, AUTHOR, None, "reporting"))  # "it is estimated", "are believed"
            continue
        qclose = max(before.rfind("”"), before.rfind('"'), before.rfind("»"))
        ref, written = _resolve_subject(st, h.start, lo if qclose < 0 else lo + qclose + 1)
        if ref is not None and ref.kind in ("place", "event", "conflict"):
            ref = None  # "refugees settled in Naftalan, who said": a place says nothing
        if ref is not None:
            back = qclose >= 0 and len(before[qclose + 1:].split()) <= 6
            out.append(Voice(h.start, ref, written, "reporting", back))
            if ref is not AUTHOR:
                st.sentence_claimant = (ref, written)
            if ref.kind == "person":  # "X told …, and he blamed …"
                st.last_person = ref
            continue
        ref, written = _subject_after(st, h, hi)
        if ref is not None:
            out.append(Voice(h.start, ref, written, "reporting"))
            st.sentence_claimant = (ref, written)
            continue
        # "by claiming that ...", "some who claim ...": someone speaks, we cannot say who;
        # a participle ("claiming", "to claim") may still take its clause's speaker
        participle = bool(re.search(r"(?i)ing$|ende$|я$", h.label) or
                          re.search(r"(?i)\b(to|å|чтобы)\s+$", st.text[max(lo, h.start - 4):h.start]))
        out.append(Voice(h.start, None, None, "participle" if participle else "unresolved"))
    return out


def _subject_after(st: _State, h: Hit, hi: int) -> tuple[EntityRef | None, str | None]:
    """In a verb-second language the subject follows the verb when something else opens the
    sentence: "I resolusjonen slår Sejmet fast at …", "I 1998 erklærte presidenten …". In a
    cue with a gap the subject is in the gap ("slår … fast")."""
    if "verb-second" not in st.mt.language_patterns:
        return None, None
    t = st.text
    if GAP in h.label:
        first = h.label.split(GAP)[0].strip()
        last = h.label.split(GAP)[-1].strip()
        ph = phrase_after(t, h.start + len(first), h.end - len(last), st.mt, max_tokens=6)
    else:
        ph = phrase_after(t, h.end, hi, st.mt, max_tokens=6)
    ref = actor_from_phrase(ph.text, st.mt, st.ctx) if ph is not None else None
    if ref is None and ph is not None and st.mt.is_word(ph.text, "pronoun-other"):
        return _anaphor(st)
    if ref is None or ref.kind not in ("person", "organisation", "state", "group"):
        return None, None
    return ref, ph.text if ph is not None else None


def _anaphor(st: _State) -> tuple[EntityRef | None, str | None]:
    """What "it", "they", "the organisation", "departementet" stand for: this sentence's
    speaker, else the last speaker that is not a person."""
    if st.sentence_claimant is not None:
        return st.sentence_claimant
    for ref, text in reversed(st.claimant_history):
        if ref.kind != "person":
            return ref, text
    return st.last_claimant, st.last_claimant_text


def _reporting_voice(st: _State, lo: int, hi: int) -> Voice | None:
    """The first reporting verb of text[lo:hi] whose subject is an actor."""
    return next((v for v in _reporting_voices(st, lo, hi) if v.claimant is not None), None)


def _voices(st: _State, sent: Sentence, section_voice: Voice | None) -> list[Voice]:
    t, lo, hi = st.text, sent.start, sent.end
    vs: list[Voice] = []
    st.sentence_claimant = None
    headline = re.match(r"\s*([^:\n]{2,50}):\s+\S", t[lo:hi])
    if headline and st.seg.sections[sent.section].kind == TITLE:
        # "Sejmet: Volyn-massakrene var folkemord", "Kremlin: the images are staged": a
        # headline's speaker before the colon
        ref = actor_from_phrase(headline.group(1), st.mt, st.ctx)
        if ref is not None and ref.kind in ("person", "organisation", "state"):
            vs.append(Voice(lo, ref, headline.group(1).strip(), "according"))
    for h in st.mt.attribution.find(t, lo, hi):
        pat = h.concept.prop("pattern")
        if pat == "source-noun":
            continue
        ph = phrase_after(t, h.end, hi, st.mt)
        if ph is None:
            continue
        if st.mt.is_word(ph.text, "pronoun-other") and (st.last_claimant is not None or st.claimant_history):
            ref, written = _anaphor(st)  # "по подсчётам организации"
        else:
            ref, written = actor_from_phrase(ph.text, st.mt, st.ctx), ph.text
        if ref is None:
            ref, written = _inner_actor(st, t[ph.start:hi])
        if ref is None:
            written = ph.text
            ref = EntityRef("group", written, "group-" + slug(written), st.mt.lang, written)
        vs.append(Voice(h.start, ref, written, "per" if pat == "parenthesis" else "according"))
    vs.extend(_reporting_voices(st, lo, hi))
    opening = re.match(r"\s*([\w'’]+)\s+(?:[\w'’]+\s+){0,2}", t[lo:hi])
    if opening and st.last_body is not None and st.mt.is_word(opening.group(1), "locative") and \
            (st.mt.act_type.find(t, lo + opening.start(), lo + opening.end() + 12) or
             any(st.mt.is_word(w, "document-noun") for w in opening.group().split()[1:])):
        # "In the judgment …", "I dommen heter det at …": the body of the last act speaks,
        # also through an impersonal "it is stated"
        vs = [v for v in vs if v.claimant is not AUTHOR]
        vs.append(Voice(lo, st.last_body, st.last_body.label, "according"))
    for h in st.mt.label_cue.find(t, lo, hi) + st.mt.denial.find(t, lo, hi):
        if h.concept.prop("pattern") in ("as", "copula", "negation", "contrast"):
            continue
        ref, written = _resolve_subject(st, h.start, lo)
        if ref is not None:
            vs.append(Voice(h.start, ref, written, "label"))
    _share_subjects(st, vs)
    # ", claiming that ...": a participle's unstated subject is the clause's speaker
    participles = {v.at: v.cue == "participle" for v in vs}
    for i, v in enumerate(vs):
        if v.cue == "participle":
            vs[i] = v = Voice(v.at, None, None, "unresolved")
            earlier = [w for w in vs if w.claimant is not None and w.at < v.at]
            if earlier and participles.get(v.at):
                w = max(earlier, key=lambda w: w.at)
                vs[i] = Voice(v.at, w.claimant, w.text, "reporting")
    if section_voice is not None:
        vs.append(Voice(lo, section_voice.claimant, section_voice.text, "section"))
    return vs


def _inner_actor(st: _State, text: str) -> tuple[EntityRef | None, str]:
    """"According to a 1959 note by KGB chairman Alexander Shelepin": the source's author,
    the longest tail of the phrase (up to its clause's comma, without a trailing date) that
    names a person or body."""
    text = re.split(r"[,;:]", text)[0].strip()
    text = re.sub(r"[\s,]+\d{3,4}\s*[^\W\d]{0,6}\.?$", "", text)  # "… Шелепина 1959 года"
    for m in re.finditer(r"(?<=\s)\S", text):
        tail = text[m.start():]
        ref = actor_from_phrase(tail, st.mt, st.ctx)
        if ref is not None and ref.kind in ("person", "organisation", "state"):
            return ref, tail
    return None, text


def _share_subjects(st: _State, vs: list[Voice]) -> None:
    """"X considers the figures too low and speaks of hundreds": a verb right after "and"
    has the subject of the verb before it."""
    vs.sort(key=lambda v: v.at)
    for i, v in enumerate(vs):
        if v.cue not in ("reporting", "label", "unresolved", "participle") or i == 0:
            continue
        before = st.text[max(0, v.at - 40):v.at]
        words = re.findall(r"[\w'’]+", before)
        while words and (st.mt.is_word(words[-1], "filler") or st.mt.is_word(words[-1], "verb")):
            words.pop()  # "… and has repeatedly called"
        if not words or not st.mt.is_word(words[-1], "conjunction"):
            continue
        w = next((w for w in reversed(vs[:i]) if w.claimant is not None and w.cue in ("reporting", "label")), None)
        if w is not None:
            vs[i] = Voice(v.at, w.claimant, w.text, "label" if v.cue == "label" else "reporting", v.back)


def _voice_at(vs: list[Voice], pos: int) -> Voice | None:
    """Who speaks at `pos`: the nearest cue before it, else the nearest after it, else the
    section's voice. A sentence-wide "according to X" yields to a nearer verb's subject."""
    cues = [v for v in vs if v.cue != "section"]
    before = [v for v in cues if v.at <= pos]
    if before:
        return max(before, key=lambda v: v.at)
    # a cue after the claim speaks for it only as "…, according to X" or "…, X said"
    after = [v for v in cues if v.at > pos and (v.cue in ("according", "per") or v.back)]
    if after:
        return min(after, key=lambda v: v.at)
    sec = [v for v in vs if v.cue == "section"]
    return sec[0] if sec else None


def _is_setting(st: _State, ref: EntityRef) -> bool:
    """A war or conflict named as the frame of an event ("during the Kosovo War"), not its subject."""
    etype = dict(ref.extra).get("eventType")
    c = st.lex.get(etype) if etype else None
    known = st.lex.get(ref.key)  # a known wider event ("the Holocaust")
    return (c is not None and c.prop("pattern") == "setting") or \
        (known is not None and known.prop("pattern") == "setting")


def _sentence_event(st: _State, events: list[EventMention], pos: int) -> EntityRef | None:
    named = [e for e in events if e.ref.kind == "event" and not _is_setting(st, e.ref)]
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


def _remember_subject(st: _State, sent: Sentence) -> None:
    ph = phrase_after(st.text, sent.start, sent.end, st.mt, max_tokens=8)
    if ph is None or any(not st.mt.is_word(w, "determiner") for w in st.text[sent.start:ph.start].split()):
        return  # only a sentence-initial phrase is its subject
    aux = next((m for m in re.finditer(r"[\w'’]+", ph.text) if m.start() > 0 and (
        st.mt.is_word(m.group(), "auxiliary") or st.mt.is_word(m.group(), "verb"))), None)
    if aux is not None:  # "Amnesty International har intervjuet …": the subject ends at its verb
        ph = type(ph)(ph.start, ph.start + aux.start(), ph.text[:aux.start()].rstrip())
    ref = actor_from_phrase(ph.text, st.mt, st.ctx)
    if ref is None:
        return
    if ref.kind in ("organisation", "state"):
        st.last_claimant, st.last_claimant_text = ref, ph.text
        st.claimant_history.append((ref, ph.text))
    elif ref.kind == "person" and " " in ref.label:  # a lone capitalised word may be "Why"
        st.last_person = ref


def _sentence_claims(st: _State, sent: Sentence, section_voice: Voice | None) -> list[Claim]:
    t = st.text
    gap = st.seg.document.text[st.prev_end:sent.start]
    if "\n\n" in gap:
        st.prev_events = ()
    events = find_events(t, sent.start, sent.end, st.mt, st.ctx)
    vs = _voices(st, sent, section_voice)
    out: list[Claim] = []

    def make(type_: str, pos: int, **kw: object) -> Claim | None:
        ev = kw.pop("event", None) or _sentence_event(st, events, pos)
        if ev is None:
            return None
        v = _voice_at(vs, pos)
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

    resolutions = _resolution_claims(st, sent, make)
    out.extend(resolutions)
    acts = [c for c in resolutions if c is not None and c.type == "resolution"]
    if acts:  # content of a resolution speaks with the adopting body's voice
        body = acts[0].body
        vs = [v for v in vs if v.cue != "section"] + [Voice(sent.start, body, body.label if body else None, "section")]
    out.extend(_casualty_claims(st, sent, make))
    out.extend(_perpetrator_claims(st, sent, make, events))
    out.extend(_classification_claims(st, sent, make, events, section_voice))
    # discourse memory for the next sentence
    spoke = False
    for v in vs:
        if v.claimant is not None and v.claimant is not AUTHOR and v.cue not in ("section", "unresolved"):
            st.last_claimant, st.last_claimant_text = v.claimant, v.text
            st.claimant_history.append((v.claimant, v.text))
            spoke = True
            if v.claimant.kind == "person":
                st.last_person = v.claimant
    if not spoke:  # "HRW sent researchers. It concluded …": "it" is the last sentence's subject
        _remember_subject(st, sent)
    named = tuple(e.ref for e in events if e.ref.kind == "event" and not e.anaphoric
                  and not _is_setting(st, e.ref))
    if named:
        st.prev_events = named
    for d in st.dates:
        if sent.start <= d.start < sent.end and d.precision != DAY_NO_YEAR:
            st.last_year = d.iso[:4]
    st.prev_end = sent.end
    return [c for c in out if c is not None]


# ------------------------------------------------------------------ casualties


_LINK = r"(?i)(?:\b(?:is|was|were|at|of|to|reached|stood|totall?ed|er|var|på|til|составил\w*|составляет)|[:—–-])\s*$"
_PRONOUN = re.compile(r"(?i)\b(we|i|they|he|she|vi|jeg|de|han|hun|мы|я|они|он|она)\b")


def _casualty_claims(st: _State, sent: Sentence, make) -> list[Claim]:  # type: ignore[no-untyped-def]
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
                (last_end >= 0 and re.fullmatch(r"[\w\s]*?(?:,|\band\b|\bog\b|\bи\b)\s*", t[last_end:f.start]))):
            prev.breakdown = prev.breakdown + ((f.min or 0, _victims(st, f, sent.end) or ""),)
            last_end = f.end
            continue
        last_end = -1
        if re.search(r"(?i)(aged|age|alder|возрасте)\s*$", t[max(sent.start, f.start - 14):f.start]):
            continue
        measure = field_measure or _measure_near(st, f, measures, sent)
        if measure is None and prev is not None and prev_fig is not None:
            between = t[prev_fig.end:f.start]
            if len(between) < 50 and not _CLAUSE_END.search(between):
                measure = prev.measure  # "at least 161 in 1993 and then at least 200 in 1994"
        if measure is None:
            continue
        victims = _victims(st, f, sent.end)
        if victims:
            ref = actor_from_phrase(victims, mt, st.ctx)
            if ref is not None and ref.kind == "armed-group":
                continue
        c = make("casualty", f.start, measure=measure, min=f.min, max=f.max,
                 victims=victims, vague=f.vague)
        if c is not None:
            out.append(c)
            prev, prev_fig = c, f
    return out


def _measure_near(st: _State, f: Figure, measures: list[Hit], sent: Sentence) -> str | None:
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
    ok = [h for h in after if len(t[f.end:h.start]) <= 70 and not _CLAUSE_END.search(t[f.end:h.start])
          and "," not in t[f.end:h.start] and not re.search(r"\d", t[f.end:h.start])
          and not _PRONOUN.search(t[f.end:h.start])]
    if ok:
        h = ok[0]
        verb = next((x for x in ok[1:2] if len(t[h.end:x.start].split()) <= 2 and
                     any(st.mt.is_word(w, "passive") for w in re.findall(r"[\w'’]+", t[h.end:x.end])[:2])), None)
        return (verb or h).concept.notation  # "2,000 prisoners were shot": the verb, not the noun
    for h in reversed(before):
        between = t[h.end:f.start]
        if len(between) > 60 or _CLAUSE_END.search(between) or re.search(r"\d|[.!?]\s", between):
            continue
        # "deaths at least 161", "killed hundreds", "the death toll given by X is 613"
        if len(between.split()) <= 2 or re.search(_LINK, between):
            return h.concept.notation
    for h in st.mt.event_type.find(t, max(sent.start, f.start - 30), f.start):
        implied = h.concept.prop("impliesMeasure")
        if implied and len(t[h.end:f.start].split()) <= 2:
            return st.mt.lex.concept(implied).notation
    return None


def _victims(st: _State, f: Figure, hi: int) -> str | None:
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


# ------------------------------------------------------------------ perpetrators

def _split_actors(text: str, mt: Matchers) -> list[str]:
    conj = sorted(mt.words.get("conjunction", set()), key=len, reverse=True)
    rx = r",\s*|\s+(?:" + "|".join(re.escape(c) for c in conj) + r"|along with)\s+" if conj else r",\s*"
    return [p for p in (x.strip() for x in re.split(rx, text)) if p]


def _passive(st: _State, pos: int, lo: int) -> bool:
    """A passive auxiliary right before a verb ("were killed"): its subject is the victim."""
    words = re.findall(r"[\w'’]+", st.text[max(lo, pos - 30):pos])[-2:]
    return any(st.mt.is_word(w, "passive") for w in words)


def _agents_by(st: _State, pos: int, hi: int) -> list[tuple[EntityRef, bool]]:
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
    if m is None or _CLAUSE_END.search(st.text, pos, m.start()) or "," in st.text[pos:m.start()]:
        return []
    out: list[tuple[EntityRef, bool]] = []
    cur, negated = m.end(), bool(m.group(1))
    while True:
        ph = phrase_after(st.text, cur, hi, mt, max_tokens=8)
        if ph is None:
            break
        for name in _split_actors(ph.text, mt):
            ref = actor_from_phrase(name, mt, st.ctx)
            if ref is not None and ref.kind not in ("group", "place", "event", "conflict"):
                out.append((ref, negated))
        more = re.match(rf"(?i)\s*,?\s*(?:{links})\s+((?:{neg})\s+)?(?:{by})\s+", st.text[ph.end:hi])
        if not more:
            break
        cur, negated = ph.end + more.end(), bool(more.group(1))
    return out


def _no_object(st: _State, pos: int, hi: int) -> bool:
    """"KLA fighters killed in combat": a verb followed by a preposition or the clause's end
    is a participle with its victim before it, not an agent's act."""
    nxt = re.match(r"\s*([\w'’]+|[^\w\s])", st.text[pos:hi])
    return nxt is None or not nxt.group(1)[0].isalnum() or st.mt.is_word(nxt.group(1), "boundary")


def _after_act(st: _State, pos: int, lo: int, events: list[EventMention]) -> bool:
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


def _armed_before(st: _State, pos: int, lo: int) -> EntityRef | None:
    """The nearest armed group named before `pos` in its clause, not after a preposition."""
    t, mt = st.text, st.mt
    clause_lo = lo
    for m in _CLAUSE_END.finditer(t, lo, pos):
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


def _relative_subject(st: _State, pos: int, lo: int) -> tuple[EntityRef | None, str | None]:
    """"HRW, which placed responsibility with X": the claimant is the relative's antecedent."""
    words = list(re.finditer(r"[\w'’]+", st.text[lo:pos]))[-3:]
    for w in reversed(words):
        if st.mt.is_word(w.group(), "relative"):
            ref, written = _resolve_subject(st, lo + w.start(), lo)
            if ref is not None and ref.kind in ("event", "conflict", "place"):
                return None, None
            return ref, written
    return None, None


def _denied_clause(st: _State, lo: int, pos: int) -> bool:
    """A denial verb earlier in the sentence whose clause reaches `pos` ("X denied that
    soldiers had fired", "отрицает, что погром был организован властями")."""
    for d in st.mt.denial.find(st.text, lo, pos):
        if d.concept.prop("pattern") in ("negation", "contrast", "as", "copula"):
            continue
        if not _CLAUSE_END.search(st.text, d.end, pos):
            return True
    return False


def _perpetrator_claims(st: _State, sent: Sentence, make, events: list[EventMention]) -> list[Claim]:  # type: ignore[no-untyped-def]
    t, mt = st.text, st.mt
    out: list[Claim] = []
    if sent.infobox_field == "perpetrators":
        value = t[sent.value_start or sent.start:sent.end]
        for name in _split_actors(value, mt):
            ref = actor_from_phrase(name, mt, st.ctx)
            if ref is not None:
                out.append(make("perpetrator", sent.start, actor=ref))
        return [c for c in out if c is not None]
    for h in mt.perp_cue.find(t, sent.start, sent.end):
        pat = h.concept.prop("pattern")
        negated = bool(re.search(r"(?i)\b(not|ikke|не)\s+$", t[max(sent.start, h.start - 6):h.start]))
        negated ^= _denied_clause(st, sent.start, h.start)  # "Karimov denied that soldiers had fired"
        # "о якобы совершённом Россией ударе": the speaker tells an accusation it does not share
        negated |= any(mt.is_word(w, "distancing") for w in re.findall(r"[\w'’-]+", t[max(sent.start, h.start - 20):h.start])[-2:])
        if pat == "agent-after-act" and not _after_act(st, h.start, sent.start, events):
            continue
        if pat == "self-denial":  # "Rifaat al-Assad has denied any responsibility"
            who, who_text = _resolve_subject(st, h.start, sent.start)
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
            for name in _split_actors(re.sub(r"\s+\w+ly\s*$", "", inside.strip()), mt):
                ref = actor_from_phrase(name, mt, st.ctx)
                if ref is not None and ref.kind not in ("group", "place", "event", "conflict"):
                    out.append(make("perpetrator", h.start, actor=ref, stance="denies" if negated else "asserts"))
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
                who, who_text = _resolve_subject(st, h.start, sent.start)
                who = who if who is not None and who.kind in ("person", "organisation", "state", "group") else None
            extra = {"claimant": who, "claimant_text": who_text} if who is not None else {}
            if pat == "agent-object" and st.mt.denial.find(t, max(sent.start, h.start - 20), h.start):
                continue  # "denied ever accusing X" denies an accusation, not X's part in the event
            for name in _split_actors(ph.text, mt):
                ref = actor_from_phrase(name, mt, st.ctx)
                if ref is None or ref.kind == "group":
                    continue
                out.append(make("perpetrator", h.start, actor=ref,
                                stance="denies" if negated else "asserts", **extra))
        elif pat == "agent-subject":  # "the Soviet government admitted that the NKVD was responsible"
            ph = phrase_before(t, h.start, sent.start, mt)
            ref = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None else None
            if ref is not None and ref.kind not in ("group", "place", "event", "conflict"):
                out.append(make("perpetrator", h.start, actor=ref, stance="denies" if negated else "asserts"))
        elif pat == "agent-before-act":  # "Dyer ordered them to fire", "X planned the killings"
            clause_end = _CLAUSE_END.search(t, h.end, sent.end)
            stop = clause_end.start() if clause_end else sent.end
            if not (mt.event_type.find(t, h.end, stop) or mt.measure.find(t, h.end, stop)
                    or any(p.concept.prop("pattern") == "agent-before" for p in mt.perp_cue.find(t, h.end, stop))):
                continue
            if any(mt.is_word(w, "negator") for w in re.findall(r"[\w'’]+", t[h.end:stop])[:6]):
                continue  # "strictly ordering them not to harm civilians"
            who, _ = _resolve_subject(st, h.start, sent.start)
            if who is not None and who.kind in ("person", "organisation", "state", "armed-group"):
                neg = _denied_clause(st, sent.start, h.start)
                out.append(make("perpetrator", h.start, actor=who, stance="denies" if neg else "asserts"))
        elif pat == "self-assertion":  # "Wuterich pleaded guilty": his own word
            who, written = _resolve_subject(st, h.start, sent.start)
            if who is not None and who.kind in ("person", "organisation", "armed-group"):
                out.append(make("perpetrator", h.start, actor=who, claimant=who, claimant_text=written))
        elif pat == "acquittal":  # "X was acquitted" / "the court acquitted X": the court denies X's part
            court = st.last_body
            if _passive(st, h.start, sent.start) or GAP not in h.label and h.label.split()[0] in ("was", "were", "ble"):
                who, _ = _resolve_subject(st, h.start, sent.start)
            else:
                court = _resolve_subject(st, h.start, sent.start)[0] or court
                ph = phrase_after(t, h.end, sent.end, mt, max_tokens=6)
                who = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None else None
            if who is not None and court is not None and who.kind in ("person", "organisation", "armed-group"):
                out.append(make("perpetrator", h.start, actor=who, claimant=court, claimant_text=court.label,
                                stance="denies"))
        elif pat == "agent-before":
            if _passive(st, h.start, sent.start):
                # "Hama was besieged for some 27 days by the army and by the Defence Companies";
                # "committed not by X but by Y" denies X and asserts Y
                if any(mt.is_word(w, "negator") for w in re.findall(r"[\w'’]+", t[sent.start:h.start])):
                    continue  # "there was no statement that … were killed by X"
                for ref, neg in _agents_by(st, h.end, sent.end):
                    out.append(make("perpetrator", h.start, actor=ref, stance="denies" if neg else "asserts"))
                continue
            if " " not in h.label and _no_object(st, h.end, sent.end):
                continue  # a phrase ("opened fire", "launched an attack") has what it needs
            ph = phrase_before(t, h.start, sent.start, mt)
            if ph is not None and mt.is_word(ph.text, "relative"):
                ph = phrase_before(t, ph.start, sent.start, mt)
            # "left a free corridor and the soldiers had not fired": of joined phrases, the actors
            parts = [p for p in (_split_actors(ph.text, mt) if ph is not None else [])
                     if (r := actor_from_phrase(p, mt, st.ctx)) is not None]
            ref = actor_from_phrase(parts[-1] if parts else ph.text, mt, st.ctx) if ph is not None else None
            if ref is None or ref.kind not in ("armed-group", "population-group"):
                ref = _armed_before(st, h.start, sent.start)
            if ref is None and mt.inflection.endings:
                # free word order: "поляков расстреляли немецкие оккупанты" (the agent after the verb)
                ph = phrase_after(t, h.end, sent.end, mt, max_tokens=6)
                after = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None else None
                ref = after if after is not None and after.kind == "armed-group" else None
            if ref is None:
                continue
            neg = bool(re.search(r"(?i)\b(not|never|ikke|aldri|не)\b", t[max(sent.start, h.start - 12):h.start]))
            neg ^= _denied_clause(st, sent.start, h.start)
            out.append(make("perpetrator", h.start, actor=ref, stance="denies" if neg else "asserts"))
    # "found several Soviet officials guilty of the tragedy, including X"
    for h in mt.act_type.find(t, sent.start, sent.end):
        if "…" not in h.label:
            continue
        first = h.label.split("…")[0].strip()
        inner = t[h.start + len(first):h.end - len(h.label.split("…")[-1].strip())]
        names = [inner.split(",")[0]]  # "fant general X, som hadde …, skyldig": X
        inc = re.search(r"(?i)\b(?:including|inkludert|в том числе)\s+([^,.;]+)", t[h.end:sent.end])
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
            if grp and re.match(r"\s+(?:of|på|av|против|against)\s", t[e.end:e.end + 12]):
                out.append(make("perpetrator", e.start, actor=known_ref(grp[0], a.label, mt.lang), event=e.ref))
    return [c for c in out if c is not None]


# ------------------------------------------------------------------ classifications

_LABEL_WINDOW_END = re.compile(r";|,\s+(?:while|whereas|but|mens|men|а|но)\s|\s[–—]\s")


def _classification_claims(st: _State, sent: Sentence, make, events: list[EventMention],  # type: ignore[no-untyped-def]
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
        if cue_end is None:
            return any(s <= h.start < e for s, e in anaphora)
        return any(s <= h.start < e and (len(t[cue_end:s].split()) <= 2 or (denial and _after_preposition(s)))
                   for s, e in anaphora)


    denials = mt.denial.find(t, lo, hi)
    for cue in mt.label_cue.find(t, lo, hi) + denials:
        pat = cue.concept.prop("pattern")
        is_denial = "DenialCue" in cue.concept.kinds
        if pat in ("as", "contrast"):
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
                        and not _LABEL_WINDOW_END.search(t, cue.end, h.start):
                    c = make("classification", h.start, label=h.concept.notation)
                    if c is not None:
                        out.append(c)
            continue
        end = min(hi, cue.end + 160)
        stop = _LABEL_WINDOW_END.search(t, cue.end, end)
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
            found = [h for h in found if not any(p.start >= h.end and not _CLAUSE_END.search(t, h.end, p.start)
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
        who, written = _resolve_subject(st, cue.start, lo)
        if who is None and re.search(r"(?i)\b(by|ved å|путём)\s*$", t[max(lo, cue.start - 8):cue.start]):
            ph = phrase_after(t, lo, cue.start, mt)  # "X have ... by calling it": the clause's subject
            if ph is not None:
                who, written = actor_from_phrase(ph.text, mt, st.ctx), ph.text
        if who is not None and who.kind in ("place", "event", "conflict"):
            who = None  # "a resolution on the Katyn massacre, calling on …": the clause's voice speaks
        kw = {"claimant": who, "claimant_text": written} if who is not None else {}
        authored = who is AUTHOR
        fab = [h for h in found if h.concept.notation == "fabrication"]
        termed = [h for h in found if h.concept.notation != "fabrication" and
                  re.search(r"(?i)(term|word|betegnelsen|begrepet|термин)\W*$", t[max(lo, h.start - 14):h.start])]
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


# ------------------------------------------------------------------ formal acts

def _resolution_claims(st: _State, sent: Sentence, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    t, mt = st.text, st.mt
    lo, hi = sent.start, sent.end
    out: list[Claim] = []
    acts = mt.act_type.find(t, lo, hi)
    for cue in mt.act_cue.find(t, lo, hi):
        nxt = re.findall(r"[\w'’]+", t[cue.end:cue.end + 10])[:1]
        if nxt and mt.is_word(nxt[0], "act-cue-breaker"):
            continue  # "det fant sted": it took place, no finding
        if cue.concept.prop("pattern") == "conviction" and _passive(st, cue.start, lo):
            out.extend(_convicted_passive(st, sent, cue, make))
            continue
        judged = [a for a in mt.act_type.find(cue.label) if a.concept.notation in ("judgment",)]
        implied = cue.concept.prop("impliesActType")
        # an act noun near the cue ("adopted a resolution"); the cue itself ("sentenced") is none
        act = next((a for a in acts if a.start >= cue.start - 40 and not (cue.start <= a.start < cue.end)), None)
        act_type = act.concept.notation if act else (judged[0].concept.notation if judged else None)
        if act_type is None and implied:
            act_type = mt.lex.concept(implied).notation
        if cue.label.lower() in ("found", "fant") and re.search(r"(?i)guilty|skyldig", t[cue.end:hi]):
            act_type = "prosecutor's finding" if re.search(r"(?i)prosecutor|påtale|прокур", t[lo:hi]) else "judgment"
        body = _body(st, cue, lo, hi)
        if body is None or st.seg.sections[sent.section].kind == TITLE:
            continue  # a headline's act is told, with its date, in the body
        # without an act noun the body's role says what it adopts ("the tribunal recognised …":
        # a judgment; "Съезд … осудил" condemns in a resolution, it convicts no one)
        act_type = (_role_act(st, body) or act_type) if act is None else act_type
        if act_type is None:
            continue
        if cue.concept.prop("pattern") == "conviction":
            out.extend(_convicted(st, sent, cue, body, make))
        date = _act_date(st, sent, cue)
        title = None
        after = act.end if act else cue.end
        q = _QUOTED.search(t, after, hi)
        if q and q.start() - after <= 40:
            title = q.group(1).strip()
        if date is None or title is None:
            d2, t2 = _from_references(st, sent)
            date = date or d2
            title = title or t2
        para = _paragraph_start(st, sent)
        own_date = any(sent.start <= d.start < sent.end for d in st.dates)
        if act is None and st.last_act is not None and (
                st.last_act == (body.key, para) or
                (not own_date and (body.key == st.last_act[0] or body is st.ctx.by_role.get(
                    next((v for k, v in body.extra if k == "role"), ""))))):
            # "Domstolen fant … skyldig" after "… avsa sin dom", "It sentenced him …", "The
            # Chamber found …": the same act told again, not another
            break
        c = make("resolution", cue.start, body=body, act_type=act_type, date=date, title=title,
                 claimant=None, claimant_text=None)
        if c is not None:
            out.append(c)
            st.last_act, st.last_body = (body.key, para), body
            break
    return out


def _paragraph_start(st: _State, sent: Sentence) -> int:
    return st.seg.document.text.rfind("\n\n", 0, sent.start)


def _role_act(st: _State, body: EntityRef) -> str | None:
    """The act a body of its role adopts when the text names none (a court: a judgment)."""
    roles = [v for k, v in body.extra if k == "role"]
    words = {w.lower() for w in re.findall(r"[\w'’-]+", body.label)}
    concepts = [st.lex.get(r) for r in roles] + [h.concept for h in st.mt.role.find(body.label)] + [
        c for c in st.lex.of_kind("ActorRole") if c.prop("impliesActType")
        and any(lab.lower() in words for _, lab in c.labels)]  # "Tribunal" as a name's head
    for c in concepts:
        implied = c.prop("impliesActType") if c is not None else None
        if implied:
            return st.lex.concept(implied).notation
    return None


def _convicted(st: _State, sent: Sentence, cue: Hit, body: EntityRef, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    """"sentenced Ali Hassan al-Majid to death": the convicted are perpetrators, by the court."""
    ph = phrase_after(st.text, cue.end, sent.end, st.mt, max_tokens=8)
    if ph is None:
        return []
    out = []
    for name in _split_actors(ph.text, st.mt):
        ref = actor_from_phrase(name, st.mt, st.ctx)
        if ref is not None and ref.kind in ("person", "organisation", "armed-group"):
            c = make("perpetrator", cue.start, actor=ref, claimant=body, claimant_text=body.label)
            if c is not None:
                out.append(c)
    return out


def _convicted_passive(st: _State, sent: Sentence, cue: Hit, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    """"Vladimir Šantić, a company commander, was sentenced to 25 years": the subject is the
    convicted, the court the one named by "by", else the last body whose act was told."""
    court = next((r for r, _ in _agents_by(st, cue.end, sent.end) if r.kind in ("organisation", "state")), None)
    court = court or st.last_body
    who, written = _resolve_subject(st, cue.start, sent.start)
    if court is None or who is None or who.kind not in ("person", "organisation", "armed-group"):
        return []
    c = make("perpetrator", cue.start, actor=who, claimant=court, claimant_text=court.label)
    return [c] if c is not None else []


def _body(st: _State, cue: Hit, lo: int, hi: int) -> EntityRef | None:
    t, mt = st.text, st.mt
    ok = ("organisation", "state", "person")
    ref, _ = _resolve_subject(st, cue.start, lo)
    if ref is not None and ref.kind in ok:
        return ref
    # passive "was adopted by X", "convicted in an Azerbaijani court"; V2 order "vedtok senatet i New York"
    m = re.match(r"\s*(?:by|in|av|of)?\s*", t[cue.end:hi])
    ph = phrase_after(t, cue.end + (m.end() if m else 0), hi, mt)
    if ph is not None:
        # "senatet i New York": keep "i <Name>" inside the phrase
        mm = re.match(r"\s+(?:i|in|of)\s+([A-ZÀ-ÖØ-Þ][\w'’]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’]*)*)", t[ph.end:hi])
        text = ph.text + (t[ph.end:ph.end + mm.end()] if mm else "")
        ref = actor_from_phrase(text, mt, st.ctx)
        if ref is not None and ref.kind in ok:
            return ref
    m2 = re.search(r"(?:by|in|av|i)\s+((?:an?\s+|the\s+)?[\w'’ -]{2,60}?(?:court|tribunal|domstol|суд)\b)", t[cue.end:hi], re.IGNORECASE)
    if m2:
        ref = actor_from_phrase(m2.group(1), mt, st.ctx)
        if ref is not None:
            return ref
    return None


def _act_date(st: _State, sent: Sentence, cue: Hit) -> str | None:
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(st.text, sent.start, sent.end)]
    ds = [d for d in st.dates if sent.start <= d.start < sent.end
          and not any(a <= d.start < b for a, b in quoted)]
    first = re.match(r"\s*(\w+(?:\s+\w+)?)", st.text[sent.start:cue.start])
    if not ds and first and (st.mt.is_word(first.group(1), "pronoun-other") or
                             st.mt.is_word(first.group(1).split()[0], "pronoun-other")):
        # "X rejected that version in its 1998 report. It found that …": the act the
        # sentence before dated
        prev = [d for d in st.dates if st.prev_end - 400 <= d.start < sent.start and d.precision != DAY_NO_YEAR
                and "\n\n" not in st.text[d.start:sent.start]]
        ds = prev[-1:]
    if not ds:
        return None
    # a date with its year beats one without ("On May 23, 2024 … establishing July 11 as …")
    d = min(ds, key=lambda d: (d.precision == DAY_NO_YEAR, abs(d.start - cue.start)))
    if d.precision == DAY_NO_YEAR:
        return f"{st.last_year}-{d.iso[2:]}" if st.last_year else None
    return d.iso


def _from_references(st: _State, sent: Sentence) -> tuple[str | None, str | None]:
    """A judgment's date and case name from the work the sentence cites."""
    refs = {r.number: r for r in st.seg.references}
    numbers = list(sent.citation_numbers)
    if not numbers:  # encyclopedias cite once at the end of a paragraph
        for later in st.seg.sentences:
            if later.start <= sent.start or later.section != sent.section:
                continue
            if "\n" in st.seg.document.text[sent.end:later.start]:
                break
            if later.citation_numbers:
                numbers = list(later.citation_numbers)
                break
    for n in numbers:
        r = refs.get(n)
        if r is None:
            continue
        m = re.search(r"([A-ZÀ-Þ][\w'’-]+)\s+v\.\s+([A-ZÀ-Þ][\w'’-]+)", r.raw, re.IGNORECASE)
        if m or r.date or (r.title and re.search(r"(?i)case|judgment|resolution|decree", r.title)):
            actlike = bool(r.title and re.search(r"(?i)case|judgment|resolution|decree|declaration", r.title))
            title = f"{m.group(1).title()} v. {m.group(2).title()}" if m else (r.title if actlike else None)
            date = r.date
            if date is None:
                ds = find_dates(r.raw, st.seg.document.language, st.lex)
                date = ds[0].iso if ds else None
            return date, title
    return None, None


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
