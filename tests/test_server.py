"""A real oxigraph server: every named query gives the same rows over HTTP as embedded,
both from `ckg serve`'s read-only server and after `ckg push` into a read-write one."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ckg import push, server
from ckg.queries import list_queries, run_named

from .query_helpers import free_port, make_store

# parameters for the queries that require some, valid on the fixture and on the corpus
PARAMS: dict[str, dict[str, str]] = {
    "casualty-estimates": {"event": "Khojaly massacre"},
    "perpetrators": {"event": "Khojaly massacre"},
    "classifications": {"event": "Khojaly massacre"},
    "actor-profile": {"actor": "Human Rights Watch"},
    "document-profile": {"document": "003_3dd444bb38705b39.txt"},
    "claimants-compared": {"first": "Human Rights Watch", "second": "Azerbaijani government"},
}
NAMES = [n.name for n in list_queries()]


@pytest.fixture(scope="module", params=["fixture", "corpus"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "corpus":
        return Path(request.getfixturevalue("corpus_store"))
    return make_store(tmp_path_factory.mktemp("server") / "store")


@pytest.fixture(scope="module")
def read_only_endpoint(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`oxigraph serve-read-only` over a copy of the store, as `ckg serve` runs it."""
    copy = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(store, copy)
    proc, url = server.start_server(copy, "127.0.0.1", free_port(), read_only=True)
    try:
        yield url + "/query"
    finally:
        server.stop_server(proc)


@pytest.fixture(scope="module")
def pushed_endpoint(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A read-write `oxigraph serve` loaded by `ckg push`."""
    location = tmp_path_factory.mktemp("rw") / "server"
    proc, url = server.start_server(location, "127.0.0.1", free_port(), read_only=False)
    try:
        push.push(store, url + "/store")
        yield url + "/query"
    finally:
        server.stop_server(proc)


@pytest.mark.parametrize("name", NAMES)
def test_served_rows_equal_embedded_rows(store: Path, read_only_endpoint: str, name: str) -> None:
    params = PARAMS.get(name, {})
    assert run_named(name, endpoint=read_only_endpoint, **params) == run_named(
        name, store=store, **params)


@pytest.mark.parametrize("name", NAMES)
def test_pushed_rows_equal_embedded_rows(store: Path, pushed_endpoint: str, name: str) -> None:
    params = PARAMS.get(name, {})
    assert run_named(name, endpoint=pushed_endpoint, **params) == run_named(
        name, store=store, **params)


def test_served_query_page_answers(read_only_endpoint: str) -> None:
    import urllib.request

    with urllib.request.urlopen(read_only_endpoint.removesuffix("query"), timeout=10) as resp:
        assert resp.status == 200


def test_server_refuses_a_directory_that_is_no_store(tmp_path: Path) -> None:
    from graph_build.errors import StoreError

    with pytest.raises(StoreError, match="not a ckg store"):
        server.start_server(tmp_path, "127.0.0.1", free_port())


def test_server_command_binds_loopback_with_union_graph(tmp_path: Path) -> None:
    cmd = server.server_command(tmp_path, "127.0.0.1", 7878)
    assert cmd[1:] == ["serve-read-only", "--location", str(tmp_path), "--bind",
                       "127.0.0.1:7878", "--union-default-graph"]
