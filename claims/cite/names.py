"""Personal names as citation styles need them: family and given parts, particles kept.

"Isabel van Brugen" is cited "van Brugen, I." (APA 7, 9.8 and 6.14) and "van Brugen,
Isabel" (MLA 9, 5.6): the lower-case particle belongs to the family name. CSL-JSON can
also carry a particle apart ("non-dropping-particle"), but citeproc-py then sorts and
prints it inconsistently across styles (Chicago: "Brugen, Isabel van"), so the particle
is written into ``family``, where every style prints it as the manuals do.
"""

from __future__ import annotations

# Lower-case words that open a family name (Dutch, German, French, Italian, Spanish,
# Portuguese). A particle written with a capital ("Van Buren") is taken as the start of
# the family name too, when it stands before the last word.
PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la",
    "le", "ten", "ter", "zu", "af", "av", "bin", "ibn", "al",
})


def split_name(name: str) -> dict[str, str]:
    """A personal name as CSL family/given parts; "Family, Given" is kept as written.

    >>> split_name("Robert A. Manning")
    {'family': 'Manning', 'given': 'Robert A.'}
    >>> split_name("Cronin, Patrick M.")
    {'family': 'Cronin', 'given': 'Patrick M.'}
    >>> split_name("Plato")
    {'family': 'Plato'}
    >>> split_name("Isabel van Brugen")
    {'family': 'van Brugen', 'given': 'Isabel'}
    >>> split_name("Ludwig van der Rohe")
    {'family': 'van der Rohe', 'given': 'Ludwig'}
    """
    name = " ".join(name.split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given} if given else {"family": family}
    words = name.split(" ")
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in PARTICLES:
        cut -= 1  # the particles before the last word join the family name
    given, family = " ".join(words[:cut]), " ".join(words[cut:])
    return {"family": family, "given": given} if given else {"family": family}
