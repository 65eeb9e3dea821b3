"""The statements CSV: bad input is refused with row and column; the round trip is lossless."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cyberkg.errors import InputError
from cyberkg.statements import COLUMNS, StatementRow, parse_statements, write_statements

HEADER = ",".join(COLUMNS)


@pytest.mark.parametrize(
    ("row", "where", "what"),
    [
        ("DE,ETS185,signature,,2001-11-23,,", "row 2, column 'party'", "not an ISO 3166-1"),
        ("DEU,ETS999,signature,,2001-11-23,,", "row 2, column 'instrument'", "not one of"),
        ("DEU,ETS185,signing,,2001-11-23,,", "row 2, column 'act'", "'signing' is not one of"),
        ("DEU,ETS185,reservation,9.4,2009-03-09,,", "row 2, column 'provision'", "canonical"),
        (
            "DEU,ETS185,reservation,,2009-03-09,,",
            "row 2, column 'provision'",
            "needs the provision",
        ),
        ("DEU,ETS185,signature,2,2001-11-23,,", "row 2, column 'provision'", "must be empty"),
        ("DEU,ETS185,signature,,2001-02-30,,", "row 2, column 'date'", "not a date"),
        ("DEU,ETS185,signature,,23.11.2001,,", "row 2, column 'date'", "not a date"),
        ("DEU,ETS185,signature,,2001-11-23", "row 2", "expected 7 columns, found 5"),
    ],
)
def test_bad_cell_is_named(row: str, where: str, what: str) -> None:
    with pytest.raises(InputError) as info:
        parse_statements(f"{HEADER}\n{row}\n", "t.csv")
    message = str(info.value)
    assert f"t.csv, {where}" in message
    assert what in message
    assert "nothing was imported" in message


def test_missing_column_is_named() -> None:
    with pytest.raises(InputError) as info:
        parse_statements("party,instrument,act,provision,date,value\n", "t.csv")
    assert "t.csv, row 1" in str(info.value)
    assert "missing: note" in str(info.value)


def test_every_bad_row_is_reported_not_just_the_first() -> None:
    text = f"{HEADER}\nDEU,ETS185,signature,,2001-11-23,,\nXX,ETS185,signature,,2001-11-23,,\n"
    text += "FRA,ETS185,signature,,2001-13-01,,\n"
    with pytest.raises(InputError) as info:
        parse_statements(text, "t.csv")
    assert "row 3, column 'party'" in str(info.value)
    assert "row 4, column 'date'" in str(info.value)


def test_blank_lines_are_skipped_and_rows_numbered_by_line() -> None:
    rows = parse_statements(f"{HEADER}\n\nDEU,ETS185,signature,,2001-11-23,,\n", "t.csv")
    assert [r.row for r in rows] == [3]


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n")
    | st.sampled_from(list(",;\"'")),
    max_size=30,
).map(str.strip)
_ROW = st.builds(
    StatementRow,
    party=st.sampled_from(["DEU", "FRA", "USA", "EU", "JPN"]),
    instrument=st.sampled_from(["ETS185", "ETS189", "UNCC"]),
    act=st.sampled_from(["reservation", "declaration", "option", "notification", "withdrawal"]),
    provision=st.builds(
        lambda a, p, x: f"{a}" + (f"({p})" if p else "") + (f"({x})" if p and x else ""),
        st.integers(1, 68),
        st.integers(0, 12),
        st.sampled_from(["", "a", "b", "e"]),
    ),
    date=st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(9999, 12, 31)).map(str),
    value=_TEXT,
    note=_TEXT,
)
_CONSENT = st.builds(
    StatementRow,
    party=st.sampled_from(["DEU", "EU"]),
    instrument=st.sampled_from(["ETS185", "UNCC"]),
    act=st.sampled_from(["signature", "ratification", "accession", "denunciation"]),
    provision=st.just(""),
    date=st.dates(min_value=dt.date(1000, 1, 1)).map(str),
    value=st.just(""),
    note=_TEXT,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ROW | _CONSENT, max_size=12))
def test_csv_text_round_trip(rows: list[StatementRow]) -> None:
    text = write_statements(rows)
    again = parse_statements(text, "generated.csv")
    assert [r.key() for r in again] == [r.key() for r in rows]


def test_reads_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("\ufeff" + HEADER + "\nDEU,ETS185,signature,,2001-11-23,,Straßburg\n", "utf-8")
    from cyberkg.statements import read_statements

    assert read_statements(path)[0].note == "Straßburg"
