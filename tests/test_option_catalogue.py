"""The option catalogue and the offences, checked against the reviewed reading of the texts.

The expected catalogue below was drawn up by reading the seed texts article by article
(ETS185 and ETS189 in Slovenian, seed 002; UNCC in Croatian, seed 003) and listing every place
that gives a Party a choice. Each entry is (kind, provision, key); a comment quotes the words
of the text that grant it. A dropped, invented, re-kinded or re-cited option fails
`test_catalogue_is_the_reviewed_list`. Candidates considered and rejected are recorded in
comments in ontology/instruments/*.ttl.
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from cyberkg.graph import store_from_graph
from cyberkg.iris import CK
from cyberkg.queries import get_query, run

SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
ID = "https://w3id.org/cyberkg/id/"

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "ETS185": [
        # Art 2, qualifiers invoked under Art 40: "Pogodbenica lahko določi, da je dejanje
        # kaznivo, če je storjeno s kršitvijo varnostnih ukrepov, z namenom pridobiti ... ali v
        # povezavi z računalniškim sistemom, povezanim z drugim računalniškim sistemom".
        ("qualifier", "2", "2-security-measures"),
        ("qualifier", "2", "2-dishonest-intent"),
        ("qualifier", "2", "2-connected-system"),
        # Art 3: "z nepoštenim namenom ali v zvezi z računalniškim sistemom, povezanim ...".
        ("qualifier", "3", "3-dishonest-intent"),
        ("qualifier", "3", "3-connected-system"),
        # Art 4(2): "si lahko pridrži pravico določiti, da ... povzročijo resno škodo".
        ("reservation", "4(2)", "4-2-serious-harm"),
        # Art 6(1)(b): "lahko v zakonu določijo, da je ... treba posedovati določeno število".
        ("qualifier", "6(1)(b)", "6-1-b-number-of-items"),
        # Art 6(3): "si pridržujejo pravico, da ne uporabljajo prvega odstavka".
        ("reservation", "6(3)", "6-3-misuse-of-devices"),
        # Art 7: "lahko ... zahtevajo obstoj namena ponareditve ali podobnega nepoštenega namena".
        ("qualifier", "7", "7-intent-to-defraud"),
        # Art 9(3): "lahko določijo tudi nižjo starostno mejo, ki pa ne more biti manj kot 16 let".
        ("declaration", "9(3)", "9-3-lower-age"),
        # Art 9(4): "si lahko pridržijo pravico, da v celoti ali delno ne uporabijo točk d in e".
        ("reservation", "9(4)", "9-4-child-pornography"),
        # Art 10(3): "si lahko pridrži pravico, da v omejenih okoliščinah ne uvede ...".
        ("reservation", "10(3)", "10-3-limited-circumstances"),
        # Art 11(3): "si lahko pridržijo pravico, da ... ne uporabijo drugega odstavka".
        ("reservation", "11(3)", "11-3-attempt"),
        # Art 12(3): "je lahko odgovornost pravne osebe kazenska, civilna ali upravna".
        ("option", "12(3)", "12-3-form-of-liability"),
        # Art 14(3)(a) and (b): "si lahko pridržijo pravico uporabiti ukrepe iz 20. člena le za
        # ..."; "si ta pogodbenica lahko pridrži pravico, da teh ukrepov ne bo uporabljala".
        ("reservation", "14(3)(a)", "14-3-a-article-20-offences"),
        ("reservation", "14(3)(b)", "14-3-b-closed-group-systems"),
        # Art 16(2): "Pogodbenice lahko zagotovijo kasnejšo obnovitev take odredbe".
        ("option", "16(2)", "16-2-renewal"),
        # Arts 20(2), 21(2): "lahko namesto slednjih sprejme ..."; 21(1): the range of serious
        # offences "kot jih bo opredelilo notranje pravo" (the comparison point of 14(3)(a)).
        ("option", "20(2)", "20-2-other-measures"),
        ("option", "21(1)", "21-1-serious-offences"),
        ("option", "21(2)", "21-2-other-measures"),
        # Art 22(2): "si lahko pridrži pravico, da ne uporabi ... točkah b do d".
        ("reservation", "22(2)", "22-2-jurisdiction"),
        # Art 24(3): "lahko to konvencijo šteje kot pravno podlago za izročitev".
        ("option", "24(3)", "24-3-convention-as-legal-basis"),
        # Art 24(7)(a): "sporoči generalnemu sekretarju Sveta Evrope ime in naslov organa".
        ("notification", "24(7)(a)", "24-7-a-extradition-authority"),
        # Art 27(2)(c): "sporoči generalnemu sekretarju ... imena in naslove imenovanih organov".
        ("notification", "27(2)(c)", "27-2-c-central-authority"),
        # Art 27(9)(e), listed in Art 40: "lahko ... sporoči ..., da je treba zaprosila ...
        # naslavljati na njen osrednji organ".
        ("declaration", "27(9)(e)", "27-9-e-central-authority"),
        # Art 29(4): "si lahko za kazniva dejanja, ki niso opredeljena v skladu z 2. do 11.
        # členom ..., pridrži pravico, da zavrne zaprosilo za zavarovanje".
        ("reservation", "29(4)", "29-4-dual-criminality"),
        # Art 35(1): "Pogodbenica imenuje točko za stike, dosegljivo štiriindvajset ur".
        ("notification", "35(1)", "35-1-point-of-contact"),
        # Art 38(1), (2): "lahko ... določi ozemlje ali ozemlja"; "lahko kadar koli pozneje z
        # izjavo ... razširi uporabo".
        ("declaration", "38(1)", "38-1-territories"),
        ("declaration", "38(2)", "38-2-territorial-extension"),
        # Art 41(1): "Zvezna država si lahko pridrži pravico".
        ("reservation", "41(1)", "41-1-federal-clause"),
    ],
    "ETS189": [
        # Art 3(2), 3(3): "si lahko pridrži pravico, da ne določi kazenske odgovornosti ...";
        # "si lahko pogodbenica pridrži pravico, da ne uporabi prvega odstavka".
        ("reservation", "3(2)", "3-2-discrimination-without-hatred"),
        ("reservation", "3(3)", "3-3-freedom-of-expression"),
        # Art 5(2)(a), (b): "lahko zahteva, da ima kaznivo dejanje ... učinek"; "si lahko
        # pridrži pravico, da delno ali v celoti ne uporabi prvega odstavka".
        ("qualifier", "5(2)(a)", "5-2-a-exposure-to-hatred"),
        ("reservation", "5(2)(b)", "5-2-b-not-apply"),
        # Art 6(2)(a), (b): "lahko zahteva, da je zanikanje ... storjeno z namenom"; "lahko
        # pridrži pravico, da delno ali v celoti ne uporabi prvega odstavka".
        ("qualifier", "6(2)(a)", "6-2-a-intent-to-incite"),
        ("reservation", "6(2)(b)", "6-2-b-not-apply"),
        # Art 12(1): "razen če država ... ne izjavi drugače".
        ("declaration", "12(1)", "12-1-convention-statements-not-applicable"),
        # Art 12(2), second sentence: "pridržek ali pridržke, določene v drugem odstavku 22. in
        # prvem odstavku 41. člena konvencije".
        ("reservation", "12(2)", "12-2-convention-22-2"),
        ("reservation", "12(2)", "12-2-convention-41-1"),
        # Art 14(1), (2): "lahko ... določi ozemlje"; "lahko kadar koli pozneje z izjavo ...".
        ("declaration", "14(1)", "14-1-territories"),
        ("declaration", "14(2)", "14-2-territorial-extension"),
    ],
    "UNCC": [
        # Art 7(2): "može propisati da to kazneno djelo mora biti počinjeno kršenjem
        # sigurnosnih mjera s namjerom pribavljanja ... ili u odnosu na sustav ... povezan".
        ("qualifier", "7(2)", "7-2-security-measures"),
        ("qualifier", "7(2)", "7-2-dishonest-or-criminal-intent"),
        ("qualifier", "7(2)", "7-2-connected-system"),
        # Art 8(2): "s nepoštenom ili kriminalnom namjerom ili u odnosu na sustav ...".
        ("qualifier", "8(2)", "8-2-dishonest-or-criminal-intent"),
        ("qualifier", "8(2)", "8-2-connected-system"),
        # Art 9(2): "mora biti prouzročena ozbiljna šteta".
        ("qualifier", "9(2)", "9-2-serious-harm"),
        # Art 11(3): "može zadržati pravo neprimjenjivanja stavka 1.".
        ("reservation", "11(3)", "11-3-reservation"),
        # Art 12(2): "tek postojanje prijevarne ili slične nepoštene ili kriminalne namjere".
        ("qualifier", "12(2)", "12-2-fraudulent-intent"),
        # Art 14(1)(d): "koje države stranke mogu utvrditi kao zasebno kazneno djelo".
        ("option", "14(1)(d)", "14-1-d-separate-offence"),
        # Art 14(2): "može uključivati pisani sadržaj ili audiosadržaj".
        ("extension", "14(2)", "14-2-written-or-audio"),
        # Art 14(3)(a), (b): "može propisati da materijal ... mora biti ograničen na materijal".
        ("qualifier", "14(3)(a)", "14-3-a-real-person"),
        ("qualifier", "14(3)(b)", "14-3-b-visual-depiction"),
        # Art 14(4)(a), (b): "mogu ... poduzeti korake da se iz kriminalizacije izuzmu".
        ("exclusion", "14(4)(a)", "14-4-a-self-generated"),
        ("exclusion", "14(4)(b)", "14-4-b-consensual-private"),
        # Art 15(2), (3), (4): "može propisati da je potrebna radnja ..."; "može razmotriti
        # proširivanje kriminalizacije"; "mogu poduzeti korake da se iz kriminalizacije izuzme".
        ("qualifier", "15(2)", "15-2-act-in-furtherance"),
        ("extension", "15(3)", "15-3-believed-child"),
        ("exclusion", "15(4)", "15-4-child-offender"),
        # Art 16(3), (5), (6): "može proširiti definiciju intimnih slika"; "tek postojanje
        # namjere nanošenja štete"; "mogu poduzimati druge mjere".
        ("extension", "16(3)", "16-3-under-18-legal-age"),
        ("qualifier", "16(5)", "16-5-intent-to-cause-harm"),
        ("option", "16(6)", "16-6-other-measures"),
        # Art 17(2)(d): "glavnom tajniku Ujedinjenih naroda dostavlja primjerke svojih zakona";
        # 17(2)(e): "može se propisati da se kaznena djela ... ne primjenjuju na osobe koje su
        # počinile predikatno kazneno djelo".
        ("notification", "17(2)(d)", "17-2-d-copies-of-laws"),
        ("exclusion", "17(2)(e)", "17-2-e-predicate-offender"),
        # Art 18(2): "odgovornost pravnih osoba može biti kaznena, građanska ili administrativna".
        ("option", "18(2)", "18-2-form-of-liability"),
        # Art 19(2), (3): "može donijeti ... kao kazneno djelo utvrdila svaki namjerni pokušaj";
        # "... namjernu pripremu".
        ("optional-offence", "19(2)", "19-2-attempt"),
        ("optional-offence", "19(3)", "19-3-preparation"),
        # Art 21(2): "može ... donijeti ... mjere potrebne za utvrđivanje otegotnih okolnosti".
        ("option", "21(2)", "21-2-aggravating-circumstances"),
        # Art 22(2)(a)-(d), 22(4): "može uspostaviti svoju nadležnost"; "može donijeti i mjere".
        ("option", "22(2)(a)", "22-2-a-passive-nationality"),
        ("option", "22(2)(b)", "22-2-b-active-nationality"),
        ("option", "22(2)(c)", "22-2-c-laundering-participation-abroad"),
        ("option", "22(2)(d)", "22-2-d-offence-against-state"),
        ("option", "22(4)", "22-4-offender-present-not-extradited"),
        # Art 23(3)(a), (b): "može zadržati pravo na primjenjivanje mjera iz članka 29. ...
        # samo na kaznena djela ... navedenih u rezervi"; "može zadržati pravo neprimjenjivanja".
        ("reservation", "23(3)(a)", "23-3-a-traffic-data-offences"),
        ("reservation", "23(3)(b)", "23-3-b-closed-user-group"),
        # Art 25(2): "može propisati da se takav nalog naknadno obnavlja".
        ("option", "25(2)", "25-2-renewal"),
        # Arts 29(2), 30(2): "umjesto toga može donijeti ..."; 30(1): the range of serious
        # offences, the comparison point of 23(3)(a).
        ("option", "29(2)", "29-2-alternative-measures"),
        ("option", "30(1)", "30-1-serious-offences"),
        ("option", "30(2)", "30-2-alternative-measures"),
        # Art 31(8): "može razmotriti mogućnost zahtijevanja da počinitelj ... podnese dokaze".
        ("option", "31(8)", "31-8-lawful-origin"),
        # Art 32: "može donijeti ... mjere ... da se ... uzme u obzir svaka prethodna osuda".
        ("option", "32", "32-previous-convictions"),
        # Art 37(2): "može odobriti izručenje ... koje nije kažnjivo"; 37(6)(a): "izvješćuje
        # glavnog tajnika ... hoće li ovu Konvenciju smatrati pravnom osnovom"; 37(19):
        # "obavješćuje glavnog tajnika ... o nazivu i adresi tijela".
        ("option", "37(2)", "37-2-extradition-without-dual-criminality"),
        ("notification", "37(6)(a)", "37-6-a-legal-basis-for-extradition"),
        ("notification", "37(19)", "37-19-extradition-authority"),
        # Art 39(2): "može smatrati ovu Konvenciju pravnom osnovom za prijenos".
        ("option", "39(2)", "39-2-convention-as-legal-basis"),
        # Art 40(12)(a): "može odrediti zasebno središnje tijelo"; (c): "o središnjem tijelu ...
        # obavješćuje glavnog tajnika"; (d): "pravo države stranke da zatraži ... diplomatskim
        # putem"; 40(13): "obavješćuju glavnog tajnika ... o jeziku ili jezicima".
        ("option", "40(12)(a)", "40-12-a-regional-central-authority"),
        ("notification", "40(12)(c)", "40-12-c-central-authority"),
        ("option", "40(12)(d)", "40-12-d-diplomatic-channels"),
        ("notification", "40(13)", "40-13-languages"),
        # Art 41(2): "O tim kontaktnim točkama obavješćuje se glavni tajnik".
        ("notification", "41(2)", "41-2-point-of-contact"),
        # Art 42(5): "može u odnosu na kaznena djela različita od djela utvrđenih u skladu s
        # ovom Konvencijom zadržati pravo odbiti zahtjev za čuvanje".
        ("reservation", "42(5)", "42-5-dual-criminality"),
        # Art 47(2): "mogu smatrati temeljem za uzajamnu suradnju u izvršavanju zakonodavstva".
        ("option", "47(2)", "47-2-convention-as-basis"),
        # Art 50(5): "glavnom tajniku ... dostavlja primjerke svojih zakona i propisa";
        # 50(6): "Ako neka država stranka odluči mjere ... uvjetovati postojanjem ... ugovora".
        ("notification", "50(5)", "50-5-confiscation-laws"),
        ("option", "50(6)", "50-6-treaty-basis"),
        # Art 53(7): "obavljače glavnog tajnika ... o nazivu i adresi tijela".
        ("notification", "53(7)", "53-7-prevention-authorities"),
        # Art 59(2): "može donositi strože ili teže mjere".
        ("option", "59(2)", "59-2-stricter-measures"),
        # Art 63(3): "može ... izjaviti da se ne smatra obvezanom stavkom 2." ("rezervu").
        ("reservation", "63(3)", "63-3-dispute-settlement"),
        # Art 64(3), (4): the REIO "navodi područje svoje nadležnosti" / "dat će izjavu o
        # opsegu svoje nadležnosti", and "izvijestiti i depozitara o svim relevantnim
        # promjenama".
        ("declaration", "64(3)", "64-3-reio-competence"),
        ("notification", "64(3)", "64-3-reio-competence-changes"),
        ("declaration", "64(4)", "64-4-reio-competence"),
        ("notification", "64(4)", "64-4-reio-competence-changes"),
    ],
}

# Art 40 of ETS185 lists the provisions whose additional elements a State may declare it
# requires: "2. in 3. členu, točki b prvega odstavka 6. člena, 7. členu, tretjem odstavku
# 9. člena in točki e devetega odstavka 27. člena".
ETS185_ART40 = {
    "2-security-measures", "2-dishonest-intent", "2-connected-system", "3-dishonest-intent",
    "3-connected-system", "6-1-b-number-of-items", "7-intent-to-defraud", "9-3-lower-age",
    "27-9-e-central-authority",
}  # fmt: skip
# Art 42 of ETS185, the closed list: 4(2), 6(3), 9(4), 10(3), 11(3), 14(3), 22(2), 29(4),
# 41(1) — "Drugi pridržki niso dopustni".
ETS185_ART42 = {
    "4-2-serious-harm", "6-3-misuse-of-devices", "9-4-child-pornography",
    "10-3-limited-circumstances", "11-3-attempt", "14-3-a-article-20-offences",
    "14-3-b-closed-group-systems", "22-2-jurisdiction", "29-4-dual-criminality",
    "41-1-federal-clause",
}  # fmt: skip
# Art 12(2) of ETS189: the reservations of Arts 3, 5 and 6 and of ETS185 22(2) and 41(1);
# Art 12(3): the additional elements of 5(2)(a) and 6(2)(a).
ETS189_ART12_2 = {
    "3-2-discrimination-without-hatred", "3-3-freedom-of-expression", "5-2-b-not-apply",
    "6-2-b-not-apply", "12-2-convention-22-2", "12-2-convention-41-1",
}  # fmt: skip
ETS189_ART12_3 = {"5-2-a-exposure-to-hatred", "6-2-a-intent-to-incite"}

# The offences the issue names: ETS185 Arts 2-11, ETS189 Arts 3-7, UNCC Arts 7-17 and 19,
# each identified by the provision that establishes it.
OFFENCES = {
    "ETS185": [
        "2", "3", "4-1", "5", "6-1", "7", "8", "9-1", "10-1", "10-2", "11-1", "11-2",
    ],
    "ETS189": ["3-1", "4", "5-1", "6-1", "7"],
    "UNCC": [
        "7-1", "8-1", "9-1", "10", "11-1", "12-1", "13", "14-1", "15-1", "16-1", "17-1",
        "19-1", "19-2", "19-3",
    ],
}  # fmt: skip

MENTAL = {CK.MentalElement, CK.Intent, CK.Knowledge, CK.Purpose}


@pytest.fixture(scope="module")
def store(merged: Graph) -> ox.Store:
    return store_from_graph(merged)


def iri(instrument: str, local: str) -> URIRef:
    return URIRef(f"{ID}{instrument}/{local}")


def option(instrument: str, key: str) -> URIRef:
    return iri(instrument, f"opt-{key}")


def conditions(graph: Graph, opt: URIRef, prop: URIRef) -> set[str]:
    """The objects of prop on every condition of the option, as local names."""
    return {
        str(o).rsplit("/", 1)[-1]
        for cond in graph.objects(opt, CK.hasCondition)
        for o in graph.objects(cond, prop)
    }


def test_catalogue_is_the_reviewed_list(store: ox.Store) -> None:
    _, rows = run(store, get_query("options"), {})
    found: dict[str, set[tuple[str, str, str]]] = {}
    for row in rows:
        found.setdefault(row["instrument"], set()).add((row["kind"], row["provision"], row["key"]))
    expected = {instrument: set(entries) for instrument, entries in EXPECTED.items()}
    for instrument in expected:
        assert sorted(found.get(instrument, set()) - expected[instrument]) == [], (
            f"{instrument}: options not in the reviewed list"
        )
        assert sorted(expected[instrument] - found.get(instrument, set())) == [], (
            f"{instrument}: reviewed options missing from the catalogue"
        )
    assert set(found) == set(expected)


def test_expected_list_has_no_duplicate_keys() -> None:
    for instrument, entries in EXPECTED.items():
        counts = Counter(key for _, _, key in entries)
        assert [k for k, n in counts.items() if n > 1] == [], instrument


def test_kind_filter_of_the_options_query(store: ox.Store) -> None:
    _, rows = run(store, get_query("options"), {"instrument": "UNCC", "kind": "optional-offence"})
    assert [(r["provision"], r["key"]) for r in rows] == [
        ("19(2)", "19-2-attempt"),
        ("19(3)", "19-3-preparation"),
    ]


def test_every_key_starts_with_its_dashed_provision() -> None:
    for instrument, entries in EXPECTED.items():
        for _, provision, key in entries:
            dashed = provision.replace(")(", "-").replace("(", "-").replace(")", "")
            assert key.startswith(dashed + "-"), f"{instrument} {key} vs {provision}"


@pytest.mark.parametrize(
    ("instrument", "under", "keys"),
    [
        ("ETS185", "art40", ETS185_ART40),
        ("ETS185", "art42", ETS185_ART42),
        ("ETS189", "art12-2", ETS189_ART12_2),
        ("ETS189", "art12-3", ETS189_ART12_3),
    ],
)
def test_options_exercised_under_the_listing_article(
    merged: Graph, instrument: str, under: str, keys: set[str]
) -> None:
    found = {
        str(merged.value(opt, SKOS.notation))
        for opt in merged.subjects(CK.exercisedUnder, iri(instrument, under))
    }
    assert found == keys


def test_ets185_9_3_lower_age_is_at_least_16(merged: Graph) -> None:
    opt = option("ETS185", "9-3-lower-age")
    assert merged.value(opt, CK.valueType) == CK.AgeValue
    assert merged.value(opt, CK.requiresValue).toPython() is True  # type: ignore[union-attr]
    assert merged.value(opt, CK.minValue).toPython() == 16  # type: ignore[union-attr]
    assert merged.value(opt, CK.maxValue).toPython() == 17  # type: ignore[union-attr]
    assert set(merged.objects(opt, CK.restrictsElement)) == {iri("ETS185", "el-9-1-minor")}
    assert merged.value(opt, CK.exercisedBy) == CK.Declaration


def test_ets185_6_3_may_not_cover_sale_of_passwords(merged: Graph) -> None:
    opt = option("ETS185", "6-3-misuse-of-devices")
    assert conditions(merged, opt, CK.mustNotCover) == {"art6-1-a-ii"}
    assert conditions(merged, opt, CK.scopeWithin) == {"art6-1"}
    assert set(merged.objects(opt, CK.removesOffence)) == {iri("ETS185", "offence-6-1")}


def test_uncc_11_3_may_not_cover_sale_of_access_data(merged: Graph) -> None:
    opt = option("UNCC", "11-3-reservation")
    assert conditions(merged, opt, CK.mustNotCover) == {"art11-1-a-ii"}
    assert conditions(merged, opt, CK.scopeWithin) == {"art11-1"}


@pytest.mark.parametrize(
    ("instrument", "key", "reference"),
    [
        # ETS185 14(3)(a): the Art 20 range "ni ožji od obsega ... ukrepi iz 21. člena".
        ("ETS185", "14-3-a-article-20-offences", "opt-21-1-serious-offences"),
        # UNCC 23(3)(a): the Art 29 range "nije ograničeniji od raspona ... iz članka 30.".
        ("UNCC", "23-3-a-traffic-data-offences", "opt-30-1-serious-offences"),
    ],
)
def test_traffic_data_reservation_not_narrower_than_interception(
    merged: Graph, instrument: str, key: str, reference: str
) -> None:
    opt = option(instrument, key)
    assert conditions(merged, opt, CK.scopeNotNarrowerThan) == {reference}
    assert merged.value(opt, CK.requiresValue).toPython() is True  # type: ignore[union-attr]


def test_preservation_reservations_only_for_offences_outside(merged: Graph) -> None:
    # ETS185 29(4): "za kazniva dejanja, ki niso opredeljena v skladu z 2. do 11. členom".
    ets185 = conditions(
        merged, option("ETS185", "29-4-dual-criminality"), CK.onlyForOffencesOutside
    )
    assert ets185 == {f"art{n}" for n in range(2, 12)}
    # UNCC 42(5): "kaznena djela različita od djela utvrđenih u skladu s ovom Konvencijom":
    # the offences of Arts 7-17 and 19 (Art 18 establishes none).
    uncc = conditions(merged, option("UNCC", "42-5-dual-criminality"), CK.onlyForOffencesOutside)
    assert uncc == {f"art{n}" for n in [*range(7, 18), 19]}


def test_ets189_alternatives_of_5_2_and_6_2_exclude_each_other(merged: Graph) -> None:
    for a, b in [("5-2-a-exposure-to-hatred", "5-2-b-not-apply"),
                 ("6-2-a-intent-to-incite", "6-2-b-not-apply")]:  # fmt: skip
        assert set(merged.objects(option("ETS189", a), CK.excludes)) == {option("ETS189", b)}
        assert set(merged.objects(option("ETS189", b), CK.excludes)) == {option("ETS189", a)}


def test_added_ets185_24_3_option(merged: Graph) -> None:
    opt = option("ETS185", "24-3-convention-as-legal-basis")
    assert merged.value(opt, CK.provision) == iri("ETS185", "art24-3")
    assert merged.value(opt, CK.exercisedBy) == CK.ImplementationChoice
    assert len(list(merged.objects(opt, CK.hasCondition))) == 1


@pytest.mark.parametrize(
    ("instrument", "dashed"),
    [(instrument, dashed) for instrument, items in OFFENCES.items() for dashed in items],
)
def test_offence_has_conduct_and_mental_element(
    merged: Graph, instrument: str, dashed: str
) -> None:
    offence = iri(instrument, f"offence-{dashed}")
    assert (offence, RDF.type, CK.Offence) in merged
    types = {
        t for el in merged.objects(offence, CK.hasElement) for t in merged.objects(el, RDF.type)
    }
    assert CK.ConductElement in types
    assert types & MENTAL


def test_no_other_offences(merged: Graph) -> None:
    found = {str(o).removeprefix(ID) for o in merged.subjects(RDF.type, CK.Offence)}
    expected = {f"{i}/offence-{d}" for i, items in OFFENCES.items() for d in items}
    assert found == expected


def provisions_of_group(merged: Graph, offence: URIRef, group: str) -> list[str]:
    """The provisions cited by the elements of one alternative group of an offence, sorted."""
    return sorted(
        str(merged.value(merged.value(el, CK.provision), SKOS.notation))
        for el in merged.objects(offence, CK.hasElement)
        if str(merged.value(el, CK.alternativeGroup)) == group
    )


@pytest.mark.parametrize(
    ("instrument", "dashed", "group", "provisions"),
    [
        # UNCC 13(a)-(c): three means of causing the loss of property.
        ("UNCC", "13", "conduct", ["13(a)", "13(b)", "13(c)"]),
        # ETS185 9(1)(a)-(e): five conducts related to child pornography.
        ("ETS185", "9-1", "conduct", ["9(1)(a)", "9(1)(b)", "9(1)(c)", "9(1)(d)", "9(1)(e)"]),
        # ETS185 9(2)(a)-(c): what the material depicts.
        ("ETS185", "9-1", "object", ["9(2)(a)", "9(2)(b)", "9(2)(c)"]),
        # ETS185 8(a)-(b) and UNCC 14(1)(a)-(d), 14(2)(a)-(d).
        ("ETS185", "8", "conduct", ["8(a)", "8(b)"]),
        ("UNCC", "14-1", "conduct", ["14(1)(a)", "14(1)(b)", "14(1)(c)", "14(1)(d)"]),
        ("UNCC", "14-1", "depiction", ["14(2)(a)", "14(2)(b)", "14(2)(c)", "14(2)(d)"]),
        # UNCC 17(1)(a)(i)-(b)(ii): four laundering conducts.
        ("UNCC", "17-1", "conduct", ["17(1)(a)(i)", "17(1)(a)(ii)", "17(1)(b)(i)", "17(1)(b)(ii)"]),
    ],
)
def test_alternative_conducts_are_distinct(
    merged: Graph, instrument: str, dashed: str, group: str, provisions: list[str]
) -> None:
    offence = iri(instrument, f"offence-{dashed}")
    assert provisions_of_group(merged, offence, group) == provisions
