"""The one place where namespaces live.

`CKG` is a closed namespace: a misspelt term raises instead of minting a new IRI.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

CKG_IRI = "https://w3id.org/ckg/ns#"
LEX_IRI = "https://w3id.org/ckg/lexicon/"
ID_IRI = "https://w3id.org/ckg/id/"


class CKG(DefinedNamespace):
    """ckg ontology terms (see ontology/ckg.ttl)."""

    _fail = True
    _NS = Namespace(CKG_IRI)

    # classes
    Document: URIRef
    Section: URIRef
    CitedWork: URIRef
    Claim: URIRef
    CasualtyClaim: URIRef
    PerpetratorClaim: URIRef
    ClassificationClaim: URIRef
    ResolutionClaim: URIRef
    FormalAct: URIRef
    Resolution: URIRef
    Declaration: URIRef
    Decree: URIRef
    Proclamation: URIRef
    Judgment: URIRef
    ProsecutorFinding: URIRef
    InquiryFinding: URIRef
    Event: URIRef
    Conflict: URIRef
    Actor: URIRef
    Person: URIRef
    Organisation: URIRef
    State: URIRef
    ArmedGroup: URIRef
    PopulationGroup: URIRef
    Place: URIRef
    Stance: URIRef
    Breakdown: URIRef
    # lexicon classes (SKOS concept kinds)
    AttributionCue: URIRef
    ReportingVerb: URIRef
    DenialCue: URIRef
    LabelCue: URIRef
    PerpetratorCue: URIRef
    ActCue: URIRef
    Hedge: URIRef
    LowerBoundHedge: URIRef
    UpperBoundHedge: URIRef
    ApproximateHedge: URIRef
    CertaintyHedge: URIRef
    RangeConnector: URIRef
    NumberWord: URIRef
    VagueNumeral: URIRef
    Multiplier: URIRef
    MonthName: URIRef
    CasualtyMeasure: URIRef
    ClassificationLabel: URIRef
    EventType: URIRef
    ActType: URIRef
    ActorRole: URIRef
    PersonTitle: URIRef
    Genre: URIRef
    SectionKind: URIRef
    BoilerplateCue: URIRef
    CommentCue: URIRef
    StatementCue: URIRef
    ReferenceCue: URIRef
    InfoboxField: URIRef
    AnaphorCue: URIRef
    Abbreviation: URIRef
    FunctionWord: URIRef
    NumberContext: URIRef
    LanguageMarker: URIRef
    LanguageName: URIRef
    HeadingCue: URIRef
    CaptionCue: URIRef
    DateWord: URIRef
    Gazetteer: URIRef
    KnownEntity: URIRef
    # individuals
    Asserts: URIRef
    Denies: URIRef
    # properties
    about: URIRef
    stance: URIRef
    documentVoice: URIRef
    claimantText: URIRef
    evidence: URIRef
    cites: URIRef
    certainty: URIRef
    measure: URIRef
    minCount: URIRef
    maxCount: URIRef
    count: URIRef
    victimsText: URIRef
    victimGroup: URIRef
    vagueQuantity: URIRef
    breakdown: URIRef
    allegedPerpetrator: URIRef
    label: URIRef
    formalAct: URIRef
    adoptedBy: URIRef
    concerns: URIRef
    actType: URIRef
    eventType: URIRef
    relatedEvent: URIRef
    mentionedIn: URIRef
    fileName: URIRef
    genre: URIRef
    contentHash: URIRef
    textLength: URIRef
    metadataSource: URIRef
    sectionKind: URIRef
    start: URIRef
    end: URIRef
    inSection: URIRef
    referenceNumber: URIRef
    archiveDate: URIRef
    accessDate: URIRef
    pages: URIRef
    quotation: URIRef
    # lexicon properties
    minValue: URIRef
    maxValue: URIRef
    value: URIRef
    impliesMeasure: URIRef
    impliesLabel: URIRef
    impliesEventType: URIRef
    impliesActType: URIRef
    role: URIRef
    actorKind: URIRef
    demonym: URIRef
    adjective: URIRef
    capitalOf: URIRef
    citationForm: URIRef
    country: URIRef
    ending: URIRef
    position: URIRef
    pattern: URIRef
    wikidata: URIRef
    place: URIRef
    beginDate: URIRef
    endDate: URIRef
    partOf: URIRef
    latitude: URIRef
    longitude: URIRef
    expansion: URIRef
    denies: URIRef


LEX = Namespace(LEX_IRI)
ID = Namespace(ID_IRI)
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "ckg": CKG_IRI,
    "lex": LEX_IRI,
    "id": ID_IRI,
    "prov": str(PROV),
    "sem": str(SEM),
    "schema": str(SDO),
    "oa": str(OA),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
}

GRAPH_ENTITIES = ID["graph-entities"]
GRAPH_LINKS = ID["graph-links"]  # accepted owl:sameAs links (`ckg link --write`), carried across builds
GRAPH_ONTOLOGY = ID["graph-ontology"]


def doc_graph(doc_id: str) -> URIRef:
    """The named graph holding everything extracted from one document."""
    return ID[f"graph-doc-{doc_id}"]


__all__ = [
    "CKG",
    "DCTERMS",
    "GRAPH_ENTITIES",
    "GRAPH_ONTOLOGY",
    "ID",
    "LEX",
    "OA",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SEM",
    "SKOS",
    "WD",
    "XSD",
    "doc_graph",
]
