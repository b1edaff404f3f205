"""Round 84 (a hospital pharmacist and a recovery-room nurse calling the pain service; a county hospital's WeChat consults
and its pharmacists): the next dose of a held anticoagulant after the procedure asks its restart (not the hold before it,
and no dose-to-procedure arithmetic); where the patient is (PACU) names no subject; a trial dose told as given asks no
dose; colloquial time words (钟头, 续上) and a unit's stock (常备) are read; a choice between strengths is answered by the
strength the sources give; a follow-up after an emergency that asks a general safe amount or the next procedure's
precautions is no emergency; "IV instead" / 来不及提前13个钟头 asks the urgent premedication regimen; a circulation still
failing after the first lipid bolus gets the next lipid step; what to watch for at home is the discharge advice; a bare
"epidural" told as what the patient had is not an SCS's pocket; the same patient with the procedure switched keeps the
kidneys told before; whether a brand is one of a class is answered beside the choice of steroid; a mixture of local
anaesthetics, how a drug is given, what to do first, the told weight's lipid regimen alone, an asked drug among the
emergency's steps, the last dose, secondary prevention, how long glucose stays up. Round 85 (a radiographer and an
anaesthetist covering the list; an interventional nurse and a night resident): contrast spreading like a vessel or a
myelogram mid-case gets the step to stop; "asleep for it" is sedation; a DOAC patient's bridging follow-up gets the
no-bridging rule; embolisation is another specialty's procedure; a contrast agent is given, not held; an unanswerable pump
alarm is said to be so; urinary retention after an epidural is a deficit to rule out."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerEngine
from assistant.frame import aspects_of, split_parts
from assistant.safety import triage


@pytest.fixture(scope="module")
def pharmacy(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("pharmacy-index")
    copy_corpus(root / "corpus", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-transforaminal", "vertebral-augmentation",
                                  "radiation-contrast", "last", "spinal-cord-stimulation", "infection-control", "pdph",
                                  "intrathecal-drug-delivery", "patient-selection-monitoring", "facet-mbb-rfa",
                                  "esi-interlaminar-caudal"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


# --- the next dose of a held anticoagulant after the procedure ------------------------------------------------------

@pytest.mark.parametrize("question", ["Did a lumbar TFESI at 9am, patient on enoxaparin 1 mg/kg bid - ok to give the evening dose at 3pm?",
                                      "Can I give the evening dose of enoxaparin 6 hours after the TFESI?",
                                      "做完经椎间孔注射6小时能打依诺肝素吗", "上午做的TFESI，克赛晚上那针能打吗？"])
def test_the_next_dose_after_the_procedure_is_answered_by_the_restart(pharmacy, question):
    ans = pharmacy.answer(question)
    assert not ans.abstained, ans.text
    first = ans.bullets[0]["text"]
    assert ("restarted" in first or "恢复" in first) and "12–24" in first, ans.text
    # (the times told are the procedure's and the next dose's: no dose-to-procedure span is worked out)
    assert "From the times told" not in ans.text and "根据所述时间" not in ans.text, ans.text


def test_a_regimen_the_patient_is_on_asks_no_dose_beside_the_next_dose():
    aspects = aspects_of("Did a lumbar TFESI at 9am, patient on enoxaparin 1 mg/kg bid - ok to give the evening dose at 3pm?", "en")
    assert aspects[:1] == ("hold",) and "dose" not in aspects, aspects
    # (a dose asked stays a dose: "what dose of enoxaparin?")
    assert "dose" in aspects_of("what dose of enoxaparin for bridging?", "en")


def test_colloquial_hours_and_carrying_on_are_read_as_the_restart(pharmacy):
    ans = pharmacy.answer("克赛 0.6ml q12h 治疗量在打，后天上午做腰椎硬膜外，最后一针啥时候打？术后几个钟头能续上？")
    assert not ans.abstained and "钟头" not in " ".join(ans.parts[i]["question"] for i in range(len(ans.parts)) if not ans.parts[i]["covered"]), ans.text
    assert "没有关于以下内容的资料" not in ans.text, ans.text
    assert "12–24 小时恢复" in ans.text and "24 小时" in ans.bullets[0]["text"], ans.text


# --- where the patient is, and a trial dose told as given -------------------------------------------------------------

@pytest.mark.parametrize("question", ["first intrathecal morphine trial dose given at 10am in PACU. can we discharge at 2pm if obs stable?",
                                      "intrathecal morphine trial dose given in PACU at 10am, when can she be discharged?"])
def test_a_recovery_room_is_no_uncovered_subject_and_the_observation_period_leads(pharmacy, question):
    ans = pharmacy.answer(question)
    assert not ans.abstained and "Not covered" not in ans.text, ans.text
    assert "at least 24 h" in ans.bullets[0]["text"], ans.text
    assert len(ans.parts) == 1, ans.parts  # (the story's dose given is no ask of its own)


# --- a unit's stock, and a choice between strengths -------------------------------------------------------------------

def test_what_a_unit_keeps_in_stock_and_which_strength(pharmacy):
    ans = pharmacy.answer("疼痛科介入室要常备多少脂肪乳？用20%还是30%的？")
    assert not ans.abstained and "没有关于以下内容的资料" not in ans.text, ans.text
    assert "LAST 急救包" in ans.bullets[0]["text"], ans.text
    strength = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert strength and "20% 脂肪乳" in " ".join(strength), ans.text
    en = pharmacy.answer("lipid for LAST - 20% or 30%?")
    assert "20% lipid emulsion" in en.bullets[0]["text"], en.text


# --- follow-ups after an emergency that ask about later ---------------------------------------------------------------

def test_a_safe_amount_or_the_next_procedure_asked_after_an_emergency_is_no_emergency(pharmacy):
    pce = "PVP推骨水泥推到第二个椎体，病人突然胸闷气短，SpO2掉到85%，BP 85/50，HR 120"
    assert pharmacy.answer(pce).urgent
    ans = pharmacy.answer("每个椎体骨水泥打多少ml比较安全？", [pce])
    assert not ans.urgent and "3.5" in ans.text, ans.text
    last = "急！L5 TFESI刚推完2ml利多卡因，病人说嘴巴周围发麻耳朵响，接着就抽起来了，BP 80/40 HR 45，咋办"
    ans = pharmacy.answer("那这个病人抢救过来了，下次再做介入局麻药要注意啥？", [last])
    assert not ans.urgent and ans.bullets[0]["group"] == "prevention", ans.text
    # (the rescue going on still is one: "肾上腺素打多少？" after the same picture)
    assert triage("next time what should we watch with local anaesthetic?", "en", before="pt seizing after bupivacaine").urgent is False
    assert triage("she is seizing again now, what do we do?", "en", before="pt seizing after bupivacaine, lipid given").urgent


# --- the urgent premedication -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("history, question, first", [
    ("pt had hives + wheeze w/ IV contrast last year, now booked for fluoro TFESI tomorrow 10am. premed regimen pls",
     "actually they moved her to this afternoon, case in about 5 hrs. can we do IV instead?", "methylprednisolone 40 mg"),
    ("有碘造影剂过敏史（上次荨麻疹），下周做TFESI，药房要准备预处理，ACR方案是啥？", "要是今天急着做，来不及提前13个钟头呢？", "甲泼尼龙40 mg"),
])
def test_no_time_for_the_oral_regimen_leads_with_the_intravenous_one(pharmacy, history, question, first):
    ans = pharmacy.answer(question, [history])
    assert first in ans.bullets[0]["text"], ans.text


# --- the circulation still failing after the first lipid bolus --------------------------------------------------------

def test_still_hypotensive_after_the_first_bolus_gets_the_next_lipid_step(pharmacy):
    ans = pharmacy.answer("still hypotensive after the first bolus - what next, and can we just use propofol since it's lipid?",
                          ["LAST dosing for a 50kg lady - lipid bolus in mL and infusion rate?"])
    first = [b["text"] for b in ans.bullets if b["part"] == 0]
    assert first and "repeat the lipid bolus" in first[0], ans.text
    assert any("Propofol" in b["text"] for b in ans.bullets if b["part"] == 1), ans.text


# --- discharge advice -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("history, question", [
    (["pt had lumbar TFESI with lidocaine, wants to drive himself home - ok? when can he drive?"],
     "what should i tell him to watch for at home and when to call us?"),
    ([], "pt had lumbar TFESI today, what should i tell him to watch for at home and when to call us?"),
])
def test_what_to_watch_for_at_home_is_the_discharge_advice(pharmacy, history, question):
    ans = pharmacy.answer(question, history)
    assert "bladder or bowel change" in ans.bullets[0]["text"], ans.text


# --- a bare epidural told as what the patient had ---------------------------------------------------------------------

def test_a_fever_after_an_epidural_is_not_answered_with_an_stimulators_pocket(pharmacy):
    ans = pharmacy.answer("day 2 after epidural, pt has headache, fever 38.9 and stiff neck")
    assert ans.urgent, ans.text
    assert not any("SCS" in b["text"] or "explant" in b["text"] for b in ans.bullets), ans.text
    # (an epidural collection on the scan of an SCS patient is no epidural injection: its abscess steps stay)
    scene = ["day 4 after SCS trial leads placed, pt calls: fever 38.8, new midline back pain, redness and drainage at lead exit site",
             "MRI shows dorsal epidural collection T10-11. who do i call and do i pull the leads myself?"]
    ans = pharmacy.answer("what empiric abx should we start while waiting for cultures?", scene)
    assert ans.urgent and any("explantation" in b["text"] for b in ans.bullets), ans.text


# --- the same patient, the procedure switched -------------------------------------------------------------------------

def test_a_switched_procedure_keeps_the_kidneys_told_before(pharmacy):
    ans = pharmacy.answer("ok and if the doc switches him to a lumbar medial branch block instead, do we still need to hold the apixaban?",
                          ["pt on Eliquis 5mg bd, CrCl 28, booked for L4/5 interlaminar ESI thurs. how many days do we hold it and when can he restart?"])
    assert "next-higher bleeding-risk category" in ans.text, ans.text


# --- whether a brand is one of a class --------------------------------------------------------------------------------

def test_whether_a_brand_is_particulate_is_answered_beside_the_choice_of_steroid(pharmacy):
    assert len(split_parts("TFESI用得宝松还是地塞米松？得宝松算不算颗粒型激素？", "zh")) == 2
    ans = pharmacy.answer("药剂科问一下：TFESI用得宝松还是地塞米松？得宝松算不算颗粒型激素？")
    assert any("得宝松应按颗粒型糖皮质激素对待" in b["text"] for b in ans.bullets[:3]), ans.text
    assert "particulate-steroid" in ans.concepts, ans.concepts  # (算不算 is no exclusion)


def test_an_unknown_drug_is_named_without_the_verb_taking_it(pharmacy):
    ans = pharmacy.answer("病人一直吃泰嘉75mg，明天做腰椎小关节RFA，要不要停？")
    assert "泰嘉" in ans.text and "吃泰嘉" not in ans.text, ans.text


# --- round 84, the rest: a mixture, how a drug is given, what comes first, the told weight band, an asked drug in an
# emergency, the last dose, secondary prevention, how long a change lasts ---------------------------------------------

def test_a_mixture_of_local_anaesthetics_is_answered_by_the_mixture_rule(pharmacy):
    ans = pharmacy.answer("利多卡因和罗哌卡因最大剂量各是多少mg/kg？两种混着用怎么算？")
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert second and "混合使用多种局麻药" in second[0], ans.text
    # (a steroid mixed with lidocaine is no local anaesthetic mixture)
    assert "local-anaesthetic-mixture" not in pharmacy.lexicon.tags("糖皮质激素与局麻药混合后应尽快注射")


@pytest.mark.parametrize("question", ["SCS植入前抗生素怎么给？术后要用几天？", "how do we give antibiotic prophylaxis for an SCS implant?"])
def test_how_an_antibiotic_is_given_is_answered_by_its_regimen(pharmacy, question):
    ans = pharmacy.answer(question)
    assert "1 h" in ans.bullets[0]["text"] and ("weight-based" in ans.bullets[0]["text"] or "按体重" in ans.bullets[0]["text"]), ans.text


def test_asked_what_to_do_first_for_a_pdph_conservative_care_leads(pharmacy):
    ans = pharmacy.answer("腰椎ILESI做完第二天，病人一坐起来就头痛，躺下就好多了，是不是PDPH？先怎么处理")
    first = next(b["text"] for b in ans.bullets if b["part"] == 1)
    assert "保守治疗" in first, ans.text


def test_the_told_weights_lipid_regimen_leads_and_the_other_band_is_left_out(pharmacy):
    scene = "急！L5 TFESI刚推完2ml利多卡因，病人说嘴巴周围发麻耳朵响，接着就抽起来了，BP 80/40 HR 45，咋办"
    ans = pharmacy.answer("病人体重85公斤，脂肪乳具体咋推？", [scene])
    assert ans.urgent and "体重 >70 kg" in ans.bullets[0]["text"], ans.text
    assert "体重 ≤70 kg" not in ans.text, ans.text
    ans = pharmacy.answer("抽搐能用丙泊酚压吗？肾上腺素给多少？", [scene, "病人体重85公斤，脂肪乳具体咋推？"])
    assert "丙泊酚" in ans.bullets[1]["text"] and ans.bullets[1]["kind"] == "action", ans.text


def test_the_last_dose_before_the_procedure_asks_a_time_not_a_dose(pharmacy):
    ans = pharmacy.answer("if we bridge with enoxaparin, when is the last LMWH dose before the procedure?",
                          ["warfarin for mechanical mitral valve, INR 2.8. vertebroplasty in 10 days. when do we stop warfarin and does she need bridging?"])
    assert "gives no dose" not in ans.text and "24 h" in ans.bullets[0]["text"], ans.text


def test_aspirin_said_to_be_secondary_prevention_does_not_get_the_primary_prevention_rule_first(pharmacy):
    from assistant.compose import _secondary

    q = "pharmacy here - Plavix 75 and aspirin 100 for secondary prevention, pt booked for lumbar MBB next wk. do either need stopping?"
    assert _secondary(pharmacy.frame(q)) and _secondary(pharmacy.frame("阿司匹林二级预防，腰椎MBB要停吗"))
    assert not _secondary(pharmacy.frame("aspirin 100 for primary prevention, lumbar MBB next wk - stop it?"))
    ans = pharmacy.answer(q)
    assert "primary prevention" not in ans.bullets[0]["text"], ans.text


def test_how_long_glucose_stays_up_is_answered_by_its_return_to_baseline(pharmacy):
    ans = pharmacy.answer("糖尿病病人HbA1c 9%，打胰岛素的，ESI用得宝松1ml，血糖会升多少？几天能回落？")
    second = next(b["text"] for b in ans.bullets if b["part"] == 1)
    assert "2 天内回落" in second or "半衰期" in second, ans.text


# --- round 85 ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, first", [
    ("doing a L4 TFESI, contrast went in and washed out really fast in a squiggly line going medially, looks vascular. what should the dr do now?",
     "Do not inject further"),
    ("during a lumbar interlaminar the contrast is spreading like a myelogram, outlining the roots and going up. what do we do?",
     "must not be injected intrathecally"),
    ("腰椎椎板间注射时造影剂像脊髓造影一样勾勒出神经根，怎么办", "注入鞘内"),
])
def test_contrast_going_the_wrong_way_mid_case_gets_the_step_to_stop(pharmacy, question, first):
    ans = pharmacy.answer(question)
    assert first in ans.bullets[0]["text"], ans.text


def test_asleep_for_a_cervical_tfesi_is_sedation(pharmacy):
    ans = pharmacy.answer("pt very anxious for a C6/7 TFESI, can I give a propofol TCI so she's asleep for it?")
    assert "Sedation during cervical epidural steroid injection should be kept light" in ans.bullets[0]["text"], ans.text


def test_a_doac_patients_bridging_follow_up_gets_the_no_bridging_rule(pharmacy):
    ans = pharmacy.answer("and if the same pt is then booked for an SCS trial - same interval? should I bridge her with clexane while off it?",
                          ["pt on apixaban 5mg bd for AF, listed for L4/5 TFESI thurs. how long to hold it? for a spinal i'd do 72h"])
    bridge = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert bridge and "not appropriate for patients on a direct oral anticoagulant" in bridge[0], ans.text
    assert any("high bleeding-risk" in b["text"].lower() for b in ans.bullets if b["part"] == 0), ans.text


@pytest.mark.parametrize("question", [
    "after the pain list we have a uterine fibroid embolisation in the same room - whats the typical patient skin dose and any contrast precautions for UFE?",
])
def test_embolisation_is_another_specialtys_procedure(pharmacy, question):
    ans = pharmacy.answer(question)
    assert ans.abstained and "cement" not in ans.text, ans.text


def test_a_contrast_agent_is_given_not_held_and_shellfish_is_no_risk_factor(pharmacy):
    ans = pharmacy.answer("pt for L5/S1 TFESI says shes allergic to iodine and shellfish. do we need to premedicate her before the omnipaque or cancel?")
    assert "no interval for stopping" not in ans.text, ans.text
    assert "shellfish allergy is not a specific risk factor" in ans.bullets[0]["text"], ans.text
    ans = pharmacy.answer("what if the list got moved and we only have about 5 hrs notice, is there a quicker option?",
                          ["pt had hives after IV contrast at CT last yr, booked for TFESI tmrw 9am. what premed regimen should we give?"])
    assert "methylprednisolone 40 mg" in ans.bullets[0]["text"], ans.text


@pytest.mark.parametrize("question, note", [("IT morphine pump alarming low reservoir overnight, what should the on-call do?", "Nothing in the knowledge base on: pump alarm"),
                                            ("鞘内吗啡泵半夜报警，显示低储药量报警，值班怎么处理", "知识库中没有关于以下内容的资料")])
def test_a_pump_alarm_is_said_to_be_uncovered_not_answered_with_an_overdose_step(pharmacy, question, note):
    ans = pharmacy.answer(question)
    assert note in ans.text, ans.text
    assert not any("aspirated or emptied" in b["text"] or "排空" in b["text"] for b in ans.bullets[:1]), ans.text


def test_urinary_retention_after_a_lumbar_epidural_is_a_deficit_to_rule_out():
    t = triage("腰椎硬膜外注射后4个小时病人一直没解小便，膀胱区胀，要导尿吗？需要警惕什么", "zh",
               concepts=("lumbar-spine", "esi", "urinary-retention", "neuraxial-procedure"))
    assert t.urgent and t.rule == "neuraxial-deficit", t
    assert "立即停止操作" not in t.escalation, t.escalation  # (four hours later: nothing to stop)


def test_steroid_prophylaxis_for_a_seafood_allergy_asks_whether_it_is_needed(pharmacy):
    ans = pharmacy.answer("病人说自己对海鲜过敏，做腰椎注射用造影济前要不要给激素预防？")
    assert "贝类过敏并不是特异性危险因素" in ans.bullets[0]["text"], ans.text


def test_a_picture_coming_on_over_months_has_nothing_to_stop():
    t = triage("鞘内吗啡泵的病人这几个月一直加量但镇痛越来越差，最近腿还有点麻，考虑什么", "zh",
               concepts=("intrathecal-pump", "morphine", "numbness", "intrathecal-drug-delivery"))
    assert t.urgent and "立即停止操作" not in t.escalation, t
    t = triage("IT morphine pump pt, dose going up over the past few months, now new leg numbness - what is it?", "en",
               concepts=("intrathecal-pump", "morphine", "numbness", "intrathecal-drug-delivery"))
    assert t.urgent and "Stop the procedure" not in t.escalation, t


def test_a_drug_class_asked_in_an_emergency_follow_up_comes_right_after_the_first_step(pharmacy):
    scene = "PVP推骨水泥推到第二个椎体，病人突然胸闷气短，SpO2掉到85%，BP 85/50，HR 120"
    ans = pharmacy.answer("CTPA是中央型骨水泥栓子，要不要抗凝？", [scene])
    assert ans.urgent and any("肝素" in b["text"] for b in ans.bullets[:2]), ans.text  # (the regimen asked, not the banner's steps again)


# --- round 86 (an ED doctor and a GP seeing patients days later; Chinese emergency doctors and families) ---------------

@pytest.mark.parametrize("question, lang", [
    ("患者上周在腰上打了一针，今天发热38.9℃，腰痛加重，双腿无力，急诊该怎么处理？", "zh"),
    ("78岁老太太一直吃拜瑞妥，3天前在腰上打了一针止痛，今天突然后背剧痛，两条腿发麻没力气，尿也解不出来，怎么办？", "zh"),
    ("had some injection in her back last week, now fever 39 and back pain, legs weak - what do we do?", "en"),
])
def test_a_lay_injection_in_the_back_is_a_neuraxial_procedure_for_the_deficit_banner(pharmacy, question, lang):
    ans = pharmacy.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text


@pytest.mark.parametrize("question, lang, urgent", [
    ("家属很着急：做完颈部交感神经阻滞后，一边眼皮耷拉下来，瞳孔变小，脸发热鼻子堵，是不是中风了？", "zh", False),
    ("after SGB her eyelid droops and pupil is small - is this a stroke?", "en", False),
    ("after C6 TFESI she has slurred speech and right arm weakness, is it a stroke?", "en", True),
    ("TFESI后说话不清，右手没劲，是不是中风了？", "zh", True),
])
def test_a_stroke_asked_about_is_no_stroke_sign(question, lang, urgent):
    assert triage(question, lang, concepts=("stellate-ganglion-block", "transforaminal-esi")).urgent is urgent


def test_a_low_risk_class_assigned_to_another_part_still_answers_whether_to_stop(pharmacy):
    ans = pharmacy.answer("pt on warfarin for AF (CHADS2VASc 3) getting lumbar facet RF ablation. does he need to stop warfarin at all? "
                          "if so when to restart, need bridging?")
    first = ans.bullets[0]["text"]
    assert "low" in first.lower() and "Intermediate bleeding-risk" not in first, ans.text


def test_a_drug_the_patient_takes_from_another_specialty_does_not_decline_our_question(pharmacy):
    ans = pharmacy.answer("T2DM on metformin + gliclazide, had a facet joint steroid injection 4 days ago, glucose now 24 mmol/L, "
                          "no ketones, feels ok. is this the steroid?")
    assert not ans.abstained and "Nothing in the knowledge base on metformin together with" in ans.text, ans.text
    assert any("glucose" in b["text"] for b in ans.bullets[:2]), ans.text
    # (another specialty's procedure beside a steroid injection is still theirs)
    assert pharmacy.answer("steroid injection into the knee after a total knee replacement - infection risk?").verdict == "out_of_scope"


def test_the_next_dose_part_leads_with_the_restart_and_the_hold_part_keeps_its_arithmetic(pharmacy):
    ans = pharmacy.answer("pt on clexane 40mg od for VTE prophylaxis, booked for L5/S1 interlaminar ESI at 2pm. last dose 8pm last night - "
                          "ok to go? when can she have the next dose?")
    assert "From the times told: 8pm last night → 2pm = 18 h" in ans.text, ans.text
    restart = next(b["text"] for b in ans.bullets if b["part"] == 1)
    assert "restarted" in restart, ans.text


# --- review 14: the close variants the round's rules must not catch -------------------------------------------------

@pytest.mark.parametrize("history, question, lang", [
    ("L4/5 TFESI with bupivacaine, pt now seizing and BP 70/40", "lipid given, still in VF. next time should I use less bupivacaine? what now?", "en"),
    ("L4/5 TFESI with bupivacaine, pt now seizing and BP 70/40", "what is the safe dose of midazolam to stop the seizure?", "en"),
    ("急！L5 TFESI刚推完2ml利多卡因，病人说嘴巴周围发麻耳朵响，接着就抽起来了，BP 80/40 HR 45，咋办", "室颤了，肾上腺素下一次什么时候给？", "zh"),
    ("IT morphine trial, pt now RR 6 and unrousable", "纳洛酮推了0.4，下一次什么时候推？", "zh"),
])
def test_a_rescue_drugs_next_or_safe_dose_keeps_the_emergency(history, question, lang):
    assert triage(question, lang, concepts=("transforaminal-esi", "last", "intrathecal-drug-delivery"), before=history).urgent


@pytest.mark.parametrize("question, lang", [
    ("back pain worsening over the past few months; during the L4/5 TFESI injection just now she suddenly can't move her legs", "en"),
    ("最近几个月疼痛加重来做颈椎TFESI，推药时突然意识模糊、一侧肢体无力", "zh"),
])
def test_months_of_history_do_not_end_a_procedure_under_way(question, lang):
    t = triage(question, lang, concepts=("transforaminal-esi",))
    assert t.urgent and ("Stop the procedure" in t.escalation or "立即停止操作" in t.escalation), t.escalation


@pytest.mark.parametrize("question", ["明天上午做TFESI，病人在打克赛，今晚那针能打吗？",
                                      "TFESI tomorrow 9am, last enoxaparin 1mg/kg was this morning 8am - can I give the evening dose at 8pm?"])
def test_a_dose_due_before_the_procedure_is_a_hold_not_a_restart(pharmacy, question):
    ans = pharmacy.answer(question)
    assert not ans.bullets or not any(k in ans.bullets[0]["text"] for k in ("restarted", "术后约 12–24 小时恢复")), ans.text


def test_another_patient_keeps_nothing_of_the_one_before(pharmacy):
    first = "pt on Eliquis 5mg bd, CrCl 28, booked for L4/5 interlaminar ESI thurs. how many days do we hold it and when can he restart?"
    f = pharmacy.frame("different patient, not the same pt: on rivaroxaban, normal kidneys, lumbar MBB - hold?", [first])
    assert "crcl" not in f.all_concepts and "renal-impairment" not in f.all_concepts, f
    f = pharmacy.frame("不是同一个病人，另一个吃利伐沙班的，肾功能正常，腰椎MBB要停吗？", ["病人吃阿哌沙班，肌酐清除率28，腰椎椎板间ESI要停几天？"])
    assert "crcl" not in f.all_concepts, f


def test_primary_prevention_said_so_keeps_its_own_rule(pharmacy):
    from assistant.compose import _secondary

    assert not _secondary(pharmacy.frame("aspirin 100 for primary prevention, not secondary prevention - lumbar TFESI, stop it?"))
    assert not _secondary(pharmacy.frame("阿司匹林不是二级预防，是一级预防用的，要做SCS植入，要停吗？"))


@pytest.mark.parametrize("question", ["kyphoplasty today, CT shows cement embolisation to the pulmonary artery, pt short of breath - what do we do?",
                                      "what is the risk of particulate steroid embolization during cervical TFESI?"])
def test_an_embolisation_as_a_complication_is_ours(pharmacy, question):
    ans = pharmacy.answer(question)
    assert not ans.abstained and "Nothing in the knowledge base on embolisation" not in ans.text \
        and "Nothing in the knowledge base on embolization" not in ans.text, ans.text


def test_only_a_pump_alarm_is_a_pump_alarm_and_only_premedication_is_hurried(pharmacy):
    lex = pharmacy.lexicon
    assert "pump-alarm" not in lex.tags("pulse oximeter alarm going off, sats 82% after intrathecal morphine trial")
    assert "urgent-premedication" not in lex.tags("临时加台的腰椎TFESI，病人在吃阿哌沙班，能做吗？")
    assert "urgent-premedication" not in lex.tags("we only have 48 hours notice before the vertebroplasty, pt on rivaroxaban")
    assert "local-anaesthetic-mixture" not in lex.tags("can dexamethasone and ropivacaine be mixed together in the same syringe?")


@pytest.mark.parametrize("text, lang", [("lipid dose in LAST", "en"), ("naloxone dose in IT pump overdose", "en"),
                                        ("克赛下一针剂量多少？什么时候打？", "zh"), ("what's the morning dose of prednisone in the 13 hour premed and when?", "en")])
def test_a_dose_asked_stays_a_dose(text, lang):
    assert "dose" in aspects_of(text, lang), aspects_of(text, lang)


# --- review 15: the fixes' own close variants ----------------------------------------------------------------------

@pytest.mark.parametrize("history, question, lang", [
    ("PVP cement going in, pt suddenly SOB, SpO2 85%", "sats still 84%, next time how much cement is safe?", "en"),
    ("PVP推骨水泥推到第二个椎体，病人突然胸闷气短，SpO2掉到85%，BP 85/50，HR 120", "还在气短，下次再做要注意什么？", "zh"),
])
def test_a_later_ask_beside_a_picture_still_going_on_keeps_the_emergency(history, question, lang):
    assert triage(question, lang, concepts=("vertebroplasty",), before=history).urgent


def test_the_same_patients_other_question_is_not_another_patient(pharmacy):
    from assistant.frame import _OTHER_PATIENT

    assert not _OTHER_PATIENT["zh"].search("同一个病人，另一个问题：术后多久能恢复？")
    assert _OTHER_PATIENT["zh"].search("另一个病人，吃利伐沙班的")


def test_another_specialtys_anaesthesia_is_still_declined_and_a_hurried_aspirin_is_its_hold(pharmacy):
    assert pharmacy.answer("spinal anaesthetic for a laparotomy tomorrow, pt on apixaban - how long to hold?").verdict == "out_of_scope"
    f = pharmacy.frame("case is in 3 hours - stop her aspirin?", ["pt had hives after IV contrast at CT last yr, booked for TFESI tmrw 9am. premed regimen?"])
    assert "urgent-premedication" not in f.all_concepts, f


def test_a_next_dose_before_a_procedure_booked_for_tomorrow_is_no_restart():
    import re

    from assistant.compose import NEXT_DOSE_ASK

    rx = re.compile(NEXT_DOSE_ASK, re.I)
    assert not rx.search("TFESI booked for tomorrow 9am, on enoxaparin bid - can she have the next dose tonight?")
    assert not rx.search("she had a DVT last month, TFESI at 3pm tomorrow - can she have the morning dose?")
    assert rx.search("TFESI done this morning - when can she have the next dose?")


def test_a_chinese_question_full_of_english_terms_is_answered_in_chinese(pharmacy):
    from assistant.text import detect_lang

    assert detect_lang("LAST病人80kg，lipid bolus多少ml？") == "zh"
    assert detect_lang("what is 硬膜外 blood patch volume?") == "en"  # (an English sentence with a Chinese term)
    ans = pharmacy.answer("LAST病人80kg，lipid bolus多少ml？")
    assert ans.lang == "zh" and "体重 >70 kg" in ans.bullets[0]["text"], ans.text


@pytest.mark.parametrize("question, rule", [("can my pt drive herself home after a medial branch block? she lives alone", "not to drive"),
                                            ("做完腰椎内侧支阻滞能自己开车回家吗？", "不要驾车")])
def test_a_rule_said_of_one_procedure_and_other_blocks_answers_another_block(pharmacy, question, rule):
    from assistant.compose import Sentence, Signals, rival
    from assistant.types import Chunk

    ans = pharmacy.answer(question)
    assert ans.bullets and rule in ans.bullets[0]["text"], ans.text
    sig = Signals(kinds={"interlaminar-esi": "procedure", "medial-branch-block": "procedure", "driving": "topic"})

    def said(text: str) -> Sentence:
        chunk = Chunk("c", "d-en", 0, text, "en", "T", ("T", "Prevention"), 0, 0, 1, 0, len(text))
        return Sentence(text, chunk, 1, 0, "prevention", None, frozenset({"interlaminar-esi", "driving"}), False, False)
    own = ["medial-branch-block", "driving"]
    assert not rival(said("This driving advice applies to cervical ILESI and other blocks that include a local anaesthetic."), own, sig)
    assert rival(said("This driving advice applies to cervical ILESI."), own, sig)
