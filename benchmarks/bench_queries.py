"""Time every named query on the embedded Oxigraph store and on rdflib's SPARQL engine.

Usage: python benchmarks/bench_queries.py [--parties 1000] [--out benchmarks/results/queries.md]

One run: the merged knowledge graph plus N synthetic Parties (benchmarks/generate_profiles.py,
about 20 statements each) is loaded into an in-memory pyoxigraph store and into an rdflib Graph;
each query of the library runs on both with the same bound parameters (queries.with_values).

Timing: Oxigraph, the median of up to 5 runs (fewer once 2 s are spent on a query; a query
still running after --oxigraph-timeout s is not timed); rdflib, one run; each engine runs in a
forked child killed after its timeout (rdflib: --rdflib-timeout seconds (rdflib is orders of
magnitude slower on some queries), reported as "> T s". Both engines must return the same number
of rows; a mismatch is shown in the table. Results go to a Markdown table with the ratio
rdflib / Oxigraph per query.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_profiles import generate  # noqa: E402

from cyberkg.graph import NT_FILE, load_sources, store_from_graph  # noqa: E402
from cyberkg.profile_validation import load_profiles  # noqa: E402
from cyberkg.profiles import OptionCatalogue  # noqa: E402
from cyberkg.queries import NamedQuery, bind, library, run, with_values  # noqa: E402
from cyberkg.sources import load_turtle  # noqa: E402

PARAMS = {
    ("instrument", "string"): "ETS185",
    ("instrument", "iri"): "https://w3id.org/cyberkg/id/ETS185",
    ("offence", "string"): "2",
    ("offence", "iri"): "https://w3id.org/cyberkg/id/ETS185/offence-2",
    ("provision", "string"): "2",
    ("provision", "iri"): "https://w3id.org/cyberkg/id/ETS185/art2",
    ("key", "string"): "6-3-misuse-of-devices",
    ("text", "string"): "naklep",
    ("organisation", "string"): "CoE",
    ("source", "iri"): "https://w3id.org/cyberkg/id/ETS185",
    ("target", "iri"): "https://w3id.org/cyberkg/id/UNCC",
}


def params_for(query: NamedQuery, party: str) -> dict[str, str] | None:
    """Values for the query's required parameters; None if one is not known here."""
    table = PARAMS | {("party", "string"): party,
                      ("party", "iri"): f"https://w3id.org/cyberkg/id/party/{party}"}  # fmt: skip
    values = {}
    for p in query.params:
        if (p.name, p.type) in table and (p.required or p.name == "instrument"):
            values[p.name] = table[p.name, p.type]
        elif p.required:
            return None
    return values


def _rdflib_child(graph: Graph, text: str, conn) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    try:
        n = len(list(graph.query(text)))
        conn.send((time.perf_counter() - start, n, ""))
    except Exception as exc:  # report, do not crash the benchmark
        conn.send((time.perf_counter() - start, -1, f"{type(exc).__name__}"))


def time_rdflib(graph: Graph, text: str, timeout: float) -> tuple[float | None, int, str]:
    """Seconds (None on timeout), rows and error of one rdflib run in a forked child."""
    parent, child = mp.get_context("fork").Pipe()
    proc = mp.get_context("fork").Process(target=_rdflib_child, args=(graph, text, child))
    proc.start()
    if parent.poll(timeout):
        seconds, n, err = parent.recv()
        proc.join()
        return seconds, n, err
    proc.kill()
    proc.join()
    return None, -1, "timeout"


def _oxigraph_child(store: ox.Store, query: NamedQuery, values: dict[str, str], conn) -> None:  # type: ignore[no-untyped-def]
    times, n = [], 0
    text = with_values(query.text, bind(query, values))
    while len(times) < 5 and sum(times) < 2:
        start = time.perf_counter()
        n = len(list(store.query(text)))
        times.append(time.perf_counter() - start)
    run(store, query, values)  # the full path (with any Python step) must work too
    conn.send((statistics.median(times), n))


