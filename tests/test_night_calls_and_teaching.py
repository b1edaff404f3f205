"""Rounds 115-117 (an ED registrar, an ICU consultant and a pain nurse on the phone; a neurosurgeon, an interventional
radiologist and a GP; a first-list resident, a pain consultant and a teaching attending; their Chinese counterparts):
other specialties' injections asked with a drug, an arrest told as "no BP", an opioid pump running dry, calls the day
after, two-part questions whose second half was lost, and two rates asked at once."""

from __future__ import annotations

import pytest

from assistant.frame import aspects_of
from assistant.safety import triage


@pytest.fixture(scope="module")
def night(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("night-index", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal",
                                       "vertebral-augmentation", "last", "pdph", "patient-selection-monitoring", "radiation-contrast",
                                       "intrathecal-drug-delivery", "infection-control", "facet-mbb-rfa", "spinal-cord-stimulation",
                                       "cervical-thoracic-sympathetic"))


def _bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


# --- another specialty's injection, asked with a drug and how often -----------------------------------------------------

@pytest.mark.parametrize("q", ["can my pt have carpal tunnel steroid inj while on rivaroxaban? how many times can it be repeated",
                               "肩袖撕裂打PRP，要停阿司匹林吗？多久打一次"])
def test_another_specialtys_injection_is_not_answered_with_our_holds_or_repeat_limits(night, q):  # type: ignore[no-untyped-def]
    a = night.answer(q)
    assert a.abstained and a.verdict == "out_of_scope", a.text[:200]
    assert "3 days" not in a.text and "3–4" not in a.text and "3 天" not in a.text, a.text[:300]


# --- an arrest told as the caller sees it ---------------------------------------------------------------------------------

@pytest.mark.parametrize("q,lang", [("硬膜外注射完病人突然说不出话,呼吸停了,血压测不到,怎么办!!", "zh"),
                                    ("硬膜外注射后病人没呼吸了 血压测不到", "zh"),
                                    ("硬膜外注射完病人呼吸停了", "zh")])
def test_apnoea_or_no_blood_pressure_after_an_epidural_is_a_total_spinal_not_a_stroke(q, lang):  # type: ignore[no-untyped-def]
    assert triage(q, lang, ("esi", "neuraxial-procedure")).rule == "total-spinal"


def test_a_collapse_after_bupivacaine_asking_for_lipid_stays_local_anaesthetic_toxicity():  # (guard)
    assert triage("bupivacaine SGB done, HR 30s, no BP - lipid?", "en", ("stellate-ganglion-block", "bupivacaine")).rule == "last"


# --- an opioid pump running dry is not baclofen's withdrawal ----------------------------------------------------------------

@pytest.mark.parametrize("q", ["鞘内泵病人来急诊,泵在报警,泵里是吗啡,现在出汗、腹泻、焦虑、打哈欠,是不是撤药反应?",
                               "IT morphine pump alarming, pt sweaty, diarrhoea, yawning - withdrawal?"])
def test_withdrawal_told_beside_morphine_is_opioid_withdrawal_and_said_to_be_missing(night, q):  # type: ignore[no-untyped-def]
    f = night.frame(q)
    assert "opioid-withdrawal" in f.concepts and "baclofen-withdrawal" not in f.concepts, f.concepts
    a = night.answer(q)
    assert not a.abstained
    first = a.text.splitlines()[0]
    assert first.startswith(">") and ("opioid withdrawal" in first or "阿片类药物戒断" in first), first


def test_withdrawal_told_beside_baclofen_stays_baclofens(night):  # (guard)
    assert "baclofen-withdrawal" in night.frame("ITB pump empty, is this withdrawal?").concepts


# --- "normal?" about a complication of the procedure told -------------------------------------------------------------------

@pytest.mark.parametrize("q", ["post SCS trial phone call - lead exit site leaking clear fluid and she gets a headache when she sits up. normal?",
                               "SCS试验电极出口渗清亮液体，坐起来就头痛，正常吗"])
def test_a_leak_and_a_postural_headache_after_an_scs_trial_lead_with_its_recognised_risk(night, q):  # type: ignore[no-untyped-def]
    b = _bullets(night.answer(q).text)
    assert b and ("spinal cord stimulation" in b[0] or "SCS" in b[0] or "脊髓电刺激" in b[0]), b[:2]


# --- the patient's own drug care, the turn after her procedure ---------------------------------------------------------------

