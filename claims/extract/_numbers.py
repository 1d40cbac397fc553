"""Values of written numbers: digit strings and number-word phrases.

Pure functions over the tables in ``_tables``; the scanner finds the phrases.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from claims.extract import _tables as T

MAX_DIGITS = 20  # longer digit runs are codes or noise, never figures

_DIGIT_TRANS = str.maketrans({",": "", " ": "", "\u00a0": "", "\u2009": "", "\u202f": ""})
_DENOMINATORS: dict[str, float] = {**T.ORDINALS, **T.FRACTION_WORDS}
_DENOMINATORS.update({w + "s": v for w, v in T.ORDINALS.items() if w not in ("first", "second")})
_DENOMINATORS["halves"] = 2


def parse_digits(raw: str) -> float | None:
    """``"45,000"`` -> 45000.0; thousands separators, decimals, ``-`` sign, ``a/b`` and ``a b/c``.

    >>> parse_digits("1,234.5"), parse_digits("2 1/4"), parse_digits("-4/5")
    (1234.5, 2.25, -0.8)
    >>> parse_digits("1 234 567"), parse_digits("3\u00bd"), parse_digits("12,34,567.89")
    (1234567.0, 3.5, 1234567.89)
    """
    raw = raw.replace("\u2212", "-")
    sign = -1.0 if raw.startswith("-") else 1.0
    raw = raw.lstrip("-")
    whole: float | None = 0.0
    if "/" in raw:
        head, _, den = raw.rpartition("/")
        parts = head.split()
        if len(parts) == 2:  # mixed number "2 1/4"
            whole, num = _plain(parts[0]), _plain(parts[1])
        else:
            num = _plain(head)
        d = _plain(den)
        if num is None or d is None or whole is None or d == 0:
            return None
        return sign * (whole + num / d)
    value = _plain(raw)
    return None if value is None else sign * value


def _plain(raw: str) -> float | None:
    if raw[-1:] in T.VULGAR_FRACTIONS:  # "3\u00bd", "\u00bd"
        whole = _plain(raw[:-1]) if raw[:-1] else 0.0
        return None if whole is None else added(whole, T.VULGAR_FRACTIONS[raw[-1]])
    digits = raw.translate(_DIGIT_TRANS)
    if not digits or len(digits) > MAX_DIGITS:
        return None
    try:
        value = float(digits)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def scaled(value: float, factor: float) -> float:
    """``value * factor`` in decimal arithmetic, rounded once: written figures are decimal.

    Float multiplication rounds 8.7 (stored as 8.6999...) times 1e12 to 8699999999999.999;
    here each operand is read as the shortest decimal that round-trips (``repr``) and the
    exact product is rounded to the nearest float.

    >>> scaled(8.7, 1e12), scaled(4.3, 1e6), scaled(0.07, 1e9), scaled(1.15, 100)
    (8700000000000.0, 4300000.0, 70000000.0, 115.0)
    >>> scaled(3.0, 0.01), scaled(1e300, 1e300)
    (0.03, inf)
    """
    if factor == 1 or not (math.isfinite(value) and math.isfinite(factor)):
        return value * factor
    try:
        return float(Decimal(repr(value)) * Decimal(repr(factor)))
    except (InvalidOperation, OverflowError):  # pragma: no cover - finite reprs always parse
        return value * factor


def added(value: float, other: float) -> float:
    """``value + other`` in decimal arithmetic: ``added(20, 0.43)`` is 20.43, as written.

    >>> added(0.1, 0.2), added(20.0, 0.43)
    (0.3, 20.43)
    """
    if not (math.isfinite(value) and math.isfinite(other)):
        return value + other
    return float(Decimal(repr(value)) + Decimal(repr(other)))


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A parsed run of number words: ``[start, end)`` within the phrase, and what it is."""

    start: int
    end: int
    value: float
    kind: str  # "count" | "ratio" | "rank" | "vague"
    words: int  # how many number words it used


_TOKEN = re.compile(r"[A-Za-z]+|[,&]")
_CONNECT_AND = frozenset(("and",))


