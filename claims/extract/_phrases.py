"""Fast lookup of many literal phrases at word starts (topics, metric heads, actors).

Python's ``re`` tries every branch of a big alternation at every position, which costs
about 2 microseconds per character for a hundred keywords. ``PhraseIndex`` instead visits
word starts only and checks the few phrases that begin with the same two characters.
Semantics match ``(?<!\\w)phrase(?!\\w)`` (and ``(?<!\\w)stem\\w*`` for ``stem*``), with
case folding by ``str.lower`` when ``fold`` is true.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar

V = TypeVar("V")

_WORD_START = re.compile(r"(?<!\w)\w")
_WORD_TAIL = re.compile(r"\w*")
_WORD_CHAR = re.compile(r"\w")


class PhraseIndex(Generic[V]):
    """Phrases (a trailing ``*`` matches any word ending) -> values.

    >>> idx = PhraseIndex([("surplus*", "trade"), ("u.s. forces", "forces")])
    >>> [(s, e, v) for s, e, v in idx.find("Runs surpluses; U.S. forces stay")]
    [(5, 14, 'trade'), (16, 27, 'forces')]
    """

    def __init__(self, entries: Iterable[tuple[str, V]], fold: bool = True) -> None:
        self.fold = fold
        self.by_head: dict[str, list[tuple[str, bool, V]]] = {}
        self.short: list[tuple[str, bool, V]] = []  # one-character phrases
        for phrase, value in entries:
            starred = phrase.endswith("*")
            stem = phrase.rstrip("*")
            if fold:
                stem = stem.lower()
            if not stem or not _WORD_CHAR.match(stem):
                raise ValueError(f"phrase {phrase!r} must start with a letter or digit")
            if len(stem) < 2:
                self.short.append((stem, starred, value))
            else:
                self.by_head.setdefault(stem[:2], []).append((stem, starred, value))
        for items in self.by_head.values():
            items.sort(key=lambda item: -len(item[0]))
        # word starts where some phrase may begin (zero-width, so overlapping starts count)
        from claims.extract._patterns import trie_regex

        heads = [stem for items in (*self.by_head.values(), self.short) for stem, _, _ in items]
        self.starts = re.compile(r"\b(?=" + trie_regex(heads) + ")") if heads else _WORD_START

    def find(self, text: str) -> list[tuple[int, int, V]]:
        """Every (start, end, value) of a phrase in ``text``, in order of start; several
        phrases may match at one start ("trade" and "trade agreement")."""
        low = text.lower() if self.fold else text
        if len(low) != len(text):  # a character whose lower case is longer: go slow
            return self._find_slow(text)
        out: list[tuple[int, int, V]] = []
        by_head = self.by_head
        for m in self.starts.finditer(low):
            p = m.start()
            items = by_head.get(low[p:p + 2])
            if self.short:
                items = [*(items or ()), *self.short]
            if not items:
                continue
            for stem, starred, value in items:
                if not low.startswith(stem, p):
                    continue
                e = p + len(stem)
                if starred:
                    tail = _WORD_TAIL.match(low, e)
                    e = tail.end() if tail else e
                elif _WORD_CHAR.match(low, e):
                    continue
                out.append((p, e, value))
        return out

    def _find_slow(self, text: str) -> list[tuple[int, int, V]]:
        out: list[tuple[int, int, V]] = []
        for items in (*self.by_head.values(), self.short):
            for stem, starred, value in items:
                body = re.escape(stem) + (r"\w*" if starred else r"(?!\w)")
                flags = re.IGNORECASE if self.fold else 0
                for m in re.finditer(r"(?<!\w)" + body, text, flags):
                    out.append((m.start(), m.end(), value))
        out.sort(key=lambda item: item[0])
        return out
