"""Rounds 209 onwards: what a procedure, a diagnostic block or a check is worth ("Is TFESI effective?", "SIJ diagnostic
block - how reliable?", "数字减影有效吗？"), as clinicians type it."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets


@pytest.fixture(scope="module")
def worth_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these questions reach: the ESI routes, facet and SI joint procedures, toxicity."""
    return engine_over("worth", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "facet-mbb-rfa", "sacroiliac", "last",
                                 "pdph", "cervical-thoracic-sympathetic"))


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


@pytest.mark.parametrize("question", ["Is TFESI effective?", "is a TFESI really effective?", "How effective is TFESI?"])
def test_effective_ending_the_ask_is_the_procedures_efficacy_not_its_complication_rates(worth_engine, question):  # type: ignore[no-untyped-def]
    f = worth_engine.frame(question)
    assert "efficacy" in f.concepts and "efficacy" in f.parts[0].concepts, f
    ans = worth_engine.answer(question)
    assert not any("intravascular" in b.lower() or "9.6%" in b for b in _bullets(ans.text)), ans.text


def test_effective_said_of_something_else_is_no_efficacy_ask(worth_engine):  # type: ignore[no-untyped-def]
    assert "efficacy" not in worth_engine.frame("what is the lowest effective dose of lidocaine for LAST prevention").concepts
    # a treatment for a harm keeps what the sources say of it (a blood patch for PDPH)
    ans = worth_engine.answer("Is an epidural blood patch effective?")
    assert "blood patch" in _first(ans).lower() and "definitive treatment" in _first(ans), ans.text


@pytest.mark.parametrize("question", ["Is TFESI more effective than ILESI?", "TF还是IL效果更好？"])
def test_two_routes_compared_on_efficacy_are_not_answered_with_a_steroids_efficacy(worth_engine, question):  # type: ignore[no-untyped-def]
    ans = worth_engine.answer(question)
    assert not any(w in b.lower() for b in _bullets(ans.text) for w in ("particulate", "颗粒", "dexamethasone", "地塞米松")), ans.text
    assert not ans.bullets, ans.text  # (the sources compare the routes' complications only)


@pytest.mark.parametrize("question, figure", [
    ("SIJ diagnostic block before RF - how reliable is it?", "53.8%"),
    ("SIJ诊断性阻滞可靠吗？", "53.8%")])
def test_a_diagnostic_blocks_reliability_is_its_false_positive_rate(worth_engine, question, figure):  # type: ignore[no-untyped-def]
    ans = worth_engine.answer(question)
    assert figure in _first(ans), ans.text
    assert "recognition" not in worth_engine.frame(question).aspects


@pytest.mark.parametrize("question, note", [
    ("how reliable are MBBs before facet RF?", "false-positive rate"), ("MBB准不准？", "假阳性率")])
def test_another_blocks_false_positive_rate_is_said_missing_never_the_sacroiliac_figures(worth_engine, question, note):  # type: ignore[no-untyped-def]
    ans = worth_engine.answer(question)
    assert not any("53.8%" in b or "sacroiliac" in b.lower() or "骶髂" in b for b in _bullets(ans.text)), ans.text


def test_a_checks_reliability_is_not_read_as_a_blocks_false_positives(worth_engine):  # type: ignore[no-untyped-def]
    assert "false-positive-block" not in worth_engine.frame("is negative aspiration reliable during a stellate block?").concepts


@pytest.mark.parametrize("question", ["数字减影对发现血管内注射有效吗？", "is DSA effective at catching intravascular injection?"])
def test_what_a_check_is_worth_against_a_harm_is_its_prevention_not_the_harms_rates(worth_engine, question):  # type: ignore[no-untyped-def]
    f = worth_engine.frame(question)
    assert f.aspects[:1] == ("prevention",), f
    ans = worth_engine.answer(question)
    assert not any("10.5%" in b or "19.4%" in b for b in _bullets(ans.text)), ans.text


