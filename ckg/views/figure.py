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
    that label (the labels' points must be in data coordinates). Each round pushes every
    overlapping pair of labels apart along the axis of least overlap, half each, and
    every label off the obstacles it covers. Boxes are measured once and moved
    arithmetically (labels keep their size), so a round costs a few numpy operations;
    labels keep a leader line to their point. Pushing can go round in circles in a
    crowd, so a last pass moves each label still overlapping something to the nearest
    free spot, shortening it (with an ellipsis) when no spot near enough is free.
    """
    if not texts:
        return
    boxes = np.array([b.extents for b in _boxes(fig, texts)], dtype=float)
    obs = np.array([o[:4] for o in obstacles], dtype=float).reshape(-1, 4)
    own = None
    if len(obs):
        # obstacles come with labels annotating data points (xy in data coordinates)
        anchors = np.array([_anchor(t) for t in texts], dtype=float)
        centres = np.array([o[4:6] for o in obstacles], dtype=float).reshape(-1, 2)
        own = np.hypot(anchors[:, None, 0] - centres[None, :, 0],
                       anchors[:, None, 1] - centres[None, :, 1]) < 0.5
    n = len(texts)
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    shift = np.zeros((n, 2))
    moved = False
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
    if moved:
        _settle(fig, texts, boxes, shift, obs, own)
    px_to_pt = 72.0 / fig.dpi
    for t, (dx, dy) in zip(texts, shift, strict=True):
        if dx or dy:
            _shift(t, dx * px_to_pt, dy * px_to_pt)


# a blocked label looks for a free spot this many label heights from its point, then
# further; at each distance it first tries its whole text, then shorter ones
_REACH = (6.0, 16.0, 48.0)
_KEEP = (1.0, 0.75, 0.55, 0.4)  # fractions of a label's text to try
_MIN_CHARS = 10  # a label is never cut shorter than this (plus the ellipsis)


def _settle(fig: Figure, texts: list[Annotation], boxes: np.ndarray, shift: np.ndarray,
            obs: np.ndarray, own: np.ndarray | None) -> None:
    """Move every label that still overlaps another label or an obstacle to a free spot.

    Labels are handled in order, each against the others as they stand (so the result
    is the same on every run); a label is moved to the free spot nearest its point
    (never onto its own marker), shortened with an ellipsis when no spot within reach
    is free. Updates `shift`, and `boxes` (measured at no shift) of labels it shortens,
    in place.
    """
    n = len(texts)
    anchors = np.array([_anchor(t) for t in texts], dtype=float)
    own = np.zeros((n, len(obs)), dtype=bool) if own is None else own
    for i in range(n):
        cur = boxes + np.hstack([shift, shift])
        others = np.delete(cur, i, axis=0)
        if not (_hits(cur[i:i + 1], others).any() or _hits(cur[i:i + 1], obs[~own[i]]).any()):
            continue
        text = texts[i].get_text()
        for reach in _REACH:
            spot = None
            for keep in _KEEP:
                cut = _cut(text, keep)
                if cut is None:
                    continue
                if cut != texts[i].get_text():
                    texts[i].set_text(cut)
                    boxes[i] = _boxes(fig, [texts[i]])[0].extents
                spot = _free_spot(boxes[i], anchors[i], reach, others, obs)
                if spot is not None:
                    break
            if spot is not None:
                break
        if spot is None:  # nothing free even far out: keep the whole text where it is
            texts[i].set_text(text)
            boxes[i] = _boxes(fig, [texts[i]])[0].extents
            continue
        shift[i] = spot


def _anchor(t: Annotation) -> tuple[float, float]:
    """The point an annotation (xy in data coordinates) labels, in display pixels; dates
    and other units are converted as the axes convert them."""
    ax = t.axes
    x, y = t.xy
    px, py = ax.transData.transform((ax.convert_xunits(x), ax.convert_yunits(y)))
    return float(px), float(py)


def _cut(text: str, keep: float) -> str | None:
    """`text` cut to `keep` of its length at a word boundary if one is near, with "…";
    None when that would leave fewer than _MIN_CHARS characters."""
    if keep >= 1.0:
        return text
    limit = int(len(text.rstrip("…")) * keep)
    if limit < _MIN_CHARS:
        return None
    head = text[:limit]
    if " " in head[_MIN_CHARS:]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:–-") + "…"


def _free_spot(box: np.ndarray, anchor: np.ndarray, reach: float, labels: np.ndarray,
               obs: np.ndarray) -> np.ndarray | None:
    """The shift of `box` (x0, y0, x1, y1, measured at no shift) to the free spot nearest
    `anchor`, at most `reach` label heights away, covering no box of `labels` or `obs`
    (the label's own marker included); None if there is none."""
    w, h = box[2] - box[0], box[3] - box[1]
    step = h / 2
    far = reach * h
    # candidate top-left corners on a grid around the anchor (half a label height apart)
    xs = anchor[0] + np.arange(-(w + far), far + step / 2, step)
    ys = anchor[1] + np.arange(-(h + far), far + step / 2, step)
    gx, gy = np.meshgrid(xs, ys)
    cand = np.stack([gx.ravel(), gy.ravel(), gx.ravel() + w, gy.ravel() + h], axis=1)
    # distance from the anchor to the nearest point of each candidate box
    dx = np.maximum(np.maximum(cand[:, 0] - anchor[0], anchor[0] - cand[:, 2]), 0.0)
    dy = np.maximum(np.maximum(cand[:, 1] - anchor[1], anchor[1] - cand[:, 3]), 0.0)
    dist = np.hypot(dx, dy)
    ok = dist <= far
    for block in (labels, obs):
        if len(block) and ok.any():
            idx = np.nonzero(ok)[0]
            ok[idx[_hits(cand[idx], block).any(axis=1)]] = False
    if not ok.any():
        return None
    # nearest first; among equals, beside the point (small vertical offset), then left to right
    idx = np.nonzero(ok)[0]
    centre_dy = np.abs((cand[idx, 1] + cand[idx, 3]) / 2 - anchor[1])
    best = idx[np.lexsort((cand[idx, 0], centre_dy, np.round(dist[idx], 3)))[0]]
    return cand[best, :2] - box[:2]


def _hits(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Which boxes of `a` (rows) overlap which boxes of `b` (columns): an m x n bool array."""
    if not len(a) or not len(b):
        return np.zeros((len(a), len(b)), dtype=bool)
    return ((a[:, None, 0] < b[None, :, 2]) & (b[None, :, 0] < a[:, None, 2])
            & (a[:, None, 1] < b[None, :, 3]) & (b[None, :, 1] < a[:, None, 3]))


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
