"""Rounds 217 and 218 and review 52: what the patient feels or the screen shows on the table (a shock as the needle,
catheter or lead advances, clear fluid from the hub, a contrast pattern, cement at the wall), what to do at that moment,
the recovery room after it, and the guards the review asked for (toxicity kept beside stimulation, a chest sign beside
sedation, no banner for a shock denied, taught or told as the day before)."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets


@pytest.fixture(scope="module")
def table_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents of the table beside each other: the injections, their haematoma, the pump, toxicity, the wet tap."""
    return engine_over("table-217", ("esi-interlaminar-caudal", "esi-transforaminal", "esi-general", "anticoagulants",
                                     "spinal-haematoma", "intrathecal-drug-delivery", "pdph", "last", "vertebral-augmentation",
                                     "epiduroscopy-adhesiolysis"))


@pytest.fixture(scope="module")
def engine_esi(engine_over):  # type: ignore[no-untyped-def]
    """The epidural injections with what is told at consent and in recovery."""
    return engine_over("esi-217", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "patient-selection-monitoring",
                                   "spinal-haematoma", "intrathecal-drug-delivery", "epiduroscopy-adhesiolysis", "last"))


@pytest.mark.parametrize(("question", "needle"), [
    ("During a C7-T1 interlaminar epidural, as I advanced the Tuohy she suddenly felt an electric shock down both arms. What now?",
     "advancing the needle can cause direct spinal cord injury"),
    ("颈椎椎板间硬膜外穿刺进针时，病人突然说有一股电击样剧痛放射到双臂。该怎么办？", "进针时，可能直接损伤脊髓"),
    ("Doing a L5 TFESI, as I advanced the needle he got a sharp electric shock down his leg. What do I do?",
     "stop if the patient reports sudden severe pain, paraesthesia"),
    ("做L5经椎间孔注射，进针时病人说腿上像触电一样，怎么办？", "如患者诉突发剧痛、异感")])
def test_a_shock_as_the_needle_advances_quotes_what_the_needle_can_injure(table_engine, question, needle):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    assert ans.urgent, ans.text
    lines = _bullets(ans.text)
    assert any(needle in b for b in lines[:3]), ans.text
    # (a moment on the needle: no haematoma's decompression timing among the steps)
    assert not any("within about 8 hours" in b or "more than 12 h" in b or "8小时" in b or "12 小时" in b for b in lines), ans.text


def test_a_risk_sentence_keeps_the_procedure_it_is_about(table_engine):  # type: ignore[no-untyped-def]
    """"The risk of cord injury is greatest in a sedated patient" is quoted with the sentence that says in which procedure."""
    ans = table_engine.answer("During a C7-T1 interlaminar epidural, as I advanced the Tuohy she suddenly felt an electric shock down both arms. What now?")
    quoted = [b for b in _bullets(ans.text) if "risk of cord injury is greatest" in b]
    assert quoted and all("During cervical interlaminar ESI" in b for b in quoted), ans.text


@pytest.mark.parametrize(("question", "rule"), [
    ("During L1 vertebroplasty I can see cement running into a paravertebral vein on lateral fluoro. What now?", "fills veins"),
    ("PVP推骨水泥的时候透视看到骨水泥往椎旁静脉里跑，怎么办？", "充盈静脉即停止注射")])
def test_cement_seen_in_a_vein_on_the_screen_leads_with_the_stop_rule(table_engine, question, rule):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    assert rule in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", [
    "L4 medial branch RF, motor stim at 2Hz 2V getting the leg kicking (quads twitch) rather than just multifidus. ok to lesion anyway?",
    "腰椎内侧支射频，2Hz运动刺激时大腿在抽动，不只是多裂肌，能直接毁损吗？",
    "C7-T1 ILESI, pt under propofol sedation jerked as I was walking the Tuohy in and now I'm not sure of my depth. what now?",
    "颈椎椎板间注射，丙泊酚镇静下进针时病人猛地一动，现在不确定针的深度，怎么办？"])
