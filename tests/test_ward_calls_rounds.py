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


def test_a_sentence_saying_the_drugs_are_of_that_use_is_quoted_with_the_sentence_it_leans_on(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("地塞米松和倍他米松哪个更安全")
    assert not any(b.startswith("甲泼尼龙、氢化可的松") for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", ["Platelets 62k, OK for TFESI?", "INR 1.6 - safe to do the SCS trial?"])
def test_ok_for_a_procedure_after_a_finding_asks_whether_it_may_go_ahead(ward_engine, question):  # type: ignore[no-untyped-def]
    assert ward_engine.frame(question).aspects[:1] == ("contraindications",)
    assert ward_engine.frame("ok to drive home after the TFESI?").aspects[:1] != ("contraindications",)


# Round 208 and review 42: the edges of this round's rules.

@pytest.mark.parametrize("question, recent", [
    ("stent 3 yrs ago and another DES last month, on plavix - TFESI how long off?", "recent"),
    ("支架3年前放的，上个月又放了一个，吃波立维，TFESI要停几天？", "近期"),
    ("stent 3 yrs ago, DES 2 weeks ago, on brilinta - SCS trial?", "recent")])
def test_a_recent_stent_told_beside_an_old_one_keeps_cardiologys_rule(ward_engine, question, recent):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert any(recent in b for b in _bullets(ans.text)), ans.text


def test_a_last_dose_told_in_days_dates_no_stent():  # type: ignore[no-untyped-def]
    from assistant.compose import _months_ago
    assert _months_ago("stent 2019, last plavix dose 2 days ago, TFESI today ok?", 2026) >= 12
    assert _months_ago("stent 3 yrs ago and another DES last month", 2026) < 1


@pytest.mark.parametrize("question, urgent", [
    ("对比剂过敏（上次喉头水肿），现在注射后喘憋", True),
    ("造影剂过敏（上次荨麻疹），注射造影剂后出现喘憋", True),
    ("碘造影剂过敏史（荨麻疹+喉头水肿），要做腰椎 TFESI，怎么办？能用钆剂吗？", False),
    ("上次注射造影剂后出现荨麻疹，这次TFESI需要预防用药吗？", False)])
def test_a_reaction_told_outside_the_brackets_is_still_one_and_a_history_is_not(block_engine, question, urgent):  # type: ignore[no-untyped-def]
    ans = block_engine.answer(question)
    assert ans.urgent is urgent, ans.text
    if not urgent and "怎么办" in question:
        assert "泼尼松50 mg" in _first(ans), ans.text


@pytest.mark.parametrize("question", ["造影剂用超量了怎么办？", "钆剂超量了会怎样？"])
def test_an_agents_maximum_the_sources_do_not_give_is_never_the_local_anaesthetic_ceiling(block_engine, question):  # type: ignore[no-untyped-def]
    ans = block_engine.answer(question)
    assert not ans.urgent and not any("mg/kg" in b or "肾上腺素" in b for b in _bullets(ans.text)), ans.text


def test_a_general_contraindication_list_comes_before_a_narrower_procedures(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("hypertensive pt, BP 160/100 - any contraindication to ESI?")
    # (either general list, the absolute or the relative one with its cautions, before the cervical route's narrower one)
    first = _first(ans)
    assert "cervical" not in first and "ontraindications" in first and "for epidural steroid injection" in first.replace(
        "to epidural steroid injection", "for epidural steroid injection"), ans.text


def test_a_steroid_mixed_with_lidocaine_is_no_mixture_of_local_anaesthetics(block_engine):  # type: ignore[no-untyped-def]
    assert "local-anaesthetic-mixture" not in block_engine.frame("dex and lido - can I mix them in the same syringe?").concepts
    assert "local-anaesthetic-mixture" not in block_engine.frame("地塞米松和利多卡因混在一起打可以吗？").concepts


@pytest.mark.parametrize("question, said", [
    ("TFESI后血压190/100，是激素的副作用吗？要处理吗？", "知识库未给出术中高血压的处理措施"),
    ("TFESI后血压升高，是激素的原因吗？会持续多久？", "会持续多久")])
def test_a_bare_ask_after_a_harm_is_answered_by_that_harm_or_said_missing(ward_engine, question, said):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert any(said in n for n in _notes(ans.text)), ans.text
    assert not any("空腹血糖" in b or "颗粒型" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", [
    "After his knee surgery BP has been 180/105, can we do the lumbar TFESI tomorrow?",
    "降压治疗后血压还是180/105，明天的腰椎TFESI能做吗？",
    "ICU中血压180/100，转出后明天能做TFESI吗？"])
def test_the_patients_own_pressure_after_something_else_is_not_the_procedures(ward_engine, question):  # type: ignore[no-untyped-def]
    f = ward_engine.frame(question)
    assert "procedural-hypertension" not in f.concepts and "hypertension" in f.concepts, f


@pytest.mark.parametrize("question", [
    "nurse here - pt says LMP 7 wks ago, urine hcg +ve, booked for fluoro guided lumbar MBB today. go ahead or cancel?",
    "我是护士，病人说末次月经7周前，尿hCG阳性，今天透视下做腰椎MBB，还做吗？"])
def test_who_is_asking_is_not_the_pregnant_one(ward_engine, question):  # type: ignore[no-untyped-def]
    f = ward_engine.frame(question)
    assert "pregnancy" in f.concepts and "pregnant-staff" not in f.concepts, f
    assert "pregnant-staff" in ward_engine.frame("I'm a nurse and I'm 10 weeks pregnant - can I stay in the fluoro room?").concepts


def test_a_rate_the_sources_say_they_lack_is_said_missing_not_answered_with_leak_rates(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("ward-cement", ("vertebral-augmentation", "radiation-contrast"))
    ans = eng.answer("pt 2 wks post T12 kyphoplasty referred w new L radicular pain in T12 dermatome. cement leak? "
                     "what's the rate of new adjacent level fx after VP/KP?")
    later = ans.text.split("adjacent level fx after VP/KP**")[-1]
    assert "No rates for these other complications" in later and "39.3%" not in later, ans.text


def test_a_joints_rf_is_its_own_procedure_and_another_rfs_success_is_no_criterion(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("ward-sij", ("sacroiliac", "facet-mbb-rfa"))
    assert "lateral-branch-rf" in eng.frame("骶髂关节痛 做RFA之前诊断性阻滞要做几次？阳性标准多少%？").concepts
    ans = eng.answer("骶髂关节痛 做RFA之前诊断性阻滞要做几次？阳性标准多少%？")
    assert "88%" not in ans.text, ans.text


def test_a_chinese_question_with_a_short_english_tail_is_answered_in_chinese():  # type: ignore[no-untyped-def]
    from assistant.text import detect_lang
    assert detect_lang("PVP 术中 骨水泥 渗漏 进椎管，患者醒来双下肢麻木无力，what now?") == "zh"
    assert detect_lang("What is the 硬膜外血肿 risk after TFESI?") == "en"


# Review 43: the edges of the second commit.

@pytest.mark.parametrize("question", ["两年前注射造影剂后出现喘憋，这次怎么预防？", "3个月前注射造影剂后出现荨麻疹和喉头水肿，这次怎么预防？"])
def test_a_reaction_dated_years_or_months_ago_is_history_and_gets_its_premedication(block_engine, question):  # type: ignore[no-untyped-def]
    ans = block_engine.answer(question)
    assert not ans.urgent and "泼尼松50 mg" in _first(ans), ans.text


@pytest.mark.parametrize("question, note", [
    ("intrathecal pump, suspected epidural abscess, urgent MRI - is it safe to scan?", "MRI with an implanted device"),
    ("鞘内泵患者怀疑硬膜外脓肿，急诊MRI能做吗？", "植入装置患者的核磁检查")])
def test_whether_a_scan_is_safe_with_an_implant_is_said_not_covered_even_in_a_work_up(block_engine, question, note):  # type: ignore[no-untyped-def]
    ans = block_engine.answer(question)
    assert note in ans.text and not any(b.startswith("Any new or progressive") or b.startswith("椎管内注射后出现任何新发")
                                        for b in _bullets(ans.text)[:1]), ans.text


@pytest.mark.parametrize("question", ["我是护士，怀孕8周，病人做射频时我能进手术间吗？",
                                      "I'm a nurse, pregnant, patient's TFESI - do I need to leave during screening?"])
def test_a_pregnant_asker_who_names_the_patient_after_her_own_pregnancy_is_the_pregnant_one(ward_engine, question):  # type: ignore[no-untyped-def]
    assert "pregnant-staff" in ward_engine.frame(question).concepts


def test_a_planned_hold_in_days_is_no_stents_age():  # type: ignore[no-untyped-def]
    from assistant.compose import _months_ago
    assert _months_ago("Stent 2015 - ok to hold clopidogrel 7 days prior for TFESI?", 2026) >= 12


def test_two_local_anaesthetics_mixed_keep_the_mixture_rule_and_a_steroid_with_one_does_not(block_engine):  # type: ignore[no-untyped-def]
    assert "local-anaesthetic-mixture" in block_engine.frame("利多卡因和罗哌卡因1:1混合，最大量多少？").concepts
    assert "local-anaesthetic-mixture" not in block_engine.frame("Kenalog and lido mixed 1:1 - particle size issue?").concepts
