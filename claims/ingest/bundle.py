"""Whether a database holds the current bundled corpus (cheap: no extraction imports).

Every command checks this before it runs, so it lives apart from the build
pipeline (``claims.ingest.corpus``) and imports no ORM until it is handed an engine: a
search that reads through ``claims.db.reading`` checks it with the standard library.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from claims.db.reading import SessionReader, SQLiteReader, as_reader, meta_value
from claims.resources import data_dir, seeds_dir

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

FINGERPRINT_KEY = "bundled_fingerprint"


def bundle_fingerprint() -> str:
    """A hash of the bundled data, seeds and code version: it changes when any of them does."""
    from claims import __version__

    digest = hashlib.sha256()
    digest.update(__version__.encode())
    for folder in (data_dir(), seeds_dir()):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_is_current(database: Engine | SessionReader | SQLiteReader) -> bool:
    """Whether this database (an engine, or a reader on it) holds this version's corpus."""
    if isinstance(database, SessionReader | SQLiteReader):
        return meta_value(database, FINGERPRINT_KEY) == bundle_fingerprint()
    from claims.db import session_scope

    with session_scope(database) as session:
        return meta_value(as_reader(session), FINGERPRINT_KEY) == bundle_fingerprint()


def set_meta(session: Session, key: str, value: str) -> None:
    from claims.models import Meta

    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value
