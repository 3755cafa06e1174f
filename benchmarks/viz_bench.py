"""How the graph page scales: time to first draw and to answer a search and a click.

Generates synthetic views of 500, 2,000 and 5,000 nodes (events with claimants,
perpetrators, documents and footnotes, like the corpus but bigger), writes each page,
opens it in headless Chromium (Debian chromium, no download) and prints a table.
Ratios are against the 500-node page measured in the same run.

    .venv/bin/python benchmarks/viz_bench.py [--sizes 500 2000 5000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ckg.views.browser import browser, open_page
from ckg.views.html import render_page
from ckg.views.network import mark_disputes

TYPES = ("casualty", "perpetrator", "classification", "resolution")


def synthetic_view(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A view-shaped MultiDiGraph of about `n` nodes (same attributes as read_view's)."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    n_events, n_docs = max(3, n // 25), max(2, n // 12)
    n_refs = n // 3
    n_actors = n - n_events - n_docs - n_refs
    for i in range(n_events):
        g.add_node(f"event-{i}", kind="event", subkind="event", label=f"Event {i} massacre",
                   begin=f"{1900 + i % 100}-01-01")
    for i in range(n_actors):
        g.add_node(f"actor-{i}", kind="actor", subkind="organisation", label=f"Actor {i}")
    for i in range(n_docs):
        g.add_node(f"doc-{i}", kind="document", subkind="document", label=f"Document {i}",
                   file_name=f"{i:03d}.txt")
    for i in range(n_refs):
        d = f"doc-{rnd.randrange(n_docs)}"
        g.add_node(f"ref-{i}", kind="cited_work", subkind="cited work", label=f"[{i}] Work {i}",
                   number=i, text=f"Author {i} ({1990 + i % 30}). Work {i}.")
        g.add_edge(d, f"ref-{i}", key="cites", relation="cites", label="cites", contested=False)
    claim = 0
    for i in range(n_actors):
        for _ in range(1 + (i % 3 == 0)):
            ev = f"event-{rnd.randrange(n_events)}"
            doc = f"doc-{rnd.randrange(n_docs)}"
            t = rnd.choice(TYPES)
            lo = rnd.randrange(50, 2000)
            a = {"contested": True, "claim": f"claim-{claim}", "claim_type": t,
                 "stance": "asserts", "event": ev, "claimant": f"Actor {i}",
                 "claimant_id": f"actor-{i}", "document": doc, "document_title": doc,
                 "quote": f"According to Actor {i}, {lo} people were killed in event {ev}.",
                 "quote_start": 10, "quote_end": 80, "summary": f"killed: {lo}",
                 "document_voice": False, "footnotes": "1", "cited_works": "ref-0"}
            if t == "casualty":
                a.update(measure="killed", min=lo, max=lo)
            if t == "classification":
                a["classification"] = "genocide"
            g.add_edge(f"actor-{i}", ev, key=f"claim-{claim}:claims_about",
                       relation="claims_about", label="claims about", **a)
            if t == "perpetrator":
                p = f"actor-{rnd.randrange(n_actors)}"
                g.add_edge(p, ev, key=f"claim-{claim}:alleged_perpetrator_of",
                           relation="alleged_perpetrator_of",
                           label=f"alleged perpetrator of (according to Actor {i})", **a)
            claim += 1
    for i in range(n_events):
        g.add_edge(f"event-{i}", f"doc-{rnd.randrange(n_docs)}", key="reported_in",
                   relation="reported_in", label="reported in", contested=False)
    mark_disputes(g)
    return g


def measure(b: object, html: Path, repeat: int) -> dict[str, float]:
    """Median times (ms) over `repeat` page loads."""
    runs: dict[str, list[float]] = {"load": [], "first_draw": [], "search": [], "click": [],
                                    "redraw": []}
    for _ in range(repeat):
        t0 = time.perf_counter()
        page, log = open_page(b, html)
        runs["load"].append((time.perf_counter() - t0) * 1000)
        runs["first_draw"].append(page.evaluate("ckgView.firstDrawMs"))
        # search: find, select, centre and redraw, measured inside the page
        runs["search"].append(page.evaluate("ckgView.search('Event 1 massacre').ms"))
        page.click("#zfit")
        # click: from the mouse event to the detail panel showing the node, seen from outside
        pos = page.evaluate("ckgView.screenPosition('event-2')")
        t1 = time.perf_counter()
        page.mouse.click(pos["x"], pos["y"])
        page.wait_for_function("document.getElementById('panel').dataset.selected === 'event-2'")
        runs["click"].append((time.perf_counter() - t1) * 1000)
        runs["redraw"].append(page.evaluate("ckgView.redraw()"))
        assert not log.errors and log.requests == [page.url], (log.errors, log.requests)
        page.close()
    return {k: statistics.median(v) for k, v in runs.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        for n in args.sizes:
            g = synthetic_view(n)
            t0 = time.perf_counter()
            html = Path(tmp) / f"graph-{n}.html"
            html.write_text(render_page(g), encoding="utf-8")
            write_s = time.perf_counter() - t0
            m = measure(b, html, args.repeat)
            rows.append((n, g.number_of_edges(), write_s, html.stat().st_size / 1e6, m))
    base = rows[0][4]
    print(f"{'nodes':>6} {'edges':>6} {'write s':>8} {'MB':>5} {'first draw ms':>14} "
          f"{'x':>5} {'search ms':>10} {'x':>5} {'click ms':>9} {'x':>5} {'redraw ms':>10}")
    for n, e, ws, mb, m in rows:
        print(f"{n:>6} {e:>6} {ws:>8.1f} {mb:>5.1f} {m['first_draw']:>14.0f} "
              f"{m['first_draw'] / base['first_draw']:>5.1f} {m['search']:>10.1f} "
              f"{m['search'] / base['search']:>5.1f} {m['click']:>9.0f} "
              f"{m['click'] / base['click']:>5.1f} {m['redraw']:>10.1f}")
    print("first draw: from navigation start to the end of the first frame (performance.now);"
          "\nsearch: find + select + redraw inside the page; click: mouse click to detail panel"
          " shown, measured from Python; medians of", args.repeat, "runs.")


if __name__ == "__main__":
    main()
