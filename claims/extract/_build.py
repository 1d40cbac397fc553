"""From one number to a figure: the reading steps.

``build`` reads outward from a number the scanner found, one small step at a time: the
currency or sign before it, its scale and unit after it, a range, a date, the noun a
count counts, a qualifier before it. Each step looks at the :class:`Reading` so far and
either adds to it (returns None) or decides: a finished :class:`Found` ("1990s" is a
decade whatever follows) or ``NOT_A_FIGURE`` ("J1149", "2 pm"). ``STEPS`` lists them in
order, with the numbers each reads (digits, number words) and the modes it runs in; the
order matters where a step relies on what an earlier one read (see the comments there).

``peer=True`` is the permissive mode for the peer suites (see ``claims.extract._scan``).
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from claims.extract import _patterns as P
from claims.extract import _tables as T
from claims.extract._numbers import added, parse_words, scaled
from claims.extract._readers import (
    accounting_negative,
    compound_duration,
    counted_noun,
    ends_like_currency_prefix,
    exchange_rate,
    fraction_over,
    glued_to_a_name,
    in_a_name,
    in_address,
    is_masthead_date,
    is_pound_weight,
    match_before,
    range_end,
    search_before,
    word_value,
)

_YEAR_MIN, _YEAR_MAX = 1500, 2099


@dataclass(slots=True)
class Found:
    """A figure the scanner found, before its sentence context (``claims.extract``
    turns it into an ``Extraction``). Not ``claims.agreement.Figure``, a figure on a
    common scale for comparison."""

    kind: str  # a claims.domain.Kind value, "other" (peer mode) or "skip" (furniture)
    start: int
    end: int
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    year: int | None = None  # for dates: the year the date names
    note: str | None = None  # why a reading was chosen ("negative: parentheses after ...")


class Refusal(enum.Enum):
    """A step's answer that the number is no figure at all (a name, a clock time...)."""

    NOT_A_FIGURE = "not a figure"


NOT_A_FIGURE = Refusal.NOT_A_FIGURE


@dataclass(slots=True)
class Reading:
    """A number being read: what is known so far, and the span read so far."""

    text: str
    cs: int  # the number itself is text[cs:ce]
    ce: int
    source: str  # the scanner's group: "digits" or "words"
    peer: bool
    value: float
    hint: str  # what the number alone says: "count", "ratio", "rank" or "vague"
    start: int  # the figure read so far is text[start:pos]
    pos: int
    year_like: bool = False  # four plain digits: may be a year
    kind: str | None = None
    unit: str | None = None
    currency: str | None = None  # "" for a currency word that names no one currency
    currency_code_after: bool = False  # "75 USD": an ISO code was read after the number
    currency_factor: float = 1.0  # "cents" -> 0.01
    qualifier: str = "exact"
    value_max: float | None = None
    scale: float = 1.0  # the scale word or letter read after the number ("billion" -> 1e9)
    note: str | None = None

    def figure(self) -> Found:
        assert self.kind is not None  # the count step gives every number a kind
        year = int(self.value) if self.kind == "date" else None
        return Found(self.kind, self.start, self.pos, self.value, self.value_max, self.unit,
                      self.qualifier, year, self.note)


Step = Callable[[Reading], "Found | Refusal | None"]


def build(text: str, cs: int, ce: int, value: float, hint: str, source: str,
          peer: bool) -> Found | None:
    """The figure the number ``text[cs:ce]`` (of value ``value``) is part of, or None."""
    r = Reading(text, cs, ce, source, peer, value, hint, cs, ce)
    r.year_like = source == "digits" and ce - cs == 4 and text[cs:ce].isdigit()
    for step in _PLANS[source, peer]:
        verdict = step(r)
        if verdict is not None:
            return verdict if isinstance(verdict, Found) else None
    return r.figure()


def _qualifier_before(r: Reading) -> tuple[int, re.Match[str]] | None:
    return match_before(P.QUALIFIER_BEFORE_REV, r.text, r.start, 24)


