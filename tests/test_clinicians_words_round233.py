"""Round 233 (a pain fellow's teaching week, English and Chinese) and what the fifty-eighth session left weak: a "why"
of a choice is answered by the difference between the two (their particles), not only by the rule."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.fixture(scope="module")
def tf_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("tf-233", ("esi-transforaminal", "esi-general", "esi-interlaminar-caudal"))


# ---------------------------------------------------------------- why one drug rather than the other

@pytest.mark.parametrize("question", ["why dex and not kenalog for TFESI?",
                                      "why do we use dexamethasone rather than depo-medrol for cervical TF?"])
def test_why_one_steroid_rather_than_the_other_asks_why_and_keeps_both(framer, question):  # type: ignore[no-untyped-def]
    part = framer.frame(question).parts[0]
    assert part.aspects[0] == "mechanism", part.aspects
    assert "dexamethasone" in part.concepts and {"triamcinolone", "methylprednisolone-acetate"} & set(part.concepts), part.concepts


def test_a_drug_told_as_not_taken_is_still_left_out(framer):  # type: ignore[no-untyped-def]
    assert "clopidogrel" not in framer.frame("pt is on aspirin and not clopidogrel, ok for TFESI?").concepts


def test_why_use_extension_tubing_stays_how_the_step_is_done(framer):  # type: ignore[no-untyped-def]
    assert framer.frame("why do we use extension tubing for TFESI?").parts[0].aspects[0] == "prevention"


@pytest.mark.parametrize("question", ["why is dexamethasone preferred over depo-medrol for cervical TF?",
                                      "why dex and not kenalog for TFESI?"])
def test_why_one_steroid_leads_with_the_particles_that_set_them_apart(tf_engine, question):  # type: ignore[no-untyped-def]
    first = _bullets(tf_engine.answer(question).text)[0]
    assert "aggregat" in first and "whereas" in first, first


# ---------------------------------------------------------------- a cement embolism read on the CTPA, then how common it is

_PCE_THREAD = ("nurse: pt 2h post L1 vertebroplasty now SOB, sats 88% on air, HR 120, chest tight. what do i do",
               "CTPA shows cement in a segmental PA branch, hes stable on 2L now. do we anticoagulate?")


@pytest.fixture(scope="module")
def cement_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("cement-233", ("vertebral-augmentation", "evidence-disagreements"))


def test_cement_read_in_a_pulmonary_artery_branch_on_the_ctpa_is_a_cement_embolism(framer):  # type: ignore[no-untyped-def]
    assert "pulmonary-cement-embolism" in framer.frame(_PCE_THREAD[1], [_PCE_THREAD[0]]).concepts


def test_how_common_asked_after_a_cement_embolism_gives_the_embolism_rate(cement_engine):  # type: ignore[no-untyped-def]
    first = _bullets(cement_engine.answer("family asking how common this is", list(_PCE_THREAD)).text)[0]
    assert "pulmonary cement embolism" in first.lower() and "leak" not in first.lower(), first


# ---------------------------------------------------------------- a stellate block's neck swelling, told hours later

_SGB_TURN = "护士：8床上午做的右侧星状 回来说嗓子哑 喝水有点呛 右眼皮耷拉着 瞳孔小 这正常吗"


@pytest.fixture(scope="module")
def neck_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("neck-233", ("cervical-thoracic-sympathetic", "ultrasound-pneumothorax"))


def test_a_neck_growing_tighter_after_a_stellate_block_is_the_airway_haematoma(neck_engine):  # type: ignore[no-untyped-def]
    ans = neck_engine.answer("已经快7个小时了 还是哑 现在又说脖子右边越来越胀 有点喘不上气", [_SGB_TURN])
    assert ans.urgent and ans.pathway == "airway-haematoma", ans.text


@pytest.mark.parametrize("question", ["已经快7个小时了 还是哑 现在又说脖子右边越来越胀",
                                      "麻醉科来看了 说是颈部血肿 气道暂时没事 为什么会出血"])
def test_hours_later_or_a_consultants_verdict_goes_on_with_the_same_patient(framer, question):  # type: ignore[no-untyped-def]
    q = framer.frame(question, [_SGB_TURN])
    assert q.followup and "stellate-ganglion-block" in q.context_concepts, (q.followup, q.context_concepts)


def test_a_droopy_eyelid_is_ptosis(framer):  # type: ignore[no-untyped-def]
    assert "ptosis" in framer.frame("now the LEFT eyelid is droopy too").concepts


# ---------------------------------------------------------------- another specialty's operation asked beside ours

def test_the_rates_of_a_microdiscectomy_asked_beside_a_tfesi_are_not_given_ours(tf_engine):  # type: ignore[no-untyped-def]
    text = tf_engine.answer("pt weighing a lumbar microdiscectomy vs another TFESI, whats the dural tear and infection rate "
                            "for the microdiscectomy?").text
    assert "Not covered in the knowledge base: whats the dural tear and infection rate for the microdiscectomy" in text, text
    assert "compare microdiscectomy and" in text and "spinal fusion" not in text, text


# ---------------------------------------------------------------- when the drugs start again after the trial leads are in

def test_after_the_trial_leads_are_in_when_do_the_drugs_start_is_one_restart_ask(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("那测试电极放好以后呢 克赛和华法林什么时候开始", ["机械二尖瓣 华法林 INR 2.6 下周一SCS测试 华法林怎么停 要不要桥接"])
    assert len(q.parts) == 1, q.parts


def test_a_swapped_level_of_the_ask_before_is_still_its_own_part(framer):  # type: ignore[no-untyped-def]
    assert len(framer.frame("颈椎的呢 腰椎要停几天").parts) == 2


def test_after_the_trial_leads_are_in_the_restart_leads(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("那测试电极放好以后呢 克赛和华法林什么时候开始",
                        ["机械二尖瓣 华法林 INR 2.6 下周一SCS测试 华法林怎么停 要不要桥接", "桥接用克塞1mg/kg q12h 最后一针什么时候打"])
    first = _bullets(ans.text)[0]
    assert "恢复" in first and "24 小时" in first, first


def test_whether_to_anticoagulate_a_cement_embolism_is_asked_though_a_drug_was_stopped_before(cement_engine):  # type: ignore[no-untyped-def]
    ans = cement_engine.answer("CTPA回来了 右下肺动脉分支有骨水泥 人现在稳定了 sat 96 要不要抗凝？他术前刚停的波立维",
                               ["12床 下午PKP两个节段 回病房4个小时了 突然喘 说胸口痛 心率120 sat 90% 吸着氧"])
    lines = _bullets(ans.text)
    assert "抗凝" in lines[0], lines[0]
    assert any("肝素" in b for b in lines), ans.text


# ---------------------------------------------------------------- a haematoma confirmed: how fast, and will she recover

@pytest.fixture(scope="module")
def haematoma_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("haematoma-233", ("spinal-haematoma", "anticoagulants", "esi-interlaminar-caudal", "esi-general"))


def test_the_chance_of_recovering_asked_beside_the_theatre_is_answered_with_its_figures(haematoma_engine):  # type: ignore[no-untyped-def]
    ans = haematoma_engine.answer(
        "MRI confirms epidural haematoma. how fast does she need to go to theatre and whats her chance of recovering?",
        ["RN msg 2am: pt back from L3/4 ILESI this morning, now says both legs feel heavy and numb, hasnt passed urine since, back pain severe",
         "she's on enoxaparin 40mg od for VTE prophylaxis - ward gave last dose 6h before the procedure"])
    assert ans.urgent, ans.text
    assert "47%" in ans.text and "decompression" in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- a spinal injection asked of under ultrasound instead

@pytest.fixture(scope="module")
def us_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("us-233", ("esi-transforaminal", "esi-general", "esi-interlaminar-caudal", "radiation-contrast", "ultrasound-pneumothorax"))


@pytest.mark.parametrize(("history", "question", "unseen"), [
    ("28F, 14/40 pregnant, severe L5 radiculopathy w/ foot drop weakness, can we do a TFESI for her?",
     "could we do it under US instead to avoid the radiation?", "partially blind"),
    ("孕22周 L5S1突出 左腿痛得睡不了 产科说能不能打个硬膜外激素 透视对胎儿有影响吗", "那不用C臂 改超声引导打骶管可以吗", "部分盲")])
def test_a_spinal_injection_under_ultrasound_instead_leads_with_what_ultrasound_cannot_show(us_engine, history, question, unseen):  # type: ignore[no-untyped-def]
    ans = us_engine.answer(question, [history])
    assert unseen in _bullets(ans.text)[0], ans.text


def test_a_pregnant_patients_follow_up_gets_no_staff_fetal_dose_limit(us_engine):  # type: ignore[no-untyped-def]
    ans = us_engine.answer("那不用C臂 改超声引导打骶管可以吗", ["孕22周 L5S1突出 左腿痛得睡不了 产科说能不能打个硬膜外激素 透视对胎儿有影响吗"])
    assert "0.5 mSv" not in ans.text, ans.text


def test_ultrasound_for_a_stellate_block_is_not_told_it_is_blind(framer, us_engine):  # type: ignore[no-untyped-def]
    ans = us_engine.answer("is ultrasound guidance better than landmarks for a stellate ganglion block?")
    assert "partially blind" not in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- the chance of paralysis: the audit's count, not a steroid's

@pytest.mark.parametrize(("question", "figure"), [
    ("pt asking whats the actual chance of getting paralysed from a lumbar TFESI - what number do i quote her?", "16,638"),
    ("医生我要做腰椎TF打针 听说激素打进去会瘫痪？几率多大啊", "16,638")])
def test_the_chance_of_paralysis_leads_with_the_audits_count(tf_engine, question, figure):  # type: ignore[no-untyped-def]
    first = _bullets(tf_engine.answer(question).text)[0]
    assert figure in first and "31/94" not in first, first


# ---------------------------------------------------------------- why a procedure's bleeding-risk grade is what it is

@pytest.mark.parametrize(("question", "reason"), [
    ("why is a perc SCS trial classed high bleeding risk anyway? its just two leads", "grade reflects"),
    ("规培问 为啥做SCS要停波立维7天 腰椎内侧支阻滞就不用停？道理在哪", "分级依据")])
def test_why_a_procedure_is_graded_leads_with_what_the_grade_rests_on(engine, question, reason):  # type: ignore[no-untyped-def]
    ans = engine.answer(question)
    assert reason in _bullets(ans.text)[0] and "道理在哪" not in ans.text, ans.text


def test_a_bare_why_after_an_ask_is_merged_into_it_as_its_reason(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("为啥做SCS要停波立维7天 腰椎内侧支阻滞就不用停？道理在哪")
    assert len(q.parts) == 1 and "mechanism" in q.parts[0].aspects, q.parts


# ---------------------------------------------------------------- both drugs of the thread, restarted

def test_restart_both_asks_of_every_drug_the_thread_named(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("when can she restart both after", [
        "84F on Eliquis 5mg bd + Plavix (AF and old stroke), booked L4/5 TFESI next wk. how many days off each?",
        "her CrCl is 28 - does that change the apixaban hold?"])
    assert {"apixaban", "clopidogrel"} <= set(q.concepts), q.concepts


def test_both_sides_is_no_second_drug(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("can we do both sides today?", ["pt on aspirin for a stent, R stellate ganglion block done"])
    assert "clopidogrel" not in q.concepts


def test_a_last_dose_told_hours_before_the_procedure_brings_its_interval_beside_the_steps(haematoma_engine):  # type: ignore[no-untyped-def]
    ans = haematoma_engine.answer(
        "she's on enoxaparin 40mg od for VTE prophylaxis - ward gave last dose 6h before the procedure",
        ["RN msg 2am: pt back from L3/4 ILESI this morning, now says both legs feel heavy and numb, hasnt passed urine since, back pain severe"])
    assert ans.urgent and "12 h" in ans.text and "prophylactic" in ans.text, ans.text


# ---------------------------------------------------------------- a block's sign on the side not blocked

@pytest.mark.parametrize(("history", "question"), [
    ("pt just had R stellate ganglion block, coughing when sipping water and voice is hoarse. normal??",
     "now the LEFT eyelid is droopy too, small pupil on that side"),
    (_SGB_TURN, "现在左边眼皮也耷拉了 瞳孔也小")])
def test_a_stellate_blocks_sign_on_the_other_side_leads_with_it_being_unusual(neck_engine, history, question):  # type: ignore[no-untyped-def]
    first = _bullets(neck_engine.answer(question, [history]).text)[0]
    assert "ontralateral" in first or "对侧" in first, first


def test_a_sign_on_the_blocked_side_is_not_the_other_side():  # type: ignore[no-untyped-def]
    from assistant.frame import sign_on_the_other_side
    assert not sign_on_the_other_side("now the right eyelid is droopy", "en", ["R stellate ganglion block done at 9"])
    assert sign_on_the_other_side("now the left eyelid is droopy", "en", ["R stellate ganglion block done at 9"])


# ---------------------------------------------------------------- "what is this" of a picture told

@pytest.mark.parametrize(("question", "lang"), [("20床昨天C7-T1 IL 今天一坐起来就头痛 后脖子紧 躺平就好 这是啥", "zh"),
                                                ("headache when she sits up, gone lying flat. what is this?", "en")])
def test_what_is_this_of_a_picture_asks_what_it_is_and_how_it_shows(question, lang):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert aspects_of(question, lang, pictured=True)[:1] == ("recognition",)


def test_what_a_named_thing_is_stays_its_definition(framer):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert aspects_of("what is PDPH?", "en", pictured=True) == ("definition",)
    assert "recognition" not in framer.frame("the vial says Diprospan - what is this?").aspects


def test_a_postural_headache_after_an_il_asked_what_it_is_leads_with_how_pdph_shows(engine):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer("20床昨天C7-T1 IL 今天一坐起来就头痛 后脖子紧 躺平就好 这是啥").text)[0]
    assert "表现" in first and "经椎间孔" not in first, first


def test_why_a_headache_came_after_an_uneventful_procedure_is_not_answered_with_its_red_flags(engine):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer("why would that happen if the procedure note says no problems?", [
        "pt day 2 after lumbar ILESI has a headache thats awful when she sits up and goes away lying flat, what is this"]).text)[0]
    assert "Red flags" not in first and "dur" in first, first


def test_a_diagnosis_made_after_others_are_excluded_names_no_mechanism():  # type: ignore[no-untyped-def]
    from assistant.compose import MECHANISM_NAMED
    assert not MECHANISM_NAMED.search("Red flags require evaluation for meningitis before the headache is attributed to PDPH.")
    assert MECHANISM_NAMED.search("Catastrophic injuries are attributed to injection into a radicular artery.")


# ---------------------------------------------------------------- round 234: a thread's picture goes on through its counselling

def test_rf_burning_pain_the_next_day_is_its_neuritis(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("pt had L4/L5 RFA yesterday, now burning pain + numb patch over the buttock/lateral thigh. is that normal or do i worry")
    assert "post-ablation-neuritis" in q.concepts, q.concepts


def test_a_chat_spelling_of_should_is_no_unknown_subject(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("what imaging shld we order", ["pt with morphine intrathecal pump 6 yrs, keeps needing dose increases but pain "
                                                    "no better and now some numbness + tingling in both legs. anything to worry abt?"])
    assert "shld" not in q.unknown and q.followup, (q.unknown, q.followup)


def test_red_flags_supposed_of_the_patient_with_a_wet_tap_lead_with_the_red_flag_steps(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("那如果她头痛还发烧 脖子硬呢", ["颈椎IL做完第二天 病人说头痛 一坐起来就痛 躺下就好多了 正常吗", "一般多久能好 要不要给她打血补丁"])
    first = _bullets(ans.text)[0]
    assert "发热" in first and "警示" in first, ans.text


@pytest.mark.parametrize(("history", "question", "pathway"), [
    (("L4/5左侧TF做完第二天 家属打电话说他左腿没劲 走路拖着 今天早上还尿不出来", "他一直在吃拜阿司匹灵 术前没停 是这个原因吗"),
     "家属问会不会瘫 怎么跟家属交代", "neuraxial-deficit"),
    (("腰椎IL ESI做完第5天 病人打电话说腰越来越痛 发烧38.5 有糖尿病 打胰岛素的", "门诊先给他开点头孢 观察两天行不行"),
     "他说离得远不想来 怎么劝", "implant-infection")])
def test_what_to_tell_the_family_or_how_to_persuade_keeps_the_pathway(haematoma_engine, history, question, pathway):  # type: ignore[no-untyped-def]
    ans = haematoma_engine.answer(question, list(history))
    assert ans.urgent and ans.pathway == pathway, ans.text


def test_will_he_be_paralysed_while_the_deficit_goes_on_asks_how_it_turns_out(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("家属问会不会瘫 怎么跟家属交代", ["L4/5左侧TF做完第二天 家属打电话说他左腿没劲 走路拖着 今天早上还尿不出来"])
    assert "neurological-recovery" in q.concepts
    assert "neurological-recovery" not in framer.frame("医生我要做腰椎TF打针 听说激素打进去会瘫痪？几率多大啊").concepts


def test_what_to_tell_her_after_a_settled_faint_stays_calm(ward_engine_234):  # type: ignore[no-untyped-def]
    ans = ward_engine_234.answer("she's fine now, what do I tell her about next time?",
                                 ["pt went pale and sweaty and fainted during her ESI, HR 45, BP 80/40"])
    assert not ans.urgent, ans.text


@pytest.fixture(scope="module")
def ward_engine_234(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("ward-234", ("patient-selection-monitoring", "esi-general", "spinal-haematoma", "infection-control"))


def test_the_time_window_for_surgery_asks_when_and_gets_no_reassuring_series(haematoma_engine):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert aspects_of("whats the time window for surgery if its a bleed", "en")[:1] == ("timing",)
    assert aspects_of("减压手术的时间窗是多久", "zh")[:1] == ("timing",)
    ans = haematoma_engine.answer("whats the time window for surgery if its a bleed", [
        "phone f/u day 3 post L5/S1 TFESI - pt says fever 38.5, back pain getting worse and legs feel weak this morning",
        "she restarted her apixaban the day after the injection, does that change anything"])
    assert ans.urgent and "none of 275" not in ans.text and "12 h" in ans.text, ans.text


@pytest.fixture(scope="module")
def implant_233(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("implant-233", ("spinal-cord-stimulation", "infection-control", "esi-general"))


def test_the_patients_diabetes_and_smoking_told_beside_an_infected_implant_are_its_risk_factors(implant_233):  # type: ignore[no-untyped-def]
    ans = implant_233.answer("she's diabetic and still smokes - does that matter",
                             ["SCS implant 10 days ago, pt rang saying IPG wound is red, hot and oozing, temp 38.2"])
    assert ans.urgent and any("smoking" in b and "diabetes" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question", ["他说最近刺激感觉跑偏了 原来在腿现在跑到肚子上 是不是要重新程控"])
def test_stimulation_felt_in_another_place_is_lead_migration_not_a_pump_refill(framer, question):  # type: ignore[no-untyped-def]
    q = framer.frame(question, ["SCS植入术后3个月的病人 骨科要给他做腰椎MRI 能做吗"])
    assert "lead-migration" in q.concepts and "pump-refill" not in q.concepts, q.concepts


def test_raising_a_pumps_morphine_asked_with_its_ceiling_is_one_ask_and_no_unknown(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("那现在吗啡浓度还能往上加吗 最大多少", ["吗啡泵装了5年了 最近一直加量也不管用 这两周还说两条腿发麻 走路没以前稳"])
    assert not q.unknown and len(q.parts) == 1 and "limit" in q.parts[0].aspects, (q.unknown, q.parts)


@pytest.mark.parametrize("question", ["装了scs的病人 心内科说要装起搏器 两个会不会互相干扰",
                                      "pt has an SCS, cardiology want to put in a pacemaker - will the two devices interfere with each other?"])
def test_whether_two_implanted_devices_interfere_is_not_covered(implant_233, question):  # type: ignore[no-untyped-def]
    text = implant_233.answer(question).text
    assert text.startswith(("Not covered", "未涵盖")) and "9.1%" not in text, text


def test_a_warfarin_hold_is_said_for_procedures_that_call_for_it(rf_233):  # type: ignore[no-untyped-def]
    text = rf_233.answer("pt on warfarin INR 2.8 for mechanical mitral valve, booked for lumbar MBB. stop and bridge?").text
    assert "Warfarin is stopped about 5 days before a pain procedure that calls for stopping it" in text, text


@pytest.fixture(scope="module")
def rf_233(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("rf-233", ("facet-mbb-rfa", "anticoagulants"))


def test_what_the_patient_can_take_for_it_asks_the_treatment():  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert aspects_of("what can she take for it?", "en")[:1] == ("action",)


@pytest.mark.parametrize("question", ["术后能吃什么", "SGB后嗓子哑 能吃点什么药吗"])
def test_what_she_can_eat_or_take_for_an_expected_effect_is_no_rescue(question):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "action" not in aspects_of(question, "zh")


def test_why_an_overdose_followed_a_refill_gives_the_port_error_before_why_pumps_matter(implant_engine):  # type: ignore[no-untyped-def]
    ans = implant_engine.answer("why would that happen after a routine refill? reservoir vol looked right",
                                ["refill clinic: pt had ITDD morphine refill 20 min ago, now v drowsy, RR 7, pinpoint pupils. what do i do"])
    lines = _bullets(ans.text)
    port = next(i for i, b in enumerate(lines) if "wrong port" in b)
    matters = next((i for i, b in enumerate(lines) if "safety matters because" in b), len(lines))
    assert port < matters, ans.text


# ---------------------------------------------------------------- review 61's guards

@pytest.mark.parametrize("question", ["颈椎间盘突出越来越大 还能做颈椎硬膜外注射吗", "病人脖子上的淋巴结越来越大 三个月了 能做星状神经节阻滞吗",
                                      "颈后鼓包（富贵包）的病人做颈椎硬膜外注射有影响吗", "甲状腺术后的病人 颈部越来越大的包块 能做星状吗",
                                      "颈椎术后的病人 脖子前面一直鼓起一块 能做颈椎硬膜外吗"])
def test_a_lump_or_disc_growing_for_months_is_no_airway_haematoma(question):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(question, "zh", frozenset({"stellate-ganglion-block"})).rule != "airway-haematoma"


def test_the_neck_itself_thickening_after_a_stellate_block_is(framer):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage("星状做完1小时 脖子逐渐变粗 说话声音变了", "zh", frozenset({"stellate-ganglion-block"})).rule == "airway-haematoma"


@pytest.mark.parametrize("question", ["lateral fluoro shows cement in the segmental vein - stop?", "CTPA done - no cement seen, PE ruled out",
                                      "CTPA没看到骨水泥"])
def test_a_vein_filling_on_the_table_or_a_clear_ctpa_is_no_cement_embolism(framer, question):  # type: ignore[no-untyped-def]
    assert "pulmonary-cement-embolism" not in framer.frame(question, ["T10 vertebroplasty in progress, patient comfortable"]).concepts


@pytest.mark.parametrize("question", ["PKP术前停了华法林 术后需要抗凝吗", "椎体成形术前停了氯吡格雷 术后需要抗凝吗 什么时候吃回去",
                                      "椎体成形术前刚停的阿司匹林 术后要抗凝吗"])
def test_a_drug_stopped_before_the_procedure_asked_after_it_is_its_restart_not_a_treatment(question):  # type: ignore[no-untyped-def]
    from assistant.frame import asks_to_anticoagulate
    assert not asks_to_anticoagulate(question)


@pytest.mark.parametrize(("history", "question", "drug"), [
    ("she takes ticagrelor and aspirin after a stent 2 years ago", "each of them - how long before the ILESI?", "icagrelor"),
    ("SIJ injection tomorrow, on rivaroxaban and aspirin", "both of them ok to continue?", "spirin")])
def test_each_or_both_of_the_drugs_told_just_before_keeps_them(engine, history, question, drug):  # type: ignore[no-untyped-def]
    text = engine.answer(question, [history]).text
    assert drug in text and "ilostazol" not in text, text


@pytest.mark.parametrize(("history", "question"), [("R SGB 20 min ago", "on the other hand her eyelid is drooping a lot - is that a bad sign?"),
                                                   ("R SGB this morning", "she left with her eye still droopy, husband calling now 6h later - normal?")])
def test_other_and_left_in_other_senses_tell_no_sign_on_the_other_side(history, question):  # type: ignore[no-untyped-def]
    from assistant.frame import sign_on_the_other_side
    assert not sign_on_the_other_side(question, "en", [history])


def test_a_why_after_a_class_named_before_is_not_the_grades_reason(implant_233):  # type: ignore[no-untyped-def]
    first = _bullets(implant_233.answer("why does the lead migrate so often?", ["SCS trial - that's a high bleeding risk procedure right?"]).text)[0]
    assert "grade reflects" not in first, first


def test_a_drug_list_continued_while_is_no_side_by_side_reason(engine):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer("why do we stop clopidogrel 7 days but apixaban only 3 days?").text)[0]
    assert "275" not in first, first


# ---------------------------------------------------------------- round 235: in theatre

def test_a_rising_block_after_a_caudal_with_breathing_felt_short_is_the_high_block():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage("20 min after caudal w 15ml 0.25% bupi + depomedrol, pt says hands tingly, arms heavy and feels like she cant take "
                  "a deep breath. sats 94", "en").rule == "total-spinal"
    assert triage("L4/5 ILESI yesterday, today both legs weak and cant pass urine", "en").rule == "neuraxial-deficit"


def test_a_rescue_never_needed_is_no_drug_asked_and_the_watch_leads(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("never needed the lipid, symptoms gone in 10 min, no arrhythmia. how long do we keep her in recovery before the ward / home?",
                        ["halfway thru US guided stellate, 6ml 0.5% bupi in, she says her mouth tastes like metal and ears are ringing. twitchy",
                         "she's 58kg. exact lipid numbers pls - bolus, rate, max"])
    first = _bullets(ans.text)[0]
    assert "2 h" in first and "4–6 h" in first, ans.text


def test_subdural_or_intrathecal_asked_apart_is_the_subdural_injection(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("O2 on, BP ok, its a block not a bleed surely - block going up. subdural vs intrathecal, how do i tell?",
                     ["20 min after caudal w 15ml 0.25% bupi + depomedrol, pt says hands tingly, arms heavy"])
    assert "subdural-injection" in q.concepts and len(q.parts) == 1 and q.parts[0].aspects[0] == "recognition", q.parts


@pytest.mark.parametrize(("question", "rule"), [("L5/S1 TF 回抽见血了 咋办 还能接着打吗", "不得继续注射"),
                                                ("颈椎IL C6-7 生理盐水LOR 回抽有清亮液体 应该是CSF 激素还没推 现在咋弄", "绝不能把硬膜外剂量")])
def test_a_sign_on_the_needle_asked_what_now_leads_with_the_rule_to_stop(tf_engine, question, rule):  # type: ignore[no-untyped-def]
    assert rule in _bullets(tf_engine.answer(question).text)[0]


def test_a_shock_on_the_needle_settled_once_pulled_back_is_a_calm_sedation_question(engine_over_sedation):  # type: ignore[no-untyped-def]
    history = ["doing C6/7 TF on the R, pt had 2mg midaz 50 fent, just yelped with electric shock down the arm as i advanced. havent injected anything yet"]
    calm = engine_over_sedation.answer("settled, pulled back. was that too much sedation for a cervical? how deep shld they be", history)
    assert not calm.urgent and "light" in _bullets(calm.text)[0], calm.text
    assert engine_over_sedation.answer("pulled back but now she cant move her right arm", history).urgent


@pytest.fixture(scope="module")
def engine_over_sedation(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("sedation-233", ("esi-transforaminal", "esi-interlaminar-caudal", "esi-general", "patient-selection-monitoring",
                                        "spinal-cord-stimulation", "spinal-haematoma"))


def test_a_chat_spelling_of_should_still_asks_to_anticoagulate(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("stabilised on 6L, CTPA shows small peripheral cement emboli. shld we anticoagulate?")
    assert q.aspects[:1] == ("action",), q.aspects


@pytest.mark.parametrize("question", ["家属问骨水泥漏出来这种事多吗", "翻过来抬腿 补液 阿托品0.5后好了 这种多常见啊 家属在外面问", "这种情况多不多"])
def test_how_often_such_a_thing_happens_is_a_frequency(question):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert aspects_of(question, "zh")[:1] == ("frequency",)


def test_the_familys_how_common_after_a_cement_embolism_thread_is_no_emergency(cement_engine):  # type: ignore[no-untyped-def]
    ans = cement_engine.answer("家属问骨水泥漏出来这种事多吗", ["PKP推骨水泥的时候病人突然呛咳 说胸闷 SpO2从98掉到88",
                                                       "CTPA看是肺外周几个小的栓子 现在不喘了 氧饱和96 要抗凝吗"])
    assert not ans.urgent and "39.3%" in ans.text, ans.text


def test_a_rescue_told_done_and_the_patient_better_goes_on_with_the_case(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("翻过来抬腿 补液 阿托品0.5后好了 这种多常见啊 家属在外面问", ["俯卧位TF刚打完 病人突然脸色煞白 一身冷汗 HR 42 BP 75/40 叫他反应慢 咋办"])
    assert q.followup and "transforaminal-esi" in q.context_concepts, (q.followup, q.context_concepts)


def test_a_seafood_allergy_told_after_a_contrast_reaction_is_asked_as_a_risk_factor(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("她说她海鲜也过敏 跟这个有关系不", ["刚推完碘海醇 病人前胸起了一片风团 说痒 血压心率还行 要处理吗", "她下个月还要来做RFA 需要预处理吗 激素怎么给"])
    assert "shellfish-allergy" in q.concepts and q.parts[0].aspects[0] == "risk_factors", q.parts


# ---------------------------------------------------------------- review 62's guards

@pytest.mark.parametrize("question", ["星状做完20分钟 脖子越来越大 说话声音也变了", "SGB后十分钟 颈部迅速鼓起一个包 越来越大", "脖子这儿越来越胀",
                                      "颈椎硬膜外注射后半小时 脖子越来越鼓 吞咽困难"])
def test_the_neck_growing_after_a_neck_block_in_other_words_is_the_airway_haematoma(question):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(question, "zh", frozenset({"stellate-ganglion-block"})).rule == "airway-haematoma"


def test_a_goitre_growing_for_months_before_a_block_next_week_is_no_emergency():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert not triage("病人甲状腺肿大半年了 脖子逐渐变粗 下周能做星状神经节阻滞吗", "zh", frozenset({"stellate-ganglion-block"})).urgent


def test_discharge_advice_after_the_emergency_was_told_over_stays_calm(implant_233):  # type: ignore[no-untyped-def]
    ans = implant_233.answer("what do I tell her before discharge?", [
        "SCS implant 10 days ago, pt rang saying IPG wound is red, hot and oozing, temp 38.2",
        "device explanted, 6 weeks of IV abx done, wound healed, CRP normal"])
    assert not ans.urgent, ans.text


@pytest.mark.parametrize("question", ["有起搏器的病人做射频消融 会不会干扰起搏器", "pacemaker pt for cervical medial branch RF - any crosstalk or interference issue?"])
def test_rf_beside_a_pacemaker_is_still_answered(rf_233, question):  # type: ignore[no-untyped-def]
    ans = rf_233.answer(question)
    assert not ans.abstained and ("pacemaker" in ans.text or "起搏器" in ans.text), ans.text


def test_a_blister_at_the_pad_is_no_neuritis(framer):  # type: ignore[no-untyped-def]
    assert "post-ablation-neuritis" not in framer.frame("射频后 负极板贴的地方火辣辣的 起了水泡").concepts


def test_a_bare_why_after_the_class_asks_what_the_grade_rests_on(engine):  # type: ignore[no-untyped-def]
    first = _bullets(engine.answer("why?", ["is an SCS trial classed as high bleeding risk?"]).text)[0]
    assert "grade reflects" in first, first


def test_a_feared_paralysis_at_consent_is_no_recovery_asked(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("会不会瘫 怎么跟他解释", ["下周做腰椎TF 病人很担心会截瘫"])
    assert "neurological-recovery" not in q.concepts


@pytest.mark.parametrize(("question", "lang"), [("CTPA: no clot but cement in a segmental PA branch", "en"), ("CTPA未见血栓 但段动脉内见骨水泥", "zh")])
def test_cement_read_on_the_ctpa_beside_a_clot_ruled_out_is_still_the_embolism(framer, question, lang):  # type: ignore[no-untyped-def]
    assert "pulmonary-cement-embolism" in framer.frame(question, ["L1 vertebroplasty this morning, now SOB"]).concepts


def test_how_do_i_tell_the_family_is_advice_not_telling_two_apart():  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "recognition" not in aspects_of("how do I tell the family?", "en")


@pytest.mark.parametrize(("question", "rule"), [
    ("SGB done 30 min ago, now her neck on the right is getting bigger and she sounds hoarse and a bit breathless", "airway-haematoma"),
    ("neck getting bigger over 3 months, can we do a stellate block next week?", "")])
def test_a_neck_getting_bigger_after_an_sgb_in_english_is_the_airway_haematoma(question, rule):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(question, "en").rule == rule
