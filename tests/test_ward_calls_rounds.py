"""Rounds 207 onwards (a pain nurse phoning about a patient after a procedure, a pre-op bay asking whether to go ahead,
a registrar asking two things at once): what they ask, as they type it."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def ward_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these questions reach: the ESI routes, patient selection and systemic steroid effects, bleeding risk,
    SCS and the SI joint."""
    return engine_over("ward-calls", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "patient-selection-monitoring",
                                      "anticoagulants", "spinal-cord-stimulation", "sacroiliac", "vertebral-augmentation"))


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


@pytest.mark.parametrize("question, rate", [
    ("TFESI后 pt 血压 190/100, 面部潮红, 失眠, 是 steroid 的副作用吗？要处理吗？", "术中高血压各0.3%"),
    ("Post TFESI BP 200/110, flushed and can't sleep - is that the steroid? do we need to treat it?", "procedural hypertension at 0.3%")])
def test_a_pressure_told_after_the_procedure_is_its_procedural_hypertension_and_no_steps_are_made_up(ward_engine, question, rate):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert any(rate in b for b in _bullets(ans.text)), ans.text
    # the second part ("要处理吗") is told the sources give no steps for it, by name, never given a steroid's overview
    assert any(("未给出" in n and "术中高血压" in n) or ("no management steps for" in n and "procedural hypertension" in n)
               for n in _notes(ans.text)), ans.text
    assert not any("颗粒型" in b or "particulate" in b.lower() for b in _bullets(ans.text)), ans.text


def test_asked_what_to_do_with_no_step_in_the_sources_names_the_harm_not_the_question(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("TFESI后血压190/100，要处理吗？")
    assert any(n.startswith("知识库未给出术中高血压的处理措施") for n in _notes(ans.text)), ans.text
    assert "0.3%" in _first(ans), ans.text


def test_a_pressure_before_the_procedure_is_the_patients_hypertension():  # type: ignore[no-untyped-def]
    from assistant.frame import _raised_by_procedure
    assert _raised_by_procedure("BP 190/100 before a lumbar TFESI, can we go ahead?", ("transforaminal-esi", "hypertension")) \
        == ("transforaminal-esi", "hypertension")
    assert _raised_by_procedure("BP 190/100 after rest, ok?", ("hypertension",)) == ("hypertension",)
    assert _raised_by_procedure("RFA后血压180/100", ("facet-rfa", "hypertension")) == ("facet-rfa", "procedural-hypertension")
    assert _raised_by_procedure("BP 200/110 after the injection", ("hypertension",)) == ("procedural-hypertension",)


@pytest.mark.parametrize("question, first, drop", [
    ("BP 190/100 before a lumbar TFESI, can we go ahead?", "Absolute contraindications to epidural steroid injection", "particulate"),
    ("术前血压190/110，还能做腰椎硬膜外注射吗？", "硬膜外类固醇注射的", "桥接")])
def test_a_condition_no_passage_names_gets_the_procedures_contraindications_not_its_other_facts(ward_engine, question, first, drop):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert _first(ans).startswith(first), ans.text
    assert any("hypertension" in n or "高血压" in n for n in _notes(ans.text)), ans.text
    assert not any(drop in b.lower() for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question, recent", [
    ("Pt on Effient for a stent 3 yrs ago, booked for cervical TFESI - how long off?", "recent"),
    ("波立维，支架3年了，下周做颈椎TFESI，要停几天？", "近期")])
def test_a_stent_of_years_ago_gets_the_interval_and_the_class_not_a_recent_stents_rule(ward_engine, question, recent):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert any(d in _first(ans) for d in ("7–10 days", "7 天")), ans.text
    assert not any(recent in b for b in _bullets(ans.text)), ans.text
    assert any("Intermediate bleeding-risk" in b or "中度出血风险" in b for b in _bullets(ans.text)), ans.text
    # the same drug with a stent of two months keeps cardiology's rule
    fresh = ward_engine.answer(question.replace("3 yrs ago", "2 months ago").replace("3年了", "2个月"))
    assert any(recent in b for b in _bullets(fresh.text)), fresh.text


@pytest.mark.parametrize("question, note", [
    ("PKP比PVP更有效吗", "疗效"),
    ("Is SCS effective in CRPS?", "no efficacy for spinal cord stimulation"),
    ("Is kyphoplasty more effective than vertebroplasty?", "no efficacy")])
def test_a_procedures_efficacy_the_sources_do_not_give_is_said_missing_not_answered_with_its_complications(ward_engine, question, note):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert not ans.bullets and note in ans.text, ans.text


def test_a_drugs_efficacy_the_sources_give_is_still_answered(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("Is dexamethasone as effective as particulate steroid for lumbar TFESI?")
    assert not ans.abstained and any("31/94" in b or "one-third" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", [
    "Temp 38.4 this morning, can we still do his lumbar epidural?",
    "病人发烧38.5，今天的腰椎硬膜外还能打吗？",
    "发烧38度，颈椎硬膜外能不能打"])
def test_a_fever_before_an_epidural_asked_whether_it_may_go_ahead_gets_the_infection_contraindication(ward_engine, question):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert any(w in _first(ans) for w in ("systemic infection", "active infection", "全身感染", "活动性感染")), ans.text
    assert not ans.urgent and not any("出院医嘱" in b or "Discharge instructions" in b for b in _bullets(ans.text)), ans.text


