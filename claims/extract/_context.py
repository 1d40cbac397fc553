"""Sentence context of a figure: sentence span, as_of year, subject, metric, topics."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from claims.extract import _patterns as P
from claims.extract import _tables as T

METRIC_DISTANCE = 80  # a metric head further than this from the figure is not its head
BEFORE_PENALTY = 20
_TRIM = " \t\r\n-*#>\u2022_"


class Sentences:
    """Sentence boundaries of one text, computed once; ``span(pos)`` is the sentence at pos."""

    def __init__(self, text: str) -> None:
        self.text = text
        ends = [0]
        for m in P.SENTENCE_END.finditer(text):
            end = m.end()
            if text[m.start()] == "." and P.ABBREVIATION.search(text, max(0, m.start() - 8),
                                                                 m.start() + 1):
                if not P.SENTENCE_STARTER.match(text, end):
                    continue
            ends.append(end)
        ends.append(len(text))
        self.ends = ends

    def span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, pos) - 1
        start = self.ends[i]
        end = self.ends[i + 1] if i + 1 < len(self.ends) else len(self.text)
        raw = self.text[start:end]
        lead = len(raw) - len(raw.lstrip(_TRIM))
        trail = len(raw) - len(raw.rstrip(_TRIM.replace("_", "")))
        s, e = start + lead, end - trail
        if s > pos:
            s = pos
        return (s, e) if e > s else (start, end)


def clause_region(sentence: str, offset: int) -> tuple[int, int]:
    """The innermost parenthesised region of ``sentence`` holding ``offset`` (or the whole)."""
    open_at = sentence.rfind("(", 0, offset)
    if open_at != -1 and sentence.find(")", open_at) >= offset:
        close = sentence.find(")", offset)
        return open_at, close if close != -1 else len(sentence)
    return -1, -1


@dataclass(frozen=True)
class MetricHead:
    key: str
    kinds: frozenset[str]


@cache
def _metric_matcher() -> tuple[re.Pattern[str], dict[str, list[MetricHead]]]:
    from claims.resources import data_dir
    from claims.yamlfile import load_yaml

    entries = load_yaml(data_dir() / "metrics.yaml") or []
    heads: dict[str, list[MetricHead]] = {}
    parts: list[tuple[int, str]] = []
    for entry in entries:
        for head in entry.get("heads", []):
            key = head.lower()
            stem = key.rstrip("*")
            heads.setdefault(stem, []).append(MetricHead(entry["key"], frozenset(entry["kinds"])))
            body = re.escape(stem) + (r"\w*" if key.endswith("*") else "")
            parts.append((len(stem), body))
    parts.sort(key=lambda p: -p[0])
    unique = list(dict.fromkeys(b for _, b in parts))
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(unique) + r")(?![\w])", re.IGNORECASE)
    return pattern, heads


def guess_metric(sentence: str, fs: int, fe: int, kind: str) -> str | None:
    """The metric whose head noun is nearest the figure at ``[fs, fe)`` of ``sentence``."""
    pattern, heads = _metric_matcher()
    best: tuple[int, int, str] | None = None
    for m in pattern.finditer(sentence):
        if kind in ("rank", "duration") and m.start() < fe and fs < m.end():
            continue  # "largest" in "world's largest", "years" in "six years": the figure itself
        distance = fs - m.end() if m.end() <= fs else max(0, m.start() - fe)
        if m.end() <= fs and kind in ("percent", "ratio"):
            distance += BEFORE_PENALTY  # "40% of the world's GNP": a share names what follows
        if distance > METRIC_DISTANCE:
            continue
        text = m.group().lower()
        stem = _stem_of(text, heads)
        if stem is None:
            continue
        for head in heads[stem]:
            if kind in head.kinds:
                candidate = (distance, -len(stem), head.key)
                if best is None or candidate < best:
                    best = candidate
                break
    return best[2] if best else None


def _stem_of(text: str, heads: dict[str, list[MetricHead]]) -> str | None:
    if text in heads:
        return text
    for n in range(len(text) - 1, 0, -1):
        if text[:n] in heads:
            return text[:n]
    return None


def guess_subject(sentence: str, offset: int) -> str | None:
    """Nearest actor named before the figure (not as "with/to/than X"), else after it."""
    before: str | None = None
    after: str | None = None
    for m in P.ACTOR.finditer(sentence):
        lead = sentence[max(0, m.start() - 12):m.start()]
        if P.NON_SUBJECT_LEAD.search(lead):
            continue
        name = T.ACTORS[m.group()]
        if m.end() <= offset:
            before = name
        elif after is None:
            after = name
    return before or after
