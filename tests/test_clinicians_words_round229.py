"""Round 229 (a pain fellow's week, English and Chinese) and what the fifty-seventh session left weak: a planned
premedication is the oral regimen; hours lost before decompression matter; the thread's case goes on mid-procedure, after
a rescue and after a scan; the thing asked leads (a drug swapped in, an outcome, a rate, a sign's odds, a stimulation check)."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import WAIT_ASK, Framer
from assistant.lexicon import load_lexicon
from assistant.safety import triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.fixture(scope="module")
def ward_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("ward-229", ("radiation-contrast", "spinal-haematoma", "esi-general", "esi-interlaminar-caudal", "anticoagulants",
                                    "spinal-cord-stimulation", "epiduroscopy-adhesiolysis"))


@pytest.fixture(scope="module")
def rf_cement_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("rf-cement-229", ("facet-mbb-rfa", "vertebral-augmentation", "intradiscal-pldd"))


# ---------------------------------------------------------------- premedication: planned or hurried

def test_a_booked_case_asks_the_planned_regimen_and_a_case_in_hours_the_urgent_one(framer, ward_engine):  # type: ignore[no-untyped-def]
    booked = "pt had hives with contrast last yr, booked L5 TFESI 9am tmrw. what premed regimen?"
    q = framer.frame(booked)
    assert q.parts[0].aspects[:2] == ("dose", "prevention") and "urgent-premedication" not in q.concepts
    assert "prednisone 50 mg" in _bullets(ward_engine.answer(booked).text)[0]
    hurried = "contrast allergy, case is in 2 hours, what premed regimen?"
    assert "urgent-premedication" in framer.frame(hurried).concepts
    first = _bullets(ward_engine.answer(hurried).text)[0]
    assert "intravenous" in first or "IV" in first, first


# ---------------------------------------------------------------- a spinal haematoma: when it began, how it turns out, hours lost

def test_a_deficit_told_by_the_clock_hours_after_a_tfesi_is_the_haematoma_pathway():  # type: ignore[no-untyped-def]
    q = ("on call. 71M had L3/4 TFESI at 2pm, apixaban held only 1 day as he 'forgot'. now 11pm: severe new back pain, cant lift "
         "either leg, numb from umbilicus down, hasnt passed urine")
    assert triage(q, "en").rule == "neuraxial-deficit"


@pytest.mark.parametrize(("question", "lang"), [
    ("radiology say MRI not till 7am. does a few hours really change anything?", "en"),
    ("MRI出来了 脊柱外科说明早再开 行不行", "zh"),
    ("晚几个小时有关系吗", "zh")])
def test_hours_lost_before_the_scan_or_the_surgery_are_a_wait_asked(question, lang):  # type: ignore[no-untyped-def]
    assert WAIT_ASK[lang].search(question)


def test_whether_hours_matter_leads_with_the_decompression_window(ward_engine):  # type: ignore[no-untyped-def]
    story = ("on call. 71M had L3/4 TFESI at 2pm, apixaban held only 1 day as he 'forgot'. now 11pm: severe new back pain, cant lift "
             "either leg, numb from umbilicus down, hasnt passed urine")
    ans = ward_engine.answer("radiology say MRI not till 7am. does a few hours really change anything?", [story])
    assert ans.urgent and any(h in _bullets(ans.text)[0] for h in ("8 h", "12 h")), ans.text


def test_the_likely_outcome_of_a_haematoma_is_how_many_recover(ward_engine):  # type: ignore[no-untyped-def]
    """The recovery figures come from haematomas after neuraxial anaesthesia: still the outcome of the harm asked."""
    ans = ward_engine.answer("epidural haematoma after ILESI - whats the likely outcome?")
    assert "47%" in _bullets(ans.text)[0], ans.text


def test_a_drug_never_stopped_asked_whether_it_matters_asks_its_risk(framer, ward_engine):  # type: ignore[no-untyped-def]
    story = "pt had SCS trial leads placed this afternoon, now worsening back pain, both legs numb and weak, can't pass urine"
    q = framer.frame("he never stopped his aspirin 100 - does that matter?", [story])
    assert q.parts[0].aspects[:1] == ("risk_factors",)
    ans = ward_engine.answer("he never stopped his aspirin 100 - does that matter?", [story])
    assert ans.urgent and "aspirin" in ans.text.lower(), ans.text
    zh = framer.frame("他一直吃阿司匹林100没停 有关系吗", ["夜班 下午放的SCS测试电极 现在说背疼越来越厉害 两条腿发麻没劲 小便解不出"])
    assert zh.parts[0].aspects[:1] == ("risk_factors",)


# ---------------------------------------------------------------- the case goes on: mid-procedure, after a rescue, after a scan

_EPIDUROSCOPY = "teaching q - epiduroscopy for FBSS, how fast are we allowed to run the saline in and why does the rate matter so much?"
_BLURRED = "ok now mid-case, pt (light sedation) says his neck hurts and everything's gone blurry. we've put in maybe 60ml. now what"


def test_the_saline_rate_and_why_it_matters_are_both_answered(framer, ward_engine):  # type: ignore[no-untyped-def]
    assert "frequency" not in framer.frame(_EPIDUROSCOPY).parts[-1].aspects  # ("the rate" of the saline is no rate of a harm)
    ans = ward_engine.answer(_EPIDUROSCOPY)
    rate, why = ans.text.split("**why does the rate matter so much**")
    assert "1 mL every 1–2 s" in _bullets(rate)[0] and "CSF" in _bullets(why)[0], ans.text


def test_blurred_vision_mid_case_goes_on_with_the_epiduroscopy(framer, ward_engine):  # type: ignore[no-untyped-def]
    q = framer.frame(_BLURRED, [_EPIDUROSCOPY])
    assert q.followup and "epiduroscopy" in q.context_concepts
    assert triage("mid epiduroscopy, pt says his neck hurts and everything's gone blurry", "en").rule == "epiduroscopy-pressure"
    ans = ward_engine.answer(_BLURRED, [_EPIDUROSCOPY])
    assert ans.urgent and "drain" in _bullets(ans.text)[0], ans.text
    later = ward_engine.answer("vision back to normal after 10 min. wife wants to know how often that sort of thing is permanent",
                               [_EPIDUROSCOPY, _BLURRED])
    assert "21%" in " ".join(_bullets(later.text)[:2]), later.text


def test_a_pump_whose_dose_creeps_up_with_less_effect_names_the_granuloma():  # type: ignore[no-untyped-def]
    tri = triage("pt w IT morphine pump x6yrs, dose creeping up for a year with less effect, now new band-like pain round chest and "
                 "legs feel heavy + numb since yesterday", "en")
    assert tri.rule == "neuraxial-deficit" and "granuloma" in tri.escalation, tri


def test_mri_ruled_out_by_a_pacer_turns_to_the_pumps_own_ct_myelography(framer, engine):  # type: ignore[no-untyped-def]
    story = ("pt w IT morphine pump x6yrs, dose creeping up for a year with less effect, now new band-like pain round chest at about T6 "
             "and says legs feel heavy + numb since yesterday. cath tip mid-thoracic. what now")
    turn = "he has an old non-MRI-conditional pacer so MRI is out. how else do we image it? and do we keep the morphine running meanwhile?"
    assert framer.frame(turn, [story]).followup
    ans = engine.answer(turn, [story])
    assert ans.urgent and "CT myelography" in ans.text.split("\n")[0], ans.text
    first = _bullets(ans.text)[0]
    assert "CT myelography" in first and "intrathecal" in first, ans.text


def test_propofol_asked_instead_of_the_lipid_mid_rescue_is_answered_among_the_steps(engine):  # type: ignore[no-untyped-def]
    story = ("mid block - 85kg man, gave 30ml 0.5% bupi for a US guided block, now says his tongue is tingling and ears ringing and "
             "then he started fitting. help")
    ans = engine.answer("no intralipid in the block room, only propofol drawn up - can i just give that instead while someone runs "
                        "for the lipid?", [story])
    assert ans.urgent and any("not a substitute" in b for b in _bullets(ans.text)[:3]), ans.text


def test_why_an_overdose_follows_a_refill_is_answered_after_the_rescue(framer, engine):  # type: ignore[no-untyped-def]
    story = "鞘内泵病人 下午刚加完药 半小时后叫不醒 呼吸8次/分 瞳孔针尖样 怎么办"
    q = framer.frame("缓过来了 加药怎么会这样？", [story])
    assert q.followup and q.parts[0].aspects[:1] == ("mechanism",) and "pump-refill" in q.concepts
    ans = engine.answer("缓过来了 加药怎么会这样？", [story])
    assert any("端口" in b for b in _bullets(ans.text)[:3]), ans.text


def test_a_scan_told_after_the_picture_goes_on_with_it_and_its_rate_is_answered(framer, rf_cement_engine):  # type: ignore[no-untyped-def]
    story = "IDET做完两周了 腰疼越来越重 晚上也疼 低烧37.8 要查啥"
    q = framer.frame("MRI提示L4/5椎间盘炎了 这个发生率高吗", [story])
    assert q.followup and "idet" in q.context_concepts
    ans = rf_cement_engine.answer("MRI提示L4/5椎间盘炎了 这个发生率高吗", [story])
    assert "1%" in ans.text, ans.text


# ---------------------------------------------------------------- the thing asked leads

def test_a_blood_patch_volume_beside_a_breastfeeding_mothers_caffeine_is_covered(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("wet tap yesterday, pt has PDPH - is caffeine ok while breastfeeding? and if we patch, how much blood")
    assert "12–20 mL" in ans.text and "Not covered" not in ans.text, ans.text


@pytest.mark.parametrize(("history", "question", "drug"), [
    ("pt on xarelto 20 od, L4/5 TFESI next week - when to stop?", "same pt but on pradaxa 150 bd with CrCl 28", "Pradaxa"),
    ("下周做腰椎TF 病人吃拜瑞妥 停几天", "换成艾乐妥 肌酐清除率35呢", "阿哌沙班")])
def test_a_drug_swapped_in_with_a_crcl_leads_with_its_own_interval(engine, history, question, drug):  # type: ignore[no-untyped-def]
    ans = engine.answer(question, [history])
    assert drug in _bullets(ans.text)[0], ans.text


def test_how_often_to_repeat_after_a_glucose_turn_is_the_repeat_limit(framer, ward_engine):  # type: ignore[no-untyped-def]
    thread = ["pt for L5/S1 ILESI tmrw is asking how likely she is to get a bad headache afterwards. what numbers can i give her",
              "she's a T1 diabetic on a pump. what will the steroid do to her sugars and for how long?"]
    assert "thoracic-spine" not in framer.frame(thread[1]).concepts  # (a diabetes type, not a level)
    ans = ward_engine.answer("if it works she'll want it again in 6 wks. how often can we safely repeat?", thread)
    assert any(k in _bullets(ans.text)[0] for k in ("per year", "3–4")), ans.text


@pytest.mark.parametrize("question", [
    "pt for L5/S1 ILESI tmrw is asking how likely she is to get a bad headache afterwards. what numbers can i give her",
    "病人问做腰椎IL硬膜外注射会不会头疼 几率多大"])
def test_the_odds_of_a_headache_after_an_ilesi_lead_with_a_headache_rate(framer, ward_engine, question):  # type: ignore[no-untyped-def]
    assert len(framer.frame(question).parts) == 1  # ("会不会头疼 几率多大": the odds of the headache told, one ask)
    ans = ward_engine.answer(question)
    assert "2.6%" in _bullets(ans.text)[0], ans.text


def test_the_stimulation_check_is_what_keeps_an_rf_lesion_off_the_motor_nerve(framer, rf_cement_engine):  # type: ignore[no-untyped-def]
    for q in ("射频毁损腰椎内侧支，怎么确认没靠近运动神经？", "lumbar MBB RFA - how do we confirm we're not near the motor nerve?"):
        assert "rf-stimulation-check" in framer.frame(q).concepts  # (a distance kept, "not near", is no concept left out)
        assert "2 Hz" in _bullets(rf_cement_engine.answer(q).text)[0]


def test_a_pacemaker_patients_rf_precautions_are_the_device_teams(framer, rf_cement_engine):  # type: ignore[no-untyped-def]
    thread = ["第三枕神经射频 病人问做完后头皮会不会麻 几率多大", "术后10天了 后枕部烧灼样痛 碰一下就疼 怎么处理"]
    assert not framer.frame("下个病人装了起搏器 能做射频吗 要注意啥", thread).followup  # (the next patient is another one)
    ans = rf_cement_engine.answer("下个病人装了起搏器 能做射频吗 要注意啥", thread)
    assert "心脏装置团队" in ans.text, ans.text


def test_cement_leaking_out_asked_in_chinese_gets_the_leak_rates(rf_cement_engine):  # type: ignore[no-untyped-def]
    ans = rf_cement_engine.answer("病人问椎体成形骨水泥会不会漏出来，概率多大啊")
    assert any("39.3%" in b for b in _bullets(ans.text)[:2]), ans.text


def test_how_to_reduce_leaks_is_no_taper_and_the_volume_answers_it(rf_cement_engine):  # type: ignore[no-untyped-def]
    ans = rf_cement_engine.answer("PVP打骨水泥 咋减少渗漏 每节打几ml合适")
    assert "未给出以下剂量" not in ans.text and "3.5 mL" in ans.text, ans.text


def test_whether_to_anticoagulate_a_settled_cement_embolism_leads_with_anticoagulation(rf_cement_engine):  # type: ignore[no-untyped-def]
    thread = ["PVP打骨水泥 咋减少渗漏 每节打几ml合适", "正在推骨水泥 病人突然说胸闷憋气 SpO2掉到88"]
    ans = rf_cement_engine.answer("稳住了 CT有肺动脉里的骨水泥 要不要抗凝 抗多久", thread)
    assert "抗凝" in _bullets(ans.text)[0] and "停止注射" not in _bullets(ans.text)[0], ans.text


def test_a_harm_asked_of_her_after_the_procedures_technique_is_that_procedures(framer, rf_cement_engine):  # type: ignore[no-untyped-def]
    """"consent her - burning/neuritis pain afterwards, how often?" after the lumbar RFA's technique: the lumbar series' rate,
    never the third occipital RF's 19%."""
    thread = ["doing my first lumbar RFAs this wk - how do we keep the lesion away from the ventral ramus? what does the 2Hz motor stim "
              "actually tell u and how big is the lesion anyway",
              "so why do ppl bother laying the probe parallel to the nerve rather than just poking it perpendicular?"]
    turn = "ok and consultant wants me to consent her - what do i tell her about burning/neuritis pain afterwards, how often?"
    assert framer.frame(thread[1], thread[:1]).followup and framer.frame(turn, thread).followup
    ans = rf_cement_engine.answer(turn, thread)
    assert "0.5%" in ans.text and "19%" not in ans.text, ans.text


