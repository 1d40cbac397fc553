"""The library's exceptions. The CLI turns each into one stderr line and exit 1.

Every error carries a message that names the problem and, where there is one, a
``hint`` that names the fix (after sqlite-utils' ``NoTable`` family).

Messages and hints speak the library's language, never a front end's: an argument is
named in backquotes as `name` or `name=value` (`limit=20`, `overrides.slug`), a
function as `module.function()` (`claims.search.search()`). A front end translates
these tokens into what its user types: the CLI (``cli/output.py``) shows `limit=20`
as ``--limit 20`` and `claims.search.search()` as ``claims search WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A library word in a message or hint: `name` or `name=value` (the value may hold
# anything but a backquote). Front ends translate them with reword().
_LIBRARY_WORD = re.compile(r"`(?P<name>[\w.()]+)(?:=(?P<value>[^`]*))?`")


def reword(text: str, swap: Callable[[str, str | None], str | None]) -> str:
    """``text`` with each library word replaced by ``swap(name, value)``; a word for
    which ``swap`` returns None stays as it is.

    >>> reword("pass `limit=20` or `x`", lambda n, v: f"--{n} {v}" if v else None)
    'pass --limit 20 or `x`'
    """

    def replace(match: re.Match[str]) -> str:
        words = swap(match["name"], match["value"])
        return match[0] if words is None else words

    return _LIBRARY_WORD.sub(replace, text)


# What pydantic puts before the message of a validator that raised (ValueError, assert).
_VALIDATOR_PREFIXES = ("Value error, ", "Assertion failed, ")
# pydantic's words for a value of the wrong type (Typer converts options with pydantic)
_PYDANTIC_WORDS = {
    "Input should be a valid integer, unable to parse string as an integer":
        "not a whole number",
    "Input should be a valid integer, got a number with a fractional part":
        "not a whole number",
    "Input should be a valid number, unable to parse string as a number": "not a number",
    "Input should be a finite number": "not a finite number",
    "Input should be a valid boolean, unable to interpret input": "not true or false",
    # bounds ("--workers 0"): the longer phrase first
    "Input should be greater than or equal to": "must be at least",
    "Input should be less than or equal to": "must be at most",
    "Input should be greater than": "must be more than",
    "Input should be less than": "must be less than",
}


def plain_validation_message(message: str) -> str:
    """A pydantic error message in our words: a validator's own message without the
    "Value error, " that pydantic puts before it, and plain words for a wrong type.

    >>> plain_validation_message("Value error, 'monye' is not one of op-ed, report")
    "'monye' is not one of op-ed, report"
    >>> plain_validation_message("Invalid value for '--limit': Input should be a valid "
    ...                          "integer, unable to parse string as an integer")
    "Invalid value for '--limit': not a whole number"
    """
    for pydantic, plain in _PYDANTIC_WORDS.items():
        message = message.replace(pydantic, plain)
    for prefix in _VALIDATOR_PREFIXES:
        message = message.replace(prefix, "")
    return message


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


class Conflict(ClaimsError):
    """A change made from a stale view, e.g. the same answer sent twice: nothing done."""


class UsageError(ClaimsError):
    """Arguments that make no sense together; exit code 2 like any usage error."""

    exit_code = 2


def database_error(driver_message: str) -> DatabaseError:
    """The error to show for a database driver's message (SQLite or PostgreSQL).

    >>> database_error("database is locked").message
    'the database is locked by another process'
    """
    text = driver_message.strip()
    if "locked" in text:
        return DatabaseError(
            "the database is locked by another process",
            hint="wait for the other claims command to finish, then try again",
        )
    if "not a database" in text or "file is encrypted" in text:
        return DatabaseError(
            "the `url` file is not a claims database (not SQLite)",
            hint="point `url` at a new path or an existing claims database",
        )
    first_line = text.splitlines()[0] if text else "unknown error"
    return DatabaseError(
        f"cannot open the database: {first_line}",
        hint="check `url`, and that the server is running",
    )
