"""The benchmark at scale 1 (10,000 documents), as CI runs it: the API and the SQL baseline agree."""

from __future__ import annotations

import psycopg
import pytest

from chronology.app import app_from_environment
from chronology.bench.classes import CLASSES
from chronology.bench.generate import libpq_url, load
from chronology.bench.run import run_benchmark
from chronology.bench.samples import draw_samples


@pytest.fixture
def bench_database(fresh_database: str) -> str:
    """Return a migrated database loaded with the dataset at scale 1 (10,000 documents)."""
    report = load(fresh_database, 1)
    assert report.rows["documents"] == 10_000
    return fresh_database


def test_load_registers_every_record_and_builds_the_indexes(bench_database: str) -> None:
    with psycopg.connect(libpq_url(bench_database)) as connection:
        kinds: dict[str, int] = dict(connection.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())
        hubs = connection.execute(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM relations GROUP BY target_id) cited"
        ).fetchone()
        indexes = {name for (name,) in connection.execute("SELECT indexname FROM pg_indexes")}
        audit = connection.execute("SELECT count(*) FROM audit_log").fetchone()
    assert kinds["document"] == 10_000
    assert kinds["vote"] > 0
    assert hubs is not None
    assert hubs[0] >= 20  # a decree cited by many
    assert {"ix_documents_search", "ix_documents_date_span", "ix_relations_target_type"} <= indexes
    assert audit == (0,)  # bulk loads bypass the audit trail on purpose


def test_every_class_agrees_with_its_sql_baseline_over_http(bench_database: str) -> None:
    samples = draw_samples(libpq_url(bench_database), 20)
    report = run_benchmark(bench_database, 1, samples, api=app_from_environment, requests=4, checks=3, budget=10.0)
    assert [r.query_class.name for r in report.results] == [c.name for c in CLASSES]
    for result in report.results:
        assert result.checked == 3, result.query_class.name
        assert result.mismatches == [], result.query_class.name
        assert result.errors == [], result.query_class.name
        assert result.figures["api", 8].requests > 0
    assert report.rss_mb > 0
