"""Round 223 and what the fifty-fifth session left weak: an arrest told with no procedure word raises the banner."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon
from assistant.safety import triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.mark.parametrize(("question", "lang"), [
    ("快点，病人呼吸停了", "zh"), ("病人没有心跳了，正在做CPR", "zh"), ("摸不到脉搏了！", "zh"),
    ("patient not breathing", "en"), ("pt just arrested!!", "en"), ("help, he's pulseless", "en")])
def test_an_arrest_told_with_no_procedure_word_raises_the_banner(question, lang):  # type: ignore[no-untyped-def]
    """A patient who has stopped breathing or has no pulse is an emergency wherever it is told: no procedure word is
    needed (the sources hold no resuscitation protocol, which the banner says)."""
    tri = triage(question, lang)
    assert tri.urgent and tri.rule == "cardiorespiratory-arrest", tri
    assert ("chest compressions" in tri.escalation) if lang == "en" else ("胸外按压" in tri.escalation), tri.escalation


@pytest.mark.parametrize(("question", "lang", "rule"), [
    ("pt not breathing after the SGB, what do we do", "en", "total-spinal"),
    ("during the RFA under midaz and fent, sats now 82% and not rousable, not breathing", "en", "sedation-depression")])
def test_an_arrest_with_its_cause_told_takes_the_causes_pathway(question, lang, rule):  # type: ignore[no-untyped-def]
    """A block, sedation or a local anaesthetic named beside the arrest keeps its own pathway and steps first."""
    concepts = ("sedation",) if "midaz" in question else ("stellate-ganglion-block",)  # (the lexicon's names for them)
    assert triage(question, lang, concepts).rule == rule


@pytest.mark.parametrize(("question", "lang"), [
    ("does a stellate block cause apnoea?", "en"), ("can an SGB cause respiratory arrest?", "en"),
    ("what if the patient stops breathing during the block?", "en"), ("pt has sleep apnoea, ok for sedation?", "en"),
    ("stellate block会不会引起呼吸停止", "zh"), ("万一病人呼吸停了怎么办", "zh"), ("病人有睡眠呼吸暂停，能做镇静吗", "zh")])
def test_an_arrest_asked_about_or_feared_raises_no_banner(question, lang):  # type: ignore[no-untyped-def]
    """A cause or a possibility asked, or sleep apnoea, is no arrest told."""
    tri = triage(question, lang)
    assert tri.rule != "cardiorespiratory-arrest", tri


@pytest.mark.parametrize(("question", "lang"), [
    ("doing L3-S1 provocative discography tmrw, pt has anaphylaxis to penicillin. should I put cefazolin in the contrast?", "en"),
    ("h/o anaphylaxis to cephalosporins, SCS trial next week - what abx?", "en")])
def test_an_anaphylaxis_the_patient_is_known_for_is_no_reaction_now(question, lang):  # type: ignore[no-untyped-def]
    """"pt has anaphylaxis to penicillin" before a planned procedure is history (a drug no procedure gave), no banner."""
    assert not triage(question, lang).urgent


def test_a_reaction_going_on_to_a_named_drug_still_raises_the_banner():  # type: ignore[no-untyped-def]
    tri = triage("gave cefazolin before the SCS implant, pt now has anaphylaxis to cefazolin just now, BP 70/40", "en")
    assert tri.urgent, tri


@pytest.fixture(scope="module")
def disc_engine(engine_over):  # type: ignore[no-untyped-def]
    """The intradiscal procedures beside the implants' infection passages."""
    return engine_over("disc-223", ("intradiscal-pldd", "infection-control", "spinal-cord-stimulation", "esi-general"))


def test_the_allergic_patients_alternative_leads_when_the_allergy_is_told(disc_engine):  # type: ignore[no-untyped-def]
    """Told the penicillin anaphylaxis, the cefazolin question is answered first with what the allergic patient gets (a
    weakly sourced vancomycin, no discography-specific alternative), never read as a rival drug."""
    ans = disc_engine.answer("doing L3-S1 provocative discography tmrw, pt has anaphylaxis to penicillin. "
                             "should I put cefazolin in the contrast or give something IV?")
    assert not ans.urgent, ans.text
    assert "alternative" in _bullets(ans.text)[0] and "vancomycin" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["PLDD术后3周腰痛越来越重，低热，CRP 45，考虑什么？下一步怎么办",
                                      "3 weeks after PLDD, worsening back pain, low grade fever, CRP 45. what is it and what next?"])
