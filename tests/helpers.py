"""Running the command line as a user would: a subprocess, its output and exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cyberkg(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run `python -m cyberkg ARGS`; never raises on a non-zero exit."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "cyberkg", *args],
        cwd=cwd, env=full_env, input=stdin, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
