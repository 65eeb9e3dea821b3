"""Dual criminality: a fact pattern held against each Party's version of an offence.

A Party's version of a convention offence is the convention's elements (ck:hasElement), plus
the elements its exercised options add, minus what its reservations remove. The conduct falls
within the Party's offence when every required element is satisfied by the facts (for an
alternative group, at least one alternative); an exception element must *not* apply. Facts
that are not given are unknown, and an answer that depends on them is "undetermined".

Dual criminality is then read from the treaty texts: ETS185 Art 25(5) (applied to the
offences of ETS189 by its Art 8(2)) deems the condition fulfilled if the conduct is a criminal
offence under the requested Party's law; UNCC Art 35(3) if it is an offence under the laws of
both States Parties. The fact-pattern format is documented in docs/fact-patterns.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import yaml

from .errors import InputError, Location, read_utf8
from .iris import INSTRUMENTS, instrument_iri, is_canonical_provision, party_iri
from .queries import get_query, run

WITHIN, OUTSIDE, UNDETERMINED = "within", "outside", "undetermined"
MET, NOT_MET = "met", "not met"
STATUS_TEXT = {
    WITHIN: "conduct WITHIN its offence",
    OUTSIDE: "conduct OUTSIDE its offence",
    UNDETERMINED: "UNDETERMINED whether the conduct is within its offence",
}
ACT_NAMES = {"option": "implementation choice"}


_OFFENCE_REF = re.compile(r"^(?P<instrument>[A-Z0-9]+):(?P<provision>.+)$")
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


# ---------------------------------------------------------------------------
# The offence and its elements
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Element:
    """An element of an offence (from the convention, or reachable through an option)."""

    iri: str
    slug: str
    kind: str
    mental: bool
    exception: bool
    label: str
    wording: str
    provision: str
    group: str
    base: bool

    @property
    def local(self) -> str:
        """The element's IRI local name, e.g. el-2-without-right."""
        return self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class OptionEffect:
    """An option that changes an offence, with what it does."""

    iri: str
    key: str
    kind: str
    label: str
    provision: str
    effects: tuple[tuple[str, str], ...]
    must_not_cover: tuple[str, ...]
    in_part_only: bool = False


@dataclass(frozen=True)
class Offence:
    """An offence with its elements and the options that change it."""

    iri: str
    instrument: str
    provision: str
    title: str
    mandatory: bool
    elements: tuple[Element, ...]
    options: tuple[OptionEffect, ...]

    @property
    def ref(self) -> str:
        """The offence's short reference, e.g. ETS185:2."""
        return f"{self.instrument}:{self.provision}"

    def element(self, iri: str) -> Element:
        """The element with this IRI."""
        return next(e for e in self.elements if e.iri == iri)


def within(provision: str, ancestor: str) -> bool:
    """True if a canonical provision is ancestor itself or lies inside it (6(1)(a) in 6(1))."""
    return provision == ancestor or provision.startswith(ancestor + "(")


def canonical_provision(text: str) -> str:
    """Accept 7(1) or the dashed 7-1; return the canonical form."""
    text = text.strip()
    if "-" in text and "(" not in text:
        first, *rest = text.split("-")
        text = first + "".join(f"({p})" for p in rest)
    return text


def _offence_list(store: ox.Store, instrument: str) -> list[dict[str, str]]:
    _, rows = run(store, get_query("dc_find_offence"), {"instrument": instrument})
    return rows


