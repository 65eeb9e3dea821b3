"""The provision texts in ontology/text/*.ttl against the seeds they were extracted from.

These tests read the committed Turtle files and the seeds; they do not run the extractor.
A second, deliberately simpler reading of the seeds checks that no word of the criminal-law
articles was lost, added or moved by scripts/extract_seeds.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from cyberkg.iris import provision_iri
from cyberkg.sources import check_turtle_syntax

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
TEXT = ROOT / "ontology" / "text"

if not SEEDS.is_dir():
    pytest.skip(f"seeds not available at {SEEDS}", allow_module_level=True)
SEED_COE = sorted(SEEDS.glob("002_*.txt"))
SEED_UNCC = sorted(SEEDS.glob("003_*.txt"))
if len(SEED_COE) != 1 or len(SEED_UNCC) != 1:
    pytest.skip("seeds 002 and 003 not available", allow_module_level=True)

CK = Namespace("https://w3id.org/cyberkg/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ID = "https://w3id.org/cyberkg/id/"
INSTRUMENTS = ("ETS185", "ETS189", "UNCC")
LANG = {"ETS185": "sl", "ETS189": "sl", "UNCC": "hr"}
ARTICLES = {"ETS185": 48, "ETS189": 16, "UNCC": 68}
PROVISION_CLASSES = (CK.Article, CK.Paragraph, CK.Point, CK.SubPoint)
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")

# The articles of the criminal-law chapters, compared word for word.
CRIMINAL_LAW = {
    "ETS185": list(range(1, 14)),
    "ETS189": list(range(1, 8)),
    "UNCC": [2, *range(7, 22)],
}

# A second reading of the seeds: headings, division headings, end of text, labels.
ARTICLE_HEADING = {
    "coe": re.compile(r"^(\d+)\. člen\b\s*[-\u2013]?\s*(.*)$"),
    "md": re.compile(r"^(?:ČLANAK|Članak) (\d+)\.$"),
}
DIVISION_HEADING = {
    "coe": re.compile(r"^(?:[IVX]+\. poglavje|Oddelek \d+|Naslov \d+)\s*[-\u2013]"),
    "md": re.compile(r"^POGLAVLJE [IVX]+\.$"),
}
END_OF_TEXT = ("Da bi to potrdili", "U POTVRDU")
LABELS = {
    "coe": re.compile(r"^(?:\d+|[a-z]{1,4})\)\s*"),
    "md": re.compile(r"^(?:\d+\.|\(\d+\)|\([a-z]\)|[ivx]+\.)(?:\s+|$)"),
}


def normalise_line(line: str) -> str:
    """Strip markdown heading marks and stars, and leading '- ' bullets; trim."""
    text = line.replace("#", "").replace("*", "").strip()
    return re.sub(r"^(?:-\s+)+", "", text).strip()


def normalise(text: str) -> str:
    """Normalise each line, then collapse all whitespace."""
    return " ".join(" ".join(normalise_line(line) for line in text.splitlines()).split())


def seed_lines() -> dict[str, list[str]]:
    """The seed lines of each instrument (seed 002 is split at the Protocol's title)."""
    coe = SEED_COE[0].read_text(encoding="utf-8").splitlines()
    split = next(i for i, line in enumerate(coe) if line.strip().startswith("DODATNI PROTOKOL"))
    uncc = SEED_UNCC[0].read_text(encoding="utf-8").splitlines()
    return {"ETS185": coe[:split], "ETS189": coe[split:], "UNCC": uncc}


SEED_LINES = seed_lines()
DIALECT = {"ETS185": "coe", "ETS189": "coe", "UNCC": "md"}


def seed_article_bodies(instrument: str) -> dict[int, list[str]]:
    """Normalised lines from each article heading to the next heading or the end of text.

    For the Slovenian seed, a title printed on the heading line ('17. člen \u2013 …') is kept as
    the first body line, so that every body starts with the article's title.
    """
    dialect = DIALECT[instrument]
    bodies: dict[int, list[str]] = {}
    current: list[str] | None = None
    for raw in SEED_LINES[instrument]:
        line = normalise_line(raw)
        if not line:
            continue
        if line.startswith(END_OF_TEXT):
            current = None
            continue
        if DIVISION_HEADING[dialect].match(line):
            current = None
            continue
        match = ARTICLE_HEADING[dialect].match(line)
        if match and (dialect == "coe" or raw.lstrip().startswith("#")):
            current = bodies.setdefault(int(match.group(1)), [])
            if dialect == "coe" and match.group(2):
                current.append(match.group(2))
            continue
        if current is not None:
            current.append(line)
    return bodies


def strip_labels(line: str, dialect: str) -> str:
    pattern = LABELS[dialect]
    while match := pattern.match(line):
        line = line[match.end() :]
        if dialect == "coe":
            break
    return line


@pytest.fixture(scope="module", params=INSTRUMENTS)
def instrument(request: pytest.FixtureRequest) -> str:
    return str(request.param)


GRAPHS: dict[str, Graph] = {}


def graph_of(instrument: str) -> Graph:
    if instrument not in GRAPHS:
        GRAPHS[instrument] = Graph().parse(TEXT / f"{instrument}.ttl", format="turtle")
    return GRAPHS[instrument]


def provisions(graph: Graph) -> Iterator[URIRef]:
    seen: set[URIRef] = set()
    for cls in PROVISION_CLASSES:
        for node in graph.subjects(RDF.type, cls):
            assert isinstance(node, URIRef)
            if node not in seen:
                seen.add(node)
                yield node


def parts(graph: Graph, node: URIRef) -> list[URIRef]:
    children = [c for c in graph.subjects(ELI.is_part_of, node) if isinstance(c, URIRef)]
    return sorted(children, key=lambda c: int(graph.value(c, CK.order)))  # type: ignore[arg-type]


def one_text(graph: Graph, node: URIRef, prop: URIRef) -> str:
    values = list(graph.objects(node, prop))
    assert len(values) <= 1, f"{node} has {len(values)} values of {prop}"
    return str(values[0]) if values else ""


def stored_words(graph: Graph, node: URIRef) -> list[str]:
    """Own text, then the parts in ck:order, then the closing text."""
    words = normalise(one_text(graph, node, CK.text)).split()
    for child in parts(graph, node):
        words += stored_words(graph, child)
    return words + normalise(one_text(graph, node, CK.closingText)).split()


def preorder(graph: Graph, node: URIRef) -> list[URIRef]:
    nodes = [node]
    for child in parts(graph, node):
        nodes += preorder(graph, child)
    return nodes


def article(instrument: str, number: int) -> URIRef:
    return URIRef(f"{ID}{instrument}/art{number}")


def first_difference(expected: list[str], actual: list[str]) -> str:
    index = next(
        (i for i, (e, a) in enumerate(zip(expected, actual, strict=False)) if e != a),
        min(len(expected), len(actual)),
    )
    before = " ".join(expected[max(0, index - 6) : index])
    return (
        f"first difference at word {index}: after '… {before}'\n"
        f"  seed:   {' '.join(expected[index : index + 8])!r}\n"
        f"  stored: {' '.join(actual[index : index + 8])!r}\n"
        f"  ({len(expected)} words in the seed, {len(actual)} stored)"
    )


# ---------------------------------------------------------------------------------------


def test_turtle_parses_strictly(instrument: str) -> None:
    check_turtle_syntax(TEXT / f"{instrument}.ttl")


def test_every_text_occurs_in_the_seed(instrument: str) -> None:
    """(a) every ck:text / ck:closingText, normalised, is a substring of the normalised seed."""
    graph = graph_of(instrument)
    seed = normalise("\n".join(SEED_LINES[instrument]))
    missing = []
    count = 0
    for prop in (CK.text, CK.closingText):
        for node, value in graph.subject_objects(prop):
            count += 1
            assert isinstance(value, Literal) and value.language == LANG[instrument], (
                f"{node}: {prop} must be @{LANG[instrument]}"
            )
            if normalise(str(value)) not in seed:
                missing.append(f"{node} {prop}: {str(value)[:80]!r}")
    assert count > 0
    assert not missing, "text not found in the seed:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("instrument_code", "number"),
    [(code, n) for code, numbers in CRIMINAL_LAW.items() for n in numbers],
)
def test_criminal_law_articles_word_for_word(instrument_code: str, number: int) -> None:
    """(b) the seed's words of the article equal the stored words of the article and its parts."""
    dialect = DIALECT[instrument_code]
    body = seed_article_bodies(instrument_code).get(number)
    assert body, f"{instrument_code} Article {number} not found in the seed"
    seed_words: list[str] = []
    for line in body:
        seed_words += strip_labels(line, dialect).split()
    graph = graph_of(instrument_code)
    node = article(instrument_code, number)
    titles = [str(t) for t in graph.objects(node, ELI.title) if t.language == LANG[instrument_code]]
    assert len(titles) == 1, f"{node} needs one seed-language title, has {titles}"
    title = normalise(titles[0]).split()
    assert seed_words[: len(title)] == title, (
        f"{instrument_code} Article {number}: the seed body does not start with the stored "
        f"title {titles[0]!r}:\n" + first_difference(seed_words, title)
    )
    seed_words = seed_words[len(title) :]
    actual = stored_words(graph, node)
    assert actual == seed_words, f"{instrument_code} Article {number}: " + first_difference(
        seed_words, actual
    )


