"""Every named query on a hand-written graph (tests/fixtures/mini.trig) with the rows expected."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from ckg import queries as q
from graph_build.errors import QueryError

from .query_helpers import make_store

DOC3 = "003_3dd444bb38705b39.txt"
DOC4 = "004_383d63a257376c65.txt"
CLAIM = "https://w3id.org/ckg/id/claim-00000000000000"


@pytest.fixture(scope="module")
def mini_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("mini") / "store")


def rows(store: Path, name: str, *cols: str, **params: object) -> list[tuple[object, ...]]:
    return [tuple(r[c] for c in cols) for r in q.run_named(name, store=store, **params)]


# ---------------------------------------------------------------- the catalogue

@pytest.mark.parametrize("query", q.list_queries(), ids=lambda n: n.name)
def test_every_query_has_a_question_and_columns(query: q.NamedQuery) -> None:
    if query.name == "claims":  # the lead's read-back query has its own header style
        pytest.skip("claims.rq belongs to the claims read-back")
    assert query.question.endswith("?") and query.columns


@pytest.mark.parametrize("query", [n for n in q.list_queries() if n.parameters],
                         ids=lambda n: n.name)
def test_every_parameter_is_projected(query: q.NamedQuery) -> None:
    select = query.text[query.text.index("SELECT"):query.text.index("WHERE")]
    assert all("?" + p.name in select.split() for p in query.parameters)


def test_twelve_questions_are_shipped() -> None:
    assert len([n for n in q.list_queries() if n.name != "claims"]) == 12


def test_unknown_name_is_a_query_error() -> None:
    with pytest.raises(QueryError, match="no named query 'nope'"):
        q.load_query("nope")


# ---------------------------------------------------------------- each question

def test_casualty_estimates_by_claimant(mini_store: Path) -> None:
    assert rows(mini_store, "casualty-estimates", "claimant", "measure", "min", "max", "doc",
                "footnotes", event="Khojaly massacre") == [
        ("Human Rights Watch", "killed", 200, None, DOC3, [1, 2]),
        ("Azerbaijani parliament", "killed", 485, 485, DOC3, [3]),
        ("Human Rights Watch", "killed", 500, 1000, DOC3, []),
        (None, "killed", 613, 613, DOC4, []),
        ("Azerbaijani government", "killed", 613, 613, DOC3, [4]),
    ]


def test_casualty_estimates_filtered_by_measure(mini_store: Path) -> None:
    assert rows(mini_store, "casualty-estimates", "min", event="Black January",
                measure="injured") == []


def test_casualty_estimates_carry_hedge_and_quote(mini_store: Path) -> None:
    hedged = [r for r in q.run_named("casualty-estimates", store=mini_store,
                                      event="Khojaly massacre") if r["hedge"]]
    assert [(r["hedge"], r["quote"]) for r in hedged] == [
        ("reportedly", "HRW later reported that between 500 and 1,000 people were killed.")]


def test_perpetrators_by_claimant(mini_store: Path) -> None:
    assert rows(mini_store, "perpetrators", "perpetrator", "claimant", "stance", "footnotes",
                event="Khojaly massacre") == [
        ("Armenian forces", None, "asserts", [1]),
        ("Popular Front of Azerbaijan", "Nikol Pashinyan", "asserts", []),
    ]


def test_classifications_who_says_what(mini_store: Path) -> None:
    assert rows(mini_store, "classifications", "claimant", "stance", "label",
                event="Khojaly massacre") == [
        ("Nikol Pashinyan", "asserts", "fabrication"),
        ("Azerbaijani government", "asserts", "genocide"),
        ("Yair Auron", "denies", "genocide"),
        ("Human Rights Watch", "asserts", "massacre"),
    ]


def test_classifications_filtered_by_label(mini_store: Path) -> None:
    assert rows(mini_store, "classifications", "claimant", "stance", event="Khojaly massacre",
                label="genocide") == [("Azerbaijani government", "asserts"),
                                      ("Yair Auron", "denies")]


def test_formal_acts_timeline(mini_store: Path) -> None:
    assert rows(mini_store, "formal-acts", "date", "act", "body", "title", "eventLabel") == [
        ("1994-03-29", "Resolution", "Azerbaijani parliament",
         "On the tragic events committed in Baku on January 20th, 1990", "Black January"),
        ("2010-04-22", "Judgment", "European Court of Human Rights", "Fatullayev v. Azerbaijan",
         "Khojaly massacre"),
    ]


@pytest.mark.parametrize(("params", "expected"), [
    ({"from": "2000"}, ["2010-04-22"]),
    ({"to": "1994-03"}, ["1994-03-29"]),
    ({"from": "1994", "to": "1994"}, ["1994-03-29"]),
    ({"event": "Khojaly massacre"}, ["2010-04-22"]),
    ({"to": "1990"}, []),
], ids=["from-year", "to-month", "one-year", "by-event", "none-before"])
def test_formal_acts_filters(mini_store: Path, params: dict[str, str], expected: list[str]) -> None:
    assert [r[0] for r in rows(mini_store, "formal-acts", "date", **params)] == expected


def test_contradictions_find_non_overlapping_ranges_and_actors(mini_store: Path) -> None:
    assert rows(mini_store, "contradictions", "kind", "claimantA", "valueA", "claimantB",
                "valueB") == [
        ("casualty", "Azerbaijani parliament", "killed 485", "Human Rights Watch",
         "killed 500 to 1000"),
        ("casualty", "Azerbaijani parliament", "killed 485", None, "killed 613"),
        ("casualty", "Azerbaijani parliament", "killed 485", "Azerbaijani government",
         "killed 613"),
        ("perpetrator", None, "Armenian forces", "Nikol Pashinyan", "Popular Front of Azerbaijan"),
    ]


def test_contradictions_for_an_event_without_any(mini_store: Path) -> None:
    assert rows(mini_store, "contradictions", "kind", event="Black January") == []


def test_actor_profile_roles(mini_store: Path) -> None:
    assert rows(mini_store, "actor-profile", "role", "eventLabel", "type",
                actor="Azerbaijani parliament") == [
        ("adopting body", "Black January", "resolution"),
        ("claimant", "Khojaly massacre", "casualty"),
    ]


def test_actor_profile_victim_group(mini_store: Path) -> None:
    assert rows(mini_store, "actor-profile", "role", "claim", actor="Azerbaijani civilians") == [
        ("victim group", CLAIM + "01")]


def test_document_profile_in_text_order(mini_store: Path) -> None:
    assert rows(mini_store, "document-profile", "start", "type", "claimant", "value",
                document="004_383d63a257376c65") == [
        (100, "casualty", None, "killed 147"),
        (100, "perpetrator", None, "Soviet Army"),
        (500, "resolution", None, "Azerbaijani parliament, 1994-03-29"),
        (900, "casualty", None, "killed 613"),
    ]


def test_citation_trail_of_one_claim(mini_store: Path) -> None:
    assert rows(mini_store, "citation-trail", "footnote", "title", "creators", "date", "isbn",
                claimId="claim-0000000000000001") == [
        (1, "Bloodshed in the Caucasus", "Human Rights Watch", "1992", None),
        (2, "Black garden: Armenia and Azerbaijan through peace and war", "de Waal, Thomas",
         "2004", "0-8147-1945-7"),
    ]


def test_citation_trail_keeps_unfootnoted_claims(mini_store: Path) -> None:
    assert rows(mini_store, "citation-trail", "claim", "footnote", document=DOC4,
                event="Khojaly massacre") == [(CLAIM + "15", None)]


@pytest.mark.parametrize(("params", "expected"), [
    ({}, ["First Nagorno-Karabakh War", "Black January", "Khojaly massacre"]),
    ({"place": "Baku"}, ["Black January"]),
    ({"place": "Xocalı"}, ["Khojaly massacre"]),
    ({"from": "1991", "to": "1993"}, ["First Nagorno-Karabakh War", "Khojaly massacre"]),
    ({"to": "1989"}, ["First Nagorno-Karabakh War"]),
], ids=["all", "place", "place-alias", "range", "before"])
def test_events_by_place_and_date(mini_store: Path, params: dict[str, str],
                                  expected: list[str]) -> None:
    assert [r[0] for r in rows(mini_store, "events", "eventLabel", **params)] == expected


def test_events_name_their_wider_conflict(mini_store: Path) -> None:
    assert rows(mini_store, "events", "conflict", place="Khojaly") == [
        ("First Nagorno-Karabakh War",)]


def test_claimants_compared(mini_store: Path) -> None:
    assert rows(mini_store, "claimants-compared", "topic", "firstSays", "secondSays", "verdict",
                first="HRW", second="Azerbaijani authorities") == [
        ("classification", "asserts massacre", "asserts genocide", "differ"),
        ("killed", "asserts killed 500 to 1000", "asserts killed 613", "agree"),
        ("killed", "asserts killed at least 200", "asserts killed 613", "agree"),
    ]


def test_claimants_compared_disagreement_on_genocide(mini_store: Path) -> None:
    assert rows(mini_store, "claimants-compared", "firstSays", "secondSays", "verdict",
                first="Azerbaijani government", second="Yair Auron") == [
        ("asserts genocide", "denies genocide", "differ")]


@pytest.mark.parametrize(("min_docs", "expected"), [
    (None, [("Khojaly massacre", 2, 12, 2, 4)]),
    (1, [("Khojaly massacre", 2, 12, 2, 4), ("Black January", 1, 3, 1, 1)]),
    (3, []),
], ids=["default-2", "one", "three"])
def test_multi_source_events(mini_store: Path, min_docs: int | None,
                             expected: list[tuple[object, ...]]) -> None:
    params = {} if min_docs is None else {"minDocs": min_docs}
    assert rows(mini_store, "multi-source-events", "eventLabel", "documents", "claims",
                "figureDocuments", "figureClaimants", **params) == expected


def test_unsourced_claims_per_document(mini_store: Path) -> None:
    assert rows(mini_store, "unsourced-claims", "doc", "references", "claim") == [
        (DOC3, 4, CLAIM + n) for n in ("09", "02", "11", "07", "06", "10")
    ] + [(DOC4, 0, CLAIM + n) for n in ("12", "13", "14", "15")]


def test_unsourced_claims_of_one_document(mini_store: Path) -> None:
    assert len(rows(mini_store, "unsourced-claims", "claim", document=DOC4.upper())) == 4


# ---------------------------------------------------------------- parameters

@pytest.mark.parametrize("label", ["Khojaly massacre", "KHOJALY MASSACRE", "Khojaly tragedy",
                                   "xocalı soyqırımı", "id:event-khojaly-massacre",
                                   "<https://w3id.org/ckg/id/event-khojaly-massacre>"],
                         ids=["pref", "upper", "alt", "alt-az", "curie", "iri"])
def test_entity_parameter_resolves_labels_and_iris(mini_store: Path, label: str) -> None:
    assert len(q.run_named("perpetrators", store=mini_store, event=label)) == 2


def test_gazetteer_concept_is_never_taken_for_an_instance(mini_store: Path) -> None:
    runner = q.LocalRunner(mini_store)
    found = q.resolve_entity(runner, "Human Rights Watch", "https://w3id.org/ckg/ns#Actor")
    assert found == ox.NamedNode("https://w3id.org/ckg/id/actor-human-rights-watch")


def test_injection_attempt_is_a_label_that_matches_nothing(mini_store: Path) -> None:
    result = q.run_query(q.load_query("perpetrators"), {"event": '"} ; DROP ALL ; {"'},
                         store=mini_store)
    assert (result.rows, result.unresolved) == ([], [("event", '"} ; DROP ALL ; {"')])


def test_unresolved_label_is_an_error_when_strict(mini_store: Path) -> None:
    with pytest.raises(QueryError, match="no event labelled 'Atlantis'"):
        q.run_query(q.load_query("perpetrators"), {"event": "Atlantis"}, store=mini_store,
                    strict=True)


@pytest.mark.parametrize(("params", "message"), [
    ({}, "missing required parameter 'event'"),
    ({"event": "Black January", "colour": "red"}, "unknown parameter 'colour'"),
], ids=["missing", "unknown"])
def test_parameter_errors(mini_store: Path, params: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        q.run_query(q.load_query("perpetrators"), params, store=mini_store)


@pytest.mark.parametrize(("name", "params", "message"), [
    ("events", {"from": "last year"}, "must be YYYY"),
    ("multi-source-events", {"minDocs": "two"}, "must be an integer"),
], ids=["date", "integer"])
def test_typed_parameter_errors(mini_store: Path, name: str, params: dict[str, str],
                                message: str) -> None:
    with pytest.raises(QueryError, match=message):
        q.run_query(q.load_query(name), params, store=mini_store)


def test_ambiguous_label_is_an_error(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store")
    st = ox.Store(str(store))
    st.add(ox.Quad(ox.NamedNode("https://w3id.org/ckg/id/actor-hrw-2"),
                   ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                   ox.NamedNode("https://w3id.org/ckg/ns#Actor"),
                   ox.NamedNode("https://w3id.org/ckg/id/graph-entities")))
    st.add(ox.Quad(ox.NamedNode("https://w3id.org/ckg/id/actor-hrw-2"),
                   ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                   ox.Literal("Human Rights Watch", language="en"),
                   ox.NamedNode("https://w3id.org/ckg/id/graph-entities")))
    st.flush()
    del st
    with pytest.raises(QueryError, match="ambiguous"):
        q.run_named("actor-profile", store=store, actor="Human Rights Watch")


# ---------------------------------------------------------------- formats

@pytest.fixture(scope="module")
def perpetrators(mini_store: Path) -> q.QueryResult:
    return q.run_query(q.load_query("perpetrators"), {"event": "Khojaly massacre"},
                       store=mini_store)


def test_table_is_aligned(perpetrators: q.QueryResult) -> None:
    lines = q.format_result(perpetrators, "table").decode().splitlines()
    assert (lines[0].index("claimant"), lines[-1]) == (lines[3].index("Nikol Pashinyan"),
                                                       "(2 rows)")


def test_csv_has_header_and_rows(perpetrators: q.QueryResult) -> None:
    lines = q.format_result(perpetrators, "csv").decode().splitlines()
    assert (lines[0], lines[1][:27]) == (
        "perpetrator,claimant,stance,hedge,doc,quote,footnotes,claim",
        "Armenian forces,,asserts,,0")


def test_tsv_has_no_tabs_inside_cells(perpetrators: q.QueryResult) -> None:
    lines = q.format_result(perpetrators, "tsv").decode().splitlines()
    assert [len(line.split("\t")) for line in lines] == [8, 8, 8]


def test_json_rows_are_plain_values(perpetrators: q.QueryResult) -> None:
    first = json.loads(q.format_result(perpetrators, "json"))[0]
    assert (first["perpetrator"], first["claimant"], first["footnotes"]) == (
        "Armenian forces", None, [1])


def test_srj_is_w3c_json(perpetrators: q.QueryResult) -> None:
    doc = json.loads(q.format_result(perpetrators, "srj"))
    assert (doc["head"]["vars"][0], doc["results"]["bindings"][0]["claim"]["type"]) == (
        "perpetrator", "uri")


@pytest.mark.parametrize(("fmt", "parse_as"), [
    ("srx", ox.QueryResultsFormat.XML), ("sparql-tsv", ox.QueryResultsFormat.TSV),
    ("srj", ox.QueryResultsFormat.JSON),
], ids=["srx", "sparql-tsv", "srj"])
def test_w3c_formats_parse_back(perpetrators: q.QueryResult, fmt: str,
                                parse_as: ox.QueryResultsFormat) -> None:
    parsed = ox.parse_query_results(q.format_result(perpetrators, fmt), format=parse_as)
    assert len(list(parsed)) == 2


def test_sparql_csv_writes_iris_plain(perpetrators: q.QueryResult) -> None:
    text = q.format_result(perpetrators, "sparql-csv").decode()
    assert text.splitlines()[1].endswith(CLAIM + "05")


# ---------------------------------------------------------------- query text

def test_values_block_goes_into_the_where_group() -> None:
    text = 'PREFIX x: <http://x/#> SELECT ?a WHERE { ?a x:p "}{" }'
    out = q.with_values(text, {"a": ox.NamedNode("http://x/1")})
    assert out == ('PREFIX x: <http://x/#> SELECT ?a WHERE {\n  VALUES (?a) { (<http://x/1>) }\n'
                   ' ?a x:p "}{" }')


def test_values_block_escapes_literals() -> None:
    out = q.with_values("SELECT ?e { ?e ?p ?o }", {"e": ox.Literal('"} ; DROP ALL ; {"')})
    assert 'VALUES (?e) { ("\\"} ; DROP ALL ; {\\"") }' in out


@pytest.mark.parametrize(("text", "form"), [
    ("PREFIX s: <http://select/> # DROP\nSELECT * {}", "SELECT"),
    ("BASE <http://x/> DROP ALL", "DROP"),
    ('INSERT DATA { <a:b> <a:c> "SELECT" }', "INSERT"),
    ("# only a comment", None),
], ids=["select", "drop", "insert", "none"])
def test_query_form(text: str, form: str | None) -> None:
    assert q.query_form(text) == form
