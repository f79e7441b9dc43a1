"""scripts/run_prod.sh started for the tests on free ports, with a handle on each process."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import requests

from tests.support.paths import ROOT
from tests.support.ports import server_ports
from tests.support.processes import gone, parent_of
from tests.support.replies import new_sender, topics_of
from tests.support.servers import start, stop, wait_until, wait_until_answers

SCRIPT = ROOT / "scripts" / "run_prod.sh"
READY_LINE = "Press Ctrl-C to stop."


class ProdSystem:
    """`make run-prod` with its own database, Redis key prefix, ports and run directory."""

    def __init__(self, run_dir: Path, pg_port: int, redis_port: int) -> None:
        self.run_dir = run_dir
        self.database = f"reconnect_test_{uuid.uuid4().hex[:12]}"
        self.redis_prefix = f"reconnecttest{uuid.uuid4().hex[:12]}"
        self.token = secrets.token_hex(16)  # the action server's
        self.rest_token = secrets.token_hex(16)  # REST is for trusted back-ends here
        self.port, self.action_port, *self.rasa_ports = server_ports(4)
        self.env = {
            "PROD_DIR": str(run_dir),
            "PROD_PORT": str(self.port),
            "RASA_PORTS": " ".join(map(str, self.rasa_ports)),
            "ACTION_PORT": str(self.action_port),
            "PG_PORT": str(pg_port),
            "REDIS_PORT": str(redis_port),
            "PG_DATABASE": self.database,
            "REDIS_KEY_PREFIX": self.redis_prefix,
            "ACTION_TOKEN": self.token,
            "REST_TOKEN": self.rest_token,
        }
        self.url = f"http://127.0.0.1:{self.port}"
        self.instance_urls = [f"http://127.0.0.1:{p}" for p in self.rasa_ports]
        self.action_url = f"http://127.0.0.1:{self.action_port}"
        self.script: Optional[subprocess.Popen] = None
        self.output: List[str] = []
        self.restarted: List[subprocess.Popen] = []  # processes started again by the tests

    def start(self) -> None:
        """Runs the script as a terminal would (its own process group) until it is ready."""
        self.script = subprocess.Popen(
            [SCRIPT],
            cwd=ROOT,
            env={**os.environ, **self.env},
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        reader = threading.Thread(target=self._read_output, daemon=True)
        reader.start()
        wait_until(
            lambda: READY_LINE in self.printed() or self.script.poll() is not None,
            "run_prod.sh ready",
            300,
        )
        if READY_LINE not in self.printed():
            reader.join(10)  # the script exited: all it printed, up to its last words
            raise AssertionError(
                f"run_prod.sh failed:\n{self.printed()}logs in {self.run_dir}/logs"
            )

    def printed(self) -> str:
        """What the script has printed so far."""
        return "".join(self.output)

    def _read_output(self) -> None:
        for line in self.script.stdout:
            self.output.append(line)

    def pid(self, name: str) -> int:
        """The process id that run_prod.sh wrote for rasa-PORT, actions or nginx."""
        return int((self.run_dir / f"{name}.pid").read_text())

    def send(
        self, base_url: str, sender: str, message: str, timeout: float = 60
    ) -> requests.Response:
        """Posts one REST message to nginx or to one instance, with the REST token."""
        return requests.post(
            base_url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers=self.rest_headers(),
            timeout=timeout,
        )

    def rest_headers(self) -> Dict[str, str]:
        """What a trusted back-end sends with each REST request."""
        return {"Authorization": f"Bearer {self.rest_token}"}

    def reply(self, base_url: str, sender: str, message: str) -> List[Dict]:
        """The bot's messages for one REST message, which must succeed."""
        response = self.send(base_url, sender, message)
        assert response.status_code == 200, response.text
        return response.json()

    def kill_instance(self, index: int) -> None:
        """SIGKILL: the instance gets no chance to finish anything."""
        pid = self.pid(f"rasa-{self.rasa_ports[index]}")
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda: gone(pid), "killed instance gone", 30)

    def restart_instance(self, index: int) -> None:
        """Starts the instance again as run_prod.sh does and waits until it answers."""
        self._restart(["rasa", str(self.rasa_ports[index])], self.instance_urls[index] + "/")

    def stop_actions(self) -> None:
        """Stops the action server as an operator would (SIGTERM)."""
        pid = self.pid("actions")
        os.kill(pid, signal.SIGTERM)
        wait_until(lambda: gone(pid), "action server stopped", 30)

    def start_actions(self) -> None:
        """Starts the action server again as run_prod.sh does."""
        self._restart(["actions"], self.action_url + "/health")

    def revive(self) -> None:
        """Starts again whatever a failed test left stopped, so one failure stays one failure."""
        for index, port in enumerate(self.rasa_ports):
            if gone(self.pid(f"rasa-{port}")):
                self.restart_instance(index)
                self.wait_until_nginx_uses(index)
        if gone(self.pid("actions")):
            self.start_actions()

    def _restart(self, args: List[str], url: str) -> None:
        process = start([SCRIPT, *args], env=self.env)  # it writes its own log
        self.restarted.append(process)
        wait_until_answers(
            url, process, f"run_prod.sh {' '.join(args)}", logs=self.run_dir / "logs"
        )

    def wait_until_nginx_uses(self, index: int) -> None:
        """Sends greetings through nginx until one of them reaches the instance again."""
        # nginx tries a failed instance again after fail_timeout (10 s); round robin then
        # gives it every other request.
        instance = f"upstream=127.0.0.1:{self.rasa_ports[index]} "
        log_start = len(self.access_log())
        deadline = time.monotonic() + 60
        while not any(instance in line for line in self.access_log()[log_start:]):
            assert time.monotonic() < deadline, f"nginx never sent a request to {instance}"
            assert topics_of(self.reply(self.url, new_sender(), "hi")) == ["greet"]
            time.sleep(0.5)

    def access_log(self) -> List[str]:
        """nginx's access log: one line per request, with the instances it went to."""
        return (self.run_dir / "logs" / "nginx-access.log").read_text().splitlines()

    def script_children(self) -> List[int]:
        """Ids of the processes that run_prod.sh itself started and still has."""
        pids = [self.pid(f.stem) for f in self.run_dir.glob("*.pid")]
        return [pid for pid in pids if parent_of(pid) == self.script.pid and not gone(pid)]

    def interrupt(self) -> int:
        """Ctrl-C as a terminal sends it (to the whole process group); the script's status."""
        os.killpg(self.script.pid, signal.SIGINT)
        try:
            return self.script.wait(90)
        except subprocess.TimeoutExpired:
            os.killpg(self.script.pid, signal.SIGKILL)
            raise

    def stop(self) -> None:
        """Stops whatever is still running: the script, then what the tests restarted."""
        if self.script is not None and self.script.poll() is None:
            self.interrupt()
        stop(*self.restarted, seconds=60)
