"""Round 241 (a day-case unit and its callers: an ultrasound list, a recovery bay, a GP, an anticoagulation pharmacist, a
radiology nurse, a neuromodulation nurse; English and Chinese) and review 65: a follow-up that moves to another level asks
that level's hazards; adrenaline added to a local anaesthetic; a deficit told in the clinic's words (a foot that will not
lift, no power in the legs) and one denied (腿不麻也不软); a stimulator's tingling somewhere else; home asked after naloxone;
the other side in the same sitting; what to watch after a wet tap; the disagreements document behind its home one."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer, aspects_of
from assistant.lexicon import load_lexicon
from assistant.safety import not_now, triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


# ---------------------------------------------------------------- a follow-up at another level

_SGB = ["Is ultrasound safer than landmarks for stellate ganglion block?", "Which structures can it show?"]


@pytest.fixture(scope="module")
def sgb_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("sgb-241", ("cervical-thoracic-sympathetic", "ultrasound-pneumothorax", "last"))


def test_a_follow_up_moving_to_another_level_leads_with_that_levels_hazards(sgb_engine):  # type: ignore[no-untyped-def]
    ans = sgb_engine.answer("I'm planning to go in at C7 - anything specific about that level?", _SGB)
    first = _bullets(ans.text)[0]
    assert "C7" in first and "lateral in-plane" not in first, ans.text


@pytest.mark.parametrize(("question", "lang"), [
    ("I'm planning to go in at C7 - anything specific about that level?", "en"),
    ("我打算在C7水平做，这个节段有什么特别的吗？", "zh"),
])
def test_what_is_special_about_a_level_asks_its_hazards(question, lang):  # type: ignore[no-untyped-def]
    assert "risk_factors" in aspects_of(question, lang)


@pytest.mark.parametrize(("question", "lang"), [
    ("anything specific I should tell her before discharge?", "en"),
    ("I'm doing T4 - any specific risks at that level?", "en"),  # (its complications: the pneumothorax)
    ("anything specific about the approach?", "en"),
    ("这个节段有什么特别要注意的吗？", "zh"),
])
def test_not_every_specific_ask_is_a_levels_hazards(question, lang):  # type: ignore[no-untyped-def]
    assert "risk_factors" not in aspects_of(question, lang)


def test_the_level_a_follow_up_moves_to_is_its_focus(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("I'm planning to go in at C7 - anything specific about that level?", _SGB)
    assert q.followup and "level-c7" in q.parts[0].concepts and "level-c7" not in q.parts[0].inherited


# ---------------------------------------------------------------- words found on the way

def test_a_thoracic_transforaminal_block_is_a_transforaminal_injection_at_the_thoracic_spine():  # type: ignore[no-untyped-def]
    lx = load_lexicon()
    for text in ("the needle of a thoracic transforaminal epidural block can reach the lung",
                 "lower thoracic transforaminal injection", "胸段经椎间孔注射"):
        found = {m.concept for m in lx.match(text)}
        assert {"transforaminal-esi", "thoracic-spine"} <= found, (text, found)


def test_pneumothorax_with_a_thoracic_tfesi_is_answered_from_the_tfesi_passages(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("What is the risk of pneumothorax with thoracic TFESI?")
    assert not ans.abstained and "Nothing in the knowledge base" not in ans.text, ans.text
    assert "pneumothorax" in _bullets(ans.text)[0].lower(), ans.text


@pytest.mark.parametrize(("history", "question"), [
    (["What's the max dose of lidocaine for a nerve block?"], "With adrenaline?"),
    (["What's the max dose of lidocaine?"], "With adrenaline?"),
    (["What's the maximum safe dose of lignocaine?"], "what if I add adrenaline?"),
    (["max lignocaine for a 60 kg woman?"], "and with adrenaline?"),
    (["利多卡因最大剂量多少？"], "加肾上腺素呢？"),
])
def test_adrenaline_added_is_the_local_anaesthetics_maximum_with_it(framer, history, question):  # type: ignore[no-untyped-def]
    q = framer.frame(question, history)
    # (the lexicon's "lidocaine with adrenaline" is lidocaine: adrenaline's own doses are not asked)
    assert q.followup and "lidocaine" in q.parts[0].concepts and "epinephrine" not in q.parts[0].concepts, q.parts


def test_adrenaline_added_never_gets_the_acls_boluses(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("With adrenaline?", ["What's the max dose of lidocaine for a nerve block?"])
    first = _bullets(ans.text)[0]
    assert "ACLS" not in first and "lidocaine" in first.lower(), ans.text


# ---------------------------------------------------------------- round 241: the deficit told in the clinic's words

@pytest.mark.parametrize("question", [
    "30 min post R L5/S1 TFESI (depomedrol 40 + 1ml lido 2%), pt cant dorsiflex R foot, leg numb. worried",
    "30 min post R L5/S1 TFESI, pt cant dorsiflex R foot",
    "L5/S1 TFESI done this morning, now no dorsiflexion R foot",
])
def test_a_foot_that_cannot_lift_after_a_tfesi_is_urgent(question):  # type: ignore[no-untyped-def]
    tri = triage(question, "en", ("transforaminal-esi", "esi", "neuraxial-procedure"))
    assert tri.urgent and tri.rule in ("esi-stroke", "neuraxial-deficit"), tri


def test_a_foot_that_cannot_lift_told_of_the_patient_is_now_whatever_the_worry():  # type: ignore[no-untyped-def]
    assert not not_now("30 min post R L5/S1 TFESI, pt cant dorsiflex R foot, leg numb. worried", "en")
    # (a general remark with minutes in it is no patient: "patients often have a numb leg 30 min post TFESI")
    assert not triage("patients often have a numb leg 30 min post TFESI from the lidocaine - how long does it last?", "en",
                      ("transforaminal-esi", "esi", "neuraxial-procedure")).urgent


@pytest.mark.parametrize("question", [
    "SCS病人说刺激感跑到肚子上了 腿不麻也不软 怎么办",
    "腿不麻也不软 就是麻刺感没了。另外他说电池那个切口有点红 有点渗液 没发烧",
])
def test_legs_told_neither_numb_nor_weak_raise_no_deficit_banner(question):  # type: ignore[no-untyped-def]
    assert not triage(question, "zh", ("spinal-cord-stimulation", "neuraxial-procedure")).urgent


@pytest.mark.parametrize("question", ["SCS植入3周 腿不麻了但是腿软 怎么办", "做完TF 腿不麻 但是抬不起来"])
def test_one_sign_denied_does_not_hide_the_next(question):  # type: ignore[no-untyped-def]
    assert triage(question, "zh", ("spinal-cord-stimulation", "transforaminal-esi", "neuraxial-procedure")).rule == "neuraxial-deficit"


def test_the_deficit_denied_in_a_follow_up_ends_the_turn_befores_picture():  # type: ignore[no-untyped-def]
    before = "SCS植入3周 病人打电话说刺激感跑了 以前盖左腿 现在跑到肚子上了 左腿没感觉了"
    q = "腿不麻也不软 就是麻刺感没了。另外他说电池那个切口有点红 有点渗液 没发烧"
    assert not triage(q, "zh", ("spinal-cord-stimulation",), before).urgent
    assert triage("现在左腿抬不起来了", "zh", ("spinal-cord-stimulation",), before).urgent  # (a deficit told stays one)


# ---------------------------------------------------------------- the stimulator's tingling somewhere else

_MOVED = ("SCS pt phoned, since bending to lift her grandson yesterday the tingling is in her L buttock not her legs anymore. "
          "can i just reprogram her over the phone?")


def test_tingling_told_somewhere_else_is_lead_migration_and_bending_its_onset(framer):  # type: ignore[no-untyped-def]
    q = framer.frame(_MOVED, [])
    assert "lead-migration" in q.concepts and "mobilisation" not in q.concepts, q.concepts
    assert "lead-migration" not in framer.frame("SCS trial going well, the tingling is in her legs", []).concepts
    assert "mobilisation" in framer.frame("how long after an SCS implant should she avoid bending and lifting?", []).concepts


def test_tingling_told_somewhere_else_gets_the_migration_work_up(implant_engine):  # type: ignore[no-untyped-def]
    ans = implant_engine.answer(_MOVED)
    assert not ans.abstained and "migration" in _bullets(ans.text)[0].lower() + _bullets(ans.text)[1].lower(), ans.text


# ---------------------------------------------------------------- home asked after naloxone

def test_home_asked_after_naloxone_is_the_watch(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("after naloxone she's more awake - can she go home this evening? family wants to take her", [])
    assert "post-procedure-monitoring" in q.concepts and "discharge-advice" not in q.concepts, q.concepts


def test_home_asked_after_a_pump_overdose_leads_with_the_24_hour_watch(implant_engine):  # type: ignore[no-untyped-def]
    history = ["just did ITDD pump refill (morphine), 15 min later pt very drowsy, RR 7, pinpoint pupils. what now"]
    ans = implant_engine.answer("after naloxone she's more awake - can she go home this evening? family wants to take her", history)
    assert "24 h" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["after TFESI now no power in her legs", "just did TFESI now no movement in her legs",
                                      "just did TFESI, now no sensation in her legs"])
def test_no_power_or_no_sensation_is_a_deficit_told_not_a_sign_denied(question):  # type: ignore[no-untyped-def]
    assert triage(question, "en", ("transforaminal-esi", "esi", "neuraxial-procedure")).urgent


@pytest.mark.parametrize("question", ["just did TFESI, no tinnitus, no weakness, just sore",
                                      "TFESI yesterday, legs fine, no loss of sensation, no power issues, is the soreness normal?"])
def test_signs_denied_stay_denied(question):  # type: ignore[no-untyped-def]
    assert not triage(question, "en", ("transforaminal-esi", "esi", "neuraxial-procedure")).urgent


# ---------------------------------------------------------------- the other side, the eyes, the watch after a wet tap

_SGB_THREAD = ["did US guided L SGB 10 min ago, pt now hoarse voice + droopy L eyelid, is that normal or a complication?",
               "ok. she's asking for a cup of tea, when can she eat n drink"]


def test_the_other_side_in_the_same_sitting_leads_with_the_bilateral_block(sgb_engine):  # type: ignore[no-untyped-def]
    ans = sgb_engine.answer("she also has CRPS R arm, consultant wants to do the R SGB now same sitting - any issue?", _SGB_THREAD)
    first = _bullets(ans.text)[0]
    assert "bilateral" in first and "Nothing in the knowledge base" not in ans.text, ans.text


def test_the_condition_a_block_is_done_for_is_no_contraindication_asked(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("she also has CRPS R arm, consultant wants to do the R SGB now same sitting - any issue?", _SGB_THREAD)
    assert "bilateral-block" in q.concepts, q.concepts


def test_the_annual_limit_for_my_eyes_is_the_eye_lens_limit(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("eyes-241", ("radiation-contrast", "ultrasound-pneumothorax"))
    history = ["i'm a nurse on the pain fluoro list and just found out im 8wks pregnant. do i have to stop going in the room?",
               "whats the dose limit for the baby and where do i wear the badge"]
    ans = e.answer("also whats the annual limit for my eyes, do i need the lead glasses", history)
    assert "eye lens" in _bullets(ans.text)[0].lower() or "eye-lens" in _bullets(ans.text)[0].lower(), ans.text


@pytest.fixture(scope="module")
def tap_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("tap-241", ("pdph", "esi-interlaminar-caudal", "esi-general"))


@pytest.mark.parametrize(("question", "words"), [
    ("recovery: C7-T1 ILESI done, consultant thinks there was a dural puncture, nothing injected, pt fine now - what do I watch for?",
     "5 days"),
    ("复苏室 C7T1 IL ESI做完 主任说可能穿破硬膜了 药没推 病人现在还好 我要盯啥", "5 天"),
])
def test_what_to_watch_after_a_wet_tap_is_the_headaches_signs(tap_engine, question, words):  # type: ignore[no-untyped-def]
    ans = tap_engine.answer(question)
    assert words in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- declaring a pregnancy; how much can I give

def test_whether_to_declare_a_pregnancy_goes_on_with_the_pregnant_worker(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("要去科里正式申报吗？不报的话剂量限值按啥算", ["我自己怀孕8周了 还能跟C臂的台吗 打的时候要不要出去"])
    assert "pregnant-staff" in q.all_concepts, q


def test_declaring_a_pregnancy_is_answered_from_the_radiation_passages(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("declare-241", ("radiation-contrast", "ultrasound-pneumothorax"))
    ans = e.answer("要去科里正式申报吗？不报的话剂量限值按啥算", ["我自己怀孕8周了 还能跟C臂的台吗 打的时候要不要出去"])
    assert not ans.abstained and "声明妊娠" in ans.text, ans.text  # (it had abstained)


@pytest.mark.parametrize("question", ["and if we add epinephrine, how much can I give?", "what dose can I give?"])
def test_how_much_can_i_give_asks_a_dose_not_whether(question):  # type: ignore[no-untyped-def]
    assert aspects_of(question, "en") == ("dose",)


def test_can_i_give_alone_still_asks_whether():  # type: ignore[no-untyped-def]
    assert aspects_of("can I give dexamethasone?", "en") == ("contraindications",)


# ---------------------------------------------------------------- the disagreements document does not lead a plain ask

def test_a_plain_dose_ask_is_led_by_the_home_document_not_the_disagreements(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("disputes-241", ("last", "evidence-disagreements"))
    ans = e.answer("and if we add epinephrine, how much can I give?", ["What's the max dose of lidocaine?"])
    first = ans.to_dict()["citations"][0]
    assert first["doc_id"].startswith("last-"), ans.to_dict()["citations"]


def test_the_disagreement_asked_is_still_led_by_the_disagreements(engine_over):  # type: ignore[no-untyped-def]
    e = engine_over("disputes-241", ("last", "evidence-disagreements"))
    ans = e.answer("where do sources disagree on the max lidocaine dose?")
    assert any(c["doc_id"].startswith("evidence-disagreements") for c in ans.to_dict()["citations"][:2]), ans.text


def test_another_injection_too_soon_asks_the_repeat_interval(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("she had L5/S1 TFESI 2 wks ago w triamcinolone, wants another next wk - too soon? how many per yr")
    assert "repeat-injection-limit" in q.parts[0].concepts, q.parts
    assert "repeat-injection-limit" not in framer.frame("is it too soon to restart her apixaban?").concepts


def test_the_difference_between_two_drug_classes_is_not_asked_of_the_route_before(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("颗粒型激素能用于骶管注射吗，另外颗粒型和非颗粒型到底有什么区别？")
    assert len(q.parts) == 2 and "caudal-esi" not in q.parts[1].inherited, q.parts
    # (a later part of its own ask still keeps the procedure: "caudal ESI: max dose? and the dural puncture risk?")
    q = framer.frame("caudal ESI: max dose of triamcinolone? and the risk of dural puncture?")
    assert "caudal-esi" in q.parts[-1].inherited, q.parts


# ---------------------------------------------------------------- review 65: what must not change

def test_a_legs_denial_keeps_the_turn_befores_other_picture():  # type: ignore[no-untyped-def]
    before = "vertebroplasty L1, during cement injection sats dropped to 84% and she's tachypnoeic with chest pain. "
    assert triage("no weakness in her legs. what next?", "en", ("vertebroplasty",), before).rule == "cement-embolism"
    before = "ITDD refill 15 min ago pt very drowsy RR 6 pinpoint pupils. "
    assert triage("legs not weak or numb, what now?", "en", ("intrathecal-drug-delivery",), before).rule == "idd-overdose"
    assert triage("腿不麻也不软 但是尿不出来", "zh", ("caudal-esi", "neuraxial-procedure"), "做完骶管硬膜外注射3小时。").rule == "neuraxial-deficit"


@pytest.mark.parametrize("question", [
    "post L5 TFESI: strong, no dorsiflexion weakness, no foot drop, just sore - normal?",
    "TFESI yesterday, pt says no feeling of numbness or weakness in her legs, just sore - ok?",
    "post MBB, no power loss, walking fine - can she drive?",
])
def test_a_limb_word_after_no_in_a_denial_stays_denied(question):  # type: ignore[no-untyped-def]
    assert not triage(question, "en", ("transforaminal-esi", "esi", "neuraxial-procedure", "medial-branch-block")).urgent


@pytest.mark.parametrize(("history", "question"), [
    (["pt allergic reaction after lidocaine skin infiltration - how do I treat anaphylaxis?"], "and with epinephrine - how much IM?"),
    (["lidocaine test dose before the epidural - how much?"], "with adrenaline?"),
])
def test_adrenaline_asked_in_its_own_right_stays_adrenaline(framer, history, question):  # type: ignore[no-untyped-def]
    assert "epinephrine" in framer.frame(question, history).concepts


@pytest.mark.parametrize("question", ["不良事件要正式申报吗？", "after an SCS implant, any restrictions on lifting while bending?"])
def test_words_near_the_new_ones_keep_their_reading(framer, question):  # type: ignore[no-untyped-def]
    q = framer.frame(question)
    assert "pregnant-staff" not in q.concepts
    assert "mobilisation" in q.concepts or "SCS" not in question
