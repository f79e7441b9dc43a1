"""Conversation ids of the socket.io channel: issued by the server only, each signed.

A socket joins a conversation by presenting its id, so an id anyone could make up (the old
"me", a guessed uuid) would let anyone read that conversation's replies, crisis messages
included, and delete it. Each id is a random part and an HMAC of it with the server's secret:
only ids this server (or another instance with the same secret) issued are accepted. The id
stays a plain string in the client's storage, so other clients (rasa-webchat) keep working.

The secret comes from SESSION_SECRET, else from the file SESSION_SECRET_FILE (default
var/session.secret), which the first server to start creates: kept across restarts, and
shared by the instances of production mode, which read the same file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Any, Text

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_SECRET_FILE = PROJECT_DIR / "var" / "session.secret"
SEPARATOR = "."


def _read_or_create(path: Path) -> bytes:
    """The secret in the file, which is created (readable by its owner only) if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # made earlier, or just now by another instance
        pass
    else:
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32))
    secret = path.read_text(encoding="ascii").strip()
    if len(secret) < 32:
        raise ValueError(f"{path}: the session secret must be at least 32 characters")
    return secret.encode()


class SessionIds:
    """Issues conversation ids and recognises the ones it issued."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @classmethod
    def from_environment(cls) -> "SessionIds":
        """With the secret of SESSION_SECRET or of the secret file."""
        given = os.environ.get("SESSION_SECRET", "")
        if given:
            if len(given) < 32:
                raise ValueError("SESSION_SECRET must be at least 32 characters")
            return cls(given.encode())
        return cls(
            _read_or_create(Path(os.environ.get("SESSION_SECRET_FILE") or DEFAULT_SECRET_FILE))
        )

    def _signature(self, random_part: Text) -> Text:
        digest = hmac.new(self._secret, random_part.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def issue(self) -> Text:
        """A new id: 32 random hex digits and their signature (letters, digits, - and _)."""
        random_part = secrets.token_hex(16)
        return f"{random_part}{SEPARATOR}{self._signature(random_part)}"

    def issued(self, session_id: Any) -> bool:
        """Whether the id is one this server issued (its signature matches)."""
        if not isinstance(session_id, str) or session_id.count(SEPARATOR) != 1:
            return False
        random_part, signature = session_id.split(SEPARATOR)
        # compare_digest: the time taken does not tell how much of the signature was right
        return hmac.compare_digest(signature.encode(), self._signature(random_part).encode())
