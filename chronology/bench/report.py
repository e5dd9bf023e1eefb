"""The benchmark's figures as Markdown, checked against the targets."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from chronology.bench.run import BenchReport, ClassResult

# p95 ceilings (ms, one client) by class, from the issue.
P95_TARGETS = {"chain": 20.0, "timeline": 50.0, "histogram": 50.0, "page": 30.0}
RSS_TARGET_MB = 500.0


def machine() -> str:
    """Describe the machine: CPU model, cores, memory, load."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for entry in cpuinfo.read_text().splitlines():
            if entry.startswith("model name"):
                model = entry.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total = int(meminfo.read_text().split()[1])
        memory = f", {total / 1024 / 1024:.0f} GB RAM"
    load = ", load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    return f"{model}, {os.cpu_count()} cores{memory}{load}; {platform.system()} {platform.release()}"


def commit() -> str:
    """Return the commit the code is at, with a mark when the tree has changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' + uncommitted changes' if dirty else ''}"


def verdicts(result: ClassResult) -> list[str]:
    """Return the targets a class misses (empty: it meets them all)."""
    missed: list[str] = []
    figures = result.figures
    for concurrency in (1, 8):
        api, sql = figures.get(("api", concurrency)), figures.get(("sql", concurrency))
        if api is None or sql is None:
            continue
        if api.p50 > 2 * sql.p50:
            missed.append(f"p50 {api.p50 / sql.p50:.1f}× SQL at {concurrency}")
        if api.rps < sql.rps / 2:
            missed.append(f"throughput {api.rps / sql.rps:.2f}× SQL at {concurrency}")
    ceiling = P95_TARGETS.get(result.query_class.name)
    single = figures.get(("api", 1))
    if ceiling is not None and single is not None and single.p95 > ceiling:
        missed.append(f"p95 {single.p95:.0f} ms > {ceiling:.0f} ms")
    if result.mismatches:
        missed.append(f"{len(result.mismatches)} answers differ")
    return missed


def _plural(count: int) -> str:
    return "" if count == 1 else "s"


def render(report: BenchReport, explains: dict[str, dict[str, Any]] | None = None) -> str:
    """Return the run as Markdown: machine, scale, commit, the table, and the plans."""
    lines = [
        f"### Scale {report.scale:g} ({report.scale * 10_000:,.0f} documents)",
        "",
        f"- machine: {machine()}",
        f"- commit: {commit()}",
        f"- API server RSS after the run: {report.rss_mb:.0f} MB (target < {RSS_TARGET_MB:.0f} MB)",
        "",
        "| class | API p50/p95/p99 ms (1 client) | SQL p50/p95/p99 ms | API req/s 1 · 8 | SQL req/s 1 · 8 "
        "| p50 ratio | req/s ratio 1 · 8 | agree | targets |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in report.results:
        f = result.figures
        api1, sql1, api8, sql8 = f["api", 1], f["sql", 1], f["api", 8], f["sql", 8]
        missed = verdicts(result)
        lines.append(
            f"| {result.query_class.title} | {api1.p50:.1f} / {api1.p95:.1f} / {api1.p99:.1f} "
            f"| {sql1.p50:.1f} / {sql1.p95:.1f} / {sql1.p99:.1f} | {api1.rps:.0f} · {api8.rps:.0f} "
            f"| {sql1.rps:.0f} · {sql8.rps:.0f} | {api1.p50 / sql1.p50:.1f}× "
            f"| {api1.rps / sql1.rps:.2f} · {api8.rps / sql8.rps:.2f} "
            f"| {result.checked - len(result.mismatches)}/{result.checked} "
            f"| {'met' if not missed else 'MISSED: ' + '; '.join(missed)} |"
        )
    differing = [f"{r.query_class.title}: {m}" for r in report.results for m in r.mismatches]
    if differing:
        lines += ["", "Answers that differed:", "", *(f"- {d}" for d in differing)]
    errors = [e for r in report.results for e in r.errors]
    if errors:
        lines += ["", "Errors seen while timing:", "", *(f"- {e}" for e in errors[:10])]
    for name, found in (explains or {}).items():
        lines += [
            "",
            f"#### EXPLAIN: {name} — the API ran {found['statements']} statement{_plural(found['statements'])} "
            f"({found['statement_ms']:.1f} ms in the database); its slowest:",
            "",
            "```",
            *found["api_plan"],
            "```",
            "",
            "The hand-written statement:",
            "",
            "```",
            *found["baseline_plan"],
            "```",
        ]
    return "\n".join(lines) + "\n"
