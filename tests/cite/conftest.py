"""The lookup tests' small known database, plus the two seeds it lacks (blog, commentary)."""

from __future__ import annotations

import pytest
from lookup.rows import add_source, sample_corpus


@pytest.fixture
def sample(session):  # type: ignore[no-untyped-def]
    sample_corpus(session)
    add_source(session, "new-alliance-2007", "Towards a new alliance\n\nGates spoke in Tokyo.")
    add_source(session, "glosserman-2003", "A Tale of Two Cities\n\nThe alliance is valued.")
    session.commit()
    return session
