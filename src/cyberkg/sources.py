"""Reading Turtle sources with errors that name the file, line and column."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import Location, SourceSyntaxError

_OX_PREFIX = re.compile(r"^Parser error at line \d+[^:]*:\s*")


def check_turtle_syntax(path: Path) -> None:
    """Parse a Turtle file strictly; raise SourceSyntaxError with its line and column.

    rdflib's own Turtle errors rarely give a usable position, so the file is first read by
    oxigraph's parser, whose messages do.
    """
    try:
        with path.open("rb") as handle:
            for _ in ox.parse(handle, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()):
                pass
    except SyntaxError as exc:
        # pyoxigraph puts the position in the SyntaxError's own fields, and repeats it in
        # the message as "Parser error at line L between columns C1 and C2: reason".
        line, column = exc.lineno, exc.offset
        text = str(exc.msg if exc.msg else exc)
        reason = _OX_PREFIX.sub("", text)
        raise SourceSyntaxError(
            f"Turtle syntax error: {reason}", Location(path, line=line, column=column)
        ) from exc
    except UnicodeDecodeError as exc:
        raise SourceSyntaxError(
            f"not UTF-8 ({exc.reason} at byte {exc.start})", Location(path)
        ) from exc


def load_turtle(paths: Iterable[Path], graph: Graph | None = None) -> Graph:
    """Load Turtle files into one rdflib graph, checking each file's syntax first."""
    graph = graph if graph is not None else Graph()
    for path in paths:
        if not path.is_file():
            raise SourceSyntaxError("file not found", Location(path))
        check_turtle_syntax(path)
        graph.parse(path, format="turtle")
    return graph
