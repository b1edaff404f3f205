"""Build the index incrementally and atomically; ingest user documents."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .buildfiles import write_build_files
from .chunking import CHUNKER_VERSION, chunk_document, chunk_documents, max_chunk_chars
from .config import Settings
from .diskspace import disk_full_error, folder_bytes, free_bytes, mb
from .documents import (
    clean_label,
    document_to_json,
    load_corpus,
    load_ingested_files,
    load_user_file,
    source_name,
)
from .embeddings import Embedder, get_embedder
from .errors import AssistantError, DocumentError
from .lexicon import load_lexicon, tag_chunks
from .store import LAYOUT, Backend, ChunkCollection, Manifest, Store, new_build_name
from .text import load_zh_dictionary, tokenize
from .types import Chunk, Document
from .writelock import print_waiting, write_lock

WaitCallback = Callable[[int | None], None]


@dataclass
class BuildReport:
    """What a build did."""

    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    removed: int = 0
    seconds: float = 0.0
    up_to_date: bool = False
    build: str = ""
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The one-line summary printed at the end of a build."""
        if self.up_to_date:
            return f"index up to date: {self.documents} documents, {self.chunks} chunks ({self.seconds:.2f} s)"
        return (
            f"indexed {self.documents} documents, {self.chunks} chunks: {self.embedded} embedded, "
            f"{self.reused} reused, {self.removed} removed in {self.seconds:.2f} s"
        )


def all_documents(settings: Settings) -> tuple[list[Document], list[str]]:
    """Bundled corpus plus user-ingested documents, and errors for files that could not be read."""
    docs, errors = load_corpus(settings.corpus_dir)
    user, damaged = load_ingested_files(settings.ingested_dir)
    docs.extend(doc for _, doc in user)
    return docs, errors + damaged


def corpus_hash(chunks: list[Chunk]) -> str:
    """Hash of the chunk ids (ids are content hashes)."""
    return hashlib.sha256("\n".join(sorted(c.id for c in chunks)).encode()).hexdigest()[:16]


def index_lock(settings: Settings, wait: float | None = None,
               on_wait: WaitCallback | None = print_waiting) -> AbstractContextManager[None]:
    """The index's write lock (one writer at a time); waits `wait` (default: settings.build_wait_seconds) seconds."""
    return write_lock(settings.index_dir, settings.build_wait_seconds if wait is None else wait, on_wait)


def build_index(settings: Settings, force: bool = False, progress: bool = True, embedder: Embedder | None = None,
                wait: float | None = None, on_wait: WaitCallback | None = print_waiting, ray: str | None = None) -> BuildReport:
    """Build or update the index under the write lock; readers keep the previous build until the new one is complete.
    `ray`: embed the new chunks on a Ray cluster at this address ("" = a running local cluster or a private one)."""
    with index_lock(settings, wait, on_wait):
        docs, errors = all_documents(settings)
        return _build(settings, docs, errors, force, progress, embedder, ray)


