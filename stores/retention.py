"""How long conversations are kept: RETENTION_DAYS days (default 30) after their latest message."""

from __future__ import annotations

import math
from typing import Mapping, Optional, Text

RETENTION_ENV = "RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30.0
SECONDS_PER_DAY = 86_400


def retention_days(environ: Mapping[Text, Text], override: Optional[Text] = None) -> float:
    """The retention in days: `override`, else RETENTION_DAYS, else 30; ValueError if not > 0."""
    raw = override if override is not None else environ.get(RETENTION_ENV, "")
    if not raw.strip():
        return DEFAULT_RETENTION_DAYS
    problem = ValueError(f"the retention must be a positive number of days, not {raw!r}")
    try:
        days = float(raw)
    except ValueError:
        raise problem from None
    # Zero or less would delete every conversation, including the ones going on right now.
    if not math.isfinite(days) or days <= 0:
        raise problem
    return days


def cutoff(now: float, days: float) -> float:
    """The Unix time before which a conversation's latest event makes it expired."""
    return now - days * SECONDS_PER_DAY
