"""The app under faults (issue 17): a damaged user database, a new index build while it runs, HTML in the export,
and its own settings (loopback, no usage statistics, 2 MB uploads) from any working directory. Hash-embedder index."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import PROJECT_ROOT, Settings
from assistant.indexing import build_index, ingest
from assistant.userdata import UserData

APP = PROJECT_ROOT / "ui" / "app.py"
TIMEOUT = 120
OPTIONS = ("server.address", "browser.gatherUsageStats", "server.maxUploadSize")


def _point_app_at(s: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(s.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(s.index_dir))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(s.data_dir))
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    return s


@pytest.fixture()
def app_settings(hash_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A hash-embedder index of its own over the small fixture corpus (to change it), and the app pointed at it."""
    build_index(hash_settings, progress=False)
    return _point_app_at(hash_settings, monkeypatch)


@pytest.fixture()
def shared_app(hash_index: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The app pointed at the session's hash index (read only) with a data directory of its own."""
    return _point_app_at(hash_index.model_copy(update={"data_dir": tmp_path / "data"}), monkeypatch)


def _all_text(at: AppTest) -> str:
    parts = []
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "exception", "toast", "text"):
        parts += [str(getattr(e, "value", "")) for e in at.get(kind)]
    return "\n".join(parts)


def _start(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_a_damaged_user_database_gives_a_one_line_notice_and_a_fresh_store(shared_app: Settings):
    db = shared_app.data_dir / "assistant.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not SQLite " * 500)
    at = _start("pages_/scenarios.py")  # reads progress and mistakes at once
    toasts = [t.value for t in at.toast]
    assert len(toasts) == 1 and "damaged" in toasts[0] and "\n" not in toasts[0], toasts
    shown = _all_text(at)
    assert "Traceback" not in shown and str(shared_app.data_dir) not in shown and "sqlite3" not in shown
    assert len(list(db.parent.glob("assistant.sqlite3.damaged-*"))) == 1 and UserData(db).progress() == []

    db.write_bytes(b"damaged again " * 500)  # now during a thumbs-up on the chat page
    at.switch_page("pages_/chat.py").run()
    at.chat_input[0].set_value("Epidural blood patch is the definitive treatment for post-dural puncture headache").run()
    up = next(b for b in at.button if b.key and b.key.startswith("up_"))
    up.click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("damaged" in t.value for t in at.toast) and "Traceback" not in _all_text(at)
    assert len(UserData(db).feedback()) == 1 and len(list(db.parent.glob("assistant.sqlite3.damaged-*"))) == 2


def _documents_in_sidebar(at: AppTest) -> int:
    for c in at.sidebar.caption:
        m = re.search(r"(\d+) (?:documents|篇文档)", c.value)
        if m:
            return int(m.group(1))
    raise AssertionError([c.value for c in at.sidebar.caption])


def test_the_running_app_loads_a_new_index_build_on_its_next_rerun(app_settings: Settings, tmp_path: Path):
    at = _start()
    before = _documents_in_sidebar(at)
    note = tmp_path / "ward-protocol.md"
    note.write_text("# Ward protocol\n\n## Monitoring\n\nCapnography for every sedated caudal epidural.\n", encoding="utf-8")
    assert ingest(app_settings, [note]).added  # another process would do the same: a new current build
    at.run()
    assert not at.exception and _documents_in_sidebar(at) == before + 1


def test_the_export_escapes_html():
    from ui.common import export_line, export_text

    hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> &amp; <!-- c -->"
    out = export_text(hostile)
    assert "<" not in out and ">" not in out and "&lt;script&gt;" in out and "&amp;amp;" in out
    assert export_text("Dose 2 mg/kg [1]") == "Dose 2 mg/kg [1]"  # ordinary text and markers untouched
    assert export_line("What dose?\n\n# Injected heading\n<b>x</b>") == "What dose? # Injected heading &lt;b&gt;x&lt;/b&gt;"


def test_the_upload_cap_is_one_number():
    """The uploader, its labels and the size check read ui.common.MAX_UPLOAD_MB; Streamlit reads config.toml: the same number."""
    import tomllib

    from ui.common import MAX_UPLOAD_MB
    from ui.labels import LABELS

    config = tomllib.loads((PROJECT_ROOT / "ui" / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB
    for lang, labels in LABELS.items():
        for key in ("upload_label", "too_big", "upload_limit"):
            assert "{mb}" in labels[key] and " 2 MB" not in labels[key].replace("{mb}", ""), (lang, key)


@pytest.mark.slow  # a Python subprocess importing Streamlit
def test_the_apps_settings_are_read_from_any_working_directory(tmp_path: Path):
    # what `streamlit run /abs/ui/app.py` does before reading its config (streamlit.web.cli._main_run), from another folder
    code = ("import json, sys; from streamlit import config; config._main_script_path = sys.argv[1]; "
            f"print(json.dumps([config.get_option(k) for k in {list(OPTIONS)!r}]))")
    out = subprocess.run([sys.executable, "-c", code, str(APP)], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["127.0.0.1", False, 2]
    # the project-folder copy (read by older Streamlit releases when started from the project folder) says the same
    assert (PROJECT_ROOT / ".streamlit" / "config.toml").read_text() == (PROJECT_ROOT / "ui" / ".streamlit" / "config.toml").read_text()


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of sockets listening on port (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            rows = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            local, state = row.split()[1], row.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(addr)
    return found


@pytest.mark.slow  # a Streamlit server subprocess
@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc/net (Linux)")
def test_streamlit_started_from_another_folder_listens_on_loopback_only(shared_app: Settings, tmp_path: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "HOME": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "streamlit did not start"
            time.sleep(0.5)
        addresses = _listening_addresses(port)
        assert addresses == {"0100007F"}, addresses  # 127.0.0.1 only: not 0.0.0.0, not ::
    finally:
        proc.terminate()
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert "Collecting usage statistics" not in out


@pytest.mark.slow  # a Python subprocess importing Streamlit
def test_without_its_settings_the_app_refuses_to_serve(tmp_path: Path):
    """An older Streamlit started from another folder reads no config: the app then shows how to start it, nothing else."""
    shutil.copytree(PROJECT_ROOT / "ui", tmp_path / "app" / "ui", ignore=shutil.ignore_patterns(".streamlit", "__pycache__"))
    code = ("import json, sys; from streamlit.testing.v1 import AppTest; at = AppTest.from_file(sys.argv[1], default_timeout=60).run(); "
            "print(json.dumps({'errors': [e.value for e in at.error], 'titles': [t.value for t in at.title], "
            "'chat': len(at.chat_input), 'exceptions': [e.message for e in at.exception]}))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "app" / "ui" / "app.py")], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert not res["exceptions"] and not res["titles"] and res["chat"] == 0
    assert len(res["errors"]) == 1 and "started without its settings" in res["errors"][0].replace("\\", "")
