"""Parsing numbered reference lists into Reference records."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_build.ingest import read_documents
from graph_build.model import Section, SourceDocument
from graph_build.references import parse_entry, parse_references
from graph_build.sections import find_sections

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _doc(text: str, lang: str = "en") -> SourceDocument:
    return SourceDocument("t", "t.txt", Path("t.txt"), text, "", lang)


def _refs(text: str, lang: str = "en"):
    return parse_references(_doc(text, lang), (Section(0, "references", 0, len(text)),))


@pytest.mark.parametrize(
    ("entry", "field", "value"),
    [
        (("de Waal, Thomas (2004). Black garden: Armenia and Azerbaijan. ABC-CLIO. pp. 172–173. "
         "ISBN 0-8147-1945-7. Archived from the original on 3 June 2016."), "authors",
         ("de Waal, Thomas",)),
        ("de Waal, Thomas (2004). Black garden: Armenia and Azerbaijan. ABC-CLIO. pp. 172–173.",
         "title", "Black garden: Armenia and Azerbaijan"),
        ("de Waal, Thomas (2004). Black garden. ABC-CLIO. pp. 172–173.", "publisher", "ABC-CLIO"),
        ("de Waal, Thomas (2004). Black garden. ABC-CLIO. pp. 172–173.", "pages", "172–173"),
        (("de Waal, Thomas (2004). Black garden. ABC-CLIO. p. 172. Archived from the original on "
         "3 June 2016."), "archive_date", "2016-06-03"),
        ("Denber, Rachel; Goldman, Robert K. (1992). Bloodshed. HRW. p. 24.", "authors",
         ("Denber, Rachel", "Goldman, Robert K.")),
        (("Smolowe, Jill (16 March 1992). \"TIME Magazine – Tragedy\". Archived from the original "
         "on 28 February 2005. Retrieved 28 April 2014."), "date", "1992-03-16"),
        (("Smolowe, Jill (16 March 1992). \"TIME Magazine – Tragedy\". Archived from the original "
         "on 28 February 2005. Retrieved 28 April 2014."), "access_date", "2014-04-28"),
        (("\"Armenian leaders embrace denialism\". Eurasianet. 22 November 2019. Retrieved "
         "25 February 2021."), "publisher", "Eurasianet"),
        (("\"Armenian leaders embrace denialism\". Eurasianet. 22 November 2019. Retrieved "
         "25 February 2021."), "date", "2019-11-22"),
        (("\"Letter dated 26 February 2015 from the Representative\". Archived from the original "
         "on 11 January 2016."), "date", None),
        (("Human Rights Watch/Helsinki (1994). Azerbaijan: Seven Years. New York [u.a.]: Human "
         "Rights Watch. p. 5. ISBN 1-56432-142-8."), "publisher", "Human Rights Watch"),
        (("\"Bloodshed. ISBN 1-56432-081-2, ISBN 978-1-56432-081-0, p. 20\" (PDF). Archived (PDF) "
         "from the original on 21 September 2013."), "isbn", ("1-56432-081-2", "978-1-56432-081-0")),
        ("\"Bloodshed\" (PDF). Archived (PDF) from the original on 21 September 2013.",
         "archive_date", "2013-09-21"),
        ("ДОКЛАД ЦЕНТРА (in Russian). Memorial. Archived from the original on 31 July 2010.",
         "language", "ru"),
        (("\"Response to the Letter\". Human Rights Watch. 23 March 1997. Retrieved 25 February "
         "2021. Yet we place direct responsibility for the deaths with the forces."), "quotation",
         "Yet we place direct responsibility for the deaths with the forces."),
        ("The Times, 3 March 1992. Anatol Lieven, \"Bodies Mark Site of Karabakh Massacre\".",
         "publisher", "The Times"),
        ("The Times, 3 March 1992. Anatol Lieven, \"Bodies Mark Site of Karabakh Massacre\".",
         "authors", ("Anatol Lieven",)),
        ("The Independent, 5 March 1992. Helen Womack. Azeris hunted down and shot in the forest.",
         "title", "Azeris hunted down and shot in the forest"),
        (("Decree of President of Republic of Azerbaijan about genocide of Azerbaijani people, "
         "March 1998"), "title", ("Decree of President of Republic of Azerbaijan about genocide of "
         "Azerbaijani people")),
        (("Decree of President of Republic of Azerbaijan about genocide of Azerbaijani people, "
         "March 1998"), "date", "1998-03"),
        (("Доклад общества «Мемориал» Archived 22 June 2014 at the Wayback Machine (Memorial). "
         "Независимая газета, 18 June 1992"), "title", "Доклад общества «Мемориал»"),
        (("Доклад общества «Мемориал» Archived 22 June 2014 at the Wayback Machine (Memorial). "
         "Независимая газета, 18 June 1992"), "archive_date", "2014-06-22"),
        (("What and How Do We Remember? The Politics of Commemoration. The Caucasus Edition. "
         "Retrieved 20 March 2021"), "title", ("What and How Do We Remember? The Politics of "
         "Commemoration")),
    ],
    ids=["en-authors", "en-title-after-year", "en-publisher", "en-pages-range", "en-archive-date",
         "en-two-authors", "en-date-in-author-parens", "en-access-date", "en-quoted-title-publisher",
         "en-date-after-publisher", "en-date-inside-title-ignored", "en-place-publisher",
         "en-all-isbns", "en-archived-pdf", "en-in-russian", "en-trailing-quotation",
         "en-work-and-date-first", "en-author-before-quoted-title", "en-unquoted-after-author",
         "en-unstructured-title", "en-unstructured-month", "ru-inner-guillemets",
         "wayback-archive", "question-mark-in-title"],
)
def test_english_style_entries(entry: str, field: str, value: object) -> None:
    assert getattr(parse_entry(1, entry), field) == value


NB = [
    ("Smith, Michael (2001). «Anatomy of Rumor: Murder Scandal». Journal of Contemporary History. "
     "36 (2): 228. «The results of the March events were immediate and total.»"),
    ("(ru) Michael Smith. «Traumatic Loss and Azerbaijani. National Memory». Azerbaidzhan i "
     "Rossiia (Azerbaijan and Russia). Sakharov Center. Arkivert fra originalen 10. mars 2011. "
     "Besøkt 21. august 2011."),
    ("Minahan, James B. (1998). Miniature Empires: A Historical Dictionary. s. 22. "
     "ISBN 0-313-30610-9. «The tensions culminated in the massacre of some 12,000 Azeris»"),
    ("«J3784-2011: Memorializing Governor Andrew M. Cuomo to proclaim Saturday, March 31, 2012». "
     "The New York State Senate. 27. mars 2012. Besøkt 30. juni 2012."),
]


@pytest.mark.parametrize(
    ("entry", "field", "value"),
    [
        (NB[0], "title", "Anatomy of Rumor: Murder Scandal"),
        (NB[0], "publisher", "Journal of Contemporary History"),
        (NB[0], "pages", "228"),
        (NB[0], "quotation", "The results of the March events were immediate and total."),
        (NB[1], "language", "ru"),
        (NB[1], "authors", ("Michael Smith",)),
        (NB[1], "title", "Traumatic Loss and Azerbaijani. National Memory"),
        (NB[1], "archive_date", "2011-03-10"),
        (NB[1], "access_date", "2011-08-21"),
        (NB[1], "date", None),
        (NB[2], "authors", ("Minahan, James B.",)),
        (NB[2], "pages", "22"),
        (NB[2], "isbn", ("0-313-30610-9",)),
        (NB[3], "date", "2012-03-27"),
        (NB[3], "access_date", "2012-06-30"),
        (NB[3], "publisher", "The New York State Senate"),
    ],
    ids=["nb-title-guillemets", "nb-journal", "nb-volume-issue-page", "nb-quotation",
         "nb-language-tag", "nb-author-before-title", "nb-title-with-period", "nb-archived",
         "nb-visited", "nb-no-publication-date", "nb-initial-in-author", "nb-side", "nb-isbn",
         "nb-date-not-from-title", "nb-besokt", "nb-publisher"],
)
def test_norwegian_style_entries(entry: str, field: str, value: object) -> None:
    assert getattr(parse_entry(1, entry, doc_language="nb"), field) == value


def test_entries_numbers_and_offsets() -> None:
    text = ("  1. ^ a b c Smith, John (2001). A book.\n"
            "  2. ^ Doe, Jane (1999). Another.\n\n"
            "    A quoted passage on a continuation line.\n\n"
            "  4. ^ \"A page\". Retrieved 1 May 2020.\n")
    refs = _refs(text)
    assert [(r.number, r.raw) for r in refs] == [
        (1, "Smith, John (2001). A book."),
        (2, "Doe, Jane (1999). Another.\n\n    A quoted passage on a continuation line."),
        (4, "\"A page\". Retrieved 1 May 2020."),
    ]
    assert all(text[r.start:r.end] == r.raw for r in refs)


def test_backlink_letters_are_dropped_but_a_leading_word_a_is_kept() -> None:
    text = "  1. ^ a b Smith (2001). X.\n  2. ^ a history of Baku (2001).\n"
    assert [r.raw for r in _refs(text)] == ["Smith (2001). X.", "a history of Baku (2001)."]


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds() -> dict:
    return {d.doc_id[:3]: parse_references(d, find_sections(d)) for d in read_documents([CORPUS])}


def test_seed_003_has_88_references_numbered_1_to_89_without_10(seeds: dict) -> None:
    assert [r.number for r in seeds["003"]] == [n for n in range(1, 90) if n != 10]


def test_seed_000_has_8_references(seeds: dict) -> None:
    assert [r.number for r in seeds["000"]] == list(range(1, 9))


@pytest.mark.parametrize(
    "doc", ["001", "002", "004"], ids=["001", "002", "004"])
def test_seeds_without_a_reference_list(seeds: dict, doc: str) -> None:
    assert seeds[doc] == ()


def test_seed_003_entry_18_runs_over_its_indented_lines(seeds: dict) -> None:
    ref = next(r for r in seeds["003"] if r.number == 18)
    assert ref.raw.startswith("Human Rights Watch/Helsinki. Bloodshed")
    assert ref.raw.endswith("intended as anti-personnel weapons.")
    assert ref.quotation is not None and ref.quotation.startswith("By the winter of 1991–92")


@pytest.mark.parametrize(
    ("doc", "number", "fields"),
    [
        ("003", 3, {"authors": ("de Waal, Thomas",), "date": "2004", "publisher": "ABC-CLIO",
                    "isbn": ("0-8147-1945-7",), "archive_date": "2016-06-03", "pages": "172–173",
                    "title": "Black garden: Armenia and Azerbaijan through peace and war"}),
        ("003", 2, {"authors": ("Human Rights Watch/Helsinki",), "date": "1994",
                    "access_date": "2014-03-12", "publisher": "Human Rights Watch"}),
        ("003", 12, {"language": "ru", "title": "Report of Memorial Human rights center"}),
        ("003", 28, {"archive_date": "2011-03-17", "pages": "3"}),
        ("000", 2, {"authors": ("Smith, Michael",), "date": "2001", "pages": "228"}),
        ("000", 4, {"language": "ru", "archive_date": "2011-03-10", "access_date": "2011-08-21"}),
        ("000", 6, {"date": "2001-05-14",
                    "publisher": "Parliamentary Assembly of the Council of Europe"}),
        ("000", 7, {"date": "2012-03-27", "access_date": "2012-06-30"}),
    ],
    ids=["003-3", "003-2", "003-12", "003-28", "000-2", "000-4", "000-6", "000-7"],
)
def test_seed_reference_fields(seeds: dict, doc: str, number: int, fields: dict) -> None:
    ref = next(r for r in seeds[doc] if r.number == number)
    assert {k: getattr(ref, k) for k in fields} == fields
