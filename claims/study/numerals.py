"""Writing numbers like a given surface: a value in the style of a claim's figure.

:func:`format_like` writes a value in the style of a claim's surface, so a
multiple-choice distractor for ``$49-billion`` reads ``$98-billion``. Reading numbers is
not done here: the project has one number reader, :func:`claims.extract.read_quantities`,
and the number words below are the extractor's own tables, written the other way round.
"""

from __future__ import annotations

import re

from claims.extract._tables import CARDINALS, MULTIPLIERS, ORDINALS, SCALE_SUFFIXES

# Number words to write, from the extractor's table (first spelling wins: "forty", not
# the misspelling "fourty" it also reads).
_WORD_FOR: dict[int, str] = {}
for _word, _value in CARDINALS.items():
    _WORD_FOR.setdefault(_value, _word)
UNITS = {w: v for v, w in _WORD_FOR.items() if v < 20}
TENS = {w: v for v, w in _WORD_FOR.items() if v >= 20}
# Scale words and suffixes a surface may use ("$49-billion", "$49bn", "45k").
SCALES: dict[str, float] = {
    **{w: v for w, v in MULTIPLIERS.items() if v >= 1e3},
    **{s.lower(): v for s, v in SCALE_SUFFIXES.items()},
}
# Fraction denominators written as words: denominator -> (singular, plural).
DENOMINATOR_WORDS: dict[int, tuple[str, str]] = {
    2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"),
    5: ("fifth", "fifths"), 10: ("tenth", "tenths"),
}
DENOMINATORS = {word: den for den, words in DENOMINATOR_WORDS.items() for word in words}
_ORDINAL_WORDS = {w: int(v) for w, v in ORDINALS.items() if v <= 10}


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so a longer word wins (``bn`` before ``b``)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


# --- writing numbers like a surface -------------------------------------------

_SURFACE_NUMBER_RE = re.compile(
    rf"""
    (?P<num>{_DIGITS})
    (?P<sep>[\s-]?)
    (?P<scale>trillion|billion|million|thousand|bn|tn|[bmk](?![a-z]))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_SURFACE_WORDS_RE = re.compile(
    rf"(?<![a-z])(?P<words>(?:{_alternation(list(UNITS) + list(TENS))})"
    rf"(?:-(?:{_alternation(list(UNITS))}))?)"
    rf"(?P<sep>[\s-])(?P<den>{_alternation(list(DENOMINATORS))})(?![a-z])",
    re.IGNORECASE,
)
_SURFACE_ORDINAL_RE = re.compile(
    rf"(?<![a-z])(?:{_alternation(list(_ORDINAL_WORDS))})(?![a-z])", re.IGNORECASE
)
_NUMBER_WORDS_OUT = {v: k for k, v in UNITS.items()}
_TENS_OUT = {v: k for k, v in TENS.items()}
_ORDINALS_OUT = {v: k for k, v in _ORDINAL_WORDS.items()}


def number_words(n: int) -> str:
    """English words for 0 <= n < 100: ``number_words(49) == "forty-nine"``."""
    if n < 20:
        return _NUMBER_WORDS_OUT[n]
    tens, units = divmod(n, 10)
    return _TENS_OUT[tens * 10] + (f"-{_NUMBER_WORDS_OUT[units]}" if units else "")


def _plain(number: float, commas: bool, decimals: int) -> str:
    if decimals == 0 and not number.is_integer():
        decimals = 1 if abs(number) >= 1 else 2
    text = f"{number:,.{decimals}f}" if commas else f"{number:.{decimals}f}"
    if "." in text and decimals and not commas:
        text = text.rstrip("0").rstrip(".") if float(text).is_integer() else text
    return text


def simple_fraction(value: float) -> tuple[int, int] | None:
    """``(n, d)`` when ``value`` is n/d for a denominator with a word (½, ⅓, ¼, ⅕, ⅒)."""
    for den in DENOMINATOR_WORDS:
        num = value * den
        if abs(num - round(num)) < 1e-9 and 0 < round(num) < den:
            return round(num), den
    return None


def fraction_words(num: int, den: int, sep: str = "-") -> str:
    """``fraction_words(1, 5) == "one-fifth"``; ``fraction_words(2, 5) == "two-fifths"``."""
    singular, plural = DENOMINATOR_WORDS[den]
    return f"{number_words(num)}{sep}{singular if num == 1 else plural}"


_SURFACE_COUNT_WORD_RE = re.compile(
    rf"(?<![a-z])(?:{_alternation(list(TENS))})(?:-(?:{_alternation(list(_NUMBER_WORDS_OUT.values()))}))?"
    rf"(?![a-z])|(?<![a-z])(?:{_alternation(list(_NUMBER_WORDS_OUT.values()))})(?![a-z])",
    re.IGNORECASE,
)


def _like_case(word: str, model: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def format_like(value: float, surface: str, kind: str) -> str | None:
    """``value`` written in the style of ``surface`` (its symbol, scale word, separators).

    ``value`` is in the claim's units: dollars for money, percent points for
    percentages, a fraction (0.2) for ratios written as words.

    >>> format_like(98e9, "$49-billion", "money")
    '$98-billion'
    >>> format_like(90000, "more than 45,000", "count")
    'more than 90,000'
    >>> format_like(0.4, "one-fifth", "ratio")
    'two-fifths'
    >>> format_like(2, "third largest", "rank")
    'second largest'
    >>> format_like(6, "Three reasons", "count")
    'Six reasons'
    >>> format_like(2002, "Sept. 11, 2001", "date")
    'Sept. 11, 2002'
    """
    words = _SURFACE_WORDS_RE.search(surface)
    if words and kind in ("ratio", "percent"):
        fraction = simple_fraction(value if value <= 1 else value / 100)
        if fraction:
            replacement = fraction_words(*fraction, sep=words["sep"])
        else:
            replacement = f"{_plain(value * 100 if value <= 1 else value, False, 0)} percent"
        return surface[: words.start()] + replacement + surface[words.end():]
    ordinal = _SURFACE_ORDINAL_RE.search(surface)
    if ordinal and kind == "rank":
        if not (1 < value <= 10 and float(value).is_integer()):
            return None  # "first largest" reads wrong; past "tenth" there is no word
        return surface[: ordinal.start()] + _ORDINALS_OUT[int(value)] + surface[ordinal.end():]
    match = _SURFACE_NUMBER_RE.search(surface)
    if kind == "date":  # "Sept. 11, 2001": the year is the four-digit number, not the day
        years = [m for m in _SURFACE_NUMBER_RE.finditer(surface) if len(m["num"]) == 4]
        match = years[0] if years else match
    if not match:
        spelled = _SURFACE_COUNT_WORD_RE.search(surface)
        if spelled is None:
            return None  # "world's largest", "almost half": no number to swap
        if not float(value).is_integer() or not 1 < value < 100:
            return None  # "Three reasons" cannot say 0.3 or 300, and "one reasons" is wrong
        word = _like_case(number_words(int(value)), spelled.group(0))
        return surface[: spelled.start()] + word + surface[spelled.end():]
    scale_word = (match["scale"] or "").lower()
    scale = SCALES.get(scale_word, 1.0)
    number = value / scale
    literal = match["num"]
    decimals = len(literal.split(".")[1]) if "." in literal else 0
    commas = "," in literal or (number >= 1_000 and kind not in ("date", "year"))
    core = _plain(number, commas, decimals)
    rebuilt = core + match["sep"] + (match["scale"] or "")
    return surface[: match.start()] + rebuilt + surface[match.end():]