def find_offence(store: ox.Store, ref: str, where: Location | None = None) -> str:
    """The IRI of the offence named INSTRUMENT:PROVISION (ETS185:2, UNCC:7(1), UNCC:7-1)."""
    match = _OFFENCE_REF.match(ref.strip())
    if match is None or match.group("instrument") not in INSTRUMENTS:
        raise InputError(
            f"offence {ref!r} must be INSTRUMENT:PROVISION with INSTRUMENT one of "
            f"{', '.join(INSTRUMENTS)}, e.g. ETS185:2 or UNCC:7(1)",
            where,
        )
    instrument = match.group("instrument")
    provision = canonical_provision(match.group("provision"))
    if not is_canonical_provision(provision):
        raise InputError(f"offence {ref!r}: {provision!r} is not a provision like 2 or 7(1)", where)
    rows = _offence_list(store, instrument)
    hits = [r for r in rows if r["provision"] == provision]
    if not hits:
        known = ", ".join(f"{instrument}:{r['provision']}" for r in rows)
        raise InputError(
            f"no offence is established by {instrument} {provision}; the offences are: {known}",
            where,
        )
    return hits[0]["offence"]


def load_offence(store: ox.Store, offence_iri: str) -> Offence:
    """The offence with its elements and options, read with the dc_ queries."""
    _, found = run(store, get_query("dc_find_offence"), {"instrument": _instrument_of(offence_iri)})
    row = next(r for r in found if r["offence"] == offence_iri)
    _, mandatory_rows = run(store, get_query("dc_offence_mandatory"), {"offence": offence_iri})
    mandatory = not mandatory_rows or mandatory_rows[0]["mandatory"] != "false"
    _, element_rows = run(store, get_query("dc_offence_elements"), {"offence": offence_iri})
    prefix = "el-" + offence_iri.rsplit("offence-", 1)[-1] + "-"
    elements = []
    for r in element_rows:
        local = r["element"].rsplit("/", 1)[-1]
        elements.append(
            Element(
                iri=r["element"],
                slug=local[len(prefix) :] if local.startswith(prefix) else local,
                kind=r["kindLabel"],
                mental=r["mental"] == "true",
                exception=r["exception"] == "true",
                label=r["label"],
                wording=r["wording"],
                provision=r["provision"],
                group=r["group"],
                base=r["base"] == "true",
            )
        )
    _, option_rows = run(store, get_query("dc_offence_options"), {"offence": offence_iri})
    grouped: dict[str, list[dict[str, str]]] = {}
    for r in option_rows:
        grouped.setdefault(r["option"], []).append(r)
    options = []
    for iri, rows in sorted(grouped.items()):
        first = rows[0]
        effects = sorted({(r["effect"], r["target"]) for r in rows if r["effect"]})
        options.append(
            OptionEffect(
                iri=iri,
                key=first["key"],
                kind=first["kind"],
                label=first["label"],
                provision=first["provision"],
                effects=tuple(effects),
                must_not_cover=tuple(
                    sorted({r["mustNotCover"] for r in rows if r["mustNotCover"]})
                ),
                in_part_only=first["inPartOnly"] == "true",
            )
        )
    return Offence(
        iri=offence_iri,
        instrument=row["instrument"],
        provision=row["provision"],
        title=row["title"],
        mandatory=mandatory,
        elements=tuple(elements),
        options=tuple(options),
    )


def _instrument_of(iri: str) -> str:
    return iri.split("/id/", 1)[1].split("/", 1)[0]


# ---------------------------------------------------------------------------
# Fact patterns
# ---------------------------------------------------------------------------


@dataclass
class FactPattern:
    """Which elements of one offence the conduct satisfies (True), does not (False)."""

    path: Path
    offence_ref: str
    offence_line: int | None
    description: str
    values: dict[str, bool | None]  # element IRI -> fact; absent or None = unknown
    lines: dict[str, int] = field(default_factory=dict)


def _scalar(node: yaml.Node) -> bool | str | None:
    """A YAML scalar as true/false/None, or the raw text when it is none of these."""
    if not isinstance(node, yaml.ScalarNode):
        return "<not a single value>"
    text = str(node.value).strip().lower()
    if node.tag.endswith(":null") or text in ("", "~", "null", "unknown"):
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return str(node.value)


