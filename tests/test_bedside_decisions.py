"""Decisions at the bedside and in the pre-op bay told as a scene: go on with the needle or abort, proceed with a fever or
a high glucose, how long to watch after toxicity signs (round 69 of the blind clinician trials). The `engine` fixture
holds the PDPH, LAST and TFESI documents; `preop` the ESI, SIJ and patient-selection ones."""

from __future__ import annotations

import re

import pytest

from assistant.answer import AnswerEngine

re_cjk = re.compile(r"[\u4e00-\u9fff]")


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


def test_a_chinese_brands_own_sentence_is_not_quoted_to_an_english_question(engine):
    ans = engine.answer("does baby aspirin 81mg for primary prevention need stopping for lumbar medial branch RFA L3-L5?")
    assert not any(re_cjk.search(b["text"]) for b in ans.bullets), ans.text


def test_a_weight_told_after_a_lipid_dose_question_leads_with_its_band_not_a_worked_example(engine):
    ans = engine.answer("pt is 80kg, give me the actual numbers for bolus and infusion", ["intralipid dose for LAST?"])
    assert ">70 kg" in ans.bullets[0]["text"], ans.text


def test_whether_to_go_on_with_the_lipid_in_an_arrest_gets_the_next_steps_after_the_asked_drug(engine):
    ans = engine.answer("肾上腺素给多少？脂肪乳还要继续吗", ["刚做完星状神经节阻滞，病人突然抽搐", "已经推了咪达唑仑，抽搐停了，但是现在室颤了"])
    texts = [b["text"] for b in ans.bullets]
    assert ans.urgent and "肾上腺素" in texts[0], texts
    assert any("重复推注" in t for t in texts[1:3]), texts


def test_a_prophylactic_lmwh_named_with_the_clot_it_prevents_leads_with_its_hold(engine):
    ans = engine.answer("克赛40mg 皮下qd 预防血栓，明早8点做TFESI，今晚还能打吗？最后一针离手术要多久")
    assert "12 小时" in ans.bullets[0]["text"], ans.text


def test_a_leak_and_a_postural_headache_reported_by_a_caller_get_the_headaches_care(engine):
    ans = engine.answer("SCS trial pt called: clear fluid leaking from lead exit site and headache when she stands up. Day 3.")
    assert "Conservative treatment" in ans.bullets[0]["text"], ans.text


def test_a_next_step_asked_after_failed_care_is_not_called_uncovered_when_the_next_part_answers_it(engine):
    ans = engine.answer("卧床 补液 咖啡因都用了3天了还是痛，下一步？血补片什么时候做", ["腰椎ILESI后第二天头痛，坐起来就痛躺下好，恶心，护士问怎么处理"])
    assert "知识库未涵盖" not in ans.text and any("自体血填充" in b["text"] for b in ans.bullets), ans.text


def test_an_english_sentence_naming_a_chinese_brand_beside_its_english_name_is_still_quoted(engine):
    ans = engine.answer("what is Lixiana and how long do I hold it before an ESI?")
    assert any("Lixiana (里先安)" in b["text"] for b in ans.bullets), ans.text


def test_continuing_cpr_is_no_lipid_already_running(engine):
    ans = engine.answer("we continue CPR, what is the lipid dose? she's 70 kg",
                        ["just did a stellate with bupivacaine, pt seized", "seizure stopped but now she's in VF"])
    assert not any("repeat the lipid bolus" in b["text"] for b in ans.bullets[:2]), ans.text


def test_a_step_on_the_table_is_not_quoted_to_a_phone_call_days_later(engine):
    ans = engine.answer("pt phoned day 2 after C7-T1 ILESI, headache much worse sitting up, better lying flat. what do i tell her")
    assert not any("abort or redirect" in b["text"] for b in ans.bullets), ans.text
    assert any(w in b["text"] for b in ans.bullets for w in ("blood patch", "Conservative treatment", "Red flags")), ans.text


def test_an_asked_complication_no_passage_names_is_said_first(engine):
    ans = engine.answer("wound dehiscence over SCS IPG, hardware visible. can I just resuture it in clinic?")
    assert ans.text.startswith("> Nothing in the knowledge base on: wound dehiscence"), ans.text


def test_a_dose_told_in_an_emergency_is_no_dose_asked(engine):
    ans = engine.answer("Lumbar ILESI, just injected 3 mL lidocaine test dose, pt now says legs numb and heavy, BP 85/50, HR 50, getting short of breath")
    assert ans.urgent and "gives no dose" not in ans.text, ans.text


def test_a_complication_never_named_for_the_asked_procedure_gets_no_other_procedures_figures(engine):
    ans = engine.answer("coeliac plexus neurolysis - risk of paraplegia?")
    assert ans.abstained and "Nothing in the knowledge base on paraplegia after coeliac plexus neurolysis" in ans.text, ans.text
    assert not engine.answer("how common is paraplegia after TFESI?").abstained  # (its own passages name it)


def test_a_patients_fear_of_a_complication_is_answered_with_the_procedures_own_risks(engine):
    # (the counselling ask is not cut to "nothing on paralysis after it")
    assert not engine.answer("pt scared the coeliac plexus block will paralyse her, how do I explain the risk?").text.startswith(
        "> Nothing in the knowledge base on paralysis after")


def test_a_circulation_not_yet_back_keeps_the_repeat_bolus_first(engine):
    ans = engine.answer("血压还没回升，脂肪乳还要继续吗？", ["星状神经节阻滞用了布比卡因，病人抽搐后血压掉到70/40", "已经推了1.5 mL/kg脂肪乳，输注也开始了"])
    assert "重复推注" in ans.bullets[0]["text"], ans.text


def test_a_vascular_picture_at_the_needle_leads_with_not_injecting(engine):
    for q in ("L1 TFESI, contrast on live fluoro shows rapid washout, looks vascular. what now",
              "blood in the hub on S1 TF, aspiration positive. reposition and carry on or abandon?"):
        ans = engine.answer(q)
        assert "Do not inject further" in ans.bullets[0]["text"], ans.text
