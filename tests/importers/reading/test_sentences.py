"""Quotations the editors left unclosed run to the signature, where the editors speak again."""

from __future__ import annotations

import pytest

from chronology.importers.correspondence.facts import annotation_for
from chronology.importers.reading.sentences import quoted_spans, sentences

_RESOLUTION = "There is Stalin's resolution in blue pencil: {open}To Kalinin. Agree. Publish it regionally. I. Stalin."


@pytest.mark.parametrize("opening", ["“", "«", '"'])
@pytest.mark.parametrize(
    "statement",
    [
        "On 3 March 1936, the PB approved this proposal.",
        "On March 3, 1936, the PB approved it.",
        "On the same day the PB agreed.",
        "The next day the PB adopted the decision.",
        "See Document No. 745.",
    ],
)
def test_an_unclosed_resolution_runs_to_the_editors_next_statement(opening: str, statement: str) -> None:
    note = _RESOLUTION.format(open=opening) + " " + statement
    parts = [note[a:b] for a, b in sentences(note)]
    assert parts == [_RESOLUTION.format(open=opening), statement]
    annotation = annotation_for(parts[0], 1)
    assert annotation is not None
    assert annotation.text.endswith("I. Stalin.")


@pytest.mark.parametrize(
    "citation", ["(RGASPI. F. 17. Op. 3. D. 975. L. 2).", "(Ibid. L. 2)", "(GARF F. R-5446. Op. 1. D. 4)"]
)
def test_an_unclosed_quotation_stops_before_the_editors_citation(citation: str) -> None:
    quoted = _RESOLUTION.format(open="“")
    note = quoted + " " + citation
    start = quoted.index("“")
    assert quoted_spans(note) == [(start, len(quoted))]


def test_an_unclosed_quotation_at_the_end_of_a_note_runs_to_its_end() -> None:
    note = "Marks on the cipher: “For. I. Stalin. V. Molotov. A. Mikoyan. Andreev."
    assert quoted_spans(note) == [(note.index("“"), len(note))]
    assert len(sentences(note)) == 1


def test_closed_quotations_are_unchanged() -> None:
    note = "Stalin wrote: “Agree. I. Stalin”. On 3 March 1936 the PB agreed. It was published."
    assert quoted_spans(note) == [(note.index("“"), note.index("”") + 1)]
    assert [note[a:b] for a, b in sentences(note)] == [
        "Stalin wrote: “Agree. I. Stalin”.",
        "On 3 March 1936 the PB agreed.",
        "It was published.",
    ]
