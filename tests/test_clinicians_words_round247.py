"""Round 247 (a Thursday in a regional hospital: the emergency department seeing patients treated elsewhere, a
pre-assessment nurse, a pain consultant with a trainee in theatre, the stimulator and pump clinic, families on the phone;
English and Chinese): a restart after a low-risk procedure, a rate with no region asked, a hip injection out of scope, the
second part of a pregnant worker's or a contrast-allergic patient's question, a morphine pump after a baclofen thread, a
cement volume after a cement embolism, a blood patch's volume beside a what-if fever, the organism asked while waiting."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer, split_parts
from assistant.lexicon import load_lexicon


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.fixture(scope="module")
def thursday(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("thursday-247", ("anticoagulants", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal",
                                        "intrathecal-drug-delivery", "spinal-cord-stimulation", "radiation-contrast",
                                        "vertebral-augmentation", "pdph", "facet-mbb-rfa", "sacroiliac", "infection-control",
                                        "spinal-haematoma", "evidence-disagreements", "last",
                                        "cervical-thoracic-sympathetic", "patient-selection-monitoring"))


# ---------------------------------------------------------------- a restart after a low-risk procedure

@pytest.mark.parametrize("question, restart", [
    ("pt on warfarin, had lumbar facet RFA today, when can she restart", "Warfarin is restarted about 24 h"),
    ("病人吃华法林，今天做了腰椎内侧支射频，什么时候能恢复华法林", "华法林在术后约 24 小时恢复"),
])
def test_a_restart_after_a_low_risk_procedure_leads_with_the_restart_then_the_class(thursday, question, restart):  # type: ignore[no-untyped-def]
    ans = thursday.answer(question)
    bullets = _bullets(ans.text)
    assert restart in bullets[0], ans.text
    # (the procedure's low class follows, with the rule that it may need little change)
    assert any("low" in b or "低出血风险" in b for b in bullets[1:3]), ans.text


def test_recovering_from_numbness_is_no_drug_restart_asked():  # type: ignore[no-untyped-def]
    from assistant.compose import _RESTART_ASK
    assert _RESTART_ASK.search("什么时候能恢复华法林")
    assert not _RESTART_ASK.search("腿麻什么时候能恢复？")
    assert not _RESTART_ASK.search("感觉什么时候能恢复正常")


def test_a_restart_while_trial_leads_stay_in_says_the_sources_do_not_time_it(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("and when can he restart after the leads are in?", ["Pradaxa 150 bd, CrCl 50, SCS trial next wk - when to stop?"])
    assert "placing the trial lead or from removing it" in ans.text, ans.text


# ---------------------------------------------------------------- how common, no region asked

@pytest.mark.parametrize("question", ["how common is dural puncture with an ILESI",
                                      "how often do you get a wet tap doing an interlaminar epidural steroid injection",
                                      "ILESI打穿硬膜的概率多大"])
def test_a_rate_asked_of_no_region_leads_with_the_audit_of_every_level(thursday, question):  # type: ignore[no-untyped-def]
    first = _bullets(thursday.answer(question).text)[0]
    assert "16,638" in first, first


def test_a_rate_asked_of_the_neck_keeps_the_cervical_series(thursday):  # type: ignore[no-untyped-def]
    first = _bullets(thursday.answer("how common is dural puncture with a cervical ILESI").text)[0]
    assert "974" in first or "C5–C6" in first, first


def test_the_headache_after_a_wet_tap_is_still_the_headache_rate(thursday):  # type: ignore[no-untyped-def]
    first = _bullets(thursday.answer("How common is PDPH after a wet tap with a 14G Tuohy?").text)[0]
    assert "16–86%" in first, first


# ---------------------------------------------------------------- out of scope, and the second part kept

def test_a_hip_intra_articular_injection_is_out_of_scope(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("US guided hip intra-articular steroid in a pt on apixaban - ok to continue? and whats the septic arthritis rate")
    assert ans.abstained and "hip intra-articular" in ans.text, ans.text
    assert "3 days" not in ans.text and "discitis" not in ans.text, ans.text


def test_a_pregnant_workers_second_ask_is_answered(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("pregnant ST4 (12 wks) wants to keep doing fluoro pain lists. whats her dose limit and does she have to "
                          "step out of the room during screening?")
    assert "Not covered" not in ans.text and "need not leave the room" in ans.text, ans.text


def test_gad_is_gadolinium(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("pt had anaphylaxis to iodinated contrast at CT last yr, listed for L4/5 TFESI on Fri. premed regimen pls, "
                          "and is gad an option?")
    assert "Not covered" not in ans.text and "Gadolinium" in ans.text and "prednisone 50 mg" in ans.text, ans.text


# ---------------------------------------------------------------- emergencies and calm asks inside them

_BACLOFEN_THREAD = ["鞘内泵病人来急诊 泵在报警 是打巴录芬的 脑瘫小伙子 现在高烧 全身僵 心率130 啥情况", "口服巴氯芬能顶一下吗 给多少量"]


def test_a_morphine_pump_after_a_baclofen_thread_gets_the_opioid_banner(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("那如果是吗啡泵呢 昨天刚加完药 今天家属说叫不醒 呼吸很慢", _BACLOFEN_THREAD)
    head = ans.text.split("\n", 1)[0]
    assert ans.urgent and "阿片" in head and "巴氯芬" not in head, head
    # (what the family said is no ask of what to tell them)
    assert "交代" not in ans.text, ans.text


def test_a_baclofen_pump_still_gets_its_own_banner(thursday):  # type: ignore[no-untyped-def]
    head = thursday.answer("ITB pump refilled this am, now very drowsy and floppy, slow breathing").text.split("\n", 1)[0]
    assert "baclofen overdose" in head, head
    head = thursday.answer("switched her morphine pump to baclofen last month, refilled today and now drowsy, breathing slow").text.split("\n", 1)[0]
    assert "baclofen overdose" in head, head


@pytest.mark.parametrize("thread, question", [
    (["PKP T12 推水泥的时候病人说胸闷憋气 SpO2掉到88 咋办"], "一个椎体打多少ml水泥算安全"),
    (["during T11 kyphoplasty pt suddenly SOB, sats dropped 97->86, cement was going in on the L side."],
     "how much cement per level is considered safe anyway"),
])
def test_a_cement_volume_asked_right_after_an_embolism_keeps_the_steps_then_gives_the_volume(thursday, thread, question):  # type: ignore[no-untyped-def]
    ans = thursday.answer(question, thread)
    bullets = _bullets(ans.text)
    assert ans.urgent and ans.pathway == "cement-embolism", ans.text
    assert ("stop" in bullets[0].lower() or "停止" in bullets[0]) and "3.5–7 mL" in ans.text and "未给出" not in ans.text, ans.text


def test_a_cement_volume_asked_alone_is_a_calm_figure(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("一个椎体打多少ml水泥算安全")
    assert not ans.urgent and "3.5" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("thread, question", [
    (["吃华法林 TFESI后6小时 双腿无力 背痛剧烈 大小便解不出来"], "INR多少算安全"),
    (["吃华法林 TFESI后6小时 双腿无力 背痛剧烈 大小便解不出来"], "血小板多少算安全"),
    (["PKP术后2小时 双下肢无力 CT看水泥漏到椎管"], "每个椎体打多少水泥算安全"),
])
def test_a_safe_figure_asked_inside_a_grave_emergency_keeps_its_banner(thursday, thread, question):  # type: ignore[no-untyped-def]
    assert thursday.answer(question, thread).urgent


def test_a_what_if_after_an_ask_is_a_part_of_its_own():  # type: ignore[no-untyped-def]
    assert split_parts("血补丁抽多少ml血？她要是现在发烧了呢", "zh") == ["血补丁抽多少ml血？", "她要是现在发烧了呢"]


def test_a_blood_patchs_volume_is_given_beside_a_what_if_fever(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("补液+咖啡因两天了没用 血补丁抽多少ml血？她要是现在发烧了呢",
                          ["急诊 女35 3天前外院做的颈椎IL注射 现在头疼 坐起来就疼躺下好 恶心 耳朵嗡嗡的 这是啥情况"])
    assert ans.urgent and "12–20 mL" in ans.text and "未给出以下剂量" not in ans.text, ans.text


def test_the_organism_asked_while_waiting_is_no_timing_ask(framer, thursday):  # type: ignore[no-untyped-def]
    thread = ["64M had L4/5 ILESI at a private clinic 9 days ago, now T 38.6 and worsening LBP, T2DM, CRP 180. neuro exam grossly ok. "
              "what am i worried about & what imaging?",
              "MRI cant get him till tmrw am, legs still fine rn - ok to admit under med and scan in the morning?"]
    q = framer.frame("what bug am i covering for while waiting", thread)
    assert "timing" not in q.aspects, q.aspects
    ans = thursday.answer("what bug am i covering for while waiting", thread)
    assert not ans.abstained and "Staphylococcus aureus" in ans.text, ans.text


# ---------------------------------------------------------------- the second pass on round 247's calls

def test_oral_antibiotics_and_home_for_a_leaking_ipg_wound_leads_with_the_pocket_infection(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("SCS implanted 3 wks ago elsewhere, IPG wound now leaking cloudy fluid, edges red, afebrile, WCC 11. "
                          "can i just give fluclox and send home?")
    assert "explantation" in _bullets(ans.text)[0], ans.text


def test_a_treatment_and_discharge_judged_is_an_action_ask_not_a_contraindication(framer):  # type: ignore[no-untyped-def]
    assert framer.frame("can i just give fluclox and send home?").aspects[:1] == ("action",)
    assert framer.frame("can i just give dex instead?").aspects[:1] == ("contraindications",)


def test_a_relatives_when_to_come_back_after_a_lumbar_rf_is_not_the_thoracic_advice(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("那什么情况要马上回医院", ["医生你好 我爸上周三在你们这做了腰上射频 现在打针那块还是火辣辣的疼 有点麻 是不是做坏了"])
    assert "胸椎" not in _bullets(ans.text)[0], ans.text


def test_a_later_maximum_asked_beside_the_watch_keeps_its_dose(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("抽搐停了 血压心率稳 要观察多久能回病房？以后罗哌最大能打多少",
                          ["左侧星状节 刚推了2ml 0.5%罗哌 病人突然抽了 叫不应 怎么办", "65kg 脂肪乳咋给 最多给多少"])
    assert "罗哌卡因约 3 mg/kg" in ans.text and "未给出以下剂量" not in ans.text, ans.text


@pytest.mark.parametrize("question", ["家属来电：我妈糖尿病 昨天打了硬模外激素 今天血糖测了20多 要紧吗 要不要来医院"])
def test_a_high_glucose_the_day_after_leads_with_its_course_not_the_contraindications(thursday, question):  # type: ignore[no-untyped-def]
    first = _bullets(thursday.answer(question).text)[0]
    assert "禁忌" not in first and "血糖" in first, first


def test_how_to_time_the_bridging_is_a_part_of_its_own(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("68M on warfarin for mechanical mitral valve, booked for SCS trial in 2 wks. does he need bridging with "
                          "clexane and how do i time it")
    assert "**how do i time it**" in ans.text and "24 h before" in ans.text and "5 days" in ans.text, ans.text


def test_how_to_stop_warfarin_and_when_to_take_it_again_in_chinese(thursday):  # type: ignore[no-untyped-def]
    first = thursday.answer("华法林 机械二尖瓣 INR2.8 下月要植入鞘内泵 怎么停 要不要桥接")
    assert "停用 5 天" in _bullets(first.text)[0] and "肉芽肿" not in first.text, first.text
    ans = thursday.answer("术后克赛啥时候开 华法林啥时候吃回去", ["华法林 机械二尖瓣 INR2.8 下月要植入鞘内泵 怎么停 要不要桥接"])
    bullets = _bullets(ans.text)
    assert "恢复" in bullets[0] and any("华法林在术后约 24 小时恢复" in b for b in bullets), ans.text


def test_a_question_passed_on_asks_why(framer):  # type: ignore[no-untyped-def]
    assert "mechanism" in framer.frame("住院医问 为啥颈段TF不能用得宝松").aspects


def test_where_both_versions_of_a_figure_come_from_is_a_provenance_note():  # type: ignore[no-untyped-def]
    from assistant.compose import _provenance
    assert _provenance("由于两者来自该颈段TFESI研究的不同版本，这里同时列出。", "zh")
    assert _provenance("Both figures are quoted here because they come from different versions of the cervical TFESI report.", "en")


def test_a_spoken_yes_no_at_the_end_is_an_ask_of_its_own(thursday):  # type: ignore[no-untyped-def]
    parts = split_parts("右侧SGB做完 眼皮耷拉 瞳孔小 声音嘶哑 说喉咙有异物感 正常吗？病人想今天顺便左边也打了行不", "zh")
    assert len(parts) == 2 and parts[1].endswith("行不"), parts
    ans = thursday.answer("右侧SGB做完 眼皮耷拉 瞳孔小 声音嘶哑 说喉咙有异物感 正常吗？病人想今天顺便左边也打了行不")
    assert "双侧" in ans.text.split("**病人想今天顺便左边也打了行不**", 1)[-1], ans.text


# ---------------------------------------------------------------- review 69's look-alikes

@pytest.mark.parametrize("question", [
    "baclofen pump refilled today, she's also on oral morphine for her back, now drowsy with slow breathing",
    "ITB pump refill under fentanyl sedation, now very drowsy, RR 8",
])
def test_a_baclofen_pump_with_another_opioid_keeps_the_baclofen_banner(thursday, question):  # type: ignore[no-untyped-def]
    head = thursday.answer(question).text.split("\n", 1)[0]
    assert "baclofen overdose" in head, head


def test_gad_alone_is_no_gadolinium(framer):  # type: ignore[no-untyped-def]
    assert "gadolinium" not in framer.frame("pt with GAD on sertraline, having an SCS trial next week - stop the SSRI?").concepts
    assert "gadolinium" in framer.frame("hx anaphylaxis to iodinated contrast, is gad an option?").concepts


@pytest.mark.parametrize("question", ["告诉病人并发症的时候家属要不要回避", "can her partner stay in the room during the consent?"])
def test_a_family_stepping_out_is_no_radiation_question(framer, question):  # type: ignore[no-untyped-def]
    assert "inverse-square-law" not in framer.frame(question).concepts


def test_a_rate_at_a_named_cervical_level_keeps_the_cervical_series(thursday):  # type: ignore[no-untyped-def]
    first = _bullets(thursday.answer("dural puncture rate at C5-6 for interlaminar injections?").text)[0]
    assert "C5–C6" in first and "2.8%" in first, first


def test_the_headache_rate_after_a_puncture_is_the_headaches(thursday):  # type: ignore[no-untyped-def]
    first = _bullets(thursday.answer("打穿硬膜以后头痛的发生率多高").text)[0]
    assert "16–86%" in first, first


def test_a_restart_asked_before_a_low_risk_procedure_keeps_the_stop_first(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("on warfarin, lumbar facet RFA booked next Tuesday - when do I stop it and when can she restart?")
    assert "restarted about 24 h" not in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["骶髂关节注射后腿麻没劲，什么时候能恢复走路", "硬膜外注射曲安奈德80mg后，皮质醇多久能恢复到基线水平"])
def test_recovering_an_activity_or_a_level_is_no_drug_restart(thursday, question):  # type: ignore[no-untyped-def]
    assert "恢复用药时间" not in thursday.answer(question).text


def test_a_restart_asked_after_an_esi_leads_with_the_restart(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("ESI后多久能恢复抗凝")
    assert "恢复用药时间" not in ans.text and "24 小时后恢复" in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- round 248 (a Monday in a private pain practice)

_DEFICIT_CALL = ["pt had R L4/5 TFESI last tues, rang this am says R leg numb+weak since sat, getting worse, and cant pass urine "
                 "properly since last night. back pain bad",
                 "he's on eliquis 5 bd, we held 3 days and he restarted it wed morning"]


def test_what_to_tell_a_patient_who_wants_to_wait_keeps_the_emergency(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("ok what exactly do I tell him on the phone rn, he wants to wait for his GP", _DEFICIT_CALL)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text
    assert "held for 3 days" not in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", [
    "GI reg here - pt on clopidogrel for colonoscopy + probable polypectomy thurs. do we stop it 7 days like your pain procedures?",
    "neuro SHO - need LP for ?IIH on pt taking apixaban 5 bd, how long do I hold it. does your 3 day rule apply?",
    "神内也来问 腰穿 病人吃利伐沙班 照你们TF的规矩停3天行不",
])
def test_another_specialty_borrowing_our_rule_is_told_it_does_not_transfer(thursday, question):  # type: ignore[no-untyped-def]
    ans = thursday.answer(question)
    assert ans.abstained and ("Not covered" in ans.text or "未涵盖" in ans.text), ans.text
    assert "3 days" not in ans.text and "7 days" not in ans.text and "停用 3 天" not in ans.text, ans.text


def test_our_procedure_told_beside_theirs_is_still_answered(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("pt on xarelto for a TFESI and also a colonoscopy next week - how long to hold for the TFESI?")
    assert not ans.abstained and "3 days" in ans.text, ans.text


def test_a_what_if_after_a_declined_labour_epidural_stays_declined(thursday):  # type: ignore[no-untyped-def]
    thread = ["obs anaes on call - labouring woman on clexane 40 od for VTE prophylaxis, last dose 8h ago, wants epidural. can I site it yet?"]
    ans = thursday.answer("and if she'd been on treatment dose 1mg/kg bd?", thread)
    assert ans.abstained and "labour epidural" in ans.text, ans.text
    # (the same what-if after a procedure of ours is answered)
    ans = thursday.answer("and if she'd been on treatment dose 1mg/kg bd?", ["on clexane 40 od, TFESI tomorrow, when is the last dose"])
    assert not ans.abstained and "24 h" in ans.text, ans.text


def test_a_rate_comparison_of_the_routes_is_no_faint(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("病人问IL和TF哪个更安全 硬脊膜穿破和血管迷走各多少")
    assert not ans.urgent, ans.text
    ans = thursday.answer("quick one - ILESI vs TFESI lumbar, which has more wet taps and which more vasovagals?")
    assert not ans.urgent and "16,638" in _bullets(ans.text)[0], ans.text
    assert thursday.answer("推药时病人面色苍白 大汗 心率45").urgent


def test_an_sij_cooled_rf_consent_quotes_its_own_figures(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("骶髂关节 cooled RF 术前谈话 神经痛发生率多少？SIJ注射后腿麻常见吗")
    assert "第三枕" not in _bullets(ans.text)[0] and "430" in _bullets(ans.text)[0], ans.text
    ans = thursday.answer("ok fair. same lady also wants R SIJ lateral branch RF (cooled) - what do I quote for that, and does she need to "
                          "stop her aspirin 100?", ["consenting for bilat L3-L5 medial branch RFA this arvo, what complication rates do I quote"])
    assert "430 lesions" in _bullets(ans.text)[0], ans.text


def test_the_next_injection_too_soon_asks_the_interval_between_them(thursday):  # type: ignore[no-untyped-def]
    thread = ["diabetic pt (T2, metformin + lantus) had caudal ESI w triamcinolone 80 thurs, BGLs running 16-19 mmol since, feels ok "
              "otherwise. normal?", "how long will it stay up like this"]
    first = _bullets(thursday.answer("she's booked for the other side TFESI in 2 wks, too soon?", thread).text)[0]
    assert "6 months" in first or "1 month" in first, first


def test_too_soon_for_a_drug_is_no_repeat_limit(framer):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" not in framer.frame("ESI done this morning, on apixaban - is 6 pm too soon to restart?").concepts


def test_a_patient_told_pregnant_to_a_radiographer_is_no_pregnant_worker(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("放射科技师问 病人TF做完才说月经推迟两周 可能怀孕 这次透视对胎儿影响多大 要终止吗")
    assert "pregnant-staff" not in q.concepts, q.concepts
    assert "pregnant-staff" in framer.frame("放射技师怀孕了 还能进透视间吗").concepts


def test_a_clot_risk_told_after_the_bridging_ask_leads_with_whom_to_bridge(framer):  # type: ignore[no-untyped-def]
    history = ["血液科会诊。房颤老头吃华法林 INR 2.6，疼痛科约了下周腰椎IL硬膜外，华法林怎么停？要不要低分子肝素桥接"]
    assert "hold" not in framer.frame("他CHADS2 5分 两个月前刚脑梗过", history).aspects


def test_a_held_drug_told_after_the_antibiotics_asks_its_hold(thursday):  # type: ignore[no-untyped-def]
    thread = ["SCS trial consent - overall complication rate + what are the common ones? pt FBSS",
              "do we give abx for the trial and for how long after"]
    first = _bullets(thursday.answer("oh and he's on plavix, DES 4 months ago", thread).text)[0]
    assert "cardiology" in first, first


# ---------------------------------------------------------------- review 70's look-alikes

@pytest.mark.parametrize("question", [
    "刚才推药时血压掉到75/40 意识模糊 这种血管迷走发生率多少",
    "vasovagal rate for TFESI? patient is passing out now on the table",
    "LOC during L5 TFESI just now, came round quickly - how common are vasovagals with TF?",
    "刚才骶髂关节注射 病人昏倒了 血管迷走的发生率高吗",
])
def test_a_faint_told_beside_its_rate_keeps_the_banner(thursday, question):  # type: ignore[no-untyped-def]
    ans = thursday.answer(question)
    assert ans.urgent and ans.pathway == "vasovagal", ans.text[:200]


@pytest.mark.parametrize("question", ["IT morphine trial via LP, pt on clopidogrel, how long to stop?",
                                      "intrathecal baclofen trial by lumbar puncture next week, on aspirin 100 - hold it?"])
def test_an_intrathecal_trial_by_lumbar_puncture_stays_ours(framer, question):  # type: ignore[no-untyped-def]
    assert "diagnostic-lumbar-puncture" not in framer.frame(question).concepts


def test_a_restart_tomorrow_after_a_procedure_this_morning_is_no_procedure_ahead():  # type: ignore[no-untyped-def]
    from assistant.compose import _AHEAD
    assert not _AHEAD["en"].search("had L4-5 MBB this morning, on apixaban, can she restart tomorrow?")
    assert not _AHEAD["en"].search("lumbar RF scheduled for today went ahead fine, when can he restart?")
    assert _AHEAD["en"].search("lumbar facet RFA booked next Tuesday - when do I stop it and when can she restart?")


@pytest.mark.parametrize("question", ["踩线的时候我们需要回避吗", "should we step out of the room while they screen?"])
def test_staff_stepping_out_while_screening_is_where_to_stand(framer, question):  # type: ignore[no-untyped-def]
    assert "inverse-square-law" in framer.frame(question).concepts


def test_a_condition_told_after_the_procedure_keeps_its_own_caution(thursday):  # type: ignore[no-untyped-def]
    ans = thursday.answer("had a cervical ILESI 2 days ago and just found out she's pregnant")
    assert "pregnan" in ans.text.split("\n\n")[0].lower() or "pregnan" in _bullets(ans.text)[0].lower(), ans.text


def test_look_alike_words_are_no_hold_restart_or_rate(framer):  # type: ignore[no-untyped-def]
    from assistant.compose import _RESTART_ASK
    assert not _RESTART_ASK.search("术后多久能开工")
    assert "hold" not in framer.frame("脂肪乳怎么停").aspects
    assert "frequency" not in framer.frame("what do I quote as the reference for the max lidocaine dose?").aspects
    assert "lumbar-spine" not in framer.frame("胸椎旁阻滞后腰部酸胀 正常吗").concepts
