"""Round 214 and the fiftieth session's named weak spots: a procedure's deaths never another procedure's toll, a shared
vial asked beside its drug, the watch that decides whether a settled patient may go home, and a steroid's own effect
asked before another operation."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets


@pytest.fixture(scope="module")
def deaths_engine(engine_over):  # type: ignore[no-untyped-def]
    """Vertebral augmentation beside the documents that count other procedures' deaths (the 2012 steroid outbreak, the
    SGB review's one death)."""
    return engine_over("deaths-214", ("vertebral-augmentation", "evidence-disagreements", "infection-control",
                                      "cervical-thoracic-sympathetic", "esi-general"))


@pytest.mark.parametrize("question", ["kyphoplasty - any deaths?", "any deaths reported with kyphoplasty?", "有因为PVP死亡的吗"])
def test_a_procedures_deaths_are_never_another_procedures_toll(deaths_engine, question):  # type: ignore[no-untyped-def]
    bullets = _bullets(deaths_engine.answer(question).text)
    assert bullets and (question.startswith("any") or "cement" in bullets[0] or "骨水泥" in bullets[0]), bullets
    assert not any("2012" in b or "SGB" in b for b in bullets), bullets


def test_the_outbreaks_toll_still_answers_when_asked(deaths_engine):  # type: ignore[no-untyped-def]
    bullets = _bullets(deaths_engine.answer("how many people died in the 2012 steroid outbreak?").text)
    assert bullets and "48 deaths" in bullets[0], bullets


@pytest.fixture(scope="module")
def vial_engine(engine_over):  # type: ignore[no-untyped-def]
    """The vial's rule beside the local anaesthetic passages that crowd it out."""
    return engine_over("vial-214", ("infection-control", "last", "esi-general"))


@pytest.mark.parametrize(("question", "vial"), [("一瓶利多卡因几个病人共用，有问题吗？", "单剂量"),
                                                ("is it ok to draw up 1% lido for 3 pts from the same vial?", "Single-dose vials"),
                                                ("can I use one vial of lidocaine for several patients?", "Single-dose vials")])
def test_a_shared_vial_of_a_drug_asks_for_the_vials_rule(vial_engine, question, vial):  # type: ignore[no-untyped-def]
    ans = vial_engine.answer(question)
    assert "single-dose-vial" in vial_engine.frame(question).concepts
    assert vial in _bullets(ans.text)[0], ans.text


_OVERDOSE = "just refilled her intrathecal morphine pump, 20 min later she's drowsy, RR 6, pinpoint pupils"


