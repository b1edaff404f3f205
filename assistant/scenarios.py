"""The trainee scenario bank (corpus/scenarios/*.yaml): load, validate, and number the explanation's source tags."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .types import Lang

LANGS: tuple[Lang, Lang] = ("en", "zh")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader: the bank loads ~7x faster
N_OPTIONS = 4
# `[Uppal2023-PDPH; AnesthesiaExperts]`: source tags (each with a letter) separated by semicolons
_TAG = r"[A-Za-z0-9][\w.\-]*"
TAG_GROUP = re.compile(rf"\[\s*((?=[^\]]*[A-Za-z]){_TAG}(?:\s*;\s*{_TAG})*)\s*\]")


@dataclass(frozen=True)
class ScenarioText:
    """One language version of a scenario."""

    vignette: str
    question: str
    options: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class Scenario:
    """A multiple-choice case: the same case in English and Chinese, its correct option and the sources it rests on."""

    id: str
    topic: str
    difficulty: int
    correct: int
    texts: dict[str, ScenarioText]
    doc_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    file: str = ""

    def text(self, lang: str) -> ScenarioText:
        """The scenario in `lang` (English when that language is missing)."""
        return self.texts.get(lang) or self.texts["en"]


@dataclass
class Bank:
    """The valid scenarios of a folder and the problems of the invalid ones (`file item n: what`)."""

    scenarios: list[Scenario] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    count: int = 0  # items read, valid or not

    def by_id(self) -> dict[str, Scenario]:
        """Scenarios by id."""
        return {s.id: s for s in self.scenarios}


def scenario_problems(item: Any, ids: set[str], slugs: Collection[str] = (), tags: Collection[str] = (),
                      topics: Collection[str] = ()) -> list[str]:
    """Problems of one scenario mapping (empty = valid). `ids` collects the ids seen so far (duplicates are problems);
    `slugs`, `tags` and `topics`, when given, are the corpus documents, reference tags and topics to check against."""
    if not isinstance(item, dict):
        return ["must be a mapping"]
    out: list[str] = []
    sid = item.get("id")
    if not isinstance(sid, str) or not sid or sid in ids:
        out.append(f"missing or duplicate id {sid!r}")
    ids.add(str(sid))
    if not isinstance(item.get("topic"), str) or (topics and item.get("topic") not in topics):
        out.append(f"topic {item.get('topic')!r} unknown")
    if item.get("difficulty") not in (1, 2, 3):
        out.append("difficulty must be 1, 2 or 3")
    correct = item.get("correct")
    if not isinstance(correct, int) or isinstance(correct, bool) or not 0 <= correct < N_OPTIONS:
        out.append(f"correct must be 0-{N_OPTIONS - 1}")
    doc_ids = item.get("doc_ids")
    if not isinstance(doc_ids, list) or not doc_ids:
        out.append("doc_ids must list the documents it rests on")
    else:
        out.extend(f"doc_ids: {d!r} is not a corpus document" for d in doc_ids if slugs and d not in slugs)
    sources = item.get("sources") or []
    if not isinstance(sources, list):
        out.append("sources must be a list of reference tags")
    else:
        out.extend(f"sources: tag {t!r} has no reference" for t in sources if tags and t not in tags)
    for lang in LANGS:
        out.extend(_text_problems(lang, item.get(lang), tags))
    return out


def _text_problems(lang: str, part: Any, tags: Collection[str]) -> list[str]:
    """Problems of one language's texts of a scenario (vignette, question, options, explanation)."""
    if not isinstance(part, dict):
        return [f"{lang}: missing"]
    out = [f"{lang}.{key}: missing" for key in ("vignette", "question", "explanation")
           if not isinstance(part.get(key), str) or not part[key].strip()]
    opts = part.get("options")
    if not isinstance(opts, list) or len(opts) != N_OPTIONS or not all(isinstance(o, str) and o.strip() for o in opts):
        out.append(f"{lang}.options: must be {N_OPTIONS} non-empty strings")
    if tags and isinstance(part.get("explanation"), str):
        out.extend(f"{lang}.explanation: tag {t!r} has no reference" for t in explanation_tags(part["explanation"]) if t not in tags)
    return out


def _scenario(item: dict[str, Any], file: str) -> Scenario:
    texts: dict[str, ScenarioText] = {
        lang: ScenarioText(item[lang]["vignette"].strip(), item[lang]["question"].strip(),
                           tuple(o.strip() for o in item[lang]["options"]), item[lang]["explanation"].strip())
        for lang in LANGS}
    return Scenario(item["id"], item["topic"], int(item["difficulty"]), int(item["correct"]), texts,
                    tuple(item.get("doc_ids") or ()), tuple(item.get("sources") or ()), file)


def load_bank(folder: Path, slugs: Collection[str] = (), tags: Collection[str] = (), topics: Collection[str] = ()) -> Bank:
    """Every `*.yaml` of the folder, sorted by file name; invalid scenarios are left out and reported in `problems`."""
    bank = Bank()
    ids: set[str] = set()
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            items = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []  # noqa: S506 - a safe loader
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            bank.problems.append(f"scenarios/{path.name}: not valid YAML ({str(exc).splitlines()[0]})")
            continue
        if not isinstance(items, list):
            bank.problems.append(f"scenarios/{path.name}: must be a YAML list of scenarios")
            continue
        for n, item in enumerate(items, start=1):
            bank.count += 1
            problems = scenario_problems(item, ids, slugs, tags, topics)
            if problems:
                bank.problems.extend(f"scenarios/{path.name} item {n}: {p}" for p in problems)
            else:
                bank.scenarios.append(_scenario(item, path.name))
    return bank


def explanation_tags(text: str) -> list[str]:
    """The source tags cited in an explanation, in order of first appearance."""
    out: list[str] = []
    for m in TAG_GROUP.finditer(text):
        for tag in re.split(r"\s*;\s*", m.group(1).strip()):
            if tag and tag not in out:
                out.append(tag)
    return out


def number_tags(text: str, numbers: dict[str, int]) -> str:
    """Replace every `[TagA; TagB]` by the numbers of its tags (`[1, 2]`); a tag without a number is kept by name."""
    def sub(m: re.Match[str]) -> str:
        marks: list[str] = []
        for tag in re.split(r"\s*;\s*", m.group(1).strip()):
            mark = str(numbers[tag]) if tag in numbers else tag
            if mark not in marks:
                marks.append(mark)
        return "[" + ", ".join(sorted(marks, key=lambda x: (not x.isdigit(), int(x) if x.isdigit() else 0, x))) + "]"

    return TAG_GROUP.sub(sub, text)


def topics_of(scenarios: Iterable[Scenario]) -> list[str]:
    """The topics present, sorted."""
    return sorted({s.topic for s in scenarios})
