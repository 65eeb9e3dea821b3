"""National implementation profiles: statements table <-> RDF, and the Turtle template."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, XSD, Graph, Literal, URIRef

from .errors import InputError, Location
from .iris import (
    CK,
    ID,
    INSTRUMENTS,
    instrument_iri,
    is_canonical_provision,
    party_iri,
    profile_iri,
    provision_from_iri,
    provision_iri,
)
from .queries import get_query, run
from .serialize import bind_prefixes
from .statements import StatementRow

ACT_CLASSES: dict[str, URIRef] = {
    "signature": CK.Signature,
    "ratification": CK.Ratification,
    "acceptance": CK.Acceptance,
    "approval": CK.Approval,
    "accession": CK.Accession,
    "reservation": CK.Reservation,
    "declaration": CK.Declaration,
    "option": CK.ImplementationChoice,
    "notification": CK.Notification,
    "withdrawal": CK.Withdrawal,
    "denunciation": CK.Denunciation,
}
ACT_KEYS = {cls: key for key, cls in ACT_CLASSES.items()}
_KEY = re.compile(r"^[0-9]+(-[a-z0-9]+)+$")


@dataclass(frozen=True)
class OptionInfo:
    """What the importer needs to know of an option."""

    iri: str
    key: str
    provision: str
    kind: str
    exercised_by: str
    value_type: str


class OptionCatalogue:
    """The options of the three instruments, looked up by key and by provision."""

    def __init__(self, store: ox.Store) -> None:
        _, rows = run(store, get_query("option_catalogue"))
        self.by_key: dict[tuple[str, str], OptionInfo] = {}
        self.by_provision: dict[tuple[str, str], list[OptionInfo]] = defaultdict(list)
        for r in rows:
            info = OptionInfo(r["option"], r["key"], r["provision"], r["kind"],
                              r["exercisedBy"], r["valueType"])  # fmt: skip
            self.by_key[(r["instrument"], r["key"])] = info
            self.by_provision[(r["instrument"], r["provision"])].append(info)

    def at(self, instrument: str, provision: str, act: str) -> list[OptionInfo]:
        """The options granted at a provision and exercised by this kind of act.

        Qualifiers are left out: they are chosen by key in the statement's value.
        """
        # A communication the text requires is often filed as a "declaration": either act
        # exercises a notification or declaration option.
        classes = {str(ACT_CLASSES[act])}
        if act in ("declaration", "notification"):
            classes = {str(CK.Declaration), str(CK.Notification)}
        found = [
            o
            for o in self.by_provision.get((instrument, provision), [])
            if o.exercised_by in classes and o.kind != "qualifier"
        ]
        # Where the provision grants both (UNCC 64(3): the competence declaration and the
        # notification of its changes), the act named in the row decides.
        exact = [o for o in found if o.exercised_by == str(ACT_CLASSES[act])]
        return exact or found

    def choose(self, instrument: str, provision: str, act: str, value: str) -> list[OptionInfo]:
        """The options a statement exercises: those at its provision for its act.

        Where the provision grants several (ETS189 12(2)), the value must name the one meant
        by its key; if it names none, none is exercised (a shape then asks for the key).
        """
        options = self.at(instrument, provision, act)
        named = {t.strip() for t in value.split(";")}
        chosen = [o for o in options if o.key in named]
        if chosen:
            return chosen
        return options if len(options) <= 1 else []


def statement_iri(row: StatementRow, seen: dict[str, int]) -> URIRef:
    """Deterministic statement IRI; repeats of the same act on the same day get -2, -3…"""
    provision = "-".join(re.findall(r"[0-9a-z]+", row.provision)) or "none"
    base = f"{ID}profile/{row.party}/{row.instrument}/{row.act}/{provision}/{row.date}"
    seen[base] = seen.get(base, 0) + 1
    return URIRef(base if seen[base] == 1 else f"{base}-{seen[base]}")


def _scope_provision(token: str, instrument: str) -> URIRef | None:
    """A scope token as a provision: '22(1)(b)' in the row's instrument, or qualified with
    another instrument, 'ETS185:22(1)(b)' (ETS189 12(2) reserves under ETS185 Art 22(2))."""
    other, sep, provision = token.partition(":")
    if sep and other in INSTRUMENTS and is_canonical_provision(provision):
        return provision_iri(other, provision)
    return provision_iri(instrument, token) if is_canonical_provision(token) else None


def _interpret_value(graph: Graph, node: URIRef, row: StatementRow, options: list[OptionInfo],
                     catalogue: OptionCatalogue, source: str | None) -> None:  # fmt: skip
    """Read the value cell into terms.

    Where the provision grants options and none of them takes free text, a token that is not
    an option key, an age or a provision is refused: kept only as text, it would pass through
    validation unseen. Where no option is known at the provision (an interpretative
    declaration, a withdrawal, a provision that does not exist), the cell is free text.
    """
    tokens = [t.strip() for t in row.value.split(";") if t.strip()]
    value_types = {o.value_type for o in options}
    if not options:
        value_types.add("text")
    for token in tokens:
        if _KEY.match(token):
            info = catalogue.by_key.get((row.instrument, token))
            if info is None:
                graph.add((node, CK.unresolvedKey, Literal(token)))
            else:
                graph.add((node, CK.exercisesOption, URIRef(info.iri)))
        elif "age" in value_types and re.fullmatch(r"-?[0-9]+", token):
            graph.add((node, CK.ageValue, Literal(int(token))))
        elif "text" in value_types:
            continue
        elif (scope := _scope_provision(token, row.instrument)) is not None:
            graph.add((node, CK.scope, scope))
        else:
            raise InputError(
                f"value {token!r} is not an option key, an age or a provision (canonical form, "
                "e.g. 9(3), or qualified with another instrument, e.g. ETS185:22(1)(b)); "
                "separate several with ';'",
                Location(source or "statements", row=row.row, field="value"),
            )
    if row.value and "text" in value_types:
        graph.add((node, CK.textValue, Literal(row.value)))


def rows_to_graph(rows: list[StatementRow], catalogue: OptionCatalogue,
                  source: str | None = None, into: Graph | None = None) -> Graph:  # fmt: skip
    """One graph holding the profiles of every party in the rows (added to into, if given).

    Every cell is kept (ck:provisionNotation, ck:valueLiteral, ck:note), so that the table can
    be written back unchanged; the value is also interpreted (options exercised, an age, a
    scope) for validation. Adding to a given graph spares copying: merging a copy was a third
    of the validation time for 1000 Parties.
    """
    graph = into if into is not None else bind_prefixes(Graph())
    seen: dict[str, int] = {}
    for row in rows:
        profile = profile_iri(row.party)
        graph.add((profile, RDF.type, CK.Profile))
        graph.add((profile, CK.party, party_iri(row.party)))
        node = statement_iri(row, seen)
        graph.add((profile, CK.statement, node))
        graph.add((node, RDF.type, ACT_CLASSES[row.act]))
        graph.add((node, CK.party, party_iri(row.party)))
        graph.add((node, CK.instrument, instrument_iri(row.instrument)))
        graph.add((node, CK.date, Literal(row.date, datatype=XSD.date)))
        if source is not None:
            graph.add((node, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"),
                       Literal(f"{source}, row {row.row}")))  # fmt: skip
        if row.note:
            graph.add((node, CK.note, Literal(row.note)))
        if row.value:
            graph.add((node, CK.valueLiteral, Literal(row.value)))
        if not row.provision:
            continue
        graph.add((node, CK.provisionNotation, Literal(row.provision)))
        graph.add((node, CK.provision, provision_iri(row.instrument, row.provision)))
        # No option is exercised by a withdrawal (it ends one), so none is found for it.
        options = catalogue.choose(row.instrument, row.provision, row.act, row.value)
        for info in options:
            graph.add((node, CK.exercisesOption, URIRef(info.iri)))
        _interpret_value(graph, node, row, options, catalogue, source)
    return graph


def _code(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def graph_to_rows(graph: Graph, catalogue: OptionCatalogue) -> list[StatementRow]:
    """Every statement in the graph as a table row (CSV-imported or written in Turtle).

    The catalogue tells which options the importer infers from the provision and the act, so
    that only the keys it could not infer (qualifiers, a choice among several) are written.
    """
    rows = []
    for node, cls in graph.subject_objects(RDF.type):
        act = ACT_KEYS.get(cls)  # type: ignore[arg-type]
        if act is None:
            continue
        party = graph.value(node, CK.party)
        instrument = graph.value(node, CK.instrument)
        date = graph.value(node, CK.date)
        provision = graph.value(node, CK.provisionNotation)
        if provision is None and (p := graph.value(node, CK.provision)) is not None:
            provision = provision_from_iri(str(p))[1]
        value = graph.value(node, CK.valueLiteral)
        if value is None:
            inferred = (
                {o.iri for o in catalogue.choose(_code(str(instrument)), str(provision), act, "")}
                if instrument and provision
                else set()
            )
            value = _value_from_terms(graph, node, inferred)
        rows.append(
            StatementRow(
                party=_code(str(party)) if party else "",
                instrument=_code(str(instrument)) if instrument else "",
                act=act,
                provision=str(provision or ""),
                date=str(date or ""),
                value=str(value),
                note=str(graph.value(node, CK.note) or ""),
            )
        )
    return sorted(rows)


def _scope_token(provision: str, own_instrument: str) -> str:
    """A scope provision in the table's notation, qualified when of another instrument."""
    instrument, canonical = provision_from_iri(provision)
    return canonical if own_instrument == ID + instrument else f"{instrument}:{canonical}"


