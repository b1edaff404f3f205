"""Rounds 161 onwards (a nephrologist asked about a dialysis patient, a day-surgery recovery nurse, a private-practice pain
attending; a neurologist on a post-procedure deficit, an oncology nurse caring for an intrathecal pump, an anaesthesia
resident on the pain rotation; with their Chinese counterparts): the asks these clinicians phrase their own way, and the
sentence that answers them first."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes

# --- a step stated for another implant is said to be that implant's ------------------------------------------------------

@pytest.mark.parametrize("q,other,own", [
    ("intrathecal pump pocket looks red and swollen with some discharge, what now?", "spinal cord stimulation", "intrathecal pump"),
    ("鞘内泵囊袋红肿渗液怎么办", "脊髓电刺激", "鞘内泵")])
def test_an_infected_pump_pocket_gets_the_stimulator_rule_marked_as_the_stimulators(implant_engine, q, other, own):  # type: ignore[no-untyped-def]
    text = implant_engine.answer(q).text
    assert "explant" in _bullets(text)[0].lower() or "取出" in _bullets(text)[0], text  # (the infection's step, not an overdose)
    assert any(other in n and own in n for n in _notes(text)), text
    assert text.index(_notes(text)[0]) < text.index(_bullets(text)[0]), text  # (said before the step, not after it)


@pytest.mark.parametrize("q", ["SCS IPG pocket red and swollen 10 days post implant, what do I do?",
                               "SCS电池囊袋红肿流脓怎么处理"])
def test_the_stimulators_own_pocket_infection_gets_no_borrowed_note(implant_engine, q):  # type: ignore[no-untyped-def]
    text = implant_engine.answer(q).text
    assert "explant" in _bullets(text)[0].lower() or "取出" in _bullets(text)[0], text
    assert not any("first point" in n or "第一条" in n for n in _notes(text)), text


@pytest.mark.parametrize("q,lang", [
    ("IT pump pocket red and draining, temp 38.4 - what do we do?", "en"),
    ("鞘内泵囊袋处红肿、有渗液，体温38.2，怎么处理？", "zh")])
def test_a_febrile_pump_pocket_is_urgent_with_the_explant_rule_marked_and_no_procedure_to_stop(implant_engine, q, lang):  # type: ignore[no-untyped-def]
    a = implant_engine.answer(q)
    assert a.urgent, a.text
    assert ("Stop the procedure" if lang == "en" else "停止操作") not in a.text.split("\n")[0], a.text  # (days after: none under way)
    first = _bullets(a.text)[0]
    assert "explant" in first.lower() or "取出" in first, a.text  # (the device infection's step, not a catheter mass's differential)
    assert any("spinal cord stimulation" in n or "脊髓电刺激" in n for n in _notes(a.text)), a.text


# --- a stroke the patient had is background, not an emergency --------------------------------------------------------------

@pytest.mark.parametrize("q,lang", [
    ("my stroke pt on xarelto 20 mg daily, CrCl ~25, needs a lumbar ESI. how long off rivaroxaban?", "en"),
    ("apixaban for stroke prevention, ESI next week, how long to hold?", "en"),
    ("pt had a stroke in 2019, on eliquis, lumbar TFESI - hold how long?", "en"),
    ("脑梗病人吃利伐沙班，腰椎ESI停几天", "zh"),
    ("既往脑梗，吃波立维，颈椎TFESI要停吗", "zh")])
def test_a_stroke_told_as_history_gets_the_hold_not_a_stroke_banner(engine, q, lang):  # type: ignore[no-untyped-def]
    a = engine.answer(q)
    assert not a.urgent, a.text
    assert any(("3 days" in b or "7 days" in b or "3 天" in b or "7 天" in b) for b in _bullets(a.text)[:2]), a.text


@pytest.mark.parametrize("q,lang", [
    ("right after the cervical TFESI she had a stroke - what now?", "en"),
    ("TFESI做完病人突然说话不清右侧无力，是不是中风了", "zh")])
def test_a_stroke_told_now_stays_the_stroke_pathway(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == "esi-stroke"


# --- a deficit's banner: the scan for the picture told -------------------------------------------------------------------

def test_lead_placement_is_not_cement_in_the_canal():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    t = triage("Pt 2 days after percutaneous SCS trial lead placement, new bilateral leg weakness + severe back pain. what imaging?", "en")
    assert t.rule == "neuraxial-deficit" and "cement" not in t.escalation, t.escalation
    assert "cement" in triage("kyphoplasty 2h ago, now both legs weak and numb", "en").escalation


@pytest.mark.parametrize("q,lang,said", [
    ("HD pt had SCS trial leads placed 2 days ago, today T 39.2, severe new back pain at lead site and both legs getting weak", "en",
     "epidural abscess until shown otherwise"),
    ("SCS测试电极植入2天，发热39度，背痛，双下肢无力，怎么办", "zh", "首先考虑硬膜外脓肿")])
def test_a_deficit_with_a_temperature_told_is_an_abscess_first_days_after(q, lang, said):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    t = triage(q, lang)
    assert said in t.escalation, t.escalation
    assert ("Stop the procedure" if lang == "en" else "停止操作") not in t.escalation, t.escalation


@pytest.mark.parametrize("first,then", [
    ("HD pt had SCS trial leads placed 2 days ago, today T 39.2, severe new back pain at lead site and both legs getting weak. what do I do right now",
     "MRI not available until tomorrow morning, what should happen in the meantime?"),
    ("SCS测试电极植入2天，发热39度，背痛，双下肢无力，怎么办", "核磁要等到明天，现在怎么办")])
def test_no_mri_till_tomorrow_puts_ct_myelography_first(implant_engine, first, then):  # type: ignore[no-untyped-def]
    a = implant_engine.answer(then, [first])
    assert a.urgent, a.text
    head = a.text.split("\n")[0]
    assert "CT myelography" in head or "CT脊髓造影" in head, head
    assert "myelograph" in _bullets(a.text)[0] or "脊髓造影" in _bullets(a.text)[0], a.text


# --- a drug's withdrawal is that drug's --------------------------------------------------------------------------------------

@pytest.mark.parametrize("first,then", [
    ("病人鞘内用齐考诺肽(ziconotide)，出现幻觉、意识模糊，怎么办？", "需要直接停药吗？会不会有戒断反应？"),
    ("pt on intrathecal ziconotide is hallucinating, what do I do?", "should I just stop it? any withdrawal?")])
def test_stopping_ziconotide_is_not_answered_with_baclofen_withdrawal(implant_engine, first, then):  # type: ignore[no-untyped-def]
    text = implant_engine.answer(then, [first]).text
    assert not any("baclofen" in b.lower() or "巴氯芬" in b for b in _bullets(text)), text


@pytest.mark.parametrize("q", ["baclofen pump patient, what are the signs of withdrawal?", "巴氯芬泵病人撤药有哪些表现？"])
def test_baclofen_withdrawal_signs_lead_with_its_picture(implant_engine, q):  # type: ignore[no-untyped-def]
    first = _bullets(implant_engine.answer(q).text)[0]
    assert "withdrawal" in first or "撤药" in first, first


# --- a laboratory threshold asked for a procedure -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def augmentation_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("augmentation-index", ("anticoagulants", "vertebral-augmentation", "spinal-haematoma", "esi-general"))


@pytest.mark.parametrize("q", ["what INR is ok for vertebroplasty?", "INR 多少可以做 PVP 椎体成形？"])
def test_the_inr_for_a_procedure_is_the_normalised_inr_not_its_cement_leaks(augmentation_engine, q):  # type: ignore[no-untyped-def]
    a = augmentation_engine.answer(q)
    first = _bullets(a.text)[0]
    assert "INR" in first and ("normalised" in first or "恢复正常" in first), a.text


@pytest.mark.parametrize("q,said", [("what platelet count is ok for an ESI?", "platelet count itself"),
                                    ("血小板多少可以做硬膜外注射", "血小板具体数值")])
def test_a_platelet_threshold_asked_says_there_is_no_figure_and_gives_thrombocytopenia(augmentation_engine, q, said):  # type: ignore[no-untyped-def]
    a = augmentation_engine.answer(q)
    assert not a.abstained and _bullets(a.text), a.text
    assert any(said in n for n in _notes(a.text)), a.text
    assert "thrombocytopenia" in _bullets(a.text)[0] or "血小板减少" in _bullets(a.text)[0], a.text


# --- a homophone slip is not read into a word typed as written -------------------------------------------------------------

def test_blood_glucose_typed_as_written_is_no_slip_for_lying_flat():  # type: ignore[no-untyped-def]
    from assistant.frame import Framer
    from assistant.lexicon import load_lexicon
    framer = Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())
    f = framer.frame("2型糖尿病患者，刚做完颈椎TFESI 用了地塞米松10mg，血糖多久能回落？需要调胰岛素吗")
    assert "mobilisation" not in f.concepts and "blood-glucose" in f.concepts, f.concepts
    assert "last" in framer.frame("局麻要中毒怎么处理").concepts  # (a real slip still reads: 局麻要中毒 is 局麻药中毒)


def test_the_glucose_after_dexamethasone_is_answered_in_chinese(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("steroid-effects-index", ("patient-selection-monitoring", "esi-general", "esi-transforaminal"))
    a = e.answer("2型糖尿病患者，刚做完颈椎TFESI 用了地塞米松10mg，血糖多久能回落？需要调胰岛素吗")
    assert not a.abstained and "血糖" in _bullets(a.text)[0], a.text


# --- another specialty's operation with a drug we also use is theirs --------------------------------------------------------

@pytest.mark.parametrize("q", ["stress dose hydrocortisone for pt on chronic prednisone 10mg going for total hip replacement — what regimen?",
                               "经颅磁刺激rTMS治疗卒中后 有哪些禁忌症？"])
def test_another_specialtys_procedure_is_declined_without_our_figures(engine, q):  # type: ignore[no-untyped-def]
    a = engine.answer(q)
    assert a.verdict == "out_of_scope" and not _bullets(a.text), a.text


def test_steroid_cover_after_our_injection_before_their_operation_stays_ours(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("steroid-cover-index", ("patient-selection-monitoring", "esi-general"))
    a = e.answer("pt had a caudal ESI with us last week, now booked for a THR - does he need steroid cover?")
    assert a.verdict != "out_of_scope" and "steroid cover" in _bullets(a.text)[0], a.text


# --- limbs that stop moving, then consciousness lost, after a cervical TF steroid: the vessel, not toxicity -----------------

@pytest.mark.parametrize("q,lang", [
    ("HELP during cervical TFESI pt suddenly can't move arms and now unresponsive right after contrast/steroid injection, what do we do", "en"),
    ("颈椎TFESI推完激素病人突然双上肢不能动，随后意识丧失，怎么办", "zh")])
def test_paralysis_then_unconsciousness_after_a_cervical_tf_steroid_is_the_stroke_pathway(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == "esi-stroke"


@pytest.mark.parametrize("q,lang", [("cervical TFESI with lidocaine, pt now unresponsive and seizing", "en"),
                                    ("颈椎TFESI注射后病人意识丧失", "zh")])
def test_unconsciousness_with_a_local_anaesthetic_or_alone_stays_toxicity(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == "last"


# --- a radiographer's pulsed fluoroscopy, and what a part after an uncovered one asks ----------------------------------------

def test_pulsed_fluoro_for_an_rfa_is_the_dose_measure_not_the_rfa(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("fluoro-index", ("radiation-contrast", "facet-mbb-rfa"))
    a = e.answer("should we use pulsed fluoro for lumbar medial branch RF ablation, what frame rate is enough?")
    first = _bullets(a.text)[0]
    assert "pulsed" in first.lower() or "low-dose" in first.lower(), a.text
    assert not any("neuritic" in b or "Kornick" in b for b in _bullets(a.text)), a.text  # (no RFA complication rate for a frame rate)


def test_what_to_do_with_the_device_in_an_mri_asked_is_not_answered_with_scs_rates(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("pt with implanted SCS needs urgent MRI brain tonight for ?stroke. safe? what do i do with the device")
    assert not _bullets(a.text), a.text  # (the device's MRI labelling is not in the knowledge base, for either part)


def test_a_drugs_redose_time_is_that_drugs_or_none(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("cefazolin dose for SCS IPG implant in 130kg pt? and when do we redose intraop")
    assert not any("spinal cord injury" in b or "30–40%" in b for b in _bullets(a.text)), a.text


# --- how a complication shows: the new sign that calls for action, not a series' rates ----------------------------------------

@pytest.mark.parametrize("q", ["what signs of cement leaking into the canal should we watch for after PVP?", "骨水泥漏到椎管里会有哪些表现要警惕"])
def test_signs_of_a_canal_leak_lead_with_the_new_deficit_and_its_ct(augmentation_engine, q):  # type: ignore[no-untyped-def]
    first = _bullets(augmentation_engine.answer(q).text)[0]
    assert ("radicular pain" in first and "CT" in first) or ("根性痛" in first and "CT" in first), first


def test_a_chinese_sentence_retold_inside_another_is_quoted_once(engine):  # type: ignore[no-untyped-def]
    text = engine.answer("硬膜外注射时穿破硬脊膜，第二天起床后头痛，躺下就好，这是硬脊膜穿刺后头痛吗？先怎么处理？").text
    assert sum("5天内出现" in b.replace(" ", "") for b in _bullets(text)) <= 1, text


# --- follow-ups that keep the thread, and turns that are their own ----------------------------------------------------------

def test_treat_thru_is_the_infected_trial_leads_care(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("do we need to pull the leads or can we treat thru?",
                              ["SCS trial leads placed 5 days ago, lead exit site red and oozing, temp 38.5. what workup?"])
    assert not a.abstained and "explant" in _bullets(a.text)[0].lower(), a.text


def test_lying_flat_after_a_patch_is_its_own_ask_not_the_patch_volume_again(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("做完EBP病人要平躺多久？", ["PDPH病人保守治疗，咖啡因怎么用？", "保守治疗48小时没效果，EBP注多少毫升血？"])
    assert not any("12–20" in b or "咖啡因" in b for b in _bullets(a.text)), a.text


def test_what_about_diathermy_after_an_implant_mri_is_declined_for_the_diathermy(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("and what about diathermy during his TKA later?",
                              ["pt with SCS trial for FBSS - what % relief do we need to go on to permanent implant?",
                               "pt now wants an MRI of his knee after the permanent implant - allowed?"])
    assert a.verdict == "out_of_scope" and "diathermy" in a.text.split("\n")[0] and "MRI" not in a.text.split("\n")[0], a.text


def test_a_bedside_tracheostomy_is_declined_in_chinese(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("ICU病人要做床旁经皮气管切开，INR 1.8，血小板50，能做吗？")
    assert a.verdict == "out_of_scope" and not _bullets(a.text), a.text


# --- a collapse after a cervical facet injection: the high block; speech lost to breathlessness is no stroke ---------------

@pytest.mark.parametrize("q,lang", [
    ("C5-6颈椎小关节注射刚做完，病人突然呼吸困难、说不出话，SpO2 85%，血压掉到80/40，怎么办？？", "zh"),
    ("right after cervical facet injection pt short of breath, can't speak, sats 85, BP 80/40", "en")])
def test_breathless_and_hypotensive_after_a_cervical_facet_injection_is_a_high_block(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == "total-spinal"


@pytest.mark.parametrize("q,lang", [("TFESI后病人突然说不出话，右手无力", "zh"),
                                    ("after the cervical TFESI she suddenly can't speak and her right arm is weak", "en")])
def test_speech_lost_with_one_sided_weakness_is_a_stroke_without_a_breathing_claim(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    t = triage(q, lang)
    assert t.rule == "esi-stroke" and "呼吸困难" not in t.escalation and "Breathing difficulty" not in t.escalation, t.escalation


@pytest.mark.parametrize("q", [
    "pt on warfarin had interlaminar ESI with INR 1.9, developed epidural haematoma. what was the INR threshold they should have used?",
    "cervical TFESI done with Depo-Medrol (particulate). pt had posterior circulation stroke. was particulate steroid below standard of care?",
    "epiduroscopy case - pt had transient visual loss afterwards. what's the recommended max saline volume / infusion pressure?",
    "硬膜外注射后发生硬膜外血肿，当时INR 1.9，是否符合规范？"])
def test_a_case_judged_afterwards_gets_no_emergency_banner(q):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert not triage(q, "zh" if "硬膜外" in q else "en").urgent


# --- a management asked beside a dose: the first steps lead; a sentence leaning on the one before goes with it --------------

@pytest.mark.parametrize("q,first", [("LAST management steps? and how do I dose intralipid", "call for help"),
                                     ("局麻药中毒 LAST 的处理流程？脂肪乳 intralipid 剂量怎么给", "呼叫帮助")])
def test_the_management_part_leads_with_the_steps_once_suspected(engine, q, first):  # type: ignore[no-untyped-def]
    assert first in _bullets(engine.answer(q).text)[0], engine.answer(q).text


@pytest.mark.parametrize("q,dependent,leans_on", [
    ("局麻药中毒 LAST 的处理流程？脂肪乳 intralipid 剂量怎么给", "通常远小于此", "12 mL/kg"),
    ("LAST management steps? and how do I dose intralipid", "Much smaller lipid doses", "12 mL/kg")])
def test_a_sentence_comparing_with_the_one_before_is_quoted_with_it(engine, q, dependent, leans_on):  # type: ignore[no-untyped-def]
    quoted = [b for b in _bullets(engine.answer(q).text) if dependent in b]
    assert quoted and all(leans_on in b for b in quoted), quoted


# --- a febrile epiduroscopy patient: the abscess step, said to be the ESI's; never a pump catheter's mass --------------------

@pytest.fixture(scope="module")
def epidural_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("epidural-infection-index", ("epiduroscopy-adhesiolysis", "esi-general", "infection-control", "intrathecal-drug-delivery"))


@pytest.mark.parametrize("history,q", [
    ([], "pt had epiduroscopy 4 days ago, now fever 38.9 and worsening back pain. what are we worried about and what workup?"),
    (["pt had epiduroscopy 4 days ago, now fever 38.9 and worsening back pain. what are we worried about and what workup?"],
     "MRI shows a dorsal epidural collection T12-L2, neuro intact so far. next step?")])
def test_an_abscess_after_epiduroscopy_gets_the_abscess_step_marked_as_the_esis(epidural_engine, history, q):  # type: ignore[no-untyped-def]
    a = epidural_engine.answer(q, history)
    assert a.urgent and "antibiotics" in _bullets(a.text)[0], a.text
    assert not any("catheter-associated intrathecal mass" in b for b in _bullets(a.text)), a.text
    assert any("epidural steroid injection" in n and "epiduroscopy" in n for n in _notes(a.text)), a.text


# --- an arrest told with a lipid dose asked: the resuscitation step first ------------------------------------------------------

@pytest.mark.parametrize("q", ["LAST! seized then went into VF, how much lipid do I give?", "局麻药中毒!病人抽搐后室颤,脂肪乳怎么给,剂量多少"])
def test_vf_in_last_puts_the_modified_acls_before_the_lipid_dose(engine, q):  # type: ignore[no-untyped-def]
    a = engine.answer(q)
    assert a.urgent and "ACLS" in _bullets(a.text)[0], a.text


# --- intradiscal radiofrequency is no facet RFA; a missing subject said first ------------------------------------------------

def test_intradiscal_rf_discitis_is_not_answered_with_a_facet_rf_series(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("disc-index", ("intradiscal-pldd", "facet-mbb-rfa", "infection-control"))
    text = e.answer("腰椎间盘内射频/臭氧治疗后，怎么判断是不是椎间盘炎？一般术后多久出现？").text
    assert not any("小关节" in b for b in _bullets(text)) and "椎间盘炎" in _bullets(text)[0], text


def test_a_platelet_transfusion_asked_says_first_there_is_nothing_on_it(augmentation_engine):  # type: ignore[no-untyped-def]
    text = augmentation_engine.answer("输血小板到多少可以做？", ["ICU病人 PLT 45，疼痛科会诊想做腰椎硬膜外激素注射，可以做吗？"]).text
    assert "血小板输注" in text.split("\n")[0], text  # (said first: as a note before the facts, or in the abstention)


# --- review 32: what the new rules must leave alone ------------------------------------------------------------------------

@pytest.mark.parametrize("q,lang,rule", [
    ("Is this reportable? patient has new bilateral leg weakness and numbness 6 hours after lumbar epidural, on enoxaparin", "en", "neuraxial-deficit"),
    ("硬膜外注射后6小时双下肢无力、尿潴留，正在用依诺肝素，需要上报吗？怎么处理", "zh", "neuraxial-deficit"),
    ("PVP术后双下肢无力，骨水泥进入椎管，算不算医疗事故？怎么处理", "zh", "neuraxial-deficit"),
    ("C6 TFESI with depo-medrol 10 min ago, concern for stroke, what now?", "en", "esi-stroke"),
    ("65 year old with stroke symptoms right after C7 TFESI", "en", "esi-stroke"),
    ("over the past hour stroke symptoms after the cervical TFESI", "en", "esi-stroke"),
    ("C6 TFESI with particulate, now can't speak and breathing is laboured", "en", "esi-stroke"),
    ("颈6经椎间孔注射得宝松后，说不出话，呼吸费力", "zh", "esi-stroke")])
def test_a_live_emergency_keeps_its_pathway_beside_a_judgement_a_stroke_word_or_lost_speech(q, lang, rule):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == rule, triage(q, lang)


@pytest.mark.parametrize("q,lang", [
    ("new bilateral leg weakness 4h after lumbar epidural on enoxaparin; she had no MRI before the injection, what now?", "en"),
    ("new bilateral leg weakness 4h after lumbar epidural on enoxaparin, sending her to MRI down the hall now, what else?", "en"),
    ("硬膜外注射后双下肢无力，核磁要等结果，先怎么办", "zh"),
    ("SCS术后2天双下肢无力，没有MRI禁忌，怎么办", "zh")])
def test_an_mri_that_can_be_had_stays_the_banners_scan(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    t = triage(q, lang)
    assert t.rule == "neuraxial-deficit" and "myelograph" not in t.escalation and "脊髓造影" not in t.escalation, t.escalation


def test_a_pump_patients_meningitis_borrows_no_stimulator_explant(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("intrathecal pump refill 3 days ago, now fever 39, headache and neck stiffness")
    assert a.urgent and not any("explant" in b.lower() for b in _bullets(a.text)), a.text


@pytest.mark.parametrize("q", ["what are some discharge criteria after a stellate ganglion block?",
                               "her leg is red and swollen 3 days after the lumbar sympathetic block, calf tender, what now?"])
def test_discharge_criteria_and_a_red_leg_are_no_wound_infection(q):  # type: ignore[no-untyped-def]
    from assistant.frame import Framer
    from assistant.lexicon import load_lexicon
    assert "surgical-site-infection" not in Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset()).frame(q).concepts


def test_ect_before_pvp_is_a_bone_scan_not_declined(engine):  # type: ignore[no-untyped-def]
    assert "transcranial-magnetic-stimulation" not in engine.frame("PVP术前ECT显示多发骨转移，能做椎体成形吗？").out_of_scope


def test_a_headache_after_a_diagnostic_lp_is_ours_without_a_caveat(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("headache after a diagnostic LP, blood patch?")
    assert a.verdict != "out_of_scope" and not any("together with" in n for n in _notes(a.text)), a.text


def test_a_platelet_question_gets_no_series_done_on_continued_antithrombotics(augmentation_engine):  # type: ignore[no-untyped-def]
    a = augmentation_engine.answer("输血小板到多少可以做？", ["ICU病人 PLT 45，疼痛科会诊想做腰椎硬膜外激素注射，可以做吗？"])
    assert not any("275" in b for b in _bullets(a.text)), a.text
    b = augmentation_engine.answer("pt on aspirin and plavix, can we do a TFESI without stopping them?")  # (told: it stays)
    assert any("275" in x for x in _bullets(b.text)), b.text
