"""The picture of disagreement: casualty estimates per claimant, and a timeline.

Both charts read the networkx view (ckg.views.network), never the store directly.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from . import style
from .figure import FigureError, new_figure, separate_labels
from .network import find_node

AGREED_COLOUR = "#0072B2"


def casualty_estimates(g: nx.MultiDiGraph, event: str) -> list[dict[str, Any]]:
    """One record per claimant's distinct casualty figure for `event`, sorted by measure.

    Each record: measure, min, max (None when open), claimant, year (earliest), disputed,
    mentions (how many claims give this figure). Raises FigureError if the event is unknown.
    """
    ev = find_node(g, event)
    if ev is None or g.nodes[ev]["kind"] != "event":
        raise FigureError(f"no event {event!r} in the graph",
                          fix="give an event id or label, e.g. 'Khojaly massacre'")
    seen: dict[str, dict[str, Any]] = {}
    for *_, a in g.in_edges(ev, data=True):
        if a.get("contested") and a["claim_type"] == "casualty" and a["claim"] not in seen:
            seen[a["claim"]] = {
                "claim": a["claim"], "measure": a.get("measure", "casualties"),
                "min": a.get("min"), "max": a.get("max"), "claimant": a.get("claimant", "?"),
                "voice": a.get("document_voice", False), "year": a.get("year"),
                "disputed": a.get("disputed", False), "stance": a["stance"],
                "vague": a.get("vague"), "document": a.get("document_title", ""),
            }
    # one row per claimant and figure: the same toll quoted in the infobox and the body
    # (or in two documents) is one estimate, mentioned twice
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in sorted(seen.values(), key=lambda r: r["claim"]):
        key = (r["measure"], r["claimant"], r["min"], r["max"], r["stance"], r["vague"])
        if key in merged:
            m = merged[key]
            m["mentions"] += 1
            m["disputed"] = m["disputed"] or r["disputed"]
            years = [y for y in (m["year"], r["year"]) if y]
            m["year"] = min(years) if years else None
        else:
            merged[key] = {**r, "mentions": 1}
    return sorted(merged.values(), key=lambda r: (r["measure"], _low(r), r["claimant"]))


def _low(r: dict[str, Any]) -> float:
    return float(r["min"] if r["min"] is not None else r["max"] if r["max"] is not None else 0)


def _value_text(r: dict[str, Any]) -> str:
    lo, hi = r["min"], r["max"]
    if lo is not None and hi is not None:
        return f"{lo:,}" if lo == hi else f"{lo:,}–{hi:,}"
    if lo is not None:
        return f"at least {lo:,}"
    if hi is not None:
        return f"up to {hi:,}"
    return str(r.get("vague") or "no figure")


def estimates_chart(g: nx.MultiDiGraph, event: str) -> Figure:
    """Each claimant's casualty estimate for `event` as a range bar, grouped by measure.

    A point for an exact figure, a bar for an interval, a bar with an arrow for a lower
    bound ("at least 200") or an upper bound ("up to 12,000"). Rows are labelled with the
    claimant and the year; estimates that contradict another claimant's are red.
    Raises FigureError if the event is unknown or has no casualty claims.
    """
    rows = casualty_estimates(g, event)
    ev_label = g.nodes[find_node(g, event)]["label"]
    if not rows:
        raise FigureError(f"no casualty claims about {ev_label!r}",
                          fix="see 'ckg claims' for the claims the graph holds")
    by_measure: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_measure[r["measure"]].append(r)
    top = max([x for r in rows for x in (r["min"], r["max"]) if x is not None] or [1])
    xmax = top * 1.35
    n_rows = len(rows) + len(by_measure)
    fig, ax = new_figure(9.0, 1.2 + 0.42 * n_rows)
    y = 0.0
    ticks, ticklabels = [], []
    texts = []
    for measure in sorted(by_measure):
        ax.text(-0.01, y, measure, transform=ax.get_yaxis_transform(), ha="right",
                va="center", fontsize=10, fontweight="bold")
        ax.axhline(y + 0.5, color="#ddd", lw=0.8)
        y += 1
        for r in by_measure[measure]:
            colour = style.DISPUTED_COLOUR if r["disputed"] else AGREED_COLOUR
            lo, hi = r["min"], r["max"]
            if lo is not None and hi is not None and lo == hi:
                ax.plot([lo], [y], marker="o", color=colour, markersize=8, zorder=3)
                end = lo
            elif lo is not None and hi is not None:
                ax.barh(y, hi - lo, left=lo, height=0.36, color=colour, alpha=0.85, zorder=2)
                end = hi
            elif lo is not None:
                ax.plot([lo], [y], marker="|", color=colour, markersize=14, mew=2.5, zorder=3)
                ax.annotate("", xy=(xmax * 0.97, y), xytext=(lo, y), zorder=2,
                            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.2,
                                        "mutation_scale": 14})
                end = lo
            elif hi is not None:
                ax.plot([hi], [y], marker="|", color=colour, markersize=14, mew=2.5, zorder=3)
                ax.annotate("", xy=(0, y), xytext=(hi, y), zorder=2,
                            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.2,
                                        "mutation_scale": 14})
                end = hi
            else:
                end = 0
            texts.append(ax.annotate(_value_text(r), xy=(end, y), xytext=(6, 7),
                                     textcoords="offset points", fontsize=8.5, color=colour))
            who = r["claimant"] + (" (document's voice)" if r["voice"] else "")
            if r["stance"] == "denies":
                who += " — denies"
            if r["year"]:
                who += f", {r['year']}"
            if r["mentions"] > 1:
                who += f" ({r['mentions']} mentions)"
            ticks.append(y)
            ticklabels.append(who)
            y += 1
    ax.set_yticks(ticks, ticklabels, fontsize=9)
    ax.set_ylim(y - 0.4, -0.6)
    ax.set_xlim(0, xmax)
    ax.xaxis.set_major_formatter(lambda v, _: f"{int(v):,}")
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(f"{ev_label}: casualty estimates by claimant", fontsize=12, loc="left")
    ax.set_xlabel("people")
    ax.legend(handles=[
        Line2D([], [], marker="o", linestyle="", color="#444", label="exact figure"),
        Patch(color="#444", alpha=0.85, label="range"),
        Line2D([], [], marker="|", mew=2, markersize=10, color="#444", label="bound (arrow: open end)"),
        Patch(color=style.DISPUTED_COLOUR, label="contradicts another claimant"),
        Patch(color=AGREED_COLOUR, label="consistent with the others"),
    ], fontsize=8, loc="upper left", bbox_to_anchor=(0, 0), ncol=3, frameon=False,
        # below the x-axis label, whatever the height of the chart
        bbox_transform=offset_copy(ax.transAxes, fig=fig, y=-38, units="points"))
    fig.canvas.draw()
    separate_labels(fig, texts)
    return fig


def _as_date(value: Any) -> dt.date | None:
    """An xsd:date / gYearMonth / gYear lexical form as a date (the first day it covers)."""
    s = str(value or "")
    for fmt, n in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(s[:n], fmt).date()
        except ValueError:
            continue
    return None


def timeline_items(g: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(events, acts) with dates, for the timeline. Acts carry the event they concern."""
    events, acts = [], []
    for v, a in g.nodes(data=True):
        if a["kind"] == "event" and (start := _as_date(a.get("begin") or a.get("date"))):
            end = _as_date(a.get("end")) or start
            events.append({"id": v, "label": a["label"], "start": start, "end": end,
                           "conflict": a.get("subkind") == "conflict"})
        elif a["kind"] == "act" and (when := _as_date(a.get("date"))):
            about = [t for _, t, e in g.out_edges(v, data=True) if e["relation"] == "concerns"]
            bodies = [g.nodes[t]["label"] for _, t, e in g.out_edges(v, data=True)
                      if e["relation"] == "adopted_by"]
            acts.append({"id": v, "label": a["label"], "date": when, "event": sorted(about),
                         "body": ", ".join(sorted(bodies)), "subkind": a.get("subkind", "act"),
                         "precision": len(str(a.get("date")))})
    events.sort(key=lambda e: (e["start"], e["label"]))
    acts.sort(key=lambda x: (x["date"], x["label"]))
    return events, acts


