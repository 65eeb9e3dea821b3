"""Command-line analyses: `compare`, `dual-criminality` and `export graphml`."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pyoxigraph as ox

from .compare import FORMATS as COMPARE_FORMATS
from .compare import compare as compare_instruments
from .compare import render_comparison
from .dual_criminality import (
    dual_criminality as run_dual_criminality,
)
from .dual_criminality import find_offence, load_fact_pattern, report_text
from .errors import InputError
from .graph import load_sources, store_from_graph
from .graphview import knowledge_graph, offence_graph, write_graphml
from .iris import INSTRUMENTS, is_party_code
from .profile_validation import add_profiles, knowledge_store, profile_files


def analysis_store(build_dir: Path | None, profiles: tuple[Path, ...] = ()) -> ox.Store:
    """An in-memory store: the built graph (--build-dir) or the merged sources, plus profiles."""
    store = (
        knowledge_store(build_dir) if build_dir is not None else store_from_graph(load_sources())
    )
    if profiles:
        add_profiles(store, profile_files(list(profiles)))
    return store


def _build_dir_option() -> click.Option:
    return click.option(
        "--build-dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Read the graph built there (default: merge the sources in memory).",
    )


@click.command("compare")
@click.argument("left", type=click.Choice(INSTRUMENTS))
@click.argument("right", type=click.Choice(INSTRUMENTS))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(COMPARE_FORMATS),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@_build_dir_option()
def compare_cmd(left: str, right: str, fmt: str, build_dir: Path | None) -> None:
    """Compare two instruments offence by offence and element by element, from the alignment."""
    comparison = compare_instruments(analysis_store(build_dir), left, right)
    click.echo(render_comparison(comparison, fmt), nl=False)


def _parties(value: str) -> list[str]:
    parties = [p.strip() for p in value.split(",") if p.strip()]
    bad = [p for p in parties if not is_party_code(p)]
    if bad:
        raise InputError(f"--parties: {bad[0]!r} is not an ISO 3166-1 alpha-3 code or EU")
    if len(parties) != 2 or parties[0] == parties[1]:
        raise InputError("--parties takes two different Parties, e.g. --parties DEU,FRA")
    return parties


@click.command("dual-criminality")
@click.option(
    "--offence",
    default=None,
    help="The offence, INSTRUMENT:PROVISION (ETS185:2, UNCC:7(1)); "
    "default: the fact pattern's 'offence'.",
)
@click.option(
    "--facts",
    "facts_file",
    type=click.Path(path_type=Path),
    required=True,
    help="Fact pattern (YAML, see docs/fact-patterns.md).",
)
@click.option("--parties", required=True, help="Two Parties, e.g. DEU,FRA.")
@click.option(
    "--profiles",
    type=click.Path(path_type=Path),
    multiple=True,
    help="Profiles (.csv, .ttl or folders); repeat for several.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@_build_dir_option()
def dual_criminality_cmd(
    offence: str | None,
    facts_file: Path,
    parties: str,
    profiles: tuple[Path, ...],
    fmt: str,
    build_dir: Path | None,
) -> None:
    """Whether a fact pattern falls within each Party's offence, and so whether dual
    criminality (ETS185 25(5), UNCC 35(3)) is met; plus the reservations limiting cooperation."""
    party_list = _parties(parties)
    store = analysis_store(build_dir, profiles)
    offence_iri, pattern = load_fact_pattern(store, facts_file, offence)
    report = run_dual_criminality(store, offence_iri, pattern, party_list)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report_text(report, markdown=fmt == "markdown"), nl=False)


@click.group("export")
def export_group() -> None:
    """Export the knowledge graph in other formats."""


@export_group.command("graphml")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="GraphML file.")
@click.option(
    "--offence",
    default=None,
    help="Only this offence (INSTRUMENT:PROVISION) and what hangs from it.",
)
@click.option(
    "--profiles",
    type=click.Path(path_type=Path),
    multiple=True,
    help="Profiles to include (Parties and their statements).",
)
@_build_dir_option()
def graphml_cmd(
    out: Path, offence: str | None, profiles: tuple[Path, ...], build_dir: Path | None
) -> None:
    """Write the networkx projection (offence > element > option > provision;
    party > statement > option) as GraphML."""
    store = analysis_store(build_dir, profiles)
    graph = knowledge_graph(store)
    if offence:
        graph = offence_graph(graph, find_offence(store, offence))
    write_graphml(graph, out)
    click.echo(f"wrote {out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
