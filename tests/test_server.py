"""The whole library on a live read-only Oxigraph server answers as the embedded store does."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from queries import kg_support

from cyberkg import server
from cyberkg.endpoint import run_remote
from cyberkg.errors import CyberkgError
from cyberkg.queries import NamedQuery, library, run

# One value per parameter name (and type), so that every query of the library can be run.
PARAMS = {
    ("instrument", "string"): "ETS185",
    ("instrument", "iri"): "https://w3id.org/cyberkg/id/ETS185",
    ("offence", "string"): "2",
    ("offence", "iri"): "https://w3id.org/cyberkg/id/ETS185/offence-2",
    ("provision", "string"): "9",
    ("provision", "iri"): "https://w3id.org/cyberkg/id/ETS185/art9",
    ("party", "string"): "DEU",
    ("party", "iri"): "https://w3id.org/cyberkg/id/party/DEU",
    ("key", "string"): "6-3-misuse-of-devices",
    ("text", "string"): "naklep",
    ("organisation", "string"): "CoE",
}


@pytest.fixture(scope="module")
def live() -> Iterator[server.Server]:
    folder, profiles_nt = kg_support.built()
    running = server.start(folder, extra=[profiles_nt])
    try:
        yield running
    finally:
        running.stop()
    assert running.process.poll() is not None


def params_for(query: NamedQuery) -> dict[str, str]:
    return {p.name: PARAMS[p.name, p.type] for p in query.params if (p.name, p.type) in PARAMS}


def answer(call) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    try:
        return "rows", call()
    except CyberkgError as exc:
        return "error", type(exc).__name__


# The queries of this part of the project (the others belong to other parts; some of them
# concatenate values without an order, which engines may list differently).
OWN = {
    "bound_dates", "counts", "element_comparison", "final_clause_rules", "notifications_owed",
    "offence_counterparts", "offence_elements", "offence_options", "offences",
    "option_catalogue", "option_details", "option_exercised_by", "options", "parties",
    "party_differences", "party_record", "provision_text", "reservations_declarations",
    "signed_not_bound", "statement_index", "text_search", "treaty_acts",
}  # fmt: skip


def normalised(result: tuple[str, object]) -> object:
    """Rows as a sorted list, each cell's space- or ;-separated items sorted."""
    if result[0] != "rows":
        return result
    columns, rows = result[1]  # type: ignore[misc]
    cells = [tuple(" ".join(sorted(str(r[c]).replace(";", " ").split())) for c in columns)
             for r in rows]  # fmt: skip
    return columns, sorted(cells)


def test_every_query_answers_the_same_on_the_server(live: server.Server) -> None:
    store = kg_support.store()
    compared = set()
    for name, query in library().items():
        values = params_for(query)
        embedded = answer(lambda q=query, v=values: run(store, q, v))
        remote = answer(lambda q=query, v=values: run_remote(live.url, q, v))
        if name in OWN:
            assert remote == embedded, name
        else:
            assert normalised(remote) == normalised(embedded), name
        if embedded[0] == "rows":
            compared.add(name)
    assert compared >= OWN


def test_the_answers_are_not_empty(live: server.Server) -> None:
    rows = run_remote(live.url, library()["option_exercised_by"],
                      {"instrument": "ETS185", "key": "6-3-misuse-of-devices"})[1]  # fmt: skip
    assert [r["party"] for r in rows] == ["DEU", "HUN"]


def test_an_update_is_refused(live: server.Server) -> None:
    request = urllib.request.Request(
        live.base + "update",
        data=b"INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }",
        headers={"Content-Type": "application/sparql-update"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    ask = run_remote(live.url, library()["counts"])[1]
    assert ask  # the store still answers, unchanged by the refused update


def test_bound_to_loopback_only(live: server.Server) -> None:
    assert live.url.startswith("http://127.0.0.1:")
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None,
                                                           socket.AF_INET)}  # fmt: skip
    outside = sorted(a for a in addresses if not a.startswith("127."))
    for address in outside:
        with socket.socket() as s, pytest.raises(OSError):
            s.settimeout(2)
            s.connect((address, live.port))
    with socket.create_connection(("127.0.0.1", live.port), timeout=2):
        pass
