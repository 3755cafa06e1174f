"""Voices: who speaks at each point of a sentence.

An "according to X", a reporting verb's subject ("X said"), a label or denial verb's subject,
the speaker line or statement a section reproduces, a pronoun or definite description carried
over from an earlier sentence ("It concluded", "the organisation"). A claim takes the voice
nearest before it, or a "…, X said" after it; no voice is the document's own."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .clauses import after_determiner
from .entities import actor_from_phrase
from .mentions import GAP, Hit, Phrase, capitalised, fold, phrase_after, phrase_before, slug
from .model import QUOTE, STATEMENT, TITLE, EntityRef, Sentence
from .reading import ReadingState

# The author speaking in the first person, or an impersonal passive ("it is estimated"):
# the document's own voice, stated explicitly (a claimant of None, but not an unknown one)
AUTHOR = EntityRef("author", "", "author", "", None)


@dataclass
class Voice:
    """Someone who speaks in a sentence, from the cue at `at` (None claimant: unresolved)."""

    at: int
    claimant: EntityRef | None
    text: str | None
    cue: str  # according | per | reporting | figures | label | section | unresolved | participle
    back: bool = False  # also speaks for what comes before the cue ('"…", the ministry said')


def section_voices(st: ReadingState) -> dict[int, Voice]:
    """Statement and quote sections speak with the voice that introduced them."""
    out: dict[int, Voice] = {}
    last_intro: Voice | None = None
    for sent in st.seg.sentences:
        sec = st.seg.sections[sent.section]
        st.sentence_claimant = None
        if sec.kind in (STATEMENT, QUOTE):
            if sent.section not in out and last_intro is not None:
                out[sent.section] = replace(last_intro, cue="section")
            continue
        v = _reporting_voice(st, sent.start, sent.end) or _speaker_line(st, sent)
        if v is not None and v.claimant is not None:
            last_intro = v
    return out


def _speaker_line(st: ReadingState, sent: Sentence) -> Voice | None:
    """A line that only names a speaker before a colon ("Official spokesman of the Ministry
    of Defence Igor Konashenkov:"): the speaker of the quotation that follows."""
    line = st.text[sent.start:sent.end].strip()
    if not line.endswith(":") or len(line.split()) > 14 or st.mt.reporting.find(line):
        return None
    ref = actor_from_phrase(line[:-1], st.mt, st.ctx)
    if ref is None or ref.kind not in ("person", "organisation", "state"):
        return None
    return Voice(sent.start, ref, line[:-1], "reporting")


def _skip_relative(st: ReadingState, pos: int, lower: int) -> int:
    """"HRW, which interviewed some 50 witnesses, estimated", "Родионов, выступая на Съезде,
    отверг": the verb's subject stands before a relative, gerund or prepositional clause set
    off by commas, so look before the clause."""
    head = st.text[lower:pos]
    for m in re.finditer(r",\s*([\w'’]+)\b[^,]*,\s*$", head):
        w = m.group(1)
        gerund = w.islower() and any(w.endswith(e) for e in st.mt.words.get("gerund-ending", ()))
        if st.mt.is_word(w, "relative") or st.mt.is_word(w, "boundary") or st.mt.is_word(w, "filler") or gerund:
            return lower + m.start()
    return pos


def _coordinated_verb(st: ReadingState, pos: int, lower: int) -> int | None:
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
    if st.mt.clause_end.search(t, lower, conj):
        return None
    verbs = [h.start for m in (st.mt.reporting, st.mt.denial, st.mt.label_cue, st.mt.act_cue, st.mt.perp_cue)
             for h in m.find(t, lower, conj) if h.concept.prop("pattern") not in ("as", "copula", "negation",
                                                                                  "contrast", "agent-after")]
    if aux:  # "has denied that its troops entered … and has called": the verb with an auxiliary too
        verbs = [v for v in verbs if any(st.mt.is_word(w, "auxiliary")
                                         for w in re.findall(r"[\w'’]+", t[max(lower, v - 25):v])[-3:])] or verbs
    if not verbs:  # "ble utlevert til Italia og dømt": the auxiliary of the first verb
        verbs = [lower + w.start() for w in words[:-1] if st.mt.is_word(w.group(), "passive")][-1:]
    return max(verbs) if verbs else None


def resolve_subject(st: ReadingState, pos: int, lower: int) -> tuple[EntityRef | None, str | None]:
    earlier = _coordinated_verb(st, pos, lower)
    if earlier is not None:
        return resolve_subject(st, earlier, lower)
    ref, written = _subject_at(st, _skip_relative(st, pos, lower), lower)
    appositive = re.search(r",\s*([\w'’]+)[^,]{2,100},\s*(?:[\w'’]+\s+){0,2}$", st.text[lower:pos])
    indefinite = appositive is not None and appositive.group(1).lower() in st.mt.words.get("indefinite", set())
    described = appositive is not None and st.mt.is_word(appositive.group(1), "determiner")
    if ref is None or ref.kind == "group" or indefinite or (described and ref.kind != "person"):
        # "The Syrian Human Rights Committee, a London-based organisation, has given …";
        # "Tom Vale, the commander of the Varna Guard, ordered …": the name, not its description
        m = re.search(r",[^,]{2,100},\s*(?:[\w'’]+\s+){0,2}$", st.text[lower:pos])
        if m:
            ref2, written2 = _subject_at(st, lower + m.start(), lower)
            if ref2 is not None and ref2.kind in ("organisation", "state", "person"):
                return ref2, written2
    return ref, written


def _skip_adverbials(st: ReadingState, pos: int, lower: int) -> int:
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


def _subject_at(st: ReadingState, pos: int, lower: int) -> tuple[EntityRef | None, str | None]:
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


def _person_before(st: ReadingState, pos: int) -> EntityRef | None:
    """The last person named in the sentence before `pos` (a full name, two words or more)."""
    sent = next((s for s in st.seg.sentences if s.start <= pos < s.end), None)
    if sent is None:
        return None
    found = None
    for m in re.finditer(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)+", st.text[sent.start:pos]):
        words = m.group().split()
        while words and st.mt.is_function_word(words[0]):
            words.pop(0)  # "In Tarvo the next day he said": a preposition opening the sentence
        if len(words) < 2:
            continue
        ref = actor_from_phrase(" ".join(words), st.mt, st.ctx)
        if ref is not None and ref.kind == "person":
            found = ref
    return found


def _subject_at_once(st: ReadingState, pos: int, lower: int) -> tuple[EntityRef | None, str | None]:
    pos = _skip_adverbials(st, pos, lower)
    ph = phrase_before(st.text, pos, lower, st.mt)
    if ph is None:
        return None, None
    if st.mt.is_word(ph.text, "relative"):
        ph = phrase_before(st.text, ph.start, lower, st.mt)
        if ph is None:
            return None, None
    agent = re.search(r"([\w'’]+)\s+([\w'’]+)\s+$", st.text[lower:ph.start])
    if agent and st.mt.is_word(agent.group(2), "agent") and not st.mt.is_word(agent.group(1), "verb"):
        # "A commission of inquiry appointed by President X reported …": the subject is the
        # commission, the one after "by" only appointed it
        head_ph = phrase_before(st.text, lower + agent.start(1), lower, st.mt)
        ref = actor_from_phrase(head_ph.text, st.mt, st.ctx) if head_ph is not None else None
        if ref is not None and ref.kind in ("organisation", "state", "person", "group"):
            return ref, head_ph.text if head_ph is not None else None
    head = re.findall(r"[\w'’]+", ph.text)[-1:]
    verb = re.search(rf"([\w'’]+)\s+(?:{st.mt.alternation('determiner')}\s+)?$", st.text[lower:ph.start])
    if head and st.mt.is_word(head[0], "report-noun") and verb:
        # "the Justice Department published a report that found …": the report's author
        author = phrase_before(st.text, lower + verb.start(1), lower, st.mt)
        ref = actor_from_phrase(author.text, st.mt, st.ctx) if author is not None else None
        if ref is not None and ref.kind in ("organisation", "state", "person"):
            return ref, author.text if author is not None else None
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
            if "verb-second" in st.mt.language_patterns and not st.text[lower:lower + prep.start()].strip():
                return None, None  # "I nasjonalforsamlingen anklaget representanten …": the subject follows the verb
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
        back = _anaphor(st)  # "UNAMA said that it had found …", "Organisasjonen ble fortalt …"
        own = actor_from_phrase(ph.text, st.mt, st.ctx)
        # "Regjeringen opplyste …" with no government before it names the government itself
        if own is not None and (back[0] is None and own.kind in ("organisation", "state") or
                                own.kind == "state" and back[0] is not None and back[0].kind != "state"):
            return own, ph.text
        return back
    ref = actor_from_phrase(ph.text, st.mt, st.ctx)
    if ref is None and st.mt.is_word(ph.text.split()[0] if ph.text.split() else "", "pronoun-other"):
        return _anaphor(st)
    if ref is not None and ref.kind == "organisation":
        named = _named_by_description(st, ph, ref)
        if named is not None:
            return named
    return ref, ph.text if ref else None


def _named_by_description(st: ReadingState, ph: Phrase, ref: EntityRef) -> tuple[EntityRef, str | None] | None:
    """"The commission held that …" after "the Kahan Commission of inquiry found …",
    "kommisjonen slo fast" after "Kahan-kommisjonen": a definite description with no name in
    it stands for the last body of an act, else the last speaker, whose name has its head noun."""
    words = re.findall(r"[\w'’-]+", ph.text)
    before = re.findall(r"[\w'’]+", st.text[max(0, ph.start - 12):ph.start])[-1:]
    if words and st.mt.is_word(words[0], "determiner"):
        before, words = words[:1], words[1:]
    if not words or any(capitalised(w) for w in words) or any(capitalised(w) for w in ref.label.split()):
        return None
    head = ref.label.split()[-1].lower()  # "commission" for "commission held"
    stems = {head}
    definite = bool(before and st.mt.is_word(before[0], "determiner") and not st.mt.is_word(before[0], "indefinite"))
    for x in st.mt.words.get("definite-suffix", ()):
        if head.endswith(x) and len(head) > len(x) + 3:
            stems.add(head[:-len(x)])
            definite = True
    if not definite:
        return None
    recent = list(st.claimant_history) + ([(st.last_body, st.last_body.label)] if st.last_body is not None else [])
    for ref, text in reversed(recent):
        name = [w.lower() for w in re.findall(r"[\w'’]+", ref.label)]
        if ref.kind == "organisation" and any(capitalised(w) for w in ref.label.split()) and \
                any(w == x or (len(x) >= 5 and w.endswith(x)) for w in name for x in stems):
            return ref, text
    return None


def _qualified_source(st: ReadingState, noun: Hit, lo: int) -> str | None:
    """"Official figures put the toll at 176", "andre anslag går opp i 700", "различные оценки
    доходят до …": a source noun with a qualifier opening its clause is the figures' source
    (the phrase as written). A bare "Estimates range …" or "These figures" is no one's, and
    "X said that other estimates …" stays X's."""
    t, mt = st.text, st.mt
    if any(r.start < noun.start < r.end for r in mt.reporting.find(t, max(lo, noun.start - 30), noun.end)):
        return None  # "has given figures of …": the noun inside a reporting cue
    start = lo + max((m.end() for m in re.finditer(r"[,;:()]", t[lo:noun.start])), default=0)
    words = list(re.finditer(r"[\w'’-]+", t[start:noun.start]))
    while words and (mt.is_word(words[0].group(), "clause-break") or mt.is_word(words[0].group(), "conjunction")):
        words.pop(0)
    nxt = re.findall(r"[\w'’]+", t[noun.end:noun.end + 16])[:1]
    own = nxt and mt.is_word(nxt[0], "boundary") and \
        re.match(r"\s*[\w'’]+\s+\d", t[noun.end:noun.end + 16])  # "the official figure of 57": its own figure
    if not 1 <= len(words) <= 3 or (nxt and not own and any(
            mt.is_word(nxt[0], k) for k in ("agent", "boundary", "complementizer"))):
        return None  # "estimates by X", "Amnesty estimates that …": another's figures, a verb
    if any(re.search(r"\d", w.group()) or any(mt.is_word(w.group(), k) for k in (
            "verb", "auxiliary", "boundary", "agent", "locative", "complementizer", "personal-pronoun", "pronoun-other"))
           for w in words):
        return None
    if all(mt.is_word(w.group(), "determiner") for w in words):
        return None
    ref = actor_from_phrase(t[start + words[0].start():noun.start], mt, st.ctx)
    if ref is not None and ref.kind in ("organisation", "state"):
        return None  # "Amnesty estimates put …": the named body's (a role, "the official figure", is no one)
    return t[start + words[0].start():noun.end]


def _reporting_voices(st: ReadingState, lo: int, hi: int) -> list[Voice]:
    """Every reporting verb of text[lo:hi], with its subject resolved where it can be."""
    out: list[Voice] = []
    hits = st.mt.reporting.find(st.text, lo, hi)
    for h in hits:
        before = st.text[lo:h.start]
        tail = before[-30:]
        nxt = re.findall(r"[\w'’]+", st.text[h.end:h.end + 6])[:1]
        if any(a.concept.prop("pattern") == "source-noun" and not tail[a.end:].strip()
               for a in st.mt.attribution.find(tail)) and not (nxt and st.mt.is_word(nxt[0], "agent")):
            continue  # "X wrote that estimates ranged from …": the figures are the speaker's ("… by Y": Y's)
        if any(o.start > h.end and not st.text[h.end:o.start].strip() for o in hits):
            continue  # "Estimates ranged …", "Figures show …": a noun before the verb
        prev = re.findall(r"[\w'’]+", before[-40:])
        aux = prev[-2:-1] if len(prev) >= 2 and st.mt.is_word(prev[-1], "expletive") else prev[-1:]
        # ("ble det anslått": the auxiliary before an inverted dummy subject)
        if nxt and st.mt.is_word(nxt[0], "reporting-breaker"):
            continue  # "Datoen viser til …": it refers to, it reports nothing
        if aux and st.mt.is_word(aux[0], "verb") and not (nxt and st.mt.is_word(nxt[0], "agent")):
            out.append(Voice(h.start, AUTHOR, None, "reporting"))  # "it is estimated", "are believed"
            continue
        qclose = max(before.rfind("”"), before.rfind('"'), before.rfind("»"))
        if re.search(r"\w\s+[«“\"][^«»“”\",;:.()]{2,60}[»”\"]\s*$", before):
            qclose = -1  # "Организация «Мемориал» сообщила": a name in quotation marks, no quotation
        if h.concept.prop("pattern") == "impersonal" and fold(st.text[h.start:h.end]) == fold(h.label) \
                and not (nxt and st.mt.is_word(nxt[0], "agent")):
            # "Det anslås at …", "Считается, что …": no one but the text says it
            ref = None if not prev or st.mt.is_word(prev[-1], "expletive") else \
                resolve_subject(st, h.start, lo if qclose < 0 else lo + qclose + 1)[0]
            if ref is None or ref.kind not in ("person", "organisation", "state", "group"):
                out.append(Voice(h.start, AUTHOR, None, "reporting"))
                continue
        if any(a.start == h.start and a.concept.prop("pattern") == "source-noun" and
               (not prev or _qualified_source(st, a, lo)) for a in st.mt.attribution.find(st.text, h.start, h.end)):
            continue  # "Estimates range …", "Other estimates go as high as …": a noun, the figures' source
        if after_determiner(st, lo, h.start) and not (nxt and st.mt.is_word(nxt[0], "complementizer")):
            continue  # "the estimate of 300": a noun, no one speaking ("their claim that …" still speaks)
        ref, written = resolve_subject(st, h.start, lo if qclose < 0 else lo + qclose + 1)
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
        marker = re.findall(r"[\w'’]+", st.text[max(lo, h.start - 12):h.start])[-1:]
        participle = any(h.label.lower().endswith(e) for e in st.mt.words.get("participle-ending", ())) or \
            bool(marker and st.mt.is_word(marker[0], "infinitive-marker"))
        out.append(Voice(h.start, None, None, "participle" if participle else "unresolved"))
    return out


def _subject_after(st: ReadingState, h: Hit, hi: int) -> tuple[EntityRef | None, str | None]:
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
    if ref is None and ph is not None:
        # "anklaget representanten for Wajir West, Ahmed Khalif Mohamed, …": the name in apposition
        m = re.match(r",\s*([^,]{3,60}),", t[ph.end:ph.end + 64])
        named = actor_from_phrase(m.group(1), st.mt, st.ctx) if m else None
        if named is not None and named.kind == "person":
            return named, m.group(1) if m else None
    if ref is None or ref.kind not in ("person", "organisation", "state", "group"):
        return None, None
    return ref, ph.text if ph is not None else None


def _anaphor(st: ReadingState) -> tuple[EntityRef | None, str | None]:
    """What "it", "they", "the organisation", "departementet" stand for: this sentence's
    speaker, else the last speaker that is not a person."""
    if st.sentence_claimant is not None:
        return st.sentence_claimant
    for ref, text in reversed(st.claimant_history):
        if ref.kind not in ("person", "armed-group"):  # troops do not "consider" or "conclude"
            return ref, text
    return st.last_claimant, st.last_claimant_text


def _reporting_voice(st: ReadingState, lo: int, hi: int) -> Voice | None:
    """The first reporting verb of text[lo:hi] whose subject is an actor."""
    return next((v for v in _reporting_voices(st, lo, hi) if v.claimant is not None), None)


def sentence_voices(st: ReadingState, sent: Sentence, section_voice: Voice | None) -> list[Voice]:
    t, lo, hi = st.text, sent.start, sent.end
    vs: list[Voice] = []
    st.sentence_claimant = None
    headline = re.match(r"\s*([^:\n]{2,50}):\s+\S", t[lo:hi])
    if headline and st.seg.sections[sent.section].kind == TITLE:
        # "Sejmet: Volyn-massakrene var folkemord", "Kremlin: the images are staged": a
        # headline's speaker before the colon
        ref = actor_from_phrase(headline.group(1), st.mt, st.ctx)
        if ref is not None and ref.kind in ("person", "organisation"):  # "Ukraine: Trail of Death": a topic
            vs.append(Voice(lo, ref, headline.group(1).strip(), "according"))
    for h in st.mt.attribution.find(t, lo, hi) + st.mt.measure.find(t, lo, hi):
        pat = h.concept.prop("pattern")
        if pat == "source-noun" or "CasualtyMeasure" in h.concept.kinds:
            # "The prefecture's official toll", "Most historians' estimates": whose figures they are
            owner = re.search(r"([\w'’. -]{2,60}?(?:(?=['’]s\s)|s(?=['’]\s)))['’]s?\s+(?:[a-z]+\s+)?$",
                              t[max(lo, h.start - 70):h.start])
            ref = actor_from_phrase(owner.group(1), st.mt, st.ctx) if owner else None
            if ref is not None and ref.kind in ("person", "organisation", "state", "group"):
                vs.append(Voice(h.start, ref, owner.group(1).strip(), "according"))
            elif pat == "source-noun" and (written := _qualified_source(st, h, lo)) is not None:
                # figures speak forward only ("176, while other estimates go as high as 700") and
                # are no one the next sentence's "it" or "the commission" can mean
                vs.append(Voice(h.start, EntityRef("group", written, "group-" + slug(written), st.mt.lang, written),
                                written, "figures"))
            continue
        if pat == "named-source":  # "По официальным данным, …": the data are the source
            written = t[h.start:h.end].split(None, 1)[-1]
            vs.append(Voice(h.start, EntityRef("group", written, "group-" + slug(written), st.mt.lang, written),
                            written, "according"))
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
        if ref.kind != "group":
            st.sentence_claimant = (ref, written)  # "По данным HRW …; организация назвала …"
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
        ref, written = resolve_subject(st, h.start, lo)
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


def _inner_actor(st: ReadingState, text: str) -> tuple[EntityRef | None, str]:
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


def _share_subjects(st: ReadingState, vs: list[Voice]) -> None:
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


def voice_at(vs: list[Voice], pos: int) -> Voice | None:
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


def remember_subject(st: ReadingState, sent: Sentence, spoke: bool) -> None:
    """Keep a sentence's opening subject for the anaphors of the next ones ("HRW sent
    researchers. It concluded …"): in the history always, as the last claimant only when
    no one spoke in the sentence."""
    begin = sent.start
    opening = next((d for d in st.dates if sent.start <= d.start and len(st.text[sent.start:d.start].split()) <= 1
                    and all(st.mt.is_word(w, "boundary") for w in st.text[sent.start:d.start].split())), None)
    if opening is not None:  # "On 31 May 2021 President X issued …": the date opens, the subject follows
        begin = opening.end + len(re.match(r"[\s,]*", st.text[opening.end:]).group())
    ph = phrase_after(st.text, begin, sent.end, st.mt, max_tokens=8)
    if ph is None or any(not st.mt.is_word(w, "determiner") for w in st.text[begin:ph.start].split()):
        return  # only a sentence-initial phrase is its subject
    aux = next((m for m in re.finditer(r"[\w'’]+", ph.text) if m.start() > 0 and (
        st.mt.is_word(m.group(), "auxiliary") or st.mt.is_word(m.group(), "verb"))), None)
    if aux is not None:  # "Amnesty International har intervjuet …": the subject ends at its verb
        ph = type(ph)(ph.start, ph.start + aux.start(), ph.text[:aux.start()].rstrip())
    words = list(re.finditer(r"[\w'’.-]+", ph.text))
    if words and capitalised(words[0].group()):
        # "Human Rights Watch interviewed survivors": after a name, a lower-case word that is no
        # role, title or linking word is the verb the name is the subject of ("Commission of
        # inquiry" keeps its lower-case word after the linking "of")
        for prev, w in zip(words, words[1:]):
            x = w.group()
            if capitalised(prev.group()) and not capitalised(x) and not (st.mt.role.find(x) or st.mt.title.find(x) or st.mt.is_word(x, "inner")
                                           or st.mt.is_word(x, "determiner") or st.mt.is_word(x, "conjunction")):
                ph = type(ph)(ph.start, ph.start + w.start(), ph.text[:w.start()].rstrip())
                break
    ref = actor_from_phrase(ph.text, st.mt, st.ctx)
    if ref is None:
        return
    if ref.kind in ("organisation", "state"):
        if not spoke:
            st.last_claimant, st.last_claimant_text = ref, ph.text
        st.claimant_history.append((ref, ph.text))
    elif ref.kind == "person" and " " in ref.label and not spoke:  # a lone capitalised word may be "Why"
        st.last_person = ref
