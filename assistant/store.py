"""The Chroma index: embedded (PersistentClient) or server (HttpClient), manifest, incremental atomic builds."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from .errors import AssistantError, IndexCorruptError, IndexMismatchError, IndexMissingError
from .types import Chunk, chunk_from_meta, chunk_to_meta

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

POINTER_COLLECTION = "pointer"
_BATCH = 512


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


@dataclass
class Manifest:
    """What built an index: checked before every query."""

    build: str
    index_hash: str
    embedder_id: str
    chunker_version: str
    corpus_hash: str
    settings: dict[str, Any] = field(default_factory=dict)
    built_at: float = 0.0
    documents: int = 0
    chunks: int = 0
    dim: int = 0

    def to_json(self) -> str:
        """Serialise."""
        return json.dumps(self.__dict__, sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> Manifest:
        """Parse; a damaged manifest is an IndexCorruptError."""
        try:
            return cls(**json.loads(raw))
        except (ValueError, TypeError) as exc:
            raise IndexCorruptError(f"index manifest is damaged ({exc}): run `assistant index build --force`") from None


class Backend:
    """Where collections live. One instance per process and location."""

    def __init__(self, index_dir: Path, chroma_url: str | None, prefix: str = "assistant") -> None:
        self.index_dir = index_dir
        self.url = chroma_url
        self.prefix = prefix
        self._server: Any = None
        self._current_cache: tuple[tuple[int, int, int], str] | None = None

    @property
    def server_mode(self) -> bool:
        """True when a Chroma server is used."""
        return bool(self.url)

    def describe(self) -> str:
        """Where the index is, for messages."""
        return f"Chroma server {self.url}" if self.url else str(self.index_dir)

    # --- clients -------------------------------------------------------------
    def _server_client(self) -> Any:
        if self._server is None:
            import chromadb

            parsed = urlparse(self.url or "")
            if not parsed.hostname:
                raise AssistantError(f"ASSISTANT_CHROMA_URL {self.url!r} is not a URL like http://127.0.0.1:8000")
            try:
                self._server = chromadb.HttpClient(
                    host=parsed.hostname, port=parsed.port or 8000, ssl=parsed.scheme == "https", settings=_chroma_settings()
                )
            except Exception as exc:  # noqa: BLE001 - chromadb/httpx raise many types; one line naming the server and the fix
                raise AssistantError(f"cannot reach the Chroma server at {self.url} ({type(exc).__name__}): start it with `chroma run`") from None
        return self._server

    def client_for(self, build: str) -> Any:
        """The Chroma client holding a build."""
        if self.server_mode:
            return self._server_client()
        import chromadb

        return chromadb.PersistentClient(path=str(self.index_dir / "builds" / build), settings=_chroma_settings())

    def collection_name(self, build: str) -> str:
        """Collection name of a build."""
        return f"{self.prefix}-{build}" if self.server_mode else "chunks"

    # --- pointer to the current build ---------------------------------------
    def read_manifest(self) -> Manifest | None:
        """The manifest of the current build, or None when nothing was built."""
        if self.server_mode:
            col = self._server_client().get_or_create_collection(f"{self.prefix}-{POINTER_COLLECTION}", embedding_function=None)
            got = col.get(ids=["current"], include=["documents"])
            docs = got.get("documents") or []
            return Manifest.from_json(docs[0]) if docs and docs[0] else None
        path = self.index_dir / "CURRENT"
        if not path.exists():
            return None
        try:
            return Manifest.from_json(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise IndexCorruptError(f"cannot read {path} ({exc.strerror}): run `assistant index build --force`") from None

    def write_manifest(self, manifest: Manifest) -> None:
        """Point readers at a new build, atomically."""
        if self.server_mode:
            col = self._server_client().get_or_create_collection(f"{self.prefix}-{POINTER_COLLECTION}", embedding_function=None)
            col.upsert(ids=["current"], documents=[manifest.to_json()], embeddings=[[0.0]])
            return
        self.index_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.index_dir / f".CURRENT.{uuid.uuid4().hex}"
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(manifest.to_json())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.index_dir / "CURRENT")
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half-written pointer behind
            raise

    def current_build(self) -> str:
        """The current build's name, cheaply ("" when none or unreadable): lets a long-running reader notice a new build."""
        if self.server_mode:
            try:
                m = self.read_manifest()
            except Exception:  # noqa: BLE001 - a reader polls this; the full open reports the real error
                return ""
            return m.build if m else ""
        path = self.index_dir / "CURRENT"
        try:
            st = path.stat()
        except OSError:
            return ""
        key = (st.st_ino, st.st_mtime_ns, st.st_size)
        if self._current_cache and self._current_cache[0] == key:
            return self._current_cache[1]
        try:
            build = str(json.loads(path.read_text(encoding="utf-8")).get("build", ""))
        except (OSError, ValueError, AttributeError):
            return ""
        self._current_cache = (key, build)
        return build

    # --- builds being written (embedded mode): a marker file with the writer's pid beside the build folder -----------
    def _marker(self, build: str) -> Path:
        return self.index_dir / "builds" / f"{build}.writing"

    def mark_writing(self, build: str) -> None:
        """Record that this process is writing `build` (prune leaves it alone while the process lives)."""
        if self.server_mode:
            return
        marker = self._marker(build)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(str(os.getpid()), encoding="ascii")

    def unmark_writing(self, build: str) -> None:
        """The build is complete (or gone)."""
        if not self.server_mode:
            with contextlib.suppress(OSError):
                self._marker(build).unlink()

    def being_written(self, build: str) -> bool:
        """True when a live process has marked `build` as being written."""
        if self.server_mode:
            return False
        try:
            pid = int(self._marker(build).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return False
        if pid == os.getpid():
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def prune(self, keep: set[str]) -> list[str]:
        """Delete builds other than `keep`, never the current one or one still being written; stale markers and
        temporary pointer files go too. Returns the builds deleted. Call with the write lock held."""
        try:
            current = self.read_manifest()
        except AssistantError:
            current = None
        protected = set(keep) | ({current.build} if current else set())
        dropped = []
        for build in self.builds():
            if build in protected or self.being_written(build):
                continue
            self.drop(build)
            dropped.append(build)
        if not self.server_mode:
            folder = self.index_dir / "builds"
            for marker in folder.glob("*.writing") if folder.is_dir() else []:
                if not (folder / marker.stem).is_dir() and not self.being_written(marker.stem):
                    with contextlib.suppress(OSError):
                        marker.unlink()
            for tmp in self.index_dir.glob(".CURRENT.*"):
                with contextlib.suppress(OSError):
                    tmp.unlink()
        return dropped

    def builds(self) -> list[str]:
        """Builds present, oldest first."""
        if self.server_mode:
            names = [c if isinstance(c, str) else c.name for c in self._server_client().list_collections()]
            pre = f"{self.prefix}-b"
            return sorted({n[len(self.prefix) + 1:].rsplit("-", 1)[0] for n in names if n.startswith(pre)})
        folder = self.index_dir / "builds"
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    def drop(self, build: str) -> None:
        """Delete a build."""
        if self.server_mode:
            for lang in LANG_PARTS:
                with contextlib.suppress(Exception):  # already gone
                    self._server_client().delete_collection(f"{self.collection_name(build)}-{lang}")
        else:
            path = self.index_dir / "builds" / build
            _release_local_client(path)
            shutil.rmtree(path, ignore_errors=True)


def _release_local_client(path: Path) -> None:
    """Close this process's cached Chroma system for an embedded build folder, so deleting it frees the space now."""
    with contextlib.suppress(Exception):  # best effort: private API of chromadb
        from chromadb.api.shared_system_client import SharedSystemClient

        system = SharedSystemClient._identifier_to_system.pop(str(path), None)
        SharedSystemClient._identifier_to_refcount.pop(str(path), None)
        if system is not None:
            system.stop()


def new_build_name() -> str:
    """Sortable unique build name."""
    return f"b{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"


STORE_LAYOUT = "2"  # one Chroma collection per language: filtered HNSW queries were ~9x slower at 100k chunks
LANG_PARTS = ("en", "zh")


class ChunkCollection:
    """One build's chunks: a Chroma collection per language (add, dense query, fetch)."""

    def __init__(self, backend: Backend, build: str, create: bool = False) -> None:
        self.build = build
        name = backend.collection_name(build)
        self._cols: dict[str, Any] = {}
        try:
            client = backend.client_for(build)
            for lang in LANG_PARTS:
                if create:
                    self._cols[lang] = client.create_collection(f"{name}-{lang}", embedding_function=None,
                                                                configuration={"hnsw": {"space": "cosine"}})
                else:
                    self._cols[lang] = client.get_collection(f"{name}-{lang}", embedding_function=None)
            self._counts = {lang: int(col.count()) for lang, col in self._cols.items()}
        except AssistantError:
            raise
        except Exception as exc:  # noqa: BLE001 - any Chroma/SQLite failure here means an unreadable build; named with the fix
            raise IndexCorruptError(
                f"index build {build} cannot be opened ({type(exc).__name__}): run `assistant index build --force`"
            ) from None

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray, tokens: Sequence[str]) -> None:
        """Add chunks with their vectors and their lexical tokens (space-joined)."""
        for lang, col in self._cols.items():
            idx = [i for i, c in enumerate(chunks) if c.lang == lang]
            for j in range(0, len(idx), _BATCH):
                part = idx[j:j + _BATCH]
                col.add(ids=[chunks[i].id for i in part], embeddings=vectors[part], documents=[chunks[i].text for i in part],
                        metadatas=[dict(chunk_to_meta(chunks[i]), tokens=tokens[i]) for i in part])
            self._counts[lang] = int(col.count())

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
        """Every chunk and its lexical tokens."""
        chunks, toks = [], []
        try:
            for col in self._cols.values():
                got = col.get(include=["documents", "metadatas"])
                for text, meta in zip(got["documents"], got["metadatas"]):
                    chunks.append(chunk_from_meta(text, meta))
                    toks.append(str(meta.get("tokens", "")).split())
        except Exception as exc:  # noqa: BLE001 - same: a damaged build surfaces as any Chroma/SQLite type
            raise IndexCorruptError(f"index build {self.build} is damaged ({type(exc).__name__}): run `assistant index build --force`") from None
        return chunks, toks

    def query(self, vector: np.ndarray, k: int, lang: str | None = None, origins: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """Top-k chunk ids with cosine similarity, within one language (or both) and optionally some origins."""
        where = {"origin": {"$in": list(origins)}} if origins else None
        out: list[tuple[str, float]] = []
        for name in ([lang] if lang else list(self._cols)):
            n = min(k, self._counts.get(name, 0))
            if n <= 0:
                continue
            try:
                res = self._cols[name].query(query_embeddings=[vector], n_results=n, where=where, include=["distances"])
            except Exception as exc:  # noqa: BLE001 - same: HNSW/SQLite errors of a damaged build
                raise IndexCorruptError(
                    f"dense search failed on build {self.build} ({type(exc).__name__}): run `assistant index build --force`"
                ) from None
            out.extend((cid, 1.0 - float(d)) for cid, d in zip(res["ids"][0], res["distances"][0]))
        return sorted(out, key=lambda x: -x[1])[:k]

    def count(self) -> int:
        """Number of chunks."""
        return sum(self._counts.values())


def open_current(backend: Backend, expected_hash: str) -> tuple[Manifest, ChunkCollection]:
    """Open the current build, refusing one built with other settings."""
    manifest = backend.read_manifest()
    if manifest is None:
        raise IndexMissingError(backend.describe())
    if manifest.index_hash != expected_hash:
        raise IndexMismatchError(
            f"the index was built with {manifest.embedder_id} (chunker v{manifest.chunker_version}, hash {manifest.index_hash}) "
            f"but the settings now hash to {expected_hash}: run `assistant index build`"
        )
    return manifest, ChunkCollection(backend, manifest.build)

