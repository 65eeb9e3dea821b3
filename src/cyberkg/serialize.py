"""Deterministic serialisations: the same graph always gives the same bytes."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import to_canonical_graph

from .iris import CK, ELI, ID, ORG, PARTY, PROFILE

PREFIXES: dict[str, str] = {
    "ck": str(CK),
    "eli": str(ELI),
    "id": ID,
    "ets185": ID + "ETS185/",
    "ets189": ID + "ETS189/",
    "uncc": ID + "UNCC/",
    "party": str(PARTY),
    "org": str(ORG),
    "profile": str(PROFILE),
    "alignment": ID + "alignment/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "sh": "http://www.w3.org/ns/shacl#",
    "cks": "https://w3id.org/cyberkg/shapes/integrity#",
    "ckp": "https://w3id.org/cyberkg/shapes/profiles#",
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes so that Turtle output is readable."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def canonical_ntriples(graph: Graph) -> str:
    """Sorted N-Triples with blank nodes relabelled canonically."""
    lines = to_canonical_graph(graph).serialize(format="nt").splitlines()
    return "".join(sorted(f"{line}\n" for line in lines if line.strip()))


def canonical_turtle(graph: Graph) -> str:
    """Turtle of the canonicalised graph: subjects and predicates in sorted order."""
    canonical = bind_prefixes(Graph())
    for triple in to_canonical_graph(graph):
        canonical.add(triple)
    return canonical.serialize(format="turtle")
