"""The query commands: `cyberkg queries`, `query`, `sparql` and `serve`."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import click
import pyoxigraph as ox

from .endpoint import run_remote, select
from .errors import InputError
from .graph import open_store
from .output import FORMATS, render
from .paths import default_build_dir
from .profile_validation import add_profiles, knowledge_store, load_profiles, profile_files
from .profiles import OptionCatalogue
from .queries import get_query, library, run, run_text


def parse_params(items: tuple[str, ...]) -> dict[str, str]:
    """--param key=value pairs as a dict; a pair without '=' or a repeated key is refused."""
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InputError(f"--param {item!r} must be written key=value")
        if key in values:
            raise InputError(f"--param {key} is given twice")
        values[key] = value
    return values


def store_with_profiles(build_dir: Path | None, profiles: tuple[Path, ...]) -> ox.Store:
    """The built graph; with profiles, an in-memory copy to which they are added."""
    if not profiles:
        return open_store(build_dir)
    store = knowledge_store(build_dir)
    add_profiles(store, profile_files(list(profiles)))
    return store


def _check_sources(endpoint: str | None, profiles: tuple[Path, ...]) -> None:
    if endpoint and profiles:
        raise InputError(
            "--profiles cannot be used with --endpoint: the profiles would have to be loaded "
            "into the remote store; load them there, or drop --endpoint"
        )


_common = [
    click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                 show_default=True, help="Output format."),
    click.option("--profiles", "profiles", multiple=True, type=click.Path(path_type=Path),
                 help="Profiles (.csv, .ttl or folders) to query together with the graph; "
                 "repeatable."),
    click.option("--endpoint", default=None, metavar="URL",
                 help="Run on this SPARQL 1.1 endpoint instead of the built store."),
    click.option("--build-dir", type=click.Path(path_type=Path), default=None,
                 help="The built graph (default: build/)."),
]  # fmt: skip


def _with_common(func):  # type: ignore[no-untyped-def]
    for option in reversed(_common):
        func = option(func)
    return func


@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def queries_cmd(fmt: str) -> None:
    """List the named queries with the question each answers and its parameters."""
    rows = []
    for name, q in library().items():
        params = ", ".join(
            f"{p.name} ({p.type}{', optional' if not p.required else ''}"
            f"{', default ' + p.default if p.default else ''})"
            for p in q.params
        )
        rows.append({"name": name, "question": q.question, "parameters": params})
    if fmt == "table":
        for r in rows:
            click.echo(f"{r['name']}\n  {r['question']}")
            if r["parameters"]:
                click.echo(f"  parameters: {r['parameters']}")
        return
    click.echo(render(["name", "question", "parameters"], rows, fmt), nl=False)


@click.command("query")
@click.argument("name")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A query parameter; repeatable.")  # fmt: skip
@_with_common
def query_cmd(name: str, params: tuple[str, ...], fmt: str, profiles: tuple[Path, ...],
              endpoint: str | None, build_dir: Path | None) -> None:  # fmt: skip
    """Run the named query NAME with bound parameters."""
    _check_sources(endpoint, profiles)
    query = get_query(name)
    values = parse_params(params)
    if endpoint:
        columns, rows = run_remote(endpoint, query, values)
    else:
        columns, rows = run(store_with_profiles(build_dir, profiles), query, values)
    click.echo(render(columns, rows, fmt), nl=False)


@click.command("sparql")
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@_with_common
def sparql_cmd(file: Path, fmt: str, profiles: tuple[Path, ...], endpoint: str | None,
               build_dir: Path | None) -> None:  # fmt: skip
    """Run a free SELECT query from FILE, or from standard input with '-'."""
    _check_sources(endpoint, profiles)
    if str(file) == "-":
        text = sys.stdin.read()
    elif file.is_file():
        text = file.read_text(encoding="utf-8")
    else:
        raise InputError(f"{file}: no such file")
    if endpoint:
        columns, rows = select(endpoint, text)
    else:
        columns, rows = run_text(store_with_profiles(build_dir, profiles), text)
    click.echo(render(columns, rows, fmt), nl=False)


@click.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--build-dir", type=click.Path(path_type=Path), default=None,
              help="The built graph (default: build/).")  # fmt: skip
@click.option("--profiles", "profiles", multiple=True, type=click.Path(path_type=Path),
              help="Profiles to serve together with the graph; repeatable.")  # fmt: skip
def serve_cmd(port: int, build_dir: Path | None, profiles: tuple[Path, ...]) -> None:
    """Serve the built graph read-only on 127.0.0.1 (Oxigraph server, with its query page)."""
    from . import server

    build_dir = build_dir or default_build_dir()
    with tempfile.TemporaryDirectory(prefix="cyberkg-profiles-") as tmp:
        extra = []
        if profiles:
            graph = load_profiles(profile_files(list(profiles)),
                                  OptionCatalogue(knowledge_store(build_dir)))  # fmt: skip
            extra = [Path(tmp) / "profiles.nt"]
            graph.serialize(extra[0], format="nt", encoding="utf-8")
        running = server.start(build_dir, port, extra)
        click.echo(f"serving {build_dir} read-only at {running.base} (SPARQL: {running.url}); "
                   "Ctrl-C stops")  # fmt: skip
        try:
            running.process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            running.stop()