@pytest.fixture(scope="module")
def call_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents the follow-ups of round 209 reach: toxicity, epiduroscopy, the pump, the SI joint, bleeding risk,
    radiation, SCS and the ESI documents."""
    return engine_over("calls-209", ("last", "epiduroscopy-adhesiolysis", "intrathecal-drug-delivery", "sacroiliac", "anticoagulants",
                                     "radiation-contrast", "spinal-cord-stimulation", "esi-general", "esi-transforaminal",
                                     "patient-selection-monitoring"))


_SEIZING = "急！！右侧SGB刚推完罗哌卡因5ml，病人突然说嘴巴周围麻、耳鸣，接着就四肢抽搐了，体重55kg，现在怎么办"


@pytest.mark.parametrize("question, history, drug", [
    ("抽搐能不能直接推丙泊酚止抽？", [_SEIZING], "丙泊酚"),
    ("can I give propofol for the seizure?", ["just injected 5 ml ropivacaine for SGB, now perioral numbness, tinnitus and she is seizing, what now"],
     "propofol")])
def test_a_drug_asked_in_the_emergency_gets_what_the_pictures_passages_say_of_it(call_engine, question, history, drug):  # type: ignore[no-untyped-def]
    ans = call_engine.answer(question, history)
    assert ans.urgent, ans.text
    assert drug in ans.bullets[1]["text"].lower(), ans.text  # (right after the first step)
    assert "知识库没有关于" not in ans.text and "says nothing on" not in ans.text, ans.text


def test_a_plan_asked_after_the_emergency_leads_with_its_own_answer(call_engine):  # type: ignore[no-untyped-def]
    # (right after the picture's first step, which still leads: the emergency is not told over)
    ans = call_engine.answer("生理盐水冲洗的速度和总量应该控制在多少？", ["硬膜外腔镜做到一半，病人突然说脖子痛、头痛，看东西模糊，是怎么回事？要不要停？"])
    assert "1–2 s" in ans.bullets[1]["text"] and "暂停" in _first(ans), ans.text
    ans = call_engine.answer("what infusion rate should we be using?",
                             ["epiduroscopy in progress, pt now c/o neck pain and blurred vision, we've run in about 80 ml saline so far"])
    assert "1–2 s" in ans.bullets[1]["text"] and "pause" in _first(ans), ans.text


def test_prevention_asked_after_a_pump_overdose_is_the_refill_safety_not_the_rescue(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("怀疑是药加到了侧孔（bolus port）里，以后加药怎么预防这种事？",
                             ["鞘内吗啡泵刚加完药半小时，病人嗜睡叫不醒，呼吸8次/分，瞳孔针尖样，怎么办"])
    assert "核对药物及浓度" in _first(ans), ans.text
    assert not any("纳洛酮" in b for b in _bullets(ans.text)[:2]), ans.text
    f = call_engine.frame("怀疑是药加到了侧孔里，以后加药怎么预防？")
    assert f.aspects == ("prevention",) and "pump-refill" in f.concepts, f


def test_getting_up_told_as_when_a_sign_was_found_asks_no_mobilisation(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("骶髂关节注射完，病人下床发现同侧腿麻、没力气，站不稳，要紧吗？")
    assert not ans.abstained and any("坐骨神经" in b for b in _bullets(ans.text)[:2]), ans.text
    assert "mobilisation" in call_engine.frame("SIJ injection this morning - can she get out of bed straight away?").concepts


def test_plain_conversation_words_are_no_unknown_subject(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("cardiology say he can come off the P2Y12 but they want to swap him to plavix first - how many days off plavix before the trial?")
    assert not ans.abstained and "7 days" in _first(ans), ans.text
    assert call_engine.frame("realistically what minor side effects should she expect after an ESI?").unknown == ()


def test_the_babys_dose_limit_is_the_fetal_limit_not_the_workers(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("what's the dose limit for the baby?",
                             ["I'm a radiographer, just found out I'm 8 weeks pregnant. can I keep doing the fluoro pain lists?"])
    assert "embryo or fetus" in _first(ans) and "20 mSv" not in _first(ans), ans.text


def test_whether_and_when_to_stop_is_one_ask(call_engine):  # type: ignore[no-untyped-def]
    q = "pt takes naproxen 500 bd and fish oil capsules, pre-assessment for dorsal column stimulator implant. does she need to stop either and when?"
    assert len(call_engine.frame(q).parts) == 1
    ans = call_engine.answer(q)
    assert "Not covered" not in ans.text and any("naproxen" in b for b in _bullets(ans.text)), ans.text


def test_a_local_anaesthetics_maximum_for_an_implants_infiltration_is_the_drugs_own(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("max lignocaine with adrenaline for a 70kg man? planning 20ml 1% with adrenaline for SCS lead infiltration "
                             "plus another 10ml 2% plain for the IPG pocket")
    assert "7 mg/kg" in _first(ans) or "6 mg/kg" in _first(ans), ans.text
    assert not any("IPG" in b or "spinal cord stimulat" in b.lower() for b in _bullets(ans.text)), ans.text


def test_a_lab_value_drawn_today_is_no_last_dose(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("华法林的病人今天查INR 1.6，明天排了L4/5椎板间ESI，能不能做？")
    assert "按所述时间推算" not in ans.text and "INR 1.6" in ans.text, ans.text


def test_a_brands_class_rule_comes_with_the_sentence_placing_the_brand_in_the_class(call_engine):  # type: ignore[no-untyped-def]
    for question, said in (("C6神经根TFESI能用得宝松吗？", "得宝松应按颗粒型"), ("can I use Diprospan for a C6 TFESI?", "Diprospan should be treated as a particulate")):
        ans = call_engine.answer(question)
        assert said in _bullets(ans.text)[1], ans.text


def test_a_frightened_patients_harms_explained_are_how_rare_they_are_first(call_engine):  # type: ignore[no-untyped-def]
    f = call_engine.frame("patient terrified of paralysis after reading online, how do I explain the risk of a lumbar ESI?")
    assert f.aspects[:1] == ("frequency",), f
    ans = call_engine.answer("patient terrified of paralysis after reading online, how do I explain the risk of a lumbar ESI?")
    assert "16,638" in _first(ans), ans.text


@pytest.fixture(scope="module")
def rf_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents RF, augmentation and bleeding-risk questions reach."""
    return engine_over("rf-209", ("facet-mbb-rfa", "sacroiliac", "vertebral-augmentation", "anticoagulants", "intradiscal-pldd"))


