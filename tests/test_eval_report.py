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
    assert data == {"sets": ["eval/sets/dev.jsonl"], "k": 5, "configs": json.loads(json.dumps(all_metrics)),
                    "by_category": {"default": {}, "lexical": {}}}

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
    assert "| group | n | part coverage | all parts covered | citation precision | lead-bullet aspect match |" in md
    assert "## By category" not in md  # no item carries a category
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


def _bullets_answer(urgent: bool = False, pathway: str | None = None) -> dict[str, Any]:
    cites = [{"n": 1, "chunk_id": "last-en-0009", "doc_id": "last-en", "title": "LAST", "section": "Recognition and management",
              "text": "Give 20% lipid emulsion."},
             {"n": 2, "chunk_id": "pdph-en-0002", "doc_id": "pdph-en", "title": "PDPH", "section": "Prevention", "text": "Pencil-point."}]
    ans: dict[str, Any] = {"answer": "- Give 20% lipid emulsion. [1]\n- Pencil-point. [2]", "abstained": False, "urgent": urgent,
                           "citations": cites, "timings_ms": {"total": 3.0}, "verdict": "answered",
                           "bullets": [{"text": "Give 20% lipid emulsion.", "n": [1], "group": "management", "part": 0, "kind": "action"},
                                       {"text": "Pencil-point.", "n": [2], "group": "prevention", "part": 1, "kind": "fact"}]}
    if pathway is not None:
        ans["pathway"] = pathway
    return ans


def test_categories_quality_columns_and_new_failure_reasons(tmp_path: Path) -> None:
    multi = Item("st-en-multi-01", "en", "factoid", "Lipid dose, and which needle?", must=(("lipid",), ("Whitacre",)),
                 gold_doc_ids=("last",), category="multipart", split="tune", aspect="management",
                 parts=((("lipid",),), (("Whitacre",),)))
    emerg = Item("em-en-001", "en", "emergency", "Seizing after bupivacaine!", must=(("lipid",),), gold_doc_ids=("last",),
                 category="emergency", pathway="last", actions=(("lipid",),))
    calm = Item("st-zh-syn-01", "zh", "factoid", "腰穿后头痛多久好？", must=(("lipid",),), gold_doc_ids=("last",), category="synonym")
    results = [Result(multi, _bullets_answer(), False, False, ["last"], True, 3.0),
               Result(emerg, _bullets_answer(urgent=True, pathway="neuraxial-deficit"), True, True, ["last"], True, 3.0),
               Result(calm, _bullets_answer(urgent=True), True, True, ["last", "pdph"], True, 3.0)]
    write_report(tmp_path, {"default": results}, {"default": metrics(results, 2)}, 2, ["stress.jsonl"])

    data = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    cats = data["by_category"]["default"]
    assert set(cats) == {"multipart", "en/multipart", "emergency", "en/emergency", "synonym", "zh/synonym"}
    assert cats["multipart"]["parts_coverage"] == 0.5 and cats["multipart"]["all_parts_covered"] == 0.0
    assert cats["multipart"]["citation_precision"] == 0.5 and cats["multipart"]["lead_aspect_match"] == 1.0
    assert cats["emergency"]["pathway_accuracy"] == 0.0 and cats["emergency"]["action_in_first_two"] == 1.0
    assert cats["synonym"]["false_urgent"] == 1.0 and cats["synonym"]["off_topic_bullets"] == 0.5
    assert data["configs"]["default"]["all"]["mean_bullets"] == 2.0

    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    by_cat = md[md.index("## By category"):md.index("## Failed items")]
    assert by_cat.index("| en/multipart | 1 |") < by_cat.index("| multipart | 1 |") < by_cat.index("| en/emergency |")
    assert by_cat.index("| zh/synonym |") < by_cat.index("| en/emergency |")  # categories in CATEGORIES order
    failed = md[md.index("## Failed items"):]
    assert "st-en-multi-01** (en/factoid, keyword miss (part 2 not covered))" in failed
    assert "em-en-001** (en/emergency, pathway neuraxial-deficit, expected last)" in failed
    assert "st-zh-syn-01** (zh/factoid, flagged urgent but not an emergency)" in failed

    rows = list(csv.DictReader((tmp_path / "results.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)))
    first = rows[0]
    assert (first["category"], first["split"], first["verdict"], first["parts_covered"]) == ("multipart", "tune", "answered", "1/2")
    assert (first["citation_precision"], first["lead_group"], first["bullets"]) == ("0.50", "management", "2")
    assert rows[1]["pathway"] == "neuraxial-deficit" and rows[2]["top_docs"] == "last;pdph"

