"""A first pass through the API: documents with their parties, copies and chain."""

from __future__ import annotations

from sqlalchemy.orm import Session

from chronology import models
from chronology.graphql.runtime.ids import encode_id
from tests import factories
from tests.graphql.conftest import GraphQLClient


def test_documents_page_with_parties_and_copies(db: Session, client: GraphQLClient) -> None:
    author = factories.person(db, "Lazar Moiseevich Kaganovich", short_name="Kaganovich")
    telegram = factories.document(db, "Kaganovich to Stalin", place="Usyat")
    db.add(models.DocumentParty(document_id=telegram.id, role="author", position=1, person_id=author.id))
    reference = factories.archival_reference(
        db,
        opis="163",
        delo="1091",
        folios="59",
        verbatim="RGASPI F. 17. Op. 163. D. 1091. L. 59",
        normalised="RGASPI, f. 17, op. 163, d. 1091, l. 59",
    )
    db.add(
        models.Copy(
            document_id=telegram.id, position=1, archival_reference_id=reference.id, forms=["original", "typescript"]
        )
    )
    db.commit()
    data = client.data(
        """{ documents(first: 10) { totalCount edges { node { id title date { display }
             parties { role agent { ... on Person { canonicalName } } }
             copies { forms archivalReference { normalised } }
             citation } } } }"""
    )
    [edge] = data["documents"]["edges"]
    node = edge["node"]
    assert node["id"] == encode_id("Document", telegram.id)
    assert node["date"]["display"] == "15 January 1936"
    assert node["parties"][0]["agent"]["canonicalName"] == "Lazar Moiseevich Kaganovich"
    assert node["copies"][0]["forms"] == ["ORIGINAL", "TYPESCRIPT"]
    assert node["citation"] == "RGASPI, f. 17, op. 163, d. 1091, l. 59"
    assert data["documents"]["totalCount"] == 1
