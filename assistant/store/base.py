"""What both stores share: the manifest of a build, the `Store` protocol they implement, and helpers."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import AssistantError, IndexCorruptError

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

POINTER_COLLECTION = "pointer"

STORE_LAYOUT = "2"  # part of the index hash; bumping it makes every reader refuse older indexes (layout 3 did not need to)
LAYOUT = 3  # how new builds are written (Manifest.layout): 2 = a collection per language, no saved files (still read);
#             3 = a collection per language x origin (an origins filter needs no metadata filter) and saved files
LANG_PARTS = ("en", "zh")
ORIGINS = ("bundled", "user")
FILES_COLLECTION = "files"


def chroma_settings() -> Any:
    """Chroma client settings: no telemetry, no reset."""
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
    layout: int = 2  # manifests written before layout 3 have no such field

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


class Store(Protocol):
    """Where builds live. One instance per process and location; `Backend(...)` picks the implementation."""

    server_mode: bool  # True for a Chroma server (callers poll it less often)

    def describe(self) -> str:
        """Where the index is, for messages."""

    def local_dir(self) -> Path | None:
        """The folder new builds are written to (for disk-space messages); None when they go to a server."""

    def read_manifest(self) -> Manifest | None:
        """The manifest of the current build, or None when nothing was built."""

    def write_manifest(self, manifest: Manifest) -> None:
        """Point readers at a new build, atomically."""

    def current_build(self) -> str:
        """The current build's name, cheaply ("" when none or unreadable): lets a long-running reader notice a new build."""

    def builds(self) -> list[str]:
        """Builds present, oldest first."""

    def drop(self, build: str) -> None:
        """Delete a build (its collections and saved files)."""

    def prune(self, keep: set[str]) -> list[str]:
        """Delete builds other than `keep`, never the current one or one still being written. Returns those deleted."""

    def mark_writing(self, build: str) -> None:
        """Record that this process is writing `build` (prune leaves it alone while the process lives)."""

    def unmark_writing(self, build: str) -> None:
        """The build is complete (or gone)."""

    def collection(self, build: str, name: str, create: bool) -> Any:
        """A Chroma collection of a build (cosine space when created)."""

    def files_dir(self, build: str) -> Path:
        """The local folder a build's saved files are written to."""

    def publish_files(self, build: str) -> None:
        """Make the files written to `files_dir(build)` readable wherever the build is read."""

    def open_files(self, build: str) -> Path | None:
        """A local folder holding the build's saved files, or None for a build saved without them (layout 2)."""


# Chroma persists a collection's HNSW index at the end of an add call once that many records are unsaved (its default,
# 1000, left up to 999 vectors per collection in the write-ahead log, re-inserted into the HNSW index by every process
# on its first query: 0.6 s per collection of 24k chunks). ChunkCollection.add ends each collection with a full batch of
# at least this many records, so a finished build's indexes are saved whole and a cold query only reads them (0.06 s).
HNSW_SYNC = 100


def create_or_get(client: Any, name: str, create: bool) -> Any:
    """Create a collection (cosine space, HNSW saved every `HNSW_SYNC` records) or open an existing one."""
    if create:
        hnsw = {"space": "cosine", "batch_size": HNSW_SYNC, "sync_threshold": HNSW_SYNC}
        return client.create_collection(name, embedding_function=None, configuration={"hnsw": hnsw})
    return client.get_collection(name, embedding_function=None)


def prune_builds(store: Store, keep: set[str], busy: Callable[[str], bool]) -> list[str]:
    """Drop every build but `keep`, the current one and those `busy` says are being written."""
    try:
        current = store.read_manifest()
    except AssistantError:
        current = None
    protected = set(keep) | ({current.build} if current else set())
    dropped = []
    for build in store.builds():
        if build in protected or busy(build):
            continue
        store.drop(build)
        dropped.append(build)
    return dropped


def new_build_name() -> str:
    """Sortable unique build name."""
    return f"b{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
