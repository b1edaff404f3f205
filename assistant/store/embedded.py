"""The embedded store: each build a folder with its own Chroma database and saved files, the pointer a file."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from ..errors import IndexCorruptError
from .base import Manifest, chroma_settings, create_or_get, prune_builds


class EmbeddedStore:
    """Builds in `index_dir/builds/<build>/` (a local Chroma plus `files/`), the pointer in `index_dir/CURRENT`."""

    server_mode = False

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._current_cache: tuple[tuple[int, int, int], str] | None = None

    def describe(self) -> str:
        """Where the index is, for messages."""
        return str(self.index_dir)

    def local_dir(self) -> Path | None:
        """New builds are written under the index folder."""
        return self.index_dir

    def _folder(self, build: str) -> Path:
        return self.index_dir / "builds" / build

    def collection(self, build: str, name: str, create: bool) -> Any:
        """A collection of the build's own Chroma database."""
        import chromadb

        client = chromadb.PersistentClient(path=str(self._folder(build)), settings=chroma_settings())
        return create_or_get(client, f"chunks-{name}", create)

    def files_dir(self, build: str) -> Path:
        """Saved files sit inside the build's folder (deleted with it)."""
        return self._folder(build) / "files"

    def publish_files(self, build: str) -> None:
        """Nothing to do: readers open the same folder."""

    def open_files(self, build: str) -> Path | None:
        """The build's files folder when the build saved one."""
        folder = self.files_dir(build)
        return folder if (folder / "meta.json").exists() else None

    # --- pointer to the current build ---------------------------------------
    def read_manifest(self) -> Manifest | None:
        """The manifest in CURRENT, or None."""
        path = self.index_dir / "CURRENT"
        if not path.exists():
            return None
        try:
            return Manifest.from_json(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise IndexCorruptError(f"cannot read {path} ({exc.strerror}): run `assistant index build --force`") from None

    def write_manifest(self, manifest: Manifest) -> None:
        """Replace CURRENT atomically (write, fsync, rename)."""
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
        """CURRENT's build, re-read only when the file changed (stat)."""
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

    # --- builds being written: a marker file with the writer's pid beside the build folder -----------
    def _marker(self, build: str) -> Path:
        return self.index_dir / "builds" / f"{build}.writing"

    def mark_writing(self, build: str) -> None:
        """Write the marker."""
        marker = self._marker(build)
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(str(os.getpid()), encoding="ascii")

    def unmark_writing(self, build: str) -> None:
        """Remove the marker."""
        with contextlib.suppress(OSError):
            self._marker(build).unlink()

    def being_written(self, build: str) -> bool:
        """True when a live process has marked `build` as being written."""
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

    def builds(self) -> list[str]:
        """Build folders, oldest first."""
        folder = self.index_dir / "builds"
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    def drop(self, build: str) -> None:
        """Delete the build's folder (after closing this process's Chroma system for it)."""
        path = self._folder(build)
        _release_local_client(path)
        shutil.rmtree(path, ignore_errors=True)

    def prune(self, keep: set[str]) -> list[str]:
        """Delete other builds (not the current one, not one being written), stale markers and temporary pointers.
        Call with the write lock held."""
        dropped = prune_builds(self, keep, self.being_written)
        folder = self.index_dir / "builds"
        for marker in folder.glob("*.writing") if folder.is_dir() else []:
            if not (folder / marker.stem).is_dir() and not self.being_written(marker.stem):
                with contextlib.suppress(OSError):
                    marker.unlink()
        for tmp in self.index_dir.glob(".CURRENT.*"):
            with contextlib.suppress(OSError):
                tmp.unlink()
        return dropped


def _release_local_client(path: Path) -> None:
    """Close this process's cached Chroma system for an embedded build folder, so deleting it frees the space now."""
    with contextlib.suppress(Exception):  # best effort: private API of chromadb
        from chromadb.api.shared_system_client import SharedSystemClient

        system = SharedSystemClient._identifier_to_system.pop(str(path), None)
        SharedSystemClient._identifier_to_refcount.pop(str(path), None)
        if system is not None:
            system.stop()
