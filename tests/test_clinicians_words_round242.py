"""Round 242 (a weekend on-call registrar's phone: the emergency department, the wards, an orthopaedic colleague, a relative,
a radiographer, a pump alarm; English and Chinese): cement shown in the foramen on CT after a vertebroplasty is the leak,
answered without the haematoma's steps; new root pain after a PVP told as 新的放射痛; a local anaesthetic's maximum asked
with adrenaline added when the sources give that drug no such figure."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon
from assistant.safety import triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


# ---------------------------------------------------------------- cement shown on CT in the foramen

@pytest.mark.parametrize("question", [
    "after L2 vertebroplasty new right anterior thigh radicular pain, CT shows cement in the L2 foramen - next step?",
    "PVP术后 pt 说右腿前面新的放射痛 CT显示cement进了foramen 下一步？",
    "kypho yesterday, CT: cement into the right L1 neural foramen",
    "PKP术后CT提示椎间孔内有骨水泥，怎么办",
])
def test_cement_told_in_the_foramen_is_the_leak(framer, question):  # type: ignore[no-untyped-def]
    assert "cement-leakage" in framer.frame(question).concepts


@pytest.mark.parametrize("question", ["after L2 vertebroplasty, CT shows no cement in the canal - what next?",
                                      "what is bone cement made of for vertebroplasty?"])
def test_cement_with_no_canal_or_foramen_told_is_no_leak(framer, question):  # type: ignore[no-untyped-def]
    assert "cement-leakage" not in framer.frame(question).concepts


def test_new_root_pain_after_a_pvp_in_chinese_words_is_urgent():  # type: ignore[no-untyped-def]
    t = triage("PVP术后 pt 说右腿前面新的放射痛 CT显示cement进了foramen 下一步？", "zh")
    assert t.urgent and t.rule == "neuraxial-deficit", t
    assert "骨水泥" in t.escalation, t.escalation
    # (a plan is no new pain: "PVP术前…新的放射痛" is not after the cement)
    assert not triage("PVP术前评估，新的放射痛常见吗？", "zh").urgent


@pytest.fixture(scope="module")
def cement_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("cement-242", ("vertebral-augmentation", "anticoagulants", "spinal-haematoma", "esi-general"))


@pytest.mark.parametrize("question", [
    "after L2 vertebroplasty new right anterior thigh radicular pain, CT shows cement in the L2 foramen - next step?",
    "new leg weakness after T12 vertebroplasty, CT shows cement in canal. what now",
])
def test_cement_found_on_ct_gets_no_haematoma_steps(cement_engine, question):  # type: ignore[no-untyped-def]
    ans = cement_engine.answer(question)
    assert ans.urgent, ans.text[:200]
    bullets = _bullets(ans.text)
    assert "cement" in bullets[0] or "canal" in bullets[0], ans.text
    assert not any("antithrombotic" in b or "haematoma is suspected" in b for b in bullets), ans.text


def test_cement_found_on_ct_on_an_anticoagulant_keeps_the_haematoma_in_view(cement_engine):  # type: ignore[no-untyped-def]
    ans = cement_engine.answer("new leg weakness after T12 vertebroplasty on apixaban, CT shows cement in canal. what now")
    assert ans.urgent and "MRI" in ans.text, ans.text


# ---------------------------------------------------------------- a local anaesthetic's maximum with adrenaline

@pytest.mark.parametrize(("question", "history", "drug"), [
    ("max bupivacaine dose for a 70kg man, and with adrenaline?", [], "bupivacaine"),
    ("With adrenaline?", ["max bupivacaine dose for a 70kg man"], "bupivacaine"),
    ("罗哌卡因最大剂量多少？加肾上腺素呢", [], "罗哌卡因"),
])
def test_no_separate_figure_with_adrenaline_is_said(engine, question, history, drug):  # type: ignore[no-untyped-def]
    ans = engine.answer(question, history)
    assert not ans.urgent
    notes = [line for line in ans.text.splitlines() if line.startswith(">")]
    assert any(drug in n and ("adrenaline" in n or "肾上腺素" in n) for n in notes), ans.text
    assert _bullets(ans.text), ans.text


@pytest.mark.parametrize(("question", "history"), [
    ("With adrenaline?", ["max lidocaine dose for a 70kg man"]),
    ("利多卡因最大剂量多少？加肾上腺素呢", []),
    ("max bupivacaine dose for a 70kg man", []),
])
def test_a_figure_with_adrenaline_given_or_not_asked_gets_no_such_note(engine, question, history):  # type: ignore[no-untyped-def]
    ans = engine.answer(question, history)
    assert "separate maximum" not in ans.text and "单独最大剂量" not in ans.text, ans.text


# ---------------------------------------------------------------- a stimulator's sore battery site

@pytest.mark.parametrize(("question", "history"), [("battery site sore, normal?", ["SCS implanted 10 days ago"]),
                                                   ("电池那儿疼，正常吗？", ["SCS植入10天"])])
def test_a_sore_battery_site_leads_with_how_common_pocket_pain_is(implant_engine, question, history):  # type: ignore[no-untyped-def]
    assert "pocket-pain" in implant_engine.frame(question, history).all_concepts
    first = _bullets(implant_engine.answer(question, history).text)[0]
    assert ("IPG" in first or "implant" in first) and "headache" not in first and "头痛" not in first, first


# ---------------------------------------------------------------- calm asks inside an emergency thread

_C6 = ["急诊科：周四做了C6右侧TF的病人，现在说看东西模糊+左手麻，啥情况啊"]


@pytest.mark.parametrize(("question", "history", "said"), [
    ("当时用的得宝松 这个算颗粒型的吗", _C6, "颗粒型"),
    ("the steroid we used was Diprospan - is that particulate?", ["ED: pt had C6 TFESI thursday, now blurred vision and L hand numb"],
     "particulate"),
])
def test_a_drug_given_asked_about_in_an_emergency_thread_is_answered_first(engine_over, question, history, said):  # type: ignore[no-untyped-def]
    e = engine_over("tf-242", ("esi-transforaminal", "esi-general", "evidence-disagreements"))
    ans = e.answer(question, history)
    assert ans.urgent, ans.text[:200]
    first = _bullets(ans.text)[0]
    assert ("得宝松" in first or "Diprospan" in first) and said in first, ans.text


def test_recovery_after_a_vascular_picture_is_not_a_haematomas(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("tf-242", ("esi-transforaminal", "esi-general", "evidence-disagreements"))
    ans = e.answer("家属问能恢复吗，我咋说", [*_C6, "当时用的得宝松 这个算颗粒型的吗"])
    bullets = _bullets(ans.text)
    assert bullets and "未能恢复" in bullets[0], ans.text
    assert not any("血肿" in b for b in bullets), ans.text


def test_how_common_asked_after_cement_in_the_canal_gives_the_canal_leaks_counts(cement_engine):  # type: ignore[no-untyped-def]
    history = ["急诊：周三做的T12 PVP老太太，今天说右边肋下往前放射痛 右腿也有点没劲，要紧吗", "CT看到椎管内有骨水泥 T12水平偏右，下一步咋办 要叫脊柱外科吗"]
    ans = cement_engine.answer("家属在闹，问这种情况常见吗，我怎么跟他们讲", history)
    bullets = _bullets(ans.text)
    assert any("3/9" in b or "0.7%" in b for b in bullets), ans.text
    assert not any("蛛网膜下腔麻醉" in b or "6,628" in b for b in bullets), ans.text


# ---------------------------------------------------------------- a facet RF's neuritis over three turns

_RF = "护士：今早L4-5 L5S1小关节RF的病人，下午说腰上穿刺点那一片烧灼样痛，碰一下都疼，正常吗？"


def test_what_to_give_and_home_tonight_are_two_asks(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("给点啥药？今晚能出院不", [_RF])
    assert len(q.parts) == 2 and q.parts[0].aspects[:1] == ("action",), q.parts


def test_what_to_give_for_a_neuritis_leads_with_its_treatments(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("facet-242", ("facet-mbb-rfa", "pdph", "esi-general"))
    first = _bullets(e.answer("给点啥药？今晚能出院不", [_RF]).text)[0]
    assert "非甾体" in first or "NSAID" in first, first


def test_weak_legs_supposed_two_turns_after_the_rf_reads_as_the_deficit(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("facet-242", ("facet-mbb-rfa", "pdph", "esi-general"))
    ans = e.answer("那如果是腿没劲抬不起来呢", [_RF, "给点啥药？今晚能出院不"])
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text[:300]


# ---------------------------------------------------------------- words of the phone

@pytest.mark.parametrize(("question", "concept"), [
    ("透视的时候射线对眼睛有影响吗", "eye-lens-dose-limit"),
    ("下一次ESI最早啥时候能打", "repeat-injection-limit"),
    ("when's the earliest he can have the next ESI?", "repeat-injection-limit"),
    ("she also says her face is all red and hot and she cant sleep", "central-steroid-reaction"),
    ("what are the odds he walks again", "neurological-recovery"),
    ("hi my pain pump thing in my tummy is beeping and wont stop", "pump-alarm"),
    ("鞘内泵一直哔哔响，人现在还挺好的，要紧不", "pump-alarm"),
])
def test_the_phones_words_are_their_concepts(framer, question, concept):  # type: ignore[no-untyped-def]
    assert concept in framer.frame(question).concepts


@pytest.mark.parametrize(("question", "concept"), [("when can she have the next dose?", "repeat-injection-limit"),
                                                   ("硬膜外置管拔除后，低分子肝素最早什么时候能打", "repeat-injection-limit"),
                                                   ("earliest next injection of clexane after the epidural catheter is pulled?",
                                                    "repeat-injection-limit"),
                                                   ("can an epidural steroid injection damage my eyes? I have glaucoma", "eye-lens-dose-limit"),
                                                   ("颈椎经椎间孔注射后看东西模糊，眼睛会不会有事", "eye-lens-dose-limit"),
                                                   ("new leg pain after PVP, CT: cement is not in the canal or foramen, what next?",
                                                    "cement-leakage"),
                                                   ("PVP后新发腿痛，CT示骨水泥没有进入椎管，下一步", "cement-leakage"),
                                                   ("the monitor is beeping, sats 85 after the SGB", "pump-alarm"),
                                                   ("pulse oximeter alarm going off, sats 82%", "pump-alarm")])
def test_near_words_are_not_those_concepts(framer, question, concept):  # type: ignore[no-untyped-def]
    assert concept not in framer.frame(question).concepts


def test_a_colloquial_word_for_the_patient_is_no_unknown_subject(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("max lignocaine for skin infiltration, 95kg bloke, plain 1% - how many mls can i use")
    assert not ans.abstained and "21 mL" in ans.text, ans.text


def test_how_much_timing_matters_asks_no_dose():  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "dose" not in aspects_of("if its a haematoma how much does timing of decompression actually matter", "en")
    assert "dose" in aspects_of("how much blood for the patch?", "en")


def test_a_gentler_option_asked_is_what_to_do():  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "action" in aspects_of("有没有创伤小一点的办法", "zh")


@pytest.mark.parametrize(("question", "lang"), [("is vertebroplasty less invasive than open surgery? what are the main risks?", "en"),
                                                ("椎体成形术创伤小，并发症多吗？", "zh"), ("SCS植入前给什么药预防感染", "zh"),
                                                ("any alternatives to particulate steroid for cervical TFESI?", "en")])
def test_a_procedure_called_less_invasive_or_a_drug_to_prevent_asks_no_treatment(question, lang):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "action" not in aspects_of(question, lang)


def test_anything_less_invasive_than_a_blood_patch_leads_with_the_occipital_block(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("pdph-242", ("pdph", "esi-interlaminar-caudal", "esi-general"))
    first = _bullets(e.answer("PDPH after epidural, is there anything less invasive than a blood patch?").text)[0]
    assert "occipital" in first, first


def test_a_gentler_option_after_caffeine_names_the_occipital_block(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("pdph-242", ("pdph", "esi-interlaminar-caudal", "esi-general"))
    ans = e.answer("hes had 48h caffeine + fluids, still can't get off the trolley. blood patch how much vol, and is there anything less invasive first",
                   ["ED: 34M had lumbar ILESI thurs, now bad headache on sitting up, settles lying flat, bit of neck stiffness. PDPH?"])
    assert "occipital" in ans.text and "Not covered" not in ans.text, ans.text


# ---------------------------------------------------------------- a deficit days after a TFESI on clopidogrel

_TF_PLAVIX = "ED: 66M L4/5 TFESI tues, plavix was continued. now severe back pain, cant lift either leg, retaining urine ~900ml on bladder scan"


@pytest.mark.parametrize("question", ["周一打的TFESI，打的时候突然双腿不能动", "周四做TFESI过程中病人突然双腿不能动"])
def test_a_deficit_during_the_injection_stays_the_infarct_whatever_the_weekday(question):  # type: ignore[no-untyped-def]
    t = triage(question, "zh", ("transforaminal-esi", "esi", "neuraxial-procedure"))
    assert t.urgent and t.rule == "esi-stroke", t


def test_a_shortened_weekday_is_not_spelling_corrected(framer):  # type: ignore[no-untyped-def]
    assert "thurs" in framer.frame("TFESI thurs, now cant feel legs and retaining urine").text


def test_a_deficit_days_after_a_tfesi_is_the_haematomas_pathway():  # type: ignore[no-untyped-def]
    t = triage(_TF_PLAVIX, "en", ("transforaminal-esi", "esi", "neuraxial-procedure", "clopidogrel"))
    assert t.urgent and t.rule == "neuraxial-deficit", t
    assert "do not inject further" not in t.escalation
    # (right after the injection it is still the infarct's)
    now = triage("during L4/5 TFESI pt suddenly cant lift either leg", "en", ("transforaminal-esi", "esi", "neuraxial-procedure"))
    assert now.urgent and now.rule != "neuraxial-deficit", now


def test_the_odds_of_walking_again_are_the_recovery_shares(cement_engine):  # type: ignore[no-untyped-def]
    ans = cement_engine.answer("if its a haematoma how much does timing of decompression actually matter, what are the odds he walks again",
                        [_TF_PLAVIX, "MRI says they cant do him till tomorrow morning, ok to wait?"])
    assert "47%" in ans.text and "gives no dose" not in ans.text, ans.text


# ---------------------------------------------------------------- home after naloxone, the picture told over two turns

def test_home_after_naloxone_when_the_overdose_was_told_after_the_alarm(implant_engine):  # type: ignore[no-untyped-def]
    history = ["hi my pain pump thing in my tummy is beeping and wont stop, its saturday, what do i do",
               "its a morphine pump they filled it on thursday. i feel really drowsy and my wife says my breathing is slow and i look grey"]
    ans = implant_engine.answer("ambulance gave naloxone and he's more awake now, can they send him home from ED tonight?", history)
    assert "24 h" in ans.text and "LAST" not in ans.text, ans.text


# ---------------------------------------------------------------- more of the phone: after the weekend's procedures

def test_breathless_days_after_a_vertebroplasty_gets_the_late_cement_embolism_banner():  # type: ignore[no-untyped-def]
    t = triage("ED here - 78F had T12 and L1 vertebroplasty fri, now sob + pleuritic CP, sats 89% RA. what do i do", "en",
               ("vertebroplasty", "vertebral-augmentation"))
    assert t.urgent and t.rule == "cement-embolism" and "stop" not in t.escalation.lower().split("call for help")[0], t.escalation


def test_anticoagulate_or_not_after_ctpa_cement_emboli_is_the_embolisms_treatment(cement_engine):  # type: ignore[no-untyped-def]
    history = ["ED here - 78F had T12 and L1 vertebroplasty fri, now sob + pleuritic CP, sats 89% RA. what do i do"]
    q = "CTPA shows cement fragments in segmental arteries both lower lobes, she's stable on 2L. anticoagulate or not??"
    f = cement_engine.frame(q, history)
    assert "radicular-artery" not in f.concepts and "action" in f.aspects, (f.concepts, f.aspects)
    first = _bullets(cement_engine.answer(q, history).text)[0]
    assert "cement embolism" in first and "stopped at least" not in first, first


def test_tingling_moved_told_in_a_pocket_infection_thread_is_read_as_migration(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("also he says the tingling has moved to his tummy instead of his legs since yesterday",
                     ["ED reg - SCS implant 5 days ago, IPG pocket red, swollen, hot, temp 37.9. plan?",
                      "surgeons asking can we just do oral abx and keep the device in"])
    assert "lead-migration" in q.concepts and "contraindications" not in q.aspects, (q.concepts, q.aspects)


def test_wanting_another_now_asks_the_interval(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("pt had caudal epidural w triamcinolone 4 wks ago, good relief but wants another now before holiday. too soon?")
    assert "repeat-injection-limit" in q.concepts


@pytest.mark.parametrize(("question", "lang"), [("明天的腰椎ESI病人今天发烧38.5 尿路感染，还做吗", "zh"), ("还打吗", "zh"),
                                                ("do we still go ahead?", "en")])
def test_still_going_ahead_asks_the_contraindications(question, lang):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "contraindications" in aspects_of(question, lang)


def test_how_do_we_proceed_is_no_contraindication_ask():  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "contraindications" not in aspects_of("how do we proceed?", "en")


def test_a_voice_gone_hoarse_after_sgb_gets_how_long_it_lasts(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("sgb-242", ("cervical-thoracic-sympathetic", "ultrasound-pneumothorax", "last"))
    q = e.frame("SGB做完声音哑了 喝水有点呛，正常吗 多久好")
    assert "hoarseness" in q.concepts
    assert "4–8" in e.answer("SGB做完声音哑了 喝水有点呛，正常吗 多久好").text


# ---------------------------------------------------------------- how common one complication is

@pytest.mark.parametrize(("question", "said"), [("SCS电极移位发生率多少？病人说刺激感的位置变了", "13%"),
                                                ("how common is SCI after SCS?", "2.13%")])
def test_one_complications_rate_leads_before_the_overall_rate(implant_engine, question, said):  # type: ignore[no-untyped-def]
    first = _bullets(implant_engine.answer(question).text)[0]
    assert said in first and "31.9" not in first, first


def test_the_overall_rate_still_answers_the_overall_ask(implant_engine):  # type: ignore[no-untyped-def]
    text = implant_engine.answer("what is the complication rate of SCS?").text
    assert "31.9" in text or "30–40%" in text, text


# ---------------------------------------------------------------- review 66: what must not change

@pytest.mark.parametrize("question", ["电池那儿疼，有点红肿发热，还在发烧，正常吗", "battery site sore, red and hot, fever 38.5 - normal?",
                                      "电池那儿疼，红肿，还流脓，正常吗"])
def test_a_battery_site_with_infection_signs_is_no_common_pocket_pain(framer, question):  # type: ignore[no-untyped-def]
    concepts = framer.frame(question).concepts
    assert "surgical-site-infection" in concepts and "pocket-pain" not in concepts, concepts


def test_how_common_after_cement_shown_in_the_canal_is_that_leak(cement_engine):  # type: ignore[no-untyped-def]
    ans = cement_engine.answer("how common is this?", ["new leg weakness after T12 vertebroplasty, CT shows cement in canal. what now"])
    first = _bullets(ans.text)[0]
    assert "canal" in first and "haematoma" not in first, ans.text


def test_the_bupivacaine_pushed_judged_in_a_last_thread_is_no_class_ask():  # type: ignore[no-untyped-def]
    from assistant.answer import _LOOKS_BACK
    assert not _LOOKS_BACK["zh"].search("当时推的布比卡因 算不算多，0.5% 10ml")
    assert _LOOKS_BACK["zh"].search("当时用的得宝松 这个算颗粒型的吗")


def test_arm_weakness_supposed_after_a_cervical_rf_is_read_in_its_scene(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("facet-242", ("facet-mbb-rfa", "pdph", "esi-general"))
    ans = e.answer("那要是手没劲抬不起来呢", ["今天上午做了颈椎小关节射频，下午颈后皮肤烧灼痛，正常吗", "开点什么药？今晚能回家不"])
    assert ans.urgent, ans.text[:200]


# ---------------------------------------------------------------- round 243 (on the draft): teaching and the pharmacy

def test_how_often_numbness_follows_a_third_occipital_rf_is_no_emergency():  # type: ignore[no-untyped-def]
    assert not triage("那颈的呢 第三枕神经射频 术后麻木多吗", "zh").urgent
    # (told going on in a patient, it still is)
    assert triage("腰椎小关节射频做完了 病人现在腿麻 术后麻木多吗", "zh", ("radiofrequency-ablation", "facet-joint")).urgent


def test_ok_to_dispense_a_particulate_steroid_for_a_cervical_tf_asks_whether(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("pharmacy here - Dr wants Kenalog 80mg for a C5/6 transforaminal tmrw. ok to dispense?")
    assert q.aspects[:1] == ("contraindications",), q.aspects


def test_ok_to_dispense_kenalog_for_a_cervical_tf_leads_with_the_particulate_rule(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("tf-242", ("esi-transforaminal", "esi-general", "evidence-disagreements"))
    first = _bullets(e.answer("pharmacy here - Dr wants Kenalog 80mg for a C5/6 transforaminal tmrw. ok to dispense?").text)[0]
    assert "particulate" in first, first


def test_a_radiographer_told_12_weeks_along_is_pregnant_staff(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("separate q - our radiographer just told us shes 12wks, can she stay in for the fluoro list or does she need to step out? dose limit?",
                     ["28F for caudal epidural tmrw, LMP ~6 wks ago, says she might be pregnant. go ahead or not?"])
    assert "pregnant-staff" in q.concepts, q.concepts


@pytest.mark.parametrize("question", ["she's 6 weeks post-op from her SCS, wound fine", "she's 2 weeks on apixaban now, ok for an SIJ injection?",
                                      "she's 12 weeks out from her kyphoplasty"])
def test_weeks_since_a_procedure_or_on_a_drug_are_no_pregnancy(framer, question):  # type: ignore[no-untyped-def]
    assert "pregnancy" not in framer.frame(question).concepts


# ---------------------------------------------------------------- the clinician's check on the final code

def test_a_team_told_speaking_is_no_unknown_subject(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("cardio says ok to hold - when can he restart after?",
                        ["on Brilinta after NSTEMI stent 4 months ago, booked for lumbar TFESI - stop it?"])
    assert not ans.abstained and "12–24 h" in ans.text, ans.text
    # (a procedure of theirs still is one: "cardio procedure next week")
    assert engine.answer("pt on eliquis, cardio procedure next week - hold?").abstained
