"""Where the database is, and how long SQLite waits for a lock, without importing SQLAlchemy.

``claims.db.engine`` (engines, migrations) and ``claims.db.reading`` (the light read path)
both start here, so a search in a new process can find its database without
paying for the ORM.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "CLAIMS_DB"
BUSY_TIMEOUT_ENV = "CLAIMS_BUSY_TIMEOUT_MS"
SQLITE_BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another


def default_path() -> Path:
    """The per-user database file (platformdirs), e.g. ~/.local/share/claims/claims.db."""
    from platformdirs import user_data_path

    return user_data_path("claims", appauthor=False) / "claims.db"


def database_url(value: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db``/``CLAIMS_DB``: a URL is kept, a path becomes sqlite.

    >>> database_url("postgresql+psycopg://u@h/db")
    'postgresql+psycopg://u@h/db'
    >>> database_url("/tmp/x.db")
    'sqlite:////tmp/x.db'
    """
    if value is None:
        value = os.environ.get(ENV_VAR) or default_path()
    text = str(value)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL; None for an in-memory or non-SQLite database.

    >>> sqlite_file("sqlite:////tmp/x.db"), sqlite_file("sqlite:///:memory:")
    (PosixPath('/tmp/x.db'), None)
    """
    if not url.startswith("sqlite:///") or url == "sqlite:///:memory:":
        return None
    return Path(url.removeprefix("sqlite:///"))


def busy_timeout_ms() -> int:
    """How long a SQLite connection waits for a lock (``CLAIMS_BUSY_TIMEOUT_MS``)."""
    return int(os.environ.get(BUSY_TIMEOUT_ENV, SQLITE_BUSY_TIMEOUT_MS))
