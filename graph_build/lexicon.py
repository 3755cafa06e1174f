"""Load the SKOS lexicon (ontology/lexicon/*.ttl) into lookup tables, once.

The extractor finds claims with the cue words, hedges, number words, month names,
labels and known entities that live here as data. Adding a language means adding
`skos:altLabel "…"@xx` to these files, not code.

>>> lex = load_lexicon()
>>> lex.concept("measure-killed").notation
'killed'
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from .errors import LexiconError
from .namespaces import CKG_IRI, LEX_IRI


@dataclass(frozen=True)
class Concept:
    """One lexicon concept: its kinds, labels per language and other properties."""

    id: str  # local name under lex:
    kinds: frozenset[str]  # local names of its ckg classes
    notation: str | None
    labels: tuple[tuple[str, str], ...]  # (language or "", label); prefLabel first
    props: tuple[tuple[str, str], ...] = field(default=())  # (ckg property local name, value)

    @property
    def iri(self) -> str:
        return LEX_IRI + self.id

    def prop(self, name: str) -> str | None:
        for k, v in self.props:
            if k == name:
                return v
        return None

    def props_of(self, name: str) -> list[str]:
        return [v for k, v in self.props if k == name]

    def int_prop(self, name: str) -> int | None:
        v = self.prop(name)
        return int(v) if v is not None else None

    def label_for(self, lang: str = "en") -> str:
        for lg, lab in self.labels:
            if lg == lang:
                return lab
        return self.labels[0][1] if self.labels else self.id


class Lexicon:
    """Concepts indexed by kind; label lookups by language, longest label first."""

    def __init__(self, concepts: list[Concept], graph: Graph):
        self.graph = graph
        self._by_id = {c.id: c for c in concepts}
        self._by_kind: dict[str, list[Concept]] = {}
        for c in sorted(concepts, key=lambda c: c.id):
            for k in c.kinds:
                self._by_kind.setdefault(k, []).append(c)

    def concept(self, cid: str) -> Concept:
        try:
            return self._by_id[cid]
        except KeyError:
            raise LexiconError(f"no concept lex:{cid} in the lexicon") from None

    def get(self, cid: str) -> Concept | None:
        return self._by_id.get(cid)

    def of_kind(self, kind: str) -> list[Concept]:
        return list(self._by_kind.get(kind, []))

    def labels(self, kind: str, lang: str | None = None) -> list[tuple[str, Concept]]:
        """(label, concept) pairs of a kind, longest first.

        With `lang`, only labels in that language or with no language tag.
        """
        out: list[tuple[str, Concept]] = []
        for c in self._by_kind.get(kind, []):
            for lg, lab in c.labels:
                if lang is None or lg in ("", lang) or lg.startswith(lang + "-"):
                    out.append((lab, c))
        out.sort(key=lambda p: (-len(p[0]), p[0], p[1].id))
        return out

    def by_notation(self, kind: str, notation: str) -> Concept | None:
        for c in self._by_kind.get(kind, []):
            if c.notation == notation:
                return c
        return None


def lexicon_files() -> list[Path]:
    """The Turtle files of the lexicon, shipped as package data."""
    root = resources.files("ontology.lexicon")
    files = sorted(
        (Path(str(p)) for p in root.iterdir() if str(p).endswith(".ttl")), key=lambda p: p.name
    )
    if not files:
        raise LexiconError("no .ttl files found", where=str(root))
    return files


def _parse(files: list[Path]) -> Graph:
    g = Graph()
    for f in files:
        try:
            g.parse(f, format="turtle")
        except Exception as e:  # rdflib raises many parser types; one line names the file
            raise LexiconError(f"not valid Turtle: {str(e).splitlines()[0]}", where=str(f)) from e
    return g


def _local(iri: URIRef, base: str) -> str | None:
    s = str(iri)
    return s[len(base):] if s.startswith(base) else None


def build_lexicon(graph: Graph) -> Lexicon:
    concepts: list[Concept] = []
    subjects = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    for s in sorted(subjects):
        cid = _local(s, LEX_IRI)
        if cid is None:
            continue
        kinds = frozenset(
            k for t in graph.objects(s, RDF.type) if (k := _local(t, CKG_IRI)) is not None
        )
        notation = graph.value(s, SKOS.notation)
        labels: list[tuple[str, str]] = []
        for pred in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            vals = sorted(
                (o for o in graph.objects(s, pred) if isinstance(o, Literal)),
                key=lambda o: (o.language or "", str(o)),
            )
            labels.extend((o.language or "", str(o)) for o in vals)
        props: list[tuple[str, str]] = []
        for p, o in sorted(graph.predicate_objects(s)):
            name = _local(p, CKG_IRI)
            if name is None:
                continue
            if isinstance(o, URIRef):
                val = _local(o, LEX_IRI) or str(o)
            else:
                val = str(o)
            props.append((name, val))
        concepts.append(
            Concept(cid, kinds, str(notation) if notation is not None else None,
                    tuple(labels), tuple(props))
        )
    return Lexicon(concepts, graph)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon of the installed ontology (parsed once per process)."""
    return build_lexicon(_parse(lexicon_files()))
