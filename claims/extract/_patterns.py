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
from typing import Any

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


def trie_regex(words: Iterable[str]) -> str:
    """An alternation of literal words factored by common prefixes, which ``re`` runs far
    faster than a flat alternation (it does not retry every word at every position).

    >>> trie_regex(["one", "only", "two"])
    '(?:on(?:e|ly)|two)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = []
        optional = False
        for ch in sorted(node):
            if ch == "":
                optional = True
                continue
            branches.append(re.escape(ch) + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


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
# ", " only after a scale word and before hundreds: "three million, two hundred & forty"
_JOIN = r"""(?:[ \t\u2014-]+(?:(?:and|&|point|over|out[ \t]+of)[ \t-]+(?:an?[ \t-]+)?)?
    |(?:(?<=illion)|(?<=thousand)),[ \t]+(?=[a-z]+[ \t-]+hundred(?![a-z])))"""
WORD_NUMBER = rf"(?x:{_W}(?:{_JOIN}{_W})*)"

# digits: 1,234,567 | 1 234 567 | 1234.5 | .5 | 3\u00bd, with a sign, a fraction or an exponent
VULGAR = "".join(T.VULGAR_FRACTIONS)
DIGIT_NUMBER = rf"""
    (?:(?<![\w-])[-\u2212](?=[\d.{VULGAR}]))?     # sign: "-4/5", not "late-1980s"
    (?:\d{{1,3}}(?:,\d{{3}})+(?![\d])               # 1,234,567
      |\d{{1,2}}(?:,\d\d)+,\d{{3}}(?![\d,])           # 12,34,567 (lakh grouping)
      |(?<![A-Za-z])\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,]|\.\D) # 1 234 567
      |\d+
      |(?<![\w.,])(?=\.\d)                        # ".001 per cent": no whole part
      |(?<![\w.,])(?=[{VULGAR}]))                   # "\u00bd": no whole part
    (?:\.\d+|[{VULGAR}])?                          # decimals, or a fraction character
    (?:[ \t]\d{{1,3}}/\d{{1,3}}(?![\d/])|/\d+(?![\d/]))?   # 2 1/4 | 1/40
    (?:[eE][-+]?\d{{1,3}}(?![\w])                      # 1e10
      |[ \t]?[x\u00d7][ \t]?10(?:\^[-+\u2212]?|[-\u2212])\d{{1,3}}(?![\w])  # 2.48x10-5, 1.3x10^6
      |\^[-+\u2212]{{0,2}}\d{{1,3}}(?![\w]))?             # 1.1^23, 2.5^-1
"""
# the exponent of a digit run read by DIGIT_NUMBER: "x10^6", "\u00d710-5"; "^23" (a power)
TIMES_TEN = re.compile(r"[ \t]?[x\u00d7][ \t]?10\^?(?P<exp>[-+\u2212]?\d{1,3})$")
POWER = re.compile(r"\^(?P<exp>[-+]{0,2}\d{1,3})$")

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
   |(?P<paywall>(?<![\w])(?-i:Try|Subscribe|Offer[ \t]ends)[ \t][^\n.]{{0,40}})
   |(?P<url>(?:https?://|www\.)\S{{1,2000}})
   |(?P<clock>(?<![\w:.])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?![\d:])
        (?:[ \t]?(?:[ap]\.m\.|[ap]m(?![\w])))?
      |(?<![\w:.])[0-2]\d[0-5]\d[ \t]?(?-i:UTC|GMT|Z)(?![\w]))
   |(?P<score>(?:{"|".join(f"(?<={w}[ ])" for w in T.SCORE_LEADS)})(?:by[ \t]+)?
        \d{{1,3}}[-\u2013]\d{{1,3}}(?![\w-])
      |(?<![\w-])\d{{1,3}}[-\u2013]\d{{1,3}}(?=[ \t]+{or_words(T.SCORE_TAILS)}(?![\w])))
   |(?P<street>(?<![\w,.])\d{{1,5}}[ \t]+(?-i:(?:[A-Z][\w'.-]*[ \t]+){{1,3}}
        {or_words(T.STREET_WORDS)})(?![\w]))
   |(?P<intlphone>\+\d{{1,3}}(?:[ \t.-]\d{{1,4}}){{2,4}}(?![\w])
      |(?<![\w-])0\d{{1,4}}-\d{{2,4}}-\d{{3,4}}(?![\w-]))
"""

