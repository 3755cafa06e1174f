"""Sentences and footnote citations of the claim-bearing sections."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_build.ingest import read_documents
from graph_build.model import Section, SourceDocument
from graph_build.sections import find_sections
from graph_build.sentences import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _doc(text: str, lang: str = "en") -> SourceDocument:
    return SourceDocument("t", "t.txt", Path("t.txt"), text, "", lang)


def _split(text: str, kind: str = "body", lang: str = "en") -> list[str]:
    sents = split_sentences(_doc(text, lang), (Section(0, kind, 0, len(text)),))
    return [text[s.start:s.end] for s in sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Smith arrived. He left.", ["Dr. Smith arrived.", "He left."]),
        ("It was condemned by the U.N. Security Council.",
         ["It was condemned by the U.N. Security Council."]),
        ("See Smith, p. 24. Then more.", ["See Smith, p. 24.", "Then more."]),
        ("Cited in pp. 172–173 of the book.", ["Cited in pp. 172–173 of the book."]),
        ("The case Fatullayev v. Azerbaijan was heard.", ["The case Fatullayev v. Azerbaijan was heard."]),
        ("As argued by Christopher J. Walker, the group did not.",
         ["As argued by Christopher J. Walker, the group did not."]),
        ("Written by J. Christopher Walker. It was cited.",
         ["Written by J. Christopher Walker.", "It was cited."]),
        ("He lived in St. Petersburg. Then Baku.", ["He lived in St. Petersburg.", "Then Baku."]),
        ("Some ca. 500 people. Others fled.", ["Some ca. 500 people.", "Others fled."]),
        ("The regiment of the States. took part.", ["The regiment of the States. took part."]),
        ("It was noted by Thomas. de Waal agreed.", ["It was noted by Thomas.", "de Waal agreed."]),
        ("Why? Because.", ["Why?", "Because."]),
        ("Wait… It came.", ["Wait…", "It came."]),
    ],
    ids=["title-abbrev", "initialism", "page", "pages", "versus", "middle-initial", "first-initial",
         "saint", "circa", "lowercase-after-period", "name-particle", "question", "ellipsis"],
)
def test_sentence_boundaries_en(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Det var f.eks. mange. Andre flyktet.", "nb", ["Det var f.eks. mange.", "Andre flyktet."]),
        ("Han var bl.a. i Baku. Så dro han.", "nb", ["Han var bl.a. i Baku.", "Så dro han."]),
        ("27. mars 2012 vedtok senatet. Det var alt.", "nb",
         ["27. mars 2012 vedtok senatet.", "Det var alt."]),
        ("Это было в 1992 г. В Баку было тихо.", "ru", ["Это было в 1992 г. В Баку было тихо."]),
        ("Он приехал. Она ушла.", "ru", ["Он приехал.", "Она ушла."]),
    ],
    ids=["nb-f-eks", "nb-bl-a", "nb-dotted-day", "ru-year-abbrev", "ru-plain"],
)
def test_sentence_boundaries_other_languages(text: str, lang: str, expected: list[str]) -> None:
    assert _split(text, lang=lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It ended.[14] Then more.", ["It ended.[14]", "Then more."]),
        ('He said it was "an intolerable crime."[88] The end.',
         ['He said it was "an intolerable crime."[88]', "The end."]),
        ("Harm to captives. [59]", ["Harm to captives. [59]"]),
        ("Killed in 1918 [2][3] [4]. Later.", ["Killed in 1918 [2][3] [4].", "Later."]),
        ("Called genocide.[5][6], while others deny it. End.",
         ["Called genocide.[5][6], while others deny it.", "End."]),
    ],
    ids=["marker-after-period", "quote-and-marker", "spaced-marker", "nb-spaced-markers",
         "markers-mid-sentence"],
)
def test_closing_quotes_and_markers_belong_to_the_sentence(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_quotation_opened_mid_sentence_is_not_split() -> None:
    text = 'HRW said that "a column fled. It was fired upon".[1] Next one.'
    assert _split(text) == ['HRW said that "a column fled. It was fired upon".[1]', "Next one."]


def test_paragraph_that_is_one_quotation_is_split() -> None:
    text = '"The party is obliged to act. In particular, it must stop."'
    assert _split(text) == ['"The party is obliged to act.', 'In particular, it must stop."']


def test_sentence_never_spans_two_paragraphs() -> None:
    assert _split("A heading-like line without a period\n\nNext paragraph.") == [
        "A heading-like line without a period", "Next paragraph."]


def test_hard_wrapped_paragraph_is_one_paragraph() -> None:
    assert _split("The town was shelled\nby the forces. Then\nit fell.") == [
        "The town was shelled\nby the forces.", "Then\nit fell."]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("A fact.[3]", [(3, "[3]")]),
     ("A fact [5][6] and more.[2][11][12]", [(5, "[5]"), (6, "[6]"), (2, "[2]"), (11, "[11]"),
                                              (12, "[12]")]),
     ("A [stereotype] and [W]hen.", [])],
    ids=["one", "mid-and-end", "brackets-without-digits"],
)
def test_citations(text: str, numbers: list[tuple[int, str]]) -> None:
    (s,) = split_sentences(_doc(text), (Section(0, "body", 0, len(text)),))
    assert [(c.number, text[c.start:c.end]) for c in s.citations] == numbers


def test_only_claim_bearing_sections_are_split() -> None:
    text = "Title\n\nA body sentence.\n\nA caption line\n\nA comment.\n\nQuoted words."
    at = [0, *(text.index(w) for w in ("A body", "A caption", "A comment", "Quoted")), len(text)]
    kinds = ["title", "body", "caption", "comment", "quote"]
    secs = tuple(Section(i, k, at[i], at[i + 1]) for i, k in enumerate(kinds))
    sents = split_sentences(_doc(text), secs)
    assert [(s.section, text[s.start:s.end]) for s in sents] == [
        (0, "Title"), (1, "A body sentence."), (4, "Quoted words.")]


def test_title_sentence_skips_a_leading_date() -> None:
    text = " date 2022-01-20 Azerbaijan commemorates victims.\n\nBody."
    (s,) = split_sentences(_doc(text), (Section(0, "title", 0, 51),))
    assert text[s.start:s.end] == "Azerbaijan commemorates victims."


INFOBOX = ("LocationKhojaly, Nagorno-Karabakh\nDeaths200+ (per Human Rights Watch)[1][2]\n"
           "485 (per Azerbaijani parliament)[3]\nPerpetratorsArmenian forces\n")


@pytest.mark.parametrize(
    ("index", "field", "value", "citations"),
    [(0, "location", "Khojaly, Nagorno-Karabakh", ()),
     (1, "deaths", "200+ (per Human Rights Watch)[1][2]", (1, 2)),
     (2, "deaths", "485 (per Azerbaijani parliament)[3]", (3,)),
     (3, "perpetrators", "Armenian forces", ())],
    ids=["location", "deaths", "continuation-inherits-field", "perpetrators"],
)
def test_infobox_lines_are_sentences_with_fields(index: int, field: str, value: str,
                                                 citations: tuple) -> None:
    sents = split_sentences(_doc(INFOBOX), (Section(0, "infobox", 0, len(INFOBOX)),))
    s = sents[index]
    assert (s.infobox_field, INFOBOX[s.value_start:s.end], s.citation_numbers) == (
        field, value, citations)


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds() -> dict:
    out = {}
    for d in read_documents([CORPUS]):
        secs = find_sections(d)
        out[d.doc_id[:3]] = (d, split_sentences(d, secs))
    return out


def _sentence_with(seeds: dict, doc: str, needle: str):
    d, sents = seeds[doc]
    at = d.text.index(needle)
    (s,) = [s for s in sents if s.start <= at < s.end]
    return d.text[s.start:s.end], s


@pytest.mark.parametrize(
    ("doc", "needle", "citations", "ends"),
    [
        ("003", "The Khojaly massacre was the mass killing", (3, 6, 7, 5, 8), "1992.[3][6][7][5][8]"),
        ("003", "According to Human Rights Watch, at least 200", (2, 11, 12), "died.[2][11][12]"),
        ("003", "Most governments and media", (14,), "incident.[14]"),
        ("003", "He further stated that", (88,), 'crime."[88]'),
        ("003", "Melkonian wrote that fighters", (59,), "captives. [59]"),
        ("003", "As argued by British historian Christopher J. Walker", (44,), "measures.[44]"),
        ("000", "Mars-massakrene, også kjent", (1, 2, 3, 4), "1918 [2][3] [4]."),
        ("000", "27. mars 2012 vedtok", (7, 8), "russere [7][8]."),
        ("002", "According to official figures, 147", (), "mostly civilians."),
    ],
    ids=["003-lead", "003-hrw", "003-media", "003-auron", "003-spaced", "003-initial",
         "000-lead", "000-senate", "002-figures"],
)
def test_seed_sentences(seeds: dict, doc: str, needle: str, citations: tuple, ends: str) -> None:
    text, s = _sentence_with(seeds, doc, needle)
    assert text.startswith(needle)
    assert (s.citation_numbers, text.endswith(ends)) == (citations, True)


def test_seed_003_infobox_deaths_line(seeds: dict) -> None:
    _d, s = _sentence_with(seeds, "003", "613 (per Azerbaijani government)")
    assert (s.infobox_field, s.citation_numbers) == ("deaths", (4,))


def test_seed_001_comment_yields_no_sentences(seeds: dict) -> None:
    d, sents = seeds["001"]
    assert not any("pipe dream" in d.text[s.start:s.end] for s in sents)


def test_seed_sentences_are_trimmed_and_ordered(seeds: dict) -> None:
    bad = [(k, s.index) for k, (d, sents) in seeds.items() for s in sents
           if d.text[s.start:s.end] != d.text[s.start:s.end].strip() or s.start >= s.end]
    order = [k for k, (d, sents) in seeds.items()
             if [s.start for s in sents] != sorted(s.start for s in sents)]
    assert (bad, order) == ([], [])
