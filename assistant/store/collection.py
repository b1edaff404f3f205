"""One build's chunks and vectors in Chroma: a collection per language x origin (add, dense query, fetch)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import AssistantError, IndexCorruptError, IndexMismatchError, IndexMissingError
from ..types import Chunk, chunk_from_meta, chunk_to_meta
from .base import LANG_PARTS, LAYOUT, ORIGINS, Manifest, Store

_BATCH = 512
_PAGE = 5000  # rows per get when reading a whole collection (SQLite refuses more than 32,766 variables per statement)


def _parts_of(layout: int) -> list[tuple[str, str | None]]:
    """(language, origin) of each collection of a build; origin None = every origin in one collection (layout 2)."""
    return [(lang, origin) for lang in LANG_PARTS for origin in ORIGINS] if layout >= 3 else [(lang, None) for lang in LANG_PARTS]


class ChunkCollection:
    """One build's chunks and vectors: a Chroma collection per language x origin (add, dense query, fetch)."""

    def __init__(self, backend: Store, build: str, create: bool = False, layout: int = LAYOUT) -> None:
        self.build = build
        self.layout = layout
        self._cols: dict[tuple[str, str | None], Any] = {}
        try:
            for lang, origin in _parts_of(layout):
                self._cols[(lang, origin)] = backend.collection(build, f"{lang}-{origin}" if origin else lang, create)
        except AssistantError:
            raise
        except Exception as exc:  # noqa: BLE001 - any Chroma/SQLite failure here means an unreadable build; named with the fix
            raise IndexCorruptError(
                f"index build {build} cannot be opened ({type(exc).__name__}): run `assistant index build --force`"
            ) from None

    def _part_of(self, chunk: Chunk) -> tuple[str, str | None]:
        if self.layout < 3:
            return (chunk.lang, None)
        if chunk.origin not in ORIGINS:
            raise ValueError(f"chunk {chunk.id} has origin {chunk.origin!r}; the store knows {', '.join(ORIGINS)}")
        return (chunk.lang, chunk.origin)

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray, tokens: Sequence[str]) -> None:
        """Add chunks with their vectors and their lexical tokens (space-joined). Each collection gets the odd-sized batch
        first and ends with a full one, which makes Chroma save its whole HNSW index (see base.HNSW_SYNC)."""
        for part, col in self._cols.items():
            idx = [i for i, c in enumerate(chunks) if self._part_of(c) == part]
            ends = list(range(len(idx), 0, -_BATCH))[::-1]  # batches counted from the end: the odd-sized one comes first
            for start, end in zip([0, *ends[:-1]], ends):
                sel = idx[start:end]
                col.add(ids=[chunks[i].id for i in sel], embeddings=vectors[sel], documents=[chunks[i].text for i in sel],
                        metadatas=[dict(chunk_to_meta(chunks[i]), tokens=tokens[i]) for i in sel])

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored vectors of the given chunk ids (those present)."""
        out: dict[str, np.ndarray] = {}
        for col in self._cols.values():
            for i in range(0, len(ids), _BATCH):
                got = col.get(ids=list(ids[i:i + _BATCH]), include=["embeddings"])
                for cid, vec in zip(got["ids"], got["embeddings"]):
                    out[cid] = np.asarray(vec, dtype=np.float32)
        return out

    def all_chunks(self) -> tuple[list[Chunk], list[list[str]]]:
        """Every chunk and its lexical tokens (what a build without saved files is opened from)."""
        chunks, toks = [], []
        try:
            for col in self._cols.values():
                for offset in range(0, max(1, int(col.count())), _PAGE):  # one unpaged get of >32k rows fails in SQLite
                    got = col.get(include=["documents", "metadatas"], limit=_PAGE, offset=offset)
                    for text, meta in zip(got["documents"], got["metadatas"]):
                        chunks.append(chunk_from_meta(text, meta))
                        toks.append(str(meta.get("tokens", "")).split())
        except Exception as exc:  # noqa: BLE001 - same: a damaged build surfaces as any Chroma/SQLite type
            raise IndexCorruptError(f"index build {self.build} is damaged ({type(exc).__name__}): run `assistant index build --force`") from None
        return chunks, toks

    def query(self, vector: np.ndarray, k: int, lang: str | None = None, origins: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """Top-k chunk ids with cosine similarity, within one language (or both) and optionally some origins: only the
        collections of those origins are searched (a layout-2 build filters on metadata instead)."""
        if k <= 0:
            return []
        where = {"origin": {"$in": list(origins)}} if origins and self.layout < 3 else None
        out: list[tuple[str, float]] = []
        for (lg, origin), col in self._cols.items():
            if (lang and lg != lang) or (origin and origins and origin not in origins):
                continue
            try:  # no count first: a collection is loaded on first use (~1 s per 100k vectors), and only if queried
                res = col.query(query_embeddings=[vector], n_results=k, where=where, include=["distances"])
            except Exception as exc:  # noqa: BLE001 - same: HNSW/SQLite errors of a damaged build
                raise IndexCorruptError(
                    f"dense search failed on build {self.build} ({type(exc).__name__}): run `assistant index build --force`"
                ) from None
            out.extend((cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0]))
        return sorted(out, key=lambda x: -x[1])[:k]

    def count(self) -> int:
        """Number of chunks (loads every collection)."""
        try:
            return sum(int(col.count()) for col in self._cols.values())
        except Exception as exc:  # noqa: BLE001 - same: a damaged build surfaces as any Chroma/SQLite type
            raise IndexCorruptError(f"index build {self.build} is damaged ({type(exc).__name__}): run `assistant index build --force`") from None


def open_current(backend: Store, expected_hash: str) -> tuple[Manifest, ChunkCollection]:
    """Open the current build, refusing one built with other settings."""
    manifest = backend.read_manifest()
    if manifest is None:
        raise IndexMissingError(backend.describe())
    if manifest.index_hash != expected_hash:
        raise IndexMismatchError(
            f"the index was built with {manifest.embedder_id} (chunker v{manifest.chunker_version}, hash {manifest.index_hash}) "
            f"but the settings now hash to {expected_hash}: run `assistant index build`"
        )
    return manifest, ChunkCollection(backend, manifest.build, layout=manifest.layout)
