"""`assistant eval ... --export ragas FILE`: the rows RAGAS reads, from real answers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.benchsets import Item
from assistant.cli import main
from assistant.evaluation import run_items
from assistant.ragas_export import export_runs, ragas_row, rows_of

RAGAS_FIELDS = ["user_input", "response", "retrieved_contexts", "reference"]


def test_rows_from_real_answers(engine):
    items = [Item("a", "en", "factoid", "How is post-dural puncture headache treated?", (), True, (("patch",),)),
             Item("b", "zh", "followup", "一旦确诊了，应该怎么处理？", ("硬膜穿破后头痛有什么特点？",), True, (("血",),))]
    results = run_items(engine, items, k=5, progress=False)
    rows = rows_of(results)
    assert [list(r) for r in rows] == [RAGAS_FIELDS, RAGAS_FIELDS]
    first, ans = rows[0], results[0].answer
    assert first["user_input"] == items[0].question and first["reference"] is None
    assert first["retrieved_contexts"] == [c["text"] for c in ans["citations"]] and first["retrieved_contexts"]
    assert not re.search(r"\[\d+\]", first["response"]) and ans["disclaimer"] not in first["response"]
    assert first["response"].splitlines()[0] == re.sub(r"\s*\[\d+\]", "", ans["answer"].splitlines()[0]).rstrip()
    assert rows[1]["user_input"] == "硬膜穿破后头痛有什么特点？\n一旦确诊了，应该怎么处理？"


def test_row_of_an_abstention_has_no_contexts():
    row = ragas_row("Sourdough?", [], {"answer": "Not covered.\n\nDecision support only.", "disclaimer": "Decision support only.",
                                       "citations": []}, reference="n/a")
    assert row == {"user_input": "Sourdough?", "response": "Not covered.", "retrieved_contexts": [], "reference": "n/a"}


def test_export_files_one_or_several_configs(tmp_path: Path):
    class R:  # the two attributes the exporter reads from evaluation.Result
        def __init__(self, q: str) -> None:
            self.item = Item(q, "en", "factoid", q, (), True, (("x",),))
            self.answer = {"answer": f"{q} answer [1]", "citations": [{"text": "passage"}]}

    [one] = export_runs("ragas", tmp_path / "rows.jsonl", {"default": [R("q1"), R("q2")]})
    lines = [json.loads(x) for x in one.read_text(encoding="utf-8").splitlines()]
    assert [r["response"] for r in lines] == ["q1 answer", "q2 answer"]
    several = export_runs("ragas", tmp_path / "rows.json", {"default": [R("q1")], "k=v,x": [R("q2")]})
    assert [p.name for p in several] == ["rows-default.json", "rows-k_v_x.json"]
    assert json.loads(several[1].read_text(encoding="utf-8"))[0]["user_input"] == "q2"


def test_cli_refuses_a_bad_export_before_running(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    s = tmp_path / "set.jsonl"
    s.write_text(json.dumps({"id": "a", "lang": "en", "kind": "factoid", "question": "q", "answerable": True, "must": [["x"]]}) + "\n")
    assert main(["--index-dir", str(tmp_path / "none"), "eval", str(s), "--export", "deepeval", str(tmp_path / "o.jsonl")]) == 2
    assert "use ragas" in capsys.readouterr().err
    assert main(["--index-dir", str(tmp_path / "none"), "eval", str(s), "--export", "ragas", str(tmp_path / "o.csv")]) == 2
    assert ".jsonl" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_eval_writes_ragas_rows(real_settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    items = [{"id": "en-1", "lang": "en", "kind": "factoid", "question": "How is post-dural puncture headache treated?",
              "answerable": True, "must": [["patch"]]},
             {"id": "zh-1", "lang": "zh", "kind": "factoid", "question": "局麻药全身毒性应该如何处理？", "answerable": True, "must": [["脂肪乳"]]}]
    s = tmp_path / "set.jsonl"
    s.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    out = tmp_path / "ragas" / "rows.jsonl"
    code = main(["--index-dir", str(real_settings.index_dir), "--corpus-dir", str(real_settings.corpus_dir),
                 "--data-dir", str(real_settings.data_dir), "eval", str(s), "--json", "--export", "ragas", str(out)])
    assert code == 0 and json.loads(capsys.readouterr().out)["all"]["n"] == 2
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["user_input"] for r in rows] == [i["question"] for i in items]
    assert all(list(r) == RAGAS_FIELDS and r["response"] and r["retrieved_contexts"] for r in rows)
