"""The named query library: each query's answer, checked against what the treaty texts say.

The expected values come from the seed texts (ETS185/ETS189 in Slovenian, the UNCC in
Croatian) and, for Parties, from the synthetic profiles in tests/queries/profiles.csv with the
final-clause formulae applied by hand.
"""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from queries import kg_support

from cyberkg.bound_dates import after_months, compute
from cyberkg.queries import get_query, library, run


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return kg_support.store()


def ask(store: ox.Store, name: str, **params: str) -> list[dict[str, str]]:
    return run(store, get_query(name), params)[1]


# Art 42 of ETS185: "drugi odstavek 4. člena, tretji odstavek 6. člena, četrti odstavek
# 9. člena, tretji odstavek 10. člena, tretji odstavek 11. člena, tretji odstavek 14. člena,
# drugi odstavek 22. člena, četrti odstavek 29. člena in prvi odstavek 41. člena"; 14(3) has
# two points, (a) and (b).
ART42 = {"4(2)", "6(3)", "9(4)", "10(3)", "11(3)", "14(3)(a)", "14(3)(b)", "22(2)", "29(4)",
         "41(1)"}  # fmt: skip
# Art 40 of ETS185: the additional elements of Arts 2, 3, 6(1)(b), 7, 9(3) and 27(9)(e).
ART40 = {"2", "3", "6(1)(b)", "7", "9(3)", "27(9)(e)"}
ETS185_OFFENCES = ["2", "3", "4(1)", "5", "6(1)", "7", "8", "9(1)", "10(1)", "10(2)", "11(1)",
                   "11(2)"]  # fmt: skip


def test_library_has_at_least_twenty_documented_queries() -> None:
    queries = library()
    assert len(queries) >= 20
    for q in queries.values():
        assert q.title and q.question.endswith("?"), q.name


def test_offences(store: ox.Store) -> None:
    rows = ask(store, "offences", instrument="ETS185")
    assert [r["provision"] for r in rows] == ETS185_OFFENCES


def test_counts(store: ox.Store) -> None:
    by = {r["instrument"]: r for r in ask(store, "counts")}
    # ETS185 Arts 2-11 (12 offences); ETS189 Arts 3-7 (5); UNCC Arts 7-17 and 19(1)-(3) (14)
    assert (by["ETS185"]["offences"], by["ETS189"]["offences"], by["UNCC"]["offences"]) == (
        "12", "5", "14")  # fmt: skip


def test_options_reservations_are_the_art42_list(store: ox.Store) -> None:
    rows = ask(store, "options", instrument="ETS185", kind="reservation")
    assert {r["provision"] for r in rows} == ART42


def test_option_catalogue_art2_qualifiers_are_declared(store: ox.Store) -> None:
    rows = [r for r in ask(store, "option_catalogue", instrument="ETS185") if r["provision"] == "2"]
    assert {r["key"] for r in rows} == {"2-security-measures", "2-dishonest-intent",
                                        "2-connected-system"}  # fmt: skip
    assert {r["exercisedBy"].rsplit("#", 1)[1] for r in rows} == {"Declaration"}


def test_option_details_lower_age(store: ox.Store) -> None:
    row = next(r for r in ask(store, "option_details", instrument="ETS185")
               if r["key"] == "9-3-lower-age")  # fmt: skip
    assert (row["kind"], row["provision"]) == ("declaration", "9(3)")
    assert "ne more biti manj kot 16 let" in row["text"]  # seed, ETS185 9(3)


def test_statement_index_of_one_party(store: ox.Store) -> None:
    rows = ask(store, "statement_index", party="DEU")
    assert {r["party"] for r in rows} == {"DEU"}
    assert len(rows) == 9  # the nine DEU rows of tests/queries/profiles.csv


def test_offence_elements_of_illegal_access(store: ox.Store) -> None:
    rows = [r for r in ask(store, "offence_elements", instrument="ETS185") if r["provision"] == "2"]
    # Art 2: "naklepnega in neupravičenega vstopa v računalniški sistem ali njegov del"
    assert sorted((r["kind"], r["wording"]) for r in rows) == [
        ("conduct element", "vstopa"),
        ("intent", "naklepnega"),
        ("object element", "v računalniški sistem ali njegov del"),
        ("without right", "neupravičenega"),
    ]
    assert ask(store, "offence_elements", instrument="ETS185")[0]["provision"] == "2"


