"""The notebooks: committed without outputs, public API only, and each runs top to bottom.

Each notebook is executed on a fresh kernel (nbclient) against a fresh build of the graph.
Two cells are added around it while it runs (not in the file): one keeps the inline figures
open, one checks at the end that every figure is readable — a title, labelled axes, no text
overlapping other text, nothing cut off at the edge of the figure.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from cyberkg import api

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
EXPECTED = [
    "01_tour.ipynb",
    "02_compare_instruments.ipynb",
    "03_validate_a_profile.ipynb",
    "04_dual_criminality.ipynb",
    "05_reservations_map.ipynb",
]
# How many figures each notebook draws: the readability check must have something to check.
FIGURES = {
    "01_tour.ipynb": 3,
    "02_compare_instruments.ipynb": 2,
    "03_validate_a_profile.ipynb": 0,
    "04_dual_criminality.ipynb": 0,
    "05_reservations_map.ipynb": 2,
}

KEEP_FIGURES = "%config InlineBackend.close_figures = False"

CHECK_FIGURES = """
import itertools
import matplotlib.pyplot as _plt

def _inside(value, limits):
    low, high = sorted(limits)
    return low - 1e-9 <= value <= high + 1e-9

def _texts(fig):
    found = list(fig.texts)
    if getattr(fig, "_suptitle", None) is not None:
        found.append(fig._suptitle)
    for ax in fig.axes:
        found += [ax.title, ax._left_title, ax._right_title] + list(ax.texts)
        if ax.axison:  # tick labels beyond the view limits are not drawn
            found += [ax.xaxis.label, ax.yaxis.label]
            xlim, ylim = ax.get_xlim(), ax.get_ylim()
            found += [t for t in ax.get_xticklabels() if _inside(t.get_position()[0], xlim)]
            found += [t for t in ax.get_yticklabels() if _inside(t.get_position()[1], ylim)]
        legend = ax.get_legend()
        if legend is not None:
            found += list(legend.get_texts()) + [legend.get_title()]
    unique = {id(t): t for t in found}
    return [t for t in unique.values() if t.get_visible() and t.get_text().strip()]

_problems = []
for _num in _plt.get_fignums():
    _fig = _plt.figure(_num)
    _fig.canvas.draw()
    _renderer = _fig.canvas.get_renderer()
    _frame = _fig.bbox
    _titled = bool(getattr(_fig, "_suptitle", None)) or any(a.get_title() for a in _fig.axes)
    if not _titled:
        _problems.append(f"figure {_num}: no title")
    for _ax in _fig.axes:
        if _ax.axison and _ax.get_label() != "<colorbar>" and not (
            _ax.get_xlabel() or _ax.get_ylabel()
        ):
            _problems.append(f"figure {_num}: axes {_ax.get_title()!r} has no axis label")
    _boxes = [(t.get_text(), t.get_window_extent(_renderer)) for t in _texts(_fig)]
    for _text, _box in _boxes:
        if (_box.x0 < _frame.x0 - 1 or _box.y0 < _frame.y0 - 1
                or _box.x1 > _frame.x1 + 1 or _box.y1 > _frame.y1 + 1):
            _problems.append(f"figure {_num}: {_text!r} is cut off at the edge")
    for (_ta, _a), (_tb, _b) in itertools.combinations(_boxes, 2):
        _a2 = _a.expanded(1, 1).shrunk(0.98, 0.9)
        _b2 = _b.expanded(1, 1).shrunk(0.98, 0.9)
        if _a2.overlaps(_b2):
            _problems.append(f"figure {_num}: {_ta!r} overlaps {_tb!r}")
print(f"FIGURES={len(_plt.get_fignums())}")
assert not _problems, "\\n".join(_problems[:20])
"""


def _notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_the_five_notebooks_are_there() -> None:
    assert [p.name for p in _notebooks()] == EXPECTED


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    stale = [i for i, c in enumerate(book.cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]  # fmt: skip
    assert stale == []
    assert "widgets" not in book.metadata


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_uses_only_the_public_api(path: Path) -> None:
    book = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in book.cells if c.cell_type == "code")
    imports = re.findall(r"^\s*(?:from|import)\s+(cyberkg\S*)(.*)$", code, flags=re.M)
    assert imports == [("cyberkg", " import api")]
    # prose between the cells: at least as many markdown cells as a third of the code cells
    prose = [c for c in book.cells if c.cell_type == "markdown"]
    assert len(prose) >= 3 and book.cells[0].cell_type == "markdown"


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_runs_top_to_bottom_with_readable_figures(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the kernel inherits the environment: the notebooks' api.load() finds this build
    monkeypatch.setenv(api.BUILD_DIR_ENV, str(api.fresh_build()))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    book = nbformat.read(path, as_version=4)
    book.cells.insert(0, nbformat.v4.new_code_cell(KEEP_FIGURES))
    book.cells.append(nbformat.v4.new_code_cell(CHECK_FIGURES))
    client = NotebookClient(
        book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    printed = "".join(o.get("text", "") for o in book.cells[-1].outputs)
    count = int(re.search(r"FIGURES=(\d+)", printed).group(1))  # type: ignore[union-attr]
    assert count == FIGURES[path.name]
