"""Round 221 and what the fifty-fourth session left weak: preventing a harm through the procedure that caused it (an
overdose after a pump refill)."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets


@pytest.fixture(scope="module")
def pump_engine(engine_over):  # type: ignore[no-untyped-def]
    """The intrathecal pump beside the other implanted devices and the radiofrequency procedures (a pacemaker's
    reprogramming)."""
    return engine_over("pump-221", ("intrathecal-drug-delivery", "spinal-cord-stimulation", "facet-mbb-rfa", "last",
                                    "patient-selection-monitoring", "infection-control"))


@pytest.mark.parametrize("question", ["naloxone worked. how do we stop this happening next time?",
                                      "ok he's fine now. how do we prevent this in future?"])
def test_an_overdose_after_a_refill_is_prevented_by_the_refill_safety_bundle(pump_engine, question):  # type: ignore[no-untyped-def]
    """No prevention passage names the overdose itself; the refill that caused it has its own safety bundle, which leads
    (never "no prevention measures", nor a pacemaker's reprogramming)."""
    ans = pump_engine.answer(question, ["pt with IT morphine pump refilled this morning, now drowsy RR 7, pinpoint pupils"])
    assert not ans.urgent, ans.text
    assert "no prevention measures" not in ans.text, ans.text
    assert "refill safety" in _bullets(ans.text)[0], ans.text
    assert "pacemaker" not in ans.text, ans.text


@pytest.fixture(scope="module")
def needle_engine(engine_over):  # type: ignore[no-untyped-def]
    """The epidural injections, the wet tap's headache and the facet procedures (whose needle the sources never choose)."""
    return engine_over("needle-221", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "pdph", "facet-mbb-rfa",
                                      "epiduroscopy-adhesiolysis"))


@pytest.mark.parametrize(("question", "expected"), [
    ("which needle for a TFESI?", "OR 0.57"), ("which needle do you use for transforaminals?", "OR 0.57"),
    ("什么针做TFESI比较安全？", "OR 0.57"),
    ("what needle for an interlaminar epidural to reduce the risk of headache?", "Small-gauge pencil-point")])
def test_which_needle_for_an_epidural_leads_with_the_needle_design(needle_engine, question, expected):  # type: ignore[no-untyped-def]
    """"Which needle" asked of an epidural is its needle's design (never added as a lexicon name: it took other questions
    over), and with the headache to keep away, the dural puncture's design."""
    lead = _bullets(needle_engine.answer(question).text)[0]
    assert expected in lead, lead


@pytest.mark.parametrize("question", ["which needle is best for a lumbar MBB?", "what needle size for an epidural blood patch?",
                                      "which needle hit the vessel during the TFESI?"])
def test_which_needle_is_no_design_ask_for_other_needles(needle_engine, question):  # type: ignore[no-untyped-def]
    """A facet block's or a blood patch's needle is none of the design sentences' (the dural puncture's, the epidural
    injection's), and a needle told as having done something is no choice asked."""
    lead = _bullets(needle_engine.answer(question).text)[0]
    assert "Small-gauge pencil-point" not in lead and "OR 0.57" not in lead, lead


def test_the_saline_rate_asked_mid_epiduroscopy_is_answered_under_its_own_heading(needle_engine):  # type: ignore[no-untyped-def]
    """"what rate should we be infusing the saline at?" while the raised-pressure picture goes on: the banner and its steps
    stay first (review 54), and the slow-infusion rule answers under the question's own heading, once (never "what rate"
    read as a complication rate)."""
    ans = needle_engine.answer("what rate should we be infusing the saline at?",
                               ["Doing an epiduroscopy under light sedation, about 15 min in the pt says her neck hurts and her vision has gone blurry"])
    assert ans.urgent, ans.text
    text = ans.text
    assert text.index("**What to do now**") < text.index("**what rate should we be infusing the saline at**") < text.index("1 mL every 1–2 s"), text
    assert text.count("1 mL every 1–2 s") == 1, text


