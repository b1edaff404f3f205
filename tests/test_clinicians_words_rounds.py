"""Rounds 212-213 and review 46: clinicians' own words for what they ask ("先用什么abx？", "can she have a coffee?",
"how much does a lead apron stop?"), settled patients' calm follow-ups, and another procedure's count kept out."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets


@pytest.fixture(scope="module")
def sgb_engine(engine_over):  # type: ignore[no-untyped-def]
    """The stellate ganglion block beside the headache a coffee may be asked for."""
    return engine_over("sgb-words", ("cervical-thoracic-sympathetic", "pdph", "last"))


def test_which_abx_in_a_chinese_emergency_is_said_to_have_no_regimen(implant_engine):  # type: ignore[no-untyped-def]
    ans = implant_engine.answer("SCS trial术后第3天，pt发热38.6，背痛加重，电极出口处有渗液，要不要拔电极？先用什么abx？")
    assert ans.urgent, ans.text
    assert "用药方案" in ans.text and "先用什么abx" in ans.text, ans.text  # (the sources name no empiric agent)
    assert any("取出" in b for b in _bullets(ans.text)), ans.text  # (the explant half keeps its answer)


def test_a_drink_after_a_stellate_ganglion_block_is_the_sip_test(sgb_engine):  # type: ignore[no-untyped-def]
    history = ["just did a R SGB for her CRPS, she's fine, hoarse voice and droopy eyelid"]
    ans = sgb_engine.answer("can she have a coffee?", history)
    assert "sip test" in _bullets(ans.text)[0], ans.text
    assert "caffeine" in sgb_engine.frame("does coffee help a post dural puncture headache?").concepts


@pytest.fixture(scope="module")
def pvp_engine(engine_over):  # type: ignore[no-untyped-def]
    """Vertebroplasty beside the documents that count deaths of other procedures (the 2012 steroid outbreak)."""
    return engine_over("pvp-words", ("vertebral-augmentation", "evidence-disagreements", "infection-control"))


def test_another_procedures_deaths_stay_out_of_a_vertebroplastys_harms(pvp_engine):  # type: ignore[no-untyped-def]
    ans = pvp_engine.answer("会不会死人？", ["我妈要做椎体成形术(PVP)，骨水泥渗漏严重吗"])
    bullets = _bullets(ans.text)
    assert bullets and "骨水泥" in bullets[0], ans.text
    assert not any("2012" in b or "疫情" in b for b in bullets), ans.text


@pytest.fixture(scope="module")
def words_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents round 212's threads reach: radiation, pumps, toxicity, joints, the ESI routes, discs, the pleura,
    bleeding, headache, epiduroscopy and augmentation."""
    return engine_over("words-212", ("radiation-contrast", "intrathecal-drug-delivery", "last", "sacroiliac", "esi-general",
                                     "esi-transforaminal", "esi-interlaminar-caudal", "intradiscal-pldd", "ultrasound-pneumothorax",
                                     "facet-mbb-rfa", "anticoagulants", "pdph", "epiduroscopy-adhesiolysis", "vertebral-augmentation",
                                     "infection-control"))


@pytest.mark.parametrize("question", ["how much scatter does a lead apron stop?", "铅衣能挡掉多少散射线？"])
def test_what_a_shield_stops_is_its_share_of_scatter(words_engine, question):  # type: ignore[no-untyped-def]
    f = words_engine.frame(question)
    assert "hold" not in f.aspects and "magnitude" in f.aspects, f
    assert "95–98%" in _bullets(words_engine.answer(question).text)[0]


_OVERDOSE = "Just refilled a pt's SynchroMed with morphine 25 mg/ml. 20 min later she's drowsy, RR 6, pinpoint pupils. ?pocket fill. what now"


