"""`chronology serve` listens on the socket it bound before its banner, and a second one is refused in one line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

CHRONOLOGY = str(Path(sys.executable).with_name("chronology"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_answers_on_its_port_and_a_second_serve_is_refused(fresh_database: str) -> None:
    port = _free_port()
    environment = {**os.environ, "CHRONOLOGY_DATABASE_URL": fresh_database}
    command = [CHRONOLOGY, "serve", "--port", str(port)]
    service = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert service.poll() is None, "serve exited"
            assert time.monotonic() < deadline, "serve did not answer"
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert health.status_code == 200
        second = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2
        assert second.stdout == ""
        assert second.stderr.splitlines() == [
            f"error: port {port} on 127.0.0.1 is already in use; stop what listens there or choose another with --port"
        ]
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200  # the first one is unharmed
    finally:
        service.terminate()
        output, _ = service.communicate(timeout=30)
    assert "Chronology " in output
    assert f"on http://127.0.0.1:{port}/" in output
