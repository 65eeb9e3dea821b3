"""The public Python API of cyberkg: what the notebooks, the docs site and the CLI build on.

A small facade over the package's modules::

    from cyberkg import api

    kg = api.load()                                    # the built graph (built on demand)
    kg.query("offences", instrument="UNCC")            # rows: a DataFrame, or a list of dicts
    report = kg.validate("profiles/examples/")         # .conforms, .results, .to_dataframe()

Every function here wraps the module that does the work; nothing is computed twice.
"""

from __future__ import annotations

import atexit
import csv
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from . import build as _build
from .compare import CSV_COLUMNS, Comparison, compare, to_csv, to_markdown
from .dual_criminality import DualCriminalityReport, find_offence, load_fact_pattern
from .dual_criminality import dual_criminality as run_dual_criminality
from .dual_criminality import report_text as dual_criminality_text
from .errors import IntegrityError, NotBuiltError
from .graph import NT_FILE, STORE_DIR
from .graphview import knowledge_graph, offence_graph
from .paths import default_build_dir, ontology_sources
from .profile_validation import (
    ProfileReport,
    add_profiles,
    knowledge_store,
    profile_files,
    report_text,
    validate_profiles,
)
from .profiles import OptionCatalogue, rows_to_graph, write_profiles
from .queries import NamedQuery, get_query, library, run
from .statements import StatementRow, read_statements

__all__ = [
    "BUILD_DIR_ENV",
    "Comparison",
    "DualCriminalityReport",
    "KnowledgeGraph",
    "NamedQuery",
    "ProfileReport",
    "StatementRow",
    "build",
    "build_docs",
    "comparison_markdown",
    "comparison_rows",
    "dual_criminality_text",
    "fresh_build",
    "import_statements",
    "load",
    "queries",
    "query",
    "read_statements",
    "report_text",
    "rows",
    "validate",
]

BUILD_DIR_ENV = "CYBERKG_BUILD_DIR"
"""Environment variable naming the build directory that `load()` uses when given none."""

# Builds made on demand in this process, by source directory: built once, removed at exit.
_ON_DEMAND: dict[Path, Path] = {}


def rows(columns: list[str], records: list[dict[str, str]]) -> Any:
    """Rows as a pandas DataFrame with the given columns, or as the list of dicts without pandas."""
    try:
        import pandas as pd
    except ImportError:  # pandas is optional for the API: plain rows are just as correct
        return records
    return pd.DataFrame(records, columns=columns)


def build(out: Path) -> Path:
    """Build the knowledge graph into out (as `cyberkg build --out OUT`); return out.

    Raises IntegrityError when the sources violate the integrity shapes.
    """
    result = _build.build(Path(out))
    if result.out is None:
        first = result.integrity.violations()[0] if result.integrity.violations() else None
        detail = f": {first.focus}: {first.message}" if first else ""
        raise IntegrityError(f"the sources violate the integrity shapes{detail}")
    return result.out


def _is_current(build_dir: Path) -> bool:
    """True when build_dir holds a complete build that is newer than every source file."""
    nt = build_dir / NT_FILE
    if not (nt.is_file() and (build_dir / STORE_DIR).is_dir()):
        return False
    built = nt.stat().st_mtime
    return all(source.stat().st_mtime <= built for source in ontology_sources())


def fresh_build() -> Path:
    """A fresh build of the current sources in a temporary directory.

    Made once per process and removed when Python exits; later calls return the same directory.
    """
    key = default_build_dir()
    if key not in _ON_DEMAND:
        tmp = Path(tempfile.mkdtemp(prefix="cyberkg-build-"))
        atexit.register(shutil.rmtree, tmp, True)
        print(f"cyberkg: building the knowledge graph into {tmp}", file=sys.stderr)
        _ON_DEMAND[key] = build(tmp)
    return _ON_DEMAND[key]


def _resolve_build_dir(build_dir: Path | str | None, build_if_missing: bool) -> Path:
    if build_dir is None and os.environ.get(BUILD_DIR_ENV):
        build_dir = os.environ[BUILD_DIR_ENV]
    if build_dir is not None:
        path = Path(build_dir)
        if _is_current(path):
            return path
        if not build_if_missing:
            raise NotBuiltError(f"no current build in {path}: run `cyberkg build --out {path}`")
        return build(path)
    path = default_build_dir()
    if _is_current(path):
        return path
    if not build_if_missing:
        raise NotBuiltError(f"no current build in {path}: run `cyberkg build`")
    # The shared build/ is missing or older than a source: build privately rather than
    # overwrite a directory other processes may be reading.
    return fresh_build()