def test_the_watch_after_a_pump_overdose_is_neuraxial_morphines_never_lasts(engine):  # type: ignore[no-untyped-def]
    q = "she's fine now. how long do we keep her, and next refill what do we do differently?"
    f = engine.frame(q, [_OVERDOSE, "naloxone dose? and do we empty the pump?"])
    assert len(f.parts) == 2 and f.parts[1].aspects[:1] == ("prevention",), f.parts
    ans = engine.answer(q, [_OVERDOSE, "naloxone dose? and do we empty the pump?"])
    bullets = _bullets(ans.text)
    # (the 24 h after neuraxial morphine when the search finds it, else said missing: never LAST's 4–6 h)
    assert not ans.urgent and ("24 h" in bullets[0] or "Not covered in the knowledge base: how long do we keep her" in ans.text), ans.text
    assert not any("LAST" in b or "4–6 h" in b for b in bullets), ans.text
    assert any("port" in b and "reservoir" in b for b in bullets), ans.text  # (the refill's safety steps)


def test_a_patient_pinking_up_after_a_faint_asks_about_driving_calmly(words_engine):  # type: ignore[no-untyped-def]
    story = "just did bilat SIJ injections, sat her up and she went grey and sweaty, HR 38, BP 70/40. what do I do"
    assert words_engine.answer(story).urgent
    ans = words_engine.answer("she's pinking up. can she drive herself home in an hour?", [story])
    assert not ans.urgent and any("driv" in b for b in _bullets(ans.text)[:2]), ans.text


@pytest.mark.parametrize("question", [
    "pt booked for SCS trial in 2 weeks, but today right after his L5 TFESI with depomedrol he can't move either leg. what do I do",
    "打完硬膜外以后做了核磁发现硬膜外血肿，双腿无力，怎么办",
    "cefazolin allergic - rash all over and stridor right now during the SCS implant"])
def test_a_plan_or_an_allergy_told_beside_a_picture_now_keeps_the_banner(words_engine, question):  # type: ignore[no-untyped-def]
    assert words_engine.answer(question).urgent, question  # (review 46: a later plan, 以后 as "after", a history told beside)


def test_looking_better_with_a_sign_still_there_is_no_settled_patient(words_engine):  # type: ignore[no-untyped-def]
    story = "just did bilat SIJ injections, sat her up and she went grey and sweaty, HR 38, BP 70/40. what do I do"
    assert words_engine.answer("she's looking better but still not responding to voice, what next?", [story]).urgent


def test_an_antibiotic_allergy_told_with_its_past_reaction_is_no_emergency(words_engine):  # type: ignore[no-untyped-def]
    history = ["planning 3-level provocative lumbar discography next week. do we need antibiotic prophylaxis? if IV cefazolin, when do I give it?",
               "how much cefazolin if I put it in the contrast instead?"]
    ans = words_engine.answer("she's penicillin allergic - anaphylaxis to amoxicillin. what do I use?", history)
    assert not ans.urgent and any("vancomycin" in b for b in _bullets(ans.text)), ans.text
    assert words_engine.answer("pt is penicillin allergic - now anaphylaxis after the contrast, BP 70/40").urgent


@pytest.mark.parametrize("question", [
    "刚做完右侧骶髂关节注射（1%利多卡因+得宝松），病人下床时右腿一软差点摔倒，小腿外侧和足背麻，这是怎么回事，要紧吗",
    "just did a R SIJ injection with lido and depomedrol, her leg gave way getting off the table, numb lateral calf and top of foot - what is this, is it serious?"])
def test_a_leg_giving_way_after_an_sij_injection_is_its_spread_not_a_cord_infarct(words_engine, question):  # type: ignore[no-untyped-def]
    ans = words_engine.answer(question)
    assert ans.pathway != "esi-stroke" and not ans.abstained, ans.text
    assert any("S1" in b for b in _bullets(ans.text)[:2]), ans.text


@pytest.mark.parametrize("question, first", [
    ("颈椎ILESI C6/7，Tuohy针进去回抽有清亮液体，应该是穿破硬膜了，我能换C7/T1继续把激素打完吗", "绝不能把硬膜外剂量"),
    ("C6/7 cervical ILESI, clear fluid back through the Tuohy, think I've got a wet tap - can I move to C7/T1 and finish the steroid?",
     "must not be injected intrathecally")])
