"""A small known database for lookup tests (see rows.py)."""

from __future__ import annotations

import pytest

from lookup.rows import sample_corpus


@pytest.fixture
def sample(session):  # type: ignore[no-untyped-def]
    """The fresh ``session`` holding the sample corpus."""
    sample_corpus(session)
    return session
