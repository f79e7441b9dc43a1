"""Gets production storage ready: creates the PostgreSQL database if missing, checks Redis.

Reads the settings run_prod.sh exports (PG_HOST, PG_PORT, PG_DATABASE, PG_USER, PG_PASSWORD,
REDIS_HOST, REDIS_PORT, REDIS_DB). Rasa creates the tables itself; it cannot create the
database, and it only finds out that Redis is missing when the first message arrives.
"""

from __future__ import annotations

import os
import sys

import psycopg2
import redis
from psycopg2 import errors, sql


def create_database() -> bool:
    """Creates PG_DATABASE unless it exists; True when it was created."""
    name = os.environ["PG_DATABASE"]
    connection = psycopg2.connect(
        host=os.environ["PG_HOST"],
        port=os.environ["PG_PORT"],
        user=os.environ["PG_USER"],
        password=os.environ.get("PG_PASSWORD") or None,
        dbname="postgres",
        connect_timeout=10,
    )
    connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cursor.fetchone():
                return False
            try:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            except errors.DuplicateDatabase:  # another start-up created it just now
                return False
            return True
    finally:
        connection.close()


def check_redis() -> None:
    """Raises redis.RedisError unless the lock store's Redis answers."""
    redis.Redis(
        host=os.environ["REDIS_HOST"],
        port=int(os.environ["REDIS_PORT"]),
        db=int(os.environ["REDIS_DB"]),
        socket_timeout=10,
    ).ping()


def main() -> int:
    """Prints what it did; exit status 1 with the reason when a store is unreachable."""
    where = f"{os.environ['PG_HOST']}:{os.environ['PG_PORT']}"
    try:
        created = create_database()
    except psycopg2.Error as error:
        print(f"PostgreSQL at {where} is not usable: {error}".strip(), file=sys.stderr)
        return 1
    state = "created" if created else "exists"
    print(f"PostgreSQL database {os.environ['PG_DATABASE']} at {where}: {state}")
    try:
        check_redis()
    except redis.RedisError as error:
        print(
            f"Redis at {os.environ['REDIS_HOST']}:{os.environ['REDIS_PORT']} does not answer: "
            f"{error}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