def _mapping(node: yaml.Node, path: Path, what: str) -> list[tuple[str, yaml.Node, int]]:
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1
        raise InputError(f"{what} must be a mapping of keys to values", Location(path, line=line))
    pairs = []
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        key = str(key_node.value)
        if key in seen:
            raise InputError(
                f"key {key!r} repeats the key of line {seen[key]}", Location(path, line=line)
            )
        seen[key] = line
        pairs.append((key, value_node, line))
    return pairs


def read_fact_pattern(path: Path) -> tuple[FactPattern, dict[str, tuple[bool | None, int]]]:
    """Parse a fact-pattern YAML file; element keys are resolved later against the offence."""
    text = read_utf8(path)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(
            f"YAML syntax error: {exc.problem or exc}", Location(path, line=line)
        ) from exc
    if root is None:
        raise InputError("empty fact pattern: expected 'offence:' and 'facts:'", Location(path))
    top = _mapping(root, path, "a fact pattern")
    allowed = {"offence", "description", "facts"}
    offence_ref, offence_line, description = "", None, ""
    raw: dict[str, tuple[bool | None, int]] = {}
    facts_seen = False
    for key, node, line in top:
        if key not in allowed:
            raise InputError(
                f"unknown key {key!r}; a fact pattern has offence, description and facts",
                Location(path, line=line),
            )
        if key == "offence":
            offence_ref, offence_line = str(getattr(node, "value", "")).strip(), line
        elif key == "description":
            description = str(getattr(node, "value", ""))
        else:
            facts_seen = True
            for fact_key, value_node, fact_line in _mapping(node, path, "'facts'"):
                value = _scalar(value_node)
                if isinstance(value, str):
                    raise InputError(
                        f"fact {fact_key!r}: {value!r} is not true, false or unknown",
                        Location(path, line=value_node.start_mark.line + 1),
                    )
                raw[fact_key] = (value, fact_line)
    if not facts_seen:
        raise InputError(
            "no 'facts:' mapping: list the elements the conduct satisfies (true) or not (false)",
            Location(path),
        )
    pattern = FactPattern(path, offence_ref, offence_line, description, {})
    return pattern, raw


def resolve_facts(
    pattern: FactPattern, raw: dict[str, tuple[bool | None, int]], offence: Offence
) -> FactPattern:
    """Map each fact key (element IRI local name or slug) to an element of the offence."""
    by_key: dict[str, Element] = {}
    for element in offence.elements:
        by_key[element.local] = element
        by_key.setdefault(element.slug, element)
    for key, (value, line) in raw.items():
        element = by_key.get(key)
        if element is None:
            known = ", ".join(sorted(e.slug for e in offence.elements))
            raise InputError(
                f"fact {key!r} names no element of {offence.ref} ({offence.title}); "
                f"its elements are: {known}",
                Location(pattern.path, line=line),
            )
        if element.iri in pattern.lines:
            raise InputError(
                f"fact {key!r} names the same element as line {pattern.lines[element.iri]}",
                Location(pattern.path, line=line),
            )
        pattern.values[element.iri] = value
        pattern.lines[element.iri] = line
    return pattern


def load_fact_pattern(
    store: ox.Store, path: Path, offence: str | None = None
) -> tuple[str, FactPattern]:
    """Read a fact pattern and resolve it against its offence (--offence or 'offence:').

    Returns the offence IRI and the pattern; every problem is an InputError naming the file
    and line.
    """
    pattern, raw = read_fact_pattern(path)
    if offence is None and not pattern.offence_ref:
        raise InputError(
            "name the offence with --offence or 'offence:' in the fact pattern", Location(path)
        )
    where = Location(path, line=pattern.offence_line)
    file_iri = find_offence(store, pattern.offence_ref, where) if pattern.offence_ref else None
    offence_iri = find_offence(store, offence) if offence else file_iri
    if file_iri is not None and offence_iri != file_iri:
        raise InputError(f"the fact pattern is for {pattern.offence_ref}, not {offence}", where)
    assert offence_iri is not None
    resolve_facts(pattern, raw, load_offence(store, offence_iri))
    return offence_iri, pattern


