"""Search's synonym table (``data/synonyms.txt``): domain words that find each other.

``claims search troops`` also finds the claim about U.S. *forces*. The table is plain
text, one group a line, because ``claims search`` reads it on its quick path, where
importing PyYAML would cost more than the query (see docs/lookup.md, "Speed").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from claims.errors import DataError

FILENAME = "synonyms.txt"


def synonym_file() -> Path:
    """``synonyms.txt`` of the data folder in use, else the bundled one."""
    from claims.resources import bundled_dir, data_dir

    path = data_dir() / FILENAME
    return path if path.is_file() else bundled_dir("data") / FILENAME


def synonyms_of(word: str) -> tuple[tuple[str, ...], ...]:
    """The other members of ``word``'s group, each a phrase (a tuple of words).

    >>> synonyms_of("troops")[:2]
    (('forces',), ('soldiers',))
    >>> synonyms_of("america")[-1]
    ('united', 'states')
    >>> synonyms_of("surplusage")
    ()
    """
    return load_synonyms(synonym_file()).get(word, ())


@lru_cache(maxsize=4)
def load_synonyms(path: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each single word of the table, mapped to the other members of its group."""
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    if not path.is_file():
        return table
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        group = [tuple(member.split()) for member in text.split(",")]
        for member in group:
            if not member or not all(word.isalnum() and word == word.lower() for word in member):
                raise DataError(f"{path}:{number}: {' '.join(member)!r} is not a lower-case "
                                "word or phrase", hint=f"fix line {number} of {path.name}")
        for member in group:
            if len(member) == 1:
                table[member[0]] = tuple(other for other in group if other != member)
    return table
