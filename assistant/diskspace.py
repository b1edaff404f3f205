"""Recognise a full disk behind an error (ENOSPC, SQLite "disk is full", Chroma errors caused by it) and say so."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from .errors import AssistantError

LOW_SPACE_BYTES = 64 * 1024 * 1024  # a write that fails with less than this free is blamed on the disk
_MARKERS = ("no space left on device", "disk is full", "database or disk is full", "os error 28", "enospc", "disk quota exceeded")


class DiskFullError(AssistantError):
    """A write failed because the disk (or quota) is full."""


def free_bytes(path: Path) -> int | None:
    """Free bytes on the file system holding path (or its nearest existing parent)."""
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    try:
        return shutil.disk_usage(p).free
    except OSError:
        return None


def folder_bytes(path: Path) -> int:
    """Bytes used by the files under path (0 when missing)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                continue
    return total


def is_disk_full(exc: BaseException) -> bool:
    """True when exc, or an exception it was raised from or during, says the disk or quota is full."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, OSError) and cur.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if getattr(cur, "sqlite_errorcode", None) == 13:  # SQLITE_FULL
            return True
        if any(m in str(cur).lower() for m in _MARKERS):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def mb(n: int | None) -> str:
    """Bytes as a short MB figure for messages."""
    return "?" if n is None else f"{n / (1024 * 1024):.1f} MB"


def disk_full_error(exc: BaseException, where: Path, what: str, free: int | None, need: int | None = None,
                    advice: str = "", note: str = "") -> DiskFullError | None:
    """A DiskFullError naming the folder, the free space and what to free, when exc (or the free space) shows a full disk."""
    if not (is_disk_full(exc) or (free is not None and free < LOW_SPACE_BYTES)):
        return None
    needed = f"; {what} needs about {mb(need)}" if need else ""
    return DiskFullError(
        f"the disk holding {where} is full ({mb(free)} free{needed}; {type(exc).__name__}): nothing was changed{note}. "
        f"Free space on that disk{advice}, then run the command again"
    )
