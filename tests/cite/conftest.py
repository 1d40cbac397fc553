"""The lookup tests' small known database, plus the two seeds it lacks (blog, commentary)."""

from __future__ import annotations

import pytest
from lookup.rows import add_source, sample_corpus


def _more_sources(session):  # type: ignore[no-untyped-def]
    add_source(session, "new-alliance-2007", "Towards a new alliance\n\nGates spoke in Tokyo.")
    add_source(session, "glosserman-2003", "A Tale of Two Cities\n\nThe alliance is valued.")
    session.commit()


@pytest.fixture
def sample(session):  # type: ignore[no-untyped-def]
    sample_corpus(session)
    _more_sources(session)
    return session


@pytest.fixture
def sample_cli(cli_empty, session):  # type: ignore[no-untyped-def]
    """The CLI bound to the sample corpus (marked as built, so no bundled build runs)."""
    from claims.ingest.bundle import FINGERPRINT_KEY, bundle_fingerprint
    from claims.models import Meta

    sample_corpus(session)
    _more_sources(session)
    session.add(Meta(key=FINGERPRINT_KEY, value=bundle_fingerprint()))
    session.commit()
    return cli_empty
