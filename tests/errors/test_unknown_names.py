"""An unknown topic, source or deck fails the same way in every command (claims.names):
exit 1, ``unknown topic 'x'`` and a hint listing every topic or source there is."""

from __future__ import annotations

from typing import Any

import pytest

TOPICS = ("alliance-institutions, alliance-partnership, china, defense-spending, deployments, "
          "economy, energy-cyber, north-korea, nuclear-umbrella, okinawa, public-opinion, "
          "regional-security, south-korea, summits, trade, trade-agreements, united-nations, "
          "us-forces")
SOURCES = "andrews-2017, cronin-1996, glosserman-2003, manning-1993, new-alliance-2007"

UNKNOWN_TOPIC = f"Error: unknown topic 'tradee' (hint: did you mean trade, trade-agreements? topics are: {TOPICS})\n"
UNKNOWN_SOURCE = ("Error: unknown source 'cronin-1969' (hint: did you mean cronin-1996? "
                  f"sources are: {SOURCES})\n")
UNKNOWN_DECK = (f"Error: unknown deck 'tradee' (hint: did you mean trade, trade-agreements? topics are: {TOPICS}; "
                f"sources are: {SOURCES})\n")


@pytest.mark.parametrize(("argv", "stderr"), [
    (["search", "--topic", "tradee"], UNKNOWN_TOPIC),
    (["search", "surplus", "--topic", "tradee", "--format", "json"], None),
    (["compare", "--topic", "tradee"], UNKNOWN_TOPIC),
    (["quiz", "--topic", "tradee", "--non-interactive"], UNKNOWN_TOPIC),
    (["search", "--source", "cronin-1969"], UNKNOWN_SOURCE),
    (["quiz", "--source", "cronin-1969", "--non-interactive"], UNKNOWN_SOURCE),
    (["cite", "--source", "cronin-1969"], UNKNOWN_SOURCE),
    (["review", "--deck", "tradee"], UNKNOWN_DECK),
    (["cards", "list", "--deck", "tradee"], UNKNOWN_DECK),
    (["stats", "--deck", "tradee"], UNKNOWN_DECK),
    (["export", "csv", "--deck", "tradee"], UNKNOWN_DECK),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_unknown_names_fail_alike(cli: Any, argv: list[str], stderr: str | None) -> None:
    result = cli(*argv, input="")
    assert (result.exit_code, result.stdout) == (1, "")
    if stderr is None:  # JSON mode: the same words in the error shape
        assert result.stderr.startswith('{"error": "unknown topic \'tradee\'", "hint": "did you')
    else:
        assert result.stderr == stderr
