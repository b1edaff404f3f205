"""Round 98 (an obstetric anaesthetist, a geriatrician and a radiographer; their Chinese counterparts), and the weak
points named at the end of the session before: leg weakness with a low pressure after an ILESI on apixaban, granulomas
with "IT morphine", and whether a negative aspiration makes the steroid safe to push."""

from __future__ import annotations

import pytest

from assistant.frame import aspects_of
from assistant.safety import triage


@pytest.fixture(scope="module")
def ward(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("ward-index", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal",
                                      "vertebral-augmentation", "last", "pdph", "patient-selection-monitoring", "radiation-contrast",
                                      "intrathecal-drug-delivery", "infection-control", "facet-mbb-rfa"))


def _bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


# --- a deficit with a low pressure, no local anaesthetic told ---------------------------------------------------------

def test_weak_legs_and_low_pressure_after_an_ilesi_on_apixaban_is_a_deficit():
    q = "just did L5/S1 ILESI, pt now can't move legs, BP 85/50, on eliquis - what do I do"
    t = triage(q, "en", ("interlaminar-esi", "neuraxial-procedure", "esi", "apixaban"))
    assert t.rule == "neuraxial-deficit", t.rule
    assert "circulation" in t.escalation and "MRI" in t.escalation and "Stop the procedure" not in t.escalation, t.escalation


def test_weak_legs_and_low_pressure_after_local_anaesthetic_is_still_the_block_spreading():  # (guard)
    q = "just did L4-5 ILESI with 3ml 1% lido, pt now says she can't feel or move her legs and BP 75/40, what now"
    assert triage(q, "en", ("interlaminar-esi", "neuraxial-procedure", "esi")).rule == "total-spinal"


# --- a single case is no rate -----------------------------------------------------------------------------------------

def test_granulomas_with_it_morphine_lead_with_the_incidence(engine):
    b = _bullets(engine.answer("how common are granulomas with IT morphine?").text)
    assert b and ("3%" in b[0] or "1%" in b[0] or "0.04%" in b[0]), b[:2]


# --- a negative aspiration before the steroid ---------------------------------------------------------------------------

def test_aspirate_is_no_rate():
    assert "frequency" not in aspects_of("neg aspirate on TFESI, ok to push the dex?", "en")
    assert "frequency" in aspects_of("what is the complication rate of TFESI?", "en")  # (guard)


def test_a_negative_aspiration_leads_with_what_it_misses_then_live_contrast(engine):
    b = _bullets(engine.answer("aspiration negative on TFESI - does that mean it's safe to inject the steroid?").text)
    assert b and ("44" in b[0] or "more than half" in b[0]), b[:2]
    assert any("real-time" in x or "DSA" in x for x in b[:4]), b
    assert not any("particulate" in x.lower() for x in b[:2]), b[:2]


def test_a_named_particulate_steroid_stays_in_the_question(engine):  # (guard: triamcinolone is a hazard of its own)
    f = engine.frame("住院医做L5–S1经椎间孔注射，回抽没有血，就准备直接推曲安奈德。这样可以吗？")
    assert "triamcinolone" in f.concepts, f.concepts


# --- a breastfeeding mother's headache after a wet tap -------------------------------------------------------------------

def test_what_can_i_give_her_asks_the_treatment():
    assert aspects_of("severe postural headache, breastfeeding. what can I give her", "en")[:1] == ("action",)
    assert aspects_of("what can I give her before the contrast?", "en")[:1] != ("action",)  # (guard: a premedication)


def test_a_breastfeeding_mothers_pdph_is_answered_with_its_treatment_and_the_patch_timing(engine):
    ans = engine.answer("28yo 6wk postpartum, day 2 after L5/S1 IL ESI with a wet tap, severe postural headache, breastfeeding. "
                        "what can I give her and when do we blood patch?")
    assert not ans.abstained, ans.text
    b = _bullets(ans.text)
    assert b and "caffeine" in b[0] and "breastfeeding" in b[0], b[:1]
    assert "Not covered" not in ans.text, ans.text


