"""Rules added so extraction generalises to unseen events (issue 5).

Each test is written from an invented sentence about invented places and people (none is
in the seeds or the development set), in the language the rule is about.
"""
from __future__ import annotations

from tests.test_claims import claims_of, one


def kinds(cs: list[dict], type_: str) -> list[dict]:
    return [c for c in cs if c["type"] == type_]


def test_a_war_named_as_the_setting_does_not_take_the_claims() -> None:
    cs = claims_of("Part of the Varnian War\nDeaths 31[1]\n\nThe Tarvo massacre killed 31 villagers "
                   "during the Varnian War.")
    assert {c["event"] for c in kinds(cs, "casualty")} == {"Tarvo massacre"}


def test_it_refers_to_the_last_sentences_subject() -> None:
    cs = claims_of("The Helsinki Monitoring Group sent two researchers to Tarvo. "
                   "It concluded that the Blue Brigade had killed the villagers.")
    assert one(cs, type="perpetrator")["claimant"] == "Helsinki Monitoring Group"


def test_a_speaker_in_apposition_is_the_claimant() -> None:
    cs = claims_of("The head of the mission, the Danish diplomat Karen Holm, told reporters that "
                   "what she had seen was a massacre.")
    assert one(cs, type="classification", label="massacre")["claimant"] == "Karen Holm"


def test_a_relative_clause_does_not_hide_the_speaker() -> None:
    cs = claims_of("Amnesty International, which interviewed some 40 survivors, estimated that "
                   "dozens of civilians were killed.")
    assert one(cs, type="casualty")["claimant"] == "Amnesty International"


def test_led_by_names_a_perpetrator_only_after_an_act() -> None:
    team = claims_of("A forensic team led by Anna Berg examined the bodies.")
    attack = claims_of("The attack on the village was led by Colonel Ivo Marek.")
    assert (kinds(team, "perpetrator"), one(attack, type="perpetrator")["actor"]) == ([], "Ivo Marek")


