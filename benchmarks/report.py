"""Writes RESULTS.md from a benchmark run and prints its summary."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, List, Optional, Tuple

import psutil
import rasa

from benchmarks.commands import RECORDED, ROOT, relative
from benchmarks.load import Load
from benchmarks.safety import SafetyTimes
from benchmarks.understanding import HELDOUT, NLU_DATA, UNSCORED_INTENT, Scores
from channels.validation import MAX_MESSAGE_CHARS
from tests.support import environment

LIMITS = Path(__file__).parent / "limits.md"


@dataclass
class Serving:
    """One assistant served and put under load."""

    start_to_answer: float
    rasa_peak_mb: float
    actions_peak_mb: Optional[float]
    check: Load
    closed: List[Load]
    fixed_rate: Load
    safety: Optional[SafetyTimes] = None  # measured for Reconnect only

    @property
    def max_throughput(self) -> float:
        """The most replies per second any closed-loop phase reached."""
        return max(load.replies_per_second for load in self.closed)

    @property
    def errors(self) -> int:
        """Errors in every phase, the script check included."""
        return sum(load.errors for load in [self.check, *self.closed, self.fixed_rate])


@dataclass
class Assistant:
    """What was measured of one assistant."""

    name: str
    training_seconds: Optional[float]  # None when the run did not train it (smoke runs)
    model: Path
    serving: Serving

    @property
    def model_mb(self) -> float:
        """The model archive's size in MB."""
        return self.model.stat().st_size / 1e6


@dataclass
class Results:
    """Everything one benchmark run measured, and how."""

    started: datetime
    seconds: float
    smoke: bool
    load_seconds: float
    folds: int
    cross_validation: Optional[Scores]  # None when the run skipped it (smoke runs)
    heldout: Scores
    output: Path  # RESULTS.md
    confusion_png: Path  # beside it: RESULTS.md links to it by name
    work: Path  # the run's logs, predictions and stock project
    ours: Assistant
    stock: Assistant
    load_average: Tuple[float, float, float]


@dataclass
class Target:
    """One of the project's performance targets, and whether this run met it."""

    name: str
    measured: str
    holds: bool


def ms(value: float) -> str:
    """Milliseconds, to one decimal."""
    return f"{value:.1f}"


def ratio(ours: float, stock: float) -> str:
    """ours/stock, or n/a when stock is zero."""
    return f"{ours / stock:.2f}×" if stock else "n/a"


def targets(results: Results) -> List[Target]:
    """The project's performance targets, measured."""
    ours, stock = results.ours.serving, results.stock.serving
    single = ours.closed[0]
    # "At 20 users" means the heaviest closed-loop level of the run (20 unless --users says
    # otherwise).
    ours_top, stock_top = ours.closed[-1], stock.closed[-1]
    training = results.ours.training_seconds
    return [
        Target(
            "throughput ≥ 4× stock's",
            f"{ratio(ours.max_throughput, stock.max_throughput)} "
            f"({ours.max_throughput:.1f} vs {stock.max_throughput:.1f} replies/s)",
            ours.max_throughput >= 4 * stock.max_throughput,
        ),
        Target(
            f"{single.label}: p50 ≤ 15 ms",
            f"{ms(single.percentile_ms(50))} ms",
            single.percentile_ms(50) <= 15,
        ),
        Target(
            f"{single.label}: p99 ≤ 40 ms",
            f"{ms(single.percentile_ms(99))} ms",
            single.percentile_ms(99) <= 40,
        ),
        Target(
            f"{ours_top.label}: p99 < stock's p50",
            f"{ms(ours_top.percentile_ms(99))} ms vs {ms(stock_top.percentile_ms(50))} ms",
            ours_top.percentile_ms(99) < stock_top.percentile_ms(50),
        ),
        Target(
            "training ≤ 30 s",
            "not measured (smoke run)" if training is None else f"{training:.1f} s",
            training is not None and training <= 30,
        ),
        Target(
            "start to first answer ≤ 20 s",
            f"{ours.start_to_answer:.1f} s",
            ours.start_to_answer <= 20,
        ),
        Target("zero errors", f"{ours.errors} errors", ours.errors == 0),
        Target(
            "held-out intent accuracy ≥ 0.95",
            f"{results.heldout.accuracy:.3f}",
            results.heldout.accuracy >= 0.95,
        ),
    ]


