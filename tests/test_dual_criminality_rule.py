"""Regression: the dual-criminality rule is read from the instrument, not from code.

ETS189 has no dual-criminality rule of its own: its Art 8(2) extends ETS185 Arts 14-21 and
23-35 to the Protocol's offences, so ETS185 25(5) decides (the requested Party's law) and
the reservations limiting cooperation are those made to the Convention. The graph says so
with ck:dualCriminalityRule, ck:dualCriminalityLaw and ck:cooperationUnder on id:ETS189.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from cyberkg.dual_criminality import dual_criminality, load_fact_pattern
from cyberkg.errors import InputError
from cyberkg.graph import load_sources, store_from_graph

FACTS = """offence: ETS189:3(1)
description: Racist material distributed to the public through a computer system.
facts:
  distributing: true
  intent: true
  without-right: true
"""
RULE = URIRef("https://w3id.org/cyberkg/ontology#dualCriminalityRule")


def _report(tmp_path: Path, drop_rule: bool = False):  # type: ignore[no-untyped-def]
    graph = load_sources()
    if drop_rule:
        graph.remove((None, RULE, None))
    store = store_from_graph(graph)
    facts = tmp_path / "racist-material.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    offence, pattern = load_fact_pattern(store, facts)
    return dual_criminality(store, offence, pattern, ["XXA", "XXB"])


def test_ets189_offences_follow_ets185_25_5(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert (report.rule_instrument, report.rule_provision) == ("ETS185", "25(5)")
    assert report.rule_text.startswith("Kadar lahko v skladu z določbami tega poglavja")
    assert [(d["requesting"], d["requested"]) for d in report.directions] == [
        ("XXA", "XXB"),
        ("XXB", "XXA"),
    ]
    assert all(
        d["decided_by"].endswith("ETS185 25(5) as applied to ETS189") for d in report.directions
    )


def test_without_the_rule_in_the_graph_the_check_refuses_to_guess(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="states no dual criminality rule for ETS189"):
        _report(tmp_path, drop_rule=True)