def time_oxigraph(store: ox.Store, query: NamedQuery, values: dict[str, str],
                  timeout: float) -> tuple[float | None, int]:  # fmt: skip
    """Median seconds over up to 5 runs (None past the timeout), and the number of rows."""
    parent, child = mp.get_context("fork").Pipe()
    proc = mp.get_context("fork").Process(target=_oxigraph_child,
                                          args=(store, query, values, child))  # fmt: skip
    proc.start()
    if parent.poll(timeout):
        seconds, n = parent.recv()
        proc.join()
        return seconds, n
    proc.kill()
    proc.join()
    return None, -1


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parties", type=int, default=1000)
    ap.add_argument("--rdflib-timeout", type=float, default=10.0)
    ap.add_argument("--oxigraph-timeout", type=float, default=10.0)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "queries.md")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        build = Path(tmp)
        graph = load_sources()
        graph.serialize(build / NT_FILE, format="nt", encoding="utf-8")
        generated = generate(args.parties, build / "gen", build_dir=build)
        load_turtle([generated.parties_ttl], graph)
        catalogue_store = ox.Store()
        catalogue_store.bulk_load(path=str(build / NT_FILE), format=ox.RdfFormat.N_TRIPLES)
        graph += load_profiles([generated.statements_csv], OptionCatalogue(catalogue_store))
    party = sorted(str(o).rsplit("/", 1)[1] for o in graph.objects(None, None)
                   if str(o).startswith("https://w3id.org/cyberkg/id/party/ZZ"))  # fmt: skip
    party_code = party[0] if party else "DEU"
    store = store_from_graph(graph)

    rows = []
    for name, query in library().items():
        values = params_for(query, party_code)
        if values is None:
            rows.append((name, None, None, "parameters unknown to the benchmark"))
            continue
        ox_s, ox_n = time_oxigraph(store, query, values, args.oxigraph_timeout)
        if ox_s is None:
            rows.append((name, None, None, f"Oxigraph over {args.oxigraph_timeout:g} s: not timed"))
            continue
        rd_s, rd_n, err = time_rdflib(graph, with_values(query.text, bind(query, values)),
                                      args.rdflib_timeout)  # fmt: skip
        note = err or ("" if rd_n == ox_n else f"row counts differ: {ox_n} vs {rd_n}")
        rows.append((name, ox_s, rd_s, note))
        shown = "timeout" if rd_s is None else f"{rd_s * 1000:.0f} ms"
        print(f"{name}: oxigraph {ox_s * 1000:.1f} ms, rdflib {shown} {note}", flush=True)

    lines = [
        "# Query benchmark: embedded Oxigraph vs rdflib",
        "",
        f"Written by `benchmarks/bench_queries.py --parties {args.parties}`: the knowledge graph "
        f"plus {args.parties} synthetic Parties ({len(graph)} triples), every named query with "
        "the same bound parameters on both engines. Oxigraph: median of up to 5 runs; rdflib: "
        f"one run, stopped after {args.rdflib_timeout:g} s.",
        f"Machine: {platform.machine()}, Python {platform.python_version()}.",
        "",
        "| query | Oxigraph (ms) | rdflib (ms) | rdflib / Oxigraph | note |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, ox_s, rd_s, note in rows:
        if ox_s is None:
            lines.append(f"| {name} | | | | {note} |")
            continue
        rd = f"> {args.rdflib_timeout * 1000:.0f}" if rd_s is None else f"{rd_s * 1000:.1f}"
        limit = args.rdflib_timeout if rd_s is None else rd_s
        factor = limit / max(ox_s, 1e-6)
        prefix = "> " if rd_s is None else ""
        ratio = f"{prefix}{factor:.2g}x" if factor < 10 else f"{prefix}{factor:.0f}x"
        lines.append(f"| {name} | {ox_s * 1000:.1f} | {rd} | {ratio} | {note} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
