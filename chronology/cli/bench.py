"""The `chronology bench` commands: generate the dataset, run the benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

bench_app = typer.Typer(help="Benchmark the API against hand-written SQL on synthetic data.", no_args_is_help=True)

Scale = Annotated[float, typer.Option(help="Thousands of documents ÷ 10: 1 is 10,000, 100 is a million.")]


def _server_url() -> str:
    from chronology.settings import Settings
    from chronology.storage.engine import database_url

    return database_url(Settings.from_environment(), database="postgres")


@bench_app.command("generate")
def generate(scale: Scale = 1.0) -> None:
    """Create chronology_bench_<scale> and load the synthetic dataset with COPY."""
    from chronology.bench.generate import generate as load

    report = load(_server_url(), scale)
    phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.seconds.items())
    typer.echo(f"{report.database}: {report.total_rows:,} rows ({report.records:,} records) in {phases}")
    typer.echo(f"load throughput: {report.throughput():,.0f} rows/s")
    for table, count in report.rows.items():
        typer.echo(f"  {table:22} {count:>10,}")


@bench_app.command("run")
def run(
    scale: Scale = 1.0,
    requests: Annotated[int, typer.Option(help="Requests per class, server and concurrency.")] = 100,
    checks: Annotated[int, typer.Option(help="Argument sets on which the answers are compared.")] = 5,
    budget: Annotated[float, typer.Option(help="Seconds at most per class, server and concurrency.")] = 20.0,
    only: Annotated[list[str] | None, typer.Option(help="Only this class (repeatable).")] = None,
    explain: Annotated[int, typer.Option(help="EXPLAIN the API's slowest statement of the N slowest classes.")] = 3,
    out: Annotated[Path | None, typer.Option(help="Also write the Markdown report here.")] = None,
) -> None:
    """Start the API and the SQL baseline on loopback, time every class, check the answers agree."""
    from sqlalchemy.engine import make_url
    from starlette.applications import Starlette

    from chronology.app import app_from_environment, create_app
    from chronology.bench.explain import explain_class
    from chronology.bench.generate import database_name, libpq_url
    from chronology.bench.report import render
    from chronology.bench.run import run_benchmark
    from chronology.bench.samples import draw_samples
    from chronology.settings import Settings

    def service(database_url: str) -> Starlette:
        # EXPLAIN the statements of the service as production configures it, as the timed server is.
        return create_app(Settings(environment="production"), database_url=database_url)

    url = make_url(_server_url()).set(database=database_name(scale)).render_as_string(hide_password=False)
    samples = draw_samples(libpq_url(url))
    report = run_benchmark(
        url,
        scale,
        samples,
        api=app_from_environment,
        requests=requests,
        checks=checks,
        budget=budget,
        only=tuple(only or ()),
    )
    slowest = sorted(report.results, key=lambda r: r.figures["api", 1].p50, reverse=True)[:explain]
    explains = {r.query_class.title: explain_class(r.query_class, service, url, samples) for r in slowest}
    text = render(report, explains)
    typer.echo(text)
    if out is not None:
        out.write_text(text, encoding="utf-8")
    if any(r.mismatches for r in report.results):
        typer.echo("the API and the SQL baseline disagree", err=True)
        raise typer.Exit(1)