def _word_class(word: str) -> str:
    if word in ("zero", "naught", "nought"):
        return "zero"
    v = T.CARDINALS.get(word)
    if v is not None:
        return "unit" if v < 10 else ("teen" if v < 20 else "tens")
    if word == "hundred":
        return "hundred"
    if word in T.MULTIPLIERS:
        return "scale"
    if word in T.VAGUE_PLURALS:
        return "vague"
    if word in T.ORDINALS:
        return "ordinal"
    if word in _DENOMINATORS:
        return "denominator"
    if word in ("a", "an"):
        return "a"
    if word == "point":
        return "point"
    if word == ",":
        return "comma"
    if word in ("and", "over", "out", "of"):
        return "connector"
    return "other"


def parse_words(phrase: str) -> list[WordNumber]:
    """Split a run of number words into numbers, with their values.

    >>> [(n.value, n.kind) for n in parse_words("forty-five thousand")]
    [(45000.0, 'count')]
    >>> [(n.value, n.kind) for n in parse_words("one-fifth")]
    [(0.2, 'ratio')]
    >>> [n.value for n in parse_words("one one one")]
    [1.0, 1.0, 1.0]
    >>> [(n.value, n.kind) for n in parse_words("twenty-first")]
    [(21.0, 'rank')]
    >>> [n.value for n in parse_words("two and a half")]
    [2.5]
    """
    tokens = [(m.start(), m.end(), "and" if m.group() == "&" else m.group().lower())
              for m in _TOKEN.finditer(phrase)]
    out: list[WordNumber] = []
    i = 0
    n = len(tokens)
    while i < n:
        parsed = _parse_one(tokens, i)
        if parsed is None:
            i += 1
            continue
        number, i = parsed
        out.append(number)
    return out


def _parse_one(tokens: list[tuple[int, int, str]], i: int) -> tuple[WordNumber, int] | None:
    """Parse the longest valid number starting at token ``i``; returns it and the next index."""
    n = len(tokens)
    start = tokens[i][0]
    first_cls = _word_class(tokens[i][2])
    if first_cls in ("connector", "point", "other", "comma"):
        return None
    if first_cls == "vague":
        word = tokens[i][2]
        return WordNumber(start, tokens[i][1], T.VAGUE_PLURALS[word], "vague", 1), i + 1
    total = 0.0
    current = 0.0
    last = None  # class of the last number word used
    last_scale = math.inf
    j = i
    end = start
    used = 0
    while j < n:
        s, e, word = tokens[j]
        cls = _word_class(word)
        if cls == "vague" and last is not None and word[:-1] in T.MULTIPLIERS:
            cls, word = "scale", word[:-1]  # "three billions"
        if cls == "a":
            # "a" is 1 only at the very start, or in "and a half" handled below
            if last is None and j + 1 < n and _word_class(tokens[j + 1][2]) in (
                    "hundred", "scale", "denominator", "ordinal"):
                current, last, end, j = 1.0, "unit", e, j + 1
                continue
            break
        if cls == "zero":
            if last is not None:
                break
            current, last, end, used, j = 0.0, "zero", e, used + 1, j + 1
            if j < n and tokens[j][2] == "point":
                frac = _decimal_tail(tokens, j + 1)
                if frac is not None:
                    value, end, j, k = frac[0], frac[1], frac[2], frac[3]
                    return WordNumber(start, end, value, "count", used + k), j
            break
        if cls == "unit" or cls == "teen":
            if last in ("unit", "teen", "zero"):
                break
            if last == "tens" and cls == "teen":
                break
            current += T.CARDINALS[word]
        elif cls == "tens":
            if last in ("unit", "teen", "tens", "zero"):
                break
            current += T.CARDINALS[word]
        elif cls == "hundred":
            if last in ("hundred", "zero") or current >= 100:
                break
            current = (current or 1.0) * 100
        elif cls == "scale":
            scale = T.MULTIPLIERS[word]
            if last == "scale" or scale >= last_scale:
                break
            total = added(total, scaled(current or 1.0, scale))
            current = 0.0
            last_scale = scale
        elif cls in ("ordinal", "denominator"):
            return _finish_ordinal(tokens, i, j, total, current, last, used, start)
        elif cls == "point":
            if last is None:
                break
            frac = _decimal_tail(tokens, j + 1)
            if frac is None:
                break
            value, end, j, k = frac
            return WordNumber(start, end, added(total + current, value), "count", used + k), j
        elif cls == "comma":
            if last != "scale":  # "three million, two hundred": the comma of thousands
                break
            j += 1
            continue
        elif cls == "connector":
            if word == "and" and last is not None and j + 1 < n:
                nxt = tokens[j + 1][2]
                # "one and a half", "two and three quarters", "five and half", "three
                # million and a half" (a half million), "one billion and a half million"
                num, k = 0.0, j + 1
                if nxt in ("a", "an"):
                    num, k = 1.0, j + 2
                elif _word_class(nxt) == "unit" and j + 2 < n and \
                        tokens[j + 2][2] in _DENOMINATORS:
                    num, k = float(T.CARDINALS[nxt]), j + 2
                elif nxt in T.FRACTION_WORDS:
                    num = 1.0
                if num and k < n and tokens[k][2] in _DENOMINATORS and \
                        (nxt in ("a", "an") or tokens[k][2] not in ("first", "second")):
                    part = num / _DENOMINATORS[tokens[k][2]]
                    end_k = tokens[k][1]
                    if k + 1 < n and T.MULTIPLIERS.get(tokens[k + 1][2], 0) >= 1e3 and \
                            T.MULTIPLIERS[tokens[k + 1][2]] < last_scale:
                        part, end_k, k = scaled(part, T.MULTIPLIERS[tokens[k + 1][2]]), \
                            tokens[k + 1][1], k + 1
                    elif last == "scale":
                        part = scaled(part, last_scale)
                    value = added(total + current, part)
                    return WordNumber(start, end_k, value, "count", used + 2), k + 1
                nxt_cls = _word_class(nxt)
                if nxt_cls in ("unit", "teen", "tens") and last in ("hundred", "scale"):
                    j += 1
                    continue
            if word in ("over", "out") and last is not None:
                k = j + 1
                if word == "out":
                    if k < n and tokens[k][2] == "of":
                        k += 1
                    else:
                        break
                if k < n:
                    rest = _parse_one(tokens, k)
                    if rest is not None and rest[0].kind == "count" and rest[0].value:
                        value = (total + current) / rest[0].value
                        return WordNumber(start, rest[0].end, value, "ratio", used + 2), rest[1]
            break
        else:
            break
        last = cls
        end = e
        used += 1
        j += 1
    if last is None:
        return None
    return WordNumber(start, end, total + current, "count", used), j


