"""Round 87 (a spine surgeon and a neurologist referring patients; a first-month pain fellow typing fast; Chinese
orthopaedic and neurology colleagues on WeChat, some in Traditional characters, and trainees mixing in English): a needle
EMG, acupuncture or a needle-knife is another specialty's procedure; a sentence whose 其 has no subject in it is quoted
with the sentence before or not at all; how long a patient is observed is told only by a sentence about observation;
Cantonese 再食 asks the restart; a Chinese heading keeps its 和; "which is safer, TFESI or ILESI?" asks their complications;
one part asking an implant's MRI is not covered while the other part is answered; a follow-up telling only a condition of
the patient (penicillin allergy, diabetes) is not answered with another procedure's rule for it, and says so; a consent
form gets the list of hazards; the region compared with is the reference; fever with weak legs after an SCS trial looks
for the abscess before the haematoma; a pregnancy test before an ESI is a precaution; "what complication is that meant to
prevent?" names the complication. Round 88 (a patient-safety officer and an on-call registrar; an anaesthetist called to
the ward and a quality reviewer): "and if the MRI is negative?" after a deficit says the sources stop at the work-up; an
incident looked back on is no emergency; a nerve biopsy is another specialty's; a pregnant patient's part is not answered
with the staff's dose limits (and the staff's part still is); how long to observe after intrathecal morphine keeps its
24 h sentence."""

from __future__ import annotations

import re

import pytest

from assistant.answer import AnswerEngine
from assistant.compose import _DEPENDENT


@pytest.fixture(scope="module")
def referrals(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("referrals-index")
    copy_corpus(root / "corpus", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-transforaminal", "esi-interlaminar-caudal",
                                  "cervical-thoracic-sympathetic", "patient-selection-monitoring", "spinal-cord-stimulation",
                                  "infection-control", "intradiscal-pldd", "sacroiliac", "vertebral-augmentation", "facet-mbb-rfa",
                                  "radiation-contrast", "epiduroscopy-adhesiolysis",
                                  "intrathecal-drug-delivery"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


# --- other specialties' needles -------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["I'm doing an EMG/nerve conduction study with needle exam on a pt on Eliquis — do I need to hold it?",
                                      "needle EMG on a patient on warfarin INR 2.8, do I hold it?",
                                      "肌电图检查扎针前需要停波立维吗？", "小针刀治疗前要停阿司匹林吗？",
                                      "acupuncture for a patient on Xarelto - ok?"])
def test_a_needle_of_another_specialty_gets_no_pain_procedure_hold(referrals, question):
    ans = referrals.answer(question)
    assert ans.abstained and ans.verdict == "out_of_scope", ans.text
    assert "3 days" not in ans.text and "7 days" not in ans.text and "3 天" not in ans.text, ans.text


# --- sentences that keep their meaning --------------------------------------------------------------------------------

def test_a_framing_clause_leaves_its_pronoun_leaning_on_the_sentence_before():
    lean = _DEPENDENT["zh"]
    assert lean.search("在一项纳入16,638次ESI的多中心审计中，其发生率为1.2%。")
    assert lean.search("在审计的16,638次ESI中其发生率为1.2%。")
    assert lean.search("本文所用资料没有提供这些颈椎射频消融不良反应的发生率。")
    # (a subject told in the sentence itself is its own antecedent)
    assert not lean.search("硬膜外血肿罕见，其发生率约为1/150,000。")
    assert not lean.search("在一项审计中，其他并发症均未发生。")
    assert not lean.search("按美国规定（基于 NRC 的州法规），已声明妊娠的工作人员，其胚胎或胎儿所受剂量不得超过 5 mSv。")
    assert not lean.search("这一证据说明这一点仍有争议。") or lean.search("这一证据说明这一点仍有争议。").start() == 0


def test_the_vasovagal_rate_is_never_quoted_without_what_it_is_the_rate_of(referrals):
    ans = referrals.answer("门诊做完TFESI要观察多久才能走？能自己开车回去吗")
    for b in ans.bullets:
        if "其发生率为1.2%" in b["text"]:
            assert "血管迷走神经反应" in b["text"].split("其发生率")[0], ans.text


def test_how_long_to_observe_is_not_answered_by_another_time_span(referrals):
    ans = referrals.answer("how long should pts be observed after an ESI before discharge, and can they drive home?")
    assert "gives no length of time for: how long should pts be observed after an ESI before discharge" in ans.text, ans.text
    assert "drive" in ans.text.split("can they drive home")[-1], ans.text


