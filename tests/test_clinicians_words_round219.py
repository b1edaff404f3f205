"""Rounds 219 and 220: the clinic before a procedure and the calls after it, with what the last session left weak (the
needle to choose for a transforaminal injection, the wet-tap rule for a cervical epidural)."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets


@pytest.fixture(scope="module")
def esi_engine(engine_over):  # type: ignore[no-untyped-def]
    """The epidural injections beside the wet tap's headache and the anticoagulants."""
    return engine_over("esi-219", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "pdph", "anticoagulants",
                                   "spinal-haematoma", "last", "patient-selection-monitoring"))


@pytest.mark.parametrize("question", ["what needle type is safest for a TFESI?", "TFESI用什么针型？", "TFESI穿刺针类型怎么选？"])
def test_the_needle_asked_for_a_transforaminal_injection_leads_with_its_design(esi_engine, question):  # type: ignore[no-untyped-def]
    """Which needle is the choice that lowers intravascular injection (Whitacre over Quincke), not ultrasound or the steroid."""
    lead = _bullets(esi_engine.answer(question).text)[0]
    assert "OR 0.57" in lead, lead


@pytest.mark.parametrize(("question", "rule"), [
    ("颈椎硬膜外，穿刺时回抽有清亮液体慢慢滴出来，还能不能打激素？", "中止"),
    ("cervical epidural, clear fluid dripping back from the needle, can I still give the steroid?", "abort or redirect")])
def test_a_wet_tap_in_a_cervical_epidural_leads_with_abort_or_redirect(esi_engine, question, rule):  # type: ignore[no-untyped-def]
    """A cervical epidural is the interlaminar route's as well: its wet-tap rule is no other procedure's."""
    lead = _bullets(esi_engine.answer(question).text)[0]
    assert rule in lead, lead


@pytest.fixture(scope="module")
def harm_engine(engine_over):  # type: ignore[no-untyped-def]
    """The procedures a patient fears paralysis from, beside the neuraxial blocks' haematoma figures."""
    return engine_over("harm-219", ("vertebral-augmentation", "spinal-haematoma", "facet-mbb-rfa", "sacroiliac", "esi-general",
                                    "esi-transforaminal", "cervical-thoracic-sympathetic", "pdph", "patient-selection-monitoring"))


def test_a_pregnancy_told_in_the_case_is_the_contraindication_asked(esi_engine):  # type: ignore[no-untyped-def]
    """"…孕12周…能在C臂下做TFESI吗": whether it may be done under the C-arm, asked of a pregnant patient."""
    lead = _bullets(esi_engine.answer("28岁女，孕12周，L5/S1突出，根性痛很重，NRS 8分，能在C臂下做TFESI吗？").text)[0]
    assert "妊娠" in lead, lead


@pytest.mark.parametrize("question", [
    "pt asking before L4-5 facet RFA 'will I end up paralysed?' - what are the real complication figures to quote her?",
    "what's the risk of paralysis after a lumbar facet radiofrequency ablation?"])
def test_paralysis_feared_after_a_facet_rfa_is_answered_by_its_series(harm_engine, question):  # type: ignore[no-untyped-def]
    """The sources say it in their own words ("no new motor or sensory deficit"): no abstention, and that series leads."""
    ans = harm_engine.answer(question)
    assert not ans.abstained and not ans.urgent, ans.text
    assert "no new motor or sensory deficit" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["can vertebroplasty cause paralysis? what are the odds?",
                                      "80岁老太太L1骨质疏松压缩骨折要做PVP，家属问骨水泥会不会漏到肺里，会不会瘫痪，几率多大？"])
def test_paralysis_feared_after_a_vertebroplasty_gets_no_neuraxial_block_figures(harm_engine, question):  # type: ignore[no-untyped-def]
    ans = harm_engine.answer(question)
    assert not ans.abstained, ans.text
    lines = _bullets(ans.text)
    assert not any("166" in b or "Glaser" in b for b in lines), ans.text  # (the haematoma case reports after neuraxial blocks)
    assert all(any(w in b for w in ("vertebr", "cement", "leak", "椎体", "骨水泥", "渗漏")) for b in lines), ans.text  # (its own)


