"""Decisions at the bedside and in the pre-op bay told as a scene: go on with the needle or abort, proceed with a fever or
a high glucose, how long to watch after toxicity signs (round 69 of the blind clinician trials). The `engine` fixture
holds the PDPH, LAST and TFESI documents; `clinic` (test_special_patients) the ESI and SIJ ones."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerEngine


@pytest.fixture(scope="module")
def preop(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("preop-index")
    copy_corpus(root / "corpus", ("esi-general", "patient-selection-monitoring", "sacroiliac", "esi-transforaminal", "anticoagulants"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


def test_a_wet_tap_with_the_choice_to_go_on_asked_is_answered_by_abort_or_redirect(engine):
    for q in ("wet tap with the 14G Tuohy during SCS trial lead placement at T12-L1. continue at another level or abort? what do I tell the pt?",
              "SCS测试电极穿刺时穿破硬脊膜了，换个节段继续还是放弃？怎么跟病人交代"):
        ans = engine.answer(q)
        assert not ans.urgent and ("abort or redirect" in ans.bullets[0]["text"] or "中止操作" in ans.bullets[0]["text"]), ans.text


def test_vascular_runoff_with_the_choice_to_reposition_asked_leads_with_not_injecting(engine):
    ans = engine.answer("L5 TFESI, live contrast shows vascular runoff, venous looking. Reposition or abandon? I was going to use Kenalog")
    assert "Do not inject further" in ans.bullets[0]["text"], ans.text


def test_toxicity_signs_with_a_watch_period_asked_get_the_actions_and_the_watch(engine):
    ans = engine.answer("Patient has metallic taste and some twitching after the injection, how long should they be observed?")
    assert ans.urgent and ans.pathway == "last", ans.text
    assert "call for help" in ans.bullets[0]["text"] and any("at least 2 h" in b["text"] for b in ans.bullets), ans.text
    calm = engine.answer("pt had tinnitus and perioral tingling during the block, now resolved, how long should she be observed?")
    assert not calm.urgent and "at least 2 h" in calm.bullets[0]["text"], calm.text
    zh = engine.answer("病人注射时出现口周麻木和耳鸣，现在已缓解，要观察多久？")
    assert not zh.urgent and "至少监测 2 小时" in zh.bullets[0]["text"], zh.text


def test_a_postural_headache_told_in_plain_words_is_answered_as_pdph(engine):
    ans = engine.answer("2 days after L4-5 interlaminar ESI she has a headache that's terrible sitting up and gone lying flat. Mx?")
    assert not ans.abstained and any("blood patch" in b["text"] or "Conservative treatment" in b["text"] for b in ans.bullets[:2]), ans.text


def test_a_fever_before_an_sij_injection_gets_the_related_procedures_contraindications_and_says_so(preop):
    ans = preop.answer("SI joint injection today but pt says she's on day 2 of Macrobid for a UTI and temp in pre-op is 38.3 C. Proceed?")
    assert ans.text.startswith("> Nothing in the knowledge base on this for SI joint injection itself"), ans.text
    assert "epidural steroid injection" in ans.text.split("\n")[0]
    assert any("systemic infection" in b["text"] for b in ans.bullets), ans.text


@pytest.mark.parametrize("q", ["T2DM, HbA1c 9.8, fingerstick 280 this am. Booked for L4-5 TFESI with Depo-Medrol 80. Go ahead or cancel?"])
def test_a_high_glucose_before_an_esi_leads_with_the_listed_caution(preop, q):
    ans = preop.answer(q)
    assert "poorly controlled diabetes" in ans.bullets[0]["text"], ans.text
