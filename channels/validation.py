"""What a client may send: shared by the REST and socket.io channels."""

from __future__ import annotations

import re
from typing import Any, Optional, Text

# What a person writes in a chat, a long letter included (the widget's own limit too).
# Parsing runs on the server's event loop, so every other conversation waits while a
# message is read: the cap bounds that wait (`make bench` measures it at the cap).
MAX_MESSAGE_CHARS = 5_000
# The most a client may send at once (a REST body, a socket.io frame, any request the server
# reads): a JSON body holding a message of the longest allowed length, with room for escapes.
MAX_BODY_BYTES = 2 * MAX_MESSAGE_CHARS + 10_000
SENDER_ID = re.compile(r"^[A-Za-z0-9_:@+\-][A-Za-z0-9_.:@+\-]{0,127}$")
# Python's JSON code recurses once per level: deeper data would crash the server
# (RecursionError) instead of being refused. Real requests nest two or three levels.
MAX_JSON_DEPTH = 32
TOO_DEEP = f"the data may nest lists and objects at most {MAX_JSON_DEPTH} levels deep"
# Rasa's own commands answer with silence, which breaks the topic contract ("/back" even
# undoes the person's last turn). Reconnect's buttons never send them.
RASA_COMMAND = re.compile(r"^\s*/\s*(restart|back|session_start)\s*(?:[@{]|$)")


def sender_problem(sender: Any) -> Optional[Text]:
    """Why a sender (conversation) id is refused, or None when it is fine."""
    if not isinstance(sender, str) or not SENDER_ID.match(sender) or ".." in sender:
        return "the sender id must be 1-128 letters, digits or _.:@+- (and no '..')"
    return None


def depth_problem(data: Any) -> Optional[Text]:
    """Why decoded JSON (a request body, a socket.io event) is refused for its nesting, or None."""
    return TOO_DEEP if json_depth(data) > MAX_JSON_DEPTH else None


def message_problem(message: Any) -> Optional[Text]:
    """Why a message text is refused, or None when it is fine."""
    if not isinstance(message, str):
        return "the message must be a string"
    if len(message) > MAX_MESSAGE_CHARS:
        return f"the message is longer than {MAX_MESSAGE_CHARS} characters"
    if message.lstrip().startswith("/"):
        return command_problem(message)
    return None


def command_problem(command: Text) -> Optional[Text]:
    """Why a "/intent{...}" message is refused (Rasa decodes its JSON part), or None."""
    found = RASA_COMMAND.match(command)
    if found:
        return f"'/{found.group(1)}' is not a Reconnect command"
    if bracket_depth(command) > MAX_JSON_DEPTH:
        return TOO_DEEP
    return None


def bracket_depth(text: Text) -> int:
    """How deeply [ and { nest in a text (brackets inside JSON strings count too)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


def json_depth(value: Any) -> int:
    """How deeply lists and objects nest in decoded JSON (without recursing itself)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest
