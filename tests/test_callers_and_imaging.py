"""Round 95 (an interventional radiologist, an emergency physician and a telephone follow-up nurse; a Chinese IR,
emergency doctor and follow-up nurse), and the weak points named at the end of the session before: a deficit after
"just had C7 TFESI", the operating room an implant needs, the first signs of LA toxicity."""

from __future__ import annotations

import pytest

from assistant.safety import triage


@pytest.fixture(scope="module")
def calls(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("calls-index", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal",
                                       "spinal-cord-stimulation", "infection-control", "vertebral-augmentation", "cervical-thoracic-sympathetic",
                                       "last", "pdph", "patient-selection-monitoring", "radiation-contrast"))


def _bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


# --- the procedure told as just done --------------------------------------------------------------------------------

def test_a_deficit_after_just_had_a_tfesi_stops_nothing():
    t = triage("pt just had C7 TFESI w kenalog, now says cant feel his legs and arms weak", "en")
    assert t.urgent and "Stop the procedure" not in t.escalation, t.escalation


def test_a_swelling_neck_minutes_ago_stops_nothing():
    t = triage("SGB 40 min ago, left neck getting bigger, hoarse, says can't breathe", "en")
    assert t.urgent and "Stop the procedure" not in t.escalation, t.escalation


def test_a_deficit_during_the_injection_still_stops_it():  # (guard: on the table, the procedure is stopped)
    t = triage("just had a seizure while injecting the C7 TFESI, now arms weak", "en")
    assert t.urgent and "Stop the procedure" in t.escalation, t.escalation


# --- the operating room an implant needs ----------------------------------------------------------------------------

def test_the_room_asked_is_the_operating_room(engine):
    q = engine.frame("SCS植入要在什么样的手术室做")
    assert "operating-room-standard" in q.concepts and "prevention" in q.aspects, (q.concepts, q.aspects)


@pytest.mark.parametrize("question,history,word", [
    ("SCS植入要在什么样的手术室做", [], "层流"),
    ("And what sort of operating room should it be done in?", ["What skin prep does NACC recommend before an SCS implant?"], "laminar"),
])
def test_the_operating_room_leads_with_laminar_flow(calls, question, history, word):
    ans = calls.answer(question, history)
    assert word in _bullets(ans.text)[0], ans.text


# --- an epidural told in the patient's words ------------------------------------------------------------------------

def test_a_lumbar_epidural_told_keeps_cement_out_of_the_steps(calls):
    ans = calls.answer("昨天做的腰椎硬膜外今天回来了 双腿没劲 尿不出 平时吃拜瑞妥的 现在咋办")
    assert ans.urgent and not any("骨水泥" in b for b in _bullets(ans.text)), ans.text


def test_a_temperature_told_as_burning_to_38_is_a_fever():
    t = triage("随访电话 病人说前天做的腰椎硬膜外 今天烧到38.5 腰痛比之前厉害 腿也麻 要不要让他回来", "zh")
    assert t.urgent and "脓肿" in t.escalation.split("。")[0], t.escalation


def test_the_febrile_back_leads_with_the_abscess(calls):
    ans = calls.answer("随访电话 病人说前天做的腰椎硬膜外 今天烧到38.5 腰痛比之前厉害 腿也麻 要不要让他回来")
    assert "脓肿" in _bullets(ans.text)[0], ans.text


# --- the first signs of LA toxicity ---------------------------------------------------------------------------------

def test_the_first_signs_lead_with_the_early_signs(engine):
    ans = engine.answer("first signs of LA toxicity?")
    assert "Early CNS signs" in _bullets(ans.text)[0], ans.text


def test_toxicity_beside_a_local_anaesthetic_is_last(engine):
    q = engine.frame("max lidocaine dose with adrenaline and what are the first signs of toxicity")
    assert len(q.parts) == 2 and "last" in q.parts[1].concepts, q.parts


@pytest.mark.parametrize("question,part,word", [
    ("max lidocaine dose with adrenaline and what are the first signs of toxicity", "first signs of toxicity", "numbness"),
    ("利多卡因最大量多少 中毒最早有什么表现", "中毒最早有什么表现", "口周"),
])
def test_the_signs_part_gives_the_signs(engine, question, part, word):
    ans = engine.answer(question)
    first = _bullets(ans.text.split(part, 1)[1])[0]
    assert word in first, ans.text


def test_a_sign_word_in_give_way_is_no_step():
    from assistant.compose import _ACTION

    text = "As LAST progresses, these early signs give way to seizures and then to CNS depression or coma."
    assert not _ACTION["en"].search(text)