def test_whether_it_may_still_go_ahead_is_asked_of_a_condition_not_of_a_complication_under_way(ward_engine):  # type: ignore[no-untyped-def]
    f = ward_engine.frame("Temp 38.4 this morning, can we still do his lumbar epidural?")
    assert f.aspects[:1] == ("contraindications",) and "esi" in f.concepts and "lumbar-spine" in f.concepts, f
    assert ward_engine.frame("wet tap - can I still do the injection?").aspects[:1] == ("action",)
    assert "esi" not in ward_engine.frame("What is the depth of the lumbar epidural space?").concepts


@pytest.fixture(scope="module")
def block_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents blocks, contrast and implants reach: toxicity, contrast and radiation, the ESI routes, SCS."""
    return engine_over("ward-blocks", ("last", "radiation-contrast", "esi-general", "esi-transforaminal", "spinal-cord-stimulation",
                                       "spinal-haematoma", "cervical-thoracic-sympathetic"))


def test_a_contrast_reaction_told_as_last_times_in_brackets_is_history_and_its_premedication_leads(block_engine):  # type: ignore[no-untyped-def]
    ans = block_engine.answer("碘造影剂过敏（上次荨麻疹+喉头水肿）的病人要做TFESI，怎么办")
    assert not ans.urgent, ans.text
    assert "泼尼松50 mg" in _first(ans), ans.text
    # a reaction under way in the brackets is still one
    assert block_engine.answer("碘造影剂过敏（刚推完造影剂，喉头水肿）怎么办").urgent


@pytest.mark.parametrize("question, named", [
    ("牙科阻滞用阿替卡因 最大剂量多少？", "牙科阻滞"),
    ("50kg女性 肌间沟臂丛 0.5%罗哌卡因 30ml，超量吗？", "肌间沟臂丛")])
def test_another_specialtys_block_in_chinese_is_declined_not_answered_with_our_maxima(block_engine, question, named):  # type: ignore[no-untyped-def]
    ans = block_engine.answer(question)
    assert not ans.bullets and named in ans.text and "不在本知识库范围内" in ans.text, ans.text


def test_over_the_maximum_asked_in_chinese_works_the_told_volume_against_the_per_kg_maximum(block_engine):  # type: ignore[no-untyped-def]
    ans = block_engine.answer("50kg女性，0.5%罗哌卡因30ml，超量吗？")
    assert "罗哌卡因约 3 mg/kg" in _first(ans), ans.text
    assert "拟用 30 mL 0.5% = 150 mg" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "pt with Nevro SCS (HF10) needs urgent lumbar MRI for cauda equina r/o - is it safe to scan?",
    "SCS植入的病人，怀疑马尾综合征要急查腰椎MRI，能做吗？"])
def test_whether_an_urgent_scan_is_safe_with_an_implant_is_the_devices_labelling_not_covered(block_engine, question):  # type: ignore[no-untyped-def]
    f = block_engine.frame(question)
    assert "implant-mri-conditions" in f.out_of_scope, f
    ans = block_engine.answer(question)
    assert "MRI with an implanted device" in ans.text or "植入装置患者的核磁检查" in ans.text, ans.text


def test_mixing_two_local_anaesthetics_asked_as_a_follow_up_gets_the_mixture_rule(block_engine):  # type: ignore[no-untyped-def]
    ans = block_engine.answer("and if we mix it 50:50 with bupi 0.5% how do I calc the max?",
                              history=["max lidocaine dose w/ epi for a 45 kg woman?"])
    assert any(b.startswith("When local anaesthetics are mixed") for b in _bullets(ans.text)[:2]), ans.text
    assert "Nothing in the knowledge base on: calc" not in ans.text, ans.text


def test_a_lesions_time_asked_after_its_temperature_is_the_same_setting_not_a_complications_duration(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("ward-rf", ("facet-mbb-rfa", "sacroiliac"))
    f = eng.frame("腰椎脊神经后内侧支射频 温度设多少度 多长时间")
    assert "rf-lesion-settings" in f.parts[-1].inherited, f
    ans = eng.answer("腰椎脊神经后内侧支射频 温度设多少度 多长时间")
    assert not ans.bullets and "持续超过 2 周" not in ans.text, ans.text


def test_a_picture_told_after_epiduroscopy_is_the_late_form_even_when_the_irrigation_is_told_as_intraoperative(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("ward-scope", ("epiduroscopy-adhesiolysis", "pdph"))
    ans = eng.answer("硬膜外镜术中注了不少生理盐水，术后患者诉视物模糊、头痛，怎么回事，怎么处理")
    assert ans.urgent and "术后出现" in ans.text.splitlines()[0], ans.text
    assert "暂停操作" not in _first(ans) and "视网膜出血" in _first(ans), ans.text
    # told during the procedure, it is still the intraoperative form
    now = eng.answer("硬膜外镜术中注了不少生理盐水，病人突然说看东西模糊、头痛，怎么办")
    assert now.urgent and "术中出现" in now.text.splitlines()[0], now.text