def test_a_procedure_of_one_region_keeps_other_regions_figures_out(rf_engine):  # type: ignore[no-untyped-def]
    ans = rf_engine.answer("第三枕神经射频消融术前谈话，要跟病人交代哪些副作用？发生率大概多少")
    assert not any("骶" in b or "腰椎" in b for b in _bullets(ans.text)), ans.text
    assert any("19%" in b for b in _bullets(ans.text)), ans.text


def test_skin_sensitivity_after_an_rfa_is_its_neuritis(rf_engine):  # type: ignore[no-untyped-def]
    q = "3 weeks after L4-5 L5-S1 medial branch RFA pt has burning pain and skin sensitivity over the lower back. normal? how long does it last?"
    assert "post-ablation-neuritis" in rf_engine.frame(q).concepts
    ans = rf_engine.answer(q)
    assert any("self-limited" in b for b in _bullets(ans.text)), ans.text



_FAINTED = "TFESI打完病人一坐起来就面色苍白、大汗，心率45，血压80/40，意识还清楚，怎么处理？"


def test_next_time_asked_after_a_vasovagal_is_no_emergency_and_a_missing_prevention_is_said(worth_engine):  # type: ignore[no-untyped-def]
    assert not worth_engine.answer("下次还能给他做TFESI吗？", [_FAINTED]).urgent
    ans = worth_engine.answer("这种情况下次怎么预防？", [_FAINTED])
    assert not ans.urgent and "知识库未给出血管迷走神经反应的预防措施" in ans.text, ans.text
    # (a harm whose prevention the sources give gets no such note)
    assert "no prevention measures" not in worth_engine.answer("how do I prevent PDPH after an ILESI?").text


# --- round 210 and review 44 ----------------------------------------------------------------------------------------------

