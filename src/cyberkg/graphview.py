"""A networkx projection of the knowledge graph, for notebooks and GraphML export.

Nodes are offences, elements, options, provisions, Parties and statements, each with the
attributes kind, label, provision and instrument (empty strings where they do not apply, so
that GraphML can hold them). Edges carry a relation attribute:

    offence  -hasElement->  element  -changedBy->  option  -provision-> provision
    offence  -hasOption->   option   (options that affect or remove the offence)
    offence  -establishedBy-> provision;  element -provision-> provision
    party    -made->        statement -exercisesOption-> option;  statement -provision-> provision

The projection reads triples by pattern (no SPARQL), from the built store or any store that
also holds profiles.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

CK = "https://w3id.org/cyberkg/ontology#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
NOTATION = ox.NamedNode("http://www.w3.org/2004/02/skos/core#notation")
ELEMENT_EFFECTS = ("addsElement", "removesElement", "restrictsElement", "extendsElement")


def _ck(name: str) -> ox.NamedNode:
    return ox.NamedNode(CK + name)


def _objects(store: ox.Store, subject: ox.NamedNode, predicate: ox.NamedNode) -> Iterator:
    for quad in store.quads_for_pattern(subject, predicate, None):
        yield quad.object


def _subjects(store: ox.Store, predicate: ox.NamedNode, obj: ox.NamedNode | None) -> Iterator:
    for quad in store.quads_for_pattern(None, predicate, obj):
        yield quad.subject


def _subclasses(store: ox.Store, root: str) -> set[str]:
    """The class and all its subclasses (rdfs:subClassOf, transitively)."""
    found, todo = {root}, [root]
    while todo:
        current = todo.pop()
        for sub in _subjects(store, SUBCLASS, ox.NamedNode(current)):
            if isinstance(sub, ox.NamedNode) and sub.value not in found:
                found.add(sub.value)
                todo.append(sub.value)
    return found


def _instances(store: ox.Store, classes: set[str]) -> set[str]:
    return {
        s.value
        for cls in classes
        for s in _subjects(store, RDF_TYPE, ox.NamedNode(cls))
        if isinstance(s, ox.NamedNode)
    }


def _label(store: ox.Store, iri: str, *predicates: ox.NamedNode) -> str:
    """The English label (or a label without language) under the first predicate that has one."""
    node = ox.NamedNode(iri)
    for predicate in predicates:
        values = sorted(
            (
                o.value
                for o in _objects(store, node, predicate)
                if isinstance(o, ox.Literal) and o.language in ("en", None)
            ),
        )
        if values:
            return values[0]
    return ""


def _notation(store: ox.Store, iri: str) -> str:
    values = sorted(o.value for o in _objects(store, ox.NamedNode(iri), NOTATION))
    return values[0] if values else ""


def _one(store: ox.Store, iri: str, predicate: str) -> str:
    values = sorted(o.value for o in _objects(store, ox.NamedNode(iri), _ck(predicate)))
    return values[0] if values else ""


def _targets(store: ox.Store, iri: str, predicate: str) -> list[str]:
    return sorted(
        o.value
        for o in _objects(store, ox.NamedNode(iri), _ck(predicate))
        if isinstance(o, ox.NamedNode)
    )


def knowledge_graph(store: ox.Store) -> nx.DiGraph:
    """The whole projection: offences, elements, options, provisions, Parties, statements."""
    graph = nx.DiGraph()

    def instrument_of(iri: str) -> str:
        inst = _one(store, iri, "instrument")
        return _notation(store, inst) if inst else ""

    def add_provision(iri: str) -> str:
        notation = _notation(store, iri)
        if iri not in graph:
            graph.add_node(
                iri,
                kind="provision",
                label=_label(store, iri, RDFS_LABEL) or notation,
                provision=notation,
                instrument=instrument_of(iri),
                detail="",
            )
        return notation

    def add(iri: str, kind: str, label: str, provision_iri: str, detail: str = "") -> None:
        provision = add_provision(provision_iri) if provision_iri else ""
        graph.add_node(
            iri,
            kind=kind,
            label=label,
            provision=provision,
            instrument=instrument_of(iri),
            detail=detail,
        )
        if provision_iri:
            relation = "establishedBy" if kind == "offence" else "provision"
            graph.add_edge(iri, provision_iri, relation=relation)

    for offence in sorted(_instances(store, {CK + "Offence"})):
        add(
            offence,
            "offence",
            _label(store, offence, PREF_LABEL),
            _one(store, offence, "establishedBy"),
        )
    element_classes = _subclasses(store, CK + "Element")
    for element in sorted(_instances(store, element_classes)):
        kinds = sorted(
            _label(store, o.value, RDFS_LABEL)
            for o in _objects(store, ox.NamedNode(element), RDF_TYPE)
            if o.value in element_classes
        )
        add(
            element,
            "element",
            _label(store, element, RDFS_LABEL),
            _one(store, element, "provision"),
            detail=", ".join(kinds),
        )
    option_classes = _subclasses(store, CK + "Option") - {CK + "Option"}
    for option in sorted(_instances(store, option_classes)):
        add(
            option,
            "option",
            _label(store, option, PREF_LABEL),
            _one(store, option, "provision"),
            detail=_notation(store, option),
        )
    for offence in sorted(n for n, k in graph.nodes(data="kind") if k == "offence"):
        for element in _targets(store, offence, "hasElement"):
            if element in graph:
                graph.add_edge(offence, element, relation="hasElement")
    for option in sorted(n for n, k in graph.nodes(data="kind") if k == "option"):
        for prop in ("affectsOffence", "removesOffence"):
            for offence in _targets(store, option, prop):
                if offence in graph:
                    graph.add_edge(offence, option, relation="hasOption")
        for effect in ELEMENT_EFFECTS:
            for element in _targets(store, option, effect):
                if element in graph:
                    graph.add_edge(element, option, relation="changedBy", effect=effect)
    statement_classes = _subclasses(store, CK + "Statement")
    for statement in sorted(_instances(store, statement_classes)):
        party = _one(store, statement, "party")
        act = sorted(
            _label(store, o.value, RDFS_LABEL)
            for o in _objects(store, ox.NamedNode(statement), RDF_TYPE)
            if o.value in statement_classes
        )
        date = _one(store, statement, "date")
        add(
            statement,
            "statement",
            f"{', '.join(act)} {date}".strip(),
            _one(store, statement, "provision"),
        )
        if party:
            if party not in graph:
                graph.add_node(
                    party,
                    kind="party",
                    label=_label(store, party, PREF_LABEL) or party.rsplit("/", 1)[-1],
                    provision="",
                    instrument="",
                    detail=party.rsplit("/", 1)[-1],
                )
            graph.add_edge(party, statement, relation="made")
        for option in _targets(store, statement, "exercisesOption"):
            if option in graph:
                graph.add_edge(statement, option, relation="exercisesOption")
    return graph


def offence_graph(graph: nx.DiGraph, offence: str) -> nx.DiGraph:
    """The part of a projection about one offence: its elements, options and provisions,
    and the statements (with their Parties) that exercise those options."""
    if offence not in graph or graph.nodes[offence].get("kind") != "offence":
        raise KeyError(f"{offence} is not an offence of the projection")
    keep = {offence} | nx.descendants(graph, offence)
    options = [n for n in keep if graph.nodes[n]["kind"] == "option"]
    for option in options:
        for statement in graph.predecessors(option):
            if graph.nodes[statement]["kind"] == "statement":
                keep.add(statement)
                keep.update(graph.successors(statement))
                keep.update(
                    p for p in graph.predecessors(statement) if graph.nodes[p]["kind"] == "party"
                )
    return graph.subgraph(sorted(keep)).copy()


def write_graphml(graph: nx.DiGraph, path: Path) -> None:
    """Write the projection as GraphML (attributes as strings; sorted for stable output)."""
    ordered = nx.DiGraph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])))
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(ordered, str(path), encoding="utf-8")