def test_discitis_after_an_intradiscal_procedure_is_named_and_its_mri_quoted(disc_engine, question):  # type: ignore[no-untyped-def]
    """The infection banner names discitis, and the next step the sources give after an intradiscal procedure (MRI) is
    among the steps; a sentence saying the sources give no regimen is no step."""
    ans = disc_engine.answer(question)
    assert ans.urgent and ans.pathway == "implant-infection", ans.text
    assert ("discitis" in ans.text.split("\n")[0]) if "PLDD术后" not in question else ("椎间盘炎" in ans.text.split("\n")[0])
    steps = ans.text.split("**Also relevant**")[0].split("**其他相关内容**")[0]
    assert "MRI" in steps.split("\n", 2)[2], ans.text


def test_signs_given_as_examples_in_counselling_are_no_deficit_told():  # type: ignore[no-untyped-def]
    """"要告诉病人哪些危险信号？比如下肢无力、大小便障碍" lists signs to warn of: no banner (a deficit told of the patient
    still raises one)."""
    assert not triage("做ESI术前谈话，要告诉病人哪些危险信号？比如下肢无力、大小便障碍这些要怎么交代", "zh").urgent
    assert triage("ESI术后2小时，病人现在双下肢无力、解不出小便", "zh").urgent


@pytest.mark.parametrize(("question", "lang"), [
    ("once stable - what's the max IT morphine conc and daily dose we should be running?", "en"),
    ("稳定以后，鞘内吗啡最大浓度和每日剂量一般是多少？", "zh")])
def test_a_reference_question_after_the_picture_is_a_later_plan(question, lang):  # type: ignore[no-untyped-def]
    """"once stable", 稳定以后: the figures for later, not the overdose's banner again."""
    before = "鞘内吗啡泵刚加完药1个多小时，病人嗜睡叫不太醒，呼吸8次/分，瞳孔针尖样" if lang == "zh" else \
        "40 min after a morphine intrathecal pump refill pt is drowsy, RR 7, pinpoint pupils"
    assert not triage(question, lang, before=before).urgent
    assert triage("naloxone given, still RR 6 - what now?", "en", ("intrathecal-drug-delivery",),
                  before="40 min after a morphine intrathecal pump refill pt is drowsy, RR 7, pinpoint pupils").urgent


@pytest.mark.parametrize(("question", "history", "concepts", "aspects"), [
    ("and post-op, when does warfarin go back on?",
     ["mechanical mitral valve on warfarin, INR 2.8, needs permanent SCS implant. do we bridge?"], {"warfarin"}, {"hold"}),
    ("那如果同一个病人要做腰椎经椎间孔硬膜外注射呢？要停几天？", ["胃镜下做息肉切除的病人在吃氯吡格雷（波立维），术前要停几天？"],
     {"transforaminal-esi", "clopidogrel"}, {"hold"})])
def test_a_clause_opening_an_ask_is_one_part_with_it(framer, question, history, concepts, aspects):  # type: ignore[no-untyped-def]
    """A lead-in naming nothing ("and post-op,") or the other case told as "what about…呢？" before its ask is one part
    with that ask, never a part of its own answered with filler."""
    q = framer.frame(question, history)
    assert len(q.parts) == 1, q.parts
    assert concepts <= set(q.parts[0].concepts) | set(q.parts[0].inherited) and aspects <= set(q.parts[0].aspects), q.parts


@pytest.mark.parametrize(("question", "history"), [
    ("另一个病人只是海鲜过敏，需要预处理吗", ["患者既往CT增强出现荨麻疹+喉头发紧，这次要做腰椎TFESI需要打造影剂，怎么预处理？",
                                      "如果是急诊，来不及口服激素呢？"]),
    ("different patient, just a shellfish allergy - does she need premedication?",
     ["pt with prior contrast anaphylaxis for an SIJ injection, premed regimen?"])])
def test_another_patient_told_in_full_is_no_follow_up(framer, question, history):  # type: ignore[no-untyped-def]
    """Another patient, told and asked in full, inherits nothing of the patient before (nor the urgent regimen's 预处理)."""
    q = framer.frame(question, history)
    assert "urgent-premedication" not in q.all_concepts and "contrast-allergy" not in q.all_concepts, q


