"""Benchmark scoring: run items through the answer path, score each answer and compute metrics per language x kind and
per category (pure functions over answer-contract dicts; the command is assistant/eval_run.py)."""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .benchsets import Item
from .sections import SECTION_GROUPS
from .types import Answer
from .types import doc_slug as slug

_MARK = re.compile(r"\[(\d+)(?: · [^\]]+)?\]")  # [n] or [n · your document]
_HEADING = re.compile(r"^(#{1,6} \S.*|\*\*[^*]+\*\*[:：]?)$")  # a section heading line (`**Part 1**`, `## Act now`)


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


def must_match(must: Sequence[Sequence[str]], text: str) -> bool:
    """Every group has at least one keyword in text (case-insensitive)."""
    low = text.lower()
    return all(any(k.lower() in low for k in group) for group in must)


def citation_valid(ans: dict[str, Any]) -> bool:
    """Every [n] resolves to a citation and every answer sentence line carries a marker (heading-only lines and `> ` scope notes excepted);
    an emergency banner with no passage under it (a picture the sources have no steps for) claims nothing uncited."""
    if ans["abstained"]:
        return not _MARK.search(ans["answer"])
    ns = {c["n"] for c in ans["citations"]}
    marks = [int(m) for m in _MARK.findall(ans["answer"])]
    if (not marks and not ans.get("urgent")) or any(m not in ns for m in marks):
        return False
    skip = {ans.get("disclaimer", ""), ans.get("escalation", "")}
    for line in ans["answer"].splitlines():
        line = line.strip()
        if line and line not in skip and not _MARK.search(line) and not _HEADING.match(line) and not line.startswith(">"):
            return False
    return True


def score_item(item: Item, ans: dict[str, Any], k: int) -> Result:
    """Score one answer against its item."""
    kh = ah = None
    if item.answerable:
        kh = must_match(item.must, answer_and_cited(ans, k)) and not ans["abstained"]
        ah = must_match(item.must, ans["answer"]) and not ans["abstained"]
    ranks = list(dict.fromkeys(slug(r["doc_id"]) for r in ans.get("retrieved", [])))
    return Result(item, ans, kh, ah, ranks, citation_valid(ans), float(ans["timings_ms"].get("total", 0.0)))


# --- answer-shape measures of one item (pure; an answer without the newer contract fields still works) -----------
def answer_and_cited(ans: dict[str, Any], k: int) -> str:
    """The answer text followed by its first k cited passages (what keyword groups are matched against)."""
    return ans["answer"] + " " + " ".join(c["text"] for c in ans["citations"][:k])


def section_group(heading: str) -> str:
    """Section group (overview, complications, risk, prevention, management, evidence) of a heading, or ''."""
    h = heading.strip().lower()
    return next((g for g, names in SECTION_GROUPS.items() if h in names), "")  # the corpus's six headings (sections.py)


def answer_bullets(ans: dict[str, Any]) -> list[dict[str, Any]]:
    """The answer's bullets: its `bullets` field, or for older answers without one the `- ` lines of the text
    (citation numbers from their [n] markers, group from the section of the first cited passage)."""
    if isinstance(ans.get("bullets"), list):
        return list(ans["bullets"])
    sections = {c["n"]: c.get("section", "") for c in ans.get("citations", [])}
    out: list[dict[str, Any]] = []
    for line in ans.get("answer", "").splitlines():
        line = line.strip()
        if not line.startswith(("- ", "• ")):
            continue
        ns = [int(m) for m in _MARK.findall(line)]
        group = section_group(sections.get(ns[0], "")) if ns else ""
        out.append({"text": _MARK.sub("", line[2:]).strip(), "n": ns, "group": group})
    return out


def parts_covered(item: Item, ans: dict[str, Any], k: int) -> list[bool]:
    """Per part of a multi-part item: do all its keyword groups match the answer + first k cited passages?"""
    if not item.parts:
        return []
    if ans["abstained"]:
        return [False] * len(item.parts)
    text = answer_and_cited(ans, k)
    return [must_match(part, text) for part in item.parts]


def citation_precision(item: Item, ans: dict[str, Any]) -> float | None:
    """Share of the answer's citations whose document slug is in gold_doc_ids (None: no gold, abstained or no citation)."""
    if not item.gold_doc_ids or ans["abstained"] or not ans["citations"]:
        return None
    gold = set(item.gold_doc_ids)
    return sum(slug(c["doc_id"]) in gold for c in ans["citations"]) / len(ans["citations"])