def test_offence_options_of_art2_are_the_three_qualifiers(store: ox.Store) -> None:
    rows = ask(store, "offence_options", instrument="ETS185", offence="2")
    # Art 2, second sentence: security measures, intent of obtaining data or other dishonest
    # intent, a computer system connected to another computer system.
    assert sorted(r["key"] for r in rows) == ["2-connected-system", "2-dishonest-intent",
                                              "2-security-measures"]  # fmt: skip
    assert {r["kind"] for r in rows} == {"qualifier"}
    assert all(r["effect"].startswith("adds: ") for r in rows)


def test_offence_options_of_misuse_of_devices_include_the_art6_3_reservation(
    store: ox.Store,
) -> None:
    rows = ask(store, "offence_options", instrument="ETS185", offence="6(1)")
    expected = {("6-3-misuse-of-devices", "reservation"), ("6-1-b-number-of-items", "qualifier")}
    assert {(r["key"], r["kind"]) for r in rows} >= expected


def test_reservations_and_declarations_permitted_by_ets185(store: ox.Store) -> None:
    rows = ask(store, "reservations_declarations", instrument="ETS185")
    reservations = {r["provision"] for r in rows if r["act"] == "reservation"}
    assert reservations == ART42
    assert {r["madeUnder"] for r in rows if r["act"] == "reservation"} == {"42"}
    under40 = {r["provision"] for r in rows if r["act"] == "declaration" and r["madeUnder"] == "40"}
    assert under40 == ART40


def test_offence_counterparts(store: ox.Store) -> None:
    rows = {r["provision"]: r for r in ask(store, "offence_counterparts", instrument="ETS185")}
    assert list(rows) == ETS185_OFFENCES
    assert (rows["2"]["status"], rows["2"]["targetProvision"]) == ("counterpart", "7(1)")
    assert rows["10(1)"]["status"] == "none"  # no copyright offence in UNCC Arts 7-19


def test_element_comparison_of_illegal_access(store: ox.Store) -> None:
    rows = ask(store, "element_comparison", instrument="ETS185", offence="2")
    assert {r["targetOffence"] for r in rows} == {"UNCC 7(1)"}
    # "neupravičenega" / "bespravni": without right on both sides
    assert ("without right", "same", "without right") in {
        (r["sourceElement"], r["relation"], r["targetElement"]) for r in rows
    }


def test_parties_that_made_the_art6_3_reservation(store: ox.Store) -> None:
    rows = ask(store, "option_exercised_by", instrument="ETS185", key="6-3-misuse-of-devices")
    # Art 43(1): a withdrawal takes effect on receipt; DEU withdrew on 2015-02-01.
    assert [(r["party"], r["date"], r["status"], r["endedOn"]) for r in rows] == [
        ("DEU", "2009-03-09", "withdrawn", "2015-02-01"),
        ("HUN", "2003-12-04", "stands", ""),
    ]


def test_a_denunciation_ends_a_declaration(store: ox.Store) -> None:
    rows = ask(store, "option_exercised_by", instrument="ETS185", key="2-dishonest-intent")
    assert [(r["party"], r["status"], r["endedOn"]) for r in rows] == [
        ("USA", "denounced", "2020-05-05")]  # fmt: skip


def test_party_record(store: ox.Store) -> None:
    rows = ask(store, "party_record", party="DEU")
    assert len(rows) == 9
    assert (rows[0]["instrument"], rows[0]["date"], rows[0]["act"]) == ("ETS185", "2001-11-23",
                                                                        "signature")  # fmt: skip
    reservation = next(r for r in rows if r["act"] == "reservation")
    assert (reservation["provision"], reservation["options"]) == ("6(3)", "6-3-misuse-of-devices")


def test_party_differences_on_art2(store: ox.Store) -> None:
    rows = ask(store, "party_differences", instrument="ETS185", provision="2")
    exercised = {(r["key"], r["party"]) for r in rows if r["choice"] == "exercised"}
    assert exercised == {("2-security-measures", "DEU"), ("2-security-measures", "USA"),
                         ("2-dishonest-intent", "USA")}  # fmt: skip
    # nobody asked for the connected-system element, so the Parties do not differ on it
    assert "2-connected-system" not in {r["key"] for r in rows}
    # nine Parties consented to ETS185 in the fixture: each appears once per differing option
    assert len(rows) == 2 * 9


