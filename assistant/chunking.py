"""Heading-aware, sentence-aware chunking in English and Chinese, with offsets, tags and content-hash ids."""

from __future__ import annotations

import hashlib
import re

from .text import cjk_count, sentence_spans, split_tags
from .types import Chunk, Document, Paragraph, Section

CHUNKER_VERSION = "5"  # 4: chunks record where their paragraphs begin (`Chunk.breaks`); 5: and each one's source tags
# Length caps: a sentence (or a line without any full stop) longer than this is cut at word boundaries, and no chunk
# grows past `max_chunk_chars`. The bundled corpus stays far below both (longest sentence 513, longest chunk 831 characters).
MAX_SENTENCE_CHARS = 1000
_CJK_CHAR = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNIT = re.compile(f"([{_CJK_CHAR}])|[^\\s{_CJK_CHAR}]+")  # one CJK character (group 1) or one run without spaces
_ALNUM = re.compile("[A-Za-z0-9]")


def max_chunk_chars(max_words: int) -> int:
    """The hard character cap of one chunk for a word target (2,000 characters at the default 110 words)."""
    return max(2000, 16 * max_words)


def size_of(text: str) -> float:
    """Chunk size in word units: English words plus 0.6 per CJK character."""
    cjk = cjk_count(text)
    words = len([w for w in text.split() if any(c.isascii() and c.isalnum() for c in w)])
    return words + 0.6 * cjk


def _cut(body: str, a: int, b: int, max_words: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut the span body[a:b] into pieces of at most max_words and max_chars, at word (or CJK character) boundaries;
    a single word longer than max_chars is cut hard. Linear in the span length."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    size = 0.0
    last = a
    for m in _UNIT.finditer(body, a, b):
        s, e = m.span()
        while e - s > max_chars:  # one enormous "word" (no spaces at all)
            if start is not None:
                out.append((start, last))
                start, size = None, 0.0
            out.append((s, s + max_chars))
            s += max_chars
        w = 0.6 if m.group(1) else (1.0 if _ALNUM.search(body, s, e) else 0.0)  # as in size_of
        if start is not None and (size + w > max_words or e - start > max_chars):
            out.append((start, last))
            start, size = None, 0.0
        if start is None:
            start = s
        size += w
        last = e
    if start is not None:
        out.append((start, last))
    return out


def _capped_spans(body: str, max_words: int, max_chars: int) -> list[tuple[int, int]]:
    """Sentence spans of body, with over-long sentences (no full stop for pages) cut into bounded pieces."""
    sentence_cap = min(MAX_SENTENCE_CHARS, max_chars)
    out: list[tuple[int, int]] = []
    for a, b in sentence_spans(body):
        if b - a > sentence_cap:
            out.extend(_cut(body, a, b, max_words, sentence_cap))
        else:
            out.append((a, b))
    return out


def _pieces(par: Paragraph, max_words: int, overlap: int) -> list[tuple[str, int, int]]:
    """A paragraph's text without tags, split by sentences when it is longer than max_words (or max_chunk_chars)."""
    body, _ = split_tags(par.text)
    max_chars = max_chunk_chars(max_words)
    if size_of(body) <= max_words and len(body) <= max_chars:
        return [(body, par.start, par.end)]
    spans = _capped_spans(body, max_words, max_chars)
    sizes = [size_of(body[s:e]) for s, e in spans]
    joiner = "" if cjk_count(body) > len(body) / 3 else " "
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(spans):
        j = i
        total = 0.0
        chars = 0
        while j < len(spans) and (j == i or (total + sizes[j] <= max_words
                                             and chars + len(joiner) + spans[j][1] - spans[j][0] <= max_chars)):
            total += sizes[j]
            chars += (len(joiner) if j > i else 0) + spans[j][1] - spans[j][0]
            j += 1
        a, b = spans[i][0], spans[j - 1][1]
        text = joiner.join(body[s:e] for s, e in spans[i:j])
        out.append((text, par.start + a, par.start + b))
        if j >= len(spans):
            break
        i = max(j - overlap, i + 1)
    return out


def chunk_document(doc: Document, max_words: int = 110, overlap: int = 1) -> list[Chunk]:
    """Chunks never cross a heading; short paragraphs of one section are packed together up to max_words."""
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for section in doc.sections:
        for group in _groups(section, max_words, overlap):
            texts, pars, start, end, p0, p1, tags, page, piece_tags = group
            sep = "" if doc.lang == "zh" else " "
            text = sep.join(texts)
            firsts = [i for i in range(len(texts)) if not i or pars[i] != pars[i - 1]]  # each paragraph's first piece
            breaks = tuple(sum(len(t) + len(sep) for t in texts[:i]) for i in firsts[1:])
            par_sources = tuple(piece_tags[i] for i in firsts)
            cid = hashlib.sha256(f"{doc.id}\x00{'/'.join(section.path)}\x00{text}".encode()).hexdigest()[:20]
            if cid in seen:  # the same text twice under one heading (a repeated paragraph, a long repeated line): keep one
                continue
            seen.add(cid)
            chunks.append(
                Chunk(
                    id=cid, doc_id=doc.id, ordinal=len(chunks), text=text, lang=doc.lang, title=doc.title,
                    heading_path=section.path or (doc.title,), section_ordinal=section.ordinal,
                    para_start=p0, para_end=p1, start=start, end=end, sources=tags, twin_doc_id=doc.twin,
                    origin=doc.origin, page=page, topic=doc.topic, breaks=breaks, par_sources=par_sources,
                )
            )
    return chunks


# texts, their paragraphs, offsets, paragraph span, tags, page, each text's tags
Group = tuple[list[str], list[int], int, int, int, int, tuple[str, ...], "int | None", list[tuple[str, ...]]]


def _groups(section: Section, max_words: int, overlap: int) -> list[Group]:
    groups: list[Group] = []
    cur: list[str] = []
    cur_pars: list[int] = []
    cur_tags: list[str] = []
    cur_piece_tags: list[tuple[str, ...]] = []
    start = end = p0 = 0
    page: int | None = None
    size = 0.0
    chars = 0
    max_chars = max_chunk_chars(max_words)
    idx_prev = 0
    for idx, par in enumerate(section.paragraphs):
        _, ptags = split_tags(par.text)
        for text, a, b in _pieces(par, max_words, overlap):
            s = size_of(text)
            if cur and (size + s > max_words or chars + 1 + len(text) > max_chars or par.page != page):
                groups.append((cur, cur_pars, start, end, p0, idx_prev, tuple(dict.fromkeys(cur_tags)), page, cur_piece_tags))
                cur, cur_pars, cur_tags, cur_piece_tags, size, chars = [], [], [], [], 0.0, 0
            if not cur:
                start, p0, page = a, idx, par.page
            cur.append(text)
            cur_pars.append(idx)
            cur_tags.extend(ptags or par.tags)
            cur_piece_tags.append(tuple(ptags or par.tags))
            end, size, idx_prev = b, size + s, idx
            chars += len(text) + 1
    if cur:
        groups.append((cur, cur_pars, start, end, p0, idx_prev, tuple(dict.fromkeys(cur_tags)), page, cur_piece_tags))
    return groups


def chunk_documents(docs: list[Document], max_words: int = 110, overlap: int = 1) -> list[Chunk]:
    """Chunk many documents."""
    return [c for d in docs for c in chunk_document(d, max_words, overlap)]
