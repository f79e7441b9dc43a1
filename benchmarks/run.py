"""`make bench`: understanding, speed under load and cost of Reconnect against stock Rasa.

Usage: python -m benchmarks.run [--smoke] [--users 1 5 20] [--seconds 15] [--folds 5]
A full run writes benchmarks/RESULTS.md; a smoke run (for `make test`) exercises every step
with tiny loads and writes var/bench/smoke/RESULTS.md, checking that it worked, never timings.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import yaml

from benchmarks import baseline, report, safety, servers, understanding
from benchmarks.commands import RASA, ROOT
from benchmarks.cost import train
from benchmarks.load import closed_loop, conversations, open_loop
from benchmarks.understanding import HELDOUT
from tests.support.servers import ACTION_LAUNCHER, RASA_LAUNCHER

SCRIPTS = Path(__file__).parent / "conversations.yml"
BENCH_DIR = ROOT / "var" / "bench"  # git-ignored
OUR_MODEL = ROOT / "models" / "reconnect.tar.gz"  # what scripts/rasa_server.sh serves


@dataclass
class Plan:
    """What a run measures and where it writes."""

    smoke: bool
    users: List[int]
    seconds: float
    folds: int  # 0: no cross-validation
    results: Path
    work: Path  # this run's own folder: logs, predictions, trackers, the stock project

    @property
    def confusion_png(self) -> Path:
        """Beside RESULTS.md, which links to it."""
        return self.results.with_name("heldout_confusion.png")


def plan_from(argv: Optional[List[str]]) -> Plan:
    """The plan from the command line; --smoke shrinks everything."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--smoke", action="store_true", help="tiny run that checks every step works, for make test"
    )
    parser.add_argument(
        "--users",
        type=int,
        nargs="+",
        default=[1, 5, 20],
        help="concurrent users of each closed-loop level (default 1 5 20)",
    )
    parser.add_argument("--seconds", type=float, default=15, help="length of each load phase")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none)")
    args = parser.parse_args(argv)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if args.smoke:
        # A folder of its own, so a smoke run (make test) and a full run can go at once.
        work = Path(tempfile.mkdtemp(prefix="smoke-", dir=BENCH_DIR))
        # No cross-validation: it trains the whole pipeline once per fold, which would make
        # the smoke run many times longer, and the held-out test reads the same kind of
        # prediction files, so the reading code is still exercised.
        return Plan(True, [1, 2], 2, 0, work / "RESULTS.md", work)
    work = BENCH_DIR / "full"
    shutil.rmtree(work, ignore_errors=True)  # nothing stale from the last run is read back
    work.mkdir()
    return Plan(
        False,
        sorted(args.users),
        args.seconds,
        args.folds,
        Path(__file__).parent / "RESULTS.md",
        work,
    )


def measure_serving(
    assistant: servers.Assistant, script: List[str], plan: Plan, with_safety: bool = False
) -> report.Serving:
    """Serves the assistant, checks its script once, then puts it under each load (and, for
    ours, measures the safety net at the message cap while it is idle again)."""
    with servers.serve(assistant, plan.work) as running:
        check = asyncio.run(conversations(running.webhook, script, 1, "script check"))
        closed = [
            asyncio.run(closed_loop(running.webhook, script, users, plan.seconds))
            for users in plan.users
        ]
        # Half the maximum keeps the server busy but not saturated: latency there is what
        # users see on a normal day, not queueing. (A server that answered nothing gets 1/s.)
        rate = max(load.replies_per_second for load in closed) / 2 or 1.0
        fixed_rate = asyncio.run(open_loop(running.webhook, script, rate, plan.seconds))
        safety_times = (
            safety.measure(running.webhook, 3 if plan.smoke else 20) if with_safety else None
        )
    actions_mb = running.actions_memory.peak_mb if running.actions_memory else None
    return report.Serving(
        running.start_to_answer,
        running.rasa_memory.peak_mb,
        actions_mb,
        check,
        closed,
        fixed_rate,
        safety_times,
    )


def measure_ours(plan: Plan, script: List[str]) -> report.Assistant:
    """Reconnect as `make run` serves it (models/reconnect.tar.gz); trained again only to time
    it."""
    training = (
        None if plan.smoke else train("reconnect", ROOT, plan.work / "models", plan.work).seconds
    )
    # The launchers of make run and of the tests, so what is measured is what is served.
    assistant = servers.Assistant(
        "reconnect",
        ROOT,
        rasa=[str(RASA_LAUNCHER)],
        actions=[str(ACTION_LAUNCHER)],
        tracker_db=plan.work / "reconnect-tracker.db",
        first_message=script[0],
        # Each simulated person writes as fast as the server answers: no per-sender limit,
        # which stock Rasa does not have either (channels/rate_limit.py).
        settings={"SENDER_MESSAGES_PER_MINUTE": "0"},
    )
    return report.Assistant(
        "Reconnect", training, OUR_MODEL, measure_serving(assistant, script, plan, with_safety=True)
    )


