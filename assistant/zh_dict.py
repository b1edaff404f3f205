"""jieba's word frequencies kept on disk, read a word at a time.

jieba builds its prefix dictionary (about 580,000 words and prefixes) in memory before it cuts a first sentence: 0.4 s
from its own cache and ~80 MB, which a cold Chinese `assistant ask` paid for the dozen words of one question. Here the
same dictionary (jieba's own `gen_pfdict` of its own dict.txt, so every frequency and the total are jieba's) is written
once per machine into an SQLite file, and a tokenizer reads the words a sentence asks for, remembering each. The cuts
are jieba's: it looks words up only through `FREQ` (`in`, `[]`, `.get`, and `[]=` for added words) and `total`.

A build that cuts a whole corpus calls `load_all` first and works on a plain dict, as jieba would.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Any

_MISSING = object()


class DiskFreq:
    """The mapping jieba's Tokenizer uses as `FREQ`, backed by the SQLite file; words added in this process (`add_word`)
    and words already looked up are held in memory."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._seen: dict[str, Any] = {}

    def get(self, word: str, default: Any = None) -> Any:
        value = self._seen.get(word, _MISSING)
        if value is _MISSING:
            with self._lock:
                row = self._db.execute("SELECT f FROM freq WHERE w = ?", (word,)).fetchone()
            value = self._seen[word] = None if row is None else row[0]
        return default if value is None else value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return int(value)

    def __setitem__(self, word: str, freq: int) -> None:
        self._seen[word] = freq

    def load_all(self) -> dict[str, int]:
        """Every word as a plain dict, with the words added in this process."""
        with self._lock:
            full = dict(self._db.execute("SELECT w, f FROM freq"))
        full.update({w: f for w, f in self._seen.items() if f is not None})  # the looked-up ones are the same; added ones win
        return full

    def total(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT total FROM meta").fetchone()[0])


def _dict_key(dict_file: Path) -> str:
    import jieba

    stat = dict_file.stat()
    return hashlib.sha1(f"{jieba.__version__}|{dict_file.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]


def store_path(cache_dir: Path | None = None) -> Path:
    """Where the file for the installed jieba dictionary lives (beside jieba's own cache, in the temp folder)."""
    import jieba

    dict_file = Path(jieba.__file__).with_name("dict.txt")
    return (cache_dir or Path(tempfile.gettempdir())) / f"assistant-jieba-{_dict_key(dict_file)}.sqlite"


def build_store(path: Path) -> Path:
    """Write jieba's prefix dictionary into `path` (atomically: a half-written file is never opened)."""
    import jieba

    tk = jieba.Tokenizer()
    with open(Path(jieba.__file__).with_name("dict.txt"), "rb") as f:
        freq, total = tk.gen_pfdict(f)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, f INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            db.execute("INSERT INTO meta VALUES (?)", (total,))
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def disk_tokenizer(cache_dir: Path | None = None) -> Any:
    """A jieba Tokenizer that reads its dictionary from the on-disk store (built first if missing), or None when the
    store can be neither found nor written (then the caller uses jieba's own in-memory dictionary)."""
    import jieba

    try:
        path = store_path(cache_dir)
        if not path.exists():
            build_store(path)
        freq = DiskFreq(path)
        tk = jieba.Tokenizer()
        tk.FREQ, tk.total, tk.initialized = freq, freq.total(), True
        return tk
    except (OSError, sqlite3.Error):
        return None


def load_all(tk: Any) -> None:
    """Give the tokenizer its whole dictionary in memory (before cutting a corpus, where a lookup per word would cost)."""
    if isinstance(tk.FREQ, DiskFreq):
        tk.FREQ = tk.FREQ.load_all()