def test_a_muscle_the_electrode_makes_twitch_or_a_flinch_on_the_needle_is_no_toxicity(engine, question):  # type: ignore[no-untyped-def]
    ans = engine.answer(question)
    assert ans.pathway != "last", ans.text


@pytest.mark.parametrize("question", [
    "SGB with 5 ml bupi, 2 min later she's twitching and says her mouth tastes metallic",
    "during the RF, after 3 ml lido at each level he started jerking all over and is now unresponsive",
    "motor stim done, then 2 ml 2% lido per level; now she has tinnitus and her face is twitching",
    "星状神经节阻滞推了5ml布比卡因，病人口周发麻、手在抽动",
    # (review 52: a local anaesthetic told beside the twitch, whatever stimulation or needle is named)
    "Stellate ganglion block with 10 ml bupivacaine, she started twitching while I was removing the needle - what now?",
    "Did a paravertebral block at T4 under nerve stim guidance, used 20 ml bupi, now she's twitching",
    "Interscalene with nerve stim, 25 ml bupi, now twitching",
    "肋间神经阻滞用布比卡因30ml，运动刺激定位的，病人现在四肢抽动"])
def test_a_twitch_beside_a_toxicity_sign_keeps_the_toxicity_banner(engine, question):  # type: ignore[no-untyped-def]
    ans = engine.answer(question)
    assert ans.urgent and ans.pathway == "last", ans.text


@pytest.mark.parametrize(("question", "history"), [
    ("L5 TFESI live fluoro shows vascular contrast pattern. do I still inject the steroid?", []),
    ("repositioned, aspiration now negative but live fluoro shows the contrast washing out fast in a thin linear pattern going away "
     "from the foramen. still ok to push the dex?",
     ["S1 transforaminal, got a flash of blood in the hub on aspiration. pull back and reinject contrast or abandon?"]),
    ("S1 TFESI实时造影，造影剂一推就成线状往上走很快冲没了，像血管影。回抽是阴性的，能直接推得宝松吗", [])])
def test_a_vascular_pattern_on_the_screen_leads_with_do_not_inject(table_engine, question, history):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question, history)
    lead = _bullets(ans.text)[0]
    assert "Do not inject further if contrast shows vascular spread" in lead or "不得继续注射" in lead, ans.text


def test_a_decrease_reported_is_no_step() -> None:
    """"由于超声引导下即刻血管内注射减少…而非立即出现" reports a change; it is no instruction to lead a "what now?" answer."""
    from assistant.compose import _ACTION
    assert not _ACTION["zh"].search("由于超声引导下即刻血管内注射减少，而浸润和持续输注技术的使用增多，LAST的征象可能在超声引导注射后一段时间才出现，而非立即出现。")
    assert _ACTION["zh"].search("如出现局麻药中毒征象，应立即停止注射")
    assert _ACTION["zh"].search("应减少局麻药用量")


_DRIPPING = ("L4/5 interlaminar ESI with 18G Tuohy, LOR to saline then clear fluid keeps dripping from the hub after I took the "
             "syringe off. CSF? what do i do")


@pytest.mark.parametrize("question", [
    _DRIPPING,
    "C7-T1 IL ESI，阻力消失后针座有清亮液体一滴一滴往外滴，回抽也是清亮的，退一点再把激素+利多推进去行不行？"])
def test_clear_fluid_from_the_hub_leads_with_the_wet_taps_rule(table_engine, question):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    lead = _bullets(ans.text)[0]
    assert "abort or redirect" in lead or "改换其他节段" in lead, ans.text


def test_a_story_then_a_bare_ask_is_one_question(engine):  # type: ignore[no-untyped-def]
    """"…clear fluid keeps dripping from the hub. CSF? what do i do" is one question (no heading for "what do i do")."""
    q = engine.frame(_DRIPPING, [])
    assert len(q.parts) == 1 and q.parts[0].aspects[:1] == ("action",), q.parts
    assert "saline" not in q.concepts and "dural-puncture" in q.concepts, q.concepts


