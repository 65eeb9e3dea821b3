"""Running the named queries against any SPARQL 1.1 endpoint over HTTP (standard library)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from .errors import InputError
from .queries import NamedQuery, Rows, bind, finish, with_values

TIMEOUT_S = 60


def _value(cell: dict[str, str] | None) -> str:
    """The plain value of a SPARQL JSON results cell (IRI, literal lexical form)."""
    return "" if cell is None else cell["value"]


def select(url: str, text: str) -> Rows:
    """POST a SELECT query (SPARQL 1.1 protocol) and return its columns and rows."""
    data = urllib.parse.urlencode({"query": text}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=data,
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:300]
        raise InputError(f"the endpoint {url} refused the query ({exc.code}): {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise InputError(f"cannot reach the SPARQL endpoint {url}: {exc}") from None
    except json.JSONDecodeError:
        raise InputError(f"the endpoint {url} did not answer with SPARQL JSON results") from None
    if "results" not in payload:
        raise InputError("only SELECT queries are supported")
    columns = list(payload["head"]["vars"])
    rows = [{c: _value(b.get(c)) for c in columns} for b in payload["results"]["bindings"]]
    return columns, rows


def run_remote(url: str, query: NamedQuery, values: dict[str, str] | None = None) -> Rows:
    """Run a named query on an endpoint, its parameters bound as on the embedded store.

    The parameters are checked and turned into RDF terms by queries.bind and written into a
    VALUES block by queries.with_values (see there why that cannot change the query's shape).
    """
    columns, rows = select(url, with_values(query.text, bind(query, values or {})))
    return finish(query, columns, rows)
