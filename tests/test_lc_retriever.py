"""LangChain conformance: langchain-tests' standard retriever suite against AssistantRetriever on the real fixture index."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.config import Settings
from assistant.lc_retriever import AssistantRetriever


class TestAssistantRetrieverStandard(RetrieversIntegrationTests):
    """The standard tests, unchanged; only the constructor parameters point at the fixture index."""

    settings: Settings | None = None

    @pytest.fixture(autouse=True)
    def _fixture_index(self, real_settings: Settings) -> None:
        type(self).settings = real_settings

    @property
    def retriever_constructor(self) -> type[BaseRetriever]:
        return AssistantRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"settings": self.settings, "k": 2}

    @property
    def retriever_query_example(self) -> str:
        return "How is post-dural puncture headache treated?"


def test_from_settings_and_per_call_k(real_settings: Settings, engine) -> None:  # type: ignore[no-untyped-def]
    r = AssistantRetriever.from_settings(index_dir=real_settings.index_dir, corpus_dir=real_settings.corpus_dir,
                                         data_dir=real_settings.data_dir, k=4)
    docs = r.invoke("epidural blood patch")
    assert len(docs) == 4 and all(isinstance(d, Document) for d in docs)
    expected = [h.chunk.id for h in engine.retriever.search("epidural blood patch", "en", k=4)]
    assert [d.metadata["chunk_id"] for d in docs] == expected
    assert [d.metadata["chunk_id"] for d in r.invoke("epidural blood patch", k=1)] == expected[:1]
    assert AssistantRetriever(settings=real_settings).retriever is r.retriever  # one loaded index per process and settings


async def test_ainvoke_honours_k_and_detects_chinese(real_settings: Settings) -> None:
    r = AssistantRetriever(settings=real_settings, k=5)
    docs = await r.ainvoke("硬膜外血補丁", k=2)  # Traditional script, converted
    assert len(docs) == 2 and all(d.metadata["lang"] == "zh" for d in docs)


def test_the_retriever_runs_in_a_chain(real_settings: Settings) -> None:
    from langchain_core.prompts import ChatPromptTemplate
    from langchain_core.runnables import RunnableLambda, RunnablePassthrough

    retriever = AssistantRetriever(settings=real_settings, k=3)
    prompt = ChatPromptTemplate.from_messages([("system", "Answer from these passages:\n{context}"), ("human", "{question}")])
    join = RunnableLambda(lambda docs: "\n\n".join(d.page_content for d in docs))
    chain = {"context": retriever | join, "question": RunnablePassthrough()} | prompt
    value = chain.invoke("How is post-dural puncture headache treated?")
    system, human = value.to_messages()
    assert human.content == "How is post-dural puncture headache treated?"
    assert system.content.count("\n\n") >= 2 and "blood patch" in system.content.lower()