def table(header: List[str], rows: List[List[str]]) -> str:
    """A Markdown table."""
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def targets_table(results: Results) -> str:
    """Each target, what was measured, holds or missed."""
    return table(
        ["target", "measured", ""],
        [[t.name, t.measured, "holds" if t.holds else "**missed**"] for t in targets(results)],
    )


def load_row(name: str, load: Load) -> List[str]:
    """One row of a load table."""
    return [
        name,
        f"{load.replies_per_second:.1f}",
        ms(load.percentile_ms(50)),
        ms(load.percentile_ms(95)),
        ms(load.percentile_ms(99)),
        str(load.errors),
    ]


def ratio_row(ours: Load, stock: Load) -> List[str]:
    """ours/stock for every column of a load table except errors."""
    return [
        "*ours/stock*",
        ratio(ours.replies_per_second, stock.replies_per_second),
        *(ratio(ours.percentile_ms(p), stock.percentile_ms(p)) for p in (50, 95, 99)),
        "",
    ]


def speed_tables(results: Results) -> str:
    """Closed-loop levels and the fixed-rate phase, ours beside stock, with ratios."""
    ours, stock = results.ours.serving, results.stock.serving
    header = ["assistant", "replies/s", "p50 ms", "p95 ms", "p99 ms", "errors"]
    sections = []
    for ours_load, stock_load in zip(ours.closed, stock.closed):
        sections.append(
            f"**{ours_load.label}, closed loop**\n\n"
            + table(
                header,
                [
                    load_row("Reconnect", ours_load),
                    load_row("stock", stock_load),
                    ratio_row(ours_load, stock_load),
                ],
            )
        )
    sections.append(
        "**Fixed arrival rate (open loop), half of each assistant's maximum "
        "throughput**\n\n"
        + table(
            ["assistant", "offered", *header[1:]],
            [
                [row[0], load.label, *row[1:]]
                for row, load in (
                    (load_row("Reconnect", ours.fixed_rate), ours.fixed_rate),
                    (load_row("stock", stock.fixed_rate), stock.fixed_rate),
                )
            ],
        )
    )
    return "\n\n".join(sections)


def understanding_table(results: Results) -> str:
    """Accuracy and macro-F1 of cross-validation and of the held-out file."""

    def row(label: str, scores: Optional[Scores]) -> List[str]:
        if scores is None:
            return [label, "not run", "", ""]
        return [label, str(scores.examples), f"{scores.accuracy:.3f}", f"{scores.macro_f1:.3f}"]

    return table(
        ["evaluation", "examples", "intent accuracy", "macro-F1"],
        [
            row(
                f"cross-validation ({results.folds} folds) on `{relative(str(NLU_DATA))}`",
                results.cross_validation,
            ),
            row(f"held-out `{relative(str(HELDOUT))}` (never trained on)", results.heldout),
        ],
    )


def cost_table(results: Results) -> str:
    """Training, start-up, memory and model size, ours beside stock."""
    ours, stock = results.ours, results.stock
    rows: List[Tuple[str, Callable[[Assistant], Optional[float]], str]] = [
        ("training, `rasa train` (s)", lambda a: a.training_seconds, "{:.1f}"),
        ("process start to first answer (s)", lambda a: a.serving.start_to_answer, "{:.1f}"),
        ("peak memory, Rasa server (MB)", lambda a: a.serving.rasa_peak_mb, "{:.0f}"),
        ("peak memory, action server (MB)", lambda a: a.serving.actions_peak_mb, "{:.0f}"),
        ("model size (MB)", lambda a: a.model_mb, "{:.1f}"),
    ]
    cells = []
    for name, measure, style in rows:
        mine, theirs = measure(ours), measure(stock)
        cells.append(
            [
                name,
                "—" if mine is None else style.format(mine),
                "—" if theirs is None else style.format(theirs),
                ratio(mine, theirs) if mine is not None and theirs else "—",
            ]
        )
    return table(["", "Reconnect", "stock", "ours/stock"], cells)


