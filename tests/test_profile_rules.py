"""Every profile rule in shapes/profiles/rules.ttl against a conforming and a breaking fixture.

tests/profiles/ holds the fixtures: statement tables (<case>_PASS.csv, <case>_XFAIL.csv), Turtle
profiles where a table cannot say it (.ttl), or a folder of profiles validated together. The
exact results each must produce (severity, party, instrument, provision, message, shape) are in
tests/profiles/expected/<fixture>.json; they were read against the treaty texts one by one.
Set CYBERKG_UPDATE_EXPECTED=1 to rewrite them after a deliberate change, and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rdflib import RDF

from cyberkg import api
from cyberkg.cli import compact
from cyberkg.iris import is_canonical_provision
from cyberkg.paths import shape_files
from cyberkg.profile_validation import ProfileReport, validate_profiles
from cyberkg.validation import SH, load_shapes

HERE = Path(__file__).parent / "profiles"
EXPECTED = HERE / "expected"
FIXTURES = sorted(
    p.name for p in HERE.iterdir() if re.search(r"_(PASS|XFAIL)(\.csv|\.ttl)?$", p.name)
)
# Well-formedness of the statement itself, and provisions that do not exist: no article to cite.
_NOT_A_TREATY_RULE = {"ckp:StatementShape", "ckp:ProvisionExistsShape"}


def case_name(fixture: str) -> str:
    """The fixture's name without its extension: the name of its expected file."""
    return re.sub(r"\.(csv|ttl)$", "", fixture)


@pytest.fixture(scope="session")
def build_dir() -> Path:
    """The knowledge graph, built once per test session into a temporary folder."""
    return api.fresh_build()


def results_of(report: ProfileReport) -> list[dict[str, str]]:
    """The report's results as comparable records, in the report's (sorted) order."""
    keys = ("severity", "party", "instrument", "provision", "message")
    return [{**{k: getattr(r, k) for k in keys}, "shape": compact(r.shape)} for r in report.results]


def expected_of(fixture: str) -> list[dict[str, str]]:
    return json.loads((EXPECTED / f"{case_name(fixture)}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture", FIXTURES)
def test_fixture_gives_exactly_the_expected_results(fixture: str, build_dir: Path) -> None:
    report = validate_profiles([HERE / fixture], build_dir)
    actual = results_of(report)
    expected_file = EXPECTED / f"{case_name(fixture)}.json"
    if os.environ.get("CYBERKG_UPDATE_EXPECTED"):
        EXPECTED.mkdir(exist_ok=True)
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    assert actual == expected_of(fixture)
    if "_PASS" in fixture:
        assert report.conforms, f"{fixture}: a PASS fixture must have no Violation"
        assert all(r["severity"] == "Warning" for r in actual)
    else:
        assert actual, f"{fixture}: the breaking fixture produced no result"


@pytest.mark.parametrize("fixture", FIXTURES)
def test_provisions_are_canonical_and_messages_cite_the_article(fixture: str) -> None:
    for r in expected_of(fixture):
        assert r["provision"] == "" or is_canonical_provision(r["provision"])
        if r["shape"] not in _NOT_A_TREATY_RULE:
            assert re.search(r"\bArt [0-9]", r["message"]), r["message"]
            assert r["instrument"] in r["message"] or r["instrument"] == ""


def test_every_rule_has_a_breaking_fixture() -> None:
    """Each shape of shapes/profiles is reported by at least one XFAIL fixture."""
    shapes = load_shapes(shape_files("profiles"))
    declared = {compact(str(s)) for s in shapes.subjects(RDF.type, SH.NodeShape)}
    covered = {r["shape"] for f in FIXTURES if "_XFAIL" in f for r in expected_of(f)}
    assert declared - covered == set()


def test_every_rule_has_a_conforming_fixture() -> None:
    """Each XFAIL fixture has a PASS twin of the same case, except where the twin is shared."""
    cases = {case_name(f).rsplit("_", 1)[0] for f in FIXTURES}
    passing = {case_name(f).rsplit("_", 1)[0] for f in FIXTURES if "_PASS" in f}
    assert cases - passing <= {"statement_party", "provision_exists_turtle"}
