"""Round 212 onwards: clinicians' own words for what they ask ("先用什么abx？", "能不能减少", "can she have a coffee?") and
another procedure's count kept out of a procedure's harms."""

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


def test_a_recommendations_hedge_in_chinese_is_quoted_with_the_recommendation(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("DSA 能不能减少血管内注射？")
    first = _bullets(ans.text)[0]
    assert "数字减影" in first and "该建议" in first, ans.text  # (never "该建议…未经核实" cut from the DSA rule it hedges)
    assert not any(b.startswith("静态图像") for b in _bullets(ans.text)), ans.text


def test_yes_no_ask_words_are_no_detail_to_look_for(engine):  # type: ignore[no-untyped-def]
    assert "不能" not in engine.frame("DSA 能不能减少血管内注射？").parts[0].terms


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


def test_a_procedure_weeks_away_after_a_pneumothorax_is_no_emergency(words_engine):  # type: ignore[no-untyped-def]
    history = ["T5-T7 MBBs done this morning, 2 hrs later pt back in recovery with pleuritic L chest pain and sats 91% on air",
               "CXR shows small apical pneumothorax ~1.5cm. can she go home?"]
    ans = words_engine.answer("she's due the RF at those levels in 6 wks - can we still do it?", history)
    assert not ans.urgent and "fluoroscopic technique" in _bullets(ans.text)[0], ans.text


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
    ("颈椎ILESI C6/7，Tuohy针进去回抽有清亮液体，应该是穿破硬膜了，我能换C7/T1继续把激素打完吗", "中止注射或改换其他节段"),
    ("C6/7 cervical ILESI, clear fluid back through the Tuohy, think I've got a wet tap - can I move to C7/T1 and finish the steroid?",
     "abort the injection or redirect")])
def test_a_wet_tap_asked_whether_to_go_on_at_another_level_gets_the_steps_after_it(words_engine, question, first):  # type: ignore[no-untyped-def]
    assert first in _bullets(words_engine.answer(question).text)[0]


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
    assert not ans.urgent and any("1–2 s" in b for b in _bullets(ans.text)[:2]), ans.text


_PUMP_SIGNS = ("IT morphine pump 6 yrs, needing dose escalation every refill with poorer analgesia, and now new band-like pain around "
               "T10. what are we worried about and what imaging?")


def test_a_pumps_failing_analgesia_and_band_pain_are_the_granulomas_early_signs(words_engine):  # type: ignore[no-untyped-def]
    f = words_engine.frame(_PUMP_SIGNS)
    assert {"loss-of-analgesia", "catheter-tip-dermatome-pain"} <= set(f.concepts), f
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
    f = words_engine.frame(q, history)
    assert "renal-impairment" in f.concepts and f.parts[0].aspects == ("hold",), f
    bullets = _bullets(words_engine.answer(q, history).text)
    assert any("next-higher" in b or "next higher" in b for b in bullets), bullets
    assert not any("Pradaxa" in b or "dabigatran" in b for b in bullets), bullets  # (another drug's renal interval)


def test_whether_it_is_the_pads_fault_asks_the_cause_not_the_drug_before(words_engine):  # type: ignore[no-untyped-def]
    history = ["膝OA病人准备做膝关节genicular nerve射频，术前阿司匹林100mg要停吗？射频温度和时间一般设多少"]
    q = "术后膝内侧皮肤起了个水疱像烫伤，是负极板的问题吗"
    assert "hold" not in words_engine.frame(q, history).parts[0].aspects
    assert not any("阿司匹林" in b for b in _bullets(words_engine.answer(q, history).text)), q


def test_a_treatment_added_for_what_was_told_is_asked_as_what_to_do(words_engine):  # type: ignore[no-untyped-def]
    history = ["骶髂关节外侧支做了水冷射频，术后一周病人臀部一直烧灼样痛，摸着更痛，这正常吗？发生率多高"]
    assert words_engine.frame("需要加普瑞巴林或者再打一针激素吗？", history).parts[0].aspects[:1] == ("action",)


def test_a_vial_shared_between_patients_is_the_single_dose_vial_rule(words_engine):  # type: ignore[no-untyped-def]
    q = "科里为了省钱一瓶利多卡因几个病人共用，有问题吗？操作时需要戴口罩吗"
    f = words_engine.frame(q)
    assert len(f.parts) == 2 and "single-dose-vial" in f.parts[0].concepts, f.parts  # (几个病人: several, no "how many")
    assert "单剂量药瓶" in _bullets(words_engine.answer(q).text)[0]


def test_the_organism_asked_in_an_abscess_picture_is_quoted(words_engine):  # type: ignore[no-untyped-def]
    story = "T2DM on insulin, L4/5 ILESI 5 days ago. Now severe back pain, T 38.6, and new L foot drop this morning"
    ans = words_engine.answer("what scan exactly, and which bug am I covering?", [story])
    assert ans.urgent and any("Staphylococcus aureus" in b for b in _bullets(ans.text)[:3]), ans.text