def test_article_counts_and_numbering(instrument: str) -> None:
    """(c) 48 / 16 / 68 articles, numbered 1..N."""
    graph = graph_of(instrument)
    numbers = sorted(
        int(str(graph.value(a, SKOS.notation))) for a in graph.subjects(RDF.type, CK.Article)
    )
    assert numbers == list(range(1, ARTICLES[instrument] + 1))


def test_parts_are_numbered_without_gaps(instrument: str) -> None:
    """Paragraphs 1, 2, 3 …; points a, b, c …; sub-points i, ii, iii … under each parent."""
    graph = graph_of(instrument)
    problems = []
    for node in provisions(graph):
        children = parts(graph, node)
        for cls, expected in (
            (CK.Paragraph, [str(n) for n in range(1, 100)]),
            (CK.Point, [chr(c) for c in range(ord("a"), ord("z") + 1)]),
            (CK.SubPoint, list(ROMAN)),
        ):
            numbers = [
                str(graph.value(c, ELI.number)) for c in children if (c, RDF.type, cls) in graph
            ]
            if numbers != expected[: len(numbers)]:
                problems.append(f"{node}: {cls.split('#')[1]} numbers {numbers}")
    assert not problems, "\n".join(problems)


def test_every_provision_is_complete(instrument: str) -> None:
    """(d) notation, English label, instrument, and text or parts; IRI follows the notation."""
    graph = graph_of(instrument)
    problems = []
    for node in provisions(graph):
        notation = graph.value(node, SKOS.notation)
        if notation is None:
            problems.append(f"{node}: no skos:notation")
            continue
        if node != provision_iri(instrument, str(notation)):
            problems.append(f"{node}: IRI does not follow notation {notation}")
        labels = [lbl for lbl in graph.objects(node, RDFS.label) if lbl.language == "en"]
        if len(labels) != 1:
            problems.append(f"{node}: {len(labels)} English labels")
        if graph.value(node, CK.instrument) != URIRef(ID + instrument):
            problems.append(f"{node}: ck:instrument is not id:{instrument}")
        has_text = (node, CK.text, None) in graph
        if not has_text and not parts(graph, node):
            problems.append(f"{node}: neither ck:text nor parts")
        if len(list(graph.objects(node, CK.order))) != 1:
            problems.append(f"{node}: not exactly one ck:order")
        if (node, RDF.type, CK.Article) in graph:
            langs = sorted(t.language or "" for t in graph.objects(node, ELI.title))
            if langs != sorted(["en", LANG[instrument]]):
                problems.append(f"{node}: eli:title languages {langs}")
            if graph.value(node, ELI.is_part_of) is None:
                problems.append(f"{node}: no eli:is_part_of")
        else:
            parents = list(graph.objects(node, ELI.is_part_of))
            if len(parents) != 1 or not any(
                (parents[0], RDF.type, c) in graph for c in PROVISION_CLASSES
            ):
                problems.append(f"{node}: not part of exactly one provision")
    assert not problems, "\n".join(problems)


def test_order_is_document_order(instrument: str) -> None:
    """ck:order is unique in the instrument and runs through each article in pre-order."""
    graph = graph_of(instrument)
    orders = [int(o) for o in graph.objects(None, CK.order)]  # type: ignore[arg-type]
    assert len(orders) == len(set(orders)), "duplicate ck:order values"
    articles = sorted(
        graph.subjects(RDF.type, CK.Article),
        key=lambda a: int(graph.value(a, CK.order)),  # type: ignore[arg-type]
    )
    sequence: list[URIRef] = []
    for node in articles:
        assert isinstance(node, URIRef)
        sequence += preorder(graph, node)
    by_order = sorted(sequence, key=lambda n: int(graph.value(n, CK.order)))  # type: ignore[arg-type]
    assert sequence == by_order, "parts are not in document order"
    numbers = [int(str(graph.value(a, SKOS.notation))) for a in articles]
    assert numbers == sorted(numbers), "articles are not in document order"
