"""The Python API behind the `ckg` command line, for notebooks and scripts.

>>> from ckg import api   # doctest: +SKIP
>>> api.build(["corpus"], "ckg-store")  # doctest: +SKIP
>>> api.claims("ckg-store")[0]["type"]  # doctest: +SKIP
'casualty'
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph

from graph_build.errors import CkgError
from graph_build.namespaces import PREFIXES
from graph_build.pipeline import BuildReport
from graph_build.pipeline import build as _build
from graph_build.pipeline import remove as _remove
from graph_build.store import open_store

from .readback import format_claims, read_claims

__all__ = ["build", "claims", "export", "format_claims", "open_store", "remove"]


def build(paths: list[Path] | list[str], store_dir: Path | str) -> BuildReport:
    """Build documents (files or folders of .txt) into the store; atomic."""
    return _build([Path(p) for p in paths], Path(store_dir))


def remove(names: list[str], store_dir: Path | str) -> BuildReport:
    """Remove documents by file name or id."""
    return _remove(names, Path(store_dir))


def claims(store_dir: Path | str) -> list[dict[str, Any]]:
    """The claim read-back (spec/claims.md) of a built store."""
    return read_claims(open_store(Path(store_dir)))


_RDFLIB_FORMAT = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt",
                  "jsonld": "json-ld", "rdfxml": "xml"}
_QUADS = {"trig", "nquads", "jsonld"}
SKOLEM = "https://w3id.org/ckg/.well-known/genid/"


def _sorted_quads(store: ox.Store) -> list[ox.Quad]:
    """All quads in a stable order; blank nodes (from the SHACL shapes) relabelled by
    RDF Dataset Canonicalization so that their labels do not change between builds."""
    ds = ox.Dataset(store.quads_for_pattern(None, None, None, None))
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)

    def skolem(t):  # type: ignore[no-untyped-def]
        # serialisers reorder blank nodes at will; stable skolem IRIs keep output byte-identical
        return ox.NamedNode(SKOLEM + t.value) if isinstance(t, ox.BlankNode) else t

    quads = [ox.Quad(skolem(q.subject), q.predicate, skolem(q.object), q.graph_name) for q in ds]
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def export(store_dir: Path | str, fmt: str = "turtle") -> bytes:
    """Serialise the whole store; the same store gives byte-identical output.

    Triple formats (turtle, ntriples, rdfxml) merge all graphs; quad formats keep them.
    """
    if fmt not in _RDFLIB_FORMAT:
        raise CkgError(f"unknown export format {fmt!r}; one of {', '.join(_RDFLIB_FORMAT)}")
    store = open_store(Path(store_dir))
    quads = _sorted_quads(store)
    nq = "".join(f"{q} .\n" for q in quads).encode("utf-8")
    if fmt == "nquads":
        return nq
    ds = Dataset()
    for p, ns in PREFIXES.items():
        ds.bind(p, ns)
    ds.parse(data=nq, format="nquads")
    if fmt in _QUADS:
        return ds.serialize(format=_RDFLIB_FORMAT[fmt], encoding="utf-8")
    g = Graph()
    for p, ns in PREFIXES.items():
        g.bind(p, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    if fmt == "ntriples":
        return "".join(sorted(line + "\n" for line in g.serialize(format="nt").splitlines() if line)).encode("utf-8")
    return g.serialize(format=_RDFLIB_FORMAT[fmt], encoding="utf-8")
