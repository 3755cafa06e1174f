"""Node positions computed in Python, so the browser draws without running physics.

Small graphs use networkx's spring layout; large ones a force layout of the same
(Fruchterman-Reingold) kind whose repulsion is computed in blocks with numpy, which
keeps memory linear in the number of nodes (networkx's dense version needs n x n arrays,
its sparse one needs scipy).
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SMALL_GRAPH = 499  # networkx switches to its scipy-only sparse solver at 500 nodes


def positions(g: nx.Graph, seed: int = 7, size: float = 1000.0) -> dict[str, tuple[float, float]]:
    """Positions for every node of `g`, scaled into [0, size] x [0, size].

    Each connected component is laid out on its own, at a scale that gives every
    component the same density, and the components are packed in rows, largest first
    (one global layout would push unrelated events to the far corners). Deterministic
    for a given graph and seed.
    """
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes))
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    comps = sorted((sorted(c) for c in nx.connected_components(simple)),
                   key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in comps:
        xy = _component_layout(simple.subgraph(comp), seed)
        xy -= xy.min(axis=0)
        span = float(xy.max()) or 1.0
        side = 60.0 * math.sqrt(len(comp)) if len(comp) > 1 else 0.0  # equal density
        boxes.append((comp, xy / span * side))
    placed = _pack(boxes)
    allxy = np.concatenate([xy for _, xy in placed])
    allxy -= allxy.min(axis=0)
    scale = size / (float(allxy.max()) or 1.0)
    out: dict[str, tuple[float, float]] = {}
    i = 0
    for comp, _ in placed:
        for v in comp:
            x, y = allxy[i] * scale
            out[v] = (round(float(x), 1), round(float(y), 1))
            i += 1
    return out


def _component_layout(c: nx.Graph, seed: int) -> np.ndarray:
    """Positions (n x 2, in node order) of one connected component."""
    n = c.number_of_nodes()
    if n == 1:
        return np.zeros((1, 2))
    if n <= SMALL_GRAPH:
        # k above networkx's default spreads the claimants that crowd around an event
        raw = nx.spring_layout(c, seed=seed, k=2.5 / math.sqrt(n), iterations=300)
        return np.array([raw[v] for v in c.nodes], dtype=float)
    return force_layout(c, seed=seed)


def _pack(boxes: list[tuple[list[str], np.ndarray]]) -> list[tuple[list[str], np.ndarray]]:
    """Place component layouts in rows (shelf packing) about as wide as they are tall."""
    gap = 40.0
    total = sum((float(xy[:, 0].max()) + gap) * (float(xy[:, 1].max()) + gap) for _, xy in boxes)
    width = max(math.sqrt(total) * 1.3, max(float(xy[:, 0].max()) for _, xy in boxes))
    x = y = row_h = 0.0
    out = []
    for comp, xy in boxes:
        w, h = float(xy[:, 0].max()), float(xy[:, 1].max())
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        out.append((comp, xy + np.array([x, y])))
        x += w + gap
        row_h = max(row_h, h)
    return out


def force_layout(g: nx.Graph, seed: int = 7, iterations: int = 60,
                 block: int = 512) -> np.ndarray:
    """Fruchterman-Reingold positions (n x 2 array, in node order) for a large graph.

    Repulsion between all pairs is exact but computed `block` rows at a time.
    """
    nodes = list(g.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float64)
    edges = np.array([(index[u], index[v]) for u, v in g.edges()], dtype=np.int64).reshape(-1, 2)
    k = 1.0 / math.sqrt(n)
    t = 0.1
    cool = t / (iterations + 1)
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    k2 = np.float32(k * k)
    for _ in range(iterations):
        # x and y kept apart: 2-D blocks are several times faster than n x n x 2 ones
        fx = np.empty(n, dtype=np.float32)
        fy = np.empty(n, dtype=np.float32)
        for i0 in range(0, n, block):
            dx = x[i0:i0 + block, None] - x[None, :]
            dy = y[i0:i0 + block, None] - y[None, :]
            f = dx * dx
            f += dy * dy
            np.maximum(f, 1e-6, out=f)
            np.divide(k2, f, out=f)
            fx[i0:i0 + block] = np.einsum("ij,ij->i", dx, f)
            fy[i0:i0 + block] = np.einsum("ij,ij->i", dy, f)
        if len(edges):
            ex = x[edges[:, 0]] - x[edges[:, 1]]
            ey = y[edges[:, 0]] - y[edges[:, 1]]
            d = np.sqrt(np.maximum(ex * ex + ey * ey, 1e-6)) / k
            np.subtract.at(fx, edges[:, 0], ex * d)
            np.add.at(fx, edges[:, 1], ex * d)
            np.subtract.at(fy, edges[:, 0], ey * d)
            np.add.at(fy, edges[:, 1], ey * d)
        length = np.sqrt(np.maximum(fx * fx + fy * fy, 1e-9))
        step = np.minimum(length, t) / length
        x += fx * step
        y += fy * step
        t -= cool
    pos = np.stack([x, y], axis=1).astype(np.float64)
    return pos
