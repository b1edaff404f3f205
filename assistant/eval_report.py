"""`assistant eval --report DIR`: metrics.json, results.csv, report.md and PNG plots of an evaluation run."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .benchsets import CATEGORIES
from .evaluation import Result, answer_bullets, category_metrics, citation_precision, parts_covered, pathway_correct

CSV_FIELDS = ("config", "id", "lang", "kind", "category", "split", "question", "answerable", "abstained", "urgent", "verdict",
              "pathway", "keyword_hit", "answer_keyword_hit", "parts_covered", "citation_precision", "lead_group", "bullets",
              "citation_valid", "latency_ms", "top_docs", "answer", "citations")
LANG_ORDER = ("en", "zh")
KIND_ORDER = ("factoid", "scenario", "followup", "emergency", "out_of_scope")
ANSWER_PREVIEW = 200


def core_columns(k: int) -> list[tuple[str, str]]:
    """(metric key, header) pairs of the retrieval / abstention table."""
    return [
        ("n", "n"), ("keyword_hit", "keyword hit"), ("answer_keyword_hit", "answer-only keyword hit"), (f"hit@{k}", f"hit@{k}"),
        ("mrr", "MRR"), ("ndcg@10", "nDCG@10"), ("abstention_precision", "abstention precision"),
        ("abstention_recall", "abstention recall"), ("false_abstention", "false abstention"), ("urgent_recall", "urgent recall"),
        ("citation_validity", "citation validity"), ("latency_p50_ms", "latency p50 (ms)"), ("latency_p95_ms", "latency p95 (ms)"),
    ]


def quality_columns() -> list[tuple[str, str]]:
    """(metric key, header) pairs of the answer-quality table (parts, citations, bullets, emergencies)."""
    return [
        ("n", "n"), ("parts_coverage", "part coverage"), ("all_parts_covered", "all parts covered"),
        ("citation_precision", "citation precision"), ("lead_aspect_match", "lead-bullet aspect match"),
        ("off_topic_bullets", "off-topic bullets"), ("mean_bullets", "bullets per answer"), ("urgent_recall", "urgent recall"),
        ("false_urgent", "false urgent"), ("pathway_accuracy", "pathway accuracy"), ("action_in_first_two", "action in first 2 bullets"),
    ]


def category_columns(k: int) -> list[tuple[str, str]]:
    """(metric key, header) pairs of the by-category table."""
    head = [("n", "n"), ("keyword_hit", "keyword hit"), (f"hit@{k}", f"hit@{k}"), ("abstention_recall", "abstention recall"),
            ("false_abstention", "false abstention")]
    return head + [c for c in quality_columns() if c[0] != "n"]


def table_columns(k: int) -> list[tuple[str, str]]:
    """(metric key, column header) pairs of every per-group metric (both Markdown tables of a config)."""
    core = core_columns(k)
    return core + [c for c in quality_columns() if c not in core]


def write_report(out_dir: Path, runs: dict[str, list[Result]], metrics: dict[str, dict[str, Any]], k: int, sets: list[str]) -> None:
    """Write metrics.json, results.csv, report.md and the plots for one evaluation run into out_dir."""

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_category = {name: category_metrics(rs, k) for name, rs in runs.items()}
    payload = {"sets": sets, "k": k, "configs": metrics, "by_category": by_category}
    (out_dir / "metrics.json").write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    write_csv(out_dir / "results.csv", runs, k)
    images = write_plots(out_dir, runs, metrics, k)
    (out_dir / "report.md").write_text(render_markdown(runs, metrics, k, sets, images, by_category), encoding="utf-8")


# --- results.csv ---------------------------------------------------------------------------
def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def citations_text(ans: dict[str, Any]) -> str:
    """`[n] title › section (chunk id)` for every citation, joined by ` | `."""
    return " | ".join(f"[{c['n']}] {c['title']} \u203a {c['section']} ({c['chunk_id']})" for c in ans.get("citations", []))


def write_csv(path: Path, runs: dict[str, list[Result]], k: int) -> None:
    """One row per item per config; UTF-8 with BOM so spreadsheet programs read the Chinese text."""

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_FIELDS)
        for config, results in runs.items():
            for r in results:
                it, ans = r.item, r.answer
                parts = parts_covered(it, ans, k)
                prec = citation_precision(it, ans)
                bullets = answer_bullets(ans)
                writer.writerow([
                    config, it.id, it.lang, it.kind, it.category, it.split, it.question, it.answerable, ans["abstained"], ans["urgent"],
                    ans.get("verdict", ""), ans.get("pathway", ""), _cell(r.keyword_hit), _cell(r.answer_hit),
                    f"{sum(parts)}/{len(parts)}" if parts else "", "" if prec is None else f"{prec:.2f}",
                    bullets[0].get("group", "") if bullets else "", len(bullets), r.citation_valid, f"{r.latency_ms:.1f}",
                    ";".join(r.ranks[:k]), ans["answer"], citations_text(ans),
                ])


# --- report.md -----------------------------------------------------------------------------
def ordered_groups(groups: Sequence[str]) -> list[str]:
    """Language x kind groups first (en before zh, kinds in set order), then en, zh, all."""
    present = set(groups)
    cross = [f"{lg}/{kd}" for lg in LANG_ORDER for kd in KIND_ORDER if f"{lg}/{kd}" in present]
    extra = sorted(g for g in present if "/" in g and g not in cross)
    return cross + extra + [g for g in (*LANG_ORDER, "all") if g in present]


def ordered_category_groups(groups: Sequence[str]) -> list[str]:
    """Per category (in CATEGORIES order, unknown ones last): en/category, zh/category, then category."""
    present = set(groups)
    cats = [c for c in CATEGORIES if c in present] + sorted(g for g in present if "/" not in g and g not in CATEGORIES)
    return [g for c in cats for g in (*(f"{lg}/{c}" for lg in LANG_ORDER), c) if g in present]


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def _table(m: dict[str, Any], rows: list[str], cols: list[tuple[str, str]]) -> str:
    lines = ["| group | " + " | ".join(h for _, h in cols) + " |", "|---|" + "---:|" * len(cols)]
    for group in rows:
        vals = m[group]
        lines.append(f"| {group} | " + " | ".join(_fmt(vals.get(key)) for key, _ in cols) + " |")
    return "\n".join(lines)


def metrics_table(m: dict[str, Any], k: int) -> str:
    """One Markdown table: rows = language x kind groups, columns = retrieval and abstention metrics."""
    return _table(m, ordered_groups(list(m)), core_columns(k))


def quality_table(m: dict[str, Any]) -> str:
    """One Markdown table: rows = language x kind groups, columns = answer-quality metrics."""
    return _table(m, ordered_groups(list(m)), quality_columns())


def category_table(m: dict[str, Any], k: int) -> str:
    """One Markdown table: rows = language x category groups, columns = category_columns."""
    return _table(m, ordered_category_groups(list(m)), category_columns(k))


def failure_reason(r: Result, k: int) -> str | None:
    """Why an item counts as failed, or None when it passed."""

    it, ans = r.item, r.answer
    if it.answerable and r.keyword_hit is False:
        if ans["abstained"]:
            return "keyword miss (abstained)"
        missing = [str(i + 1) for i, ok in enumerate(parts_covered(it, ans, k)) if not ok]
        return "keyword miss" + (f" (part {', '.join(missing)} not covered)" if missing else "")
    if not it.answerable and not ans["abstained"]:
        return "answered out-of-scope"
    if it.is_urgent and not ans["urgent"]:
        return "emergency not flagged urgent"
    if not it.is_urgent and ans["urgent"]:
        return "flagged urgent but not an emergency"
    if "pathway" in ans and pathway_correct(it, ans) is False:
        return f"pathway {ans['pathway'] or '(none)'}, expected {it.pathway}"
    return None


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def failures_section(config: str, results: list[Result], k: int) -> str:
    """Markdown list of the failed items of one config."""
    failed = [(r, why) for r in results if (why := failure_reason(r, k))]
    lines = [f"### Failed items: {config} ({len(failed)} of {len(results)})", ""]
    if not failed:
        lines.append("None.")
    for r, why in failed:
        preview = _md_escape(r.answer["answer"])
        if len(preview) > ANSWER_PREVIEW:
            preview = preview[:ANSWER_PREVIEW] + "…"
        lines.append(f"- **{r.item.id}** ({r.item.lang}/{r.item.kind}, {why}): {_md_escape(r.item.question)}")
        lines.append(f"  - answer: {preview}")
    return "\n".join(lines)


METRIC_NOTES = (
    "Answer-quality metrics: *part coverage* = share of the parts of multi-part items whose keyword groups all match the answer "
    "and its first k cited passages (*all parts covered* = share of those items with every part covered); *citation precision* = "
    "per answered item with gold documents, the share of its citations from a gold document, averaged over items; "
    "*lead-bullet aspect match* = share of answered items with an `aspect` whose first bullet comes from that section group; "
    "*off-topic bullets* = bullets (with a citation) none of whose cited passages is from a gold document, over all such bullets "
    "of answered items with gold documents; *bullets per answer* = mean bullet count of answered items; *urgent recall* / "
    "*false urgent* = share of urgent / non-urgent items answered urgent; *pathway accuracy* = share of urgent items naming a "
    "pathway whose answer has that pathway; *action in first 2 bullets* = share of urgent items with `actions` where any action "
    "keyword is in the first two bullets. Answers without a `bullets` field are read from their `- ` lines."
)


def render_markdown(runs: dict[str, list[Result]], metrics: dict[str, dict[str, Any]], k: int, sets: list[str],
                    images: list[tuple[str, str]], by_category: dict[str, dict[str, Any]] | None = None) -> str:
    """The whole report.md text."""
    out = [
        "# Evaluation report", "",
        f"- Sets: {', '.join(sets)}",
        f"- k (cited passages counted for keyword hit; hit@k): {k}",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
        f"- Configs: {', '.join(metrics)}", "",
        "Groups are language/kind; `-` means the metric does not apply to the group (for example no out-of-scope items).", "",
        METRIC_NOTES, "",
        "## Metrics", "",
    ]
    for config, m in metrics.items():
        out += [f"### {config}", "", metrics_table(m, k), "", "Answer quality:", "", quality_table(m), ""]
    if by_category and any(by_category.values()):
        out += ["## By category", "", "Rows are language/category and category, for items that carry a `category`.", ""]
        for config, cm in by_category.items():
            if cm:
                out += [f"### {config}", "", category_table(cm, k), ""]
    if images:
        out += ["## Plots", ""]
        for alt, name in images:
            out += [f"![{alt}]({name})", ""]
    out += ["## Failed items", "",
            "Answerable items without a keyword hit, out-of-scope items that were answered, emergencies not flagged urgent, "
            "non-emergencies flagged urgent, urgent items with the wrong pathway (the parts a multi-part miss left uncovered are named).", ""]
    for config, results in runs.items():
        out += [failures_section(config, results, k), ""]
    return "\n".join(out).rstrip() + "\n"


# --- plots ---------------------------------------------------------------------------------
def _grouped_bars(ax: Any, labels: list[str], series: dict[str, list[float | None]]) -> None:
    """Grouped bars; a None value (metric not applicable) is drawn as an `n/a` label instead of a bar."""
    import numpy as np

    x = np.arange(len(labels))
    width = 0.8 / max(1, len(series))
    for i, (name, vals) in enumerate(series.items()):
        pos = x + (i - (len(series) - 1) / 2) * width
        ax.bar(pos, [v or 0.0 for v in vals], width, label=name)
        for p, v in zip(pos, vals):
            if v is None:
                ax.text(p, 0.01, "n/a", ha="center", va="bottom", rotation=90, fontsize=7, color="grey")
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=30, ha="right")
    ax.set_ylim(0, 1.2)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper center", ncol=min(len(series), 4))


def _val(m: dict[str, Any], key: str) -> float | None:
    v = m.get(key)
    return float(v) if isinstance(v, int | float) else None


def write_plots(out_dir: Path, runs: dict[str, list[Result]], metrics: dict[str, dict[str, Any]], k: int) -> list[tuple[str, str]]:
    """metrics_by_group.png, latency.png and (several configs) compare.png; returns (alt text, file name) pairs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    images: list[tuple[str, str]] = []
    if metrics:
        first = next(iter(metrics))
        m = metrics[first]
        groups = [g for g in ordered_groups(list(m)) if "/" in g]
        fig, ax = plt.subplots(figsize=(max(6.0, 0.9 * len(groups) + 2), 4.5))
        series = {key: [_val(m[g], key) for g in groups] for key in ("keyword_hit", f"hit@{k}", "citation_validity")}
        _grouped_bars(ax, groups, series)
        ax.set_title(f"Metrics by language x kind ({first})")
        fig.tight_layout()
        fig.savefig(out_dir / "metrics_by_group.png", dpi=110)
        plt.close(fig)
        images.append(("Metrics by language x kind", "metrics_by_group.png"))

    lat = {name: [r.latency_ms for r in rs] for name, rs in runs.items() if rs}
    if lat:
        fig, ax = plt.subplots(figsize=(7, 4))
        lo, hi = min(min(v) for v in lat.values()), max(max(v) for v in lat.values())
        log = lo > 0 and hi / lo > 50  # configs far apart (e.g. lexical vs dense): log-spaced bins
        bins: Any = [lo * (hi / lo) ** (i / 30) for i in range(31)] if log else ([hi * i / 30 for i in range(31)] if hi > 0 else 10)
        for name, vals in lat.items():
            ax.hist(vals, bins=bins, alpha=0.5, label=name)
        if log:
            ax.set_xscale("log")
        ax.set_xlabel("latency per item (ms)")
        ax.set_ylabel("items")
        ax.set_title("Answer latency")
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(out_dir / "latency.png", dpi=110)
        plt.close(fig)
        images.append(("Latency histogram", "latency.png"))

    if len(metrics) > 1:
        keys = ["keyword_hit", "answer_keyword_hit", "mrr", "abstention_recall", "false_abstention", "urgent_recall"]
        fig, ax = plt.subplots(figsize=(9, 4.5))
        _grouped_bars(ax, keys, {name: [_val(m.get("all", {}), key) for key in keys] for name, m in metrics.items()})
        ax.set_title("Configs compared (group: all)")
        fig.tight_layout()
        fig.savefig(out_dir / "compare.png", dpi=110)
        plt.close(fig)
        images.append(("Configs compared", "compare.png"))
    return images
