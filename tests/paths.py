"""Where the tests find the project, the shared corpus beside it, and the edition fixtures we wrote."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
INTERCHANGE = ROOT.parent / "shared" / "interchange"  # other editions' CMIF and csv2cmi files
EDITION_FIXTURES = ROOT / "tests" / "importers" / "fixtures"
