"""`ckg query` and `ckg queries` in-process: output, one-line errors, read-only store."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from ckg.cli_query import COMMANDS

from .query_helpers import make_store

INJECTION = '"} ; DROP ALL ; {"'

# the commands of this module as `ckg` registers them (ckg/cli.py adds COMMANDS)
cli = click.Group("ckg", commands={c.name: c for c in COMMANDS})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("cli") / "store")


def quad_count(store: Path) -> int:
    return len(ox.Store.read_only(str(store)))


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


@pytest.mark.parametrize("command", sorted(c.name for c in COMMANDS))
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Usage:" in out


def test_query_prints_a_table(store: Path) -> None:
    code, out, _ = run("query", "casualty-estimates", "--store", str(store),
                       "--param", "event=Khojaly massacre")
    assert (code, out.splitlines()[0].split()[:4], out.splitlines()[-1]) == (
        0, ["claimant", "measure", "min", "max"], "(5 rows)")


def test_query_writes_json_to_a_file(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "rows.json"
    code, _, _ = run("query", "perpetrators", "--store", str(store), "-p",
                     "event=Khojaly massacre", "--format", "json", "-o", str(target))
    assert (code, [r["perpetrator"] for r in json.loads(target.read_text())]) == (
        0, ["Armenian forces", "Popular Front of Azerbaijan"])


def test_queries_lists_questions(store: Path) -> None:
    code, out, _ = run("queries")
    assert code == 0 and "casualty-estimates" in out and "event, measure?" in out


def test_queries_json_says_which_parameters_are_required() -> None:
    code, out, _ = run("queries", "--format", "json")
    by_name = {d["name"]: d for d in json.loads(out)}
    assert (code, by_name["casualty-estimates"]["parameters"][:2]) == (0, [
        {"name": "event", "kind": "entity-by-label", "required": True,
         "class": "https://w3id.org/ckg/ns#Event",
         "description": 'the event, by any of its labels ("Khojaly massacre")'},
        {"name": "measure", "kind": "literal", "required": False,
         "description": "only this measure: killed, injured, displaced, detained or missing"},
    ])


def test_injection_is_a_label_that_matches_nothing(store: Path) -> None:
    before = quad_count(store)
    code, out, err = run("query", "perpetrators", "--store", str(store), "--param",
                         "event=" + INJECTION)
    assert (code, out, err.count("\n"), "no event labelled" in err, quad_count(store)) == (
        1, "", 1, True, before)


def test_syntax_error_is_one_line(store: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p }\n", encoding="utf-8")
    code, out, err = run("query", str(bad), "--store", str(store))
    assert (code, out, err.count("\n"), err.startswith("ckg: error: ")) == (1, "", 1, True)


def test_unknown_query_is_one_line(store: Path) -> None:
    code, _, err = run("query", "who-did-it", "--store", str(store))
    assert (code, err.count("\n"), "no named query 'who-did-it'" in err) == (1, 1, True)


def test_update_without_flag_is_refused(store: Path, tmp_path: Path) -> None:
    upd = tmp_path / "drop.rq"
    upd.write_text("DROP ALL\n", encoding="utf-8")
    before = quad_count(store)
    code, _, err = run("query", str(upd), "--store", str(store))
    assert (code, err.count("\n"), "--update" in err, quad_count(store)) == (1, 1, True, before)


def test_update_with_flag_changes_the_store(store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    upd = tmp_path / "drop.rq"
    upd.write_text("DROP GRAPH <https://w3id.org/ckg/id/graph-ontology>\n", encoding="utf-8")
    before = quad_count(copy)
    code, _, _ = run("query", str(upd), "--store", str(copy), "--update")
    assert (code, before - quad_count(copy)) == (0, 35)


def test_any_file_runs_with_literal_parameters(store: Path, tmp_path: Path) -> None:
    f = tmp_path / "docs.rq"
    f.write_text("PREFIX ckg: <https://w3id.org/ckg/ns#>\n"
                 "SELECT ?name ?d WHERE { ?d ckg:fileName ?name }\n", encoding="utf-8")
    code, out, _ = run("query", str(f), "--store", str(store), "-p",
                       "name=004_383d63a257376c65.txt", "--format", "csv")
    assert (code, out.splitlines()) == (0, [
        "name,d", "004_383d63a257376c65.txt,https://w3id.org/ckg/id/doc-004_383d63a257376c65"])


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("query", "events", "--store", str(tmp_path / "nothing"))
    assert (code, err.count("\n"), "not a ckg store" in err) == (1, 1, True)


def test_unreachable_endpoint_is_one_line() -> None:
    code, _, err = run("query", "events", "--endpoint", "http://127.0.0.1:9/query")
    assert (code, err.count("\n"), err.startswith("ckg: error: http://127.0.0.1:9/query")) == (
        1, 1, True)


def test_columns_option_picks_and_orders_columns(store: Path) -> None:
    code, out, _ = run("query", "perpetrators", "--store", str(store), "-p",
                       "event=Khojaly massacre", "--columns", "claimant,perpetrator",
                       "--format", "csv")
    assert (code, out.splitlines()) == (0, [
        "claimant,perpetrator", ",Armenian forces", "Nikol Pashinyan,Popular Front of Azerbaijan"])


def test_unknown_column_is_one_line(store: Path) -> None:
    code, _, err = run("query", "events", "--store", str(store), "--columns", "colour")
    assert (code, err.count("\n"), "no column 'colour'" in err) == (1, 1, True)
