"""The networkx view read from a store: nodes, typed edges, evidence, disputes, filters."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from ckg.views.network import ViewFilter, filter_view, load_view, parse_date, summary
from graph_build.errors import QueryError, StoreError
from tests.views_helpers import mini_store


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    return load_view(mini_store(tmp_path_factory.mktemp("views")))


def _edge(g: nx.MultiDiGraph, claim: str, relation: str) -> dict:
    return next(a for *_, a in g.edges(data=True)
                if a.get("claim") == claim and a["relation"] == relation)


def test_view_is_a_multidigraph_of_every_kind(view: nx.MultiDiGraph) -> None:
    assert isinstance(view, nx.MultiDiGraph)
    assert summary(view) == {"event": 3, "actor": 13, "place": 2, "document": 2,
                             "cited_work": 6, "act": 1, "edges": 31, "contested_edges": 16,
                             "disputed_edges": 12}


@pytest.mark.parametrize("source,relation,target", [
    ("actor-armenian-forces", "alleged_perpetrator_of", "event-khojaly-massacre"),
    ("actor-azerbaijani-civilians", "victim_group_of", "event-khojaly-massacre"),
    ("actor-azerbaijani-government", "claims_about", "event-khojaly-massacre"),
    ("actor-azerbaijani-sources", "classifies_as", "event-khojaly-massacre"),
    ("act-00000000000000a1", "adopted_by", "actor-european-court-of-human-rights"),
    ("act-00000000000000a1", "concerns", "event-khojaly-massacre"),
    ("event-khojaly-massacre", "reported_in", "doc-003_3dd444bb38705b39"),
    ("doc-003_3dd444bb38705b39", "cites", "ref-003_3dd444bb38705b39-4"),
    ("event-khojaly-massacre", "part_of", "event-first-nagorno-karabakh-war"),
    ("event-khojaly-massacre", "took_place_in", "place-khojaly"),
    ("doc-003_3dd444bb38705b39", "published_by", "actor-english-wikipedia"),
], ids=["perpetrator", "victim-group", "claims-about", "classifies-as", "adopted-by",
        "concerns", "reported-in", "cites", "part-of", "took-place-in", "published-by"])
def test_typed_edges(view: nx.MultiDiGraph, source: str, relation: str, target: str) -> None:
    relations = {a["relation"] for a in view.get_edge_data(source, target, default={}).values()}
    assert relation in relations


def test_perpetrator_edge_reads_according_to_the_claimant(view: nx.MultiDiGraph) -> None:
    a = _edge(view, "claim-00000000000000c7", "alleged_perpetrator_of")
    assert a["label"] == "alleged perpetrator of (according to Nikol Pashinyan)"


def test_contested_edge_keeps_claimant_and_evidence(view: nx.MultiDiGraph) -> None:
    a = _edge(view, "claim-00000000000000c4", "claims_about")
    assert {k: a[k] for k in ("claimant", "claimant_text", "min", "max", "measure", "document",
                              "quote_start", "quote_end", "footnotes", "year", "breakdown")} == {
        "claimant": "Azerbaijani government", "claimant_text": "the Azerbaijani authorities",
        "min": 613, "max": 613, "measure": "killed", "document": "doc-003_3dd444bb38705b39",
        "quote_start": 1370, "quote_end": 1476, "footnotes": "4", "year": 2015,
        "breakdown": "106 women; 63 children"}
    assert a["quote"].startswith("The death toll given by the Azerbaijani authorities is 613")


def test_document_voice_is_attributed_to_the_publisher(view: nx.MultiDiGraph) -> None:
    a = _edge(view, "claim-00000000000000c5", "claims_about")
    assert (a["claimant_id"], a["document_voice"]) == ("actor-english-wikipedia", True)


@pytest.mark.parametrize("claim,disputed", [
    ("claim-00000000000000c1", False),   # at least 200: overlaps every other figure
    ("claim-00000000000000c2", True),    # 500-1,000 vs 485
    ("claim-00000000000000c3", True),    # 485 vs 613
    ("claim-00000000000000c4", True),    # 613 vs 485
    ("claim-00000000000000c5", True),    # Armenian forces vs Popular Front
    ("claim-00000000000000c7", True),    # Popular Front vs Armenian forces
    ("claim-00000000000000c8", True),    # genocide vs fabrication
    ("claim-00000000000000c9", True),    # fabrication vs genocide
    ("claim-0000000000000c10", False),   # a judgment nobody contests
    ("claim-0000000000000c11", False),   # Black January: one toll only
], ids=["lower-bound-200", "range-500-1000", "485", "613", "armenian-forces",
        "popular-front", "genocide", "fabrication", "judgment", "black-january-147"])
def test_disputed_flag(view: nx.MultiDiGraph, claim: str, disputed: bool) -> None:
    flags = {a["disputed"] for *_, a in view.edges(data=True) if a.get("claim") == claim}
    assert flags == {disputed}


def test_disputed_edge_names_who_disputes_it(view: nx.MultiDiGraph) -> None:
    a = _edge(view, "claim-00000000000000c3", "claims_about")
    assert a["disputed_by"] == "Azerbaijani government; Human Rights Watch"


@pytest.mark.parametrize("f,expected", [
    (ViewFilter(event="Black January"),
     {"event-black-january", "place-baku", "doc-002_b826abae50612879", "actor-official-figures",
      "actor-azerbaijani-ministry-of-foreign-affairs"}),
    (ViewFilter(around="Nikol Pashinyan", depth=1),
     {"actor-nikol-pashinyan", "event-khojaly-massacre"}),
    (ViewFilter(claimants=frozenset({"Human Rights Watch"}), around="event-khojaly-massacre",
                depth=1, claim_types=frozenset({"casualty"})),
     {"event-khojaly-massacre", "actor-human-rights-watch", "place-khojaly",
      "event-first-nagorno-karabakh-war", "doc-003_3dd444bb38705b39", "act-00000000000000a1"}),
], ids=["event", "around-depth-1", "claimant-and-type"])
def test_filter_keeps_nodes(view: nx.MultiDiGraph, f: ViewFilter, expected: set[str]) -> None:
    assert set(filter_view(view, f).nodes) == expected


@pytest.mark.parametrize("f,kept,dropped", [
    (ViewFilter(date_to="1991"), "event-black-january", "event-khojaly-massacre"),
    (ViewFilter(date_from="1992-02"), "event-khojaly-massacre", "event-black-january"),
    (ViewFilter(documents=frozenset({"002_b826abae50612879.txt"})), "doc-002_b826abae50612879",
     "doc-003_3dd444bb38705b39"),
    (ViewFilter(claim_types=frozenset({"classification"})), "actor-azerbaijani-sources",
     "actor-azerbaijani-parliament"),
], ids=["date-to", "date-from", "document", "claim-type"])
def test_filter_drops(view: nx.MultiDiGraph, f: ViewFilter, kept: str, dropped: str) -> None:
    h = filter_view(view, f)
    assert (kept in h, dropped in h) == (True, False)


@pytest.mark.parametrize("f", [
    ViewFilter(event="Sumgait pogrom"), ViewFilter(around="nobody"),
    ViewFilter(claim_types=frozenset({"rumour"})),
], ids=["unknown-event", "unknown-node", "unknown-claim-type"])
def test_filter_rejects_what_the_view_lacks(view: nx.MultiDiGraph, f: ViewFilter) -> None:
    with pytest.raises(QueryError):
        filter_view(view, f)


def test_parse_date_rejects_non_dates() -> None:
    with pytest.raises(QueryError, match="YYYY"):
        parse_date("Feb 1992")


def test_load_view_of_a_plain_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        load_view(tmp_path)


def test_corpus_view_has_khojaly_with_its_613_claim(corpus_store: Path) -> None:
    g = load_view(corpus_store)
    tolls = {a.get("min") for *_, a in g.in_edges("event-khojaly-massacre", data=True)
             if a.get("claim_type") == "casualty"}
    assert 613 in tolls
