"""Rounds 195 onwards (a spine interventionalist on a fluoroscopy list, a recovery-room nurse, a GP referring patients on
blood thinners; an anaesthesia resident on call, a neurosurgery registrar with pumps and stimulators, a pharmacist
checking anticoagulant plans): what they ask next about the patient in front of them."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def rounds_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these calls reach: injections, implants, pumps, bleeding, headache and toxicity."""
    return engine_over("pacu-rounds", ("esi-general", "esi-transforaminal", "spinal-haematoma", "anticoagulants", "pdph", "last",
                                       "intrathecal-drug-delivery", "spinal-cord-stimulation", "infection-control", "facet-mbb-rfa",
                                       "patient-selection-monitoring", "esi-interlaminar-caudal", "cervical-thoracic-sympathetic"))


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


_GRANULOMA_TOLD = {
    "en": "Intrathecal morphine pump patient with slowly progressive leg weakness and sensory level over 3 weeks. Worried about a "
          "catheter tip granuloma - what's the workup?",
    "zh": "鞘内吗啡泵病人，三周来双下肢无力逐渐加重，有感觉平面，怀疑导管尖端肉芽肿，怎么检查？"}


@pytest.mark.parametrize("lang,follow", [
    ("en", "Should we stop the morphine and run saline instead, or does it need surgery?"),
    ("zh", "要不要先停吗啡换成生理盐水，还是直接手术？"),
])
def test_stopping_the_pumps_drug_after_its_granuloma_is_the_granulomas_treatment_not_a_hold(rounds_engine, lang, follow):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(follow, history=[_GRANULOMA_TOLD[lang]])
    text = " ".join(_bullets(ans.text))
    assert ("switch to saline" in text) if lang == "en" else ("生理盐水" in text), ans.text
    assert not any("interval" in n or "停药间隔" in n for n in _notes(ans.text)), ans.text  # (no drug held before a procedure)
    assert "Duramorph" not in text and "PACC" not in text, ans.text
    # an urgent reading says the granuloma is suspected, not shown on imaging
    assert not ans.urgent or "suspected" in ans.escalation or "疑似" in ans.escalation, ans.escalation


