"""Round 90 (a rheumatologist and a sports physician referring patients, a palliative-care physician with intrathecal pumps
and vertebral metastases; a Chinese visiting trainee and a geriatrician referring elderly patients on many drugs), and
the weak points named at the end of the session before: a symptom told as the reason for the procedure ("TFESI for leg
numbness from stenosis") is its indication, not a new deficit."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerEngine
from assistant.safety import triage


@pytest.fixture(scope="module")
def referred(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("referred-index")
    copy_corpus(root / "corpus", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-transforaminal", "esi-interlaminar-caudal",
                                  "patient-selection-monitoring", "spinal-cord-stimulation", "infection-control", "sacroiliac",
                                  "vertebral-augmentation", "facet-mbb-rfa", "radiation-contrast", "intrathecal-drug-delivery", "pdph",
                                  "last"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


# --- the symptom a procedure is for ---------------------------------------------------------------------------------

@pytest.mark.parametrize("question,lang", [
    ("TFESI this morning for leg numbness from stenosis - precautions?", "en"),
    ("Pt booked for TFESI for leg numbness and weakness from foraminal stenosis, any precautions?", "en"),
    ("患者因腰椎管狭窄下肢麻木，今天做TFESI，有什么注意事项？", "zh"),
    ("腰椎间盘突出伴下肢麻木，准备做经椎间孔注射，要注意什么？", "zh"),
])
def test_the_symptom_a_procedure_is_for_raises_no_banner(question, lang):
    assert not triage(question, lang).urgent


@pytest.mark.parametrize("question,lang", [
    ("TFESI for leg numbness from stenosis yesterday, now can't walk and legs weak", "en"),
    ("L5 TFESI for foot drop from a disc, 20 min later new numbness in both legs", "en"),
    ("腰椎间盘突出伴下肢麻木，TFESI后麻木加重、无力，怎么办", "zh"),
])
def test_a_new_deficit_beside_the_indication_still_raises_it(question, lang):
    assert triage(question, lang).urgent


def test_the_indication_is_not_the_finding_asked(engine):
    q = engine.frame("TFESI this morning for leg numbness from stenosis - precautions?")
    assert "numbness" not in q.concepts and q.aspects[:1] == ("prevention",)


# --- consent -------------------------------------------------------------------------------------------------------

def test_a_lumbar_facet_rfa_consent_leads_with_the_hazards_to_name(referred):
    ans = referred.answer("Consenting a pt for lumbar facet RFA - what risks do I quote?")
    first = ans.text.split("\n- ", 1)[1].split("\n", 1)[0]
    assert "dispersive" in first and "ventral ramus" in first, ans.text


# --- an emergency going on after the first rescue ------------------------------------------------------------------

def test_lipid_pushed_and_still_in_vt_gets_the_repeat_bolus_in_chinese(engine):
    ans = engine.answer("脂肪乳已推100ml仍室速，下一步？", ["布比卡因注射后病人抽搐，随后室速，怎么办？"])
    top = "\n".join(line for line in ans.text.splitlines() if line.startswith("- "))[:400]
    assert "重复推注" in top, ans.text


# --- how often an ESI is repeated ------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["how many ESIs can a pt have per yr, and how long do you wait between them?",
                                      "minimum interval between epidural steroid injections?"])
def test_the_wait_between_injections_is_the_repeat_interval_not_a_drug_hold(referred, question):
    ans = referred.answer(question)
    bullets = [line for line in ans.text.splitlines() if line.startswith("- ")]
    assert bullets and all("cilostazol" not in b.lower() and "heparin" not in b.lower() for b in bullets), ans.text
    assert any("between injections" in b or "between epidural steroid injections" in b for b in bullets[:3]), ans.text


# --- a second part leaning on the drug the first part holds ----------------------------------------------------------

@pytest.mark.parametrize("question,said", [
    ("85岁房颤吃拜瑞妥，骨质疏松压缩骨折要做PKP，拜瑞妥停几天？要不要克赛桥接？", "不宜进行肝素桥接"),
    ("pt on xarelto for AF, kypho next wk - how many days off, and does she need lovenox bridging?", "not appropriate for patients on a direct oral"),
])
def test_the_heparin_named_as_the_bridge_leaves_the_doac_held_in_the_bridging_part(referred, question, said):
    ans = referred.answer(question)
    second = ans.text.split("\n**", 1)[1] if "\n**" in ans.text else ""
    bullets = [line for line in second.splitlines() if line.startswith("- ")]
    assert bullets and said in bullets[0], ans.text


def test_a_drug_inside_a_pump_name_is_each_part_s(referred):
    ans = referred.answer("IT morphine pump: max conc/daily dose, and should we be doing routine imaging for granuloma?")
    assert "20 mg/mL" in ans.text and "gives no dose" not in ans.text, ans.text


# --- another specialty's procedure ---------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["三叉神经痛球囊压迫，术中心率突然掉到40，怎么办",
                                      "trigeminal balloon compression, HR dropped to 40 intraop, what do I do"])
def test_a_patient_crashing_during_another_specialty_s_procedure_gets_a_banner_and_no_borrowed_steps(referred, question):
    ans = referred.answer(question)
    assert ans.urgent and ans.abstained and ans.verdict == "out_of_scope", ans.text
    assert ans.text.startswith(("URGENT", "紧急")) and "- " not in ans.text, ans.text


def test_asked_calmly_another_specialty_s_procedure_gets_no_banner(referred):
    ans = referred.answer("trigeminal balloon compression - complication rates?")
    assert ans.abstained and not ans.urgent, ans.text


def test_trigeminal_thermocoagulation_in_either_word_order_is_another_specialty_s(referred):
    ans = referred.answer("射频热凝三叉神经半月节，术中病人血压升到200，怎么办")
    assert ans.abstained and ans.verdict == "out_of_scope", ans.text


# --- anticoagulation as the treatment asked ---------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["老人PVP术后CT发现无症状的肺骨水泥栓塞，要不要抗凝",
                                      "asymptomatic cement in the pulmonary arteries on CT after vertebroplasty - do we anticoagulate?"])
def test_whether_to_anticoagulate_a_cement_embolus_is_its_treatment_not_a_hold(referred, question):
    q = referred.frame(question)
    assert q.aspects[:1] == ("action",), q.aspects
    ans = referred.answer(question)
    first = next(line for line in ans.text.splitlines() if line.startswith("- "))
    assert "磺达肝癸钠" not in first and "fondaparinux" not in first.lower(), ans.text
    assert "随访" in ans.text or "follow-up" in ans.text, ans.text


def test_a_drug_to_stop_before_a_procedure_is_still_a_hold():
    from assistant.frame import aspects_of
    assert aspects_of("PVP术前要不要停抗凝药", "zh")[:1] != ("action",)


# --- rheumatology drugs and steroids told beside a procedure ---------------------------------------------------------

def test_a_biologic_asked_to_hold_is_said_to_be_outside_the_knowledge_base_once(referred):
    ans = referred.answer("RA pt on humira + MTX 20mg weekly for L4-5 + L5-S1 facet RFA, do I need to stop either?")
    notes = [line for line in ans.text.splitlines() if line.startswith("> ")]
    assert len(notes) == 1 and "humira" in notes[0] and "MTX" in notes[0], ans.text


def test_an_unknown_biologic_beside_an_implant_s_infection_prevention_still_gets_the_bundle(referred):
    ans = referred.answer("pt on tocilizumab + low dose pred, recurrent UTIs, planned for SCS implant. infection risk and what to optimise before?")
    assert not ans.abstained and "tocilizumab" in ans.text.split("\n", 1)[0], ans.text
    assert "remote infections" in ans.text, ans.text


@pytest.mark.parametrize("question", ["pt on low dose pred for PMR - caudal ESI ok?", "high-dose steroid last month, TFESI risk?"])
def test_a_dose_told_as_low_or_high_is_no_dose_asked(referred, question):
    assert "dose" not in referred.frame(question).aspects


# --- second parts of two-part questions, and the level asked -------------------------------------------------------

def test_which_level_is_safer_for_a_cervical_ilesi_leads_with_the_level_advised(referred):
    ans = referred.answer("颈椎ILESI选哪个节段比较安全")
    first = next(line for line in ans.text.splitlines() if line.startswith("- "))
    assert "C7–T1" in first, ans.text


def test_relatively_safe_is_no_comparison():
    from assistant.frame import aspects_of
    assert "comparison" not in aspects_of("颈椎ILESI选哪个节段比较安全", "zh")
    assert "comparison" in aspects_of("PVP和PKP哪个比较安全？", "zh")


def test_how_many_days_glucose_stays_up_asks_the_glucose_of_the_part_before(referred):
    ans = referred.answer("糖尿病老人做ESI，血糖会升多高？要升几天？")
    second = ans.text.split("**要升几天**", 1)[1]
    first = next(line for line in second.splitlines() if line.startswith("- "))
    assert "血糖" in first and "减压" not in first, ans.text


@pytest.mark.parametrize("question,said", [
    ("椎体成形每个节段骨水泥打多少ml比较安全？一次做几个节段会增加风险？", "3 个或以上节段"),
    ("vertebroplasty: how much cement per level is safe, and does doing several levels at once add risk?", "3 or more levels"),
])
def test_how_many_levels_at_once_gets_the_multilevel_risk(referred, question, said):
    ans = referred.answer(question)
    assert said in ans.text and "Not covered" not in ans.text and "未涵盖" not in ans.text, ans.text


def test_a_stimulation_frequency_asked_is_no_dose_asked():
    from assistant.frame import aspects_of
    assert "dose" not in aspects_of("射频消融前做感觉刺激和运动刺激，一般分别用多少Hz？", "zh")
    assert "dose" in aspects_of("带状疱疹急性期做肋间神经阻滞，激素用多少，打几次？", "zh")


@pytest.mark.parametrize("question", ["main risks of cervical TFESI I should mention when consenting my pt before referral?",
                                      "颈椎TFESI术前谈话要交代哪些风险？"])
def test_a_cervical_tfesi_consent_leads_with_the_serious_events_to_disclose(referred, question):
    ans = referred.answer(question)
    first = next(line for line in ans.text.splitlines() if line.startswith("- "))
    assert "FDA" in first and ("cortical blindness" in first or "皮质盲" in first), ans.text


# --- an intrathecal catheter-tip mass -------------------------------------------------------------------------------

def test_the_catheter_tip_mass_is_treated_by_stopping_the_infusion_first(referred):
    ans = referred.answer("ok how do we work that up and whats the tx",
                          ["palliative pt with IT morphine pump for pancreatic ca - what are the signs of a granuloma?"])
    assert ans.text.startswith("**ok how do we work that up**\n- Work-up"), ans.text
    tx = ans.text.split("**whats the tx**", 1)[1]
    first = next(line for line in tx.splitlines() if line.startswith("- "))
    assert "stop the infusion" in first, ans.text


def test_a_deficit_growing_over_weeks_with_a_pump_is_no_procedure_to_stop(referred):
    ans = referred.answer("palliative pt w IT morphine pump, catheter tip ~T7, over 2 wks increasing pain despite dose ups, "
                          "now legs weak and new urinary retention")
    assert ans.urgent and "Stop the procedure" not in ans.text.split("\n", 1)[0], ans.text


def test_extra_risk_on_prednisolone_is_its_risk_factors_not_the_route_s_definition(referred):
    ans = referred.answer("PMR pt on prednisolone 10mg daily having caudal ESI next wk, any extra risk or need to adjust pred?")
    first = next(line for line in ans.text.splitlines() if line.startswith("- "))
    assert "delivers a corticosteroid into the epidural space" not in first, ans.text


# --- round 90's remaining points ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["pt on Eliquis for SI joint injection - need to stop?", "艾乐妥的病人做骶髂关节注射要停药吗"])
def test_a_low_risk_class_is_followed_by_may_not_need_stopping_before_the_hold(referred, question):
    bullets = [line for line in referred.answer(question).text.splitlines() if line.startswith("- ")]
    assert "may not require stopping" in bullets[1] or "可能无需停药" in bullets[1], bullets


def test_mets_in_a_follow_up_narrow_the_cement_leak_rates_to_metastatic_fractures(referred):
    ans = referred.answer("what about in mets pts specifically", ["whats the cement leak rate with kypho vs vertebroplasty"])
    assert "metastatic" in ans.text, ans.text
    assert "spinal-tumour" in referred.frame("what about in mets pts specifically").concepts


@pytest.mark.parametrize("question", ["negative aspiration on TFESI - does that mean it's safe to inject?", "TFESI回抽没血是不是就安全了？"])
def test_a_clear_aspiration_asked_whether_it_is_enough_is_answered_with_what_it_misses(referred, question):
    ans = referred.answer(question)
    assert referred.frame(question).aspects[:1] == ("prevention",)
    assert "44" in "\n".join([line for line in ans.text.splitlines() if line.startswith("- ")][:3]), ans.text


# --- lay synonyms ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question,concept", [
    ("Patch made from the patient's own blood for a leaky spinal tap - how much blood goes in?", "epidural-blood-patch"),
    ("Tailbone-route epidural - how often does the needle end up in a vessel?", "caudal-esi"),
    ("Chunky steroid in neck nerve root shots - why is that dangerous?", "particulate-steroid"),
    ("Spine scope procedure - why do people lose vision?", "epiduroscopy"),
    ("Spine scope procedure - why do people lose vision?", "visual-loss"),
    ("Fat-solution drip for numbing-drug overdose - what is the total max?", "lipid-emulsion"),
    ("Fat-solution drip for numbing-drug overdose - what is the total max?", "last"),
    ("Nerve-burning on the lower back joints - how often does it leave people with burning skin pain?", "lumbar-spine"),
    ("Spinal pacemaker wires moved out of place - how common is that?", "spinal-cord-stimulation"),
])
def test_a_lay_name_reads_as_the_concept(referred, question, concept):
    assert concept in referred.frame(question).concepts


def test_a_lay_named_blood_patch_volume_is_answered(referred):
    ans = referred.answer("Patch made from the patient's own blood for a leaky spinal tap - how much blood goes in?")
    assert not ans.abstained and "12–20 mL" in ans.text, ans.text


@pytest.mark.parametrize("question,concept", [
    ("Fluoro time for a disc dye test vs a regular epidural?", "discography"),
    ("Lung puncture risk with thoracic facet injections - how often?", "pneumothorax"),
    ("后背打针会不会扎到肺？", "pneumothorax"),
    ("脊髓刺激器那个电池囊袋老是疼，常见吗？", "pocket-pain"),
    ("烧神经（射频）后皮肤烧灼样疼，多久能好？", "post-ablation-neuritis"),
    ("医生做透视打针，一年眼睛能受多少辐射？", "eye-lens-dose-limit"),
    ("does a spinal cord stimulater need MRI clearence?", "implant-mri-conditions"),
])
def test_more_lay_names_read_as_the_concept(referred, question, concept):
    assert concept in referred.frame(question).concepts


@pytest.mark.parametrize("question,aspect", [
    ("Spinal cord zapper implant got infected - does it have to come out?", "action"),
    ("抽脑脊液那种针眼漏水头痛，躺下就好，先怎么治？", "action"),
    ("医生做透视打针，一年眼睛能受多少辐射？", "limit"),
    ("Blood thinner shot in the belly twice a day (enoxaparin) - when's the last dose before a back injection?", "hold"),
])
def test_the_ask_in_plain_words(referred, question, aspect):
    aspects = referred.frame(question).aspects
    assert aspects[:1] == (aspect,), aspects


# --- round 91 (an interventional radiologist and a pre-procedure clinic PA; a spine surgeon and an oncologist) -----------

@pytest.mark.parametrize("question", ["RFA of osteoid osteoma in L2 pedicle - what nerve injury risk and what temp?",
                                      "椎体转移瘤做碘125粒子植入，粒子活度选多少，医护要不要防护"])
def test_a_tumour_ablation_or_seed_implant_is_another_specialty_s(referred, question):
    ans = referred.answer(question)
    assert ans.abstained and ans.verdict == "out_of_scope", ans.text
    assert "活度选" not in ans.text, ans.text


def test_a_facet_rfa_in_a_patient_with_mets_is_still_ours(referred):
    assert not referred.answer("lumbar facet RFA in a pt with spinal mets - risks?").abstained


def test_a_pronoun_and_a_time_are_no_unknown_term(referred):
    q = referred.frame("他半年前刚放了药物洗脱支架呢", ["病人要做鞘内泵植入，平时吃波立维，要停几天"])
    assert not q.unknown, q.unknown
    ans = referred.answer("他半年前刚放了药物洗脱支架呢", ["病人要做鞘内泵植入，平时吃波立维，要停几天"])
    first = next(line for line in ans.text.splitlines() if line.startswith("- "))
    assert "心内科" in first, ans.text


def test_an_implant_s_infection_bundle_is_no_vertebroplasty_antibiotic_advice(referred):
    ans = referred.answer("what's the infection rate w vertebroplasty and do we give prophylactic abx?")
    assert "implantation" not in ans.text and "NACC" not in ans.text, ans.text
    assert "do we give prophylactic abx" in ans.text, ans.text  # (said to be not covered, in the question's words)


def test_the_steroid_already_in_needs_no_rule_about_what_contrast_shows_first():
    from assistant.safety import triage
    t = triage("just injected kenalog for C6 TFESI and pt now cant move arms or legs, awake. what do I do", "en")
    assert t.urgent and "do not inject further" not in t.steps[0]
    t = triage("C6 TFESI, contrast showed vascular flow then pt can't move arms", "en")
    assert "do not inject further" in t.steps[0]


def test_whether_he_can_have_an_mri_after_the_implant_is_the_device_s_labelling(referred):
    ans = referred.answer("and he asks if he can have MRI after implant", ["pt with PPM for SCS trial, anything special?"])
    assert ans.abstained and "MRI with an implanted device" in ans.text, ans.text


def test_monitoring_after_starting_intrathecal_morphine_is_its_own_watch(referred):
    ans = referred.answer("鞘内吗啡泵刚开始用或者加量后，要怎么监测，监测多久")
    first, second = ans.text.split("**监测多久**")
    assert "脉搏血氧" in next(line for line in first.splitlines() if line.startswith("- ")), ans.text
    lead = next(line for line in second.splitlines() if line.startswith("- "))
    assert "LAST" not in lead and "24" in lead, ans.text
    ans = referred.answer("after starting intrathecal morphine or a dose increase, how do we monitor and for how long?")
    assert "24 h" in next(line for line in ans.text.splitlines() if line.startswith("- ")), ans.text


def test_women_of_childbearing_age_asked_a_pregnancy_test_are_no_female_sex_risk(referred):
    ans = referred.answer("do we need a preg test before ESI in women of childbearing age?")
    assert "female sex" not in ans.text, ans.text


def test_ct_against_fluoroscopy_is_said_to_be_uncompared(referred):
    ans = referred.answer("CT vs fluoro for cervical TFESI - which is safer")
    assert ans.text.startswith("> The sources do not compare"), ans.text


def test_three_levels_of_pvp_asked_for_its_embolism_risk_leads_with_the_multilevel_finding(referred):
    q = referred.frame("一次做3个节段PVP，肺栓塞风险会高吗")
    assert {"multiple-levels", "pulmonary-cement-embolism"} <= set(q.concepts) and q.aspects[:1] == ("risk_factors",)
    first = next(line for line in referred.answer("一次做3个节段PVP，肺栓塞风险会高吗").text.splitlines() if line.startswith("- "))
    assert "3 个或以上节段" in first, first


# --- more lay phrasing -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question,lang", [
    ("Spinal cord stroke after a low back root block - which artery?", "en"),
    ("High spinal after an injection meant for the epidural - signs?", "en"),
    ("TFESI后脊髓梗死是哪根动脉？", "zh"),
])
def test_which_artery_or_what_signs_asked_in_general_raise_no_banner(question, lang):
    assert not triage(question, lang).urgent


def test_signs_asked_of_a_picture_told_now_keep_the_banner():
    assert triage("pt just had a C6 TFESI and now has a facial droop and slurred speech - signs of stroke?", "en").urgent


@pytest.mark.parametrize("question,concept", [
    ("Numbing shot into the vein by mistake - what are the first signs?", "intravascular-injection"),
    ("Numbing shot into the vein by mistake - what are the first signs?", "local-anaesthetic"),
    ("Heart stopping from bupivacaine - what do we change in CPR?", "cardiac-arrest"),
    ("Blood clot pressing on the spinal cord after an epidural - how fast do we need surgery?", "epidural-haematoma"),
    ("Pus collection in the spine after an injection - how does it present?", "epidural-abscess"),
])
def test_lay_names_of_complications(referred, question, concept):
    assert concept in referred.frame(question).concepts


def test_a_heart_stopping_is_no_drug_held(referred):
    assert "hold" not in referred.frame("Heart stopping from bupivacaine - what do we change in CPR?").aspects


@pytest.mark.parametrize("question", ["PKP一次最多做几个节段比较安全，术后要卧床多久", "max number of levels for kyphoplasty in one session?"])
def test_how_many_levels_at_most_is_answered_with_the_multilevel_risk_not_declined_as_a_dose(referred, question):
    ans = referred.answer(question)
    assert not ans.abstained and ("3 个或以上节段" in ans.text or "3 or more levels" in ans.text), ans.text


@pytest.mark.parametrize("question", ["Coumadin pt for SI joint injection - does it need stopping and whats the INR target?",
                                      "华法林的病人做腰椎ILESI停几天？INR要降到多少才能做？"])
def test_the_inr_asked_for_the_needle_is_never_the_bridging_list_s_target_inr(referred, question):
    ans = referred.answer(question)
    assert "3.5" not in ans.text, ans.text
    assert "normalised international normalised ratio" in ans.text or "a normalised INR" in ans.text or "已恢复正常" in ans.text, ans.text


def test_does_an_occipital_nerve_block_work_for_pdph_is_answered_with_its_review(referred):
    ans = referred.answer("does greater occipital nerve block actually work for PDPH or should i go straight to EBP")
    assert not ans.abstained and "221 patients" in ans.text, ans.text


def test_ank_spond_is_ankylosing_spondylitis(referred):
    assert "ankylosing-spondylitis" in referred.frame("ank spond pt for caudal epidural - is the haematoma risk higher?").concepts


# --- review 18 -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question,lang", [
    ("ILESI yesterday, called back for bilateral leg weakness with suspected cord compression from a haematoma - what now?", "en"),
    ("Admitted tonight for weakness and numbness from cord compression, had an interlaminar ESI 2 days ago on apixaban", "en"),
    ("Patient seen in ED for leg weakness due to compression of the cord after her epidural yesterday, what do I do?", "en"),
    ("硬膜外注射后第二天，因血肿压迫导致双下肢无力，怎么处理", "zh"),
    ("打完硬膜外激素后，硬膜外血肿压迫引起双下肢无力，怎么办？", "zh"),
    ("昨天做了硬膜外注射，今天因神经受压迫双腿无力来急诊，怎么办", "zh"),
])
def test_a_deficit_told_after_the_procedure_is_never_read_as_its_indication(question, lang):
    assert triage(question, lang).urgent


def test_our_rfa_in_a_patient_with_cancer_stays_ours(referred):
    ans = referred.answer("Did a lumbar RFA this morning on a patient with metastatic prostate cancer; now new bilateral leg "
                          "weakness and urinary retention - what do I do?")
    assert ans.urgent and not ans.abstained, ans.text
    for q in ("Breast cancer with bone metastases, for lumbar RFA on clopidogrel - how long to hold?",
              "Patient on a tumour necrosis factor blocker for psoriasis, lumbar RFA next week - infection risk?"):
        assert referred.frame(q).out_of_scope == () or "tumour-ablation" not in referred.frame(q).out_of_scope, q


@pytest.mark.parametrize("question,lang", [
    ("Colonoscopy under propofol: will the patient be unconscious the whole time?", "en"),
    ("Does dexmedetomidine sedation for colonoscopy cause bradycardia?", "en"),
    ("球囊压迫术中出现心动过缓的发生率是多少？", "zh"),
    ("Elderly patient for cataract surgery tomorrow has baseline HR 45 - is that ok?", "en"),
])
def test_a_calm_question_about_another_specialty_s_procedure_raises_no_banner(question, lang):
    from assistant.safety import foreign_emergency
    assert not foreign_emergency(question, lang).urgent


@pytest.mark.parametrize("question,said", [
    ("How long do we wait between the last clopidogrel dose and the ESI?", "7 days"),
])
def test_a_wait_between_a_drug_dose_and_the_procedure_is_its_hold(referred, question, said):
    ans = referred.answer(question)
    assert said in ans.text and "between injections" not in ans.text, ans.text


def test_a_or_b_which_is_safer_in_chinese_is_still_a_comparison():
    from assistant.frame import aspects_of
    assert "comparison" in aspects_of("颗粒型激素还是非颗粒型激素比较安全？", "zh")
    assert aspects_of("颈椎TFESI脊髓梗死的风险大吗", "zh")[:1] != ("risk_factors",)


def test_anticoagulating_again_after_a_procedure_is_its_restart_not_a_treatment():
    from assistant.frame import aspects_of
    assert "action" not in aspects_of("On apixaban for AF, kyphoplasty done yesterday - when should we anticoagulate again?", "en")