# ---------------------------------------------------------------------------
# A Party's version of the offence
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """A Party's statement, as far as it matters here."""

    iri: str
    act: str
    date: str
    provision: str
    keys: tuple[str, ...]
    scope: tuple[str, ...]
    value: str
    source: str

    def cite(self, party: str, instrument: str) -> str:
        """E.g. "XXB's declaration of 2009-03-09 under ETS185 2"."""
        where = f" under {instrument} {self.provision}" if self.provision else ""
        return f"{party}'s {ACT_NAMES.get(self.act, self.act)} of {self.date}{where}"


def party_statements(store: ox.Store, party: str, instrument: str) -> list[Statement]:
    """Every statement of a Party under an instrument, options and scope gathered."""
    params = {"party": str(party_iri(party)), "instrument": str(instrument_iri(instrument))}
    _, rows = run(store, get_query("dc_party_statements"), params)
    gathered: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = gathered.setdefault(r["statement"], {"row": r, "keys": set(), "scope": set()})
        if r["key"]:
            entry["keys"].add(r["key"])
        if r["scope"]:
            entry["scope"].add(r["scope"])
    statements = [
        Statement(
            iri=iri,
            act=e["row"]["act"],
            date=e["row"]["date"],
            provision=e["row"]["provision"],
            keys=tuple(sorted(e["keys"])),
            scope=tuple(sorted(e["scope"])),
            value=e["row"]["value"],
            source=e["row"]["source"],
        )
        for iri, e in gathered.items()
    ]
    return sorted(statements, key=lambda s: (s.date, s.iri))


@dataclass
class Exercise:
    """An option a Party exercised by a statement still in force."""

    option: OptionEffect
    statement: Statement
    partly_withdrawn: bool = False


def exercised_options(
    statements: list[Statement], offence: Offence, party: str
) -> tuple[list[Exercise], list[str]]:
    """The options of the offence exercised by statements not withdrawn; plus notes.

    A withdrawal naming option keys withdraws those options; one with another value or a
    scope is a partial withdrawal (its extent is not modelled); one without a value
    withdraws every earlier statement at its provision.
    """
    notes: list[str] = []
    by_key = {o.key: o for o in offence.options}
    withdrawals = [s for s in statements if s.act == "withdrawal"]
    exercises: list[Exercise] = []
    for s in statements:
        if s.act == "withdrawal":
            continue
        for key in s.keys:
            option = by_key.get(key)
            if option is None:
                continue
            partly = False
            withdrawn_by = None
            for w in withdrawals:
                if w.date < s.date or not (w.provision and within(s.provision, w.provision)):
                    continue
                if w.keys:
                    if key in w.keys:
                        withdrawn_by = w
                elif w.value or w.scope:
                    partly = True
                else:
                    withdrawn_by = w
            if withdrawn_by is not None:
                notes.append(
                    f"{option.key} ({s.cite(party, offence.instrument)}) was withdrawn "
                    f"on {withdrawn_by.date}; not applied"
                )
                continue
            exercises.append(Exercise(option, s, partly))
    return exercises, notes


# ---------------------------------------------------------------------------
# Evaluation (three-valued: True, False, None = unknown)
# ---------------------------------------------------------------------------


@dataclass
class Finding:
    """How one element (or group) stands for one Party."""

    element: str
    label: str
    provision: str
    fact: bool | None
    satisfied: bool | None
    why: str


@dataclass
class PartyResult:
    """Whether the conduct falls within one Party's offence, and what decides it."""

    party: str
    status: str
    decisive: list[str]
    findings: list[Finding]
    applied: list[str]
    notes: list[str]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "party": self.party,
            "status": self.status,
            "decisive": self.decisive,
            "options_applied": self.applied,
            "notes": self.notes,
            "elements": [f.__dict__ for f in self.findings],
        }


