"""User data kept by the app: answer feedback and scenario attempts (SQLite, one connection per call)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from .config import Settings

DB_NAME = "assistant.sqlite3"

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

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._ready = False

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
        with self._connect() as con:
            cur = con.execute(
                "INSERT INTO feedback (ts, question, answer_text, citations_json, rating, comment) VALUES (?, ?, ?, ?, ?, ?)",
                (time.time(), question, answer_text, citations_json, rating, comment.strip()),
            )
            return int(cur.lastrowid or 0)

    def feedback(self) -> list[dict[str, Any]]:
        """All feedback rows, oldest first."""
        with self._connect() as con:
            con.row_factory = sqlite3.Row
            return [dict(r) for r in con.execute("SELECT * FROM feedback ORDER BY id")]

    # --- scenarios -----------------------------------------------------------------
    def record_attempt(self, scenario_id: str, topic: str, correct: bool, chosen: int) -> None:
        """Record one answered scenario."""
        with self._connect() as con:
            con.execute("INSERT INTO attempts (ts, scenario_id, topic, correct, chosen) VALUES (?, ?, ?, ?, ?)",
                        (time.time(), scenario_id, topic, int(bool(correct)), int(chosen)))

    def progress(self) -> list[dict[str, Any]]:
        """Per topic: attempts, correct answers and accuracy (0-1), sorted by topic."""
        with self._connect() as con:
            rows = con.execute("SELECT topic, COUNT(*), SUM(correct) FROM attempts GROUP BY topic ORDER BY topic").fetchall()
        return [{"topic": t, "attempts": int(n), "correct": int(c or 0), "accuracy": round((c or 0) / n, 3) if n else 0.0}
                for t, n, c in rows]

    def mistakes(self) -> list[str]:
        """Scenario ids whose latest attempt was wrong, most recent first."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT a.scenario_id FROM attempts a JOIN (SELECT scenario_id, MAX(id) AS last FROM attempts GROUP BY scenario_id) l"
                " ON a.id = l.last WHERE a.correct = 0 ORDER BY a.id DESC"
            ).fetchall()
        return [r[0] for r in rows]
