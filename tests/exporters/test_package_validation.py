"""The data package is what Frictionless expects: it validates, and a broken key does not."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pytest

from tests.exporters.conftest import write_package


def _validate(path: Path) -> frictionless.Report:
    report: frictionless.Report = frictionless.validate(str(path / "datapackage.json"))
    return report


def test_the_package_validates_with_frictionless(tmp_path: Path) -> None:
    report = _validate(write_package(tmp_path / "p"))
    assert report.valid, report.flatten(["type", "note"])


def test_frictionless_reads_field_types_and_keys(tmp_path: Path) -> None:
    package = frictionless.Package(str(write_package(tmp_path / "p") / "datapackage.json"))
    documents = package.get_table_resource("documents")
    assert documents.schema.primary_key == ["id"]
    assert documents.schema.get_field("date_lower").type == "date"
    rows = documents.read_rows()
    assert rows[0]["date_qualifiers"] == ["approximate"]
    parties = package.get_resource("document_parties")
    references = {k["reference"]["resource"] for k in parties.schema.foreign_keys}
    assert references == {"documents", "persons", "bodies"}
    relations = package.get_resource("relations")
    assert {k["reference"]["resource"] for k in relations.schema.foreign_keys} == {"records", "publications"}


@pytest.mark.parametrize(
    ("table", "old", "new", "error"),
    [
        ("relations.csv", "500,proposes,100,200", "500,proposes,100,999", "foreign-key"),
        ("votes.csv", "300,200,1,", "300,200,77,", "foreign-key"),
        ("documents.csv", "1936-01-15,1936-01-15,day", "1936-01-15,1936-01-32,day", "type-error"),
    ],
)
def test_a_broken_package_does_not_validate(tmp_path: Path, table: str, old: str, new: str, error: str) -> None:
    path = write_package(tmp_path / "p")
    text = (path / table).read_text()
    assert old in text
    (path / table).write_text(text.replace(old, new, 1))
    report = _validate(path)
    assert not report.valid
    assert error in {e[0] for e in report.flatten(["type"])}


def test_the_descriptor_is_a_tabular_data_package(tmp_path: Path) -> None:
    descriptor = json.loads((write_package(tmp_path / "p") / "datapackage.json").read_text())
    assert descriptor["profile"] == "tabular-data-package"
    names = [r["name"] for r in descriptor["resources"]]
    for expected in ("documents", "document_parties", "copies", "archival_references", "editions", "decisions",
                     "votes", "events", "persons", "name_variants", "relations"):  # fmt: skip
        assert expected in names
