"""Round 249 (a Tuesday across the pain service: the ward round after a list, the emergency department, the stimulator
clinic, a trainee in theatre; English and Chinese): fever and a stiff neck days after a wet tap with no headache told,
and the leftovers of round 248."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.fixture(scope="module")
def tuesday(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("tuesday-249", ("anticoagulants", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal",
                                       "intrathecal-drug-delivery", "spinal-cord-stimulation", "radiation-contrast",
                                       "vertebral-augmentation", "pdph", "facet-mbb-rfa", "sacroiliac", "infection-control",
                                       "spinal-haematoma", "evidence-disagreements", "last", "epiduroscopy-adhesiolysis",
                                       "cervical-thoracic-sympathetic", "patient-selection-monitoring"))


# ---------------------------------------------------------------- a stiff neck and fever after a wet tap

@pytest.mark.parametrize("question", ["wet tap 3 days ago, now fever 39 and stiff neck",
                                      "硬膜被打穿后第三天 发烧39度 脖子硬"])
def test_fever_and_a_stiff_neck_after_a_wet_tap_is_the_red_flag_pathway_without_a_headache_told(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert ans.urgent and ans.pathway == "dural-puncture-red-flags", ans.text[:300]
    assert "meningitis" in ans.text or "脑膜炎" in ans.text


@pytest.mark.parametrize("question", ["wet tap yesterday, a bit of a stiff neck, no fever - normal?",
                                      "PDPH day 2, neck stiffness, is that part of it?"])
def test_a_stiff_neck_with_no_red_flag_after_a_wet_tap_is_no_emergency(tuesday, question):  # type: ignore[no-untyped-def]
    assert not tuesday.answer(question).urgent


# ---------------------------------------------------------------- the rescue drug asked in the middle of the emergency

@pytest.mark.parametrize("question", ["脂肪乳最多给多少", "脂肪乳怎么停"])
def test_the_lipid_asked_after_a_chinese_toxicity_picture_keeps_the_banner(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question, ["硬膜外推了20ml 0.5%布比 病人突然抽搐 心率变慢"])
    assert ans.urgent and ans.pathway == "last", ans.text[:300]
    assert any("脂肪乳" in b for b in _bullets(ans.text)[:3]), ans.text


def test_how_long_to_run_the_lipid_keeps_the_banner_and_says_no_duration_is_given(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("how long do I keep the lipid running?", ["seizure after 20 ml 0.5% bupi epidural, HR dropping"])
    assert ans.urgent and ans.pathway == "last", ans.text[:300]
    assert "gives no length of time" in ans.text


def test_a_lipid_asked_after_the_picture_settled_is_calm(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("how long do I keep the lipid running?", ["seizure after 20 ml 0.5% bupi epidural, now fully recovered and back to baseline"])
    assert not ans.urgent, ans.text[:300]


# ---------------------------------------------------------------- a subdural haematoma, a head injury, a baclofen bridge

def test_a_subdural_haematoma_shown_with_drowsiness_after_a_wet_tap_is_the_red_flag_pathway(tuesday):  # type: ignore[no-untyped-def]
    for question in ("wet tap last week, now drowsy GCS 13, CT head shows subdural haematoma - what now",
                     "腰穿后头痛一周 今天嗜睡 CT示硬膜下血肿 怎么办"):
        ans = tuesday.answer(question)
        assert ans.urgent and ans.pathway == "dural-puncture-red-flags", ans.text[:300]
    assert not tuesday.answer("should I warn about subdural haematoma after a wet tap?").urgent


@pytest.mark.parametrize("question", [
    "fell off ladder, CT shows extradural haematoma 1.8cm temporal, GCS 13 and dropping, L pupil sluggish - does he need evacuation now?",
    "颞部硬膜外血肿 外伤后 GCS 12 瞳孔不等大 要不要马上开颅"])
def test_a_haematoma_over_the_skull_is_a_head_injury_out_of_scope(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert ans.abstained and ("head injury" in ans.text or "颅脑外伤" in ans.text), ans.text
    assert "6 h" not in ans.text and "12 h" not in ans.text


def test_a_spinal_haematoma_after_an_injection_stays_in_scope(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("post L4/5 ILESI on clopidogrel, MRI shows epidural haematoma, GCS 15, legs weak")
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text[:300]


def test_oral_baclofen_to_bridge_a_withdrawal_keeps_the_banner_and_is_no_anticoagulant_bridge(tuesday, framer):  # type: ignore[no-untyped-def]
    told = "baclofen ITB pump pt, pump alarmed yesterday and now she's itchy all over, spasms way worse, T 39.2 HR 132, confused. withdrawl?"
    asked = "pump tech cant come till tmrw. what oral baclofen dose do i give to bridge, and is there anything else?"
    assert "bridging-anticoagulation" not in framer.frame(asked, [told]).all_concepts
    assert "bridging-anticoagulation" in framer.frame("on warfarin for AF, L4/5 TFESI next week - bridge with clexane?").concepts
    ans = tuesday.answer(asked, [told])
    assert ans.urgent and ans.pathway == "baclofen-withdrawal", ans.text[:300]
    assert "gives no dose for" in ans.text and "anticoagul" not in ans.text.lower()


def test_how_often_with_no_figure_in_the_sources_says_so(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("leaflet says LA can cause seizures and heart stopping - pt v worried before her lumbar MBBs "
                         "(lido 2% 0.5ml/level x6). realistically how often does that happen?")
    assert not ans.urgent and "gives no figure for" in ans.text, ans.text


# ---------------------------------------------------------------- antibiotics alone for a deficit's cause shown on the scan

@pytest.mark.parametrize("thread, question", [
    (["ESI 10 days ago, fever 38.5, worse back pain, now L leg weak and retaining urine"],
     "MRI: L3-5 epidural abscess. spinal team want to treat with abx only - ok?"),
    (["ESI后10天，发热38.5，腰痛比以前重，今天左腿没力 尿不出来"], "MRI提示L3-5硬膜外脓肿，神外说先保守抗生素，可以吗"),
])
def test_antibiotics_alone_for_an_abscess_with_a_deficit_lead_with_the_decompression_timing(tuesday, thread, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question, thread)
    first = _bullets(ans.text)[0]
    assert ans.urgent and "647" in first and ("abscess" in first or "脓肿" in first), ans.text


def test_conservative_care_for_a_haematoma_leads_with_who_does_well_without_surgery(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("post L4/5 ILESI on clopidogrel, MRI shows epidural haematoma, legs weak - surgeons want to manage conservatively, ok?")
    bullets = _bullets(ans.text)
    assert ans.urgent and "mild deficits" in bullets[0] and "12 h" in bullets[1], ans.text


# ---------------------------------------------------------------- a thread's toxicity, cardiology's course

def test_a_lipid_dose_two_turns_into_a_toxicity_stays_the_toxicity_not_a_faint(tuesday):  # type: ignore[no-untyped-def]
    thread = ["急！！骶管注射 1%利多卡因20ml+得宝松 刚推完，病人说耳鸣口周麻，说话含糊，现在开始抽了",
              "咪达唑仑推了抽停了，但现在心率38 血压70/40 QRS增宽"]
    ans = tuesday.answer("20%脂肪乳首剂推多少 维持多少 最大量多少？病人60kg", thread)
    assert ans.urgent and ans.pathway == "last", ans.text[:300]
    assert "90 mL" in ans.text and "720 mL" in ans.text, ans.text


@pytest.mark.parametrize("question", ["PCI术后双抗，波立维要吃多久，半年能停吗",
                                      "stent 6 months ago, how long does he need to stay on clopidogrel?"])
def test_how_long_a_stented_patient_takes_the_antiplatelet_is_cardiology_s(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert ans.abstained and ("DAPT duration" in ans.text or "双抗疗程" in ans.text), ans.text
    assert "7 days" not in ans.text and "7 天" not in ans.text


def test_a_stented_patient_s_hold_before_our_procedure_stays_ours(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("DES 4 months ago on DAPT, when can he stop clopidogrel for his SCS trial?")
    assert not ans.abstained and "cardiology" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", [
    "腰椎透视下射频做完了病人才说怀孕6周，胎儿辐射风险大吗？要建议终止妊娠吗",
    "had lumbar RFA under fluoro yesterday, now tells us she's 6 weeks pregnant - how big is the radiation risk to the baby? should she terminate?"])
def test_a_pregnancy_found_after_fluoroscopy_says_no_fetal_dose_is_given_and_termination_is_not_covered(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert "gives no figure for" in ans.text or "知识库未给出以下数值" in ans.text, ans.text
    assert "Not covered in the knowledge base: should she terminate" in ans.text or "知识库未涵盖：要建议终止妊娠吗" in ans.text, ans.text
    assert not ans.urgent


def test_how_much_steroid_for_a_facet_injection_is_a_dose_asked_and_said_not_covered(tuesday, framer):  # type: ignore[no-untyped-def]
    q = framer.frame("糖尿病人做腰椎小关节注射，得宝松用多少合适？血糖会升多久")
    assert "dose" in q.parts[0].aspects
    assert "dose" not in framer.frame("抗生素用多少天").aspects
    ans = tuesday.answer("糖尿病人做腰椎小关节注射，得宝松用多少合适？血糖会升多久")
    assert "知识库未涵盖：糖尿病人做腰椎小关节注射，得宝松用多少合适" in ans.text, ans.text
    assert "小关节介入治疗包括" not in ans.text


@pytest.mark.parametrize("question, consent", [
    ("should I warn patients about paralysis before a lumbar TFESI?", "consent"),
    ("做腰椎TF前签知情同意，要不要跟病人讲截瘫风险？发生率大概多少", "知情同意"),
])
def test_whether_to_warn_of_a_harm_leads_with_the_consent_rule_then_the_harm(tuesday, question, consent):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    bullets = _bullets(ans.text)
    assert not ans.urgent and consent in bullets[0] and "FDA" in bullets[0], ans.text
    assert any("Glaser" in b or "截瘫" in b or "paraplegia" in b for b in bullets[1:3]), ans.text


# ---------------------------------------------------------------- a steroid named for its local hazard

@pytest.mark.parametrize("question", ["TFESI particulate steroid risk?",
                                      "住院医做L5–S1经椎间孔注射，回抽没有血，就准备直接推曲安奈德。这样可以吗？"])
def test_a_steroid_named_for_its_local_hazard_gets_no_glucose_or_adrenal_aside(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert not any(w in ans.text for w in ("hyperglycaemia", "高血糖", "血糖", "HPA", "adrenal")), ans.text


def test_the_steroid_s_side_effects_asked_at_large_keep_the_systemic_ones(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("what are the systemic side effects of the steroid in an ESI? any issue for diabetics?")
    assert "glucose" in ans.text or "hyperglycaemia" in ans.text, ans.text


@pytest.mark.parametrize("question, restart", [
    ("腰4/5 TF做完了，骨科让打克赛40mg预防血栓，最早几小时能打", "LMWH 在术后约 12–24 小时恢复"),
    ("L4/5 TFESI done, ortho want to start clexane 40 for DVT prophylaxis - earliest how many hours after?", "LMWH is restarted about 12–24 h"),
])
def test_the_earliest_first_dose_after_the_procedure_is_its_restart(tuesday, question, restart):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert restart in _bullets(ans.text)[0], ans.text


def test_drowsy_again_after_naloxone_keeps_the_naloxone_step_first(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("纳洛酮推了0.4 醒了一点又睡过去 接下来咋办 泵要不要停", ["鞘内吗啡泵刚加完药出来 在复苏室 病人叫不醒 呼吸6次/分 瞳孔针尖样"])
    assert ans.urgent and ans.pathway == "idd-overdose", ans.text[:300]
    assert "纳洛酮" in _bullets(ans.text)[0], ans.text


def test_a_count_that_names_no_harm_is_no_rate_of_the_harm_asked(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("病人明天做骶髂关节注射 问我会不会瘫痪 这种并发症概率多大 签字要不要特别交代")
    assert "53.8%" not in ans.text and "10–38%" not in ans.text, ans.text


@pytest.mark.parametrize("question", ["进修医生第一次上台做SCS植入，问刷手和着装有什么要求？",
                                      "A fellow is scrubbing in for his first SCS implant - what are the hand scrub and attire requirements?"])
def test_one_narrow_topic_asked_gets_its_own_sentences_only(tuesday, question):  # type: ignore[no-untyped-def]
    bullets = _bullets(tuesday.answer(question).text)
    assert 2 <= len(bullets) <= 3 and not any("antibiotic" in b or "抗生素" in b for b in bullets), bullets


@pytest.mark.parametrize("question", [
    "doing a cervical ILESI, as I advance the Tuohy the patient suddenly gets an electric shock down both arms - what do I do?",
    "颈椎椎板间硬膜外穿刺进针时，病人突然说有一股电击样剧痛放射到双臂。该怎么办？"])
def test_a_shock_on_the_needle_gets_no_haematoma_presentation(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert ans.urgent and not any("presents with" in b or "表现为新发剧烈背痛" in b or "warning signs of a spinal" in b
                                  for b in _bullets(ans.text)), ans.text


# ---------------------------------------------------------------- review 71: what the first draft made worse

@pytest.mark.parametrize("question", ["腰穿后低颅压头痛 复查发现腰段硬膜外血肿 双腿没力",
                                      "post L4/5 ILESI, MRI shows epidural haematoma, GCS 15, legs weak"])
def test_low_pressure_or_a_full_gcs_is_no_head_injury(tuesday, question):  # type: ignore[no-untyped-def]
    ans = tuesday.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text[:300]


def test_an_occipital_nerve_block_site_or_intracranial_hypotension_is_no_head_injury(framer):  # type: ignore[no-untyped-def]
    for q in ("GON block with steroid in a patient on apixaban - what is the haematoma risk at the occipital site?",
              "intracranial hypotension after a wet tap, and a small haematoma at the blood patch site - normal?"):
        assert "head-injury" not in framer.frame(q).all_concepts, q


@pytest.mark.parametrize("thread, question", [
    (["骶管注射后病人抽搐 心率慢", "已经完全恢复 意识清楚 生命体征平稳"], "脂肪乳要输多久"),
    (["seizure after 20 ml 0.5% bupi epidural", "she's fully recovered now, back to baseline, obs normal"], "when can I stop the intralipid?"),
    (["seizure after 20 ml 0.5% bupi epidural", "ok stable now, SR 80, BP 120/70, talking normally"], "how long to keep the lipid running?"),
])
def test_the_rescue_asked_after_the_picture_was_told_over_is_calm(tuesday, thread, question):  # type: ignore[no-untyped-def]
    assert not tuesday.answer(question, thread).urgent


@pytest.mark.parametrize("question", [
    "new foot drop after L5 TFESI, MRI shows no haematoma or abscess - neurology suggest conservative management, ok?",
    "腰椎TFESI后足下垂 MRI没有血肿 神经内科建议保守治疗 可以吗"])
def test_conservative_care_after_a_scan_ruling_out_the_haematoma_does_not_lead_with_its_decompression(tuesday, question):  # type: ignore[no-untyped-def]
    first = _bullets(tuesday.answer(question).text)[0]
    assert "647" not in first and "mild deficits" not in first, first


def test_conservative_care_of_a_haematoma_quotes_no_other_condition_s_conservative_care(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("MRI示硬膜外血肿 不手术可以吗", ["胸椎硬膜外置管镇痛第二天 双下肢麻木无力 进行性加重"])
    first = _bullets(ans.text)[0]
    assert ans.urgent and ("减压" in first) and "咖啡因" not in ans.text, ans.text


@pytest.mark.parametrize("thread, question", [
    (["mechanical mitral valve, INR 2.8, lumbar TFESI planned"], "does she need bridging? she's also on gabapentin"),
    ([], "mechanical mitral valve, lumbar MBB planned, on pregabalin - bridging needed?"),
])
def test_a_drug_beside_a_valve_keeps_the_anticoagulant_bridge(tuesday, framer, thread, question):  # type: ignore[no-untyped-def]
    assert "bridging-anticoagulation" in framer.frame(question, thread).all_concepts
    assert "mitral" in _bullets(tuesday.answer(question, thread).text)[0]


def test_fever_and_a_stiff_neck_after_an_epidural_with_no_puncture_told_is_the_infection_pathway(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("腰椎硬膜外穿刺后第二天 发热38.5 头痛 颈项强直")
    assert ans.urgent and ans.pathway == "implant-infection", ans.text[:300]


def test_a_needle_gauge_is_no_dose(framer):  # type: ignore[no-untyped-def]
    assert "dose" not in framer.frame("穿刺针用多少号的").aspects


# ---------------------------------------------------------------- round 250 (tester 386): a stroke's words as typed

def test_no_words_and_a_weak_arm_after_a_cervical_tf_is_the_stroke_banner_and_a_handover_ends_it(tuesday):  # type: ignore[no-untyped-def]
    told = "just did L C6 TFESI w depomedrone, pt now cant get words out and R arm weak"
    ans = tuesday.answer(told)
    assert ans.urgent and ans.pathway == "esi-stroke" and "stroke" in ans.text.split("\n")[0], ans.text[:300]
    after = tuesday.answer("stroke team has her. was it the particulate steroid? shd we be using dex for cervical TF from now on", [told])
    assert not after.urgent and "particulate" in _bullets(after.text)[0], after.text
    assert tuesday.answer("she's now more drowsy and not moving the arm at all", [told]).urgent


def test_the_uk_brand_typed_is_read_and_shown_as_an_unconfirmed_mapping(tuesday):  # type: ignore[no-untyped-def]
    ans = tuesday.answer("T2DM pt on insulin, BGs 20-24 since her caudal w 80mg depo-medrone 2 days ago. how long will sugars stay up")
    assert not ans.abstained and "Depo-Medrone = methylprednisolone acetate" in ans.text, ans.text


# ---------------------------------------------------------------- review 72: what the second draft made worse

@pytest.mark.parametrize("question", ["LAST抢救脂肪乳给药流程是什么？", "局麻药中毒的用药流程？", "病人流鼻血，还能做硬膜外注射吗？"])
def test_a_process_or_a_nosebleed_is_no_abortion(framer, question):  # type: ignore[no-untyped-def]
    assert "termination-of-pregnancy" not in framer.frame(question).all_concepts


def test_a_handover_while_the_picture_goes_on_or_a_drug_asked_now_keeps_the_banner(tuesday):  # type: ignore[no-untyped-def]
    assert tuesday.answer("已转ICU，还在抽，脂肪乳还能再给多少？", ["骶管注射布比卡因后抽搐 心率40"]).urgent
    assert tuesday.answer("neurosurgery reg has him, asking if we should reverse the apixaban now - what do we give?",
                          ["post ILESI on apixaban, MRI epidural haematoma, legs weak"]).urgent


def test_an_anxious_patient_s_words_are_no_stroke(tuesday):  # type: ignore[no-untyped-def]
    assert not tuesday.answer("she's so anxious before the stellate block she can't get her words out - can I give midazolam?").urgent


def test_a_dose_given_before_the_procedure_asks_the_hold(tuesday):  # type: ignore[no-untyped-def]
    first = _bullets(tuesday.answer("打完克赛最早几小时能做硬膜外注射？").text)[0]
    assert "12 小时" in first and "恢复" not in first, first


def test_aftercare_or_a_repeat_asked_keeps_the_systemic_steroid_effects(tuesday):  # type: ignore[no-untyped-def]
    from assistant.answer import _SIDE_EFFECTS_ASKED
    assert _SIDE_EFFECTS_ASKED.search("after a caudal with triamcinolone, what should I watch for?")
    assert _SIDE_EFFECTS_ASKED.search("用曲安奈德做骶管注射，术后要注意什么？")
    assert not _SIDE_EFFECTS_ASKED.search("TFESI particulate steroid risk?")
    assert "gives no figure" not in tuesday.answer("how often should I repeat depo-medrol caudal injections?").text


def test_an_opioid_beside_a_valve_keeps_the_anticoagulant_bridge(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("mechanical mitral valve patient on long-term morphine, booked for lumbar ILESI - how do we handle bridging?")
    assert "bridging-anticoagulation" in q.all_concepts
