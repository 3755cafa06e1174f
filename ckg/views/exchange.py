"""GraphML and GEXF files of the view, for Gephi, Cytoscape and networkx users.

All attributes are scalars already (see ckg.views.network), so the files round-trip:
`networkx.read_graphml` gives back the same nodes, edges (with their keys) and values.
In GEXF, whose `start`/`end` mean an element's lifetime, the event dates are written as
`begin_date`/`end_date`.
"""
from __future__ import annotations

import networkx as nx

from .figure import FigureError

GRAPH_FORMATS = ("graphml", "gexf")


def write_graph(g: nx.MultiDiGraph, fmt: str) -> bytes:
    """The view as GraphML or GEXF (UTF-8 bytes). Raises FigureError for another format."""
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True,
                                             edge_id_from_attribute=None))
    elif fmt == "gexf":
        h = g.copy()
        # GEXF reserves "start"/"end" for its time dimension (an element's lifetime)
        for _, a in h.nodes(data=True):
            _rename(a, {"begin": "begin_date", "end": "end_date"})
        text = "\n".join(nx.generate_gexf(h, encoding="utf-8", prettyprint=True))
    else:
        raise FigureError(f"unknown graph format {fmt!r}", fix="use graphml or gexf")
    return (text + "\n").encode("utf-8")


def _rename(attrs: dict[str, object], names: dict[str, str]) -> None:
    for old, new in names.items():
        if old in attrs:
            attrs[new] = attrs.pop(old)
