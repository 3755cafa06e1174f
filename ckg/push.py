"""Load a built store into a SPARQL server through the SPARQL 1.1 Graph Store Protocol.

Each named graph of the store (one per document, the entities graph and the ontology
graph) is sent with HTTP PUT to `ENDPOINT?graph=IRI`, which replaces that graph on the
server: pushing a document again replaces its graph instead of adding to it.

The endpoint is the server's Graph Store Protocol URL, e.g. Oxigraph `http://host:7878/store`,
Fuseki `http://host:3030/DATASET/data`, GraphDB `http://host:7200/repositories/REPO/rdf-graphs/service`.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph_build.errors import EndpointError
from graph_build.store import open_store

NTRIPLES = "application/n-triples"


@dataclass
class PushReport:
    """What was pushed: (graph IRI, triple count, HTTP status) per graph."""

    endpoint: str
    graphs: list[tuple[str, int, int]] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"pushed {iri}: {n} triples (HTTP {status})" for iri, n, status in self.graphs]
        total = sum(n for _, n, _ in self.graphs)
        out.append(f"{len(self.graphs)} graphs, {total} triples -> {self.endpoint}")
        return out


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of one named graph (indirect identification)."""
    sep = "&" if "?" in endpoint else "?"
    return endpoint + sep + urllib.parse.urlencode({"graph": graph})


def put_graph(endpoint: str, graph: str, data: bytes, timeout: float = 120.0) -> int:
    """PUT N-Triples as the content of `graph`; returns the HTTP status.

    Raises EndpointError on an HTTP error or when the server cannot be reached.
    """
    req = urllib.request.Request(graph_url(endpoint, graph), data=data, method="PUT",
                                 headers={"Content-Type": NTRIPLES})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        raise EndpointError(f"PUT {graph} refused: HTTP {e.code} {' '.join(body.split())[:200]}",
                            where=endpoint) from e
    except (urllib.error.URLError, OSError) as e:
        raise EndpointError(f"cannot reach the server: {e}", where=endpoint) from e


def push(store: Path, endpoint: str, graphs: list[str] | None = None) -> PushReport:
    """Push every named graph of `store` (or only `graphs`) to a Graph Store endpoint.

    The store is opened read-only. Returns a PushReport; raises StoreError or EndpointError.
    """
    st = open_store(store, read_only=True)
    names = sorted(g.value for g in st.named_graphs() if isinstance(g, ox.NamedNode))
    if graphs is not None:
        names = [g for g in names if g in set(graphs)]
    report = PushReport(endpoint)
    for name in names:
        node = ox.NamedNode(name)
        data = st.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=node) or b""
        count = sum(1 for _ in st.quads_for_pattern(None, None, None, node))
        report.graphs.append((name, count, put_graph(endpoint, name, data)))
    return report
