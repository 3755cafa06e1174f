"""Helpers shared by the static figure and the charts: the matplotlib backend, saving a
figure to bytes, and moving text labels until none overlaps another."""
from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import matplotlib
import numpy as np

matplotlib.use("Agg")  # no display: figures are files
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

from graph_build.errors import FigureError

# fixed ids inside SVG files, so the same graph gives byte-identical figures
matplotlib.rcParams["svg.hashsalt"] = "ckg"

FIGURE_FORMATS = ("svg", "png", "pdf")


def new_figure(width: float, height: float) -> tuple[Figure, Any]:
    """A figure and its single axes, sized in inches."""
    fig, ax = plt.subplots(figsize=(width, height))
    return fig, ax


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure saved as svg, png (150 dpi) or pdf; the figure is closed afterwards.

    SVG and PDF carry no creation date, so the same graph gives the same file.
    Raises FigureError for another format.
    """
    if fmt not in FIGURE_FORMATS:
        raise FigureError(f"unknown figure format {fmt!r}", fix="use svg, png or pdf")
    buf = io.BytesIO()
    meta: dict[str, Any] = {"svg": {"Date": None}, "pdf": {"CreationDate": None},
                            "png": {}}[fmt]
    fig.savefig(buf, format=fmt, dpi=150, bbox_inches="tight", metadata=meta)
    plt.close(fig)
    return buf.getvalue()


def format_from_path(path: Any, fmt: str | None, default: str) -> str:
    """The output format: the one asked for, else the file suffix, else `default`."""
    if fmt:
        return fmt
    suffix = str(path or "").rsplit(".", 1)[-1].lower() if path and "." in str(path) else ""
    return suffix or default


def _boxes(fig: Figure, texts: list[Annotation]) -> list[Any]:
    renderer = fig.canvas.get_renderer()
    # Text's own extent: Annotation.get_window_extent would include the leader line
    return [Text.get_window_extent(t, renderer).expanded(1.04, 1.15) for t in texts]


def overlapping_labels(fig: Figure, texts: list[Annotation]) -> list[tuple[str, str]]:
    """Pairs of label texts whose drawn boxes overlap (empty when the figure is readable)."""
    boxes = _boxes(fig, texts)
    out = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if boxes[i].overlaps(boxes[j]):
                out.append((texts[i].get_text(), texts[j].get_text()))
    return out


def separate_labels(fig: Figure, texts: list[Annotation],
                    obstacles: Sequence[Sequence[float]] = (), rounds: int = 600) -> None:
    """Nudge annotation labels (offset-point annotations) apart until none overlaps.

    `obstacles` are boxes (x0, y0, x1, y1, x, y) in display pixels that labels must
    not cover, such as node markers; one centred on a label's own point is ignored for
    that label (the labels' points must then be in data coordinates). Each round pushes every overlapping pair of labels apart along the
    axis of least overlap, half each, and every label off the obstacles it covers.
    Boxes are measured once and moved arithmetically (labels keep their size), so a
    round costs a few numpy operations; labels keep a leader line to their point.
    """
    if not texts:
        return
    boxes = np.array([b.extents for b in _boxes(fig, texts)], dtype=float)
    obs = np.array([o[:4] for o in obstacles], dtype=float).reshape(-1, 4)
    own = None
    if len(obs):
        # obstacles come with labels annotating data points (xy in data coordinates)
        anchors = np.array([t.axes.transData.transform(t.xy) for t in texts], dtype=float)
        centres = np.array([o[4:6] for o in obstacles], dtype=float).reshape(-1, 2)
        own = np.hypot(anchors[:, None, 0] - centres[None, :, 0],
                       anchors[:, None, 1] - centres[None, :, 1]) < 0.5
    n = len(texts)
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    shift = np.zeros((n, 2))
    for _ in range(rounds):
        move = np.zeros((n, 2))
        moved = _push_apart(boxes + np.hstack([shift, shift]), None, upper, move, share=0.5)
        shift += move
        if len(obs):
            # off the markers last, so a round never ends with a label on a node
            move = np.zeros((n, 2))
            moved |= _push_apart(boxes + np.hstack([shift, shift]), obs, ~own, move, share=1.0)
            shift += move
        if not moved:
            break
    px_to_pt = 72.0 / fig.dpi
    for t, (dx, dy) in zip(texts, shift, strict=True):
        if dx or dy:
            _shift(t, dx * px_to_pt, dy * px_to_pt)


def _push_apart(a: np.ndarray, b: np.ndarray | None, mask: np.ndarray, move: np.ndarray,
                share: float) -> bool:
    """Add to `move` (per row of `a`) the pushes that clear a's boxes off b's boxes.

    Pairs (i, j) with mask[i, j] count; a row of `a` moves `share` of the overlap and,
    when `b` is None (a's boxes against each other), row j moves the rest the other way.
    Returns whether any pair overlapped.
    """
    mutual = b is None
    b = a if b is None else b
    ox = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    oy = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    hit = (ox > 0) & (oy > 0) & mask
    if not hit.any():
        return False
    i, j = np.nonzero(hit)
    ox, oy = ox[i, j], oy[i, j]
    cx = (a[i, 0] + a[i, 2]) - (b[j, 0] + b[j, 2])
    cy = (a[i, 1] + a[i, 3]) - (b[j, 1] + b[j, 3])
    # ties push right / up, so the outcome is the same on every run
    sx, sy = np.where(cx >= 0, 1.0, -1.0), np.where(cy >= 0, 1.0, -1.0)
    along_x = ox < oy
    push = np.zeros((len(i), 2))
    push[along_x, 0] = sx[along_x] * (ox[along_x] * share + 0.5)
    push[~along_x, 1] = sy[~along_x] * (oy[~along_x] * share + 0.5)
    np.add.at(move, i, push)
    if mutual:
        np.add.at(move, j, -push)
    return True


def _shift(t: Annotation, dx: float, dy: float) -> None:
    x, y = t.xyann
    t.xyann = (x + dx, y + dy)
