"""`ckg viz --format svg|png|pdf`: a print-ready figure of (a neighbourhood of) the view."""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Annotation

from . import style
from .figure import FigureError, figure_bytes, new_figure, separate_labels
from .layout import SETTINGS, label_sides, positions

MAX_NODES = 250  # beyond this a static figure is unreadable; use the page or a filter
MAX_SECONDARY_LABELS = 4  # more footnotes than this around one node go unlabelled in print
UNIT_PT = 8 / 12  # points per layout unit: 8 pt labels where the page draws 12 px ones
# where a label sits for each side label_sides chooses: offset (points), alignment
_LABEL_AT = {1: ((6, 0), "left"), -1: ((-6, 0), "right"), 0: ((0, 9), "center")}


def draw_graph(g: nx.MultiDiGraph, title: str = "") -> tuple[Figure, list[Annotation]]:
    """Draw `g` with matplotlib; return the figure and its node labels.

    Node kinds are told apart by marker shape and colour, claim types by edge colour;
    disputed edges are dashed red. Labels are moved until none overlaps another.
    Raises FigureError if `g` is empty or larger than MAX_NODES.
    """
    n = g.number_of_nodes()
    if n == 0:
        raise FigureError("nothing to draw: the filters leave no node",
                          fix="widen --depth or drop a filter")
    if n > MAX_NODES:
        raise FigureError(f"{n} nodes are too many for a static figure",
                          fix=f"narrow it with --around NODE --depth N (at most {MAX_NODES} "
                              "nodes) or write the interactive page")
    raw = positions(g, seed=3)
    sides = label_sides(g, raw)
    pos = {v: (x, -y) for v, (x, y) in raw.items()}  # y grows upwards
    # the layout's units are page pixels for a 12 px label; the figure's labels are 8 pt
    extent = max(max(x for x, _ in raw.values()), max(y for _, y in raw.values()), 1.0)
    side = min(24.0, max(6.0, extent * UNIT_PT / 72 + 2.0))
    fig, ax = new_figure(side, side * 0.75)
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=13)
    _draw_edges(ax, g, pos)
    degree = dict(g.degree())
    for kind, (_, shape, colour) in style.NODE_STYLE.items():
        members = [v for v, a in g.nodes(data=True) if a["kind"] == kind]
        if not members:
            continue
        ax.scatter([pos[v][0] for v in members], [pos[v][1] for v in members],
                   s=[40 + 25 * math.sqrt(degree[v]) for v in members],
                   marker=style.MARKERS[shape], c=colour, edgecolors="white", linewidths=0.8,
                   zorder=3)
    texts = []
    crowds = _crowded_secondary(g)
    for v, a in sorted(g.nodes(data=True)):
        if v in crowds["hidden"]:
            continue
        label = str(a.get("label", v))
        label = label if len(label) <= 40 else label[:38] + "…"
        if crowds["count"].get(v):
            label += f" ({crowds['count'][v]} {style.NODE_STYLE[crowds['kind'][v]][0].split(' (')[0]}s)"
        bold = a["kind"] == "event"
        offset, align = _LABEL_AT[sides[v]]
        at, va = pos[v], "center"
        if crowds["count"].get(v):
            # above the ring of unlabelled footnotes, which would hem it in anywhere else
            ring = max(math.dist(pos[v], pos[u]) for u, hub in crowds["hidden"].items()
                       if hub == v)
            at, offset, align, va = (pos[v][0], pos[v][1] + ring), (0, 7), "center", "bottom"
        texts.append(ax.annotate(
            label, xy=at, xytext=offset, textcoords="offset points", fontsize=8,
            ha=align, va=va,
            fontweight="bold" if bold else "normal", color="#8a2c00" if bold else "#222",
            zorder=4, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                            "alpha": 0.75},
            arrowprops={"arrowstyle": "-", "color": "#999", "lw": 0.5, "shrinkA": 0,
                        "shrinkB": 3}))
    ax.margins(0.12)
    _legend(ax, g)
    fig.canvas.draw()
    separate_labels(fig, texts, obstacles=_marker_boxes(fig, ax))
    return fig, texts


