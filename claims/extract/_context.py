"""Sentence context of a figure: as_of clause, subject, metric, topics (the sentence
span itself comes from ``claims.sentences``)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from claims.extract import _patterns as P
from claims.extract import _tables as T
from claims.extract._phrases import PhraseIndex

METRIC_DISTANCE = 80  # a metric head further than this from the figure is not its head
BEFORE_PENALTY = 20


def clause_region(sentence: str, offset: int, reach: int = 400) -> tuple[int, int]:
    """The parenthesised region of ``sentence`` holding ``offset``, looked for within
    ``reach`` characters; (-1, -1) outside parentheses."""
    open_at = sentence.rfind("(", max(0, offset - reach), offset)
    if open_at != -1:
        close_before = sentence.find(")", open_at, offset)
        if close_before == -1:
            close = sentence.find(")", offset, offset + reach)
            return open_at, close if close != -1 else len(sentence)
    return -1, -1


@dataclass(frozen=True)
class MetricHead:
    key: str
    kinds: frozenset[str]
    stem: str


@cache
def _metric_index() -> PhraseIndex[MetricHead]:
    from claims.metrics import load_metrics  # the one loader: validated, read once

    return PhraseIndex(
        (head, MetricHead(spec.key, frozenset(spec.kinds), head.rstrip("*")))
        for spec in load_metrics() for head in spec.heads)


def guess_metric(sentence: str, fs: int, fe: int, kind: str,
                 heads: list[tuple[int, int, MetricHead]] | None = None) -> str | None:
    """The metric whose head noun is nearest the figure at ``[fs, fe)`` of ``sentence``.

    Among heads at the same distance the longer (more specific) phrase wins, then the
    metric listed first in data/metrics.yaml.
    """
    if heads is None:
        heads = _metric_index().find(sentence)
    lo = bisect.bisect_left(heads, fs - METRIC_DISTANCE - 64, key=lambda h: h[0])
    hi = bisect.bisect_right(heads, fe + METRIC_DISTANCE, key=lambda h: h[0])
    best: tuple[int, int, int, str] | None = None
    for order in range(lo, hi):
        s, e, head = heads[order]
        if kind not in head.kinds:
            continue
        if kind in ("rank", "duration") and s < fe and fs < e:
            continue  # "largest" in "world's largest", "years" in "six years": the figure itself
        distance = fs - e if e <= fs else max(0, s - fe)
        if e <= fs and kind in ("percent", "ratio"):
            distance += BEFORE_PENALTY  # "40% of the world's GNP": a share names what follows
        if distance > METRIC_DISTANCE:
            continue
        candidate = (distance, -len(head.stem), order, head.key)
        if best is None or candidate < best:
            best = candidate
    return best[3] if best else None


@cache
def _sentence_index() -> tuple[PhraseIndex[Any], Any]:
    """One index of topic keywords and metric heads, so a sentence is read once for both."""
    from claims.extract._topics import FastTagger, fast_tagger

    tagger = fast_tagger()
    if not isinstance(tagger, FastTagger):
        return _metric_index(), tagger
    entries: list[tuple[str, Any]] = []
    for items in (*tagger.index.by_head.values(), tagger.index.short):
        entries += [(stem + ("*" if starred else ""), ("topic", key))
                    for stem, starred, key in items]
    for metric_items in (*_metric_index().by_head.values(), _metric_index().short):
        entries += [(stem + ("*" if starred else ""), ("metric", head))
                    for stem, starred, head in metric_items]
    entries += [(cue, ("modality", modality)) for cue, modality in T.MODALITY_CUES.items()]
    return PhraseIndex(entries), tagger


Cue = tuple[int, int, str]  # a modality cue in a sentence: start, end, modality


def read_sentence(sentence: str) -> tuple[tuple[str, ...], list[tuple[int, int, MetricHead]],
                                          list[Cue]]:
    """Topics, metric heads and modality cues of a sentence, in one pass."""
    index, tagger = _sentence_index()
    if index is _metric_index():  # the slow shared tagger
        return tuple(tagger.tag(sentence)), index.find(sentence), _cues(sentence)
    topics: set[str] = set()
    heads: list[tuple[int, int, MetricHead]] = []
    cues: list[Cue] = []
    for s, e, (what, value) in index.find(sentence):
        if what == "topic":
            topics.add(value)
        elif what == "metric":
            heads.append((s, e, value))
        else:
            cues.append((s, e, value))
    return tuple(sorted(topics, key=tagger.order.__getitem__)), heads, cues


def _cues(sentence: str) -> list[Cue]:
    return [(m.start(), m.end(), T.MODALITY_CUES[m.group("w").lower()])
            for m in P.MODALITY_CUE.finditer(sentence)]


@cache
def _actor_index() -> PhraseIndex[str]:
    return PhraseIndex(T.ACTORS.items(), fold=False)


def actors(sentence: str) -> list[tuple[int, int, str]]:
    """Actors named in the sentence as possible subjects (not "with/to/than X")."""
    out = []
    last_end = -1
    for start, end, name in _actor_index().find(sentence):
        if start < last_end:
            continue  # "United States" inside "the United States"
        last_end = end
        lead = sentence[max(0, start - 12):start]
        if P.NON_SUBJECT_LEAD.search(lead):
            continue
        out.append((start, end, name))
    return out


def guess_subject(sentence: str, offset: int,
                  found: list[tuple[int, int, str]] | None = None) -> str | None:
    """Nearest actor named before the figure (not as "with/to/than X"), else after it."""
    if found is None:
        found = actors(sentence)
    i = bisect.bisect_right(found, offset, key=lambda a: a[1])
    if i > 0:
        return found[i - 1][2]
    return found[0][2] if found else None


# ---- relative dates ----------------------------------------------------------------------

def document_year_month(date: object) -> tuple[int, int | None] | None:
    """The year and month (None when unknown) of a document date: an ISO string ("1996-05",
    "1996-05-12", "1996") or a ``datetime.date``; None when there is no year.

    >>> document_year_month("1996-05"), document_year_month("2017"), document_year_month("")
    ((1996, 5), (2017, None), None)
    """
    import datetime as dt

    if isinstance(date, dt.date):
        return date.year, date.month
    m = P.ISO_DATE.match(str(date or ""))
    if m is None:
        return None
    return int(m.group("y")), int(m.group("m")) if m.group("m") else None


def is_document_date(date: str) -> bool:
    """Is ``date`` a document date a person may give: "1996", "1996-05" or "1996-05-12"?

    >>> is_document_date("1996-05"), is_document_date("1996-13"), is_document_date("May")
    (True, False, False)
    """
    return P.DOCUMENT_DATE.fullmatch(date.strip()) is not None


def relative_dates(text: str, doc: tuple[int, int | None]) -> list[tuple[int, int, int]]:
    """(start, end, year) of each relative date in ``text`` ("last year", "next month",
    "last November", "early August"), its year resolved against the document's (year,
    month): in a May 1996 brief, "last November" is 1995.

    >>> relative_dates("It fell last November and will rise next year.", (1996, 5))
    [(8, 21, 1995), (36, 45, 1997)]
    """
    year, month = doc
    out: list[tuple[int, int, int]] = []
    for m in _relative_matches(text):
        if m.group("years"):
            out.append((m.start(), m.end(), year + T.RELATIVE_YEARS[m.group("years").lower()]))
            continue
        if m.group("months"):
            if month is None:
                continue
            shift = month - 1 + T.RELATIVE_MONTHS[" ".join(m.group("months").lower().split())]
            out.append((m.start(), m.end(), year + shift // 12))
            continue
        named = T.MONTHS[m.group("month").lower()]
        mod = m.group("mod").lower()
        if mod == "last":
            resolved = year if month is not None and named < month else year - 1
        elif mod == "next":
            resolved = year if month is not None and named > month else year + 1
        elif month is None:
            resolved = year
        else:  # "in August", "early August": the nearest such month, within half a year
            resolved = year - 1 if named - month > 6 else year + 1 if month - named > 6 else year
        out.append((m.start(), m.end(), resolved))
    return out


def _relative_matches(text: str) -> list[Any]:
    """The matches ``P.RELATIVE_DATE.finditer(text)`` gives, found by searching only the
    windows around the words every relative date holds (``P.RELATIVE_KEYS``): far faster
    on long text, where those words are rare. Each window's match is confirmed on the
    whole text, so lookarounds see what they would see there."""
    low = text.lower()
    keys: list[int] = []
    for key in P.RELATIVE_KEYS:
        at = low.find(key)
        while at != -1:
            keys.append(at)
            at = low.find(key, at + 1)
    starts: set[int] = set()
    reach = P.RELATIVE_REACH
    for at in keys:
        for m in P.RELATIVE_DATE.finditer(text, max(0, at - reach), at + 2 * reach):
            starts.add(m.start())
    out: list[Any] = []
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        found = P.RELATIVE_DATE.match(text, start)
        if found is not None:
            out.append(found)
            end = found.end()
    return out


# ---- modality ------------------------------------------------------------------------------

MODALITY_REACH = 120  # a cue further before the figure than this does not qualify it


def guess_modality(sentence: str, fs: int, cues: list[Cue] | None = None) -> str:
    """"target", "forecast" or "fact": the nearest cue of ``MODALITY_CUES`` before the figure
    at ``fs`` in its clause (a ";" or ", and", ", but"... ends a clause).

    >>> guess_modality("Japan aims to reach 2% of GDP by fiscal 2027.", 20)
    'target'
    >>> guess_modality("Spending is expected to hit $5 billion, but it was $4 billion.", 51)
    'fact'
    """
    if cues is None:
        cues = _cues(sentence)
    found = None
    lo = bisect.bisect_left(cues, fs - MODALITY_REACH, key=lambda c: c[0])
    hi = bisect.bisect_right(cues, fs, key=lambda c: c[0])  # cues are in order of start
    for _, e, modality in cues[lo:hi]:  # the nearest cue ending before the figure
        if e <= fs:
            found = (e, modality)
    if found is None or P.CLAUSE_BREAK.search(sentence, found[0], fs):
        return "fact"
    return found[1]


# ---- open metrics ------------------------------------------------------------------------

OPEN_COUNT_MIN = 20  # "two leaders", "three reasons" count things; "3,000 jobs" measures


def open_metric(sentence: str, fs: int, fe: int, kind: str, unit: str | None,
                value: float | None = None) -> str | None:
    """A metric key made of the noun phrase the figure quantifies, for figures no metric
    of the vocabulary names: "$5 billion for missile defense" -> "missile-defense", "a
    relocation cost of $5 billion" -> "relocation-cost", "3,000 jobs" -> "job" (a count
    of fewer than ``OPEN_COUNT_MIN`` things gets none: "two leaders"). Two articles on the
    same quantity get the same key without editing data/metrics.yaml.

    >>> open_metric("Japan will spend $5 billion for missile defense.", 17, 27, "money", "USD")
    'missile-defense'
    >>> open_metric("The relocation cost of $5 billion is high.", 23, 34, "money", "USD")
    'relocation-cost'
    """
    if kind in ("date", "rank", "duration"):
        return None
    if kind == "count":
        return _slug([unit]) if unit and (value or 0) >= OPEN_COUNT_MIN else None
    after = P.OPEN_METRIC_AFTER.match(sentence, fe)
    if after:
        key = _slug(after.group("np").split())
        if key:
            return key
    before = P.OPEN_METRIC_BEFORE.search(sentence, max(0, fs - 60), fs)
    if before:  # "the relocation cost of": the words nearest the figure, back to a stop word
        words = before.group("np").split()[::-1]
        key = _slug(words)
        return "-".join(key.split("-")[::-1]) if key else None
    return None


def _slug(words: Sequence[str]) -> str | None:
    kept: list[str] = []
    for word in words:
        w = word.lower()
        if not w or w in T.STOP_WORDS or w in T.OPEN_METRIC_STOPS:
            break
        kept.append(w)
    return "-".join(kept).replace(" ", "-").strip("-") or None
