"""One agreement rule: ``claims compare``, compare cards and answer checking never disagree.

Each consumer of :mod:`claims.agreement` runs on the same cases: the comparison's pair
verdict (``claims.compare.compare_claims``), the compare card made from the same two
claims (``claims.study.cards.compare_cards``), and the answer checker asked whether one
claim's figure is a right answer for the other's card (``claims.study.answers``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.agreement import BANDS, figure, judge
from claims.compare import compare_claims
from claims.domain import NUMERIC_KINDS, Qualifier, Verdict, effective_modality
from claims.models import Claim, Source
from claims.study import cards as cardgen
from claims.study.answers import accepts, check_answer

EARLY = Source(id=1, slug="early", title="Early", filename="e.txt", content_hash="e", text="",
               date="1996-05", authors=[{"name": "Patrick M. Cronin"}])
LATE = Source(id=2, slug="late", title="Late", filename="l.txt", content_hash="l", text="",
              date="2021-03", authors=[{"name": "Jane Roe"}])


def claim(cid: str, source: Source, kind: str, value: float, qualifier: str = "exact",
          unit: str | None = None, value_max: float | None = None,
          as_of: int | None = None) -> Claim:
    return Claim(id=cid, source_id=source.id or 0, kind=kind, surface=f"{value:g}", value=value,
                 value_max=value_max, unit=unit, qualifier=qualifier, as_of=as_of,
                 metric="the-metric", start=0, end=1, origin="curated")


class Case(NamedTuple):
    a: Claim
    b: Claim
    verdict: str
    why: str


# The issue's examples, word for word: each is judged once, and every consumer agrees.
ISSUE = [
    Case(claim("a", EARLY, "count", 45_000, "more than", as_of=1996),
         claim("b", LATE, "count", 50_000, as_of=1996), "differ",
         "more than 45,000 vs 50,000: consistent, but not the same figure (was agree/No)"),
    Case(claim("a", EARLY, "percent", 30, "almost", "percent", as_of=1995),
         claim("b", LATE, "percent", 28, unit="percent", as_of=1995), "agree",
         "nearly 30 percent vs 28 percent (was conflict/Yes)"),
    Case(claim("a", EARLY, "count", 45_000, "more than"),
         claim("b", LATE, "count", 54_000, "approximately"), "changed",
         "more than 45,000 in 1996, about 54,000 in 2021: a change over time, not agree"),
    Case(claim("a", EARLY, "ratio", 0.2, as_of=1996),
         claim("b", LATE, "percent", 20, unit="percent", as_of=1996), "agree",
         "one-fifth of the acreage is a 20 percent decrease"),
    Case(claim("a", EARLY, "money", 49e9, unit="USD", as_of=1992),
         claim("b", LATE, "money", 6e12, unit="JPY", as_of=1992), "differ",
         "different currencies are not compared"),
]


def _card(a: Claim, b: Claim) -> Any:
    cards = cardgen.compare_cards([(a, EARLY), (b, LATE)])
    return cards[0] if cards else None


def _check_consumers(a: Claim, b: Claim) -> str:
    """Assert that every consumer follows the comparison's verdict; return the verdict."""
    if effective_modality(a.modality, a.as_of, EARLY.date) != effective_modality(
            b.modality, b.as_of, LATE.date):  # a forecast is set against no fact
        assert compare_claims([(a, EARLY), (b, LATE)]) == [] and _card(a, b) is None
        return "apart"
    [pair] = compare_claims([(a, EARLY), (b, LATE)])
    card = _card(a, b)
    spec = card.spec if card is not None else None
    fa = figure(a.kind, a.value or 0, a.value_max, a.unit, a.qualifier)
    fb = figure(b.kind, b.value or 0, b.value_max, b.unit, b.qualifier)
    if fa.scale != fb.scale:
        assert pair.verdict == Verdict.DIFFER and card is None, (pair, card)
        return pair.verdict
    assert spec is not None and spec["verdict"] == pair.verdict, (pair, spec)
    if pair.verdict == Verdict.CHANGED:
        assert spec["type"] == "trend" and card.answer in card.choices
        assert check_answer(spec, card.answer, card.answer).correct
    else:
        assert spec["value"] is (pair.verdict == Verdict.AGREE), (pair, spec)
        said = "yes" if pair.verdict == Verdict.AGREE else "no"
        assert check_answer(spec, card.answer, said).correct, (pair, said)
        # answer checking: b's figure, given as the answer to a's card, is right exactly
        # when an exact b agrees with a (the same rule, the answer taken as exact)
        if b.qualifier == Qualifier.EXACT and b.value_max is None and b.kind == a.kind:
            ok = accepts(cardgen.figure_spec(a), float(b.value or 0))
            assert ok is (pair.verdict == Verdict.AGREE), (pair, ok)
    return pair.verdict


@pytest.mark.parametrize("case", ISSUE, ids=[c.why for c in ISSUE])
def test_issue_examples(case: Case) -> None:
    assert _check_consumers(case.a, case.b) == case.verdict, case.why


