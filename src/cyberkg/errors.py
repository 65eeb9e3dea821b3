"""Typed errors; each carries the place (file, line, column or row) of the bad input."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Location:
    """Where a problem is: a line (and column) of a text file, or a row of a table."""

    path: Path | str
    line: int | None = None
    column: int | None = None
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = [str(self.path)]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field is not None:
            parts.append(f"column '{self.field}'")
        return ", ".join(parts)


class CyberkgError(Exception):
    """Base class: an error the user can act on. The CLI prints it without a traceback."""

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class SourceSyntaxError(CyberkgError):
    """A Turtle source (ontology, shapes, profile) cannot be parsed."""


class InputError(CyberkgError):
    """A user-supplied input (CSV row, parameter, fact pattern) is malformed."""


class NotBuiltError(CyberkgError):
    """The built graph a command needs is missing."""


class IntegrityError(CyberkgError):
    """The knowledge graph violates its own integrity shapes or is inconsistent."""

    exit_code = 1


def read_utf8(path: Path) -> str:
    """A text file's content; an unreadable or non-UTF-8 file is an InputError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})", Location(path)) from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", Location(path)) from exc
