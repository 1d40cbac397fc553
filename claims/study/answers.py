"""Checking an answer the way a teacher would, and turning the verdict into an FSRS rating.

A card carries a ``spec`` (see :mod:`claims.study.cards`) saying what is being asked:

* ``figure`` — a number with its kind, unit and qualifier. "49 billion dollars",
  "$49B", "$49-billion", "49,000,000,000" and "forty-nine billion" are all right for
  ``$49-billion``; the tolerance follows the qualifier (``TOLERANCE``); 20 % and one
  fifth are the same figure; a different currency is wrong; the right number without
  its scale ("49" for $49-billion) is right but rated Hard.
* ``year`` — the four-digit year, exactly.
* ``source`` — an author by surname (or full name), the outlet, or the source's slug;
  case, accents and punctuation aside.
* ``text`` — the blanked words of a statement, articles and punctuation aside.
* ``yesno`` — yes/no and their everyday variants (``YES_WORDS``, ``NO_WORDS``).

Numbers are read by this package's own reader (:mod:`claims.study.numerals`) and,
in addition, by the project's extractor ``claims.extract.extract`` when it finds any.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from claims.study import numerals
from claims.study.numerals import Figure

# Qualifier -> (lowest, highest) accepted answer as a factor of the stated value.
# "more than 45,000" accepts 45,000 itself (what the source said) up to 10 % above;
# "about 80 percent" accepts 72-88; exact figures allow rounding only.
TOLERANCE: dict[str, tuple[float, float]] = {
    "exact": (0.995, 1.005),
    "approximately": (0.90, 1.10),
    "about": (0.90, 1.10),
    "around": (0.90, 1.10),
    "roughly": (0.90, 1.10),
    "nearly": (0.90, 1.005),
    "almost": (0.90, 1.005),
    "more than": (0.995, 1.10),
    "over": (0.995, 1.10),
    "at least": (0.995, 1.10),
    "less than": (0.90, 1.005),
    "under": (0.90, 1.005),
    "at most": (0.90, 1.005),
    "range": (0.995, 1.005),  # applied to value (low end) and value_max (high end)
}

# Kinds whose figures are compared as fractions (20 percent == one fifth == 0.2).
FRACTION_KINDS = ("percent", "ratio")
# Kinds compared as whole numbers, exactly.
EXACT_INTEGER_KINDS = ("date", "rank")

YES_WORDS = ("yes", "y", "yep", "yeah", "true", "agree", "agreed", "they agree", "same", "both")
NO_WORDS = ("no", "n", "nope", "false", "disagree", "they disagree", "differ", "different")
# Words that carry no meaning in a short text answer.
FILLER_WORDS = ("the", "a", "an", "of", "by", "and")

# Kinds whose counted noun must agree when the answer names one ("two years", not "two
# countries"); words that are not nouns of the count are ignored.
NOUN_KINDS = ("count", "duration")
NOT_NOUNS = frozenset(
    "more than less about some almost over nearly around roughly approximately at least most "
    "under fewer just only exactly some the a an of and per cent percent to troops' s".split()
)

# Seconds thresholds for the rating of a right answer when the time taken is known.
EASY_BELOW_MS = 6_000
HARD_ABOVE_MS = 30_000

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
RATING_VALUES = {name.lower(): value for value, name in RATING_NAMES.items()}

_CHOICE_RE = re.compile(r"^\s*\(?([a-hA-H1-8])[.)]?\s*$")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of checking one answer."""

    correct: bool
    expected: str
    partial: bool = False  # right, but incomplete (e.g. scale left out): rated Hard
    note: str | None = None

    def suggested_rating(self, duration_ms: int | None = None) -> int:
        """Again for a wrong answer; Hard/Good/Easy for a right one (by time, when known)."""
        return suggest_rating(self, duration_ms)


def suggest_rating(verdict: Verdict, duration_ms: int | None = None) -> int:
    """The FSRS rating (1-4) a teacher would give this verdict.

    >>> suggest_rating(Verdict(correct=False, expected="x"))
    1
    >>> suggest_rating(Verdict(correct=True, expected="x"), duration_ms=3000)
    4
    """
    if not verdict.correct:
        return 1
    if verdict.partial or (duration_ms is not None and duration_ms > HARD_ABOVE_MS):
        return 2
    if duration_ms is not None and duration_ms < EASY_BELOW_MS:
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


# --- figures -----------------------------------------------------------------


def _bounds(spec: dict[str, Any]) -> tuple[float, float]:
    qualifier = (spec.get("qualifier") or "exact").lower()
    low, high = TOLERANCE.get(qualifier, TOLERANCE["exact"])
    value = float(spec["value"])
    top = float(spec["value_max"]) if spec.get("value_max") is not None else value
    lo, hi = sorted((value * low, top * high))
    return lo, hi


def _as_fraction(spec: dict[str, Any], value: float) -> float:
    if spec.get("kind") == "percent" or spec.get("unit") == "percent":
        return value / 100
    return value


def _figure_candidates(text: str) -> list[Figure]:
    figures = numerals.read_figures(text)
    from claims.extract import extract

    for found in extract(text):
        if found.value is None:
            continue
        figures.append(
            Figure(
                value=float(found.value),
                scaled=numerals.has_scale(found.surface),
                percent=found.kind == "percent" or found.unit == "percent",
                fraction=found.kind == "ratio" and float(found.value) <= 1,
            )
        )
    return figures


def _nouns(text: str) -> set[str]:
    vocabulary = set(numerals.UNITS) | set(numerals.TENS) | set(numerals.SCALES) | {"hundred"}
    return {w for w in re.findall(r"[a-z]+", normalize(text))
            if w not in NOT_NOUNS and w not in vocabulary and len(w) > 1}


