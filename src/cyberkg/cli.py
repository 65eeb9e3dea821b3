"""The `cyberkg` command line: a thin layer over the Python API."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import build as build_api
from .cli_analysis import compare_cmd, dual_criminality_cmd, export_group
from .cli_docs import docs
from .cli_queries import queries_cmd, query_cmd, serve_cmd, sparql_cmd
from .errors import CyberkgError, InputError
from .graph import open_store
from .iris import INSTRUMENTS, is_party_code
from .output import FORMATS, render
from .paths import default_build_dir
from .profile_validation import profile_files, report_text, report_turtle, validate_profiles
from .profiles import OptionCatalogue, graph_to_rows, rows_to_graph, write_profiles
from .queries import get_query, run
from .serialize import PREFIXES
from .sources import load_turtle
from .statements import read_statements, write_statements
from .template import profile_template
from .validation import ShapeReport


def compact(iri: str) -> str:
    """An IRI in prefixed form where a project prefix fits."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _print_shape_report(report: ShapeReport, title: str) -> None:
    if not report.results:
        click.echo(f"{title}: conforms")
        return
    click.echo(f"{title}: {len(report.violations())} violation(s), {len(report.results)} result(s)")
    for r in report.results:
        value = f" [{compact(r.value)}]" if r.value and r.value != r.focus else ""
        click.echo(f"  {r.severity}: {compact(r.focus)}{value}: {r.message}")


@click.group()
@click.version_option(package_name="cyberkg")
def cli() -> None:
    """Knowledge graph of the offences of the cybercrime conventions (ETS185, ETS189, UNCC)."""


@cli.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output directory (default: build/ in the project).",
)
def build(out: Path | None) -> None:
    """Merge the sources, validate them, write cyberkg.ttl, cyberkg.nt and a query store."""
    out = out or default_build_dir()
    result = build_api.build(out)
    if result.out is None:
        _print_shape_report(result.integrity, "integrity shapes")
        raise SystemExit(1)
    click.echo(f"built {out}: cyberkg.ttl, cyberkg.nt, store/")
    columns = ["instrument", "provisions", "offences", "elements", "options"]
    click.echo(render(columns, result.counts, "table"), nl=False)


@cli.command()
def check() -> None:
    """Reasoner consistency (HermiT) plus integrity shapes; exit 1 on any failure."""
    result = build_api.check()
    reasoner = result.reasoner
    if not reasoner.consistent:
        click.echo(f"reasoner: INCONSISTENT {reasoner.explanation}".rstrip())
    elif reasoner.unsatisfiable:
        click.echo(
            "reasoner: unsatisfiable classes: " + ", ".join(map(compact, reasoner.unsatisfiable))
        )
    else:
        click.echo("reasoner: consistent, every class satisfiable (HermiT)")
    _print_shape_report(result.integrity, "integrity shapes")
    if not result.ok:
        raise SystemExit(1)


def _instrument_option() -> click.Option:
    return click.option(
        "--instrument", type=click.Choice(INSTRUMENTS), default=None, help="Only this instrument."
    )


def _format_option() -> click.Option:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )


@cli.command()
@_instrument_option()
@_format_option()
def offences(instrument: str | None, fmt: str) -> None:
    """One row per offence: instrument, provision, title, elements, counterpart."""
    params = {"instrument": instrument} if instrument else {}
    _, rows = run(open_store(), get_query("offences"), params)
    columns = ["instrument", "provision", "title", "elements", "counterpart"]
    click.echo(render(columns, rows, fmt), nl=False)


@cli.command()
@_instrument_option()
@click.option(
    "--kind",
    type=click.Choice(
        [
            "qualifier",
            "reservation",
            "declaration",
            "notification",
            "exclusion",
            "extension",
            "optional-offence",
            "option",
        ]
    ),
    default=None,
    help="Only options of this kind.",
)
@_format_option()
def options(instrument: str | None, kind: str | None, fmt: str) -> None:
    """One row per option: instrument, provision, kind, key, label."""
    params = {k: v for k, v in {"instrument": instrument, "kind": kind}.items() if v}
    _, rows = run(open_store(), get_query("options"), params)
    columns = ["instrument", "provision", "kind", "key", "label"]
    click.echo(render(columns, rows, fmt), nl=False)


@cli.command("import")
@click.argument("csv_file", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="Directory for the Turtle profiles, one file per Party.",
)
def import_(csv_file: Path, out: Path) -> None:
    """Turn a statements CSV into one Turtle profile per Party."""
    rows = read_statements(csv_file)
    graph = rows_to_graph(rows, OptionCatalogue(open_store()), source=str(csv_file))
    written = write_profiles(graph, out)
    click.echo(f"imported {len(rows)} statement(s) for {len(written)} part(y/ies) into {out}")


@cli.command("export-statements")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the CSV here instead of standard output.",
)
def export_statements(paths: tuple[Path, ...], out: Path | None) -> None:
    """Write the statements of Turtle profiles (files or folders) back as a CSV table."""
    files = [f for f in profile_files(list(paths)) if f.suffix == ".ttl"]
    text = write_statements(graph_to_rows(load_turtle(files), OptionCatalogue(open_store())))
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "turtle"]),
    default="text",
    show_default=True,
)
@click.option(
    "--build-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The built graph to validate against (default: build/).",
)
def validate(paths: tuple[Path, ...], fmt: str, build_dir: Path | None) -> None:
    """Validate profiles (.csv, .ttl, or folders of them) together; exit 1 if any violation."""
    report = validate_profiles(list(paths), build_dir)
    if fmt == "json":
        click.echo(report.to_json(), nl=False)
    elif fmt == "turtle":
        click.echo(report_turtle(report), nl=False)
    else:
        click.echo(report_text(report, markdown=fmt == "markdown"), nl=False)
    if not report.conforms:
        raise SystemExit(1)


@cli.group()
def profile() -> None:
    """Authoring profiles in Turtle."""


@profile.command()
@click.option("--instrument", type=click.Choice(INSTRUMENTS), required=True)
@click.option(
    "--party",
    default="XXX",
    show_default=True,
    help="The Party's code (ISO 3166-1 alpha-3, or EU).",
)
def template(instrument: str, party: str) -> None:
    """Print a commented Turtle skeleton listing every option of the instrument."""
    if not is_party_code(party):
        raise InputError(f"--party {party!r} is not an ISO 3166-1 alpha-3 code or EU")
    click.echo(profile_template(open_store(), instrument, party), nl=False)


cli.add_command(docs)
cli.add_command(queries_cmd)
cli.add_command(query_cmd)
cli.add_command(sparql_cmd)
cli.add_command(serve_cmd)
cli.add_command(compare_cmd)
cli.add_command(dual_criminality_cmd)
cli.add_command(export_group)


def main() -> None:
    """Entry point: user errors are printed without a traceback and exit non-zero."""
    try:
        cli.main(standalone_mode=False)
    except CyberkgError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # a bug, not bad input: say so plainly
        if os.environ.get("CYBERKG_DEBUG"):
            raise
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} (set CYBERKG_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(3)