@dataclass
class KnowledgeGraph:
    """The built knowledge graph: its build directory and a read-only query store."""

    build_dir: Path
    store: ox.Store = field(repr=False)

    def query(self, name: str, **params: str) -> Any:
        """Run the named query with bound parameters; a DataFrame (or list of dicts) of rows."""
        columns, records = run(self.store, get_query(name), {k: str(v) for k, v in params.items()})
        return rows(columns, records)

    def validate(self, *paths: Path | str) -> ProfileReport:
        """Validate profiles (.csv, .ttl or folders of them) together against this graph."""
        return validate_profiles([Path(p) for p in paths], self.build_dir)

    def with_profiles(self, *paths: Path | str) -> KnowledgeGraph:
        """This graph plus profiles (.csv, .ttl or folders of them), in memory, for querying.

        The queries on Parties' acts (treaty_acts, statement_index, party_record ...) answer
        on the result.
        """
        files = profile_files([Path(p) for p in paths])
        store = knowledge_store(self.build_dir)
        add_profiles(store, files)
        return KnowledgeGraph(build_dir=self.build_dir, store=store)

    def compare(self, left: str, right: str) -> Comparison:
        """Compare two instruments offence by offence and element by element (the alignment).

        The result has .offences (one per alignment: .left, .rights, .correspondences with
        .relation read from the right side), .unaligned_left and .unaligned_right.
        """
        return compare(self.store, left, right)

    def networkx(self) -> nx.DiGraph:
        """The networkx view: offences, elements, options, provisions (and Parties and
        statements when profiles are loaded), with kind/label/provision/instrument attributes
        and a relation attribute on every edge."""
        return knowledge_graph(self.store)

    def offence_graph(self, offence: str) -> nx.DiGraph:
        """The networkx view of one offence (INSTRUMENT:PROVISION, e.g. ETS185:2 or UNCC:7(1)):
        its elements, options and provisions, and the statements exercising those options."""
        return offence_graph(self.networkx(), find_offence(self.store, offence))

    def dual_criminality(
        self, facts: Path | str, parties: Sequence[str], offence: str | None = None
    ) -> DualCriminalityReport:
        """Whether a fact pattern (YAML) falls within each of two Parties' offences, and so
        whether dual criminality is met (ETS185 25(5), UNCC 35(3)).

        The Parties' acts are read from this graph: load their profiles with with_profiles().
        The offence is the fact pattern's own unless given (INSTRUMENT:PROVISION).
        """
        offence_iri, pattern = load_fact_pattern(self.store, Path(facts), offence)
        return run_dual_criminality(self.store, offence_iri, pattern, list(parties))

    def import_statements(self, csv_file: Path | str, out: Path | str) -> list[Path]:
        """Turn a statements CSV into one Turtle profile per Party in out; the files written."""
        return import_statements(csv_file, out, self)


def load(build_dir: Path | str | None = None, *, build_if_missing: bool = True) -> KnowledgeGraph:
    """Open the built knowledge graph.

    build_dir defaults to $CYBERKG_BUILD_DIR, else the project's build/. When that holds no
    current build (missing, or older than a source file), the graph is built: into build_dir
    when one was given, otherwise into a temporary directory removed when Python exits.
    With build_if_missing=False a NotBuiltError is raised instead.
    """
    path = _resolve_build_dir(build_dir, build_if_missing)
    return KnowledgeGraph(build_dir=path, store=ox.Store.read_only(str(path / STORE_DIR)))


def queries() -> Any:
    """The query library: name, title, question and parameters of every named query."""
    records = [
        {
            "name": q.name,
            "title": q.title,
            "question": q.question,
            "parameters": ", ".join(p.name for p in q.params),
        }
        for q in library().values()
    ]
    return rows(["name", "title", "question", "parameters"], records)


def query(name: str, build_dir: Path | str | None = None, **params: str) -> Any:
    """Run a named query on the built graph (see `load`); a DataFrame or a list of dicts."""
    return load(build_dir).query(name, **params)


def validate(*paths: Path | str, build_dir: Path | str | None = None) -> ProfileReport:
    """Validate profiles (.csv, .ttl or folders of them) together; the report.

    The report has .conforms (no Violation), .results (ProfileResult: party, instrument,
    provision, severity, message, focus), .to_dataframe() and .to_json().
    """
    return load(build_dir).validate(*paths)


def import_statements(
    csv_file: Path | str, out: Path | str, kg: KnowledgeGraph | None = None
) -> list[Path]:
    """Turn a statements CSV into Turtle profiles in out (as `cyberkg import`); files written."""
    kg = kg or load()
    records = read_statements(Path(csv_file))
    graph = rows_to_graph(records, OptionCatalogue(kg.store), source=str(csv_file))
    return sorted(write_profiles(graph, Path(out)))


def build_docs(out: Path | str, build_dir: Path | str | None = None) -> list[Path]:
    """Write the static documentation site into out (as `cyberkg docs`); the files written."""
    from .docs_site import build_site

    return build_site(Path(out), load(build_dir).store)


def comparison_rows(comparison: Comparison) -> Any:
    """A comparison as one flat table: a row per offence, element correspondence and option.

    Columns: section (offence, element or option), left_offence, right_offence, left, right,
    relation, detail. A DataFrame, or a list of dicts without pandas.
    """
    reader = csv.DictReader(io.StringIO(to_csv(comparison)))
    return rows(list(CSV_COLUMNS), [dict(r) for r in reader])


def comparison_markdown(comparison: Comparison) -> str:
    """A comparison as a Markdown report (as `cyberkg compare`)."""
    return to_markdown(comparison)
