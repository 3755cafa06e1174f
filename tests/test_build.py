"""The whole build on the corpus, and the store's promises: atomic, incremental, deterministic."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from ckg import api
from ckg.cli import main
from ckg.evaluate import load_gold, score
from graph_build.errors import CkgError

from .conftest import CORPUS, SEED_GOLD


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared/spec is not beside this checkout")
def test_seed_claims_reach_precision_and_recall(corpus_claims: list[dict]) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    report = score(load_gold([SEED_GOLD]), corpus_claims, texts)
    assert (report.total.precision >= 0.90, report.total.recall >= 0.90, report.grounded_rate) == (True, True, 1.0)


def test_no_claim_comes_from_the_reader_comment(corpus_claims: list[dict]) -> None:
    text = (CORPUS / "001_855ef1f7862fcbce.txt").read_text(encoding="utf-8")
    comment_start = text.index("Ararat said:")
    assert [c for c in corpus_claims if c["doc"].startswith("001") and c["start"] >= comment_start] == []


def test_black_january_is_one_event_across_three_documents(corpus_claims: list[dict]) -> None:
    docs = {c["doc"][:3] for c in corpus_claims if c["event"] == "Black January"}
    assert docs == {"002", "004"} or docs >= {"002", "004"}


def _count(store: Path, query: str) -> int:
    s = api.open_store(store)
    return int(next(iter(s.query(query, use_default_graph_as_union=True)))[0].value)


@pytest.mark.parametrize("doc,expected", [("003_3dd444bb38705b39", 88), ("000_2f715927ab984ae8", 8)])
def test_reference_lists_become_cited_works(corpus_store: Path, doc: str, expected: int) -> None:
    q = ("SELECT (COUNT(?w) AS ?n) WHERE { ?w a <https://w3id.org/ckg/ns#CitedWork> ; "
         f"<http://purl.org/dc/terms/isReferencedBy> <https://w3id.org/ckg/id/doc-{doc}> }}")
    assert _count(corpus_store, q) == expected


def test_two_builds_give_byte_identical_turtle(tmp_path: Path, corpus_store: Path) -> None:
    api.build([CORPUS], tmp_path / "again")
    assert api.export(tmp_path / "again", "turtle") == api.export(corpus_store, "turtle")


def test_turtle_export_parses_the_same_in_rdflib_and_pyoxigraph(corpus_store: Path) -> None:
    data = api.export(corpus_store, "turtle")
    g = rdflib.Graph().parse(data=data, format="turtle")
    n_ox = len(list(ox.parse(data, format=ox.RdfFormat.TURTLE)))
    assert len(g) == n_ox > 1000


@pytest.mark.parametrize("name,content", [
    ("empty.txt", b""),
    ("binary.txt", b"\x00\x01\x02PNG"),
    ("latin1.txt", "Massakren i Tarvo, sa ministeren: 12 døde".encode("latin-1")),
])
def test_bad_input_is_one_line_and_keeps_the_store(tmp_path: Path, corpus_store: Path, name: str,
                                                   content: bytes) -> None:
    store = tmp_path / "store"
    shutil.copytree(corpus_store, store)
    before = api.export(store, "nquads")
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / name).write_bytes(content)
    result = CliRunner().invoke(main, ["build", str(bad), "--store", str(store)])
    lines = result.output.strip().splitlines()
    assert (result.exit_code, len(lines), name in result.output, api.export(store, "nquads") == before) == \
        (1, 1, True, True)


def test_a_folder_of_nothing_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(CkgError):
        api.build([tmp_path / "empty"], tmp_path / "store")


def test_rebuild_skips_unchanged_and_replaces_changed(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    shutil.copytree(CORPUS, src)
    store = tmp_path / "store"
    api.build([src], store)
    path = src / "004_383d63a257376c65.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("744", "745"), encoding="utf-8")
    report = api.build([src], store)
    injured = {c["min"] for c in api.claims(store) if c["doc"].startswith("004") and c["type"] == "casualty"}
    assert (len(report.unchanged), report.replaced, 745 in injured, 744 in injured) == \
        (4, ["004_383d63a257376c65.txt"], True, False)


def test_remove_drops_one_document(tmp_path: Path, corpus_store: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(corpus_store, store)
    api.remove(["002_b826abae50612879.txt"], store)
    docs = {c["doc"] for c in api.claims(store)}
    assert ("002_b826abae50612879.txt" in docs, len(docs)) == (False, 4)


def test_every_command_has_help() -> None:
    runner = CliRunner()
    bad = [name for name in main.commands if runner.invoke(main, [name, "--help"]).exit_code != 0]
    assert bad == []


def test_claims_command_prints_json_lines(corpus_store: Path) -> None:
    result = CliRunner().invoke(main, ["claims", "--store", str(corpus_store)])
    first = result.output.splitlines()[0]
    assert first.startswith("{") and '"type"' in first


def test_a_store_in_a_folder_not_yet_made_is_built(tmp_path: Path) -> None:
    from graph_build.pipeline import build
    doc = tmp_path / "docs" / "t.txt"
    doc.parent.mkdir()
    doc.write_text("The Tarvo massacre\n\nSoldiers killed 40 villagers in Tarvo.\n", encoding="utf-8")
    build([doc], tmp_path / "out" / "deeper" / "store")
    assert (tmp_path / "out" / "deeper" / "store").is_dir()


def test_a_store_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ckg.cli import main
    blocker = tmp_path / "file"
    blocker.write_text("x")
    doc = tmp_path / "t.txt"
    doc.write_text("The Tarvo massacre\n\nSoldiers killed 40 villagers in Tarvo.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(doc), "--store", str(blocker / "store")])
    assert (res.exit_code, len(res.output.strip().splitlines()), "Traceback" in res.output) == (1, 1, False)
