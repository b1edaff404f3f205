"""Fakes shipped for tests and dry runs: a hash-based embedder (no model, deterministic)."""

from __future__ import annotations

import hashlib

import numpy as np

from .embeddings import Embedder, Kind
from .text import detect_lang, tokenize


class HashEmbedder(Embedder):
    """Bag of hashed tokens -> fixed vector. Similar wording gives similar vectors; no semantics."""

    id = "hash"
    dim = 256

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for tok in tokenize(text, detect_lang(text)) or [text]:
                h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return out
