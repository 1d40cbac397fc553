"""A small known database for lookup tests (see rows.py)."""

from __future__ import annotations

import pytest

from lookup.rows import sample_corpus


@pytest.fixture
def sample(session):  # type: ignore[no-untyped-def]
    """The fresh ``session`` holding the sample corpus."""
    sample_corpus(session)
    return session


@pytest.fixture
def sample_cli(cli_empty, session):  # type: ignore[no-untyped-def]
    """The CLI bound to the sample corpus (marked as built, so no bundled build runs)."""
    from claims.ingest.bundle import FINGERPRINT_KEY, bundle_fingerprint
    from claims.models import Meta

    sample_corpus(session)
    session.add(Meta(key=FINGERPRINT_KEY, value=bundle_fingerprint()))
    session.commit()
    return cli_empty
