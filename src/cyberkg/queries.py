"""The named query library: .rq files with a header, run with bound parameters."""

from __future__ import annotations

import re
from collections.abc import Callable
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


Rows = tuple[list[str], list[dict[str, str]]]


def _bound_dates(columns: list[str], rows: list[dict[str, str]]) -> Rows:
    from .bound_dates import compute

    return compute(columns, rows)


# Queries whose answer needs a step SPARQL engines do not agree on (date arithmetic): the
# SPARQL rows are handed to a documented Python function, on every store and endpoint alike.
POSTPROCESS: dict[str, Callable[[list[str], list[dict[str, str]]], Rows]] = {
    "bound_dates": _bound_dates,
}


def finish(query: NamedQuery, columns: list[str], rows: list[dict[str, str]]) -> Rows:
    """Apply the query's Python step, if it has one, to its SPARQL rows."""
    step = POSTPROCESS.get(query.name)
    return step(columns, rows) if step else (columns, rows)


_LEXICAL = re.compile(
    r"""(?P<comment>\#[^\n]*)|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<string>'{3}.*?'{3}|"{3}.*?"{3}|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
    r"|(?P<brace>[{}])",
    re.S,
)


def _outer_group(text: str) -> tuple[int, int]:
    """The offsets just inside the braces of the query's outermost group (its WHERE clause)."""
    depth, start = 0, None
    for match in _LEXICAL.finditer(text):
        brace = match.group("brace")
        if brace == "{":
            depth += 1
            if start is None:
                start = match.end()
        elif brace == "}":
            depth -= 1
            if depth == 0 and start is not None:
                return start, match.start()
    raise InputError("the query has no WHERE {...} group to bind parameters in")


def _is_bind_target(text: str, variable: ox.Variable) -> bool:
    return re.search(rf"\bAS\s+[?$]{re.escape(variable.value)}\b", text, re.IGNORECASE) is not None


def with_values(text: str, bindings: dict[ox.Variable, ox.NamedNode | ox.Literal]) -> str:
    """The query with its parameters bound by a VALUES block in its WHERE group.

    This is safe: each value is an RDF term built by to_term (a checked IRI or a literal) and
    written in N-Triples syntax by pyoxigraph, which escapes quotes, backslashes and line breaks
    inside a literal and refuses an IRI that is not one. Whatever the user typed therefore
    arrives as exactly one term of the VALUES row and can never close it or add a pattern.
    The block is placed first in the group, where it lets Oxigraph start from the bound value
    instead of joining it with every answer (party_differences went from 16 s to 0.4 s on a
    graph of 1000 Parties); where a parameter is computed by the query (the target of a BIND
    or a SELECT expression), which SPARQL forbids to bind beforehand, it is placed last, where
    it joins with everything else in the group. Either way the group's FILTERs see the value.
    """
    if not bindings:
        return text
    names = sorted(bindings, key=lambda v: v.value)
    block = (
        f"\n  VALUES ({' '.join(str(v) for v in names)}) "
        f"{{ ({' '.join(str(bindings[v]) for v in names)}) }}\n"
    )
    start, end = _outer_group(text)
    at = end if any(_is_bind_target(text, v) for v in names) else start
    return text[:at] + block + text[at:]


def run(store: ox.Store, query: NamedQuery, values: dict[str, str] | None = None) -> Rows:
    """Run a named query with bound parameters; return the column names and the rows.

    The parameters are bound by with_values, the same way on the embedded store, on a remote
    endpoint (cyberkg.endpoint) and on rdflib (the benchmark), so every engine answers the same
    question. (pyoxigraph's substitutions would need every parameter in the SELECT clause.)
    """
    solutions = store.query(with_values(query.text, bind(query, values or {})))
    if not isinstance(solutions, ox.QuerySolutions):
        raise InputError(f"query {query.name!r} is not a SELECT query")
    columns = [v.value for v in solutions.variables]
    rows = [{c: term_value(solution[c]) for c in columns} for solution in solutions]
    return finish(query, columns, rows)


def run_text(store: ox.Store, text: str) -> Rows:
    """Run a free SELECT query (no parameters); return the column names and the rows."""
    try:
        solutions = store.query(text)
    except SyntaxError as exc:
        raise InputError(f"the query is not valid SPARQL: {exc}") from None
    if not isinstance(solutions, ox.QuerySolutions):
        raise InputError("only SELECT queries are supported")
    columns = [v.value for v in solutions.variables]
    return columns, [{c: term_value(s[c]) for c in columns} for s in solutions]