def test_going_home_after_a_settled_pump_overdose_brings_the_morphine_watch(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("gave naloxone, she's awake now, RR 14, sats 97%. can she go home?", [_OVERDOSE])
    assert not ans.urgent, ans.text
    assert any("24 h" in b for b in _bullets(ans.text)), ans.text  # (delayed respiratory depression: the watch decides)
    assert not any("LAST" in b for b in _bullets(ans.text)), ans.text


@pytest.fixture(scope="module")
def cover_engine(engine_over):  # type: ignore[no-untyped-def]
    """A steroid's own effect (HPA-axis suppression) beside the bleeding passages that name a knee replacement."""
    return engine_over("cover-214", ("patient-selection-monitoring", "esi-general", "esi-transforaminal", "anticoagulants"))


def test_steroid_cover_before_another_operation_is_the_steroids_own_effect(cover_engine):  # type: ignore[no-untyped-def]
    ans = cover_engine.answer("两周后要做膝关节置换，要不要围术期补激素？", ["上周给病人做了L4/5 TFESI，用了甲泼尼龙80mg"])
    bullets = _bullets(ans.text)
    assert bullets and "补充糖皮质激素" in bullets[0], ans.text
    assert not any("血肿" in b for b in bullets), ans.text  # (the knee replacement's haematoma rate is no answer)


@pytest.fixture(scope="module")
def scope_engine(engine_over):  # type: ignore[no-untyped-def]
    """Epiduroscopy beside the other documents its words reach."""
    return engine_over("scope-214", ("epiduroscopy-adhesiolysis", "intradiscal-pldd", "last", "esi-general"))


def test_how_to_irrigate_safely_next_time_is_the_saline_rate(scope_engine):  # type: ignore[no-untyped-def]
    history = ["during epiduroscopy pt complained of neck pain and blurred vision, we stopped, she recovered"]
    f = scope_engine.frame("next time how do I irrigate safely?", history)
    assert "saline" in f.concepts and f.aspects[:1] == ("prevention",), f
    ans = scope_engine.answer("next time how do I irrigate safely?", history)
    assert ans.verdict == "answered" and "interval" not in ans.text, ans.text
    assert any("1 mL every 1–2 s" in b for b in _bullets(ans.text)[:3]), ans.text


# --- an emergency told over in the same story: the ask after it is answered calmly ---------------------------------

_SGB_SEIZURE = ("Stellate ganglion block this morning (US guided, C6, 5 ml 0.25% bupivacaine). About a minute after injecting she "
                "had a ~40 second tonic-clonic seizure. Gave midazolam 2 mg, it stopped, sats 98% on O2, BP and ECG stayed normal "
                "throughout. No intralipid given. She's now alert.")


def test_a_seizure_told_over_asks_the_watch_not_the_rescue(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer(f"{_SGB_SEIZURE} How long do I have to keep her before she can go home?")
    assert not ans.urgent, ans.text
    assert "2 h" in _bullets(ans.text)[0], ans.text  # (at least 2 h after a limited CNS event)
    lipid = engine.answer("Should I have given intralipid anyway? She's 58 kg, what would the dose have been",
                          [f"{_SGB_SEIZURE} How long do I have to keep her before she can go home?"])
    assert not lipid.urgent and "87 mL" in lipid.text, lipid.text  # (the 58 kg bolus worked, no banner)


_SGB_SEIZURE_ZH = ("刚才疼痛科C7水平SGB，推了大概3ml 0.25%布比，病人突然抽搐，已经推了咪达唑仑2mg，抽搐停了，现在意识清楚，"
                   "BP 135/80 HR 88 窦律。接下来要观察多久？今天能回家吗")


def test_a_chinese_seizure_told_over_and_its_follow_up_stay_calm(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer(_SGB_SEIZURE_ZH)
    assert not ans.urgent and "2 小时" in _bullets(ans.text)[0], ans.text
    after = engine.answer("还需要补脂肪乳吗？现在已经不抽了", [_SGB_SEIZURE_ZH])
    assert not after.urgent and any("脂肪乳" in b for b in _bullets(after.text)[:2]), after.text


@pytest.mark.parametrize("question", [
    f"{_SGB_SEIZURE} What do I do now?",  # (an open "what now?" still asks for the pathway)
    "SGB, seizure, gave midaz, it stopped, she's now alert but HR 35 and wide QRS. what now?",  # (a sign after the settling)
    "after L5 TFESI her legs went weak, she's stable now, what next?",  # (stable vital signs end no deficit)
    "TFESI C6, pt suddenly blind in both eyes, now she's alert and talking, what do we do?",
])
def test_a_story_told_over_keeps_its_banner_when_a_sign_or_an_open_ask_goes_on(engine, question):  # type: ignore[no-untyped-def]
    assert engine.answer(question).urgent


def test_stable_vital_signs_beside_a_deficit_are_no_calm_question():
    from assistant.safety import triage
    for text, lang in (("cement leak during PVP at L1, pt now stable but can't move legs. next?", "en"),
                       ("PVP做完骨水泥渗漏，现在生命体征平稳，但是双腿没力，怎么办", "zh")):
        assert triage(text, lang, {"vertebroplasty", "cement-leakage"}).rule == "neuraxial-deficit", text


_PCE = ("During a T8 vertebroplasty pt suddenly got SOB and sats fell to 88%. We stopped injecting, gave O2, sats back to 96% in "
        "10 min. CTPA shows a few small peripheral cement emboli. Now she's asymptomatic. Do we need to anticoagulate her?")


def test_a_handled_cement_embolism_asks_the_treatment_and_its_length(deaths_engine):  # type: ignore[no-untyped-def]
    assert not deaths_engine.answer(_PCE).urgent
    ans = deaths_engine.answer("if we do anticoagulate, for how long?", [_PCE])
    assert not ans.urgent and "no length of time" not in ans.text, ans.text
    assert any("6 months" in b for b in _bullets(ans.text)), ans.text


_SCOPE_STORY = ("During epiduroscopy today, after about 60 ml saline the patient complained of neck pain and blurry vision. We "
                "stopped, vision back to normal in 20 min. Anything else I should do before she goes home?")


def test_a_resolved_epiduroscopy_picture_asks_the_safe_rate_calmly(scope_engine):  # type: ignore[no-untyped-def]
    first = scope_engine.answer(_SCOPE_STORY)
    assert not first.urgent and "interval for stopping" not in first.text, first.text  # (a stop told is no drug's hold)
    ans = scope_engine.answer("how fast should we have been infusing", [_SCOPE_STORY])
    assert not ans.urgent and any("1 mL every 1–2 s" in b for b in _bullets(ans.text)[:2]), ans.text


def test_a_reimplant_planned_after_an_infection_is_no_emergency(implant_engine):  # type: ignore[no-untyped-def]
    story = "SCS植入术后第10天，IPG囊袋红肿有渗液，体温38.2，先口服抗生素能保住吗"
    assert implant_engine.answer(story).urgent
    assert not implant_engine.answer("病人有糖尿病，取出后将来要是再植入，术前准备要做哪些", [story]).urgent


# --- harms read online, asked how to explain ----------------------------------------------------------------------

def test_harms_a_patient_read_online_are_no_signs_unless_her_own_follow():
    from assistant.safety import triage
    read = ("Patient read online that epidural steroid injections cause paralysis, blindness and stroke and now she's refusing "
            "her L5/S1 transforaminal. How do I explain the actual risk honestly?")
    assert not triage(read, "en", {"transforaminal-esi"}).urgent
    for own in ("she read online that TFESI can cause blindness and her vision is blurry after today's injection, what do I do?",
                "read online that TFESI can cause a stroke. 10 min after her C6 TFESI she has slurred speech and a droopy face"):
        assert triage(own, "en", {"transforaminal-esi"}).rule == "esi-stroke", own


# --- clinicians' words ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def words_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents round 214's threads reach: the ESI routes, radiation and contrast, joints, bleeding, the SGB."""
    return engine_over("words-214", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "radiation-contrast", "sacroiliac",
                                     "anticoagulants", "cervical-thoracic-sympathetic", "pdph", "patient-selection-monitoring"))


def test_going_again_at_another_level_after_a_wet_tap_asks_what_to_do(words_engine):  # type: ignore[no-untyped-def]
    q = ("Cervical ILESI at C7-T1 this morning, got CSF in the hub on loss of resistance, withdrew and did not inject anything. "
         "Patient fine. Can I just go again at T1-T2 now or should I rebook?")
    assert words_engine.frame(q).aspects[:1] == ("action",)
    assert "intrathecally" in _bullets(words_engine.answer(q).text)[0]


def test_a_second_badge_is_the_fetal_dosimeter(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("What's the dose limit for the baby once I declare, and do I wear a second badge?",
                              ["I'm a radiographer, just found out I'm pregnant. do I have to come off the fluoro lists?"])
    assert "Not covered in the knowledge base: do I wear a second badge" not in ans.text, ans.text
    assert any("second (fetal) dosimeter" in b for b in _bullets(ans.text)), ans.text


def test_no_13_hours_asks_the_urgent_regimen(words_engine):  # type: ignore[no-untyped-def]
    ans = words_engine.answer("pt had hives + wheeze with IV contrast at CT last yr. booked for C6/7 TFESI tomorrow am. "
                              "premed regimen? we dont have 13 hrs")
    assert "every 4 h" in _bullets(ans.text)[0], ans.text


def test_a_follow_up_with_its_own_topic_asks_it_not_the_hold_before(words_engine):  # type: ignore[no-untyped-def]
    f = words_engine.frame("做完后右腿麻、有点软，他自己开车来的，能开回去吗", ["机械主动脉瓣，华法林INR 2.4，右侧SIJ注射需要停华法林吗"])
    assert "driving" in f.concepts and "hold" not in f.aspects, f


def test_the_anaesthetic_for_their_operation_is_out_of_scope_after_a_steroid_question(words_engine):  # type: ignore[no-untyped-def]
    history = ["上周做了腰椎TFESI，用了曲安奈德80mg，病人下周要做全髋置换，围术期需要激素覆盖吗"]
    assert words_engine.answer("那全髋置换麻醉选腰麻还是全麻好", history).verdict == "out_of_scope"
    assert words_engine.answer(history[0]).verdict == "answered"  # (the steroid's own effect stays ours)


@pytest.mark.parametrize(("question", "history", "aspect"), [
    ("孕24周，L5/S1突出，右腿放射痛VAS 8分，产科说保守没用，能做透视下TFESI吗", (), "contraindications"),  # (failed care is history)
    ("下次这个病人还要做SGB的话要怎么改进", ("SGB后病人抽搐了，已经好了",), "prevention"),
])
def test_chinese_asks_read_for_what_they_ask(words_engine, question, history, aspect):  # type: ignore[no-untyped-def]
    assert words_engine.frame(question, list(history)).aspects[:1] == (aspect,)


def test_the_watch_after_a_morphine_pumps_overdose_is_morphines(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("naloxone given, RR now 14 and he's chatting. how long does he need watching? he wants to go home tonight",
                        ["Refilled an intrathecal morphine pump 2 hrs ago, pt now very drowsy, resp rate 7, pinpoint pupils. what do i do"])
    assert not ans.urgent and any("24 h" in b for b in _bullets(ans.text)), ans.text


# --- review 49: the guards around an emergency told over ----------------------------------------------------------

@pytest.mark.parametrize("question", [
    "HR 38, wide QRS, BP 70/40 after bupi SGB; she's now alert. How long to watch?",  # (no sign told resolved)
    "Tinnitus and perioral tingling after 15 mL lido for the MBB, she's alert now. How long do I observe?",
    "LAST seizure after bupi, woke up but GCS 12. Can she go home?",
    "Pt seizing after bupi TFESI, sats are ok, 60 kg, how much lipid?",  # (a reading told fine is no settling)
    "pt fitting after lido, BP is fine, sats are ok on O2. midaz dose?",
    "病人抽搐中，血氧稳定了，脂肪乳怎么给？",
    "Drowsy, RR 6 after pump refill, BP is fine. naloxone dose?",
    "Right eye still blurry, left eye vision back to normal after epiduroscopy. Anything else before she goes home?",
    "Chest pain and desat to 84% during PVP cement, BP is ok. Stop injecting?",
])
def test_readings_or_wakefulness_told_fine_end_no_sign_told_before_them(engine, question):  # type: ignore[no-untyped-def]
    assert engine.answer(question).urgent, question


def test_an_open_what_now_after_a_story_told_over_keeps_the_pathway(engine):  # type: ignore[no-untyped-def]
    assert engine.answer("what do I do now?", [f"{_SGB_SEIZURE} How long do I have to keep her before she can go home?"]).urgent
    assert engine.answer("Still fitting after 2 mg midaz, BP is fine. Next dose?", ["seizure after lidocaine during TFESI"]).urgent


@pytest.mark.parametrize("question", [
    "Saw on youtube that TFESI can cause stroke, and the left arm is weak now after cervical TFESI this morning",
    "Heard online that epidurals cause paralysis, her legs are numb and weak now 2 hrs after ILESI",
    "Her daughter read online that ESIs cause meningitis, pt has fever 39 and neck stiffness 3 days after ESI",
])
def test_a_sign_of_her_own_after_what_she_read_is_read(question):  # type: ignore[no-untyped-def]
    from assistant.safety import triage
    assert triage(question, "en", {"transforaminal-esi", "esi", "interlaminar-esi"}).urgent, question


def test_a_stop_told_of_a_drug_or_beside_a_held_drug_keeps_its_hold(words_engine):  # type: ignore[no-untyped-def]
    assert "hold" in words_engine.frame("we stopped her fish oil 2 days ago, ok for the SCS trial?").aspects
    f = words_engine.frame("PT and NSAIDs didn't help, she's on apixaban - can she have a TFESI?")
    assert "hold" in f.aspects or "escalation" in f.aspects, f  # (the apixaban's hold stays asked)
    assert any("3 days" in b for b in _bullets(words_engine.answer("PT and NSAIDs didn't help, she's on apixaban - can she have a TFESI?").text))


def test_no_other_drugs_watch_after_a_hydromorphone_pump(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("gave narcan, now awake RR 14. can she go home?", ["Refilled IT hydromorphone pump an hour ago, now drowsy, RR 6"])
    assert not any("morphine" in b.replace("hydromorphone", "") for b in _bullets(ans.text)), ans.text


def test_one_vial_of_a_steroid_is_no_shared_vial(words_engine):  # type: ignore[no-untyped-def]
    assert "single-dose-vial" not in words_engine.frame("One vial of methylprednisolone 80 mg - is it ok for a cervical TFESI?").concepts
