"""`claims cite` as a user runs it, on the sample corpus."""

from __future__ import annotations

import json

import pytest


def test_cite_claim_apa(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("cite", "c1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "“More than 45,000 U.S. forces are stationed in Japan.” (Cronin, 1996, para. 3)"
    )
    assert result.stdout.splitlines()[-1].startswith("Cronin, P. M. (1996).")


def test_cite_several_claims_mla_lists_each_source_once(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("cite", "m1", "m3", "c1", "--style", "mla")
    lines = result.stdout.splitlines()
    works = lines[lines.index("Works Cited") + 1:]
    assert [line.split(".")[0] for line in works] == ["Manning, Robert A", "Cronin, Patrick M"]


def test_cite_source_bibtex(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("cite", "--source", "cronin-1996", "--style", "bibtex")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("@techreport{cronin1996,\n\tauthor = {Cronin, Patrick M.},")


def test_cite_json(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("cite", "c1", "--style", "csl-json", "--format", "json")
    data = json.loads(result.stdout)
    assert data["style"] == "csl-json"
    assert data["references"][0]["csl"]["type"] == "report"
    assert data["claims"][0]["locator"] == "para. 3"


def test_cite_csl_json_text_is_a_csl_item_list(sample_cli) -> None:  # type: ignore[no-untyped-def]
    items = json.loads(sample_cli("cite", "--source", "manning-1993", "--style",
                                  "csl-json").stdout)
    assert [(i["id"], i["type"]) for i in items] == [("manning-1993", "article-newspaper")]


@pytest.mark.parametrize(("argv", "code", "stderr"), [
    (["cite", "c"], 1,
     "Error: no claim with id 'c' (hint: did you mean c1, c2, c3? "
     "find ids with `claims search WORDS`)\n"),
    (["cite", "--source", "nope"], 1,
     "Error: unknown source 'nope' (hint: sources are: andrews-2017, cronin-1996, "
     "glosserman-2003, manning-1993, new-alliance-2007)\n"),
    (["cite"], 2,
     "Error: nothing to cite (hint: give ID... (claim ids), or --source SLUG)\n"),
    (["cite", "c1", "--source", "cronin-1996"], 2,
     "Error: give claim ids or --source SLUG, not both "
     "(hint: give ID... (claim ids), or --source SLUG)\n"),
], ids=["unknown-id", "unknown-source", "nothing", "both"])
def test_cite_errors(sample_cli, argv, code, stderr) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli(*argv)
    assert (result.exit_code, result.stderr) == (code, stderr)


def test_unknown_style_is_a_usage_error(sample_cli) -> None:  # type: ignore[no-untyped-def]
    result = sample_cli("cite", "c1", "--style", "harvard")
    assert result.exit_code == 2
    assert "'harvard' is not one of" in result.stderr
