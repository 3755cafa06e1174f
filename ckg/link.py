"""Link unlinked entities to Wikidata by label, only where the match is unambiguous.

For every event, actor and place of the entities graph that has no `owl:sameAs` to a
Wikidata item yet, ask a Wikidata-compatible SPARQL endpoint (through SPARQLWrapper)
for the items whose `rdfs:label` or `skos:altLabel` equals the entity's preferred label
(same language tag). Exactly one candidate: propose `owl:sameAs`. None or several: skip.

Links are written only with `write=True`, which opens the store read-write and adds
them, in one transaction, to their own named graph `id:graph-links`. The build
recomputes `id:graph-entities` from the documents but not this graph: it carries the
links forward for every entity that is still in the store and drops the others (see
`graph_build.resolve.carried_links`), so links survive `ckg build` and `ckg remove`
leaves none dangling. The label travels as a bound RDF term (a VALUES block), never as
query text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph_build.resolve import GRAPH_LINKS
from graph_build.store import open_store

from .queries import LocalRunner, RemoteRunner

WIKIDATA_ITEM = "http://www.wikidata.org/entity/Q"
OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")

# Entities of our graph without a link to an item of `?prefix` (bound as a literal).
_UNLINKED = """
PREFIX ckg: <https://w3id.org/ckg/ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?prefix ?entity ?label WHERE {
  GRAPH <https://w3id.org/ckg/id/graph-entities> {
    ?entity skos:prefLabel ?label .
    VALUES ?class { ckg:Event ckg:Actor ckg:Place }
    ?entity a ?class .
  }
  FILTER NOT EXISTS {
    { ?entity owl:sameAs ?item } UNION { ?entity skos:exactMatch ?item }
    FILTER(STRSTARTS(STR(?item), ?prefix))
  }
}
ORDER BY ?entity ?label
"""

# Items of the remote endpoint carrying `?label` as label or alias.
_CANDIDATES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?item WHERE {
  { ?item rdfs:label ?label } UNION { ?item skos:altLabel ?label }
  FILTER(isIRI(?item))
}
ORDER BY ?item
"""


@dataclass
class LinkReport:
    """Per entity: the label looked up and what was found."""

    linked: list[tuple[str, str, str]] = field(default_factory=list)  # entity, label, item
    ambiguous: list[tuple[str, str, int]] = field(default_factory=list)  # entity, label, n
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # entity, label
    written: bool = False

    def lines(self) -> list[str]:
        verb = "linked" if self.written else "would link"
        out = [f"{verb} {e} ({lab!r}) owl:sameAs {item}" for e, lab, item in self.linked]
        out += [f"skipped {e} ({lab!r}): {n} candidates" for e, lab, n in self.ambiguous]
        out += [f"skipped {e} ({lab!r}): no candidate" for e, lab in self.unmatched]
        out.append(f"{len(self.linked)} {verb}, {len(self.ambiguous)} ambiguous, "
                   f"{len(self.unmatched)} without match"
                   + ("" if self.written else " (dry run: pass --write to store the links)"))
        return out


def unlinked_entities(store: Path, item_prefix: str = WIKIDATA_ITEM) -> list[tuple[str, ox.Literal]]:
    """(entity IRI, preferred label) of entities with no link under `item_prefix`."""
    res = LocalRunner(store).run(_UNLINKED, {"prefix": ox.Literal(item_prefix)})
    ent_i, lab_i = res.columns.index("entity"), res.columns.index("label")
    labels: dict[str, list[ox.Literal]] = {}
    for row in res.rows:
        ent, lab = row[ent_i], row[lab_i]
        if isinstance(ent, ox.NamedNode) and isinstance(lab, ox.Literal):
            labels.setdefault(ent.value, []).append(lab)
    # one label per entity: English first (SKOS allows one prefLabel per language)
    return sorted((ent, min(labs, key=lambda lab: (lab.language not in (None, "en"), lab.value)))
                  for ent, labs in labels.items())


def candidates(endpoint: str, label: ox.Literal, item_prefix: str = WIKIDATA_ITEM) -> list[str]:
    """Items of the endpoint labelled exactly `label` (an untagged label is tried as @en)."""
    term = label if label.language else ox.Literal(label.value, language="en")
    res = RemoteRunner(endpoint).run(_CANDIDATES, {"label": term})
    return sorted({t.value for row in res.rows for t in row
                   if isinstance(t, ox.NamedNode) and t.value.startswith(item_prefix)})


def link(
    store: Path, endpoint: str, *, write: bool = False, item_prefix: str = WIKIDATA_ITEM,
    limit: int | None = None,
) -> LinkReport:
    """Look up unlinked entities at `endpoint`; with `write`, store unambiguous links.

    Takes the store directory, the endpoint's SPARQL query URL, and `limit` (at most this
    many entities are looked up). Returns a LinkReport. Written links go to GRAPH_LINKS,
    all or none (pyoxigraph `Store.extend` is one transaction).
    Raises StoreError for a bad store, EndpointError when the endpoint fails.
    """
    report = LinkReport()
    todo = unlinked_entities(store, item_prefix)
    if limit is not None:
        todo = todo[:limit]
    for entity, label in todo:
        found = candidates(endpoint, label, item_prefix)
        if len(found) == 1:
            report.linked.append((entity, label.value, found[0]))
        elif found:
            report.ambiguous.append((entity, label.value, len(found)))
        else:
            report.unmatched.append((entity, label.value))
    if write and report.linked:
        st = open_store(store, read_only=False)
        st.extend(ox.Quad(ox.NamedNode(e), OWL_SAME_AS, ox.NamedNode(item),
                          ox.NamedNode(str(GRAPH_LINKS)))
                  for e, _, item in report.linked)
        st.flush()
    report.written = write
    return report
