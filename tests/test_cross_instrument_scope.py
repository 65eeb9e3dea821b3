"""Regression: a scope that names provisions of another instrument (ETS189 12(2)).

ETS189 Art 12(2) lets a Party avail itself, for the Protocol, of the reservation of ETS185
Art 22(2), which may concern only the jurisdiction rules of ETS185 Art 22(1)(b) to (d). The
scope of such a reservation names ETS185 provisions, which the value cell writes qualified
with their instrument (ETS185:22(1)(b)); read unqualified, they were taken as ETS189
provisions that do not exist. A value the option cannot take is refused, naming the cell.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cyberkg
from rdflib import URIRef

from cyberkg import api
from cyberkg.profile_validation import knowledge_store, validate_profiles
from cyberkg.profiles import OptionCatalogue, graph_to_rows, rows_to_graph
from cyberkg.statements import parse_statements

HEAD = """party,instrument,act,provision,date,value,note
FRA,ETS185,signature,,2001-11-23,,
FRA,ETS189,signature,,2003-01-28,,
"""


@pytest.fixture(scope="module")
def build_dir() -> Path:
    return api.fresh_build()


def _validate(tmp_path: Path, build_dir: Path, row: str) -> list[tuple[str, str, str, str]]:
    table = tmp_path / "FRA.csv"
    table.write_text(HEAD + row + "\n", encoding="utf-8")
    report = validate_profiles([table], build_dir)
    return [(r.severity, r.instrument, r.provision, r.message) for r in report.results]


def test_qualified_scope_within_22_1_b_to_d_conforms(tmp_path: Path, build_dir: Path) -> None:
    row = "FRA,ETS189,reservation,12(2),2003-01-28,12-2-convention-22-2;ETS185:22(1)(b),"
    assert _validate(tmp_path, build_dir, row) == []


def test_qualified_scope_outside_22_1_b_to_d_is_a_violation(
    tmp_path: Path, build_dir: Path
) -> None:
    row = "FRA,ETS189,reservation,12(2),2003-01-28,12-2-convention-22-2;ETS185:22(1)(a),"
    results = _validate(tmp_path, build_dir, row)
    assert [r[:3] for r in results] == [("Violation", "ETS189", "22(1)(a)")]
    assert results[0][3] == (
        "ETS189 Art 12(2): the scope names ETS185 22(1)(a), but this option may only concern "
        "ETS185 22(1)(b), ETS185 22(1)(c), ETS185 22(1)(d)."
    )


def test_qualified_scope_survives_the_turtle_round_trip(build_dir: Path) -> None:
    catalogue = OptionCatalogue(knowledge_store(build_dir))
    rows = parse_statements(
        HEAD + "FRA,ETS189,reservation,12(2),2003-01-28,12-2-convention-22-2;ETS185:22(1)(c),\n",
        "FRA.csv",
    )
    graph = rows_to_graph(rows, catalogue)
    # Written in Turtle, a statement carries terms, not the table's cell: drop the cell.
    graph.remove((None, URIRef("https://w3id.org/cyberkg/ontology#valueLiteral"), None))
    reservation = [r for r in graph_to_rows(graph, catalogue) if r.act == "reservation"]
    assert [r.value for r in reservation] == ["12-2-convention-22-2;ETS185:22(1)(c)"]


def test_value_the_option_cannot_take_is_refused_naming_the_cell(
    tmp_path: Path, build_dir: Path
) -> None:
    table = tmp_path / "DEU.csv"
    table.write_text(
        "party,instrument,act,provision,date,value,note\n"
        "DEU,ETS185,signature,,2001-11-23,,\n"
        "DEU,ETS185,declaration,9(3),2001-11-23,sixteen,\n",
        encoding="utf-8",
    )
    result = cyberkg(
        "import", str(table), "--out", str(tmp_path / "out"),
        env={"CYBERKG_BUILD_DIR": str(build_dir)},
    )  # fmt: skip
    assert result.returncode == 2
    assert f"{table}, row 3, column 'value': value 'sixteen' is not an option key" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
