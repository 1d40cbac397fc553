"""Readers of the words around a number, for the reading steps in ``_build``.

Each reader looks at the text at a known position (``.match(text, pos)``) or in a short
window before it, and returns what it found and where it ends; none builds a figure.
"""

from __future__ import annotations

import re

from claims.extract import _patterns as P
from claims.extract import _tables as T
from claims.extract._numbers import added, parse_digits, parse_words, scaled

_WHITESPACE = re.compile(r"\s")


def match_before(pattern: re.Pattern[str], text: str, pos: int,
                 width: int) -> tuple[int, re.Match[str]] | None:
    """Match a reversed lookback ``pattern`` against the text ending at ``pos``; returns
    the start of the match in ``text`` and the match (whose groups are reversed)."""
    lo = max(0, pos - width)
    m = pattern.match(text[lo:pos][::-1])
    if m is None:
        return None
    return pos - m.end(), m


def search_before(pattern: re.Pattern[str], text: str, pos: int,
                  width: int) -> re.Match[str] | None:
    """Search the window of ``width`` characters ending at ``pos`` with a ``...$`` pattern;
    the match's offsets are in the window, which starts at ``max(0, pos - width)``."""
    return pattern.search(text[max(0, pos - width):pos])


def glued_to_a_name(text: str, cs: int) -> bool:
    """Digits at ``cs`` that continue a word or a capitalised code: "J1149", "i7", "F-16",
    "OAO-1", "+6663" of "J1149.5+6663", the power of a unit ("fb\u22121", "m s\u22121")."""
    if cs == 0:
        return False
    before = text[cs - 1]
    return before.isalpha() or (before == "-" and cs > 1 and text[cs - 2].isupper()) or (
        before == "+" and cs > 1 and text[cs - 2].isalnum()) or (  # "J1149.5+6663"
        before == "\u2212" and cs > 1 and text[cs - 2].isalpha())  # "5 fb\u22121": a unit's power


def ends_like_currency_prefix(text: str, end: int) -> bool:
    """Does ``text[:end]`` end like some written currency prefix (all of a prefix of one or
    two characters, the last three of a longer one)?"""
    tail = text[max(0, end - 3):end].lower()
    return any(tail[-n:] in tails for n, tails in enumerate(P.CURRENCY_BEFORE_TAILS, 1)
               if len(tail) >= n)


def in_a_name(text: str, start: int) -> bool:
    """Is the number at ``start`` part of a name: "Big 12", "S&P 500", "Group of 20"?"""
    before = text[max(0, start - 2):start]
    if not (before[-1:] in (" ", "\t") and before[:1].isalpha()):
        return False  # cheap test first: a word and one space must come right before
    nm = search_before(P.NAME_BEFORE, text, start, 24)
    if nm is None:
        return False
    word = nm.group("w").rstrip(".").lower()
    return not (word in T.STOP_WORDS or word in T.QUALIFIER_WORDS or word in T.MONTHS
                or word in T.DATE_LEADS or word.endswith(("'s", "\u2019s")))


def exchange_rate(text: str, pos: int, code: str) -> tuple[str, int] | None:
    """An amount in ``code`` ending at ``pos`` that is a rate against another currency:
    "159 yen to the dollar", "1.08 dollars per euro". Returns the unit ("JPY per USD")
    and where the phrase ends; None when no other currency follows."""
    em = P.EXCHANGE_AFTER.match(text, pos)
    if em is None:
        return None
    other = T.CURRENCY_WORDS[em.group("w").lower()][0]
    if not other or other == code:
        return None
    return f"{code} per {other}", em.end()


def is_pound_weight(text: str, pos: int) -> bool:
    """"5 pounds of beef" is a weight, not money (only "pound(s)" is ambiguous)."""
    return text[pos:pos + 4].lower() == " of " and text[pos - 5:pos].lower().endswith("ound") \
        or text[pos - 6:pos].lower() == "pounds" and text[pos:pos + 4].lower() == " of "


