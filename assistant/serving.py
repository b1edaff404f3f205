"""What outside tools get: one shared engine per process, input limits, ranked passages, health and the Markdown reply.

Shared by the HTTP API (api.py) and the MCP server (mcp_server.py); imports neither web nor MCP libraries."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Any

from .config import Settings
from .errors import InputError
from .text import detect_lang, to_simplified
from .types import Answer, Hit, Lang

MAX_QUESTION_CHARS = 4000  # the same limit as `assistant ask`
MAX_HISTORY_TURNS = 50
MAX_SEARCH_K = 50
ORIGINS = ("bundled", "user")
_REFERENCES_HEADING = {"en": "References", "zh": "参考来源"}
_WARM_QUESTIONS = ("How is post-dural puncture headache treated?", "局麻药全身毒性应该如何处理？")


def check_text(text: object, what: str = "question") -> str:
    """A non-empty question or query within the length limit; InputError says what is wrong."""
    if not isinstance(text, str):
        raise InputError(f"`{what}` must be a string")
    if not text.strip():
        raise InputError(f"`{what}` is empty: send the question text")
    if len(text) > MAX_QUESTION_CHARS:
        raise InputError(f"`{what}` is {len(text)} characters; the limit is {MAX_QUESTION_CHARS}: shorten it")
    return text


def check_turns(turns: Sequence[str]) -> list[str]:
    """Earlier user turns within the count and length limits."""
    if len(turns) > MAX_HISTORY_TURNS:
        raise InputError(f"{len(turns)} earlier user turns; the limit is {MAX_HISTORY_TURNS}: start a new conversation")
    return [check_text(t, "history item") for t in turns]


def check_origins(origins: Sequence[str] | None) -> list[str] | None:
    """Document origins to search (`bundled`, `user`), or None for all."""
    if origins is None:
        return None
    bad = [o for o in origins if o not in ORIGINS]
    if bad or not origins:
        raise InputError(f"`origins` must be a non-empty list of {', '.join(ORIGINS)}")
    return list(origins)


class Service:
    """The engine behind the API and the MCP server: loaded once (thread-safe), warmed, shared by every request."""

    def __init__(self, settings: Settings, engine: Any = None) -> None:
        self.settings = settings
        self._engine = engine
        self._lock = threading.Lock()
        self._warm = False
        self.load_ms = 0.0

    @property
    def engine(self) -> Any:
        """The answer engine (the factory's choice: extractive, or generative when an LLM is configured)."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    from .llm import engine_from_settings

                    t0 = time.perf_counter()
                    self._engine = engine_from_settings(self.settings)
                    self.load_ms = (time.perf_counter() - t0) * 1000
        return self._engine

    def warm(self) -> None:
        """Load the engine and answer one question per language (segmenter, embedder and caches are hot afterwards)."""
        if self._warm:
            return
        for q in _WARM_QUESTIONS:
            self.engine.answer(q)
        self._warm = True

    def ask(self, question: str, history: Sequence[str] = (), origins: Sequence[str] | None = None) -> Answer:
        """Answer one question with earlier user turns, after checking the limits."""
        q = check_text(question)
        turns = check_turns(list(history))
        answer: Answer = self.engine.answer(q, history=turns, origins=check_origins(origins))
        return answer

    def search(self, query: str, k: int | None = None, lang: Lang | None = None,
               origins: Sequence[str] | None = None) -> dict[str, Any]:
        """Ranked passages with their scores (the retriever alone: no answer composition)."""
        q = to_simplified(check_text(query, "query"))
        k = k or self.settings.top_k
        if not 1 <= k <= MAX_SEARCH_K:
            raise InputError(f"`k` must be between 1 and {MAX_SEARCH_K}")
        lg: Lang = lang or detect_lang(q)
        hits = self.engine.retriever.search(q, lg, k=k, origins=check_origins(origins))
        return {"query": query, "lang": lg, "k": k, "results": [self.passage(h) for h in hits]}

    def passage(self, hit: Hit) -> dict[str, Any]:
        """One ranked passage as JSON: scores, where it comes from, its text and full references."""
        c = hit.chunk
        refs = getattr(self.engine, "references", None)
        return {
            "rank": hit.rank, "score": round(hit.score, 6),
            "dense": None if hit.dense is None else round(hit.dense, 6),
            "lexical": None if hit.lexical is None else round(hit.lexical, 6),
            "retrievers": list(hit.retrievers),
            "chunk_id": c.id, "doc_id": c.doc_id, "title": c.title, "section": c.section, "lang": c.lang,
            "text": c.text, "sources": list(c.sources),
            "references": [refs.format(t) for t in c.sources] if refs is not None else [],
            "page": c.page, "twin_doc_id": c.twin_doc_id, "origin": c.origin,
        }

    def health(self) -> dict[str, Any]:
        """What is being served: the index build and the settings it answers with."""
        from . import __version__

        ret = self.engine.retriever
        m = ret.manifest
        return {
            "status": "ok", "version": __version__, "warm": self._warm, "engine": type(self.engine).__name__,
            "settings_hash": self.settings.settings_hash(),
            "index": {"build": m.build, "index_hash": m.index_hash, "embedder": m.embedder_id, "documents": m.documents,
                      "chunks": m.chunks, "built_at": m.built_at},
        }


def answer_markdown(answer: dict[str, Any]) -> str:
    """The answer contract as Markdown: the answer text with its [n] markers, then a references block.

    Reads only `answer`, `lang` and `citations` (each `n`, `title`, `section`, `page`, `references`), so new contract
    fields pass through untouched."""
    text = str(answer.get("answer", "")).rstrip()
    cites = answer.get("citations") or []
    if not cites:
        return text
    lang = "zh" if answer.get("lang") == "zh" else "en"
    lines = [text, "", f"**{_REFERENCES_HEADING[lang]}**", ""]
    for c in cites:
        where = f"{c.get('title', '')} \u203a {c.get('section', '')}"
        if c.get("page") is not None:
            where += f", p. {c['page']}"
        refs = "; ".join(c.get("references") or [])
        # "[n] " without a colon: "[n]: ..." would be read as a Markdown link definition and vanish
        lines.append(f"- [{c.get('n')}] {where}" + (f" \u2014 {refs}" if refs else ""))
    return "\n".join(lines)
