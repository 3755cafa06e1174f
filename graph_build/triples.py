"""Triples: a document's segments and claims as RDF terms (docs/model.md).

IRIs come from content (document id, offsets, hashed key values, entity keys), never
from run order, so two builds of the same input give the same graph. No blank nodes.
"""
from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from .lexicon import Lexicon
from .mentions import slug
from .model import Claim, EntityRef, Segmented
from .namespaces import CKG, ID, LEX, OA, SEM

_ACT_CLASS = {
    "resolution": CKG.Resolution, "declaration": CKG.Declaration, "decree": CKG.Decree,
    "proclamation": CKG.Proclamation, "judgment": CKG.Judgment,
    "prosecutor's finding": CKG.ProsecutorFinding, "inquiry finding": CKG.InquiryFinding,
}
_CLAIM_CLASS = {
    "casualty": CKG.CasualtyClaim, "perpetrator": CKG.PerpetratorClaim,
    "classification": CKG.ClassificationClaim, "resolution": CKG.ResolutionClaim,
}
_KIND_CLASSES = {
    "person": (CKG.Actor, CKG.Person, PROV.Agent, SDO.Person),
    "organisation": (CKG.Actor, CKG.Organisation, PROV.Agent, SDO.Organization),
    "state": (CKG.Actor, CKG.Organisation, CKG.State, CKG.Place, PROV.Agent, SDO.Organization),
    "armed-group": (CKG.Actor, CKG.Organisation, CKG.ArmedGroup, PROV.Agent, SDO.Organization),
    "population-group": (CKG.Actor, CKG.PopulationGroup, PROV.Agent),
    "group": (CKG.Actor, PROV.Agent),
    "place": (CKG.Place, SEM.Place, SDO.Place),
    "event": (CKG.Event, SEM.Event, SDO.Event),
    "conflict": (CKG.Event, CKG.Conflict, SEM.Event, SDO.Event),
}


def date_literal(iso: str) -> Literal:
    """An ISO date as precise as given, typed xsd:date, xsd:gYearMonth or xsd:gYear."""
    if len(iso) == 10:
        return Literal(iso, datatype=XSD.date)
    if len(iso) == 7:
        return Literal(iso, datatype=XSD.gYearMonth)
    return Literal(iso[:4], datatype=XSD.gYear)


def entity_iri(ref: EntityRef) -> URIRef:
    """Stable IRI of an entity from its resolution key."""
    key = ref.key
    if ref.kind in ("event", "conflict"):
        return ID["event-" + key.removeprefix("event-").removeprefix("ev-")]
    if ref.kind == "place":
        return ID["place-" + key.removeprefix("entity-")]
    return ID["actor-" + key.removeprefix("entity-")]


def lex_entity_iri(lex: Lexicon, cid: str) -> URIRef:
    c = lex.concept(cid)
    kind = c.prop("actorKind") or "organisation"
    return entity_iri(EntityRef(kind, "", cid))


def claim_iri(c: Claim) -> URIRef:
    parts = [c.doc_id, c.type, str(c.evidence.start), str(c.evidence.end), c.event.key,
             c.claimant.key if c.claimant else "", c.stance, c.measure or "", str(c.min), str(c.max),
             c.actor.key if c.actor else "", c.label or "", c.body.key if c.body else "", c.date or ""]
    return ID["claim-" + hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]]


def doc_iri(doc_id: str) -> URIRef:
    return ID[f"doc-{doc_id}"]


def publisher_iri(name: str) -> URIRef:
    return ID["actor-" + slug(name)]


