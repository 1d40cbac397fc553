"""Answer checking: a table of accepted and rejected answers, grouped by where they came from."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.extract import read_quantities
from claims.study.answers import (
    AnswerCheck,
    check_answer,
    normalize,
    parse_rating,
    suggest_rating,
)
from claims.study.numerals import format_like


def figure(surface: str, kind: str, value: float, unit: str | None = None,
           qualifier: str = "exact", value_max: float | None = None) -> dict[str, Any]:
    return {"type": "figure", "surface": surface, "kind": kind, "value": value,
            "value_max": value_max, "unit": unit, "qualifier": qualifier}


SURPLUS = figure("$49-billion", "money", 49e9, "USD")
FORCES = figure("more than 45,000", "count", 45_000, "troops", "more than")
ONE_FIFTH = figure("one-fifth", "ratio", 0.2)
TWENTY_PERCENT = figure("20 percent", "percent", 20, "percent")
SUPPORT = figure("about 80 percent", "percent", 80, "percent", "approximately")
BUDGET = figure("$33-billion", "money", 33e9, "USD")
YEARS = figure("5-to-7 years", "duration", 5, "year", "range", 7)
RANK = figure("third largest", "rank", 3)
TWO_YEARS = figure("two years", "duration", 2, "year")
LARGEST = figure("world's largest", "rank", 1)
YEAR_1972 = figure("1972", "date", 1972, "year")
CRONIN = {"type": "source", "display": "Patrick M. Cronin (1996)",
          "accept": ["Cronin", "Patrick M. Cronin", "cronin-1996",
                     "National Defense University"]}
GLOSSERMAN = {"type": "source", "display": "Brad Glosserman",
              "accept": ["Glosserman", "Brad Glosserman", "Pacific Forum CSIS"]}
NOEL = {"type": "source", "display": "Éric Noël", "accept": ["Noël", "Éric Noël"]}
YEAR = {"type": "year", "year": 1996}
CORNERSTONE = {"type": "text", "text": "cornerstone"}
AGREE = {"type": "yesno", "value": True, "display": "yes"}
DIFFER = {"type": "yesno", "value": False, "display": "No — they differ"}
# The curated U.S. forces figure as stored: its counted noun is "personnel".
PERSONNEL = figure("more than 45,000", "count", 45_000, "personnel", "more than")
MONTHS_18 = figure("18 months", "duration", 18, "month")
YEAR_AND_A_HALF = figure("year and a half", "duration", 1.5, "year")
TEN_YEARS = figure("10 years", "duration", 10, "year")
# Year cards ask the year of the fact; a date of day or month precision asks for those too.
AUG_7 = {"type": "year", "year": 2017, "month": 8, "day": 7, "year_shown": False,
         "surface": "Aug. 7"}
JAN_2009 = {"type": "year", "year": 2009, "month": 1, "surface": "January 2009"}
YEAR_1992 = {"type": "year", "year": 1992}
GUIDELINES_1978 = figure("1978", "date", 1978, "year")
MANNING = {"type": "source", "display": "Manning (1993)",
           "accept": ["Manning", "Robert A. Manning", "manning-1993", "Los Angeles Times"]}
JAPAN = {"type": "text", "text": "Japan"}


class Case(NamedTuple):
    spec: dict[str, Any]
    given: str
    correct: bool
    partial: bool = False
    why: str = ""


# The examples the issue names, word for word.
ISSUE = [
    Case(SURPLUS, "49 billion dollars", True),
    Case(SURPLUS, "$49B", True),
    Case(SURPLUS, "$49-billion", True),
    Case(SURPLUS, "49,000,000,000", True),
    Case(SURPLUS, "forty-nine billion", True),
    Case(FORCES, "45000", True),
    Case(FORCES, "45,000 troops", True),
    Case(ONE_FIFTH, "20%", True),
    Case(ONE_FIFTH, "one fifth", True),
    Case(CRONIN, "cronin", True, why="surname, any case"),
]

# More ways a student writes a right answer.
ACCEPTED = [
    Case(SURPLUS, "49bn", True),
    Case(SURPLUS, "US$49 billion", True),
    Case(SURPLUS, "49 thousand million", False, why="not read as 49e9; honest miss"),
    Case(SURPLUS, "49", True, partial=True, why="right number, scale left out: Hard"),
    Case(SURPLUS, "$49,000 million", True),
    Case(FORCES, "more than 45,000", True),
    Case(FORCES, "over 45k", True),
    Case(FORCES, "48,000", True, why="above 45,000 and within 10 %"),
    Case(ONE_FIFTH, "1/5", True),
    Case(ONE_FIFTH, "a fifth", True),
    Case(ONE_FIFTH, "0.2", True),
    Case(ONE_FIFTH, "20", True, why="bare 20 read as percent"),
    Case(ONE_FIFTH, "twenty percent", True),
    Case(TWENTY_PERCENT, "one-fifth", True),
    Case(TWENTY_PERCENT, "20%", True),
    Case(SUPPORT, "80%", True),
    Case(SUPPORT, "about 75 percent", True, why="approximately: within 10 %"),
    Case(SUPPORT, "four fifths", True),
    Case(BUDGET, "33 billion", True),
    Case(YEARS, "5 to 7 years", True),
    Case(YEARS, "6 years", True, why="inside the range"),
    Case(TWO_YEARS, "2", True),
    Case(TWO_YEARS, "two yrs", True, why="the extractor's time units: 'yrs' is years"),
    Case(TWO_YEARS, "2 year", True),
    Case(FORCES, "45,000 U.S. troops", True, why="the noun matches the unit"),
    Case(RANK, "third", True),
    Case(RANK, "3rd", True),
    Case(LARGEST, "largest", True, why="a bare superlative ranks first"),
    Case(LARGEST, "the biggest", True),
    Case(YEAR_1972, "in 1972", True),
    Case(CRONIN, "Patrick Cronin", True),
    Case(CRONIN, "CRONIN, P.", True),
    Case(CRONIN, "cronin-1996", True),
    Case(CRONIN, "the National Defense University", True),
    Case(GLOSSERMAN, "glosserman", True),
    Case(NOEL, "noel", True, why="accents aside"),
    Case(NOEL, "NOËL", True),
    Case(YEAR, "1996", True),
    Case(YEAR, "in 1996.", True),
    Case(CORNERSTONE, "the cornerstone", True),
    Case(CORNERSTONE, "Cornerstone", True),
    Case(AGREE, "yes", True),
    Case(AGREE, "Y", True),
    Case(AGREE, "they agree", True),
]

# Wrong answers a teacher marks wrong.
REJECTED = [
    Case(SURPLUS, "49 million", False, why="wrong scale"),
    Case(SURPLUS, "$125 billion", False, why="the other surplus"),
    Case(SURPLUS, "49 billion yen", False, why="wrong currency"),
    Case(SURPLUS, "$4.9 billion", False),
    Case(SURPLUS, "", False),
    Case(SURPLUS, "a lot", False),
    Case(FORCES, "40,000", False, why="less than the 'more than' figure"),
    Case(FORCES, "60,000", False, why="too far above"),
    Case(FORCES, "4500", False),
    Case(ONE_FIFTH, "one quarter", False),
    Case(ONE_FIFTH, "50%", False),
    Case(ONE_FIFTH, "two fifths", False),
    Case(SUPPORT, "60 percent", False),
    Case(BUDGET, "$49-billion", False),
    Case(YEARS, "10 years", False),
    Case(TWO_YEARS, "two countries", False, why="a different counted noun"),
    Case(RANK, "second", False),
    Case(RANK, "largest", False, why="largest is first, not third"),
    Case(LARGEST, "second largest", False),
    Case(YEAR_1972, "1975", False),
    Case(CRONIN, "Manning", False),
    Case(CRONIN, "", False),
    Case(CRONIN, "Cron", False, why="a prefix is not a surname"),
    Case(YEAR, "1995", False, why="years are exact"),
    Case(YEAR, "96", False),
    Case(CORNERSTONE, "foundation", False),
    Case(AGREE, "no", False),
    Case(AGREE, "maybe", False),
    # "I don't know" in any words is wrong, whichever way the card goes ("no idea" is no no).
    Case(AGREE, "yes and no", False),
    Case(DIFFER, "no idea", False),
    Case(DIFFER, "No clue.", False),
    Case(DIFFER, "not sure", False),
    Case(DIFFER, "I don't know", False),
    Case(DIFFER, "no, they differ", True),
    Case(DIFFER, "No — 50,000 is another figure", True),
    Case(DIFFER, "nope", True),
    Case(AGREE, "no idea", False),
]

# "Answers checked as a teacher would": the second issue's examples, word for word.
TEACHER = [
    Case(PERSONNEL, "45,000 troops", True, why="troops are personnel (COUNTED_NOUNS)"),
    Case(PERSONNEL, "45,000 soldiers", True),
    Case(PERSONNEL, "more than 45,000 personnel", True),
    Case(PERSONNEL, "over 45,000 U.S. forces", True),
    Case(PERSONNEL, "45,000 countries", False, why="another counted noun"),
    Case(PERSONNEL, "45,000 dollars", False, why="money is not a head count"),
    Case(MONTHS_18, "a year and a half", True),
    Case(MONTHS_18, "1.5 years", True),
    Case(MONTHS_18, "one and a half years", True),
    Case(MONTHS_18, "two years", False),
    Case(YEAR_AND_A_HALF, "18 months", True),
    Case(TEN_YEARS, "a decade", True, why="an article before a time unit is one of it"),
    Case(TEN_YEARS, "one decade", True),
    Case(TEN_YEARS, "ten years", True),
    Case(TEN_YEARS, "two decades", False),
    Case(TEN_YEARS, "a year", False),
    Case(AUG_7, "August 7", True),
    Case(AUG_7, "Aug. 7", True),
    Case(AUG_7, "7 August 2017", True),
    Case(AUG_7, "2017-08-07", True),
    Case(AUG_7, "Aug 7, 2017", True),
    Case(AUG_7, "August 2017", True, partial=True, why="the day left out: Hard"),
    Case(AUG_7, "August 8", False, why="wrong day"),
    Case(AUG_7, "September 7", False, why="wrong month"),
    Case(AUG_7, "7 August 2016", False, why="wrong year"),
    Case(JAN_2009, "January 2009", True),
    Case(JAN_2009, "Jan. 2009", True),
    Case(JAN_2009, "2009-01", True),
    Case(JAN_2009, "in January 2009", True),
    Case(JAN_2009, "2009", True, partial=True, why="the month left out: Hard"),
    Case(JAN_2009, "January", False, why="the year is the point"),
    Case(JAN_2009, "February 2009", False),
    Case(JAN_2009, "January 2008", False),
    Case(YEAR_1992, "in 1992", True),
    Case(YEAR_1992, "1992", True),
    Case(YEAR_1992, "1993", False, why="the year of publication, not of the fact"),
    Case(GUIDELINES_1978, "the 1978 Guidelines", True),
    Case(GUIDELINES_1978, "in 1978", True),
    Case(GUIDELINES_1978, "1997", False, why="the revision's year"),
    Case(MANNING, "Manning", True),
    Case(MANNING, "Maning", True, partial=True, why="one letter missing: Hard"),
    Case(MANNING, "Maninq", False, why="two slips"),
    Case(MANNING, "Mannign", True, partial=True, why="two letters swapped: one slip"),
    Case(MANNING, "Man", False),
    Case(JAPAN, "Japan", True),
    Case(JAPAN, "Tokyo", True, why="the capital for the country"),
    Case(JAPAN, "Beijing", False),
    Case(JAPAN, "Washington", False),
    Case(SURPLUS, "$49 trillion", False, why="wrong scale"),
    Case(SURPLUS, "49 billion euros", False, why="wrong currency"),
]

ALL = [(f"issue-{i}", c) for i, c in enumerate(ISSUE)]
ALL += [(f"teacher-{i}", c) for i, c in enumerate(TEACHER)]
ALL += [(f"accepted-{i}", c) for i, c in enumerate(ACCEPTED)]
ALL += [(f"rejected-{i}", c) for i, c in enumerate(REJECTED)]


@pytest.mark.parametrize(
    "case", [c for _, c in ALL],
    ids=[f"{label}-{c.given or 'empty'}" for label, c in ALL],
)
def test_answer_table(case: Case) -> None:
    expected = case.spec.get("surface") or case.spec.get("display") or str(case.spec)
    verdict = check_answer(case.spec, expected, case.given)
    assert (verdict.correct, verdict.partial) == (case.correct, case.partial), (
        f"{case.given!r} for {expected!r}: {verdict} ({case.why})"
    )


CHOICES = ["$24.5-billion", "$49-billion", "$98-billion", "$490-billion"]


@pytest.mark.parametrize(
    ("given", "correct"),
    [("b", True), ("B", True), ("2", True), ("(b)", True), ("$49-billion", True),
     ("a", False), ("4", False), ("$98-billion", False), ("49 billion", True), ("z", False)],
)
def test_choice_answers(given: str, correct: bool) -> None:
    verdict = check_answer(SURPLUS, "$49-billion", given, CHOICES)
    assert verdict.correct is correct, given


def test_wrong_currency_says_why() -> None:
    verdict = check_answer(SURPLUS, "$49-billion", "49 billion yen")
    assert verdict == AnswerCheck(False, "$49-billion", note="wrong currency (JPY)")


@pytest.mark.parametrize(
    ("verdict", "duration_ms", "rating"),
    [
        (AnswerCheck(False, "x"), None, 1),
        (AnswerCheck(False, "x"), 1000, 1),
        (AnswerCheck(True, "x"), None, 3),
        (AnswerCheck(True, "x"), 2_000, 4),
        (AnswerCheck(True, "x"), 10_000, 3),
        (AnswerCheck(True, "x"), 45_000, 2),
        (AnswerCheck(True, "x", partial=True), 2_000, 2),
    ],
)
def test_verdict_to_rating(verdict: AnswerCheck, duration_ms: int | None, rating: int) -> None:
    assert suggest_rating(verdict, duration_ms) == rating


@pytest.mark.parametrize(
    ("duration_ms", "rating"), [(2_000, 3), (None, 3), (45_000, 2)],
    ids=["quick", "untimed", "slow"],
)
def test_a_quick_right_answer_to_a_new_card_is_good_not_easy(
    duration_ms: int | None, rating: int
) -> None:
    verdict = AnswerCheck(True, "x")
    assert suggest_rating(verdict, duration_ms, new=True) == rating, duration_ms
    assert verdict.suggested_rating(duration_ms, new=True) == rating, duration_ms


@pytest.mark.parametrize(("text", "value"), [("again", 1), ("H", 2), ("good", 3), ("4", 4)])
def test_parse_rating(text: str, value: int) -> None:
    assert parse_rating(text) == value


def test_parse_rating_rejects() -> None:
    with pytest.raises(ValueError, match="unknown rating 'great': use again, hard, good or easy"):
        parse_rating("great")


def test_normalize_drops_accents_and_punctuation() -> None:
    assert normalize("Noël, É.") == "noel e"


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_with_commas_read_back(n: int) -> None:
    assert [f.value for f in read_quantities(f"{n:,}")] == [float(n)]


@given(st.integers(min_value=1, max_value=999),
       st.sampled_from([" billion", " million", "bn", " bn", "M", "B", "-billion"]))
def test_scaled_numbers_read_back(n: int, scale: str) -> None:
    factor = {"billion": 1e9, "million": 1e6, "bn": 1e9, "M": 1e6, "B": 1e9}[scale.strip(" -")]
    assert read_quantities(f"${n}{scale}")[0].value == n * factor


@given(st.integers(min_value=1, max_value=10**6))
def test_format_like_reads_back(n: int) -> None:
    text = format_like(n * 1e9, "$49-billion", "money") or ""
    assert read_quantities(text)[0].value == n * 1e9
    assert text.endswith("-billion") and text.startswith("$")
