"""Test helpers shipped with the package: the hash embedder fake (it lives beside the real embedders) and an embedder
that remembers vectors between runs."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from .config import Settings
from .embeddings import Embedder, HashEmbedder, Kind, get_embedder

__all__ = ["HashEmbedder", "RememberingEmbedder", "build_remembering"]


class RememberingEmbedder(Embedder):
    """Wraps an embedder; vectors it has made before (same embedder id, kind and text) come from a file, or from a
    read-only `seed` file shipped with the tests. Before trusting them, the first call embeds up to `check` remembered
    texts again: if the embedder's vectors changed (another model or version), everything remembered is dropped."""

    def __init__(self, inner: Embedder, path: Path, seed: Path | None = None, check: int = 2) -> None:
        super().__init__()
        self.inner, self.path, self.id, self.dim = inner, path, inner.id, inner.dim
        self.seed = _load(seed) if seed else {}
        self.known = {**self.seed, **_load(path)}
        self.check, self.used = check, set[str]()

    def _key(self, text: str, kind: Kind) -> str:
        return hashlib.sha256(f"{self.inner.id}\0{kind}\0{text}".encode()).hexdigest()

    def _still_valid(self, texts: list[str], keys: list[str], kind: Kind) -> bool:
        sample = [i for i, k in enumerate(keys) if k in self.known][: self.check]
        self.check = 0
        if not sample:
            return True
        again = self.inner.embed([texts[i] for i in sample], kind, batch_size=len(sample))
        known = np.stack([self.known[keys[i]] for i in sample])
        # cosine, not element-wise equality: the same model in another batch (other padding) or on another CPU moves
        # components by ~1e-3 (cosine stays above 0.9999); another model or version lands far below 0.999
        cosine = np.sum(again * known, axis=1) / (np.linalg.norm(again, axis=1) * np.linalg.norm(known, axis=1))
        return bool(np.all(cosine >= 0.999))

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        keys = [self._key(t, kind) for t in texts]
        if self.check and not self._still_valid(texts, keys, kind):
            self.known, self.seed = {}, {}
        self.used.update(keys)
        todo = [i for i, k in enumerate(keys) if k not in self.known]
        if todo:
            fresh = self.inner.embed([texts[i] for i in todo], kind, batch_size=len(todo))
            self.known.update({keys[i]: v for i, v in zip(todo, fresh, strict=True)})
            _save(self.path, self.known)
        return np.stack([self.known[k] for k in keys])

    def save_used(self, path: Path) -> int:
        """Write the vectors this embedder was asked for (a new seed); returns how many of them the seed lacked."""
        _save(path, {k: self.known[k] for k in sorted(self.used)})
        return len(self.used - self.seed.keys())


def _load(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path) as saved:
            return dict(zip(saved["keys"].tolist(), saved["vectors"], strict=True))
    except (OSError, ValueError, KeyError):
        return {}  # none yet, or unreadable: embed everything


def _save(path: Path, vectors: dict[str, np.ndarray]) -> None:
    if not vectors:
        return
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
    np.savez(tmp, keys=np.array(list(vectors)), vectors=np.stack(list(vectors.values())))
    tmp.replace(path)  # whole file or none; a concurrent run keeps either version


def build_remembering(settings: Settings, cache: Path, seed: Path | None = None) -> int:
    """Build an index in full with the settings' embedder, its passage vectors remembered by text in `cache` (and
    taken from `seed` when it has them): a later build embeds only texts it has not seen; everything else runs as for
    a user. The build's own vectors are written to `cache/current.npz` (what a refreshed seed holds); returns how many
    of them the seed lacked."""
    from .indexing import build_index

    cache.mkdir(parents=True, exist_ok=True)
    embedder = RememberingEmbedder(get_embedder(settings), cache / "vectors.npz", seed)
    build_index(settings, progress=False, embedder=embedder)
    return embedder.save_used(cache / "current.npz")
