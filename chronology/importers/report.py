"""The account of an import run: per file, what was written and what a human should check."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from chronology.importers.records import ReviewItem, Unparsed

OUTCOMES = ("created", "updated", "unchanged", "matched", "deleted")


def _counts_json(counts: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    return {
        table: {outcome: tally[outcome] for outcome in OUTCOMES if tally[outcome]}
        for table, tally in sorted(counts.items())
    }


def total(counts: dict[str, Counter[str]], outcome: str) -> int:
    """Sum one outcome over every table."""
    return sum(tally[outcome] for tally in counts.values())


@dataclass
class FileReport:
    """One file's import: its format, the outcomes per table, review items, unread parts."""

    path: str
    format: str
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    review: list[ReviewItem] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "path": self.path,
            "format": self.format,
            "error": self.error,
            "seconds": round(self.seconds, 3),
            "counts": _counts_json(self.counts),
            "review": [
                {
                    "line": item.line,
                    "reason": item.reason,
                    "verbatim": item.verbatim,
                    "suggestion": item.suggestion,
                }
                for item in self.review
            ],
            "unparsed": [{"line": part.line, "reason": part.reason, "text": part.text} for part in self.unparsed],
        }


@dataclass
class ImportReport:
    """A whole run: the authority lists' sync, then every file."""

    dry_run: bool = False
    authority: dict[str, Counter[str]] = field(default_factory=dict)
    files: list[FileReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Tell whether every file was imported."""
        return all(f.error is None for f in self.files)

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "dry_run": self.dry_run,
            "authority": _counts_json(self.authority),
            "files": [f.to_json() for f in self.files],
        }

    def summary(self, *, review_lines: int = 10) -> str:
        """Return the report as text for a terminal."""
        lines = []
        if self.dry_run:
            lines.append("dry run: nothing was written")
        synced = ", ".join(
            f"{outcome} {total(self.authority, outcome)}" for outcome in OUTCOMES if total(self.authority, outcome)
        )
        lines.append(f"authority lists: {synced or 'nothing to write'}")
        for report in self.files:
            lines.append(f"{report.path} ({report.format}, {report.seconds:.1f} s)")
            if report.error is not None:
                lines.append(f"  error: {report.error}")
                continue
            for outcome in ("created", "updated", "unchanged", "matched", "deleted"):
                parts = [
                    f"{table} {tally[outcome]}" for table, tally in sorted(report.counts.items()) if tally[outcome]
                ]
                if parts:
                    lines.append(f"  {outcome}: " + ", ".join(parts))
            if not report.counts:
                lines.append("  nothing to write")
            lines.append(f"  {len(report.review)} items to review, {len(report.unparsed)} segments not understood")
            for item in report.review[:review_lines]:
                hint = f" -> {item.suggestion}" if item.suggestion else ""
                lines.append(f"    line {item.line}: {item.reason}: {item.verbatim[:80]!r}{hint}")
            if len(report.review) > review_lines:
                lines.append(f"    ... and {len(report.review) - review_lines} more (see --report)")
            for part in report.unparsed[:review_lines]:
                lines.append(f"    line {part.line} not understood: {part.reason}")
        return "\n".join(lines)
