"""Check a built store against the SHACL shapes of ontology/shapes.ttl.

`validate_store` reads every named graph of the store into one rdflib graph (their
union, as queries see it), adds the ontology (ckg.ttl, and the lexicon when shipped) so
that class membership follows rdfs:subClassOf, and runs pySHACL with the shapes.
`ckg validate` exits 0 when the graph conforms, 1 on violations, 2 when the store or
the shapes cannot be loaded.
"""
from __future__ import annotations

import functools
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple, cast

import click
import pyoxigraph as ox
import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from graph_build.errors import CkgError, ValidationError
from graph_build.namespaces import PREFIXES
from graph_build.store import open_store

from .cli_common import format_option, store_option

SHAPES_FILE = "shapes.ttl"
ONTOLOGY_FILE = "ckg.ttl"
# pySHACL's "none": the ontology is mixed into the data graph and SHACL's own class
# semantics (rdf:type/rdfs:subClassOf*) does the rest. Measured on the corpus build
# (8 000 triples): "none" 1.6-1.9 s, "rdfs" 6-8 s, the same results.
INFERENCE = "none"
# SHACL-AF is on for the SPARQL targets of the rules that compare nodes (see shapes.ttl).
ADVANCED = True

_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
SHAPES_IRI = "https://w3id.org/ckg/shapes#"
_PREFIXES = {"ckgsh": SHAPES_IRI, **PREFIXES}
_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


class Violation(NamedTuple):
    """One SHACL result: the node, the property path, the shape's message, its severity."""

    focus: str
    path: str | None
    message: str
    severity: str
    shape: str


@dataclass(frozen=True)
class ValidationReport:
    """What `validate_store` found.

    `conforms` is False when there is at least one result of severity Violation;
    `text` is the readable summary `ckg validate` prints.
    """

    conforms: bool
    violations: list[Violation]
    triples: int
    seconds: float

    @property
    def text(self) -> str:
        return self.summary()

    def summary(self, first: int = 20) -> str:
        """Counts per shape and message, then the first `first` results."""
        head = (
            f"validated {self.triples} triples in {self.seconds:.2f} s: "
            + ("conforms" if self.conforms else f"{len(self.violations)} violations")
        )
        if not self.violations:
            return head + "\n"
        lines = [head, "", "by shape:"]
        counts = Counter((v.shape, v.message) for v in self.violations)
        for (shape, message), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {n:5d}  {shape}: {message}")
        lines += ["", f"first {min(first, len(self.violations))}:"]
        for v in self.violations[:first]:
            where = f" ({v.path})" if v.path else ""
            lines.append(f"  {v.severity}: {v.focus}{where}: {v.message}")
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """The report as one JSON object (conforms, counts, every result)."""
        return json.dumps(
            {
                "conforms": self.conforms,
                "triples": self.triples,
                "seconds": round(self.seconds, 3),
                "count": len(self.violations),
                "violations": [v._asdict() for v in self.violations],
            },
            ensure_ascii=False,
            indent=2,
        ) + "\n"


def _compact(term: object) -> str:
    """A node as a user reads it: `ckg:about`, `id:claim-…`; blank nodes as `_:…`."""
    s = str(term)
    if isinstance(term, URIRef):
        for prefix, ns in _PREFIXES.items():
            if s.startswith(ns) and len(s) > len(ns):
                return f"{prefix}:{s[len(ns):]}"
        return f"<{s}>"
    if isinstance(term, Literal):
        return repr(s)
    return f"_:{s}"


def _ontology_file(name: str) -> Traversable:
    return resources.files("ontology").joinpath(name)


def _parse_turtle(source: Traversable, into: Graph) -> None:
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as e:
        raise ValidationError(f"cannot read: {e.strerror or e}", where=str(source)) from e
    try:
        into.parse(data=text, format="turtle")
    except Exception as e:  # rdflib raises parser-specific types; name the file
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ValidationError(f"not valid Turtle: {first}", where=str(source)) from e


def load_shapes() -> Graph:
    """The shapes graph, from the installed `ontology` package.

    Raises ValidationError if the file is missing or not valid Turtle.
    """
    g = Graph()
    _parse_turtle(_ontology_file(SHAPES_FILE), g)
    return g