def test_fever_and_a_headache_no_longer_postural_is_the_dural_red_flag_pathway():
    q = "and if she now spikes 38.6 and the headache isnt postural anymore?"
    before = "day 2 after L5/S1 IL ESI with a wet tap, severe postural headache. "
    assert triage(q, "en", ("dural-puncture", "pdph"), before).rule == "dural-puncture-red-flags"


# --- glucose after triamcinolone: how long, and when to check -------------------------------------------------------------

def test_when_to_check_the_glucose_is_the_day_after(ward):
    ans = ward.answer("78M insulin dependent diabetic, L4/5 TFESI with triamcinolone 80 today. how long will his sugars be up and when to check?")
    text = ans.text
    assert "**when to check**" in text, text
    later = text.split("**when to check**", 1)[1]
    assert "day after" in _bullets(later)[0], later
    assert "cortisol" not in _bullets(text)[0].lower(), _bullets(text)[:1]


# --- a pregnant nurse on the C-arm ------------------------------------------------------------------------------------------

def test_a_pregnant_nurse_may_stay_in_the_room(ward):
    text = ward.answer("我是介入护士，怀孕了，还能继续上C臂吗？剂量计怎么戴？").text
    assert _bullets(text) and "无需离开" in _bullets(text)[0], text


def test_continuing_the_c_arm_is_no_drug_resumed():
    assert aspects_of("我是介入护士，怀孕了，还能继续上C臂吗？", "zh") == ("contraindications",)
    assert "hold" in aspects_of("阿司匹林术后能续上吗？", "zh")  # (guard)


# --- small peripheral cement emboli on the CTPA -------------------------------------------------------------------------

def test_a_saturation_told_is_no_rate():
    assert "frequency" not in aspects_of("CTPA done - small peripheral emboli only, back to 95% on air. do we need to anticoagulate?", "en")


def test_asymptomatic_peripheral_cement_emboli_are_followed_not_the_cement_stopped(ward):
    ans = ward.answer("CTPA done - small peripheral cement emboli only, she's back to 95% on air and comfortable. do we need to anticoagulate?",
                      ["frail 88F, T10 vertebroplasty in progress, sats just dropped 96 -> 84 and she's gasping while cement going in. what do i do"])
    b = _bullets(ans.text)
    assert b and not b[0].startswith("Stop the cement"), b[:1]
    assert any("asymptomatic peripheral" in x for x in b[:2]), b[:2]


# --- an elderly patient on two antiplatelets before a low-risk procedure ----------------------------------------------------

@pytest.mark.parametrize("question", ["85yo on Plavix and aspirin booked for lumbar medial branch RFA, do we stop them?",
                                      "85岁老人同时吃波立维和拜阿司匹灵，要做腰椎内侧支射频，要停药吗"])
def test_the_upgrade_for_an_older_patient_follows_the_class(ward, question):
    b = _bullets(ward.answer(question).text)
    up = next(i for i, x in enumerate(b) if "next-higher" in x or "高一级" in x)
    cls = next(i for i, x in enumerate(b) if "low-risk procedures" in x or "低出血风险疼痛介入操作包括" in x)
    assert cls < up <= cls + 2 and up <= 3, b


# --- a drug's short hold told in an emergency ----------------------------------------------------------------------------

def test_a_short_hold_told_does_not_split_the_steps(ward):
    text = ward.answer("79yo L3/4 IL ESI 4h ago, Plavix only held 3 days, now severe back pain + can't lift either leg. what now").text
    assert text.count("**What to do now**") == 1, text
    steps = text.split("**What to do now**", 1)[1].split("**", 1)[0]
    assert "MRI" in steps and "Plavix" not in steps, steps


# --- round 99: a steroid patient unwell weeks later; ankylosing spondylitis and the bleeding risk ----------------------------

def test_a_shock_weeks_after_the_injection_is_no_procedural_emergency():
    zh = "长期口服泼尼松的类风湿患者，2周前做了硬膜外曲安奈德80mg注射，现在肺炎入院，乏力、血压低，要考虑什么？"
    en = "RA pt on long-term prednisone, epidural triamcinolone 80mg 2 wks ago, now admitted with pneumonia, weak, hypotensive - what should I consider?"
    assert not triage(zh, "zh", ("esi", "triamcinolone")).urgent
    assert not triage(en, "en", ("esi", "triamcinolone", "neuraxial-procedure")).urgent


