"""The networkx view of the graph: who alleges what about which event, read through SPARQL.

`read_view(store)` returns a `networkx.MultiDiGraph` whose nodes are the events, actors,
places, documents, cited works and formal acts of the store, and whose edges are of two
sorts:

- structural edges (`contested=False`): "took place in", "part of", "related to",
  "reported in", "cites", "published by", "adopted by", "concerns";
- contested edges (`contested=True`), one or two per claim, that keep the claimant and the
  evidence (quote, offsets, document, footnotes) as edge attributes:
  claimant -> event "claims about" (casualty, perpetrator and resolution claims) or
  "classifies as <label>" (classification claims); perpetrator -> event "alleged
  perpetrator of (according to X)"; victim group -> event "victim group of (according
  to X)".

Every attribute is a GraphML-safe scalar (str, int, float, bool); absent values are
left out rather than stored as None. Lists (footnotes, cited works) are space-separated
strings. Node ids are the `id:` local names (`event-khojaly-massacre`).

An edge is flagged `disputed=True` where sources disagree (see `mark_disputes`).
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph_build.errors import QueryError
from graph_build.namespaces import CKG_IRI, ID_IRI
from graph_build.store import open_store

# ckg class local name -> (node kind, sub-kind); the most specific class wins (order).
_CLASS_KINDS: list[tuple[str, str, str]] = [
    ("Conflict", "event", "conflict"),
    ("Event", "event", "event"),
    ("Person", "actor", "person"),
    ("State", "actor", "state"),
    ("ArmedGroup", "actor", "armed group"),
    ("PopulationGroup", "actor", "population group"),
    ("Organisation", "actor", "organisation"),
    ("Actor", "actor", "actor"),
    ("Place", "place", "place"),
    ("Document", "document", "document"),
    ("CitedWork", "cited_work", "cited work"),
    ("Resolution", "act", "resolution"),
    ("Declaration", "act", "declaration"),
    ("Decree", "act", "decree"),
    ("Proclamation", "act", "proclamation"),
    ("Judgment", "act", "judgment"),
    ("ProsecutorFinding", "act", "prosecutor finding"),
    ("InquiryFinding", "act", "inquiry finding"),
    ("FormalAct", "act", "formal act"),
]
NODE_KINDS = ("event", "actor", "place", "document", "cited_work", "act")

CLAIM_TYPES = {
    "CasualtyClaim": "casualty",
    "PerpetratorClaim": "perpetrator",
    "ClassificationClaim": "classification",
    "ResolutionClaim": "resolution",
}

# view relation key -> how a reader sees it
RELATIONS = {
    "took_place_in": "took place in",
    "part_of": "part of",
    "related_to": "related to",
    "reported_in": "reported in",
    "cites": "cites",
    "published_by": "published by",
    "adopted_by": "adopted by",
    "concerns": "concerns",
    "claims_about": "claims about",
    "classifies_as": "classifies as",
    "alleged_perpetrator_of": "alleged perpetrator of",
    "victim_group_of": "victim group of",
}
CONTESTED_RELATIONS = ("claims_about", "classifies_as", "alleged_perpetrator_of",
                       "victim_group_of")


def _query_text(name: str) -> str:
    """The text of ckg/views/queries/<name>.rq (shipped as package data)."""
    try:
        return resources.files("ckg.views").joinpath("queries", f"{name}.rq").read_text(
            encoding="utf-8")
    except FileNotFoundError as e:
        raise QueryError("view query missing", where=f"ckg/views/queries/{name}.rq") from e


def _rows(store: ox.Store, name: str) -> list[dict[str, Any]]:
    """Run a view query over the union of all graphs; return rows as {var: python value}."""
    solutions = store.query(_query_text(name), use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    rows = []
    for sol in solutions:
        rows.append({n: _py(sol[n]) for n in names if sol[n] is not None})
    return rows


_INT_TYPES = {"integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
              "gYear"}


def _py(term: Any) -> Any:
    """A pyoxigraph term as a Python scalar: IRIs and strings as str, numbers as numbers."""
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        if dt == "boolean":
            return term.value == "true"
        if dt in _INT_TYPES and dt != "gYear":
            return int(term.value)
        if dt in ("decimal", "double", "float"):
            return float(term.value)
        return term.value
    return term.value


def node_id(iri: str) -> str:
    """The view's node id for an IRI: the local name under `id:`, else the IRI itself.

    >>> node_id("https://w3id.org/ckg/id/event-khojaly-massacre")
    'event-khojaly-massacre'
    """
    return iri.removeprefix(ID_IRI)


def _best_labels(rows: Iterable[dict[str, Any]], lang: str = "en") -> dict[str, str]:
    """node IRI -> its preferred label: highest rank, then `lang`, then untagged, then any.

    Ties are broken by the label text, so the choice never depends on row order.
    """
    cands: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in rows:
        lang_score = 2 if r.get("lang") == lang else 1 if not r.get("lang") else 0
        cands[r["node"]].append((-int(r["rank"]), -lang_score, r["label"]))
    return {node: min(c)[2] for node, c in cands.items()}


def _year(value: Any) -> int | None:
    """The year of an xsd:date / gYearMonth / gYear lexical form, or None."""
    if value is None:
        return None
    s = str(value)
    if len(s) >= 4 and s[:4].isdigit():
        return int(s[:4])
    return None


def _add_node_attrs(g: nx.MultiDiGraph, store: ox.Store) -> dict[str, str]:
    """Add every node with kind, sub-kind, label and scalar facts; return IRI -> node id."""
    classes: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "view_nodes"):
        classes[r["node"]].add(r["class"][len(CKG_IRI):])
    labels = _best_labels(_rows(store, "view_labels"))
    ids: dict[str, str] = {}
    for iri, cls in classes.items():
        kind, sub = next((k, s) for c, k, s in _CLASS_KINDS if c in cls)
        nid = node_id(iri)
        ids[iri] = nid
        g.add_node(nid, kind=kind, subkind=sub, iri=iri, label=labels.get(iri, nid))
    attrs: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in _rows(store, "view_attributes"):
        if r["node"] in ids:
            attrs[r["node"]][r["key"]].append(r.get("notation", r["value"]))
    for iri, kv in attrs.items():
        node = g.nodes[ids[iri]]
        for key, values in kv.items():
            if key == "text" and node["kind"] != "cited_work":
                continue  # the reference entry as written; other nodes' rdfs:label repeat labels
            values = sorted(set(values), key=str)
            # creators are many by nature; other facts are single-valued in the model
            node[key] = "; ".join(map(str, values)) if key == "creator" else values[0]
    for nid, data in g.nodes(data=True):
        if data["kind"] == "cited_work":
            # an entry without a parsed title is known by its text as written
            title = data["label"] if data["label"] != nid else data.get("text", nid)
            number = f"[{data['number']}] " if "number" in data else ""
            data["label"] = _shorten(f"{number}{title}", 120)
    return ids


def _shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0] + "…"


def _ensure_node(g: nx.MultiDiGraph, ids: dict[str, str], iri: str, kind: str) -> str:
    """The node id of `iri`, adding a bare node when the store never typed it."""
    if iri not in ids:
        nid = node_id(iri)
        ids[iri] = nid
        if nid not in g:
            g.add_node(nid, kind=kind, subkind=kind, iri=iri, label=nid)
    return ids[iri]


def _claims(store: ox.Store) -> dict[str, dict[str, Any]]:
    """claim IRI -> merged record (rows of one claim folded; multi-valued keys as sets)."""
    claims: dict[str, dict[str, Any]] = {}
    multi = ("perpetrator", "victimGroup", "label", "act", "quote")
    for r in _rows(store, "view_claims"):
        c = claims.setdefault(r["claim"], {k: set() for k in multi})
        for k, v in r.items():
            if k in multi:
                c[k].add(v)
            elif k == "class":
                c["type"] = CLAIM_TYPES[v[len(CKG_IRI):]]
            else:
                c.setdefault(k, v)
    refs: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in _rows(store, "view_claim_citations"):
        refs[r["claim"]].append((int(r.get("number", 0)), r["ref"]))
    for claim, pairs in refs.items():
        if claim in claims:
            claims[claim]["refs"] = sorted(set(pairs))
    for r in _rows(store, "view_claim_breakdowns"):
        if r["claim"] in claims:
            part = f"{r.get('count', '?')} {r.get('victimsText', '')}".strip()
            claims[r["claim"]].setdefault("breakdown", []).append(part)
    return claims


def _claim_summary(c: dict[str, Any], labels: dict[str, str]) -> str:
    """A one-line reading of a claim, e.g. 'killed: 613' or 'perpetrator: Armenian forces'."""
    t = c["type"]
    if t == "casualty":
        lo, hi = c.get("min"), c.get("max")
        if lo is not None and hi is not None:
            n = f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"
        elif lo is not None:
            n = f"at least {lo:,}"
        elif hi is not None:
            n = f"up to {hi:,}"
        else:
            n = str(c.get("vague", "unspecified")).rsplit("/", 1)[-1]
        return f"{c.get('measure', 'casualties')}: {n}"
    if t == "perpetrator":
        return "perpetrator: " + ", ".join(sorted(labels.get(p, node_id(p))
                                                  for p in c["perpetrator"]))
    if t == "classification":
        return ", ".join(sorted(map(str, c["label"])))
    return "formal act: " + ", ".join(sorted(labels.get(a, node_id(a)) for a in c["act"]))


def _claim_attrs(g: nx.MultiDiGraph, ids: dict[str, str], labels: dict[str, str], iri: str,
                 c: dict[str, Any]) -> dict[str, Any]:
    """The edge attributes every contested edge of one claim carries."""
    doc = ids.get(c.get("doc", ""))
    stance = "denies" if str(c.get("stance", "")).endswith("#Denies") else "asserts"
    claimant = ids.get(c.get("claimant", ""), doc)
    a: dict[str, Any] = {
        "contested": True,
        "claim": node_id(iri),
        "claim_type": c["type"],
        "stance": stance,
        "event": ids[c["event"]],
        "summary": _claim_summary(c, labels),
        "document_voice": bool(c.get("voice", False)),
    }
    if claimant is not None:
        a["claimant_id"] = claimant
        a["claimant"] = g.nodes[claimant]["label"]
    if "claimantText" in c:
        a["claimant_text"] = c["claimantText"]
    if doc is not None:
        a["document"] = doc
        a["document_title"] = g.nodes[doc]["label"]
    if c["quote"]:
        a["quote"] = min(c["quote"])
    if "start" in c and "end" in c:
        a["quote_start"], a["quote_end"] = c["start"], c["end"]
    for k in ("min", "max", "measure", "certainty", "vague"):
        if k in c:
            a[k] = c[k].rsplit("/", 1)[-1] if k in ("certainty", "vague") else c[k]
    if c.get("victimsText"):
        a["victims"] = c["victimsText"]
    if c.get("breakdown"):
        a["breakdown"] = "; ".join(c["breakdown"])
    if c["label"]:
        a["classification"] = ", ".join(sorted(map(str, c["label"])))
    if c["act"]:
        a["act"] = " ".join(sorted(ids[x] for x in c["act"] if x in ids))
    refs = c.get("refs", [])
    if refs:
        a["footnotes"] = " ".join(str(n) for n, _ in refs if n)
        a["cited_works"] = " ".join(ids.get(r, node_id(r)) for _, r in refs)
    year = _claim_year(g, ids, refs, doc)
    if year is not None:
        a["year"] = year
    return a


def _claim_year(g: nx.MultiDiGraph, ids: dict[str, str], refs: list[tuple[int, str]],
                doc: str | None) -> int | None:
    """The year a claim was made: its earliest dated footnote, else its document's date.

    A toll quoted by an encyclopedia in 2022 was usually given years earlier by the cited
    report, which is the date a reader of the chart wants.
    """
    years = [y for _, r in refs if (y := _year(g.nodes.get(ids.get(r, ""), {}).get("date")))]
    if years:
        return min(years)
    if doc is not None:
        return _year(g.nodes[doc].get("date"))
    return None


def _according(a: dict[str, Any]) -> str:
    who = a.get("claimant", "the document")
    return f"according to {who}"


def read_view(store: ox.Store) -> nx.MultiDiGraph:
    """Build the view from an open pyoxigraph store.

    Returns a MultiDiGraph (see the module docstring for nodes, edges and attributes).
    Raises QueryError if a view query is missing or malformed.
    """
    g = nx.MultiDiGraph(name="ckg")
    try:
        ids = _add_node_attrs(g, store)
        relations = _rows(store, "view_relations")
        claims = _claims(store)
    except (SyntaxError, OSError) as e:
        raise QueryError(f"view query failed: {e}", where="ckg/views/queries") from e
    for r in relations:
        if r["source"] not in ids or r["target"] not in ids:
            continue  # a link to something the view does not draw (e.g. a lexicon concept)
        s, t, rel = ids[r["source"]], ids[r["target"]], r["relation"]
        g.add_edge(s, t, key=rel, relation=rel, label=RELATIONS[rel], contested=False)
    labels = {i: g.nodes[n]["label"] for i, n in ids.items()}
    for iri in sorted(claims):
        c = claims[iri]
        if c["event"] not in ids:
            _ensure_node(g, ids, c["event"], "event")
        for x in c["perpetrator"] | c["victimGroup"]:
            _ensure_node(g, ids, x, "actor")
        a = _claim_attrs(g, ids, labels, iri, c)
        ev = a["event"]
        src = a.get("claimant_id", a.get("document"))
        if src is not None:
            if c["type"] == "classification":
                rel = "classifies_as"
                verb = "denies it is" if a["stance"] == "denies" else "classifies as"
                text = f"{verb} {a.get('classification', '?')}"
            else:
                rel, text = "claims_about", f"claims about ({a['summary']})"
            g.add_edge(src, ev, key=f"{a['claim']}:{rel}", relation=rel, label=text, **a)
        for p in sorted(c["perpetrator"]):
            rel = "alleged_perpetrator_of"
            verb = "denied perpetrator of" if a["stance"] == "denies" else \
                "alleged perpetrator of"
            g.add_edge(ids[p], ev, key=f"{a['claim']}:{rel}", relation=rel,
                       label=f"{verb} ({_according(a)})", **a)
        for v in sorted(c["victimGroup"]):
            rel = "victim_group_of"
            g.add_edge(ids[v], ev, key=f"{a['claim']}:{rel}", relation=rel,
                       label=f"victim group of ({_according(a)})", **a)
    _name_untitled_acts(g)
    mark_disputes(g)
    g.graph["claims"] = len(claims)
    return g


def _name_untitled_acts(g: nx.MultiDiGraph) -> None:
    """Label a formal act without a title by what it is, who adopted it and when."""
    for v, a in g.nodes(data=True):
        if a["kind"] != "act" or a["label"] != v:
            continue
        bodies = sorted(g.nodes[t]["label"] for _, t, e in g.out_edges(v, data=True)
                        if e["relation"] == "adopted_by")
        label = a["subkind"]
        if bodies:
            label += " of " + ", ".join(bodies)
        if a.get("date"):
            label += f", {a['date']}"
        a["label"] = label


def load_view(store_dir: Path) -> nx.MultiDiGraph:
    """Open the store at `store_dir` read-only and build its view.

    Raises StoreError if the directory is not a ckg store, QueryError on a query failure.
    """
    return read_view(open_store(Path(store_dir), read_only=True))


# ---- disagreement ------------------------------------------------------------------------

def _interval(a: dict[str, Any]) -> tuple[float, float] | None:
    """A casualty claim's [min, max] with open ends as 0 / infinity; None if no figure."""
    lo, hi = a.get("min"), a.get("max")
    if lo is None and hi is None:
        return None
    return (float(lo) if lo is not None else 0.0, float(hi) if hi is not None else float("inf"))


