"""The `ckg` command line: thin commands over the Python API in ckg.api."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from . import api
from .cli_common import format_option, handle_errors, out_option, store_option, write_output


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ckg")
def main() -> None:
    """ckg: a contested-events knowledge graph (who says what about mass violence)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@handle_errors
def build(paths: tuple[Path, ...], store: Path, quiet: bool) -> None:
    """Build (or update) the graph of PATHS (.txt files or folders) into the store.

    Documents already in the store are replaced if changed and skipped if unchanged;
    the build is atomic: on any error the previous store is left as it was.
    """
    report = api.build(list(paths), store)
    if not quiet:
        for line in report.lines():
            click.echo(line)


@main.command()
@click.argument("docs", nargs=-1, required=True)
@store_option
@handle_errors
def remove(docs: tuple[str, ...], store: Path) -> None:
    """Remove documents (by file name or id) from the store."""
    for line in api.remove(list(docs), store).lines():
        click.echo(line)


@main.command()
@store_option
@format_option(["jsonl", "json", "table"], "jsonl")
@out_option
@handle_errors
def claims(store: Path, fmt: str, out: Path | None) -> None:
    """Read back every claim (spec/claims.md), one JSON object a line."""
    write_output(api.format_claims(api.claims(store), fmt), out)


@main.command()
@store_option
@format_option(["turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml"], "turtle")
@out_option
@handle_errors
def export(store: Path, fmt: str, out: Path | None) -> None:
    """Export the graph (deterministic: same input, byte-identical output)."""
    write_output(api.export(store, fmt), out)


# Commands that live in their own modules register here.
_COMMAND_MODULES = ("ckg.validate", "ckg.cli_query", "ckg.views.cli", "ckg.evaluate")


def _register() -> None:
    for name in _COMMAND_MODULES:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name == name:  # module not written yet; anything else is a real error
                continue
            raise
        for cmd in getattr(mod, "COMMANDS", []):
            main.add_command(cmd)


_register()

if __name__ == "__main__":
    sys.exit(main())