def test_a_follow_up_after_a_lumbar_level_keeps_the_region(harm_engine):  # type: ignore[no-untyped-def]
    """"and how long will the relief last?" after an L4-5 facet RFA: no third occipital (cervical) neurotomy's relief."""
    ans = harm_engine.answer("and how long will the relief last?", ["L4-5 facet RFA - what complications?"])
    assert "297" not in ans.text and "third occipital" not in ans.text, ans.text


@pytest.mark.parametrize("question", ["will I be paralysed after a facet RFA?", "is fainting common after an epidural?",
                                      "硬膜外之后晕厥常见吗？"])
def test_a_harm_asked_about_ahead_raises_no_banner(harm_engine, question):  # type: ignore[no-untyped-def]
    assert not harm_engine.answer(question).urgent


def test_how_common_a_faint_is_after_a_settled_faint_raises_no_banner(harm_engine):  # type: ignore[no-untyped-def]
    ans = harm_engine.answer("那硬膜外之后晕厥常见吗？", ["硬膜外注射后病人坐起来晕倒了，平躺后几分钟就缓过来了，血压正常"])
    assert not ans.urgent, ans.text


@pytest.mark.parametrize("question", ["after the epidural she can't move her legs, I'm worried",
                                      "after the epidural she can't move her legs, will she be paralysed?",
                                      "硬膜外注射后病人双腿动不了，会不会瘫痪？", "做完硬膜外她腿抬不起来了，会不会瘫？"])
def test_a_deficit_told_beside_a_fear_is_an_emergency(harm_engine, question):  # type: ignore[no-untyped-def]
    """A fear word ("worried", 会不会) beside a deficit told as it is: the deficit goes on (these had no banner)."""
    ans = harm_engine.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text


@pytest.mark.parametrize(("question", "expected"), [
    ("pt 20 min post R stellate ganglion block, droopy R eyelid, small pupil and hoarse voice. is this a complication? can she have a cup of tea?",
     "expected"),
    ("is Horner's syndrome after a stellate ganglion block a complication?", "expected effect"),
    ("SGB后20分钟，右眼睑下垂、瞳孔小、声音嘶哑，这是并发症吗？", "预期")])
def test_whether_a_blocks_signs_are_a_complication_leads_with_its_expected_effects(harm_engine, question, expected):  # type: ignore[no-untyped-def]
    """Asked whether what is seen counts as a complication: the sources' word that it is the block's expected effect,
    before a rare bilateral case report or a trial's adverse-event rate."""
    lead = _bullets(harm_engine.answer(question).text)[0]
    assert expected in lead, lead


@pytest.mark.parametrize("question", ["做腰椎椎板间硬膜外激素注射时不小心穿破硬脊膜了（Tuohy针），患者问头痛会持续多久？需要做血补片吗？",
                                      "how long does PDPH last after a wet tap with a Tuohy?"])
def test_how_long_a_wet_taps_headache_lasts_leads_with_its_time_course(esi_engine, question):  # type: ignore[no-untyped-def]
    """The sources give the time course (small needle: within 2 weeks; a Tuohy's more slowly): no "gives no length of
    time" note, and that sentence leads."""
    ans = esi_engine.answer(question)
    assert "未给出以下时长" not in ans.text and "no length of time" not in ans.text, ans.text
    lead = _bullets(ans.text)[0]
    assert "2 周" in lead or "2 weeks" in lead, lead


@pytest.fixture(scope="module")
def rescue_engine(engine_over):  # type: ignore[no-untyped-def]
    """The emergencies a follow-up looks back on: toxicity, the pump's overdose, the epiduroscope's pressure."""
    return engine_over("rescue-219", ("last", "intrathecal-drug-delivery", "epiduroscopy-adhesiolysis", "cervical-thoracic-sympathetic",
                                      "esi-general", "spinal-haematoma", "anticoagulants", "spinal-cord-stimulation"))


