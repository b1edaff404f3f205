"""The warm answer path does each piece of work once: a multi-part question's searches share one call to the embedding
model, and a passage's quotable units are cut once per lexicon. Both must leave every answer as it was (timings are
measured by benchmarks/latency.py, not here)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.compose import sentences_of
from assistant.config import Settings

TWO_PARTS = "How is PDPH treated, and what is the first dose of lipid emulsion in LAST?"


@pytest.fixture()
def counted(hash_index: Settings, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """An answer engine over the hash index whose embedder counts its calls (one list per call: the texts)."""
    from assistant.answer import AnswerEngine

    engine = AnswerEngine(hash_index)
    calls: list[list[str]] = []
    inner = engine.retriever.embedder._embed

    def spy(texts, kind):  # type: ignore[no-untyped-def]
        calls.append(list(texts))
        return inner(texts, kind)

    monkeypatch.setattr(engine.retriever.embedder, "_embed", spy)
    return engine, calls


def test_a_two_part_question_embeds_its_searches_in_one_call(counted) -> None:  # type: ignore[no-untyped-def]
    engine, calls = counted
    assert len(engine.frame(TWO_PARTS).parts) == 2
    engine.answer(TWO_PARTS)
    assert len(calls) == 1 and len(calls[0]) == 3, calls  # the whole question and each part


def test_the_batched_vectors_give_the_same_answer_as_one_call_per_search(counted, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    engine, calls = counted
    batched = engine.answer(TWO_PARTS)
    monkeypatch.setattr(engine.retriever, "query_vectors", lambda texts, timings=None: [None] * len(texts))
    single = engine.answer(TWO_PARTS)
    assert len(calls) == 1 + 3  # the second answer embedded each search on its own
    assert batched.text == single.text and [h.chunk.id for h in batched.retrieved] == [h.chunk.id for h in single.retrieved]


def test_query_vectors_are_each_querys_own_vector(hash_index: Settings) -> None:
    from assistant.retrieval import Retriever

    ret = Retriever(hash_index)
    texts = ["PDPH treatment", "lipid emulsion dose", "硬脊膜穿破后头痛"]
    for text, vec in zip(texts, ret.query_vectors(texts)):
        assert vec is not None and np.allclose(vec, ret.embedder.embed_query(text), atol=1e-6)
        assert [h.chunk.id for h in ret.search(text, "en", qvec=vec)] == [h.chunk.id for h in ret.search(text, "en")]


def test_a_lexical_only_retriever_embeds_nothing(hash_index: Settings) -> None:
    from assistant.retrieval import Retriever

    ret = Retriever(Settings(**{**hash_index.model_dump(), "retrieval_mode": "lexical"}))
    assert ret.query_vectors(["PDPH treatment"]) == [None]


def test_a_passages_units_are_cut_once_and_carry_each_hits_rank(hash_index: Settings) -> None:
    from dataclasses import replace

    from assistant.answer import AnswerEngine

    engine = AnswerEngine(hash_index)
    hits = engine.retriever.search("How is PDPH treated?", "en")
    first = sentences_of(hits, engine.lexicon)
    again = sentences_of([replace(h, rank=h.rank + 10) for h in hits], engine.lexicon)
    assert [s.text for s in first] == [s.text for s in again] and first
    assert [s.hit_rank + 10 for s in first] == [s.hit_rank for s in again]
    assert {s.hit_rank for s in first} == {h.rank for h in hits if any(s.chunk.id == h.chunk.id for s in first)}
    # (a fresh lexicon cuts its own units: the same ones)
    other = AnswerEngine(hash_index)
    assert [(s.text, s.concepts, s.action, s.provenance) for s in sentences_of(hits, other.lexicon)] == \
        [(s.text, s.concepts, s.action, s.provenance) for s in first]
