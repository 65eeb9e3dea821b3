"""`cyberkg docs`: build the static documentation site (a thin layer over the API)."""

from __future__ import annotations

from pathlib import Path

import click

from . import api
from .paths import project_root


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Output directory (default: site/ in the project).",
)
@click.option(
    "--build-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The built graph to document (default: build/; built on demand when missing).",
)
def docs(out: Path | None, build_dir: Path | None) -> None:
    """Build the documentation site: ontology, instruments, comparison, queries, profiles."""
    out = out or project_root() / "site"
    written = api.build_docs(out, build_dir=build_dir)
    click.echo(f"wrote {len(written)} file(s) to {out}; open {out / 'index.html'}")
