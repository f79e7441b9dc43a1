"""Starts an assistant's Rasa server (and action server) on free ports, timed to its first reply."""

from __future__ import annotations

import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import requests

from benchmarks.commands import log_path, start
from benchmarks.cost import PeakMemory
from tests.support import servers
from tests.support.ports import server_ports
from tests.support.replies import new_sender

# Generous: a cold start on a busy machine is slow, and a slow start is measured, not failed.
READY_TIMEOUT = 300
POLL_SECONDS = 0.1  # how finely the time to the first answer is measured


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
    stock: bool = False  # stock Rasa: none of this repository's modules may be importable
    settings: Dict[str, str] = field(default_factory=dict)  # more of the launchers' variables


@dataclass
class Running:
    """A served assistant: its webhook, its start-up time and its memory samplers."""

    webhook: str
    start_to_answer: float
    rasa_memory: PeakMemory
    actions_memory: Optional[PeakMemory]


@contextmanager
def serve(assistant: Assistant, work: Path) -> Iterator[Running]:
    """Starts the assistant's servers, waits for its first answer, and stops them on exit."""
    rasa_port, action_port = server_ports(2)
    ports = {"rasa_port": str(rasa_port), "action_port": str(action_port)}
    assistant.tracker_db.unlink(missing_ok=True)  # every run starts with no conversations
    env = {
        "RASA_PORT": ports["rasa_port"],
        "TRACKER_DB": str(assistant.tracker_db),
        **assistant.settings,
    }
    processes: Dict[str, subprocess.Popen] = {}
    memories: Dict[str, PeakMemory] = {}
    rasa, actions = f"serve {assistant.name}", f"serve {assistant.name} actions"
    began = time.perf_counter()
    try:
        commands = {rasa: assistant.rasa}
        if assistant.actions:
            env["ACTION_PORT"] = ports["action_port"]
            commands = {actions: assistant.actions, **commands}  # the action server first
        for name, command in commands.items():
            processes[name] = start(
                name,
                [arg.format(**ports) for arg in command],
                work,
                assistant.project,
                env,
                assistant.stock,
            )
        memories.update((name, PeakMemory(process.pid)) for name, process in processes.items())
        webhook = f"http://127.0.0.1:{ports['rasa_port']}/webhooks/rest/webhook"
        servers.wait_until_ready(
            lambda: answered(webhook, assistant.first_message),
            processes,
            f"an answer from {webhook}",
            READY_TIMEOUT,
            POLL_SECONDS,
            logs=log_path(rasa, work).parent,
        )
        yield Running(webhook, time.perf_counter() - began, memories[rasa], memories.get(actions))
    finally:
        servers.stop(*processes.values())
        for memory in memories.values():
            memory.stop()


def answered(webhook: str, message: str) -> bool:
    """Whether the message, sent as a new sender, gets a non-empty reply."""
    try:
        reply = requests.post(
            webhook, json={"sender": new_sender("bench"), "message": message}, timeout=30
        )
    except requests.ConnectionError:
        return False  # not listening yet
    return reply.status_code == 200 and bool(reply.json())
