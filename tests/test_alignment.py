"""ontology/alignment.ttl: ETS185 and ETS189 offences aligned with the UNCC, element by element.

The expected mappings and relations below are read from the seed texts (ETS185 Arts 2-11 and
ETS189 Arts 3-7 in Slovenian, UNCC Arts 7-19 in Croatian), not from a run of the code.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from helpers import cyberkg
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from cyberkg.iris import ALIGNMENT, CK, ID

# Every offence of ETS185 (Arts 2-11) and ETS189 (Arts 3-7) -> its UNCC counterpart or None.
# UNCC 12 is forgery and 13 theft or fraud; the UNCC has no copyright offence and no offence on
# racist or xenophobic acts; UNCC 19(1) participation reaches only UNCC offences.
EXPECTED_COUNTERPART: dict[str, str | None] = {
    "ETS185/offence-2": "UNCC/offence-7-1",
    "ETS185/offence-3": "UNCC/offence-8-1",
    "ETS185/offence-4-1": "UNCC/offence-9-1",
    "ETS185/offence-5": "UNCC/offence-10",
    "ETS185/offence-6-1": "UNCC/offence-11-1",
    "ETS185/offence-7": "UNCC/offence-12-1",
    "ETS185/offence-8": "UNCC/offence-13",
    "ETS185/offence-9-1": "UNCC/offence-14-1",
    "ETS185/offence-10-1": None,
    "ETS185/offence-10-2": None,
    "ETS185/offence-11-1": "UNCC/offence-19-1",
    "ETS185/offence-11-2": "UNCC/offence-19-2",
    "ETS189/offence-3-1": None,
    "ETS189/offence-4": None,
    "ETS189/offence-5-1": None,
    "ETS189/offence-6-1": None,
    "ETS189/offence-7": None,
}

# The `counterpart` column of `cyberkg offences --format csv`, by (instrument, provision).
EXPECTED_COLUMN: dict[tuple[str, str], str] = {
    ("ETS185", "2"): "UNCC 7(1)",
    ("ETS185", "3"): "UNCC 8(1)",
    ("ETS185", "4(1)"): "UNCC 9(1)",
    ("ETS185", "5"): "UNCC 10",
    ("ETS185", "6(1)"): "UNCC 11(1)",
    ("ETS185", "7"): "UNCC 12(1)",
    ("ETS185", "8"): "UNCC 13",
    ("ETS185", "9(1)"): "UNCC 14(1)",
    ("ETS185", "10(1)"): "none in UNCC",
    ("ETS185", "10(2)"): "none in UNCC",
    ("ETS185", "11(1)"): "UNCC 19(1)",
    ("ETS185", "11(2)"): "UNCC 19(2)",
    ("ETS189", "3(1)"): "none in UNCC",
    ("ETS189", "4"): "none in UNCC",
    ("ETS189", "5(1)"): "none in UNCC",
    ("ETS189", "6(1)"): "none in UNCC",
    ("ETS189", "7"): "none in UNCC",
    ("UNCC", "7(1)"): "ETS185 2",
    ("UNCC", "13"): "ETS185 8",
    ("UNCC", "14(1)"): "ETS185 9(1)",
    ("UNCC", "15(1)"): "",
    ("UNCC", "16(1)"): "",
    ("UNCC", "17(1)"): "",
    ("UNCC", "19(3)"): "",
}

# (correspondence IRI local name, source element or None, target element or None, relation,
#  a provision the note must cite). Each verified against the seeds: see the comments.
EXPECTED_CORRESPONDENCES: list[tuple[str, str | None, str | None, str, str]] = [
    # UNCC 13(c) adds deception as a third means; ETS185 8 has only (a) and (b).
    ("ETS185-8--UNCC-13--uncc-deception", None, "UNCC/el-13-deception", "OnlyInTarget", "13(c)"),
    (
        "ETS185-8--UNCC-13--data-manipulation",
        "ETS185/el-8-data-manipulation",
        "UNCC/el-13-data-manipulation",
        "Same",
        "13(a)",
    ),
    # Serious harm: a reservation in ETS185 4(2), a 'may require' in UNCC 9(2); same result.
    (
        "ETS185-4-1--UNCC-9-1--serious-harm",
        "ETS185/el-4-1-serious-harm",
        "UNCC/el-9-1-serious-harm",
        "Same",
        "9(2)",
    ),
    # UNCC 9(1) says 'bespravno'; the Slovenian ETS185 4(1) has no 'neupravičeno'.
    (
        "ETS185-4-1--UNCC-9-1--uncc-without-right",
        None,
        "UNCC/el-9-1-without-right",
        "OnlyInTarget",
        "4(1)",
    ),
    # UNCC 7(2): 'other dishonest or criminal intent' against ETS185 2 'other dishonest intent'.
    (
        "ETS185-2--UNCC-7-1--dishonest-intent",
        "ETS185/el-2-dishonest-intent",
        "UNCC/el-7-1-dishonest-or-criminal-intent",
        "Broader",
        "7(2)",
    ),
    ("ETS185-2--UNCC-7-1--access", "ETS185/el-2-access", "UNCC/el-7-1-access", "Same", "vstop"),
    # UNCC 11(1)(a) adds 'pribavljanje' (obtaining).
    (
        "ETS185-6-1--UNCC-11-1--making-available",
        "ETS185/el-6-1-making-available",
        "UNCC/el-11-1-a-conduct",
        "Broader",
        "11(1)(a)",
    ),
    # Only ETS185 6(1)(b) lets a Party require a number of items.
    (
        "ETS185-6-1--UNCC-11-1--number-of-items",
        "ETS185/el-6-1-number-of-items",
        None,
        "OnlyInSource",
        "6(1)(b)",
    ),
    # UNCC 14(2) material includes visual material, may include written or audio content,
    # and need not be pornographic.
    (
        "ETS185-9-1--UNCC-14-1--pornographic-material",
        "ETS185/el-9-1-pornographic-material",
        "UNCC/el-14-1-material",
        "Broader",
        "14(2)",
    ),
    # Under 18 in both (ETS185 9(3), UNCC 14(2)); only ETS185 lets a Party lower it.
    (
        "ETS185-9-1--UNCC-14-1--minor",
        "ETS185/el-9-1-minor",
        "UNCC/el-14-1-person-under-18",
        "Same",
        "9(3)",
    ),
    # UNCC 14(1)(c) adds control; 14(1)(b) adds accessing.
    (
        "ETS185-9-1--UNCC-14-1--possessing",
        "ETS185/el-9-1-possessing",
        "UNCC/el-14-1-possession-or-control",
        "Broader",
        "14(1)(c)",
    ),
    (
        "ETS185-9-1--UNCC-14-1--procuring",
        "ETS185/el-9-1-procuring",
        "UNCC/el-14-1-soliciting-procuring-accessing",
        "Broader",
        "14(1)(b)",
    ),
    (
        "ETS185-9-1--UNCC-14-1--uncc-financing",
        None,
        "UNCC/el-14-1-financing",
        "OnlyInTarget",
        "14(1)(d)",
    ),
    # ETS185 9(1)(a) production for the purpose of distribution; UNCC 14(1)(a) has no purpose.
    (
        "ETS185-9-1--UNCC-14-1--distribution-purpose",
        "ETS185/el-9-1-distribution-purpose",
        None,
        "OnlyInSource",
        "9(1)(a)",
    ),
    # UNCC 19(1): participation in any capacity (accomplice, assistant, instigator).
    (
        "ETS185-11-1--UNCC-19-1--aiding-abetting",
        "ETS185/el-11-1-aiding-abetting",
        "UNCC/el-19-1-participation",
        "Broader",
        "19(1)",
    ),
    # ETS185 11(1) needs intent that the offence be committed; UNCC 19(1) only intentional.
    (
        "ETS185-11-1--UNCC-19-1--purpose",
        "ETS185/el-11-1-purpose",
        None,
        "OnlyInSource",
        "11(1)",
    ),
    # ETS185 11(2): Arts 3-5, 7, 8, 9(1)(a), (c); UNCC 19(2): any offence of the Convention.
    (
        "ETS185-11-2--UNCC-19-2--target-offence",
        "ETS185/el-11-2-target-offence",
        "UNCC/el-19-2-convention-offence",
        "Broader",
        "11(2)",
    ),
]


def iri(local: str) -> URIRef:
    """A cyberkg instance IRI from its path below https://w3id.org/cyberkg/id/."""
    return URIRef(ID + local)