def test_a_drug_stopped_before_a_procedure_planned_is_still_a_hold(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Had a spinal haematoma 2 years ago. Booked for an L4-5 ESI next week on apixaban - when to stop it?")
    assert "3 days" in ans.text or "72 h" in ans.text, ans.text


_OVERDOSE = "Man had his intrathecal morphine pump refilled 2 hours ago in the clinic, now he's drowsy, RR 7, pinpoint pupils, SpO2 86% on room air. What do we do?"


@pytest.mark.parametrize("follow", [
    "Naloxone 0.4 mg IV given, he's awake now with RR 14. How long do we need to watch him?",
    "Naloxone 400 mcg IM given. How long do we need to watch him?",
])
def test_a_rescue_drug_given_with_its_route_goes_on_with_the_patient_before(rounds_engine, follow):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(follow, history=[_OVERDOSE])
    # the opioid overdose of the turn before, not the observation time after local anaesthetic toxicity
    assert "LAST" not in ans.text and "local anaesthetic" not in ans.text, ans.text
    # (how long to watch is what is missing: said once, for that ask)
    assert any("opioid overdose" in n or "no length of time for: How long do we need to watch him" in n for n in _notes(ans.text)), ans.text
    # the heading of a note quotes the ask, not the story told before it
    assert not any("he's awake" in n or "IM given" in n for n in _notes(ans.text)), ans.text


@pytest.mark.parametrize("turns", [
    ("SCS implant 3 days ago, IPG pocket red and oozing, temp 38.3, back pain worse. What do we do?",
     "Do we need to take out both the leads and the IPG?", "And if he now has leg weakness?"),
    ("SCS脊髓电刺激植入术后第3天，IPG囊袋切口红肿，有渗液，体温38.3，病人说背疼加重，怎么处理？", "需要把电极和IPG都取出来吗？",
     "如果还出现下肢无力呢"),
])
def test_a_deficit_two_turns_after_an_infected_implant_with_fever_is_an_abscess_first(rounds_engine, turns):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(turns[-1], history=list(turns[:-1]))
    assert ans.urgent and ans.pathway == "neuraxial-deficit"
    assert "epidural abscess until shown otherwise" in ans.escalation or "首先考虑硬膜外脓肿" in ans.escalation, ans.escalation
    assert "Stop the procedure" not in ans.escalation and "立即停止操作" not in ans.escalation  # (three days on: nothing to stop)
    # no step quoted from a haematoma's own sentence ahead of the abscess's
    first = _first(ans)
    assert ("abscess" in first or "脓肿" in first or "infection" in first or "感染" in first), ans.text


def test_a_dose_the_patient_takes_is_told_not_asked_and_the_parts_own_rule_leads(rounds_engine):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "dose" not in aspects_of("And what about his aspirin 81 mg for primary prevention?", "en")
    assert "dose" in aspects_of("how many mg of dex for a TFESI?", "en") and "dose" in aspects_of("max bupivacaine mg for a 60 kg pt?", "en")
    assert "dose" in aspects_of("is 20 ml of 0.5% bupi too much for a caudal?", "en")
    ans = rounds_engine.answer("Rivaroxaban 20 mg daily for AF, planned lumbar facet medial branch blocks. Does rivaroxaban need "
                               "stopping? And what about his aspirin 81 mg for primary prevention?")
    aspirin = ans.text.split("primary prevention**", 1)[-1]
    first = _bullets(aspirin)[0]
    assert "primary prevention" in first and "continued for a low-risk procedure" in first, ans.text


@pytest.mark.parametrize("turns", [
    ("On warfarin, INR 1.6 today - can we do a lumbar ESI?", "What if it is a stellate ganglion block instead? INR 1.6 ok?"),
    ("华法林 今天INR 1.6 能做腰椎硬膜外注射吗？", "如果是星状神经节阻滞呢？INR 1.6可以做吗"),
])
def test_a_procedure_swapped_in_a_go_ahead_follow_up_leads_with_its_bleeding_risk_class(rounds_engine, turns):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(turns[1], history=[turns[0]])
    first = _first(ans)
    assert ("intermediate bleeding-risk" in first or "中等出血风险" in first) and ("stellate" in first or "星状" in first), ans.text


@pytest.mark.parametrize("q", [
    "Patient now 40 minutes after epiduroscopy complaining of blurred vision and a severe headache, BP 175/95, neck pain. What now?",
    "Blurred vision, severe headache and neck pain 2 hours after epidural neuroplasty, BP 170/90. What now?",
])
def test_a_picture_told_minutes_or_hours_after_an_epiduroscopy_has_no_procedure_to_pause(engine_over, q):  # type: ignore[no-untyped-def]
    eng = engine_over("epiduroscopy-late", ("epiduroscopy-adhesiolysis", "pdph", "esi-general"))
    ans = eng.answer(q, history=["What are the main complications of epiduroscopy, and how much saline can I safely infuse?"])
    assert ans.urgent, ans.text
    assert "Stop the procedure" not in ans.escalation and "pause the procedure" not in _first(ans), ans.text


_WET_TAP = ("Lady had a lumbar interlaminar epidural yesterday, doctor noted a wet tap. Now she has a headache that's much worse "
            "sitting up and eases lying flat. How should we manage it and when is a blood patch considered?")


@pytest.mark.parametrize("follow,lead", [
    ("She's 34, no fever, no neck stiffness, headache started 20 hours after. Anything in the presentation that should make us "
     "worry it's not PDPH?", True),
    ("Headache came back after the patch - repeat it, or is something else going on?", False),
])
def test_another_cause_asked_brings_the_red_flags_leading_when_it_is_the_whole_ask(rounds_engine, follow, lead):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(follow, history=[_WET_TAP])
    said = _bullets(ans.text)
    at = next((i for i, b in enumerate(said) if "red flags" in b), None)
    assert at is not None, ans.text
    assert (at == 0) if lead else (at <= 1), ans.text
    assert not any("epiduroscopy" in b for b in said[:2]), ans.text


def test_an_implant_patients_planned_scan_is_the_devices_mri_labelling_not_a_complications_work_up(rounds_engine):  # type: ignore[no-untyped-def]
    q = ("Patient with a spinal cord stimulator needs a lumbar spine MRI. What do I have to check before scanning? Also can he "
         "have shortwave diathermy at physio?")
    assert "implant-mri-conditions" in rounds_engine.frame(q).concepts
    ans = rounds_engine.answer(q)
    assert ans.abstained and ans.text.startswith("Not covered"), ans.text  # (no stenosis review or haematoma MRI quoted)


@pytest.mark.parametrize("turns,gap", [
    (("SCS implanted 2 weeks ago, wound red and draining, temp 38.5, WBC 14. Do we explant the whole system?",
      "How long after explant before we can reimplant?"), "reimplantation"),
    (("SCS植入术后2周 伤口红肿渗液，体温38.5，WBC 14，要不要取出整个系统？", "取出后多久可以考虑再植入？"), "再植入"),
])
def test_when_to_reimplant_after_an_infected_explant_is_said_not_covered(rounds_engine, turns, gap):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(turns[1], history=[turns[0]])
    assert not ans.urgent, ans.escalation  # (a plan for later, not the emergency again)
    assert any(gap in n for n in _notes(ans.text)), ans.text


def test_a_starting_dose_and_a_taper_asked_are_said_missing_not_answered_by_a_ceiling(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("病人之前口服吗啡当量大概200mg/天，鞘内从多少开始？口服阿片要怎么减？", history=["鞘内药物输注系统 吗啡起始剂量一般多少？"])
    said = _notes(ans.text)
    assert any("剂量" in n and "从多少开始" in n for n in said) and any("剂量" in n and "怎么减" in n for n in said), ans.text


def test_which_drug_asked_bare_and_how_it_is_given_are_one_ask(rounds_engine):  # type: ignore[no-untyped-def]
    from assistant.frame import split_parts
    assert split_parts("椎间盘造影前要不要预防性用抗生素？一般用什么，怎么给？", "zh")[1:] == ["一般用什么，怎么给？"]
    assert len(split_parts("要不要停药？停几天？", "zh")) == 2  # (two asks with words of their own stay two)


@pytest.mark.parametrize("q", [
    "SCS trial leads in since day 5, temp 38.6, erythema and purulent drainage at the lead exit site. Do I pull the leads and what antibiotics?",
    "SCS测试电极放了5天，体温38.6，电极出口发红流脓，要拔电极吗？用什么抗生素？",
])
def test_an_antibiotic_asked_in_an_infection_emergency_is_said_unnamed_when_no_agent_is_quoted(rounds_engine, q):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q)
    assert ans.urgent and ans.pathway == "implant-infection", ans.escalation
    assert any("no drug or regimen" in n or "用药方案" in n for n in _notes(ans.text)), ans.text


def test_a_limit_asked_beside_an_epiduroscopy_emergency_gets_the_infusion_rule(engine_over):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert aspects_of("生理盐水灌注量有啥限制？", "zh") == ("limit",) and aspects_of("饮食有什么限制", "zh") == ()
    eng = engine_over("epiduroscopy-late", ("epiduroscopy-adhesiolysis", "pdph", "esi-general"))
    ans = eng.answer("硬膜外腔镜手术中病人说颈部痛、视物模糊，是什么情况？生理盐水灌注量有啥限制？")
    assert ans.urgent and any("缓慢输注生理盐水" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("turns", [
    ("C5-6 right TFESI with methylprednisolone done 5 min ago, now cannot speak and left arm and leg weak, BP 170/95. What now?",
     "CTA booked, neuro asking if we can thrombolyse - is there a bleeding risk right after a cervical injection?"),
    ("紧急!! CT引导 C5-6 右侧 TFESI 注射完 (用的 甲强龙 悬液) 大概 5分钟, 病人突然说不出话 左侧肢体无力, BP 170/95. 现在怎么办",
     "CTA 已经约了, 神经内科问 能不能溶栓, 刚做完颈椎注射 有出血风险吗"),
])
def test_a_treatment_asked_for_the_stroke_just_told_keeps_the_emergency_and_says_what_is_missing(rounds_engine, turns):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(turns[1], history=[turns[0]])
    assert ans.urgent and ans.pathway == "esi-stroke", ans.text
    assert any("thrombolytic" in n or "溶栓" in n for n in _notes(ans.text)), ans.text
    assert not any("stent" in b or "支架" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("q,declined", [
    ("急性心梗PCI术后双抗要用多久？", True),
    ("How long should DAPT continue after PCI for an MI?", True),
    ("PCI 3 months ago on DAPT, ESI next week - how long before can we stop clopidogrel?", False),
    ("支架术后3个月双抗，下周做腰椎硬膜外注射，氯吡格雷要停多久？", False),
])
def test_how_long_dual_antiplatelet_therapy_runs_after_a_stent_is_cardiologys(rounds_engine, q, declined):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q)
    assert ans.abstained is declined, ans.text
    assert declined or "7" in _first(ans) or "cardiology" in _first(ans) or "心内科" in _first(ans), ans.text


def test_a_facet_injections_epidural_abscess_borrows_the_abscess_step_said_to_be_the_esis(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Patient 3 days after bilateral L4/5 facet joint injections, fever 38.8, severe back pain, WCC 15, "
                               "CRP 180. Neuro intact so far. Next steps?")
    assert ans.urgent and "epidural abscess is investigated" in _first(ans), ans.text
    assert any("epidural steroid injection" in n for n in _notes(ans.text)), ans.text  # (said to be another procedure's)
    assert not any("no treatment steps" in n for n in _notes(ans.text)), ans.text


@pytest.mark.parametrize("q", [
    "For osteoporotic vertebral compression fractures, who actually benefits from vertebroplasty, and is there any real evidence that kyphoplasty is better?",
    "Is PCE more common after vertebroplasty or kyphoplasty, and what bleeding-risk class is vertebral augmentation?",
    "椎体成形术和后凸成形术哪个骨水泥肺栓塞风险更高？椎体强化属于哪个出血风险等级？",
])
def test_how_much_of_a_source_was_read_and_a_bare_check_it_first_are_never_quoted(engine_over, q):  # type: ignore[no-untyped-def]
    ans = engine_over("augmentation-notes", ("vertebral-augmentation", "anticoagulants")).answer(q)
    said = " ".join(_bullets(ans.text))
    assert "partly visible" not in said and "before relying on this category" not in said, ans.text
    assert "这一结果，在所阅读的节选中仅部分可见" not in said and "临床使用这一分类前" not in said, ans.text


# --- review 37: where the new readings must not fire ----------------------------------------------------------------------
@pytest.mark.parametrize("history,q", [
    ("IT morphine pump patient, new leg weakness, MRI shows no granuloma but an epidural haematoma at T10", "Does he need surgery?"),
    ("鞘内吗啡泵患者，我们本来怀疑肉芽肿，但MRI示T11巨大硬膜外血肿，INR 3.2，在吃华法林", "需要手术吗？多快？"),
    ("Intrathecal baclofen pump patient with slowly progressive leg weakness, worried about a catheter tip granuloma",
     "Should we stop the infusion and run saline?"),
    ("IT morphine pump on apixaban, new back pain and leg weakness - granuloma or haematoma?", "Should we stop the morphine and run saline?"),
])
def test_no_granuloma_treatment_banner_when_another_cause_is_shown_or_open_or_the_pump_is_baclofen(rounds_engine, history, q):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q, history=[history])
    assert "suspected catheter-tip granuloma" not in ans.escalation and "疑似导管尖端肉芽肿" not in ans.escalation, ans.escalation


def test_a_drug_stopped_before_a_procedure_after_a_past_complication_is_no_treatment_of_it(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Should she stop the duloxetine?",
                               history=["She had a spinal haematoma after an ILESI 3 years ago, fully recovered; wants a lumbar MBB"])
    assert not ans.urgent and "conservative" not in _first(ans) and "decompression" not in _first(ans), ans.text


@pytest.mark.parametrize("turns", [
    ("She had a UTI with fever last week, treated, now afebrile; booked for L4-5 ILESI on apixaban",
     "6 hours after the ILESI she has new leg weakness and back pain", "And now she can't pass urine?"),
    ("上周因肺炎发热，已退烧；今天在利伐沙班停药1天后做了腰椎硬膜外注射", "注射后6小时背痛剧烈", "现在双下肢无力了怎么办？"),
])
def test_a_fever_settled_before_the_procedure_does_not_make_the_deficit_an_abscess(rounds_engine, turns):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(turns[-1], history=list(turns[:-1]))
    assert ans.urgent and "until shown otherwise" not in ans.escalation and "首先考虑硬膜外脓肿" not in ans.escalation, ans.escalation


def test_minutes_after_a_procedure_began_is_during_it():  # type: ignore[no-untyped-def]
    import re

    from assistant.safety import _SINCE
    since = re.compile(_SINCE["en"], re.I)
    for during in ("30 min after the epiduroscopy began, 180 ml saline in", "10 min after we started the epiduroscopy",
                   "20 min after SCS lead insertion started"):
        assert not since.search(during), during
    for after in ("40 minutes after epiduroscopy", "2 hours after the injection she started vomiting"):
        assert since.search(after), after


def test_a_pump_refilled_again_is_no_reimplantation():  # type: ignore[no-untyped-def]
    from assistant.lexicon import load_lexicon
    found = [m.concept for m in load_lexicon().match("泵重新装药后病人抽搐")]
    assert "reimplantation" not in found, found


def test_a_dose_put_to_the_test_is_asked_and_an_urgent_scan_is_no_device_labelling(rounds_engine):  # type: ignore[no-untyped-def]
    from assistant.frame import aspects_of
    assert "dose" in aspects_of("Is 400 mg of lidocaine with adrenaline OK?", "en")
    assert "implant-mri-conditions" not in rounds_engine.frame(
        "Patient with an SCS needs an urgent lumbar spine MRI for suspected cauda equina - what now?").concepts


def test_a_note_heading_names_the_ask_not_what_is_told_after_it():  # type: ignore[no-untyped-def]
    from assistant.answer import _short
    assert _short("什么时候可以出院？注射很顺利。病人情况良好。") == "什么时候可以出院"
    assert _short("Naloxone 0.4 mg IV given, he's awake now with RR 14. How long do we need to watch him?") == "How long do we need to watch him"


def test_a_real_english_word_rarer_than_the_small_list_is_not_corrected(rounds_engine):  # type: ignore[no-untyped-def]
    f = rounds_engine.frame("Starting ziconotide intrathecal for a refractory cancer pain patient - what starting dose?")
    assert "refractory" in f.text and not f.corrections, f.corrections
    assert rounds_engine.frame("kyphoplsty complications?").corrections  # (a slip is still mended)


def test_a_bare_condition_opens_the_ask_that_follows_it():  # type: ignore[no-untyped-def]
    from assistant.frame import split_parts
    assert split_parts("他是机械二尖瓣, 停华法林期间要 bridging 吗? 用 LMWH 的话 术前最后一针什么时候?", "zh") == \
        ["他是机械二尖瓣, 停华法林期间要 bridging 吗?", "用 LMWH 的话 术前最后一针什么时候?"]
    assert len(split_parts("And if I want to just give enoxaparin 40 mg sc prophylaxis tonight instead, how many hours after the "
                           "procedure is ok?", "en")) == 1
    assert len(split_parts("How long do I hold apixaban? If she has CKD, how long then?", "en")) == 2


def test_a_drug_given_after_the_procedure_asks_its_restart(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("And if I want to just give enoxaparin 40 mg sc prophylaxis tonight instead, how many hours after the "
                               "procedure is ok?", history=["Pt had T12 kyphoplasty this afternoon, on rivaroxaban 20 mg daily for AF "
                                                            "(held 3 days pre-op). When can I restart it?"])
    assert "restarted" in _first(ans) and "after the procedure" in _first(ans), ans.text
    lmwh = rounds_engine.answer("他是机械二尖瓣, 停华法林期间要 bridging 吗? 用 LMWH 的话 术前最后一针什么时候?",
                                history=["明天要做 SI joint 注射 (骶髂关节, 透视下), 病人吃华法林 INR 2.8, 需要停吗? 停几天?"])
    last = lmwh.text.split("术前最后一针什么时候**", 1)[-1]
    assert "24 小时" in " ".join(_bullets(last)[:2]), lmwh.text


# --- rounds 199-200 ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("q", ["What are the main complications of a fluoroscopic lumbar sympathetic block and how do I avoid them?",
                               "透视下腰交感神经阻滞有哪些并发症？"])