def test_whether_discography_needs_antibiotics_at_all_leads_with_the_evidence(rf_cement_engine):  # type: ignore[no-untyped-def]
    ans = rf_cement_engine.answer("3-level lumbar discography list on thurs. do we actually need antibiotics? consultant says there's no "
                                  "evidence either way")
    lines = _bullets(ans.text)
    assert "weak and conflicting" in lines[0] and not any("allergic" in b for b in lines[:3]), ans.text


# ---------------------------------------------------------------- round 230: a weekend on call

def test_a_graded_weakness_and_shooting_leg_pain_after_kyphoplasty_is_the_deficit_with_its_ct():  # type: ignore[no-untyped-def]
    tri = triage("L1 kyphoplasty this am, pt now has new sharp pain shooting down R leg and hip flexion 3/5 on the right. obs stable", "en")
    assert tri.rule == "neuraxial-deficit" and "CT" in tri.escalation, tri


def test_how_often_a_canal_leak_needs_surgery_is_answered_beside_the_steps(rf_cement_engine):  # type: ignore[no-untyped-def]
    story = "L1 kyphoplasty this am, pt now has new sharp pain shooting down R leg and hip flexion 3/5 on the right. obs stable"
    ans = rf_cement_engine.answer("CT shows cement in the spinal canal at L1. how often do these need surgery?", [story])
    assert ans.urgent and ("1/17" in ans.text or "4 of them" in ans.text), ans.text