def alignments(graph: Graph) -> list[URIRef]:
    """Every offence alignment, sorted."""
    return sorted(s for s in graph.subjects(RDF.type, CK.OffenceAlignment) if isinstance(s, URIRef))


def offences_of(graph: Graph, instrument: str) -> set[URIRef]:
    """The offences of one instrument."""
    inst = iri(instrument)
    return {o for o in graph.subjects(RDF.type, CK.Offence) if (o, CK.instrument, inst) in graph}


def elements_of(graph: Graph, offence: URIRef) -> set[URIRef]:
    """The elements of an offence: its own and those its options add."""
    own = set(graph.objects(offence, CK.hasElement))
    added = {
        el
        for option in graph.subjects(CK.affectsOffence, offence)
        for el in graph.objects(option, CK.addsElement)
    }
    return {e for e in own | added if isinstance(e, URIRef)}


def slug(element: URIRef, offence: URIRef) -> str:
    """The element's slug: its local name after el-{dashed provision of the offence}-."""
    dashed = str(offence).rsplit("/offence-", 1)[1]
    local = str(element).rsplit("/", 1)[1]
    prefix = f"el-{dashed}-"
    assert local.startswith(prefix), (element, offence)
    return local[len(prefix) :]


def english_notes(graph: Graph, node: URIRef) -> list[str]:
    """The English skos:note values of a node."""
    return [
        str(n)
        for n in graph.objects(node, SKOS.note)
        if isinstance(n, Literal) and n.language == "en"
    ]


