"""Rounds 204 onwards (an anaesthesia registrar covering the pain service overnight, a pain-clinic nurse on patients'
calls, a spine surgeon seeing referrals; an interventional radiologist doing vertebral augmentation, a hospital pharmacist
on anticoagulants and doses, a first-year pain fellow): what they ask, as they type it."""

from __future__ import annotations

from typing import Any

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes


@pytest.fixture(scope="module")
def night_engine(engine_over):  # type: ignore[no-untyped-def]
    """The documents these questions reach: bleeding risk, cement, headache, toxicity, implants and radiation."""
    return engine_over("night-rounds", ("anticoagulants", "facet-mbb-rfa", "spinal-cord-stimulation", "vertebral-augmentation",
                                        "pdph", "last", "radiation-contrast", "esi-interlaminar-caudal", "esi-general",
                                        "patient-selection-monitoring", "intradiscal-pldd", "spinal-haematoma"))


def _first(ans: Any) -> str:
    return str(ans.bullets[0]["text"]) if ans.bullets else ""


@pytest.mark.parametrize("history, question, first", [
    (["Patient on Plavix and aspirin, DES 6 months ago, booked for an SCS trial. How do we manage the antiplatelets?"],
     "Cardiology says the Plavix can't be stopped - can we still do the trial?", "High bleeding-risk"),
    (["患者吃波立维+阿司匹林，半年前放了药物洗脱支架，现在要做SCS试验电极植入，抗血小板怎么处理"],
     "心内科说波立维不能停，那这个手术还能做吗", "高出血风险"),
    (["Pt on Plavix, stent 2 months ago, booked for lumbar facet injection"],
     "cardiology won't let him stop it - can we still do the facet injection?", "low bleeding-risk")])
def test_a_drug_cardiology_keeps_on_leaves_the_go_ahead_to_the_procedures_class(night_engine, history, question, first):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question, history=history)
    assert first in _first(ans), ans.text
    assert not any(b.startswith(("Cervical facet", "Plavix (", "波立维（Plavix）")) for b in _bullets(ans.text)), ans.text


def test_a_swapped_procedure_after_a_how_long_ask_leads_with_its_class(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("and if it was a cervical MBB instead?", history=["Brilinta pt for lumbar facet RFA L4-5 - how many days off?"])
    assert _first(ans).startswith("Cervical facet MBB and cervical facet RFA remain in the intermediate"), ans.text
    assert any("ticagrelor" in b and "5 days" in b for b in _bullets(ans.text)), ans.text


def test_dual_antiplatelet_therapy_is_never_given_the_primary_prevention_aspirin_rule(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("病人在吃氯吡格雷+阿司匹林双抗，下周要做腰椎小关节注射(facet injection)，需要停药吗？")
    assert not any("一级预防" in b for b in _bullets(ans.text)), ans.text
    assert "低出血风险" in _first(ans), ans.text


def test_the_members_of_a_bleeding_risk_class_are_listed_first(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("Which pain procedures are classed as high bleeding risk under the ASRA pain guidelines?")
    assert _first(ans).startswith("High bleeding-risk pain procedures include"), ans.text
    zh = night_engine.answer("哪些疼痛介入操作属于高出血风险？")
    assert _first(zh).startswith("高出血风险疼痛介入操作包括"), zh.text


def test_a_blood_patchs_contraindications_are_never_another_procedures(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("What blood volume is used for an epidural blood patch and when is it contraindicated?",
                              history=["What are the risk factors for post-dural puncture headache after an interlaminar epidural?"])
    assert not any("ILESI" in b or "keep still" in b for b in _bullets(ans.text)), ans.text
    assert "when is it contraindicated" in ans.text and any("12–20 mL" in b for b in _bullets(ans.text)), ans.text


@pytest.mark.parametrize("question, endpoint", [
    ("For percutaneous vertebroplasty how much PMMA cement do you usually inject per level, and at what point should I stop "
     "injecting?", "stop when the cement approaches the posterior vertebral wall"),
    ("椎体成形术骨水泥什么时候停止注射？", "接近椎体后壁或充盈静脉即停止注射")])
def test_when_to_stop_injecting_cement_is_the_fluoroscopic_endpoint(night_engine, question, endpoint):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question)
    assert not ans.urgent, ans.text
    assert any(endpoint in b for b in _bullets(ans.text)), ans.text
    assert not _first(ans).startswith(("Stop the cement injection, give oxygen", "椎体成形术或后凸成形术中一旦出现胸闷")), ans.text


def test_do_lead_glasses_help_is_answered_by_the_glasses_cohort(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("What is the annual occupational dose limit for the lens of the eye for a fluoroscopy operator, "
                              "and does lead glasses actually help much?")
    part = ans.text.split("does lead glasses actually help much", 1)[-1]
    assert "Leaded glasses reduced the eye-lens dose" in part, ans.text


@pytest.mark.parametrize("question, drug", [
    ("Is caffeine effective for PDPH?", "caffeine up to 900 mg/day"),
    ("Does IV lipid emulsion work for LAST?", "lipid"),
    ("咖啡因对PDPH有效吗", "咖啡因最多 900 mg")])
def test_whether_a_drug_works_is_answered_by_what_the_sources_say_of_that_drug(night_engine, question, drug):  # type: ignore[no-untyped-def]
    ans = night_engine.answer(question)
    assert not ans.abstained and drug in _first(ans), ans.text
    assert not any("nerve blocks gave relief" in b for b in _bullets(ans.text)), ans.text


def test_a_follow_up_does_not_repeat_the_turn_befores_missing_drug(night_engine):  # type: ignore[no-untyped-def]
    ans = night_engine.answer("病人术后2周腰痛明显加重，ESR、CRP 都升高了，下一步怎么办？",
                              history=["椎间盘内注射（比如臭氧、亚甲蓝）术后椎间盘炎发生率大概多少？要不要预防性用抗生素？"])
    assert ans.bullets and not any("亚甲蓝" in n for n in _notes(ans.text)), ans.text
