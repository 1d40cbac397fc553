"""Comparison across sources and time: metrics side by side with verdicts, topics, timelines.

Functions take a ``Session`` and return typed results (``to_dict`` for JSON); the verdict
rule lives in ``claims.agreement``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

from sqlmodel import Session, col, select

from claims.agreement import (
    Figure,
    figure,
    judge,
    judge_stances,
    proposition_verdict,
    worst,
)
from claims.domain import Kind, Modality, Verdict, effective_modality, fact_year
from claims.errors import NotFound
from claims.metrics import MetricSpec, load_metrics
from claims.models import Claim, ClaimTopic, Source, Topic
from claims.suggest import close_matches


@dataclass(frozen=True)
class ComparedClaim:
    """One claim as a comparison shows it: who said it, when, and the normalized figure."""

    id: str
    source: str
    authors: str
    date: str | None
    as_of: int | None
    year: int | None  # as_of, or the source's year when the claim names none
    kind: str
    surface: str
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str
    subject: str | None
    metric: str | None
    proposition: str | None
    stance: str | None
    origin: str
    start: int = 0  # where the claim stands in its source (orders claims of one source)
    modality: str = Modality.FACT  # a target or forecast is compared only with its like
    same_as: str | None = None  # the claim this one restates in another currency
    normalized: float | None = None  # the value on the common scale (ratio 0.2 -> 20)
    scale: str | None = None  # percent, count, year, rank, or a currency code
    low: float | None = None  # the band the qualifier allows (claims.agreement.BANDS)
    high: float | None = None
    display: str | None = None  # "about 80 percent", "USD 49 billion"
    open: str | None = None  # "above" for "more than 45,000", "below" for "less than"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PairVerdict:
    a: str  # claim ids
    b: str
    verdict: str  # agree | differ | conflict | changed (claims.domain.Verdict)
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class MetricComparison:
    metric: str | None  # the metric key; None when the words named a proposition
    label: str  # the metric's label, or the proposition
    claims: list[ComparedClaim]
    pairs: list[PairVerdict]
    alternatives: list[str] = field(default_factory=list)  # other metrics the words matched
    proposition: str | None = None

    @property
    def verdict(self) -> str:
        return worst([p.verdict for p in self.pairs])

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric, "proposition": self.proposition, "label": self.label,
            "verdict": self.verdict,
            "claims": [c.to_dict() for c in self.claims],
            "pairs": [p.to_dict() for p in self.pairs],
            "alternatives": self.alternatives,
        }


# --- loading rows ----------------------------------------------------------------


def _authors(source: Source) -> str:
    return ", ".join(str(a.get("name", "")) for a in source.authors or []) or ""


def claim_figure(claim: Claim, source: Source) -> Figure | None:
    """A claim's figure on its common scale, dated by :func:`claims.domain.fact_year`;
    None for a statement. Compare, timelines and compare cards all start here."""
    if claim.kind == Kind.STATEMENT or claim.value is None:
        return None
    return figure(claim.kind, claim.value, claim.value_max, claim.unit, claim.qualifier,
                  fact_year(claim.as_of, source.date))


def _compared(claim: Claim, source: Source) -> ComparedClaim:
    year = fact_year(claim.as_of, source.date)
    fig = claim_figure(claim, source)
    return ComparedClaim(
        id=claim.id, source=source.slug, authors=_authors(source), date=source.date,
        as_of=claim.as_of, year=year, kind=claim.kind, surface=claim.surface,
        value=claim.value, value_max=claim.value_max, unit=claim.unit, start=claim.start,
        qualifier=claim.qualifier, subject=claim.subject, metric=claim.metric,
        proposition=claim.proposition, stance=claim.stance, origin=claim.origin,
        same_as=claim.same_as, modality=effective_modality(claim.modality, claim.as_of,
                                                           source.date),
        normalized=fig.value if fig else None, scale=fig.scale if fig else None,
        low=fig.low if fig else None, high=fig.high if fig else None,
        display=fig.describe() if fig else None, open=fig.open if fig else None,
    )


def _sort_key(c: ComparedClaim) -> tuple[Any, ...]:
    return (c.year is None, c.year or 0, c.date or "9999", c.source, c.start, c.id)


def _claims_where(session: Session, *conditions: Any, topic: str | None = None) -> list[
    ComparedClaim
]:
    query = select(Claim, Source).join(Source, col(Claim.source_id) == col(Source.id))
    if topic is not None:
        query = query.join(ClaimTopic, col(ClaimTopic.claim_id) == col(Claim.id)).where(
            ClaimTopic.topic_key == topic
        )
    for condition in conditions:
        query = query.where(condition)
    rows = [_compared(claim, source) for claim, source in session.exec(query).all()]
    return sorted(rows, key=_sort_key)


# --- metrics ---------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _word_matches(query: str, words: set[str]) -> bool:
    """A query word matches a word it begins (4 letters or more) or its plural.

    >>> _word_matches("surplus", {"surpluses"}), _word_matches("surpluses", {"surplus"})
    (True, True)
    >>> _word_matches("okinawaa", {"okinawa"}), _word_matches("tra", {"trade"})
    (False, False)
    """

    def close(w: str) -> bool:
        return (len(query) >= 4 and w.startswith(query)) or query in (w + "s", w + "es")

    return any(query == w or close(w) for w in words)


def _metric_specs(session: Session) -> dict[str, MetricSpec]:
    specs = {m.key: m for m in load_metrics()}
    used = session.exec(select(Claim.metric).where(col(Claim.metric).is_not(None)).distinct())
    for key in used.all():
        if key and key not in specs:
            specs[key] = MetricSpec(key=key, label=key.replace("-", " "))
    return specs


def resolve_metric(session: Session, metric_or_words: str) -> tuple[MetricSpec, list[str]]:
    """The metric a user means: a key, or words found in metric keys, labels and heads
    (what the metric *is*) and, failing those, in the subjects of claims on it (what it
    is *about*). Returns the best match and the other matches, best first.

    A metric named by the words outranks one whose claims merely mention them:
    "acreage" is the Okinawa land return (its heads say acreage), not the implementation
    period whose subject mentions acreage. Raises NotFound, suggesting the nearest keys,
    when nothing matches.
    """
    specs = _metric_specs(session)
    wanted = metric_or_words.strip().lower()
    if wanted in specs:
        return specs[wanted], []
    if "-" in wanted and " " not in wanted:  # looks like a key, but is none: no guessing
        raise _unknown_metric(metric_or_words, specs)
    query = [w for w in _words(wanted) if w not in _STOPWORDS]
    subjects: dict[str, set[str]] = defaultdict(set)
    rows = session.exec(
        select(Claim.metric, Claim.subject).where(col(Claim.metric).is_not(None)).distinct()
    )
    for key, subject in rows.all():
        if key and subject:
            subjects[key].update(_words(subject))
    scored = []
    for order, spec in enumerate(specs.values()):
        label = set(_words(spec.label))
        named = label | set(_words(" ".join([spec.key, *spec.heads])))
        hits = [
            (_word_matches(q, named), _word_matches(q, label),
             _word_matches(q, named | subjects[spec.key]))
            for q in query
        ]
        in_name, in_label, anywhere = (sum(column) for column in zip(*hits, strict=True)) \
            if hits else (0, 0, 0)
        if anywhere:
            # words in the metric's own name first, then in its label, then anywhere;
            # then the shortest label, then the vocabulary's order
            scored.append(((-in_name, -in_label, -anywhere, len(label), order), spec))
    if not scored:
        raise _unknown_metric(metric_or_words, specs)
    scored.sort(key=lambda item: item[0])
    return scored[0][1], [spec.key for _, spec in scored[1:]]


def _unknown_metric(wanted: str, specs: dict[str, MetricSpec]) -> NotFound:
    by_label = {spec.label: key for key, spec in specs.items()}
    near = close_matches(wanted, list(specs) + list(by_label))
    keys = list(dict.fromkeys(by_label.get(n, n) for n in near))
    hint = f"did you mean {', '.join(keys)}?" if keys else "no metric is close"
    return NotFound(f"unknown metric {wanted!r}",
                    hint=hint + "; `claims.compare.list_metrics()` lists them all")


_STOPWORDS = frozenset("the of a an in on for and to with by from at is".split())


def compare_metric(session: Session, metric_or_words: str) -> MetricComparison:
    """Every claim on a metric, in year order, with a verdict for each pair of claims.

    Words that name no metric may name a curated proposition ("cornerstone"): its
    claims are compared by stance. Raises NotFound (with the nearest metric keys) when
    neither matches.
    """
    spec: MetricSpec | None = None
    alternatives: list[str] = []
    try:
        spec, alternatives = resolve_metric(session, metric_or_words)
    except NotFound as error:
        unknown = error
    partial = spec is None or (
        spec.key != metric_or_words.strip().lower() and not _covers(session, spec, metric_or_words)
    )
    found = _resolve_proposition(session, metric_or_words) if partial else None
    if found is not None:  # a proposition that has every word beats a partial metric match
        proposition, others = found
        claims = _claims_where(session, col(Claim.proposition) == proposition)
        return MetricComparison(None, proposition, claims, _pairs(claims), others, proposition)
    if spec is None:
        raise unknown
    claims = _claims_where(session, col(Claim.metric) == spec.key)
    return MetricComparison(spec.key, spec.label, claims, _pairs(claims), alternatives)


def _covers(session: Session, spec: MetricSpec, words: str) -> bool:
    """Does every query word match the metric's key, label, heads or claim subjects?"""
    known = set(_words(" ".join([spec.key, spec.label, *spec.heads])))
    subjects = session.exec(select(Claim.subject).where(Claim.metric == spec.key)).all()
    known.update(_words(" ".join(s for s in subjects if s)))
    return all(_word_matches(q, known) for q in _words(words) if q not in _STOPWORDS)


