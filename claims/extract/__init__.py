"""Rule-based extraction of figures from text (the extractor interface).

``extract(text)`` returns :class:`Extraction` objects whose ``start``/``end``
index ``text`` so that ``text[start:end] == surface``. Ingest calls it once per
document on the cleaned text and maps offsets back to the original.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("money", "percent", "count", "duration", "date", "rank", "ratio", "statement")
QUALIFIERS = (
    "exact", "approximately", "more than", "less than", "at least", "at most", "range",
    "almost",  # "almost/nearly/close to": just below the value (see docs/extraction.md)
)


@dataclass(frozen=True, slots=True)
class Extraction:
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

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["topics"] = list(self.topics)
        return data


Extractor = Callable[[str], Sequence[Extraction]]


def extract(text: str) -> list[Extraction]:
    """All figures in ``text``, in order of position, with their sentence context.

    >>> [(e.kind, e.surface, e.value, e.unit, e.as_of) for e in extract(
    ...     "It ran a $49-billion surplus with the United States in 1992.")]
    [('money', '$49-billion', 49000000000.0, 'USD', 1992), ('date', '1992', 1992.0, None, 1992)]
    """
    from claims.extract._context import Sentences, guess_metric, guess_subject
    from claims.extract._scan import scan
    from claims.topics import default_tagger

    figures = scan(text)
    if not figures:
        return []
    sentences = Sentences(text)
    tagger = default_tagger()
    spans = [sentences.span(f.start) for f in figures]
    topics_of: dict[tuple[int, int], tuple[str, ...]] = {}
    out: list[Extraction] = []
    for fig, (ss, se) in zip(figures, spans, strict=True):
        se = max(se, fig.end)
        sentence = text[ss:se]
        if (ss, se) not in topics_of:
            topics_of[(ss, se)] = tuple(tagger.tag(sentence))
        fs, fe = fig.start - ss, fig.end - ss
        as_of = fig.year if fig.kind == "date" else _as_of(figures, spans, fig, ss, se, sentence)
        out.append(Extraction(
            kind=fig.kind, surface=text[fig.start:fig.end], start=fig.start, end=fig.end,
            value=fig.value, value_max=fig.value_max, unit=fig.unit, qualifier=fig.qualifier,
            as_of=as_of, subject=guess_subject(sentence, fs),
            metric=guess_metric(sentence, fs, fe, fig.kind), sentence_start=ss,
            sentence_end=se, topics=topics_of[(ss, se)],
        ))
    return out


def _as_of(figures: Sequence[Any], spans: Sequence[tuple[int, int]], fig: Any, ss: int,
           se: int, sentence: str) -> int | None:
    """The year of the nearest date in the same clause (same parentheses) of the sentence."""
    from claims.extract._context import clause_region

    region = clause_region(sentence, fig.start - ss)
    best: tuple[int, int] | None = None
    for other, span in zip(figures, spans, strict=True):
        if other.kind != "date" or other.year is None or span != (ss, se):
            continue
        if clause_region(sentence, other.start - ss) != region:
            continue
        distance = abs(other.start - fig.start)
        if best is None or distance < best[0]:
            best = (distance, other.year)
    return best[1] if best else None
