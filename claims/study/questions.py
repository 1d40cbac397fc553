"""The words of a card: a fact question built from a claim's fields, or the clause around
a blank. Pure text functions; :mod:`claims.study.cards` decides which card gets which.

A teacher asks "How large was Japan's trade surplus with the United States in 1992,
according to Manning (1993)?", not "Fill in the blank" over a sixty-word sentence.
:func:`fact_question` builds such a question from the claim's ``subject``, its kind,
the year the figure refers to and the source, with the templates of ``FACT_QUESTIONS``;
it returns None when the fields cannot make a clear question (no subject, a subject of
one word), and the card falls back to a blank on the clause (:func:`clause`): the
smallest run of the sentence's clauses around the figure that has enough words to be
answerable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.domain import Kind

# kind -> question template. {be} is "was" or "were" by the subject's head noun, {subject}
# the subject (with "the" where it needs one), {when} " in 1992" (left out when the
# subject names the year), {source} "Manning (1993)". A subject whose head noun is not a
# measure ("U.S. goods imported by Japan") gets the kind's row of GENERIC_QUESTIONS.
FACT_QUESTIONS: dict[str, str] = {
    Kind.MONEY: "How large {be} {subject}{when}, according to {source}?",
    Kind.PERCENT: "How large {be} {subject}{when}, according to {source}?",
    Kind.RATIO: "How large {be} {subject}{when}, according to {source}?",
    Kind.COUNT: "How many {subject} {be} there{when}, according to {source}?",
    Kind.DURATION: "How long {be} {subject}, according to {source}?",  # a span: no "in 1996"
    Kind.RANK: "Where did {subject} rank{when}, according to {source}?",
    Kind.DATE: "What year does {source} give for {subject}?",
}
# The same, for subjects whose head noun does not fit the row above.
GENERIC_QUESTIONS: dict[str, str] = {
    Kind.MONEY: "What sum does {source} give for {subject}{when}?",
    Kind.PERCENT: "What share does {source} give for {subject}{when}?",
    Kind.RATIO: "What share does {source} give for {subject}{when}?",
    Kind.COUNT: "What number does {source} give for {subject}{when}?",
    Kind.DURATION: "How long does {source} say {subject} took?",
}
# A date of month or day precision is asked with "when", not "what year".
DATE_QUESTION = "When does {source} say {subject} took place?"
DATED_QUESTION = "What date does {source} give for {subject}?"

# Head nouns that "How large was ...?" fits (money, percent and ratio rows), singular
# and plural. Written by hand from the measures of news prose.
MEASURE_NOUNS = frozenset("""
surplus surpluses deficit deficits budget budgets share shares support spending aid imports
exports investment investments economy gdp gnp debt debts cost costs price prices revenue
revenues income trade acreage turnout majority proportion percentage reduction decrease
increase cut cuts growth subsidy subsidies payment payments contribution contributions
""".split())
# Head nouns that "How large was ...?" fits when the figure is a share (percent, ratio):
# "How large was the share of ...?", not "How large was the acreage ...?" for one-fifth.
SHARE_NOUNS = frozenset("share shares support proportion percentage majority turnout".split())
# Head nouns that "How long was ...?" fits (durations).
SPAN_NOUNS = frozenset("time period preparation process wait delay term stay tenure".split())
# Words that end a subject's head phrase: prepositions, "to", relative words.
HEAD_ENDS = frozenset("""
with of for in to by between among after before as from on at under over during since
within without against that which who imported exported returned
""".split())
DETERMINERS = frozenset("the a an its their his her our this these that those".split())
PLURAL_EXCEPTIONS = frozenset("us gas status series news bus".split())  # "-s", not plural
IRREGULAR_PLURAL_NOUNS = frozenset("personnel people police troops men women".split())
_PARENTHETICAL_RE = re.compile(r"\s*\([^()]*\)")


@dataclass(frozen=True)
class Subject:
    """A claim's subject, read for a question: the words, the head noun, its number."""

    text: str
    head: str
    plural: bool
    possessed: bool  # "Japan's economy", "facilities' acreage": no article wanted

    @classmethod
    def read(cls, subject: str) -> Subject | None:
        """The subject without parentheses, or None when it is too thin for a question.

        >>> s = Subject.read("U.S. forces in Japan"); (s.head, s.plural)
        ('forces', True)
        >>> Subject.read("Japan") is None
        True
        """
        text = _PARENTHETICAL_RE.sub("", subject).strip().rstrip(".")
        words = text.split()
        if len(words) < 2:
            return None
        phrase: list[str] = []
        for word in words:
            if word.lower() in HEAD_ENDS and phrase:
                break
            phrase.append(word)
        head = phrase[-1].lower().strip(",;:")
        plural = head in IRREGULAR_PLURAL_NOUNS or (
            head.endswith("s") and not head.endswith(("ss", "us", "is", "'s"))
            and head not in PLURAL_EXCEPTIONS)
        possessed = any(w.endswith(("'s", "s'", "\u2019s")) for w in phrase)
        return cls(text, head, plural, possessed)

    def with_article(self) -> str:
        """"the start of U.S. land returns"; "Japan's economy" and "the Guidelines" stay."""
        first = self.text.split()[0]
        if self.possessed or first.lower() in DETERMINERS:
            return self.text
        return f"the {self.text}"