def in_address(text: str, cs: int, ce: int) -> bool:
    """Part of an e-mail address or URL: the whitespace-free token around it has @ or ://,
    or starts with www."""
    lo = max(0, cs - 64)
    window = text[lo:ce + 64]  # holds the token: most numbers are far from any address
    if "@" not in window and "://" not in window and "www." not in window.lower():
        return False
    left = text[lo:cs]
    cut = max(left.rfind(" "), left.rfind("\n"), left.rfind("\t"))
    token_left = left[cut + 1:]
    token_right = _WHITESPACE.split(text[ce:ce + 64], maxsplit=1)[0]
    token = token_left + token_right
    return "@" in token or "://" in token or token_left.lower().startswith("www.")


def accounting_negative(text: str, paren: int) -> str | None:
    """Why the amount in parentheses at ``text[paren]`` is a negative, or None: after a
    loss word ("a net loss of ($5 million)"), or on a table line (a ``|`` or a tab)."""
    lead = search_before(P.NEGATIVE_LEAD_BEFORE, text, paren, 24)
    if lead:
        return f"after {lead.group('w').lower()!r}"
    line_start = text.rfind("\n", max(0, paren - 200), paren) + 1
    line_end = text.find("\n", paren, paren + 200)
    line = text[line_start:line_end if line_end != -1 else paren + 200]
    if "|" in line or "\t" in line:
        return "in a financial table"
    return None


def fraction_over(text: str, pos: int, value: float) -> tuple[float, int] | None:
    """"one over 20" -> 0.05, "2000 over 3", "1 in 21": the number ending at ``pos`` over
    the one after "over" or "in" ("in" only before a larger number), when no unit follows
    that one ("5 over 10 years" is a duration) nor, after "over", any word. Returns the
    quotient and where the denominator ends."""
    om = P.OVER_AFTER.match(text, pos)
    if om is None:
        return None
    raw = om.group("n")
    den = parse_digits(raw) if raw[0].isdigit() else word_value(raw)
    if om.group("j").lower() == "in" and (den is None or value >= den):
        return None  # "in" makes a share: "one in five", "three-in-five", not "5 in 3"
    end = om.end()
    if not den or (raw.isdigit() and len(raw) == 4 and 1500 <= den <= 2099) or \
            _unit_after(text, end) or (om.group("j").lower() == "over" and
                                       P.WORD_AFTER.match(text, end)):
        return None  # "1 in 2008": a year; "won 3 over 2 rivals": a count
    return value / den, end


def _unit_after(text: str, pos: int) -> bool:
    return any(p.match(text, pos) for p in (
        P.TIME_AFTER, P.PERCENT_AFTER, P.CURRENCY_AFTER, P.MEASURE_AFTER, P.SCALE_WORD))


def is_masthead_date(text: str, start: int, end: int) -> bool:
    """Is the date ``text[start:end]`` in a byline or masthead line ("April 11, 1993|Robert
    A. Manning", "Number 75, May 1996") or a dateline ("TOKYO, Aug. 31 (Kyodo) --")?"""
    if text[end:end + 1] == "|" or text[start - 1:start] == "|":
        return True
    if P.DATELINE_BEFORE.search(text, max(0, start - 40), start) or \
            P.DATELINE_AFTER.match(text, end):
        return True
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    if line_start == 0 and start > 200:
        return False  # a line longer than a masthead
    line_end = text.find("\n", end, end + 200)
    line = text[line_start:line_end if line_end != -1 else min(len(text), end + 200)]
    before = text[line_start:start].split()
    return len(line) < 200 and len(line.split()) <= 5 and not any(
        w[:1].islower() or w.lower() in T.DATE_LEADS for w in before)


# ---- durations ------------------------------------------------------------------------

