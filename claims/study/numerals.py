"""Reading numbers the way people write them, and writing them like a given surface.

Two small jobs for study mode, independent of the extraction rules:

* :func:`read_figures` finds every number in a typed answer — digits with commas,
  suffixes (``$49B``, ``49bn``, ``45k``), scale words (``49 billion``), number words
  (``forty-nine billion``), fractions (``one fifth``, ``1/5``, ``a quarter``) and
  percentages (``20%``, ``20 percent``) — and notes the currency it names, if any.
* :func:`format_like` writes a value in the style of a claim's surface, so a
  multiple-choice distractor for ``$49-billion`` reads ``$98-billion``.

The tables below are the rules; the functions only walk them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# --- rule tables -------------------------------------------------------------

# Number words. Units and teens are added, tens multiply nothing; "hundred" multiplies
# the group so far; SCALES close a group ("forty-nine billion" = 49 * 1e9).
UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}

# Scale words and suffixes, longest first so "bn" wins over "b" and "mn" over "m".
SCALES: dict[str, float] = {
    "trillion": 1e12, "tn": 1e12, "t": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "mm": 1e6, "m": 1e6,
    "thousand": 1e3, "k": 1e3,
}
# Scale words that may stand alone after a number word ("forty-nine billion").
SCALE_WORDS = ("trillion", "billion", "million", "thousand")

# Fraction denominators as words, singular and plural ("one fifth", "two-fifths").
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
# Written back: denominator -> (singular, plural).
DENOMINATOR_WORDS: dict[int, tuple[str, str]] = {
    2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"),
    5: ("fifth", "fifths"), 10: ("tenth", "tenths"),
}

# Ordinals for ranks ("the world's third largest").
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}

# A superlative with no ordinal ranks first ("the world's largest" = No. 1).
SUPERLATIVES = ("largest", "biggest", "greatest", "highest", "top", "leading", "most")

# Currency markers: symbols before the number, words and codes anywhere.
CURRENCIES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "¥": "JPY", "jpy": "JPY", "yen": "JPY",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
}

PERCENT_WORDS = ("%", "percent", "per cent", "pct", "percentage points")


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so a longer word wins (``bn`` before ``b``)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- patterns built from the tables --------------------------------------------

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_NUMBER_RE = re.compile(
    rf"""
    (?P<num>{_DIGITS})                       # 49 | 49,000,000,000 | 2.5
    (?:\s*/\s*(?P<den>\d+))?                 # 1/5
    (?:[\s-]*(?P<scale>{_alternation(list(SCALES))})(?![a-z]))?   # -billion, B, bn, k
    (?:\s*(?P<pct>{_alternation(list(PERCENT_WORDS))}))?          # %, percent
    """,
    re.VERBOSE | re.IGNORECASE,
)
_WORD_VOCAB = (
    list(UNITS) + list(TENS) + list(SCALE_WORDS) + ["hundred"] + list(DENOMINATORS) + ["and"]
)
_WORDS_RE = re.compile(
    rf"""
    (?<![a-z])
    (?P<words>(?:{_alternation(_WORD_VOCAB)})(?:[\s-]+(?:{_alternation(_WORD_VOCAB)}))*)
    (?![a-z])
    (?:\s*(?P<pct>{_alternation(list(PERCENT_WORDS))}))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_CURRENCY_RE = re.compile(
    rf"(?<![a-z])(?:{_alternation(list(CURRENCIES))})(?![a-z])", re.IGNORECASE
)
_ANY_SCALE_RE = re.compile(
    rf"""\d\s*-?\s*(?:{_alternation(list(SCALES))})(?![a-z])    # 49bn, 49-billion, 45k
    |(?<![a-z])(?:{_alternation(list(SCALE_WORDS))})(?![a-z])   # forty-nine billion""",
    re.IGNORECASE | re.VERBOSE,
)
_YEAR_RE = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")


@dataclass(frozen=True, slots=True)
class Figure:
    """One number read from an answer."""

    value: float
    scaled: bool = False  # a scale word or suffix was given (billion, bn, k)
    percent: bool = False  # written as a percentage (value is in percent units)
    fraction: bool = False  # written as a fraction ("one fifth", "1/5"); value is 0..n


