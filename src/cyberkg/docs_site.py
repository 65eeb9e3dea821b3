"""`cyberkg docs`: a static HTML documentation site generated from the built graph.

Pages: the ontology reference (every ck: class, property and individual with its label and
definition), one page per instrument (provisions with their seed wording, offences with their
elements, options), the offence comparison table, the query library and a page on writing
profiles. Plain HTML and CSS, no script, nothing fetched: the site works offline. Every value
taken from the graph is escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from .compare import Comparison, ElementRef, OffenceRef, compare, relation_text
from .iris import CK, INSTRUMENTS
from .queries import get_query, library, run
from .serialize import PREFIXES
from .statements import ACTS, ACTS_WITHOUT_PROVISION, COLUMNS
from .template import profile_template

ID_BASE = "https://w3id.org/cyberkg/id/"
ONTOLOGY_PAGE = "ontology.html"
COMPARISONS = (("ETS185", "UNCC"), ("ETS189", "UNCC"))
COUNT_COLUMNS = ("provisions", "offences", "elements", "options")
KIND_SECTIONS = (
    ("class", "Classes"),
    ("object property", "Object properties"),
    ("datatype property", "Datatype properties"),
    ("annotation property", "Annotation properties"),
    ("individual", "Named individuals"),
)
NAV = (
    ("index.html", "Home"),
    (ONTOLOGY_PAGE, "Ontology"),
    *((f"{i}.html", i) for i in INSTRUMENTS),
    ("comparison.html", "Comparison"),
    ("queries.html", "Queries"),
    ("profiles.html", "Writing a profile"),
)

# An illustrative statements table: the how-to page shows it and the test suite checks that it
# validates (tests/test_docs_site.py), so the example cannot drift from the rules.
EXAMPLE_CSV = """\
party,instrument,act,provision,date,value,note
AUT,ETS185,signature,,2001-11-23,,illustrative example
AUT,ETS185,ratification,,2012-06-13,,illustrative example
AUT,ETS185,declaration,9(3),2012-06-13,16,"Art 9(3) and Art 40: lower age-limit, not less than 16"
AUT,ETS185,reservation,9(4),2012-06-13,9(2)(b),Art 9(4) and Art 42: not to apply 9(2)(b)
AUT,ETS185,notification,24(7)(a),2012-06-13,Ministry of Justice,illustrative example
AUT,ETS185,notification,27(2)(c),2012-06-13,Ministry of Justice,illustrative example
AUT,ETS185,notification,35(1),2012-06-13,national 24/7 contact point,illustrative example
"""

CSS = """\
body { font-family: system-ui, sans-serif; max-width: 70rem; margin: 0 auto; padding: 0 1rem;
       line-height: 1.45; color: #1d1d1f; }
nav { border-bottom: 1px solid #ccc; padding: .6rem 0; margin-bottom: 1rem; }
nav a { margin-right: 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; width: 100%; }
th, td { border: 1px solid #ddd; padding: .25rem .45rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
code, pre { font-family: ui-monospace, monospace; font-size: .9em; }
pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; }
.term { border-top: 1px solid #eee; padding-top: .4rem; }
.prov { margin: .2rem 0; }
.depth-1 { margin-left: 0; } .depth-2 { margin-left: 1.5rem; } .depth-3 { margin-left: 3rem; }
.depth-4 { margin-left: 4.5rem; } .depth-5 { margin-left: 6rem; } .depth-6 { margin-left: 7.5rem; }
.division { font-weight: bold; margin-top: 1rem; }
.wording { font-style: italic; }
.muted { color: #666; }
"""


def esc(value: object) -> str:
    """HTML-escape any value (quotes included)."""
    return html.escape(str(value), quote=True)


def compact(iri: str) -> str:
    """An IRI in prefixed form where a project prefix fits."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def local_name(iri: str) -> str:
    """The last segment of an IRI (after '#' or the last '/'): used as the HTML anchor."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def term_link(iri: str) -> str:
    """A link to the ontology page for a ck: term, or the prefixed IRI as code otherwise."""
    if iri.startswith(str(CK)):
        name = local_name(iri)
        return f'<a href="{ONTOLOGY_PAGE}#{esc(name)}"><code>ck:{esc(name)}</code></a>'
    return f"<code>{esc(compact(iri))}</code>"


def instance_link(iri: str, text: str | None = None) -> str:
    """A link to the instrument page anchor of an instance IRI (provision, offence, option)."""
    rest = iri[len(ID_BASE) :] if iri.startswith(ID_BASE) else ""
    instrument, _, name = rest.partition("/")
    label = esc(text if text is not None else compact(iri))
    if instrument in INSTRUMENTS and name:
        return f'<a href="{instrument}.html#{esc(name)}">{label}</a>'
    return label


def provision_anchor(instrument: str, notation: str) -> str:
    """The anchor of a provision on its instrument page: 9(3) -> art9-3 (docs/iri-scheme.md)."""
    dashed = notation.replace(")(", "-").replace("(", "-").replace(")", "")
    return f"{instrument}.html#art{dashed}"


def provision_link(instrument: str, notation: str) -> str:
    """A link to a provision of an instrument, shown in canonical form."""
    if not notation:
        return ""
    return f'<a href="{esc(provision_anchor(instrument, notation))}">{esc(notation)}</a>'


def seed_text(text: str, lang: str) -> str:
    """Seed wording in a span that carries its language (sl or hr)."""
    if not text:
        return ""
    return f'<span class="wording" lang="{esc(lang)}">{esc(text)}</span>'


def table(
    headers: Iterable[str], body: Iterable[Iterable[str]], row_ids: Iterable[str] = ()
) -> str:
    """An HTML table; the cells of body are HTML already (escape values before passing them)."""
    ids = list(row_ids)
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    lines = []
    for i, cells in enumerate(body):
        attr = f' id="{esc(ids[i])}"' if i < len(ids) and ids[i] else ""
        lines.append(f"<tr{attr}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f"<table>\n<tr>{head}</tr>\n" + "\n".join(lines) + "\n</table>\n"


def page(title: str, body: str) -> str:
    """A complete HTML page with the site's navigation."""
    nav = " ".join(f'<a href="{href}">{esc(text)}</a>' for href, text in NAV)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)} — cyberkg</title>\n"
        '<link rel="stylesheet" href="style.css">\n</head>\n<body>\n'
        f"<nav>{nav}</nav>\n<h1>{esc(title)}</h1>\n{body}</body>\n</html>\n"
    )


class SiteBuilder:
    """Renders the pages of the site from a store holding the built graph."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def rows(self, name: str, **params: str) -> list[dict[str, str]]:
        """The rows of a named query (parameters bound, never formatted in)."""
        return run(self.store, get_query(name), params)[1]

    # -- pages -----------------------------------------------------------------------------

    def index(self) -> str:
        """The home page: the instruments in numbers and what each page holds."""
        counts = {r["instrument"]: r for r in self.rows("counts")}
        body = [
            "<p>A knowledge graph of the offences that the Council of Europe Convention on "
            "Cybercrime (ETS185), its Additional Protocol (ETS189) and the United Nations "
            "Convention against Cybercrime (UNCC) oblige or permit Parties to establish, with "
            "their elements, the options they leave to a Party, and the Parties' national "
            "implementation profiles. Provision texts are those of the bundled seed texts: "
            "Slovenian (sl) for ETS185 and ETS189, Croatian (hr) for the UNCC; English labels "
            "accompany them.</p>"
        ]
        cells = []
        for r in self.rows("docs_instruments"):
            c = counts.get(r["instrument"], {})
            cells.append(
                [
                    f'<a href="{esc(r["instrument"])}.html">{esc(r["instrument"])}</a>',
                    esc(r["titleEn"]),
                    esc(r["opened"]),
                    esc(r["place"]),
                    *(
                        esc(c.get(k, "0"))
                        for k in ("provisions", "offences", "elements", "options")
                    ),
                ]
            )
        headers = ["instrument", "title", "opened for signature", "place", "provisions",
                   "offences", "elements", "options"]  # fmt: skip
        body.append(table(headers, cells))
        body.append("<ul>")
        for href, text in NAV[1:]:
            body.append(f'<li><a href="{href}">{esc(text)}</a></li>')
        body.append("</ul>\n")
        return page("cyberkg", "\n".join(body))

    def ontology(self) -> str:
        """The ontology reference: every ck: term with label, definition and axioms."""
        terms = self.rows("docs_ontology_terms")
        subclasses: dict[str, list[str]] = defaultdict(list)
        for t in terms:
            for sup in t["superclasses"].split():
                subclasses[sup].append(t["term"])
        body = [
            f"<p>The vocabulary <code>ck:</code> = <code>{esc(str(CK))}</code>: "
            f"{len(terms)} terms. Every term has an English label and a definition.</p>",
            "<ul>",
        ]
        body += [f'<li><a href="#{kind.replace(" ", "-")}">{esc(title)}</a></li>'
                 for kind, title in KIND_SECTIONS]  # fmt: skip
        body.append("</ul>")
        for kind, title in KIND_SECTIONS:
            body.append(f'<h2 id="{kind.replace(" ", "-")}">{esc(title)}</h2>')
            for t in (t for t in terms if t["kind"] == kind):
                body.append(self._term(t, sorted(subclasses.get(t["term"], []))))
        return page("Ontology reference", "\n".join(body) + "\n")

    @staticmethod
    def _term(t: dict[str, str], subs: list[str]) -> str:
        name = local_name(t["term"])
        facts = [("IRI", f"<code>{esc(t['term'])}</code>"), ("kind", esc(t["kind"]))]
        for key, label in (("superclasses", "subclass of"), ("instanceOf", "instance of"),
                           ("domain", "domain"), ("range", "range")):  # fmt: skip
            if t[key]:
                facts.append((label, ", ".join(term_link(i) for i in sorted(t[key].split()))))
        if subs:
            facts.append(("subclasses", ", ".join(term_link(i) for i in subs)))
        if t["characteristics"]:
            facts.append(("characteristics", esc(t["characteristics"])))
        if t["kindKey"]:
            facts.append(("kind key", f"<code>{esc(t['kindKey'])}</code>"))
        rows = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in facts)
        return (
            f'<section class="term" id="{esc(name)}">\n'
            f"<h3><code>ck:{esc(name)}</code> — {esc(t['label'])}</h3>\n"
            f'<p class="definition">{esc(t["definition"])}</p>\n'
            f"<table>{rows}</table>\n</section>"
        )

    def instrument(self, instrument: str) -> str:
        """One instrument: its offences with elements, its options, its provisions."""
        meta = next(r for r in self.rows("docs_instruments") if r["instrument"] == instrument)
        lang = meta["lang"]
        body = [
            f'<p><span lang="{esc(lang)}">{esc(meta["title"])}</span> '
            f"({esc(meta['identifier'])}); opened for signature at {esc(meta['place'])} on "
            f"{esc(meta['opened'])}. Seed wording is in "
            f"{'Slovenian' if lang == 'sl' else 'Croatian'} (<code>{esc(lang)}</code>).</p>",
            '<ul><li><a href="#offences">Offences and their elements</a></li>'
            '<li><a href="#options">Options left to a Party</a></li>'
            '<li><a href="#provisions">Provisions</a></li></ul>',
            '<h2 id="offences">Offences and their elements</h2>',
            self._offences(instrument),
            '<h2 id="options">Options left to a Party</h2>',
            self._options(instrument),
            '<h2 id="provisions">Provisions</h2>',
            self._provisions(instrument),
        ]
        return page(f"{instrument} — {meta['titleEn']}", "\n".join(body))

    def _offences(self, instrument: str) -> str:
        by_offence: dict[str, list[dict[str, str]]] = defaultdict(list)
        for r in self.rows("docs_elements", instrument=instrument):
            by_offence[r["offence"]].append(r)
        out = []
        for offence, elements in by_offence.items():
            first = elements[0]
            mandatory = "mandatory" if first["mandatory"] == "true" else "optional offence"
            out.append(
                f'<section id="{esc(local_name(offence))}">\n'
                f"<h3>Art {provision_link(instrument, first['offenceProvision'])} — "
                f"{esc(first['offenceTitle'])} "
                f'<span class="muted" lang="{esc(first["lang"])}">'
                f"({esc(first['offenceTitleLocal'])})</span></h3>\n"
                f"<p>{esc(first['offenceDefinition'])} <em>({mandatory})</em></p>"
            )
            cells, ids = [], []
            for e in (e for e in elements if e["element"]):
                added = e["addedBy"]
                cells.append(
                    [
                        term_link(e["kindTerm"]),
                        esc(e["label"]),
                        seed_text(e["wording"], e["lang"]),
                        provision_link(instrument, e["provision"]),
                        esc(e["group"]),
                        f'<a href="#opt-{esc(added)}">{esc(added)}</a>' if added else "required",
                    ]
                )
                ids.append(local_name(e["element"]))
            headers = ["kind", "element (en)", "seed wording", "provision", "alternative group",
                       "required or added by option"]  # fmt: skip
            out.append(table(headers, cells, ids) + "</section>")
        return "\n".join(out)

    def _options(self, instrument: str) -> str:
        cells, ids = [], []
        for o in self.rows("docs_options", instrument=instrument):
            offences = ", ".join(
                instance_link(i, local_name(i)) for i in sorted(o["offences"].split())
            )
            cells.append(
                [
                    f"<code>{esc(o['key'])}</code>",
                    esc(o["kind"]),
                    provision_link(instrument, o["provision"]),
                    f"<strong>{esc(o['label'])}</strong><br>{esc(o['definition'])}",
                    seed_text(o["wording"], o["lang"]),
                    esc(o["act"]),
                    esc(o["valueType"]),
                    offences,
                ]
            )
            ids.append(local_name(o["option"]))
        headers = ["key", "kind", "provision", "option (en)", "seed wording",
                   "exercised by (act)", "value", "affects"]  # fmt: skip
        return table(headers, cells, ids)

    def _provisions(self, instrument: str) -> str:
        rows = self.rows("docs_provisions", instrument=instrument)
        depth = {f"{ID_BASE}{instrument}": 0}
        out = []
        for r in rows:  # document order: a parent always comes before its parts
            d = depth.get(r["parent"], 0) + 1
            depth[r["node"]] = d
            name = local_name(r["node"])
            cls = f"depth-{min(d, 6)}"
            if not r["notation"]:  # a chapter, section or title
                out.append(
                    f'<div class="division {cls}" id="{esc(name)}">{esc(r["label"])}'
                    f'{" — " if r["title"] else ""}<span lang="{esc(r["lang"])}">'
                    f"{esc(r['title'])}</span></div>"
                )
                continue
            head = f"<strong>{esc(r['notation'])}</strong>"
            if r["titleEn"]:
                head += f" {esc(r['titleEn'])}"
            if r["title"]:
                head += f' <span class="muted" lang="{esc(r["lang"])}">({esc(r["title"])})</span>'
            text = seed_text(r["text"], r["lang"])
            closing = seed_text(r["closingText"], r["lang"])
            out.append(
                f'<div class="prov {cls}" id="{esc(name)}" title="{esc(r["label"])}">{head} '
                f"{text}{' … ' + closing if closing else ''}</div>"
            )
        return "\n".join(out) + "\n"

    def comparison(self) -> str:
        """The comparison of ETS185 and ETS189 with the UNCC, offence by offence (compare.py)."""
        body = [
            "<p>Read from the offence alignments recorded in the knowledge graph "
            '(<a href="ontology.html#OffenceAlignment">ck:OffenceAlignment</a>). Relations say '
            "how the UNCC element relates to the ETS185 or ETS189 element (see "
            '<a href="ontology.html#CorrespondenceType">ck:CorrespondenceType</a>).</p>',
            "<ul>",
            *(f'<li><a href="#{left}-{right}">{left} and {right}</a></li>'
              for left, right in COMPARISONS),
            "</ul>",
        ]  # fmt: skip
        for left, right in COMPARISONS:
            body.append(self._comparison(compare(self.store, left, right)))
        return page("Comparison of the instruments", "\n".join(body) + "\n")

    @staticmethod
    def _comparison(c: Comparison) -> str:
        def offence(o: OffenceRef) -> str:
            return f"{esc(o.instrument)} {instance_link(o.iri, o.provision)} {esc(o.title)}"

        def element(e: ElementRef | None) -> str:
            if e is None:
                return "—"
            return f"{instance_link(e.iri, local_name(e.iri))} ({esc(e.provision)}): {esc(e.label)}"

        relations = ("same", "broader", "narrower", "only-in-source", "only-in-target")
        out = [f'<h2 id="{c.left}-{c.right}">{esc(c.left)} and {esc(c.right)}</h2>']
        cells = []
        for o in c.offences:
            counts = [sum(x.relation == r for x in o.correspondences) for r in relations]
            rights = "; ".join(offence(r) for r in o.rights)
            cells.append(
                [
                    offence(o.left) if o.left else "—",
                    rights or ("<em>no counterpart</em>" if o.no_counterpart else "—"),
                    *(str(n) for n in counts),
                ]
            )
        headers = [f"{c.left} offence", f"{c.right} offence", "same", f"{c.right} broader",
                   f"{c.right} narrower", f"only in {c.left}", f"only in {c.right}"]  # fmt: skip
        out.append(table(headers, cells))
        for o in c.offences:
            if not o.correspondences:
                continue
            title = offence(o.left) if o.left else "—"
            out.append(f"<h3>{title} ↔ {'; '.join(offence(r) for r in o.rights) or '—'}</h3>")
            out += [f"<p>Alignment note: {esc(n)}</p>" for n in o.notes]
            rows = [[element(x.left), element(x.right), esc(relation_text(c, x.relation)),
                     esc(x.note)] for x in o.correspondences]  # fmt: skip
            out.append(table([f"{c.left} element", f"{c.right} element", "relation", "note"], rows))
        if c.unaligned_right:
            out.append(f"<h3>{esc(c.right)} offences that no {esc(c.left)} offence is aligned "
                       "with</h3>")  # fmt: skip
            out.append("<ul>" + "".join(f"<li>{offence(o)}</li>" for o in c.unaligned_right)
                       + "</ul>")  # fmt: skip
        return "\n".join(out)

    def queries(self) -> str:
        """The query library: each query's title, question, parameters and text."""
        lib = library()
        body = [
            "<p>Every named query, run with <code>cyberkg query NAME --param name=value</code> "
            'or from Python with <code>cyberkg.api.load().query("NAME", name="value")</code>. '
            "Parameters are bound as RDF terms, never pasted into the text.</p>",
            "<ul>",
            *(f'<li><a href="#q-{esc(n)}">{esc(n)}</a> — {esc(q.title)}</li>'
              for n, q in lib.items()),
            "</ul>",
        ]  # fmt: skip
        for name, q in lib.items():
            body.append(f'<section id="q-{esc(name)}">\n<h2>{esc(name)} — {esc(q.title)}</h2>')
            body.append(f"<p><strong>Question:</strong> {esc(q.question)}</p>")
            if q.params:
                cells = [
                    [
                        f"<code>{esc(p.name)}</code>",
                        esc(p.type),
                        "required" if p.required else f"optional (default {esc(p.default)})"
                        if p.default is not None else "optional",
                        esc(p.doc),
                    ]
                    for p in q.params
                ]  # fmt: skip
                body.append(table(["parameter", "type", "use", "meaning"], cells))
            body.append(f"<pre>{esc(q.text)}</pre>\n</section>")
        return page("Query library", "\n".join(body) + "\n")

    def profiles(self) -> str:
        """How to write a profile: the statements CSV, the Turtle template, validation."""
        value_types = [t for t in self.rows("docs_ontology_terms")
                       if t["instanceOf"] == f"{CK}ValueType"]  # fmt: skip
        acts = ", ".join(f"<code>{esc(a)}</code>" for a in ACTS)
        no_provision = ", ".join(f"<code>{esc(a)}</code>" for a in sorted(ACTS_WITHOUT_PROVISION))
        body = [
            "<p>A national implementation profile records a Party's acts under an instrument "
            "(signature, consent to be bound, reservations, declarations, notifications, "
            "implementation choices, withdrawals, denunciation) with their dates. Write it as "
            "a statements table (CSV) or in Turtle, then validate it against the treaties' "
            "rules.</p>",
            '<h2 id="csv">1. The statements table (CSV)</h2>',
            f"<p>UTF-8, comma-separated, with exactly this header: "
            f"<code>{esc(','.join(COLUMNS))}</code>. One row per act.</p>",
            table(
                ["column", "what to write"],
                [
                    [
                        "<code>party</code>",
                        "The Party's ISO 3166-1 alpha-3 code, or <code>EU</code>.",
                    ],
                    [
                        "<code>instrument</code>",
                        ", ".join(f'<a href="{i}.html">{i}</a>' for i in INSTRUMENTS),
                    ],
                    ["<code>act</code>", f"One of {acts}."],
                    [
                        "<code>provision</code>",
                        "The provision the act concerns, in canonical "
                        "form (<code>9(3)</code>, <code>27(9)(e)</code>); empty for "
                        f"{no_provision}.",
                    ],
                    ["<code>date</code>", "The date of the act, <code>YYYY-MM-DD</code>."],
                    [
                        "<code>value</code>",
                        "The option's parameter, by value type (below); "
                        "several values separated by <code>;</code>.",
                    ],
                    ["<code>note</code>", "Free text."],
                ],
            ),
            "<p>Value types (the <em>value</em> column of each instrument's options table "
            "says which one an option takes):</p>",
            table(
                ["value type", "meaning"],
                [
                    [
                        f'<a href="{ONTOLOGY_PAGE}#{esc(local_name(t["term"]))}">'
                        f"<code>{esc(local_name(t['term']))}</code></a> ({esc(t['label'])})",
                        esc(t["definition"]),
                    ]
                    for t in value_types
                ],
            ),
            "<p>An option is named by its provision and act; a declaration that invokes "
            "qualifiers names their keys in <em>value</em>. The keys are listed in each "
            "instrument's options table: "
            + ", ".join(f'<a href="{i}.html#options">{i}</a>' for i in INSTRUMENTS)
            + ". An illustrative table (not any State's actual treaty record):</p>",
            f"<pre>{esc(EXAMPLE_CSV)}</pre>",
            "<p>Turn it into Turtle profiles (one file per Party) with "
            "<code>cyberkg import statements.csv --out profiles/</code>, and back with "
            "<code>cyberkg export-statements profiles/</code>.</p>",
            '<h2 id="turtle">2. Or write Turtle from the template</h2>',
            "<p><code>cyberkg profile template --instrument I --party XXX</code> prints a "
            "commented skeleton with one block per option of the instrument. For ETS189:</p>",
            f"<pre>{esc(profile_template(self.store, 'ETS189', 'XXX'))}</pre>",
            '<h2 id="validate">3. Validate</h2>',
            "<p><code>cyberkg validate statements.csv</code> (files or folders of "
            "<code>.csv</code> and <code>.ttl</code>, validated together) reports every problem "
            "by Party, instrument and provision and exits 1 when there is a violation. "
            "<code>--format markdown|json|turtle</code> chooses the report's form. From Python: "
            '<code>cyberkg.api.validate("statements.csv")</code> returns a report with '
            "<code>.conforms</code>, <code>.results</code> and <code>.to_dataframe()</code>.</p>",
        ]
        return page("How to write a profile", "\n".join(body) + "\n")

    # -- the whole site ----------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        """Every page of the site by file name."""
        pages = {
            "index.html": self.index(),
            ONTOLOGY_PAGE: self.ontology(),
            "comparison.html": self.comparison(),
            "queries.html": self.queries(),
            "profiles.html": self.profiles(),
        }
        for instrument in INSTRUMENTS:
            pages[f"{instrument}.html"] = self.instrument(instrument)
        return pages


def build_site(out: Path, store: ox.Store) -> list[Path]:
    """Write the site into out (created if needed); return the files written, sorted."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    files = {**SiteBuilder(store).pages(), "style.css": CSS}
    for name, text in sorted(files.items()):
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
