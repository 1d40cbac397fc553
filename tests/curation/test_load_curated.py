"""load_curated: bad curated files fail with the file, the line and the claim id."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.curation import collect_curated, load_curated
from claims.errors import DataError

GOOD = """\
- id: manning-1993-surplus
  source: manning-1993
  kind: money
  quote: 'a $49-billion surplus with the United States in 1992'
  surface: '$49-billion'
  metric: trade-surplus
  value: 49000000000
  unit: USD
  as_of: 1992
  topics: [trade]

- id: manning-1993-junior
  source: manning-1993
  kind: statement
  quote: 'Japan can no longer play the passive, self-serving, junior partner'
  proposition: Japan is a junior partner
  stance: affirms
  topics: [alliance-partnership]
"""


def write(folder: Path, text: str, name: str = "manning-1993.yaml") -> Path:
    curated = folder / "curated"
    curated.mkdir(exist_ok=True)
    (curated / name).write_text(text)
    return curated


def test_good_file_loads(tmp_path: Path) -> None:
    claims = load_curated(write(tmp_path, GOOD))
    assert [(c.id, c.kind, c.value) for c in claims] == [
        ("manning-1993-surplus", "money", 49e9),
        ("manning-1993-junior", "statement", None),
    ]
    assert claims[1].where.endswith("manning-1993.yaml:12: claim 'manning-1993-junior'")


# (what is broken, replacement applied to GOOD, expected message after the folder path)
BROKEN = [
    ("yaml syntax", ("kind: statement\n", "kind: statement\n  quote: [unclosed\n"),
     "manning-1993.yaml:16: invalid YAML (expected"),
    ("unknown field", ("  unit: USD\n", "  units: USD\n"),
     "manning-1993.yaml:1: claim 'manning-1993-surplus': units: Extra inputs are not permitted"),
    ("bad kind", ("kind: money", "kind: monie"),
     "manning-1993.yaml:1: claim 'manning-1993-surplus': kind: Input should be"),
    ("numeric without value", ("  value: 49000000000\n", ""),
     "manning-1993.yaml:1: claim 'manning-1993-surplus': (entry): a money claim "
     "needs a metric and a value"),
    ("statement without proposition", ("  proposition: Japan is a junior partner\n", ""),
     "manning-1993.yaml:12: claim 'manning-1993-junior': (entry): a statement "
     "needs a proposition"),
    ("unknown topic", ("[trade]", "[trades]"),
     "manning-1993.yaml:1: claim 'manning-1993-surplus': unknown topic 'trades' "
     "(did you mean 'trade'?)"),
    ("unknown metric", ("metric: trade-surplus", "metric: trade-surpluss"),
     "manning-1993.yaml:1: claim 'manning-1993-surplus': unknown metric 'trade-surpluss' "
     "(did you mean 'trade-surplus'?)"),
    ("id not prefixed by its source",
     ("source: manning-1993\n  kind: money", "source: maning-1993\n  kind: money"),
     "manning-1993.yaml:1: claim 'manning-1993-surplus': (entry): id must start "
     "with its source slug"),
    ("kind the metric does not measure", ("kind: money", "kind: count"),
     "manning-1993.yaml:1: claim 'manning-1993-surplus': metric 'trade-surplus' is measured "
     "as money, not count"),
    ("duplicate id", ("id: manning-1993-junior", "id: manning-1993-surplus"),
     "manning-1993.yaml:12: claim 'manning-1993-surplus': duplicate id (first at "),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_file_names_file_line_and_claim(tmp_path: Path, case: tuple) -> None:
    _, (old, new), expected = case
    assert old in GOOD
    folder = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataError) as info:
        load_curated(folder)
    assert info.value.message.startswith(f"{folder}/{expected}"), info.value.message


def test_unknown_source_slug(tmp_path: Path) -> None:
    text = GOOD.replace("manning-1993", "smith-2020")
    folder = write(tmp_path, text, "smith.yaml")
    with pytest.raises(DataError) as info:
        load_curated(folder)
    assert info.value.message == (
        f"{folder}/smith.yaml:1: claim 'smith-2020-surplus': unknown source 'smith-2020'"
    )


def test_all_problems_are_collected(tmp_path: Path) -> None:
    folder = write(tmp_path, GOOD.replace("[trade]", "[nope]").replace(
        "[alliance-partnership]", "[nope-either]"))
    write(tmp_path, "- id: [", "other.yaml")
    report = collect_curated(folder)
    assert len(report.problems) == 3
    assert report.claims == []


def test_reference_files_come_from_the_data_folder(tmp_path: Path) -> None:
    folder = write(tmp_path, GOOD)
    (tmp_path / "topics.yaml").write_text("- key: trade\n  label: Trade\n")
    with pytest.raises(DataError, match="unknown topic 'alliance-partnership'"):
        load_curated(folder)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such folder of curated claims"):
        load_curated(tmp_path / "nowhere")
