import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.answer import AnswerEngine
from assistant.config import Settings
from assistant.errors import IndexMismatchError, IndexMissingError
from assistant.indexing import build_index, ingest
from assistant.retrieval import Retriever
from assistant.store import Backend


def test_missing_index_names_the_build_command(hash_settings):
    with pytest.raises(IndexMissingError, match="assistant index build"):
        Retriever(hash_settings)


def test_build_is_incremental_and_a_no_change_rebuild_is_a_no_op(hash_settings):
    first = build_index(hash_settings, progress=False)
    assert first.embedded == first.chunks > 0 and first.reused == 0
    again = build_index(hash_settings, progress=False)
    assert again.up_to_date and again.build == first.build
    doc = hash_settings.corpus_dir / "en" / "pdph.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nA new closing paragraph about blood patches. [Ghaleb2010]\n", encoding="utf-8")
    third = build_index(hash_settings, progress=False)
    assert 1 <= third.embedded <= 2 and third.reused == first.chunks - third.embedded + (third.chunks - first.chunks)
    (hash_settings.corpus_dir / "zh" / "last.md").unlink()
    fourth = build_index(hash_settings, progress=False)
    assert fourth.embedded == 0 and fourth.removed > 0 and fourth.chunks < third.chunks
    assert "embedded" in fourth.summary() and "reused" in fourth.summary()
    # only the current and the previous build are kept
    assert len(Backend(hash_settings.index_dir, None).builds()) == 2


def test_index_built_with_other_settings_is_refused(hash_settings):
    build_index(hash_settings, progress=False)
    other = Settings(**{**hash_settings.model_dump(), "chunk_max_words": 50})
    with pytest.raises(IndexMismatchError, match="assistant index build"):
        Retriever(other)


def test_ingest_adds_readable_files_and_reports_the_rest(hash_settings, tmp_path):
    good = tmp_path / "local-protocol.md"
    good.write_text("# Local protocol\n\n## Sedation\n\nOur unit uses capnography for every sedated caudal epidural.\n", encoding="utf-8")
    bad = tmp_path / "scan.bin.txt"
    bad.write_bytes(b"\x00" * 64)
    report = ingest(hash_settings, [good, bad, tmp_path / "missing.pdf"])
    assert len(report.added) == 1 and len(report.failed) == 2
    assert any("binary" in f for f in report.failed) and any("no such file" in f for f in report.failed)
    build_index(hash_settings, progress=False)
    r = Retriever(hash_settings)
    hits = r.search("capnography sedated caudal epidural", "en", origins=["user"])
    assert hits and hits[0].chunk.origin == "user" and hits[0].chunk.title == "Local protocol"


SLOW_BUILD = """
import sys, time
from pathlib import Path
from assistant.config import Settings
from assistant.indexing import build_index
from assistant.testing import HashEmbedder

class Slow(HashEmbedder):
    def _embed(self, texts, kind):
        print("batch", flush=True)
        time.sleep(0.2)
        return super()._embed(texts, kind)

root = Path(sys.argv[1])
s = Settings(corpus_dir=root / "corpus", index_dir=root / "index", data_dir=root / "data", embedder="hash")
build_index(s, force=True, progress=False, embedder=Slow())
"""


def test_sigkill_during_rebuild_leaves_the_previous_index_answering(hash_settings, tmp_path):
    build_index(hash_settings, progress=False)
    before = AnswerEngine(hash_settings).answer("How is post-dural puncture headache treated?")
    assert before.retrieved  # (the hash fake has no semantics, so it may abstain: compare what was retrieved)
    script = tmp_path / "slow_build.py"
    script.write_text(SLOW_BUILD, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(hash_settings.corpus_dir.parent)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    proc.stdout.readline()  # it is embedding now
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    after = AnswerEngine(hash_settings).answer("How is post-dural puncture headache treated?")
    assert after.to_dict()["retrieved"] == before.to_dict()["retrieved"] and after.text == before.text
    assert json.loads((Path(hash_settings.index_dir) / "CURRENT").read_text())["build"] == Backend(hash_settings.index_dir, None).builds()[0]


def test_a_chinese_question_reaches_an_english_only_ingested_document(hash_settings, tmp_path):
    doc = tmp_path / "unit-protocol.md"
    doc.write_text("# Unit protocol\n\n## Monitoring\n\nWe use capnography for every sedated caudal epidural in our unit.\n", encoding="utf-8")
    ingest(hash_settings, [doc])
    build_index(hash_settings, progress=False)
    r = Retriever(hash_settings)
    hits = r.search("镇静下骶管注射要用 capnography 监测吗", "zh")
    assert any(h.chunk.origin == "user" and h.chunk.lang == "en" for h in hits)
    assert all(h.chunk.origin != "user" for h in r.search("镇静下骶管注射要用 capnography 监测吗", "zh", cross_language=False))