# ---- figures --------------------------------------------------------------------------
FIGURES = rf"""
    (?P<world>(?<![\w])world['\u2019]s[ \t]+
        (?:(?P<wordinal>{ORDINAL_LIKE})[ \t-]+)?{SUPERLATIVE}(?![\w]))
   |(?P<ordsup>(?<![\w]){ORDINAL_LIKE}[ \t-]+{SUPERLATIVE}(?![\w]))
   |(?P<fold>(?<![\w]){or_words(T.FOLD_WORDS)}(?![\w]))
   |(?P<digits>(?<![\d.,]){DIGIT_NUMBER})
   |(?P<words>{WORD_NUMBER})
"""

RANK_NO = r"(?P<rankno>(?-i:(?<![\w])No\.)[ \t]?\d{1,3}(?=[ \t]+[a-z]))"
# permissive mode only: "a couple of", "a few", "nil"; "an hour", "another week", "a dollar"
# ("a second" is an idiom more often than a duration: "on a second thought")
_UNIT_NAMES = [*(u for u in T.TIME_UNITS if u != "second"),
               *(w for w in T.CURRENCY_WORDS if w.replace(" ", "").isalpha() and len(w) > 3)]
INDEFINITE = rf"""
    (?P<indef>(?<![\w]){or_words(T.INDEFINITE_NUMERALS)}(?![\w])
      |(?<![\w]){or_words(T.UNIT_ARTICLES)}(?:[ \t]+business)?
        (?=[ \t-]+{or_words(_UNIT_NAMES)}(?![\w])))
"""
MASTER = re.compile(f"{RANK_NO}|{FURNITURE}|{FIGURES}", FLAGS | re.VERBOSE)
_URL = r"(?P<url>(?:https?://|www\.)\S{1,2000})"
MASTER_PEER = re.compile(f"{_URL}|{RANK_NO}|{FIGURES}|{INDEFINITE}", FLAGS | re.VERBOSE)

# The same alternations cut in two by what their first character can be: a letter (at the
# anchors of ANCHOR_WORD) or not (a digit, a sign, "(": ANCHOR_DIGITS). The scanner tries
# at each anchor only the half that can match there; the order within each half is kept,
# so each finds what MASTER finds.
_STARTS_WITH_A_LETTER = frozenset(
    "rankno label zip idiom paywall url score world ordsup fold words indef".split())
_STARTS_WITH_NO_LETTER = frozenset(
    "phone slashdate code enum idiom plusplus clock score street intlphone ordsup digits"
    .split())


def _groups(alternation: str) -> list[tuple[str, str]]:
    """The top-level ``(?P<name>...)`` alternatives of a verbose alternation, in order."""
    parts = re.split(r"\n[ \t]*\|(?=\(\?P<)|\|(?=\(\?P<)", alternation.strip())
    return [(re.match(r"\(\?P<(\w+)>", part.strip()).group(1), part)  # type: ignore[union-attr]
            for part in parts]


