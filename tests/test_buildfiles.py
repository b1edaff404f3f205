"""The files saved with each build (lexical indexes, chunk table, statistics): equal to what a reader used to rebuild,
opened without fetching chunks, and older builds without them still open."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant.buildfiles import chunk_map, concept_map, heading_map, open_build_files, token_map, write_build_files
from assistant.errors import IndexCorruptError
from assistant.indexing import build_index
from assistant.lexical import LexicalIndex
from assistant.retrieval import Retriever
from assistant.store import Backend, ChunkCollection, Manifest
from assistant.types import Chunk

BROADER = {"ropivacaine": ["local-anaesthetic"], "local-anaesthetic": ["drug"], "epidural": []}


def walk_up(ids, parents):  # type: ignore[no-untyped-def]
    """The ids followed by their broader concepts, breadth first (the lexicon's closure on a hand-built hierarchy)."""
    out: dict[str, None] = {}
    stack = list(ids)
    while stack:
        c = stack.pop(0)
        if c not in out:
            out[c] = None
            stack.extend(parents.get(c, []))
    return list(out)


def closure(ids):  # type: ignore[no-untyped-def]
    return walk_up(ids, BROADER)


def _chunk(cid: str, doc: str, lang: str, ordinal: int, section: int, *, origin: str = "bundled", twin: str | None = None,
           concepts: tuple[str, ...] = (), text: str = "", para: tuple[int, int] = (0, 0)) -> Chunk:
    title = f"Title of {doc}"
    return Chunk(id=cid, doc_id=doc, ordinal=ordinal, text=text or f"text of {cid}", lang=lang, title=title,  # type: ignore[arg-type]
                 heading_path=(title, f"Section {section}"), section_ordinal=section, para_start=para[0], para_end=para[1],
                 start=0, end=9, sources=("Tag1",), twin_doc_id=twin, origin=origin, page=2 if ordinal == 1 else None,
                 concepts=concepts)


CHUNKS = [
    _chunk("a0", "lipid-en", "en", 0, 1, twin="lipid-zh", concepts=("ropivacaine",), text="Ropivacaine toxicity treated with lipid"),
    _chunk("a1", "lipid-en", "en", 1, 0, twin="lipid-zh", text="Overview of lipid emulsion dosing"),
    _chunk("a2", "lipid-en", "en", 2, 1, twin="lipid-zh", concepts=("epidural",), para=(1, 1)),
    _chunk("z0", "lipid-zh", "zh", 0, 1, twin="lipid-en", concepts=("ropivacaine",), text="罗哌卡因中毒用脂肪乳治疗"),
    _chunk("u0", "user-note", "en", 0, 0, origin="user", twin="missing-zh", concepts=("epidural",), text="Ward note on epidural checks"),
    _chunk("e0", "empty-en", "en", 0, 0, text="of the"),  # no tokens at all
]
TOKENS = [["ropivacain", "toxic", "treat", "lipid"], ["overview", "lipid", "emuls", "dose"], ["text", "a2"], ["罗哌卡因", "中毒", "脂肪乳"],
          ["ward", "note", "epidur", "check"], []]


@pytest.fixture()
def saved(tmp_path: Path):  # type: ignore[no-untyped-def]
    write_build_files(tmp_path / "files", CHUNKS, TOKENS, closure)
    files = open_build_files(tmp_path / "files", "test")
    assert files is not None
    return files


def test_the_table_gives_back_every_chunk_its_tokens_and_concepts(saved):  # type: ignore[no-untyped-def]
    chunks, tokens, concepts = chunk_map(saved.table), token_map(saved.table), concept_map(saved.table)
    assert len(chunks) == len(CHUNKS) and list(chunks) == [c.id for c in CHUNKS]
    for c, toks in zip(CHUNKS, TOKENS):
        assert chunks[c.id] == c and tokens[c.id] == toks and concepts[c.id] == frozenset(closure(c.concepts))
        assert heading_map(saved.table)[c.id] == c.heading_path
    assert "nope" not in chunks and chunks.get("nope") is None
    with pytest.raises(KeyError):
        tokens["nope"]
    assert saved.doc_titles == {"lipid-en": ("Title of lipid-en", "en", "bundled"), "lipid-zh": ("Title of lipid-zh", "zh", "bundled"),
                                "user-note": ("Title of user-note", "en", "user"), "empty-en": ("Title of empty-en", "en", "bundled")}
    assert {"ropivacaine", "toxicity", "treated", "lipid", "ward", "note", "epidural", "checks"} <= saved.words
    assert not any(w for w in saved.words if len(w) < 4)


def test_concept_rows_sections_and_twins_come_from_the_arrays(saved):  # type: ignore[no-untyped-def]
    t = saved.table
    ids = lambda rows: [t.id(int(r)) for r in rows]  # noqa: E731
    assert t.concept_count("local-anaesthetic") == 2 and t.concept_count("epidural") == 2 and t.concept_count("unknown") == 0
    assert ids(t.concept_rows(["drug", "epidural"])) == ["a0", "a2", "z0", "u0"]
    assert ids(t.concept_rows(["drug", "epidural"], "en")) == ["a0", "a2", "u0"]
    assert ids(t.concept_rows(["drug", "epidural"], "en", ["bundled"])) == ["a0", "a2"]
    assert ids(t.concept_rows(["epidural"], "en", ["user"])) == ["u0"]
    assert ids(t.concept_rows(["epidural"], "en", ["nowhere"])) == []
    assert ids(t.doc_rows("lipid-en")) == ["a1", "a0", "a2"]  # by section, then position
    assert ids(t.doc_rows("lipid-en", 1)) == ["a0", "a2"] and t.doc_rows("nope") == []
    # twinned = its twin document is in this index (the user note's twin is not)
    assert [bool(t.twinned[t.row(c.id)]) for c in CHUNKS] == [True, True, True, True, False, False]


def test_a_saved_lexical_index_answers_like_one_built_in_memory(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    vocab = [f"w{i}" for i in range(40)]
    tokens = [[str(w) for w in rng.choice(vocab, size=rng.integers(0, 12))] for _ in range(200)]
    ids = [f"c{i}" for i in range(200)]
    built = LexicalIndex(ids, tokens)
    built.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25", ids)
    for t in [*vocab, "\u2205", "", "unseen"]:
        assert loaded.df.get(t, 0) == built.df.get(t, 0), t
        assert loaded.idf(t) == built.idf(t)
    assert dict(loaded.df) == dict(built.df)
    for q in (["w1"], ["w2", "w3", "w3"], ["w39", "unseen"], ["unseen"], []):
        assert loaded.search(q, 10) == built.search(q, 10)


def test_damaged_or_foreign_files_are_named_with_the_fix(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    write_build_files(folder, CHUNKS, TOKENS, closure)
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "format": 999}))
    assert open_build_files(folder, "b1") is None  # another format: opened as a build without files
    (folder / "meta.json").write_text(json.dumps(meta))
    records = (folder / "records.bin").read_bytes()
    (folder / "records.bin").write_bytes(records.replace(b'"id":"a1"', b'"id":{a1"'))  # same size, broken JSON
    files = open_build_files(folder, "b1")
    assert files is not None and chunk_map(files.table)["a0"] == CHUNKS[0]
    with pytest.raises(IndexCorruptError, match=r"chunk record of this index is damaged.*assistant index build --force"):
        chunk_map(files.table)["a1"]
    (folder / "records.bin").write_bytes(records[:-5])  # truncated
    with pytest.raises(IndexCorruptError, match=r"saved files of index build b1 are damaged.*assistant index build --force"):
        open_build_files(folder, "b1")
    (folder / "records.bin").write_bytes(records)
    (folder / "lang.npy").write_bytes(b"garbage" * 10)
    with pytest.raises(IndexCorruptError, match=r"saved files of index build b1 are damaged.*assistant index build --force"):
        open_build_files(folder, "b1")


