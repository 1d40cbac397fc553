"""A rich progress bar behind the library's plain ``report(done, total, label)`` callback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

ProgressCallback = Callable[[int, int, str], None]


@contextmanager
def rich_progress(description: str = "Building", rate: bool = False
                  ) -> Iterator[ProgressCallback]:
    """Yield a callback that drives one bar on stderr; silent when stderr is not a terminal.
    ``rate``: show documents per second and the time left."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from cli.output import stderr_console

    console = stderr_console()
    if not console.is_terminal:
        yield lambda done, total, label: None
        return
    speed = [TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn()] if rate else []
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), *speed,
        TextColumn("{task.fields[label]}"), console=console, transient=True,
    ) as progress:
        task: Any = progress.add_task(description, total=None, label="", rate="-")

        def report(done: int, total: int, label: str) -> None:
            progress.update(task, completed=done, total=total, label=label)
            per_second = progress.tasks[0].speed
            progress.update(task, rate="-" if per_second is None else f"{per_second:,.1f}")

        yield report
