"""Cards a teacher would write: fact questions from a claim's fields, the clause around a
blank, and the dates an answer may be written in."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session, select

from claims.models import Card, Claim
from claims.study.answers import check_answer, date_parts
from claims.study.questions import ELLIPSIS, MIN_CLAUSE_WORDS, clause, fact_question


class Question(NamedTuple):
    kind: str
    subject: str | None
    year: int | None
    expected: str | None
    why: str


# (kind, subject, year of the fact, question): the templates of FACT_QUESTIONS.
QUESTIONS = [
    Question("money", "Japan's trade surplus with the United States", 1992,
             "How large was Japan's trade surplus with the United States in 1992, according "
             "to Manning (1993)?", "the issue's example, word for word"),
    Question("money", "Japan's trade surpluses with its major trading partners", 1992,
             "How large were Japan's trade surpluses with its major trading partners in 1992, "
             "according to Manning (1993)?", "a plural head takes 'were'"),
    Question("money", "U.S. goods imported by Japan each year", 1993,
             "What sum does Manning (1993) give for the U.S. goods imported by Japan each "
             "year?", "goods are not a measure: the generic row; 'each year' dates it"),
    Question("percent", "U.S. and Japanese share of world GNP", 1993,
             "How large was the U.S. and Japanese share of world GNP in 1993, according to "
             "Manning (1993)?", "'the' before a subject that needs one"),
    Question("ratio", "U.S. facilities' acreage to be returned in Okinawa", 1996,
             "What share does Manning (1993) give for U.S. facilities' acreage to be returned "
             "in Okinawa in 1996?", "a share of something that is not itself a share"),
    Question("count", "U.S. forces in Japan", 1996,
             "How many U.S. forces in Japan were there in 1996, according to Manning (1993)?",
             "a plural count"),
    Question("count", "the alliance's membership", 1996,
             "What number does Manning (1993) give for the alliance's membership in 1996?",
             "a singular head cannot follow 'how many'"),
    Question("rank", "Japan's defense budget", 1993,
             "Where did Japan's defense budget rank in 1993, according to Manning (1993)?",
             "a rank"),
    Question("duration", "preparation of the April 1996 summit", 1996,
             "How long was the preparation of the April 1996 summit, according to Manning "
             "(1993)?", "a span is not dated"),
    Question("date", "Guidelines for Japan-U.S. Defense Cooperation", None,
             "What year does Manning (1993) give for the Guidelines for Japan-U.S. Defense "
             "Cooperation?", "the year of the fact, not of writing"),
    Question("money", "Japan", 1992, None, "one word is no subject: the card is a blank"),
    Question("money", None, 1992, None, "no subject: a blank"),
    Question("statement", "the alliance", None, None, "statements are not asked this way"),
]


@pytest.mark.parametrize("case", QUESTIONS, ids=[q.why for q in QUESTIONS])
def test_fact_questions(case: Question) -> None:
    asked = fact_question(case.kind, case.subject, case.year, "Manning (1993)")
    assert asked == case.expected, f"{case.kind} {case.subject!r}: {asked!r} ({case.why})"


LONG = ("The report, issued the day before the summit began, recommended a 20 percent "
        "decrease in the total acreage of U.S. facilities in Okinawa (more than all the land "
        "returned since the United States began returning portions of Okinawa to Japan in "
        "1972), the return of Futenma Air Station, and the consolidation of training areas.")


@pytest.mark.parametrize("surface", ["20 percent", "1972", "Futenma Air Station"])
def test_a_blank_sits_in_its_clause_with_enough_words_around_it(surface: str) -> None:
    start = LONG.index(surface)
    text, a, b = clause(LONG, start, start + len(surface))
    assert text[a:b] == surface, text
    assert len(text.split()) >= MIN_CLAUSE_WORDS, text
    assert len(text.split()) < len(LONG.split()), text
    assert text.strip(ELLIPSIS) in LONG, text


def test_a_short_sentence_is_kept_whole() -> None:
    short = "Post-summit polls, however, demonstrate overwhelming (about 80 percent) support."
    start = short.index("about")
    assert clause(short, start, start + 16) == (short, start, start + 16)


# A date and the forms a student may write it in; each is read back to the same date.
FORMS = ["{month} {day}", "{mon}. {day}", "{day} {month} {year}", "{year}-{mm}-{dd}",
         "{month} {day}, {year}", "{mon} {day} {year}"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(FORMS))
def test_every_common_form_of_a_date_reads_back(day: date, form: str) -> None:
    name = MONTH_NAMES[day.month - 1]
    text = form.format(month=name, mon=name[:3], day=day.day, year=day.year,
                       mm=f"{day.month:02d}", dd=f"{day.day:02d}")
    parts = date_parts(text)
    assert (parts.month, parts.day) == (day.month, day.day), text
    assert parts.year in (None, day.year), text
    spec = {"type": "year", "year": day.year, "month": day.month, "day": day.day,
            "year_shown": False}
    assert check_answer(spec, text, text).correct, text


# The recall cards of the bundled corpus's curated figures: every one is a question.
BUNDLED = {
    "manning-1993-surplus-us-1992": "How large was Japan's trade surplus with the United States "
    "in 1992, according to Manning (1993)?",
    "cronin-1996-forces-45000": "How many U.S. forces in Japan were there in 1996, according "
    "to Cronin (1996)?",
    "manning-1993-economy-rank-second": "Where did Japan's economy rank in 1993, according to "
    "Manning (1993)?",
    "cronin-1996-diplomacy-18-months": "How long was the preparation of the April 1996 summit, "
    "according to Cronin (1996)?",
    "cronin-1996-okinawa-since-1972": "What year does Cronin (1996) give for the start of U.S. "
    "land returns in Okinawa?",
    "cronin-1996-guidelines-1978": "What year does Cronin (1996) give for the Guidelines for "
    "Japan-U.S. Defense Cooperation?",
    "new-alliance-2007-next-administration": "What date does Towards a new alliance (2007) "
    "give for the next U.S. administration?",
}


def test_the_bundled_decks_curated_figures_are_questions(built_session: Session) -> None:
    cards = built_session.exec(select(Card).where(Card.retired == False)).all()  # noqa: E712
    asked = {c.claim_id: c.question for c in cards if c.kind in ("cloze", "year")}
    assert {cid: asked.get(cid) for cid in BUNDLED} == BUNDLED
    extracted = set(built_session.exec(select(Claim.id).where(Claim.origin == "extracted")).all())
    curated = [c for c in cards if c.kind in ("cloze", "year") and c.claim_id not in extracted]
    blanks = [c.question for c in curated if "_____" in c.question]
    assert blanks == []
    # "No. 2" and "second-largest" ask the same question: one card
    assert "manning-1993-economy-rank-no2" not in asked
    # ids of generation 2 that kept their meaning (the same figure asked), so progress stays
    ids = {c.id for c in cards}
    assert {"84e7b9a859-cloze", "457cbc1e06-choice", "0b776b2ada-cloze", "7eea709f8f-cloze",
            "6ae6a6ac08-compare"} <= ids