def mark_disputes(g: nx.MultiDiGraph) -> None:
    """Set `disputed` (bool) and `disputed_by` (claimants, '; '-joined) on contested edges.

    Sources disagree about one event when:
    - casualty: two claimants give intervals of the same measure that do not overlap
      (485 vs 613 killed; "at least 200" does not conflict with 613);
    - perpetrator: two claimants name perpetrators and share none of them (Armenian
      forces vs the Popular Front of Azerbaijan), or one denies whom another alleges;
    - classification: one denies a label another asserts, or one calls the event a
      fabrication while another gives it any other label.
    All edges of a disputed claim are marked; uncontested edges get `disputed=False`.
    """
    claims: dict[str, dict[str, Any]] = {}
    edges_of: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, k, a in g.edges(keys=True, data=True):
        a["disputed"] = False
        if a.get("contested"):
            claims.setdefault(a["claim"], a)
            edges_of[a["claim"]].append((u, v, k))
    against: dict[str, set[str]] = defaultdict(set)
    by_event: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for a in claims.values():
        by_event[(a["event"], a["claim_type"])].append(a)

    def conflict(x: dict[str, Any], y: dict[str, Any]) -> None:
        against[x["claim"]].add(y.get("claimant", "?"))
        against[y["claim"]].add(x.get("claimant", "?"))

    for (_, ctype), group in by_event.items():
        if ctype == "casualty":
            for i, x in enumerate(group):
                for y in group[i + 1:]:
                    ix, iy = _interval(x), _interval(y)
                    if (ix and iy and x.get("claimant_id") != y.get("claimant_id")
                            and x.get("measure") == y.get("measure")
                            and x["stance"] == y["stance"] == "asserts"
                            and (ix[1] < iy[0] or iy[1] < ix[0])):
                        conflict(x, y)
        elif ctype == "perpetrator":
            named: dict[str, set[str]] = defaultdict(set)
            perps = {a["claim"]: _perpetrators(g, edges_of[a["claim"]]) for a in group}
            for a in group:
                if a["stance"] == "asserts":
                    named[a.get("claimant_id", "")] |= perps[a["claim"]]
            for i, x in enumerate(group):
                for y in group[i + 1:]:
                    if x.get("claimant_id") == y.get("claimant_id"):
                        continue
                    px, py = perps[x["claim"]], perps[y["claim"]]
                    if x["stance"] != y["stance"]:
                        if px & py:
                            conflict(x, y)
                    elif x["stance"] == "asserts" and not (
                            named[x.get("claimant_id", "")] & named[y.get("claimant_id", "")]):
                        conflict(x, y)
        elif ctype == "classification":
            for i, x in enumerate(group):
                for y in group[i + 1:]:
                    if x.get("claimant_id") == y.get("claimant_id"):
                        continue
                    lx, ly = x.get("classification"), y.get("classification")
                    opposite = x["stance"] != y["stance"] and lx == ly
                    fabricated = (x["stance"] == y["stance"] == "asserts" and lx != ly
                                  and "fabrication" in (lx, ly))
                    if opposite or fabricated:
                        conflict(x, y)
    for claim, who in against.items():
        for u, v, k in edges_of[claim]:
            g.edges[u, v, k]["disputed"] = True
            g.edges[u, v, k]["disputed_by"] = "; ".join(sorted(who))


