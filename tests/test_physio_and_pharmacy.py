"""Rounds 131-132 (a vascular surgeon, a pain-clinic pharmacist and an orthopaedic surgeon; an ICU physician, a pain
physiotherapist and a pain department director; their Chinese counterparts): a technique asked of a procedure whose
passages give it only for another, the patient's history carried into a follow-up, another specialty's access or
treatment asked beside ours, and rehabilitation asks the sources have nothing on."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def rehab_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("rehab-index", ("anticoagulants", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal", "last",
                                       "vertebral-augmentation", "facet-mbb-rfa", "intradiscal-pldd", "infection-control",
                                       "spinal-cord-stimulation", "patient-selection-monitoring", "radiation-contrast",
                                       "sacroiliac", "spinal-haematoma"))


def _bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


def _notes(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("> ")]


# --- a technique asked of a procedure whose passages give it only for another ---------------------------------------------

@pytest.mark.parametrize("q,note,first", [
    ("test dose before cervical interlaminar ESI - needed?", "Nothing in the knowledge base on test dose for interlaminar",
     "test dose before the steroid may be considered during transforaminal ESI"),
    ("颈椎椎板间硬膜外注射前需要做试验剂量吗？", "知识库中没有关于经椎板间硬膜外类固醇注射试验剂量的资料", "经椎间孔ESI中，可考虑在注射类固醇前先给予局麻药试验剂量")])
def test_a_test_dose_asked_of_an_interlaminar_esi_leads_with_the_transforaminal_one_said_as_such(rehab_engine, q, note, first):  # type: ignore[no-untyped-def]
    text = rehab_engine.answer(q).text
    assert note in _notes(text)[0], text
    assert "transforaminal" in _notes(text)[0] or "经椎间孔" in _notes(text)[0], text
    assert first in _bullets(text)[0], text


def test_a_technique_said_of_every_procedure_gets_no_such_note(rehab_engine):  # type: ignore[no-untyped-def]
    text = rehab_engine.answer("Patient had anaphylaxis to iodinated contrast during a CT years ago and needs a lumbar "
                               "transforaminal injection next month. What premedication should she get?").text
    assert "prednisone 50 mg" in _bullets(text)[0], text
    assert not any("may not apply" in n for n in _notes(text)), text


def test_antibiotic_prophylaxis_asked_of_a_medial_branch_block_says_whose_the_passages_are(rehab_engine):  # type: ignore[no-untyped-def]
    text = rehab_engine.answer("do we need antibiotic prophylaxis for a lumbar medial branch block?").text
    assert _notes(text) and "antibiotic prophylaxis for medial branch block" in _notes(text)[0], text
    assert "prophyla" in _bullets(text)[0].lower(), text


def test_the_judge_needs_the_asked_procedure_beside_a_technique_that_goes_with_many():
    from assistant.judge import _with_procedure
    tfesi = frozenset({"test-dose", "transforaminal-esi", "esi"})
    ilesi = frozenset({"test-dose", "interlaminar-esi", "esi"})
    parents = {"interlaminar-esi": ("esi",), "transforaminal-esi": ("esi",)}
    assert not _with_procedure("test-dose", tfesi, ["interlaminar-esi", "esi"], parents)
    assert _with_procedure("test-dose", ilesi, ["interlaminar-esi", "esi"], parents)


# --- the patient's history the turn before told is no subject of a follow-up ------------------------------------------------

@pytest.mark.parametrize("history,q,absent", [
    ("pt had NSTEMI + DES 2 mo ago on ticagrelor+asa. needs cervical IL ESI", "what if he was on prasugrel instead",
     "coronary artery disease"),
    ("fem-pop pt on clopidogrel + ASA 81, SCS trial for CRPS, keep aspirin?", "plavix how many days?", "complex regional pain syndrome")])
def test_a_follow_up_says_nothing_missing_of_the_history_told_only_as_background(engine, history, q, absent):  # type: ignore[no-untyped-def]
    a = engine.answer(q, [history])
    assert a.verdict == "answered"
    assert absent not in a.text, a.text
    assert any("held for 7" in b for b in _bullets(a.text)), a.text


def test_background_is_the_history_that_was_no_subject_of_the_turn_before(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("what if he was on prasugrel instead", ["pt had NSTEMI + DES 2 mo ago on ticagrelor+asa. needs cervical IL ESI"])
    assert "coronary-heart-disease" in q.background and "coronary-stent" in q.background
    assert "interlaminar-esi" not in q.background


# --- another specialty's arterial access, and its treatment asked after our procedure ---------------------------------------

@pytest.mark.parametrize("q", ["INR cutoff for retrograde CFA puncture for peripheral angio?", "股动脉穿刺做下肢动脉造影，INR多少可以做？"])
def test_a_femoral_arterial_puncture_for_angiography_is_another_specialtys(engine, q):  # type: ignore[no-untyped-def]
    a = engine.answer(q)
    assert a.verdict == "out_of_scope", a.text
    assert not _bullets(a.text), a.text


@pytest.mark.parametrize("q", ["PKP 后需要抗骨质疏松治疗吗？用什么药", "after kyphoplasty should we start a bisphosphonate?"])
def test_osteoporosis_treatment_asked_after_a_kyphoplasty_is_declined(rehab_engine, q):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer(q)
    assert a.verdict == "out_of_scope", a.text
    assert not _bullets(a.text), a.text


def test_the_osteoporosis_part_beside_a_leak_rate_is_said_uncovered_and_the_rate_answered(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("PKP后需要抗骨质疏松治疗吗？骨水泥渗漏率多少？")
    assert _notes(a.text)[0] == "知识库未涵盖：PKP后需要抗骨质疏松治疗吗", a.text
    assert any("28.9%" in b for b in _bullets(a.text)), a.text
    assert not any("取栓" in b for b in _bullets(a.text)), a.text  # (no embolism rescue step for a drug question)


def test_a_bisphosphonate_the_patient_takes_keeps_the_procedure_as_the_subject(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("pt on zoledronic acid, PKP safe?")
    assert a.verdict != "out_of_scope" and _bullets(a.text), a.text


# --- rehabilitation and activity asks: not answered with steroid choice or leak rates ----------------------------------------

@pytest.mark.parametrize("q", [
    "L4/5 TFESI this morning - normal physio (core + treadmill) tomorrow? restrictions?",
    "Kyphoplasty T12, 2 days post-op: when to start back-extensor work, what lifting limit?",
    "腰椎小关节RFA后第二天可以做核心训练吗？",
    "SCS植入后多久开始康复？哪些动作不能做？"])
def test_rehabilitation_asks_are_said_uncovered_not_answered_beside_the_point(rehab_engine, q):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer(q)
    assert a.verdict == "not_in_kb", a.text
    assert not any(w in a.text for w in ("dexamethasone", "39.3%", "地塞米松")), a.text


@pytest.mark.parametrize("q", ["normal physio tomorrow?", "when can she go back to work?", "可以去健身房锻炼吗", "什么时候能上班"])
def test_rehabilitation_words_are_the_mobilisation_ask(engine, q):  # type: ignore[no-untyped-def]
    assert "mobilisation" in engine.frame(q).concepts


# --- the ICU physician's bedside: a faint picture, a fever after an RFA, a scan asked for ------------------------------------

@pytest.mark.parametrize("q,banner", [
    ("腰椎TFESI刚打完药，突然意识丧失，BP 70/40，HR 38", "多为血管迷走反应"),
    ("just finished L4-5 TFESI, pt suddenly unresponsive, BP 70/40, HR 38", "most often a vasovagal reaction")])
def test_consciousness_lost_with_a_slow_heart_and_no_toxicity_sign_is_a_faint_first(q, banner):
    from assistant.safety import triage
    from assistant.text import detect_lang
    t = triage(q, detect_lang(q))
    assert t.rule == "vasovagal" and banner in t.escalation, t


@pytest.mark.parametrize("q,rule", [
    ("pt unresponsive and seizing after caudal, HR 40", "last"),
    ("颈椎SGB用了布比卡因，病人意识丧失，HR 35，BP 60/30", "last")])
def test_a_toxicity_sign_or_a_local_anaesthetic_named_keeps_the_last_reading(q, rule):
    from assistant.safety import triage
    from assistant.text import detect_lang
    t = triage(q, detect_lang(q))
    assert t.rule in (rule, "total-spinal"), t


def test_an_rfas_fever_gets_no_device_explant_step(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("腰椎射频消融术后第5天,发热39度,穿刺点红肿,有腰痛加重,怎么处理")
    assert a.text.startswith("紧急"), a.text
    assert not any("取出装置" in b or "囊袋" in b for b in _bullets(a.text)), a.text


def test_an_implants_fever_keeps_its_explant_step(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("fever 39 and wound pus 5 days after SCS implant, what now")
    assert any("explant" in b for b in _bullets(a.text)), a.text


def test_a_scan_asked_for_to_rule_out_an_abscess_is_no_abscess_ruled_out(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("要不要急查MRI排除硬膜外脓肿?", ["腰椎射频消融术后第5天,发热39度,穿刺点红肿,有腰痛加重,怎么处理"])
    assert "知识库未给出排除" not in a.text, a.text
    told = rehab_engine.answer("MRI排除了硬膜外脓肿，下一步？", ["腰椎射频消融术后第5天,发热39度,穿刺点红肿,有腰痛加重,怎么处理"])
    assert "知识库未给出排除" in told.text, told.text


# --- driving after an implant, and which antibiotic beside its dose ----------------------------------------------------------

def test_driving_asked_after_an_scs_implant_says_the_passages_are_other_procedures(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("can they drive yet? and what about driving with the stimulator on?",
                            ["SCS percutaneous leads implanted last week (permanent system). which movements to avoid & for how long?"])
    notes = _notes(a.text)
    assert notes and "spinal cord stimulation itself" in notes[0], a.text


def test_which_antibiotic_asked_beside_its_dose_is_answered_not_declined(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("which prophylactic antibiotic and dose for intradiscal procedures (discography, biacuplasty)? iv or intradiscal?")
    assert a.verdict != "not_in_kb", a.text
    assert any("intravenously or intradiscally" in b for b in _bullets(a.text)), a.text


def test_which_antibiotic_is_no_dose_the_sources_never_give():
    from assistant.compose import _AGENT_ASKED
    assert _AGENT_ASKED.search("which prophylactic antibiotic and dose for discography? iv or intradiscal?")
    assert _AGENT_ASKED.search("椎间盘造影预防用什么抗生素，剂量多少")
    assert not _AGENT_ASKED.search("what dose of dexamethasone for a TFESI?")


# --- follow-ups that bring something new: the headache back after a patch, the kidneys told ---------------------------------

_WET_TAP = ("wet tap during interlaminar ESI, pt now has postural HA day 2. when to do blood patch and how much blood?",
            "pt's on ASA 100 — still ok for EBP?")


def test_a_headache_back_after_the_first_patch_is_the_next_step_not_the_aspirin_again(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("what if the headache comes back after the first patch?", list(_WET_TAP))
    assert "escalation" in q.aspects and "aspirin" not in q.concepts, q
    bullets = _bullets(engine.answer("what if the headache comes back after the first patch?", list(_WET_TAP)).text)
    assert not any("aspirin" in b.lower() for b in bullets), bullets
    assert any("second epidural blood patch" in b for b in bullets), bullets


def test_renal_impairment_told_in_a_follow_up_leads_with_the_rule_it_brings(engine):  # type: ignore[no-untyped-def]
    history = ["pt on apixaban 5mg bid for AF, booked for L5-S1 interlaminar ESI tmrw am. when shd he have taken his last eliquis?",
               "and when can he restart it after the ESI?"]
    bullets = _bullets(engine.answer("what if he's got CrCl ~25, does that change the hold?", history).text)
    assert "renal" in bullets[0] and "next-higher" in bullets[0], bullets


def test_which_of_two_named_in_latin_script_has_the_lower_rate_is_a_comparison(rehab_engine):  # type: ignore[no-untyped-def]
    assert "comparison" in rehab_engine.frame("PVP和PKP哪个骨水泥渗漏率低？").aspects
    bullets = _bullets(rehab_engine.answer("PVP和PKP哪个骨水泥渗漏率低？").text)
    assert any("39.3%" in b and "28.9%" in b for b in bullets[:2]), bullets  # (the real index leads with it; this hash one second)


# --- rounds 133-134 (an anaesthesia registrar, an anticoagulation pharmacist, an implant nurse; a GP, an interventional
# radiologist, a pain fellow): whom to bridge, a valve replacement told as history, a technique in a part of its own ------

def test_a_mechanical_valve_replacement_told_as_history_is_the_valve_not_cardiac_surgery(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("机械瓣膜置换术后，需要低分子肝素桥接吗？")
    assert "mechanical-heart-valve" in q.concepts and not q.out_of_scope, q
    a = engine.answer("机械瓣膜置换术后，需要低分子肝素桥接吗？")
    assert a.verdict != "out_of_scope" and "机械" in _bullets(a.text)[0], a.text


def test_whom_to_bridge_leads_for_a_valve_patient_asked_whether_to_bridge(engine):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer("mechanical AVR on warfarin, needs lumbar TFESI, bridge?").text)
    assert "candidates for heparin bridging" in bullets[0] and "metal heart valve" in bullets[0], bullets


@pytest.mark.parametrize("history,q", [
    (["pt on apixaban 5mg bd, booked for L5/S1 TFESI next wk - how many days to hold eliquis?"],
     "she's got AF, CHA2DS2-VASc 4. does she need bridging w clexane while off it?"),
    ([], "on xarelto for AF, SCS trial next week, bridge with enoxaparin?")])
def test_a_doac_patient_asked_about_bridging_hears_first_that_doacs_are_not_bridged(engine, history, q):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer(q, history).text)
    assert "not appropriate for patients on a direct oral anticoagulant" in bullets[0], bullets


def test_while_off_it_points_back_at_the_drug_held_before(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("she's got AF, CHA2DS2-VASc 4. does she need bridging w clexane while off it?",
                     ["pt on apixaban 5mg bd, booked for L5/S1 TFESI next wk - how many days to hold eliquis?"])
    assert q.followup and "apixaban" in q.context_concepts, q


def test_a_technique_in_a_part_of_its_own_keeps_the_procedure_of_the_part_before(rehab_engine):  # type: ignore[no-untyped-def]
    q = rehab_engine.frame("SI joint injection - fluoro vs CT guidance accuracy? and blind injections?")
    assert "sacroiliac-joint-injection" in q.parts[1].inherited, q.parts
    text = rehab_engine.answer("SI joint injection - fluoro vs CT guidance accuracy? and blind injections?").text
    assert "6.28%" not in text, text  # (the stellate ganglion block's blind-technique failure rate)


# --- a contrast picture seen during a TFESI, and how many positive blocks before an RFA ---------------------------------------

@pytest.mark.parametrize("q,step", [
    ("做腰椎TFESI注造影剂时看到血管内显影，接下来怎么办？调整针位还是取消？", "不得继续注射"),
    ("doing L5 TFESI, contrast shows vascular uptake on DSA - what now? reposition or abort?", "Do not inject further")])
def test_vascular_contrast_seen_during_a_tfesi_leads_with_the_rule_not_to_inject_further(engine, q, step):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer(q).text)
    assert step in bullets[0], bullets


@pytest.mark.parametrize("q", ["lumbar medial branch RFA: how many positive MBBs do you need before ablating?", "射频前要做几次诊断性阻滞？"])
def test_how_many_positive_blocks_before_an_rfa_is_the_indication_ask(engine, q):  # type: ignore[no-untyped-def]
    assert "indication" in engine.frame(q).concepts


def test_a_bare_follow_up_on_a_topic_not_ours_is_still_declined(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("what to do with the stimulator before the scan", ["Nevro HF10 SCS pt wants 3T MRI knee, allowed?"])
    assert a.verdict == "out_of_scope" and not _bullets(a.text), a.text
    assert "antibiotic" not in a.text, a.text


# --- rounds 135-136 (a neurologist, a day-unit nurse manager, a rural pain physician; a haematologist, a radiation
# protection officer, an anaesthesia department head) ------------------------------------------------------------------------

def test_a_scan_told_without_a_haematoma_drops_the_decompression_step_though_it_names_a_new_cause(engine):  # type: ignore[no-untyped-def]
    history = ["called to ED: pt 2h post L5-S1 TFESI w/ depo-medrol, now bilat leg weakness, sensory level ~T10, urinary retention. "
               "what do i do right now?"]
    a = engine.answer("MRI: no hematoma, T-spine cord T2 signal c/w infarct. is this the particulate steroid embolism thing? "
                      "what steroid shd they have used?", history)
    assert not any("decompression" in b for b in _bullets(a.text)), a.text


def test_the_staffs_own_limit_beside_a_pregnant_colleagues_part_is_the_workers_limit(rehab_engine):  # type: ignore[no-untyped-def]
    q = rehab_engine.frame("护士在C臂下配合手术,一年职业照射剂量限值是多少?怀孕的护士还能进介入室吗?")
    assert "embryo-fetus" not in q.parts[0].concepts, q.parts
    first = rehab_engine.answer("护士在C臂下配合手术,一年职业照射剂量限值是多少?怀孕的护士还能进介入室吗?").text.split("\n**", 1)[0]
    assert "20 mSv" in _bullets(first)[0], first


@pytest.mark.parametrize("q", ["what LAST signs should recovery nurses watch for after big-volume lido infiltration for SCS IPG implant",
                               "high-volume injection, signs?"])
def test_a_volume_told_asks_no_dose(q):
    from assistant.frame import aspects_of
    assert "dose" not in aspects_of(q, "en") and "recognition" in aspects_of(q, "en")


@pytest.mark.parametrize("q,signs", [("what LAST signs should recovery nurses watch for after lido infiltration", "Early CNS signs"),
                                     ("局麻药中毒有哪些表现？", "征象包括")])
def test_the_signs_asked_lead_with_the_list_of_signs_not_the_definition(engine, q, signs):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer(q).text)
    assert any(signs in b for b in bullets[:2]) and "is the toxic reaction" not in bullets[0] and "是指" not in bullets[0], bullets


# --- review 28: what the new rules must leave alone ----------------------------------------------------------------------------

@pytest.mark.parametrize("q", [
    "注射局麻后患者意识丧失，心率36",
    "After a quadratus lumborum block the patient is unresponsive, HR 35, BP 60/30",
    "股神经阻滞后患者突然意识丧失，心率35",
    "Unresponsive with HR 38 right after a lumbar medial branch RFA",
    "颈椎小关节内侧支阻滞后患者意识丧失，心率40，血压60/30",
    "Cervical TFESI at C6, immediately after injection unresponsive, HR 40",
    "颈椎TFESI注药后患者突然意识丧失，心率40"])
def test_collapse_after_a_block_an_rf_or_a_cervical_injection_stays_last(q):
    from assistant.safety import triage
    from assistant.text import detect_lang
    assert triage(q, detect_lang(q)).rule == "last", triage(q, detect_lang(q))


def test_a_confirmed_haematomas_decompression_gets_no_other_procedure_note(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("Leg weakness after a lumbar TFESI, MRI shows an epidural haematoma - emergency decompression?")
    assert a.text.startswith("URGENT") and "may not apply" not in a.text, a.text


def test_an_scs_trials_prophylaxis_is_the_scs_implants_without_a_note(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("Antibiotic prophylaxis for SCS trial - which drug?")
    assert not any("may not apply" in n for n in _notes(a.text)), a.text


@pytest.mark.parametrize("history,q,note", [
    ("Patient with haemophilia: can he have a lumbar TFESI?", "And for a kyphoplasty?", "haemophilia"),
    ("血友病患者服用阿司匹林，要做腰椎射频消融", "要停几天？", "血友病")])
def test_a_condition_that_is_a_risk_of_its_own_stays_a_key_of_the_follow_up(rehab_engine, history, q, note):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer(q, [history])
    assert note in a.text, a.text


@pytest.mark.parametrize("q", ["Should we exercise caution with particulate steroid in cervical TFESI?", "哪些动作会导致SCS电极移位？",
                               "保守治疗（理疗、药物）无效，适合做腰椎射频吗？"])
def test_ordinary_words_near_rehabilitation_are_no_mobilisation_ask(engine, q):  # type: ignore[no-untyped-def]
    assert "mobilisation" not in engine.frame(q).concepts


def test_exercise_caution_is_no_activity_asked(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("Should we exercise caution with particulate steroid in cervical TFESI?")
    assert "says nothing on exercise" not in a.text and "particulate" in _bullets(a.text)[0] + _bullets(a.text)[1], a.text


@pytest.mark.parametrize("text,done", [("要不要急查MRI排除硬膜外脓肿?", False), ("急查MRI回报：硬膜外血肿压迫马尾", True), ("MRI没看到脓肿", True)])
def test_a_scan_asked_for_is_none_done_but_a_result_after_it_is(text, done):
    from assistant.answer import _study_done
    assert bool(_study_done(text, "zh")) is done


@pytest.mark.parametrize("q", ["Can we do a vertebroplasty when zoledronic acid was given last week?", "唑来膦酸要不要停？明天做PKP"])
def test_an_osteoporosis_drug_told_or_held_keeps_our_procedure(engine, q):  # type: ignore[no-untyped-def]
    assert engine.answer(q).verdict != "out_of_scope"


def test_positive_cultures_are_no_diagnostic_block_ask(engine):  # type: ignore[no-untyped-def]
    assert "indication" not in engine.frame("SCS infection, how many positive cultures before explant?").concepts


def test_a_coronary_angiogram_told_as_history_is_no_picture_under_way():
    from assistant.safety import during_procedure
    assert not during_procedure("昨天冠脉造影显示前降支狭窄，今天要做腰椎TFESI", "zh")


def test_a_factor_level_asked_before_an_injection_is_haematologys_plan(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("Severe haemophilia A pt (FVIII <1%) booked for lumbar TFESI L4/5 - what factor VIII level do you want before the "
                      "needle and for how long after?")
    assert a.verdict == "out_of_scope" and not _bullets(a.text), a.text


def test_a_factor_the_patient_is_on_keeps_the_procedure_answered_with_a_note(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("haemophilia A on factor VIII prophylaxis, ok for lumbar MBB?")
    assert a.verdict != "out_of_scope" and _bullets(a.text), a.text
    assert "factor VIII" in _notes(a.text)[0], a.text


def test_a_family_at_home_is_told_to_call_emergency_services(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("回家后如果出现呼吸变慢、叫不醒,家属该怎么办?", ["鞘内吗啡泵植入术后病人,伤口护理和出院注意事项有哪些?"])
    assert a.text.startswith("紧急") and "120" in a.text.splitlines()[0], a.text


@pytest.mark.parametrize("q,urgent", [("new leg weakness after L4-5 medial branch RFA yesterday, what do I do?", True),
                                      ("numb skin over the back after medial branch RFA, normal?", False)])
def test_a_medial_branch_rf_is_a_procedure_context_for_a_new_deficit(q, urgent):
    from assistant.safety import triage
    assert triage(q, "en").urgent is urgent


# --- rounds 137-138 (a spine surgeon, an ED registrar, a private pain physician; a palliative physician, a ward pharmacist, a
# night resident) -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("q,note", [
    ("Cancer pt w/ SynchroMed intrathecal morphine pump, due for refill tomorrow, on enoxaparin 1mg/kg BID for PE. "
     "Do I need to hold lovenox for a pump refill?", "in no bleeding-risk class"),
    ("鞘内泵加药前需要停利伐沙班吗？", "未给出")])
def test_a_hold_asked_before_a_procedure_in_no_class_says_so_before_the_interval(engine, q, note):  # type: ignore[no-untyped-def]
    a = engine.answer(q)
    assert any(note in n for n in _notes(a.text)) and a.text.startswith(">"), a.text


def test_a_classed_procedures_hold_gets_no_such_note(engine):  # type: ignore[no-untyped-def]
    assert "no bleeding-risk class" not in engine.answer("lumbar TFESI on eliquis, hold?").text


def test_lipid_asked_with_its_bolus_infusion_and_maximum_leads_with_the_bolus_then_the_ceiling(engine):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer("局麻药中毒LAST，70kg病人，脂肪乳20%怎么给？bolus多少、维持多少、最大量多少？").text)
    assert "1.5 mL/kg" in bullets[0] and "12 mL/kg" in bullets[1], bullets


@pytest.mark.parametrize("q,lang,urgent", [
    ("急诊 病人今天上午做了腰椎射频，晚上来说大腿外侧烧灼痛、麻木，是神经损伤吗？怎么处理", "zh", False),
    ("burning thigh pain after lumbar RFA today, what to do", "en", False),
    ("腰椎射频后腿无力、烧灼痛", "zh", True),
    ("burning pain and leg weakness after RFA", "en", True)])
def test_burning_pain_after_an_rf_ablation_is_its_neuritis_unless_weakness_is_told(q, lang, urgent):
    from assistant.safety import triage
    assert triage(q, lang).urgent is urgent


# --- rounds 139-140 (a rheumatologist, a theatre charge nurse, a senior consultant; an obstetric physician, a general surgeon,
# a community doctor) ---------------------------------------------------------------------------------------------------------

def test_an_implant_of_ours_beside_another_specialtys_drug_is_not_declined(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("吃托法替布(JAK抑制剂)的患者要植入鞘内药物输注泵，感染风险大不大，需要术前停药多久？")
    assert a.verdict != "out_of_scope" and _bullets(a.text), a.text


def test_a_note_promising_the_procedures_own_facts_is_followed_by_them(rehab_engine):  # type: ignore[no-untyped-def]
    a = rehab_engine.answer("pt on MTX + tofacitinib (xeljanz) wants SI joint inj. is it safe to go ahead on the JAKi?")
    assert _bullets(a.text), a.text


@pytest.mark.parametrize("q,lang,said", [
    ("pt had T12 kyphoplasty this morning, now acute chest pain, SpO2 86% on RA and new bilat leg weakness. help", "en",
     "new neurological deficit is told as well"),
    ("PKP术后胸痛，血氧86%，双下肢无力", "zh", "同时出现新发神经功能障碍")])
def test_a_deficit_told_beside_a_cement_embolism_is_said_in_the_banner(q, lang, said):
    from assistant.safety import triage
    t = triage(q, lang)
    assert t.rule == "cement-embolism" and said in t.escalation, t


def test_a_cement_embolism_alone_gets_no_deficit_sentence():
    from assistant.safety import triage
    assert "deficit" not in triage("pt had T12 kyphoplasty this morning, now acute chest pain, SpO2 86%", "en").escalation


@pytest.mark.parametrize("q,child", [("pt says penicillin allergy (rash as a kid). what instead?", False),
                                     ("12 yo kid needs a caudal, max bupi dose?", True),
                                     ("pregnant, her kids are 3 and 5, ok for SI joint injection?", False)])
def test_a_child_word_for_a_past_event_or_someone_elses_child_is_no_child_patient(engine, q, child):  # type: ignore[no-untyped-def]
    assert ("paediatric" in engine.frame(q).concepts) is child


def test_a_hyphenated_word_of_known_words_is_not_corrected(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("pt with an SCS just found out shes pregnant - ok for a c-section with cautery later?")
    assert "c-section" in q.text and "caesarean-section" in q.concepts and not q.corrections, q


def test_an_implant_beside_another_specialtys_operation_is_still_declined(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("pt with intrathecal morphine pump (synchromed) needs emergency laparotomy tonight. anything I need to do with "
                      "the pump periop?")
    assert a.verdict == "out_of_scope" and "granuloma" not in a.text, a.text


# --- review 29: what the rounds' rules must leave alone ------------------------------------------------------------------------

@pytest.mark.parametrize("q,lang", [("saddle numbness and burning after lumbar RFA yesterday", "en"),
                                    ("burning back pain after lumbar RFA, can't pee", "en"),
                                    ("腰椎射频后双下肢烧灼痛、鞍区麻木", "zh"),
                                    ("on apixaban after AF ablation, epidural this morning, burning back pain and both legs numb", "en")])
def test_burning_beside_a_cauda_equina_or_both_legs_sign_stays_a_neuraxial_emergency(q, lang):
    from assistant.safety import triage
    assert triage(q, lang).rule == "neuraxial-deficit"


@pytest.mark.parametrize("q,lang", [("after kyphoplasty: chest pain, SpO2 86%, arm weakness and slurred speech", "en"),
                                    ("PKP术后胸痛，血氧86%，全身没力气", "zh")])
def test_a_stroke_picture_or_weakness_all_over_beside_a_cement_embolism_adds_no_spinal_sentence(q, lang):
    from assistant.safety import triage
    t = triage(q, lang)
    assert t.rule == "cement-embolism" and "spinal emergency" not in t.escalation and "椎管内急症" not in t.escalation, t


def test_a_family_already_in_the_ed_is_not_told_to_call_120():
    from assistant.safety import triage
    assert "120" not in triage("鞘内泵病人回家后呼吸变慢叫不醒，现在在急诊，怎么办", "zh").escalation


@pytest.mark.parametrize("q", ["lidocaine max dose for an MBB in a pt on factor VIII?", "kyphoplasty after zoledronate, when?",
                               "SCS implant in a stented patient on DAPT, when?"])
def test_our_own_dose_or_timing_beside_a_factor_or_another_specialtys_drug_is_answered(engine, q):  # type: ignore[no-untyped-def]
    assert engine.answer(q).verdict != "out_of_scope"


def test_a_factor_xa_inhibitor_is_no_factor_replacement(engine):  # type: ignore[no-untyped-def]
    assert "factor-replacement" not in engine.frame("pt on xarelto (凝血因子Xa抑制剂) for TFESI, hold?").concepts


@pytest.mark.parametrize("q", ["occipital nerve block on xarelto, hold?", "intercostal block on plavix, stop?",
                               "trigeminal ganglion block on xarelto, hold?", "paravertebral block on eliquis, hold?"])
def test_a_block_the_sources_class_gets_no_unclassed_note(engine, q):  # type: ignore[no-untyped-def]
    assert "no bleeding-risk class" not in engine.answer(q).text


def test_my_kid_is_still_a_child_patient_and_a_misspelt_hyphenated_word_is_still_corrected(engine):  # type: ignore[no-untyped-def]
    assert "paediatric" in engine.frame("my kid needs a caudal block, max bupi?").concepts
    assert "epidural" in engine.frame("pt on eliqius needs an epi-dural").text
