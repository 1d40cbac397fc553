"""Sentence boundaries: the one splitter of the extractor and of curated quotes.

A sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets after it)
before white space, at a blank line, and before a line that starts a list item or a
heading. Single line breaks end nothing: hard-wrapped prose keeps its sentences. A period
is no end

- after an abbreviation (``ABBREVIATIONS``: "the U.N. said", "No. 75", "Aug. 17") or an
  initial ("Patrick M. Cronin"), unless a word of ``SENTENCE_STARTERS`` follows
  ("... with the U.S. Even so");
- after a word of ``ENDS_UNLESS_LOWER`` ("etc.") or in an ellipsis ("...") when a
  lower-case word follows ("Japan, Korea, etc. sent troops"; "etc. Then" ends);
- inside a number ("2.5") or a word ("www.ndu.edu"): no white space follows.

A sentence's span leaves out leading and trailing white space, bullets and Markdown marks.

``Sentences(text).span(start, end)`` reads boundaries as far as the text it is asked
about, so asking about every figure of a text costs one pass over it (the extractor asks
once per figure, in order of position); ``sentence_span(text, start, end)`` asks once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

# Words that, before a period, do not end a sentence (written as printed, without the
# final period; matched case-sensitively). Their period ends a sentence only when a word
# of SENTENCE_STARTERS follows.
ABBREVIATIONS = frozenset("""
    U.S U.N U.K E.U D.C U.S.S.R a.m p.m Ph.D
    Mr Mrs Ms Messrs Dr Prof Rev Hon Amb
    Gen Gens Lt Col Maj Capt Cmdr Adm Sgt
    Sen Sens Rep Reps Gov Pres
    Jr Sr St Ave Mt Ft
    No Nos Vol Fig Art Sec pp p ext approx Dept Univ
    Inc Corp Co Ltd Bros Assn
    vs i.e e.g cf al
    Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec
""".split())
# Lines of ABBREVIATIONS: initialisms (all periods but the last are inside the word); titles
# and ranks before a name; name suffixes and places; labels before a number ("No. 75",
# "p. 4", "ext. 523"); company suffixes ("Sony Corp. Chairman"); Latin; months ("Aug. 17").
# A single capital letter is an initial and counts too.

# Words that often end a sentence themselves: their period ends one unless a lower-case
# word follows ("pears, etc. are" goes on; "pears, etc. Then" ends).
ENDS_UNLESS_LOWER = frozenset({"etc"})

# Words that start a sentence even right after an abbreviation ("relies on the U.S. The").
# Other capitalised words after "U.S." are more often names: "the U.S. Navy".
SENTENCE_STARTERS = (
    "The", "This", "That", "These", "Those", "But", "And", "It", "Its", "In", "Even", "They",
    "We", "He", "She", "A", "An", "If", "As", "So", "Yet", "However", "There", "What", "When",
    "While", "Since", "Although", "Meanwhile", "Japan", "Tokyo", "Washington",
)

SENTENCE_END = re.compile(
    r"""[.!?][\"'\u201d\u2019)\]*]*(?=\s)  # a mark, closing quotes or brackets, then space
      | \n[ \t]*\n                         # a blank line
      | \n(?=[ \t]*(?:[-*\u2022\#]|\d+\.)[ \t])  # a line that starts a list item or heading
    """,
    re.VERBOSE,
)
_STARTER = re.compile(r"\s+(?:" + "|".join(SENTENCE_STARTERS) + r")\b")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_WORD_REACH = 10  # letters and periods looked at before a period for an abbreviation
_TRIM = " \t\r\n-*#>\u2022_"  # around a sentence: space, bullets, Markdown marks
_TRIM_END = _TRIM.replace("_", "")  # "_" may end a word at the end ("x_")


def is_boundary(text: str, m: re.Match[str]) -> bool:
    """Does the ``SENTENCE_END`` match ``m`` end a sentence (see the module docstring)?"""
    dot = m.start()
    if text[dot] != ".":
        return True
    k = dot
    while k > 0 and dot - k < _WORD_REACH and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot]
    if word in ENDS_UNLESS_LOWER or word.endswith(".."):  # "etc.", "..."
        return _LOWER_NEXT.match(text, m.end()) is None
    if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return _STARTER.match(text, m.end()) is not None
    return True


class Sentences:
    """Sentence boundaries of one text, read lazily: a text after the last span asked
    about is never segmented. Linear in the text's length over any number of calls."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._matches: Iterator[re.Match[str]] | None = SENTENCE_END.finditer(text)
        self._ends = [0]  # where each sentence found so far starts: 0, then boundary ends
        self._trimmed: dict[tuple[int, int], tuple[int, int]] = {}

    def _read_until(self, pos: int) -> list[int]:
        """Boundaries as far as the first one that ends at or after ``pos``."""
        ends = self._ends
        while self._matches is not None and (len(ends) == 1 or ends[-1] < pos):
            m = next(self._matches, None)
            if m is None:
                self._matches = None  # the text is read to its end
            elif is_boundary(self.text, m):
                ends.append(m.end())
        return ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The trimmed sentence, or run of sentences, around ``text[start:end]``.

        >>> Sentences("One. The U.S. forces stay. Two.").span(9, 15)
        (5, 26)
        """
        ends = self._read_until(end)
        s = ends[bisect.bisect_right(ends, start) - 1]
        i = bisect.bisect_left(ends, end, 1)
        e = ends[i] if i < len(ends) else len(self.text)
        if (s, e) not in self._trimmed:  # trim once per sentence: it may be huge
            self._trimmed[(s, e)] = _trim(self.text, s, e)
        ts, te = self._trimmed[(s, e)]
        return min(ts, start), max(te, end)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM_END:
        e -= 1
    return s, e


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence, or run of sentences, around ``text[start:end]``.

    >>> t = "One. The U.S. forces stay. Two."
    >>> s, e = sentence_span(t, 9, 15); t[s:e]
    'The U.S. forces stay.'
    """
    return Sentences(text).span(start, end)
