"""The files saved with each index build and memory-mapped by every process that opens it: the chunk table (each chunk's
record and its language, origin, document, section, heading and concepts as arrays), one BM25 index per language, and
the corpus statistics answering needs (document titles, twin presence, concept passage counts, English words). Opening
a build reads a few small files; a chunk's record is parsed only when a query touches that chunk."""

from __future__ import annotations

import json
import logging
import mmap
import re
import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from .errors import AssistantError, IndexCorruptError
from .lexical import LexicalIndex
from .store import ChunkCollection, Manifest, Store
from .text import fold_en
from .types import Chunk, Lang, chunk_from_meta, chunk_to_meta

FORMAT = 1  # bump when the files change; builds with another format are opened as if they had none
LANGS: tuple[Lang, Lang] = ("en", "zh")
_CACHE = 20_000  # parsed records kept per process (a few MB per thousand)
log = logging.getLogger(__name__)
V = TypeVar("V")
Closure = Callable[[Sequence[str]], Sequence[str]]  # a chunk's concepts -> with their broader concepts (the lexicon's)


def write_build_files(folder: Path, chunks: Sequence[Chunk], tokens: Sequence[list[str]], closure: Closure) -> None:
    """Write the table, the lexical indexes and the statistics of these chunks (in this order) into `folder`;
    meta.json, written last, marks the folder complete."""
    folder.mkdir(parents=True, exist_ok=True)
    n = len(chunks)
    offsets = np.zeros(n + 1, dtype=np.int64)
    with open(folder / "records.bin", "wb") as fh:
        for i, (c, toks) in enumerate(zip(chunks, tokens)):
            raw = json.dumps([c.text, chunk_to_meta(c), toks], ensure_ascii=False, separators=(",", ":")).encode()
            fh.write(raw)
            offsets[i + 1] = offsets[i] + len(raw)
    ids = np.array([c.id.encode() for c in chunks], dtype=bytes) if n else np.zeros(0, dtype="S1")
    order = np.argsort(ids, kind="stable")
    docs: dict[str, int] = {}
    titles: dict[str, tuple[str, str, str]] = {}
    for c in chunks:
        docs.setdefault(c.doc_id, len(docs))
        titles[c.doc_id] = (c.title, c.lang, c.origin)
    heads: dict[tuple[str, ...], int] = {}
    tags = [frozenset(closure(c.concepts)) for c in chunks]
    names = sorted(set().union(*tags)) if tags else []
    code = {name: i for i, name in enumerate(names)}
    origins = sorted({c.origin for c in chunks})
    by_doc = sorted(range(n), key=lambda i: (docs[chunks[i].doc_id], chunks[i].section_ordinal, chunks[i].ordinal))
    arrays = {
        "offsets": offsets, "ids": ids, "order": order, "sorted_ids": ids[order],
        "lang": np.array([LANGS.index(c.lang) for c in chunks], dtype=np.uint8),
        "origin": np.array([origins.index(c.origin) for c in chunks], dtype=np.uint8),
        "twinned": np.array([bool(c.twin_doc_id and c.twin_doc_id in docs) for c in chunks], dtype=bool),
        "doc": np.array([docs[c.doc_id] for c in chunks], dtype=np.int32),
        "section": np.array([c.section_ordinal for c in chunks], dtype=np.int32),
        "heading": np.array([heads.setdefault(c.heading_path, len(heads)) for c in chunks], dtype=np.int32),
        "doc_ptr": np.searchsorted(np.array([docs[chunks[i].doc_id] for i in by_doc], dtype=np.int64), np.arange(len(docs) + 1)),
        "doc_rows": np.array(by_doc, dtype=np.int32),
    }
    arrays["concept_ptr"], arrays["concept_ids"] = _csr([sorted(code[t] for t in tagged) for tagged in tags])
    inverse: list[list[int]] = [[] for _ in names]
    for row, tagged in enumerate(tags):
        for t in tagged:
            inverse[code[t]].append(row)
    arrays["concept_rows_ptr"], arrays["concept_rows"] = _csr(inverse)
    for lang in LANGS:
        rows = [i for i, c in enumerate(chunks) if c.lang == lang]
        arrays[f"rows-{lang}"] = np.array(rows, dtype=np.int32)
        LexicalIndex([chunks[i].id for i in rows], [tokens[i] for i in rows]).save(folder / f"bm25-{lang}")
    for name, arr in arrays.items():
        np.save(folder / f"{name}.npy", arr, allow_pickle=False)
    words = sorted({w for c in chunks if c.lang == "en" for w in re.findall(r"[a-z]{4,}", fold_en(c.text))})
    (folder / "words.txt").write_text("\n".join(words), encoding="utf-8")
    (folder / "headings.json").write_text(json.dumps(list(heads), ensure_ascii=False), encoding="utf-8")
    meta = {"format": FORMAT, "chunks": n, "origins": origins, "concepts": names,
            "docs": [[d, *titles[d]] for d in docs]}
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _csr(lists: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum([len(x) for x in lists], out=ptr[1:])
    flat = np.fromiter((v for x in lists for v in x), dtype=np.int32, count=int(ptr[-1]))
    return ptr, flat


def _load(path: Path) -> np.ndarray:
    """A saved array, memory-mapped (as a plain ndarray view: np.memmap's Python-level indexing is ~10x slower)."""
    try:
        return np.asarray(np.load(path, mmap_mode="r", allow_pickle=False))
    except ValueError:  # numpy cannot map an empty array: read it (a garbage file fails again, as it should)
        return np.load(path, allow_pickle=False)


class ChunkTable:
    """The chunks of one build, memory-mapped: arrays per chunk (row), records parsed on demand and cached."""

    def __init__(self, folder: Path, meta: dict[str, Any]) -> None:
        self.n = int(meta["chunks"])
        self.origins: list[str] = list(meta["origins"])
        self.concept_names: list[str] = list(meta["concepts"])
        self._concept_code = {name: i for i, name in enumerate(self.concept_names)}
        self._doc_code = {d[0]: i for i, d in enumerate(meta["docs"])}
        a = {p.stem: _load(p) for p in folder.glob("*.npy")}
        self._ids, self._order, self._sorted = a["ids"], a["order"], a["sorted_ids"]
        self._offsets, self.lang, self.origin, self.twinned = a["offsets"], a["lang"], a["origin"], a["twinned"]
        self._section, self._heading, self._doc_ptr, self._doc_rows = a["section"], a["heading"], a["doc_ptr"], a["doc_rows"]
        self._cptr, self._cids, self._rptr, self._rows = a["concept_ptr"], a["concept_ids"], a["concept_rows_ptr"], a["concept_rows"]
        self.lang_rows = {lang: a[f"rows-{lang}"] for lang in LANGS}
        if len(self._ids) != self.n or len(self._offsets) != self.n + 1 or len(self._doc_ptr) != len(self._doc_code) + 1:
            raise ValueError("arrays of different lengths")
        self._folder = folder
        self._records: Any = b""
        if self.n:
            with open(folder / "records.bin", "rb") as fh:
                self._records = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            if len(self._records) != int(self._offsets[-1]):
                raise ValueError("records.bin has another size than its offsets say")
        self._cache: dict[int, tuple[Chunk, list[str]]] = {}
        self._tags: dict[int, frozenset[str]] = {}  # concept sets built so far (concept search reads thousands per query)
        self._headings: list[tuple[str, ...]] | None = None
        self._lock = threading.Lock()

    # --- rows and records ---------------------------------------------------------------------------------------
    def row(self, chunk_id: str) -> int:
        """The row of a chunk id, or -1."""
        key = chunk_id.encode()
        i = int(np.searchsorted(self._sorted, key))
        return int(self._order[i]) if i < self.n and self._sorted[i] == key else -1

    def id(self, row: int) -> str:
        """The chunk id of a row."""
        return bytes(self._ids[row]).decode()

    def record(self, row: int) -> tuple[Chunk, list[str]]:
        """The chunk of a row and its lexical tokens (parsed once, then cached)."""
        got = self._cache.get(row)
        if got is None:
            try:
                text, meta, toks = json.loads(self._records[int(self._offsets[row]):int(self._offsets[row + 1])])
                got = (chunk_from_meta(text, meta), toks)
            except (ValueError, KeyError, TypeError) as exc:
                raise IndexCorruptError(f"a saved chunk record of this index is damaged ({type(exc).__name__}): "
                                        "run `assistant index build --force`") from None
            if len(self._cache) >= _CACHE:
                self._cache.clear()
            self._cache[row] = got
        return got

    # --- concepts, headings, sections -----------------------------------------------------------------------
    def concepts(self, row: int) -> frozenset[str]:
        """The chunk's concepts with their broader concepts."""
        got = self._tags.get(row)
        if got is None:
            names = self.concept_names
            got = self._tags[row] = frozenset([names[j] for j in self._cids[self._cptr[row]:self._cptr[row + 1]].tolist()])
        return got

    def concept_count(self, concept: str) -> int:
        """How many chunks mention a concept (or a narrower one)."""
        j = self._concept_code.get(concept)
        return 0 if j is None else int(self._rptr[j + 1] - self._rptr[j])

    def concept_rows(self, concepts: Sequence[str], lang: str | None = None, origins: Sequence[str] | None = None) -> np.ndarray:
        """Rows mentioning any of the concepts, in one language and some origins (ascending)."""
        codes = [self._concept_code[c] for c in concepts if c in self._concept_code]
        if not codes:
            return np.zeros(0, dtype=np.int32)
        rows = np.unique(np.concatenate([self._rows[self._rptr[j]:self._rptr[j + 1]] for j in codes]))
        keep = np.ones(len(rows), dtype=bool)
        if lang is not None:
            keep &= self.lang[rows] == LANGS.index(lang)  # type: ignore[arg-type]
        if origins:
            keep &= np.isin(self.origin[rows], [self.origins.index(o) for o in origins if o in self.origins])
        return rows[keep]

    def concept_mask(self, concept: str) -> np.ndarray:
        """One flag per row: does the chunk mention the concept (or a narrower one)?"""
        mask = np.zeros(self.n, dtype=bool)
        j = self._concept_code.get(concept)
        if j is not None:
            mask[self._rows[self._rptr[j]:self._rptr[j + 1]]] = True
        return mask

    def headings(self) -> list[tuple[str, ...]]:
        """Every distinct heading path (index = `heading_code`)."""
        if self._headings is None:
            with self._lock:
                raw = json.loads((self._folder / "headings.json").read_text(encoding="utf-8"))
                self._headings = [tuple(h) for h in raw]
        return self._headings

    def heading_code(self, rows: np.ndarray) -> np.ndarray:
        """The heading path index of each row."""
        return self._heading[rows]

    def heading(self, row: int) -> tuple[str, ...]:
        """The chunk's heading path."""
        return self.headings()[int(self._heading[row])]

    def doc_rows(self, doc_id: str, section: int | None = None) -> list[int]:
        """Rows of a document (of one section), by section and position."""
        d = self._doc_code.get(doc_id)
        if d is None:
            return []
        rows = self._doc_rows[self._doc_ptr[d]:self._doc_ptr[d + 1]]
        if section is not None:
            rows = rows[self._section[rows] == section]
        return [int(r) for r in rows]


class RowMap(Mapping[str, V]):
    """chunk id -> one thing about the chunk, read from the table on demand."""

    def __init__(self, table: ChunkTable, value: Callable[[int], V]) -> None:
        self._t = table
        self._value = value

    def __getitem__(self, cid: str) -> V:
        row = self._t.row(cid)
        if row < 0:
            raise KeyError(cid)
        return self._value(row)

    def __iter__(self) -> Iterator[str]:
        return (self._t.id(r) for r in range(self._t.n))

    def __len__(self) -> int:
        return self._t.n


def chunk_map(table: ChunkTable) -> RowMap[Chunk]:
    """chunk id -> Chunk."""
    return RowMap(table, lambda row: table.record(row)[0])


def token_map(table: ChunkTable) -> RowMap[list[str]]:
    """chunk id -> its lexical tokens."""
    return RowMap(table, lambda row: table.record(row)[1])


def concept_map(table: ChunkTable) -> RowMap[frozenset[str]]:
    """chunk id -> its concepts with their broader concepts."""
    return RowMap(table, table.concepts)


def heading_map(table: ChunkTable) -> RowMap[tuple[str, ...]]:
    """chunk id -> its heading path."""
    return RowMap(table, table.heading)


class ConceptIndex(Mapping[str, Sequence[str]]):
    """concept -> ids of the chunks that mention it (or a narrower concept)."""

    def __init__(self, table: ChunkTable) -> None:
        self._t = table

    def __getitem__(self, concept: str) -> Sequence[str]:
        if concept not in self._t._concept_code:
            raise KeyError(concept)
        return [self._t.id(int(r)) for r in self._t.concept_rows([concept])]

    def __iter__(self) -> Iterator[str]:
        return iter(self._t.concept_names)

    def __len__(self) -> int:
        return len(self._t.concept_names)


@dataclass
class BuildFiles:
    """What a reader needs of a build besides its vectors."""

    table: ChunkTable
    lexical: dict[str, LexicalIndex]
    doc_titles: dict[str, tuple[str, Lang, str]]
    words: frozenset[str]


def open_build_files(folder: Path, build: str) -> BuildFiles | None:
    """Open saved files (None when saved in another format); damaged files are an IndexCorruptError naming the fix."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            return None
        table = ChunkTable(folder, meta)
        lexical = {}
        for lang in LANGS:
            rows = table.lang_rows[lang]
            lexical[lang] = LexicalIndex.load(folder / f"bm25-{lang}", _Ids(table, rows))
        titles = {d: (t, "zh" if lg == "zh" else "en", o) for d, t, lg, o in meta["docs"]}
        words = frozenset((folder / "words.txt").read_text(encoding="utf-8").split("\n")) - {""}
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise IndexCorruptError(f"the saved files of index build {build} are damaged ({type(exc).__name__}): "
                                "run `assistant index build --force`") from None
    return BuildFiles(table, lexical, titles, words)  # type: ignore[arg-type]


class _Ids(Sequence[str]):
    """Chunk ids of some rows (a lexical index's documents), decoded on access."""

    def __init__(self, table: ChunkTable, rows: np.ndarray) -> None:
        self._t, self._rows = table, rows

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self._t.id(int(self._rows[i]))

    def __len__(self) -> int:
        return len(self._rows)


def files_in_memory(chunks: Sequence[Chunk], tokens: Sequence[list[str]], closure: Closure) -> BuildFiles:
    """The same files for chunks fetched from the store, written to a temporary folder deleted with the result."""
    tmp = Path(tempfile.mkdtemp(prefix="assistant-build-"))
    try:
        write_build_files(tmp, chunks, tokens, closure)
        files = open_build_files(tmp, "in memory")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    assert files is not None
    weakref.finalize(files.table, shutil.rmtree, tmp, True)  # the table reads headings.json on first use
    return files


def load_build_files(store: Store, manifest: Manifest, collection: ChunkCollection, closure: Closure) -> BuildFiles:
    """The current build's files: the saved ones, or (for a build saved without them) rebuilt from the store's chunks."""
    try:
        folder = store.open_files(manifest.build) if manifest.layout >= 3 else None
    except AssistantError:
        raise
    except Exception as exc:  # noqa: BLE001 - a server's client raises many types; one line naming the server
        raise AssistantError(f"cannot read the saved files of index build {manifest.build} from {store.describe()} "
                             f"({type(exc).__name__}): check the server, or run `assistant index build`") from None
    files = open_build_files(folder, manifest.build) if folder is not None else None
    if files is not None:
        return files
    log.warning("index build %s has no saved lexical index (made by an older version): rebuilding it in memory, which is "
                "slow for large indexes; run `assistant index build` to save it", manifest.build)
    chunks, tokens = collection.all_chunks()
    return files_in_memory(chunks, tokens, closure)
