"""Regexes of the extractor, built once at import from the tables in ``_tables``.

Every pattern here is linear-time: alternations of literal words bounded by ``\\b``,
digit runs without nested quantifiers, and windows of bounded width. The scanner runs
``MASTER`` (prose) or ``MASTER_PEER`` (permissive) once over the text; every other
pattern is matched at a known position (``.match(text, pos)``) or on a short window
before a figure (``.search(window)`` anchored with ``$``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claims.extract import _tables as T
from claims.extract._numbers import _DENOMINATORS


def or_words(words: Iterable[str]) -> str:
    """A non-capturing alternation of literal words, longest first (so "percentage
    points" wins over "percentage").

    >>> or_words(["per cent", "percent", "%"])
    '(?:per\\\\ cent|percent|%)'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


def word_bounded(words: Iterable[str]) -> str:
    """``or_words`` that must start and end at word boundaries (when the word does)."""
    return r"(?<![\w])" + or_words(words) + r"(?![\w])"


FLAGS = re.IGNORECASE

# ---- the pieces of a figure -------------------------------------------------------------
# a number word of any class (cardinals, hundred and scales, ordinals, fraction words)
NUMBER_WORDS = sorted({*T.CARDINALS, *T.MULTIPLIERS, *T.VAGUE_PLURALS, *T.ORDINALS,
                       *_DENOMINATORS} - {"bn", "mn", "tn"})
_W = word_bounded(NUMBER_WORDS)
# words that may join number words: "one hundred and two", "one and a half",
# "two point five", "one over three", "two out of five"
_JOIN = r"(?:[ \t-]+(?:(?:and|point|over|out[ \t]+of)[ \t-]+(?:an?[ \t-]+)?)?)"
WORD_NUMBER = rf"{_W}(?:{_JOIN}{_W})*"

# digits: 1,234,567 | 1 234 567 | 1234.5 | .5, with a sign, a fraction or an exponent
DIGIT_NUMBER = r"""
    (?:(?<![\w-])[-\u2212](?=[\d.]))?              # sign: "-4/5", not "late-1980s"
    (?:\d{1,3}(?:,\d{3})+(?![\d])               # 1,234,567
      |\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]) # 1 234 567 (groups of exactly three)
      |\d+)
    (?:\.\d+)?                                   # decimals
    (?:[ \t]\d{1,3}/\d{1,3}(?![\d/])|/\d+(?![\d/]))?   # 2 1/4 | 1/40
    (?:[eE][-+]?\d{1,3}(?![\w])|[ \t]?[x\u00d7][ \t]?10[-\u2212]?\d{1,3})?  # 1e10 | 2.48x10-5
"""

ORDINAL_LIKE = rf"(?:{or_words(T.ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))"
SUPERLATIVE = or_words(T.SUPERLATIVES)

# ---- page furniture (prose mode only): matched first so no figure is made of it ---------
FURNITURE = rf"""
    (?P<phone>\(\d{{3}}\)[ \t.-]?\d{{3}}[ \t.-]\d{{4}}(?:,?[ \t]*ext\.?[ \t]*\d+)?
        |(?<![\d-])\d{{3}}[-.]\d{{3}}[-.]\d{{4}}(?![\d-])(?:,?[ \t]*ext\.?[ \t]*\d+)?)
   |(?P<label>(?<![\w.])(?-i:{or_words(T.FURNITURE_LABELS)})[ \t]?\d+[a-z]?
        (?:[ \t]*(?:,|and|or|&|-|\u2013)[ \t]*\d+[a-z]?(?![\w]))*)
   |(?P<slashdate>(?<![\d/])\d{{1,2}}/\d{{1,2}}/\d{{2,4}}(?![\d/]))
   |(?P<code>(?<![\w.,])\d{{6,}}(?:[ \t]\d{{3,}})?(?![\w]))
   |(?P<zip>(?-i:(?<![\w])[A-Z]{{2}}[ \t]\d{{5}}(?:-\d{{4}})?(?![\w])))
   |(?P<enum>(?<![\w$.,/-])\(?\d{{1,2}}\)(?![ \t]*%))
   |(?P<idiom>{word_bounded(T.IDIOMS)})
   |(?P<plusplus>(?<![\w])\d[ \t]*(?:\+|plus)[ \t]*\d(?![\w]))
   |(?P<paywall>(?<![\w])(?-i:Try|Subscribe|Offer[ \t]ends|Only)[ \t][^\n.]{{0,40}})
   |(?P<url>(?:https?://|www\.)\S{{1,2000}})
"""

# ---- figures --------------------------------------------------------------------------
FIGURES = rf"""
    (?P<world>(?<![\w])world['\u2019]s[ \t]+
        (?:(?P<wordinal>{ORDINAL_LIKE})[ \t-]+)?{SUPERLATIVE}(?![\w]))
   |(?P<ordsup>(?<![\w]){ORDINAL_LIKE}[ \t-]+{SUPERLATIVE}(?![\w]))
   |(?P<unithalf>(?<![\w])(?:an?[ \t]+)?(?P<hu>year|month|week|day|hour|minute|decade)
        [ \t]+and[ \t]+a[ \t]+half(?![\w]))
   |(?P<digits>(?<![\d.,]){DIGIT_NUMBER})
   |(?P<words>{WORD_NUMBER})
"""

RANK_NO = r"(?P<rankno>(?-i:(?<![\w])No\.)[ \t]?\d{1,3}(?=[ \t]+[a-z]))"
MASTER = re.compile(f"{RANK_NO}|{FURNITURE}|{FIGURES}", FLAGS | re.VERBOSE)
MASTER_PEER = re.compile(
    rf"(?P<url>(?:https?://|www\.)\S{{1,2000}})|{RANK_NO}|{FIGURES}", FLAGS | re.VERBOSE)

# ---- what may follow a number (matched at the number's end) ---------------------------
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![\w])", FLAGS)
DECADE_SUFFIX = re.compile(r"['\u2019]?s(?![\w])")
SCALE_LETTER = re.compile(r"(?P<s>bn|mn|mm|tn|k|b|t|m)(?![\w])", FLAGS)
SCALE_WORD = re.compile(
    rf"[ \t]*-?[ \t]*(?P<w>{or_words([w for w in T.MULTIPLIERS if w != 'hundred'])}"
    rf"|dozens|hundred)(?![\w])", FLAGS)