# --- contrast with the kidneys told ---------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["eGFR 25, is it safe to give iodinated contrast for a CTPA",
                                      "肾功能不好 肌酐300 做CTPA能打造影剂吗"])
def test_contrast_for_a_ctpa_with_bad_kidneys_is_not_ours(engine, question):
    ans = engine.answer(question)
    assert ans.abstained and "contrast-imaging" in engine.frame(question).out_of_scope, ans.text


def test_contrast_beside_our_procedure_with_ckd_says_nothing_on_it(engine):
    ans = engine.answer("CKD stage 4 on dialysis, can I use contrast for the TFESI?")
    assert not ans.abstained and "contrast-induced nephropathy" in ans.text.split("\n", 1)[0], ans.text


# --- a complication asked of a procedure no passage pairs it with ---------------------------------------------------

def test_paraplegia_after_coeliac_neurolysis_is_not_covered(engine):
    ans = engine.answer("paraplegia risk with coeliac plexus neurolysis")
    assert ans.abstained, ans.text


def test_paraplegia_after_a_tfesi_is_still_answered(engine):  # (guard: the pair is in the passages)
    ans = engine.answer("paraplegia risk with TFESI?")
    assert not ans.abstained, ans.text


# --- LAST beside another procedure's warning signs ------------------------------------------------------------------

def test_a_numb_tongue_in_a_paravertebral_block_keeps_the_haematoma_out(calls):
    ans = calls.answer("Midway through a right T5 paravertebral block with 20 mL of 0.5% ropivacaine she says her tongue has gone "
                       "numb and her ears are ringing, and the QRS on the monitor is getting wider. What do we do right now?")
    assert ans.urgent and not any("haematoma" in b for b in _bullets(ans.text)), ans.text


def test_a_collapse_asking_the_lipid_gives_its_dose_second(engine):
    ans = engine.answer("collapsed in recovery 10 min after stellate block w bupivacaine, brady, wide QRS, BP 70/40. lipid dose for 80kg")
    bullets = _bullets(ans.text)
    benzo = next(i for i, b in enumerate(bullets) if "benzodiazepine" in b)
    lipid = next(i for i, b in enumerate(bullets) if ">70 kg" in b)
    assert lipid == 1 and benzo > lipid, ans.text


def test_a_guideline_comparison_gets_no_worked_dose(engine):
    ans = engine.answer("病人90公斤呢 怎么算", ["LAST脂肪乳剂怎么给"])
    assert "1350" not in ans.text, ans.text


# --- the telephone follow-up nurse ----------------------------------------------------------------------------------

def test_a_patient_telling_a_headache_asks_what_to_do(engine):
    q = engine.frame("pt says headache much worse when sitting up, had caudal epidural yesterday")
    assert "action" in q.aspects, q.aspects


def test_a_phoned_postural_headache_leads_with_care(engine):
    ans = engine.answer("pt says headache much worse when sitting up, had caudal epidural yesterday")
    assert "Conservative treatment" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question,history,word", [
    ("had a blood patch yesterday, headache back today. repeat?", ["PDPH after interlaminar ESI, treatment?"], "second epidural blood patch"),
    ("昨天做了血补丁 今天又头痛了 要再做一次吗", ["腰穿后头痛怎么处理"], "第二次"),
])
def test_a_headache_back_after_the_patch_asks_about_a_second(engine, question, history, word):
    ans = engine.answer(question, history)
    assert word in _bullets(ans.text)[0], ans.text


def test_confirming_migration_asks_the_work_up(calls):
    history = ["SCS trial 2 days ago, pt says stim has moved to his belly instead of legs"]
    assert "workup" in calls.frame("how do i confirm migration", history).aspects
    ans = calls.answer("how do i confirm migration", history)
    assert "impedance" in _bullets(ans.text)[0], ans.text


# --- antithrombotics ------------------------------------------------------------------------------------------------

def test_the_primary_prevention_aspirin_part_gets_its_rule(engine):
    ans = engine.answer("腰交感阻滞出血风险算几级 吃阿司匹林一级预防的要不要停")
    assert "一级预防" in _bullets(ans.text.split("要不要停", 1)[1])[0], ans.text


def test_the_class_leads_before_where_it_comes_from(calls):
    ans = calls.answer("腰交感阻滞出血风险算几级 吃阿司匹林一级预防的要不要停")
    assert "记忆" not in _bullets(ans.text)[0], ans.text


def test_a_drug_that_cannot_be_stopped_gets_no_hold_interval(engine):
    ans = engine.answer("cardiology says cant stop it. options?", ["pt on plavix, DES 4 months ago, booked for kyphoplasty"])
    assert not any("7 days" in b for b in _bullets(ans.text)), ans.text