def test_weak_legs_are_still_a_deficit():  # (guard: only a weakness all over, told with the illness, is not)
    assert triage("L4/5 ILESI this morning, now legs weak and numb", "en", ("interlaminar-esi", "neuraxial-procedure", "esi")).urgent


@pytest.mark.parametrize("question", ["长期口服泼尼松的类风湿患者，2周前做了硬膜外曲安奈德80mg注射，现在肺炎入院，乏力、血压低，要考虑什么？",
                                      "RA pt on long-term prednisone, epidural triamcinolone 80mg 2 wks ago, now admitted with pneumonia, weak, "
                                      "hypotensive - what should I consider?"])
def test_the_adrenal_axis_is_considered(ward, question):
    ans = ward.answer(question)
    assert not ans.text.startswith(("URGENT", "紧急")), ans.text[:200]
    assert any("HPA" in x for x in _bullets(ans.text)[:2]), _bullets(ans.text)[:2]


def test_ankylosing_spondylitis_is_named_as_the_bleeding_risk_and_the_watch_is_the_haematoma(ward):
    text = ward.answer("强直性脊柱炎患者做腰椎硬膜外注射，出血风险高吗？术后要观察什么？").text
    b = _bullets(text)
    assert b and "强直性脊柱炎" in b[0], b[:1]
    after = _bullets(text.split("**术后要观察什么**", 1)[1])
    assert after and not any("糖尿病" in x for x in after) and any("血肿" in x for x in after), after


def test_edh_is_the_epidural_haematoma(engine):
    assert "epidural-haematoma" in engine.frame("AS + osteoporosis pt for lumbar ILESI: is EDH risk higher?").concepts


def test_can_we_still_do_it_on_a_continued_antiplatelet_asks_whether_it_may_go_ahead(engine):
    f = engine.frame("Brilinta 90 bd, 8 mo post DES, cardio says don't stop. can we still do lumbar MBB RFA?")
    assert "action" not in f.aspects and "contraindications" in f.aspects, f.aspects
    assert "gives no management steps" not in engine.answer(f.original).text


def test_conservative_rx_of_a_trial_wet_tap_is_the_headache_treatment(ward):
    text = ward.answer("SCS trial (T8 Tuohy), postural headache day 2: conservative rx? and when/how much blood patch?").text
    first = _bullets(text)[0]
    assert "caffeine" in first and "paracetamol" in first, first


@pytest.mark.parametrize("history, question, lang", [
    ("SCS植入术后第一天，腰背痛剧烈，双下肢肌力进行性下降，现在怎么办", "老式心脏起搏器，做不了MRI，怎么办？", "zh"),
    ("SCS implanted yesterday, severe back pain, legs getting weaker", "old pacemaker, can't have MRI - now what?", "en")])
def test_a_patient_who_cannot_have_an_mri_gets_ct_myelography_in_the_banner(ward, history, question, lang):
    banner = ward.answer(question, [history]).text.split("\n", 1)[0]
    assert ("CT脊髓造影" if lang == "zh" else "CT myelography") in banner and "急诊MRI" not in banner, banner


def test_an_edh_on_the_mri_is_a_haematoma_shown():
    from assistant.safety import shown_in_patient
    assert shown_in_patient("MRI confirms dorsal EDH L3-L5. can theatre wait for the morning list?", "en")
    assert not shown_in_patient("MRI: no EDH, can he go home?", "en")  # (guard)


# --- review 21 ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, concept", [("negative aspiration on C6 TFESI, safe to push the Kenalog?", "triamcinolone"),
                                               ("ILESI this morning, negative aspiration, go ahead with the apixaban this evening?", "apixaban"),
                                               ("neg aspirate on the caudal, ok to give the bupivacaine?", "bupivacaine")])
def test_only_a_non_particulate_steroid_is_dropped_after_a_clear_aspiration(engine, question, concept):
    assert concept in engine.frame(question).concepts


@pytest.mark.parametrize("question", ["硬膜外注射时打了局麻，双腿没劲，血压80/45", "ILESI done under LA, legs weak, BP 80/40",
                                      "injecting the ILESI now, legs numb, BP 70/40"])
