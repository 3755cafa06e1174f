"""Fixture helpers for the ckg.views tests: a small store in the shape of docs/model.md."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph_build.store import MARKER

MINI = Path(__file__).resolve().parent / "fixtures" / "views_mini.trig"


def mini_store(directory: Path) -> Path:
    """Load tests/fixtures/views_mini.trig into a ckg store under `directory`."""
    store_dir = directory / "mini-store"
    store = ox.Store(str(store_dir))
    store.load(path=str(MINI), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    (store_dir / MARKER).write_text("ckg pyoxigraph store\n", encoding="utf-8")
    return store_dir