def _halves(*alternations: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    groups = [g for a in alternations for g in _groups(a)]
    assert {n for n, _ in groups} <= _STARTS_WITH_A_LETTER | _STARTS_WITH_NO_LETTER
    return tuple(  # type: ignore[return-value]
        re.compile("|".join(p for n, p in groups if n in names), FLAGS | re.VERBOSE)
        for names in (_STARTS_WITH_A_LETTER, _STARTS_WITH_NO_LETTER))


MASTER_LETTER, MASTER_OTHER = _halves(RANK_NO, FURNITURE, FIGURES)
MASTER_PEER_LETTER, MASTER_PEER_OTHER = _halves(_URL, RANK_NO, FIGURES, INDEFINITE)

# ---- anchors: where a figure or a piece of furniture can start -------------------------
# Run on the lower-cased text; MASTER is then tried only at these positions. An anchor is a
# digit run, "(" or a sign before a digit, or the start of a word that can begin a figure
# (number words, "world's") or a piece of furniture (labels, idioms, paywall, URLs).
ANCHOR_WORDS = sorted({
    *NUMBER_WORDS, *T.FOLD_WORDS, "world",
    *(label.lower().rstrip(".") for label in T.FURNITURE_LABELS),
    *(idiom.split()[0].split("-")[0] for idiom in T.IDIOMS if idiom[0].isalpha()),
    "try", "subscribe", "offer", "http", "www",
})
# two scans, merged: one alternation of both runs three times slower than the two apart
# (each begins with a character class, which ``re`` skips to far faster than it tries an
# alternation at every position; the word scan runs on lower-cased text, so an ASCII
# look-behind stands for ``\b``)
ANCHOR_DIGITS = re.compile(rf"[\d{VULGAR}(\-\u2212.+](?:(?<=[\d{VULGAR}])[\d{VULGAR}]*"
                           rf"|(?=[\d{VULGAR}])|(?<=[-\u2212])(?=\.\d))")
ANCHOR_WORD = re.compile(r"(?<![a-z0-9_])" + trie_regex(ANCHOR_WORDS) + r"(?![a-z])")
ANCHOR_WORD_PEER = re.compile(r"(?<![a-z0-9_])" + trie_regex(
    {*ANCHOR_WORDS, *(w.split()[0] for w in T.INDEFINITE_NUMERALS), *T.UNIT_ARTICLES})
    + r"(?![a-z])")

# ---- what may follow a number (matched at the number's end) ---------------------------
# (long word lists as tries: ``re`` then tests a few first letters, not every word; a
# trie finds the same longest word an ``or_words`` alternation does)
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![\w])", FLAGS)
DECADE_SUFFIX = re.compile(r"['\u2019]?s(?![\w])")
SCALE_LETTER = re.compile(  # glued "10k", "$3bn"; spaced only the abbreviations "3 mln"
    rf"(?:[ \t](?={or_words(T.SPACED_SCALE_SUFFIXES)}(?![\w])))?"
    rf"(?P<s>{or_words(T.SCALE_SUFFIXES)})(?![\w])", FLAGS)
# after a currency-only scale letter without a currency: what makes it a million
PLURAL_OR_UNIT_AFTER = re.compile(
    rf"[ \t]+(?:{trie_regex(T.MEASURE_UNITS)}|{trie_regex(T.IRREGULAR_PLURALS)}"
    rf"|{trie_regex(T.CURRENCY_WORDS)}|(?-i:[a-z]+s))"
    rf"(?![\w])", FLAGS)
SCALE_WORD = re.compile(
    rf"[ \t]*-?[ \t]*(?P<w>{or_words([w for w in T.MULTIPLIERS if w != 'hundred'])}"
    rf"|dozens|hundred)(?![\w])", FLAGS)
CURRENCY_AFTER = re.compile(  # not "won't"
    rf"[ \t-]*(?P<w>{trie_regex(T.CURRENCY_WORDS)})(?![\w])(?!['\u2019]\w)", FLAGS)
CURRENCY_CODE_AFTER = re.compile(
    r"[ \t]*(?-i:(?P<w>" + "|".join(sorted({c for _, c, _ in T.CURRENCY_PREFIXES if
                                            len(c) == 3}, key=len, reverse=True))
    + r"))(?![\w])", FLAGS)
PERCENT_AFTER = re.compile(rf"[ \t-]*(?P<w>{trie_regex(T.PERCENT_WORDS)})(?![\w])", FLAGS)
TIME_AFTER = re.compile(rf"[ \t-]*(?P<w>{trie_regex(T.TIME_UNITS)})(?![\w])", FLAGS)
AGE_AFTER = re.compile(r"[ \t-]+old(?![\w])|[ \t]*yo(?![\w])", FLAGS)
MEASURE_AFTER = re.compile(rf"[ \t-]*{trie_regex(T.MEASURE_UNITS)}(?![\w])", FLAGS)
# a second number after a range connector: "5-to-7", "10 and 12", "2008-13", "7 to 10"
RANGE_JOIN = re.compile(
    r"[ \t]*(?:-[ \t]*to[ \t]*-|[-\u2013\u2014]|to|through|and|or(?![\w]))[ \t]*", FLAGS)
