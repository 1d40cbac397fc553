"""Rule-based extraction of figures from text (the extractor interface).

``extract(text)`` returns :class:`Extraction` objects whose ``start``/``end``
index ``text`` so that ``text[start:end] == surface``. Ingest calls it once per
document on the cleaned text and maps offsets back to the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any


@dataclass(frozen=True, slots=True)
class Extraction:
    """A figure found in text. ``kind`` is a ``claims.domain.Kind`` value and
    ``qualifier`` a ``claims.domain.Qualifier`` value, as plain strings."""

    kind: str
    surface: str
    start: int
    end: int
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    as_of: int | None = None
    subject: str | None = None
    metric: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    topics: tuple[str, ...] = field(default_factory=tuple)
    note: str | None = None  # why a reading was chosen: "negative: minus sign"
    modality: str = "fact"  # a claims.domain.Modality value: fact, target, forecast
    same_as: int | None = None  # start of the figure this one converts ("($10.5 billion)")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["topics"] = list(self.topics)
        return data


Extractor = Callable[[str], Sequence[Extraction]]
AS_OF_REACH = 400  # a year further than this from a figure does not date it
OPENING = 12  # a date this near the start of its sentence ("In 2016, ...") dates every clause

# Typographic look-alikes the rules are written without, each replaced by one plain
# character so that offsets do not move: web captures put a no-break space in
# "80\u00a0percent" and a non-breaking hyphen in "$49\u2011billion". Surfaces and
# sentences are still sliced from the text as given.
LOOKALIKES = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2044": "/",  # fraction slash: "1\u204432" is 1/32
    "\u2215": "/",  # division slash
}
_LOOKALIKE = re.compile("[" + "".join(LOOKALIKES) + "]")  # a C-speed scan beats str.translate


def extract(text: str, date: object = None) -> list[Extraction]:
    """All figures in ``text``, in order of position, with their sentence context.

    ``date``, the document's own date (an ISO string such as ``"1996-05"`` or a
    ``datetime.date``), dates relative phrases: in a May 1996 text, a figure "last
    November" gets ``as_of`` 1995. Relative phrases are not figures themselves.

    >>> [(e.kind, e.surface, e.value, e.unit, e.as_of) for e in extract(
    ...     "It ran a $49-billion surplus with the United States in 1992.")]
    [('money', '$49-billion', 49000000000.0, 'USD', 1992), ('date', '1992', 1992.0, None, 1992)]
    """
    from claims.extract._context import (
        actors,
        document_year_month,
        guess_metric,
        guess_modality,
        guess_subject,
        open_metric,
        read_sentence,
        relative_dates,
    )
    from claims.extract._scan import scan
    from claims.sentences import Sentences

    original = text
    text = _LOOKALIKE.sub(lambda m: LOOKALIKES[m.group()], text)
    figures: list[Any] = scan(text)
    if not figures:
        return []
    doc = document_year_month(date) if date is not None else None
    if doc is not None:
        figures = _with_relative_dates(figures, relative_dates(text, doc))
    sentences = Sentences(text)
    spans = [sentences.span(f.start, f.end) for f in figures]
    context: dict[tuple[int, int], tuple[Any, ...]] = {}
    dates: dict[tuple[int, int], list[Any]] = {}
    for fig, span in zip(figures, spans, strict=True):
        if fig.kind in ("date", RELATIVE) and fig.year is not None:
            dates.setdefault(span, []).append(fig)
    owner = _date_owners(text, figures)
    taken = {figures[d].start for d in owner}  # dates that belong to one figure
    converts = _conversions(text, figures)
    out: list[Extraction] = []
    for i, (fig, (ss, se)) in enumerate(zip(figures, spans, strict=True)):
        if fig.kind == RELATIVE:
            continue  # "last year" dates figures; it is no figure itself
        if (ss, se) not in context:  # slice and read each sentence once: it may be huge
            sentence = text[ss:se]
            topics, heads, cues = read_sentence(sentence)  # rules read the plain characters
            context[(ss, se)] = (sentence, topics, heads, actors(sentence), cues)
        sentence, topics, heads, found, cues = context[(ss, se)]
        fs, fe = fig.start - ss, fig.end - ss
        if fig.kind == "date":
            as_of = fig.year
        elif owner.get(i + 1) == i:  # "29 mpg in 2011": the date right after is its own
            as_of = figures[i + 1].year
        else:
            as_of = _as_of(dates.get((ss, se), ()), fig, ss, sentence, taken)
        out.append(Extraction(
            kind=fig.kind, surface=original[fig.start:fig.end], start=fig.start, end=fig.end,
            value=fig.value, value_max=fig.value_max, unit=fig.unit, qualifier=fig.qualifier,
            as_of=as_of, subject=guess_subject(sentence, fs, found),
            metric=guess_metric(sentence, fs, fe, fig.kind, heads)
            or open_metric(sentence, fs, fe, fig.kind, fig.unit, fig.value),
            sentence_start=ss, sentence_end=se, topics=topics, note=fig.note,
            modality=guess_modality(sentence, fs, cues) if cues and fig.kind != "date"
            else "fact",
            same_as=converts.get(i),
        ))
    return out


def _conversions(text: str, figures: Sequence[Any]) -> dict[int, int]:
    """Money figures that restate the one right before them in another currency: index ->
    the first one's start ("8.7 trillion yen, or about $54.8 billion": one amount, two
    readings)."""
    from claims.extract import _patterns as P

    out: dict[int, int] = {}
    for i in range(1, len(figures)):
        a, b = figures[i - 1], figures[i]
        if a.kind == b.kind == "money" and a.unit != b.unit and b.start - a.end <= 24:
            gap = P.CONVERSION_GAP.match(text, a.end, b.start)
            if gap is not None and gap.end() == b.start:
                out[i] = out.get(i - 1, a.start)  # a third reading links to the first
    return out


RELATIVE = "relative date"  # the kind of a relative phrase while figures are dated


def _with_relative_dates(figures: list[Any], found: list[tuple[int, int, int]]) -> list[Any]:
    """``figures`` with the relative dates that overlap none of them, in order."""
    import bisect

    from claims.extract._build import Found

    starts = [f.start for f in figures]
    merged = list(figures)
    for start, end, year in found:
        i = bisect.bisect_left(starts, start)
        if (i < len(figures) and figures[i].start < end) or (i > 0 and figures[i - 1].end > start):
            continue
        merged.append(Found(RELATIVE, start, end, float(year), year=year))
    merged.sort(key=lambda f: f.start)
    return merged


def _date_owners(text: str, figures: Sequence[Any]) -> dict[int, int]:
    """Dates that belong to the figure right before them: index of the date -> index of the
    figure ("from 20 mpg in 2008 to 29 mpg in 2011": 2008 is the 20's, 2011 the 29's)."""
    from claims.extract import _patterns as P

    owner: dict[int, int] = {}
    for i in range(len(figures) - 1):
        fig, nxt = figures[i], figures[i + 1]
        if fig.kind not in ("date", RELATIVE) and nxt.kind in ("date", RELATIVE) and \
                nxt.year is not None and \
                nxt.start - fig.end <= 32:
            gap = P.DATE_BOUND_GAP.match(text, fig.end, nxt.start)
            if gap is not None and gap.end() == nxt.start:
                owner[i + 1] = i
    return owner


def _as_of(dates: Sequence[Any], fig: Any, ss: int, sentence: str,
           taken: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The year of the nearest date in the same clause of the sentence: the same
    parentheses, and no clause break (";", ", but", ", while"...) between them unless the
    date opens the sentence ("In 2016, ..."); a date that belongs to another figure (its
    start in ``taken``, see ``_date_owners``) is left out."""
    if not dates:
        return None
    import bisect

    from claims.extract._context import clause_region

    region = clause_region(sentence, fig.start - ss)
    best: tuple[int, int] | None = None
    lo = bisect.bisect_left(dates, fig.start - AS_OF_REACH, key=lambda d: d.start)
    hi = bisect.bisect_right(dates, fig.start + AS_OF_REACH, key=lambda d: d.start)
    from claims.extract import _patterns as P

    for other in dates[lo:hi]:
        if clause_region(sentence, other.start - ss) != region or other.start in taken:
            continue
        a, b = sorted((fig.start - ss, other.start - ss))
        if other.start - ss > OPENING and P.CLAUSE_BREAK.search(sentence, a, b):
            continue  # "..., while in 1995 it was 47,000": the year of another clause
        distance = abs(other.start - fig.start)
        if best is None or distance < best[0]:
            best = (distance, other.year)
    return best[1] if best else None


