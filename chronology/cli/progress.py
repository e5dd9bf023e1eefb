"""A progress bar for the import command, shown only on a terminal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class _Bar:
    """Adapts rich's Progress to the import run's progress protocol."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._task = progress.add_task("import", total=None) if progress is not None else None

    def begin(self, total: int) -> None:
        """Announce the number of documents to load."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, total=total)

    def file(self, name: str) -> None:
        """Announce the file being loaded."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=name)

    def advance(self, n: int) -> None:
        """Count documents loaded."""
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, n)


@contextmanager
def progress_bar(*, enabled: bool) -> Iterator[_Bar]:
    """Yield a progress reporter that draws on stderr when enabled and does nothing otherwise."""
    if not enabled:
        yield _Bar(None)
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _Bar(progress)
