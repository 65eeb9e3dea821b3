"""Regression: a reservation the text allows only in part decides nothing by itself.

ETS185 Art 10(3) lets a Party reserve the right not to impose criminal liability under
Art 10(1) and (2) "v omejenih okoliščinah" (in limited circumstances): never for the offence as
a whole. The graph says so with ck:inPartOnly on the option, and the dual-criminality check
reads it from there (it used to be a constant in the code): conduct within the convention's
offence is then undetermined for the reserving Party, not outside its offence. Without the
flag, the same reservation would take the whole offence out, which the control case shows.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from cyberkg.dual_criminality import (
    OUTSIDE,
    UNDETERMINED,
    WITHIN,
    dual_criminality,
    load_fact_pattern,
)
from cyberkg.graph import load_sources, store_from_graph
from cyberkg.profile_validation import add_profiles

PROFILE = """party,instrument,act,provision,date,value,note
XXA,ETS185,ratification,,2010-01-04,,fictitious Party: no reservation
XXE,ETS185,ratification,,2010-01-04,,fictitious Party
XXE,ETS185,reservation,10(3),2010-01-04,10(1),fictitious: limited circumstances
"""
FACTS = """offence: ETS185:10(1)
description: Wilful infringement of copyright on a commercial scale by means of a computer system.
facts:
  infringement: true
  copyright: true
  moral-rights: false
  wilfully: true
  commercial: true
  computer-system: true
"""
IN_PART_ONLY = URIRef("https://w3id.org/cyberkg/ontology#inPartOnly")


def _answer(tmp_path: Path, drop_flag: bool) -> dict[str, tuple[str, str]]:
    graph = load_sources()
    if drop_flag:
        graph.remove((None, IN_PART_ONLY, None))
    store = store_from_graph(graph)
    table = tmp_path / "parties.csv"
    table.write_text(PROFILE, encoding="utf-8")
    add_profiles(store, [table])
    facts = tmp_path / "copyright.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    offence, pattern = load_fact_pattern(store, facts)
    report = dual_criminality(store, offence, pattern, ["XXA", "XXE"])
    return {r.party: (r.status, " ".join(r.decisive)) for r in report.results}


def test_in_part_only_reservation_leaves_the_answer_undetermined(tmp_path: Path) -> None:
    answer = _answer(tmp_path, drop_flag=False)
    assert answer["XXA"][0] == WITHIN
    assert answer["XXE"][0] == UNDETERMINED
    assert "only in part" in answer["XXE"][1]
    assert "10-3-limited-circumstances" in answer["XXE"][1]


def test_without_the_flag_the_reservation_would_remove_the_offence(tmp_path: Path) -> None:
    answer = _answer(tmp_path, drop_flag=True)
    assert answer["XXA"][0] == WITHIN
    assert answer["XXE"][0] == OUTSIDE