# --- Chinese clauses ------------------------------------------------------------------------------------------------

def test_a_swelling_neck_leads_with_no_expected_horner_step(calls):
    ans = calls.answer("sgb做完40分钟 左边脖子越来越肿 声音嘶哑 说喘不上气")
    steps = ans.text.split("**立即处理**", 1)[1].split("**", 1)[0] if "**立即处理**" in ans.text else ""
    assert ans.urgent and "上睑下垂" not in steps, ans.text


def test_the_embolism_after_a_cement_turn_is_the_cement_embolism(engine):
    q = engine.frame("那肺栓塞呢 有症状的咋处理", ["椎体成形骨水泥渗漏发生率多少"])
    assert len(q.parts) == 2 and "pulmonary-cement-embolism" in q.parts[0].concepts, q.parts


def test_whether_it_causes_a_pneumothorax_asks_the_complication(engine):
    assert "complications" in engine.frame("胸椎射频会不会气胸 怎么跟病人交代").aspects


def test_a_rule_for_other_blocks_is_no_other_procedure(calls):
    ans = calls.answer("can pt drive home after nerve root block with lidocaine")
    assert "Nothing in the knowledge base on this for nerve root block" not in ans.text and "drive" in _bullets(ans.text)[0], ans.text


# --- a pregnant radiographer; a P2Y12 inhibitor's interval ----------------------------------------------------------

def test_a_pregnant_radiographer_leads_with_need_not_leave(calls):
    ans = calls.answer("pregnant radiographer - can she keep working in the fluoro room")
    assert "need not leave the room" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question,rule", [("Brilinta - stop for a coeliac plexus block? how many days", "must never be stopped"),
                                           ("倍林达做腹腔神经丛阻滞要停吗 停几天", "绝不可停用")])
def test_a_p2y12_interval_brings_the_stent_rule(engine, question, rule):
    bullets = _bullets(engine.answer(question).text)
    at = next(i for i, b in enumerate(bullets) if "5 天" in b or "5 days" in b)
    assert rule in bullets[at + 1], bullets


# --- round 96: LAST with only a collapsing circulation --------------------------------------------------------------

@pytest.mark.parametrize("question,lang", [("布比卡因做完SGB 病人心率掉到30几 血压测不出来了 要不要上脂肪乳", "zh"),
                                           ("SGB用的布比卡因 打完病人心率30 血压测不到", "zh"),
                                           ("bupivacaine SGB done, HR 30s, no BP - lipid?", "en")])
def test_a_collapse_after_a_local_anaesthetic_is_last(question, lang):
    t = triage(question, lang)
    assert t.urgent and t.rule == "last", (t.rule, t.escalation)


def test_a_block_done_stops_nothing():
    t = triage("bupivacaine SGB done, HR 30s, no BP - lipid?", "en")
    assert "Stop the procedure" not in t.escalation, t.escalation


@pytest.mark.parametrize("question", ["after ESI pt pale and sweaty, HR 40, BP 80/40",  # (guards: no local anaesthetic told)
                                      "pt fine, no pulse deficit, no bp issues, lumbar TFESI tomorrow - hold apixaban?"])
def test_a_faint_and_a_denied_sign_stay_what_they_were(question):
    t = triage(question, "en")
    assert t.rule != "last", (t.rule, t.escalation)


def test_the_collapse_gives_the_lipid_before_the_seizure_drug(engine):
    bullets = _bullets(engine.answer("bupivacaine SGB done, HR 30s, no BP - lipid?").text)
    lipid = next(i for i, b in enumerate(bullets) if "lipid" in b)
    assert lipid <= 1 and not any("benzodiazepine" in b for b in bullets[:lipid + 1]), bullets


# --- round 96: the discharge and a sandwich -------------------------------------------------------------------------

def test_what_to_tell_at_discharge_asks_the_discharge_advice(calls):
    q = calls.frame("what do i tell the pt at discharge after lumbar TFESI")
    assert "discharge-advice" in q.concepts and "advice" in q.aspects, (q.concepts, q.aspects)


def test_a_sandwich_after_sgb_is_eating(calls):
    q = calls.frame("ok to give her a sandwich and send home?", ["stellate ganglion block done 30 min ago, pt hoarse with L ptosis"])
    assert "oral-intake" in q.concepts, q.concepts
    ans = calls.answer("ok to give her a sandwich and send home?", ["stellate ganglion block done 30 min ago, pt hoarse with L ptosis"])
    assert "sip test" in _bullets(ans.text)[0], ans.text


