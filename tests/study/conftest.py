"""Study-mode fixtures (helpers live in study.helpers)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import Session

from study.helpers import MiniCorpus, build_mini_corpus


@pytest.fixture
def mini(session: Session) -> MiniCorpus:
    """Three seed sources and thirteen claims (curated and extracted) in a fresh database."""
    return build_mini_corpus(session)


@pytest.fixture
def study_cli(engine: Any, db_url: str, make_cli: Any) -> Any:
    """The CLI on a fresh database holding the mini corpus."""
    with Session(engine) as session:
        build_mini_corpus(session)
    return make_cli(db_url)
