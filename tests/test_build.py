"""`cyberkg build` and `cyberkg check`: artefacts, determinism, and broken sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import cyberkg


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    result = cyberkg("build", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_build_writes_the_artefacts(built: Path) -> None:
    assert (built / "cyberkg.ttl").stat().st_size > 100_000
    assert (built / "cyberkg.nt").stat().st_size > 100_000
    assert (built / "store").is_dir()


def test_build_is_byte_identical(built: Path, tmp_path: Path) -> None:
    again = cyberkg("build", "--out", str(tmp_path))
    assert again.returncode == 0, again.stderr
    for name in ("cyberkg.ttl", "cyberkg.nt"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_ntriples_are_sorted(built: Path) -> None:
    lines = (built / "cyberkg.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)


def test_build_prints_counts_per_instrument(tmp_path: Path) -> None:
    result = cyberkg("build", "--out", str(tmp_path))
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()
            if line.split() and line.split()[0] in ("ETS185", "ETS189", "UNCC")}  # fmt: skip
    assert set(rows) == {"ETS185", "ETS189", "UNCC"}
    # ETS185 has 48 articles, ETS189 16, UNCC 68: provisions are at least that many.
    assert int(rows["ETS185"][0]) > 48 and int(rows["ETS189"][0]) > 16 and int(rows["UNCC"][0]) > 68


def _copy_project(root: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    for sub in ("ontology", "shapes"):
        shutil.copytree(root / sub, copy / sub)
    return copy


def test_turtle_syntax_error_names_file_and_line(root: Path, tmp_path: Path) -> None:
    copy = _copy_project(root, tmp_path)
    broken = copy / "ontology" / "instruments" / "ETS189.ttl"
    lines = broken.read_text(encoding="utf-8").splitlines()
    lines.insert(20, "ets189:broken ck:wording ;")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for command in ("build", "check"):
        args = [command, "--out", str(tmp_path / "out")] if command == "build" else [command]
        result = cyberkg(*args, env={"CYBERKG_HOME": str(copy)})
        assert result.returncode == 2, result.stdout + result.stderr
        assert f"{broken}, line 21" in result.stderr
        assert "Traceback" not in result.stderr


def test_dangling_provision_reference_names_the_node(root: Path, tmp_path: Path) -> None:
    copy = _copy_project(root, tmp_path)
    extra = copy / "ontology" / "instruments" / "zz-broken.ttl"
    extra.write_text(
        "@prefix ck: <https://w3id.org/cyberkg/ontology#> .\n"
        "@prefix ets189: <https://w3id.org/cyberkg/id/ETS189/> .\n"
        "ets189:offence-3-1 ck:establishedBy ets189:art3-9 .\n",
        encoding="utf-8",
    )
    result = cyberkg("build", "--out", str(tmp_path / "out"), env={"CYBERKG_HOME": str(copy)})
    assert result.returncode == 1
    assert "ets189:art3-9: This IRI is referenced but never defined" in result.stdout
    assert not (tmp_path / "out").exists()
