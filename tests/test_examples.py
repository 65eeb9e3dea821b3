"""The example profiles in profiles/examples/: the conforming ones conform, the others break
exactly the treaty rules profiles/examples/README.md says they break."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from helpers import cyberkg

from cyberkg.build import build
from cyberkg.profile_validation import ProfileReport, validate_profiles

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "profiles" / "examples"
CONFORMING = EXAMPLES / "conforming"
NONCONFORMING = EXAMPLES / "nonconforming"

# (party, instrument, provision, start of the message): one line per Violation expected, each
# derived from the treaty text named in the example's note column.
EXPECTED_VIOLATIONS = [
    # UNCC Art 64(1): open for signature in New York until 31 December 2026.
    ("BRA", "UNCC", "", "UNCC Art 64(1): the Convention was open for signature only until "
                        "2026-12-31"),
    # ETS185 Art 37(1): accession is for non-member States that did not take part in drafting.
    ("ESP", "ETS185", "", "ETS185 Art 37(1): accession is for States that are not members of "
                          "the Council of Europe"),
    # ETS185 Art 43(1): only a reservation made under Art 42 can be withdrawn.
    ("ESP", "ETS185", "6(3)", "ETS185 Art 43(1): only a reservation or declaration the Party "
                              "has made can be withdrawn"),
    # ETS189 Art 9(1)(b): ratification follows a signature.
    ("ESP", "ETS189", "", "ETS189 Art 9(1)(b): ratification, acceptance or approval"),
    # ETS189 Art 9(2): the Convention must be ratified before or at the same time.
    ("ESP", "ETS189", "", "ETS189 Art 9(2) and Art 11(1): a State may become bound by the "
                          "Protocol only if it has become bound by the Convention"),
    # ETS185 Art 41(1): the federal clause is for a federal State; France is not one.
    ("FRA", "ETS185", "41(1)", "ETS185 Art 41(1): this option is available only to a federal "
                               "state"),
    # ETS185 Art 36(1): signature is for Council of Europe members and the drafting non-members.
    ("IND", "ETS185", "", "ETS185 Art 36(1): the Convention is open for signature only by "
                          "member States of the Council of Europe"),
    # ETS185 Art 42: 'Drugi pridržki niso dopustni' (no other reservation is admissible).
    ("ITA", "ETS185", "2", "ETS185 Art 42: no reservation may be made to 2"),
    # ETS185 Art 42: reservations are made at signature or deposit.
    ("ITA", "ETS185", "22(2)", "ETS185 Art 42: this statement on 22(2) must be made at "
                               "signature or when depositing"),
    # ETS185 Art 9(3): a lower age-limit may not be less than 16 (and is below 18).
    ("ITA", "ETS185", "9(3)", "ETS185 Art 9(3): the value 14 is outside what the text allows "
                              "(16 to 17)"),
]  # fmt: skip


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build of the knowledge graph (tests must not depend on build/)."""
    out = tmp_path_factory.mktemp("examples-build")
    assert build(out).out == out
    return out


@pytest.fixture(scope="module")
def conforming(build_dir: Path) -> ProfileReport:
    return validate_profiles([CONFORMING], build_dir)


@pytest.fixture(scope="module")
def nonconforming(build_dir: Path) -> ProfileReport:
    return validate_profiles([NONCONFORMING], build_dir)


def test_there_are_at_least_eight_examples_in_csv_and_turtle() -> None:
    files = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".csv", ".ttl"))
    assert len(files) >= 8
    assert {p.suffix for p in files} == {".csv", ".ttl"}
    assert {p.parent for p in files} == {CONFORMING, NONCONFORMING}


def test_every_statement_says_where_it_comes_from() -> None:
    """No example row may pass for a real State's record: each is marked illustrative or
    cites the seed it comes from."""
    for path in sorted(EXAMPLES.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                assert "illustrative" in row["note"] or "seed 000" in row["note"], (path, row)
    for path in sorted(EXAMPLES.rglob("*.ttl")):
        assert "ILLUSTRATIVE" in path.read_text(encoding="utf-8"), path


def test_conforming_examples_have_no_violation(conforming: ProfileReport) -> None:
    assert conforming.conforms
    assert [r for r in conforming.results if r.severity == "Violation"] == []
    # federal state, acceding state, ETS189 party, withdrawal, EU and three Member States
    # signing the UNCC, a UNCC state in Turtle
    assert conforming.parties == 9


def test_nonconforming_examples_break_exactly_the_expected_rules(
    nonconforming: ProfileReport,
) -> None:
    violations = [r for r in nonconforming.results if r.severity == "Violation"]
    found = Counter((r.party, r.instrument, r.provision) for r in violations)
    expected = Counter((party, inst, prov) for party, inst, prov, _ in EXPECTED_VIOLATIONS)
    assert found == expected
    for party, inst, prov, start in EXPECTED_VIOLATIONS:
        messages = [r.message for r in violations
                    if (r.party, r.instrument, r.provision) == (party, inst, prov)]  # fmt: skip
        assert any(m.startswith(start) for m in messages), (party, inst, prov, start, messages)
    assert not nonconforming.conforms


def test_the_eu_signs_the_uncc_at_hanoi_with_member_states(conforming: ProfileReport) -> None:
    """UNCC Art 64(2): the EU may sign once a member State has; seed 000 has the EU and several
    Member States sign on the same day, 2025-10-25 - so no result concerns the EU."""
    assert [r for r in conforming.results if r.party == "EU"] == []
    rows = list(csv.DictReader((CONFORMING / "05-eu-uncc-hanoi.csv").open(encoding="utf-8")))
    eu = [r for r in rows if r["party"] == "EU"]
    assert [(r["instrument"], r["act"], r["date"]) for r in eu] == [
        ("UNCC", "signature", "2025-10-25")
    ]
    same_day = [r["party"] for r in rows if r["party"] != "EU" and r["date"] == "2025-10-25"]
    assert len(same_day) >= 2  # "več njenih držav članic" (several of its Member States)


def test_the_eu_alone_may_not_sign(build_dir: Path, tmp_path: Path) -> None:
    """Without its Member States' signatures the same EU row breaks UNCC Art 64(2)."""
    rows = (CONFORMING / "05-eu-uncc-hanoi.csv").read_text(encoding="utf-8").splitlines()
    alone = tmp_path / "eu-alone.csv"
    alone.write_text("\n".join(r for r in rows if not r.startswith(("AUT", "PRT", "LUX"))) + "\n",
                     encoding="utf-8")  # fmt: skip
    report = validate_profiles([alone], build_dir)
    assert [(r.party, r.severity) for r in report.results] == [("EU", "Violation")]
    assert report.results[0].message.startswith("UNCC Art 64(2)")


def test_cli_report_and_exit_codes(build_dir: Path) -> None:
    ok = cyberkg("validate", str(CONFORMING), "--build-dir", str(build_dir))
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("9 part(y/ies), 43 statement(s): conforms")
    bad = cyberkg("validate", str(NONCONFORMING), "--format", "json", "--build-dir",
                  str(build_dir))  # fmt: skip
    assert bad.returncode == 1, bad.stderr
    payload = json.loads(bad.stdout)
    assert payload["conforms"] is False
    assert all(set(r) == {"severity", "party", "instrument", "provision", "message"}
               for r in payload["results"])  # fmt: skip
    violations = [r for r in payload["results"] if r["severity"] == "Violation"]
    assert len(violations) == len(EXPECTED_VIOLATIONS)