# ---- before the number -------------------------------------------------------------------

def _currency_before(r: Reading) -> Refusal | None:
    """"$", "US$", "EUR " before the number; digits glued to a word are part of a name."""
    text, last = r.text, r.cs - 1
    if last > 0 and text[last] in " \t":
        last -= 1
    hit = None
    if last >= 0 and P.CURRENCY_BEFORE_LAST.match(text, last) and \
            ends_like_currency_prefix(text, last + 1):
        hit = match_before(P.CURRENCY_BEFORE_REV, text, r.cs, 8)
    if hit:
        r.start, cm = hit
        r.currency = P.CURRENCY_BEFORE_CODES[cm.lastgroup or ""]
    elif r.source == "digits" and glued_to_a_name(r.text, r.cs) and not (
            r.year_like and r.text[max(0, r.cs - 2):r.cs] == "FY"):
        return NOT_A_FIGURE  # "J1149", "i7", "F-16", "OAO-1" (not "FY2025")
    return None


def _zip_code(r: Reading) -> Found | None:
    if r.ce - r.cs == 5 and P.ZIP_BEFORE.search(r.text, max(0, r.cs - 4), r.cs):
        return Found("skip", r.cs, r.ce, r.value)  # "Washington, DC 20001"
    return None


def _article_before(r: Reading) -> Refusal | None:
    """"a dozen", "a third": the article is part of the figure, and makes an ordinal a
    fraction ("a third" -> 1/3); "a first", "a second" mean "another", no figure."""
    am = search_before(P.A_BEFORE, r.text, r.start, 4)
    number = r.text[r.cs:r.ce].lower()
    if am and number.replace(",", " ").split()[0] in T.ARTICLE_NUMBER_WORDS:
        if number in ("first", "second"):
            return NOT_A_FIGURE  # "a first class seat", "on a second thought"
        if r.hint == "rank" and " " in number:
            return None  # "a hundred trillionth": a rank, not a fraction
        r.start = max(0, r.start - 4) + am.start()
        if r.hint == "rank":
            r.value, r.hint = 1.0 / r.value, "ratio"
    return None


def _minus_before(r: Reading) -> None:
    if r.value < 0:
        r.note = "negative: minus sign"  # "-5%": the sign was read with the digits
        return
    mm = search_before(P.MINUS_BEFORE, r.text, r.start, 12)
    if mm:  # "minus five percent"
        r.value = -r.value
        r.start = max(0, r.start - 12) + mm.start()
        r.note = f"negative: {mm.group().strip().lower()!r}"
    elif r.currency is not None and r.start > 0 and r.text[r.start - 1] in "-\u2212" and (
            r.start == 1 or r.text[r.start - 2] in " \t\n(:"):
        r.value, r.start = -r.value, r.start - 1  # "-$5 billion": a minus sign before "$"
        r.note = "negative: minus sign"


# ---- right after the digits ----------------------------------------------------------------

def _ordinal_suffix(r: Reading) -> None:
    if om := P.ORDINAL_SUFFIX.match(r.text, r.pos):
        r.hint, r.pos = "rank", om.end()  # "21st"


def _period_name(r: Reading) -> Refusal | None:
    if r.hint == "rank" and P.PERIOD_AFTER_ORDINAL.match(r.text, r.pos):
        return NOT_A_FIGURE  # "the 21st century": a period's name, not a rank
    return None


def _decade(r: Reading) -> Found | None:
    """"1990s", "the early 1980s": a range of ten years, whatever follows."""
    if not (r.year_like and r.hint != "rank" and r.value % 10 == 0):
        return None
    dm = P.DECADE_SUFFIX.match(r.text, r.pos)
    if not dm:
        return None
    year, start = int(r.value), r.start
    first, last = 0, 9
    mod = search_before(P.DECADE_MOD_BEFORE, r.text, start, 8)
    if mod:  # "the early 1990s" -> 1990-1994 (DECADE_PARTS)
        start = max(0, start - 8) + mod.start()
        first, last = T.DECADE_PARTS[mod.group("mod").lower()]
    return Found("date", start, dm.end(), float(year + first), float(year + last), None,
                  "range", year + first)


