"""Time importing and validating the profiles of N synthetic Parties, for several N in one run.

Usage: python benchmarks/bench_validation.py [--sizes 50,200,1000] [--build-dir DIR]
                                             [--out benchmarks/results] [--breakdown]

For each N: generate N Parties (benchmarks/generate_profiles.py, not timed), then time
  import      the statements CSV to one Turtle profile per Party (what `cyberkg import` does),
  validate    the Turtle profiles plus the synthetic reference data against the profile
              shapes (what `cyberkg validate` does),
and check that validation finds exactly the statements made wrong on purpose (one Violation
per wrong statement, on the right Party, and nothing else). Writes validation.md and
validation.json into --out with seconds per N, time per statement and the growth ratio
(time ratio divided by size ratio between successive N: 1.0 is linear growth, above 1 is
worse than linear). With --breakdown, also times each compiled constraint at the largest N.

Wall-clock and CPU (process) seconds are both recorded: the benchmark machine is shared, and
CPU seconds are less disturbed by other load.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from cyberkg import build as build_api
from cyberkg.errors import CyberkgError
from cyberkg.graph import open_store
from cyberkg.paths import shape_files
from cyberkg.profile_validation import add_profiles, knowledge_store, validate_profiles
from cyberkg.profiles import OptionCatalogue, rows_to_graph, write_profiles
from cyberkg.shacl_engine import compile_shapes
from cyberkg.statements import read_statements
from cyberkg.validation import load_shapes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_profiles import generate, load_options

HERE = Path(__file__).resolve().parent


@dataclass
class Timing:
    """Wall-clock and CPU seconds of one phase."""

    wall: float
    cpu: float


class Clock:
    """A context manager that measures wall-clock and process CPU time."""

    def __enter__(self) -> Clock:
        self._wall = time.perf_counter()
        self._cpu = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timing = Timing(time.perf_counter() - self._wall, time.process_time() - self._cpu)


@dataclass
class SizeResult:
    """The figures for one N."""

    n: int
    statements: int
    wrong_on_purpose: int
    violations: int
    warnings: int
    found_exactly_the_wrong_statements: bool
    import_wall: float
    import_cpu: float
    validate_wall: float
    validate_cpu: float
    total_wall: float
    total_cpu: float
    ms_per_statement_wall: float
    growth_ratio_wall: float | None = None
    growth_ratio_cpu: float | None = None


def run_size(n: int, seed: int, build_dir: Path, work: Path, options: list) -> SizeResult:  # type: ignore[type-arg]
    """Generate, import and validate N Parties; check the result against the injected errors."""
    folder = work / f"n{n}"
    generated = generate(n, folder, seed=seed, options=options)
    profiles_dir = folder / "profiles"
    with Clock() as imported:
        rows = read_statements(generated.statements_csv)
        graph = rows_to_graph(rows, OptionCatalogue(open_store(build_dir)),
                              source=str(generated.statements_csv))  # fmt: skip
        write_profiles(graph, profiles_dir)
    with Clock() as validated:
        report = validate_profiles([profiles_dir, generated.parties_ttl], build_dir)
    violations = [r for r in report.results if r.severity == "Violation"]
    found = Counter(r.party for r in violations)
    exact = found == Counter(generated.errors.keys())  # one Violation per wrong statement
    total = Timing(imported.timing.wall + validated.timing.wall,
                   imported.timing.cpu + validated.timing.cpu)  # fmt: skip
    return SizeResult(
        n=n,
        statements=generated.statements,
        wrong_on_purpose=len(generated.errors),
        violations=len(violations),
        warnings=sum(r.severity == "Warning" for r in report.results),
        found_exactly_the_wrong_statements=exact,
        import_wall=round(imported.timing.wall, 2),
        import_cpu=round(imported.timing.cpu, 2),
        validate_wall=round(validated.timing.wall, 2),
        validate_cpu=round(validated.timing.cpu, 2),
        total_wall=round(total.wall, 2),
        total_cpu=round(total.cpu, 2),
        ms_per_statement_wall=round(1000 * total.wall / generated.statements, 2),
    )


def project(results: list[SizeResult], n: int) -> float:
    """Projected total seconds for N from the sizes run so far (quadratic if unknown)."""
    if not results:
        return 0.0
    last = results[-1]
    exponent = 2.0
    if len(results) >= 2:
        before = results[-2]
        exponent = max(
            1.0, math.log(last.total_wall / before.total_wall) / math.log(last.n / before.n)
        )
    return last.total_wall * (n / last.n) ** exponent


def add_growth(results: list[SizeResult]) -> None:
    """Growth ratio between successive sizes: (time ratio) / (size ratio); 1.0 = linear."""
    for before, after in itertools.pairwise(results):
        size = after.statements / before.statements
        after.growth_ratio_wall = round(after.total_wall / before.total_wall / size, 2)
        after.growth_ratio_cpu = round(after.total_cpu / before.total_cpu / size, 2)


def breakdown(n: int, work: Path, build_dir: Path, top: int = 12) -> list[dict[str, object]]:
    """CPU seconds of each compiled constraint on the profiles of N Parties, slowest first."""
    folder = work / f"n{n}"
    files = [*sorted((folder / "profiles").glob("*.ttl")), folder / "synthetic-parties.ttl"]
    store = knowledge_store(build_dir)
    add_profiles(store, files)
    rows = []
    for index, constraint in enumerate(compile_shapes(load_shapes(shape_files("profiles")))):
        with Clock() as clock:
            count = sum(1 for _ in store.query(constraint.query))  # type: ignore[union-attr]
        rows.append({"shape": constraint.shape.rsplit("#", 1)[-1], "constraint": index,
                     "cpu": round(clock.timing.cpu, 3), "results": count})  # fmt: skip
    return sorted(rows, key=lambda r: -float(r["cpu"]))[:top]  # type: ignore[arg-type]


def markdown(results: list[SizeResult], meta: dict[str, object],
             slowest: list[dict[str, object]], skipped: list[dict[str, int]]) -> str:  # fmt: skip
    """The results as the Markdown file the README quotes."""
    out = [
        "# Profile validation benchmark",
        "",
        f"Written by `benchmarks/bench_validation.py` on {meta['date']} "
        f"({meta['cpus']} CPUs, load average {meta['load']} at start, Python {meta['python']}, "
        f"pyoxigraph {meta['pyoxigraph']}). Synthetic Parties from "
        f"`benchmarks/generate_profiles.py` (seed {meta['seed']}); times in seconds.",
        *(["", f"{meta['note']}"] if meta["note"] else []),
        "",
        "| N | statements | wrong on purpose | violations found | exact | import s | "
        "validate s | total s (wall) | total s (CPU) | ms/statement | growth (wall) | "
        "growth (CPU) |",
        "|---:|---:|---:|---:|:-:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        out.append(
            f"| {r.n} | {r.statements} | {r.wrong_on_purpose} | {r.violations} | "
            f"{'yes' if r.found_exactly_the_wrong_statements else 'NO'} | {r.import_wall} | "
            f"{r.validate_wall} | {r.total_wall} | {r.total_cpu} | {r.ms_per_statement_wall} | "
            f"{r.growth_ratio_wall if r.growth_ratio_wall is not None else '—'} | "
            f"{r.growth_ratio_cpu if r.growth_ratio_cpu is not None else '—'} |"
        )
    out += [
        "",
        "Growth = (total time ratio) / (statement count ratio) against the previous N: 1.0 is "
        "linear, above 1 is worse than linear.",
    ]
    for s in skipped:
        out.append(f"\nN = {s['n']} was not run: at the growth measured so far it would take "
                   f"about {s['projected_seconds']} s (over the --budget).")  # fmt: skip
    if slowest:
        out += ["", f"Slowest constraints at N = {results[-1].n} (CPU seconds):", "",
                "| shape | constraint # | CPU s | results |", "|---|---:|---:|---:|"]  # fmt: skip
        out += [f"| {s['shape']} | {s['constraint']} | {s['cpu']} | {s['results']} |"
                for s in slowest]  # fmt: skip
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,200,1000", help="comma-separated N values")
    parser.add_argument("--seed", type=int, default=185)
    parser.add_argument("--build-dir", type=Path, default=None,
                        help="a built graph (default: build one in a temp folder)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=HERE / "results")
    parser.add_argument("--budget", type=float, default=900.0,
                        help="skip an N projected to take longer (seconds)")  # fmt: skip
    parser.add_argument("--note", default="", help="a line on the set-up, written to the results")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time each constraint at the largest N")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        print(f"error: --sizes must be integers separated by commas, not {args.sizes!r}",
              file=sys.stderr)  # fmt: skip
        return 2
    meta: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(),
        "load": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "pyoxigraph": ox.__version__,
        "seed": args.seed,
        "note": args.note,
    }
    skipped: list[dict[str, int]] = []
    with tempfile.TemporaryDirectory(prefix="cyberkg-bench-") as tmp:
        work = Path(tmp)
        try:
            build_dir = args.build_dir
            if build_dir is None:
                build_dir = work / "build"
                if build_api.build(build_dir).out is None:
                    print("error: the knowledge graph does not build", file=sys.stderr)
                    return 2
            options = load_options(build_dir)
            results: list[SizeResult] = []
            for n in sizes:
                projected = project(results, n)
                if projected > args.budget:
                    skipped.append({"n": n, "projected_seconds": round(projected)})
                    print(f"N={n}: not run, projected {projected:.0f} s > --budget {args.budget} s")
                    continue
                result = run_size(n, args.seed, build_dir, work, options)
                print(f"N={n}: {result.statements} statements, import {result.import_wall} s, "
                      f"validate {result.validate_wall} s, total {result.total_wall} s wall / "
                      f"{result.total_cpu} s CPU; {result.violations} violation(s) for "
                      f"{result.wrong_on_purpose} wrong on purpose", flush=True)  # fmt: skip
                results.append(result)
            add_growth(results)
            slowest = breakdown(results[-1].n, work, build_dir) if args.breakdown else []
        except (CyberkgError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    args.out.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "results": [asdict(r) for r in results], "skipped": skipped,
               "slowest": slowest}  # fmt: skip
    (args.out / "validation.json").write_text(json.dumps(payload, indent=2) + "\n",
                                              encoding="utf-8")  # fmt: skip
    text = markdown(results, meta, slowest, skipped)
    (args.out / "validation.md").write_text(text, encoding="utf-8")
    print(f"wrote {args.out / 'validation.md'} and {args.out / 'validation.json'}")
    return 0 if all(r.found_exactly_the_wrong_statements for r in results) and not skipped else 1


if __name__ == "__main__":
    sys.exit(main())
