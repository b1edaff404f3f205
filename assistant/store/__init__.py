"""Where index builds live, behind one small protocol (`Store`, assistant/store/base.py) with two implementations:
the embedded store (a folder per build with a local Chroma database, a pointer file) and a Chroma server (collections
named after the build, a pointer collection). Both keep each build's chunks (`ChunkCollection`, one Chroma collection per
language x origin) and its saved files (lexical indexes and the chunk table, assistant/buildfiles.py). chromadb is
imported in this package only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .base import FILES_COLLECTION, LANG_PARTS, LAYOUT, ORIGINS, POINTER_COLLECTION, STORE_LAYOUT, Manifest, Store, new_build_name
from .collection import ChunkCollection, open_current
from .embedded import EmbeddedStore
from .server import ServerStore

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["FILES_COLLECTION", "LANG_PARTS", "LAYOUT", "ORIGINS", "POINTER_COLLECTION", "STORE_LAYOUT", "Backend", "ChunkCollection",
           "EmbeddedStore", "Manifest", "ServerStore", "Store", "new_build_name", "open_current", "open_store"]


def Backend(index_dir: Path, chroma_url: str | None, prefix: str = "assistant") -> Store:  # noqa: N802 - the name callers know
    """The store for these settings: a Chroma server when `chroma_url` is set, else the embedded store in `index_dir`."""
    return ServerStore(chroma_url, prefix, index_dir) if chroma_url else EmbeddedStore(index_dir)


def open_store(settings: Settings) -> Store:
    """The store the settings name."""
    return Backend(settings.index_dir, settings.chroma_url, settings.collection_prefix)