RANGE_DIGITS = re.compile(rf"(?:[$\u20ac\u00a3\u00a5][ \t]?)?{DIGIT_NUMBER}",
                          FLAGS | re.VERBOSE)
RANGE_WORDS = re.compile(WORD_NUMBER, FLAGS)
DATE_YEAR_AFTER = re.compile(r",?[ \t]+(?P<y>1[5-9]\d\d|20\d\d)(?![\w])")
# compound duration: "1 year 1 month 21 days", "2 years and 3 months"
DURATION_NEXT = re.compile(
    rf"(?:[ \t]+and[ \t]+|[ \t]+)(?P<n>\d+(?:\.\d+)?|{WORD_NUMBER})"
    rf"[ \t-]*(?P<u>{trie_regex(T.TIME_UNITS)})(?![\w])", FLAGS)
# a fraction after a whole number: "5 and a half minutes", "3 million and a quarter"
AND_FRACTION_AFTER = re.compile(rf"[ \t]+and[ \t]+(?P<w>(?:an?[ \t]+)?{WORD_NUMBER})", FLAGS)
PERIOD_AFTER_ORDINAL = re.compile(rf"[ \t-]+{or_words(T.ORDINAL_PERIODS)}(?![\w])", FLAGS)
# a fraction written with "over" or "in": "one over 20", "2000 over 3", "1 in 21",
# "three-in-five" (the denominator is read by ``_readers.fraction_over``)
OVER_AFTER = re.compile(
    rf"(?:[ \t]+|-)(?P<j>over|in)(?:[ \t]+|-)"
    rf"(?P<n>\d+(?:\.\d+)?(?![\d,/]|\.\d)|{WORD_NUMBER})(?![\w])", FLAGS)
# "an hour and half", "two years and a half"
AND_A_HALF_AFTER = re.compile(r"[ \t]+and[ \t]+(?:an?[ \t]+)?half(?![\w])", FLAGS)
# (permissive mode) minutes after hours with no unit: "1 hour thirty", "2 hours and 10"
MINUTES_AFTER_HOURS = re.compile(
    rf"(?:[ \t]+and)?[ \t]+(?P<n>\d{{1,2}}|{WORD_NUMBER})(?=[ \t]*(?:[.,;!?)]|$))", FLAGS)
# a preposition of time just before a number: "in 2021", "since 1996" (a year, see _tables)
YEAR_PREPOSITION_BEFORE = re.compile(rf"(?<![\w]){or_words(T.YEAR_PREPOSITIONS)}[ \t]+$", FLAGS)
# the words after a count: the counted noun phrase
WORD_AFTER = re.compile(
    r"(?P<sep>[ \t]+|[ \t]*-[ \t]*)(?P<w>[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z]+)*)")
# a fraction of one unit: "half an hour", "half a percentage point", "three quarters of an
# hour", "one and a quarter of hour" (the unit is then read as after any number)
FRACTION_OF_UNIT = re.compile(
    rf"[ \t]+(?:of[ \t]+(?:an?[ \t]+)?|an?[ \t]+)(?=(?:{trie_regex(T.PERCENT_WORDS)}"
    rf"|{trie_regex(T.TIME_UNITS)}|{trie_regex(T.CURRENCY_WORDS)})(?![\w]))", FLAGS)
FRACTION_OF_SCALE = re.compile(
    r"[ \t]+(?:an?[ \t]+)?(?P<w>trillion|billion|million|thousand|hundred|dozen)(?![\w])", FLAGS)
# "$20 and 43 cents", "20 dollars 43 cents"
CENTS_AFTER = re.compile(
    rf"[ \t]+(?:and[ \t]+)?(?P<c>\d{{1,2}}|{WORD_NUMBER})[ \t]*(?:cents?|c|\u00a2|sen)(?![\w])",
    FLAGS)
