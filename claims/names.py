"""The one check that a topic, source or deck a person named exists.

Every command that takes a topic key, a source slug or a deck (either one) calls these,
so an unknown name fails the same way everywhere: :class:`claims.errors.NotFound` (exit
1), the message ``unknown topic 'x'`` and a hint that offers the closest names
(:mod:`claims.suggest`) and then lists every topic or source there is. They read through
a ``claims.db.reading`` reader, so ``claims search`` checks its filters without the ORM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.db import search_sql
from claims.db.reading import Reader, as_reader
from claims.errors import NotFound
from claims.suggest import did_you_mean

if TYPE_CHECKING:
    from sqlmodel import Session

    Database = Session | Reader


def require_topic(database: Database, key: str | None) -> None:
    """NotFound unless ``key`` (when given) is a topic key in the database."""
    if not key:
        return
    reader = as_reader(database)
    if not search_sql.topic_exists(reader, key):
        raise unknown("topic", key, topics=search_sql.topic_keys(reader))


def require_source(database: Database, slug: str | None) -> None:
    """NotFound unless ``slug`` (when given) is a source slug in the database."""
    if not slug:
        return
    reader = as_reader(database)
    if not search_sql.source_exists(reader, slug):
        raise unknown("source", slug, sources=search_sql.source_slugs(reader))


def unknown_source(database: Database, slug: str) -> NotFound:
    """The error for a source slug that is not in the database."""
    return unknown("source", slug, sources=search_sql.source_slugs(as_reader(database)))


def unknown(
    what: str, name: str, *, topics: list[str] | None = None, sources: list[str] | None = None
) -> NotFound:
    """The error for an unknown ``what`` (topic, source, deck) named ``name``: the closest
    names first, then every topic and every source there is.

    >>> error = unknown("topic", "okinwa", topics=["okinawa", "trade"])
    >>> error.message, error.hint
    ("unknown topic 'okinwa'", 'did you mean okinawa? topics are: okinawa, trade')
    >>> unknown("deck", "x", topics=["trade"], sources=["cronin-1996"]).hint
    'topics are: trade; sources are: cronin-1996'
    """
    listings = []
    if topics is not None:
        listings.append(f"topics are: {', '.join(topics) or 'none yet'}")
    if sources is not None:
        listings.append(f"sources are: {', '.join(sources) or 'none yet'}")
    near = did_you_mean(name, (topics or []) + (sources or []))
    hint = "; ".join(listings)
    return NotFound(f"unknown {what} {name!r}", hint=f"{near} {hint}" if near else hint)
