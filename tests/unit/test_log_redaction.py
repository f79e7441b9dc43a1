"""No log line quotes what a person wrote, whatever path logs it (server/log_redaction.py)."""

import io
import json
import logging
import uuid

import pytest
import sqlalchemy as sa

from server.log_redaction import RedactConversationText, remember


@pytest.fixture
def logged():
    """A logger whose handler has the filter, as the server's have; what it wrote."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactConversationText())
    logger = logging.getLogger(f"redaction-test-{uuid.uuid4().hex}")
    logger.addHandler(handler)
    logger.propagate = False
    yield logger, stream.getvalue
    logger.removeHandler(handler)


def marker() -> str:
    return f"my flatmate {uuid.uuid4().hex} never talks to me"


def test_rasas_structured_events_lose_their_message_fields(logged):
    logger, output = logged
    text = marker()
    # As Rasa renders them: a client gone mid-turn, a message that failed to parse.
    for event in (
        {"text": text, "event": "rest.message.received.timeout", "level": "error"},
        {"user_text": "/@" + text, "event": "message.parsing.failed", "level": "warning"},
        {"text": 'with "quotes" ' + text, "event": "rest.message.received.failure"},
    ):
        logger.error(json.dumps(event))
    assert text.split()[2] not in output()
    assert "rest.message.received.timeout" in output()  # the rest of the line stays


def test_an_exception_in_a_turn_does_not_quote_the_message(logged):
    logger, output = logged
    text = marker()
    remember(text)  # as the channels do for every message
    try:
        raise ValueError(f"could not handle {text!r}")
    except ValueError:
        logger.exception("turn failed")
    assert "ValueError" in output() and text.split()[2] not in output()


def test_sql_errors_do_not_carry_their_parameters(logged):
    logger, output = logged
    text = marker()
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE events (data TEXT NOT NULL UNIQUE)"))
        connection.execute(sa.text("INSERT INTO events VALUES (:data)"), {"data": text})
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("INSERT INTO events VALUES (:data)"), {"data": text})
    except sa.exc.IntegrityError as error:
        assert text in str(error)  # SQLAlchemy's own message quotes it
        logger.error("storage failed: %s", error)
        logger.error(json.dumps({"event": "failure", "exception": str(error)}))
    assert "IntegrityError" in output() and text.split()[2] not in output()


def test_short_messages_are_not_hunted_through_other_lines(logged):
    logger, output = logged
    remember("hi")
    logger.warning("this server is up")
    assert "this server is up" in output()
