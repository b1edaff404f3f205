"""Regular expressions compiled on first use: a module's hundreds of patterns cost nothing until a question needs them
(a cold `assistant ask` compiles about a third of them)."""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    """A pattern compiled the first time it is used; `pattern` and `flags` are read without compiling."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern[:40]!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile`, deferred until the pattern is first used."""
    return cast(re.Pattern[str], _LazyPattern(pattern, int(flags)))
