"""Rounds 141-150 (a geriatrician, a pain-clinic nurse practitioner, a cardiothoracic anaesthetist; an endocrinologist, a
neurosurgeon, a recovery-room nurse; and the later rounds' roles, with their Chinese counterparts): the asks these
clinicians phrase their own way, and the sentence that answers them first."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def ward_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("ward-index", ("anticoagulants", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal", "last",
                                      "vertebral-augmentation", "facet-mbb-rfa", "intradiscal-pldd", "infection-control",
                                      "spinal-cord-stimulation", "patient-selection-monitoring", "radiation-contrast",
                                      "sacroiliac", "spinal-haematoma", "pdph", "intrathecal-drug-delivery",
                                      "cervical-thoracic-sympathetic", "ultrasound-pneumothorax"))




# --- the implanting team's scrub and attire are their own ask, not infection control at large ------------------------------

@pytest.mark.parametrize("q,first", [
    ("what scrub and theatre attire for an SCS implant?", "surgical hand scrub of 2–5 min"),
    ("进修医生第一次上台做SCS植入，问刷手和着装有什么要求？", "外科手消毒")])
def test_scrub_and_attire_asked_lead_with_the_scrub(implant_engine, q, first):  # type: ignore[no-untyped-def]
    bullets = _bullets(implant_engine.answer(q).text)
    assert any(first in b for b in bullets[:2]), bullets
    assert any("gown" in b or "手术衣" in b for b in bullets[:3]), bullets


# --- a follow-up that only changes the value told ------------------------------------------------------------------------

@pytest.mark.parametrize("follow", ["what if it was 1.6?", "如果是1.6呢"])
def test_a_bare_new_inr_in_a_follow_up_is_the_inr(engine, follow):  # type: ignore[no-untyped-def]
    text = engine.answer(follow, ["pt on coumadin, INR this am 1.4, here for caudal ESI - ok to go ahead?"]).text
    assert "INR 1.6" in text, text
    assert "INR 1.4" not in text, text


def test_a_bare_number_without_an_inr_before_is_no_inr(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("what if it was 1.6?", ["pt on coumadin, here for caudal ESI - ok to go ahead?"]).text
    assert "INR 1.6" not in text, text


# --- a drug of another class sharing a stem is not spell-corrected into one we know ------------------------------------------

def test_empagliflozin_is_not_corrected_to_dapagliflozin(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("and empagliflozin? same pt", ["on weekly Ozempic - need to hold before vertebroplasty under deep sedation?"])
    assert not q.corrections, q.corrections
    text = engine.answer("and empagliflozin? same pt", ["on weekly Ozempic - need to hold before vertebroplasty under deep sedation?"]).text
    assert "empagliflozin" in text and "dapagliflozin" not in text, text


def test_a_misspelt_drug_keeping_its_first_letters_is_still_corrected(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("pt on apixiban, lumbar TFESI - hold how long?")
    assert "apixaban" in q.concepts, q


# --- heparin given at dialysis is unfractionated heparin; how long after it until the procedure is its hold ---------------------

@pytest.mark.parametrize("q", ["HD patient gets heparin on dialysis. lumbar TFESI - how long after dialysis can we do it?",
                               "血透病人，透析时用肝素，做腰椎经椎间孔注射，透析后多久可以做？"])
def test_heparin_at_dialysis_is_unfractionated_and_its_wait_is_a_hold(engine, q):  # type: ignore[no-untyped-def]
    framed = engine.frame(q)
    assert "ufh" in framed.concepts and framed.aspects[:1] == ("hold",), framed
    bullets = _bullets(engine.answer(q).text)
    assert any("unfractionated heparin" in b or "普通肝素" in b for b in bullets), bullets
    assert not any("LMWH" in b or "低分子肝素" in b for b in bullets[:1]), bullets


def test_how_long_to_wait_with_no_drug_held_asks_no_hold(engine):  # type: ignore[no-untyped-def]
    assert "hold" not in engine.frame("after a wet tap how long until we can do the epidural again?").aspects


# --- what to watch for after a procedure done: what can go wrong after it ----------------------------------------------------

@pytest.mark.parametrize("q,hist,harm", [
    ("what should she watch for after the blood patch?", [], "cause complications"),
    ("做了EBP血补丁以后要注意什么", ["硬膜穿破后头痛，病人问能不能喝咖啡，需不需要一直卧床？"], "并发症")])
def test_watching_after_a_blood_patch_gives_its_own_complications_early(engine, q, hist, harm):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer(q, hist).text)
    assert any(harm in b for b in bullets[:3]), bullets


# --- the caller with a postural headache: what to tell her starts with the conservative care ----------------------------------

@pytest.mark.parametrize("q", ["phone f/u day 2 after ILESI: headache worse sitting up, better lying flat. what do I tell her?",
                               "腰椎硬膜外注射后第二天电话随访，病人说坐起来头痛、躺下就好，我该怎么跟她说？"])
def test_what_to_tell_a_caller_with_a_postural_headache_leads_with_conservative_care(engine, q):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer(q).text)
    assert "onservative" in bullets[0] or "保守治疗" in bullets[0], bullets


def test_how_to_tell_her_in_chinese_is_the_advice_ask(engine):  # type: ignore[no-untyped-def]
    assert engine.frame("病人说坐起来头痛，我该怎么跟她说？").aspects[:1] == ("advice",)


# --- conservative care or a blood patch: the treatments weighed, not two procedures' harms ------------------------------------

def test_conservative_care_against_a_blood_patch_is_answered_not_called_uncovered(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("pt had lumbar IL ESI yesterday, now positional HA worse sitting up, better lying flat. "
                              "conservative mx vs blood patch - when do we go to EBP?").text
    assert not any("gives no management steps" in n for n in _notes(text)), text
    assert any("onservative" in b for b in _bullets(text)[:3]), text


# --- a low-risk procedure's class reconciled with the interval quoted under it -----------------------------------------------

@pytest.mark.parametrize("q,note", [("pt on pradaxa, SI joint injection - stop it?", "low bleeding-risk class"),
                                    ("病人在吃达比加群（泰毕全），做骶髂关节注射要停药吗", "低出血风险类别")])
def test_a_low_risk_procedure_says_its_class_before_the_interval(ward_engine, q, note):  # type: ignore[no-untyped-def]
    text = ward_engine.answer(q).text
    assert any(note in n for n in _notes(text)), text
    assert any("4–5" in b for b in _bullets(text)), text


@pytest.mark.parametrize("q", ["eliquis, cervical MBB tomorrow - stop it?", "85yo on xarelto, lumbar MBB - stop?",
                               "xarelto, cervical ILESI - how long to stop?"])
def test_no_low_class_note_for_a_higher_class_or_a_patient_at_higher_risk(ward_engine, q):  # type: ignore[no-untyped-def]
    text = ward_engine.answer(q).text
    assert not any("low bleeding-risk class" in n for n in _notes(text)), text


# --- bypass surgery in the history; "can it be done on DAPT?" ----------------------------------------------------------------

def test_bypass_surgery_before_is_coronary_disease_and_the_dapt_ask_is_answered(ward_engine):  # type: ignore[no-untyped-def]
    q = "post CABG pt on ticagrelor + asa, needs SI joint injection. can it be done on DAPT? if not how long to hold ticagrelor?"
    framed = ward_engine.frame(q)
    assert not framed.out_of_scope and "coronary-heart-disease" in framed.concepts, framed
    assert "contraindications" in framed.parts[0].aspects, framed.parts
    text = ward_engine.answer(q).text
    assert not any("CABG" in n for n in _notes(text)), text
    assert any("5 days" in b for b in _bullets(text)), text


def test_bypass_surgery_asked_alone_is_still_declined(ward_engine):  # type: ignore[no-untyped-def]
    assert ward_engine.frame("how long to hold clopidogrel before CABG?").out_of_scope


# --- a candidate for a procedure, despite the drug tried ---------------------------------------------------------------------

def test_a_candidacy_ask_despite_analgesia_is_no_escalation(ward_engine):  # type: ignore[no-untyped-def]
    q = "88yo osteoporotic T12 compression fx 3 wks old, VAS 8 despite oxycodone. is she a candidate for vertebroplasty?"
    framed = ward_engine.frame(q)
    assert "escalation" not in framed.aspects, framed
    text = ward_engine.answer(q).text
    assert "Stop the cement injection" not in text, text


# --- steroid cover asked for a patient on long-term steroids going for a procedure the sources say nothing of it for -------------

def test_stress_dose_steroids_before_a_kyphoplasty_are_not_answered_with_contrast_premedication(ward_engine):  # type: ignore[no-untyped-def]
    q = "pt on chronic prednisone 10 mg/d for PMR going for T12 kyphoplasty under MAC. does she need stress dose steroids?"
    assert "dose" not in ward_engine.frame(q).aspects
    text = ward_engine.answer(q).text
    assert "premedication" not in text and "13, 7 and 1 h" not in text, text


@pytest.mark.parametrize("q,first", [
    ("had 3 lumbar ESIs with triamcinolone this month, now needs a hip fracture fixation - does she need stress dose steroids?",
     "steroid cover"),
    ("ESI后一个月内做大手术要不要补充激素", "补充糖皮质激素")])
def test_steroid_cover_after_an_esi_is_answered(ward_engine, q, first):  # type: ignore[no-untyped-def]
    bullets = _bullets(ward_engine.answer(q).text)
    assert bullets and first in bullets[0], bullets


# --- "and for a pump, same?": the harm asked before, for the procedure named now ------------------------------------------------

@pytest.mark.parametrize("hist,follow", [
    ("糖尿病人植入SCS，HbA1c要控制到多少以下才能做？感染风险大不大", "那鞘内泵呢，标准一样吗？"),
    ("diabetic for SCS implant - what HbA1c cutoff, and how big is the infection risk?", "and for an intrathecal pump, same?")])
def test_the_same_ask_for_a_pump_after_an_scs_drops_the_scs_and_keeps_the_harm(ward_engine, hist, follow):  # type: ignore[no-untyped-def]
    part = ward_engine.frame(follow, [hist]).parts[0]
    assert "infection" in part.concepts, part
    assert "spinal-cord-stimulation" not in (*part.concepts, *part.inherited), part


# --- "能代替血补丁吗": the blood patch is the one weighed against, not the one replaced ---------------------------------------------

def test_whether_a_block_can_replace_the_blood_patch_keeps_the_patch_and_weighs_them(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("SPG block 呢？能代替血补丁吗", ["硬膜穿破后头痛PDPH，咖啡因有用吗？剂量多少？"])
    assert "epidural-blood-patch" in q.concepts and "comparison" in q.aspects, q
    assert "epidural-blood-patch" not in engine.frame("做SCS测试代替血补丁").concepts  # (what a swap replaces is left out)


def test_can_a_block_replace_the_patch_in_english_is_a_comparison(engine):  # type: ignore[no-untyped-def]
    assert "comparison" in engine.frame("can an SPG block replace the blood patch for PDPH?").aspects


# --- asks the sources have nothing on are said to be not covered, not filled with a neighbour's bullets ---------------------------

@pytest.mark.parametrize("q,gap", [
    ("多发性骨髓瘤做PVP，病人辐射剂量大概多少？术者自己怎么防护，铅衣、甲状腺围脖要戴吗？", "病人辐射剂量"),
    ("胰腺癌疼痛考虑鞘内吗啡泵 IDDS，起始剂量怎么定？口服吗啡换算鞘内比例是多少？", "换算鞘内比例"),
    ("SCS试验期一般多长时间？疼痛缓解多少算试验成功？", "试验期")])
def test_a_part_the_sources_have_nothing_on_is_said_to_be_uncovered(ward_engine, q, gap):  # type: ignore[no-untyped-def]
    text = ward_engine.answer(q).text
    assert gap in text.split("仅供")[0] and "未涵盖" in text, text
    heads = [line for line in text.splitlines() if line.startswith("**") and gap in line]
    assert not heads, text  # (no heading of its own filled with another ask's bullets)


def test_the_operators_own_protection_is_occupational_exposure(ward_engine):  # type: ignore[no-untyped-def]
    assert "occupational-exposure" in ward_engine.frame("术者自己怎么防护？").concepts


def test_a_sentence_leaning_on_this_icrp_limit_keeps_the_limit_before_it(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("透视工作人员眼晶状体剂量限值是多少？").text
    assert not any(b.startswith("疼痛介入科的透视工作人员可以用这一ICRP限值") for b in _bullets(text)), text


# --- device safety the sources lack, a part going on about it, an injectate they never name ---------------------------------------

def test_diathermy_with_a_stimulator_is_declined_with_its_follow_on_part(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("SCS 病人 明天普外科手术要用电刀，SCS 要关吗？还要注意啥").text
    assert "电刀" in text.split("仅供")[0] and not _bullets(text), text


def test_intradiscal_methylene_blue_is_said_to_be_uncovered(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("椎间盘内注射亚甲蓝 治疗盘源性腰痛 有效吗").text
    assert text.startswith("未涵盖") and not _bullets(text), text


# --- landmark or fluoro for an SIJ injection; a volume the sources never give --------------------------------------------------

def test_landmark_or_fluoro_for_an_sij_injection_gets_the_blind_technique_and_an_uncovered_volume(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("runner w/ SIJ pain, planning SI joint inj. does it need fluoro or is landmark ok? "
                              "and what volume do you inject into the joint?").text
    assert any("blind" in b for b in _bullets(text)[:2]), text
    assert any("what volume" in n for n in _notes(text)), text


def test_blindness_is_still_visual_loss():
    from assistant.lexicon import load_lexicon
    lx = load_lexicon()
    assert [m.concept for m in lx.match("she went blind in one eye after the injection")] == ["visual-loss"]
    assert "landmark-technique" in [m.concept for m in lx.match("under ultrasound guidance rather than blind")]


# --- the operator's step on the table is not for a wound leaking after an implant ----------------------------------------------

def test_a_leaking_pump_wound_after_the_implant_gets_no_operator_step(engine):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer("鞘内泵植入术后 切口一直渗清亮液体 病人站起来头痛").text)
    assert bullets and not any("术者应" in b or "改在其他节段" in b for b in bullets[:1]), bullets


# --- a brand glossed by its generic in brackets asks about the brand -----------------------------------------------------------

def test_a_brand_glossed_by_its_generic_is_one_drug(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("ESI 用 地塞米松 还是 得宝松(倍他米松)?")
    assert "betamethasone" not in q.concepts and "compound-betamethasone" in q.concepts, q.concepts
    assert "betamethasone" not in q.parts[0].concepts, q.parts


# --- other specialties' procedures that share our drug words --------------------------------------------------------------------

@pytest.mark.parametrize("q", ["what INR and plt cutoff do IR use before placing a tunneled HD catheter (permcath)?",
                               "whats the recommended abx prophylaxis for pacemaker / ICD generator change? vanc vs cefazolin?",
                               "透析通路AVF狭窄要做PTA球囊扩张，术前需要停氯吡格雷吗？"])
def test_dialysis_access_and_cardiac_device_procedures_are_declined(ward_engine, q):  # type: ignore[no-untyped-def]
    text = ward_engine.answer(q).text
    assert (text.startswith("Not covered") or text.startswith("未涵盖")) and not _bullets(text), text


def test_a_stent_told_beside_our_procedure_is_still_history(ward_engine):  # type: ignore[no-untyped-def]
    assert not ward_engine.frame("stent procedure in March, now booked for a TFESI - plavix hold?").out_of_scope


# --- preventive medicine asked in general words with no allergy told is antibiotic prophylaxis ----------------------------------

def test_preventive_medicine_for_an_hiv_patient_is_no_contrast_premedication(ward_engine):  # type: ignore[no-untyped-def]
    q = "HIV患者，CD4 150，病毒载量未抑制，要做腰椎小关节注射，有什么额外风险？要预防用药吗？"
    framed = ward_engine.frame(q)
    assert "immunosuppression" in framed.concepts and "premedication" not in framed.concepts, framed.concepts
    assert "泼尼松" not in ward_engine.answer(q).text


def test_preventive_medicine_after_a_contrast_allergy_is_still_premedication(ward_engine):  # type: ignore[no-untyped-def]
    assert "premedication" in ward_engine.frame("碘造影剂过敏的病人做TFESI要预防用药吗").concepts


# --- an opioid-pump patient drowsy with no refill told; the drug that causes the picture is no missing treatment -----------------

def test_a_drowsy_pump_patient_gets_no_refill_wording_nor_a_note_on_morphine(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("ESRD pt has an intrathecal morphine pump, getting more sedated and myoclonic since starting HD. "
                         "is IT morphine ok in dialysis pts?").text
    assert "after an intrathecal pump refill can be" not in text, text
    assert not any("says nothing on morphine" in n for n in _notes(text)), text


# --- cutting the radiation dose is radiation safety, not a drug dose -------------------------------------------------------------

def test_cutting_the_dose_to_patient_and_staff_is_radiation_safety(ward_engine):  # type: ignore[no-untyped-def]
    q = ward_engine.frame("how do i cut dose to pt and staff during kyphoplasty?")
    assert "radiation-safety" in q.concepts and "dose" not in q.aspects, q


# --- a stroke after an SIJ injection, asked about thrombolysis -----------------------------------------------------------------

def test_a_stroke_after_an_sij_injection_asking_about_tpa_keeps_the_banner_and_no_other_drugs_interval(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("acute ischemic stroke, LKW 2h, pt had an SI joint steroid injection yesterday. "
                              "is that a contraindication to tPA?").text
    assert text.startswith("URGENT") and "LMWH" not in text, text


@pytest.mark.parametrize("q", ["just did a cervical TFESI, now pt has slurred speech and right arm weakness",
                               "骶髂关节注射后半小时，病人突然说话不清、一侧肢体无力，怎么办？",
                               "after her SIJ injection she suddenly can't speak and right arm is weak"])
def test_stroke_signs_after_an_injection_raise_the_banner(q):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, "zh" if "骶" in q else "en").rule == "esi-stroke"


# --- a pump running dry: the baclofen pump's withdrawal, never for a morphine pump ---------------------------------------------

def test_itb_is_intrathecal_baclofen_for_the_withdrawal_banner():
    from assistant.safety import triage
    assert triage("ITB pump ran out 2 days ago, now fever, rigidity, itching - what do I do?", "en").rule == "baclofen-withdrawal"


def test_a_morphine_pump_running_dry_gets_no_baclofen_withdrawal(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("pt with intrathecal morphine pump, in hospice now, refill is overdue. what happens if the reservoir runs dry?").text
    assert "baclofen" not in text.lower(), text


def test_a_baclofen_pump_running_dry_gets_its_withdrawal(engine):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer("baclofen pump reservoir runs dry - what happens?").text)
    assert bullets and "baclofen withdrawal" in bullets[0], bullets


# --- review 30: names and rules that reached too far ------------------------------------------------------------------------

@pytest.mark.parametrize("q,concept,absent", [
    ("鞘内泵试验期感染率多少", "intrathecal-pump", "scs-trial"),
    ("usual dexamethasone dose per patient for a lumbar TFESI?", "dexamethasone", "patient-radiation-dose"),
    ("is he a candidate for an ESI while on eliquis?", "apixaban", "patient-selection"),
    ("颈椎小关节射频电凝，吃氯吡格雷要停几天？", "clopidogrel", "implant-diathermy"),
    ("pt on clopidogrel after DES 4 months ago - risk of abrupt interruption before lumbar ESI?", "clopidogrel", "pump-drug-interruption"),
    ("pt is HIV negative, lumbar TFESI tomorrow - anything special?", "transforaminal-esi", "immunosuppression"),
    ("how do I cut the dose of oxycodone after her kyphoplasty?", "kyphoplasty", "radiation-safety"),
    ("ITB syndrome in a runner - any injection?", "iliotibial-band-syndrome", "baclofen")])
def test_new_names_keep_to_their_own_asks(ward_engine, q, concept, absent):  # type: ignore[no-untyped-def]
    concepts = ward_engine.frame(q).concepts
    assert concept in concepts and absent not in concepts, concepts


def test_itb_syndrome_raises_no_baclofen_banner():
    from assistant.safety import triage
    assert not triage("ITB syndrome flaring, knee pain and itching after the injection", "en").urgent


def test_a_wet_tap_on_the_table_keeps_the_operators_step_beside_a_later_part(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("硬膜外注射时穿破硬脊膜，术者该怎么办？术后头痛怎么处理").text
    assert "术者应" in text, text


@pytest.mark.parametrize("q", ["on eliquis and plavix, SIJ injection tomorrow - stop?", "42 kg lady on xarelto, SIJ injection - hold?"])
def test_no_low_class_note_beside_the_upgrade_rules_own_factors(ward_engine, q):  # type: ignore[no-untyped-def]
    assert not any("low bleeding-risk class" in n for n in _notes(ward_engine.answer(q).text))


def test_replacing_a_battery_is_no_comparison(ward_engine):  # type: ignore[no-untyped-def]
    assert "comparison" not in ward_engine.frame("can we replace the battery without stopping apixaban?").aspects


def test_a_bare_whole_number_after_an_inr_is_no_inr(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("what about 5?", ["INR 1.4 today, warfarin held 3 days, caudal ESI tomorrow - ok?"]).text
    assert "INR 5" not in text, text


def test_heparin_at_dialysis_tells_the_kidneys_and_a_wet_taps_wait_is_no_hold(engine):  # type: ignore[no-untyped-def]
    assert "renal-impairment" in engine.frame("HD patient gets heparin on dialysis. lumbar TFESI - how long after dialysis can we do it?").concepts
    assert "hold" not in engine.frame("on aspirin, how long after the wet tap can we do the blood patch?").aspects


def test_a_clinical_part_after_a_billing_part_is_still_answered(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("what CPT code do I bill for an SCS trial, and what should I watch for after?").text
    assert _bullets(text), text


def test_a_dose_chosen_between_two_is_still_asked(ward_engine):  # type: ignore[no-untyped-def]
    assert "dose" in ward_engine.frame("does she need 10 mg or 40 mg of triamcinolone for the SIJ injection?").aspects


# --- rounds 149-150: a pump's low-reservoir alarm, how long before referring, a new drug named in a follow-up -----------------

def test_a_low_reservoir_alarm_is_the_pump_alarm_and_gets_no_granuloma_treatment(engine):  # type: ignore[no-untyped-def]
    q = "鞘内泵病人打电话说泵一直在响，说是低储量报警，怎么处理"
    assert "pump-alarm" in engine.frame(q).concepts
    assert "停止输注" not in engine.answer(q).text


def test_how_long_before_referring_asks_the_time_not_a_failed_treatment(engine):  # type: ignore[no-untyped-def]
    hist = ["腰椎硬膜外注射后头痛，站起来加重躺下缓解，我们没做过血补丁，怎么处理？"]
    q = engine.frame("保守治疗多久不好要转上级医院？", hist)
    assert q.aspects[:1] == ("timing",), q.aspects
    assert any("24–48 h" in b for b in _bullets(engine.answer("保守治疗多久不好要转上级医院？", hist).text)[:2])


def test_a_drug_named_in_a_follow_up_that_the_sources_lack_is_said_so(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("what if we bridge with cangrelor, when do we stop the infusion before the lead placement?",
                         ["ticagrelor (Brilinta) for ACS 2 months ago, needs SCS implant. how many days hold?"]).text
    assert any("cangrelor" in n for n in _notes(text)), text
    assert not any("ticagrelor" in b.lower() for b in _bullets(text)[:1]), text
