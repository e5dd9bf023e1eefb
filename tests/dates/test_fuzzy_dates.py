"""Fuzzy historical dates: reading the sources' forms, EDTF, bounds and display."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronology.dates.edtf import MONTH_NAMES, Interval, OneOf, Point, Value, month_end
from chronology.dates.fuzzy import (
    DateParseError,
    FuzzyDate,
    Precision,
    Qualifier,
    find_dates,
    from_bounds,
    from_edtf,
    parse_date,
    parse_date_prefix,
)
from tests.paths import CORPUS

D = datetime.date
U, A, S = Qualifier.UNCERTAIN, Qualifier.APPROXIMATE, Qualifier.SUPPLIED
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class Case:
    text: str
    edtf: str
    lower: datetime.date
    upper: datetime.date
    precision: Precision
    qualifiers: frozenset[Qualifier]
    display: str
    default_year: int | None = None


def case(
    text: str,
    edtf: str,
    lower: datetime.date,
    upper: datetime.date,
    precision: Precision,
    display: str,
    *qualifiers: Qualifier,
    default_year: int | None = None,
) -> Case:
    return Case(text, edtf, lower, upper, precision, frozenset(qualifiers), display, default_year)


DAY, MONTH, SEASON, YEAR, DECADE = (
    Precision.DAY,
    Precision.MONTH,
    Precision.SEASON,
    Precision.YEAR,
    Precision.DECADE,
)
J15 = D(1936, 1, 15)

CASES = [
    case("January 15, 1936", "1936-01-15", J15, J15, DAY, "15 January 1936"),
    case("January 15 1936", "1936-01-15", J15, J15, DAY, "15 January 1936"),
    case(
        "August 17 [1936]",
        "1936-08-17",
        D(1936, 8, 17),
        D(1936, 8, 17),
        DAY,
        "17 August [1936]",
        S,
    ),
    case("on August 22, 1936", "1936-08-22", D(1936, 8, 22), D(1936, 8, 22), DAY, "22 August 1936"),
    case("17/VIII - 36", "1936-08-17", D(1936, 8, 17), D(1936, 8, 17), DAY, "17 August 1936"),
    case("18/VIII.36", "1936-08-18", D(1936, 8, 18), D(1936, 8, 18), DAY, "18 August 1936"),
    case("15.1.1936", "1936-01-15", J15, J15, DAY, "15 January 1936"),
    case("19.VIII.35", "1935-08-19", D(1935, 8, 19), D(1935, 8, 19), DAY, "19 August 1935"),
    case("20.1.36", "1936-01-20", D(1936, 1, 20), D(1936, 1, 20), DAY, "20 January 1936"),
    case("23/1.1936", "1936-01-23", D(1936, 1, 23), D(1936, 1, 23), DAY, "23 January 1936"),
    case("29. VIII. 1936", "1936-08-29", D(1936, 8, 29), D(1936, 8, 29), DAY, "29 August 1936"),
    case("27/VIII. 36.", "1936-08-27", D(1936, 8, 27), D(1936, 8, 27), DAY, "27 August 1936"),
    case("17/8–36", "1936-08-17", D(1936, 8, 17), D(1936, 8, 17), DAY, "17 August 1936"),
    case(
        "4 [?] December 1936",
        "1936-12-04?",
        D(1936, 12, 4),
        D(1936, 12, 4),
        DAY,
        "4 [?] December 1936",
        U,
    ),
    case(
        "[end of 1935]",
        "[1935-10..1935-12]",
        D(1935, 10, 1),
        D(1935, 12, 31),
        MONTH,
        "[end of 1935]",
        S,
    ),
    case(
        "[Spring-Summer 1932]",
        "1932-21/1932-22",
        D(1932, 3, 1),
        D(1932, 8, 31),
        SEASON,
        "[spring–summer 1932]",
        S,
    ),
    case("January 1933", "1933-01", D(1933, 1, 1), D(1933, 1, 31), MONTH, "January 1933"),
    case(
        "7-12 January 1933",
        "1933-01-07/1933-01-12",
        D(1933, 1, 7),
        D(1933, 1, 12),
        DAY,
        "7–12 January 1933",
    ),
    case(
        "7–12 January 1933",
        "1933-01-07/1933-01-12",
        D(1933, 1, 7),
        D(1933, 1, 12),
        DAY,
        "7–12 January 1933",
    ),
    case(
        "10-11 September 1936",
        "1936-09-10/1936-09-11",
        D(1936, 9, 10),
        D(1936, 9, 11),
        DAY,
        "10–11 September 1936",
    ),
    case(
        "September 10-11, 1936",
        "1936-09-10/1936-09-11",
        D(1936, 9, 10),
        D(1936, 9, 11),
        DAY,
        "10–11 September 1936",
    ),
    case(
        "10 August – 2 November 1935",
        "1935-08-10/1935-11-02",
        D(1935, 8, 10),
        D(1935, 11, 2),
        DAY,
        "10 August – 2 November 1935",
    ),
    case(
        "February–March 1937",
        "1937-02/1937-03",
        D(1937, 2, 1),
        D(1937, 3, 31),
        MONTH,
        "February–March 1937",
    ),
    case(
        "[January 1935-June 1936]",
        "1935-01/1936-06",
        D(1935, 1, 1),
        D(1936, 6, 30),
        MONTH,
        "[January 1935 – June 1936]",
        S,
    ),
    case(
        "[Summer-Fall 1938]",
        "1938-22/1938-23",
        D(1938, 6, 1),
        D(1938, 11, 30),
        SEASON,
        "[summer–autumn 1938]",
        S,
    ),
    case(
        "winter-spring 1933",
        "1932-24/1933-21",
        D(1932, 12, 1),
        D(1933, 5, 31),
        SEASON,
        "winter 1932 – spring 1933",
    ),
    case("1936–1938", "1936/1938", D(1936, 1, 1), D(1938, 12, 31), YEAR, "1936–1938"),
    case("1936 Aug 20", "1936-08-20", D(1936, 8, 20), D(1936, 8, 20), DAY, "20 August 1936"),
    case("11 September 1936", "1936-09-11", D(1936, 9, 11), D(1936, 9, 11), DAY, "11 September 1936"),
    case("August 17th, 1936", "1936-08-17", D(1936, 8, 17), D(1936, 8, 17), DAY, "17 August 1936"),
    case("1936", "1936", D(1936, 1, 1), D(1936, 12, 31), YEAR, "1936"),
    case("[1936]", "1936", D(1936, 1, 1), D(1936, 12, 31), YEAR, "[1936]", S),
    case("1930s", "193X", D(1930, 1, 1), D(1939, 12, 31), DECADE, "1930s"),
    case("the 1930s", "193X", D(1930, 1, 1), D(1939, 12, 31), DECADE, "1930s"),
    case(
        "c. December 1935",
        "1935-12~",
        D(1935, 12, 1),
        D(1935, 12, 31),
        MONTH,
        "c. December 1935",
        A,
    ),
    case("ca. 1935", "1935~", D(1935, 1, 1), D(1935, 12, 31), YEAR, "c. 1935", A),
    case("about 1935", "1935~", D(1935, 1, 1), D(1935, 12, 31), YEAR, "c. 1935", A),
    case("circa 1935", "1935~", D(1935, 1, 1), D(1935, 12, 31), YEAR, "c. 1935", A),
    case(
        "September 14 [1936]",
        "1936-09-14",
        D(1936, 9, 14),
        D(1936, 9, 14),
        DAY,
        "14 September [1936]",
        S,
    ),
    case(
        "14 / IX",
        "1936-09-14",
        D(1936, 9, 14),
        D(1936, 9, 14),
        DAY,
        "14 September [1936]",
        S,
        default_year=1936,
    ),
    case(
        "30 August",
        "1936-08-30",
        D(1936, 8, 30),
        D(1936, 8, 30),
        DAY,
        "30 August [1936]",
        S,
        default_year=1936,
    ),
    case("January 15, 1936", "1936-01-15", J15, J15, DAY, "15 January 1936", default_year=1940),
    case(
        "[late 1937]",
        "[1937-09..1937-12]",
        D(1937, 9, 1),
        D(1937, 12, 31),
        MONTH,
        "[late 1937]",
        S,
    ),
    case("early 1936", "[1936-01..1936-04]", D(1936, 1, 1), D(1936, 4, 30), MONTH, "early 1936"),
    case(
        "beginning of 1936",
        "[1936-01..1936-03]",
        D(1936, 1, 1),
        D(1936, 3, 31),
        MONTH,
        "beginning of 1936",
    ),
    case("mid-1937", "[1937-05..1937-08]", D(1937, 5, 1), D(1937, 8, 31), MONTH, "mid-1937"),
    case(
        "early August 1936",
        "[1936-08-01..1936-08-10]",
        D(1936, 8, 1),
        D(1936, 8, 10),
        DAY,
        "early August 1936",
    ),
    case(
        "end of February 1936",
        "[1936-02-21..1936-02-29]",
        D(1936, 2, 21),
        D(1936, 2, 29),
        DAY,
        "end of February 1936",
    ),
    case("fall of 1932", "1932-23", D(1932, 9, 1), D(1932, 11, 30), SEASON, "autumn 1932"),
    case("winter 1936", "1936-24", D(1936, 12, 1), D(1937, 2, 28), SEASON, "winter 1936"),
    case(
        "December 1936?",
        "1936-12?",
        D(1936, 12, 1),
        D(1936, 12, 31),
        MONTH,
        "December [?] 1936",
        U,
    ),
    case("[June 1937]", "1937-06", D(1937, 6, 1), D(1937, 6, 30), MONTH, "[June 1937]", S),
    case("1936-08-17", "1936-08-17", D(1936, 8, 17), D(1936, 8, 17), DAY, "17 August 1936"),
    case(
        "1932-21/1932-22",
        "1932-21/1932-22",
        D(1932, 3, 1),
        D(1932, 8, 31),
        SEASON,
        "spring–summer 1932",
    ),
    case(
        "[1935-10..1935-12]",
        "[1935-10..1935-12]",
        D(1935, 10, 1),
        D(1935, 12, 31),
        MONTH,
        "end of 1935",
    ),
]


@pytest.mark.parametrize("expected", CASES, ids=lambda c: c.text)
def test_parse_date_reads_the_source_forms(expected: Case) -> None:
    date = parse_date(expected.text, default_year=expected.default_year)
    assert date.verbatim == expected.text
    assert date.edtf == expected.edtf
    assert (date.lower, date.upper) == (expected.lower, expected.upper)
    assert date.precision is expected.precision
    assert date.qualifiers == expected.qualifiers
    assert date.display() == expected.display
    assert date.is_range == ("/" in expected.edtf)


@pytest.mark.parametrize("expected", CASES, ids=lambda c: c.text)
def test_from_edtf_round_trips_every_parsed_date(expected: Case) -> None:
    date = parse_date(expected.text, default_year=expected.default_year)
    assert from_edtf(date.edtf, date.verbatim) == date
    bare = from_edtf(date.edtf)
    assert (bare.edtf, bare.lower, bare.upper, bare.precision) == (
        date.edtf,
        date.lower,
        date.upper,
        date.precision,
    )
    # EDTF has no mark for an editor's supplement: only the verbatim text carries it.
    assert bare.qualifiers == date.qualifiers - {S}
    assert bare.verbatim == date.edtf


def test_supplied_can_be_given_explicitly() -> None:
    date = from_edtf("1936-09-14", "14 / IX", supplied=True)
    assert date.qualifiers == {S}
    assert date.display() == "14 September [1936]"
    assert from_edtf("1936-08-17", "August 17 [1936]", supplied=False).qualifiers == frozenset()


def test_ranges_are_intervals_and_phrases_are_not() -> None:
    assert parse_date("7-12 January 1933").is_range
    assert not parse_date("[end of 1935]").is_range
    assert not parse_date("15 January 1936").is_range


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("February 30, 1936", "February 1936 has no day 30"),
        ("32 January 1936", "January 1936 has no day 32"),
        ("hello", "no date form recognised"),
        ("", "the text is empty"),
        ("   ", "the text is empty"),
        ("13/XIII.36", "month 13 does not exist"),
        ("14 / IX", "no year is given"),
        ("12-7 January 1933", "ends (1933-01-07) before it starts (1933-01-12)"),
        ("January 15, 1936 and more", "unexpected 'and more'"),
        ("c. end of 1935", "takes one plain year or month"),
        ("early 5 May 1936", "takes a year or a month, not a day"),
    ],
)
def test_invalid_dates_raise_with_the_text_and_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateParseError) as raised:
        parse_date(text)
    assert f"{text!r}" in str(raised.value)
    assert reason in str(raised.value)
    assert isinstance(raised.value, ValueError)


@pytest.mark.parametrize(
    "edtf",
    ["1936-13", "1936-00", "1936-25", "1936-21-05", "193X-05", "36", "1936/1935", "[1936..]", "x"],
)
def test_from_edtf_rejects_what_it_cannot_read(edtf: str) -> None:
    with pytest.raises(DateParseError, match="cannot read EDTF"):
        from_edtf(edtf)


@pytest.mark.parametrize(
    ("edtf", "lower", "upper", "precision", "qualifiers"),
    [
        ("0001", D(1, 1, 1), D(1, 12, 31), YEAR, set()),
        ("9999-12-31", D(9999, 12, 31), D(9999, 12, 31), DAY, set()),
        ("9999-24", D(9999, 12, 1), D(9999, 12, 31), SEASON, set()),
        ("000X", D(1, 1, 1), D(9, 12, 31), DECADE, set()),
        ("1936-08%", D(1936, 8, 1), D(1936, 8, 31), MONTH, {U, A}),
        ("1935-12~/1936-01", D(1935, 12, 1), D(1936, 1, 31), MONTH, {A}),
        ("1936/1936-05-03", D(1936, 1, 1), D(1936, 5, 3), YEAR, set()),
    ],
)
def test_from_edtf_bounds(
    edtf: str,
    lower: datetime.date,
    upper: datetime.date,
    precision: Precision,
    qualifiers: set[Qualifier],
) -> None:
    date = from_edtf(edtf)
    assert (date.edtf, date.lower, date.upper) == (edtf, lower, upper)
    assert date.precision is precision
    assert date.qualifiers == qualifiers


def test_display_of_sets_without_a_phrase_says_between() -> None:
    date = from_edtf("[1936-02..1936-05]")
    assert date.display() == "between February 1936 and May 1936"


@pytest.mark.parametrize(
    ("edtf", "display"),
    [
        ("1936-08-20%", "c. 20 [?] August 1936"),
        ("1933-01-07~/1933-01-12~", "c. 7–12 January 1933"),
        ("1935-12~/1936-01", "c. December 1935 – January 1936"),
        ("1936-22?", "summer [?] 1936"),
        ("193X/194X", "1930s – 1940s"),
        ("1936-08-20/1937", "20 August 1936 – 1937"),
        ("[1936-08-11..1936-08-20]", "mid-August 1936"),
    ],
)
def test_display_from_edtf_alone(edtf: str, display: str) -> None:
    assert from_edtf(edtf).display() == display


def test_parse_date_prefix_returns_the_date_and_the_rest() -> None:
    found = parse_date_prefix("January 15, 1936, 15–55")
    assert found is not None
    date, rest = found
    assert (date.edtf, date.verbatim, rest) == ("1936-01-15", "January 15, 1936", ", 15–55")

    found = parse_date_prefix("on July 6 [1936]Archive: RGASPI F. 558. Op. 11. D. 743. L. 53.")
    assert found is not None
    date, rest = found
    assert (date.edtf, date.verbatim, date.qualifiers) == (
        "1936-07-06",
        "July 6 [1936]",
        frozenset({S}),
    )
    assert rest.startswith("Archive: RGASPI")

    found = parse_date_prefix("16/VIII. 23–40", default_year=1936)
    assert found is not None
    assert (found[0].edtf, found[1]) == ("1936-08-16", ". 23–40")


@pytest.mark.parametrize("text", ["Archive: RGASPI F. 558", "", "16/VIII. 23–40", "February 30, 1936, noon"])
def test_parse_date_prefix_is_none_without_a_date(text: str) -> None:
    assert parse_date_prefix(text) is None


def test_find_dates_locates_dates_in_prose() -> None:
    text = (
        "On March 3, 1936, the committee met; a reply dated 5/III.36 arrived "
        "in early April 1936, and a plenum sat 7-9 May 1936 [?]. Item 17/10, "
        "F. 17. Op. 3. D. 1092. L. 42–46, was cited in the 1930s. What about 1937?"
    )
    found = [(text[start:end], date.edtf) for start, end, date in find_dates(text)]
    assert found == [
        ("March 3, 1936", "1936-03-03"),
        ("5/III.36", "1936-03-05"),
        ("early April 1936", "[1936-04-01..1936-04-10]"),
        ("7-9 May 1936 [?]", "1936-05-07?/1936-05-09?"),
        ("1930s", "193X"),
        ("1937", "1937"),
    ]
    assert all(text[start:end] == date.verbatim for start, end, date in find_dates(text))


def test_find_dates_uses_the_default_year_for_bare_days() -> None:
    text = "By September 12 the matter was settled, as noted 16/VIII. 23–40."
    assert find_dates(text) == []
    found = find_dates(text, default_year=1936)
    assert [(date.edtf, date.qualifiers) for _, _, date in found] == [
        ("1936-09-12", frozenset({S})),
        ("1936-08-16", frozenset({S})),
    ]


def test_from_bounds_finds_the_tightest_edtf() -> None:
    assert from_bounds(D(1936, 8, 17), D(1936, 8, 17), "17.8.1936").edtf == "1936-08-17"
    assert from_bounds(D(1936, 8, 1), D(1936, 8, 31), "August 1936").edtf == "1936-08"
    assert from_bounds(D(1932, 3, 1), D(1932, 5, 31), "spring 1932").edtf == "1932-21"
    assert from_bounds(D(1936, 1, 1), D(1936, 12, 31), "1936").edtf == "1936"
    assert from_bounds(D(1930, 1, 1), D(1939, 12, 31), "1930s").edtf == "193X"
    assert from_bounds(D(1935, 1, 1), D(1936, 12, 31), "1935–36").edtf == "1935/1936"
    assert from_bounds(D(1935, 10, 1), D(1935, 12, 31), "x").edtf == "1935-10/1935-12"
    supplied = from_bounds(D(1933, 1, 7), D(1933, 1, 12), "[7-12 January 1933]")
    assert (supplied.edtf, supplied.qualifiers) == ("1933-01-07/1933-01-12", frozenset({S}))
    with pytest.raises(DateParseError, match="'backwards'"):
        from_bounds(D(1936, 1, 2), D(1936, 1, 1), "backwards")


def test_fuzzy_date_refuses_datetimes_and_inverted_bounds() -> None:
    moment = datetime.datetime(1936, 1, 15, 15, 55)
    with pytest.raises(TypeError):
        FuzzyDate("x", "1936-01-15", moment, J15, DAY, frozenset())
    with pytest.raises(ValueError, match="after"):
        FuzzyDate("x", "1936", D(1936, 12, 31), D(1936, 1, 1), YEAR, frozenset())


def test_overlaps_and_sort_key() -> None:
    plenum = parse_date("7-12 January 1933")
    assert plenum.overlaps(parse_date("January 1933"))
    assert not plenum.overlaps(parse_date("13 January 1933"))
    ordered = sorted([parse_date("1933"), plenum, parse_date("5 January 1933")], key=lambda d: d.sort_key)
    assert [d.edtf for d in ordered] == ["1933", "1933-01-05", "1933-01-07/1933-01-12"]


# Property tests.


@st.composite
def points(draw: st.DrawFn, *, min_year: int = 1, flags: bool = True) -> Point:
    day = draw(st.dates(min_value=D(min_year, 1, 1)))
    precision = draw(st.sampled_from(list(Precision)))
    uncertain = flags and draw(st.booleans())
    approximate = flags and draw(st.booleans())
    year = day.year
    if precision is Precision.DAY:
        return Point(year, day.month, day.day, uncertain=uncertain, approximate=approximate)
    if precision is Precision.MONTH:
        return Point(year, day.month, uncertain=uncertain, approximate=approximate)
    if precision is Precision.SEASON:
        season = draw(st.integers(21, 24))
        return Point(year, season=season, uncertain=uncertain, approximate=approximate)
    if precision is Precision.YEAR:
        return Point(year, uncertain=uncertain, approximate=approximate)
    return Point(year - year % 10, decade=True, uncertain=uncertain, approximate=approximate)


@st.composite
def intervals(draw: st.DrawFn, *, min_year: int = 1, same_flags: bool = False) -> Interval:
    first, second = draw(points(min_year=min_year)), draw(points(min_year=min_year))
    if same_flags:
        second = Point(
            second.year,
            second.month,
            second.day,
            second.season,
            second.decade,
            first.uncertain,
            first.approximate,
        )
    start, end = sorted([first, second], key=lambda p: p.bounds()[0])
    return Interval(start, end)


@st.composite
def phrase_sets(draw: st.DrawFn, *, min_year: int = 1) -> OneOf:
    day = draw(st.dates(min_value=D(min_year, 1, 1)))
    uncertain = draw(st.booleans())
    if draw(st.booleans()):
        first, last = draw(st.sampled_from([(1, 3), (1, 4), (5, 8), (9, 12), (10, 12)]))
        return OneOf(Point(day.year, first, uncertain=uncertain), Point(day.year, last, uncertain=uncertain))
    last_day = month_end(day.year, day.month).day
    first, last = draw(st.sampled_from([(1, 10), (11, 20), (21, last_day)]))
    return OneOf(
        Point(day.year, day.month, first, uncertain=uncertain),
        Point(day.year, day.month, last, uncertain=uncertain),
    )


def values(*, min_year: int = 1, same_flags: bool = False) -> st.SearchStrategy[Value]:
    return st.one_of(
        points(min_year=min_year),
        intervals(min_year=min_year, same_flags=same_flags),
        phrase_sets(min_year=min_year),
    )


@given(values())
def test_edtf_round_trips_and_bounds_are_ordered(value: Value) -> None:
    date = from_edtf(value.format())
    assert date.lower <= date.upper
    assert (date.lower, date.upper) == value.bounds()
    assert date.edtf == value.format()
    assert date.precision is value.precision
    assert from_edtf(date.edtf) == date
    again = parse_date(date.edtf)
    assert (again.edtf, again.lower, again.upper) == (date.edtf, date.lower, date.upper)


@given(values(min_year=1000, same_flags=True))
def test_display_reads_back_as_the_same_date(value: Value) -> None:
    date = from_edtf(value.format())
    shown = parse_date(date.display())
    assert (shown.edtf, shown.lower, shown.upper, shown.qualifiers) == (
        date.edtf,
        date.lower,
        date.upper,
        date.qualifiers,
    )


TEXT_FORMS: dict[str, Callable[[datetime.date], str]] = {
    "day month year": lambda d: f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}",
    "month day, year": lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    "month day [year]": lambda d: f"{MONTH_NAMES[d.month - 1]} {d.day} [{d.year}]",
    "dotted": lambda d: f"{d.day}.{d.month}.{d.year}",
    "roman": lambda d: f"{d.day}/{ROMAN[d.month - 1]}.{d.year}",
    "sda": lambda d: f"{d.year} {MONTH_NAMES[d.month - 1][:3]} {d.day}",
    "iso": lambda d: d.isoformat(),
}


@given(st.dates(min_value=D(1000, 1, 1)), st.sampled_from(sorted(TEXT_FORMS)))
def test_day_forms_parse_prefix_and_scan(day: datetime.date, form: str) -> None:
    text = TEXT_FORMS[form](day)
    date = parse_date(text)
    assert (date.edtf, date.lower, date.upper) == (day.isoformat(), day, day)
    assert date.precision is Precision.DAY
    assert date.qualifiers == ({S} if "[" in text else set())
    assert from_edtf(date.edtf, date.verbatim) == date
    assert parse_date(date.display()).edtf == date.edtf
    assert parse_date_prefix(f"{text}; then more") == (date, "; then more")
    found = find_dates(f"It was noted {text} in the file.")
    assert [(d.edtf, d.verbatim) for _, _, d in found] == [(date.edtf, text)]


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(1999, 12, 31)), st.sampled_from("/.-"))
def test_two_digit_years_are_twentieth_century(day: datetime.date, separator: str) -> None:
    text = f"{day.day}/{ROMAN[day.month - 1]}{separator}{day.year % 100:02d}"
    assert parse_date(text).lower == day
    assert parse_date(f"{day.day}/{ROMAN[day.month - 1]}", default_year=day.year).qualifiers == {S}


@given(st.dates(min_value=D(1000, 1, 1)), st.integers(0, 40))
def test_day_ranges_in_one_month(day: datetime.date, length: int) -> None:
    last = min(day + datetime.timedelta(days=length), D(9999, 12, 31))
    if last.month != day.month or last.year != day.year:
        last = day
    text = f"{day.day}–{last.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    date = parse_date(text)
    assert (date.lower, date.upper) == (day, last)
    assert date.is_range
    assert date.display() == text


# The real corpus.


def _corpus(name: str) -> str:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {name} is not beside the project")
    return path.read_text(encoding="utf-8")


def test_corpus_header_dates_are_read() -> None:
    text = _corpus("stalin-kaganovich-1936-jan-aug.txt")
    found = {date.edtf: date for _, _, date in find_dates(text)}
    assert found["1936-07-06"].qualifiers == {S}  # "July 6 [1936]"
    assert "1936-09-10/1936-09-11" in found
    assert "[1936-08-01..1936-08-10]" in found
    secretary_marks = [d for _, _, d in find_dates(text) if d.verbatim == "18/VIII.36"]
    assert secretary_marks
    assert all(d.edtf == "1936-08-18" for d in secretary_marks)


def test_corpus_single_letter_date_line() -> None:
    text = _corpus("kaganovich-stalin-1936-09-14.txt")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    date = parse_date(lines[1])
    assert (date.edtf, date.display()) == ("1936-09-14", "14 September [1936]")
    assert parse_date(lines[2], default_year=1936).edtf == "1936-09-14"


def test_corpus_sda_details_date() -> None:
    text = _corpus("sda-kaganovich-yezhov-1936-08-20.txt")
    line = next(line for line in text.splitlines() if line.startswith("Date"))
    found = parse_date_prefix(line.removeprefix("Date"))
    assert found is not None
    assert found[0].edtf == "1936-08-20"
