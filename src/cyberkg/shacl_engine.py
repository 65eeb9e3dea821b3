"""Bulk evaluation of SHACL shapes on oxigraph: one SPARQL query per constraint.

pySHACL evaluates each constraint focus node by focus node, re-parsing SHACL-SPARQL queries
every time, on rdflib's slow SPARQL engine. For profile validation the shapes are instead
compiled here, once, into SPARQL queries that find every violating focus node at a time, and
run on oxigraph. Only the subset of SHACL used in shapes/profiles/ is supported; any other
construct is refused with an error rather than silently ignored. tests/test_shacl_engine.py
checks that this engine and pySHACL give the same results on the profile fixtures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from .errors import CyberkgError
from .validation import SH, ShapeResult

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SUPPORTED_NODE = {SH.targetClass, SH.property, SH.sparql, SH.severity, SH.message,
                   SH.deactivated, RDF.type}  # fmt: skip
_SUPPORTED_PROPERTY = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH["in"],
                       SH.pattern, SH.message, SH.severity, SH.name, SH.description}  # fmt: skip
_PREFIXES = (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
)
_CASTABLE = {"date", "integer", "boolean", "decimal", "dateTime"}


@dataclass(frozen=True)
class CompiledConstraint:
    """One constraint as a SPARQL query that returns ?this (and ?value) for each violation."""

    shape: str
    severity: str
    message: str
    query: str


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise CyberkgError(f"unsupported term in shapes: {node!r}")


def _path(shapes: Graph, path: Node) -> str:
    if isinstance(path, URIRef):
        return f"<{path}>"
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^<{inverse}>"
    raise CyberkgError("only IRI and sh:inversePath paths are supported in profile shapes")


def _target(classes: list[URIRef]) -> str:
    union = " UNION ".join(f"{{ ?this rdf:type/rdfs:subClassOf* {_term(c)} }}" for c in classes)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _property_queries(shapes: Graph, prop: Node, target: str) -> list[str]:
    unknown = {p for p in shapes.predicates(prop, None)} - _SUPPORTED_PROPERTY
    if unknown:
        raise CyberkgError(f"unsupported SHACL in profile shapes: {sorted(map(str, unknown))}")
    path_node = shapes.value(prop, SH.path)
    if path_node is None:
        raise CyberkgError("a property shape without sh:path")
    path = _path(shapes, path_node)
    queries = []
    min_count = shapes.value(prop, SH.minCount)
    max_count = shapes.value(prop, SH.maxCount)
    for bound, op in ((min_count, "<"), (max_count, ">")):
        if bound is not None:
            queries.append(
                f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ "
                f"{target} OPTIONAL {{ ?this {path} ?v }} }} GROUP BY ?this }} "
                f"FILTER (?n {op} {int(bound)}) }}"
            )
    each = f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value . FILTER ("
    datatype = shapes.value(prop, SH.datatype)
    if datatype is not None:
        local = str(datatype).rsplit("#", 1)[-1]
        cast = " || !BOUND(?cast)" if local in _CASTABLE else ""
        bind = f"BIND (xsd:{local}(STR(?value)) AS ?cast) " if local in _CASTABLE else ""
        queries.append(
            f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value . {bind}"
            f"FILTER (!isLiteral(?value) || DATATYPE(?value) != {_term(datatype)}{cast}) }}"
        )
    cls = shapes.value(prop, SH["class"])
    if cls is not None:
        queries.append(
            f"SELECT ?this ?value WHERE {{ {target} ?this {path} ?value . "
            f"FILTER NOT EXISTS {{ ?value rdf:type/rdfs:subClassOf* {_term(cls)} }} }}"
        )
    members = shapes.value(prop, SH["in"])
    if members is not None:
        allowed = ", ".join(_term(m) for m in Collection(shapes, members))
        queries.append(f"{each}?value NOT IN ({allowed})) }}")
    pattern = shapes.value(prop, SH.pattern)
    if pattern is not None:
        queries.append(f"{each}isBlank(?value) || !REGEX(STR(?value), {_term(pattern)})) }}")
    return queries


def _sparql_query(select: str, target: str) -> str:
    if re.search(r"\bVALUES\b", select, flags=re.IGNORECASE):
        # SHACL 5.3.1: a SPARQL-based constraint must not contain VALUES (pySHACL refuses it).
        raise CyberkgError("a SHACL-SPARQL constraint must not contain a VALUES clause")
    text = select.replace("$this", "?this")
    match = re.search(r"\bWHERE\s*\{", text, flags=re.IGNORECASE)
    if match is None:
        raise CyberkgError("a SHACL-SPARQL constraint without WHERE {")
    return text[: match.end()] + f" {target} " + text[match.end() :]


def _prefix_block(shapes: Graph, constraint: Node) -> str:
    lines = []
    for declaration_owner in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(declaration_owner, SH.declare):
            lines.append(
                f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>"
            )
    return "\n".join(sorted(set(lines))) + "\n"


def compile_shapes(shapes: Graph) -> list[CompiledConstraint]:
    """Compile every active node shape with sh:targetClass into SPARQL queries."""
    compiled: list[CompiledConstraint] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        unknown = (
            set(shapes.predicates(shape, None))
            - _SUPPORTED_NODE
            - {URIRef("http://www.w3.org/2000/01/rdf-schema#comment")}
        )
        if unknown:
            raise CyberkgError(f"unsupported SHACL in {shape}: {sorted(map(str, unknown))}")
        classes = sorted(c for c in shapes.objects(shape, SH.targetClass) if isinstance(c, URIRef))
        if not classes:
            raise CyberkgError(f"{shape}: profile shapes must target classes (sh:targetClass)")
        target = _target(classes)
        node_severity = _SEVERITY.get(shapes.value(shape, SH.severity), "Violation")  # type: ignore[arg-type]
        for prop in shapes.objects(shape, SH.property):
            severity = _SEVERITY.get(shapes.value(prop, SH.severity), node_severity)  # type: ignore[arg-type]
            message = str(shapes.value(prop, SH.message) or shapes.value(shape, SH.message) or "")
            for query in _property_queries(shapes, prop, target):
                compiled.append(
                    CompiledConstraint(str(shape), severity, message, _PREFIXES + query)
                )
        for constraint in shapes.objects(shape, SH.sparql):
            select = shapes.value(constraint, SH.select)
            if select is None:
                raise CyberkgError(f"{shape}: a sh:sparql constraint without sh:select")
            severity = _SEVERITY.get(shapes.value(constraint, SH.severity), node_severity)  # type: ignore[arg-type]
            message = str(
                shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or ""
            )
            query = (
                _PREFIXES + _prefix_block(shapes, constraint) + _sparql_query(str(select), target)
            )
            compiled.append(CompiledConstraint(str(shape), severity, message, query))
    return compiled


def _fill(message: str, solution: ox.QuerySolution, variables: list[str]) -> str:
    def repl(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in variables or solution[name] is None:
            return match.group(0)
        return str(solution[name].value)

    return re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}", repl, message)


def evaluate(store: ox.Store, compiled: list[CompiledConstraint]) -> list[ShapeResult]:
    """Run every compiled constraint on the store; return the results, sorted."""
    results: set[ShapeResult] = set()
    for constraint in compiled:
        try:
            solutions = store.query(constraint.query)
        except SyntaxError as exc:
            raise CyberkgError(f"{constraint.shape}: cannot compile constraint: {exc}") from exc
        assert isinstance(solutions, ox.QuerySolutions)
        variables = [v.value for v in solutions.variables]
        for solution in solutions:
            this = solution["this"]
            value = solution["value"] if "value" in variables else None
            results.add(
                ShapeResult(
                    severity=constraint.severity,
                    focus=str(this.value),
                    message=_fill(constraint.message, solution, variables),
                    value="" if value is None else str(value.value),
                    shape=constraint.shape,
                )
            )
    return sorted(results)
