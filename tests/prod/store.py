"""Reads what Rasa stored in PostgreSQL and cleans up after the tests, without Rasa."""

from __future__ import annotations

import json
import os
from typing import Dict, Iterable, List

import psycopg2
import redis
from psycopg2 import sql

PG_HOST = os.environ.get("PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("PG_PORT", "5432"))
PG_USER = os.environ.get("PG_USER", "postgres")
REDIS_HOST = os.environ.get("REDIS_HOST", "127.0.0.1")
REDIS_PORT = int(os.environ.get("REDIS_PORT", "6379"))
REDIS_DB = int(os.environ.get("REDIS_DB", "1"))


def _connect(database: str) -> "psycopg2.extensions.connection":
    return psycopg2.connect(
        host=PG_HOST,
        port=PG_PORT,
        user=PG_USER,
        password=os.environ.get("PG_PASSWORD") or None,
        dbname=database,
    )


def stored_user_texts(database: str, senders: Iterable[str]) -> Dict[str, List[str]]:
    """Each sender's user messages as stored in Rasa's `events` table, in stored order."""
    found: Dict[str, List[str]] = {sender: [] for sender in senders}
    connection = _connect(database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sender_id, data FROM events WHERE type_name = 'user' "
                "AND sender_id = ANY(%s) ORDER BY id",
                (list(found),),
            )
            for sender, data in cursor.fetchall():
                found[sender].append(json.loads(data)["text"])
    finally:
        connection.close()
    return found


def database_exists(database: str) -> bool:
    """Whether PostgreSQL has a database of that name."""
    connection = _connect("postgres")
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            return cursor.fetchone() is not None
    finally:
        connection.close()


def drop_database(database: str) -> None:
    """Drops the database even if a process still holds a connection to it, and its role
    (run_prod.sh names the role as the database)."""
    connection = _connect("postgres")
    connection.autocommit = True  # DROP DATABASE cannot run inside a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
            )
            cursor.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(database)))
    finally:
        connection.close()


def delete_redis_keys(prefix: str) -> None:
    """Removes whatever the lock store left under the tests' own key prefix."""
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)
