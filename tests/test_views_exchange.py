"""GraphML and GEXF of the view round-trip through networkx."""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from ckg.views.exchange import write_graph
from ckg.views.network import load_view
from tests.views_helpers import mini_store


@pytest.fixture(scope="module", params=["mini", "corpus"])
def view(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> nx.MultiDiGraph:
    if request.param == "mini":
        return load_view(mini_store(tmp_path_factory.mktemp("exchange")))
    return load_view(request.getfixturevalue("corpus_store"))


def test_graphml_round_trips_nodes_and_edges(view: nx.MultiDiGraph) -> None:
    back = nx.read_graphml(io.BytesIO(write_graph(view, "graphml")))
    assert (set(back.nodes), set(back.edges(keys=True))) == (set(view.nodes),
                                                             set(view.edges(keys=True)))


def test_graphml_round_trips_attributes(view: nx.MultiDiGraph) -> None:
    back = nx.read_graphml(io.BytesIO(write_graph(view, "graphml")))
    edges = {(u, v, k): a for u, v, k, a in back.edges(keys=True, data=True)}
    assert (dict(back.nodes(data=True)), edges) == (
        dict(view.nodes(data=True)),
        {(u, v, k): a for u, v, k, a in view.edges(keys=True, data=True)})


def test_gexf_reads_back_with_the_same_nodes(view: nx.MultiDiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(write_graph(view, "gexf")))
    assert (set(back.nodes), back.number_of_edges()) == (set(view.nodes), view.number_of_edges())


def test_graphml_file_is_written_by_the_cli(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ckg.views.cli import viz

    store = mini_store(tmp_path)
    out = tmp_path / "ckg.graphml"
    result = CliRunner().invoke(viz, ["--store", str(store), "-o", str(out)])
    assert (result.exit_code, nx.read_graphml(out).number_of_nodes()) == (0, 27)
