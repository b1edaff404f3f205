"""`assistant eval ... --export ragas FILE`: per-item rows in the shape RAGAS reads, for LLM-judged metrics elsewhere.

Rows are `user_input`, `response`, `retrieved_contexts`, `reference` (RAGAS `SingleTurnSample` fields), written as
JSON lines (`.jsonl`, for `EvaluationDataset.from_jsonl`) or one JSON array (`.json`, for `EvaluationDataset.from_list`).
RAGAS itself is not installed here: evaluators run it with their own judge model."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import InputError

FORMATS = ("ragas",)
_MARKER = re.compile(r"\s*\[\d+\]")


def ragas_row(question: str, history: tuple[str, ...] | list[str], answer: Mapping[str, Any],
              reference: str | None = None) -> dict[str, Any]:
    """One row: the user's input (earlier turns first, one per line), the answer without its [n] markers and
    closing disclaimer, the texts of the passages it cites, and the reference answer when the set has one."""
    text = str(answer.get("answer", ""))
    disclaimer = str(answer.get("disclaimer") or "")
    if disclaimer and text.rstrip().endswith(disclaimer):
        text = text.rstrip()[: -len(disclaimer)]
    response = "\n".join(_MARKER.sub("", line).rstrip() for line in text.strip().splitlines())
    return {
        "user_input": "\n".join([*history, question]),
        "response": response.strip(),
        "retrieved_contexts": [str(c.get("text", "")) for c in answer.get("citations") or []],
        "reference": reference,
    }


def rows_of(results: list[Any]) -> list[dict[str, Any]]:
    """Rows for scored eval results (`evaluation.Result`: `.item` and `.answer`)."""
    return [ragas_row(r.item.question, list(r.item.history), r.answer, getattr(r.item, "reference", None) or None)
            for r in results]


def write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write rows as JSON lines (.jsonl) or one JSON array (.json)."""
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".json"):
        raise InputError(f"export file {path}: name it .jsonl (JSON lines) or .json (one array)")
    path.parent.mkdir(parents=True, exist_ok=True)
    # ASCII escapes: RAGAS's `from_jsonl` opens the file in the platform's default encoding
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        path.write_text(json.dumps(rows, indent=1), encoding="utf-8")


def check_export(fmt: str, file: str | Path) -> Path:
    """Refuse an unknown format or file type before any item is run."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use {', '.join(FORMATS)}")
    path = Path(file)
    if path.suffix.lower() not in (".jsonl", ".json"):
        raise InputError(f"export file {path}: name it .jsonl (JSON lines) or .json (one array)")
    return path


def export_runs(fmt: str, file: str | Path, runs: Mapping[str, list[Any]]) -> list[Path]:
    """Export every configuration's results: FILE itself for one run, FILE-<config>.<ext> for each of several."""
    path = check_export(fmt, file)
    written = []
    for name, results in runs.items():
        target = path if len(runs) == 1 else path.with_name(f"{path.stem}-{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}{path.suffix}")
        write_rows(target, rows_of(results))
        written.append(target)
    return written