def test_the_local_anaesthetic_told_in_other_words_or_the_injection_under_way_is_still_a_high_block(question):
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    assert triage(question, lang, ("interlaminar-esi", "neuraxial-procedure", "esi")).rule == "total-spinal"


def test_what_meds_to_hold_is_no_treatment():
    assert aspects_of("what meds should I hold before kyphoplasty?", "en")[:1] != ("action",)
    assert aspects_of("wet tap headache - what meds?", "en")[:1] == ("action",)  # (guard)


def test_ok_to_push_cement_is_no_contraindication_ask():
    assert "contraindications" not in aspects_of("lateral looks fine, ok to push more cement?", "en")


def test_when_she_may_breastfeed_again_is_not_answered_with_other_content(ward):
    assert ward.answer("how long before she can feed again?", ["pt is breastfeeding, booked for TFESI"]).abstained
    assert ward.answer("哺乳期妈妈做完硬膜外激素注射，多久可以喂奶？").abstained


def test_what_to_give_a_breastfeeding_mother_after_her_wet_tap_as_a_follow_up(engine):
    ans = engine.answer("what can I give her?", ["wet tap during ILESI, postural headache, breastfeeding"])
    assert not ans.abstained and "caffeine" in _bullets(ans.text)[0], ans.text


def test_whether_a_blood_patch_contrast_is_safe_for_the_baby_is_not_answered_by_the_caffeine_dose(ward):
    assert ward.answer("is the contrast for the blood patch safe for the baby?", ["wet tap during ILESI, postural headache, breastfeeding"]).abstained


def test_a_central_embolus_on_ct_leads_with_its_treatment_not_stopping_the_cement(ward):
    b = _bullets(ward.answer("small central cement embolus on CT, do we need to anticoagulate her?").text)
    assert b and "heparin" in b[0] and not b[0].startswith("Stop"), b[:1]


def test_no_longer_postural_is_a_red_flag():
    assert triage("wet tap 2 days ago, headache no longer postural, now vomiting", "en", ("dural-puncture", "pdph")).rule == "dural-puncture-red-flags"


@pytest.mark.parametrize("question", ["PDPH, spiked to 38.6 overnight", "PDPH after blood patch, now spiking 39"])
def test_a_fever_in_pdph_is_a_red_flag(question):
    assert triage(question, "en", ("pdph", "dural-puncture")).rule == "dural-puncture-red-flags"


def test_settled_after_the_ctpa_is_no_emergency_any_more(ward):
    text = ward.answer("CTPA done - small peripheral cement emboli only, back to 95% on air and comfortable. what now?",
                       ["frail 88F, T10 vertebroplasty in progress, sats just dropped 96 -> 84 and she's gasping while cement going in. what do i do"]).text
    assert not text.startswith("URGENT") and "asymptomatic peripheral" in text, text[:300]


def test_how_many_times_one_dose_is_another_is_no_dose_ask(engine):
    assert "dose" not in aspects_of("how many times the CNS dose is needed for cardiovascular toxicity?", "en")
    assert "dose" not in aspects_of("LAST 心血管毒性所需剂量是 CNS 毒性的几倍？", "zh")
    b = _bullets(engine.answer("how many times the CNS dose is needed for cardiovascular toxicity of local anaesthetics?").text)
    assert b and "3 times" in b[0], b[:1]


# --- round 100: a cancer-pain physician, a sports doctor, a first-list trainee ---------------------------------------------

def test_an_athlete_is_no_exercise_ask(ward):
    b = _bullets(ward.answer("篮球运动员在吃波立维(支架1年多了)，要做L4-5 L5-S1腰椎内侧支射频，需要停药吗？").text)
    # (whether to stop before a low-risk procedure, the stent over a year old: the class and what it allows, then the drug)
    assert len(b) >= 3 and "低出血风险" in b[0] and any("波立维" in x or "氯吡格雷" in x for x in b), b


def test_training_and_driving_asked_together_answer_the_driving_and_say_the_training_missing(ward):
    text = ward.answer("rugby player had L3-L5 MBB RFA yesterday. when back to contact training? and ok he drove himself home?").text
    assert "not to drive" in text and "training" in text.split("\n", 1)[0], text