def _over(r: Reading) -> None:
    if r.hint == "count" and r.pos == r.ce and (over := fraction_over(r.text, r.pos, r.value)):
        r.value, r.pos = over  # "one over 20", "1 in 21"
        r.hint = "ratio" if abs(r.value) < 1 else "count"


def _scale_letter(r: Reading) -> Refusal | None:
    """"10k", "$3bn", "$2.174T", "3 mln" ("m", "mm" and "mil" only after a currency or before
    a plural noun or unit: "5m" is a length, "1.2m tons" a million)."""
    if r.hint == "rank":
        return None
    sm = P.SCALE_LETTER.match(r.text, r.pos)
    if sm:
        letter = sm.group("s")
        if letter.lower() not in T.CURRENCY_ONLY_SCALE_LETTERS or r.currency or \
                P.PLURAL_OR_UNIT_AFTER.match(r.text, sm.end()):
            r.scale = T.SCALE_SUFFIXES.get(letter, T.SCALE_SUFFIXES.get(letter.lower(), 1))
            r.value = scaled(r.value, r.scale)
            r.pos = sm.end()
        elif not r.peer and sm.start() == r.pos:
            return NOT_A_FIGURE  # "ran 5m": a length, or a million of nothing said
    return None


def _fraction_of_scale(r: Reading) -> None:
    if r.hint == "ratio":
        fm = P.FRACTION_OF_SCALE.match(r.text, r.pos)
        if fm:  # "half a billion"
            r.scale = T.MULTIPLIERS[fm.group("w").lower()]
            r.value = scaled(r.value, r.scale)
            r.hint, r.pos = "count", fm.end()


def _fraction_of_unit(r: Reading) -> None:
    """"half an hour", "half a percentage point", "two-thirds of a cent": the fraction is
    of one unit, which the steps after this one read."""
    if r.hint == "ratio" or (r.hint == "count" and math.isfinite(r.value) and
                             r.value != int(r.value)):
        fm = P.FRACTION_OF_UNIT.match(r.text, r.pos)
        if fm:
            r.hint, r.pos = "count", fm.end()


# ---- scale and currency after the number ---------------------------------------------------

def _currency_code_after(r: Reading) -> None:
    if r.hint == "rank":
        return
    ca = P.CURRENCY_CODE_AFTER.match(r.text, r.pos)
    if ca:  # "75 USD"
        r.currency, r.pos = ca.group("w"), ca.end()
        r.currency_code_after = True


def _scale_word(r: Reading) -> None:
    """"45 million", "hundreds" (a vague amount), "a third billion" after a currency."""
    if r.hint in ("count", "vague") or (r.hint == "ratio" and r.currency):
        sw = P.SCALE_WORD.match(r.text, r.pos)
        if sw:
            word = sw.group("w").lower()
            r.scale = T.MULTIPLIERS.get(word) or T.VAGUE_PLURALS.get(word, 1)
            r.value = scaled(r.value, r.scale)
            r.pos, r.hint = sw.end(), "count"


def _and_a_fraction(r: Reading) -> None:
    """"5 and a half minutes", "3 million and a quarter" (a quarter of the scale)."""
    if r.source != "digits" or r.hint != "count" or not math.isfinite(r.value) or \
            r.value != int(r.value):
        return
    am = P.AND_FRACTION_AFTER.match(r.text, r.pos)
    if am is None:
        return
    numbers = parse_words(am.group("w"))
    if numbers and numbers[0].start == 0 and numbers[0].kind == "ratio" and \
            numbers[0].end == len(am.group("w")) and 0 < numbers[0].value < 1:
        r.value = added(r.value, scaled(numbers[0].value, r.scale))
        r.pos = am.end()


