"""Rounds 171 onwards (a geriatrician, an interventional radiologist doing vertebral augmentation, a pain fellow on night
call; an obstetric anaesthetist, a community GP in China, a consultant running an RFA and stimulator list; with their
Chinese counterparts): what these clinicians ask their own way, and the sentence that answers them first."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def spine_engine(engine_over):  # type: ignore[no-untyped-def]
    """Vertebral augmentation beside the epidural and facet documents it is asked next to."""
    return engine_over("spine-rounds", ("vertebral-augmentation", "esi-general", "facet-mbb-rfa", "sacroiliac", "anticoagulants", "intradiscal-pldd",
                                        "spinal-haematoma", "infection-control", "pdph"))


@pytest.fixture(scope="module")
def augmentation_real(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    """The vertebral augmentation document alone, embedded with the default embedder (retrieval as the app's)."""
    from assistant.answer import AnswerEngine
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("augmentation-real")
    copy_corpus(root / "corpus", ("vertebral-augmentation",))
    s = settings_at(root)
    build_index(s, progress=False)
    return AnswerEngine(s)


# --- what to watch after vertebral augmentation: the new signs that call for a step -----------------------------------------

def test_what_to_monitor_after_a_kyphoplasty_leads_with_a_sign_that_calls_for_a_step(augmentation_real):  # type: ignore[no-untyped-def]
    first = _bullets(augmentation_real.answer("What do I need to monitor after a kyphoplasty?").text)[0]
    assert first.startswith("New "), first  # (new radicular pain or deficit / new dyspnoea: not a CT-screened series' rate)
    assert "%" not in first, first


# --- a drug the sources never name, asked in an emergency or beside a complication ------------------------------------------

@pytest.mark.parametrize("history,q,nothing", [
    ("PVP 20 min ago, now chest tight, SpO2 85%, BP 90/60, HR 120, suspect cement PE. what to do?", "Should we thrombolyse?",
     "Nothing in the knowledge base on: thrombolytic"),
    ("PVP做完20分钟病人突然胸闷气短，SpO2 85%，BP 90/60，HR 120，考虑骨水泥肺栓塞，怎么处理？", "需要溶栓吗？", "溶栓药")])
def test_thrombolysis_asked_after_a_cement_embolism_is_said_to_be_uncovered(spine_engine, history, q, nothing):  # type: ignore[no-untyped-def]
    a = spine_engine.answer(q, [history])
    assert a.urgent, a.text  # (still the embolism's pathway)
    assert any(nothing in n for n in _notes(a.text)), a.text


@pytest.mark.parametrize("history,q,nothing,klass", [
    ("Day 2 after lumbar medial branch RFA, patient has burning pain and numbness over a patch of skin on the back. Is that normal?",
     "Should I start gabapentin? How long will it last?", "gabapentin", "neuropathic pain medication"),
    ("腰椎脊神经后支射频术后第2天，病人说腰部一片皮肤烧灼样疼痛、摸着麻，正常吗？", "需要用加巴喷丁吗？多久能好", "加巴喷丁", "神经病理性疼痛药物")])
def test_gabapentin_after_rf_neuritis_is_answered_through_its_class(spine_engine, history, q, nothing, klass):  # type: ignore[no-untyped-def]
    a = spine_engine.answer(q, [history])
    assert not a.abstained, a.text
    assert any(nothing in n for n in _notes(a.text)), a.text  # (the drug itself: said not covered)
    assert klass in _bullets(a.text)[0], a.text  # (the reported options, which name its class)


# --- a misspelling fix never turns a real word into another ------------------------------------------------------------------

def test_a_disc_extrusion_is_not_corrected_to_an_exclusion(spine_engine):  # type: ignore[no-untyped-def]
    q = spine_engine.frame("MRI shows L4/5 disc extrusion, can we do a TFESI?")
    assert "extrusion" in q.text and not q.corrections, q
    assert "disc-herniation" in q.concepts, q.concepts


# --- another specialty's drug: declined -------------------------------------------------------------------------------------

@pytest.mark.parametrize("q", ["Dose of carboprost for atonic postpartum haemorrhage and how often can it be repeated?",
                               "产后出血用欣母沛，剂量多少，可以重复几次？"])
def test_a_uterotonic_for_postpartum_haemorrhage_is_declined(spine_engine, q):  # type: ignore[no-untyped-def]
    a = spine_engine.answer(q)
    assert a.abstained and not a.bullets, a.text  # (never the ESI's repeat limits)


def test_a_postpartum_patients_blood_patch_stays_ours(spine_engine):  # type: ignore[no-untyped-def]
    a = spine_engine.answer("Post-partum day 2 after a labour epidural, now postural headache. When should we offer a blood patch?")
    assert not a.abstained and a.bullets, a.text


# --- a febrile deficit told, then "MRI isn't available until tomorrow - antibiotics first?" -----------------------------------

@pytest.mark.parametrize("history,q,abx", [
    ("Patient had a lumbar epidural steroid injection 3 days ago, now fever 38.6, severe back pain at the injection site and new "
     "weakness in the left leg. What should I do?",
     "We're a rural clinic and MRI isn't available until tomorrow. Should I start antibiotics now before transfer?", "antibiotics"),
    ("腰椎硬膜外激素注射后3天，发热38.6，注射部位剧烈腰痛，左腿新发无力，怎么办？", "我们是乡镇医院，MRI要明天才能做，要不要先上抗生素再转院？", "抗生素")])
def test_antibiotics_asked_while_the_mri_waits_keep_the_abscess_pathway(spine_engine, history, q, abx):  # type: ignore[no-untyped-def]
    a = spine_engine.answer(q, [history])
    assert a.urgent, a.text
    lead = _bullets(a.text)[:2]
    assert any(abx in b for b in lead), a.text  # (the abscess's antibiotics, not only the haematoma's decompression timing)


# --- the same device named again in an emergency follow-up ------------------------------------------------------------------

def test_naloxone_and_the_pump_asked_after_an_overdose_stay_urgent(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("纳洛酮给多少？鞘内泵需要停吗", ["鞘内吗啡泵加药后2小时，病人嗜睡叫不醒，呼吸8次/分，SpO2 88%，怎么办"])
    assert a.urgent, a.text
    assert "纳洛酮" in _bullets(a.text)[0], a.text
    assert "肉芽肿" not in a.text, a.text  # (not a catheter-tip granuloma's stop rule)


# --- the bridging drug named inside "bridging" is the drug whose hold is asked ----------------------------------------------

@pytest.mark.parametrize("history,q,interval", [
    ("老年患者机械二尖瓣，吃华法林INR 2.8，要做腰椎硬膜外类固醇注射，需不需要桥接？", "用低分子肝素桥接的话术前多久停？", "24 小时"),
    ("Mechanical mitral valve on warfarin, INR 2.8, booked for lumbar ESI. Does she need bridging?",
     "If we bridge with enoxaparin, when is the last dose before the procedure?", "24 h")])
def test_the_bridging_drugs_own_interval_answers_when_to_stop_it(engine, history, q, interval):  # type: ignore[no-untyped-def]
    a: Any = engine.answer(q, [history])
    first = _bullets(a.text)[0]
    assert interval in first and "BRIDGE" not in first, a.text  # (LMWH's hold, not the trial's warfarin protocol)


def test_the_bridging_name_brings_its_drug_into_the_frame(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("用低分子肝素桥接的话术前多久停？", ["机械二尖瓣，吃华法林，要做腰椎ESI，需不需要桥接？"])
    assert "lmwh" in q.concepts and "hold" in q.parts[0].aspects, q


# --- a procedure planned with a device: what to do differently leads, not a complication's treatment -------------------------

def test_a_pacemaker_before_rfa_leads_with_the_device_team(spine_engine):  # type: ignore[no-untyped-def]
    first = _bullets(spine_engine.answer("68M with a dual-chamber pacemaker referred for bilateral L3–L5 medial branch RFA. "
                                         "Anything I need to do differently?").text)[0]
    assert "pacemaker" in first, first


# --- the risk of a complication asked for an older patient: not another complication's review of older patients ------------

def test_adjacent_fracture_risk_in_an_older_patient_is_not_a_haematoma_review(spine_engine):  # type: ignore[no-untyped-def]
    a = spine_engine.answer("老年骨质疏松压缩骨折做完PVP，相邻椎体再骨折的风险大不大？术后要不要抗骨质疏松治疗？")
    first = _bullets(a.text)[0]
    assert "相邻" in first and "肝素" not in first, a.text
    assert any("抗骨质疏松" in n for n in _notes(a.text)), a.text  # (the other specialty's part: not covered)


def test_efficacy_against_conservative_care_is_not_a_haematomas_conservative_care(spine_engine):  # type: ignore[no-untyped-def]
    a = spine_engine.answer("Frail 90 yo woman, painful osteoporotic L1 compression fracture 3 weeks ago, still bedbound despite "
                            "oxycodone. Is she a candidate for vertebroplasty and what does the evidence say vs conservative care?")
    assert "haematoma" not in a.text.lower(), a.text
    assert any("conservative care" in n for n in _notes(a.text)), a.text


def test_cutting_leaks_down_technically_is_prevention(spine_engine):  # type: ignore[no-untyped-def]
    q = spine_engine.frame("Doing a kyphoplasty tomorrow. What's the risk of cement leakage, and what can I do technically to cut it down?")
    assert "prevention" in q.parts[-1].aspects, q.parts


def test_caffeine_and_fluids_asked_after_a_pdph_get_the_conservative_care(spine_engine):  # type: ignore[no-untyped-def]
    a = spine_engine.answer("补液和喝咖啡有用吗？什么情况下要做血补丁",
                            ["病人前天做了腰椎硬膜外激素注射，昨天开始头痛，坐起来就疼躺下就好，我们社区怎么处理？需要转回去吗"])
    first = _bullets(a.text)[0]
    assert "咖啡因" in first and "补液" in first, a.text


@pytest.mark.parametrize("q", ["What is the best sourdough starter hydration?", "咖啡店哪家好？"])
def test_everyday_words_for_fluids_and_coffee_stay_out_of_scope(spine_engine, q):  # type: ignore[no-untyped-def]
    assert spine_engine.answer(q).abstained


def test_a_high_risk_procedure_gets_no_series_of_injections_done_on_antiplatelets(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("如果只停波立维，阿司匹林继续吃，可以做吗？",
                      ["78岁老人，吃着拜阿司匹林100mg qd 加 波立维75mg，骨质疏松腰1压缩骨折想去做PKP，两个药都要停吗？停几天？"])
    assert "275" not in a.text, a.text  # (that series was of lower-risk spinal injections)


def test_an_icd_asked_after_a_pacemaker_gets_no_bleeding_risk_class(spine_engine):  # type: ignore[no-untyped-def]
    a = spine_engine.answer("What if it's an ICD rather than a pacemaker - does bipolar RF change anything?",
                            ["Is it safe to do lumbar facet RFA in a patient with a permanent pacemaker?"])
    assert "ICD" in _bullets(a.text)[0] and "bleeding" not in a.text, a.text


def test_the_patient_pointed_at_keeps_the_region_of_the_turn_before(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("Would an interlaminar approach with ultrasound or no imaging be preferable in her then?",
                     ["24 weeks pregnant, severe L5 radicular pain, MRI shows L4/5 disc extrusion. Can we do a fluoroscopic "
                      "transforaminal epidural steroid injection?"])
    assert q.followup and "lumbar-spine" in q.parts[0].inherited, q
    assert "workup" not in q.aspects, q.aspects  # ("no imaging" is the guidance, not a scan to order)


def test_when_to_stop_the_lipid_beside_its_dose_gets_the_upper_limit(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("She's about 50 kg. What's the lipid emulsion dose and when do I stop it?",
                      ["urgent - pt had lumbar sympathetic block 10 min ago, 20 ml bupivacaine 0.5%, now seizing, HR 40, BP 70/40. what do I do"])
    assert a.urgent and "12 mL/kg" in a.text, a.text


# --- rounds 173-174 (a haematologist, an acute pain nurse, a spine surgeon; a county anaesthetist, a hospice physician, an
# emergency physician) ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("q,lang", [
    ("TFESI with Depo-Medrol this morning, now weak legs, MRI shows epidural haematoma, no cord signal change", "en"),
    ("经椎间孔注射甲泼尼龙后，今晚双下肢无力，MRI示硬膜外血肿，未见脊髓信号改变", "zh")])
def test_a_haematoma_the_scan_shows_stays_a_haematoma_whatever_it_did_not_show(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == "neuraxial-deficit", q  # (review 33: never the cord-infarct pathway)


@pytest.mark.parametrize("q,lang", [
    ("Pt with diarrhoea this week had a bupivacaine stellate ganglion block and is now seizing", "en"),
    ("After 20 ml bupivacaine 0.5% for a paravertebral block she is yawning, agitated, then seized - lipid dose?", "en"),
    ("腹腔神经丛阻滞用了30ml布比卡因，病人腹泻，随后抽搐，怎么办？", "zh")])
def test_a_background_withdrawal_word_never_hides_toxicity(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == "last", q  # (review 33)


def test_a_yawning_faint_is_still_a_faint():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage("During the lumbar ESI she started yawning, went pale and sweaty, HR 40", "en").rule == "vasovagal"


def test_a_haematoma_ruled_out_days_later_stays_the_deficit_pathway():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage("TFESI 3 days ago with Depo-Medrol, now weak legs, MRI shows no haematoma - what now?", "en").rule == "neuraxial-deficit"


@pytest.mark.parametrize("q,lang", [
    ("IT pump patient (morphine + bupivacaine) suddenly has much worse pain over 2 days plus sweating, yawning, diarrhoea and "
     "agitation. Pump interrogation shows it's running and reservoir volume matches. What could be going on?", "en"),
    ("鞘内吗啡泵的病人两天来疼痛明显加重，出汗、打哈欠、拉肚子、烦躁，泵运转正常，考虑什么？", "zh")])
def test_an_opioid_withdrawal_picture_in_a_pump_patient_is_not_toxicity(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule not in ("last", "vasovagal"), q


def test_a_pump_patients_slow_weakness_over_a_month_is_no_procedure_to_stop():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    t = triage("鞘内吗啡泵用了快2年的病人，最近一个月双下肢慢慢没力气，还有点麻，疼痛也控制不好了，要考虑什么", "zh")
    assert t.urgent and "停止操作" not in t.escalation, t.escalation


def test_leg_numbness_after_an_si_injection_watches_that_not_toxicity(spine_engine):  # type: ignore[no-untyped-def]
    a = spine_engine.answer("骶髂关节注射完之后病人一条腿麻、没力气，走不了路，正常吗？要观察多久才能让他回家？")
    assert "LAST" not in a.text and "局麻药全身毒性" not in a.text, a.text  # (another complication's observation time)
    assert any("观察多久" in n for n in _notes(a.text)), a.text  # (the span itself: not given)


def test_a_drug_the_sources_never_name_asked_among_parts_is_said_first(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("One of my intrathecal pump patients is on ziconotide added 3 weeks ago and the family report new "
                              "confusion and he's seeing things that aren't there. Is this the ziconotide and what should I do?")
    assert a.text.startswith("> Nothing in the knowledge base on: ziconotide"), a.text


def test_established_discitis_treatment_says_the_sources_give_no_regimen(spine_engine):  # type: ignore[no-untyped-def]
    a = spine_engine.answer("Which antibiotic and for how long?", ["Fever and back pain a week after IDET, MRI shows discitis."])
    assert a.bullets, a.text  # (never a banner alone)


def test_cutting_my_own_dose_asks_the_ways_to_reduce_it(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("what are the most effective ways to cut my dose?")
    assert q.aspects[:1] == ("prevention",), q.aspects  # (not a drug's dose)


def test_a_trial_whose_leads_are_out_gets_no_explant_rule(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("Pt 10 days post SCS trial lead placement (leads pulled day 7), now T 38.9, new severe mid back pain, "
                              "erythema at the lead exit site, WBC 16, CRP 140. Neuro intact so far. What workup and what's the worry?")
    assert a.urgent and "explant" not in a.text.lower(), a.text


# --- rounds 175-176 (a rheumatologist, a back-pain service doctor, a pain fellow; a cardiologist, an orthopaedic resident, a
# pump-refill nurse) --------------------------------------------------------------------------------------------------------

def test_a_fever_and_stiff_neck_two_turns_after_the_wet_tap_is_urgent(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("She has now spiked 38.5 with neck stiffness and photophobia. Does that change the plan?",
                      ["Severe positional headache 2 days after an interlaminar epidural, much worse sitting up, eased lying flat. "
                       "What conservative measures, and when should we go to an epidural blood patch?",
                       "How much blood is usually injected for the patch?"])
    assert a.urgent and "meningitis" in a.text.split("\n")[0], a.text


def test_naloxone_given_is_the_overdose_going_on_not_a_new_question(implant_engine):  # type: ignore[no-untyped-def]
    a = implant_engine.answer("Naloxone given, RR back to 14 and awake. How long do we keep monitoring and should she go home today?",
                              ["Intrathecal morphine pump refill 40 min ago, patient now very drowsy, RR 7, pinpoint pupils, SpO2 87%. "
                               "Possible pocket fill?"])
    assert "LAST" not in a.text and "stellate" not in a.text.lower(), a.text  # (never another complication's observation time)


@pytest.mark.parametrize("q,lang", [
    ("Baclofen pump patient with a sudden rise in tone, no pump alarm, suspect a catheter problem - how do we work it up?", "en"),
    ("巴氯芬泵病人肌张力突然增高，泵没报警，怀疑导管问题，怎么排查？", "zh")])
def test_rebound_tone_in_a_baclofen_pump_patient_is_withdrawal(q, lang):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(q, lang).rule == "baclofen-withdrawal", q


def test_tone_asked_in_general_is_no_withdrawal():  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert not triage("How is muscle tone assessed before a baclofen pump refill?", "en").urgent


@pytest.mark.parametrize("q", ["Post-partum haemorrhage yesterday treated with oxytocin; today a severe headache worse sitting up - is this PDPH?",
                               "产妇昨天产后出血用了缩宫素，今天坐起来头痛，躺下缓解，咖啡因可以用多少？"])
def test_a_postpartum_haemorrhage_told_as_background_keeps_the_headache_ours(engine, q):  # type: ignore[no-untyped-def]
    assert not engine.answer(q).abstained  # (review 33: the uterotonic is the history, the headache is asked)


def test_how_much_lipid_can_i_give_keeps_the_regimen_first(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("How much lipid can I give her? She's 60 kg", ["Stellate block with 10 ml bupivacaine, now seizing and HR 40"])
    assert "lipid emulsion regimen" in _bullets(a.text)[0], a.text  # (review 33: "can I give" asks the amount, not whether)


def test_the_hold_of_a_drug_the_sources_never_name_says_so_first(engine):  # type: ignore[no-untyped-def]
    a = engine.answer("溶栓治疗后多久可以做硬膜外注射？")
    assert a.text.startswith("> 知识库中没有关于以下内容的资料：溶栓药"), a.text  # (review 33: before any bullet)


@pytest.mark.parametrize("q", ["颅内动脉瘤支架辅助栓塞术后，双抗方案怎么定，氯吡格雷抵抗怎么办？",
                               "After stent-assisted coiling of an aneurysm, which DAPT regimen and what if clopidogrel resistant?"])
def test_a_neurointerventional_stents_antiplatelets_are_declined(engine, q):  # type: ignore[no-untyped-def]
    a = engine.answer(q)
    assert a.abstained and not a.bullets, a.text  # (round 177: never the pain procedures' clopidogrel interval)
