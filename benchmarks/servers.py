"""Starts an assistant's Rasa server (and action server) on free ports and times it to its first answer."""
from __future__ import annotations

import signal
import socket
import subprocess
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, Optional

import requests

from benchmarks.commands import RASA, log_path, start
from benchmarks.cost import PeakMemory

READY_TIMEOUT = 300  # seconds; a cold start on a busy 2-core machine can take a minute


@dataclass
class Assistant:
    """How to serve one assistant: its project, model and endpoints, and a first message."""

    name: str
    project: Path
    model: Path
    endpoints: Path
    credentials: Path
    tracker_db: Path
    with_actions: bool
    first_message: str


@dataclass
class Running:
    """A served assistant: its webhook, its start-up time and its memory samplers."""

    webhook: str
    start_to_answer: float
    rasa_memory: PeakMemory
    actions_memory: Optional[PeakMemory]


def free_port() -> int:
    """A TCP port nobody listens on now, so runs never collide with other servers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_sender() -> str:
    """A sender id nobody used, within the characters our REST channel accepts."""
    return f"bench-{uuid.uuid4().hex[:16]}"


@contextmanager
def serve(assistant: Assistant) -> Iterator[Running]:
    """Starts the assistant's servers, waits for its first answer, and stops them on exit."""
    rasa_port, action_port = free_port(), free_port()
    assistant.tracker_db.unlink(missing_ok=True)  # every run starts with no conversations
    # endpoints.yml reads these, as `make run` sets them.
    env = {"TRACKER_DB": str(assistant.tracker_db)}
    processes: Dict[str, subprocess.Popen] = {}
    memories: Dict[str, PeakMemory] = {}
    rasa, actions = f"serve {assistant.name}", f"serve {assistant.name} actions"
    began = time.perf_counter()
    try:
        if assistant.with_actions:
            env["ACTION_PORT"] = str(action_port)
            processes[actions] = start(actions, [
                RASA, "run", "actions", "--actions", "actions", "--port", str(action_port)],
                assistant.project, env)
        processes[rasa] = start(rasa, [
            RASA, "run", "--model", str(assistant.model), "--port", str(rasa_port),
            "--credentials", str(assistant.credentials), "--endpoints", str(assistant.endpoints)],
            assistant.project, env)
        memories.update((name, PeakMemory(process.pid)) for name, process in processes.items())
        webhook = f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
        wait_for_answer(webhook, assistant.first_message, processes)
        yield Running(webhook, time.perf_counter() - began, memories[rasa], memories.get(actions))
    finally:
        stop(processes.values())
        for memory in memories.values():
            memory.stop()


def wait_for_answer(webhook: str, message: str, processes: Dict[str, subprocess.Popen]) -> None:
    """Sends the message until a non-empty reply comes back (each try as a new sender)."""
    deadline = time.perf_counter() + READY_TIMEOUT
    while time.perf_counter() < deadline:
        for name, process in processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}; see {log_path(name)}")
        try:
            reply = requests.post(webhook, json={"sender": new_sender(), "message": message},
                                  timeout=30)
            if reply.status_code == 200 and reply.json():
                return
        except requests.ConnectionError:
            pass  # not listening yet
        time.sleep(0.1)
    raise TimeoutError(f"no answer from {webhook} within {READY_TIMEOUT} s")


def stop(processes: Iterable[subprocess.Popen]) -> None:
    """Stops servers with SIGINT, on which Rasa shuts down cleanly; kills any that hang."""
    for process in processes:
        process.send_signal(signal.SIGINT)
    for process in processes:
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
