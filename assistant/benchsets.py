"""Benchmark set format (eval/sets/*.jsonl): load and validate with line numbers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError

KINDS = ("factoid", "scenario", "followup", "emergency", "out_of_scope")
CATEGORIES = ("synonym", "abbreviation", "brand", "us_spelling", "typo", "traditional", "mixed_language", "multipart",
              "followup", "near_miss", "out_of_scope", "plain", "emergency", "alarming_non_emergency")
ASPECTS = ("overview", "complications", "risk", "prevention", "management", "evidence")
PATHWAYS = ("last", "neuraxial-deficit", "implant-infection", "airway-haematoma", "epiduroscopy-pressure", "pneumothorax",
            "esi-stroke", "idd-overdose", "vasovagal", "baclofen-withdrawal", "contrast-anaphylaxis", "total-spinal",
            "cement-embolism", "dural-puncture-red-flags", "unstable-vitals", "sudden-severe-headache", "sedation-depression",
            "cardiorespiratory-arrest")
SPLITS = ("tune", "holdout")
MAX_SET_BYTES = 5 * 1024 * 1024

Groups = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Item:
    """One benchmark question.

    `parts` holds one keyword-group list per ask of a multi-part question (`must` is their concatenation);
    `urgent` None means the default for the kind (True for emergency items); read it through `is_urgent`.
    """

    id: str
    lang: str
    kind: str
    question: str
    history: tuple[str, ...] = ()
    answerable: bool = True
    must: Groups = ()
    gold_doc_ids: tuple[str, ...] = ()
    source: str = ""
    category: str = ""
    parts: tuple[Groups, ...] = ()
    aspect: str = ""
    urgent: bool | None = None
    pathway: str = ""
    actions: Groups = ()
    split: str = ""

    @property
    def is_urgent(self) -> bool:
        """Whether the question describes an emergency happening now (default: kind is emergency)."""
        return self.kind == "emergency" if self.urgent is None else self.urgent


def _is_groups(value: Any) -> bool:
    """A list of non-empty lists of non-empty strings (the `must` / `actions` shape)."""
    return isinstance(value, list) and all(isinstance(g, list) and g and all(isinstance(k, str) and k for k in g) for g in value)


def _groups(value: list[list[str]]) -> Groups:
    return tuple(tuple(g) for g in value)


def _optional_fields(obj: dict[str, Any], where: str) -> list[str]:
    """Errors in the optional fields category, parts, aspect, urgent, pathway, actions and split."""
    errs: list[str] = []

    def one_of(key: str, allowed: tuple[str, ...]) -> None:
        if key in obj and obj[key] not in allowed:
            errs.append(f"{where}: `{key}` must be one of {', '.join(allowed)} (got {obj[key]!r})")

    one_of("category", CATEGORIES)
    one_of("aspect", ASPECTS)
    one_of("pathway", PATHWAYS)
    one_of("split", SPLITS)
    if "urgent" in obj and not isinstance(obj["urgent"], bool):
        errs.append(f"{where}: `urgent` must be true or false")
    urgent = obj.get("urgent", obj["kind"] == "emergency") is True
    for key in ("pathway", "actions"):
        if key in obj and not urgent:
            errs.append(f"{where}: `{key}` is only for urgent items (set `urgent: true` or drop `{key}`)")
    if "actions" in obj and not (_is_groups(obj["actions"]) and obj["actions"]):
        errs.append(f"{where}: `actions` must be a non-empty list of non-empty keyword lists")
    if "parts" in obj:
        parts = obj["parts"]
        if not (isinstance(parts, list) and len(parts) >= 2 and all(_is_groups(p) and p for p in parts)):
            errs.append(f"{where}: `parts` must list at least 2 parts, each a non-empty list of non-empty keyword lists")
        elif _is_groups(obj["must"]) and [g for p in parts for g in p] != obj["must"]:
            errs.append(f"{where}: `must` must be the concatenation of the groups in `parts`")
    return errs


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
    if not _is_groups(must):
        errs.append(f"{where}: `must` must be a list of non-empty keyword lists")
    gold = obj.get("gold_doc_ids", [])
    if not isinstance(gold, list) or not all(isinstance(g, str) for g in gold):
        errs.append(f"{where}: `gold_doc_ids` must be a list of strings")
    errs += _optional_fields(obj, where)
    if errs:
        return None, errs
    return Item(obj["id"], obj["lang"], obj["kind"], obj["question"], tuple(hist), obj["answerable"], _groups(must),
                tuple(gold), where.split(":")[0], category=obj.get("category", ""),
                parts=tuple(_groups(p) for p in obj.get("parts", [])), aspect=obj.get("aspect", ""), urgent=obj.get("urgent"),
                pathway=obj.get("pathway", ""), actions=_groups(obj.get("actions", [])), split=obj.get("split", "")), []


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
