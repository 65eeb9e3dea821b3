"""The graph the query tests run on, built once per test session into a temporary folder.

It is the merged sources (as `cyberkg build` writes them, without the slow integrity check),
plus the synthetic profiles of tests/queries/profiles.csv, plus tests/queries/alignment.ttl
while the project has no ontology/alignment.ttl of its own.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pyoxigraph as ox

from cyberkg.graph import NT_FILE, load_sources, store_from_graph
from cyberkg.paths import project_root
from cyberkg.profile_validation import load_profiles
from cyberkg.profiles import OptionCatalogue
from cyberkg.sources import load_turtle

HERE = Path(__file__).resolve().parent
PROFILES = HERE / "profiles.csv"
FIXTURE_ALIGNMENT = HERE / "alignment.ttl"


def real_alignment() -> bool:
    """True when the project has its own alignment file (then the fixture is not used)."""
    return (project_root() / "ontology" / "alignment.ttl").is_file()


@functools.cache
def built() -> tuple[Path, Path]:
    """(build folder holding cyberkg.nt, N-Triples file of the profiles), made once."""
    folder = Path(tempfile.mkdtemp(prefix="cyberkg-query-tests-"))
    graph = load_sources()
    if not real_alignment():
        load_turtle([FIXTURE_ALIGNMENT], graph)
    graph.serialize(folder / NT_FILE, format="nt", encoding="utf-8")
    profiles = load_profiles([PROFILES], OptionCatalogue(store_from_graph(graph)))
    profiles_nt = folder / "profiles.nt"
    profiles.serialize(profiles_nt, format="nt", encoding="utf-8")
    return folder, profiles_nt


def store() -> ox.Store:
    """A fresh in-memory store with the graph and the profiles."""
    folder, profiles_nt = built()
    result = ox.Store()
    result.bulk_load(path=str(folder / NT_FILE), format=ox.RdfFormat.N_TRIPLES)
    result.bulk_load(path=str(profiles_nt), format=ox.RdfFormat.N_TRIPLES)
    return result
