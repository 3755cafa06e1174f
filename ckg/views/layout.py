"""Node positions computed in Python, so the browser draws without running physics.

A force layout alone piles the claimants of a much-cited event into a ball around it,
and the footnotes of a long document into another. So each connected component is laid
out in three steps:

1. *leaves* (nodes with one neighbour: most claimants, every footnote) are set aside;
2. the *core* (the rest: events, documents, actors linking several events) gets a
   spring layout, and every core node is then given a box big enough for its leaves
   and their labels (reaching only as far to each side as they do), the boxes are
   pushed apart until none overlaps, then drawn together again while that leaves
   the picture smaller (a spring layout leaves gaps that pushing apart never closes);
3. the leaves are placed around their core node: labelled ones in two columns, one
   row each, left and right of it (labels read outwards and never share a row),
   secondary ones (cited works, labelled only when zoomed in) in compact rings.

Components are packed in rows by the room they take with their labels.

Units are about one screen pixel at the page's natural zoom (see LayoutSettings).
Large cores use a force layout of the same (Fruchterman-Reingold) kind whose repulsion
is computed in blocks with numpy, which keeps memory linear in the number of nodes
(networkx's dense version needs n x n arrays, its sparse one needs scipy).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np

SMALL_GRAPH = 499  # networkx switches to its scipy-only sparse solver at 500 nodes
ASPECT = 1.6  # width / height of the pictures the layout is for (screens, pages)
COMPACT_STEPS, COMPACT_SHRINK = 12, 0.9  # drawing a core together: at most 12 steps of 10 %
PACK_WIDTHS = 24  # row widths tried when packing components


@dataclass(frozen=True)
class LayoutSettings:
    """Distances of the layout, in units of about one pixel of the page at zoom 1.

    row: vertical distance of two labelled leaves (a 12 px label plus air);
    char: width of one label character, to reserve room for labels (of at most
    `max_label` characters: a longer label may have to move or, on the page, wait for
    zooming in);
    column_gap: distance from a core node to its first column of leaves;
    max_rows: rows per column before another column opens further out;
    ring_gap: distance of two secondary leaves on a ring (and of two rings);
    secondary: node kinds drawn as secondary leaves (rings, labels only when zoomed);
    pad: air between the boxes of two core nodes.
    """

    row: float = 30.0
    char: float = 6.6
    max_label: int = 26
    column_gap: float = 46.0
    max_rows: int = 14
    ring_gap: float = 17.0
    secondary: frozenset[str] = frozenset({"cited_work"})
    pad: float = 28.0


SETTINGS = LayoutSettings()


def positions(g: nx.Graph, seed: int = 7,
              settings: LayoutSettings = SETTINGS) -> dict[str, tuple[float, float]]:
    """Positions for every node of `g`, in layout units, the top left node at about (0, 0).

    Each connected component is laid out on its own and the components are packed in
    rows, largest first (one global layout would push unrelated events to the far
    corners). Deterministic for a given graph, seed and settings.
    """
    if g.number_of_nodes() == 0:
        return {}
    simple = _simple(g)
    comps = sorted((sorted(c) for c in nx.connected_components(simple)),
                   key=lambda c: (-len(c), c[0]))
    layouts, sizes = [], []
    for comp in comps:
        # packed by the room they take with their labels, not by their nodes alone
        xy, (lo, hi) = _component_layout(_induced(simple, comp), g, seed, settings)
        layouts.append(xy - lo)
        sizes.append((float(hi[0] - lo[0]), float(hi[1] - lo[1])))
    corners = _pack(sizes, gap=settings.pad * 3)
    allxy = np.concatenate([xy + np.array(at) for xy, at in zip(layouts, corners, strict=True)])
    allxy -= allxy.min(axis=0)
    out: dict[str, tuple[float, float]] = {}
    i = 0
    for comp in comps:
        for v in comp:
            x, y = allxy[i]
            out[v] = (round(float(x), 1), round(float(y), 1))
            i += 1
    return out


def label_sides(g: nx.Graph, pos: dict[str, tuple[float, float]]) -> dict[str, int]:
    """Where each node's label goes: +1 right of it, -1 left, 0 above: away from its links.

    A leaf in the left column of its core node gets -1, so its label reads outwards
    instead of across the core node; a node with neighbours on both sides (an event
    between its two columns of claimants) gets 0.
    """
    simple = _simple(g)
    out = {}
    for v in simple.nodes:
        x = pos[v][0]
        left = sum(1 for u in simple[v] if pos[u][0] < x - 1e-6)
        right = sum(1 for u in simple[v] if pos[u][0] > x + 1e-6)
        out[v] = 0 if left and right else -1 if left < right else 1
    return out


def _simple(g: nx.Graph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes))
    simple.add_edges_from(sorted((u, v) if u < v else (v, u) for u, v in g.edges() if u != v))
    return simple


def _induced(g: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph of `g` on `nodes`, nodes and edges in a fixed order.

    networkx's subgraph views iterate their nodes in set order, which changes from one
    Python process to the next (hash randomisation) and with it the spring layout.
    """
    keep = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted({(min(u, v), max(u, v)) for u, v in g.edges(nodes)
                               if u in keep and v in keep}))
    return sub


