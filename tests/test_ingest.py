"""Reading input files: decoding, hashing, manifests, inferred metadata, bad input."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph_build.errors import InputError, ManifestError
from graph_build.ingest import infer_language, read_document, read_documents

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "file is empty"),
        (b"  \n\t\n  ", "only whitespace"),
        (b"text\x00with a NUL byte", "binary file (NUL byte at byte offset 4)"),
        (b"abc \xff def", "not valid UTF-8 at byte offset 4"),
        ("Først linje\n".encode() + b"\xc3(", "not valid UTF-8 at byte offset 13"),
    ],
    ids=["empty", "whitespace-only", "binary", "invalid-utf8", "invalid-utf8-after-multibyte"],
)
def test_unreadable_file_is_one_line_input_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as err:
        read_documents([path])
    assert message in str(err.value)
    assert err.value.where == str(path)
    assert "\n" not in str(err.value)


def test_missing_path_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read_documents([tmp_path / "nope.txt"])


def test_folder_without_txt_files_is_input_error(tmp_path: Path) -> None:
    _write(tmp_path, "notes.md", "not a document")
    with pytest.raises(InputError, match="folder holds no .txt files") as err:
        read_documents([tmp_path])
    assert err.value.where == str(tmp_path)


def test_two_files_with_one_id_is_input_error(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = _write(tmp_path / "a", "doc.txt", "One text.")
    two = _write(tmp_path / "b", "doc.txt", "Another text.")
    with pytest.raises(InputError, match="two documents have the id 'doc'"):
        read_documents([one, two])


# ---------------------------------------------------------------- decoding and ids


def test_bom_is_stripped_and_hash_is_of_the_raw_bytes(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbfTitle\n\nThe body."
    doc = read_document(_write(tmp_path, "x_1.txt", raw))
    assert (doc.text, doc.doc_id, doc.file_name) == ("Title\n\nThe body.", "x_1", "x_1.txt")
    assert doc.content_hash == hashlib.sha256(raw).hexdigest()


def test_folders_and_files_are_read_sorted_and_once(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        _write(tmp_path, name, "Some text in English.")
    docs = read_documents([tmp_path, tmp_path / "a.txt"])
    assert [d.doc_id for d in docs] == ["a", "b"]


# ---------------------------------------------------------------- inferred metadata


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The town was shelled by the forces and the people fled to the hills.", "en"),
        ("Byen ble beskutt av styrkene, og folket flyktet til fjellene i løpet av natten.", "nb"),
        ("Город был обстрелян, и жители бежали в горы после начала штурма.", "ru"),
        ("Şəhər atəşə tutuldu və sakinlər bu gecə dağlara qaçdı.", "az"),
    ],
    ids=["english", "norwegian", "russian", "azerbaijani"],
)
def test_language_is_inferred_from_function_words(text: str, lang: str) -> None:
    assert infer_language(text)[0] == lang


def test_language_ignores_an_indented_reference_list_in_another_language() -> None:
    text = ("Byen ble beskutt av styrkene, og folket flyktet.\n\n"
            "  1. ^ Smith, John (2001). The history of the war and the people of the town.\n"
            "  2. ^ Doe, Jane (2004). The shelling of the town and what was said of it.\n")
    assert infer_language(text)[0] == "nb"


def test_unknown_language_defaults_to_english_and_says_so() -> None:
    assert infer_language("12345 67890") == ("en", "no function words of a known language; default")


@pytest.mark.parametrize(
    ("first_line", "date", "title"),
    [
        (" date 2022-01-20 Azerbaijan commemorates victims.", "2022-01-20",
         "Azerbaijan commemorates victims."),
        ("Date: 5 March 1992 Massacre reported", "1992-03-05", "Massacre reported"),
        ("Dato 27. mars 2012 Senatet vedtok", "2012-03-27", "Senatet vedtok"),
        ("Dates of the war", None, "Dates of the war"),
    ],
    ids=["date-iso", "date-colon-english", "dato-norwegian", "no-date-field"],
)
def test_first_line_date_and_title_are_inferred(tmp_path: Path, first_line: str,
                                                date: str | None, title: str) -> None:
    doc = read_document(_write(tmp_path, "d.txt", first_line + "\n\nThe body of the text is here."))
    assert (doc.date, doc.title, doc.metadata_source) == (date, title, "inferred")


def test_untitled_lead_paragraph_gives_its_lead_phrase_as_title(tmp_path: Path) -> None:
    lead = "Mars-massakrene, også kjent som Mars-hendelene, " + "refererer til massakrene " * 10
    doc = read_document(_write(tmp_path, "d.txt", lead + "\n"))
    assert doc.title == "Mars-massakrene"


def test_inferences_are_recorded_in_notes(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "d.txt", " date 2022-01-20 A title\n\nThe body."))
    assert [n.split(":")[0].split(" inferred")[0] for n in doc.notes] == [
        "language en", "date 2022-01-20", "title", "genre unknown"]


# ---------------------------------------------------------------- manifests


def test_manifest_entry_gives_the_metadata(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Tekst på norsk og ikke noe annet.")
    _write(tmp_path, "manifest.yaml",
           "note: third-party texts\n"
           "documents:\n"
           "  a.txt:\n"
           "    title: Tittel\n    publisher: Norsk Wikipedia\n    site: no.wikipedia.org\n"
           "    language: nb\n    date: 2012-03-27\n    genre: [news, official statement]\n"
           "    note: reproduces a statement\n")
    (doc,) = read_documents([tmp_path])
    assert (doc.title, doc.publisher, doc.site, doc.language, doc.date, doc.genre,
            doc.metadata_source) == ("Tittel", "Norsk Wikipedia", "no.wikipedia.org", "nb",
                                     "2012-03-27", "news", "manifest")
    assert doc.notes == ("also genre: official statement",
                         "manifest note: reproduces a statement")


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        ("documents: [a, b\n", "not valid YAML"),
        ("- a\n- b\n", "expected a mapping"),
        ("docs: {}\n", "unknown top-level key"),
        ("documents:\n  a.txt: just a string\n", "must be a mapping of fields"),
        ("documents:\n  a.txt:\n    titel: X\n", "unknown key(s) ['titel']"),
        ("documents:\n  a.txt:\n    date: 20 January 2022\n", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("documents:\n  a.txt:\n    language: Norwegian\n", "is not a BCP 47 code"),
        ("documents:\n  a.txt:\n    genre: gossip\n", "unknown genre"),
    ],
    ids=["not-yaml", "not-a-mapping", "unknown-top-key", "entry-not-mapping", "unknown-field",
         "bad-date", "bad-language", "unknown-genre"],
)
def test_malformed_manifest_names_file_and_problem(tmp_path: Path, manifest: str,
                                                   problem: str) -> None:
    _write(tmp_path, "a.txt", "Some text.")
    path = _write(tmp_path, "manifest.yaml", manifest)
    with pytest.raises(ManifestError) as err:
        read_documents([tmp_path])
    assert problem in str(err.value)
    assert err.value.where == str(path)


# ---------------------------------------------------------------- the seeds


def test_seed_002_date_is_found_without_a_manifest(tmp_path: Path) -> None:
    copy = _write(tmp_path, "002_b826abae50612879.txt",
                  (CORPUS / "002_b826abae50612879.txt").read_bytes())
    doc = read_document(copy)
    assert (doc.date, doc.language, doc.title, doc.metadata_source) == (
        "2022-01-20", "en", "Azerbaijan commemorates victims of the 1990 January Massacre.",
        "inferred")


def test_seed_000_is_norwegian_without_a_manifest(tmp_path: Path) -> None:
    copy = _write(tmp_path, "000.txt", (CORPUS / "000_2f715927ab984ae8.txt").read_bytes())
    assert read_document(copy).language == "nb"


def test_corpus_manifest_describes_every_seed() -> None:
    docs = read_documents([CORPUS])
    assert [(d.doc_id[:3], d.language, d.genre, d.publisher) for d in docs] == [
        ("000", "nb", "encyclopedia", "Norwegian Wikipedia"),
        ("001", "en", "news", "Asbarez"),
        ("002", "en", "news", None),
        ("003", "en", "encyclopedia", "English Wikipedia"),
        ("004", "en", "news", "EU Today"),
    ]
