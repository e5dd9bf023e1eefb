"""The shipped sample loads into an empty database, carries the key facts, and holds no corpus prose."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from chronology import models
from chronology.authority import load_persons
from chronology.cli.main import app
from chronology.sample.build import SOURCES, strip, summary
from chronology.sample.events import read_events
from chronology.sample.load import is_empty, load_sample, sample_files
from tests.paths import CORPUS


@pytest.fixture
def engine(fresh_database: str) -> Iterator[Engine]:
    engine = create_engine(fresh_database)
    yield engine
    engine.dispose()


def test_the_sample_loads_once_and_again_changes_nothing(engine: Engine) -> None:
    assert is_empty(engine)
    first = load_sample(engine)
    assert first.ok
    assert not is_empty(engine)
    with Session(engine) as session:
        audit_rows = session.scalar(select(func.count()).select_from(models.AuditEntry))
    second = load_sample(engine)
    assert second.ok
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(models.AuditEntry)) == audit_rows


def test_the_sample_carries_the_15_january_telegram_its_votes_and_decision(engine: Engine) -> None:
    load_sample(engine)
    with Session(engine) as session:
        telegram = session.execute(
            text(
                "SELECT d.id, d.summary, d.full_text FROM documents d JOIN copies c ON c.document_id = d.id "
                "JOIN archival_references r ON r.id = c.archival_reference_id "
                "WHERE r.fond = '17' AND r.opis = '163' AND r.delo = '1091' AND d.date_edtf = '1936-01-15'"
            )
        ).one()
        assert "Kaganovich" in telegram.summary
        assert not telegram.full_text
        voters = session.scalars(
            text(
                "SELECT p.authority_key FROM votes v JOIN persons p ON p.id = v.person_id "
                "JOIN relations l ON l.target_id = v.decision_id AND l.source_id = :telegram "
                "WHERE v.position = 'for' ORDER BY 1"
            ),
            {"telegram": telegram.id},
        ).all()
        assert set(voters) == {"stalin", "molotov", "voroshilov", "kalinin", "zhdanov", "chubar", "andreev", "mikoyan"}


def test_the_sample_has_the_key_events_with_participants(engine: Engine) -> None:
    load_sample(engine)
    with Session(engine) as session:
        trial = session.scalars(
            select(models.Event).where(models.Event.natural_key == "trial-trotskyist-zinovievite-centre")
        ).one()
        assert (str(trial.date_lower), str(trial.date_upper)) == ("1936-08-19", "1936-08-24")
        defendants = session.scalar(
            select(func.count())
            .select_from(models.EventParticipant)
            .where(models.EventParticipant.event_id == trial.id, models.EventParticipant.role == "defendant")
        )
        assert defendants == 16
        assert session.scalar(select(func.count()).select_from(models.Event)) == len(read_events())


def test_every_event_participant_is_in_the_authority_list() -> None:
    keys = {person.key for person in load_persons()}
    for event in read_events():
        for participant in event.get("participants", []):
            assert participant["person"] in keys, (event["key"], participant["person"])


def test_the_sample_data_hold_no_edition_text() -> None:
    for payload in sample_files():
        for document in payload["parsed"]["documents"]:
            assert document["body"] == ""
            assert document["footnotes"] == []
            assert document["edition"] is None or document["edition"]["text"] is None
        assert payload["parsed"]["review"] == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the reference corpus is not at {CORPUS}")
def test_the_shipped_sample_is_what_the_builder_makes_from_the_corpus() -> None:
    from chronology.sample.codec import encode

    shipped = {payload["source"]: payload for payload in sample_files()}
    for name, parse in SOURCES.items():
        parsed = strip(parse((CORPUS / name).read_text(encoding="utf-8"), source_name=name))
        assert encode(parsed) == shipped[name]["parsed"], f"rebuild the sample: {name} changed"
        assert {d.key: summary(d) for d in parsed.documents} == shipped[name]["summaries"]


def test_strip_keeps_facts_and_drops_prose() -> None:
    from chronology.importers.records import Document, ParsedSource

    document = Document(
        key="k",
        kind="letter",
        title="One two three four five six seven eight nine ten eleven",
        date=None,
        line=1,
        body="Some prose the edition printed.",
    )
    stripped = strip(ParsedSource(format="correspondence", documents=[document])).documents[0]
    assert stripped.body == ""
    assert stripped.title == "One two three four five six seven eight nine …"
    assert dataclasses.replace(stripped, body="", title=document.title) == dataclasses.replace(document, body="")


_JUNK = ["Centra", "Contro", "Politbur", "Secret Central Cummillee", "FromYa. S. Agranov", "FrornN. I. Bukharin"]


def test_the_sample_makes_no_person_or_body_from_words_that_only_look_like_names(engine: Engine) -> None:
    from chronology.authority.evidence import name_evidence

    assert load_sample(engine).ok
    with engine.connect() as connection:
        new_persons = connection.execute(text("SELECT canonical_name FROM persons WHERE authority_key IS NULL"))
        names = [row[0] for row in new_persons]
        new_bodies = [row[0] for row in connection.execute(text("SELECT name FROM bodies WHERE needs_review"))]
    assert names  # the edition's own minor figures (A. Flegontov, Tkachenko) are still made, on review
    assert [n for n in names if name_evidence(n) is None] == []
    assert not set(_JUNK) & set(names)
    assert [b for b in new_bodies if re.search(r"\b(?:decree|letter|circular|speech)\b", b)] == []
    assert "Politburo decree on Comrade Shliapnikov" not in new_bodies


def test_the_sample_command_writes_its_report_and_stores_the_review_queue(
    fresh_database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", fresh_database)
    report = tmp_path / "sample-report.json"
    result = CliRunner().invoke(app, ["sample", "--report", str(report)])
    assert result.exit_code == 0, result.output
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    assert sorted(Path(f["path"]).name for f in files) == sorted(SOURCES)
    reported = sum(len(f["review"]) for f in files)
    assert reported > 0
    listed = CliRunner().invoke(app, ["review", "--json"])
    stored = json.loads(listed.stdout)
    assert {Path(f["path"]).name for f in files if f["review"]} == {item["file"] for item in stored}
    assert all(item["status"] == "open" for item in stored)


def test_the_sample_command_refuses_a_report_in_a_missing_folder(
    fresh_database: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", fresh_database)
    result = CliRunner().invoke(app, ["sample", "--report", str(tmp_path / "missing" / "report.json")])
    assert result.exit_code == 2
    assert "is not a folder; nothing was loaded" in result.output
    assert "Traceback" not in result.output
