"""The named query library: .rq files with a header, run with bound parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import pyoxigraph as ox

from .errors import InputError

_HEADER = re.compile(r"^#\s*(title|question|param):\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[a-z_][a-z0-9_]*)\s*\((?P<type>[a-z]+)(?:,\s*(?P<flag>optional|default\s+[^)]*))?\)"
    r"\s*(?P<doc>.*)$"
)
PARAM_TYPES = ("string", "integer", "iri", "date")


@dataclass(frozen=True)
class Parameter:
    """A query parameter: its name, type, default and meaning."""

    name: str
    type: str
    required: bool
    default: str | None
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library with its header."""

    name: str
    title: str
    question: str
    text: str
    params: tuple[Parameter, ...] = field(default_factory=tuple)


def _parse(name: str, text: str) -> NamedQuery:
    meta: dict[str, str] = {}
    params: list[Parameter] = []
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match is None:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = match.groups()
        if key != "param":
            meta[key] = value.strip()
            continue
        pm = _PARAM.match(value.strip())
        if pm is None or pm.group("type") not in PARAM_TYPES:
            raise ValueError(f"{name}.rq: malformed parameter header {value!r}")
        flag = pm.group("flag") or ""
        default = flag[len("default") :].strip() if flag.startswith("default") else None
        params.append(
            Parameter(
                name=pm.group("name"),
                type=pm.group("type"),
                required=not flag,
                default=default,
                doc=pm.group("doc").strip(),
            )
        )
    if "title" not in meta or "question" not in meta:
        raise ValueError(f"{name}.rq: header needs '# title:' and '# question:' lines")
    return NamedQuery(name, meta["title"], meta["question"], text, tuple(params))


def library() -> dict[str, NamedQuery]:
    """Every named query, by name."""
    folder = resources.files("cyberkg") / "queries"
    queries = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            queries[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return queries


def get_query(name: str) -> NamedQuery:
    """A named query, or an InputError listing the names."""
    queries = library()
    if name not in queries:
        raise InputError(f"no query named {name!r}; known queries: {', '.join(queries)}")
    return queries[name]


def to_term(param: Parameter, value: str) -> ox.NamedNode | ox.Literal:
    """Turn a parameter value into an RDF term, refusing values that are not of its type."""
    if param.type == "string":
        return ox.Literal(value)
    if param.type == "integer":
        if not re.fullmatch(r"-?[0-9]+", value):
            raise InputError(f"parameter {param.name!r} must be an integer, not {value!r}")
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if param.type == "date":
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise InputError(f"parameter {param.name!r} must be a date YYYY-MM-DD, not {value!r}")
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    if re.search(r"[\s<>\"{}|\\^`]", value) or not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value):
        raise InputError(
            f'parameter {param.name!r} must be an absolute IRI without spaces or <>"{{}}|\\^`, '
            f"not {value!r}"
        )
    return ox.NamedNode(value)


def bind(query: NamedQuery, values: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """Check the given parameters against the header and turn them into substitutions."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise InputError(
            f"query {query.name!r} has no parameter {unknown[0]!r}; "
            f"its parameters: {', '.join(known) or 'none'}"
        )
    substitutions = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            if param.required:
                raise InputError(f"query {query.name!r} needs --param {param.name}=...")
            continue
        substitutions[ox.Variable(param.name)] = to_term(param, value)
    return substitutions


def term_value(term: Any) -> str:
    """The plain value of an oxigraph term (IRI string, literal lexical form)."""
    if term is None:
        return ""
    return str(term.value)


def run(
    store: ox.Store, query: NamedQuery, values: dict[str, str] | None = None
) -> tuple[list[str], list[dict[str, str]]]:
    """Run a named query with bound parameters; return the column names and the rows."""
    solutions = store.query(query.text, substitutions=bind(query, values or {}))
    if not isinstance(solutions, ox.QuerySolutions):
        raise InputError(f"query {query.name!r} is not a SELECT query")
    columns = [v.value for v in solutions.variables]
    rows = [{c: term_value(solution[c]) for c in columns} for solution in solutions]
    return columns, rows
