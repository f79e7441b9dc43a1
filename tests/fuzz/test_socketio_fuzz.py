"""Bad input over socket.io: every event gets an answer, and no socket or server goes down."""

import asyncio
import json
from typing import Any, Awaitable, Callable, List, Type, Union

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from channels.validation import MAX_BODY_BYTES, MAX_MESSAGE_CHARS, sender_problem
from tests.fuzz.strategies import BAD_SENDERS, JSON_VALUES, MESSAGES, SENDERS
from tests.support.sio import Answer, RawSocket, SocketClient, topic_of

Socket = Union[SocketClient, RawSocket]


def run_on(kind: Type[Socket], servers, scenario: Callable[[Any], Awaitable[Any]]) -> Any:
    """Runs `scenario` on a new socket of its own, so that no late answer is taken for another's."""

    async def run() -> Any:
        async with kind(servers.url) as socket:
            return await scenario(socket)

    return asyncio.run(run())


async def say_hi(client: SocketClient) -> Any:
    await client.start_session()
    return await client.say("hi")


@given(
    data=st.one_of(
        JSON_VALUES, st.fixed_dictionaries({"session_id": st.one_of(SENDERS, JSON_VALUES)})
    )
)
def test_any_session_request_is_confirmed_with_a_new_id_of_the_servers(servers, data):
    """Whatever is asked for, a made-up id is never confirmed: the server issues its own."""
    name, session_id = run_on(
        SocketClient, servers, lambda client: client.ask("session_request", data)
    )
    assert name == "session_confirm" and sender_problem(session_id) is None, session_id
    requested = data.get("session_id") if isinstance(data, dict) else None
    assert session_id != requested


NOT_TEXT = JSON_VALUES.filter(lambda value: not isinstance(value, str))


# Every one is malformed: not an object, no message or not a string, or a refused sender id.
# (A well-formed one would be answered in a room this socket never joined.)
@given(
    data=st.one_of(
        JSON_VALUES.filter(lambda value: not isinstance(value, dict)),
        st.fixed_dictionaries(
            {},
            optional={
                "session_id": st.one_of(SENDERS, JSON_VALUES),
                "message": NOT_TEXT,
                "metadata": JSON_VALUES,
            },
        ),
        st.fixed_dictionaries({"session_id": BAD_SENDERS, "message": MESSAGES}),
    )
)
def test_malformed_messages_get_an_error_event_and_the_socket_stays(servers, data):
    async def scenario(client: SocketClient) -> List[Answer]:
        answers = [await client.ask("user_uttered", data)]
        await client.start_session()  # the same socket still works
        return answers

    [(name, payload)] = run_on(SocketClient, servers, scenario)
    assert name == "reconnect_error" and payload["error"], payload


@given(message=MESSAGES)
def test_odd_messages_in_a_session_get_an_answer(servers, message):
    async def scenario(client: SocketClient) -> Answer:
        await client.start_session()
        return await client.ask(
            "user_uttered", {"message": message, "session_id": client.session_id}
        )

    name, payload = run_on(SocketClient, servers, scenario)
    if name == "bot_uttered":
        assert topic_of(payload), payload
    else:  # only a command Rasa cannot take is refused
        assert name == "reconnect_error" and message.lstrip().startswith("/"), (message, payload)


ARGUMENTS = {  # name: (the arguments of both events, the answer to user_uttered)
    "none": ((), "reconnect_error"),
    "null": ((None,), "reconnect_error"),
    "extra ones": (({"message": "hi"}, "extra", 3), "bot_uttered"),
}


@pytest.mark.parametrize("name", sorted(ARGUMENTS))
def test_events_with_missing_or_extra_arguments_are_answered(servers, name):
    args, expected = ARGUMENTS[name]

    async def scenario(client: SocketClient) -> List[Answer]:
        session = await client.ask("session_request", *args)
        message = args
        if args and isinstance(args[0], dict):  # in the conversation just confirmed
            message = ({**args[0], "session_id": session[1]}, *args[1:])
        return [session, await client.ask("user_uttered", *message)]

    session, message = run_on(SocketClient, servers, scenario)
    assert session[0] == "session_confirm" and sender_problem(session[1]) is None
    assert message[0] == expected, message


