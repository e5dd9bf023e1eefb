"""TimelineJS 3 JSON: documents, decisions and events as slides, in five groups (lanes).

A slide's date parts stop at the date's true precision (a month-only date has no day), its
`display_date` says what the source says ("c. December 1935", "17 August [1936]"), and a span
(a season, a range, "end of 1935") gets an `end_date`. Events that are intervals — a trial,
a plenum, a vacation — are also eras, the bands TimelineJS draws under the slides.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape

from chronology.exporters import readings
from chronology.exporters.common import (
    CORRESPONDENCE_KINDS,
    display_date,
    first_copy_reference,
    kind_label,
    single_point,
)
from chronology.exporters.xml import clean
from chronology.interchange.options import ExportOptions
from chronology.interchange.records import ExportDate, ExportSource


def _day(date: Any) -> dict[str, int]:
    return {"year": date.year, "month": date.month, "day": date.day}


def date_fields(date: ExportDate) -> dict[str, Any]:
    """Return start_date (and end_date for spans) at the date's precision, with display dates."""
    shown = display_date(date)
    point = single_point(date)
    if point is not None:
        start: dict[str, Any] = {"year": point.year}
        if point.month is not None:
            start["month"] = point.month
        if point.day is not None:
            start["day"] = point.day
        start["display_date"] = shown
        return {"start_date": start, "display_date": shown}
    start = {**_day(date.lower), "display_date": shown}
    end = {**_day(date.upper), "display_date": shown}
    return {"start_date": start, "end_date": end, "display_date": shown}


def _html(text: str | None) -> str:
    return escape(clean(text)) if text else ""


def _slide(unique_id: str, headline: str, body: str, group: str, date: ExportDate) -> dict[str, Any]:
    return {
        "unique_id": unique_id,
        **date_fields(date),
        "text": {"headline": _html(headline), "text": body},
        "group": group,
    }


# A handful of lanes: TimelineJS's navigator gives each group a row, so one group per kind
# (a score of them on a full export) leaves no room for the slides. The kind is in the text.
GROUPS = {
    **dict.fromkeys(CORRESPONDENCE_KINDS, "Letters and telegrams"),
    **dict.fromkeys(("decree", "resolution", "order", "circular", "protocol_extract"), "Decrees and resolutions"),
}
OTHER_DOCUMENTS = "Other documents"
DECISIONS = "Decisions"
EVENTS = "Events"


def document_group(kind: str) -> str:
    """Return the lane of a document kind."""
    return GROUPS.get(kind, OTHER_DOCUMENTS)


def _slides(source: ExportSource) -> Iterator[dict[str, Any]]:
    for d in source.documents():
        if d.date is None:
            continue  # TimelineJS cannot place an undated slide
        parts = [f"<p><small>{_html(kind_label(d.kind))}</small></p>"]
        if d.summary:
            parts.append(f"<p>{_html(d.summary)}</p>")
        reference = first_copy_reference(d)
        if reference is not None:
            parts.append(f"<p><small>{_html(readings.marked_citation(reference))}</small></p>")
        yield _slide(f"document-{d.id}", d.title, "".join(parts), document_group(d.kind), d.date)
    for c in source.decisions():
        if c.date is None:
            continue
        body = f"<p>{_html(c.body_name)}: {_html(kind_label(c.outcome).lower())}</p>"
        yield _slide(f"decision-{c.id}", c.title, body, DECISIONS, c.date)
    for e in source.events():
        if e.date is None:
            continue
        body = f"<p><small>{_html(kind_label(e.type))}</small></p>"
        body += f"<p>{_html(e.description)}</p>" if e.description else ""
        yield _slide(f"event-{e.id}", e.title, body, EVENTS, e.date)


def _eras(source: ExportSource) -> Iterator[dict[str, Any]]:
    for e in source.events():
        if e.date is None or "/" not in e.date.edtf:
            continue  # only true intervals (a trial, a plenum) are bands of time
        shown = display_date(e.date)
        yield {
            "start_date": {**_day(e.date.lower), "display_date": shown},
            "end_date": {**_day(e.date.upper), "display_date": shown},
            "text": {"headline": _html(e.title), "text": ""},
            "unique_id": f"era-{e.id}",
        }


def _array(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    separator = "\n  "
    for item in items:
        yield separator + json.dumps(item, ensure_ascii=False, sort_keys=True)
        separator = ",\n  "


def write(source: ExportSource, options: ExportOptions) -> Iterator[bytes]:
    """Write a TimelineJS 3 timeline."""
    title = {"text": {"headline": _html(options.title), "text": ""}, "unique_id": "title"}
    yield ('{\n "title": ' + json.dumps(title, ensure_ascii=False, sort_keys=True) + ',\n "events": [').encode()
    for chunk in _array(_slides(source)):
        yield chunk.encode()
    yield b'\n ],\n "eras": ['
    for chunk in _array(_eras(source)):
        yield chunk.encode()
    yield b'\n ],\n "scale": "human"\n}\n'
