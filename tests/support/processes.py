"""Processes seen from outside, through /proc: for servers that the launchers started and
that the tests stop, kill or check on by process id."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional


def _stat_fields(pid: int) -> Optional[List[str]]:
    """The fields of /proc/PID/stat after the command name; None once the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()
    except (FileNotFoundError, IndexError):
        return None


def gone(pid: int) -> bool:
    """True once the process has exited (a zombie waiting for its parent counts as exited)."""
    fields = _stat_fields(pid)
    return fields is None or fields[0] == "Z"


def parent_of(pid: int) -> Optional[int]:
    """The parent process id; None once the process is gone."""
    fields = _stat_fields(pid)
    return None if fields is None else int(fields[1])
