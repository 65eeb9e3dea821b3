"""Comparing two instruments offence by offence and element by element, from the alignment.

Everything said here is read from the offence alignments (ck:OffenceAlignment) and their
element correspondences: which offence corresponds to which, how their elements relate, what
one instrument has that the other lacks, and how the options acting on corresponding elements
(or removing corresponding offences) differ in kind, value and conditions. Nothing is inferred
from labels or keys.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field

import pyoxigraph as ox

from .errors import InputError
from .iris import INSTRUMENTS, instrument_iri
from .queries import get_query, run

FORMATS = ("markdown", "csv", "html")
# Relations are read from the alignment target's side; reading from the other side swaps them.
_FLIP = {
    "same": "same",
    "broader": "narrower",
    "narrower": "broader",
    "only-in-source": "only-in-target",
    "only-in-target": "only-in-source",
}
_ELEMENT_EFFECTS = ("addsElement", "removesElement", "restrictsElement", "extendsElement")


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class OffenceRef:
    """An offence as shown in a comparison."""

    iri: str
    instrument: str
    provision: str
    title: str

    def __str__(self) -> str:
        return f"{self.instrument} {self.provision} {self.title}".strip()


@dataclass(frozen=True)
class ElementRef:
    """An element as shown in a comparison."""

    iri: str
    label: str
    provision: str

    def __str__(self) -> str:
        return f"{_local(self.iri)} ({self.provision}): {self.label}"


@dataclass
class Correspondence:
    """How a left element relates to a right element, read from the right side."""

    relation: str
    left: ElementRef | None
    right: ElementRef | None
    note: str


@dataclass
class OptionSummary:
    """What the comparison needs to know of an option."""

    iri: str
    key: str
    label: str
    provision: str
    kind: str
    exercised_by: str
    exercised_under: str
    value: str
    offences: set[str] = field(default_factory=set)
    effects: set[tuple[str, str]] = field(default_factory=set)
    conditions: dict[str, tuple[str, str, str]] = field(default_factory=dict)

    def condition_signature(self) -> list[str]:
        """The machine-readable facets of the conditions: timing and scope limits."""
        sig = []
        for _label, timing, facets in self.conditions.values():
            parts = ([f"timing {timing}"] if timing else []) + sorted(facets.split())
            sig.append(", ".join(parts) if parts else "a condition in words only")
        return sorted(sig)

    def effect_kinds(self) -> list[str]:
        """The kinds of effect the option has (adds element, removes offence ...)."""
        return sorted({e for e, _ in self.effects})

    def __str__(self) -> str:
        return f"{self.key} ({self.kind}, {self.provision})"


@dataclass
class OptionComparison:
    """A pair of options acting on corresponding elements or offences, or one option alone."""

    left: OptionSummary | None
    right: OptionSummary | None
    differences: list[str]


@dataclass
class OffenceComparison:
    """One offence alignment, read from the left instrument's side."""

    left: OffenceRef | None
    rights: list[OffenceRef]
    no_counterpart: bool
    notes: list[str]
    correspondences: list[Correspondence]
    uncovered_left: list[ElementRef]
    uncovered_right: list[ElementRef]
    options: list[OptionComparison]


@dataclass
class Comparison:
    """The comparison of two instruments."""

    left: str
    right: str
    flipped: bool
    offences: list[OffenceComparison]
    unaligned_left: list[OffenceRef]
    unaligned_right: list[OffenceRef]


def _offences(store: ox.Store, instrument: str) -> list[OffenceRef]:
    _, rows = run(store, get_query("dc_find_offence"), {"instrument": instrument})
    return [OffenceRef(r["offence"], instrument, r["provision"], r["title"]) for r in rows]


def _base_elements(store: ox.Store, offence: str) -> list[ElementRef]:
    _, rows = run(store, get_query("dc_offence_elements"), {"offence": offence})
    return [
        ElementRef(r["element"], r["label"], r["provision"]) for r in rows if r["base"] == "true"
    ]


