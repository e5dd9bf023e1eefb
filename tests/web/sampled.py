"""The web tests' own small record in a database of its own, and an HTTP client of the app over it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.settings import Settings
from tests.web import dataset
from tests.web.conftest import own_database


@contextlib.contextmanager
def sampled_database(server_url: str, template_database: str) -> Iterator[tuple[str, dataset.Sample]]:
    """Yield the URL of a fresh database holding the sample, and the sample's keys."""
    with own_database(server_url, template_database, "pages") as url:
        engine = create_engine(url)
        with Session(engine) as session:
            sample = dataset.build(session)
            # The sample has no authority keys; these two stand for the shipped list's.
            session.execute(text("UPDATE persons SET authority_key = 'yezhov' WHERE id = :id"), {"id": sample.yezhov})
            session.execute(text("UPDATE bodies SET authority_key = 'politburo' WHERE short_name = 'PB'"))
            session.commit()
        engine.dispose()
        yield url, sample


@contextlib.contextmanager
def sampled_client(
    server_url: str, template_database: str, settings: Settings
) -> Iterator[tuple[TestClient, dataset.Sample]]:
    """Yield a client of the app over a fresh database with the sample in it, and the sample's keys."""
    with (
        sampled_database(server_url, template_database) as (url, sample),
        TestClient(create_app(settings, database_url=url)) as client,
    ):
        yield client, sample
