"""Checking an answer the way a teacher would, and turning the verdict into an FSRS rating.

A card carries a ``spec`` (see :mod:`claims.study.cards`) saying what is being asked:

* ``figure`` — a number with its kind, unit and qualifier. "49 billion dollars",
  "$49B", "$49-billion", "49,000,000,000" and "forty-nine billion" are all right for
  ``$49-billion``. An answer is right when the agreement rule (:mod:`claims.agreement`,
  the one ``claims compare`` uses) says it agrees with the figure: the answer is taken as
  an exact figure, the card's figure keeps its qualifier ("about 80 percent" allows
  72-88; "more than 45,000" allows 45,000-49,500). 20 % and one fifth are the same
  figure; 18 months is 1.5 years; a different currency is wrong; the right number
  without its scale ("49" for $49-billion) is right but rated Hard.
  A counted noun may be named by a synonym (``COUNTED_NOUNS``: "45,000 soldiers" for
  45,000 personnel); a time unit after "a" is one of it ("a decade" is 10 years).
* ``year`` — the year, exactly, in any phrase ("in 1992", "the 1978 Guidelines"); a date
  of month or day precision also needs its month and day, in any common form
  ("Aug. 7", "7 August 2017", "2017-08-07"; "Jan. 2009", "2009-01"): see :func:`check_date`.
* ``source`` — an author by surname (or full name), the outlet, or the source's slug;
  case, accents and punctuation aside; one slip of a letter in a name is right but Hard.
* ``text`` — the blanked words of a statement, articles and punctuation aside; a capital
  for its country ("Tokyo" for Japan, the extractor's ``ACTORS`` table).
* ``yesno`` — yes/no and their everyday variants (``YES_WORDS``, ``NO_WORDS``).

Numbers in answers are read by the extractor's reader (:func:`claims.extract.read_quantities`),
so an answer is read by the same rules as the document it is checked against.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from claims.agreement import Figure, agrees, figure
from claims.domain import Kind, Qualifier
from claims.errors import UsageError
from claims.extract import Extraction, has_scale, read_quantities
from claims.extract._tables import (
    ACTORS,
    CARDINALS,
    FRACTION_WORDS,
    MONTHS,
    MULTIPLIERS,
    ORDINALS,
    SUPERLATIVES,
    TIME_UNITS,
)

# Kinds whose figures may be written as a percentage or a fraction (20 percent == 1/5).
FRACTION_KINDS = (Kind.PERCENT, Kind.RATIO)

YES_WORDS = ("yes", "y", "yep", "yeah", "true", "agree", "agreed", "they agree", "same", "both")
NO_WORDS = ("no", "n", "nope", "false", "disagree", "they disagree", "differ", "different")
# Answers that begin like a yes or a no but say "I don't know" (after :func:`normalize`):
# "no idea" is not a no, so it is never right, not even on a card whose answer is "no".
DONT_KNOW = ("no idea", "no clue", "no answer", "no comment", "not sure", "dont know",
             "don t know", "i dont know", "i don t know", "idk", "dunno", "unsure",
             "yes and no", "yes or no", "no or yes", "maybe")
# Words that carry no meaning in a short text answer.
FILLER_WORDS = ("the", "a", "an", "of", "by", "and")

# Kinds whose counted noun must agree when the answer names one ("two years", not "two
# countries"); words that are not nouns of the count are ignored.
NOUN_KINDS = ("count", "duration")
NOT_NOUNS = frozenset(
    "more than less about some almost over nearly around roughly approximately at least most "
    "under fewer just only exactly some the a an of and per cent percent to troops' s".split()
)

# Counted nouns that name the same thing, singular and plural: "45,000 troops",
# "soldiers", "personnel" or "forces" all count U.S. forces. One group per line; a noun
# in the answer agrees with the figure's unit when both are in one group (or share their
# first four letters, as "troop" and "troops" do). Written by hand for news prose.
COUNTED_NOUNS: tuple[frozenset[str], ...] = (
    frozenset("troop troops soldier soldiers personnel force forces servicemen servicemember "
              "servicemembers military men marines marine service members".split()),
    frozenset("country countries nation nations state states".split()),
    frozenset("link links tie ties connection connections".split()),
)
_NOUN_GROUP = {word: i for i, group in enumerate(COUNTED_NOUNS) for word in group}

# "a decade", "an hour": the article is one of the unit. The extractor reads "one decade"
# but not "a decade" (its "a" is an article, rightly, in documents), so an answer's
# article before a time unit of the extractor's table becomes "one" before it is read;
# "a year and a half" the extractor reads itself.
_ARTICLE_UNIT_RE = re.compile(
    rf"(?<![\w])an?\s+(?=(?:{'|'.join(sorted(map(re.escape, TIME_UNITS), key=len, reverse=True))})"
    r"(?![\w])(?!\s+and\s+an?\s+half))",
    re.IGNORECASE,
)

# Seconds thresholds for the rating of a right answer when the time taken is known.
EASY_BELOW_MS = 6_000
HARD_ABOVE_MS = 30_000

# An answer longer than this is not an answer (a pasted page, 5,000 digits): refused
# before it is read, stored or logged.
MAX_ANSWER_LENGTH = 500

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
RATING_VALUES = {name.lower(): value for value, name in RATING_NAMES.items()}

_CHOICE_RE = re.compile(r"^\s*\(?([a-hA-H1-8])[.)]?\s*$")


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    """The result of checking one answer (the JSON "answer verdict" adds the rating and due
    date). Not to be confused with ``claims.domain.Verdict``, the verdict on two claims."""

    correct: bool
    expected: str
    partial: bool = False  # right, but incomplete (e.g. scale left out): rated Hard
    note: str | None = None

    def suggested_rating(self, duration_ms: int | None = None, new: bool = False) -> int:
        """Again for a wrong answer; Hard/Good/Easy for a right one (by time, when known;
        never Easy on a ``new`` card)."""
        return suggest_rating(self, duration_ms, new)


def suggest_rating(
    verdict: AnswerCheck, duration_ms: int | None = None, new: bool = False
) -> int:
    """The FSRS rating (1-4) a teacher would give this verdict.

    A quick right answer is Easy, except on a brand-new card (``new``): knowing a card
    seen for the first time is Good; the learner may still say Easy.

    >>> suggest_rating(AnswerCheck(correct=False, expected="x"))
    1
    >>> suggest_rating(AnswerCheck(correct=True, expected="x"), duration_ms=3000)
    4
    >>> suggest_rating(AnswerCheck(correct=True, expected="x"), duration_ms=3000, new=True)
    3
    """
    if not verdict.correct:
        return 1
    if verdict.partial or (duration_ms is not None and duration_ms > HARD_ABOVE_MS):
        return 2
    if duration_ms is not None and duration_ms < EASY_BELOW_MS and not new:
        return 4
    return 3


def parse_rating(text: str) -> int:
    """``"good"``/``"g"``/``"3"`` -> 3. Raises ValueError naming the accepted values."""
    key = text.strip().lower()
    if key.isdigit() and int(key) in RATING_NAMES:
        return int(key)
    for name, value in RATING_VALUES.items():
        if key in (name, name[0]):
            return value
    raise ValueError(f"unknown rating {text!r}: use again, hard, good or easy (or 1-4)")


def normalize(text: str) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed.

    >>> normalize("  Glößerman, É. ")
    'glosserman e'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", stripped).split())


def _contains_phrase(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def _starts_with_phrase(text: str, phrase: str) -> bool:
    return f"{text} ".startswith(f"{phrase} ")


# --- figures -----------------------------------------------------------------


def expected_figure(spec: dict[str, Any]) -> Figure:
    """The card's figure on its common scale, with its qualifier's band."""
    return figure(spec["kind"], float(spec["value"]),
                  float(spec["value_max"]) if spec.get("value_max") is not None else None,
                  spec.get("unit"), spec.get("qualifier") or Qualifier.EXACT)


def _readings(spec: dict[str, Any], found: Extraction) -> list[Figure]:
    """What a number in the answer may mean for this card: as written (a percentage, a
    fraction, a duration in its unit), or, bare, in the card's own kind and unit."""
    kind, value = spec["kind"], float(found.value or 0)
    if found.kind == Kind.PERCENT or found.unit == "percent":
        return [figure(Kind.PERCENT, value)]
    if found.kind == Kind.RATIO:
        return [figure(Kind.RATIO, value)]
    if kind == Kind.DURATION and found.kind == Kind.DURATION:
        return [figure(Kind.DURATION, value, unit=found.unit)]
    if kind in FRACTION_KINDS:  # a bare "20" for 20 percent, "0.2" for one fifth
        return [figure(Kind.PERCENT, value), figure(Kind.RATIO, value)]
    return [figure(kind, value, unit=spec.get("unit"))]


