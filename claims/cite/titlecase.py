"""Sentence case for APA titles, with proper nouns learned from the document itself.

APA 7 (6.17) sets the titles of articles, reports and posts in sentence case: only
the first word, the first word after a colon, and proper nouns keep a capital. A
title alone cannot tell "Japan" (a name) from "Relationship" (headline style), but
the document can: a word the text capitalizes in mid-sentence more often than not
is a proper noun. Abbreviations ("U.S.", "SACO") keep their capitals.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# a capitalized word that does not start a sentence: after a lower-case word, comma, etc.
_MID_SENTENCE = re.compile(r"(?<=[a-z0-9,;)’'\"]) ([A-Z][a-z'’]+)\b")


def proper_nouns(text: str) -> set[str]:
    """Lower-cased words that ``text`` capitalizes in mid-sentence more than it lowers them.

    >>> sorted(proper_nouns("Trade with Japan grew. The alliance with Japan held; the alliance"))
    ['japan']
    """
    mid = Counter(match.group(1).lower() for match in _MID_SENTENCE.finditer(text))
    lower = Counter(word for word in _WORD.findall(text) if word.islower())
    return {word for word, count in mid.items() if count > lower[word]}


def _keep_capital(word: str, names: set[str]) -> bool:
    core = word.strip("\"'“”‘’()[],;:!?")
    if not core or not core[0].isupper():
        return True  # nothing to lower
    if "." in core.rstrip(".") or sum(c.isupper() for c in core) > 1:
        return True  # abbreviation or name like "McCain", "U.S."
    bare = core.rstrip(".").lower()
    return bare in names or bare.removesuffix("'s").removesuffix("’s") in names


def sentence_case(title: str, text: str = "") -> str:
    """``title`` in sentence case, keeping the proper nouns of ``text``.

    >>> body = "Japan and the United States. The relationship with Japan is old."
    >>> sentence_case("Time to Redefine the U.S.-Japan Relationship", body)
    'Time to redefine the U.S.-Japan relationship'
    >>> sentence_case("A Tale of Two Cities: Rising Concern in Japan", body)
    'A tale of two cities: Rising concern in Japan'
    """
    names = proper_nouns(text.replace(title, " "))  # the headline itself proves nothing
    out: list[str] = []
    capitalize_next = True
    for token in re.split(r"(\s+)", title):
        if not token or token.isspace():
            out.append(token)
            continue
        parts = token.split("-")
        fixed = []
        for index, part in enumerate(parts):
            if capitalize_next and index == 0:
                fixed.append(part[:1].upper() + part[1:])
            elif _keep_capital(part, names):
                fixed.append(part)
            else:
                fixed.append(part.lower())
        out.append("-".join(fixed))
        capitalize_next = token.endswith((":", "?", "!", "—", "."))
    return "".join(out)
