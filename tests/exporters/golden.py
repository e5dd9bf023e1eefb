"""Golden files: compare an export with the checked-in file, or rewrite it when asked."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CHRONOLOGY_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, data: bytes) -> None:
    """Assert that DATA equals golden file NAME (CHRONOLOGY_UPDATE_GOLDEN=1 rewrites it)."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path}; run with CHRONOLOGY_UPDATE_GOLDEN=1"
    expected = path.read_bytes()
    assert data.decode() == expected.decode(), f"{name} differs from its golden file"


def zip_members(data: bytes) -> dict[str, bytes]:
    """Return the files of a ZIP archive by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}
