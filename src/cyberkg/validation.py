"""A thin, typed wrapper over pyshacl.validate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import RDF, BNode, Graph, Namespace, URIRef
from rdflib.term import Node

from .sources import load_turtle

SH = Namespace("http://www.w3.org/ns/shacl#")
_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True, order=True)
class ShapeResult:
    """One SHACL validation result."""

    severity: str
    focus: str
    message: str
    path: str = ""
    value: str = ""
    shape: str = ""


@dataclass
class ShapeReport:
    """The results of one validation run; conforms is False iff a Violation was found."""

    results: list[ShapeResult]
    graph: Graph

    @property
    def conforms(self) -> bool:
        """True when no result is a Violation (warnings and infos do not break conformance)."""
        return not any(r.severity == "Violation" for r in self.results)

    def violations(self) -> list[ShapeResult]:
        """The results of severity Violation."""
        return [r for r in self.results if r.severity == "Violation"]


def load_shapes(files: list[Path]) -> Graph:
    """Load SHACL shape files (with file/line errors on bad syntax)."""
    return load_turtle(files)


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)


def validate(data: Graph, shapes: Graph) -> ShapeReport:
    """Validate data against shapes, with SHACL-SPARQL targets enabled and no inference.

    No inference on purpose: sh:class then follows exactly the rdfs:subClassOf triples in the
    data graph (the ontology is merged into it), so results do not depend on an entailment regime.
    """
    _, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        abort_on_first=False,
    )
    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        severity = report_graph.value(node, SH.resultSeverity)
        messages = sorted(str(m) for m in report_graph.objects(node, SH.resultMessage))
        results.append(
            ShapeResult(
                severity=_SEVERITIES.get(severity, _text(severity)),  # type: ignore[arg-type]
                focus=_text(report_graph.value(node, SH.focusNode)),
                message=" ".join(messages),
                path=_path_text(report_graph, report_graph.value(node, SH.resultPath)),
                value=_text(report_graph.value(node, SH.value)),
                shape=_named_shape(shapes, report_graph.value(node, SH.sourceShape)),
            )
        )
    return ShapeReport(results=sorted(results), graph=report_graph)


def _named_shape(shapes: Graph, shape: Node | None) -> str:
    """The IRI of the named shape a result comes from (property shapes are blank nodes)."""
    while isinstance(shape, BNode):
        parent = next(shapes.subjects(SH.property, shape), None)
        if parent is None:
            break
        shape = parent
    return _text(shape)


def _path_text(graph: Graph, path: Node | None) -> str:
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return str(path)
    return "complex path"
