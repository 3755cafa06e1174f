"""Dates in running text: graph_build/dates.py with month names from the lexicon."""
from __future__ import annotations

import doctest

import pytest

from graph_build.dates import find_dates, parse_date


def _found(text: str, lang: str = "en") -> list[tuple[str, str, str, str | None]]:
    return [(text[m.start:m.end], m.iso, m.precision, m.iso_end) for m in find_dates(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("on 26 February 1992.", "en", [("26 February 1992", "1992-02-26", "day", None)]),
        ("February 26, 1992 was", "en", [("February 26, 1992", "1992-02-26", "day", None)]),
        ("On January 20th, 1990, troops", "en",
         [("January 20th, 1990", "1990-01-20", "day", None)]),
        ("On 20th January 2022 Azerbaijan", "en",
         [("20th January 2022", "2022-01-20", "day", None)]),
        ("27. mars 2012 vedtok senatet", "nb", [("27. mars 2012", "2012-03-27", "day", None)]),
        ("fra 30. mars 1918 til 2. april 1918", "nb",
         [("30. mars 1918", "1918-03-30", "day", None), ("2. april 1918", "1918-04-02", "day", None)]),
        ("the night of January 19-20, 1990, units", "en",
         [("January 19-20, 1990", "1990-01-19", "day", "1990-01-20")]),
        ("On 25–26 February 1992, forces", "en",
         [("25–26 February 1992", "1992-02-25", "day", "1992-02-26")]),
        ("Decree, March 1998", "en", [("March 1998", "1998-03", "month", None)]),
        ("In 1994, the office", "en", [("1994", "1994", "year", None)]),
        ("1918", "en", [("1918", "1918", "year", None)]),
        ("20 января 1990 года в Баку", "ru",
         [("20 января 1990 года", "1990-01-20", "day", None)]),
        ("в феврале 1992 года", "ru", [("феврале 1992 года", "1992-02", "month", None)]),
        ("CASE OF X. 2010-04-22 (PDF)", "en", [("2010-04-22", "2010-04-22", "day", None)]),
        ("Красная звезда, 11.03.92. Карабах", "ru", [("11.03.92", "1992-03-11", "day", None)]),
        ("winter of 1991–1992, and", "en", [("1991–1992", "1991", "year", "1992")]),
        ("Saturday, March 31, 2012 as", "en", [("March 31, 2012", "2012-03-31", "day", None)]),
    ],
    ids=["d-month-y", "month-d-y", "month-dth-y", "dth-month-y", "nb-dotted-day", "nb-two-dates",
         "range-month-first", "range-day-first", "month-year", "year", "bare-year",
         "ru-genitive-goda", "ru-prepositional", "iso", "numeric-dotted", "year-range",
         "weekday-before"],
)
def test_find_dates(text: str, lang: str, expected: list) -> None:
    assert _found(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("On January 18, on the occasion", "en", [("January 18", "--01-18", "day-no-year", None)]),
        ("On the 22nd of February, in", "en",
         [("22nd of February", "--02-22", "day-no-year", None)]),
        ("der 31. mars ble proklamert", "nb", [("31. mars", "--03-31", "day-no-year", None)]),
        ("January 20 is a day of mourning", "en",
         [("January 20", "--01-20", "day-no-year", None)]),
    ],
    ids=["month-day", "day-of-month", "nb-day-month", "month-day-sentence-start"],
)
def test_day_without_year_is_marked_for_the_caller(text: str, lang: str, expected: list) -> None:
    assert _found(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    ["up to 12 000 aserier", "1,000 people", "ISBN 0-8147-1945-7", "J3784-2011: Memorializing",
     "pp. 172–173.", "a 30-year- long occupation", "the 2nd battalion", "a fee of $2000",
     "the 366th regiment"],
    ids=["space-thousands", "comma-thousands", "isbn", "code", "pages", "year-word",
         "ordinal", "currency", "regiment-number"],
)
def test_counts_and_codes_are_not_dates(text: str) -> None:
    assert [m for m in find_dates(text, "en") if m.precision != "day-no-year"] == []


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [("27. mars 2012", "nb", "2012-03-27"), ("March 1998", "en", "1998-03"),
     ("in 1994", "en", "1994"), ("On January 18", "en", None), ("no date here", "en", None),
     ("Retrieved 28 April 2014.", "en", "2014-04-28")],
    ids=["day", "month", "year", "no-year", "none", "after-cue"],
)
def test_parse_date_is_as_precise_as_the_text(text: str, lang: str, iso: str | None) -> None:
    assert parse_date(text, lang) == iso


def test_lowercase_english_month_word_is_not_a_month() -> None:
    assert [(m.iso, m.precision) for m in find_dates("they may 2001 say", "en")] == [
        ("2001", "year")]


def test_invalid_calendar_day_falls_back_to_the_month() -> None:
    assert [(m.iso, m.precision) for m in find_dates("31 February 1992", "en")] == [
        ("1992-02", "month")]


def test_doctests_of_the_segmentation_modules() -> None:
    import graph_build.ingest
    import graph_build.references
    import graph_build.sections
    import graph_build.segment
    import graph_build.sentences

    failed = sum(
        doctest.testmod(m).failed
        for m in (graph_build.dates, graph_build.ingest, graph_build.sections,
                  graph_build.sentences, graph_build.references, graph_build.segment)
    )
    assert failed == 0
