"""Every editorial date form: its EDTF (checked by the `edtf` package) and the round trip through display."""

from __future__ import annotations

import datetime

import edtf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.dates.edtf import MONTH_NAMES
from chronology.dates.fuzzy import FuzzyDate, Qualifier, from_edtf, parse_date

S, U, A = Qualifier.SUPPLIED, Qualifier.UNCERTAIN, Qualifier.APPROXIMATE


@pytest.mark.parametrize(
    ("text", "expected", "qualifiers"),
    [
        # exact, in the orders and punctuation editions use
        ("17 August 1936", "1936-08-17", set()),
        ("August 17, 1936", "1936-08-17", set()),
        ("August 17 1936", "1936-08-17", set()),
        ("17.VIII.36", "1936-08-17", set()),
        # the year or the whole date supplied by the editors
        ("August 17 [1936]", "1936-08-17", {S}),
        ("17 August [1936]", "1936-08-17", {S}),
        ("[17 August 1936]", "1936-08-17", {S}),
        ("[August 1936]", "1936-08", {S}),
        # doubt and approximation
        ("4 [?] December 1936", "1936-12-04?", {U}),
        ("December 4 [?], 1936", "1936-12-04?", {U}),
        ("c. December 1935", "1935-12~", {A}),
        ("ca. December 1935", "1935-12~", {A}),
        ("circa 1935", "1935~", {A}),
        # seasons and parts of months or years
        ("Spring 1933", "1933-21", set()),
        ("[Spring-Summer 1932]", "1932-21/1932-22", {S}),
        ("end of August 1936", "[1936-08-21..1936-08-31]", set()),
        ("[end of 1935]", "[1935-10..1935-12]", {S}),
        ("early August 1936", "[1936-08-01..1936-08-10]", set()),
        ("mid-August 1936", "[1936-08-11..1936-08-20]", set()),
        # ranges
        ("7-12 January 1933", "1933-01-07/1933-01-12", set()),
        ("7–12 January 1933", "1933-01-07/1933-01-12", set()),
        ("30 August – 2 September 1936", "1936-08-30/1936-09-02", set()),
        # one date somewhere between two
        ("between 17 and 20 August 1936", "[1936-08-17..1936-08-20]", set()),
        ("between August 17 and 20, 1936", "[1936-08-17..1936-08-20]", set()),
        ("between 17 August and 2 September 1936", "[1936-08-17..1936-09-02]", set()),
        ("Between 30 December 1935 and 2 January 1936", "[1935-12-30..1936-01-02]", set()),
        ("[between 1935 and 1936]", "[1935..1936]", {S}),
        # termini, bracketed or not, in the wordings editors use
        ("not later than 17 August 1936", "../1936-08-17", set()),
        ("no later than August 17, 1936", "../1936-08-17", set()),
        ("Not later than 17.VIII.36", "../1936-08-17", set()),
        ("before 17 August 1936", "../1936-08-17", set()),
        ("not after August 1936", "../1936-08", set()),
        ("[not later than 17 August 1936]", "../1936-08-17", {S}),
        ("not later than [17 August 1936]", "../1936-08-17", {S}),
        ("not later than August 17 [1936]", "../1936-08-17", {S}),
        ("not earlier than 17 August 1936", "1936-08-17/..", set()),
        ("no earlier than 17 August 1936", "1936-08-17/..", set()),
        ("after 17 August 1936", "1936-08-17/..", set()),
        ("not before Spring 1933", "1933-21/..", set()),
        ("[after 17 August 1936]", "1936-08-17/..", {S}),
        ("after 4 [?] December 1936", "1936-12-04?/..", {U}),
    ],
)
def test_editorial_forms_read_to_valid_edtf(text: str, expected: str, qualifiers: set[Qualifier]) -> None:
    date = parse_date(text)
    assert date.edtf == expected
    assert date.verbatim == text
    assert set(date.qualifiers) == qualifiers
    edtf.parse_edtf(date.edtf)  # the reference implementation accepts it
    _round_trips(date)


@pytest.mark.parametrize(
    ("text", "side", "lower", "upper"),
    [
        ("not later than 17 August 1936", "start", "1936-01-01", "1936-08-17"),
        ("before August 1936", "start", "1936-01-01", "1936-08-31"),
        ("not earlier than 17 August 1936", "end", "1936-08-17", "1936-12-31"),
        ("after winter 1936", "end", "1936-12-01", "1937-02-28"),
        ("17 August 1936", None, "1936-08-17", "1936-08-17"),
        ("between 17 and 20 August 1936", None, "1936-08-17", "1936-08-20"),
    ],
)
def test_a_terminus_is_open_on_one_side_and_searched_to_the_years_horizon(
    text: str, side: str | None, lower: str, upper: str
) -> None:
    date = parse_date(text)
    assert date.open_side == side
    assert (date.lower, date.upper) == (datetime.date.fromisoformat(lower), datetime.date.fromisoformat(upper))


@pytest.mark.parametrize(
    "text",
    [
        "before the end of 1935",  # a phrase is already a span; a terminus of it is not read
        "after 1-3 May 1936",
        "between 17 August",
        "between and 20 August 1936",
        "not later than",
    ],
)
def test_malformed_termini_and_spans_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="cannot read date"):
        parse_date(text)


def _round_trips(date: FuzzyDate) -> None:
    """Text → value → display → value, and value → EDTF → value, keep the date."""
    shown = parse_date(date.display())
    assert (shown.edtf, shown.lower, shown.upper, shown.qualifiers) == (
        date.edtf,
        date.lower,
        date.upper,
        date.qualifiers,
    )
    again = from_edtf(date.edtf, date.verbatim)
    assert again == date
    assert from_edtf(date.edtf).edtf == date.edtf


_YEARS = st.integers(1900, 1960)
_MONTHS = st.integers(1, 12)
_DAYS = st.integers(1, 28)
_TERMINI = st.sampled_from(
    ["not later than", "no later than", "before", "not after", "not earlier than", "no earlier than", "after"]
)


@st.composite
def _printed_dates(draw: st.DrawFn) -> str:
    """Draw a date as an editor might print it, in any of the forms the grammar reads."""
    year, month, day = draw(_YEARS), draw(_MONTHS), draw(_DAYS)
    name = MONTH_NAMES[month - 1]
    last = draw(st.integers(day, 28))
    forms = [
        f"{day} {name} {year}",
        f"{name} {day}, {year}",
        f"{name} {day} [{year}]",
        f"[{day} {name} {year}]",
        f"{day} [?] {name} {year}",
        f"c. {name} {year}",
        f"{draw(st.sampled_from(['Spring', 'Summer', 'Autumn']))} {year}",
        f"{draw(st.sampled_from(['early', 'mid-', 'late', 'end of']))} {name} {year}".replace("- ", "-"),
        f"{day}–{last} {name} {year}" if last > day else f"{name} {year}",
        f"between {day} and {last} {name} {year}" if last > day else f"{year}",
        f"{draw(_TERMINI)} {day} {name} {year}",
        f"[{draw(_TERMINI)} {name} {year}]",
        f"{draw(_TERMINI)} {name} {day} [{year}]",
    ]
    return draw(st.sampled_from(forms))


@settings(max_examples=300, deadline=None)
@given(_printed_dates())
def test_every_form_round_trips(text: str) -> None:
    date = parse_date(text)
    edtf.parse_edtf(date.edtf)
    _round_trips(date)