def _perpetrators(g: nx.MultiDiGraph, edges: list[tuple[str, str, str]]) -> set[str]:
    return {u for u, _, k in edges if g.edges[u, _, k]["relation"] == "alleged_perpetrator_of"}


# ---- filters -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ViewFilter:
    """What part of the view to keep. Empty fields keep everything.

    event: keep what bears on this event (node id or label): its claims, its place, parent
      and sub-events, its documents and their cited works, the acts that concern it.
    claim_types: keep contested edges of these types (casualty, perpetrator, ...).
    claimants: keep contested edges of these claimants (node id or label).
    documents: keep contested edges whose evidence lies in these documents (id, label or
      file name), and only these documents.
    date_from, date_to: ISO dates; drop events and acts dated entirely outside the range
      (undated ones stay).
    around, depth: keep the nodes within `depth` links of `around` (directions ignored).
    """

    event: str | None = None
    claim_types: frozenset[str] = frozenset()
    claimants: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    date_from: str | None = None
    date_to: str | None = None
    around: str | None = None
    depth: int = 1


def find_node(g: nx.MultiDiGraph, name: str) -> str | None:
    """A node id from an id, IRI, file name or label (case-insensitive); None if unknown."""
    if name in g:
        return name
    nid = node_id(name)
    if nid in g:
        return nid
    low = name.casefold()
    for n, a in g.nodes(data=True):
        if low in (str(a.get("label", "")).casefold(), str(a.get("file_name", "")).casefold()):
            return n
    return None