def test_the_guidance_named_before_a_procedure_is_no_subject(rounds_engine, q):  # type: ignore[no-untyped-def]
    f = rounds_engine.frame(q)
    assert "fluoroscopy" not in f.concepts and "lumbar-sympathetic-block" in f.concepts, f.concepts
    said = " ".join(_bullets(rounds_engine.answer(q).text))
    assert "radiation" not in said and "radiographer" not in said and "辐射" not in said, said
    assert "fluoroscopy" in rounds_engine.frame("fluoroscopic vs ultrasound guidance for SGB - which is safer?").concepts


def test_an_implant_patient_booked_for_an_mri_asks_the_devices_labelling(rounds_engine):  # type: ignore[no-untyped-def]
    q = "Patient with a Medtronic spinal cord stimulator (paddle lead, thoracic) is booked for lumbar spine MRI next week. Is it ok to go ahead?"
    ans = rounds_engine.answer(q)
    assert ans.abstained and "MRI with an implanted device" in ans.text, ans.text


@pytest.mark.parametrize("turns", [
    ("Wet tap during L4-5 ILESI yesterday, now postural headache. When should I do the blood patch?",
     "She's now febrile 38.4, WCC 15, no obvious source yet. Can I still go ahead with the patch?",
     "If the first patch fails, how soon can I repeat it?"),
])
def test_a_failure_only_supposed_is_no_emergency_and_a_second_patch_is_no_yearly_limit(rounds_engine, turns):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(turns[-1], history=list(turns[:-1]))
    assert not ans.urgent, ans.escalation
    said = " ".join(_bullets(rounds_engine.answer(turns[-1], history=[turns[0]]).text))
    assert "second epidural blood patch" in said and "per year" not in said, said


