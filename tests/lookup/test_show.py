"""claims.show: one claim in context."""

from __future__ import annotations

import pytest

from claims.errors import NotFound
from claims.show import show_claim


def test_show_gives_paragraph_with_the_figure_highlighted(sample) -> None:  # type: ignore[no-untyped-def]
    view = show_claim(sample, "c1")
    para = view.paragraph
    assert para.number == 3
    assert para.text == (
        "More than 45,000 U.S. forces are stationed in Japan. "
        "About 80 percent of the Japanese public supported the alliance after the summit."
    )
    a, b = para.highlight
    assert para.text[a:b] == "More than 45,000"
    assert view.source.text[para.start:para.end] == para.text


def test_show_related_claims_same_metric_elsewhere_and_same_sentence(sample) -> None:  # type: ignore[no-untyped-def]
    assert [(r.claim.id, r.relation) for r in show_claim(sample, "c1").related] == [
        ("a3", "same metric")
    ]
    assert [(r.claim.id, r.relation) for r in show_claim(sample, "m1").related] == [
        ("m2", "same sentence")
    ]
    assert [(r.claim.id, r.relation) for r in show_claim(sample, "a1").related] == [
        ("a2", "same sentence")
    ]


def test_show_citation_and_cards(sample) -> None:  # type: ignore[no-untyped-def]
    data = show_claim(sample, "c1").to_dict()
    assert set(data) == {"claim", "source", "paragraph", "citation", "related", "cards"}
    assert data["citation"]["in_text"] == "(Cronin, 1996, para. 3)"
    assert data["citation"]["reference"].startswith("Cronin, P. M. (1996).")
    assert data["citation"]["quote"] == "More than 45,000 U.S. forces are stationed in Japan."
    assert [c["id"] for c in data["cards"]] == ["card-c1"]
    assert data["cards"][0]["answer"] == "45,000"
    assert data["source"]["slug"] == "cronin-1996"
    assert data["claim"]["topics"] == ["forces"]
    assert data["related"][0]["relation"] == "same metric"


def test_show_without_cards_or_related(sample) -> None:  # type: ignore[no-untyped-def]
    view = show_claim(sample, "c2")
    assert (view.related, view.cards) == ([], [])


def test_unknown_id_is_not_found_with_nearest_ids(sample) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound, match="no claim with id 'c'") as error:
        show_claim(sample, "c")
    assert error.value.hint == "did you mean c1, c2, c3? find ids with `claims.search.search()`"
