"""Options and error handling shared by every `ckg` command."""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from graph_build.errors import CkgError

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_STORE = Path("ckg-store")


def store_option(f: F) -> F:
    """`--store DIR`: the on-disk pyoxigraph store (default ./ckg-store)."""
    return click.option(
        "--store", "store", type=click.Path(path_type=Path), default=DEFAULT_STORE,
        show_default=True, help="Store directory (an embedded pyoxigraph store).",
    )(f)


def format_option(choices: list[str], default: str) -> Callable[[F], F]:
    """`--format`: one of the output formats the command supports."""
    def deco(f: F) -> F:
        return click.option(
            "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
            help="Output format.",
        )(f)
    return deco


def out_option(f: F) -> F:
    """`-o/--out FILE`: where to write (default: standard output)."""
    return click.option(
        "-o", "--out", "out", type=click.Path(path_type=Path), default=None,
        help="Output file (default: standard output).",
    )(f)


def handle_errors(f: F) -> F:
    """Turn a CkgError into one line on stderr and exit code 1 (never a traceback)."""
    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except CkgError as e:
            click.echo(f"ckg: error: {e}", err=True)
            sys.exit(1)
    return wrapper  # type: ignore[return-value]


def write_output(data: bytes | str, out: Path | None) -> None:
    """Write to a file or to standard output."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if out is None:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    else:
        out.write_bytes(raw)
