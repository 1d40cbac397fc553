""""Did you mean ...?": the one way the library suggests a name for a mistyped one.

Every unknown topic, metric, source, id or style is answered the same way, with the
same closeness cutoff, so a typo that gets a suggestion in one command gets it in all.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

# How alike two names must be (difflib's ratio) to be suggested: 0.6 finds "okinwa" for
# "okinawa" and "tradee" for "trade", and leaves out names that merely share letters.
CUTOFF = 0.6
MOST = 3  # suggestions offered at once


def close_matches(wanted: str, choices: Iterable[str], n: int = MOST) -> list[str]:
    """The choices closest to ``wanted`` (case aside), best first. A compound name is
    also matched by its leading words, so "defence" finds "defense-spending".

    >>> close_matches("okinwa", ["okinawa", "trade", "security"])
    ['okinawa']
    >>> close_matches("ECONOMY", ["economy", "energy"])
    ['economy']
    >>> close_matches("defence", ["defense-spending", "trade"])
    ['defense-spending']
    >>> close_matches("m", ["m3", "m1", "m2", "x"])  # equally close: alphabetical
    ['m1', 'm2', 'm3']

    Name-year slugs and readable ids: the words must be alike, not only the digits they
    share, and a name that holds every word typed is close however long it is.

    >>> close_matches("cronin-1969", ["cronin-1996", "manning-1993"])
    ['cronin-1996']
    >>> close_matches("forces-45000", ["cronin-1996-forces-45000", "x-f632b6fc0c5c"])
    ['cronin-1996-forces-45000']
    >>> close_matches("xyz", ["x-f632b6fc0c5c", "x-0285c681ad65"])
    []
    >>> close_matches("x-f632", ["x-f632b6fc0c5c", "x-0285c681ad65"])
    ['x-f632b6fc0c5c']
    """
    folded = wanted.casefold().strip()
    words = [word for word in _WORDS.split(folded) if word]
    scored: dict[str, float] = {}
    for choice in choices:
        score = _score(folded, words, choice.casefold())
        if score >= CUTOFF and score > scored.get(choice, -1.0):
            scored[choice] = score
    return sorted(scored, key=lambda c: (-scored[c], c))[:n]


_WORDS = re.compile(r"[\s_-]+")


def _score(folded: str, words: list[str], name: str) -> float:
    """How close ``name`` is to what was typed (``folded``, split into ``words``)."""
    parts = [part for part in _WORDS.split(name) if part]
    if words and all(len(word) >= 3 and word in parts for word in words):
        return 1.0 - 0.01 * (len(parts) - len(words))  # every word typed is in it
    if len(folded) >= 4 and name.startswith(folded):  # the start of a short id
        return 0.9 - 0.01 * (len(name) - len(folded)) / len(name)
    lead = " ".join(parts[:len(words)])
    score = max(_ratio(folded, name), _ratio(folded, lead))
    # "cronin-1969" is not "manning-1993": the words (not the digits) must be alike too
    named = [word for word in words if not word.isdigit()]
    naming = [part for part in parts if not part.isdigit()][:len(named)]
    if score >= CUTOFF and named and naming and any(w.isdigit() for w in words):
        score = min(score, _ratio(" ".join(named), " ".join(naming)))
    return score


def _ratio(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b)
    # the cheap upper bounds first, as difflib.get_close_matches does
    if matcher.real_quick_ratio() < CUTOFF or matcher.quick_ratio() < CUTOFF:
        return 0.0
    return matcher.ratio()


def did_you_mean(wanted: str, choices: Iterable[str], n: int = MOST) -> str:
    """``"did you mean a, b?"``, or ``""`` when nothing is close.

    >>> did_you_mean("tradee", ["trade", "security"]), did_you_mean("zzz", ["trade"])
    ('did you mean trade?', '')
    """
    near = close_matches(wanted, choices, n)
    return f"did you mean {', '.join(near)}?" if near else ""


# did_you_mean()'s words, and claims.compare.timeline's "... or topic a, b"
_SUGGESTED = re.compile(r"did you mean (?P<names>[^?]+)\?|\bor topic (?P<topics>[\w, -]+)$")


def suggested_names(hint: str | None) -> list[str]:
    """The names a hint offers (the words :func:`did_you_mean` writes), for a front end
    that links them.

    >>> suggested_names("did you mean okinawa, trade? `claims.compare.list_topics()`")
    ['okinawa', 'trade']
    >>> suggested_names("no metric is close; `claims.compare.list_metrics()` or topic okinawa")
    ['okinawa']
    """
    names: list[str] = []
    for match in _SUGGESTED.finditer(hint or ""):
        found = match["names"] or match["topics"] or ""
        names += [name.strip().strip("'") for name in found.split(",") if name.strip()]
    return list(dict.fromkeys(names))