def pathway_correct(item: Item, ans: dict[str, Any]) -> bool | None:
    """Urgent item naming a pathway: is the answer's `pathway` that one? (None when the item names no pathway)."""
    if not item.is_urgent or not item.pathway:
        return None
    return bool(ans.get("urgent")) and ans.get("pathway", "") == item.pathway


def action_in_first_two(item: Item, ans: dict[str, Any]) -> bool | None:
    """Urgent item with `actions`: does ANY keyword of ANY action group appear in the text of the first two bullets?"""
    if not item.is_urgent or not item.actions:
        return None
    text = " ".join(str(b.get("text", "")) for b in answer_bullets(ans)[:2]).lower()
    return any(k.lower() in text for group in item.actions for k in group)


def lead_aspect_match(item: Item, ans: dict[str, Any]) -> bool | None:
    """Answered item with `aspect`: is the first bullet's section group the asked aspect? (None: no aspect or abstained)."""
    if not item.aspect or ans["abstained"]:
        return None
    bullets = answer_bullets(ans)
    return bool(bullets) and bullets[0].get("group") == item.aspect


def off_topic_bullets(item: Item, ans: dict[str, Any]) -> tuple[int, int] | None:
    """(off-topic, counted) bullets of an answered item with gold_doc_ids: a bullet with citations is off-topic when
    none of its cited passages comes from a gold document; bullets without a resolvable citation are not counted."""
    if not item.gold_doc_ids or ans["abstained"]:
        return None
    docs = {c["n"]: slug(c["doc_id"]) for c in ans["citations"]}
    gold = set(item.gold_doc_ids)
    off = counted = 0
    for b in answer_bullets(ans):
        cited = [docs[n] for n in b.get("n", []) if n in docs]
        if cited:
            counted += 1
            off += not any(d in gold for d in cited)
    return off, counted


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 4) if xs else None


def _share(flags: list[bool | None]) -> float | None:
    """Mean of the flags that apply (None = does not apply to the item)."""
    return _mean([float(f) for f in flags if f is not None])


def metrics(results: list[Result], k: int) -> dict[str, Any]:
    """Metrics overall, per language, per kind and per language x kind."""
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        for key in ("all", r.item.lang, r.item.kind, f"{r.item.lang}/{r.item.kind}"):
            groups[key].append(r)
    return {key: _group_metrics(rs, k) for key, rs in sorted(groups.items())}


def category_metrics(results: list[Result], k: int) -> dict[str, Any]:
    """The same metrics per `category` and per language x category (items without a category are left out)."""
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        if r.item.category:
            for key in (r.item.category, f"{r.item.lang}/{r.item.category}"):
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
    answered = [r for r in rs if not r.answer["abstained"]]
    urgent = [r for r in rs if r.item.is_urgent]
    parts = [parts_covered(r.item, r.answer, k) for r in rs if r.item.parts]
    off = [x for r in rs if (x := off_topic_bullets(r.item, r.answer)) is not None]
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
        "urgent_recall": _mean([float(r.answer["urgent"]) for r in urgent]),
        "false_urgent": _mean([float(r.answer["urgent"]) for r in rs if not r.item.is_urgent]),
        "pathway_accuracy": _share([pathway_correct(r.item, r.answer) for r in rs]),
        "action_in_first_two": _share([action_in_first_two(r.item, r.answer) for r in rs]),
        "parts_coverage": _mean([float(c) for p in parts for c in p]),
        "all_parts_covered": _mean([float(all(p)) for p in parts]),
        "citation_precision": _mean([p for r in rs if (p := citation_precision(r.item, r.answer)) is not None]),
        "lead_aspect_match": _share([lead_aspect_match(r.item, r.answer) for r in rs]),
        "off_topic_bullets": round(sum(o for o, _ in off) / sum(c for _, c in off), 4) if sum(c for _, c in off) else None,
        "mean_bullets": _mean([float(len(answer_bullets(r.answer))) for r in answered]),
        "citation_validity": _mean([float(r.citation_valid) for r in rs]),
        "latency_p50_ms": round(_pct(lat, 50), 2),
        "latency_p95_ms": round(_pct(lat, 95), 2),
    }


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


def select_split(items: list[Item], split: str | None) -> list[Item]:
    """Items of one split (tune or holdout); items without a `split` field (e.g. dev, test) are always kept."""
    if not split:
        return items
    return [i for i in items if not i.split or i.split == split]
