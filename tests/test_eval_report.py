"""write_report on hand-made results (no engine, no index)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from assistant.benchsets import Item
from assistant.eval_report import write_report
from assistant.evaluation import Result, metrics


def _answer(text: str, abstained: bool = False, urgent: bool = False, cited: bool = True) -> dict[str, Any]:
    cites = [{"n": 1, "chunk_id": "pdph-en-0003", "doc_id": "pdph-en", "title": "Post-dural puncture headache",
              "section": "Recognition and management", "text": "Epidural blood patch is the definitive treatment."}] if cited else []
    return {"answer": text, "abstained": abstained, "urgent": urgent, "citations": cites, "timings_ms": {"total": 12.5}}


def _results() -> list[Result]:
    pdph_en = Item("en-fact-1", "en", "factoid", "How is PDPH treated?", must=(("blood patch",),), gold_doc_ids=("pdph",))
    pdph_zh = Item("zh-fact-1", "zh", "factoid", "硬膜穿刺后头痛如何治疗？", must=(("血补片",),), gold_doc_ids=("pdph",))
    oos = Item("en-oos-1", "en", "out_of_scope", "What is the capital of France?", answerable=False)
    emerg = Item("zh-emer-1", "zh", "emergency", "注射后患者突然不能动腿怎么办？", must=(("MRI",),), gold_doc_ids=("esi-general",))
    return [
        Result(pdph_en, _answer("- An epidural blood patch is the definitive treatment. [1]"), True, True, ["pdph", "last"], True, 10.0),
        Result(pdph_zh, _answer("- 保守治疗包括卧床和补液。[1]"), False, False, ["last", "pdph"], True, 20.0),
        Result(oos, _answer("- Paris. [1]"), None, None, ["last"], True, 5.0),
        Result(emerg, _answer("立即评估。\n- 尽快行MRI检查。[1]", urgent=False), True, True, ["esi-general"], False, 40.0),
    ]


def test_write_report_writes_every_file(tmp_path: Path) -> None:
    results = _results()
    runs = {"default": results, "lexical": results[:3]}
    all_metrics = {name: metrics(rs, 5) for name, rs in runs.items()}
    out = tmp_path / "rep"
    write_report(out, runs, all_metrics, 5, ["eval/sets/dev.jsonl"])

    for name in ("metrics.json", "results.csv", "report.md", "metrics_by_group.png", "latency.png", "compare.png"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert (out / "metrics_by_group.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    data = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert data == {"sets": ["eval/sets/dev.jsonl"], "k": 5, "configs": json.loads(json.dumps(all_metrics))}

    raw = (out / "results.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    assert len(rows) == 4 + 3
    zh = next(r for r in rows if r["id"] == "zh-fact-1" and r["config"] == "default")
    assert zh["question"] == "硬膜穿刺后头痛如何治疗？" and zh["answer"] == "- 保守治疗包括卧床和补液。[1]"
    assert zh["keyword_hit"] == "False" and zh["top_docs"] == "last;pdph"
    assert zh["citations"].startswith("[1] Post-dural puncture headache \u203a Recognition and management")
    assert next(r for r in rows if r["id"] == "en-oos-1")["keyword_hit"] == ""

    md = (out / "report.md").read_text(encoding="utf-8")
    assert "| group | n | keyword hit | answer-only keyword hit | hit@5 | MRR | nDCG@10 |" in md
    assert "### default" in md and "### lexical" in md and "eval/sets/dev.jsonl" in md
    assert "| en/factoid | 1 |" in md and "| all | 4 |" in md
    assert md.index("| zh/emergency |") < md.index("| en | ") < md.index("| all | ")
    failed = md[md.index("## Failed items"):]
    assert "zh-fact-1" in failed and "硬膜穿刺后头痛如何治疗？" in failed and "保守治疗包括卧床和补液" in failed
    assert "en-oos-1" in failed and "zh-emer-1" in failed and "en-fact-1" not in failed
    assert "![" in md and "(compare.png)" in md and "(latency.png)" in md


def test_single_config_has_no_compare_plot_and_long_answers_are_cut(tmp_path: Path) -> None:
    item = Item("en-fact-2", "en", "factoid", "Q | with a pipe?", must=(("never",),))
    res = Result(item, _answer("x" * 500 + " [1]"), False, False, [], True, 0.0)
    write_report(tmp_path, {"default": [res]}, {"default": metrics([res], 3)}, 3, ["a.jsonl"])
    assert not (tmp_path / "compare.png").exists()
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "hit@3" in md and "x" * 200 + "…" in md and "x" * 201 not in md and "Q \\| with a pipe?" in md
