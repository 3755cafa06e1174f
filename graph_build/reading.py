"""What the extractor remembers while it reads a document, sentence by sentence: the last
speaker, person, formal act and body, the events of the last sentences, the speakers of
this sentence. The voice finder and the claim rules read and update it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .entities import DocContext
from .lexicon import Lexicon
from .mentions import Matchers
from .model import EntityRef, Segmented


@dataclass
class ReadingState:
    lex: Lexicon
    mt: Matchers
    seg: Segmented
    text: str  # masked text (footnote markers blanked)
    ctx: DocContext
    dates: list
    last_claimant: EntityRef | None = None
    last_claimant_text: str | None = None
    last_person: EntityRef | None = None
    last_year: str | None = None
    last_act: tuple[str, int] | None = None  # (body key, paragraph start) of the last formal act
    last_body: EntityRef | None = None
    prev_events: tuple[EntityRef, ...] = ()
    prev_end: int = 0
    sentence_claimant: tuple[EntityRef, str | None] | None = None  # the last speaker of this sentence
    claimant_history: list[tuple[EntityRef, str | None]] = field(default_factory=list)