def _options(store: ox.Store, instrument: str) -> dict[str, OptionSummary]:
    _, rows = run(
        store, get_query("compare_options"), {"instrument": str(instrument_iri(instrument))}
    )
    options: dict[str, OptionSummary] = {}
    for r in rows:
        if r["option"] not in options:
            value = r["valueType"] or "no value"
            if r["valueType"]:
                value += ", required" if r["requiresValue"] == "true" else ", optional"
            if r["minValue"] or r["maxValue"]:
                value += f", {r['minValue'] or '…'}-{r['maxValue'] or '…'}"
            options[r["option"]] = OptionSummary(
                iri=r["option"],
                key=r["key"],
                label=r["label"],
                provision=r["provision"],
                kind=r["kind"],
                exercised_by=r["exercisedBy"],
                exercised_under=r["exercisedUnder"],
                value=value,
            )
        o = options[r["option"]]
        o.offences.add(r["offence"])
        if r["effect"]:
            o.effects.add((r["effect"], r["target"]))
        if r["condition"]:
            o.conditions[r["condition"]] = (r["conditionLabel"], r["timing"], r["conditionFacets"])
    return options


def _direction(store: ox.Store, left: str, right: str) -> tuple[list[dict[str, str]], bool]:
    for source, target, flipped in ((left, right, False), (right, left, True)):
        params = {"source": str(instrument_iri(source)), "target": str(instrument_iri(target))}
        _, rows = run(store, get_query("compare_alignments"), params)
        if rows:
            return rows, flipped
    raise InputError(
        f"no offence alignment is recorded between {left} and {right} "
        "(ontology/alignment.ttl aligns ETS185 and ETS189 offences with the UNCC)"
    )


def _option_differences(a: OptionSummary, b: OptionSummary) -> list[str]:
    diffs = []
    if a.kind != b.kind:
        diffs.append(f"kind: {a.kind} / {b.kind}")
    if a.exercised_by != b.exercised_by:
        diffs.append(f"exercised by: {a.exercised_by} / {b.exercised_by}")
    if a.value != b.value:
        diffs.append(f"value: {a.value} / {b.value}")
    if a.effect_kinds() != b.effect_kinds():
        diffs.append(
            f"effect: {', '.join(a.effect_kinds()) or 'none'} / "
            f"{', '.join(b.effect_kinds()) or 'none'}"
        )
    sa, sb = a.condition_signature(), b.condition_signature()
    if sa != sb:
        diffs.append(f"conditions: {'; '.join(sa) or 'none'} / {'; '.join(sb) or 'none'}")
    return diffs


def _compare_options(
    left_offence: str,
    right_offences: list[str],
    correspondences: list[Correspondence],
    left_options: dict[str, OptionSummary],
    right_options: dict[str, OptionSummary],
) -> list[OptionComparison]:
    """Pair options that act on corresponding elements, or that both remove the offence."""
    pairs_of_elements = {
        (c.left.iri, c.right.iri)
        for c in correspondences
        if c.left is not None and c.right is not None
    }
    lefts = [o for o in left_options.values() if left_offence in o.offences]
    rights = [o for o in right_options.values() if o.offences & set(right_offences)]
    matched: list[OptionComparison] = []
    used_left: set[str] = set()
    used_right: set[str] = set()
    for a in sorted(lefts, key=lambda o: o.key):
        for b in sorted(rights, key=lambda o: o.key):
            a_elements = {t for e, t in a.effects if e in _ELEMENT_EFFECTS}
            b_elements = {t for e, t in b.effects if e in _ELEMENT_EFFECTS}
            on_elements = any((x, y) in pairs_of_elements for x in a_elements for y in b_elements)
            both_remove = ("removesOffence", left_offence) in a.effects and any(
                ("removesOffence", r) in b.effects for r in right_offences
            )
            if on_elements or both_remove:
                matched.append(OptionComparison(a, b, _option_differences(a, b)))
                used_left.add(a.iri)
                used_right.add(b.iri)
    for a in sorted(lefts, key=lambda o: o.key):
        if a.iri not in used_left:
            matched.append(OptionComparison(a, None, ["no corresponding option"]))
    for b in sorted(rights, key=lambda o: o.key):
        if b.iri not in used_right:
            matched.append(OptionComparison(None, b, ["no corresponding option"]))
    return matched