def _currency_word(r: Reading) -> None:
    """"5 million yen", "20 dollars", "50 cents" (a factor to the major unit)."""
    if r.hint == "rank":
        return
    cw = P.CURRENCY_AFTER.match(r.text, r.pos)
    if cw and not is_pound_weight(r.text, cw.end()):
        code, r.currency_factor = T.CURRENCY_WORDS[cw.group("w").lower()]
        if code or not r.currency:  # a code read before wins over "dollars"
            r.currency = code
        r.pos = cw.end()
        if not r.currency_code_after:
            ca = P.CURRENCY_CODE_AFTER.match(r.text, r.pos)
            if ca:  # "5 dollars USD"
                r.pos = ca.end()
    elif r.currency_code_after:
        sw = P.SCALE_WORD.match(r.text, r.pos)
        if sw:  # a second scale word after the code: "75 USD million million"
            r.value = scaled(r.value, T.MULTIPLIERS.get(sw.group("w").lower(), 1))
            r.pos = sw.end()


def _overflow(r: Reading) -> Refusal | None:
    if not math.isfinite(r.value):
        return NOT_A_FIGURE  # "9e300 trillion": scaled past what a float holds
    return None


def _money(r: Reading) -> None:
    if r.currency is None:
        return
    r.kind, r.unit = "money", r.currency
    r.value = scaled(r.value, r.currency_factor)
    if r.currency_factor == 1 and r.value == int(r.value):
        cents = P.CENTS_AFTER.match(r.text, r.pos) or (
            P.CENTS_END_AFTER.match(r.text, r.pos) if r.pos > r.ce + 1 or r.peer else None) \
            or (P.CENTS_BARE_AFTER.match(r.text, r.pos) if r.peer else None)
        value = cents and (word_value(c) if (c := cents.group("c"))[0].isalpha() else int(c))
        if cents and value is not None and 0 < value < 100 and value == int(value):
            r.value = added(r.value, scaled(value, 0.01))  # "$20 and 43 cents", "15 dollars 50"
            r.pos = cents.end()
    if r.start > 0 and r.text[r.start - 1] == "(" and r.text[r.pos:r.pos + 1] == ")":
        evidence = accounting_negative(r.text, r.start - 1)
        if evidence:  # "a loss of ($99.99)"; else "1.2 trillion yen ($10.5 billion)"
            r.value, r.start, r.pos = -r.value, r.start - 1, r.pos + 1
            r.note = f"negative: parentheses {evidence}"


def _exchange_rate(r: Reading) -> None:
    if r.kind == "money" and r.unit and (rate := exchange_rate(r.text, r.pos, r.unit)):
        r.kind, r.unit, r.pos = "ratio", rate[0], rate[1]  # "159 yen to the dollar"
        r.note = "exchange rate"


# ---- percent, time -------------------------------------------------------------------------

def _fold_after(r: Reading) -> None:
    if r.kind is None and r.hint != "rank":
        fm = P.FOLD_AFTER.match(r.text, r.pos)
        if fm:  # "a 10-fold rise": a multiplier
            r.kind, r.unit, r.pos = "ratio", "fold", fm.end()


def _clock_time(r: Reading) -> Refusal | None:
    if r.kind is None and P.CLOCK_AFTER.match(r.text, r.pos):
        return NOT_A_FIGURE  # "2 pm", "2.13 am": a time of day
    return None


def _percent(r: Reading) -> None:
    if r.kind is None and r.hint != "rank":
        pm = P.PERCENT_AFTER.match(r.text, r.pos)
        if pm:  # "2 percentage points" is a change in points: its own unit
            r.kind, r.pos = "percent", pm.end()
            r.unit = T.PERCENT_UNITS.get(pm.group("w").lower(), "percent")


