"""Case tables for the number forms added for the peer suites (issue 11, peer F1): each row
is (id, text, expected readings) for ``read_quantities`` (the permissive reader of typed
answers and the peer scorer), and, where the form is prose too, for ``extract``.

A reading is (kind, surface, value, unit). Rows are grouped by category; each names a
general form, not one suite sentence.
"""

from __future__ import annotations

import pytest

from claims.extract import extract, read_quantities

Reading = tuple[str, str, float, str | None]

# ---- durations: an article, a fraction of a unit, compounds ---------------------------
DURATIONS: list[tuple[str, str, list[Reading]]] = [
    ("article-hour", "I'll leave for an hour", [("duration", "an hour", 1.0, "hour")]),
    ("another-business-day", "Can we wait another business day?",
     [("duration", "another business day", 1.0, "day")]),
    ("all-day", "I'll leave for all-day", [("duration", "all-day", 1.0, "day")]),
    ("couple-of-days", "away for a couple of days.",
     [("duration", "a couple of days", 2.0, "day")]),
    ("fortnight", "I'll leave for a fortnight.", [("duration", "a fortnight", 2.0, "week")]),
    ("article-then-compound", "an hour and 45 minutes",
     [("duration", "an hour and 45 minutes", 105.0, "minute")]),
    ("unit-and-half", "one month and half", [("duration", "one month and half", 1.5, "month")]),
    ("hour-then-minutes", "1 hour thirty", [("duration", "1 hour thirty", 90.0, "minute")]),
    ("hour-and-minutes", "2 hour and 10", [("duration", "2 hour and 10", 130.0, "minute")]),
    ("a-second-is-an-idiom", "On a second thought, I'll skip it.", []),
]

# ---- fractions of one unit, and "and a half" after a whole number ----------------------
FRACTIONS: list[tuple[str, str, list[Reading]]] = [
    ("half-an-hour", "half an hour", [("duration", "half an hour", 0.5, "hour")]),
    ("quarters-of-hour", "one and three quarters of hour",
     [("duration", "one and three quarters of hour", 1.75, "hour")]),
    ("half-a-percentage-point", "It rose half a percentage point.",
     [("percent", "half a percentage point", 0.5, "percentage point")]),
    ("digits-and-a-half", "5 and a half minutes",
     [("duration", "5 and a half minutes", 5.5, "minute")]),
    ("words-and-half", "five and half min", [("duration", "five and half min", 5.5, "minute")]),
    ("scale-and-a-half", "The population is 3 million and a half",
     [("count", "3 million and a half", 3.5e6, None)]),
    ("words-scale-and-fifths", "They have two million and three fifths",
     [("count", "two million and three fifths", 2.6e6, None)]),
    ("fraction-of-a-scale-word", "one billion and a half million",
     [("count", "one billion and a half million", 1.0005e9, None)]),
    ("a-first-is-no-figure", "Book a first class seat", []),
]

# ---- numbers: powers, indefinite numerals, pronouns, identifiers -----------------------
NUMBERS: list[tuple[str, str, list[Reading]]] = [
    ("power", "1.1^23", [("count", "1.1^23", 1.1 ** 23, None)]),
    ("negative-power", "2.5^-1", [("count", "2.5^-1", 0.4, None)]),
    ("times-ten-caret", "1.3x10^6", [("count", "1.3x10^6", 1.3e6, None)]),
    ("times-ten-minus-sign", "a factor of 2.48\u00d710\u22125, with",
     [("count", "2.48\u00d710\u22125", 2.48e-5, None)]),
    ("a-couple", "a couple", [("count", "a couple", 2.0, None)]),
    ("bakers-dozen", "A baker's dozen is 13", [("count", "A baker's dozen", 13.0, None),
                                               ("count", "13", 13.0, None)]),
    ("pronoun-one", "That one is really good", []),
    ("pronoun-which-one", "Which one do you prefer?", []),
    ("code-digits-letters", "the object SCP 06F6 was", []),
    ("code-plus", "cluster J1149.5+6663 was", []),
    ("century-is-a-period", "in the 21st century", []),
    ("unit-power", "over 5 fb\u22121 of data", [("count", "over 5", 5.0, None)]),
    ("comma-after-a-scale", "three million, two hundred & forty, you say?",
     [("count", "three million, two hundred & forty", 3000240.0, None)]),
    ("comma-of-a-list", "one, two, three", [("count", "one", 1.0, None),
                                           ("count", "two", 2.0, None),
                                           ("count", "three", 3.0, None)]),
    ("comma-before-a-clause", "It cost three million, two officials said",
     [("count", "three million", 3e6, None), ("count", "two officials", 2.0, "official")]),
]

