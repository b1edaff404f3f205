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
    """Wraps an embedder; vectors it has made before (same embedder id, kind and text) come from a file."""

    def __init__(self, inner: Embedder, path: Path) -> None:
        super().__init__()
        self.inner, self.path, self.id, self.dim = inner, path, inner.id, inner.dim
        try:
            with np.load(path) as saved:
                self.known = dict(zip(saved["keys"].tolist(), saved["vectors"], strict=True))
        except (OSError, ValueError, KeyError):
            self.known = {}  # none yet, or unreadable: embed everything

    def _key(self, text: str, kind: Kind) -> str:
        return hashlib.sha256(f"{self.inner.id}\0{kind}\0{text}".encode()).hexdigest()

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        keys = [self._key(t, kind) for t in texts]
        todo = [i for i, k in enumerate(keys) if k not in self.known]
        if todo:
            fresh = self.inner.embed([texts[i] for i in todo], kind, batch_size=len(todo))
            self.known.update({keys[i]: v for i, v in zip(todo, fresh, strict=True)})
            tmp = self.path.with_name(f"{self.path.stem}.{os.getpid()}.tmp.npz")
            np.savez(tmp, keys=np.array(list(self.known)), vectors=np.stack(list(self.known.values())))
            tmp.replace(self.path)  # whole file or none; a concurrent run keeps either version
        return np.stack([self.known[k] for k in keys])


def build_remembering(settings: Settings, cache: Path) -> None:
    """Build an index in full with the settings' embedder, its passage vectors remembered by text in `cache`: a later
    build (the test suite's next run) embeds only texts it has not seen; everything else runs as for a user."""
    from .indexing import build_index

    cache.mkdir(parents=True, exist_ok=True)
    build_index(settings, progress=False, embedder=RememberingEmbedder(get_embedder(settings), cache / "vectors.npz"))