def _resolve_proposition(session: Session, words: str) -> tuple[str, list[str]] | None:
    """The proposition whose words, or whose claims' words, contain every query word;
    the one with most claims first. None when no proposition matches."""
    query = [w for w in _words(words) if w not in _STOPWORDS]
    if not query:
        return None
    vocab: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    rows = session.exec(
        select(Claim.proposition, Claim.surface).where(col(Claim.proposition).is_not(None))
    )
    for proposition, surface in rows.all():
        if proposition:
            vocab[proposition].update(_words(f"{proposition} {surface}"))
            counts[proposition] += 1
    matches = sorted(
        (p for p, known in vocab.items() if all(_word_matches(q, known) for q in query)),
        key=lambda p: (-counts[p], p),
    )
    return (matches[0], matches[1:]) if matches else None


def compare_claims(pairs: list[tuple[Claim, Source]]) -> list[PairVerdict]:
    """A verdict for every two of these claims, as ``claims compare`` gives it (no
    database: the claims and their sources in hand). Flashcards ask what this says."""
    return _pairs(sorted((_compared(claim, source) for claim, source in pairs), key=_sort_key))


def _pairs(claims: list[ComparedClaim]) -> list[PairVerdict]:
    """A verdict for every pair of claims (each figure normalized once)."""
    figures = {c.id: _as_figure(c) for c in claims}
    linked = _linked_scales(claims)
    return [_pair(a, b, figures[a.id], figures[b.id]) for a, b in combinations(claims, 2)
            if a.modality == b.modality  # a target is no claim about what is
            and a.same_as != b.id and b.same_as != a.id  # one amount, two currencies
            and (a.same_as is None or a.same_as != b.same_as)
            and not (a.scale != b.scale and (b.scale in linked[a.id] or a.scale in linked[b.id]))]


