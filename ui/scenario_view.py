"""A scenario's explanation with numbered sources and the passages behind the numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import streamlit as st

from assistant.answer import AnswerEngine
from assistant.citations import Citer
from assistant.scenarios import TAG_GROUP, Scenario, explanation_tags, number_tags
from assistant.types import Citation, Hit, Lang
from assistant.types import doc_slug as slug

_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])\s*")


@dataclass
class Explained:
    """The explanation with `[n]` numbers, the passages [1]..[k] and the references found in no passage."""

    text: str
    passages: list[Citation] = field(default_factory=list)
    references_only: list[tuple[int, str]] = field(default_factory=list)  # (n, formatted reference)
    own_documents: bool = True  # every passage comes from the scenario's own documents


def _claims(explanation: str) -> list[tuple[str, list[str]]]:
    """(sentence without its tags, tags) for each tag group, in order."""
    out: list[tuple[str, list[str]]] = []
    start = 0
    for m in TAG_GROUP.finditer(explanation):
        before = explanation[start:m.start()]
        parts = [p for p in _SENTENCE_END.split(before) if p.strip()]
        sentence = parts[-1] if parts else before
        out.append((TAG_GROUP.sub("", sentence).strip(), explanation_tags(m.group(0))))
        start = m.end()
    return out


def explain(s: Scenario, lang: str, eng: AnswerEngine) -> Explained:
    """Number the explanation's source tags like its passages: each tag gets the best passage (of the scenario's own
    documents when possible) that carries the tag and matches the sentence citing it; tags without one are listed as
    references only."""
    v = s.text(lang)
    qlang: Lang = "zh" if lang == "zh" else "en"
    own = set(s.doc_ids)
    numbers: dict[str, int] = {}  # tag -> its number (a passage's, or a reference's of its own)
    cites = Citer(eng.references)  # passages and references-only share one numbering
    out = Explained(text="")
    for sentence, tags in _claims(v.explanation):
        if all(t in numbers for t in tags):
            continue
        hits = eng.retriever.search(sentence or v.question, qlang, k=20)
        hits = sorted(hits, key=lambda h: (h.chunk.lang != qlang, slug(h.chunk.doc_id) not in own, h.rank))
        for tag in tags:
            if tag in numbers:
                continue
            pick: Hit | None = next((h for h in hits if tag in h.chunk.sources), None)
            if pick is None:
                numbers[tag] = cites.reserve()
                out.references_only.append((numbers[tag], eng.references.format(tag)))
                continue
            numbers[tag] = cites.number(pick.chunk)
            out.own_documents &= slug(pick.chunk.doc_id) in own
    out.passages = cites.citations
    if not numbers:  # an explanation without tags: the passages nearest to the case, from its own documents if possible
        hits = eng.retriever.search(f"{v.vignette} {v.question}", qlang, k=12)
        mine = [h for h in hits if slug(h.chunk.doc_id) in own]
        out.own_documents = bool(mine)
        for h in (mine or hits)[:3]:
            cites.number(h.chunk)
    out.text = number_tags(v.explanation, numbers)
    return out


@st.cache_data(show_spinner=False, max_entries=512)
def cached_explain(sid: str, lang: str, build: str, _s: Scenario, _eng: AnswerEngine) -> Explained:
    """`explain`, once per scenario, language and index build."""
    return explain(_s, lang, _eng)


def passage_title(c: Citation, same_section: int) -> str:
    """`[n] section · document title`, with `(part k)` when several passages share a section."""
    part = f" ({same_section})" if same_section > 1 else ""
    page = f" p. {c.chunk.page}" if c.chunk.page is not None else ""
    return f"[{c.n}] {c.chunk.section}{part} · {c.chunk.title}{page}"