def _build(settings: Settings, docs: list[Document], errors: list[str], force: bool, progress: bool,
           embedder: Embedder | None, ray: str | None = None) -> BuildReport:
    """Build from these documents (the caller holds the write lock). A failed build deletes its own folder."""
    t0 = time.perf_counter()
    if not docs:
        raise AssistantError(f"no documents found under {settings.corpus_dir}: add corpus/en/*.md or run `assistant ingest PATH`")
    chunks = chunk_documents(docs, settings.chunk_max_words, settings.chunk_overlap_sentences)
    report = BuildReport(documents=len(docs), chunks=len(chunks), errors=errors)
    backend = Backend(settings.index_dir, settings.chroma_url, settings.collection_prefix)
    index_hash = settings.index_hash()
    chash = corpus_hash(chunks)
    try:
        current = backend.read_manifest()
    except AssistantError:
        current = None  # damaged pointer: rebuild from scratch
    if current and not force and current.index_hash == index_hash and current.corpus_hash == chash and current.layout == LAYOUT \
            and build_is_healthy(backend, current):  # an older layout is rebuilt (reusing its vectors) to save the files
        report.up_to_date, report.build = True, current.build
        report.seconds = time.perf_counter() - t0
        return report
    # concepts are tagged only for a build that is written: the ids (content hashes) say whether anything changed, and the
    # lexicon is part of the index hash (tagging the corpus took most of a no-change rebuild's time)
    lexicon = load_lexicon(settings.lexicon_path)
    chunks = tag_chunks(chunks, lexicon)

    reused: dict[str, np.ndarray] = {}
    if current and current.embedder_id == settings.embedder_id() and not force:
        # vectors depend only on the embedder and the chunk text (its id): reuse them across tokenizer or other changes
        try:
            reused = ChunkCollection(backend, current.build, layout=current.layout).vectors([c.id for c in chunks])
            report.removed = max(0, current.chunks - len(reused))
        except AssistantError:
            reused = {}  # previous build unreadable (damaged or an older layout): embed everything
    todo = [c for c in chunks if c.id not in reused]
    if ray is not None and todo:  # only the embedding moves to Ray; reuse, writing and the pointer swap stay here
        from .distributed import embed_on_ray

        new_vecs = embed_on_ray(settings, [c.text for c in todo], ray, progress)
    else:
        new_vecs = _embed_with_progress(embedder or get_embedder(settings), todo, settings.embed_batch_size, progress)
    dim = new_vecs.shape[1] if len(new_vecs) else next(iter(reused.values())).shape[0]
    vectors = np.zeros((len(chunks), dim), dtype=np.float32)
    fresh = dict(zip((c.id for c in todo), new_vecs))
    for i, c in enumerate(chunks):
        vectors[i] = reused[c.id] if c.id in reused else fresh[c.id]
    report.embedded, report.reused = len(todo), len(chunks) - len(todo)

    build = new_build_name()
    backend.mark_writing(build)
    try:
        collection = ChunkCollection(backend, build, create=True)
        load_zh_dictionary()
        joined = [" ".join(tokenize(c.text, c.lang)) for c in chunks]
        collection.add(chunks, vectors, joined)
        # the lexical indexes, chunk table and statistics readers memory-map instead of fetching every chunk
        write_build_files(backend.files_dir(build), chunks, [j.split() for j in joined], lexicon.broader_closure)
        backend.publish_files(build)
        manifest = Manifest(
            build=build, index_hash=index_hash, embedder_id=settings.embedder_id(), chunker_version=CHUNKER_VERSION,
            corpus_hash=chash, settings={"chunk_max_words": settings.chunk_max_words, "overlap": settings.chunk_overlap_sentences},
            built_at=time.time(), documents=len(docs), chunks=len(chunks), dim=int(vectors.shape[1]), layout=LAYOUT,
        )
        backend.write_manifest(manifest)
    except BaseException as exc:  # incl. Ctrl-C: never leave a half-written build behind
        local = backend.local_dir()
        free = free_bytes(local) if local else None
        need = _build_bytes(settings, build, current, len(chunks)) if local else None
        backend.drop(build)
        backend.unmark_writing(build)
        if isinstance(exc, Exception):
            where = local or Path(backend.describe())
            used = f" (this index's builds take {mb(folder_bytes(local / 'builds'))})" if local else ""
            full = disk_full_error(exc, where, "a build", free, need, f"{used} or point ASSISTANT_INDEX_DIR at a disk with room",
                                   " and the current index still answers")
            if full:
                raise full from exc
        raise
    backend.unmark_writing(build)
    backend.prune(keep={build, current.build if current else ""})  # the previous build stays for readers still using it
    report.build = build
    report.seconds = time.perf_counter() - t0
    return report


def build_is_healthy(backend: Store, manifest: Manifest) -> bool:
    """True when the build the manifest names opens and holds the chunks it should."""
    try:
        return ChunkCollection(backend, manifest.build, layout=manifest.layout).count() == manifest.chunks
    except AssistantError:
        return False



def _build_bytes(settings: Settings, build: str, current: Manifest | None, chunks: int) -> int | None:
    """About how many bytes a build of `chunks` chunks takes: the current build's size scaled, else what was written."""
    if current and current.chunks:
        size = folder_bytes(settings.index_dir / "builds" / current.build)
        if size:
            return int(size * max(chunks, 1) / current.chunks)
    return folder_bytes(settings.index_dir / "builds" / build) or None


