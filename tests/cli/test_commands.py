"""Every command answers --help, and the simple ones work without a database."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from chronology import __version__
from chronology.cli.main import app


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["serve"],
        ["version"],
        ["db"],
        ["db", "upgrade"],
        ["db", "downgrade"],
        ["db", "current"],
        ["db", "check"],
        ["review"],
        ["sample"],
    ],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(app, ["version"])
    assert result.output.strip() == __version__