def test_a_planning_follow_up_in_a_pump_overdose_keeps_its_facts_under_its_heading(pump_engine):  # type: ignore[no-untyped-def]
    """"what's the max concentration…" while the picture goes on: the steps first, then the PACC figures under the
    question's own heading (never as "Also relevant" before the steps). (Asked "once he's sorted", it is a later plan:
    round 223, tests/test_clinicians_words_round223.py.)"""
    ans = pump_engine.answer("what's the max concentration of IT morphine we should be using?",
                             ["Nurse here - refilled a pt's intrathecal morphine pump 20 min ago, now he's very drowsy, RR 6 and pinpoint pupils"])
    text = ans.text
    steps = text.index("**What to do now**")
    assert "**Also relevant**" not in text[:steps], text
    assert steps < text.index("**what's the max concentration of IT morphine we should be using**") < text.index("20 mg/mL"), text


@pytest.fixture(scope="module")
def radiation_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("radiation-221", ("radiation-contrast", "review-overview", "esi-general", "patient-selection-monitoring"))


@pytest.mark.parametrize(("question", "history", "lead"), [
    ("we're in the UK - what's the dose limit for the baby?",
     ["one of our theatre nurses just told me she's 10 weeks pregnant, does she need to stay out of the fluoro room?"], "ICRP"),
    ("can you tell us the fetal dose limit for a pregnant radiographer? we're in the UK", [], "ICRP"),
    ("we're in the US - fetal dose limit for a pregnant radiographer?", [], "US rules")])
def test_a_country_told_puts_its_own_rule_first(radiation_engine, question, history, lead):  # type: ignore[no-untyped-def]
    """A UK clinician is not led by the US regulation (the international ICRP figure leads); a US one is."""
    first = _bullets(radiation_engine.answer(question, history).text)[0]
    assert lead in first, first


@pytest.mark.parametrize("question", [
    "My pt read online that epidural steroid injections can cause paralysis and blindness and now she's terrified. How common is that really and what should I tell her?",
    "how common is paralysis or blindness after an epidural steroid injection?"])
def test_how_common_a_catastrophic_harm_is_gets_the_sources_count_early(needle_engine, question):  # type: ignore[no-untyped-def]
    """A lead that lists the harms and says they are rare is followed by the audit's count for their class (no major
    neurologic event among 16,638 ESIs), or the count leads: the answer has its number in its first two bullets."""
    first_two = " ".join(_bullets(needle_engine.answer(question).text)[:2])
    assert "16,638" in first_two and "no immediate major neurologic" in first_two, first_two


def test_less_time_than_the_premedication_needs_is_no_anaphylaxis(radiation_engine):  # type: ignore[no-untyped-def]
    """"来不及了…有没有快一点的方案" after a premedication question: a quicker regimen asked (快一点的方案 is no "hurry!"),
    so no banner, the IV regimen leads, and the CT told before is not "not in the knowledge base"."""
    ans = radiation_engine.answer("来不及了，明天早上8点就排台，有没有快一点的方案",
                                  ["病人去年增强CT后全身荨麻疹加喉头发紧，这次L5/S1 TFESI要打造影剂，术前怎么预防用药？"])
    assert not ans.urgent and not ans.abstained, ans.text
    assert "静脉" in _bullets(ans.text)[0] and "甲泼尼龙40 mg" in _bullets(ans.text)[0], ans.text
    assert "知识库中没有关于以下内容的资料" not in ans.text, ans.text


def test_a_premedication_with_time_to_spare_leads_with_the_oral_regimen(radiation_engine):  # type: ignore[no-untyped-def]
    """17 h before the case ("it's now 4pm" is a time told, not "now!"): the 13-hour oral regimen still fits and leads."""
    ans = radiation_engine.answer("Pt had hives and wheeze with IV contrast for CT last year. She's on my list for a fluoro-guided "
                                  "caudal epidural at 9am tomorrow and it's now 4pm. What premed regimen can I still give?")
    assert not ans.urgent, ans.text
    assert "13, 7 and 1 h" in _bullets(ans.text)[0], ans.text


@pytest.fixture(scope="module")
def sgb_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("sgb-221", ("cervical-thoracic-sympathetic", "anticoagulants", "last", "epiduroscopy-adhesiolysis",
                                   "vertebral-augmentation", "intradiscal-pldd"))


_RIGHT_SGB = {"zh": "刚做完右侧星状神经节阻滞，病人右眼皮耷拉、瞳孔变小，说话声音也哑了，家属很紧张问是不是打坏了",
              "en": "right SGB done, she has a droopy eyelid and hoarse voice"}


@pytest.mark.parametrize(("question", "lang", "expected"), [("左边能不能今天一起做了？", "zh", "同次双侧"),
                                                            ("can we do the other side today too?", "en", "same-session bilateral")])
