"""Round 225 and what the fifty-sixth session left weak: the infection banner names discitis only after a disc procedure;
both legs lost now is a deficit told with no procedure word."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets

from assistant.frame import Framer
from assistant.lexicon import load_lexicon
from assistant.safety import triage


@pytest.fixture(scope="module")
def framer():  # type: ignore[no-untyped-def]
    return Framer(load_lexicon(), {"en": {}, "zh": {}}, frozenset())


@pytest.mark.parametrize(("question", "lang", "concepts", "discitis"), [
    ("SCS implant day 5, wound oozing and red, temp 38.2 - explant?", "en", ("spinal-cord-stimulation",), False),
    ("SCS植入术后第5天，伤口渗液发红，体温38.2，要不要取出电极？", "zh", ("spinal-cord-stimulation",), False),
    ("fever 38.5 and back pain 4 days after PLDD", "en", ("intradiscal-procedure",), True),
    ("椎间盘造影后第3天发热38.6，腰痛加重", "zh", (), True),
    ("fever 38.7 and worsening back pain 5 days after a lumbar transforaminal ESI", "en", ("transforaminal-esi",), True)])
def test_the_infection_banner_names_discitis_only_after_a_disc_procedure(question, lang, concepts, discitis):  # type: ignore[no-untyped-def]
    """A stimulator's wound is a wound, device or epidural infection; a fever after a needle on or near the disc
    (discography, PLDD, an ESI) may be a discitis."""
    tri = triage(question, lang, concepts)
    assert tri.urgent and tri.rule == "implant-infection", tri
    assert (("discitis" if lang == "en" else "椎间盘炎") in tri.escalation) == discitis, tri.escalation


@pytest.mark.parametrize(("question", "lang"), [
    ("病人现在腿动不了", "zh"), ("pt suddenly can't move his legs", "en"), ("病人突然双下肢无力", "zh"),
    ("both legs now weak and numb, what do I do", "en")])
def test_both_legs_lost_now_is_a_deficit_with_no_procedure_word(question, lang):  # type: ignore[no-untyped-def]
    """In a chat about spinal procedures, legs lost now are the deficit's pathway (scan first) even when no procedure is named."""
    tri = triage(question, lang)
    assert tri.urgent and tri.rule == "neuraxial-deficit", tri


@pytest.mark.parametrize(("question", "lang"), [
    ("会不会突然腿动不了？", "zh"), ("怕打完针以后突然腿动不了", "zh"), ("what if he suddenly can't move his legs?", "en"),
    ("she has had weak legs for years", "en")])
def test_legs_lost_asked_about_or_feared_raise_no_banner_without_a_procedure(question, lang):  # type: ignore[no-untyped-def]
    assert not triage(question, lang).urgent


@pytest.mark.parametrize("question", ["复苏室！刚做完颈椎TF的病人说嘴巴周围发麻 耳鸣 现在开始抽了 怎么办",
                                      "颈椎TF术后病人口周麻木耳鸣 抽搐"])
def test_toxicity_signs_after_a_block_named_by_its_abbreviation_are_last(question):  # type: ignore[no-untyped-def]
    """A Chinese message naming the block only as "TF" (or IL, SGB, ESI) still sets the scene for local anaesthetic toxicity."""
    assert triage(question, "zh").rule == "last"


def test_a_deficit_asked_whether_normal_after_an_injection_is_still_the_deficit():  # type: ignore[no-untyped-def]
    """"Both legs heavy and numb … is this normal after the injection?": the legs are told (no verb needed), the ask does not
    make it counselling."""
    tri = triage("ward nurse - pt had L4/5 interlaminar yesterday, on enoxaparin 40mg, tonight says both legs heavy and numb "
                 "+ bad back pain. is this normal after the injection?", "en")
    assert tri.urgent and tri.rule == "neuraxial-deficit", tri


def test_the_patch_volume_is_answered_after_the_drugs_that_failed(engine):  # type: ignore[no-untyped-def]
    """"failed caffeine + fluids + paracetamol. how much blood for the patch": the drugs are what was tried, the volume asked
    is the blood patch's."""
    ans = engine.answer("day 3, failed caffeine + fluids + paracetamol. how much blood for the patch",
                        ["wet tap with 18G tuohy during lumbar ILESI this morning, pt has headache now when she sits up. "
                         "how likely is this to become a PDPH, what do i tell her"])
    assert "12–20 mL" in _bullets(ans.text)[0], ans.text
    assert "gives no dose" not in ans.text


