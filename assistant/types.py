"""Core types shared by every stage; no logic beyond small conveniences."""

from __future__ import annotations

import re
import uuid
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Lang = Literal["en", "zh"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or bullet item) of a document, with offsets into `Document.text`."""

    text: str
    start: int
    end: int
    tags: tuple[str, ...] = ()
    page: int | None = None


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs under it; `path` is the heading trail from the title down."""

    heading: str
    path: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    ordinal: int = 0


@dataclass(frozen=True)
class Document:
    """A normalised source document (bundled corpus or user-ingested)."""

    id: str
    title: str
    lang: Lang
    text: str
    sections: tuple[Section, ...]
    sources: tuple[str, ...] = ()
    twin: str | None = None
    topic: str = ""
    origin: Literal["bundled", "user"] = "bundled"
    path: str = ""
    content_hash: str = ""


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage of a document."""

    id: str
    doc_id: str
    ordinal: int
    text: str
    lang: Lang
    title: str
    heading_path: tuple[str, ...]
    section_ordinal: int
    para_start: int
    para_end: int
    start: int
    end: int
    sources: tuple[str, ...] = ()
    twin_doc_id: str | None = None
    origin: str = "bundled"
    page: int | None = None
    topic: str = ""
    concepts: tuple[str, ...] = ()  # lexicon concept ids found in the text (tagged at index time)
    breaks: tuple[int, ...] = ()  # offsets in `text` where a later paragraph begins (paragraphs are joined without a mark)
    par_sources: tuple[tuple[str, ...], ...] = ()  # the source tags of each of its paragraphs (one more than `breaks`)

    def sources_of(self, start: int, end: int) -> tuple[str, ...]:
        """The source tags of the paragraphs that text[start:end] spans (every tag of the passage when unknown)."""
        if len(self.par_sources) != len(self.breaks) + 1 or start < 0:
            return self.sources
        first, last = bisect_right(self.breaks, start), bisect_right(self.breaks, max(start, end - 1))
        return tuple(dict.fromkeys(t for seg in self.par_sources[first:last + 1] for t in seg)) or self.sources

    @property
    def section(self) -> str:
        """The section heading this chunk sits under (last element of the heading path)."""
        return self.heading_path[-1] if self.heading_path else self.title


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk. `score` is the fused RRF score (higher is better, in (0, 1));
    `dense` is the cosine similarity in [-1, 1] when the dense retriever found it."""

    chunk: Chunk
    score: float
    rank: int
    retrievers: tuple[str, ...] = ()
    dense: float | None = None
    lexical: float | None = None


@dataclass(frozen=True)
class Citation:
    """A numbered citation: the chunk it points to and the passage shown to the user."""

    n: int
    chunk: Chunk
    text: str
    references: tuple[str, ...] = ()
    sources: tuple[str, ...] | None = None  # the tags of the paragraphs the answer quotes (None: the whole passage's)

    @property
    def cited_sources(self) -> tuple[str, ...]:
        """The source tags behind what the answer quotes from the passage."""
        return self.chunk.sources if self.sources is None else self.sources

    def to_dict(self) -> dict[str, Any]:
        """The citation in the answer contract's shape."""
        c = self.chunk
        return {
            "n": self.n,
            "chunk_id": c.id,
            "doc_id": c.doc_id,
            "title": c.title,
            "section": c.section,
            "lang": c.lang,
            "text": self.text,
            "sources": list(self.cited_sources),
            "passage_sources": list(c.sources),
            "references": list(self.references),
            "page": c.page,
            "twin_doc_id": c.twin_doc_id,
            "origin": c.origin,
        }