def _duration(r: Reading) -> None:
    """"18 months", "2 years and 3 months", "five years old"."""
    if r.kind is not None or r.hint == "rank":
        return
    tm = P.TIME_AFTER.match(r.text, r.pos)
    if not tm:
        return
    word = tm.group("w").lower()
    if word in T.SPACED_TIME_ABBREVIATIONS and not r.peer and \
            r.text[r.ce:tm.start("w")].strip():
        return  # "5-h", "10k s"
    r.kind = "duration"
    r.value, r.unit, r.pos = compound_duration(r.text, r.value, T.TIME_UNITS[word], tm.end(),
                                                 r.peer)
    am = P.AGE_AFTER.match(r.text, r.pos)
    if am:
        r.pos = am.end()


def _range(r: Reading) -> None:
    """"5-to-7 years", "between 10 and 12 percent", "2008-13"."""
    found = range_end(r.text, r.start, r.pos, r.value, r.kind, r.year_like, r.peer, r.unit)
    if found is None:
        return
    r.value_max, r.pos, kind, unit, scale = found
    if scale != 1 and r.scale == 1 and scaled(r.value, scale) < r.value_max:
        r.value = scaled(r.value, scale)  # "$10 to $15 billion": both ends in billions
    if kind is not None:  # the second number said what both are
        r.kind, r.unit = kind, unit
    r.qualifier = "range"
    bm = search_before(P.BETWEEN_BEFORE, r.text, r.start, 12)
    if bm:
        r.start = max(0, r.start - 12) + bm.start()


# ---- dates ------------------------------------------------------------------------------

def _date(r: Reading) -> Found | None:
    """"April 1996", "Aug. 17", "Sept. 11, 2001", a bare year."""
    if r.kind is not None or r.hint == "rank" or r.value != int(r.value):
        return None
    value = int(r.value)
    hit = match_before(P.MONTH_BEFORE_REV, r.text, r.start, 24)
    if hit and hit[1].group("d") is None:
        if r.year_like and _YEAR_MIN <= value <= _YEAR_MAX:
            return _masthead_check(r, Found("date", hit[0], r.pos, float(value), None, None,
                                             "exact", value))
        if 1 <= value <= 31 and not r.year_like:  # "Aug. 17", "Sept. 11, 2001"
            ym = P.DATE_YEAR_AFTER.match(r.text, r.pos)
            year = int(ym.group("y")) if ym else None
            end = ym.end() if ym else r.pos
            return _masthead_check(r, Found("date", hit[0], end,
                                             None if year is None else float(year),
                                             None, None, "exact", year))
    if not r.year_like or not (_YEAR_MIN <= value <= _YEAR_MAX):
        return None
    nxt = P.WORD_AFTER.match(r.text, r.pos)
    if nxt and nxt.group("sep").strip() == "" and nxt.group("w").islower() and \
            nxt.group("w").endswith("s") and nxt.group("w").lower() not in T.STOP_WORDS and \
            not _still_a_year(r, nxt.group("w")):
        return None  # a year-like count before a plural noun: "1500 troops"
    start = r.start
    dm = search_before(P.DECADE_MOD_BEFORE, r.text, start, 8)
    if dm:
        start = max(0, start - 8) + dm.start()
    fm = search_before(P.FISCAL_BEFORE, r.text, start, 20)
    if fm:  # "fiscal 2025", "FY2025": the fiscal year is the figure's date
        start = max(0, start - 20) + fm.start()
    qualifier = "range" if r.value_max is not None else "exact"
    return _masthead_check(r, Found("date", start, r.pos, float(value), r.value_max, None,
                                     qualifier, value))


def _still_a_year(r: Reading, word_after: str) -> bool:
    """A year though a word in -s follows: "in 2021 exports rose", "for 2021 includes"."""
    return word_after in T.VERBS_AFTER_A_YEAR or (
        r.value >= T.YEAR_PREPOSITION_MIN
        and search_before(P.YEAR_PREPOSITION_BEFORE, r.text, r.start, 12) is not None)


