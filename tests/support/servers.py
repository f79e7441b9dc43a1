"""Starting, waiting for and stopping servers. Reconnect's own start through the project's
launchers (scripts/rasa_server.sh, scripts/action_server.sh), where their command lines and
environment are written; other commands (run_prod.sh, the benchmarks' stock Rasa) go through
the same helpers."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Union

import requests

from tests.support.paths import ROOT
from tests.support.ports import server_ports

RASA_LAUNCHER = ROOT / "scripts" / "rasa_server.sh"
ACTION_LAUNCHER = ROOT / "scripts" / "action_server.sh"
READY_SECONDS = 180  # a cold start on a busy machine is slow; a hung one is not waited out
STOP_SECONDS = 30


def start(
    args: Sequence[Union[str, Path]],
    log: Optional[Path] = None,
    env: Optional[Mapping[str, str]] = None,
    cwd: Path = ROOT,
    base: Optional[Mapping[str, str]] = None,
    **popen: Any,
) -> subprocess.Popen:
    """Starts a command in the background, its output appended to `log` (or dropped), its
    environment `base` (this process's by default) with `env` added."""
    output = open(log, "ab") if log is not None else subprocess.DEVNULL
    environ = {**(os.environ if base is None else base), **(env or {})}
    try:
        return subprocess.Popen(
            [str(a) for a in args],
            cwd=cwd,
            env=environ,
            stdout=output,
            stderr=subprocess.STDOUT,
            **popen,
        )
    finally:
        if log is not None:
            output.close()  # the child has its own copy


def stop(
    *processes: Optional[subprocess.Popen], sig: int = signal.SIGINT, seconds: float = STOP_SECONDS
) -> None:
    """Sends `sig` to every process still running (SIGINT: Rasa's clean stop), then waits for
    each; kills one that has not exited after `seconds`."""
    running = [p for p in processes if p is not None and p.poll() is None]
    for process in running:
        process.send_signal(sig)
    for process in running:
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until(
    check: Callable[[], bool], what: str, seconds: float = READY_SECONDS, interval: float = 0.3
) -> None:
    """Polls check() until it is true; fails after the given time."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        time.sleep(interval)


def answers(url: str) -> bool:
    """True when an HTTP server answers at url, whatever its answer."""
    try:
        requests.get(url, timeout=2)
        return True
    except requests.RequestException:
        return False


def wait_until_ready(
    ready: Callable[[], bool],
    processes: Mapping[str, subprocess.Popen],
    what: str,
    seconds: float = READY_SECONDS,
    interval: float = 0.3,
    logs: object = "its log",
) -> None:
    """Polls ready() until it is true; fails at once if one of the processes exits."""

    def exited() -> List[str]:
        return [
            f"{name} exited with {p.returncode}"
            for name, p in processes.items()
            if p.poll() is not None
        ]

    wait_until(lambda: bool(exited()) or ready(), what, seconds, interval)
    assert not exited(), f"{what}: {', '.join(exited())}; see {logs}"


def wait_until_answers(
    url: str,
    process: subprocess.Popen,
    name: str,
    seconds: float = READY_SECONDS,
    logs: object = "its log",
) -> None:
    """Waits until the server answers at url; fails if its process exits first."""
    wait_until_ready(
        lambda: answers(url), {name: process}, f"{name} answers at {url}", seconds, logs=logs
    )


class Servers:
    """The two servers of `make run` on free ports, with their own tracker database and logs
    in `workdir`; each can be stopped and started again.

    `settings` are more of the launchers' variables (ENDPOINTS, RASA_API_TOKEN, CORS_ORIGIN)."""

    def __init__(self, workdir: Path, **settings: str) -> None:
        self.rasa_port, self.action_port = server_ports(2)
        self.logs = workdir
        self.tracker_db = workdir / "tracker.db"
        self.env: Dict[str, str] = {
            "RASA_PORT": str(self.rasa_port),
            "ACTION_PORT": str(self.action_port),
            "TRACKER_DB": str(self.tracker_db),
            **settings,
        }
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self.action_url = f"http://127.0.0.1:{self.action_port}"
        self.rasa: Optional[subprocess.Popen] = None
        self.actions: Optional[subprocess.Popen] = None

    def start_actions(self) -> None:
        """Starts the action server and waits until it answers."""
        self.actions = start([ACTION_LAUNCHER], self.logs / "actions.log", self.env)
        wait_until_answers(
            self.action_url + "/health",
            self.actions,
            "the action server",
            logs=self.logs / "actions.log",
        )

    def start_rasa(self) -> None:
        """Starts Rasa and waits until it answers."""
        self.rasa = start([RASA_LAUNCHER], self.logs / "rasa.log", self.env)
        wait_until_answers(self.url + "/", self.rasa, "Rasa", logs=self.logs / "rasa.log")

    def start(self) -> None:
        """Both, as `make run` starts them."""
        self.start_actions()
        self.start_rasa()

    def stop_actions(self) -> None:
        """Stops the action server as scripts/servers.sh does (SIGTERM)."""
        stop(self.actions, sig=signal.SIGTERM)

    def stop_rasa(self) -> None:
        """Stops Rasa cleanly (SIGINT)."""
        stop(self.rasa)

    def stop(self) -> None:
        """Stops whichever of the two is running."""
        self.stop_rasa()
        self.stop_actions()

    def send(self, sender: str, message: str) -> List[Dict]:
        """Posts one message over REST; returns the bot's messages."""
        response = requests.post(
            self.url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        assert response.status_code == 200, response.text
        return response.json()
