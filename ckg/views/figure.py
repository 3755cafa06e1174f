"""Helpers shared by the static figure and the charts: the matplotlib backend, saving a
figure to bytes, and moving text labels until none overlaps another."""
from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: figures are files
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Annotation, Text

from graph_build.errors import CkgError

# fixed ids inside SVG files, so the same graph gives byte-identical figures
matplotlib.rcParams["svg.hashsalt"] = "ckg"

FIGURE_FORMATS = ("svg", "png", "pdf")


class FigureError(CkgError):
    """A figure cannot be drawn (nothing to draw, or an unknown format)."""


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


def separate_labels(fig: Figure, texts: list[Annotation], rounds: int = 300) -> None:
    """Nudge annotation labels (offset-point annotations) apart until none overlaps.

    Each round pushes every overlapping pair apart along the axis of least overlap,
    half each; labels keep a leader line to their point, so moving them is safe.
    """
    px_to_pt = 72.0 / fig.dpi
    for _ in range(rounds):
        boxes = _boxes(fig, texts)
        moved = False
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                a, b = boxes[i], boxes[j]
                if not a.overlaps(b):
                    continue
                moved = True
                dx = min(a.x1, b.x1) - max(a.x0, b.x0)
                dy = min(a.y1, b.y1) - max(a.y0, b.y0)
                if dy <= dx:
                    step = (dy / 2 + 1) * px_to_pt
                    sign = 1 if (a.y0 + a.y1) >= (b.y0 + b.y1) else -1
                    _shift(texts[i], 0, sign * step)
                    _shift(texts[j], 0, -sign * step)
                else:
                    step = (dx / 2 + 1) * px_to_pt
                    sign = 1 if (a.x0 + a.x1) >= (b.x0 + b.x1) else -1
                    _shift(texts[i], sign * step, 0)
                    _shift(texts[j], -sign * step, 0)
        if not moved:
            return


def _shift(t: Annotation, dx: float, dy: float) -> None:
    x, y = t.xyann
    t.xyann = (x + dx, y + dy)