@pytest.fixture(scope="module")
def by_source(merged: Graph) -> dict[URIRef, list[URIRef]]:
    """Alignments keyed by their source offence."""
    result: dict[URIRef, list[URIRef]] = {}
    for al in alignments(merged):
        for source in merged.objects(al, CK.sourceOffence):
            result.setdefault(source, []).append(al)
    return result


def test_every_ets_offence_is_listed(merged: Graph) -> None:
    modelled = offences_of(merged, "ETS185") | offences_of(merged, "ETS189")
    assert modelled == {iri(o) for o in EXPECTED_COUNTERPART}


@pytest.mark.parametrize("source", sorted(EXPECTED_COUNTERPART))
def test_each_ets_offence_has_exactly_one_alignment_to_uncc(
    merged: Graph, by_source: dict[URIRef, list[URIRef]], source: str
) -> None:
    found = by_source.get(iri(source), [])
    assert len(found) == 1, found
    al = found[0]
    assert list(merged.objects(al, CK.targetInstrument)) == [iri("UNCC")]
    expected = EXPECTED_COUNTERPART[source]
    instrument, _, name = source.partition("/")
    dashed = name.removeprefix("offence-")
    if expected is None:
        assert al == ALIGNMENT[f"{instrument}-{dashed}--UNCC"]
        assert list(merged.objects(al, CK.targetOffence)) == []
        assert list(merged.objects(al, CK.noCounterpart)) == [Literal(True)]
        assert list(merged.objects(iri(source), CK.counterpart)) == []
    else:
        target_dashed = expected.removeprefix("UNCC/offence-")
        assert al == ALIGNMENT[f"{instrument}-{dashed}--UNCC-{target_dashed}"]
        assert list(merged.objects(al, CK.targetOffence)) == [iri(expected)]
        assert (al, CK.noCounterpart, Literal(True)) not in merged
        assert list(merged.objects(iri(source), CK.counterpart)) == [iri(expected)]
    assert english_notes(merged, al), "the alignment says how the offences relate"


def test_no_alignment_starts_from_a_uncc_offence(merged: Graph) -> None:
    uncc = offences_of(merged, "UNCC")
    assert not [al for al in alignments(merged) if merged.value(al, CK.sourceOffence) in uncc]


def test_counterpart_shortcut_only_where_an_alignment_names_the_target(merged: Graph) -> None:
    shortcuts = {(s, o) for s, o in merged.subject_objects(CK.counterpart)}
    pairs = {
        (merged.value(al, CK.sourceOffence), t)
        for al in alignments(merged)
        for t in merged.objects(al, CK.targetOffence)
    }
    assert shortcuts == pairs


