"""`cyberkg build` and `cyberkg check`: merge, validate, reason, write canonical artefacts."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .graph import NT_FILE, STORE_DIR, TTL_FILE, load_sources, store_from_graph
from .paths import shape_files
from .queries import get_query, run
from .reasoner import ReasonerReport, run_hermit
from .serialize import canonical_ntriples, canonical_turtle
from .validation import ShapeReport, load_shapes, validate


@dataclass
class BuildResult:
    """What a build produced: the integrity report and the counts per instrument."""

    integrity: ShapeReport
    counts: list[dict[str, str]]
    out: Path | None


def check_integrity(graph: Graph) -> ShapeReport:
    """Validate the merged graph against the integrity shapes in shapes/ontology/."""
    return validate(graph, load_shapes(shape_files("ontology")))


def build(out: Path) -> BuildResult:
    """Merge the sources and validate them; if they conform, write the artefacts to out.

    Writes cyberkg.ttl and cyberkg.nt (canonical: byte-identical for identical sources) and an
    oxigraph store. Nothing is written when the integrity shapes report a violation.
    """
    graph = load_sources()
    integrity = check_integrity(graph)
    if not integrity.conforms:
        return BuildResult(integrity=integrity, counts=[], out=None)
    out.mkdir(parents=True, exist_ok=True)
    (out / TTL_FILE).write_text(canonical_turtle(graph), encoding="utf-8")
    (out / NT_FILE).write_text(canonical_ntriples(graph), encoding="utf-8")
    store_path = out / STORE_DIR
    if store_path.exists():
        shutil.rmtree(store_path)
    store = store_from_graph(graph, store_path)
    _, counts = run(store, get_query("counts"))
    store.flush()
    del store  # release the store's lock so that readers can open it
    return BuildResult(integrity=integrity, counts=counts, out=out)


@dataclass
class CheckResult:
    """The reasoner's and the integrity shapes' verdicts on the sources."""

    reasoner: ReasonerReport
    integrity: ShapeReport

    @property
    def ok(self) -> bool:
        """True when the graph is consistent, every class satisfiable and the shapes conform."""
        return self.reasoner.ok and self.integrity.conforms


def check() -> CheckResult:
    """Reasoner consistency plus integrity shapes, on the merged sources."""
    graph = load_sources()
    return CheckResult(reasoner=run_hermit(graph), integrity=check_integrity(graph))
