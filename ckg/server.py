"""Serve a built store over HTTP with the `oxigraph` server of the PyPI package `oxigraph`.

No HTTP code of ours: ckg finds the `oxigraph` binary (next to the Python interpreter,
else on PATH), starts it over the store directory and reports the endpoint URL.
The oxigraph server answers SPARQL at `/query` (read-write servers also at `/update`
and the Graph Store Protocol at `/store`) and shows a query page at `/`.
"""
from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from graph_build.errors import EndpointError, StoreError
from graph_build.store import is_store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def find_oxigraph() -> str:
    """Path of the `oxigraph` server binary. Raises EndpointError if it is not installed."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise EndpointError("the oxigraph server binary was not found",
                        fix="pip install oxigraph (the server package, not only pyoxigraph)")


@functools.lru_cache(maxsize=4)
def _supports_union(binary: str, mode: str) -> bool:
    """Whether this oxigraph version has `--union-default-graph` for `mode`."""
    try:
        out = subprocess.run([binary, mode, "--help"], capture_output=True, text=True,
                             timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--union-default-graph" in out.stdout


def server_command(location: Path | None, host: str, port: int, *, read_only: bool = True) -> list[str]:
    """The command line that serves `location` (None: an in-memory read-write server).

    The default graph is the union of the named graphs when the binary supports it,
    which the named queries rely on.
    """
    binary = find_oxigraph()
    mode = "serve-read-only" if read_only else "serve"
    cmd = [binary, mode]
    if location is not None:
        cmd += ["--location", str(location)]
    cmd += ["--bind", f"{host}:{port}"]
    if _supports_union(binary, mode):
        cmd.append("--union-default-graph")
    return cmd


def base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def wait_until_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """Poll `url` until the server answers; raise EndpointError if it exits or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            raise EndpointError(f"oxigraph exited with code {proc.returncode}: "
                                f"{' '.join(err.split())[:300]}", where=url)
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not 200 on this path
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise EndpointError(f"oxigraph did not answer within {timeout:.0f} s", where=url)


def start_server(
    location: Path | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
    read_only: bool = True, timeout: float = 30.0,
) -> tuple[subprocess.Popen[bytes], str]:
    """Start an oxigraph server and wait until it answers. Returns (process, base URL).

    The caller stops it with `stop_server`. Raises StoreError if `location` is given,
    read-only, and not a ckg store; EndpointError if the server does not come up.
    """
    if read_only and location is not None and not is_store(Path(location)):
        raise StoreError("not a ckg store (build one with 'ckg build')", where=str(location))
    proc = subprocess.Popen(server_command(location, host, port, read_only=read_only),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = base_url(host, port)
    try:
        wait_until_up(url + "/", proc, timeout)
    except EndpointError:
        stop_server(proc)
        raise
    return proc, url


def stop_server(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Terminate a server started here, killing it if it does not stop in time."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)
    if proc.stderr:
        proc.stderr.close()


def serve(store: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> int:
    """Serve `store` read-only in the foreground until interrupted; returns the exit code.

    Prints the query page and the SPARQL endpoint URL once the server answers.
    """
    proc, url = start_server(store, host, port, read_only=True)
    print(f"Query page:      {url}/", flush=True)
    print(f"SPARQL endpoint: {url}/query", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop_server(proc)