def _matches(g: nx.MultiDiGraph, names: frozenset[str]) -> set[str]:
    return {n for x in names if (n := find_node(g, x)) is not None}


_FIRST, _LAST = "0000-00-00", "9999-99-99"


def _pad(date: str, template: str) -> str:
    """An ISO date of any precision padded to YYYY-MM-DD so dates compare as text.

    >>> _pad("1992", "9999-99-99")
    '1992-99-99'
    """
    date = str(date)[:10]
    return date + template[len(date):]


def _date_bounds(a: dict[str, Any]) -> tuple[str, str] | None:
    """(first, last) padded dates of an event or act, or None when it is undated."""
    lo = a.get("begin") or a.get("date")
    hi = a.get("end") or lo
    if not lo:
        return None
    return _pad(lo, _FIRST), _pad(hi, _LAST)


def filter_view(g: nx.MultiDiGraph, f: ViewFilter) -> nx.MultiDiGraph:
    """A copy of `g` reduced to what `f` keeps; nodes left without links are dropped.

    Raises QueryError when `f` names an event, node or claim type the view does not hold.
    """
    h = g.copy()
    if f.claim_types:
        unknown = set(f.claim_types) - set(CLAIM_TYPES.values())
        if unknown:
            raise QueryError(f"unknown claim type {min(unknown)!r}",
                             fix=f"use one of {', '.join(CLAIM_TYPES.values())}")
        _drop_edges(h, lambda a: a.get("contested") and a["claim_type"] not in f.claim_types)
    if f.claimants:
        keep = _matches(g, f.claimants)
        _drop_edges(h, lambda a: a.get("contested") and a.get("claimant_id") not in keep)
    if f.documents:
        docs = _matches(g, f.documents)
        _drop_edges(h, lambda a: a.get("contested") and a.get("document") not in docs)
        h.remove_nodes_from([n for n, a in g.nodes(data=True)
                             if a["kind"] == "document" and n not in docs])
        h.remove_nodes_from([n for n, a in g.nodes(data=True) if a["kind"] == "cited_work"
                             and not any(d in docs for d in g.predecessors(n))])
    if f.date_from or f.date_to:
        lo, hi = _pad(f.date_from or _FIRST, _FIRST), _pad(f.date_to or _LAST, _LAST)
        h.remove_nodes_from([n for n, a in g.nodes(data=True) if a["kind"] in ("event", "act")
                             and (b := _date_bounds(a)) and (b[1] < lo or b[0] > hi)])
    focus: set[str] = set()
    if f.event:
        ev = find_node(g, f.event)
        if ev is None or g.nodes[ev]["kind"] != "event":
            raise QueryError(f"no event {f.event!r} in the graph",
                             fix="give an event id or label, see 'ckg query events'")
        focus.add(ev)
        _drop_edges(h, lambda a: a.get("contested") and a["event"] != ev)
        near = {ev} | set(h.predecessors(ev)) | set(h.successors(ev)) if ev in h else {ev}
        docs = {n for n in near if g.nodes[n]["kind"] == "document"}
        near |= {r for d in docs if d in h for r in h.successors(d)
                 if g.nodes[r]["kind"] == "cited_work"}
        near |= {b for x in list(near) if g.nodes[x]["kind"] == "act" and x in h
                 for b in h.successors(x)}
        h.remove_nodes_from([n for n in list(h) if n not in near])
    if f.around:
        center = find_node(g, f.around)
        if center is None:
            raise QueryError(f"no node {f.around!r} in the graph",
                             fix="give a node id or label")
        focus.add(center)
        if center in h:
            keep_near = nx.ego_graph(h.to_undirected(as_view=True), center, radius=f.depth)
            h.remove_nodes_from([n for n in list(h) if n not in keep_near])
    if any((f.claim_types, f.claimants, f.documents, f.date_from, f.date_to, f.event,
            f.around)):
        h.remove_nodes_from([n for n in list(h) if h.degree(n) == 0 and n not in focus])
    return h


def _drop_edges(h: nx.MultiDiGraph, drop: Any) -> None:
    h.remove_edges_from([(u, v, k) for u, v, k, a in h.edges(keys=True, data=True) if drop(a)])


def parse_date(text: str) -> str:
    """Check an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) and return it.

    Raises QueryError on anything else.
    """
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            _dt.datetime.strptime(text, fmt)
            return text
        except ValueError:
            continue
    raise QueryError(f"not a date: {text!r}", fix="write YYYY, YYYY-MM or YYYY-MM-DD")


def summary(g: nx.MultiDiGraph) -> dict[str, int]:
    """Counts of nodes per kind and of contested / disputed edges."""
    out: dict[str, int] = {k: 0 for k in NODE_KINDS}
    for _, a in g.nodes(data=True):
        out[a["kind"]] = out.get(a["kind"], 0) + 1
    out["edges"] = g.number_of_edges()
    out["contested_edges"] = sum(1 for *_, a in g.edges(data=True) if a.get("contested"))
    out["disputed_edges"] = sum(1 for *_, a in g.edges(data=True) if a.get("disputed"))
    return out
