"""The statements CSV: the interchange format for Parties' treaty acts and choices.

Columns, exactly: party,instrument,act,provision,date,value,note. Reading checks the syntax
of every row and reports every bad cell with its row and column; the legal checks are the
profile shapes' job, so a well-formed row is never refused for what it says.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, Location, read_utf8
from .iris import INSTRUMENTS, is_canonical_provision, is_party_code

COLUMNS: tuple[str, ...] = ("party", "instrument", "act", "provision", "date", "value", "note")
ACTS: tuple[str, ...] = (
    "signature", "ratification", "acceptance", "approval", "accession", "reservation",
    "declaration", "option", "notification", "withdrawal", "denunciation",
)  # fmt: skip
ACTS_WITHOUT_PROVISION = frozenset(
    {"signature", "ratification", "acceptance", "approval", "accession", "denunciation"}
)
_MAX_REPORTED = 50


@dataclass(frozen=True, order=True)
class StatementRow:
    """One row of a statements table; row is its 1-based line number in the file (header = 1)."""

    party: str
    instrument: str
    act: str
    provision: str
    date: str
    value: str
    note: str
    row: int = 0

    def key(self) -> tuple[str, ...]:
        """The row's content, without its position (for comparing tables)."""
        return (self.party, self.instrument, self.act, self.provision, self.date, self.value,
                self.note)  # fmt: skip


def _cell_errors(cells: dict[str, str]) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not is_party_code(cells["party"]):
        errors.append(("party", f"{cells['party']!r} is not an ISO 3166-1 alpha-3 code or EU"))
    if cells["instrument"] not in INSTRUMENTS:
        errors.append(
            ("instrument", f"{cells['instrument']!r} is not one of {', '.join(INSTRUMENTS)}")
        )
    act = cells["act"]
    if act not in ACTS:
        errors.append(("act", f"{act!r} is not one of {', '.join(ACTS)}"))
    provision = cells["provision"]
    if act in ACTS_WITHOUT_PROVISION and provision:
        errors.append(("provision", f"must be empty for a {act}, not {provision!r}"))
    elif act in ACTS and act not in ACTS_WITHOUT_PROVISION and not provision:
        errors.append(("provision", f"a {act} needs the provision it concerns, e.g. 9(3)"))
    elif provision and not is_canonical_provision(provision):
        errors.append(
            ("provision", f"{provision!r} is not in canonical form (e.g. 9(3), 27(9)(e))")
        )
    try:
        dt.date.fromisoformat(cells["date"])
        if len(cells["date"]) != 10:
            raise ValueError
    except ValueError:
        errors.append(("date", f"{cells['date']!r} is not a date YYYY-MM-DD"))
    return errors


def parse_statements(text: str, source: Path | str) -> list[StatementRow]:
    """Parse a statements table; raise InputError naming every bad row and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", Location(source, row=1)) from exc
    if header is None:
        raise InputError("empty file: expected the header " + ",".join(COLUMNS), Location(source))
    if tuple(h.strip() for h in header) != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        detail = f" (missing: {', '.join(missing)})" if missing else ""
        raise InputError(
            f"the header must be exactly {','.join(COLUMNS)}{detail}; found {','.join(header)}",
            Location(source, row=1),
        )
    rows: list[StatementRow] = []
    problems: list[str] = []
    line = 1
    try:
        for line_no, cells_list in enumerate(reader, start=2):
            line = line_no
            if not any(c.strip() for c in cells_list):
                continue  # a blank line carries no statement
            if len(cells_list) != len(COLUMNS):
                problems.append(
                    f"{Location(source, row=line_no)}: expected {len(COLUMNS)} columns, "
                    f"found {len(cells_list)} (quote cells that contain commas)"
                )
                continue
            cells = dict(zip(COLUMNS, (c.strip() for c in cells_list), strict=True))
            errors = _cell_errors(cells)
            problems += [f"{Location(source, row=line_no, field=f)}: {m}" for f, m in errors]
            if not errors:
                rows.append(StatementRow(**cells, row=line_no))
    except csv.Error as exc:
        problems.append(f"{Location(source, row=line + 1)}: malformed CSV: {exc}")
    if problems:
        shown = problems[:_MAX_REPORTED]
        more = len(problems) - len(shown)
        tail = f"\n  … and {more} more" if more else ""
        raise InputError(
            f"{len(problems)} bad cell(s) in {source}; nothing was imported:\n  "
            + "\n  ".join(shown)
            + tail
        )
    return rows


def read_statements(path: Path) -> list[StatementRow]:
    """Read a statements CSV file (UTF-8)."""
    text = read_utf8(path)
    return parse_statements(text, path)


def write_statements(rows: list[StatementRow]) -> str:
    """The rows as CSV text with the header, in the given order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row.key() for row in rows)
    return buffer.getvalue()