def _and(values: list[bool | None]) -> bool | None:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _or(values: list[bool | None]) -> bool | None:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) or not values else False


def _cite_element(e: Element, instrument: str) -> str:
    return f"{e.local} '{e.label}' ({instrument} {e.provision}: \u201e{e.wording}\u201c)"


def evaluate_party(
    offence: Offence, facts: FactPattern, party: str, statements: list[Statement]
) -> PartyResult:
    """Hold the facts against the Party's version of the offence."""
    instr = offence.instrument
    exercises, notes = exercised_options(statements, offence, party)
    applied: list[str] = []
    decisive: list[str] = []
    unknown: list[str] = []

    def fact(e: Element) -> bool | None:
        value = facts.values.get(e.iri)
        if value is None:
            return None
        return (not value) if e.exception else value

    elements = {e.iri: e for e in offence.elements}
    # Requirements: plain elements (AND) and alternative groups (OR of members). Each member
    # or plain element may carry extra conditions folded in (AND) and a transform.
    plain: list[str] = [e.iri for e in offence.elements if e.base and not e.group]
    groups: dict[str, list[str]] = {}
    for e in offence.elements:
        if e.base and e.group:
            groups.setdefault(e.group, []).append(e.iri)
    folded: dict[str, list[str]] = {}  # member -> elements that go with it only
    transform: dict[str, tuple[str, str]] = {}  # element -> (restricts|extends|removes, why)

    # A mental element cited at a point or sub-point goes with the alternative conduct(s)
    # cited there only (e.g. ETS185 9(1)(a): production for the purpose of distribution).
    for iri in list(plain):
        e = elements[iri]
        if e.mental and e.provision != offence.provision and within(e.provision, offence.provision):
            tied = [
                m
                for ms in groups.values()
                for m in ms
                if elements[m].kind == "conduct element"
                and within(elements[m].provision, e.provision)
            ]
            if tied:
                plain.remove(iri)
                for m in tied:
                    folded.setdefault(m, []).append(iri)

    removal: tuple[bool | None, str] | None = None
    affected_keys = set()
    for ex in exercises:
        o, s = ex.option, ex.statement
        cite = f"{o.key} ({o.kind}, {instr} {o.provision}) by {s.cite(party, instr)}"
        affected_keys.add(o.key)
        adds = [t for eff, t in o.effects if eff == "addsElement"]
        restricts = [t for eff, t in o.effects if eff == "restrictsElement"]
        if ex.partly_withdrawn:
            applied.append(cite + " [partly withdrawn]")
            unknown.append(f"{cite} was partly withdrawn later; the extent is not modelled")
            continue
        applied.append(cite)
        if not o.effects and o.kind != "optional-offence":
            unknown.append(f"{cite}: its effect on this conduct is not modelled by elements")
        for eff, target in o.effects:
            if eff == "addsElement":
                if restricts:
                    # the added element narrows the restricted elements only (ETS189 6(2)(a))
                    for r in restricts:
                        folded.setdefault(r, []).append(target)
                elif elements[target].group and elements[target].group in groups:
                    groups[elements[target].group].append(target)
                else:
                    plain.append(target)
                transform.setdefault(target, ("added", cite))
            elif eff == "restrictsElement" and not adds:
                transform[target] = ("restricts", cite)
            elif eff == "extendsElement":
                transform[target] = ("extends", cite)
            elif eff == "removesElement":
                e = elements[target]
                if s.scope and not any(within(e.provision, sc) for sc in s.scope):
                    continue
                transform[target] = ("removes", cite)
            elif eff == "removesOffence" and target == offence.iri:
                removal = _removal(offence, o, s, cite, facts, elements)

    findings: list[Finding] = []

    def value_of(iri: str) -> bool | None:
        e = elements[iri]
        v = fact(e)
        kind, cite = transform.get(iri, ("", ""))
        why = "convention element" if e.base else f"added by {cite}"
        if kind == "restricts":
            v = None if v is True else v
            why = f"narrowed by {cite}: the facts do not say whether the narrower element is met"
        elif kind == "extends":
            v = None if v is False else v
            why = f"widened by {cite}: the facts do not say whether the wider element is met"
        elif kind == "removes":
            if v is True:
                v = False
                why = f"not applied: removed by {cite}"
            else:
                why = f"removed by {cite}"
        extra = [value_of(x) for x in folded.get(iri, [])]
        total = _and([v, *extra]) if extra else v
        findings.append(Finding(e.local, e.label, e.provision, facts.values.get(iri), v, why))
        return total

    requirement_values: list[bool | None] = []
    for iri in plain:
        v = value_of(iri)
        requirement_values.append(v)
        e = elements[iri]
        verb = "applies" if e.exception else "is not satisfied"
        if v is False:
            kind, cite = transform.get(iri, ("", ""))
            if kind == "removes":
                decisive.append(f"{_cite_element(e, instr)} is not applied: removed by {cite}")
            else:
                source = "the convention" if e.base else cite
                decisive.append(f"{_cite_element(e, instr)} {verb} (required by {source})")
        elif v is None:
            unknown.append(f"{_cite_element(e, instr)}: {_unknown_reason(e, facts, transform)}")
    for group, members in sorted(groups.items()):
        live = [m for m in members if transform.get(m, ("",))[0] != "removes"]
        removed = [m for m in members if m not in live]
        member_values = [value_of(m) for m in members]
        v = _or([mv for m, mv in zip(members, member_values, strict=True) if m in live])
        requirement_values.append(v)
        names = ", ".join(elements[m].local for m in live) or "none left"
        if v is False:
            line = f"no alternative of group '{group}' ({names}) is satisfied"
            removed_true = [m for m in removed if fact(elements[m]) is True]
            if removed_true:
                line += "; " + "; ".join(
                    f"{_cite_element(elements[m], instr)} is not applied: removed by "
                    f"{transform[m][1]}"
                    for m in removed_true
                )
            decisive.append(line)
        elif v is None:
            unknown.append(
                f"alternative group '{group}' ({names}): no alternative is shown "
                "to be satisfied and some are unknown or narrowed"
            )

    elements_value = _and(requirement_values)
    status: str
    if elements_value is False:
        status = OUTSIDE
    elif removal is not None and removal[0] is False:
        status, decisive = OUTSIDE, [removal[1]]
    else:
        if removal is not None:
            unknown.append(removal[1])
        if not offence.mandatory and not any(
            o.kind == "optional-offence" for o in (ex.option for ex in exercises)
        ):
            unknown.append(
                f"{offence.ref} is an optional offence and {party}'s profile "
                "records no choice to establish it"
            )
        status = WITHIN if elements_value is True and not unknown else UNDETERMINED
        if elements_value is True and unknown:
            status = UNDETERMINED
    if status == UNDETERMINED:
        decisive = unknown
    elif status == WITHIN:
        decisive = [
            "every required element is satisfied"
            + (" (alternatives: " + ", ".join(sorted(groups)) + ")" if groups else "")
        ]
    if not statements:
        notes.append(
            f"no statements of {party} under {instr} were given: "
            "the convention's elements are applied"
        )
    findings.sort(key=lambda f: (f.provision, f.element))
    unique = {f.element: f for f in findings}
    return PartyResult(party, status, decisive, list(unique.values()), applied, notes)