def accepts(spec: dict[str, Any], value: float) -> bool:
    """Is ``value`` (in the card's kind and unit) a right answer for the card's figure?

    >>> accepts({"kind": "count", "value": 45000, "qualifier": "more than"}, 47000)
    True
    >>> accepts({"kind": "count", "value": 45000, "qualifier": "more than"}, 50000)
    False
    """
    return agrees(expected_figure(spec), figure(spec["kind"], value, unit=spec.get("unit")))


# Number words, which are never the counted noun: the extractor's tables.
NUMBER_WORDS = frozenset({*CARDINALS, *MULTIPLIERS, *ORDINALS, *FRACTION_WORDS})


def _nouns(text: str, kind: str | None = None) -> set[str]:
    # a duration's time units convert into each other (the agreement rule's scale):
    # "a year and a half" names no other noun than "18 months" does
    units = set(TIME_UNITS) if kind == Kind.DURATION else set()
    return {w for w in re.findall(r"[a-z]+", normalize(text))
            if w not in NOT_NOUNS and w not in NUMBER_WORDS and w not in units and len(w) > 1}


def _other_noun(spec: dict[str, Any], given: str) -> str | None:
    """A noun in the answer that is not the figure's unit ("countries" for "two years")."""
    kind = spec.get("kind")
    expected = _nouns(spec.get("surface") or "", kind) | _nouns(spec.get("unit") or "", kind)
    said = _nouns(given, kind)
    if kind == Kind.DURATION and said:
        # a time unit in the answer is the figure's noun ("18 months of diplomacy"); words
        # without one count something else ("two countries" for two years)
        named_unit = set(normalize(given).split()) & set(TIME_UNITS)
        return None if named_unit else sorted(said)[0]
    if not expected or not said:
        return None
    if any(_same_noun(a, b) for a in said for b in expected):
        return None
    return sorted(said)[0]


