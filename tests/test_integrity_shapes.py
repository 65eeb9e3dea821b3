"""Each integrity shape against a conforming base graph and one breaking change per rule.

tests/integrity/base_PASS.ttl conforms; every *_XFAIL.ru is a SPARQL Update applied to it that
breaks one rule, and expected/<name>.json is the exact set of results it must produce
(severity, focus node, message). Set CYBERKG_UPDATE_EXPECTED=1 to rewrite the expected files
after a deliberate change, and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from rdflib import RDF, Graph

from cyberkg.cli import compact
from cyberkg.paths import shape_files
from cyberkg.validation import SH, load_shapes, validate

HERE = Path(__file__).parent / "integrity"
CASES = sorted(p.name.removesuffix("_XFAIL.ru") for p in HERE.glob("*_XFAIL.ru"))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(shape_files("ontology"))


def base_graph(root: Path) -> Graph:
    graph = Graph().parse(root / "ontology" / "cyberkg.ttl")
    return graph.parse(HERE / "base_PASS.ttl")


def results_of(graph: Graph, shapes: Graph) -> list[dict[str, str]]:
    report = validate(graph, shapes)
    return [
        {"severity": r.severity, "focus": compact(r.focus), "message": r.message}
        for r in report.results
    ]


def test_base_conforms(root: Path, shapes: Graph) -> None:
    assert results_of(base_graph(root), shapes) == []


def test_every_shape_has_a_failing_case(shapes: Graph) -> None:
    """Each shape of shapes/ontology is exercised by at least one XFAIL case."""
    covered = set()
    for name in CASES:
        covered |= {
            r["shape"] for r in json.loads((HERE / "expected" / f"{name}.json").read_text())
        }
    declared = {compact(str(s)) for s in shapes.subjects(RDF.type, SH.NodeShape)}
    assert declared - covered == set()


@pytest.mark.parametrize("name", CASES)
def test_breaking_change_is_reported(name: str, root: Path, shapes: Graph) -> None:
    graph = base_graph(root)
    graph.update((HERE / f"{name}_XFAIL.ru").read_text(encoding="utf-8"))
    report = validate(graph, shapes)
    actual = sorted(
        (
            {
                "severity": r.severity,
                "focus": compact(r.focus),
                "message": r.message,
                "shape": compact(r.shape),
            }
            for r in report.results
        ),
        key=lambda d: (d["shape"], d["focus"], d["message"]),
    )
    expected_file = HERE / "expected" / f"{name}.json"
    if os.environ.get("CYBERKG_UPDATE_EXPECTED"):
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n")
    assert actual, f"{name}: the breaking change produced no result"
    assert actual == json.loads(expected_file.read_text(encoding="utf-8"))
