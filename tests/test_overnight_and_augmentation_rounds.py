"""Rounds 204 onwards (an anaesthesia registrar covering the pain service overnight, a pain-clinic nurse on patients'
calls, a spine surgeon seeing referrals; an interventional radiologist doing vertebral augmentation, a hospital pharmacist
on anticoagulants and doses, a first-year pain fellow): what they ask, as they type it."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def night_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these questions reach: bleeding risk, cement, headache, toxicity, implants and radiation."""
    return engine_over("night-rounds", ("anticoagulants", "facet-mbb-rfa", "spinal-cord-stimulation", "vertebral-augmentation",
                                        "pdph", "last", "radiation-contrast", "esi-interlaminar-caudal", "esi-general",
                                        "patient-selection-monitoring", "intradiscal-pldd", "spinal-haematoma"))


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


@pytest.mark.parametrize("history, question, first", [
    (["Patient on Plavix and aspirin, DES 6 months ago, booked for an SCS trial. How do we manage the antiplatelets?"],
     "Cardiology says the Plavix can't be stopped - can we still do the trial?", "High bleeding-risk"),
    (["患者吃波立维+阿司匹林，半年前放了药物洗脱支架，现在要做SCS试验电极植入，抗血小板怎么处理"],
     "心内科说波立维不能停，那这个手术还能做吗", "高出血风险"),
    (["Pt on Plavix, stent 2 months ago, booked for lumbar facet injection"],
     "cardiology won't let him stop it - can we still do the facet injection?", "low bleeding-risk")])
def test_a_drug_cardiology_keeps_on_leaves_the_go_ahead_to_the_procedures_class(night_engine, history, question, first):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question, history=history)
    assert first in _first(ans), ans.text
    assert not any(b.startswith(("Cervical facet", "Plavix (", "波立维（Plavix）")) for b in _bullets(ans.text)), ans.text


