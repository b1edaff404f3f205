"""BM25 (bm25s) over one language's chunks: built once per index build, saved beside it and memory-mapped by readers."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

_EMPTY = "\u2205"  # stands in for a chunk without tokens (bm25s cannot index an empty document)


class DocFrequencies(Mapping[str, int]):
    """Document frequency of each token, read from a saved bm25s index without building a dict: a token's column in
    the score matrix holds one entry per chunk that contains it (BM25 scores of present tokens are > 0)."""

    def __init__(self, vocab: Mapping[str, int], indptr: np.ndarray) -> None:
        self._vocab = vocab
        self._indptr = indptr

    def __getitem__(self, token: str) -> int:
        col = self._vocab[token] if token not in ("", _EMPTY) else -1
        if col < 0 or col + 1 >= len(self._indptr):
            raise KeyError(token)
        return int(self._indptr[col + 1] - self._indptr[col])

    def get(self, token: str, default: Any = None) -> Any:  # hot path of the question frame: no exception per miss
        """The token's document frequency, or `default` when no chunk contains it."""
        try:
            return self[token]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[str]:
        return (t for t, col in self._vocab.items() if t not in ("", _EMPTY) and col + 1 < len(self._indptr))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class LexicalIndex:
    """BM25 over one language's chunks (`ids[i]` is the chunk of document i), with idf for overlap scoring."""

    def __init__(self, ids: Sequence[str], tokens: Sequence[list[str]]) -> None:
        """Build in memory from each chunk's tokens."""
        self.ids: Sequence[str] = list(ids)
        self._bm25: Any = None
        df: dict[str, int] = defaultdict(int)
        for toks in tokens:
            for t in set(toks):
                df[t] += 1
        self.df: Mapping[str, int] = df
        self.n = max(1, len(self.ids))
        if self.ids:
            import bm25s

            self._bm25 = bm25s.BM25()
            self._bm25.index([t or [_EMPTY] for t in tokens], show_progress=False)

    @classmethod
    def load(cls, folder: Path, ids: Sequence[str]) -> LexicalIndex:
        """Open an index saved by `save`, memory-mapped (nothing is rebuilt; pages are read as queries touch them)."""
        self = cls.__new__(cls)
        self.ids = ids
        self.n = max(1, len(ids))
        self._bm25 = None
        self.df = {}
        if len(ids):
            import bm25s

            self._bm25 = bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
            if int(self._bm25.scores["num_docs"]) != len(ids):
                raise ValueError(f"{folder} indexes {self._bm25.scores['num_docs']} chunks, the table {len(ids)}")
            self.df = DocFrequencies(self._bm25.vocab_dict, self._bm25.scores["indptr"])
        return self

    def save(self, folder: Path) -> None:
        """Write the index (bm25s arrays and vocabulary) into `folder`; an empty index writes nothing."""
        folder.mkdir(parents=True, exist_ok=True)
        if self._bm25 is not None:
            self._bm25.save(str(folder), show_progress=False)

    def idf(self, token: str) -> float:
        """Smoothed inverse document frequency (tokens never seen get the highest weight)."""
        return math.log(1 + (self.n - self.df.get(token, 0) + 0.5) / (self.df.get(token, 0) + 0.5))

    def search(self, tokens: list[str], k: int) -> list[tuple[str, float]]:
        """Top-k chunk ids with BM25 scores (> 0 only)."""
        if self._bm25 is None or not tokens:
            return []
        vocab = self._bm25.vocab_dict
        known = [t for t in tokens if t in vocab]
        if not known:
            return []
        k = min(k, len(self.ids))
        docs, scores = self._bm25.retrieve([known], k=k, show_progress=False, n_threads=0)
        return [(str(self.ids[int(i)]), float(s)) for i, s in zip(docs[0], scores[0]) if s > 0]