def test_a_target_is_compared_with_no_fact_by_compare_or_a_card() -> None:
    fact = claim("a", EARLY, "money", 5e12, unit="JPY", as_of=2021)
    target = claim("b", LATE, "money", 8.7e12, unit="JPY", as_of=2027)
    target.modality = "target"
    assert compare_claims([(fact, EARLY), (target, LATE)]) == []
    assert cardgen.compare_cards([(fact, EARLY), (target, LATE)]) == []


def test_every_qualifier_has_a_band() -> None:
    assert set(BANDS) == set(Qualifier)


def test_an_open_ended_figure_says_how_far_apart() -> None:
    verdict = judge(figure("count", 45_000, qualifier="more than", year=1996),
                    figure("count", 50_000, year=1996))
    assert (verdict.verdict, verdict.reason) == (
        "differ", "50,000 is 11% above more than 45,000: consistent, not the same figure in 1996")


kinds = st.sampled_from([str(k) for k in NUMERIC_KINDS])
qualifiers = st.sampled_from([str(q) for q in Qualifier])
units = st.sampled_from([None, "USD", "JPY", "percent", "year", "month"])
values = st.one_of(st.integers(1, 10**9).map(float), st.floats(0.01, 1e6))
years = st.one_of(st.none(), st.integers(1990, 2025))


@st.composite
def claims_(draw: st.DrawFn, cid: str, source: Source) -> Claim:
    kind, qualifier, value = draw(kinds), draw(qualifiers), draw(values)
    value_max = value * draw(st.floats(1.0, 3.0)) if qualifier == Qualifier.RANGE else None
    return claim(cid, source, kind, value, qualifier, draw(units), value_max, draw(years))


@settings(max_examples=400, deadline=None)
@given(claims_("a", EARLY), claims_("b", LATE))
def test_compare_cards_and_answers_follow_the_comparison(a: Claim, b: Claim) -> None:
    _check_consumers(a, b)


@settings(max_examples=200, deadline=None)
@given(kinds, values, qualifiers, years)
def test_a_figure_agrees_with_itself_and_with_its_own_answer(
    kind: str, value: float, qualifier: str, year: int | None
) -> None:
    f = figure(kind, value, qualifier=qualifier, year=year)
    assert judge(f, f).verdict == Verdict.AGREE
    spec = {"kind": kind, "value": value, "qualifier": qualifier, "unit": None}
    assert accepts(spec, value)


# --- on the built corpus, and after a user adds a document --------------------

ARTICLE_2021 = (
    "Troop levels in Japan, 2021\n\n"
    "The United States keeps approximately 54,000 U.S. troops stationed in Japan in 2021, "
    "officials said.\n"
)


def _assert_cards_follow_compare(url: str) -> int:
    """Every compare card (on a metric or a proposition) says what ``compare_metric``
    says of its two claims."""
    from sqlmodel import Session, select

    from claims.compare import compare_metric
    from claims.db import open_database
    from claims.models import Card
    from claims.study.cards import ensure_cards

    engine = open_database(url)
    try:
        with Session(engine) as session:
            ensure_cards(session)
            session.commit()
            cards = session.exec(select(Card).where(Card.kind == "compare")).all()
            verdicts: dict[tuple[str, str], str] = {}
            keys = {(c.spec or {}).get("metric") or (c.spec or {}).get("proposition")
                    for c in cards}
            for key in keys - {None}:
                for p in compare_metric(session, key).pairs:
                    verdicts[(p.a, p.b)] = verdicts[(p.b, p.a)] = p.verdict
            checked = 0
            for card in cards:
                spec = card.spec or {}
                if card.retired:
                    continue
                verdict = verdicts[(card.claim_id, spec["other_claim_id"])]
                assert spec["verdict"] == verdict, (card.question, card.answer, verdict)
                if verdict == "changed":
                    assert spec["type"] == "trend", card.question
                else:
                    assert spec["value"] is (verdict == "agree"), (card.question, verdict)
                checked += 1
            return checked
    finally:
        engine.dispose()


def test_no_compare_card_contradicts_compare(
    cli_rw: Any, built_copy_url: str, tmp_path: Path
) -> None:
    assert _assert_cards_follow_compare(built_copy_url) > 0
    article = tmp_path / "troops-2021.txt"
    article.write_text(ARTICLE_2021, encoding="utf-8")
    result = cli_rw("ingest", str(article), "--title", "Troop levels in Japan", "--author",
                    "Jane Roe", "--date", "2021-05-01", "--publisher", "Example News")
    assert result.exit_code == 0, result.stderr
    data = json.loads(cli_rw("compare", "us-forces-in-japan", "--format", "json").stdout)
    pairs = {(p["a"], p["b"]): (p["verdict"], p["reason"]) for p in data["pairs"]}
    new = [c["id"] for c in data["claims"] if c["source"] == "troops-2021"]
    assert new, data["claims"]
    cronin = [c["id"] for c in data["claims"] if c["source"] == "cronin-1996"]
    verdict, reason = pairs.get((cronin[0], new[0])) or pairs[(new[0], cronin[0])]
    assert (verdict, reason) == (
        "changed", "more than 45,000 in 1996; about 54,000 in 2021 (20% higher)")
    assert _assert_cards_follow_compare(built_copy_url) > 0