def test_a_swapped_procedure_after_a_how_long_ask_leads_with_its_class(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("and if it was a cervical MBB instead?", history=["Brilinta pt for lumbar facet RFA L4-5 - how many days off?"])
    assert _first(ans).startswith("Cervical facet MBB and cervical facet RFA remain in the intermediate"), ans.text
    assert any("ticagrelor" in b and "5 days" in b for b in _bullets(ans.text)), ans.text


def test_dual_antiplatelet_therapy_is_never_given_the_primary_prevention_aspirin_rule(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("病人在吃氯吡格雷+阿司匹林双抗，下周要做腰椎小关节注射(facet injection)，需要停药吗？")
    assert not any("一级预防" in b for b in _bullets(ans.text)), ans.text
    assert "低出血风险" in _first(ans), ans.text


def test_the_members_of_a_bleeding_risk_class_are_listed_first(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Which pain procedures are classed as high bleeding risk under the ASRA pain guidelines?")
    assert _first(ans).startswith("High bleeding-risk pain procedures include"), ans.text
    zh = night_engine.answer("哪些疼痛介入操作属于高出血风险？")
    assert _first(zh).startswith("高出血风险疼痛介入操作包括"), zh.text


def test_a_blood_patchs_contraindications_are_never_another_procedures(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("What blood volume is used for an epidural blood patch and when is it contraindicated?",
                              history=["What are the risk factors for post-dural puncture headache after an interlaminar epidural?"])
    assert not any("ILESI" in b or "keep still" in b for b in _bullets(ans.text)), ans.text
    assert "when is it contraindicated" in ans.text and any("12–20 mL" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question, endpoint", [
    ("For percutaneous vertebroplasty how much PMMA cement do you usually inject per level, and at what point should I stop "
     "injecting?", "stop when the cement approaches the posterior vertebral wall"),
    ("椎体成形术骨水泥什么时候停止注射？", "接近椎体后壁或充盈静脉即停止注射")])
def test_when_to_stop_injecting_cement_is_the_fluoroscopic_endpoint(night_engine, question, endpoint):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question)
    assert not ans.urgent, ans.text
    assert any(endpoint in b for b in _bullets(ans.text)), ans.text
    assert not _first(ans).startswith(("Stop the cement injection, give oxygen", "椎体成形术或后凸成形术中一旦出现胸闷")), ans.text


def test_do_lead_glasses_help_is_answered_by_the_glasses_cohort(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("What is the annual occupational dose limit for the lens of the eye for a fluoroscopy operator, "
                              "and does lead glasses actually help much?")
    part = ans.text.split("does lead glasses actually help much", 1)[-1]
    assert "Leaded glasses reduced the eye-lens dose" in part, ans.text


@pytest.mark.parametrize("question, drug", [
    ("Is caffeine effective for PDPH?", "caffeine up to 900 mg/day"),
    ("Does IV lipid emulsion work for LAST?", "lipid"),
    ("咖啡因对PDPH有效吗", "咖啡因最多 900 mg")])
def test_whether_a_drug_works_is_answered_by_what_the_sources_say_of_that_drug(night_engine, question, drug):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question)
    assert not ans.abstained and drug in _first(ans), ans.text
    assert not any("nerve blocks gave relief" in b for b in _bullets(ans.text)), ans.text


def test_a_follow_up_does_not_repeat_the_turn_befores_missing_drug(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("病人术后2周腰痛明显加重，ESR、CRP 都升高了，下一步怎么办？",
                              history=["椎间盘内注射（比如臭氧、亚甲蓝）术后椎间盘炎发生率大概多少？要不要预防性用抗生素？"])
    assert ans.bullets and not any("亚甲蓝" in n for n in _notes(ans.text)), ans.text


def test_the_main_ways_to_cut_exposure_lead_with_time_distance_and_shielding(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("What's the annual occupational radiation dose limit for staff and what are the main ways to cut my "
                              "exposure during fluoro-guided injections?")
    part = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert part and "time, distance and shielding" in part[0], ans.text
    # (nobody pregnant was asked about: no pregnant worker's limit beside the staff limit)
    assert not any("pregnant" in b for b in _bullets(ans.text)), ans.text
    zh = night_engine.answer("透视下做注射，减少术者辐射的主要措施有哪些？")
    assert "时间、距离和屏蔽" in _first(zh), zh.text


def test_a_staff_dose_limit_is_the_occupational_limit(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("staff dose limit per year?")
    assert "20 mSv/year" in _first(ans), ans.text


def test_a_part_asking_the_inr_level_beside_a_swapped_procedure_keeps_its_own_ask(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("那如果是做 SCS 植入呢？INR 要多少以下？", history=["华法林的病人 INR 1.6，能做腰椎 interlaminar ESI 吗？"])
    part = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert part and "INR" in part[0], ans.text
    assert not any("桥接" in b for b in part), ans.text


def test_what_to_tell_a_caller_with_a_spinal_headache_leads_with_what_she_can_do(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Patient rang 3 days after a lumbar interlaminar epidural - headache much worse sitting up, better lying "
                              "flat. What do I tell her and when does she need to come back in?")
    assert "Conservative treatment" in _first(ans), ans.text
    assert not any("as set out in the" in b for b in _bullets(ans.text)), ans.text


def test_a_chinese_brand_of_bupivacaine_keeps_the_cardiotoxicity_part(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("耐乐品最大剂量多少？跟麻卡因比心脏毒性是不是小很多")
    part = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert part and "心脏毒性" in part[0], ans.text


def test_cement_seen_in_the_lung_on_ctpa_goes_on_with_the_embolism(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("已经面罩吸氧了，CT肺动脉看到右下肺有水泥影，要不要抗凝？",
                              history=["PVP术后半小时患者突发胸闷气短，SpO2 86%，HR 120，BP 95/60，怀疑骨水泥肺栓塞，怎么处理？"])
    assert "抗凝" in _first(ans), ans.text
    assert not any("气胸" in b for b in _bullets(ans.text)), ans.text


def test_how_many_diagnostic_blocks_before_an_rfa_is_said_to_be_missing(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("How many diagnostic medial branch blocks are needed before radiofrequency ablation?")
    assert ans.abstained and not any("pneumothorax" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", ["血补丁有效吗？", "Is a blood patch still effective after 24 hours?", "回抽对发现血管内注射有效吗？"])
def test_whether_a_procedure_or_a_check_works_is_still_answered(night_engine, question):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question)
    assert not ans.abstained and ans.bullets, ans.text


def test_another_drugs_cardiotoxicity_is_not_local_anaesthetic_toxicity(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("造影剂有心脏毒性吗？")
    assert not ans.urgent and not any("布比卡因" in b or "脂肪乳" in b for b in _bullets(ans.text)), ans.text


def test_warfarin_kept_on_before_a_tfesi_gets_the_class_then_how_long_it_would_be_stopped(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("cardiology won't let him stop warfarin - can we still do the lumbar TFESI?")
    assert "intermediate bleeding-risk" in _first(ans).lower(), ans.text
    assert any("warfarin" in b.lower() and "5 days" in b for b in _bullets(ans.text)[:3]), ans.text


def test_cement_seen_in_the_lung_of_a_patient_without_symptoms_leads_with_the_silent_form(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("椎体成形术后胸片肺内有水泥影，病人没症状，需要处理吗")
    assert not ans.urgent and "无症状" in _first(ans), ans.text
    assert not _first(ans).startswith("有症状"), ans.text


def test_which_guideline_applies_quotes_the_pointer_that_names_it(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Which guideline is PDPH after an interlaminar ESI dural puncture managed by?")
    assert any("2023 multisociety consensus guideline" in b for b in _bullets(ans.text)), ans.text


def test_a_thrombolysis_question_is_declined_whole(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Stroke patient on apixaban last dose 10 hours ago - can we give tenecteplase, and what's the bleeding risk?")
    assert ans.abstained and not ans.bullets, ans.text


def test_an_ssri_asked_before_an_implant_is_answered_by_the_ssri_rule(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Pt on sertraline booked for SCS implant - do we need to stop it?")
    assert any("serotonin reuptake inhibitors (SSRIs)" in b for b in _bullets(ans.text)[:2]), ans.text


def test_pulsed_rf_settings_are_said_to_be_missing_not_filled_with_facet_rf_stimulation(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("脉冲射频跟标准射频有啥区别？背根神经节PRF参数一般怎么设？")
    assert not any(b["part"] == 1 for b in ans.bullets), ans.text
    assert "背根神经节PRF参数一般怎么设" in ans.text, ans.text


def test_how_to_do_it_safely_after_a_contrast_anaphylaxis_asks_the_precautions(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Patient with previous anaphylaxis to iodinated contrast is booked for a lumbar transforaminal ESI. "
                              "How should we do it safely?")
    assert any("premedication" in b.lower() for b in _bullets(ans.text)[:3]), ans.text


@pytest.mark.parametrize("history, question", [
    (["42F seen in ED 36 h after a lumbar interlaminar epidural steroid injection. Severe frontal-occipital headache much worse "
      "on sitting up, settles lying flat, some nausea, no fever, GCS 15, BP 125/80. Is this post-dural puncture headache and how "
      "do we manage it?",
      "She's had fluids, paracetamol and caffeine for 48 hours and is still bedbound with it. When should we ask for an epidural "
      "blood patch?"], "If she also had a seizure or headache stops being postural, what are we worried about?"),
    ([], "What are we worried about if a PDPH headache stops being postural?")])
def test_what_we_are_worried_about_leads_with_the_red_flags(night_engine, history, question):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question, history=history)
    assert _first(ans).startswith("Red flags"), ans.text


def test_a_low_grade_fever_told_before_reads_a_new_deficit_as_an_abscess_first(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("CRP 85，WBC 13.5，左腿开始没力气了。",
                              history=["病人糖尿病，还在吃强的松10mg，一周前做了腰椎硬膜外注射，现在背痛加重，低烧37.8，需要转诊吗？要查什么？"])
    assert ans.urgent and "首先考虑硬膜外脓肿" in ans.escalation, ans.text


def test_whether_to_stop_before_a_high_risk_part_gets_the_drugs_interval(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Patient on clopidogrel for a stent 2 years ago. Do I need to stop it for an SI joint injection? "
                              "And for a percutaneous SCS trial?")
    part = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert part and part[0].startswith("High bleeding-risk"), ans.text
    assert any("7 days" in b for b in part[:2]), ans.text


@pytest.mark.parametrize("history, question, drug", [
    (["病人波立维+阿司匹林双抗，冠脉DES刚放3个月，颈椎间盘突出根性痛很重想做颈椎硬膜外注射，能停波立维吗"],
     "心内科说可以停，那波立维停几天，做完多久能恢复？", "7 天"),
    (["Plavix and aspirin, DES 3 months ago, wants a cervical ESI - can we stop the Plavix?"],
     "cardiology says we can stop it - how many days and when to restart?", "7 days")])
def test_cardiologys_leave_to_stop_puts_the_interval_first(night_engine, history, question, drug):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question, history=history)
    assert drug in _first(ans), ans.text
    assert not any(b.startswith("波立维（Plavix）即") for b in _bullets(ans.text)), ans.text


def test_an_aprons_lead_equivalence_asked_in_chinese_is_said_to_be_missing(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("铅衣一般要多少mm铅当量才够？")
    assert ans.text.startswith("> 知识库未给出以下数值"), ans.text


def test_a_strength_told_apart_from_the_one_drug_named_gives_the_volume(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("利多卡因加肾上腺素最大剂量多少？病人60kg，用2%的，最多能打多少ml")
    assert "mg，即 2% 溶液" in ans.text, ans.text


def test_worked_volumes_need_the_strength_to_be_the_one_drugs():
    from assistant.worked import told_percent
    assert told_percent("利多卡因加肾上腺素最大剂量多少？病人60kg，用2%的，最多能打多少ml", ["利多卡因"]) == 2.0
    assert told_percent("利多卡因和布比卡因混着用，病人60kg，用2%的，最多能打多少ml", ["利多卡因"]) is None


@pytest.mark.parametrize("question", ["one of our nurses is expecting - what's her dose limit?",
                                      "dose limit for a radiographer who is 3 months along?"])
def test_a_pregnancy_told_in_everyday_words_keeps_the_fetal_limit(night_engine, question):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question)
    assert any("embryo" in b or "fetus" in b for b in _bullets(ans.text)), ans.text


def test_proceeding_safely_on_clopidogrel_leads_with_its_hold(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("How can we proceed safely with a cervical ILESI in a patient on clopidogrel?")
    assert "7 days" in _first(ans), ans.text


@pytest.mark.parametrize("question, first", [("INR 1.6，颈椎硬膜外还能做吗", "INR"), ("对造影剂过敏，颈椎硬膜外能打吗", "禁忌证")])
def test_a_cervical_epidural_asked_colloquially_keeps_its_ask(night_engine, question, first):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question)
    assert first in _first(ans), ans.text
