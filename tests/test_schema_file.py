"""schema.graphql is generated from the code and must not drift from it."""

from __future__ import annotations

from pathlib import Path

from graphql import build_schema
from typer.testing import CliRunner

from chronology.cli.main import app
from tests.paths import ROOT


def test_schema_file_matches_the_code() -> None:
    result = CliRunner().invoke(app, ["schema", "--check", "--out", str(ROOT / "schema.graphql")])
    assert result.exit_code == 0, result.output


def test_schema_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "schema.graphql"
    stale.write_text("type Query { stale: Int }\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["schema", "--check", "--out", str(stale)])
    assert result.exit_code == 1


def test_every_type_field_argument_and_enum_value_is_described() -> None:
    schema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))
    missing = []
    for name, named in schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not named.description:
            missing.append(name)
        for field_name, field in getattr(named, "fields", {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                if not arg.description:
                    missing.append(f"{name}.{field_name}({arg_name})")
        for value_name, value in getattr(named, "values", {}).items():
            if not value.description:
                missing.append(f"{name}.{value_name}")
    assert missing == []
