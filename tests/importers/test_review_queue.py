"""The review queue as records: stored once per file, line and doubt; linked to its record; listed by the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from chronology.authority import load_bodies, load_persons
from chronology.authority.resolver import BodyResolver, PersonResolver
from chronology.cli.main import app
from chronology.dates.fuzzy import parse_date
from chronology.importers.load.authority import sync_authority
from chronology.importers.load.review import kind_of
from chronology.importers.load.rows import Writer
from chronology.importers.load.source import LoadResult, load_source
from chronology.importers.records import Document, ParsedSource, Party, PartyRole, ReviewItem
from tests.paths import EDITION_FIXTURES

LETTERS = EDITION_FIXTURES / "correspondence_sample.txt"
LETTER = "1936-02-02:Kosior:letter"


def _source(*review: ReviewItem, author: str = "Qwrtyplenko") -> ParsedSource:
    """A letter by a name no authority list knows, with the parser's own doubts."""
    return ParsedSource(
        format="correspondence",
        documents=[
            Document(
                key=LETTER,
                kind="letter",
                title="Kosior to Stalin",
                date=parse_date("February 2, 1936"),
                line=4,
                parties=[Party(author, PartyRole.AUTHOR, 0), Party("Stalin", PartyRole.RECIPIENT, 0)],
                body="On the seed loan.",
            )
        ],
        review=list(review),
    )


Loader = Callable[..., LoadResult]


@pytest.fixture
def engine(fresh_database: str) -> Iterator[Engine]:
    engine = create_engine(fresh_database)
    yield engine
    engine.dispose()


@pytest.fixture
def load(engine: Engine) -> Loader:
    """Load a source as the file NAME in one committed transaction."""
    persons, bodies = load_persons(), load_bodies()

    def run(parsed: ParsedSource, name: str = "letters-1936.txt") -> LoadResult:
        with Session(engine) as session, session.begin():
            authority = sync_authority(Writer(session), persons, bodies)
            return load_source(
                session,
                parsed,
                source_name=name,
                authority=authority,
                persons=PersonResolver(persons),
                bodies=BodyResolver(bodies),
            )

    return run


def _items(engine: Engine) -> list[dict[str, object]]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT * FROM review_items ORDER BY source_file, line, id")).mappings()
        return [dict(row) for row in rows]


def test_items_are_stored_with_where_why_and_the_record_concerned(engine: Engine, load: Loader) -> None:
    doubt = ReviewItem(7, "folio has letters for digits; read as 4", "L. 4a", "L. 4", record=LETTER)
    load(_source(doubt))
    items = _items(engine)
    by_verbatim = {item["verbatim"]: item for item in items}
    folio = by_verbatim["L. 4a"]
    assert (folio["source_file"], folio["line"], folio["likely_reading"]) == ("letters-1936.txt", 7, "L. 4")
    assert folio["status"] == "open"
    assert folio["resolved_by"] is None
    with engine.connect() as connection:
        letter = connection.execute(text("SELECT id FROM documents WHERE title = 'Kosior to Stalin'")).scalar_one()
        person = connection.execute(text("SELECT id FROM persons WHERE canonical_name = 'Qwrtyplenko'")).scalar_one()
    assert folio["record_id"] == letter
    name = by_verbatim["Qwrtyplenko"]
    assert (name["kind"], name["record_id"], name["line"]) == ("name", person, 4)


def test_a_reimport_adds_no_copies_and_keeps_an_editors_verdict(engine: Engine, load: Loader) -> None:
    doubts = [ReviewItem(7, "month cannot be read", "Febr. 3"), ReviewItem(9, "month cannot be read", "Mrz. 3")]
    load(_source(*doubts))
    first = _items(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE review_items SET status = 'resolved', resolved_by = 'ada', resolved_at = now() "
                "WHERE verbatim = 'Febr. 3'"
            )
        )
    load(_source(*doubts))
    second = _items(engine)
    assert [item["id"] for item in second] == [item["id"] for item in first]
    resolved = {item["verbatim"]: (item["status"], item["resolved_by"]) for item in second}
    assert resolved["Febr. 3"] == ("resolved", "ada")
    assert resolved["Mrz. 3"] == ("open", None)


