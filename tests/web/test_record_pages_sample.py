"""Every record of the shipped sample has a page that renders, and every page links only to pages that exist."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from chronology.app import create_app
from chronology.graphql.runtime.ids import encode_id
from chronology.sample.load import load_sample
from chronology.settings import Settings
from tests.web.conftest import own_database


@pytest.fixture(scope="module")
def sample(server_url: str, template_database: str) -> Iterator[tuple[TestClient, list[str]]]:
    """A client over the shipped sample, and the path of every record page in it."""
    with own_database(server_url, template_database, "sample_pages") as url:
        engine = create_engine(url)
        load_sample(engine)
        with engine.connect() as connection:
            paths = []
            for table, type_name in (("persons", "Person"), ("bodies", "Body")):
                keyed = connection.execute(text(f"SELECT id, authority_key FROM {table}"))
                paths += [f"/{table}/{key or encode_id(type_name, n)}" for n, key in keyed]
            for table, type_name in (("documents", "Document"), ("decisions", "Decision"), ("events", "Event")):
                numbers = connection.execute(text(f"SELECT id FROM {table} ORDER BY id"))
                paths += [f"/{table}/{encode_id(type_name, n)}" for (n,) in numbers]
        engine.dispose()
        with TestClient(create_app(Settings(), database_url=url)) as client:
            yield client, paths


def test_every_record_of_the_sample_has_a_page(sample: tuple[TestClient, list[str]]) -> None:
    http, paths = sample
    assert len(paths) > 50
    linked: set[str] = set()
    for path in paths:
        page = http.get(path)
        assert page.status_code == 200, (path, page.text[:300])
        linked.update(
            re.findall(r'href="http://testserver(/(?:persons|bodies|documents|decisions|events)/[^"#?]+)"', page.text)
        )
    for path in sorted(linked - set(paths)):
        assert http.get(path).status_code in (200, 301), path
