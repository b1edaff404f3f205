"""Round 251 (a weekend on call for the pain service, English and Chinese): mild leg weakness the day after a thoracic
epidural, a faint of the last procedure with the next one planned, other specialties' local emergencies, going home
after a toxicity's seizure, a clear MRI with an infected exit site, honest gaps (a coeliac block's hypotension, a
prophylactic blood patch, a fetus exposed to fluoroscopy) and the leads of a neck's paralysis rate, a silent cement leak
and emboli that gave symptoms."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.fixture(scope="module")
def weekend(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("weekend-251", ("anticoagulants", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal",
                                       "spinal-cord-stimulation", "radiation-contrast", "vertebral-augmentation", "pdph",
                                       "facet-mbb-rfa", "sacroiliac", "infection-control", "spinal-haematoma", "last",
                                       "cervical-thoracic-sympathetic", "patient-selection-monitoring", "ultrasound-pneumothorax"))


# ---------------------------------------------------------------- legs a bit weak the day after a thoracic epidural

@pytest.mark.parametrize("question", ["昨天做的T8-9硬膜外 今天早上说背痛 腿有点软 体温正常 是不是激素反应",
                                      "昨天做的T8-9硬膜外 今天早上说背痛 腿有点软 体温正常"])
def test_legs_a_bit_weak_the_day_after_a_thoracic_epidural_is_the_deficit_pathway(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text[:300]


# ---------------------------------------------------------------- a faint of the last procedure, the next one planned

@pytest.mark.parametrize("question", ["pt had a vasovagal with HR 40 during last MBB, recovered in 2 min. repeating next month, anything to do differently?",
                                      "上次做MBB的时候病人血管迷走 心率掉到40 两分钟就恢复了 下个月再做 怎么预防"])
def test_a_faint_of_the_last_procedure_is_no_emergency_and_its_own_care_is_quoted(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert not ans.urgent, ans.text[:300]
    assert "no prevention measures for vasovagal" in ans.text or "未给出血管迷走神经反应的预防措施" in ans.text, ans.text
    lead = _bullets(ans.text)[0]
    assert ("supine" in lead and "vasovagal" in lead.lower()) or ("平卧" in lead and "血管迷走" in lead), ans.text
    assert "drive" not in ans.text


def test_a_faint_going_on_in_the_last_injection_of_the_list_is_still_urgent(weekend):  # type: ignore[no-untyped-def]
    assert weekend.answer("during the last injection she went grey and sweaty, HR 38, still not responding").urgent


def test_a_repeat_told_as_the_plan_before_another_ask_is_no_repeat_limit_asked(framer):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" not in framer.frame("上次做MBB的时候病人血管迷走 两分钟就恢复了 下个月再做 怎么预防").concepts
    assert "repeat-injection-limit" in framer.frame("TFESI做完效果不错 下个月再打一次？").concepts


# ---------------------------------------------------------------- other specialties' local emergencies

@pytest.mark.parametrize("question, said", [
    ("genicular nerve RFA 3 days ago, knee now hot swollen and she cant weight bear, T 38", "joint infection"),
    ("膝关节注射玻璃酸钠后第二天 膝盖红肿发烫 发烧38.5", "关节感染"),
    ("眼科球后阻滞完 眼球突出 眼睑绷紧 眼压很高 怎么办", "眼科"),
])
def test_another_specialtys_local_emergency_gets_a_banner_without_steps(weekend, question, said):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert ans.urgent and ans.pathway == "unsourced-emergency" and said in ans.escalation, ans.text[:300]
    assert "Not covered" in ans.text or "未涵盖" in ans.text, ans.text


@pytest.mark.parametrize("question", ["how common is a septic knee after genicular RFA?", "膝关节注射后感染常见吗"])
def test_a_joint_infection_asked_of_is_no_emergency(weekend, question):  # type: ignore[no-untyped-def]
    assert not weekend.answer(question).urgent


# ---------------------------------------------------------------- going home after a toxicity's seizure

_SGB = ["doing L stellate ganglion block under US, ~4ml 0.25% bupi in and she's gone rigid and twitching, now unresponsive",
        "shes 58kg, what lipid dose"]


def test_going_home_after_a_seizure_treated_is_the_toxicitys_watch(weekend, framer):  # type: ignore[no-untyped-def]
    q = framer.frame("fits stopped after midaz, obs normal for 1 hr since. ok to send home tonight?", _SGB)
    assert "seizure" in q.concepts and "post-procedure-monitoring" in q.concepts, q.concepts
    ans = weekend.answer("fits stopped after midaz, obs normal for 1 hr since. ok to send home tonight?", _SGB)
    assert not ans.urgent and "4–6 h" in _bullets(ans.text)[0], ans.text


def test_a_sandwich_and_home_is_still_eating(framer):  # type: ignore[no-untyped-def]
    assert "discharge-advice" not in framer.frame("ok to give her a sandwich and send home?").concepts


# ---------------------------------------------------------------- a clear MRI, an infected exit site

_SCS = ["SCS trial leads in since Thu (perc T8-T10). now febrile 38.9, worse midline back pain, says legs feel heavy since this am. reg asking what to do",
        "she restarted her apixaban last night, does that change anything"]


def test_a_clear_mri_with_an_infected_exit_site_is_the_implants_infection(weekend):  # type: ignore[no-untyped-def]
    ans = weekend.answer("MRI no collection, just erythema round the lead exit site. can we leave the trial in?", _SCS)
    assert ans.urgent and ans.pathway == "implant-infection", ans.text[:300]
    assert "emergency MRI" not in ans.escalation
    assert "explant" in _bullets(ans.text)[0], ans.text


def test_a_clear_mri_with_no_wound_told_keeps_the_deficit_pathway(weekend):  # type: ignore[no-untyped-def]
    ans = weekend.answer("MRI clear, no collection - what now?", _SCS[:1])
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text[:300]


# ---------------------------------------------------------------- the rescue typed with a slip

def test_the_lipid_typed_with_a_homophone_slip_keeps_the_toxicity_banner(weekend):  # type: ignore[no-untyped-def]
    ans = weekend.answer("脂肪如怎么给 病人60公斤", ["腹腔神经丛阻滞 刚推完20ml 0.5%布比卡因 病人说嘴巴周围发麻 耳朵嗡嗡响 接着就抽起来了"])
    assert ans.urgent and ans.pathway == "last", ans.text[:300]
    assert "90 mL" in ans.text, ans.text


# ---------------------------------------------------------------- honest gaps

@pytest.mark.parametrize("question", ["腹腔神经丛阻滞后体位性低血压常见吗 怎么处理",
                                      "is orthostatic hypotension common after coeliac plexus block? how to manage"])
def test_a_coeliac_blocks_hypotension_is_not_answered_with_toxicity_signs_or_neck_anatomy(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert not any("toxicity" in b or "毒性" in b or "vertebral artery" in b or "椎动脉" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", ["L3/4 ILESI 做的时候穿破硬膜了 看到脑脊液流出来 但病人现在一点都不头痛 要预防性打血补丁吗",
                                      "wet tap during L4-5 ILESI today, no headache yet - do we do a prophylactic blood patch?"])
def test_a_prophylactic_blood_patch_is_said_not_advised_on(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert "no advice on a prophylactic epidural blood patch" in ans.text or "未给出关于预防性硬膜外自体血填充" in ans.text, ans.text
    assert "gadolinium" not in _bullets(ans.text)[0]


@pytest.mark.parametrize("question", [
    "pt tells me she's 9 wk pregnant, didnt know when she had fluoro-guided SIJ injection 10 days ago. she's terrified about the baby. what do I say",
    "做SI关节射频的女患者 今天才说怀孕6周了 当时透视大概40几秒 胎儿有危险吗 要不要建议终止妊娠"])
def test_a_patient_found_pregnant_after_fluoroscopy_is_told_no_fetal_figure_and_no_filler(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert not ans.urgent
    text = ans.text
    assert "no fetal dose or fetal risk" in text or "知识库未涵盖：胎儿有危险吗" in text, text
    assert all("pregnan" in b.lower() or "妊娠" in b or "怀孕" in b for b in _bullets(text)), text
    assert "false-positive" not in text and "气胸" not in text


# ---------------------------------------------------------------- leads

@pytest.mark.parametrize("question, region", [("病人问颈椎TFESI会不会瘫痪 发生率多高 我该怎么跟他讲", "颈段"),
                                              ("pt asking whether a cervical TFESI can paralyse him - how often?", "cervical")])
def test_a_necks_paralysis_rate_leads_with_the_sentence_naming_the_neck(weekend, question, region):  # type: ignore[no-untyped-def]
    lead = _bullets(weekend.answer(question).text)[0]
    assert region in lead, lead


@pytest.mark.parametrize("question", ["这个病人三年前PKP 当时有一点骨水泥漏到椎旁静脉 一直没症状 这次来复查 要不要处理",
                                      "kyphoplasty 3 yrs ago, small cement leak into a paravertebral vein, never any symptoms. does it need treatment?"])
def test_a_silent_old_cement_leak_leads_with_the_silent_course(weekend, question):  # type: ignore[no-untyped-def]
    lead = _bullets(weekend.answer(question).text)[0]
    assert "无症状" in lead or "没有症状" in lead or "no symptoms" in lead or "asymptomatic" in lead, lead


@pytest.mark.parametrize("history, question", [
    (["T12 kyphoplasty this morning, now on ward SOB, sats 86% on air, HR 120"],
     "CTPA shows small cement fragments in segmental PAs, now sats 95 on 2L and comfortable. anticoagulate?"),
    (["PVP T12 刚打完骨水泥 病人突然说胸闷喘不上气 SpO2掉到85% 血压还行"], "CT看肺动脉里有几小段骨水泥 病人现在吸氧后好多了 没症状了 要抗凝吗")])
def test_emboli_that_gave_symptoms_lead_with_the_care_of_a_symptomatic_embolism(weekend, history, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question, history)
    lead = _bullets(ans.text)[0]
    assert ("symptomatic" in lead or "有症状" in lead) and ("heparin" in lead or "抗凝" in lead), ans.text
    assert not any(b.startswith(("Manage an asymptomatic", "无症状外周型")) for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", ["病人吃艾乐托 做颈椎硬膜外 停几天？", "on eliquis, cervical epidural next week - how many days off?"])
def test_a_rule_for_every_level_is_no_other_procedures_rule_for_the_neck(weekend, question):  # type: ignore[no-untyped-def]
    text = weekend.answer(question).text
    assert "本身这方面的资料" not in text and "on this for" not in text, text


# ---------------------------------------------------------------- review 73

@pytest.mark.parametrize("question", ["2 days after T11 ILESI, new back pain, legs slightly wobbly, on clopidogrel restarted yesterday",
                                      "L5/S1椎板间硬膜外注射术后第1天，腰疼明显，两条腿有点没劲，会不会是激素的副作用",
                                      "脊髓电刺激测试第3天，发烧38.5，双腿沉重"])
def test_a_mild_deficit_told_in_other_words_after_a_neuraxial_procedure_is_the_deficit_pathway(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text[:300]


def test_paralysis_feared_with_no_symptom_now_is_no_emergency(weekend):  # type: ignore[no-untyped-def]
    assert not weekend.answer("做完TFESI会不会瘫痪 现在没什么症状 只是担心").urgent


def test_a_chinese_clear_mri_with_a_red_exit_site_is_the_implants_infection(weekend):  # type: ignore[no-untyped-def]
    ans = weekend.answer("MRI没有看到脓肿，只是电极出口处皮肤发红，测试电极能继续留着吗？", ["脊髓电刺激测试第3天，发烧38.5，双腿沉重", "急查了MRI"])
    assert ans.urgent and ans.pathway == "implant-infection", ans.text[:300]
    assert "排除脓肿之后" not in ans.text


@pytest.mark.parametrize("history, question", [
    (["星状神经节阻滞后病人抽搐，考虑局麻药中毒", "给了咪达唑仑，抽搐停止，血压心率正常，无心律失常"], "今晚能回家吗？"),
    (["LAST during a suprascapular block - he seized, got lorazepam, fine now"], "can he go home"),
    (["腰椎射频时利多卡因用量较大，病人出现抽搐，考虑局麻药中毒", "给了咪达唑仑后抽搐停止，生命体征平稳"], "能让他今晚回家吗"),
    (["Seizure after 20 ml bupivacaine 0.5% for a stellate ganglion block", "gave midazolam 2 mg, seizure stopped, BP and HR normal, no arrhythmia"],
     "ok to send home tonight?")])
def test_home_asked_after_a_toxicity_told_over_is_calm_and_gives_the_watch(weekend, history, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question, history)
    assert not ans.urgent, ans.text[:300]
    assert "4–6" in ans.text, ans.text


@pytest.mark.parametrize("history, question", [(["vasovagal faint after lumbar MBB, HR 45, recovered in 2 min lying flat"], "ok to send home tonight?"),
                                               (["腰椎内侧支阻滞后病人头晕、出汗，血压85/50，平卧后恢复"], "能回家吗")])
def test_home_asked_after_a_faint_told_over_is_calm_and_says_no_guidance(weekend, history, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question, history)
    assert not ans.urgent, ans.text[:300]
    assert "no guidance on what to do once vasovagal reaction has settled" in ans.text or "知识库没有血管迷走神经反应平稳之后如何处置的指导" in ans.text, ans.text


def test_fever_and_a_stiff_neck_after_an_epidural_are_no_stroke_whatever_the_eyes_do(weekend):  # type: ignore[no-untyped-def]
    ans = weekend.answer("headache after epidural now with diplopia and neck stiffness, fever 38.9")
    assert ans.urgent and ans.pathway != "esi-stroke", ans.pathway


@pytest.mark.parametrize("question", ["how to avoid pocket fill during intrathecal pump refill?", "鞘内泵补药时怎么避免囊袋注射"])
def test_a_refills_own_prevention_still_answers_a_pocket_fill(engine_over, question):  # type: ignore[no-untyped-def]
    pump = engine_over("pump-251", ("intrathecal-drug-delivery", "last", "infection-control"))
    lead = _bullets(pump.answer(question).text)[0]
    assert "port" in lead or "端口" in lead, lead


@pytest.mark.parametrize("question", ["上次做射频的时候病人口周发麻、耳鸣，几分钟就好了，下个月做对侧，要怎么预防局麻药中毒？",
                                      "pt fainted during last SIJ injection, fine after 1 min lying flat. booked again next week. tips?",
                                      "what's the treatment for a vasovagal reaction during an epidural?"])
def test_a_past_event_or_a_general_question_is_no_emergency(weekend, question):  # type: ignore[no-untyped-def]
    assert not weekend.answer(question).urgent


def test_a_pump_pocket_infection_told_with_fever_is_the_implant_infection(engine_over):  # type: ignore[no-untyped-def]
    pump = engine_over("pump-infection-251", ("intrathecal-drug-delivery", "infection-control", "spinal-cord-stimulation"))
    ans = pump.answer("pump pocket infection, pt febrile - explant?")
    assert ans.urgent and ans.pathway == "implant-infection", ans.text[:300]
    assert not pump.answer("how common is pocket infection after SCS and does it cause fever?").urgent


# ---------------------------------------------------------------- round 252 (on the draft)

@pytest.mark.parametrize("question", ["腰交感阻滞做完半小时，病人说那条腿发热 脚有点麻 是不是出事了",
                                      "lumbar sympathetic block 30 min ago, leg feels warm and foot a bit numb, is that ok?"])
def test_a_warm_leg_after_a_lumbar_sympathetic_block_is_no_cord_emergency(weekend, question):  # type: ignore[no-untyped-def]
    assert not weekend.answer(question).urgent


@pytest.mark.parametrize("question", ["lumbar sympathetic block 30 min ago, leg warm but now both legs weak and can't pee", "腰交感阻滞后 两条腿都没力 尿不出来"])
def test_both_legs_weak_after_a_sympathetic_block_is_still_the_deficit_pathway(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text[:300]


def test_a_symp_block_is_a_sympathetic_block(framer):  # type: ignore[no-untyped-def]
    assert "lumbar-sympathetic-block" in framer.frame("lumbar symp block fri for CRPS, pt on aspirin 75 + brilinta 90 bd. what to stop").concepts


@pytest.mark.parametrize("question", ["postural hypotension after coeliac plexus block - what do I do?", "腹腔神经丛阻滞后出现体位性低血压，怎么处理？"])
def test_a_coeliac_blocks_postural_drop_is_calm_and_not_answered_with_a_vertebroplastys_steps(weekend, question):  # type: ignore[no-untyped-def]
    ans = weekend.answer(question)
    assert not ans.urgent, ans.text[:300]
    assert "cement" not in ans.text and "骨水泥" not in ans.text, ans.text


def test_a_low_pressure_after_a_sympathetic_block_gets_no_vertebroplasty_step(weekend):  # type: ignore[no-untyped-def]
    ans = weekend.answer("hypotension after lumbar sympathetic block - what should I do?")
    assert ans.urgent and "cement" not in ans.text, ans.text