def compare(store: ox.Store, left: str, right: str) -> Comparison:
    """Compare two instruments from the alignment recorded between them."""
    for name in (left, right):
        if name not in INSTRUMENTS:
            raise InputError(f"unknown instrument {name!r}: use one of {', '.join(INSTRUMENTS)}")
    if left == right:
        raise InputError(f"compare two different instruments, not {left} with itself")
    rows, flipped = _direction(store, left, right)
    source, target = (right, left) if flipped else (left, right)
    params = {"source": str(instrument_iri(source)), "target": str(instrument_iri(target))}
    _, corr_rows = run(store, get_query("compare_correspondences"), params)
    left_offences = {o.iri: o for o in _offences(store, left)}
    right_offences = {o.iri: o for o in _offences(store, right)}
    left_options, right_options = _options(store, left), _options(store, right)

    by_alignment: dict[str, dict[str, object]] = {}
    for r in rows:
        entry = by_alignment.setdefault(
            r["alignment"],
            {
                "source": r["sourceOffence"],
                "targets": set(),
                "notes": set(),
                "none": r["noCounterpart"] == "true",
                "order": int(r["sourceOrder"] or 0),
            },
        )
        if r["targetOffence"]:
            entry["targets"].add(r["targetOffence"])  # type: ignore[attr-defined]
        if r["note"]:
            entry["notes"].add(r["note"])  # type: ignore[attr-defined]

    results: list[OffenceComparison] = []
    reached_right: set[str] = set()
    reached_left: set[str] = set()
    for alignment, entry in sorted(by_alignment.items(), key=lambda kv: (kv[1]["order"], kv[0])):
        src, tgts = str(entry["source"]), sorted(entry["targets"])  # type: ignore[call-overload]
        left_iris, right_iris = ([src], tgts) if not flipped else (tgts, [src])
        correspondences = []
        for r in (r for r in corr_rows if r["alignment"] == alignment):
            s = (
                ElementRef(r["sourceElement"], r["sourceLabel"], r["sourceProvision"])
                if r["sourceElement"]
                else None
            )
            t = (
                ElementRef(r["targetElement"], r["targetLabel"], r["targetProvision"])
                if r["targetElement"]
                else None
            )
            relation = _FLIP[r["relation"]] if flipped else r["relation"]
            correspondences.append(
                Correspondence(relation, t, s, r["note"])
                if flipped
                else Correspondence(relation, s, t, r["note"])
            )
        correspondences.sort(
            key=lambda c: (
                c.left.provision if c.left else "~",
                c.left.iri if c.left else "",
                c.right.iri if c.right else "",
            )
        )
        covered = {c.left.iri for c in correspondences if c.left} | {
            c.right.iri for c in correspondences if c.right
        }
        uncovered_left = [
            e for o in left_iris for e in _base_elements(store, o) if e.iri not in covered
        ]
        uncovered_right = [
            e for o in right_iris for e in _base_elements(store, o) if e.iri not in covered
        ]
        options: list[OptionComparison] = []
        for lo in left_iris:
            options += _compare_options(
                lo, right_iris, correspondences, left_options, right_options
            )
        if not left_iris:
            options += [
                OptionComparison(None, o, ["no corresponding option"])
                for o in sorted(right_options.values(), key=lambda o: o.key)
                if o.offences & set(right_iris)
            ]
        reached_left.update(left_iris)
        reached_right.update(right_iris)
        results.append(
            OffenceComparison(
                left=left_offences.get(left_iris[0]) if left_iris else None,
                rights=[right_offences[i] for i in right_iris if i in right_offences],
                no_counterpart=bool(entry["none"]),
                notes=sorted(entry["notes"]),  # type: ignore[call-overload]
                correspondences=correspondences,
                uncovered_left=uncovered_left,
                uncovered_right=uncovered_right,
                options=options,
            )
        )
    return Comparison(
        left=left,
        right=right,
        flipped=flipped,
        offences=results,
        unaligned_left=[o for i, o in left_offences.items() if i not in reached_left],
        unaligned_right=[o for i, o in right_offences.items() if i not in reached_right],
    )


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

