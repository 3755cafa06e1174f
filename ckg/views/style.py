"""How node kinds and claim types look, shared by the HTML page and the static figures.

Colours come from the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); shape tells node kinds apart even in greyscale print.
"""
from __future__ import annotations

# kind -> (legend label, shape, fill colour); shapes are named for both renderers:
# the page draws them on a canvas, matplotlib maps them to markers (MARKERS).
NODE_STYLE: dict[str, tuple[str, str, str]] = {
    "event": ("event", "diamond", "#D55E00"),
    "actor": ("actor (claimant, perpetrator, victim group, body)", "circle", "#0072B2"),
    "place": ("place", "triangle", "#009E73"),
    "document": ("document", "square", "#555555"),
    "cited_work": ("cited work (footnote)", "square", "#BBBBBB"),
    "act": ("formal act (resolution, judgment, ...)", "hexagon", "#CC79A7"),
}
MARKERS = {"diamond": "D", "circle": "o", "triangle": "^", "square": "s", "hexagon": "h"}

CLAIM_STYLE: dict[str, tuple[str, str]] = {
    "casualty": ("casualty claim", "#E69F00"),
    "perpetrator": ("perpetrator claim", "#8B4513"),
    "classification": ("classification claim", "#7B3FA0"),
    "resolution": ("resolution / formal act claim", "#56B4E9"),
}
STRUCTURAL_COLOUR = "#9A9A9A"
DISPUTED_COLOUR = "#E0001B"
DISPUTED_DASH = (6, 4)


def as_json() -> dict[str, object]:
    """The styles as plain data for the page's script."""
    return {
        "nodes": {k: {"label": lab, "shape": shape, "color": col}
                  for k, (lab, shape, col) in NODE_STYLE.items()},
        "claims": {k: {"label": lab, "color": col} for k, (lab, col) in CLAIM_STYLE.items()},
        "structural": STRUCTURAL_COLOUR,
        "disputed": DISPUTED_COLOUR,
        "dash": list(DISPUTED_DASH),
    }
