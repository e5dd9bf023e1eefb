"""Run the query classes over HTTP against the real server and the SQL baseline; check they agree."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx2
from starlette.applications import Starlette

from chronology.bench.baseline import baseline_app
from chronology.bench.classes import CLASSES, QueryClass
from chronology.bench.samples import Samples

CONCURRENCY = (1, 8)
# Requests per connection sent before timing: psycopg prepares a statement on its fifth use and
# PostgreSQL settles on a cached plan after five more, per connection, for either server.
WARMUP = 10
STARTUP_SECONDS = 60


@dataclass(frozen=True)
class Figures:
    """Latency percentiles (ms) and throughput of one class on one server at one concurrency."""

    p50: float
    p95: float
    p99: float
    rps: float
    requests: int

    @classmethod
    def of(cls, latencies: list[float], elapsed: float) -> Figures:
        """Summarise latencies in seconds measured over ELAPSED seconds."""
        ordered = sorted(latencies)

        def at(share: float) -> float:
            return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

        return cls(at(0.50), at(0.95), at(0.99), len(ordered) / elapsed, len(ordered))


@dataclass
class ClassResult:
    """What one class measured: per server and concurrency, and whether the answers agreed."""

    query_class: QueryClass
    figures: dict[tuple[str, int], Figures] = field(default_factory=dict)
    checked: int = 0
    mismatches: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    """Return a port on the loopback interface that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def server(factory: Callable[[], Starlette], database_url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `uvicorn --factory` on FACTORY, a module-level function, on loopback; yield its URL and process."""
    port = free_port()
    env = {**os.environ, "CHRONOLOGY_DATABASE_URL": database_url, "CHRONOLOGY_ENV": "production"}
    command = [
        sys.executable, "-m", "uvicorn", "--factory", f"{factory.__module__}:{factory.__qualname__}",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env)  # noqa: S603 - our own interpreter and arguments
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{factory.__name__} exited with {process.returncode}")
            try:
                if httpx2.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx2.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{factory.__name__} did not start within {STARTUP_SECONDS} s")
            time.sleep(0.2)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def rss_mb(process: subprocess.Popen[bytes]) -> float:
    """Return the resident memory of PROCESS in MB, from /proc."""
    with open(f"/proc/{process.pid}/status", encoding="ascii") as status:
        for entry in status:
            if entry.startswith("VmRSS:"):
                return int(entry.split()[1]) / 1024
    return 0.0


def _request(query_class: QueryClass, target: str, arguments: tuple[dict[str, Any], dict[str, Any]]) -> tuple[str, Any]:
    graphql, sql = arguments
    if target == "api":
        return "/graphql", {"query": query_class.graphql, "variables": graphql}
    return f"/sql/{query_class.name}", sql


async def _measure(
    client: httpx2.AsyncClient, requests: list[tuple[str, Any]], concurrency: int, budget: float
) -> tuple[list[float], float, list[str]]:
    """Send REQUESTS from CONCURRENCY workers, stopping early after BUDGET seconds."""
    queue = list(reversed(requests))
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()

    async def worker() -> None:
        while queue and time.perf_counter() - started < budget:
            path, body = queue.pop()
            sent = time.perf_counter()
            response = await client.post(path, json=body)
            latencies.append(time.perf_counter() - sent)
            if response.status_code != 200 or b'"errors"' in response.content[:200]:
                errors.append(response.text[:300])

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started, errors


def _agree(query_class: QueryClass, api: Any, sql: Any) -> str | None:
    if "errors" in api or "data" not in api:
        return f"API error: {json.dumps(api)[:300]}"
    left, right = query_class.normalise(api["data"]), query_class.normalise(sql["data"])
    if left == right:
        return None
    api_text, sql_text = json.dumps(left), json.dumps(right)
    # Where they part: long answers often agree for thousands of characters first.
    at = next((i for i, (a, b) in enumerate(zip(api_text, sql_text, strict=False)) if a != b), 0)
    start = max(at - 150, 0)
    return f"from character {at}: API …{api_text[start : at + 250]} … SQL …{sql_text[start : at + 250]}"


async def run_class(
    query_class: QueryClass,
    urls: dict[str, str],
    samples: Samples,
    *,
    requests: int,
    checks: int,
    budget: float,
) -> ClassResult:
    """Check the answers agree on CHECKS argument sets, then time both servers at each concurrency."""
    result = ClassResult(query_class)
    rng = random.Random(f"bench:{query_class.name}")  # noqa: S311
    arguments = [query_class.draw(rng, samples) for _ in range(requests)]
    timeout = httpx2.Timeout(60.0)
    limits = httpx2.Limits(max_connections=max(CONCURRENCY))
    async with (
        httpx2.AsyncClient(base_url=urls["api"], timeout=timeout, limits=limits) as api,
        httpx2.AsyncClient(base_url=urls["sql"], timeout=timeout, limits=limits) as sql,
    ):
        clients = {"api": api, "sql": sql}
        for argument in arguments[:checks]:
            answers = []
            for target, client in clients.items():
                path, body = _request(query_class, target, argument)
                answers.append((await client.post(path, json=body)).json())
            result.checked += 1
            mismatch = _agree(query_class, *answers)
            if mismatch:
                result.mismatches.append(mismatch)
        # Both servers read the same rows for the same arguments: whichever went first would pay
        # for reading them into memory and the other would find them cached. So every argument is
        # sent to both before either is timed, and each server's connections are warmed too.
        for target, client in clients.items():
            await _measure(client, [_request(query_class, target, a) for a in arguments], max(CONCURRENCY), budget)
        for target, client in clients.items():
            bodies = [_request(query_class, target, argument) for argument in arguments]
            for concurrency in CONCURRENCY:
                await _measure(client, bodies[: WARMUP * concurrency], concurrency, budget)
                latencies, elapsed, errors = await _measure(client, bodies, concurrency, budget)
                result.errors.extend(f"{target}: {error}" for error in errors[:3])
                result.figures[target, concurrency] = Figures.of(latencies, elapsed)
    return result


@dataclass
class BenchReport:
    """Everything a run measured."""

    scale: float
    results: list[ClassResult]
    rss_mb: float


def run_benchmark(
    database_url: str,
    scale: float,
    samples: Samples,
    *,
    api: Callable[[], Starlette],
    requests: int = 100,
    checks: int = 5,
    budget: float = 20.0,
    only: tuple[str, ...] = (),
) -> BenchReport:
    """Serve the API (uvicorn builds it with API, from the environment) and the baseline; run the classes (or ONLY)."""
    chosen = [c for c in CLASSES if not only or c.name in only]
    results: list[ClassResult] = []
    with server(api, database_url) as (api_url, process), server(baseline_app, database_url) as (sql_url, _):
        urls = {"api": api_url, "sql": sql_url}
        for query_class in chosen:
            results.append(
                asyncio.run(run_class(query_class, urls, samples, requests=requests, checks=checks, budget=budget))
            )
        memory = rss_mb(process)
    return BenchReport(scale=scale, results=results, rss_mb=memory)