def safety_table(results: Results) -> str:
    """The matcher's time and a crisis message's wait at the cap (channels/validation.py)."""
    times = results.ours.serving.safety
    if times is None:
        return "Not measured."
    rows = [
        ["the matcher on a one-line crisis message", ms(times.matcher_short_ms)],
        [
            f"the matcher on prose at the cap ({MAX_MESSAGE_CHARS} characters)",
            ms(times.matcher_prose_ms),
        ],
        [
            "the matcher on crafted input at the cap (crisis words repeated)",
            ms(times.matcher_crafted_ms),
        ],
        [
            "a crisis message's reply over REST, the server otherwise idle",
            ms(times.crisis_alone_ms),
        ],
        [
            "the same, sent 5 ms after a message at the cap from another conversation",
            ms(times.crisis_behind_cap_ms),
        ],
    ]
    return (
        table(["measured (median)", "milliseconds"], rows)
        + f"\n\nMedians of {times.rounds} runs each. Parsing runs on the server's event loop, "
        "so a message at the cap delays everyone by about the time it takes to read; the "
        "cap bounds it, and RE2 keeps it linear (crafted input costs what prose costs)."
    )


def machine(results: Results) -> str:
    """Cores, memory, system and software versions, and how busy the machine was."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    load = ", ".join(f"{x:.2f}" for x in results.load_average)
    return (
        f"{os.cpu_count()} logical cores ({psutil.cpu_count(logical=False)} physical, {model}), "
        f"{psutil.virtual_memory().total / 2**30:.1f} GiB memory, {platform.platform()}, "
        f"Python {platform.python_version()}, Rasa {rasa.__version__}. Load average at the "
        f"start (1, 5, 15 min): {load}; the machine may be shared, so timings are noisy."
    )


def analysis() -> str:
    """Why targets are missed: written by hand after profiling, kept across runs."""
    if LIMITS.exists():
        return LIMITS.read_text().strip()
    return (
        f"> **PLACEHOLDER — to be written by the lead after profiling**, in "
        f"`{relative(str(LIMITS))}` (each run copies it here, so a new run keeps it): for "
        f"each missed target, where the time or memory goes (profile of the Rasa server "
        f"under the single-user load) and what would change it."
    )


def commit(outputs: List[Path]) -> str:
    """The commit measured, noting uncommitted changes other than the given outputs."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()

    # The run's own outputs are not changes to what it measured.
    changed = git("status", "--porcelain", "--", ".", *(f":!{relative(str(p))}" for p in outputs))
    dirty = " plus uncommitted changes" if changed else ""
    return f"`{git('rev-parse', '--short', 'HEAD') or 'unknown'}`{dirty}"


