"""Databases holding the fixed export set, put there by importing its data package."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from chronology.exporters import ExportOptions
from chronology.exporters.datapackage import members
from chronology.importers.datapackage import import_package
from chronology.storage.migrations import head_revision
from tests.conftest import RUN, create_database, drop_database
from tests.exporters.dataset import dataset


def write_package(directory: Path, source: object = None) -> Path:
    """Write a data package as files into DIRECTORY and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    options = ExportOptions(schema_revision=head_revision())
    for name, chunks in members(source or dataset(), options):  # type: ignore[arg-type]
        (directory / name).write_bytes(b"".join(chunks))
    return directory


@pytest.fixture
def another_database(server_url: str, template_database: str) -> Iterator[str]:
    """Yield a second migrated, empty database of this test's own."""
    name = f"chronology_test_{RUN}_{uuid.uuid4().hex[:8]}_b"
    yield create_database(server_url, name, template=template_database)
    drop_database(server_url, name)


@pytest.fixture(scope="module")
def seeded_database(server_url: str, template_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Yield the URL of a database holding the fixed set, imported from its data package.

    Shared by a module's tests, which only read it.
    """
    name = f"chronology_test_{RUN}_{uuid.uuid4().hex[:8]}_seeded"
    url = create_database(server_url, name, template=template_database)
    engine = create_engine(url)
    with engine.begin() as connection:
        import_package(connection, write_package(tmp_path_factory.mktemp("seed")))
    engine.dispose()
    yield url
    drop_database(server_url, name)


@pytest.fixture(scope="module")
def seeded_engine(seeded_database: str) -> Iterator[Engine]:
    """Return an engine on the seeded database."""
    engine = create_engine(seeded_database)
    yield engine
    engine.dispose()
