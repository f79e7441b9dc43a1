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

ROOT = Path(__file__).resolve().parent.parent
# The rasa of the interpreter running the benchmark, so a run in .venv measures .venv's Rasa.
PYTHON = sys.executable
RASA = str(Path(PYTHON).parent / "rasa")

# What `make` exports for every Rasa command: quiet, offline, and our custom component importable.
QUIET_ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
             "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "PYTHONWARNINGS": "ignore",
             "PYTHONPATH": str(ROOT)}


@dataclass
class Command:
    """One command as it ran: what for, where, and with which extra environment."""

    purpose: str
    args: List[str]
    cwd: Path
    env: Dict[str, str]

    def shell(self) -> str:
        """The command as a shell line from the repository root, paths relative, without QUIET_ENV."""
        names = {RASA: "rasa", PYTHON: "python"}
        args = [names.get(a) or relative(a, self.cwd) for a in self.args]
        line = " ".join(shlex.quote(a) for a in args)
        if self.env:
            line = " ".join(f"{k}={relative(v, self.cwd)}" for k, v in self.env.items()) + " " + line
        return line if self.cwd == ROOT else f"(cd {relative(str(self.cwd))} && {line})"


# Every command of this run, in the order it started.
RECORDED: List[Command] = []


def relative(text: str, base: Path = ROOT) -> str:
    """A path inside the repository as a path relative to base; anything else unchanged."""
    inside = text == str(ROOT) or text.startswith(str(ROOT) + os.sep)
    return os.path.relpath(text, base) if inside else text


def start(purpose: str, args: List[str], work: Path, cwd: Path = ROOT,
          env: Optional[Dict[str, str]] = None) -> subprocess.Popen:
    """Starts a command in the background, its output in <work>/logs/<purpose>.log."""
    command = Command(purpose, args, cwd, env or {})
    RECORDED.append(command)
    log_file = log_path(purpose, work)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log_file, "wb") as log:
        return subprocess.Popen(args, cwd=cwd, env={**os.environ, **QUIET_ENV, **command.env},
                                stdout=log, stderr=subprocess.STDOUT)


def finish(purpose: str, process: subprocess.Popen, work: Path) -> None:
    """Waits for a started command; raises if it failed."""
    if process.wait() != 0:
        raise RuntimeError(f"{purpose} failed (exit {process.returncode}); "
                           f"see {log_path(purpose, work)}")


def run(purpose: str, args: List[str], work: Path, cwd: Path = ROOT) -> float:
    """Runs a command to the end; returns its wall time in seconds, raises if it fails."""
    began = time.perf_counter()
    finish(purpose, start(purpose, args, work, cwd), work)
    return time.perf_counter() - began


def log_path(purpose: str, work: Path) -> Path:
    """Where the output of the command run for this purpose goes."""
    return work / "logs" / (purpose.replace(" ", "-") + ".log")