def test_notifications_owed(store: ox.Store) -> None:
    rows = [r for r in ask(store, "notifications_owed", instrument="ETS185") if r["party"] == "DEU"]
    # ETS185 24(7)(a) and 27(2)(c): "shall communicate"; 35(1): "shall designate"
    assert [(r["provision"], r["status"]) for r in rows] == [
        ("24(7)(a)", "made"), ("27(2)(c)", "made"), ("35(1)", "outstanding")]  # fmt: skip


def test_bound_dates_from_the_final_clauses(store: ox.Store) -> None:
    rows = {(r["instrument"], r["party"]): r for r in ask(store, "bound_dates")}
    # 36(3): five consents, at least three by CoE members (ALB, HRV, EST, HUN, LTU), the fifth on
    # 2004-03-18: the first day of the month following three months after it.
    for code in ("ALB", "HRV", "EST", "HUN", "LTU"):
        assert (rows["ETS185", code]["bound"], rows["ETS185", code]["basis"]) == (
            "2004-07-01", "ETS185 36(3)")  # fmt: skip
    # 36(4): later signatories; 37(2): accession
    assert rows["ETS185", "USA"]["bound"] == "2007-01-01"  # deposit 2006-09-29
    assert rows["ETS185", "DEU"]["bound"] == "2009-07-01"  # deposit 2009-03-09
    assert rows["ETS185", "JPN"]["bound"] == "2012-11-01"  # acceptance 2012-07-03
    assert (rows["ETS185", "CHL"]["bound"], rows["ETS185", "CHL"]["basis"]) == (
        "2017-08-01", "ETS185 37(2)")  # fmt: skip
    # ETS189 10(1): five consents needed, two recorded
    assert rows["ETS189", "DEU"]["bound"] == ""
    assert rows["ETS189", "DEU"]["status"] == "not in force: 2 of 5 consents recorded"
    assert ("UNCC", "EU") not in rows  # a signature is not a consent to be bound


def _uncc_row(party: str, date: str, reio: bool = False) -> dict[str, str]:
    return {"instrument": "UNCC", "party": party, "act": "ratification", "deposited": date,
            "coeMember": "false", "reio": "true" if reio else "false",
            "generalProvision": "65(1)", "consentsRequired": "40", "memberConsentsRequired": "0",
            "generalMonths": "", "generalDays": "90", "laterProvision": "65(2)",
            "laterMonths": "", "laterDays": "30"}  # fmt: skip


def test_uncc_65_counts_forty_states_not_the_organisation() -> None:
    start = dt.date(2026, 1, 1)
    rows = [_uncc_row(f"S{i:02d}", (start + dt.timedelta(days=i)).isoformat()) for i in range(39)]
    rows.append(_uncc_row("EU", "2026-02-01", reio=True))  # not counted (65(1))
    rows.append(_uncc_row("S39", "2026-03-01"))  # the fortieth: 2026-03-01 + 90 days
    rows.append(_uncc_row("S40", "2026-04-01"))  # later: +30 days is before 65(1) → 65(1)
    rows.append(_uncc_row("S41", "2026-06-01"))  # later: +30 days → 2026-07-01
    out = {r["party"]: r["bound"] for r in compute([], rows)[1]}
    assert out["S00"] == out["S39"] == out["EU"] == "2026-05-30"
    assert out["S40"] == "2026-05-30"  # "whichever is later"
    assert out["S41"] == "2026-07-01"