@pytest.mark.parametrize(
    "source", sorted(s for s, t in EXPECTED_COUNTERPART.items() if t is not None)
)
def test_every_source_element_has_exactly_one_correspondence(
    merged: Graph, by_source: dict[URIRef, list[URIRef]], source: str
) -> None:
    (al,) = by_source[iri(source)]
    target = merged.value(al, CK.targetOffence)
    correspondences = list(merged.objects(al, CK.hasCorrespondence))
    source_elements = elements_of(merged, iri(source))
    target_elements = elements_of(merged, target)
    seen: dict[URIRef, URIRef] = {}
    covered: set[URIRef] = set()
    for c in correspondences:
        relation = merged.value(c, CK.relation)
        sources = list(merged.objects(c, CK.sourceElement))
        targets = list(merged.objects(c, CK.targetElement))
        assert english_notes(merged, c), c
        assert set(targets) <= target_elements, (c, targets)
        covered |= set(targets)
        if relation == CK.OnlyInTarget:
            assert sources == [] and len(targets) == 1, c
            assert c == URIRef(f"{al}--uncc-{slug(targets[0], target)}"), c
            continue
        assert len(sources) == 1 and sources[0] in source_elements, (c, sources)
        assert sources[0] not in seen, (sources[0], c, seen.get(sources[0]))
        seen[sources[0]] = c
        assert c == URIRef(f"{al}--{slug(sources[0], iri(source))}")
        if relation == CK.OnlyInSource:
            assert targets == [], c
        else:
            assert relation in (CK.Same, CK.Broader, CK.Narrower), (c, relation)
            assert targets, c
    assert set(seen) == source_elements, source_elements - set(seen)
    assert covered == target_elements, target_elements - covered


def test_alignments_without_target_have_no_correspondences(merged: Graph) -> None:
    for al in alignments(merged):
        if (al, CK.noCounterpart, Literal(True)) in merged:
            assert list(merged.objects(al, CK.hasCorrespondence)) == [], al


@pytest.mark.parametrize(
    ("name", "source", "target", "relation", "cited"),
    EXPECTED_CORRESPONDENCES,
    ids=[row[0] for row in EXPECTED_CORRESPONDENCES],
)
def test_verified_correspondences(
    merged: Graph, name: str, source: str | None, target: str | None, relation: str, cited: str
) -> None:
    c = ALIGNMENT[name]
    assert (c, RDF.type, CK.ElementCorrespondence) in merged
    assert list(merged.objects(c, CK.sourceElement)) == ([iri(source)] if source else [])
    assert list(merged.objects(c, CK.targetElement)) == ([iri(target)] if target else [])
    assert list(merged.objects(c, CK.relation)) == [CK[relation]]
    assert any(cited in note for note in english_notes(merged, c)), english_notes(merged, c)


def test_serious_harm_is_a_reservation_in_ets185_and_a_qualifier_in_uncc(merged: Graph) -> None:
    # ETS185 4(2): 'si lahko pridrži pravico' (may reserve); UNCC 9(2): 'može propisati'.
    c = ALIGNMENT["ETS185-4-1--UNCC-9-1--serious-harm"]
    (source,) = merged.objects(c, CK.sourceElement)
    (target,) = merged.objects(c, CK.targetElement)
    source_options = set(merged.subjects(CK.addsElement, source))
    target_options = set(merged.subjects(CK.addsElement, target))
    assert source_options == {iri("ETS185/opt-4-2-serious-harm")}
    assert target_options == {iri("UNCC/opt-9-2-serious-harm")}
    assert (iri("ETS185/opt-4-2-serious-harm"), RDF.type, CK.ReservationOption) in merged
    assert (iri("UNCC/opt-9-2-serious-harm"), RDF.type, CK.QualifierOption) in merged
    (note,) = english_notes(merged, ALIGNMENT["ETS185-4-1--UNCC-9-1"])
    assert "reservation" in note and "4(2)" in note and "9(2)" in note


def test_header_defines_the_direction_of_broader(root: Path) -> None:
    header = (root / "ontology" / "alignment.ttl").read_text(encoding="utf-8").split("@prefix")[0]
    assert "ck:Broader  = the UNCC element reaches MORE conduct than the ETS element" in header
    assert "ck:Narrower = the UNCC element reaches LESS conduct than the ETS element" in header


def test_cyberkg_check_passes_with_the_alignment() -> None:
    result = cyberkg("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "integrity shapes: conforms" in result.stdout


def test_offences_csv_fills_the_counterpart_column(root: Path, tmp_path: Path) -> None:
    # A copy of the sources without a build/ directory: the command merges them in memory.
    copy = tmp_path / "project"
    for sub in ("ontology", "shapes"):
        shutil.copytree(root / sub, copy / sub)
    result = cyberkg("offences", "--format", "csv", env={"CYBERKG_HOME": str(copy)})
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    column = {(r["instrument"], r["provision"]): r["counterpart"] for r in rows}
    for key, expected in EXPECTED_COLUMN.items():
        assert column[key] == expected, key
    ets = [key for key in column if key[0] in ("ETS185", "ETS189")]
    assert sorted(ets) == sorted(k for k in EXPECTED_COLUMN if k[0] != "UNCC")
    assert all(column[key] for key in ets)
