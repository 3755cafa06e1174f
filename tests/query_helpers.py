"""Helpers shared by the query, CLI, server and push tests: the fixture store and a free port."""
from __future__ import annotations

import socket
from pathlib import Path

import pyoxigraph as ox

from graph_build.store import MARKER

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"


def load_fixture(trig: Path, path: Path) -> Path:
    """A ckg store directory at `path` holding the hand-written TriG fixture `trig`."""
    st = ox.Store(str(path))
    st.load(path=str(trig), format=ox.RdfFormat.TRIG)
    st.flush()
    del st
    (path / MARKER).write_text("ckg pyoxigraph store\n", encoding="utf-8")
    return path


def make_store(path: Path) -> Path:
    """A ckg store directory holding the hand-written fixture graph (tests/fixtures/mini.trig)."""
    return load_fixture(FIXTURE, path)


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