# --- round 96: a saline rate, "ok?", a failing pump's work-up -------------------------------------------------------

def test_a_saline_rate_is_how_fast_to_run_it(engine):
    q = engine.frame("epiduroscopy saline rate to avoid visual loss")
    assert "dose" in q.aspects and "frequency" not in q.aspects, q.aspects
    assert "dose" not in engine.frame("What's the intravascular injection rate during transforaminal injections?").aspects  # (guard)


@pytest.mark.parametrize("question", ["kenalog for cervical TF ok?", "depo ok for caudal?", "得宝松做颈椎TF可以吗"])
def test_a_plan_then_ok_asks_whether_it_may_be_done(engine, question):
    assert "contraindications" in engine.frame(question).aspects


def test_kenalog_for_a_cervical_tf_leads_with_the_verdict(engine):
    first = _bullets(engine.answer("kenalog for cervical TF ok?").text)[0]
    assert "should not be used for therapeutic cervical transforaminal" in first, first


@pytest.mark.parametrize("question,history,word", [
    ("要查啥 先做什么检查", ["鞘内泵病人说越来越不管用 加了量也没用"], "X 线平片"),
    ("what imaging first?", ["IT morphine pump pt, analgesia failing despite dose escalation"], "plain film"),
])
def test_a_failing_pump_then_work_up_is_the_granulomas(engine, question, history, word):
    q = engine.frame(question, history)
    assert len(q.parts) == 1 and q.parts[0].aspects == ("workup",) and "catheter-tip-granuloma" in q.parts[0].concepts, q.parts
    assert word in _bullets(engine.answer(question, history).text)[0]


# --- round 96: told doses, a swapped procedure's hold, cement on CT, a leaning figure -------------------------------

def test_a_told_treatment_dose_is_no_part_of_its_own(engine):
    q = engine.frame("clexane 1.5mg/kg od treatment dose, when is last dose before SCS implant")
    assert len(q.parts) == 1 and "dose" not in q.parts[0].aspects, q.parts


def test_a_told_dose_kind_is_no_ask_the_follow_up_carries(engine):
    history = ["克赛预防剂量打的 做ESI要停多久"]
    assert "dose" not in engine.frame(history[0]).aspects
    first = _bullets(engine.answer("那治疗量呢 他是1mg/kg q12h", history).text)[0]
    assert "24 小时" in first, first


def test_a_swapped_procedures_stop_keeps_the_drug(engine):
    q = engine.frame("那如果是SCS植入呢 停几天 术后啥时候吃回来", ["波立维做腰椎TFESI要停吗"])
    assert "clopidogrel" in q.parts[0].concepts, q.parts
    first = _bullets(engine.answer("那如果是SCS植入呢 停几天 术后啥时候吃回来", ["波立维做腰椎TFESI要停吗"]).text)[0]
    assert "7 天" in first, first


@pytest.mark.parametrize("question,history,lang,scan", [
    ("now in recovery new L leg weakness - what imaging and who do i call",
     "saw cement tracking posteriorly into canal on lateral during L1 vertebroplasty", "en", "urgent CT for cement"),
    ("PKP术后2小时 左腿没劲了", "", "zh", "急查CT"),
])
def test_a_deficit_after_cement_names_the_ct(question, history, lang, scan):
    t = triage(question, lang, before=history)
    assert t.urgent and scan in t.escalation, t.escalation


def test_a_deficit_after_an_epidural_keeps_the_mri():  # (guard)
    t = triage("legs weak 2h after L4/5 ILESI on apixaban", "en")
    assert "emergency MRI" in t.escalation, t.escalation


def test_a_figure_of_the_rise_leans_on_the_study_before():
    from assistant.compose import _DEPENDENT

    assert _DEPENDENT["en"].search("The estimated half-life of the rise was 1.06 days (95% CI 0.80–1.58).")


# --- review 20: rules read too widely -------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "IT morphine pump refill done, pt comfortable, no respiratory depression, RR 14. when can she go home?",
    "after lumbar ESI pt fine, no pulse or BP problems, can he drive?",
    "SGB done, no breathing difficulty, hoarse, can she eat?",
])
def test_a_denied_sign_raises_no_banner(question):
    assert not triage(question, "en").urgent


@pytest.mark.parametrize("question,lang", [
    ("vasovagal during SIJ injection with lidocaine, HR 32, BP 55/30, legs raised, improving", "en"),
    ("利多卡因皮下局麻时病人面色苍白出汗，心率35，血压60/30，现在已清醒", "zh"),
])
def test_a_faint_told_as_such_stays_a_faint(question, lang):
    assert triage(question, lang).rule == "vasovagal"