def _linked_scales(claims: list[ComparedClaim]) -> defaultdict[str, set[str | None]]:
    """For each claim, the scales (currencies) of its other readings (``same_as`` links): a
    yen amount with a dollar reading is not set against "$55 billion"; its reading is."""
    by_id, linked = {c.id: c for c in claims}, defaultdict(set)
    for c in claims:
        if (first := by_id.get(c.same_as or "")) is not None:
            linked[c.id].add(first.scale)
            linked[first.id].add(c.scale)
    return linked


def _pair(a: ComparedClaim, b: ComparedClaim, fa: Figure | None, fb: Figure | None) -> PairVerdict:
    if fa is None or fb is None:
        if a.proposition and a.proposition == b.proposition:
            judgement = judge_stances(a.stance, b.stance)
            return PairVerdict(a.id, b.id, judgement.verdict, judgement.reason)
        return PairVerdict(a.id, b.id, Verdict.DIFFER, "one of them has no figure")
    judgement = judge(fa, fb)
    return PairVerdict(a.id, b.id, judgement.verdict, judgement.reason)


def _as_figure(c: ComparedClaim) -> Figure | None:
    if c.value is None or c.kind == Kind.STATEMENT:
        return None
    return figure(c.kind, c.value, c.value_max, c.unit, c.qualifier, c.year)


