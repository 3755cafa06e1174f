"""`ckg push` replaces each document's graph on a real server; `ckg link` writes owl:sameAs
only for labels that match exactly one item of a Wikidata-shaped endpoint."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from ckg import link, push, server
from ckg.cli_query import COMMANDS
from ckg.queries import RemoteRunner
from graph_build.errors import EndpointError

from .query_helpers import free_port, make_store

ID = "https://w3id.org/ckg/id/"
WD = "http://www.wikidata.org/entity/"
DOC4_GRAPH = ID + "graph-doc-004_383d63a257376c65"
SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
ENTITIES = ox.NamedNode(ID + "graph-entities")
LINKS = ox.NamedNode(ID + "graph-links")

cli = click.Group("ckg", commands={c.name: c for c in COMMANDS})

# A few items shaped like Wikidata's RDF: labels and aliases with language tags.
WIKIDATA_FIXTURE = """
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
wd:Q187052 rdfs:label "Human Rights Watch"@en ; skos:altLabel "HRW"@en .
wd:Q900001 rdfs:label "Black January"@en ; skos:altLabel "Black January"@en , "January Massacre"@en .
wd:Q900002 rdfs:label "Baku"@en .
wd:Q900003 rdfs:label "Baku"@de ; skos:altLabel "Baku"@en .
wd:Q900004 rdfs:label "Soviet Army"@ru .
wd:Q900005 rdfs:label "soviet army"@en .
wd:Q900006 rdfs:label "Khojaly massacre"@en .
<http://example.org/not-an-item> rdfs:label "Yair Auron"@en .
"""


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    return make_store(tmp_path / "store")


@pytest.fixture()
def rw_server(tmp_path: Path) -> Iterator[str]:
    proc, url = server.start_server(tmp_path / "server", "127.0.0.1", free_port(), read_only=False)
    try:
        yield url
    finally:
        server.stop_server(proc)


def remote_count(url: str, graph: str) -> int:
    res = RemoteRunner(url + "/query").run(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
        {"g": ox.NamedNode(graph)})
    return int(res.rows[0][1].value) if res.rows else 0


def local_count(store: Path, graph: str) -> int:
    st = ox.Store.read_only(str(store))
    return sum(1 for _ in st.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


# ---------------------------------------------------------------- push

def test_push_sends_one_graph_per_document(store: Path, rw_server: str) -> None:
    report = push.push(store, rw_server + "/store")
    assert [g for g, _, _ in report.graphs] == [
        ID + "graph-doc-003_3dd444bb38705b39", DOC4_GRAPH, ID + "graph-entities",
        ID + "graph-ontology"]


def test_push_twice_replaces_a_documents_graph(store: Path, rw_server: str) -> None:
    push.push(store, rw_server + "/store")
    # the document changes locally: one claim fewer
    st = ox.Store(str(store))
    claim = ox.NamedNode(ID + "claim-0000000000000015")
    gone = list(st.quads_for_pattern(claim, None, None, ox.NamedNode(DOC4_GRAPH)))
    for quad in gone:
        st.remove(quad)
    st.flush()
    del st
    push.push(store, rw_server + "/store")
    assert (remote_count(rw_server, DOC4_GRAPH), len(gone)) == (100 - 13, 13)


def test_push_same_store_twice_does_not_duplicate(store: Path, rw_server: str) -> None:
    push.push(store, rw_server + "/store")
    push.push(store, rw_server + "/store")
    assert remote_count(rw_server, DOC4_GRAPH) == local_count(store, DOC4_GRAPH)


def test_push_command_reports_graphs(store: Path, rw_server: str) -> None:
    res = CliRunner().invoke(cli, ["push", "--store", str(store), "--endpoint",
                                   rw_server + "/store"])
    assert (res.exit_code, res.stdout.splitlines()[-1]) == (
        0, f"4 graphs, 524 triples -> {rw_server}/store")


def test_push_to_nowhere_is_an_endpoint_error(store: Path) -> None:
    with pytest.raises(EndpointError, match="cannot reach the server"):
        push.push(store, "http://127.0.0.1:9/store")


# ---------------------------------------------------------------- link

@pytest.fixture()
def wikidata(rw_server: str, tmp_path: Path) -> str:
    """The read-write server loaded with the Wikidata-shaped fixture; returns its query URL."""
    st = ox.Store()
    st.load(WIKIDATA_FIXTURE.encode(), format=ox.RdfFormat.TURTLE)
    data = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
    push.put_graph(rw_server + "/store", "http://www.wikidata.org/", data)
    return rw_server + "/query"


def same_as(store: Path, graph: ox.NamedNode) -> set[tuple[str, str]]:
    st = ox.Store.read_only(str(store))
    return {(q.subject.value, q.object.value)
            for q in st.quads_for_pattern(None, SAME_AS, None, graph)}


def test_link_writes_only_unambiguous_matches(store: Path, wikidata: str) -> None:
    link.link(store, wikidata, write=True)
    assert same_as(store, LINKS) == {
        (ID + "actor-human-rights-watch", WD + "Q187052"),
        (ID + "event-black-january", WD + "Q900001"),
    }


def test_link_leaves_the_entities_graph_alone(store: Path, wikidata: str) -> None:
    link.link(store, wikidata, write=True)
    assert same_as(store, ENTITIES) == {(ID + "event-khojaly-massacre", WD + "Q1134483")}


def test_link_reports_ambiguous_and_missing(store: Path, wikidata: str) -> None:
    report = link.link(store, wikidata)
    assert (report.ambiguous, ("https://w3id.org/ckg/id/actor-soviet-army", "Soviet Army")
            in report.unmatched, ("https://w3id.org/ckg/id/actor-yair-auron", "Yair Auron")
            in report.unmatched) == ([(ID + "place-baku", "Baku", 2)], True, True)


def test_link_dry_run_leaves_the_store_alone(store: Path, wikidata: str) -> None:
    before = len(ox.Store.read_only(str(store)))
    link.link(store, wikidata, write=False)
    assert len(ox.Store.read_only(str(store))) == before


def test_link_command(store: Path, wikidata: str) -> None:
    res = CliRunner().invoke(cli, ["link", "--store", str(store), "--endpoint", wikidata,
                                   "--write"])
    assert (res.exit_code, res.stdout.splitlines()[-1]) == (
        0, "2 linked, 1 ambiguous, 13 without match")


def test_link_to_nowhere_is_an_endpoint_error(store: Path) -> None:
    with pytest.raises(EndpointError):
        link.link(store, "http://127.0.0.1:9/query")
