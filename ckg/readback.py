"""The claim read-back of spec/claims.md, produced by SPARQL (queries/claims.rq) over the store."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pyoxigraph as ox

_FIELDS = {
    "casualty": ("measure", "min", "max", "victims"),
    "perpetrator": ("actor",),
    "classification": ("label",),
    "resolution": ("body", "date", "title"),
}


def _query_text() -> str:
    return (resources.files("queries") / "claims.rq").read_text(encoding="utf-8")


def _value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def _pick(labels: dict[str, str], lang: str = "") -> str | None:
    """One label: the document's language first (the name as its source writes it), then
    English, then no language, then the first language in order."""
    for lg in (lang, "en", ""):
        if lg in labels:
            return labels[lg]
    return labels[min(labels)] if labels else None


_GAZETTEER = """SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e <http://www.w3.org/2000/01/rdf-schema#isDefinedBy> ?c } }"""
_NODES = {"event": "ev", "claimant": "who", "actor": "actorE", "body": "bodyE"}


def read_claims(store: ox.Store) -> list[dict[str, Any]]:
    """Every claim as a dict with the fields of spec/claims.md, ordered by document and offset.

    A name is the gazetteer's preferred label (English first) for an entity the lexicon
    knows, else the name in the document's own language, as its source wrote it."""
    known = {row["e"].value for row in store.query(_GAZETTEER)}
    rows: dict[str, dict[str, Any]] = {}
    multi: dict[str, dict[str, dict[str, str]]] = {}
    order: list[str] = []
    gazetteer: set[tuple[str, str]] = set()
    for sol in store.query(_query_text(), use_default_graph_as_union=True):
        cid = sol["claim"].value
        rec = rows.get(cid)
        if rec is None:
            type_ = sol["type"].value
            rec = {
                "doc": sol["file"].value, "type": type_, "event": None, "claimant": None,
                "stance": sol["stance"].value, "quote": sol["quote"].value,
                "start": int(sol["start"].value), "end": int(sol["end"].value), "citations": [],
            }
            for f in _FIELDS[type_]:
                rec[f] = None
            rec["_voice"] = _value(sol["voice"])
            rec["_lang"] = _value(sol["docLang"]) or ""
            rows[cid] = rec
            multi[cid] = {"event": {}, "claimant": {}, "actor": {}, "body": {}}
            order.append(cid)
        for f in ("event", "claimant", "actor", "body"):
            t = sol[f]
            if t is not None and (f in rec):
                multi[cid][f].setdefault(t.language or "", t.value)
                node = sol[_NODES[f]]
                if node is not None and node.value in known:
                    gazetteer.add((cid, f))
        cite = sol["cite"]
        if cite is not None and int(cite.value) not in rec["citations"]:
            rec["citations"].append(int(cite.value))
        for f in ("measure", "min", "max", "victims", "label", "date", "title"):
            if f in rec and rec[f] is None and sol[f] is not None:
                rec[f] = _value(sol[f])
    out: list[dict[str, Any]] = []
    for cid in order:
        rec = rows[cid]
        lang = rec.pop("_lang")
        for f, labels in multi[cid].items():
            if f in rec:
                rec[f] = _pick(labels, "" if (cid, f) in gazetteer else lang)
        if rec.pop("_voice"):
            rec["claimant"] = None
        rec["citations"].sort()
        out.append(rec)
    return out


def format_claims(claims: list[dict[str, Any]], fmt: str) -> str:
    """JSON Lines (the spec's format), one JSON array, or an aligned table."""
    if fmt == "jsonl":
        return "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in claims)
    if fmt == "json":
        return json.dumps(claims, ensure_ascii=False, indent=1) + "\n"
    cols = ["doc", "type", "event", "claimant", "stance", "detail"]
    table = []
    for c in claims:
        detail = {
            "casualty": lambda c: f"{c['measure']} {c['min']}..{c['max']}",
            "perpetrator": lambda c: f"actor={c['actor']}",
            "classification": lambda c: f"label={c['label']}",
            "resolution": lambda c: f"{c['body']} {c['date']}",
        }[c["type"]](c)
        table.append([str(c["doc"])[:24], c["type"], str(c["event"]), str(c["claimant"]), c["stance"], detail])
    widths = [max(len(r[i]) for r in [cols] + table) for i in range(len(cols))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in [cols] + table]
    return "\n".join(lines) + "\n"
