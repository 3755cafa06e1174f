"""SHACL validation: a small graph written as docs/model.md describes it conforms, and
each break of one shape is reported with that shape's message (and `ckg validate` exits 1).

Also keeps ontology/ckg.ttl and the closed CKG namespace of graph_build/namespaces.py in step.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib.namespace as rns  # module access: pytest's collector trips on closed namespaces
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from ckg.validate import SHAPES_IRI, load_shapes, validate_command, validate_store
from graph_build.namespaces import (
    CKG,
    CKG_IRI,
    DCTERMS,
    GRAPH_ENTITIES,
    GRAPH_ONTOLOGY,
    ID,
    LEX,
    OA,
    PROV,
    SEM,
    SKOS,
    doc_graph,
)
from graph_build.store import MARKER

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
CKG_TTL = ONTOLOGY_DIR / "ckg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
SHAPES = Graph().parse(SHAPES_TTL)

DOC_ID = "900_testdocument0000"
DOC = ID[f"doc-{DOC_ID}"]
TEXT = (
    "Khojaly massacre\n"
    "According to Human Rights Watch, at least 200 Azerbaijanis were killed in Khojaly, "
    "including 106 women.[2] "
    "Armenian forces carried out the killings. "
    "Azerbaijan calls the massacre a genocide. "
    "The New York State Senate adopted a resolution on 27 March 2012.\n"
)
SENTENCES = {
    "casualty": "According to Human Rights Watch, at least 200 Azerbaijanis were killed in "
                "Khojaly, including 106 women.[2]",
    "perpetrator": "Armenian forces carried out the killings.",
    "classification": "Azerbaijan calls the massacre a genocide.",
    "resolution": "The New York State Senate adopted a resolution on 27 March 2012.",
}

EVENT = ID["event-khojaly-massacre"]
OTHER_EVENT = ID["event-first-nagorno-karabakh-war"]
PLACE = ID["place-khojaly"]
PUBLISHER = ID["actor-example-encyclopedia"]
HRW = ID["actor-human-rights-watch"]
AZERBAIJANIS = ID["actor-azerbaijanis"]
ARMENIAN_FORCES = ID["actor-armenian-forces"]
AZERBAIJAN = ID["actor-azerbaijan"]
SENATE = ID["actor-new-york-state-senate"]
ACT = ID["act-00000000000000aa"]
CLAIM = {t: ID[f"claim-{t}"] for t in SENTENCES}
CLAIM_CLASS = {
    "casualty": CKG.CasualtyClaim, "perpetrator": CKG.PerpetratorClaim,
    "classification": CKG.ClassificationClaim, "resolution": CKG.ResolutionClaim,
}
PART = ID[f"{CLAIM['casualty'][len(ID):]}-part-1"]


def span(kind: str) -> URIRef:
    start = TEXT.index(SENTENCES[kind])
    return ID[f"span-{DOC_ID}-{start}-{start + len(SENTENCES[kind])}"]


def pos(kind: str) -> URIRef:
    return URIRef(span(kind) + "-pos")


def quote(kind: str) -> URIRef:
    return URIRef(span(kind) + "-quote")


@dataclass
class Graphs:
    """The named graphs of a tiny store: one document, the entities, the ontology part."""

    doc: Graph
    entities: Graph
    ontology: Graph


def _document_graph() -> Graph:
    g = Graph()
    g.add((DOC, RDF.type, CKG.Document))
    g.add((DOC, RDF.type, PROV.Entity))
    g.add((DOC, RDF.type, rns.SDO.CreativeWork))
    g.add((DOC, CKG.fileName, Literal(f"{DOC_ID}.txt")))
    g.add((DOC, DCTERMS.title, Literal("Khojaly massacre")))
    g.add((DOC, DCTERMS.language, Literal("en")))
    g.add((DOC, DCTERMS.publisher, PUBLISHER))
    g.add((DOC, PROV.wasAttributedTo, PUBLISHER))
    g.add((DOC, DCTERMS.date, Literal("2022-01-20", datatype=rns.XSD.date)))
    g.add((DOC, CKG.genre, LEX["genre-encyclopedia"]))
    g.add((DOC, CKG.contentHash, Literal("ab" * 32)))
    g.add((DOC, CKG.textLength, Literal(len(TEXT))))
    g.add((DOC, CKG.metadataSource, Literal("manifest")))
    section = ID[f"section-{DOC_ID}-0"]
    g.add((section, RDF.type, CKG.Section))
    g.add((section, DCTERMS.isPartOf, DOC))
    g.add((section, CKG.sectionKind, LEX["section-body"]))
    g.add((section, CKG.start, Literal(0)))
    g.add((section, CKG.end, Literal(len(TEXT))))
    ref = ID[f"ref-{DOC_ID}-2"]
    g.add((ref, RDF.type, CKG.CitedWork))
    g.add((ref, RDF.type, rns.SDO.CreativeWork))
    g.add((ref, CKG.referenceNumber, Literal(2)))
    g.add((ref, DCTERMS.isReferencedBy, DOC))
    g.add((ref, DCTERMS.title, Literal("Bloody Karabakh")))

    for kind, sentence in SENTENCES.items():
        start = TEXT.index(sentence)
        s = span(kind)
        g.add((s, RDF.type, OA.SpecificResource))
        g.add((s, OA.hasSource, DOC))
        g.add((s, OA.hasSelector, quote(kind)))
        g.add((s, OA.hasSelector, pos(kind)))
        g.add((s, CKG.inSection, section))
        g.add((quote(kind), RDF.type, OA.TextQuoteSelector))
        g.add((quote(kind), OA.exact, Literal(sentence)))
        g.add((quote(kind), OA.prefix, Literal(TEXT[max(0, start - 32):start])))
        g.add((pos(kind), RDF.type, OA.TextPositionSelector))
        g.add((pos(kind), OA.start, Literal(start)))
        g.add((pos(kind), OA.end, Literal(start + len(sentence))))
        c = CLAIM[kind]
        g.add((c, RDF.type, CKG.Claim))
        g.add((c, RDF.type, CLAIM_CLASS[kind]))
        g.add((c, RDF.type, PROV.Entity))
        g.add((c, CKG.about, EVENT))
        g.add((c, CKG.stance, CKG.Asserts))
        g.add((c, PROV.wasDerivedFrom, DOC))
        g.add((c, CKG.evidence, s))

    c = CLAIM["casualty"]
    g.add((c, PROV.wasAttributedTo, HRW))
    g.add((c, CKG.documentVoice, Literal(False)))
    g.add((c, CKG.claimantText, Literal("Human Rights Watch")))
    g.add((c, CKG.cites, ref))
    g.add((span("casualty"), CKG.cites, ref))
    g.add((c, CKG.measure, LEX["measure-killed"]))
    g.add((c, CKG.minCount, Literal(200)))
    g.add((c, CKG.victimsText, Literal("Azerbaijanis")))
    g.add((c, CKG.victimGroup, AZERBAIJANIS))
    g.add((c, CKG.breakdown, PART))
    g.add((PART, RDF.type, CKG.Breakdown))
    g.add((PART, CKG.count, Literal(106)))
    g.add((PART, CKG.victimsText, Literal("women")))

    c = CLAIM["perpetrator"]  # the document's own voice: attributed to its publisher
    g.add((c, PROV.wasAttributedTo, PUBLISHER))
    g.add((c, CKG.documentVoice, Literal(True)))
    g.add((c, CKG.allegedPerpetrator, ARMENIAN_FORCES))
    g.add((c, CKG.certainty, LEX["hedge-reportedly"]))

    c = CLAIM["classification"]
    g.add((c, PROV.wasAttributedTo, AZERBAIJAN))
    g.add((c, CKG.documentVoice, Literal(False)))
    g.add((c, CKG.claimantText, Literal("Azerbaijan")))
    g.add((c, CKG.label, LEX["label-genocide"]))

    c = CLAIM["resolution"]  # the document's own voice, publisher unknown: the document
    g.add((c, PROV.wasAttributedTo, DOC))
    g.add((c, CKG.documentVoice, Literal(True)))
    g.add((c, CKG.formalAct, ACT))
    g.add((ACT, RDF.type, CKG.FormalAct))
    g.add((ACT, RDF.type, CKG.Resolution))
    g.add((ACT, CKG.adoptedBy, SENATE))
    g.add((ACT, DCTERMS.date, Literal("2012-03-27", datatype=rns.XSD.date)))
    g.add((ACT, CKG.concerns, EVENT))

    # the entities this document mentions, with their types and the labels it found
    for event in (EVENT, OTHER_EVENT):
        g.add((event, RDF.type, CKG.Event))
        g.add((event, RDF.type, SEM.Event))
        g.add((event, RDF.type, rns.SDO.Event))
        g.add((event, CKG.mentionedIn, DOC))
    g.add((EVENT, SKOS.altLabel, Literal("Khojaly massacre", lang="en")))
    g.add((EVENT, CKG.eventType, LEX["eventtype-massacre"]))
    g.add((EVENT, SEM.hasPlace, PLACE))
    g.add((EVENT, SEM.hasBeginTimeStamp, Literal("1992-02-25", datatype=rns.XSD.date)))
    g.add((EVENT, SEM.subEventOf, OTHER_EVENT))
    g.add((PLACE, RDF.type, CKG.Place))
    g.add((PLACE, RDF.type, SEM.Place))
    g.add((PLACE, rns.SDO.latitude, Literal(39.91111)))
    actors = {
        PUBLISHER: CKG.Organisation, HRW: CKG.Organisation, AZERBAIJANIS: CKG.PopulationGroup,
        ARMENIAN_FORCES: CKG.ArmedGroup, AZERBAIJAN: CKG.State, SENATE: CKG.Organisation,
    }
    for actor, cls in actors.items():
        g.add((actor, RDF.type, CKG.Actor))
        g.add((actor, RDF.type, cls))
        g.add((actor, RDF.type, PROV.Agent))
    return g


def _entities_graph() -> Graph:
    g = Graph()
    labels = {
        EVENT: "Khojaly massacre", OTHER_EVENT: "First Nagorno-Karabakh War", PLACE: "Khojaly",
        PUBLISHER: "Example Encyclopedia", HRW: "Human Rights Watch",
        AZERBAIJANIS: "Azerbaijanis", ARMENIAN_FORCES: "Armenian forces",
        AZERBAIJAN: "Azerbaijan", SENATE: "New York State Senate",
    }
    for node, label in labels.items():
        g.add((node, SKOS.prefLabel, Literal(label, lang="en")))
    g.add((EVENT, SKOS.prefLabel, Literal("Xocalı soyqırımı", lang="az")))
    g.add((EVENT, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1363985")))
    return g


def _ontology_graph() -> Graph:
    """The lexicon concepts the test graph uses, typed as the lexicon types them."""
    g = Graph()
    g.add((LEX["measure-killed"], RDF.type, CKG.CasualtyMeasure))
    g.add((LEX["measure-killed"], SKOS.notation, Literal("killed")))
    g.add((LEX["label-genocide"], RDF.type, CKG.ClassificationLabel))
    g.add((LEX["label-genocide"], SKOS.notation, Literal("genocide")))
    g.add((LEX["hedge-reportedly"], RDF.type, CKG.CertaintyHedge))
    g.add((LEX["eventtype-massacre"], RDF.type, CKG.EventType))
    g.add((LEX["genre-encyclopedia"], RDF.type, CKG.Genre))
    g.add((LEX["section-body"], RDF.type, CKG.SectionKind))
    return g


def valid_graphs() -> Graphs:
    return Graphs(_document_graph(), _entities_graph(), _ontology_graph())


def write_store(graphs: Graphs, path: Path) -> Path:
    """Write the graphs into a pyoxigraph store, one named graph each, as a build does."""
    store = ox.Store(str(path))
    for graph, name in ((graphs.doc, doc_graph(DOC_ID)), (graphs.entities, GRAPH_ENTITIES),
                        (graphs.ontology, GRAPH_ONTOLOGY)):
        store.load(graph.serialize(format="nt", encoding="utf-8"),
                   format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(name)))
    store.flush()
    del store
    (path / MARKER).write_text("ckg pyoxigraph store\n", encoding="utf-8")
    return path


def shape_message(local: str) -> str:
    message = SHAPES.value(URIRef(SHAPES_IRI + local), SH.message)
    assert message is not None, f"ckgsh:{local} has no sh:message"
    return str(message)


# ---------------------------------------------------------------- the breaks

def _set(node: URIRef, prop: URIRef, value: object) -> Callable[[Graphs], None]:
    def f(g: Graphs) -> None:
        g.doc.set((node, prop, value))
    return f


def _remove(node: URIRef, prop: URIRef, value: object = None) -> Callable[[Graphs], None]:
    def f(g: Graphs) -> None:
        g.doc.remove((node, prop, value))
    return f


def _add(node: URIRef, prop: URIRef, value: object) -> Callable[[Graphs], None]:
    def f(g: Graphs) -> None:
        g.doc.add((node, prop, value))
    return f


def _shift_evidence_past_end(g: Graphs) -> None:
    n = len(SENTENCES["resolution"])
    g.doc.set((pos("resolution"), OA.start, Literal(len(TEXT) + 1)))
    g.doc.set((pos("resolution"), OA.end, Literal(len(TEXT) + 1 + n)))


def _swap_start_end(g: Graphs) -> None:
    start, end = g.doc.value(pos("perpetrator"), OA.start), g.doc.value(pos("perpetrator"), OA.end)
    g.doc.set((pos("perpetrator"), OA.start, end))
    g.doc.set((pos("perpetrator"), OA.end, start))


def _negative_start(g: Graphs) -> None:
    n = len(SENTENCES["perpetrator"])
    g.doc.set((pos("perpetrator"), OA.start, Literal(-1)))
    g.doc.set((pos("perpetrator"), OA.end, Literal(n - 1)))


def _remove_pref_labels(g: Graphs) -> None:
    g.entities.remove((OTHER_EVENT, SKOS.prefLabel, None))


def _two_english_pref_labels(g: Graphs) -> None:
    g.entities.add((EVENT, SKOS.prefLabel, Literal("Khojaly tragedy", lang="en")))


def _blank_event(g: Graphs) -> None:
    event = BNode("anevent")
    g.doc.add((event, RDF.type, CKG.Event))
    g.doc.add((event, SKOS.prefLabel, Literal("Some event", lang="en")))


def _only_claim_type(g: Graphs) -> None:
    g.doc.remove((CLAIM["classification"], RDF.type, CKG.ClassificationClaim))


@dataclass(frozen=True)
class Break:
    id: str
    mutate: Callable[[Graphs], None]
    shapes: tuple[str, ...]  # every shape the break violates; the first is the one it is for


BREAKS = [
    Break("claim-without-event", _remove(CLAIM["casualty"], CKG.about), ("ClaimAboutShape",)),
    Break("claim-with-two-events", _add(CLAIM["casualty"], CKG.about, OTHER_EVENT),
          ("ClaimAboutShape",)),
    Break("claim-about-an-actor", _set(CLAIM["casualty"], CKG.about, HRW),
          ("ClaimAboutEventShape",)),
    Break("claim-without-stance", _remove(CLAIM["classification"], CKG.stance),
          ("ClaimStanceShape",)),
    Break("stance-not-in-list", _set(CLAIM["classification"], CKG.stance, LEX["hedge-reportedly"]),
          ("ClaimStanceShape",)),
    Break("two-stances", _add(CLAIM["classification"], CKG.stance, CKG.Denies),
          ("ClaimStanceShape",)),
    Break("claim-without-evidence", _remove(CLAIM["classification"], CKG.evidence),
          ("ClaimEvidenceShape",)),
    Break("evidence-not-a-specific-resource",
          _remove(span("classification"), RDF.type, OA.SpecificResource), ("EvidenceSpanShape",)),
    Break("evidence-source-not-a-document", _set(span("classification"), OA.hasSource, EVENT),
          ("EvidenceSourceShape",)),
    Break("evidence-outside-document-length", _shift_evidence_past_end,
          ("EvidenceWithinDocumentShape",)),
    Break("evidence-without-position-selector",
          _remove(span("classification"), OA.hasSelector, pos("classification")),
          ("EvidencePositionShape",)),
    Break("evidence-without-quote-selector",
          _remove(span("classification"), OA.hasSelector, quote("classification")),
          ("EvidenceQuoteShape",)),
    Break("start-after-end", _swap_start_end,
          ("StartBeforeEndShape", "QuoteMatchesPositionShape")),
    Break("negative-start", _negative_start, ("PositionStartShape",)),
    Break("end-not-an-integer", _set(pos("classification"), OA.end, Literal("the end")),
          ("PositionEndShape", "StartBeforeEndShape")),
    Break("quote-without-exact", _remove(quote("classification"), OA.exact),
          ("QuoteExactShape",)),
    Break("quote-longer-than-position",
          _set(quote("classification"), OA.exact, Literal(SENTENCES["classification"] + " ")),
          ("QuoteMatchesPositionShape",)),
    Break("claim-without-attribution", _remove(CLAIM["casualty"], PROV.wasAttributedTo),
          ("ClaimAttributionShape",)),
    Break("claim-with-two-claimants", _add(CLAIM["casualty"], PROV.wasAttributedTo, AZERBAIJAN),
          ("ClaimAttributionShape",)),
    Break("claim-without-document-voice", _remove(CLAIM["casualty"], CKG.documentVoice),
          ("ClaimVoiceShape",)),
    Break("document-voice-not-boolean",
          _set(CLAIM["casualty"], CKG.documentVoice, Literal("no")), ("ClaimVoiceShape",)),
    Break("voice-claim-attributed-to-someone-else",
          _set(CLAIM["perpetrator"], PROV.wasAttributedTo, HRW), ("VoiceAttributionShape",)),
    Break("named-claimant-not-an-actor",
          _set(CLAIM["classification"], PROV.wasAttributedTo, DOC), ("ClaimantIsActorShape",)),
    Break("claim-without-document", _remove(CLAIM["classification"], PROV.wasDerivedFrom),
          ("ClaimDerivationShape",)),
    Break("claim-of-no-claim-type", _only_claim_type, ("ClaimShape", "LabelOnlyInClaimShape")),
    Break("casualty-without-measure", _remove(CLAIM["casualty"], CKG.measure),
          ("CasualtyMeasureShape",)),
    Break("measure-not-a-casualty-measure",
          _set(CLAIM["casualty"], CKG.measure, LEX["label-genocide"]), ("CasualtyMeasureShape",)),
    Break("min-above-max", _add(CLAIM["casualty"], CKG.maxCount, Literal(150)),
          ("MinNotAboveMaxShape",)),
    Break("negative-count", _set(CLAIM["casualty"], CKG.minCount, Literal(-5)),
          ("CasualtyMinShape",)),
    Break("non-integer-count", _add(CLAIM["casualty"], CKG.maxCount, Literal("about 300")),
          ("CasualtyMaxShape", "MinNotAboveMaxShape")),
    Break("decimal-count", _set(CLAIM["casualty"], CKG.minCount, Literal("200.5", datatype=rns.XSD.decimal)),
          ("CasualtyMinShape",)),
    Break("two-min-counts", _add(CLAIM["casualty"], CKG.minCount, Literal(100)),
          ("CasualtyMinShape",)),
    Break("victim-group-not-an-actor", _set(CLAIM["casualty"], CKG.victimGroup, PLACE),
          ("CasualtyVictimGroupShape",)),
    Break("breakdown-negative-count", _set(PART, CKG.count, Literal(-106)),
          ("BreakdownCountShape",)),
    Break("bare-perpetrator-edge-on-event", _add(EVENT, CKG.allegedPerpetrator, ARMENIAN_FORCES),
          ("PerpetratorOnlyInClaimShape",)),
    Break("bare-victim-edge-on-event", _add(EVENT, CKG.victimGroup, AZERBAIJANIS),
          ("VictimGroupOnlyInClaimShape",)),
    Break("bare-measure-on-event", _add(EVENT, CKG.measure, LEX["measure-killed"]),
          ("MeasureOnlyInClaimShape",)),
    Break("bare-label-on-event", _add(EVENT, CKG.label, LEX["label-genocide"]),
          ("LabelOnlyInClaimShape",)),
    Break("bare-formal-act-on-event", _add(EVENT, CKG.formalAct, ACT),
          ("FormalActOnlyInClaimShape",)),
    Break("perpetrator-claim-without-actor",
          _remove(CLAIM["perpetrator"], CKG.allegedPerpetrator), ("PerpetratorActorShape",)),
    Break("perpetrator-is-a-place", _set(CLAIM["perpetrator"], CKG.allegedPerpetrator, PLACE),
          ("PerpetratorActorShape",)),
    Break("classification-without-label", _remove(CLAIM["classification"], CKG.label),
          ("ClassificationLabelShape",)),
    Break("label-not-a-classification-label",
          _set(CLAIM["classification"], CKG.label, LEX["measure-killed"]),
          ("ClassificationLabelShape",)),
    Break("resolution-without-act", _remove(CLAIM["resolution"], CKG.formalAct),
          ("ResolutionActShape",)),
    Break("resolution-act-without-body", _remove(ACT, CKG.adoptedBy), ("FormalActBodyShape",)),
    Break("resolution-act-with-two-bodies", _add(ACT, CKG.adoptedBy, AZERBAIJAN),
          ("FormalActBodyShape",)),
    Break("act-date-as-text", _set(ACT, DCTERMS.date, Literal("27 March 2012")),
          ("FormalActDateShape",)),
    Break("act-concerns-an-actor", _set(ACT, CKG.concerns, SENATE), ("FormalActEventShape",)),
    Break("event-without-pref-label", _remove_pref_labels, ("EventLabelShape",)),
    Break("event-with-two-english-pref-labels", _two_english_pref_labels,
          ("EventUniqueLabelShape",)),
    Break("event-as-blank-node", _blank_event, ("EventShape",)),
    Break("document-without-file-name", _remove(DOC, CKG.fileName), ("DocumentFileNameShape",)),
    Break("document-without-language", _remove(DOC, DCTERMS.language),
          ("DocumentLanguageShape",)),
    Break("document-without-content-hash", _remove(DOC, CKG.contentHash),
          ("DocumentHashShape",)),
    Break("content-hash-not-sha256", _set(DOC, CKG.contentHash, Literal("abc")),
          ("DocumentHashShape",)),
    Break("document-without-text-length", _remove(DOC, CKG.textLength),
          ("DocumentLengthShape",)),
]


@pytest.fixture(scope="module")
def valid_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(valid_graphs(), tmp_path_factory.mktemp("valid") / "store")


def test_valid_graph_conforms(valid_store: Path) -> None:
    report = validate_store(valid_store)
    assert (report.conforms, report.violations) == (True, [])


def test_cli_exits_0_on_a_valid_graph(valid_store: Path) -> None:
    result = CliRunner().invoke(validate_command, ["--store", str(valid_store)])
    assert (result.exit_code, "conforms" in result.output) == (0, True)


def test_cli_json_on_a_valid_graph(valid_store: Path) -> None:
    result = CliRunner().invoke(validate_command, ["--store", str(valid_store), "--format", "json"])
    assert json.loads(result.output)["conforms"] is True


@pytest.mark.parametrize("case", BREAKS, ids=[b.id for b in BREAKS])
def test_each_break_is_reported_by_its_shape(case: Break, tmp_path: Path) -> None:
    graphs = valid_graphs()
    case.mutate(graphs)
    store = write_store(graphs, tmp_path / "store")
    report = validate_store(store)
    assert not report.conforms
    assert {v.shape for v in report.violations} == {f"ckgsh:{s}" for s in case.shapes}
    assert shape_message(case.shapes[0]) in {v.message for v in report.violations}


@pytest.mark.parametrize("case", BREAKS[::6], ids=[b.id for b in BREAKS[::6]])
def test_cli_exits_1_and_names_the_broken_shape(case: Break, tmp_path: Path) -> None:
    graphs = valid_graphs()
    case.mutate(graphs)
    store = write_store(graphs, tmp_path / "store")
    result = CliRunner().invoke(validate_command, ["--store", str(store)])
    assert (result.exit_code, shape_message(case.shapes[0]) in result.output) == (1, True)


def test_every_shape_with_a_constraint_has_a_break() -> None:
    # container shapes only hold sh:property; every other shape must be shown to fire
    structural = {SH.property, SH.message, SH.targetClass, SH.targetObjectsOf,
                  SH.targetSubjectsOf, SH.targetNode, RDF.type, SH.path}
    checking = {
        str(s)[len(SHAPES_IRI):] for s in SHAPES.subjects(RDF.type, None)
        if (SHAPES.value(s, RDF.type) in (SH.NodeShape, SH.PropertyShape))
        and set(SHAPES.predicates(s)) - structural
    }
    assert checking - {s for b in BREAKS for s in b.shapes} == set()


def test_every_shape_has_a_message() -> None:
    shapes = set(SHAPES.subjects(RDF.type, SH.NodeShape)) | set(
        SHAPES.subjects(RDF.type, SH.PropertyShape))
    assert {s for s in shapes if SHAPES.value(s, SH.message) is None} == set()


def test_cli_exits_2_with_one_line_on_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(validate_command, ["--store", str(tmp_path / "nowhere")])
    lines = result.output.strip().splitlines()
    assert (result.exit_code, len(lines), str(tmp_path / "nowhere") in lines[0]) == (2, 1, True)


def test_cli_json_lists_the_violations(tmp_path: Path) -> None:
    graphs = valid_graphs()
    graphs.doc.add((EVENT, CKG.allegedPerpetrator, ARMENIAN_FORCES))
    store = write_store(graphs, tmp_path / "store")
    result = CliRunner().invoke(validate_command, ["--store", str(store), "--format", "json"])
    report = json.loads(result.output)
    assert (result.exit_code, report["conforms"], [v["shape"] for v in report["violations"]]) == (
        1, False, ["ckgsh:PerpetratorOnlyInClaimShape"])


def test_shapes_that_are_not_turtle_name_their_file(tmp_path: Path) -> None:
    from ckg.validate import _parse_turtle
    from graph_build.errors import ValidationError

    bad = tmp_path / "shapes.ttl"
    bad.write_text("ckgsh:Broken a sh:NodeShape", encoding="utf-8")
    with pytest.raises(ValidationError, match="shapes.ttl: not valid Turtle"):
        _parse_turtle(bad, Graph())


def test_shapes_load_from_the_installed_package() -> None:
    assert (URIRef(SHAPES_IRI + "ClaimAboutShape"), RDF.type, SH.PropertyShape) in load_shapes()


# ---------------------------------------------------------------- ontology vs namespace

def _declared_ckg_terms() -> set[str]:
    g = Graph().parse(CKG_TTL)
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    return {
        str(s)[len(CKG_IRI):] for s, _, k in g.triples((None, RDF.type, None))
        if k in kinds and str(s).startswith(CKG_IRI)
    }


def test_every_namespace_term_is_declared_in_the_ontology() -> None:
    assert set(CKG.__annotations__) - _declared_ckg_terms() == set()


def test_every_ontology_term_is_in_the_namespace() -> None:
    assert _declared_ckg_terms() - set(CKG.__annotations__) == set()


def test_every_ontology_term_has_an_english_label_and_comment() -> None:
    g = Graph().parse(CKG_TTL)
    lacking = {
        t for t in _declared_ckg_terms()
        if not any(o.language == "en" for o in g.objects(CKG[t], RDFS.label))
        or not any(o.language == "en" for o in g.objects(CKG[t], RDFS.comment))
    }
    assert lacking == set()


def test_every_ckg_term_the_lexicon_uses_is_declared_in_the_ontology() -> None:
    lexicon = Graph()
    for f in sorted((ONTOLOGY_DIR / "lexicon").glob("*.ttl")):
        lexicon.parse(f)
    used = {str(t)[len(CKG_IRI):] for tr in lexicon for t in tr if str(t).startswith(CKG_IRI)}
    assert used - _declared_ckg_terms() == set()


@pytest.mark.parametrize("path", [CKG_TTL, SHAPES_TTL], ids=["ckg.ttl", "shapes.ttl"])
def test_turtle_parses_with_rdflib_and_pyoxigraph_alike(path: Path) -> None:
    rdflib_count = len(Graph().parse(path, format="turtle"))
    oxigraph_count = len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))
    assert (rdflib_count > 0, rdflib_count) == (True, oxigraph_count)


# ---------------------------------------------------------------- the corpus build

def test_corpus_build_conforms(corpus_store: Path) -> None:
    report = validate_store(corpus_store)
    assert report.conforms, report.summary(first=30)