class _Writer:
    def __init__(self, seg: Segmented, lex: Lexicon, context: int):
        self.g = Graph()
        self.seg = seg
        self.lex = lex
        self.context = context
        self.doc = seg.document
        self.d = doc_iri(self.doc.doc_id)

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self.g.add((s, p, o if isinstance(o, (URIRef, Literal)) else Literal(o)))  # type: ignore[arg-type]

    def entity(self, ref: EntityRef) -> URIRef:
        iri = entity_iri(ref)
        for cls in _KIND_CLASSES.get(ref.kind, (CKG.Actor, PROV.Agent)):
            self.add(iri, RDF.type, cls)
        if ref.label:
            self.add(iri, SKOS.altLabel, Literal(ref.label, lang=ref.language))
        if ref.pref_label:
            self.add(iri, RDFS.label, Literal(ref.pref_label, lang="en"))
            if ref.label and ref.language and ref.language != "en":
                # the name in the document's own language, for read-back in that language
                self.add(iri, RDFS.label, Literal(ref.label, lang=ref.language))
        elif ref.label:
            self.add(iri, RDFS.label, Literal(ref.label, lang=ref.language))
        for p, v in ref.extra:
            if p == "eventType":
                self.add(iri, CKG.eventType, LEX[v])
            elif p == "placeName":
                place = ID["place-" + slug(v)]
                for cls in _KIND_CLASSES["place"]:
                    self.add(place, RDF.type, cls)
                self.add(place, SKOS.altLabel, Literal(v, lang=ref.language))
                self.add(place, RDFS.label, Literal(v, lang=ref.language))
                self.add(iri, SEM.hasPlace, place)
        if ref.kind in ("event", "conflict"):
            self.add(iri, CKG.mentionedIn, self.d)
        return iri

    def document(self) -> None:
        doc, d = self.doc, self.d
        for cls in (CKG.Document, PROV.Entity, SDO.CreativeWork):
            self.add(d, RDF.type, cls)
        self.add(d, CKG.fileName, doc.file_name)
        if doc.title:
            self.add(d, DCTERMS.title, doc.title)
        self.add(d, DCTERMS.language, doc.language)
        self.add(d, CKG.contentHash, doc.content_hash)
        self.add(d, CKG.textLength, Literal(len(doc.text)))
        self.add(d, CKG.metadataSource, doc.metadata_source)
        if doc.date:
            self.add(d, DCTERMS.date, date_literal(doc.date))
        if doc.genre:
            for g in doc.genre.split(";"):
                self.add(d, CKG.genre, LEX["genre-" + slug(g)])
        if doc.publisher:
            pub = publisher_iri(doc.publisher)
            for cls in _KIND_CLASSES["organisation"]:
                self.add(pub, RDF.type, cls)
            self.add(pub, RDFS.label, Literal(doc.publisher, lang="en"))
            self.add(pub, SKOS.altLabel, Literal(doc.publisher, lang="en"))
            self.add(d, DCTERMS.publisher, pub)
            self.add(d, PROV.wasAttributedTo, pub)
            if doc.site:
                self.add(pub, SDO.url, doc.site)
        for sec in self.seg.sections:
            s = ID[f"section-{doc.doc_id}-{sec.index}"]
            self.add(s, RDF.type, CKG.Section)
            self.add(s, DCTERMS.isPartOf, d)
            self.add(s, CKG.sectionKind, LEX["section-" + sec.kind])
            self.add(s, CKG.start, Literal(sec.start))
            self.add(s, CKG.end, Literal(sec.end))
            if sec.author:
                self.add(s, DCTERMS.creator, sec.author)
        for r in self.seg.references:
            w = ID[f"ref-{doc.doc_id}-{r.number}"]
            self.add(w, RDF.type, CKG.CitedWork)
            self.add(w, RDF.type, SDO.CreativeWork)
            self.add(w, CKG.referenceNumber, Literal(r.number))
            self.add(w, DCTERMS.isReferencedBy, d)
            self.add(w, RDFS.label, r.raw)
            if r.title:
                self.add(w, DCTERMS.title, r.title)
            for a in r.authors:
                self.add(w, DCTERMS.creator, a)
            if r.publisher:
                self.add(w, DCTERMS.publisher, r.publisher)
            if r.date:
                self.add(w, DCTERMS.date, date_literal(r.date))
            for i in r.isbn:
                self.add(w, SDO.isbn, i)
            if r.archive_date:
                self.add(w, CKG.archiveDate, date_literal(r.archive_date))
            if r.access_date:
                self.add(w, CKG.accessDate, date_literal(r.access_date))
            if r.language:
                self.add(w, DCTERMS.language, r.language)
            if r.pages:
                self.add(w, CKG.pages, r.pages)
            if r.quotation:
                self.add(w, CKG.quotation, r.quotation)

    def span(self, start: int, end: int, section: int, cites: tuple[int, ...]) -> URIRef:
        doc = self.doc
        base = f"span-{doc.doc_id}-{start}-{end}"
        sp, q, p = ID[base], ID[base + "-quote"], ID[base + "-pos"]
        text = doc.text
        self.add(sp, RDF.type, OA.SpecificResource)
        self.add(sp, OA.hasSource, self.d)
        self.add(sp, OA.hasSelector, q)
        self.add(sp, OA.hasSelector, p)
        self.add(sp, CKG.inSection, ID[f"section-{doc.doc_id}-{section}"])
        self.add(q, RDF.type, OA.TextQuoteSelector)
        self.add(q, OA.exact, text[start:end])
        self.add(q, OA.prefix, text[max(0, start - self.context):start])
        self.add(q, OA.suffix, text[end:end + self.context])
        self.add(p, RDF.type, OA.TextPositionSelector)
        self.add(p, OA.start, Literal(start))
        self.add(p, OA.end, Literal(end))
        known = {r.number for r in self.seg.references}
        for n in cites:
            if n in known:
                self.add(sp, CKG.cites, ID[f"ref-{doc.doc_id}-{n}"])
        return sp

    def claim(self, c: Claim) -> None:
        iri = claim_iri(c)
        for cls in (CKG.Claim, _CLAIM_CLASS[c.type], PROV.Entity):
            self.add(iri, RDF.type, cls)
        self.add(iri, CKG.about, self.entity(c.event))
        self.add(iri, CKG.stance, CKG.Denies if c.stance == "denies" else CKG.Asserts)
        if c.claimant is not None:
            self.add(iri, PROV.wasAttributedTo, self.entity(c.claimant))
            self.add(iri, CKG.documentVoice, Literal(False))
            if c.claimant_text:
                self.add(iri, CKG.claimantText, c.claimant_text)
        else:
            pub = publisher_iri(self.doc.publisher) if self.doc.publisher else self.d
            self.add(iri, PROV.wasAttributedTo, pub)
            self.add(iri, CKG.documentVoice, Literal(True))
        self.add(iri, PROV.wasDerivedFrom, self.d)
        sp = self.span(c.evidence.start, c.evidence.end, c.section, c.citations)
        self.add(iri, CKG.evidence, sp)
        known = {r.number for r in self.seg.references}
        for n in c.citations:
            if n in known:
                self.add(iri, CKG.cites, ID[f"ref-{self.doc.doc_id}-{n}"])
        if c.certainty:
            self.add(iri, CKG.certainty, LEX[c.certainty])
        if c.type == "casualty":
            m = self.lex.by_notation("CasualtyMeasure", c.measure or "")
            if m is not None:
                self.add(iri, CKG.measure, LEX[m.id])
            if c.min is not None:
                self.add(iri, CKG.minCount, Literal(c.min, datatype=XSD.integer))
            if c.max is not None:
                self.add(iri, CKG.maxCount, Literal(c.max, datatype=XSD.integer))
            if c.victims:
                self.add(iri, CKG.victimsText, c.victims)
            if c.victim_group is not None:
                self.add(iri, CKG.victimGroup, self.entity(c.victim_group))
            if c.vague:
                self.add(iri, CKG.vagueQuantity, LEX[c.vague])
            for i, (n, who) in enumerate(c.breakdown, 1):
                part = URIRef(f"{iri}-part-{i}")
                self.add(part, RDF.type, CKG.Breakdown)
                self.add(part, CKG.count, Literal(n, datatype=XSD.integer))
                if who:
                    self.add(part, CKG.victimsText, who)
                self.add(iri, CKG.breakdown, part)
        elif c.type == "perpetrator" and c.actor is not None:
            self.add(iri, CKG.allegedPerpetrator, self.entity(c.actor))
        elif c.type == "classification" and c.label:
            lab = self.lex.by_notation("ClassificationLabel", c.label)
            if lab is not None:
                self.add(iri, CKG.label, LEX[lab.id])
        elif c.type == "resolution" and c.body is not None:
            key = "|".join([c.body.key, c.date or "", c.title or "", c.event.key, c.act_type or ""])
            act = ID["act-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]]
            self.add(act, RDF.type, CKG.FormalAct)
            self.add(act, RDF.type, _ACT_CLASS.get(c.act_type or "", CKG.Resolution))
            self.add(act, CKG.adoptedBy, self.entity(c.body))
            self.add(act, CKG.concerns, entity_iri(c.event))
            if c.act_type:
                t = self.lex.by_notation("ActType", c.act_type)
                if t is not None:
                    self.add(act, CKG.actType, LEX[t.id])
            if c.date:
                self.add(act, DCTERMS.date, date_literal(c.date))
            if c.title:
                self.add(act, DCTERMS.title, c.title)
            self.add(iri, CKG.formalAct, act)


def document_graph(seg: Segmented, claims: list[Claim], lex: Lexicon, quote_context: int = 32) -> Graph:
    """The RDF graph of one document: metadata, sections, references, spans, claims."""
    w = _Writer(seg, lex, quote_context)
    w.document()
    for c in claims:
        w.claim(c)
    return w.g
