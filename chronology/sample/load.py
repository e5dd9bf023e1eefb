"""Load the shipped sample: the authority lists, the corpus's facts, our summaries, key events."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, exists, select, update
from sqlalchemy.orm import Session

from chronology.importers.load.source import set_actor
from chronology.importers.records import ParsedSource
from chronology.importers.report import ImportReport
from chronology.importers.run import PreparedSource, run_import
from chronology.models import Document
from chronology.sample.codec import decode
from chronology.sample.events import load_events


def sample_files() -> list[dict[str, Any]]:
    """Return the sample's data files, in the order they load."""
    folder = resources.files("chronology.sample").joinpath("data")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    return [json.loads(folder.joinpath(name).read_text(encoding="utf-8")) for name in names]


def is_empty(engine: Engine) -> bool:
    """Tell whether the database holds no document yet."""
    with Session(engine) as session:
        return not session.scalar(select(exists().where(Document.id.is_not(None))))


def load_sample(engine: Engine) -> ImportReport:
    """Load (or refresh) the sample; loading it twice changes nothing."""
    payloads = sample_files()
    prepared = [
        PreparedSource(Path(p["source"]), p["parsed"]["format"], decode(ParsedSource, p["parsed"])) for p in payloads
    ]
    report = run_import(engine, prepared)
    with Session(engine) as session, session.begin():
        set_actor(session, "sample")
        for payload in payloads:
            prefix = payload["parsed"]["format"]
            for key, text in payload["summaries"].items():
                session.execute(
                    update(Document)
                    .where(Document.natural_key == f"{prefix}:{key}")
                    .where(Document.summary.is_distinct_from(text))
                    .values(summary=text)
                )
        load_events(session)
    return report