def test_an_unknown_drug_given_to_the_patient_told_before_goes_on_with_that_patient(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Surgeon wants to just give oral flucloxacillin and keep the device. Is that reasonable?",
                               history=["SCS IPG pocket check 10 days post implant - wound red, warm, some serous ooze from the "
                                        "incision, temp 37.9. What should I do?"])
    assert not ans.abstained and "explant" in " ".join(_bullets(ans.text)), ans.text
    assert rounds_engine.answer("What about Botox?", history=["How long to hold apixaban before an ESI?"]).abstained


# --- review 38 ---------------------------------------------------------------------------------------------------------------
def test_stopping_a_baclofen_pump_for_a_granuloma_warns_of_withdrawal(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Should we stop the infusion?", history=["Intrathecal baclofen pump patient with slowly progressive leg "
                                                                         "weakness, worried about a catheter tip granuloma"])
    assert "withdrawal" in " ".join(_bullets(ans.text)) and not any("interval" in n for n in _notes(ans.text)), ans.text


@pytest.mark.parametrize("q,history", [("腰穿后头痛，危险信号有哪些？", []), ("红旗征有哪些？", ["腰椎硬膜外穿破了，体位性头痛"])])
def test_the_red_flags_of_a_puncture_headache_asked_are_quoted(rounds_engine, q, history):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer(q, history=history)
    assert not ans.abstained and any("脑膜炎" in b and "硬膜下" in b for b in _bullets(ans.text)[:2]), ans.text