def _crowded_secondary(g: nx.MultiDiGraph) -> dict[str, dict[str, object]]:
    """Secondary leaves (footnotes) too many around one node to label in print.

    Returns {"hidden": {leaf: hub}, "count": {hub: n}, "kind": {hub: leaf kind}}: the
    leaves stay drawn, unlabelled, and their node's label says how many there are
    (the page labels them when zoomed in).
    """
    by_hub: dict[tuple[str, str], list[str]] = defaultdict(list)
    for v, a in g.nodes(data=True):
        nbrs = set(g.predecessors(v)) | set(g.successors(v))
        nbrs.discard(v)
        if a["kind"] in SETTINGS.secondary and len(nbrs) == 1:
            by_hub[(next(iter(nbrs)), a["kind"])].append(v)
    out: dict[str, dict[str, object]] = {"hidden": {}, "count": {}, "kind": {}}
    for (hub, kind), leaves in sorted(by_hub.items()):
        if len(leaves) > MAX_SECONDARY_LABELS:
            out["hidden"].update({v: hub for v in leaves})
            out["count"][hub] = len(leaves)
            out["kind"][hub] = kind
    return out


def _marker_boxes(fig: Figure, ax: object) -> list[tuple[float, float, float, float, float, float]]:
    """Each drawn node marker as (x0, y0, x1, y1, x, y) in display pixels: labels avoid them."""
    out = []
    for coll in ax.collections:
        offsets = ax.transData.transform(coll.get_offsets())
        for (x, y), size in zip(offsets, coll.get_sizes(), strict=False):
            r = math.sqrt(size) / 2 * fig.dpi / 72
            out.append((x - r, y - r, x + r, y + r, x, y))
    return out


def _draw_edges(ax: object, g: nx.MultiDiGraph, pos: dict[str, object]) -> None:
    """One arrow per edge; parallel edges of one pair are bent apart."""
    pairs: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for u, v, a in g.edges(data=True):
        pairs[(u, v) if u < v else (v, u)].append({"u": u, "v": v, **a})
    for (_, _), group in sorted(pairs.items()):
        for i, a in enumerate(group):
            rad = 0.0 if len(group) == 1 else (i - (len(group) - 1) / 2) * 0.18
            if a["u"] > a["v"]:
                rad = -rad
            if a.get("contested"):
                colour = style.CLAIM_STYLE[str(a["claim_type"])][1]
                width, arrow = 1.4, "-|>"
            else:
                colour, width, arrow = style.STRUCTURAL_COLOUR, 0.7, "-"
            kw = {"arrowstyle": arrow, "mutation_scale": 9, "connectionstyle": f"arc3,rad={rad}",
                  "shrinkA": 5, "shrinkB": 6, "zorder": 1}
            ax.add_patch(FancyArrowPatch(pos[a["u"]], pos[a["v"]], color=colour, lw=width, **kw))
            if a.get("disputed"):
                ax.add_patch(FancyArrowPatch(pos[a["u"]], pos[a["v"]], color=style.DISPUTED_COLOUR,
                                             lw=1.2, linestyle=(0, (4, 3)), **kw))


def _legend(ax: object, g: nx.MultiDiGraph) -> None:
    kinds = {a["kind"] for _, a in g.nodes(data=True)}
    types = {a["claim_type"] for *_, a in g.edges(data=True) if a.get("contested")}
    handles = []
    for kind, (label, shape, colour) in style.NODE_STYLE.items():
        if kind in kinds:
            handles.append(Line2D([], [], linestyle="", marker=style.MARKERS[shape],
                                  color=colour, markersize=7, label=label))
    for t, (label, colour) in style.CLAIM_STYLE.items():
        if t in types:
            handles.append(Line2D([], [], color=colour, lw=1.6, label=label))
    if any(a.get("disputed") for *_, a in g.edges(data=True)):
        handles.append(Line2D([], [], color=style.DISPUTED_COLOUR, lw=1.4, linestyle=(0, (4, 3)),
                              label="disputed: sources disagree"))
    handles.append(Line2D([], [], color=style.STRUCTURAL_COLOUR, lw=0.8, label="structural link"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=3,
              fontsize=7.5, frameon=False)


def render_figure(g: nx.MultiDiGraph, fmt: str, title: str = "") -> bytes:
    """The drawing of `g` as svg, png or pdf bytes. Raises FigureError (see draw_graph)."""
    fig, _ = draw_graph(g, title)
    return figure_bytes(fig, fmt)
