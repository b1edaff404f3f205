import json

import pytest

from assistant.benchsets import Item, load_sets, parse_set
from assistant.config import PROJECT_ROOT
from assistant.errors import InputError
from assistant.eval_run import format_table
from assistant.evaluation import (
    Result,
    action_in_first_two,
    answer_bullets,
    category_metrics,
    citation_precision,
    citation_valid,
    lead_aspect_match,
    metrics,
    must_match,
    off_topic_bullets,
    parts_covered,
    pathway_correct,
    run_items,
    score_item,
    select_split,
)


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
    assert citation_valid({**ok, "answer": "**立即处理**\n- A. [1]\n\n## Part 2\n- B. [2]\n\nDisclaimer."})
    assert not citation_valid({**ok, "answer": "**Note** an unmarked claim\n- A. [1]\n\nDisclaimer."})
    # an emergency banner with no passage under it claims nothing uncited; an uncited line beside it still fails, and a calm
    # answer with no marker at all is no cited answer
    banner = "URGENT: a shock picture. The knowledge base has no protocol for this picture."
    alone = {**ok, "urgent": True, "escalation": banner, "citations": [], "answer": f"{banner}\n\nDisclaimer."}
    assert citation_valid(alone)
    assert not citation_valid({**alone, "answer": f"{banner}\n\n- an unmarked step\n\nDisclaimer."})
    assert not citation_valid({**ok, "answer": "Disclaimer."})


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


# --- new item fields ---------------------------------------------------------------------------------------------
def _line(**over: object) -> str:
    base = {"id": "x", "lang": "en", "kind": "factoid", "question": "q?", "history": [], "answerable": True, "must": [["a"], ["b"]]}
    return json.dumps({**base, **over})


def test_new_fields_are_loaded():
    text = "\n".join([
        _line(id="m", category="multipart", split="holdout", aspect="prevention", parts=[[["a"]], [["b"]]]),
        _line(id="e", kind="emergency", category="emergency", pathway="last", actions=[["lipid"], ["oxygen", "airway"]]),
        _line(id="f", kind="emergency", urgent=False),
        _line(id="g", urgent=True, pathway="vasovagal"),
        _line(id="h"),
    ])
    items, errors = parse_set(text, "s.jsonl")
    assert errors == []
    m, e, f, g, h = items
    assert (m.category, m.split, m.aspect, m.parts) == ("multipart", "holdout", "prevention", ((("a",),), (("b",),)))
    assert (e.pathway, e.actions, e.is_urgent) == ("last", (("lipid",), ("oxygen", "airway")), True)
    assert not f.is_urgent and g.is_urgent and g.pathway == "vasovagal"
    assert (h.category, h.parts, h.aspect, h.pathway, h.actions, h.split, h.is_urgent) == ("", (), "", "", (), "", False)


def test_bad_new_fields_are_reported_with_line_numbers():
    bad = [
        _line(id="b1", category="slang"),
        _line(id="b2", aspect="dosing"),
        _line(id="b3", kind="emergency", pathway="stroke"),
        _line(id="b4", split="train"),
        _line(id="b5", kind="emergency", urgent="yes"),
        _line(id="b6", pathway="last"),  # not urgent
        _line(id="b7", kind="emergency", actions=[["lipid"], []]),
        _line(id="b8", parts=[[["a"], ["b"]]]),  # one part only
        _line(id="b9", parts=[[["a"]], [["c"]]]),  # must is not the concatenation
        _line(id="ok"),
    ]
    items, errors = parse_set("\n".join(bad), "s.jsonl")
    assert [i.id for i in items] == ["ok"]
    expected = ["category", "aspect", "pathway", "split", "urgent", "only for urgent", "actions", "at least 2 parts", "concatenation"]
    assert len(errors) == len(expected)
    for n, (err, word) in enumerate(zip(errors, expected), start=1):
        assert err.startswith(f"s.jsonl:{n}:") and word in err, err


def test_stress_set_is_balanced_and_its_keywords_are_in_the_corpus():
    items = load_sets([PROJECT_ROOT / "eval" / "sets" / "stress.jsonl"])
    assert len(items) >= 170
    assert sum(i.lang == "en" for i in items) == sum(i.lang == "zh" for i in items)
    cells: dict[tuple[str, str], list[str]] = {}
    for i in items:
        assert i.category and i.split, i.id
        cells.setdefault((i.lang, i.category), []).append(i.split)
    for key, splits in cells.items():
        assert abs(splits.count("tune") - splits.count("holdout")) <= 1, key
    corpus = {(p.parent.name, p.stem): p.read_text(encoding="utf-8").lower() for p in (PROJECT_ROOT / "corpus").glob("*/*.md")}
    for i in items:
        assert bool(i.parts) == (i.category == "multipart"), i.id
        if not i.answerable:
            assert i.must == () and i.gold_doc_ids == (), i.id
            continue
        assert i.gold_doc_ids and 1 <= len(i.must) <= 3, i.id
        gold = " ".join(corpus[(i.lang, d)] for d in i.gold_doc_ids)
        for group in i.must:
            assert any(k.lower() in gold for k in group), (i.id, group)