# ---- fractions written out: "over", "in", one-character fractions --------------------------
OVER: list[tuple[str, str, list[Reading]]] = [
    ("one-over-digits", "one over 20", [("ratio", "one over 20", 0.05, None)]),
    ("negative-over", "The answer is negative one over 20",
     [("ratio", "negative one over 20", -0.05, None)]),
    ("digits-over", "2000 over 3", [("count", "2000 over 3", 2000 / 3, None)]),
    ("one-in", "1 in twenty-one", [("ratio", "1 in twenty-one", 1 / 21, None)]),
    ("in-a-year-is-no-fraction", "1 in 2008", [("count", "1", 1.0, None),
                                              ("date", "2008", 2008.0, None)]),
    ("over-a-duration", "5 over 10 years", [("count", "5", 5.0, None),
                                           ("duration", "over 10 years", 10.0, "year")]),
    ("over-before-a-noun", "it won 3 over 2 rivals",
     [("count", "3", 3.0, None), ("count", "over 2 rivals", 2.0, "rival")]),
    ("vulgar", "the result is \u2159 and sometimes \u00bd",
     [("ratio", "\u2159", 1 / 6, None), ("ratio", "\u00bd", 0.5, None)]),
    ("vulgar-after-digits", "It grew 3\u00bd percent",
     [("percent", "3\u00bd percent", 3.5, "percent")]),
]

# ---- digit groups ------------------------------------------------------------------------
GROUPS: list[tuple[str, str, list[Reading]]] = [
    ("spaced-groups-before-a-stop", "Its population is 1 414 021 100.",
     [("count", "1 414 021 100", 1414021100.0, None)]),
    ("narrow-spaces-and-decimals", "1\u202f234\u202f567.89 is valid",
     [("count", "1\u202f234\u202f567.89", 1234567.89, None)]),
    ("lakh-grouping", "The result is 12,34,567.89", [("count", "12,34,567.89", 1234567.89, None)]),
    ("sign-before-a-point", "-.0012", [("count", "-.0012", -0.0012, None)]),
]

# ---- money: an article before a currency name, cents, currencies -----------------------------
MONEY: list[tuple[str, str, list[Reading]]] = [
    ("a-dollar", "a dollar", [("money", "a dollar", 1.0, "USD")]),
    ("a-penny", "Oh look, a penny!", [("money", "a penny", 0.01, "")]),
    ("dollars-then-cents", "it costs only 15 dollars 50.",
     [("money", "15 dollars 50", 15.5, "USD")]),
    ("dollars-and-cents", "It costs 15 dollars and 50.",
     [("money", "15 dollars and 50", 15.5, "USD")]),
    ("code-then-cents", "It will rise to 17 USD 25.", [("money", "17 USD 25", 17.25, "USD")]),
    ("cents-in-words", "it only cost thirteen dollars forty-five cents",
     [("money", "thirteen dollars forty-five cents", 13.45, "USD")]),
    ("cents-before-a-noun", "It cost 5 dollars and 20 others paid.",
     [("money", "5 dollars", 5.0, "USD"), ("count", "20 others", 20.0, "other")]),
    ("colon-sign", "The price of this book is 100 \u20a1",
     [("money", "100 \u20a1", 100.0, "CRC")]),
    ("lari-glued", "I spend 100\u20be buying", [("money", "100\u20be", 100.0, "GEL")]),
    ("mexican-prefix", "Sell Mex$ 10 million forward",
     [("money", "Mex$ 10 million", 1e7, "MXN")]),
    ("million-code", "losses in excess of 30 MUSD",
     [("money", "in excess of 30 MUSD", 3e7, "USD")]),
    ("minor-unit", "2 satoshis", [("money", "2 satoshis", 2e-8, "BTC")]),
    ("glued-code", "10MNT", [("money", "10MNT", 10.0, "MNT")]),
    ("suffixed-us-dollar", "3.14US$", [("money", "3.14US$", 3.14, "USD")]),
    ("old-currency", "6.65 billion pesetas", [("money", "6.65 billion pesetas", 6.65e9, "ESP")]),
]

TABLES = {"durations": DURATIONS, "fractions": FRACTIONS, "numbers": NUMBERS, "over": OVER,
          "groups": GROUPS, "money": MONEY}
