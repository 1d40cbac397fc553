"""The topic taxonomy (``data/topics.yaml``) and keyword tagging of sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from claims.resources import data_dir
from claims.yamlfile import load_yaml, validate_entries


class TopicSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    description: str | None = None
    keywords: list[str] = Field(default_factory=list)


def load_topics(path: Path | None = None) -> list[TopicSpec]:
    path = path or data_dir() / "topics.yaml"
    return validate_entries(path, load_yaml(path), TopicSpec, "topic")


def _keyword_pattern(keyword: str) -> str:
    """``surplus*`` -> ``surplus\\w*``; other words match whole, at word boundaries."""
    stem = keyword.rstrip("*")
    body = re.escape(stem) + (r"\w*" if keyword.endswith("*") else "")
    return rf"(?<!\w){body}(?!\w)"


@dataclass(frozen=True)
class TopicTagger:
    """Tags text with every topic one of whose keywords it contains (case-insensitive)."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def from_specs(cls, specs: list[TopicSpec]) -> TopicTagger:
        return cls(
            tuple(
                (spec.key, re.compile("|".join(map(_keyword_pattern, spec.keywords)), re.I))
                for spec in specs
                if spec.keywords
            )
        )

    def tag(self, text: str) -> list[str]:
        """Topic keys for ``text``, in taxonomy order.

        >>> TopicTagger.from_specs([TopicSpec(key="trade", label="T", keywords=["surplus*"])]).tag(
        ...     "runs $125-billion surpluses")
        ['trade']
        """
        return [key for key, pattern in self.patterns if pattern.search(text)]


@cache
def default_tagger() -> TopicTagger:
    return TopicTagger.from_specs(load_topics())
