"""What the tests and the benchmarks share: paths, free ports, the servers' environment and
launchers, reply helpers, the socket.io clients and the /proc helpers (see each module)."""
