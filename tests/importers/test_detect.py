"""Format detection: which parser reads a text, and a clear refusal otherwise."""

from __future__ import annotations

import pytest

from chronology.importers.detect import FormatError, detect_format
from tests.paths import CORPUS, EDITION_FIXTURES

_TERROR_SAMPLE = """\
Chapter 3. The turn of the year
Document 12
Politburo resolution on the railways. 2 March 193341
Document 13
Letter from a regional secretary to Stalin, 4 March 193342
Document 14
Order of the commissariat. 9 March 193343
41. RTsKhIDNI, f. 17, op. 3, d. 918, l. 5.
"""


def test_fixtures_are_recognised() -> None:
    assert detect_format((EDITION_FIXTURES / "correspondence_sample.txt").read_text()) == "correspondence"
    assert detect_format((EDITION_FIXTURES / "sda_sample.txt").read_text()) == "sda"
    assert detect_format(_TERROR_SAMPLE) == "road-to-terror"


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(FormatError, match="empty"):
        detect_format(text)


def test_binary_text_is_refused() -> None:
    with pytest.raises(FormatError, match="binary"):
        detect_format("\x00\x01\x02PK\x03\x04" * 20)


def test_unknown_prose_is_refused_with_its_beginning() -> None:
    with pytest.raises(FormatError, match=r"no known edition layout.*'A shopping list"):
        detect_format("A shopping list\nbread, milk\n")


def test_format_error_is_a_value_error() -> None:
    assert issubclass(FormatError, ValueError)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("stalin-kaganovich-1936-jan-aug.txt", "correspondence"),
        ("kaganovich-stalin-1936-09-14.txt", "correspondence"),
        ("sda-kaganovich-yezhov-1936-08-20.txt", "sda"),
        ("road-to-terror-ocr.txt", "road-to-terror"),
    ],
)
def test_corpus_files_are_recognised(name: str, expected: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the reference corpus is not at {CORPUS}")
    assert detect_format(path.read_text(encoding="utf-8")) == expected
