"""`judge.concept_scores` over the rows of a build's chunk table, with numpy: the same scores and the same order (ties by
id), in milliseconds where the per-passage loop takes a second at 100k chunks (a broad concept is in most passages).
tests/test_buildfiles.py checks it against `judge.concept_scores` on random and real inputs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .buildfiles import ChunkTable
from .judge import JudgeWeights
from .sections import group_of


class GroupCodes:
    """The section group of each heading path of a table, worked out on first need."""

    def __init__(self, table: ChunkTable) -> None:
        self._table = table
        self._codes = np.full(0, -1, dtype=np.int16)
        self._names: dict[str, int] = {}

    def codes(self, rows: np.ndarray) -> np.ndarray:
        """The group code of each row."""
        heads = self._table.heading_code(rows)
        if len(self._codes) == 0:
            self._codes = np.full(len(self._table.headings()), -1, dtype=np.int16)
        todo = np.unique(heads[self._codes[heads] < 0])
        if len(todo):
            names = self._table.headings()
            for h in todo.tolist():
                self._codes[h] = self._names.setdefault(group_of(names[h]), len(self._names))
        return self._codes[heads]

    def code(self, group: str) -> int:
        """The code of a group name (-1 when no heading seen so far belongs to it)."""
        return self._names.get(group, -1)


def rank_rows(table: ChunkTable, groups_of: GroupCodes, rows: np.ndarray, concepts: Sequence[str], context: Sequence[str],
              closure: Mapping[str, tuple[str, ...]], idf: Mapping[str, float], groups: Sequence[str], k: int,
              w: JudgeWeights | None = None) -> list[tuple[str, float]]:
    """The first k of `judge.concept_scores` for the passages at `rows` (ascending, unique)."""
    w = w or JudgeWeights()
    if not len(rows):
        return []
    masks: dict[str, np.ndarray] = {}

    def has(concept: str) -> np.ndarray:
        if concept not in masks:
            masks[concept] = table.concept_mask(concept)[rows]
        return masks[concept]

    s = np.zeros(len(rows))
    for weight, ids in ((1.0, concepts), (w.context, context)):
        for c in ids:
            best = np.full(len(rows), -np.inf)
            for b in closure.get(c, ()):
                best = np.where(has(b), np.maximum(best, idf.get(b, 1.0)), best)
            best[np.isneginf(best)] = 0.0  # max(..., default=0.0)
            s += np.where(has(c), weight * idf.get(c, 1.0), weight * w.broader * best)
    if groups:
        codes = groups_of.codes(rows)
        asked = [c for c in (groups_of.code(g) for g in groups) if c >= 0]
        boost = (s > 0) & np.isin(codes, asked)
        s[boost] *= 1.0 + w.aspect
    pos = np.flatnonzero(s > 0)
    if len(pos) > k:  # keep the k best and everything tied with the k-th, then order exactly
        kth = np.partition(s[pos], len(pos) - k)[len(pos) - k]
        pos = pos[s[pos] >= kth]
    out = [(table.id(int(rows[i])), float(s[i])) for i in pos.tolist()]
    out.sort(key=lambda kv: (-kv[1], kv[0]))
    return out[:k]