def test_a_fear_explained_is_the_risk_explained_not_how_long_to_stop_or_the_treatment(call_engine):  # type: ignore[no-untyped-def]
    q = ("my patient read on the internet that epidural steroid injections cause paralysis, blindness and death and she is now "
         "terrified to have her lumbar ESI. how do I explain the real risk to her?")
    ans = call_engine.answer(q)
    assert not ans.urgent and "16,638" in _first(ans), ans.text
    # (how long to stop a drug, explained to a worried patient, is still the hold)
    ans = call_engine.answer("pt anxious about bleeding - how do I explain how long to stop clopidogrel before her SCS trial?")
    assert "7 days" in _first(ans), ans.text
    assert call_engine.frame("病人担心出血，怎么跟他解释氯吡格雷要停几天再做SCS？").aspects[:1] != ("frequency",)


def test_sensitive_skin_is_neuritis_only_after_an_rf(call_engine):  # type: ignore[no-untyped-def]
    assert "post-ablation-neuritis" not in call_engine.frame("sensitive skin around the pump pocket 3 weeks after implant, warm and red - what to do?").concepts
    assert "post-ablation-neuritis" not in call_engine.frame("skin is sensitive around the TFESI site 2 days later, red and warm - infection?").concepts


def test_tunnelling_is_no_infiltration_site_read_away(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("max lidocaine with adrenaline for tunnelling the IT pump catheter, 45 kg?")
    assert not ans.abstained and "315 mg" in ans.text, ans.text


def test_a_disinfectants_effect_is_no_efficacy_ask(call_engine):  # type: ignore[no-untyped-def]
    assert "efficacy" not in call_engine.frame("哪种消毒液效果更好，氯己定还是碘伏？").concepts


def test_a_plan_asked_while_the_picture_worsens_keeps_the_steps_first(call_engine):  # type: ignore[no-untyped-def]
    scene = ["epiduroscopy in progress, pt now c/o neck pain and blurred vision, we've run in about 80 ml saline so far"]
    ans = call_engine.answer("her vision is still blurred and now she's confused - what infusion rate?", scene)
    assert ans.urgent and "pause" in _first(ans), ans.text


def test_an_allergy_told_as_history_makes_no_emergency_of_a_follow_up_naming_contrast(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("can I just mix cefazolin into the contrast like some people do?",
                             ["do we need antibiotic prophylaxis for lumbar provocative discography? this pt had anaphylaxis to penicillin"])
    assert not ans.urgent, ans.text


def test_a_maximum_on_ideal_weight_above_the_cap_is_said_to_be_the_cap_not_the_patients(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("155cm female, 79kg. doing bilateral L3-5 MBBs plus bilateral SIJ injections same sitting using a mix of "
                             "0.5% bupivacaine and 1% lidocaine. whats my max total LA dose?")
    assert "the most for any patient" in ans.text and "(capped at 70 kg, as the passage says)" not in ans.text, ans.text


def test_a_nerves_rf_told_as_the_nerve_and_rf_is_its_neurotomy_and_dizziness_does_not_empty_it(rf_engine):  # type: ignore[no-untyped-def]
    q = "C2-3/第三枕神经（TON）射频术前谈话，病人问术后会不会头晕走路不稳、头皮麻？发生率多少？"
    assert "third-occipital-neurotomy" in rf_engine.frame(q).concepts
    ans = rf_engine.answer(q)
    assert not ans.abstained and any("19%" in b for b in _bullets(ans.text)), ans.text
    assert not any("腰椎" in b or "骶" in b for b in _bullets(ans.text)), ans.text


def test_a_later_occasion_opens_its_own_part(call_engine):  # type: ignore[no-untyped-def]
    parts = call_engine.frame("病人后来稳定了。这种情况要观察多久？下次他还想做SGB，怎么预防再出现？").parts
    assert [p.text for p in parts] == ["病人后来稳定了。这种情况要观察多久？", "下次他还想做SGB，怎么预防再出现？"]


def test_a_later_part_keeps_its_own_bullets_beside_a_settled_emergencys_observation(call_engine):  # type: ignore[no-untyped-def]
    scene = ["鞘内吗啡泵加药，护士加完20分钟病人叫不醒、呼吸8次/分、针尖瞳孔，怀疑针扎进了侧口（bolus port）把药直接推进鞘内了，怎么办？"]
    ans = call_engine.answer("纳洛酮给了以后病人醒了。这个病人要在什么地方观察多久？以后加药怎么避免再扎错口？", scene)
    assert any("核对药物及浓度" in b["text"] and b["part"] == 1 for b in ans.bullets), ans.text


@pytest.mark.parametrize("question", ["病人这个月打了3次硬膜外曲安奈德40mg，下周要做全髋置换，围术期要不要补激素？",
                                      "she had 3 epidural triamcinolone 40 mg injections this month, hip replacement next week - does she need perioperative steroid cover?"])
def test_steroid_cover_before_another_specialtys_operation_after_our_injections_is_ours(call_engine, question):  # type: ignore[no-untyped-def]
    ans = call_engine.answer(question)
    assert not ans.abstained and ("steroid cover" in _first(ans) or "补充糖皮质激素" in _first(ans)), ans.text


@pytest.fixture(scope="module")
def county_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents of rounds 210-211's pictures that settle and of the Chinese county threads: SCS and its infection,
    thoracic RF pneumothorax, a vasovagal reaction after a TFESI, contrast, bleeding risk, augmentation."""
    return engine_over("county-211", ("radiation-contrast", "anticoagulants", "spinal-cord-stimulation", "infection-control",
                                      "vertebral-augmentation", "facet-mbb-rfa", "esi-transforaminal", "ultrasound-pneumothorax",
                                      "esi-general", "patient-selection-monitoring"))


def test_a_picture_looked_back_on_or_settled_is_no_emergency(county_engine):  # type: ignore[no-untyped-def]
    infected = "SCS IPG implanted 10 days ago, pocket is red hot and discharging pus, temp 38.2. can we manage with oral flucloxacillin and keep the device?"
    ans = county_engine.answer("in hindsight what antibiotic prophylaxis should we have used and for how long post op?", [infected])
    assert not ans.urgent and any("1 h before incision" in b or "24 h" in b for b in _bullets(ans.text)), ans.text
    rang = ("pt rang the day unit 5 hrs after right T5-6 and T6-7 medial branch RFA, now sharp pain on breathing in and a bit short of "
            "breath. what do I tell her?")
    ans = county_engine.answer("she came in, CXR shows small apical pneumothorax ~1.5cm, sats 97% on air, comfortable. can she go home?", [rang])
    assert not ans.urgent, ans.text
    assert county_engine.answer("CXR shows pneumothorax, sats 86% on air and more breathless", [rang]).urgent


def test_carrying_on_after_a_settled_vasovagal_with_the_injectate_named_says_there_is_no_rule(county_engine):  # type: ignore[no-untyped-def]
    grey = "right after contrast for L5 TFESI pt went grey and sweaty, HR 38, BP 70/40, still talking to me. vasovagal or something worse?"
    ans = county_engine.answer("she's pinked up lying flat with legs up, HR 70. ok to carry on and inject the dex today, or rebook?", [grey])
    assert "no guidance on what to do once vasovagal reaction has settled" in ans.text, ans.text
    assert not any("31/94" in b for b in _bullets(ans.text)), ans.text


# --- round 211 and review 45 ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "he's worried about having weakness in both legs now since his ILESI this morning, what should I do?",
    "pt is terrified of having a stroke - slurred speech and arm weakness now after a C6 TFESI"])
def test_a_fear_word_never_turns_a_picture_told_now_into_a_plan(call_engine, question):  # type: ignore[no-untyped-def]
    assert call_engine.answer(question).urgent


def test_an_epidural_steroid_told_before_another_specialtys_operation_keeps_its_drug_holds_theirs(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("after epidural triamcinolone last week she now needs a colonoscopy with polypectomy - how long to hold clopidogrel?")
    assert ans.verdict == "out_of_scope" and not ans.bullets, ans.text


def test_a_fear_of_a_minor_effect_is_no_grave_risk_explained(call_engine):  # type: ignore[no-untyped-def]
    assert call_engine.frame("糖尿病病人担心激素会让血糖升高，怎么跟他解释风险？").aspects[:1] != ("frequency",)
    ans = call_engine.answer("病人看到网上说硬膜外注射激素会瘫痪、失明，吓得不敢做了，我该怎么跟她解释这个风险？")
    assert "16,638" in _first(ans), ans.text


_SGB_LAST = ("help - 58kg woman just had R stellate ganglion block, US guided, 8ml 0.5% bupivacaine. 1 min after she said her tongue is "
             "tingling, now twitching L arm and very confused, HR dropped to 44. what now")


def test_how_long_to_keep_her_after_an_unnamed_picture_is_its_observation(call_engine):  # type: ignore[no-untyped-def]
    ans = call_engine.answer("she settled after bolus, no arrest. how long do we have to keep her in recovery?",
                             [_SGB_LAST, "how much intralipid do i actually push for her, she is 58 kg"])
    assert "4–6 h" in _first(ans), ans.text
    assert "dose" not in call_engine.frame("she settled after bolus, no arrest. how long do we keep her?").aspects


def test_stopping_it_happening_again_is_prevention(call_engine, rf_engine):  # type: ignore[no-untyped-def]
    pump = ["just refilled a synchromed pump with morphine 20mg/ml, 20 mins later pt drowsy, RR 6, pinpoint pupils. think we might have done a pocket fill",
            "gave naloxone and she's rousable now - how long do we need to observe her?"]
    ans = call_engine.answer("how do we stop this happening again at refills?", pump)
    assert "confirming the drug and concentration" in _first(ans), ans.text
    kypho = ["during T12 kypho, about 6ml PMMA in, pt suddenly sats 84% and BP 80/40, coughing. what do i do",
             "CTPA later shows cement in R main pulm artery, she's now stable on 2L O2. do we anticoagulate and for how long?"]
    ans = rf_engine.answer("she has another fracture at L2 for next month. how do we reduce the chance of this happening again - how much cement max?", kypho)
    assert not ans.abstained and any("3.5" in b or "volume" in b for b in _bullets(ans.text)[:3]), ans.text


def test_whether_to_give_a_measure_and_how_is_one_ask_answered_with_its_regimen(county_engine):  # type: ignore[no-untyped-def]
    q = "患者去年做增强CT用碘帕醇出了全身荨麻疹+喉头发紧，这次要做腰椎TFESI需要打造影剂，要不要预防用药，怎么给"
    assert len(county_engine.frame(q).parts) == 1
    ans = county_engine.answer(q)
    assert any("泼尼松50 mg" in b for b in _bullets(ans.text)[:2]) and "未给出以下剂量" not in ans.text, ans.text



def test_a_weekday_last_dose_checked_against_the_interval_asked_before(county_engine):  # type: ignore[no-untyped-def]
    before = ["县医院疼痛科。73岁房颤老太，吃拜瑞妥15mg qd，CrCl 45左右，准备做L4/5 L5/S1双侧脊神经后支射频，需要停药吗？停几天"]
    ans = county_engine.answer("最后一次吃药是周一晚上8点，周四早上8点做，够不够？", before)
    assert not ans.abstained and "60 小时" in ans.text, ans.text


def test_a_familys_cement_in_the_lung_asks_the_embolism_and_its_rate(county_engine):  # type: ignore[no-untyped-def]
    q = "家属问：做椎体成形术骨水泥会不会跑到肺里去？几率多大，会不会死人"
    assert "pulmonary-cement-embolism" in county_engine.frame(q).concepts
    ans = county_engine.answer(q)
    assert any("%" in b and "肺骨水泥栓塞" in b for b in _bullets(ans.text)), ans.text


def test_one_procedure_asked_safer_than_another_is_their_compared_rates(rf_engine):  # type: ignore[no-untyped-def]
    ans = rf_engine.answer("is kyphoplasty safer than vertebroplasty for cement leaks?")
    assert "39.3%" in _first(ans) and "28.9%" in _first(ans), ans.text  # (the two procedures' leak rates side by side)
    assert "comparison" in rf_engine.frame("PKP比PVP更安全吗？").aspects