# Sent by hand: python-socketio's own client cannot even encode the deepest of these.
BAD_MESSAGES = {  # name: what replaces the fields of a good {message, session_id}
    "metadata nested 600 levels": {"metadata": json.loads('{"a":' * 600 + "1" + "}" * 600)},
    "command nested 5000 levels": {"message": '/greet{"a": ' + "[" * 5000 + "]" * 5000 + "}"},
    "message one over the cap": {"message": "a" * (MAX_MESSAGE_CHARS + 1)},
    "Rasa's silent /restart": {"message": "/restart"},
    "path traversal session": {"session_id": "../../etc/passwd"},
    "NUL in the session id": {"session_id": "a\x00b"},
    "a made-up session id": {"session_id": "me"},
}


@pytest.mark.parametrize("name", sorted(BAD_MESSAGES))
def test_named_bad_messages_get_an_error_event(servers, name):
    async def scenario(raw: RawSocket) -> Answer:
        session_id = await raw.start_session()
        await raw.emit(
            "user_uttered", {"message": "hi", "session_id": session_id, **BAD_MESSAGES[name]}
        )
        return (await raw.answers_until("reconnect_error", "bot_uttered"))[-1]

    answer, payload = run_on(RawSocket, servers, scenario)
    assert answer == "reconnect_error" and payload["error"], (name, answer)


# python-socketio drops a frame it cannot decode (and logs it): no event, so nothing to answer.
NOT_EVENTS = {
    "not JSON": "42garbage",
    "cut short": '42["session_request",',
    "empty array": "42[]",
    "object": "42{}",
    "empty message packet": "4",
    "unknown packet type": "9",
    "binary garbage": b"\xff\xfe\x00\x80",
    "unknown event": '42["no_such_event",{"message":"hi"}]',
    "nested 5000 levels": '42["session_request",' + "[" * 5000 + "]" * 5000 + "]",
    "5000-digit number": '42["user_uttered",{"message":' + "9" * 5000 + "}]",
}


@pytest.mark.parametrize("name", sorted(NOT_EVENTS))
def test_frames_that_are_no_event_leave_the_socket_working(servers, name):
    async def scenario(raw: RawSocket) -> bool:
        await raw.send(NOT_EVENTS[name])
        return await raw.still_answers()

    assert run_on(RawSocket, servers, scenario)


def test_a_frame_over_the_size_limit_closes_only_that_socket(servers):
    async def scenario(raw: RawSocket) -> List[Answer]:
        await raw.emit("user_uttered", {"session_id": "big", "message": "a" * 1_100_000})
        return await raw.answers_until("reconnect_error", "bot_uttered")

    # engine.io's frame limit (the REST body cap) closes the socket...
    assert run_on(RawSocket, servers, scenario)[-1][0] == "closed"
    # ...and nothing else: a new socket starts a conversation as usual
    reply = run_on(SocketClient, servers, say_hi)
    assert topic_of(reply) == "greet"


# name: (body, status). Over the body cap: 413, before it is read; anything smaller is taken,
# and what does not decode to a packet is dropped, as over a WebSocket.
POLLING_BODIES = {
    "one byte over the cap": (b"x" * (MAX_BODY_BYTES + 1), 413),
    "at the cap": (b"x" * MAX_BODY_BYTES, 200),
    "invalid UTF-8": (b"\xff\xfe\x00", 200),
    "not a packet": (b"42garbage", 200),
    "empty": (b"", 200),
}


@pytest.mark.parametrize("name", sorted(POLLING_BODIES))
def test_polling_posts_of_any_size_are_refused_over_the_cap_and_taken_below(servers, name):
    body, status = POLLING_BODIES[name]
    url = servers.url + "/socket.io/"
    opened = requests.get(url, params={"EIO": "4", "transport": "polling"}, timeout=30)
    sid = json.loads(opened.text[1:])["sid"]
    response = requests.post(
        url, params={"EIO": "4", "transport": "polling", "sid": sid}, data=body, timeout=90
    )
    assert response.status_code == status, (response.status_code, response.text[:200])


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"EIO": "3"},
        {"EIO": "4", "transport": "carrier-pigeon"},
        {"EIO": "4", "transport": "polling", "sid": "../../etc"},
    ],
)
def test_bad_engine_io_handshakes_are_refused_with_400(servers, params):
    for method in ("GET", "POST"):
        response = requests.request(
            method, servers.url + "/socket.io/", params=params, data=b"\x00", timeout=30
        )
        assert response.status_code == 400, (method, params, response.status_code)