_CORD = ["just done R C6/7 transforaminal with depo-medrol 80. 2 min later pt says cant feel or move his arms and legs. "
         "BP 150/90 sats 98. what do i do now", "MRI no haematoma, T2 signal in cord C5-T1"]


def test_a_scan_told_without_the_haematoma_rules_it_out(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer(_CORD[1], _CORD[:1])
    assert ans.urgent and "ruled out haematoma" in ans.text, ans.text


def test_what_should_have_been_injected_is_the_steroid_choice_not_the_emergency(engine):  # type: ignore[no-untyped-def]
    """Looked back on after the scan, the agent that should have been used: the rule against particulate steroid at the
    neck leads, with no banner repeated."""
    ans = engine.answer("what should we have injected instead", _CORD)
    assert not ans.urgent, ans.text
    assert "dexamethasone" in _bullets(ans.text)[0].lower(), ans.text


def test_the_likely_cause_of_a_pump_overdose_is_quoted_beside_the_steps(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("what's the likely cause",
                        ["called to ward: intrathecal pump refilled 2h ago, pt now v drowsy, RR 6, pinpoint pupils"])
    assert ans.urgent and "naloxone" in _bullets(ans.text)[0], ans.text
    assert "wrong port" in ans.text, ans.text


def test_the_restart_asked_after_a_bridging_question_leads_with_the_restart(engine):  # type: ignore[no-untyped-def]
    """"术后多久能恢复利伐沙班" after "要不要用克赛桥接？": the rivaroxaban restart, not the no-bridging rule again."""
    ans = engine.answer("术后多久能恢复利伐沙班", ["房颤 吃拜瑞妥20mg qd 肌酐正常，要做T12椎体成形，利法沙班停多久", "要不要用克赛桥接一下？"])
    assert "24 小时" in _bullets(ans.text)[0], ans.text


def test_an_inr_told_before_the_procedure_gets_the_normalised_inr_rule_first(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("INR 1.6 morning of the trial, ok to proceed?",
                        ["mechanical mitral valve on warfarin, INR target 3. planned SCS trial. how do we manage the anticoag periop"])
    assert "normalised" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize(("question", "history", "concept"), [
    ("can we try oral flucloxacillin and review in a week?", ["SCS implanted 3/52 ago, IPG pocket red hot swollen and oozing, T 38.2"],
     "flucloxacillin"),
    ("he wants them every 6 weeks, is that ok", ["T2DM on insulin, for caudal with 80mg triamcinolone. how high will his sugars go?"],
     "repeat-injection-limit"),
    ("每6周打一次行不行", ["曲安奈德硬膜外注射"], "repeat-injection-limit"),
    ("she has 4 levels planned, is that a problem", ["how common are cement leaks with vertebroplasty vs kyphoplasty?"], "multiple-levels"),
    ("吗啡泵浓度最大能配多少", [], "maximum-dose"),
    ("病人问腰椎硬膜外打针会不会把硬膜扎破头痛，发生率多少啊", [], "dural-puncture")])
def test_clinicians_words_name_the_concept(framer, question, history, concept):  # type: ignore[no-untyped-def]
    q = framer.frame(question, history)
    assert concept in {c for p in q.parts for c in (*p.concepts, *p.inherited)} | set(q.concepts), q


def test_levels_are_no_topic_beside_another_procedure(framer):  # type: ignore[no-untyped-def]
    """How many levels is vertebral augmentation's risk factor: "TFESI at 3 levels" does not bring the cement's count in."""
    assert "multiple-levels" not in framer.frame("TFESI at 3 levels today, any extra risk?").concepts


@pytest.mark.parametrize(("question", "history", "aspect"), [
    ("what's the likely cause", ["called to ward: intrathecal pump refilled 2h ago, pt now v drowsy, RR 6"], "mechanism"),
    ("前天做颈椎IL好像穿破了 今天病人一坐起来就头痛 躺下好点", [], "action"),
    ("what should we have injected instead", ["C6/7 TFESI with depo-medrol, now weak arms"], "prevention")])
def test_the_ask_read_from_clinicians_words(framer, question, history, aspect):  # type: ignore[no-untyped-def]
    q = framer.frame(question, history)
    assert q.parts[0].aspects[:1] == (aspect,), q.parts


# --- round 226 ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "rule"), [("TF打完病人说眼睛看不清，右手麻，咋办", "esi-stroke"),
                                               ("TF做完病人双腿没力 尿不出来", "esi-stroke")])
def test_a_bare_epidural_approach_sets_the_scene(question, rule):  # type: ignore[no-untyped-def]
    """"TF" alone in a Chinese message is the transforaminal injection: its pathways read the picture after it."""
    assert triage(question, "zh").rule == rule


def test_a_failing_pump_then_a_deficit_names_the_granuloma_and_its_treatment():  # type: ignore[no-untyped-def]
    tri = triage("pt w morphine ITDD 7 yrs, keep upping the dose but pain worse, now new band-like pain around the chest "
                 "+ leg weakness", "en", ("intrathecal-drug-delivery",))
    assert tri.urgent and "granuloma" in tri.escalation, tri
    assert any("stop the infusion" in step for step in tri.steps), tri.steps


@pytest.fixture(scope="module")
def cement_engine(engine_over):  # type: ignore[no-untyped-def]
    """Vertebral augmentation beside the pneumothorax passages (the pathway a desaturation is confused with)."""
    return engine_over("cement-226", ("vertebral-augmentation", "ultrasound-pneumothorax"))


_PVP = ["PVP推骨水泥推到第二节 病人突然气促 SpO2掉到85% 说胸口痛",
        "吸氧后SpO2 93了 血压还行，CTPA看到右下肺动脉分支里几个高密度影 下一步呢 要抗凝吗"]


def test_the_scan_after_a_cement_emergency_stays_the_cement(cement_engine):  # type: ignore[no-untyped-def]
    """Read after the PVP's desaturation, the CTPA's emboli are the cement's (no pneumothorax), and so is what is
    prevented next time."""
    ans = cement_engine.answer(_PVP[1], _PVP[:1])
    assert ans.urgent and ans.pathway == "cement-embolism", ans.text
    later = cement_engine.answer("下次怎么预防 每节椎体打多少ml骨水泥比较安全", _PVP)
    assert "气胸" not in later.text and "PMMA" in _bullets(later.text)[0], later.text


_LAST_THREAD = ["nurse here - pt 15 min post caudal, got 20ml bupivacaine 0.5% + 5ml lido 2%, now saying lips tingly and ears "
                "ringing, twitchy, HR dropped to 45. weighs 62kg. what now??",
                "lipid bolus given, HR back to 70, no seizure. how long do we need to keep him in?"]


def test_the_watch_asked_once_the_rescue_worked_leads(engine):  # type: ignore[no-untyped-def]
    """"lipid bolus given, HR back to 70, no seizure. how long do we keep him in?": the heart back to normal and the seizure
    denied is the picture settled (as "脂肪乳已经推了…抽搐停了，心率回到70" is), and the watch answers (round 251: a denied sign
    is no sign going on; this test kept the banner only because "no seizure" was read as one)."""
    ans = engine.answer(_LAST_THREAD[1], _LAST_THREAD[:1])
    assert not ans.urgent and "4–6 h" in _bullets(ans.text)[0], ans.text


def test_the_ceiling_looked_back_on_is_the_local_anaesthetics(engine):  # type: ignore[no-untyped-def]
    """"the max dose we should have stayed under" after the lipid rescue: bupivacaine's and lidocaine's, not the lipid's."""
    ans = engine.answer("what's the max dose we should have stayed under for him", _LAST_THREAD)
    assert "2 mg/kg for bupivacaine" in _bullets(ans.text)[0], ans.text


def test_the_next_lipid_steps_follow_a_rescue_given_then_an_arrhythmia(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("gave 100ml intralipid, now VT with a pulse",
                        ["lumbar sympathetic block, gave 20ml 0.5% bupivacaine, pt 85kg now twitching and then fitting, HR dropping to 40s"])
    assert ans.urgent and "repeat the lipid bolus" in ans.text, ans.text


def test_a_settled_picture_in_chinese_asks_the_watch_without_the_banner(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("现在稳住了 要观察多久才能回病房", ["SGB推完药一分钟 病人说嘴巴麻 耳朵嗡嗡响 接着就抽起来了！！",
                                                         "抽停了 但BP掉到70/40 HR 40多 病人85kg 脂肪乳具体咋推"])
    assert not ans.urgent and "4–6" in _bullets(ans.text)[0], ans.text


def test_a_hold_judged_too_short_in_an_emergency_gets_its_interval(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("问了下她吃利伐沙斑 术前只停了两天，这停药时间够吗", ["病房急会诊：昨天做的腰椎板间ESI，今早开始两条腿越来越没劲，尿解不出来，背痛得厉害"])
    assert ans.urgent and "停用 3 天" in ans.text, ans.text


@pytest.fixture(scope="module")
def rf_scs_engine(engine_over):  # type: ignore[no-untyped-def]
    return engine_over("rf-scs-226", ("facet-mbb-rfa", "spinal-cord-stimulation", "anticoagulants"))


def test_burning_after_facet_rf_is_its_neuritis_and_its_care(rf_scs_engine):  # type: ignore[no-untyped-def]
    ans = rf_scs_engine.answer("腰椎小关节RF做完两周了 病人说背上那块烧着痛 衣服碰到都难受，正常吗 要怎么弄")
    assert "神经炎" in _bullets(ans.text)[0] and "未涵盖" not in ans.text, ans.text


def test_coverage_told_changed_leads_with_the_migration_work_up(rf_scs_engine):  # type: ignore[no-untyped-def]
    ans = rf_scs_engine.answer("SCS pt 3wks post implant, stim now only covers L leg and feels weaker, was both legs before. wound fine")
    assert "X-ray" in _bullets(ans.text)[0] or "coverage" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize(("question", "history", "aspect"), [
    ("MRI done - T10 to conus T2 signal change in cord, no haematoma. what caused this", ["T12/L1 TFESI, now legs dead"], "mechanism"),
    ("what most likely went wrong with the refill?", ["ITDD refill 30 min ago, pt v drowsy RR 6"], "mechanism"),
    ("do they actually matter?", ["how common are cement leaks with vertebroplasty?"], "complications"),
    ("要怎么弄", ["腰椎小关节RF做完两周了 背上烧着痛"], "action")])
def test_more_asks_read_from_clinicians_words(framer, question, history, aspect):  # type: ignore[no-untyped-def]
    assert framer.frame(question, history).parts[0].aspects[:1] == (aspect,)


def test_mbb_rfa_names_the_ablation(framer):  # type: ignore[no-untyped-def]
    assert "radiofrequency-ablation" in framer.frame("complication rates for lumbar MBB RFA?").concepts


@pytest.mark.parametrize(("question", "history", "concept", "aspect"), [
    ("where does the badge go", ["14/40 pregnant, pain fellow, fetal dose limit?"], "dosimeter", "location"),
    ("C臂球管应该放床上面还是下面？", [], "tube-position", ""),
    ("should the c-arm tube be above or below the table?", [], "tube-position", ""),
    ("回抽没血是不是就没事了", ["腰椎TF打进血管的几率多大？"], "negative-aspiration", "prevention"),
    ("whats the likely outcome", ["MRI: dorsal epidural haematoma T9-T11 compressing cord"], "", "frequency"),
    ("要提醒她啥", ["糖尿病老太太 明天腰椎硬膜外打激素"], "", "advice")])
def test_clinicians_words_name_the_thing_and_the_ask(framer, question, history, concept, aspect):  # type: ignore[no-untyped-def]
    part = framer.frame(question, history).parts[-1]
    assert not concept or concept in (*part.concepts, *part.inherited), part
    assert not aspect or part.aspects[:1] == (aspect,), part


# --- round 227 and review 58 --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "lang"), [
    ("准备做小关节，还没开始，病人紧张过度换气，嘴唇发麻手发麻", "zh"), ("病人平时就有耳鸣，能做SGB吗？", "zh"),
    ("癫痫病人 平时偶尔抽搐 下周做TF要注意什么", "zh"), ("术后IL-6升高，病人意识不清，发热39度", "zh"),
    ("TF和IL哪个更容易发生局麻药中毒？", "zh"), ("病人脑梗后现在腿没力，能做星状神经节阻滞吗？", "zh"),
    ("After a caudal with 10ml 1% lidocaine, her legs numb for an hour - expected?", "en"),
    ("Both legs numb for years from diabetic neuropathy - is an ESI still safe?", "en")])
def test_signs_of_old_planned_or_asked_of_raise_no_local_anaesthetic_or_deficit_banner(question, lang):  # type: ignore[no-untyped-def]
    """Review 58: a bare abbreviation, a chronic sign, a known epilepsy, IL-6, a planned block: no LAST or deficit banner."""
    tri = triage(question, lang)
    assert tri.rule not in ("last", "neuraxial-deficit"), tri


@pytest.mark.parametrize("question", ["小关节做完 嘴唇发麻 金属味", "星状神经节做完 患者耳鸣 口周麻木", "突然双下肢没知觉了"])
def test_a_block_done_then_its_signs_are_told_in_chinese(question):  # type: ignore[no-untyped-def]
    assert triage(question, "zh").urgent


def test_the_ceiling_of_a_failing_pump_is_no_tramadol_told_as_it():  # type: ignore[no-untyped-def]
    """"it wore off, GP keeps increasing the dose of tramadol" names no intrathecal pump ("it" is no IT)."""
    tri = triage("Had an ESI, it wore off, GP keeps increasing the dose of tramadol - now can't pass urine", "en", ("esi",))
    assert "granuloma" not in tri.escalation, tri


def test_recovery_after_a_rescue_is_no_failed_first_line(engine):  # type: ignore[no-untyped-def]
    assert "repeat the lipid bolus" not in _bullets(engine.answer("gave lipid, now she's awake and talking - how long to monitor?").text)[0]


def test_a_schedule_of_checks_is_no_repeat_limit(framer):  # type: ignore[no-untyped-def]
    assert "repeat-injection-limit" not in framer.frame("INR checks every 4 weeks - is that ok before his SCS?").concepts


def test_a_low_baclofen_reservoir_overnight_is_its_withdrawal_risk(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("鞘内泵低储量报警一直响 里面是巴氯芬 药房说明天才能配药 今晚有风险吗")
    assert "pump-drug-interruption" in q.concepts, q.concepts


@pytest.mark.parametrize(("question", "history", "concept"), [
    ("骶髂关节冷射频呢", ["签知情同意 腰椎脊神经后内侧支RFA 并发症发生率跟病人说多少", "那第三枕神经RF呢"], "lateral-branch-rf"),
    ("how sensitive is aspiration", ["incidence of intravascular injection lumbar vs cervical TFESI"], "negative-aspiration")])
def test_more_names_clinicians_use(framer, question, history, concept):  # type: ignore[no-untyped-def]
    q = framer.frame(question, history)
    assert concept in {c for p in q.parts for c in (*p.concepts, *p.inherited)}, q.parts


def test_a_time_that_opens_the_ask_is_one_part_with_it(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("那术后呢 啥时候可以恢复", ["明天L5/S1 TFESI 病人在吃拜瑞妥 要停几天"])
    assert len(q.parts) == 1, q.parts


def test_why_opening_an_ask_is_the_mechanism_not_the_dose(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("why can such a tiny dose do this at that level", ["C6 TFESI, 2ml lignocaine, now fitting"])
    assert q.parts[0].aspects[:1] == ("mechanism",), q.parts


# --- round 228 ---------------------------------------------------------------------------------------------------------
def test_a_faint_after_a_block_named_in_english_with_vitals_read_raises_its_banner():  # type: ignore[no-untyped-def]
    tri = triage("复苏室 TF完坐起来 脸色苍白 大汗 HR 42 BP 78/45", "zh")
    assert tri.urgent and tri.rule == "vasovagal", tri


@pytest.mark.parametrize(("question", "history", "concept"), [
    ("C6右侧TF 实时造影 看到造影剂一条线往内上走很快就消失了 还没推药 现在咋办", [], "intravascular-injection"),
    ("L T12/L1 TFESI, live contrast under DSA - i see a thin vessel going up then a hairpin turn. what do i do", [],
     "intravascular-injection")])
def test_vascular_uptake_told_as_seen_is_named(framer, question, history, concept):  # type: ignore[no-untyped-def]
    assert concept in framer.frame(question, history).concepts


def test_what_to_tell_a_colleague_is_how_it_is_done_safely(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("New fellow keeps setting up the C-arm with the tube above the table and fluoroscoping continuously "
                     "for every level. What should I tell him?")
    assert q.parts[0].aspects[:1] == ("prevention",) and "tube-position" in q.concepts, q.parts


@pytest.mark.parametrize("question", ["within how many hours should a spinal epidural haematoma be decompressed for the best "
                                      "neurological outcome?", "椎管内硬膜外血肿在症状出现后多少小时内减压，神经功能预后最好？"])
def test_the_best_outcome_named_in_a_timing_ask_is_no_prognosis_ask(framer, question):  # type: ignore[no-untyped-def]
    assert "frequency" not in framer.frame(question).parts[0].aspects


@pytest.mark.parametrize(("question", "history", "concept", "aspect"), [
    ("the clexane 40 was given at 8am and the ILESI at 1pm. what gap should there have been", [], "enoxaparin", "hold")])
def test_a_dose_gap_is_read(framer, question, history, concept, aspect):  # type: ignore[no-untyped-def]
    part = framer.frame(question, history).parts[0]
    assert concept in part.concepts, part
    assert not aspect or part.aspects[:1] == (aspect,), part


def test_a_delay_told_then_judged_is_whether_it_can_wait(engine):  # type: ignore[no-untyped-def]
    """"first on the list tmrw morning, about 14h from now. is that acceptable?": the decompression's timing leads."""
    ans = engine.answer("MRI: dorsal epidural collection L3-S1 compressing the sac. neurosurg reg says first on the list tmrw "
                        "morning, about 14h from now. is that acceptable?",
                        ["ward call: 74F, L4/5 ILESI at 1pm, now 7pm new severe low back pain and she cant lift either leg, "
                         "says her bottom feels numb. had her clexane 40 this morning. what do i do"])
    assert ans.urgent and ("12 h" in _bullets(ans.text)[0] or "8 h" in _bullets(ans.text)[0]), ans.text


def test_whether_a_pregnant_patient_may_have_it_is_its_contraindications(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("孕10周 腰腿痛的厉害 能不能透视下做个骶管注射")
    assert q.parts[0].aspects[:1] == ("contraindications",), q.parts


# --- review 59 ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "lang", "rule"), [
    ("Diabetic with peripheral neuropathy had a lumbar TFESI an hour ago and now can't move her legs", "en", "esi-stroke"),
    ("长期吃阿司匹林的病人 SGB后口周发麻 抽搐", "zh", "last"),
    ("病人平时就有耳鸣 今天SGB推药后耳鸣加重 口周发麻", "zh", "last")])
def test_a_chronic_word_beside_a_picture_told_now_keeps_the_banner(question, lang, rule):  # type: ignore[no-untyped-def]
    """Review 59: signs had for years are read away only when nothing is told happening now or after a procedure."""
    assert triage(question, lang).rule == rule


@pytest.mark.parametrize("question", ["TF术前 病人很紧张 烦躁不安 要不要先镇静", "准备做TF 病人说最近老是耳鸣 头晕",
                                      "腰椎神经根减压术后 晚上腿抽筋 能做硬膜外吗", "射频做了两年了 最近晚上腿抽筋 还能再做吗"])
def test_a_block_still_to_come_or_long_past_sets_no_toxicity_scene(question):  # type: ignore[no-untyped-def]
    assert triage(question, "zh").rule != "last"


def test_an_interlaminar_injection_is_no_transforaminal_scene():  # type: ignore[no-untyped-def]
    assert triage("IL做完 病人腿没力 尿不出", "zh").rule != "esi-stroke"


@pytest.mark.parametrize(("question", "concept"), [
    ("does the guideline coverage doesn't cover DRG stimulation?", "lead-migration"),
    ("IPG电池快用完了 怎么办", "pump-drug-interruption"), ("running low on intralipid in theatre", "pump-drug-interruption")])
def test_device_words_need_their_device(framer, question, concept):  # type: ignore[no-untyped-def]
    assert concept not in framer.frame(question).concepts


def test_a_second_ask_beside_a_why_keeps_its_dose(framer):  # type: ignore[no-untyped-def]
    q = framer.frame("why is dexamethasone safer for TF and what is it in mg/kg?")
    assert any("dose" in p.aspects for p in q.parts), q.parts
