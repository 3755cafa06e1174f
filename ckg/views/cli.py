"""`ckg viz` (page, figures, GraphML/GEXF) and `ckg chart` (estimates, timeline).

Thin commands: each parses options and calls the plain functions of ckg.views.
"""
from __future__ import annotations

from pathlib import Path

import click

from ckg.cli_common import handle_errors, out_option, store_option, write_output

from .charts import estimates_chart, timeline_chart
from .exchange import GRAPH_FORMATS, write_graph
from .figure import FIGURE_FORMATS, FigureError, figure_bytes, format_from_path
from .html import render_page
from .network import CLAIM_TYPES, ViewFilter, filter_view, load_view, parse_date
from .static import render_figure

VIZ_FORMATS = ("html", *FIGURE_FORMATS, *GRAPH_FORMATS)


@click.command("viz")
@store_option
@out_option
@click.option("--format", "fmt", type=click.Choice(VIZ_FORMATS), default=None,
              help="html (interactive page), svg|png|pdf (figure) or graphml|gexf (for "
                   "Gephi, Cytoscape); default: from the -o suffix, else html.")
@click.option("--event", default=None, help="Keep what bears on this event (id or label).")
@click.option("--claim-type", "claim_types", multiple=True,
              type=click.Choice(sorted(CLAIM_TYPES.values())),
              help="Keep claims of this type (repeatable).")
@click.option("--claimant", "claimants", multiple=True,
              help="Keep claims of this claimant (id or label; repeatable).")
@click.option("--document", "documents", multiple=True,
              help="Keep claims from this document (file name, id or title; repeatable).")
@click.option("--from", "date_from", default=None, help="Drop events and acts before (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", default=None, help="Drop events and acts after (YYYY[-MM[-DD]]).")
@click.option("--around", default=None, help="Keep the neighbourhood of this node (id or label).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10),
              help="Links from --around to keep.")
@click.option("--title", default="ckg: who says what", show_default=True, help="Page or figure title.")
@handle_errors
def viz(store: Path, out: Path | None, fmt: str | None, event: str | None,
        claim_types: tuple[str, ...], claimants: tuple[str, ...], documents: tuple[str, ...],
        date_from: str | None, date_to: str | None, around: str | None, depth: int,
        title: str) -> None:
    """Draw the graph: an offline HTML page, a figure, or a GraphML/GEXF file.

    \b
    ckg viz --store DIR -o graph.html
    ckg viz --store DIR --around "Khojaly massacre" --depth 1 -o khojaly.svg
    ckg viz --store DIR --format graphml -o ckg.graphml
    """
    fmt = format_from_path(out, fmt, "html")
    if fmt not in VIZ_FORMATS:
        raise FigureError(f"cannot tell the format from {out}", fix="give --format")
    f = ViewFilter(
        event=event, claim_types=frozenset(claim_types), claimants=frozenset(claimants),
        documents=frozenset(documents),
        date_from=parse_date(date_from) if date_from else None,
        date_to=parse_date(date_to) if date_to else None, around=around, depth=depth)
    g = filter_view(load_view(store), f)
    if fmt == "html":
        data: bytes | str = render_page(g, title)
    elif fmt in GRAPH_FORMATS:
        data = write_graph(g, fmt)
    else:
        data = render_figure(g, fmt, "" if title == "ckg: who says what" else title)
    write_output(data, out)


@click.group("chart")
def chart() -> None:
    """Charts of the graph: casualty estimates per claimant, timeline of events and acts."""


@chart.command("estimates")
@store_option
@out_option
@click.option("--event", required=True, help="The event (id or label), e.g. 'Khojaly massacre'.")
@click.option("--format", "fmt", type=click.Choice(FIGURE_FORMATS), default=None,
              help="Default: from the -o suffix, else svg.")
@handle_errors
def estimates(store: Path, out: Path | None, event: str, fmt: str | None) -> None:
    """Each claimant's casualty estimate for an event as a range bar, grouped by measure."""
    fmt = format_from_path(out, fmt, "svg")
    write_output(figure_bytes(estimates_chart(load_view(store), event), _figure_format(fmt)), out)


@chart.command("timeline")
@store_option
@out_option
@click.option("--format", "fmt", type=click.Choice(FIGURE_FORMATS), default=None,
              help="Default: from the -o suffix, else svg.")
@handle_errors
def timeline(store: Path, out: Path | None, fmt: str | None) -> None:
    """Events and formal acts (resolutions, judgments, ...) on a time axis."""
    fmt = format_from_path(out, fmt, "svg")
    write_output(figure_bytes(timeline_chart(load_view(store)), _figure_format(fmt)), out)


def _figure_format(fmt: str) -> str:
    if fmt not in FIGURE_FORMATS:
        raise FigureError(f"unknown figure format {fmt!r}", fix="use svg, png or pdf")
    return fmt


COMMANDS = [viz, chart]
