"""Hybrid retrieval: dense (Chroma) and BM25 per language, fused by reciprocal rank fusion, twins de-duplicated."""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from .buildfiles import ConceptIndex, chunk_map, concept_map, load_build_files, token_map
from .concept_rank import GroupCodes, rank_rows
from .config import Settings
from .embeddings import Embedder, get_embedder
from .frame import Framer
from .lexical import LexicalIndex
from .lexicon import load_lexicon
from .store import Backend, Manifest, open_current
from .text import tokenize
from .types import Chunk, Hit, Lang

LANGS: tuple[Lang, Lang] = ("en", "zh")


class Retriever:
    """Searches the current index build; load once per process and share."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        t0 = time.perf_counter()
        self.settings = settings
        self.backend = Backend(settings.index_dir, settings.chroma_url, settings.collection_prefix)
        self.manifest: Manifest
        self.manifest, self.collection = open_current(self.backend, settings.index_hash())
        self.embedder = embedder or get_embedder(settings)
        self.lexicon = load_lexicon(settings.lexicon_path)
        # the build's saved files, memory-mapped: chunks are read when a query touches them (assistant/buildfiles.py)
        files = load_build_files(self.backend, self.manifest, self.collection, self.lexicon.broader_closure)
        self.table = files.table
        self.chunks = chunk_map(self.table)
        self.tokens = token_map(self.table)
        self.concepts = concept_map(self.table)  # each chunk's concepts with their broader concepts
        self.by_concept = ConceptIndex(self.table)
        self._groups = GroupCodes(self.table)  # section group of each heading, for concept ranking
        self.lexical: dict[str, LexicalIndex] = files.lexical
        self.doc_titles: dict[str, tuple[str, Lang, str]] = files.doc_titles
        self.words = files.words
        self.framer = Framer(self.lexicon, {lg: self.lexical[lg].df for lg in LANGS}, self.words)
        self.load_ms = (time.perf_counter() - t0) * 1000

    # --- search ----------------------------------------------------------------
    def search(self, query: str, lang: Lang, k: int | None = None, origins: Sequence[str] | None = None,
               timings: dict[str, float] | None = None, mode: str | None = None,
               cross_language: bool | None = None, concepts: Sequence[str] = (), context: Sequence[str] = (),
               groups: Sequence[str] = (), qvec: np.ndarray | None = None) -> list[Hit]:
        """Fused top-k hits for a (Simplified-script) query in `lang`; `concepts` (the question's own) and `context`
        (inherited from the conversation) add a concept-match list, `groups` (asked section groups) favour passages
        from those sections; `qvec` is the query's vector when the caller embedded it already (`query_vectors`)."""
        s = self.settings
        k = k or s.top_k
        mode = mode or s.retrieval_mode
        cross = s.cross_language if cross_language is None else cross_language
        langs = LANGS if cross else (lang,)
        lists: list[tuple[float, str, list[tuple[str, float]]]] = []
        dense_best: dict[str, float] = {}
        t = time.perf_counter()
        if mode in ("hybrid", "dense"):
            if qvec is None:
                qvec = self.embedder.embed_query(query)
                _tick(timings, "embed", t)
            t = time.perf_counter()
            for lg in langs:
                res = self._untwinned(self.collection.query(qvec, s.candidates, lang=lg, origins=origins), lg != lang)
                lists.append((1.0 if lg == lang else s.other_lang_weight, "dense", res))
                dense_best.update(res)
            _tick(timings, "dense", t)
        t = time.perf_counter()
        if mode in ("hybrid", "lexical"):
            for lg in langs:
                res = self.lexical[lg].search(tokenize(query, lg), s.candidates * 2 if origins else s.candidates)
                if origins:
                    res = [(cid, sc) for cid, sc in res if self.chunks[cid].origin in origins][: s.candidates]
                res = self._untwinned(res, lg != lang)
                lists.append((1.0 if lg == lang else s.other_lang_weight, "bm25", res))
            _tick(timings, "lexical", t)
        t = time.perf_counter()
        if concepts or context:
            for lg in langs:
                res = self._untwinned(self.concept_search(concepts, context, groups, lg, origins, s.candidates), lg != lang)
                lists.append((s.concept_weight * (1.0 if lg == lang else s.other_lang_weight), "concept", res))
            _tick(timings, "concepts", t)
            t = time.perf_counter()
        hits = self._fuse(lists, dense_best, k)
        _tick(timings, "fuse", t)
        return hits

    def query_vectors(self, queries: Sequence[str], timings: dict[str, float] | None = None) -> list[np.ndarray | None]:
        """The vectors of several queries embedded in one batch, for `search(qvec=...)`: one call to the model costs far
        less than one per query (a two-part question searches three times; measured in docs/performance.md). Nones when
        the retrieval mode has no dense search."""
        if (self.settings.retrieval_mode not in ("hybrid", "dense")) or not queries:
            return [None] * len(queries)
        t = time.perf_counter()
        vecs = self.embedder.embed(list(queries), "query")
        _tick(timings, "embed", t)
        return list(vecs)

    def concept_idf(self, concepts: Sequence[str]) -> dict[str, float]:
        """Inverse passage frequency of concepts (a concept few passages mention is more specific)."""
        n = max(1, len(self.chunks))
        return {c: math.log(1 + n / (1 + self.table.concept_count(c))) for c in concepts}

    def concept_search(self, concepts: Sequence[str], context: Sequence[str], groups: Sequence[str], lang: Lang,
                       origins: Sequence[str] | None, k: int) -> list[tuple[str, float]]:
        """Passages of one language ranked by the question's concepts they mention (`judge.concept_scores`, computed on
        the chunk table's arrays by `concept_rank.rank_rows`: a broad concept is in most passages of a large index)."""
        rows = self.table.concept_rows(self.lexicon.broader_closure(list(concepts) + list(context)), lang, origins)
        idf = self.concept_idf(self.lexicon.broader_closure(list(concepts) + list(context)))
        closure = {c: tuple(self.lexicon.broader_closure([c])[1:]) for c in list(concepts) + list(context)}
        return rank_rows(self.table, self._groups, rows, list(concepts), list(context), closure, idf, groups, k)

    def _untwinned(self, res: list[tuple[str, float]], other_lang: bool) -> list[tuple[str, float]]:
        """In the other language keep only passages with no twin in the question's language: twinned documents are
        already searched in the question's language (measured: docs/retrieval.md), untwinned ones (e.g. an English PDF a
        user ingested) are reachable only this way."""
        if not other_lang:
            return res
        return [(cid, sc) for cid, sc in res if not self.table.twinned[self.table.row(cid)]]  # its twin is in the index

    def _fuse(self, lists: list[tuple[float, str, list[tuple[str, float]]]], dense: dict[str, float], k: int) -> list[Hit]:
        # other-language lists hold only untwinned passages (see _untwinned), so twins never appear twice
        return [Hit(chunk=self.chunks[cid], score=sc, rank=i + 1, retrievers=names, dense=dense.get(cid), lexical=lex)
                for i, (cid, sc, names, lex) in enumerate(fuse(lists, self.settings.rrf_k, k))]

    # --- helpers for answers and the UI ---------------------------------------------
    def twin_chunks(self, chunk: Chunk) -> list[Chunk]:
        """Chunks of the twin document covering the same section and paragraphs."""
        if not chunk.twin_doc_id:
            return []
        same = [self.table.record(r)[0] for r in self.table.doc_rows(chunk.twin_doc_id, chunk.section_ordinal)]
        return [c for c in same if c.para_start <= chunk.para_end and c.para_end >= chunk.para_start]

    def twin_text(self, chunk: Chunk) -> str:
        """The passage's twin in the other language ('' when there is none)."""
        return " ".join(c.text for c in self.twin_chunks(chunk)) if chunk.lang == "en" else "".join(
            c.text for c in self.twin_chunks(chunk))

    def section_chunks(self, slugs: Sequence[str], lang: Lang, group: str) -> list[Chunk]:
        """Chunks of the named documents (slugs) in one language and section group, in document order."""
        from .sections import group_of

        wanted = {f"{slug}-{lang}": i for i, slug in enumerate(slugs)}
        rows = [r for doc in sorted(wanted, key=wanted.__getitem__) for r in self.table.doc_rows(doc)]  # by section, position
        return [c for c in (self.table.record(r)[0] for r in rows) if group_of(c.heading_path) == group]

    def neighbours(self, chunk: Chunk) -> list[Chunk]:
        """The passages just before and after `chunk` in its section."""
        rows = self.table.doc_rows(chunk.doc_id, chunk.section_ordinal)
        return [c for c in (self.table.record(r)[0] for r in rows) if abs(c.ordinal - chunk.ordinal) == 1]

    def titles(self, lang: Lang) -> list[str]:
        """Titles of the bundled documents in one language."""
        return sorted({t for t, lg, o in self.doc_titles.values() if lg == lang and o == "bundled"})


def fuse(lists: Sequence[tuple[float, str, Sequence[tuple[str, float]]]], rrf_k: int, k: int
         ) -> list[tuple[str, float, tuple[str, ...], float | None]]:
    """Weighted reciprocal-rank fusion: each list (weight, retriever name, [(id, score) best first]) adds
    weight / (rrf_k + rank) to its passages; the best k as (id, fused score, retrievers that found it, best BM25 score),
    ties in first-seen order."""
    score: dict[str, float] = defaultdict(float)
    found: dict[str, set[str]] = defaultdict(set)
    lex: dict[str, float] = {}
    for weight, name, res in lists:
        for rank, (cid, sc) in enumerate(res):
            score[cid] += weight / (rrf_k + rank + 1)
            found[cid].add(name)
            if name == "bm25":
                lex[cid] = max(lex.get(cid, 0.0), sc)
    ranked = sorted(score.items(), key=lambda kv: -kv[1])[:k]
    return [(cid, sc, tuple(sorted(found[cid])), lex.get(cid)) for cid, sc in ranked]


def _tick(timings: dict[str, float] | None, name: str, t0: float) -> None:
    if timings is not None:
        timings[name] = timings.get(name, 0.0) + (time.perf_counter() - t0) * 1000