# cents with no word, ending the phrase, after an amount whose currency is written after
# it: "15 dollars 50.", "17 USD 25", "thirteen dollars and forty-five"
CENTS_END_AFTER = re.compile(
    rf"[ \t]+(?:and[ \t]+)?(?P<c>\d{{2}}|{WORD_NUMBER})(?=[ \t]*(?:[.,;:!?)]|$))", FLAGS)
CENTS_BARE_AFTER = re.compile(  # "$20 43", not "50 dollar 50 dollar" nor "10 $ 30 $"
    rf"[ \t]+(?:and[ \t]+)?(?P<c>\d{{2}})(?![\w.,])(?![ \t]+[A-Za-z])"
    rf"(?![ \t]*(?:[$\u20ac\u00a3\u00a5]"
    rf"|{trie_regex(T.CURRENCY_WORDS)}(?![\w])))", FLAGS)
CLOCK_AFTER = re.compile(r"[ \t]?(?:[ap]\.?m\.?)(?![\w])", FLAGS)
# after an amount, the currency it is the price of: "159 yen to the dollar" (a rate)
EXCHANGE_AFTER = re.compile(
    rf"[ \t]+(?:to|per|against)[ \t]+(?:the[ \t]+|one[ \t]+|a[ \t]+|each[ \t]+|1[ \t]*)?"
    rf"(?P<w>{trie_regex(T.CURRENCY_WORDS)})(?![\w])", FLAGS)
HYPHEN_GLUED = re.compile(r"-[0-9A-Za-z]+")  # "-800" of "737-800", read with the name
# what makes a bare number word a count without a noun: "four of whom", "seven more"
PARTITIVE_AFTER = re.compile(r"[ \t]+(?:of[ \t]+(?:whom|them|those|these|the|its|their|our)|more)"
                             r"(?![\w])", FLAGS)
OF_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?", FLAGS)

_PREFIXES_SORTED = sorted(T.CURRENCY_PREFIXES, key=lambda p: -len(p[0]))
# the ISO code of each group ``c<i>`` of ``CURRENCY_BEFORE_REV`` (read by ``m.lastgroup``)
CURRENCY_BEFORE_CODES = {f"c{i}": code for i, (_, code, _) in enumerate(_PREFIXES_SORTED)}

# ---- what may precede a number (searched on a short window ending at its start) -------
_SPACED_PREFIXES = ("C$", "HK$", "US$", "NZ$", "CA$", "AU$", "NT$")


BETWEEN_BEFORE = re.compile(r"(?<![\w])(?:between|from)[ \t]+$", FLAGS)
A_BEFORE = re.compile(r"(?<![\w])an?[ \t]+$", FLAGS)
MINUS_BEFORE = re.compile(r"(?<![\w])(?:minus|negative)[ \t]+$", FLAGS)
# what may stand between a figure and the date that is its own (a lower-case unit word, a
# preposition): "20 mpg in 2008", "$5.4 trillion for fiscal 2025", "54,000 troops as of
# 2023"
DATE_BOUND_GAP = re.compile(
    r"[ \t]*(?-i:[a-z]+[ \t]+)?(?:,[ \t]*)?(?:in|by|as[ \t]+of|during|for|from)[ \t]+"
    r"(?:(?:the[ \t]+)?(?:fiscal|calendar|financial)[ \t]+(?:year[ \t]+)?)?", FLAGS)
CHANGE_BEFORE = re.compile(rf"(?<![\w])(?:{or_words(T.CHANGE_LEADS)})[ \t]+$", FLAGS)
FOLD_AFTER = re.compile(r"[ \t]*-?[ \t]*fold(?![\w])", FLAGS)  # "10-fold", "2.5 fold"
PERIOD_LEAD_BEFORE = re.compile(rf"(?<![\w]){or_words(T.PERIOD_LEADS)}[ \t-]+$", FLAGS)
FRACTION_LEAD_BEFORE = re.compile(rf"(?<![\w]){or_words(T.FRACTION_LEADS)}[ \t]+$", FLAGS)
# a name right before a number makes it part of the name: "Big 12", "S&P 500", "Boeing
# 747", "Group of 20", "Flight 370" (the word is checked against the function-word tables)
NAME_BEFORE = re.compile(
    r"(?-i:(?<![\w&.'\u2019-])(?P<w>[A-Z][\w&.\u2019'-]*|[A-Z]+&[A-Z]+)(?:[ \t]+of)?)[ \t]+$")
