"""Extract the provision texts of ETS185, ETS189 and the UNCC from the seeds into Turtle.

    .venv/bin/python scripts/extract_seeds.py --seeds ../shared/seeds --out ontology/text

Seed 002 holds the Slovenian texts of the Convention on Cybercrime (ETS185) and of its
Additional Protocol (ETS189, from the line "DODATNI PROTOKOL" on); seed 003 holds the
Croatian text of the United Nations Convention against Cybercrime (UNCC), as markdown
converted from a PDF. One Turtle file per instrument is written, by hand-made serialisation
so that it reads in document order and is byte-identical for the same input.

Every line of an instrument's body (from its first chapter heading to its signature formula)
is placed: as a heading, a title, the text of a numbered or lettered provision, or - where
declared below - as the continuation or closing text of a provision. A line that cannot be
placed raises SeedError naming the seed line; nothing is dropped silently.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TITLES_TSV = HERE / "article_titles_en.tsv"

ID = "https://w3id.org/cyberkg/id/"
LANG = {"ETS185": "sl", "ETS189": "sl", "UNCC": "hr"}
EXPECTED_ARTICLES = {"ETS185": 48, "ETS189": 16, "UNCC": 68}
DASH = "[-\u2013]"  # hyphen-minus or en dash, as the Slovenian headings use both

# ---------------------------------------------------------------------------------------
# Readings of the seed that the layout alone cannot decide. Each entry is used exactly once;
# an unused entry is an error, so the tables cannot go stale silently.
# ---------------------------------------------------------------------------------------

# An unlabelled line that follows the last sub-provision named in the key is the closing
# text of the provision named in the value (wording that belongs to the parent, printed
# after its parts), with the reading recorded as a scope note on the parent.
CLOSING: dict[tuple[str, str], tuple[str, str]] = {
    ("ETS185", "8(b)"): (
        "8",
        "The closing words 'z goljufivim ali nepoštenim namenom …' follow point (b) but "
        "qualify the whole article, that is both points (a) and (b), as in the authentic "
        "English text ('with fraudulent or dishonest intent of procuring, without right, an "
        "economic benefit …'); they are stored as the article's ck:closingText.",
    ),
    ("ETS185", "14(3)(b)(ii)"): (
        "14(3)(b)",
        "The words after sub-point (ii) ('si ta pogodbenica lahko pridrži pravico …') "
        "complete point (b): they apply to both sub-points (i) and (ii) and are stored as "
        "the ck:closingText of 14(3)(b).",
    ),
    ("UNCC", "11(1)(a)(ii)"): (
        "11(1)(a)",
        "The words after sub-point ii. ('s namjerom da taj uređaj …') belong to point (a) "
        "and qualify both sub-points i. and ii., as in the authentic English text; they "
        "are stored as the ck:closingText of 11(1)(a).",
    ),
    ("UNCC", "13(c)"): (
        "13",
        "The words after point (c) ('pri čemu postoji prijevarna ili nepoštena namjera …') "
        "qualify the whole article, that is points (a), (b) and (c); they are stored as the "
        "article's ck:closingText.",
    ),
    ("UNCC", "23(3)(b)(ii)"): (
        "23(3)(b)",
        "The words after sub-point ii. ('ta država stranka može zadržati pravo …') complete "
        "point (b): they apply to both sub-points i. and ii. and are stored as the "
        "ck:closingText of 23(3)(b).",
    ),
    ("UNCC", "28(1)(b)"): (
        "28(1)",
        "The words after point (b) ('na državnom području te države stranke') qualify both "
        "points (a) and (b); they are stored as the ck:closingText of paragraph 1.",
    ),
    ("UNCC", "29(1)(b)(ii)"): (
        "29(1)",
        "The words after sub-point ii. ('podataka o prometu u stvarnom vremenu …') are the "
        "common object of points (a) and (b) (and of sub-points i. and ii.), as in the "
        "authentic English text; they are stored as the ck:closingText of paragraph 1.",
    ),
    ("UNCC", "30(1)(b)(ii)"): (
        "30(1)",
        "The words after sub-point ii. ('podataka o sadržaju, u stvarnom vremenu …') are the "
        "common object of points (a) and (b) (and of sub-points i. and ii.), as in the "
        "authentic English text; they are stored as the ck:closingText of paragraph 1.",
    ),
}

# Provisions whose own text runs over more than one seed line (lines joined by a newline),
# with a scope note where the split is an artefact rather than part of the text's layout.
CONTINUATION: dict[tuple[str, str], str | None] = {
    ("ETS185", "39(1)"): None,  # the three conventions listed with "- " dashes
    ("ETS189", "2(1)"): None,  # "V tem protokolu pomeni:" then the definition
    ("UNCC", "36(3)"): (
        "In the seed the second sentence of this paragraph ('Država stranka smije prenositi "
        "…') is printed as a separate, unnumbered block; it is part of paragraph 3, as in "
        "the authentic English text, and is stored here on a second line."
    ),
    ("UNCC", "62(2)"): (
        "In the seed the second sentence of this paragraph ('Te organizacije ne ostvaruju "
        "…') is printed as a separate, unnumbered block; it is part of paragraph 2, as in "
        "the authentic English text, and is stored here on a second line."
    ),
}

# Articles whose paragraphs the seed does not number but the authentic English text does:
# each unlabelled line is the next paragraph.
UNNUMBERED_PARAGRAPHS: dict[tuple[str, str], str] = {
    ("ETS185", "41"): (
        "The Slovenian text does not number these paragraphs; numbered as in the authentic "
        "English text."
    ),
}

# Translation differences and readings recorded on single provisions.
NOTES: dict[tuple[str, str], list[str]] = {
    ("ETS185", "4(1)"): [
        "The Slovenian text omits 'neupravičeno' (without right), which the authentic "
        "English text of Article 4(1) contains ('… alteration or suppression of computer "
        "data without right'); the text is stored as the seed gives it."
    ],
    ("ETS185", "6(3)"): [
        "The Slovenian text says 'Pogodbenice si pridržujejo pravico' (the Parties reserve "
        "the right), where the authentic English text says 'Each Party may reserve the "
        "right'; the reservation is optional in the English text."
    ],
    ("ETS185", "9(2)(c)"): [
        "The Slovenian 'resnično slikovno prikazovanje' reads as 'real depiction'; the "
        "authentic English text says 'realistic images representing a minor engaged in "
        "sexually explicit conduct'."
    ],
    ("ETS189", "4"): [
        "The enumeration '(i) … ali (ii) …' is printed inside the sentence, as in the "
        "authentic English text; it is not modelled as separate sub-points."
    ],
    ("ETS189", "5(1)"): [
        "The enumeration '(i) … ali (ii) …' is printed inside the sentence, as in the "
        "authentic English text; it is not modelled as separate sub-points."
    ],
    ("UNCC", "8(1)"): [
        "The Croatian text here says 'električkih podataka' where Article 2(b) defines "
        "'elektronički podaci'; the authentic English text says 'electronic data' in both "
        "places."
    ],
    ("UNCC", "9"): [
        "The Croatian title and paragraph 1 say 'električki podaci' where Article 2(b) "
        "defines 'elektronički podaci'; the authentic English text says 'electronic data'."
    ],
    ("UNCC", "14(1)(b)"): [
        "The Croatian 'nuđenje' (offering) appears to render the English 'soliciting' of "
        "the authentic text ('Soliciting, procuring or accessing …'); point (a) uses the "
        "same Croatian word for 'offering'."
    ],
    ("UNCC", "23(2)(b)"): [
        "The Croatian 'putem sustava i informacijske tehnologije' is garbled; the authentic "
        "English text says 'by means of an information and communications technology "
        "system'."
    ],
    ("UNCC", "23(2)(c)"): [
        "The Croatian text says 'u električkom obliku' where the Convention elsewhere says "
        "'u elektroničkom obliku' (English: 'in electronic form')."
    ],
}

CYRILLIC_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*")
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
ROMAN_VALUE = {"I": 1, "V": 5, "X": 10}


class SeedError(Exception):
    """A line of a seed that the extractor cannot place, or an inconsistency in the seed."""

    def __init__(self, seed: Path, line: int, text: str, reason: str) -> None:
        super().__init__(f"{seed.name}, line {line}: {reason}: {text.strip()[:100]!r}")


def roman_to_int(numeral: str) -> int:
    """Roman numeral (upper case, I to XXXIX) to integer."""
    total = 0
    for index, char in enumerate(numeral):
        value = ROMAN_VALUE[char]
        following = ROMAN_VALUE[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


# ---------------------------------------------------------------------------------------
# The document model
# ---------------------------------------------------------------------------------------


@dataclass
class Division:
    """A chapter, section or title."""

    kind: str  # "chapter", "section", "title"
    local: str  # ch2, ch2-sec1, ch2-sec1-tit1
    printed: str  # the number as printed: "II", "1"
    title: str
    parent: Division | None
    line: int
    order: int = 0


@dataclass
class Provision:
    """An article, paragraph, point or sub-point."""

    kind: str  # "article", "paragraph", "point", "subpoint"
    levels: list[str]
    parent: Provision | None
    division: Division | None
    line: int
    text: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    children: list[Provision] = field(default_factory=list)
    title: str = ""
    notes: list[str] = field(default_factory=list)
    closed: bool = False
    order: int = 0

    @property
    def canonical(self) -> str:
        return self.levels[0] + "".join(f"({level})" for level in self.levels[1:])

    @property
    def local(self) -> str:
        return "art" + "-".join(self.levels)


@dataclass
class Instrument:
    code: str
    seed: Path
    items: list[Division | Provision] = field(default_factory=list)
    articles: list[Provision] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return LANG[self.code]


# ---------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------


class Parser:
    """Shared logic: place body lines (labels, text, continuations, closing texts)."""

    def __init__(self, code: str, seed: Path, used: set[tuple[str, ...]]) -> None:
        self.instrument = Instrument(code, seed)
        self.seed = seed
        self.used = used
        self.article: Provision | None = None
        self.deepest: Provision | None = None
        self.chapter: Division | None = None
        self.section: Division | None = None
        self.title: Division | None = None

    # -- helpers ------------------------------------------------------------------------

    def fail(self, line: int, text: str, reason: str) -> SeedError:
        return SeedError(self.seed, line, text, reason)

    def add(self, item: Division | Provision) -> None:
        self.instrument.items.append(item)
        item.order = len(self.instrument.items)

    def key(self, node: Provision) -> tuple[str, str]:
        return (self.instrument.code, node.canonical)

    # -- divisions ----------------------------------------------------------------------

    def open_chapter(self, line: int, text: str, printed: str, title: str) -> Division:
        number = roman_to_int(printed)
        chapters = [d for d in self.instrument.items if isinstance(d, Division)]
        expected = 1 + sum(1 for d in chapters if d.kind == "chapter")
        if number != expected:
            raise self.fail(line, text, f"chapter {printed} out of sequence (expected {expected})")
        self.close_article()
        division = Division("chapter", f"ch{number}", printed, title, None, line)
        self.chapter, self.section, self.title = division, None, None
        self.add(division)
        return division

    def open_section(self, line: int, text: str, number: int, title: str) -> Division:
        if self.chapter is None:
            raise self.fail(line, text, "section outside a chapter")
        expected = 1 + sum(
            1
            for d in self.instrument.items
            if isinstance(d, Division) and d.kind == "section" and d.parent is self.chapter
        )
        if number != expected:
            raise self.fail(line, text, f"section {number} out of sequence (expected {expected})")
        self.close_article()
        local = f"{self.chapter.local}-sec{number}"
        division = Division("section", local, str(number), title, self.chapter, line)
        self.section, self.title = division, None
        self.add(division)
        return division

    def open_title(self, line: int, text: str, number: int, title: str) -> Division:
        if self.section is None:
            raise self.fail(line, text, "title outside a section")
        expected = 1 + sum(
            1
            for d in self.instrument.items
            if isinstance(d, Division) and d.kind == "title" and d.parent is self.section
        )
        if number != expected:
            raise self.fail(line, text, f"title {number} out of sequence (expected {expected})")
        self.close_article()
        local = f"{self.section.local}-tit{number}"
        division = Division("title", local, str(number), title, self.section, line)
        self.title = division
        self.add(division)
        return division

    # -- articles -----------------------------------------------------------------------

    def open_article(self, line: int, text: str, number: int) -> Provision:
        expected = len(self.instrument.articles) + 1
        if number != expected:
            raise self.fail(line, text, f"article {number} out of sequence (expected {expected})")
        if self.chapter is None:
            raise self.fail(line, text, "article before the first chapter")
        self.close_article()
        division = self.title or self.section or self.chapter
        article = Provision("article", [str(number)], None, division, line)
        self.instrument.articles.append(article)
        self.article = self.deepest = article
        self.add(article)
        return article

    def close_article(self) -> None:
        article = self.article
        if article is None:
            return
        if not article.title:
            raise self.fail(article.line, f"Article {article.canonical}", "article has no title")
        for node in walk(article):
            if not (node.text or node.children):
                raise self.fail(node.line, node.canonical, "provision has neither text nor parts")
        self.article = self.deepest = None

    # -- body lines ---------------------------------------------------------------------

    def split_labels(self, text: str) -> tuple[list[tuple[str, str]], str]:
        """Labels at the start of a body line, as (kind, value), and the remaining text."""
        raise NotImplementedError

    def body_line(self, line: int, text: str) -> None:
        if self.article is None:
            raise self.fail(line, text, "text outside any article")
        labels, rest = self.split_labels(text)
        if labels:
            node: Provision | None = None
            for kind, value in labels:
                node = self.open_label(line, text, kind, value)
            assert node is not None
            if rest:
                node.text.append(rest)
            return
        self.unlabelled(line, text)

    def open_label(self, line: int, text: str, kind: str, value: str) -> Provision:
        article = self.article
        assert article is not None
        paragraphs = [c for c in article.children if c.kind == "paragraph"]
        if kind == "paragraph":
            if any(c.kind == "point" for c in article.children):
                raise self.fail(line, text, "paragraph after points directly under the article")
            expected = str(len(paragraphs) + 1)
            if value != expected:
                raise self.fail(
                    line, text, f"paragraph {value} out of sequence (expected {expected})"
                )
            return self.new_child(article, "paragraph", value, line, text)
        container = paragraphs[-1] if paragraphs else article
        points = [c for c in container.children if c.kind == "point"]
        if kind == "letter":  # a) / i): a point, unless it continues a run of sub-points
            kind = self.letter_or_roman(value, points)
        if kind == "point":
            expected = chr(ord(points[-1].levels[-1]) + 1) if points else "a"
            if value != expected:
                raise self.fail(line, text, f"point {value} out of sequence (expected {expected})")
            return self.new_child(container, "point", value, line, text)
        if not points:
            raise self.fail(line, text, f"sub-point {value} outside any point")
        point = points[-1]
        expected = ROMAN[len(point.children)]
        if value != expected:
            raise self.fail(line, text, f"sub-point {value} out of sequence (expected {expected})")
        return self.new_child(point, "subpoint", value, line, text)

    @staticmethod
    def letter_or_roman(value: str, points: list[Provision]) -> str:
        if value not in ROMAN:
            return "point"
        if len(value) > 1:
            return "subpoint"
        if not points:
            return "point"
        last = points[-1]
        if value == chr(ord(last.levels[-1]) + 1):  # i) after h): the next point
            return "point"
        return "subpoint"

    def new_child(
        self, parent: Provision, kind: str, value: str, line: int, text: str
    ) -> Provision:
        if parent.closed:
            raise self.fail(line, text, f"new part of {parent.canonical} after its closing text")
        node = Provision(kind, [*parent.levels, value], parent, None, line)
        parent.children.append(node)
        self.deepest = node
        self.add(node)
        return node

    def unlabelled(self, line: int, text: str) -> None:
        article, deepest = self.article, self.deepest
        assert article is not None and deepest is not None
        key = self.key(article)
        if key in UNNUMBERED_PARAGRAPHS:
            self.used.add(("unnumbered", *key))
            if any(c.kind != "paragraph" for c in article.children) or article.text:
                raise self.fail(line, text, "unnumbered paragraphs mixed with other parts")
            value = str(len(article.children) + 1)
            node = self.new_child(article, "paragraph", value, line, text)
            node.text.append(text)
            node.notes.append(UNNUMBERED_PARAGRAPHS[key])
            return
        if not deepest.text and not deepest.children:
            deepest.text.append(text)
            return
        key = self.key(deepest)
        if key in CLOSING and not deepest.children:
            self.used.add(("closing", *key))
            target_canonical, note = CLOSING[key]
            target = deepest.parent
            while target is not None and target.canonical != target_canonical:
                target = target.parent
            if target is None or target.closing:
                raise self.fail(line, text, f"closing text for {target_canonical} misplaced")
            target.closing.append(text)
            target.notes.append(note)
            target.closed = True
            self.deepest = target
            return
        if key in CONTINUATION and not deepest.children:
            self.used.add(("continuation", *key))
            deepest.text.append(text)
            note = CONTINUATION[key]
            if note and note not in deepest.notes:
                deepest.notes.append(note)
            return
        raise self.fail(
            line,
            text,
            f"unnumbered text after {self.instrument.code} {deepest.canonical}: not declared "
            "as a continuation or closing text",
        )


class CoeParser(Parser):
    """Seed 002: plain text, 'N. člen' headings, labels '1)', 'a)', 'i)'."""

    CHAPTER = re.compile(rf"^([IVX]+)\. poglavje\s*{DASH}\s*(.+)$")
    SECTION = re.compile(rf"^Oddelek (\d+)\s*{DASH}\s*(.+)$")
    TITLE = re.compile(rf"^Naslov (\d+)\s*{DASH}\s*(.+)$")
    ARTICLE = re.compile(rf"^(\d+)\. člen(?:\s*{DASH}\s*(.+))?$")
    LABEL = re.compile(r"^(\d+|[a-z]{1,4})\)\s*")
    END = "Da bi to potrdili"

    def split_labels(self, text: str) -> tuple[list[tuple[str, str]], str]:
        match = self.LABEL.match(text)
        if not match:
            return [], text
        value = match.group(1)
        if value.isdigit():
            kind = "paragraph"
        elif value in ROMAN and len(value) > 1:
            kind = "subpoint"
        elif len(value) == 1:
            kind = "letter"
        else:
            return [], text
        return [(kind, value)], text[match.end() :].strip()

    def heading_continuation(self, lines: list[str], index: int) -> tuple[str, int]:
        """Join a heading that the seed breaks over lines (the next line starts lower case)."""
        parts: list[str] = []
        while index < len(lines):
            candidate = lines[index].strip()
            if not candidate or not candidate[0].islower() or self.LABEL.match(candidate):
                break
            parts.append(candidate)
            index += 1
        return " ".join(parts), index

    def parse(self, lines: list[str], first: int) -> Instrument:
        """Parse lines (seed line numbers start at first) of one instrument."""
        index, started = 0, False
        while index < len(lines):
            lineno, text = first + index, lines[index].strip()
            index += 1
            if not text:
                continue
            if text.startswith(self.END) and started:
                self.close_article()
                break
            if match := self.CHAPTER.match(text):
                started = True
                extra, index = self.heading_continuation(lines, index)
                title = join_title(match.group(2), extra)
                self.open_chapter(lineno, text, match.group(1), title)
                continue
            if not started:
                continue  # the preamble
            if match := self.SECTION.match(text):
                extra, index = self.heading_continuation(lines, index)
                self.open_section(
                    lineno, text, int(match.group(1)), join_title(match.group(2), extra)
                )
                continue
            if match := self.TITLE.match(text):
                extra, index = self.heading_continuation(lines, index)
                self.open_title(
                    lineno, text, int(match.group(1)), join_title(match.group(2), extra)
                )
                continue
            if match := self.ARTICLE.match(text):
                article = self.open_article(lineno, text, int(match.group(1)))
                title = match.group(2) or ""
                if not title:
                    while index < len(lines) and not lines[index].strip():
                        index += 1
                    if index >= len(lines):
                        raise self.fail(lineno, text, "article without title")
                    title = lines[index].strip()
                    if self.LABEL.match(title) or self.ARTICLE.match(title):
                        raise self.fail(first + index, title, "expected the article's title")
                    index += 1
                extra, index = self.heading_continuation(lines, index)
                article.title = join_title(title, extra)
                continue
            self.body_line(lineno, text)
        else:
            raise self.fail(first + len(lines) - 1, "", "no signature formula after the text")
        return self.instrument


class MarkdownParser(Parser):
    """Seed 003: markdown from a PDF, '## **ČLANAK 7.**' headings, labels '1.', '(a)', 'i.'."""

    CHAPTER = re.compile(r"^POGLAVLJE ([IVX]+)\.$")
    ARTICLE = re.compile(r"^(?:ČLANAK|Članak) (\d+)\.$")
    PARAGRAPH = re.compile(r"^(?:(\d+)\.|\((\d+)\))\s+")
    POINT = re.compile(r"^\(([a-z])\)\s*")
    SUBPOINT = re.compile(r"^([ivx]+)\.\s+")
    END = "U POTVRDU"

    def split_labels(self, text: str) -> tuple[list[tuple[str, str]], str]:
        labels: list[tuple[str, str]] = []
        rest = text
        if match := self.PARAGRAPH.match(rest):
            labels.append(("paragraph", match.group(1) or match.group(2)))
            rest = rest[match.end() :]
        if match := self.POINT.match(rest):
            labels.append(("point", match.group(1)))
            rest = rest[match.end() :]
        if match := self.SUBPOINT.match(rest):
            labels.append(("subpoint", match.group(1)))
            rest = rest[match.end() :]
        return labels, rest.strip()

    def parse(self, lines: list[str], first: int) -> Instrument:
        index, started = 0, False
        expecting_title: Division | Provision | None = None
        while index < len(lines):
            lineno, raw = first + index, lines[index]
            index += 1
            text = clean_markdown(raw)
            if not text:
                continue
            if text.startswith(self.END) and started:
                self.close_article()
                break
            heading = raw.lstrip().startswith("#")
            if heading and (match := self.CHAPTER.match(text)):
                started = True
                expecting_title = self.open_chapter(lineno, raw, match.group(1), "")
                continue
            if not started:
                continue  # the cover page and the preamble
            if expecting_title is not None:
                if not heading:
                    raise self.fail(lineno, raw, "expected a title heading")
                expecting_title.title = text
                expecting_title = None
                continue
            if heading and (match := self.ARTICLE.match(text)):
                expecting_title = self.open_article(lineno, raw, int(match.group(1)))
                continue
            if heading:
                raise self.fail(lineno, raw, "unexpected heading")
            self.body_line(lineno, text)
        else:
            raise self.fail(first + len(lines) - 1, "", "no signature formula after the text")
        return self.instrument


def clean_markdown(line: str) -> str:
    """Strip markdown from a seed 003 line: heading marks, bold/italic stars, bullets."""
    text = line.replace("**", "").replace("*", "").strip()
    text = text.lstrip("#").strip()
    text = re.sub(r"^(?:-\s+)+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def join_title(first: str, extra: str) -> str:
    return re.sub(r"\s+", " ", f"{first} {extra}").strip()


def walk(node: Provision) -> Iterator[Provision]:
    yield node
    for child in node.children:
        yield from walk(child)


# ---------------------------------------------------------------------------------------
# Reading the seeds
# ---------------------------------------------------------------------------------------


def find_seed(seeds: Path, prefix: str) -> Path:
    matches = sorted(seeds.glob(f"{prefix}_*.txt"))
    if len(matches) != 1:
        raise SystemExit(f"expected exactly one seed {prefix}_*.txt in {seeds}, found {matches}")
    return matches[0]


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def parse_all(seeds: Path) -> tuple[list[Instrument], set[tuple[str, ...]]]:
    used: set[tuple[str, ...]] = set()
    coe = find_seed(seeds, "002")
    lines = read_lines(coe)
    starts = [i for i, line in enumerate(lines) if line.strip().startswith("DODATNI PROTOKOL")]
    if len(starts) != 1:
        raise SeedError(coe, 1, "", "cannot find the start of the Protocol ('DODATNI PROTOKOL')")
    split = starts[0]
    ets185 = CoeParser("ETS185", coe, used).parse(lines[:split], 1)
    ets189 = CoeParser("ETS189", coe, used).parse(lines[split:], split + 1)
    uncc_seed = find_seed(seeds, "003")
    uncc = MarkdownParser("UNCC", uncc_seed, used).parse(read_lines(uncc_seed), 1)
    return [ets185, ets189, uncc], used


def check_tables(used: set[tuple[str, ...]]) -> None:
    declared = {("closing", *k) for k in CLOSING}
    declared |= {("continuation", *k) for k in CONTINUATION}
    declared |= {("unnumbered", *k) for k in UNNUMBERED_PARAGRAPHS}
    unused = sorted(declared - used)
    if unused:
        raise SystemExit(f"declared readings never met in the seeds (stale tables): {unused}")


def read_titles(path: Path) -> dict[tuple[str, str], str]:
    titles: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in LANG or not parts[2].strip():
            raise SystemExit(f"{path.name}, line {number}: expected instrument<TAB>name<TAB>title")
        key = (parts[0], parts[1])
        if key in titles:
            raise SystemExit(f"{path.name}, line {number}: duplicate entry {key}")
        titles[key] = parts[2].strip()
    return titles


# ---------------------------------------------------------------------------------------
# Writing Turtle
# ---------------------------------------------------------------------------------------

CLASS = {
    "chapter": "ck:Chapter",
    "section": "ck:Section",
    "title": "ck:Title",
    "article": "ck:Article",
    "paragraph": "ck:Paragraph",
    "point": "ck:Point",
    "subpoint": "ck:SubPoint",
}

NAMES = {
    "ETS185": "Convention on Cybercrime (ETS No. 185)",
    "ETS189": (
        "Additional Protocol to the Convention on Cybercrime, concerning the criminalisation "
        "of acts of a racist and xenophobic nature committed through computer systems "
        "(ETS No. 189)"
    ),
    "UNCC": "United Nations Convention against Cybercrime",
}
SOURCES = {
    "ETS185": "the Slovenian text, Uradni list RS, št. 62/2004",
    "ETS189": "the Slovenian text of the Additional Protocol, in the same seed",
    "UNCC": "the Croatian text, Council of the EU document 12735/25, markdown from a PDF",
}


def literal(text: str, lang: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if "\n" in text:
        return f'"""{escaped}"""@{lang}'
    return f'"{escaped}"@{lang}'


def division_label(code: str, division: Division) -> str:
    chain: list[Division] = []
    current: Division | None = division
    while current is not None:
        chain.insert(0, current)
        current = current.parent
    words = {"chapter": "Chapter", "section": "Section", "title": "Title"}
    return f"{code} " + ", ".join(f"{words[d.kind]} {d.printed}" for d in chain)


def cyrillic_note(texts: list[str]) -> str | None:
    words = sorted({w for t in texts for w in CYRILLIC_WORD.findall(t)})
    if not words:
        return None
    listed = ", ".join(f"'{w}'" for w in words)
    return (
        "The seed text contains Cyrillic letters inside Latin-script words (an artefact of "
        f"the conversion of the source document): {listed}. The wording is stored exactly as "
        "in the seed."
    )


def render(instrument: Instrument, titles: dict[tuple[str, str], str]) -> str:
    code, lang = instrument.code, instrument.lang
    prefix = code.lower()
    out: list[str] = [
        f"# {code} - {NAMES[code]}: the provision texts.",
        "#",
        f"# Derived from {instrument.seed.name} ({SOURCES[code]})",
        "# by scripts/extract_seeds.py; English titles from scripts/article_titles_en.tsv.",
        "# Generated file: do not edit by hand, change the extractor and re-run",
        "#   .venv/bin/python scripts/extract_seeds.py --seeds ../shared/seeds --out ontology/text",
        "#",
        "# In document order: the chapters (and, where the text has them, sections and titles)",
        "# and every article with its paragraphs, points and sub-points. ck:text is the seed",
        "# wording of a provision without the wording of its parts; ck:closingText is wording",
        f"# printed after the parts that belongs to the provision itself. Wording is @{lang}; the",
        "# preamble and the signature formula are not provisions and are not included.",
        "",
        "@prefix ck:      <https://w3id.org/cyberkg/ontology#> .",
        "@prefix eli:     <http://data.europa.eu/eli/ontology#> .",
        "@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .",
        f"@prefix id:      <{ID}> .",
        f"@prefix {prefix}:{' ' * max(1, 8 - len(prefix))}<{ID}{code}/> .",
        "",
    ]
    used_titles: set[tuple[str, str]] = set()

    def english(local: str) -> str:
        key = (code, local)
        if key not in titles:
            raise SystemExit(f"{TITLES_TSV.name}: no English title for {code} {local}")
        used_titles.add(key)
        return titles[key]

    for item in instrument.items:
        if isinstance(item, Division):
            title_en = english(item.local)
            parent = f"{prefix}:{item.parent.local}" if item.parent else f"id:{code}"
            label = f"{division_label(code, item)} \u2014 {title_en}"
            out.append(f"# {label} (seed line {item.line})")
            statements = [
                f"ck:instrument id:{code}",
                f'eli:number "{item.printed}"',
                f"eli:title {literal(title_en, 'en')}",
                f"eli:title {literal(item.title, lang)}",
                f"eli:is_part_of {parent}",
                f"ck:order {item.order}",
                f"rdfs:label {literal(label, 'en')}",
            ]
            out.extend(block(f"{prefix}:{item.local}", CLASS[item.kind], statements))
            continue
        node = item
        notes = list(NOTES.get((code, node.canonical), []))
        notes += node.notes
        if node.kind == "article":
            title_en = english(node.local)
            label = f"{code} Article {node.canonical} \u2014 {title_en}"
            out.append(f"# Article {node.canonical} \u2014 {title_en} (seed line {node.line})")
            division = node.division
            parent = f"{prefix}:{division.local}" if division else f"id:{code}"
            note = cyrillic_note([node.title, *node.text, *node.closing])
        else:
            label = f"{code} Article {node.canonical}"
            assert node.parent is not None
            parent = f"{prefix}:{node.parent.local}"
            note = cyrillic_note([*node.text, *node.closing])
        if note:
            notes.append(note)
        statements = [
            f"ck:instrument id:{code}",
            f'skos:notation "{node.canonical}"',
            f'eli:number "{node.levels[-1]}"',
        ]
        if node.kind == "article":
            statements += [
                f"eli:title {literal(title_en, 'en')}",
                f"eli:title {literal(node.title, lang)}",
            ]
        statements += [
            f"eli:is_part_of {parent}",
            f"ck:order {node.order}",
            f"rdfs:label {literal(label, 'en')}",
        ]
        statements += [f"skos:scopeNote {literal(n, 'en')}" for n in notes]
        if node.text:
            statements.append(f"ck:text {literal(chr(10).join(node.text), lang)}")
        if node.closing:
            statements.append(f"ck:closingText {literal(chr(10).join(node.closing), lang)}")
        out.extend(block(f"{prefix}:{node.local}", CLASS[node.kind], statements))

    unused = sorted(k for k in titles if k[0] == code and k not in used_titles)
    if unused:
        raise SystemExit(
            f"{TITLES_TSV.name}: titles for divisions or articles not in the seed: {unused}"
        )
    return "\n".join(out).rstrip("\n") + "\n"


def block(subject: str, cls: str, statements: list[str]) -> list[str]:
    lines = [f"{subject} a {cls} ;"]
    for index, statement in enumerate(statements):
        end = " ." if index == len(statements) - 1 else " ;"
        lines.append(f"    {statement}{end}")
    lines.append("")
    return lines


def check_notes(instruments: list[Instrument]) -> None:
    known = {(i.code, node.canonical) for i in instruments for a in i.articles for node in walk(a)}
    missing = sorted(set(NOTES) - known)
    if missing:
        raise SystemExit(f"scope notes for provisions that do not exist: {missing}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seeds", type=Path, required=True, help="the seeds folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the .ttl files")
    args = parser.parse_args(argv)
    titles = read_titles(TITLES_TSV)
    try:
        instruments, used = parse_all(args.seeds)
    except SeedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    check_tables(used)
    check_notes(instruments)
    args.out.mkdir(parents=True, exist_ok=True)
    for instrument in instruments:
        count, expected = len(instrument.articles), EXPECTED_ARTICLES[instrument.code]
        if count != expected:
            raise SystemExit(f"{instrument.code}: {count} articles, expected {expected}")
        text = render(instrument, titles)
        path = args.out / f"{instrument.code}.ttl"
        path.write_text(text, encoding="utf-8", newline="\n")
        kinds: dict[str, int] = {}
        for item in instrument.items:
            kinds[item.kind] = kinds.get(item.kind, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(f"{path}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
