"""Properties of the extractor on any text (hypothesis), and parity of the fast tagger."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.domain import Kind, Qualifier
from claims.extract import extract
from claims.extract._topics import FastTagger
from claims.ingest.textio import read_document
from claims.resources import seeds_dir
from claims.topics import default_tagger
from tests.benchmarks.peer_adapter import extract_quantities  # the name score.py is given

# text that looks like figures: digits, number words, currency, units, punctuation
PIECES = st.sampled_from([
    "$", "¥", "€", "US$", "(", ")", "-", "–", ",", ".", " ", "\n", "%", "/", "'s", "|", "@",
    "1", "12", "1,000", "1992", "49", "0.5", "one", "two", "forty-five", "thousand",
    "billion", "half", "a", "third", "first", "largest", "world", "No.", "percent", "years",
    "months", "about", "more than", "between", "and", "to", "in", "April", "Aug.", "Article",
    "troops", "dollars", "yen", "cents", "1980s", "late", "2 + 2", "(202) 685-3846",
    "x", "İ", "ß", "\u00a0", "\ufeff", "9e300",
])
FIGURE_LIKE = st.lists(PIECES, max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), FIGURE_LIKE)


def _check(text: str) -> None:
    results = extract(text)
    starts = [e.start for e in results]
    assert starts == sorted(starts)
    previous_end = 0
    for e in results:
        assert text[e.start:e.end] == e.surface
        assert e.start >= previous_end, "figures do not overlap"
        previous_end = e.end
        assert e.kind in set(Kind) and e.qualifier in set(Qualifier)
        assert e.value is None or math.isfinite(e.value)
        assert e.value_max is None or math.isfinite(e.value_max)
        assert e.sentence_start <= e.start <= e.end <= e.sentence_end <= len(text)


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_any_text_gives_valid_ordered_finite_figures(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_peer_adapter_spans_are_valid(text: str) -> None:
    for q in extract_quantities(text):
        assert 0 <= q["start"] < q["end"] <= len(text)
        assert math.isfinite(q["value"])


def test_fast_tagger_tags_like_the_shared_tagger() -> None:
    fast, slow = FastTagger(), default_tagger()
    sentences = []
    for path in sorted(seeds_dir().glob("*.txt")):
        text = read_document(path).text
        sentences += [s for s in text.replace("\n", " ").split(". ") if s.strip()]
    assert len(sentences) > 200
    for sentence in sentences:
        assert fast.tag(sentence) == slow.tag(sentence), sentence


@pytest.mark.slow  # ~3.5 s: the tagger's regexes rebuilt per example
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.sampled_from([
    "trade", "trades", "U.S. forces", "forces", "surpluses", "Okinawan", "nuclear", "tpp",
    "host-nation support", "-", ".", "ab", "İ"]), st.text(max_size=5)), max_size=20).map(" ".join))
def test_fast_tagger_matches_on_random_text(text: str) -> None:
    assert FastTagger().tag(text) == default_tagger().tag(text)


ADVERSARIAL = {
    "digits": "7" * 200_000,
    "dollars": "$" * 200_000,
    "one one one": "one " * 50_000,
    "dollar amounts": "$1 " * 60_000,
    "one long line": ("about 80 percent of 45,000 troops in 1992 " * 5_000),
    "no spaces": "a1b2c3$4%" * 20_000,
    "hyphens": "5-" * 100_000,
}


@pytest.mark.slow  # ~8-10 s: 1.4 MB of hostile text through the whole extractor
def test_adversarial_inputs_keep_their_invariants() -> None:
    # linear time is shown by tests/benchmarks/test_extract_speed.py; here: correct output
    for name, text in ADVERSARIAL.items():
        results = extract(text)
        assert all(text[e.start:e.end] == e.surface for e in results), name