def _headed(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("**")]


@pytest.mark.parametrize(("history", "question", "asked"), [
    ("IT morphine pump refill done an hour ago, now pt drowsy, RR 8, pinpoint pupils",
     "could this have been a pocket fill? how do we stop it happening again", "refill safety"),
    ("mid epiduroscopy, pt complains of neck pain and blurred vision", "what infusion rate should we have been using?", "1–2 s")])
def test_a_look_back_after_an_emergency_leads_with_its_own_answer(rescue_engine, history, question, asked):  # type: ignore[no-untyped-def]
    """The steps were given the turn before: the banner stays, what the follow-up asks leads them under its own heading."""
    ans = rescue_engine.answer(question, [history])
    assert ans.urgent, ans.text
    assert asked in _bullets(ans.text)[0], ans.text
    headings = _headed(ans.text)
    assert headings[0] not in ("**What to do now**", "**Also relevant**") and "**What to do now**" in headings, ans.text


def test_a_dose_given_asked_after_toxicity_is_worked_for_her_weight(rescue_engine):  # type: ignore[no-untyped-def]
    ans = rescue_engine.answer("what's the max bupi dose for her anyway, was 15ml of 0.5% too much?",
                               ["lumbar sympathetic block with 15ml 0.5% bupivacaine, 2 min later she's twitching and says her mouth is numb, 55kg"])
    assert ans.urgent, ans.text
    assert "given 15 mL of 0.5% = 75 mg" in ans.text, ans.text


def test_a_plan_asked_while_the_picture_goes_on_keeps_the_steps_first(rescue_engine):  # type: ignore[no-untyped-def]
    """Not a look back: "her vision is still blurred - what rate?" is the emergency going on."""
    ans = rescue_engine.answer("her vision is still blurred - what rate should we run the saline at?",
                               ["mid epiduroscopy, pt complains of neck pain and blurred vision"])
    assert ans.urgent and _headed(ans.text)[0] == "**What to do now**", ans.text


@pytest.fixture(scope="module")
def room_engine(engine_over):  # type: ignore[no-untyped-def]
    """The fluoroscopy room's radiation with the procedures done in it."""
    return engine_over("room-219", ("radiation-contrast", "facet-mbb-rfa", "anticoagulants", "esi-interlaminar-caudal",
                                    "evidence-disagreements", "esi-general"))


@pytest.mark.parametrize(("history", "question", "badge"), [
    ("我是疼痛科护士，刚怀孕8周，还能进C臂间配合手术吗？胎儿剂量限值是多少？", "剂量计要怎么戴？", "第二个剂量计"),
    ("our radiographer is 14 wks pregnant and has declared it. can she stay in theatre for the RF list and what's her fetal dose limit?",
     "how should she wear her dosimeter?", "second (fetal) dosimeter")])
def test_a_dosimeter_asked_after_a_pregnant_colleague_is_her_second_badge(room_engine, history, question, badge):  # type: ignore[no-untyped-def]
    """The dosimeter is linked to the pregnant worker told before: a follow-up on her, asking how it is worn."""
    lead = _bullets(room_engine.answer(question, [history]).text)[0]
    assert badge in lead, lead


def test_a_pregnant_radiographer_on_an_rf_list_gets_no_bleeding_risk_class(room_engine):  # type: ignore[no-untyped-def]
    """The RF list is where she works: the room's radiation answers both parts, not the RF's bleeding-risk grouping."""
    ans = room_engine.answer("our radiographer is 14 wks pregnant and has declared it. can she stay in theatre for the RF list and "
                             "what's her fetal dose limit?")
    assert "bleeding-risk" not in ans.text and "Not covered" not in ans.text, ans.text
    assert any("mSv" in b for b in _bullets(ans.text)[:2]), ans.text


