"""Reading hand-edited YAML files with errors that name the file, the entry and the field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from claims.errors import DataError, plain_validation_message

Model = TypeVar("Model", bound=BaseModel)


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that records each mapping's line number under the key ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path) -> Any:
    """Parse ``path``; a syntax error becomes a DataError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text", hint="save the file as UTF-8") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(
            f"{path}{where}: invalid YAML ({problem})", hint="fix the syntax at that line"
        ) from None


def validate_entries(path: Path, raw: Any, model: type[Model], label: str) -> list[Model]:
    """Validate a YAML list of mappings against ``model``.

    The first error names the file, the line, the entry (its ``id``/``slug``/``key``)
    and the field, e.g. ``data/sources.yaml:31: source 'cronin-1996': date: ...``.
    """
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DataError(f"{path}: expected a list of {label} entries at the top level")
    entries: list[Model] = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise DataError(f"{path}: {label} #{index} is not a mapping")
        line = item.pop("__line__", None)
        name = item.get("id") or item.get("slug") or item.get("key") or f"#{index}"
        try:
            entries.append(model.model_validate(_strip_lines(item)))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(part) for part in first["loc"]) or "(entry)"
            where = f"{path}:{line}" if line else str(path)
            raise DataError(
                f"{where}: {label} {name!r}: {field}: {plain_validation_message(first['msg'])}",
                hint=f"fix the {label} entry in {path.name}",
            ) from None
    return entries


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value
