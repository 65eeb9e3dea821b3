"""Generate N synthetic Parties' statements for the validation benchmark.

Usage: python benchmarks/generate_profiles.py N OUT_DIR [--seed S] [--build-dir DIR]

Writes OUT_DIR/statements.csv (about 20 statements per Party, a few per cent wrong on purpose)
and OUT_DIR/synthetic-parties.ttl (the Parties' reference data), and prints how many
statements and deliberate errors it wrote. The output is a function of N and the seed only.

Why synthetic Parties: ontology/reference/parties.ttl holds the real States (about 195), too
few for N = 1000, and the profile shapes flag a statement by a Party that is not in the
reference data. The generator therefore invents Parties with ISO 3166-1 *user-assigned* codes
(AAA-AAZ, QMA-QZZ, XAA-XZZ, ZZA-ZZZ: codes ISO reserves for private use and never assigns to a
country, so no synthetic Party can be mistaken for a real State) and declares them in
synthetic-parties.ttl, which is validated together with the profiles. Whether a synthetic
Party is a member of the Council of Europe or a federal State is drawn at random, and decides
which acts are legitimate for it (signature or accession under ETS185 Art 36/37, the federal
clause of Art 41).

The options, their provisions, acts, value types, timing and exclusions are read from the
built knowledge graph (benchmarks/queries/option_facts.rq), so the statements use the real
option keys; options whose correct use the generator cannot guarantee (scopes with conditions
it does not model, options shared by one provision) are left out.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import string
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cyberkg.errors import CyberkgError
from cyberkg.profile_validation import knowledge_store
from cyberkg.queries import NamedQuery, run

HERE = Path(__file__).resolve().parent
COLUMNS = ("party", "instrument", "act", "provision", "date", "value", "note")
ERROR_RATE = 0.6  # chance that a Party gets one wrong statement: about 3 % of ~20 statements
OPTIONS_PER_INSTRUMENT = {"ETS185": 4, "ETS189": 2, "UNCC": 4}
ERROR_KINDS = (
    "age-below-16",
    "reservation-not-listed",
    "late-reservation",
    "late-signature",
    "withdrawal-without-reservation",
    "federal-clause-non-federal",
)
# Dates fixed by the instruments' final clauses (ETS185 Art 36-37, ETS189 Art 9-11, UNCC Art
# 64): opened for signature, and the entry into force after which accession is possible.
ETS185_OPEN = dt.date(2001, 11, 23)
ETS185_IN_FORCE = dt.date(2004, 7, 1)
ETS189_OPEN = dt.date(2003, 1, 28)
ETS189_IN_FORCE = dt.date(2006, 3, 1)
UNCC_OPEN = dt.date(2025, 10, 25)
UNCC_SIGNATURE_CLOSES = dt.date(2026, 12, 31)


def user_assigned_codes() -> list[str]:
    """ISO 3166-1 alpha-3 user-assigned codes, in order (1092 of them)."""
    letters = string.ascii_uppercase
    codes = [f"AA{c}" for c in letters]
    codes += [f"Q{a}{b}" for a in letters[letters.index("M") :] for b in letters]
    codes += [f"X{a}{b}" for a in letters for b in letters]
    codes += [f"ZZ{c}" for c in letters]
    return codes


@dataclass(frozen=True)
class Option:
    """What the generator needs to know of one option (a row of option_facts.rq)."""

    instrument: str
    key: str
    provision: str
    act: str
    kind: str
    value_type: str
    timing: str
    restricted: bool
    excludes: frozenset[str]
    scope_within: tuple[str, ...]
    other_scope_condition: bool


@dataclass
class Party:
    """A synthetic Party and its statements."""

    code: str
    coe_member: bool
    federal: bool
    rows: list[dict[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def load_options(build_dir: Path | None) -> list[Option]:
    """The options of the three instruments, read from the built graph."""
    text = (HERE / "queries" / "option_facts.rq").read_text(encoding="utf-8")
    query = NamedQuery("option_facts", "Option facts", "for the generator", text)
    _, rows = run(knowledge_store(build_dir), query)
    return [
        Option(
            instrument=r["instrument"],
            key=r["key"],
            provision=r["provision"],
            act=r["act"],
            kind=r["kind"],
            value_type=r["valueType"],
            timing=r["timing"],
            restricted=r["restricted"] == "true",
            excludes=frozenset(k for k in r["excludes"].split(";") if k),
            scope_within=tuple(sorted(p for p in r["scopeWithin"].split(";") if p)),
            other_scope_condition=r["otherScopeCondition"] == "true",
        )
        for r in rows
    ]


def _owed_at_deposit(o: Option) -> bool:
    return o.kind == "notification" and o.timing in ("signature-or-deposit", "deposit")


def usable(options: list[Option]) -> list[Option]:
    """The options the generator can exercise correctly without modelling more conditions.

    Left out: options restricted to some Parties (handled separately: the federal clause),
    communications owed at signature or deposit (always made, by _owed),
    provisions-valued options whose scope is unconstrained or has conditions beyond
    'scope within', and options that share a provision and act with another option (one
    statement would exercise both).
    """
    shared: dict[tuple[str, str, str], int] = defaultdict(int)
    for o in options:
        if o.kind != "qualifier":
            shared[(o.instrument, o.provision, o.act)] += 1
    keep = []
    for o in options:
        if o.restricted or _owed_at_deposit(o):
            continue
        if o.value_type == "provisions" and (not o.scope_within or o.other_scope_condition):
            continue
        if o.kind != "qualifier" and shared[(o.instrument, o.provision, o.act)] > 1:
            continue
        keep.append(o)
    return keep


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _row(party: Party, instrument: str, act: str, provision: str, date: dt.date,
         value: str = "", note: str = "synthetic") -> None:  # fmt: skip
    party.rows.append({"party": party.code, "instrument": instrument, "act": act,
                       "provision": provision, "date": date.isoformat(), "value": value,
                       "note": note})  # fmt: skip


def _value(rng: random.Random, option: Option) -> str:
    if option.kind == "qualifier":
        return option.key
    if option.value_type == "age":
        return str(rng.choice((16, 17)))  # ETS185 Art 9(3): not less than 16, below 18
    if option.value_type == "provisions":
        return ";".join(sorted(rng.sample(option.scope_within, rng.randint(1, 1))))
    if option.value_type == "text":
        return "synthetic text"
    return ""


def _exercise(rng: random.Random, party: Party, pool: list[Option], count: int,
              instrument: str, consent: dt.date) -> list[Option]:  # fmt: skip
    """Exercise count options of the instrument, honouring exclusions and timing."""
    candidates = [o for o in pool if o.instrument == instrument]
    chosen: list[Option] = []
    for option in rng.sample(candidates, len(candidates)):
        if len(chosen) == count:
            break
        taken = {o.key for o in chosen}
        same_place = {(o.provision, o.act) for o in chosen}
        if option.excludes & taken or (option.provision, option.act) in same_place:
            continue
        chosen.append(option)
    for option in sorted(chosen, key=lambda o: o.key):
        late_ok = option.timing not in ("signature-or-deposit", "deposit")
        date = consent + dt.timedelta(days=rng.randint(0, 900)) if late_ok else consent
        _row(party, instrument, option.act, option.provision, date, _value(rng, option))
    return chosen


def _owed(party: Party, options: list[Option], instrument: str, consent: dt.date) -> None:
    """The communications owed at signature or deposit, made at deposit."""
    for o in options:
        if o.instrument == instrument and _owed_at_deposit(o) and not o.restricted:
            _row(party, instrument, o.act, o.provision, consent, "synthetic authority")


def _inject(rng: random.Random, party: Party, consent185: dt.date,
            reserved: set[str], reservable: list[str]) -> None:  # fmt: skip
    """Add one statement that is wrong on purpose; each kind breaks exactly one rule."""
    kinds = [k for k in ERROR_KINDS if not (k == "federal-clause-non-federal" and party.federal)]
    kind = rng.choice(kinds)
    wrong = "synthetic; wrong on purpose: " + kind
    if kind == "age-below-16":  # ETS185 Art 9(3): not less than 16
        _row(party, "ETS185", "declaration", "9(3)", consent185, "14", wrong)
    elif kind == "reservation-not-listed":  # ETS185 Art 42: no other reservation
        _row(party, "ETS185", "reservation", rng.choice(("2", "3", "5", "7", "8")),
             consent185, "", wrong)  # fmt: skip
    elif kind == "late-reservation":  # ETS185 Art 42: at signature or deposit only
        _row(party, "ETS185", "reservation", "4(2)",
             consent185 + dt.timedelta(days=rng.randint(30, 900)), "", wrong)  # fmt: skip
    elif kind == "late-signature":  # UNCC Art 64(1): open for signature until 2026-12-31
        _row(party, "UNCC", "signature", "", _day(rng, dt.date(2027, 1, 1),
             dt.date(2028, 12, 31)), "", wrong)  # fmt: skip
    elif kind == "withdrawal-without-reservation":  # ETS185 Art 43(1)
        provision = rng.choice([p for p in reservable if p not in reserved])
        _row(party, "ETS185", "withdrawal", provision,
             consent185 + dt.timedelta(days=rng.randint(30, 900)), "", wrong)  # fmt: skip
    else:  # ETS185 Art 41(1): the federal clause is for a federal State
        _row(party, "ETS185", "reservation", "41(1)", consent185, "", wrong)
    party.errors.append(kind)


def generate_party(rng: random.Random, code: str, options: list[Option],
                   pool: list[Option]) -> Party:  # fmt: skip
    """One synthetic Party with its ETS185, maybe ETS189, and UNCC statements."""
    party = Party(code, coe_member=rng.random() < 0.5, federal=rng.random() < 0.1)
    # ETS185: member States sign and ratify (Art 36); others accede once it is in force (Art 37)
    if party.coe_member:
        signed = _day(rng, ETS185_OPEN, dt.date(2012, 12, 31))
        consent185 = signed + dt.timedelta(days=rng.randint(200, 2500))
        _row(party, "ETS185", "signature", "", signed)
        _row(party, "ETS185", "ratification", "", consent185)
    else:
        consent185 = _day(rng, ETS185_IN_FORCE + dt.timedelta(days=180), dt.date(2024, 12, 31))
        _row(party, "ETS185", "accession", "", consent185)
    _owed(party, options, "ETS185", consent185)
    _exercise(rng, party, pool, OPTIONS_PER_INSTRUMENT["ETS185"], "ETS185", consent185)
    if party.federal and rng.random() < 0.5:
        _row(party, "ETS185", "reservation", "41(1)", consent185)
    # ETS189: only after (or with) the Convention (ETS189 Art 9(2), 11(1))
    if rng.random() < 0.5:
        if party.coe_member:
            signed189 = _day(rng, max(ETS189_OPEN, signed), max(ETS189_OPEN, signed)
                             + dt.timedelta(days=1000))  # fmt: skip
            consent189 = max(signed189, consent185) + dt.timedelta(days=rng.randint(0, 1500))
            _row(party, "ETS189", "signature", "", signed189)
            _row(party, "ETS189", "ratification", "", consent189)
        else:
            consent189 = max(consent185, ETS189_IN_FORCE) + dt.timedelta(days=rng.randint(0, 1500))
            _row(party, "ETS189", "accession", "", consent189)
        _owed(party, options, "ETS189", consent189)
        _exercise(rng, party, pool, OPTIONS_PER_INSTRUMENT["ETS189"], "ETS189", consent189)
    # UNCC: signature in the signature period (Art 64(1)), then ratification (Art 64(3))
    signed_uncc = _day(rng, UNCC_OPEN, UNCC_SIGNATURE_CLOSES)
    consent_uncc = signed_uncc + dt.timedelta(days=rng.randint(30, 700))
    _row(party, "UNCC", "signature", "", signed_uncc)
    _row(party, "UNCC", "ratification", "", consent_uncc)
    _owed(party, options, "UNCC", consent_uncc)
    _exercise(rng, party, pool, OPTIONS_PER_INSTRUMENT["UNCC"], "UNCC", consent_uncc)
    if rng.random() < ERROR_RATE:
        reserved = {r["provision"] for r in party.rows if r["instrument"] == "ETS185"}
        reservable = sorted({o.provision for o in options
                             if o.instrument == "ETS185" and o.act == "reservation"})  # fmt: skip
        _inject(rng, party, consent185, reserved, reservable)
    return party


def reference_turtle(parties: list[Party]) -> str:
    """The synthetic Parties as reference data, in the style of ontology/reference/parties.ttl."""
    lines = [
        "# Synthetic Parties for the validation benchmark (benchmarks/generate_profiles.py).",
        "# Codes are ISO 3166-1 user-assigned codes, never assigned to a real country; Council of",
        "# Europe membership and federal structure are drawn at random. Not real data.",
        "",
        "@prefix ck:    <https://w3id.org/cyberkg/ontology#> .",
        "@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix party: <https://w3id.org/cyberkg/id/party/> .",
        "@prefix org:   <https://w3id.org/cyberkg/id/org/> .",
        "",
    ]
    for p in parties:
        cls = "ck:FederalState" if p.federal else "ck:State"
        member = "org:UN , org:CoE" if p.coe_member else "org:UN"
        lines += [
            f"party:{p.code} a {cls} ;",
            f'    skos:notation "{p.code}" ;',
            f'    skos:prefLabel "Synthetic State {p.code}"@en ;',
            f"    ck:memberOf {member} .",
            "",
        ]
    return "\n".join(lines)


@dataclass
class Generated:
    """What generate() wrote."""

    statements_csv: Path
    parties_ttl: Path
    parties: int
    statements: int
    errors: dict[str, str]  # party code -> kind of the deliberate error


def generate(n: int, out: Path, seed: int = 185, build_dir: Path | None = None,
             options: list[Option] | None = None) -> Generated:  # fmt: skip
    """Write the statements of n synthetic Parties and their reference data into out."""
    codes = user_assigned_codes()
    if not 1 <= n <= len(codes):
        raise ValueError(f"N must be between 1 and {len(codes)} (user-assigned codes)")
    options = options if options is not None else load_options(build_dir)
    pool = usable(options)
    rng = random.Random(seed)
    parties = [generate_party(rng, code, options, pool) for code in codes[:n]]
    out.mkdir(parents=True, exist_ok=True)
    statements_csv = out / "statements.csv"
    with statements_csv.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for p in parties:
            writer.writerows(p.rows)
    parties_ttl = out / "synthetic-parties.ttl"
    parties_ttl.write_text(reference_turtle(parties), encoding="utf-8")
    errors = {p.code: p.errors[0] for p in parties if p.errors}
    return Generated(statements_csv, parties_ttl, len(parties),
                     sum(len(p.rows) for p in parties), errors)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Command line: generate N Parties into OUT_DIR."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of synthetic Parties")
    parser.add_argument("out", type=Path, help="output folder")
    parser.add_argument("--seed", type=int, default=185, help="random seed (default 185)")
    parser.add_argument("--build-dir", type=Path, default=None, help="the built graph")
    args = parser.parse_args(argv)
    try:
        result = generate(args.n, args.out, args.seed, args.build_dir)
    except (ValueError, CyberkgError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{result.parties} parties, {result.statements} statements, "
          f"{len(result.errors)} wrong on purpose, in {args.out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
