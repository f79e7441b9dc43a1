"""What a client may send: shared by the REST and socket.io channels."""
from __future__ import annotations

import re
from typing import Any, Optional, Text

# Generous for a long letter (the crisis detector reads all of it), bounded so one
# message cannot tie up the server.
MAX_MESSAGE_CHARS = 150_000
SENDER_ID = re.compile(r"^[A-Za-z0-9_:@+\-][A-Za-z0-9_.:@+\-]{0,127}$")


def sender_problem(sender: Any) -> Optional[Text]:
    """Why a sender (conversation) id is refused, or None when it is fine."""
    if not isinstance(sender, str) or not SENDER_ID.match(sender) or ".." in sender:
        return "the sender id must be 1-128 letters, digits or _.:@+- (and no '..')"
    return None


def message_problem(message: Any) -> Optional[Text]:
    """Why a message text is refused, or None when it is fine."""
    if not isinstance(message, str):
        return "the message must be a string"
    if len(message) > MAX_MESSAGE_CHARS:
        return f"the message is longer than {MAX_MESSAGE_CHARS} characters"
    return None