@pytest.mark.parametrize("question", ["病人78岁，体重才46kg，TFESI要不要按高一级出血风险来处理？",
                                      "78yo, 46kg, should her TFESI be treated as the next higher bleeding risk category?"])
def test_moving_up_a_bleeding_risk_class_is_asked_as_who_is_at_risk(framer, question):  # type: ignore[no-untyped-def]
    """"按高一级出血风险来处理" asks whether the patient moves the procedure up a class: no treatment or dose asked."""
    q = framer.frame(question)
    assert q.aspects == ("risk_factors",) and q.parts[0].aspects == ("risk_factors",), q


def test_needing_steroid_cover_is_asked_as_a_measure(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("HPA轴抑制会持续多久？她下个月要做膝关节置换，需要激素覆盖吗？")
    assert q.parts[-1].aspects[:1] == ("prevention",), q.parts


@pytest.mark.parametrize(("question", "history"), [
    ("she wants the left side done today as well while she's here - any issue?",
     ["after R SGB pt has a droopy eyelid, hoarse voice and feels a lump in her throat. normal? can she eat and drive home?"]),
    ("左边能不能今天一起做了？", ["右侧星状神经节阻滞后声音嘶哑、眼睑下垂，正常吗？"])])
def test_the_other_side_today_after_a_stellate_block_asks_whether_it_may_be_done(framer, question, history):  # type: ignore[no-untyped-def]
    """"the left side done today as well - any issue?" is the bilateral block, asked whether it may be done (never the
    "is it normal?" of the turn before)."""
    q = framer.frame(question, history)
    assert "bilateral-block" in q.concepts and q.parts[0].aspects == ("contraindications",), q


@pytest.fixture(scope="module")
def steroid_engine_223(engine_over):  # type: ignore[no-untyped-def]
    """A steroid's own effects beside the ESI documents, the contrast passages and the bleeding passages."""
    return engine_over("steroid-223", ("patient-selection-monitoring", "esi-general", "esi-transforaminal", "radiation-contrast",
                                       "anticoagulants"))


def test_steroid_cover_asked_beside_how_long_suppression_lasts_gets_its_own_rule(steroid_engine_223):  # type: ignore[no-untyped-def]
    """"HPA轴抑制会持续多久？…需要激素覆盖吗？": the cover rule answers the second part (its 48 days are the first part's
    figures too, and no evidence note stands in for it)."""
    ans = steroid_engine_223.answer("HPA轴抑制会持续多久？她下个月要做膝关节置换，需要激素覆盖吗？",
                                    ["2型糖尿病，胰岛素控制，明天骶管注射曲安奈德40mg，打完血糖会升多少？"])
    second = ans.text.split("**需要激素覆盖吗**")
    assert len(second) == 2 and "补充糖皮质激素" in _bullets(second[1])[0], ans.text


def test_another_patients_seafood_allergy_is_answered_for_that_patient(steroid_engine_223):  # type: ignore[no-untyped-def]
    ans = steroid_engine_223.answer("另一个病人只是海鲜过敏，需要预处理吗",
                                    ["患者既往CT增强出现荨麻疹+喉头发紧，这次要做腰椎TFESI需要打造影剂，怎么预处理？",
                                     "如果是急诊，来不及口服激素呢？"])
    assert not ans.urgent and "贝类过敏并不是特异性危险因素" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["病人看到网上说打硬膜外激素会瘫痪、失明甚至死亡，吓得不敢做，我该怎么跟他解释风险有多大？",
                                      "how common is paralysis or blindness after an epidural steroid injection?"])
def test_the_whole_audit_counts_a_feared_harm_of_any_esi(steroid_engine_223, question):  # type: ignore[no-untyped-def]
    """Asked of ESIs as a whole, the count is the whole audit's (14,956 TF and 1,682 IL), not its transforaminal subset."""
    first_two = " ".join(_bullets(steroid_engine_223.answer(question).text)[:2])
    assert "1,682" in first_two, first_two


