"""The TimelineJS export opened in the real TimelineJS 3 library, offline, in headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronology.exporters import ExportOptions, get_exporter
from tests.exporters.dataset import dataset
from tests.web.conftest import SCREENSHOTS

if TYPE_CHECKING:
    from playwright.sync_api import Page, Route

VENDOR = Path(__file__).parent / "vendor" / "timelinejs"

# TimelineJS loads its font stylesheet and any non-English language file from `script_path`
# (by default a CDN). English is built in; `font: null` skips the font stylesheet, and a local
# `script_path` means that anything still asked for stays on this machine.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS export</title>
<link rel="stylesheet" href="{css}">
<script src="{js}"></script>
<style>html, body {{ margin: 0; height: 100%; }} #timeline-embed {{ width: 100%; height: 720px; }}</style>
</head><body>
<div id="timeline-embed"></div>
<script>
window.exported = {data};
window.timeline = new TL.Timeline("timeline-embed", JSON.parse(JSON.stringify(window.exported)), {{
  script_path: "{script_path}", font: null, language: "en", duration: 200, timenav_height: 260
}});
window.timeline.on("loaded", function () {{ window.timelineLoaded = true; }});
</script>
</body></html>
"""

SETTLED = """() => window.timelineLoaded === true
  || (window.timeline && window.timeline.config && !window.timeline.config.isValid())"""


def _export() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(b"".join(get_exporter("timelinejs").writer(dataset(), ExportOptions())))
    return data


def _write_page(directory: Path, data: dict[str, Any]) -> Path:
    # "</" would close the inline script if a headline ever held "</script>".
    inline = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    html = PAGE.format(
        css=(VENDOR / "timeline.css").as_uri(),
        js=(VENDOR / "timeline.js").as_uri(),
        script_path=VENDOR.as_uri() + "/",
        data=inline,
    )
    path = directory / "timeline.html"
    path.write_text(html, encoding="utf-8")
    return path


def _go_to(page: Page, unique_id: str, steps: int = 12) -> None:
    # As a reader would: press the "next" arrow until the slide comes up.
    for _ in range(steps):
        current = page.evaluate("window.timeline.current_id")
        if current == unique_id:
            break
        page.locator(".tl-slidenav-next").click()
        page.wait_for_function(f"window.timeline.current_id !== {json.dumps(current)}")
    assert page.evaluate("window.timeline.current_id") == unique_id
    # The story slider slides sideways; wait until the slide has come to rest on screen.
    page.wait_for_function(
        """(id) => { const box = document.getElementById(id).getBoundingClientRect();
                      return Math.abs(box.left) < 1; }""",
        arg=unique_id,
    )


def test_timelinejs_renders_the_export_offline(page: Page, tmp_path: Path) -> None:
    data = _export()
    events = data["events"]
    assert events
    assert data["eras"]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    outside: list[str] = []

    def stay_local(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", stay_local)
    page.goto(_write_page(tmp_path, data).as_uri())
    page.wait_for_function(SETTLED, timeout=15_000)

    problems = page.evaluate("window.timeline.config.messages")
    assert problems == {"errors": [], "warnings": []}, problems
    assert page.evaluate("window.timelineLoaded") is True
    assert not errors, errors
    assert not outside, f"TimelineJS asked for outside resources: {outside}"

    # Every exported event became a slide and a marker under its own id; nothing was dropped.
    ids = [e["unique_id"] for e in events]
    assert sorted(page.evaluate("window.timeline.config.events.map(e => e.unique_id)")) == sorted(ids)
    assert page.locator(".tl-timemarker").count() == len(events)
    assert page.locator(".tl-slide").count() == len(events) + 1  # and the title slide
    for unique_id in ids:
        assert page.locator(f"#{unique_id}").count() == 1
        assert page.locator(f"#{unique_id}-marker").count() == 1

    # The title slide is the one shown first.
    title = page.locator(".tl-slide-titleslide")
    assert title.get_attribute("id") == "title"
    assert data["title"]["text"]["headline"] in title.inner_text()
    assert page.evaluate("window.timeline.current_id") == "title"

    # Dates at month precision and with supplied parts sit in date order on the axis.
    def left(unique_id: str) -> float:
        box = page.locator(f"#{unique_id}-marker").bounding_box()
        assert box is not None
        return box["x"]

    assert left("event-401") < left("document-102") < left("document-100") < left("document-101")
    assert "tl-timemarker-with-end" in (page.locator("#decision-201-marker").get_attribute("class") or "")

    # Each kind of record gets its own labelled row of markers.
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    assert sorted(g.strip() for g in groups) == sorted({e["group"] for e in events})

    # Eras are the bands under the markers, one per exported era, with their headlines.
    assert page.locator(".tl-timeera").count() == len(data["eras"])
    era_text = " ".join(page.locator(".tl-timeera").all_inner_texts())
    for era in data["eras"]:
        assert era["text"]["headline"] in era_text

    # Each slide says the date as the source gives it, not a date TimelineJS made up.
    for unique_id, shown in [("document-102", "c. December 1935"), ("document-101", "17 August [1936]")]:
        assert next(e for e in events if e["unique_id"] == unique_id)["display_date"] == shown
        _go_to(page, unique_id)
        date = page.locator(f"#{unique_id} .tl-headline-date")
        assert date.inner_text() == shown
        assert date.is_visible()
    assert page.locator("#document-101 .tl-headline").inner_text() == "Stalin to Kaganovich and Molotov"
    assert "<final>" in page.locator("#document-101 .tl-text-content").inner_text()

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timelinejs_export.png"))
    assert not errors, errors