def test_a_current_fever_two_turns_back_keeps_the_abscess_banner(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("and leg weakness?", history=["5 days after the ILESI, temp 38.3", "now severe back pain"])
    assert ans.urgent and "until shown otherwise" in ans.escalation, ans.escalation


def test_dapt_asked_of_the_procedure_told_before_is_ours_and_a_new_dapt_question_is_not(rounds_engine):  # type: ignore[no-untyped-def]
    ours = rounds_engine.answer("How long until we can do it?", history=["DES 4 months ago on aspirin and clopidogrel, ILESI planned"])
    assert not ours.abstained, ours.text
    theirs = rounds_engine.answer("急性心梗PCI术后双抗要用多久？", history=["How long to hold apixaban before an ESI?"])
    assert theirs.abstained, theirs.text


def test_an_aside_after_a_deficit_emergency_is_no_part_of_it(rounds_engine):  # type: ignore[no-untyped-def]
    ans = rounds_engine.answer("Unrelated - clopidogrel hold before an SCS trial next month?",
                               history=["C5-6 right TFESI done 5 min ago, now cannot speak and left arm and leg weak. What now?"])
    assert not ans.urgent and "7 days" in ans.text, ans.text


def test_a_rare_real_word_one_edit_from_a_medical_word_is_still_mended(rounds_engine):  # type: ignore[no-untyped-def]
    assert rounds_engine.frame("pt has a peacemaker, ok to do lumbar RFA?").corrections == (("peacemaker", "pacemaker"),)