def _same_noun(a: str, b: str) -> bool:
    """Do two counted nouns name the same thing ("troops", "soldier"; see ``COUNTED_NOUNS``)?"""
    group = _NOUN_GROUP.get(a)
    return a[:4] == b[:4] or (group is not None and group == _NOUN_GROUP.get(b))


def read_answer(given: str) -> list[Extraction]:
    """The numbers of an answer, read by the extractor's reader (an article before a time
    unit read as one: "a decade" is "one decade").

    >>> [(q.value, q.unit) for q in read_answer("a decade")]
    [(10.0, 'year')]
    """
    return read_quantities(_ARTICLE_UNIT_RE.sub("one ", given))


def _surface_scale(spec: dict[str, Any]) -> float:
    """The scale the card's surface gives (1e9 for "$49-billion"), or 1."""
    surface = spec.get("surface") or ""
    for found in read_quantities(surface):
        if found.value and has_scale(found.surface):
            for scale in sorted(set(MULTIPLIERS.values()), reverse=True):
                if abs(found.value) >= scale and scale >= 1e3:
                    return scale
    return 1.0


def years_named(text: str) -> list[int]:
    """Years a text names: a date, or a bare four-digit number.

    >>> years_named("in 1992"), years_named("the 1978 Guidelines"), years_named("Aug. 7")
    ([1992], [1978], [])
    """
    return _years(read_quantities(text))


def _years(found: list[Extraction]) -> list[int]:
    return [int(q.value) for q in found if q.value is not None and q.kind in (Kind.DATE, Kind.COUNT)
            and float(q.value).is_integer() and 1000 <= q.value <= 2100]


