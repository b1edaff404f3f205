"""User data kept by the app: answer feedback and scenario attempts (SQLite, one connection per call).

A damaged database file is moved aside (`assistant.sqlite3.damaged-<time>`) and a fresh one started, with a one-line
notice: feedback and progress are not worth a crash. Other failures (disk full, read-only folder) raise
UserDataError, or, when the owner asked for notices (the app), become a notice and an empty result.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .config import Settings
from .errors import AssistantError

DB_NAME = "assistant.sqlite3"
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_LOG = logging.getLogger(__name__)
_MOVE_LOCK = threading.Lock()
T = TypeVar("T")


class UserDataError(AssistantError):
    """Feedback or progress could not be read or saved (the message has no file path)."""


@dataclass(frozen=True)
class Notice:
    """Something the user should know about their saved data: `kind` is "recovered" or "unavailable"."""

    kind: str
    message: str


def _is_damaged(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code in _DAMAGED_CODES:
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    question TEXT NOT NULL,
    answer_text TEXT NOT NULL,
    citations_json TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    scenario_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    correct INTEGER NOT NULL,
    chosen INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_scenario ON attempts (scenario_id, id);
"""


def default_path(settings: Settings) -> Path:
    """Where the app keeps its database: `settings.data_dir / assistant.sqlite3`."""
    return settings.data_dir / DB_NAME


class UserData:
    """Feedback and scenario progress. Every call opens its own connection, so one instance can be shared by threads."""

    def __init__(self, path: Path | str, on_notice: Callable[[Notice], None] | None = None) -> None:
        self.path = Path(path)
        self._ready = False
        self.on_notice = on_notice  # set: failures become notices and empty results instead of exceptions

    def _notify(self, notice: Notice) -> None:
        _LOG.warning("%s", notice.message)
        if self.on_notice:
            self.on_notice(notice)

    def _move_aside(self) -> str:
        """Rename the damaged file (and its journal) out of the way; returns the new file name."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        with _MOVE_LOCK:
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
            n = 1
            while target.exists():
                n += 1
                target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
            if self.path.exists():
                self.path.replace(target)
            for suffix in ("-wal", "-shm", "-journal"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    with contextlib.suppress(OSError):
                        side.replace(target.with_name(target.name + suffix))
        self._ready = False
        return target.name

    def _run(self, what: str, op: Callable[[], T], default: T) -> T:
        """Run one database operation; a damaged file is moved aside and the operation tried once more on a fresh one."""
        try:
            try:
                return op()
            except sqlite3.DatabaseError as exc:
                if not _is_damaged(exc):
                    raise
                moved = self._move_aside()
                self._notify(Notice("recovered", f"The saved feedback and progress were damaged; the file was moved aside "
                                                 f"as {moved} and a new one was started."))
                return op()
        except (sqlite3.Error, OSError) as exc:
            reason = str(exc).splitlines()[0] if isinstance(exc, sqlite3.Error) else (exc.strerror or type(exc).__name__)
            message = f"could not {what} ({reason}); check the free space and permissions of the data folder"
            if self.on_notice is None:
                raise UserDataError(message) from None
            self._notify(Notice("unavailable", message[0].upper() + message[1:]))
            return default

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as con:
            if not self._ready:
                con.executescript(_SCHEMA)
                self._ready = True
            with con:  # commit on success, roll back on error
                yield con

    # --- feedback ------------------------------------------------------------------
    def save_feedback(self, question: str, answer_text: str, citations_json: str, rating: int, comment: str = "") -> int:
        """Store a thumbs up (+1) or down (-1) on an answer; returns the row id."""
        if rating not in (1, -1):
            raise ValueError("rating must be +1 or -1")

        def op() -> int:
            with self._connect() as con:
                cur = con.execute(
                    "INSERT INTO feedback (ts, question, answer_text, citations_json, rating, comment) VALUES (?, ?, ?, ?, ?, ?)",
                    (time.time(), question, answer_text, citations_json, rating, comment.strip()),
                )
                return int(cur.lastrowid or 0)

        return self._run("save the feedback", op, 0)

    def feedback(self) -> list[dict[str, Any]]:
        """All feedback rows, oldest first."""

        def op() -> list[dict[str, Any]]:
            with self._connect() as con:
                con.row_factory = sqlite3.Row
                return [dict(r) for r in con.execute("SELECT * FROM feedback ORDER BY id")]

        return self._run("read the feedback", op, [])

    # --- scenarios -----------------------------------------------------------------
    def record_attempt(self, scenario_id: str, topic: str, correct: bool, chosen: int) -> None:
        """Record one answered scenario."""

        def op() -> None:
            with self._connect() as con:
                con.execute("INSERT INTO attempts (ts, scenario_id, topic, correct, chosen) VALUES (?, ?, ?, ?, ?)",
                            (time.time(), scenario_id, topic, int(bool(correct)), int(chosen)))

        self._run("save the answer", op, None)

    def progress(self) -> list[dict[str, Any]]:
        """Per topic: attempts, correct answers and accuracy (0-1), sorted by topic."""

        def op() -> list[Any]:
            with self._connect() as con:
                return con.execute("SELECT topic, COUNT(*), SUM(correct) FROM attempts GROUP BY topic ORDER BY topic").fetchall()

        rows: list[Any] = self._run("read the progress", op, [])
        return [{"topic": t, "attempts": int(n), "correct": int(c or 0), "accuracy": round((c or 0) / n, 3) if n else 0.0}
                for t, n, c in rows]

    def mistakes(self) -> list[str]:
        """Scenario ids whose latest attempt was wrong, most recent first."""

        def op() -> list[Any]:
            with self._connect() as con:
                return con.execute(
                    "SELECT a.scenario_id FROM attempts a JOIN (SELECT scenario_id, MAX(id) AS last FROM attempts GROUP BY scenario_id) l"
                    " ON a.id = l.last WHERE a.correct = 0 ORDER BY a.id DESC"
                ).fetchall()

        rows: list[Any] = self._run("read the progress", op, [])
        return [r[0] for r in rows]

    def last_choices(self) -> dict[str, int]:
        """The option chosen in each scenario's latest attempt (scenario id -> option index)."""

        def op() -> list[Any]:
            with self._connect() as con:
                return con.execute(
                    "SELECT a.scenario_id, a.chosen FROM attempts a JOIN (SELECT scenario_id, MAX(id) AS last FROM attempts"
                    " GROUP BY scenario_id) l ON a.id = l.last"
                ).fetchall()

        rows: list[Any] = self._run("read the progress", op, [])
        return {str(r[0]): int(r[1]) for r in rows}
