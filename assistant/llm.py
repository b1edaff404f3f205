"""Optional generation through a LangChain chat model (Ollama or OpenAI-compatible); off by default.

The only module that imports LangChain chat classes. Generated claims are kept only when their [n] markers
resolve and their numbers stand in the cited passage; otherwise the extractive answer is used."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .answer import AnswerEngine
from .citations import Citer
from .config import Settings
from .errors import ConfigError
from .frame import Question
from .judge import Verdict
from .safety import Triage
from .text import numbers_in, split_sentences
from .types import Answer, Hit, Lang

SYSTEM = {
    "en": ("You are a clinical safety assistant for interventional pain procedures. Answer ONLY from the numbered passages. "
           "End every sentence with the marker of the passage it comes from, like [1]. Copy numbers, doses and times exactly "
           "as they stand in the passage. If the passages do not answer the question, say so. Keep hedges such as 'unverified'. "
           "Start with the sentence that answers what was asked; in an emergency start with the actions, in protocol order. "
           "Answer in English, at most {n} sentences."),
    "zh": ("你是疼痛介入治疗安全助手。只能根据下列编号段落回答。每句话末尾标注其来源段落编号，如 [1]。数字、剂量和时间必须与段落原文完全一致。"
           "段落无法回答时请直接说明。保留“未经核实”等限定语。第一句直接回答所问的内容；紧急情况先按流程顺序写处理措施。用简体中文回答，不超过{n}句。"),
}
CONDENSE = {
    "en": "Rewrite the last question as one standalone question using the conversation. Reply with the question only.",
    "zh": "根据对话把最后一个问题改写成一个独立完整的问题。只回复问题本身。",
}
_MARK = re.compile(r"\[(\d+)\]")


def make_chat_model(settings: Settings) -> Any:
    """The LangChain chat model named by settings."""
    try:
        if settings.llm_provider == "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(model=settings.llm_model, base_url=settings.llm_base_url or "http://127.0.0.1:11434", temperature=0)
        if settings.llm_provider == "openai":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(model=settings.llm_model, base_url=settings.llm_base_url, api_key=settings.llm_api_key or "none", temperature=0)
    except ImportError:
        raise ConfigError("the LLM backends are not installed: run `.venv/bin/pip install -e '.[llm]'`") from None
    raise ConfigError("llm_provider is 'none': set ASSISTANT_LLM_PROVIDER=ollama or openai")


def filter_claims(text: str, passages: dict[int, str]) -> list[tuple[str, list[int]]]:
    """Keep generated sentences whose markers all resolve and whose numbers appear in a cited passage."""
    kept: list[tuple[str, list[int]]] = []
    for sent in split_sentences(text.replace("\n", " ")):
        marks = [int(m) for m in _MARK.findall(sent)]
        if not marks or any(m not in passages for m in marks):
            continue
        body = re.sub(r"\s*\[\d+\]", "", sent).strip()
        cited = " ".join(passages[m] for m in marks)
        if all(n in numbers_in(cited) for n in numbers_in(body)):
            kept.append((body, marks))
    return kept


class GenerativeEngine(AnswerEngine):
    """AnswerEngine whose composition step asks an LLM, then removes ungrounded claims."""

    def __init__(self, settings: Settings, chat_model: Any = None, **kw: Any) -> None:
        super().__init__(settings, **kw)
        self.chat_model = chat_model if chat_model is not None else make_chat_model(settings)

    def _frame(self, question: str, history: list[str]) -> Question:
        q = super()._frame(question, history)
        if not history or not q.followup:
            return q
        from langchain_core.messages import HumanMessage, SystemMessage

        convo = "\n".join(f"- {h}" for h in history) + f"\n- {question}"
        try:
            rewritten = str(self.chat_model.invoke([SystemMessage(CONDENSE[q.lang]), HumanMessage(convo)]).content).strip()
        except Exception:  # noqa: BLE001 - endpoint down: keep the rule-based frame
            return q
        return replace(q, retrieval_text=rewritten or q.retrieval_text)

    def _compose(self, q: Question, lang: Lang, hits: list[Hit], verdict: Verdict, tri: Triage,
                 on_token: Callable[[str], None] | None = None) -> Answer:
        """Generate from the numbered passages (each token to `on_token` as it arrives), then keep the grounded claims."""
        from langchain_core.messages import HumanMessage, SystemMessage

        passages = {i + 1: h.chunk.text for i, h in enumerate(hits)}
        context = "\n\n".join(f"[{n}] {h.chunk.title} \u203a {h.chunk.section}\n{h.chunk.text}" for n, h in zip(passages, hits))
        frame = [f"Asked aspects (answer in this order): {', '.join(q.groups) or 'overview'}"]
        if len(q.parts) > 1:
            frame.append("Parts (answer each under its own short heading): " + " | ".join(p.text for p in q.parts))
        if tri.urgent:
            frame.append(f"Emergency pathway: {tri.rule}. Lead with the actions from the passages, then recognition.")
        messages = [SystemMessage(SYSTEM[lang].format(n=self.settings.max_sentences)),
                    HumanMessage(f"{context}\n\n" + "\n".join(frame) + f"\n\nQuestion: {q.retrieval_text}")]
        try:
            parts: list[str] = []
            for chunk in self.chat_model.stream(messages):
                token = str(chunk.content)
                parts.append(token)
                if on_token:
                    on_token(token)
            generated = "".join(parts)
        except Exception:  # noqa: BLE001 - endpoint unreachable or failing: fall back to the grounded extractive answer
            return super()._compose(q, lang, hits, verdict, tri)
        kept = filter_claims(generated, passages)
        if not kept:
            return super()._compose(q, lang, hits, verdict, tri)
        cites = Citer(self.references)  # renumbered 1, 2, … in order of first use, like the extractive answer
        lines = []
        for body, marks in kept:
            lines.append(f"- {body} " + "".join(cites.marker(hits[m - 1].chunk, lang) for m in dict.fromkeys(marks)))
        text = "\n".join(lines)
        return Answer(question=q.original, lang=lang, text=f"{tri.escalation}\n\n{text}" if tri.escalation else text,
                      citations=cites.citations, verdict=verdict.kind)


def engine_from_settings(settings: Settings) -> AnswerEngine:
    """The extractive engine, or the generative one when an LLM provider is configured."""
    return AnswerEngine(settings) if settings.llm_provider == "none" else GenerativeEngine(settings)
