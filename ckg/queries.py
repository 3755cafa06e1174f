"""Named SPARQL queries: load them, bind their parameters, run them, format the rows.

Each `queries/*.rq` file asks one question and opens with a header comment block:

    # Question: What casualty figures are given for an event, ...?
    # Parameter: event entity-by-label ckg:Event required -- the event, by any of its labels
    # Parameter: from date optional -- only acts dated on or after this
    # Column: claimant -- who gives the figure
    # Column: footnotes int-list -- footnote numbers the evidence sentence carries

Parameter kinds: `literal` (a string), `entity-by-label CLASS` (resolved to the IRI of
the one entity of CLASS whose skos:prefLabel or skos:altLabel matches, case-insensitively),
`date` (YYYY, YYYY-MM or YYYY-MM-DD, bound as a string) and `integer`. A parameter is a
query variable of the same name and must appear in the SELECT clause (pyoxigraph binds
only projected variables). Parameters are bound as RDF terms, never pasted into the
query: on the local store through pyoxigraph `substitutions=`, on a remote endpoint as a
SPARQL 1.1 VALUES block of serialised terms at the start of the WHERE group.

A label that resolves to no entity is bound to an IRI that matches nothing, so the query
returns no rows; the result lists it in `unresolved` (the CLI reports it as an error).

>>> [q.name for q in list_queries()][:3]
['actor-profile', 'casualty-estimates', 'citation-trail']
>>> load_query("perpetrators").parameters[0].name
'event'
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import urllib.error
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph_build.errors import EndpointError, QueryError
from graph_build.namespaces import ID_IRI, PREFIXES
from graph_build.store import open_store

PARAMETER_KINDS = ("literal", "entity-by-label", "date", "integer")
FORMATS = ("table", "csv", "tsv", "json", "srj", "srx", "sparql-csv", "sparql-tsv")
XSD = "http://www.w3.org/2001/XMLSchema#"
_INT_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
_FLOAT_TYPES = {XSD + t for t in ("decimal", "double", "float")}
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_QUERY_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}
_UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD",
                 "WITH"}
# what an unresolved label is bound to: an IRI no graph ever holds
_NO_MATCH = "urn:ckg:no-match:"
TABLE_CELL_WIDTH = 80


@dataclass(frozen=True)
class Parameter:
    """One parameter of a named query (a variable of the same name)."""

    name: str
    kind: str  # one of PARAMETER_KINDS
    required: bool
    entity_class: str | None = None  # full IRI, for entity-by-label
    description: str = ""


@dataclass(frozen=True)
class Column:
    """One result column; `kind` is "int-list" for space-separated footnote numbers."""

    name: str
    kind: str = ""
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its parsed header."""

    name: str
    question: str
    parameters: tuple[Parameter, ...]
    columns: tuple[Column, ...]
    text: str
    source: str  # where it was read from (for error messages)

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def describe(self) -> dict[str, Any]:
        """The JSON shape `ckg queries --format json` prints."""
        return {
            "name": self.name,
            "question": self.question,
            "parameters": [
                {"name": p.name, "kind": p.kind, "required": p.required,
                 **({"class": p.entity_class} if p.entity_class else {}),
                 "description": p.description}
                for p in self.parameters
            ],
            "columns": [c.name for c in self.columns],
        }


@dataclass
class QueryResult:
    """Rows of RDF terms (None = unbound) with the columns to show, or a boolean or triples."""

    kind: str  # "select", "ask" or "graph"
    columns: list[str] = field(default_factory=list)
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]] = field(default_factory=list)
    list_columns: frozenset[str] = frozenset()
    boolean: bool | None = None
    triples: bytes = b""  # N-Triples, for CONSTRUCT / DESCRIBE
    unresolved: list[tuple[str, str]] = field(default_factory=list)  # (parameter, label)

    def records(self) -> list[dict[str, Any]]:
        """Rows as plain Python values: str for IRIs and strings, int, float, bool, None,
        and sorted lists of int for int-list columns."""
        return [
            {c: _plain(t, c in self.list_columns) for c, t in zip(self.columns, row)}
            for row in self.rows
        ]


