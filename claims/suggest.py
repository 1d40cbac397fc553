""""Did you mean ...?": the one way the library suggests a name for a mistyped one.

Every unknown topic, metric, source, id or style is answered the same way, with the
same closeness cutoff, so a typo that gets a suggestion in one command gets it in all.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# How alike two names must be (difflib's ratio) to be suggested: 0.6 finds "okinwa" for
# "okinawa" and "tradee" for "trade", and leaves out names that merely share letters.
CUTOFF = 0.6
MOST = 3  # suggestions offered at once


def close_matches(wanted: str, choices: Iterable[str], n: int = MOST) -> list[str]:
    """The choices closest to ``wanted`` (case aside), best first.

    >>> close_matches("okinwa", ["okinawa", "trade", "security"])
    ['okinawa']
    >>> close_matches("ECONOMY", ["economy", "energy"])
    ['economy']
    >>> close_matches("m", ["m3", "m1", "m2", "x"])
    ['m1', 'm2', 'm3']
    """
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted.casefold())
    scored = []
    for folded, choice in by_folded.items():
        matcher.set_seq1(folded)
        # the cheap upper bounds first, as difflib.get_close_matches does
        if matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF:
            ratio = matcher.ratio()
            if ratio >= CUTOFF:
                scored.append((-ratio, choice))
    # equally close names in alphabetical order (difflib would put "m3" before "m1")
    return [choice for _score, choice in sorted(scored)[:n]]


def did_you_mean(wanted: str, choices: Iterable[str], n: int = MOST) -> str:
    """``"did you mean a, b?"``, or ``""`` when nothing is close.

    >>> did_you_mean("tradee", ["trade", "security"]), did_you_mean("zzz", ["trade"])
    ('did you mean trade?', '')
    """
    near = close_matches(wanted, choices, n)
    return f"did you mean {', '.join(near)}?" if near else ""