def _masthead_check(r: Reading, fig: Found) -> Found:
    """Dates in a byline, masthead or dateline are publication metadata, not claims: they
    become "skip" figures."""
    if not r.peer and is_masthead_date(r.text, fig.start, fig.end):
        fig.kind = "skip"
    return fig


def _day_of_month(r: Reading) -> Found | Refusal | None:
    if r.kind is None and r.hint == "rank" and 1 <= r.value <= 31 and \
            match_before(P.MONTH_BEFORE_REV, r.text, r.cs, 24):
        if r.peer:
            return Found("rank", r.start, r.pos, r.value)
        return NOT_A_FIGURE  # "January 31st": a day, always in a paywall or cover sheet here
    return None


# ---- what a bare number is -------------------------------------------------------------

def _rank_or_ratio(r: Reading) -> Refusal | None:
    if r.kind is not None or r.hint not in ("rank", "ratio"):
        return None
    r.kind = r.hint
    if r.hint == "ratio" and r.source == "words" and not r.peer and \
            search_before(P.PERIOD_LEAD_BEFORE, r.text, r.start, 12):
        return NOT_A_FIGURE  # "the second half", "the first quarter": a period
    if r.hint == "ratio" and r.source == "words" and not r.peer and r.pos == r.ce and \
            P.OF_AFTER.match(r.text, r.pos) is None and _qualifier_before(r) is None and \
            search_before(P.FRACTION_LEAD_BEFORE, r.text, r.start, 12) is None:
        return NOT_A_FIGURE  # "a third strand", "half-hearted"
    return None


def _measurement(r: Reading) -> Found | Refusal | None:
    if r.kind is None:
        mm = P.MEASURE_AFTER.match(r.text, r.pos)
        if mm:  # "5 km": reported to the peer scorer as "other", not a claim in prose
            return Found("other", r.start, mm.end(), r.value) if r.peer else NOT_A_FIGURE
    return None


def _count(r: Reading) -> Refusal | None:
    """What a count counts: the noun after it ("two sources"), or a noun before it ("force
    level of more than 45,000" -> troop); "hundreds" needs one ("hundreds of links")."""
    if r.kind is not None:
        return None
    if r.source == "digits" and not r.peer and (
            in_a_name(r.text, r.start) or (r.pos == r.ce and r.text[r.pos:r.pos + 1].isalpha())):
        return NOT_A_FIGURE  # "Boeing 747", "S&P 500"; "5G", "2AA": an identifier
    if r.source == "digits" and r.pos == r.ce and r.text[r.pos:r.pos + 1].isalpha() and \
            r.text[r.pos + 1:r.pos + 2].isdigit():
        return NOT_A_FIGURE  # "06F6": letters and digits mixed, an identifier in any mode
    r.kind = "count"
    noun_end, r.unit = counted_noun(r.text, r.pos, r.hint)
    if r.hint == "vague":
        r.qualifier = "at least"
        if noun_end is None and not r.peer:
            return NOT_A_FIGURE
    if noun_end is not None:
        r.pos = noun_end
    elif r.source == "digits":
        ctx = search_before(P.COUNT_CONTEXT_BEFORE, r.text, r.start, 60)
        if ctx:
            r.unit = T.COUNT_CONTEXT[ctx.group("w").lower()]
    return None


# ---- prose rules: what the permissive (peer) mode keeps and prose does not ----------------

def _bare_number_word(r: Reading) -> Refusal | None:
    if r.kind != "count":
        return None
    if r.unit is None and _qualifier_before(r) is None and P.PARTITIVE_AFTER.match(
            r.text, r.pos) is None and (r.value < 1000 or " " not in r.text[r.cs:r.ce]):
        return NOT_A_FIGURE  # a bare number word ("the four should discuss"), not "four of
        # whom", "seven more", "one million"
    if r.value == 1 and r.hint != "vague":
        return NOT_A_FIGURE  # "one": nearly always a pronoun or article
    return None


