"""Readable claim ids on a database built before them (issue 16): a rebuild gives the
extracted claims their new ids, the old ``x-`` ids still find them, and every card
keeps its id, its state and its review history.

The database is written by the code of commit 6e8f88b (the last with ``x-`` ids), from
a ``git archive`` of it, as tests/study/test_migration.py does for the previous release.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from sqlmodel import Session, select

from claims.db import open_database
from claims.ingest.corpus import build_bundled
from claims.models import Card, CardState, Claim, Review
from claims.show import show_claim
from claims.study.cards import ensure_cards

BEFORE_READABLE_IDS = "6e8f88b"
REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).resolve().parent / "previous_release" / "write_x_ids.py"


@pytest.fixture(scope="module")
def old_code(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: cannot get the earlier code")
    found = subprocess.run(["git", "-C", str(REPO), "cat-file", "-e",
                            f"{BEFORE_READABLE_IDS}^{{commit}}"], capture_output=True)
    if found.returncode != 0:
        pytest.skip(f"commit {BEFORE_READABLE_IDS} is not in this clone's history")
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar",
                              BEFORE_READABLE_IDS, "claims", "data", "seeds"],
                             capture_output=True, check=True)
    folder = tmp_path_factory.mktemp("x-ids")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def test_a_rebuild_keeps_cards_and_history_and_old_ids_still_work(
        old_code: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    env = {**os.environ, "PYTHONPATH": str(old_code)}
    done = subprocess.run([sys.executable, str(WRITER), url], cwd=old_code, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    old = json.loads(done.stdout)
    assert len(old["cards"]) == 3 and all(c.startswith("x-") for c in old["cards"].values())

    engine = open_database(url)  # migrates to 0005
    try:
        build_bundled(engine)  # the upgrade's rebuild: extracted claims get readable ids
        with Session(engine) as session:
            ensure_cards(session)
            session.commit()
            for card_id, old_claim_id in old["cards"].items():
                card = session.get(Card, card_id)
                assert card is not None and not card.retired, card_id  # same card id
                claim = session.get(Claim, card.claim_id)
                assert claim is not None and claim.alias == old_claim_id
                assert not claim.id.startswith("x-")
                assert claim.id.startswith(card.source_slug + "-")
                # the old id still finds the claim
                assert show_claim(session, old_claim_id).to_dict()["claim"]["id"] == claim.id
            reviews = [[r.card_id, r.given] for r in session.exec(select(Review).order_by(Review.id))]
            assert reviews == old["reviews"]
            states = {s.card_id: s.stability for s in session.exec(select(CardState))}
            assert states == old["states"]
            assert not session.exec(select(Claim).where(Claim.id.startswith("x-"))).all()
    finally:
        engine.dispose()


def test_readable_ids_are_stable_across_rebuilds(built_copy_url: str) -> None:
    engine = open_database(built_copy_url)
    try:
        with Session(engine) as session:
            before = sorted((c.id, c.alias) for c in session.exec(select(Claim)))
        build_bundled(engine)
        with Session(engine) as session:
            after = sorted((c.id, c.alias) for c in session.exec(select(Claim)))
        assert before == after
        assert len({claim_id for claim_id, _ in after}) == len(after)
        assert any(alias for _, alias in after)
    finally:
        engine.dispose()