# --- topics ----------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    claim_id: str
    text: str  # the figure as printed, or the stance and the quote
    stance: str | None = None


@dataclass
class TopicRow:
    key: str  # metric key or the proposition's words
    type: str  # metric | proposition
    label: str
    cells: dict[str, list[Cell]]  # source slug -> what it says
    verdict: str  # agree | differ | conflict | single (metrics); split | shared | single

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "type": self.type, "label": self.label, "verdict": self.verdict,
            "cells": {slug: [asdict(c) for c in cells] for slug, cells in self.cells.items()},
        }


@dataclass
class SourceColumn:
    slug: str
    authors: str
    date: str | None


@dataclass
class TopicMatrix:
    topic: str
    label: str
    sources: list[SourceColumn]  # in date order
    rows: list[TopicRow]
    other_claims: int = 0  # claims of the topic with neither metric nor proposition

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic, "label": self.label,
            "sources": [asdict(s) for s in self.sources],
            "rows": [r.to_dict() for r in self.rows], "other_claims": self.other_claims,
        }


def _topic_labels(session: Session) -> dict[str, str]:
    from claims.topics import load_topics

    labels = {t.key: t.label for t in load_topics()}
    for topic in session.exec(select(Topic)).all():
        labels.setdefault(topic.key, topic.label)
    return labels


def _check_topic(session: Session, topic: str) -> str:
    from claims.names import require_topic

    require_topic(session, topic)
    return _topic_labels(session)[topic]


def compare_topic(session: Session, topic: str) -> TopicMatrix:
    """Sources of a topic (date order) against its metrics and propositions."""
    label = _check_topic(session, topic)
    claims = _claims_where(session, topic=topic)
    specs = _metric_specs(session)
    columns: dict[str, SourceColumn] = {}
    for c in sorted(claims, key=lambda c: (c.date or "9999", c.source)):
        columns.setdefault(c.source, SourceColumn(c.source, c.authors, c.date))
    groups: dict[tuple[int, str], list[ComparedClaim]] = defaultdict(list)
    other = 0
    for c in claims:
        if c.metric:
            groups[(0, c.metric)].append(c)
        elif c.proposition:
            groups[(1, c.proposition)].append(c)
        else:
            other += 1
    order = {key: i for i, key in enumerate(specs)}
    rows = [_topic_row(kind, key, members, specs) for (kind, key), members in groups.items()]
    rows.sort(key=lambda r: (
        r.type != "metric", order.get(r.key, len(order)) if r.type == "metric" else 0,
        -len(r.cells), r.key,
    ))
    return TopicMatrix(topic, label, list(columns.values()), rows, other)


def _topic_row(
    kind: int, key: str, members: list[ComparedClaim], specs: dict[str, MetricSpec]
) -> TopicRow:
    cells: dict[str, list[Cell]] = defaultdict(list)
    for c in members:
        if kind == 0:
            text = c.surface + (f" ({c.year})" if c.year else "")
            cells[c.source].append(Cell(c.id, text))
        else:
            cells[c.source].append(Cell(c.id, f"{c.stance or 'states'}: {_clip(c.surface)}",
                                        c.stance))
    if kind == 0:
        verdict = worst([p.verdict for p in _pairs(members)])
        label = specs[key].label if key in specs else key
        return TopicRow(key, "metric", label, dict(cells), verdict)
    verdict = proposition_verdict([c.stance for c in members]) if len(cells) > 1 else "single"
    return TopicRow(key, "proposition", key, dict(cells), verdict)


def _clip(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


# --- timelines -------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesPoint:
    year: int | None
    value: float  # on the series' scale
    low: float | None
    high: float | None
    display: str
    claim_id: str
    source: str
    open: str | None = None  # the side an open-ended figure leaves open


@dataclass
class Series:
    metric: str
    label: str
    scale: str
    points: list[SeriesPoint]
    modality: str = Modality.FACT


@dataclass
class Timeline:
    key: str
    type: str  # topic | metric
    label: str
    entries: list[ComparedClaim]
    series: list[Series]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "type": self.type, "label": self.label,
            "entries": [e.to_dict() for e in self.entries],
            "series": [
                {**asdict(s), "points": [asdict(p) for p in s.points]}
                for s in self.series
            ],
        }