def _embed_with_progress(emb: Embedder, chunks: list[Chunk], batch: int, progress: bool) -> np.ndarray:
    if not chunks:
        return np.zeros((0, emb.dim), dtype=np.float32)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(chunks), desc="embedding", unit="chunk", file=sys.stderr, leave=False)
    try:
        return emb.embed([c.text for c in chunks], "passage", batch, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()


@dataclass
class IngestReport:
    """Which files were added (or replaced an earlier version) and which were not, with reasons."""

    added: list[tuple[str, str]] = field(default_factory=list)  # (path as printed, doc id)
    failed: list[str] = field(default_factory=list)  # one message per file, naming it
    replaced: list[tuple[str, str]] = field(default_factory=list)  # (file name, id of the earlier version)
    build: BuildReport | None = None


@dataclass
class RemoveReport:
    """Which ingested documents were removed, and the build without them."""

    removed: list[tuple[str, str]] = field(default_factory=list)  # (file name, doc id)
    build: BuildReport | None = None


def _inside(target: Path, root: Path) -> bool:
    return target == root or target.is_relative_to(root)


def collect_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The files to ingest under `paths`, and one refusal per path not taken (missing, or a symbolic link whose target
    lies outside the folder being ingested: a folder named on the command line, or the folder of a file named there)."""
    files: list[Path] = []
    refused: list[str] = []
    outside = "symbolic link to a place outside the folder being ingested; copy the file itself into the folder"
    for p in paths:
        shown = clean_label(str(p)) or "(unnamed)"
        if not p.exists():
            refused.append(f"{shown}: {'broken symbolic link' if p.is_symlink() else 'no such file'}")
            continue
        if p.is_dir():
            root = p.resolve()  # the folder the user named (itself possibly a link: named on purpose)
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                here = Path(dirpath)
                dirnames.sort()
                for name in dirnames:  # links to folders: never walked; outside ones are named
                    q = here / name
                    if q.is_symlink() and not _inside(q.resolve(), root):
                        refused.append(f"{clean_label(str(q))}: {outside}")
                for name in sorted(filenames):
                    q = here / name
                    if q.is_symlink():
                        if not q.exists():
                            refused.append(f"{clean_label(str(q))}: broken symbolic link")
                            continue
                        if not _inside(q.resolve(), root):
                            refused.append(f"{clean_label(str(q))}: {outside}")
                            continue
                    files.append(q)
        else:
            if p.is_symlink() and not _inside(p.resolve(), p.absolute().parent.resolve()):
                refused.append(f"{shown}: {outside}")
                continue
            files.append(p)
    return files, refused


def _too_many_chunks(doc: Document, settings: Settings) -> str | None:
    """A message when a document would make more chunks than settings.max_chunks_per_document."""
    cap = settings.max_chunks_per_document
    name = clean_label(source_name(doc))
    advice = "split the file into smaller ones (or raise ASSISTANT_MAX_CHUNKS_PER_DOCUMENT)"
    # every chunk holds at least ~1/3 of the character cap unless a heading or page ends it: a cheap bound first
    if len(doc.text) > 3 * cap * max_chunk_chars(settings.chunk_max_words):
        return f"{name}: {len(doc.text) // 1_000_000} million characters make far more than {cap:,} passages, the limit per document; {advice}"
    n = len(chunk_document(doc, settings.chunk_max_words, settings.chunk_overlap_sentences))
    if n > cap:
        return f"{name}: {n:,} passages is over the limit of {cap:,} per document; {advice}"
    return None


def _staging(settings: Settings) -> Path:
    """A fresh folder for this run's parsed copies, after removing those left by killed runs (the caller holds the lock)."""
    folder = settings.ingested_dir
    for old in folder.glob(".staging-*"):
        shutil.rmtree(old, ignore_errors=True)
    stage = folder / f".staging-{os.getpid()}"
    stage.mkdir(parents=True, exist_ok=True)
    return stage


def _write_copy(path: Path, doc: Document, settings: Settings) -> None:
    data = document_to_json(doc)
    try:
        path.write_text(data, encoding="utf-8")
    except OSError as exc:
        full = disk_full_error(exc, settings.data_dir, "the parsed copy", free_bytes(settings.data_dir), len(data.encode()))
        if full:
            raise full from exc
        raise


def ingest(settings: Settings, paths: list[Path], *, build: bool = True, force: bool = False, progress: bool = False,
           embedder: Embedder | None = None, wait: float | None = None, on_wait: WaitCallback | None = print_waiting) -> IngestReport:
    """Parse user files and index them in one build. Refused files are reported by name with the reason; a file with
    the name of an earlier one replaces it. Parsed copies are kept in data/ingested/ only once the build succeeded
    (a failed or killed build keeps nothing). `build=False` only checks the files: `added` lists those that would be."""
    report = IngestReport()
    files, refused = collect_files(paths)
    report.failed.extend(refused)
    new: list[tuple[str, Document]] = []
    names: dict[str, str] = {}
    for path in files:
        try:
            doc = load_user_file(path)
        except DocumentError as exc:
            report.failed.append(str(exc))
            continue
        shown, name = clean_label(str(path)), source_name(doc)
        if name in names:
            report.failed.append(f"{shown}: another file of this run has the same name ({names[name]}); rename one of them")
            continue
        problem = _too_many_chunks(doc, settings)
        if problem:
            report.failed.append(problem)
            continue
        names[name] = shown
        new.append((shown, doc))
    if not new or not build:
        report.added = [(shown, doc.id) for shown, doc in new]
        return report
    with index_lock(settings, wait, on_wait):
        stage = _staging(settings)
        try:
            existing, damaged = load_ingested_files(settings.ingested_dir)
            new_ids = {doc.id for _, doc in new}
            replaced = [(p, d) for p, d in existing if d.id not in new_ids and source_name(d) in names]
            kept = [d for p, d in existing if d.id not in new_ids and source_name(d) not in names]
            for _, doc in new:
                _write_copy(stage / f"{doc.id}.json", doc, settings)
            corpus, errors = load_corpus(settings.corpus_dir)
            report.build = _build(settings, corpus + kept + [d for _, d in new], errors + damaged, force, progress, embedder)
            for _, doc in new:  # the build is current: now keep the copies (a kill in between only drops them)
                os.replace(stage / f"{doc.id}.json", settings.ingested_dir / f"{doc.id}.json")
            for p, d in replaced:
                p.unlink(missing_ok=True)
                report.replaced.append((clean_label(source_name(d)), d.id))
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    report.added = [(shown, doc.id) for shown, doc in new]
    return report


def remove(settings: Settings, targets: list[str], *, progress: bool = False, embedder: Embedder | None = None,
           wait: float | None = None, on_wait: WaitCallback | None = print_waiting) -> RemoveReport:
    """Remove ingested documents, each named by doc id or file name, and rebuild the index without them. Nothing is
    removed when a name matches no ingested document (DocumentError lists the ingested ones)."""
    report = RemoveReport()
    with index_lock(settings, wait, on_wait):
        existing, _ = load_ingested_files(settings.ingested_dir)
        chosen: dict[Path, tuple[str, str]] = {}
        for target in targets:
            name = Path(target).name
            hits: list[tuple[Path, Document | None]] = [(p, d) for p, d in existing if target == d.id or name == source_name(d)]
            damaged = settings.ingested_dir / f"{name}.json"
            if not hits and name.startswith("user-") and damaged.is_file():
                hits = [(damaged, None)]  # a damaged copy, named by its id
            if not hits:
                raise DocumentError(_no_such_document(settings, target, [d for _, d in existing]))
            for p, d in hits:
                chosen[p] = (clean_label(source_name(d)) if d else name, d.id if d else name)
        remaining = [d for p, d in existing if p not in chosen]
        corpus, errors = load_corpus(settings.corpus_dir)
        report.build = _build(settings, corpus + remaining, errors, False, progress, embedder)
        for p, entry in chosen.items():
            p.unlink(missing_ok=True)
            report.removed.append(entry)
    return report


def _no_such_document(settings: Settings, target: str, existing: list[Document]) -> str:
    shown = clean_label(target) or "(empty name)"
    corpus, _ = load_corpus(settings.corpus_dir)
    if any(d.id == target for d in corpus):
        return f"{shown} is a bundled document: only documents you ingested can be removed"
    if not existing:
        return f"{shown}: you have not ingested any documents"
    yours = ", ".join(f"{clean_label(source_name(d))} ({d.id})" for d in existing[:10])
    more = f" and {len(existing) - 10} more" if len(existing) > 10 else ""
    return f"{shown}: no ingested document has this id or file name; yours: {yours}{more}"