CURRENCY_AFTER = re.compile(
    rf"[ \t-]*(?P<w>{or_words(T.CURRENCY_WORDS)})(?![\w])", FLAGS)
CURRENCY_CODE_AFTER = re.compile(
    r"[ \t]*(?-i:(?P<w>" + "|".join(sorted({c for _, c, _ in T.CURRENCY_PREFIXES if
                                            len(c) == 3}, key=len, reverse=True))
    + r"))(?![\w])", FLAGS)
PERCENT_AFTER = re.compile(rf"[ \t-]*(?P<w>{or_words(T.PERCENT_WORDS)})(?![\w])", FLAGS)
TIME_AFTER = re.compile(rf"[ \t-]*(?P<w>{or_words(T.TIME_UNITS)})(?![\w])", FLAGS)
AGE_AFTER = re.compile(r"[ \t-]+old(?![\w])|[ \t]*yo(?![\w])", FLAGS)
MEASURE_AFTER = re.compile(rf"[ \t-]*{or_words(T.MEASURE_UNITS)}(?![\w])", FLAGS)
# a second number after a range connector: "5-to-7", "10 and 12", "2008-13", "7 to 10"
RANGE_JOIN = re.compile(r"[ \t]*(?:-[ \t]*to[ \t]*-|[-\u2013\u2014]|to|through|and)[ \t]*",
                        FLAGS)
RANGE_DIGITS = re.compile(rf"(?:[$\u20ac\u00a3\u00a5][ \t]?)?{DIGIT_NUMBER}",
                          FLAGS | re.VERBOSE)
RANGE_WORDS = re.compile(WORD_NUMBER, FLAGS)
DATE_YEAR_AFTER = re.compile(r",?[ \t]+(?P<y>1[5-9]\d\d|20\d\d)(?![\w])")
# compound duration: "1 year 1 month 21 days", "2 years and 3 months"
DURATION_NEXT = re.compile(
    rf"(?:,?[ \t]+and[ \t]+|,?[ \t]+)(?P<n>\d+(?:\.\d+)?|{WORD_NUMBER})"
    rf"[ \t-]*(?P<u>{or_words(T.TIME_UNITS)})(?![\w])", FLAGS)
# the words after a count: the counted noun phrase
WORD_AFTER = re.compile(
    r"(?P<sep>[ \t]+|[ \t]*-[ \t]*)(?P<w>[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*)")
FRACTION_OF_SCALE = re.compile(
    r"[ \t]+(?:an?[ \t]+)?(?P<w>trillion|billion|million|thousand|hundred|dozen)(?![\w])", FLAGS)
