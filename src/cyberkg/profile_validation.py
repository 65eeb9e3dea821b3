"""Validating national implementation profiles against the treaties' rules (shapes/profiles/)."""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from .errors import InputError, Location, NotBuiltError
from .graph import NT_FILE, add_graph
from .iris import is_canonical_provision, is_party_code, provision_from_iri
from .paths import default_build_dir, shape_files
from .profiles import OptionCatalogue, rows_to_graph
from .queries import get_query, run
from .serialize import bind_prefixes
from .shacl_engine import compile_shapes, evaluate
from .sources import load_turtle
from .statements import read_statements
from .validation import ShapeResult, load_shapes

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True, order=True)
class ProfileResult:
    """One problem found in a profile, located by Party, instrument and provision."""

    party: str
    instrument: str
    provision: str
    severity: str
    message: str
    focus: str
    shape: str = ""


@dataclass
class ProfileReport:
    """The outcome of validating profiles; conforms is False iff there is a Violation."""

    results: list[ProfileResult]
    statements: int
    parties: int

    @property
    def conforms(self) -> bool:
        """True when no result is a Violation."""
        return not any(r.severity == "Violation" for r in self.results)

    def to_json(self) -> str:
        """The report as JSON: {"conforms": bool, "results": [...]}."""
        keys = ("severity", "party", "instrument", "provision", "message")
        payload = {
            "conforms": self.conforms,
            "results": [{k: asdict(r)[k] for k in keys} for r in self.results],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

    def to_dataframe(self):  # type: ignore[no-untyped-def]
        """The results as a pandas DataFrame (needs pandas)."""
        import pandas as pd

        return pd.DataFrame([asdict(r) for r in self.results])


def profile_files(paths: list[Path]) -> list[Path]:
    """The .csv and .ttl files named, or found under the folders named, in sorted order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in (".csv", ".ttl"))
        elif path.is_file():
            if path.suffix not in (".csv", ".ttl"):
                raise InputError("profiles are .csv statement tables or .ttl files", Location(path))
            files.append(path)
        else:
            raise InputError("no such file or folder", Location(path))
    if not files:
        raise InputError(f"no .csv or .ttl profile found in {', '.join(map(str, paths))}")
    return files


def knowledge_store(build_dir: Path | None = None) -> ox.Store:
    """An in-memory store holding the built knowledge graph (profiles are added to it)."""
    nt = (build_dir or default_build_dir()) / NT_FILE
    if not nt.is_file():
        raise NotBuiltError(f"no built graph at {nt}: run `cyberkg build` first")
    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    return store


def add_profiles(store: ox.Store, files: list[Path]) -> Graph:
    """Load profiles into a store holding the knowledge graph (whose option catalogue reads
    their statements); return them as a graph."""
    profiles = load_profiles(files, OptionCatalogue(store))
    add_graph(store, profiles)
    return profiles


def load_profiles(files: list[Path], catalogue: OptionCatalogue) -> Graph:
    """Read statement tables and Turtle profiles into one graph."""
    graph = bind_prefixes(Graph())
    for path in files:
        if path.suffix == ".csv":
            rows_to_graph(read_statements(path), catalogue, source=str(path), into=graph)
        else:
            load_turtle([path], graph)
    return graph


def _profile_party(focus: str) -> str:
    """The Party of a result whose focus is a profile (…/id/profile/CODE), else ""."""
    head, _, code = focus.rpartition("/")
    return code if head == "https://w3id.org/cyberkg/id/profile" and is_party_code(code) else ""


def _locate(store: ox.Store, results: list[ShapeResult]) -> list[ProfileResult]:
    _, rows = run(store, get_query("statement_index"))
    index = {r["statement"]: r for r in rows}
    located = []
    for r in results:
        where = index.get(r.focus, {})
        provision = where.get("provision", "")
        # A result about another provision (a scope, a notification owed) names it in sh:value.
        if r.value.startswith("https://w3id.org/cyberkg/id/") and "/art" in r.value:
            # Not a provision IRI (ValueError): keep the statement's own provision.
            with contextlib.suppress(ValueError):
                provision = provision_from_iri(r.value)[1]
        if provision and not is_canonical_provision(provision):
            provision = ""  # only canonical forms are reported; the message quotes the input
        party = where.get("party") or _profile_party(r.focus)
        located.append(
            ProfileResult(
                party=party,
                instrument=where.get("instrument", ""),
                provision=provision,
                severity=r.severity,
                message=r.message,
                focus=r.focus,
                shape=r.shape,
            )
        )
    return sorted(located, key=lambda x: (x.party, x.instrument, SEVERITY_ORDER[x.severity],
                                          x.provision, x.message, x.focus))  # fmt: skip


def validate_profiles(paths: list[Path], build_dir: Path | None = None) -> ProfileReport:
    """Validate every profile under paths together, with the built knowledge graph."""
    files = profile_files(paths)
    store = knowledge_store(build_dir)
    profiles = add_profiles(store, files)
    compiled = compile_shapes(load_shapes(shape_files("profiles")))
    results = _locate(store, evaluate(store, compiled))
    ck = Namespace("https://w3id.org/cyberkg/ontology#")
    statements = {s for s, _ in profiles.subject_objects(ck.party)} - set(
        profiles.subjects(RDF.type, ck.Profile)
    )
    parties = set(profiles.objects(None, ck.party))
    return ProfileReport(results=results, statements=len(statements), parties=len(parties))


def report_text(report: ProfileReport, markdown: bool = False) -> str:
    """A readable report grouped by Party and instrument."""
    out: list[str] = []
    verdict = "conforms" if report.conforms else "does NOT conform"
    counts = {s: sum(r.severity == s for r in report.results) for s in SEVERITY_ORDER}
    head = (f"{report.parties} part(y/ies), {report.statements} statement(s): {verdict} — "
            f"{counts['Violation']} violation(s), {counts['Warning']} warning(s)")  # fmt: skip
    out.append(f"# Profile validation\n\n{head}\n" if markdown else head)
    current = None
    for r in report.results:
        group = (r.party, r.instrument)
        if group != current:
            current = group
            title = f"{r.party} — {r.instrument or 'no instrument'}"
            out.append(f"\n## {title}\n" if markdown else f"\n{title}")
        where = f" {r.provision}" if r.provision else ""
        bullet = "- " if markdown else "  "
        out.append(f"{bullet}{'**' + r.severity + '**' if markdown else r.severity}{where}: "
                   f"{r.message}")  # fmt: skip
    return "\n".join(out) + "\n"


def report_turtle(report: ProfileReport) -> str:
    """The report as a SHACL validation report in Turtle."""
    sh = Namespace("http://www.w3.org/ns/shacl#")
    graph = Graph()
    graph.bind("sh", sh)
    root = URIRef("urn:cyberkg:report")
    graph.add((root, RDF.type, sh.ValidationReport))
    graph.add((root, sh.conforms, Literal(report.conforms)))
    for i, r in enumerate(report.results, start=1):
        node = URIRef(f"urn:cyberkg:report:result:{i}")
        graph.add((root, sh.result, node))
        graph.add((node, RDF.type, sh.ValidationResult))
        graph.add((node, sh.focusNode, URIRef(r.focus)))
        graph.add((node, sh.resultSeverity, sh[r.severity]))
        graph.add((node, sh.resultMessage, Literal(r.message, lang="en")))
    return graph.serialize(format="turtle")