def test_the_other_side_the_same_day_is_the_bilateral_block_rule(sgb_engine, question, lang, expected):  # type: ignore[no-untyped-def]
    """After a one-sided block, the other side the same day is a same-session bilateral block: its warning leads (never an
    abstention)."""
    ans = sgb_engine.answer(question, [_RIGHT_SGB[lang]])
    assert not ans.abstained, ans.text
    assert expected in _bullets(ans.text)[0], ans.text


def test_when_to_eat_after_a_block_is_no_drug_restart(sgb_engine):  # type: ignore[no-untyped-def]
    """"术后多久可以吃饭喝水？": the fasting and sip test lead, with no "no restart time" note and no anticoagulant's restart."""
    ans = sgb_engine.answer("术后多久可以吃饭喝水？", [_RIGHT_SGB["zh"]])
    assert "饮水试验" in _bullets(ans.text)[0], ans.text
    assert "恢复用药时间" not in ans.text and "华法林" not in ans.text, ans.text


@pytest.fixture(scope="module")
def scs_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("scs-221", ("spinal-cord-stimulation", "infection-control", "anticoagulants", "intradiscal-pldd"))


def test_a_regimen_asked_after_the_drugs_held_is_the_antibiotics_own(scs_engine):  # type: ignore[no-untyped-def]
    """"预防性抗生素怎么给？术后要用几天？" after the aspirin and meloxicam before an SCS trial: how the antibiotics are given
    and how long they go on (the 24 h stop), never the aspirin's restart, and no false "no dose" note."""
    ans = scs_engine.answer("预防性抗生素怎么给？术后要用几天？",
                            ["下个月给一个FBSS病人做SCS测试，他5年前放过支架一直吃拜阿司匹林100mg，还在吃美洛昔康，这两个药术前要停吗？停几天？"])
    assert "阿司匹林" not in ans.text and "知识库未给出以下剂量" not in ans.text, ans.text
    assert "1 h" in _bullets(ans.text)[0], ans.text
    assert "24 h 内停用" in ans.text, ans.text


@pytest.mark.parametrize(("question", "history", "step"), [
    ("纳洛酮用上了人醒了。泵里的药要怎么处理？以后加药怎么防止这种事",
     "鞘内吗啡泵加完药半小时，病人越来越嗜睡，呼吸8次/分，瞳孔针尖样，是不是打到侧孔或者囊袋了？", "排空"),
    ("naloxone worked, he's awake. what do we do with the drug in the pump? and how do we stop this at future refills?",
     "Nurse here - refilled a pt's intrathecal morphine pump 20 min ago, now he's very drowsy, RR 6 and pinpoint pupils",
     "reservoir is aspirated or emptied")])
def test_the_drug_left_in_the_pump_is_the_reservoir_step(pump_engine, question, history, step):  # type: ignore[no-untyped-def]
    """After the rescue worked, what to do with the pump's drug is the reservoir's aspiration (never "not covered", nor
    the naloxone alone), and the future refills get the refill safety bundle (never read as stopping a drug)."""
    ans = pump_engine.answer(question, [history])
    bullets = _bullets(ans.text)
    assert step in bullets[0], ans.text
    assert any("安全措施" in b or "refill safety" in b for b in bullets[1:]), ans.text


@pytest.fixture(scope="module")
def hold_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("hold-221", ("anticoagulants", "sacroiliac", "facet-mbb-rfa", "spinal-haematoma", "esi-general"))


def test_a_clot_told_as_the_drugs_reason_brings_the_recent_vte_rule(hold_engine):  # type: ignore[no-untyped-def]
    """"rivaroxaban started 6 weeks ago for a PE": the PE is the patient's venous thromboembolism (not a complication
    asked), and the rule for a recent VTE comes with the low class and the interval."""
    ans = hold_engine.answer("SIJ injection planned for a lady on rivaroxaban 20mg started 6 weeks ago for a PE. Stop the xarelto or carry on?")
    assert "recent VTE" in ans.text, ans.text
    assert "low bleeding-risk" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize(("question", "rule"), [
    ("planning L3-L5 medial branch RFA in a 74yo with a dual chamber pacemaker, on aspirin 75mg for secondary prevention. "
     "precautions? do i need to stop the aspirin?", "shared decision with the prescribing physician"),
    ("腰椎内侧支射频，病人5年前放过支架一直吃阿司匹林100mg二级预防，要停吗？", "共同决策")])