_RELATION_TEXT = {
    "same": "same",
    "broader": "{right} broader",
    "narrower": "{right} narrower",
    "only-in-source": "only in {source}",
    "only-in-target": "only in {target}",
}


def relation_text(c: Comparison, relation: str) -> str:
    """A relation in words from the reader's side: 'UNCC broader', 'only in ETS185'.

    Relations are stored already turned to the reader's side (left = source, right = target).
    """
    return _RELATION_TEXT[relation].format(right=c.right, source=c.left, target=c.right)


Block = tuple[str, object]


def _blocks(c: Comparison) -> list[Block]:
    """The comparison as headings, paragraphs and tables, for markdown and HTML."""
    L, R = c.left, c.right
    blocks: list[Block] = [("h1", f"Comparison of {L} and {R}")]
    blocks.append(
        (
            "p",
            f"Read from the offence alignment recorded in the knowledge graph; "
            f"relations say how the {R} element relates to the {L} element.",
        )
    )
    summary = []
    for o in c.offences:
        counts = {k: sum(1 for x in o.correspondences if x.relation == k) for k in _FLIP}
        differing = sum(1 for x in o.options if x.differences)
        summary.append(
            [
                str(o.left) if o.left else "—",
                "; ".join(map(str, o.rights)) or ("no counterpart" if o.no_counterpart else "—"),
                str(counts["same"]),
                str(counts["broader"]),
                str(counts["narrower"]),
                str(counts["only-in-source"]),
                str(counts["only-in-target"]),
                str(differing),
            ]
        )
    blocks.append(("h2", "Summary"))
    blocks.append(
        (
            "table",
            (
                [
                    f"{L} offence",
                    f"{R} offence",
                    "same",
                    f"{R} broader",
                    f"{R} narrower",
                    f"only in {L}",
                    f"only in {R}",
                    "options differing",
                ],
                summary,
            ),
        )
    )
    for o in c.offences:
        title = f"{o.left or '—'} ↔ " + ("; ".join(map(str, o.rights)) or "no counterpart")
        blocks.append(("h2", title))
        for note in o.notes:
            blocks.append(("p", f"Alignment note: {note}"))
        if o.no_counterpart:
            side = R if o.left else L
            blocks.append(("p", f"{side} has no corresponding offence."))
        if o.correspondences:
            blocks.append(("h3", "Elements"))
            rows = [
                [
                    str(x.left) if x.left else "—",
                    str(x.right) if x.right else "—",
                    relation_text(c, x.relation),
                    x.note,
                ]
                for x in o.correspondences
            ]
            blocks.append(("table", ([f"{L} element", f"{R} element", "relation", "note"], rows)))
        only_left = [x for x in o.correspondences if x.left and not x.right]
        only_right = [x for x in o.correspondences if x.right and not x.left]
        if only_left or only_right:
            blocks.append(("h3", "What one has that the other lacks"))
            items = [f"only in {L}: {x.left} — {x.note}" for x in only_left]
            items += [f"only in {R}: {x.right} — {x.note}" for x in only_right]
            blocks.append(("ul", items))
        if o.uncovered_left or o.uncovered_right:
            blocks.append(("h3", "Elements the alignment does not address"))
            items = [f"{L}: {e}" for e in o.uncovered_left]
            items += [f"{R}: {e}" for e in o.uncovered_right]
            blocks.append(("ul", items))
        if o.options:
            blocks.append(("h3", "Options"))
            rows = [
                [
                    str(x.left) if x.left else "—",
                    str(x.right) if x.right else "—",
                    "; ".join(x.differences) or "no difference recorded",
                ]
                for x in o.options
            ]
            blocks.append(("table", ([f"{L} option", f"{R} option", "differences"], rows)))
    if c.unaligned_left:
        blocks.append(("h2", f"{L} offences with no alignment to {R}"))
        blocks.append(("ul", [str(o) for o in c.unaligned_left]))
    if c.unaligned_right:
        blocks.append(("h2", f"{R} offences that no {L} offence is aligned with"))
        blocks.append(("ul", [str(o) for o in c.unaligned_right]))
    return blocks


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(c: Comparison) -> str:
    """The comparison as Markdown."""
    out: list[str] = []
    for kind, content in _blocks(c):
        if kind in ("h1", "h2", "h3"):
            out += ["#" * int(kind[1]) + f" {content}", ""]
        elif kind == "p":
            out += [str(content), ""]
        elif kind == "ul":
            out += [f"- {item}" for item in content] + [""]  # type: ignore[attr-defined]
        else:
            columns, rows = content  # type: ignore[misc]
            out.append("| " + " | ".join(columns) + " |")
            out.append("|" + "---|" * len(columns))
            out += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def to_html(c: Comparison) -> str:
    """The comparison as a standalone HTML page."""
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(f'Comparison of {c.left} and {c.right}')}</title>",
        "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;"
        "vertical-align:top}</style>",
        "</head>",
        "<body>",
    ]
    for kind, content in _blocks(c):
        if kind in ("h1", "h2", "h3", "p"):
            out.append(f"<{kind}>{e(str(content))}</{kind}>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in content) + "</ul>")  # type: ignore[attr-defined]
        else:
            columns, rows = content  # type: ignore[misc]
            out.append("<table>")
            out.append("<tr>" + "".join(f"<th>{e(h)}</th>" for h in columns) + "</tr>")
            out += ["<tr>" + "".join(f"<td>{e(v)}</td>" for v in row) + "</tr>" for row in rows]
            out.append("</table>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


CSV_COLUMNS = ("section", "left_offence", "right_offence", "left", "right", "relation", "detail")


def to_csv(c: Comparison) -> str:
    """The comparison as one flat CSV table (one row per offence, element and option)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for o in c.offences:
        lo = str(o.left) if o.left else ""
        ro = "; ".join(map(str, o.rights))
        writer.writerow(
            [
                "offence",
                lo,
                ro,
                lo,
                ro,
                "no counterpart" if o.no_counterpart else "aligned",
                " ".join(o.notes),
            ]
        )
        for x in o.correspondences:
            writer.writerow(
                [
                    "element",
                    lo,
                    ro,
                    str(x.left) if x.left else "",
                    str(x.right) if x.right else "",
                    relation_text(c, x.relation),
                    x.note,
                ]
            )
        for el in o.uncovered_left:
            writer.writerow(["element", lo, ro, str(el), "", "not addressed by the alignment", ""])
        for el in o.uncovered_right:
            writer.writerow(["element", lo, ro, "", str(el), "not addressed by the alignment", ""])
        for x in o.options:
            writer.writerow(
                [
                    "option",
                    lo,
                    ro,
                    str(x.left) if x.left else "",
                    str(x.right) if x.right else "",
                    (
                        "no counterpart"
                        if x.left is None or x.right is None
                        else "differs"
                        if x.differences
                        else "same"
                    ),
                    "; ".join(x.differences),
                ]
            )
    for off in c.unaligned_left:
        writer.writerow(["offence", str(off), "", str(off), "", "not aligned", ""])
    for off in c.unaligned_right:
        writer.writerow(["offence", "", str(off), "", str(off), "not aligned", ""])
    return buffer.getvalue()


def render_comparison(c: Comparison, fmt: str) -> str:
    """The comparison in one of FORMATS."""
    if fmt == "csv":
        return to_csv(c)
    if fmt == "html":
        return to_html(c)
    return to_markdown(c)
