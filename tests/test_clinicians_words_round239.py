"""Round 239 (a district hospital and a private pain clinic: a GP ringing about last week's injection, a radiographer, an
on-call medical registrar with an implant patient, a pain consultant planning a list, a physiotherapist after an RFA, a
pharmacist; English and Chinese): another specialty's procedure ahead of a patient living with our implant, a mixture of
local anaesthetics, a postural headache told in plain words, a new deficit told softly (抬不太起来, dragging a foot) in a
follow-up, the family's question in an abscess thread, the implant's MRI asked for that patient, and the caller's
department, a homophone slip and an organ's operation in the question."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon
from assistant.safety import triage
from assistant.worked import las_told, mixture_line, mixture_told


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


# ---------------------------------------------------------------- another specialty's procedure, our implant in place

@pytest.mark.parametrize("question", [
    "pt with a thoracic SCS implanted 2 yrs ago needs a colonoscopy next week - anything we should do?",
    "SCS patient booked for PEG insertion, is that safe?",
    "SCS pt needs a colonoscopy, on clopidogrel - hold?",
    "pt has an ITDD, going for a hip replacement tmrw - anything to do with the pump?",
    "带着脊髓电刺激器的病人下周要做胃镜 要注意什么"])
def test_their_procedure_ahead_of_a_patient_living_with_our_implant_is_not_covered(engine_over, question):  # type: ignore[no-untyped-def]
    eng = engine_over("implant-239", ("spinal-cord-stimulation", "intrathecal-drug-delivery", "anticoagulants"))
    ans = eng.answer(question)
    assert ans.verdict == "out_of_scope", ans.text
    assert "NACC" not in ans.text and "7 days" not in ans.text, ans.text


def test_our_own_trial_ahead_beside_their_procedure_is_still_answered(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("implant-239", ("spinal-cord-stimulation", "intrathecal-drug-delivery", "anticoagulants"))
    ans = eng.answer("pt on clopidogrel has a colonoscopy next week and an SCS trial the week after - how long to hold?")
    assert ans.verdict != "out_of_scope" and "7 days" in ans.text, ans.text


@pytest.mark.parametrize(("question", "concept"), [
    ("stop aspirin before eye surgery?", "organ-surgery"), ("眼科手术前要停阿司匹林吗", "organ-surgery"),
    ("pt on apixaban for a hysterectomy tmrw, hold how long", "organ-surgery"), ("SCS patient booked for PEG insertion", "gastrostomy")])
def test_an_organs_operation_is_another_specialtys(framer, question, concept):  # type: ignore[no-untyped-def]
    assert concept in framer.frame(question).out_of_scope


def test_bowel_surgery_ahead_is_no_bowel_sign():  # type: ignore[no-untyped-def]
    assert not triage("had an ESI 2 weeks ago, bowel surgery next week - steroid cover needed?", "en").urgent
    assert triage("ILESI yesterday, now can't feel her bladder and bowel, legs weak", "en").urgent


# ---------------------------------------------------------------- a mixture of local anaesthetics

def test_the_amounts_told_are_each_drugs_own():  # type: ignore[no-untyped-def]
    assert las_told("0.5%布比卡因10ml加1%利多卡因5ml 60kg 超量吗") == [("bupivacaine", 10.0, 0.5), ("lidocaine", 5.0, 1.0)]
    assert las_told("1% lido 10 mL and bupi 0.5% 10ml") == [("lidocaine", 10.0, 1.0), ("bupivacaine", 10.0, 0.5)]
    assert mixture_told("20ml 0.5% bupivacaine, 60 kg") == []


_NOMOGRAM = ("The maximum-dose nomogram of Williams and Walker (2014) assumes toxic thresholds of 2 mg/kg for bupivacaine, "
             "3 mg/kg for lidocaine and 6 mg/kg for lidocaine with epinephrine.")


def test_a_drug_added_to_the_syringe_is_counted_with_the_first_as_the_most_toxic():  # type: ignore[no-untyped-def]
    mix = mixture_told("and if they add 10ml of 1% lido to the same syringe?",
                       "checking LA dose for a caudal: 20ml 0.25% bupivacaine in a 55kg lady - within max dose?")
    line = mixture_line(mix, _NOMOGRAM, _NOMOGRAM, 55, "en")
    assert "= 150 mg" in line and "counted as bupivacaine" in line and line.endswith("above the 110 mg worked"), line
    # (told alone, the lidocaine would have been "below")
    assert mixture_told("and if they add 10ml of 1% lido to the same syringe?") == []


def test_the_mixture_is_checked_in_the_answer(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("and if they add 10ml of 1% lido to the same syringe?",
                        ["checking LA dose for a caudal: 20ml 0.25% bupivacaine in a 55kg lady - within max dose?"])
    assert "most toxic" in ans.text and "150 mg" in ans.text and "above the 110 mg" in ans.text, ans.text
    assert "below the 165 mg" not in ans.text, ans.text


# ---------------------------------------------------------------- a postural headache in plain words

@pytest.mark.parametrize("question", [
    "GP - lady had a cervical epidural 4 days ago, now headache every time she stands up, goes when she lies flat. what is it and what can i give her",
    "昨天给她做的腰段IL 今天一坐起来就头疼 后脖子发紧 躺平就好多了"])
def test_a_headache_on_standing_that_goes_lying_flat_is_the_dural_puncture_headache(framer, question):  # type: ignore[no-untyped-def]
    assert "pdph" in framer.frame(question).concepts


def test_the_headache_told_with_no_ask_gets_what_to_do(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("昨天给她做的腰段IL 今天一坐起来就头疼 后脖子发紧 躺平就好多了")
    first = _bullets(ans.text)[0]
    assert "保守治疗" in first or "EBP" in first, ans.text


# ---------------------------------------------------------------- a deficit told softly, in a follow-up

_FACET_ZH = "康复科治疗师 病人周一做的腰椎小关节射频 今天第三天 说腰那块火辣辣的疼 衣服碰一下都疼 这正常吗"


@pytest.mark.parametrize(("before", "question", "lang"), [
    (_FACET_ZH, "还有他左腿抬不太起来 走路拖着 术前没有", "zh"),
    ("physio here - pt had L4-5 facet RFA 10 days ago, now burning pain over lower back",
     "she's dragging her left foot since the RFA, cant heel walk", "en")])
def test_a_softly_told_weakness_after_the_rfas_neuritis_is_the_deficit(before, question, lang, engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("facet-239", ("facet-mbb-rfa", "esi-general", "spinal-haematoma"))
    ans = eng.answer(question, [before])
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text


@pytest.mark.parametrize("question", ["左腿抬不太起来", "走路拖着", "dragging her left foot", "legs feel heavy"])
def test_soft_words_for_weakness(framer, question):  # type: ignore[no-untyped-def]
    assert "weakness" in framer.frame(question).concepts


# ---------------------------------------------------------------- the family's question in an abscess thread

_ABSCESS_ZH = ("社区全科 上周五在县医院疼痛科做了腰4/5 TF打针的老太太 今天说腰疼得比打针前还厉害 发烧38.5 我这边咋处理",
               "她有糖尿病 血糖一直控制不好 跟这个有关系吗")


def test_the_familys_question_goes_on_with_the_abscess(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("abscess-239", ("esi-transforaminal", "esi-general", "infection-control", "spinal-haematoma"))
    ans = eng.answer("家属问是不是打针打坏了 要不要转上级医院 怎么跟家属说", list(_ABSCESS_ZH))
    assert ans.urgent and ans.verdict != "not_in_kb", ans.text


_ABSCESS_EN = ("GP here - pt had lumbar TFESI last wk, now 3 days of fever and worsening back pain, says her legs feel heavy. whats going on",
               "shes insulin dependent diabetic if that changes anything. what do i do now - send to ED or can i start oral abx and review tmrw?")


def test_will_she_walk_again_after_an_abscess_gets_no_haematomas_figures(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("abscess-239", ("esi-transforaminal", "esi-general", "infection-control", "spinal-haematoma"))
    ans = eng.answer("husband on the phone asking will she walk normally again. what can i honestly tell him", list(_ABSCESS_EN))
    assert ans.urgent and "260 abscesses" in ans.text, ans.text
    assert "47% of patients with a haematoma" not in ans.text and "Frankel" not in ans.text and "prognosis" not in ans.text, ans.text


# ---------------------------------------------------------------- the implant's MRI, asked for the patient

def test_can_the_stimulator_patient_go_in_the_mri_is_its_labelling(framer):  # type: ignore[no-untyped-def]
    assert "implant-mri-conditions" in framer.frame("急诊 带脊髓电刺激器的病人摔了一跤 腰疼 想做个腰椎MRI 能直接做吗").out_of_scope
    history = ["ED - 45F, SCS implanted 10 days ago, wound over the battery is red hot swollen and oozing, temp 38.4. whats the plan?",
               "she now says both legs have gone numb since this morning and shes struggling to stand"]
    q = framer.frame("radiology asking if she can even go in the MRI with the stimulator in. alternatives?", history)
    assert q.followup and "spinal-cord-stimulation" in q.context_concepts


def test_the_mri_asked_mid_emergency_says_it_is_not_covered_and_gives_ct_myelography(engine_over):  # type: ignore[no-untyped-def]
    eng = engine_over("scs-239", ("spinal-cord-stimulation", "esi-general", "spinal-haematoma"))
    history = ["ED - 45F, SCS implanted 10 days ago, wound over the battery is red hot swollen and oozing, temp 38.4. whats the plan?",
               "she now says both legs have gone numb since this morning and shes struggling to stand"]
    ans = eng.answer("radiology asking if she can even go in the MRI with the stimulator in. alternatives?", history)
    assert ans.urgent and "Nothing in the knowledge base on MRI" in ans.text and "CT myelography" in ans.text, ans.text


# ---------------------------------------------------------------- the caller, a slip, leaving the room

@pytest.mark.parametrize("question", ["药剂科核对下 55kg病人 局部浸润用1%利多卡因最多能给多少ml？加肾上腺素的话呢", "药学部问 布比卡因最大量多少"])
def test_the_callers_department_names_no_missing_subject(framer, question):  # type: ignore[no-untyped-def]
    assert framer.frame(question).unknown == ()


def test_a_department_asked_about_is_still_read():  # type: ignore[no-untyped-def]
    from assistant.frame import _caller_zh
    assert not _caller_zh("这个药在透析中心的病人能用吗", "眼科手术", 20)


@pytest.mark.parametrize(("question", "concept"), [("血不丁打多少ml合适", "epidural-blood-patch"), ("不比卡因最大剂量多少", "bupivacaine")])
def test_a_bu_typed_for_its_homophone_in_a_name_is_a_slip(framer, question, concept):  # type: ignore[no-untyped-def]
    assert concept in framer.frame(question).concepts


def test_not_is_still_not_elsewhere(framer):  # type: ignore[no-untyped-def]
    assert "epidural-blood-patch" not in framer.frame("血不多").concepts


@pytest.mark.parametrize("question", ["do I have to leave the room when they screen?", "主任说离病人远点就行 站远一米跟站旁边差多少"])
def test_leaving_the_room_or_standing_back_is_the_distance_asked(framer, question):  # type: ignore[no-untyped-def]
    assert "inverse-square-law" in framer.frame(question).concepts
