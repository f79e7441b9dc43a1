"""Free TCP ports for the servers the tests and benchmarks start."""

from __future__ import annotations

import random
import socket
from pathlib import Path
from typing import List

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


def server_port() -> int:
    """One free port for a server (or for nothing to listen on)."""
    return server_ports(1)[0]