def test_secondary_prevention_aspirin_comes_with_the_shared_decision(hold_engine, question, rule):  # type: ignore[no-untyped-def]
    """The 6-day interval for secondary-prevention aspirin is never quoted without the rule that it is held only after a
    shared decision with the prescriber (one sentence in the corpus now, so no split drops it)."""
    ans = hold_engine.answer(question)
    assert rule in ans.text, ans.text



@pytest.mark.parametrize("question", ["my patient is worried she'll be paralysed by her facet RFA, how likely is that?",
                                      "my patient is terrified she'll be paralysed by her facet RFA next week, what should I tell her?"])
def test_paralysis_feared_from_a_facet_rfa_is_answered_by_its_series(hold_engine, question):  # type: ignore[no-untyped-def]
    """The series with no new motor or sensory deficit answers however the fear is worded (never an abstention, nor an
    intrathecal catheter's granuloma)."""
    ans = hold_engine.answer(question)
    assert not ans.abstained and not ans.urgent, ans.text
    assert "no new motor or sensory deficit" in _bullets(ans.text)[0], ans.text
    assert "granuloma" not in ans.text, ans.text


def test_a_frightened_patients_explanation_leads_with_the_consent_discussion(needle_engine):  # type: ignore[no-untyped-def]
    """"…吓得不敢做了，我该怎么跟他解释？风险到底多大？": the explanation part leads with the consent discussion the FDA asks for
    (never the discharge advice, which is for after it), and the size of the risk gets the audit's count."""
    ans = needle_engine.answer("病人在网上看到打硬膜外激素会瘫痪、失明、中风，吓得不敢做了，我该怎么跟他解释？风险到底多大？")
    assert not ans.urgent, ans.text
    bullets = _bullets(ans.text)
    assert "获益、风险及替代方案" in bullets[0], ans.text
    assert "16,638" in ans.text, ans.text


@pytest.fixture(scope="module")
def steroid_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("steroid-221", ("esi-general", "patient-selection-monitoring", "spinal-haematoma", "anticoagulants",
                                       "esi-interlaminar-caudal"))


@pytest.mark.parametrize(("question", "rule"), [
    ("病人半年内已经打了3次腰椎硬膜外激素，每次管2个月左右，还能再打吗？", "6 个月内不超过 3 次"),
    ("she's had 3 lumbar ESIs this year, can she have another one next month?", "no more than 3 injections in 6 months")])
def test_another_injection_after_several_is_the_repeat_limit(steroid_engine, question, rule):  # type: ignore[no-untyped-def]
    """How many were given already, and another asked: the sources' frequency limits lead (never intravascular rates)."""
    lead = _bullets(steroid_engine.answer(question).text)[0]
    assert rule in lead, lead


@pytest.mark.parametrize(("question", "history", "cover"), [
    ("他下个月还要做膝关节置换手术，跟这次激素注射有啥要注意的？",
     ["2型糖尿病，打胰岛素，HbA1c 8.9%，明天骶管注射曲安奈德40mg，打完血糖会升多少？要监测几天？"], "补充糖皮质激素"),
    ("she had a lumbar ESI with triamcinolone 2 weeks ago and is having a hip replacement next week - anything to consider?", [],
     "steroid cover")])
def test_major_surgery_after_a_steroid_injection_brings_the_stress_cover(steroid_engine, question, history, cover):  # type: ignore[no-untyped-def]
    """Surgery in the weeks after a steroid injection: the stress cover for a suppressed adrenal axis leads (not the
    glucose figures again, nor an arthroplasty cohort's haematoma rate)."""
    lead = _bullets(steroid_engine.answer(question, history).text)[0]
    assert cover in lead, lead


def test_a_drug_answered_from_its_class_says_the_class_is_its_own(hold_engine):  # type: ignore[no-untyped-def]
    """Fluoxetine is an SSRI: the note says it is the class fluoxetine belongs to (never as if it were not one), and keeps
    the caution that the class's advice may not fit the drug itself (review 54: a COX-2 drug under the NSAID hold)."""
    ans = hold_engine.answer("pt booked for DRG stim implant, takes naproxen 500mg bd and fluoxetine 40mg. what needs stopping and how long?")
    assert "the class fluoxetine belongs to" in ans.text and "may not apply to fluoxetine itself" in ans.text, ans.text


