"""Round 240 (a regional spinal centre and its referrers: an orthopaedic registrar, a cardiology nurse, a theatre
coordinator, a locum, a palliative care team, a practice nurse; English and Chinese), with the rest of round 239: drowsy
again after naloxone gets the watch, the family asking how an overdose happened gets the refill error, a mass at the
catheter tip on the scan is the granuloma's treatment, a headache that changed with a weak hand is the dural puncture's
intracranial red flags, how long a sign lasts is not how long relief lasts, and words (是不是很常见, 咋跟他们说, "does it
ever cause problems", the stimulation moved, a pump patient's own harm beside their operation)."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer, aspects_of
from assistant.lexicon import load_lexicon
from assistant.safety import triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.fixture(scope="module")
def pump_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("pump-240", ("intrathecal-drug-delivery", "esi-general", "spinal-haematoma"))


# ---------------------------------------------------------------- the pump patient's thread

_OVERDOSE_ZH = "急诊内科值班 来了个带鞘内吗啡泵的 上午刚在疼痛门诊加完药 现在叫不太醒 呼吸8次/分 瞳孔针尖样"
_OVERDOSE_EN = "pall care team. pt w ITDD morphine pump refilled this pm by visiting nurse, now v drowsy, RR 6, pinpoint pupils"


def test_asleep_again_after_naloxone_with_what_now_gets_the_watch(pump_engine):  # type: ignore[no-untyped-def]
    ans = pump_engine.answer("纳洛酮0.4推了 醒了十几分钟又睡过去了 咋整", [_OVERDOSE_ZH])
    assert ans.urgent and ans.pathway == "idd-overdose" and "24 小时" in ans.text, ans.text


def test_the_rescue_told_given_goes_on_with_the_patient(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("naloxone 400mcg given, RR up to 14 but she's drifting off again 30 min later", [_OVERDOSE_EN])
    assert q.followup and "intrathecal-pump" in q.context_concepts


def test_the_family_asking_whether_it_was_filled_wrong_gets_the_refill_error(pump_engine):  # type: ignore[no-untyped-def]
    ans = pump_engine.answer("family asking could the pump have been filled wrong - what do we say?",
                             [_OVERDOSE_EN, "naloxone 400mcg given, RR up to 14 but she's drifting off again 30 min later"])
    assert ans.urgent and "wrong port" in ans.text, ans.text


@pytest.mark.parametrize(("question", "aspect"), [("wife asking how this could happen - is it the pump breaking?", "mechanism"),
                                                  ("家属还问骨水泥漏出来是不是很常见", "frequency"), ("咋跟他们说", "advice"),
                                                  ("and does it ever cause problems", "complications")])
def test_asks_in_plain_words(question, aspect):  # type: ignore[no-untyped-def]
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    assert aspect in aspects_of(question, lang)


def test_a_mass_at_the_catheter_tip_on_the_scan_is_the_granulomas_treatment(pump_engine):  # type: ignore[no-untyped-def]
    ans = pump_engine.answer("MRI增强看到导管尖端有个团块 下一步怎么处理", ["癌痛病人鞘内吗啡一直在加量 止痛越来越差 最近还说双腿发麻 是泵坏了吗"])
    assert ans.urgent and "改为生理盐水" in _bullets(ans.text)[0], ans.text
    en = pump_engine.answer("MRI shows mass at catheter tip with cord compression. she's palliative, prognosis months - what are the options apart from surgery",
                            ["ITDD pt (morphine, cath tip ~T7), pain escalating over 2 months despite dose ups, and now new numbness both legs"])
    assert "switch to saline" in _bullets(en.text)[0], en.text


def test_a_pump_patients_own_harm_beside_their_operation_is_answered(pump_engine):  # type: ignore[no-untyped-def]
    ans = pump_engine.answer("pt with intrathecal baclofen pump coming in for elective hip replacement, anaesthetist asking "
                             "what happens if the pump alarms / runs dry while she's on the ward?")
    assert ans.verdict != "out_of_scope" and "withdrawal" in ans.text, ans.text


# ---------------------------------------------------------------- a dural puncture's headache that changed

@pytest.mark.parametrize(("before", "question", "lang"), [
    ("昨天做的腰段IL 今天一坐起来就头疼", "刚护士说她头疼变了 躺着也疼 还吐了两次 左手有点没劲", "zh"),
    ("ILESI yesterday, postural headache since", "now the headache is constant even lying down, vomited twice and her left hand is weak", "en")])
def test_a_changed_headache_with_a_weak_hand_is_the_intracranial_red_flags(engine, before, question, lang):  # type: ignore[no-untyped-def]
    ans = engine.answer(question, [before])
    assert ans.urgent and ans.pathway == "dural-puncture-red-flags", ans.text


def test_weak_legs_after_an_ilesi_stay_the_spinal_deficit():  # type: ignore[no-untyped-def]
    assert triage("ILESI yesterday, now headache constant and both legs weak", "en").rule == "neuraxial-deficit"


# ---------------------------------------------------------------- how long a sign lasts

def test_how_long_the_numbness_lasts_is_not_how_long_relief_lasts(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("facet-240", ("facet-mbb-rfa",))
    ans = eng.answer("多久能好？这种情况多见不", ["做完第三枕神经射频 病人说后脑勺一片麻 走路有点发飘 是不是做坏了"])
    assert "297" not in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize(("question", "concept"), [("后脑勺一片麻", "numbness"), ("走路有点发飘", "ataxia"),
                                                  ("刺激的感觉位置变了 没以前那么覆盖了", "lead-migration"),
                                                  ("could the pump have been filled wrong", "medication-error")])
def test_words_for_the_picture(framer, question, concept):  # type: ignore[no-untyped-def]
    assert concept in framer.frame(question).concepts


# ---------------------------------------------------------------- the scene two turns back, sequelae, the cement's family

def test_lost_vision_and_a_weak_hand_after_the_cervical_tf_two_turns_back_is_its_stroke(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("tf-240", ("esi-transforaminal", "esi-general", "spinal-haematoma"))
    ans = eng.answer("刚推完药病人说眼睛看不清 右手抬不起来了！！", ["颈椎TF 想用得宝松 效果持久点 可以吗", "推造影看到血管显影了 接下来怎么弄"])
    assert ans.urgent and ans.pathway == "esi-stroke", ans.text


@pytest.mark.parametrize(("question", "lang"), [("会不会留后遗症", "zh"), ("any lasting damage?", "en"), ("will it be permanent?", "en")])
def test_sequelae_asked_are_the_complications(question, lang):  # type: ignore[no-untyped-def]
    assert "complications" in aspects_of(question, lang)


def test_the_family_asking_how_common_a_leak_is_after_the_clopidogrel_thread(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("pkp-240", ("vertebral-augmentation", "anticoagulants"))
    ans = eng.answer("家属还问骨水泥漏出来是不是很常见，咋跟他们说",
                     ["骨科的，85岁老太 T12压缩骨折 准备做PKP，一直在吃波立维，要停几天？", "那术后啥时候能恢复吃？家属问能不能第二天就吃"])
    assert "氯吡格雷" not in ans.text and "渗漏" in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- review 64

@pytest.mark.parametrize("question", ["L4/5 ILESI this morning, bladder scan shows 900 ml and she hasn't passed urine since",
                                      "caudal epidural this morning, bladder scanned at 850 ml, not voided",
                                      "after the caudal he has bowel op'd twice without feeling it"])
def test_a_bladder_scan_or_the_bowels_told_are_still_signs(question):  # type: ignore[no-untyped-def]
    assert triage(question, "en").rule == "neuraxial-deficit"


def test_heel_and_toe_walking_told_fine_is_no_deficit():  # type: ignore[no-untyped-def]
    assert not triage("medial branch RFA 5 days ago, burning numb skin over the lower back, he can heel walk and toe walk fine, "
                      "power 5/5 - normal?", "en").urgent


def test_fever_and_weak_legs_days_after_a_tf_in_chinese_are_no_cord_infarct():  # type: ignore[no-untyped-def]
    assert triage("做完TF三天 发烧39度 腰痛 双腿无力", "zh").rule == "neuraxial-deficit"
    assert triage("刚做完颈椎TF 病人突然四肢不能动", "zh").rule == "esi-stroke"


@pytest.mark.parametrize(("question", "pathway"), [("带着鞘内泵的病人要做肠镜 现在嗜睡 呼吸浅慢 瞳孔针尖样", "idd-overdose"),
                                                   ("has an intrathecal baclofen pump, booked for a hysterectomy; since yesterday itching, high tone and agitation",
                                                    "baclofen-withdrawal")])
def test_our_pumps_emergency_beside_their_procedure_keeps_its_banner(pump_engine, question, pathway):  # type: ignore[no-untyped-def]
    ans = pump_engine.answer(question)
    assert ans.urgent and ans.pathway == pathway, ans.text


@pytest.mark.parametrize("question", ["pt with SCS in situ for gastroscopy tomorrow - the pocket is tender and oozing, no fever",
                                      "pt on clopidogrel for a colonoscopy next week, then being implanted with a permanent SCS in March - how long to hold for the implant?"])
def test_our_harm_or_our_implant_ahead_stays_ours(engine_over, question):  # type: ignore[no-untyped-def]
    eng = engine_over("implant-240", ("spinal-cord-stimulation", "anticoagulants", "infection-control"))
    assert eng.answer(question).verdict != "out_of_scope"


def test_polyethylene_glycol_is_no_gastrostomy(framer):  # type: ignore[no-untyped-def]
    assert "gastrostomy" not in framer.frame("is the polyethylene glycol (PEG) in Depo-Medrol a problem if it goes intrathecal?").concepts
    assert "gastrostomy" in framer.frame("SCS pt needs a PEG next week").concepts


def test_a_haematoma_shown_with_a_fever_keeps_its_recovery_figures(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("haem-240", ("esi-general", "spinal-haematoma", "anticoagulants"))
    ans = eng.answer("will he walk again?", ["ILESI on apixaban yesterday; now legs weak, MRI shows epidural haematoma at L2-3, temp 38.1"])
    assert "47%" in ans.text and "no recovery figure for an epidural abscess" not in ans.text, ans.text


@pytest.mark.parametrize("question", ["how far away from the exiting nerve root should the RF tip be?",
                                      "after a lumbar ESI will she be able to walk out to the car herself?"])
def test_distance_and_walking_in_other_senses_are_not_radiation_or_recovery(framer, question):  # type: ignore[no-untyped-def]
    concepts = framer.frame(question).concepts
    assert "inverse-square-law" not in concepts and "neurological-recovery" not in concepts


def test_a_negation_at_a_terms_end_is_no_slip(framer):  # type: ignore[no-untyped-def]
    assert framer.frame("造影剂分不清是血管内还是硬膜外").concepts == framer.frame("造影剂看不清是血管内还是硬膜外").concepts


def test_do_i_have_to_leave_the_room_gets_the_answer_for_any_staff(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("rad-240", ("radiation-contrast",))
    ans = eng.answer("do I have to leave the room when they screen?")
    assert "need not leave the room" in _bullets(ans.text)[0], ans.text


def test_an_amount_written_before_its_drug_is_that_drugs():  # type: ignore[no-untyped-def]
    from assistant.worked import las_told
    assert las_told("20ml of 0.25% bupivacaine, plus 10ml of 1% lidocaine") == [("bupivacaine", 20.0, 0.25), ("lidocaine", 10.0, 1.0)]


def test_a_mixture_told_with_its_amounts_is_checked_whatever_the_ask(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("60kg, planning 10ml 0.5% bupi plus 10ml 2% lido for a caudal - ok?")
    assert "= 250 mg, counted as bupivacaine" in ans.text and "above the 120 mg worked" in ans.text, ans.text


@pytest.mark.parametrize("question", ["can you give me the bleeding risk and hold times for a radial artery line insertion on apixaban?",
                                      "桡动脉穿刺前利伐沙班要停吗"])
def test_a_radial_artery_line_is_another_specialtys_with_its_own_holds(engine, question):  # type: ignore[no-untyped-def]
    ans = engine.answer(question)
    assert ans.verdict == "out_of_scope" and "3 days" not in ans.text and "3 天" not in ans.text, ans.text
