"""Regenerate the pictures under docs/ from the corpus build (never drawn by hand).

- docs/graph.png: a screenshot of graph.html of the corpus in headless Chromium, with the
  Khojaly massacre selected so the detail panel shows its claims;
- docs/khojaly-tolls.svg and .png: the casualty estimates chart for the Khojaly massacre.

    .venv/bin/python scripts/make_figures.py [--store DIR]   # default: build corpus/ afresh
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ckg.views.browser import browser, open_page
from ckg.views.charts import estimates_chart
from ckg.views.figure import figure_bytes
from ckg.views.html import render_page
from ckg.views.network import load_view

DOCS = ROOT / "docs"
EVENT = "Khojaly massacre"


def make_figures(store: Path, docs: Path = DOCS) -> list[Path]:
    """Write the pictures of the store's graph into `docs`; return their paths."""
    g = load_view(store)
    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in ("svg", "png"):
        path = docs / f"khojaly-tolls.{fmt}"
        path.write_bytes(figure_bytes(estimates_chart(g, EVENT), fmt))
        written.append(path)
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        html = Path(tmp) / "graph.html"
        html.write_text(render_page(g), encoding="utf-8")
        page, log = open_page(b, html, width=1600, height=1000)
        page.fill("#search", EVENT)
        page.press("#search", "Enter")
        page.wait_for_function("document.getElementById('panel').dataset.selected !== ''")
        if log.errors or log.requests != [page.url]:
            raise SystemExit(f"the page misbehaved: {log.errors or log.requests}")
        shot = docs / "graph.png"
        page.screenshot(path=str(shot))
        written.append(shot)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, default=None,
                    help="a built store (default: build corpus/ into a temporary store)")
    args = ap.parse_args()
    if args.store is not None:
        paths = make_figures(args.store)
    else:
        from ckg import api

        with tempfile.TemporaryDirectory() as tmp:
            store = Path(tmp) / "store"
            api.build([ROOT / "corpus"], store)
            paths = make_figures(store)
    for p in paths:
        print(p.relative_to(ROOT))


if __name__ == "__main__":
    main()
