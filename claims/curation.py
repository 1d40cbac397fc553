"""Hand-curated claims (``data/curated/*.yaml``): loading, quote checking, merging.

A curated claim names its source, quotes it verbatim and says what the quote claims:
a figure on a metric, or a proposition. On every build each quote is located in its
source's original text (whitespace and quote-mark differences tolerated, nothing else)
and the claim is merged with the extracted figure it covers, if any, so one figure is
one claim (origin ``both``).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from claims.domain import Kind, Qualifier, Stance
from claims.errors import DataError
from claims.metrics import MetricSpec, load_metrics
from claims.models import ClaimDraft
from claims.resources import data_dir
from claims.sentences import sentence_span
from claims.suggest import close_matches
from claims.yamlfile import load_yaml, validate_entries

CURATED_FOLDER = "curated"


class CuratedClaim(BaseModel):
    """One entry of a curated file; the fields are documented in each file's header."""

    # use_enum_values: fields hold the plain strings ("money"), as the database does
    model_config = ConfigDict(extra="forbid", use_enum_values=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    source: str
    kind: Kind
    quote: str = Field(min_length=3)
    surface: str | None = None
    subject: str | None = None
    metric: str | None = None
    proposition: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    as_of: int | None = Field(default=None, ge=1000, le=2999)
    stance: Stance | None = None
    topics: list[str] = Field(min_length=1)
    note: str | None = None

    _path: Path | None = PrivateAttr(default=None)
    _line: int | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _kind_fields(self) -> CuratedClaim:
        if not self.id.startswith(self.source + "-"):
            raise ValueError(f"id must start with its source slug: '{self.source}-...'")
        if self.kind == Kind.STATEMENT:
            if not self.proposition:
                raise ValueError("a statement needs a proposition")
            if self.value is not None or self.metric is not None:
                raise ValueError("a statement has no value or metric (use a numeric kind)")
            return self
        if self.metric is None or self.value is None:
            raise ValueError(f"a {self.kind} claim needs a metric and a value")
        if (self.qualifier == Qualifier.RANGE) != (self.value_max is not None):
            raise ValueError("value_max goes with qualifier 'range', and only with it")
        if self.value_max is not None and self.value_max < self.value:
            raise ValueError("value_max is below value")
        return self

    @property
    def where(self) -> str:
        """``path:line: claim 'id'`` for error messages."""
        place = str(self._path) if self._path else "<curated>"
        if self._line:
            place += f":{self._line}"
        return f"{place}: claim {self.id!r}"


# --- loading -----------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """What curated claims may refer to: source slugs, topic keys, metrics."""

    sources: frozenset[str]
    topics: frozenset[str]
    metrics: dict[str, MetricSpec]

    @classmethod
    def load(cls, data_folder: Path | None = None) -> Vocabulary:
        from claims.ingest.metadata import load_sources
        from claims.topics import load_topics

        folder = data_folder or data_dir()
        return cls(
            sources=frozenset(s.slug for s in load_sources(_ref(folder, "sources.yaml"))),
            topics=frozenset(t.key for t in load_topics(_ref(folder, "topics.yaml"))),
            metrics={m.key: m for m in load_metrics(_ref(folder, "metrics.yaml"))},
        )


def _ref(folder: Path, name: str) -> Path:
    """A reference file from ``folder``, or the bundled one when the folder lacks it."""
    path = folder / name
    return path if path.exists() else data_dir() / name


@dataclass
class CurationReport:
    claims: list[CuratedClaim] = field(default_factory=list)
    problems: list[DataError] = field(default_factory=list)


def curated_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))


def collect_curated(folder: Path | None = None, vocab: Vocabulary | None = None) -> CurationReport:
    """Every curated claim of ``folder`` and every problem found (all of them, not the first)."""
    folder = folder or data_dir() / CURATED_FOLDER
    report = CurationReport()
    if not folder.is_dir():
        report.problems.append(DataError(f"{folder}: no such folder of curated claims"))
        return report
    vocab = vocab or Vocabulary.load(folder.parent)
    seen: dict[str, CuratedClaim] = {}
    for path in curated_files(folder):
        try:
            entries = _load_file(path)
        except DataError as error:
            report.problems.append(error)
            continue
        for claim in entries:
            problems = _cross_check(claim, vocab)
            if claim.id in seen:
                problems.append(
                    f"duplicate id (first at {seen[claim.id].where.rsplit(': claim', 1)[0]})"
                )
            seen.setdefault(claim.id, claim)
            report.problems += [
                DataError(f"{claim.where}: {p}", hint=f"fix the entry in {path.name}")
                for p in problems
            ]
            if not problems:
                report.claims.append(claim)
    return report


