"""Small files kept between processes in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, then
pain-procedure-assistant/): what a later process can read instead of recomputing (a word list, the validated lexicon)."""

from __future__ import annotations

import os
from pathlib import Path


def cached_path(name: str) -> Path:
    """Where a kept file of this name lives."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pain-procedure-assistant" / name


def read_cached(name: str) -> str | None:
    """The kept file's text, or None when none is kept (or it cannot be read)."""
    try:
        return cached_path(name).read_text(encoding="utf-8")
    except OSError:
        return None


def keep(name: str, text: str) -> None:
    """Keep a file for later processes: written whole, then renamed (never half-written); skipped when the folder is
    not writable (later processes recompute)."""
    path = cached_path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
