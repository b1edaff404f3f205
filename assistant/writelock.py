"""One writer at a time over an index: an advisory lock file (`index_dir/.build.lock`) holding the writer's pid.

Ingest, build, remove and prune take it; readers (ask, chat, the app) never do. The kernel releases the lock when its
holder dies (even by SIGKILL), so a stale lock file never blocks anyone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import AssistantError

LOCK_NAME = ".build.lock"
_POLL_S = 0.1


class IndexBusyError(AssistantError):
    """Another process is building this index."""

    def __init__(self, pid: int | None, waited: float) -> None:
        who = f"pid {pid}" if pid else "pid unknown"
        after = f" (waited {waited:g} s)" if waited > 0 else ""
        super().__init__(
            f"another index build is running ({who}){after}; wait for it to finish or try again "
            "(or let this command wait: --wait SECONDS or ASSISTANT_BUILD_WAIT_SECONDS)"
        )
        self.pid = pid


def lock_holder(index_dir: Path) -> int | None:
    """The pid written by the current holder of the lock, if it is held and readable."""
    try:
        raw = (index_dir / LOCK_NAME).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(raw) if raw.isdigit() else None


def is_locked(index_dir: Path) -> bool:
    """True when some process holds the write lock of index_dir now."""
    path = index_dir / LOCK_NAME
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


@contextlib.contextmanager
def write_lock(index_dir: Path, wait: float = 0.0, on_wait: Callable[[int | None], None] | None = None) -> Iterator[None]:
    """Hold the index's write lock for the block; wait up to `wait` seconds for another writer, then IndexBusyError.

    `on_wait(pid)` is called once when this call has to wait. Works across processes and across threads (each call
    opens its own file description, and flock locks belong to the description).
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        t0 = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() - t0 >= wait:
                    raise IndexBusyError(_holder_pid(index_dir), wait) from None
                if not told:
                    told = True
                    if on_wait:
                        on_wait(_holder_pid(index_dir))
                time.sleep(_POLL_S)
        with contextlib.suppress(OSError):  # the pid is only for messages: a full disk must not stop the build here
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder_pid(index_dir: Path) -> int | None:
    # the holder writes its pid just after taking the lock: give it a moment
    for _ in range(5):
        pid = lock_holder(index_dir)
        if pid:
            return pid
        time.sleep(0.02)
    return None


def print_waiting(pid: int | None) -> None:
    """The default `on_wait`: one line on stderr."""
    print(f"waiting for another index build ({'pid ' + str(pid) if pid else 'pid unknown'}) to finish…", file=sys.stderr, flush=True)
