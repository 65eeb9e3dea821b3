"""Consistency and classification with HermiT, through owlready2 (needs Java)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import XSD, Graph, Literal

from .errors import CyberkgError

# HermiT rejects these datatypes; the reasoner does not need them (dates are checked by SHACL).
_UNSUPPORTED_DATATYPES = {XSD.date, XSD.gYear, XSD.gYearMonth, XSD.duration}


@dataclass
class ReasonerReport:
    """What HermiT found: consistency and the classes that cannot have members."""

    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    explanation: str = ""

    @property
    def ok(self) -> bool:
        """True when the ontology is consistent and every class is satisfiable."""
        return self.consistent and not self.unsatisfiable


def reasoner_view(graph: Graph) -> Graph:
    """The graph minus literals HermiT cannot read (xsd:date and friends)."""
    view = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in _UNSUPPORTED_DATATYPES:
            continue
        if o in _UNSUPPORTED_DATATYPES:  # e.g. the rdfs:range of ck:date
            continue
        view.add((s, p, o))
    return view


def run_hermit(graph: Graph) -> ReasonerReport:
    """Run HermiT on the graph; report inconsistency or unsatisfiable classes."""
    if shutil.which("java") is None:
        raise CyberkgError("the reasoner needs Java (17 or later) on the PATH; none was found")
    import owlready2  # imported here: loading owlready2 is slow and only this needs it

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "merged.nt"
        reasoner_view(graph).serialize(source, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(source.as_uri()).load(format="ntriples")
        try:
            with onto:
                owlready2.sync_reasoner_hermit(
                    world, infer_property_values=False, debug=0, keep_tmp_file=False
                )
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            return ReasonerReport(consistent=False, explanation=str(exc))
        except owlready2.OwlReadyJavaError as exc:
            raise CyberkgError(f"HermiT failed: {exc}") from exc
        unsatisfiable = sorted(
            cls.iri for cls in world.inconsistent_classes() if cls is not owlready2.Nothing
        )
        return ReasonerReport(consistent=True, unsatisfiable=unsatisfiable)
