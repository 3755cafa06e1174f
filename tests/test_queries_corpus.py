"""The named queries on the corpus build: the rows a reader of the seed documents expects.

Aliases listed in spec/seed_claims.yaml are accepted for claimants, actors and bodies.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ckg.queries import run_named

DOC0 = "000_2f715927ab984ae8.txt"
DOC2 = "002_b826abae50612879.txt"
DOC3 = "003_3dd444bb38705b39.txt"
DOC4 = "004_383d63a257376c65.txt"
AZ_GOVERNMENT = {"Azerbaijani government", "Government of Azerbaijan", "Azerbaijani authorities",
                 "Azerbaijan"}
AZ_PARLIAMENT = {"Azerbaijani parliament", "Milli Majlis", "Parliament of Azerbaijan"}
HRW = {"Human Rights Watch", "HRW"}


def matches(row: dict[str, Any], want: dict[str, Any]) -> bool:
    """A row matches when every wanted column equals the value or lies in the set of aliases."""
    return all(row[k] in v if isinstance(v, set) else row[k] == v for k, v in want.items())


def has_row(rows: list[dict[str, Any]], **want: Any) -> bool:
    return any(matches(r, want) for r in rows)


@pytest.fixture(scope="module")
def khojaly_tolls(corpus_store: Path) -> list[dict[str, Any]]:
    return run_named("casualty-estimates", store=corpus_store, event="Khojaly massacre")


@pytest.mark.parametrize("want", [
    {"claimant": AZ_GOVERNMENT, "measure": "killed", "min": 613, "max": 613},
    {"claimant": HRW, "measure": "killed", "min": 200, "max": None},
    {"claimant": AZ_PARLIAMENT, "measure": "killed", "min": 485, "max": 485},
    {"claimant": HRW, "measure": "killed", "min": 161, "max": None},
    {"claimant": HRW, "measure": "killed", "min": 500, "max": 1000},
], ids=["613-government", "200-hrw", "485-parliament", "161-hrw", "500-1000-hrw"])
def test_khojaly_casualty_estimates(khojaly_tolls: list[dict[str, Any]],
                                    want: dict[str, Any]) -> None:
    assert has_row(khojaly_tolls, **want, doc=DOC3)


def test_khojaly_estimates_carry_their_footnotes(khojaly_tolls: list[dict[str, Any]]) -> None:
    assert has_row(khojaly_tolls, min=485, footnotes=[3]) and has_row(
        khojaly_tolls, min=613, max=613, footnotes=[4])


def test_black_january_toll_from_two_documents(corpus_store: Path) -> None:
    rows = run_named("casualty-estimates", store=corpus_store, event="Black January",
                     measure="killed")
    assert {r["doc"] for r in rows if r["min"] == r["max"] == 147} == {DOC2, DOC4}


@pytest.mark.parametrize("want", [
    {"perpetrator": "Armenian forces", "claimant": None},
    {"perpetrator": "366th CIS regiment", "claimant": None},
    {"perpetrator": {"Karabakh Armenian forces", "Armenian forces"}, "claimant": HRW},
    {"perpetrator": "Azerbaijani forces", "claimant": {"Armenian side", "Armenia"}},
], ids=["armenian-forces-voice", "366th-voice", "hrw", "armenian-side"])
def test_khojaly_perpetrators(corpus_store: Path, want: dict[str, Any]) -> None:
    rows = run_named("perpetrators", store=corpus_store, event="Khojaly massacre")
    assert has_row(rows, **want, stance="asserts")


def test_khojaly_perpetrator_named_by_pashinyan(corpus_store: Path) -> None:
    rows = run_named("perpetrators", store=corpus_store, event="Khojaly massacre")
    assert has_row(rows, claimant="Nikol Pashinyan")


@pytest.mark.parametrize("want", [
    pytest.param({"claimant": "Nikol Pashinyan", "stance": "asserts", "label": "fabrication"},
                 id="pashinyan-fabrication"),
    pytest.param({"claimant": {"Armenian organisations", "Armenian National Committee of America",
                               "ANCA"}, "stance": "asserts", "label": "fabrication",
                  "footnotes": [74, 75, 76, 77]}, id="armenian-organisations-fabrication"),
    pytest.param({"claimant": "Yair Auron", "stance": "denies", "label": "genocide"},
                 id="auron-denies-genocide"),
    pytest.param({"claimant": "Azerbaijani sources", "label": "genocide"},
                 id="azerbaijani-sources-genocide"),
    pytest.param({"claimant": {"most governments and media", "Most governments and media"},
                  "label": "massacre", "footnotes": [14]}, id="governments-massacre"),
    pytest.param({"claimant": "Azerbaijani sources", "label": "tragedy"},
                 id="azerbaijani-sources-tragedy"),
])
def test_khojaly_classifications(corpus_store: Path, want: dict[str, Any]) -> None:
    rows = run_named("classifications", store=corpus_store, event="Khojaly massacre")
    assert has_row(rows, **want)


def test_march_days_genocide_asserted_and_denied(corpus_store: Path) -> None:
    rows = run_named("classifications", store=corpus_store, event="March Days", label="genocide")
    assert {r["stance"] for r in rows} == {"asserts", "denies"}


@pytest.fixture(scope="module")
def acts(corpus_store: Path) -> list[dict[str, Any]]:
    return run_named("formal-acts", store=corpus_store)


@pytest.mark.parametrize("want", [
    pytest.param({"date": "2012-03-27", "body": "New York State Senate",
                  "eventLabel": "March Days"}, id="new-york-senate"),
    pytest.param({"date": "1994", "body": {"Azerbaijani Prosecutor's Office", "Prosecutor's Office of Azerbaijan"},
                  "eventLabel": "Black January"}, id="prosecutor"),
    pytest.param({"date": "1990-01-18", "body": "European Parliament",
                  "title": "On the Situation in Armenia"}, id="european-parliament"),
    pytest.param({"date": "1994-03-29", "body": AZ_PARLIAMENT}, id="milli-majlis"),
    pytest.param({"date": "2010-04-22", "body": "European Court of Human Rights",
                  "eventLabel": "Khojaly massacre"}, id="echr"),
    pytest.param({"date": "1994-03-29", "eventLabel": "Black January"},
                 id="milli-majlis-about-black-january"),
])
def test_formal_acts(acts: list[dict[str, Any]], want: dict[str, Any]) -> None:
    assert has_row(acts, **want)


def test_formal_acts_are_a_timeline(acts: list[dict[str, Any]]) -> None:
    dated = [r["date"] for r in acts if r["date"]]
    assert dated == sorted(dated) and acts[-1]["date"] in (None, max(dated))


def test_formal_acts_before_2000(corpus_store: Path) -> None:
    rows = run_named("formal-acts", store=corpus_store, to="1999")
    assert {r["date"][:4] for r in rows} <= {"1990", "1994", "1998"}


@pytest.fixture(scope="module")
def khojaly_contradictions(corpus_store: Path) -> list[dict[str, Any]]:
    return run_named("contradictions", store=corpus_store, event="Khojaly massacre")


@pytest.mark.parametrize(("low", "high"), [
    ("killed 485", "killed 613"), ("killed 485", "killed 500 to 1000"),
], ids=["485-vs-613", "485-vs-500-1000"])
def test_khojaly_ranges_that_do_not_overlap(khojaly_contradictions: list[dict[str, Any]],
                                            low: str, high: str) -> None:
    assert has_row(khojaly_contradictions, kind="casualty", claimantA=AZ_PARLIAMENT,
                   valueA=low, valueB=high)


def test_overlapping_khojaly_ranges_are_no_contradiction(
        khojaly_contradictions: list[dict[str, Any]]) -> None:
    assert not has_row(khojaly_contradictions, valueA="killed 500 to 1000", valueB="killed 613")


def test_khojaly_perpetrator_contradiction(khojaly_contradictions: list[dict[str, Any]]) -> None:
    assert any(r["kind"] == "perpetrator" and {r["valueA"], r["valueB"]} & {"Azerbaijani forces"}
               for r in khojaly_contradictions)


def test_actor_profile_of_hrw(corpus_store: Path) -> None:
    rows = run_named("actor-profile", store=corpus_store, actor="HRW")
    assert has_row(rows, role="claimant", eventLabel="Khojaly massacre", type="casualty")


def test_actor_profile_of_an_adopting_body(corpus_store: Path) -> None:
    rows = run_named("actor-profile", store=corpus_store, actor="New York State Senate")
    assert has_row(rows, role="adopting body", eventLabel="March Days", type="resolution")


def test_actor_profile_of_an_alleged_perpetrator(corpus_store: Path) -> None:
    rows = run_named("actor-profile", store=corpus_store, actor="Mikhail Gorbachev")
    assert has_row(rows, role="alleged perpetrator", eventLabel="Black January")


def test_document_profile_of_the_khojaly_article(corpus_store: Path) -> None:
    rows = run_named("document-profile", store=corpus_store, document="003_3dd444bb38705b39")
    starts = [r["start"] for r in rows]
    assert starts == sorted(starts) and has_row(rows, type="casualty", value="killed 613",
                                                claimant=AZ_GOVERNMENT)


def test_document_profile_of_a_news_report(corpus_store: Path) -> None:
    rows = run_named("document-profile", store=corpus_store, document=DOC4)
    assert has_row(rows, type="casualty", value="killed 147", claimant=None)


def test_citation_trail_of_the_485_figure(corpus_store: Path) -> None:
    toll = next(r for r in run_named("casualty-estimates", store=corpus_store,
                                     event="Khojaly massacre") if r["min"] == 485)
    trail = run_named("citation-trail", store=corpus_store, claimId=toll["claim"])
    assert [r["footnote"] for r in trail] == [3] and trail[0]["reference"]


def test_citation_trail_reaches_cited_works(corpus_store: Path) -> None:
    rows = run_named("citation-trail", store=corpus_store, document=DOC3)
    assert any(r["title"] and "Black garden" in r["title"] and r["isbn"] for r in rows)


@pytest.mark.parametrize(("params", "expected"), [
    ({"place": "Baku"}, {"March Days", "Baku pogrom", "Black January"}),
    ({"place": "Khojali"}, {"Khojaly massacre"}),
    ({"from": "1990-01", "to": "1990-01"}, {"Baku pogrom", "Black January",
                                            "First Nagorno-Karabakh War"}),
], ids=["baku", "khojaly-alias", "january-1990"])
def test_events_by_place_and_date(corpus_store: Path, params: dict[str, str],
                                  expected: set[str]) -> None:
    rows = run_named("events", store=corpus_store, **params)
    assert expected <= {r["eventLabel"] for r in rows}


def test_khojaly_event_details(corpus_store: Path) -> None:
    rows = run_named("events", store=corpus_store, place="Khojaly")
    assert has_row(rows, eventLabel="Khojaly massacre", begin="1992-02-25", end="1992-02-26",
                   conflict="First Nagorno-Karabakh War")


def test_claimants_compared_on_khojaly_tolls(corpus_store: Path) -> None:
    rows = run_named("claimants-compared", store=corpus_store, first="Human Rights Watch",
                     second="Azerbaijani parliament")
    assert has_row(rows, topic="killed", firstSays="asserts killed 500 to 1000",
                   secondSays="asserts killed 485", verdict="differ") and has_row(
        rows, topic="killed", firstSays="asserts killed at least 200",
        secondSays="asserts killed 485", verdict="agree")


def test_black_january_in_two_sources_with_figures(corpus_store: Path) -> None:
    rows = run_named("multi-source-events", store=corpus_store)
    assert has_row(rows, eventLabel="Black January", documents=2, figureDocuments=2)


def test_unsourced_claims_of_documents_without_references(corpus_store: Path) -> None:
    rows = run_named("unsourced-claims", store=corpus_store)
    assert {r["references"] for r in rows if r["doc"] in (DOC2, DOC4)} == {0}


def test_footnoted_claims_are_not_unsourced(corpus_store: Path, khojaly_tolls: list[dict]) -> None:
    unsourced = {r["claim"] for r in run_named("unsourced-claims", store=corpus_store,
                                                document=DOC3)}
    assert not unsourced & {r["claim"] for r in khojaly_tolls if r["footnotes"]}


def test_unsourced_claims_in_the_encyclopedia_articles(corpus_store: Path) -> None:
    rows = run_named("unsourced-claims", store=corpus_store, document=DOC0)
    assert all(r["references"] > 0 for r in rows)