def test_blamed_makes_the_object_the_alleged_perpetrator() -> None:
    cs = claims_of("The Varnian government blamed the Red Legion for the massacre.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("Red Legion", "Varnian government")


def test_a_bare_role_stands_for_the_last_body_of_that_role() -> None:
    cs = claims_of("On 2 May 2011 the Varnian High Tribunal convicted Colonel Ivo Marek. "
                   "On 9 June 2011 the tribunal recognised the massacre as an act of genocide.")
    assert one(cs, type="classification", label="genocide")["claimant"] == "Varnian High Tribunal"


def test_a_court_that_recognises_gives_a_dated_judgment() -> None:
    cs = claims_of("On 9 June 2011 the Varnian High Tribunal recognised the massacre as genocide.")
    c = one(cs, type="resolution")
    assert (c["body"], c["date"]) == ("Varnian High Tribunal", "2011-06-09")


def test_a_conviction_names_the_convicted_as_perpetrator_by_the_court() -> None:
    cs = claims_of("In 2010 the Varnian High Tribunal sentenced Ali Hassan al-Tarvi to death for ordering the attack.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("Ali Hassan al-Tarvi", "Varnian High Tribunal")


def test_an_impersonal_passive_is_the_documents_voice() -> None:
    cs = claims_of("It is estimated that between 800 and 1,200 people were killed.")
    c = one(cs, type="casualty", min=800, max=1200)
    assert c["claimant"] is None


def test_we_label_is_the_authors_own_classification() -> None:
    cs = claims_of("We regard the killings in Tarvo as a crime against humanity.")
    c = one(cs, type="classification", label="crime against humanity")
    assert (c["claimant"], c["event"]) == (None, "Tarvo massacre")


def test_denying_responsibility_denies_being_the_perpetrator() -> None:
    cs = claims_of("General Ivo Marek has denied any responsibility for the massacre.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"], c["stance"]) == ("Ivo Marek", "Ivo Marek", "denies")
    assert kinds(cs, "classification") == []


def test_passive_agents_after_an_adverbial_and_each_by() -> None:
    cs = claims_of("In 1983 the town was besieged for some 20 days by the Varnian army and by the Night Companies.")
    assert {c["actor"] for c in kinds(cs, "perpetrator")} == {"Varnian army", "Night Companies"}


def test_not_by_x_but_by_y_denies_x_and_asserts_y() -> None:
    cs = claims_of("Marek said that the massacre had been committed not by Varnian soldiers but by Red Legion militants.")
    stances = {c["actor"]: c["stance"] for c in kinds(cs, "perpetrator")}
    assert stances == {"Varnian soldiers": "denies", "Red Legion militants": "asserts"}


def test_a_negated_statement_names_no_passive_agent() -> None:
    cs = claims_of("There was no report that any villager had been killed or wounded by Varnian soldiers.")
    assert kinds(cs, "perpetrator") == []


def test_put_the_toll_at_gives_the_figure() -> None:
    cs = claims_of("Amnesty International put the toll at between 300 and 450.")
    c = one(cs, type="casualty", measure="killed")
    assert (c["min"], c["max"], c["claimant"]) == (300, 450, "Amnesty International")


def test_an_indefinite_appositive_is_not_the_claimant() -> None:
    cs = claims_of("The Varnian Rights Committee, a Paris-based group, has given figures of 500 to 700 dead.")
    assert one(cs, type="casualty", min=500, max=700)["claimant"] == "Varnian Rights Committee"


def test_participle_without_object_is_not_an_agent() -> None:
    cs = claims_of("The ministry said the dead were Red Legion fighters killed in combat.")
    assert kinds(cs, "perpetrator") == []


def test_a_quantified_group_is_no_actor_but_units_of_an_army_are_the_army() -> None:
    vague = claims_of("The prosecutor found several senior Varnian officials guilty of the massacre.")
    units = claims_of("Several units of the Varnian army attacked the village and killed 12 people.")
    assert ([c["actor"] for c in kinds(vague, "perpetrator")], one(units, type="perpetrator")["actor"]) \
        == ([], "Varnian army")


def test_a_document_without_a_named_event_gets_one_from_its_place_and_head() -> None:
    cs = claims_of("Missiles hit the market in Orvik on Sunday. The strike killed 14 people, officials said.",
                   title="Market hit, officials say")
    assert one(cs, type="casualty", min=14)["event"] == "Orvik strike"


def test_a_title_that_is_only_a_name_names_the_event() -> None:
    cs = claims_of("In 1944 soldiers killed 152 villagers here.", title="Dolna Brava")
    assert one(cs, type="casualty", min=152)["event"].startswith("Dolna Brava")


def test_a_menu_line_is_not_the_title() -> None:
    text = "Home | World | History | About | Contact\n\nOrvik\n\nIn 1944 soldiers killed 152 villagers in Orvik.\n"
    cs = claims_of(text.split("\n\n", 1)[1], title=text.split("\n\n", 1)[0])
    assert "Home" not in one(cs, type="casualty", min=152)["event"]


def test_norwegian_compounds_carry_their_role() -> None:
    cs = claims_of("En krigsforbryterdomstol i Orvik hadde allerede i mars 1950 dømt generalløytnant Ivo Marek til døden.",
                   lang="nb", title="Orvik-massakren")
    c = one(cs, type="resolution")
    assert (c["body"], c["date"]) == ("krigsforbryterdomstol i Orvik", "1950-03")


def test_norwegian_definite_head_is_the_event_not_a_label() -> None:
    cs = claims_of("Forfatteren Ola Dahl kalte massakren en løgn.", lang="nb", title="Orvik-massakren")
    assert {c["label"] for c in kinds(cs, "classification")} == {"fabrication"}


def test_russian_denial_of_involvement_names_the_denied_party() -> None:
    cs = claims_of("Представитель Кремля Иван Петров отрицает какую-либо причастность варнийских военных к гибели людей.",
                   lang="ru", title="Резня в Орвике")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["stance"]) == ("варнийских военных", "denies")


def test_russian_accused_after_the_charge() -> None:
    cs = claims_of("Президент Иван Петров обвинил в убийствах варнийскую армию.",
                   lang="ru", title="Резня в Орвике")
    assert one(cs, type="perpetrator")["actor"] == "варнийскую армию"


def test_russian_subject_before_a_time_phrase() -> None:
    cs = claims_of("Министр Иван Петров на следующий день назвал происходящее инсценировкой.",
                   lang="ru", title="Резня в Орвике")
    assert one(cs, type="classification", label="fabrication")["claimant"] == "Иван Петров"


# ---- inflection, coordination, denial scope, names (session 3)

def test_russian_words_match_in_a_case_the_lexicon_does_not_list() -> None:
    cs = claims_of("Наблюдатели назвали события в Тарнове этническими чистками.", "ru", "Тарновская резня")
    assert one(cs, type="classification", label="ethnic cleansing")["claimant"] == "Наблюдатели"


def test_russian_role_in_an_oblique_case_is_the_accused() -> None:
    cs = claims_of("Мэр Олег Сидоров обвинил в убийствах местных ополченцев.", "ru", "Тарновская резня")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("местных ополченцев", "Олег Сидоров")