@dataclass
class Answer:
    """The result of answering one question (the answer contract)."""

    question: str
    lang: Lang
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    urgent: bool = False
    escalation: str = ""
    disclaimer: str = ""
    nearest_topics: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    settings_hash: str = ""
    condensed_question: str = ""
    script: Literal["hans", "hant", "latin"] = "latin"
    retrieved: list[Hit] = field(default_factory=list)
    verdict: str = "answered"  # answered | partial | out_of_scope | not_in_kb | empty
    pathway: str = ""  # emergency pathway id when urgent
    parts: list[dict[str, Any]] = field(default_factory=list)  # [{"question", "covered"}] per ask of the question
    bullets: list[dict[str, Any]] = field(default_factory=list)  # [{"text", "n", "group", "part", "kind"}]
    aspects: list[str] = field(default_factory=list)  # asked section groups, most specific first
    concepts: list[str] = field(default_factory=list)  # lexicon concepts of the question (own, then inherited)

    def to_dict(self) -> dict[str, Any]:
        """The answer as the JSON object printed by `assistant ask --json`."""
        return {
            "question": self.question,
            "lang": self.lang,
            "answer": self.text,
            "abstained": self.abstained,
            "urgent": self.urgent,
            "escalation": self.escalation,
            "disclaimer": self.disclaimer,
            "nearest_topics": self.nearest_topics,
            "citations": [c.to_dict() for c in self.citations],
            "timings_ms": self.timings_ms,
            "settings_hash": self.settings_hash,
            "condensed_question": self.condensed_question,
            "verdict": self.verdict,
            "pathway": self.pathway,
            "parts": self.parts,
            "bullets": self.bullets,
            "aspects": self.aspects,
            "concepts": self.concepts,
            "retrieved": [
                {"rank": h.rank, "chunk_id": h.chunk.id, "doc_id": h.chunk.doc_id, "score": round(h.score, 5),
                 "retrievers": list(h.retrievers)}
                for h in self.retrieved
            ],
        }


@dataclass
class Turn:
    """One exchange of a chat: the question, the earlier user questions it follows (its context), its answer once
    computed, and the user's rating of that answer (+1 helpful, -1 not helpful, None not rated)."""

    question: str
    history: list[str] = field(default_factory=list)
    answer: Answer | None = None
    feedback: int | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:10])


def doc_slug(doc_id: str) -> str:
    """A document's slug, shared by its two language versions (`anticoagulants-en` -> `anticoagulants`)."""
    return re.sub(r"-(en|zh)$", "", doc_id)


def chunk_to_meta(chunk: Chunk) -> dict[str, Any]:
    """Flatten a chunk into scalar metadata (what vector stores accept)."""
    d = asdict(chunk)
    d.pop("text")
    d["heading_path"] = " \u203a ".join(chunk.heading_path)
    d["sources"] = ";".join(chunk.sources)
    d["concepts"] = ";".join(chunk.concepts)
    d["breaks"] = ";".join(map(str, chunk.breaks))
    d["par_sources"] = "|".join(";".join(tags) for tags in chunk.par_sources)
    d["twin_doc_id"] = chunk.twin_doc_id or ""
    d["page"] = -1 if chunk.page is None else chunk.page
    return d


def chunk_from_meta(text: str, meta: dict[str, Any]) -> Chunk:
    """Inverse of `chunk_to_meta`."""
    page = int(meta.get("page", -1))
    hp = str(meta.get("heading_path", ""))
    src = str(meta.get("sources", ""))
    return Chunk(
        id=str(meta["id"]),
        doc_id=str(meta["doc_id"]),
        ordinal=int(meta["ordinal"]),
        text=text,
        lang="zh" if meta["lang"] == "zh" else "en",
        title=str(meta["title"]),
        heading_path=tuple(hp.split(" \u203a ")) if hp else (),
        section_ordinal=int(meta["section_ordinal"]),
        para_start=int(meta["para_start"]),
        para_end=int(meta["para_end"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        sources=tuple(s for s in src.split(";") if s),
        twin_doc_id=str(meta.get("twin_doc_id") or "") or None,
        origin=str(meta.get("origin", "bundled")),
        page=None if page < 0 else page,
        topic=str(meta.get("topic", "")),
        concepts=tuple(c for c in str(meta.get("concepts", "")).split(";") if c),
        breaks=tuple(int(b) for b in str(meta.get("breaks", "")).split(";") if b),
        par_sources=_par_sources(str(meta.get("par_sources", ""))),
    )


def _par_sources(flat: str) -> tuple[tuple[str, ...], ...]:
    """Inverse of the `par_sources` field of `chunk_to_meta` ("A;B|C": two paragraphs)."""
    return tuple(tuple(t for t in seg.split(";") if t) for seg in flat.split("|")) if flat else ()