@pytest.mark.parametrize("question", [
    "planning C5-6 interlaminar ESI in a guy with a wide canal on MRI - what's the dural puncture risk, and is C5-6 even an accepted level?",
    "is C5-6 an acceptable level for a cervical interlaminar epidural?"])
def test_whether_a_cervical_level_is_accepted_gets_the_level_advice_and_its_dispute(room_engine, question):  # type: ignore[no-untyped-def]
    ans = room_engine.answer(question)
    assert "C7–T1" in ans.text, ans.text
    assert "add detail to the cervical interlaminar ESI level debate. " not in ans.text, ans.text  # (no empty lead-in)


def test_the_next_esi_asked_after_a_steroid_cover_question_is_the_repeat_interval(esi_engine):  # type: ignore[no-untyped-def]
    """"那下一次ESI最快多久以后能打？" after her ESIs and a hip replacement: the interval between injections (the hip
    replacement told beside them is no subject of the follow-up)."""
    ans = esi_engine.answer("那下一次ESI最快多久以后能打？", ["上个月每周一次共3次腰椎ESI，每次曲安奈德40mg，下周要做全髋置换，围术期要不要补激素？"])
    assert not ans.abstained, ans.text
    lead = _bullets(ans.text)[0]
    assert "间隔" in lead and ("1 个月" in lead or "3 周" in lead), lead


def test_the_adrenal_axis_asked_after_a_glucose_question_leads_with_its_suppression(esi_engine):  # type: ignore[no-untyped-def]
    ans = esi_engine.answer("那激素对肾上腺轴的抑制会持续多久？",
                            ["insulin-treated T2DM, caudal with triamcinolone 80 mg tomorrow - how high will his sugars go and for how long?"])
    lead = _bullets(ans.text)[0]
    assert "HPA" in lead or "皮质醇" in lead, lead


@pytest.mark.parametrize("question", ["昨天做的L4/5 ILESI，今天病人打电话说一坐起来就头痛，躺下就好，还有点恶心",
                                      "L4/5 ILESI yesterday, pt rang today: headache as soon as she sits up, fine lying down, bit nauseous"])
def test_a_postural_headache_phoned_in_leads_with_conservative_care_not_the_sources_dispute(esi_engine, question):  # type: ignore[no-untyped-def]
    """Two positions weighed ("a 2010 review favoured early EBP, whereas newer guidance…") are no step to take first."""
    lead = _bullets(esi_engine.answer(question).text)[0]
    assert "2010" not in lead and ("保守治疗" in lead or "onservative" in lead), lead


def test_a_stent_patients_aspirin_asked_on_its_own_brings_the_secondary_prevention_rule(esi_engine):  # type: ignore[no-untyped-def]
    ans = esi_engine.answer("what about the aspirin, can he stay on it for the trial?",
                            ["68M, DES to LAD 4 months ago, on aspirin + Brilinta. Needs SCS trial next month. Just stop the ticagrelor 5 days?"])
    assert any("secondary prevention" in b for b in _bullets(ans.text)[:3]), ans.text


def test_an_empty_lead_in_is_quoted_with_the_finding_it_introduces(room_engine):  # type: ignore[no-untyped-def]
    """"A 2022 review offers a middle position …" said nothing on its own: it is one sentence with the position now."""
    ans = room_engine.answer("particulate or non-particulate steroid for a lumbar TFESI - what do the sources say?")
    assert not any(b.rstrip(" [0123456789]").endswith("steroid debate for lumbar TFESI.") for b in _bullets(ans.text)), ans.text


@pytest.fixture(scope="module")
def disc_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("disc-219", ("intradiscal-pldd", "infection-control", "radiation-contrast"))


@pytest.mark.parametrize(("question", "weak"), [("椎间盘造影要不要预防性用抗生素？头孢唑林怎么给？", "证据薄弱"),
                                                ("do I need prophylactic antibiotics for discography?", "weak and conflicting")])
def test_whether_discography_needs_antibiotics_leads_with_how_weak_the_evidence_is(disc_engine, question, weak):  # type: ignore[no-untyped-def]
    lead = _bullets(disc_engine.answer(question).text)[0]
    assert weak in lead, lead


