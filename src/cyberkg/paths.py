"""Where the project's sources live: the ontology, the instruments, the shapes."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import CyberkgError


def project_root() -> Path:
    """The directory holding ontology/ and shapes/.

    CYBERKG_HOME overrides; otherwise the checkout this package was installed from
    (the package is installed in editable mode by `make install`).
    """
    override = os.environ.get("CYBERKG_HOME")
    candidates = [Path(override)] if override else []
    candidates += [Path(__file__).resolve().parents[2], Path.cwd()]
    for candidate in candidates:
        if (candidate / "ontology" / "cyberkg.ttl").is_file():
            return candidate
    raise CyberkgError(
        "cannot find the cyberkg sources (ontology/cyberkg.ttl): run from the project "
        "checkout or set CYBERKG_HOME to it"
    )


def ontology_sources(root: Path | None = None) -> list[Path]:
    """Every Turtle file merged into the knowledge graph, in a fixed order."""
    base = (root or project_root()) / "ontology"
    files = [base / "cyberkg.ttl"]
    for sub in ("text", "instruments", "reference"):
        files += sorted((base / sub).glob("*.ttl"))
    alignment = base / "alignment.ttl"
    if alignment.is_file():
        files.append(alignment)
    return files


def shape_files(kind: str, root: Path | None = None) -> list[Path]:
    """The SHACL shape files of one kind: 'ontology' (integrity) or 'profiles'."""
    return sorted(((root or project_root()) / "shapes" / kind).glob("*.ttl"))


def default_build_dir(root: Path | None = None) -> Path:
    """Where `cyberkg build` writes unless told otherwise."""
    return (root or project_root()) / "build"