def _words_value(words: list[str]) -> tuple[float, bool, bool] | None:
    """The value of number words: (value, scaled, fraction), or None if not a number.

    >>> _words_value(["forty", "nine", "billion"])
    (49000000000.0, True, False)
    >>> _words_value(["one", "fifth"])
    (0.2, False, True)
    """
    words = [w for w in words if w != "and"]
    if not words or all(w in ("a", "an") for w in words):
        return None
    if words[-1] in DENOMINATORS:
        head = [w for w in words[:-1] if w not in ("a", "an")]
        numerator = _words_value(head) if head else (1.0, False, False)
        if numerator is None:
            return None
        return numerator[0] / DENOMINATORS[words[-1]], False, True
    total, group, scaled, seen = 0.0, 0.0, False, False
    for word in words:
        if word in UNITS:
            group += UNITS[word]
            seen = True
        elif word in TENS:
            group += TENS[word]
            seen = True
        elif word == "hundred":
            group = (group or 1) * 100
            seen = True
        elif word in SCALES:
            total += (group or 1) * SCALES[word]
            group, scaled, seen = 0.0, True, True
        else:
            return None
    return (total + group, scaled, False) if seen else None


def read_figures(text: str) -> list[Figure]:
    """Every number written in ``text``.

    >>> [f.value for f in read_figures("$49B")]
    [49000000000.0]
    >>> read_figures("one fifth")[0].value
    0.2
    >>> read_figures("20%")[0]
    Figure(value=20.0, scaled=False, percent=True, fraction=False)
    """
    found: list[tuple[int, Figure]] = []
    covered: list[tuple[int, int]] = []
    for match in _NUMBER_RE.finditer(text):
        value = float(match["num"].replace(",", ""))
        fraction = False
        if match["den"]:
            if float(match["den"]) == 0:
                continue
            value, fraction = value / float(match["den"]), True
        scale = match["scale"]
        if scale:
            value *= SCALES[scale.lower()]
        found.append((match.start(), Figure(value, bool(scale), bool(match["pct"]), fraction)))
        covered.append(match.span())
    for match in _WORDS_RE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in covered):
            continue
        parsed = _words_value(re.split(r"[\s-]+", match["words"].lower()))
        if parsed is None:
            continue
        value, scaled, fraction = parsed
        found.append((match.start(), Figure(value, scaled, bool(match["pct"]), fraction)))
    return [figure for _, figure in sorted(found, key=lambda pair: pair[0])]


def currencies(text: str) -> set[str]:
    """ISO codes of the currencies ``text`` names. ``currencies("49 billion yen") == {"JPY"}``."""
    return {CURRENCIES[m.group(0).lower()] for m in _CURRENCY_RE.finditer(text)}


def has_scale(text: str) -> bool:
    """True if ``text`` gives a scale (``billion``, ``bn``, ``49k``)."""
    return bool(_ANY_SCALE_RE.search(text))


def read_years(text: str) -> list[int]:
    """Four-digit years in ``text``: ``read_years("in 1992") == [1992]``."""
    return [int(y) for y in _YEAR_RE.findall(text)]


def read_ordinal(text: str) -> int | None:
    """A rank written as an ordinal word or number, or a bare superlative (first).

    >>> read_ordinal("third"), read_ordinal("3rd"), read_ordinal("the world's largest")
    (3, 3, 1)
    """
    lowered = text.lower()
    for word, value in ORDINALS.items():
        if re.search(rf"(?<![a-z]){word}(?![a-z])", lowered):
            return value
    match = re.search(r"(?<!\d)(\d+)(?:st|nd|rd|th)?(?![\d])", lowered)
    if match:
        return int(match.group(1))
    if any(re.search(rf"(?<![a-z]){word}(?![a-z])", lowered) for word in SUPERLATIVES):
        return 1
    return None


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
_SURFACE_ORDINAL_RE = re.compile(rf"(?<![a-z])(?:{_alternation(list(ORDINALS))})(?![a-z])", re.I)
_NUMBER_WORDS_OUT = {v: k for k, v in UNITS.items() if k not in ("a", "an")}
_TENS_OUT = {v: k for k, v in TENS.items()}
_ORDINALS_OUT = {v: k for k, v in ORDINALS.items()}


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


def close(a: float, b: float, rel: float) -> bool:
    """True when ``a`` and ``b`` differ by at most ``rel`` of the larger magnitude."""
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-12)
