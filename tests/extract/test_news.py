"""Case tables for figures in news text (the news issue), one table per category.

Each row is ``(id, text, expected)``: ``expected`` lists every figure the text must give, in
order, made with :func:`fig`; only the fields given to ``fig`` are compared (the surface
always). ``[]`` means "no figure here". Rows are grouped by where they came from: ISSUE (the
issue's own examples), NEWS (shapes of real news sentences written for the category),
CAUGHT (bugs found while fixing). Known gaps are strict ``xfail`` rows in ``GAPS``.
"""

from __future__ import annotations

from typing import Any

import pytest

from claims.extract import extract

_UNSET: Any = object()


def fig(kind: str, surface: str, value: float | None = _UNSET, unit: str | None = _UNSET, *,
        value_max: float | None = _UNSET, qualifier: str = _UNSET, as_of: int | None = _UNSET,
        note: str | None = _UNSET) -> dict[str, Any]:
    """An expected figure: kind and surface, plus whichever fields the row pins down."""
    fields = {"kind": kind, "surface": surface, "value": value, "unit": unit,
              "value_max": value_max, "qualifier": qualifier, "as_of": as_of, "note": note}
    return {k: v for k, v in fields.items() if v is not _UNSET}


# ---- 1. exact values: scales applied in decimal, not float, arithmetic ----------------------
EXACT_VALUES = [
    ("issue-8.7-trillion-yen", "Japan will spend 8.7 trillion yen next year.",
     [fig("money", "8.7 trillion yen", 8.7e12, "JPY")]),
    ("news-4.3-billion", "The budget rose to $4.3 billion.",
     [fig("money", "$4.3 billion", 4.3e9, "USD")]),
    ("news-0.07-billion", "a $0.07 billion grant", [fig("money", "$0.07 billion", 7e7, "USD")]),
    ("news-1.15-million", "some 1.15 million people voted",
     [fig("count", "some 1.15 million people", 1.15e6, "person")]),
    ("news-letter-T", "a $2.174T economy", [fig("money", "$2.174T", 2.174e12, "USD")]),
    ("news-words-point", "eight point seven trillion yen",
     [fig("money", "eight point seven trillion yen", 8.7e12, "JPY")]),
    ("news-cents", "it cost 20 dollars and 43 cents",
     [fig("money", "20 dollars and 43 cents", 20.43, "USD")]),
    ("news-5.4-trillion", "a record 5.4 trillion yen defense budget",
     [fig("money", "5.4 trillion yen", 5.4e12, "JPY")]),
]

# ---- 2. parenthesised conversions are positive; a negative needs evidence -----------------
PARENTHESES = [
    ("issue-yen-dollar-conversion", "It pays 1.2 trillion yen ($10.5 billion) a year.",
     [fig("money", "1.2 trillion yen", 1.2e12, "JPY", note=None),
      fig("money", "$10.5 billion", 10.5e9, "USD", note=None)]),
    ("issue-yen-symbol-us-dollar", "It paid ¥900 million (US$8.1 million).",
     [fig("money", "¥900 million", 9e8, "JPY"), fig("money", "US$8.1 million", 8.1e6, "USD")]),
    ("news-parenthesised-alone", "The budget (¥5.4 trillion) grew.",
     [fig("money", "¥5.4 trillion", 5.4e12, "JPY")]),
    ("news-loss-of", "The firm posted a net loss of ($99.99).",
     [fig("money", "($99.99)", -99.99, "USD", note="negative: parentheses after 'net loss of'")]),
    ("news-table-line", "Net income | ($5.2 million) | $3.1 million",
     [fig("money", "($5.2 million)", -5.2e6, "USD",
          note="negative: parentheses in a financial table"),
      fig("money", "$3.1 million", 3.1e6, "USD", note=None)]),
    ("news-minus-sign", "Reserves fell to -$5 billion.",
     [fig("money", "-$5 billion", -5e9, "USD", note="negative: minus sign")]),
    ("news-unicode-minus", "a balance of \u2212$3 billion",
     [fig("money", "\u2212$3 billion", -3e9, "USD", note="negative: minus sign")]),
    ("news-minus-word", "minus $2 billion", [fig("money", "minus $2 billion", -2e9, "USD",
                                                  note="negative: 'minus'")]),
    ("news-minus-percent", "growth of -5% in 2009",
     [fig("percent", "-5%", -5.0, "percent", note="negative: minus sign"),
      fig("date", "2009")]),
    ("caught-range-hyphen-not-minus", "from $5-$7 billion",
     [fig("money", "from $5-$7 billion", value_max=7e9, note=None)]),
]

TABLES: dict[str, list[tuple[str, str, list[dict[str, Any]]]]] = {
    "exact_values": EXACT_VALUES,
    "parentheses": PARENTHESES,
}
CASES = [pytest.param(text, expected, id=f"{table}-{case_id}")
         for table, rows in TABLES.items() for case_id, text, expected in rows]


def _got(text: str) -> list[dict[str, Any]]:
    return [e.to_dict() for e in extract(text)]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_news_case(text: str, expected: list[dict[str, Any]]) -> None:
    got = _got(text)
    assert [g["surface"] for g in got] == [e["surface"] for e in expected], text
    for g, e in zip(got, expected, strict=True):
        assert {k: g[k] for k in e} == e, text
