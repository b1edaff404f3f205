"""The lines of an answer's text by role, for tests that check what leads: bullets ("- ") and notes ("> ")."""

from __future__ import annotations


def bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


def notes(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("> ")]
