"""Headless Chromium for the page's tests, the benchmark and the screenshots.

Uses the system's Debian chromium through playwright (a test/dev dependency, imported
only here); never downloads a browser. Every request and console message is recorded,
so callers can prove the page stays offline and error-free.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


@dataclass
class PageLog:
    """What a page did: every request URL, console errors and uncaught exceptions."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextlib.contextmanager
def browser(executable: str = CHROMIUM) -> Iterator[Any]:
    """A running headless Chromium (playwright Browser), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def open_page(b: Any, html_file: Path, width: int = 1500, height: int = 950,
              timeout_ms: int = 120_000) -> tuple[Any, PageLog]:
    """Open `html_file` in a new page of browser `b` and wait for the first draw.

    Returns (page, log); the log keeps filling while the page lives.
    """
    page = b.new_page(viewport={"width": width, "height": height})
    log = PageLog()
    page.on("request", lambda r: log.requests.append(r.url))
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.goto(Path(html_file).resolve().as_uri(), timeout=timeout_ms)
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=timeout_ms)
    return page, log
