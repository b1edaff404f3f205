"""Rounds 201 onwards (an emergency physician seeing patients back after a procedure, an anaesthesia resident covering
the pain clinic, a spine surgeon referring; a pain-clinic nurse on pre-procedure calls, an interventional radiologist,
a neurologist reviewing a patient with an implant): what they ask, as they type it."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def phone_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these calls reach: injections, implants, pumps, cement, bleeding, headache, toxicity and radiation."""
    return engine_over("phone-rounds", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "spinal-haematoma", "anticoagulants",
                                        "pdph", "last", "intrathecal-drug-delivery", "spinal-cord-stimulation", "infection-control",
                                        "facet-mbb-rfa", "sacroiliac", "epiduroscopy-adhesiolysis", "vertebral-augmentation",
                                        "radiation-contrast", "patient-selection-monitoring", "evidence-disagreements"))


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


def test_a_kyphoplasty_just_finished_has_nothing_left_to_stop(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("T12 kypho just finished, pt now c/o chest tightness, sats 86% on 4L, HR 125 - what do we do")
    assert ans.urgent and ans.pathway == "cement-embolism", ans.text
    assert "Stop the procedure" not in ans.escalation and "stop injecting cement" not in ans.escalation, ans.escalation
    during = phone_engine.answer("Injecting cement at T12, pt now c/o chest tightness, sats 86%, HR 125 - what do we do")
    assert "Stop the procedure" in during.escalation  # (still under way: stopped first)


def test_a_secondary_prevention_aspirin_gets_its_own_interval_never_the_primary_rule(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("一直吃阿司匹林二级预防，下周做SCS测试，阿司匹林要停几天？")
    assert "二级预防" in _first(ans) and "6 天" in _first(ans), ans.text
    assert not any("一级预防" in b for b in _bullets(ans.text)), ans.text


def test_whether_and_how_long_for_an_old_stent_give_the_class_then_the_interval(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("冠脉支架植入2年了，一直吃阿司匹林二级预防，下周做SCS测试，阿司匹林要停吗？停几天？")
    assert "高出血风险" in _first(ans) and "6 天" in str(ans.bullets[1]["text"]), ans.text
    assert not any("近期" in b and "支架" in b for b in _bullets(ans.text)), ans.text  # (a recent stent's rule is not his)


def test_the_saline_limit_asked_after_the_epiduroscopy_emergency_is_quoted(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("how much saline is too much?",
                        history=["during epiduroscopy pt suddenly complains of severe neck pain and blurred vision, what do I do"])
    assert ans.urgent and ans.pathway == "epiduroscopy-pressure", ans.text
    assert any("1 mL every 1–2 s" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", [
    "pt had a fever 38.5 two days before his L4-5 ILESI, it settled, injection yesterday, now new bilateral leg weakness and "
    "urinary retention. afebrile now. what to do?",
    "术前两天发烧38度已经退了，昨天做了腰椎ILESI，今天双下肢无力，尿不出来，怎么办"])
def test_a_fever_told_as_before_the_procedure_does_not_read_the_deficit_as_an_abscess(phone_engine, question):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text
    assert "until shown otherwise" not in ans.escalation and "首先考虑硬膜外脓肿" not in ans.escalation, ans.escalation


def test_a_fever_now_still_reads_the_deficit_as_an_abscess(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("L4-5 ILESI yesterday, now fever 38.9 and new bilateral leg weakness. what to do?")
    assert "epidural abscess until shown otherwise" in ans.escalation, ans.escalation


@pytest.mark.parametrize("question,said", [
    ("How soon can lumbar medial branch RFA be repeated?", "repeat"),
    ("射频做完多久能再做？", "重复")])
def test_how_soon_an_ablation_may_be_repeated_is_said_to_be_missing(phone_engine, question, said):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question)
    assert ans.abstained and said in ans.text, ans.text
    assert "0.5%" not in ans.text  # (never the ablation's complication rates in its place)


@pytest.mark.parametrize("question,first", [
    ("Phoned a pt 36 h after a cervical interlaminar ESI: severe headache when upright, better lying flat, some neck pain, "
     "no fever. What's next?", "caffeine"),
    ("腰椎硬膜外注射后第二天病人打电话说头痛，坐起来就加重躺下好转，恶心，护士电话随访怎么建议？", "咖啡因")])
def test_a_phone_call_about_a_postural_headache_gets_the_conservative_care_first(phone_engine, question, first):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question)
    assert first in _first(ans), ans.text


def test_confusion_with_a_high_blood_pressure_is_no_low_pressure_in_the_stroke_banner(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("颈椎经椎间孔硬膜外注射用的得宝松，术后20分钟患者意识模糊、右侧肢体无力、说话不清，BP 175/95，怎么办？")
    assert ans.urgent and ans.pathway == "esi-stroke", ans.text
    assert "低血压" not in ans.escalation and "意识障碍" in ans.escalation, ans.escalation
    low = phone_engine.answer("颈椎TFESI推完药 手脚都动不了了，呼吸费力，血压80/40")
    assert "呼吸困难或低血压" in low.escalation  # (the breathing and the pressure told: said as told)


def test_the_lipid_regimen_for_the_weight_told_leads_before_its_ceiling(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("He weighs 80 kg. Exactly how much 20% lipid emulsion do I give as bolus and infusion, and what is the max?",
                        history=["Doing lumbar medial branch blocks with 1% lidocaine and 0.5% bupivacaine, patient suddenly complains "
                                 "of metallic taste and tinnitus, then has a tonic-clonic seizure. Sats 91%, HR 48. What now?"])
    assert ans.urgent and ">70 kg" in _first(ans) and "differs between guidelines" not in _first(ans), ans.text
    shown = _bullets(ans.text)
    assert len(shown) == len(set(shown)), ans.text  # (no bullet said twice)
    assert not any("70-kg adult" in b for b in shown[:3]), ans.text  # (nor another weight's worked example beside the cap)


def test_how_to_spare_a_fetus_radiation_is_answered_from_the_radiation_measures(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("28F, 14 weeks pregnant, severe L5 radiculopathy from a disc herniation, failing meds. Can she have a "
                        "fluoroscopically guided transforaminal ESI, and how do we minimise fetal radiation?")
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert second and any("collimation" in t or "fluoroscopy" in t for t in second), ans.text
    assert not any("dexamethasone" in t for t in second), ans.text


def test_an_apron_thickness_asked_in_mmpb_is_said_to_be_missing(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("C臂下做介入，术者一年辐射剂量限值多少？铅衣要多少mmPb的")
    assert any("未给出以下数值" in n and "mmPb" in n for n in _notes(ans.text)), ans.text


def test_a_words_only_part_is_about_the_part_before_not_another_procedures_repeat(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("骶髂关节痛诊断性阻滞，阳性标准是缓解多少？要做两次吗")
    assert not any("硬膜外类固醇" in b or "脂肪乳" in b for b in _bullets(ans.text)), ans.text


def test_a_procedure_glossed_in_brackets_is_one_procedure(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("那骶髂关节射频（外侧支RF）效果怎么样，值得转过去做吗", history=["骶髂关节痛诊断性阻滞，阳性标准是缓解多少？要做两次吗"])
    assert not any("小关节" in b for b in _bullets(ans.text)), ans.text  # (no facet ablation's sentence for the SI joint's)
    assert "drg-stimulation" in phone_engine.retriever.framer.frame("SCS (or DRG) - infection rate?", []).concepts  # (a choice in brackets is two)


def test_an_infected_pumps_csf_result_goes_on_with_its_emergency_not_a_dural_puncture(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("腰穿脑脊液结果出来白细胞很高，泵要不要取出？",
                        history=["鞘内泵植入术后第5天，发热39.2℃，剧烈头痛，颈强直，有点意识模糊，BP 95/60 HR 120，怎么办"])
    assert ans.urgent and ans.pathway == "implant-infection", ans.text
    assert not any("硬脊膜穿刺后头痛通常" in b or "10–40%" in b for b in _bullets(ans.text)), ans.text
    assert any("植入装置感染或脑膜炎" in n for n in _notes(ans.text)), ans.text


def test_a_risk_factor_part_no_sentence_answers_is_said_to_be_missing(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("椎体成形术后邻近椎体新发骨折发生率大概多少？有哪些高危因素")
    assert any("未涵盖" in n and "高危因素" in n for n in _notes(ans.text)), ans.text
    assert not any("肺骨水泥栓塞" in b for b in _bullets(ans.text)), ans.text
    en = phone_engine.answer("What's the rate of new adjacent-level vertebral fractures after kyphoplasty?")
    assert any("no figure" in n for n in _notes(en.text)) and "adjacent levels" in _first(en), en.text


def test_a_device_said_not_to_be_mr_conditional_is_the_labelling_asked(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("The IPG is an older model implanted 2012 and the manufacturer says it is not MR conditional. What are the options?",
                        history=["Patient with a Medtronic spinal cord stimulator needs a brain MRI for suspected MS. Can it be done safely?"])
    assert ans.abstained and "MR conditional" in ans.text, ans.text


def test_cement_shown_in_the_canal_is_not_given_a_haematomas_surgery_window(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("需要急诊手术减压吗？时间窗多少？", history=["PVP术后1小时患者双下肢无力 麻木，CT看骨水泥渗漏进椎管，怎么处理？"])
    assert ans.urgent and "减压" in _first(ans), ans.text
    assert not any("8 小时" in b or "647" in b for b in _bullets(ans.text)), ans.text


def test_the_inr_on_the_day_of_a_warfarin_patients_procedure_is_the_normalised_inr(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Pt on warfarin for AF, scheduled for SCS trial next Tuesday. How many days does she hold it and what INR "
                        "do we need on the day?")
    assert not any("INR" in n for n in _notes(ans.text)), ans.text
    assert any("normalised international normalised ratio" in b for b in _bullets(ans.text)), ans.text


def test_a_watch_asked_after_an_overdose_settled_is_said_missing_once(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Naloxone given and he woke up. How long do we need to watch him?",
                        history=["Pt with intrathecal morphine pump, 4 h after refill and reprogramming: very drowsy, RR 6, pinpoint "
                                 "pupils, SpO2 84% on air. What do I do?"])
    notes = _notes(ans.text)
    assert any("no length of time" in n for n in notes) and not any("go on with the procedure" in n for n in notes), ans.text


def test_leaks_counted_in_a_series_are_a_figure_for_the_leakage_rate(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Vertebroplasty for osteoporotic L1 compression fracture - what is the cement leakage rate and how often is "
                        "leakage actually symptomatic?")
    assert not any("no figure" in n for n in _notes(ans.text)), ans.text


# Rounds 202 (blind testers 288-289): a pain physician between cases, a ward pharmacist, an ICU registrar; a GP, a
# theatre nurse, an orthopaedic resident.

def test_another_medicine_told_beside_ours_goes_on_with_the_procedure_before(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("He's on apixaban for AF and alendronate. Anything to change before the procedure?",
                              history=["81M, osteoporotic L1 compression fracture 3 weeks ago, still VAS 8 on oxycodone. Is he a "
                                       "candidate for vertebroplasty, and is kyphoplasty any safer in terms of cement leak?"])
    assert not ans.abstained and "3 days" in _first(ans), ans.text  # (the apixaban hold, not "alendronate is not covered")


@pytest.mark.parametrize("question,said", [
    ("Diabetic on insulin, had an SI joint injection with dexamethasone 10 mg yesterday, glucose 18 this morning - is that "
     "expected, how many days will it stay up?", "2 days"),
    ("糖尿病人（胰岛素 门冬+甘精），昨天做了骶髂关节注射，用了地塞米松10mg，今天早上血糖18点几，正常吗？会高几天？胰岛素要不要加量", "第 7 天")])
def test_a_steroids_glucose_rise_is_the_steroids_whatever_injection_gave_it(phone_engine, question, said):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question)
    assert not ans.abstained and any(said in b for b in _bullets(ans.text)), ans.text
    assert any("glucose" in b or "血糖" in b for b in _bullets(ans.text)[:2]), ans.text


def test_a_brain_mri_asked_safe_with_a_stimulator_is_the_device_labelling(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Ward patient has a spinal cord stimulator (thoracic paddle, implanted 2016) and the neuro team want an "
                              "MRI brain for new confusion. Is that safe?")
    assert ans.abstained and "MRI with an implanted device" in ans.text, ans.text


def test_cardiology_keeping_the_drug_leaves_the_procedures_class_to_answer(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Cardiology won't let him stop clopidogrel. Can they do lumbar medial branch blocks on clopidogrel "
                              "instead, without stopping it?",
                              history=["62M, drug-eluting stent 8 months ago, on clopidogrel 75 mg alone now. Pain clinic want to do "
                                       "cervical facet RF ablation. Does the clopidogrel need to stop and for how long?"])
    assert "low-risk" in _first(ans) and "may not require stopping" in str(ans.bullets[1]["text"]), ans.text


def test_a_drug_asked_to_stop_before_a_switch_is_no_drug_switched_from(phone_engine):  # type: ignore[no-untyped-def]
    q = phone_engine.retriever.framer.frame("心内科说氯吡格雷绝对不能停，那能只停阿司匹林做吗？或者换成别的低风险操作？",
                                            ["病人冠脉支架放了4个月，现在阿司匹林+氯吡格雷双抗，疼痛科想做C7-T1椎板间硬膜外注射，双抗怎么处理？"])
    assert "aspirin" in q.concepts and q.followup, q


def test_one_limbs_weakness_with_fever_after_an_injection_is_the_cords_not_a_stroke(phone_engine):  # type: ignore[no-untyped-def]
    first = "Patient 36 h after a cervical interlaminar ESI, now fever 38.6, severe neck pain and progressive left arm weakness. What do we do?"
    ans = phone_engine.answer(first)
    assert ans.urgent and ans.pathway == "neuraxial-deficit" and "abscess" in ans.escalation, ans.escalation
    wait = phone_engine.answer("MRI can't be done until tomorrow morning. Is it safe to wait?", history=[first])
    assert "CT myelography" in wait.escalation, wait.escalation  # (the scan the sources give when MRI cannot be had)
    stroke = phone_engine.answer("20 min after C6 TFESI pt has right arm weakness, facial droop and slurred speech. what now?")
    assert stroke.pathway == "esi-stroke"  # (no fever: the stroke's signs still read as a stroke)


@pytest.mark.parametrize("question,missing", [
    ("SCS植入术前预防性抗生素选啥？头孢过敏的话怎么办", "头孢过敏"),
    ("SCS implant next week - which prophylactic antibiotic, and what if she's allergic to cephalosporins?", "allergic to cephalosporins")])
def test_an_antibiotic_allergy_is_not_answered_with_a_contrast_reaction(phone_engine, question, missing):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question)
    assert not any("造影剂" in b or "contrast" in b for b in _bullets(ans.text)), ans.text
    assert any(missing in n for n in _notes(ans.text)) or not any("anaphyla" in b or "过敏性休克" in b for b in _bullets(ans.text)), ans.text


def test_cutting_ones_own_dose_asks_the_measures_not_an_emergency_step(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("What can I do to cut my own radiation dose during kyphoplasty? I'm doing 3 levels a week and worried "
                              "about my hands and eyes.")
    assert "cement injection" not in _first(ans) and ans.bullets[0]["group"] == "prevention", ans.text


@pytest.mark.parametrize("question,history", [
    ("急诊MRI显示硬膜外血肿，外科几小时内要减压？", ["ICU急会诊：T8 PKP术后3小时，患者双下肢突然无力，肌力2级，脐以下感觉减退，BP 150/90，怎么办"]),
    ("MRI shows an epidural haematoma at T8 after his kyphoplasty - how many hours do we have to decompress?", [])])
def test_a_haematoma_the_scan_shows_gets_the_surgery_banner(phone_engine, question, history):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question, history=history)
    assert ans.urgent and ("shown on imaging" in ans.escalation or "影像已证实" in ans.escalation), ans.escalation


# Review 39: the edges of this round's rules.

@pytest.mark.parametrize("question", [
    "L1 vertebroplasty done, now injecting cement at L2, pt c/o chest tightness, sats 86%",
    "Kypho done on the left pedicle, now filling the right side, sudden desaturation to 85%",
    "L1椎体成形做完了，接着做L2推骨水泥，病人突然胸闷气短，血氧86%"])
def test_one_level_done_with_the_next_under_way_is_still_stopped(phone_engine, question):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question)
    assert ans.urgent and ("Stop the procedure" in ans.escalation or "立即停止操作" in ans.escalation), ans.escalation


def test_a_block_over_a_structure_is_no_block_over(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("RF ablation over the L4-5 medial branches, patient suddenly seizes")
    assert ans.urgent and "Stop the procedure" in ans.escalation, ans.escalation


@pytest.mark.parametrize("question", [
    "Temp 38.8 now, he was fine before the injection. L4-5 ILESI yesterday, now new leg weakness. What now?",
    "febrile since before the injection, temp now 38.9, ILESI 2 days ago, now weak legs",
    "术前两天就开始发烧一直没退，昨天做了腰椎ILESI，今天双下肢无力"])
def test_a_fever_going_on_still_reads_the_deficit_as_an_abscess(phone_engine, question):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer(question)
    assert "until shown otherwise" in ans.escalation or "首先考虑硬膜外脓肿" in ans.escalation, ans.escalation


def test_a_hold_asked_in_a_deficit_emergency_gets_no_pre_procedure_interval(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("How long to hold his anticoagulant after this?",
                              history=["L4-5 ILESI yesterday, now new bilateral leg weakness and urinary retention. What to do?"])
    assert ans.urgent and not any("before the pain procedure" in b for b in _bullets(ans.text)), ans.text


def test_how_effective_a_covered_treatment_is_still_answers(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("How effective is an epidural blood patch for PDPH?")
    assert not ans.abstained and any("blood patch" in b for b in _bullets(ans.text)), ans.text


def test_a_ct_planned_to_look_is_no_ct_result(phone_engine):  # type: ignore[no-untyped-def]
    from assistant.answer import _study_done
    assert _study_done("要做CT看看有没有血肿吗？", "zh") is None and _study_done("准备做CT看有没有血肿", "zh") is None
    assert _study_done("CT看骨水泥渗漏进椎管", "zh") is not None


def test_a_primary_prevention_aspirin_gets_no_secondary_prevention_rule(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("阿司匹林一级预防，下周做腰椎ILESI，要停吗？停几天？")
    assert not any("二级预防" in b and "一级预防" not in b for b in _bullets(ans.text)), ans.text  # (a brand's "both apply" may stay)


# Rounds 203 (blind testers 290-291): an anaesthetist with a trainee, a night nurse, a rehabilitation physician; a ward
# pharmacist, an emergency nurse practitioner, a pain registrar on nights.

def test_a_refill_due_last_week_names_no_toxicity(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Patient with an intrathecal baclofen pump came in today: agitated, itchy all over, temp 38.9, HR 128, "
                              "spasticity much worse than usual. His refill was due last week and was missed. What is going on and what do I do?")
    assert ans.urgent and ans.pathway == "baclofen-withdrawal", ans.escalation
    last = phone_engine.answer("Refilled the baclofen pump and injected lidocaine at the port, now perioral numbness and seizure")
    assert last.pathway == "last"  # (a local anaesthetic named beside the pump is still toxicity)


def test_she_told_pregnant_after_a_trainees_dose_is_the_trainee(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("She has just told me she is 12 weeks pregnant. Can she keep doing the list in the fluoro room?",
                              history=["What are the main things I should teach my trainee to reduce radiation dose to themselves "
                                       "during fluoroscopic lumbar transforaminal injections?"])
    assert "staff" in _first(ans) or "worker" in _first(ans), ans.text
    assert not any("contraindications" in b for b in _bullets(ans.text)), ans.text  # (no pregnant patient's ESI caution)
    assert "paediatric" not in phone_engine.retriever.framer.frame("she is 12 weeks pregnant", []).concepts


def test_what_to_give_overnight_and_when_to_escalate_gets_the_care_and_the_red_flags(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Lady had a lumbar interlaminar ESI this morning, possible wet tap noted. Now has a headache that is much "
                              "worse sitting up and goes away lying flat, some nausea, obs normal, no fever. What can I give her "
                              "overnight and when should I escalate?")
    shown = _bullets(ans.text)
    assert "caffeine" in _first(ans) and any("red flags" in b for b in shown), ans.text


def test_a_dose_part_after_an_efficacy_part_is_the_drugs_dose(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("Does caffeine actually work for PDPH, and what dose?")
    assert any("900 mg" in b for b in _bullets(ans.text)), ans.text


def test_a_bare_recalled_from_the_guideline_note_is_no_bullet_beside_a_hedged_one(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("and when can he restart it after?",
                              history=["pt on Pradaxa 150 bd, eGFR 40, booked for kyphoplasty Thursday - last dose when?"])
    shown = _bullets(ans.text)
    assert any("24 h" in b for b in shown), ans.text
    assert not any(b.startswith("The dabigatran intervals are recalled") for b in shown), ans.text


def test_a_chinese_question_writing_the_fever_in_english_reads_the_deficit_as_febrile(phone_engine):  # type: ignore[no-untyped-def]
    ans = phone_engine.answer("PVP后第3天 pt fever 38.7，背痛加重，CRP 120，双下肢无力，MRI还没做，怎么处理？")
    assert ans.urgent and "首先考虑硬膜外脓肿" in ans.escalation, ans.escalation
    calm = phone_engine.answer("PVP后第3天 pt no fever，背痛加重，双下肢无力，怎么处理？")
    assert "首先考虑硬膜外脓肿" not in calm.escalation, calm.escalation  # (a fever denied in English is none)
