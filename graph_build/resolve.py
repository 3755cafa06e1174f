"""Cross-document resolution: the entities graph, recomputed over what the store holds.

Document graphs name entities by key-derived IRIs (so the same key in two documents is
already one node) and propose a name (`rdfs:label`). This stage gives each entity one
`skos:prefLabel` per language — the gazetteer's when the lexicon knows the entity, else
the name most documents propose — merges aliases, and adds what the lexicon knows:
places, dates, wider conflicts, related events, Wikidata links.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SDO, SKOS, XSD

from .lexicon import Concept, Lexicon
from .namespaces import CKG, GRAPH_LINKS, LEX, PREFIXES, SEM, WD
from .triples import _KIND_CLASSES, date_literal, lex_entity_iri

_ENTITY_LABELS = """
SELECT ?e ?label WHERE {
  GRAPH ?g { ?e a ?cls . ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }
  FILTER(?cls IN (<https://w3id.org/ckg/ns#Actor>, <https://w3id.org/ckg/ns#Event>,
                  <https://w3id.org/ckg/ns#Place>))
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/ckg/id/graph-doc-"))
}
"""


def _gazetteer_facts(g: Graph, iri: URIRef, c: Concept, lex: Lexicon) -> None:
    kind = c.prop("actorKind") or "organisation"
    for cls in _KIND_CLASSES.get(kind, ()):
        g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.isDefinedBy, LEX[c.id]))  # its names are the gazetteer's, not a document's
    seen_lang: set[str] = set()
    for lang, label in c.labels:
        if lang not in seen_lang:
            g.add((iri, SKOS.prefLabel, Literal(label, lang=lang or None)))
            seen_lang.add(lang)
        else:
            g.add((iri, SKOS.altLabel, Literal(label, lang=lang or None)))
    for p, v in c.props:
        if p == "eventType":
            g.add((iri, CKG.eventType, LEX[v]))
        elif p in ("place", "partOf", "relatedEvent") and lex.get(v) is not None:
            other = lex_entity_iri(lex, v)
            pred = {"place": SEM.hasPlace, "partOf": SEM.subEventOf, "relatedEvent": CKG.relatedEvent}[p]
            g.add((iri, pred, other))
            _gazetteer_facts(g, other, lex.concept(v), lex)
        elif p == "beginDate":
            g.add((iri, SEM.hasBeginTimeStamp, date_literal(v)))
        elif p == "endDate":
            g.add((iri, SEM.hasEndTimeStamp, date_literal(v)))
        elif p == "latitude":
            g.add((iri, SDO.latitude, Literal(v, datatype=XSD.decimal)))
        elif p == "longitude":
            g.add((iri, SDO.longitude, Literal(v, datatype=XSD.decimal)))
        elif p == "wikidata":
            g.add((iri, OWL.sameAs, WD[v]))


def entities_graph(store: ox.Store, lex: Lexicon) -> Graph:
    """The entities graph for everything the store's document graphs mention."""
    known: dict[str, Concept] = {}
    for c in lex.of_kind("KnownEntity"):
        known[str(lex_entity_iri(lex, c.id))] = c
    proposals: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for row in store.query(_ENTITY_LABELS):
        lit = row["label"]
        proposals[row["e"].value][(lit.value, lit.language or "")] += 1
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for iri in sorted(proposals):
        node = URIRef(iri)
        c = known.get(iri)
        if c is not None:
            _gazetteer_facts(g, node, c, lex)
            continue
        # one name per language: the one most documents in that language propose
        ranked = sorted(proposals[iri].items(), key=lambda kv: (kv[0][1], -kv[1], kv[0][0]))
        seen: set[str] = set()
        for (label, lang), _ in ranked:
            if lang not in seen:
                seen.add(lang)
                g.add((node, SKOS.prefLabel, Literal(label, lang=lang or None)))
    # the same IRI reached from two gazetteer routes must not carry two English prefLabels
    return g


def carried_links(old: ox.Store | None, entities: Graph) -> Graph:
    """The links graph of a new store: `old`'s accepted links that still apply.

    Takes the store being replaced (None for a first build) and the new entities graph;
    returns the `owl:sameAs` triples of `old`'s GRAPH_LINKS whose subject the new entities
    graph still describes. A link from an entity no document mentions any more is dropped
    (so `ckg remove` leaves no link dangling from a node nothing else describes), and so
    is one the entities graph now states itself (from the gazetteer).
    """
    g = Graph()
    g.bind("owl", OWL)
    if old is None:
        return g
    present = set(entities.subjects())
    same_as = ox.NamedNode(str(OWL.sameAs))
    for q in old.quads_for_pattern(None, same_as, None, ox.NamedNode(str(GRAPH_LINKS))):
        if not (isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.NamedNode)):
            continue
        triple = (URIRef(q.subject.value), OWL.sameAs, URIRef(q.object.value))
        if triple[0] in present and triple not in entities:
            g.add(triple)
    return g


__all__ = ["GRAPH_LINKS", "RDFS", "carried_links", "entities_graph"]