def compound_duration(text: str, value: float, unit: str, pos: int,
                      peer: bool = False) -> tuple[float, str, int]:
    """"2 years and 3 months" -> (27, "month"); "1 year 1 month 21 days" -> (416, "day");
    "an hour and a half" -> (1.5, "hour"); in the permissive mode "1 hour thirty" -> (90,
    "minute").

    ``unit`` is the first part's unit, ending at ``pos``; returns the value in the smallest
    unit read, that unit and where the last part ends.
    """
    if unit in T.TIME_FACTORS:  # "decade" -> 10 years
        unit, factor = T.TIME_FACTORS[unit]
        value = scaled(value, factor)
    half = P.AND_A_HALF_AFTER.match(text, pos)
    if half:
        return added(value, 0.5), unit, half.end()
    if peer and unit == "hour":
        mm = P.MINUTES_AFTER_HOURS.match(text, pos)
        raw = mm.group("n") if mm else ""
        minutes = parse_digits(raw) if raw[:1].isdigit() else word_value(raw) if raw else None
        if mm and minutes is not None and 0 < minutes < 60:
            return added(scaled(value, 60), minutes), "minute", mm.end()
    for _ in range(6):
        m = P.DURATION_NEXT.match(text, pos)
        if not m:
            break
        raw = m.group("n")
        nxt = parse_digits(raw) if raw[0].isdigit() else word_value(raw)
        unit2 = T.TIME_UNITS[m.group("u").lower()]
        if nxt is None or unit2 in T.TIME_FACTORS or unit2 not in T.TIME_ORDER:
            break
        if T.TIME_ORDER.index(unit2) <= T.TIME_ORDER.index(unit):
            break  # "2 months 3 years": not one duration
        value = _convert(value, unit, unit2) + nxt
        unit, pos = unit2, m.end()
    return value, unit, pos