def test_a_doubt_the_better_reading_no_longer_raises_is_resolved_by_the_import(engine: Engine, load: Loader) -> None:
    load(_source(ReviewItem(7, "month cannot be read", "Febr. 3")))
    load(_source())  # the improved reader reads the month
    (gone,) = [item for item in _items(engine) if item["verbatim"] == "Febr. 3"]
    assert gone["status"] == "resolved"
    assert gone["resolved_by"] == "import: letters-1936.txt"
    assert gone["resolved_at"] is not None


def test_the_same_doubt_in_two_files_is_two_items(engine: Engine, load: Loader) -> None:
    doubt = ReviewItem(7, "month cannot be read", "Febr. 3")
    load(_source(doubt), "january.txt")
    load(_source(doubt), "february.txt")
    files = [item["source_file"] for item in _items(engine) if item["verbatim"] == "Febr. 3"]
    assert files == ["february.txt", "january.txt"]


def test_the_same_line_with_two_doubts_is_two_items(engine: Engine, load: Loader) -> None:
    load(_source(ReviewItem(7, "month cannot be read", "Febr. 3"), ReviewItem(7, "day cannot be read", "Febr. 3")))
    assert len([item for item in _items(engine) if item["line"] == 7]) == 2


def test_every_item_is_in_the_audit_trail(engine: Engine, load: Loader) -> None:
    load(_source(ReviewItem(7, "month cannot be read", "Febr. 3")))
    with engine.connect() as connection:
        actors = connection.execute(
            text("SELECT DISTINCT action FROM audit_log WHERE table_name = 'review_items'")
        ).scalars()
        assert set(actors) == {"insert"}


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("Roman month misprinted; read as month 8", "misprint"),
        ("fond differs from its neighbours by confusable glyphs; likely reading 558", "misprint"),
        ("38 archive labels counted, 36 documents made", "count"),
        ("name matches no person of the authority list; linked to a new person", "name"),
        ("body name fits several bodies of the authority list", "name"),
        ("parenthesised archival citation could not be read", "reference"),
        ("folio unreadable", "reference"),
        ("month cannot be read", "date"),
        ("procedure 'vote by mail' is not in the vocabulary; not imported", "vocabulary"),
        ("document key printed twice; skipped", "structure"),
        ("a header candidate inside a footnote", "structure"),
        ("something else entirely", "reading"),
    ],
)
def test_the_kind_is_told_from_the_reason_when_the_reader_gives_none(reason: str, kind: str) -> None:
    assert kind_of(ReviewItem(1, reason, "x")) == kind


def test_the_readers_own_kind_wins_and_an_unknown_one_is_told_from_the_reason() -> None:
    assert kind_of(ReviewItem(1, "month cannot be read", "x", kind="count")) == "count"
    assert kind_of(ReviewItem(1, "month cannot be read", "x", kind="gossip")) == "date"


Invoke = Callable[..., Result]


@pytest.fixture
def cli(fresh_database: str, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    monkeypatch.setenv("CHRONOLOGY_DATABASE_URL", fresh_database)

    def run(*args: str | Path) -> Result:
        return CliRunner().invoke(app, list(map(str, args)))

    return run


def test_the_cli_lists_the_queue_filtered_and_as_json(cli: Invoke) -> None:
    imported = cli("import", LETTERS)
    assert imported.exit_code == 0, imported.output
    listed = cli("review", "--json")
    assert listed.exit_code == 0, listed.output
    items = json.loads(listed.stdout)
    assert items, "the sample's misprinted fond and unknown names are put up for review"
    assert {item["file"] for item in items} == {LETTERS.name}
    assert all(item["status"] == "open" for item in items)
    again = cli("import", LETTERS)
    assert again.exit_code == 0, again.output
    assert len(json.loads(cli("review", "--json").stdout)) == len(items)
    kinds = {item["kind"] for item in items}
    some = sorted(kinds)[0]
    only = json.loads(cli("review", "--json", "--kind", some).stdout)
    assert only
    assert {item["kind"] for item in only} == {some}
    assert json.loads(cli("review", "--json", "--file", "another.txt").stdout) == []
    assert len(json.loads(cli("review", "--json", "--open").stdout)) == len(items)
    text_lines = cli("review", "--file", LETTERS.name).stdout.splitlines()
    assert len(text_lines) == len(items)
    assert all(line.startswith(f"{LETTERS.name}:") for line in text_lines)


def test_the_cli_refuses_an_unknown_kind_without_a_traceback(cli: Invoke) -> None:
    result = cli("review", "--kind", "gossip")
    assert result.exit_code == 2
    assert "unknown kind 'gossip'" in result.output
    assert "Traceback" not in result.output