def test_her_insulin_after_her_tfesi_is_answered_with_the_glucose_advice_and_a_scope_note(night):
    a = night.answer("should she up her insulin herself or call GP?",
                     history=["T2DM on insulin having Kenalog 80mg TFESI next wk. what will her sugars do and for how long"])
    assert not a.abstained, a.text[:200]
    lines = a.text.splitlines()
    assert lines[0].startswith(">") and "insulin" in lines[0], lines[0]
    assert any("glucose" in x for x in _bullets(a.text)), a.text


def test_an_insulin_question_with_no_procedure_before_stays_out_of_scope(night):  # (guard)
    assert night.answer("should she up her insulin herself?").verdict == "out_of_scope"


# --- the call the day after -------------------------------------------------------------------------------------------------

def test_a_next_day_deficit_gets_no_infusion_step_and_no_bare_stop(night):
    q = "on call: wife rang, husband had lumbar ESI yesterday, now severe back pain and cant feel his legs since this am. he's on plavix. what do we do"
    a = night.answer(q)
    assert "continuous epidural" not in a.text, a.text
    assert "stopping the procedure," not in a.text, a.text


def test_a_deficit_with_a_labour_epidural_running_is_the_haematoma_pathway_with_its_infusion_step(night):
    a = night.answer("labour epidural infusion running, she now can't move her legs and has back pain - what do I do?")
    assert a.urgent and a.pathway == "neuraxial-deficit", a.text[:200]
    assert "continuous epidural" in a.text  # (the infusion told keeps its step)


# --- two-part questions ----------------------------------------------------------------------------------------------------

def test_a_drug_told_in_one_sentence_is_not_tried_by_a_hypothetical_failure_in_the_next(night):
    f = night.frame("she's on aspirin 100mg daily - ok to do blood patch? and what if it fails",
                    ["young woman had interlaminar epidural last wk, now headache only when upright, better lying flat. what next?"])
    assert "aspirin" not in f.tried and "aspirin" in f.subjects, (f.tried, f.subjects)


def test_the_aspirin_half_of_a_blood_patch_question_is_said_to_be_not_covered(night):
    a = night.answer("she's on aspirin 100mg daily - ok to do blood patch? and what if it fails",
                     history=["young woman had interlaminar epidural last wk, now headache only when upright, better lying flat. what next?"])
    first = a.text.splitlines()[0]
    assert first.startswith(">") and "aspirin" in first, first


def test_a_test_dose_asked_whether_needed_leads_with_the_test_dose(night):
    f = night.frame("test dose for lumbar TFESI - do i need one? what if i see blood on aspiration")
    assert f.parts[0].aspects[:1] == ("prevention",) and "test-dose" not in f.parts[1].inherited, f.parts
    assert "action" in f.parts[1].aspects, f.parts[1]
    a = night.answer("test dose for lumbar TFESI - do i need one? what if i see blood on aspiration")
    assert "test dose" in _bullets(a.text)[0], a.text


def test_an_immunosuppressed_patients_infection_risk_is_answered_beside_the_unknown_biologic(night):
    a = night.answer("pt on MTX + adalimumab for RA wants lumbar ESI. infection risk? should we hold the biologic?")
    assert "adalimumab" in a.text.splitlines()[0], a.text[:200]
    assert any("immunosuppression" in x for x in _bullets(a.text)), a.text


def test_two_rates_asked_lead_with_the_sentence_giving_both(night):
    for q in ("SCS电极移位率和感染率分别是多少", "SCS lead migration and infection rates?"):
        b = _bullets(night.answer(q).text)
        assert b and "13%" in b[0] and "3–4%" in b[0], (q, b[:2])


def test_a_complication_with_how_much_after_it_asks_its_rate():
    assert "frequency" in aspects_of("有症状的肺栓塞多少", "zh")
    assert "frequency" in aspects_of("SCS电极移位率和感染率分别是多少", "zh")
    assert "frequency" not in aspects_of("利多卡因最大剂量多少", "zh")  # (guard: a dose)


def test_how_to_protect_most_effectively_is_no_comparison():
    assert "comparison" not in aspects_of("怎么防护比较有效", "zh")
    assert "comparison" in aspects_of("PVP和PKP比较，哪个渗漏多", "zh")  # (guard)


def test_a_bare_infection_risk_asks_how_likely():
    assert "frequency" in aspects_of("pt on MTX wants lumbar ESI. infection risk?", "en")
    assert "frequency" not in aspects_of("bleeding risk?", "en")  # (guard: a bleeding-risk class)


# --- the second round's smaller asks ---------------------------------------------------------------------------------------

