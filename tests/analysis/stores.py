"""In-memory stores for the analysis tests: the sources with the fixture alignment."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
FIXTURE_ALIGNMENT = HERE / "alignment.ttl"
PROFILES = HERE / "profiles"


@cache
def fixture_store() -> ox.Store:
    """The merged sources with tests/analysis/alignment.ttl in place of the real alignment,
    plus the fixture profiles (fictitious Parties XXA-XXD). Treat as read-only."""
    from cyberkg.graph import load_sources, store_from_graph
    from cyberkg.paths import ontology_sources
    from cyberkg.profile_validation import add_profiles, profile_files

    files = [f for f in ontology_sources() if f.name != "alignment.ttl"] + [FIXTURE_ALIGNMENT]
    store = store_from_graph(load_sources(files))
    add_profiles(store, profile_files([PROFILES]))
    return store