def _unknown_reason(e: Element, facts: FactPattern, transform: dict[str, tuple[str, str]]) -> str:
    if e.iri not in facts.values or facts.values[e.iri] is None:
        return "the facts do not say"
    return transform.get(e.iri, ("", "depends on a narrower or wider element"))[1]


def _removal(
    offence: Offence,
    option: OptionEffect,
    s: Statement,
    cite: str,
    facts: FactPattern,
    elements: dict[str, Element],
) -> tuple[bool | None, str]:
    """(False, why) if the reservation takes the conduct out of the offence; (None, why) if
    it may or may not."""
    if option.in_part_only:
        return None, (
            f"{cite}: this reservation may leave the offence unapplied only in part "
            "(limited circumstances); the facts do not show whether this conduct is "
            "among them"
        )
    whole = not s.scope or any(within(offence.provision, sc) for sc in s.scope)
    if not whole:
        return None, (
            f"{cite} covers only {', '.join(s.scope)}; the element facts do not "
            "decide whether the conduct lies within that part"
        )
    for protected in option.must_not_cover:
        hits = [
            e
            for e in elements.values()
            if e.kind in ("conduct element", "object element")
            and within(e.provision, protected)
            and facts.values.get(e.iri) is True
        ]
        if hits:
            return None, (
                f"{cite}: the reservation may not cover conduct under "
                f"{offence.instrument} {protected}, and the facts satisfy "
                f"{', '.join(e.local for e in hits)} cited there"
            )
    return False, f"the offence is not applied: {cite} (reservation of {offence.ref})"


