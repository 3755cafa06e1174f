"""Constructions that unseen documents use and the extractor must read (issue 5, continued).

Each test is written from an invented sentence about invented places, bodies and people
(none is in the seeds or the development set); the rule it covers is in its name.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph_build.lexicon import load_lexicon
from graph_build.model import SourceDocument
from graph_build.segment import segment
from tests.test_claims import claims_of, one


def kinds(cs: list[dict], type_: str) -> list[dict]:
    return [c for c in cs if c["type"] == type_]


def section_kinds(text: str) -> list[tuple[str, str]]:
    doc = SourceDocument("t", "t.txt", Path("t.txt"), text, hashlib.sha256(text.encode()).hexdigest(), "en")
    seg = segment(doc, load_lexicon())
    return [(s.kind, text[s.start:s.end].strip()) for s in seg.sections]


# ---------------------------------------------------------------- voices

def test_a_bare_role_is_not_a_body_the_document_names_only_later() -> None:
    cs = claims_of("On 3 May 2001 the Trial Chamber of the Varnian Tribunal convicted Ivo Marek.\n\n"
                   "The Chamber found that the shell killed 41 people.\n\n"
                   "On 9 June 2003 the Appeals Chamber upheld the convictions.")
    assert one(cs, type="casualty", min=41)["claimant"] != "Appeals Chamber"


def test_a_body_named_with_its_seat_after_an_article_is_the_body() -> None:
    cs = claims_of("The war crimes tribunal in The Hague ruled in 2009 that the killings constituted genocide.")
    c = one(cs, type="resolution")
    assert (c["body"], c["date"]) == ("war crimes tribunal in The Hague", "2009")


def test_a_place_phrase_before_a_subject_is_not_part_of_it() -> None:
    cs = claims_of("In Varnia the Holm Commission of inquiry found in March 1999 that the militia "
                   "had killed 212 villagers.")
    assert one(cs, type="casualty", min=212)["claimant"] in ("Holm Commission", "Holm Commission of inquiry")


def test_a_coordinated_verb_after_an_auxiliary_keeps_the_subject() -> None:
    cs = claims_of("The Varnian government has denied that its troops entered Tarvo and has called "
                   "the reports a fabrication.")
    c = one(cs, type="classification", label="fabrication")
    assert (c["claimant"], c["stance"]) == ("Varnian government", "asserts")


def test_a_base_form_reporting_verb_after_did_names_the_speaker() -> None:
    cs = claims_of("Only in 1990 did the Varnian government admit that 310 prisoners were shot.")
    assert one(cs, type="casualty", min=310)["claimant"] == "Varnian government"


# ---------------------------------------------------------------- casualties

def test_bodies_after_a_figure_count_the_dead() -> None:
    cs = claims_of("The regional prosecutor said 118 bodies had been found in the town.")
    c = one(cs, type="casualty", min=118)
    assert (c["measure"], c["max"], c["claimant"]) == ("killed", 118, "regional prosecutor")


def test_bodies_before_a_figure_count_nothing() -> None:
    cs = claims_of("Among the bodies two were those of children, the witness said.")
    assert kinds(cs, "casualty") == []


def test_wounding_counts_the_injured() -> None:
    cs = claims_of("A shell struck the market, killing 27 people and wounding more than 90.")
    c = one(cs, type="casualty", min=90)
    assert (c["measure"], c["max"]) == ("injured", None)


# ---------------------------------------------------------------- perpetrators

def test_attributes_to_names_the_alleged_perpetrator() -> None:
    cs = claims_of("Amnesty International attributes these killings to the Blue Brigade.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("Blue Brigade", "Amnesty International")


# ---------------------------------------------------------------- formal acts

def test_a_date_with_its_year_dates_an_act_not_a_day_it_declares() -> None:
    cs = claims_of("On May 4, 2019, the Varnian Senate adopted a resolution establishing March 9 as a "
                   "day of remembrance of the Tarvo massacre.")
    assert one(cs, type="resolution")["date"] == "2019-05-04"


# ---------------------------------------------------------------- events

def test_the_main_event_is_the_one_named_most_not_the_first() -> None:
    cs = claims_of("A rally of the Tarvo shelling committee was held in 1999. Soldiers fired on the crowd. "
                   "The Ostra massacre left 61 people dead. The Ostra massacre is commemorated each year.",
                   title="Remembering the dead")
    assert one(cs, type="casualty", min=61)["event"] == "Ostra massacre"


def test_a_head_inside_a_longer_name_names_no_event() -> None:
    cs = claims_of("Members of the National Strike Council gathered in Ostra. Soldiers shot 44 people dead "
                   "in Ostra. Survivors call it the massacre.", title="Ostra, twenty years on")
    assert {c["event"] for c in kinds(cs, "casualty")} == {"Ostra massacre"}


def test_a_name_derived_from_the_text_avoids_a_contested_label() -> None:
    cs = claims_of("Soldiers shot 44 people dead in Ostra. Some call it a genocide, others a massacre. "
                   "Relatives speak of genocide.", title="Ostra, twenty years on")
    assert {c["event"] for c in kinds(cs, "casualty")} == {"Ostra massacre"}


def test_a_site_name_above_the_menu_is_a_masthead_and_the_title_follows_the_menu() -> None:
    text = ("Northern Notes\nHome | World | History | About | Contact\n\nOstra, twenty years on\n"
            "Posted on May 2, 2019 by Kari\n\n" + "Soldiers shot many people in Ostra that night. " * 5)
    kinds_ = section_kinds(text)
    assert [k for k, t in kinds_ if "Northern Notes" in t] == ["boilerplate"] and \
        ("title", "Ostra, twenty years on") in kinds_


@pytest.mark.parametrize("line", ["Share this", "Read more"])
def test_a_boilerplate_line_other_than_a_menu_leaves_the_title_above_it(line: str) -> None:
    text = f"Ostra, twenty years on\n\n{line}\n\n" + "Soldiers shot many people in Ostra that night. " * 5
    assert section_kinds(text)[0] == ("title", "Ostra, twenty years on")


# ---------------------------------------------------------------- round two

def test_an_event_named_by_its_day_is_the_known_event_of_those_dates() -> None:
    cs = claims_of("The Varnian foreign ministry said the events of January 20, 1990 were a crime against humanity.",
                   title="A statement")
    assert one(cs, type="classification", label="crime against humanity")["event"] == "Black January"


def test_an_event_named_only_by_its_day_keeps_that_name() -> None:
    cs = claims_of("Горожане вспоминают трагедию 3 мая 1977 года. Тогда погибли 14 человек.", lang="ru",
                   title="Тридцать лет спустя")
    assert one(cs, type="casualty", min=14)["event"].startswith("трагедия 3 мая")


def test_in_russian_a_noun_before_a_head_is_no_name_of_the_event() -> None:
    cs = claims_of("Целью удара по вокзалу Остравы был срыв эвакуации. По данным властей, погибли 12 человек.",
                   lang="ru", title="Удар по вокзалу Остравы")
    assert "Целью" not in one(cs, type="casualty", min=12)["event"]


def test_a_weekday_is_no_name_of_an_event() -> None:
    cs = claims_of("Survivors of last Thursday's massacre said 19 people were shot.", title="The Tarvo massacre")
    assert one(cs, type="casualty", min=19)["event"] == "Tarvo massacre"


def test_a_name_in_the_title_names_the_derived_event() -> None:
    cs = claims_of("Politiet sperret av plassen i Vestby. Myndighetene har oppgitt at 40 mennesker mistet livet "
                   "i Vestby den natten.", lang="nb", title="Stillhet om Ostra – 20 år etter massakren")
    assert one(cs, type="casualty", min=40)["event"].startswith("Ostra")


@pytest.mark.parametrize("sentence", [
    "Human Rights Watch kom i en egen rapport fram til at soldatene drepte 30 sivile.",
    "Human Rights Watch fant i mars at soldatene drepte 30 sivile.",
])
def test_norwegian_conclusions_name_the_claimant(sentence: str) -> None:
    cs = claims_of(sentence, lang="nb", title="Massakren i Ostra")
    assert one(cs, type="casualty", min=30)["claimant"] == "Human Rights Watch"


def test_a_speaker_line_gives_the_voice_of_the_quotation_after_it() -> None:
    cs = claims_of("Официальный представитель Министерства обороны Украины Иван Петров:\n\n"
                   "«Все сообщения об ударе по Остраве являются провокацией».", lang="ru",
                   title="Заявление в связи с ударом по Остраве")
    assert one(cs, type="classification", label="fabrication")["claimant"] == "Иван Петров"


def test_an_anaphor_after_an_attribution_cue_is_the_last_claimant() -> None:
    cs = claims_of("Организация Human Rights Watch сообщила об ударе по Остраве. По подсчётам "
                   "организации, погибли не менее 58 человек.", lang="ru", title="Удар по Остраве")
    assert one(cs, type="casualty", min=58)["claimant"] == "Human Rights Watch"


def test_a_parliament_that_condemns_adopts_a_resolution_not_a_judgment() -> None:
    cs = claims_of("Съезд народных депутатов Варнии в декабре 1990 года одобрил заключение комиссии и осудил "
                   "применение силы против участников митинга.", lang="ru", title="Трагедия в Остраве")
    assert one(cs, type="resolution")["date"] == "1990-12"


def test_opened_fire_on_names_the_perpetrator() -> None:
    cs = claims_of("When police opened fire on the crowd, 40 people died.")
    assert one(cs, type="perpetrator")["actor"] == "police"


def test_a_commission_of_inquiry_that_finds_gives_a_dated_finding() -> None:
    cs = claims_of("The Varnian Truth Commission rejected that version in its 2001 report. It found that the "
                   "police had deliberately opened fire on the crowd.")
    c = one(cs, type="resolution")
    assert (c["body"], c["date"]) == ("Varnian Truth Commission", "2001")


def test_held_responsible_names_who_stands_inside_it() -> None:
    cs = claims_of("The commission held the provincial governor and the chief of police directly responsible "
                   "for the killings.")
    assert {c["actor"] for c in cs if c["type"] == "perpetrator"} >= {"provincial governor"}


def test_a_label_in_the_documents_voice_is_a_classification_of_the_event() -> None:
    cs = claims_of("The deliberate shelling of the village constitutes a war crime.", title="The Tarvo massacre")
    c = one(cs, type="classification", label="war crime")
    assert c["claimant"] is None


def test_a_label_said_of_people_is_no_classification_of_the_event() -> None:
    cs = claims_of("In the war both Varnians and Ostrans became victims of pogroms.", title="The Tarvo massacre")
    assert kinds(cs, "classification") == []


def test_a_headline_speaker_before_a_colon_is_the_claimant() -> None:
    cs = claims_of("Lawmakers voted on Tuesday.", title="Varnian Senate: the Tarvo massacre was genocide")
    assert one(cs, type="classification", label="genocide")["claimant"] == "Varnian Senate"


# ---------------------------------------------------------------- round three

def test_a_state_body_reads_as_news_writes_it() -> None:
    cs = claims_of("The Afghan authorities said 89 villagers were killed.")
    assert one(cs, type="casualty", min=89)["claimant"] == "Afghan government"


def test_a_hyphenated_adjective_is_no_nationality() -> None:
    cs = claims_of("On 4 May 2012 the Inter-American Court of Human Rights delivered its judgment on the massacre.")
    assert "United States" not in one(cs, type="resolution")["body"]


def test_a_pronoun_subject_is_first_the_speaker_of_its_own_sentence() -> None:
    cs = claims_of("The army said it had acted in self-defence. The Varnian Mission said in May that it had "
                   "found evidence that 90 civilians were killed.")
    assert one(cs, type="casualty", min=90)["claimant"] == "Varnian Mission"


def test_a_sentence_opening_with_among_the_dead_counts_a_part() -> None:
    cs = claims_of("Soldiers killed 33 people. Among the civilian dead were at least 12 children.")
    assert [c["min"] for c in cs if c["type"] == "casualty"] == [33]


@pytest.mark.parametrize("text,bounds", [("the death toll was 150 at most", (None, 150)),
                                         ("the death toll was 200 or more", (200, None))])
def test_a_hedge_after_its_figure_bounds_it(text: str, bounds: tuple) -> None:
    c = one(claims_of(f"The army said {text}."), type="casualty")
    assert (c["min"], c["max"]) == bounds


def test_rejecting_lies_labels_the_accusations_not_the_event() -> None:
    cs = claims_of("The Varnian ministry rejects the tsunami of lies spread by foreign channels about the massacre.")
    assert kinds(cs, "classification") == []


def test_a_conviction_as_a_crime_against_humanity_is_the_courts_label() -> None:
    cs = claims_of("On 14 May 2001 the Varnian Trial Chamber convicted four of the accused of persecution "
                   "as a crime against humanity.")
    c = one(cs, type="classification", label="crime against humanity")
    assert c["claimant"] == "Varnian Trial Chamber"


def test_the_sentenced_are_perpetrators_by_the_last_court() -> None:
    cs = claims_of("On 14 May 2001 the Varnian Trial Chamber delivered its judgment. Ivo Marek, a company "
                   "commander, was sentenced to 25 years' imprisonment.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("Ivo Marek", "Varnian Trial Chamber")


def test_an_act_told_again_without_a_date_is_the_same_act() -> None:
    cs = claims_of("On 5 May 2003 the Varnian Tribunal convicted Ivo Marek.\n\nThe Tribunal found that the shell "
                   "killed 41 people. It sentenced him to 20 years.")
    assert [c["date"] for c in cs if c["type"] == "resolution"] == ["2003-05-05"]


def test_an_appeals_chamber_that_upholds_gives_a_judgment() -> None:
    cs = claims_of("On 30 November 2006 the Appeals Chamber upheld the convictions for the massacre.")
    c = one(cs, type="resolution")
    assert (c["body"], c["date"]) == ("Appeals Chamber", "2006-11-30")


# ---------------------------------------------------------------- round four

def test_in_norwegian_the_subject_follows_the_verb_after_an_opening_adverbial() -> None:
    cs = claims_of("Varnias granskingskommisjon la fram rapporten i mai. I sluttrapporten slår kommisjonen fast "
                   "at minst 140 mennesker ble drept.", lang="nb", title="Massakren i Ostra")
    assert one(cs, type="casualty", min=140)["claimant"] is not None


def test_the_organisation_is_the_last_speaker_that_is_no_person() -> None:
    cs = claims_of("Amnesty International har intervjuet overlevende. Presidenten Ivo Marek sa at ingen ble drept. "
                   "Organisasjonen ble fortalt at 142 mennesker var drept.", lang="nb", title="Massakren i Ostra")
    assert one(cs, type="casualty", min=142)["claimant"] == "Amnesty International"


def test_norwegian_adverbials_between_subject_and_verb_are_skipped() -> None:
    cs = claims_of("Varnias Røde Kors skal natt til 5. juni 1999 ha anslått at 2600 mennesker ble drept.",
                   lang="nb", title="Massakren i Ostra")
    assert one(cs, type="casualty", min=2600)["claimant"] == "Varnias Røde Kors"


def test_responsibility_laid_on_names_the_perpetrator() -> None:
    cs = claims_of("Ansvaret legges på Den varniske opprørshæren.", lang="nb", title="Massakren i Ostra")
    assert one(cs, type="perpetrator")["actor"].endswith("varniske opprørshæren")


def test_a_known_place_only_mentioned_names_no_event_over_the_place_where_it_happened() -> None:
    cs = claims_of("In the suburbs of Damascus, the village of Ostra was shelled. In Ostra 300 people died.",
                   title="A chemical attack")
    assert one(cs, type="casualty", min=300)["event"].startswith("Ostra")


# ---------------------------------------------------------------- round five

@pytest.mark.parametrize("text,lang", [
    ("Soldiers of the Varnian army opened fire on the crowd.", "en"),
    ("Varniske regjeringsstyrker åpnet ild mot en folkemengde i Ostra.", "nb"),
    ("Варнийские войска открыли огонь по толпе в Остраве.", "ru"),
])
def test_opening_fire_names_the_perpetrator_in_each_language(text: str, lang: str) -> None:
    cs = claims_of(text, lang=lang, title={"en": "The Ostra massacre", "nb": "Massakren i Ostra",
                                            "ru": "Расстрел в Остраве"}[lang])
    assert kinds(cs, "perpetrator")


def test_ordering_a_violent_act_names_who_ordered_it() -> None:
    cs = claims_of("Colonel Ivo Marek ordered the attack on the village.")
    assert one(cs, type="perpetrator")["actor"] == "Ivo Marek"


def test_ordering_that_no_one_be_harmed_names_no_perpetrator() -> None:
    cs = claims_of("The fighters killed 20 villagers, despite Colonel Ivo Marek strictly ordering them not to "
                   "harm civilians.")
    assert "Ivo Marek" not in {c["actor"] for c in cs if c["type"] == "perpetrator"}


def test_pleading_guilty_is_the_accused_own_word() -> None:
    cs = claims_of("In January 2012 Sergeant Ivo Marek pleaded guilty to dereliction of duty in the killings.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("Ivo Marek", "Ivo Marek")


def test_an_acquittal_denies_the_accused_part_by_the_court() -> None:
    cs = claims_of("On 5 May 2003 the Varnian Tribunal delivered its judgment. Ivo Marek was acquitted.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"], c["stance"]) == ("Ivo Marek", "Varnian Tribunal", "denies")


def test_a_modal_copula_still_labels_the_event() -> None:
    cs = claims_of("Human Rights Watch said the attacks may amount to crimes against humanity.")
    assert one(cs, type="classification", label="crime against humanity")["claimant"] == "Human Rights Watch"


def test_he_is_the_person_just_named_in_the_sentence() -> None:
    cs = claims_of("Ana Holm was acquitted.\n\nOn 3 March 2000 the Varnian Tribunal found General Ivo Marek guilty, "
                   "holding that he had ordered the attack on Ostra.")
    assert "Ana Holm" not in {c["actor"] for c in cs if c["type"] == "perpetrator" and c["stance"] == "asserts"}


def test_held_that_is_no_held_responsible() -> None:
    cs = claims_of("The court held that the amnesty law could not shield those responsible for the massacre.")
    assert kinds(cs, "perpetrator") == []


def test_an_allegedly_done_deed_is_denied_by_the_speaker() -> None:
    cs = claims_of("Министерство обороны Варнии заявило, что сообщения о якобы совершённом Варнией ударе "
                   "являются провокацией.", lang="ru", title="Удар по Остраве")
    assert all(c["stance"] == "denies" for c in kinds(cs, "perpetrator"))


def test_a_gerund_clause_between_subject_and_verb_is_skipped() -> None:
    cs = claims_of("Генерал Иван Петров, выступая на Съезде, отверг обвинения в адрес военных.", lang="ru",
                   title="Трагедия в Остраве")
    assert one(cs, type="perpetrator", stance="denies")["claimant"] == "Иван Петров"


# ---------------------------------------------------------------- round six (events)

def test_mass_graves_are_an_event_named_by_their_place() -> None:
    cs = claims_of("В Остраве обнаружены массовые захоронения. По данным прокуратуры, эксгумированы тела 440 человек.",
                   lang="ru", title="Массовые захоронения в Остраве")
    assert one(cs, type="casualty", min=440)["event"].lower().startswith("массовые захоронения")


def test_a_title_of_a_name_and_a_date_names_the_event() -> None:
    cs = claims_of("Tidlig om morgenen ble landsbyen Ostra ved Vestby angrepet. Minst 107 mennesker ble drept "
                   "i Ostra.", lang="nb", title="Ostra 9. april 1948")
    assert one(cs, type="casualty", min=107)["event"].startswith("Ostra")


def test_a_norwegian_preposition_opening_a_sentence_names_no_event() -> None:
    cs = claims_of("Under angrepet på sykehuset i Ostra ble 42 mennesker drept.", lang="nb",
                   title="Ett år etter angrepet på sykehuset i Ostra")
    assert "Under" not in one(cs, type="casualty", min=42)["event"]


def test_a_russian_adjective_that_only_opens_a_sentence_names_no_event() -> None:
    cs = claims_of("Умышленные убийства мирных жителей продолжались два дня. В Остраве погибли 103 человека.",
                   lang="ru", title="Операция в селе Острава")
    assert "Умышленные" not in one(cs, type="casualty", min=103)["event"]


def test_an_event_placed_in_a_whole_state_yields_to_a_named_place() -> None:
    cs = claims_of("Обнаруженные в Остраве захоронения связывают с событиями в Украине. В Остраве погибли "
                   "447 человек.", lang="ru", title="Захоронения в Остраве")
    assert "Украин" not in one(cs, type="casualty", min=447)["event"]


def test_an_event_head_of_several_words_makes_a_valid_iri(tmp_path: Path) -> None:
    from ckg import api
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ostra.txt").write_text("Mass graves in Ostra\n\n40 bodies were found in the mass graves in Ostra.\n")
    api.build([tmp_path / "docs"], tmp_path / "store")
    assert any(c["type"] == "casualty" for c in api.claims(tmp_path / "store"))


# ---------------------------------------------------------------- round seven (Russian perpetrators)

def test_a_russian_passive_names_its_agent_by_case() -> None:
    cs = claims_of("Суд счёл установленным, что жители Остравы были убиты военнослужащими.", lang="ru",
                   title="Зачистка в Остраве")
    assert one(cs, type="perpetrator")["actor"] == "военнослужащими"


def test_every_armed_group_of_a_list_after_the_verb_is_a_perpetrator() -> None:
    cs = claims_of("7 апреля в Остраву вошли подразделения внутренних войск, а также ОМОН и СОБР.", lang="ru",
                   title="Зачистка в Остраве")
    actors = {c["actor"] for c in kinds(cs, "perpetrator")}
    assert {"ОМОН", "СОБР"} <= actors and len(actors) == 3


def test_who_carried_out_an_act_named_before_the_verb() -> None:
    cs = claims_of("По данным военной прокуратуры, «зачистку» в посёлке проводили сотрудники ОМОН.", lang="ru",
                   title="Зачистка в Остраве")
    assert one(cs, type="perpetrator")["actor"].startswith("сотрудники ОМОН")


def test_a_term_received_is_a_conviction_by_the_last_court() -> None:
    cs = claims_of("27 марта 2019 года Вильнюсский окружной суд вынес приговор. Бывший офицер Иван Петров получил "
                   "12 лет, бывший командир Пётр Сидоров — 14 лет.", lang="ru", title="Трагедия в Остраве")
    assert {c["actor"] for c in kinds(cs, "perpetrator")} >= {"Иван Петров", "Пётр Сидоров"}


def test_imperfective_verbs_of_violence_name_the_perpetrator() -> None:
    cs = claims_of("Свидетели утверждают, что полицейские стреляли по безоружным людям.", lang="ru",
                   title="Расстрел в Остраве")
    assert one(cs, type="perpetrator")["actor"] == "полицейские"


# ---------------------------------------------------------------- round eight (sources and acts)

@pytest.mark.parametrize("text,claimant", [
    ("The prefecture's official toll at the time was three dead.", "prefecture"),
    ("Most historians' estimates lie between 6,000 and 20,000.", "Most historians"),
])
def test_a_possessive_before_a_toll_or_estimate_is_its_source(text: str, claimant: str) -> None:
    assert one(claims_of(text), type="casualty")["claimant"] == claimant


def test_a_source_in_parentheses_after_a_figure_gives_it() -> None:
    cs = claims_of("Deaths\t1,020–1,500 (Varnian official figures), 45,000 (Ostran government)\n"
                   "Date\t8 May 1945\n\nThe Tarvo massacre began on 8 May 1945.")
    c = one(cs, type="casualty", min=45000)
    assert c["claimant"] == "Ostran government"


def test_a_multiplier_after_a_range_is_both_ends() -> None:
    cs = claims_of("The historian Ivo Marek concluded that twenty to thirty thousand villagers had been killed.")
    c = one(cs, type="casualty")
    assert (c["min"], c["max"]) == (20000, 30000)


def test_convicted_by_a_named_court_gives_its_judgment_and_no_body_of_the_convicted() -> None:
    cs = claims_of("Ivo Marek, the only attacker captured alive, was convicted by the Supreme Court of Varnia "
                   "on 26 May 2006 and sentenced to life imprisonment.")
    acts = kinds(cs, "resolution")
    assert [(c["body"], c["date"]) for c in acts] == [("Supreme Court of Varnia", "2006-05-26")]
    assert one(cs, type="perpetrator")["claimant"] == "Supreme Court of Varnia"


def test_those_convicted_are_perpetrators_by_the_court() -> None:
    cs = claims_of("On 29 August 2012 the Varnian special court convicted 32 of the accused. Those convicted "
                   "included Ana Holm, a local politician, and Ivo Marek.")
    assert {c["actor"] for c in kinds(cs, "perpetrator")} >= {"Ana Holm"}


def test_this_year_is_the_year_the_document_was_written(tmp_path: Path) -> None:
    from ckg import api
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "t.txt").write_text("OSTRA, 17 October 2024 – Survivors of the Tarvo massacre gathered.\n\n"
                                          "In 1998 a court spoke. On 28 March this year the Varnian National "
                                          "Assembly adopted a resolution on the Tarvo massacre.\n")
    api.build([tmp_path / "d"], tmp_path / "s")
    assert [c["date"] for c in api.claims(tmp_path / "s") if c["type"] == "resolution"] == ["2024-03-28"]


def test_a_month_of_the_same_year_dates_an_act() -> None:
    cs = claims_of("I januar 1953 ble 21 soldater stilt for en militærdomstol i Ostra. I februar samme år dømte "
                   "domstolen 20 av de tiltalte.", lang="nb", title="Massakren i Tarvo")
    assert "1953-02" in [c["date"] for c in kinds(cs, "resolution")]


def test_an_act_dated_only_by_the_heading_above_it() -> None:
    cs = claims_of("Judgment of the special court, 29 August 2012\n\nJudge Ana Holm convicted 32 of the accused "
                   "of murder in the Tarvo massacre.")
    assert one(cs, type="resolution")["date"] == "2012-08-29"


# ---------------------------------------------------------------- round nine (labels, findings)

def test_what_a_court_convicts_of_is_its_label() -> None:
    cs = claims_of("Окружной суд Остравы 27 марта 2019 года признал Ивана Петрова виновным в военных преступлениях "
                   "и преступлениях против человечности.", lang="ru", title="Трагедия в Остраве")
    labels = {c["label"] for c in kinds(cs, "classification") if c["claimant"]}
    assert labels == {"war crime", "crime against humanity"}


def test_a_label_inside_a_case_name_is_no_label_of_the_court() -> None:
    cs = claims_of("On 25 October 2012 the Varnian Court delivered its judgment in the Case of the Massacre of Tarvo.")
    assert kinds(cs, "classification") == []


def test_presented_as_labels_the_event() -> None:
    cs = claims_of("Государственные СМИ представляли находки в Остраве как «постановку».", lang="ru",
                   title="Массовые захоронения в Остраве")
    assert one(cs, type="classification", label="fabrication")["stance"] == "asserts"


def test_a_weekday_in_a_dated_report_dates_the_act() -> None:
    cs = claims_of("ОСТРАВА, 27 марта 2019. Окружной суд в среду признал Ивана Петрова виновным.", lang="ru",
                   title="Приговор по делу о трагедии в Остраве")
    assert one(cs, type="resolution")["date"] == "2019-03-27"


def test_a_commission_that_presents_its_report_gives_a_dated_finding() -> None:
    cs = claims_of("En granskingskommisjon ledet av dommer Ivo Marek la fram rapporten sin i juni 2015.", lang="nb",
                   title="Massakren i Ostra")
    assert one(cs, type="resolution")["date"] == "2015-06"


def test_a_court_that_concludes_adds_no_act_of_its_own() -> None:
    cs = claims_of("Domstolen konkluderte med at myndighetene ikke gjorde nok for å hindre volden.", lang="nb",
                   title="Massakren i Ostra")
    assert kinds(cs, "resolution") == []


# ---------------------------------------------------------------- round ten (quotes, anaphora)

def test_a_label_in_a_speakers_quotation_is_the_speakers() -> None:
    cs = claims_of('In April 2008 the ambassador Ana Holm spoke in Tarvo of "appalling massacres".')
    assert one(cs, type="classification", label="massacre")["claimant"] == "Ana Holm"


def test_a_quoted_term_is_talked_about_not_used() -> None:
    cs = claims_of('The historian Ana Holm writes about the use of the term "genocide" in Varnian schools.')
    assert [c for c in kinds(cs, "classification") if c["stance"] == "asserts"] == []


def test_a_quoted_accusation_the_speaker_rejects_is_not_the_speakers_label() -> None:
    cs = claims_of("Прокуратура Варнии отвергает утверждения о «массовом убийстве мирных жителей».", lang="ru",
                   title="Расстрел в Остраве")
    assert [c for c in kinds(cs, "classification") if c["stance"] == "asserts"] == []


def test_consider_names_a_label_without_as() -> None:
    cs = claims_of("Human Rights Watch documented the killings. It considers them war crimes.")
    assert one(cs, type="classification", label="war crime")["claimant"] == "Human Rights Watch"


def test_found_no_evidence_of_a_massacre_denies_it() -> None:
    cs = claims_of("Human Rights Watch found no evidence of a massacre in Tarvo.")
    c = one(cs, type="classification", label="massacre")
    assert (c["claimant"], c["stance"]) == ("Human Rights Watch", "denies")


def test_a_state_before_a_headline_colon_is_a_topic_not_a_speaker() -> None:
    cs = claims_of("Human Rights Watch interviewed survivors. It considers the killings war crimes.",
                   title="Varnia: A Trail of Death in Tarvo")
    assert one(cs, type="classification", label="war crime")["claimant"] == "Human Rights Watch"


def test_troops_that_held_a_town_are_no_speakers() -> None:
    cs = claims_of("Human Rights Watch attributes the abuses to the Varnian forces that held the town. "
                   "It considers them war crimes.")
    assert one(cs, type="classification", label="war crime")["claimant"] == "Human Rights Watch"


def test_a_label_that_runs_past_an_event_word_is_still_a_label() -> None:
    cs = claims_of("Human Rights Watch called the killings war crimes.")
    assert one(cs, type="classification", label="war crime")["claimant"] == "Human Rights Watch"


def test_a_definite_description_stands_for_the_named_body_before_it() -> None:
    cs = claims_of("In Varnia the Orlen Commission of inquiry found in 2004 that the army had planned the raid. "
                   "The commission held that the direct responsibility lay with the Tarvo Guard.")
    c = one(cs, type="perpetrator", actor="Tarvo Guard")
    assert c["claimant"] == "Orlen Commission of inquiry"


def test_who_holds_someone_responsible_is_the_claimant() -> None:
    cs = claims_of("The Varnian Truth Commission published its report in 1998. "
                   "It held the former state and the minister of police directly responsible for the killings.")
    c = one(cs, type="perpetrator", actor="minister of police")
    assert c["claimant"] == "Varnian Truth Commission"


def test_a_name_with_a_lower_case_particle_names_the_event_place() -> None:
    cs = claims_of("On 3 May 1990 soldiers opened fire on a crowd in al-Hamra. Witnesses said that 40 people were "
                   "killed in al-Hamra that day.", title="REGIONAL COURT\n\nSummary of the judgment")
    assert "al-Hamra" in one(cs, type="casualty", min=40)["event"]


def test_a_list_of_verdicts_gives_the_courts_word_on_each_named_person() -> None:
    cs = claims_of("The Tarvo District Court found that the raid was planned. Its verdicts:\n"
                   "- Jon Marek, former commander of the guard: guilty; sentenced to life imprisonment.\n"
                   "- Ola Brenn and Per Sund, police officers: guilty; sentenced to ten years each.\n"
                   "- Karl Veit, former mayor: acquitted for lack of evidence.")
    got = {(c["actor"], c["stance"], c["claimant"]) for c in cs if c["type"] == "perpetrator"}
    assert got == {("Jon Marek", "asserts", "Tarvo District Court"), ("Ola Brenn", "asserts", "Tarvo District Court"),
                   ("Per Sund", "asserts", "Tarvo District Court"), ("Karl Veit", "denies", "Tarvo District Court")}
    assert [c["body"] for c in cs if c["type"] == "resolution"] == ["Tarvo District Court"]


def test_a_norwegian_list_of_verdicts() -> None:
    cs = claims_of("Tarvo tingrett avsa dom i saken 3. mai 2001.\n"
                   "- Jon Marek, tidligere kommandant: skyldig; dømt til 21 års fengsel.\n"
                   "- Karl Veit: frikjent.", lang="nb", title="Massakren i Tarvo")
    got = {(c["actor"], c["stance"]) for c in cs if c["type"] == "perpetrator"}
    assert got == {("Jon Marek", "asserts"), ("Karl Veit", "denies")}


def test_a_motorcade_that_passed_through_a_town_adopted_nothing() -> None:
    cs = claims_of("On 8 July 1982 gunmen opened fire on the motorcade of the president as it passed through Tarvo.")
    assert [c for c in cs if c["type"] == "resolution"] == []


def test_a_government_named_by_a_definite_noun_is_no_anaphor_of_an_assembly() -> None:
    cs = claims_of("I nasjonalforsamlingen anklaget en representant hæren for drapene.\n\n"
                   "Regjeringen opplyste den gang at 57 mennesker var drept.", lang="nb", title="Massakren i Tarvo")
    assert one(cs, type="casualty", min=57)["claimant"] == "Regjeringen"


def test_a_subject_after_the_verb_named_in_apposition_speaks_on() -> None:
    cs = claims_of("I nasjonalforsamlingen anklaget representanten for Varnia Vest, Jon Marek Holm, 21. mars 1984 "
                   "hæren for drapene. Han opplyste at over 300 var henrettet.", lang="nb", title="Massakren i Tarvo")
    assert one(cs, type="casualty", min=300)["claimant"] == "Jon Marek Holm"


def test_a_verb_coordinated_with_a_passive_is_passive_too() -> None:
    cs = claims_of("Jon Marek ble utlevert til Varnia og dømt til livsvarig fengsel av en militærdomstol i Tarvo "
                   "31. oktober 1951.", lang="nb", title="Massakren i Tarvo")
    c = one(cs, type="perpetrator", actor="Jon Marek")
    assert c["claimant"].startswith("militærdomstol")
    assert one(cs, type="resolution")["date"] == "1951-10-31"


def test_the_convicted_after_a_date() -> None:
    cs = claims_of("En militærdomstol i Tarvo dømte 13. januar 2007 ti tidligere SS-soldater til livsvarig fengsel.",
                   lang="nb", title="Massakren i Tarvo")
    assert one(cs, type="perpetrator", actor="SS")["claimant"] == "militærdomstol i Tarvo"


def test_a_conviction_on_another_charge_names_no_perpetrator() -> None:
    cs = claims_of("Jon Marek, a journalist who wrote about the massacre, was sued for defamation and convicted "
                   "in a Varnian court to eight years in prison.")
    assert [c for c in cs if c["type"] == "perpetrator"] == []
    assert one(cs, type="resolution")["body"] == "Varnian court"


def test_who_did_it_is_no_name_of_the_event() -> None:
    cs = claims_of("Soldater fra SS drepte 770 mennesker i Tarvo. Tarvo minnes ofrene 80 år etter SS-massakren.",
                   lang="nb", title="Tarvo minnes ofrene")
    assert all("SS" not in (c["event"] or "") for c in cs)


def test_a_cue_that_names_its_own_source() -> None:
    cs = claims_of("По официальным данным, в результате теракта погибли 129 человек.", lang="ru",
                   title="Теракт в Тарво")
    assert one(cs, type="casualty", min=129)["claimant"] == "официальным данным"


@pytest.mark.parametrize("text, lang, title", [
    ("Det anslås at 300 mennesker ble drept i Tarvo-massakren.", "nb", "Tarvo-massakren"),
    ("I etterkrigstidens Varnia ble det anslått at mellom 300 og 400 ble drept i massakren.", "nb", "Tarvo-massakren"),
    ("Считается, что в ходе резни в Тарво погибли 300 человек.", "ru", "Резня в Тарво"),
])
def test_an_impersonal_passive_is_the_documents_voice(text: str, lang: str, title: str) -> None:
    # no one is named as the source: the claim stands in the document's own voice, not dropped
    c = one(claims_of(text, lang=lang, title=title), type="casualty", measure="killed")
    assert c["min"] == 300 and c["claimant"] is None


def test_an_impersonal_passive_with_its_agent_is_not_the_document() -> None:
    cs = claims_of("Amnesty International dokumenterte overgrepene. Tallet anslås av Amnesty International "
                   "til 300 drepte i massakren.", lang="nb", title="Tarvo-massakren")
    assert all(c["claimant"] is not None for c in kinds(cs, "casualty"))


@pytest.mark.parametrize("text, lang, who", [
    ("Nyere forskning basert på arkiver har kommet fram til mellom 410 og 420 ofre i Tarvo-massakren.", "nb",
     "Nyere forskning"),
    ("Varniske og tarviske historikere er i dag enige om at nesten 420 ble drept i massakren.", "nb",
     "Varniske og tarviske historikere"),
    ("Recent research puts the toll of the massacre at 420.", "en", "Recent research"),
    ("Historians estimate that 420 people were killed in the massacre.", "en", "Historians"),
    ("Историки сходятся во мнении, что в ходе резни погибли 420 человек.", "ru", "Историки"),
])
def test_research_and_historians_give_figures(text: str, lang: str, who: str) -> None:
    title = {"nb": "Tarvo-massakren", "en": "The Tarvo massacre", "ru": "Резня в Тарво"}[lang]
    assert one(claims_of(text, lang=lang, title=title), type="casualty", measure="killed")["claimant"] == who


def test_a_noun_after_a_determiner_is_no_reporting_verb() -> None:
    cs = claims_of("The estimate of 300 dead in the massacre was given by the Tarvo Relief Society.")
    assert one(cs, type="casualty", min=300)["claimant"] == "Tarvo Relief Society"


def test_reporting_verbs_in_their_other_forms() -> None:
    # imperfective and unstressed spellings ("сообщала", "пришел" for "пришёл") still report
    cs = claims_of("Прокурор Ивар Тамм пришел к выводу, что в ходе резни погибли 80 человек. Организация "
                   "«Мемориал Варны» сообщала, что в ходе резни погибли 95 человек.", lang="ru", title="Резня в Тарво")
    assert "Ивар Тамм" in one(cs, type="casualty", min=80)["claimant"]
    assert one(cs, type="casualty", min=95)["claimant"] == "Организация «Мемориал Варны»"


def test_a_name_in_quotation_marks_is_no_quotation() -> None:
    cs = claims_of("Правозащитный центр «Голос Тарво» сообщил, что в ходе резни погибли 95 человек.",
                   lang="ru", title="Резня в Тарво")
    assert "Голос Тарво" in one(cs, type="casualty", min=95)["claimant"]


@pytest.mark.parametrize("text, lang, title", [
    ("General Tom Vale did not deny that his troops had killed 30 villagers in the massacre.", "en",
     "The Tarvo massacre"),
    ("General Tom Vale benektet ikke at soldatene drepte 30 landsbyboere i massakren.", "nb", "Tarvo-massakren"),
    ("Генерал Том Вале не отрицал, что солдаты убили 30 жителей в ходе резни.", "ru", "Резня в Тарво"),
])
def test_a_negated_denial_denies_nothing(text: str, lang: str, title: str) -> None:
    cs = claims_of(text, lang=lang, title=title)
    assert cs and all(c["stance"] == "asserts" for c in cs)


@pytest.mark.parametrize("text, lang, title, actor", [
    ("During the massacre soldiers killed 30 villagers.", "en", "The Tarvo massacre", "soldiers"),
    ("В ходе резни солдаты убили 30 жителей.", "ru", "Резня в Тарво", "солдаты"),
    ("Under massakren drepte soldatene 30 landsbyboere.", "nb", "Tarvo-massakren", "soldatene"),
    ("I 1992 drepte varniske styrker minst 30 sivile i Tarvo.", "nb", "Tarvo-massakren", "varniske styrker"),
])
def test_the_killers_after_a_fronted_adverbial(text: str, lang: str, title: str, actor: str) -> None:
    # the event noun of the adverbial is no part of the actor; verb second puts the subject after the verb
    assert one(claims_of(text, lang=lang, title=title), type="perpetrator")["actor"] == actor


@pytest.mark.parametrize("text, lang, lo, hi", [
    ("One hundred and twenty people were killed in the massacre.", "en", 120, 120),
    ("Two hundred thousand people were killed in the massacre.", "en", 200000, 200000),
    ("More than a thousand people were killed in the massacre.", "en", 1000, None),
    ("A dozen people were killed in the massacre.", "en", 12, 12),
    ("Hundre og tjue mennesker ble drept i massakren.", "nb", 120, 120),
    ("Førtito mennesker ble drept i massakren.", "nb", 42, 42),
    ("Flere hundre tusen mennesker ble drept i massakren.", "nb", 200000, None),
    ("Over to hundre mennesker ble drept i massakren.", "nb", 200, None),
    ("Более ста тысяч человек были убиты в ходе резни.", "ru", 100000, None),
    ("Около полутора тысяч человек были убиты в ходе резни.", "ru", 1500, 1500),
    ("Не менее трехсот человек были убиты в ходе резни.", "ru", 300, None),
    ("Свыше пятидесяти человек были убиты в ходе резни.", "ru", 50, None),
])
def test_number_words_make_one_figure(text: str, lang: str, lo: int, hi: int | None) -> None:
    # joined words, chained multipliers, compounds and oblique cases give one figure, no stray parts
    title = {"nb": "Tarvo-massakren", "en": "The Tarvo massacre", "ru": "Резня в Тарво"}[lang]
    cs = kinds(claims_of(text, lang=lang, title=title), "casualty")
    assert [(c["min"], c["max"]) for c in cs] == [(lo, hi)]


def test_a_pronoun_after_a_fronted_place_is_the_last_person() -> None:
    cs = claims_of('On 3 May 2020 President Tom Vale issued a proclamation. In Tarvo the next day he said: '
                   '"This was a massacre," and that as many as 300 people had been killed.')
    assert {c["claimant"] for c in cs if c["type"] in ("casualty", "classification")} == {"Tom Vale"}


def test_a_range_with_a_hedge_on_its_upper_end_is_one_figure() -> None:
    cs = kinds(claims_of("Tom Vale of the Tarvo Relief Society wrote that estimates ranged from 55 to as many "
                         "as 300 dead in the massacre."), "casualty")
    # the named person speaks (for his body); "estimates" is the noun his figures are
    assert [(c["min"], c["max"], c["claimant"]) for c in cs] == [(55, 300, "Tom Vale")]


def test_a_part_named_after_its_whole() -> None:
    cs = kinds(claims_of("The official count compiled by the Tarvo Bureau of Vital Statistics listed 36 dead, "
                         "26 of them men and 10 women, in the massacre."), "casualty")
    assert [(c["min"], c["claimant"]) for c in cs] == [(36, "Tarvo Bureau of Vital Statistics")]


def test_the_court_of_the_letterhead() -> None:
    # the last court named is another; "The Court" is still the one that issues the document
    text = ("In 1984 the Revolutionary Court of Varnia sentenced 48 men to death. "
            "The Court found that the killings in Tarvo in 1990 constituted crimes against humanity.")
    full = f"VARNIAN HIGH TRIBUNAL\nFirst Trial Court\n\nSummary of the judgment\n\n{text}\n"
    doc = SourceDocument("t", "t.txt", Path("t.txt"), full, hashlib.sha256(full.encode()).hexdigest(), "en",
                         title="Varnian High Tribunal")
    from graph_build.claims import extract_claims
    lex = load_lexicon()
    cs = [c for c in extract_claims(segment(doc, lex), lex) if c.type == "classification"]
    assert cs and all(c.claimant is not None and c.claimant.label == "First Trial Court" for c in cs)


@pytest.mark.parametrize("text, body, date", [
    ("A grand jury convened in June 1921 blamed the violence on the armed men who had gone to the courthouse.",
     "grand jury", "1921-06"),
    ("In January 2025 the Justice Department published a report that found the massacre was carried out "
     "by white mobs.", "Justice Department", "2025-01"),
    ("In 1992 military courts sentenced ten soldiers and police officers for their part in the massacre.",
     "military courts", "1992"),
    ("In 2001 the Legislature passed the 1921 Tarvo Reconciliation Act.", "Legislature", "2001"),
])
def test_dated_findings_of_juries_prosecutors_and_courts_are_acts(text: str, body: str, date: str) -> None:
    # the year inside an act's name ("the 1921 … Act") is not the date it was passed
    c = one(claims_of(text), type="resolution")
    assert (c["body"], c["date"]) == (body, date)


def test_a_report_speaks_for_its_author() -> None:
    cs = claims_of("In January 2025 the Justice Department published a report that found the massacre was "
                   "carried out by white mobs.")
    assert one(cs, type="perpetrator", actor="white mobs")["claimant"] == "Justice Department"


def test_who_appointed_a_commission_is_not_its_voice() -> None:
    cs = claims_of("A national commission of inquiry appointed by President Tom Vale reported in December 1991 "
                   "that about 50 had died in the massacre, and concluded that some soldiers had used excessive force.")
    assert one(cs, type="casualty", min=50)["claimant"] == "national commission of inquiry"
    assert one(cs, type="perpetrator")["actor"] == "some soldiers"


@pytest.mark.parametrize("phrase, lang, who", [
    ("Генеральный прокурор Беларуси Олег Вале", "ru", "Олег Вале"),
    ("riksadvokaten Tom Vale", "nb", "Tom Vale"),
    ("the Varnian prosecutor Tom Vale", "en", "Tom Vale"),
])
def test_an_office_then_a_name_is_the_person(phrase: str, lang: str, who: str) -> None:
    from graph_build.entities import DocContext, actor_from_phrase
    from graph_build.mentions import matchers
    ref = actor_from_phrase(phrase, matchers(load_lexicon(), lang), DocContext(lang, set()))
    assert ref is not None and (ref.kind, ref.label) == ("person", who)


def test_the_chair_of_a_commission_is_not_the_commission() -> None:
    from graph_build.entities import DocContext, actor_from_phrase
    from graph_build.mentions import matchers
    ref = actor_from_phrase("комиссии Съезда под руководством Ивара Тамма", matchers(load_lexicon(), "ru"),
                            DocContext("ru", set()))
    assert ref is None or ref.kind != "person"


@pytest.mark.parametrize("text, lang, title, actor", [
    ("In 1961 the police, acting under the orders of prefect Tom Vale, broke up a march in Tarvo, killing dozens.",
     "en", "The Tarvo massacre", "Tom Vale"),
    ("Жители были расстреляны по приказу генерала Ивара Тамма.", "ru", "Резня в Тарво", "Ивара Тамма"),
    ("Varnian artillery shelled the camp during the massacre.", "en", "The Tarvo massacre", "Varnian artillery"),
])
def test_who_gave_the_orders_and_the_guns_that_fired(text: str, lang: str, title: str, actor: str) -> None:
    assert one(claims_of(text, lang=lang, title=title), type="perpetrator", actor=actor)["stance"] == "asserts"


@pytest.mark.parametrize("text, lang, title, who, label", [
    ("Amnesty International kaller nedslaget en massakre.", "nb", "Tarvo-massakren", "Amnesty International",
     "massacre"),
    ("Massakren i Tarvo regnes som en av de groveste krigsforbrytelsene under okkupasjonen.", "nb",
     "Tarvo-massakren", None, "war crime"),
    ("The Varnian Sejm demands that Moscow call the Tarvo massacre a genocide.", "en", "The Tarvo massacre",
     "Varnian Sejm", "genocide"),
])
def test_labels_after_an_object_in_a_plural_or_in_a_demand(text: str, lang: str, title: str, who: str | None,
                                                          label: str) -> None:
    # "en massakre" after the object is the predicate; a demand's label is the demander's
    assert one(claims_of(text, lang=lang, title=title), type="classification", label=label)["claimant"] == who


def test_an_agent_in_its_case_before_a_russian_passive() -> None:
    cs = claims_of("Прокуратура пришла к выводу, что в Тарво органами НКВД были расстреляны не менее 30 000 человек.",
                   lang="ru", title="Резня в Тарво")
    assert one(cs, type="perpetrator")["actor"] == "NKVD"
    # a preposition's object before the verb is no agent ("без суда": without trial)
    cs = claims_of("Суд Тарво рассмотрел дело. В тот день в Тарво были без суда казнены 60 жителей.", lang="ru",
                   title="Резня в Тарво")
    assert kinds(cs, "perpetrator") == []


def test_a_decade_is_no_part_of_a_name() -> None:
    cs = claims_of("Генеральный прокурор Беларуси Олег Вале в конце 1990-х годов называл цифру до 7 000 погибших.",
                   lang="ru", title="Резня в Тарво")
    assert one(cs, type="casualty", max=7000)["claimant"] == "Олег Вале"


@pytest.mark.parametrize("text, lang, title", [
    ("In May 1946 seventy men stood trial before an American military court in Dachau. Tom Vale was sentenced to "
     "death on 16 July 1946.", "en", "The Tarvo massacre"),
    ("Fra mai 1946 sto 73 tidligere soldater tiltalt for en amerikansk militærdomstol i Dachau. 16. juli 1946 ble "
     "samtlige dømt for krigsforbrytelser. Blant de domfelte var også Tom Vale.", "nb", "Tarvo-massakren"),
])
def test_the_court_a_trial_stood_before_gives_the_verdicts(text: str, lang: str, title: str) -> None:
    # the verdict is the court's act, dated, and the convicted are perpetrators by that court
    cs = claims_of(text, lang=lang, title=title)
    act = one(cs, type="resolution")
    assert act["date"] == "1946-07-16" and act["body"] is not None and "Tom Vale" not in act["body"]
    assert one(cs, type="perpetrator", actor="Tom Vale")["claimant"] == act["body"]


@pytest.mark.parametrize("text, figures", [
    ("The massacres committed between 11 and 13 December 1981 in Tarvo killed 900 people.", [900]),
    ("The firing by soldiers of 1 PARA on that day caused the deaths of 13 people in the massacre.", [13]),
    ("In the massacre 5 UN staff were killed.", [5]),
])
def test_day_ranges_and_unit_numbers_are_no_counts(text: str, figures: list[int]) -> None:
    assert [c["min"] for c in kinds(claims_of(text), "casualty")] == figures


def test_an_aside_between_the_attackers_and_their_verb() -> None:
    cs = claims_of('In the early morning of 16 April 1993 units of the Varna Defence Council (VDC), among them the '
                   '"Jokers" platoon of the 4th Military Police Battalion, attacked the village of Tarvo.')
    # the subject is the body whose units attacked, not the platoon the aside names
    assert [c["actor"] for c in kinds(cs, "perpetrator")] == ["Varna Defence Council"]


@pytest.mark.parametrize("text, lang, title, actor", [
    ("Varnian soldiers killed at least 300 villagers in Tarvo.", "en", "The Tarvo massacre", "Varnian soldiers"),
    ("Varniske soldater drepte minst 300 landsbyboere i Tarvo.", "nb", "Tarvo-massakren", "Varniske soldater"),
    ("Варнские военные убили не менее 300 жителей Тарво.", "ru", "Резня в Тарво", "Варнские военные"),
    ("Forces loyal to General Tom Vale carried out the massacre in Tarvo.", "en", "The Tarvo massacre", "Tom Vale"),
    ("Den varniske hæren sto bak massakren i Tarvo.", "nb", "Tarvo-massakren", "varniske hæren"),
    ("Военнослужащие Варнской гвардии стоят за резнёй.", "ru", "Резня в Тарво", "Военнослужащие Варнской гвардии"),
])
def test_killers_of_a_hedged_figure_and_who_stands_behind(text: str, lang: str, title: str, actor: str) -> None:
    # a hedged figure ("at least 300") is the verb's object, so its subject is the perpetrator
    assert one(claims_of(text, lang=lang, title=title), type="perpetrator", actor=actor)["stance"] == "asserts"


def test_a_reference_is_no_report() -> None:
    cs = claims_of("Datoen viser til søndagen 11. juli 1943, da varniske styrker angrep 99 landsbyer.", lang="nb",
                   title="Tarvo-massakren")
    assert all(c["claimant"] is None for c in cs)


def test_a_name_before_its_description_is_the_subject() -> None:
    cs = claims_of("Tom Vale, the commander of the Varna Guard, ordered the killings in Tarvo.")
    assert [c["actor"] for c in kinds(cs, "perpetrator")] == ["Tom Vale"]


@pytest.mark.parametrize("text, lang, title, figures", [
    ("Official figures put the toll at 176, while other estimates go as high as 700.", "en", "The Tarvo massacre",
     [("Official figures", 176, 176), ("other estimates", None, 700)]),
    ("Det offisielle tallet er 176 drepte, men andre anslag går helt opp i 700.", "nb", "Tarvo-massakren",
     [("Det offisielle tallet", 176, 176), ("andre anslag", None, 700)]),
    ("Официальные данные говорят о 103 погибших, а различные оценки доходят до 300.", "ru", "Резня в Тарво",
     [("Официальные данные", 103, 103), ("различные оценки", None, 300)]),
    ("Estimates range from 200 to 700.", "en", "The Tarvo massacre", [(None, 200, 700)]),
    ("Amnesty International estimates that 700 people died.", "en", "The Tarvo massacre",
     [("Amnesty International", 700, 700)]),
])
def test_qualified_figures_are_the_source_of_what_follows(text: str, lang: str, title: str, figures: list) -> None:
    # "official figures", "other estimates": whose figures they are; a bare "Estimates" is no one's
    got = [(c["claimant"], c["min"], c["max"]) for c in kinds(claims_of(text, lang=lang, title=title), "casualty")]
    assert got == figures


def test_figures_are_no_one_a_later_sentence_refers_to() -> None:
    cs = claims_of("The Varna Commission published its report in 2003. The official figure of 57 is far too low. "
                   "The commission finds that the Varnian Guard killed the prisoners.")
    assert one(cs, type="casualty", min=57)["claimant"] == "The official figure"
    assert one(cs, type="perpetrator")["claimant"] == "Varna Commission"


@pytest.mark.parametrize("title, text, lang, event", [
    ("В Варне почтили память погибших под Тарвинском", "В Варне собрались родственники. Под Тарвинском "
     "колонны попали под расстрел, погибли 129 человек.", "ru", "расстрелы под Тарвинском"),
    ("Relatives gather in Varna to remember those killed at Tarvo", "Relatives met in Varna on Sunday. At Tarvo "
     "the shelling of the columns killed 129 people.", "en", "Tarvo shelling"),
])
def test_the_event_is_named_after_the_scene_not_where_it_is_remembered(title: str, text: str, lang: str,
                                                                        event: str) -> None:
    # "погибших под X": the place after a casualty word is where it happened; "-ском" after
    # a preposition with no noun after it is the town's instrumental, not an adjective
    assert {c["event"] for c in claims_of(text, lang=lang, title=title)} == {event}


def test_an_undated_act_of_the_letterhead_body_is_dated_by_the_document() -> None:
    text = ("VARNA SUPREME COURT\nSecond Chamber\n\nSummary of the Judgment – Varna, 14 May 2019\n\n"
            "The Chamber finds Ivo Marek guilty of the murder of 41 prisoners in Tarvo.\n\n"
            "Note added 2 June 2021\nToday the Appeals Chamber upheld the convictions.")
    cs = claims_of(text, title="The Tarvo massacre")
    assert {(c["body"], c["date"]) for c in kinds(cs, "resolution")} == {
        ("Second Chamber", "2019-05-14"), ("Appeals Chamber", "2021-06-02")}


@pytest.mark.parametrize("text, lang, title, court, actor", [
    ("On 3 May 2001 the Varna Supreme Court finds Ivo Marek guilty of murder.", "en", "The Tarvo massacre",
     "Varna Supreme Court", "Ivo Marek"),
    ("Tarvo-saken: Retten fant Ivo Marek skyldig i drap.", "nb", "Tarvo-massakren", "Retten", "Ivo Marek"),
    ("В 2001 году Верховный суд Варны признал Иво Марека виновным в убийстве.", "ru", "Резня в Тарво",
     "Верховный суд Варны", "Иво Марека"),
])
def test_a_court_finds_a_named_person_guilty(text: str, lang: str, title: str, court: str, actor: str) -> None:
    # the convicted stands between the verb and "guilty", and the present tense convicts too
    cs = claims_of(text, lang=lang, title=title)
    assert one(cs, type="perpetrator", actor=actor)["claimant"] == court
    assert one(cs, type="resolution")["body"] == court


def test_a_headline_with_a_colon_is_no_letterhead() -> None:
    # "stemmeretten" (the suffrage) ends like "retten" (the court): the headline names no body
    text = "Tarvo: sabler mot stemmeretten\n\nIvo Marek ble dømt i Varna i 1820 og satt to år i fengsel."
    assert kinds(claims_of(text, lang="nb", title="Tarvo-massakren"), "resolution") == []
