"""The documentation site: complete, every internal link resolves, every term documented."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from helpers import cyberkg
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from cyberkg import api
from cyberkg.docs_site import EXAMPLE_CSV
from cyberkg.queries import library

ROOT = Path(__file__).resolve().parents[1]
CK = "https://w3id.org/cyberkg/ontology#"
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
PAGES = {"index.html", "ontology.html", "ETS185.html", "ETS189.html", "UNCC.html",
         "comparison.html", "queries.html", "profiles.html", "style.css"}  # fmt: skip


class _Page(HTMLParser):
    """Collects the ids, the links and the text of each element id of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append(value)


def _parse(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    api.build_docs(out, build_dir=api.fresh_build())
    return out


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    graph = Graph()
    graph.parse(ROOT / "ontology" / "cyberkg.ttl")
    return graph


def _ck_terms(graph: Graph) -> list[URIRef]:
    terms = {s for t in TERM_TYPES for s in graph.subjects(RDF.type, t)}
    return sorted(t for t in terms if isinstance(t, URIRef) and str(t).startswith(CK))


def test_site_has_every_page(site: Path) -> None:
    assert {p.name for p in site.iterdir()} == PAGES


def test_every_internal_link_resolves(site: Path) -> None:
    parsed = {p.name: _parse(p) for p in site.glob("*.html")}
    checked = 0
    broken = []
    for name, page in sorted(parsed.items()):
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # the site links to nothing outside itself, but would not check it
            target = name if not parts.path else unquote(parts.path)
            if not (site / target).is_file():
                broken.append(f"{name}: {link} (no file {target})")
            elif parts.fragment and unquote(parts.fragment) not in parsed[target].ids:
                broken.append(f"{name}: {link} (no id {parts.fragment} in {target})")
            checked += 1
    assert broken == []
    assert checked > 900  # the pages really are cross-linked (elements, options, provisions)


def test_every_link_is_internal(site: Path) -> None:
    external = [link for p in site.glob("*.html") for link in _parse(p).links
                if urlsplit(link).scheme]  # fmt: skip
    assert external == []


def test_every_vocabulary_term_has_one_label_and_one_definition(vocabulary: Graph) -> None:
    missing = []
    for term in _ck_terms(vocabulary):
        labels = [o for o in vocabulary.objects(term, RDFS.label) if o.language == "en"]  # type: ignore[union-attr]
        defs = [o for o in vocabulary.objects(term, SKOS.definition) if o.language == "en"]  # type: ignore[union-attr]
        if len(labels) != 1 or len(defs) != 1:
            missing.append(f"{term}: {len(labels)} label(s), {len(defs)} definition(s)")
    assert missing == []
    assert len(_ck_terms(vocabulary)) >= 128  # 61 classes and 67 properties at the time of writing


def test_ontology_page_shows_every_term_with_label_and_definition(
    site: Path, vocabulary: Graph
) -> None:
    text = (site / "ontology.html").read_text(encoding="utf-8")
    ids = _parse(site / "ontology.html").ids
    for term in _ck_terms(vocabulary):
        name = str(term)[len(CK) :]
        label = vocabulary.value(term, RDFS.label)
        definition = vocabulary.value(term, SKOS.definition)
        assert name in ids, name
        section = text.split(f'<section class="term" id="{name}">', 1)[1].split("</section>")[0]
        assert f"<code>ck:{name}</code> — {html.escape(str(label))}</h3>" in section
        assert f'<p class="definition">{html.escape(str(definition))}</p>' in section


def test_ontology_page_shows_axioms(site: Path) -> None:
    text = (site / "ontology.html").read_text(encoding="utf-8")
    section = text.split('id="hasElement">', 1)[1].split("</section>")[0]
    assert (
        '<th>domain</th><td><a href="ontology.html#Offence"><code>ck:Offence</code></a>' in section
    )
    assert (
        '<th>range</th><td><a href="ontology.html#Element"><code>ck:Element</code></a>' in section
    )
    section = text.split('id="Intent">', 1)[1].split("</section>")[0]
    assert '<th>subclass of</th><td><a href="ontology.html#MentalElement">' in section


def test_instrument_page_gives_elements_with_seed_wording(site: Path) -> None:
    text = (site / "ETS185.html").read_text(encoding="utf-8")
    # ETS185 Art 2 (seed 002): "dejanja naklepnega in neupravičenega vstopa v računalniški
    # sistem ali njegov del"; the element "without right" cites the word "neupravičenega".
    row = text.split('<tr id="el-2-without-right">', 1)[1].split("</tr>")[0]
    assert '<span class="wording" lang="sl">neupravičenega</span>' in row
    assert "<td>without right</td>" in row
    assert '<a href="ETS185.html#art2">2</a>' in row
    assert '<section id="offence-2">' in text


def test_instrument_page_gives_options_and_provision_text(site: Path) -> None:
    text = (site / "UNCC.html").read_text(encoding="utf-8")
    # UNCC Art 7(2) (seed 003): "Država stranka može propisati da to kazneno djelo mora biti
    # počinjeno kršenjem sigurnosnih mjera ..."
    row = text.split('<tr id="opt-7-2-security-measures">', 1)[1].split("</tr>")[0]
    assert "<td><code>7-2-security-measures</code></td><td>qualifier</td>" in row
    assert (
        '<span class="wording" lang="hr">Država stranka može propisati da to kazneno djelo '
        "mora biti počinjeno kršenjem sigurnosnih mjera</span>"
    ) in row
    provision = text.split('<div class="prov depth-3" id="art7-2"', 1)[1].split("</div>")[0]
    assert provision.startswith(' title="UNCC Article 7(2)"><strong>7(2)</strong>')
    assert "s drugom nepoštenom ili kriminalnom namjerom" in provision


def test_query_page_lists_every_query_with_question_and_text(site: Path) -> None:
    text = (site / "queries.html").read_text(encoding="utf-8")
    for name, query in library().items():
        assert f'<section id="q-{name}">' in text
        assert html.escape(query.question) in text
        assert f"<pre>{html.escape(query.text)}</pre>" in text


def test_profile_page_shows_format_template_and_example(site: Path) -> None:
    text = (site / "profiles.html").read_text(encoding="utf-8")
    assert "<code>party,instrument,act,provision,date,value,note</code>" in text
    assert html.escape(EXAMPLE_CSV) in text
    assert "profile:XXX a ck:Profile" in text
    assert "cyberkg profile template --instrument I --party XXX" in text


def test_example_statements_on_the_profile_page_conform(tmp_path: Path) -> None:
    csv_file = tmp_path / "example.csv"
    csv_file.write_text(EXAMPLE_CSV, encoding="utf-8")
    report = api.validate(csv_file, build_dir=api.fresh_build())
    assert [r.message for r in report.results if r.severity == "Violation"] == []
    assert report.conforms
    assert (report.statements, report.parties) == (7, 1)


def test_docs_command_writes_the_site(tmp_path: Path) -> None:
    result = cyberkg("docs", "--out", str(tmp_path / "s"), "--build-dir", str(api.fresh_build()))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote 9 file(s) to {tmp_path / 's'}")
    assert {p.name for p in (tmp_path / "s").iterdir()} == PAGES
