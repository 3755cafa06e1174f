"""`ckg viz -o graph.html`: one self-contained page that draws the view offline.

The page carries its data (JSON), its script and its style inline, and a Content
Security Policy that forbids every fetch, so it works from a USB stick and never calls
home. Positions are computed here (ckg.views.layout); the browser only draws.
"""
from __future__ import annotations

import html
import json
import math
from importlib import resources
from typing import Any

import networkx as nx

from . import style
from .layout import SETTINGS, label_sides, positions

# node attributes shown in the detail panel (the rest are internal)
_INFO_KEYS = ("subkind", "begin", "end", "date", "event_type", "file_name", "language",
              "genre", "number", "text", "creator", "isbn", "lat", "lon", "same_as")
# edge attributes that describe the claim behind a contested edge
_CLAIM_KEYS = ("claim_type", "summary", "stance", "claimant", "claimant_id", "claimant_text",
               "document_voice", "event", "document", "document_title", "quote", "quote_start",
               "quote_end",
               "year", "disputed", "disputed_by", "certainty", "victims", "breakdown",
               "classification", "measure", "min", "max")


def _asset(name: str) -> str:
    return resources.files("ckg.views").joinpath("assets", name).read_text(encoding="utf-8")


def page_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The JSON the page draws: nodes with positions, edges by index, claims by id."""
    pos = positions(g)
    sides = label_sides(g, pos)
    order = sorted(g.nodes)
    index = {n: i for i, n in enumerate(order)}
    degree = dict(g.degree())
    nodes = []
    for n in order:
        a = g.nodes[n]
        x, y = pos[n]
        nodes.append({
            "id": n, "label": str(a.get("label", n)), "kind": a["kind"], "x": x, "y": y,
            # area grows with degree, so hubs (events) stand out without hiding the rest
            "r": round(4.0 + 2.2 * math.sqrt(degree.get(n, 0)), 1),
            "info": {k: a[k] for k in _INFO_KEYS if k in a},
        })
        if sides[n] != 1:
            nodes[-1]["side"] = sides[n]  # label left (-1) or above (0); absent: right
    edges = []
    claims: dict[str, dict[str, Any]] = {}
    for u, v, a in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("claim", ""),
                                                                e[2]["relation"])):
        e: dict[str, Any] = {"s": index[u], "t": index[v], "rel": a["relation"],
                             "label": a["label"]}
        if a.get("contested"):
            cid = a["claim"]
            e["claim"] = cid
            if cid not in claims:
                claims[cid] = _claim_record(g, a)
        edges.append(e)
    # secondary leaves (footnotes) sit SETTINGS.ring_gap apart: label them only once
    # zoomed in far enough for a 14 px label per ring slot
    labels = {"secondary": sorted(SETTINGS.secondary), "secondaryScale": 14 / SETTINGS.ring_gap}
    return {"nodes": nodes, "edges": edges, "claims": claims, "style": style.as_json(),
            "labels": labels}


def _claim_record(g: nx.MultiDiGraph, a: dict[str, Any]) -> dict[str, Any]:
    c = {k: a[k] for k in _CLAIM_KEYS if k in a}
    c["type"] = c.pop("claim_type")
    c["voice"] = c.pop("document_voice", False)
    doc = a.get("document")
    if doc in g:
        c["file_name"] = g.nodes[doc].get("file_name", "")
    notes = []
    for ref in str(a.get("cited_works", "")).split():
        r = g.nodes.get(ref, {})
        text = r.get("text") or r.get("label") or ref
        notes.append([r.get("number", "?"), str(text)])
    c["notes"] = notes
    return c


def render_page(g: nx.MultiDiGraph, title: str = "ckg: who says what") -> str:
    """The whole page as one HTML string (UTF-8 text, no external references)."""
    data = json.dumps(page_data(g), ensure_ascii=False, separators=(",", ":"))
    # "</" inside a script element would end it early; JSON allows "<\/" for it
    data = data.replace("</", "<\\/")
    parts = {
        "{{TITLE}}": html.escape(title),
        "{{NODE_COUNT}}": str(g.number_of_nodes()),
        "{{EDGE_COUNT}}": str(g.number_of_edges()),
        "{{CSS}}": _asset("graph.css"),
        "{{JS}}": _asset("graph.js"),
        "{{DATA}}": data,
    }
    out = _asset("graph.html")
    # DATA last: it is user text and must never be scanned for placeholders
    for key in ("{{TITLE}}", "{{NODE_COUNT}}", "{{EDGE_COUNT}}", "{{CSS}}", "{{JS}}"):
        out = out.replace(key, parts[key])
    head, tail = out.split("{{DATA}}", 1)
    return head + data + tail
