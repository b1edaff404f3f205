"""The hybrid retriever as a LangChain `BaseRetriever`, for use in any LangChain chain."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .retrieval import Retriever
from .text import detect_lang, to_simplified


class AssistantRetriever(BaseRetriever):
    """Wraps `Retriever.search`: language detected per query, Traditional Chinese converted, twins de-duplicated."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    retriever: Any
    k: int = 6

    @classmethod
    def from_retriever(cls, retriever: Retriever, k: int = 6) -> AssistantRetriever:
        """Build from a loaded Retriever."""
        return cls(retriever=retriever, k=k)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[LCDocument]:
        q = to_simplified(query)
        hits = self.retriever.search(q, detect_lang(q), k=self.k)
        return [
            LCDocument(
                page_content=h.chunk.text,
                metadata={"chunk_id": h.chunk.id, "doc_id": h.chunk.doc_id, "title": h.chunk.title, "section": h.chunk.section,
                          "lang": h.chunk.lang, "sources": list(h.chunk.sources), "score": h.score, "rank": h.rank,
                          "twin_doc_id": h.chunk.twin_doc_id, "page": h.chunk.page},
            )
            for h in hits
        ]