# --- words of the question ----------------------------------------------------------------------------------------------

def test_cantonese_take_again_asks_the_restart(referrals):
    parts = referrals.frame("病人食緊拜瑞妥，要做腰椎硬膜外類固醇注射，需要停幾日？術後幾時可以再食？").parts
    assert len(parts) == 2 and parts[1].aspects[:1] == ("hold",), parts
    ans = referrals.answer("病人食緊拜瑞妥，要做腰椎硬膜外類固醇注射，需要停幾日？術後幾時可以再食？")
    assert "24" in ans.bullets[0]["text"] and "未涵蓋" not in ans.text and "未涵盖" not in ans.text, ans.text


def test_a_chinese_heading_keeps_its_and(referrals):
    ans = referrals.answer("颈椎TFESI和ILESI哪个更安全？另外颗粒型激素颈椎能不能用？")
    assert "**颈椎TFESI和ILESI哪个更安全**" in ans.text and " and " not in ans.text, ans.text


# --- which procedure is safer ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["which is safer in the neck, TFESI or ILESI?", "颈椎TFESI和ILESI哪个更安全？",
                                      "which is safer, vertebroplasty or kyphoplasty?", "PVP和PKP哪个更安全"])
def test_which_procedure_is_safer_asks_their_complications(referrals, question):
    part = referrals.frame(question).parts[0]
    assert part.aspects[:2] == ("complications", "comparison"), part
    ans = referrals.answer(question)
    assert not ans.abstained and "%" in ans.bullets[0]["text"], ans.text
    assert not any(w in ans.bullets[0]["text"] for w in ("Contraindications", "禁忌证", "reaches the dorsal")), ans.text


@pytest.mark.parametrize("question", ["dex or kenalog, which is safer for L5 TFESI?", "颈椎TFESI用地塞米松还是曲安奈德更安全？"])
def test_which_drug_is_safer_is_still_the_choice_of_an_agent(referrals, question):
    assert referrals.frame(question).parts[0].aspects[:1] == ("prevention",)


# --- a part the knowledge base does not cover ------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "missing", "answered"), [
    ("pt has an SCS - can he get an MRI? and what's the infection rate of SCS?",
     "Not covered in the knowledge base: pt has an SCS - can he get an MRI", "3–4%"),
    ("SCS植入以后还能做MRI吗？另外这类病人术前要不要做心理评估", "知识库未涵盖：SCS植入以后还能做MRI吗", "心理评估")])
def test_an_implant_scan_asked_beside_another_part_leaves_that_part_answered(referrals, question, missing, answered):
    ans = referrals.answer(question)
    assert not ans.abstained and missing in ans.text and answered in ans.text, ans.text
    assert "emergency MRI" not in ans.text and "急诊" not in ans.text, ans.text  # (no haematoma work-up as the scan's answer)


def test_a_scan_after_a_new_deficit_is_still_its_work_up(referrals):
    ans = referrals.answer("SCS lead placed yesterday, now leg weakness - can he get an MRI with the stimulator in?")
    assert ans.urgent and "MRI" in ans.text, ans.text


# --- a follow-up telling a condition of the patient -----------------------------------------------------------------

@pytest.mark.parametrize(("history", "question", "note", "borrowed"), [
    (["what antibiotic prophylaxis for an SCS implant?"], "and if she's penicillin allergic?",
     "say nothing specific about penicillin allergy", "discography"),
    (["SCS植入术后感染率大概多少？", "预防性抗生素一般用什么？"], "那如果青霉素过敏呢？", "没有针对青霉素过敏患者", "椎间盘造影")])
def test_a_condition_told_in_a_follow_up_is_not_answered_with_another_procedure(referrals, history, question, note, borrowed):
    ans = referrals.answer(question, history)
    assert not ans.abstained and note in ans.text, ans.text
    assert borrowed not in ans.text, ans.text


def test_a_steroids_effect_in_the_condition_carries_over_but_not_another_series_rates(referrals):
    ans = referrals.answer("那如果是糖尿病人呢？", ["骶髂关节注射术后感染风险高吗？"])
    assert "血糖" in ans.text and "0.3%" not in ans.text, ans.text


# --- a consent form and a region compared with -------------------------------------------------------------------------