# ---------------------------------------------------------------- catalogue


def _parse_header(text: str, name: str, source: str) -> NamedQuery:
    """Read the leading `# Key: value` comment lines of a query file."""
    question = ""
    params: list[Parameter] = []
    columns: list[Column] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        key, sep, value = body.partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        spec, _, description = value.partition("--")
        words = spec.split()
        if key == "question":
            question = value.strip()
        elif key == "parameter" and words:
            params.append(_parse_parameter(words, description.strip(), source))
        elif key == "column" and words:
            columns.append(Column(words[0], words[1] if len(words) > 1 else "",
                                  description.strip()))
    return NamedQuery(name, question, tuple(params), tuple(columns), text, source)


def _parse_parameter(words: list[str], description: str, source: str) -> Parameter:
    name, kind, rest = words[0], (words[1] if len(words) > 1 else "literal"), words[2:]
    if kind not in PARAMETER_KINDS:
        raise QueryError(f"parameter {name}: unknown kind {kind!r}", where=source,
                         fix=f"use one of {', '.join(PARAMETER_KINDS)}")
    entity_class = None
    if kind == "entity-by-label":
        if not rest or rest[0] in ("required", "optional"):
            raise QueryError(f"parameter {name}: entity-by-label needs a class", where=source,
                             fix="e.g. 'entity-by-label ckg:Event'")
        entity_class = _expand(rest[0], source)
        rest = rest[1:]
    return Parameter(name, kind, "required" in rest, entity_class, description)


def _expand(curie: str, source: str) -> str:
    if curie.startswith("<") and curie.endswith(">"):
        return curie[1:-1]
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES:
        raise QueryError(f"unknown prefix in {curie!r}", where=source)
    return PREFIXES[prefix] + local


def list_queries() -> list[NamedQuery]:
    """Every named query shipped in the `queries` package, sorted by name."""
    root = resources.files("queries")
    out = []
    for entry in root.iterdir():
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            out.append(_parse_header(entry.read_text(encoding="utf-8"), name, f"queries/{entry.name}"))
    return sorted(out, key=lambda q: q.name)


def load_query(name_or_path: str | Path) -> NamedQuery:
    """A named query by name, or any `.rq` file by path.

    Raises QueryError for an unknown name or an unreadable file.
    """
    text_name = str(name_or_path)
    if text_name.endswith(".rq") or Path(text_name).is_file():
        path = Path(text_name)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"cannot read query file: {e}", where=str(path)) from e
        return _parse_header(text, path.stem, str(path))
    for q in list_queries():
        if q.name == text_name:
            return q
    names = ", ".join(q.name for q in list_queries())
    raise QueryError(f"no named query {text_name!r}", fix=f"known: {names}; or give a .rq file")


# ---------------------------------------------------------------- query text


def _tokens(text: str) -> Iterator[tuple[str, int]]:
    """Words and braces of SPARQL text with their offsets, skipping comments, strings and IRIs."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
        elif c == "<" and (m := re.match(r"<[^<>\"{}|^`\\\x00-\x20]*>", text[i:])):
            i += m.end()
        elif c in "{}":
            yield c, i
            i += 1
        elif c.isalpha():
            m = re.match(r"[A-Za-z_][\w\-:.]*", text[i:])
            assert m is not None
            yield m.group(0), i
            i += m.end()
        else:
            i += 1


def query_form(text: str) -> str | None:
    """The first query or update keyword (upper case), or None if there is none."""
    for tok, _ in _tokens(text):
        word = tok.upper()
        if word in _QUERY_FORMS or word in _UPDATE_FORMS:
            return word
    return None


def is_update(text: str) -> bool:
    return query_form(text) in _UPDATE_FORMS


def _where_brace(text: str) -> int | None:
    """Offset just after the `{` opening the query's WHERE group (None if none)."""
    toks = list(_tokens(text))
    k = next((i for i, (t, _) in enumerate(toks) if t.upper() in _QUERY_FORMS), None)
    if k is None:
        return None
    k += 1
    if toks[k - 1][0].upper() == "CONSTRUCT" and k < len(toks) and toks[k][0] == "{":
        depth = 0
        while k < len(toks):  # skip the template
            depth += {"{": 1, "}": -1}.get(toks[k][0], 0)
            k += 1
            if depth == 0:
                break
    for t, pos in toks[k:]:
        if t == "{":
            return pos + 1
    return None


