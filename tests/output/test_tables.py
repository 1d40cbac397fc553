"""Tables people read at 80 and 60 columns: no line wider than the terminal, no word
broken inside, no sliver of a sentence column; narrow terminals get stacked records."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cli.output import PROSE_MIN


def _run(cli: Any, monkeypatch: pytest.MonkeyPatch, width: int, *argv: str) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli(*argv)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def _words(text: str) -> set[str]:
    return {word.strip("…") for word in text.split()} - {""}


def _shown(output: str, field: str) -> set[str]:
    """The words printed for ``field``: its stacked lines, or its column of a table."""
    words: set[str] = set()
    lines = output.splitlines()
    if "┃" in output:  # a table: the field's column
        header = next(line for line in lines if "┃" in line)
        index = [cell.strip() for cell in header.split("┃")].index(field)
        for line in lines:
            if line.startswith("│"):
                words |= _words(line.split("│")[index])
        return words
    inside = False
    for line in lines:
        if line.startswith(f"  {field}: "):
            inside, line = True, line[len(f"  {field}: "):]
        elif not line.startswith("  ") or ": " in line.split()[0] + " ":
            inside = False
        if inside:
            words |= _words(line)
    return words


@pytest.mark.parametrize("width", [60, 80, 150])
def test_search_never_breaks_a_word(cli: Any, monkeypatch: pytest.MonkeyPatch,
                                    width: int) -> None:
    output = _run(cli, monkeypatch, width, "search", "surplus", "--limit", "5")
    assert max(len(line) for line in output.splitlines()) <= width
    claims = json.loads(cli("search", "surplus", "--limit", "5", "--format", "json").stdout)
    sentences = set().union(*(_words(claim["sentence"]) for claim in claims))
    shown = _shown(output, "sentence")
    assert len(shown) > 20
    assert shown <= sentences  # every word shown is a whole word of a sentence
    for claim in claims:
        assert claim["id"] in output  # ids are never cut


def test_search_stacks_records_when_narrow(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(cli, monkeypatch, 80, "search", "45000")  # one claim, on either database
    assert "┃" not in output
    assert output.splitlines() == [
        "id cronin-1996-forces-45000  source cronin-1996  kind count",
        "surface more than 45,000",
        "  sentence: …steps was welcomed by most Japanese, even while the United States",
        "  was able to maintain its current force level of more than 45,000 in Japan.",
    ]


def test_search_is_a_table_when_wide(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(cli, monkeypatch, 150, "search", "surplus", "--limit", "2")
    header = next(line for line in output.splitlines() if "┃" in line)
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == [
        "id", "source", "kind", "surface", "sentence"]
    sentence_column = header.split("┃")[-2]
    assert len(sentence_column) >= 40


@pytest.mark.parametrize(("width", "argv", "field"), [
    (80, ["sources"], "title"),
    (60, ["sources"], "title"),
    (120, ["sources"], "title"),
    (60, ["compare", "surplus"], "authors"),
    (80, ["extract", "-"], "metric"),
], ids=str)
def test_listing_tables_fit_and_keep_words_whole(cli: Any, monkeypatch: pytest.MonkeyPatch,
                                                 width: int, argv: list[str], field: str) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    text = ("Japan runs $125-billion surpluses with its major trading partners, a "
            "$49-billion surplus with the United States in 1992.\n")
    result = cli(*argv, input=text if argv[0] == "extract" else None)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    data = cli(*argv, "--format", "json", input=text if argv[0] == "extract" else None).stdout
    known = _words(" ".join(_strings(json.loads(data))))
    shown = _shown(result.stdout, field)
    assert shown
    assert shown <= known


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


def test_sources_at_80_columns_are_stacked_records(cli: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(cli, monkeypatch, 80, "sources")
    assert output.splitlines()[:5] == [
        "Sources",
        "slug manning-1993  date 1993-04-11  kind op-ed  claims 32",
        "  authors: Robert A. Manning",
        "  title: Time to Redefine the U.S.-Japan Relationship",
        "",
    ]


def test_no_prose_column_is_narrower_than_the_minimum(cli: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    output = _run(cli, monkeypatch, 120, "sources")
    header = next(line for line in output.splitlines() if "┃" in line)
    widths = {cell.strip(): len(cell) - 2 for cell in header.split("┃")[1:-1]}
    assert widths["title"] >= PROSE_MIN
    assert widths["authors"] == len("Patrick M. Cronin")  # narrower only when all fits


def test_one_object_is_a_field_value_table_that_wraps_values(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.output import OutputFormat, render_object

    monkeypatch.setenv("COLUMNS", "80")
    sentence = ("The report, issued the day before the summit began, recommended a 20 percent "
                "decrease in the total acreage of U.S. facilities in Okinawa.")
    render_object({"card_id": "074ebb2a66-choice", "correct": True, "context": sentence},
                  OutputFormat.table)
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[3] == "│ card_id │ 074ebb2a66-choice" + " " * 50 + "│"
    assert _shown("\n".join(lines), "value") == _words(sentence) | {
        "074ebb2a66-choice", "True"}
