"""The scanner: one pass of ``MASTER`` over the text, then rules around each number.

``scan(text)`` returns :class:`Figure` objects (kind, span, value, unit, qualifier)
in order, without sentence context; ``claims.extract`` adds sentence, subject,
metric, as_of and topics. ``peer=True`` is the permissive mode used for the peer
suites: bare ordinals, "one", vague numerals and measurements are reported too, and
no page-furniture rules apply.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.extract import _patterns as P
from claims.extract import _tables as T
from claims.extract._numbers import parse_digits, parse_words

WINDOW = 48  # characters looked at before a number for currency, qualifier, month...
FURNITURE_GROUPS = frozenset(
    ("phone", "label", "slashdate", "code", "zip", "enum", "idiom", "plusplus", "paywall", "url"))
_YEAR_MIN, _YEAR_MAX = 1500, 2099
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}


def _before(pattern: re.Pattern[str], text: str, pos: int,
            width: int = WINDOW) -> tuple[int, re.Match[str]] | None:
    """Match a reversed lookback ``pattern`` against the text ending at ``pos``; returns
    the start of the match in ``text`` and the match (whose groups are reversed)."""
    lo = max(0, pos - width)
    m = pattern.match(text[lo:pos][::-1])
    if m is None:
        return None
    return pos - m.end(), m


@dataclass(slots=True)
class Figure:
    kind: str
    start: int
    end: int
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    year: int | None = None  # for dates: the year the date names


def scan(text: str, peer: bool = False) -> list[Figure]:
    """All figures of ``text`` in order (see the module docstring)."""
    master = P.MASTER_PEER if peer else P.MASTER
    out: list[Figure] = []
    last_end = 0
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets
        low = text.translate(_ASCII_LOWER)
    anchors = sorted([*(a.start() for a in P.ANCHOR_DIGITS.finditer(low)),
                      *(a.start() for a in P.ANCHOR_WORD.finditer(low))])
    for at in anchors:
        if at < last_end:
            continue
        m = master.match(text, at)
        if m is None:
            continue
        group = m.lastgroup
        if group in FURNITURE_GROUPS:
            last_end = m.end()
            continue
        figures = _HANDLERS[group](text, m, peer)
        last_end = max(last_end, m.end())  # every number of this match has been read
        for fig in figures:
            if fig is None or (out and fig.start < out[-1].end):
                continue
            if fig.kind == "skip":  # furniture found by the rules (a byline date)
                last_end = fig.end
                continue
            if fig.value is not None and not math.isfinite(fig.value):
                continue
            out.append(fig)
            last_end = max(last_end, fig.end)
    return out


# ---- rank constructions ---------------------------------------------------------------

def _ordinal_value(word: str) -> float:
    word = word.lower()
    if word in T.ORDINALS:
        return float(T.ORDINALS[word])
    return float(re.sub(r"\D", "", word))


def _world(text: str, m: re.Match[str], peer: bool) -> list[Figure | None]:
    ordinal = m.group("wordinal")
    value = _ordinal_value(ordinal) if ordinal else 1.0
    return [Figure("rank", m.start(), m.end(), value)]


def _ordsup(text: str, m: re.Match[str], peer: bool) -> list[Figure | None]:
    word = re.match(r"[A-Za-z]+|\d+", m.group()).group()
    return [Figure("rank", m.start(), m.end(), _ordinal_value(word))]


def _rankno(text: str, m: re.Match[str], peer: bool) -> list[Figure | None]:
    value = float(re.sub(r"\D", "", m.group()))
    return [Figure("rank", m.start(), m.end(), value)]


# ---- numbers ----------------------------------------------------------------------------

def _digits(text: str, m: re.Match[str], peer: bool) -> list[Figure | None]:
    raw = m.group("digits")
    value = parse_digits(raw)
    if value is None:
        return []
    hint = "ratio" if "/" in raw and " " not in raw.strip() and abs(value) < 1 else "count"
    if "e" in raw.lower() or "\u00d7" in raw or "x" in raw:
        value = _scientific(raw, value)
        if value is None:
            return []
    plain_int = raw.isdigit()
    return [_build(text, m.start("digits"), m.end("digits"), value, hint, peer, "digits",
                   plain_int and len(raw) == 4)]


def _scientific(raw: str, value: float) -> float | None:
    sci = re.match(r"(.*?)(?:[eE]([-+]?\d+)|[ \t]?[x\u00d7][ \t]?10([-\u2212]?\d+))$", raw)
    if not sci:
        return value
    base = parse_digits(sci.group(1).strip())
    exp = (sci.group(2) or sci.group(3) or "0").replace("\u2212", "-")
    if base is None:
        return None
    try:
        result = base * 10.0 ** int(exp)
    except OverflowError:
        return None
    return result if math.isfinite(result) else None


def _words(text: str, m: re.Match[str], peer: bool) -> list[Figure | None]:
    base = m.start()
    phrase = m.group()
    figures: list[Figure | None] = []
    if phrase.lower() == "half":
        hit = _before(P.UNIT_AND_A_BEFORE_REV, text, base, 24)
        if hit is not None:  # "a year and a half"
            start, hm = hit
            unit = hm.group("u")[::-1].lower()
            if hm.group("a") and not peer:
                start += len(hm.group("a"))
            value = 1.5
            if unit in T.TIME_FACTORS:
                unit, factor = T.TIME_FACTORS[unit]
                value *= factor
            return [Figure("duration", start, m.end(), value, unit=unit)]
    for number in parse_words(phrase):
        if not peer and number.value == 1 and number.words == 1 and number.kind == "count" \
                and not _unit_follows(text, base + number.end):
            continue  # "one" alone: a pronoun or an article, read no further
        figures.append(_build(text, base + number.start, base + number.end, number.value,
                              number.kind, peer, "words", False,
                              words=phrase[number.start:number.end]))
    return figures


def _unit_follows(text: str, pos: int) -> bool:
    return bool(P.PERCENT_AFTER.match(text, pos) or P.TIME_AFTER.match(text, pos)
                or P.CURRENCY_AFTER.match(text, pos))


_HANDLERS = {
    "world": _world, "ordsup": _ordsup, "rankno": _rankno,
    "digits": _digits, "words": _words,
}


def _build(text: str, cs: int, ce: int, value: float, hint: str, peer: bool, source: str,
           year_like: bool, words: str = "") -> Figure | None:
    """Turn one number at ``[cs, ce)`` into a figure by reading what surrounds it."""
    start, pos = cs, ce
    kind = None
    unit: str | None = None
    qualifier = "exact"
    value_max: float | None = None
    year: int | None = None
    n = len(text)

    # -- before: currency symbol or code, "a", "minus"
    currency = None
    hit = _before(P.CURRENCY_BEFORE_REV, text, cs, 8)
    if hit:
        start, cm = hit
        currency = _prefix_code(cm)
    elif cs > 0 and source == "digits" and (text[cs - 1].isalpha() or (
            text[cs - 1] == "-" and cs > 1 and text[cs - 2].isupper())):
        return None  # "J1149", "i7", "F-16", "OAO-1": part of a name or code
    if source == "digits" and not peer and len(text[cs:ce]) == 5 and \
            P.ZIP_BEFORE.search(text, max(0, cs - 4), cs):
        return Figure("skip", cs, ce, value)  # "Washington, DC 20001"
    if source == "words":
        am = P.A_BEFORE.search(text[max(0, start - 4):start])
        if am and words.split()[0].lower() in (*T.MULTIPLIERS, *T.ORDINALS, "half",
                                              "quarter", "hundred"):
            start = start - (len(text[max(0, start - 4):start]) - am.start())
            if hint == "rank":
                value, hint = 1.0 / value, "ratio"
    mm = P.MINUS_BEFORE.search(text[max(0, start - 12):start])
    if mm:
        value = -value
        start = max(0, start - 12) + mm.start()

    # -- right after the digits: ordinal suffix, decade, glued scale letter
    if source == "digits":
        om = P.ORDINAL_SUFFIX.match(text, pos)
        if om:
            hint, pos = "rank", om.end()
        elif year_like and value % 10 == 0:
            dm = P.DECADE_SUFFIX.match(text, pos)
            if dm:
                return _decade(text, start, dm.end(), value, peer)
        if hint != "rank":
            sm = P.SCALE_LETTER.match(text, pos)
            if sm:
                letter = sm.group("s")
                if letter.lower() not in ("m", "mm") or currency:
                    value *= T.SCALE_SUFFIXES.get(letter, T.SCALE_SUFFIXES.get(letter.lower(), 1))
                    pos = sm.end()
    if hint in ("ratio",) and source == "words":
        fm = P.FRACTION_OF_SCALE.match(text, pos)  # "half a billion"
        if fm:
            value *= T.MULTIPLIERS[fm.group("w").lower()]
            hint, pos = "count", fm.end()

    # -- scale words and currency after the number
    code_after = P.CURRENCY_CODE_AFTER.match(text, pos)
    if code_after and hint != "rank":
        currency, pos = code_after.group("w"), code_after.end()
    if hint in ("count", "vague") or (hint == "ratio" and currency):
        sw = P.SCALE_WORD.match(text, pos)
        if sw:
            word = sw.group("w").lower()
            factor = T.MULTIPLIERS.get(word) or T.VAGUE_PLURALS.get(word, 1)
            value *= factor
            pos = sw.end()
            hint = "count"
    factor = 1.0
    if hint != "rank":
        cw = P.CURRENCY_AFTER.match(text, pos)
        if cw and not _is_pound_weight(text, cw.end()):
            code, factor = T.CURRENCY_WORDS[cw.group("w").lower()]
            if not currency or code:
                currency = code if code or not currency else currency
            pos = cw.end()
            if code_after is None:
                ca = P.CURRENCY_CODE_AFTER.match(text, pos)
                if ca:
                    pos = ca.end()
        elif code_after is not None:
            sw = P.SCALE_WORD.match(text, pos)  # "75 USD million"
            if sw:
                value *= T.MULTIPLIERS.get(sw.group("w").lower(), 1)
                pos = sw.end()
    if currency is not None:
        kind, unit = "money", currency
        value *= factor
        if factor == 1 and value == int(value):
            cents = P.CENTS_AFTER.match(text, pos) or (
                P.CENTS_BARE_AFTER.match(text, pos) if peer else None)
            if cents:
                value += int(cents.group("c")) / 100
                pos = cents.end()
        if start > 0 and text[start - 1] == "(" and text[pos:pos + 1] == ")":
            value, start, pos = -value, start - 1, pos + 1  # "($99.99)": a loss

    if kind is None and source == "digits" and P.CLOCK_AFTER.match(text, pos):
        return None  # "2 pm", "2.13 am": a time of day
    # -- percent, duration
    if kind is None and hint != "rank":
        pm = P.PERCENT_AFTER.match(text, pos)
        if pm:
            kind, unit, pos = "percent", "percent", pm.end()
        else:
            tm = P.TIME_AFTER.match(text, pos)
            if tm and not (hint == "ratio" and source == "digits" and "/" in text[cs:ce]
                           and text[tm.start("w")] != " " and False):
                unit = T.TIME_UNITS[tm.group("w").lower()]
                if tm.group("w").lower() in ("h", "min", "sec", "s") and not peer and \
                        text[ce:tm.start("w")].strip():
                    unit = None
                if unit is not None:
                    kind, pos = "duration", tm.end()
                    value, unit, pos = _compound_duration(text, value, unit, pos)
                    am = P.AGE_AFTER.match(text, pos)
                    if am:
                        pos = am.end()

    # -- ranges: "5-to-7 years", "between 10 and 12 percent", "2008-13"
    range_end = _range(text, start, pos, value, kind, unit, year_like, peer)
    if range_end is not None:
        value_max, pos, kind2, unit2 = range_end
        if kind is None and kind2 is not None:
            kind, unit = kind2, unit2
        qualifier = "range"
        bm = P.BETWEEN_BEFORE.search(text[max(0, start - 12):start])
        if bm:
            start = max(0, start - 12) + bm.start()

    # -- dates
    if kind is None and source == "digits" and hint != "rank" and value == int(value):
        date = _date(text, start, cs, pos, int(value), year_like, value_max, peer)
        if date is not None:
            return date
    if kind is None and hint == "rank" and source == "digits":
        mb = _before(P.MONTH_BEFORE_REV, text, cs, 24)
        if mb and 1 <= value <= 31:
            if peer:
                return Figure("rank", start, pos, value)
            return None  # "January 31st": a day, always in a paywall or cover sheet here

    # -- what the count counts
    if kind is None:
        if hint == "rank":
            kind = "rank"
        elif hint == "ratio":
            kind = "ratio"
            if P.OF_AFTER.match(text, pos) is None and not peer and source == "words":
                if _before(P.QUALIFIER_BEFORE_REV, text, start, 24) is None:
                    return None  # "a third strand", "half-hearted"
        else:
            if P.MEASURE_AFTER.match(text, pos):
                if not peer:
                    return None
                return Figure("other", start, P.MEASURE_AFTER.match(text, pos).end(), value)
            kind = "count"
            noun_end, unit = _counted_noun(text, pos, value, hint)
            if hint == "vague":
                qualifier = "at least"
                if noun_end is None and not peer:
                    return None
            if noun_end is not None:
                pos = noun_end
            elif source == "digits":
                ctx = P.COUNT_CONTEXT_BEFORE.search(text[max(0, start - 60):start])
                if ctx:
                    unit = T.COUNT_CONTEXT[ctx.group("w").lower()]
    if not peer and kind == "count" and source == "words":
        if unit is None and _before(P.QUALIFIER_BEFORE_REV, text, start, 24) is None:
            return None  # a bare number word ("the four should discuss")
        if value == 1 and hint != "vague":
            return None  # "one": nearly always a pronoun or article
    if not peer and kind == "rank":
        return None  # bare ordinals ("the first step", "21st century") are not ranks
    if pos < n and (text[pos].isalnum() and text[pos - 1].isalnum()) and kind != "count":
        return _junk(text, cs, ce, value, peer)  # "180ml", "1Ga"

    # -- qualifier right before
    if qualifier == "exact":
        hit = _before(P.QUALIFIER_BEFORE_REV, text, start, 24)
        if hit:
            start, qm = hit
            qualifier = T.QUALIFIER_WORDS[qm.group("q")[::-1].lower()]
    if not peer and _in_address(text, cs, ce):
        return None
    if kind == "date":
        year = int(value)
    return Figure(kind, start, pos, value, value_max, unit, qualifier, year)


def _prefix_code(cm: re.Match[str]) -> str:
    for name, text in cm.groupdict().items():
        if text is not None:
            return P._PREFIXES_SORTED[int(name[1:])][1]
    return ""


def _is_pound_weight(text: str, pos: int) -> bool:
    """"5 pounds of beef" is a weight, not money (only "pound(s)" is ambiguous)."""
    return text[pos:pos + 4].lower() == " of " and text[pos - 5:pos].lower().endswith("ound") \
        or text[pos - 6:pos].lower() == "pounds" and text[pos:pos + 4].lower() == " of "


def _junk(text: str, cs: int, ce: int, value: float, peer: bool) -> Figure | None:
    if not peer:
        return None
    return Figure("other", cs, ce, value)


def _decade(text: str, start: int, end: int, value: float, peer: bool) -> Figure | None:
    year = int(value)
    dm = P.DECADE_MOD_BEFORE.search(text[max(0, start - 8):start])
    if dm:
        start = max(0, start - 8) + dm.start()
    return Figure("date", start, end, float(year), float(year + 9), None, "range", year)


def _compound_duration(text: str, value: float, unit: str, pos: int) -> tuple[float, str, int]:
    """"2 years and 3 months" -> (27, "month"); "1 year 1 month 21 days" -> (416, "day")."""
    if unit in T.TIME_FACTORS:
        unit, factor = T.TIME_FACTORS[unit]
        value *= factor
    for _ in range(6):
        m = P.DURATION_NEXT.match(text, pos)
        if not m:
            break
        raw = m.group("n")
        nxt = parse_digits(raw) if raw[0].isdigit() else _word_value(raw)
        unit2 = T.TIME_UNITS[m.group("u").lower()]
        if nxt is None or unit2 in T.TIME_FACTORS or unit2 not in T.TIME_ORDER:
            break
        if T.TIME_ORDER.index(unit2) <= T.TIME_ORDER.index(unit):
            break
        value = _convert(value, unit, unit2) + nxt
        unit, pos = unit2, m.end()
    return value, unit, pos


def _convert(value: float, unit: str, to: str) -> float:
    i, j = T.TIME_ORDER.index(unit), T.TIME_ORDER.index(to)
    if (unit, to) in T.TIME_IN:
        return value * T.TIME_IN[(unit, to)]
    while i < j:
        a, b = T.TIME_ORDER[i], T.TIME_ORDER[i + 1]
        if (a, b) not in T.TIME_IN:  # month -> week is not exact: go through days
            if (a, T.TIME_ORDER[i + 2]) in T.TIME_IN:
                value *= T.TIME_IN[(a, T.TIME_ORDER[i + 2])]
                i += 2
                continue
        value *= T.TIME_IN.get((a, b), 1)
        i += 1
    return value


def _word_value(raw: str) -> float | None:
    numbers = parse_words(raw)
    return numbers[0].value if len(numbers) == 1 else None


def _range(text: str, start: int, pos: int, value: float, kind: str | None, unit: str | None,
           year_like: bool, peer: bool) -> tuple[float, int, str | None, str | None] | None:
    jm = P.RANGE_JOIN.match(text, pos)
    if not jm:
        return None
    joiner = jm.group().strip().lower()
    if joiner == "and" and not P.BETWEEN_BEFORE.search(text[max(0, start - 12):start]):
        return None
    if joiner in ("through",) and not year_like:
        return None
    after = jm.end()
    dm = P.RANGE_DIGITS.match(text, after)
    if dm and dm.end() > after:
        raw = dm.group().lstrip("$\u20ac\u00a3\u00a5 \t")
        second = parse_digits(raw)
        end = dm.end()
    else:
        wm = P.RANGE_WORDS.match(text, after)
        if not wm:
            return None
        second = _word_value(wm.group())
        end = wm.end()
    if second is None or (end < len(text) and text[end].isalnum()):
        return None
    if year_like and len(raw_digits := text[after:end].strip()) == 2 and raw_digits.isdigit():
        second = (value // 100) * 100 + second  # "2008-13" -> 2013
    if second <= value:
        return None
    kind2, unit2 = None, None
    if kind is None:
        pm = P.PERCENT_AFTER.match(text, end)
        tm = P.TIME_AFTER.match(text, end)
        if pm:
            kind2, unit2, end = "percent", "percent", pm.end()
        elif tm:
            kind2, unit2, end = "duration", T.TIME_UNITS[tm.group("w").lower()], tm.end()
            if unit2 in T.TIME_FACTORS:
                return None
        elif year_like and not peer:
            kind2 = "date"
        elif joiner == "-" and not peer:
            return None  # "F-16", "Article 5-6": a bare hyphen pair is no range in prose
    elif kind in ("money",):
        cw = P.CURRENCY_AFTER.match(text, end)
        sw = P.SCALE_WORD.match(text, end)
        if sw:
            second *= T.MULTIPLIERS.get(sw.group("w").lower(), 1)
            end = sw.end()
        if cw:
            end = cw.end()
    elif kind in ("percent", "duration"):
        pm = P.PERCENT_AFTER.match(text, end) if kind == "percent" else \
            P.TIME_AFTER.match(text, end)
        if pm:
            end = pm.end()
    return second, end, kind2, unit2


def _date(text: str, start: int, cs: int, pos: int, value: int, year_like: bool,
          value_max: float | None, peer: bool) -> Figure | None:
    hit = _before(P.MONTH_BEFORE_REV, text, start, 24)
    if hit and hit[1].group("d") is None:
        mstart = hit[0]
        if year_like and _YEAR_MIN <= value <= _YEAR_MAX:
            return _masthead_check(text, Figure("date", mstart, pos, float(value), None, None,
                                                "exact", value), peer)
        if 1 <= value <= 31 and not year_like:  # "Aug. 17", "Sept. 11, 2001"
            ym = P.DATE_YEAR_AFTER.match(text, pos)
            year = int(ym.group("y")) if ym else None
            end = ym.end() if ym else pos
            return _masthead_check(text, Figure("date", mstart, end,
                                                None if year is None else float(year),
                                                None, None, "exact", year), peer)
    if not year_like or not (_YEAR_MIN <= value <= _YEAR_MAX):
        return None
    # a bare year: a date unless a plural noun follows ("1500 troops")
    nxt = P.WORD_AFTER.match(text, pos)
    if nxt and nxt.group("sep").strip() == "" and nxt.group("w").islower() and \
            nxt.group("w").endswith("s") and nxt.group("w").lower() not in T.STOP_WORDS:
        return None
    dm = P.DECADE_MOD_BEFORE.search(text[max(0, start - 8):start])
    if dm:
        start = max(0, start - 8) + dm.start()
    qualifier = "range" if value_max is not None else "exact"
    return _masthead_check(text, Figure("date", start, pos, float(value), value_max, None,
                                        qualifier, value), peer)


def _masthead_check(text: str, fig: Figure, peer: bool) -> Figure | None:
    """Dates in a byline or masthead line ("April 11, 1993|Robert A. Manning") are
    publication metadata, not claims."""
    if peer:
        return fig
    if text[fig.end:fig.end + 1] == "|" or text[fig.start - 1:fig.start] == "|":
        fig.kind = "skip"
        return fig
    line_start = text.rfind("\n", max(0, fig.start - 200), fig.start) + 1
    if line_start == 0 and fig.start > 200:
        return fig  # a line longer than a masthead
    line_end = text.find("\n", fig.end, fig.end + 200)
    line = text[line_start:line_end if line_end != -1 else min(len(text), fig.end + 200)]
    before = text[line_start:fig.start].split()
    if len(line) < 200 and len(line.split()) <= 5 and not any(
            w[:1].islower() or w.lower() in T.DATE_LEADS for w in before):
        fig.kind = "skip"  # "Number 75, May 1996": a masthead line
    return fig


def _counted_noun(text: str, pos: int, value: float, hint: str) -> tuple[int | None, str | None]:
    """The noun phrase a count counts: "two sources" -> "source", "11-nation" -> "nation",
    "hundreds of corporate links" -> "corporate link"."""
    p = pos
    if hint == "vague":
        om = P.OF_AFTER.match(text, p)
        if not om:
            return None, None
        p = om.end() - 1
    words: list[tuple[int, str]] = []
    for i in range(6):
        m = P.WORD_AFTER.match(text, p)
        if not m:
            break
        sep, word = m.group("sep"), m.group("w")
        lower = word.lower()
        if i == 0 and "-" in sep:  # "11-nation version": the hyphenated noun alone
            if lower in T.STOP_WORDS:
                return None, None
            return m.end(), _singular(lower)
        if "-" in sep:
            break
        if lower in T.STOP_WORDS:
            if lower in ("and", "but", "or") and words and not _plural(words[-1][1]):
                p = m.end()
                continue
            break
        words.append((m.end(), word))
        p = m.end()
        if _plural(word) or lower in T.IRREGULAR_PLURALS:
            break
    while words and not (_plural(words[-1][1]) or words[-1][1].lower() in T.IRREGULAR_PLURALS):
        words.pop()
    if not words:
        return None, None
    head = words[-1][1].lower()
    if not head.isalpha():
        return None, None
    unit = _singular(head)
    if len(words) >= 2 and words[-2][1].lower() in T.COMPOUND_MODIFIERS:
        unit = f"{words[-2][1].lower()} {unit}"
    return words[-1][0], unit


def _plural(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3 \
        and word[:1].islower()


def _singular(word: str) -> str:
    """``"democracies"`` -> ``"democracy"``; irregular plurals from the table.

    >>> _singular("democracies"), _singular("sources"), _singular("crises"), _singular("nation")
    ('democracy', 'source', 'crisis', 'nation')
    """
    if word in T.IRREGULAR_PLURALS:
        return T.IRREGULAR_PLURALS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _in_address(text: str, cs: int, ce: int) -> bool:
    """Part of an e-mail address or URL: the whitespace-free token around it has @ or ://."""
    lo = max(0, cs - 64)
    left = text[lo:cs]
    cut = max(left.rfind(" "), left.rfind("\n"), left.rfind("\t"))
    token_left = left[cut + 1:]
    right = text[ce:ce + 64]
    token_right = re.split(r"\s", right, maxsplit=1)[0]
    token = token_left + token_right
    return "@" in token or "://" in token or token_left.lower().startswith("www.")
