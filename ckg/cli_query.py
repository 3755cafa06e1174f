"""`ckg query`, `ckg queries`, `ckg serve`, `ckg push`, `ckg link`: thin commands over
ckg.queries, ckg.server, ckg.push and ckg.link."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph_build.errors import QueryError

from . import link as link_mod
from . import push as push_mod
from . import queries as q
from . import server
from .cli_common import format_option, handle_errors, out_option, store_option, write_output


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param takes NAME=VALUE, got {pair!r}")
        params[name.strip()] = value
    return params


@click.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter, e.g. --param event=\"Khojaly massacre\" (repeatable).")
@store_option
@click.option("--endpoint", default=None, metavar="URL",
              help="Run against this SPARQL endpoint instead of the local store.")
@format_option(list(q.FORMATS), "table")
@out_option
@click.option("--columns", default=None, metavar="A,B,...",
              help="Show only these columns, in this order.")
@click.option("--update", "allow_update", is_flag=True,
              help="Allow a SPARQL UPDATE (opens the local store read-write).")
@handle_errors
def query_cmd(name: str, params: tuple[str, ...], store: Path, endpoint: str | None, fmt: str,
              out: Path | None, columns: str | None, allow_update: bool) -> None:
    """Run a named query (see `ckg queries`) or any .rq FILE.

    Parameters are bound as RDF terms, never pasted into the query; an entity
    parameter is resolved by label first. A label that matches no entity is an error
    (exit 1). The local store is opened read-only unless --update is given.
    """
    query = q.load_query(name)
    if q.is_update(query.text):
        if not allow_update:
            raise QueryError("this is a SPARQL UPDATE; ckg query opens the store read-only",
                             where=query.source, fix="pass --update to change the store")
        q.run_update(query.text, store=None if endpoint else store, endpoint=endpoint)
        click.echo("update done", err=True)
        return
    result = q.run_query(query, _parse_params(params), store=None if endpoint else store,
                         endpoint=endpoint, strict=True)
    if columns and result.kind == "select":
        result = q.select_columns(result, [c.strip() for c in columns.split(",") if c.strip()])
    write_output(q.format_result(result, fmt), out)


@click.command("queries")
@format_option(["table", "json"], "table")
@handle_errors
def queries_cmd(fmt: str) -> None:
    """List the named queries with their questions and parameters."""
    named = q.list_queries()
    if fmt == "json":
        write_output(json.dumps([n.describe() for n in named], ensure_ascii=False, indent=2)
                     + "\n", None)
        return
    cells = []
    for n in named:
        params = ", ".join(p.name + ("" if p.required else "?") for p in n.parameters)
        cells.append([n.name, params, n.question])
    write_output(q.format_table(["name", "parameters (? = optional)", "question"], cells,
                                width=200), None)


@click.command("serve")
@store_option
@click.option("--host", default=server.DEFAULT_HOST, show_default=True,
              help="Address to listen on (loopback by default).")
@click.option("--port", default=server.DEFAULT_PORT, show_default=True, type=int)
@handle_errors
def serve_cmd(store: Path, host: str, port: int) -> None:
    """Serve the store read-only with the oxigraph SPARQL server (query page included)."""
    sys.exit(server.serve(store, host, port))


@click.command("push")
@store_option
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store (Oxigraph).")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@handle_errors
def push_cmd(store: Path, endpoint: str, quiet: bool) -> None:
    """Load the store into a SPARQL server, one named graph per document (HTTP PUT).

    Pushing again replaces each graph on the server instead of duplicating it.
    """
    report = push_mod.push(store, endpoint)
    if not quiet:
        for line in report.lines():
            click.echo(line)


@click.command("link")
@store_option
@click.option("--endpoint", required=True, metavar="URL",
              help="A Wikidata-compatible SPARQL endpoint.")
@click.option("--write", is_flag=True,
              help="Store the links (opens the store read-write); default is a dry run.")
@click.option("--limit", type=int, default=None, help="Look up at most this many entities.")
@click.option("--item-prefix", default=link_mod.WIKIDATA_ITEM, show_default=True,
              help="Only items whose IRI starts with this count as candidates.")
@handle_errors
def link_cmd(store: Path, endpoint: str, write: bool, limit: int | None, item_prefix: str) -> None:
    """Link unlinked entities to Wikidata by label (owl:sameAs on exactly one candidate)."""
    report = link_mod.link(store, endpoint, write=write, item_prefix=item_prefix, limit=limit)
    for line in report.lines():
        click.echo(line)


COMMANDS = [query_cmd, queries_cmd, serve_cmd, push_cmd, link_cmd]
