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
from assistant.errors import DocumentError, IndexMismatchError, IndexMissingError
from assistant.indexing import build_index, ingest
from assistant.retrieval import Retriever
from assistant.store import Backend
from assistant.writelock import is_locked


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


def test_index_built_with_other_settings_is_refused(hash_index):
    other = Settings(**{**hash_index.model_dump(), "chunk_max_words": 50})
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


@pytest.mark.slow  # CLI subprocesses
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


# --- one writer at a time, failed builds, leftovers, remove and replace (issue 17) ----------------------------------
SLOW_INGEST = """
import sys, time
from pathlib import Path
from assistant.config import Settings
from assistant.indexing import ingest
from assistant.testing import HashEmbedder

class Slow(HashEmbedder):
    started = False

    def _embed(self, texts, kind):
        if not self.started:  # hold the write lock, once, until the file argv[3] exists (at most 120 s)
            self.started = True
            print("embedding", flush=True)
            release, deadline = Path(sys.argv[3]), time.monotonic() + 120
            while not release.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        return super()._embed(texts, kind)

root = Path(sys.argv[1])
s = Settings(corpus_dir=root / "corpus", index_dir=root / "index", data_dir=root / "data", embedder="hash")
report = ingest(s, [Path(sys.argv[2])], embedder=Slow(), force=True)
print("done", report.added, flush=True)
"""


def _env(s: Settings, **extra: str) -> dict[str, str]:
    return {**os.environ, "ASSISTANT_CORPUS_DIR": str(s.corpus_dir), "ASSISTANT_INDEX_DIR": str(s.index_dir),
            "ASSISTANT_DATA_DIR": str(s.data_dir), "ASSISTANT_EMBEDDER": "hash", **extra}