@pytest.mark.parametrize(("question", "first"), [
    ("threading the intrathecal catheter for a pump at L2/3 and he suddenly yelps with shooting pain down the R leg as it advances. "
     "keep going?", "withdraw the catheter immediately"),
    ("L5/S1 右侧TFESI，针刚进到椎间孔下1/3，病人突然叫说一股电流往脚底窜，还没推任何东西。现在怎么办？退针还是继续？", None),
    ("SCS测试，推电极到T10的时候，病人突然说左腿剧痛像被电打了一下，要不要停？", None)])
def test_a_shock_on_the_needle_or_catheter_has_its_own_banner(table_engine, question, first):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text
    assert "Stop advancing and do not inject" in ans.text or "立即停止推进、不要注射" in ans.text, ans.text
    lines = _bullets(ans.text)
    assert first is None or first in lines[0], ans.text
    assert not any("granuloma" in b or "肉芽肿" in b for b in lines), ans.text  # (a late complication of a long infusion)


def test_a_deficit_days_later_keeps_the_haematoma_banner(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("Two days after an L4-5 ILESI he has new back pain and both legs are weak. What now?")
    assert ans.urgent and "spinal haematoma" in ans.text and "Stop advancing" not in ans.text, ans.text


@pytest.mark.parametrize(("question", "history"), [
    ("afterwards she asks me if this injection can paralyse her or make her go blind. what do I tell her honestly?",
     ["C7-T1 ILESI, pt under propofol sedation jerked as I was walking the Tuohy in and now I'm not sure of my depth. what now?"]),
    ("she asks me if this injection can paralyse her or make her go blind. what do I tell her honestly?", []),
    ("病人问我这个硬膜外激素注射会不会让她瘫痪或者失明，我该怎么跟她说？", [])])
def test_a_patients_question_whether_it_can_paralyse_is_counselling(engine_esi, question, history):  # type: ignore[no-untyped-def]
    ans = engine_esi.answer(question, history)
    assert not ans.urgent, ans.text
    lead = _bullets(ans.text)[0]
    assert "FDA" in lead, ans.text


def test_how_common_that_is_after_a_faint_is_the_faints_rate(engine_esi):  # type: ignore[no-untyped-def]
    ans = engine_esi.answer("how common is that after epidurals, he's asking if it means something went wrong",
                            ["Recovery nurse here. pt just had a caudal, still on the trolley prone, gone grey and clammy, HR 42 BP "
                             "78/40. what do I do"])
    lead = _bullets(ans.text)[0]
    assert "Vasovagal" in lead and "1.2%" in lead, ans.text


def test_another_pump_supposed_and_emptied_is_its_withdrawal_not_an_overdose(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("if it was a baclofen pump instead and we had to empty it, what do I worry about?",
                              ["refilling a SynchroMed morphine pump, after about 20ml pt becomes drowsy, RR 8, pinpoint pupils. "
                               "?pocket fill or port error. what now"])
    assert not ans.urgent, ans.text
    assert "baclofen withdrawal" in _bullets(ans.text)[0], ans.text


def test_a_dose_given_after_the_injection_judged_too_early_quotes_its_restart(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("was 40mg clexane 4 hours after the injection too early?",
                              ["ward nurse: pt 5 hrs after L2/3 epidural steroid, says both legs feel heavy and numb to the knees and "
                               "it's getting worse, back really sore. he got his enoxaparin 40mg at 6pm. what should happen?"])
    assert ans.urgent, ans.text  # (the deficit goes on)
    lines = _bullets(ans.text)
    assert any("restarted about 12–24 h after" in b for b in lines[:4]), ans.text
    assert ans.text.count("**What to do now**") == 1, ans.text  # (the steps under one heading)


def test_a_rate_asked_after_the_vision_cleared_is_answered_calmly(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("vision cleared after 5 min pause. how fast should we be running the saline if we carry on?",
                              ["mid epiduroscopy, pt awake-ish, now complaining of neck pain and blurry vision. we've run in about 80 ml "
                               "saline so far"])
    assert not ans.urgent, ans.text
    assert "1 mL every 1–2 s" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize(("question", "rule"), [
    ("PVP L1，侧位透视看骨水泥沿着椎体后缘往后走了，快到椎管那条线了，还要不要继续推完？", "接近椎体后壁或充盈静脉即停止注射"),
    ("T8 vertebroplasty, on the lateral i can see cement creeping towards the posterior wall and filling a vein posteriorly. "
     "keep going slowly or stop?", "stop when the cement approaches the posterior vertebral wall")])
def test_cement_reaching_the_posterior_wall_leads_with_the_stop_rule(table_engine, question, rule):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    assert rule in _bullets(ans.text)[0], ans.text


def test_two_local_anaesthetics_mixed_in_either_order_lead_with_the_mixture_rule(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("要是布比和利多混一起打局部浸润，总量怎么算", ["利多卡因加肾上腺素最大量？70kg的病人", "罗哌卡因呢？布比卡因呢"])
    assert "混合液中毒性最强" in _bullets(ans.text)[0], ans.text


@pytest.fixture(scope="module")
def day_engine(engine_over):  # type: ignore[no-untyped-def]
    """The day-case list: joints, thoracic blocks, the film, the C-arm."""
    return engine_over("day-217", ("sacroiliac", "patient-selection-monitoring", "esi-general", "esi-interlaminar-caudal",
                                   "facet-mbb-rfa", "ultrasound-pneumothorax", "radiation-contrast", "anticoagulants"))


def test_a_faint_told_over_beside_the_sij_injections_leg_numbness_is_no_banner(day_engine):  # type: ignore[no-untyped-def]
    ans = day_engine.answer("缓过来了，半小时后下地说右腿有点软、麻，他说要自己开车回家，行吗",
                            ["右侧骶髂关节注射，刚推完药病人说屁股到大腿一阵麻，然后脸色发白出冷汗，心率48，血压85/50"])
    assert not ans.urgent, ans.text
    assert any("驾" in b for b in _bullets(ans.text)[:3]), ans.text


def test_a_faint_told_over_beside_weak_legs_after_a_caudal_keeps_a_banner(day_engine):  # type: ignore[no-untyped-def]
    ans = day_engine.answer("缓过来了，但是双腿没力、发麻，抬不起来", ["骶管注射后病人面色苍白、出冷汗、心率45、血压80/45"])
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text


def test_a_small_pneumothorax_on_the_pictures_is_calm(day_engine):  # type: ignore[no-untyped-def]
    ans = day_engine.answer("片子看是少量气胸 大概10%，能让他回家吗？",
                            ["T6右侧胸椎内侧支阻滞，进针过程中病人开始一阵阵咳嗽，说右胸口刺痛，吸气更痛，接下来怎么处理"])
    assert not ans.urgent, ans.text


def test_a_pregnant_trainees_dosimeter_asked_bare_is_the_second_badge(day_engine):  # type: ignore[no-untyped-def]
    ans = day_engine.answer("剂量计怎么戴？铅衣里面要不要再戴一个", ["我是疼痛科规培，刚查出怀孕8周，还要跟C臂的台吗？胎儿剂量限值是多少"])
    assert "第二个剂量计" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize("question", ["Whitacre vs Quincke for PDPH - what's the actual % difference?", "笔尖针和切割针PDPH差多少？有没有具体百分比"])
def test_two_needles_named_by_their_everyday_names_lead_with_needle_design(table_engine, question):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    lead = _bullets(ans.text)[0]
    assert "pencil-point" in lead or "笔尖式" in lead, ans.text


def test_tip_design_asked_after_the_needles_is_needle_design(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("does tip design make any difference to intravascular uptake in TFs as well?", ["Whitacre vs Quincke for PDPH?"])
    assert "Needle design influences intravascular injection" in _bullets(ans.text)[0], ans.text


def test_a_shock_while_a_named_catheter_is_passed_is_withdrawn_first(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("往里送鞘内导管的时候，病人喊腿像过电一样，要不要接着送？")
    assert ans.urgent and "立即停止推进" in ans.text, ans.text
    assert "立即退出导管" in _bullets(ans.text)[0], ans.text


def test_the_wet_taps_stop_rule_is_no_treatment_for_the_next_days_headache(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("Accidental dural puncture yesterday during an interlaminar ESI; today a headache when he sits up that eases "
                              "lying flat. Is that PDPH and what's the first-line treatment?")
    lines = _bullets(ans.text)
    assert not any("abort or redirect" in b for b in lines[:4]), ans.text


@pytest.mark.parametrize(("question", "history"), [
    ("she also says she's allergic to prawns, does that matter?",
     ["just injected omnipaque for a caudal and she's come out in hives, wheezy, BP dropping 85 systolic. treatment?",
      "she now tells me she had a reaction to CT contrast years ago. premed regimen for next time?"]),
    ("她说自己对海鲜也过敏，这个有关系吗？", ["碘海醇过敏性休克抢救过来了", "下次要用造影剂怎么预处理？"])])
def test_a_condition_told_with_does_that_matter_is_asked_of_itself(day_engine, question, history):  # type: ignore[no-untyped-def]
    ans = day_engine.answer(question, history)
    lead = _bullets(ans.text)[0]
    assert "shellfish allergy is not a specific risk factor" in lead or "贝类过敏并不是特异性危险因素" in lead, ans.text


def test_a_suspected_ptx_with_pain_on_breathing_in_is_the_pneumothorax_pathway(day_engine):  # type: ignore[no-untyped-def]
    ans = day_engine.answer("T10 selective nerve root block, a few minutes after the needle went in pt starts coughing and has sharp pain "
                            "on breathing in. ?ptx what now")
    assert ans.urgent and ans.pathway == "pneumothorax", ans.text


# Round 218 (the procedure room and recovery, a second round on the fixes above)

@pytest.mark.parametrize(("question", "history"), [
    ("shes now snoring, sats 86% after midaz 2mg + fentanyl 100mcg as well, needle still in. what do i do",
     ["cervical IL epidural at C6-7, pt keeps moving, proceduralist asking me to deepen the propofol so she's still. is deep "
      "sedation ok for a cervical epidural?"]),
    ("胸椎射频的时候给了咪达唑仑2mg加芬太尼50ug，75岁老头打着打着打起鼾来SpO2掉到85%，叫不太醒，现在怎么弄？", [])])
def test_a_patient_sedated_too_deep_is_the_sedations_pathway_not_a_pneumothorax(engine, question, history):  # type: ignore[no-untyped-def]
    ans = engine.answer(question, history)
    assert ans.urgent and ans.pathway == "sedation-depression", ans.text


def test_a_thoracic_block_with_chest_pain_under_sedation_keeps_the_pneumothorax(engine):  # type: ignore[no-untyped-def]
    ans = engine.answer("T6 paravertebral block under midazolam, now chest pain and breathless, sats 88%, hard to rouse")
    assert ans.urgent and ans.pathway == "pneumothorax", ans.text


def test_a_penicillin_rash_told_as_history_is_no_anaphylaxis(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("doing L3-4 and L4-5 provocative discography today. do we put cefazolin in the contrast? pt says penicillin "
                              "gave him rash")
    assert not ans.urgent, ans.text


def test_a_story_of_another_patient_is_read_on_its_own(day_engine):  # type: ignore[no-untyped-def]
    ans = day_engine.answer("另外一个病人SIJ注射时脸色发白、出冷汗、心率掉到45，血压85/50，怎么处理",
                            ["SIJ注射完病人下床腿一软差点摔倒，左腿麻，这是打到哪了？能让他自己开车回家吗？"])
    assert ans.urgent and ans.pathway == "vasovagal", ans.text


def test_clear_fluid_on_aspiration_asked_whether_to_inject_is_the_wet_taps_rule(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("L4-5 ILESI，阻力消失后接注射器回抽有清亮的液体，不是血，这个时候激素和利多卡因还打吗？")
    assert "改换其他节段" in _bullets(ans.text)[0], ans.text


@pytest.mark.parametrize(("question", "history", "ct"), [
    ("in recovery now c/o burning band-like pain round the L chest wall at T8, power in legs normal. anything to do or just analgesia?",
     ["T8 vertebroplasty for osteoporotic # - about 4ml PMMA in and on lateral screening the cement is creeping up to the posterior "
      "wall. push on or stop?"], "urgent CT"),
    ("停了，术后回病房2小时病人说右腿有新的放射样疼痛，之前没有的，下一步做啥检查？胸椎和腰椎处理有区别吗",
     ["PVP L1，侧位透视看骨水泥沿着椎体后缘往后走了，快到椎管那条线了，还要不要继续推完？"], "紧急行 CT")])
def test_new_root_pain_after_cement_is_its_urgent_ct(table_engine, question, history, ct):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question, history)
    assert any(ct in b for b in _bullets(ans.text)[:2]), ans.text


@pytest.mark.parametrize("question", [
    "IT pump implant - while threading the intrathecal catheter at L2-3 pt yelped with sharp electric pain shooting down L leg. carry on?",
    "L4-5 ILESI, as I advance the Tuohy he says sharp zing into his left leg. carry on?"])
def test_a_shock_told_as_the_catheter_or_needle_advanced_is_urgent(table_engine, question):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    assert ans.urgent and "Stop advancing and do not inject" in ans.text, ans.text


@pytest.mark.parametrize("question", [
    "pt with shooting pain down the leg for 3 months, is a TFESI reasonable?",
    "L5 radiculopathy with electric shooting pain down the leg, planning TFESI next week - which steroid?"])
def test_shooting_pain_as_the_reason_for_the_injection_is_no_banner(table_engine, question):  # type: ignore[no-untyped-def]
    assert not table_engine.answer(question).urgent


@pytest.mark.parametrize(("question", "history"), [
    ("救过来了，病人下个月还得做一次，下次怎么预防？口服激素方案具体怎么给", ["C臂下TFESI，碘海醇刚推进去1分钟，病人全身起风团、嗓子发紧，血压80/45，怎么处理"]),
    ("she survived. next month she needs another one - how do we prevent it, and what oral steroid regimen?",
     ["just injected omnipaque for a caudal and she's come out in hives, wheezy, BP dropping 85 systolic. treatment?"])])
def test_a_steroid_regimen_asked_after_a_contrast_reaction_is_the_premedication(day_engine, question, history):  # type: ignore[no-untyped-def]
    ans = day_engine.answer(question, history)
    assert not ans.urgent, ans.text
    lead = _bullets(ans.text)[0]
    assert "50 mg" in lead and ("13" in lead), ans.text
    assert "知识库未涵盖" not in ans.text and "not covered" not in ans.text.lower(), ans.text


def test_a_rate_sentence_pointing_back_at_its_reaction_leans_on_the_one_before() -> None:
    """"In the multicentre audit, this central steroid reaction rate was similar…" says which reaction only with the
    sentence before it (quoted together or not at all); a sentence naming its own finding does not lean."""
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["en"].search("In the multicentre audit, this central steroid reaction rate was similar after transforaminal and "
                                   "interlaminar ESI.")
    assert not _DEPENDENT["en"].search("In the multicentre audit, dural puncture was more frequent with interlaminar ESI.")


def test_a_surgeon_is_no_gown_typed_with_a_slip(engine):  # type: ignore[no-untyped-def]
    """手术医生 (the surgeon) is typed as meant: no homophone slip of 手术衣 (theatre attire)."""
    q = engine.frame("刚问了手术医生，T12一个椎体就打了8ml骨水泥，这个量有关系吗？", [])
    assert "surgical-scrub-attire" not in q.concepts, q.concepts
    slip = engine.frame("局麻要中毒了怎么抢救？", [])
    assert "last" in slip.concepts, slip.concepts  # (a real slip still reads)


# Review 52's guards: what the round's changes must not take away or add

@pytest.mark.parametrize("question", [
    "T4 paravertebral under midazolam, now hard to wake, sats 82%, absent breath sounds on the right and trachea deviated",
    "丙泊酚镇静下肋间神经阻滞，病人打鼾，血氧85%，左侧呼吸音减低，血压下降"])
def test_a_sedated_patient_with_a_chest_sign_keeps_the_pneumothorax(engine, question):  # type: ignore[no-untyped-def]
    ans = engine.answer(question)
    assert ans.urgent and ans.pathway == "pneumothorax", ans.text


def test_snoring_with_good_sats_is_no_emergency(engine):  # type: ignore[no-untyped-def]
    assert not engine.answer("Under light midazolam sedation for the RFA she's snoring softly, sats 98% - is that fine?").urgent


@pytest.mark.parametrize("question", [
    "The pt is asking whether he will walk again - both legs paralysed 8 h after his thoracic epidural",
    "Pt asks if he might be having a stroke - slurred speech and right arm weakness right after the cervical TFESI"])
def test_a_patients_question_beside_signs_told_now_keeps_the_banner(table_engine, question):  # type: ignore[no-untyped-def]
    assert table_engine.answer(question).urgent


@pytest.mark.parametrize("question", [
    "No paraesthesia as I advanced the Tuohy, LOR at 5 cm at L4-5 interlaminar epidural - how much saline to inject?",
    "Is radicular pain while advancing the needle during a TFESI a reason to stop? Teaching question for residents.",
    "Should I be shooting lateral views as I advance the Tuohy for a cervical ILESI?",
    "射频进针时用多大的电流做感觉刺激测试？",
    "进针时没有异感，阻力消失后回抽无血，可以注药吗？腰椎硬膜外",
    "腰椎硬膜外进针时透视的放射剂量大概多少？",
    "腿像过电一样疼了3个月，适合做经椎间孔注射吗？"])
def test_no_shock_told_on_the_needle_is_no_banner(table_engine, question):  # type: ignore[no-untyped-def]
    assert not table_engine.answer(question).urgent


def test_a_deficit_the_day_after_a_shock_on_the_needle_is_the_haematoma_pathway(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("Yesterday during her L4-5 ILESI she had an electric shock down the leg as I advanced the needle; today she "
                              "has new bilateral leg weakness and urinary retention - what now?")
    assert ans.urgent and "Stop advancing" not in ans.text and "haematoma" in ans.text, ans.text


@pytest.mark.parametrize("question", ["Contrast filling a vein on live fluoro during cervical TFESI - what should I do?",
                                      "经椎间孔注射时造影剂充盈静脉，还能推激素吗？"])
def test_contrast_in_a_vein_is_no_cement_leak(table_engine, question):  # type: ignore[no-untyped-def]
    ans = table_engine.answer(question)
    assert "cement-leakage" not in table_engine.frame(question, []).concepts
    assert "cement" not in _bullets(ans.text)[0].lower() and "骨水泥" not in _bullets(ans.text)[0], ans.text


def test_backache_after_labour_epidurals_is_not_an_esi(engine):  # type: ignore[no-untyped-def]
    q = engine.frame("How common is backache after epidurals for labour?", [])
    assert "esi" not in q.concepts, q.concepts


def test_a_faint_told_over_beside_weak_legs_after_an_epidural_keeps_a_banner(day_engine):  # type: ignore[no-untyped-def]
    ans = day_engine.answer("缓过来了，下地后说双腿有点软，站不稳", ["腰椎椎板间硬膜外注射后病人晕厥了"])
    assert ans.urgent, ans.text


def test_cement_creeping_toward_the_wall_in_us_spelling_leads_with_the_stop_rule(table_engine):  # type: ignore[no-untyped-def]
    ans = table_engine.answer("T9 kypho, cement creeping toward the posterior wall on lateral - keep going?")
    assert "stop when the cement approaches the posterior vertebral wall" in _bullets(ans.text)[0], ans.text


def test_this_epidural_asked_by_the_patient_is_the_steroid_injection(engine_esi):  # type: ignore[no-untyped-def]
    ans = engine_esi.answer("pt asks if this epidural can leave her paralysed, what do i say?")
    lead = _bullets(ans.text)[0]
    assert not ans.urgent and "Racz" not in lead and any(w in lead for w in ("FDA", "paraplegi", "paralys")), ans.text
    assert "esi" in engine_esi.frame("pt asks if this epidural can leave her paralysed, what do i say?", []).concepts