def test_why_not_in_spoken_chinese_asks_the_mechanism():
    assert "mechanism" in aspects_of("为啥不行", "zh")
    assert "mechanism" in aspects_of("颈椎TF为什么不能用曲安奈德", "zh")
    assert "mechanism" not in aspects_of("为啥要停药几天", "zh")  # (guard: a hold asked with why, not a bare why-not)


def test_stridor_after_another_specialtys_neck_surgery_gets_an_airway_banner(night):
    a = night.answer("pt post ACDF day 1 neck swelling and stridor, how do i manage")
    assert a.abstained and a.urgent and "airway" in a.text.splitlines()[0], a.text[:200]
    assert not night.answer("how common is stridor after ACDF?").urgent  # (guard: a frequency asked)


def test_the_extra_dose_of_an_imaging_technique_is_no_drug_dose(night):
    f = night.frame("does DSA actually add anything over live fluoro? worth the extra dose?")
    assert "dose" not in f.aspects, f.aspects
    assert "dose" in night.frame("naloxone given, RR still 8 - give an extra dose?").aspects  # (guard: a drug's)


# --- round 119: oncology and geriatrics ------------------------------------------------------------------------------------

def test_a_cancer_told_as_the_diagnosis_is_no_other_specialtys_target(night):
    a = night.answer("肺癌骨转移病人 在吃华法林 INR 2.5 要做鞘内泵植入 怎么准备")
    assert not a.abstained and "华法林" in a.text, a.text[:200]
    assert night.answer("CT guided lung cancer biopsy - pneumothorax rate?").verdict == "out_of_scope"  # (guard: a biopsy)


def test_neutropenic_is_read_not_corrected_and_the_pump_part_takes_the_pumps_infection_rate(night):
    q = "IT pump for cancer pain - pt neutropenic ANC 0.8 after chemo, can we still implant? what's the infection rate"
    f = night.frame(q)
    assert "neutropenia" in f.concepts and not f.corrections, (f.concepts, f.corrections)
    assert "intrathecal-drug-delivery" in f.parts[1].inherited, f.parts[1]
    a = night.answer(q)
    assert a.text.startswith(">") and "neutropenic" in a.text.splitlines()[0], a.text[:200]
    rates = [b for b in _bullets(a.text) if "%" in b]
    assert rates and "intrathecal" in rates[0] and "SCS" not in rates[0], a.text  # (the pump's rate, not the stimulator's)


def test_coeliac_plexus_complications_are_said_to_be_missing_not_filled_with_the_sgbs(night):
    a = night.answer("腹腔神经丛阻滞有什么并发症")
    assert "喉返神经" not in a.text and "膈神经" not in a.text, a.text[:300]  # (the SGB's own complications)
    assert not night.answer("what are the complications of stellate ganglion block?").abstained  # (guard)


# --- round 118: pre-assessment, the procedure room and the ward -----------------------------------------------------------

def test_switch_is_no_itch_and_raises_no_anaphylaxis(night):
    a = night.answer("ok if i just switch to dexamethasone does that make it safe to inject anyway?",
                     history=["live contrast on L4/5 TFESI looks vascular, fills and washes out. what now - reposition or abandon?"])
    assert a.pathway != "contrast-anaphylaxis" and "adrenaline" not in a.text, a.text[:200]


def test_a_drug_asked_in_an_emergency_that_no_step_names_is_said_to_be_missing(night):
    a = night.answer("ok leads out. swab the tip? which abx empirically while we wait - vanc?",
                     history=["SCS trial leads in day 3, exit site red + oozy, temp 38.2. pull the leads?"])
    assert a.urgent and "nothing on vanc" in a.text, a.text


def test_asked_whether_he_is_fine_once_awake_keeps_the_overdose_banner(night):
    a = night.answer("纳洛酮给多少？给完醒了是不是就没事了？", history=["夜班护士：鞘内吗啡泵病人今天下午刚加药，现在叫不太醒，呼吸8次/分，瞳孔针尖样"])
    assert a.urgent and a.pathway == "idd-overdose", a.text[:200]
    b = night.answer("病人已经醒了，呼吸平稳，下一步怎么办？", history=["夜班护士：鞘内吗啡泵病人今天下午刚加药，现在叫不太醒，呼吸8次/分，瞳孔针尖样"])
    assert not b.urgent, b.text[:200]  # (guard: told awake, it is settled)


@pytest.mark.parametrize("q,lang", [("镇静给了咪达唑仑3mg+芬太尼100ug，俯卧位，现在SpO2掉到85%，叫不醒", "zh"),
                                    ("gave midaz 3 + fent 100 for sedation, prone, now sats 85% and not rousable", "en")])