def test_a_wet_tap_now_leads_with_the_interlaminar_rule_not_the_transforaminal_one(ward):
    b = _bullets(ward.answer("wet tap w 18G tuohy during L4/5 interlaminar ESI just now, CSF coming back. what do i do now").text)
    assert b and "must not be injected intrathecally" in b[0], b[:1]


def test_aspirin_after_cabg_is_secondary_prevention(ward):
    b = _bullets(ward.answer("lumbar sympathetic block next week, stop his aspirin 100mg (had CABG)?").text)
    assert not any("primary prevention" in x for x in b), b
    assert any("secondary" in x for x in b[:3]), b[:3]


@pytest.mark.parametrize("history, question, lang", [
    ("鞘内泵病人止痛效果越来越差，加量也没用，还出现下肢麻木，要考虑什么？", "MRI确诊导管尖端肉芽肿了，接下来怎么处理？泵还能继续用吗", "zh"),
    ("IT morphine pump 3 yrs, analgesia failing despite escalation, now new leg numbness",
     "MRI: enhancing catheter-tip mass at T10 compressing the cord. what now?", "en")])
def test_a_granuloma_shown_on_the_scan_is_treated_not_worked_up(ward, history, question, lang):
    text = ward.answer(question, [history]).text
    banner, b = text.split("\n", 1)[0], _bullets(text)
    assert ("停止鞘内输注" if lang == "zh" else "stop the intrathecal infusion") in banner, banner
    assert not any("平片" in x or "plain film" in x for x in b[:2]), b[:2]
    assert any("生理盐水" in x or "saline" in x for x in b[:2]), b[:2]


def test_a_pump_of_some_years_is_no_procedure_to_stop():
    t = triage("IT morphine pump 3 yrs, analgesia failing despite escalation, now new leg numbness", "en",
               ("intrathecal-drug-delivery", "neuraxial-procedure"))
    assert t.urgent and "Stop the procedure" not in t.escalation, t.escalation


def test_should_he_do_anything_after_the_glucose_rise_is_the_monitoring(ward):
    text = ward.answer("how long will sugars be up and should he do anything", ["diabetic on insulin, L5 TFESI with kenalog 80 today"]).text
    assert "Not covered" not in text and "**should he do anything**" in text, text
    later = _bullets(text.split("**should he do anything**", 1)[1])
    assert later and "glucose" in later[0], later


def test_when_blood_patch_after_a_failed_treatment_is_its_own_part():
    from assistant.frame import split_parts
    assert split_parts("day 2 headache on standing, paracetamol+caffeine failing. when blood patch and how much blood?", "en") == \
        ["day 2 headache on standing, paracetamol+caffeine failing. when blood patch", "how much blood?"]


# --- review 22 ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("history, question", [
    ("IT morphine pump 3 yrs, analgesia failing despite escalation, now new leg numbness", "MRI no granuloma, what now?"),
    ("鞘内泵病人止痛效果越来越差，加量也没用，还出现下肢麻木", "MRI未见肉芽肿，怎么办"),
    ("", "TFESI 2 days ago, new leg weakness, CT shows no granuloma, just a haematoma? what now")])
def test_no_granuloma_shown_keeps_the_deficit_pathway(ward, history, question):
    banner = ward.answer(question, [history] if history else []).text.split("\n", 1)[0]
    assert "stop the intrathecal infusion" not in banner and "停止鞘内输注" not in banner, banner


def test_a_pump_patient_mid_refill_still_stops_the_procedure():
    t = triage("IT pump 3 yrs, mid-refill she became very drowsy, RR 6", "en", ("intrathecal-drug-delivery", "pump-refill"))
    assert t.urgent and "Stop the procedure" in t.escalation, t.escalation


@pytest.mark.parametrize("question", ["what drives the choice of particulate vs non-particulate steroid?", "pt drove 3 hours to get here for his TFESI"])
def test_drives_and_drove_in_other_senses_are_no_driving_ask(ward, question):
    assert not any("drive" in x for x in _bullets(ward.answer(question).text)[:2])


def test_a_denied_cardiac_history_keeps_the_primary_prevention_rule(ward):
    b = _bullets(ward.answer("pt 70yo, no MI, no CABG, takes aspirin 100 for primary prevention, lumbar MBB - stop it?").text)
    assert b and "primary prevention" in b[0], b[:1]


