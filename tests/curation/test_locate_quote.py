"""locate_quote: whitespace and quote marks may differ, nothing else may."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.curation import closest_passage, locate_quote
from claims.errors import DataError

TEXT = (
    "He \u201cdemanded\u201d to legislators that Japan renew its refueling mission.\n\n"
    "Japan\u2019s host-nation support\u00a0(i.e., the sympathy budget) for US forces.\n"
    "an emerging Japan--whose $33-billion defense budget is the world's third largest"
)

# (quote, expected surface in TEXT): tolerated differences, each with why it exists.
FOUND = [
    # straight quotes for curly ones (the 2007 blog prints curly quotes)
    ('He "demanded" to legislators', "He \u201cdemanded\u201d to legislators"),
    # straight apostrophe for a curly one
    ("Japan's host-nation support", "Japan\u2019s host-nation support"),
    # a plain space for a non-breaking space
    ("support (i.e., the sympathy", "support\u00a0(i.e., the sympathy"),
    # one space for a paragraph break (captures split sentences with blank lines)
    ("mission. Japan\u2019s", "mission.\n\nJapan\u2019s"),
    # extra spaces and surrounding whitespace in the curated quote
    ("  the   world's  third largest ", "the world's third largest"),
    # curly apostrophe in the quote, straight in the source
    ("the world\u2019s third largest", "the world's third largest"),
]

# (quote, why it must not be found)
NOT_FOUND = [
    ("an emerging Japan\u2014whose", "an em dash is not two hyphens: only whitespace and quotes"),
    ("he demanded", "case and missing quote marks are real differences"),
    ("$33 billion defense budget", "a hyphen is not a space"),
    ("the worlds third largest", "a missing apostrophe is a different text"),
]


@pytest.mark.parametrize("quote, surface", FOUND, ids=[q for q, _ in FOUND])
def test_found(quote: str, surface: str) -> None:
    start, end = locate_quote(TEXT, quote)
    assert TEXT[start:end] == surface, quote


@pytest.mark.parametrize("quote, why", NOT_FOUND, ids=[q for q, _ in NOT_FOUND])
def test_not_found(quote: str, why: str) -> None:
    with pytest.raises(DataError, match="quote not found in the source"):
        locate_quote(TEXT, quote)


def test_not_found_names_the_closest_passage() -> None:
    with pytest.raises(DataError) as info:
        locate_quote(TEXT, "whose $33 billion defense budget is the world's third")
    assert info.value.message == (
        "quote not found in the source: \"whose $33 billion defense budget is the world's "
        "third\"; closest passage: \"Japan--whose $33-billion defense budget is the world's "
        'third"'
    )


def test_search_window() -> None:
    text = "20 percent here; 20 percent there"
    assert locate_quote(text, "20 percent", 5) == (17, 27)
    with pytest.raises(DataError):
        locate_quote(text, "there", 0, 20)


def test_closest_passage_of_empty_text() -> None:
    assert closest_passage("", "anything") == ""


words = st.text(alphabet="abcxyz'\"\u2019\u201c", min_size=1, max_size=6)
spaces = st.sampled_from([" ", "  ", "\n", "\n\n", "\u00a0", " \t"])


@given(st.lists(st.tuples(words, spaces), min_size=2, max_size=12), st.data())
def test_any_whitespace_and_quote_variant_is_found(parts: list, data: st.DataObject) -> None:
    text = "".join(word + space for word, space in parts)
    i = data.draw(st.integers(0, len(parts) - 1))
    j = data.draw(st.integers(i, len(parts) - 1))
    chosen = parts[i : j + 1]
    quote = " ".join(word for word, _ in chosen)
    quote = quote.replace("\u2019", "'").replace("\u201c", '"')
    start, end = locate_quote(text, quote)
    # the located span reads the same once whitespace and quote marks are normalized
    norm = " ".join(text[start:end].split()).replace("\u2019", "'").replace("\u201c", '"')
    assert norm == quote
