"""Starts the real action server and Rasa server for the HTTP tests, on free ports."""
import os
import signal
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import pytest
import requests

from tests.conftest import ROOT

BIN = ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Servers:
    """The two servers of `make run`, each started, stopped and restarted on demand."""

    def __init__(self, workdir: Path) -> None:
        self.rasa_port, self.action_port = free_port(), free_port()
        self.env = {**os.environ, "RASA_PORT": str(self.rasa_port),
                    "ACTION_PORT": str(self.action_port),
                    "TRACKER_DB": str(workdir / "tracker.db"),
                    "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
                    "PYTHONPATH": str(ROOT)}  # actions, channels, components, stores
        self.logs = workdir
        self.rasa: Optional[subprocess.Popen] = None
        self.actions: Optional[subprocess.Popen] = None
        self.url = f"http://127.0.0.1:{self.rasa_port}"

    def _start(self, name: str, args: List[str]) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")
        return subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def start_actions(self) -> None:
        self.actions = self._start("actions", [str(BIN / "python"), "scripts/action_server.py",
                                               "--actions", "actions",
                                               "--port", str(self.action_port)])
        self._wait(f"http://127.0.0.1:{self.action_port}/health", self.actions)

    def start_rasa(self) -> None:
        self.rasa = self._start("rasa", [str(ROOT / "scripts" / "rasa_server.sh")])
        self._wait(self.url + "/", self.rasa)

    def stop_actions(self) -> None:
        self.actions.terminate()
        self.actions.wait(30)

    def stop_rasa(self) -> None:
        self.rasa.send_signal(signal.SIGINT)  # Rasa stops cleanly on SIGINT
        try:
            self.rasa.wait(30)
        except subprocess.TimeoutExpired:
            self.rasa.kill()
            self.rasa.wait()

    @staticmethod
    def _wait(url: str, process: subprocess.Popen) -> None:
        deadline = time.time() + 180
        while time.time() < deadline:
            assert process.poll() is None, f"server for {url} exited"
            try:
                requests.get(url, timeout=2)
                return
            except requests.ConnectionError:
                time.sleep(0.5)
        raise TimeoutError(url)

    def send(self, sender: str, message: str) -> List[Dict]:
        """Posts one message over REST; returns the bot's messages."""
        response = requests.post(self.url + "/webhooks/rest/webhook",
                                 json={"sender": sender, "message": message}, timeout=60)
        assert response.status_code == 200, response.text
        return response.json()


def topics_of(messages: List[Dict]) -> List[str]:
    """Topic ids in a reply, wherever the contract allows them."""
    found = []
    for m in messages:
        for holder in (m, m.get("custom") or {}, m.get("metadata") or {}):
            if isinstance(holder, dict) and "topic" in holder:
                found.append(holder["topic"])
    return found


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Servers:
    running = Servers(tmp_path_factory.mktemp("servers"))
    running.start_actions()
    running.start_rasa()
    yield running
    for process in (running.rasa, running.actions):
        if process and process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
