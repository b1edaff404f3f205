"""Rounds 151 onwards (a vascular surgeon, a pain-clinic pharmacist, an anaesthesia registrar on nights; a rheumatologist,
an interventional radiologist, a spinal-cord-injury rehabilitation nurse; and the later rounds' roles, with their Chinese
counterparts): the asks these clinicians phrase their own way, and the sentence that answers them first."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def ward_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("rehab-ward-index", ("anticoagulants", "facet-mbb-rfa", "sacroiliac", "cervical-thoracic-sympathetic",
                                            "esi-transforaminal", "spinal-cord-stimulation"))


@pytest.fixture(scope="module")
def sij_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("sij-index", ("anticoagulants", "sacroiliac", "facet-mbb-rfa"))




# --- a neighbour's bleeding-risk class is said to be the neighbour's ------------------------------------------------------

@pytest.mark.parametrize("q,said", [
    ("SI joint RFA on xarelto - hold?", "places sacral lateral branch radiofrequency itself in no class"),
    ("骶髂关节射频，吃拜瑞妥要停吗？", "未给出骶神经外侧支射频本身的分级")])
def test_a_class_given_for_a_neighbour_procedure_is_said_to_be_its(sij_engine, q, said):  # type: ignore[no-untyped-def]
    text = sij_engine.answer(q).text
    notes = _notes(text)
    assert any(said in n for n in notes), text
    if any("lateral branch block" in b or "外侧支阻滞" in b for b in _bullets(text)[:2]):  # (the neighbour's class is named)
        assert any("sacral lateral branch block" in n or "骶神经外侧支阻滞" in n for n in notes), notes


def test_a_procedure_graded_itself_gets_no_neighbour_note(sij_engine):  # type: ignore[no-untyped-def]
    notes = _notes(sij_engine.answer("SIJ injection on pradaxa - stop it?").text)
    assert not any("itself in no class" in n for n in notes), notes


# --- a bare "pump" beside a stimulator is the intrathecal pump ------------------------------------------------------------

@pytest.mark.parametrize("history,follow", [
    ("what's the infection rate after SCS implant?", "and for a pump, same?"),
    ("SCS植入后感染率多少？", "泵呢？")])
def test_a_bare_pump_after_a_stimulator_is_the_intrathecal_pump(implant_engine, history, follow):  # type: ignore[no-untyped-def]
    q = implant_engine.frame(follow, [history])
    assert "intrathecal-pump" in q.concepts, q.concepts
    bullets = _bullets(implant_engine.answer(follow, [history]).text)
    assert any("intrathecal" in b or "鞘内" in b for b in bullets[:2]), bullets


@pytest.mark.parametrize("history,follow", [
    ("what's the infection rate after SCS implant?", "what about his insulin pump?"),
    ("SCS on xarelto - hold?", "and she is on a proton pump inhibitor too"),
    ("SCS植入后感染率多少？", "他有胰岛素泵"),
    ("facet injection on xarelto - hold?", "and for a pump, same?"),
    ("SCS implant infection rate?", "pt has an insulin pump too - is the pump ok?")])
def test_other_pumps_and_other_topics_are_no_intrathecal_pump(implant_engine, history, follow):  # type: ignore[no-untyped-def]
    assert "intrathecal-pump" not in implant_engine.frame(follow, [history]).concepts


# --- other specialties' procedures and indications told in their own words are declined -----------------------------------

@pytest.mark.parametrize("q,named", [
    ("suprapubic catheter change in SCI pt on warfarin INR 3.1 - ok to go ahead?", "suprapubic catheter change"),
    ("截瘫病人吃华法林 INR 3.1，要换膀胱造瘘管，可以吗？", "换膀胱造瘘管"),
    ("whats the max INR you'd accept for a retrograde femoral puncture for diagnostic angiogram?", "retrograde femoral puncture"),
    ("SCS for critical limb ischaemia - what's the evidence?", "critical limb ischaemia")])
def test_another_specialtys_procedure_or_indication_is_declined(engine, q, named):  # type: ignore[no-untyped-def]
    ans = engine.answer(q)
    assert ans.verdict == "out_of_scope", ans.text
    assert named in ans.text and not _bullets(ans.text), ans.text


def test_the_safety_of_our_procedure_in_that_patient_is_still_answered(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("pt with critical limb ischaemia on clopidogrel, needs SCS trial - hold how long?")
    assert ans.verdict == "answered", ans.text
    assert any("7 days" in b for b in _bullets(ans.text)[:2]), ans.text


def test_the_indications_evidence_part_alone_is_not_covered(implant_engine):  # type: ignore[no-untyped-def]
    text = implant_engine.answer("SCS for critical limb ischemia - any evidence? infection rate?").text
    assert any("Not covered" in n and "critical limb ischemia" in n for n in _notes(text)), text
    assert any("infection" in b for b in _bullets(text)[:2]), text


# --- a class rule naming another drug only as its exception answers the class member asked --------------------------------

@pytest.mark.parametrize("q,rule", [("cefazolin dose for SCS implant prophylaxis?", "weight-based"),
                                    ("SCS植入预防用头孢唑林剂量多少？", "按体重")])
def test_a_class_rule_with_its_exception_answers_the_member_asked(implant_engine, q, rule):  # type: ignore[no-untyped-def]
    bullets = _bullets(implant_engine.answer(q).text)
    assert any(rule in b for b in bullets[:2]), bullets


# --- a follow-up naming the broader procedure, or only an ask, goes on with the procedure before ------------------------------

def test_medial_branch_rfa_is_the_rf_procedure(engine):  # type: ignore[no-untyped-def]
    assert "radiofrequency-ablation" in engine.frame("lumbar medial branch RFA on xarelto - hold?").concepts


@pytest.mark.parametrize("history,follow", [
    ("lumbar medial branch RFA for facet pain - what diagnostic block protocol do we need before ablating?",
     "ok and how long does relief usually last after RFA, can it be repeated?"),
    ("SCS trial on apixaban - how long to hold?", "and for the SCS implant itself?")])
def test_a_broader_name_of_the_procedure_before_is_a_follow_up(engine, history, follow):  # type: ignore[no-untyped-def]
    q = engine.frame(follow, [history])
    assert q.followup, q


def test_a_lumbar_rfa_relief_is_not_answered_with_a_cervical_neurotomys(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("ok and how long does relief usually last after RFA, can it be repeated?",
                              ["lumbar medial branch RFA for facet pain - what diagnostic block protocol do we need before ablating?"]).text
    assert not any("third occipital" in b for b in _bullets(text)), text


# --- the night registrar's collapses: a high block with slurred speech, a pressure written "BP掉到", a faint's airway --------

@pytest.mark.parametrize("q", ["急！腰段硬膜外注射后 5 min BP 80/40、HR 42、说话含糊、上肢麻",
                               "5 min after lumbar epidural, BP 80/40, HR 42, slurred speech, arms numb"])
def test_slurred_speech_with_a_falling_pressure_after_an_epidural_is_a_high_block(q):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    from assistant.text import detect_lang
    assert triage(q, detect_lang(q)).rule == "total-spinal"


@pytest.mark.parametrize("q", ["after cervical TFESI left arm weak, slurred speech, facial droop", "颈椎TFESI后左手无力，说话含糊，口角歪斜"])
def test_one_sided_weakness_with_slurred_speech_stays_a_stroke(q):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    from assistant.text import detect_lang
    assert triage(q, detect_lang(q)).rule == "esi-stroke"


def test_a_pressure_written_bp_then_chinese_is_a_low_pressure():  # type: ignore[no-untyped-def]
    import re

    from assistant.safety import _LOW_BP
    assert re.search(_LOW_BP["zh"], "TFESI打完病人突然意识不清，BP掉到70/40", re.I)
    assert not re.search(_LOW_BP["zh"], "BP正常，心率72", re.I)


@pytest.mark.parametrize("q,airway", [("just finished L4-5 TFESI, pt suddenly unresponsive, BP 70/40, HR 38", "check airway and breathing"),
                                      ("急！！TFESI打完病人突然意识不清，BP掉到70/40，心率45，现在怎么办", "评估气道和呼吸")])
def test_a_faint_with_lost_consciousness_checks_the_airway_first(q, airway):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    from assistant.text import detect_lang
    t = triage(q, detect_lang(q))
    assert t.rule == "vasovagal" and airway in t.escalation, t


# --- a day told with a lab value is when it was drawn; a last dose's time told asks the interval -----------------------------

def test_the_day_an_inr_was_drawn_is_no_last_dose():  # type: ignore[no-untyped-def]
    from assistant.timeline import dose_to_procedure
    assert dose_to_procedure("华法林，今天 INR 1.6，明天颈椎 TFESI，能做吗？", "zh") is None
    assert dose_to_procedure("INR 1.6 today, cervical TFESI tomorrow - ok?", "en") is None
    told = dose_to_procedure("last eliquis dose yesterday 8pm, TFESI today 10am - ok?", "en")
    assert told is not None and told.hours == 14


@pytest.mark.parametrize("q", ["last eliquis dose yesterday 8pm, TFESI today 10am - ok?", "when is the last LMWH dose before the procedure?",
                               "克赛最后一针昨晚8点，今天上午10点做TFESI可以吗？"])
def test_a_last_doses_time_asks_the_hold_not_an_amount(engine, q):  # type: ignore[no-untyped-def]
    aspects = engine.frame(q).aspects
    assert "dose" not in aspects and "hold" in aspects, aspects


# --- what to do for a complication: never another complication's steps, and a prevention step is no treatment ----------------

@pytest.mark.parametrize("q,none", [
    ("blister under the grounding pad after RFA, looks like a burn - how to manage?", "gives no management steps"),
    ("RFA 后回路电极板处水泡，像烧伤，怎么处理", "知识库未给出负极板烧伤的处理措施")])
def test_a_pad_burn_asked_gets_no_neurotomys_reassurance_and_says_no_steps(ward_engine, q, none):  # type: ignore[no-untyped-def]
    text = ward_engine.answer(q).text
    assert not any("third occipital" in b or "第三枕神经" in b for b in _bullets(text)), text
    assert any(none in n for n in _notes(text)), text


def test_a_planned_procedures_prevention_step_is_still_the_step(ward_engine):  # type: ignore[no-untyped-def]
    text = ward_engine.answer("68M with a dual-chamber pacemaker referred for bilateral L3–L5 medial branch RFA. Anything I need to do "
                              "differently?").text
    assert not any("no management steps" in n for n in _notes(text)), text


def test_a_sign_denied_in_chinese_is_left_out(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("MRI 证实了，无神经功能缺损，可以单纯抗生素吗？", ["硬膜外注射后第5天，发热39℃，腰背剧痛，考虑硬膜外脓肿，下一步？"])
    assert "neurological-injury" not in q.concepts and "neurological-injury" in q.excluded, q
    assert "gastroscopy" in engine.frame("无痛胃镜前要停阿司匹林吗").out_of_scope


# --- a bare watch after a finding watches that finding; a loading and maintenance dose is a dose ----------------------------

@pytest.mark.parametrize("q,own", [("diabetic pt glucose 16 after ESI - normal? how long to monitor?", "glucose"),
                                   ("硬膜外激素注射后 糖尿病病人血糖到 16 mmol/L，正常吗？要监测多久？", "血糖")])
def test_how_long_to_monitor_after_a_glucose_told_is_the_glucose_watch(ward_engine, q, own):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    second = [b["text"] for b in ans.bullets if b.get("part") == 1]
    assert second and own in second[0] and "LAST" not in second[0], ans.text


def test_a_chinese_loading_and_maintenance_dose_is_a_dose_ask(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("局麻药中毒要用脂肪乳，20% intralipid 怎么给，负荷量和维持量多少？")
    assert all("dose" in p.aspects for p in q.parts), q.parts
    text = engine.answer("局麻药中毒要用脂肪乳，20% intralipid 怎么给，负荷量和维持量多少？").text
    assert "知识库未涵盖" not in text, text


@pytest.mark.parametrize("q", ["pre-procedure checklist for TIPS - what platelet count and INR thresholds?", "TIPS术前血小板和INR要求？"])
def test_tips_is_another_specialtys_procedure(engine, q):  # type: ignore[no-untyped-def]
    assert engine.answer(q).verdict == "out_of_scope"


def test_tips_as_advice_is_no_procedure(engine):  # type: ignore[no-untyped-def]
    assert "tips-procedure" not in engine.frame("any tips for avoiding intravascular injection during TFESI?").concepts


# --- a restart asked of a drug the sources give no restart for: said, never another drug's restart -------------------------

@pytest.mark.parametrize("history,follow,none", [
    ("pt on fondaparinux 2.5mg daily - hold time before lumbar facet joint injection?", "and when can it be restarted after?",
     "gives no restart time"),
    ("磺达肝癸钠 腰椎小关节注射前停几天？", "术后什么时候可以恢复？", "知识库未给出以下恢复用药时间")])
def test_a_restart_the_sources_lack_is_said_and_no_other_drugs_is_given(engine, history, follow, none):  # type: ignore[no-untyped-def]
    text = engine.answer(follow, [history]).text
    assert any(none in n for n in _notes(text)), text
    assert not any("LMWH" in b or "低分子肝素" in b for b in _bullets(text)), text


def test_a_class_restart_still_answers_its_member(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("and when can it be restarted after?", ["enoxaparin 40 daily before TFESI how long?"]).text
    assert "restarted" in _bullets(text)[0] and not any("no restart time" in n for n in _notes(text)), text


# --- why a drug is not used in a procedure is that procedure's reason ----------------------------------------------------

@pytest.mark.parametrize("q", ["cervical TFESI which steroid? why not triamcinolone?", "颈椎 TFESI 用什么激素？为什么不能用曲安奈德？"])
def test_why_not_a_steroid_in_tfesi_leads_with_its_particles(engine, q):  # type: ignore[no-untyped-def]
    ans = engine.answer(q)
    second = [b["text"] for b in ans.bullets if b.get("part") == 1]
    assert second and any(w in second[0] for w in ("particle", "particulate", "颗粒")) and "HPA" not in second[0], ans.text


# --- an emergency quotes no other picture's reassurance; a scan's indication is no stroke told; 病人说 is now --------------------

@pytest.mark.parametrize("q", ["急!!刚做完C7-T1 ILESI,病人说胸闷气短、双手发麻,SpO2 88%,血压在掉,怎么办",
                               "just did C7-T1 ILESI, pt short of breath, hands numb, SpO2 88%, BP dropping - what now?"])
def test_a_high_block_quotes_no_neurotomys_reassurance(ward_engine, q):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert ans.urgent, ans.text
    assert not any("third occipital" in b or "第三枕神经" in b or "无需治疗" in b for b in _bullets(ans.text)), ans.text


def test_a_scan_ordered_for_query_stroke_is_no_stroke_told():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage("pt with cervical SCS (Nevro) needs MRI brain for ?stroke. ok to scan?", "en", {"spinal-cord-stimulation"}).rule != "esi-stroke"
    assert triage("after cervical TFESI pt has left arm weakness and slurred speech - MRI to rule out stroke?", "en",
                  {"transforaminal-esi"}).rule == "esi-stroke"


def test_blurred_vision_the_patient_reports_after_epiduroscopy_is_now():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    t = triage("病人说看东西模糊，正常吗？", "zh", {"epiduroscopy"}, before="硬膜外镜术后病房要观察什么？")
    assert t.urgent and t.rule == "epiduroscopy-pressure", t


@pytest.mark.parametrize("q", ["burning dysaesthesia over the paraspinals 10 days after lumbar medial branch RFA - normal?",
                               "腰椎内侧支射频后10天，射频后烧灼感，正常吗？"])
def test_burning_after_a_lumbar_rfa_is_its_neuritis(ward_engine, q):  # type: ignore[no-untyped-def]
    assert "post-ablation-neuritis" in ward_engine.frame(q).concepts
    bullets = _bullets(ward_engine.answer(q).text)
    assert not any("third occipital" in b or "第三枕神经" in b for b in bullets[:2]), bullets


# --- review 31: the new readings stay narrow --------------------------------------------------------------------------------

def test_a_stroke_queried_by_the_reporter_stays_urgent():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage("cervical TFESI 10 min ago, now drowsy and confused ?stroke - what do I do", "en", {"transforaminal-esi"}).rule == "esi-stroke"


def test_a_patients_reported_history_is_not_happening_now():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert not triage("病人说她对造影剂过敏，这次TFESI要预处理吗？", "zh", {"contrast-allergy", "transforaminal-esi"}).urgent


def test_pt_is_the_patient_not_a_prothrombin_time():  # type: ignore[no-untyped-def]
    from assistant.timeline import dose_to_procedure
    told = dose_to_procedure("pt eliquis yesterday 8pm, TFESI today 10am - ok?", "en")
    assert told is not None and told.hours == 14


@pytest.mark.parametrize("q,kept", [("鞘内泵植入术后尿潴留，需要换导尿管吗？", "urinary-retention"), ("无MRI条件，怀疑硬膜外血肿怎么办", "mri")])
def test_a_routine_catheter_change_and_a_scan_unavailable_stay_ours(engine, q, kept):  # type: ignore[no-untyped-def]
    f = engine.frame(q)
    assert kept in f.concepts and not f.out_of_scope, f


def test_a_loading_dose_told_is_no_dose_asked(engine):  # type: ignore[no-untyped-def]
    assert "dose" not in engine.frame("氯吡格雷负荷量300mg昨天吃的，今天做TFESI可以吗").aspects


def test_the_low_class_note_names_the_level(engine):  # type: ignore[no-untyped-def]
    notes = _notes(engine.answer("lumbar medial branch RFA on xarelto - hold?").text)
    assert not any("low bleeding-risk class" in n and "lumbar" not in n for n in notes), notes


@pytest.mark.parametrize("q", ["SCS 病人 MRI 前要注意什么？", "SCS patient - anything to do before his MRI?"])
def test_what_to_do_before_an_implanted_patients_mri_is_the_scan_topic(engine, q):  # type: ignore[no-untyped-def]
    assert "implant-mri-conditions" in engine.frame(q).concepts


def test_an_mri_before_the_implant_is_still_the_planning_scan(engine):  # type: ignore[no-untyped-def]
    assert "implant-mri-conditions" not in engine.frame("before SCS implant, do we need an MRI first?").concepts


def test_is_a_sensation_normal_after_rfa_is_no_emergency_but_a_deficit_now_is():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert not triage("after lumbar medial branch RFA, is patchy numbness/sunburn feeling over the back normal?", "en",
                      {"radiofrequency-ablation"}).urgent
    assert triage("just did L4-5 TFESI, now both legs numb and weak - is this normal?", "en", {"transforaminal-esi"}).urgent


@pytest.mark.parametrize("q,urgent", [("患者主诉腰痛伴双下肢无力1月，拟行腰椎硬膜外注射，需停药几天？", False),
                                      ("患者主诉腰痛伴双下肢无力1月，昨天硬膜外注射后今天加重，怎么办？", True)])
def test_a_chief_complaint_before_a_planned_procedure_is_its_indication(q, urgent):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, "zh", {"esi"}).urgent is urgent
