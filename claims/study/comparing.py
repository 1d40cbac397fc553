"""Compare cards: did two sources agree on a metric or a proposition, or how did a
figure move between two years? Judged by the one agreement rule (:mod:`claims.agreement`),
so a card never contradicts ``claims compare``. No database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from claims.agreement import STANCE_LEAN, Figure, Trend, judge, judge_stances, trend
from claims.compare import claim_figure, compare_claims
from claims.domain import Verdict
from claims.extract._tables import ACTORS
from claims.metrics import load_metrics
from claims.models import Claim, Source
from claims.study.drafts import PRIORITY, CardDraft, card_id, claim_key, source_label

MAX_COMPARE_PAIRS_PER_METRIC = 3


@cache
def metric_labels() -> dict[str, str]:
    return {spec.key: spec.label for spec in load_metrics()}


def _representatives(group: list[tuple[Claim, Source]]) -> list[tuple[Claim, Source]]:
    """One claim per source for a metric: curated first, then the earliest in the text."""
    best: dict[str, tuple[Claim, Source]] = {}
    for claim, source in sorted(group, key=lambda p: (PRIORITY.get(p[0].origin, 1), p[0].start)):
        best.setdefault(source.slug, (claim, source))
    return sorted(best.values(), key=lambda p: (p[1].date or "", p[1].slug))


# How a stance places a source on a proposition: the agreement rule's lean. A neutral
# stance ("reports", "warns") says nothing of where the source stands, so compare cards
# are not made from it.
STANCE_SIDE: dict[str, int] = {stance: lean for stance, lean in STANCE_LEAN.items() if lean}


def _positions(group: list[tuple[Claim, Source]]) -> list[tuple[Claim, Source, int]]:
    """One decided claim per source on a proposition; a source on both sides is left out."""
    by_source: dict[str, list[tuple[Claim, Source, int]]] = defaultdict(list)
    for claim, source in sorted(group, key=lambda p: (p[1].date or "", p[1].slug, p[0].start)):
        side = STANCE_SIDE.get(claim.stance or "")
        if side is not None:
            by_source[source.slug].append((claim, source, side))
    return [held[0] for held in by_source.values() if len({h[2] for h in held}) == 1]


# Names kept capitalised after "agree that": the extractor's table of actors ("Japan",
# "China's", "U.S."); any other first word of a proposition is lower-cased ("Trade
# disputes ...", "The alliance ..."), unless it looks like a name itself ("U.S.-Japan").
NAMES = frozenset(ACTORS)


def _lower_first(text: str) -> str:
    """ "The alliance ..." -> "the alliance ..."; "Japan ..." stays.

    >>> _lower_first("The alliance is in good health"), _lower_first("Japan should act")
    ('the alliance is in good health', 'Japan should act')
    >>> _lower_first("Trade disputes should be kept apart"), _lower_first("China's rise")
    ('trade disputes should be kept apart', "China's rise")
    """
    head, _, rest = text.partition(" ")
    base = head.removesuffix("'s").removesuffix("\u2019s")
    if base in NAMES or "." in head or any(c.isupper() for c in head[1:]):
        return text
    return f"{head[:1].lower()}{head[1:]} {rest}"


def _grouped(
    pairs: Iterable[tuple[Claim, Source]], key: Callable[[Claim], str | None]
) -> list[tuple[str, list[tuple[Claim, Source]]]]:
    """Claim/source pairs grouped by ``key(claim)`` (claims without one left out), sorted."""
    groups: dict[str, list[tuple[Claim, Source]]] = defaultdict(list)
    for claim, source in pairs:
        value = key(claim)
        if value:
            groups[value].append((claim, source))
    return sorted(groups.items())


def proposition_cards(pairs: Iterable[tuple[Claim, Source]]) -> list[CardDraft]:
    """Did two sources agree that <proposition>? (curated statements with a stance)."""
    drafts = []
    for proposition, group in _grouped(pairs, lambda claim: claim.proposition):
        held = _positions(group)
        couples = [(x, y) for i, x in enumerate(held) for y in held[i + 1:]]
        for (a, sa, _), (b, sb, _) in couples[:MAX_COMPARE_PAIRS_PER_METRIC]:
            la, lb = source_label(sa), source_label(sb)
            verdict = judge_stances(a.stance, b.stance).verdict
            drafts.append(_compare_card(
                (a, sa), (b, sb), same=verdict == Verdict.AGREE,
                question=f"Did {la} and {lb} agree that {_lower_first(proposition)}?",
                detail=f"{la} {a.stance} it; {lb} {b.stance} it",
                spec={"proposition": proposition, "verdict": str(verdict)},
            ))
    return drafts


def compare_cards(pairs: Iterable[tuple[Claim, Source]]) -> list[CardDraft]:
    """Cards on two sources' figures for one metric: the pairs ``claims compare`` judges
    (:func:`claims.compare.compare_claims`: a target only with targets, never one amount
    against its own reading in another currency), each asking what the agreement rule
    (:func:`claims.agreement.judge`) says of it, so a card never contradicts ``compare``.
    Figures for one year ask "did they agree?"; figures for different years ask which
    way the figure moved. Figures in different units make no card."""
    drafts = []
    for metric, group in _grouped(pairs, lambda claim: claim.metric):
        label = metric_labels().get(metric, metric.replace("-", " "))
        reps = _representatives(group)
        by_id = {claim.id: (claim, source) for claim, source in reps}
        made = 0
        for judged in compare_claims(reps):
            first, second = by_id[judged.a], by_id[judged.b]
            fa, fb = claim_figure(*first), claim_figure(*second)
            if fa is None or fb is None or fa.scale != fb.scale:
                continue
            if fa.year is not None and fb.year is not None and fb.year < fa.year:
                (first, fa), (second, fb) = (second, fb), (first, fa)
            drafts.append(_figure_card(first, second, fa, fb, label, metric))
            made += 1
            if made == MAX_COMPARE_PAIRS_PER_METRIC:
                break
    return drafts


# Trend answers: how a figure moved, in the card's words (a choice among these).
TREND_WORDS: dict[Trend, str] = {"up": "rose", "down": "fell", "same": "stayed about the same"}


def _figure_card(
    first: tuple[Claim, Source], second: tuple[Claim, Source], fa: Figure, fb: Figure,
    label: str, metric: str,
) -> CardDraft:
    (a, sa), (b, sb) = first, second
    la, lb = source_label(sa), source_label(sb)
    judgement = judge(fa, fb)
    if judgement.verdict != Verdict.CHANGED:
        return _compare_card(
            first, second, same=judgement.verdict == Verdict.AGREE,
            question=f"Did {la} and {lb} agree on {label}?",
            detail=f"{la}: {a.surface}; {lb}: {b.surface}",
            spec={"metric": metric, "verdict": str(judgement.verdict)},
        )
    moved = trend(fa, fb)
    detail = f"{a.surface} in {fa.year} ({la}); {b.surface} in {fb.year} ({lb})"
    return CardDraft(
        id=card_id(claim_key(a), "compare", claim_key(b)), claim_id=a.id, source_slug=sa.slug,
        kind="compare",
        question=f"From {fa.year} to {fb.year}, did {label} rise, fall or stay about the "
                 f"same? ({la}, then {lb})",
        answer=TREND_WORDS[moved], choices=list(TREND_WORDS.values()),
        spec={"type": "trend", "value": moved, "display": f"{TREND_WORDS[moved]} \u2014 {detail}",
              "other_claim_id": b.id, "metric": metric, "verdict": str(Verdict.CHANGED)},
        priority=min(PRIORITY.get(a.origin, 1), PRIORITY.get(b.origin, 1)),
    )


def _compare_card(
    first: tuple[Claim, Source], second: tuple[Claim, Source], *, same: bool, question: str,
    detail: str, spec: dict[str, Any],
) -> CardDraft:
    """A yes/no card: do these two sources agree? The answer names what each says."""
    (a, source_a), (b, _) = first, second
    display = f"{'Yes' if same else 'No'} \u2014 {detail}"
    return CardDraft(
        id=card_id(claim_key(a), "compare", claim_key(b)), claim_id=a.id, source_slug=source_a.slug,
        kind="compare", question=question, answer=display,
        spec={"type": "yesno", "value": same, "display": display, "other_claim_id": b.id,
              **spec},
        priority=min(PRIORITY.get(a.origin, 1), PRIORITY.get(b.origin, 1)),
    )