def test_a_verb_after_and_shares_the_subject_of_the_verb_before() -> None:
    cs = claims_of("The Varnian Helsinki Committee disputes the official count and says that 300 villagers were killed.")
    assert one(cs, type="casualty", min=300)["claimant"] == "Varnian Helsinki Committee"


def test_a_denial_reaches_the_perpetrator_in_its_clause() -> None:
    cs = claims_of("General Ivo Marek denied that his soldiers had fired on the villagers.")
    c = one(cs, type="perpetrator")
    assert (c["claimant"], c["stance"]) == ("Ivo Marek", "denies")


def test_denying_who_organised_it_denies_no_label() -> None:
    cs = claims_of("Азербайджанская сторона отрицает, что погром был организован польскими властями.",
                   "ru", "Тарновский погром")
    assert (one(cs, type="perpetrator")["stance"], kinds(cs, "classification")) == ("denies", [])


def test_a_titled_person_after_a_state_in_the_genitive_is_the_person() -> None:
    cs = claims_of("Премьер-министр Польши Ян Ковальский назвал убийства в Тарнове геноцидом.",
                   "ru", "Тарновская резня")
    assert one(cs, type="classification", label="genocide")["claimant"] == "Ян Ковальский"


def test_events_in_an_inflected_place_are_the_main_event_named_by_its_adjective() -> None:
    cs = claims_of("Журналист Олег Сидоров называет события в Тарнове погромом.", "ru", "Тарновский погром")
    assert one(cs, type="classification", label="pogrom")["event"] == "Тарновский погром"


def test_the_author_of_a_cited_note_is_the_claimant() -> None:
    cs = claims_of("According to a 1961 report by the camp commander Ivan Petrov, 2,000 prisoners were shot.")
    assert one(cs, type="casualty", min=2000)["claimant"] == "Ivan Petrov"


def test_in_russian_the_agent_may_follow_the_verb() -> None:
    cs = claims_of("Комиссия Петрова утверждала, что пленных расстреляли немецкие оккупанты.",
                   "ru", "Тарновская резня")
    assert one(cs, type="perpetrator")["actor"] == "немецкие оккупанты"


def test_refusing_to_classify_as_genocide_denies_genocide() -> None:
    cs = claims_of("The Varnian prosecutor's office refused to classify the killings as genocide.")
    assert one(cs, type="classification", label="genocide")["stance"] == "denies"


def test_the_document_of_the_last_act_speaks_with_its_body() -> None:
    cs = claims_of("On 3 March 2012 the Varnian parliament adopted a declaration on the massacre. "
                   "In the document it is stated that the massacre was genocide.")
    assert one(cs, type="classification", label="genocide")["claimant"] == "Parliament of Varnia" or \
        one(cs, type="classification", label="genocide")["claimant"] == "Varnian parliament"


def test_a_derived_russian_event_is_named_head_first() -> None:
    cs = claims_of("Ракета попала в жилой дом. По данным властей, в Тарнове погибли 14 человек. "
                   "Удар осудили в Варшаве, а в Тарнове объявили траур.", "ru", "Ночь после удара")
    assert one(cs, type="casualty", min=14)["event"] == "удар в Тарнове"


def test_a_settlement_in_the_genitive_names_the_place() -> None:
    cs = claims_of("Сожжение деревни Тарново унесло жизни 120 человек.", "ru", "Память")
    assert "Тарново" in one(cs, type="casualty", min=120)["event"]


def test_a_headline_act_is_not_a_second_resolution() -> None:
    cs = claims_of("On 3 March 2012 the Varnian parliament adopted a resolution on the massacre.",
                   title="Varnian parliament adopted a resolution on the Tarvo massacre")
    assert [c["date"] for c in kinds(cs, "resolution")] == ["2012-03-03"]


def test_blamed_on_makes_what_follows_on_the_alleged_perpetrator() -> None:
    cs = claims_of("For years the Varnian government blamed the massacre on the Red Legion.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("Red Legion", "Varnian government")


def test_was_responsible_makes_the_subject_the_perpetrator() -> None:
    cs = claims_of("In 1990 the Varnian government admitted that the Blue Brigade was responsible.")
    c = one(cs, type="perpetrator")
    assert (c["actor"], c["claimant"]) == ("Blue Brigade", "Varnian government")


def test_an_adverb_between_a_body_and_its_act_does_not_hide_the_body() -> None:
    cs = claims_of("The Varnian parliament on 2 May 2005 unanimously adopted a resolution on the massacre.")
    c = one(cs, type="resolution")
    assert (c["body"], c["date"]) == ("Varnian parliament", "2005-05-02")
