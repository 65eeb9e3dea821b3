"""Dual criminality: fact patterns held against each Party's version of an offence.

Parties XXA-XXD are fictitious (tests/analysis/profiles/parties.csv). Expected answers come
from the texts: ETS185 Art 2 lets a Party require that access be committed by infringing
security measures (XXB declared it under Art 40); ETS185 Art 6(3) lets a Party reserve the
right not to apply Art 6(1), but not as regards the sale, distribution or otherwise making
available of the items of 6(1)(a)(ii) (XXC reserved; XXD withdrew its reservation);
ETS185 25(5) looks to the requested Party's law, UNCC 35(3) to the laws of both Parties.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from analysis.stores import PROFILES, fixture_store
from helpers import cyberkg

from cyberkg.dual_criminality import (
    MET,
    NOT_MET,
    OUTSIDE,
    UNDETERMINED,
    WITHIN,
    DualCriminalityReport,
    dual_criminality,
    load_fact_pattern,
)
from cyberkg.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
FACTS = ROOT / "examples" / "facts"


def analyse(facts_file: Path, parties: list[str]) -> DualCriminalityReport:
    store = fixture_store()
    offence, pattern = load_fact_pattern(store, facts_file)
    return dual_criminality(store, offence, pattern, parties)


def status(report: DualCriminalityReport) -> dict[str, str]:
    return {r.party: r.status for r in report.results}


def directions(report: DualCriminalityReport) -> dict[tuple[str, str], str]:
    return {(d["requesting"], d["requested"]): d["status"] for d in report.directions}


def test_conduct_criminal_in_both_parties() -> None:
    # Access by infringing a security measure satisfies XXB's added element too.
    report = analyse(FACTS / "access-security-breach.yaml", ["XXA", "XXB"])
    assert status(report) == {"XXA": WITHIN, "XXB": WITHIN}
    assert directions(report) == {("XXA", "XXB"): MET, ("XXB", "XXA"): MET}
    assert (report.rule_instrument, report.rule_provision) == ("ETS185", "25(5)")
    assert report.rule_text.startswith("Kadar lahko v skladu z določbami tega poglavja")
    assert report.rule_text.endswith("kaznivo dejanje tudi po njenem pravu.")


def test_qualifier_declared_takes_conduct_outside() -> None:
    # No security measure infringed: within XXA's offence (convention elements only), outside
    # XXB's, which requires the element it declared (ETS185 Art 2, second sentence).
    report = analyse(FACTS / "access-no-security-breach.yaml", ["XXA", "XXB"])
    assert status(report) == {"XXA": WITHIN, "XXB": OUTSIDE}
    xxb = report.results[1]
    assert len(xxb.decisive) == 1
    assert "el-2-security-measures" in xxb.decisive[0]
    assert "s kršitvijo varnostnih ukrepov" in xxb.decisive[0]
    assert "2-security-measures" in xxb.decisive[0]
    assert "XXB's declaration of 2010-01-04 under ETS185 2" in xxb.decisive[0]
    # ETS185 25(5): the requested Party's law decides
    assert directions(report) == {("XXA", "XXB"): NOT_MET, ("XXB", "XXA"): MET}


def test_uncc_qualifier_needs_both_parties() -> None:
    report = analyse(FACTS / "uncc-access-no-security-breach.yaml", ["XXA", "XXB"])
    assert status(report) == {"XXA": WITHIN, "XXB": OUTSIDE}
    assert "el-7-1-security-measures" in report.results[1].decisive[0]
    assert [(d["between"], d["status"]) for d in report.directions] == [("XXA and XXB", NOT_MET)]
    assert (report.rule_instrument, report.rule_provision) == ("UNCC", "35(3)")
    assert "prema zakonima u objema državama strankama" in report.rule_text


def test_reservation_removes_the_offence() -> None:
    report = analyse(FACTS / "possession-of-hacking-tool.yaml", ["XXA", "XXC"])
    assert status(report) == {"XXA": WITHIN, "XXC": OUTSIDE}
    (reason,) = report.results[1].decisive
    assert "the offence is not applied" in reason
    assert "6-3-misuse-of-devices" in reason and "ETS185 6(3)" in reason
    assert directions(report) == {("XXA", "XXC"): NOT_MET, ("XXC", "XXA"): MET}


def test_reservation_cannot_reach_sale_of_passwords() -> None:
    # 6(3) may not concern the sale ... of 6(1)(a)(ii) items: the model cannot tell sale from
    # production within the conduct element, so the answer is undetermined, never "outside".
    report = analyse(FACTS / "sale-of-passwords.yaml", ["XXA", "XXC"])
    assert status(report) == {"XXA": WITHIN, "XXC": UNDETERMINED}
    assert "6(1)(a)(ii)" in report.results[1].decisive[0]


def test_withdrawn_reservation_is_not_applied() -> None:
    report = analyse(FACTS / "possession-of-hacking-tool.yaml", ["XXC", "XXD"])
    assert status(report) == {"XXC": OUTSIDE, "XXD": WITHIN}
    assert any("withdrawn on 2016-05-02" in n for n in report.results[1].notes)


def test_cooperation_limits_cite_provision_and_party() -> None:
    report = analyse(FACTS / "possession-of-hacking-tool.yaml", ["XXA", "XXC"])
    limits = [(x.party, x.provision, x.key) for x in report.limits]
    assert limits == [
        ("XXC", "14(3)(a)", "14-3-a-article-20-offences"),
        ("XXC", "29(4)", "29-4-dual-criminality"),
    ]
    # 29(4) is only for offences other than those of Arts 2-11: it cannot reach 6(1)
    by_key = {x.key: x for x in report.limits}
    assert by_key["29-4-dual-criminality"].not_for_this_offence
    assert not by_key["14-3-a-article-20-offences"].not_for_this_offence
    uncc = analyse(FACTS / "uncc-access-no-security-breach.yaml", ["XXC", "XXA"])
    assert [(x.party, x.provision) for x in uncc.limits] == [("XXC", "42(5)")]


def test_unknown_fact_gives_undetermined(tmp_path: Path) -> None:
    facts = tmp_path / "partial.yaml"
    facts.write_text(
        "offence: ETS185:2\nfacts:\n  intent: true\n  without-right: true\n"
        "  access: true\n  computer-system: true\n",
        encoding="utf-8",
    )
    report = analyse(facts, ["XXA", "XXB"])
    # XXA needs nothing more; XXB's security-measures element is not stated
    assert status(report) == {"XXA": WITHIN, "XXB": UNDETERMINED}
    assert "el-2-security-measures" in report.results[1].decisive[0]
    assert directions(report)[("XXA", "XXB")] == UNDETERMINED


def test_exception_element_applies(tmp_path: Path) -> None:
    text = (FACTS / "possession-of-hacking-tool.yaml").read_text(encoding="utf-8")
    facts = tmp_path / "testing.yaml"
    facts.write_text(
        text.replace("authorised-testing: false", "authorised-testing: true"), encoding="utf-8"
    )
    report = analyse(facts, ["XXA", "XXB"])
    assert status(report) == {"XXA": OUTSIDE, "XXB": OUTSIDE}
    assert "el-6-1-authorised-testing" in report.results[0].decisive[0]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "offence: ETS185:2\nfacts:\n  intent: true\n  bogus: true\n",
            4,
            "'bogus' names no element",
        ),
        ("offence: ETS185:2\nfacts:\n  intent: maybe\n", 3, "'maybe' is not true, false"),
        ("offence: ETS185:99\nfacts:\n  intent: true\n", 1, "no offence is established"),
        ("offence: ETS185:2\nfacts:\n  intent: true\n  intent: false\n", 4, "repeats"),
        ("offence: ETS185:2\nfact:\n  intent: true\n", 2, "unknown key 'fact'"),
        ("offence: ETS185:2\nfacts: [\n", 3, "YAML syntax error"),
    ],
)
def test_bad_fact_pattern_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    facts = tmp_path / "bad.yaml"
    facts.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        analyse(facts, ["XXA", "XXB"])
    assert f"bad.yaml, line {line}" in str(info.value)
    assert message in str(info.value)


def test_cli_answers_and_refuses_bad_input(tmp_path: Path) -> None:
    ok = cyberkg(
        "dual-criminality",
        "--offence",
        "ETS185:2",
        "--facts",
        str(FACTS / "access-no-security-breach.yaml"),
        "--parties",
        "XXA,XXB",
        "--profiles",
        str(PROFILES),
        "--format",
        "json",
    )
    assert ok.returncode == 0, ok.stderr
    payload = json.loads(ok.stdout)
    assert [(p["party"], p["status"]) for p in payload["parties"]] == [
        ("XXA", WITHIN),
        ("XXB", OUTSIDE),
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text("offence: ETS185:2\nfacts:\n  intent: true\n  nope: false\n", encoding="utf-8")
    result = cyberkg("dual-criminality", "--facts", str(bad), "--parties", "XXA,XXB")
    assert result.returncode == 2
    assert f"error: {bad}, line 4: fact 'nope' names no element" in result.stderr
    assert "Traceback" not in result.stderr
    clash = cyberkg(
        "dual-criminality",
        "--offence",
        "UNCC:7(1)",
        "--facts",
        str(FACTS / "access-no-security-breach.yaml"),
        "--parties",
        "XXA,XXB",
    )
    assert clash.returncode == 2 and "is for ETS185:2, not UNCC:7(1)" in clash.stderr
