"""The networkx projection and its GraphML export."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from analysis.stores import PROFILES, fixture_store
from helpers import cyberkg

from cyberkg.graphview import knowledge_graph, offence_graph

ETS185 = "https://w3id.org/cyberkg/id/ETS185/"
PARTY = "https://w3id.org/cyberkg/id/party/"


@pytest.fixture(scope="module")
def projection() -> nx.DiGraph:
    return knowledge_graph(fixture_store())


def test_offence_element_option_provision(projection: nx.DiGraph) -> None:
    offence = ETS185 + "offence-2"
    assert projection.nodes[offence]["kind"] == "offence"
    assert projection.nodes[offence]["label"] == "Illegal access"
    assert projection.nodes[offence]["provision"] == "2"
    elements = {
        v for v in projection.successors(offence) if projection.nodes[v]["kind"] == "element"
    }
    # ETS185 Art 2: intentional access, without right, to a computer system
    assert elements == {
        ETS185 + f"el-2-{s}" for s in ("intent", "without-right", "access", "computer-system")
    }
    # the security-measures element hangs from the option that adds it
    option = ETS185 + "opt-2-security-measures"
    edge = projection.edges[ETS185 + "el-2-security-measures", option]
    assert (edge["relation"], edge["effect"]) == ("changedBy", "addsElement")
    assert projection.edges[offence, option]["relation"] == "hasOption"
    assert projection.edges[option, ETS185 + "art2"]["relation"] == "provision"
    assert projection.nodes[ETS185 + "art2"]["kind"] == "provision"


def test_party_statement_option(projection: nx.DiGraph) -> None:
    xxb = PARTY + "XXB"
    assert projection.nodes[xxb]["kind"] == "party"
    statements = list(projection.successors(xxb))
    exercised = {
        o
        for s in statements
        for o in projection.successors(s)
        if projection.nodes[o]["kind"] == "option"
    }
    assert exercised == {
        ETS185 + "opt-2-security-measures",
        "https://w3id.org/cyberkg/id/UNCC/opt-7-2-security-measures",
    }


def test_offence_subgraph(projection: nx.DiGraph) -> None:
    sub = offence_graph(projection, ETS185 + "offence-6-1")
    kinds = {sub.nodes[n]["kind"] for n in sub}
    assert kinds == {"offence", "element", "option", "provision", "statement", "party"}
    parties = sorted(n.rsplit("/", 1)[-1] for n in sub if sub.nodes[n]["kind"] == "party")
    assert parties == ["XXC", "XXD"]  # the two Parties that reserved under 6(3)
    assert ETS185 + "offence-2" not in sub
    with pytest.raises(KeyError):
        offence_graph(projection, ETS185 + "el-2-intent")


def test_export_graphml(tmp_path: Path) -> None:
    out = tmp_path / "kg.graphml"
    result = cyberkg(
        "export", "graphml", "--out", str(out), "--offence", "ETS185:2", "--profiles", str(PROFILES)
    )
    assert result.returncode == 0, result.stderr
    graph = nx.read_graphml(out)
    assert graph.nodes[ETS185 + "offence-2"]["kind"] == "offence"
    assert graph.nodes[PARTY + "XXB"]["kind"] == "party"
    again = tmp_path / "again.graphml"
    cyberkg(
        "export",
        "graphml",
        "--out",
        str(again),
        "--offence",
        "ETS185:2",
        "--profiles",
        str(PROFILES),
    )
    assert out.read_bytes() == again.read_bytes()