def test_ets185_36_3_needs_three_council_of_europe_members() -> None:
    base = {"instrument": "ETS185", "act": "ratification", "reio": "false",
            "generalProvision": "36(3)", "consentsRequired": "5", "memberConsentsRequired": "3",
            "generalMonths": "3", "generalDays": "", "laterProvision": "36(4)",
            "laterMonths": "3", "laterDays": ""}  # fmt: skip
    dates = ["2002-01-10", "2002-02-10", "2002-03-10", "2002-04-10", "2002-05-10", "2002-06-10"]
    members = ["false", "false", "false", "true", "true", "true"]
    rows = [base | {"party": f"P{i}", "deposited": d, "coeMember": m}
            for i, (d, m) in enumerate(zip(dates, members, strict=True))]  # fmt: skip
    out = {r["party"]: r["bound"] for r in compute([], rows)[1]}
    # five consents by 2002-05-10 but only two members: in force after the sixth (2002-06-10)
    assert set(out.values()) == {"2002-10-01"}


def test_first_day_of_the_month_after_three_months() -> None:
    assert after_months(dt.date(2004, 3, 18), 3) == dt.date(2004, 7, 1)
    assert after_months(dt.date(2006, 9, 29), 3) == dt.date(2007, 1, 1)
    assert after_months(dt.date(2006, 10, 31), 3) == dt.date(2007, 2, 1)


def test_treaty_acts(store: ox.Store) -> None:
    rows = ask(store, "treaty_acts", instrument="ETS185")
    signed = [r["party"] for r in rows if r["act"] == "signature"]
    assert signed == ["CAN", "DEU", "JPN", "USA"]
    assert [r["party"] for r in rows if r["act"] != "signature"] == [
        "ALB", "HRV", "EST", "HUN", "LTU", "USA", "DEU", "JPN", "CHL"]  # fmt: skip


def test_signed_not_bound(store: ox.Store) -> None:
    rows = ask(store, "signed_not_bound")
    assert [(r["instrument"], r["party"]) for r in rows] == [("ETS185", "CAN"), ("UNCC", "EU")]


def test_parties_by_organisation(store: ox.Store) -> None:
    coe = ask(store, "parties", organisation="CoE")
    # 46 member States of the Council of Europe; the Russian Federation left in 2022
    assert len(coe) == 46
    assert "RUS" not in {r["party"] for r in coe} and "SVN" in {r["party"] for r in coe}
    assert len(ask(store, "parties", organisation="EU")) == 27
    everyone = {r["party"]: r for r in ask(store, "parties")}
    assert everyone["EU"]["kind"] == "regional economic integration organisation"


def test_text_search_in_slovenian_and_croatian(store: ox.Store) -> None:
    rows = ask(store, "text_search", text="neupravičenega vstopa")
    assert [(r["instrument"], r["provision"], r["lang"]) for r in rows] == [("ETS185", "2", "sl")]
    rows = ask(store, "text_search", text="BESPRAVNO PRESRETANJE", lang="hr")
    assert ("UNCC", "8(1)", "hr") in {(r["instrument"], r["provision"], r["lang"]) for r in rows}
    assert ask(store, "text_search", text="bespravno presretanje", lang="sl") == []
    titles = ask(store, "text_search", text="Illegal access", lang="en")
    assert {(r["instrument"], r["provision"], r["field"]) for r in titles} >= {
        ("ETS185", "2", "title"), ("UNCC", "7", "title")}  # fmt: skip


def test_provision_text_of_art9(store: ox.Store) -> None:
    rows = ask(store, "provision_text", instrument="ETS185", provision="9")
    assert [r["part"] for r in rows] == [
        "9", "9(1)", "9(1)(a)", "9(1)(b)", "9(1)(c)", "9(1)(d)", "9(1)(e)", "9(2)", "9(2)(a)",
        "9(2)(b)", "9(2)(c)", "9(3)", "9(4)"]  # fmt: skip
    assert {r["lang"] for r in rows if r["text"]} == {"sl"}


def test_final_clause_rules(store: ox.Store) -> None:
    ets = {r["provision"]: r for r in ask(store, "final_clause_rules", instrument="ETS185")}
    assert (ets["36(3)"]["consentsRequired"], ets["36(3)"]["delayMonths"]) == ("5", "3")
    uncc = {r["provision"]: r for r in ask(store, "final_clause_rules", instrument="UNCC")}
    # 65(1): "devedesetog dana od datuma polaganja četrdesete isprave"; 65(2): "tridesetoga dana"
    assert (uncc["65(1)"]["consentsRequired"], uncc["65(1)"]["delayDays"]) == ("40", "90")
    assert uncc["65(2)"]["delayDays"] == "30"