def test_a_reader_opens_the_build_without_fetching_its_chunks(hash_settings, monkeypatch):  # type: ignore[no-untyped-def]
    build_index(hash_settings, progress=False)

    def refuse(self):  # type: ignore[no-untyped-def]
        raise AssertionError("all_chunks called")

    monkeypatch.setattr(ChunkCollection, "all_chunks", refuse)
    r = Retriever(hash_settings)
    hits = r.search("epidural blood patch for post-dural puncture headache", "en")
    assert hits and hits[0].chunk.doc_id.startswith("pdph") and r.twin_text(hits[0].chunk)
    assert len(r.table._cache) < len(r.chunks) / 2  # only what the query touched was parsed


def _as_layout_2(settings) -> Manifest:  # type: ignore[no-untyped-def]
    """Rewrite the current build the way an older version saved it: a collection per language, no files."""
    store = Backend(settings.index_dir, None)
    manifest = store.read_manifest()
    assert manifest is not None and manifest.layout == 3
    new = ChunkCollection(store, manifest.build, layout=3)
    chunks, tokens = new.all_chunks()
    vectors = new.vectors([c.id for c in chunks])
    old = Manifest(**{**manifest.__dict__, "build": "b20000101000000-000000", "layout": 2})
    ChunkCollection(store, old.build, create=True, layout=2).add(chunks, np.array([vectors[c.id] for c in chunks]),
                                                                 [" ".join(t) for t in tokens])
    raw = json.loads(old.to_json())
    del raw["layout"]  # as written before the field existed
    (settings.index_dir / "CURRENT").write_text(json.dumps(raw))
    return old