def _value_from_terms(graph: Graph, node: URIRef, inferred: set[str]) -> str:
    """The value of a statement written in Turtle, in the table's notation; the options in
    inferred are those the importer infers from the provision and act, so need no key."""
    age = graph.value(node, CK.ageValue)
    if age is not None:
        return str(age)
    # An option is written by its key (the last segment of its IRI after "opt-",
    # docs/iri-scheme.md). Beside free text no key is written: the whole cell is read back as
    # the text.
    text = graph.value(node, CK.textValue)
    keys = sorted(str(o).rsplit("/", 1)[-1].removeprefix("opt-")
                  for o in graph.objects(node, CK.exercisesOption)
                  if text is None and str(o) not in inferred)  # fmt: skip
    own = graph.value(node, CK.instrument)
    scope = sorted(_scope_token(str(p), str(own)) for p in graph.objects(node, CK.scope))
    parts = keys + scope + ([str(text)] if text is not None else [])
    return ";".join(parts)


def write_profiles(graph: Graph, out: Path) -> list[Path]:
    """Write one Turtle file per party (out/<CODE>.ttl); return the files written."""
    from .serialize import canonical_turtle

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for profile in sorted(set(graph.subjects(RDF.type, CK.Profile))):
        party_graph = bind_prefixes(Graph())
        party_graph += graph.triples((profile, None, None))
        for statement in graph.objects(profile, CK.statement):
            party_graph += graph.triples((statement, None, None))
        path = out / f"{_code(str(profile))}.ttl"
        header = (f"# National implementation profile of {_code(str(profile))}, "
                  "written by `cyberkg import`.\n")  # fmt: skip
        path.write_text(header + canonical_turtle(party_graph), encoding="utf-8")
        written.append(path)
    return written