# --- answer-shape metrics on hand-built answers --------------------------------------------------------------------
def _cite(n: int, doc: str, text: str = "", section: str = "Prevention") -> dict:
    return {"n": n, "doc_id": f"{doc}-en", "text": text, "section": section}


def _ans(citations: list[dict], bullets: list[dict] | None = None, abstained: bool = False, urgent: bool = False,
         text: str = "", **extra: object) -> dict:
    a = {"answer": text, "abstained": abstained, "urgent": urgent, "citations": citations, "timings_ms": {"total": 1.0}, **extra}
    if bullets is not None:
        a["bullets"] = bullets
    return a


def _bullet(text: str, n: list[int], group: str) -> dict:
    return {"text": text, "n": n, "group": group, "part": 0, "kind": "fact"}


def _result(item: Item, ans: dict, k: int = 5) -> Result:
    return score_item(item, ans, k)


def test_part_coverage_counts_the_answer_and_the_first_k_cited_passages():
    item = Item("p", "en", "factoid", "q", must=(("3 days",), ("migration",)), parts=((("3 days",),), (("migration",),)))
    ans = _ans([_cite(1, "anticoagulants", "held for 3 days"), _cite(2, "last", "x"), _cite(3, "spinal-cord-stimulation", "lead migration")],
               text="- Rivaroxaban is held for 3 days. [1]")
    assert parts_covered(item, ans, 2) == [True, False]
    assert parts_covered(item, ans, 3) == [True, True]
    assert parts_covered(item, {**ans, "abstained": True}, 3) == [False, False]
    other = Item("p2", "en", "factoid", "q", must=(("a",), ("b",)), parts=((("a",),), (("b",),)))
    m = metrics([_result(item, ans, 2), _result(other, _ans([], text="a and b"))], 2)["all"]
    assert m["parts_coverage"] == 0.75 and m["all_parts_covered"] == 0.5
    assert metrics([_result(item, ans, 3)], 3)["all"]["all_parts_covered"] == 1.0


def test_citation_precision_is_the_share_of_citations_from_gold_documents():
    item = Item("c", "en", "factoid", "q", must=(("x",),), gold_doc_ids=("pdph", "esi-general"))
    four = _ans([_cite(1, "pdph"), _cite(2, "esi-general"), _cite(3, "pdph"), _cite(4, "last")], text="x")
    two = _ans([_cite(1, "pdph"), _cite(2, "radiation-contrast")], text="x")
    assert citation_precision(item, four) == 0.75
    assert citation_precision(item, two) == 0.5
    assert citation_precision(item, {**four, "abstained": True}) is None
    assert citation_precision(Item("n", "en", "factoid", "q", must=(("x",),)), four) is None
    assert metrics([_result(item, four), _result(item, two)], 5)["all"]["citation_precision"] == 0.625


def test_pathway_accuracy_urgent_recall_and_false_urgent():
    last = Item("u1", "en", "emergency", "q", must=(("x",),), pathway="last")
    ptx = Item("u2", "en", "emergency", "q", must=(("x",),), pathway="pneumothorax")
    nopath = Item("u3", "en", "emergency", "q", must=(("x",),))
    calm = Item("n1", "en", "factoid", "q", must=(("x",),))
    calm2 = Item("n2", "en", "factoid", "q", must=(("x",),))
    results = [
        _result(last, _ans([], urgent=True, pathway="last", text="x")),
        _result(ptx, _ans([], urgent=True, pathway="neuraxial-deficit", text="x")),
        _result(nopath, _ans([], urgent=False, text="x")),  # an older answer: no pathway field
        _result(calm, _ans([], urgent=True, pathway="last", text="x")),
        _result(calm2, _ans([], urgent=False, text="x")),
    ]
    m = metrics(results, 5)["all"]
    assert m["pathway_accuracy"] == 0.5  # u3 names no pathway, so it does not count
    assert m["urgent_recall"] == 0.6667 and m["false_urgent"] == 0.5
    assert pathway_correct(calm, results[3].answer) is None
    assert pathway_correct(last, _ans([], urgent=True, text="x")) is False


def test_action_in_first_two_bullets_uses_any_keyword_of_any_group():
    item = Item("a", "en", "emergency", "q", must=(("x",),), actions=(("lipid",), ("airway", "oxygen")))
    bullets = [_bullet("Call for help.", [1], "management"), _bullet("Give 100% Oxygen.", [1], "management"),
               _bullet("20% lipid emulsion.", [1], "management")]
    assert action_in_first_two(item, _ans([_cite(1, "last")], bullets, urgent=True)) is True
    late = [bullets[0], _bullet("Seizures are common.", [1], "complications"), bullets[2]]
    assert action_in_first_two(item, _ans([_cite(1, "last")], late, urgent=True)) is False
    assert action_in_first_two(Item("b", "en", "factoid", "q", must=(("x",),)), _ans([], bullets)) is None
    res = [_result(item, _ans([_cite(1, "last")], bullets, urgent=True, text="x")),
           _result(item, _ans([_cite(1, "last")], late, urgent=True, text="x"))]
    assert metrics(res, 5)["all"]["action_in_first_two"] == 0.5