def with_values(text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with a VALUES block of serialised terms at the start of its WHERE group.

    Terms are written in their N-Triples form (pyoxigraph escapes literals; IRIs are
    validated by NamedNode), so a parameter can never change the query's structure.
    """
    if not bindings:
        return text
    pos = _where_brace(text)
    if pos is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    names = sorted(bindings)
    block = ("\n  VALUES (" + " ".join("?" + n for n in names) + ") { ("
             + " ".join(str(bindings[n]) for n in names) + ") }\n")
    return text[:pos] + block + text[pos:]


# ---------------------------------------------------------------- running


_RESOLVE = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?label ?class ?entity ?preferred WHERE {
  ?entity a ?class .
  { ?entity skos:prefLabel ?l BIND(1 AS ?preferred) }
  UNION
  { ?entity skos:altLabel ?l BIND(0 AS ?preferred) }
  FILTER(LCASE(STR(?l)) = LCASE(?label))
  FILTER(STRSTARTS(STR(?entity), "https://w3id.org/ckg/id/"))
}
"""


class _Runner:
    """Runs SELECT / ASK / CONSTRUCT text with bound parameters, locally or remotely."""

    def run(self, text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> QueryResult:
        raise NotImplementedError


class LocalRunner(_Runner):
    """The embedded store, opened read-only (or read-write for updates)."""

    def __init__(self, store: Path | str, read_only: bool = True):
        self.path = Path(store)
        self.store = open_store(self.path, read_only=read_only)

    def run(self, text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> QueryResult:
        subs = {ox.Variable(k): v for k, v in bindings.items()}
        try:
            res = self.store.query(text, use_default_graph_as_union=True, substitutions=subs)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {_one_line(e)}") from e
        except (RuntimeError, OSError, ValueError) as e:
            msg = _one_line(e)
            fix = ("list the parameter variables in the SELECT clause"
                   if "projection" in msg else None)
            raise QueryError(f"query failed: {msg}", fix=fix) from e
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            rows = [[sol[v] for v in names] for sol in res]
            return QueryResult("select", names, rows)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(res))
        return QueryResult("graph", triples=res.serialize(format=ox.RdfFormat.N_TRIPLES) or b"")

    def update(self, text: str) -> None:
        try:
            self.store.update(text)
            self.store.flush()
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {_one_line(e)}") from e
        except (RuntimeError, OSError) as e:
            raise QueryError(f"update failed: {_one_line(e)}") from e


class RemoteRunner(_Runner):
    """A SPARQL 1.1 endpoint reached through SPARQLWrapper.

    The endpoint must answer with the union of its named graphs as default graph
    (`oxigraph serve --union-default-graph`; Fuseki `tdb2:unionDefaultGraph true`).
    """

    def __init__(self, endpoint: str, timeout: float = 60.0):
        self.endpoint = endpoint
        self.timeout = timeout

    def _wrapper(self, text: str, accept: str) -> Any:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        sw = SPARQLWrapper(self.endpoint, updateEndpoint=self.endpoint)
        sw.setMethod(POST)
        sw.setTimeout(int(self.timeout))
        sw.setQuery(text)
        if accept == "application/sparql-results+json":
            sw.setReturnFormat(JSON)  # SPARQLWrapper's Accept list suits more servers
        else:
            sw.addCustomHttpHeader("Accept", accept)
        return sw

    def _fetch(self, text: str, accept: str) -> bytes:
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        try:
            response = self._wrapper(text, accept).query().response
            return response.read()
        except QueryBadFormed as e:
            raise QueryError(f"SPARQL syntax error at {self.endpoint}: {_one_line(e)}") from e
        except (SPARQLWrapperException, urllib.error.URLError, OSError, ValueError) as e:
            raise EndpointError(_one_line(e), where=self.endpoint) from e

    def run(self, text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> QueryResult:
        text = with_values(text, bindings)
        form = query_form(text)
        if form in ("CONSTRUCT", "DESCRIBE"):
            raw = self._fetch(text, "application/n-triples")
            return QueryResult("graph", triples=raw)
        raw = self._fetch(text, "application/sparql-results+json")
        try:
            res = ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as e:
            raise EndpointError(f"unreadable results: {_one_line(e)}", where=self.endpoint) from e
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(res))
        names = [v.value for v in res.variables]
        return QueryResult("select", names, [[sol[v] for v in names] for sol in res])

    def update(self, text: str) -> None:
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        try:
            self._wrapper(text, "*/*").query()
        except QueryBadFormed as e:
            raise QueryError(f"SPARQL syntax error at {self.endpoint}: {_one_line(e)}") from e
        except (SPARQLWrapperException, urllib.error.URLError, OSError) as e:
            raise EndpointError(_one_line(e), where=self.endpoint) from e


def runner_for(store: Path | str | None, endpoint: str | None, *, update: bool = False) -> _Runner:
    """A remote runner if `endpoint` is given, else the local store (read-only unless `update`)."""
    if endpoint:
        return RemoteRunner(endpoint)
    if store is None:
        raise QueryError("give a store directory or an endpoint URL")
    return LocalRunner(store, read_only=not update)


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return text[:300] + ("…" if len(text) > 300 else "")


def resolve_entity(runner: _Runner, label: str, entity_class: str) -> ox.NamedNode | None:
    """The IRI of the one entity of `entity_class` labelled `label` (case-insensitive).

    An IRI given as `<...>`, `http(s)://...` or `id:...` is taken as is. Preferred labels
    win over alternative ones. Returns None if nothing matches; raises QueryError if
    several entities match equally.
    """
    iri = _as_iri(label)
    if iri is not None:
        return iri
    res = runner.run(_RESOLVE, {"label": ox.Literal(label), "class": ox.NamedNode(entity_class)})
    cols = {c: i for i, c in enumerate(res.columns)}
    best: dict[int, set[str]] = {}
    for row in res.rows:
        ent, pref = row[cols["entity"]], row[cols["preferred"]]
        if isinstance(ent, ox.NamedNode) and isinstance(pref, ox.Literal):
            best.setdefault(int(pref.value), set()).add(ent.value)
    if not best:
        return None
    top = sorted(best[max(best)])
    if len(top) > 1:
        raise QueryError(f"label {label!r} is ambiguous: {', '.join(top)}",
                         fix="pass one IRI instead, e.g. id:" + top[0].removeprefix(ID_IRI))
    return ox.NamedNode(top[0])


def _as_iri(value: str) -> ox.NamedNode | None:
    v = value.strip()
    try:
        if v.startswith("<") and v.endswith(">"):
            return ox.NamedNode(v[1:-1])
        if v.startswith(("http://", "https://", "urn:")) and " " not in v:
            return ox.NamedNode(v)
        if v.startswith("id:") and _NAME_RE.match(v[3:].replace("-", "_")):
            return ox.NamedNode(ID_IRI + v[3:])
    except ValueError as e:
        raise QueryError(f"not a valid IRI: {value!r}") from e
    return None


def bind_parameters(
    query: NamedQuery, params: Mapping[str, Any], runner: _Runner
) -> tuple[dict[str, ox.NamedNode | ox.Literal], list[tuple[str, str]]]:
    """RDF terms for the given parameters, and the (name, label) pairs that matched nothing.

    Raises QueryError for unknown, missing or malformed parameters.
    """
    declared = {p.name for p in query.parameters}
    for name in params:
        if not _NAME_RE.match(name):
            raise QueryError(f"not a parameter name: {name!r}", where=query.source)
        if declared and name not in declared:
            raise QueryError(f"unknown parameter {name!r}", where=query.source,
                             fix=f"this query takes: {', '.join(sorted(declared)) or 'none'}")
    for p in query.parameters:
        if p.required and params.get(p.name) in (None, ""):
            raise QueryError(f"missing required parameter {p.name!r} ({p.description})",
                             where=query.source, fix=f"--param {p.name}=...")
    terms: dict[str, ox.NamedNode | ox.Literal] = {}
    unresolved: list[tuple[str, str]] = []
    for name, value in params.items():
        if value is None:
            continue
        p = query.parameter(name) or Parameter(name, "literal", False)
        text = str(value)
        if p.kind == "integer":
            try:
                terms[name] = ox.Literal(int(text))
            except ValueError:
                raise QueryError(f"parameter {name!r} must be an integer, got {text!r}") from None
        elif p.kind == "date":
            if not _DATE_RE.match(text):
                raise QueryError(f"parameter {name!r} must be YYYY, YYYY-MM or YYYY-MM-DD, "
                                 f"got {text!r}")
            terms[name] = ox.Literal(text)
        elif p.kind == "entity-by-label":
            assert p.entity_class is not None
            iri = resolve_entity(runner, text, p.entity_class)
            if iri is None:
                unresolved.append((name, text))
                iri = ox.NamedNode(_NO_MATCH + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16])
            terms[name] = iri
        else:
            terms[name] = ox.Literal(text)
    return terms, unresolved


def run_query(
    query: NamedQuery,
    params: Mapping[str, Any] | None = None,
    *,
    store: Path | str | None = None,
    endpoint: str | None = None,
    strict: bool = False,
) -> QueryResult:
    """Run a (named or file) query with bound parameters.

    With `strict`, an entity label that matches nothing raises QueryError instead of
    returning no rows. Raises QueryError for update text (see `run_update`), syntax
    errors and parameter problems; EndpointError when a remote endpoint fails.
    """
    if is_update(query.text):
        raise QueryError("this is a SPARQL UPDATE; queries run read-only", where=query.source,
                         fix="pass --update to change the store")
    runner = runner_for(store, endpoint)
    terms, unresolved = bind_parameters(query, dict(params or {}), runner)
    if strict and unresolved:
        name, label = unresolved[0]
        p = query.parameter(name)
        kind = p.entity_class.rsplit("#", 1)[-1].lower() if p and p.entity_class else "entity"
        raise QueryError(f"no {kind} labelled {label!r} in the graph", where=query.source,
                         fix="check the spelling, or list labels with the events query")
    try:
        result = runner.run(query.text, terms)
    except QueryError as e:
        if e.where is None:  # name the query file in the one-line message
            raise QueryError(str(e), where=query.source) from e
        raise
    result.unresolved = unresolved
    if result.kind == "select" and query.columns:
        wanted = [c.name for c in query.columns]
        missing = [c for c in wanted if c not in result.columns]
        if missing:
            raise QueryError(f"header lists columns the query does not select: {missing}",
                             where=query.source)
        idx = [result.columns.index(c) for c in wanted]
        result.rows = [[row[i] for i in idx] for row in result.rows]
        result.columns = wanted
        result.list_columns = frozenset(c.name for c in query.columns if c.kind == "int-list")
    return result


def select_columns(result: QueryResult, names: list[str]) -> QueryResult:
    """The result with only `names`, in that order. Raises QueryError for an unknown column."""
    unknown = [n for n in names if n not in result.columns]
    if unknown:
        raise QueryError(f"no column {unknown[0]!r}", fix=f"columns: {', '.join(result.columns)}")
    idx = [result.columns.index(n) for n in names]
    result.rows = [[row[i] for i in idx] for row in result.rows]
    result.columns = list(names)
    return result


def run_update(text: str, *, store: Path | str | None = None, endpoint: str | None = None) -> None:
    """Run SPARQL UPDATE text: the only way ckg opens a store read-write for a query."""
    runner = runner_for(store, endpoint, update=True)
    assert isinstance(runner, (LocalRunner, RemoteRunner))
    runner.update(text)


def run_named(
    name: str, store: Path | str | None = None, endpoint: str | None = None, **params: Any
) -> list[dict[str, Any]]:
    """Rows of a named query as plain dicts, for notebooks.

    >>> rows = run_named("events", store=STORE)  # doctest: +SKIP
    >>> rows[0]["eventLabel"]  # doctest: +SKIP
    'March Days'
    """
    return run_query(load_query(name), params, store=store, endpoint=endpoint).records()


# ---------------------------------------------------------------- formatting


def _plain(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, as_list: bool = False) -> Any:
    if as_list:
        if term is None or not str(term.value).strip():
            return []
        return sorted(int(x) for x in str(term.value).split())
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INT_TYPES:
                return int(term.value)
            if dt in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value
        if dt == XSD + "boolean":
            return term.value in ("true", "1")
    return term.value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _srj(result: QueryResult) -> dict[str, Any]:
    def term(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD + "string":
            out["datatype"] = t.datatype.value
        return out

    return {
        "head": {"vars": result.columns},
        "results": {"bindings": [
            {c: term(t) for c, t in zip(result.columns, row) if t is not None}
            for row in result.rows
        ]},
    }


def format_result(result: QueryResult, fmt: str) -> bytes:
    """Serialise a result: table, csv, tsv, json (plain rows) or a W3C results format.

    CONSTRUCT / DESCRIBE results are always N-Triples; ASK results print true/false
    (or the W3C boolean document).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        return result.triples
    if result.kind == "ask":
        if fmt in ("srj", "json"):
            return (json.dumps({"head": {}, "boolean": result.boolean}) + "\n").encode()
        return (("true" if result.boolean else "false") + "\n").encode()
    if fmt in ("srj", "srx", "sparql-csv", "sparql-tsv"):
        srj = json.dumps(_srj(result), ensure_ascii=False).encode("utf-8")
        if fmt == "srj":
            return srj + b"\n"
        target = {"srx": ox.QueryResultsFormat.XML, "sparql-csv": ox.QueryResultsFormat.CSV,
                  "sparql-tsv": ox.QueryResultsFormat.TSV}[fmt]
        parsed = ox.parse_query_results(srj, format=ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=target) or b""
    records = result.records()
    if fmt == "json":
        return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(result.columns)
            writer.writerows([_cell(r[c]) for c in result.columns] for r in records)
        else:
            buf.write("\t".join(result.columns) + "\n")
            for r in records:
                buf.write("\t".join(" ".join(_cell(r[c]).split()) for c in result.columns) + "\n")
        return buf.getvalue().encode("utf-8")
    return format_table(result.columns, [[_cell(r[c]) for c in result.columns] for r in records])


def format_table(columns: list[str], cells: list[list[str]], width: int = TABLE_CELL_WIDTH) -> bytes:
    """An aligned text table; long cells are cut at `width` characters with an ellipsis."""
    def fit(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= width else s[: width - 1] + "…"

    body = [[fit(c) for c in row] for row in cells]
    widths = [max([len(col)] + [len(row[i]) for row in body]) for i, col in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return ("\n".join(lines) + "\n").encode("utf-8")