def test_desaturation_under_procedural_sedation_is_its_own_urgent_picture(q, lang):  # type: ignore[no-untyped-def]
    assert triage(q, lang, ("sedation", "midazolam", "fentanyl")).rule == "sedation-depression"


def test_a_sedation_dose_asked_raises_no_banner():  # (guard)
    assert not triage("how much midazolam is safe for sedation during a TFESI?", "en", ("sedation", "midazolam")).urgent


def test_asked_whether_to_wait_for_the_mri_leads_with_how_soon_decompression_must_come(night):
    a = night.answer("值班的说MRI要排到明天早上，先观察可以吗？", history=["硬膜外注射后4小时，病人背痛越来越重，两腿发麻没力气，还尿不出来，他在吃利伐沙班"])
    assert a.urgent and "小时" in _bullets(a.text)[0], a.text[:300]


# --- review 24 guards ----------------------------------------------------------------------------------------------------

def test_an_opioid_in_passing_beside_a_baclofen_pump_keeps_baclofen_withdrawal(night):
    for q in ("baclofen pump refill missed, patient opioid-naive, fever and itching - is this withdrawal?",
              "鞘内巴氯芬泵快空了，病人也在口服吗啡止痛，现在发热、瘙痒、肌张力增高，是不是撤药反应?"):
        f = night.frame(q)
        assert "baclofen-withdrawal" in f.concepts and "opioid-withdrawal" not in f.concepts, (q, f.concepts)


@pytest.mark.parametrize("q", ["on clopidogrel, cervical ILESI. bleed risk?", "on apixaban for AF, lumbar ESI planned. stroke risk?",
                               "pt on clopidogrel for a stent, SCS trial. thrombosis risk?"])
def test_a_bleeding_or_clotting_risk_asked_bare_is_no_rate(q):  # type: ignore[no-untyped-def]
    assert "frequency" not in aspects_of(q, "en")


@pytest.mark.parametrize("q", ["腰椎硬膜外注射时，病人咳嗽，没呼吸道感染，能继续吗", "硬膜外注射后病人头痛，没呼吸困难，怎么办"])
def test_no_airway_infection_or_no_breathlessness_is_no_apnoea(q):  # type: ignore[no-untyped-def]
    assert triage(q, "zh", ("esi", "neuraxial-procedure")).rule != "total-spinal"


def test_no_breathing_at_all_is_a_total_spinal():
    assert triage("硬膜外注射后病人没有呼吸了", "zh", ("esi", "neuraxial-procedure")).rule == "total-spinal"


def test_treatments_told_in_the_sentence_before_a_failure_are_tried(night):
    f = night.frame("PDPH day 3 after ESI wet tap. Gave paracetamol and caffeine. Didn't help. What next?")
    assert "caffeine" in f.tried, f.tried


def test_an_infusion_told_in_other_words_keeps_its_step(night):
    a = night.answer("CRPS pt with a lumbar epidural at 6 ml/h bupivacaine for 3 days, now legs progressively weaker and back pain - what now?")
    assert a.urgent and "continuous epidural" in a.text, a.text[:300]


def test_a_pneumothorax_size_threshold_is_no_rate():
    assert "frequency" not in aspects_of("气胸多少需要放胸腔引流？", "zh")


def test_other_diabetes_drugs_after_a_procedure_stay_another_specialtys(night):
    a = night.answer("其他降糖药要调整吗？", history=["糖尿病人做完硬膜外激素注射 血糖会高几天？"])
    assert a.verdict == "out_of_scope", a.text[:200]


# --- rounds 121-122 --------------------------------------------------------------------------------------------------------

def test_electrotherapy_beside_an_implanted_stimulator_is_said_to_be_missing_first(night):
    a = night.answer("physio asking: pt has a spinal cord stimulator (Nevro), is it safe to use shortwave diathermy or TENS on him?")
    first = a.text.splitlines()[0]
    assert first.startswith(">") and "diathermy" in first, a.text[:200]


def test_how_many_diagnostic_mbbs_is_the_indication_ask_the_sources_do_not_answer(night):
    f = night.frame("how many diagnostic MBBs before lumbar RFA and what % relief counts as positive")
    assert "indication" in f.concepts, f.concepts
    assert night.answer("how many diagnostic MBBs before lumbar RFA and what % relief counts as positive").abstained


def test_confused_names_an_altered_consciousness():
    from assistant.lexicon import load_lexicon
    lx = load_lexicon()
    assert "somnolence" in lx.tags("86yo confused since facet injections yesterday") and "somnolence" in lx.tags("术后有点谵妄")


