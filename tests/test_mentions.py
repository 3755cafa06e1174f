"""Figures and their bounds, from sentences written for the test (not from the seeds)."""
from __future__ import annotations

import pytest

from graph_build.lexicon import load_lexicon
from graph_build.mentions import find_figures, matchers


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "Rebels killed at least 40 villagers.", (40, None)),
        ("en", "Up to 3,500 people fled the town.", (None, 3500)),
        ("en", "Between 300 and 400 prisoners were shot.", (300, 400)),
        ("en", "Officials said 150 to 200 died.", (150, 200)),
        ("en", "As many as 1.5 million were deported.", (None, 1500000)),
        ("en", "An estimated 8 000 men were killed.", (8000, 8000)),
        ("en", "Thirty-two people were wounded.", (32, 32)),
        ("en", "Dozens of civilians were injured.", (24, None)),
        ("en", "The count rose to 120+ deaths.", (120, None)),
        ("nb", "Opptil 2 000 mennesker ble drept.", (None, 2000)),
        ("nb", "Minst 56 sivile døde i angrepet.", (56, None)),
        ("nb", "Fra 300 til 400 fanger ble skutt.", (300, 400)),
        ("ru", "Не менее 200 человек погибли.", (200, None)),
        ("ru", "От 300 до 400 пленных были расстреляны.", (300, 400)),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 4 else None,
)
def test_figure_bounds(lang: str, text: str, expected: tuple[int | None, int | None]) -> None:
    mt = matchers(load_lexicon(), lang)
    figs = find_figures(text, mt, [])
    assert (figs[0].min, figs[0].max) == expected


def test_ordinals_money_and_durations_are_not_counts() -> None:
    mt = matchers(load_lexicon(), "en")
    text = "On its 30th anniversary the 366th regiment paid $230,000 and served eight years."
    assert find_figures(text, mt, []) == []
