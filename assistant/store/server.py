"""The server store: builds as collections on a Chroma server, the pointer in a collection of its own, saved files
stored in the server and copied once per machine."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import shutil
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import AssistantError, IndexCorruptError
from .base import FILES_COLLECTION, POINTER_COLLECTION, Manifest, chroma_settings, create_or_get, prune_builds

_FILE_PART = 4 << 20  # bytes of a saved file per record of a server's files collection


class ServerStore:
    """Builds as collections `<prefix>-<build>-<part>` on a Chroma server, the pointer in `<prefix>-pointer`; a build's
    saved files are stored in its `-files` collection and copied once per machine into `cache_root` on first open, where
    every process on the machine memory-maps the same copy."""

    server_mode = True

    def __init__(self, url: str, prefix: str = "assistant", index_dir: Path | None = None) -> None:
        self.url = url
        self.prefix = prefix
        self.cache_root = (index_dir or Path("index")) / "server-cache"
        self._client: Any = None

    def describe(self) -> str:
        """The server's URL."""
        return f"Chroma server {self.url}"

    def local_dir(self) -> Path | None:
        """Builds are written to the server."""
        return None

    def client(self) -> Any:
        """The HTTP client (one per store)."""
        if self._client is None:
            import chromadb

            parsed = urlparse(self.url or "")
            if not parsed.hostname:
                raise AssistantError(f"ASSISTANT_CHROMA_URL {self.url!r} is not a URL like http://127.0.0.1:8000")
            try:
                self._client = chromadb.HttpClient(
                    host=parsed.hostname, port=parsed.port or 8000, ssl=parsed.scheme == "https", settings=chroma_settings()
                )
            except Exception as exc:  # noqa: BLE001 - chromadb/httpx raise many types; one line naming the server and the fix
                raise AssistantError(f"cannot reach the Chroma server at {self.url} ({type(exc).__name__}): start it with `chroma run`") from None
        return self._client

    def collection(self, build: str, name: str, create: bool) -> Any:
        """`<prefix>-<build>-<name>`."""
        return create_or_get(self.client(), f"{self.prefix}-{build}-{name}", create)

    def _pointer(self) -> Any:
        return self.client().get_or_create_collection(f"{self.prefix}-{POINTER_COLLECTION}", embedding_function=None)

    def read_manifest(self) -> Manifest | None:
        """The manifest stored in the pointer collection, or None."""
        got = self._pointer().get(ids=["current"], include=["documents"])
        docs = got.get("documents") or []
        return Manifest.from_json(docs[0]) if docs and docs[0] else None

    def write_manifest(self, manifest: Manifest) -> None:
        """One upsert: readers see the old or the new manifest."""
        self._pointer().upsert(ids=["current"], documents=[manifest.to_json()], embeddings=[[0.0]])

    def current_build(self) -> str:
        """Asks the server (callers poll at most about once a second)."""
        try:
            m = self.read_manifest()
        except Exception:  # noqa: BLE001 - a reader polls this; the full open reports the real error
            return ""
        return m.build if m else ""

    def mark_writing(self, build: str) -> None:
        """Nothing to mark: a server build is pruned only by the next writer (under the write lock)."""

    def unmark_writing(self, build: str) -> None:
        """Nothing to unmark."""

    def _parts(self) -> list[tuple[str, str]]:
        """(build, collection name) of every build collection under the prefix."""
        head = re.compile(rf"^{re.escape(self.prefix)}-(b[^/]*?)-(?:files|(?:en|zh)(?:-(?:bundled|user))?)$")
        names = [c if isinstance(c, str) else c.name for c in self.client().list_collections()]
        return [(m.group(1), n) for n in names if (m := head.match(n))]

    def builds(self) -> list[str]:
        """Builds with at least one collection, oldest first."""
        return sorted({b for b, _ in self._parts()})

    def drop(self, build: str) -> None:
        """Delete the build's collections and this machine's copy of its files."""
        for b, name in self._parts():
            if b == build:
                with contextlib.suppress(Exception):  # already gone
                    self.client().delete_collection(name)
        shutil.rmtree(self.cache_root / f"{self.prefix}-{build}", ignore_errors=True)

    def prune(self, keep: set[str]) -> list[str]:
        """Delete other builds except the current one. Call with the write lock held."""
        return prune_builds(self, keep, lambda build: False)

    # --- saved files ---------------------------------------------------------------------------------------
    def files_dir(self, build: str) -> Path:
        """This machine's copy (the writer's copy is published from here)."""
        return self.cache_root / f"{self.prefix}-{build}"

    def publish_files(self, build: str) -> None:
        """Store every file of `files_dir(build)` in the build's files collection, in base64 parts of at most 4 MB held in
        metadata (Chroma indexes document text: a 1 MB random document takes seconds to add, metadata milliseconds)."""
        col = self.collection(build, FILES_COLLECTION, create=True)
        folder = self.files_dir(build)
        index: dict[str, dict[str, Any]] = {}
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            rel = path.relative_to(folder).as_posix()
            parts = max(1, -(-len(data) // _FILE_PART))
            index[rel] = {"parts": parts, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for i in range(parts):
                piece = base64.b64encode(data[i * _FILE_PART:(i + 1) * _FILE_PART]).decode("ascii")
                col.add(ids=[f"{rel}#{i}"], metadatas=[{"data": piece}], embeddings=[[0.0]])
        col.add(ids=["index"], metadatas=[{"files": json.dumps(index)}], embeddings=[[0.0]])  # last: marks it complete

    def open_files(self, build: str) -> Path | None:
        """This machine's copy, fetched from the server on first use (written to a temporary folder, then renamed)."""
        folder = self.files_dir(build)
        if (folder / "meta.json").exists():
            return folder
        try:
            col = self.collection(build, FILES_COLLECTION, create=False)
        except Exception:  # noqa: BLE001 - no files collection: a build saved without files
            return None
        tmp = self.cache_root / f".fetch-{uuid.uuid4().hex}"
        try:
            tmp.mkdir(parents=True)
            self._fetch(col, tmp)
            if folder.exists() and not (folder / "meta.json").exists():
                shutil.rmtree(folder, ignore_errors=True)  # left by a writer or reader that was killed
            try:
                os.rename(tmp, folder)
            except OSError:
                if not (folder / "meta.json").exists():  # another process finished first; anything else is an error
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        self._forget_other_copies(build)
        return folder

    def _fetch(self, col: Any, tmp: Path) -> None:
        got = col.get(ids=["index"], include=["metadatas"])
        if not got["ids"]:
            raise IndexCorruptError(f"the saved files of build {col.name} on {self.describe()} are incomplete: "
                                    "run `assistant index build --force`")
        for rel, meta in json.loads(got["metadatas"][0]["files"]).items():
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            digest, size = hashlib.sha256(), 0
            with open(target, "wb") as fh:
                for i in range(int(meta["parts"])):  # one part per request: memory stays at one part
                    piece = base64.b64decode(col.get(ids=[f"{rel}#{i}"], include=["metadatas"])["metadatas"][0]["data"])
                    digest.update(piece)
                    size += fh.write(piece)
            if size != meta["size"] or digest.hexdigest() != meta["sha256"]:
                raise IndexCorruptError(f"saved file {rel} on {self.describe()} is damaged: run `assistant index build --force`")

    def _forget_other_copies(self, build: str) -> None:
        """Delete copies of builds no longer on the server (processes that mapped them keep their pages)."""
        live = set(self.builds()) | {build}
        for old in self.cache_root.glob(f"{self.prefix}-b*"):
            if old.name[len(self.prefix) + 1:] not in live:
                shutil.rmtree(old, ignore_errors=True)
