"""One sentence splitter (claims.sentences) for both of its consumers.

Each case is (text, figure, sentence): the extractor must find ``figure`` and give it
``sentence`` as its sentence (``Extraction.sentence_start/sentence_end``), and curation's
``sentence_span`` must give the same span for the figure's offsets. Rows say why they exist.
"""

from __future__ import annotations

import doctest

import pytest

import claims.sentences
from claims.curation import sentence_span
from claims.extract import extract
from claims.sentences import Sentences

ABBREVIATIONS = [
    # "U.N." once ended the sentence for curation (its list had no "u.n")
    ("Officials at the U.N. said more than 45,000 troops stayed. Others left.",
     "more than 45,000 troops",
     "Officials at the U.N. said more than 45,000 troops stayed."),
    ("Troops in the U.S. The report counted 45,000 troops in all.", "45,000 troops",
     "The report counted 45,000 troops in all."),  # a sentence-starting word after "U.S."
    ("Dr. Smith and Mr. Jones said 45,000 troops stayed. Others left.", "45,000 troops",
     "Dr. Smith and Mr. Jones said 45,000 troops stayed."),
    ("Report No. 75 counted 45,000 troops. Others left.", "45,000 troops",
     "Report No. 75 counted 45,000 troops."),
    ("It began on Aug. 17 with 45,000 troops. Others came later.", "45,000 troops",
     "It began on Aug. 17 with 45,000 troops."),
    ("Sony Corp. Chairman Akio Morita cut 5,000 jobs. Others followed.", "5,000 jobs",
     "Sony Corp. Chairman Akio Morita cut 5,000 jobs."),
    ("Japan, Korea, etc. sent 500 troops. Others did not.", "500 troops",
     "Japan, Korea, etc. sent 500 troops."),  # "etc." before a lower-case word goes on
    ("They sent ships, planes, etc. Then 500 troops left.", "500 troops",
     "Then 500 troops left."),  # ... and ends the sentence before a capital
]

INITIALS = [
    ("Patrick M. Cronin wrote that 45,000 troops stayed. Others left.", "45,000 troops",
     "Patrick M. Cronin wrote that 45,000 troops stayed."),
    ("They fought in World War I. The war cost 9 million lives.", "9 million lives",
     "The war cost 9 million lives."),
]

NUMBERS_AND_MARKS = [
    ("Growth was 2.5 percent in 1995. It fell later.", "2.5 percent",
     "Growth was 2.5 percent in 1995."),  # a decimal point is no period
    ("Why were 45,000 troops there? Nobody knows.", "45,000 troops",
     "Why were 45,000 troops there?"),
    # an ellipsis before a lower-case word goes on ...
    ("The plan... cost $5 billion in all. Then it grew.", "$5 billion",
     "The plan... cost $5 billion in all."),
    # ... and ends the sentence before a capital
    ("It waited... Then 45,000 troops left.", "45,000 troops", "Then 45,000 troops left."),
    # closing quotes belong to the sentence they close
    ('He said "we will send 500 troops." Then he left.', "500 troops",
     'He said "we will send 500 troops."'),
    ('He said "no." Then 500 troops left.', "500 troops", "Then 500 troops left."),
    ("**The base holds 45,000 troops.** The rest is bold.", "45,000 troops",
     "The base holds 45,000 troops."),  # Markdown marks around a sentence are trimmed
]

LINES = [
    ("A heading with 45,000 troops\n\nThe next paragraph.", "45,000 troops",
     "A heading with 45,000 troops"),  # a blank line ends a sentence
    ("A heading\n\nThere were 45,000 troops here", "45,000 troops",
     "There were 45,000 troops here"),
    # one line break does not: hard-wrapped prose (curation once stopped at every line)
    ("There were 45,000\ntroops in Japan. Others left.", "45,000",
     "There were 45,000\ntroops in Japan."),
    ("Points:\n- 45,000 troops stay\n- others go", "45,000 troops",
     "45,000 troops stay"),  # a list item is a sentence; its bullet is trimmed
]

CASES = [*(("abbreviations", *c) for c in ABBREVIATIONS),
         *(("initials", *c) for c in INITIALS),
         *(("numbers and marks", *c) for c in NUMBERS_AND_MARKS),
         *(("lines", *c) for c in LINES)]


@pytest.mark.parametrize(("group", "text", "figure", "sentence"), CASES,
                         ids=[f"{c[0]}:{c[1][:40]}" for c in CASES])
def test_both_consumers_give_the_same_sentence(group: str, text: str, figure: str,
                                               sentence: str) -> None:
    [e] = [e for e in extract(text) if e.surface == figure]
    extracted = text[e.sentence_start:e.sentence_end]
    s, t = sentence_span(text, e.start, e.end)
    assert (extracted, text[s:t]) == (sentence, sentence), text


def test_a_quote_of_several_sentences_keeps_them_all() -> None:
    text = "One. The U.S. forces stay. They will. Two."
    start = text.index("The")
    end = text.index(" Two")
    assert sentence_span(text, start, end) == (start, end)
    # a quote that stops just before a period ends there, not at the next period
    assert sentence_span(text, start, end - 1) == (start, end)


def test_spans_asked_out_of_order_agree_with_fresh_ones() -> None:
    text = " ".join(text for _, text, _, _ in CASES)
    spans = [(i, i + 3) for i in range(0, len(text) - 3, 7)]
    shared = Sentences(text)
    for start, end in [*reversed(spans), *spans]:
        assert shared.span(start, end) == sentence_span(text, start, end)


def test_doctests() -> None:
    assert doctest.testmod(claims.sentences).failed == 0
