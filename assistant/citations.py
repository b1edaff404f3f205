"""Numbered citations: the one place that numbers cited passages, builds their `Citation` and writes `[n]` markers.

Used by the extractive answer (answer.py), the LLM answer (llm.py) and the scenario explanations of the app."""

from __future__ import annotations

from .references import References
from .types import Chunk, Citation, Lang

USER_DOC = {"en": "your document", "zh": "您的文档"}


def cite(n: int, chunk: Chunk, references: References, sources: tuple[str, ...] | None = None) -> Citation:
    """Citation number n of a passage, with the full references of the source tags behind what is quoted from it
    (`sources`; None: every tag of the passage)."""
    tags = chunk.sources if sources is None else sources
    return Citation(n=n, chunk=chunk, text=chunk.text, references=tuple(references.format(t) for t in tags), sources=sources)


def quoted_span(chunk: Chunk, quoted: str) -> tuple[int, int]:
    """Where a quoted sentence sits in its passage ((-1, -1) when it is not found there as written)."""
    for probe in (quoted, quoted[:40]):
        at = chunk.text.find(probe) if probe else -1
        if at >= 0:
            return at, at + len(quoted)
    return -1, -1


def marker(n: int, chunk: Chunk, lang: Lang) -> str:
    """`[n]`, or `[n · your document]` for a passage from the user's own documents (in the answer's language)."""
    return f"[{n}]" if chunk.origin == "bundled" else f"[{n} · {USER_DOC[lang]}]"


class Citer:
    """Numbers passages 1, 2, … in order of first use and keeps their citations (a passage cited twice keeps its number)."""

    def __init__(self, references: References) -> None:
        self.references = references
        self._cited: list[tuple[int, Chunk]] = []
        self._numbers: dict[str, int] = {}
        self._quoted: dict[str, list[str] | None] = {}  # per passage: the tags behind its quoted sentences (None: all)
        self._last = 0

    @property
    def citations(self) -> list[Citation]:
        """The passages cited so far, in order of first use."""
        return [cite(n, c, self.references, None if (tags := self._quoted[c.id]) is None else tuple(dict.fromkeys(tags)))
                for n, c in self._cited]

    def number(self, chunk: Chunk, quoted: str = "") -> int:
        """The passage's number, given (and its citation added) on first use; `quoted` is the sentence cited from it, whose
        paragraph's source tags its citation lists (without one, or one not found in the passage, it lists them all)."""
        if chunk.id not in self._numbers:
            self._last += 1
            self._numbers[chunk.id] = self._last
            self._cited.append((self._last, chunk))
            self._quoted[chunk.id] = []
        tags = self._quoted[chunk.id]
        start, end = quoted_span(chunk, quoted) if quoted else (-1, -1)
        if tags is not None:
            self._quoted[chunk.id] = None if start < 0 else tags + list(chunk.sources_of(start, end))
        return self._numbers[chunk.id]

    def reserve(self) -> int:
        """The next number for a source cited without a passage (a reference only); no citation is added."""
        self._last += 1
        return self._last

    def marker(self, chunk: Chunk, lang: Lang) -> str:
        """The passage's `[n]` marker (numbering it on first use)."""
        return marker(self.number(chunk), chunk, lang)