@pytest.fixture(scope="module")
def disc_engine_221(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("disc-221", ("intradiscal-pldd", "infection-control", "vertebral-augmentation", "spinal-haematoma"))


def test_both_antibiotic_allergies_told_lead_with_the_alternative(disc_engine_221):  # type: ignore[no-untyped-def]
    """"病人青霉素和头孢都过敏呢？" after discography's prophylaxis: the allergy is named as one (never just "penicillin"), and
    what the allergic get instead (no discography-specific alternative; vancomycin from another operation) leads."""
    ans = disc_engine_221.answer("病人青霉素和头孢都过敏呢？", ["做椎间盘造影要预防用抗生素吗？用什么？"])
    assert "万古霉素" in _bullets(ans.text)[0], ans.text


def test_paralysis_odds_after_a_vertebroplasty_quote_the_canal_leaks_that_needed_decompression(disc_engine_221):  # type: ignore[no-untyped-def]
    """The canal leaks and the 4 of 26 that needed decompression answer "what are the odds?" of paralysis (related to a
    decompression in the lexicon), beside the review's "no leak led to neural compromise"."""
    bullets = _bullets(disc_engine_221.answer("can vertebroplasty cause paralysis? what are the odds?").text)
    assert any("4 of them needed surgical decompression" in b for b in bullets[:3]), bullets


# --- review 54's guards ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "history"), [
    ("what do we do with the drug in the pump?", ["pump refilled this morning, now drowsy, RR 6, pinpoint pupils"]),
    ("泵里的药要怎么处理？", ["鞘内吗啡泵加完药半小时，病人越来越嗜睡，呼吸8次/分，瞳孔针尖样"])])
def test_the_pumps_drug_asked_while_the_overdose_goes_on_keeps_the_banner(pump_engine, question, history):  # type: ignore[no-untyped-def]
    """"the drug in the pump" is no lexicon name (it stopped the follow-up leaning on the live overdose): the banner stays."""
    assert pump_engine.answer(question, history).urgent


@pytest.mark.parametrize("question", ["TFESI后过敏性休克，肾上腺素已经打了2次了，还能再打吗", "已经做了2次血补片还是头痛，还能再做吗？"])
def test_doses_or_blood_patches_given_before_are_no_injection_repeat_limit(steroid_engine, question):  # type: ignore[no-untyped-def]
    """A drug's doses or a second blood patch counted are not a steroid injection's yearly limit."""
    assert "repeat-injection-limit" not in steroid_engine.frame(question).concepts


def test_another_transforaminal_after_two_is_answered_with_the_limit(steroid_engine):  # type: ignore[no-untyped-def]
    """"半年内已经做了2次TFESI，还能再做吗？": the limit leads (never an abstention, nor intravascular rates)."""
    ans = steroid_engine.answer("半年内已经做了2次TFESI，还能再做吗？")
    assert not ans.abstained and "6 个月内不超过 3 次" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("history", ["明天做腰椎TFESI", "椎体成形"])
def test_when_to_eat_after_another_procedure_is_not_the_stellate_blocks_rule(sgb_engine, history):  # type: ignore[no-untyped-def]
    """The sip test is the stellate block's: after a TFESI or a vertebroplasty the answer says no time is given (or
    abstains), never quoting it."""
    ans = sgb_engine.answer("做完多久可以吃东西？", [history])
    assert not any("饮水试验" in b for b in _bullets(ans.text)), ans.text
    assert ans.abstained or "知识库未给出以下时长" in ans.text, ans.text


@pytest.mark.parametrize("question", ["how common is paralysis after cervical facet RFA?", "颈椎小关节射频后瘫痪风险多大？"])
def test_a_lumbar_series_is_never_the_cervical_count(hold_engine, question):  # type: ignore[no-untyped-def]
    """The Kornick series is lumbar: a cervical facet RFA's paralysis risk is not answered with it."""
    ans = hold_engine.answer(question)
    assert "Kornick" not in ans.text, ans.text


@pytest.mark.parametrize(("question", "history"), [("can we block the other side as well?", ["left L4-5 MBB done, 80% relief"]),
                                                   ("另一侧今天一起做吧？", ["左侧L4/5内侧支阻滞刚做完，效果好"])])