@pytest.mark.parametrize(("question", "lang", "history"), [
    ("during kyphoplasty pt sudden chest pain and cough, once stable can we finish the level?", "en", ""),
    ("椎体成形注骨水泥时病人突然胸痛、咳嗽，稳定后还能继续打吗", "zh", ""),
    ("cervical TFESI, pt suddenly slurred speech and arm weakness - once stable do we need MRI?", "en", ""),
    ("恢复过来后还能做射频吗？", "zh", "射频时病人晕倒了，心率40，血压70/40"),
    ("鞘内吗啡最大剂量一般是多少？", "zh", "鞘内吗啡泵刚加完药1个多小时，病人嗜睡叫不太醒，呼吸8次/分，瞳孔针尖样")])
def test_once_stable_beside_a_picture_told_or_going_on_with_the_procedure_keeps_the_banner(question, lang, history):  # type: ignore[no-untyped-def]
    """"once stable" is a later plan only when the turn tells no sign, names no rescue and does not ask to go on with the
    procedure (review 56): a picture told in the same turn, or "can we finish the level?", stays an emergency."""
    concepts = ("vertebral-augmentation",) if "kypho" in question or "椎体" in question else ("intrathecal-drug-delivery",) if "鞘内" in question else ()
    assert triage(question, lang, concepts, before=history).urgent


@pytest.mark.parametrize(("question", "lang"), [
    ("ICD-10 coding for lumbar facet RFA?", "en"), ("husband says he stops breathing in his sleep - ok for sedation for RFA tomorrow?", "en"),
    ("家属说他睡觉时会呼吸停一会儿，明天射频能镇静吗", "zh"), ("透视时让病人屏住呼吸停几秒，会影响TFESI吗", "zh"),
    ("足背动脉摸不到脉搏，能做腰交感神经阻滞吗", "zh"), ("科室在做CPR培训，疼痛介入护士需要掌握哪些？", "zh"),
    ("s/p cardiac arrest, has ICD, planning lumbar RFA - precautions?", "en"), ("心脏骤停过的病人做射频要注意什么", "zh"),
    ("is respiratory arrest a recognised complication of SGB?", "en"), ("病人没呼吸困难，可以回家吗", "zh"),
    ("oozing at the injection site arrested with pressure, ok to discharge?", "en"),
    ("pt afraid of not breathing after the SGB, what do I tell her?", "en"), ("pt had a cardiac arrest last year, now on apixaban - how long to hold before TFESI?", "en"),
    ("术前谈话要不要告诉病人可能出现呼吸心跳骤停？", "zh"), ("are the SCS lead contacts colour coded?", "en")])
def test_arrest_words_that_tell_no_arrest_raise_no_banner(question, lang):  # type: ignore[no-untyped-def]
    """Coding, sleep, a held breath, a pedal pulse, a drill, an arrest in the history, an arrest asked about, no
    breathlessness, bleeding arrested: no cardiorespiratory arrest (review 56)."""
    assert not triage(question, lang).urgent


@pytest.mark.parametrize(("question", "lang"), [
    ("病人心跳骤停了", "zh"), ("病人没有脉搏了", "zh"), ("快！病人没有呼吸没有脉搏", "zh"), ("患者刚才还在说话，突然没有心跳了", "zh"),
    ("pt in VF on the monitor", "en"), ("pt not breathing - could this be a total spinal?", "en"), ("病人呼吸停了，可能会是什么原因", "zh"),
    ("65M hx CAD, arrested in recovery after RFA", "en"), ("病人以前做过两次射频都没事，这次突然心跳停了", "zh"),
    ("he isn't breathing and I can't feel a pulse", "en"), ("pt coded in recovery", "en"),
    ("pt was sleeping in recovery, now found not breathing, no pulse", "en")])
def test_an_arrest_told_in_other_words_or_with_its_cause_asked_raises_the_banner(question, lang):  # type: ignore[no-untyped-def]
    """Told in its own clause, an arrest is told, whatever cause is asked beside it (review 56)."""
    assert triage(question, lang).urgent


def test_a_live_reaction_to_a_named_drug_is_no_allergy_history():  # type: ignore[no-untyped-def]
    assert triage("pt anaphylactic to cefazolin, tongue swelling, stridor", "en").urgent


# --- round 224 --------------------------------------------------------------------------------------------------------

