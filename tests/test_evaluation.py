import json

import pytest

from assistant.benchsets import load_sets, parse_set
from assistant.config import PROJECT_ROOT
from assistant.errors import InputError
from assistant.evaluation import citation_valid, metrics, must_match, run_items


def test_bundled_sets_are_valid_and_balanced():
    items = load_sets(sorted((PROJECT_ROOT / "eval" / "sets").glob("*.jsonl")))
    assert len(items) >= 150
    for lang in ("en", "zh"):
        mine = [i for i in items if i.lang == lang]
        assert len(mine) >= 60
        assert {i.kind for i in mine} == {"factoid", "scenario", "followup", "emergency", "out_of_scope"}


def test_malformed_lines_are_reported_with_line_numbers(tmp_path):
    good = {"id": "a", "lang": "en", "kind": "factoid", "question": "q?", "history": [], "answerable": True, "must": [["x"]]}
    text = "\n".join([json.dumps(good), "{oops", json.dumps({**good, "id": "b", "kind": "trivia"}), json.dumps({**good, "must": "x"})])
    items, errors = parse_set(text, "s.jsonl")
    assert [i.id for i in items] == ["a"]
    assert errors[0].startswith("s.jsonl:2: invalid JSON")
    assert errors[1].startswith("s.jsonl:3:") and "kind" in errors[1]
    assert errors[2].startswith("s.jsonl:4:") and "must" in errors[2]
    path = tmp_path / "s.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="s.jsonl:2"):
        load_sets([path])


def test_keyword_groups_and_citation_validity():
    assert must_match([["haematoma", "hematoma"], ["MRI"]], "Urgent MRI for a spinal hematoma")
    assert not must_match([["haematoma"], ["MRI"]], "haematoma only")
    ok = {"abstained": False, "answer": "- A. [1]\n- B. [2]\n\nDisclaimer.", "disclaimer": "Disclaimer.", "escalation": "",
          "citations": [{"n": 1}, {"n": 2}]}
    assert citation_valid(ok)
    assert not citation_valid({**ok, "answer": "- A. [3]\n\nDisclaimer."})
    assert not citation_valid({**ok, "answer": "- A. [1]\n- no marker\n\nDisclaimer."})


def test_runner_scores_real_answers(engine, tmp_path):
    lines = [
        {"id": "e1", "lang": "en", "kind": "factoid", "question": "How is post-dural puncture headache treated?", "history": [],
         "answerable": True, "must": [["blood patch"]], "gold_doc_ids": ["pdph"]},
        {"id": "o1", "lang": "en", "kind": "out_of_scope", "question": "How do I bake rye bread?", "history": [],
         "answerable": False, "must": []},
        {"id": "z1", "lang": "zh", "kind": "emergency", "question": "利多卡因注射后患者突然抽搐，怎么办？", "history": [],
         "answerable": True, "must": [["脂肪乳"]], "gold_doc_ids": ["last"]},
    ]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    results = run_items(engine, load_sets([path]), k=5, progress=False)
    m = metrics(results, 5)
    assert m["all"]["n"] == 3 and m["en/factoid"]["keyword_hit"] == 1.0 and m["en/factoid"]["hit@5"] == 1.0
    assert m["en/out_of_scope"]["abstention_recall"] == 1.0
    assert m["zh/emergency"]["urgent_recall"] == 1.0
    assert m["all"]["citation_validity"] == 1.0