def test_the_other_side_of_a_facet_block_is_no_bilateral_stellate_block(hold_engine, question, history):  # type: ignore[no-untyped-def]
    assert "bilateral-block" not in hold_engine.frame(question, history).concepts


@pytest.mark.parametrize("question", ["what rate are we using for PDPH after ILESI?", "what rate is given in the literature for PDPH after a wet tap?"])
def test_a_rate_quoted_is_still_a_frequency(needle_engine, question):  # type: ignore[no-untyped-def]
    """Only a rate to give ("what rate should we be infusing…") is a dose; "what rate are we using for PDPH" is its frequency."""
    assert needle_engine.frame(question).aspects[:1] == ("frequency",)


def test_refilling_a_syringe_is_no_pump_refill(needle_engine):  # type: ignore[no-untyped-def]
    assert "pump-refill" not in needle_engine.frame("after refilling the syringe the contrast looked vascular - carry on?", ["L5 TFESI"]).concepts


@pytest.mark.parametrize("question", ["after SGB her left arm and face are weak and speech slurred",
                                      "after SGB she thinks she's having a stroke - her left arm and face are weak and speech slurred"])
def test_stroke_signs_after_an_sgb_raise_the_stroke_banner(sgb_engine, question):  # type: ignore[no-untyped-def]
    """"SGB" names the neck block (the stroke rule read only "block"): weak arm and face, slurred speech are a stroke's
    signs whatever the patient believes (a missed emergency on the base)."""
    ans = sgb_engine.answer(question)
    assert ans.urgent and ans.pathway == "esi-stroke", ans.text


@pytest.mark.parametrize("question", [
    "pt 20 min after R stellate ganglion block, R eyelid drooping and pupil small, she's panicking thinks she's having a stroke. what do I tell her",
    "右侧星状神经节阻滞后右眼皮耷拉、瞳孔变小，家属问是不是中风了"])
def test_a_stroke_feared_beside_a_stellate_blocks_expected_signs_is_no_stroke(sgb_engine, question):  # type: ignore[no-untyped-def]
    """A drooping eyelid and a small pupil after the block are its expected signs: no stroke banner, and the expected
    effects lead."""
    ans = sgb_engine.answer(question)
    assert not ans.urgent, ans.text
    assert "expected" in _bullets(ans.text)[0] or "预期" in _bullets(ans.text)[0], ans.text


# --- round 222 ------------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def last_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("last-222", ("last", "esi-transforaminal", "esi-general", "patient-selection-monitoring", "pdph",
                                    "esi-interlaminar-caudal"))


def test_stopping_it_next_time_two_turns_after_a_seizure_is_the_toxicitys_prevention(last_engine):  # type: ignore[no-untyped-def]
    """"how do we stop this next time?" after a test dose's seizure that settled with midazolam: the LAST prevention
    (lowest dose, increments, aspiration), never how to stop the midazolam."""
    history = ["URGENT pt fitting on the table during C6 TFESI, had just injected 1ml 1% lido test dose. 92kg man. what do I do",
               "ok he's settled after midaz, BP 100/60 sats 98% on O2. how long do we need to watch him before he can go home"]
    ans = last_engine.answer("how do we stop this next time?", history)
    assert not ans.urgent and "midazolam" not in ans.text.split("\n")[0], ans.text
    assert any("local anaesthetic systemic toxicity" in b for b in _bullets(ans.text)[:2]), ans.text


@pytest.mark.parametrize("question", ["he's rousable now but breathing only 5 a minute", "he's rousable now, RR 4"])
def test_rousable_with_breathing_still_slow_keeps_the_banner(pump_engine, question):  # type: ignore[no-untyped-def]
    assert pump_engine.answer(question, ["ward call: pt 40 min after intrathecal morphine pump refill, GCS 10, RR 6, pinpoint pupils. help"]).urgent


def test_how_to_stop_it_next_time_after_naloxone_gets_the_refill_bundle_beside_the_banner(pump_engine):  # type: ignore[no-untyped-def]
    """"naloxone given, he's rousable now. how do we stop this happening next time?": naloxone wears off before intrathecal
    morphine, so the banner stays; what was asked still gets its answer (the refill safety bundle) under its own heading,
    never only the overdose steps again."""
    ans = pump_engine.answer("naloxone given, he's rousable now. how do we stop this happening next time?",
                             ["ward call: pt 40 min after intrathecal morphine pump refill, GCS 10, RR 6, pinpoint pupils. help"])
    assert ans.urgent, ans.text
    assert "**how do we stop this happening next time**" in ans.text and "refill safety" in ans.text, ans.text


