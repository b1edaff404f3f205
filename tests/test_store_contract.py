"""One contract test class for the store, run against the embedded store and a real Chroma server."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.answer import AnswerEngine
from assistant.buildfiles import open_build_files, write_build_files
from assistant.config import Settings
from assistant.indexing import build_index
from assistant.store import Backend, ChunkCollection, Manifest, new_build_name
from assistant.types import Chunk


def _chunk(i: int, lang: str) -> Chunk:
    return Chunk(id=f"c{i}{lang}", doc_id=f"d{i % 3}-{lang}", ordinal=i, text=f"passage {i} {lang}", lang=lang,  # type: ignore[arg-type]
                 title=f"Doc {i % 3}", heading_path=(f"Doc {i % 3}", "Overview"), section_ordinal=0, para_start=i, para_end=i,
                 start=0, end=10, sources=("Tag1", "Tag2"), twin_doc_id=None, page=3 if i == 1 else None)


class StoreContract:
    """Behaviour every store backend must have."""

    backend: Backend

    def test_manifest_round_trip_and_pointer_swap(self) -> None:
        assert self.backend.read_manifest() is None
        for build in ("b1", "b2"):
            self.backend.write_manifest(Manifest(build=build, index_hash="h", embedder_id="hash", chunker_version="3", corpus_hash="c"))
        got = self.backend.read_manifest()
        assert got is not None and got.build == "b2"

    def test_add_query_fetch_and_drop(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from assistant.store import collection

        monkeypatch.setattr(collection, "_PAGE", 5)  # all_chunks reads in pages (Chroma's SQLite fails one get of >32k rows)
        build = new_build_name()
        col = ChunkCollection(self.backend, build, create=True)
        chunks = [_chunk(i, lang) for i in range(6) for lang in ("en", "zh")]
        rng = np.random.default_rng(0)
        vecs = rng.normal(size=(len(chunks), 8)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        col.add(chunks, vecs, ["tok a"] * len(chunks))
        assert col.count() == 12
        hits = col.query(vecs[0], 3, lang="en")
        assert hits[0][0] == chunks[0].id and abs(hits[0][1] - 1.0) < 1e-4
        assert all(cid.endswith("en") for cid, _ in hits)
        assert col.query(vecs[0], 3, lang="zh", origins=["user"]) == []
        got = col.vectors([chunks[3].id, "missing"])
        assert list(got) == [chunks[3].id] and np.allclose(got[chunks[3].id], vecs[3], atol=1e-5)
        back, toks = col.all_chunks()
        assert sorted(c.id for c in back) == sorted(c.id for c in chunks)
        one = next(c for c in back if c.id == "c1en")
        assert one.page == 3 and one.sources == ("Tag1", "Tag2") and one.heading_path == ("Doc 1", "Overview") and toks[0] == ["tok", "a"]
        assert build in self.backend.builds()
        self.backend.drop(build)
        assert build not in self.backend.builds()

    def test_an_origins_filter_searches_only_those_collections_without_a_metadata_filter(self) -> None:
        build = new_build_name()
        col = ChunkCollection(self.backend, build, create=True)
        chunks = [replace(_chunk(i, "en"), id=f"o{i}", origin="user" if i % 2 else "bundled") for i in range(8)]
        vecs = np.random.default_rng(1).normal(size=(8, 8)).astype(np.float32)
        col.add(chunks, vecs, ["t"] * 8)
        calls: list[dict] = []
        for part, inner in list(col._cols.items()):
            col._cols[part] = _Spy(inner, part, calls)
        user = col.query(vecs[0], 8, lang="en", origins=["user"])
        assert sorted(cid for cid, _ in user) == ["o1", "o3", "o5", "o7"]
        assert [c["part"] for c in calls] == [("en", "user")] and calls[0]["where"] is None
        both = col.query(vecs[0], 3, lang="en")
        assert both[0][0] == "o0" and [cid for cid, _ in both] == [cid for cid, _ in sorted(both, key=lambda x: -x[1])]
        with pytest.raises(ValueError, match="origin 'web'"):
            col.add([replace(chunks[0], id="w", origin="web")], vecs[:1], ["t"])
        self.backend.drop(build)

    def test_saved_files_round_trip_and_go_with_their_build(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from assistant.store import server

        monkeypatch.setattr(server, "_FILE_PART", 1000)  # several parts per file on a server
        build = new_build_name()
        ChunkCollection(self.backend, build, create=True)
        assert self.backend.open_files(build) is None  # a build saved without files
        chunks = [_chunk(i, lang) for i in range(30) for lang in ("en", "zh")]
        written = self.backend.files_dir(build)
        write_build_files(written, chunks, [["tok", str(i)] for i in range(60)], lambda ids: list(ids))
        want = {p.relative_to(written): p.read_bytes() for p in written.rglob("*") if p.is_file()}
        assert max(len(b) for b in want.values()) > 2000
        self.backend.publish_files(build)
        if self.backend.server_mode:  # another machine: no local copy yet
            shutil.rmtree(written)
        folder = self.backend.open_files(build)
        assert folder is not None and {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()} == want
        files = open_build_files(folder, build)
        assert files is not None and files.lexical["zh"].search(["tok"], 3)
        self.backend.drop(build)
        assert build not in self.backend.builds() and not folder.exists()


class _Spy:
    """Records the part and the `where` of each query of a Chroma collection."""

    def __init__(self, inner: object, part: tuple[str, str | None], calls: list[dict]) -> None:
        self.inner, self.part, self.calls = inner, part, calls

    def query(self, **kwargs: object) -> object:
        self.calls.append({"part": self.part, "where": kwargs.get("where")})
        return self.inner.query(**kwargs)  # type: ignore[attr-defined]


class TestEmbeddedStore(StoreContract):
    @pytest.fixture(autouse=True)
    def _backend(self, tmp_path: Path) -> None:
        self.backend = Backend(tmp_path / "index", None)

    def test_a_finished_build_leaves_no_vector_to_replay(self, tmp_path: Path) -> None:
        """Chroma re-inserts the vectors its saved HNSW index lacks on each process's first query (0.6 s per collection
        at 24k chunks): after `add`, every collection's index is saved whole. Reads Chroma's own SQLite bookkeeping
        (max_seq_id per segment): the vector segment must have caught up with the metadata segment."""
        import sqlite3

        build = new_build_name()
        col = ChunkCollection(self.backend, build, create=True)
        n = 1100  # 2 full batches of 512 and 76 more: the old order left those 76 for every reader to replay
        chunks = [replace(_chunk(i, "en"), id=f"r{i}") for i in range(n)] + [replace(_chunk(i, "zh"), id=f"z{i}") for i in range(150)]
        vecs = np.random.default_rng(2).normal(size=(len(chunks), 8)).astype(np.float32)
        col.add(chunks, vecs, ["t"] * len(chunks))
        db = sqlite3.connect(f"file:{tmp_path / 'index' / 'builds' / build / 'chroma.sqlite3'}?mode=ro", uri=True)
        rows = db.execute("SELECT c.name, s.scope, m.seq_id FROM segments s JOIN collections c ON s.collection = c.id "
                          "JOIN max_seq_id m ON m.segment_id = s.id").fetchall()
        seqs: dict[str, dict[str, int]] = {}
        for name, scope, seq in rows:
            seqs.setdefault(name, {})[scope] = int(seq)
        assert seqs["chunks-en-bundled"]["VECTOR"] == seqs["chunks-en-bundled"]["METADATA"]
        assert seqs["chunks-zh-bundled"]["VECTOR"] == seqs["chunks-zh-bundled"]["METADATA"]
        assert col.query(vecs[n - 1], 1, lang="en")[0][0] == f"r{n - 1}"


@pytest.mark.slow  # a `chroma run` server subprocess
class TestServerStore(StoreContract):
    @pytest.fixture(autouse=True)
    def _backend(self, chroma_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
        self.backend = Backend(tmp_path / "index", chroma_url, prefix=f"t{abs(hash(request.node.name)) % 10**8}")


@pytest.mark.slow  # a `chroma run` server subprocess
def test_server_mode_end_to_end(chroma_url: str, tmp_path: Path, copy_corpus: Callable[..., Path],
                                settings_at: Callable[..., Settings]) -> None:
    copy_corpus(tmp_path / "corpus", ("pdph",))
    s = settings_at(tmp_path, embedder="hash", chroma_url=chroma_url, collection_prefix="e2e")
    first = build_index(s, progress=False)
    assert first.embedded == first.chunks and build_index(s, progress=False).up_to_date
    ans = AnswerEngine(s).answer("epidural blood patch for post-dural puncture headache")
    assert ans.retrieved and ans.retrieved[0].chunk.doc_id.startswith("pdph")
    # a replica on another machine: no local copy of the saved files; it fetches them once from the server
    shutil.rmtree(s.index_dir / "server-cache")
    again = AnswerEngine(s).answer("epidural blood patch for post-dural puncture headache")
    assert [h.chunk.id for h in again.retrieved] == [h.chunk.id for h in ans.retrieved] and again.text == ans.text
    assert list((s.index_dir / "server-cache").iterdir()) == [s.index_dir / "server-cache" / f"e2e-{first.build}"]
