"""Stable ids. A claim's id survives rebuilds: it hangs on what the claim says, not on
row order or on offsets that an edit elsewhere in the document would shift.

An extracted claim's id is readable: its source's slug, what it measures and its figure
(``cronin-1996-us-forces-in-japan-45000``). The ``x-`` + hash id that earlier versions
gave it is kept as its ``alias``: such ids keep working wherever an id is looked up, and
cards keep the ids they were made with (``claims.study.drafts.claim_key``)."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def extracted_claim_id(slug: str, kind: str, sentence: str, surface: str, occurrence: int) -> str:
    """``x-`` + 12 hex digits from the source slug, kind, sentence, surface and occurrence.

    >>> extracted_claim_id("manning-1993", "money", "a  $49-billion surplus", "$49-billion", 0)
    'x-0285c681ad65'
    """
    folded = " ".join(sentence.split())
    return "x-" + _digest(slug, kind, folded, surface, str(occurrence))[:12]


FIGURE_SLUG_LENGTH = 24  # of the figure's part of a readable id
MEASURE_SLUG_LENGTH = 32  # of the metric's (or kind's) part


def readable_claim_id(slug: str, kind: str, metric: str | None, surface: str) -> str:
    """``slug-measure-figure``: the source's slug, the metric key (else the kind), and the
    figure as written, commas and the extractor's qualifier words ("more than") dropped.
    Two figures of one source can share it: :func:`unique_ids` numbers the later ones.

    >>> readable_claim_id("cronin-1996", "count", "us-forces-in-japan", "more than 45,000")
    'cronin-1996-us-forces-in-japan-45000'
    >>> readable_claim_id("manning-1993", "money", None, "$49-billion")
    'manning-1993-money-49-billion'
    >>> readable_claim_id("cronin-1996", "ratio", "okinawa-land-return", "one-fifth")
    'cronin-1996-okinawa-land-return-one-fifth'
    >>> readable_claim_id("glosserman-2003", "date", None, "Sept. 11, 2001")
    'glosserman-2003-date-sept-11-2001'
    """
    figure = " ".join(surface.replace(",", "").split())
    qualifier = _qualifier_before().match(figure)
    if qualifier:
        figure = figure[qualifier.end():]
    figure = slugify(figure, FIGURE_SLUG_LENGTH, fallback="")
    return "-".join(part for part in (slug, _measure(metric or kind, kind), figure) if part)


# Ingest makes an id per figure: the qualifier words become one pattern once (testing
# each of them in turn was a fifth of the cost of an id), and a measure (one of a few
# hundred metric keys and kinds) is slugified once.
@functools.cache
def _qualifier_before() -> re.Pattern[str]:
    """The extractor's qualifier words (the longest first) and a space, at the start."""
    from claims.extract._tables import QUALIFIER_WORDS

    longest_first = sorted(QUALIFIER_WORDS, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, longest_first)) + ") ", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _measure(name: str, kind: str) -> str:
    return slugify(name, MEASURE_SLUG_LENGTH, fallback=kind)


def unique_ids(ids: list[str], taken: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``ids`` with the second and later uses of one id (or of one in ``taken``) numbered
    ``-2``, ``-3``..., in order.

    >>> unique_ids(["a", "b", "a", "a"], taken={"b"})
    ['a', 'b-2', 'a-2', 'a-3']
    """
    used = set(taken)
    result = []
    for wanted in ids:
        candidate, number = wanted, 1
        while candidate in used:
            number += 1
            candidate = f"{wanted}-{number}"
        used.add(candidate)
        result.append(candidate)
    return result


_SLUG_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, max_length: int = 48, fallback: str = "document") -> str:
    """A lower-case, hyphenated slug.

    >>> slugify("Tokyo and Washington face critical alliance challenge!")
    'tokyo-and-washington-face-critical-alliance'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _SLUG_WORD.findall(ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or fallback
