"""Questions in the benchmark categories written in clinicians' phrasing (round 73 of the blind clinician trials): a
haematoma the MRI has shown, a steroid asked for a route, a brand's knee injection, two asks in one, a follow-up that
swaps the region, a lab value told before a procedure. The `desk` fixture indexes the documents these questions need."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerEngine
from assistant.safety import triage


@pytest.fixture(scope="module")
def desk(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("desk-index")
    copy_corpus(root / "corpus", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "anticoagulants", "radiation-contrast",
                                  "intradiscal-pldd", "cervical-thoracic-sympathetic", "facet-mbb-rfa", "patient-selection-monitoring",
                                  "spinal-haematoma", "last", "vertebral-augmentation"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


@pytest.mark.parametrize("question,lang", [
    ("epidural hematoma on MRI after ESI, how fast does he need decompression?", "en"),
    ("MRI shows epidural hematoma after his SCS trial, neurosurgery asking how urgent - what's the window?", "en"),
    ("病人TFESI术后核磁提示硬膜外血肿，多久内要手术减压？", "zh"),
])
def test_a_haematoma_the_scan_has_shown_is_urgent_with_decompression_first(question, lang):
    tri = triage(question, lang)
    assert tri.urgent and tri.rule == "neuraxial-deficit", tri
    assert ("decompression" in tri.escalation or "减压" in tri.escalation) and "Stop the procedure" not in tri.escalation, tri.escalation
    assert not any("MRI" in s and "stopping" in s for s in tri.steps), tri.steps  # (the scan is done: no stop-examine-scan step)


@pytest.mark.parametrize("question,lang", [
    ("What does an epidural haematoma look like on MRI after ESI?", "en"),
    ("MRI ruled out an epidural haematoma after his ESI, what else causes the back pain?", "en"),
    ("如果核磁提示硬膜外血肿，一般多久内要减压？", "zh"),
])
def test_a_haematoma_asked_about_or_ruled_out_raises_no_banner(question, lang):
    assert not triage(question, lang).urgent


def test_a_covered_steroid_brand_does_not_pull_a_knee_injection_into_scope(desk):
    for q in ("How often can I do Kenalog injections into an OA knee?", "can I put 40 of Kenalog into his knee, he's diabetic?",
              "膝盖打封闭用得宝松，一年能打几次？"):
        ans = desk.answer(q)
        assert ans.abstained and ans.verdict == "out_of_scope", ans.text
        assert "into his knee" not in ans.text, ans.text  # (the scope note names the site, not the words around it)


def test_a_steroid_asked_for_a_route_gets_the_route_rule_first(desk):
    for q, rule in (("kenalog vs dex for a lumbar TF - which one do you recommend?", "non-particulate"),
                    ("is depo-medrol ok for a lumbar interlaminar ESI?", "caudal and interlaminar"),
                    ("C6 selective nerve root block - can I use Kenalog?", "should not be used for therapeutic cervical"),
                    ("颈椎选择性神经根阻滞能用得宝松吗？", "颈段经椎间孔esi不应使用颗粒型")):
        ans = desk.answer(q)
        assert not ans.abstained and rule in ans.bullets[0]["text"].lower(), (q, ans.text)


def test_epidural_use_at_large_is_not_answered_by_a_rule_for_some_routes(desk):
    ans = desk.answer("得宝松能做硬膜外注射吗？是不是颗粒型的？")
    assert "限于骶管和经椎板间" not in ans.bullets[0]["text"], ans.text


def test_a_follow_up_naming_another_steroid_keeps_the_route_choice(desk):
    ans = desk.answer("那曲安奈德呢？", ["TFESI用什么激素比较安全？"])
    assert "颗粒型" in ans.bullets[0]["text"], ans.text


def test_the_bleeding_risk_class_asked_beside_a_hold_is_answered_in_its_own_part(desk):
    for q, tier in (("星状神经节阻滞属于哪一级出血风险？吃替格瑞洛要停几天？", "中等出血风险"),
                    ("what bleeding risk tier is an SGB, and how long do I stop Brilinta?", "intermediate bleeding-risk")):
        ans = desk.answer(q)
        first = [b for b in ans.bullets if b["part"] == 0]
        assert first and tier in first[0]["text"].lower(), ans.text
        # a brand's identity card beside the interval that names its drug is filler
        assert not any(b["text"].startswith(("Brilinta (Brilique", "Brilinta（")) for b in ans.bullets), ans.text


def test_a_two_part_follow_up_keeps_the_drug_of_the_turn_before(desk):
    ans = desk.answer("how many days off and when can she restart?", ["72F on Xarelto for AF, booked for L1 kyphoplasty"])
    assert "Xarelto" in ans.bullets[0]["text"] or "rivaroxaban" in ans.bullets[0]["text"], ans.text
    assert not any(d in ans.text for d in ("Dabigatran", "prasugrel", "Cilostazol")), ans.text


def test_when_not_to_is_answered_under_its_own_part(desk):
    ans = desk.answer("Adding cefazolin to discography contrast - what dose, and is there any situation where I shouldn't?")
    second = [b for b in ans.bullets if b["part"] == 1]
    assert second and second[0]["text"].startswith("Do not add an antibiotic"), ans.text


def test_a_pregnant_colleagues_dose_limit_is_the_fetal_one(desk):
    ans = desk.answer("怀孕的护士能不能继续在C臂旁边跟台？剂量限值多少？")
    limit = [b for b in ans.bullets if b["part"] == 1]
    assert limit and "胎儿剂量限值" in limit[0]["text"], ans.text


def test_a_follow_up_swapping_the_region_of_a_whether_to_stop_ask_leads_with_its_class(desk):
    ans = desk.answer("如果是颈椎呢？", ["腰椎内侧支射频术前要停阿司匹林吗？"])
    assert "中等出血风险" in ans.bullets[0]["text"], ans.text


def test_one_source_retold_is_quoted_once(desk):
    ans = desk.answer("max dose of lidocaine with epi for a 70 kg guy?")
    assert sum("Williams" in b["text"] for b in ans.bullets) <= 1, ans.text


def test_a_condition_the_patient_lives_with_adds_no_routine_step_to_an_emergency(desk):
    ans = desk.answer("Fever 39 and severe back pain 5 days after L4-5 ILESI, diabetic pt")
    assert ans.urgent and not any("fasting blood glucose" in b["text"] for b in ans.bullets), ans.text


def test_a_lab_value_told_before_a_procedure_is_answered_by_what_the_sources_say_of_it(desk):
    ans = desk.answer("INR 1.6 this morning, can I go ahead with the L4-5 ILESI?")
    assert "INR" in ans.bullets[0]["text"], ans.text


def test_a_monitoring_ask_after_a_glucose_question_monitors_the_glucose(desk):
    q = desk.frame("硬膜外类故醇注射后糖尿病人血糖会高几天？要怎么监测？")
    assert len(q.parts) == 2 and "blood-glucose" in q.parts[1].inherited, q.parts
    ask = desk.frame("Adding cefazolin to discography contrast - what dose, and is there any situation where I shouldn't?")
    assert ask.parts[1].aspects[:1] == ("contraindications",), ask.parts
