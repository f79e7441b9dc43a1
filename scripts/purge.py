"""Deletes every conversation whose latest message is older than the retention period.

Usage: python scripts/purge.py [ENDPOINTS] [--days N]
ENDPOINTS (default endpoints.yml) names the tracker store, SQLite or PostgreSQL. The retention
is --days, else the RETENTION_DAYS environment variable, else 30 days.
"""
import argparse
import os
import sys
import time
from datetime import datetime, timezone

from stores.privacy_tracker_store import PrivacyTrackerStore
from stores.retention import RETENTION_ENV, cutoff, retention_days


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("endpoints", nargs="?", default="endpoints.yml")
    parser.add_argument("--days", help=f"retention in days (default: ${RETENTION_ENV} or 30)")
    args = parser.parse_args()
    try:
        days = retention_days(os.environ, args.days)
        store = PrivacyTrackerStore.from_endpoints(args.endpoints)
    except ValueError as error:
        print(f"purge: {error}", file=sys.stderr)
        return 2
    before = cutoff(time.time(), days)
    removed = store.delete_older_than(before)
    url = store.engine.url
    since = datetime.fromtimestamp(before, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Removed {removed.conversations} conversations ({removed.events} events) with no "
          f"message since {since} ({days:g}-day retention) from {url.get_backend_name()} "
          f"database {url.database}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
