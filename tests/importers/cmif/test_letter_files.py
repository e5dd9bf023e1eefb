"""CMIF files and csv2cmi tables read into the same plain letters: invented variants, then a real edition."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronology.importers.cmif.csv2cmi import read_table, table_date
from chronology.importers.cmif.letters import Letter, LetterDate, LetterFileError, Named
from chronology.importers.cmif.tei import read_cmif
from tests.paths import INTERCHANGE

INI = """[Project]
title = Letters of an invented circle
editor = A. Editor
editor_mail = editor@example.org
publisher = An Academy
file_url = https://example.org/letters.xml
extra_delimiter = |

[Vol-1]
title = Letters, volume 1, ed. by A. Editor, Leipzig 1990
type = print
"""
HEADER = (
    '"key","edition","sender","senderID","senderPlace","senderPlaceID","senderDate","senderDateText",'
    '"addressee","addresseeID","addresseePlace","addresseePlaceID","addresseeDate","addresseeDateText","page","note"'
)
TABLE = "\n".join(
    [
        HEADER,
        '"1","Vol-1","Anna Alpha","http://d-nb.info/gnd/1","Halle","http://www.geonames.org/1",'
        '"1690-03-04~","[4. März] 1690","Bruno Beta","http://d-nb.info/gnd/2","Gotha","","","","",""',
        '"2","Vol-1","Bruno Beta","http://d-nb.info/gnd/2","","","[1691-05..1691-07]","[Sommer 1691]",'
        '"[Anna Alpha]|[Carl Gamma]","http://d-nb.info/gnd/1","","","","","",""',
        '"3","Vol-1","Anna Alpha","","","","1692-01-02/1692-01-05","2.–5. Januar 1692",'
        '"Bruno Beta","http://d-nb.info/gnd/2","","","","","",""',
    ]
)
CMIF = (Path(__file__).parent / "fixtures" / "invented.xml").read_bytes()  # written for these tests


def _letters(letter_file: object) -> list[tuple[object, ...]]:
    return [
        (
            letter.key,
            letter.edition.title if letter.edition else None,
            letter.sent,
            letter.received,
        )
        for letter in letter_file.letters  # type: ignore[attr-defined]
    ]


def _letters_of(letter: Letter) -> tuple[object, ...]:
    return (letter.key, letter.edition.title if letter.edition else None, letter.sent, letter.received)


def test_the_table_and_the_cmif_file_give_the_same_letters() -> None:
    table = read_table(TABLE, INI)
    cmif = read_cmif(CMIF)
    assert _letters(table) == _letters(cmif)
    assert (table.title, table.editor, table.editor_email, table.url) == (
        cmif.title,
        cmif.editor,
        cmif.editor_email,
        cmif.url,
    )
    second = table.letters[1]
    assert second.received.persons == (
        Named("Anna Alpha", "http://d-nb.info/gnd/1", "conjecture"),
        Named("Carl Gamma", None, "conjecture"),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1685-12-22", LetterDate(when="1685-12-22")),
        ("1685", LetterDate(when="1685")),
        ("1685-08-13~", LetterDate(when="1685-08-13", cert="medium")),
        ("1684-08%", LetterDate(when="1684-08", cert="medium")),
        ("1688?", LetterDate(when="1688", cert="medium")),
        ("[1685-03..1685-07]", LetterDate(not_before="1685-03", not_after="1685-07")),
        ("[..1685-10-13]", LetterDate(not_after="1685-10-13")),
        ("[1677..]", LetterDate(not_before="1677")),
        ("[1681-08,1681-09-10]", LetterDate(not_before="1681-08", not_after="1681-09-10")),
        ("[1689-12-12,1689-12-13,1689-12-14]", LetterDate(not_before="1689-12-12", not_after="1689-12-14")),
        ("1685-09~/1685-12~", LetterDate(start="1685-09", end="1685-12", cert="medium")),
        ("1687-06-18/1687-06-21", LetterDate(start="1687-06-18", end="1687-06-21")),
    ],
)
def test_every_table_date_form_becomes_cmif_attributes(value: str, expected: LetterDate) -> None:
    assert table_date(value, None) == expected


@pytest.mark.parametrize("value", ["22.12.1685", "[..]", "1685-13", "1685/", "spring 1685", "[1685-03...1685-07]"])
def test_a_date_csv2cmi_cannot_read_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        table_date(value, None)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (TABLE.replace('"Vol-1","Bruno', '"Vol-9","Bruno', 1), r"line 3: edition 'Vol-9' is not in the \.ini"),
        (TABLE.replace('"[1691-05..1691-07]"', '"Sommer 1691"'), "line 3: 'Sommer 1691' is not a date"),
        (TABLE.replace('"http://d-nb.info/gnd/1"', '"a|b|c"', 1), "line 2: 1 sender names but 3 ids"),
        (TABLE.replace('"senderID",', '"senderId",', 1), "line 1: no column senderID"),
    ],
)
def test_bad_rows_are_refused_with_their_line(table: str, message: str) -> None:
    with pytest.raises(LetterFileError, match=message):
        read_table(table, INI)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<TEI", "not well-formed"),
        (b"<html/>", "not a TEI file"),
        (CMIF.replace(b'source="#v1" key="2"', b'source="#v9" key="2"'), "source #v9 names no bibl"),
        (CMIF.replace(b'type="received"><persName ref="http://d-nb.info/gnd/2">Bruno', b'type="copied"><persName>B', 1),
         "correspAction type 'copied'"),
    ],
)  # fmt: skip
def test_a_bad_cmif_file_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(LetterFileError, match=message):
        read_cmif(data)


SPENER = INTERCHANGE / "spener"


@pytest.mark.skipif(not SPENER.exists(), reason="the Spener edition is not in ../shared/interchange/")
def test_the_spener_table_and_cmif_file_agree_letter_by_letter() -> None:
    cmif = read_cmif((SPENER / "letters.xml").read_bytes())
    table = read_table(
        (SPENER / "letters.csv").read_text(encoding="utf-8"), (SPENER / "csv2cmi.ini").read_text(encoding="utf-8")
    )
    assert len(cmif.letters) == len(table.letters) == 2435
    pairs = zip(cmif.letters, table.letters, strict=True)
    differing = [(a.key, a.line, b.line) for a, b in pairs if _letters_of(a) != _letters_of(b)]
    assert not differing
    dates = {(d.when is not None, d.cert) for letter in cmif.letters if (d := letter.sent.date) is not None}
    assert (True, "medium") in dates  # the doubted dates keep their certainty
    gnd = {p.ref for letter in cmif.letters for p in letter.sent.persons if p.ref}
    assert all(ref.startswith("http://d-nb.info/gnd/") for ref in gnd)


def test_our_cmif_export_reads_back_as_the_same_letters() -> None:
    from chronology.exporters import ExportOptions, get_exporter
    from tests.exporters.dataset import dataset

    data = b"".join(get_exporter("tei").writer(dataset(), ExportOptions(created="2026-12-07T21:00:00Z")))
    letters = read_cmif(data)
    assert letters.url == "http://127.0.0.1:8000/export/export"
    by_key = {letter.sent.date.text if letter.sent.date else None: letter for letter in letters.letters}
    reply = by_key["August 17 [1936]"]
    assert reply.sent.persons == (Named("Iosif Vissarionovich Stalin", "http://www.wikidata.org/entity/Q855"),)
    assert reply.sent.date == LetterDate(
        when="1936-08-17", cert="medium", evidence="conjecture", text="August 17 [1936]"
    )
    assert [p.name for p in reply.received.persons] == [
        "Lazar Moiseevich Kaganovich",
        "Viacheslav Mikhailovich Molotov",
    ]
    telegram = by_key["January 15, 1936"]
    assert telegram.edition is not None
    assert telegram.edition.title.startswith("R. W. Davies et al., The Stalin-Kaganovich Correspondence")
