"""Benchmark page helpers without Streamlit: stratified sampling, metric formatting and families, the results zip."""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from assistant.benchsets import KINDS, Item

LANGS = ("en", "zh")
NA = "–"  # the metric does not apply to the group


def stratum(item: Item) -> tuple[str, str]:
    return (item.lang, item.kind)


def _order(key: tuple[str, str]) -> tuple[int, int, str, str]:
    lang, kind = key
    return (LANGS.index(lang) if lang in LANGS else 9, KINDS.index(kind) if kind in KINDS else 9, lang, kind)


def stratified_sample(items: Sequence[Item], n: int, seed: int = 0) -> list[Item]:
    """`n` items spread over language x kind (seeded, so the same set, n and seed give the same items).

    Every group gets one item while `n` allows (groups in a seeded order when `n` is smaller than the number of
    groups), the rest is shared in proportion to the groups' sizes (largest remainder). Items keep the set's order.
    `n` <= 0 or >= len(items) gives every item.
    """
    if n <= 0 or n >= len(items):
        return list(items)
    rng = random.Random(seed)
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[stratum(it)].append(i)
    keys = sorted(groups, key=_order)
    shuffled = {key: rng.sample(groups[key], len(groups[key])) for key in keys}
    take: dict[tuple[str, str], int] = dict.fromkeys(keys, 0)
    if n < len(keys):
        for key in rng.sample(keys, n):
            take[key] = 1
    else:
        for key in keys:
            take[key] = 1
        rest = n - len(keys)
        spare = {key: len(groups[key]) - 1 for key in keys}
        total = sum(spare.values())
        quotas = {key: rest * spare[key] / total for key in keys} if total else dict.fromkeys(keys, 0.0)
        for key in keys:
            take[key] += int(quotas[key])
        left = n - sum(take.values())
        by_remainder = sorted(keys, key=lambda k: (-(quotas[k] - int(quotas[k])), _order(k)))
        for key in by_remainder:
            if left <= 0:
                break
            if take[key] < len(groups[key]):
                take[key] += 1
                left -= 1
    chosen = sorted(i for key in keys for i in shuffled[key][: take[key]])
    return [items[i] for i in chosen]


def mix(items: Sequence[Item]) -> dict[tuple[str, str], int]:
    """Item count per (language, kind), in display order."""
    counts = Counter(stratum(it) for it in items)
    return {key: counts[key] for key in sorted(counts, key=_order)}


# --- metrics -----------------------------------------------------------------------------------
def families(k: int) -> dict[str, list[str]]:
    """Metric keys of `assistant.evaluation.metrics` grouped for display (each family is one narrow table)."""
    return {
        "family_answers": ["n", "keyword_hit", "answer_keyword_hit", "parts_coverage", "all_parts_covered", "citation_precision",
                           "citation_validity", "mean_bullets"],
        "family_retrieval": ["n", f"hit@{k}", "mrr", "ndcg@10", "lead_aspect_match", "off_topic_bullets"],
        "family_safety": ["n", "abstention_precision", "abstention_recall", "false_abstention", "urgent_recall", "false_urgent",
                          "pathway_accuracy", "action_in_first_two"],
        "family_latency": ["n", "latency_p50_ms", "latency_p95_ms"],
    }


COUNT_KEYS = {"n"}
PLAIN_KEYS = {"mean_bullets"}  # a count per answer, not a share


def metric_kind(key: str) -> str:
    """How a metric is shown: 'count', 'ms', 'plain' or 'share' (a percentage)."""
    if key in COUNT_KEYS:
        return "count"
    if key.endswith("_ms"):
        return "ms"
    if key in PLAIN_KEYS:
        return "plain"
    return "share"


def fmt_metric(key: str, value: Any) -> str:
    """A metric value for a table: shares as percentages, milliseconds rounded, `–` when it does not apply."""
    if value is None:
        return NA
    kind = metric_kind(key)
    if kind == "count":
        return str(int(value))
    if kind == "ms":
        return f"{float(value):,.0f}"
    if kind == "plain":
        return f"{float(value):.1f}"
    return f"{100 * float(value):.0f}%"


def fmt_delta(key: str, a: Any, b: Any) -> str:
    """b - a as a signed difference (percentage points for shares), `–` when either does not apply."""
    if a is None or b is None:
        return NA
    d = float(b) - float(a)
    kind = metric_kind(key)
    if kind == "count":
        return f"{d:+.0f}"
    if kind == "ms":
        return f"{d:+,.0f}"
    if kind == "plain":
        return f"{d:+.1f}"
    return f"{100 * d:+.0f} pp"


def group_parts(group: str) -> tuple[str, str]:
    """`en/factoid` -> ('en', 'factoid'); `en` -> ('en', ''); `factoid` -> ('', 'factoid'); `all` -> ('', 'all')."""
    if "/" in group:
        lang, kind = group.split("/", 1)
        return lang, kind
    return (group, "") if group in LANGS else ("", group)


def zip_files(files: dict[str, bytes], folder: str = "benchmark") -> bytes:
    """One zip with every file of the report (report.md next to the plots it links, CSV, JSON)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            zf.writestr(f"{folder}/{name}", files[name])
    return buf.getvalue()


def linked_images(report_md: str) -> list[str]:
    """Relative image paths a Markdown report links to."""
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", report_md)