def test_the_consent_form_gets_the_list_of_hazards_not_a_series_where_none_occurred(referrals):
    ans = referrals.answer("做腰椎小关节射频消融，知情同意书上要写哪些风险？")
    assert any("皮肤烧伤" in b["text"] and "多裂肌" in b["text"] for b in ans.bullets), ans.text
    # (a series where no infection occurred is no risk to write on the form: never before the hazards)
    texts = [b["text"] for b in ans.bullets]
    hazards = next(i for i, t in enumerate(texts) if "皮肤烧伤" in t)
    assert not any("未发生感染" in t for t in texts[:hazards]), ans.text


def test_what_complications_go_in_the_consent_asks_the_risks_to_tell(referrals):
    q = referrals.frame("Spine surgeon - I'm consenting a patient for lumbar medial branch RFA. What complications should be in the consent?")
    assert "informed-consent" not in q.concepts and q.parts[0].aspects[:1] == ("complications",), q


def test_the_region_compared_with_is_the_reference_not_the_subject(referrals):
    part = referrals.frame("颈椎内侧支RFA跟腰椎比有什么特別的风险？").parts[0]
    assert "cervical-spine" in part.concepts and "lumbar-spine" not in part.concepts, part
    ans = referrals.answer("颈椎内侧支RFA跟腰椎比有什么特別的风险？要注意啥")
    assert "平衡障碍" in ans.text and "Kornick" not in ans.bullets[0]["text"], ans.text
    # (a plain comparison keeps both: "is cervical RFA riskier than lumbar?")
    both = referrals.frame("is cervical RFA riskier than lumbar?").parts[0]
    assert {"cervical-spine", "lumbar-spine"} <= set(both.concepts), both


# --- the emergency and the precautions --------------------------------------------------------------------------------

def test_fever_and_weak_legs_after_an_scs_trial_look_for_the_infection_before_the_haematoma(referrals):
    ans = referrals.answer("pt 4 days post SCS trial leads, T9, now fever 39, new severe midback pain and legs feel weak. what now")
    assert ans.urgent and "abscess" in ans.text.split("\n")[0], ans.text
    actions = [b["text"] for b in ans.bullets if b.get("kind") == "action"]
    first_haematoma_only = next((i for i, t in enumerate(actions) if "haematoma" in t and not re.search("abscess|infect", t)), len(actions))
    assert any(re.search("abscess|infect", t) for t in actions[:first_haematoma_only]), ans.text


@pytest.mark.parametrize("question", ["do we need a pregnancy test before a lumbar ESI?", "育龄女性做腰椎硬膜外注射前要不要查妊娠试验？"])
def test_a_pregnancy_test_before_the_procedure_is_answered_by_excluding_pregnancy(referrals, question):
    ans = referrals.answer(question)
    assert "excluded before" in ans.bullets[0]["text"] or "排除妊娠" in ans.bullets[0]["text"], ans.text


@pytest.mark.parametrize("question", ["epiduroscopy: whats the max saline volume / infusion rate and what complication is that meant to prevent?"])
def test_what_a_precaution_prevents_is_answered_by_the_complication(referrals, question):
    ans = referrals.answer(question)
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert second and re.search(r"[Vv]isual loss|retinal", second[0]), ans.text


# --- why not a drug; Cantonese asks -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("history", "question"), [(["做腰椎TFESI用什么激素比较安全？"], "为什么不建议用得宝松？"),
                                                   ([], "why not use depo-medrol for a cervical TFESI?")])
def test_why_not_a_drug_asks_why_it_harms(referrals, history, question):
    assert referrals.frame(question, history).parts[0].aspects[:1] == ("mechanism",)


def test_a_cantonese_have_or_not_asks_a_second_part(referrals):
    q = referrals.frame("硬膜外類固醇注射一年最多可以打幾次？激素總量有冇上限？")
    assert len(q.parts) == 2 and q.parts[1].text == "激素总量有没有上限？", q.parts
    ans = referrals.answer("硬膜外類固醇注射一年最多可以打幾次？激素總量有冇上限？")
    assert "3–4" in ans.text and "6 個月內不超過 3 次" in ans.text, ans.text  # (both limits the sources give)


# --- the second ask of a surgeon's message --------------------------------------------------------------------------

def test_who_should_not_get_it_asks_the_contraindications(referrals):
    q = referrals.frame("whats the complication rate of PLDD and who shouldnt get it")
    assert len(q.parts) == 2 and q.parts[1].aspects[:1] == ("contraindications",), q.parts