def timeline_chart(g: nx.MultiDiGraph) -> Figure:
    """Events (bars for spans, diamonds for days) and formal acts (hexagons) on a time axis.

    Each event has its row; an act sits on the row of the event it concerns.
    Raises FigureError when nothing in the graph is dated.
    """
    events, acts = timeline_items(g)
    if not events and not acts:
        raise FigureError("no dated events or formal acts in the graph")
    row = {e["id"]: i for i, e in enumerate(events)}
    orphans = [x for x in acts if not any(ev in row for ev in x["event"])]
    n_rows = len(events) + (1 if orphans else 0)
    fig, ax = new_figure(11.0, 1.6 + 0.55 * n_rows)
    ev_colour = style.NODE_STYLE["event"][2]
    act_colour = style.NODE_STYLE["act"][2]
    texts = []
    for i, e in enumerate(events):
        span = (e["end"] - e["start"]).days
        if span > 31:
            ax.barh(i, span, left=e["start"], height=0.3, color=ev_colour,
                    alpha=0.35 if e["conflict"] else 0.8)
        else:
            ax.plot([e["start"]], [i], marker="D", color=ev_colour, markersize=7)
    for x in acts:
        rows_of = [row[ev] for ev in x["event"] if ev in row] or [len(events)]
        for r in rows_of:
            ax.plot([x["date"]], [r], marker="h", color=act_colour, markersize=9,
                    markeredgecolor="white", zorder=3)
            body = f"{x['body']}: " if x["body"] else ""
            text = f"{body}{x['label']} ({x['date'].isoformat()[:x['precision']]})"
            texts.append(ax.annotate(text if len(text) < 70 else text[:68] + "…",
                                     xy=(x["date"], r), xytext=(5, -11),
                                     textcoords="offset points", fontsize=7.5, color="#6b2d5c"))
    labels = [e["label"] for e in events] + (["(other formal acts)"] if orphans else [])
    dates = [e["start"] for e in events] + [e["end"] for e in events] + [x["date"] for x in acts]
    first, last = min(dates), max(dates)
    pad = dt.timedelta(days=max(365, (last - first).days // 20))
    # room on the right for the labels of the latest acts
    ax.set_xlim(first - pad, last + dt.timedelta(days=max(3 * 365, (last - first).days // 3)))
    ax.set_yticks(range(n_rows), labels, fontsize=9)
    ax.set_ylim(n_rows - 0.4, -0.7)
    ax.grid(axis="x", color="#eee")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title("Events and formal acts", fontsize=12, loc="left")
    ax.legend(handles=[
        Line2D([], [], marker="D", linestyle="", color=ev_colour, label="event (day)"),
        Patch(color=ev_colour, alpha=0.8, label="event (span)"),
        Line2D([], [], marker="h", linestyle="", color=act_colour, markersize=9,
               label="formal act (resolution, judgment, ...)"),
    ], fontsize=8, loc="upper left", bbox_to_anchor=(0, -0.06), ncol=3, frameon=False)
    fig.canvas.draw()
    separate_labels(fig, texts)
    return fig
