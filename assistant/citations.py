"""Numbered citations: the one place that numbers cited passages, builds their `Citation` and writes `[n]` markers.

Used by the extractive answer (answer.py), the LLM answer (llm.py) and the scenario explanations of the app."""

from __future__ import annotations

from .references import References
from .types import Chunk, Citation, Lang

USER_DOC = {"en": "your document", "zh": "您的文档"}


def cite(n: int, chunk: Chunk, references: References) -> Citation:
    """Citation number n of a passage, with the full references of its source tags."""
    return Citation(n=n, chunk=chunk, text=chunk.text, references=tuple(references.format(t) for t in chunk.sources))


def marker(n: int, chunk: Chunk, lang: Lang) -> str:
    """`[n]`, or `[n · your document]` for a passage from the user's own documents (in the answer's language)."""
    return f"[{n}]" if chunk.origin == "bundled" else f"[{n} · {USER_DOC[lang]}]"


class Citer:
    """Numbers passages 1, 2, … in order of first use and keeps their citations (a passage cited twice keeps its number)."""

    def __init__(self, references: References) -> None:
        self.references = references
        self.citations: list[Citation] = []
        self._numbers: dict[str, int] = {}
        self._last = 0

    def number(self, chunk: Chunk) -> int:
        """The passage's number, given (and its citation added) on first use."""
        if chunk.id not in self._numbers:
            self._last += 1
            self._numbers[chunk.id] = self._last
            self.citations.append(cite(self._last, chunk, self.references))
        return self._numbers[chunk.id]

    def reserve(self) -> int:
        """The next number for a source cited without a passage (a reference only); no citation is added."""
        self._last += 1
        return self._last

    def marker(self, chunk: Chunk, lang: Lang) -> str:
        """The passage's `[n]` marker (numbering it on first use)."""
        return marker(self.number(chunk), chunk, lang)