def test_how_long_to_continue_after_a_prophylaxis_part_is_the_prophylaxis(framer):  # type: ignore[no-untyped-def]
    """"…what abx prophylaxis and timing, and how long do we continue afterwards?": the antibiotics' course, not the
    supplements the turn before told (never "continue" read as keeping a drug on)."""
    q = framer.frame("also what abx prophylaxis and timing for the trial leads, and how long do we continue afterwards?",
                     ["SCS trial booked in 5 days. shes on sertraline 100, fish oil and ginkgo. do i need to stop any of those?"])
    assert "antibiotic-prophylaxis" in q.parts[-1].concepts, q.parts


@pytest.mark.parametrize(("question", "history"), [
    ("下个月能不能再打一次？", ["腰椎TF打了曲安奈德40mg"]), ("can we repeat it next month?", ["L5 TF with 40mg kenalog yesterday"])])
def test_another_injection_soon_after_the_one_told_asks_its_repeat_limit(framer, question, history):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" in framer.frame(question, history).concepts


def test_a_drugs_next_dose_next_month_is_no_injection_repeat(framer):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" not in framer.frame("肾上腺素下个月能不能再打一次").concepts


@pytest.mark.parametrize("question", ["规培生问：70kg病人 1%利多卡因局部浸润最多能推多少ml？",
                                      "resident asks: max lidocaine 1% for skin infiltration in a 70 kg patient?"])
def test_who_is_asking_is_no_topic(framer, question):  # type: ignore[no-untyped-def]
    q = framer.frame(question)
    assert not q.unknown and "lidocaine" in q.concepts, q


def test_a_steroid_asked_whether_it_may_be_used_is_a_contraindication_ask(framer):  # type: ignore[no-untyped-def]
    assert "contraindications" in framer.frame("颈椎C6/7 TFESI 用得宝松1ml加利多卡因行不行？").aspects


def test_another_patient_told_with_there_is_one_is_no_follow_up(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("另外下周有个装了起搏器的病人要做腰椎RFA，有啥要注意的",
                     ["T6-T7 胸椎内侧支射频 今天上午做的，病人晚上打电话说胸口痛 喘不上气，怎么办"])
    assert not q.followup and "dyspnoea" not in q.all_concepts, q


def test_an_apical_rim_is_a_pneumothorax(framer):  # type: ignore[no-untyped-def]
    assert "pneumothorax" in framer.frame("CXR shows a 1.5cm apical rim, sats 95% on 2L, comfortable - drain or just observe?").concepts


@pytest.fixture(scope="module")
def hold_engine_224(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("hold-224", ("anticoagulants", "esi-general", "esi-transforaminal", "pdph", "infection-control"))


def test_an_unknown_drugs_hold_is_never_another_named_drugs_interval(hold_engine_224):  # type: ignore[no-untyped-def]
    """泰嘉 is not in the knowledge base: the note says so, and no other drug's interval (fondaparinux's 4 days) stands in."""
    ans = hold_engine_224.answer("老太太72岁 一直吃泰嘉75mg qd（冠脉支架4年前放的），下周二准备做L4/5 TFESI，泰嘉要停几天啊？")
    assert "泰嘉" in ans.text and "磺达肝癸钠" not in ans.text, ans.text


def test_a_fever_told_now_two_turns_after_a_wet_tap_is_its_red_flag(hold_engine_224):  # type: ignore[no-untyped-def]
    """"如果他现在还有发烧38.6呢" after the wet tap's headache and then the patch's volume: the puncture's red flags (rule
    out meningitis before a blood patch), read in the scene told two turns back."""
    ans = hold_engine_224.answer("如果他现在还有发烧38.6呢", ["前天L5/S1 ILESI穿破硬膜了，今天病人坐起来就头痛得厉害 躺平好很多，咖啡因能给多少？",
                                                   "保守两天没用，血补丁打多少ml合适"])
    assert ans.urgent and ans.pathway == "dural-puncture-red-flags", ans.text


def test_the_same_dose_times_told_before_are_worked_against_the_new_procedure(hold_engine_224):  # type: ignore[no-untyped-def]
    """"same clexane timing but … at 0700": the dose time of the turn before is this turn's, worked when its kind is told."""
    ans = hold_engine_224.answer("same clexane timing but she's actually a pain pt for an L4/5 interlaminar ESI at 0700 - does that work?",
                                 ["can I put in a labour epidural on a primip who had clexane 40mg daily at 2200, now 0700?"])
    assert "22:00 → 07:00 = 9 h" in ans.text, ans.text
