"""Instrument comparison, read from the alignment.

Unit tests use the fixture alignment tests/analysis/alignment.ttl (three offences); the CLI
test reads the real ontology/alignment.ttl. Expected differences come from the texts: UNCC
7(2) adds "criminal" intent to the dishonest intent of ETS185 Art 2; serious harm is a
reservation in ETS185 4(2) (made under Art 42 at signature or deposit) and a qualifier in
UNCC 9(2); the seed of ETS185 4(1) has no "without right"; the UNCC has no copyright offence.
"""

from __future__ import annotations

import csv
import io

import pytest
from analysis.stores import fixture_store
from helpers import cyberkg

from cyberkg.compare import Comparison, compare, to_csv, to_html, to_markdown
from cyberkg.errors import InputError


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(fixture_store(), "ETS185", "UNCC")


def test_offences_aligned_and_without_counterpart(comparison: Comparison) -> None:
    pairs = [
        (o.left.provision if o.left else "", [r.provision for r in o.rights], o.no_counterpart)
        for o in comparison.offences
    ]
    assert pairs == [("2", ["7(1)"], False), ("4(1)", ["9(1)"], False), ("10(1)", [], True)]
    assert "3" in [o.provision for o in comparison.unaligned_left]
    assert "15(1)" in [o.provision for o in comparison.unaligned_right]


def test_element_relations(comparison: Comparison) -> None:
    access = comparison.offences[0]
    relations = {
        (_local(c.left.iri) if c.left else "", _local(c.right.iri) if c.right else ""): c.relation
        for c in access.correspondences
    }
    assert relations[("el-2-dishonest-intent", "el-7-1-dishonest-or-criminal-intent")] == "broader"
    assert relations[("el-2-intent", "el-7-1-intent")] == "same"
    data = comparison.offences[1]
    only = [(c.left, _local(c.right.iri)) for c in data.correspondences if c.left is None]
    assert only == [(None, "el-9-1-without-right")]
    # elements no correspondence mentions are listed, not silently dropped
    assert sorted(_local(e.iri) for e in data.uncovered_left) == ["el-4-1-conduct", "el-4-1-intent"]


def test_option_differences(comparison: Comparison) -> None:
    data = comparison.offences[1]
    (pair,) = [o for o in data.options if o.left and o.right]
    assert (pair.left.key, pair.right.key) == ("4-2-serious-harm", "9-2-serious-harm")
    assert "kind: reservation / qualifier" in pair.differences
    assert "exercised by: Reservation / ImplementationChoice" in pair.differences
    assert "conditions: timing signature-or-deposit / none" in pair.differences
    access = comparison.offences[0]
    matched = {(o.left.key, o.right.key) for o in access.options if o.left and o.right}
    assert matched == {("2-dishonest-intent", "7-2-dishonest-or-criminal-intent")}
    alone = sorted((o.left or o.right).key for o in access.options if not (o.left and o.right))
    assert alone == [
        "2-connected-system",
        "2-security-measures",
        "7-2-connected-system",
        "7-2-security-measures",
    ]


def test_reverse_direction_turns_relations() -> None:
    reverse = compare(fixture_store(), "UNCC", "ETS185")
    access = reverse.offences[0]
    relations = {_local(c.left.iri): c.relation for c in access.correspondences if c.left}
    assert relations["el-7-1-dishonest-or-criminal-intent"] == "narrower"
    data = reverse.offences[1]
    assert [c.relation for c in data.correspondences if c.right is None] == ["only-in-source"]


def test_renderings(comparison: Comparison) -> None:
    markdown = to_markdown(comparison)
    assert "| el-2-dishonest-intent (2)" in markdown and "| UNCC broader |" in markdown
    assert "only in UNCC: el-9-1-without-right (9(1)): without right" in markdown
    html = to_html(comparison)
    assert html.startswith("<!DOCTYPE html>") and "<td>UNCC broader</td>" in html
    rows = list(csv.DictReader(io.StringIO(to_csv(comparison))))
    offences = [(r["left_offence"], r["relation"]) for r in rows if r["section"] == "offence"]
    assert ("ETS185 10(1) Infringements of copyright", "no counterpart") in offences
    assert to_markdown(compare(fixture_store(), "ETS185", "UNCC")) == markdown


def test_refuses_pairs_without_alignment() -> None:
    with pytest.raises(InputError, match="no offence alignment is recorded between"):
        compare(fixture_store(), "ETS185", "ETS189")
    with pytest.raises(InputError, match="not ETS185 with itself"):
        compare(fixture_store(), "ETS185", "ETS185")


def test_cli_on_the_real_alignment() -> None:
    result = cyberkg("compare", "ETS185", "UNCC")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # UNCC 7(2) widens the intent qualifier of ETS185 Art 2 ("ili kriminalnom namjerom")
    line = next(x for x in out.splitlines() if x.startswith("| el-2-dishonest-intent (2)"))
    assert "el-7-1-dishonest-or-criminal-intent" in line and "| UNCC broader |" in line
    assert "ETS185 10(1) Infringements of copyright | no counterpart |" in out
    as_csv = cyberkg("compare", "ETS185", "UNCC", "--format", "csv")
    assert (
        as_csv.stdout.splitlines()[0]
        == "section,left_offence,right_offence,left,right,relation,detail"
    )
    bad = cyberkg("compare", "ETS185", "ETS189")
    assert bad.returncode == 2 and "no offence alignment is recorded" in bad.stderr