def test_bending_lifting_and_physio_after_a_procedure_are_the_mobilisation_ask_the_sources_do_not_answer(night):
    a = night.answer("SCS perc leads implanted 2 wks ago - when can he start bending/twisting/lifting? and overhead reaching?")
    assert a.abstained, a.text[:200]
    b = night.answer("SCS电极植入后电极移位率多少？术后多久可以弯腰、抬重物？")
    assert not b.abstained and "知识库未涵盖：术后多久可以弯腰" in b.text, b.text[-300:]


def test_wound_care_and_suture_removal_after_an_implant_are_an_ask_the_sources_do_not_answer(night):
    assert night.answer("脊髓电刺激植入术后伤口怎么护理，什么时候可以洗澡，几天拆线").abstained
    assert "wound-care" in night.frame("SCS IPG pocket - when are the stitches out?").concepts


# --- review 25 guards ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("q,lang", [("病人镇静中呼吸16次，血氧96%，正常吗", "zh"), ("snoring under sedation, sats 96%, ok?", "en"),
                                    ("病人有睡眠呼吸暂停，能做静脉镇静吗？", "zh"), ("if the patient desaturates under sedation what do I do", "en"),
                                    ("托下颌后回升到96%，镇静中，接下来？", "zh")])
def test_sedation_told_normal_planned_hypothetical_or_recovered_is_no_emergency(q, lang):  # type: ignore[no-untyped-def]
    assert triage(q, lang, ("sedation", "midazolam", "propofol")).rule != "sedation-depression"


def test_a_question_with_it_in_it_still_gets_the_sedation_banner():
    q = "propofol sedation for RFA, now sats 82% and she is unrousable, is it the propofol?"
    assert triage(q, "en", ("sedation", "propofol")).rule == "sedation-depression"


def test_chinese_denials_of_consciousness_signs_are_still_denials():
    assert triage("硬膜外注射后病人头晕，没有意识丧失，怎么办", "zh", ("esi", "lidocaine")).rule != "last"


def test_told_awake_the_overdose_is_settled_whatever_is_asked_next(night):
    a = night.answer("病人醒了，什么时候可以转回病房？", history=["夜班护士：鞘内吗啡泵病人今天下午刚加药，现在叫不太醒，呼吸8次/分，瞳孔针尖样"])
    assert not a.urgent, a.text[:200]


def test_ablating_a_lung_cancer_is_another_specialtys(night):
    assert night.answer("CT-guided RFA of a lung cancer - pneumothorax rate?").verdict == "out_of_scope"


def test_an_implant_is_never_read_as_an_injection_for_a_condition_listed_against_the_injection(night):
    f = night.answer("SCS for CRPS, pt on adalimumab - can we implant? what's the infection rate")
    assert "epidural steroid injection" not in f.text.splitlines()[0], f.text[:300]


def test_a_drug_the_patient_is_on_was_never_tried(night):
    f = night.frame("PDPH day 3 after ESI wet tap. On aspirin for a stent. Gave paracetamol and caffeine. Didn't help. What next?")
    assert "aspirin" not in f.tried and "caffeine" in f.tried, f.tried


def test_lead_placement_is_no_cement():
    assert triage("SCS lead placement just done, now short of breath and sats 88%", "en", ("spinal-cord-stimulation",)).rule != "cement-embolism"


def test_a_neutropenic_patients_pump_infection_risk_gets_the_pumps_infection_figures(night):
    b = _bullets(night.answer("intrathecal pump in a neutropenic patient: infection risk?").text)
    assert b and "intrathecal" in b[0] and "%" in b[0], b[:2]


def test_how_long_to_fast_is_an_ask_the_sources_do_not_answer(night):
    a = night.answer("明天做腰椎硬膜外激素注射的病人要禁食多久啊？降压药要不要停")
    assert "FDA" not in a.text and "禁食多久" in a.text, a.text[:300]  # (said not covered, not filled with the FDA warning)


def test_a_treatment_drug_asked_in_a_first_turn_emergency_that_no_step_names_is_said_to_be_missing(engine):
    a = engine.answer("TFESI后病人说右腿麻木无力，MRI还没排上，要不要先给地塞米松？")
    assert a.urgent and "地塞米松" in next((x for x in a.text.splitlines() if x.startswith(">")), ""), a.text[:300]


def test_a_class_asked_that_the_steps_name_gets_no_missing_note(night):  # (guard: "antibiotics" is in the explant step)
    a = night.answer("10 days after IPG implant: fever, red swollen pocket, pus from the wound. Can we just give oral antibiotics and watch?")
    assert a.urgent and "says nothing on antibiotics" not in a.text, a.text[:300]
