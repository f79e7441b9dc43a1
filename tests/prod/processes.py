"""Ports, processes and servers seen from outside: what the production tests wait for."""
from __future__ import annotations

import random
import socket
import time
from pathlib import Path
from typing import Callable, List, Optional

import requests

EPHEMERAL_PORTS = Path("/proc/sys/net/ipv4/ip_local_port_range")


def server_ports(count: int) -> List[int]:
    """Distinct free ports for servers, below the kernel's ephemeral range."""
    # A port from bind(0) is in that range, from which every outgoing connection on the
    # machine (Rasa's to PostgreSQL and Redis, other tests') also draws its local port, so
    # one of them may take it before our server starts.
    lowest_ephemeral = int(EPHEMERAL_PORTS.read_text().split()[0])
    ports: List[int] = []
    while len(ports) < count:
        port = random.randrange(20000, lowest_ephemeral)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        if port not in ports:
            ports.append(port)
    return ports


def gone(pid: int) -> bool:
    """True once the process has exited (a zombie waiting for its parent counts as exited)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] == "Z"
    except (FileNotFoundError, IndexError):
        return True


def parent_of(pid: int) -> Optional[int]:
    """The parent process id, from /proc; None once the process is gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[1])
    except (FileNotFoundError, IndexError):
        return None


def wait_until(check: Callable[[], bool], what: str, seconds: float = 180) -> None:
    """Polls check() until it is true; fails after the given time."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        time.sleep(0.3)


def answers(url: str) -> bool:
    """True when an HTTP server answers at url."""
    try:
        requests.get(url, timeout=2)
        return True
    except requests.RequestException:
        return False