def _bare_ordinal(r: Reading) -> Refusal | None:
    if r.kind == "rank":
        return NOT_A_FIGURE  # "the first step", "21st century" are not ranks
    return None


def _glued_unit(r: Reading) -> Found | Refusal | None:
    text, pos = r.text, r.pos
    if pos < len(text) and text[pos].isalnum() and text[pos - 1].isalnum() and \
            r.kind != "count":  # "180ml", "1Ga": an unknown unit
        return Found("other", r.cs, r.ce, r.value) if r.peer else NOT_A_FIGURE
    return None


# ---- last ---------------------------------------------------------------------------------

def _qualifier(r: Reading) -> None:
    if r.qualifier == "exact":
        hit = match_before(P.QUALIFIER_BEFORE_REV, r.text, r.start, 24)
        if hit:  # "about", "more than", "nearly"
            r.start, qm = hit
            r.qualifier = T.QUALIFIER_WORDS[qm.group("q")[::-1].lower()]


def _address(r: Reading) -> Refusal | None:
    if in_address(r.text, r.cs, r.ce):
        return NOT_A_FIGURE  # "croninp2@ndu.edu"
    return None


# The steps in order, with the numbers each reads (digits or number words, by the
# scanner's group) and the modes it runs in (prose, or the permissive peer mode).
STEPS: tuple[tuple[Step, str, str], ...] = (
    # step                 numbers         modes
    (_currency_before,     "digits words", "prose peer"),  # first: "minus" is read before "$"
    (_zip_code,            "digits",       "prose"),
    (_article_before,      "words",        "prose peer"),
    (_minus_before,        "digits words", "prose peer"),
    (_ordinal_suffix,      "digits",       "prose peer"),  # later steps read "21st" as a rank
    (_period_name,         "digits words", "prose peer"),
    (_decade,              "digits",       "prose peer"),
    (_clock_time,          "digits",       "prose peer"),  # before "p" (pence) is read
    (_over,                "digits words", "prose peer"),
    (_scale_letter,        "digits",       "prose peer"),  # after "$": "$5m" money, "5m" length
    (_fraction_of_scale,   "words",        "prose peer"),
    (_fraction_of_unit,    "digits words", "prose peer"),  # after "half a billion"
    (_currency_code_after, "digits words", "prose peer"),
    (_scale_word,          "digits words", "prose peer"),
    (_and_a_fraction,      "digits",       "prose peer"),  # after the scale: "3 million and a half"
    (_currency_word,       "digits words", "prose peer"),
    (_overflow,            "digits words", "prose peer"),  # the last scale is applied
    (_money,               "digits words", "prose peer"),  # symbol, code and word are read
    (_exchange_rate,       "digits words", "prose peer"),
    (_fold_after,          "digits words", "prose peer"),
    (_percent,             "digits words", "prose peer"),
    (_duration,            "digits words", "prose peer"),
    (_range,               "digits words", "prose peer"),  # after the unit: "5 to 7 percent"
    (_date,                "digits",       "prose peer"),
    (_day_of_month,        "digits",       "prose peer"),
    (_rank_or_ratio,       "digits words", "prose peer"),  # from here: numbers with no unit
    (_measurement,         "digits words", "prose peer"),
    (_count,               "digits words", "prose peer"),
    (_bare_number_word,    "words",        "prose"),
    (_bare_ordinal,        "digits words", "prose"),
    (_glued_unit,          "digits words", "prose peer"),
    (_qualifier,           "digits words", "prose peer"),  # the start has moved for the last time
    (_address,             "digits words", "prose"),
)
# the steps for each (numbers, peer): chosen once, so no step tests what it reads
_PLANS = {
    (source, peer): tuple(step for step, sources, modes in STEPS
                          if source in sources.split()
                          and ("peer" if peer else "prose") in modes.split())
    for source in ("digits", "words") for peer in (False, True)
}