def markdown(results: Results) -> str:
    """RESULTS.md."""
    missed = [t for t in targets(results) if not t.holds]
    stock = results.stock.serving
    smoke = (
        "\n**Smoke run** (tiny loads, no cross-validation, no "
        "timed training of ours, a quick stock configuration): these numbers mean "
        "nothing.\n"
        if results.smoke
        else ""
    )
    limits = (
        f"## What limits it\n\nMissed: {'; '.join(t.name for t in missed)}.\n\n{analysis()}\n\n"
        if missed
        else ""
    )
    commands = "\n".join(f"# {c.purpose}\n{c.shell()}" for c in RECORDED)
    env = " ".join(
        f"{k}={relative(v)}" for k, v in environment.settings({"PATH": os.defpath}).items()
    )
    return f"""# Benchmark results

Written by `benchmarks/run.py` (`make bench`) on {results.started:%Y-%m-%d %H:%M} UTC for commit
{commit([results.output, results.confusion_png])}; the run took {results.seconds / 60:.1f} minutes.
{smoke}
**Machine:** {machine(results)}

## Targets

{targets_table(results)}

## Understanding

{understanding_table(results)}

The `{UNSCORED_INTENT}` intent is left out of scoring: the crisis detector sets it from
patterns and it has no examples. Macro-F1 averages over the intents of the test examples.
Scores are `rasa test nlu`'s, which undoes the FallbackClassifier's `nlu_fallback` and scores
the classifier's own top intent; `make nlu-accuracy` counts a fallback as a miss, so its
held-out figure is a little lower (a fallback answers with the menu, not the topic).

Held-out confusion matrix:

![held-out confusion matrix]({results.confusion_png.name})

## Speed under load

Each simulated user sends the scripted conversation of its assistant
(`benchmarks/conversations.yml`) over REST, as a fresh sender, one turn after the reply to the
one before (closed loop), for {results.load_seconds:.0f} s per level. Latency is from sending a
turn to the whole reply; an error is a non-200 answer or an empty reply. The fixed-rate phase
sends turns at a constant rate whatever the server does (open loop) and counts latency from
each turn's scheduled time. For latencies, an ours/stock ratio below 1 means ours is faster.
The load generator (aiohttp) runs on the same machine and shares its cores.

{speed_tables(results)}

Before the load, each script ran once end to end, which also warms the servers up
(errors: Reconnect {results.ours.serving.check.errors} in {results.ours.serving.check.turns} turns,
stock {stock.check.errors} in {stock.check.turns}).

## The safety net at the message cap

{safety_table(results)}

## Cost

{cost_table(results)}

Training is `rasa train --force` (every component retrained, no cache). Start to first answer
runs from launching the servers (Reconnect: both at once, as `make run` does) to the first
non-empty REST reply. Peak memory is the resident memory of each server's process tree,
sampled every 0.1 s from start to stop. The stock assistant has no action server.

{limits}## How it was measured

- **Stock baseline:** the project `rasa init --no-prompt` creates (its files are copied by the
  same function `rasa init` calls; `rasa init`'s own first training is skipped and the project
  is trained once, timed, with `rasa train`), with its default configuration (DIET, TED,
  UnexpecTED) and its own data, served with `rasa run` and its REST channel on 127.0.0.1 like
  ours, conversations in SQLite like ours (`benchmarks/baseline.py`).
- **Reconnect:** `{relative(str(results.ours.model))}` served as `make run` serves it, by
  `scripts/rasa_server.sh` (`credentials.yml`, `endpoints.yml`: SQLite tracker store) and
  `scripts/action_server.sh`; the training time is of a separate identical `rasa train` into
  the run's folder.
- Every server runs on free ports with a new tracker database in the run's folder,
  `{relative(str(results.work))}/`, where the logs are too. Timed steps run one at a time; the
  cross-validation (not timed) runs while the held-out test (not timed) does.

## Exact commands

Run from the repository root with `.venv/bin` first on the path and the environment of
`scripts/environment.sh`, `{env}`, which the launchers and the Makefile give every command;
the stock assistant's commands run without its `PYTHONPATH` (`env -u PYTHONPATH`), so none of
this repository's modules can load into stock Rasa. Ports are free ports picked at run time.

```sh
{commands}
```
"""


def summary(results: Results) -> str:
    """The lines `make bench` prints at the end."""
    ours, stock = results.ours.serving, results.stock.serving
    lines = [
        f"Reconnect {ours.max_throughput:.1f} replies/s, stock {stock.max_throughput:.1f}; "
        f"held-out accuracy {results.heldout.accuracy:.3f}"
    ]
    lines += [
        f"  {'holds ' if t.holds else 'MISSED'}  {t.name}: {t.measured}" for t in targets(results)
    ]
    return "\n".join(lines)