def measure_stock(plan: Plan, script: List[str]) -> report.Assistant:
    """The stock assistant of `rasa init`, trained (a quick configuration in smoke runs), served."""
    project = baseline.create_stock_project(plan.work)
    config = baseline.SMOKE_CONFIG if plan.smoke else None
    training = train("stock", project, project / "models", plan.work, config, stock=True)
    # Rasa's REST channel is in the stock credentials.yml; the flags are rasa_server.sh's.
    assistant = servers.Assistant(
        "stock",
        project,
        rasa=[
            RASA,
            "run",
            "--model",
            str(training.model),
            "--interface",
            "127.0.0.1",
            "--port",
            "{rasa_port}",
            "--credentials",
            "credentials.yml",
            "--endpoints",
            "endpoints.yml",
        ],
        actions=None,
        tracker_db=project / "tracker.db",
        first_message=script[0],
        stock=True,
    )
    return report.Assistant(
        "stock", training.seconds, training.model, measure_serving(assistant, script, plan)
    )


def check_smoke(results: report.Results) -> None:
    """What a smoke run must show: every step produced numbers and our script is answered."""
    ours = results.ours.serving
    assert ours.check.errors == 0, f"{ours.check.errors} turns of our script got no reply"
    for assistant in (results.ours, results.stock):
        loads = [assistant.serving.check, *assistant.serving.closed, assistant.serving.fixed_rate]
        assert all(load.latencies for load in loads), (
            f"a load phase of {assistant.name} got no reply"
        )
    # Every held-out example was scored (the crisis ones are left out on purpose).
    assert results.heldout.examples == len(understanding.scored_examples(HELDOUT))
    # (The safety step checks its own replies: every crisis message, alone or behind a message
    # at the cap, got the crisis message; see safety.crisis_waits.)
    assert "## Exact commands" in report.markdown(results)


def load_scripts() -> Dict[str, List[str]]:
    """The scripted conversations, each a list of messages."""
    scripts = yaml.safe_load(SCRIPTS.read_text())
    for name, turns in scripts.items():
        odd = [turn for turn in turns if not isinstance(turn, str)]
        assert not odd, f"{SCRIPTS.name}: {name} has turns that are not text (quote them): {odd}"
    return scripts


@contextmanager
def step(name: str) -> Iterator[None]:
    """Prints a step and how long it took: a full run is long, and this shows where it is."""
    print(f"{name}...", end="", flush=True)
    began = time.perf_counter()
    yield
    print(f" {time.perf_counter() - began:.0f} s", flush=True)


def main(argv: Optional[List[str]] = None) -> int:
    """Runs the measurements in turn: timed ones never share the machine with another."""
    plan = plan_from(argv)
    started, began, load_average = datetime.now(timezone.utc), time.perf_counter(), os.getloadavg()
    scripts = load_scripts()
    with step("Understanding: cross-validation and held-out file"):
        # Neither is timed, so they may share the cores: the held-out test then costs no time.
        cross_validating = (
            understanding.start_cross_validation(plan.folds, plan.work) if plan.folds else None
        )
        heldout = understanding.heldout(OUR_MODEL, plan.confusion_png, plan.work)
        cross_validation = (
            understanding.cross_validation_scores(cross_validating, plan.work)
            if cross_validating
            else None
        )
    with step("Reconnect: training, start-up, load"):
        ours = measure_ours(plan, scripts["reconnect"])
    with step("Stock Rasa: training, start-up, load"):
        stock = measure_stock(plan, scripts["stock"])
    results = report.Results(
        started=started,
        seconds=time.perf_counter() - began,
        smoke=plan.smoke,
        load_seconds=plan.seconds,
        folds=plan.folds,
        cross_validation=cross_validation,
        heldout=heldout,
        output=plan.results,
        confusion_png=plan.confusion_png,
        work=plan.work,
        ours=ours,
        stock=stock,
        load_average=load_average,
    )
    plan.results.write_text(report.markdown(results))
    print(report.summary(results))
    if plan.smoke:
        check_smoke(results)
        shutil.rmtree(plan.work)  # kept only when the smoke run fails, to read its logs
        print("Smoke run: every step worked.")
    else:
        print(f"Written: {plan.results.relative_to(ROOT)}; logs in {plan.work.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