def _note(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(f"# {name}\n\n## Notes\n\n{text}\n", encoding="utf-8")
    return path


def _user_docs(s: Settings) -> set[str]:
    return {doc_id for doc_id, (_, _, origin) in Retriever(s).doc_titles.items() if origin == "user"}


def _current_build(s: Settings) -> str:
    return json.loads((s.index_dir / "CURRENT").read_text())["build"]


@pytest.mark.slow  # CLI subprocesses
def test_two_processes_ingesting_at_once_take_turns_and_the_index_keeps_both(hash_settings, tmp_path):
    build_index(hash_settings, progress=False)
    a = _note(tmp_path, "ward-a.md", "Ward A checks capnography before every caudal injection.")
    b = _note(tmp_path, "ward-b.md", "Ward B records the platelet count before every epidural.")
    script = tmp_path / "slow_ingest.py"
    script.write_text(SLOW_INGEST, encoding="utf-8")
    root = str(hash_settings.corpus_dir.parent)
    release = tmp_path / "release"  # the slow writer holds the lock until this file exists
    slow = subprocess.Popen([sys.executable, str(script), root, str(a), str(release)], stdout=subprocess.PIPE, text=True)
    waiting = None
    try:
        assert slow.stdout is not None and slow.stdout.readline().strip() == "embedding"  # it holds the lock now
        # a second writer that does not wait is told who is building, with exit 2 and nothing changed
        busy = subprocess.run([sys.executable, "-m", "assistant", "ingest", "--quiet", str(b)], capture_output=True, text=True,
                              env=_env(hash_settings), timeout=120)
        assert busy.returncode == 2, busy.stderr
        assert f"another index build is running (pid {slow.pid}); wait for it to finish or try again" in busy.stderr
        assert "Traceback" not in busy.stderr and not list(hash_settings.ingested_dir.glob("*.json"))
        # readers take no lock: they answer from the current build meanwhile
        reader = subprocess.run([sys.executable, "-m", "assistant", "ask", "blood patch"], capture_output=True, text=True,
                                env=_env(hash_settings), timeout=120)
        assert reader.returncode == 0 and is_locked(hash_settings.index_dir), reader.stderr
        # one that waits says so while the first still holds the lock, and gets its turn after the first finished
        waiting = subprocess.Popen([sys.executable, "-m", "assistant", "ingest", "--quiet", "--wait", "120", str(b)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(hash_settings))
        assert waiting.stderr is not None
        said = ""
        while "waiting for another index build" not in said and (line := waiting.stderr.readline()):
            said += line
        assert f"waiting for another index build (pid {slow.pid})" in said, said
        assert slow.poll() is None and is_locked(hash_settings.index_dir)  # still the first writer's turn
        release.touch()
        assert slow.wait(timeout=120) == 0 and "done" in slow.stdout.read()
        _, rest = waiting.communicate(timeout=180)
    finally:
        for proc in (slow, waiting):
            if proc is not None:
                proc.kill()
                proc.communicate()
    assert waiting.returncode == 0, said + rest
    builds = Backend(hash_settings.index_dir, None).builds()
    assert _current_build(hash_settings) in builds and len(builds) <= 2
    assert len(_user_docs(hash_settings)) == 2
    assert AnswerEngine(hash_settings).answer("platelet count before epidural").retrieved


@pytest.mark.slow  # CLI subprocesses
def test_two_cli_ingests_started_together_both_succeed(hash_settings, tmp_path):
    build_index(hash_settings, progress=False)
    files = [_note(tmp_path, f"unit-{i}.md", f"Unit {i} protocol: capnography number {i} for sedation.") for i in range(2)]
    procs = [subprocess.Popen([sys.executable, "-m", "assistant", "ingest", "--quiet", "--wait", "180", str(f)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(hash_settings)) for f in files]
    outs = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert _current_build(hash_settings) in Backend(hash_settings.index_dir, None).builds()
    assert len(_user_docs(hash_settings)) == 2 and len(list(hash_settings.ingested_dir.glob("*.json"))) == 2
    ask = subprocess.run([sys.executable, "-m", "assistant", "ask", "capnography for sedation"], capture_output=True, text=True,
                         env=_env(hash_settings), timeout=120)
    assert ask.returncode == 0, ask.stderr


@pytest.mark.slow  # a writer subprocess, two builds
def test_prune_keeps_the_current_build_and_builds_still_being_written(hash_settings):
    first = build_index(hash_settings, progress=False).build
    builds = hash_settings.index_dir / "builds"
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (builds / "b00000000000000-live").mkdir()
        (builds / "b00000000000000-live.writing").write_text(str(writer.pid))
        (builds / "b00000000000001-dead").mkdir()  # a SIGKILLed writer: its pid is gone
        (builds / "b00000000000001-dead.writing").write_text("999999999")
        (builds / "b00000000000002-orphan").mkdir()
        (hash_settings.index_dir / ".CURRENT.0123abcd").write_text("{half")
        second = build_index(hash_settings, force=True, progress=False).build
        left = set(Backend(hash_settings.index_dir, None).builds())
        assert left == {first, second, "b00000000000000-live"}
        assert not (builds / "b00000000000001-dead.writing").exists() and not list(hash_settings.index_dir.glob(".CURRENT.*"))
        # the current build is never pruned, even when not named in `keep`
        assert Backend(hash_settings.index_dir, None).prune(keep=set()) and _current_build(hash_settings) == second
        assert (builds / second).is_dir() and (builds / "b00000000000000-live").is_dir()
    finally:
        writer.kill()
        writer.wait()


@pytest.mark.slow  # fault injection: builds that fail midway
@pytest.mark.parametrize("failure", [RuntimeError("boom"), KeyboardInterrupt()])
def test_a_failed_build_removes_its_own_folder_and_the_previous_index_answers(hash_settings, monkeypatch, failure):
    first = build_index(hash_settings, progress=False).build
    from assistant import store

    def broken_add(self, *args, **kwargs):
        raise failure

    monkeypatch.setattr(store.ChunkCollection, "add", broken_add)
    with pytest.raises(type(failure)):
        build_index(hash_settings, force=True, progress=False)
    monkeypatch.undo()
    assert Backend(hash_settings.index_dir, None).builds() == [first] and _current_build(hash_settings) == first
    assert not list((hash_settings.index_dir / "builds").glob("*.writing"))
    assert AnswerEngine(hash_settings).answer("epidural blood patch").retrieved


@pytest.mark.slow  # CLI subprocesses
def test_leftovers_of_killed_runs_never_break_ask_and_the_next_write_clears_them(hash_settings, tmp_path, cli_side_by_side):
    build_index(hash_settings, progress=False)
    builds = hash_settings.index_dir / "builds"
    junk = builds / "b99999999999999-halfway"  # newer than the current build, half written
    junk.mkdir()
    (junk / "chroma.sqlite3").write_bytes(b"\x00garbage" * 100)
    (builds / "b99999999999999-halfway.writing").write_text("999999999")
    (hash_settings.index_dir / ".CURRENT.deadbeef").write_text("{")
    (hash_settings.index_dir / ".build.lock").write_text("999999999\n")  # a lock file whose holder is gone
    stage = hash_settings.ingested_dir / ".staging-999999999"
    stage.mkdir(parents=True)
    (stage / "user-000000000000.json").write_text("{\"half\": ")
    for out in cli_side_by_side(_env(hash_settings), ["ask", "How is post-dural puncture headache treated?"], ["index", "status"]):
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    report = ingest(hash_settings, [_note(tmp_path, "after.md", "Written after a crash.")])
    assert report.added and not stage.exists() and not junk.exists() and not list(hash_settings.index_dir.glob(".CURRENT.*"))
    assert [p.name for p in hash_settings.ingested_dir.iterdir()] == [f"{report.added[0][1]}.json"]


@pytest.mark.slow  # CLI subprocesses
def test_reingesting_a_file_replaces_its_old_version_and_remove_takes_it_out(hash_settings, tmp_path):
    note = _note(tmp_path, "protocol.md", "Version one: fast for six hours.")
    v1 = ingest(hash_settings, [note]).added[0][1]
    note.write_text("# protocol.md\n\n## Notes\n\nVersion two: fast for two hours.\n", encoding="utf-8")
    second = ingest(hash_settings, [note])
    v2 = second.added[0][1]
    assert v1 != v2 and second.replaced == [("protocol.md", v1)]
    assert _user_docs(hash_settings) == {v2} and [p.stem for p in hash_settings.ingested_dir.glob("*.json")] == [v2]
    other = ingest(hash_settings, [_note(tmp_path, "other.md", "Another unit's note.")]).added[0][1]
    assert _user_docs(hash_settings) == {v2, other}

    from assistant.indexing import remove

    gone = remove(hash_settings, ["protocol.md"])  # by file name
    assert gone.removed == [("protocol.md", v2)] and _user_docs(hash_settings) == {other}
    assert remove(hash_settings, [other]).removed == [("other.md", other)]  # by doc id
    assert _user_docs(hash_settings) == set() and not list(hash_settings.ingested_dir.glob("*.json"))
    with pytest.raises(DocumentError, match="not ingested any documents"):
        remove(hash_settings, ["other.md"])
    ingest(hash_settings, [note])
    with pytest.raises(DocumentError, match=r"nothing\.md: no ingested document has this id or file name; yours: protocol\.md \(user-"):
        remove(hash_settings, ["nothing.md"])
    with pytest.raises(DocumentError, match="pdph-en is a bundled document"):
        remove(hash_settings, ["pdph-en"])
    out = subprocess.run([sys.executable, "-m", "assistant", "remove", "--quiet", "protocol.md"], capture_output=True, text=True,
                         env=_env(hash_settings), timeout=120)
    assert out.returncode == 0 and "removed protocol.md (user-" in out.stdout, out.stderr
    out = subprocess.run([sys.executable, "-m", "assistant", "remove", "protocol.md"], capture_output=True, text=True,
                         env=_env(hash_settings), timeout=120)
    assert out.returncode == 2 and out.stderr.startswith("error: protocol.md") and out.stderr.count("\n") == 1


@pytest.mark.slow  # CLI subprocesses
def test_the_parsed_copy_is_kept_only_after_a_successful_build(hash_settings, tmp_path):
    build_index(hash_settings, progress=False)
    before = _current_build(hash_settings)
    from assistant.testing import HashEmbedder

    class Failing(HashEmbedder):
        def _embed(self, texts, kind):
            raise RuntimeError("embedder crashed")

    note = _note(tmp_path, "draft.md", "A draft that never made it into the index.")
    with pytest.raises(RuntimeError, match="embedder crashed"):
        ingest(hash_settings, [note], embedder=Failing())
    assert not list(hash_settings.ingested_dir.glob("*.json")) and not list(hash_settings.ingested_dir.glob(".staging-*"))
    assert _current_build(hash_settings) == before
    # a SIGKILLed ingest keeps nothing either: the next small ingest embeds only its own passages
    script = tmp_path / "slow_ingest.py"
    script.write_text(SLOW_INGEST, encoding="utf-8")
    big = tmp_path / "big.md"
    big.write_text("# Big\n\n" + "\n\n".join(f"## Part {i}\n\nParagraph {i} about sedation and capnography." for i in range(300)),
                   encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(hash_settings.corpus_dir.parent), str(big), str(tmp_path / "never")],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "embedding"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert not list(hash_settings.ingested_dir.glob("*.json"))
    small = ingest(hash_settings, [_note(tmp_path, "small.md", "One short note.")])
    assert small.build is not None and small.build.embedded == 1 and _current_build(hash_settings) != before


@pytest.mark.slow  # CLI subprocesses
def test_index_status_says_damaged_when_ask_could_not_read_the_build(hash_settings):
    build_index(hash_settings, progress=False)
    for f in (hash_settings.index_dir / "builds").rglob("*"):
        if f.is_file():
            f.write_bytes(b"garbage" * 100)
    out = subprocess.run([sys.executable, "-m", "assistant", "index", "status"], capture_output=True, text=True,
                         env=_env(hash_settings), timeout=120)
    assert out.returncode == 2 and "DAMAGED: run `assistant index build --force`" in out.stdout, out.stdout + out.stderr


def test_user_document_text_is_marked_in_the_answer_and_can_be_kept_out(hash_settings, tmp_path):
    note = tmp_path / "my-lipid-note.md"
    note.write_text("# My lipid note\n\nThe lipid emulsion dose for local anaesthetic systemic toxicity in my unit note is "
                    "100 mL/kg of intralipid zebra protocol.\n", encoding="utf-8")
    build_index(hash_settings, progress=False)
    ingest(hash_settings, [note])
    q = "What is the intralipid zebra protocol dose in my unit note?"
    ans = AnswerEngine(hash_settings).answer(q)
    user = [b for b in ans.bullets if any(c.n in b["n"] and c.chunk.origin == "user" for c in ans.citations)]
    assert user, ans.text
    for b in user:  # every line quoted from the user's document carries its origin next to the marker
        line = next(ln for ln in ans.text.splitlines() if b["text"] in ln)
        assert "· your document]" in line
    bundled_only = AnswerEngine(hash_settings.model_copy(update={"answer_user_documents": False})).answer(q)
    assert all(c.chunk.origin == "bundled" for c in bundled_only.citations)