def load_curated(folder: Path | None = None) -> list[CuratedClaim]:
    """All curated claims of ``folder`` (default: the bundled ``data/curated``), validated.

    Raises DataError for the first problem: YAML syntax, schema, an unknown source slug,
    topic or metric, or a duplicate id, naming the file, the line and the claim id.
    """
    report = collect_curated(folder)
    if report.problems:
        raise report.problems[0]
    return report.claims


def _load_file(path: Path) -> list[CuratedClaim]:
    raw = load_yaml(path)
    lines = [item.get("__line__") if isinstance(item, dict) else None for item in raw or []]
    entries = validate_entries(path, raw, CuratedClaim, "claim")
    for entry, line in zip(entries, lines, strict=True):
        entry._path = path
        entry._line = line
    return entries


def _nearest(wanted: str, known: Iterable[str]) -> str:
    near = close_matches(wanted, sorted(known), n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""


def _cross_check(claim: CuratedClaim, vocab: Vocabulary) -> list[str]:
    problems = []
    if claim.source not in vocab.sources:
        problems.append(f"unknown source {claim.source!r}" + _nearest(claim.source, vocab.sources))
    for topic in claim.topics:
        if topic not in vocab.topics:
            problems.append(f"unknown topic {topic!r}" + _nearest(topic, vocab.topics))
    if claim.metric is not None:
        spec = vocab.metrics.get(claim.metric)
        if spec is None:
            near = _nearest(claim.metric, vocab.metrics) or " (add it to metrics.yaml)"
            problems.append(f"unknown metric {claim.metric!r}{near}")
        elif spec.kinds and claim.kind not in spec.kinds:
            problems.append(
                f"metric {claim.metric!r} is measured as {', '.join(spec.kinds)}, not {claim.kind}"
            )
    return problems


# --- locating quotes ------------------------------------------------------------

# Quote marks that count as the same mark: curly, low, prime and guillemet variants.
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032`\u00b4"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_QUOTE_MAP = str.maketrans(
    {**dict.fromkeys(SINGLE_QUOTES, "'"), **dict.fromkeys(DOUBLE_QUOTES, '"')}
)


@lru_cache(maxsize=64)
def _normalized(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` with whitespace runs collapsed to one space and quote marks made straight,
    and for each character kept, its offset in ``text``.

    >>> _normalized("a \\u00a0\\n\\u201cb\\u201d")
    ('a "b"', (0, 1, 4, 5, 6))
    """
    chars: list[str] = []
    index: list[int] = []
    previous_space = False
    for offset, char in enumerate(text.translate(_QUOTE_MAP)):
        if char.isspace():
            if previous_space:
                continue
            previous_space = True
            char = " "
        else:
            previous_space = False
        chars.append(char)
        index.append(offset)
    return "".join(chars), tuple(index)


def locate_quote(text: str, quote: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """The span of ``quote`` in ``text`` (first occurrence within ``text[start:end]``).

    Whitespace runs and quote marks (curly or straight) may differ; nothing else may.
    A quote that is not there raises DataError naming the closest passage of the text.

    >>> locate_quote("He \\u201cdemanded\\u201d  that", 'He "demanded" that')
    (0, 19)
    """
    norm_text, index = _normalized(text)
    norm_quote = _normalized(quote.strip())[0]
    if not norm_quote:
        raise DataError("empty quote", hint="quote the words of the source that make the claim")
    lo = _first_at_or_after(index, start)
    hi = len(norm_text) if end is None else _first_at_or_after(index, end)
    found = norm_text.find(norm_quote, lo, hi)
    if found < 0 or found + len(norm_quote) > hi:
        closest = closest_passage(text, quote)
        raise DataError(
            f"quote not found in the source: {_short(quote)!r}; closest passage: {closest!r}",
            hint="copy the words exactly as the source prints them",
        )
    return index[found], index[found + len(norm_quote) - 1] + 1


def _first_at_or_after(index: tuple[int, ...], offset: int) -> int:
    from bisect import bisect_left

    return bisect_left(index, offset)


def closest_passage(text: str, quote: str) -> str:
    """The passage of ``text`` most like ``quote`` (difflib), whitespace collapsed."""
    norm_text = _normalized(text)[0]
    norm_quote = _normalized(quote.strip())[0]
    if not norm_text or not norm_quote:
        return ""
    matcher = difflib.SequenceMatcher(None, norm_text, norm_quote, autojunk=False)
    match = matcher.find_longest_match(0, len(norm_text), 0, len(norm_quote))
    start = max(0, match.a - match.b)
    end = min(len(norm_text), start + len(norm_quote))
    # widen to whole words
    while start > 0 and norm_text[start - 1] != " ":
        start -= 1
    while end < len(norm_text) and norm_text[end] != " ":
        end += 1
    return _short(norm_text[start:end])


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def locate_all(claims: Iterable[CuratedClaim], texts: dict[str, str]) -> list[DataError]:
    """Every quote (and figure surface) checked against its source's text; the problems."""
    problems: list[DataError] = []
    for claim in claims:
        text = texts.get(claim.source)
        if text is None:
            problems.append(DataError(f"{claim.where}: no text for source {claim.source!r}"))
            continue
        try:
            span = locate_quote(text, claim.quote)
            if claim.surface:
                _locate_surface(text, claim, span)
        except DataError as error:
            problems.append(DataError(f"{claim.where}: {error.message}", hint=error.hint))
    return problems


def _locate_surface(text: str, claim: CuratedClaim, span: tuple[int, int]) -> tuple[int, int]:
    assert claim.surface is not None
    try:
        return locate_quote(text, claim.surface, *span)
    except DataError:
        raise DataError(
            f"surface {claim.surface!r} is not inside the quote",
            hint="give the figure exactly as printed within the quoted words",
        ) from None


# --- merging with extracted claims ---------------------------------------------


def _scale(kind: str, value: float) -> tuple[str, float]:
    """A kind and value on a common scale: ratios become percent points."""
    if kind == "ratio":
        return "percent", value * 100
    return kind, value


def same_figure(
    kind_a: str, value_a: float | None, kind_b: str, value_b: float | None,
    unit_a: str | None = None, unit_b: str | None = None,
) -> bool:
    """Do two figures say the same number (one-fifth is 20 percent, 18 months 1.5 years)?

    >>> same_figure("ratio", 0.2, "percent", 20)
    True
    >>> same_figure("duration", 18, "duration", 1.5, "month", "year")
    True
    >>> same_figure("money", 49e9, "count", 49e9)
    False
    """
    from claims.agreement import figure

    if value_a is None or value_b is None:
        return False
    a = figure(kind_a, value_a, unit=unit_a)
    b = figure(kind_b, value_b, unit=unit_b)
    # money with an unknown currency on one side may still be the same figure
    unknown_currency = kind_a == kind_b == "money" and None in (unit_a, unit_b)
    same_scale = a.scale == b.scale or unknown_currency
    return same_scale and math.isclose(a.value, b.value, rel_tol=1e-6, abs_tol=1e-9)


def merge_curated(
    slug: str, text: str, drafts: list[ClaimDraft], curated: list[CuratedClaim]
) -> list[ClaimDraft]:
    """The claims of one source: extracted drafts merged with that source's curated claims.

    A curated claim whose quote covers an extracted figure of the same value becomes one
    draft with origin ``both`` (curated fields win; the extracted span and surface stay).
    Other curated claims become ``curated`` drafts pointing at their figure inside the quote
    (or at the whole quote). Pure: the inputs are not changed. A quote that is not in
    ``text`` raises DataError naming the file, line and claim.
    """
    result = list(drafts)
    taken: set[int] = set()
    for claim in (c for c in curated if c.source == slug):
        try:
            q_start, q_end = locate_quote(text, claim.quote)
        except DataError as error:
            raise DataError(f"{claim.where}: {error.message}", hint=error.hint) from None
        match = _matching_draft(claim, text, result, taken, q_start, q_end)
        if match is None:
            result.append(_curated_draft(claim, text, q_start, q_end))
        else:
            taken.add(match)
            result[match] = _merged_draft(claim, result[match])
    return result


def _matching_draft(
    claim: CuratedClaim, text: str, drafts: list[ClaimDraft], taken: set[int],
    q_start: int, q_end: int,
) -> int | None:
    if claim.kind == "statement":
        return None
    candidates = [
        i for i, d in enumerate(drafts)
        if i not in taken and d.origin == "extracted" and q_start <= d.start and d.end <= q_end
        and same_figure(claim.kind, claim.value, d.kind, d.value, claim.unit, d.unit)
    ]
    if claim.surface:
        surface = _normalized(claim.surface)[0]
        exact = [i for i in candidates if surface in _normalized(drafts[i].surface)[0]]
        candidates = exact or candidates
    return candidates[0] if candidates else None


_CURATED_FIELDS = (
    "kind", "value", "value_max", "unit", "qualifier", "subject", "metric", "as_of",
    "quote", "proposition", "stance", "note",
)


def _merged_draft(claim: CuratedClaim, draft: ClaimDraft) -> ClaimDraft:
    update = {name: getattr(claim, name) for name in _CURATED_FIELDS}
    update["id"] = claim.id
    update["alias"] = None  # it had the curated id before readable ids too
    update["origin"] = "both"
    update["topics"] = list(dict.fromkeys([*claim.topics, *draft.topics]))
    return draft.model_copy(update=update, deep=True)


def _curated_draft(claim: CuratedClaim, text: str, q_start: int, q_end: int) -> ClaimDraft:
    start, end = q_start, q_end
    if claim.surface:
        try:
            start, end = locate_quote(text, claim.surface, q_start, q_end)
        except DataError:
            raise DataError(
                f"{claim.where}: surface {claim.surface!r} is not inside the quote",
                hint="give the figure exactly as printed within the quoted words",
            ) from None
    elif claim.kind != "statement":
        start, end = _find_figure(text, claim, q_start, q_end) or (q_start, q_end)
    s_start, s_end = sentence_span(text, q_start, q_end)
    return ClaimDraft(
        id=claim.id,
        origin="curated",
        kind=claim.kind,
        surface=text[start:end],
        value=claim.value,
        value_max=claim.value_max,
        unit=claim.unit,
        qualifier=claim.qualifier,
        subject=claim.subject,
        metric=claim.metric,
        as_of=claim.as_of,
        sentence=" ".join(text[s_start:s_end].split()),
        sentence_start=s_start,
        sentence_end=s_end,
        start=start,
        end=end,
        quote=claim.quote,
        proposition=claim.proposition,
        stance=claim.stance,
        note=claim.note,
        topics=list(claim.topics),
    )


def figure_renderings(kind: str, value: float) -> list[str]:
    """Ways a figure may be printed, most specific first, to find it inside a quote.

    >>> figure_renderings("money", 49e9)[:3]
    ['49-billion', '49 billion', '49,000,000,000']
    >>> figure_renderings("ratio", 0.2)[:2]
    ['20 percent', '20%']
    """
    scale, number = _scale(kind, value)
    plain = f"{number:,.0f}" if float(number).is_integer() else f"{number:g}"
    forms: list[str] = []
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            short = f"{number / size:g}"
            forms += [f"{short}-{word}", f"{short} {word}"]
            break
    if scale == "percent":
        forms += [f"{plain} percent", f"{plain}%", f"{plain} per cent"]
    forms += [plain, plain.replace(",", "")]
    return list(dict.fromkeys(forms))


def _find_figure(text: str, claim: CuratedClaim, start: int, end: int) -> tuple[int, int] | None:
    if claim.value is None:
        return None
    window = text[start:end]
    for form in figure_renderings(claim.kind, claim.value):
        at = window.find(form)
        if at >= 0:
            return start + at, start + at + len(form)
    return None
