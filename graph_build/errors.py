"""Errors ckg raises on purpose. Each says what was expected, what was found, where, and the fix.

The CLI turns any `CkgError` into one line on stderr and exit code 1.
"""
from __future__ import annotations


class CkgError(Exception):
    """Base of every error ckg reports to a user."""

    def __init__(self, message: str, *, where: str | None = None, fix: str | None = None):
        self.where = where
        self.fix = fix
        text = f"{where}: {message}" if where else message
        if fix:
            text = f"{text} ({fix})"
        super().__init__(text)


class InputError(CkgError):
    """A document or folder given to build cannot be read as text."""


class ManifestError(CkgError):
    """The corpus manifest is malformed."""


class LexiconError(CkgError):
    """The ontology's lexicon is missing or malformed."""


class StoreError(CkgError):
    """The store directory is missing, locked or not a ckg store."""


class QueryError(CkgError):
    """A SPARQL query is malformed, unknown, or its parameters are wrong."""


class ValidationError(CkgError):
    """The graph could not be validated (not: it has violations)."""


class EndpointError(CkgError):
    """A remote SPARQL endpoint refused or could not be reached."""


class FigureError(CkgError):
    """A figure or graph export cannot be made (nothing to draw, or an unknown format)."""