def _decimal_tail(tokens: list[tuple[int, int, str]], j: int) -> tuple[float, int, int, int] | None:
    """Digits spoken after "point": "five" -> .5, "two five" -> .25."""
    digits = ""
    end = 0
    k = 0
    while j < len(tokens):
        word = tokens[j][2]
        v = 0 if word in ("zero", "naught", "nought", "oh") else T.CARDINALS.get(word)
        if v is None or v > 9:
            break
        digits += str(v)
        end = tokens[j][1]
        j += 1
        k += 1
    if not digits:
        return None
    return float("0." + digits), end, j, k


def _finish_ordinal(tokens: list[tuple[int, int, str]], i: int, j: int, total: float,
                    current: float, last: str | None, used: int,
                    start: int) -> tuple[WordNumber, int]:
    s, e, word = tokens[j]
    plural = word.endswith("s") and word not in T.ORDINALS
    if word in T.ORDINALS:
        ordv = float(T.ORDINALS[word])
    else:
        ordv = float(_DENOMINATORS[word])
    is_fraction_word = word in T.FRACTION_WORDS or word == "halves"
    if last is None:
        if is_fraction_word or plural:
            # a bare "half", "quarters", "thirds": 1/den
            return WordNumber(s, e, 1.0 / ordv, "ratio", 1), j + 1
        return WordNumber(s, e, ordv, "rank", 1), j + 1
    base = total + current
    # compound ordinal: "twenty-first", "one hundred twenty-fifth", "three trillionth"
    if not plural and not is_fraction_word:
        if last == "tens" and ordv < 10:
            return WordNumber(start, e, base + ordv, "rank", used + 1), j + 1
        if last in ("hundred", "scale") and ordv < 100 and current % 100 == 0 and base >= 100:
            return WordNumber(start, e, base + ordv, "rank", used + 1), j + 1
        if ordv >= 100 and last in ("unit", "teen", "tens", "hundred"):
            return WordNumber(start, e, base * ordv, "rank", used + 1), j + 1
    value = base / ordv
    return WordNumber(start, e, value, "ratio" if abs(value) < 1 else "count", used + 1), j + 1