def test_a_breastfeeding_mothers_headache_after_a_wet_tap_is_answered_for_her(last_engine):  # type: ignore[no-untyped-def]
    """A long story with her breastfeeding in it: the conservative care with caffeine's breastfeeding dose answers (the
    passage naming her is searched for, and counted by the judgement), never an abstention."""
    q = ("34F day 2 after L4/5 interlaminar ESI, wet tap with 18G tuohy, now headache much worse sitting up + neck stiff. "
         "breastfeeding 4mo baby. what can I give her")
    ans = last_engine.answer(q)
    assert not ans.abstained and "breastfeeding" in ans.text, ans.text


def test_surgery_asked_for_its_own_anaesthetic_gets_no_steroid_cover(steroid_engine):  # type: ignore[no-untyped-def]
    """The stress cover comes only with what the steroid injection means for the operation (review: the operation's own
    anaesthetic, or a drug held for it, stay another specialty's)."""
    q = steroid_engine.frame("那全髋置换麻醉选腰麻还是全麻好", ["上周做了腰椎TFESI，用了曲安奈德80mg，病人下周要做全髋置换，围术期需要激素覆盖吗"])
    assert "steroid-cover" not in q.concepts


@pytest.mark.parametrize(("question", "rule"), [("cement injection, sudden SOB and desaturation to 85%", "cement-embolism"),
                                                ("病人血压快测不到了，刚注射完造影剂", "contrast-anaphylaxis")])
def test_pictures_review_54_found_missed_in_both_copies_raise_their_banner(question, rule):  # type: ignore[no-untyped-def]
    """"sudden" tells an event ("cement injection, sudden SOB"), and a pressure that cannot be measured is a falling one."""
    from assistant.safety import triage
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    assert triage(question, lang).rule == rule


@pytest.mark.parametrize("question", ["what's the risk of sudden SOB after cement injection?", "sudden SOB after cement injection - how common?"])
def test_sudden_asked_as_a_risk_is_no_event(question):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert not triage(question, "en").urgent


def test_a_pacing_dependent_ppm_is_the_cardiac_device(hold_engine):  # type: ignore[no-untyped-def]
    """"pt has a PPM and is pacing dependent": the device team's advice before RF leads (PPM and pacing-dependent are the
    cardiac device's names)."""
    ans = hold_engine.answer("L4-5 L5-S1 facet RFA next week, pt has a PPM and is pacing dependent. any special precautions?")
    assert "cardiac device team" in _bullets(ans.text)[0], ans.text


def test_a_regimen_asked_for_a_carrier_is_the_antibiotics_not_the_drugs_held(scs_engine):  # type: ignore[no-untyped-def]
    """"what abx prophylaxis and timing for the trial? he's an MRSA carrier" after the aspirin and naproxen: the NACC timing
    and decolonisation, never the aspirin review first."""
    ans = scs_engine.answer("what abx prophylaxis and timing for the trial? he's an MRSA carrier",
                            ["planning SCS trial for FBSS pt, on aspirin 75 post-MI 2019 and naproxen 500 bd. what do we stop and when"])
    bullets = _bullets(ans.text)
    assert "1 h before incision" in bullets[0], ans.text
    assert any("MRSA" in b and "mupirocin" in b for b in bullets), ans.text


def test_a_brand_read_off_a_box_is_said_to_be_its_drug(hold_engine):  # type: ignore[no-untyped-def]
    ans = hold_engine.answer("pt brought a box labelled 拜瑞妥 from China, what is it and does he need to stop it for an SI joint injection?")
    first = [b for b in ans.bullets if b["part"] == 0]
    assert any("is rivaroxaban" in str(b["text"]) for b in first[:2]), ans.text


@pytest.mark.parametrize(("question", "note"), [("ESI后病人血糖多少需要处理，CGM显示19 mmol/L", "知识库未给出以下数值"),
                                                ("after her ESI at what glucose level should we treat? CGM says 19", "gives no figure for")])
