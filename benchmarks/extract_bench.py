"""How fast documents become claims, and what the lexicon matcher costs.

Runs segmentation and claim extraction over the documents (default: the bundled corpus and
the development set) twice in one process: with ckg's matcher (labels grouped by first
letter, a small regex per group, tried only where a word starts) and with the baseline it
replaced (one regex alternation of every label, searched at every character). Both must
give the same claims; the table gives seconds, characters a second and the ratio to the
baseline, then a full `build` into a temporary store.

    .venv/bin/python benchmarks/extract_bench.py [DOCS...] [--repeat 2]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_build import mentions
from graph_build.claims import extract_claims
from graph_build.ingest import read_documents
from graph_build.lexicon import load_lexicon
from graph_build.mentions import Hit, PhraseMatcher, _label_regex
from graph_build.pipeline import build
from graph_build.segment import segment


class OneRegexMatcher(PhraseMatcher):
    """The baseline: every label in one alternation, searched from each position."""

    def __init__(self, labels, compound=False, inflection=mentions.NO_INFLECTION):  # type: ignore[no-untyped-def]
        super().__init__(labels, compound, inflection)
        alts = []
        for i, lab in enumerate(self._labels):
            rx = _label_regex(lab, inflection)
            if lab in self._compound:
                rx += r"|(?<![\w])(?i:[^\W\d_]{3,}?" + re.escape(lab) + r")(?![\w])"
            alts.append(f"(?P<g{i}>{rx})")
        self._one = re.compile("|".join(alts)) if alts else None

    def find(self, text, start=0, end=None):  # type: ignore[no-untyped-def]
        if self._one is None:
            return []
        end = len(text) if end is None else end
        hits, pos = [], start
        while pos < end:
            m = self._one.search(text, pos, end)
            if not m:
                break
            lab = self._labels[int(m.lastgroup[1:])]  # type: ignore[index]
            hits.append(Hit(m.start(), m.end(), self._by_label[lab], lab))
            pos = m.end() if m.end() > m.start() else m.start() + 1
        return hits


def extract_all(docs, lex, matcher_cls):  # type: ignore[no-untyped-def]
    """Claims of every document with `matcher_cls` as the phrase matcher: (seconds, claims)."""
    mentions.PhraseMatcher = matcher_cls  # Matchers builds its matchers by this name
    mentions.matchers.cache_clear()
    try:
        t0 = time.perf_counter()
        out = [extract_claims(segment(d, lex), lex) for d in docs]
        return time.perf_counter() - t0, out
    finally:
        mentions.PhraseMatcher = PhraseMatcher
        mentions.matchers.cache_clear()


def signature(claims_per_doc):  # type: ignore[no-untyped-def]
    return [[(c.type, c.event.key, c.evidence, c.min, c.max, c.label, c.claimant.key if c.claimant else None)
             for c in cs] for cs in claims_per_doc]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="*", type=Path,
                    default=[ROOT / "corpus", ROOT / "tests" / "devset" / "docs"])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    lex = load_lexicon()
    docs = read_documents(args.docs, lex)
    chars = sum(len(d.text) for d in docs)
    rows = []
    base = None
    for name, cls in (("one regex (baseline)", OneRegexMatcher), ("grouped by first letter", PhraseMatcher)):
        times, out = [], None
        for _ in range(args.repeat):
            dt, out = extract_all(docs, lex, cls)
            times.append(dt)
        med = statistics.median(times)
        if base is None:
            base, base_out = med, out
        elif signature(out) != signature(base_out):
            print("the two matchers gave different claims", file=sys.stderr)
            return 1
        rows.append((name, med, chars / med, base / med))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        build(args.docs, Path(tmp) / "store")
        dt = time.perf_counter() - t0
        tracemalloc.start()  # a second build for memory: tracing slows Python down several times
        build(args.docs, Path(tmp) / "store2")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    print(f"{len(docs)} documents, {chars:,} characters; median of {args.repeat} runs "
          "(matchers compiled inside the timed run)\n")
    print(f"{'extraction with':26} {'seconds':>8} {'chars/s':>10} {'speed-up':>9}")
    for name, med, cps, ratio in rows:
        print(f"{name:26} {med:8.2f} {cps:10,.0f} {ratio:8.1f}x")
    print(f"\nfull build into a new store: {dt:.2f} s ({chars / dt:,.0f} chars/s); "
          f"peak Python memory of a build {peak / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
