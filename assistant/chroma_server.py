"""Start a local `chroma run` server (for tests, benchmarks and a one-machine deployment check)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_chroma(folder: Path, timeout_s: float = 60.0) -> tuple[subprocess.Popen[bytes], str]:
    """Start `chroma run` on 127.0.0.1 and a free port with its data in `folder/db` and its log in `folder/server.log`
    (telemetry off); return the process and its URL once its heartbeat answers. The caller stops it."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with open(folder / "server.log", "wb") as log:  # the child keeps its own copy of the file descriptor
        proc = subprocess.Popen([str(Path(sys.executable).with_name("chroma")), "run", "--path", str(folder / "db"), "--host",
                                 "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    deadline = time.time() + timeout_s
    while not _answers(url):
        if proc.poll() is not None or time.time() > deadline:
            stop(proc)
            raise RuntimeError(f"chroma server did not start: see {folder / 'server.log'}")
        time.sleep(0.2)
    return proc, url


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started by `start_chroma` (terminate, then kill after 20 s)."""
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def chroma_server(folder: Path, timeout_s: float = 60.0) -> Iterator[str]:
    """`start_chroma` as a context manager: yields the URL, stops the server on exit."""
    proc, url = start_chroma(folder, timeout_s)
    try:
        yield url
    finally:
        stop(proc)


def _answers(url: str) -> bool:
    with contextlib.suppress(OSError):
        urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2).read()
        return True
    return False
