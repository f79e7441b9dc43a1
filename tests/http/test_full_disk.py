"""A full disk: the person learns that their message was not kept, and a deletion is only
confirmed once it happened. The conversations live on a small tmpfs that the test fills."""

import asyncio
import sqlite3
import subprocess
from pathlib import Path
from typing import Iterator, List

import pytest

from tests.support.servers import Servers
from tests.support.sio import Answer, SocketClient, topic_of


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory) -> Iterator[Path]:
    mount_point = tmp_path_factory.mktemp("small-disk")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.fixture(scope="module")
def on_small_disk(small_disk, tmp_path_factory) -> Iterator[Servers]:
    server = Servers(tmp_path_factory.mktemp("full-disk"), TRACKER_DB=str(small_disk / "t.db"))
    try:
        server.start()
        yield server
    finally:
        server.stop()


# The widget's "Yes, delete it" button and Start over send this; it deletes without asking.
DELETE = "/delete_conversation"


def fill(disk: Path) -> Path:
    """Writes a file until the disk is full; returns it (delete it to free the space)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as file:
        try:
            while True:
                file.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


async def turn(client: SocketClient, message: str) -> List[Answer]:
    """Every event the message gets: replies, then an error if the turn was not kept."""
    await client.client.emit("user_uttered", {"message": message, "session_id": client.session_id})
    answers = [await client.next_answer()]
    while answers[-1][0] == "bot_uttered":
        try:
            answers.append(await asyncio.wait_for(client.answers.get(), 3))
        except asyncio.TimeoutError:
            break
    return answers


def stored_events(database: Path, sender: str) -> int:
    with sqlite3.connect(database) as connection:
        query = "SELECT count(*) FROM events WHERE sender_id = ?"
        return connection.execute(query, (sender,)).fetchone()[0]


def test_a_full_disk_is_said_and_nothing_is_claimed(on_small_disk, small_disk):
    async def conversation() -> dict:
        async with SocketClient(on_small_disk.url) as client:
            sender = await client.start_session()
            kept = await turn(client, "why does connection matter for mental health?")
            filler = fill(small_disk)
            try:
                lost = await turn(client, "what are the signs of depression?")
                deleting = await turn(client, DELETE)
                crisis = await turn(client, "i want to end my life")
                events_while_full = stored_events(small_disk / "t.db", sender)
            finally:
                filler.unlink()
            deleted = await turn(client, DELETE)
            return dict(
                kept=kept,
                lost=lost,
                deleting=deleting,
                crisis=crisis,
                events_while_full=events_while_full,
                deleted=deleted,
                events_after=stored_events(small_disk / "t.db", sender),
            )

    seen = asyncio.run(conversation())
    assert [topic_of(event) for _, event in seen["kept"]] == ["connection"]
    # Not kept: no answer that pretends it was, and an error that says so.
    assert [name for name, _ in seen["lost"]] == ["reconnect_error"], seen["lost"]
    assert [name for name, _ in seen["deleting"]] == ["reconnect_error"], seen["deleting"]
    assert seen["events_while_full"] > 0  # nothing was deleted, and no one said it was
    # The crisis message is answered whatever the disk (channels/storage.py).
    assert topic_of(seen["crisis"][0][1]) == "crisis", seen["crisis"]
    # With space again, the deletion happens and only then is confirmed.
    assert [topic_of(event) for _, event in seen["deleted"]] == ["privacy.deleted"]
    assert seen["events_after"] == 0
