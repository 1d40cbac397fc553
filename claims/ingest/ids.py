"""Stable ids. A claim's id survives rebuilds: it hangs on what the claim says and where
it stands in its sentence, not on row order or on offsets that an edit elsewhere in the
document would shift."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def extracted_claim_id(slug: str, kind: str, sentence: str, surface: str, occurrence: int) -> str:
    """``x-`` + 12 hex digits from the source slug, kind, sentence, surface and occurrence.

    >>> extracted_claim_id("manning-1993", "money", "a  $49-billion surplus", "$49-billion", 0)
    'x-0285c681ad65'
    """
    folded = " ".join(sentence.split())
    return "x-" + _digest(slug, kind, folded, surface, str(occurrence))[:12]


def slugify(text: str, max_length: int = 48) -> str:
    """A lower-case, hyphenated slug.

    >>> slugify("Tokyo and Washington face critical alliance challenge!")
    'tokyo-and-washington-face-critical-alliance'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "document"
