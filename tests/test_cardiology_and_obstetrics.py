"""Rounds 123-124 (a cardiologist, a radiographer and a spine surgeon; an obstetric anaesthetist, a hospitalist and an
exam-going student; their Chinese counterparts): what a low bleeding-risk class means for a stent patient's antiplatelet,
and the asks those rounds found answered beside the point."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def night_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("cardio-index", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-interlaminar-caudal", "esi-transforaminal",
                                        "vertebral-augmentation", "last", "pdph", "radiation-contrast", "intrathecal-drug-delivery",
                                        "infection-control", "spinal-cord-stimulation", "patient-selection-monitoring"))


def _bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


# --- a recent stent before a low-risk procedure: the class's conclusion, not only the interval ------------------------------

@pytest.mark.parametrize("q,low,none,hold", [
    ("pt on Brilinta + aspirin, DES 2 months ago, booked for lumbar MBB next week - stop the Brilinta?",
     "low-risk", ("little change", "may not require stopping"), "held for 5 days"),
    ("患者2个月前放了药物洗脱支架，在吃替格瑞洛，下周做腰椎内侧支射频，要停药吗？", "低风险操作", ("可能无需停", "无需停用"), "停用 5 天")])
def test_a_stent_patients_low_risk_procedure_says_it_may_need_no_stop_before_the_interval(engine, q, low, none, hold):  # type: ignore[no-untyped-def]
    bullets = _bullets(engine.answer(q).text)
    assert "cardiology" in bullets[0] or "心内科" in bullets[0], bullets[:1]
    at_class = next(i for i, b in enumerate(bullets) if low in b or "低出血风险" in b)
    at_none = next(i for i, b in enumerate(bullets) if any(n in b for n in none))
    at_hold = next(i for i, b in enumerate(bullets) if hold in b)
    assert at_class < at_none < at_hold, bullets
    assert not any("primary prevention" in b or "一级预防" in b for b in bullets), bullets  # (a stent patient's aspirin)


def test_a_stent_told_a_year_and_more_ago_in_chinese_is_not_recent():
    from assistant.compose import _months_ago
    assert _months_ago("在吃波立维(支架1年多了)") == 12.0
    assert _months_ago("支架2年余前") == 24.0
    assert _months_ago("支架术后3个月") == 3.0


def test_pci_told_as_history_is_the_stent_a_follow_up_keeps(engine):  # type: ignore[no-untyped-def]
    f = engine.frame("那颈椎椎板间ESI能做吗？替格瑞洛停几天", ["替格瑞洛+阿司匹林，PCI术后3个月"])
    assert "coronary-stent" in f.context_concepts, f.context_concepts
    a = engine.answer("那颈椎椎板间ESI能做吗？替格瑞洛停几天", ["替格瑞洛+阿司匹林，PCI术后3个月"])
    b = _bullets(a.text)
    # (her antiplatelet is no anticoagulation: the list naming current anticoagulation is not her contraindication)
    assert not any("抗凝治疗" in x and "禁忌" in x for x in b), b
    hold = next(i for i, x in enumerate(b) if "5 天" in x)
    assert any("心内科" in x for x in b[:hold + 1]), b
    assert engine.frame("DAPT asa + ticagrelor, 8 mo post PCI, needs cervical ILESI").concepts.count("coronary-stent") == 1


# --- a second part that asks why, in Chinese ---------------------------------------------------------------------------------

def test_a_part_opening_with_why_asks_the_mechanism_not_nothing():
    from assistant.frame import aspects_of
    assert aspects_of("为什么强调8小时内减压", "zh") == ("mechanism",)
    assert "mechanism" not in aspects_of("为啥要停药几天", "zh")  # (guard: a hold asked after why)


def test_why_decompress_within_8_hours_is_answered_beside_the_rate(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("硬膜外血肿发生率多少？为什么强调8小时内减压")
    assert "知识库未涵盖：为什么" not in a.text, a.text
    assert "8 小时" in a.text or "12 小时" in a.text, a.text


# --- an abbreviation for another specialty's procedure ---------------------------------------------------------------------

@pytest.mark.parametrize("q", ["CSE for elective CS - how much heavy bupi intrathecal?", "spinal for LSCS, how much bupivacaine?"])
def test_caesarean_written_cs_is_another_specialtys_procedure(engine, q):  # type: ignore[no-untyped-def]
    a = engine.answer(q)
    assert a.abstained and a.verdict == "out_of_scope", a.text[:200]
    assert "mg/kg" not in a.text, a.text[:300]


# --- a harm compared between two procedures: each side's figure --------------------------------------------------------------

@pytest.mark.parametrize("q,sides", [("SCS 和 鞘内泵 感染率哪个高", ("3–4%", "2.3%")),
                                     ("which has a higher infection rate, SCS or intrathecal pump?", ("3–4%", "2.3%"))])
def test_a_harm_compared_between_two_implants_gives_each_sides_figure_first(night_engine, q, sides):  # type: ignore[no-untyped-def]
    b = _bullets(night_engine.answer(q).text)
    assert sides[0] in " ".join(b[:2]) and sides[1] in " ".join(b[:2]), b


# --- the organism asked: named only where the sources name one ------------------------------------------------------------

def test_the_organism_asked_of_an_implant_is_said_missing_and_of_an_abscess_answered(night_engine):  # type: ignore[no-untyped-def]
    scs = night_engine.answer("最常见致病菌是啥？需要取出装置吗？", ["SCS 和 鞘内泵 感染率哪个高"])
    assert "知识库未涵盖：最常见致病菌" in scs.text, scs.text
    abscess = night_engine.answer("epidural abscess after ESI - most common organism?")
    assert not abscess.abstained and "Staphylococcus aureus" in abscess.bullets[0]["text"], abscess.text


# --- how much a measure lowers a dose: a share, or said missing --------------------------------------------------------------

def test_how_much_pulsed_fluoroscopy_lowers_the_dose_says_no_figure_and_leads_with_pulsed(night_engine):  # type: ignore[no-untyped-def]
    for q, note, word in (("C臂用脉冲透视能降低多少剂量？", "知识库未给出以下数值", "脉冲"),
                          ("how much does pulsed fluoro cut the dose?", "gives no figure", "pulsed")):
        a = night_engine.answer(q)
        assert note in a.text.splitlines()[0], a.text[:200]
        assert word in a.bullets[0]["text"].lower(), a.bullets[:1]
    cement = night_engine.answer("how much does high-viscosity cement reduce leakage?")
    assert "RR 0.38" in cement.bullets[0]["text"] and "gives no figure" not in cement.text, cement.text[:300]


# --- whether a sign told comes from the steroid ----------------------------------------------------------------------------

def test_steroid_related_asks_the_cause():
    from assistant.frame import aspects_of
    assert aspects_of("BP 190/105 day after facet inj w depo-medrol - steroid related?", "en")[:1] == ("mechanism",)
    assert aspects_of("血压高是激素引起的吗", "zh")[:1] == ("mechanism",)
    assert aspects_of("why is particulate steroid avoided in cervical TFESI?", "en")[:1] == ("mechanism",)


def test_a_sign_the_sources_never_name_with_the_procedure_is_not_answered_with_particle_sizes(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("BP 190/105 day after facet inj w depo-medrol - steroid related? how long?")
    assert a.abstained, a.text[:300]
    assert "μm" not in a.text


@pytest.mark.parametrize("q", ["TFESI后脸红发热，是激素引起的吗？", "face flushed after TFESI - is it the steroid?"])
def test_flushing_asked_as_the_steroids_leads_with_the_central_steroid_reaction(night_engine, q):  # type: ignore[no-untyped-def]
    a = night_engine.answer(q)
    assert not a.abstained and ("2.6%" in a.bullets[0]["text"] or "1.2%" in a.bullets[0]["text"]), a.text[:400]


@pytest.mark.parametrize("hist,q,want", [(["ESI后硬膜外脓肿有什么表现？"], "病人长期吃泼尼松呢？", "免疫抑制")])
def test_long_term_prednisone_is_immunosuppression_not_a_contrast_premedication(night_engine, hist, q, want):  # type: ignore[no-untyped-def]
    assert "immunosuppression" in night_engine.frame(q, hist).concepts
    a = night_engine.answer(q, hist)
    assert want in " ".join(b["text"] for b in a.bullets[:2]), a.text[:400]
    assert "13, 7 and 1 h" not in a.text and "13 小时" not in a.text



# --- a rate asked that no bullet gives ---------------------------------------------------------------------------------------

def test_a_rate_asked_with_no_count_in_the_answer_is_said_missing(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("epidural haematoma rate after TFESI?")  # (the fixture's documents give none)
    assert a.text.startswith("> The knowledge base gives no figure for"), a.text[:200]
    counted = engine.answer("TFESI后血管迷走反应发生率多少？")
    assert not counted.abstained and "知识库未给出以下数值" not in counted.text, counted.text[:200]


# --- emergencies: what is done already, and which picture leads -----------------------------------------------------------

def test_a_ct_told_done_does_not_lead_the_steps(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("new leg weakness after T12 vertebroplasty, CT shows cement in canal. what now")
    assert a.urgent
    assert "urgent CT" not in a.bullets[0]["text"] and "CT scan" not in a.bullets[0]["text"], a.bullets[:1]


def test_fever_and_weakness_days_after_an_esi_lead_with_the_abscess_step(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("ILESI后第3天发热39度，腰痛加重，双下肢无力，怎么办")
    assert a.urgent and "脓肿" in a.bullets[0]["text"] and "如仍在进行" not in a.bullets[0]["text"], a.bullets[:2]


@pytest.mark.parametrize("q,hist", [("gave 100 ml intralipid, still in VF, what next?", []),
                                    ("脂肪乳已经推了1.5ml/kg，还是室颤，下一步？", ["星状神经节阻滞后病人马上抽搐意识丧失，现在怎么办"])])
def test_vf_after_lipid_is_a_refractory_arrest_with_the_bypass_team_step(night_engine, q, hist):  # type: ignore[no-untyped-def]
    assert "cardiac-arrest" in night_engine.frame(q, hist).concepts
    a = night_engine.answer(q, hist)
    assert a.urgent and a.pathway == "last", a.text[:200]
    assert "ECMO" in a.text, a.text


# --- a follow-up asking the risk of the complication just discussed ----------------------------------------------------------

def test_a_risk_asked_after_a_complications_rate_keeps_that_complication(night_engine):  # type: ignore[no-untyped-def]
    f = night_engine.frame("抗凝病人的风险增加多少", ["硬膜外血肿发生率多少？为什么强调8小时内减压"])
    assert f.followup and "epidural-haematoma" in f.context_concepts, (f.followup, f.context_concepts)
    a = night_engine.answer("抗凝病人的风险增加多少", ["硬膜外血肿发生率多少？为什么强调8小时内减压"])
    assert "BRIDGE" not in a.bullets[0]["text"] and "血栓" not in a.bullets[0]["text"], a.bullets[:1]


# --- how far the glucose goes up, asked before how long ------------------------------------------------------------------------

def test_how_much_glucose_rises_leads_with_the_measured_rise(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("硬膜外打了激素后血糖升多少 持续几天")
    assert "mg/dL" in a.bullets[0]["text"], a.bullets[:2]


# --- rounds 125-126: an infection-control nurse, a sedation nurse, a rheumatologist ------------------------------------------

def test_a_sedated_kyphoplasty_patient_hard_to_rouse_is_respiratory_depression_not_cement_embolism():
    from assistant.safety import triage
    t = triage("SpO2 86% on 2L NC after midaz + fentanyl during kypho, pt hard to rouse. what now", "en", ("vertebral-augmentation",))
    assert t.rule == "sedation-depression", t.rule
    # (the cement's own picture stays the cement's: chest pain while it goes in, or a desaturation told with no sedative)
    assert triage("kyphoplasty under sedation, midazolam given, now chest pain and sats 85%", "en",
                  ("vertebral-augmentation",)).rule == "cement-embolism"
    assert triage("PVP打骨水泥时病人突然胸闷 SpO2掉到85% 怎么办", "zh", ("vertebral-augmentation",)).rule == "cement-embolism"


@pytest.mark.parametrize("q", ["甲氨蝶呤 每周15mg 打硬膜外激素前需要停吗", "RA pt on Humira (adalimumab) needs L4/5 TFESI — should she hold it?"])
def test_a_rheumatology_drugs_hold_is_said_missing_without_bleeding_classes(night_engine, q):  # type: ignore[no-untyped-def]
    a = night_engine.answer(q)
    assert a.text.startswith(">") and ("甲氨蝶呤" in a.text.splitlines()[0] or "Humira" in a.text.splitlines()[0]), a.text[:200]
    assert "bleeding" not in a.text and "出血风险" not in a.text, a.text


def test_methotrexate_told_is_the_patients_immunosuppression(night_engine):  # type: ignore[no-untyped-def]
    assert "immunosuppression" in night_engine.frame("on methotrexate, is a lumbar ESI safe?").concepts
    # (asked whether to hold it: its hold is not given, and what the sources say of an immunosuppressed patient follows)
    f = night_engine.frame("on methotrexate weekly, lumbar ESI next week - should I stop it?")
    assert "immunosuppression" in f.concepts and "rheumatology-drug-management" in f.out_of_scope, (f.concepts, f.out_of_scope)
    assert "on methotrexate" not in night_engine.answer("RA patient on methotrexate needs a lumbar ESI - any special precautions?").text


@pytest.mark.parametrize("q,hist,label", [
    ("discharge criteria after IV sedation for lumbar RFA, and can they drive home?", [], "Not covered in the knowledge base: discharge criteria"),
    ("做完EBP需要家属陪同回家吗", ["硬脊膜穿破后头痛怎么处理", "血补丁一般什么时候做"], "离院时机")])
def test_fitness_to_leave_is_an_ask_the_sources_do_not_answer(night_engine, q, hist, label):  # type: ignore[no-untyped-def]
    a = night_engine.answer(q, hist)
    assert label in a.text, a.text[:300]
    assert "pneumothorax" not in a.text and "neuritis" not in a.text, a.text


def test_methotrexate_told_in_a_follow_up_is_the_same_patient_not_another_specialty(night_engine):  # type: ignore[no-untyped-def]
    hist = ["epidural abscess after lumbar ESI - who is at risk?"]
    f = night_engine.frame("what if she's on methotrexate and prednisolone?", hist)
    assert f.followup and "epidural-abscess" in f.context_concepts, f.context_concepts
    a = night_engine.answer("what if she's on methotrexate and prednisolone?", hist)
    assert not a.abstained and any("immunosuppression" in b["text"] for b in a.bullets[:2]), a.text[:300]


# --- rounds 125-126: a consultant at consent, a neurosurgery resident, a family doctor ---------------------------------------

def test_a_baclofen_pump_run_dry_told_as_no_drug_is_withdrawal_not_a_negation():
    from assistant.safety import triage
    t = triage("鞘内巴氯芬泵病人 泵没药了 现在高热40 肌张力很高 意识模糊 怎么办 急", "zh", ("intrathecal-pump", "baclofen"))
    assert t.rule == "baclofen-withdrawal", t.rule


def test_a_bare_second_ask_after_a_question_mark_is_its_own_part(night_engine):  # type: ignore[no-untyped-def]
    q = "wet tap with 18G tuohy during IL ESI yesterday, now positional headache. EBP now or wait? success rate?"
    f = night_engine.frame(q)
    assert len(f.parts) == 2 and f.parts[1].text == "success rate?", [p.text for p in f.parts]
    a = night_engine.answer(q)
    assert not a.abstained and "Not covered in the knowledge base: success rate" in a.text, a.text[:300]


def test_a_procedure_done_elsewhere_is_over_no_stop_in_the_banner():
    from assistant.safety import triage
    t = triage("pt had vertebroplasty elsewhere 5d ago, now pleuritic chest pain + SOB. cement embolism? what to do", "en",
               ("vertebral-augmentation", "pulmonary-cement-embolism"))
    assert t.urgent and "stop injecting cement" not in t.escalation, t.escalation
    z = triage("外院做的小关节注射后发热 CRP高 可以先口服抗生素吗", "zh", ("facet-injection", "fever"))
    assert z.urgent and "停止操作" not in z.escalation, z.escalation


def test_a_banner_with_no_step_for_the_procedure_says_so(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("外院做的小关节注射后发热 CRP高 可以先口服抗生素吗")
    # (steps of its own for a facet injection's infection: none in the sources; the epidural abscess's own step, stated
    # for ESI, stands in and is said to be another procedure's, not a banner left alone)
    actions = [b for b in a.bullets if b["kind"] == "action"]
    assert a.urgent and all("脓肿" in b["text"] for b in actions), a.bullets
    assert "针对硬膜外类固醇注射" in a.text and "未必完全适用" in a.text, a.text


def test_a_brain_scan_for_a_stroke_with_an_scs_in_situ_is_the_devices_labelling(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("pt with medtronic SCS in situ needs urgent MRI brain tonight ?stroke - is it ok to scan")
    assert a.abstained and "MRI with an implanted device" in a.text, a.text[:300]


def test_anhydrous_alcohol_is_no_negation_of_the_shock_told_after_it():
    from assistant.safety import triage
    t = triage("胰腺癌 腹腔神经丛毁损 打完无水酒精 病人血压掉到80/50 心率110 现在怎么办", "zh", ("celiac-plexus-block",))
    assert t.rule == "unstable-vitals", t.rule


def test_signs_asked_of_the_complication_before_lead_with_its_signs(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("what sx should make me suspect it?", ["catheter tip granuloma with IT morphine pump - risk factors?"])
    assert "signs" in a.bullets[0]["text"].lower() or "weakness" in a.bullets[0]["text"], a.bullets[:2]



# --- review 26: the new readings' limits ------------------------------------------------------------------------------------

def test_an_injection_still_going_on_elsewhere_in_the_text_keeps_stop_the_procedure():
    from assistant.safety import triage
    t = triage("mid-injection of the stellate block she complains of tingling elsewhere, perioral numbness, then seizes. what now", "en",
               ("stellate-ganglion-block",))
    assert t.rule == "last" and "Stop the procedure" in t.escalation, t.escalation
    z = triage("外院打的硬膜外，现在正在推药时病人口周麻木抽搐", "zh", ("esi",))
    assert z.rule == "last" and "停止操作" in z.escalation, z.escalation


@pytest.mark.parametrize("q,lang", [("sats dropped to 84% during cementation of L1, he had midaz 2mg + fentanyl 50, now hard to rouse - what now?", "en"),
                                    ("椎体成形术中推骨水泥过程中血氧掉到85%，用了咪达唑仑和芬太尼，病人叫不醒，怎么办", "zh")])
def test_a_desaturation_while_cement_goes_in_stays_cement_embolism_under_sedation(q, lang):
    from assistant.safety import triage
    assert triage(q, lang, ("vertebral-augmentation",)).rule == "cement-embolism"


@pytest.mark.parametrize("q", ["new leg weakness after T12 vertebroplasty, CT not done yet - what now",
                               "new leg weakness after vertebroplasty, waiting on CT - what now?"])
def test_imaging_not_done_yet_keeps_the_ct_step_first(night_engine, q):  # type: ignore[no-untyped-def]
    a = night_engine.answer(q)
    assert a.urgent and "CT" in a.bullets[0]["text"], a.bullets[:2]


def test_a_procedure_comparison_leads_with_the_sentence_weighing_both(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("osteoporotic VCF at T12 - vertebroplasty or kyphoplasty, which has less cement leakage?")
    assert "39.3%" in a.bullets[0]["text"] and "28.9%" in a.bullets[0]["text"], a.bullets[:2]


@pytest.mark.parametrize("q,lang", [("is PDPH risk related to needle size?", "en"), ("should we postpone the lumbar ESI due to his fever?", "en"),
                                    ("硬膜外血肿与哪些因素相关？", "zh")])
def test_related_to_and_due_to_are_no_cause_ask_beside_risk_or_a_plan(q, lang):
    from assistant.frame import aspects_of
    assert "mechanism" not in aspects_of(q, lang)


def test_a_cement_leak_asked_as_the_cause_of_back_pain_is_answered(night_engine):  # type: ignore[no-untyped-def]
    assert not night_engine.answer("back pain after vertebroplasty - cement leak related?").abstained


def test_long_term_prednisone_keeps_the_steroid_beside_immunosuppression(night_engine):  # type: ignore[no-untyped-def]
    f = night_engine.frame("pt on long-term prednisone 10 mg daily - does she need stress-dose steroids for a lumbar ESI?")
    assert "prednisone" in f.concepts and "immunosuppression" in f.concepts, f.concepts
    a = night_engine.answer("pt on long-term prednisone 10 mg daily - does she need stress-dose steroids for a lumbar ESI?")
    assert not a.abstained and "steroid cover" in a.text, a.text[:300]


@pytest.mark.parametrize("q", ["is the patient safe to discharge after stellate ganglion block?",
                               "which antibiotic for SCS implant prophylaxis - need to cover the usual bugs?"])
def test_discharge_and_prophylaxis_asks_are_still_answered(night_engine, q):  # type: ignore[no-untyped-def]
    assert not night_engine.answer(q).abstained


def test_a_bare_risk_ask_after_a_plan_stays_one_part(night_engine):  # type: ignore[no-untyped-def]
    assert len(night_engine.frame("planning cervical TFESI with dexamethasone tomorrow? risks?").parts) == 1


def test_and_for_another_procedure_keeps_the_ask_carried(night_engine):  # type: ignore[no-untyped-def]
    f = night_engine.frame("and for an SCS trial?", ["wound care after IPG replacement - when can he shower?"])
    assert "wound-care" in f.context_concepts or "wound-care" in f.concepts, (f.concepts, f.context_concepts)


@pytest.mark.parametrize("q,lang", [("how much do I reduce the local anaesthetic dose in a frail elderly patient?", "en"),
                                    ("老年患者局麻药剂量减多少？", "zh")])
def test_a_dose_to_lower_is_a_dose_ask_not_a_reduction(q, lang):
    from assistant.frame import aspects_of
    assert "magnitude" not in aspects_of(q, lang) and "dose" in aspects_of(q, lang)


@pytest.mark.parametrize("q,concept", [("osteoporotic VF at T12 - vertebroplasty?", "cardiac-arrest"),
                                       ("TFESI with CS (dexamethasone) vs particulate - which is safest?", "caesarean-section")])
def test_vf_and_cs_alone_are_not_read_as_arrest_or_caesarean(night_engine, q, concept):  # type: ignore[no-untyped-def]
    assert concept not in night_engine.frame(q).concepts



@pytest.mark.parametrize("q,lang", [("on lipid-lowering therapy, BP unrecordable after the caudal", "en"),
                                    ("椎体成形术中病人正在输脂肪乳（肠外营养），推骨水泥时突然血压测不出", "zh")])
def test_a_lipid_told_as_nutrition_or_a_statin_is_no_toxicity_rescue(q, lang):
    from assistant.safety import triage
    assert triage(q, lang, ()).rule != "last"


@pytest.mark.parametrize("q", ["which antibiotic for SCS - cover the usual pathogens?", "needlestick - bloodborne pathogen risk?"])
def test_a_pathogen_named_in_passing_is_no_organism_ask(night_engine, q):  # type: ignore[no-untyped-def]
    assert "causative-organism" not in night_engine.frame(q).concepts


# --- rounds 127-128: an emergency physician, a pain fellow, a geriatrician; oncology, theatre nurse, county anaesthetist --------

@pytest.mark.parametrize("q", ["LAST lipid dose?", "LAST 脂肪乳怎么用 剂量多少"])
def test_a_lipid_dose_asked_leads_with_the_regimen_not_the_ceiling(engine, q):  # type: ignore[no-untyped-def]
    first = engine.answer(q).bullets[0]["text"]
    assert ("1.5 mL/kg" in first or "100 mL" in first) and "12 mL/kg" not in first, first
    ceiling = engine.answer("max lipid dose for LAST?").bullets[0]["text"]
    assert "12 mL/kg" in ceiling, ceiling


def test_is_this_pdph_asks_its_criteria():
    from assistant.frame import aspects_of
    assert aspects_of("had C6-7 IL ESI yesterday, severe positional HA - is this PDPH", "en") == ("recognition",)
    assert "recognition" not in aspects_of("is it safe?", "en")


def test_a_local_anaesthetics_dose_is_never_answered_with_the_lipid_bolus(engine):  # type: ignore[no-untyped-def]
    first = engine.answer("lidocaine dose for infiltration in a 50 kg patient?").bullets[0]["text"]
    assert "lipid" not in first.lower(), first


# --- rounds 129-130: a covering anaesthetist, a spine nurse practitioner, a nephrologist; a cardiologist, a nurse educator,
# a tertiary pain attending --------------------------------------------------------------------------------------------------

def test_a_repeat_limit_asked_beside_comorbidities_is_still_the_repeat_limit(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("max number of epidural steroid injections per yr? pt is diabetic w osteopenia")
    assert "per year" in a.bullets[0]["text"] or "6 months" in a.bullets[0]["text"], a.bullets[:2]


def test_a_brand_is_held_as_the_drug_it_is_not_like_another():
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    assert "held like clopidogrel" not in (root / "corpus/en/anticoagulants.md").read_text(encoding="utf-8")
    assert "按氯吡格雷处理" not in (root / "corpus/zh/anticoagulants.md").read_text(encoding="utf-8")


# --- review 27 ---------------------------------------------------------------------------------------------------------------

def test_an_opioid_overdose_picture_stays_sedation_whatever_is_said_of_the_cement():
    from assistant.safety import triage
    assert triage("pt had kyphoplasty under sedation, cement not yet mixed, RR 5, pinpoint pupils, won't wake after fentanyl - naloxone?",
                  "en", ("vertebral-augmentation",)).rule == "sedation-depression"


@pytest.mark.parametrize("q,lang,c", [("外院做过两次硬膜外，今天在我院推布比卡因时病人口周麻木、抽搐", "zh", ("esi",)),
                                      ("MRI done elsewhere last week; today during L4-5 TFESI she got perioral numbness and seized", "en",
                                       ("transforaminal-esi",))])
def test_something_done_elsewhere_before_does_not_end_todays_injection(q, lang, c):
    from assistant.safety import triage
    t = triage(q, lang, c)
    assert t.rule == "last" and ("Stop the procedure" in t.escalation or "停止操作" in t.escalation), t.escalation


def test_lipid_running_in_chinese_words_is_the_rescue_context():
    from assistant.safety import triage
    assert triage("已经输注20%脂肪乳1.5ml/kg了，还是室颤", "zh", ()).rule == "last"


def test_a_comparison_on_one_harm_does_not_lead_with_another_harms_weighing(night_engine):  # type: ignore[no-untyped-def]
    a = night_engine.answer("vertebroplasty vs kyphoplasty - adjacent fractures?")
    assert "embol" not in a.bullets[0]["text"].lower(), a.bullets[:1]


# --- the clinician check: a treatment drug asked after it is named -----------------------------------------------------------

@pytest.mark.parametrize("q", ["TFESI做完半小时 病人说右腿无力麻木 MRI要等明天 先给地塞米松行不行",
                               "30 min after L5 TFESI new leg weakness, MRI not till tomorrow - give dexamethasone, ok?"])
def test_a_drug_asked_after_its_name_in_an_emergency_is_said_missing(night_engine, q):  # type: ignore[no-untyped-def]
    a = night_engine.answer(q)
    assert a.urgent and ("地塞米松" in a.text.split("**")[0] or "dexamethasone" in a.text.split("**")[0]), a.text[:400]


def test_mri_not_until_tomorrow_in_chinese_is_a_wait_ask():
    from assistant.frame import WAIT_ASK
    assert WAIT_ASK["zh"].search("MRI要等明天")


def test_vf_alone_is_an_arrhythmia_and_answered(engine):  # type: ignore[no-untyped-def]
    assert "arrhythmia" in engine.frame("why does bupivacaine cause VF more readily than lidocaine?").concepts
    assert not engine.answer("why does bupivacaine cause VF more readily than lidocaine?").abstained
