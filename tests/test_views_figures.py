"""Static figures and charts: readable labels, the right marks, errors users can act on."""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest

from ckg.views.charts import casualty_estimates, estimates_chart, timeline_chart, timeline_items
from ckg.views.figure import (
    FigureError,
    figure_bytes,
    new_figure,
    overlapping_labels,
    separate_labels,
)
from ckg.views.network import ViewFilter, filter_view, load_view
from ckg.views.static import draw_graph, render_figure
from tests.views_helpers import figure_label_and_marker_boxes, mini_store, overlapping_pairs


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    return load_view(mini_store(tmp_path_factory.mktemp("figures")))


@pytest.fixture(scope="module")
def corpus_view(corpus_store: Path) -> nx.MultiDiGraph:
    return load_view(corpus_store)


@pytest.mark.parametrize("event", ["Khojaly massacre", "Black January", "March Days",
                                   "Baku pogrom"])
def test_corpus_neighbourhood_labels_do_not_overlap(corpus_view: nx.MultiDiGraph,
                                                    event: str) -> None:
    fig, texts = draw_graph(filter_view(corpus_view, ViewFilter(around=event, depth=1)))
    assert overlapping_labels(fig, texts) == []


# what a reader of the figure sees: no label on another label, none on another node
# (the corpus's own figure was the crowded one: 51 labels on labels, 175 on nodes)
@pytest.mark.parametrize("event", [None, "Khojaly massacre", "Black January", "March Days",
                                   "Baku pogrom"],
                         ids=["whole-corpus", "khojaly", "black-january", "march-days", "baku"])
def test_corpus_figure_labels_cover_no_other_label_or_node(corpus_view: nx.MultiDiGraph,
                                                           event: str | None) -> None:
    g = corpus_view if event is None else filter_view(corpus_view, ViewFilter(around=event,
                                                                                depth=1))
    labels, markers = figure_label_and_marker_boxes(*draw_graph(g))
    assert (overlapping_pairs(labels), overlapping_pairs(labels, markers)) == ([], [])


# the corpus grew and pushing labels apart went round in circles: "European Court of
# Human Rights" ended on a node; whatever pushing leaves overlapping must still get a spot
def test_labels_pushing_cannot_part_end_on_no_label_and_no_node() -> None:
    fig, ax = new_figure(4, 3)
    ring = [(math.cos(a / 3), math.sin(a / 3)) for a in range(18)]
    markers = ax.scatter([x for x, _ in ring], [y for _, y in ring], s=60)
    texts = [ax.annotate(f"European Court {i}", xy=(0, 0), xytext=(6, 0),
                         textcoords="offset points", fontsize=8) for i in range(10)]
    ax.set_xlim(-3, 3)
    ax.set_ylim(-3, 3)
    fig.canvas.draw()
    r = math.sqrt(60) / 2 * fig.dpi / 72
    obstacles = [(x - r, y - r, x + r, y + r, x, y)
                 for x, y in ax.transData.transform(markers.get_offsets())]
    separate_labels(fig, texts, obstacles=obstacles, rounds=1)  # one round: a crowd stays
    labels, nodes = figure_label_and_marker_boxes(fig, texts)
    assert (overlapping_pairs(labels), overlapping_pairs(labels, nodes)) == ([], [])


def test_mini_graph_labels_do_not_overlap(view: nx.MultiDiGraph) -> None:
    fig, texts = draw_graph(view)
    assert overlapping_labels(fig, texts) == []


@pytest.mark.parametrize("fmt,magic", [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_figure_formats(view: nx.MultiDiGraph, fmt: str, magic: bytes) -> None:
    assert render_figure(view, fmt).startswith(magic)


def test_svg_figure_is_reproducible(view: nx.MultiDiGraph) -> None:
    assert render_figure(view, "svg") == render_figure(view, "svg")


def test_empty_figure_is_refused(view: nx.MultiDiGraph) -> None:
    with pytest.raises(FigureError, match="nothing to draw"):
        render_figure(nx.MultiDiGraph(), "svg")


def test_estimates_one_row_per_claim(view: nx.MultiDiGraph) -> None:
    rows = casualty_estimates(view, "Khojaly massacre")
    assert [(r["claimant"], r["min"], r["max"], r["year"], r["disputed"]) for r in rows] == [
        ("Human Rights Watch", 200, None, 1994, False),
        ("Azerbaijani parliament", 485, 485, 2004, True),
        ("Human Rights Watch", 500, 1000, 1994, True),
        ("Azerbaijani government", 613, 613, 2015, True)]


def test_estimates_chart_labels_claimants_and_values(view: nx.MultiDiGraph) -> None:
    svg = figure_bytes(estimates_chart(view, "Khojaly massacre"), "svg").decode()
    assert all(s in svg for s in ("Azerbaijani government, 2015", "613", "at least 200",
                                  "500–1,000", "killed"))


def test_estimates_of_an_event_without_tolls_is_an_error(view: nx.MultiDiGraph) -> None:
    with pytest.raises(FigureError, match="no casualty claims"):
        estimates_chart(view, "First Nagorno-Karabakh War")


def test_corpus_khojaly_estimates_include_613(corpus_view: nx.MultiDiGraph) -> None:
    assert 613 in {r["min"] for r in casualty_estimates(corpus_view, "Khojaly massacre")}


def test_timeline_places_acts_on_their_event(view: nx.MultiDiGraph) -> None:
    events, acts = timeline_items(view)
    assert ([e["label"] for e in events], [(a["label"], a["event"]) for a in acts]) == (
        ["First Nagorno-Karabakh War", "Black January", "Khojaly massacre"],
        [("Fatullayev v. Azerbaijan", ["event-khojaly-massacre"])])


def test_timeline_chart_draws(corpus_view: nx.MultiDiGraph) -> None:
    svg = figure_bytes(timeline_chart(corpus_view), "svg").decode()
    assert "Khojaly massacre" in svg
