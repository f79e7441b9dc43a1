"""What an assistant costs to build and run: training time, model size, peak memory."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import psutil

from benchmarks.commands import RASA, run


@dataclass
class Training:
    """A trained model and how long `rasa train` took to make it."""

    seconds: float
    model: Path


def train(
    name: str,
    project: Path,
    out: Path,
    work: Path,
    config: Optional[Path] = None,
    stock: bool = False,
) -> Training:
    """Trains a project from scratch into out/<name>.tar.gz and times it (a stock project
    without this repository's modules importable)."""
    # --force retrains every component: Rasa's training cache would otherwise time a cache hit.
    args = [RASA, "train", "--force", "--fixed-model-name", name, "--out", str(out), "--quiet"]
    if config is not None:
        args += ["--config", str(config)]
    seconds = run(f"train {name}", args, work, cwd=project, stock=stock)
    return Training(seconds, out / f"{name}.tar.gz")


class PeakMemory(threading.Thread):
    """Samples the resident memory of a process and its children until stopped; keeps the peak."""

    INTERVAL = 0.1  # seconds; short enough to see the peak of a load phase of a few seconds

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak_bytes = 0
        self.stopping = threading.Event()
        self.start()

    def run(self) -> None:
        while not self.stopping.wait(self.INTERVAL):
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                total = sum(p.memory_info().rss for p in tree)
            except psutil.Error:  # the process (or a child) ended between listing and reading
                continue
            self.peak_bytes = max(self.peak_bytes, total)

    @property
    def peak_mb(self) -> float:
        """The highest total seen so far, in MB."""
        return self.peak_bytes / 1e6

    def stop(self) -> None:
        """Stops sampling."""
        self.stopping.set()
        self.join()
