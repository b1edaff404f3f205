"""Round 80 (a fellow's questions between cases, typed in shorthand): another neuraxial procedure's haematoma estimate
is no ESI's; a study's size is no count of the complication; a Chinese term hidden by another procedure's keeps no
concept of its own; new root pain with cement in view is urgent; shorthand (rxn, yr, intravasc, neg aspiration, "no
time for the 13h", "ok to use") is read; a drug name the base does not know is said to be unknown when a hold is asked;
a part asking when and how long gets both times; asked whether she may drive, the advice not to; an emergency follow-up
asking how to push the lipid leads with the regimen for the weight told; "X和Y哪个更安全" compares them. Round 81
(night calls, pre-procedure clinic): a patient's complication told with no question asks what to do; a follow-up's drug
is searched with the complication before; paramedics are no new subject; "MRI not available" leads with CT
myelography; a shock weeks after an ESI is not the block's; chemonucleolysis is not covered; an age of 75 or more is
older age, which brings the bleeding-risk upgrade rule."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerEngine
from assistant.compose import COUNT
from assistant.lexicon import load_lexicon


@pytest.fixture(scope="module")
def shorthand(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("shorthand-index")
    copy_corpus(root / "corpus", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-transforaminal", "vertebral-augmentation",
                                  "radiation-contrast", "last", "spinal-cord-stimulation", "infection-control", "sacroiliac",
                                  "intradiscal-pldd", "pdph", "esi-interlaminar-caudal", "intrathecal-drug-delivery",
                                  "patient-selection-monitoring", "epiduroscopy-adhesiolysis"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


@pytest.mark.parametrize("question", ["Incidence of epidural hematoma after ESI?", "硬膜外类固醇注射后硬膜外血肿的发生率？"])
def test_epidural_anaesthesias_haematoma_estimate_does_not_lead_an_esi_answer(shorthand, question):
    ans = shorthand.answer(question)
    first = ans.bullets[0]["text"]
    assert not any(k in first for k in ("190,000", "200,000", "epidural anaesthesia", "硬膜外麻醉", "产科")), ans.text
    assert any(k in first for k in ("ESI", "epidural steroid injection", "硬膜外类固醇注射")), ans.text
    assert ans.bullets[0]["group"] == "complications", ans.text  # (not decompression's "647 例" review size)


def test_a_term_hidden_by_an_unrelated_procedures_term_names_nothing():
    lx = load_lexicon()
    found = {(m.surface, m.concept) for m in lx.match("瑞典产科硬膜外阻滞约为 1/200,000")}
    assert ("产科硬膜外", "labour-epidural") in found and not any(c == "esi" for _, c in found), found
    # (a narrower procedure's term keeps its broader one's free part: 经椎间孔硬膜外阻滞 is an ESI)
    assert ("阻滞", "esi") in {(m.surface, m.concept) for m in lx.match("胸椎经椎间孔硬膜外阻滞的穿刺针")}


@pytest.mark.parametrize(("text", "counts"), [("一项 647 例椎管内病例的综述显示，超过 12 小时才减压者预后更差", False),
                                              ("在 647 例病例的综述中，保守治疗主要在这两类患者中取得成功", False),
                                              ("第 48 天时 14 例中有 5 例反应减弱", True), ("296 次阻滞中发生 1 例气胸", True)])
def test_a_studys_size_is_no_count(text, counts):
    assert bool(COUNT.search(text)) is counts


@pytest.mark.parametrize("question,first", [("kypho, lateral view shows cement going into canal and pt c/o new leg pain", "urgent CT"),
                                            # (the CT already shows it: what treats it leads, the CT that found it after)
                                            ("PVP做完，病人新出现腿疼，CT看骨水泥进了椎管", "减压")])
def test_new_root_pain_with_cement_in_view_is_urgent_with_the_ct_first(shorthand, question, first):
    ans = shorthand.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text
    assert first in ans.bullets[0]["text"], ans.text


@pytest.mark.parametrize("question", ["how common is new radicular pain after vertebroplasty?", "骨水泥渗漏后新出现下肢疼痛多常见？"])
def test_asking_how_common_root_pain_is_after_cement_is_no_emergency(shorthand, question):
    assert not shorthand.answer(question).urgent


def test_a_follow_up_with_no_time_for_the_13_hour_regimen_gets_the_urgent_iv_one(shorthand):
    ans = shorthand.answer("what if case is tomorrow am, no time for the 13h regimen", ["pt w prior contrast rxn, lumbar ILESI next wk - premed?"])
    assert "methylprednisolone 40 mg" in ans.bullets[0]["text"], ans.text
    first = shorthand.answer("pt w prior contrast rxn, lumbar ILESI next wk - premed?")
    assert "prednisone 50 mg" in first.bullets[0]["text"], first.text  # (not the ESI's generic safeguards)


def test_a_repeat_limit_in_shorthand_is_answered(shorthand):
    ans = shorthand.answer("max number of ESIs per yr?")
    # (the verified review's limits lead; the commonly quoted, unverified 3–4 a year follows)
    assert not ans.abstained and "6 per year" in ans.bullets[0]["text"] and "3–4" in ans.text, ans.text


def test_a_negative_aspiration_asked_in_shorthand_is_covered(shorthand):
    ans = shorthand.answer("intravasc rate at S1 TF? and does neg aspiration rule it out")
    assert "Not covered" not in ans.text and "44.7%" in ans.text and "21.3%" in ans.text, ans.text


def test_ok_to_use_a_steroid_asks_whether_it_may_be_used(shorthand):
    ans = shorthand.answer("ok to use kenalog for cervical TF?")
    assert "should not be used for therapeutic cervical" in ans.bullets[0]["text"], ans.text


@pytest.mark.parametrize(("question", "name"), [("泰嘉要停几天做TFESI", "泰嘉"), ("how long to hold zontivity before TFESI", "zontivity")])
def test_a_drug_name_the_base_does_not_know_is_said_before_the_procedures_class(shorthand, question, name):
    ans = shorthand.answer(question)
    assert name in ans.text.splitlines()[0], ans.text
    assert not any(k in ans.text for k in ("地塞米松", "dexamethasone", "回抽", "aspiration")), ans.text


def test_a_part_asking_when_and_how_long_gets_both_times(shorthand):
    ans = shorthand.answer("SCS感染率多少，抗生素预防什么时候给、用多久")
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert any("切皮前 1 h" in t for t in second) and any("24 h" in t for t in second), ans.text


def test_can_she_drive_home_gets_the_advice_not_to_drive(shorthand):
    ans = shorthand.answer("骶髂关节注射完腿麻了，能自己开车回家吗")
    # (the driving advice leads: not to drive after a local anaesthetic, or the SI joint's own "while the leg is numb")
    assert "驾车" in ans.bullets[0]["text"] or "驾驶" in ans.bullets[0]["text"], ans.text
    # (another region's discharge advice is no answer for a lumbar procedure)
    lumbar = shorthand.answer("腰椎硬膜外注射做完准备离院，出院宣教要告诉病人哪些情况需要立即返院？")
    assert not any("胸椎和颈椎" in b["text"] for b in lumbar.bullets), lumbar.text


def test_an_emergency_follow_up_asking_how_to_push_the_lipid_leads_with_the_weights_regimen(shorthand):
    ans = shorthand.answer("体重80kg，脂肪乳怎么推", ["急！TFESI刚推了利多卡因病人突然抽搐了怎么办"])
    assert ans.urgent and ">70 kg" in ans.bullets[0]["text"], ans.text
    # (the other weight band's regimen is not the second line of an 80 kg patient's answer)
    assert "≤70 kg" not in ans.bullets[1]["text"], ans.text


@pytest.mark.parametrize("question", ["PVP和PKP哪个更安全", "椎体成形和后凸成形哪个更安全", "地塞米松和曲安奈德哪个好"])
def test_which_of_two_named_is_safer_is_a_comparison(shorthand, question):
    assert "comparison" in shorthand.frame(question, []).aspects


def test_a_rate_leads_before_a_series_where_none_occurred(shorthand):
    ans = shorthand.answer("discitis rate after discography?")
    assert "0/200" not in ans.bullets[0]["text"] and "%" in ans.bullets[0]["text"], ans.text


def test_a_positional_headache_after_a_wet_tap_during_an_esi_is_treated_not_the_injection_stopped(shorthand):
    ans = shorthand.answer("wet tap during LESI w 18g tuohy, pt now has positional HA. conservative tx first?")
    assert "stop if the patient reports" not in ans.bullets[0]["text"], ans.text
    assert any(k in ans.bullets[0]["text"] for k in ("onservative", "blood patch", "EBP")), ans.text


def test_how_often_with_no_level_asked_gets_the_overall_rate_and_the_safest_level_is_a_location(shorthand):
    ans = shorthand.answer("how often do u get a wet tap w cervical ILESI and what level is safest")
    first = [b["text"] for b in ans.bullets if b["part"] == 0][0]
    assert "1.4%" in first, ans.text
    assert shorthand.frame("what level is safest for a cervical ILESI?", []).aspects[:1] == ("location",)


def _lang(text: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


_PDPH_STORY = "pt headache since L5S1 ILESI wet tap 2d ago, worse upright, better flat, no fever"


def test_a_patients_complication_told_with_no_question_asks_what_to_do(shorthand):
    ans = shorthand.answer(_PDPH_STORY)
    assert any(k in ans.bullets[0]["text"] for k in ("onservative", "blood patch", "EBP")), ans.text


def test_a_drug_named_in_a_follow_up_is_searched_with_the_complication_before(shorthand):
    ans = shorthand.answer("caffeine dose?", [_PDPH_STORY])
    assert not ans.abstained and "900 mg" in ans.text, ans.text


def test_who_is_at_the_bedside_is_no_new_subject_of_an_emergency_follow_up(shorthand):
    ans = shorthand.answer("paramedics there now, what do I tell them re the pump",
                           ["wife rang: husband had IT morphine pump refill today, very sleepy, snoring, RR 8, pinpoint pupils"])
    assert ans.urgent and "naloxone" in ans.text, ans.text


def test_mri_not_available_in_an_emergency_follow_up_leads_with_the_alternative(shorthand):
    ans = shorthand.answer("MRI not avail till 8am, it's 1am", ["ward: 78F L4-5 ILESI 2 days ago, xarelto restarted yesterday, "
                                                               "now severe back pain + both legs weak, retaining urine"])
    assert ans.urgent and "CT myelography" in ans.bullets[0]["text"], ans.text


def test_a_shock_weeks_after_an_esi_asking_for_steroid_cover_is_not_the_blocks(shorthand):
    ans = shorthand.answer("pt had epidural triamcinolone 80mg 2 wks ago, now septic on ward, BP 75/40 despite 3L fluids. "
                           "does he need steroid cover?")
    assert "sympathetic effect" not in ans.text and "steroid cover" in ans.text, ans.text


def test_enzymatic_chemonucleolysis_is_not_covered(shorthand):
    ans = shorthand.answer("胶原酶髓核溶解术的知情同意要告知哪些风险？过敏性休克发生率多少？")
    assert ans.abstained and "胶原酶" in ans.text, ans.text


def test_an_age_told_in_a_hold_follow_up_brings_the_upgrade_rule(shorthand):
    ans = shorthand.answer("病人80岁呢", ["阿司匹林肠溶片100mg一级预防，做颈椎经椎板间硬膜外注射，要停吗？"])
    assert any("高一级" in b["text"] for b in ans.bullets), ans.text


@pytest.mark.parametrize(("text", "old"), [("病人80岁呢", True), ("78F L4-5 ILESI", True), ("pt is 82 yo", True),
                                           ("45岁女性", False), ("fever 101F after SCS", False), ("80 mg", False)])
def test_an_age_of_75_or_more_is_older_age(text, old):
    assert any(m.concept == "elderly" for m in load_lexicon().match(text)) is old


def test_a_glucose_follow_up_in_chinese_is_answered(shorthand):
    ans = shorthand.answer("术后血糖会高几天，要监测多久", ["糖尿病人 HbA1c 9.2%，用胰岛素，要做腰椎ESI，术前要注意什么"])
    first = [b["text"] for b in ans.bullets if b["part"] == 0]
    assert first and any(k in first[0] for k in ("2 天", "1.06")), ans.text


@pytest.mark.parametrize("question", ["C6-7 TFESI w/ Kenalog this am, now R arm weak + slurred speech",
                                      "颈6-7 TFESI 今天上午做的，现在右上肢无力、说话含糊",
                                      "epiduroscopy today, ~150ml saline used, now bilat blurry vision + headache"])
def test_a_picture_hours_after_the_procedure_gets_no_step_for_the_procedure_under_way(shorthand, question):
    ans = shorthand.answer(question)
    assert ans.urgent, ans.text
    assert not any(k in b["text"] for b in ans.bullets[:2] for k in ("During transforaminal ESI, stop", "经椎间孔ESI中",
                                                                      "pause the procedure", "Do not inject further")), ans.text


def test_a_picture_during_the_injection_keeps_its_stop_step(shorthand):
    ans = shorthand.answer("正在做颈椎TFESI，推药时病人突然说右手无力、说话含糊")
    assert ans.urgent and any("停止操作" in b["text"] for b in ans.bullets[:2]), ans.text


def test_antiplatelets_that_cannot_be_stopped_bring_the_continued_drug_evidence(shorthand):
    ans = shorthand.answer("心内科说不能停，那这个注射还能做吗", ["药物洗脱支架植入才2个月，阿司匹林+波立维双抗，腰椎TFESI要不要停抗血小板药？"])
    assert any(k in ans.text for k in ("4,766", "275")), ans.text


@pytest.mark.parametrize("question", ["内侧支射频后第3天，皮肤麻、烧灼感，腿有力，大小便正常",
                                      "SCS测试第2天，伤口有点疼，没有腿麻没有无力，大小便正常，不发烧",
                                      "SCS trial day 2, some wound pain, no leg numbness or weakness, bladder and bowels fine, afebrile"])
def test_normal_findings_told_raise_no_banner(question):
    from assistant.safety import triage

    lang = _lang(question)
    assert not triage(question, lang).urgent


@pytest.mark.parametrize("question", ["ILESI后腿没力气，大小便解不出", "after ILESI both legs weak, can't pee"])
def test_abnormal_findings_keep_the_banner(question):
    from assistant.safety import triage

    lang = _lang(question)
    assert triage(question, lang).rule == "neuraxial-deficit"


def test_a_baclofen_pump_written_with_a_homophone_slip_still_raises_withdrawal():
    from assistant.safety import triage

    assert triage("巴氯分泵的病人，泵报警了好几天没管，今天发烧39.2，浑身发紧，一直喊痒，HR 130", "zh").rule == "baclofen-withdrawal"


def test_a_childs_caudal_block_is_not_answered_with_adult_ceilings(shorthand):
    ans = shorthand.answer("caudal block dose of ropivacaine for a 3 yo having inguinal hernia repair?")
    assert ans.abstained and "3 mg/kg" not in ans.text, ans.text


def test_mri_that_cannot_be_had_until_tomorrow_in_chinese_leads_with_the_alternative(shorthand):
    ans = shorthand.answer("MRI明天才能排上，能等吗", ["腰椎ILESI术后第2天，吃利伐沙班，现在双下肢无力、尿不出来"])
    assert ans.urgent and "CT 脊髓造影" in ans.bullets[0]["text"], ans.text


# Review 12: the inputs that the first versions of this session's changes got wrong.
@pytest.mark.parametrize(("question", "lang"), [
    ("stopped clopidogrel 1 week ago, just did coeliac plexus neurolysis, now BP 70/40 HR 125 and pale", "en"),
    ("停用氯吡格雷1周后做腹腔神经丛阻滞，刚做完血压70/40，心率130", "zh"),
    ("上周做过一次ESI，今天做腰交感神经阻滞后血压降到75/40", "zh"),
    ("had a COVID infection 2 weeks ago; during the lumbar sympathetic block BP dropped to 75/40", "en"),
    ("SCS implanted 3 months ago, today IPG replacement, post-op BP 70/40, HR 130, pocket swelling", "en")])
def test_a_shock_now_keeps_its_banner_whatever_else_happened_weeks_ago(question, lang):
    from assistant.safety import triage

    assert triage(question, lang).urgent


@pytest.mark.parametrize(("question", "lang"), [
    ("kyphoplasty planned tomorrow; she has severe leg pain from L4-5 stenosis too, ok to proceed?", "en"),
    ("PKP适应证：椎体骨折伴突然出现下肢放射痛的患者能做吗", "zh"), ("what causes new leg pain after vertebroplasty", "en"),
    ("椎体成形术后出现下肢放射痛的原因有哪些", "zh"), ("PVP骨水泥渗漏导致新发根性疼痛的处理原则", "zh"), ("PKP术后3个月，出现腿疼，怎么办", "zh")])
def test_leg_pain_with_cement_planned_or_asked_in_general_is_no_emergency(question, lang):
    from assistant.safety import triage

    assert not triage(question, lang).urgent


_WARD = "ward: 78F L4-5 ILESI 2 days ago, xarelto restarted yesterday, now severe back pain + both legs weak, retaining urine"


@pytest.mark.parametrize(("follow_up", "not_first"), [("should we do a blood patch?", ("blood patch", "EBP")),
                                                      ("ok, MRI shows epidural haematoma at L4-5", ("obtaining an emergency MRI",))])
def test_a_procedure_proposed_or_done_in_an_emergency_follow_up_never_leads(shorthand, follow_up, not_first):
    ans = shorthand.answer(follow_up, [_WARD])
    assert ans.urgent and not any(k in ans.bullets[0]["text"] for k in not_first), ans.text


@pytest.mark.parametrize("question", ["SCS植入后能不能做MRI？", "鞘内药物泵的病人能不能做MRI检查", "is MRI contraindicated after an SCS implant?"])
def test_mri_with_an_implant_is_still_not_covered(shorthand, question):
    assert shorthand.answer(question).abstained


def test_a_past_complication_with_a_repeat_planned_asks_prevention(shorthand):
    assert shorthand.frame("pt with LAST during SGB last year, now needs repeat SGB", []).aspects[:1] != ("action",)


@pytest.mark.parametrize(("text", "concept"), [("claudication at 80m", None), ("temp 96F", None), ("85 y.o.", "elderly"),
                                               ("80多岁", "elderly"), ("2F catheter", None), ("and if she's 82?", "elderly"),
                                               ("she is 70 kg", None), ("pt is 80", "elderly")])
def test_ages_are_read_but_not_distances_temperatures_or_sizes(text, concept):
    found = {m.concept for m in load_lexicon().match(text)} & {"elderly", "paediatric"}
    assert found == ({concept} if concept else set()), found


def test_no_infection_in_a_large_audit_still_answers_an_infection_rate_with_no_other(shorthand):
    ans = shorthand.answer("infection rate after lumbar TFESI?")
    assert "no infection" in ans.bullets[0]["text"], ans.text


def test_the_safest_inr_is_still_a_lab_limit():
    from assistant.frame import aspects_of

    assert "limit" in aspects_of("what INR is safest for a lumbar ILESI?", "en")


@pytest.mark.parametrize("question", ["打完ESI喂奶要停多久", "病人化疗要停吗，做腹腔神经丛阻滞"])
def test_an_activity_or_therapy_held_is_no_unknown_drug(shorthand, question):
    assert "该药物的资料" not in shorthand.answer(question).text


def test_only_a_name_before_the_ask_is_trimmed_from_a_joined_token(shorthand):
    assert shorthand.frame("泰嘉要停几天做TFESI", []).unknown == ("泰嘉",)
    assert "满头" not in shorthand.frame("ESI后满头大汗正常吗", []).unknown


@pytest.mark.parametrize(("question", "history"), [("how does lipid emulsion work in LAST?", []),
                                                   ("and how does the lipid actually work?", ["ASRA vs AAGBI lipid dosing?"]),
                                                   ("脂肪乳为什么能治局麻药中毒", [])])
def test_how_a_rescue_works_leads_with_its_proposed_mechanisms(engine, question, history):
    ans = engine.answer(question, history)
    assert any(k in ans.bullets[0]["text"] for k in ("lipid shuttle", "脂质穿梭")), ans.text


# Review 13: close variants of review 12's inputs.
@pytest.mark.parametrize(("question", "lang", "urgent"), [
    ("coeliac plexus block 2 hrs ago, pt had same block 6 weeks ago, now BP 70/40 and pale", "en", True),
    ("ESI 2周前做过，今晨腹腔神经丛阻滞后血压70/40", "zh", True),
    ("kyphoplasty done this am, new severe leg pain, ok to discharge tomorrow?", "en", True),
    ("vertebroplasty 2 hours ago, now new severe leg pain", "en", True),
    ("PKP术后2小时，新发下肢放射痛，明天能出院吗", "zh", True),
    ("is new leg pain after vertebroplasty common?", "en", False),
    ("how to manage new radicular pain after vertebroplasty?", "en", False),
    ("椎体成形术后新发下肢疼痛常见吗", "zh", False),
    ("2 days after L4-5 ILESI, on apixaban, bladder not normal, back pain severe", "en", True),
    ("ESI后第二天，大小便不正常，腰痛剧烈", "zh", True)])
def test_close_variants_of_the_timing_cement_and_normal_finding_cues(question, lang, urgent):
    from assistant.safety import triage

    assert triage(question, lang).urgent is urgent


@pytest.mark.parametrize(("question", "lang"), [("今天下午做PVP，现在推骨水泥时病人血氧降到85%", "zh"),
                                                ("今天做星状神经节阻滞，现在推药时病人突然抽搐", "zh")])
def test_today_and_now_with_the_injection_going_on_is_during_it(question, lang):
    from assistant.safety import triage

    tri = triage(question, lang)
    assert tri.urgent and not tri.intra, tri


def test_a_devices_age_is_no_patients():
    assert not {m.concept for m in load_lexicon().match("SCS IPG 8 years old, battery replacement planned")} & {"paediatric", "elderly"}


def test_a_circulation_still_failing_after_the_lipid_turn_is_no_shock_of_unknown_cause(engine):
    ans = engine.answer("he's still hypotensive after the bolus, what next?", ["Anaesthetist: Intralipid dose for LAST, 85 kg man."])
    assert "shock picture" not in ans.text and "repeat the lipid bolus" in ans.bullets[0]["text"], ans.text
    # ("last dose" is no LAST)
    from assistant.safety import _still_unstable_after_lipid

    assert not _still_unstable_after_lipid("BP 70/40 after the block", "when was his last dose of xarelto? ", "en", ("esi",))
    assert _still_unstable_after_lipid("BP 70/40 after the block", "Intralipid dose for LAST? ", "en", ("esi",))


def test_a_baclofen_pump_running_dry_asked_in_a_follow_up_is_the_withdrawal(shorthand):
    ans = shorthand.answer("那巴氯芬泵突然断药会怎么样？怎么处理？", ["鞘内泵导管尖端肉芽肿危险因素？怎么早期识别？"])
    assert "撤药综合征" in ans.bullets[0]["text"], ans.text


def test_a_rate_follow_up_after_scs_is_not_the_intrathecal_catheters_figure(shorthand):
    ans = shorthand.answer("感染率呢？围术期抗生素怎么用？", ["SCS 最常见并发症？电极移位率多少？"])
    first = [b["text"] for b in ans.bullets if b["part"] == 0][0]
    assert "鞘内导管" not in first and "%" in first and "减少约" not in first, ans.text


def test_an_immunosuppressed_patient_asking_whether_an_esi_is_safe_gets_the_caution_not_a_premedication(shorthand):
    ans = shorthand.answer("Rheumatology patient on methotrexate and prednisolone 10 mg. Is ESI safe, any extra precautions?")
    assert "immunosuppression" in ans.bullets[0]["text"] and "prednisone 50 mg" not in ans.bullets[0]["text"], ans.text
    assert "contraindications" in shorthand.frame("Is ESI safe in her?", []).aspects
