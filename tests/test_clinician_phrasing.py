"""Questions in the benchmark categories written in clinicians' phrasing (round 73 of the blind clinician trials): a
haematoma the MRI has shown, a steroid asked for a route, a brand's knee injection, two asks in one, a follow-up that
swaps the region, a lab value told before a procedure. The `desk` fixture indexes the documents these questions need."""

from __future__ import annotations

import re

import pytest

from assistant.answer import AnswerEngine
from assistant.safety import triage


@pytest.fixture(scope="module")
def desk(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("desk-index")
    copy_corpus(root / "corpus", ("esi-general", "esi-transforaminal", "esi-interlaminar-caudal", "anticoagulants", "radiation-contrast",
                                  "intradiscal-pldd", "cervical-thoracic-sympathetic", "facet-mbb-rfa", "patient-selection-monitoring",
                                  "spinal-haematoma", "last", "vertebral-augmentation", "spinal-cord-stimulation"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


@pytest.mark.parametrize("question,lang", [
    ("MRI shows an epidural hematoma after the SCS trial, what now?", "en"),
    ("SCS测试后核磁提示硬膜外血肿，怎么办？", "zh"),
    ("MRI shows epidural hematoma after his ESI, symptoms started 2 hours ago", "en"),
    ("MRI shows a hematoma compressing the cord after his SCS trial", "en"),
    ("epidural hematoma on MRI after ESI, how fast does he need decompression?", "en"),
    ("MRI shows epidural hematoma after his SCS trial, neurosurgery asking how urgent - what's the window?", "en"),
    ("病人TFESI术后核磁提示硬膜外血肿，多久内要手术减压？", "zh"),
])
def test_a_haematoma_the_scan_has_shown_is_urgent_with_decompression_first(question, lang):
    tri = triage(question, lang)
    assert tri.urgent and tri.rule == "neuraxial-deficit", tri
    assert ("decompression" in tri.escalation or "减压" in tri.escalation) and "Stop the procedure" not in tri.escalation, tri.escalation
    assert not any("MRI" in s and "stopping" in s for s in tri.steps), tri.steps  # (the scan is done: no stop-examine-scan step)


@pytest.mark.parametrize("question,lang", [
    ("Patient had an epidural hematoma on MRI after an SCS trial 2 years ago; can we do a permanent implant now?", "en"),
    ("他的核磁提示硬膜外血肿已经吸收了，可以重新做SCS测试吗？", "zh"),
    ("MRI showed an epidural hematoma after his SCS trial, it was evacuated yesterday - when can we restart apixaban?", "en"),
    ("MRI showed a small paraspinal muscle hematoma after his lumbar facet RF, no weakness or numbness. Anything to do?", "en"),
    ("患者SCS植入术后CT提示囊袋血肿，怎么处理？", "zh"),
    ("MRI shows psoas hematoma after his lumbar sympathetic block, BP stable", "en"),
    ("When MRI shows an epidural hematoma after ESI, how fast is decompression needed?", "en"),
    ("TFESI后核磁提示硬膜外血肿时，其他需要鉴别的疾病有哪些？", "zh"),
    ("What does an epidural haematoma look like on MRI after ESI?", "en"),
    ("MRI ruled out an epidural haematoma after his ESI, what else causes the back pain?", "en"),
    ("如果核磁提示硬膜外血肿，一般多久内要减压？", "zh"),
])
def test_a_haematoma_asked_about_or_ruled_out_raises_no_banner(question, lang):
    assert not triage(question, lang).urgent


def test_a_covered_steroid_brand_does_not_pull_a_knee_injection_into_scope(desk):
    for q in ("How often can I do Kenalog injections into an OA knee?", "can I give 40 of Kenalog as a knee injection, he's diabetic?",
              "膝盖打封闭用得宝松，一年能打几次？"):
        ans = desk.answer(q)
        assert ans.abstained and ans.verdict == "out_of_scope", ans.text


def test_numbness_going_into_the_knee_after_an_epidural_is_still_a_deficit(desk):
    for q in ("new numbness into the knee and foot drop after epidural this morning",
              "Kenalog epidural yesterday, now she can't lift her leg and numb into the knee"):
        ans = desk.answer(q)
        assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text


def test_a_steroid_asked_for_a_route_gets_the_route_rule_first(desk):
    for q, rule in (("kenalog vs dex for a lumbar TF - which one do you recommend?", "non-particulate"),
                    ("is depo-medrol ok for a lumbar interlaminar ESI?", "caudal and interlaminar"),
                    ("C6 selective nerve root block - can I use Kenalog?", "should not be used for therapeutic cervical"),
                    ("颈椎选择性神经根阻滞能用得宝松吗？", "颈段经椎间孔esi不应使用颗粒型")):
        ans = desk.answer(q)
        assert not ans.abstained and rule in ans.bullets[0]["text"].lower(), (q, ans.text)


def test_epidural_use_at_large_is_not_answered_by_a_rule_for_some_routes():
    from assistant.compose import Signals, _choice_rule
    from assistant.frame import Part, Question
    from tests.test_understanding import _sent

    kinds = {"compound-betamethasone": "brand", "esi": "procedure", "interlaminar-esi": "procedure", "caudal-esi": "procedure",
             "transforaminal-esi": "procedure", "particulate-steroid": "drug-class", "lumbar-spine": "region"}
    closure = {"compound-betamethasone": frozenset({"particulate-steroid"}), "interlaminar-esi": frozenset({"esi"}),
               "caudal-esi": frozenset({"esi"}), "transforaminal-esi": frozenset({"esi"})}
    sig = Signals(kinds=kinds, closure=closure, parents={"interlaminar-esi": frozenset({"esi"})})
    routes = _sent("A 2022 review limits particulate steroid to caudal and interlaminar routes.", "Prevention",
                   {"particulate-steroid", "caudal-esi", "interlaminar-esi", "esi"})
    at_large = Part("得宝松能做硬膜外注射吗？", ("compound-betamethasone", "esi"), ("contraindications",))
    one_route = Part("is Diprospan ok for an interlaminar ESI?", ("compound-betamethasone", "interlaminar-esi"), ("contraindications",))

    def q(p: Part) -> Question:
        return Question(original=p.text, text=p.text, lang="en", script="latin", concepts=p.concepts, subjects=p.concepts, parts=(p,))
    assert not _choice_rule(routes, at_large, q(at_large), sig)  # (epidural use at large: not a rule for some routes)
    assert _choice_rule(routes, one_route, q(one_route), sig)


def test_a_follow_up_naming_another_steroid_keeps_the_route_choice(desk):
    ans = desk.answer("那曲安奈德呢？", ["TFESI用什么激素比较安全？"])
    assert "颗粒型" in ans.bullets[0]["text"], ans.text


def test_the_bleeding_risk_class_asked_beside_a_hold_is_answered_in_its_own_part(desk):
    for q, tier in (("星状神经节阻滞属于哪一级出血风险？吃替格瑞洛要停几天？", "中等出血风险"),
                    ("what bleeding risk tier is an SGB, and how long do I stop Brilinta?", "intermediate bleeding-risk")):
        ans = desk.answer(q)
        first = [b for b in ans.bullets if b["part"] == 0]
        assert first and tier in first[0]["text"].lower(), ans.text
        # a brand's identity card beside the interval that names its drug is filler
        assert not any(b["text"].startswith(("Brilinta (Brilique", "Brilinta（")) for b in ans.bullets), ans.text


def test_a_two_part_follow_up_keeps_the_drug_of_the_turn_before(desk):
    ans = desk.answer("how many days off and when can she restart?", ["72F on Xarelto for AF, booked for L1 kyphoplasty"])
    assert "Xarelto" in ans.bullets[0]["text"] or "rivaroxaban" in ans.bullets[0]["text"], ans.text
    assert not any(d in ans.text for d in ("Dabigatran", "prasugrel", "Cilostazol")), ans.text


def test_when_not_to_is_answered_under_its_own_part(desk):
    ans = desk.answer("Adding cefazolin to discography contrast - what dose, and is there any situation where I shouldn't?")
    second = [b for b in ans.bullets if b["part"] == 1]
    assert second and second[0]["text"].startswith("Do not add an antibiotic"), ans.text


def test_a_pregnant_colleagues_dose_limit_is_the_fetal_one(desk):
    ans = desk.answer("怀孕的护士能不能继续在C臂旁边跟台？剂量限值多少？")
    limit = [b for b in ans.bullets if b["part"] == 1]
    assert limit and "胎儿剂量限值" in limit[0]["text"], ans.text


def test_a_follow_up_swapping_the_region_of_a_whether_to_stop_ask_leads_with_its_class(desk):
    ans = desk.answer("如果是颈椎呢？", ["腰椎内侧支射频术前要停阿司匹林吗？"])
    assert "中等出血风险" in ans.bullets[0]["text"], ans.text


def test_one_source_retold_is_quoted_once(desk):
    ans = desk.answer("max dose of lidocaine with epi for a 70 kg guy?")
    assert sum("Williams" in b["text"] for b in ans.bullets) <= 1, ans.text


def test_a_condition_the_patient_lives_with_adds_no_routine_step_to_an_emergency(desk):
    ans = desk.answer("Fever 39 and severe back pain 5 days after L4-5 ILESI, diabetic pt")
    assert ans.urgent and not any("fasting blood glucose" in b["text"] for b in ans.bullets), ans.text


def test_a_lab_value_told_before_a_procedure_is_answered_by_what_the_sources_say_of_it(desk):
    ans = desk.answer("INR 1.6 this morning, can I go ahead with the L4-5 ILESI?")
    assert "INR" in ans.bullets[0]["text"], ans.text


def test_a_monitoring_ask_after_a_glucose_question_monitors_the_glucose(desk):
    q = desk.frame("硬膜外类故醇注射后糖尿病人血糖会高几天？要怎么监测？")
    assert len(q.parts) == 2 and {"blood-glucose", "steroid-hyperglycaemia"} & set(q.parts[1].inherited), q.parts
    ask = desk.frame("Adding cefazolin to discography contrast - what dose, and is there any situation where I shouldn't?")
    assert ask.parts[1].aspects[:1] == ("contraindications",), ask.parts


def test_each_part_of_a_bridging_question_asks_about_its_own_drug(desk):
    q = desk.frame("克赛桥接华法林的病人要做椎体成形术，华法林停几天？克赛最后一针什么时候打？")
    assert "enoxaparin" not in q.parts[0].concepts and "warfarin" in q.parts[0].concepts, q.parts
    ans = desk.answer("克赛桥接华法林的病人要做椎体成形术，华法林停几天？克赛最后一针什么时候打？")
    # (the pain guideline's warfarin rule, with its INR, before the surgical CHEST guideline's)
    assert "疼痛介入操作前约停用 5 天" in ans.bullets[0]["text"], ans.text


def test_asked_how_to_confirm_it_the_studies_to_order_come_first(engine):
    ans = engine.answer("鞘内吗啡泵导管尖端肉芽肿早期有什么表现？怎么确诊？")
    second = [b for b in ans.bullets if b["part"] == 1]
    assert second and "MRI" in second[0]["text"] and "平片" in second[0]["text"], ans.text


@pytest.mark.parametrize("question,lang,urgent", [
    ("Her last lipid panel was high - is bupivacaine OK for her SIJ injection?", "en", False),  # ("last" is no LAST)
    ("he had LAST yesterday after the block, lipid given, can he go home?", "en", False),
    ("if my patient gets LAST during the block, what lipid dose?", "en", False),
    ("局麻药中毒，病人60公斤，20%脂肪乳怎么给？", "zh", True),
    ("pt in LAST, 80 kg, how much intralipid?", "en", True),
    ("Lipid emulsion dosing for LAST in a 95 kg man?", "en", False),  # (the regimen asked in general)
    ("按英国AAGBI方案，70公斤成人的脂肪乳最大用量是多少？", "zh", False),
    ("She had LAST two years ago, lipid on hand for her SIJ injection?", "en", False),
])
def test_toxicity_named_in_a_patient_with_the_lipid_asked_is_the_rescue_going_on(question, lang, urgent):
    tri = triage(question, lang)
    assert tri.urgent is urgent and (tri.rule == "last" or not urgent), tri


def test_a_steroid_rule_for_another_region_does_not_lead(desk):
    ans = desk.answer("Can I use Kenalog for a T11 selective nerve root block?")
    assert not any("selected lumbar cases" in b["text"] for b in ans.bullets[:2]), ans.text


def test_a_condition_measure_told_with_its_value_gets_the_conditions_caution_not_trivia(desk):
    ans = desk.answer("HbA1c 9.5, can I go ahead with the L5 TFESI?")
    assert "half-life" not in ans.bullets[0]["text"], ans.text


def test_the_words_of_other_asks_are_not_read_as_asks(desk):
    assert "contraindications" not in desk.frame("What happens when not using contrast during TFESI?").aspects
    assert desk.frame("椎体成形每节打多少ml骨水泥比较安全？骨水泥漏进椎管多见吗？").parts[1].aspects[:1] == ("frequency",)
    assert "frequency" not in desk.frame("max lidocaine for skin infiltration during IPG implant in a 110 kg man (1% plain)?").aspects
    assert "risk_factors" in desk.frame("华法林的病人要做脊髓刺激器植入，术前需要用低分子肝素桥接吗？").aspects
    assert "rf-stimulation-check" in desk.frame("腰椎内侧支RFA的时候sensory和motor测试各用多少Hz？").concepts
    assert "dose" not in desk.frame("鞘内吗啡泵的病人止痛效果越来越差，剂量一直往上加，要考虑什么？").aspects


def test_whether_to_stop_is_not_a_stay_or_a_stop_injecting():
    from assistant.compose import asks_whether_to_stop

    assert asks_whether_to_stop("腰椎内侧支射频术前要停阿司匹林吗？")
    assert not asks_whether_to_stop("服用氯吡格雷的患者腰椎TFESI后要停留观察吗？")
    assert not asks_whether_to_stop("病人腿麻了，要停止推药吗？")


def test_a_mass_dose_the_sources_never_give_is_said_first(desk):
    for q, note in (("打封闭针一般地塞米松用几毫克？", "知识库未给出"), ("how many mg of dex do you use for a lumbar TFESI?", "gives no dose")):
        ans = desk.answer(q)
        assert ans.abstained or note in ans.text.splitlines()[0], ans.text  # (never a repeat limit or a glucose in mg/dL as its dose)


def test_a_pacemaker_before_rf_gets_what_to_do_for_it_first(desk):
    ans = desk.answer("装了起搏器的病人可以做腰椎射频去神经吗？")
    assert "心脏装置团队" in ans.bullets[0]["text"], ans.text


def test_a_lung_collapse_before_thoracic_medial_branch_blocks_is_their_pneumothorax(desk):
    q = desk.frame("what do I warn pts about for lung collapse before thoracic medial branch blocks? how common")
    assert {"pneumothorax", "medial-branch-block"} <= set(q.concepts), q.concepts


def test_a_sore_battery_pocket_is_pocket_pain_and_its_best_site_is_its_own_part(desk):
    ans = desk.answer("Stimulator battery pocket is sore - how common is that, and where's the best spot for the box?")
    where = [b for b in ans.bullets if b["part"] == 1]
    assert "17%" in ans.bullets[0]["text"] and where and "posterior chest wall" in where[0]["text"], ans.text
    assert "pocket-pain" in desk.frame("脊髓电刺激埋电池那个地方老是疼，多见吗？").concepts


def test_who_gets_more_asks_the_risk_factors_and_no_bleeding_class_fills_it(desk):
    q = desk.frame("Who gets more pain at the IPG site, and what rare lead complications have case reports described?")
    assert q.parts[0].aspects[:1] == ("risk_factors",) and "scs-lead" in q.concepts, q.parts


def test_asked_whether_the_haematoma_can_wait_keeps_the_emergency(desk):
    ans = desk.answer("急诊 MRI 要排 4 小时，神经外科说明天早上再手术，可以等吗？",
                      ["腰椎层间 ESI 术后 5 小时双下肢无力进行性加重，背部剧痛，怀疑硬膜外血肿"])
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text


def test_a_stroke_after_a_stellate_block_is_not_told_as_an_epidural_injections():
    tri = triage("右侧星状神经节阻滞后 30 分钟，Horner 之外突然说话含糊、口角歪斜、左侧肢体无力", "zh")
    assert tri.urgent and tri.rule == "esi-stroke" and "星状神经节" in tri.escalation, tri


def test_a_paraesthesia_while_threading_the_catheter_is_withdrawn_first(engine):
    for q, step in (("pt reports shooting paresthesia down the leg while im threading the intrathecal cath for pump implant, what now",
                     "withdraw the catheter immediately"),
                    ("鞘内泵置管时病人说腿上有放电样的感觉窜下去，怎么办？", "立即退出导管")):
        ans = engine.answer(q)
        assert ans.urgent and step in ans.bullets[0]["text"], ans.text


def test_an_arrest_with_no_seizure_drops_the_benzodiazepine_for_the_arrests_own_steps():
    from assistant.safety import steps_for

    arrest = steps_for("last", "en", "bupivacaine block, now VF arrest, CPR started, lipid given, still in VF")
    fitting = steps_for("last", "en", "seizing then VF arrest after the block")
    assert not any("benzodiazepine" in s for s in arrest) and any("ECMO" in s for s in arrest)
    assert any("benzodiazepine" in s for s in fitting)


def test_asked_whether_a_flushed_face_is_normal_the_reaction_leads_not_a_table_of_rates(desk):
    ans = desk.answer("face bright red and couldn't sleep night after epidural steroid inj, no fever. normal?")
    assert "flushing" in ans.bullets[0]["text"] and "dural puncture" not in ans.bullets[0]["text"], ans.text


def test_a_haematoma_scan_told_the_turn_before_keeps_the_emergency():
    tri = triage("需要多快手术？", "zh", before="病人SCS测试后核磁提示硬膜外血肿")
    assert tri.urgent and tri.rule == "neuraxial-deficit", tri


def test_a_steroid_injected_into_a_knee_is_declined_in_any_wording(desk):
    ans = desk.answer("is it safe to inject triamcinolone into her knee if she's on warfarin?")
    assert ans.abstained and ans.verdict == "out_of_scope", ans.text


def test_a_bleeding_risk_class_asked_in_words_is_still_answered(desk):
    for q in ("which risk category is a kyphoplasty?", "椎体成形术属于哪类风险操作？"):
        ans = desk.answer(q)
        assert not ans.abstained and ("bleeding-risk" in ans.bullets[0]["text"] or "出血风险" in ans.bullets[0]["text"]), ans.text


def test_a_rate_quoted_in_the_question_is_still_a_frequency_ask(desk):
    assert "frequency" in desk.frame("Is SCS infection really 5% or so?").aspects


def test_both_drugs_of_a_hold_part_stay_when_a_later_part_asks_one_restart(desk):
    q = desk.frame("how long do I stop warfarin and aspirin before the SCS trial, and when do I restart the aspirin?")
    assert {"warfarin", "aspirin"} <= set(q.parts[0].concepts), q.parts


def test_a_calm_plan_after_an_emergency_is_answered_not_the_emergency_again(desk):
    for q, history in (("Next week, can I block both sides in the same session?",
                        ["20 minutes after the stellate block her neck is swelling and her voice is getting hoarse and she says it's hard to breathe."]),):
        assert not desk.answer(q, history).urgent, q
    # (a general figure asked while the embolism told just before goes on: its steps still lead, the figure follows them)
    ans = desk.answer("How much cement per level is considered safe?",
                      ["During kyphoplasty at T8 the patient suddenly becomes short of breath and desaturates to 85%. What do I do?"])
    assert ans.urgent and "3.5" in ans.text, ans.text
    assert desk.answer("still hypoxic, what next?",
                       ["During kyphoplasty at T8 the patient suddenly becomes short of breath and desaturates to 85%. What do I do?"]).urgent


def test_a_reaction_told_in_the_past_in_chinese_raises_no_banner():
    assert not triage("病人之前打显影剂起过荨麻疹，下周要做颈椎硬膜外类固醇注射，premedication要怎么给？", "zh",
                      {"contrast-medium", "premedication", "esi"}).urgent
    assert triage("病人之前打造影剂起过荨麻疹，现在推完造影剂又全身荨麻疹、喘，血压80/50", "zh", {"contrast-medium"}).urgent


def test_the_bleeding_risk_class_is_said_once_beside_a_restart(engine):
    ans = engine.answer("Eliquis - when can I restart it after a DRG stimulator implant?")
    classes = [b for b in ans.bullets if re.search(r"high bleeding-risk|high-risk (?:category|procedure)", b["text"])
               and "apixaban" not in b["text"].lower() and "eliquis" not in b["text"].lower()]
    assert len(classes) <= 1, ans.text


def test_a_past_contrast_reaction_in_english_raises_no_banner_before_the_next_procedure():
    assert not triage("Patient had hives after iodinated contrast last year and needs a lumbar TFESI next week. What premedication?",
                      "en", {"contrast-medium", "premedication", "transforaminal-esi"}).urgent
    assert triage("pt had hives after contrast last year, now just injected omnipaque and she is wheezing with BP 70/40", "en",
                  {"contrast-medium"}).urgent


def test_a_pregnant_radiographer_told_in_the_first_person_is_staff(desk):
    q = desk.frame("我是放射师，刚怀孕，还可以在C-arm室跟疼痛科的刀吗？剂量限制是多少？")
    assert "pregnant-staff" in q.concepts, q.concepts
    assert "last" in desk.frame("bupivicaine toxicity during a nerve block, whats the lipid emulsion dose?").concepts


@pytest.mark.parametrize("question,history", [
    ("Is propofol considered safe here?", ["C6 TFESI with lidocaine, now she is seizing with perioral numbness"]),
    ("一般脂肪乳给多少？", ["星状神经节阻滞推完布比卡因病人突然抽搐"]),
    ("Can I repeat it?", ["pt has hives and wheeze after omnipaque, BP 70/40, gave IM adrenaline 0.5 mg"]),
])
def test_a_general_word_in_the_middle_of_an_emergency_keeps_it(desk, question, history):
    assert desk.answer(question, history).urgent


def test_a_reaction_now_beside_a_past_tolerance_stays_urgent():
    assert triage("Pt had hives and wheeze, BP 80/50 after contrast, previously tolerated it fine. what do I do?", "en",
                  {"contrast-medium"}).urgent
    assert not triage("之前造影后出现过荨麻疹，今天做TFESI怎么办？", "zh", {"contrast-medium", "transforaminal-esi"}).urgent


def test_each_procedures_own_class_is_said_beside_a_restart(desk):
    ans = desk.answer("When can rivaroxaban be restarted after a kyphoplasty and after a trigger point injection?")
    assert any("high bleeding-risk" in b["text"] for b in ans.bullets) and any("ow-bleeding-risk" in b["text"] or "low-risk" in b["text"]
                                                                              for b in ans.bullets), ans.text


def test_expected_effects_asked_lead_with_the_expected_effect(desk):
    assert "expected" in desk.frame("What effects should I expect after a stellate ganglion block?").aspects
    q = desk.frame("做完星狀神經節阻斷，病人聲音沙啞、吞口水怪怪的，眼皮也垂下來，這樣正常嗎？多久可以喝水？")
    assert {"stellate-ganglion-block", "hoarseness", "ptosis"} <= set(q.concepts), q.concepts
