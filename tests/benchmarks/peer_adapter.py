"""Adapters for the peer scorer (``../shared/benchmarks/peers/score.py --python``).

Benchmark code, not part of the shipped package. From the repository root, with
``P=../shared/benchmarks/peers``:

    python $P/score.py --suite $P/duckling_en.jsonl --python tests.benchmarks.peer_adapter:extract_quantities
    python $P/score.py --suite tests/benchmarks/news/wikinews_en.jsonl \
        --python tests.benchmarks.peer_adapter:extract_news

``extract_quantities(text)`` runs the scanner in its permissive mode (``scan(text,
peer=True)``, which exists for these suites): bare ordinals, "one", vague plurals
("hundreds"), years and measurements are reported too, and no page-furniture rule
applies (the suites are single phrases, not web pages). Kinds map to the scorer's: a
year becomes a plain ``count``, a measurement ``other``.
"""

from __future__ import annotations

from typing import Any

from claims.extract._scan import scan

_KIND = {"date": "count"}


def extract_quantities(text: str) -> list[dict[str, Any]]:
    """Quantities of ``text`` as ``{start, end, value, unit, kind}`` dicts, in order.

    >>> extract_quantities("It costs $ 75 million, about 20 %.")
    [{'start': 9, 'end': 21, 'value': 75000000.0, 'unit': 'USD', 'kind': 'money'}, \
{'start': 23, 'end': 33, 'value': 20.0, 'unit': 'percent', 'kind': 'percent'}]
    """
    out = []
    for fig in scan(text, peer=True):
        if fig.kind == "skip" or fig.value is None:
            continue
        out.append({"start": fig.start, "end": fig.end, "value": fig.value,
                    "unit": fig.unit or "", "kind": _KIND.get(fig.kind, fig.kind)})
    return out


def extract_news(text: str) -> list[dict[str, Any]]:
    """The figures ``claims.extract.extract`` gives for ``text`` (the prose mode a document
    is read in: no bare ordinals or "one", no measurements, page furniture dropped), as
    scorer dicts. Dates keep their kind ``date``, which the news suite does not annotate.

    >>> [(q["value"], q["kind"]) for q in extract_news("In 2019, 5,617 people voted.")]
    [(2019.0, 'date'), (5617.0, 'count')]
    """
    from claims.extract import extract

    return [{"start": e.start, "end": e.end, "value": e.value, "unit": e.unit or "",
             "kind": e.kind} for e in extract(text) if e.value is not None]
