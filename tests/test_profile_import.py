"""Statements CSV <-> Turtle profiles, and the `import`, `export-statements` and `validate` CLI.

The round trip goes through the RDF layer (rows_to_graph, write_profiles, Turtle files read back,
graph_to_rows), not only the CSV text; malformed tables exit 2 naming the row and the column.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from helpers import cyberkg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cyberkg import api
from cyberkg.errors import InputError
from cyberkg.profile_validation import knowledge_store
from cyberkg.profiles import OptionCatalogue, graph_to_rows, rows_to_graph, write_profiles
from cyberkg.sources import load_turtle
from cyberkg.statements import COLUMNS, StatementRow, parse_statements, write_statements

HEADER = ",".join(COLUMNS)
PROFILES = Path(__file__).parent / "profiles"


@pytest.fixture(scope="module")
def build_dir() -> Path:
    return api.fresh_build()


@pytest.fixture(scope="module")
def catalogue(build_dir: Path) -> OptionCatalogue:
    return OptionCatalogue(knowledge_store(build_dir))


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n")
    | st.sampled_from(list(",;\"'")),
    max_size=20,
).map(str.strip)
_PROVISION = st.builds(
    lambda a, p, x: f"{a}" + (f"({p})" if p else "") + (f"({x})" if p and x else ""),
    st.integers(1, 68),
    st.integers(0, 13),
    st.sampled_from(["", "a", "b", "c", "e"]),
)
# Values that the importer interprets (keys, ages, scopes) as well as free text.
_VALUE = st.one_of(
    _TEXT,
    st.sampled_from(
        [
            "16",
            "17",
            "2-security-measures;2-dishonest-intent",
            "9(1)(e)",
            "22(1)(b);22(1)(d)",
            "12-2-convention-22-2",
            "7-2-security-measures",
            "no-such-key-1",
        ]
    ),
)
_DATE = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)).map(str)
_PARTY = st.sampled_from(["DEU", "FRA", "EU", "JPN", "XXX"])
_INSTRUMENT = st.sampled_from(["ETS185", "ETS189", "UNCC"])
_ON_PROVISION = st.builds(
    StatementRow,
    party=_PARTY,
    instrument=_INSTRUMENT,
    act=st.sampled_from(["reservation", "declaration", "option", "notification", "withdrawal"]),
    provision=st.one_of(_PROVISION, st.sampled_from(["9(3)", "12(2)", "64(3)", "41(1)", "2"])),
    date=_DATE,
    value=_VALUE,
    note=_TEXT,
)
_CONSENT = st.builds(
    StatementRow,
    party=_PARTY,
    instrument=_INSTRUMENT,
    act=st.sampled_from(
        ["signature", "ratification", "acceptance", "approval", "accession", "denunciation"]
    ),
    provision=st.just(""),
    date=_DATE,
    value=st.just(""),
    note=_TEXT,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(rows=st.lists(_ON_PROVISION | _CONSENT, max_size=10))
def test_rdf_round_trip_is_lossless(rows: list[StatementRow], catalogue: OptionCatalogue) -> None:
    """CSV text -> rows -> Turtle profiles on disk -> rows -> CSV text: the same table.

    A table whose value cell cannot be read for the option at its provision (free text where
    an age, keys or provisions are due) is refused naming that cell, never half imported.
    """
    parsed = parse_statements(write_statements(rows), "generated.csv")
    try:
        graph = rows_to_graph(parsed, catalogue, source="generated.csv")
    except InputError as exc:
        assert exc.location is not None and exc.location.field == "value"
        assert exc.location.row in {r.row for r in parsed}
        return
    with tempfile.TemporaryDirectory() as tmp:
        files = write_profiles(graph, Path(tmp))
        again = graph_to_rows(load_turtle(files), catalogue) if files else []
    assert [r.key() for r in again] == sorted(r.key() for r in rows)
    assert write_statements(again) == write_statements(sorted(parsed, key=StatementRow.key))


def test_cli_import_then_export_gives_the_table_back(tmp_path: Path, build_dir: Path) -> None:
    source = PROFILES / "timing_PASS.csv"
    env = {"CYBERKG_BUILD_DIR": str(build_dir)}
    imported = cyberkg("import", str(source), "--out", str(tmp_path / "ttl"), env=env)
    assert imported.returncode == 0, imported.stderr
    assert sorted(p.name for p in (tmp_path / "ttl").iterdir()) == ["NLD.ttl"]
    exported = cyberkg("export-statements", str(tmp_path / "ttl"), env=env)
    assert exported.returncode == 0, exported.stderr
    lines = source.read_text(encoding="utf-8").splitlines()
    assert exported.stdout.splitlines() == [lines[0], *sorted(lines[1:])]


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("party,instrument,act,provision,date,value\nDEU,ETS185,signature,,2001-11-23,\n", "row 1"),
        (
            f"{HEADER}\nDEU,ETS185,signature,,2001-11-23,,\nDEU,ETS185,ratification,,2009-3-9,,\n",
            "row 3, column 'date'",
        ),
        (f"{HEADER}\nDEU,ETS186,signature,,2001-11-23,,\n", "row 2, column 'instrument'"),
        (f"{HEADER}\nDEU,ETS185,signing,,2001-11-23,,\n", "row 2, column 'act'"),
        (
            f"{HEADER}\nDEU,ETS185,signature,,2001-11-23,,\nDEU,ETS185,reservation,Art. 9(4),"
            "2001-11-23,,\n",
            "row 3, column 'provision'",
        ),
    ],
    ids=["missing-column", "bad-date", "unknown-instrument", "unknown-act", "bad-provision"],
)
def test_malformed_csv_exits_2_naming_row_and_column(content: str, where: str,
                                                     tmp_path: Path) -> None:  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    result = cyberkg("import", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert f"{bad}, {where}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists(), "nothing may be written from a bad table"


def test_missing_column_names_the_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("party,instrument,act,date,value,note\n", encoding="utf-8")
    result = cyberkg("import", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "missing: provision" in result.stderr


def test_a_bad_row_among_good_ones_is_reported_not_dropped(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nDEU,ETS185,signature,,2001-11-23,,\nDEU,ETS185,ratification,,"
                   "2009-02-30,,\nDEU,ETS185,reservation,9(4),2009-03-09,,\n", "utf-8")  # fmt: skip
    result = cyberkg("import", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "row 3, column 'date'" in result.stderr
    assert "nothing was imported" in result.stderr


def _validate(build_dir: Path, *paths: Path) -> tuple[int, dict[str, object], str]:
    result = cyberkg("validate", "--format", "json", "--build-dir", str(build_dir),
                     *map(str, paths))  # fmt: skip
    payload = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.returncode, payload, result.stderr


def test_validate_json_schema_and_exit_1_on_violation(build_dir: Path) -> None:
    code, payload, _ = _validate(build_dir, PROFILES / "value_range_XFAIL.csv")
    assert code == 1
    assert set(payload) == {"conforms", "results"}
    assert payload["conforms"] is False
    assert payload["results"] == [
        {"severity": "Violation", "party": "DNK", "instrument": "ETS185", "provision": "9(3)",
         "message": "ETS185 Art 9(3): the value 15 is outside what the text allows (16 to 17)."},
        {"severity": "Violation", "party": "SWE", "instrument": "ETS185", "provision": "9(3)",
         "message": "ETS185 Art 9(3): the value 18 is outside what the text allows (16 to 17)."},
    ]  # fmt: skip


def test_validate_exit_0_with_warnings_only(build_dir: Path) -> None:
    code, payload, _ = _validate(build_dir, PROFILES / "uncc_reservation_XFAIL.csv")
    assert code == 0
    assert payload["conforms"] is True
    results = payload["results"]
    assert isinstance(results, list)
    assert [(r["severity"], r["party"], r["provision"]) for r in results] == [
        ("Warning", "FRA", "7")
    ]


def test_validate_exit_2_on_malformed_input(build_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\nDEU,ETS185,signature,,2001-11-31,,\n", encoding="utf-8")
    code, _, stderr = _validate(build_dir, bad)
    assert code == 2
    assert f"{bad}, row 2, column 'date'" in stderr
    code, _, stderr = _validate(tmp_path / "no-build", PROFILES / "timing_PASS.csv")
    assert code == 2
    assert "Traceback" not in stderr
