"""Small HTML helpers for the templates: text with spans marked, numbers, ids."""

from __future__ import annotations

from html import escape

from markupsafe import Markup


def marked(text: str, figure: tuple[int, int] | list[int] | None = None,
           matches: list[tuple[int, int]] | list[list[int]] | None = None) -> Markup:
    """``text`` escaped, the figure's span in ``<strong class="figure">`` and the matched
    words in ``<mark>`` (spans may overlap: each character takes every style it falls in).

    >>> str(marked("a $5 <b>", (2, 4), [(0, 1)]))
    '<mark>a</mark> <strong class="figure">$5</strong> &lt;b&gt;'
    """
    styles = [0] * len(text)
    if figure:
        for i in range(max(0, figure[0]), min(len(text), figure[1])):
            styles[i] |= 1
    for start, end in matches or []:
        for i in range(max(0, start), min(len(text), end)):
            styles[i] |= 2
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and styles[j] == styles[i]:
            j += 1
        run = escape(text[i:j], quote=False)
        if styles[i] & 2:
            run = f"<mark>{run}</mark>"
        if styles[i] & 1:
            run = f'<strong class="figure">{run}</strong>'
        out.append(run)
        i = j
    return Markup("".join(out))


def number(value: float | None) -> str:
    """A figure's value as a person reads it.

    >>> number(45000.0), number(0.2), number(None)
    ('45,000', '0.2', '')
    """
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) and abs(value) < 1e15 else f"{value:,.4g}"
