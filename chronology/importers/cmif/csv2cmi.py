"""Read a letter table in the csv2cmi column layout, with its `.ini` of editions, into plain letters.

The table's dates are ISO or EDTF-like; they become CMIF's attributes as csv2cmi makes them:
`1685-12-22` → `when`; `1685-08-13~` (or `%`, `?`) → `when` with `cert="medium"`;
`[1685-03..1685-07]` and the set `[1685-07,1685-08]` → `notBefore`/`notAfter` (either may be
open: `[..1685-10-13]`); `1685-09~/1685-12~` → `from`/`to`. Several persons or places in one
cell are split at the `.ini`'s `extra_delimiter`, their ids likewise.
"""

from __future__ import annotations

import configparser
import csv
import io
import re

from chronology.importers.cmif.letters import Action, Edition, Letter, LetterDate, LetterFile, LetterFileError, Named

COLUMNS = ("sender", "senderID", "senderPlace", "senderPlaceID", "senderDate", "addressee", "addresseeID")
_DAY = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_POINT = re.compile(rf"^(?P<day>{_DAY})(?P<mark>[~%?]?)$")
_BOUNDS = re.compile(rf"^\[(?P<low>{_DAY})?\.\.(?P<high>{_DAY})?\]$")
_SET = re.compile(rf"^\[(?P<items>{_DAY}(?:,{_DAY})+)\]$")
_SPAN = re.compile(rf"^(?P<start>{_DAY})(?P<m1>[~%?]?)/(?P<end>{_DAY})(?P<m2>[~%?]?)$")


def table_date(value: str, text: str | None) -> LetterDate | None:
    """Return the CMIF date of a table cell, or raise ValueError when it is none of csv2cmi's forms."""
    value = value.strip()
    if not value:
        return None
    wording = text or None
    if match := _POINT.match(value):
        return LetterDate(when=match["day"], cert="medium" if match["mark"] else None, text=wording)
    if (match := _BOUNDS.match(value)) and (match["low"] or match["high"]):
        return LetterDate(not_before=match["low"], not_after=match["high"], text=wording)
    if match := _SET.match(value):
        items = match["items"].split(",")
        return LetterDate(not_before=items[0], not_after=items[-1], text=wording)
    if match := _SPAN.match(value):
        cert = "medium" if match["m1"] or match["m2"] else None
        return LetterDate(start=match["start"], end=match["end"], cert=cert, text=wording)
    raise ValueError(f"{value!r} is not a date csv2cmi reads (ISO, EDTF range, set or interval)")


def _one(name: str, ref: str | None) -> Named:
    # A name in square brackets is the editors' conjecture, as csv2cmi reads it.
    if name.startswith("[") and name.endswith("]"):
        return Named(name[1:-1].strip(), ref, "conjecture")
    return Named(name, ref)


def _named(names: str, ids: str, delimiter: str, what: str) -> tuple[Named, ...]:
    parts = [n.strip() for n in names.split(delimiter)] if names.strip() else []
    refs = [i.strip() or None for i in ids.split(delimiter)] if ids.strip() else []
    if len(refs) > len(parts):
        raise ValueError(f"{len(parts)} {what} names but {len(refs)} ids")
    # Ids are given in the order of the names; names after the last id have none.
    return tuple(_one(name, refs[n] if n < len(refs) else None) for n, name in enumerate(parts) if name)


def read_ini(text: str, *, source_name: str = "csv2cmi.ini") -> tuple[dict[str, str], dict[str, Edition]]:
    """Return the project's settings and the editions of a csv2cmi `.ini`, by edition code."""
    config = configparser.ConfigParser(interpolation=None)
    try:
        config.read_string(text, source=source_name)
    except configparser.Error as error:
        raise LetterFileError(f"{source_name}: {error}") from None
    project = dict(config["Project"]) if config.has_section("Project") else {}
    editions = {
        name: Edition(name, config[name].get("title", "").strip(), config[name].get("type"))
        for name in config.sections()
        if name != "Project"
    }
    for name, edition in editions.items():
        if not edition.title:
            raise LetterFileError(f"{source_name}: edition [{name}] has no title")
    return project, editions


def read_table(text: str, ini: str, *, source_name: str = "letters.csv") -> LetterFile:
    """Return the letters of a csv2cmi table, or raise LetterFileError naming the line."""
    project, editions = read_ini(ini)
    delimiter = project.get("extra_delimiter") or "|"
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise LetterFileError(f"{source_name}, line 1: no column {', '.join(missing)} (csv2cmi's layout)")
    letters = []
    for line, row in enumerate(reader, start=2):
        try:
            code = (row.get("edition") or "").strip()
            edition = editions.get(code) if code else None
            if code and edition is None:
                raise ValueError(f"edition {code!r} is not in the .ini")
            sent = Action(
                _named(row["sender"], row["senderID"], delimiter, "sender"),
                _named(row.get("senderPlace") or "", row.get("senderPlaceID") or "", delimiter, "sender place"),
                table_date(row.get("senderDate") or "", row.get("senderDateText")),
            )
            received = Action(
                _named(row["addressee"], row["addresseeID"], delimiter, "addressee"),
                _named(
                    row.get("addresseePlace") or "", row.get("addresseePlaceID") or "", delimiter, "addressee place"
                ),
                table_date(row.get("addresseeDate") or "", row.get("addresseeDateText")),
            )
        except (ValueError, AttributeError) as error:
            raise LetterFileError(f"{source_name}, line {line}: {error}") from None
        letters.append(Letter(line, (row.get("key") or "").strip() or None, edition, sent, received))
    return LetterFile(
        title=project.get("title"),
        editor=project.get("editor"),
        editor_email=project.get("editor_mail"),
        publisher=project.get("publisher"),
        url=project.get("file_url"),
        editions=tuple(editions.values()),
        letters=tuple(letters),
    )
