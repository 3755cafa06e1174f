"""Formal acts: a body's resolution, declaration, judgment or finding about the event, with
its date and title, and the convicted named in it as perpetrators by the court."""

from __future__ import annotations

import re

from .clauses import QUOTED, VERDICT_LINE, agents_by, paragraph_start, passive, split_actors
from .dates import DAY, DAY_NO_YEAR, find_dates
from .entities import actor_from_phrase, find_events
from .mentions import GAP, Hit, phrase_after
from .model import TITLE, Claim, EntityRef, Sentence
from .reading import ReadingState
from .voices import resolve_subject


def resolution_claims(st: ReadingState, sent: Sentence, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    t, mt = st.text, st.mt
    lo, hi = sent.start, sent.end
    out: list[Claim] = []
    if VERDICT_LINE.match(t, lo, hi):
        return out  # "- X: guilty; sentenced to …": the verdict of the judgment told above, no act of its own
    acts = mt.act_type.find(t, lo, hi)
    listed = [p for p in mt.perp_cue.find(t, lo, hi) if p.concept.prop("pattern") == "convicted-list"]
    for cue in mt.act_cue.find(t, lo, hi):
        if any(p.start <= cue.start < p.end for p in listed):
            continue  # "Blant de domfelte var X": the convicted of a verdict told already
        if cue.concept.prop("pattern") == "trial":
            # "73 men stood trial before an American military court in Dachau": no act yet, but
            # the court whose verdict the next sentences tell ("43 of them were sentenced …")
            ph = phrase_after(t, cue.end, hi, mt)
            court = actor_from_phrase(ph.text, mt, st.ctx) if ph is not None else None
            if court is not None and court.kind == "organisation":
                st.last_body = court
            continue
        nxt = re.findall(r"[\w'’]+", t[cue.end:cue.end + 10])[:1]
        if nxt and mt.is_word(nxt[0], "act-cue-breaker"):
            continue  # "det fant sted": it took place, no finding
        if cue.concept.prop("pattern") == "conviction" and passive(st, cue.start, lo):
            out.extend(_convicted_passive(st, sent, cue, make))
            break  # "was convicted by X … and sentenced to life": one act, the convicted no body
        judged = [a for a in mt.act_type.find(cue.label) if a.concept.notation == "judgment"]
        implied = cue.concept.prop("impliesActType")
        # an act noun near the cue ("adopted a resolution"); the cue itself ("sentenced", "found …
        # guilty") is none, it only says what act it is when the body's role does not
        act = next((a for a in acts if a.start >= cue.start - 40 and not (cue.start <= a.start < cue.end)), None)
        as_cue = next((a.concept.notation for a in acts if cue.start <= a.start < cue.end), None)
        act_type = act.concept.notation if act else (judged[0].concept.notation if judged else None)
        if act_type is None and implied:
            act_type = mt.lex.concept(implied).notation
        body = _body(st, cue, lo, hi)
        if body is None or st.seg.sections[sent.section].kind == TITLE:
            continue  # a headline's act is told, with its date, in the body
        # without an act noun the body's role says what it adopts ("the tribunal recognised …":
        # a judgment; "Съезд … осудил" condemns in a resolution, it convicts no one)
        act_type = (_role_act(st, body) or act_type or as_cue) if act is None else act_type
        if act_type is None:
            continue
        if cue.concept.prop("pattern") == "finding" and (act_type not in ("inquiry finding", "prosecutor's finding") or not
                                                         any(sent.start <= d.start < sent.end for d in st.dates)):
            continue  # only a body of inquiry (or a prosecutor) reports a finding, and the text dates it
        if cue.concept.prop("pattern") == "conviction":
            out.extend(_convicted(st, sent, cue, body, make))
        date = _act_date(st, sent, cue)
        if date is None and any(body.key == h.key for h in st.ctx.home):
            date = _document_date(st)  # the letterhead's body, undated: the act the document is
        title = None
        after = act.end if act else cue.end
        q = QUOTED.search(t, after, hi)
        if q and q.start() - after <= 40:
            title = q.group(1).strip()
        if date is None or title is None:
            d2, t2 = _from_references(st, sent)
            date = date or d2
            title = title or t2
        para = paragraph_start(st, sent)
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
            if act_type == "judgment":
                out.extend(_judged_labels(st, sent, cue, body, make))
            break
    return out


def _judged_labels(st: ReadingState, sent: Sentence, cue: Hit, body: EntityRef, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    """"The court found Yazov guilty of war crimes and crimes against humanity": the labels of
    what a court convicts of are its classification of the event."""
    out = []
    names = [(e.start, e.end) for e in find_events(st.text, sent.start, sent.end, st.mt, st.ctx)]
    names += [(m.start(), m.end()) for m in QUOTED.finditer(st.text, sent.start, sent.end)]
    for h in st.mt.labels.find(st.text, cue.end, sent.end):
        if h.concept.notation in ("fabrication", "tragedy") or any(s <= h.start < e for s, e in names):
            continue  # "in the Case of the Massacre of El Mozote": a name, not the court's word
        c = make("classification", h.start, label=h.concept.notation, claimant=body, claimant_text=body.label)
        if c is not None and all(x.label != c.label for x in out):
            out.append(c)
    return out


def _role_act(st: ReadingState, body: EntityRef) -> str | None:
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


def _convicted(st: ReadingState, sent: Sentence, cue: Hit, body: EntityRef, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    """"sentenced Ali Hassan al-Majid to death": the convicted are perpetrators, by the court."""
    start, end = cue.end, sent.end
    if GAP in cue.label:  # "finds Ivo Marek guilty": the convicted in the gap
        start, end = cue.start + len(cue.label.split(GAP)[0].strip()), cue.end - len(cue.label.split(GAP)[-1].strip())
    d = next((d for d in st.dates if start <= d.start and not st.text[start:d.start].strip()), None)
    if d is not None:
        start = d.end  # "dømte 13. januar 2007 ti tidligere SS-soldater": the date first
    ph = phrase_after(st.text, start, end, st.mt, max_tokens=8)
    if ph is None or _other_charge(st, sent):
        return []
    out = []
    for name in split_actors(ph.text, st.mt):
        ref = actor_from_phrase(name, st.mt, st.ctx)
        if ref is not None and ref.kind in ("person", "organisation", "armed-group"):
            c = make("perpetrator", cue.start, actor=ref, claimant=body, claimant_text=body.label)
            if c is not None:
                out.append(c)
    return out


def _other_charge(st: ReadingState, sent: Sentence) -> bool:
    """"sued for defamation and convicted": a conviction on another charge says nothing of who
    did the violence."""
    return bool(re.search(rf"(?i)\b{st.mt.alternation('other-charge')}", st.text[sent.start:sent.end]))


def _convicted_passive(st: ReadingState, sent: Sentence, cue: Hit, make) -> list[Claim]:  # type: ignore[no-untyped-def]
    """"Vladimir Šantić, a company commander, was sentenced to 25 years": the subject is the
    convicted, the court the one named by "by", else the last body whose act was told."""
    named = next((r for r, _ in agents_by(st, cue.end, sent.end) if r.kind in ("organisation", "state")), None) \
        or _court_after(st, cue.end, sent.end)
    home = [h for h in st.ctx.home if _role_act(st, h) == "judgment"]
    court = named or st.last_body or (home[-1] if home else None)  # the letterhead's court
    who, _ = resolve_subject(st, cue.start, sent.start)
    if court is None:
        return []
    # "16. juli 1946 ble samtlige dømt": a verdict on people the sentence does not name is still one
    out = [] if _other_charge(st, sent) or who is None or who.kind not in ("person", "organisation", "armed-group") \
        else [make("perpetrator", cue.start, actor=who, claimant=court, claimant_text=court.label)]
    if court is not None and (st.last_act is None or st.last_act[0] != court.key):
        # "X was convicted by the Supreme Court of North Ossetia on 26 May 2006": its judgment;
        # so too the first verdict of the court a trial stood before
        out.append(make("resolution", cue.start, body=court, act_type=_role_act(st, court) or "judgment",
                        date=_act_date(st, sent, cue) or _from_references(st, sent)[0], title=None,
                        claimant=None, claimant_text=None))
        st.last_act, st.last_body = (court.key, paragraph_start(st, sent)), court
    return [c for c in out if c is not None]


def _body(st: ReadingState, cue: Hit, lo: int, hi: int) -> EntityRef | None:
    t, mt = st.text, st.mt
    ok = ("organisation", "state", "person")
    ref, _ = resolve_subject(st, cue.start, lo)
    if ref is not None and ref.kind in ok:
        return ref
    # passive "was adopted by X", "convicted in an Azerbaijani court"; V2 order "vedtok senatet i New York"
    m = re.match(rf"\s*(?:{mt.alternation('agent', 'locative', 'inner')})?\s*", t[cue.end:hi])
    ph = phrase_after(t, cue.end + (m.end() if m else 0), hi, mt)
    if ph is not None:
        # "senatet i New York": keep "i <Name>" inside the phrase
        mm = re.match(rf"\s+{mt.alternation('locative', 'inner')}\s+([A-ZÀ-ÖØ-Þ][\w'’]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’]*)*)",
                      t[ph.end:hi])
        text = ph.text + (t[ph.end:ph.end + mm.end()] if mm else "")
        ref = actor_from_phrase(text, mt, st.ctx)
        if ref is not None and ref.kind in ok:
            return ref
    return _court_after(st, cue.end, hi)


def _court_after(st: ReadingState, pos: int, hi: int) -> EntityRef | None:
    """"convicted in an Azerbaijani court": a court named after "in" or "by"."""
    t, mt = st.text, st.mt
    courts = [r for r in mt.role.find(t, pos, hi) if r.concept.prop("impliesActType") == "act-judgment"]
    m2 = re.search(rf"(?i)\b{mt.alternation('agent', 'locative')}\s+((?:{mt.alternation('determiner')}\s+)?"
                   rf"[\w'’ -]{{2,60}}?)$", t[pos:courts[0].start]) if courts else None
    return actor_from_phrase(t[pos + m2.start(1):courts[0].end], mt, st.ctx) if m2 else None


def _act_date(st: ReadingState, sent: Sentence, cue: Hit) -> str | None:
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(st.text, sent.start, sent.end)]
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
        return _month_of_the_year(st, sent) or _heading_date(st, sent) or _weekday_date(st, sent) or \
            _today(st, sent)
    named = [d for d in ds if re.search(rf"(?i)\b{st.mt.alternation('determiner')}\s+$", st.text[max(0, d.start - 6):d.start])
             and re.match(r"\s+[A-ZÀ-ÖØ-ÞА-ЯЁ]", st.text[d.end:d.end + 3])]
    ds = [d for d in ds if d not in named] or ds  # "passed the 1921 Tarvo Reconciliation Act": a name's year
    # a date with its year beats one without ("On May 23, 2024 … establishing July 11 as …")
    d = min(ds, key=lambda d: (d.precision == DAY_NO_YEAR, abs(d.start - cue.start)))
    if d.precision == DAY_NO_YEAR:
        this_year = re.match(rf"(?i)\W*{st.mt.alternation('this-year')}\b", st.text[d.end:sent.end])
        year = _document_year(st) if this_year else st.last_year
        return f"{year}-{d.iso[2:]}" if year else None  # "On 28 March this year": the document's year
    return d.iso


def _weekday_date(st: ReadingState, sent: Sentence) -> str | None:
    """"Вильнюсский окружной суд в среду признал …": a weekday in a dated report is the day of
    the report."""
    if not any(st.mt.is_word(w, "weekday") for w in re.findall(r"[\w'’]+", st.text[sent.start:sent.end])):
        return None
    return _document_date(st)


def _document_date(st: ReadingState) -> str | None:
    """The day a document is dated: its own date, else its header's ("Summary of the
    Judgement – The Hague, 31 July 2003")."""
    if st.seg.document.date:
        return st.seg.document.date if len(st.seg.document.date) == 10 else None
    first = next((d for d in st.dates if d.start < 200 and d.precision == DAY), None)
    return first.iso if first else None


def _today(st: ReadingState, sent: Sentence) -> str | None:
    """"Today the Appeals Chamber upheld …": the day of the document."""
    if not re.search(rf"(?i)(?<!\w){st.mt.alternation('today')}(?!\w)", st.text[sent.start:sent.end]):
        return None
    return _document_date(st)


def _document_year(st: ReadingState) -> str | None:
    """The year a document was written: its date, else its dateline's ("OSTRA, 17 October 2024 –")."""
    if st.seg.document.date:
        return st.seg.document.date[:4]
    first = next((d for d in st.dates if d.start < 200 and d.precision != DAY_NO_YEAR), None)
    return first.iso[:4] if first else None


def _month_of_the_year(st: ReadingState, sent: Sentence) -> str | None:
    """"I februar samme år dømte domstolen …": a month of the year the text last gave."""
    same = st.mt.alternation("same-year")
    for lab, c in st.lex.labels("MonthName", st.mt.lang):
        m = re.search(rf"(?i)\b{re.escape(lab)}\s+{same}\b", st.text[sent.start:sent.end])
        if m and st.last_year and c.notation:
            return f"{st.last_year}-{c.notation}"
    return None


def _heading_date(st: ReadingState, sent: Sentence) -> str | None:
    """The date of the heading line above the act's paragraph ("Judgment of the Gujarat High
    Court, 20 April 2018"), when the paragraph gives none."""
    text = st.seg.document.text
    para = text.rfind("\n\n", 0, sent.start)
    # a heading line inside the paragraph block, right above the sentence ("Note added 22 March
    # 2006\nToday the Appeals Chamber …")
    line_start = text.rfind("\n", 0, sent.start) + 1
    if line_start > para + 2 and not text[line_start:sent.start].strip():
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above:line_start - 1]
        if above == max(para + 2, 0) and line.strip() and not line.rstrip().endswith((".", "!", "?", ",")) \
                and len(line.split()) <= 8:  # (a hard-wrapped line of a paragraph is longer)
            ds = [d for d in st.dates if above <= d.start < line_start and d.precision != DAY_NO_YEAR]
            if ds:
                return ds[-1].iso
    if para < 0:
        return None
    head_start = st.seg.document.text.rfind("\n", 0, max(0, para)) + 1
    line = st.seg.document.text[head_start:para]
    if not line.strip() or line.rstrip().endswith((".", "!", "?")) or len(line.split()) > 14:
        return None
    ds = [d for d in st.dates if head_start <= d.start < para and d.precision != DAY_NO_YEAR]
    return ds[-1].iso if ds else None


def _from_references(st: ReadingState, sent: Sentence) -> tuple[str | None, str | None]:
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
        # a cited work that is an act ("Case of Fatullayev v. Azerbaijan", "Resolution 1416")
        actlike = bool(r.title and re.search(rf"(?i){st.mt.alternation('act-title')}", r.title))
        if m or r.date or actlike:
            title = f"{m.group(1).title()} v. {m.group(2).title()}" if m else (r.title if actlike else None)
            date = r.date
            if date is None:
                ds = find_dates(r.raw, st.seg.document.language, st.lex)
                date = ds[0].iso if ds else None
            return date, title
    return None, None
