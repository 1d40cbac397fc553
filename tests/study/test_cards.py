"""Cards from claims: the kinds, the blanks, the distractors, and sync keeping progress."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from claims.models import Card, Claim, Review, Source
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
    assert report.created == 21
    assert report.kinds == {"choice": 8, "cloze": 9, "compare": 2, "source": 1, "year": 1}
    cloze = session.get(Card, card_id("surplus", "cloze"))
    assert cloze is not None
    assert cloze.answer == "$49-billion"
    # a one-word subject ("Japan") makes no clear question: a blank on the clause
    assert cloze.question == (
        f"Fill in the blank: \u2026runs $125-billion surpluses with its major trading partners "
        f"(a {BLANK} surplus with the United States in 1992)\u2026 \u2014 Manning (1993)")
    assert cloze.priority == 0 and cloze.source_slug == "manning-1993"


# (claim, question): what the fields of a curated claim make (subject, kind, as_of, source).
FACT_QUESTIONS = [
    ("budget", "How large was Japan's defense budget in 1993, according to Manning (1993)?"),
    ("forces", "How many U.S. forces in Japan were there in 1996, according to Cronin (1996)?"),
]


@pytest.mark.parametrize(("claim_id", "question"), FACT_QUESTIONS, ids=[c[0] for c in FACT_QUESTIONS])
def test_fact_questions_from_the_claims_fields(
    session: Session, mini: MiniCorpus, claim_id: str, question: str
) -> None:
    sync_cards(session, NOW)
    recall, choice = (session.get(Card, card_id(claim_id, kind)) for kind in ("cloze", "choice"))
    assert recall is not None and choice is not None
    assert (recall.question, choice.question) == (question, question), claim_id
    assert "cloze" not in (recall.spec or {}), claim_id


def test_year_cards_ask_the_year_of_the_fact(session: Session, mini: MiniCorpus) -> None:
    sync_cards(session, NOW)
    year = session.get(Card, card_id("returns-1972", "year", cardgen.FACT_YEAR))
    assert year is not None
    assert year.question == (
        "What year does Cronin (1996) give for the start of U.S. land returns in Okinawa?")
    assert year.answer == "1972"
    for given, right in (("1972", True), ("in 1972", True), ("1996", False)):
        assert check_answer(year.spec or {}, year.answer, given).correct is right, given
    # no card asks the year a source was written, and a date gets no separate blank
    assert all(c.kind != "year" or c.claim_id == "returns-1972" for c in _cards(session).values())
    assert session.get(Card, card_id("returns-1972", "cloze")) is None
    # a 1996 text cannot date a past event after 1996: no such distractor
    choice = session.get(Card, card_id("returns-1972", "choice"))
    assert choice is not None and choice.question == year.question
    assert all(int(c) <= 1996 for c in choice.choices or []), choice.choices


def test_cloze_blank_sits_exactly_on_the_claim(session: Session, mini: MiniCorpus) -> None:
    sync_cards(session, NOW)
    for card in _cards(session).values():
        spot = (card.spec or {}).get("cloze")
        if not spot:
            continue
        claim = session.get(Claim, card.claim_id)
        assert claim is not None
        text = spot["text"]
        assert text[spot["start"]:spot["end"]] == claim.surface, card.id
        assert text.strip("\u2026") in claim.sentence, card.id


def test_choice_distractors_are_formatted_like_the_answer_and_wrong(
    session: Session, mini: MiniCorpus
) -> None:
    sync_cards(session, NOW)
    choices = {c.claim_id: c for c in _cards(session).values() if c.kind == "choice"}
    assert set(choices) == {"surplus", "surpluses", "budget", "acreage", "decrease", "forces",
                            "support", "returns-1972"}
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
    assert (report.created, report.updated, report.unchanged) == (0, 0, 21)
    assert {c.id: c.choices for c in _cards(session).values()} == before


def test_who_said_it_only_for_statements_their_source_alone_holds(
    session: Session, mini: MiniCorpus
) -> None:
    sync_cards(session, NOW)
    sources = [c for c in _cards(session).values() if c.kind == "source"]
    assert [c.claim_id for c in sources] == ["competitor-1993"]  # figures and shared views: none
    [source] = sources
    assert source.question == "Who said it? \u201cBut Japan is also our leading competitor.\u201d"
    assert source.answer == "Manning (1993)"
    assert sorted(source.choices or []) == ["Andrews (2017)", "Cronin (1996)", "Manning (1993)"]
    assert check_answer(source.spec or {}, source.answer, "robert manning").correct
    verdict = check_answer(source.spec or {}, source.answer, "Maning")
    assert (verdict.correct, verdict.partial) == (True, True)
    assert source.priority == 1  # after the figures


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
    a = _figure_claim("a", cronin.id or 0, 45_000, "more than", as_of=1996)
    b = _figure_claim("b", andrews.id or 0, other, as_of=1996)
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
    assert report.retired == 2  # the question on "budget" and its multiple choice
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
    assert report.revived == 2  # recall and multiple choice
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


def test_a_new_generation_keeps_progress_and_retires_the_year_of_writing(
    session: Session, mini: MiniCorpus
) -> None:
    """Generation 2 asked "In what year did Robert A. Manning write: ...?" under
    card_id(claim, "year"); those cards retire with their history, while the recall card
    of a figure keeps its id (and progress) under its new question."""
    sync_cards(session, NOW)
    session.commit()
    old_year = card_id("surplus", "year")
    session.add(Card(id=old_year, claim_id="surplus", source_slug="manning-1993", kind="year",
                     question="In what year did Robert A. Manning write: \u201c...\u201d?",
                     answer="1993", spec={"type": "year", "year": 1993}, created_at=NOW))
    session.commit()
    recall = card_id("budget", "cloze")
    answer_card(session, old_year, "1993", NOW)
    outcome = answer_card(session, recall, "$33 billion", NOW)
    session.commit()
    report = sync_cards(session, NOW)
    session.commit()
    assert report.retired == 1
    retired = session.get(Card, old_year)
    assert retired is not None and retired.retired
    assert len(session.exec(select(Review).where(Review.card_id == old_year)).all()) == 1
    kept = session.get(Card, recall)
    assert kept is not None and not kept.retired
    state = get_state(session, learner_id(session, None), recall)
    assert state is not None and state.due == outcome.due  # the learner's progress is kept
    assert kept.question.startswith("How large was Japan's defense budget")


# (text of the paragraph, the figure in it, why no card or None): furniture makes no card.
FURNITURE = [
    ("By Jane Roe, Staff Writer | August 7, 2017", "2017", "byline"),
    ("Jane Roe is a fellow at the Example Institute. She served in the State Department "
     "(2008-13).", "2008-13", "byline"),
    ("Marines train on Okinawa in 2016. Photo: Jane Doe/Getty Images", "2016", "caption"),
    ("U.S. and Japanese leaders met in Tokyo in 2016 to discuss the two countries' ties.",
     "two countries", "trivial count"),
    ("By the end of 2016, Japan had returned 4,000 hectares of land to local owners.",
     "2016", None),
]


@pytest.mark.parametrize(("text", "surface", "reason"), FURNITURE,
                         ids=[f"{c[2]}-{c[1]}" for c in FURNITURE])
def test_no_card_from_bylines_captions_or_trivial_counts(
    text: str, surface: str, reason: str | None
) -> None:
    body = f"Headline\n\n{text}\n\nMore prose follows here."
    source = Source(id=1, slug="roe-2017", title="T", filename="t.txt", content_hash="x",
                    text=body, date="2017-08-07", authors=[{"name": "Jane Roe"}])
    start = body.index(surface)
    kind = "count" if surface == "two countries" else "date"
    claim = Claim(id="c", source_id=1, kind=kind, surface=surface, value=2.0, start=start,
                  end=start + len(surface), origin="extracted")
    assert cardgen.skip_reason(claim, source) == reason, text