_RELATIVE_LEADS = ("last", "next", "this", "early", "mid", "late", "end", "in", "since", "by",
                   "until")
_RELATIVE_FIRST = "".join(sorted({w[0] for w in (*T.RELATIVE_YEARS, *T.RELATIVE_MONTHS,
                                                 *_RELATIVE_LEADS)}))
RELATIVE_DATE = re.compile(  # (the class of first letters first: see the anchors above)
    rf"(?<![A-Za-z0-9_])(?=[{_RELATIVE_FIRST}{_RELATIVE_FIRST.upper()}])"
    rf"(?:(?P<years>{trie_regex(w.lower() for w in T.RELATIVE_YEARS)})"
    rf"|(?P<months>{or_words(T.RELATIVE_MONTHS)})"
    rf"|(?P<mod>last|next|this|early|mid|late|end[ \t]+of|in|since|by|until)[ \t-]+"
    rf"(?-i:(?P<month>{or_words(T.MONTH_NAMES)}))(?![\w])(?![ \t]*,?[ \t]*\d))(?![\w])", FLAGS)
# every relative date holds one of these (lower-cased): RELATIVE_DATE is searched only
# around them (``_context.relative_dates``); RELATIVE_REACH is how far before its key a
# phrase may start ("the previous fiscal year") and after its key it may end
RELATIVE_KEYS = ("year", "month", "day", "tomorrow", *(m.lower() for m in T.MONTH_NAMES))
RELATIVE_REACH = 40
MODALITY_CUE = re.compile(rf"(?<![\w])(?P<w>{or_words(T.MODALITY_CUES)})(?![\w])", FLAGS)
CLAUSE_BREAK = re.compile(r"[;:]|,[ \t]+(?:and|but|while|whereas|although|though)(?![\w])", FLAGS)
# between an amount and the same amount in another currency: "8.7 trillion yen, or about
# $54.8 billion", "1.2 trillion yen ($10.5 billion)", "¥900 million (US$8.1 million)"
CONVERSION_GAP = re.compile(
    r"[ \t]*(?:\([ \t]*|,?[ \t]*(?:or|i\.e\.|equivalent[ \t]+to|equal[ \t]+to|worth)[ \t]+)",
    FLAGS)
# a dateline: "TOKYO, Aug. 31 (Kyodo) -- Japan will..." (an all-caps place before the date,
# or an agency in parentheses and a dash after it): publication metadata, not a claim
DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?-i:[A-Z][A-Z .'-]{2,}),[ \t]*$")
DATELINE_AFTER = re.compile(
    r",?[ \t]*(?:\((?-i:[A-Z][\w.&]*)(?:[ \t][\w.&]+){0,3}\)[ \t]*)?(?:--|[-\u2013\u2014])[ \t]")
# the noun phrase a figure quantifies, when no metric of the vocabulary is near: after it
# ("$5 billion for missile defense"), or before "of" ("a relocation cost of $5 billion")
OPEN_METRIC_AFTER = re.compile(
    r"[ \t]+(?:in|for|on|of|to)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?"
    r"(?P<np>(?-i:[a-z][a-z-]+)(?:[ \t]+(?-i:[a-z][a-z-]+)){0,2})", FLAGS)
OPEN_METRIC_BEFORE = re.compile(
    r"(?<![\w])(?P<np>(?-i:[a-z][a-z-]+)(?:[ \t]+(?-i:[a-z][a-z-]+)){0,2})[ \t]+"
    r"(?:of|at|was|is|were|totaled|totalled|reached|stood[ \t]+at)[ \t]+"
    r"(?:about[ \t]+|some[ \t]+|nearly[ \t]+)?$",
    FLAGS)
# a bare number that takes the currency of the amount before it: "5 euros, or 7 with a drink"
CARRIED_CURRENCY_GAP = re.compile(r",?[ \t]+(?:or|and|to|versus|vs\.?|against)[ \t]+", FLAGS)
ISO_DATE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2}))?")  # a document's date
# a document's date as given by a person: 1996, 1996-05 or 1996-05-12
DOCUMENT_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
FISCAL_BEFORE = re.compile(
    r"(?<![\w])(?:(?-i:FY)|fiscal(?:[ \t]+year)?|financial[ \t]+year)[ \t]*$", FLAGS)
