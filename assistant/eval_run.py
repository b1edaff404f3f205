"""`assistant eval`: run benchmark sets over one or more configurations, then print the metrics (a table or JSON) and
write the report and exports asked for. Scoring is assistant/evaluation.py; configurations are assistant/variants.py."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .benchsets import load_sets
from .config import Settings
from .evaluation import Result, category_metrics, metrics, run_items, select_split
from .variants import engine_for, parse_config

QUALITY_COLUMNS = ("n", "keyword_hit", "false_abstention", "abstention_recall", "parts_coverage", "all_parts_covered",
                   "citation_precision", "lead_aspect_match", "off_topic_bullets", "mean_bullets", "urgent_recall",
                   "false_urgent", "pathway_accuracy", "action_in_first_two")


def run_eval(sets: Sequence[Path], settings: Settings, *, k: int = 5, compare: Sequence[str] = (), split: str | None = None,
             limit: int | None = None, report: Path | None = None, export: tuple[str, str] | None = None,
             as_json: bool = False) -> int:
    """Score the sets (their first `limit` items, of one `split`) with the settings, or with each configuration of
    `compare`; print the metrics, write a report folder and an export when asked. Returns the exit code."""
    items = select_split(load_sets(list(sets)), split)
    if limit:
        items = items[:limit]
    progress = sys.stderr.isatty()
    runs: dict[str, list[Result]] = {}
    for name, over in [parse_config(c) for c in compare] or [("default", {})]:
        runs[name] = run_items(engine_for(settings, over, progress), items, k, progress)
    all_metrics = {name: metrics(rs, k) for name, rs in runs.items()}
    by_category = {name: category_metrics(rs, k) for name, rs in runs.items()}
    if report:
        from .eval_report import write_report

        write_report(report, runs, all_metrics, k, [str(s) for s in sets])
    if export:
        from .ragas_export import export_runs

        export_runs(export[0], export[1], runs)
    if as_json:
        single = len(all_metrics) == 1 and "default" in all_metrics
        payload: dict[str, Any] = dict(all_metrics["default"]) if single else {"configs": all_metrics}
        if any(by_category.values()):  # sets with `category` fields: an extra key, the groups above are unchanged
            payload["by_category"] = by_category["default"] if single else by_category
        print(json.dumps(payload, ensure_ascii=False))
    else:
        for name, m in all_metrics.items():
            print(format_table(name, m, k))
            if by_category[name]:
                print(format_table(f"{name} by category", by_category[name], k, QUALITY_COLUMNS))
    return 0


def text_columns(k: int) -> tuple[str, ...]:
    """Metric keys of the plain-text table (hit@k follows k)."""
    return ("n", "keyword_hit", "answer_keyword_hit", f"hit@{k}", "mrr", "abstention_recall", "false_abstention",
            "urgent_recall", "citation_validity", "latency_p50_ms", "latency_p95_ms")


def format_table(name: str, m: dict[str, Any], k: int, columns: Sequence[str] | None = None) -> str:
    """Plain-text metrics table (one row per group)."""
    cols = tuple(columns) if columns else text_columns(k)
    lines = [f"== {name} ==", "group".ljust(26) + "".join(c[:12].rjust(13) for c in cols)]
    for group, vals in m.items():
        cells = []
        for c in cols:
            v = vals.get(c)
            cells.append(("-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)).rjust(13))
        lines.append(group.ljust(26) + "".join(cells))
    return "\n".join(lines)
