"""The records that flow through the pipeline, stage by stage.

document -> segments (sections, sentences, references) -> mentions -> claims.
Offsets are Python `str` indices into `SourceDocument.text` (the file as read, UTF-8).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class SourceDocument:
    """One input file, decoded, with what we know about where it comes from."""

    doc_id: str  # file stem: stable across machines
    file_name: str
    path: Path
    text: str
    content_hash: str  # sha256 of the raw bytes
    language: str  # "en", "nb", "ru", ...
    title: str | None = None
    publisher: str | None = None
    site: str | None = None
    date: str | None = None  # ISO, as precise as known
    genre: str | None = None  # lexicon notation: "encyclopedia", "news", "official statement", ...
    metadata_source: str = "inferred"  # "manifest" or "inferred"
    notes: tuple[str, ...] = ()  # what was inferred and how, for the build log


# section kinds (lexicon notations of ckg:SectionKind concepts)
TITLE = "title"
BODY = "body"
HEADING = "heading"
INFOBOX = "infobox"
CAPTION = "caption"
STATEMENT = "statement"  # text the document reproduces in another's voice ("Below is the statement.")
BOILERPLATE = "boilerplate"
COMMENT = "comment"
REFERENCES = "references"
QUOTE = "quote"  # a paragraph introduced by one ending in ":" (someone else's words)
LIST_BULLET = "[-–•*]"  # the marks that open a list item on its own line ("- Name: guilty")
CLAIM_BEARING = frozenset({TITLE, BODY, INFOBOX, STATEMENT, QUOTE})


@dataclass(frozen=True)
class Section:
    """A run of the document of one kind."""

    index: int
    kind: str
    start: int
    end: int
    author: str | None = None  # commenter as written, for comment sections


@dataclass(frozen=True)
class Citation:
    """A footnote marker in running text: `[3]` at text[start:end]."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """A sentence (or an infobox line) of a claim-bearing section."""

    index: int
    start: int
    end: int
    section: int  # Section.index
    citations: tuple[Citation, ...] = ()
    infobox_field: str | None = None  # lexicon notation of the infobox field ("deaths", ...)
    value_start: int | None = None  # infobox: where the field's value starts

    @property
    def citation_numbers(self) -> tuple[int, ...]:
        seen: list[int] = []
        for c in self.citations:
            if c.number not in seen:
                seen.append(c.number)
        return tuple(seen)


@dataclass(frozen=True)
class Reference:
    """One entry of a numbered reference list, parsed as far as the entry allows."""

    number: int
    start: int
    end: int
    raw: str
    authors: tuple[str, ...] = ()
    title: str | None = None
    publisher: str | None = None  # publisher, or the containing work / site
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    isbn: tuple[str, ...] = ()
    archive_date: str | None = None
    access_date: str | None = None
    language: str | None = None
    pages: str | None = None
    quotation: str | None = None


@dataclass(frozen=True)
class Segmented:
    """A document cut into what the extractor reads."""

    document: SourceDocument
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    references: tuple[Reference, ...]

    def masked_text(self) -> str:
        """The text with footnote markers blanked to spaces: offsets unchanged."""
        chars = list(self.document.text)
        for s in self.sentences:
            for c in s.citations:
                for i in range(c.start, c.end):
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True)
class EntityRef:
    """An entity as the extractor found it, before and after resolution."""

    kind: str  # "event", "person", "organisation", "state", "armed-group", "population-group", "place"
    label: str  # as written (cleaned)
    key: str  # resolution key: gazetteer id or normalised slug
    language: str = "en"
    pref_label: str | None = None  # gazetteer's preferred label when known
    extra: tuple[tuple[str, str], ...] = ()  # (property, value): event type, place, dates, ...


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Claim:
    """One source asserting or denying one thing about one event."""

    doc_id: str
    type: str  # casualty | perpetrator | classification | resolution
    event: EntityRef
    evidence: Span
    citations: tuple[int, ...]
    section: int
    claimant: EntityRef | None  # None = the document's own voice
    claimant_text: str | None = None
    stance: str = "asserts"  # or "denies"
    certainty: str | None = None  # lexicon concept id of a hedge ("allegedly")
    # casualty
    measure: str | None = None  # notation: killed, injured, ...
    min: int | None = None
    max: int | None = None
    victims: str | None = None
    victim_group: EntityRef | None = None
    vague: str | None = None  # lexicon concept id of a vague numeral
    breakdown: tuple[tuple[int, str], ...] = ()
    # perpetrator
    actor: EntityRef | None = None
    # classification
    label: str | None = None  # notation: genocide, massacre, ...
    # resolution
    body: EntityRef | None = None
    act_type: str | None = None  # notation: resolution, decree, judgment, ...
    date: str | None = None
    title: str | None = None
    rule: str = ""  # which rule found it (for eval output and debugging)
    extra_events: tuple[EntityRef, ...] = field(default=())