OF_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?", FLAGS)

_PREFIXES_SORTED = sorted(T.CURRENCY_PREFIXES, key=lambda p: -len(p[0]))

# ---- what may precede a number (searched on a short window ending at its start) -------
_SPACED_PREFIXES = ("C$", "HK$", "US$", "NZ$", "CA$", "AU$", "NT$")


def _prefix_alternation() -> str:
    """Currency symbols and codes before an amount, longest first. Letter forms must not
    follow a letter ("runs $5" is not S$); tokenised "c $ 100" keeps a space before "$"."""
    parts = []
    for i, (written, _code, case) in enumerate(_PREFIXES_SORTED):
        body = re.escape(written)
        if written in _SPACED_PREFIXES:
            body = re.escape(written[:-1]) + r"[ \t]?\$"
        if written[0].isalpha():
            body = r"(?<![A-Za-z])" + body
        parts.append(f"(?P<c{i}>{body})" if not case else f"(?P<c{i}>(?-i:{body}))")
    return "|".join(parts)


CURRENCY_BEFORE = re.compile(r"(?:" + _prefix_alternation() + r")[ \t]?$", FLAGS)
CURRENCY_BEFORE_CODES = [code for _, code, _ in _PREFIXES_SORTED]
QUALIFIER_BEFORE = re.compile(
    rf"(?<![\w])(?P<q>{or_words(T.QUALIFIER_WORDS)})[ \t]+(?:(?:the|a|an)[ \t]+)?$", FLAGS)
BETWEEN_BEFORE = re.compile(r"(?<![\w])(?:between|from)[ \t]+$", FLAGS)
A_BEFORE = re.compile(r"(?<![\w])an?[ \t]+$", FLAGS)
MINUS_BEFORE = re.compile(r"(?<![\w])(?:minus|negative)[ \t]+$", FLAGS)
MONTH_BEFORE = re.compile(
    rf"(?<![\w])(?P<m>{or_words(T.MONTHS)})\.?,?[ \t]+"
    rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+)?$", FLAGS)
DATE_LEAD_BEFORE = re.compile(
    rf"(?<![\w])(?P<lead>{or_words(T.DATE_LEADS)})[ \t-]+$", FLAGS)
DECADE_MOD_BEFORE = re.compile(
    rf"(?<![\w])(?P<mod>{or_words(T.DECADE_MODIFIERS)})[ \t-]+$", FLAGS)
THE_BEFORE = re.compile(r"(?<![\w])the[ \t]+$", FLAGS)
AGE_BEFORE = re.compile(r"(?<![\w])(?:age|aged)[ \t]+$", FLAGS)
COUNT_CONTEXT_BEFORE = re.compile(
    rf"(?<![\w])(?P<w>{or_words(T.COUNT_CONTEXT)})(?![\w])[^.;:()]{{0,30}}$", FLAGS)
PAYWALL_NEAR = re.compile(word_bounded(T.PAYWALL), FLAGS)

# ---- context ----------------------------------------------------------------------------
ACTOR = re.compile(r"(?<![\w.])" + or_words(T.ACTORS) + r"(?![\w])")
NON_SUBJECT_LEAD = re.compile(rf"(?<![\w]){or_words(T.NON_SUBJECT_LEADS)}[ \t]+$", FLAGS)
# sentence ends: . ! ? (then closing quotes/brackets) before space, or a blank line, or a
# line that starts a list item or heading
SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019)\]*]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*\u2022#]|\d+\.)[ \t])")
ABBREVIATION = re.compile(
    r"(?<![\w])(?:[A-Z]|[A-Z]\.[A-Z]|U\.S|U\.N|U\.K|Mr|Mrs|Ms|Dr|St|No|Nos|Jr|Sr|Messrs|Gen|"
    r"Col|Lt|Sgt|Rep|Sen|Gov|Pres|Prof|Inc|Corp|Co|Ltd|vs|etc|i\.e|e\.g|al|ext|Vol|pp|"
    r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|approx)\.$")
# after an abbreviation, these words still start a new sentence ("... with the U.S. Even")
SENTENCE_STARTER = re.compile(
    r"\s+(?:The|This|That|These|Those|But|And|It|Its|In|Even|They|We|He|She|A|An|If|As|So|"
    r"Yet|However|There|What|When|While|Since|Although|Meanwhile|Japan|Tokyo|Washington)\b")
