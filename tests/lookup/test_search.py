"""claims.search: ranking, filters, hostile input and suggestions, on a small known database.

Runs on SQLite, and on PostgreSQL when CLAIMS_TEST_DATABASE_URL is set (same table).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.errors import UsageError
from claims.search import highlight_spans, search, suggest, terms


def ids(hits):  # type: ignore[no-untyped-def]
    return [hit.claim.id for hit in hits]


# --- ranking -----------------------------------------------------------------

def test_surplus_ranks_the_manning_surplus_figures_first(sample) -> None:  # type: ignore[no-untyped-def]
    hits = search(sample, "surplus")
    assert ids(hits)[:2] == ["m1", "m3"]
    assert set(ids(hits)) == {"m1", "m2", "m3", "a1", "a2"}
    assert [hit.rank for hit in hits] == [1, 2, 3, 4, 5]
    assert hits[0].score is not None and hits[0].score >= hits[-1].score


def test_all_words_must_match(sample) -> None:  # type: ignore[no-untyped-def]
    assert ids(search(sample, "surplus world")) == ["m3"]
    assert ids(search(sample, "surplus Okinawa")) == []


def test_stemmed_words_match(sample) -> None:  # type: ignore[no-untyped-def]
    assert "m3" in ids(search(sample, "surpluses"))
    assert set(ids(search(sample, "stationed forces"))) == {"c1"}


def test_metric_and_subject_are_searched(sample) -> None:  # type: ignore[no-untyped-def]
    # "alliance-support" appears only in c2's metric column, not in any sentence word
    assert ids(search(sample, "support")) == ["c2"]


def test_limit(sample) -> None:  # type: ignore[no-untyped-def]
    assert ids(search(sample, "surplus", limit=2)) == ["m1", "m3"]


@pytest.mark.parametrize("limit", [0, -1, 10_001])
def test_bad_limit_is_a_usage_error(sample, limit: int) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError, match=f"limit must be between 1 and 10000, not {limit}"):
        search(sample, "surplus", limit=limit)


# --- filters -----------------------------------------------------------------

FILTER_CASES = [
    # (filters, expected ids in order) -- no words: document order (source added, offset)
    ({"kind": "money", "min_value": 1e10}, ["m1", "m3", "c3", "a1"]),
    ({"kind": "money", "min_value": 1e10, "max_value": 6e10}, ["m1", "c3"]),
    ({"kind": "count"}, ["c1", "a3"]),
    ({"topic": "forces"}, ["c1", "a3"]),
    ({"topic": "TRADE", "source": "andrews-2017"}, ["a1", "a2"]),
    ({"metric": "us-forces-japan"}, ["c1", "a3"]),
    ({"origin": "curated"}, ["m1", "c1"]),  # "both" counts as curated
    ({"year_from": 1996, "year_to": 1996}, ["c1", "c2", "c3"]),
    ({"year_to": 1992}, ["m1", "m2"]),
    ({"source": "cronin-1996", "kind": "percent"}, ["c2"]),
]


@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES, ids=lambda v: str(v))
def test_filters_alone_list_in_document_order(sample, filters, expected) -> None:  # type: ignore[no-untyped-def]
    assert ids(search(sample, **filters)) == expected, filters


@pytest.mark.parametrize("probe_rows", [1, 3, 4])
@pytest.mark.parametrize(("filters", "expected"), FILTER_CASES, ids=lambda v: str(v))
def test_listing_is_the_same_whatever_the_probe_finds(  # type: ignore[no-untyped-def]
    sample, monkeypatch, filters, expected, probe_rows: int
) -> None:
    # a probe of the first few claims either fills the page or falls back to the indexes
    import claims.db.search_sql

    monkeypatch.setattr(claims.db.search_sql, "PROBE_ROWS", probe_rows)
    assert ids(search(sample, **filters)) == expected, filters
    assert ids(search(sample, **filters, limit=1)) == expected[:1], filters


def test_ranking_window_keeps_the_newest_matches(sample, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a1 and a2 are the two most recently added claims with "surplus"
    import claims.db.search_sql

    monkeypatch.setattr(claims.db.search_sql, "RANK_WINDOW", 2)
    assert sorted(ids(search(sample, "surplus", limit=2))) == ["a1", "a2"]
    # never fewer results than asked for: the window grows to the limit
    assert len(search(sample, "surplus", limit=5)) == 5
    # with filters, a window that cannot fill the page falls back to every match
    assert ids(search(sample, "surplus", kind="money", limit=3)) == ["m1", "m3", "a1"]
    # ... and a window that fills it is used: a1 is the best money claim of a2, a1
    assert ids(search(sample, "surplus", kind="money", limit=1)) == ["a1"]


def test_words_and_filters_combine(sample) -> None:  # type: ignore[no-untyped-def]
    assert ids(search(sample, "surplus", kind="money", min_value=1e11)) == ["m3"]
    assert ids(search(sample, "Japan", topic="forces", year_from=2000)) == ["a3"]
    assert ids(search(sample, "surplus", kind="money")) == ["m1", "m3", "a1"]


def test_no_words_no_filters_lists_everything_in_document_order(sample) -> None:  # type: ignore[no-untyped-def]
    assert ids(search(sample)) == ["m1", "m2", "m3", "c1", "c2", "c3", "a1", "a2", "a3"]


# --- hostile input -----------------------------------------------------------

# (what a person might type, ids that must be found; None = anything, as long as no error)
HOSTILE = [
    ('"surplus', ["m1", "m3", "m2", "a2", "a1"]),  # unbalanced double quote
    ('"surplus"', ["m1", "m3", "m2", "a2", "a1"]),  # a quoted phrase is just the word
    ("surplus*", ["m1", "m3", "m2", "a2", "a1"]),  # FTS prefix operator
    ("-surplus", ["m1", "m3", "m2", "a2", "a1"]),  # FTS/websearch NOT
    ("surplus:", ["m1", "m3", "m2", "a2", "a1"]),  # column filter syntax
    ("sentence:surplus", []),  # "sentence" is a word here, and no sentence has it
    ("(surplus", ["m1", "m3", "m2", "a2", "a1"]),
    ("surplus)", ["m1", "m3", "m2", "a2", "a1"]),
    ("surplus AND", ["m1", "m3", "m2", "a2", "a1"]),  # "and" is a stop word, as on PostgreSQL
    ("surplus NEAR", []),  # "near" is a word that must match: no claim has both
    ("AND", None),
    ("OR", None),
    ("NOT", None),
    ("NEAR", None),
    ("NEAR(surplus world)", []),  # "near" is a plain word too
    ("surplus OR forces", []),
    ("'", []),  # a lone apostrophe: no words at all
    ("Japan's", None),
    ("'; DROP TABLE claim; --", []),
    ("^surplus", ["m1", "m3", "m2", "a2", "a1"]),  # FTS5 initial-token operator
    ("surplus + world", ["m3"]),
    ("{surplus}", ["m1", "m3", "m2", "a2", "a1"]),
    ("\\", []),
    ("%", []),
    ("_", []),
    ("🇯🇵 surplus 💴", ["m1", "m3", "m2", "a2", "a1"]),  # emoji are dropped
    ("💴", []),
    ("", ["m1", "m2", "m3", "c1", "c2", "c3", "a1", "a2", "a3"]),  # no words: filters only
    ("   ", ["m1", "m2", "m3", "c1", "c2", "c3", "a1", "a2", "a3"]),
    ("surplus " * 500, ["m1", "m3", "m2", "a2", "a1"]),  # very long, repeated
    ("x" * 5000, []),  # one very long word
    (" ".join(f"w{i}" for i in range(200)), []),  # very many words
    ("\x00surplus", ["m1", "m3", "m2", "a2", "a1"]),  # NUL byte
    ("Ｓｕｒｐｌｕｓ", None),  # full-width letters
]


@pytest.mark.parametrize(("words", "expected"), HOSTILE, ids=lambda v: repr(v)[:40])
def test_hostile_strings_are_plain_words(sample, words, expected) -> None:  # type: ignore[no-untyped-def]
    hits = search(sample, words)
    if expected is not None:
        assert sorted(ids(hits)) == sorted(expected), repr(words)
    # and the same input with filters goes through the joined query path
    filtered = search(sample, words, kind="money", year_from=1900)
    assert set(ids(filtered)) <= set(ids(search(sample, words, limit=100))), repr(words)


def test_terms_turn_syntax_into_words() -> None:
    assert terms('title:"Japan" AND (surplus* OR -deficit) NEAR/3') == [
        "title", "japan", "surplus", "deficit", "near", "3"
    ]
    assert terms("AND OR NOT") == ["and", "or", "not"]  # only stop words: kept
    assert terms("") == [] and terms(None) == []
    assert len(terms(" ".join(f"w{i}" for i in range(100)))) == 16
    assert terms("x" * 100) == ["x" * 64]


# --- highlights and suggestions ----------------------------------------------

def test_stop_words_do_not_block_a_match(sample) -> None:  # type: ignore[no-untyped-def]
    assert ids(search(sample, "the surplus with the world")) == ["m3"]
    assert ids(search(sample, "surplus AND world")) == ["m3"]


def test_stop_words_are_those_postgresql_ignores(requires_postgres) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine, text

    from claims.search import STOP_WORDS

    engine = create_engine(requires_postgres)
    with engine.connect() as connection:
        kept = [word for word in sorted(STOP_WORDS) if connection.execute(
            text("SELECT to_tsvector('english', :w) <> ''::tsvector"), {"w": word}).scalar()]
    engine.dispose()
    assert kept == []


def test_hits_carry_highlight_spans_of_matched_words(sample) -> None:  # type: ignore[no-untyped-def]
    hit = search(sample, "surplus world")[0]
    sentence = hit.claim.sentence
    assert [sentence[a:b] for a, b in hit.sentence_highlights] == ["surpluses", "world"]


def test_highlight_spans_ignore_short_partial_matches() -> None:
    assert highlight_spans("U.S. forces in Japan", ["u", "in"]) == [(0, 1), (12, 14)]


def test_to_dict_has_the_contract_keys_plus_rank(sample) -> None:  # type: ignore[no-untyped-def]
    data = search(sample, "surplus")[0].to_dict()
    contract = {"id", "source", "origin", "kind", "surface", "value", "value_max", "unit",
                "qualifier", "subject", "metric", "as_of", "sentence", "topics", "start", "end"}
    assert contract <= set(data)
    assert (data["id"], data["source"], data["value"], data["topics"], data["rank"]) == (
        "m1", "manning-1993", 49e9, ["trade"], 1
    )
    assert data["highlights"] == [[24, 31]]


def test_suggest_nearest_topics_metrics_and_words(sample) -> None:  # type: ignore[no-untyped-def]
    found = suggest(sample, "surplsu", topic="trde")
    assert found.topics[0] == "trade"
    assert "trade-surplus" in found.metrics
    assert found.words  # stemmed index words close to the misspelling
    assert found.to_text().startswith("try `topic=trade`")


def test_suggest_a_metric_from_one_of_its_words(sample) -> None:  # type: ignore[no-untyped-def]
    assert suggest(sample, "deficit").metrics[0] == "trade-deficit"


def test_suggest_a_source(sample) -> None:  # type: ignore[no-untyped-def]
    assert suggest(sample, source="cronin-1969").sources[0] == "cronin-1996"


def test_nothing_to_suggest_for_noise(sample) -> None:  # type: ignore[no-untyped-def]
    found = suggest(sample, "qqqqqqqq")
    assert not found and found.to_text() == ""


EXCERPT_CASES = [
    # (sentence, surface, width, expected text) -- why
    ("short sentence with 45,000 troops", "45,000", 140,
     "short sentence with 45,000 troops"),  # fits: kept whole
    ("one two three $49-billion four five six", "$49-billion", 20,
     "…three $49-billion four…"),  # cut both sides, at word boundaries
    ("$49-billion was the surplus in the year nineteen ninety-two", "$49-billion", 20,
     "$49-billion was the surplus…"),  # figure at the start: no leading ellipsis
    ("a b c d e f g h i j k l m n o p q r s t u v w x y z 1992", "1992", 10,
     "…x y z 1992"),  # figure at the end; the window widens to whole words
    ("figure missing from this long sentence entirely, oddly", "999", 20,
     "figure missing from this…"),  # surface not found: the start of the sentence
]


@pytest.mark.parametrize(("sentence", "surface", "width", "expected"), EXCERPT_CASES,
                         ids=[c[3] for c in EXCERPT_CASES])
def test_excerpt_centres_on_the_figure(sentence, surface, width, expected) -> None:  # type: ignore[no-untyped-def]
    from claims.search import excerpt

    part = excerpt(sentence, surface, [], width=width)
    assert part.text == expected
    if surface in expected:
        assert part.text[part.figure[0]:part.figure[1]] == surface
    else:
        assert part.figure is None


def test_excerpt_keeps_match_spans_inside_the_window(sample) -> None:  # type: ignore[no-untyped-def]
    hit = search(sample, "surplus world")[0]
    whole = hit.excerpt()
    assert [whole.text[a:b] for a, b in whole.matches] == ["surpluses", "world"]
    part = hit.excerpt(width=30)  # "…now runs $125-billion surpluses…": "world" is cut off
    assert [part.text[a:b] for a, b in part.matches] == ["surpluses"]
    assert part.text[part.figure[0]:part.figure[1]] == "$125-billion"


# --- plain numbers and synonyms (issue 16) ----------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    ("45000", ["c1"]),  # the index holds "45,000" as the words 45 and 000
    ("45,000", ["c1"]),
    ("54000 troops", ["a3"]),
    ("4500", []),  # a phrase of 4 and 500: not the start of 45,000
    ("troops", ["a3", "c1"]),  # data/synonyms.txt: troops, forces, ...
    ("forces", ["a3", "c1"]),
    ("defence", ["c3"]),
    ("troops stationed", ["c1"]),  # every group is still required
], ids=str)
def test_plain_numbers_and_synonyms_find_claims(sample, words: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(ids(search(sample, words))) == expected


def test_a_synonym_is_highlighted(sample) -> None:  # type: ignore[no-untyped-def]
    hit = search(sample, "troops stationed")[0]
    sentence = hit.claim.sentence
    assert [sentence[a:b] for a, b in hit.sentence_highlights] == ["forces", "stationed"]
    hit = search(sample, "45000")[0]
    assert [hit.claim.sentence[a:b] for a, b in hit.sentence_highlights] == ["45", "000"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
       | st.from_regex(r"[0-9]{1,12}( troops| forces)?", fullmatch=True))
def test_any_words_make_a_query_both_databases_accept(sample, words: str) -> None:  # type: ignore[no-untyped-def]
    # numbers' written forms and synonyms are FTS5 / to_tsquery syntax built from words
    hits = search(sample, words)
    assert all(hit.claim.id for hit in hits)


def test_a_broken_synonym_table_names_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claims.errors import DataError
    from claims.synonyms import load_synonyms

    table = tmp_path / "synonyms.txt"
    table.write_text("# comment\ntroops, forces\nU.S., america\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"synonyms.txt:3: 'U.S.' is not a lower-case word"):
        load_synonyms(table)
    table.write_text("troops, forces, armed forces\n", encoding="utf-8")
    assert load_synonyms(table)["troops"] == (("forces",), ("armed", "forces"))
