"""Reconnect in production mode (scripts/run_prod.sh) on its own ports, database and Redis keys.

One system for the whole folder: starting two Rasa instances is the slowest step of these tests.
Rasa reaches PostgreSQL and Redis through TCP proxies of the tests', so a test can cut either
off from Rasa, or make it hang, without touching the real service.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from typing import Iterator, List

import pytest

from tests.prod.store import (
    PG_HOST,
    PG_PORT,
    REDIS_HOST,
    REDIS_PORT,
    delete_redis_keys,
    drop_database,
)
from tests.prod.system import ProdSystem
from tests.prod.tcp_proxy import TcpProxy

NGINX_PATHS = ("/usr/sbin/nginx",)


def pytest_configure(config: pytest.Config) -> None:
    """Registers the marker of the test that stops the system."""
    config.addinivalue_line("markers", "stops_the_system: runs after every other test")


def pytest_collection_modifyitems(items: List[pytest.Item]) -> None:
    """Moves the test that stops the system to the end, wherever its file sorts."""
    items.sort(key=lambda item: item.get_closest_marker("stops_the_system") is not None)


@contextmanager
def running_proxy(host: str, port: int) -> Iterator[TcpProxy]:
    """A proxy to host:port, started, and stopped afterwards."""
    proxy = TcpProxy(host, port)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()


@pytest.fixture(scope="session")
def pg_proxy() -> Iterator[TcpProxy]:
    """The proxy between Rasa and PostgreSQL."""
    with running_proxy(PG_HOST, PG_PORT) as proxy:
        yield proxy


@pytest.fixture(scope="session")
def redis_proxy() -> Iterator[TcpProxy]:
    """The proxy between Rasa and Redis."""
    with running_proxy(REDIS_HOST, REDIS_PORT) as proxy:
        yield proxy


@pytest.fixture(scope="session")
def prod(
    tmp_path_factory: pytest.TempPathFactory, pg_proxy: TcpProxy, redis_proxy: TcpProxy
) -> Iterator[ProdSystem]:
    """The running system; dropped with its database and Redis keys afterwards."""
    if not (shutil.which("nginx") or any(shutil.which(p) for p in NGINX_PATHS)):
        pytest.skip("nginx is not installed (`make prod` installs it with apt-get)")
    system = ProdSystem(tmp_path_factory.mktemp("prod"), pg_proxy.port, redis_proxy.port)
    try:
        system.start()
        yield system
    finally:
        system.stop()
        drop_database(system.database)
        delete_redis_keys(system.redis_prefix)


@pytest.fixture(autouse=True)
def revived(request: pytest.FixtureRequest, prod: ProdSystem) -> Iterator[None]:
    """After each test, the next one finds every server running, even if this one failed midway."""
    yield
    if request.node.get_closest_marker("stops_the_system") is None:
        prod.revive()
