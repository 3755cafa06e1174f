"""The embedded pyoxigraph store on disk, written atomically.

A build never writes into the live store: it writes a complete new store beside it
and swaps directories only when the new one is complete, so a failed or interrupted
build leaves the last good store as it was.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError

MARKER = "ckg-store.txt"  # tells a ckg store from any other directory


def is_store(path: Path) -> bool:
    return (path / MARKER).is_file()


def _recover(path: Path) -> None:
    """Finish a swap that a crash interrupted between its two renames."""
    old = path.with_name(path.name + ".old")
    if not path.exists() and old.exists():
        old.rename(path)


def open_store(path: Path, read_only: bool = True) -> ox.Store:
    """Open an existing ckg store; read-only unless asked otherwise.

    Raises StoreError if `path` is not a ckg store.
    """
    path = Path(path)
    _recover(path)
    if not is_store(path):
        raise StoreError("not a ckg store (build one with 'ckg build')", where=str(path))
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as e:
        raise StoreError(f"cannot open: {e}", where=str(path)) from e


@contextlib.contextmanager
def atomic_rewrite(path: Path) -> Iterator[tuple[ox.Store, ox.Store | None]]:
    """Yield (new store, old store or None); swap the new one in if the block succeeds.

    The caller copies what it keeps from the old store into the new one.
    """
    path = Path(path)
    _recover(path)
    if path.exists() and not is_store(path) and any(path.iterdir()):
        raise StoreError("exists and is not a ckg store; refusing to overwrite", where=str(path))
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # "--store out/ckg" in a fresh checkout
    except OSError as e:
        raise StoreError(f"cannot create the store's folder: {e.strerror}", where=str(path.parent)) from e
    old_store = open_store(path, read_only=True) if is_store(path) else None
    try:
        new_store = ox.Store(str(tmp))
    except OSError as e:
        raise StoreError(f"cannot write a store here: {e}", where=str(path)) from e
    ok = False
    try:
        yield new_store, old_store
        new_store.flush()
        ok = True
    finally:
        del new_store
        old_store = None
        if not ok:
            shutil.rmtree(tmp, ignore_errors=True)
    (tmp / MARKER).write_text("ckg pyoxigraph store\n", encoding="utf-8")
    old = path.with_name(path.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if path.exists():
        path.rename(old)
    tmp.rename(path)
    shutil.rmtree(old, ignore_errors=True)


def copy_graphs(src: ox.Store, dst: ox.Store, keep: Iterable[ox.NamedNode]) -> None:
    """Copy the named graphs `keep` from one store to another."""
    for g in keep:
        dst.extend(src.quads_for_pattern(None, None, None, g))