def test_the_glucose_to_treat_at_is_said_to_be_missing(steroid_engine, question, note):  # type: ignore[no-untyped-def]
    """The sources give the rise and the monitoring, never a level to treat at: the answer says so before what it has."""
    ans = steroid_engine.answer(question)
    assert note in ans.text.split("\n")[0], ans.text


# --- review 55's guards ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "history"), [
    ("the neurologist thinks he had a stroke after his C5-6 TFESI yesterday. what now?", []),
    ("I think she's having a stroke", ["C6 TFESI with dexamethasone 10 min ago"]),
    ("she feels like she's having a stroke, what do we do?", ["right C7 TFESI done 5 min ago"]),
    ("病人说他觉得自己中风了", ["刚做完颈椎经椎间孔注射"])])
def test_a_stroke_believed_after_a_cervical_injection_keeps_the_banner(sgb_engine, question, history):  # type: ignore[no-untyped-def]
    """The belief words are the fear only beside a stellate block's own signs (a drooping eyelid, a small pupil)."""
    assert sgb_engine.answer(question, history).urgent


@pytest.mark.parametrize(("question", "urgent"), [
    ("骶管注射布比卡因后病人昏迷，血压测不到了", True),
    ("what causes sudden paraplegia with TFESI?", False), ("is sudden weakness a recognised complication of SCS lead placement?", False),
    ("房颤病人电子血压计测不出血压，下周做射频消融可以吗？", False), ("病人说家里血压量不出来，明天还能做星状神经节阻滞吗", False)])
def test_sudden_and_a_pressure_not_read_are_events_only_when_told_as_one(question, urgent):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    assert triage(question, lang).urgent is urgent


@pytest.mark.parametrize("question", ["what rate do we give patients for PDPH on the consent form?",
                                      "what rate do you give for infection when consenting for SCS?"])
def test_a_rate_given_at_consent_is_a_frequency(needle_engine, question):  # type: ignore[no-untyped-def]
    assert needle_engine.frame(question).aspects[:1] == ("frequency",)


def test_preventing_a_contrast_reaction_next_time_is_the_premedication(radiation_engine):  # type: ignore[no-untyped-def]
    """After a settled contrast reaction, "how do we stop this next time?" leads with the premedication (never "no
    prevention measures for anaphylaxis", nor the shellfish note first)."""
    ans = radiation_engine.answer("how do we stop this next time?",
                                  ["contrast for SI joint injection -> hives and wheeze", "IM adrenaline given, settled now"])
    assert "no prevention measures" not in ans.text and "premedication" in _bullets(ans.text)[0], ans.text


def test_the_other_side_after_a_lumbar_block_is_no_follow_up_on_pneumothorax(hold_engine):  # type: ignore[no-untyped-def]
    ans = hold_engine.answer("另一侧今天一起做吧？", ["左侧L4/5内侧支阻滞刚做完，效果好"])
    assert "气胸" not in ans.text, ans.text



def test_a_repeat_asked_beside_a_condition_keeps_the_conditions_ask(steroid_engine):  # type: ignore[no-untyped-def]
    """"had 3 TFESIs this year; is diabetes a contraindication to another?": the condition's own ask is answered (review
    55), not only the repeat limit."""
    ans = steroid_engine.answer("had 3 TFESIs this year; is diabetes a contraindication to another?")
    assert not ans.abstained and "diabetes" in ans.text.lower(), ans.text


@pytest.mark.parametrize("question", ["C6 TFESI 10 min ago with dex, now she says her right arm feels heavy and her speech is a bit off"])
def test_a_heavy_arm_and_speech_off_after_a_cervical_injection_is_a_stroke_picture(question):  # type: ignore[no-untyped-def]
    """Speech "a bit off" and a one-sided heavy arm, as clinicians type them, are the stroke signs."""
    from assistant.safety import triage
    assert triage(question, "en").rule == "esi-stroke"


def test_the_lipid_rate_asked_in_an_arrest_keeps_the_banner(last_engine):  # type: ignore[no-untyped-def]
    """"what rate should we give the lipid at?" after seizure then VF: a rate to give (never a frequency read as "not
    now"), while "what rate do we give … on the consent form" stays a frequency."""
    q = last_engine.frame("what rate should we give the lipid at?", ["seizure then VF after lidocaine, 80kg"])
    assert q.aspects[:1] == ("dose",), q.aspects
    assert last_engine.answer("what rate should we give the lipid at?", ["seizure then VF after lidocaine, 80kg"]).urgent