def test_a_collapse_asking_the_lipid_is_last():
    assert triage("collapsed after SGB with bupivacaine, lipid dose for 80kg?", "en").rule == "last"


def test_the_usual_hold_asked_of_a_drug_kept_on_is_still_given(engine):
    ans = engine.answer("pt on eliquis, cardiology won't let us stop. how long would we normally hold it for an SCS?")
    assert "3 days" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question,aspect", [
    ("can't stop her bleeding after the RFA - what now?", None),  # (bleeding that will not stop is no drug kept on)
    ("how do I confirm needle placement for a lumbar MBB?", "workup"),
    ("bleeding risk with apixaban for SCS trial - how long to hold?", "complications"),
    ("SGB做完声音嘶哑 会不会是血肿", "complications"),
])
def test_wide_readings_are_taken_back(engine, question, aspect):
    q = engine.frame(question)
    assert "continued-antithrombotic" not in q.concepts and (aspect is None or aspect not in q.aspects), (q.concepts, q.aspects)


def test_back_to_the_operating_room_is_no_room_standard(engine):
    assert "operating-room-standard" not in engine.frame("take him back to the operating room to evacuate the haematoma?").concepts


def test_a_conditional_swap_is_one_ask_with_the_clause_after_it():
    from assistant.frame import split_parts

    assert split_parts("那如果是SCS植入呢 抗生素用什么", "zh") == ["那如果是SCS植入呢 抗生素用什么"]


# --- round 96: the part asking when; the level asked ----------------------------------------------------------------

def test_insulin_adjustment_is_said_uncovered_at_its_part(engine):
    ans = engine.answer("diabetic on insulin, TFESI with dex tomorrow - how high will sugars go, and should I increase her insulin?")
    assert "Not covered in the knowledge base: should I increase her insulin" in ans.text and "Nothing in the knowledge base on" not in ans.text


@pytest.mark.parametrize("question", ["which level for a cervical ILESI?", "颈椎ILESI一般选哪个节段进针"])
def test_the_level_asked_is_the_level_advised(engine, question):
    from assistant.compose import _BEST_ASK

    assert _BEST_ASK.search(question)
    assert not _BEST_ASK.search("which level has the highest dural puncture rate in cervical ILESI?")  # (guard)


# --- round 97: a spine surgeon, a GP, a day-surgery nurse -----------------------------------------------------------

def test_a_cervical_rf_on_warfarin_gets_the_cervical_class(engine):
    ans = engine.answer("华法林的病人要做颈椎内侧支射频 要停几天 要不要用低分子肝素桥接")
    part = ans.text.split("要不要用低分子肝素桥接", 1)[0]
    assert "中等出血风险" in part and "胸椎和腰椎小关节操作调整为低出血风险" not in part, ans.text


def test_how_long_to_keep_him_asks_the_observation(engine):
    q = engine.frame("how long do we keep him before discharge", ["pt had a seizure after cervical TFESI, settled with midaz, obs now stable"])
    assert "post-procedure-monitoring" in q.concepts and "discharge-advice" not in q.concepts, q.concepts


def test_a_rule_said_more_generally_is_no_other_region():
    from assistant.compose import AND_OTHERS

    assert AND_OTHERS["en"].search("More generally, patients should be advised not to drive after injections that contain local anaesthetic.")
    assert AND_OTHERS["zh"].search("更一般地说，凡注射含局麻药的药液后，都应建议患者不要驾车。")


@pytest.mark.parametrize("question,lang,name", [
    ("鞘内吗啡泵的病人 加了量镇痛还是越来越差 还出现下肢麻 要考虑啥", "zh", "肉芽肿"),
    ("IT morphine pump pt, dose went up twice and still no help, now legs numb", "en", "catheter-tip granuloma"),
])
def test_a_failing_pump_with_a_deficit_names_the_granuloma(question, lang, name):
    t = triage(question, lang)
    assert t.urgent and name in t.escalation and "Stop the procedure" not in t.escalation and "立即停止操作" not in t.escalation, t.escalation


def test_a_pump_refill_picture_still_stops_the_refill():  # (guard: the refill is under way)
    t = triage("during IT pump refill pt suddenly drowsy, RR 6", "en")
    assert t.urgent and "Stop the procedure" in t.escalation, t.escalation


def test_a_seizure_in_recovery_keeps_the_call_for_help_step(engine):
    ans = engine.answer("复苏室 颈椎tfesi刚做完病人突然抽起来了 意识不清 现在咋办")
    assert "呼叫帮助" in _bullets(ans.text)[0], ans.text
