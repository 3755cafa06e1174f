"""One rule per test, each on a sentence written for it (none of them is in the seeds)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graph_build.claims import extract_claims
from graph_build.lexicon import load_lexicon
from graph_build.model import SourceDocument
from graph_build.segment import segment


def claims_of(text: str, lang: str = "en", title: str = "The Tarvo massacre") -> list[dict]:
    full = f"{title}\n\n{text}\n"
    doc = SourceDocument("t", "t.txt", Path("t.txt"), full, hashlib.sha256(full.encode()).hexdigest(), lang,
                         title=title)
    out = []
    for c in extract_claims(segment(doc, load_lexicon()), load_lexicon()):
        name = lambda r: (r.pref_label or r.label) if r else None
        out.append({"type": c.type, "event": name(c.event), "claimant": name(c.claimant), "stance": c.stance,
                    "min": c.min, "max": c.max, "measure": c.measure, "actor": name(c.actor), "label": c.label,
                    "body": name(c.body), "date": c.date, "title": c.title,
                    "quote": full[c.evidence.start:c.evidence.end], "citations": c.citations})
    return out


def one(claims: list[dict], **want: object) -> dict:
    hits = [c for c in claims if all(c.get(k) == v for k, v in want.items())]
    assert hits, f"no claim with {want} in {claims}"
    return hits[0]


def test_according_to_names_the_claimant() -> None:
    cs = claims_of("According to Amnesty International, at least 85 civilians were killed in the massacre.[4]")
    c = one(cs, type="casualty", min=85, max=None, measure="killed")
    assert (c["claimant"], c["citations"]) == ("Amnesty International", (4,))


def test_reporting_verb_subject_is_the_claimant() -> None:
    cs = claims_of("The Tarvo massacre took place in 1994. The Interior Ministry of Varnia said 212 people died.")
    assert one(cs, type="casualty", min=212)["claimant"] == "Interior Ministry of Varnia"


def test_quote_before_said_belongs_to_the_speaker() -> None:
    cs = claims_of('"The massacre must be recognised as genocide", the Varnian Foreign Ministry said.')
    assert one(cs, type="classification", label="genocide")["claimant"] == "Varnian Foreign Ministry"


def test_no_cue_means_the_documents_own_voice() -> None:
    cs = claims_of("In the massacre, 57 villagers were killed by government troops.")
    assert one(cs, type="casualty", min=57)["claimant"] is None


def test_denial_cue_gives_stance_denies() -> None:
    cs = claims_of("The Varnian government denies that the massacre was a genocide.")
    c = one(cs, type="classification", label="genocide")
    assert (c["stance"], c["claimant"]) == ("denies", "Varnian government")


def test_calling_an_event_a_lie_is_fabrication_asserted() -> None:
    cs = claims_of("Defence minister Oleg Brant called the massacre a staged provocation.")
    c = one(cs, type="classification", label="fabrication")
    assert (c["claimant"], c["stance"]) == ("Oleg Brant", "asserts")


def test_committed_by_names_each_alleged_perpetrator() -> None:
    cs = claims_of("Human Rights Watch said the massacre was committed by the Blue Brigade and police units.")
    actors = {c["actor"] for c in cs if c["type"] == "perpetrator"}
    assert {"Blue Brigade", "police units"} <= actors


def test_passive_victims_are_not_perpetrators() -> None:
    cs = claims_of("In the massacre, 40 Varnians were killed.")
    assert not [c for c in cs if c["type"] == "perpetrator"]


def test_resolution_has_body_date_and_title() -> None:
    cs = claims_of('On 12 May 2003, the Parliament of Varnia adopted a resolution "On the Tarvo massacre".')
    c = one(cs, type="resolution")
    assert (c["body"], c["date"], c["title"]) == ("Parliament of Varnia", "2003-05-12", "On the Tarvo massacre")


def test_norwegian_denial_and_label() -> None:
    cs = claims_of("Regjeringen i Varnia benekter at massakren var et folkemord.", lang="nb",
                   title="Tarvo-massakren")
    assert one(cs, type="classification", label="genocide")["stance"] == "denies"


def test_russian_attribution_and_bounds() -> None:
    cs = claims_of("По данным ООН, не менее 300 мирных жителей погибли во время резни.", lang="ru",
                   title="Резня в Тарво")
    c = one(cs, type="casualty", min=300, max=None)
    assert c["claimant"] == "United Nations"


def test_reader_comment_yields_no_claims() -> None:
    text = ("The Tarvo massacre killed 12 people, officials said.\n\nRelated posts\n\n"
            "  1. Mark said:\n\n    The army killed 4,000 people and it was a genocide.\n")
    cs = claims_of(text)
    assert not [c for c in cs if "4,000" in c["quote"] or "genocide" in c["quote"]]


@pytest.mark.parametrize("sentence", [
    "The village has 2,135 inhabitants.",
    "The 30th anniversary was marked in 2022.",
    "Some 6,300 people lived in the town in 1991.",
])
def test_figures_without_casualty_words_are_not_claims(sentence: str) -> None:
    assert not [c for c in claims_of(sentence) if c["type"] == "casualty"]
