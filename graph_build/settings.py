"""Build settings in one frozen dataclass, passed explicitly."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """What a build needs besides its input.

    `quote_context` is how many characters of prefix/suffix a TextQuoteSelector keeps.
    """

    store: Path = Path("ckg-store")
    quote_context: int = 32
    default_language: str = "en"