# an accounting negative's evidence before "(": "a loss of ($5 million)", "net loss ("
NEGATIVE_LEAD_BEFORE = re.compile(rf"(?<![\w])(?P<w>{or_words(T.NEGATIVE_LEADS)})[ \t:]*$", FLAGS)
DECADE_MOD_BEFORE = re.compile(
    rf"(?<![\w])(?P<mod>{or_words(T.DECADE_MODIFIERS)})[ \t-]+$", FLAGS)
COUNT_CONTEXT_BEFORE = re.compile(
    rf"(?<![\w])(?P<w>{or_words(T.COUNT_CONTEXT)})(?![\w])[^.;:()]{{0,30}}$", FLAGS)

# ---- the same, on the reversed window before a number (``.match`` at position 0) -------
# Searching a window for "...$" retries a big alternation at every position; matching the
# reversed window tries it once. Groups hold reversed text.
def _rev(words: Iterable[str]) -> str:
    return or_words(w[::-1] for w in words)


def _rev_prefixes() -> str:
    parts = []
    for i, (written, _code, case) in enumerate(_PREFIXES_SORTED):
        if written in _SPACED_PREFIXES:
            body = r"\$[ \t]?" + re.escape(written[:-1][::-1])
        else:
            body = re.escape(written[::-1])
        if written[0].isalpha():
            body += r"(?![A-Za-z])"
        parts.append(f"(?P<c{i}>{body})" if not case else f"(?P<c{i}>(?-i:{body}))")
    return "|".join(parts)


CURRENCY_BEFORE_REV = re.compile(r"[ \t]?(?:" + _rev_prefixes() + ")", FLAGS)


def _last_characters(case: bool) -> str:
    return "".join(sorted({re.escape(w[-1]) for w, _, c in T.CURRENCY_PREFIXES if c == case}))


# the characters a written currency prefix can end with (before the number and an optional
# space), each with its prefix's case rule: trying this first spares most numbers the long
# alternation above
CURRENCY_BEFORE_LAST = re.compile(
    f"[{_last_characters(False)}]|(?-i:[{_last_characters(True)}])", FLAGS)
# the written prefixes of one and two characters, and the last three of longer ones,
# lower-cased: the text before a number must end with one of them for the alternation to
# be worth trying ("of 45,000" ends in "f", but no prefix ends in "of"; a spaced "C$ 5"
# ends like "$")
CURRENCY_BEFORE_TAILS: tuple[frozenset[str], ...] = tuple(
    frozenset(w.lower()[-n:] for w, _, _ in T.CURRENCY_PREFIXES
              if len(w) == n or (n == 3 and len(w) > 3))
    for n in (1, 2, 3))
QUALIFIER_BEFORE_REV = re.compile(rf"[ \t]+(?P<q>{_rev(T.QUALIFIER_WORDS)})(?![\w])", FLAGS)
MONTH_BEFORE_REV = re.compile(
    rf"[ \t]+(?:,?(?:ts|dn|dr|ht)?(?P<d>\d{{1,2}})[ \t]+)?,?\.?(?P<m>{_rev(T.MONTHS)})(?![\w])",
    FLAGS)
UNIT_AND_A_BEFORE_REV = re.compile(
    r"[ \t]+a[ \t]+dna[ \t]+(?P<u>raey|htnom|keew|yad|ruoh|etunim|edaced)(?P<a>[ \t]+na?)?(?![\w])",
    FLAGS)
ZIP_BEFORE = re.compile(r"(?-i:(?<![\w])[A-Z]{2}[ \t])$")

# ---- context ----------------------------------------------------------------------------
NON_SUBJECT_LEAD = re.compile(rf"(?<![\w]){or_words(T.NON_SUBJECT_LEADS)}[ \t]+$", FLAGS)