def test_anything_done_differently_for_a_smoking_diabetic_gets_the_prevention_bundle(referrals):
    ans = referrals.answer("And if the patient is a smoker and diabetic, does that change things? Anything you do differently?",
                           ["Spine surgeon here. What's the infection rate for a spinal cord stimulator implant, and when does it usually show up?"])
    assert re.search(r"glucose|tobacco|smok", ans.bullets[0]["text"]) and "NACC" in ans.text, ans.text


def test_when_a_complication_shows_up_is_a_time_the_sources_may_not_give(referrals):
    ans = referrals.answer("Spine surgeon here. What's the infection rate for a spinal cord stimulator implant, and when does it usually show up?")
    assert "gives no length of time for: when does it usually show up" in ans.text, ans.text
    assert "Spine surgeon here" not in ans.text, ans.text  # (who is asking heads no part)


def test_a_second_ask_of_its_own_is_not_bound_by_the_first_parts_essential_concept(referrals):
    ans = referrals.answer("Neuro here - I'm sending a pt for SI joint RFA, how long does relief last and what are the risks?")
    assert not ans.abstained and any(b["part"] == 1 for b in ans.bullets), ans.text
    assert "Not covered in the knowledge base: I'm sending a pt for SI joint RFA how long does relief last" in ans.text, ans.text


# --- round 88 -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("history", "question", "note"), [
    (["pt had SCS trial leads placed yesterday, now new bilat leg weakness and numbness. what do i do"], "and if the MRI is negative?",
     "once the work-up has ruled out epidural haematoma"),
    (["ESI术后8小时患者腰痛加重伴右下肢无力，急查MRI。"], "那如果MRI阴性呢？", "知识库未给出排除硬膜外血肿")])
def test_a_negative_scan_after_a_deficit_says_the_sources_stop_at_the_work_up(referrals, history, question, note):
    ans = referrals.answer(question, history)
    assert ans.urgent and note in ans.text, ans.text


_INCIDENT = ("Incident report: 74-year-old on clopidogrel for a coronary stent had a C6-7 interlaminar ESI without the clopidogrel "
             "being stopped. Next morning she had neck pain and arm weakness; MRI showed an epidural haematoma and she was "
             "decompressed. What was the known risk here and what should have happened before the procedure?")


def test_an_incident_looked_back_on_is_no_emergency(referrals):
    ans = referrals.answer(_INCIDENT)
    assert not ans.urgent and "7 days" in ans.text, ans.text
    follow = referrals.answer("should the cardiologist have been involved before stopping it, given the stent?", [_INCIDENT])
    assert not follow.urgent and "cardiology" in follow.bullets[0]["text"], follow.text
    assert not referrals.answer("不良事件复盘：患者吃波立维，没停药就做了颈椎硬膜外注射，第二天出现血肿。当时应该怎么做？").urgent


@pytest.mark.parametrize("question", ["sural nerve biopsy tomorrow, pt on aspirin 81 - do we hold it?", "腓肠神经活检前要停阿司匹林吗？"])
def test_a_nerve_biopsy_is_another_specialtys(referrals, question):
    ans = referrals.answer(question)
    assert ans.abstained and ans.verdict == "out_of_scope", ans.text


def test_a_pregnant_patient_and_the_staffs_dose_limit_are_two_answers(referrals):
    q = "pregnant 10 wks, wants SI joint injection under fluoro - ok to do? also whats the annual occupational dose limit for our staff?"
    assert "pregnant-staff" not in referrals.frame(q).concepts
    ans = referrals.answer(q)
    first = [b["text"] for b in ans.bullets if b["part"] == 0]
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert first and "excluded" in first[0] and not any("mSv" in t or "staff" in t for t in first), ans.text
    assert second and "20 mSv" in second[0], ans.text
    # (a pregnant member of staff is still one)
    assert "pregnant-staff" in referrals.frame("one of our radiographers is 10 wks pregnant - can she stay in the room for fluoro?").concepts


def test_how_long_to_watch_after_intrathecal_morphine_keeps_its_24_hours(referrals):
    ans = referrals.answer("鞘内吗啡首次给药（单次试验剂量）后，病房要监测多长时间？监测什么？")
    first = [b["text"] for b in ans.bullets if b["part"] == 0]
    assert first and "至少 24 小时" in first[0], ans.text



# --- review 16 -----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["which is safer for a patient on apixaban, TFESI or ILESI?",
                                      "吃着氯吡格雷的病人，腰椎小关节射频和腰椎TFESI哪个更安全？"])
