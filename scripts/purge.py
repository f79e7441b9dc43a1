"""Deletes every conversation whose latest message is older than the retention period.

Usage: python scripts/purge.py [ENDPOINTS] [--days N]
ENDPOINTS (default endpoints.yml) names the tracker store, SQLite or PostgreSQL. The retention
is --days, else the RETENTION_DAYS environment variable, else 30 days.
"""

import argparse
import os
import sys
import time
import warnings
from datetime import datetime, timezone

# An operator's command: its output is its summary or one error line, not the deprecation
# warnings of Rasa's dependencies (some of which reset the warning filters as they import).
warnings.showwarning = lambda *_args, **_kwargs: None

from rasa.shared.exceptions import RasaException  # noqa: E402
from sqlalchemy.exc import SQLAlchemyError  # noqa: E402

from stores.privacy_tracker_store import PrivacyTrackerStore  # noqa: E402
from stores.retention import RETENTION_ENV, cutoff, retention_days  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("endpoints", nargs="?", default="endpoints.yml")
    parser.add_argument("--days", help=f"retention in days (default: ${RETENTION_ENV} or 30)")
    args = parser.parse_args()
    try:
        days = retention_days(os.environ, args.days)
        store = PrivacyTrackerStore.from_endpoints(args.endpoints)
    except (ValueError, RasaException) as error:  # RasaException: a ${VARIABLE} is not set
        print(f"purge: {error}", file=sys.stderr)
        return 2
    before = cutoff(time.time(), days)
    url = store.engine.url
    try:
        removed = store.delete_older_than(before)
    except SQLAlchemyError as error:
        print(
            f"purge: nothing deleted, the {url.get_backend_name()} database {url.database} "
            f"cannot be used: {type(error).__name__}: {str(error).splitlines()[0]}",
            file=sys.stderr,
        )
        return 1
    since = datetime.fromtimestamp(before, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"Removed {removed.conversations} conversations ({removed.events} events) with no "
        f"message since {since} ({days:g}-day retention) from {url.get_backend_name()} "
        f"database {url.database}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