# --- round 220: follow-ups that look back on the case, and the relatives' questions ---------------------------------------

@pytest.mark.parametrize(("history", "question"), [
    ("鞘内吗啡泵加药后1小时，病人嗜睡，呼吸8次/分", "纳洛酮之后醒了。怀疑是加药时打到侧孔了，下次加药怎么避免？")])
def test_a_rescue_that_worked_is_the_story_and_the_prevention_asked_leads(rescue_engine, history, question):  # type: ignore[no-untyped-def]
    ans = rescue_engine.answer(question, [history])
    assert not ans.urgent, ans.text
    assert "核对药物" in _bullets(ans.text)[0], ans.text


def test_naloxone_that_worked_settles_the_picture(rescue_engine):  # type: ignore[no-untyped-def]
    assert not rescue_engine.answer("naloxone worked. how do we stop this happening next time?",
                                    ["IT morphine pump refill an hour ago, pt drowsy RR 8"]).urgent
    assert rescue_engine.answer("naloxone worked but she's drowsy again, RR 7", ["IT morphine pump refill an hour ago, pt drowsy RR 8"]).urgent


def test_a_settled_toxicity_asked_the_dose_it_should_have_been_is_calm_and_worked(rescue_engine):  # type: ignore[no-untyped-def]
    ans = rescue_engine.answer("ok settled with midaz. what should the max bupi dose have been for her at 62 kg?",
                               ["pt in recovery 10 min after US guided C6 stellate with 8ml 0.5% bupi, now says ears ringing + tongue numb, "
                                "agitated. 62kg. what do we do"])
    assert not ans.urgent, ans.text
    assert "For 62 kg" in ans.text and "124" in ans.text, ans.text


def test_a_restart_looked_back_on_after_a_haematoma_leads_with_the_restart_interval(rescue_engine):  # type: ignore[no-untyped-def]
    history = ["day 1 after SCS trial leads placed T9-T10, now new bilat leg weakness and severe back pain. enoxaparin 40mg was "
               "restarted this morning at 6am", "MRI shows epidural haematoma. how fast does he need to get to theatre?"]
    ans = rescue_engine.answer("looking back, when should the enoxaparin have been restarted after the lead placement?", history)
    assert ans.urgent, ans.text  # (the haematoma is still being treated)
    assert "12–24 h" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize(("history", "question"), [
    ((), "what can the doctor do to make a cervical transforaminal epidural steroid injection safer?"),
    (("my mum is booked for a cervical transforaminal epidural and someone told her it can make you paralysed or blind. is that true?? "
      "how likely is it",), "what can the doctor do to make it safer for her?")])
def test_making_a_procedure_safer_leads_with_its_safeguards(esi_engine, history, question):  # type: ignore[no-untyped-def]
    ans = esi_engine.answer(question, list(history))
    assert "no management steps" not in ans.text, ans.text
    assert "particulate" in _bullets(ans.text)[0] or "fluoroscopy" in _bullets(ans.text)[0], ans.text


def test_the_relief_of_a_procedure_named_now_is_not_the_region_told_before(harm_engine):  # type: ignore[no-untyped-def]
    history = ["did L3, L4, L5 medial branch RFA 10 days ago, now burning pain and allodynia over the back. complication or expected? "
               "how long will it last", "and if it had been a third occipital nerve RFA instead?"]
    ans = harm_engine.answer("how long does the pain relief from TON RFA usually last?", history)
    assert not ans.abstained and "297" in ans.text, ans.text


def test_how_long_the_blocks_signs_last_after_a_feared_stroke_is_the_leaflets_hours(harm_engine):  # type: ignore[no-untyped-def]
    ans = harm_engine.answer("how long will it last and when can he eat?",
                             ["pts wife very upset - after his stellate ganglion block his eyelid is drooping and his voice is hoarse. "
                              "is he having a stroke??"])
    assert "Not covered" not in ans.text and "4–8 h" in ans.text, ans.text


