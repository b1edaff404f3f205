"""Patients and askers the passages are not written for: a pregnant patient before fluoroscopy, the operator cutting their
own dose while doing a procedure, a complication seen on the table with no emergency picture (hash-embedder index over the documents that hold the answers: the lexical and concept
retrievers find them; the dense one is random here)."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerEngine


@pytest.fixture(scope="module")
def clinic(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("clinic-index")
    copy_corpus(root / "corpus", ("esi-general", "patient-selection-monitoring", "sacroiliac", "radiation-contrast", "anticoagulants",
                                       "vertebral-augmentation", "esi-transforaminal", "infection-control", "spinal-cord-stimulation"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


def test_a_pregnant_patient_is_told_fluoroscopy_is_avoided_not_to_exclude_pregnancy(clinic):
    for question, spared, screening in (("孕22周腰骶痛，可以X线下做SI关节注射吗？", "为保护胎儿应避免透视", "排除妊娠"),
                                        ("she's 20 wks pregnant, can I do her SI joint injection under fluoro?",
                                         "fluoroscopy is avoided to protect the fetus", "should be excluded")):
        ans = clinic.answer(question)
        assert spared in ans.bullets[0]["text"], ans.text
        assert not any(screening in b["text"] for b in ans.bullets), ans.text
    # a woman of child-bearing age before fluoroscopy is still told to exclude pregnancy
    ans = clinic.answer("do I need to rule out pregnancy before a fluoroscopic SI joint injection in a 30-year-old woman?")
    assert any("should be excluded" in b["text"] for b in ans.bullets), ans.text


def test_cutting_the_operators_dose_is_asked_of_the_fluoroscopy_not_of_the_procedure_it_guides(clinic):
    for question in ("C臂透视下做腰椎ESI，术者怎么减少辐射？", "under C-arm for a lumbar ESI, how do I as the operator cut my radiation?"):
        ans = clinic.answer(question)
        first = next(c for c in ans.citations if c.n == ans.bullets[0]["n"][0])
        assert first.chunk.doc_id.startswith("radiation-contrast"), ans.text  # (it had led with ESI technique or pregnancy)


def test_a_complication_seen_on_the_table_gets_the_rule_to_stop_first(clinic):
    for question, stop in (("cement leak seen on lateral into the canal during L2 vertebroplasty, pt awake. next steps?",
                            "stop when the cement approaches the posterior vertebral wall"),
                           ("L1 PVP术中侧位透视见骨水泥漏入椎管，病人清醒无症状，下一步？", "即停止注射")):
        ans = clinic.answer(question)
        assert not ans.urgent and stop in ans.bullets[0]["text"], ans.text  # (it had led with thoracic decompression rates)


def test_the_rule_to_stop_goes_under_the_part_that_asks_what_to_do(clinic):
    ans = clinic.answer("PVP 骨水泥渗漏率大概多少？术中发现肺栓塞怎么处理？")
    first = [b for b in ans.bullets if b["part"] == 0]
    second = [b for b in ans.bullets if b["part"] == 1]
    assert first and "停止注射" not in first[0]["text"], ans.text  # (the rate part had led with the rule to stop)
    assert second and "停止注射骨水泥" in second[0]["text"], ans.text


def test_an_infection_being_treated_before_todays_procedure_is_answered_by_the_contraindications(clinic):
    # "proceed or cancel?" asks whether she may have it; the UTI on antibiotics before this afternoon's ESI is an active
    # infection, and the passage listing it among the absolute contraindications leads
    for q, said in (("temp 38.2 and on macrobid for UTI, L3-4 ILESI booked this aft. proceed or cancel?", "systemic infection"),
                    ("发烧38.5，尿路感染在吃抗生素，下午的腰椎硬膜外注射要取消吗", "全身感染")):
        ans = clinic.answer(q)
        assert not ans.abstained and said in ans.bullets[0]["text"], ans.text


def test_a_brand_asked_beside_its_classs_rule_is_said_to_be_of_that_class(clinic):
    # the rule is the particulate class's; the sentence that puts Diprospan in that class follows it
    for q, rule, member in (("得宝松可以用于颈椎经椎间孔注射吗", "不应使用颗粒型", "得宝松应按颗粒型"),
                            ("can I use Diprospan for a C6 TFESI?", "should not be used", "Diprospan should be treated as a particulate")):
        texts = [b["text"] for b in clinic.answer(q).bullets]
        assert rule in texts[0] and member in texts[1], texts


def test_a_high_blood_pressure_told_before_a_procedure_is_said_to_be_beyond_the_sources(clinic):
    for q, note in (("BP 190/105 in pre-op bay, pt anxious, for SI joint injection under fluoro. do I cancel?",
                     "Nothing in the knowledge base on hypertension together with SI joint injection"),
                    ("护士电话：PKP病人进手术室血压190/110，心率96，还做不做？", "知识库中没有关于高血压与PKP之间关系的资料")):
        ans = clinic.answer(q)
        assert ans.text.startswith("> " + note) and not ans.urgent, ans.text
    # a condition the sources do name with the procedure gets no such note (pregnancy before fluoroscopic SIJ injection)
    assert "Nothing in the knowledge base on" not in clinic.answer("she's 20 wks pregnant, can I do her SI joint injection under fluoro?").text


def test_a_pregnancy_test_asked_before_fluoroscopy_is_answered_by_excluding_pregnancy(clinic):
    for q, said in (("28F for a fluoro-guided SI joint injection, unsure of LMP. do we need a urine bhcg first?", "should be excluded"),
                    ("28岁女性，透视下骶髂关节注射，末次月经记不清，要先查尿HCG吗", "应排除妊娠")):
        ans = clinic.answer(q)
        assert said in ans.bullets[0]["text"], ans.text


def test_the_harms_to_disclose_at_consent_lead_before_one_series_rates(clinic):
    for q, said in (("consent for lumbar TFESI - what complications should I mention and roughly how common?", "recognised hazards"),
                    ("腰椎TFESI知情同意要告知哪些风险？发生率大概多少？", "已知风险包括")):
        ans = clinic.answer(q)
        assert said in ans.bullets[0]["text"] and any("%" in b["text"] for b in ans.bullets[1:]), ans.text


def test_what_the_images_show_during_the_procedure_gets_the_rule_to_stop_first(clinic):
    # live fluoroscopy showing a vascular pattern, a lateral view showing cement in the veins: the procedure is under way
    ans = clinic.answer("doing a R C6/7 TFESI, live fluoro shows contrast rapidly washing out in a vascular pattern. what now?")
    assert "Do not inject further" in ans.bullets[0]["text"], ans.text
    ans = clinic.answer("vertebroplasty T12, lateral view shows cement tracking into the paravertebral veins. stop injecting? what do I watch for")
    assert "fills veins" in ans.bullets[0]["text"], ans.text  # ("stop injecting?" asks of the cement, not a drug hold)


def test_a_platelet_threshold_the_sources_do_not_give_is_said_missing_not_answered_with_a_spinal_level(clinic):
    for q, note in (("血小板 6万，腰椎经椎间孔注射能做吗？多少以上才安全", "知识库未涵盖：多少以上才安全"),
                    ("plts 62 this morning, booked for L5/S1 TFESI. ok to go ahead? what count do you need?",
                     "Not covered in the knowledge base: what count do you need")):
        ans = clinic.answer(q)
        assert note in ans.text and all(b["part"] == 0 for b in ans.bullets), ans.text


def test_an_esi_patients_meningitis_gets_no_step_of_another_procedure(clinic):
    # told two turns apart: the ESI before, the picture now; explanting an SCS is no step for her
    ans = clinic.answer("headache is not positional, she has neck stiffness and fever 39, photophobia",
                        ["Pt had IL ESI 2 days ago, now has headache"])
    assert ans.urgent and not any("explant" in b["text"] for b in ans.bullets), ans.text


def test_a_complication_no_passage_names_for_drg_is_answered_from_scs_and_said_so(clinic):
    for q, note in (("DRG stim pt lost coverage 2 wks after implant, lead migration? what do I do",
                     "Nothing in the knowledge base on this for DRG stim itself; below is what it says of a related procedure"),
                    ("DRG stim 3 wks post implant, pt says the stim moved to her hip, coverage gone. next?",
                     "Nothing in the knowledge base on this for DRG stim itself; below is what it says of a related procedure"),
                    ("DRG stimulator 植入两周，病人说原来覆盖的区域 paresthesia 没了，是不是 lead migration？怎么处理？",
                     "知识库中没有DRG stimulator本身这方面的资料")):
        ans = clinic.answer(q)
        # (lost coverage from a stimulator is no new deficit: no haematoma banner)
        assert ans.text.startswith("> " + note) and not ans.urgent and any("impedance" in b["text"] or "阻抗" in b["text"]
                                                                            for b in ans.bullets), ans.text


def test_a_contrast_allergy_told_as_history_before_a_tfesi_leads_with_the_standard_premedication(clinic):
    ans = clinic.answer("病人有碘造影剂过敏史（以前CT增强出过荨麻疹），做TFESI怎么办？能用钆吗")
    assert not ans.urgent and "13、7和1" in ans.bullets[0]["text"], ans.text


def test_review_three_answers(clinic):
    # a recent stent before today's procedure: its antiplatelet rule, and no note saying the base lacks it
    ans = clinic.answer("pt had a drug-eluting coronary stent 2 months ago, lumbar TFESI today - proceed or cancel?")
    assert "Nothing in the knowledge base" not in ans.text and any("cardiology" in b["text"] for b in ans.bullets[:2]), ans.text
    ans = clinic.answer("冠脉支架术后2个月，今天的腰椎TFESI要取消吗")
    assert "知识库中没有关于" not in ans.text and any("心内科" in b["text"] for b in ans.bullets[:2]), ans.text
    # a maximum asked after a platelet count is the drug's, not a lab level
    ans = clinic.answer("plts 62, 60kg, lumbar MBB with bupi today. ok to proceed? what's the max?")
    assert "Not covered in the knowledge base: what's the max" not in ans.text, ans.text
    # prophylaxis before an implant is no empiric regimen
    assert not clinic.answer("SCS植入术前用什么抗生素预防？").abstained
