"""Rounds 185 onwards (a pain fellow on call, an interventional radiologist doing augmentation, a recovery-room nurse
anaesthetist; an attending implanting stimulators and pumps, an anaesthesia resident with anticoagulated patients, a
radiologist doing facet, SI and epidural injections): the names they run together and what they ask next."""

from __future__ import annotations

import re
from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes

from assistant.lexicon import load_lexicon


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_lexicon()


@pytest.fixture(scope="module")
def rounds_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these calls reach: injections, implants, augmentation, bleeding, headache and toxicity."""
    return engine_over("on-call-rounds", ("esi-general", "esi-transforaminal", "vertebral-augmentation", "spinal-haematoma",
                                          "anticoagulants", "pdph", "last", "intrathecal-drug-delivery", "spinal-cord-stimulation",
                                          "infection-control", "facet-mbb-rfa", "sacroiliac", "patient-selection-monitoring",
                                          "esi-interlaminar-caudal", "cervical-thoracic-sympathetic"))


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


# --- names run together ---------------------------------------------------------------------------------------------------
def test_a_name_cut_by_the_name_before_it_is_not_read_as_a_subject_we_lack(lexicon):  # type: ignore[no-untyped-def]
    found = [m.concept for m in lexicon.match("vertebral artery injection with a cervical facet joint injection?")]
    assert "facet-injection" in found and "peripheral-joint-injection" not in found, found


@pytest.mark.parametrize(("text", "kept", "not_read"), [
    ("bleeding risk of a knee joint injection on apixaban", "peripheral-joint-site", "facet-injection"),
    # (a covered name in the tail keeps its reading: the patient's pacemaker, not the "pain pacemaker" of an SCS)
    ("Facet RFA in a chronic pain pacemaker patient - precautions?", "cardiac-device", "spinal-cord-stimulation"),
])
def test_a_name_in_the_tail_keeps_its_own_reading_otherwise(lexicon, text, kept, not_read):  # type: ignore[no-untyped-def]
    found = [m.concept for m in lexicon.match(text)]
    assert kept in found and not_read not in found, found


def test_a_cervical_facet_joint_injection_is_not_called_a_limb_joint_injection(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("What's the risk of vertebral artery injection with a cervical facet joint injection?")
    said = " ".join(_notes(ans.text) + _bullets(ans.text))
    assert "facet joint injection" in said and "after joint injection" not in said, ans.text


# --- a follow-up in an emergency that goes on ---------------------------------------------------------------------------------
_PUMP_OD = "Intrathecal morphine pump refill done 2 hours ago. Patient is now very drowsy, RR 6, SpO2 84% on room air, pinpoint pupils. What do I do?"


def test_a_dose_told_with_a_decimal_point_is_quoted_whole_and_no_lipid_follows_a_pump_overdose(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Naloxone 0.4 mg given, RR back up to 12 and he's rousable. How long does he need monitoring, and what do I do about "
                               "the pump?", history=[_PUMP_OD])
    assert ans.urgent
    assert not any(n.split(": ", 1)[-1].startswith("4 mg") for n in _notes(ans.text)), ans.text
    assert not any("lipid" in b.lower() or "AAGBI" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize(("q", "history", "regimen"), [
    ("She's about 60 kg. Exact lipid emulsion dosing please.",
     ["Patient is agitated with perioral numbness and a metallic taste 5 min after a stellate ganglion block with bupivacaine, BP 80/40, HR 38"],
     "1.5 mL/kg"),
    ("布比卡因中毒心跳骤停了！！体重60kg，脂肪乳怎么给", [], "1.5 mL/kg"),
])
def test_the_lipid_dose_asked_goes_on_to_the_repeat_boluses_and_the_cap(rounds_engine, q, history, regimen):  # type: ignore[no-untyped-def]
    said = _bullets(rounds_engine.answer(q, history=history).text)
    at = next(i for i, b in enumerate(said) if regimen in b)
    assert any("12 mL/kg" in b and ("repeat" in b or "重复推注" in b) for b in said[at + 1:]), said


@pytest.mark.parametrize(("q", "history"), [
    ("MRI confirms an epidural haematoma. How soon does he need decompression?",
     ["2 hours after a lumbar ESI the patient has bilateral leg weakness and sudden worse back pain, on aspirin and clopidogrel not stopped. What do I do?"]),
    ("MRI确认是硬膜外血肿，多长时间内要手术减压？", ["硬膜外激素注射后2小时病人双下肢无力，腰背痛突然加重，他平时吃阿司匹林+氯吡格雷没停，怎么办"]),
])
def test_a_haematoma_confirmed_and_the_time_to_decompression_asked_stays_urgent(rounds_engine, q, history):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q, history=history)
    assert ans.urgent and ans.bullets, ans.text
    assert re.search(r"\d+ ?(?:h|hours?|小时)\b|\d+ ?小时", _first(ans)), ans.text


# --- what the question asks ---------------------------------------------------------------------------------------------------
def test_whether_a_patient_with_a_stimulator_may_have_an_mri_is_the_device_labelling(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Can a patient with a spinal cord stimulator have an MRI scan?")
    assert ans.abstained and "MRI with an implanted device" in ans.text, ans.text


def test_a_restart_the_hold_sentence_gives_is_not_said_missing_nor_padded(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Pt on apixaban 5 mg BID for AF, booked for cervical interlaminar ESI tomorrow morning. How many days do I hold "
                               "the apixaban, and when can she restart it after the injection?")
    assert "restart" in _first(ans) and "3 days" in _first(ans), ans.text
    assert not any("no restart time" in n for n in _notes(ans.text)), ans.text
    assert not any("Contraindications cited" in b for b in _bullets(ans.text)), ans.text


def test_cement_seen_tracking_into_a_vein_mid_kyphoplasty_leads_with_the_rule_to_stop(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Doing kyphoplasty at L1 and on the lateral view I can see cement tracking into a paravertebral vein. "
                               "What should I do at this point?")
    assert "stop when the cement" in _first(ans) and "veins" in _first(ans), ans.text


@pytest.mark.parametrize(("q", "history"), [
    ("Blood patch done 48 h ago, headache came back almost as bad. Do I repeat the patch or is something else going on?",
     ["Interlaminar ESI at L5-S1 yesterday with an 18G Tuohy, probable wet tap. Today she has a postural headache, worse sitting up, 7/10. "
      "When should I offer an epidural blood patch and how much blood?"]),
    ("血补片做了两天头痛又回来了，要再补一次还是有别的原因？", ["腰椎硬膜外穿刺意外穿破硬脊膜，第二天体位性头痛，什么时候做血补片？"]),
])
def test_a_patch_that_failed_leads_with_a_second_patch_then_the_red_flags(rounds_engine, q, history):  # type: ignore[no-untyped-def]
    said = _bullets(rounds_engine.answer(q, history=history).text)
    assert re.search(r"second epidural blood patch|第二次硬膜外自体血填充", said[0]), said
    assert re.search(r"red flags|警示征象|危险信号", said[1], re.I) and re.search(r"subdural|硬膜下", said[1]), said


# --- what is not ours -----------------------------------------------------------------------------------------------------------
def test_the_sham_trial_evidence_for_vertebroplasty_is_declined_not_answered_with_an_index_term(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("What does the sham-controlled trial evidence show for vertebroplasty in painful osteoporotic compression fractures?")
    assert ans.abstained and "index terms" not in ans.text, ans.text


@pytest.mark.parametrize("q", ["Quick one - what INR range should I target for a patient with a mechanical mitral valve?", "机械瓣病人INR控制在多少合适？"])
def test_the_inr_a_valve_patient_is_kept_at_is_cardiologys(rounds_engine, q):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q)
    assert ans.abstained and not ans.bullets and ("INR" in ans.text), ans.text


@pytest.mark.parametrize("q", ["What INR do I need before a lumbar ESI?", "INR 2.1 on warfarin for a mechanical valve, TFESI tomorrow - ok?"])
def test_the_inr_checked_before_a_procedure_of_ours_is_still_answered(rounds_engine, q):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q)
    assert not ans.abstained and "INR" in _first(ans), ans.text


def test_an_emergency_follow_up_says_which_of_its_parts_the_sources_lack(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("What organisms are usual and what empirical antibiotic would you start?",
                               history=["Pt 5 days after permanent SCS implant, IPG pocket is red, warm and tender, temp 38.6. What's the management?"])
    said = _notes(ans.text)
    assert ans.urgent and any("organisms" in n and "Not covered" in n for n in said), ans.text
    assert any("no drug or regimen" in n for n in said) and not any("no dose" in n for n in said), ans.text


@pytest.mark.parametrize("q", ["What's the loading dose of vancomycin for MRSA bacteraemia in an 80 kg patient?", "万古霉素负荷剂量怎么算，80kg",
                               "病房静脉留置针一般多久换一次？", "How often should a ward IV cannula be changed?",
                               "孕妇 孕20周 右下腹痛 怀疑阑尾炎 可以做CT吗 还是只能超声MRI",
                               "Suspected SAH, thunderclap headache, CT head negative at 8 hours from onset. Do I still need an LP?"])
def test_a_ward_question_an_abdomen_or_a_tap_for_a_bleed_is_another_specialtys(rounds_engine, q):  # type: ignore[no-untyped-def]
    # (declined, never answered with a rescue dose, an imaging rule or our figures)
    ans = rounds_engine.answer(q)
    assert ans.abstained and not ans.bullets and not ans.urgent, ans.text


def test_iv_access_kept_in_a_vasovagal_reaction_is_still_ours(rounds_engine):  # type: ignore[no-untyped-def]
    assert not rounds_engine.answer("Vasovagal during a TFESI - keep the IV cannula in and lie her flat?").abstained


def test_a_bacteraemia_before_a_planned_injection_asks_its_contraindications(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Patient has MRSA bacteraemia on IV vancomycin - can I still do his lumbar ESI next week?")
    assert "contraindications" in _first(ans) and "infection" in _first(ans), ans.text


def test_an_incident_looked_back_on_gets_the_hold_not_a_banner(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("不良事件回顾：患者房颤口服利伐沙班20mg qd，腰椎TFESI前只停了1天，术后出现硬膜外血肿。指南推荐术前停药多久？")
    assert not ans.urgent and "3 天" in _first(ans), ans.text


@pytest.mark.parametrize(("q", "history"), [
    ("Can he even have an MRI? Do we need to worry about whether the leads are MRI compatible?",
     ["SCS implanted 3 days ago, now progressive bilateral leg weakness and urinary retention, BP 130/80, afebrile. What do I do?"]),
    ("MRI有条件做吗？电极是不是MRI兼容的要考虑吗", ["SCS植入术后第3天，患者双下肢无力进行性加重，尿潴留，血压130/80，不发热，怎么办"]),
])
def test_whether_the_deficits_mri_can_be_done_with_an_implant_stays_urgent_with_ct_myelography(rounds_engine, q, history):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q, history=history)
    assert ans.urgent and re.search(r"CT myelography|CT 脊髓造影", _first(ans)) and re.search(r"SCS", _first(ans)), ans.text
    assert any("MRI compatib" in n or "MRI兼容" in n for n in _notes(ans.text)), ans.text


def test_the_mechanism_asked_leads_with_the_named_mechanism_not_the_reports_listed(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("What is the mechanism of paraplegia after a lumbar transforaminal injection?")
    assert "attributed to" in _first(ans) and "artery" in _first(ans), ans.text
    flush = rounds_engine.answer("TFESI后脸红发热，是激素引起的吗？")  # (a sign the sources name as the steroid's effect still leads)
    assert "面部潮红" in _first(flush), flush.text


def test_whether_dexamethasone_is_just_as_effective_is_answered_with_the_efficacy_evidence(rounds_engine):  # type: ignore[no-untyped-def]
    said = _bullets(rounds_engine.answer("Why is dexamethasone preferred over particulate steroids for cervical transforaminal injections? "
                                         "Is it just as effective?").text)
    assert any("non-inferior" in b or "efficacy" in b for b in said), said
    assert not any("HPA" in b or "cumulative systemic steroid" in b for b in said), said


# --- rounds 187: pumps, meningism, other specialties ---------------------------------------------------------------------------
_BACLOFEN_PUMP = ("Pt with intrathecal baclofen pump, pump alarm went off a few days ago and she ignored it. Now itchy, agitated, temp 38.9, "
                  "HR 130, spasticity much worse. What is this and what do we do?")


def test_a_baclofen_pump_picture_is_withdrawal_not_a_wound_infection(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(_BACLOFEN_PUMP)  # ("ignored" holds "red": no wound sign)
    assert ans.urgent and ans.pathway == "baclofen-withdrawal", ans.text
    dose = rounds_engine.answer("What oral baclofen dose can we start as a bridge while the pump is sorted?", history=[_BACLOFEN_PUMP])
    assert dose.urgent and any("no dose" in n and "oral baclofen" in n for n in _notes(dose.text)), dose.text


def test_fever_and_a_stiff_neck_two_turns_after_a_postural_headache_are_the_punctures_red_flags(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Update: she's now 38.6 with neck stiffness and photophobia. Does that change things?",
                               history=["58F, cervical interlaminar ESI 2 days ago, now headache much worse sitting up, better lying flat, some "
                                        "neck ache, afebrile. Is this PDPH and how do I manage it?",
                                        "When should we go for an epidural blood patch and how much blood?"])
    assert ans.urgent and ans.pathway == "dural-puncture-red-flags", ans.text
    assert "meningitis" in _first(ans) and not any("SCS" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("q", ["急诊PCI术后的病人在吃替格瑞洛+阿司匹林双抗，现在黑便Hb 72，双抗要停吗？怎么处理消化道出血",
                               "How long should antibiotic prophylaxis be continued after posterior lumbar interbody fusion with instrumentation?"])
def test_a_bleeding_gut_and_a_fusions_prophylaxis_are_other_specialties(rounds_engine, q):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q)
    assert ans.abstained and not ans.bullets, ans.text


def test_a_past_gut_bleed_before_an_injection_of_ours_is_still_answered(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Had a GI bleed last year on aspirin, now booked for L4-5 TFESI - do I need to stop the aspirin?")
    assert not ans.abstained and "spirin" in _first(ans), ans.text


def test_why_a_step_is_done_asks_the_reason_and_a_diagnostic_block_is_no_diagnosis_asked(lexicon):  # type: ignore[no-untyped-def]
    from assistant.frame import Framer

    q = Framer(lexicon, {"en": {}, "zh": {}}, frozenset()).frame("给规培医生讲课：腰椎小关节射频去神经前为啥要做两次诊断性内侧支阻滞？")
    assert q.aspects == ("mechanism",) and "medial-branch-block" in q.concepts, q


# --- rounds 188 ------------------------------------------------------------------------------------------------------------------
def test_a_recent_stent_asked_after_ticagrelors_hold_is_answered_by_the_antiplatelet_rule(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("那如果是3周前刚放的支架呢，能做吗",
                               history=["心内科会诊：患者PCI术后8个月(DES)，阿司匹林+替格瑞洛，疼痛科要做腰椎脊神经后支射频，替格瑞洛要停几天？阿司匹林能不停吗"])
    assert not ans.abstained and "支架" in _first(ans) and "心内科" in _first(ans), ans.text


def test_a_plexus_block_named_beside_a_drugs_ceiling_is_no_unknown_subject(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("罗哌卡因呢，做腰丛/椎旁这种最多用多少", history=["利多卡因局部浸润最大剂量多少？70kg病人，加肾上腺素的话呢"])
    assert not ans.abstained and "罗哌卡因" in _first(ans), ans.text


def test_a_refill_that_was_due_is_no_procedure_planned(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Ward call 2am: pt with intrathecal baclofen pump, refill was due last week, now itching, temp 38.9, HR 130, "
                               "rigid legs, pump alarm beeping. What is this and what do I do?")
    assert ans.urgent and ans.pathway == "baclofen-withdrawal", ans.text


def test_a_follow_up_that_only_tells_more_keeps_the_emergency(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("用的是0.25%布比卡因10ml加地塞米松，L4/5椎板间入路，穿刺时没看到回血回液",
                               history=["腰椎硬膜外激素注射后2小时，病人说双下肢麻木无力，BP 90/50，HR 52，怎么办？"])
    assert ans.urgent and ans.bullets, ans.text
    calm = rounds_engine.answer("用的是0.25%布比卡因10ml加地塞米松，L4/5椎板间入路，地塞米松和布比卡因能混吗？",
                                history=["腰椎硬膜外激素注射后2小时，病人说双下肢麻木无力，BP 90/50，HR 52，怎么办？"])
    assert calm.bullets  # (a question of its own is answered as asked)


# --- review 35 ---------------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("q", ["SCS implanted 10 days ago, IPG pocket reddening, temp 38.6 - what now?",
                               "IPG pocket looks reddish and hot, T 38.4, 2 wks post SCS implant",
                               "Febrile 38.9 and altered 3 days after intrathecal pump implant"])
def test_a_red_pocket_or_a_fever_with_altered_mind_after_an_implant_is_urgent(rounds_engine, q):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q)
    assert ans.urgent and ans.pathway == "implant-infection", ans.text


@pytest.mark.parametrize(("history", "q", "pathway"), [
    ("New leg weakness after lumbar ILESI on apixaban", "Gadolinium given for the MRI and now hives, wheeze, BP 70/40", "contrast-anaphylaxis"),
    ("New leg weakness 1 h after lumbar ILESI with 10 mL bupivacaine", "In the MRI scanner he had a seizure, SpO2 82%", "last"),
])
def test_a_new_picture_told_with_the_deficits_scan_is_read_as_told(rounds_engine, history, q, pathway):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q, history=[history])
    assert ans.urgent and ans.pathway == pathway, ans.text


@pytest.mark.parametrize("q", ["Is a 25G pencil-point needle more effective at preventing PDPH?", "What INR is acceptable for a TFESI?",
                               "Target INR for ILESI?", "PVP前INR控制在多少？"])
def test_a_comparison_or_a_procedures_inr_is_still_ours(rounds_engine, q):  # type: ignore[no-untyped-def]
    assert not rounds_engine.answer(q).abstained


@pytest.mark.parametrize("q", ["Lipid extravasated - the IV cannula tissued. Resite the cannula and keep going?",
                               "During LAST resuscitation the IV cannula failed - can lipid go via IO or should we change the cannula?"])
def test_a_cannula_resited_in_a_rescue_is_no_ward_question(rounds_engine, q):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q, history=["Seizure after 20 mL bupivacaine for a paravertebral block, giving lipid"])
    assert not ans.abstained and ans.bullets, ans.text


def test_a_bloodstream_infection_after_our_implant_is_its_infection(rounds_engine):  # type: ignore[no-untyped-def]
    assert not rounds_engine.answer("Blood cultures positive, bloodstream infection 2 weeks after intrathecal pump implant, febrile - explant?").abstained


@pytest.mark.parametrize("q", ["PDPH after wet tap during ILESI, BMI 38.5, caffeine not helping - EBP?",
                               "PDPH day 3 after ILESI wet tap, Hb 121, Hct 39.5, plt 210 - ok to do EBP?",
                               "PDPH after wet tap, BMI is 38.5 - EBP volume?", "PDPH day 3, Hct is 39.5, plt 180 - ok for EBP?"])
def test_a_lab_value_in_the_thirties_is_no_fever(rounds_engine, q):  # type: ignore[no-untyped-def]
    assert not rounds_engine.answer(q).urgent


def test_results_that_came_back_are_no_failed_treatment(lexicon):  # type: ignore[no-untyped-def]
    from assistant.frame import Framer

    q = Framer(lexicon, {"en": {}, "zh": {}}, frozenset()).frame("Post-ESI fever: bloods done, results came back with CRP 180 and WCC 18 - next?")
    assert "escalation" not in q.aspects[:1], q.aspects


def test_stop_or_continue_when_cement_enters_a_vein_leads_with_the_rule_to_stop(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Doing vertebroplasty T8: cement going into a vein, stop or continue slowly?")
    assert "stop when the cement" in _first(ans), ans.text


def test_the_lipids_repeat_boluses_come_after_the_steps(rounds_engine):  # type: ignore[no-untyped-def]
    said = _bullets(rounds_engine.answer("Seizing after 20 mL bupivacaine for a paravertebral block, 60 kg - exact lipid dosing?").text)
    at = next(i for i, b in enumerate(said) if "repeat boluses" in b)
    assert any("call for help" in b for b in said[:at]) and any("benzodiazepine" in b for b in said[:at]), said


# --- rounds 189-194 ------------------------------------------------------------------------------------------------------------
def test_whether_to_empty_the_pump_is_answered_by_the_overdose_passage(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("纳洛酮0.4mg静推后呼吸好转到14次了,要观察多久?泵里的药要不要抽出来",
                               history=["鞘内吗啡泵的病人被家属送来 嗜睡 呼吸8次/分 瞳孔针尖样 说是下午刚在疼痛科加完药 两小时前 怎么办"])
    assert not any("泵里的药要不要抽出来" in n for n in _notes(ans.text)), ans.text
    assert any("排空" in b for b in _bullets(ans.text)), ans.text


def test_the_headache_after_a_diagnostic_tap_is_still_ours(rounds_engine):  # type: ignore[no-untyped-def]
    assert not rounds_engine.answer("Headache after a diagnostic LP for suspected SAH, worse upright - blood patch?").abstained


def test_one_sided_weakness_and_slurred_speech_after_a_cervical_tf_is_a_stroke(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("C6-7 右侧 TFESI 做完大概40分钟，病人突然说左边手脚没力气，讲话含糊，BP 170/95 HR 88，怎么办？？")
    assert ans.urgent and "卒中" in ans.text.splitlines()[0], ans.text


# --- review 36 ---------------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("q", "pathway"), [
    ("Baclofen pump catheter revised last week, now T 38.9 and severe back pain", "implant-infection"),
    ("Baclofen pump implanted 10 days ago, T 38.9, CRP 210, no other symptoms", "implant-infection"),
    ("巴氯芬泵植入后5天，发热39度，头痛，颈项强直", "implant-infection"),
    ("ITB pump refill overdue, T 38.6, itchy, spasticity much worse, confused", "baclofen-withdrawal"),
    ("Baclophen pump, temp 38.9, confused, tone up", "baclofen-withdrawal"),
    ("IPG pocket swollen and tender, T 38.6, 10 days after SCS implant", "implant-infection"),
    ("SCS植入后10天，囊袋发红，体温38.6", "implant-infection"),
    ("Bacteremia following the DRG stimulator implant, T 38.9", "implant-infection"),
])
def test_a_baclofen_pumps_infection_and_its_withdrawal_are_told_apart(rounds_engine, q, pathway):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q)
    assert ans.urgent and ans.pathway == pathway, ans.text


@pytest.mark.parametrize(("history", "q"), [
    ("Hives, wheeze and BP 80/50 after contrast during lumbar TFESI", "Next patient is a 45-year-old man for a lumbar facet injection."),
    ("Pale, sweaty, HR 40 and BP 80/50 during lumbar TFESI", "Turned out to be a simple faint, he is fully recovered."),
    ("ILESI后双下肢无力，吃阿哌沙班", "另一个病人：72岁，下周做腰椎小关节阻滞。"),
])
def test_a_statement_about_the_next_patient_or_a_settled_faint_carries_no_banner(rounds_engine, history, q):  # type: ignore[no-untyped-def]
    assert not rounds_engine.answer(q, history=[history]).urgent


@pytest.mark.parametrize("q", ["What INR for SGB in a pt with a mechanical valve?", "机械瓣患者行鞘内泵植入，INR控制在多少？",
                               "What INR target for a PNS lead placement in AF?"])
def test_the_inr_for_a_procedure_of_ours_in_a_valve_patient_is_ours(rounds_engine, q):  # type: ignore[no-untyped-def]
    assert not rounds_engine.answer(q).abstained


@pytest.mark.parametrize(("history", "q", "repeat"), [
    ("Seizure after 20 mL bupivacaine for a paravertebral block, 60 kg, lipid bolus given",
     "Still seizing and now hypotensive after the first bolus - what next?", "repeat"),
    ("布比卡因中毒抽搐，60kg，脂肪乳已经推了90ml", "还在抽，血压往下掉了，下一步？", "重复推注"),
])
def test_a_circulation_failing_after_the_first_lipid_bolus_leads_with_the_repeat(rounds_engine, history, q, repeat):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q, history=[history])
    assert ans.urgent and repeat in _first(ans), ans.text
    seizing = rounds_engine.answer("还在抽，下一步？", history=["布比卡因中毒抽搐，60kg，脂肪乳已经推了90ml"])
    assert "重复推注" not in _first(seizing), seizing.text  # (a seizure going on with the circulation held is the benzodiazepine's)
