"""Fixture helpers for the ckg.views tests: a small store in the shape of docs/model.md."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from tests.query_helpers import load_fixture

MINI = Path(__file__).resolve().parent / "fixtures" / "views_mini.trig"


def mini_store(directory: Path) -> Path:
    """Load tests/fixtures/views_mini.trig into a ckg store under `directory`."""
    return load_fixture(MINI, directory / "mini-store")


Box = tuple[float, float, float, float]


def boxes_overlap(a: Box, b: Box) -> bool:
    """Whether two (x0, y0, x1, y1) boxes share more than an edge."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overlapping_pairs(named: list[tuple[str, Box]], others: list[tuple[str, Box]] | None = None
                      ) -> list[tuple[str, str]]:
    """Names of the boxes that overlap: within `named`, or of `named` with `others`
    (a box never counts against one of the same name: a label and its own node)."""
    if others is None:
        return [(a, b) for i, (a, ba) in enumerate(named) for b, bb in named[i + 1:]
                if boxes_overlap(ba, bb)]
    return [(a, b) for a, ba in named for b, bb in others if a != b and boxes_overlap(ba, bb)]


def figure_label_and_marker_boxes(fig: Any, texts: list[Any]
                                  ) -> tuple[list[tuple[str, Box]], list[tuple[str, Box]]]:
    """The drawn label boxes and node-marker boxes of a static figure, in display pixels.

    Labels are named by their text, markers by the label of the node at their point
    (so a label and its own marker share a name).
    """
    from matplotlib.text import Text

    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels, at = [], {}
    for t in texts:
        b = Text.get_window_extent(t, renderer)
        labels.append((t.get_text(), (b.x0, b.y0, b.x1, b.y1)))
        x, y = ax.transData.transform(t.xy)
        at[(round(x), round(y))] = t.get_text()
    markers = []
    for coll in ax.collections:
        for (x, y), size in zip(ax.transData.transform(coll.get_offsets()), coll.get_sizes(),
                                strict=False):
            r = math.sqrt(size) / 2 * fig.dpi / 72 * 0.8  # the marker's inner body
            markers.append((at.get((round(x), round(y)), f"node at {x:.0f},{y:.0f}"),
                            (x - r, y - r, x + r, y + r)))
    return labels, markers
