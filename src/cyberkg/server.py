"""Serving the built graph read-only on 127.0.0.1 with the Oxigraph server (`oxigraph`)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CyberkgError, NotBuiltError
from .graph import NT_FILE

HOST = "127.0.0.1"  # loopback only: the server is never reachable from another machine


def oxigraph_binary() -> str:
    """The `oxigraph` executable installed with the PyPI package `oxigraph`."""
    local = Path(sys.executable).with_name("oxigraph")
    found = str(local) if local.is_file() else shutil.which("oxigraph")
    if not found:
        raise CyberkgError("the Oxigraph server is not installed: pip install oxigraph")
    return found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A running read-only Oxigraph server over a copy of the graph; stop() ends it."""

    process: subprocess.Popen[bytes]
    port: int
    location: Path
    _tmp: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """The SPARQL query endpoint."""
        return f"http://{HOST}:{self.port}/query"

    @property
    def base(self) -> str:
        """The server's root URL (its browser query page)."""
        return f"http://{HOST}:{self.port}/"

    def stop(self) -> None:
        """Stop the server and remove its store."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def load_store(location: Path, files: list[Path]) -> None:
    """Load N-Triples files into a new Oxigraph store at location (`oxigraph load`)."""
    for path in files:
        done = subprocess.run(
            [oxigraph_binary(), "load", "--location", str(location), "--file", str(path)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise CyberkgError(f"oxigraph could not load {path}: {done.stderr.strip()[:300]}")


def _wait_ready(server: Server, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            err = (
                server.process.stderr.read().decode("utf-8", "replace")
                if server.process.stderr
                else ""
            )
            raise CyberkgError(f"the Oxigraph server stopped at start: {err.strip()[:300]}")
        try:
            with urllib.request.urlopen(server.base, timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    server.stop()
    raise CyberkgError(f"the Oxigraph server did not answer on {server.base} in {timeout_s} s")


def start(
    build_dir: Path, port: int | None = None, extra: list[Path] | None = None, wait_s: float = 30
) -> Server:
    """Start `oxigraph serve-read-only` on 127.0.0.1 over the built graph (plus extra N-Triples).

    The built cyberkg.nt is loaded into a fresh store in a temporary directory, so the server
    never touches build/store, which `cyberkg query` may have open at the same time.
    """
    nt = build_dir / NT_FILE
    if not nt.is_file():
        raise NotBuiltError(f"no built graph at {nt}: run `cyberkg build` first")
    tmp = tempfile.TemporaryDirectory(prefix="cyberkg-serve-")
    location = Path(tmp.name) / "store"
    try:
        load_store(location, [nt, *(extra or [])])
    except Exception:
        tmp.cleanup()
        raise
    port = port or free_port()
    process = subprocess.Popen(
        [oxigraph_binary(), "serve-read-only", "--location", str(location),
         "--bind", f"{HOST}:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    server = Server(process=process, port=port, location=location, _tmp=tmp)
    try:
        _wait_ready(server, wait_s)
    except BaseException:
        server.stop()
        raise
    return server