@pytest.mark.parametrize(("question", "history", "urgent"), [
    ("hi my dad had a spinal cord stimulator implanted 10 days ago, the battery site is red, warm and oozing a bit of yellow fluid. "
     "is that normal?", (), False),
    ("另外穿刺点周围有点红 有渗液 T 37.9 要拔电极吗", ("SCS测试第三天 病人说原来腿上麻的感觉跑了 现在刺激感跑到肚子上去了 没有别的不舒服",), True)])
def test_an_implants_wound_red_and_discharging_is_answered_as_an_infection(ward_engine, question, history, urgent):  # type: ignore[no-untyped-def]
    """With a temperature told, the infection banner; without one, no banner (a superficial infection may settle on
    antibiotics), but the answer is still the infection's, never a headache or a battery failure."""
    ans = ward_engine.answer(question, list(history))
    assert ans.urgent == urgent and any(k in _bullets(ans.text)[0] for k in ("infection", "explant", "antibiotic", "感染", "取出", "抗生素")) \
        and "PDPH" not in ans.text, ans.text


@pytest.mark.parametrize("question", ["is it normal for the IPG site to be a bit sore for a week?",
                                      "SCS implant wound: no redness, no discharge, healing well. is that normal?"])
def test_a_sore_or_clean_implant_wound_asked_whether_normal_raises_no_banner(question):  # type: ignore[no-untyped-def]
    assert not triage(question, "en").urgent


