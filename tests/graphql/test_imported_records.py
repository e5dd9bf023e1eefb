"""What the importer adds, read back through GraphQL: replies known from notes, tallies, bodies to review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from chronology.graphql.runtime.ids import encode_id
from chronology.importers.report import total
from chronology.importers.run import import_paths
from tests.graphql.conftest import GraphQLClient
from tests.paths import CORPUS

LETTERS = CORPUS / "stalin-kaganovich-1936-jan-aug.txt"
TERROR = CORPUS / "road-to-terror-ocr.txt"

# Our own wording in the edition's layout: a reply known from the note, a decision with a count,
# and a newspaper that no authority list names.
LETTER = (
    "Kaganovich to Stalin March 3, 1936"
    "Archive: RGASPI F. 558. Op. 11. D. 90. L. 7. Autograph.\n"
    "Tov. Stalin.\nA question about the port 1 .\nKaganovich.\n"
    "_____\n"
    "1 On the same day Stalin agreed by cipher from Sochi at 10 p.m. 15 min. (Ibid. L. 11). "
    "On March 4, 1936, the PB approved the proposal {count} (RGASPI. F. 17. Op. 3. D. 975. L. 10). "
    "The decision was published in Pravda on March 5.\n"
)
REPLY_KEY = "correspondence:stalin-reply:RGASPI, f. 558, op. 11, d. 90, l. 11"

TALLY = """
query ($id: ID!) {
  node(id: $id) {
    ... on Decision { tally { unanimous recordedFor recordedAgainst recordedAbstentions verbatim note } }
  }
}
"""
BODY = "query ($id: ID!) { node(id: $id) { ... on Body { name needsReview } } }"


@pytest.fixture
def engine(fresh_database: str) -> Iterator[Engine]:
    engine = create_engine(fresh_database)
    yield engine
    engine.dispose()


def _one(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql), params).scalar_one())


def _write(path: Path, count: str) -> Path:
    path.write_text(LETTER.format(count=count), encoding="utf-8")
    return path


def test_a_letter_imports_its_reply_tally_and_newspaper(engine: Engine, client: GraphQLClient, tmp_path: Path) -> None:
    path = _write(tmp_path / "letters.txt", "unanimously")
    first = import_paths(engine, [path])
    assert first.ok
    reply = _one(engine, "SELECT id FROM documents WHERE natural_key = :key", key=REPLY_KEY)
    assert _one(
        engine,
        "SELECT count(*) FROM documents WHERE id = :id AND kind = 'cipher_telegram' "
        "AND date_edtf = '1936-03-03' AND sent_time = '22:15' AND place = 'Sochi' "
        "AND summary LIKE 'Stalin''s reply to Kaganovich''s%'",
        id=reply,
    )
    assert _one(
        engine,
        "SELECT count(*) FROM relations WHERE type = 'replies_to' AND source_id = :id "
        "AND certainty = 'certain' AND provenance_locator LIKE 'footnote 1, %'",
        id=reply,
    )
    decision = _one(engine, "SELECT decision_id FROM tallies")
    data = client.data(TALLY, {"id": encode_id("Decision", decision)})
    assert data["node"]["tally"] == {
        "unanimous": True,
        "recordedFor": None,
        "recordedAgainst": None,
        "recordedAbstentions": None,
        "verbatim": "footnote 1, 1936-03-03:Kaganovich:RGASPI, f. 558, op. 11, d. 90, l. 7: unanimously",
        "note": None,
    }
    pravda = _one(engine, "SELECT id FROM bodies WHERE name = 'Pravda'")
    assert client.data(BODY, {"id": encode_id("Body", pravda)})["node"] == {"name": "Pravda", "needsReview": True}
    politburo = _one(engine, "SELECT body_id FROM decisions WHERE id = :id", id=decision)
    assert client.data(BODY, {"id": encode_id("Body", politburo)})["node"]["needsReview"] is False

    again = import_paths(engine, [path])
    for report in again.files:
        assert total(report.counts, "created") == 0, report.counts
        assert total(report.counts, "updated") == 0, report.counts

    corrected = import_paths(engine, [_write(path, "unanimously, with one abstention")])
    assert corrected.files[0].counts["tallies"]["updated"] == 1
    tally = client.data(TALLY, {"id": encode_id("Decision", decision)})["node"]["tally"]
    assert (tally["unanimous"], tally["recordedAbstentions"]) == (True, 1)
    assert _one(engine, "SELECT count(*) FROM documents WHERE natural_key LIKE 'correspondence:stalin-reply:%'") == 1


@pytest.mark.skipif(not (LETTERS.is_file() and TERROR.is_file()), reason=f"the reference corpus is not at {CORPUS}")
def test_the_corpus_loads_replies_and_both_yenukidze_tallies(engine: Engine, client: GraphQLClient) -> None:
    report = import_paths(engine, [LETTERS, TERROR])
    assert report.ok
    assert _one(engine, "SELECT count(*) FROM documents WHERE natural_key LIKE 'correspondence:stalin-reply:%'") == 8
    assert (
        _one(
            engine,
            "SELECT count(*) FROM relations r JOIN documents d ON d.id = r.source_id "
            "WHERE r.type = 'replies_to' AND d.natural_key LIKE 'correspondence:stalin-reply:%'",
        )
        == 9
    )
    assert _one(engine, "SELECT count(*) FROM tallies") == 2
    decision = _one(engine, "SELECT id FROM decisions WHERE natural_key = 'road-to-terror:rtt:decision:41'")
    tally = client.data(TALLY, {"id": encode_id("Decision", decision)})["node"]["tally"]
    assert tally["unanimous"] is False  # only the second version says unanimously
    assert tally["recordedAgainst"] is None  # the versions disagree
    assert tally["verbatim"].startswith("road-to-terror-ocr.txt: document 41: ")
    assert " | road-to-terror-ocr.txt: document 42: " in tally["verbatim"]
    assert "disagree on votes against" in tally["note"]
