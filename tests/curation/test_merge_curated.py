"""merge_curated: the hook the build calls per source; one figure is one claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.curation import CuratedClaim, load_curated, merge_curated
from claims.errors import DataError
from claims.models import ClaimDraft

TEXT = (
    "An interim report recommending the return of one-fifth of the total acreage of U.S. "
    "facilities. The report recommended a 20 percent decrease in the total acreage. "
    "The alliance remains the cornerstone for achieving common security objectives."
)


def curated(**fields: object) -> CuratedClaim:
    base: dict[str, object] = {"source": "cronin-1996", "topics": ["okinawa"]}
    claim = CuratedClaim.model_validate({**base, **fields})
    claim._path, claim._line = Path("data/curated/cronin-1996.yaml"), 7
    return claim


def extracted(surface: str, kind: str, value: float, **fields: object) -> ClaimDraft:
    start = TEXT.index(surface)
    return ClaimDraft(
        id=f"x-{start}", kind=kind, surface=surface, value=value, start=start,
        end=start + len(surface), sentence="s", topics=["us-forces"], **fields,
    )


ONE_FIFTH = curated(
    id="cronin-1996-one-fifth", kind="ratio", quote="the return of one-fifth of the total acreage",
    surface="one-fifth", metric="okinawa-land-return", value=0.2, as_of=1996, subject="acreage",
)
TWENTY = curated(
    id="cronin-1996-20-percent", kind="percent", quote="a 20 percent decrease in the total acreage",
    surface="20 percent", metric="okinawa-land-return", value=20, unit="percent", as_of=1996,
)
CORNERSTONE = curated(
    id="cronin-1996-cornerstone", kind="statement", topics=["alliance-partnership"],
    quote="remains the cornerstone for achieving", proposition="The alliance is the cornerstone",
    stance="reports",
)


def test_curated_over_extracted_becomes_one_claim_origin_both() -> None:
    draft = extracted("20 percent", "percent", 20, unit="percent", qualifier="exact")
    (merged,) = merge_curated("cronin-1996", TEXT, [draft], [TWENTY])
    assert (merged.id, merged.origin, merged.surface, merged.start, merged.end) == (
        "cronin-1996-20-percent", "both", "20 percent", draft.start, draft.end,
    )
    assert (merged.metric, merged.as_of, merged.quote) == (
        "okinawa-land-return", 1996, TWENTY.quote,
    )
    assert merged.topics == ["okinawa", "us-forces"]
    assert merged.sentence == "s"  # the extracted sentence is kept


def test_ratio_claim_merges_with_a_percent_extraction_of_the_same_value() -> None:
    draft = extracted("one-fifth", "percent", 20)
    (merged,) = merge_curated("cronin-1996", TEXT, [draft], [ONE_FIFTH])
    assert (merged.origin, merged.kind, merged.value) == ("both", "ratio", 0.2)


def test_different_value_is_not_merged() -> None:
    draft = extracted("20 percent", "percent", 25)
    result = merge_curated("cronin-1996", TEXT, [draft], [TWENTY])
    assert [(d.id, d.origin) for d in result] == [
        (draft.id, "extracted"), ("cronin-1996-20-percent", "curated"),
    ]
    assert TEXT[result[1].start : result[1].end] == result[1].surface == "20 percent"


def test_figure_outside_the_quote_is_not_merged() -> None:
    draft = extracted("20 percent", "percent", 20)
    result = merge_curated("cronin-1996", TEXT, [draft], [ONE_FIFTH])
    assert [d.origin for d in result] == ["extracted", "curated"]


def test_statement_points_at_its_quote() -> None:
    (claim,) = merge_curated("cronin-1996", TEXT, [], [CORNERSTONE])
    assert claim.surface == "remains the cornerstone for achieving"
    assert TEXT[claim.start : claim.end] == claim.surface
    assert claim.sentence == (
        "The alliance remains the cornerstone for achieving common security objectives."
    )
    assert (claim.origin, claim.kind, claim.proposition, claim.stance) == (
        "curated", "statement", "The alliance is the cornerstone", "reports",
    )


def test_figure_is_found_without_a_surface() -> None:
    claim = TWENTY.model_copy(update={"surface": None})
    (draft,) = merge_curated("cronin-1996", TEXT, [], [claim])
    assert draft.surface == "20 percent"


def test_other_sources_claims_are_ignored() -> None:
    assert merge_curated("andrews-2017", TEXT, [], [TWENTY, CORNERSTONE]) == []


def test_inputs_are_not_changed() -> None:
    draft = extracted("20 percent", "percent", 20)
    before = draft.model_dump()
    drafts = [draft]
    merge_curated("cronin-1996", TEXT, drafts, [TWENTY])
    assert drafts == [draft] and draft.model_dump() == before


def test_missing_quote_names_file_line_and_claim() -> None:
    claim = TWENTY.model_copy(update={"quote": "a 25 percent decrease in the total acreage"})
    with pytest.raises(DataError) as info:
        merge_curated("cronin-1996", TEXT, [], [claim])
    assert info.value.message == (
        "data/curated/cronin-1996.yaml:7: claim 'cronin-1996-20-percent': quote not found in "
        "the source: 'a 25 percent decrease in the total acreage'; closest passage: "
        "'a 20 percent decrease in the total acreage.'"
    )


def test_shipped_curated_claims_merge_into_spans_of_the_seeds() -> None:
    from claims.ingest.metadata import load_sources
    from claims.ingest.textio import decode_bytes
    from claims.resources import seeds_dir

    claims = load_curated()
    total = 0
    for source in load_sources():
        text = decode_bytes((seeds_dir() / str(source.file)).read_bytes()).text
        drafts = merge_curated(source.slug, text, [], claims)
        total += len(drafts)
        for d in drafts:
            assert text[d.start : d.end] == d.surface, d.id
            assert d.sentence_start <= d.start and d.end <= d.sentence_end, d.id
    assert total == len(claims)
