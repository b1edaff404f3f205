"""Rounds 179 onwards (a pain fellow, a recovery-room nurse, a pharmacist reviewing anticoagulants; an emergency
physician, a neurosurgery resident on call, a GP; with their Chinese counterparts): the vital signs they list, the rescue
they ask about mid-emergency, and follow-ups that ask one new thing."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def ward_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these calls reach: epidural, augmentation, haematoma, headache, toxicity, implants and the patient."""
    return engine_over("ward-calls", ("esi-general", "esi-transforaminal", "vertebral-augmentation", "spinal-haematoma", "anticoagulants",
                                      "pdph", "last", "intrathecal-drug-delivery", "spinal-cord-stimulation", "infection-control",
                                      "facet-mbb-rfa", "sacroiliac", "patient-selection-monitoring", "intradiscal-pldd", "esi-interlaminar-caudal",
                                      "epiduroscopy-adhesiolysis"))


@pytest.fixture(scope="module")
def headache_real(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    """The headache documents embedded with the default embedder (retrieval as the app's)."""
    from assistant.answer import AnswerEngine
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("headache-real")
    copy_corpus(root / "corpus", ("pdph", "esi-interlaminar-caudal", "evidence-disagreements"))
    s = settings_at(root)
    build_index(s, progress=False)
    return AnswerEngine(s)


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


# --- vital signs listed with normal values are no sign ----------------------------------------------------------------------

def test_a_normal_saturation_listed_with_the_vitals_is_no_cement_embolism(ward_engine):  # type: ignore[no-untyped-def]
    q = "Pt 4 hrs post T12 kyphoplasty, now new bilateral leg weakness and numbness, can't wiggle toes. BP 135/80, HR 90, SpO2 97%. What now?"
    ans = ward_engine.answer(q)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text
    assert "coumarin" not in ans.text and "CT pulmonary" not in ans.escalation, ans.text
    # a low one still is
    low = ward_engine.answer("Kyphoplasty an hour ago, now short of breath, SpO2 86%, BP 85/50. What now?")
    assert low.urgent and low.pathway == "cement-embolism", low.text


def test_signs_told_minutes_after_a_pump_refill_need_no_procedure_stopped(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("鞘内吗啡泵加药后40分钟，病人叫不醒，呼吸7次/分，瞳孔针尖样，怎么办")
    assert ans.urgent and ans.pathway == "idd-overdose", ans.text
    assert "立即停止操作" not in ans.escalation and "立即呼叫支援" in ans.escalation, ans.escalation


# --- what is asked of the rescue in the middle of it --------------------------------------------------------------------------

def test_the_lipid_ceiling_and_adrenaline_asked_right_after_the_picture_stay_urgent(ward_engine):  # type: ignore[no-untyped-def]
    before = ["Called to the pain clinic next door: patient seized about 2 min after a lumbar sympathetic block with bupivacaine, "
              "now HR 40 and BP 70/40. How do I give lipid emulsion?"]
    ans = ward_engine.answer("She weighs 60 kg. What's the max total dose of 20% lipid, and should I reduce the adrenaline dose?", before)
    assert ans.urgent and ans.pathway == "last", ans.text
    assert "720 mL" in ans.text and "1 mcg/kg" in ans.text, ans.text
    # asked in a calm setting, the same dose question is no emergency
    assert not ward_engine.answer("What's the max total dose of 20% lipid for a 60 kg adult?").urgent


@pytest.mark.parametrize("q", ["给了咪达唑仑抽搐停了，可现在室速，血压测不到，脂肪乳怎么给？",
                               "Seizure stopped after midazolam but now VT and no BP, how do I give lipid?"])
def test_the_lipid_asked_with_a_collapse_is_last(ward_engine, q):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert ans.urgent and ans.pathway == "last", ans.text


def test_a_naloxone_dose_asked_in_an_overdose_is_said_to_be_missing(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("鞘内吗啡泵病人，今天上午刚加药，现在嗜睡叫不醒，呼吸8次/分，瞳孔针尖样，SpO2 85%。怎么办，纳洛酮怎么给？")
    assert ans.urgent and ans.pathway == "idd-overdose", ans.text
    assert any("未给出以下剂量" in n and "纳洛酮" in n for n in _notes(ans.text)), ans.text


@pytest.mark.parametrize("q,pathway", [
    ("Called to IR: patient became acutely quadriparetic within minutes of a C6 transforaminal injection with methylprednisolone "
     "acetate. Likely mechanism and what do we do now?", "esi-stroke"),
    ("Paraparetic 6 hours after an L2-3 interlaminar epidural, on enoxaparin. What now?", "neuraxial-deficit")])
def test_paresis_written_as_an_adjective_is_a_deficit(ward_engine, q, pathway):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert ans.urgent and ans.pathway == pathway, ans.text


# --- follow-ups that ask one new thing ----------------------------------------------------------------------------------------

def test_an_allergy_told_as_anaphylaxis_to_penicillin_is_the_patients_history(ward_engine):  # type: ignore[no-untyped-def]
    before = ["Do we need prophylactic antibiotics for lumbar discography? Which drug and dose?"]
    ans = ward_engine.answer("Pt has anaphylaxis to penicillin, what's the alternative?", before)
    assert "antibiotic-allergy" in ans.concepts and "anaphylaxis" not in ans.concepts, ans.concepts
    assert not ans.urgent and "epinephrine" not in ans.text, ans.text
    assert "vancomycin" in ans.text, ans.text


def test_a_dose_conversion_asked_in_a_follow_up_is_said_to_be_missing(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("病人现在口服吗啡 200mg/天，转成鞘内的话怎么换算", ["鞘内吗啡泵起始剂量一般是多少"])
    assert "换算" in ans.text and "肉芽肿" not in ans.text, ans.text


def test_how_many_injections_a_year_asked_after_the_glucose_is_the_repeat_limit(ward_engine):  # type: ignore[no-untyped-def]
    before = ["GP here. Type 2 diabetic, HbA1c 9%, had a lumbar epidural with triamcinolone 80 mg 2 days ago. Her sugars are in "
              "the 15-20 mmol/L range. How long will this last and what should I do?"]
    ans = ward_engine.answer("How many epidural steroid injections can she safely have per year?", before)
    assert not ans.abstained and "per year" in _first(ans), ans.text


def test_when_the_patch_comes_after_failed_conservative_care_leads_with_its_timing(headache_real):  # type: ignore[no-untyped-def]
    before = ["硬膜外注射后第2天头痛，站起来加重躺下就好，伴恶心，考虑PDPH，急诊能怎么处理？咖啡因有没有用？"]
    ans = headache_real.answer("保守治疗多久无效要做硬膜外血补丁(EBP)？", before)
    assert "24–48" in _first(ans), ans.text
    en = headache_real.answer("How long should conservative treatment fail before we do a blood patch?")
    assert any("24–48" in b for b in _bullets(en.text)[:2]), en.text


def test_an_intact_examination_drops_the_new_deficit_step(ward_engine):  # type: ignore[no-untyped-def]
    before = ["颈椎硬膜外注射后3天，发热38.8，颈痛加重，WBC 15，CRP高，怀疑硬膜外脓肿，急诊要做什么检查？"]
    ans = ward_engine.answer("MRI确诊硬膜外脓肿了，神经系统查体正常，一定要手术吗？", before)
    assert ans.bullets and not any("如仍在进行" in b for b in _bullets(ans.text)), ans.text
    assert "抗生素" in _first(ans), ans.text


# --- the first bullet answers the ask -----------------------------------------------------------------------------------------

def test_whether_to_explant_an_infected_pocket_leads_with_the_explant_rule(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("SCS植入术后2周，IPG囊袋切口红肿渗液，体温38.5，要不要把整个装置取出来？")
    assert ans.urgent and "取出" in _first(ans), ans.text
    # told as already out, no explant rule
    out = ward_engine.answer("SCS trial leads pulled day 7, now febrile 38.6 with back pain")
    assert "explant" not in out.text.lower(), out.text


@pytest.mark.parametrize("q,drug", [("硬膜外注射后病人头痛，坐起来就加重，咖啡因可以用吗 剂量多少", "咖啡因"),
                                    ("Post-ESI headache worse on sitting up - can I use caffeine, and what dose?", "caffeine")])
def test_whether_a_treatment_may_be_used_leads_with_the_treatment(ward_engine, q, drug):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert drug in _first(ans), ans.text


def test_which_steroid_and_dose_leads_with_the_choice(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("For a cervical transforaminal ESI what steroid and dose should I use, and why not triamcinolone or methylpred?")
    assert "particulate" in _first(ans).lower() and "label" not in _first(ans).lower(), ans.text


def test_a_clause_retelling_a_chosen_sentence_is_no_second_bullet(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("How is it managed?", ["What is the risk of neuritis after lumbar facet RFA?"])
    told = [b for b in _bullets(ans.text) if "reassurance, NSAIDs" in b]
    assert len(told) == 1, ans.text


def test_the_fetus_risk_asked_after_its_dose_is_never_the_mothers_procedure_rates(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("A patient just told me she was about 8 weeks pregnant when she had a fluoroscopy-guided L5 transforaminal "
                             "injection last month (she didn't know). How much radiation would the fetus have received and is there any real risk?")
    assert "9.6%" not in ans.text and "intravascular injection occurred" not in ans.text, ans.text
    assert any("is there any real risk" in n for n in _notes(ans.text)), ans.text


@pytest.mark.parametrize("q,leaning", [("硬膜外镜的主要并发症有哪些？术中注生理盐水的量有没有限制？", ("另一篇综述", "患者的这些反馈")),
                                       ("What are the main complications of epiduroscopy, and is there a limit on saline volume?",
                                        ("A separate review",))])
def test_a_sentence_pointing_at_another_review_is_quoted_with_the_first(ward_engine, q, leaning):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert any("saline" in b or "生理盐水" in b for b in _bullets(ans.text)), ans.text
    assert not any(b.startswith(w) for b in _bullets(ans.text) for w in leaning), ans.text


def test_a_topic_it_lacks_in_the_middle_of_an_emergency_is_said_before_the_steps(implant_engine):  # type: ignore[no-untyped-def]
    before = ["SCS植入术后2周，IPG囊袋切口红肿渗液，体温38.5，要不要把整个装置取出来？"]
    ans = implant_engine.answer("要做MRI看有没有硬膜外脓肿，但是不清楚他的刺激器是不是MRI兼容的，怎么办", before)
    assert ans.urgent and any("MRI兼容" in n for n in _notes(ans.text)), ans.text


def test_a_long_parts_heading_is_its_ask_not_the_story_before_it(ward_engine):  # type: ignore[no-untyped-def]
    before = ["Pt had a lumbar interlaminar ESI yesterday, now back with headache that's much worse sitting up and goes away lying "
              "flat. Nausea, no fever. What's the management?"]
    ans = ward_engine.answer("It's been 48 hrs of fluids, caffeine and rest and still can't sit up. When is a blood patch indicated and "
                             "how much blood do we inject?", before)
    assert "**When is a blood patch indicated**" in ans.text, ans.text


def test_a_drug_every_part_asks_about_and_no_passage_names_is_said_first(implant_engine):  # type: ignore[no-untyped-def]
    ans = implant_engine.answer("那齐考诺肽ziconotide能和吗啡一起用吗，有啥副作用要注意", ["口服吗啡300mg/天的病人改鞘内吗啡泵，鞘内起始剂量怎么换算？"])
    assert ans.text.startswith("> 知识库中没有关于以下内容的资料：齐考诺肽"), ans.text


def test_a_restart_time_told_is_never_checked_against_the_hold_before(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("AF patient on apixaban 5 mg bd had a percutaneous SCS trial lead placed yesterday (apixaban held 3 days before). "
                        "Cardiology want to restart tonight. How long after the lead placement can apixaban restart, and when the trial "
                        "ends how long before pulling the lead should it be stopped again?")
    assert "hold is not met" not in ans.text and "24 h" in ans.text, ans.text


def test_minutes_after_a_long_named_procedure_need_no_procedure_stopped(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("Seeing a pt 20 min after a left C6 transforaminal ESI (they used triamcinolone) — now right-sided weakness, "
                             "dysarthria, nystagmus, vomiting. What's the mechanism and what should I do?")
    assert ans.urgent and "Stop the procedure" not in ans.escalation, ans.escalation
    assert not any(b.startswith("During transforaminal ESI, stop") for b in _bullets(ans.text)), ans.text


# --- review 34: the edges of the new readings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("q,pathway", [
    ("During vertebroplasty cement injection SpO2 fell from 98 to 86%. What do I do?", "cement-embolism"),
    ("T8 kyphoplasty: sats 97% then 84% a minute later during cement injection. Next step?", "cement-embolism"),
    ("Kyphoplasty 1 h ago; SpO2 95% on 4L, was 98% on air pre-op, RR 28.", "cement-embolism"),
    ("After kyphoplasty: BP 80/40, SpO2 97%, HR 120. What now?", "cement-embolism"),
    ("椎体成形术中推骨水泥时，血氧从98掉到88，怎么办？", "cement-embolism"),
    ("T5 paravertebral block 10 min ago: SpO2 dropped 99 to 88%. What next?", "pneumothorax")])
def test_a_saturation_that_falls_or_is_held_up_by_oxygen_is_still_a_sign(ward_engine, q, pathway):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert ans.urgent and ans.pathway == pathway, ans.text


@pytest.mark.parametrize("q", ["T10 kyphoplasty yesterday; she sat in a chair for an hour this morning and now has new back pain. Cement leak?",
                               "Patient on TPN had a seizure this morning; how much lipid can I give per day?",
                               "肠外营养的脂肪乳怎么给？患者昨晚抽搐了一次"])
def test_sitting_up_and_a_feeds_lipid_are_no_emergency(ward_engine, q):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert ans.pathway not in ("cement-embolism", "pneumothorax", "last"), ans.text


@pytest.mark.parametrize("q", ["2 min after the lidocaine test dose injection: metallic taste and tinnitus, needle still in place. What do I do?",
                               "5 min after starting the cement injection for the T12 kyphoplasty she became short of breath and SpO2 85%.",
                               "阻滞后5分钟，病人抽搐，针还没拔，怎么办？", "注射后3分钟，还在推第二个节段，患者口周发麻"])
def test_a_procedure_still_under_way_is_stopped(ward_engine, q):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert ans.urgent and ("Stop the procedure" in ans.escalation or "立即停止操作" in ans.escalation), ans.escalation


def test_a_deficit_told_beside_yesterdays_normal_exam_keeps_the_deficit_step(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("Neuro exam was normal yesterday, now he has weak legs after the epidural catheter was removed. What do I do?")
    assert ans.urgent and any("if it is still under way" in b for b in _bullets(ans.text)), ans.text


def test_the_lipid_asked_in_hindsight_after_a_settled_turn_is_no_emergency(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("What lipid dose would have been right for 80 kg?",
                             ["Seizure after a lidocaine block yesterday, fully recovered now and discharged."])
    assert not ans.urgent, ans.text


@pytest.mark.parametrize("q", ["Is a particulate steroid safe for lumbar TFESI given the embolism risk?",
                               "颗粒型激素能用于颈椎经椎间孔注射吗？怕脊髓梗死"])
def test_a_drug_weighed_against_a_risk_is_not_read_as_treating_it(ward_engine, q):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q)
    assert not ans.urgent and "coumarin" not in ans.text and "如仍在进行" not in ans.text and "still under way" not in ans.text, ans.text


def test_a_last_dose_told_with_a_resume_plan_is_still_checked(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("Xarelto last taken Tuesday 8pm and we plan to resume 24h after; TFESI Thursday 9am?")
    assert "37 h" in ans.text and "not met" in ans.text, ans.text


def test_patients_a_year_is_no_repeat_limit_and_a_repeat_limit_told_with_the_patient_is_answered(ward_engine):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer("How many patients a year develop an infection after SCS implantation?")
    assert "per year" not in _first(ans) or "injection" not in _first(ans).lower(), ans.text
    told = ward_engine.answer("How many TFESIs per year can a diabetic have?")
    assert not told.abstained and any("per year" in b for b in _bullets(told.text)), told.text


@pytest.mark.parametrize("history,q", [
    ("Lumbar sympathetic block, just injected 15 ml bupivacaine 0.5% in a 60 kg woman, she's now seizing, HR 40, BP 70/40. What now?",
     "How much Intralipid can I give in total?"),
    ("局麻药中毒，病人60公斤，抽搐，血压70/40", "脂肪乳总量最多给多少")])
def test_the_total_lipid_asked_mid_emergency_leads_with_its_ceiling(ward_engine, history, q):  # type: ignore[no-untyped-def]
    ans = ward_engine.answer(q, [history])
    assert ans.urgent and "720 mL" in ans.text.split("\n- ")[1], ans.text


def test_a_telephone_follow_up_tells_the_patient_to_come_in(ward_engine):  # type: ignore[no-untyped-def]
    before = ["硬膜外注射后第2天电话随访，病人说腰痛比之前重很多，发烧38.5，两条腿没力气，小便解不出来，要紧吗"]
    ans = ward_engine.answer("病人说家离医院两个多小时车程，想先在家吃个布洛芬退烧观察一晚，明天再来，可以吗？", before)
    assert ans.urgent and "120" in ans.escalation, ans.escalation
    assert "120" in ward_engine.answer(before[0]).escalation


def test_contraindications_asked_of_a_drug_no_passage_names_are_not_other_procedures(implant_engine):  # type: ignore[no-untyped-def]
    ans = implant_engine.answer("Palliative patient on intrathecal ziconotide - what adverse effects should we monitor for, and is a "
                                "history of psychosis a contraindication?")
    assert "Nothing in the knowledge base on: ziconotide" in ans.text and "epiduroscopy resemble" not in ans.text, ans.text
