"""cyberkg.shacl_engine (SPARQL on oxigraph) and pySHACL give the same results on the fixtures.

pySHACL re-parses every SHACL-SPARQL query for every focus node, which takes minutes on all the
fixtures together; so each breaking fixture is checked against the shapes it is meant to break
(every shape of shapes/profiles/rules.ttl is one of them for some fixture), on the merged data
graph: the built knowledge graph plus the fixture's profiles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from cyberkg import api
from cyberkg.cli import compact
from cyberkg.errors import CyberkgError
from cyberkg.graph import NT_FILE
from cyberkg.paths import shape_files
from cyberkg.profile_validation import add_profiles, knowledge_store, profile_files
from cyberkg.shacl_engine import compile_shapes, evaluate
from cyberkg.validation import SH, load_shapes, validate

HERE = Path(__file__).parent / "profiles"
XFAIL = sorted(p.name for p in HERE.iterdir() if "_XFAIL" in p.name)


@pytest.fixture(scope="module")
def build_dir() -> Path:
    return api.fresh_build()


@pytest.fixture(scope="module")
def knowledge_graph(build_dir: Path) -> Graph:
    return Graph().parse(build_dir / NT_FILE, format="nt")


@pytest.fixture(scope="module")
def all_shapes() -> Graph:
    return load_shapes(shape_files("profiles"))


def only_shapes(shapes: Graph, keep: set[str]) -> Graph:
    """The shapes graph without the node shapes not in keep (their blank nodes stay, inert)."""
    reduced = Graph()
    reduced += shapes
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        if compact(str(shape)) not in keep:
            reduced.remove((shape, None, None))
    return reduced


def fixture_shapes(fixture: str) -> set[str]:
    name = fixture.removesuffix(".csv").removesuffix(".ttl")
    expected = json.loads((HERE / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return {r["shape"] for r in expected}


def test_every_shape_is_compared(all_shapes: Graph) -> None:
    declared = {compact(str(s)) for s in all_shapes.subjects(RDF.type, SH.NodeShape)}
    compared = set().union(*(fixture_shapes(f) for f in XFAIL))
    assert declared - compared == set()


@pytest.mark.parametrize("fixture", XFAIL)
def test_engine_agrees_with_pyshacl(
    fixture: str, build_dir: Path, knowledge_graph: Graph, all_shapes: Graph
) -> None:
    shapes = only_shapes(all_shapes, fixture_shapes(fixture))
    store = knowledge_store(build_dir)
    profiles = add_profiles(store, profile_files([HERE / fixture]))
    ours = {(r.severity, r.focus, r.message) for r in evaluate(store, compile_shapes(shapes))}
    merged = Graph()
    merged += knowledge_graph
    merged += profiles
    theirs = {(r.severity, r.focus, r.message) for r in validate(merged, shapes).results}
    assert ours, f"{fixture}: no result at all"
    assert ours == theirs


def test_engine_refuses_what_it_cannot_run(all_shapes: Graph) -> None:
    """An unsupported construct is an error, never a silently skipped constraint."""
    shapes = Graph()
    shapes += all_shapes
    shape = URIRef("https://w3id.org/cyberkg/shapes/profiles#StatementShape")
    shapes.add((shape, SH.closed, shapes.value(shape, SH.targetClass)))
    with pytest.raises(CyberkgError, match="unsupported SHACL"):
        compile_shapes(shapes)
