"""The library's exceptions. The CLI turns each into one stderr line and exit 1.

Every error carries a message that names the problem and, where there is one, a
``hint`` that names the fix (after sqlite-utils' ``NoTable`` family).
"""

from __future__ import annotations


class ClaimsError(Exception):
    """Base class: anything the user can fix, reported without a traceback."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def to_dict(self) -> dict[str, str | None]:
        return {"error": self.message, "hint": self.hint}


class NotFound(ClaimsError):
    """An id, slug, topic or metric that is not in the database."""


class InputError(ClaimsError):
    """A file that cannot be ingested: missing, empty, binary, too large, undecodable."""


class DataError(ClaimsError):
    """Hand-curated data (sources, topics, curated claims) that fails validation."""


class DatabaseError(ClaimsError):
    """The database cannot be opened, is locked, or was made by a newer claims."""


class UsageError(ClaimsError):
    """Arguments that make no sense together; exit code 2 like any usage error."""

    exit_code = 2