def test_how_long_prophylaxis_runs_after_a_pocket_infection_told_is_the_24_h_stop(rescue_engine):  # type: ignore[no-untyped-def]
    """"下次植入前后抗生素怎么用？术后要用几天？": the prophylaxis asked for next time, not the infection's care."""
    ans = rescue_engine.answer("下次植入前后抗生素怎么用？术后要用几天？", ["SCS植入术后第10天，IPG囊袋红肿、有脓性渗出，体温38.5，是不是必须取出来？"])
    assert "未涵盖" not in ans.text and "24 h" in ans.text, ans.text


@pytest.mark.parametrize(("history", "question"), [
    (("我爸明天做颈椎硬膜外打针，签字的时候医生说可能会瘫痪、失明甚至死亡，真的会吗？概率多大？",), "打完以后多久没事了才算安全？回家要注意什么？"),
    ((), "my dad had his cervical epidural steroid injection this morning - how long until he's out of the woods?")])
def test_how_long_until_safe_after_an_esi_is_the_window_serious_events_begin_in(esi_engine, history, question):  # type: ignore[no-untyped-def]
    ans = esi_engine.answer(question, list(history))
    lead = _bullets(ans.text)[0]
    assert "48" in lead, ans.text


def test_a_pregnant_radiographers_own_dose_limit_asked_after_declaring_is_the_fetal_limit(room_engine):  # type: ignore[no-untyped-def]
    """"told my manager" is no management asked; "my dose limit" is the pregnant worker's, the fetal one."""
    ans = room_engine.answer("what's my dose limit now that I've told my manager?",
                             ["I'm a radiographer, 10 wks pregnant. do I have to leave the room during the fluoro pain lists?"])
    assert "no management steps" not in ans.text, ans.text
    lead = _bullets(ans.text)[0]
    assert "embryo or fetus" in lead or "Fetal dose" in lead, ans.text


def test_how_soon_a_steroid_injection_can_be_repeated_is_the_repeat_interval(esi_engine):  # type: ignore[no-untyped-def]
    ans = esi_engine.answer("she wants another one in 2 weeks, how soon can we repeat?",
                            ["T2DM on insulin, HbA1c 9.1%, had a caudal with 80mg depo-medrol this morning, BM 19 in recovery. "
                             "expected? how long will it stay high"])
    lead = _bullets(ans.text)[0]
    assert "3 weeks" in lead or "1 month" in lead, ans.text


def test_both_sides_at_once_asked_after_a_blocks_signs_is_the_bilateral_rule(harm_engine):  # type: ignore[no-untyped-def]
    history = ["护士问：SGB做完病人左眼皮耷拉、瞳孔小、声音嘶哑，这是出问题了吗？能喝水吃饭吗？", "这些症状会持续多久？"]
    ans = harm_engine.answer("医生想下周两侧一起做，可以吗？", history)
    assert not ans.abstained and "双侧" in _bullets(ans.text)[0], ans.text


def test_a_short_name_two_turns_after_the_long_one_is_the_same_procedure(disc_engine):  # type: ignore[no-untyped-def]
    """"造影术后10天腰痛越来越重，低烧" two turns after a 椎间盘造影 question is the discography: discitis's MRI, no SCS pocket."""
    ans = disc_engine.answer("造影术后10天腰痛越来越重，低烧37.8，怎么办？",
                             ["L3-S1椎间盘造影要不要预防性用抗生素？头孢唑林怎么给？", "病人青霉素和头孢都过敏呢？"])
    lead = _bullets(ans.text)[0]
    assert "椎间盘炎" in lead and "SCS" not in lead, ans.text


def test_an_allergy_to_the_quoted_antibiotic_leads_with_what_the_allergic_get_instead(disc_engine):  # type: ignore[no-untyped-def]
    lead = _bullets(disc_engine.answer("discography - pt allergic to both penicillin and cephalosporins, what antibiotic?").text)[0]
    assert "vancomycin" in lead, lead