def test_a_postural_headache_turned_constant_with_fever_in_chinese_raises_the_red_flags(engine):  # type: ignore[no-untyped-def]
    thread = ["周五做的L5/S1 IL ESI 术中回抽有清亮液体 换了间隙打的 今天说一站起来就头疼 躺下就好 有点耳鸣 脖子发紧",
              "保守治疗两天没用 准备打血补丁 抽多少ml血合适"]
    ans = engine.answer("现在头疼变成不分体位了 还烧到38.5 咋办", thread)
    assert ans.urgent and "脑膜炎" in _bullets(ans.text)[0], ans.text


def test_the_chances_of_recovery_asked_for_the_family_are_the_recovery_figures(ward_engine):  # type: ignore[no-untyped-def]
    thread = ["护士：5床 72岁老太太 下午做的C7-T1 IL ESI 现在说后背正中剧痛 两条腿没力气抬不起来 尿不出 BP 165/92 HR 90 平时吃阿司匹林",
              "急诊MRI回来了 提示T1-T4背侧硬膜外血肿 脊髓受压 跟阿司匹林有关系吗"]
    ans = ward_engine.answer("神外说今晚就手术 怎么跟家属交代 能恢复的几率多大", thread)
    assert "47%" in ans.text, ans.text


def test_when_to_come_back_after_going_home_is_the_discharge_advice(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("打完回家以后我们要注意些什么 哪些情况要马上回医院")
    assert "返院" in _bullets(ans.text)[0] and "未涵盖" not in ans.text, ans.text


def test_the_procedure_switched_asked_whether_the_same_keeps_the_drug(framer, engine):  # type: ignore[no-untyped-def]
    before = "家属：我爸下周二要做骶髂关节封闭 他一直在吃泰毕全 要提前停药吗"
    q = framer.frame("医生说可能改做腰4/5椎间孔注射 那还一样吗", [before])
    assert q.followup and "dabigatran" in q.all_concepts and q.aspects[:1] == ("hold",)
    ans = engine.answer("医生说可能改做腰4/5椎间孔注射 那还一样吗", [before])
    assert "4–5" in _bullets(ans.text)[0], ans.text


_FITTING = "just injected 20ml 0.5% bupivacaine, pt says ears ringing and tongue tingly and now twitching L arm. 75kg. help"


def test_a_bare_lipid_dose_right_after_the_picture_leads_with_the_weights_regimen(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("how much intralipid exactly", [_FITTING])
    assert ans.urgent and "100 mL" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("history", [(_FITTING,), (_FITTING, "how much intralipid exactly")])
def test_how_long_to_keep_her_once_settled_is_the_toxicitys_watch(engine, history):  # type: ignore[no-untyped-def]
    """The local anaesthetic told before is no drug whose own timing is asked: the watch after the toxicity answers."""
    ans = engine.answer("ok she's settled, no cardiac signs. how long do we need to keep her?", list(history))
    assert "4–6 h" in " ".join(_bullets(ans.text)[:2]) and "no length of time" not in ans.text, ans.text


# ---------------------------------------------------------------- review 60's guards

@pytest.mark.parametrize("question", [
    "pt with pain shooting down his left leg for 6 months, booked for L5 TFESI, on apixaban - hold?",
    "she has pain shooting down her right leg, ILESI next week, on xarelto - stop when?",
    "post kypho, pain shooting down R leg for years, is that from the fracture?"])
def test_radicular_pain_that_is_the_injections_reason_raises_no_banner(question):  # type: ignore[no-untyped-def]
    assert not triage(question, "en").urgent


@pytest.mark.parametrize(("question", "lang", "rule"), [
    ("kyphoplasty L1 an hour ago, hip flexion 3/5 on the right", "en", "neuraxial-deficit"),
    ("post kypho, now pain shooting down R leg", "en", "neuraxial-deficit"),
    ("cervical TFESI just done, pt says everything's gone blurry", "en", "esi-stroke"),
    ("L4/5 TFESI at 9am, now 9:20am she cant move her legs", "en", "esi-stroke"),  # (twenty minutes: the injection's own event)
    ("ILESI后第二天头疼 不分体位 烧到38.5", "zh", "implant-infection")])
def test_new_deficit_and_fever_wordings_raise_their_pathway(question, lang, rule):  # type: ignore[no-untyped-def]
    assert triage(question, lang).rule == rule


@pytest.mark.parametrize(("question", "absent"), [
    ("red light flashing on the SCS remote - is that normal?", "surgical-site-infection"),
    ("Best way to get a red wine stain out of a wool carpet?", "surgical-site-infection"),
    ("术后镇痛泵要不要加药", "pump-refill"),
    ("contrast reaction last yr, ILESI in 14 hours, what premed do i give?", "urgent-premedication")])
def test_words_in_other_senses_name_no_concept(framer, question, absent):  # type: ignore[no-untyped-def]
    assert absent not in framer.frame(question).concepts


def test_a_booked_procedure_with_a_drug_never_stopped_asks_the_hold_first(framer):  # type: ignore[no-untyped-def]
    assert framer.frame("she never stopped her warfarin, INR 2.4, TFESI in an hour - does that matter?").parts[0].aspects[:1] == ("hold",)
    assert framer.frame("do we need antibiotics for an SCS trial?").aspects[:1] != ("evidence",)  # (no evidence asked)
    assert "urgent-premedication" in framer.frame("造影剂过敏史 2小时后就要做 怎么预处理").concepts
    assert "pdph" in framer.frame("头疼 躺下能缓解 ILESI后第二天").concepts


def test_a_disc_leak_gets_no_canal_leaks_surgery_rate(rf_cement_engine):  # type: ignore[no-untyped-def]
    ans = rf_cement_engine.answer("kyphoplasty with cement leak into the disc - does she need surgery?")
    assert "3/9" not in ans.text, ans.text


def test_a_patients_chance_of_paralysis_is_not_led_by_a_share_of_case_reports(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("pt worried: could the epidural leave me paralysed? what are the chances?")
    assert "case reports" not in _bullets(ans.text)[0], ans.text


def test_an_asymptomatic_cement_embolus_asked_whether_to_anticoagulate_keeps_follow_up_only(rf_cement_engine):  # type: ignore[no-untyped-def]
    ans = rf_cement_engine.answer("CT有肺动脉里的骨水泥 病人没症状 要不要抗凝")
    assert any("无症状" in b for b in _bullets(ans.text)[:2]) and not ans.urgent, ans.text


# ---------------------------------------------------------------- round 231: a clinic and a list

def test_whether_propofol_will_stop_the_fit_is_answered_among_the_steps(engine):  # type: ignore[no-untyped-def]
    thread = ["腰椎TF推完利多卡因 病人说嘴巴周围麻 耳朵嗡嗡响 人开始烦躁", "60kg 脂肪乳怎么推"]
    ans = engine.answer("抽了 用丙泊酚止抽行不行", thread)
    assert ans.urgent and any("丙泊酚" in b for b in _bullets(ans.text)[:3]), ans.text


@pytest.mark.parametrize(("history", "question"), [
    (("day 1 phone f/u post lumbar TFESI (dex 10mg). pt says face red & hot, didnt sleep last night. normal?",
      "she also has a headache that's worse when she sits up"), "when should we get her back in?"),
    (("护士随访：昨天腰椎IL，今天说一坐起来就头痛 躺下就好 正常吗",), "要让他什么时候回来？")])
def test_when_to_come_back_is_what_to_come_back_for(ward_engine, history, question):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question, list(history))
    assert not ans.abstained and any(k in _bullets(ans.text)[0] for k in ("return", "返院", "就诊")), ans.text


@pytest.mark.parametrize(("history", "question"), [
    (("trainee q: why do we stop aspirin before an SCS trial but carry on for lumbar MBBs?",), "whats the evidence tho? feels arbitrary"),
    (("32F, 16/40 pregnant, severe L5 radiculopathy, obs happy for her to have a TFESI. can we do it?",),
     "could we do it under US instead to avoid the xray?")])
def test_a_plain_word_in_a_follow_up_on_the_answer_before_is_no_new_subject(framer, ward_engine, history, question):  # type: ignore[no-untyped-def]
    assert framer.frame(question, list(history)).followup
    assert not ward_engine.answer(question, list(history)).abstained


# ---------------------------------------------------------------- round 232: a regional hospital

def test_a_postural_headache_with_ringing_ears_days_later_is_no_toxicity():  # type: ignore[no-untyped-def]
    q = ("ward nurse - pt had lumbar ILESI 2 days ago, now headache that goes when she lies flat, bit of neck ache and ringing in "
         "ears, obs normal, afebrile. what should we do")
    assert triage(q, "en").rule != "last"
    assert triage("just did an SGB with bupi, now ringing in her ears and tongue tingling", "en").rule == "last"


def test_fever_and_a_stiff_neck_told_after_a_wet_taps_headache_raise_the_red_flags(engine):  # type: ignore[no-untyped-def]
    thread = ["急诊 女 前天外院做的腰椎IL硬膜外 说当时扎到水了 现在一坐起来头就痛 躺下就好 要紧吗", "补液 咖啡因都给了 还是痛 今天第4天了 下一步呢"]
    ans = engine.answer("她今天还有点发烧 脖子发硬", thread)
    assert ans.urgent and ans.pathway == "dural-puncture-red-flags", ans.text


def test_a_cord_signal_with_no_haematoma_is_the_tfesis_arterial_cause_and_no_haematoma_recovery(framer, engine, ward_engine):  # type: ignore[no-untyped-def]
    story = ("ED reg. 58M had a L sided TFESI T12/L1 at a private clinic this am, now cant move either leg and numb from umbilicus "
             "down. what do i do now")
    scan = "MRI done - no haematoma, cord signal change T9 to conus. what is this likely"
    assert framer.frame(scan, [story]).parts[0].aspects[:1] == ("mechanism",)
    ans = engine.answer(scan, [story])
    assert ans.urgent and "radicular" in ans.text, ans.text
    later = ward_engine.answer("family asking will he walk again, what do i say", [story, scan])
    assert "47%" not in later.text, later.text


def test_a_radiographers_yearly_dose_and_eyes_get_the_limits(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("放射科技师 最近疼痛科天天借C臂 我就站床边 一年能受多少剂量 眼睛会不会出事")
    assert "20 mSv" in " ".join(_bullets(ans.text)[:2]), ans.text


def test_an_asymptomatic_embolus_told_in_english_leads_with_follow_up(rf_cement_engine):  # type: ignore[no-untyped-def]
    ans = rf_cement_engine.answer("CTPA: few small peripheral cement emboli, she's asymptomatic. do we need to anticoagulate her?")
    assert "asymptomatic" in _bullets(ans.text)[0], ans.text