@functools.lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """ckg.ttl plus the lexicon files (so lexicon concepts have their ckg classes).

    Parsed once per process and shared: callers must not modify it (pySHACL only reads
    the ontology graph; it does add to the shapes graph, which is therefore not shared).
    Raises ValidationError if a file is missing or not valid Turtle.
    """
    g = Graph()
    _parse_turtle(_ontology_file(ONTOLOGY_FILE), g)
    lexicon = resources.files("ontology.lexicon")
    for f in sorted((p for p in lexicon.iterdir() if p.name.endswith(".ttl")),
                    key=lambda p: p.name):
        _parse_turtle(f, g)
    return g


def load_store_graph(store_dir: Path) -> Graph:
    """Every triple of every named graph of the store, as one rdflib graph.

    Raises StoreError if `store_dir` is not a ckg store or cannot be opened.
    """
    store = open_store(Path(store_dir), read_only=True)
    result = cast(ox.QueryTriples, store.query(_UNION, use_default_graph_as_union=True))
    data = result.serialize(format=ox.RdfFormat.N_TRIPLES)
    g = Graph()
    if data:
        g.parse(data=data.decode("utf-8"), format="nt")
    return g


def _violations(results: Graph) -> list[Violation]:
    out: list[Violation] = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        path = results.value(r, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        out.append(Violation(
            focus=_compact(results.value(r, SH.focusNode)),
            path=_compact(path) if path is not None else None,
            message=" ".join(messages),
            severity=_SEVERITIES.get(results.value(r, SH.resultSeverity), "Violation"),
            shape=_compact(results.value(r, SH.sourceShape)),
        ))
    out.sort(key=lambda v: (v.shape, v.focus, v.path or "", v.message))
    return out


def validate_graph(data: Graph, shapes: Graph | None = None,
                   ontology: Graph | None = None) -> ValidationReport:
    """Validate an rdflib graph (modified in place: the ontology is mixed into it).

    Raises ValidationError if pySHACL cannot run the shapes.
    """
    shapes = load_shapes() if shapes is None else shapes
    ontology = load_ontology() if ontology is None else ontology
    triples = len(data)
    t0 = time.perf_counter()
    try:
        _conforms, results, _text = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference=INFERENCE,
            inplace=True, allow_warnings=True, allow_infos=True, advanced=ADVANCED,
        )
    except Exception as e:  # pySHACL reports bad shapes with many types
        raise ValidationError(f"pySHACL could not run the shapes: {e}",
                              where=str(_ontology_file(SHAPES_FILE))) from e
    violations = _violations(results)
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms, violations, triples, time.perf_counter() - t0)


def validate_store(store_dir: Path) -> ValidationReport:
    """Validate the graph of a store against ontology/shapes.ttl.

    Takes the store directory; returns a ValidationReport (its `seconds` count loading
    and validating). Raises StoreError if the store cannot be opened, ValidationError if
    the shapes or the ontology cannot be loaded.
    """
    t0 = time.perf_counter()
    shapes = load_shapes()
    ontology = load_ontology()
    data = load_store_graph(store_dir)
    report = validate_graph(data, shapes, ontology)
    return ValidationReport(report.conforms, report.violations, report.triples,
                            time.perf_counter() - t0)


@click.command("validate")
@store_option
@format_option(["text", "json"], "text")
@click.option("--first", "first", type=int, default=20, show_default=True,
              help="How many results to list after the counts (text format).")
def validate_command(store: Path, fmt: str, first: int) -> None:
    """Check the store against the SHACL shapes of ontology/shapes.ttl.

    Exit code 0: the graph conforms; 1: violations (counted per shape, then listed);
    2: the store or the shapes could not be loaded.
    """
    try:
        report = validate_store(store)
    except CkgError as e:
        click.echo(f"ckg: error: {e}", err=True)
        sys.exit(2)
    click.echo(report.to_json() if fmt == "json" else report.summary(first), nl=False)
    sys.exit(0 if report.conforms else 1)


COMMANDS = [validate_command]