def test_which_is_safer_for_a_patient_on_a_drug_keeps_the_drugs_rule_first(referrals, question):
    assert referrals.frame(question).parts[0].aspects[:1] == ("hold",)
    ans = referrals.answer(question)
    assert re.search(r"3 days|低出血风险|7 天", " ".join(b["text"] for b in ans.bullets[:2])), ans.text


@pytest.mark.parametrize(("question", "aspect"), [("腰椎小关节注射为什么不用停阿司匹林？", "hold"),
                                                  ("PDPH 3 days after ILESI, conservative failed. why not just do a blood patch now?", "escalation")])
def test_why_no_need_to_stop_or_why_not_now_is_no_mechanism(referrals, question, aspect):
    assert referrals.frame(question).parts[0].aspects[:1] == (aspect,)


@pytest.mark.parametrize("question", ["pt on warfarin for AF, planned lumbar TFESI friday. do we need an INR test on the morning of the procedure?",
                                      "pt had a wet tap during ILESI, now headache 2 days - does she need a CT scan or a test?"])
def test_a_drug_level_or_a_work_up_is_no_screening_test(referrals, question):
    assert "prevention" not in referrals.frame(question).parts[0].aspects[:1]


@pytest.mark.parametrize("question", ["SCS trial day 2, apixaban restarted yesterday, now new leg weakness and back pain, without fever. what now?",
                                      "SCS试验电极置入后第2天，昨天恢复了利伐沙班，现在双下肢无力，体温正常，没有发烧，怎么办？"])
def test_fever_denied_keeps_the_devices_haematoma_step_first(referrals, question):
    ans = referrals.answer(question)
    actions = [b["text"] for b in ans.bullets if b.get("kind") == "action"]
    assert ans.urgent and actions and re.search("haematoma|血肿", actions[0]), ans.text


def test_with_fever_the_imaging_step_comes_before_the_explant(referrals):
    ans = referrals.answer("pt 4 days post SCS trial leads, T9, now fever 39, new severe midback pain and legs feel weak. what now")
    actions = [b["text"] for b in ans.bullets if b.get("kind") == "action"]
    assert "MRI" in actions[0] and "explant" not in actions[0], ans.text


def test_watching_for_a_complication_is_not_the_patients_stay(referrals):
    ans = referrals.answer("after a wet tap during ILESI, how long should we watch for a headache before we can say she won't get PDPH?")
    assert "gives no length of time" not in ans.text, ans.text


def test_the_other_problems_list_never_leads_a_consent_answer(referrals):
    ans = referrals.answer("what complications should be in the consent for vertebroplasty?")
    assert not ans.bullets[0]["text"].startswith("Other problems"), ans.text


def test_nerve_conduction_in_physiology_or_a_diagnosis_is_no_emg_study(referrals):
    assert "electromyography" not in referrals.frame("how do local anaesthetics block nerve conduction?").concepts
    ans = referrals.answer("pt with EMG-confirmed L5 radiculopathy on apixaban, TFESI next week - how long to hold?")
    assert not ans.abstained and "3 days" in ans.bullets[0]["text"], ans.text


def test_a_plain_difference_compared_with_lumbar_keeps_both_regions(referrals):
    part = referrals.frame("How do the complications of cervical facet RFA differ compared to lumbar?").parts[0]
    assert "lumbar-spine" in part.concepts, part


@pytest.mark.parametrize("question", ["TFESI术后3小时出现左侧足下垂，怎么办？", "腰椎硬膜外注射后右脚抬不起来，垂足，现在怎么办"])
def test_foot_drop_after_an_injection_is_a_new_deficit(question):
    from assistant.safety import triage
    assert triage(question, "zh").rule == "neuraxial-deficit"


@pytest.mark.parametrize(("history", "question"), [(["Lixiana pt, lumbar MBB next week - hold it?"], "and when does she restart?"),
                                                   (["吃艾乐妥的病人下周做腰椎内侧支阻滞，要停药吗？"], "那术后什么时候恢复？")])
def test_the_restart_asked_after_a_low_risk_hold_leads_with_the_restart(referrals, history, question):
    ans = referrals.answer(question, history)
    assert re.search(r"restarted 24 h|24 小时恢复", ans.bullets[0]["text"]), ans.text


# --- round 88's follow-ups ----------------------------------------------------------------------------------------------

