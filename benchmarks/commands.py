"""Runs the Rasa CLI commands of a benchmark and records them for RESULTS.md."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from tests.support import environment, servers
from tests.support.paths import ROOT

# The rasa of the interpreter running the benchmark, so a run in .venv measures .venv's Rasa.
PYTHON = sys.executable
RASA = str(Path(PYTHON).parent / "rasa")


@dataclass
class Command:
    """One command as it ran: what for, where, and with which extra environment."""

    purpose: str
    args: List[str]
    cwd: Path
    env: Dict[str, str]
    stock: bool  # stock Rasa's: quiet, but none of this repository's modules importable

    def shell(self) -> str:
        """The command as a shell line from the repository root, paths relative, without the
        environment of scripts/environment.sh (which a stock command runs without PYTHONPATH)."""
        names = {RASA: "rasa", PYTHON: "python"}
        args = [names.get(a) or relative(a, self.cwd) for a in self.args]
        line = " ".join(shlex.quote(a) for a in args)
        if self.env:
            line = (
                " ".join(f"{k}={relative(v, self.cwd)}" for k, v in self.env.items()) + " " + line
            )
        if self.stock:
            line = "env -u PYTHONPATH " + line
        return line if self.cwd == ROOT else f"(cd {relative(str(self.cwd))} && {line})"


# Every command of this run, in the order it started.
RECORDED: List[Command] = []


def relative(text: str, base: Path = ROOT) -> str:
    """A path inside the repository as a path relative to base; anything else unchanged."""
    inside = text == str(ROOT) or text.startswith(str(ROOT) + os.sep)
    return os.path.relpath(text, base) if inside else text


def start(
    purpose: str,
    args: List[str],
    work: Path,
    cwd: Path = ROOT,
    env: Optional[Dict[str, str]] = None,
    stock: bool = False,
) -> subprocess.Popen:
    """Starts a command in the background, its output in <work>/logs/<purpose>.log, with the
    servers' environment (scripts/environment.sh); a stock one without the project's path."""
    command = Command(purpose, args, cwd, env or {}, stock)
    RECORDED.append(command)
    log_file = log_path(purpose, work)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    log_file.unlink(missing_ok=True)  # a log of this run only
    base = environment.stock() if stock else environment.project()
    return servers.start(args, log_file, command.env, cwd, base=base)


def finish(purpose: str, process: subprocess.Popen, work: Path) -> None:
    """Waits for a started command; raises if it failed."""
    if process.wait() != 0:
        raise RuntimeError(
            f"{purpose} failed (exit {process.returncode}); see {log_path(purpose, work)}"
        )


def run(purpose: str, args: List[str], work: Path, cwd: Path = ROOT, stock: bool = False) -> float:
    """Runs a command to the end; returns its wall time in seconds, raises if it fails."""
    began = time.perf_counter()
    finish(purpose, start(purpose, args, work, cwd, stock=stock), work)
    return time.perf_counter() - began


def log_path(purpose: str, work: Path) -> Path:
    """Where the output of the command run for this purpose goes."""
    return work / "logs" / (purpose.replace(" ", "-") + ".log")
