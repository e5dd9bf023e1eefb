"""A protocol's file inferred from the protocols cited either side of it: invented numbers only."""

from __future__ import annotations

import datetime

from chronology.importers.road_to_terror.protocol_files import Witness, bracket_file


def _witness(number: int, file: int, month: int, document: str = "", *, year: int = 1940) -> Witness:
    day = datetime.date(year, month, 10)
    return Witness(number, file, day, day, document or f"w{number}", 100 + number)


def _day(month: int) -> datetime.date:
    return datetime.date(1940, month, 10)


# Protocols #10 (March) and #16 (September) filed 500 on: #13 in June should be in d. 513.
STEADY = [_witness(10, 510, 3), _witness(16, 516, 9)]


def test_a_protocol_bracketed_by_the_same_offset_gets_its_file() -> None:
    bracket = bracket_file(13, _day(6), _day(6), STEADY)
    assert bracket is not None
    assert (bracket.file, bracket.low.number, bracket.high.number, bracket.set_aside) == (513, 10, 16, ())


def test_neighbours_whose_offsets_differ_give_nothing() -> None:
    assert bracket_file(13, _day(6), _day(6), [_witness(10, 510, 3), _witness(16, 518, 9)]) is None


def test_a_neighbour_beyond_reach_gives_nothing() -> None:
    wide = [_witness(7, 507, 1), _witness(16, 516, 9)]  # six below
    assert bracket_file(13, _day(6), _day(6), wide) is None
    assert bracket_file(13, _day(6), _day(6), wide, reach=6) is not None


def test_a_protocol_with_a_neighbour_on_one_side_only_gives_nothing() -> None:
    assert bracket_file(17, _day(10), _day(10), STEADY) is None
    assert bracket_file(9, _day(2), _day(2), STEADY) is None


def test_a_date_outside_the_neighbours_gives_nothing() -> None:
    assert bracket_file(13, _day(11), _day(11), STEADY) is None
    assert bracket_file(13, _day(1), _day(1), STEADY) is None


def test_a_citation_in_step_with_the_calendar_that_breaks_the_offset_gives_nothing() -> None:
    # #12 of May in d. 514: dated and filed between the neighbours, yet 502 on, not 500.
    assert bracket_file(13, _day(6), _day(6), [*STEADY, _witness(12, 514, 5)]) is None


def test_citations_out_of_step_with_the_calendar_are_set_aside_and_named() -> None:
    misnumbered = _witness(13, 505, 1, "x")  # numbered between, dated before #10: a misprinted number
    misfiled = _witness(16, 216, 8, "y")  # dated between, filed far outside d. 510-516: a misprinted file
    bracket = bracket_file(13, _day(6), _day(6), [*STEADY, misnumbered, misfiled])
    assert bracket is not None
    assert bracket.file == 513
    assert [(witness.document, "number or its date" in why) for witness, why in bracket.set_aside] == [
        ("x", True),
        ("y", False),
    ]


def test_the_nearest_neighbour_decides_not_the_majority() -> None:
    # #10 agrees with #16, but #11, nearer below, does not: the series breaks somewhere between.
    witnesses = [_witness(11, 520, 4), _witness(10, 510, 3), _witness(16, 516, 9)]
    assert bracket_file(13, _day(6), _day(6), witnesses) is None


def test_a_neighbour_from_another_numbering_period_gives_nothing() -> None:
    # The count starts again after a congress: a #10 dated two years later is no lower neighbour.
    witnesses = [_witness(10, 510, 3, year=1942), _witness(16, 516, 9)]
    assert bracket_file(13, _day(6), _day(6), witnesses) is None
