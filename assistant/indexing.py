"""Build the index incrementally and atomically; ingest user documents."""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunking import CHUNKER_VERSION, chunk_documents
from .config import Settings
from .documents import document_to_json, load_corpus, load_ingested, load_user_file
from .embeddings import Embedder, get_embedder
from .errors import AssistantError, DocumentError
from .store import Backend, ChunkCollection, Manifest, new_build_name
from .text import tokenize
from .types import Chunk, Document


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
    docs.extend(load_ingested(settings.ingested_dir))
    return docs, errors


def corpus_hash(chunks: list[Chunk]) -> str:
    """Hash of the chunk ids (ids are content hashes)."""
    return hashlib.sha256("\n".join(sorted(c.id for c in chunks)).encode()).hexdigest()[:16]


def build_index(settings: Settings, force: bool = False, progress: bool = True,
                embedder: Embedder | None = None) -> BuildReport:
    """Build or update the index; readers keep the previous build until the new one is complete."""
    t0 = time.perf_counter()
    docs, errors = all_documents(settings)
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
    if current and not force and current.index_hash == index_hash and current.corpus_hash == chash and _healthy(backend, current):
        report.up_to_date, report.build = True, current.build
        report.seconds = time.perf_counter() - t0
        return report

    reused: dict[str, np.ndarray] = {}
    if current and current.embedder_id == settings.embedder_id() and not force:
        # vectors depend only on the embedder and the chunk text (its id): reuse them across tokenizer or other changes
        try:
            reused = ChunkCollection(backend, current.build).vectors([c.id for c in chunks])
            report.removed = max(0, current.chunks - len(reused))
        except AssistantError:
            reused = {}  # previous build unreadable (damaged or an older layout): embed everything
    todo = [c for c in chunks if c.id not in reused]
    emb = embedder or get_embedder(settings)
    new_vecs = _embed_with_progress(emb, todo, settings.embed_batch_size, progress)
    dim = new_vecs.shape[1] if len(new_vecs) else next(iter(reused.values())).shape[0]
    vectors = np.zeros((len(chunks), dim), dtype=np.float32)
    fresh = dict(zip((c.id for c in todo), new_vecs))
    for i, c in enumerate(chunks):
        vectors[i] = reused[c.id] if c.id in reused else fresh[c.id]
    report.embedded, report.reused = len(todo), len(chunks) - len(todo)

    build = new_build_name()
    collection = ChunkCollection(backend, build, create=True)
    collection.add(chunks, vectors, [" ".join(tokenize(c.text, c.lang)) for c in chunks])
    manifest = Manifest(
        build=build, index_hash=index_hash, embedder_id=settings.embedder_id(), chunker_version=CHUNKER_VERSION,
        corpus_hash=chash, settings={"chunk_max_words": settings.chunk_max_words, "overlap": settings.chunk_overlap_sentences},
        built_at=time.time(), documents=len(docs), chunks=len(chunks), dim=int(vectors.shape[1]),
    )
    backend.write_manifest(manifest)
    _prune(backend, keep={build, current.build if current else ""})
    report.build = build
    report.seconds = time.perf_counter() - t0
    return report


def _healthy(backend: Backend, manifest: Manifest) -> bool:
    try:
        return ChunkCollection(backend, manifest.build).count() == manifest.chunks
    except AssistantError:
        return False


def _prune(backend: Backend, keep: set[str]) -> None:
    """Delete builds other than the new and the previous one (a reader may still use the previous)."""
    for build in backend.builds():
        if build not in keep:
            backend.drop(build)


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
    """Which files were added and which were not, with reasons."""

    added: list[tuple[str, str]] = field(default_factory=list)  # (path, doc id)
    failed: list[str] = field(default_factory=list)  # one message per file


def _expand(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file()))
        else:
            out.append(p)
    return out


def ingest(settings: Settings, paths: list[Path]) -> IngestReport:
    """Parse user files and keep them for the index; unreadable files are reported, the rest kept."""
    report = IngestReport()
    folder = settings.ingested_dir
    folder.mkdir(parents=True, exist_ok=True)
    for path in _expand(paths):
        if not path.exists():
            report.failed.append(f"{path}: no such file")
            continue
        try:
            doc = load_user_file(path)
        except DocumentError as exc:
            report.failed.append(str(exc))
            continue
        target = folder / f"{doc.id}.json"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(document_to_json(doc), encoding="utf-8")
        tmp.replace(target)
        report.added.append((str(path), doc.id))
    return report
