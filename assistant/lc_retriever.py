"""The hybrid retriever as a LangChain `BaseRetriever`, for use in any LangChain chain.

    AssistantRetriever(k=4)                                  # default settings (environment, index/)
    AssistantRetriever.from_settings(index_dir="/srv/index", k=4)
    retriever.invoke("How is PDPH treated?", k=2)            # k per call overrides the constructor's
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field, model_validator

from .config import Settings, load_settings
from .retrieval import Retriever
from .text import detect_lang, to_simplified

_SHARED: dict[str, Retriever] = {}
_SHARED_LOCK = threading.Lock()


def shared_retriever(settings: Settings) -> Retriever:
    """One loaded Retriever per process and settings (loading reads the whole index and the embedder)."""
    key = f"{settings.settings_hash()}:{settings.index_dir}:{settings.chroma_url}"
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Retriever(settings)
        return _SHARED[key]


class AssistantRetriever(BaseRetriever):
    """Wraps `Retriever.search`: language detected per query, Traditional Chinese converted, twins de-duplicated.

    Built from a loaded `retriever`, from `settings`, or (neither given) from the default settings; `k` is the number
    of documents returned unless a call passes its own `k`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    retriever: Any = Field(default=None, description="A loaded assistant.retrieval.Retriever (default: loaded from settings).")
    settings: Settings | None = Field(default=None, description="Settings to load the index with (default: environment).")
    k: int = Field(default=6, ge=1, description="Documents returned per query.")

    @model_validator(mode="after")
    def _load(self) -> AssistantRetriever:
        if self.retriever is None:
            self.retriever = shared_retriever(self.settings or load_settings())
        return self

    @classmethod
    def from_retriever(cls, retriever: Retriever, k: int = 6) -> AssistantRetriever:
        """Build from a loaded Retriever."""
        return cls(retriever=retriever, k=k)

    @classmethod
    def from_settings(cls, k: int = 6, **overrides: Any) -> AssistantRetriever:
        """Build from settings overrides (`index_dir=...`, `embedder=...`; the rest from the environment)."""
        return cls(settings=load_settings(**overrides), k=k)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None, **kwargs: Any) -> list[LCDocument]:
        q = to_simplified(query)
        hits = self.retriever.search(q, detect_lang(q), k=k or self.k)
        return [
            LCDocument(
                page_content=h.chunk.text,
                metadata={"chunk_id": h.chunk.id, "doc_id": h.chunk.doc_id, "title": h.chunk.title, "section": h.chunk.section,
                          "lang": h.chunk.lang, "sources": list(h.chunk.sources), "score": h.score, "rank": h.rank,
                          "twin_doc_id": h.chunk.twin_doc_id, "page": h.chunk.page},
            )
            for h in hits
        ]

    async def _aget_relevant_documents(self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun,
                                       k: int | None = None, **kwargs: Any) -> list[LCDocument]:
        return await asyncio.to_thread(self._get_relevant_documents, query, run_manager=run_manager.get_sync(), k=k)
