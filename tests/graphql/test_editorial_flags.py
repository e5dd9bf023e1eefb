"""Editorial flags through the API: a terminus's open side, an inferred reference; compiled and field by field alike."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session
from starlette.testclient import TestClient

from chronology import models
from chronology.app import create_app
from chronology.dates.fuzzy import parse_date
from chronology.settings import Settings
from tests import factories

# Without `display` the compiled path builds the whole page in SQL; with it, fields are resolved one by one.
_COMPILED = "{ documents(first: 10) { nodes { title date { verbatim edtf earliest latest openSide } } } }"
_QUERY = "{ documents(first: 10) { nodes { title date { verbatim edtf earliest latest openSide display } } } }"


def _columns(text: str) -> dict[str, object]:
    date = parse_date(text)
    return {
        "date_verbatim": date.verbatim,
        "date_edtf": date.edtf,
        "date_lower": date.lower,
        "date_upper": date.upper,
        "date_precision": date.precision.value,
        "date_qualifiers": sorted(q.value for q in date.qualifiers),
    }


def test_open_side_is_stated_and_bounds_stop_at_the_horizon(fresh_database: str, db: Session) -> None:
    texts = ["not later than 17 August 1936", "[not earlier than 20 August 1936]", "between 17 and 20 August 1936"]
    for text in texts:
        factories.document(db, text, **_columns(text))
    db.commit()
    answers = []
    for compile_selections in (True, False):
        with TestClient(create_app(Settings(compile_selections=compile_selections), database_url=fresh_database)) as c:
            for query in (_COMPILED, _QUERY):
                response = c.post("/graphql", json={"query": query})
                assert response.status_code == 200
                answers.append(response.text)
    assert answers[:2] == answers[2:]
    assert json.loads(answers[0])["data"]["documents"]["nodes"][0]["date"]["openSide"] == "START"
    nodes = {n["title"]: n["date"] for n in json.loads(answers[1])["data"]["documents"]["nodes"]}
    before, after, between = (nodes[t] for t in texts)
    assert (before["edtf"], before["openSide"], before["earliest"], before["latest"]) == (
        "../1936-08-17",
        "START",
        "1936-01-01",
        "1936-08-17",
    )
    assert (after["edtf"], after["openSide"], after["latest"]) == ("1936-08-20/..", "END", "1936-12-31")
    assert after["display"] == "[not earlier than 20 August 1936]"
    assert between["openSide"] is None
    assert between["display"] == "between 17 August 1936 and 20 August 1936"


_COPIES = "{ documents(first: 5) { nodes { title copies { archivalReference { normalised inferred } } } } }"
_CITED = "{ documents(first: 5) { nodes { title copies { archivalReference { inferred citation(style: GOST) } } } } }"


def test_an_inferred_reference_is_flagged_and_cited_as_inferred(fresh_database: str, db: Session) -> None:
    inferred = factories.archival_reference(
        db, folios=None, verbatim="", normalised="RGASPI, f. 17, op. 3, d. 970 [inferred]", doubtful=True
    )
    printed = factories.archival_reference(db)
    for title, reference in (("inferred", inferred), ("printed", printed)):
        document = factories.document(db, title)
        db.add(models.Copy(document_id=document.id, position=1, archival_reference_id=reference.id))
    db.commit()
    answers = []
    for compile_selections in (True, False):
        with TestClient(create_app(Settings(compile_selections=compile_selections), database_url=fresh_database)) as c:
            answers += [c.post("/graphql", json={"query": query}).text for query in (_COPIES, _CITED)]
    assert answers[:2] == answers[2:]
    nodes = {
        n["title"]: n["copies"][0]["archivalReference"] for n in json.loads(answers[1])["data"]["documents"]["nodes"]
    }
    assert nodes["inferred"] == {"inferred": True, "citation": "RGASPI. F. 17. Op. 3. D. 970. [inferred]"}
    assert nodes["printed"]["inferred"] is False
    assert not nodes["printed"]["citation"].endswith("[inferred]")
