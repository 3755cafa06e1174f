"""Cutting documents into sections: each rule on a small text, then the seeds."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from graph_build.ingest import read_documents
from graph_build.model import SourceDocument
from graph_build.sections import find_sections

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LONG = ("The forces entered the town at night and the residents fled towards the hills, "
        "where many of them were later found by the observers of the mission. ")


def _doc(text: str, lang: str = "en") -> SourceDocument:
    return SourceDocument("t", "t.txt", Path("t.txt"), text, "", lang)


def _kinds(text: str, lang: str = "en") -> list[tuple[str, str]]:
    """(kind, first words) per section."""
    return [(s.kind, text[s.start:s.end].strip()[:24]) for s in find_sections(_doc(text, lang))]


def _kind_of(text: str, line: str, lang: str = "en") -> str:
    at = text.index(line)
    (kind,) = {s.kind for s in find_sections(_doc(text, lang)) if s.start <= at < s.end}
    return kind


@pytest.mark.parametrize(
    "text",
    ["Title\n\nBody text here.", "  \n\nOnly body with leading blank lines.\n\n",
     "A\r\nB text.\r\n", "x"],
    ids=["simple", "leading-blank", "crlf", "one-char"],
)
def test_sections_cover_the_text_in_order(text: str) -> None:
    secs = find_sections(_doc(text))
    assert secs[0].start == 0 and secs[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(secs))
    assert [s.index for s in secs] == list(range(len(secs)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Massacre in the town reported\n\n" + LONG,
         [("title", "Massacre in the town rep"), ("body", "The forces entered the t")]),
        (LONG * 3 + "\n\nSecond paragraph.",
         [("body", "The forces entered the t")]),
    ],
    ids=["short-first-line-is-title", "long-first-line-is-body"],
)
def test_title_is_a_short_first_line(text: str, expected: list) -> None:
    assert _kinds(text) == expected


INFOBOX = ("Khojaly massacre\nPart of the First Nagorno-Karabakh War\n"
           "Khojaly massacre memorial in The Hague, Netherlands\n"
           "LocationKhojaly, Nagorno-Karabakh\nDeaths200+ (per Human Rights Watch)[1]\n"
           "485 (per Azerbaijani parliament)[3]\nPerpetrators: Armenian forces\n"
           "366th CIS regiment[5]\n\n" + LONG)


@pytest.mark.parametrize(
    ("line", "kind"),
    [("Part of the First", "infobox"), ("Khojaly massacre memorial", "caption"),
     ("LocationKhojaly", "infobox"), ("Deaths200+", "infobox"), ("485 (per", "infobox"),
     ("Perpetrators: Armenian", "infobox"), ("366th CIS", "infobox"),
     ("The forces entered", "body")],
    ids=["subtitle-field", "picture-caption", "glued-field", "glued-digit-field",
         "continuation", "colon-field", "continuation-after-colon-field", "body-after"],
)
def test_infobox_block(line: str, kind: str) -> None:
    assert _kind_of(INFOBOX, line) == kind


def test_one_field_word_in_a_paragraph_is_not_an_infobox() -> None:
    text = "Title\n\nDeaths were reported by the ministry on Monday.\nLocation unknown so far."
    assert _kind_of(text, "Deaths were") == "body"


def test_norwegian_infobox_fields() -> None:
    text = "Massakren\nStedBaku\nDøde: 12 000\nGjerningsmennArmenske styrker\n\n" + LONG
    assert _kind_of(text, "Døde", "nb") == "infobox"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Reports and analyses", "heading"),
        ("Armenian reactions", "heading"),
        ("In popular culture", "heading"),
        ("See also", "heading"),
        ("Main article: Khojaly massacre memorials", "heading"),
        ("Further information: First Nagorno-Karabakh War", "heading"),
        ("Ambulance cars in Baku carrying bodies of Azerbaijanis killed in Khojaly", "caption"),
        ("Aserbajdsjanske ofre i Baku", "caption"),
        ("Troops with tanks in the streets (Source: Public Radio)", "caption"),
        ("Baku-1990-13 (1)a", "caption"),
        ("Memorials have been erected in the town.", "body"),
        ("To stop all this, troops were sent.", "body"),
    ],
    ids=["heading", "heading-2", "heading-preposition-first", "heading-cue-see-also",
         "heading-cue-main-article", "heading-cue-further", "caption-long", "caption-locative-nb",
         "caption-credit", "caption-file-name", "short-sentence-is-body", "short-body-comma"],
)
def test_short_standalone_lines(line: str, kind: str) -> None:
    lang = "nb" if "ofre" in line else "en"
    text = "Title of the page\n\n" + LONG + "\n\n" + line + "\n\n" + LONG
    assert _kind_of(text, line, lang) == kind


def test_lines_sharing_a_block_with_a_caption_are_captions() -> None:
    text = "Title\n\nBaku-1990-13 (1)a\nAzeri troops with tanks\n\n" + LONG
    assert _kind_of(text, "Azeri troops") == "caption"


def test_repeated_short_line_is_a_caption() -> None:
    text = "Title\n\n" + LONG + "\n\nTanks on the street\n\nTanks on the street\n\n" + LONG
    assert _kind_of(text, "Tanks on the street") == "caption"


@pytest.mark.parametrize(
    ("lead_in", "quoted"),
    [
        ("The Memorial report says:", "According to the officials, the population was told."),
        ("According to Memorial society,", "Official representatives explained the deaths."),
        ("Human Rights Watch noted that", '"The attacking party is still obliged to act."'),
        ("Han sa at", "Vi visste ingenting om angrepet."),
    ],
    ids=["colon", "comma", "ends-in-that", "nb-ends-in-at"],
)
def test_paragraph_after_a_lead_in_is_a_quote(lead_in: str, quoted: str) -> None:
    lang = "nb" if lead_in.startswith("Han") else "en"
    text = "Title\n\n" + LONG + lead_in + "\n\n" + quoted + "\n\n" + LONG.replace("The", "Then")
    assert (_kind_of(text, lead_in, lang), _kind_of(text, quoted, lang),
            _kind_of(text, "Then forces", lang)) == ("body", "quote", "body")


@pytest.mark.parametrize(
    "cue",
    ["Below is the statement.", "The statement reads:", "Uttalelsen lyder:",
     "Ниже приводится текст заявления."],
    ids=["below-is", "reads", "nb", "ru"],
)
def test_paragraphs_after_a_statement_cue_are_statement(cue: str) -> None:
    text = ("Title\n\nThe ministry issued a statement.\n\n" + cue + "\n\n" + LONG + "\n\n" + LONG
            + "\n\nRelated posts\n\nAnother story")
    assert [k for k, _ in _kinds(text)] == ["title", "body", "statement", "boilerplate"]


@pytest.mark.parametrize(
    ("cue_line", "kind_after"),
    [
        ("Related posts", "boilerplate"),
        ("Follow EU Today on Social media:", "boilerplate"),
        ("Discussion Policy", "boilerplate"),
        ("Читайте также", "boilerplate"),
    ],
    ids=["related-posts", "social-media", "discussion-policy", "ru-read-also"],
)
def test_tail_cue_in_second_half_makes_the_rest_boilerplate(cue_line: str, kind_after: str) -> None:
    text = "Title\n\n" + (LONG + "\n\n") * 3 + cue_line + "\n\nOur team of correspondents is great."
    assert (_kind_of(text, cue_line), _kind_of(text, "Our team")) == ("boilerplate", kind_after)


def test_tail_cue_in_first_half_is_only_its_line() -> None:
    text = "Title\n\nShare this\n\n" + (LONG + "\n\n") * 3
    assert [k for k, _ in _kinds(text)] == ["title", "boilerplate", "body"]


def test_coordinates_line_is_boilerplate() -> None:
    text = "Title\n\n" + LONG + "\n\n39°54′40″N 46°47′21″E / 39.91111°N 46.78917°E\n\n" + LONG
    assert _kind_of(text, "39°54") == "boilerplate"


COMMENTS = ("Title\n\n" + (LONG + "\n\n") * 3 + "Discussion Policy\n\nComments are welcome.\n\n"
            "  1. Ararat said:\n\n    First paragraph of the comment.\n\n"
            "    Second paragraph of it.\n\n"
            "  2. Gevorg on January 21, 2020 at 9:14 am said:\n\n    Another comment.\n")


@pytest.mark.parametrize(
    ("line", "kind", "author"),
    [("1. Ararat said:", "boilerplate", None),
     ("First paragraph", "comment", "Ararat"),
     ("Second paragraph", "comment", "Ararat"),
     ("Another comment", "comment", "Gevorg")],
    ids=["header-line", "comment-text", "comment-second-paragraph", "author-before-date"],
)
def test_comment_threads(line: str, kind: str, author: str | None) -> None:
    at = COMMENTS.index(line)
    (sec,) = [s for s in find_sections(_doc(COMMENTS)) if s.start <= at < s.end]
    assert (sec.kind, sec.author) == (kind, author)


def test_unnumbered_said_line_in_the_body_is_not_a_comment() -> None:
    text = "Title\n\n" + LONG + "\n\nThe minister said:\n\nWe will act now.\n\n" + LONG
    assert "comment" not in {k for k, _ in _kinds(text)}


REFS = ("Title\n\n" + (LONG + "\n\n") * 2 + "Next to the list\n\n"
        "  1. ^ Smith, John (2001). A book. Publisher.\n"
        "  2. ^ a b Doe, Jane (1999). Another book.\n\n"
        "    A quoted passage from the book on a continuation line.\n\n"
        "  3. ^ \"A web page\". Retrieved 1 May 2020.\n\n\n"
        "From one perspective\n\nFrom another perspective\n")


@pytest.mark.parametrize(
    ("line", "kind"),
    [("1. ^ Smith", "references"), ("A quoted passage", "references"),
     ("3. ^ \"A web", "references"), ("From one perspective", "boilerplate"),
     ("Next to the list", "heading")],
    ids=["entry", "indented-continuation", "last-entry", "navigation-after-list", "heading-before"],
)
def test_reference_list(line: str, kind: str) -> None:
    assert _kind_of(REFS, line) == kind


def test_numbered_list_after_a_references_heading_is_references() -> None:
    text = "Title\n\n" + LONG + "\n\nReferences\n\n1. Smith, John. A book. 2001.\n2. Doe. 1999.\n"
    assert _kind_of(text, "2. Doe") == "references"


def test_numbered_list_in_the_body_is_not_references() -> None:
    text = "Title\n\n" + LONG + "\n\n1. The first demand was peace.\n2. The second was aid.\n"
    assert _kind_of(text, "2. The second") == "body"


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[SourceDocument, tuple]]:
    return {d.doc_id[:3]: (d, find_sections(d)) for d in read_documents([CORPUS])}


def _seed_kind(seeds: dict, doc: str, needle: str) -> tuple[str, str | None]:
    d, secs = seeds[doc]
    at = d.text.index(needle)
    (s,) = [s for s in secs if s.start <= at < s.end]
    return s.kind, s.author


@pytest.mark.parametrize(
    ("doc", "needle", "kind"),
    [
        ("000", "Mars-massakrene, også", "body"),
        ("000", "Aserbajdsjanske ofre i Baku", "caption"),
        ("000", "27. mars 2012 vedtok", "body"),
        ("000", "1. ^ «New Republics", "references"),
        ("001", "Baku-1990-13 (1)a", "caption"),
        ("001", "On the 30th anniversary", "body"),
        ("001", "Today marks the 30th", "statement"),
        ("001", "This will not only improve", "statement"),
        ("001", "Comments are welcomed", "boilerplate"),
        ("002", "Statement of the Ministry", "heading"),
        ("002", "“Strengthening the independence", "body"),
        ("003", "Deaths200+", "infobox"),
        ("003", "366th CIS regiment[5]", "infobox"),
        ("003", "Ambulance cars in Baku", "caption"),
        ("003", "Reports and analyses", "heading"),
        ("003", "According to the officials of the NKR", "quote"),
        ("003", '"The attacking party', "quote"),
        ("003", "Before Khojali, the Azerbaijanis", "quote"),
        ("003", "18. ^ Human Rights Watch/Helsinki", "references"),
        ("003", "    By the winter of 1991–92", "references"),
        ("003", "From Azerbaijani perspective", "boilerplate"),
        ("003", "39°54′40″N", "boilerplate"),
        ("004", "On 20th January 2022", "body"),
        ("004", "People of Azerbaijan once again", "body"),
        ("004", "Follow EU Today", "boilerplate"),
        ("004", "Our team of independent", "boilerplate"),
        ("004", "Related posts", "boilerplate"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None,
)
def test_seed_sections(seeds: dict, doc: str, needle: str, kind: str) -> None:
    assert _seed_kind(seeds, doc, needle)[0] == kind


def test_seed_001_comment_is_by_ararat_and_starts_at_its_text(seeds: dict) -> None:
    d, secs = seeds["001"]
    (comment,) = [s for s in secs if s.kind == "comment"]
    assert comment.author == "Ararat"
    assert d.text[comment.start:].startswith("The recognition by the Azerbaijani authorities")
    assert comment.end == len(d.text)