# ---------------------------------------------------------------------------
# Dual criminality between two Parties
# ---------------------------------------------------------------------------


@dataclass
class CooperationLimit:
    """A reservation of one of the Parties that limits a cooperation measure."""

    party: str
    instrument: str
    provision: str
    key: str
    label: str
    date: str
    value: str
    not_for_this_offence: str

    def describe(self, offence: Offence) -> str:
        """One line: provision, option, Party, date, and whether it can reach this offence."""
        value = f" (value: {self.value})" if self.value else ""
        line = (
            f"{self.instrument} {self.provision}: {self.label} — reservation {self.key} "
            f"by {self.party} of {self.date}{value}"
        )
        if self.not_for_this_offence:
            line += f"; it does not reach {offence.ref} itself: {self.not_for_this_offence}"
        return line


@dataclass
class DualCriminalityReport:
    """The answer for one offence, one fact pattern and two Parties."""

    offence: Offence
    facts: FactPattern
    rule_instrument: str
    rule_provision: str
    rule_text: str
    results: list[PartyResult]
    directions: list[dict[str, str]]
    limits: list[CooperationLimit]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "offence": {
                "ref": self.offence.ref,
                "title": self.offence.title,
                "iri": self.offence.iri,
            },
            "facts": str(self.facts.path),
            "rule": {
                "instrument": self.rule_instrument,
                "provision": self.rule_provision,
                "text": self.rule_text,
            },
            "parties": [r.to_dict() for r in self.results],
            "dual_criminality": self.directions,
            "cooperation_limits": [limit.__dict__ for limit in self.limits],
        }


def _combine(statuses: list[str]) -> str:
    if any(s == OUTSIDE for s in statuses):
        return NOT_MET
    return MET if all(s == WITHIN for s in statuses) else UNDETERMINED


def cooperation_limits(
    store: ox.Store,
    parties: list[str],
    instrument: str,
    offence: str,
    statements: dict[str, list[Statement]],
) -> list[CooperationLimit]:
    """Reservations of either Party that limit cooperation measures (not withdrawn)."""
    limits = []
    for party in parties:
        params = {
            "party": str(party_iri(party)),
            "instrument": str(instrument_iri(instrument)),
            "offence": offence,
        }
        _, rows = run(store, get_query("dc_cooperation_limits"), params)
        withdrawals = [s for s in statements.get(party, []) if s.act == "withdrawal"]
        for r in rows:
            withdrawn = any(
                w.date >= r["date"]
                and within(r["provision"], w.provision or "-")
                and (not w.keys or r["key"] in w.keys)
                and not (not w.keys and (w.value or w.scope))
                for w in withdrawals
            )
            if withdrawn:
                continue
            limits.append(
                CooperationLimit(
                    party,
                    instrument,
                    r["provision"],
                    r["key"],
                    r["label"],
                    r["date"],
                    r["value"],
                    r["excludedFor"],
                )
            )
    return sorted(limits, key=lambda x: (x.provision, x.key, x.party, x.date))