def fact_question(kind: str, subject: str | None, year: int | None, source: str,
                  precision: str = "year") -> str | None:
    """A question asking a claim's figure from its fields, or None when the fields
    cannot make a clear one. ``precision`` is a date's: ``year``, ``month`` or ``day``.

    >>> print(fact_question("money", "Japan's trade surplus with the United States", 1992,
    ...                     "Manning (1993)"))
    How large was Japan's trade surplus with the United States in 1992, according to Manning (1993)?
    >>> fact_question("count", "U.S. forces in Japan", 1996, "Cronin (1996)")
    'How many U.S. forces in Japan were there in 1996, according to Cronin (1996)?'
    >>> fact_question("date", "start of U.S. land returns in Okinawa", 1972, "Cronin (1996)")
    'What year does Cronin (1996) give for the start of U.S. land returns in Okinawa?'
    >>> fact_question("money", "Japan", 1992, "Manning (1993)") is None
    True
    """
    read = Subject.read(subject or "")
    if read is None or kind not in FACT_QUESTIONS:
        return None
    # " in 1992", unless the subject dates itself ("after the April 1996 summit", "each year")
    when = f" in {year}" if year is not None and str(year) not in read.text \
        and "year" not in read.text else ""
    template = FACT_QUESTIONS[kind]
    words = read.with_article()
    if kind == Kind.DATE:
        template = {"year": template, "month": DATED_QUESTION}.get(precision, DATED_QUESTION)
    elif kind == Kind.COUNT:
        if not read.plural:
            template = GENERIC_QUESTIONS[kind]
        else:
            words = read.text
    elif kind == Kind.DURATION and read.head not in SPAN_NOUNS:
        template = GENERIC_QUESTIONS[kind]
    elif kind == Kind.MONEY and read.head not in MEASURE_NOUNS:
        template = GENERIC_QUESTIONS[kind]
    elif kind in (Kind.PERCENT, Kind.RATIO) and read.head not in SHARE_NOUNS:
        template = GENERIC_QUESTIONS[kind]
    elif kind == Kind.RANK:
        words = read.text if read.possessed or read.text[0].isupper() else words
    question = template.format(be="were" if read.plural else "was", subject=words,
                               when=when, source=source)
    return question[0].upper() + question[1:]


# --- the clause around a blank ----------------------------------------------------

MIN_CLAUSE_WORDS = 10  # fewer words than this cannot be answered: add the next clause
MAX_CLAUSE_WORDS = 28  # a sentence this short is kept whole
ELLIPSIS = "\u2026"
# Where a sentence may be cut: after a comma, semicolon, colon or dash, around brackets.
_CUT_RE = re.compile(r",\s+|;\s+|:\s+|\s*--\s*|\s+[\u2014\u2013]\s+|\u2014|\s+(?=\()|(?<=\))\s+")


def _words(text: str) -> int:
    return len(text.split())


def clause(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The clauses of ``text`` around ``text[start:end]``: ``(clause, start, end)`` with the
    same span inside the clause. Whole when the sentence is short; otherwise clauses are
    added on the left, then the right, until the clause has ``MIN_CLAUSE_WORDS``; a cut
    end is marked with an ellipsis.

    >>> s = ("And how can we renew an open, global trade system, upon which global growth "
    ...      "depends, when the second-largest economy pursues predatory trade policies, "
    ...      "runs $125-billion surpluses with its trading partners (a $49-billion "
    ...      "surplus) and hides under the table instead of asserting leadership in talks?")
    >>> text, a, b = clause(s, s.index("$49"), s.index("$49") + 11)
    >>> text
    '\u2026runs $125-billion surpluses with its trading partners (a $49-billion surplus)\u2026'

    >>> text[a:b]
    '$49-billion'
    """
    if _words(text) <= MAX_CLAUSE_WORDS:
        return text, start, end
    cuts = [0] + [m.end() for m in _CUT_RE.finditer(text) if not start < m.end() <= end
                  and not start <= m.start() < end] + [len(text)]
    cuts = sorted(set(cuts))
    pieces = list(zip(cuts, cuts[1:], strict=False))
    first = last = next(i for i, (a, b) in enumerate(pieces) if a <= start < b)
    while last < len(pieces) - 1 and pieces[last][1] < end:
        last += 1

    def span(i: int, j: int) -> str:
        return text[pieces[i][0]:pieces[j][1]]

    grow_left = True
    while _words(span(first, last)) < MIN_CLAUSE_WORDS and (first > 0 or last < len(pieces) - 1):
        if (grow_left and first > 0) or last == len(pieces) - 1:
            first -= 1
        else:
            last += 1
        grow_left = not grow_left
    lo, hi = pieces[first][0], pieces[last][1]
    body = text[lo:hi]
    stripped = body.rstrip(" ,;:-\u2014\u2013(")
    lead = len(body) - len(body.lstrip(" ,;:-\u2014\u2013)"))
    stripped = stripped[lead:]
    prefix = ELLIPSIS if lo > 0 else ""
    suffix = ELLIPSIS if hi < len(text) else ""
    offset = lo + lead - len(prefix)
    return f"{prefix}{stripped}{suffix}", start - offset, end - offset
