"""Rendering rows as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json

FORMATS = ("table", "csv", "json")


def render(columns: list[str], rows: list[dict[str, str]], fmt: str) -> str:
    """Rows in the chosen format; the columns come in the given order."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
        return buffer.getvalue()
    return _table(columns, rows)


def _table(columns: list[str], rows: list[dict[str, str]], width: int = 60) -> str:
    def cut(text: str) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cut(row.get(c, "")) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + f"\n({len(rows)} rows)\n"
