"""Round 243's leftovers and round 244 (a Friday afternoon in a pain and spine service: the day-case recovery nurse, the
on-call registrar, a GP, a spinal surgeon, a radiographer, an anaesthetist; English and Chinese): a pump's catheter-tip
mass told by its signs, a calm ask after a settled emergency, a scan asked safe beside an implant, anaphylaxis after any
injection, how long a steroid's hyperglycaemia lasts, what a follow-up tells of the turn before."""

from __future__ import annotations

import re

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon
from assistant.safety import delayed_onset, granuloma_shown, triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.fixture(scope="module")
def friday(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("friday-244", ("anticoagulants", "esi-general", "esi-transforaminal", "esi-interlaminar-caudal",
                                      "intrathecal-drug-delivery", "spinal-cord-stimulation", "infection-control",
                                      "patient-selection-monitoring", "radiation-contrast", "vertebral-augmentation",
                                      "spinal-haematoma", "epiduroscopy-adhesiolysis", "pdph", "facet-mbb-rfa", "last"))


# ---------------------------------------------------------------- a pump's catheter-tip mass, told by its signs

_CREEPING = ("his pain has been creeping up for months even tho they keep turning the pump up, and the last few wks his legs "
             "feel weak and hes had a couple of accidents with his bladder. is that connected??")
_CREEPING_ZH = "病人女儿来电话：她爸装鞘内吗啡泵3年，最近说越来越不止痛，调高剂量也没用，两条腿有点麻 走路发飘"


@pytest.mark.parametrize("question", [_CREEPING, _CREEPING_ZH])
def test_failing_analgesia_then_a_deficit_in_a_pump_patient_is_the_catheter_tip_mass(friday, question):  # type: ignore[no-untyped-def]
    ans = friday.answer(question)
    assert ans.urgent and ("catheter-tip granuloma" in ans.text.split("\n", 1)[0] or "导管尖端肉芽肿" in ans.text.split("\n", 1)[0]), ans.text
    first = _bullets(ans.text)[0]
    assert "plain film" in first or "X 线平片" in first, ans.text
    # (no haematoma's signs or steps: no antithrombotic makes one the likelier cause)
    assert "Spinal epidural haematoma presents" not in ans.text and "647" not in ans.text, ans.text


def test_the_mass_looked_for_by_the_thread_after_an_overdose(friday):  # type: ignore[no-untyped-def]
    thread = ["hi my dad has a morphine pump in his tummy, they refilled it yesterday at the clinic. today hes really drowsy, "
              "hard to wake and his breathing seems slow. what should we do?",
              "ambulance came, he's ok now in hospital. how could this have happened from a refill?"]
    ans = friday.answer("also " + _CREEPING, thread)
    assert "plain film" in _bullets(ans.text)[0], ans.text


def test_a_pump_patients_deficit_with_an_anticoagulant_keeps_the_haematoma_pathway(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("pump pt on apixaban, analgesia failing despite dose increases, now new leg weakness. what now")
    assert ans.urgent and "granuloma" not in ans.text.split("\n", 1)[0], ans.text


@pytest.mark.parametrize("question", ["granuloma - does it need surgery?", "if it is a granuloma, will he need an operation",
                                      "肉芽肿 要开刀吗", "肉芽肿 需要手术吗"])
def test_whether_it_is_operated_on_asks_its_treatment(framer, question):  # type: ignore[no-untyped-def]
    assert framer.frame(question).parts[0].aspects[:1] == ("action",)


# ---------------------------------------------------------------- a calm ask after a settled emergency

def test_a_what_if_after_the_emergency_settled_is_no_emergency(friday):  # type: ignore[no-untyped-def]
    thread = ["reg doing his first epiduroscopy next wk for FBSS adhesions - whats the scary complication and how much saline is too much?",
              "ok its now mid procedure, pt suddenly c/o bad neck pain and says his vision's gone blurry. what now"]
    ans = friday.answer("settled. if hed torn the dura instead what wouldve we been looking at", thread)
    assert not ans.urgent, ans.text
    assert any("dura" in b for b in _bullets(ans.text)[:2]), ans.text


def test_a_torn_dura_is_the_dural_puncture(framer):  # type: ignore[no-untyped-def]
    assert "dural-puncture" in framer.frame("what if we tore the dura").concepts
    assert "dural-puncture" in framer.frame("如果撕破硬膜了怎么办").concepts


# ---------------------------------------------------------------- a scan asked safe beside an implant

@pytest.mark.parametrize("question", ["the hospital want to MRI his back - is that safe with the stimulator and the pump in?",
                                      "装了泵和刺激器 核磁能做吗"])
def test_a_scan_asked_safe_beside_an_implant_is_the_devices_mri_conditions(framer, question):  # type: ignore[no-untyped-def]
    assert "implant-mri-conditions" in framer.frame(question).concepts


def test_a_scan_for_a_deficit_beside_a_stimulator_is_still_the_scan(framer):  # type: ignore[no-untyped-def]
    assert "implant-mri-conditions" not in framer.frame("pt with SCS has new leg weakness after a fall, can we MRI him?").concepts


def test_the_devices_mri_said_missing_inside_an_infection_thread(friday):  # type: ignore[no-untyped-def]
    thread = ["my father also has a spinal cord stimulator (Nevro I think). since he fell last week the buzzing has moved, its in "
              "his tummy now not his back and legs. is it broken?",
              "and now the scar over the battery on his bum is red and oozing a bit and he's 38.2. can they just give him antibiotics?"]
    ans = friday.answer("the hospital want to MRI his back - is that safe with the stimulator and the pump in?", thread)
    assert "Nothing in the knowledge base on MRI with an implanted device" in ans.text, ans.text
    assert "647" not in ans.text, ans.text


# ---------------------------------------------------------------- inside an emergency thread

def test_how_a_refill_did_this_is_answered_after_the_rescue(friday):  # type: ignore[no-untyped-def]
    thread = ["on call reg. ward says ITDD pt had morphine pump refilled this afternoon, now v drowsy, RR 7, pinpoint pupils"]
    ans = friday.answer("how could a refill do this? pump was checked", thread)
    bullets = _bullets(ans.text)
    assert ans.urgent and "naloxone" in bullets[0] and any("wrong port" in b for b in bullets[1:3]), ans.text


def test_how_fast_to_theatre_leads_with_the_window(friday):  # type: ignore[no-untyped-def]
    thread = ["L4/5 ILESI at 11am, pt was fine in recovery but now both legs numb and cant lift them, worse back pain. what now",
              "she's on clexane 40mg od, last dose 10pm last night"]
    ans = friday.answer("if it is a haematoma how fast does she need to get to theatre", thread)
    assert ans.urgent and (" h " in _bullets(ans.text)[0] or "hours" in _bullets(ans.text)[0]), ans.text


def test_this_mornings_list_told_now_is_a_delayed_onset():  # type: ignore[no-untyped-def]
    question = "复苏室这边 上午L4/5 TF打完的老太太 现在说俩腿没劲抬不起来 腰背痛的厉害 她一直吃波立维的 咋办"
    assert delayed_onset(question, "zh")
    assert triage(question, "zh").rule == "neuraxial-deficit"
    assert not delayed_onset("上午L4/5 TF 打的时候病人突然说腿麻", "zh")


def test_the_scan_come_back_is_a_study_done(friday):  # type: ignore[no-untyped-def]
    thread = ["复苏室这边 上午L4/5 TF打完的老太太 现在说俩腿没劲抬不起来 腰背痛的厉害 她一直吃波立维的 咋办", "MRI排到明早了 能等吗？"]
    ans = friday.answer("MRI出来了 硬膜外血肿 神外说要减压，家属在闹 问为啥会这样，怎么跟他们讲？预后咋样", thread)
    assert "减压" in _bullets(ans.text)[0] and "检查患者" not in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- after other procedures, and other pictures

def test_low_grade_temps_weeks_after_a_vertebroplasty_is_the_infection_pathway(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("pt 6 wks post L2 vertebroplasty now worse back pain, CRP 120, low grade temps. what am i worried about "
                        "and how common is infection after PVP")
    assert ans.urgent and ans.pathway == "implant-infection", ans.text
    assert "SCS" not in ans.text and "spinal cord stimulation" not in ans.text, ans.text  # (no other procedure's rate)


def test_what_am_i_worried_about_asks_the_picture(framer):  # type: ignore[no-untyped-def]
    assert "recognition" in framer.frame("CRP 120 after his PVP, what am i worried about").aspects


@pytest.mark.parametrize("question", ["caudal epi done 20 min ago, pt now itchy all over with hives, wheezy, BP 78/40",
                                      "骶管注射完20分钟 全身起风团 痒 有点喘 血压80/45"])
def test_hives_and_a_wheeze_after_any_injection_are_anaphylaxis(question):  # type: ignore[no-untyped-def]
    assert triage(question, "zh" if "骶" in question else "en").rule == "contrast-anaphylaxis"


@pytest.mark.parametrize("question", ["TFESI with dex this am, face flushed and itchy, BP fine. normal?", "pt had ESI yesterday, itchy rash on back today"])
def test_a_flush_or_a_rash_alone_is_no_anaphylaxis(question):  # type: ignore[no-untyped-def]
    assert triage(question, "en").rule != "contrast-anaphylaxis"


def test_itching_after_an_intrathecal_morphine_trial_is_said_not_covered(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("had an intrathecal morphine trial 2 hrs ago, now itchy all over and cant stop scratching, anything to give?")
    assert not ans.urgent and ans.text.startswith("Not covered"), ans.text


@pytest.mark.parametrize("question, pathway", [
    ("ITB pump pt itchy all over, spasms getting worse, pump alarm went off and ran out of baclofen yesterday", "baclofen-withdrawal"),
    ("鞘内吗啡测试打完3小时 全身痒 现在叫不醒 呼吸8次", "idd-overdose")])
def test_itching_beside_an_emergency_keeps_its_pathway(friday, question, pathway):  # type: ignore[no-untyped-def]
    ans = friday.answer(question)
    assert ans.urgent and ans.pathway == pathway, ans.text


def test_a_period_told_late_is_a_possible_pregnancy(friday):  # type: ignore[no-untyped-def]
    thread = ["radiographer: whats the eye lens dose limit for staff? our pain consultant never wears lead glasses",
              "one of our radiographers just told us she's 10 wks pregnant, can she still do the pain lists in screening room & whats her limit"]
    ans = friday.answer("also pt on this afternoon list says her period is late, L5 TFESI - do we go ahead?", thread)
    assert "pregnancy" in _bullets(ans.text)[0], ans.text


def test_the_badge_asked_after_a_worker_told_pregnant_is_hers(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("剂量计要戴几个 戴铅衣里面还是外面", ["放射技师 刚查出怀孕8周 疼痛科C臂的活还能干吗？胎儿剂量限值是多少"])
    assert "第二个剂量计" in _bullets(ans.text)[0], ans.text


def test_oozing_after_a_lumbar_rfa_on_a_continued_doac_is_the_low_risk_class(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("L3-5 腰脊神经后支RF做完 穿刺点一直往外渗血 按了10分钟还有 病人拜瑞妥没停 下肢感觉运动都正常")
    assert "低风险" in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- drugs and glucose

def test_taking_clopidogrel_back_asks_its_restart(friday):  # type: ignore[no-untyped-def]
    thread = ["波立维加拜阿司匹灵双抗 去年10月放的药物支架 要做C6/7 TF 两个药都要停吗 停几天"]
    ans = friday.answer("心内说阿司匹林不能停 波立维可以停 那做完多久能吃回波立维", thread)
    assert "12–24" in _bullets(ans.text)[0] and "未给出" not in ans.text, ans.text


def test_how_long_steroid_hyperglycaemia_lasts_is_its_days(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("how long does steroid hyperglycaemia last after an epidural")
    first = _bullets(ans.text)[0]
    assert "glucose" in first and re.search(r"\bday \d|\d days\b", first), ans.text


def test_a_high_reading_then_how_long_till_it_comes_down(friday):  # type: ignore[no-untyped-def]
    thread = ["L4 TFESI做完回病房 病人脸红发热 心慌 说晚上肯定睡不着了 这是过敏吗？"]
    ans = friday.answer("他还是胰岛素依赖的DM 刚测指尖糖18.6 要紧不 多久能降回来", thread)
    assert "未涵盖" not in ans.text and "高血糖" in _bullets(ans.text)[0], ans.text


def test_a_glucose_told_high_is_the_steroids_hyperglycaemia(framer):  # type: ignore[no-untyped-def]
    assert "steroid-hyperglycaemia" in framer.frame("刚测指尖糖18.6 要紧不").concepts
    assert "steroid-hyperglycaemia" not in framer.frame("刚测指尖糖6.2 正常吗").concepts


def test_the_wrong_place_at_a_refill_is_a_medication_error(framer):  # type: ignore[no-untyped-def]
    assert "medication-error" in framer.frame("家属问是不是加药的时候打错地方了").concepts


# ---------------------------------------------------------------- a told sentence before two asks

def test_a_told_sentence_then_two_asks_is_two_parts(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("GP: pt had L5/S1 TFESI yesterday, warfarin held 5 days, INR 1.1 pre-op. when restart warfarin and does he "
                     "need clexane bridging? AF, CHADS2 2")
    assert len(q.parts) == 2 and "bridging-anticoagulation" in q.parts[1].concepts, q.parts
    assert "warfarin" in q.parts[0].concepts and "bridging-anticoagulation" not in q.parts[0].concepts, q.parts


@pytest.mark.parametrize("question", ["pt on apixaban. ESI tomorrow. how long to hold?", "Dr. Smith wants a TFESI. is that ok on warfarin?"])
def test_told_sentences_before_one_ask_stay_one_part(framer, question):  # type: ignore[no-untyped-def]
    assert len(framer.frame(question).parts) == 1


def test_the_restart_and_the_bridge_each_answered(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("GP: pt had L5/S1 TFESI yesterday, warfarin held 5 days, INR 1.1 pre-op. when restart warfarin and does "
                        "he need clexane bridging? AF, CHADS2 2")
    lines = ans.text.split("\n")
    heads = [i for i, line in enumerate(lines) if line.startswith("**")]
    assert len(heads) == 2 and "24 h" in lines[heads[0] + 1] and "bridging" in lines[heads[1] + 1], ans.text


def test_dc_home_asks_the_discharge(framer):  # type: ignore[no-untyped-def]
    assert "discharge-advice" in framer.frame("R SIJ inj this am, now R leg numb. ok to dc home?").concepts


@pytest.mark.parametrize("question", ["dental IAN block, max number of articaine 4% cartridges for a 60kg adult?",
                                      "口腔科同事问 下牙槽神经阻滞 阿替卡因一次最多能打几支 成人60kg"])
def test_a_dental_block_is_out_of_scope(framer, question):  # type: ignore[no-untyped-def]
    assert "inferior-alveolar-nerve-block" in framer.frame(question).concepts


# ---------------------------------------------------------------- review 67

@pytest.mark.parametrize("question", [
    "pump pt on Xarelto, analgesia failing despite dose increases, now new leg weakness. what now",
    "ITB pump, spasticity worse despite turning the pump up, new leg weakness this week",
    "post-op day 2 after laminectomy, epidural infusion pump running, analgesia failing despite increasing the rate, now both legs weak and numb. what now"])
def test_no_granuloma_banner_for_an_anticoagulant_a_baclofen_pump_or_an_epidural_pump(question):  # type: ignore[no-untyped-def]
    t = triage(question, "en")
    assert t.urgent and "granuloma" not in t.escalation, t.escalation


@pytest.mark.parametrize("question", [
    "the past few months his legs have been weak from his stenosis, booked for ILESI next week - ok to go ahead?",
    "lately we've been doing more cervical TFESIs - what's the paraplegia risk with particulate steroid?"])
def test_a_chronic_picture_or_an_audit_is_no_emergency(question):  # type: ignore[no-untyped-def]
    assert not triage(question, "en").urgent


def test_weakness_during_the_push_this_morning_is_the_immediate_picture():  # type: ignore[no-untyped-def]
    assert triage("早上做的颈椎TF 推药的时候他就说胳膊没劲了 现在还是抬不起来", "zh").rule == "esi-stroke"


def test_an_itchy_wound_days_later_is_no_anaphylaxis():  # type: ignore[no-untyped-def]
    assert triage("SCS植入术后第3天 伤口有点痒 今天突然喘不上气 胸口痛", "zh").rule == "pneumothorax"


@pytest.mark.parametrize("question", ["planned SCS implant next month on aspirin - does he need surgery-level bleeding precautions?",
                                      "腰椎间盘突出 下周安排了TF 需要手术吗"])
def test_surgery_asked_of_a_plan_is_no_rescue(framer, question):  # type: ignore[no-untyped-def]
    assert "action" not in framer.frame(question).aspects


@pytest.mark.parametrize("question", ["指尖糖12点测的是6.8", "BG 180", "glucose 110", "sugars fine, 12 days since"])
def test_a_clock_time_or_a_normal_reading_is_no_high_glucose(framer, question):  # type: ignore[no-untyped-def]
    assert "steroid-hyperglycaemia" not in framer.frame(question).concepts


@pytest.mark.parametrize("question", ["TF打错地方了 怎么办", "injected at the wrong place - did L3/4 instead of L4/5 TFESI"])
def test_a_wrong_level_is_no_pump_error(framer, question):  # type: ignore[no-untyped-def]
    assert "medication-error" not in framer.frame(question).concepts


def test_dc_a_drug_is_no_discharge(framer):  # type: ignore[no-untyped-def]
    assert "discharge-advice" not in framer.frame("ok to dc his clopidogrel?").concepts


def test_a_told_question_then_not_sure_stays_one_ask(framer):  # type: ignore[no-untyped-def]
    assert len(framer.frame("He's on warfarin for AF? Not sure. What INR is ok for a lumbar facet MBB?").parts) == 1


def test_a_restart_asked_how_soon_is_not_led_by_the_decompression_window(friday):  # type: ignore[no-untyped-def]
    thread = ["复苏室这边 上午L4/5 TF打完的老太太 现在说俩腿没劲抬不起来 腰背痛的厉害 她一直吃波立维的 咋办", "MRI排到明早了 能等吗？"]
    ans = friday.answer("减压后多快能恢复吃波立维", thread)
    assert "8小时" not in _bullets(ans.text)[0] and "8 小时" not in _bullets(ans.text)[0], ans.text


def test_each_drugs_own_strength_turns_its_figure_into_ml(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("另外利多卡因极量多少？病人45kg，医生还想混0.5%布比卡因一起打", ["药房核对：颈椎C6 TF 医嘱得宝松1ml+2%利多卡因1ml，这个激素选得对吗"])
    assert "利多卡因：3 mg/kg → 135 mg，即 0.5%" not in ans.text and "布比卡因：2 mg/kg → 90 mg，即 0.5% 溶液 18 mL" in ans.text, ans.text


def test_do_they_add_up_is_the_mixture_rule(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("pharmacy q: 52kg lady, bilat L3-5 MBB then RFA - consultant wants lidocaine 2% for skin + 0.5% bupi at each of "
                        "6 levels. whats the max mg/kg for each and do they add up?")
    assert "most toxic" in _bullets(ans.text)[0] and "Not covered" not in ans.text, ans.text


def test_lay_words_for_fever_back_pain_and_a_failing_leg_after_a_caudal_are_the_abscess():  # type: ignore[no-untyped-def]
    t = triage("GP rang: pt had caudal epidural last wed (diabetic, on MTX for RA), now temp 39, back much worse, can barely get out "
               "of chair, says R leg 'not working right'", "en")
    assert t.urgent and "abscess" in t.escalation, t.escalation


def test_consenting_for_tomorrow_is_no_emergency():  # type: ignore[no-untyped-def]
    assert not triage("fellow q: consenting for epiduroscopy + adhesiolysis tmrw. is the visual loss thing real? how often, and what "
                      "do we do in theatre to avoid it", "en").urgent


def test_a_nurse_telling_a_postural_headache_gets_its_care(framer):  # type: ignore[no-untyped-def]
    for q in ("护士：昨天IL硬外的病人 今天一坐起来就头痛，躺下好点", "pt from yesterdays ILESI rang, headache when she sits up, better lying flat"):
        assert framer.frame(q).aspects[:1] == ("action",), q


def test_a_carpal_tunnel_injection_is_out_of_scope(framer):  # type: ignore[no-untyped-def]
    assert "soft-tissue-injection" in framer.frame("hand clinic overflow - CTS steroid inj, complication rates?").concepts


# ---------------------------------------------------------------- round 245

def test_the_stimulation_moved_off_the_legs_is_the_lead_not_a_deficit(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("SCS植入半年的病人打电话说刺激感跑到肚子上了，腿上没感觉了 咋回事 需要做啥")
    assert not ans.urgent and "电极移位" in ans.text, ans.text


def test_a_procedure_given_up_is_not_the_one_asked_about(framer):  # type: ignore[no-untyped-def]
    for q in ("那不打肉毒素，就做超声下梨状肌激素注射，病人吃拜瑞妥要停吗",
              "not doing botox anymore, just a US-guided piriformis steroid injection - pt on xarelto, stop it?"):
        assert "botulinum-toxin-injection" not in framer.frame(q).concepts, q
    assert "botulinum-toxin-injection" in framer.frame("pt wants botox for his back - on xarelto, stop it?").concepts


def test_cement_emboli_seen_once_she_is_symptom_free_is_no_emergency(friday):  # type: ignore[no-untyped-def]
    thread = ["PKP T12 正在推骨水泥，推到大概4ml，病人突然说胸闷喘不上气，SpO2 从98掉到87，血压还行，咋办"]
    ans = friday.answer("后来CT肺动脉看到右下肺外周有几小块水泥，病人吸氧后没症状了，要不要抗凝？", thread)
    assert not ans.urgent and "随访" in _bullets(ans.text)[0], ans.text


def test_the_implant_once_the_trial_infection_settles_is_its_prevention(friday):  # type: ignore[no-untyped-def]
    thread = ["SCS trial leads in since mon (percutaneous, externalised). pt phoning today temp 38.4, exit site red and oozing cloudy stuff. what now",
              "so do the leads come out today? and if it was just a bit of red skin, no fever, no pus?"]
    ans = friday.answer("if it settles can we still go ahead with the full implant? anything to do differently re abx / prep", thread)
    assert not ans.urgent and "NACC" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["pt 5 days post caudal, fever 38.6 and new back pain. what am i worried about?",
                                      "day 4 post caudal, running a temp and back pain getting worse"])
def test_a_fever_and_back_pain_after_a_caudal_is_the_infection_pathway(question):  # type: ignore[no-untyped-def]
    assert triage(question, "en").rule == "implant-infection"


@pytest.mark.parametrize("history, question", [
    ((), "pt on xarelto 20 od for AF, L4/5 TFESI next wk - does he need clexane cover?"),
    (("GP: pt had L5/S1 TFESI yesterday, warfarin held 5 days, INR 1.1 pre-op. when restart warfarin and does he need clexane "
      "bridging? AF, CHADS2 2", "what if he had a metal mitral valve instead"), "and if he'd been on apixaban not warfarin?")])
def test_a_doac_is_not_bridged(friday, history, question):  # type: ignore[no-untyped-def]
    ans = friday.answer(question, list(history))
    assert "not appropriate" in _bullets(ans.text)[0], ans.text


# ---------------------------------------------------------------- round 246

@pytest.mark.parametrize("question", [
    "另一个SCS的，植入3周，说原来腿上那种麻麻的刺激感跑到屁股上了，腿上没有了 是不是电极跑了？",
    "DRG刺激器的病人，昨天弯腰搬东西以后一阵一阵像过电一样，遥控器调低了还是有，咋回事 要不要让他回来"])
def test_a_stimulators_own_sensation_moved_or_shocking_is_no_deficit(question):  # type: ignore[no-untyped-def]
    assert not triage(question, "zh").urgent


def test_a_stimulator_patients_legs_going_weak_is_still_a_deficit():  # type: ignore[no-untyped-def]
    assert triage("SCS植入半年 刺激感还在腿上 但是两条腿突然没感觉了 动不了", "zh").urgent


def test_lost_coverage_since_bending_is_the_lead_not_mobilising(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("pt 3 wks post SCS implant (percutaneous leads), says the tingling has moved into her lower back and she's "
                        "lost it in both legs since she was bending over in the garden. whats going on")
    assert "migration" in _bullets(ans.text)[0], ans.text


def test_antibiotics_told_against_suture_removal_ask_the_prophylaxis(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("SCS植入的预防性抗生素一般用到啥时候 我们科习惯用到拆线")
    assert "wound-care" not in q.concepts and "antibiotic-prophylaxis" in q.concepts


def test_this_afternoons_list_told_tonight_is_a_delayed_onset():  # type: ignore[no-untyped-def]
    assert triage("L5/S1 TF下午做的，晚上病人说两条腿没劲 尿不出来，他吃拜瑞妥 只停了2天，what do I do now", "zh").rule == "neuraxial-deficit"


def test_a_sore_battery_site_with_no_fever_is_the_pocket_pain(friday):  # type: ignore[no-untyped-def]
    ans = friday.answer("SCS植入术后第10天电话随访，病人说电池那块一直疼，一按更疼，没发烧 切口看着还行。这种常见吗")
    assert "17%" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question, concept", [
    ("GP wants to know how often a subacromial shoulder steroid injection gets infected, pt worried", "peripheral-joint-site"),
    ("DRG stim pt (Axium) needs 2 wisdom teeth out at dentist next month - does she need antibiotic cover for the implant?",
     "dental-antibiotic-cover")])
def test_another_specialtys_injection_or_dental_cover_is_out_of_scope(framer, question, concept):  # type: ignore[no-untyped-def]
    assert concept in framer.frame(question).concepts


# ---------------------------------------------------------------- review 68

@pytest.mark.parametrize("question", ["SCS植入术后 病人从平车移到床上 腿上没感觉了", "SCS术后第1天 从监护室转到普通病房后 两条腿没感觉了"])
def test_a_patient_moved_whose_legs_went_numb_is_a_deficit(question):  # type: ignore[no-untyped-def]
    assert triage(question, "zh").rule == "neuraxial-deficit"


@pytest.mark.parametrize("question, lang", [
    ("SIJ injection done, within 5 min she's itchy, wheezing and BP 76/40", "en"),
    ("caudal 10 min ago, pt itching and scratching, lips swelling, wheezy, BP 80/50", "en"),
    ("注射完 浑身发痒 喉头发紧 说话声音变了", "zh"), ("刚打完封闭 全身发痒 喉咙发紧 血压70/40", "zh")])
def test_an_itch_with_the_airway_or_circulation_after_an_injection_is_anaphylaxis(question, lang):  # type: ignore[no-untyped-def]
    assert triage(question, lang).rule == "contrast-anaphylaxis"


def test_weeks_of_fever_and_back_pain_from_a_wound_stay_urgent():  # type: ignore[no-untyped-def]
    assert triage("last 2 weeks fever and back pain due to the SCS wound?", "en").urgent


@pytest.mark.parametrize("question", ["昨天做的TF 当时就好好的 今天早上两腿没劲抬不起来",
                                      "腰椎TF做完回家 第二天早上腿没劲 推药的时候没什么感觉 吃着利伐沙班",
                                      "上午做的腰椎TF 推药的时候没事 下午4点开始腿麻没力气 一直吃着阿司匹林"])
def test_fine_at_the_time_then_weak_later_is_the_delayed_pathway(question):  # type: ignore[no-untyped-def]
    assert triage(question, "zh").rule == "neuraxial-deficit"


@pytest.mark.parametrize("question", [
    "pt 80 yo can barely get out of the chair due to hip OA, booked L4/5 facet injection next week - hold aspirin?",
    "R leg not working right since his stroke 2 yrs ago; had L5 TFESI yesterday, now headache when sitting up"])
def test_a_chronic_cause_told_for_the_plain_words_is_no_deficit(question):  # type: ignore[no-untyped-def]
    assert triage(question, "en").rule != "neuraxial-deficit"


def test_a_restart_told_is_no_restart_asked(friday):  # type: ignore[no-untyped-def]
    thread = ["复苏室这边 上午L4/5 TF打完的老太太 现在说俩腿没劲抬不起来 腰背痛的厉害 她一直吃波立维的 咋办"]
    ans = friday.answer("她昨晚已经恢复吃波立维了 多快要做减压", thread)
    assert "8" in _bullets(ans.text)[0] or "12" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["pump pt not on any blood thinners, analgesia failing despite dose increases, now new leg weakness",
                                      "IT morphine pump, had a laminectomy years ago, analgesia failing despite dose increases, now new leg weakness"])
def test_a_denied_drug_or_an_old_operation_keeps_the_mass_banner(question):  # type: ignore[no-untyped-def]
    t = granuloma_shown(triage(question, "en"), question, "en")
    assert "granuloma" in t.escalation, t.escalation


def test_skipping_a_drug_still_asks_about_it(framer):  # type: ignore[no-untyped-def]
    assert "aspirin" in framer.frame("skip the aspirin before his TFESI?").concepts


def test_calling_the_doctor_after_an_sgb_asks_whether_it_is_expected(framer):  # type: ignore[no-untyped-def]
    assert framer.frame("SGB done 10 min ago, droopy eyelid and hoarse voice - should i call the reg?").aspects[:1] == ("expected",)
