"""Cards from claims: the kinds, the blanks, the distractors, and sync keeping progress."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from claims.models import Card, Claim, Review
from claims.study import cards as cardgen
from claims.study.answers import accepts, check_answer
from claims.study.cards import BLANK, card_id, ensure_cards, sync_cards
from claims.study.learners import learner_id
from claims.study.session import answer_card, get_state
from study.helpers import NOW, MiniCorpus


def _cards(session: Session) -> dict[str, Card]:
    return {c.id: c for c in session.exec(select(Card)).all()}


def test_sync_creates_every_kind(session: Session, mini: MiniCorpus) -> None:
    report = sync_cards(session, NOW)
    assert report.created == 38
    assert report.kinds == {"choice": 7, "cloze": 9, "compare": 2, "source": 10, "year": 10}
    cloze = session.get(Card, card_id("surplus", "cloze"))
    assert cloze is not None
    assert cloze.answer == "$49-billion"
    assert cloze.question.startswith("Fill in the blank: And how can we renew")
    assert f"(a {BLANK} surplus with the United States in 1992)" in cloze.question
    assert cloze.question.endswith("\u2014 Manning (1993)")
    assert cloze.priority == 0 and cloze.source_slug == "manning-1993"


def test_cloze_blank_sits_exactly_on_the_claim(session: Session, mini: MiniCorpus) -> None:
    sync_cards(session, NOW)
    for card in _cards(session).values():
        if card.kind != "cloze" or not card.spec:
            continue
        claim = session.get(Claim, card.claim_id)
        assert claim is not None
        spot = card.spec["cloze"]
        text = spot["text"]
        assert text[spot["start"]:spot["end"]] == claim.surface
        assert text == claim.sentence


def test_choice_distractors_are_formatted_like_the_answer_and_wrong(
    session: Session, mini: MiniCorpus
) -> None:
    sync_cards(session, NOW)
    choices = {c.claim_id: c for c in _cards(session).values() if c.kind == "choice"}
    assert set(choices) == {"surplus", "surpluses", "budget", "acreage", "decrease", "forces",
                            "support"}
    for card in choices.values():
        assert card.choices is not None and len(card.choices) == 4
        assert card.choices.count(card.answer) == 1
        assert len(set(card.choices)) == 4
        for choice in card.choices:
            if choice != card.answer:
                verdict = check_answer(card.spec or {}, card.answer, choice)
                assert not verdict.correct, f"{choice!r} would be right for {card.answer!r}"
    surplus = choices["surplus"]
    assert all(c.startswith("$") and c.endswith("-billion") for c in surplus.choices or [])
    forces = choices["forces"]
    assert all(c.startswith("more than ") for c in forces.choices or [])
    acreage = choices["acreage"]
    assert all(c.endswith(("fifth", "fifths", "tenth", "tenths", "half", "quarter", "third",
                           "thirds", "quarters", "percent")) for c in acreage.choices or [])


def test_choices_are_stable_across_syncs(session: Session, mini: MiniCorpus) -> None:
    sync_cards(session, NOW)
    before = {c.id: c.choices for c in _cards(session).values()}
    report = sync_cards(session, NOW + timedelta(days=1))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 38)
    assert {c.id: c.choices for c in _cards(session).values()} == before


def test_source_and_year_cards(session: Session, mini: MiniCorpus) -> None:
    sync_cards(session, NOW)
    source = session.get(Card, card_id("forces", "source"))
    year = session.get(Card, card_id("forces", "year"))
    assert source is not None and year is not None
    assert source.answer == "Cronin (1996)"
    assert sorted(source.choices or []) == ["Andrews (2017)", "Cronin (1996)", "Manning (1993)"]
    assert check_answer(source.spec or {}, source.answer, "patrick cronin").correct
    assert year.question.startswith("In what year did Patrick M. Cronin write:")
    assert year.answer == "1996"


def test_compare_cards_from_shared_propositions(session: Session, mini: MiniCorpus) -> None:
    sync_cards(session, NOW)
    compare = {c.claim_id: c for c in _cards(session).values() if c.kind == "compare"}
    assert set(compare) == {"cornerstone-1996", "junior-1993"}
    same = compare["cornerstone-1996"]
    assert same.question == ("Did Cronin (1996) and Andrews (2017) agree that the alliance is the "
                             "cornerstone of security in the Asia-Pacific?")
    assert same.answer == "Yes \u2014 Cronin (1996) affirms it; Andrews (2017) affirms it"
    assert check_answer(same.spec or {}, same.answer, "yes").correct
    differ = compare["junior-1993"]
    assert differ.question == ("Did Manning (1993) and Cronin (1996) agree that Japan is a junior, "
                               "dependent partner of the United States?")
    assert differ.answer == "No \u2014 Manning (1993) affirms it; Cronin (1996) denies it"
    assert check_answer(differ.spec or {}, differ.answer, "they disagree").correct
    assert not check_answer(differ.spec or {}, differ.answer, "yes").correct


def _figure_claim(cid: str, source_id: int, value: float, qualifier: str = "exact",
                  as_of: int | None = None) -> Claim:
    return Claim(id=cid, source_id=source_id, kind="count", surface=f"{value:,.0f}",
                 value=value, unit="troops", qualifier=qualifier, metric="us-forces-in-japan",
                 start=0, end=5, origin="curated", as_of=as_of)


# (other figure, the verdict of claims compare, why): the card's Yes/No follows it.
SAME_YEAR = [
    (47_000, "agree", "more than 45,000 includes 47,000"),
    (45_000, "agree", "what the source said"),
    (50_000, "differ", "open-ended: consistent, but not the same figure"),
    (40_000, "conflict", "below the floor"),
]


@pytest.mark.parametrize(("other", "verdict", "why"), SAME_YEAR, ids=[c[2] for c in SAME_YEAR])
def test_compare_cards_for_one_year_follow_the_agreement_rule(
    session: Session, mini: MiniCorpus, other: float, verdict: str, why: str
) -> None:
    cronin, andrews = mini.sources["cronin-1996"], mini.sources["andrews-2017"]
    a = _figure_claim("a", cronin.id or 0, 45_000, "more than", as_of=2000)
    b = _figure_claim("b", andrews.id or 0, other, as_of=2000)
    cards = cardgen.compare_cards([(a, cronin), (b, andrews)])
    assert [c.question for c in cards] == [
        "Did Cronin (1996) and Andrews (2017) agree on U.S. forces in Japan?"]
    agrees = verdict == "agree"
    assert (cards[0].spec or {})["value"] is agrees, why
    assert (cards[0].spec or {})["verdict"] == verdict, why
    assert cards[0].answer == (f"{'Yes' if agrees else 'No'} \u2014 Cronin (1996): 45,000; "
                               f"Andrews (2017): {other:,.0f}")


# (other figure in 2017, answer): figures for different years ask how the figure moved.
OVER_TIME = [(54_000, "rose"), (30_000, "fell"), (46_000, "stayed about the same")]


@pytest.mark.parametrize(("other", "answer"), OVER_TIME)
def test_compare_cards_across_years_ask_how_the_figure_moved(
    session: Session, mini: MiniCorpus, other: float, answer: str
) -> None:
    cronin, andrews = mini.sources["cronin-1996"], mini.sources["andrews-2017"]
    a = _figure_claim("a", cronin.id or 0, 45_000, "more than")  # dated by its source: 1996
    b = _figure_claim("b", andrews.id or 0, other)
    [card] = cardgen.compare_cards([(b, andrews), (a, cronin)])
    assert card.question == ("From 1996 to 2017, did U.S. forces in Japan rise, fall or stay "
                             "about the same? (Cronin (1996), then Andrews (2017))")
    assert card.answer == answer and card.choices == ["rose", "fell", "stayed about the same"]
    assert (card.spec or {})["verdict"] == "changed"
    assert check_answer(card.spec or {}, card.answer, answer).correct
    wrong = next(c for c in card.choices if c != answer)
    assert not check_answer(card.spec or {}, card.answer, wrong).correct


@pytest.mark.parametrize(("given", "right"), [
    ("it rose", True), ("went up", True), ("increased", True), ("a", True),
    ("fell", False), ("stayed the same", False), ("dunno", False),
])
def test_trend_answers_in_other_words(given: str, right: bool) -> None:
    spec = {"type": "trend", "value": "up", "display": "rose"}
    verdict = check_answer(spec, "rose", given, ["rose", "fell", "stayed about the same"])
    assert verdict.correct is right, given


def test_figures_agree_within_tolerance(session: Session, mini: MiniCorpus) -> None:
    spec = cardgen.figure_spec(mini.claims["forces"])
    assert accepts(spec, 45_000) and not accepts(spec, 44_000)


def test_sync_retires_cards_of_a_gone_claim_and_keeps_history(
    session: Session, mini: MiniCorpus
) -> None:
    sync_cards(session, NOW)
    session.commit()
    cid = card_id("budget", "cloze")
    answer_card(session, cid, "$33 billion", NOW)
    session.delete(session.get(Claim, "budget"))
    session.commit()
    report = sync_cards(session, NOW)
    session.commit()
    assert report.retired == 4  # cloze, choice, source and year of "budget"
    card = session.get(Card, cid)
    state = get_state(session, learner_id(session, None), cid)
    assert card is not None and card.retired and state is not None and state.introduced_at == NOW
    assert len(session.exec(select(Review).where(Review.card_id == cid)).all()) == 1


def test_a_claim_that_returns_revives_its_card_with_progress(
    session: Session, mini: MiniCorpus
) -> None:
    sync_cards(session, NOW)
    session.commit()
    cid = card_id("support", "cloze")
    outcome = answer_card(session, cid, "80%", NOW)
    claim = session.get(Claim, "support")
    assert claim is not None
    saved = claim.model_dump()
    session.delete(claim)
    session.commit()
    sync_cards(session, NOW)
    session.add(Claim(**saved))
    session.commit()
    report = sync_cards(session, NOW)
    card = session.get(Card, cid)
    assert card is not None and not card.retired
    assert report.revived == 4
    state = get_state(session, learner_id(session, None), cid)
    assert state is not None and state.due == outcome.due and state.introduced_at == NOW


def test_ensure_cards_only_syncs_when_claims_changed(session: Session, mini: MiniCorpus) -> None:
    assert ensure_cards(session, NOW) is not None
    session.commit()
    assert ensure_cards(session, NOW) is None
    claim = session.get(Claim, "surpluses")
    session.delete(claim)
    session.commit()
    report = ensure_cards(session, NOW)
    assert report is not None and report.retired == 2
