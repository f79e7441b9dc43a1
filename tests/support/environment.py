"""The environment of the servers, as scripts/environment.sh defines it.

The launchers source that file themselves; this module reads it for the commands that Python
starts without a launcher (the benchmarks' `rasa train` and `rasa test`, the purge script)."""

from __future__ import annotations

import os
import subprocess
from typing import Dict, Mapping, Optional

from tests.support.paths import ROOT

SCRIPT = ROOT / "scripts" / "environment.sh"
PYTHONPATH = "PYTHONPATH"


def settings(base: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """What the script sets, given `base` (this process's environment by default)."""
    done = subprocess.run(
        ["bash", str(SCRIPT)],
        env=dict(os.environ if base is None else base),
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(line.split("=", 1) for line in done.stdout.splitlines())


def project(base: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """`base` (this process's environment by default) as the launchers leave it: quiet, and
    the project's modules importable."""
    base = dict(os.environ if base is None else base)
    return {**base, **settings(base)}


def stock(base: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """`base` made as quiet, with nothing of this repository importable: for stock Rasa,
    which must run without any of the project's modules."""
    base = dict(os.environ if base is None else base)
    path = [p for p in base.pop(PYTHONPATH, "").split(os.pathsep) if p and p != str(ROOT)]
    quiet = {name: value for name, value in settings(base).items() if name != PYTHONPATH}
    return {**base, **quiet, **({PYTHONPATH: os.pathsep.join(path)} if path else {})}
