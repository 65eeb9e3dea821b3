"""The public Python API: loading, named queries, validation, comparison, graph view."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from cyberkg import api
from cyberkg.errors import InputError, NotBuiltError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kg() -> api.KnowledgeGraph:
    return api.load(api.fresh_build())


def test_load_refuses_a_missing_build_when_told_not_to_build(tmp_path: Path) -> None:
    with pytest.raises(NotBuiltError, match="no current build"):
        api.load(tmp_path / "nothing", build_if_missing=False)


def test_load_honours_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(api.BUILD_DIR_ENV, str(api.fresh_build()))
    assert api.load().build_dir == api.fresh_build()


def test_query_returns_a_dataframe_with_bound_parameters(kg: api.KnowledgeGraph) -> None:
    rows = kg.query("options", instrument="ETS185", kind="reservation")
    assert isinstance(rows, pd.DataFrame)
    assert list(rows.columns) == ["instrument", "provision", "kind", "key", "label"]
    # ETS185 Art 42: reservations only under Arts 4(2), 6(3), 9(4), 10(3), 11(3), 14(3),
    # 22(2), 29(4) and 41(1); each provision grants at least one.
    articles = {p.split("(")[0] + "(" + p.split("(")[1] for p in rows["provision"]}
    assert articles == {"4(2)", "6(3)", "9(4)", "10(3)", "11(3)", "14(3)", "22(2)", "29(4)",
                        "41(1)"}  # fmt: skip


def test_query_without_pandas_returns_dicts(
    kg: api.KnowledgeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pandas", None)
    rows = kg.query("docs_instruments")
    assert isinstance(rows, list)
    assert [(r["instrument"], r["opened"], r["place"]) for r in rows] == [
        ("ETS185", "2001-11-23", "Budapest"),
        ("ETS189", "2003-01-28", "Strasbourg"),
        ("UNCC", "2025-10-25", "Hanoi"),
    ]


def test_query_rejects_unknown_names_and_parameters(kg: api.KnowledgeGraph) -> None:
    with pytest.raises(InputError, match="no query named 'nope'"):
        kg.query("nope")
    with pytest.raises(InputError, match="has no parameter 'colour'"):
        kg.query("options", colour="red")


def test_queries_lists_the_library() -> None:
    names = list(api.queries()["name"])
    assert names == sorted(names)
    assert {"counts", "offences", "docs_provisions", "docs_ontology_terms"} <= set(names)


def test_validate_reports_a_violation_with_its_provision(tmp_path: Path) -> None:
    # ETS185 Art 9(3): a lower age-limit "not less than 16 years"; 14 is out of range.
    csv_file = tmp_path / "p.csv"
    csv_file.write_text(
        "party,instrument,act,provision,date,value,note\n"
        "AUT,ETS185,signature,,2001-11-23,,\n"
        "AUT,ETS185,ratification,,2012-06-13,,\n"
        "AUT,ETS185,declaration,9(3),2012-06-13,14,\n"
        "AUT,ETS185,notification,24(7)(a),2012-06-13,x,\n"
        "AUT,ETS185,notification,27(2)(c),2012-06-13,x,\n"
        "AUT,ETS185,notification,35(1),2012-06-13,x,\n",
        encoding="utf-8",
    )
    report = api.validate(csv_file, build_dir=api.fresh_build())
    assert not report.conforms
    frame = report.to_dataframe()
    assert list(frame[frame["severity"] == "Violation"]["provision"]) == ["9(3)"]


def test_compare_and_flat_rows(kg: api.KnowledgeGraph) -> None:
    comparison = kg.compare("ETS185", "UNCC")
    pairs = {(o.left.provision, tuple(r.provision for r in o.rights)) for o in comparison.offences}
    assert ("2", ("7(1)",)) in pairs  # illegal access: ETS185 Art 2, UNCC Art 7(1)
    assert ("10(1)", ()) in pairs  # copyright: no UNCC counterpart
    flat = api.comparison_rows(comparison)
    assert list(flat.columns) == ["section", "left_offence", "right_offence", "left", "right",
                                  "relation", "detail"]  # fmt: skip
    assert len(flat[flat["section"] == "offence"]) >= len(comparison.offences)


def test_offence_graph(kg: api.KnowledgeGraph) -> None:
    graph = kg.offence_graph("ETS185:2")
    kinds = sorted(d["kind"] for _, d in graph.nodes(data=True))
    # ETS185 Art 2: four elements (intentionally, without right, access, computer system) and
    # three qualifiers (security measures, dishonest intent, connected system)
    assert kinds == ["element"] * 4 + ["offence"] + ["option"] * 3 + ["provision"]


def test_with_profiles_adds_statements(kg: api.KnowledgeGraph) -> None:
    examples = ROOT / "profiles" / "examples" / "conforming"
    acts = kg.with_profiles(examples).query("treaty_acts", instrument="ETS185")
    assert len(acts) > 0
    assert set(acts["instrument"]) == {"ETS185"}
    assert len(kg.query("treaty_acts")) == 0  # the built graph itself holds no profile


def test_build_docs_writes_the_site(tmp_path: Path) -> None:
    written = api.build_docs(tmp_path, build_dir=api.fresh_build())
    assert [p.name for p in written] == sorted(p.name for p in written)
    assert (tmp_path / "index.html").is_file()