def dual_criminality(
    store: ox.Store, offence_iri: str, facts: FactPattern, parties: list[str]
) -> DualCriminalityReport:
    """Evaluate the fact pattern for each Party and read dual criminality from the texts."""
    offence = load_offence(store, offence_iri)
    statements = {p: party_statements(store, p, offence.instrument) for p in parties}
    results = [evaluate_party(offence, facts, p, statements[p]) for p in parties]
    # Which provision decides, under whose law, and whose cooperation chapter applies, are
    # read from the instrument (ck:dualCriminalityRule, ck:dualCriminalityLaw,
    # ck:cooperationUnder).
    _, rule_rows = run(store, get_query("dc_rule"), {"offence": offence_iri})
    if not rule_rows:
        raise InputError(f"the graph states no dual criminality rule for {offence.instrument}")
    rule = rule_rows[0]
    rule_instr, rule_prov, rule_text = rule["ruleInstrument"], rule["ruleProvision"], rule["text"]
    cite = f"{rule_instr} {rule_prov}"
    by_party = {r.party: r.status for r in results}
    directions: list[dict[str, str]] = []
    if rule["law"] == "both-parties":
        status = _combine(list(by_party.values()))
        directions.append(
            {
                "between": " and ".join(parties),
                "status": status,
                "decided_by": f"the laws of both States Parties ({cite})",
            }
        )
    else:
        via = f" as applied to {offence.instrument}" if rule_instr != offence.instrument else ""
        for requesting in parties:
            for requested in parties:
                if requesting == requested:
                    continue
                directions.append(
                    {
                        "requesting": requesting,
                        "requested": requested,
                        "status": _combine([by_party[requested]]),
                        "decided_by": f"the requested Party's law ({requested}), {cite}{via}",
                    }
                )
    coop = rule["cooperationInstrument"]
    coop_statements = (
        statements
        if coop == offence.instrument
        else {p: party_statements(store, p, coop) for p in parties}
    )
    limits = cooperation_limits(store, parties, coop, offence_iri, coop_statements)
    return DualCriminalityReport(
        offence, facts, rule_instr, rule_prov, rule_text, results, directions, limits
    )


def report_text(report: DualCriminalityReport, markdown: bool = False) -> str:
    """A readable answer: each Party's status with what decides it, dual criminality, limits."""
    o = report.offence
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  - ")
    out = [f"{h1}Dual criminality — {o.instrument} {o.provision} ({o.title})", ""]
    out.append(
        f"Facts: {report.facts.path}"
        + (f" — {report.facts.description.strip()}" if report.facts.description.strip() else "")
    )
    out.append(
        f"Rule: {report.rule_instrument} {report.rule_provision}: \u201e{report.rule_text}\u201c"
    )
    for r in report.results:
        out += ["", f"{h2}{r.party}: {STATUS_TEXT[r.status]}"]
        out += [f"{bullet}{line}" for line in r.decisive]
        if r.applied:
            out.append(f"{bullet}options applied: " + "; ".join(r.applied))
        out += [f"{bullet}note: {n}" for n in r.notes]
    out += ["", f"{h2}Dual criminality"]
    for d in report.directions:
        if "requesting" in d:
            out.append(
                f"{bullet}request by {d['requesting']} to {d['requested']}: "
                f"{d['status'].upper()} — decided by {d['decided_by']}"
            )
        else:
            out.append(
                f"{bullet}between {d['between']}: {d['status'].upper()} — decided by "
                f"{d['decided_by']}"
            )
    out += [
        "",
        f"{h2}Cooperation measures limited by reservations between "
        f"{' and '.join(r.party for r in report.results)}",
    ]
    if not report.limits:
        out.append(f"{bullet}none recorded")
    out += [f"{bullet}{limit.describe(o)}" for limit in report.limits]
    return "\n".join(out) + "\n"