def test_still_very_painful_after_conservative_care_is_a_failed_treatment(referrals):
    q = referrals.frame("保守治疗48小时还是很痛，下一步怎么办？", ["硬膜外腔镜术后第2天，患者头痛，坐起来10分钟就加重，躺下缓解。考虑PDPH吗？"])
    assert "escalation" in q.parts[0].aspects, q.parts



# --- round 89 -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["L5 TF, dex 10, flash of blood on DSA - proceed?", "L5 TF 推了地塞米松 10mg前，DSA见血管影，继续吗？"])
def test_a_vascular_sign_on_the_table_asked_whether_to_go_on_gets_the_stop_rule(referrals, question):
    q = referrals.frame(question)
    assert "intravascular-injection" in q.concepts and q.parts[0].aspects[:1] == ("action",), q.parts
    ans = referrals.answer(question)
    assert any(re.search(r"[Dd]o not inject further|不得继续注射", b["text"]) for b in ans.bullets[:2]), ans.text


def test_how_to_explain_it_to_the_patient_asks_the_advice(referrals):
    ans = referrals.answer("星状神经节阻滞后出现声音嘶哑、眼睑下垂，是并发症吗？要跟病人怎么解释？")
    assert "未涵盖" not in ans.text and "饮水试验" in ans.text, ans.text


@pytest.mark.parametrize("question", ["鞘内泵里的巴氯芬快用完了，断药有什么风险？", "鞘内巴氯芬泵的病人，加药时发现泵快空了，断药会有什么风险？",
                                      "What can happen if an intrathecal baclofen pump runs empty or its delivery is interrupted?"])
def test_baclofen_running_out_is_its_withdrawal(referrals, question):
    ans = referrals.answer(question)
    assert "撤药综合征" in ans.bullets[0]["text"] or "baclofen withdrawal" in ans.bullets[0]["text"], ans.text


# --- review 17 ----------------------------------------------------------------------------------------------------------

_DEFICIT = "pt had SCS trial leads placed yesterday, now new bilat leg weakness and numbness. what do i do"


@pytest.mark.parametrize("question", ["MRI normal except a small haematoma at L3 - decompress?", "MRI is not normal",
                                      "his MRI last year was normal", "CT was negative"])
def test_a_scan_not_plainly_negative_rules_nothing_out(referrals, question):
    assert "ruled out" not in referrals.answer(question, [_DEFICIT]).text


@pytest.mark.parametrize(("question", "lang"), [("What went wrong? Pt on Eliquis had a T10 epidural this morning and is paraplegic", "en"),
                                                ("本来应该先停利伐沙班的，患者硬膜外注射后双下肢无力", "zh"),
                                                ("当时应该是碰到神经根了，现在腿麻无力，怎么办", "zh")])
def test_hindsight_words_beside_a_deficit_going_on_keep_the_banner(question, lang):
    from assistant.safety import triage
    assert triage(question, lang).urgent


def test_a_pregnant_patients_apron_is_not_the_staffs_dose(referrals):
    ans = referrals.answer("Patient is 16 weeks pregnant and needs an SI joint injection. Should she wear a lead apron over her abdomen?")
    assert "mSv" not in ans.text and "dosimeter" not in ans.text, ans.text


@pytest.mark.parametrize("question", ["Pt on apixaban needs EMG tomorrow - hold it?", "EMG for a patient on clopidogrel - stop it 7 days?"])
def test_a_bare_emg_is_another_specialtys(referrals, question):
    ans = referrals.answer(question)
    assert ans.abstained and ans.verdict == "out_of_scope", ans.text


def test_cantonese_how_is_read_but_a_little_sample_is_not(referrals):
    assert referrals.frame("做完腰椎TFESI之后头痛，点样处理？").text.endswith("怎样处理？")
    assert "一点样本" in referrals.frame("腰椎射频前要不要取一点样本做细菌培养？").text


def test_monitored_after_a_procedure_is_the_patients_stay(referrals):
    from assistant.compose import _OBSERVE_ASK
    assert _OBSERVE_ASK.search("How long should she be monitored after the epidural blood patch?")
    assert not _OBSERVE_ASK.search("how long should we watch for a headache before we can say she won't get PDPH?")


@pytest.mark.parametrize(("question", "urgent"), [
    ("SCS trial leads in since Monday, today bilateral leg weakness, can we MRI him with the leads in?", True),
    ("ESI today - what is the risk of leg weakness?", False)])
def test_a_deficit_that_began_today_is_an_event(question, urgent):
    from assistant.safety import triage
    assert triage(question, "en").urgent is urgent
