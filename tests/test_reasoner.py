"""HermiT on the merged graph, and on deliberately broken fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from cyberkg.reasoner import run_hermit

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
HERE = Path(__file__).parent / "reasoner"


def test_merged_graph_is_consistent_and_classifies(merged: Graph) -> None:
    report = run_hermit(merged)
    assert report.consistent, report.explanation
    assert report.unsatisfiable == []


def test_disjoint_element_kinds_make_the_graph_inconsistent(root: Path) -> None:
    graph = Graph().parse(root / "ontology" / "cyberkg.ttl")
    graph.parse(HERE / "inconsistent.ttl")
    assert run_hermit(graph).consistent is False


def test_class_under_two_option_kinds_is_unsatisfiable(root: Path) -> None:
    graph = Graph().parse(root / "ontology" / "cyberkg.ttl")
    graph.parse(HERE / "unsatisfiable.ttl")
    report = run_hermit(graph)
    assert report.consistent
    assert report.unsatisfiable == ["https://w3id.org/cyberkg/test#ReservedQualifier"]
