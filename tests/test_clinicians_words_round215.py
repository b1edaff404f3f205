"""Round 215 and the fifty-first session's named weak spots: a picture shown over or small (a faint come round, a small
pneumothorax on the film, an asymptomatic peripheral cement embolus), a reading told back up, a regimen asked beside an
emergency, and the words a clinician types for them."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.text import to_simplified


@pytest.fixture(scope="module")
def ward_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents of the day-list, the recovery room and the next-day call beside each other."""
    return engine_over("ward-215", ("vertebral-augmentation", "esi-interlaminar-caudal", "pdph", "radiation-contrast",
                                    "infection-control", "spinal-cord-stimulation", "sacroiliac", "patient-selection-monitoring",
                                    "esi-general", "anticoagulants", "last", "epiduroscopy-adhesiolysis"))


_PTX_CALL = ("Did T6-T8 medial branch blocks yesterday, pt rang this morning with sharp chest pain on breathing in and a bit "
             "short of breath. sats on her home monitor 94%. what do I tell her?")
_PTX_CALL_ZH = "T6-T8胸椎小关节射频做完2小时，病人说右侧胸痛，深吸气时加重，SpO2 94%，怎么办"


def test_a_small_pneumothorax_shown_on_the_film_is_answered_calmly(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("CXR in ED shows a small apical pneumothorax, about 1.5 cm rim, she's comfortable. What next?", [_PTX_CALL])
    assert not ans.urgent, ans.text
    assert "small pneumothorax" in _bullets(ans.text)[0], ans.text
    zh = engine.answer("胸片右侧少量气胸，大概10%，病人很想回家，可以吗", [_PTX_CALL_ZH])
    assert not zh.urgent, zh.text
    assert any("少量气胸" in b for b in _bullets(zh.text)), zh.text


@pytest.mark.parametrize(("question", "history"), [
    ("CXR shows a small pneumothorax but she's getting more breathless, sats 89%", _PTX_CALL),
    ("CXR shows small pneumothorax, repeat film an hour later it's bigger. what now?", _PTX_CALL),
    ("CXR: small apical pneumothorax. she's still short of breath, what next?", _PTX_CALL),
    ("胸片少量气胸，但是现在越来越喘，SpO2 88%", _PTX_CALL_ZH),
    ("胸片少量气胸，病人还是胸痛气短怎么办", _PTX_CALL_ZH)])
def test_a_small_pneumothorax_with_a_sign_going_on_keeps_its_banner(engine, question, history):  # type: ignore[no-untyped-def]
    ans = engine.answer(question, [history])
    assert ans.urgent and ans.pathway == "pneumothorax", ans.text


_PCE = ("During a T8 vertebroplasty pt suddenly got SOB and sats fell to 88%. We stopped injecting, gave O2, sats back to 96% "
        "in 10 min. CTPA shows a few small peripheral cement emboli. Now she's asymptomatic. Do we need to anticoagulate her?")


@pytest.mark.parametrize("question", [
    _PCE,
    "PVP术中SpO2掉到88%，已经停止推骨水泥、吸氧，10分钟后恢复到96%，CTPA示外周少量骨水泥栓子，现在没症状了，需要抗凝吗",
    "昨天T8 PVP，术后CT看到少量骨水泥漏进椎旁静脉，肺CT有个外周小的高密度影，病人没有任何症状，现在要抗凝吗？",
    "Day 1 after T8 vertebroplasty, CT shows a little cement in the paravertebral veins and a small peripheral density in the "
    "lung, she has no symptoms. Anticoagulate?"])
def test_an_asymptomatic_peripheral_cement_embolus_leads_with_follow_up_only(ward_engine, question):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert not ans.urgent and _bullets(ans.text), ans.text
    lead = _bullets(ans.text)[0]
    assert "asymptomatic peripheral" in lead or "无症状的外周型" in lead, ans.text
    assert "stated for" not in ans.text, ans.text  # (the stop-the-cement step names vertebroplasty too: no elsewhere note)


def test_a_low_reading_told_back_up_is_over_but_one_never_told_back_is_not(ward_engine):  # type: ignore[no-untyped-def]
    from assistant.safety import severe_now

    assert not severe_now("PVP术中SpO2掉到88%，10分钟后恢复到96%，现在没症状了", "zh")
    assert severe_now("SGB: seizure, sats 85%, gave midazolam, it stopped. She's now alert.", "en")
    assert severe_now("L4/5 TFESI, BP dropped to 70/40 and she seized, gave midaz, seizure stopped, now alert.", "en")
    for question in ("L4/5 TFESI, BP dropped to 70/40 and she seized, gave midaz, seizure stopped, now alert. how long to watch?",
                     "星状神经节阻滞后抽搐，血压70/40，给了咪达唑仑，抽搐停了，现在意识清楚，观察多久"):
        assert ward_engine.answer(question).urgent, question


def test_csf_in_the_hub_asks_abort_or_another_level(ward_engine):  # type: ignore[no-untyped-def]
    en = ward_engine.answer("Cervical ILESI at C7-T1 this morning, got CSF in the hub on loss of resistance, withdrew and did not "
                       "inject anything. Patient fine. Can I just go again at T1-T2 now or should I rebook?")
    assert "redirect to another level" in _bullets(en.text)[0], en.text
    question = "颈椎C7-T1椎板间ESI，阻力消失时针座见脑脊液，已退针未注药，病人没事。能马上换T1-T2再做吗，还是改天？"
    assert "action" in ward_engine.frame(question).aspects
    assert "改换其他节段" in _bullets(ward_engine.answer(question).text)[0]


_PREMED = "上次做TFESI碘海醇后出了全身荨麻疹，这次约在明早9点，口服激素预处理怎么安排时间"


@pytest.mark.parametrize(("question", "history", "regimen"), [
    ("病人今天才来，下午2点就要做，只剩5个小时了，来得及吗", _PREMED, "甲泼尼龙40 mg"),
    ("she's just turned up today, case is at 2pm, only 5 hours left - is that enough?",
     "hx of hives after iohexol at her last TFESI, booked tomorrow 9am - how do I time the oral steroid premed?", "methylprednisolone 40 mg")])
def test_only_hours_left_after_a_premedication_turn_asks_the_urgent_regimen(ward_engine, question, history, regimen):  # type: ignore[no-untyped-def]
    assert "urgent-premedication" in ward_engine.frame(question, [history]).concepts
    assert regimen in _bullets(ward_engine.answer(question, [history]).text)[0]


def test_a_past_prophylaxis_asked_beside_an_infected_pocket_gets_its_rule(ward_engine):  # type: ignore[no-untyped-def]
    zh = ward_engine.answer("我们之前术后抗生素用了7天，这样用算合理吗？", ["SCS植入术后第6天，病人打电话说IPG囊袋那里红肿，有渗液，体温38.2"])
    assert zh.urgent, zh.text  # (the infection goes on: its banner stays)
    assert any("24 h 内停用" in b for b in _bullets(zh.text)), zh.text
    en = ward_engine.answer("we gave 7 days of post-op abx after the implant - was that reasonable?", ["SCS pocket red with discharge day 6, temp 38.2"])
    assert any("within 24 h" in b for b in _bullets(en.text)), en.text


_LAST = "SGB with 5ml 0.25% bupi, 2 min later pt twitching, confused, now seizing. 60kg. lipid dose??"


def test_a_seizure_told_stopped_in_a_follow_up_asks_the_watch(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("seizure stopped with 2mg midaz, sats 97% on O2, BP 125/80 HR 88, talking now. how long do I need to "
                        "keep her monitored?", [_LAST])
    assert not ans.urgent and "at least 2 h" in _bullets(ans.text)[0], ans.text
    zh = engine.answer("现在已经不抽了，意识清楚，血压心率都稳，心电图没异常，要在复苏室观察多久？",
                       ["急！！SGB刚推完0.25%布比卡因5ml，病人说耳朵嗡嗡响嘴唇发麻，然后就抽起来了", "病人55kg，脂肪乳怎么给，推多少"])
    assert not zh.urgent and "2 小时" in _bullets(zh.text)[0], zh.text


def test_a_faint_told_over_is_answered_calmly(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("pt fainted on the table during R SIJ injection, came round after legs up, BP now 118/70 HR 72, feels "
                        "fine. how long do we keep her and can she drive herself home?")
    assert not ans.urgent, ans.text
    assert any("drive" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", [
    "pt fainted during SIJ injection, came round briefly then went off again, BP 70/40",
    "pt fainted during SIJ injection, came round after legs up, but now HR 38 and grey and sweaty. what now?",
    "fainted during the SIJ injection, came round, feels fine. what do I do now?",
    "pt fainted during L4/5 TFESI, came round, feels fine, now can't move her legs"])
def test_a_faint_not_over_keeps_its_banner(ward_engine, question):  # type: ignore[no-untyped-def]
    assert ward_engine.answer(question).urgent, question


def test_a_contrast_reaction_in_a_past_year_is_no_emergency(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("actually she had hives after CT contrast in 2019. list starts 9am, what regimen and what times?",
                        ["pre-assessment: pt says she's allergic to iodine and shellfish, booked L5/S1 TFESI with contrast. does she need premeds?"])
    assert not ans.urgent, ans.text
    assert any("13, 7 and 1 h" in b for b in _bullets(ans.text)), ans.text


def test_an_insulin_pens_name_is_an_insulin_treated_diabetic(ward_engine):  # type: ignore[no-untyped-def]
    question = ("telephone f/u: T2DM on lantus, had caudal w triamcinolone 80mg yesterday, BMs 19 this morning. is that "
                "expected and how long will it stay up?")
    ans = ward_engine.answer(question)
    assert not ans.abstained, ans.text
    assert any("day 4" in b for b in _bullets(ans.text)), ans.text


def test_the_patient_ringing_the_next_day_goes_on_with_her_story(ward_engine):  # type: ignore[no-untyped-def]
    before = "2型糖尿病打胰岛素，HbA1c 8.5%，下周排了骶管注射曲安奈德40mg，术前术后血糖要注意啥？打完血糖会高几天"
    q = ward_engine.frame("病人打完第二天打电话说早上空腹血糖16.2，慌了，要不要来急诊？", [before])
    assert q.followup and "triamcinolone" in q.context_concepts
    assert not ward_engine.answer(q.original, [before]).abstained


def test_a_simplified_question_keeps_its_own_characters():
    assert to_simplified("家属问是不是打坏了") == "家属问是不是打坏了"  # (t2s reads 坏 as the Traditional variant of 坯)
    assert to_simplified("椎體成形術後骨水泥滲漏") == "椎体成形术后骨水泥渗漏"
    assert to_simplified("PVP術後复查") == "PVP术后复查"


def test_an_mrsa_screen_told_before_an_implant_asks_for_decolonisation(ward_engine):  # type: ignore[no-untyped-def]
    before = "pre-op for SCS implant next Mon: takes naproxen 500 bd, fish oil, ginkgo, sertraline 100. what to stop and when?"
    ans = ward_engine.answer("MRSA screen came back positive last week. anything else for the day?", [before])
    assert "decolonis" in _bullets(ans.text)[0], ans.text
    assert not any("naproxen" in b for b in _bullets(ans.text)), ans.text  # (the hold asked before is not asked again)


def test_a_consent_question_about_eyesight_brings_the_visual_harm(ward_engine):  # type: ignore[no-untyped-def]
    question = "consenting for epiduroscopy + adhesiolysis, pt asks if it could affect his eyesight. what do i say?"
    assert "visual-loss" in ward_engine.frame(question).concepts
    assert "visual-loss" in ward_engine.frame("做硬膜外腔镜前病人问会不会影响视力，怎么跟他说").concepts


def test_switching_to_another_approach_asks_the_two_compared(engine):  # type: ignore[no-untyped-def]
    before = ("consenting for C6/7 TFESI, pt read online about paralysis and stroke from these and is terrified. what figures "
              "can i actually give her?")
    q = engine.frame("would switching to an interlaminar approach be safer for her?", [before])
    assert {"interlaminar-esi", "transforaminal-esi", "cervical-spine"} <= set(q.concepts), q.concepts
    assert q.aspects == ("complications", "comparison"), q.aspects
    zh = engine.frame("换成椎板间入路会不会更安全？", ["颈椎C6/7 TFESI术前谈话，病人很怕瘫痪和中风"])
    assert {"interlaminar-esi", "transforaminal-esi"} <= set(zh.concepts), zh.concepts
    # (a switch not asked as safer keeps the swap: the procedure before is not compared)
    assert "transforaminal-esi" not in engine.frame("what about an interlaminar approach instead?", [before]).concepts


def test_the_same_dose_of_a_drug_asks_no_dose(engine):  # type: ignore[no-untyped-def]
    before = "labour ward: primip on clexane 40mg od, last dose 9h ago, screaming for an epidural. can I site it now?"
    question = "ok what about the caudal ESI I've got on my list tomorrow, pt on the same dose clexane - when's the last dose?"
    assert engine.frame(question, [before]).aspects == ("hold",)
    assert "no dose" not in engine.answer(question, [before]).text


@pytest.mark.parametrize(("question", "bloods"), [
    ("lumbar L3-5 medial branch RFA tomorrow, pt on warfarin for AF, INR 1.6 this morning. do I need to cancel? what bloods before",
     "coagulation tests in patients with renal or hepatic disease"),
    ("明天上午排了个L4/5 TFESI，72岁老太太房颤吃拜瑞妥15mg qd，另外还吃二甲双胍。术前要停啥药、抽哪些血？同意书上要特别交代啥", "凝血检查")])
def test_the_bloods_before_a_procedure_are_the_clotting_tests(engine, question, bloods):  # type: ignore[no-untyped-def]
    ans = engine.answer(question)
    assert any(bloods in b for b in _bullets(ans.text)), ans.text
    assert not any(line.startswith(">") and ("bloods" in line or "抽哪些血" in line) for line in ans.text.splitlines()), ans.text


def test_three_chinese_asks_listed_are_three_parts(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("明天上午排了个L4/5 TFESI，72岁老太太房颤吃拜瑞妥15mg qd。术前要停啥药、抽哪些血？同意书上要特别交代啥")
    assert len(q.parts) == 3 and "informed-consent" in q.concepts, [p.text for p in q.parts]
    assert len(engine.frame("病人SGB后头晕、恶心，正常吗").parts) == 1  # (a list of signs is one ask)


# Review 50: guards for each finding on the first version.
@pytest.mark.parametrize(("question", "history"), [
    ("After T6 TFESI, CXR shows a small pneumothorax and MRI shows an epidural haematoma at T6 - what next?", []),
    ("胸片少量气胸，另外MRI显示硬膜外血肿", []),
    ("IT pump implanted in 2019; after today's refill she's very drowsy with pinpoint pupils", []),
    ("pt is wheezing with facial swelling after gadolinium; she had hives to contrast back in 2015", []),
    ("SCS implanted in 2022, since yesterday her legs are weak and she can't pass urine", []),
    ("After the SGB she fainted, came round, feels fine, BP 72/40 (usually BP 125/80). Can she go?", []),
    ("Seizure after lido: HR 38, BP 70/40, gave atropine, BP now 110/70, HR 42, seizure stopped, she's asymptomatic. how long to keep her?", []),
    ("利多卡因后抽搐，给了咪达唑仑后不抽了，现在意识清楚，接下来怎麽办？", []),
    ("抽搐停了，血压心率都稳，现在怎么办？", ["颈椎注射利多卡因后病人突然抽搐"]),
    ("passed out after stellate ganglion block with bupivacaine, came round after 30 s, feels fine now. Discharge?", []),
    ("after the caudal she fainted, came round but then stopped breathing", []),
    ("CXR shows a large pneumothorax after thoracic paravertebral block", []),
    ("Repeat CXR shows the small apical pneumothorax has increased in size, she's comfortable. What next?", []),
    ("复查胸片少量气胸较前增多，病人没什么不舒服，要处理吗", [])])
def test_review_50_an_emergency_beside_the_new_calm_readings_keeps_its_banner(ward_engine, question, history):  # type: ignore[no-untyped-def]
    assert ward_engine.answer(question, history).urgent, question


def test_review_50_an_asymptomatic_central_embolus_is_not_given_the_peripheral_rule(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("CTPA after vertebroplasty shows a central cement embolus, patient asymptomatic - anticoagulate?")
    lead = _bullets(ans.text)[0]
    assert "asymptomatic central" in lead or "symptomatic or central" in lead, ans.text


def test_review_50_an_asked_alternative_is_not_put_second(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("What is the alternative algorithm from emergency medicine for cement emboli?")
    assert "alternative algorithm" in _bullets(ans.text)[0], ans.text


def test_review_50_antibiotics_for_an_infection_told_are_no_prophylaxis(engine):  # type: ignore[no-untyped-def]
    question = "how long should post-op antibiotics run now for this infected pocket?"
    q = engine.frame(question, ["SCS IPG implanted 3 weeks ago, pocket red, swollen and tender, T 38.4. What now?"])
    assert "antibiotic-prophylaxis" not in q.concepts, q.concepts
    assert "antibiotic-prophylaxis" not in engine.frame("术后伤口感染了，术后抗生素要用几天？").concepts


@pytest.mark.parametrize("question", ["only 13 hours left before the case - which regimen?", "还剩14个小时，用哪个方案？",
                                      "only 12 hours left before the procedure - which premed?"])
def test_review_50_hours_enough_for_an_oral_regimen_ask_no_urgent_one(engine, question):  # type: ignore[no-untyped-def]
    assert "urgent-premedication" not in engine.frame(question, [_PREMED]).concepts


@pytest.mark.parametrize("question", ["L5-S1有手术瘢痕，能不能换L4-5做椎板间？", "INR 1.8，要不要改期做SCS植入？"])
def test_review_50_planning_another_level_or_day_is_no_next_step(engine, question):  # type: ignore[no-untyped-def]
    assert "action" not in engine.frame(question).aspects


def test_the_plan_asked_after_a_small_pneumothorax_is_its_management(engine):  # type: ignore[no-untyped-def]
    question = ("T5 paravertebral this am, pt called from home - mild chest ache, went to ED, CXR small apical PTX ~1cm, sats "
                "97% RA, comfortable. what's the plan?")
    assert "action" in engine.frame(question).aspects
    assert "action" not in engine.frame("what's the plan for her apixaban before the SCS trial?").aspects  # (the drug's hold)


@pytest.mark.parametrize("question", [
    "PKP L1术中SpO2掉到86%，停推骨水泥吸氧后回到97%，CTPA：右下肺外周小骨水泥栓子，病人现在没症状，要不要抗凝？",
    "L1椎体成形术中血氧降到89%，停止注射并吸氧后回升到96%。CTPA显示外周小的骨水泥栓子，现在无症状，需要抗凝吗？"])
def test_a_chinese_embolus_told_without_symptoms_now_is_told_over(ward_engine, question):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(question)
    assert not ans.urgent and "无症状的外周型" in _bullets(ans.text)[0], ans.text
    assert ward_engine.answer(question.replace("没症状，", "没症状，但是又胸闷了，").replace("无症状，", "无症状，但是又胸闷了，")).urgent


def test_premedication_asked_with_its_doses_brings_the_regimen(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("病人去年做增强CT后起过全身荨麻疹，这次要做颈椎ILESI需要打造影剂，术前怎么预防用药")
    assert "泼尼松50 mg" in _bullets(ans.text)[0], ans.text


def test_the_punctures_own_step_follows_when_asked_a_day_later(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("昨天做了L5/S1椎板间ESI的病人今天打电话来，说一坐起来站着就头疼的厉害，躺下就好多了，术中好像有一次回抽见清亮液体。"
                             "要紧吗 先怎么处理")
    assert "一旦穿破硬脊膜" not in _bullets(ans.text)[0], ans.text
    now = ward_engine.answer("Doing an L4–5 ILESI with an 18G Tuohy and I get free CSF on loss of resistance. Can I just go ahead "
                             "and inject the steroid and lidocaine?")
    assert "must not be injected intrathecally" in _bullets(now.text)[0], now.text


# Round 216 (the less common procedures, technique-level safety).
def test_a_pumps_morphine_concentration_asked_against_the_maximum_is_answered(engine):  # type: ignore[no-untyped-def]
    for question in ("SynchroMed II refill today, pharmacy sent morphine 25 mg/mL and his daily dose is 12 mg/day. is 25 mg/mL "
                     "above the max concentration?", "吗啡鞘内的最大浓度和每天最大剂量是多少来着"):
        ans = engine.answer(question)
        assert not ans.abstained and "20 mg/mL" in _bullets(ans.text)[0], ans.text


def test_a_scope_said_bare_in_a_pain_list_is_the_epiduroscope(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("急！腔镜做到一半 病人突然说眼前发黑看不清 还脖子痛头痛 已经推了大概80ml盐水了，现在怎么办")
    assert ans.urgent and ans.pathway == "epiduroscopy-pressure", ans.text
    for other in ("腹腔镜做到一半病人", "宫腔镜检查", "胸腔镜手术后疼痛", "关节腔镜"):
        assert "epiduroscopy" not in ward_engine.frame(other).concepts, other


def test_hours_not_enough_after_premedication_turns_is_no_reaction_now(ward_engine):  # type: ignore[no-untyped-def]
    history = ["病人上次做增强CT碘海醇过敏 出了全身荨麻疹，这次要做颈椎TFESI 能不能改用钆剂", "那用碘造影剂的话 预处理激素怎么吃"]
    ans = ward_engine.answer("今天下午就要做 等不了13个小时 有快的方案吗", history)
    assert not ans.urgent and "甲泼尼龙40 mg" in _bullets(ans.text)[0], ans.text
    assert not ward_engine.answer(history[1], history[:1]).urgent


def test_coverage_lost_to_the_ribs_is_lead_migration(ward_engine):  # type: ignore[no-untyped-def]
    q = ward_engine.frame("SCS永久植入后2周，病人说麻感从腰腿跑到肋骨那边去了 覆盖不到痛的地方，咋回事 要查啥")
    assert "lead-migration" in q.concepts


def test_what_a_fast_push_does_after_the_rate_asked_is_a_follow_up(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("上次看别人30ml一分钟就推进去了 会有啥问题", ["硬膜外腔镜 做粘连松解的时候 生理盐水打多快合适？总量有没有上限 多少ml"])
    assert not ans.abstained and any("60 mmHg" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", ["利多卡因和罗哌卡因混着用的话 最大量怎么算", "if I mix lidocaine and ropivacaine, how do I work out the max dose?"])
def test_a_mixture_asked_leads_with_the_mixture_rule(ward_engine, question):  # type: ignore[no-untyped-def]
    lead = _bullets(ward_engine.answer(question).text)[0]
    assert "混合" in lead or "mixed" in lead, lead


def test_switching_the_pumps_drug_beside_a_granuloma_brings_the_drugs_own_rate(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("换成氢吗啡酮是不是就不会长肉芽肿了？", ["吗啡泵植入3年 最近半年一直加量 镇痛越来越差，这两周还出现双下肢麻 走路有点不稳，要考虑啥"])
    assert any("8.7%" in b for b in _bullets(ans.text)), ans.text


def test_intermediate_risk_is_never_a_stroke(engine):  # type: ignore[no-untyped-def]
    assert not engine.answer("TFESI算高风险还是中风险操作？").urgent
    assert "stroke" not in engine.frame("这个手术抗凝要按高风险还是中风险管理").concepts
    assert engine.answer("颈椎TFESI后病人突然中风了，口角歪斜").urgent


def test_this_procedure_after_a_declined_one_is_declined_too(engine):  # type: ignore[no-untyped-def]
    for before, question in (("椎体基底神经射频消融（BVN ablation, Intracept）主要风险有哪些？", "这个手术抗凝要按高风险还是中风险管理"),
                             ("basivertebral nerve ablation - main risks?", "how should anticoagulants be managed for this procedure?")):
        assert engine.answer(question, [before]).verdict == "out_of_scope", question
    assert engine.answer("how should anticoagulants be managed for this procedure?", ["L4/5 TFESI tomorrow"]).verdict != "out_of_scope"


def test_a_different_patient_takes_no_scene_from_the_last(ward_engine):  # type: ignore[no-untyped-def]
    history = ["how fast can we run saline through the epiduroscope? we usually just hand-push 20 mL syringes. is there a max total volume?",
               "what if she says her neck hurts and vision is blurry halfway through"]
    ans = ward_engine.answer("different pt - racz neuroplasty tmrw, anything I must check before I put the 10% hypertonic saline in?", history)
    assert not ans.urgent, ans.text
    assert ward_engine.answer("another patient in recovery now has tinnitus and perioral tingling after lido", ["seizing after bupi SGB"]).urgent


def test_the_2nd_badge_asked_after_a_pregnant_colleagues_dose_is_the_fetal_dosimeter(engine):  # type: ignore[no-untyped-def]
    history = ["I'm 14/40 pregnant and on the discography list all week. how much more fluoro does a discogram use vs an ILESI, and "
               "can I stay in the room with lead on?", "what's my fetal dose limit? we're in the US btw"]
    assert "fetal-dosimeter" in engine.frame("where do I wear the 2nd badge?", history).concepts


def test_dose_increases_told_in_numbers_bring_the_granuloma_first(engine):  # type: ignore[no-untyped-def]
    before = ("SynchroMed II refill today, pharmacy sent morphine 25 mg/mL and his daily dose is 12 mg/day. is 25 mg/mL above "
              "the max concentration?")
    ans = engine.answer("he's also had rising pain around T10 dermatome despite 3 dose increases over 2 months and says his legs "
                        "feel heavy. could that be related?", [before])
    assert ans.urgent and "catheter-tip granuloma" in ans.escalation, ans.escalation


# Review 51: guards for each finding on the round-216 version.
@pytest.mark.parametrize(("question", "history"), [
    ("another patient now, exactly the same thing is happening - what do I do?", ["pt seizing after bupivacaine SGB, what do I do"]),
    ("另一个病人现在也出现同样的情况了 怎么办", ["星状神经节阻滞推布比卡因后病人抽搐了 怎么办"]),
    ("turned out the needle was intravascular, lipid already running - what next?", ["pt seizing after bupi SGB, what do I do"]),
    ("grabbed the anaesthetist from the other case next door, midazolam given - what next?", ["pt seizing after bupi SGB, what do I do"]),
    ("刚推完造影剂 病人喉咙发紧 喘不上气 预处理激素方案是什么", []),
    ("这个手术做完 病人双腿没力了 怎么办", ["椎体基底神经射频消融主要风险有哪些？"]),
    ("TFESI后突然中风险些没救回来 现在还在ICU 下一步怎么处理", [])])
def test_review_51_an_emergency_beside_the_new_readings_keeps_its_banner(ward_engine, question, history):  # type: ignore[no-untyped-def]
    assert ward_engine.answer(question, history).urgent, question


@pytest.mark.parametrize(("question", "absent"), [
    ("每个椎体骨水泥最大量多少ml", "20 mg/mL"), ("血补片最大量多少ml", "20 mg/mL")])
def test_review_51_a_volume_ceiling_is_never_the_pumps_morphine(ward_engine, question, absent):  # type: ignore[no-untyped-def]
    assert absent not in _bullets(ward_engine.answer(question).text)[0]


@pytest.mark.parametrize(("question", "concept"), [
    ("下周要做腔镜甲状腺手术 阿司匹林要停几天", "epiduroscopy"), ("腔镜手术做到一半 气腹后病人心率掉到40 血压70 怎么办", "epiduroscopy"),
    ("消毒范围覆盖不到穿刺点周围5cm 会增加感染吗", "lead-migration"), ("射频消融的毁损范围覆盖不到内侧支怎么办", "lead-migration"),
    ("骨水泥混合用的话 多久开始推", "local-anaesthetic-mixture"), ("caffeine max daily dose for PDPH?", "maximum-dose")])
def test_review_51_everyday_words_name_no_concept_of_ours(engine, question, concept):  # type: ignore[no-untyped-def]
    assert concept not in engine.frame(question).concepts, question
