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
from typing import Dict, Iterable, Iterator, List, Optional

import requests

from benchmarks.commands import log_path, start
from benchmarks.cost import PeakMemory

READY_TIMEOUT = 300  # seconds; a cold start on a busy 2-core machine can take a minute


@dataclass
class Assistant:
    """How to serve one assistant, and a first message it must answer.

    The commands may use {rasa_port} and {action_port}; they also get RASA_PORT, ACTION_PORT
    and TRACKER_DB in their environment, as `make run` sets them.
    """

    name: str
    project: Path  # where the commands run
    rasa: List[str]
    actions: Optional[List[str]]
    tracker_db: Path
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
def serve(assistant: Assistant, work: Path) -> Iterator[Running]:
    """Starts the assistant's servers, waits for its first answer, and stops them on exit."""
    ports = {"rasa_port": str(free_port()), "action_port": str(free_port())}
    assistant.tracker_db.unlink(missing_ok=True)  # every run starts with no conversations
    env = {"RASA_PORT": ports["rasa_port"], "TRACKER_DB": str(assistant.tracker_db)}
    processes: Dict[str, subprocess.Popen] = {}
    memories: Dict[str, PeakMemory] = {}
    rasa, actions = f"serve {assistant.name}", f"serve {assistant.name} actions"
    began = time.perf_counter()
    try:
        if assistant.actions:
            env["ACTION_PORT"] = ports["action_port"]
            processes[actions] = start(actions, [arg.format(**ports) for arg in assistant.actions],
                                       work, assistant.project, env)
        processes[rasa] = start(rasa, [arg.format(**ports) for arg in assistant.rasa],
                                work, assistant.project, env)
        memories.update((name, PeakMemory(process.pid)) for name, process in processes.items())
        webhook = f"http://127.0.0.1:{ports['rasa_port']}/webhooks/rest/webhook"
        wait_for_answer(webhook, assistant.first_message, processes, work)
        yield Running(webhook, time.perf_counter() - began, memories[rasa], memories.get(actions))
    finally:
        stop(processes.values())
        for memory in memories.values():
            memory.stop()


def wait_for_answer(webhook: str, message: str, processes: Dict[str, subprocess.Popen],
                    work: Path) -> None:
    """Sends the message until a non-empty reply comes back (each try as a new sender)."""
    deadline = time.perf_counter() + READY_TIMEOUT
    while time.perf_counter() < deadline:
        for name, process in processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}; see {log_path(name, work)}")
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
