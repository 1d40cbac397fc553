"""Imported by the worker pool's fork server: the extractor's modules and lazy tables
(topics, metrics, phrase tables) are loaded once there, so every forked worker starts
ready instead of paying about half a second each (``claims.ingest.pipeline``)."""

from __future__ import annotations

from claims.extract import extract

extract("In 1992 the surplus was $49 billion, about 5 percent of trade.", date="2000")