def test_lead_aspect_off_topic_bullets_and_mean_bullets():
    item = Item("l", "en", "factoid", "q", must=(("x",),), gold_doc_ids=("pdph",), aspect="management")
    cites = [_cite(1, "pdph"), _cite(2, "last"), _cite(3, "pdph")]
    good = _ans(cites, [_bullet("EBP.", [1], "management"), _bullet("Lipid.", [2], "management"),
                        _bullet("Both.", [2, 3], "prevention"), _bullet("Heading", [], "overview")], text="x")
    bad = _ans(cites, [_bullet("Lipid.", [2], "prevention"), _bullet("EBP.", [1], "management")], text="x")
    assert lead_aspect_match(item, good) is True and lead_aspect_match(item, bad) is False
    assert off_topic_bullets(item, good) == (1, 3)  # the uncited heading is not counted; [2, 3] has a gold passage
    assert off_topic_bullets(item, bad) == (1, 2)
    oos = Item("o", "en", "out_of_scope", "q", answerable=False)
    res = [_result(item, good), _result(item, bad), _result(oos, _ans([], [], abstained=True, text="Not in KB"))]
    m = metrics(res, 5)["all"]
    assert m["lead_aspect_match"] == 0.5
    assert m["off_topic_bullets"] == 0.4  # (1 + 1) / (3 + 2)
    assert m["mean_bullets"] == 3.0  # (4 + 2) / 2 answered items; the abstention is left out


def test_answers_without_a_bullets_field_are_read_from_their_lines():
    cites = [_cite(1, "pdph", section="Recognition and management"), _cite(2, "last", section="预防")]
    ans = _ans(cites, text="URGENT: act now\n\n- EBP is definitive. [1]\n- 限制剂量。[2]\n\nDisclaimer.")
    assert answer_bullets(ans) == [{"text": "EBP is definitive.", "n": [1], "group": "management"},
                                   {"text": "限制剂量。", "n": [2], "group": "prevention"}]
    item = Item("x", "en", "factoid", "q", must=(("x",),), gold_doc_ids=("pdph",), aspect="management")
    assert lead_aspect_match(item, ans) is True and off_topic_bullets(item, ans) == (1, 2)


def test_split_filter_keeps_items_without_a_split_and_tables_use_k():
    items = [Item("d", "en", "factoid", "q"), Item("t", "en", "factoid", "q", split="tune"),
             Item("h", "en", "factoid", "q", split="holdout")]
    assert [i.id for i in select_split(items, "holdout")] == ["d", "h"]
    assert [i.id for i in select_split(items, "tune")] == ["d", "t"]
    assert select_split(items, None) == items
    item = Item("c", "en", "factoid", "q", must=(("x",),), category="typo", split="tune")
    m = metrics([_result(item, _ans([], text="x"), 3)], 3)
    assert "hit@3" in format_table("default", m, 3) and "hit@5" not in format_table("default", m, 3)
    cm = category_metrics([_result(item, _ans([], text="x"), 3), _result(items[0], _ans([], text="x"), 3)], 3)
    assert set(cm) == {"typo", "en/typo"} and cm["typo"]["n"] == 1 and cm["typo"]["keyword_hit"] == 1.0


def test_configs_are_presets_or_overrides_and_only_index_changes_get_a_variant_index(tmp_path):
    from assistant.config import Settings
    from assistant.variants import parse_config, variant_settings

    assert parse_config("no-cross") == ("no-cross", {"cross_language": False})
    assert parse_config("rrf_k=30,top-k=4") == ("rrf_k=30,top-k=4", {"rrf_k": "30", "top_k": "4"})
    with pytest.raises(InputError, match="unknown setting 'bogus'"):
        parse_config("bogus=1")
    with pytest.raises(InputError, match="use a preset"):
        parse_config("nonsense")
    base = Settings(index_dir=tmp_path / "index")
    assert variant_settings(base, {"retrieval_mode": "dense"}).index_dir == base.index_dir  # same index, other search
    other = variant_settings(base, {"embedder": "hash"})
    assert other.index_dir == base.index_dir / "variants" / other.index_hash() and other.embedder == "hash"


def test_scoring_imports_neither_the_command_nor_the_report_nor_index_building():
    import ast
    from pathlib import Path

    import assistant.evaluation

    tree = ast.parse(Path(assistant.evaluation.__file__).read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1}
    assert imported and not imported & {"eval_report", "eval_run", "variants", "indexing", "llm", "cli"}