def test_doing_anything_to_prevent_is_prevention():
    assert aspects_of("should we do anything to prevent LAST during SGB?", "en")[:1] == ("prevention",)


def test_when_the_patch_is_not_an_option_asks_no_time():
    assert "timing" not in aspects_of("refuses EBP. When the patch isn't an option what else?", "en")


# --- round 101: infectious diseases, cardiology and haematology, the recovery nurse -------------------------------------------

def test_a_haematoma_told_as_the_patients_is_the_deficit_pathway():
    t = triage("rivaroxaban pt developed spinal epidural haematoma after ESI, last dose 10h ago - andexanet or PCC, what dose?", "en",
               ("rivaroxaban", "esi", "neuraxial-procedure", "epidural-haematoma"))
    assert t.rule == "neuraxial-deficit", t.rule
    assert not triage("what is the risk that a patient on apixaban has an epidural haematoma after ESI?", "en", ("esi", "apixaban")).urgent


@pytest.mark.parametrize("question", ["ITP, plt 45k, wants lumbar TFESI. what's the minimum platelet count to proceed?",
                                      "血小板3万的病人要做硬膜外注射，术前输多少血小板？升到多少可以做？"])
def test_a_threshold_asked_for_the_told_value_says_first_that_there_is_none(ward, question):
    assert ward.answer(question).text.startswith("> "), ward.answer(question).text[:200]


def test_an_mri_reported_is_not_ordered_again(ward):
    history = ["L4/5 ILESI 4 days ago, fever 38.9, back pain, legs getting weak"]
    banner = ward.answer("MRI shows epidural abscess compressing thecal sac at L5. abx alone or does he need surgery?", history).text.split("\n", 1)[0]
    assert banner.startswith("URGENT") and "emergency MRI" not in banner, banner
    still = ward.answer("MRI shows no abscess and no haematoma - now what?", history).text.split("\n", 1)[0]
    assert "emergency MRI" in still, still  # (a negative scan: the work-up goes on)


# --- review 23 ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, lang", [
    ("patient developed an epidural haematoma in 2019 after an ESI; now wants another ESI", "en"),
    ("if he develops an epidural haematoma, how fast must he be decompressed?", "en"),
    ("what should we do when a patient develops an epidural haematoma?", "en"),
    ("pt has not developed an epidural haematoma", "en"),
    ("SCS has epidural hematoma rates around 0.2%", "en"),
    ("developed an epidural haematoma, decompressed yesterday, when can we restart apixaban?", "en"),
    ("患者既往ESI后出现硬膜外血肿，现在还能做吗", "zh"),
    ("如果病人发生了硬膜外血肿怎么办", "zh")])
def test_a_haematoma_past_hypothetical_or_denied_is_not_told(question, lang):
    from assistant.safety import haematoma_told
    assert not haematoma_told(question, lang)


@pytest.mark.parametrize("question", ["if MRI shows a haematoma what then", "will the MRI show a haematoma this early?", "MRI shows nothing acute",
                                      "MRI: unremarkable", "pre-procedure MRI showed L4-5 stenosis; legs weak", "MR scan showed normal cord"])
def test_no_mri_result_of_this_episode_keeps_the_mri_in_the_banner(question):
    from assistant.safety import Triage, without_mri
    t = Triage(True, "neuraxial-deficit", "URGENT: x. Call for help and start your emergency pathway now: urgent neurological assessment, "
                                          "emergency MRI and spinal surgery consultation.")
    assert "emergency MRI" in without_mri(t, question, "en").escalation


def test_a_catheter_tip_mass_with_fever_keeps_the_abscess_first(ward):
    banner = ward.answer("鞘内泵病人发热38.8，双下肢无力，核磁显示导管尖端占位，考虑硬膜外脓肿，怎么办").text.split("\n", 1)[0]
    assert "影像已证实导管尖端肉芽肿" not in banner, banner


def test_a_minimum_hold_is_no_threshold_of_a_value(ward):
    assert not ward.answer("CrCl 45 on dabigatran, what's the minimum hold before ESI?").text.startswith("> No figure")
