"""Every ck:wording is the seed's own words: a substring of the text of the provision it cites."""

from __future__ import annotations

import re

from rdflib import Graph, URIRef

from cyberkg.iris import CK, ELI


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _texts_under(graph: Graph, provision: URIRef) -> str:
    nodes = [provision, *graph.transitive_subjects(ELI.is_part_of, provision)]
    parts = []
    for node in nodes:
        parts += [str(t) for t in graph.objects(node, CK.text)]
        parts += [str(t) for t in graph.objects(node, CK.closingText)]
    return _norm(" ".join(parts))


def test_every_wording_occurs_in_a_cited_provision(merged: Graph) -> None:
    missing = []
    checked = 0
    for node, wording in merged.subject_objects(CK.wording):
        provisions = list(merged.objects(node, CK.provision))
        assert provisions, f"{node} has ck:wording but cites no provision"
        texts = " | ".join(_texts_under(merged, p) for p in provisions)  # type: ignore[arg-type]
        checked += 1
        if _norm(str(wording)) not in texts:
            missing.append(f"{node}: {wording!r}")
    assert checked > 300
    assert missing == []


def test_wording_language_matches_the_instrument(merged: Graph) -> None:
    wrong = []
    for node, wording in merged.subject_objects(CK.wording):
        provision = next(merged.objects(node, CK.provision))
        instrument = str(merged.value(provision, CK.instrument))
        expected = "hr" if instrument.endswith("/UNCC") else "sl"
        if wording.language != expected:  # type: ignore[union-attr]
            wrong.append(f"{node}: @{wording.language}")  # type: ignore[union-attr]
    assert wrong == []
