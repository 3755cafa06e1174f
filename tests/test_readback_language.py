"""The claim read-back names an entity the gazetteer knows by its preferred (English) label,
and any other entity as the document's own language writes it."""
from __future__ import annotations

from pathlib import Path

from ckg import api


def _claims(tmp_path: Path, name: str, text: str) -> list[dict]:
    doc = tmp_path / name
    doc.write_text(text, encoding="utf-8")
    api.build([doc], tmp_path / "store")
    return list(api.claims(tmp_path / "store"))


def test_an_unknown_body_is_read_back_in_the_documents_language(tmp_path: Path) -> None:
    cs = _claims(tmp_path, "tarnow.txt", "Тарновская резня\n\n"
                 "По данным прокуратуры Польши, в Тарнове погибли 14 человек.\n\n"
                 "Human Rights Watch назвала убийства в Тарнове резнёй.\n")
    toll = next(c for c in cs if c["type"] == "casualty")
    label = next(c for c in cs if c["type"] == "classification")
    assert (toll["claimant"], label["claimant"]) == ("прокуратуры Польши", "Human Rights Watch")


def test_an_english_document_keeps_the_canonical_name(tmp_path: Path) -> None:
    cs = _claims(tmp_path, "tarvo.txt", "The Tarvo massacre\n\n"
                 "According to the Polish prosecutor's office, 14 people were killed in Tarvo.\n")
    assert next(c for c in cs if c["type"] == "casualty")["claimant"] == "Polish Prosecutor's Office"
