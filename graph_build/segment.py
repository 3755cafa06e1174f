"""The first stages of the pipeline in one call: a document cut into what the extractor reads.

>>> from graph_build.ingest import read_document
>>> from pathlib import Path
>>> doc = read_document(Path(__file__).parent.parent / "corpus" / "002_b826abae50612879.txt")
>>> seg = segment(doc)
>>> seg.document.date, seg.sections[0].kind, len(seg.references)
('2022-01-20', 'title', 0)
"""
from __future__ import annotations

from .lexicon import Lexicon, load_lexicon
from .model import Segmented, SourceDocument
from .references import parse_references
from .sections import find_sections
from .sentences import split_sentences


def segment(doc: SourceDocument, lexicon: Lexicon | None = None) -> Segmented:
    """Sections (covering the whole text), sentences of the claim-bearing sections
    (title, body, infobox, statement, quote) and the parsed reference list of `doc`."""
    lex = lexicon or load_lexicon()
    sections = find_sections(doc, lex)
    return Segmented(
        document=doc,
        sections=sections,
        sentences=split_sentences(doc, sections, lex),
        references=parse_references(doc, sections, lex),
    )