def _label_width(g: nx.Graph, v: str, s: LayoutSettings) -> float:
    return min(len(str(g.nodes[v].get("label", v))), s.max_label) * s.char


def _component_layout(c: nx.Graph, full: nx.Graph, seed: int, s: LayoutSettings
                      ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Positions (n x 2, in the order of c.nodes) of one connected component, and the
    top left and bottom right corners of the room it takes with its labels."""
    nodes = list(c.nodes)
    if len(nodes) == 1:
        own = np.array([(_label_width(full, nodes[0], s) + s.column_gap) / 2, s.row / 2])
        return np.zeros((1, 2)), (-own, own)
    deg = dict(c.degree())
    leaves = [v for v in nodes if deg[v] == 1 and deg[next(iter(c[v]))] > 1]
    if len(nodes) == 2:
        leaves = [nodes[1]]
    leaf_set = set(leaves)
    core = [v for v in nodes if v not in leaf_set]
    kind = {v: full.nodes[v].get("kind", "") for v in nodes}
    primary: dict[str, list[str]] = {v: [] for v in core}
    secondary: dict[str, list[str]] = {v: [] for v in core}
    for v in leaves:
        hub = next(iter(c[v]))
        (secondary if kind[v] in s.secondary else primary)[hub].append(v)
    offsets: dict[str, tuple[float, float]] = {}
    # each core node's box, as how far it reaches left and up (lo), right and down (hi):
    # a node with a wide column of leaves on one side only needs no room on the other
    lo, hi = np.zeros((len(core), 2)), np.zeros((len(core), 2))
    for i, hub in enumerate(core):
        left, right, hh = _place_leaves(full, hub, primary[hub], secondary[hub], offsets, s)
        # the node's own label runs to one side: half of it is what it adds on average
        own = (_label_width(full, hub, s) + s.column_gap) / 2
        lo[i] = (max(left, own), max(hh, s.row / 2))
        hi[i] = (max(right, own), max(hh, s.row / 2))
    centres = _core_centres(_induced(c, core), (lo + hi) / 2, (hi - lo) / 2, seed, s)
    where = {v: centres[i] for i, v in enumerate(core)}
    for v in leaves:
        hub = next(iter(c[v]))
        dx, dy = offsets[v]
        where[v] = where[hub] + np.array([dx, dy])
    room = ((centres - lo).min(axis=0), (centres + hi).max(axis=0))
    return np.array([where[v] for v in nodes], dtype=float), room


def _place_leaves(g: nx.Graph, hub: str, labelled: list[str], rings: list[str],
                  offsets: dict[str, tuple[float, float]], s: LayoutSettings
                  ) -> tuple[float, float, float]:
    """Offsets of a core node's leaves from it; returns how far they reach to its left,
    to its right, and up (as far as down).

    Secondary leaves fill rings from the inside out; labelled leaves stand in columns
    left and right of the rings, one row each, the rows of a column on a gentle arc,
    far enough out that the core node's own label fits above it between the columns
    (a column of one row is below that label anyway).
    """
    def by_label(v: str) -> tuple[str, str]:
        return (str(g.nodes[v].get("label", v)).casefold(), v)

    radius = 0.0
    ring, placed, first = 0, 0, s.ring_gap * 2.5
    rings = sorted(rings, key=by_label)
    while placed < len(rings):
        r = first + ring * s.ring_gap
        cap = max(1, int(2 * math.pi * r / s.ring_gap))
        take = rings[placed:placed + cap]
        turn = 0.5 * ring  # stagger rings so their leaves do not line up radially
        for j, v in enumerate(take):
            a = 2 * math.pi * (j + turn) / len(take)
            offsets[v] = (r * math.cos(a), r * math.sin(a))
        placed += len(take)
        radius = r
        ring += 1
    reach = {1: radius, -1: radius}
    half_h = radius
    labelled = sorted(labelled, key=by_label)
    # right column first: with an odd count the extra leaf reads left to right
    sides = (labelled[: (len(labelled) + 1) // 2], labelled[(len(labelled) + 1) // 2:])
    for sign, side in ((1, sides[0]), (-1, sides[1])):
        if not side:
            continue
        x0 = radius + s.column_gap
        if len(side) > 1:
            x0 = max(x0, _label_width(g, hub, s) / 2 + s.row)
        for col in range(0, len(side), s.max_rows):
            chunk = side[col:col + s.max_rows]
            rows = len(chunk)
            height = (rows - 1) * s.row
            span = height / 2 + s.row
            widest = max(_label_width(g, v, s) for v in chunk)
            for j, v in enumerate(chunk):
                y = j * s.row - height / 2
                bulge = 0.35 * math.sqrt(max(span * span - y * y, 0.0))
                offsets[v] = (sign * (x0 + bulge), y)
            x0 += 0.35 * span + widest + s.column_gap
            half_h = max(half_h, height / 2 + s.row / 2)
        reach[sign] = max(reach[sign], x0 - s.column_gap / 2)
    return reach[-1], reach[1], half_h


def _core_centres(core: nx.Graph, half: np.ndarray, off: np.ndarray, seed: int,
                  s: LayoutSettings) -> np.ndarray:
    """Positions of the core nodes (n x 2), whose boxes have half sizes `half` and
    centres `off` from their node: of a few seeded force layouts (one for a big core), the
    one whose pushed-apart boxes a page of ASPECT fits at the largest scale, so the first
    frame is drawn largest. One seed alone can fold a small core badly when a node is added."""
    if core.number_of_nodes() == 1:
        return np.zeros((1, 2))
    small = core.number_of_nodes() <= SMALL_GRAPH
    seeds = (seed, seed + 1, seed + 2) if small else (seed,)
    boxes = half + s.pad / 2
    best = min((_core_centres_once(core, half, off, sd, s) for sd in seeds),
               key=lambda xy: _extent(xy + off, boxes))
    # each compaction step costs as much as a layout: only the chosen one is compacted
    return _compact(best + off, boxes) - off if small else best


def _extent(centres: np.ndarray, boxes: np.ndarray) -> float:
    """What a page of ASPECT must fit of boxes (centres, half sizes): the smaller, the
    larger the first frame draws them."""
    w, h = (centres + boxes).max(axis=0) - (centres - boxes).min(axis=0)
    return float(max(w / ASPECT, h))


def _core_centres_once(core: nx.Graph, half: np.ndarray, off: np.ndarray, seed: int,
                       s: LayoutSettings) -> np.ndarray:
    """A force layout of the core, scaled to its boxes, then its boxes pushed apart."""
    n = core.number_of_nodes()
    if n <= SMALL_GRAPH:
        raw = nx.spring_layout(core, seed=seed, k=1.8 / math.sqrt(n), iterations=200)
        xy = np.array([raw[v] for v in core.nodes], dtype=float)
    else:
        xy = force_layout(core, seed=seed)
    # scale so a typical edge is as long as the boxes it joins are wide
    index = {v: i for i, v in enumerate(core.nodes)}
    ends = np.array([(index[u], index[v]) for u, v in core.edges()], dtype=np.int64)
    length = np.hypot(*(xy[ends[:, 0]] - xy[ends[:, 1]]).T)
    want = np.linalg.norm(half[ends[:, 0]] + half[ends[:, 1]], axis=1) * 0.35
    xy *= float(np.median(want)) / max(float(np.median(length)), 1e-9)
    boxes = half + s.pad / 2
    # each round costs n x n: big cores get fewer rounds (and may keep a few overlaps)
    rounds = 400 if n <= SMALL_GRAPH else 20
    # from here on the boxes move (their centres), the nodes follow
    xy = remove_box_overlaps(_landscape(xy) + off, boxes, rounds=rounds)
    # pushing boxes apart can leave a long strip, drawn small on any screen: squeeze it
    # towards ASPECT and push again (a few times at most; each step is deterministic)
    for _ in range(4 if n <= SMALL_GRAPH else 0):
        w, h = (xy + boxes).max(axis=0) - (xy - boxes).min(axis=0)
        ratio = (w / h) / ASPECT
        if 1 / 1.25 <= ratio <= 1.25:
            break
        f = math.sqrt(ratio)
        xy = remove_box_overlaps(xy * np.array([1 / f, f]), boxes, rounds=rounds, aspect=1.0)
    return xy - off


def _compact(xy: np.ndarray, boxes: np.ndarray, rounds: int = 100) -> np.ndarray:
    """Boxes (centres `xy`, half sizes `boxes`) drawn together while that makes them fit
    a page of ASPECT at a larger scale: pushing apart only ever spreads a layout, so the
    gaps a spring layout leaves between clusters would otherwise stay empty.

    Each step shrinks the layout towards its middle and pushes the boxes apart again
    (for at most `rounds` rounds: a step that needs more gains too little for its time);
    it is kept only if no boxes overlap afterwards and the extent shrank.
    """
    best = _extent(xy, boxes)
    for _ in range(COMPACT_STEPS):
        mid = ((xy + boxes).max(axis=0) + (xy - boxes).min(axis=0)) / 2
        trial = remove_box_overlaps(mid + (xy - mid) * COMPACT_SHRINK, boxes, rounds=rounds)
        size = _extent(trial, boxes)
        if size >= best * 0.995 or _any_overlap(trial, boxes):
            break
        xy, best = trial, size
    return xy


def _any_overlap(xy: np.ndarray, half: np.ndarray) -> bool:
    d = np.abs(xy[:, None, :] - xy[None, :, :])
    over = (half[:, None, :] + half[None, :, :] - d > 1e-6).all(axis=2)
    np.fill_diagonal(over, False)
    return bool(over.any())


def _landscape(xy: np.ndarray) -> np.ndarray:
    """`xy` turned so its longest extent runs left to right, as screens and pages do."""
    centred = xy - xy.mean(axis=0)
    _, vecs = np.linalg.eigh(np.cov(centred.T))
    major = vecs[:, -1]
    # fix the eigenvector's sign, so the same layout always turns the same way
    if major[0] < 0 or (major[0] == 0 and major[1] < 0):
        major = -major
    rot = np.array([[major[0], major[1]], [-major[1], major[0]]])
    return centred @ rot.T


def remove_box_overlaps(xy: np.ndarray, half: np.ndarray, rounds: int = 400,
                        aspect: float = ASPECT) -> np.ndarray:
    """Move boxes (centres `xy`, half sizes `half`, both n x 2) until no two overlap.

    Each round pushes every overlapping pair apart along the axis where they overlap
    less, half the overlap each, so the layout keeps its shape. Horizontal overlaps
    count `aspect` times less, so wide boxes (nodes with labels) spread sideways into a
    landscape picture instead of stacking into a tower. Returns new centres.
    """
    xy = xy.astype(float).copy()
    n = len(xy)
    if n < 2:
        return xy
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    tiebreak = np.arange(n, dtype=float)
    for _ in range(rounds):
        d = xy[:, None, :] - xy[None, :, :]
        over = half[:, None, :] + half[None, :, :] - np.abs(d)
        hit = (over[..., 0] > 0) & (over[..., 1] > 0) & upper
        if not hit.any():
            break
        i, j = np.nonzero(hit)
        ox, oy = over[i, j, 0], over[i, j, 1]
        along_x = ox <= oy * aspect
        # coincident centres: push by index, so the result stays deterministic
        sx = np.sign(d[i, j, 0]) + (d[i, j, 0] == 0) * np.sign(tiebreak[i] - tiebreak[j] + 0.5)
        sy = np.sign(d[i, j, 1]) + (d[i, j, 1] == 0) * np.sign(tiebreak[i] - tiebreak[j] + 0.5)
        push = np.zeros((len(i), 2))
        push[along_x, 0] = sx[along_x] * (ox[along_x] / 2 + 0.5)
        push[~along_x, 1] = sy[~along_x] * (oy[~along_x] / 2 + 0.5)
        move = np.zeros_like(xy)
        np.add.at(move, i, push)
        np.add.at(move, j, -push)
        xy += move
    return xy


def _pack(sizes: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Top left corners for boxes of `sizes` (the components, largest first) packed in
    rows, at the row width (of a few tried) whose packing a page of ASPECT fits at the
    largest scale."""
    total = sum((w + gap) * (h + gap) for w, h in sizes)
    widest = max(w for w, _ in sizes)
    # the rows break differently only where a row's running width passes a component
    ends = np.cumsum([w + gap for w, _ in sizes]) - gap
    tried = {max(math.sqrt(total) * 1.3, widest)}
    tried.update(float(e) for e in ends[:: max(1, len(ends) // PACK_WIDTHS)] if e >= widest)
    best = min(sorted(tried), key=lambda width: _shelf_extent(sizes, width, gap))
    return _shelves(sizes, best, gap)


def _shelves(sizes: list[tuple[float, float]], width: float, gap: float
             ) -> list[tuple[float, float]]:
    """Top left corners of boxes of `sizes` packed in rows at most `width` wide."""
    x = y = row_h = 0.0
    out = []
    for w, h in sizes:
        if x > 0 and x + w > width + 1e-6:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        out.append((x, y))
        x += w + gap
        row_h = max(row_h, h)
    return out


def _shelf_extent(sizes: list[tuple[float, float]], width: float, gap: float) -> float:
    corners = _shelves(sizes, width, gap)
    w = max(x + sw for (x, _), (sw, _) in zip(corners, sizes, strict=True))
    h = max(y + sh for (_, y), (_, sh) in zip(corners, sizes, strict=True))
    return max(w / ASPECT, h)


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