def read_quantities(text: str) -> list[Extraction]:
    """Every number in a short phrase (a typed answer, a test phrase), read by the same
    rules as documents but permissively: bare numbers, years, ordinals ("third"), number
    words ("forty-nine billion") and fractions ("one fifth") all count, and no
    page-furniture rule applies. No sentence context: ``as_of`` is the year a date names.

    This is the project's one number reader for people's input: study mode checks
    answers with it, so an answer is read exactly as the document was.

    >>> [(q.kind, q.value, q.unit) for q in read_quantities("forty-nine billion dollars")]
    [('money', 49000000000.0, 'USD')]
    >>> [(q.kind, q.value) for q in read_quantities("one fifth, or 20%")]
    [('ratio', 0.2), ('percent', 20.0)]
    """
    from claims.extract._scan import scan

    plain = _LOOKALIKE.sub(lambda m: LOOKALIKES[m.group()], text)
    return [
        Extraction(
            kind=f.kind, surface=text[f.start:f.end], start=f.start, end=f.end, value=f.value,
            value_max=f.value_max, unit=f.unit, qualifier=f.qualifier,
            as_of=f.year if f.kind == "date" else None, note=f.note,
        )
        for f in scan(plain, peer=True)
        if f.kind != "skip" and f.value is not None
    ]


@cache
def _scale_pattern() -> re.Pattern[str]:
    """A scale word ("billion", "bn") or a suffix glued to a digit ("49B", "45k"), built
    from the extractor's own tables (``MULTIPLIERS``, ``SCALE_SUFFIXES``)."""
    from claims.extract import _tables as T

    words = [w for w in T.MULTIPLIERS if w not in ("hundred", "dozen")]
    suffixes = sorted(T.SCALE_SUFFIXES, key=len, reverse=True)
    return re.compile(
        rf"(?<![A-Za-z])(?:{'|'.join(map(re.escape, words))})(?![A-Za-z])"
        rf"|\d\s*-?(?:{'|'.join(map(re.escape, suffixes))})(?![A-Za-z])",
        re.IGNORECASE,
    )


def has_scale(text: str) -> bool:
    """Does ``text`` give a scale: a word ("billion", "bn") or a suffix ("49B", "45k")?

    >>> has_scale("$49B"), has_scale("forty-nine billion"), has_scale("49,000,000,000")
    (True, True, False)
    """
    return _scale_pattern().search(text) is not None