def _other_noun(spec: dict[str, Any], given: str) -> str | None:
    """A noun in the answer that is not the figure's unit ("countries" for "two years")."""
    expected = _nouns(spec.get("surface") or "") | _nouns(spec.get("unit") or "")
    said = _nouns(given)
    if not expected or not said:
        return None
    if any(a[:4] == b[:4] for a in said for b in expected):
        return None
    return sorted(said)[0]


def within(spec: dict[str, Any], value: float) -> bool:
    """True when ``value`` (in the claim's units) is right for ``spec``'s figure."""
    lo, hi = _bounds(spec)
    return lo - 1e-9 * abs(lo) <= value <= hi + 1e-9 * abs(hi)


def _check_fraction(spec: dict[str, Any], figures: list[Figure]) -> bool:
    expected = dict(spec)
    expected["value"] = _as_fraction(spec, float(spec["value"]))
    if spec.get("value_max") is not None:
        expected["value_max"] = _as_fraction(spec, float(spec["value_max"]))
    for figure in figures:
        if figure.percent:
            options = [figure.value / 100]
        elif figure.fraction:
            options = [figure.value]
        else:  # a bare number: "20" for 20 percent, "0.2" for one fifth
            options = [figure.value / 100, figure.value]
        if any(within(expected, option) for option in options):
            return True
    return False


def _surface_scale(spec: dict[str, Any]) -> float:
    surface = spec.get("surface") or ""
    for figure in numerals.read_figures(surface):
        if figure.scaled and figure.value:
            for scale in sorted(numerals.SCALES.values(), reverse=True):
                if figure.value >= scale:
                    return scale
    return 1.0


def check_figure(spec: dict[str, Any], given: str) -> Verdict:
    """Check a typed number against a figure spec (see the module docstring)."""
    expected = spec.get("surface") or str(spec.get("value"))
    kind = spec.get("kind")
    if kind == "rank":
        rank = numerals.read_ordinal(given)
        return Verdict(rank is not None and rank == int(spec["value"]), expected)
    if kind == "date":
        years = numerals.read_years(given)
        return Verdict(int(spec["value"]) in years, expected)
    unit = spec.get("unit")
    named = numerals.currencies(given)
    if unit in set(numerals.CURRENCIES.values()) and named and unit not in named:
        return Verdict(False, expected, note=f"wrong currency ({', '.join(sorted(named))})")
    figures = _figure_candidates(given)
    if not figures:
        return Verdict(False, expected, note="no number in the answer")
    if kind in NOUN_KINDS and (other := _other_noun(spec, given)):
        return Verdict(False, expected, note=f"a different unit ({other})")
    if kind in FRACTION_KINDS:
        return Verdict(_check_fraction(spec, figures), expected)
    if any(within(spec, f.value) for f in figures):
        return Verdict(True, expected)
    scale = _surface_scale(spec)
    if scale > 1 and not numerals.has_scale(given):
        if any(within(spec, f.value * scale) for f in figures if not f.scaled):
            return Verdict(True, expected, partial=True, note="right number, scale left out")
    return Verdict(False, expected)


# --- other answer types ------------------------------------------------------


def check_year(spec: dict[str, Any], given: str) -> Verdict:
    return Verdict(int(spec["year"]) in numerals.read_years(given), str(spec["year"]))


def check_source(spec: dict[str, Any], given: str) -> Verdict:
    """An author's surname or name, the outlet, or the source slug, anywhere in the answer."""
    answer = normalize(given)
    accepted = [normalize(a) for a in spec.get("accept", []) if a]
    ok = bool(answer) and any(_contains_phrase(answer, a) for a in accepted)
    return Verdict(ok, spec.get("display") or (spec.get("accept") or [""])[0])


def _content_words(text: str) -> str:
    return " ".join(w for w in normalize(text).split() if w not in FILLER_WORDS)


def check_text(spec: dict[str, Any], given: str) -> Verdict:
    expected = _content_words(spec["text"])
    answer = _content_words(given)
    return Verdict(bool(answer) and _contains_phrase(answer, expected), spec["text"])


def check_yesno(spec: dict[str, Any], given: str) -> Verdict:
    answer = normalize(given)
    said_yes = answer in YES_WORDS or answer.startswith("yes ")
    said_no = answer in NO_WORDS or answer.startswith("no ")
    expected = spec.get("display") or ("yes" if spec["value"] else "no")
    if not (said_yes or said_no):
        return Verdict(False, expected, note="answer yes or no")
    return Verdict(said_yes == bool(spec["value"]), expected)


CHECKERS = {
    "figure": check_figure,
    "year": check_year,
    "source": check_source,
    "text": check_text,
    "yesno": check_yesno,
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


def check_answer(
    spec: dict[str, Any], answer: str, given: str, choices: list[str] | None = None
) -> Verdict:
    """Check ``given`` against a card's ``spec``; ``answer`` is the card's display answer.

    With ``choices``, a letter or number picks a choice, and picking a choice is right
    only if it is the answer itself.
    """
    picked = resolve_choice(given, choices)
    if picked is None and choices and normalize(given) in {normalize(c) for c in choices}:
        picked = next(c for c in choices if normalize(c) == normalize(given))
    if picked is not None:
        return Verdict(picked == answer, answer)
    checker = CHECKERS.get(spec.get("type", ""))
    if checker is None:
        return Verdict(normalize(given) == normalize(answer), answer)
    verdict = checker(spec, given)
    return Verdict(verdict.correct, answer, verdict.partial, verdict.note)
