"""Gets production storage ready: the PostgreSQL role and database, and a check of Redis.

Rasa connects as PG_USER, a role that may log in and owns its database (PG_DATABASE) and
nothing else: not a superuser, it cannot create databases or roles, and other roles may not
connect to its database. This script, which runs before Rasa, creates the role and the
database when missing as PG_ADMIN_USER (default postgres), and hands over to the role a
database or tables that an earlier version created as the administrator. Rasa creates the
tables itself; it only finds out that Redis is missing when the first message arrives.
Reads the settings run_prod.sh exports (PG_*, REDIS_HOST, REDIS_PORT, REDIS_DB).
"""

from __future__ import annotations

import os
import sys

import psycopg2
import redis
from psycopg2 import errors, sql


def _admin(database: str) -> "psycopg2.extensions.connection":
    connection = psycopg2.connect(
        host=os.environ["PG_HOST"],
        port=os.environ["PG_PORT"],
        user=os.environ.get("PG_ADMIN_USER") or "postgres",
        password=os.environ.get("PG_ADMIN_PASSWORD") or None,
        dbname=database,
        connect_timeout=10,
    )
    connection.autocommit = True  # CREATE DATABASE cannot run inside a transaction
    return connection


def create_role(cursor: "psycopg2.extensions.cursor", role: str) -> None:
    """The application's role, with its password, and no power beyond its database."""
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    if not cursor.fetchone():
        try:
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
        except errors.DuplicateObject:  # another start-up created it just now
            pass
    cursor.execute(
        sql.SQL(
            "ALTER ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %s"
        ).format(sql.Identifier(role)),
        (os.environ.get("PG_PASSWORD") or None,),
    )


def create_database() -> bool:
    """Creates PG_USER's role and PG_DATABASE, owned by it, unless they exist; True when the
    database was created."""
    name, role = os.environ["PG_DATABASE"], os.environ["PG_USER"]
    connection = _admin("postgres")
    created = False
    try:
        with connection.cursor() as cursor:
            create_role(cursor, role)
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if not cursor.fetchone():
                try:
                    cursor.execute(
                        sql.SQL("CREATE DATABASE {} OWNER {}").format(
                            sql.Identifier(name), sql.Identifier(role)
                        )
                    )
                    created = True
                except errors.DuplicateDatabase:  # another start-up created it just now
                    pass
            cursor.execute(
                sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                    sql.Identifier(name), sql.Identifier(role)
                )
            )
            cursor.execute(
                sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(name))
            )
    finally:
        connection.close()
    hand_over_tables(name, role)
    return created


def hand_over_tables(database: str, role: str) -> None:
    """Tables and sequences made by another role (an earlier version ran as the
    administrator) become the application role's."""
    connection = _admin(database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.relname, c.relkind FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') "
                "AND pg_get_userbyid(c.relowner) <> %s",
                (role,),
            )
            for relation, kind in cursor.fetchall():
                statement = (
                    "ALTER TABLE {} OWNER TO {}"
                    if kind == "r"
                    else ("ALTER SEQUENCE {} OWNER TO {}")
                )
                cursor.execute(
                    sql.SQL(statement).format(sql.Identifier(relation), sql.Identifier(role))
                )
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