CASES = [pytest.param(text, expected, id=f"{table}-{case_id}")
         for table, rows in TABLES.items() for case_id, text, expected in rows]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_read_quantities(text: str, expected: list[Reading]) -> None:
    got = [(q.kind, q.surface, q.value, q.unit) for q in read_quantities(text)]
    assert [g[:2] for g in got] == [e[:2] for e in expected], text
    for g, e in zip(got, expected, strict=True):
        assert g[2] == pytest.approx(e[2]) and g[3] == e[3], text


# forms that prose (``extract``) reads the same way: (id, text, surface, value, unit)
PROSE = [
    ("half-an-hour", "The talks lasted half an hour.", "half an hour", 0.5, "hour"),
    ("half-a-percentage-point", "Rates rose half a percentage point in May.",
     "half a percentage point", 0.5, "percentage point"),
    ("and-a-half", "It grew 2 and a half percent.", "2 and a half percent", 2.5, "percent"),
    ("scale-and-a-half", "Some 3 million and a half people voted.",
     "Some 3 million and a half people", 3.5e6, "person"),
    ("hours-and-half", "The meeting ran two hours and a half.", "two hours and a half", 2.5,
     "hour"),
    ("one-over-20", "The odds were one over 20.", "one over 20", 0.05, None),
    ("one-in-five", "One in five voters said no.", "One in five", 0.2, None),
    ("dollars-then-cents", "It costs 15 dollars 50.", "15 dollars 50", 15.5, "USD"),
    ("vulgar-fraction", "Sales grew 3\u00bd percent.", "3\u00bd percent", 3.5, "percent"),
    ("comma-after-a-scale", "a million, two hundred thousand people came",
     "a million, two hundred thousand people", 1.2e6, "person"),
    # found on the Wikinews suite (tests/benchmarks/news): general forms, not its sentences
    ("partitive-count", "Police said four of whom were hurt.", "four", 4.0, None),
    ("count-and-more", "Most died and seven more were injured.", "seven", 7.0, None),
    ("scale-words-alone", "Cases surpassed one million on Monday.", "one million", 1e6, None),
    ("hyphenated-share", "It had a three-in-five chance.", "three-in-five", 0.6, None),
    ("share-with-in", "Three in five voters agreed.", "Three in five", 0.6, None),
    ("lari", "Bail was 100,000 Georgian lari.", "100,000 Georgian lari", 1e5, "GEL"),
]


# prose readings that are no figure, or not the figure a careless rule would make
PROSE_NOT: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("utc-clock", "The capsule docked today at 1429 UTC.", []),
    ("hyphen-glued-name", "A Boeing 737-800 jet crashed.", []),
    ("mixed-unit-range", "children between six months and 19 years of age",
     [("duration", "six months"), ("duration", "19 years")]),
    ("five-in-a-year", "It rose five in 2008.", [("date", "2008")]),
    ("bare-word", "the four should discuss", []),
]


@pytest.mark.parametrize(("text", "expected"),
                         [pytest.param(t, e, id=i) for i, t, e in PROSE_NOT])
def test_prose_not(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.kind, e.surface) for e in extract(text)] == expected, text


@pytest.mark.parametrize(("text", "surface", "value", "unit"),
                         [pytest.param(*row[1:], id=row[0]) for row in PROSE])
def test_prose(text: str, surface: str, value: float, unit: str) -> None:
    got = [(e.surface, e.value, e.unit) for e in extract(text) if e.kind != "date"]
    assert got == [(surface, pytest.approx(value), unit)], text


def test_prose_keeps_the_pronoun_one_and_the_code_out() -> None:
    assert extract("Which one do you prefer? The 21st century began.") == []


def test_every_relative_phrase_holds_a_key() -> None:
    """``relative_dates`` searches only around ``RELATIVE_KEYS``: every phrase must hold one,
    and its key must lie within ``RELATIVE_REACH`` of its start."""
    from claims.extract import _patterns as P
    from claims.extract import _tables as T

    phrases = [*T.RELATIVE_YEARS, *T.RELATIVE_MONTHS,
               *(f"end of {m}" for m in T.MONTH_NAMES)]
    for phrase in phrases:
        at = min((phrase.lower().find(k) for k in P.RELATIVE_KEYS if k in phrase.lower()),
                 default=-1)
        assert 0 <= at <= P.RELATIVE_REACH, phrase


def test_relative_dates_found_around_their_keys() -> None:
    from claims.extract import _patterns as P
    from claims.extract._context import _relative_matches

    text = ("In the previous fiscal year it fell; by the end of November, and "
            "last year, yesterday and next month it rose, but the yearly total did not.")
    assert [m.span() for m in _relative_matches(text)] == \
        [m.span() for m in P.RELATIVE_DATE.finditer(text)]
