"""`ckg viz` and `ckg chart`, run in-process as a user would."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from ckg.views.cli import COMMANDS, chart, viz
from tests.views_helpers import mini_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mini_store(tmp_path_factory.mktemp("cli"))


def _all_commands() -> list[tuple[str, click.Command]]:
    out = []
    for c in COMMANDS:
        out.append((c.name or "", c))
        if isinstance(c, click.Group):
            out += [(f"{c.name} {n}", sub) for n, sub in c.commands.items()]
    return out


@pytest.mark.parametrize("name,cmd", _all_commands(), ids=[n for n, _ in _all_commands()])
def test_every_command_has_help(name: str, cmd: click.Command) -> None:
    result = CliRunner().invoke(cmd, ["--help"])
    assert (result.exit_code, bool((cmd.help or "").strip())) == (0, True)


@pytest.mark.parametrize("args,suffix,magic", [
    ([], "html", b"<!DOCTYPE html>"),
    (["--around", "Khojaly massacre", "--depth", "1"], "svg", b"<?xml"),
    (["--event", "Black January"], "png", b"\x89PNG"),
    (["--format", "gexf"], "xml", b"<gexf"),
], ids=["html", "svg-around", "png-event", "gexf"])
def test_viz_writes_the_format_of_the_suffix(store: Path, tmp_path: Path, args: list[str],
                                             suffix: str, magic: bytes) -> None:
    out = tmp_path / f"out.{suffix}"
    result = CliRunner().invoke(viz, ["--store", str(store), "-o", str(out), *args])
    assert (result.exit_code, out.read_bytes()[:len(magic)]) == (0, magic)


def test_html_page_inlines_everything(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    CliRunner().invoke(viz, ["--store", str(store), "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert ("<script src" not in text, "<link" not in text, "http-equiv=\"Content-Security-Policy\""
            in text) == (True, True, True)


@pytest.mark.parametrize("sub,args", [
    ("estimates", ["--event", "Khojaly massacre"]), ("timeline", [])], ids=["estimates", "timeline"])
def test_chart_writes_svg(store: Path, tmp_path: Path, sub: str, args: list[str]) -> None:
    out = tmp_path / "chart.svg"
    result = CliRunner().invoke(chart, [sub, "--store", str(store), "-o", str(out), *args])
    assert (result.exit_code, b"<svg" in out.read_bytes()) == (0, True)


@pytest.mark.parametrize("cmd,args,message", [
    (viz, ["--event", "Atlantis"], "no event 'Atlantis'"),
    (viz, ["--from", "last year"], "not a date"),
    (chart, ["estimates", "--event", "First Nagorno-Karabakh War"], "no casualty claims"),
], ids=["unknown-event", "bad-date", "no-tolls"])
def test_errors_are_one_line_and_exit_1(store: Path, tmp_path: Path, cmd: click.Command,
                                        args: list[str], message: str) -> None:
    store_args = ["--store", str(store), "-o", str(tmp_path / "x.svg")]
    full = [args[0], *store_args, *args[1:]] if cmd is chart else [*store_args, *args]
    result = CliRunner().invoke(cmd, full)
    assert (result.exit_code, message in result.output, result.output.count("\n")) == (1, True, 1)


def test_missing_store_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(viz, ["--store", str(tmp_path / "none"), "-o",
                                      str(tmp_path / "g.html")])
    assert (result.exit_code, "not a ckg store" in result.output) == (1, True)