def _convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` as a number of ``to`` (a smaller unit of ``TIME_ORDER``): by the
    direct size in ``TIME_IN`` when listed, else step by step down ``TIME_ORDER``."""
    if (unit, to) in T.TIME_IN:
        return value * T.TIME_IN[(unit, to)]
    i, j = T.TIME_ORDER.index(unit), T.TIME_ORDER.index(to)
    for a, b in zip(T.TIME_ORDER[i:j], T.TIME_ORDER[i + 1:j + 1], strict=True):
        value *= T.TIME_IN[(a, b)]  # every unit's size in the next is listed (tested)
    return value


def word_value(raw: str) -> float | None:
    """The value of a phrase that is exactly one written number, else None."""
    numbers = parse_words(raw)
    return numbers[0].value if len(numbers) == 1 else None


# ---- ranges ---------------------------------------------------------------------------

def range_end(text: str, start: int, pos: int, value: float, kind: str | None,
              year_like: bool, peer: bool, unit: str | None = None
              ) -> tuple[float, int, str | None, str | None, float] | None:
    """The second number of a range starting with the figure ``[start, pos)``: "5-to-7 years",
    "between 10 and 12 percent", "2008-13", "$10 to $15 billion", "four to five thousand".

    Returns (upper value, end, kind, unit, scale), where kind and unit are those the second
    number gives a figure that had none ("between 10 and 12 percent" is a percent; "between
    62 and 68 dollars" money) and scale is the second number's scale word ("billion" ->
    1e9, else 1), which a first number without one shares ("$10 to $15 billion"). None when
    there is no range.
    """
    jm = P.RANGE_JOIN.match(text, pos)
    if not jm:
        return None
    joiner = jm.group().strip().lower()
    if joiner == "and" and not search_before(P.BETWEEN_BEFORE, text, start, 12):
        return None  # "10 and 12" is a range only after "between" or "from"
    if joiner == "through" and not year_like:
        return None
    if joiner == "or" and (kind is not None or year_like):
        return None  # "or" makes a range only of bare numbers before a unit: "eight or nine euros"
    if joiner == "to" and kind is not None and search_before(P.CHANGE_BEFORE, text, start, 16):
        return None  # "rose 9.4 per cent to $84": a change, then a second figure
    after = jm.end()
    if kind != "money" and text[after:after + 1] in "$\u20ac\u00a3\u00a5":
        return None  # "9.4 per cent to $84": a currency starts another figure
    scale = 1.0
    dm = P.RANGE_DIGITS.match(text, after)
    if dm and dm.end() > after:
        second = parse_digits(dm.group().lstrip("$\u20ac\u00a3\u00a5 \t"))
        end = dm.end()
    else:
        wm = P.RANGE_WORDS.match(text, after)
        if not wm:
            return None
        second = word_value(wm.group())
        end = wm.end()
        last_word = wm.group().replace("-", " ").split()[-1].lower()
        scale = T.MULTIPLIERS.get(last_word, 1.0)  # "four to five thousand"
    if second is None or (end < len(text) and text[end].isalnum() and not (
            kind == "money" and P.SCALE_LETTER.match(text, end))):  # "$5-7bn"
        return None
    if year_like and len(raw_digits := text[after:end].strip()) == 2 and raw_digits.isdigit():
        if joiner not in T.YEAR_RANGE_SHORT_JOINERS:
            return None  # "from 20 mpg in 2008 to 29 mpg": "2008 to 29" is no range
        second = (value // 100) * 100 + second  # "2008-13" -> 2013
    if kind != "money" and dm and dm.end() > after:
        sw = P.SCALE_WORD.match(text, end)
        if sw:  # "between 4 and 5 million people"
            scale = T.MULTIPLIERS.get(sw.group("w").lower(), 1.0)
            second, end = scaled(second, scale), sw.end()
    if kind is None:
        found = _range_kind(text, end, second, joiner, year_like and scale == 1, peer)
        if found is None or (joiner == "or" and found[2] is None):
            return None
        second, end, kind2, unit2 = found
    else:
        read = _range_unit(text, end, second, kind, unit)
        if read is None:
            return None  # "six months and 19 years": two durations, not one range
        (second, end, scale2), kind2, unit2 = read, None, None
        scale = max(scale, scale2)
    if second <= value:
        return None
    return second, end, kind2, unit2, scale


def _range_kind(text: str, end: int, second: float, joiner: str, year_like: bool,
                peer: bool) -> tuple[float, int, str | None, str | None] | None:
    """A range of bare numbers takes its kind from the words after the second one."""
    pm = P.PERCENT_AFTER.match(text, end)
    if pm:
        return second, pm.end(), "percent", "percent"
    tm = P.TIME_AFTER.match(text, end)
    if tm:
        unit = T.TIME_UNITS[tm.group("w").lower()]
        if unit in T.TIME_FACTORS:
            return None
        return second, tm.end(), "duration", unit
    cw = P.CURRENCY_AFTER.match(text, end)
    if cw and not is_pound_weight(text, cw.end()):  # "between 62 and 68 dollars"
        code, factor = T.CURRENCY_WORDS[cw.group("w").lower()]
        if factor == 1:
            return second, cw.end(), "money", code
    if year_like and not peer:
        return second, end, "date", None
    if joiner == "-" and not peer:
        return None  # "F-16", "Article 5-6": a bare hyphen pair is no range in prose
    return second, end, None, None


def _range_unit(text: str, end: int, second: float, kind: str,
                unit: str | None = None) -> tuple[float, int, float] | None:
    """The second number of a range of a figure that has a kind, with its own scale and
    unit ("$5 to $7 billion", "5% to 7%", "5 to 7 years"), where it ends and its scale;
    None when it names another time unit than the first ("six months and 19 years")."""
    scale = 1.0
    if kind == "money":
        sw = P.SCALE_WORD.match(text, end)
        if sw:
            scale = T.MULTIPLIERS.get(sw.group("w").lower(), 1.0)
            second = scaled(second, scale)
            end = sw.end()
        else:
            sl = P.SCALE_LETTER.match(text, end)
            if sl:  # "$5-7bn"
                scale = T.SCALE_SUFFIXES.get(sl.group("s"),
                                             T.SCALE_SUFFIXES.get(sl.group("s").lower(), 1.0))
                second, end = scaled(second, scale), sl.end()
        cw = P.CURRENCY_AFTER.match(text, end)
        if cw:
            end = cw.end()
    elif kind in ("percent", "duration"):
        um = P.PERCENT_AFTER.match(text, end) if kind == "percent" else \
            P.TIME_AFTER.match(text, end)
        if um and kind == "duration" and unit is not None and \
                T.TIME_UNITS[um.group("w").lower()] != unit:
            return None
        if um:
            end = um.end()
    return second, end, scale


# ---- counted nouns --------------------------------------------------------------------

def counted_noun(text: str, pos: int, hint: str) -> tuple[int | None, str | None]:
    """The noun phrase a count counts: "two sources" -> "source", "11-nation" -> "nation",
    "hundreds of corporate links" -> "corporate link". Returns where it ends and the unit."""
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
            return m.end(), singular(lower)
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
    unit = singular(head)
    if len(words) >= 2 and words[-2][1].lower() in T.COMPOUND_MODIFIERS:
        unit = f"{words[-2][1].lower()} {unit}"
    return words[-1][0], unit


def _plural(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3 \
        and word[:1].islower()


def singular(word: str) -> str:
    """``"democracies"`` -> ``"democracy"``; irregular plurals from the table.

    >>> singular("democracies"), singular("sources"), singular("crises"), singular("nation")
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
