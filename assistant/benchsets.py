"""Benchmark set format (eval/sets/*.jsonl): load and validate with line numbers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

KINDS = ("factoid", "scenario", "followup", "emergency", "out_of_scope")
MAX_SET_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Item:
    """One benchmark question."""

    id: str
    lang: str
    kind: str
    question: str
    history: tuple[str, ...] = ()
    answerable: bool = True
    must: tuple[tuple[str, ...], ...] = ()
    gold_doc_ids: tuple[str, ...] = ()
    source: str = ""


def _item(obj: Any, where: str) -> tuple[Item | None, list[str]]:
    errs: list[str] = []
    if not isinstance(obj, dict):
        return None, [f"{where}: must be a JSON object"]
    for key, typ in (("id", str), ("lang", str), ("kind", str), ("question", str), ("answerable", bool), ("must", list)):
        if not isinstance(obj.get(key), typ):
            errs.append(f"{where}: `{key}` must be a {typ.__name__}")
    if errs:
        return None, errs
    if obj["lang"] not in ("en", "zh"):
        errs.append(f"{where}: `lang` must be en or zh")
    if obj["kind"] not in KINDS:
        errs.append(f"{where}: `kind` must be one of {', '.join(KINDS)}")
    if not obj["question"].strip():
        errs.append(f"{where}: `question` is empty")
    hist = obj.get("history", [])
    if not isinstance(hist, list) or not all(isinstance(h, str) for h in hist):
        errs.append(f"{where}: `history` must be a list of strings")
    must = obj["must"]
    if not all(isinstance(g, list) and g and all(isinstance(k, str) and k for k in g) for g in must):
        errs.append(f"{where}: `must` must be a list of non-empty keyword lists")
    gold = obj.get("gold_doc_ids", [])
    if not isinstance(gold, list) or not all(isinstance(g, str) for g in gold):
        errs.append(f"{where}: `gold_doc_ids` must be a list of strings")
    if errs:
        return None, errs
    return Item(obj["id"], obj["lang"], obj["kind"], obj["question"], tuple(hist), obj["answerable"],
                tuple(tuple(g) for g in must), tuple(gold), where.split(":")[0]), []


def parse_set(text: str, name: str) -> tuple[list[Item], list[str]]:
    """Parse JSONL text; returns items and one error per bad line (`name:line: what`)."""
    items: list[Item] = []
    errors: list[str] = []
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON ({exc.msg})")
            continue
        item, errs = _item(obj, where)
        errors.extend(errs)
        if item:
            if item.id in seen:
                errors.append(f"{where}: duplicate id {item.id!r}")
            seen.add(item.id)
            items.append(item)
    if not items and not errors:
        errors.append(f"{name}: no items")
    return items, errors


def load_sets(paths: list[Path]) -> list[Item]:
    """Load and validate sets; any problem raises InputError listing the lines."""
    items: list[Item] = []
    errors: list[str] = []
    for path in paths:
        if not path.is_file():
            errors.append(f"{path}: no such file")
            continue
        if path.stat().st_size > MAX_SET_BYTES:
            errors.append(f"{path}: larger than {MAX_SET_BYTES // (1024 * 1024)} MB")
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            errors.append(f"{path}: not UTF-8 text")
            continue
        got, errs = parse_set(text, path.name)
        items.extend(got)
        errors.extend(errs)
    if errors:
        shown = "\n  ".join(errors[:20]) + (f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else "")
        raise InputError(f"benchmark set has errors; fix these lines:\n  {shown}")
    return items
