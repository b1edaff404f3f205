"""Round 93 (a cardiologist, a haematologist and a hospitalist advising on antithrombotic drugs around pain procedures; a
Chinese cardiology consult, a rehabilitation physician and a night ward nurse), and the weak points named at the end of
the session before: CPR changed for LAST, cement in the canal on CT, "manages 4 METs", a deficit found 45 min after."""

from __future__ import annotations

import pytest

from assistant.safety import triage


@pytest.fixture(scope="module")
def wards(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("wards-index", ("anticoagulants", "spinal-haematoma", "esi-interlaminar-caudal", "esi-transforaminal",
                                       "spinal-cord-stimulation", "vertebral-augmentation", "facet-mbb-rfa", "last", "pdph",
                                       "intrathecal-drug-delivery", "radiation-contrast", "patient-selection-monitoring", "esi-general"))


def _bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


# --- the asked drug's own toxicity ----------------------------------------------------------------------------------

def test_cpr_changed_for_last_gives_the_modified_acls(engine):
    ans = engine.answer("heart stopping from bupivacaine - what do we change in CPR?")
    assert any("ACLS" in b or "vasopressin" in b for b in _bullets(ans.text)[:3]), ans.text


# --- cement in the canal on CT --------------------------------------------------------------------------------------

def test_cement_told_in_the_canal_is_the_leak(engine):
    assert "cement-leakage" in engine.frame("PKP术后CT见骨水泥进椎管，怎么办？").concepts


def test_scan_or_surgeon_first_leads_with_the_canal_leak(wards):
    ans = wards.answer("PKP术后CT见骨水泥进椎管，要急诊MRI还是直接找脊柱外科？")
    first = _bullets(ans.text)[0]
    assert "椎管" in first and "肺" not in first, ans.text


@pytest.mark.parametrize("question", ["PKP术后CT见骨水泥进椎管，要急诊MRI还是直接找脊柱外科？"])
def test_which_step_first_asks_what_to_do(engine, question):
    assert "action" in engine.frame(question).aspects


# --- what the patient manages ---------------------------------------------------------------------------------------

def test_a_patient_who_manages_4_mets_asks_no_treatment(engine):
    q = engine.frame("Lumbar RFA next week, pt on Plavix for a stent 3 yrs ago, manages 4 METs - hold?")
    assert "action" not in q.aspects and "hold" in q.aspects and "spinal-tumour" not in q.concepts


def test_spinal_mets_keep_the_tumour(engine):
    assert "spinal-tumour" in engine.frame("kyphoplasty for spinal mets - cement leak risk?").concepts


# --- minutes after the procedure ------------------------------------------------------------------------------------

def test_a_deficit_found_after_the_procedure_stops_nothing():
    t = triage("bilateral leg weakness and retention 45 min after an L4/5 ILESI on Clexane - what now?", "en")
    assert t.urgent and "Stop the procedure" not in t.escalation, t.escalation


# --- round 93: restarts asked in a follow-up ------------------------------------------------------------------------

def test_the_bridging_drug_restarts_after_the_implant(wards):
    ans = wards.answer("ok so if we bridge with enoxaparin 1mg/kg bid, when's the last dose pre-op and when do we restart after the implant?",
                       ["pt w/ mechanical mitral valve on coumadin INR goal 3, needs permanent SCS implant. does she need bridging?"])
    restart = ans.text.split("restart after the implant", 1)[1]
    assert "12–24 h" in restart and "hair" not in restart, ans.text


def test_when_back_on_asks_the_restart(engine):
    q = engine.frame("pt on effient, cardiology ok'd a hold. how long off before cervical TFESI and when back on?")
    assert all("hold" in p.aspects for p in q.parts), q.parts


def test_when_back_on_is_no_gap_beside_the_restart_given(wards):
    ans = wards.answer("pt on effient 10mg monotherapy, DES was 14 months ago, cardiology ok'd a hold. how long off before cervical TFESI and when back on?")
    assert "Not covered" not in ans.text and "restarted" in ans.text, ans.text


# --- round 93: a scanned haematoma, the consult named, another specialty's biopsy ----------------------------------

@pytest.mark.parametrize("question", [
    "MRI shows L3-5 epidural hematoma compressing the sac. how fast does NSGY need to decompress and is conservative mgmt ever ok?",
    "MRI shows an epidural haematoma after the TFESI - when does the neurosurgeon need to take her to theatre?",
])
def test_the_surgeon_asked_for_is_no_other_specialty(wards, question):
    ans = wards.answer(question)
    assert ans.urgent and ans.verdict != "out_of_scope", ans.text


@pytest.mark.parametrize("question", [
    "ITP pt plt 38k on clopidogrel needs a bone marrow bx from the post iliac crest - safe to proceed or hold plavix?",
    "pt on xarelto for a bone marrow trephine tomorrow - hold how long?",
])
def test_a_marrow_biopsy_is_another_specialty(wards, question):
    assert wards.answer(question).verdict == "out_of_scope"


# --- round 93: the story's words ------------------------------------------------------------------------------------

def test_how_much_and_how_long_sugars_rise(engine):
    q = engine.frame("T2DM pt getting L4-5 TFESI w dexamethasone tomorrow. how much / how long will sugars go up?")
    assert "dose" not in q.aspects and {"magnitude", "timing"} <= set(q.aspects), q.aspects


@pytest.mark.parametrize("question,lang", [
    ("if PT/INR, aPTT and plt are all normal does that basically exclude epidural hematoma risk after a cervical ILESI?", "en"),
    ("凝血和血小板都正常，做颈椎ILESI还会有硬膜外血肿吗？", "zh"),
])
def test_normal_labs_point_to_no_low_platelets(wards, question, lang):
    ans = wards.answer(question)
    assert "No figure" not in ans.text and "没有" not in ans.text.split("\n", 1)[0], ans.text


def test_a_count_told_still_points_to_low_platelets(wards):
    assert "No figure" in wards.answer("plt 45k, INR normal - ok to do a lumbar ILESI?").text


def test_not_on_any_antithrombotics_denies_them(engine):
    q = engine.frame("MDS pt, plt 45k, not on any antithrombotics. whats the minimum platelet count for a lumbar ILESI?")
    assert "antithrombotic" in q.excluded and "hold" not in q.aspects


@pytest.mark.parametrize("question", [
    "PE 6 wks ago, now on apixaban, painful L1 osteoporotic fx - IR wants to do kyphoplasty next week. ok to just hold apixaban 3 days or should we wait?",
    "3个月前肺栓塞，现在吃利伐沙班，PKP下周做，停几天？",
])
def test_a_clot_the_patient_had_is_no_cement_embolism(engine, question):
    q = engine.frame(question)
    assert "vte" in q.concepts and "pulmonary-cement-embolism" not in q.concepts, q.concepts


@pytest.mark.parametrize("question", ["PKP打骨水泥时突然PE了怎么办", "kyphoplasty - how common is PE?"])
def test_a_pe_beside_cement_is_still_the_cement_embolism(engine, question):
    assert "pulmonary-cement-embolism" in engine.frame(question).concepts


def test_recent_vte_defers_a_high_risk_procedure(wards):
    ans = wards.answer("PE 6 wks ago, now on apixaban, painful L1 osteoporotic fx - IR wants to do kyphoplasty next week. "
                       "ok to just hold apixaban 3 days or should we wait?")
    assert any("3 months" in b for b in _bullets(ans.text)[:2]), ans.text


# --- round 93 (Chinese): a cardiology consult, a rehabilitation ward, a night nurse ---------------------------------

def test_resuming_the_class_of_the_drug_told_is_that_drugs_restart(wards):
    ans = wards.answer("房颤病人吃拜瑞妥20mg qd，疼痛科要给他做SCS测试，术前停几天？术后多久能恢复抗凝？")
    first = _bullets(ans.text)[0]
    assert "3 天" in first and "24 小时" in first, ans.text


def test_the_class_named_in_a_second_part_reads_as_the_drug(engine):
    q = engine.frame("房颤病人吃拜瑞妥20mg qd，疼痛科要给他做SCS测试，术前停几天？术后多久能恢复抗凝？")
    assert q.parts[1].concepts == ("rivaroxaban",), q.parts


def test_steroid_cover_before_another_specialtys_surgery_is_answered(engine, wards):
    question = "病人三周前刚做过硬膜外激素注射（曲安奈德80mg），下周要做髋关节手术，围术期需要补激素吗？"
    assert "steroid-cover" in engine.frame(question).concepts
    ans = wards.answer(question)
    assert not ans.abstained and "没有关于" not in ans.text, ans.text


@pytest.mark.parametrize("typed,meant", [("颈椎硬模外注射", "cervical-esi"), ("椎体成型术", "vertebroplasty"),
                                         ("布比卡英", "bupivacaine")])
def test_same_sound_input_slips_are_read_as_meant(engine, typed, meant):
    assert meant in engine.frame(f"{typed}要注意什么？").concepts


def test_a_cervical_epidural_is_named_by_the_cervical_interlaminar_rule(wards):
    ans = wards.answer("病人做完颈椎硬模外注射，家属问能不能自己开车回家？")
    assert not ans.text.startswith(">") and "驾车" in _bullets(ans.text)[0], ans.text


def test_a_shellfish_allergy_leads_with_what_it_means_for_contrast(wards):
    ans = wards.answer("病人说自己海鲜过敏，今天下午要做硬膜外注射要用碘造影剂，需要提前用激素预防吗？")
    assert "贝类过敏" in _bullets(ans.text)[0] and "来自第三方" not in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("history,question", [
    ("急！康复科病人今天上午做了腰椎硬膜外注射，一直在打克赛预防血栓，下午突然腰背部剧痛，两条腿没力气，小便解不出来，现在怎么办",
     "MRI那边排队要到明天早上，等得起吗？减压最晚要在多少小时内做？"),
    ("bilateral leg weakness 2 h after L4/5 ILESI on clexane, what now?", "MRI can't be done till the morning - can it wait?"),
])
def test_asking_whether_the_emergency_can_wait_keeps_its_banner(wards, history, question):
    assert wards.answer(question, [history]).urgent


# --- round 93: whom to bridge, a stop asked beside the INR ---------------------------------------------------------

def test_whether_to_bridge_is_asked_of_the_patient_the_other_part_tells(engine):
    q = engine.frame("二尖瓣机械瓣的病人，华法林INR控制在2.5-3.5，疼痛科要做腰椎椎板间硬膜外注射，华法林停几天？需不需要LMWH桥接？")
    assert "mechanical-heart-valve" in q.parts[1].inherited, q.parts


def test_a_mechanical_mitral_valve_leads_the_bridging_part_with_the_high_risk_list(engine):
    ans = engine.answer("二尖瓣机械瓣的病人，华法林INR控制在2.5-3.5，疼痛科要做腰椎椎板间硬膜外注射，华法林停几天？需不需要LMWH桥接？")
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert second and "高风险" in second[0], ans.text


def test_when_to_stop_is_never_answered_by_the_restart(engine):
    ans = engine.answer("on warfarin for DVT 8 months ago, needs epiduroscopy w adhesiolysis. when do we stop it and what INR do we need day of?")
    assert "5 days before" in ans.bullets[0]["text"] and "restarted" not in ans.bullets[0]["text"], ans.text


# --- round 94 (a sedation nurse, an infection-prevention nurse and a locum; a county pain doctor, a scrub nurse, an intern)

@pytest.mark.parametrize("question,lang", [("右侧星状神经节阻滞刚打完5分钟，病人脖子右边越来越肿，说喘不上气、声音嘶哑", "zh"),
                                           ("5 min after a right stellate ganglion block, neck swelling getting bigger, short of breath, hoarse voice", "en")])
def test_a_swelling_neck_after_sgb_is_the_airway_haematoma(question, lang):
    assert triage(question, lang).rule == "airway-haematoma"


@pytest.mark.parametrize("question,foreign", [
    ("labour ward asking - primip had a wet tap with 16G tuohy during labour epidural, now postural headache day 2. when do we do "
     "the blood patch and how much blood?", "labour epidural"),
    ("ortho asking when they can restart xarelto after a THR tomorrow - pt had a caudal with us last wk, so is it ok from our side?", "THR"),
])
def test_another_specialtys_procedure_beside_ours_is_said_first(wards, question, foreign):
    ans = wards.answer(question)
    assert ans.text.startswith(f"> Nothing in the knowledge base on {foreign}"), ans.text


def test_where_a_drug_was_found_is_no_subject(engine):
    q = engine.frame("found some dex in the cupboard but the label lists benzyl alcohol - ok to use that epidurally or do I need preservative free?")
    assert not q.unknown and "preservative" in q.concepts, (q.unknown, q.concepts)


def test_a_chlorhexidine_slip_is_read_as_meant(engine):
    assert "chlorhexidine" in engine.frame("硬膜外穿刺前皮肤消毒用碘伏还是氯已定？").concepts


def test_when_to_come_back_is_the_discharge_advice(wards):
    ans = wards.answer("had a wet tap doing a T10/11 ILESI w 20G tuohy today, pt fine now. what do i tell her re headache + when to come back")
    assert "Not covered" not in ans.text and "return urgently" in ans.text, ans.text


def test_how_much_after_a_failed_drug_is_the_next_steps_amount(engine):
    q = engine.frame("she rang back day 2, bad postural headache, paracetamol + caffeine not helping. do we blood patch now? how much?",
                     ["had a wet tap doing a T10/11 ILESI w 20G tuohy today, pt fine now. what do i tell her re headache"])
    assert not {"paracetamol", "caffeine"} & set(q.parts[-1].inherited), q.parts


def test_prawns_told_as_the_iodine_allergy_lead_with_shellfish(wards):
    ans = wards.answer("pt on my list says 'allergic to iodine' - reacted to prawns years ago, never had contrast. do I need to premed "
                       "or avoid omnipaque for her TFESI?")
    assert "shellfish" in _bullets(ans.text)[0] and not ans.text.startswith(">"), ans.text


def test_a_multi_dose_vial_asks_no_dose(wards):
    question = ("IPC audit q: for ESIs in the fluoro suite does the proceduralist need a mask + hat, and are multi-dose vials of lido "
                "ok if we use a new needle each time?")
    assert "dose" not in wards.frame(question).aspects


# --- review 19: the session's own rules, read too widely ------------------------------------------------------------

@pytest.mark.parametrize("question", ["Last dose of enoxaparin was last night, SCS trial leads placed today - when is the next dose?",
                                      "停了5天华法林，今天射频做完了，什么时候可以吃回去？"])
def test_a_stop_told_never_hides_the_restart_asked(engine, question):
    ans = engine.answer(question)
    assert any("restart" in b["text"] or "恢复" in b["text"] for b in ans.bullets), ans.text


@pytest.mark.parametrize("question", ["Kyphoplasty for T12 mets - cement leak risk?", "Pt with 3 mets in the spine, is vertebroplasty ok?"])
def test_spinal_metastases_after_a_number_stay_metastases(engine, question):
    assert "spinal-tumour" in engine.frame(question).concepts


@pytest.mark.parametrize("question", ["CrCl 25, coags normal - how long to hold apixaban before lumbar ESI?",
                                      "eGFR 25, vitals are fine - apixaban hold for a lumbar ESI?"])
def test_a_normal_lab_told_beside_a_low_clearance_keeps_the_kidneys(engine, question):
    q = engine.answer(question)
    assert "renal-impairment" in q.concepts or "renal" in q.text, q.text


@pytest.mark.parametrize("question", ["椎体成形术后3天前出现肺栓塞，需要抗凝吗？", "Pulmonary embolism 1 day ago following vertebroplasty - anticoagulate?"])
def test_a_pe_after_the_cement_is_still_the_cement_embolism(engine, question):
    assert "pulmonary-cement-embolism" in engine.frame(question).concepts


def test_a_past_joint_replacement_beside_a_hold_is_history(wards):
    ans = wards.answer("Knee replacement 6 months ago, on rivaroxaban, booked for a lumbar ESI - how long to hold it?")
    assert "Nothing in the knowledge base on" not in ans.text and not ans.abstained, ans.text


@pytest.mark.parametrize("question", ["先做诊断性内侧支阻滞还是先做射频？", "When can he get back on the golf course after the SCS?"])
def test_a_plain_order_or_a_hobby_asks_no_rescue_or_restart(engine, question):
    q = engine.frame(question)
    assert "action" not in q.aspects and "hold" not in q.aspects, q.aspects


def test_a_dash_ends_what_was_tried_before_the_next_ask(engine):
    question = "wet tap at L2/3 ILESI, now day 3 postural headache despite caffeine - EBP how much blood and when?"
    assert engine.frame(question).tried == ("caffeine",)
    ans = engine.answer(question)
    assert "12–20 mL" in ans.bullets[0]["text"], ans.text
