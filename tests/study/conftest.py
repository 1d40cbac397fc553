"""Study-mode fixtures (helpers live in study.helpers)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from study.helpers import MiniCorpus, build_mini_corpus


@pytest.fixture
def mini(session: Session) -> MiniCorpus:
    """Three seed sources and eleven claims (curated and extracted) in a fresh database."""
    return build_mini_corpus(session)
