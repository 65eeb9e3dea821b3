"""The merged knowledge graph: loading the sources and opening the built store."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .paths import default_build_dir, ontology_sources
from .serialize import bind_prefixes
from .sources import load_turtle

STORE_DIR = "store"
NT_FILE = "cyberkg.nt"
TTL_FILE = "cyberkg.ttl"


def load_sources(files: list[Path] | None = None) -> Graph:
    """Merge the ontology, texts, instruments, reference data and alignment into one graph."""
    return bind_prefixes(load_turtle(files if files is not None else ontology_sources()))


def add_graph(store: ox.Store, graph: Graph) -> None:
    """Load an rdflib graph into an oxigraph store."""
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)


def store_from_graph(graph: Graph, path: Path | None = None) -> ox.Store:
    """An oxigraph store holding the graph (in memory, or on disk at path)."""
    store = ox.Store(str(path)) if path is not None else ox.Store()
    add_graph(store, graph)
    return store


def open_store(build_dir: Path | None = None, extra: list[Path] | None = None) -> ox.Store:
    """The built graph for querying.

    Uses the store written by `cyberkg build` when there is one and no extra files are asked
    for; otherwise merges the sources in memory. Warns when the build is older than a source.
    """
    build_dir = build_dir or default_build_dir()
    store_path = build_dir / STORE_DIR
    if store_path.is_dir() and not extra:
        built = (build_dir / NT_FILE).stat().st_mtime if (build_dir / NT_FILE).exists() else 0
        stale = [f for f in ontology_sources() if f.stat().st_mtime > built]
        if stale:
            print(
                f"warning: {stale[0]} is newer than the build in {build_dir}; "
                "run `cyberkg build` to refresh it",
                file=sys.stderr,
            )
        return ox.Store.read_only(str(store_path))
    graph = load_sources()
    for path in extra or []:
        load_turtle([path], graph)
    return store_from_graph(graph)
