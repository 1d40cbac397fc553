"""The shipped curated claims: they load, every quote is in its source, the key figures
and assertions named in the product brief are there with the right values."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.curation import CuratedClaim, curated_files, load_curated, locate_all
from claims.ingest.metadata import load_sources
from claims.ingest.textio import decode_bytes
from claims.resources import data_dir, seeds_dir


@pytest.fixture(scope="module")
def curated() -> list[CuratedClaim]:
    return load_curated()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {
        s.slug: decode_bytes((seeds_dir() / s.file).read_bytes()).text
        for s in load_sources()
        if s.file
    }


def test_every_quote_is_in_its_source(curated: list[CuratedClaim], texts: dict[str, str]) -> None:
    assert [p.message for p in locate_all(curated, texts)] == []


def test_every_seed_is_covered_in_depth(curated: list[CuratedClaim]) -> None:
    per_source = {s.slug: 0 for s in load_sources()}
    for claim in curated:
        per_source[claim.source] += 1
    assert all(count >= 12 for count in per_source.values()), per_source
    assert len(curated) >= 60


def test_every_seed_has_qualitative_claims(curated: list[CuratedClaim]) -> None:
    statements = {c.source for c in curated if c.kind == "statement"}
    assert statements == {s.slug for s in load_sources()}


# (id, kind, metric, value, qualifier, as_of, surface): the figures the product brief names.
KEY_FIGURES = [
    ("manning-1993-surplus-us-1992", "money", "trade-surplus", 49e9, "exact", 1992, "$49-billion"),
    ("manning-1993-defense-budget", "money", "defense-budget", 33e9, "exact", 1993, "$33-billion"),
    ("manning-1993-defense-budget-rank", "rank", "defense-budget-rank", 3, "exact", 1993,
     "third largest"),
    ("cronin-1996-forces-45000", "count", "us-forces-in-japan", 45000, "more than", 1996, "45,000"),
    ("cronin-1996-support-80-percent", "percent", "public-support", 80, "approximately", 1996,
     "80 percent"),
    ("cronin-1996-okinawa-one-fifth", "ratio", "okinawa-land-return", 0.2, "exact", 1996,
     "one-fifth"),
    ("cronin-1996-okinawa-20-percent", "percent", "okinawa-land-return", 20, "exact", 1996,
     "20 percent"),
]


@pytest.mark.parametrize("case", KEY_FIGURES, ids=lambda case: case[0])
def test_key_figures(curated: list[CuratedClaim], case: tuple) -> None:
    claim_id, kind, metric, value, qualifier, as_of, surface = case
    claim = next(c for c in curated if c.id == claim_id)
    got = (claim.kind, claim.metric, claim.value, claim.qualifier, claim.as_of, claim.surface)
    assert got == (kind, metric, value, qualifier, as_of, surface), claim_id


# (id, a phrase its quote must contain): the assertions the issue names.
KEY_ASSERTIONS = [
    ("manning-1993-junior-partner", "passive, self-serving, junior partner"),
    ("cronin-1996-more-equal-partnership", "a more equal partnership"),
    ("glosserman-2003-lap-dog", "a lap dog"),
    ("new-alliance-2007-token-support", "token support"),
    ("cronin-1996-cornerstone", "the cornerstone"),
    ("andrews-2017-cornerstone", "the cornerstone"),
]


@pytest.mark.parametrize("case", KEY_ASSERTIONS, ids=lambda case: case[0])
def test_key_assertions(curated: list[CuratedClaim], case: tuple[str, str]) -> None:
    claim_id, phrase = case
    claim = next(c for c in curated if c.id == claim_id)
    assert claim.kind == "statement" and phrase in claim.quote and claim.proposition


def test_cornerstone_is_one_proposition_in_1996_and_2017(curated: list[CuratedClaim]) -> None:
    by_id = {c.id: c for c in curated}
    assert by_id["cronin-1996-cornerstone"].proposition == (
        by_id["andrews-2017-cornerstone"].proposition
    )


@pytest.mark.parametrize("path", curated_files(data_dir() / "curated"), ids=lambda p: p.name)
def test_file_header_documents_every_field(path: Path) -> None:
    header = "".join(line for line in path.read_text().splitlines(True) if line.startswith("#"))
    missing = [name for name in CuratedClaim.model_fields if f"#   {name} " not in header]
    assert missing == [], f"{path.name} header lacks {missing}"