@pytest.mark.parametrize(("text", "span"), [("小关节射频消融后的神经炎通常在数周内自行缓解。", True), ("症状几天后消退。", True),
                                             ("Post-RFA neuritis settles over several weeks.", True), ("数周前做过射频。", False)])
def test_a_span_said_in_words_is_a_span(text, span):  # type: ignore[no-untyped-def]
    """"数周内自行缓解" answers "会持续多久？" (the neuritis after a neurotomy) as "within 2 weeks" would."""
    from assistant.compose import TIME_SPAN
    assert bool(TIME_SPAN.search(text)) is span


# --- review 53: the guards ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "history"), [
    ("Right after the C6 TFESI he can't see anything out of either eye - is this rare?", ()),
    ("after the epidural he's got a sensory level at T10 and weak legs - is this common?", ()),
    ("推完布比卡因后病人全身抽搐，局麻药中毒常见吗？", ()),
    ("颈椎经椎间孔注射后病人说右眼看不见了，这种并发症常见吗？", ()),
    ("这种情况常见吗？", ("颈椎TFESI推药后病人突然说右眼看不见了",)),
    ("is this common?", ("Right after the C6 TFESI he can't see out of either eye",)),
    ("Sudden paraplegia after a T10 TFESI with particulate steroid - will he be paralysed permanently?", ()),
    ("can we get MRI, he's paralysed from the waist down after the T10 TFESI", ()),
    ("settled after 2mg midaz, GCS 8 and not protecting her airway", ("US guided stellate with bupivacaine, now she's seizing",)),
    ("atropine did the trick, HR 38 a minute later and she is grey",
     ("TFESI打完病人一坐起来就面色苍白、大汗，心率35，血压70/40，意识还清楚，怎么处理？",))])
def test_a_picture_told_keeps_its_banner_beside_a_how_common_or_a_rescue_told(harm_engine, question, history):  # type: ignore[no-untyped-def]
    """How often, a feared outcome, or a rescue told as having worked, asked beside a picture going on: still urgent."""
    assert harm_engine.answer(question, list(history)).urgent


@pytest.mark.parametrize("question", [
    "Patient is worried she can't feel her legs normally since her stroke years ago - is a lumbar ILESI safe?",
    "he is unable to walk without a frame since his hip fracture; can he have a caudal?",
    "以前有个病人做完TFESI双腿动不了，这种情况发生率多少？",
    "病人五年前车祸后双下肢无力，能做SCS吗？"])
def test_a_deficit_told_as_history_raises_no_banner(harm_engine, question):  # type: ignore[no-untyped-def]
    assert not harm_engine.answer(question).urgent


@pytest.mark.parametrize(("question", "word"), [("can we use particulate steroid for the next ESI?", "particulate")])
def test_the_next_injection_named_keeps_the_question_on_its_subject(esi_engine, question, word):  # type: ignore[no-untyped-def]
    assert word in _bullets(esi_engine.answer(question).text)[0]


def test_a_procedure_done_under_local_is_no_guidance_asked(harm_engine):  # type: ignore[no-untyped-def]
    assert "contraindications" not in harm_engine.frame("能在局麻下做SCS植入吗？").aspects


def test_a_cervical_tfesi_steroid_asked_in_chinese_leads_with_no_particulate(esi_engine):  # type: ignore[no-untyped-def]
    assert "颗粒型" in _bullets(esi_engine.answer("颈椎TFESI用什么激素？").text)[0]


def test_the_neck_told_after_dexamethasone_failed_leads_with_no_particulate_at_cervical_levels(esi_engine):  # type: ignore[no-untyped-def]
    """A study's switch to particulate after a failed dexamethasone injection was no neck's: the cervical rule leads."""
    ans = esi_engine.answer("这次要打的是颈段 C6。", ["经椎间孔注射激素怎么选？", "地塞米松第一次没效怎么办？"])
    assert "不应使用颗粒型" in _bullets(ans.text)[0], ans.text