def timeline(session: Session, topic_or_metric: str) -> Timeline:
    """Claims of a topic or on a metric in order of the year they refer to (then the
    source's date), with the numeric series for a chart."""
    labels = _topic_labels(session)
    if topic_or_metric in labels:
        entries = _claims_where(session, topic=topic_or_metric)
        key, kind, label = topic_or_metric, "topic", labels[topic_or_metric]
    else:
        try:
            spec, _ = resolve_metric(session, topic_or_metric)
        except NotFound as error:
            near = close_matches(topic_or_metric, labels)
            extra = f" or topic {', '.join(near)}" if near else ""
            raise NotFound(
                f"no topic or metric {topic_or_metric!r}", hint=(error.hint or "") + extra
            ) from None
        entries = _claims_where(session, col(Claim.metric) == spec.key)
        key, kind, label = spec.key, "metric", spec.label
    return Timeline(key, kind, label, entries, _series(session, entries))


def _series(session: Session, entries: list[ComparedClaim]) -> list[Series]:
    specs = _metric_specs(session)
    grouped: dict[tuple[str, str, str], list[SeriesPoint]] = defaultdict(list)
    for e in entries:
        if e.metric is None or e.normalized is None or e.scale is None:
            continue
        grouped[(e.metric, e.scale, e.modality)].append(
            SeriesPoint(e.year, e.normalized, e.low, e.high, e.display or "", e.id, e.source,
                        e.open)
        )
    return [  # targets and forecasts are series of their own, labelled so
        Series(metric, (specs[metric].label if metric in specs else metric)
               + ("" if modality == Modality.FACT else f" ({modality})"), scale, points, modality)
        for (metric, scale, modality), points in grouped.items()
    ]


# --- listings --------------------------------------------------------------------


@dataclass(frozen=True)
class KeyCount:
    key: str
    label: str
    claims: int
    sources: int
    kinds: list[str] = field(default_factory=list)
    origin: str = "vocabulary"  # vocabulary (data/metrics.yaml) | open (made from the text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_metrics(session: Session) -> list[KeyCount]:
    """Every metric (the vocabulary, then any other key in use: the open metrics the
    extractor made of a figure's noun phrase) with claim and source counts."""
    vocabulary = {m.key for m in load_metrics()}
    counts = _counts(session, select(Claim.metric, Claim.source_id, Claim.kind))
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for key, _source, kind in session.exec(
        select(Claim.metric, Claim.source_id, Claim.kind).where(col(Claim.metric).is_not(None))
    ).all():
        kinds[str(key)][kind] += 1
    return [
        KeyCount(key, spec.label, *counts.get(key, (0, 0)), kinds=spec.kinds or sorted(kinds[key]),
                 origin="vocabulary" if key in vocabulary else "open")
        for key, spec in _metric_specs(session).items()
    ]


def list_topics(session: Session) -> list[KeyCount]:
    """Every topic with the number of claims and sources tagged with it."""
    counts = _counts(
        session,
        select(ClaimTopic.topic_key, Claim.source_id, Claim.kind).join(
            Claim, col(Claim.id) == col(ClaimTopic.claim_id)
        ),
    )
    return [KeyCount(key, label, *counts.get(key, (0, 0))) for key, label in
            _topic_labels(session).items()]


def _counts(session: Session, query: Any) -> dict[str, tuple[int, int]]:
    claims: Counter[str] = Counter()
    sources: dict[str, set[int]] = defaultdict(set)
    for key, source_id, _kind in session.exec(query).all():
        if key is None:
            continue
        claims[key] += 1
        sources[key].add(source_id)
    return {key: (n, len(sources[key])) for key, n in claims.items()}


__all__ = [
    "ComparedClaim", "KeyCount", "MetricComparison", "PairVerdict", "Timeline", "TopicMatrix",
    "compare_metric", "compare_topic", "list_metrics", "list_topics", "resolve_metric",
    "timeline",
]
