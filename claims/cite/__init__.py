"""Citing claims and sources.

- ``styles``: the styles ``claims cite`` knows (light: the CLI imports it for ``--help``).
- ``citation``: claims and sources as APA, MLA, Chicago, BibTeX, CSL-JSON or Markdown
  (citeproc-py and bibtexparser, with their known slips repaired).
- ``titlecase``: sentence case for APA titles, proper nouns learned from the document.

This module imports nothing, so that ``claims.cite.styles`` stays light.
"""
