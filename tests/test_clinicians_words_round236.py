"""Round 236 (a teaching hospital's night: a pain fellow, recovery, a spinal surgeon, haematology and cardiology, a
community nurse; English and Chinese): a follow-up asks its own question while the thread's picture goes on (the lead
moving after an infected pocket, the DOAC held while bridging is asked, the restart after the hold, the saline's volume
after a visual loss, how it turns out for the family), and words a clinician types (the operated level, epidurals a
year, 脑梗过, 要紧不, a baclofen pump running low in a well patient, nothing injected yet)."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.compose import _score_out_of_band
from assistant.frame import Framer, aspects_of
from assistant.lexicon import load_lexicon
from assistant.safety import triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


# ---------------------------------------------------------------- a needle in, nothing injected yet (review 63)

@pytest.mark.parametrize(("question", "lang", "rule"), [
    ("thoracic medial branch block, needles placed but not yet injected, she suddenly became breathless with sharp left chest pain", "en", "pneumothorax"),
    ("巴氯芬泵还没开始加药，病人高热、肌肉僵硬、全身痒", "zh", "baclofen-withdrawal"),
    ("IT morphine pump refilled 30 min ago, now pinpoint pupils and RR 6, naloxone not yet injected", "en", "idd-overdose")])
def test_something_not_yet_done_never_ends_an_emergency(question, lang, rule):  # type: ignore[no-untyped-def]
    t = triage(question, lang)
    assert t.urgent and t.rule == rule, t


def test_a_procedure_tomorrow_is_not_now_getting_anything():  # type: ignore[no-untyped-def]
    assert not triage("pt had a seizure years ago and is now getting a stellate block tomorrow - is the seizure risk higher?", "en").urgent


# ---------------------------------------------------------------- the thread's picture goes on; the follow-up asks its own

@pytest.fixture(scope="module")
def tf_haematoma_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("tf-haem-236", ("esi-transforaminal", "esi-general", "spinal-haematoma", "anticoagulants"))


_TF_NIGHT = "夜班 下午做的L4/5 TF的老太太 现在说双下肢没劲 尿也解不出来 背痛得厉害 咋办"


def test_a_hold_judged_too_short_in_the_emergency_gets_the_drugs_interval(tf_haematoma_engine):  # type: ignore[no-untyped-def]
    ans = tf_haematoma_engine.answer("她一直吃拜瑞妥的 术前就停了2天 是不是停的不够", [_TF_NIGHT])
    assert ans.urgent and "3 天" in ans.text, ans.text


def test_the_scan_told_in_chinese_makes_it_the_haematoma_and_the_family_gets_the_recovery_figures(tf_haematoma_engine):  # type: ignore[no-untyped-def]
    ans = tf_haematoma_engine.answer("MRI说是硬膜外血肿 神外说马上手术 家属问会不会瘫 怎么跟家属讲", [_TF_NIGHT])
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text
    assert "47%" in ans.text, ans.text


def test_weak_legs_and_no_urine_in_chinese_are_the_deficit(framer):  # type: ignore[no-untyped-def]
    concepts = framer.frame(_TF_NIGHT).concepts
    assert {"weakness", "urinary-retention"} <= set(concepts), concepts


def test_will_she_walk_again_asks_how_it_turns_out_and_what_to_say(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("family asking if she'll walk again, what can I realistically say",
                     ["SCS trial leads put in this morning T9-10, pt now has new severe back pain and can't lift her legs"])
    assert "neurological-recovery" in q.parts[0].concepts and "advice" in q.parts[0].aspects, q.parts


@pytest.fixture(scope="module")
def scs_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("scs-236", ("spinal-cord-stimulation", "infection-control"))


@pytest.mark.parametrize(("history", "question"), [
    ("community nurse: SCS implanted 10 days ago, skin over the battery site red, warm, oozing a bit, temp 37.9. what should I do",
     "she also says the tingling has moved up from her legs to her tummy since yesterday - related?"),
    ("社区护士上门 一个装了脊髓电刺激器的阿姨 电池那块伤口红肿 有点渗液 体温37.8 要紧吗", "她还说现在刺激的麻感跑到肚子上了 腿上没有了")])
def test_the_leads_migration_told_beside_an_infected_pocket_is_answered_too(scs_engine, history, question):  # type: ignore[no-untyped-def]
    ans = scs_engine.answer(question, [history])
    assert ans.urgent, ans.text  # (the infection goes on)
    assert any(("impedance" in b or "阻抗" in b) for b in _bullets(ans.text)), ans.text


@pytest.fixture(scope="module")
def pump_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("pump-236", ("intrathecal-drug-delivery",))


@pytest.mark.parametrize(("history", "question"), [
    ("district nurse at home visit. pt has intrathecal morphine pump, refilled at clinic this morning. very drowsy, RR 7, pinpoint pupils",
     "gave 400mcg naloxone IM, woke up, now drifting off again 20 min later. how long do we need to watch him?"),
    ("社区 鞘内吗啡泵的大爷 今天上午医院刚给加完药 下午家属打电话说叫不太醒 呼吸很慢 一分钟六七次", "120来之前推了纳洛酮 醒了一会儿 又迷糊了 要观察多久")])
def test_drowsy_again_after_naloxone_stays_the_overdose_with_its_watch(pump_engine, history, question):  # type: ignore[no-untyped-def]
    ans = pump_engine.answer(question, [history])
    assert ans.urgent and ans.pathway == "idd-overdose", ans.text
    assert "24" in ans.text, ans.text


# ---------------------------------------------------------------- anticoagulant threads

_APIXABAN = ("haem reg: 74M on eliquis 5mg bd for AF, CrCl 45. pain list want to do L4/5 ILESI. how many days off?", "and when can he restart")


def test_bridging_asked_while_a_doac_is_held_keeps_the_doac(framer, engine):  # type: ignore[no-untyped-def]
    q = framer.frame("does he need bridging with LMWH while its held? CHADS2 3", list(_APIXABAN))
    assert "apixaban" in q.parts[0].inherited, q.parts
    first = _bullets(engine.answer("does he need bridging with LMWH while its held? CHADS2 3", list(_APIXABAN)).text)[0]
    assert "direct oral anticoagulant" in first, first


def test_a_told_score_outside_a_sentences_band_is_out_of_band():  # type: ignore[no-untyped-def]
    low = "AF without high-risk features (CHADS2 <4)"
    assert _score_out_of_band(low, "他CHADS2 5分 两个月前刚脑梗过")
    assert not _score_out_of_band(low, "CHADS2 3")
    assert not _score_out_of_band(low, "no score told")


def test_a_high_chads2_and_a_recent_stroke_lead_with_the_high_risk_list(framer, engine):  # type: ignore[no-untyped-def]
    history = ["血液科会诊。房颤老头吃华法林 INR 2.6，疼痛科约了下周腰椎IL硬膜外，华法林怎么停？要不要低分子肝素桥接"]
    assert "stroke-history" in framer.frame("他CHADS2 5分 两个月前刚脑梗过", history).concepts
    first = _bullets(engine.answer("他CHADS2 5分 两个月前刚脑梗过", history).text)[0]
    assert "高风险" in first, first


def test_when_the_drugs_go_back_on_gives_the_restarts(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("when can the warfarin and the treatment dose clexane go back on afterwards", [
        "Cardiology SpR. 60F mechanical mitral valve on warfarin, target INR 3.0, pain team planning permanent SCS implant. whats the plan",
        "what INR do they want on the morning of surgery"]).text
    assert "Warfarin is restarted" in _bullets(text)[0] and "LMWH is restarted" in text, text
    zh = engine.answer("那打完针啥时候恢复华法林 克赛啥时候开始打", [
        "血液科会诊。房颤老头吃华法林 INR 2.6，疼痛科约了下周腰椎IL硬膜外，华法林怎么停？要不要低分子肝素桥接", "他CHADS2 5分 两个月前刚脑梗过"]).text
    assert "恢复" in _bullets(zh)[0], zh


# ---------------------------------------------------------------- words a clinician types

def test_epidurals_per_year_asks_the_repeat_limit(framer):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" in framer.frame("he's already had 3 epidurals since Jan. is there a max number per yr").concepts


@pytest.mark.parametrize(("question", "lead"), [
    ("Spine surgeon. 6 mo post L4/5 decompression, persistent L5 radic. referred for ILESI - any issue injecting at the operated level?",
     "Previous surgery at the target level")])
def test_injecting_at_the_operated_level_leads_with_its_dural_puncture_risk(framer, engine, question, lead):  # type: ignore[no-untyped-def]
    part = framer.frame(question).parts[0]
    assert "prior-spinal-surgery" in part.concepts and "contraindications" in part.aspects, part
    first = _bullets(engine.answer(question).text)[0]
    assert lead in first, first


def test_the_operated_level_in_chinese_is_prior_spinal_surgery_asked_whether_safe(framer):  # type: ignore[no-untyped-def]
    part = framer.frame("腰椎减压术后半年 还有L5根性痛 想做椎板间硬膜外激素 在手术节段打有没有问题").parts[0]
    assert "prior-spinal-surgery" in part.concepts and "contraindications" in part.aspects, part


def test_an_issue_after_the_injection_is_no_contraindication():  # type: ignore[no-untyped-def]
    assert "contraindications" not in aspects_of("打完针腿麻有没有问题", "zh")


@pytest.mark.parametrize(("question", "lang"), [("病人明天想出院回老家 回去要交代啥", "zh"), ("what shud he come back to ED for", "en")])
def test_going_home_and_coming_back_for_are_the_discharge_advice(framer, question, lang):  # type: ignore[no-untyped-def]
    assert "discharge-advice" in framer.frame(question).concepts


@pytest.fixture(scope="module")
def misc_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("misc-236", ("epiduroscopy-adhesiolysis", "last", "vertebral-augmentation", "sacroiliac", "patient-selection-monitoring"))


def test_how_much_saline_told_after_a_visual_loss_gets_the_volumes(framer, misc_engine):  # type: ignore[no-untyped-def]
    history = ["复苏室 硬膜外腔镜刚做完的病人 说眼睛看东西模糊 脖子后面疼 头也疼"]
    part = framer.frame("手术记录写的术中冲了大概100多ml盐水 这个量多吗", history).parts[0]
    assert "saline" in part.concepts and "limit" in part.aspects, part
    text = misc_engine.answer("手术记录写的术中冲了大概100多ml盐水 这个量多吗", history).text
    assert "20–120" in text and "脂肪乳" not in text, text


def test_how_long_to_watch_after_an_sij_injection_is_not_lasts_watch(misc_engine):  # type: ignore[no-untyped-def]
    text = misc_engine.answer("那大概要观察多久才能让他走", ["骶髂关节注射完 病人说那条腿有点麻 站起来腿发软 正常吗 他说自己开车来的 能开回去吗"]).text
    assert "LAST" not in _bullets(text)[0], text


def test_will_a_lumbar_tf_paralyse_him_leads_with_the_audit(engine):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer("门诊病人问 腰椎TF打激素会不会打瘫痪 几率多大 我怎么跟他说比较好").text)[0]
    assert "16,638" in first, first


def test_yaojin_bu_asks_whether_it_is_expected():  # type: ignore[no-untyped-def]
    assert aspects_of("病人回病房说后脑勺一片麻 走路有点发飘 要紧不", "zh")[:1] == ("expected",)


# ---------------------------------------------------------------- a baclofen pump running low in a well patient

@pytest.mark.parametrize(("question", "lang", "urgent"), [
    ("community nurse - pt with intrathecal baclofen pump, low reservoir alarm, refill not due for 2 wks. pt seems ok", "en", False),
    ("上门看的病人鞘内泵里是巴氯芬，泵在报警说药快没了，家属说要下周才有空去医院加药，拖几天有没有关系？", "zh", False),
    ("baclofen pump low reservoir alarm and now he's stiff, febrile and itchy", "en", True),
    ("巴氯芬泵报警 病人发烧 全身发硬", "zh", True),
    ("baclofen pump low reservoir alarm, he's sweating and hallucinating", "en", True)])
def test_a_baclofen_pump_running_low_is_urgent_only_with_a_sign(question, lang, urgent):  # type: ignore[no-untyped-def]
    assert triage(question, lang, frozenset({"baclofen"})).urgent is urgent


def test_a_baclofen_pump_running_low_is_answered_with_the_withdrawal_it_heads_for(framer, pump_engine):  # type: ignore[no-untyped-def]
    question = "community nurse - pt with intrathecal baclofen pump, pump alarming, low reservoir alarm, refill not due for 2 wks. pt seems ok. what do i need to watch for"
    assert "baclofen-withdrawal" in framer.frame(question).parts[0].concepts
    ans = pump_engine.answer(question)
    assert not ans.urgent and "withdrawal" in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- a dose asked: the verified figure first; a scan told read

def test_lidocaines_maximum_leads_with_the_verified_figure(engine):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer("max dose lignocaine with adrenaline for skin infiltration before IPG implant, pt 58kg").text)[0]
    assert "6 mg/kg" in first and "unverified" not in first, first


def test_a_ctpa_told_read_is_not_answered_with_confirming_on_imaging(misc_engine):  # type: ignore[no-untyped-def]
    first = _bullets(misc_engine.answer("CTPA shows small peripheral cement emboli both lower lobes, sats ok now on 2L. do I anticoagulate?",
                                   ["did a T8 + T9 vertebroplasty this aft, pt now SOB sats 87% RA with pleuritic chest pain"]).text)[0]
    assert not first.startswith("Confirm"), first


# ---------------------------------------------------------------- round 237: a day-case unit and its referrers

def test_vitals_all_steady_after_a_seizure_asks_when_she_can_go_home(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("抽搐停了 咪达唑仑推过 现在BP HR都稳 今天日间能让他回家吗",
                        ["刚做完L5 TF 推了2ml 1%利多卡应加地米，病人说嘴巴周围发麻 耳鸣 然后开始抽了 怎么办", "体重80kg左右 脂肪乳具体怎么给"])
    assert not ans.urgent and "4–6" in _bullets(ans.text)[0], ans.text


def test_her_day_unit_discharge_after_the_toxicity_gets_its_watch(framer, engine):  # type: ignore[no-untyped-def]
    history = ["doing a caudal, just given 20ml 0.5% bupivacaine, pt now says ears ringing and tongue tingly, then HR dropped to 38 and BP 70/40",
               "shes 58kg how much intralipid exactly"]
    question = "ok stable now, sinus rhythm, BP back to normal. how long do we keep her on the day unit before d/c?"
    assert framer.frame(question, history).followup
    first = _bullets(engine.answer(question, history).text)[0]
    assert "LAST" in first and "4–6" in first, first


@pytest.mark.parametrize(("question", "history"), [
    ("下次再打要隔多久", ["全科 我一个糖尿病病人昨天在你们日间做了硬膜外激素 今天指尖血糖20多mmol 要紧吗", "一般高几天？要不要给他加胰岛素"]),
    ("he wants another one in 3 wks as this helped - too soon?",
     ["GP - T2DM on insulin, had lumbar epidural w triamcinolone 80mg yesterday, BMs 20-24 today. expected?", "how many days till it settles?"])])
def test_the_next_injection_asked_after_the_glucose_is_the_repeat_limit(framer, question, history):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" in framer.frame(question, history).concepts


def test_a_pregnant_workers_own_limit_asked_after_the_badge_is_the_fetal_limit(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("rad-237", ("radiation-contrast", "esi-general"))
    history = ["radiographer here. roughly how many seconds of screening for a caudal vs a discogram? trying to benchmark our list",
               "I've just found out I'm 10 wks pregnant - can I keep doing the pain lists?"]
    text = eng.answer("where do I wear the badge(s) then and what's my limit for the rest of the pregnancy?", history).text
    assert "mSv" in text and "Relative contraindications" not in text, text


def test_a_procedure_swapped_in_a_later_part_keeps_the_screening_time_asked(framer):  # type: ignore[no-untyped-def]
    parts = framer.frame("一般腰椎硬膜外一台透视大概多少秒？椎间盘造影呢").parts
    assert "radiation-exposure" in parts[0].concepts and "radiation-exposure" in parts[1].inherited, parts
    assert parts[0].aspects[:1] == ("magnitude",), parts


def test_whether_the_shellfish_is_relevant_is_its_own_part_answered(framer, engine_over):  # type: ignore[no-untyped-def]
    q = ("pt had hives w iv contrast at CT 2 yrs ago and also says shes allergic to shellfish. L4/5 TFESI tomorrow am - premed regime? "
         "and is the shellfish thing relevant")
    second = framer.frame(q).parts[1]
    assert "shellfish-allergy" in second.concepts and second.aspects[:1] == ("risk_factors",), second
    text = engine_over("contrast-237", ("radiation-contrast", "esi-transforaminal")).answer(q).text
    assert "shellfish allergy is not a specific risk factor" in text, text


@pytest.mark.parametrize(("question", "short"), [
    ("INR 1.6 this morning, warfarin held 4 days, booked for caudal epidural today - go ahead??", "held 4 days, procedure today: shorter than"),
    ("华法林停了4天 今天做腰椎硬膜外 INR 1.5 能做吗", "已停 4 天、今天操作：短于")])
def test_days_held_short_of_the_interval_are_said_so(engine, question, short):  # type: ignore[no-untyped-def]
    text = engine.answer(question).text
    assert short in text and "INR" in text, text


def test_days_held_with_the_procedure_next_week_say_nothing():  # type: ignore[no-untyped-def]
    from assistant.hold_check import elapsed_line
    sentence = "Warfarin is stopped about 5 days before a pain procedure, and a normalised INR is documented."
    assert elapsed_line("warfarin held 4 days, caudal next week", sentence, "en") == ""
    assert elapsed_line("warfarin held 6 days, caudal today", sentence, "en") == ""


@pytest.mark.parametrize(("question", "history", "flag"), [
    ("什么情况要让他马上回来急诊", ["C7-T1 IL做的时候LOR后回抽有清亮液体 应该是破了 针已经退了 药还没推 现在咋办", "第二天病人打电话说坐起来就头痛 躺下就好 咋处理"],
     "发热"),
    ("nurse: wet tap during his L4/5 ILESI this morning, now postural headache. he's going home - what should he come back for?", [],
     "Red flags")])
def test_when_a_headache_patient_comes_back_leads_with_its_own_red_flags(engine, question, history, flag):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer(question, history).text)[0]
    assert flag in first and ("postural" in first or "体位性" in first), first


# ---------------------------------------------------------------- round 238: a weekend's calls

def test_how_long_to_monitor_before_the_ward_after_a_toxicity_is_the_watch_not_a_drug_hold(framer, engine):  # type: ignore[no-untyped-def]
    history = ["doing US guided stellate, just injected 2ml bupi and pt started twitching then fitting!!",
               "fit stopped with 2mg midaz, BP 85/50 HR 48. she's 70kg. intralipid dose?"]
    question = "shes stable now, how long do i need to keep her monitored before the ward"
    assert "hold" not in framer.frame(question, history).aspects
    first = _bullets(engine.answer(question, history).text)[0]
    assert "4–6" in first, first


def test_fever_and_a_stiff_neck_supposed_after_a_postural_headache_lead_with_its_red_flags(framer, engine):  # type: ignore[no-untyped-def]
    history = ["昨天在市里打了腰椎硬模外激素 IL的 今天来急诊说坐起来就头疼 躺下就好 这是咋回事", "咖啡因能给多少？能不能先对症 等周一回去做血补丁"]
    part = framer.frame("那要是发烧了 脖子也硬呢", history).parts[0]
    assert part.aspects[:1] == ("action",) and "caffeine" not in part.concepts and "neck-stiffness" in part.concepts, part
    first = _bullets(engine.answer("那要是发烧了 脖子也硬呢", history).text)[0]
    assert "发热" in first and "体位性" in first, first


def test_whether_the_mri_can_wait_for_a_deficit_after_an_scs_trial_is_the_deficits_timing(framer, engine_over):  # type: ignore[no-untyped-def]
    history = ["外科病房值班 老太太前天做的SCS测试电极 今晚说腰背剧痛 两条腿越来越没劲", "她术后当天晚上就开始打克赛40mg了 有关系吗"]
    assert "implant-mri-conditions" not in framer.frame("MRI要明早才能做 能等到明早吗", history).concepts
    eng = engine_over("scs-haem-238", ("spinal-cord-stimulation", "spinal-haematoma", "anticoagulants"))
    ans = eng.answer("MRI要明早才能做 能等到明早吗", history)
    assert ans.urgent and ans.pathway == "neuraxial-deficit" and "12 小时" in ans.text, ans.text


def test_steroid_cover_asked_before_another_specialtys_operation_after_an_esi_leads_with_it(framer, engine_over):  # type: ignore[no-untyped-def]
    q = "骨科病房 病人两周前做了腰椎硬膜外 曲安奈德80mg 明天髋关节置换 需要激素覆盖吗"
    assert "esi" in framer.frame(q).concepts  # (the hip replacement is no procedure of ours beside the lumbar epidural)
    first = _bullets(engine_over("steroid-238", ("patient-selection-monitoring", "esi-general")).answer(q).text)[0]
    assert "补充糖皮质激素" in first, first


@pytest.mark.parametrize(("history", "question"), [
    (["星状神经节阻滞后病人心率慢、头晕"], "BP稳，HR 38，人有点迷糊"),
    (["TFESI中病人脸色苍白"], "BP稳 HR 40 出冷汗")])
def test_one_steady_reading_beside_a_slow_heart_is_no_picture_over(engine_over, history, question):  # type: ignore[no-untyped-def]
    ans = engine_over("faint-238", ("cervical-thoracic-sympathetic", "esi-transforaminal", "patient-selection-monitoring")).answer(question, history)
    assert ans.urgent, ans.text


# ---------------------------------------------------------------- review 63's guards

def test_two_drugs_days_held_are_not_read_for_either():  # type: ignore[no-untyped-def]
    from assistant.hold_check import elapsed_line
    sentence = "Clopidogrel is stopped 7 days before a pain procedure that calls for stopping it."
    assert elapsed_line("aspirin held 3 days and clopidogrel held 7 days, SCS trial today - ok?", sentence, "en") == ""


@pytest.mark.parametrize(("history", "question"), [
    (["ILESI 2 days ago, now febrile with new leg weakness and retention", "MRI: epidural abscess L2-L4"], "will he be paralysed? family asking"),
    (["seizure then VT after bupivacaine for an SGB, lipid given, ROSC after 4 min"], "family asking - will she make a full recovery?")])
def test_a_haematomas_recovery_shares_are_never_another_pictures(haem_engine, history, question):  # type: ignore[no-untyped-def]
    assert "47%" not in haem_engine.answer(question, history).text


@pytest.fixture(scope="module")
def haem_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("haem-r63", ("spinal-haematoma", "esi-interlaminar-caudal", "last", "infection-control"))


def test_the_family_asking_her_chances_after_a_decompressed_haematoma_gets_the_shares(haem_engine):  # type: ignore[no-untyped-def]
    text = haem_engine.answer("what can I realistically say to the family about her chances?",
                         ["lumbar ILESI, epidural haematoma on MRI, decompressed at 14 h"]).text
    assert "47%" in text, text


@pytest.mark.parametrize("question", [
    "she has an SCS implant and needs a lumbar MRI for her disc - radiology can't do it until next week, can it wait?",
    "pt with an IT pump needs a routine brain MRI for headaches - can it wait until the rep can be there next week?"])
def test_whether_a_routine_scan_can_wait_with_an_implant_is_still_its_labelling(framer, question):  # type: ignore[no-untyped-def]
    assert "implant-mri-conditions" in framer.frame(question).concepts


def test_another_steroid_is_no_repeat_injection(framer):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" not in framer.frame("if dexamethasone isn't available, can we use another one in a cervical TF?").concepts


def test_how_long_to_keep_her_in_recovery_after_a_rescued_toxicity_is_lasts_watch(engine):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer("现在BP HR都稳 意识清楚 要在复苏室看多久", ["推完布比卡因 病人抽了 推了咪达唑仑停了 脂肪乳推了100ml"]).text)[0]
    assert "4–6" in first, first
