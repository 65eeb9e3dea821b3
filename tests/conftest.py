"""Shared fixtures: the project root, the merged graph (loaded once), the seeds folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def merged() -> Graph:
    """The merged sources, as `cyberkg build` sees them (read-only: do not modify)."""
    from cyberkg.graph import load_sources

    return load_sources()
