"""The scanner: one pass of ``MASTER`` over the text, then rules around each number.

``scan(text)`` returns :class:`Found` objects (kind, span, value, unit, qualifier)
in order, without sentence context; ``claims.extract`` adds sentence, subject,
metric, as_of and topics. The scanner finds where numbers are; ``_build`` reads the
words around each one.

``peer=True`` is the permissive mode, used only by the peer-suite adapter
(``tests/benchmarks/peer_adapter.py``): bare ordinals, "one", vague numerals and
measurements are reported too, and no page-furniture rules apply.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from claims.extract import _patterns as P
from claims.extract import _tables as T
from claims.extract._build import Found, build
from claims.extract._numbers import parse_digits, parse_words
from claims.extract._readers import fraction_over, match_before

FURNITURE_GROUPS = frozenset(
    ("phone", "label", "slashdate", "code", "zip", "enum", "idiom", "plusplus", "paywall", "url",
     "clock", "score", "street", "intlphone"))
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
_FIRST_WORD = re.compile(r"[A-Za-z]+|\d+")


def scan(text: str, peer: bool = False) -> list[Found]:
    """All figures of ``text`` in order (see the module docstring)."""
    letter, other = (P.MASTER_PEER_LETTER, P.MASTER_PEER_OTHER) if peer else \
        (P.MASTER_LETTER, P.MASTER_OTHER)
    out: list[Found] = []
    last_end = 0
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets
        low = text.translate(_ASCII_LOWER)
    anchors = sorted([*(a.start() for a in P.ANCHOR_DIGITS.finditer(low)),
                      *(a.start() for a in (P.ANCHOR_WORD_PEER if peer else P.ANCHOR_WORD)
                        .finditer(low))])
    for at in anchors:
        if at < last_end:
            continue
        m = (letter if text[at].isalpha() else other).match(text, at)
        if m is None:
            continue
        group = m.lastgroup or ""
        if group in FURNITURE_GROUPS:
            last_end = m.end()
            continue
        figures = _HANDLERS[group](text, m, peer)
        last_end = max(last_end, m.end())  # every number of this match has been read
        if group == "digits" and not any(figures):
            glued = P.HYPHEN_GLUED.match(text, m.end())
            if glued:  # "Boeing 737-800": what a hyphen glues to a name is the name too
                last_end = glued.end()
        for fig in figures:
            if fig is None or (out and fig.start < out[-1].end):
                continue
            if fig.kind == "skip":  # furniture found by the rules (a byline date)
                last_end = fig.end
                continue
            if not _finite(fig.value) or not _finite(fig.value_max):
                continue  # "$5 to 9e300 trillion"
            if not peer and out:
                _carry_currency(text, out[-1], fig)
            out.append(fig)
            last_end = max(last_end, fig.end)
    return out


def _carry_currency(text: str, before: Found, fig: Found) -> None:
    """"5 euros, or 7 with a drink": a bare count right after an amount without a scale,
    joined by "or", "and", "to"..., is an amount in the same currency."""
    if fig.kind != "count" or fig.unit is not None or before.kind != "money" or \
            before.value is None or abs(before.value) >= 1e6 or fig.qualifier == "range" or \
            not text[fig.start:fig.start + 1].isdigit():
        return
    gap = P.CARRIED_CURRENCY_GAP.match(text, before.end, fig.start)
    if gap is not None and gap.end() == fig.start:
        fig.kind, fig.unit = "money", before.unit
        fig.note = f"currency carried from {text[before.start:before.end]!r}"


def _finite(value: float | None) -> bool:
    return value is None or math.isfinite(value)


# ---- rank constructions ---------------------------------------------------------------

def _ordinal_value(word: str) -> float:
    word = word.lower()
    if word in T.ORDINALS:
        return float(T.ORDINALS[word])
    return float(re.sub(r"\D", "", word))


def _world(text: str, m: re.Match[str], peer: bool) -> list[Found | None]:
    ordinal = m.group("wordinal")
    value = _ordinal_value(ordinal) if ordinal else 1.0
    return [Found("rank", m.start(), m.end(), value)]


def _ordsup(text: str, m: re.Match[str], peer: bool) -> list[Found | None]:
    word = _FIRST_WORD.match(m.group())  # "second" of "second-largest", "3" of "3rd largest"
    assert word is not None
    return [Found("rank", m.start(), m.end(), _ordinal_value(word.group()))]


def _rankno(text: str, m: re.Match[str], peer: bool) -> list[Found | None]:
    value = float(re.sub(r"\D", "", m.group()))
    return [Found("rank", m.start(), m.end(), value)]


# ---- numbers ----------------------------------------------------------------------------

def _digits(text: str, m: re.Match[str], peer: bool) -> list[Found | None]:
    raw = m.group("digits")
    if "e" in raw or "E" in raw or "^" in raw or P.TIMES_TEN.search(raw):
        value = _scientific(raw)  # "1.5e6", "2.48x10-5", "1.1^23"
    else:
        value = parse_digits(raw)
    if value is None:
        return []
    hint = "ratio" if ("/" in raw and " " not in raw.strip() or raw[-1] in T.VULGAR_FRACTIONS) \
        and abs(value) < 1 else "count"
    return [build(text, m.start("digits"), m.end("digits"), value, hint, "digits", peer)]


def _scientific(raw: str) -> float | None:
    """"1.5e6" as mantissa times a power of ten; None when that overflows.

    >>> _scientific("1.5e6"), _scientific("2E-3"), _scientific("0.001e310")
    (1500000.0, 0.002, 1e+307)
    >>> _scientific("8.7e12"), _scientific("1.3x10^6"), _scientific("2.5^-1")
    (8700000000000.0, 1300000.0, 0.4)
    """
    raw = raw.replace("\u2212", "-")
    times = P.TIMES_TEN.search(raw)
    power = None if times else P.POWER.search(raw)
    if power is not None:  # "1.1^23", "2.5^-1": a power of the mantissa
        base = parse_digits(raw[:power.start()].strip())
        exponent = power.group("exp").replace("--", "")
        try:
            result = base ** int(exponent) if base is not None else None
        except (OverflowError, ZeroDivisionError):
            return None
        return result if result is not None and math.isfinite(result) else None
    if times is not None:  # "1.3x10^6", "2.48\u00d710-5"
        mantissa, exponent = raw[:times.start()], times.group("exp")
    else:
        mantissa, _, exponent = raw.lower().rpartition("e")
    base = parse_digits(mantissa.strip())
    if base is None:
        return None
    try:
        result = float(Decimal(repr(base)).scaleb(int(exponent)))  # exact: 8.7e12, not ...999
    except (ValueError, ArithmeticError):
        return None
    return result if math.isfinite(result) else None


def _words(text: str, m: re.Match[str], peer: bool) -> list[Found | None]:
    base = m.start()
    phrase = m.group()
    if phrase.lower() == "half":
        and_a_half = _and_a_half(text, m, peer)
        if and_a_half is not None:
            return [and_a_half]
    figures: list[Found | None] = []
    for number in parse_words(phrase):
        if number.value == 1 and number.words == 1 and number.kind == "count" and \
                (not peer or _pronoun_lead(text, base + number.start)) \
                and not _unit_follows(text, base + number.end) \
                and not fraction_over(text, base + number.end, 1.0):
            continue  # "one" alone: a pronoun or an article, read no further
        figures.append(build(text, base + number.start, base + number.end, number.value,
                             number.kind, "words", peer))
    return figures


def _and_a_half(text: str, m: re.Match[str], peer: bool) -> Found | None:
    """"a year and a half" -> 1.5 year (prose leaves out the leading "a")."""
    hit = match_before(P.UNIT_AND_A_BEFORE_REV, text, m.start(), 24)
    if hit is None:
        return None
    start, hm = hit
    unit = hm.group("u")[::-1].lower()
    if hm.group("a") and not peer:
        start += len(hm.group("a"))
    value = 1.5
    if unit in T.TIME_FACTORS:  # "a decade and a half" -> 15 year
        unit, factor = T.TIME_FACTORS[unit]
        value *= factor
    return Found("duration", start, m.end(), value, unit=unit)


def _pronoun_lead(text: str, pos: int) -> bool:
    """Is the word before ``pos`` one that makes "one" a pronoun ("that one", "which one")?"""
    words = text[max(0, pos - 12):pos].split()
    return bool(words) and words[-1].lower() in T.ONE_PRONOUN_LEADS


def _unit_follows(text: str, pos: int) -> bool:
    return bool(P.PERCENT_AFTER.match(text, pos) or P.TIME_AFTER.match(text, pos)
                or P.CURRENCY_AFTER.match(text, pos))


def _fold(text: str, m: re.Match[str], peer: bool) -> list[Found | None]:
    """"sixfold": a multiplier, kind ratio with unit "fold" (a qualifier before it is read)."""
    start, qualifier = m.start(), "exact"
    hit = match_before(P.QUALIFIER_BEFORE_REV, text, start, 24)
    if hit:
        start, qm = hit
        qualifier = T.QUALIFIER_WORDS[qm.group("q")[::-1].lower()]
    return [Found("ratio", start, m.end(), T.FOLD_WORDS[m.group().lower()], None, "fold",
                   qualifier)]


def _indef(text: str, m: re.Match[str], peer: bool) -> list[Found | None]:
    """(Permissive mode) "a couple of days", "a few", "an hour", "another week", "a dollar":
    the words stand for a number, and the unit after them is read as after any number."""
    words = " ".join(m.group().lower().split())
    value = float(T.INDEFINITE_NUMERALS.get(words, 1))
    return [build(text, m.start(), m.end(), value, "count", "words", peer)]


_HANDLERS = {
    "world": _world, "ordsup": _ordsup, "rankno": _rankno, "fold": _fold,
    "digits": _digits, "words": _words, "indef": _indef,
}
