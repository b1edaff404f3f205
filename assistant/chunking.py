"""Heading-aware, sentence-aware chunking in English and Chinese, with offsets, tags and content-hash ids."""

from __future__ import annotations

import hashlib

from .text import cjk_count, sentence_spans, split_tags
from .types import Chunk, Document, Paragraph, Section

CHUNKER_VERSION = "3"


def size_of(text: str) -> float:
    """Chunk size in word units: English words plus 0.6 per CJK character."""
    cjk = cjk_count(text)
    words = len([w for w in text.split() if any(c.isascii() and c.isalnum() for c in w)])
    return words + 0.6 * cjk


def _pieces(par: Paragraph, max_words: int, overlap: int) -> list[tuple[str, int, int]]:
    """A paragraph's text without tags, split by sentences when it is longer than max_words."""
    body, _ = split_tags(par.text)
    if size_of(body) <= max_words:
        return [(body, par.start, par.end)]
    spans = sentence_spans(body)
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(spans):
        j = i
        total = 0.0
        while j < len(spans) and (j == i or total + size_of(body[spans[j][0]:spans[j][1]]) <= max_words):
            total += size_of(body[spans[j][0]:spans[j][1]])
            j += 1
        a, b = spans[i][0], spans[j - 1][1]
        joiner = "" if cjk_count(body) > len(body) / 3 else " "
        text = joiner.join(body[s:e] for s, e in spans[i:j])
        out.append((text, par.start + a, par.start + b))
        if j >= len(spans):
            break
        i = max(j - overlap, i + 1)
    return out


def chunk_document(doc: Document, max_words: int = 110, overlap: int = 1) -> list[Chunk]:
    """Chunks never cross a heading; short paragraphs of one section are packed together up to max_words."""
    chunks: list[Chunk] = []
    for section in doc.sections:
        for group in _groups(section, max_words, overlap):
            texts, start, end, p0, p1, tags, page = group
            sep = "" if doc.lang == "zh" else " "
            text = sep.join(texts) if doc.lang == "en" else "".join(texts)
            cid = hashlib.sha256(f"{doc.id}\x00{'/'.join(section.path)}\x00{text}".encode()).hexdigest()[:20]
            chunks.append(
                Chunk(
                    id=cid, doc_id=doc.id, ordinal=len(chunks), text=text, lang=doc.lang, title=doc.title,
                    heading_path=section.path or (doc.title,), section_ordinal=section.ordinal,
                    para_start=p0, para_end=p1, start=start, end=end, sources=tags, twin_doc_id=doc.twin,
                    origin=doc.origin, page=page, topic=doc.topic,
                )
            )
    return chunks


Group = tuple[list[str], int, int, int, int, tuple[str, ...], "int | None"]


def _groups(section: Section, max_words: int, overlap: int) -> list[Group]:
    groups: list[Group] = []
    cur: list[str] = []
    cur_tags: list[str] = []
    start = end = p0 = 0
    page: int | None = None
    size = 0.0
    idx_prev = 0
    for idx, par in enumerate(section.paragraphs):
        _, ptags = split_tags(par.text)
        for text, a, b in _pieces(par, max_words, overlap):
            s = size_of(text)
            if cur and (size + s > max_words or par.page != page):
                groups.append((cur, start, end, p0, idx_prev, tuple(dict.fromkeys(cur_tags)), page))
                cur, cur_tags, size = [], [], 0.0
            if not cur:
                start, p0, page = a, idx, par.page
            cur.append(text)
            cur_tags.extend(ptags or par.tags)
            end, size, idx_prev = b, size + s, idx
    if cur:
        groups.append((cur, start, end, p0, idx_prev, tuple(dict.fromkeys(cur_tags)), page))
    return groups


def chunk_documents(docs: list[Document], max_words: int = 110, overlap: int = 1) -> list[Chunk]:
    """Chunk many documents."""
    return [c for d in docs for c in chunk_document(d, max_words, overlap)]