def test_a_wet_tap_asked_whether_to_go_on_at_another_level_gets_the_steps_after_it(words_engine, question, first):  # type: ignore[no-untyped-def]
    bullets = _bullets(words_engine.answer(question).text)
    assert first in bullets[0], bullets  # (the step after the harm, never where a level is safest)
    assert question.isascii() or any("中止注射或改换其他节段" in b for b in bullets), bullets


def test_no_time_for_the_oral_premedication_in_chinese_is_the_urgent_regimen(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("急诊收的L1压缩骨折，明早8点排了PKP，既往做增强CT出过全身荨麻疹，13小时口服泼尼松方案来不及了，怎么办")
    assert "甲泼尼龙40 mg" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["pt on clopidogrel booked for a MILD procedure - stop it?", "MILD手术前氯吡格雷怎么停？"])
def test_mild_is_the_percutaneous_decompression_laminotomy_a_high_risk_procedure(words_engine, question):  # type: ignore[no-untyped-def]
    assert "percutaneous-decompression-laminotomy" in words_engine.frame(question).concepts


def test_caffeines_limit_while_breastfeeding_answers_a_headache_after_an_ilesi(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("腰椎椎板间硬膜外注射后第二天头痛，坐起来明显加重，躺下缓解。咖啡因每天最多能用多少？哺乳期呢？")
    assert not ans.abstained and any("200–300 mg" in b for b in _bullets(ans.text)), ans.text


def test_how_to_irrigate_safely_next_time_after_an_epiduroscopy_picture_is_its_prevention(words_engine):  # type: ignore[no-untyped-def]
    history = ["硬膜外腔镜粘连松解做了快40分钟，盐水冲了100多ml，病人突然说后脖子痛、头痛，眼睛看东西模糊了，现在怎么办",
               "术后眼科看了说双眼视网膜出血，预后怎么样？视力能恢复吗"]
    ans = words_engine.answer("以后做腔镜冲水速度和量怎么控制比较安全", history)
    assert any("1–2 s" in b for b in _bullets(ans.text)), ans.text  # (under the banner while the picture is unsettled)


_PUMP_SIGNS = ("IT morphine pump 6 yrs, needing dose escalation every refill with poorer analgesia, and now new band-like pain around "
               "T10. what are we worried about and what imaging?")


def test_a_pumps_failing_analgesia_is_the_granulomas_early_sign(words_engine):  # type: ignore[no-untyped-def]
    f = words_engine.frame(_PUMP_SIGNS)
    assert "loss-of-analgesia" in f.concepts, f
    ans = words_engine.answer(_PUMP_SIGNS)
    assert "granuloma" in _bullets(ans.text)[0] and any("plain film" in b for b in _bullets(ans.text)), ans.text


def test_a_pacemaker_that_rules_out_mri_is_ct_myelography(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("he has a non-MRI-conditional pacemaker - alternative?", [_PUMP_SIGNS])
    assert ans.verdict != "out_of_scope" and any("CT myelography" in b for b in _bullets(ans.text)[:2]), ans.text


def test_a_drug_asked_beside_a_counselling_part_keeps_the_procedures_class(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("counselling lady for SIJ injection, she read online it can paralyse your leg and she's terrified. "
                              "what do I tell her? also she's on rivaroxaban for AF - stop it or not?")
    second = [b for b in ans.bullets if b["part"] == 1]
    assert second and "low bleeding-risk" in second[0]["text"], ans.text


def test_a_kidney_disease_told_after_a_drugs_hold_moves_the_procedure_up_a_class(words_engine):  # type: ignore[no-untyped-def]
    history = ["consenting a 62M for PLDD L4/5 - what complications specific to the laser should I mention? and does he need to "
               "stop his clopidogrel?"]
    q = "he's actually 82 with CKD4 - does that change how I handle the clopidogrel?"
    assert "renal-impairment" in words_engine.frame(q, history).concepts
    bullets = _bullets(words_engine.answer(q, history).text)
    assert any("next-higher" in b or "next higher" in b for b in bullets), bullets
    assert not any("Pradaxa" in b or "dabigatran" in b for b in bullets), bullets  # (another drug's renal interval)


def test_whether_it_is_the_pads_fault_asks_the_cause_not_the_drug_before(words_engine):  # type: ignore[no-untyped-def]
    history = ["膝OA病人准备做膝关节genicular nerve射频，术前阿司匹林100mg要停吗？射频温度和时间一般设多少"]
    q = "术后膝内侧皮肤起了个水疱像烫伤，是负极板的问题吗"
    assert "hold" not in words_engine.frame(q, history).parts[0].aspects
    assert not any("阿司匹林" in b for b in _bullets(words_engine.answer(q, history).text)), q


def test_a_vial_shared_between_patients_is_the_single_dose_vial_rule(words_engine):  # type: ignore[no-untyped-def]
    q = "科里为了省钱一瓶利多卡因几个病人共用，有问题吗？操作时需要戴口罩吗"
    f = words_engine.frame(q)
    assert len(f.parts) == 2 and "single-dose-vial" in f.parts[0].concepts, f.parts  # (几个病人: several, no "how many")
    assert "单剂量药瓶" in _bullets(words_engine.answer(q).text)[0]


def test_the_organism_asked_in_an_abscess_picture_is_quoted(words_engine):  # type: ignore[no-untyped-def]
    story = "T2DM on insulin, L4/5 ILESI 5 days ago. Now severe back pain, T 38.6, and new L foot drop this morning"
    ans = words_engine.answer("what scan exactly, and which bug am I covering?", [story])
    assert ans.urgent and any("Staphylococcus aureus" in b for b in _bullets(ans.text)[:3]), ans.text


@pytest.mark.parametrize("question, concept", [
    ("it's a mild procedure, just an SIJ injection - does she need to stop apixaban?", "percutaneous-decompression-laminotomy"),
    ("coffee-ground vomiting after NSAIDs post SCS implant - what do I do?", "caffeine")])
def test_everyday_words_are_no_concept_of_their_namesake(words_engine, question, concept):  # type: ignore[no-untyped-def]
    assert concept not in words_engine.frame(question).concepts  # (review 46: "mild", "coffee-ground")


def test_how_much_time_to_stop_a_drug_is_its_hold_not_a_shields_share(words_engine):  # type: ignore[no-untyped-def]
    f = words_engine.frame("how much time do I need to stop apixaban before a cervical ESI?")
    assert "hold" in f.aspects and "magnitude" not in f.aspects, f


def test_band_pain_after_vertebroplasty_is_no_catheter_sign(words_engine):  # type: ignore[no-untyped-def]
    assert "catheter-tip-dermatome-pain" not in words_engine.frame("椎体成形术后出现胸部束带样疼痛，怎么回事？").concepts


# Round 213 (testers 310-311)

def test_a_drug_told_to_continue_beside_one_stopped_is_not_the_one_held(words_engine):  # type: ignore[no-untyped-def]
    history = ["pt had DES to LAD 3 months ago, on aspirin + Brilinta. we want to do an SCS trial - can we just stop the ticagrelor?"]
    ans = words_engine.answer("cardiology happy to stop ticag for a week but aspirin must continue. how many days before, and when restart?",
                              history)
    bullets = _bullets(ans.text)
    assert "ticagrelor" in bullets[0] and "5 days" in bullets[0], ans.text
    assert not any("secondary-prevention aspirin is stopped" in b for b in bullets), ans.text


def test_a_procedure_swapped_in_with_its_own_ask_is_not_the_hold_again(words_engine):  # type: ignore[no-untyped-def]
    history = ["SI joint injection for pt on eliquis 5 bd - do I need to hold it?"]
    q = "and for cooled RF of the lateral branches, what's the post-procedure neuritis rate?"
    assert "hold" not in words_engine.frame(q, history).parts[0].aspects
    assert "0.7%" in _bullets(words_engine.answer(q, history).text)[0]


def test_how_many_of_these_a_year_after_a_caudal_is_its_repeat_limit(words_engine):  # type: ignore[no-untyped-def]
    history = ["T2DM on insulin, HbA1c 9.1%, having caudal with 80mg triamcinolone next wk. how high will his sugars go and for how long?"]
    f = words_engine.frame("how many of these can he have in a year?", history)
    assert "repeat-injection-limit" in f.parts[0].concepts, f.parts


_PUMP_ZH = ["吗啡鞘内泵今天下午刚加完药，晚上8点病人叫不醒，呼吸一分钟7次，针尖样瞳孔，SpO2 86%，值班医生还没到，先干嘛",
            "纳洛酮推了0.4mg醒了一点，过20分钟又睡过去了，怀疑加药的时候打到侧孔（推注口）了，泵里的药要怎么处理"]


def test_falling_back_asleep_after_naloxone_is_the_overdose_going_on_never_last(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer(_PUMP_ZH[1], _PUMP_ZH[:1])
    assert ans.urgent and ans.pathway == "idd-overdose", (ans.pathway, ans.text)
    ans = words_engine.answer("现在醒了，呼吸14次，SpO2 97%，还要监护多久？", _PUMP_ZH)
    assert not ans.urgent and "LAST" not in ans.text and "脂肪乳" not in ans.text, ans.text


def test_a_settled_toxicity_asked_how_long_to_watch_leads_with_its_watch(words_engine):  # type: ignore[no-untyped-def]
    history = ["急！骶管注射刚推完0.5%罗哌卡因20ml+得宝松1ml，病人说嘴巴周围发麻、耳鸣，接着就抽起来了，现在还在抽，血压160/95 心率118，怎么办",
               "病人58kg，脂肪乳怎么给，推多少、泵多快？咪达唑仑已经推了2mg"]
    ans = words_engine.answer("抽了大概1分钟就停了，脂肪乳推了一次，现在人清醒，血压心率都正常了，只有中枢症状没有心血管表现。要观察多久？今天能回家吗", history)
    assert not ans.urgent and "2 小时" in _bullets(ans.text)[0], ans.text


def test_a_frightened_patients_grave_harms_read_online_are_no_emergency(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("病人在网上看到打硬膜外激素会瘫痪、失明甚至死亡，吓得不敢做L4/5 TFESI，这种风险到底多大？怎么跟他讲")
    assert not ans.urgent and "16,638" in _bullets(ans.text)[0], ans.text


def test_a_drain_asked_for_our_procedures_pneumothorax_is_answered(words_engine):  # type: ignore[no-untyped-def]
    history = ["T5-6右侧内侧支射频做完1个半小时，病人在观察室说右边胸口痛、有点喘，SpO2 92%，右边呼吸音弱一点，怎么办"]
    ans = words_engine.answer("床边超声看到肺点，胸片右侧气胸压缩大概15%，生命体征平稳，需要放胸腔闭式引流吗？", history)
    assert ans.verdict != "out_of_scope" and any("少量气胸" in b for b in _bullets(ans.text)[:2]), ans.text


def test_a_prophylactic_dose_told_is_the_hold_asked_again_and_the_next_dose_its_restart(words_engine):  # type: ignore[no-untyped-def]
    history = ["肺栓塞后克赛 60mg q12h 治疗量，最后一针是今晚8点，明早8点做L3/4 ILESI可以吗"]
    f = words_engine.frame("那如果是预防剂量40mg qd呢？术后几点可以打下一针？", history)
    assert not any(p.aspects[:1] == ("prevention",) for p in f.parts) and any("hold" in p.aspects for p in f.parts), f.parts
    assert any("12 小时" in b for b in _bullets(words_engine.answer("那如果是预防剂量40mg qd呢？术后几点可以打下一针？", history).text)[:2])


def test_two_local_anaesthetics_against_a_maximum_bring_the_mixture_rule(engine):  # type: ignore[no-untyped-def]
    q = "bilateral L3-5 MBB + bilateral SIJ in a frail 48kg lady. planning bupi 0.5% 10ml plus lido 1% 10ml for skin. is that under max dose?"
    assert "local-anaesthetic-mixture" in engine.frame(q).parts[0].concepts
    assert any("most toxic" in b for b in _bullets(engine.answer(q).text)), engine.answer(q).text
    assert "local-anaesthetic-mixture" not in engine.frame("max dose of lidocaine for a 70 kg man?").concepts


# Review 47: the round-213 rules kept to their pictures (guards: a banner kept, a pathway kept, a figure kept)

@pytest.mark.parametrize("history, question, pathway", [
    ([], "after the ESP block she had a VF arrest, we gave naloxone in case it was the fentanyl. what now?", "last"),
    (["经椎间孔注射后双腿无力，不能动"], "现在人清醒，呼吸14次，SpO2 97%，MRI要等到明天，能等吗？", "esi-stroke"),
    ([], "硬膜外注射后坐起时面色苍白、冷汗，血压65/35，心率40，意识丧失，很快呼吸也停了，怎么办", "total-spinal"),
    ([], "sat her up after the ILESI with bupi: pale, clammy, HR 36, BP 64/30, unresponsive with shallow breathing. came round briefly "
         "then went off again", "total-spinal"),
    ([], "病人星状神经节阻滞后抽搐还没停，以后做还能用布比卡因吗？", "last"),
    ([], "SGB with lido: she's twitching and says her tongue is numb. next time can we still do it?", "last"),
    ([], "病人做完颈椎TFESI后失明了，网上看到说这种风险很小，到底多大？怎么跟他讲？", "esi-stroke"),
    # (review 48: a pump that is no intrathecal pump, an eye picture told pink, both legs after a joint injection)
    ([], "paravertebral block with a PCA pump of fentanyl running - now unresponsive, BP 60/30, HR 30. naloxone given, no change. what now?",
     "last"),
    (["blurred vision during epiduroscopy irrigation"], "pinking up, sats 96%. ophthalmology tomorrow ok?", "epiduroscopy-pressure"),
    ([], "SI joint injection with Depo-Medrol - 10 min later both legs paralysed, no sensation below the umbilicus", "esi-stroke"),
    ([], "sat her up after the caudal with bupi - pale, clammy, BP 60/30, HR 40, unresponsive and hasn't come round after 3 min. what now?",
     "total-spinal")])
def test_a_picture_going_on_keeps_its_banner_and_pathway(words_engine, history, question, pathway):  # type: ignore[no-untyped-def]
    ans = words_engine.answer(question, history)
    assert ans.urgent and ans.pathway == pathway, (ans.pathway, ans.text)


def test_another_pictures_watch_is_not_a_faints(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("she's fine now. how long do we keep her?", ["vasovagal during the caudal, HR 40, laid flat, atropine given"])
    assert "morphine" not in ans.text and "LAST" not in ans.text, ans.text


@pytest.mark.parametrize("question, absent", [("造影剂渗漏的风险大吗？", "cement-leakage"),
                                               ("how many of these can he have a year?", "repeat-injection-limit")])
def test_words_kept_to_their_subject(words_engine, question, absent):  # type: ignore[no-untyped-def]
    history = [] if question.startswith("造影剂") else ["lumbar MBB for facet pain booked"]
    assert absent not in words_engine.frame(question, history).all_concepts


def test_continue_or_hold_asks_each_drugs_hold(words_engine):  # type: ignore[no-untyped-def]
    f = words_engine.frame("Continue apixaban or hold before SCS trial? also on aspirin")
    assert "apixaban" in f.parts[0].concepts, f.parts


def test_a_rescue_told_as_given_is_no_subject_of_the_watch(engine):  # type: ignore[no-untyped-def]
    story = "pt on IT morphine pump, refilled 1h ago, now very drowsy RR 7 - what do I do?"
    f = engine.frame("gave naloxone, she's awake now, RR 14. how long do we watch her?", [story])
    assert "post-procedure-monitoring" in f.concepts
    ans = engine.answer("gave naloxone, she's awake now, RR 14. how long do we watch her?", [story])
    assert not ans.urgent and any("24 h" in b for b in _bullets(ans.text)), ans.text