def check_figure(spec: dict[str, Any], given: str) -> AnswerCheck:
    """Check a typed number against a figure spec (see the module docstring)."""
    expected = spec.get("surface") or str(spec.get("value"))
    kind = spec.get("kind")
    found = read_answer(given)
    if kind == Kind.RANK:
        ranks = [q.value for q in found if q.kind in (Kind.RANK, Kind.COUNT) and q.value]
        if not ranks and set(normalize(given).split()) & set(SUPERLATIVES):
            ranks = [1.0]  # a bare superlative ("the biggest") ranks first
        return AnswerCheck(any(agrees(expected_figure(spec), figure(Kind.RANK, r)) for r in ranks),
                       expected)
    if kind == Kind.DATE:
        if spec.get("qualifier") == Qualifier.RANGE:  # "the 1980s": its first year will do
            return AnswerCheck(int(spec["value"]) in _years(found), expected)
        return check_date({**spec, "year": spec.get("year", spec["value"])}, given)
    unit = spec.get("unit")
    named = {q.unit for q in found if q.kind == Kind.MONEY and q.unit}
    if kind == Kind.MONEY and unit and named and unit not in named:
        return AnswerCheck(False, expected, note=f"wrong currency ({', '.join(sorted(named))})")
    if not found:
        return AnswerCheck(False, expected, note="no number in the answer")
    if kind in NOUN_KINDS and (other := _other_noun(spec, given)):
        return AnswerCheck(False, expected, note=f"a different unit ({other})")
    target = expected_figure(spec)
    if any(agrees(target, reading) for q in found for reading in _readings(spec, q)):
        return AnswerCheck(True, expected)
    scale = _surface_scale(spec)
    if scale > 1 and not has_scale(given):
        unscaled = [q for q in found if not has_scale(q.surface) and q.value is not None]
        if any(accepts(spec, float(q.value or 0) * scale) for q in unscaled):
            return AnswerCheck(True, expected, partial=True, note="right number, scale left out")
    return AnswerCheck(False, expected)


# --- other answer types ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateParts:
    """What a short text says of a date: its year, month and day, each when named."""

    year: int | None
    month: int | None
    day: int | None


_MONTH_WORD_RE = re.compile(
    rf"(?<![\w])({'|'.join(sorted(map(re.escape, MONTHS), key=len, reverse=True))})\.?(?![\w])",
    re.IGNORECASE,
)
_DATE_SEPARATOR_RE = re.compile(r"(?<=\d)[-/](?=\d)")  # "2017-08-07", "2017/08/07"
_ISO_DATE_RE = re.compile(r"\d{4}[-/]\d")  # the year first: then the month, the day


def date_parts(text: str) -> DateParts:
    """The year, month and day a text names, in any common form. The month is a word
    of the extractor's ``MONTHS`` table; every number is read by the extractor's reader
    (month words and date separators taken out first); in "2017-08-07" the numbers
    after the year are the month, then the day.

    >>> date_parts("Aug. 7"), date_parts("7 August 2017")
    (DateParts(year=None, month=8, day=7), DateParts(year=2017, month=8, day=7))
    >>> date_parts("2017-08-07"), date_parts("Jan. 2009"), date_parts("in 1992")
    (DateParts(year=2017, month=8, day=7), DateParts(year=2009, month=1, day=None), \
DateParts(year=1992, month=None, day=None))
    """
    hit = _MONTH_WORD_RE.search(text)
    month = MONTHS[hit.group(1).lower()] if hit else None
    found = read_quantities(_DATE_SEPARATOR_RE.sub(" ", _MONTH_WORD_RE.sub(" ", text)))
    years = _years(found)
    small = [int(q.value) for q in found if q.value is not None
             and q.kind in (Kind.COUNT, Kind.RANK) and float(q.value).is_integer()
             and 1 <= q.value <= 31]
    if month is None and _ISO_DATE_RE.search(text) and small and small[0] <= 12:
        month, small = small[0], small[1:]
    return DateParts(years[0] if years else None, month, small[0] if small else None)


