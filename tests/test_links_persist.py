"""Links accepted by `ckg link --write` live in their own graph (id:graph-links): every build
carries them forward, and `ckg build` / `ckg remove` drop the links of entities that are gone.

Real builds of two corpus documents into a store on disk; a real oxigraph server plays the
knowledge base. Its items live under their own prefix (not Wikidata's), so links the
gazetteer already gives never hide the ones under test.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from ckg import api, push, server
from ckg.cli import main

from .query_helpers import free_port

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NB_DOC = "000_2f715927ab984ae8.txt"  # Mars-massakrene: the March Days, and not Black January
EN_DOC = "004_383d63a257376c65.txt"  # Black January, and not the March Days
ID = "https://w3id.org/ckg/id/"
KB = "http://example.org/kb/"
MARCH_DAYS = (ID + "event-march-days", KB + "E1")
BLACK_JANUARY = (ID + "event-black-january", KB + "E2")

# Items shaped like Wikidata's RDF: one per label, so each lookup is unambiguous.
KB_ITEMS = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://example.org/kb/E1> rdfs:label "March Days"@en .
<http://example.org/kb/E2> rdfs:label "Black January"@en .
"""

_LINKS = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?prefix ?entity ?item WHERE { ?entity owl:sameAs ?item FILTER(STRSTARTS(STR(?item), ?prefix)) }
"""


@pytest.fixture(scope="module")
def kb() -> Iterator[str]:
    """A SPARQL server holding KB_ITEMS; yields its query URL."""
    proc, url = server.start_server(None, "127.0.0.1", free_port(), read_only=False)
    try:
        st = ox.Store()
        st.load(KB_ITEMS.encode(), format=ox.RdfFormat.TURTLE)
        data = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
        push.put_graph(url + "/store", KB, data)
        yield url + "/query"
    finally:
        server.stop_server(proc)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with `docs/` (two corpus documents) and `store/` built from them."""
    root = tmp_path_factory.mktemp("links")
    (root / "docs").mkdir()
    for name in (NB_DOC, EN_DOC):
        shutil.copy(CORPUS / name, root / "docs" / name)
    api.build([root / "docs"], root / "store")
    return root


@pytest.fixture()
def linked(built: Path, kb: str, tmp_path: Path) -> Path:
    """A copy of `built` whose store went through `ckg link --write`."""
    root = tmp_path / "work"
    shutil.copytree(built, root)
    ckg("link", "--store", str(root / "store"), "--endpoint", kb, "--item-prefix", KB, "--write")
    return root


def ckg(*args: str) -> Result:
    """Run the ckg command line in-process; fails the test on a non-zero exit."""
    res = CliRunner().invoke(main, list(args))
    assert res.exit_code == 0, res.output
    return res


def links(store: Path) -> set[tuple[str, str]]:
    """(entity, item) of every owl:sameAs to a KB item, over the union of the store's graphs."""
    st = ox.Store.read_only(str(store))
    rows = st.query(_LINKS, use_default_graph_as_union=True,
                    substitutions={ox.Variable("prefix"): ox.Literal(KB)})
    return {(row["entity"].value, row["item"].value) for row in rows}


def graph_links(store: Path, graph: str) -> set[tuple[str, str]]:
    """(subject, object) of the owl:sameAs triples in one named graph."""
    st = ox.Store.read_only(str(store))
    same_as = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    return {(q.subject.value, q.object.value)
            for q in st.quads_for_pattern(None, same_as, None, ox.NamedNode(graph))
            if q.object.value.startswith(KB)}


def mentions(store: Path, entity: str) -> int:
    """How many triples of the store (any graph) have `entity` as subject."""
    st = ox.Store.read_only(str(store))
    return sum(1 for _ in st.quads_for_pattern(ox.NamedNode(entity), None, None, None))


def test_link_write_reports_the_links(built: Path, kb: str, tmp_path: Path) -> None:
    shutil.copytree(built, tmp_path / "work")
    res = ckg("link", "--store", str(tmp_path / "work" / "store"), "--endpoint", kb,
              "--item-prefix", KB, "--write")
    assert res.stdout.splitlines()[-1].startswith("2 linked, 0 ambiguous, ")


def test_link_write_records_links_in_the_links_graph(linked: Path) -> None:
    assert graph_links(linked / "store", ID + "graph-links") == {MARCH_DAYS, BLACK_JANUARY}


def test_link_write_leaves_the_entities_graph_alone(linked: Path) -> None:
    assert graph_links(linked / "store", ID + "graph-entities") == set()


def test_links_survive_a_build_of_unchanged_documents(linked: Path) -> None:
    res = ckg("build", str(linked / "docs"), "--store", str(linked / "store"))
    assert (f"unchanged: {EN_DOC}" in res.stdout.splitlines(),
            links(linked / "store")) == (True, {MARCH_DAYS, BLACK_JANUARY})


def test_links_survive_a_build_of_a_changed_document(linked: Path) -> None:
    with (linked / "docs" / EN_DOC).open("a", encoding="utf-8") as f:
        f.write("\nThe victims of Black January are remembered every year in Baku.\n")
    res = ckg("build", str(linked / "docs"), "--store", str(linked / "store"))
    assert (f"replaced: {EN_DOC}" in " ".join(res.stdout.splitlines()),
            links(linked / "store")) == (True, {MARCH_DAYS, BLACK_JANUARY})


def test_unchanged_rebuild_exports_the_same_bytes(linked: Path) -> None:
    before = api.export(linked / "store", "nquads")
    ckg("build", str(linked / "docs"), "--store", str(linked / "store"))
    assert api.export(linked / "store", "nquads") == before


def test_failed_build_keeps_the_links(linked: Path) -> None:
    res = CliRunner().invoke(main, ["build", str(linked / "no-such-folder"),
                                    "--store", str(linked / "store")])
    assert (res.exit_code, links(linked / "store")) == (1, {MARCH_DAYS, BLACK_JANUARY})


def test_remove_keeps_the_links_of_entities_still_present(linked: Path) -> None:
    ckg("remove", NB_DOC, "--store", str(linked / "store"))
    assert links(linked / "store") == {BLACK_JANUARY}


def test_remove_leaves_no_link_dangling_from_a_vanished_entity(linked: Path) -> None:
    ckg("remove", NB_DOC, "--store", str(linked / "store"))
    assert mentions(linked / "store", MARCH_DAYS[0]) == 0


def test_readding_a_removed_document_does_not_restore_its_links(linked: Path, kb: str) -> None:
    """Documented: a dropped link is gone; `ckg link --write` proposes it again."""
    ckg("remove", NB_DOC, "--store", str(linked / "store"))
    ckg("build", str(linked / "docs"), "--store", str(linked / "store"))
    dry = ckg("link", "--store", str(linked / "store"), "--endpoint", kb, "--item-prefix", KB)
    assert (links(linked / "store"),
            f"would link {MARCH_DAYS[0]} ('March Days') owl:sameAs {MARCH_DAYS[1]}"
            in dry.stdout.splitlines()) == ({BLACK_JANUARY}, True)


def test_relinking_after_a_build_adds_nothing(linked: Path, kb: str) -> None:
    ckg("build", str(linked / "docs"), "--store", str(linked / "store"))
    dry = ckg("link", "--store", str(linked / "store"), "--endpoint", kb, "--item-prefix", KB)
    assert dry.stdout.splitlines()[-1].startswith("0 would link, 0 ambiguous, ")
