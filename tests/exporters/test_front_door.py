"""The exports through the front doors: `chronology export`/`import` and GET /export/{format}."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.testclient import TestClient
from typer.testing import CliRunner

from chronology import models
from chronology.app import create_app
from chronology.cli.main import app as cli
from chronology.exporters import EXPORTERS
from chronology.exporters.jsonld import CONTEXT
from chronology.settings import Settings
from chronology.storage.engine import make_async_engine, make_engine
from chronology.web.export import ExportEndpoint
from tests.exporters.golden import GOLDEN, zip_members


@pytest.fixture(scope="module")
def http(seeded_database: str) -> Iterator[TestClient]:
    """A client of an app on the seeded database."""
    settings = Settings(public_url=PUBLIC)
    with TestClient(create_app(settings, database_url=seeded_database)) as client:
        yield client


PUBLIC = "https://chronology.example.org/app"


def _as_golden(content: bytes, name: str) -> bytes:
    """Return an export made over HTTP as the golden files have it: default base URL, no clock or version."""
    text = content.decode()
    assert "testserver" not in text  # never the request's host
    text = text.replace(f"{PUBLIC}/export/{name}", "http://127.0.0.1:8000/export/export")
    text = text.replace(PUBLIC, "http://127.0.0.1:8000")
    text = re.sub(r'"dateCreated": "[^"]+Z", ', "", text)
    text = re.sub(r', "version": "[^"]+"', "", text)
    text = re.sub(r'\n *<date when="[^"]+Z"/>', "", text)
    return text.encode()


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_format_downloads(http: TestClient, name: str) -> None:
    exporter = EXPORTERS[name]
    response = http.get(f"/export/{name}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(exporter.media_type)
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="chronology{exporter.extension}"'
    if name == "datapackage":
        assert zip_members(response.content)["documents.csv"] == (GOLDEN / "datapackage/documents.csv").read_bytes()
    else:
        # The web names the export by its URL under the public base and says when it was made.
        assert _as_golden(response.content, name).decode() == (GOLDEN / f"export{exporter.extension}").read_text()


def test_filters_apply_and_name_the_file_stably(http: TestClient) -> None:
    first = http.get("/export/csl", params=[("kind", "letter"), ("person", "Q855")])
    again = http.get("/export/csl", params=[("person", "Q855"), ("kind", "letter")])
    assert first.status_code == 200
    assert [item["id"] for item in first.json()] == ["document-102", "document-101"]
    assert first.headers["content-disposition"] == again.headers["content-disposition"]
    assert first.headers["content-disposition"] != 'attachment; filename="chronology.csl.json"'
    window = http.get("/export/csl", params={"from": "1936-08-01", "to": "1936-12-31", "match": "certainly_within"})
    assert [item["id"] for item in window.json()] == ["document-101", "document-103"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=1936-02-30", "from"),
        ("from=1937&to=1936", "to"),
        ("kind=poem", "kind"),
        ("person=Nobody", "person"),
        ("match=near", "match"),
        ("colour=red", "colour"),
        ("text=a&text=b", "text"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(http: TestClient, query: str, field: str) -> None:
    response = http.get(f"/export/tei?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION"
    assert error["field"] == field
    assert error["message"]


def test_an_unknown_format_is_a_404_listing_the_formats(http: TestClient) -> None:
    response = http.get("/export/pdf")
    assert response.status_code == 404
    assert "timelinejs" in response.json()["error"]["message"]


def test_the_json_ld_context_is_published(http: TestClient) -> None:
    response = http.get("/contexts/chronology.jsonld")
    assert response.status_code == 200
    assert response.json() == {"@context": CONTEXT}


def test_reading_needs_a_token_when_anonymous_reading_is_off(seeded_database: str) -> None:
    settings = dataclasses.replace(Settings(), anonymous_read=False)
    with TestClient(create_app(settings, database_url=seeded_database)) as client:
        assert client.get("/export/ris").status_code == 403
        assert client.get("/export/ris", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_the_response_streams(seeded_database: str) -> None:
    async def call() -> StreamingResponse:
        engine = make_engine(seeded_database)
        async_engine = make_async_engine(seeded_database)
        endpoint = ExportEndpoint(Settings(), engine, async_engine)
        scope = {"type": "http", "method": "GET", "path": "/export/gexf", "path_params": {"format": "gexf"},
                 "query_string": b"kind=letter", "headers": [], "server": ("test", 80), "scheme": "http"}  # fmt: skip
        try:
            response = await endpoint.export(Request(scope))
            assert isinstance(response, StreamingResponse)
            chunks = [chunk async for chunk in response.body_iterator]
        finally:
            engine.dispose()
            await async_engine.dispose()
        assert len(chunks) > 3  # sent piece by piece, not as one body
        assert b"".join(bytes(c) if not isinstance(c, str) else c.encode() for c in chunks).endswith(b"</gexf>\n")
        return response

    asyncio.run(call())


# --- the command line ------------------------------------------------------------------------


def _run(url: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> object:
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", url)
    return CliRunner().invoke(cli, list(args))


def test_cli_exports_to_standard_output(seeded_database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(seeded_database, monkeypatch, "export", "ris")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert result.stdout_bytes == (GOLDEN / "export.ris").read_bytes()  # type: ignore[attr-defined]


def test_cli_filters_and_refuses_bad_ones(seeded_database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _run(seeded_database, monkeypatch, "export", "csl", "--kind", "decree", "--from", "1936")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert '"id": "document-103"' in result.stdout  # type: ignore[attr-defined]
    assert '"id": "document-100"' not in result.stdout  # type: ignore[attr-defined]
    bad = _run(seeded_database, monkeypatch, "export", "csl", "--kind", "poem")
    assert bad.exit_code == 2  # type: ignore[attr-defined]
    assert "--kind" in bad.stderr  # type: ignore[attr-defined]
    unknown = _run(seeded_database, monkeypatch, "export", "pdf")
    assert unknown.exit_code == 2  # type: ignore[attr-defined]


def test_cli_round_trip_through_a_directory(
    seeded_database: str, another_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "package"
    out.mkdir()
    exported = _run(seeded_database, monkeypatch, "export", "datapackage", "--out", str(out))
    assert exported.exit_code == 0, exported.output  # type: ignore[attr-defined]
    assert (out / "datapackage.json").exists()
    imported = _run(another_database, monkeypatch, "import", "--format", "datapackage", str(out))
    assert imported.exit_code == 0, imported.output  # type: ignore[attr-defined]
    assert "documents: 5" in imported.stdout  # type: ignore[attr-defined]
    again = tmp_path / "again.zip"
    second = _run(another_database, monkeypatch, "export", "datapackage", "--out", str(again))
    assert second.exit_code == 0, second.output  # type: ignore[attr-defined]
    files = zip_members(again.read_bytes())
    for name, content in files.items():
        if name == "datapackage.json":  # made at another moment from another database, the same rest
            first, again_descriptor = json.loads((out / name).read_bytes()), json.loads(content)
            for moment in ("id", "created"):
                assert first.pop(moment)
                assert again_descriptor.pop(moment)
            assert first["chronology"].pop("database") != again_descriptor["chronology"].pop("database")
            assert again_descriptor == first
            continue
        assert content == (out / name).read_bytes(), name
    # Its own package merged back into it is matched record by record, by id: nothing is added.
    merged = _run(another_database, monkeypatch, "import", "--format", "datapackage", str(again))
    assert merged.exit_code == 0, merged.output  # type: ignore[attr-defined]
    assert "documents already present: 5" in merged.stdout  # type: ignore[attr-defined]
    engine = create_engine(another_database)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(models.Document.__table__)).scalar_one()
    engine.dispose()
    assert count == 5


def test_cli_and_http_build_the_same_links_from_the_public_url(
    seeded_database: str, monkeypatch: pytest.MonkeyPatch, http: TestClient
) -> None:
    monkeypatch.setenv("CHRONOLOGY_PUBLIC_URL", PUBLIC + "/")  # a trailing slash is not doubled
    result = _run(seeded_database, monkeypatch, "export", "jsonld", "--kind", "letter")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    response = http.get("/export/jsonld", params={"kind": "letter"})
    assert f'"@id": "{PUBLIC}/documents/' in result.stdout  # type: ignore[attr-defined]
    assert f'"url": "{PUBLIC}/export/jsonld?kind=letter"' in response.text
    cli_bytes = _as_golden(result.stdout_bytes, "jsonld")  # type: ignore[attr-defined]
    assert cli_bytes == _as_golden(response.content, "jsonld")


@pytest.mark.parametrize(
    "value", ["chronology.example.org", "ftp://example.org", "https://example.org/?a=1", "http://a b"]
)
def test_a_bad_public_url_is_refused_by_name(seeded_database: str, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CHRONOLOGY_PUBLIC_URL", value)
    result = _run(seeded_database, monkeypatch, "export", "ris")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "CHRONOLOGY_PUBLIC_URL" in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


def test_the_full_tei_flavour_from_both_doors(
    seeded_database: str, monkeypatch: pytest.MonkeyPatch, http: TestClient
) -> None:
    response = http.get("/export/tei", params={"flavour": "full"})
    assert response.status_code == 200
    assert "<listRelation>" in response.text
    assert "<standOff>" in response.text
    assert "<listRelation>" not in http.get("/export/tei").text
    assert http.get("/export/tei", params={"flavour": "abridged"}).json()["error"]["field"] == "flavour"
    result = _run(seeded_database, monkeypatch, "export", "tei", "--flavour", "full")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "<listEvent>" in result.stdout  # type: ignore[attr-defined]
    bad = _run(seeded_database, monkeypatch, "export", "tei", "--flavour", "abridged")
    assert bad.exit_code == 2  # type: ignore[attr-defined]


def test_the_web_factory_refuses_a_bad_public_url_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from chronology.app import app_from_environment

    monkeypatch.setenv("CHRONOLOGY_PUBLIC_URL", "chronology.example.org/app")
    with pytest.raises(SystemExit, match="CHRONOLOGY_PUBLIC_URL must be http"):
        app_from_environment()