def check_date(spec: dict[str, Any], given: str) -> AnswerCheck:
    """A date: the year (``year``), and the ``month`` and ``day`` when the card's date has
    them. A wrong year, month or day is wrong; a month or day left out is right but Hard.
    The year may be left out only when the card's own words leave it out
    (``year_shown`` false: "Aug. 7").

    >>> check_date({"year": 2009, "month": 1}, "Jan. 2009").correct
    True
    >>> check_date({"year": 2009, "month": 1}, "2009").note
    'the month left out'
    """
    expected = str(spec.get("surface") or spec["year"])
    year, month, day = int(spec["year"]), spec.get("month"), spec.get("day")
    said = date_parts(given)
    named = years_named(given)
    if any(y != year for y in named):
        return AnswerCheck(False, expected, note="wrong year")
    if (month and said.month not in (None, month)) or (day and said.day not in (None, day)):
        return AnswerCheck(False, expected, note="wrong month or day" if month else None)
    if not spec.get("year_shown", True) and said.month is None:
        return AnswerCheck(False, expected, note="the month and day are the point")
    if said.year is None and (spec.get("year_shown", True) or said.month is None):
        return AnswerCheck(False, expected, note="no year in the answer" if not said.month
                           else "the year left out")
    missing = [name for name, want, got in (("month", month, said.month), ("day", day, said.day))
               if want and got is None]
    if missing:
        return AnswerCheck(True, expected, partial=True,
                           note=f"the {' and '.join(missing)} left out")
    return AnswerCheck(True, expected)


def check_year(spec: dict[str, Any], given: str) -> AnswerCheck:
    """The year of a fact (with its month and day when the card's date has them)."""
    return check_date(spec, given)


# A name of at least this many letters may be typed with one slip (a letter missing,
# added, changed, or two swapped): right, rated Hard. Shorter names must be exact.
TYPO_MIN_LETTERS = 5


