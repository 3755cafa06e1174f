"""Shared fixtures: the corpus build (once per session) and a real headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_GOLD = ROOT.parent / "shared" / "spec" / "seed_claims.yaml"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from corpus/ by the real pipeline (read it, do not write it)."""
    from ckg import api

    store = tmp_path_factory.mktemp("corpus") / "store"
    api.build([CORPUS], store)
    return store


@pytest.fixture(scope="session")
def corpus_claims(corpus_store: Path) -> list[dict]:
    from ckg import api

    return api.claims(corpus_store)


def _ensure_chromium() -> str:
    """Debian's chromium; installed here when missing and we may (root on Debian)."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if Path(path).exists():
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, capture_output=True)
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian chromium is required for the browser tests (apt-get install chromium)")
    return "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return _ensure_chromium()