def test_an_index_saved_without_files_opens_alike_and_a_build_upgrades_it(hash_settings, caplog):  # type: ignore[no-untyped-def]
    first = build_index(hash_settings, progress=False)
    new = Retriever(hash_settings)
    old_manifest = _as_layout_2(hash_settings)
    with caplog.at_level(logging.WARNING):
        old = Retriever(hash_settings)
    assert old.manifest.build == old_manifest.build and old.manifest.layout == 2
    assert "run `assistant index build`" in caplog.text
    questions = [("epidural blood patch after dural puncture", "en"), ("lipid emulsion for toxicity", "en"), ("硬膜外血补丁", "zh")]
    for q, lang in questions:
        for r in (new, old):
            r.settings = r.settings.model_copy(update={"retrieval_mode": "lexical"})  # Chroma's HNSW is not deterministic
        got_new, got_old = new.search(q, lang, concepts=["pdph"]), old.search(q, lang, concepts=["pdph"])
        assert [(h.chunk, h.score, h.retrievers) for h in got_new] == [(h.chunk, h.score, h.retrievers) for h in got_old] and got_new
        assert [new.twin_text(h.chunk) for h in got_new] == [old.twin_text(h.chunk) for h in got_old]
    assert new.doc_titles == old.doc_titles and new.words == old.words and dict(new.lexical["zh"].df) == dict(old.lexical["zh"].df)
    assert {c: new.concept_idf([c]) for c in new.by_concept} == {c: old.concept_idf([c]) for c in old.by_concept}
    dense = old.collection.query(old.embedder.embed_query("blood patch"), 5, lang="en", origins=["bundled"])  # metadata filter
    assert dense and all(old.chunks[cid].origin == "bundled" for cid, _ in dense)
    # the next build saves the files without embedding anything again
    upgraded = build_index(hash_settings, progress=False)
    assert not upgraded.up_to_date and upgraded.embedded == 0 and upgraded.reused == first.chunks
    manifest = Backend(hash_settings.index_dir, None).read_manifest()
    assert manifest is not None and manifest.layout == 3 and (hash_settings.index_dir / "builds" / manifest.build / "files" / "meta.json").exists()
    assert build_index(hash_settings, progress=False).up_to_date


def test_vectorised_concept_ranking_equals_judge_concept_scores(tmp_path: Path) -> None:
    from assistant.concept_rank import GroupCodes, rank_rows
    from assistant.judge import JudgeWeights, concept_scores

    rng = np.random.default_rng(5)
    parents = {f"k{i}": [f"k{i // 3}"] if i >= 3 else [] for i in range(24)}  # a three-level hierarchy

    def up(ids):  # type: ignore[no-untyped-def]
        return walk_up(ids, parents)

    heads = ["Overview", "Risk factors", "Prevention", "Recognition and management", "并发症及发生率", "Local notes"]
    chunks = [replace(_chunk(f"p{i:03d}", f"d{i % 7}", "en" if i % 3 else "zh", i, int(rng.integers(6)),
                             origin="user" if i % 5 == 0 else "bundled",
                             concepts=tuple(f"k{j}" for j in rng.choice(24, size=int(rng.integers(0, 4)), replace=False))),
                      heading_path=("Doc", str(rng.choice(heads)))) for i in range(400)]
    write_build_files(tmp_path / "f", chunks, [[] for _ in chunks], up)
    files = open_build_files(tmp_path / "f", "t")
    assert files is not None
    table, codes = files.table, GroupCodes(files.table)
    for trial in range(60):
        concepts = [f"k{j}" for j in rng.choice(24, size=int(rng.integers(1, 4)), replace=False)]
        context = [f"k{j}" for j in rng.choice(24, size=int(rng.integers(0, 3)), replace=False)]
        groups = list(rng.choice(["overview", "risk", "prevention", "management", "complications"], size=int(rng.integers(0, 3))))
        lang, origins = ("en", "zh")[trial % 2], (None, ["bundled"], ["user"])[trial % 3]
        wanted = up(concepts + context)
        rows = table.concept_rows(wanted, lang, origins)
        idf = {c: float(rng.uniform(0.2, 5.0)) for c in wanted}
        closure = {c: tuple(up([c])[1:]) for c in concepts + context}
        w = JudgeWeights(broader=float(rng.uniform(0.1, 0.9)), context=float(rng.uniform(0.1, 0.9)), aspect=float(rng.uniform(0, 0.5)))
        want = concept_scores({table.id(r): table.concepts(r) for r in rows.tolist()}, heading_map(table), concepts, context, closure,
                              idf, groups, w)
        for k in (1, 5, 20, 1000):
            assert rank_rows(table, codes, rows, concepts, context, closure, idf, groups, k, w) == want[:k], (trial, k)