def one_slip(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one slip of a letter apart (not equal)?

    >>> one_slip("maning", "manning"), one_slip("mannign", "manning"), one_slip("cron", "cronin")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def check_source(spec: dict[str, Any], given: str) -> AnswerCheck:
    """An author's surname or name, the outlet, or the source slug, anywhere in the answer;
    a name misspelt by one slip (:func:`one_slip`, "Maning") is right but Hard."""
    answer = normalize(given)
    accepted = [normalize(a) for a in spec.get("accept", []) if a]
    display = spec.get("display") or (spec.get("accept") or [""])[0]
    if answer and any(_contains_phrase(answer, a) for a in accepted):
        return AnswerCheck(True, display)
    names = [a for a in accepted if " " not in a and len(a) >= TYPO_MIN_LETTERS]
    for word in answer.split():
        if any(one_slip(word, name) for name in names):
            return AnswerCheck(True, display, partial=True, note="a name misspelt")
    return AnswerCheck(False, display)


def _content_words(text: str) -> str:
    return " ".join(w for w in normalize(text).split() if w not in FILLER_WORDS)


# Place names -> the country they stand for ("Tokyo" -> Japan): the extractor's table of
# actors, read after normalize().
PLACES: dict[str, str] = {normalize(name): country for name, country in ACTORS.items()}


def _places(text: str) -> set[str]:
    words = text.split()
    return {PLACES[" ".join(words[i:j])] for i in range(len(words))
            for j in range(i + 1, min(i + 4, len(words)) + 1) if " ".join(words[i:j]) in PLACES}


def check_text(spec: dict[str, Any], given: str) -> AnswerCheck:
    """The blanked words, articles and punctuation aside; where they name a country, any
    name of it ("Tokyo" or "Japan" for Japan).

    >>> [check_text({"text": "Japan"}, city).correct for city in ("Tokyo", "Seoul")]
    [True, False]
    """
    expected = _content_words(spec["text"])
    answer = _content_words(given)
    if bool(answer) and _contains_phrase(answer, expected):
        return AnswerCheck(True, spec["text"])
    country = PLACES.get(normalize(spec["text"]))
    return AnswerCheck(country is not None and _places(normalize(given)) == {country},
                       spec["text"])


def check_yesno(spec: dict[str, Any], given: str) -> AnswerCheck:
    answer = normalize(given)
    expected = spec.get("display") or ("yes" if spec["value"] else "no")
    if any(_starts_with_phrase(answer, phrase) for phrase in DONT_KNOW):
        return AnswerCheck(False, expected)
    said_yes = answer in YES_WORDS or answer.startswith("yes ")
    said_no = answer in NO_WORDS or answer.startswith("no ")
    if not (said_yes or said_no):
        return AnswerCheck(False, expected, note="answer yes or no")
    return AnswerCheck(said_yes == bool(spec["value"]), expected)


# Words a learner may type for each way a figure moved (trend cards, see
# ``claims.study.cards.TREND_WORDS``), after :func:`normalize`.
TREND_ANSWERS: dict[str, tuple[str, ...]] = {
    "up": ("rose", "rise", "risen", "up", "increased", "increase", "grew", "grown", "higher",
           "climbed", "more"),
    "down": ("fell", "fall", "fallen", "down", "decreased", "decrease", "dropped", "declined",
             "lower", "shrank", "less", "fewer"),
    "same": ("same", "unchanged", "steady", "flat", "no change", "stable", "held"),
}


def check_trend(spec: dict[str, Any], given: str) -> AnswerCheck:
    """Which way a figure moved: one direction's words, and no other's."""
    answer = normalize(given)
    said = {way for way, words in TREND_ANSWERS.items()
            if any(_contains_phrase(answer, w) for w in words)}
    expected = spec.get("display") or spec["value"]
    if not said:
        return AnswerCheck(False, expected, note="answer rose, fell or stayed about the same")
    return AnswerCheck(said == {spec["value"]}, expected)


CHECKERS = {
    "figure": check_figure,
    "year": check_year,
    "source": check_source,
    "text": check_text,
    "yesno": check_yesno,
    "trend": check_trend,
}


def resolve_choice(given: str, choices: list[str] | None) -> str | None:
    """The choice a letter or number picks: ``"b"``/``"2"`` -> ``choices[1]``; else None."""
    if not choices:
        return None
    match = _CHOICE_RE.match(given)
    if not match:
        return None
    key = match.group(1).lower()
    index = int(key) - 1 if key.isdigit() else ord(key) - ord("a")
    return choices[index] if 0 <= index < len(choices) else None


def require_answer_text(given: str) -> None:
    """UsageError for an answer no person typed: over :data:`MAX_ANSWER_LENGTH`
    characters, or text that is not valid Unicode (undecodable bytes).

    >>> require_answer_text("9" * 5000)
    Traceback (most recent call last):
    claims.errors.UsageError: the answer is 5,000 characters long; an answer has at most 500
    """
    if len(given) > MAX_ANSWER_LENGTH:
        raise UsageError(f"the answer is {len(given):,} characters long; an answer has at most "
                         f"{MAX_ANSWER_LENGTH:,}", hint="type the answer itself")
    try:
        given.encode("utf-8")
    except UnicodeEncodeError:
        shown = given.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise UsageError(f"the answer '{shown}' is not valid UTF-8 text",
                         hint="type it again, or set the terminal to UTF-8") from None


def check_answer(
    spec: dict[str, Any], answer: str, given: str, choices: list[str] | None = None
) -> AnswerCheck:
    """Check ``given`` against a card's ``spec``; ``answer`` is the card's display answer.

    With ``choices``, a letter or number picks a choice, and picking a choice is right
    only if it is the answer itself.
    """
    require_answer_text(given)
    picked = resolve_choice(given, choices)
    if picked is None and choices and normalize(given) in {normalize(c) for c in choices}:
        picked = next(c for c in choices if normalize(c) == normalize(given))
    if picked is not None:
        return AnswerCheck(picked == answer, answer)
    checker = CHECKERS.get(spec.get("type", ""))
    if checker is None:
        return AnswerCheck(normalize(given) == normalize(answer), answer)
    verdict = checker(spec, given)
    return AnswerCheck(verdict.correct, answer, verdict.partial, verdict.note)
