"""No conversation text in any log line: one filter on every log handler of the server.

Rasa quotes what a person wrote in several of its log lines: when a client disconnects
mid-turn, on any exception in a turn, when a message starting with `/@` or `/{` fails to
parse; SQLAlchemy's errors carry the statement's parameters, the text included. Rasa renders
its structured events to a string before the standard logging sees them, so the filter works
on that string: the values of the fields that hold a message, SQL parameters, and any of the
last messages the channels received (remembered here, in memory only), wherever they appear.
"""

from __future__ import annotations

import json
import logging
import re
from collections import deque
from typing import Deque, Text

REDACTED = "[redacted]"
# The fields of Rasa's structured events that hold what a person wrote.
MESSAGE_FIELD = re.compile(
    r"""(["'](?:text|user_text|message|input_text)["']: ?)(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
)
# SQLAlchemy: "[parameters: (...)]" up to the line that follows it, or the end.
SQL_PARAMETERS = re.compile(r"\[parameters: .*?(?=\\n|\n|$)", re.S)
# Shorter messages ("hi", "ok") would blank out ordinary words of other log lines, and quote
# nothing personal; longer ones are replaced wherever they appear, escaped as JSON or not.
SHORTEST_REMEMBERED = 6
_recent: Deque[Text] = deque(maxlen=512)


def remember(text: Text) -> None:
    """Notes a message a channel received, so that no log line quotes it."""
    if isinstance(text, str) and len(text.strip()) >= SHORTEST_REMEMBERED:
        _recent.append(text)


def redact(line: Text) -> Text:
    """The line without message fields, SQL parameters and recent messages."""
    line = MESSAGE_FIELD.sub(lambda match: f'{match.group(1)}"{REDACTED}"', line)
    line = SQL_PARAMETERS.sub(f"[parameters: {REDACTED}]", line)
    for text in list(_recent):
        for form in (text, json.dumps(text)[1:-1], repr(text)[1:-1]):
            if form in line:
                line = line.replace(form, REDACTED)
    return line


class RedactConversationText(logging.Filter):
    """Rewrites each record, its traceback included, without conversation text."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = redact(record.getMessage()), ()
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def redact_every_handler() -> None:
    """Puts the filter on every handler there is now (the server's logging is set up by then)."""
    redaction = RedactConversationText()
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, RedactConversationText) for f in handler.filters):
                handler.addFilter(redaction)
