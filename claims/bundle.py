"""Whether a database holds the current bundled corpus (cheap: no extraction imports).

Every command checks this before it runs, so it lives apart from the build
pipeline (``claims.corpus``) and imports only the models and the data folders.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sqlmodel import Session

from claims.db import session_scope
from claims.models import Meta
from claims.resources import data_dir, seeds_dir

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

FINGERPRINT_KEY = "bundled_fingerprint"


def bundle_fingerprint() -> str:
    """A hash of the bundled data, seeds and code version: it changes when any of them does."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256()
    try:
        digest.update(version("claims").encode())
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        digest.update(b"dev")
    for folder in (data_dir(), seeds_dir()):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_is_current(engine: Engine) -> bool:
    """Whether this database holds the bundled corpus of this version's data."""
    with session_scope(engine) as session:
        stored = session.get(Meta, FINGERPRINT_KEY)
        return stored is not None and stored.value == bundle_fingerprint()


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value
