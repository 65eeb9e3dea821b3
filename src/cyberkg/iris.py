"""The one IRI scheme of cyberkg (documented in docs/iri-scheme.md).

Every IRI for an instrument, provision, option, party, profile or statement is built here.
"""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef

CK = Namespace("https://w3id.org/cyberkg/ontology#")
ID = "https://w3id.org/cyberkg/id/"
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PARTY = Namespace(ID + "party/")
ORG = Namespace(ID + "org/")
PROFILE = Namespace(ID + "profile/")
ALIGNMENT = Namespace(ID + "alignment/")

INSTRUMENTS: tuple[str, ...] = ("ETS185", "ETS189", "UNCC")

# Article number, then any number of parenthesised lower levels: 2, 9(3), 11(1)(a)(ii).
_CANONICAL = re.compile(r"^(?P<article>[1-9][0-9]*)(?P<rest>(?:\([0-9]+\)|\([a-z]{1,4}\))*)$")
_LEVEL = re.compile(r"\(([0-9a-z]+)\)")
_PARTY_CODE = re.compile(r"^(?:[A-Z]{3}|EU)$")


def instrument_iri(instrument: str) -> URIRef:
    """The IRI of an instrument (ETS185, ETS189 or UNCC)."""
    if instrument not in INSTRUMENTS:
        raise ValueError(f"unknown instrument {instrument!r}: use one of {', '.join(INSTRUMENTS)}")
    return URIRef(ID + instrument)


def instrument_namespace(instrument: str) -> Namespace:
    """The namespace of everything inside an instrument."""
    return Namespace(str(instrument_iri(instrument)) + "/")


def is_canonical_provision(text: str) -> bool:
    """True if text is a provision in canonical form (9(3), 27(9)(e), 11(1)(a)(ii))."""
    return _CANONICAL.match(text) is not None


def provision_parts(canonical: str) -> list[str]:
    """Split a canonical provision into its levels: 11(1)(a)(ii) -> ['11', '1', 'a', 'ii']."""
    match = _CANONICAL.match(canonical)
    if match is None:
        raise ValueError(
            f"{canonical!r} is not a provision in canonical form "
            "(article number, then each lower level in parentheses, e.g. 9(3) or 6(1)(b))"
        )
    return [match.group("article"), *_LEVEL.findall(match.group("rest"))]


def provision_iri(instrument: str, canonical: str) -> URIRef:
    """The IRI of a provision: ETS185 9(3) -> .../id/ETS185/art9-3."""
    return URIRef(instrument_namespace(instrument) + "art" + "-".join(provision_parts(canonical)))


def provision_from_iri(iri: str) -> tuple[str, str]:
    """Inverse of provision_iri: returns (instrument, canonical form)."""
    if not iri.startswith(ID):
        raise ValueError(f"{iri} is not a cyberkg IRI")
    instrument, _, local = iri[len(ID) :].partition("/")
    if instrument not in INSTRUMENTS or not local.startswith("art"):
        raise ValueError(f"{iri} is not a provision IRI")
    article, *levels = local[3:].split("-")
    return instrument, article + "".join(f"({level})" for level in levels)


def is_party_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code or EU."""
    return _PARTY_CODE.match(code) is not None


def party_iri(code: str) -> URIRef:
    """The IRI of a Party by its code (DEU, EU)."""
    if not is_party_code(code):
        raise ValueError(f"{code!r} is not a party code (ISO 3166-1 alpha-3, or EU)")
    return PARTY[code]


def profile_iri(code: str) -> URIRef:
    """The IRI of a Party's implementation profile."""
    return PROFILE[code]
