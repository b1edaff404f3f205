"""Question understanding on hand-built inputs: lexicon matching, the question frame, judgement, sentence selection,
emergency pathways. Pure functions, no index (the bundled lexicon is real data)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from assistant.compose import (
    Sentence,
    Signals,
    asks_whether_to_stop,
    emergency,
    lacks_asked_dose,
    rival,
    same_point,
    score,
    select,
    sentences_of,
)
from assistant.frame import Framer, Part, Question, aspects_of, procedure_like, split_parts
from assistant.judge import JudgeWeights, concept_scores, judge
from assistant.lexicon import Lexicon, load_lexicon, parse, validate
from assistant.safety import triage
from assistant.text import tokenize
from assistant.types import Chunk, Hit
from assistant.worked import band_fit, told_weight


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return load_lexicon()


@pytest.fixture(scope="module")
def framer(lexicon):  # type: ignore[no-untyped-def]
    return Framer(lexicon, {"en": {}, "zh": {}}, frozenset({"haematoma", "anticoagulant"}))


# --- lexicon ------------------------------------------------------------------------------
def test_bundled_lexicon_is_valid_and_links_resolve(lexicon):
    raw = yaml.safe_load(Path("corpus/lexicon.yaml").read_text(encoding="utf-8"))
    assert validate(raw) == []
    assert len(lexicon.concepts) > 300
    assert any(c.scope == "out" for c in lexicon.concepts.values())
    for c in lexicon.concepts.values():
        assert all(b in lexicon.concepts for b in c.broader + c.related), c.id


@pytest.mark.parametrize("text, concept", [
    ("risk factors for epidural hematoma", "epidural-haematoma"),  # US spelling
    ("硬膜外血肿有哪些危险因素", "epidural-haematoma"),
    ("wet tap during an ILESI", "dural-puncture"),  # colloquial
    ("椎管内镜检查后视物模糊", "epiduroscopy"),  # Chinese synonym
    ("LAST 时 lipid emulsion 的首剂量", "lipid-emulsion"),  # English term inside Chinese
    ("局麻要中毒了怎么抢救", "last"),  # one-character homophone slip
    ("Spinal-haematomas after ESIs", "epidural-haematoma"),  # hyphen, plural
])
def test_concepts_are_found_across_spelling_language_and_slips(lexicon, text, concept):
    assert concept in [m.concept for m in lexicon.match(text)]


def test_brand_names_map_to_their_generic_drug(lexicon):
    for text, generic in (("Xarelto", "rivaroxaban"), ("波立维", "clopidogrel"), ("克赛", "enoxaparin"), ("泰毕全", "dabigatran")):
        ids = [m.concept for m in lexicon.match(f"hold {text} before the block")]
        assert ids, text
        assert generic in lexicon.broader_closure(ids), (text, ids)


def test_longest_match_wins_so_other_specialties_are_recognised(lexicon):
    ids = [m.concept for m in lexicon.match("platelets 70 for a labour epidural")]
    assert any(lexicon.concepts[i].scope == "out" for i in ids)


def test_match_spans_cover_the_whole_original_word(lexicon):
    text = "haemorrhage after a local anaesthetic injection"
    spans = {text[m.start:m.end] for m in lexicon.match(text)}
    assert "haemorrhage" in spans and "local anaesthetic" in spans


def test_validation_names_each_problem():
    raw = {"concepts": [
        {"id": "a", "kind": "drug", "en": ["x"], "broader": ["missing"]},
        {"id": "a", "kind": "nonsense", "en": ["x"]},
        {"id": "b", "kind": "brand", "en": ["y"]},
        {"id": "c", "kind": "drug", "en": ["X"]},
    ]}
    errs = " | ".join(validate(raw))
    assert "duplicate id" in errs and "kind must be" in errs and "`missing` is not defined" in errs
    assert "also a name of `a`" in errs and "needs `status" in errs


# --- frame --------------------------------------------------------------------------------
def test_aspects_lead_with_the_most_specific_ask():
    assert aspects_of("What are the risk factors for epidural haematoma?", "en")[0] == "risk_factors"
    assert aspects_of("How long do I hold apixaban before an SCS trial?", "en")[:2] == ("hold", "timing")
    assert aspects_of("After LAST with arrhythmia, how long do we monitor?", "en")[0] == "timing"  # not a hold time
    assert aspects_of("克赛治疗量，SCS 植入前停多久？", "zh")[:2] == ("hold", "timing")
    assert aspects_of("糖尿病患者做完硬膜外类固醇注射，血糖会升高多久？", "zh")[0] == "timing"
    assert aspects_of("局麻药中毒怎么办？", "zh")[0] == "action"
    assert aspects_of("脂肪乳的首剂量是多少？", "zh")[0] == "dose"
    assert aspects_of("视力下降的机制是什么？", "zh") == ("mechanism",)  # a why-ask, not a definition
    assert aspects_of("does she need bridging?", "en")[0] == "risk_factors"  # who is at high thromboembolic risk
    assert aspects_of("Is Depo-Medrol ok for a cervical transforaminal?", "en")[0] == "contraindications"
    assert aspects_of("她需要桥接吗？", "zh")[0] == "risk_factors"
    assert aspects_of("Why does epiduroscopy cause visual loss?", "en")[0] == "mechanism"
    # a maximum or a count per year is a dose ask; a work-up is its own ask; everyday words that only look like asks are not
    assert aspects_of("硬脊膜穿破后头痛，咖啡因最多用多少", "zh") == ("limit",)
    assert aspects_of("一年最多打几次硬膜外激素？", "zh")[0] == "limit"
    assert aspects_of("eye lens dose limit for fluoro staff", "en") == ("limit", "dose")
    assert "dose" not in aspects_of("limited evidence for SCS?", "en")  # a limit's words belong to the limit ask alone
    assert aspects_of("Pradaxa 110 bd, booked for cervical ILESI - how many days off?", "en")[0] == "hold"
    assert aspects_of("how many ESIs can I give a year?", "en") == ("dose",)
    assert aspects_of("那要做什么检查确诊？", "zh")[0] == "workup"
    assert aspects_of("suspected catheter tip granuloma - what imaging?", "en")[0] == "workup"
    assert "recognition" not in aspects_of("生命体征平稳，需要观察多久？", "zh")  # vital signs are not "signs of it"
    assert aspects_of("术者受到的辐射主要来自哪里？", "zh") == ()  # where it comes from is not a site
    assert aspects_of("剂量计戴在哪里？", "zh") == ("location",)  # a dosimeter is not a dose
    assert aspects_of("pt numb and a bit unsteady after third occipital RF - is that expected?", "en")[0] == "expected"
    assert aspects_of("第三枕神经射频后出现麻木、走路不稳，正常吗", "zh")[0] == "expected"
    assert aspects_of("what if that doesn't work after a few days?", "en") == ("escalation",)  # the next step (a management ask)
    assert aspects_of("保守治疗还是不好怎么办", "zh")[:2] == ("escalation", "action")
    assert aspects_of("那要怎么查？", "zh") == ("workup",)
    assert aspects_of("what's a TFESI?", "en") == ("definition",) and aspects_of("What is going on?", "en") == ()
    assert aspects_of("颈椎经椎间孔注射可以用得宝松吗", "zh") == ("contraindications",)
    assert aspects_of("best way to cut discitis risk with discography?", "en")[0] == "prevention"
    assert aspects_of("Does thicker cement really cut down leaks in kypho?", "en")[0] == "prevention"
    assert "prevention" not in aspects_of("what is the rate of cement leaks?", "en")
    # the closing question's ask comes before words of the story told first
    assert aspects_of("IT pump pt, analgesia fading despite repeated dose increases. how to work up?", "en")[0] == "workup"
    assert aspects_of("so which one for a cervical transforaminal?", "en") == ("prevention",)
    assert aspects_of("布比卡因中毒后病人抽搐，能用丙泊酚止抽吗？", "zh")[0] == "action"


def test_shorthand_is_read_and_informal_names_of_other_specialties_procedures_are_out_of_scope(framer):
    f = framer.frame("pt on Eliquis 5 bd for AF, SIJ inj. tmrw - stop it?")
    assert "sacroiliac-joint-injection" in f.concepts and not f.unknown  # inj = injection; tmrw is no unknown subject
    assert framer.frame("AF ablation (cardiac RFA) tomorrow, hold Pradaxa?").out_of_scope
    assert framer.frame("房颤射频消融 泰毕全要停吗").out_of_scope
    assert framer.frame("haem pt on rivaroxaban needs LP for intrathecal methotrexate, how long to hold?").out_of_scope
    assert framer.frame("甲状腺结节射频消融术后声音嘶哑怎么办").out_of_scope
    assert "twitching" in framer.frame("pt went quiet then started twitching").text  # an inflected word is never "corrected"



def test_a_procedure_name_is_not_an_ask_and_a_bleeding_risk_class_is_a_risk_ask(framer):
    # 椎间盘内治疗 ("intradiscal treatment") names a procedure; it does not ask how to treat
    q = framer.frame("椎间盘内治疗属于几级出血风险？")
    assert "action" not in q.aspects and q.aspects[0] == "risk_factors" and "intradiscal-procedure" in q.concepts
    assert framer.frame("What bleeding risk category is a cervical facet RFA?").aspects[0] == "risk_factors"
    # with the procedure's name blanked, "能用于…吗" still asks whether it may be done
    assert "contraindications" in framer.frame("颗粒型激素能用于骶管注射吗？").aspects


def test_asking_how_to_put_it_to_the_patient_is_not_a_second_ask():
    assert len(split_parts("患者问：做完腰椎射频（RFA）以后腿会不会瘫痪？怎么回答", "zh")) == 1
    # a clause that names what to discuss (术前谈话: the consent talk) is an ask of its own
    assert len(split_parts("经椎间孔硬膜外注射后发生截瘫的概率有多高？术前谈话该怎么讲？", "zh")) == 2
    assert len(split_parts("Will the RFA paralyse my legs, the patient asks. What do I tell him?", "en")) == 1
    assert len(split_parts("SCS试验前阿哌沙班要停多久，SCS最常见的并发症是什么？", "zh")) == 2  # two real asks stay two
    # 吗啡 (morphine) holds no question particle, and "要怎么交代风险" only asks how to put the ask before to the family
    assert len(split_parts("鞘内吗啡泵植入术前,家属问会不会呼吸停止死亡,要怎么交代风险", "zh")) == 1


def test_which_of_the_alternatives_named_before_is_no_second_ask():
    for q, lang in (("kenalog vs dex for L5-S1 TFESI, which is safer?", "en"),
                    ("Depo-Medrol or dexamethasone for a cervical TF - which one is better?", "en"),
                    ("腰椎经椎间孔注射用曲安奈德还是地塞米松，哪个更安全？", "zh"),
                    ("颗粒型和非颗粒型激素，哪种比较稳妥？", "zh")):
        assert len(split_parts(q, lang)) == 1, q
    # "should I worry?" after the picture: how much it matters, not an ask of its own
    assert len(split_parts("TFESI yesterday, face bright red, sugars up - is it an allergy? should I worry?", "en")) == 1
    assert len(split_parts("昨天做完TFESI今天脸通红，是不是过敏了？要不要紧？", "zh")) == 1
    # a choice with a subject of its own is still an ask of its own
    assert len(split_parts("How long to hold apixaban before an SCS trial, and which level is safest for the lead?", "en")) == 2


def test_ward_phrasings_of_risk_treatment_and_an_urgent_premedication(framer):
    # "whats the PDPH risk?": how likely (a bleeding risk is a class, not a rate)
    assert framer.frame("whats the PDPH risk?").aspects[0] == "frequency"
    assert "frequency" not in framer.frame("what's the bleeding risk category of a cervical MBB?").aspects
    # "symptomatic PE rate": a rate; "will there be symptoms?": how it shows
    assert framer.frame("kyphoplasty cement leak rate and symptomatic PE rate for consent?").aspects[:1] == ("frequency",)
    assert "recognition" not in framer.frame("椎体成形术后有症状的肺栓塞发生率是多少？").aspects
    assert "recognition" in framer.frame("骨水泥漏到肺里一般会有症状吗？").aspects
    # which drug for a complication is how it is treated, not how it is prevented
    q = framer.frame("腰椎射频术后皮肤烧灼感，需要用什么药？")
    assert "post-ablation-neuritis" in q.concepts and q.aspects[:1] == ("action",), q
    assert framer.frame("颈椎经椎间孔注射用什么激素？").aspects[:1] == ("prevention",)  # (before a procedure: the choice)
    # a face gone red and a night without sleep after a steroid injection: the central steroid reaction ("couldn't" is no typo)
    q = framer.frame("had a TFESI yesterday, today her face is bright red and she couldn't sleep")
    assert "central-steroid-reaction" in q.concepts and "couldn't" in q.text, q
    assert "central-steroid-reaction" in framer.frame("昨天做完TFESI，今天脸通红，晚上睡不着").concepts
    # keeping a patient on antibiotics for a week is how long a course runs, not continuing an antithrombotic
    q = framer.frame("should I keep him on antibiotics for a week after the SCS implant?")
    assert "continued-antithrombotic" not in q.concepts and q.aspects[:1] == ("timing",), q
    assert "continued-antithrombotic" in framer.frame("keep pt on plavix through a lumbar MBB?").concepts
    # "which patients are prone to a haematoma? what are the risk factors?": one ask in two wordings (出血肿: a haematoma)
    q = framer.frame("做硬模外注射哪些病人容易出血肿？危险因素有哪些")
    assert len(q.parts) == 1 and q.aspects == ("risk_factors",) and "haematoma" in q.concepts, q
    # "臭氧注射治疗腰突": a treatment for a condition, not an ask how to treat; "怎么治疗" still asks it
    assert framer.frame("臭氧注射治疗腰突，臭氧浓度一般用多少ug/ml？").aspects == ("dose",)
    assert framer.frame("射频治疗后腿麻怎么治疗？").aspects[:1] == ("action",)
    # a headache bad upright and gone lying flat is the postural headache of a dural puncture; "这是X吗" asks what it is
    assert "pdph" in framer.frame("the day after a lumbar ESI: headache that's bad when upright and gone when lying flat. ER?").concepts
    q = framer.frame("硬膜外注射时穿破硬脊膜，第二天起床后头痛，躺下就好，这是硬脊膜穿刺后头痛吗？")
    assert "pdph" in q.concepts and "recognition" in q.aspects, q
    # "支架放了4个月…双抗": a coronary stent on dual antiplatelets
    q = framer.frame("支架放了4个月，阿司匹林+倍林达双抗，要做PKP，倍林达能停吗")
    assert {"coronary-stent", "antiplatelet"} <= set(q.concepts), q
    # a trailing "worried": is what the patient has to be expected
    assert framer.frame("2 days after epidural triamcinolone pt calls: face bright red and can't sleep. worried").aspects == ("expected",)
    # an urgent case that cannot wait for the 13-hour oral regimen
    q = framer.frame("what if i cant wait 13 hrs, it's an urgent case?", ["pt had hives w CT contrast last yr, needs TFESI", "premed regimen?"])
    assert "urgent-premedication" in q.concepts, q


def test_two_asks_become_two_parts_in_both_languages():
    en = split_parts("how soon after a wet tap should I offer a blood patch, and how much blood?", "en")
    assert en == ["how soon after a wet tap should I offer a blood patch", "how much blood?"]
    zh = split_parts("SCS试验前阿哌沙班要停多久，SCS最常见的并发症是什么？", "zh")
    assert len(zh) == 2 and zh[1].startswith("SCS最常见")
    assert len(split_parts("What are the risk factors and management of PDPH?", "en")) == 1
    # a lead-in clause without an ask does not swallow the asks after it; "where" opens an ask too
    lead_in = split_parts("In the practice survey, what share gave no antibiotic before SCS trials, and what share continued them?", "en")
    assert len(lead_in) == 2 and lead_in[1].startswith("what share continued")
    assert split_parts("what's the fetal dose limit and where should she wear the badge?", "en")[1] == "where should she wear the badge?"


def test_a_short_question_after_a_procedure_continues_it_and_keeps_what_it_points_back_to(framer):
    q = framer.frame("感染率多少？", ["SCS最常见的并发症是什么？"])
    assert q.followup and "spinal-cord-stimulation" in q.context_concepts
    q = framer.frame("how long does it stay elevated?", ["how much does blood sugar go up after an ESI in diabetics?"])
    assert {"blood-glucose", "esi"} <= set(q.context_concepts)
    # the ask's own words are not details to look for
    assert "预防" not in framer.frame("怎么预防囊袋误注？").parts[0].terms


def test_what_the_question_leaves_out_is_not_its_subject(framer):
    q = framer.frame("What are the risk factors for spinal epidural haematoma apart from anticoagulants?")
    assert "anticoagulant" in q.excluded and "anticoagulant" not in q.concepts and "epidural-haematoma" in q.concepts
    assert "anticoagulant" in framer.frame("除了抗凝药，硬膜外血肿还有哪些危险因素？").excluded
    denied = framer.frame("pregnant? no - but how much fluoro time does a typical MBB take?")
    assert "pregnancy" in denied.excluded and denied.aspects[0] == "timing"
    assert "pregnancy" in framer.frame("pt is not pregnant, how much fluoro time for an MBB?").excluded


def test_an_unknown_procedure_written_as_clinicians_do_is_another_specialtys():
    assert procedure_like("PCNL") and procedure_like("肾镜取石") and not procedure_like("技巧")


def test_a_generic_second_ask_keeps_the_first_asks_complication(framer):
    q = framer.frame("PDPH典型表现有哪些？保守治疗怎么做？")
    assert len(q.parts) == 2 and "pdph" in q.parts[1].inherited


def test_any_spinal_level_names_its_region():
    lex = load_lexicon()
    found = {m.surface: m.concept for m in lex.match("2 wks post L3-5 RFA; T12 and 腰3-4 and c5; T2-weighted MRI")}
    assert found["L3-5"] == "lumbar-spine" and found["T12"] == "thoracic-spine" and found["c5"] == "cervical-spine"
    assert found["腰3-4"] == "lumbar-spine" and "T2" not in found  # an MRI sequence is not a level
    assert {m.concept for m in lex.match("L5-S1")} == {"level-l5-s1"}  # the lexicon's own level entry wins


def test_a_part_without_a_subject_inherits_the_previous_parts(framer):
    q = framer.frame("how soon after a wet tap should I offer a blood patch, and how much blood?")
    assert len(q.parts) == 2
    assert q.parts[1].aspects[0] == "dose"
    assert set(q.parts[0].concepts) <= set(q.parts[1].inherited) | set(q.parts[1].concepts)


def test_followup_inherits_the_topic_but_keeps_its_own_ask(framer):
    first = "LAST 时 lipid emulsion 的首剂量是多少？"
    q = framer.frame("如果病人是个45公斤的老太太呢？", [first])
    # the patient's weight and age are new; the drug asked about before is this question's subject again
    assert q.followup and "lipid-emulsion" in q.concepts and "lipid-emulsion" not in q.context_concepts
    assert q.aspects and q.aspects[0] == "dose"
    assert q.retrieval_text.startswith("如果病人是个45公斤的老太太呢")


def test_a_new_topic_is_not_merged_into_the_conversation(framer):
    q = framer.frame("What is the first-line antibiotic for community-acquired pneumonia?",
                     ["What are the signs of LAST?", "How is it treated?"])
    assert not q.followup and not q.context_concepts


def test_the_drug_of_a_what_about_followup_replaces_the_earlier_drug(framer):
    q = framer.frame("What about apixaban?", ["How long should rivaroxaban be held before an SCS trial?"])
    assert q.followup
    assert "apixaban" in q.concepts and "rivaroxaban" not in q.context_concepts
    assert "spinal-cord-stimulation" in q.context_concepts or "scs-trial" in q.context_concepts


# --- judgement ----------------------------------------------------------------------------
def _q(**kw: object) -> Question:
    base: dict[str, object] = {"original": "q", "text": "q", "lang": "en", "script": "latin"}
    base.update(kw)
    return Question(**base)  # type: ignore[arg-type]


def test_a_named_complication_may_be_covered_a_little_further_down_the_passages():
    # "face bright red after epidural triamcinolone": the drug pulls its own passages first; the flushing passage is 7th
    part = Part("q", ("triamcinolone", "central-steroid-reaction"), ("expected",))
    q = _q(concepts=part.concepts, subjects=part.concepts, parts=(part,))
    kinds = {"triamcinolone": "drug", "central-steroid-reaction": "complication"}
    tags = [frozenset({"triamcinolone"})] * 6 + [frozenset({"central-steroid-reaction"})]
    assert judge(q, tags, 0.65, 0.46, kinds, {}).kind == "answered"
    assert judge(q, tags, 0.65, 0.46, kinds, {}, JudgeWeights(cover_complication=5)).kind == "not_in_kb"
    far = [frozenset({"triamcinolone"})] * 9 + [frozenset({"central-steroid-reaction"})]
    assert judge(q, far, 0.65, 0.46, kinds, {}).kind == "not_in_kb"  # (not anywhere in the list)


def test_another_specialtys_procedure_is_out_of_scope():
    q = _q(concepts=("warfarin", "colonoscopy"), subjects=("warfarin",), out_of_scope=("colonoscopy",),
           parts=(Part("q", ("warfarin", "colonoscopy"), ("timing",)),))
    v = judge(q, [frozenset({"warfarin"})], 0.9, 0.46, {"warfarin": "drug", "colonoscopy": "procedure"}, {})
    assert v.kind == "out_of_scope" and v.foreign == ("colonoscopy",)


def test_an_ancillary_technique_does_not_rescue_another_specialtys_procedure():
    kinds = {"neuraxial-anaesthesia": "procedure", "caesarean-section": "procedure", "bupivacaine": "drug", "esi": "procedure"}
    q = _q(concepts=("caesarean-section", "neuraxial-anaesthesia", "bupivacaine"), subjects=("neuraxial-anaesthesia", "bupivacaine"),
           out_of_scope=("caesarean-section",), parts=(Part("q", ("neuraxial-anaesthesia", "bupivacaine"), ("dose",)),))
    assert judge(q, [frozenset({"bupivacaine"})], 0.9, 0.46, kinds, {}).kind == "out_of_scope"
    ours = _q(concepts=("caesarean-section", "esi"), subjects=("esi",), out_of_scope=("caesarean-section",),
              parts=(Part("q", ("esi",), ()),))
    assert judge(ours, [frozenset({"esi"})], 0.9, 0.46, kinds, {}).kind == "answered"  # a pain procedure of ours keeps it in scope


def test_our_procedure_keeps_a_question_in_scope_with_an_unknown_word():
    q = _q(concepts=("transforaminal-esi",), subjects=("transforaminal-esi",), unknown=("fluoxetine",),
           parts=(Part("q", ("transforaminal-esi",), ()),))
    v = judge(q, [frozenset({"transforaminal-esi"})], 0.3, 0.46, {"transforaminal-esi": "procedure"}, {})
    assert v.kind == "answered"


def test_a_drug_next_to_an_unknown_disease_is_not_in_the_knowledge_base():
    q = _q(concepts=("antibiotic",), subjects=("antibiotic",), unknown=("pneumonia",), parts=(Part("q", ("antibiotic",), ()),))
    v = judge(q, [frozenset({"antibiotic"})], 0.8, 0.46, {"antibiotic": "drug-class"}, {})
    assert v.kind == "not_in_kb" and v.missing == ("pneumonia",)


def test_a_procedure_no_passage_names_is_not_answered_by_strong_evidence_on_other_procedures():
    kinds = {"pulsed-radiofrequency": "procedure", "dorsal-root-ganglion": "anatomy", "rivaroxaban": "drug", "kyphoplasty": "procedure"}
    q = _q(concepts=("pulsed-radiofrequency", "dorsal-root-ganglion"), subjects=("pulsed-radiofrequency",),
           parts=(Part("q", ("pulsed-radiofrequency", "dorsal-root-ganglion"), ("complications",)),))
    v = judge(q, [frozenset({"radiofrequency-ablation", "neuritis"})], 0.81, 0.46, kinds, {})
    assert v.kind == "not_in_kb" and v.missing == ("pulsed-radiofrequency",)
    # a drug's hold before a procedure no passage names is still the drug's hold
    q = _q(concepts=("rivaroxaban", "kyphoplasty"), subjects=("rivaroxaban", "kyphoplasty"),
           parts=(Part("q", ("rivaroxaban", "kyphoplasty"), ("hold",)),))
    assert judge(q, [frozenset({"rivaroxaban"})], 0.81, 0.46, kinds, {}).answers


def test_covered_concepts_answer_even_when_the_word_overlap_is_weak():
    q = _q(concepts=("epidural-haematoma",), subjects=("epidural-haematoma",), parts=(Part("q", ("epidural-haematoma",), ()),))
    v = judge(q, [frozenset({"epidural-haematoma", "bleeding"})], 0.36, 0.46, {"epidural-haematoma": "complication"}, {})
    assert v.kind == "answered"


def test_a_part_whose_complication_no_passage_names_is_not_covered_by_its_procedure():
    parts = (Part("a", ("discography", "disc-degeneration"), ("complications",)), Part("b", ("discitis",), ("frequency",)))
    q = _q(concepts=("discography", "disc-degeneration", "discitis"), subjects=("discography", "disc-degeneration", "discitis"),
           parts=parts)
    kinds = {"discography": "procedure", "disc-degeneration": "complication", "discitis": "complication"}
    v = judge(q, [frozenset({"discography", "discitis"})], 0.8, 0.46, kinds, {})
    assert v.kind == "partial" and v.covered == (False, True) and v.missing == ("disc-degeneration",)


def test_a_later_part_naming_no_procedure_stays_with_the_one_asked_before(framer):
    f = framer.frame("for caudal ESI: what's the max particulate steroid dose you'd use, and what's the risk of dural puncture?")
    assert len(f.parts) == 2 and "caudal-esi" in f.parts[1].inherited and "caudal-esi" not in f.parts[1].concepts


def test_a_limb_joint_injection_is_another_specialtys_but_pain_below_the_knee_is_ours(framer):
    for text in ("intra-articular knee steroid injection, how often can I repeat, max per year?",
                 "what's the infection risk of a shoulder joint injection?", "膝关节腔注射激素一年能打几次？"):
        assert "peripheral-joint-site" in framer.frame(text).out_of_scope, text
    assert not framer.frame("L5 TFESI for pain radiating below the knee: which steroid?").out_of_scope
    assert "ufh" in framer.frame("what about if they're on a heparin drip?").concepts
    assert "ufh" in framer.frame("病人在肝素泵入，做SCS测试要停多久？").concepts


def test_a_brand_is_covered_by_its_generic_and_a_missing_part_is_named():
    parts = (Part("a", ("brand-xarelto",), ("timing",)), Part("b", ("ozone",), ()))
    q = _q(concepts=("brand-xarelto", "ozone"), subjects=("brand-xarelto", "ozone"), parts=parts)
    kinds = {"brand-xarelto": "brand", "ozone": "procedure"}
    v = judge(q, [frozenset({"rivaroxaban"})], 0.5, 0.46, kinds, {"brand-xarelto": ("rivaroxaban",)})
    assert v.kind == "partial" and v.covered == (True, False) and v.missing == ("ozone",)


def test_concept_scores_rank_own_then_broader_then_aspect_exactly():
    passages = {"p1": frozenset({"enoxaparin"}), "p2": frozenset({"lmwh"}), "p3": frozenset({"lmwh"}), "p4": frozenset({"pdph"})}
    headings = {"p1": ("T", "Overview"), "p2": ("T", "Prevention"), "p3": ("T", "Overview"), "p4": ("T", "Prevention")}
    ranked = concept_scores(passages, headings, ["enoxaparin"], [], {"enoxaparin": ("lmwh",)}, {"enoxaparin": 2.0, "lmwh": 1.0},
                            ["prevention"], JudgeWeights())
    assert [p for p, _ in ranked] == ["p1", "p2", "p3"]
    assert ranked[0][1] == pytest.approx(2.0) and ranked[1][1] == pytest.approx(0.65) and ranked[2][1] == pytest.approx(0.5)


# --- sentence selection ---------------------------------------------------------------------
def _chunk(cid: str, section: str) -> Chunk:
    return Chunk(cid, "doc-en", 0, "x", "en", "T", ("T", section), 0, 0, 0, 0, 0)


def _sent(text: str, section: str, concepts: set[str], rank: int = 1, provenance: bool = False) -> Sentence:
    toks = frozenset(w.lower().strip(".,") for w in text.split())
    return Sentence(text, _chunk(text[:8], section), rank, 0, {"Risk factors": "risk", "Recognition and management": "management",
                                                               "Evidence notes": "evidence", "Prevention": "prevention",
                                                               "Overview": "overview", "Complications and frequency": "complications"}[section],
                    toks, frozenset(concepts), provenance, False)


def test_the_asked_aspect_leads_and_weak_sentences_are_left_out():
    q = _q(concepts=("epidural-haematoma",), subjects=("epidural-haematoma",), aspects=("risk_factors",),
           parts=(Part("risk factors for epidural haematoma", ("epidural-haematoma",), ("risk_factors",), (), ("risk", "factor")),))
    sents = [
        _sent("Epidural haematoma presents with back pain and weakness.", "Recognition and management", {"epidural-haematoma"}),
        _sent("Older age and renal disease raise the risk of epidural haematoma.", "Risk factors", {"epidural-haematoma"}, rank=2),
        _sent("These figures come from one registry.", "Evidence notes", set(), rank=3, provenance=True),
        _sent("Fluoroscopy time varies.", "Evidence notes", set(), rank=4),
    ]
    bullets = select(sents, q, "en", lambda t: 1.0, {}, 5, (True,))
    assert bullets[0].sentence.group == "risk"
    assert all("Fluoroscopy" not in b.sentence.text for b in bullets)
    assert all(not b.sentence.provenance for b in bullets[:1])


def test_a_how_long_question_is_answered_by_the_sentence_with_a_duration_about_its_subject():
    part = Part("after LAST how long do we monitor", ("last",), ("timing",), (), ("monitor",))
    q = _q(concepts=("last",), subjects=("last",), aspects=("timing",), parts=(part,))
    sents = [
        _sent("LAST is prevented by the lowest effective dose and incremental injection.", "Risk factors", {"last"}),
        _sent("After a LAST event, observe the patient for at least 2 h.", "Recognition and management", {"last"}, rank=3),
        _sent("Apixaban is held for 3 days before a high-risk procedure.", "Risk factors", {"apixaban"}, rank=2),
    ]
    bullets = select(sents, q, "en", lambda t: 1.0, {}, 5, (True,))
    assert "2 h" in bullets[0].sentence.text
    # a duration about another drug does not answer it: it may follow, never lead
    assert "Apixaban" not in bullets[0].sentence.text


def test_a_sentence_about_another_drug_ranks_below_one_about_the_asked_drug():
    part = Part("how long do I hold rivaroxaban", ("rivaroxaban",), ("hold",), (), ("long",))
    q = _q(concepts=("rivaroxaban",), subjects=("rivaroxaban",), aspects=("hold",), parts=(part,))
    kinds = {"rivaroxaban": "drug", "dabigatran": "drug", "doac": "drug-class"}
    parents = {"rivaroxaban": frozenset({"doac"})}
    dabi = _sent("Dabigatran is held for 4 days.", "Risk factors", {"dabigatran", "doac"})
    doac = _sent("Each DOAC is held for about 3 days.", "Risk factors", {"doac"}, rank=2)
    sig = Signals(parents, {}, kinds)
    assert rival(dabi, ["rivaroxaban"], sig) and not rival(doac, ["rivaroxaban"], sig)  # a broader class is not a rival
    # a sibling drug class is a rival too: LMWH intervals do not answer an unfractionated-heparin question
    cls = Signals({"ufh": frozenset({"heparin", "anticoagulant"})}, {}, {"ufh": "drug", "lmwh": "drug-class", "heparin": "drug-class"})
    lmwh = _sent("Higher-dose LMWH needs a 24 h gap.", "Risk factors", {"lmwh", "heparin"})
    assert rival(lmwh, ["ufh"], cls) and not rival(_sent("Heparin needs a gap.", "Risk factors", {"heparin"}), ["ufh"], cls)
    # a drug class asked about (iodinated contrast in a premedication question) is not the dosed drug: no rival drugs
    pre = Signals({}, {}, {"iodinated-contrast": "drug-class", "prednisone": "drug"})
    assert not rival(_sent("The premedication regimen is prednisone 50 mg.", "Risk factors", {"prednisone"}), ["iodinated-contrast"], pre)
    no_kinds = Signals(parents, {}, {})
    assert score(dabi, part, q, lambda t: 1.0, {}, "en", sig=sig) < score(dabi, part, q, lambda t: 1.0, {}, "en", sig=no_kinds)


def test_a_dose_given_for_another_procedure_neither_leads_nor_fills_a_dose_answer():
    # asked the cefazolin dose for an SCS implant: discography's cefazolin-in-contrast dose is another procedure's figure
    kinds = {"cefazolin": "drug", "spinal-cord-stimulation": "procedure", "discography": "procedure", "antibiotic": "drug-class"}
    sig = Signals({"cefazolin": frozenset({"antibiotic"})}, {}, kinds)
    # (its words match the question better: it outscores the SCS rule even after the penalty for another procedure)
    disco = _sent("Cefazolin dose: one practice mixes cefazolin 1 g into the discography contrast before an implant.", "Prevention",
                  {"cefazolin", "discography", "antibiotic"})
    scs = _sent("A weight-based prophylactic antibiotic is given within 1 h before the SCS incision.", "Prevention",
                {"antibiotic", "spinal-cord-stimulation"}, rank=2)
    part = Part("cefazolin dose for an SCS implant", ("cefazolin", "spinal-cord-stimulation"), ("dose",), (), ("implant",))
    q = _q(text=part.text, concepts=part.concepts, subjects=part.concepts, aspects=("dose",), parts=(part,))
    texts = [b.sentence.text for b in select([disco, scs], q, "en", lambda t: 1.0, {}, 5, (True,), sig)]
    assert score(disco, part, q, lambda t: 1.0, {}, "en", sig=sig) > score(scs, part, q, lambda t: 1.0, {}, "en", sig=sig)
    assert texts == [scs.text]
    # asked about discography itself, its dose leads
    part = Part("cefazolin dose in discography contrast", ("cefazolin", "discography"), ("dose",), (), ("contrast",))
    q = _q(text=part.text, concepts=part.concepts, subjects=part.concepts, aspects=("dose",), parts=(part,))
    assert select([disco, scs], q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence.text == disco.text


def test_another_procedures_contraindications_do_not_answer_and_a_missing_list_is_said():
    from assistant.compose import Bullet, lacks_contraindications, other_procedure
    kinds = {"vertebroplasty": "procedure", "cervical-ilesi": "procedure", "cement-leakage": "complication"}
    sig = Signals({}, {}, kinds)
    other = _sent("Contraindications cited for cervical ILESI are active anticoagulation and infection.", "Prevention",
                  {"cervical-ilesi"})
    leak = _sent("Cement leaks after vertebroplasty were more frequent in metastatic fractures.", "Risk factors",
                 {"vertebroplasty", "cement-leakage"}, rank=2)
    part = Part("contraindications to vertebroplasty?", ("vertebroplasty",), ("contraindications",))
    q = _q(text=part.text, concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    assert other_procedure(other, part, q, sig) and not other_procedure(leak, part, q, sig)
    bullets = select([other, leak], q, "en", lambda t: 1.0, {}, 5, (True,), sig)
    assert lacks_contraindications(part, bullets)  # (cement-leak risk factors are no contraindication: said first)
    assert not lacks_contraindications(part, [Bullet(other, 0, 1.0, "fact")])


def test_a_patient_without_symptoms_gets_the_silent_forms_management_first():
    steps = _sent("If chest tightness or hypotension develops during cement injection, stop injecting and give oxygen.",
                  "Recognition and management", {"bone-cement", "vertebroplasty", "pulmonary-cement-embolism"})
    silent = _sent("Manage an asymptomatic peripheral cement embolus with clinical follow-up only.", "Recognition and management",
                   {"pulmonary-cement-embolism"}, rank=5)
    sig = Signals({}, {}, {"vertebroplasty": "procedure", "bone-cement": "drug", "pulmonary-cement-embolism": "complication"})

    def lead(text: str) -> str:
        part = Part(text, ("vertebroplasty", "bone-cement"), ("action",), (), ("vein",))
        q = _q(text=text, concepts=part.concepts, subjects=part.concepts, aspects=("action",), parts=(part,))
        return select([steps, silent], q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence.text

    assert lead("cement in a paravertebral vein after vertebroplasty, patient has no symptoms - treat?") == silent.text
    assert lead("cement in a paravertebral vein after vertebroplasty - what do I do?") == steps.text


def test_whether_to_stop_a_drug_is_answered_by_the_procedures_bleeding_risk_class():
    classes = frozenset({"low-bleeding-risk-procedure", "intermediate-bleeding-risk-procedure", "high-bleeding-risk-procedure"})
    kinds = {"clopidogrel": "drug", "medial-branch-block": "procedure", "coronary-stent": "condition"}
    held = {"clopidogrel": frozenset({"antiplatelet", "antithrombotic"})}
    sig = Signals(held, {}, kinds, {"medial-branch-block": frozenset({"low-bleeding-risk-procedure"})}, classes)
    hold = _sent("Clopidogrel is held for 7 days before a procedure that calls for stopping it.", "Prevention", {"clopidogrel"})
    other = _sent("Clopidogrel restarts about 12 to 24 h afterwards.", "Prevention", {"clopidogrel"}, rank=2)
    low = _sent("Low bleeding-risk procedures include trigger-point injections and lumbar medial branch blocks.", "Risk factors",
                {"medial-branch-block", "low-bleeding-risk-procedure"}, rank=6)
    guide = _sent("Clopidogrel raises the bleeding risk of a lumbar MBB.", "Risk factors", {"clopidogrel", "medial-branch-block"},
                  rank=3)  # same section as the class: without the rule it would be quoted before the interval

    def ask(text: str, extra: tuple[str, ...] = ()) -> list[str]:
        concepts = ("clopidogrel", "medial-branch-block", *extra)
        q = _q(text=text, concepts=concepts, subjects=concepts, aspects=("hold",), parts=(Part(text, concepts, ("hold",)),))
        return [b.sentence.text for b in select([hold, other, low, guide], q, "en", lambda t: 1.0, {}, 5, (True,), sig)]

    how_long = ask("plavix + lumbar MBB, how long do I hold it?")
    assert how_long[:2] == [low.text, hold.text]  # a low-risk procedure may need no stop: its class first, then the interval
    whether = ask("plavix + lumbar MBB, do I need to stop it?")
    assert whether[:2] == [low.text, hold.text]  # whether at all: the class answers first, the interval right after it
    assert ask("plavix, stent, lumbar MBB - do I need to stop it?", ("coronary-stent",))[0] != low.text  # the stent decides
    sig = Signals({}, {}, kinds, {"medial-branch-block": frozenset({"low-bleeding-risk-procedure"})}, classes)
    assert ask("dexamethasone + lumbar MBB, do I need to stop it?")[0] != low.text  # a drug not held for bleeding: no class
    mid = _sent("Intermediate bleeding-risk procedures include cervical medial branch blocks.", "Risk factors",
                {"medial-branch-block", "intermediate-bleeding-risk-procedure"}, rank=6)
    mid_sig = Signals(held, {}, kinds, {"medial-branch-block": frozenset({"intermediate-bleeding-risk-procedure"})}, classes)
    q = _q(text="t", concepts=("clopidogrel", "medial-branch-block"), subjects=("clopidogrel", "medial-branch-block"),
           aspects=("hold",), parts=(Part("plavix + cervical MBB, how long do I hold it?", ("clopidogrel", "medial-branch-block"), ("hold",)),))
    texts = [b.sentence.text for b in select([hold, other, mid, guide], q, "en", lambda t: 1.0, {}, 5, (True,), mid_sig)]
    assert texts[0] == hold.text and mid.text in texts  # an intermediate-risk procedure: the interval leads, the class with it
    no_class = Signals(held, {}, kinds, {}, classes)  # a procedure the lexicon does not class: nothing is added
    q = _q(text="t", concepts=("clopidogrel", "medial-branch-block"), subjects=(), aspects=("hold",),
           parts=(Part("do I need to stop it?", ("clopidogrel", "medial-branch-block"), ("hold",)),))
    assert low.text not in [b.sentence.text for b in select([hold, other, low], q, "en", lambda t: 1.0, {}, 5, (True,), no_class)][:2]


def test_another_specialtys_procedure_beside_ours_is_the_patients_history(framer):
    f = framer.frame("pt had a stent procedure in March, on plavix, now booked for lumbar TFESI - hold?")
    assert "coronary-stent" in f.concepts and "pci" not in f.concepts and not f.out_of_scope
    assert "coronary-stent" in f.parts[0].concepts
    assert framer.frame("cardiac cath via radial, pt on plavix + asa - stop before?").out_of_scope == ("cardiac-catheterisation",)
    assert framer.frame("心脏支架术前氯吡格雷要停吗").out_of_scope == ("pci",)  # the stenting itself is not ours
    assert "coronary-stent" in framer.frame("3个月前做了心脏支架术，吃着氯吡格雷，现在要做SCS测试，要停药吗？").concepts


def test_an_ask_no_section_holds_is_led_by_the_sentence_giving_that_kind_of_answer():
    part = Part("seizure from LAST, settled with midazolam - how long do I observe her?", ("last", "seizure"), ("timing",))
    q = _q(concepts=("last", "seizure"), subjects=("last", "seizure"), aspects=("timing",), parts=(part,))
    benzo = _sent("LAST seizures are treated with a benzodiazepine such as midazolam.", "Recognition and management",
                  {"last", "seizure"})
    observe = _sent("After a LAST event, monitor for at least 2 h after a limited CNS event.", "Recognition and management",
                    {"last"}, rank=3)
    assert select([benzo, observe], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is observe


def test_a_secondhand_fact_with_a_figure_is_a_hedged_fact_not_a_note(lexicon):
    text = ("Conservative treatment, as summarised from a secondary summary of obstetric guidance, includes caffeine up to "
            "900 mg/day. Where the interval comes from was checked only in a secondary summary.")
    chunk = Chunk("pdph", "pdph-en", 0, text, "en", "PDPH", ("PDPH", "Recognition and management"), 0, 0, 0, 0, len(text))
    sents = sentences_of([Hit(chunk, 0.5, 1)], lexicon)
    assert [s.provenance for s in sents] == [False, True]


def _sentences_by_text(paragraph: list[str], next_paragraph: list[str], section: str, lexicon: Lexicon) -> dict[str, Sentence]:
    """The quotable sentences of one passage of two paragraphs, by their text."""
    text = " ".join([*paragraph, *next_paragraph])
    chunk = Chunk("p", "p-en", 0, text, "en", "T", ("T", section), 0, 0, 1, 0, len(text), breaks=(text.index(next_paragraph[0]),))
    return {s.text: s for s in sentences_of([Hit(chunk, 0.5, 1)], lexicon)}


def test_a_sentence_quoted_without_its_paragraphs_later_hedge_carries_it(lexicon):
    first = "Give naloxone for opioid toxicity after a suspected refill error."
    second = "Aspirate or empty the reservoir as appropriate (unverified)."
    third = "A later paragraph states a verified rate of 1.2%."
    sents = _sentences_by_text([first, second], [third], "Recognition and management", lexicon)
    assert sents[first].quoted == "Give naloxone for opioid toxicity after a suspected refill error (its passage carries " \
                                  "an unverified note)."
    assert sents[second].quoted == second  # hedged in its own words
    assert sents[third].quoted == third  # another paragraph: the hedge is not its own


def test_a_sentence_naming_no_procedure_is_about_the_one_its_paragraph_named(lexicon):
    first = "In 974 cervical interlaminar epidural steroid injections, dural puncture occurred in 1.4%."
    second = "Dural puncture was most frequent at C5-C6 (2.8%), and none occurred above C5-C6."
    third = "Intravascular injection occurred in 19.4% of cervical transforaminal injections."
    fourth = "Dural puncture is recognised by CSF in the hub."
    sents = _sentences_by_text([first, second], [third, fourth], "Complications and frequency", lexicon)
    assert {"interlaminar-esi", "cervical-spine"} <= sents[first].concepts  # (not a cervical ESI of any approach)
    assert "interlaminar-esi" in sents[second].concepts  # the same fact, told on: the ILESI series' level figure
    assert "interlaminar-esi" not in sents[fourth].concepts and "transforaminal-esi" in sents[fourth].concepts  # its own paragraph


def test_a_limit_ask_is_led_by_the_sentence_stating_the_limit_not_by_a_measured_dose():
    part = Part("eye lens dose limit for fluoro staff", ("eye-lens-dose-limit", "fluoroscopy"), ("limit", "dose"), (), ("staff",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    measured = _sent("Fluoroscopy workers had the highest eye-lens dose, a median of about 10 mSv/year.", "Risk factors",
                     {"eye-lens-dose-limit", "fluoroscopy"})
    limit = _sent("The ICRP occupational dose limit for the eye lens is 20 mSv/year.", "Risk factors", {"eye-lens-dose-limit"}, rank=3)
    assert select([measured, limit], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is limit


def test_counselling_words_name_their_concepts(lexicon):
    tags = lexicon.tags("A multicentre audit of 16,638 ESIs recorded no immediate major neurologic or haemorrhagic event.")
    assert "neurological-injury" in tags  # the audit's reassuring zero is about neurological injury
    assert {"informed-consent", "paralysis"} <= lexicon.tags("should I warn pts about paralysis before a TFESI?")
    assert "death" in lexicon.tags("family worried pt could die from getting an intrathecal pump")
    assert "esi" in lexicon.tags("病人问打硬膜外激素会不会瘫痪")
    assert "blood-glucose" in lexicon.tags("T2DM on insulin, BM 19 mmol the morning after lumbar TFESI")
    assert "ptosis" in lexicon.tags("he read online it can cause a stroke and a droopy eye")
    assert "cement-leakage" in lexicon.tags("那如果漏到椎管里面了怎么处理?")
    assert [m.concept for m in lexicon.match("脊髓电刺激电极移位发生率有多高")] == ["lead-migration"]
    assert [m.concept for m in lexicon.match("SCS lead migration rate")] == ["lead-migration"]  # not just the lead
    assert [m.concept for m in lexicon.match("脊髓电刺激电极断裂怎么办")] == ["lead-fracture"]
    assert "cement-leakage" in lexicon.tags("an urgent CT scan to look for cement in the spinal canal or foramen")
    assert "informed-consent" not in lexicon.tags("New fellow keeps fluoroscoping continuously. What should I tell him?")


def test_a_risk_factor_ask_is_led_by_a_sentence_that_lists_them():
    part = Part("What are the risk factors for epidural haematoma?", ("epidural-haematoma",), ("risk_factors",))
    q = _q(concepts=("epidural-haematoma",), subjects=("epidural-haematoma",), aspects=("risk_factors",), parts=(part,))
    one = _sent("Osteoporosis was proposed as an overlooked risk factor for epidural haematoma (1 in 3,600).", "Risk factors",
                {"epidural-haematoma"})
    listed = _sent("Epidural haematoma risk rises with an indwelling catheter, anticoagulants, older age and spinal deformity.",
                   "Risk factors", {"epidural-haematoma"}, rank=2)
    assert select([one, listed], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is listed


def test_plurals_in_ies_name_their_concept(lexicon):
    found = [m.concept for m in lexicon.match("cement leaks in 39.3% of vertebroplasties and 28.9% of kyphoplasties")]
    assert found == ["cement-leakage", "vertebroplasty", "kyphoplasty"]


def test_every_english_name_is_found_whole_as_its_concept_with_or_without_its_spaces(lexicon):
    # The names compile to a prefix tree; each name must still match end to end, the longest name winning.
    from assistant.text import fold_en
    checked = 0
    for concept in lexicon.concepts.values():
        for name in concept.en:
            key = fold_en(name).strip()
            if len(key) < 2 or not key.replace(" ", "").isalnum():
                continue
            for text in (key, key.replace(" ", "")):
                hit = lexicon.match(f"about {text} today", homophones=False)
                spans = [(m.start, m.end) for m in hit]
                assert (6, 6 + len(text)) in spans, (name, text, [m.surface for m in hit])
            checked += 1
    assert checked > 3000
    assert [m.concept for m in lexicon.match("stopping antiplatelet therapy")] == ["antiplatelet"]
    assert [m.surface for m in lexicon.match("spinal cord stimulation (SCS) trial")][0] == "spinal cord stimulation"


def test_the_name_trees_find_the_longest_name_at_each_word_start_and_chinese_terms_left_to_right():
    from assistant.lexicon import _NameTree, _TermTree
    tree = _NameTree(["facet", "facet joint", "facet joint injection", "joint", "kyphoplasty", "mbb"])
    text = "cervical facet joint injections, facetjoint pain, facet  joint, kyphoplasties, mbbs, jointed"
    found = [text[a:b] for a, b in tree.spans(text)]
    # a name inside another is found too (joint in facet joint); a plural is kept; one space or none, never two;
    # no name ends inside a word (jointed)
    assert found == ["facet joint injections", "joint", "facetjoint", "facet", "joint", "kyphoplasties", "mbbs"]
    assert list(_NameTree([]).spans("anything at all")) == []
    terms = _TermTree(["硬膜外", "硬膜外血肿", "血肿", "SCS 测试"])
    text = "硬膜外血肿和血肿，SCS 测试"
    assert [text[a:b] for a, b in terms.leftmost(text)] == ["硬膜外血肿", "血肿", "SCS 测试"]
    assert terms.longest(text, 3) == 5 and terms.longest(text, 1) is None


def test_a_validated_lexicon_is_kept_for_later_processes_and_an_edited_one_is_read_afresh(tmp_path, monkeypatch):
    import shutil

    from assistant import lexicon as L
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    src = tmp_path / "lexicon.yaml"
    from assistant.config import PROJECT_ROOT
    from assistant.errors import CorpusError
    shutil.copy(PROJECT_ROOT / "corpus" / "lexicon.yaml", src)
    first = L._read(src, L.lexicon_digest(src))
    kept = L._checked_copy(L.lexicon_digest(src))
    assert kept is not None and L.parse(kept, first.digest).concepts == first.concepts
    src.write_text(src.read_text(encoding="utf-8").replace("id: reimplantation", "id: re-implantation"), encoding="utf-8")
    edited = L._read(src, L.lexicon_digest(src))
    assert "re-implantation" in edited.concepts and "reimplantation" not in edited.concepts  # (a new content, a new copy)
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts: [{id: x}]\n", encoding="utf-8")
    with pytest.raises(CorpusError):
        L._read(bad, L.lexicon_digest(bad))
    assert L._checked_copy(L.lexicon_digest(bad)) is None  # (an invalid lexicon is never kept)


def test_a_lazy_pattern_compiles_on_first_use_and_reads_its_source_without_compiling():
    import re

    from assistant.lazyre import lazy
    p = lazy(r"ab+c", re.I)
    assert p.pattern == "ab+c" and p._compiled is None  # type: ignore[attr-defined]
    assert p.search("xABBC") and p.sub("-", "abc abbc") == "- -" and p._compiled is not None  # type: ignore[attr-defined]
    assert lazy(p.pattern + "|d").fullmatch("d")


def test_a_sentence_about_the_left_out_complication_ranks_low_even_when_it_names_the_procedure():
    part = Part("after vertebroplasty, what complications are there besides cement leaks?", ("vertebroplasty",), ("complications",))
    q = _q(concepts=("vertebroplasty",), subjects=("vertebroplasty",), aspects=("complications",), parts=(part,),
           excluded=("cement-leakage",))
    sig = Signals({}, {}, {"vertebroplasty": "procedure", "cement-leakage": "complication", "rib-fracture": "complication"})
    leak = _sent("Cement leaks occurred in 39.3% of vertebroplasties.", "Risk factors", {"vertebroplasty", "cement-leakage"})
    rib = _sent("Rib fractures can follow vertebroplasty.", "Risk factors", {"vertebroplasty", "rib-fracture"}, rank=3)
    assert select([leak, rib], q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence is rib


def test_a_work_up_sentence_names_a_test_not_letters_inside_a_word():
    from assistant.compose import _KIND
    assert not _KIND["workup"].search("an implanted pump connected to a catheter, placed under ultrasound guidance")
    assert _KIND["workup"].search("then T1-weighted MRI with gadolinium") and _KIND["workup"].search("再行钆增强 MRI 检查")


def test_a_quoted_rate_goes_out_with_the_caveat_the_sources_attach_to_it():
    part = Part("SCS consent: how often does spinal cord injury happen?", ("spinal-cord-injury",), ("frequency",))
    q = _q(concepts=("spinal-cord-injury",), subjects=("spinal-cord-injury",), aspects=("frequency",), parts=(part,))
    rate = _sent("Coded spinal cord injury within 30 days was found in 2.13% of SCS patients.", "Risk factors", {"spinal-cord-injury"})
    caveat = _sent("The claims-based rate of 2.13% probably includes minor or coding-only events.", "Evidence notes",
                   {"spinal-cord-injury"}, rank=5)
    other = _sent("Evidence on SCS lead types is mixed.", "Evidence notes", {"spinal-cord-injury"}, rank=6)
    bullets = select([rate, caveat, other], q, "en", lambda t: 1.0, {}, 1, (True,))  # room for one fact only
    assert [b.sentence for b in bullets] == [rate, caveat] and bullets[1].kind == "note"


def test_a_range_is_one_figure_so_a_restart_interval_is_not_the_stop_interval():
    stop = _sent("LMWH is stopped at least 12 h before after a prophylactic dose and 24 h before after a therapeutic dose.",
                 "Risk factors", {"lmwh"})
    restart = _sent("LMWH is restarted about 12–24 h after the procedure.", "Risk factors", {"lmwh"})
    assert not same_point(restart, [stop], "en") and same_point(restart, [restart], "en")


def test_two_asks_answered_by_one_sentence_are_answered_together():
    parts = (Part("how long do I hold rivaroxaban", ("rivaroxaban",), ("hold",)),
             Part("when can I restart it", (), ("hold",), ("rivaroxaban",)))
    q = _q(concepts=("rivaroxaban",), subjects=("rivaroxaban",), aspects=("hold",), parts=parts)
    both = _sent("Rivaroxaban is held for 3 days and restarted 24 h afterwards.", "Risk factors", {"rivaroxaban"})
    other = _sent("Rivaroxaban is a factor Xa inhibitor.", "Recognition and management", {"rivaroxaban"}, rank=2)
    bullets = select([both, other], q, "en", lambda t: 1.0, {}, 5, (True, True))
    assert {b.part for b in bullets} == {0} and bullets[0].sentence is both  # one answer, no part headings


# --- emergency pathways ---------------------------------------------------------------------
@pytest.mark.parametrize("question, lang, pathway", [
    ("Tongue numbness, tinnitus and a widening QRS during a paravertebral block with bupivacaine", "en", "last"),
    ("Chest tightness, hypotension and desaturation while cement is injected during a vertebroplasty", "en", "cement-embolism"),
    ("Blurred vision during epiduroscopy after 80 mL of saline, what now?", "en", "epiduroscopy-pressure"),
    ("Right after an SI joint injection with lidocaine he went grey and sweaty, HR 42, no tinnitus and no perioral tingling. "
     "What do we do?", "en", "vasovagal"),
    ("Within 3 minutes of 10 mL bupivacaine in a lumbar epidural she stopped breathing and is unconscious, BP 60/30", "en", "total-spinal"),
    ("腰椎经椎间孔注射推完碘造影剂，病人全身荨麻疹、喘鸣，血压 78/40。马上怎么办？", "zh", "contrast-anaphylaxis"),
    ("T12 经椎间孔注射曲安奈德刚推完，病人双下肢瞬间瘫软。怎么办？", "zh", "esi-stroke"),
    ("鞘内泵加药后病人嗜睡、呼吸变慢，怎么办？", "zh", "idd-overdose"),
    ("L2椎体后凸成形术后回到病房，病人诉新发右腿放射痛伴无力。", "zh", "neuraxial-deficit"),  # 无力 is not a negation
])
def test_the_right_pathway_is_chosen(question, lang, pathway):
    assert triage(question, lang).rule == pathway


@pytest.mark.parametrize("question, lang", [
    ("Should I warn patients about Horner's and hoarseness after SGB?", "en"),
    ("Permanent paresthesia after an inferior alveolar nerve block", "en"),
    ("How common is paralysis after a transforaminal injection?", "en"),
    ("Cord or brain strokes after steroid root blocks - what's the actual mechanism?", "en"),
    ("患者一年前做神经阻滞时发生过局麻药中毒抽搐，这次要做骶髂关节注射，需要注意什么？", "zh"),
    ("病人说自己对虾蟹过敏，注射用造影剂会不会引起过敏性休克？", "zh"),
])
def test_counselling_frequency_and_history_questions_are_not_emergencies(question, lang):
    assert not triage(question, lang).urgent


def test_parse_keeps_unconfirmed_brand_status():
    lex = parse({"concepts": [{"id": "g", "kind": "drug", "en": ["generic"]},
                              {"id": "b", "kind": "brand", "zh": ["某品牌"], "broader": ["g"], "status": "unconfirmed"}]})
    assert lex.concepts["b"].status == "unconfirmed" and lex.broader_closure(["b"]) == ["b", "g"]


# --- emergency composition -------------------------------------------------------------------
def _msent(text: str, doc: str, position: int, group: str = "management") -> Sentence:
    toks = frozenset(w.lower().strip(".,()") for w in text.split())
    chunk = Chunk(f"{doc}-{position}", f"{doc}-en", position, text, "en", "T", ("T",), 0, 0, 0, 0, 0)
    return Sentence(text, chunk, 1, position, group, toks, frozenset(), False, True)


_LAST_SENTENCES = [
    _msent("Long-term opioids cause endocrine change, so screen the patient.", "other", 0),
    _msent("Seizures are treated with a benzodiazepine.", "last", 2),
    _msent("When toxicity is suspected, call for help and secure the airway.", "last", 1),
    _msent("For a patient weighing >70 kg the lipid emulsion regimen is a 100 mL bolus.", "last", 4),
    _msent("For a patient weighing ≤70 kg the lipid emulsion regimen is 1.5 mL/kg.", "last", 3),
    _msent("Patients should be told to return urgently after discharge.", "last", 5),
]
_STEPS = (r"call for help|secure the airway", r"benzodiazepine", r"lipid emulsion regimen|mL/kg", r"return urgently")


def test_emergency_actions_follow_the_protocol_steps_from_the_pathway_documents():
    bullets = emergency(_LAST_SENTENCES, ("last",), frozenset({"seizure"}), "en", steps=_STEPS)
    texts = [b.sentence.text for b in bullets if b.kind == "action"]
    assert texts[0].startswith("When toxicity") and texts[1].startswith("Seizures")
    assert not any("endocrine" in t for t in texts)  # another document is not this pathway
    assert not any("return urgently" in t for t in texts)  # advice to patients is not a bedside step


def test_emergency_dose_follows_the_patients_weight_band_or_gives_both():
    heavy = [b.sentence.text for b in emergency(_LAST_SENTENCES, ("last",), frozenset(), "en", steps=_STEPS, weight=92.0)]
    assert any(">70 kg" in t for t in heavy) and not any("≤70 kg" in t for t in heavy)
    light = [b.sentence.text for b in emergency(_LAST_SENTENCES, ("last",), frozenset(), "en", steps=_STEPS, weight=45.0)]
    assert any("≤70 kg" in t for t in light) and not any(">70 kg" in t for t in light)
    unknown = [b.sentence.text for b in emergency(_LAST_SENTENCES, ("last",), frozenset(), "en", steps=_STEPS)]
    assert any("≤70 kg" in t for t in unknown) and any(">70 kg" in t for t in unknown)


def test_weight_is_read_from_the_question():
    assert told_weight("she's 45 kg, how much lipid?") == 45.0 and told_weight("90公斤的男性") == 90.0 and told_weight("no weight") is None
    assert band_fit("for a patient weighing ≤70 kg", 45.0) == 1 and band_fit("for a patient weighing ≤70 kg", 90.0) == -1


# --- fusion ---------------------------------------------------------------------------------
def test_fusion_order_on_hand_built_lists():
    from assistant.retrieval import fuse

    dense = (1.0, "dense", [("a", 0.9), ("b", 0.8), ("c", 0.7)])
    bm25 = (1.0, "bm25", [("b", 12.0), ("d", 9.0)])
    other = (0.5, "dense", [("e", 0.95)])  # another language at half weight
    out = fuse([dense, bm25, other], 60, 4)
    assert [cid for cid, *_ in out] == ["b", "a", "d", "c"]  # found twice beats first once; then 1/61 > 1/62 > 1/63
    b = out[0]
    assert b[1] == pytest.approx(1 / 62 + 1 / 61) and b[2] == ("bm25", "dense") and b[3] == 12.0
    assert out[1][3] is None  # dense only: no BM25 score
    tie = fuse([(1.0, "dense", [("x", 1.0)]), (1.0, "bm25", [("y", 1.0)])], 60, 2)
    assert [cid for cid, *_ in tie] == ["x", "y"]  # equal fused scores keep first-seen order


# --- scope (near misses) ---------------------------------------------------------------------
def _judged(framer, lexicon, text, history=None):  # type: ignore[no-untyped-def]
    """Frame a question with the bundled lexicon and judge it against passages that mention all its concepts."""
    q = framer.frame(text, history)
    kinds = {c: lexicon.concepts[c].kind for c in q.all_concepts}
    parents = {c: lexicon.concepts[c].broader for c in q.all_concepts}
    return q, judge(q, [frozenset(q.all_concepts)], 0.9, 0.46, kinds, parents)


@pytest.mark.parametrize("text, foreign", [
    ("thyroid nodule RFA - risk of recurrent laryngeal nerve injury?", "thyroid-nodule"),  # RFA aimed at another specialty's target
    ("甲状腺结节射频消融后声音嘶哑怎么办", "tumour-ablation"),
    ("肌间沟臂丛阻滞膈神经麻痹的发生率是多少？", "brachial-plexus-anaesthesia"),  # a surgical block, not brachial plexus spread in SGB
    ("ESP block for rib fractures - max ropivacaine volume?", "surgical-regional-block"),
    ("brachial plexus block for shoulder surgery - pneumothorax risk?", "limb-surgery"),
    ("how do I bill 64483 plus 64484 for a two level TFESI?", "medical-billing"),  # not clinical, even about a procedure of ours
    ("醫生晉升副高職稱需要發幾篇SCI？", "academic-career"),  # SCI = Science Citation Index here, not spinal cord injury
    ("Do I need a CT head before a diagnostic LP for suspected bacterial meningitis?", "diagnostic-lumbar-puncture"),
    ("intrathecal methotrexate dose for CNS prophylaxis in an 8yo with ALL", "intrathecal-chemotherapy"),
    ("醫美打玻尿酸 出現血管栓塞 要怎麼處理", "cosmetic-filler-injection"),  # an embolism, but not our cement's
    ("laboring pt w/ epidural - what bupivacaine concentration and rate for the infusion?", "labour-epidural"),
    ("顺便问下，房颤 RFA ablation 术后 pericardial tamponade 怎么处理", "tumour-ablation"),  # the heart's RF, not a nerve's
    ("paeds caudal block for hypospadias repair - dose of levobupivacaine?", "paediatric-caudal-block"),
    ("ED here - how much 1% lido can i use for a digital block on a finger lac, 80kg guy?", "surgical-regional-block"),
    ("手指外伤清创，指根阻滞用1%利多卡因最多能打多少？", "surgical-regional-block"),
])
def test_a_near_miss_sharing_our_words_is_out_of_scope(framer, lexicon, text, foreign):
    q, v = _judged(framer, lexicon, text)
    assert v.kind == "out_of_scope" and foreign in v.foreign, (q.concepts, q.unknown, v)


@pytest.mark.parametrize("text, history", [
    ("SCI after cervical TFESI - how often?", None),  # the abbreviation in its clinical sense
    ("Can I do RFA at a level with a previous lumbar fusion?", None),  # our technique at our target; the fusion is history
    ("PDPH after a diagnostic LP - how much blood for the patch?", None),  # headache after any LP is covered
    ("And after a routine diagnostic LP?", ["What's the risk of PDPH after an accidental wet tap with a Tuohy needle?"]),
    ("pt on methotrexate for RA, ok to do a lumbar ESI?", None),  # an unknown drug beside a procedure of ours
])
def test_our_subject_stays_in_scope_next_to_a_shared_word(framer, lexicon, text, history):
    q, v = _judged(framer, lexicon, text, history)
    assert v.kind == "answered", (q.concepts, q.out_of_scope, q.unknown, v)


def test_a_diagnostic_lp_is_ours_only_when_its_covered_complication_is_asked(framer):
    assert framer.frame("Do I need a CT head before a diagnostic LP?").out_of_scope == ("diagnostic-lumbar-puncture",)
    assert framer.frame("PDPH after a diagnostic LP?").out_of_scope == ()
    follow = framer.frame("And after a routine diagnostic LP?", ["What's the risk of PDPH after an accidental wet tap?"])
    assert follow.out_of_scope == () and follow.followup and "pdph" in follow.context_concepts


@pytest.mark.parametrize("text", [
    "glucose 16 mmol/L the day after an ESI - how long does it last?",
    "糖尿病人打完硬膜外激素第二天血糖16 mmol/L，正常吗？会持续几天？",
    "Cr 2.1 mg/dL, eGFR 28 and HbA1c 9% - iodinated contrast for a TFESI?",
    "INR 1.6, aPTT 45 s, plt 80, troponin normal - ok for an SCS trial?",
    "血小板 60×10^9/L，肌酐 180 微摩尔/升，能做硬膜外注射吗？",
])
def test_units_numbers_and_lab_tests_are_never_unknown_subjects(framer, text):
    measures = {"mmol", "mg", "dl", "egfr", "hba1c", "inr", "aptt", "plt", "troponin", "cr", "微摩尔", "肌酐", "升"}
    unknown = framer.frame(text).unknown
    assert not [u for u in unknown if u.lower() in measures or any(m in u for m in ("mmol", "微摩尔"))], unknown


@pytest.mark.parametrize("text, name", [
    ("白血病病人腰穿时给阿糖胞苷的剂量是多少？", "阿糖胞苷"),
    ("ICU用右美托咪定镇静，最大剂量多少？", "右美托咪定"),  # the 用 before it is not part of the name
    ("罗库溴铵的插管剂量是多少？", "罗库溴铵"),  # jieba splits it: 罗库 + 溴 + 铵
    ("阿托伐他汀和瑞舒伐他汀哪个好？", "瑞舒伐他汀"),
])
def test_an_unknown_chinese_drug_name_is_one_term_read_as_a_drug(framer, text, name):
    from assistant.frame import drug_like

    unknown = framer.frame(text).unknown
    assert name in unknown and drug_like(name), unknown


def test_drug_and_procedure_names_are_told_by_their_stems(framer):
    from assistant.frame import drug_like, procedure_like

    assert all(drug_like(t) for t in ("methotrexate", "dexmedetomidine", "cytarabine", "rocuronium", "阿糖胞苷", "右美托咪定", "甲氨蝶呤"))
    assert not any(drug_like(t) for t in ("colonoscopy", "leukaemia", "myalgias", "白血病", "职称", "喝水"))
    assert procedure_like("bunion surgery") and procedure_like("鼻窦手术") and not procedure_like("阿糖胞苷")
    assert "鼻窦手术" in framer.frame("鼻窦手术后用氨甲环酸多少剂量？").unknown  # an unfamiliar organ + 手术 is one procedure term


def test_an_unknown_drug_with_only_an_ancillary_technique_is_not_in_the_knowledge_base():
    kinds = {"intrathecal-injection": "procedure", "transforaminal-esi": "procedure", "ropivacaine": "drug", "sedation": "procedure"}
    q = _q(lang="zh", concepts=("intrathecal-injection",), subjects=("intrathecal-injection",), unknown=("白血病", "阿糖胞苷"),
           parts=(Part("q", ("intrathecal-injection",), ("dose",)),))
    v = judge(q, [frozenset({"intrathecal-injection"})], 0.9, 0.46, kinds, {})
    assert v.kind == "not_in_kb" and v.missing[0] == "阿糖胞苷"  # the drug is named first in the note
    ours = _q(concepts=("transforaminal-esi",), subjects=("transforaminal-esi",), unknown=("methotrexate",),
              parts=(Part("q", ("transforaminal-esi",), ()),))
    assert judge(ours, [frozenset({"transforaminal-esi"})], 0.9, 0.46, kinds, {}).kind == "answered"
    with_ours = _q(concepts=("sedation", "ropivacaine"), subjects=("sedation", "ropivacaine"), unknown=("dexmedetomidine",),
                   parts=(Part("q", ("sedation", "ropivacaine"), ("dose",)),))
    assert judge(with_ours, [frozenset({"sedation", "ropivacaine"})], 0.9, 0.46, kinds, {}).kind == "answered"


def test_a_non_clinical_topic_is_out_of_scope_even_about_our_procedure():
    kinds = {"medical-billing": "topic", "transforaminal-esi": "procedure"}
    q = _q(concepts=("medical-billing", "transforaminal-esi"), subjects=("transforaminal-esi",), out_of_scope=("medical-billing",),
           parts=(Part("q", ("medical-billing", "transforaminal-esi"), ()),))
    v = judge(q, [frozenset({"transforaminal-esi"})], 0.9, 0.46, kinds, {})
    assert v.kind == "out_of_scope" and v.foreign == ("medical-billing",)


def test_a_generic_technique_aimed_at_another_specialtys_target_is_theirs():
    kinds = {"thyroid-nodule": "condition", "radiofrequency-ablation": "procedure", "open-spine-surgery": "procedure",
             "recurrent-laryngeal-nerve-block": "complication", "medial-branch-block": "procedure"}
    rfa = ("radiofrequency-ablation",)
    thyroid = _q(concepts=("thyroid-nodule", *rfa, "recurrent-laryngeal-nerve-block"), subjects=(*rfa, "recurrent-laryngeal-nerve-block"),
                 out_of_scope=("thyroid-nodule",), parts=(Part("q", rfa, ("frequency",)),))
    assert judge(thyroid, [frozenset(rfa)], 0.9, 0.46, kinds, {}).kind == "out_of_scope"
    fused = _q(concepts=("open-spine-surgery", *rfa), subjects=rfa, out_of_scope=("open-spine-surgery",), parts=(Part("q", rfa, ()),))
    assert judge(fused, [frozenset(rfa)], 0.9, 0.46, kinds, {}).kind == "answered"  # another specialty's procedure as history only
    named = _q(concepts=("thyroid-nodule", "medial-branch-block"), subjects=("medial-branch-block",), out_of_scope=("thyroid-nodule",),
               parts=(Part("q", ("medial-branch-block",), ()),))
    assert judge(named, [frozenset({"medial-branch-block"})], 0.9, 0.46, kinds, {}).kind == "answered"  # a specific procedure of ours


def test_covers_is_validated_like_a_link(lexicon):
    raw = {"concepts": [{"id": "a", "kind": "procedure", "scope": "in", "en": ["x"], "covers": ["a"]},
                        {"id": "c", "kind": "procedure", "scope": "out", "en": ["y"], "covers": ["nope"]}]}
    errs = " | ".join(validate(raw))
    assert "`covers` is for `scope: out` concepts only" in errs and "covers id `nope` is not defined" in errs


def test_in_field_is_for_out_of_scope_concepts_and_read_from_the_lexicon(lexicon):
    raw = {"concepts": [{"id": "a", "kind": "procedure", "scope": "in", "en": ["x"], "in_field": True},
                        {"id": "b", "kind": "procedure", "scope": "out", "en": ["y"], "in_field": "yes"},
                        {"id": "c", "kind": "procedure", "scope": "out", "en": ["z"], "in_field": True}]}
    errs = validate(raw)
    assert [e.split(":")[0] for e in errs] == ["lexicon concept `a`", "lexicon concept `b`"], errs
    assert lexicon.concepts["peripheral-joint-rfa"].in_field and not lexicon.concepts["colonoscopy"].in_field
    for c in lexicon.concepts.values():
        assert all(lexicon.concepts[x].scope == "in" for x in c.covers), c.id


def test_a_patient_with_a_stent_is_the_stent_concept_and_years_are_not_figures():
    lex = load_lexicon()
    assert "coronary-stent" in {m.concept for m in lex.match("pt on Brilinta after a stent 4 months ago")}
    assert "blood-glucose" in {m.concept for m in lex.match("how long will his sugars stay up after the epidural")}
    tags = {m.concept for m in lex.match("does the needle end up in a vessel during cervical transforaminal injections")}
    assert {"intravascular-injection", "transforaminal-esi"} <= tags and "cervical-esi" not in tags
    from assistant.compose import _figures
    assert _figures("held for 5 days (Narouze 2018)") == frozenset({"5"})


def test_a_held_drug_named_with_a_procedure_and_no_ask_implies_a_hold_ask(framer):
    q = framer.frame("pt on clopidogrel, booked for a lumbar TFESI tomorrow")
    assert q.aspects == ("hold",) and q.parts[0].aspects == ("hold",)
    assert "caudal-esi" in framer.frame("84F on apixaban, needs a caudal").concepts
    assert framer.frame("what is clopidogrel?").aspects != ("hold",)  # no procedure: nothing to hold for


def test_a_steroid_is_not_held_but_an_antiplatelet_is(framer):
    assert framer.frame("can I do a TFESI on a patient taking Brilinta?").aspects[0] == "hold"
    assert "hold" not in framer.frame("颈椎TFESI能用曲安奈德吗？").aspects


def test_brand_identity_cards_and_comma_led_dependents_are_recognised():
    from assistant.compose import _DEPENDENT, _IDENTITY
    assert _IDENTITY["en"].search("Eliquis is apixaban (阿哌沙班), a direct factor Xa inhibitor.")
    assert _IDENTITY["zh"].search("克赛（Clexane，美国商品名 Lovenox）即依诺肝素钠（enoxaparin），属低分子肝素。")
    assert not _IDENTITY["en"].search("Apixaban is held for 3 days before the procedure.")
    assert _IDENTITY["en"].search("Coumadin is a Bristol-Myers Squibb brand of warfarin (华法林), a vitamin K antagonist.")
    assert _IDENTITY["zh"].search("Coumadin 是百时美施贵宝（Bristol-Myers Squibb）的华法林（warfarin）商品名，华法林属维生素K拮抗剂。")
    assert "warfarin" in {m.concept for m in load_lexicon().match("华法令停几天？")}  # a common variant spelling
    assert _DEPENDENT["zh"].search("按照该综述，除上述情况外，TFESI应选用非颗粒型糖皮质激素。")
    assert _DEPENDENT["zh"].search("由此可见，常规 CT 筛查可在少量但确实存在的椎体强化术患者中发现 PCE。")
    assert not _DEPENDENT["zh"].search("腰段经椎间孔ESI应首选非颗粒型糖皮质激素（地塞米松），治疗性颈段不应使用颗粒型。")


def test_colloquial_cement_and_blindness_words_and_no_hold_without_a_drug(framer):
    q = framer.frame("How much glue per level before the risk of cement PE goes up in vertebroplasty?")
    assert {"bone-cement", "pulmonary-cement-embolism", "vertebroplasty"} <= set(q.concepts) and not q.unknown
    assert "hold" not in q.aspects and "dose" in q.aspects  # "before the risk goes up" holds no drug
    assert "hold" in framer.frame("How long before the ILESI do I stop apixaban?").aspects
    assert "visual-loss" in framer.frame("what do i tell pts about the risk of going blind with epiduroscopy?").concepts
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["en"].search("About 58% of these patients had bilateral retinal haemorrhage.")
    assert _DEPENDENT["en"].search("Serious neurological injury after lumbar facet RFA was not observed across those 616 lesions.")
    assert not _DEPENDENT["en"].search("Gill and Heavner (2005) collected 12 cases of visual impairment after epiduroscopy.")


def test_a_pregnant_colleague_is_pregnant_staff_not_a_pregnant_patient(framer):
    q = framer.frame("one of our radiographers is 10 wks pregnant, can she keep working in the fluoro suite?")
    assert "pregnant-staff" in q.concepts and "pregnancy" not in q.concepts
    assert "pregnant-staff" in framer.frame("我们科一位放射技师怀孕10周了，还能继续在透视室工作吗？").concepts
    assert "pregnancy" in framer.frame("Is fluoroscopy safe for a pregnant patient having an ESI?").concepts
    assert "pregnant-staff" in framer.frame("我刚怀孕8周，还能继续进C臂室做介入吗？").concepts


def test_a_stent_patients_aspirin_is_secondary_prevention_not_the_primary_prevention_rule():
    kinds = {"aspirin": "drug", "coronary-stent": "condition"}
    part = Part("aspirin after a stent, booked for an SCS trial: stop it?", ("aspirin", "coronary-stent"), ("hold",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    primary = _sent("Aspirin taken for primary prevention is stopped 6 days before a high-risk pain procedure.", "Prevention",
                    {"aspirin"})
    secondary = _sent("Aspirin taken after a coronary stent is usually continued, decided with the cardiologist.", "Prevention",
                      {"aspirin", "coronary-stent"}, rank=3)
    assert select([primary, secondary], q, "en", lambda t: 1.0, {}, 5, (True,), Signals({}, {}, kinds))[0].sentence is secondary


def test_what_the_knowledge_base_covers_answers_only_a_question_about_the_knowledge_base():
    meta = _sent("Besides the review, this knowledge base covers the main pain procedures.", "Risk factors", set())
    premed = Part("premed regimen?", (), ("dose",), (), ("premed", "regimen"))
    scope = Part("what does the knowledge base cover?", (), (), (), ("cover",))
    on_premed = score(meta, premed, _q(text="premed regimen?", parts=(premed,)), lambda t: 1.0, {}, "en")
    on_scope = score(meta, scope, _q(text="what does the knowledge base cover?", parts=(scope,)), lambda t: 1.0, {}, "en")
    assert on_premed < on_scope - 0.4


def test_a_follow_up_that_renames_the_procedure_and_changes_the_level_keeps_the_drug(framer):
    q = framer.frame("what if the MBB is lumbar instead?", ["Effient pt for cervical MBB - stop it or not?"])
    assert q.followup and {"prasugrel", "medial-branch-block", "lumbar-spine"} <= set(q.concepts)
    assert {"prasugrel", "medial-branch-block"} <= set(q.subjects)


def test_a_sentence_naming_that_series_without_a_figure_goes_out_with_the_series_it_names(lexicon):
    text = ("In a series of 322 lumbar transforaminal injections, hyperglycaemia occurred in 0.3%. "
            "No major complications occurred in that lumbar TFESI series. "
            "In the series of 3,175 vertebroplasties, canal leaks occurred in 0.7%. "
            "The continued drugs were warfarin (4) and aspirin (142).")
    chunk = Chunk("x", "x-en", 0, text, "en", "X", ("X", "Complications and frequency"), 0, 0, 0, 0, len(text))
    sents = [s.text for s in sentences_of([Hit(chunk, 0.5, 1)], lexicon)]
    assert sents[0].startswith("In a series of 322") and sents[0].endswith("that lumbar TFESI series.")
    assert "In the series of 3,175 vertebroplasties, canal leaks occurred in 0.7%. The continued drugs were warfarin (4) and aspirin (142)." in sents
    assert len(sents) == 2


def test_english_words_in_a_chinese_question_ask_in_english(framer):
    q = framer.frame("SCS知情同意书上complications要写哪些？各自incidence大概多少")
    assert {"frequency", "complications"} <= set(q.aspects)


def test_asked_for_the_numbers_a_sentence_with_a_count_leads_not_the_case_reports(framer):
    part = Part("pt terrified of paralysis from a lumbar ESI. what real numbers can I give her?", ("paralysis", "esi"),
                ("frequency",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    cases = _sent("Case reports describe paraplegia after thoracolumbar transforaminal injection, which is rare.", "Risk factors",
                  {"paralysis", "esi"})
    audit = _sent("An audit of 16,638 ESIs recorded no major neurologic event.", "Risk factors", {"esi"}, rank=2)
    assert select([cases, audit], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is audit
    how_often = Part("how often does paralysis follow an ESI?", ("paralysis", "esi"), ("frequency",))
    q2 = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(how_often,))
    sig = Signals({}, {}, {"paralysis": "complication", "esi": "procedure"})
    assert select([cases, audit], q2, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence is cases  # "rare" answers how often
    f = framer.frame("病人问打完腰椎硬膜外激素会不会瘫痪，我该怎么跟他讲，有没有具体数字可以说")
    assert len(f.parts) == 1 and "frequency" in f.aspects  # how to say it and the numbers are the same ask
    assert "contraindications" not in framer.frame("what real numbers can I give her about paralysis after an ESI?").aspects


def test_a_long_story_with_an_unfamiliar_word_still_follows_the_turn_before(framer):
    f = framer.frame("2 hrs later she has new burning pain down the L leg and weak hip flexion — what now",
                     ["did a T12 vertebroplasty this morning, went fine, about 4 mL PMMA"])
    assert f.followup and "vertebroplasty" in f.context_concepts
    assert not framer.frame("what about Botox?", ["SCS trial on aspirin - stop it?"]).followup  # a new subject we do not cover


def test_clinicians_names_for_procedures_and_brands_are_read(framer):
    assert "interlaminar-esi" in framer.frame("艾乐托2.5 bid，准备做颈椎椎板间硬膜外，提前几天停药").concepts
    assert "clopidogrel" in framer.frame("plavics pt for lumbar MBB next wk - stop it or continue?").concepts
    assert "peripheral-joint-rfa" in framer.frame("genicular nerve RFA for knee OA - complication rate?").out_of_scope
    assert framer.frame("膝关节射频消融术前要停阿司匹林吗").out_of_scope == ("peripheral-joint-rfa",)
    assert "oral-intake" in framer.frame("星状神经节阻滞后可以马上吃饭喝水吗？").concepts


def test_a_failed_treatment_asks_for_the_next_step_not_for_that_treatment():
    part = Part("PDPH, caffeine and fluids for 2 days, still severe - what next?", ("pdph", "conservative-management"),
                ("escalation", "action"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    tried = _sent("Conservative treatment of PDPH consists of paracetamol, caffeine and fluids.", "Recognition and management",
                  {"pdph", "conservative-management"})
    ebp = _sent("Epidural blood patch is the established definitive treatment for PDPH.", "Recognition and management", {"pdph"},
                rank=3)
    assert select([tried, ebp], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is ebp


def test_how_long_to_hold_warfarin_is_the_guidelines_interval_not_a_trials_protocol_or_the_af_story():
    kinds = {"warfarin": "drug", "atrial-fibrillation": "condition"}
    sig = Signals({}, {}, kinds)
    part = Part("coumadin for AF, INR 2.6, booked for a TFESI. stop how long?", ("warfarin", "atrial-fibrillation"), ("hold",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    trial = _sent("In the BRIDGE trial of patients with AF on warfarin, warfarin was stopped 5 days before the procedure.",
                  "Prevention", {"warfarin", "atrial-fibrillation"})
    high = _sent("Patients with AF and a metal valve on warfarin are at high thromboembolic risk.", "Risk factors",
                 {"warfarin", "atrial-fibrillation"})
    advice = _sent("In AF patients on warfarin, warfarin is stopped about 5 days before a pain procedure.", "Prevention",
                   {"warfarin", "atrial-fibrillation"}, rank=3)
    assert select([trial, advice], q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence is advice  # not the trial's protocol
    plain = _sent("Warfarin is stopped about 5 days before a pain procedure.", "Prevention", {"warfarin"}, rank=3)
    assert select([high, plain], q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence is plain  # AF is why, not what


def test_do_i_bridge_asks_who_is_at_high_thromboembolic_risk():
    assert "risk_factors" in aspects_of("do I bridge?", "en")
    assert "risk_factors" in aspects_of("should we bridge her with enoxaparin?", "en")


def test_a_conditional_second_ask_is_its_own_part():
    assert split_parts("whats the PDPH rate after a wet tap during ILESI, and if I do a blood patch how much blood?", "en") == [
        "whats the PDPH rate after a wet tap during ILESI", "if I do a blood patch how much blood?"]


def test_patient_and_staff_details_name_their_own_concepts(framer):
    f = framer.frame("one of our rad techs just told me she's pregnant. can she keep working in the fluoro suite? what's the fetal dose limit?")
    assert "pregnant-staff" in f.parts[0].concepts and "contraindications" in f.parts[0].aspects
    assert "shellfish-allergy" in framer.frame("pt says shes allergic to shellfish, does she need premedication before contrast?").concepts
    cement = framer.frame("椎体成形术骨水泥注入多少毫升以上肺栓塞风险会明显增加？")
    assert "pulmonary-cement-embolism" in cement.concepts and "pulmonary-embolism" not in cement.concepts


def test_a_story_told_in_chinese_is_not_read_as_asks(framer):
    assert "prevention" not in aspects_of("阿司匹林一级预防吃了好几年了", "zh")  # 一级预防 is why she takes it
    f = framer.frame("老太太阿司匹林100一级预防吃了好几年了，要做腰椎小关节射频，能不能不停啊")
    assert len(f.parts) == 1 and f.aspects == ("hold",)  # 好几年 is no question word; 能不能不停 asks whether to stop
    assert "magnitude" in aspects_of("糖尿病人做硬膜外激素注射后血糖一般会升多少？", "zh")
    assert "magnitude" in aspects_of("how high does glucose go after a TFESI?", "en")
    rise = aspects_of("she's diabetic, how much will her sugar go up after the epidural steroid?", "en")
    assert "magnitude" in rise and "dose" not in rise  # how much X goes up is a change, not an amount to give
    assert "dose" in aspects_of("how much lidocaine can I give for the skin wheal?", "en")


def test_whether_to_stop_is_told_from_how_long_to_stop():
    assert asks_whether_to_stop("如果病人在吃氯吡格雷，做腰椎射频要停药吗？")
    assert asks_whether_to_stop("on Plavix, lumbar MBB next week - do I need to stop it?")
    assert not asks_whether_to_stop("氯吡格雷要停几天？")
    assert not asks_whether_to_stop("how long do I hold clopidogrel before a lumbar MBB?")


def test_when_to_restart_a_drug_is_a_hold_ask_but_recovering_from_harm_is_not():
    assert "hold" in aspects_of("射频做完什么时候可以恢复利伐沙班？", "zh")
    assert "hold" not in aspects_of("硬膜外血肿减压后神经功能多久能恢复？", "zh")
    assert "hold" not in aspects_of("穿刺后腿麻多久能恢复？", "zh")


def test_a_sentence_about_another_regions_procedure_carries_that_region(lexicon):
    text = "颈椎小关节内侧支阻滞和颈椎小关节射频消融仍属于中等出血风险类别。"
    chunk = Chunk("x", "x-zh", 0, text, "zh", "X", ("X", "危险因素"), 0, 0, 0, 0, len(text))
    assert "cervical-spine" in sentences_of([Hit(chunk, 0.5, 1)], lexicon)[0].concepts


def test_a_brand_nobody_asked_about_is_not_quoted():
    kinds = {"aspirin": "drug", "brand-bayaspirin": "brand", "radiofrequency-ablation": "procedure"}
    sig = Signals({}, {}, kinds)
    part = Part("aspirin for primary prevention, lumbar facet RF next week - can she stay on it?", ("aspirin", "radiofrequency-ablation"),
                ("hold",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    card = _sent("Bayaspirin is aspirin, so the aspirin advice above applies to it.", "Prevention", {"aspirin", "brand-bayaspirin"})
    rule = _sent("Aspirin for primary prevention is continued for a low-risk procedure.", "Prevention", {"aspirin"}, rank=2)
    texts = [b.sentence.text for b in select([card, rule], q, "en", lambda t: 1.0, {}, 5, (True,), sig)]
    assert texts == [rule.text]
    asked = _q(concepts=(*part.concepts, "brand-bayaspirin"), subjects=part.concepts, aspects=part.aspects, parts=(part,))
    assert card.text in [b.sentence.text for b in select([card, rule], asked, "en", lambda t: 1.0, {}, 5, (True,), sig)]


def test_a_history_of_surgery_is_not_an_action(lexicon):
    text = "年龄、性别和既往手术史均不能预测TFESI中的血管内注射。Age, sex and prior surgery did not predict intravascular injection."
    chunk = Chunk("x", "x-zh", 0, text, "zh", "X", ("X", "并发症"), 0, 0, 0, 0, len(text))
    assert not any(s.action for s in sentences_of([Hit(chunk, 0.5, 1)], lexicon))
    text = "必要时回抽或排空药泵储药囊。"
    chunk = Chunk("y", "y-zh", 0, text, "zh", "Y", ("Y", "识别与处理"), 0, 0, 0, 0, len(text))
    sent = sentences_of([Hit(chunk, 0.5, 1)], lexicon)[0]
    hint = frozenset(tokenize("鞘内泵 过量 纳洛酮", "zh"))
    assert [b.kind for b in emergency([sent], ("y",), hint, "zh", steps=(r"纳洛酮", r"回抽|排空"), pathway_tokens=hint,
                                      names=r"过量|储药囊")] == ["action"]  # emptying the reservoir is a bedside step


def test_a_hold_answer_is_about_drugs_and_a_broader_complication_is_no_rival():
    kinds = {"dabigatran": "drug", "spinal-cord-stimulation": "procedure", "infection-bundle": "topic"}
    sig = Signals({}, {}, kinds)
    part = Part("那泰毕全呢 肌酐清除率40", ("dabigatran",), ("hold",), ("spinal-cord-stimulation",))
    q = _q(concepts=("dabigatran",), subjects=("dabigatran",), aspects=("hold",), parts=(part,))
    hold = _sent("Dabigatran is held 4-5 days, about 6 days with impaired renal function.", "Prevention", {"dabigatran"})
    bundle = _sent("SCS infection prevention follows the NACC bundle before the SCS implant.", "Prevention",
                   {"spinal-cord-stimulation", "infection-bundle"})
    assert [b.sentence for b in select([hold, bundle], q, "en", lambda t: 1.0, {}, 5, (True,), sig)] == [hold]
    parents = {"paralysis": frozenset({"neurological-injury"})}
    sig = Signals(parents, {}, {"paralysis": "complication", "neurological-injury": "complication", "bleeding": "complication"})
    audit = _sent("An audit of 16,638 ESIs recorded no major neurologic or haemorrhagic event.", "Risk factors",
                  {"neurological-injury", "bleeding"})
    assert not rival(audit, ["paralysis"], sig)
    assert rival(_sent("Bleeding is the commonest problem.", "Risk factors", {"bleeding"}), ["paralysis"], sig)


def test_a_short_treatment_question_follows_the_case_just_told(framer):
    f = framer.frame("需要explant吗？还是抗生素就行", ["SCS植入术后两周，IPG囊袋处红肿渗液"])
    assert f.followup and "spinal-cord-stimulation" in f.context_concepts + f.concepts
    assert "antibiotic-allergy" in framer.frame("头孢过敏的话用啥", ["椎间盘造影要不要用预防性抗生素"]).concepts
    assert not framer.frame("What about botox for migraine?", ["SCS trial on aspirin - stop it?"]).followup


def test_after_a_recent_stent_cardiology_decides_first(framer):
    kinds = {"ticagrelor": "drug", "coronary-stent": "condition", "kyphoplasty": "procedure"}
    sig = Signals({"ticagrelor": frozenset({"antiplatelet", "antithrombotic"})}, {}, kinds)
    part = Part("on brilinta, DES 4 months ago, wants kyphoplasty - what do I do with the antiplatelets",
                ("ticagrelor", "coronary-stent", "kyphoplasty"), ("hold",))
    q = _q(concepts=part.concepts, subjects=("ticagrelor", "kyphoplasty"), aspects=("hold",), parts=(part,))
    hold = _sent("Ticagrelor is held for 5 days before a procedure that calls for stopping it.", "Prevention", {"ticagrelor"})
    never = _sent("Antiplatelet therapy must never be stopped after recent coronary stenting without input from cardiology.",
                  "Prevention", {"coronary-stent"}, rank=4)
    assert [b.sentence for b in select([hold, never], q, "en", lambda t: 1.0, {}, 5, (True,), sig)][:2] == [never, hold]
    f = framer.frame("71M on brilinta + asa, DES placed 4 months ago, wants kyphoplasty. what do I do with the antiplatelets")
    assert f.aspects == ("hold",)


def test_shorthand_asks_about_antibiotics_and_safety(framer):
    f = framer.frame("discogram tomorrow, does he need abx and which one")
    assert "antibiotic" in f.concepts and "prevention" in f.aspects
    assert "contraindications" in aspects_of("pt on SCS wants an MRI, is that safe?", "en")


def test_a_case_that_goes_on_is_a_follow_up_and_its_emergency_is_seen(framer):
    f = framer.frame("做完3个小时了，病人说喝水呛，右边脖子越来越肿，说话费劲", ["星状神经节阻滞术后注意事项有哪些"])
    assert f.followup and "stellate-ganglion-block" in f.context_concepts
    assert triage(f"{f.history[-1]} {f.text}", "zh", ["stellate-ganglion-block"]).rule == "airway-haematoma"
    f = framer.frame("现在病人说站起来就头痛，躺下能好点，怎么办", ["上午做L3/4椎板间硬膜外，落空后针尾有清亮液体滴出来，换了L2/3做完的"])
    assert f.followup and "pdph" in f.concepts and "interlaminar-esi" in f.context_concepts and "好点" not in f.unknown
    f = framer.frame("now 6 hours later she has a headache when she sits up. management?", ["L3-4 ILESI this morning, wet tap"])
    assert f.followup and "pdph" in f.concepts
    assert framer.frame("效果不好，下一步怎么办？能不能换得宝松再打一次", ["腰椎TFESI用地塞米松打了一次"]).followup


def test_what_failed_is_named_before_the_failure_and_what_to_try_after_it(framer):
    assert framer.frame("PDPH after a wet tap, caffeine and fluids for 2 days, still severe - what next?").tried == (
        "conservative-management",)
    f = framer.frame("效果不好，下一步怎么办？能不能换得宝松再打一次", ["腰椎TFESI用地塞米松打了一次"])
    assert f.tried == () and "compound-betamethasone" in f.concepts


def test_more_clinicians_words(framer):
    assert framer.frame("腰椎间盘造影术后第10天低烧").concepts[:1] == ("discography",)
    assert "fever" in framer.frame("腰椎间盘造影术后第10天低烧").concepts
    assert "coronary-stent" in framer.frame("半年前放的药物支架，要做硬膜外腔镜").concepts
    assert framer.frame("basivertebral nerve ablation (Intracept) - consent?").out_of_scope
    assert framer.frame("pacemaker pocket infection 3 weeks after implant - antibiotics or extract?").out_of_scope
    f = framer.frame("I'm a fellow, 10 weeks pregnant. what are the dose limits for me/the baby?")
    assert {"pregnant-staff", "embryo-fetus"} <= set(f.concepts) and "pregnancy" not in f.concepts
    assert not triage("Pt had hives with contrast at her last facet injection. What premed regimen before the next one?", "en").urgent


def test_a_follow_up_keeps_the_region_and_a_treatment_part_keeps_the_procedure(framer):
    f = framer.frame("now 1 week later burning pain over the area, worse than before. is this normal, what do I do?",
                     ["Pt had L3-L5 lumbar facet RFA last week"])
    assert "lumbar-spine" in f.context_concepts and "lumbar-spine" in f.parts[0].inherited
    f = framer.frame("lumbar discography: what is the discitis rate and should I give prophylactic antibiotics (which one, when)?")
    assert len(f.parts) == 2 and "discography" in f.parts[1].inherited
    f = framer.frame("cooled RF of SI joint lateral branches - neuritis rate, and which bleeding-risk category is it in?")
    assert "lateral-branch-rf" in f.concepts


def test_case_reports_are_no_rate_for_a_numbers_ask():
    part = Part("chances of paralysis from a cervical ESI? real numbers please", ("paralysis", "esi"), ("frequency",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    reports = _sent("Among 166 published case reports of spinal haematoma, 80% had paralysis.", "Risk factors", {"paralysis", "esi"},
                    rank=2)
    rare = _sent("Paralysis after ESI is rare but devastating.", "Risk factors", {"paralysis", "esi"})
    assert select([reports, rare], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is not reports


def test_a_later_part_is_still_about_the_questions_procedure_and_region():
    kinds = {"transforaminal-esi": "procedure", "stellate-ganglion-block": "procedure", "intravascular-injection": "complication",
             "lumbar-spine": "anatomy", "cervical-spine": "anatomy"}
    sig = Signals({}, {}, kinds)
    first = Part("For lumbar TFESI which steroid should I use", ("lumbar-spine", "transforaminal-esi"), ("prevention",))
    second = Part("how reliable is a negative aspiration for ruling out intravascular injection?", ("intravascular-injection",), ())
    q = _q(concepts=("lumbar-spine", "transforaminal-esi", "intravascular-injection"), subjects=("transforaminal-esi",),
           aspects=("prevention",), parts=(first, second))
    sgb = _sent("Intravascular injection during an SGB can occur despite negative aspiration.", "Risk factors",
                {"intravascular-injection", "stellate-ganglion-block"})
    cervical = _sent("Cervical intravascular injection occurred despite negative aspiration.", "Risk factors",
                     {"intravascular-injection", "cervical-spine"})
    lumbar = _sent("A negative aspiration missed intravascular injection in lumbosacral TFESI.", "Risk factors",
                   {"intravascular-injection", "transforaminal-esi", "lumbar-spine"}, rank=5)
    assert score(lumbar, second, q, lambda t: 1.0, {}, "en", sig=sig) > score(sgb, second, q, lambda t: 1.0, {}, "en", sig=sig)
    assert score(lumbar, second, q, lambda t: 1.0, {}, "en", sig=sig) > score(cervical, second, q, lambda t: 1.0, {}, "en", sig=sig)


def test_caudal_named_in_a_list_is_the_caudal_route(framer):
    assert "caudal-esi" in framer.frame("骶管和经椎板间硬膜外类固醇注射仍可合理选用颗粒型激素").concepts


def test_each_held_drug_of_a_hold_question_gets_its_interval(framer):
    kinds = {"ticagrelor": "drug", "aspirin": "drug", "scs-trial": "procedure"}
    parents = {"ticagrelor": frozenset({"antiplatelet", "antithrombotic"}), "aspirin": frozenset({"antiplatelet", "antithrombotic"})}
    sig = Signals(parents, {}, kinds)
    part = Part("Brilinta + baby asa, SCS trial - how long to hold each?", ("ticagrelor", "aspirin", "scs-trial"), ("hold",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=("hold",), parts=(part,))
    tica = _sent("Ticagrelor is held for 5 days before a high-risk procedure.", "Prevention", {"ticagrelor", "scs-trial"})
    study = _sent("A review of SCS trials in patients who kept taking aspirin was too small to guide practice.", "Prevention",
                  {"aspirin", "scs-trial"})
    asa = _sent("Aspirin for primary prevention is stopped 6 days before a high-risk procedure.", "Prevention", {"aspirin"}, rank=6)
    filler = [_sent(f"SCS trial fact number {i} about the trial.", "Prevention", {"scs-trial"}, rank=2) for i in range(6)]
    texts = [b.sentence.text for b in select([tica, study, *filler, asa], q, "en", lambda t: 1.0, {}, 2, (True,), sig)]
    assert asa.text in texts
    assert "aspirin" in framer.frame("pt on Brilinta + baby asa for an SCS trial").concepts


def test_never_stop_is_read_as_written():
    from assistant.compose import _NEVER_STOP
    assert _NEVER_STOP.search("Antiplatelet therapy is never stopped after a recent stent.")


def test_late_findings_of_the_final_blind_round(framer):
    assert not triage("Pt asking kyphoplasty vs vertebroplasty, which one leaks cement more? numbers pls", "en").urgent
    assert triage("C6右侧经椎间孔注射，刚推完地米，病人突然说眼前发黑，右手右腿没劲，说话也含糊了，现在怎么办", "zh").rule == "esi-stroke"
    assert not triage("SCS implant 3 weeks ago, paresthesia coverage was great; now she says stim has moved, lost coverage "
                      "in L leg, what now", "en").urgent
    f = framer.frame("now this AM new R thigh pain and quad weakness", ["L1 kyphoplasty yesterday, went fine, ~6 ml cement"])
    assert f.followup and "weakness" in f.concepts and "kyphoplasty" in f.context_concepts
    assert "lead-migration" in framer.frame("now she says stim has moved, lost coverage in L leg").concepts
    assert "pdph" in framer.frame("headache thats much worse sitting up and better lying flat").concepts
    assert framer.frame("PRP for lateral epicondylitis - infection risk?").out_of_scope
    assert framer.frame("肩周炎 肩关节腔注射玻璃酸钠 一个疗程打几针").out_of_scope


def test_a_dose_asked_of_a_procedure_the_sources_never_dose_is_not_answered_with_another_drugs_dose():
    kinds = {"intradiscal-ozone": "procedure", "morphine": "drug"}
    sig = Signals({}, {}, kinds)
    part = Part("盘内臭氧注射，臭氧浓度一般用多少ug/ml，打多少毫升", ("intradiscal-ozone",), ("dose",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=("dose",), parts=(part,))
    morphine = _sent("The intrathecal morphine limit is a concentration of 20 mg/mL and 15 mg/day.", "Prevention", {"morphine"})
    discitis = _sent("Discitis after intradiscal ozone is below 1% per disc.", "Risk factors", {"intradiscal-ozone"}, rank=2)
    assert select([morphine, discitis], q, "zh", lambda t: 1.0, {}, 5, (True,), sig) == []
    told = Part("injected 0.5 mL of local during an SGB and she had a seizure", ("intradiscal-ozone",), ("dose",))
    q2 = _q(concepts=told.concepts, subjects=told.concepts, aspects=("dose",), parts=(told,))
    assert select([morphine, discitis], q2, "en", lambda t: 1.0, {}, 5, (True,), sig)  # a dose told, not asked


def test_a_drugs_hedge_goes_out_with_its_interval(lexicon):
    text = "替格瑞洛在需要停用抗血小板治疗的疼痛介入操作前停用 5 天。替格瑞洛的停药间隔系据指南回忆整理（未经核实）。"
    chunk = Chunk("x", "x-zh", 0, text, "zh", "X", ("X", "预防"), 0, 0, 0, 0, len(text))
    assert [s.text for s in sentences_of([Hit(chunk, 0.5, 1)], lexicon)] == [text]


def test_fourth_blind_round_findings(framer):
    assert triage("did a C7-T1 ILESI at 9am. now 4pm severe neck pain between shoulder blades and both arms heavy, cant grip a cup. "
                  "whats the plan", "en").rule == "neuraxial-deficit"
    assert triage("椎体成型做到第三个椎体T11，骨水泥刚推完，病人突然说喘不上气，胸口闷，氧饱和从98掉到86，现在咋处理", "zh").rule == \
        "cement-embolism"
    assert triage("肋间神经阻滞做完4个小时回家了，晚上打电话说吸气时右胸刺痛，有点憋", "zh").rule == "pneumothorax"
    f = framer.frame("打了一次地塞米松基本没效，下一针能换成颗粒型激素吗？", ["腰椎经椎间孔硬膜外注射为什么推荐用地塞米松？"])
    assert "escalation" in f.aspects and not f.unknown
    assert framer.frame("膝关节骨关节炎做膝神经（genicular nerve）射频，并发症有哪些").out_of_scope
    assert framer.frame("complication rates of percutaneous balloon compression for trigeminal neuralgia?").out_of_scope
    assert framer.frame("suprascapular nerve block 治疗肩痛，气胸发生率是多少").out_of_scope
    f = framer.frame("he's now booked for hip replacement next week - any steroid concerns for the anaesthetist?",
                     ["pt had a caudal epidural with triamcinolone 80 mg 2 weeks ago"])
    assert not f.out_of_scope  # our steroid before their operation stays ours
    assert "post-ablation-neuritis" in framer.frame("burning pain and skin hypersensitivity since the RF").concepts


def test_fifth_blind_round_findings(framer):
    assert triage("just refilled a morphine IT pump, 20 min later pt drowsy, RR 6, pinpoint pupils. worried i went into the side "
                  "port", "en").rule == "idd-overdose"  # worried, but it is happening now
    assert not triage("30 hrs later she has a headache when sitting up, nausea, some neck stiffness after the wet tap", "en").urgent
    assert not triage("SCS植入术后2周，IPG伤口红肿，有点渗液，不发烧，怎么处理", "zh").urgent  # 不发烧 is no fever
    assert triage("硬膜外注射后晚上头痛变成持续的了，还发烧38.5，有点迷糊，颈子硬", "zh").rule == "implant-infection"
    assert framer.frame("三叉神经半月节射频热凝，术后面部麻木和角膜炎发生率多少").out_of_scope
    f = framer.frame("晚上头痛变成持续的了，躺着也痛，还发烧38.5，有点迷糊，颈子硬", ["今天病人一坐起来就头痛，躺下好点，怎么处理？"])
    assert f.followup and not f.unknown




def test_last_round_counselling_and_follow_up_findings(framer):
    assert "expected" in aspects_of("SGB tomorrow, pt wants to know what's normal afterwards vs what should make her call us", "en")
    assert "advice" in aspects_of("what should make her call us after the block?", "en")
    f = framer.frame("第二次能不能换成颗粒型激素比如曲安奈德？", ["L4-5左侧经椎间孔注射，用的地塞米松，打完一个月基本没效果"])
    assert f.followup and "escalation" in f.parts[0].aspects  # the failed dexamethasone carries into the next question
    kinds = {"level-l4-l5": "anatomy", "cervical-spine": "anatomy", "lumbar-spine": "anatomy", "dural-puncture": "complication"}
    sig = Signals({"level-l4-l5": frozenset({"lumbar-spine"})}, {}, kinds)
    cervical = _sent("In 974 cervical ILESIs dural puncture occurred in 1.4%.", "Risk factors", {"dural-puncture", "cervical-spine"})
    assert rival(cervical, ["level-l4-l5", "dural-puncture"], sig)  # L4-5 is lumbar: the cervical series is another region's


def test_sixth_blind_round_findings(framer):
    assert triage("did a landmark SGB on the left ~10 min ago, now her left neck is visibly swelling and getting bigger, hard to "
                  "swallow, voice sounds strained. what do I do right now", "en").rule == "airway-haematoma"
    assert triage("昨天做L4/5椎板间意外穿破了硬脊膜。今天病人说一站起来就头痛，躺下好多了，还有点耳鸣，怎么处理", "zh").rule != "last"
    assert triage("SGB刚推完利多卡因，病人耳鸣、口周麻木，然后抽搐了", "zh").rule == "last"
    f = framer.frame("outpatient ketamine infusion for CRPS - what dose?")
    assert not f.corrections  # a drug name is not spell-corrected into a plain word
    assert "apixaban" in framer.frame("how long to hold apixiban before an SCS trial").concepts  # a drug's typo still is


# --- seventh blind round ----------------------------------------------------------------------
def test_a_past_contrast_reaction_told_in_shorthand_is_history_not_an_emergency():
    q = "contrast allergy hx (hives w CT contrast yrs ago) - coming in for cervical facet injection. do i premedicate?"
    assert not triage(q, "en").urgent
    assert triage("hives and wheeze right after the contrast injection, what now?", "en").rule == "contrast-anaphylaxis"


def test_a_follow_up_asking_is_that_low_risk_asks_the_bleeding_risk_class(framer):
    f = framer.frame("so is that low risk? do i need to stop it at all", ["pt on eliquis for AF, planning an SI joint injection"])
    assert "bleeding-risk" in f.parts[0].concepts and "hold" in f.parts[1].aspects
    assert "bleeding-risk" in framer.frame("腰椎射频算低风险操作吗？", ["吃拜瑞妥的病人"]).concepts
    assert "bleeding-risk" not in framer.frame("is that high risk of infection?", ["SCS trial"]).concepts


def test_asking_to_do_it_without_a_thing_keeps_the_thing_as_the_subject(framer):
    assert "contrast-medium" in framer.frame("can we do the facet injection without contrast dye?").concepts
    assert "anticoagulant" not in framer.frame("risk factors for epidural haematoma apart from anticoagulants").concepts


def test_new_phrasings_of_detect_early_last_dose_restart_and_whats(framer):
    assert "recognition" in framer.frame("导管尖端肉芽肿怎么早期发现？").aspects
    assert "hold" in framer.frame("克赛桥接的病人，术前最后一针什么时候打？").aspects
    assert "hold" in framer.frame("术后多久能恢复治疗剂量？", ["克赛桥接的病人准备植入鞘内泵"]).aspects
    assert len(split_parts("how long does relief typically last, and whats the chance of neuritis?", "en")) == 2
    assert "lumbar-spine" in framer.frame("xarelto 20 od, pt for L-spine facet MBB. hold it or carry on?").concepts


def test_a_short_generic_sentence_inside_a_long_one_is_no_repeat_of_it():
    short = _sent("Vertebral augmentation is a high bleeding-risk procedure.", "Prevention", set())
    long = _sent("SSRIs and dietary supplements such as fish oil may add to bleeding risk and are taken into account before "
                 "high-risk procedures.", "Risk factors", set())
    assert not same_point(long, [short], "en")
    a = _sent("PVP leaks more cement than PKP: 39.3% (213/532) and 28.9% (143/493) in one review.", "Overview", set())
    b = _sent("In six controlled studies cement leaked in 39.3% (213/532) of vertebroplasties and 28.9% (143/493) of "
              "kyphoplasties, none symptomatic.", "Overview", set())
    assert same_point(b, [a], "en")  # one result retold


def test_a_sentence_opening_on_its_neighbour_is_dependent():
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["en"].search("In that review, hematoma and infection occur at lower rates than lead migration.")
    assert _DEPENDENT["en"].search("By contrast, the authors of a survey describe infection as the commonest complication.")
    assert _DEPENDENT["zh"].search("相反，SIS FactFinder 将预防性抗生素列为常规。")
    assert _DEPENDENT["zh"].search("尽管如此，椎间盘炎仍是椎间盘内治疗公认的风险。")


def test_how_long_it_will_last_is_answered_by_when_it_settles_not_when_it_starts():
    part = Part("wet tap, postural headache. how long will it last?", ("pdph",), ("timing",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    onset = _sent("Post-dural puncture headache usually starts within 5 days of the dural puncture.", "Recognition and management",
                  {"pdph"})
    course = _sent("Many post-dural puncture headaches settle on their own within 2 weeks.", "Overview", {"pdph"}, rank=3)
    assert select([onset, course], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is course


def test_a_pregnant_patients_question_never_gets_a_pregnant_colleagues_dose_limits():
    from assistant.compose import staff_side
    q = _q(concepts=("pregnancy", "fluoroscopy"), subjects=("pregnancy",))
    assert staff_side(_sent("A lead apron stops about 95-98% of scatter, so the fetal dose is lower still.", "Prevention",
                            {"lead-apron", "embryo-fetus"}), q)
    assert staff_side(_sent("NCRP guidance keeps the conceptus below 0.5 mSv per month.", "Prevention", {"embryo-fetus"}), q)
    assert not staff_side(_sent("Pregnancy is excluded before fluoroscopic pain procedures in women who could be pregnant.",
                                "Prevention", {"pregnancy"}), q)
    colleague = _q(concepts=("pregnant-staff", "embryo-fetus"), subjects=("pregnant-staff",))
    assert not staff_side(_sent("A lead apron stops about 95-98% of scatter.", "Prevention", {"lead-apron"}), colleague)


def test_a_part_asking_how_well_or_how_long_a_procedure_works_needs_a_passage_on_its_effect():
    kinds = {"radiofrequency-ablation": "procedure", "efficacy": "topic", "post-ablation-neuritis": "complication"}
    parts = (Part("how long does relief last after lumbar RFA", ("radiofrequency-ablation", "efficacy"), ("timing",)),
             Part("whats the chance of neuritis", ("post-ablation-neuritis",), ("frequency",), ("radiofrequency-ablation",)))
    q = _q(concepts=("radiofrequency-ablation", "efficacy", "post-ablation-neuritis"),
           subjects=("radiofrequency-ablation", "efficacy", "post-ablation-neuritis"), parts=parts)
    tags = [frozenset({"radiofrequency-ablation", "post-ablation-neuritis"})] * 3
    v = judge(q, tags, 1.0, 0.3, kinds, {})
    assert v.covered == (False, True) and "efficacy" in v.missing


def test_the_ask_a_part_is_about_is_covered_only_by_a_passage_on_the_parts_own_procedure():
    kinds = {"medial-branch-block": "procedure", "sacroiliac-joint-injection": "procedure", "false-positive-block": "topic"}
    part = Part("lumbar MBB false positive rate?", ("medial-branch-block", "false-positive-block"), ("frequency",))
    q = _q(concepts=part.concepts, subjects=part.concepts, parts=(part,))
    sij = frozenset({"sacroiliac-joint-injection", "false-positive-block"})
    mbb = frozenset({"medial-branch-block", "radiofrequency-ablation"})
    v = judge(q, [sij, mbb, mbb], 1.0, 0.3, kinds, {})  # the SIJ block's rate is not the MBB's, however strong the evidence
    assert not v.answers and "false-positive-block" in v.missing
    assert judge(q, [frozenset({"medial-branch-block", "false-positive-block"}), mbb], 1.0, 0.3, kinds, {}).kind == "answered"


def test_an_ask_inherited_from_the_turn_before_does_not_bind_a_part_asking_its_own(framer, lexicon):
    q, v = _judged(framer, lexicon, "pt has a pacemaker/ICD - ok to do RF? what precautions?",
                   ["lumbar medial branch RFA - how often does post-RF neuritis happen?", "how long does the relief usually last?"])
    kinds = {c: lexicon.concepts[c].kind for c in q.all_concepts}
    parents = {c: lexicon.concepts[c].broader for c in q.all_concepts}
    told = frozenset({"cardiac-device", "radiofrequency-ablation"})  # no passage on relief
    # (the ask before is not even carried: a turn naming its own subject asks its own)
    assert "efficacy" not in q.context_concepts and judge(q, [told, told], 0.9, 0.46, kinds, parents).answers
    own = framer.frame("颈椎的呢，第三枕神经RFA有什么特别风险", ["lumbar medial branch RFA 之前要做几次 diagnostic block？阳性标准是多少"])
    assert "indication" not in own.concepts and own.aspects == ("complications",)  # its own ask, not the criteria again
    bare, _ = _judged(framer, lexicon, "and for cervical?", ["how long does the relief last after lumbar RFA?"])
    assert not judge(bare, [frozenset({"radiofrequency-ablation", "cervical-spine"})], 0.9, 0.46,
                     {c: lexicon.concepts[c].kind for c in bare.all_concepts}, {}).answers


def test_clinicians_names_for_the_measure_asked_reach_the_frame(framer):
    assert "false-positive-block" in framer.frame("腰椎小关节内侧支阻滞的假阳性率是多少？").concepts
    assert "placement-accuracy" in framer.frame("SIJ injection - fluoro vs ultrasound, how do the accuracy rates compare?").concepts
    # (a safety or prevention comparison is no efficacy ask: the skin prep that prevents infection better)
    assert "efficacy" not in framer.frame("氯己定和碘伏哪个消毒效果更好？").concepts
    assert "false-positive-block" not in framer.frame("epinephrine test dose false positive in a pt on beta-blockers?").concepts
    assert "placement-accuracy" not in framer.frame("Is MRI accurate enough to diagnose an epidural haematoma? accuracy?").concepts
    assert "indication" not in framer.frame("测试成功了，脊髓电刺激永久植入后伤口感染率多少？").concepts
    # ("when can we repeat it?" after a failed blood patch asks about a second patch, not an injection series' limits)
    assert "repeat-injection-limit" not in framer.frame("still has the headache 24h after the blood patch - when can we repeat it?").concepts
    # two English words joined by a Chinese "and" in mixed text
    assert "rf-lesion-settings" in framer.frame("lumbar medial branch RFA 的 temperature 和 duration 一般设多少？").concepts
    assert "rf-electrode-placement" in framer.frame("needle 要跟神经 parallel 吗").concepts
    assert "trial-duration" in framer.frame("how long is a typical SCS trial?").concepts
    assert "indication" in framer.frame("SCS测试成功标准是啥，疼痛缓解50%就行？").concepts


def test_a_gestational_age_is_a_pregnancy(lexicon):
    assert "pregnancy" in {m.concept for m in lexicon.match("孕8周，坐骨神经痛很厉害，想做X线引导下ESI")}
    assert "pregnancy" in {m.concept for m in lexicon.match("G1P0 at 10/40 with sciatica")}
    assert "pregnancy" not in {m.concept for m in lexicon.match("bupivacaine 10/40 mg")}


def test_a_choice_after_another_clause_is_its_own_part():
    parts = split_parts("糖友打了ESI后血糖一般会升多少、持续几天？另外TFESI用地塞米松还是得宝松更安全？", "zh")
    assert len(parts) == 2 and parts[1].startswith("另外")


def test_the_same_ask_about_another_procedure_keeps_the_drug(framer):
    f = framer.frame("and for a medial branch block?", ["How long to hold clopidogrel before SCS implant?"])
    assert "clopidogrel" in f.concepts and "medial-branch-block" in f.concepts and "hold" in f.aspects
    f = framer.frame("那骶髂关节注射呢？", ["泰毕全术前停几天？做SCS测试"])
    assert "dabigatran" in f.concepts


def test_how_long_the_effect_lasts_names_the_efficacy(framer):
    assert "efficacy" in framer.frame("腰椎小关节射频做完效果能维持多久？").concepts
    assert "efficacy" in framer.frame("how long does relief typically last after lumbar RFA?").concepts


def test_a_safety_or_efficacy_side_of_a_trade_off_leans_on_its_topic_sentence():
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["zh"].search("从安全性角度，各来源倾向于选择非颗粒型糖皮质激素地塞米松。")
    assert _DEPENDENT["en"].search("On safety grounds, sources favour non-particulate dexamethasone.")


def test_an_infected_implant_with_a_new_deficit_starts_with_the_abscess_work_up():
    from assistant.safety import steps_for
    plain = steps_for("implant-infection", "zh", "SCS植入术后第5天，切口红肿流脓，发烧38.9，怎么办")
    deficit = steps_for("implant-infection", "zh", "SCS植入术后第5天，切口红肿流脓，发烧38.9，今天腿也开始有点麻了，怎么办")
    assert deficit[1:] == plain and "脓肿" in deficit[0]
    assert "abscess" in steps_for("implant-infection", "en", "pus at the IPG pocket, febrile, and now her legs are weak")[0]


def test_a_rule_stated_for_parturients_does_not_lead_a_pain_procedure_answer():
    part = Part("enoxaparin 1mg/kg bid - when do I stop it before a stellate ganglion block", ("enoxaparin",), ("hold",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    miller = _sent("Defer a neuraxial technique for 24 h after higher doses such as enoxaparin 1 mg/kg twice daily (Miller's "
                   "summary, stated for parturients).", "Prevention", {"enoxaparin"})
    pain = _sent("Before a pain procedure, enoxaparin is stopped at least 24 h after a therapeutic dose.", "Prevention",
                 {"enoxaparin"}, rank=3)
    sig = Signals({}, {}, {"enoxaparin": "drug"})
    assert select([miller, pain], q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence is pain


def test_the_asked_topic_leads_before_a_narrower_one_the_question_did_not_name():
    part = Part("what's the annual occupational dose limit for fluoro staff", ("occupational-dose-limit",), ("limit",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    lens = _sent("The ICRP occupational dose limit for the eye lens is 20 mSv/year.", "Prevention",
                 {"occupational-dose-limit", "eye-lens-dose-limit"})
    body = _sent("The ICRP whole-body occupational dose limit is 20 mSv/year.", "Prevention", {"occupational-dose-limit"}, rank=3)
    sig = Signals({}, {}, {"occupational-dose-limit": "topic", "eye-lens-dose-limit": "topic"},
                  narrower={"occupational-dose-limit": frozenset({"eye-lens-dose-limit"})})
    assert select([lens, body], q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence is body


def test_asked_for_infection_numbers_the_infection_rate_leads():
    from assistant.compose import COUNT, _lead
    bleed = _sent("In intrathecal catheters bleeding occurred in 0.9% and neurologic injury in 0.4%.", "Overview",
                  {"intrathecal-pump", "bleeding"})
    infect = _sent("Intrathecal catheters had superficial infection in 2.3% and deep infection in 1.4%.", "Overview",
                   {"intrathecal-pump", "infection"})
    ranked = [(2.0, bleed), (1.5, infect)]
    assert _lead(ranked, (), None, COUNT, None, frozenset({"infection"}))[1] is infect
    assert _lead(ranked, (), None, COUNT, None, frozenset())[1] is bleed  # asked for no complication: the best count


def test_what_to_do_for_an_allergic_patient_booked_for_a_procedure_is_planning_not_a_rescue():
    assert aspects_of("碘造影剂过敏的病人要做TFESI怎么办？", "zh")[:1] == ("prevention",)
    assert "action" in aspects_of("TFESI刚推完造影剂，病人突然全身风团、喘不上气，怎么办？", "zh")
    assert aspects_of("contrast allergic pt booked for a cervical facet injection next week, what should I do?", "en")[:1] == ("prevention",)


def test_indications_and_success_rates_are_an_ask_the_passages_must_name(framer):
    assert "indication" in framer.frame("PLDD适应症是啥？").concepts
    assert "indication" in framer.frame("how do I explain SCS trial success and the explant rate to a pt?").concepts
    from assistant.judge import ESSENTIAL
    assert {"indication", "efficacy"} <= ESSENTIAL


def test_a_sentence_pointing_at_this_standard_is_dependent():
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["zh"].search("未经影像和造影剂确认针尖位置的ESI达不到这一标准。")
    assert _DEPENDENT["en"].search("An ESI performed without image guidance falls short of this standard.")


def test_asking_the_odds_of_paralysis_is_counselling_not_an_emergency():
    q = "pt asking me what the actual odds of paralysis are from a lumbar epidural steroid injection. what number can I honestly give her?"
    assert not triage(q, "en").urgent
    assert triage("lumbar ESI an hour ago, now she can't move her legs - what do I do?", "en").urgent


def test_a_dialysis_patient_is_renal_impairment_and_a_morphine_pump_is_a_pump(framer):
    f = framer.frame("pt is 48kg and has ESRD on HD - change anything?")
    assert "renal-impairment" in f.concepts and not f.out_of_scope
    assert "intrathecal-pump" in framer.frame("鞘内吗啡泵植入术前谈话，感染率多少？").concepts


def test_a_part_whose_own_ask_no_sentence_names_is_reported_as_a_gap():
    parts = (Part("how long does relief last after lumbar RFA", ("radiofrequency-ablation", "efficacy"), ("timing",)),
             Part("whats the chance of neuritis", ("post-ablation-neuritis",), ("frequency",), ("radiofrequency-ablation",)))
    q = _q(concepts=("radiofrequency-ablation", "efficacy", "post-ablation-neuritis"),
           subjects=("radiofrequency-ablation", "efficacy", "post-ablation-neuritis"), parts=parts)
    neuritis = _sent("Neuritic pain lasting less than 2 weeks followed 0.5% of lumbar RF lesions.", "Overview",
                     {"radiofrequency-ablation", "post-ablation-neuritis"})
    vague = _sent("Electrode position decides both the efficacy and the safety of facet RFA.", "Overview",
                  {"radiofrequency-ablation", "efficacy"})
    gaps: list[int] = []
    bullets = select([neuritis, vague], q, "en", lambda t: 1.0, {}, 5, (True, True), gaps=gaps)
    assert gaps == [0] and [b.sentence for b in bullets if b.part == 0] == []  # no duration of relief: part 0 is a gap
    assert any(b.sentence is neuritis for b in bullets)


def test_one_sided_weakness_and_slurred_speech_after_a_cervical_tfesi_is_a_stroke_not_a_high_block():
    q = ("刚给一个68岁男的做了C6右侧TFESI，推了得宝松1ml+利多卡因，推完不到一分钟病人说话含糊，左手左腿抬不起来，血压160/95，"
         "意识还清楚。现在该怎么处理？")
    assert triage(q, "zh").rule == "esi-stroke"  # (160/95 is no low pressure)
    assert triage("颈椎硬膜外注入利多卡因后双手抬不起来，血压掉到80/40，怎么办", "zh").rule == "total-spinal"
    assert triage("cervical epidural with lidocaine, 2 min later both arms weak and she is struggling to breathe, BP 80/40",
                  "en").rule == "total-spinal"
    assert triage("interlaminar epidural with lidocaine, now her hands are weak and BP 150/90, what do I do?", "en").rule != "total-spinal"


def test_voltaren_is_diclofenac(lexicon):
    assert "diclofenac" in {m.concept for m in lexicon.match("还吃扶他林，做腰椎硬膜外激素注射前要停吗")}
    assert "diclofenac" in {m.concept for m in lexicon.match("on voltaren gel and tablets")}


def test_a_failed_first_dose_and_the_maximum_follow_the_drug_asked_before(framer):
    f = framer.frame("首剂推完没反应怎么办", ["局麻药中毒 脂肪乳剂量是多少"])
    assert f.followup and "lipid-emulsion" in f.context_concepts and f.aspects[0] == "escalation"
    f = framer.frame("最大量多少", ["局麻药中毒 脂肪乳剂量是多少", "首剂推完没反应怎么办"])
    assert f.followup and "lipid-emulsion" in f.context_concepts and "limit" in f.aspects
    assert "escalation" in aspects_of("gave the first lipid bolus, no response - what next?", "en")


def test_an_unknown_word_beside_no_subject_of_ours_is_not_a_drug_the_knowledge_base_lacks(framer):
    q = framer.frame("首剂推完没反应怎么办", ["局麻药中毒 脂肪乳剂量是多少"])
    v = judge(q, [frozenset({"last", "lipid-emulsion"})] * 3, 1.0, 0.3, {"last": "complication", "lipid-emulsion": "drug"}, {})
    assert v.kind == "answered"


def test_a_refracture_next_to_a_treated_vertebra_is_the_adjacent_level_fracture(lexicon):
    assert "adjacent-level-fracture" in {m.concept for m in lexicon.match("椎体成形术后 邻近椎体再骨折 风险多少")}
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["zh"].search("本文所用资料未提供椎体成形术或椎体后凸成形术这些其他并发症的发生率。")


def test_prozac_is_weighed_with_the_antithrombotics_and_a_block_cutoff_is_an_indication_ask(lexicon, framer):
    assert "fluoxetine" in {m.concept for m in lexicon.match("pt on brilinta, celebrex and prozac")}
    assert "indication" in framer.frame("what cutoff on the MBB do you use, 50% or 80%?").concepts
    assert "efficacy" in framer.frame("does pulsed RF of the DRG work for post herpetic neuralgia").concepts


def test_a_note_on_a_references_title_is_never_quoted_but_a_hedged_fact_is(lexicon):
    text = ("The review cites paraplegia after thoracolumbar transforaminal injection (Glaser 2005). These case titles were "
            "recorded from memory (reported; to be confirmed against the original source). The central review cites Hooten "
            "2006 on discitis after lumbar ESI, but the title of that report is recorded from memory.")
    chunk = Chunk("x", "x-en", 0, text, "en", "X", ("X", "Complications and frequency"), 0, 0, 0, 0, len(text))
    sents = [s.text for s in sentences_of([Hit(chunk, 0.5, 1)], lexicon)]
    assert sents[0] == "The review cites paraplegia after thoracolumbar transforaminal injection (Glaser 2005)."
    assert not any("case titles" in s for s in sents) and any("discitis after lumbar ESI" in s for s in sents)
    zh = "一项综述引用了经椎间孔注射后截瘫的病例。这些病例报告的标题系凭记忆记录（据报道，尚待与原始文献核实）。"
    chunk = Chunk("x", "x-zh", 0, zh, "zh", "X", ("X", "并发症及发生率"), 0, 0, 0, 0, len(zh))
    assert [s.text for s in sentences_of([Hit(chunk, 0.5, 1)], lexicon)] == ["一项综述引用了经椎间孔注射后截瘫的病例。"]


def test_a_topic_asked_beside_a_drug_is_what_the_question_is_about():
    part = Part("pt asks how long to avoid driving after MBB w lidocaine", ("driving", "medial-branch-block", "lidocaine"),
                ("timing", "prevention"), (), ("pt", "asks", "avoid"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    kinds = {"driving": "topic", "medial-branch-block": "procedure", "lidocaine": "drug"}
    dose = _sent("Maximum doses are lidocaine 4.5 mg/kg plain or 7 mg/kg with epinephrine.", "Prevention", {"lidocaine"})
    drive = _sent("Patients should be advised not to drive after an injection that contains local anaesthetic.", "Prevention",
                  {"driving", "local-anaesthetic"}, rank=3)
    assert select([dose, drive], q, "en", lambda t: 1.0, {}, 5, (True,), Signals({}, {}, kinds))[0].sentence is drive


def test_a_pregnant_patients_worry_for_the_baby_asks_whether_the_procedure_is_for_her():
    assert "contraindications" in aspects_of("pregnant pt wants an ESI - is the fluoro radiation a risk to the baby?", "en")
    assert "contraindications" in aspects_of("孕妇腰痛想做神经阻滞，透视辐射对胎儿有影响吗", "zh")


def test_a_shunt_is_neurosurgerys_and_a_creatinine_clearance_is_renal_function(framer, lexicon):
    assert "cranial-neurosurgery" in framer.frame("神经外科脑室腹腔分流术后感染怎么处理").out_of_scope
    assert "cranial-neurosurgery" in framer.frame("VP shunt infection - antibiotics or take it out?").out_of_scope
    assert "renal-impairment" in lexicon.broader_closure(["crcl"])
    assert "renal-impairment" in lexicon.tags("Patients with chronic renal or hepatic disease are managed one class higher.")


def test_an_lp_done_for_the_csf_is_neurologys_diagnostic_tap(framer):
    assert "diagnostic-lumbar-puncture" in framer.frame("pt needs LP for diagnostic CSF. on apixaban, how long hold?").out_of_scope
    assert "diagnostic-lumbar-puncture" in framer.frame("腰穿查脑脊液，病人吃着阿哌沙班，要停几天").out_of_scope
    assert not framer.frame("headache after a lumbar puncture, worse sitting up - blood patch?").out_of_scope


def test_an_ask_after_a_topic_and_colon_is_a_part_and_its_settings_are_its_own_ask(framer):
    text = "lumbar RFA: what temperature and lesion time, and what's the risk of deafferentation pain/neuritis?"
    assert split_parts(text, "en") == ["lumbar RFA: what temperature and lesion time", "what's the risk of deafferentation pain/neuritis?"]
    f = framer.frame("腰椎射频消融的电极温度和时间一般设多少？做之前要不要先做诊断性阻滞？")
    assert "rf-lesion-settings" in f.parts[0].concepts and "rf-lesion-settings" not in f.parts[1].inherited
    assert "dose" in aspects_of("血补片什么时候做、打多少血？", "zh")
    assert "radiation-safety" in framer.frame("怎么减少自己的辐射？").concepts
    assert "radiation-safety" in framer.frame("how do I reduce my radiation exposure during fluoro?").concepts


def test_a_note_on_which_figures_were_checked_is_provenance(lexicon):
    text = ("Only the diagnostic-block figures and the cooled RFA neuropathic pain figures in this SIJ document were checked "
            "against the cited text. SIJ injection is a low bleeding-risk procedure.")
    chunk = Chunk("x", "x-en", 0, text, "en", "X", ("X", "Evidence notes"), 0, 0, 0, 0, len(text))
    sents = sentences_of([Hit(chunk, 0.5, 1)], lexicon)
    assert sents[0].provenance and not sents[1].provenance


def test_clinicians_words_for_diabetics_insulin_and_a_bilateral_block(framer):
    f = framer.frame("糖友打完曲安奈德40mg，血糖会高几天？胰岛素要不要提前调？")
    assert "diabetes" in f.concepts and "insulin" in f.parts[1].concepts
    assert "diabetes" in framer.frame("insulin-dependent diabetic for a TFESI, how high will glucose go?").concepts
    assert "bilateral-block" in framer.frame("两侧能不能同一天一起做？").concepts
    assert "bilateral-block" in framer.frame("can I do bilateral SGB same day?").concepts


def test_a_part_is_answered_only_by_sentences_about_what_it_names():
    a = Part("is fluoro ok at all in pregnancy", ("pregnancy", "fluoroscopy"), ("contraindications",))
    b = Part("what fetal dose is considered acceptable?", ("embryo-fetus",), ("dose",))
    q = _q(concepts=("pregnancy", "fluoroscopy", "embryo-fetus"), subjects=("pregnancy", "fluoroscopy"), parts=(a, b))
    preg = _sent("Pregnancy should be excluded before fluoroscopic pain procedures.", "Prevention", {"pregnancy", "fluoroscopy"})
    bridge = _sent("What dose is considered acceptable for bridging when anticoagulation is withheld?", "Prevention",
                   {"bridging"}, rank=2)  # the words of the fetal-dose part, about something else
    gaps: list[int] = []
    bullets = select([preg, bridge], q, "en", lambda t: 1.0, {}, 5, (True, True), Signals(), gaps=gaps)
    assert [b.sentence for b in bullets] == [preg] and gaps == [1]  # no filler for the fetal dose: it is said to be not covered


def test_a_diagnostic_lp_asked_by_neurology_is_out_and_a_repeat_count_is_the_procedures(framer):
    assert "diagnostic-lumbar-puncture" in framer.frame("LP for MS workup on pt on clopidogrel - hold how long? neuro asking").out_of_scope
    f = framer.frame("how many per year max then?", ["how often can i repeat lumbar ESI", "pt is diabetic on insulin"])
    assert all(c in ("esi", "lumbar-spine") for c in f.parts[0].inherited) and "esi" in f.parts[0].inherited


def test_dapt_radiation_to_myself_zh_shorthand_and_a_si_joint_rfa_are_read(framer):
    assert "antiplatelet" in framer.frame("drug eluting stent 2 months ago on DAPT, can we do an L4-5 ESI?").concepts
    f = framer.frame("how do i cut radiation dose to myself during kyphoplasty")
    assert "radiation-safety" in f.concepts and "dose" not in f.aspects and "prevention" in f.aspects
    assert "硬膜外" in framer.frame("克赛治疗量，多久可以做硬外注射？").text  # 硬外 is the epidural written short
    assert "lumbar-spine" in framer.frame("阿司匹林100 一级预防 做腰MBB用停吗").concepts  # 腰 before an abbreviation
    assert "lateral-branch-rf" in framer.frame("SI joint RFA complications?").concepts


def test_a_thoracolumbar_sentence_is_about_both_regions(lexicon):
    from assistant.compose import _with_regions

    tags = _with_regions(lexicon.tags("胸腰椎小关节 MBB 和 RFA 属于低出血风险操作"), lexicon)
    assert {"thoracic-spine", "lumbar-spine"} <= tags


def test_a_headache_despite_treatment_after_a_wet_tap_asks_the_next_step_for_pdph(framer):
    f = framer.frame("she's on day 3 of headache despite caffeine and fluids, what next", ["risk of wet tap during SCS trial?"])
    assert "pdph" in f.concepts and "headache" not in f.concepts  # a headache after a dural puncture is the PDPH
    assert f.aspects[0] == "escalation" and f.tried == ("conservative-management",)  # what follows "despite" was tried
    assert framer.frame("PDPH for 3 days despite caffeine, next step?").tried  # the drug is named after the cue


def _action(text: str, concepts: set[str], rank: int = 1) -> Sentence:
    s = _sent(text, "Recognition and management", concepts, rank)
    return Sentence(s.text, s.chunk, s.hit_rank, s.position, s.group, s.given_tokens, s.concepts, False, True)


def test_what_to_do_about_a_complication_is_answered_only_by_sentences_naming_it(lexicon):
    kinds = {c: lexicon.concepts[c].kind for c in ("infection", "opioid-overdose", "intrathecal-pump", "hypotension")}
    part = Part("how do I manage an infected intrathecal pump pocket", ("infection", "intrathecal-pump"), ("action",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    overdose = _action("Suspected overdose after a pump pocket fill calls for airway support and naloxone.",
                       {"opioid-overdose", "intrathecal-pump"})
    rate = _sent("Deep infection occurred in 1.4% of intrathecal catheters.", "Recognition and management",
                 {"infection", "intrathecal-pump"}, rank=2)
    gaps: list[int] = []
    bullets = select([overdose, rate], q, "en", lambda t: 1.0, {}, 5, (True,), Signals(kinds=kinds), gaps=gaps)
    assert [b.sentence for b in bullets] == [rate]  # never another complication's steps
    gaps = []
    assert select([overdose], q, "en", lambda t: 1.0, {}, 5, (True,), Signals(kinds=kinds), gaps=gaps) == [] and gaps == [0]


def test_a_follow_up_asking_when_to_restart_is_about_the_earlier_drug(framer):
    f = framer.frame("and when can he restart it after the trial leads come out?",
                     ["pt on Brilinta 90 bid for stent 8 months ago, booked for SCS trial next week - how many days to hold?"])
    assert "ticagrelor" in f.parts[0].concepts and "hold" in f.aspects  # not the SCS trial's guideline and rates
    zh = framer.frame("拔电极之后多久能重新吃？", ["拜瑞妥做SCS试验要停几天？"])
    assert "hold" in zh.aspects and "rivaroxaban" in zh.concepts  # 重新吃 is the restart


def test_asked_about_complications_the_sentence_naming_one_and_the_subject_leads(lexicon):
    part = Part("what is the risk of particulate steroid", ("particulate-steroid",), ("complications",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    efficacy = Sentence("Non-particulate steroid is non-inferior in efficacy to particulate steroid.", _chunk("eff", "C"), 1, 0,
                        "complications", None, frozenset({"particulate-steroid"}), False, False)
    injury = _sent("Particulate steroid at cervical levels is a risk factor for permanent neurologic injury.", "Risk factors",
                   {"particulate-steroid", "neurological-injury"}, rank=2)
    kinds = {"particulate-steroid": "drug-class", "neurological-injury": lexicon.concepts["neurological-injury"].kind}
    bullets = select([efficacy, injury], q, "en", lambda t: 1.0, {}, 5, (True,), Signals(kinds=kinds))
    assert bullets[0].sentence is injury  # not the efficacy comparison that sits in the complications section


def test_a_diagnostic_block_on_aspirin_asks_about_the_drug_and_a_bare_how_long_goes_with_the_hold(framer):
    f = framer.frame("腰椎 MBB 诊断性阻滞，病人吃阿司匹林100 一级预防，要不要停")
    assert "aspirin" in f.subjects and "indication" not in f.parts[0].concepts and "indication" not in f.subjects
    assert "indication" in framer.frame("how many diagnostic blocks before a lumbar RFA, and what cutoff?").concepts
    f = framer.frame("ibuprofen 800 tid, hold before DRG stim implant? how many days")
    assert len(f.parts) == 1 and "drg-stimulation" in f.concepts and "hold" in f.aspects
    assert len(framer.frame("hold apixaban before an SCS trial? and when can she restart it?").parts) == 2


def test_a_volume_in_chinese_and_a_risk_asked_as_how_big_are_two_asks(framer):
    f = framer.frame("PVP 每个椎体骨水泥一般打几ml？术后相邻椎体再骨折风险多大")
    assert len(f.parts) == 2 and "dose" in f.parts[0].aspects
    f = framer.frame("腰椎ESI 激素一年最多打几次？糖尿病人打完血糖会高几天")
    assert "repeat-injection-limit" in f.parts[0].concepts and "repeat-injection-limit" not in f.parts[1].concepts


def test_a_head_injury_is_another_specialtys_and_the_hand_dose_is_the_operators(framer):
    assert framer.frame("post-traumatic acute epidural hematoma 12mm on CT after fall - surgery criteria?").out_of_scope
    assert framer.frame("外伤后颅内硬膜外血肿 12mm 手术指征？").out_of_scope
    assert not framer.frame("epidural hematoma after ESI - surgery criteria?").out_of_scope
    assert "occupational-exposure" in framer.frame("kyphoplasty - ways to cut my hand dose?").concepts


def test_an_ask_named_only_by_its_topic_asks_what_that_topic_means(framer):
    assert framer.frame("consent risks lumbar medial branch RFA - what do u usually list").aspects == ("complications",)
    assert framer.frame("Patient had anaphylaxis to contrast years ago and needs a lumbar TFESI next month. "
                        "What premedication should she get?").aspects == ("prevention",)
    assert framer.frame("患者以前做增强 CT 时出现过全身荨麻疹，下周要做腰椎硬膜外注射，术前怎么预处理？").aspects == ("dose", "prevention")


def test_a_prophylaxis_question_is_rivalled_by_another_procedures_sentence_not_by_its_own_exceptions():
    from assistant.compose import Signals, _asked_kind, rival

    kinds = {"spinal-cord-stimulation": "procedure", "discography": "procedure", "antibiotic-prophylaxis": "procedure",
             "ct": "procedure", "premedication": "procedure", "esi": "procedure", "cefazolin": "drug", "vancomycin": "drug",
             "prednisone": "drug"}
    sig = Signals(kinds=kinds, adjuncts=frozenset({"antibiotic-prophylaxis", "ct", "premedication"}))
    own = ["spinal-cord-stimulation", "antibiotic-prophylaxis", "cefazolin"]
    sheep = _sent("If IV prophylaxis is used for discography, in sheep cefazolin 1 g reached the disc.", "Prevention",
                  {"discography", "antibiotic-prophylaxis", "cefazolin"})
    nacc = _sent("Under NACC a weight-based prophylactic antibiotic is given within 1 h before incision, vancomycin excepted, "
                 "for SCS trials and implants.", "Prevention", {"spinal-cord-stimulation", "antibiotic-prophylaxis", "vancomycin"})
    assert rival(sheep, own, sig) and not rival(nacc, own, sig)
    premed = _sent("After a prior contrast reaction the ACR premedication regimen is prednisone 50 mg before the CT.", "Prevention",
                   {"premedication", "prednisone", "ct"})
    assert not rival(premed, ["esi", "premedication"], sig)
    kind = _asked_kind(Part("SCS 永久植入 预防性抗生素怎么用 头孢唑林几克 术前多久给", tuple(own), ("dose", "timing")))
    assert kind is not None and kind.search(nacc.text)  # a dose or a time, whichever the sources give


def test_asking_which_figure_to_quote_is_the_figure_asked_before(framer):
    f = framer.frame("SCS infection rate? what number to quote in consent")
    assert len(f.parts) == 1 and "frequency" in f.aspects
    assert len(framer.frame("SCS infection rate? and what should I tell her about paralysis?").parts) == 2


def test_a_dose_asked_and_not_given_is_named_as_missing():
    from assistant.compose import Bullet, lacks_asked_dose

    choice = _sent("Non-particulate dexamethasone is favoured for lumbar TFESI on safety grounds.", "Prevention", {"dexamethasone"})
    dosed = _sent("Dexamethasone 10 mg is a common transforaminal dose.", "Prevention", {"dexamethasone"})
    ask = Part("dexamethasone dose for lumbar TFESI?", ("dexamethasone", "transforaminal-esi"), ("dose",))
    assert lacks_asked_dose(ask, [Bullet(choice, 0, 1.0, "fact")])
    assert not lacks_asked_dose(ask, [Bullet(choice, 0, 1.0, "fact"), Bullet(dosed, 0, 0.9, "fact")])
    assert not lacks_asked_dose(Part("which steroid for lumbar TFESI?", ask.concepts, ("prevention",)), [Bullet(choice, 0, 1.0, "fact")])
    assert lacks_asked_dose(Part("头孢唑林几克", ("cefazolin",), ("dose",)), [Bullet(choice, 0, 1.0, "fact")])


def test_asked_for_one_complications_rate_its_own_rate_leads_before_an_overall_rate_listing_it():
    from assistant.compose import Signals

    part = Part("SCS infection rate?", ("spinal-cord-stimulation", "infection"), ("frequency",), (), ("rate",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    kinds = {"spinal-cord-stimulation": "procedure", "infection": "complication", "lead-migration": "complication",
             "epidural-haematoma": "complication", "csf-leak": "complication"}
    overall = _sent("The overall SCS complication rate is 31.9-43%, with lead migration most common; haematoma, infection and CSF leak "
                    "are rarer.", "Risk factors",
                    {"spinal-cord-stimulation", "infection", "lead-migration", "epidural-haematoma", "csf-leak"})
    own = _sent("Pooled SCS series reported infection in about 3-4% of patients.", "Risk factors", {"spinal-cord-stimulation", "infection"}, rank=2)
    chosen = select([overall, own], q, "en", lambda t: 1.0, {}, 5, (True,), Signals(kinds=kinds))
    assert chosen[0].sentence is own


def test_clinicians_shorthand_for_management_medial_branch_rf_dexamethasone_and_lesion_settings(framer):
    assert framer.frame("PDPH after a wet tap yesterday, positional HA 7/10. first line mgmt?").aspects[0] == "action"
    f = framer.frame("consent pts for cervical MBRF C3-C6 - what complications should i mention")
    assert "radiofrequency-ablation" in f.concepts and not f.out_of_scope and "MBRF" not in f.unknown
    assert "dexamethasone" in framer.frame("dex dose for lumbar TFESI?").concepts
    assert "rf-lesion-settings" in framer.frame("lumbar MB RFA: what temp and duration per lesion do u use?").concepts
    assert framer.frame("房颤导管射频消融术前华法林需要停吗？INR多少合适").out_of_scope


def test_a_timing_asked_beside_a_missing_dose_is_still_answered():
    from assistant.compose import _undosed

    part = Part("abx prophylaxis for SCS perm implant - which drug, dose and timing? pt 130kg",
                ("antibiotic-prophylaxis", "spinal-cord-stimulation"), ("dose", "timing"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    nacc = _sent("A weight-based prophylactic antibiotic is given within 1 h before incision.", "Prevention",
                 {"antibiotic-prophylaxis", "spinal-cord-stimulation"})
    sig = Signals(kinds={"antibiotic-prophylaxis": "procedure", "spinal-cord-stimulation": "procedure"})
    assert not _undosed([(1.0, nacc)], part, q, sig)
    assert _undosed([(1.0, nacc)], Part("abx prophylaxis for SCS perm implant - dose? pt 130kg", part.concepts, ("dose",)), q, sig)
    # (which drug asked beside the dose: what the sources say of the drug answers it, with a note that no dose is given)
    assert not _undosed([(1.0, nacc)], Part(part.text.replace(" and timing", ""), part.concepts, ("dose",)), q, sig)


def test_a_radiation_dose_or_a_premedication_regimen_is_not_asked_of_the_procedure_or_the_contrast():
    from assistant.compose import _part_pool, _undosed

    # "pregnant nurse on our fluoro RF lists - dose limits?": the fetal limit answers; the RF lists are only the setting
    part = Part("pregnant nurse on our fluoro RF lists, dose limits?", ("pregnant-staff", "radiofrequency-ablation", "occupational-dose-limit"),
                ("limit", "dose"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    fetal = _sent("The dose to the embryo of a declared pregnant worker must not exceed 5 mSv over the pregnancy.", "Prevention",
                  {"pregnant-staff", "occupational-dose-limit"})
    sig = Signals(kinds={"radiofrequency-ablation": "procedure", "pregnant-staff": "condition", "occupational-dose-limit": "topic"})
    assert not _undosed([(1.0, fetal)], part, q, sig)
    assert _undosed([(1.0, fetal)], Part("RF lesion - what dose?", ("radiofrequency-ablation",), ("dose",)), q, sig)
    # "urticaria to contrast last year - premed regimen?": prednisone is the premedication's dose, not another agent's
    premed = Part("urticaria to iodinated contrast last yr, premed regimen?", ("iodinated-contrast", "premedication"), ("dose",))
    q = _q(concepts=premed.concepts, subjects=premed.concepts, aspects=premed.aspects, parts=(premed,))
    regimen = _sent("The regimen is prednisone 50 mg orally 13, 7 and 1 h before contrast.", "Prevention", {"premedication", "prednisone"})
    sig = Signals(kinds={"iodinated-contrast": "drug-class", "prednisone": "drug", "premedication": "procedure"})
    assert regimen in [s for _, s in _part_pool([(1.0, regimen)], premed, q, sig, "en", [], False)]
    plain = Part("how much iodinated contrast in CKD?", ("iodinated-contrast",), ("dose",))
    assert regimen not in [s for _, s in _part_pool([(1.0, regimen), (0.5, fetal)], plain, q, sig, "en", [], False)]


def test_a_told_sign_is_no_ask_and_asked_what_it_could_be_its_complication_is_the_subject(framer):
    q = framer.frame("IT morphine pump pt, analgesia failing despite 3 dose increases + new band-like pain at T8. workup?")
    assert q.aspects == ("workup",) and "catheter-tip-granuloma" in q.concepts  # no escalation, no dose asked
    q = framer.frame("吗啡泵用了3年，止痛越来越差，加量也没用，最近双腿有点麻，考虑啥")
    assert q.aspects == ("recognition",) and "catheter-tip-granuloma" in q.parts[0].concepts
    # a complication named is the subject itself; a failed treatment is still an escalation
    assert "catheter-tip-granuloma" not in framer.frame("pump analgesia failing despite dose increases - how common is it?").concepts
    assert framer.frame("PDPH day 3, caffeine not helping - next step?").aspects[0] == "escalation"


def test_clinicians_words_for_steroid_premedication_and_the_sij_slip_are_read_and_how_long_abx_continue_asks_a_time(framer):
    q = framer.frame("病人说对海鲜过敏，做TFESI造影剂要不要提前用激素")
    assert "premedication" in q.concepts and "corticosteroid" not in q.concepts  # the premedication, not the injectate
    assert "sacroiliac-joint-injection" in framer.frame("骶骼关节注射完，病人说左腿发麻、站不稳，要紧吗").concepts
    assert aspects_of("how long post-op should abx continue?", "en") == ("timing",)
    assert aspects_of("wet tap - can I continue?", "en") == ("action",)  # carrying on after the complication


def test_a_what_if_follow_up_with_a_prior_contrast_reaction_replaces_the_seafood_allergy_told_before(framer):
    q = framer.frame("那要是上次做增强CT出过全身荨麻疹呢？", ["病人说对海鲜过敏，做TFESI造影剂要不要提前用激素"])
    assert "contrast-allergy" in q.concepts and "shellfish-allergy" not in q.context_concepts, q
    assert "premedication" in q.context_concepts  # the ask before goes on
    q = framer.frame("and she's also diabetic - does that change anything?", ["seafood allergy, TFESI next week - premedicate?"])
    assert "shellfish-allergy" in q.context_concepts  # a history added, not swapped


def test_a_negative_study_denies_its_finding_and_planning_words_are_no_differential(framer):
    before = ["TFESI yesterday, apixaban restarted, new leg weakness"]
    for q in ("MRI未见明显血肿，下一步？", "MRI negative for haematoma, now what", "no evidence of haematoma on MRI, next?",
              "haematoma ruled out on MRI, next?"):
        assert "haematoma" in framer.frame(q, before).excluded, q
    assert aspects_of("Wet tap with the Tuohy during the SCS trial - continue?", "en") == ("action",)
    assert "recognition" not in aspects_of("做颈椎TFESI前需要考虑什么？", "zh")
    assert "recognition" not in aspects_of("What would that be in mg/kg?", "en")
    # a granuloma is suspected of a pump, not of oral gabapentin
    assert "catheter-tip-granuloma" not in framer.frame("颈椎病，口服加巴喷丁加量也没用，考虑啥").concepts


def test_steroid_cover_is_no_dose_asked_and_a_chest_drain_beside_our_pneumothorax_is_ours(framer):
    q = framer.frame("had 80mg triam epidural 2 wks ago, now booked for THR next week - do i need to worry about adrenal suppression / stress dose?")
    assert "steroid-cover" in q.concepts and "dose" not in q.aspects, q
    q = framer.frame("来了拍胸片是少量气胸，血氧97%，要放胸腔引流吗？", ["胸椎内侧支射频做完回家了，晚上打电话说胸痛气短"])
    assert q.followup and "radiofrequency-ablation" in q.context_concepts, q  # another specialty's treatment of our complication
    assert framer.frame("CT-guided lung biopsy: pneumothorax rate and when to put in a chest drain?").out_of_scope
    assert "chest-drain" in framer.frame("how long do we keep a chest drain in after a pneumothorax?").out_of_scope  # its management


def test_how_a_complication_presents_leads_with_its_presentation_not_a_list_that_includes_it():
    from assistant.compose import _KIND, _lead

    lists = _sent("Thermal risks specific to PLDD include endplate osteonecrosis and aseptic spondylodiscitis.", "Complications and frequency",
                  {"discitis", "pldd"})
    presents = _sent("Discitis after an intradiscal procedure typically presents as escalating back pain days later.",
                     "Recognition and management", {"discitis"})
    assert _lead([(2.8, lists), (2.6, presents)], (), _KIND["recognition"])[1] is presents


def test_repeat_asks_failed_treatments_and_new_topics_after_a_failure_word(framer):
    from assistant.frame import REPEAT_IT

    for q in ("EBP failed, should we do another EBP?", "would a repeat EBP help?", "still bad - redo the patch?"):
        assert REPEAT_IT["en"].search(q), q
    assert not REPEAT_IT["zh"].search("硬膜外第二次穿刺后头痛，补液咖啡因无效，下一步？")  # a second puncture, not a second patch
    assert REPEAT_IT["zh"].search("血补丁做了还是疼，要做第二次吗？")
    q = framer.frame("Still can't get out of bed despite fluids and caffeine. What now?", ["wet tap during ILESI, PDPH day 2 - tx?"])
    assert "caffeine" in q.tried or "conservative-management" in q.tried, q
    # a new drug the knowledge base does not know, asked with a failure word, is no follow-up of the hold question before
    q = framer.frame("What is the role of gabapentin in persistent post-herpetic neuralgia?",
                     ["How long should I hold apixaban before a cervical interlaminar ESI?"])
    assert not q.followup
    # a drug told as tried and failed, even one it does not know, goes on with the case before
    q = framer.frame("tried pregabalin and naproxen for 4 wks, still bad - next?",
                     ["3 wks after L3-5 RFA, burning pain and allodynia over the lower back. is this normal? what do I give"])
    assert q.followup and "radiofrequency-ablation" in q.context_concepts, q


def test_the_criteria_of_a_procedure_are_answered_only_by_that_procedures_own(framer):
    from assistant.compose import _can_answer

    f = framer.frame("how many MBBs before lumbar RFA and what % relief cutoff is recommended now? single vs dual block")
    assert "indication" in f.concepts
    kinds = {"medial-branch-block": "procedure", "radiofrequency-ablation": "procedure", "lumbar-puncture": "procedure",
             "sacroiliac-joint-injection": "procedure"}
    sig = Signals(kinds=kinds)
    part = Part("what % relief cutoff before lumbar MB RFA?", ("indication", "efficacy"), ("frequency",), ("medial-branch-block",
                "radiofrequency-ablation", "lumbar-spine"))
    lp = _sent("After lumbar puncture for any indication, 10-40% of patients develop a headache.", "Overview",
               {"indication", "lumbar-puncture", "lumbar-spine"})
    sij = _sent("Comparative diagnostic blocks attribute 10-38% of back pain to the sacroiliac joint.", "Overview",
                {"indication", "sacroiliac-joint-injection"})
    own = _sent("A lumbar MBB with 80% relief is the positive block before RF.", "Overview",
                {"indication", "medial-branch-block", "lumbar-spine"})
    assert not _can_answer(lp, part, sig) and not _can_answer(sij, part, sig) and _can_answer(own, part, sig)


def test_a_dental_block_written_short_is_another_specialtys(framer):
    assert framer.frame("max lido w epi for dental inf alveolar nerve block in 20kg child").out_of_scope
    assert framer.frame("IANB 前要停阿司匹林吗").out_of_scope


def test_a_procedures_disputed_bleeding_class_goes_out_with_the_dispute():
    from assistant.compose import Signals, _disputed

    sig = Signals(kinds={"device-replacement": "procedure", "esi": "procedure"},
                  risk_classes=frozenset({"intermediate-bleeding-risk-procedure", "low-bleeding-risk-procedure"}))
    listed = _sent("Intermediate bleeding-risk procedures include ESIs and IPG or pump replacement.", "Risk factors",
                   {"intermediate-bleeding-risk-procedure", "esi", "device-replacement"})
    dispute = _sent("Sources differ on pump and IPG replacement: low risk in one table, intermediate in another.", "Evidence notes",
                    {"device-replacement"})
    assert _disputed([listed], [listed, dispute], [listed], ["device-replacement"], sig) is dispute
    assert _disputed([listed], [listed, dispute], [listed], ["esi"], sig) is None  # an ESI's class is not the disputed one


def test_a_dispute_on_something_else_about_the_procedure_does_not_go_out_with_its_class():
    from assistant.compose import Signals, _disputed

    sig = Signals(kinds={"spinal-cord-stimulation": "procedure"}, risk_classes=frozenset({"high-bleeding-risk-procedure"}))
    listed = _sent("DRG stimulation was added to the high bleeding-risk category, so drugs before SCS follow the high-risk rules.",
                   "Prevention", {"high-bleeding-risk-procedure", "spinal-cord-stimulation"})
    other = _sent("Sources disagree on whether infection is the most common complication after SCS implantation.",
                  "Evidence notes", {"spinal-cord-stimulation", "infection"})
    assert _disputed([listed], [listed, other], [listed], ["spinal-cord-stimulation"], sig) is None  # (an LMWH restart had it)
    zh = _sent("各来源对 SCS 的风险分级不一致。", "Evidence notes", {"spinal-cord-stimulation"})
    assert _disputed([listed], [listed, zh], [listed], ["spinal-cord-stimulation"], sig) is zh


def test_can_i_use_a_drug_for_a_procedure_in_chinese_asks_whether_it_is_allowed(framer):
    assert framer.frame("颈椎TFESI用Depo-Medrol可以吗？").aspects[0] == "contraindications"
    assert framer.frame("地塞米松能用吗").aspects[0] == "contraindications"


def test_how_long_a_course_goes_on_is_answered_by_when_it_stops_not_when_it_starts():
    part = Part("how long do I continue antibiotics after an SCS implant", ("antibiotic", "spinal-cord-stimulation"), ("timing",), (),
                ("continue", "antibiotics", "implant"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=("timing",), parts=(part,))
    sig = Signals(kinds={"antibiotic": "drug-class", "spinal-cord-stimulation": "procedure", "antibiotic-prophylaxis": "procedure"},
                  related={"antibiotic-prophylaxis": frozenset({"antibiotic"})}, adjuncts=frozenset({"antibiotic-prophylaxis"}))
    sents = [
        _sent("A prophylactic antibiotic is given within 1 h before incision for SCS implants.", "Prevention",
              {"antibiotic-prophylaxis", "antibiotic", "spinal-cord-stimulation"}),
        _sent("About 39% continued antibiotics for more than 5 days after SCS implants, against the advice to stop within 24 h.",
              "Evidence notes", {"antibiotic", "spinal-cord-stimulation"}),
        _sent("The NACC suggests stopping prophylactic antibiotics within 24 h of implantation.", "Prevention",
              {"antibiotic-prophylaxis", "antibiotic"}, rank=3),
    ]
    bullets = select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), sig)
    assert bullets[0].sentence.text.startswith("The NACC suggests stopping")


def test_carrying_on_after_a_complication_or_a_complication_that_has_happened_asks_what_to_do(framer):
    assert framer.frame("if I get a wet tap during a cervical ILESI can I carry on?").aspects[0] == "action"
    assert framer.frame("wet tap during L4-5 ILESI, should I still inject the steroid?").aspects[0] == "action"
    assert framer.frame("那穿破了还能继续打吗", ["颈椎ILESI 硬脊膜穿破率大概多少"]).aspects[0] == "action"
    assert framer.frame("那要是已经囊袋感染了呢", ["SCS植入 预防感染有哪些要点"]).aspects[0] == "action"
    assert framer.frame("可以继续吃阿司匹林吗 做TFESI").aspects[0] == "hold"  # continuing a drug is a hold question


def test_brand_names_of_paracetamol_and_glp1_drugs_are_read(framer):
    assert "paracetamol" in framer.frame("caffeine + tylenol not helping for her PDPH").concepts
    assert framer.frame("pt on ozempic for SCS trial - how long hold GLP1?").out_of_scope


def test_an_infusion_rate_asks_for_an_amount_per_time_not_a_frequency(framer):
    assert framer.frame("epiduroscopy - safe saline infusion rate? worried abt retinal hemorrhage").aspects == ("dose",)
    assert framer.frame("硬膜外腔镜 生理盐水冲洗速度多少比较安全").aspects[0] == "dose"
    assert framer.frame("what is the dural puncture rate of ILESI?").aspects[0] == "frequency"
    part = Part("safe saline infusion rate for epiduroscopy", ("epiduroscopy", "saline"), ("dose",), (), ("infusion", "rate"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=("dose",), parts=(part,))
    sents = [
        _sent("Injecting 30 mL of saline over 1 minute during epiduroscopy can push CSF pressure to about 60 mmHg.", "Risk factors",
              {"epiduroscopy", "saline"}),
        _sent("During epiduroscopy, infuse saline slowly, at about 1 mL every 1–2 s, and limit the total volume.", "Prevention",
              {"epiduroscopy", "saline"}, rank=3),
    ]
    assert select(sents, q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence.text.startswith("During epiduroscopy, infuse")


def test_the_most_common_complication_is_the_one_ranked_first_not_the_largest_count():
    part = Part("what is the most common complication of SCS", ("spinal-cord-stimulation",), ("frequency", "complications"), (),
                ("common",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    sents = [
        _sent("What is the common complication of SCS at one centre? 17% of SCS patients had pain at the IPG site.", "Complications and frequency",
              {"spinal-cord-stimulation"}),
        _sent("A 2023 review gives an overall rate of 31.9–43% with lead migration the most common.",
              "Complications and frequency", {"spinal-cord-stimulation"}, rank=4),
    ]
    assert "most common" in select(sents, q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence.text


def test_a_comparison_is_answered_first_by_the_sentence_that_names_both():
    part = Part("dural puncture rate interlaminar vs transforaminal ESI", ("dural-puncture", "interlaminar-esi", "transforaminal-esi", "esi"),
                ("frequency", "comparison"), (), ("rate",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    sig = Signals(kinds={"interlaminar-esi": "procedure", "transforaminal-esi": "procedure", "esi": "procedure",
                         "dural-puncture": "complication"},
                  parents={"interlaminar-esi": frozenset({"esi"}), "transforaminal-esi": frozenset({"esi"})})
    sents = [
        _sent("The dural puncture rate of interlaminar ESI in 974 cervical ESIs was 1.4%, highest at C5–C6.", "Complications and frequency",
              {"dural-puncture", "interlaminar-esi", "esi"}),
        _sent("In an audit of 16,638 injections, it was 0.2% vs 0.04% (P = 0.006).",
              "Complications and frequency", {"dural-puncture", "interlaminar-esi", "transforaminal-esi", "esi"}, rank=5),
    ]
    assert "0.2% vs 0.04%" in select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence.text


def test_whether_a_patient_needs_premedication_asks_first_whether_her_history_is_a_risk_factor(framer):
    assert framer.frame("pt says allergic to shellfish - do i need to premedicate before omnipaque for facet inj?").aspects == (
        "risk_factors", "prevention")
    assert framer.frame("病人海鲜过敏，做TFESI用碘海醇需要预处理吗").aspects[0] == "risk_factors"  # 预处理 is no 处理 (treatment)
    assert framer.frame("what premedication should she get before her TFESI?").aspects == ("prevention",)
    assert "contrast-allergy" in framer.frame("she had anaphylaxis to contrast last year - does she need premedication?").concepts


def test_a_weight_asks_for_the_dose_and_shorthand_names_of_post_procedure_neuritis_are_read(framer):
    f = framer.frame("She's 55 kg - give me the actual numbers.", ["What's the ASRA lipid emulsion regimen for LAST?"])
    assert f.aspects[0] == "dose"
    assert "post-ablation-neuritis" in framer.frame("cooled RF of SI lateral branches - how often post-proc neuropathic pain?").concepts


def test_the_difference_between_two_things_is_the_sentence_that_sets_one_against_the_other():
    part = Part("what is the difference between particulate and non-particulate steroids",
                ("particulate-steroid", "non-particulate-steroid"), ("comparison",), (), ("difference",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    sig = Signals(kinds={"particulate-steroid": "drug-class", "non-particulate-steroid": "drug-class"})
    sents = [
        _sent("What is the difference in the debate on particulate and non-particulate steroids? A review offers a middle position.",
              "Prevention", {"particulate-steroid", "non-particulate-steroid"}),
        _sent("Particulate steroids are crystalline suspensions, whereas non-particulate ones are clear solutions.", "Overview",
              {"particulate-steroid", "non-particulate-steroid"}, rank=4),
    ]
    assert "whereas" in select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence.text


def test_platelet_aggregation_is_not_a_platelet_count_and_a_procedure_named_before_ma_is_asked_about(framer, lexicon):
    assert "platelet-count" not in lexicon.tags("体外实验中 PMMA 并不促进血小板聚集或凝血")
    f = framer.frame("血小板5万 能做腰椎ILESI吗")
    assert "platelet-count" in f.concepts and f.aspects[0] == "contraindications"


def test_the_same_ask_of_another_level_is_a_part_of_its_own(framer):
    for text in ("服用波立维的病人做腰椎小关节射频需要停药吗？颈椎的呢？", "Plavix pt for lumbar facet RFA - need to stop it? and for cervical?"):
        f = framer.frame(text)
        assert len(f.parts) == 2, text
        second = f.parts[1]
        assert second.concepts == ("cervical-spine",) and second.aspects == ("hold",)
        assert "clopidogrel" in second.inherited and "lumbar-spine" not in second.inherited


def test_cardiac_af_ablation_and_device_mri_labelling_are_not_covered_and_shi_bu_shi_is_no_denial(framer):
    assert framer.frame("afib RF ablation - esophageal injury risk and how to prevent?").out_of_scope
    assert framer.frame("Nevro HF10 pt needs 3T MRI brain - is it MRI conditional, what mode settings?").out_of_scope
    assert "implant-mri-conditions" in framer.frame("SCS病人能做核磁吗？是不是MRI兼容的").concepts  # 是不是: whether, not "is not"
    assert "pregnancy" not in framer.frame("病人不是孕妇，做TFESI需要铅衣吗").concepts


def test_is_it_of_a_class_asks_about_the_drug_named_before(framer):
    f = framer.frame("得宝松能做硬膜外注射吗？是不是颗粒型的？")
    assert f.parts[1].concepts == ("particulate-steroid",) and "compound-betamethasone" in f.parts[1].inherited


def test_a_verdict_sentence_answers_the_part_that_asks_for_a_verdict():
    first = Part("can Diprospan be used for an epidural", ("brand-diprospan", "esi"), ("contraindications",), (), ("used",))
    second = Part("is it particulate", ("particulate-steroid",), (), ("brand-diprospan", "esi"), ("particulate",))
    q = _q(concepts=("brand-diprospan", "esi", "particulate-steroid"), subjects=("brand-diprospan", "esi", "particulate-steroid"),
           aspects=("contraindications",), parts=(first, second))
    sig = Signals(kinds={"brand-diprospan": "brand", "esi": "procedure", "particulate-steroid": "drug-class"})
    sents = [
        _sent("Epidural steroid is off-label: no esi route of a particulate steroid such as Diprospan is approved, is it particulate.",
              "Overview", {"esi", "particulate-steroid", "brand-diprospan"}),
        _sent("Diprospan should be treated as a particulate steroid.", "Overview", {"brand-diprospan", "particulate-steroid"}, rank=2),
        _sent("Repeated esi adds up steroid exposure for Diprospan.", "Risk factors", {"brand-diprospan", "esi"}, rank=3),
    ]
    bullets = select(sents, q, "en", lambda t: 1.0, {}, 6, (True, True), sig)
    assert any(b.part == 0 and b.sentence.text.startswith("Epidural steroid is off-label") for b in bullets), bullets


def test_a_drug_inside_a_longer_name_is_asked_about_and_sacral_lateral_branches_are_sacral(framer, lexicon):
    assert "morphine" in framer.frame("鞘内吗啡泵 PACC推荐的最大浓度和每日最大剂量是多少").concepts
    assert "baclofen" in framer.frame("baclofen pump refill - what to watch for").concepts
    assert "morphine" not in framer.frame("SCS trial on apixaban").concepts
    assert "sacrum" in lexicon.concepts["lateral-branch-rf"].related


def test_hitting_the_dura_and_asking_to_push_the_steroid_asks_what_to_do_and_za_splits_an_ask(framer, lexicon):
    for text in ("ok and if I do hit the dura during the cervical IL, can I still push the steroid?", "颈椎IL扎破硬膜了 还能推激素吗"):
        f = framer.frame(text)
        assert f.aspects[0] == "action" and "dural-puncture" in f.concepts, text
    f = framer.frame("第三枕神经射频 术后神经炎/麻木发生率多少？出现了咋处理")
    assert [p.aspects[0] for p in f.parts] == ["frequency", "action"]
    assert "post-ablation-neuritis" in lexicon.tags("ablation-induced third occipital neuralgia after C2-3 RFA")


def test_whether_a_patient_living_with_an_implant_may_be_scanned_is_the_devices_mri_labelling(framer):
    for text in ("pt has an abbott SCS implanted, can he get a lumbar MRI?", "SCS病人能做腰椎核磁吗", "鞘内泵病人能做核磁吗"):
        assert framer.frame(text).out_of_scope == ("implant-mri-conditions",), text
    # imaging that plans the implant, or the work-up of a complication told, is ours
    for text in ("can we do an MRI before the SCS implant?", "SCS trial leads in since yesterday, new leg weakness - can we get an MRI?",
                 "Should spinal MRI be reviewed before SCS implantation?"):
        assert not framer.frame(text).out_of_scope, text


def test_spine_surgery_hardware_and_a_pacemaker_pocket_are_other_specialties(framer):
    assert framer.frame("cement augmentation of pedicle screws in osteoporotic fusion - cement leak rate?").out_of_scope
    assert framer.frame("心脏起搏器囊袋感染了 一定要取出来吗").out_of_scope
    assert not framer.frame("prior lumbar fusion with pedicle screws, cement leak risk for a PVP at L1?").out_of_scope.count("vertebroplasty")


def test_ward_words_name_the_blood_patch_the_continued_drug_and_a_misspelt_brand(framer):
    assert "epidural-blood-patch" in framer.frame("how much blood for the patch", ["PDPH day 2 after a wet tap, tx options?"]).concepts
    assert "continued-antithrombotic" in framer.frame("can I do an SIJ injection without stopping Eliquis?").concepts
    assert "continued-antithrombotic" in framer.frame("ok to keep pt on eliquis for an SI joint inj?").concepts
    assert "continued-antithrombotic" in framer.frame("病人不停药能做腰椎小关节射频吗？波立维75 qd").concepts
    assert "enoxaparin" in framer.frame("克塞预防量 打硬膜外腔镜 术前停多久").concepts


def test_how_high_is_answered_by_a_measured_mean_before_one_patients_reading():
    part = Part("how high does glucose go after an epidural steroid in a diabetic?", ("blood-glucose", "esi"), ("magnitude",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    case = _sent("One insulin-dependent patient reached 258 mg/dL glucose after an epidural steroid.", "Risk factors",
                 {"blood-glucose", "esi"})
    mean = _sent("In 30 diabetic patients, mean glucose rose from 160 to 286 mg/dL after epidural steroid.",
                 "Complications and frequency", {"blood-glucose", "esi"}, rank=3)
    assert select([case, mean], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is mean


def test_asked_for_a_rate_a_relative_reduction_is_no_rate():
    part = Part("pump infection rate, in numbers?", ("intrathecal-pump", "infection"), ("frequency",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    cut = _sent("Preoperative antibiotics cut pump wound infection by about 50%.", "Prevention", {"infection", "intrathecal-pump"})
    rate = _sent("Superficial infection occurred in 2.3% and deep infection in 1.4% of intrathecal catheters.",
                 "Complications and frequency", {"infection"}, rank=3)
    assert select([cut, rate], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is rate


def test_two_levels_weighed_against_each_other_are_answered_by_the_level_advice():
    levels = ("level-c5-c6", "level-c7-t1")
    part = Part("cervical ILESI at C5-6 ok or only C7-T1?", ("interlaminar-esi", *levels), ("contraindications",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    listed = _sent("Contraindications to cervical ILESI are anticoagulation, contrast allergy and active infection.", "Risk factors",
                   {"interlaminar-esi", "cervical-spine"})
    level = _sent("C7-T1 is preferred and levels above C6-C7 are avoided for cervical ILESI.", "Prevention",
                  {"interlaminar-esi", "level-c7-t1", "level-c6-c7"}, rank=4)
    assert select([listed, level], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is level


def test_ward_shorthand_for_holds_levels_bilateral_blocks_and_a_cefazolin_brand(framer):
    assert framer.frame("pt on coumadin for AF, planning lumbar SCS trial - how long off?").aspects[0] == "hold"
    assert framer.frame("how long does the numbness wear off?").aspects[0] != "hold"
    assert framer.frame("what's the risk of catheter tip granuloma with an IT morphine pump?").aspects[0] == "frequency"
    assert framer.frame("what are the risks of an SCS implant?").aspects[0] == "complications"
    assert "level-c7-t1" in framer.frame("颈椎板间硬膜外 能打C5-6吗 还是只能C7T1").concepts
    assert "bilateral-block" in framer.frame("ok to do both sides same session?", ["common complications of stellate ganglion block?"]).concepts
    assert "cefazolin" in framer.frame("ancef timing pre SCS implant?").concepts
    assert "bridging-anticoagulation" in framer.frame("needs lovenox bridge? CHADS2 is 2").concepts


def test_a_sentence_about_these_workers_is_quoted_with_the_cohort_it_means(lexicon):
    first = "In a cohort of radiation workers, fluoroscopy staff had the highest unprotected eye-lens dose, about 10 mSv/year."
    second = "Leaded glasses reduced the eye-lens dose that these fluoroscopy workers actually received."
    text = f"{first} {second}"
    chunk = Chunk("rad", "rad-en", 0, text, "en", "Radiation", ("Radiation", "Complications and frequency"), 0, 0, 0, 0, len(text))
    assert [s.text for s in sentences_of([Hit(chunk, 0.5, 1)], lexicon)] == [text]


def test_the_words_that_frame_an_ask_are_not_details_to_look_for(framer):
    part = framer.frame("are lead glasses really necessary for fluoro?").parts[0]
    assert not {"necessary", "really"} & set(part.terms), part.terms


def test_a_follow_up_opening_with_another_level_asks_the_turn_befores_ask_of_it(framer):
    f = framer.frame("那腰椎TF呢？地米打了没啥效果 能换颗粒型的吗", ["得宝松能打颈椎经椎间孔吗 还是换地米"])
    assert f.parts[0].aspects == ("contraindications",) and "compound-betamethasone" in f.parts[0].inherited
    assert f.parts[1].aspects == ("escalation",) and "dexamethasone" in f.parts[1].concepts
    second = framer.frame("那HPA轴抑制会持续多久？两次打针隔多久合适", ["糖尿病人打完硬膜外激素 血糖能升多少 几天恢复"]).parts[1]
    assert "repeat-injection-limit" in second.concepts


def test_asked_how_many_ml_a_volume_leads_not_another_drugs_dose():
    part = Part("if a headache follows, how many ml for the blood patch?", ("pdph", "epidural-blood-patch"), ("dose",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    caffeine = _sent("Before a blood patch, conservative care of PDPH includes caffeine up to 900 mg/day and oral fluids.",
                     "Recognition and management", {"pdph", "epidural-blood-patch", "caffeine"})
    volume = _sent("The optimal adult epidural blood patch volume is about 12–20 mL.", "Recognition and management",
                   {"epidural-blood-patch"}, rank=3)
    assert select([caffeine, volume], q, "en", lambda t: 1.0, {}, 5, (True,))[0].sentence is volume


def test_round_twenty_shorthand_superlatives_and_asks(framer):
    f = framer.frame("超声引导星状节 刚推了2ml罗哌 病人马上抽搐 意识丧失 怎么办！")
    assert {"stellate-ganglion", "ropivacaine"} <= set(f.concepts)
    assert not framer.frame("糖尿病人硬膜外打完激素 血糖大概升多高 多久恢复").unknown  # the ask's own words name nothing we lack
    assert framer.frame("pt on eliquis 5 bid for SI joint inj - hold or continue?").aspects == ("hold",)
    assert framer.frame("波立维停还是不停 做腰椎射频").aspects[0] == "hold"
    assert framer.frame("deep propofol sedation for cervical TFESI - ok or not?").aspects[0] == "contraindications"
    assert framer.frame("doing CT guided RFA of liver met, whats the risk of grounding pad burn?").out_of_scope


def test_round_twenty_one_shorthand_and_scope(framer):
    f = framer.frame("S1 经孔注射 入血率大概多少")
    assert {"transforaminal-esi", "intravascular-injection"} <= set(f.concepts)
    assert not framer.frame("上次做增强CT起了一身荨麻疹，这次硬膜外要打造影剂，怎么预处理").out_of_scope  # the CT was where she reacted
    assert framer.frame("ED LP for ?SAH - how many hrs after headache onset for xanthochromia?").out_of_scope


def test_a_new_history_with_does_that_change_anything_asks_first_whether_it_is_a_risk(framer):
    f = framer.frame("she also says shes allergic to shellfish, does that change anything?",
                     ["pt had hives w iodinated contrast at CT last yr, booked for L5 TFESI fri. premed regimen?"])
    assert f.aspects[0] == "risk_factors"
    assert framer.frame("pt is 48kg - change anything?", ["max dose of bupivacaine for a caudal?"]).aspects[0] == "dose"


def test_a_part_that_says_nothing_but_its_ask_goes_on_with_the_finding_before(framer):
    f = framer.frame("糖尿病患者做完硬膜外激素注射，血糖一般会升多少？要持续几天？")
    assert "blood-glucose" in f.parts[1].inherited and f.parts[1].aspects == ("timing",)
    f = framer.frame("Under ICHD-3, within what time after dural puncture must the headache begin, and is a postural component still required?")
    assert "headache" not in f.parts[-1].inherited  # (words of its own: it does not take the finding before)


def test_ward_words_keep_to_their_meaning(framer):
    assert "continued-antithrombotic" not in framer.frame("Should the SCS stay on during the MRI?").concepts
    assert "continued-antithrombotic" not in framer.frame("how long should she stay on her back after the blood patch?").concepts
    assert "epidural-blood-patch" not in framer.frame("a patch of numbness on her thigh after a TFESI - normal?").concepts
    assert "intravascular-injection" not in framer.frame("局麻药吸收入血的速度和哪些因素有关").concepts
    assert framer.frame("局麻药中毒心脏停搏多长时间考虑ECMO？").aspects[:1] != ("hold",)


def test_two_drugs_weighed_against_each_other_ask_which_to_use(framer):
    assert framer.frame("dex or depo-medrol for cervical TFESI?").aspects == ("prevention",)
    assert framer.frame("颈椎TFESI用地塞米松还是Depo-Medrol？").aspects == ("prevention",)
    assert framer.frame("Depo-Medrol for cervical TFESI?").aspects != ("prevention",)  # one drug named: no choice asked


def test_a_regional_procedure_broader_than_the_asked_one_is_no_rival():
    from assistant.compose import Signals, rival

    kinds = {"transforaminal-esi": "procedure", "cervical-esi": "procedure", "interlaminar-esi": "procedure", "esi": "procedure",
             "sedation": "procedure", "propofol": "drug", "lumbar-esi": "procedure"}
    sig = Signals({"transforaminal-esi": frozenset({"esi"})}, kinds=kinds, adjuncts=frozenset({"sedation"}),
                  regional={"cervical-esi": (frozenset({"cervical-spine"}), frozenset({"esi"})),
                            "lumbar-esi": (frozenset({"lumbar-spine"}), frozenset({"esi"}))})
    light = _sent("Sedation during cervical ESI should be kept light.", "Prevention", {"sedation", "cervical-esi", "esi", "cervical-spine"})
    il = _sent("Sedation for cervical interlaminar ESI should be kept light.", "Prevention",
               {"sedation", "interlaminar-esi", "esi", "cervical-spine"})
    own = ["propofol", "sedation", "cervical-spine", "transforaminal-esi"]
    assert not rival(light, own, sig)  # cervical ESI includes the cervical TFESI asked about
    assert rival(il, own, sig)  # the interlaminar route is another procedure
    assert not rival(light, ["sedation", "transforaminal-esi"], sig)  # no region asked: any region's ESI
    lumbar = _sent("Sedation during lumbar ESI is rarely needed.", "Prevention", {"sedation", "lumbar-esi", "esi", "lumbar-spine"})
    assert rival(lumbar, own, sig)  # another region's


def test_a_missing_ask_that_is_the_question_itself_is_not_made_up_for_by_strong_evidence():
    kinds = {"vertebroplasty": "procedure", "mobilisation": "topic"}
    q = _q(concepts=("vertebroplasty", "mobilisation"), subjects=("vertebroplasty", "mobilisation"), aspects=("timing",),
           parts=(Part("how soon can she walk after PVP", ("vertebroplasty", "mobilisation"), ("timing",)),))
    tags = [frozenset({"vertebroplasty", "cement-leakage"})] * 3
    assert judge(q, tags, 0.95, 0.46, kinds, {}).kind == "not_in_kb"  # nothing on getting up after it, however strong the rest
    covered = [frozenset({"vertebroplasty", "mobilisation"})]
    assert judge(q, covered, 0.95, 0.46, kinds, {}).kind == "answered"


def test_chat_shorthand_and_the_ask_for_predictors_are_no_unknown_subject(framer):
    assert not framer.frame("max lidocaine dose mg/kg w/ and w/o epi? getting diff numbers from diff refs").unknown
    f = framer.frame("which pts are more likely to get it? any predictors?")
    assert f.aspects[0] == "risk_factors" and not f.unknown
    # lying down that does not relieve a headache is its feature, not a treatment that failed
    assert "escalation" not in framer.frame("腰椎硬膜外注射后第4天 头痛 躺下也不缓解 体温38.7 脖子发硬 是PDPH吗").aspects
    assert "escalation" in framer.frame("硬脊膜穿破后头痛 补液咖啡因都不缓解 怎么办").aspects


def test_beside_an_infection_pathway_another_complications_treatment_is_no_extra():
    from assistant.answer import treats_another
    from assistant.safety import PATHWAY_NAMES

    kinds = {"pdph": "complication", "epidural-blood-patch": "procedure", "epidural-abscess": "complication"}
    ebp = Sentence("An epidural blood patch is the definitive treatment of PDPH.", _chunk("ebp", "Recognition and management"), 1, 0,
                   "management", frozenset(), frozenset({"pdph", "epidural-blood-patch"}), False, True)
    abscess = Sentence("An epidural abscess is treated with antibiotics, with or without drainage.", _chunk("abs", "Recognition and management"),
                       1, 0, "management", frozenset(), frozenset({"epidural-abscess"}), False, True)
    names = PATHWAY_NAMES["implant-infection"]["en"]
    assert treats_another(ebp, names, kinds) and not treats_another(abscess, names, kinds)
    assert not treats_another(ebp, "", kinds)  # a pathway with no condition names keeps it


def test_a_practice_quoted_brings_its_warning_and_an_unasked_drugs_warning_stays_out():
    from assistant.compose import Bullet, with_warnings

    kinds = {"cefazolin": "drug", "antibiotic": "drug-class", "discography": "procedure", "contrast-medium": "drug-class"}
    practice = _sent("One practice adds cefazolin 1 g to the discography contrast.", "Prevention", {"cefazolin", "discography", "contrast-medium"})
    iv = _sent("IV prophylaxis for discography is given 30 min before puncture.", "Prevention", {"antibiotic", "discography"})
    warning = _sent("Do not add an antibiotic to discography contrast if dural puncture is possible: intrathecal cefazolin can cause "
                    "seizures.", "Prevention", {"antibiotic", "cefazolin", "discography", "contrast-medium"})
    for s in (practice, iv, warning):
        object.__setattr__(s, "chunk", _chunk("disc", "Prevention"))  # one document
    bullets = [Bullet(iv, 0, 1.0, "fact"), Bullet(practice, 0, 0.9, "fact")]
    out = with_warnings(bullets, [iv, practice, warning], kinds, {"discography", "antibiotic", "cefazolin"})
    assert [b.sentence for b in out] == [iv, practice, warning]  # after the practice it warns against
    # asked about a shellfish allergy (no drug of the warning's): it does not follow an off-topic bullet
    assert [b.sentence for b in with_warnings(bullets, [warning], kinds, {"shellfish-allergy", "premedication"})] == [iv, practice]


def test_a_clause_asking_for_the_figure_again_is_no_part_of_its_own():
    assert split_parts("How often do patients get neuritis after lumbar medial branch RF? what's the actual number", "en") == [
        "How often do patients get neuritis after lumbar medial branch RF? what's the actual number"]
    assert len(split_parts("腰椎射频后神经炎发生率高吗？具体多少？", "zh")) == 1
    assert len(split_parts("how long to hold apixaban before SCS? what's the rate of hematoma?", "en")) == 2


def test_a_denied_history_is_left_out_of_the_question(framer):
    f = framer.frame("AF pt on warfarin, CHADS2 of 2, no prior stroke - does she need LMWH bridging before SCS implant?")
    # (a stroke the patient had or had not is history, "stroke-history"; not a stroke after the procedure)
    assert "stroke-history" in f.excluded and not {"stroke", "stroke-history"} & set(f.concepts) and "atrial-fibrillation" in f.concepts
    z = framer.frame("房颤 CHADS2 2分 没卒中史，华法林要不要低分子肝素桥接？")
    assert "stroke-history" in z.excluded and "warfarin" in z.concepts
    assert "stroke-history" in framer.frame("AF with a prior stroke on warfarin - bridge?").concepts


def test_a_hold_asked_again_of_another_procedure_keeps_the_drug_and_its_own_heading(framer):
    f = framer.frame("82岁老太太肾功能不太好，吃艾乐妥。做腰椎脊神经后支射频要不要停药？如果改做PKP要停几天？")
    assert len(f.parts) == 2 and {"kyphoplasty", "apixaban"} <= set(f.parts[1].concepts)
    e = framer.frame("on Eliquis - stop it for a lumbar MBB? and for a kyphoplasty, how many days?")
    assert len(e.parts) == 2 and {"kyphoplasty", "apixaban"} <= set(e.parts[1].concepts) and "hold" in e.parts[1].aspects
    from assistant.compose import _merge_parts

    scored = [[1.0, 1.0], [0.2, 0.5]]  # both parts' best sentence is the first (the drug's interval)
    assert _merge_parts(scored, [0, 1]) == {0: 0, 1: 0}
    assert _merge_parts(scored, [0, 1], [frozenset({"medial-branch-block"}), frozenset({"kyphoplasty"})]) == {0: 0, 1: 1}


def test_words_the_knowledge_base_never_uses_with_no_concept_of_ours_are_the_subject():
    q = _q(concepts=(), subjects=(), aspects=("dose",), parts=(Part("units per PREEMPT for chronic migraine", (), ("dose",)),),
           unknown=("PREEMPT", "migraine"))
    v = judge(q, [frozenset({"pdph"})], 0.9, 0.46, {}, {})
    assert v.kind == "not_in_kb" and "PREEMPT" in v.missing
    plain = _q(concepts=(), subjects=(), aspects=(), parts=(Part("what is safest overall", (), ()),))
    assert judge(plain, [frozenset({"pdph"})], 0.9, 0.46, {}, {}).kind == "answered"


def test_a_pregnant_colleague_named_by_her_role_is_staff(framer):
    f = framer.frame("my PA is 16 wks pregnant and works in fluoro suite: what's the fetal dose limit, and where does she wear the badge?")
    assert "pregnant-staff" in f.concepts and "pregnancy" not in f.concepts
    assert "pregnant-staff" not in framer.frame("16 wks pregnant patient needs an ESI: fetal dose from fluoro?").concepts


def test_cooled_si_joint_rf_and_its_transient_neuropathic_pain_are_named_alike_in_question_and_corpus(lexicon):
    q = lexicon.tags("骶髂关节外侧支冷却射频做完，术后神经病理性疼痛发生率多少")
    passage = lexicon.tags("一项骶神经外侧支冷却射频消融研究中，术后一过性神经病理性疼痛的发生率为每个毁损灶 0.7%。")
    assert {"lateral-branch-rf", "post-ablation-neuritis"} <= q and {"lateral-branch-rf", "post-ablation-neuritis"} <= passage
    assert {"lateral-branch-rf", "post-ablation-neuritis"} <= lexicon.tags("cooled SI joint RF - transient neuropathic pain rate?")


def test_leads_that_migrate_or_break_are_the_complications_not_the_hardware(lexicon):
    assert lexicon.tags("How often do SCS leads migrate or fracture?") & {"lead-migration", "lead-fracture"}
    assert "lead-fracture" in lexicon.tags("my patient's leads fractured after a fall")


def test_asked_how_to_give_a_regimen_asks_for_its_doses_too(framer):
    # (the regimen's doses and times lead, then what else prevents a reaction: not "premedication does not eliminate it")
    assert framer.frame("患者以前用碘造影剂出过荨麻疹，下周做腰椎TFESI，术前怎么预防用药？").aspects == ("dose", "prevention")
    assert framer.frame("had hives to contrast last year - how do I premedicate her before the TFESI?").aspects == ("dose", "prevention")
    assert framer.frame("does premedication prevent every contrast reaction?").aspects != ("prevention", "dose")


def test_asked_how_to_premedicate_the_regimen_leads_before_its_caveat(framer):
    from assistant.compose import _asked_kind, _lead

    q = framer.frame("之前打造影剂起过荨麻疹，这次要做TFESI，怎么预处理")
    caveat = _sent("Contrast premedication lowers the risk of a repeat reaction but does not eliminate it.", "Prevention",
                   {"premedication"})
    regimen = _sent("The ACR regimen is prednisone 50 mg orally 13, 7 and 1 h before contrast plus diphenhydramine 50 mg.",
                    "Prevention", {"premedication", "prednisone"})
    part = q.parts[0]
    assert _lead([(1.4, caveat), (1.2, regimen)], part.groups, _asked_kind(part))[1] is regimen


def test_a_yes_no_ask_said_as_a_not_a_is_no_unknown_subject(framer):
    assert "加不加" not in framer.frame("70kg病人利多卡因局部浸润最多多少mg，加不加肾上腺素有区别吗").unknown
    assert "停不停" not in framer.frame("波立维停不停？做腰椎小关节注射").unknown


def test_the_imaging_guidance_of_a_procedure_of_ours_needs_no_passage_of_its_own():
    # "能在C臂下打一针吗": the C-arm says how the SIJ injection is done; passages on the injection answer it
    part = Part("q", ("pregnancy", "sacroiliac-joint-injection", "c-arm"), ("contraindications",))
    q = _q(concepts=part.concepts, subjects=("sacroiliac-joint-injection", "c-arm"), parts=(part,))
    kinds = {"pregnancy": "condition", "sacroiliac-joint-injection": "procedure", "c-arm": "equipment"}
    tags = [frozenset({"sacroiliac-joint-injection"})] * 4
    assert judge(q, tags, 0.39, 0.46, kinds, {}).kind == "not_in_kb"
    assert judge(q, tags, 0.39, 0.46, kinds, {}, guidance={"c-arm"}).kind == "answered"
    alone = _q(concepts=("c-arm",), subjects=("c-arm",), parts=(Part("q", ("c-arm",), ("dose",)),))
    assert judge(alone, tags, 0.39, 0.46, {"c-arm": "equipment"}, {}, guidance={"c-arm"}).kind == "not_in_kb"  # the C-arm asked about


def test_a_joint_told_with_an_injection_verb_is_its_injection_and_can_i_give_it_asks_whether_it_may_be_done(framer):
    f = framer.frame("28岁女的怀孕8周，骶髂关节痛得厉害，能在C臂下打一针吗")
    assert f.aspects[:1] == ("contraindications",) and "sacroiliac-joint-injection" in f.subjects
    assert "sacroiliac-joint-injection" in framer.frame("can I inject her SI joint if she is 10 weeks pregnant?").concepts
    assert "sacroiliac-joint-injection" not in framer.frame("SI joint pain in pregnancy: what causes it?").concepts


def test_can_i_do_it_in_a_patient_with_a_condition_leads_with_the_sentence_on_that_condition():
    part = Part("pregnant 10 weeks, can I inject her SI joint?", ("sacroiliac-joint-injection", "pregnancy"), ("contraindications",))
    q = _q(concepts=part.concepts, subjects=("sacroiliac-joint-injection",), aspects=part.aspects, parts=(part,))
    kinds = {"sacroiliac-joint-injection": "procedure", "pregnancy": "condition", "esi": "procedure"}
    sents = [
        _sent("A blind SIJ injection is a risk factor for an extra-articular injection.", "Risk factors", {"sacroiliac-joint-injection"}),
        _sent("SIJ injection is a low bleeding-risk procedure.", "Risk factors", {"sacroiliac-joint-injection"}),
        _sent("Pregnancy is a relative contraindication to ESI.", "Risk factors", {"esi", "pregnancy"}, rank=2),
        _sent("Pregnancy should be excluded before fluoroscopy-guided pain procedures.", "Prevention", {"pregnancy"}, rank=3),
    ]
    bullets = select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), Signals({}, {}, kinds))
    assert bullets[0].sentence.text.startswith("Pregnancy should be excluded"), [b.sentence.text for b in bullets]
    plain = replace(q, parts=(replace(part, concepts=("sacroiliac-joint-injection",)),), concepts=("sacroiliac-joint-injection",))
    assert not select(sents, plain, "en", lambda t: 1.0, {}, 5, (True,), Signals({}, {}, kinds))[0].sentence.text.startswith("Pregnancy")


def test_after_the_needle_is_out_again_means_the_anticoagulants_next_dose_not_another_injection(framer):
    f = framer.frame("克赛40mg预防量，颈椎ILESI术前要停多久？拔针后多久能再打？")
    assert "repeat-injection-limit" not in f.concepts and all(p.aspects[:1] == ("hold",) for p in f.parts)
    assert any("enoxaparin" in p.concepts and "拔针后" in p.text for p in f.parts)
    assert "repeat-injection-limit" in framer.frame("颈椎ILESI做完多久能再打一次？").concepts  # no drug: the injection again


def test_a_threshold_is_a_limit_and_a_device_scan_of_a_patient_with_an_implant_is_its_mri_labelling(framer):
    f = framer.frame("INR多少以下才能做？需要桥接吗？", ["SCS植入前华法林需要停几天？"])
    assert f.parts[0].aspects[:1] == ("limit",) and "inr" in f.parts[0].concepts
    assert framer.frame("what platelet count is ok for an SCS trial?").aspects[:1] == ("limit",)
    for q in ("Nevro HF10, MRI L-spine safe?", "Pt w/ SCS (Medtronic) needs lumbar MRI for new radiculopathy. what do I need to check before sending him?",
              "有SCS的病人要做腰椎核磁，需要注意什么？"):
        assert "implant-mri-conditions" in framer.frame(q).concepts, q
    assert "implant-mri-conditions" not in framer.frame("do I need an MRI before the SCS trial?").concepts  # imaging that plans it


def test_clinicians_shorthand_for_enoxaparin_and_the_interlaminar_approach(framer):
    assert "enoxaparin" in framer.frame("enox 40 daily prophylaxis - timing for L-spine TFESI?").concepts
    assert "interlaminar-esi" in framer.frame("做完腰椎层间硬膜外第二天头疼").concepts


def test_how_long_will_it_stay_high_asks_about_the_finding_before_and_need_to_do_anything_is_an_action(framer):
    f = framer.frame("diabetic pt, BM 20 the day after a TFESI with triamcinolone - need to do anything? how long will it stay high?")
    assert f.parts[0].aspects[:1] == ("action",)
    assert f.parts[1].aspects[:1] == ("timing",) and "blood-glucose" in f.parts[1].inherited


def test_what_else_was_linked_to_it_asks_for_risk_factors_and_a_moved_buzz_is_lead_migration(framer):
    f = framer.frame("Pain pump pts with that inflammatory lump at the catheter tip - apart from where the tip sits, what else was linked to it?")
    assert f.aspects[:1] == ("risk_factors",) and "catheter-tip-granuloma" in f.concepts
    f = framer.frame("SCS trial day 3 - pt says the buzzing moved to his ribs, and there's clear fluid on the dressing at the exit site. normal??")
    assert {"lead-migration", "csf-leak"} <= set(f.concepts) and f.aspects[:1] == ("expected",)
    assert "lead-migration" in framer.frame("SCS测试第3天，刺激感跑到肋骨那里了，正常吗").concepts


def test_a_ratio_asked_is_answered_by_the_sentence_giving_it_without_a_no_dose_note():
    part = Part("how many times the CNS dose does cardiotoxicity need?", ("last",), ("dose",))
    q = _q(concepts=part.concepts, subjects=("last",), aspects=part.aspects, parts=(part,))
    sents = [
        _sent("For a patient weighing 70 kg or less, lipid emulsion is given as a 1.5 mL/kg bolus.", "Recognition and management", {"last"}),
        _sent("Cardiovascular toxicity typically requires roughly 3 times the dose that causes CNS toxicity.", "Complications and frequency",
              {"last"}, rank=3),
    ]
    bullets = select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), Signals({}, {}, {"last": "complication"}))
    assert bullets[0].sentence.text.startswith("Cardiovascular toxicity"), [b.sentence.text for b in bullets]
    assert not lacks_asked_dose(part, bullets[:1]) and lacks_asked_dose(part, bullets[1:])


def test_a_catheter_ablation_is_another_specialtys_and_just_placed_is_no_subject(framer):
    f = framer.frame("Pt on Eliquis 5 bid for AF going for catheter RF ablation (pulmonary vein isolation) next week - hold or uninterrupted?")
    assert "tumour-ablation" in f.out_of_scope and "radiofrequency-ablation" not in f.concepts
    assert not framer.frame("如果他是阿司匹林+波立维双抗 支架刚放4个月呢", ["鞘内泵植入前阿司匹林要停吗"]).unknown


def test_the_grounding_pad_is_its_skin_burn(framer):
    assert "dispersive-pad-burn" in framer.frame("腰椎内侧支射频消融术后第二天，病人大腿上贴负极板的地方起了水疱。这是怎么回事？").concepts
    assert "dispersive-pad-burn" in framer.frame("day after lumbar RFA there's a blister where the grounding pad was").concepts


def test_new_pain_a_level_up_after_augmentation_is_the_adjacent_fracture_and_a_steroid_given_epidurally_is_an_esi(framer):
    for q in ("L1椎体成形术后第3天，病人说上面那节（T12）又开始痛了，正常吗",
              "1 wk post kyphoplasty L1, new sharp pain higher up, T11 tender. just normal post-op soreness?"):
        f = framer.frame(q)
        assert "adjacent-level-fracture" in f.concepts and "adjacent-level-fracture" in f.parts[0].concepts, q
    assert "esi" in framer.frame("硬膜外打了倍他米松后2天，脸红、睡不着，血糖16（2型糖尿病 吃二甲双胍），正常吗").concepts
    f = framer.frame("AF ablation next week, pt on eliquis 5 bid - how many doses do I hold before the RF ablation?")
    assert "radiofrequency-ablation" not in f.concepts and f.out_of_scope
    assert "radiofrequency-ablation" in framer.frame("on eliquis, lumbar RF ablation at L4-5 next week - hold?").concepts
    assert "pdph" in framer.frame("2 days after my epidural I get a bad headache when I sit up, goes away when I lie down").concepts


def test_a_trauma_patients_extradural_haematoma_is_neurosurgerys(framer):
    assert "head-injury" in framer.frame("trauma pt, extradural haematoma on CT after a fall, GCS 13 and dropping - what now").out_of_scope


def test_a_part_no_sentence_names_is_a_gap_even_when_the_part_before_took_the_best_sentence():
    rate = Part("cement leak rate?", ("cement-leakage",), ("frequency",))
    consent = Part("how do I consent the family?", ("informed-consent",), ("action",), ("cement-leakage",))
    q = _q(concepts=("cement-leakage", "informed-consent"), subjects=("cement-leakage",), aspects=("frequency", "action"),
           parts=(rate, consent))
    kinds = {"cement-leakage": "complication", "informed-consent": "topic"}
    sents = [_sent("Cement leakage occurred in 39% of vertebroplasty levels.", "Complications and frequency", {"cement-leakage"})]
    gaps: list[int] = []
    bullets = select(sents, q, "en", lambda t: 1.0, {}, 5, (True, True), Signals({}, {}, kinds), gaps=gaps)
    assert [b.part for b in bullets] == [0] and gaps == [1], ([b.sentence.text for b in bullets], gaps)


def test_a_sign_that_stopped_asks_no_hold_and_a_told_weight_or_dose_beside_another_ask_is_no_dose():
    from assistant.frame import aspects_of
    assert aspects_of("After a LAST seizure has stopped, how long should we monitor the patient?", "en") == ("timing",)
    # what to watch for (not for how long) asks the warning signs
    assert aspects_of("what do the nurses need to watch for tonight?", "en") == ("recognition",)
    assert aspects_of("术后今晚要观察什么？", "zh")[:1] == ("recognition",)
    assert aspects_of("这次要做骶髂关节注射，需要注意什么？", "zh")[:1] != ("recognition",)  # (the precautions)
    assert aspects_of("LAST 抽搐停了以后要观察多久？", "zh") == ("timing",)
    assert aspects_of("Eliquis was stopped 3 days ago, ok to go ahead with the ESI?", "en")[0] == "hold"  # a drug stopped is
    assert aspects_of("补充一下：78岁，肌酐清除率35ml/min，体重52kg，那要停几天？", "zh") == ("hold", "timing")
    # the closing question's ask comes first, even once its own words are blanked
    assert aspects_of("OK gave naloxone 0.4 mg and she's awake now. How long do we need to watch her on the ward?", "en") == ("timing",)
    assert aspects_of("LAST, 55kg, lipid 给多少", "zh") == ("dose",)


def test_patient_details_added_or_a_treatment_given_continue_the_case_before(framer):
    f = framer.frame("补充一下：78岁，肌酐清除率35ml/min，体重52kg，那要停几天？", ["拜瑞妥20mg qd 房颤 下周要做SCS试验电极 要停几天"])
    assert f.followup and "rivaroxaban" in f.context_concepts + f.concepts and f.aspects[0] == "hold", f
    f = framer.frame("Gave IM epinephrine 0.5 mg, BP now 115/70. OK to finish the injection today?",
                     ["During a lumbar TFESI, right after the iohexol injection the patient developed hives and wheezing. What now?"])
    assert f.followup and "iohexol" in f.context_concepts, f  # the drug given does not replace the contrast


def test_a_repeat_limit_is_its_own_kind_of_answer_and_a_dose_asked_of_one_agent_is_never_anothers():
    from assistant.compose import _REPEAT, _narrow_kind, _other_agent
    part = Part("how many epidural steroid injections can I give someone per year", ("esi",), ("dose", "contraindications"))
    assert _narrow_kind(part) is _REPEAT
    assert _narrow_kind(Part("硬膜外激素注射一年最多打几次", ("esi",), ("dose",))) is _REPEAT
    sig = Signals(kinds={"gadolinium": "drug", "morphine": "drug", "local-anaesthetic": "drug-class"})
    assert _other_agent(_sent("The 20 mg/mL and 15 mg/day morphine limits are quoted from memory.", "Evidence notes", {"morphine"}), ["gadolinium"], sig)
    assert not _other_agent(_sent("Gadolinium in the intrathecal space is neurotoxic at higher doses.", "Risk factors", {"gadolinium"}), ["gadolinium"], sig)
    assert not _other_agent(_sent("Maximum doses are calculated on ideal body weight.", "Prevention", {"local-anaesthetic"}), ["gadolinium"], sig)


def test_an_accidental_dural_puncture_in_plain_chinese_is_the_puncture_and_its_headache(framer):
    f = framer.frame("17G Tuohy针 硬膜意外穿破后头痛的发生率多少？")
    assert "pdph" in f.concepts, f.concepts


def test_a_later_part_in_its_own_words_does_not_inherit_the_topic_the_part_before_asked(framer):
    f = framer.frame("lumbar medial branch RFA: what lesion temp and time, how many lesions per level, "
                     "and do i need sensory + motor stim testing before burning?")
    assert len(f.parts) == 3 and "rf-lesion-settings" in f.parts[0].concepts, f.parts
    assert all("rf-lesion-settings" not in p.inherited for p in f.parts[1:]), f.parts
    assert "rf-stimulation-check" in f.parts[2].concepts and "radiofrequency-ablation" in f.parts[2].inherited, f.parts[2]


def test_is_this_normal_is_answered_by_what_the_picture_means_before_how_often_it_happens():
    from assistant.compose import Weights, score
    part = Part("SCS 3 weeks ago, the tingling moved and he gets a jolt when he bends. Is this normal or should I worry?",
                ("spinal-cord-stimulation", "lead-migration"), ("expected",))
    q = _q(text=part.text, concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    sig = Signals(kinds={"spinal-cord-stimulation": "procedure", "lead-migration": "complication"})
    reads = _sent("Loss of paraesthesia coverage or altered stimulation suggests lead migration or lead fracture.",
                  "Recognition and management", {"spinal-cord-stimulation", "lead-migration"})
    rate = _sent("A 2023 review puts the SCS complication rate at 31.9–43%, with lead migration the most common event.",
                 "Complications and frequency", {"spinal-cord-stimulation", "lead-migration"})
    def sc(s: Sentence) -> float:
        return score(s, part, q, lambda t: 1.0, {}, "en", Weights(), sig)
    assert sc(reads) > sc(rate)


def test_risks_to_mention_at_consent_are_the_harms_and_a_region_is_not_swallowed_by_a_procedure_name(framer):
    assert aspects_of("consenting for lumbar discography - what risks should i mention", "en")[0] == "complications"
    assert aspects_of("知情同意书上要告知哪些风险", "zh")[0] == "complications"
    assert aspects_of("what are the risk factors for an epidural haematoma?", "en")[0] == "risk_factors"
    assert "lumbar-spine" in framer.frame("what's the discitis rate after lumbar discography?").concepts
    # the consent is the setting of the ask: the named procedure's risks are asked, not what a consent discussion is
    for question in ("consenting a pt for C6-7 TFESI tomorrow - what risks do I quote?", "PVP术前谈话要交代哪些风险？"):
        q = framer.frame(question)
        assert "informed-consent" not in q.concepts and q.aspects[0] == "complications", q
    assert "informed-consent" in framer.frame("what should the consent discussion for an ESI include?").concepts


def test_an_asked_thickness_that_no_bullet_gives_is_said_to_be_missing():
    from assistant.compose import Bullet, lacks_asked_figure
    part = Part("how thick should the lead apron be", (), ())
    rules = Bullet(_sent("The classic rules are time, distance and shielding.", "Prevention", set()), 0, 1.0, "fact")
    mm = Bullet(_sent("A 0.5 mm lead-equivalent apron stops most scatter.", "Prevention", set()), 0, 1.0, "fact")
    assert lacks_asked_figure(part, [rules]) and not lacks_asked_figure(part, [rules, mm])
    assert not lacks_asked_figure(Part("how do I cut down dose", (), ()), [rules])


def test_keeping_a_drug_asks_whether_to_hold_it_and_its_strength_is_no_dose_asked(framer):
    assert aspects_of("Can I keep aspirin 81 mg for a lumbar facet medial branch RF? patient had a stroke 2 years ago", "en") == ("hold",)
    assert aspects_of("should I keep him on antibiotics for a week after the SCS implant?", "en")[0] == "timing"
    f = framer.frame("pt had L1 vertebroplasty yesterday, today new mid-back pain at a different level, is that normal?")
    assert "adjacent-level-fracture" in f.concepts, f.concepts


def test_a_stroke_makes_aspirin_secondary_prevention():
    from assistant.compose import Weights, score
    part = Part("Can I keep aspirin for a lumbar facet RF? she had a stroke", ("aspirin", "stroke"), ("hold",))
    q = _q(text=part.text, concepts=part.concepts, subjects=("aspirin",), aspects=part.aspects, parts=(part,))
    sig = Signals(kinds={"aspirin": "drug", "stroke": "condition"})
    primary = _sent("Aspirin taken for primary prevention is stopped 6 days before a high-risk pain procedure.", "Prevention", {"aspirin"})
    secondary = _sent("Aspirin taken for secondary prevention is held only after a shared decision with the prescriber.", "Prevention", {"aspirin"})
    def sc(s: Sentence) -> float:
        return score(s, part, q, lambda t: 1.0, {}, "en", Weights(), sig)
    assert sc(secondary) > sc(primary)


def test_a_drug_told_with_its_route_or_dose_after_it_was_given_continues_the_case(framer):
    f = framer.frame("she's stable now after IM adrenaline 0.5mg + 1L saline, obs normal for 1h. can we send her home?",
                     ["caudal epidural, gave 5ml omnipaque, now wheezy, urticaria all over, BP 78/45 HR 125. adrenaline dose??"])
    assert f.followup and "caudal-esi" in f.context_concepts, f


def test_why_not_a_drug_asks_about_it_and_how_much_contrast_names_the_contrast(framer):
    f = framer.frame("max dexamethasone dose for lumbar TFESI, why no particulate steroid in cervical TF, and how much contrast is ok in CKD 4?")
    assert "particulate-steroid" in f.parts[1].concepts and "particulate-steroid" not in f.excluded, f.parts[1]
    # (contrast with the kidneys told is contrast nephropathy, which the sources do not cover: that part is said uncovered)
    assert "contrast-imaging" in f.parts[2].concepts, f.parts[2]
    assert "anticoagulant" in framer.frame("risk factors for haematoma apart from anticoagulants?").excluded  # still left out


def test_a_dose_asked_of_a_class_is_never_another_named_drugs_figure():
    from assistant.compose import _DEPENDENT, _other_agent
    sig = Signals(kinds={"contrast-medium": "drug-class", "dabigatran": "drug"})
    pradaxa = _sent("Pradaxa is held for 4–5 days, or about 6 days when renal function is impaired.", "Prevention", {"dabigatran"})
    assert _other_agent(pradaxa, ["contrast-medium"], sig)
    assert _DEPENDENT["en"].search("Outside these situations, non-particulate steroid is the choice for TFESI.")


def test_which_drug_asks_for_the_choice_and_a_repeat_count_no_bullet_gives_is_said_to_be_missing():
    from assistant.compose import Bullet, lacks_asked_figure
    assert aspects_of("discography / intradiscal: antibiotic prophylaxis which drug", "en")[:1] == ("prevention",)
    part = Part("可以重复做几次", ("radiofrequency-ablation",), ())
    filler = Bullet(_sent("小关节射频消融要求把热毁损灶准确置于神经上。", "Overview", {"radiofrequency-ablation"}), 0, 1.0, "fact")
    repeat = Bullet(_sent("重复神经切断术的成功率为 86%（12/14）。", "Evidence notes", {"radiofrequency-ablation"}), 0, 1.0, "fact")
    assert lacks_asked_figure(part, [filler]) and not lacks_asked_figure(part, [filler, repeat])


def test_clear_glucose_positive_fluid_from_a_pocket_is_a_csf_leak(framer):
    f = framer.frame("抽出来是清亮液体，查糖阳性，下一步咋处理？", ["鞘内吗啡泵植入术后2周，泵囊袋那里鼓起来一个包，软的"])
    assert "csf-leak" in f.concepts, f.concepts


def test_a_part_asking_only_an_essential_topic_is_answered_only_with_its_procedures_sentences():
    from assistant.compose import _part_pool
    part = Part("what pain relief counts as success", ("efficacy",), (), ("scs-trial",))
    q = _q(text="SCS trial: how many days, what pain relief counts as success?", concepts=("scs-trial", "efficacy"), parts=(part,))
    sig = Signals(kinds={"scs-trial": "procedure", "pdph": "complication", "efficacy": "topic"},
                  parents={"scs-trial": frozenset({"spinal-cord-stimulation"})})
    pdph = _sent("Bed rest gives only temporary relief of PDPH.", "Recognition and management", {"pdph", "efficacy"})
    scs = _sent("An SCS trial counts as successful with at least 50% pain relief.", "Overview", {"spinal-cord-stimulation", "efficacy"})
    pool = _part_pool([(1.0, pdph), (0.9, scs)], part, q, sig, "en", [], True)
    assert [s for _, s in pool] == [scs]


def test_when_to_restart_after_the_procedure_is_its_own_kind_of_answer():
    from assistant.compose import _DRUG_RESTART, _narrow_kind
    assert _narrow_kind(Part("术后多久可以打", (), ("timing",), ("enoxaparin",))) is _DRUG_RESTART
    assert _narrow_kind(Part("and when can she restart it?", (), ("timing",), ("apixaban",))) is _DRUG_RESTART
    assert _narrow_kind(Part("最后一针什么时候打", ("enoxaparin",), ("timing",))) is not _DRUG_RESTART


@pytest.mark.parametrize("text", ["clexane 40mg sc daily (DVT ppx) - how long before L4/5 TFESI?", "克赛40mg预防深静脉血栓，TFESI前停多久？",
                                  "enoxaparin for VTE prophylaxis - hold before the block?"])
def test_a_clot_named_as_what_a_prophylactic_dose_prevents_is_no_history_of_one(framer, text):
    q = framer.frame(text)
    assert "vte" not in q.concepts and "enoxaparin" in q.concepts, q.concepts


def test_a_clot_told_as_history_is_still_one(framer):
    assert "vte" in framer.frame("DVT 2 months ago on enoxaparin - TFESI now?").concepts


def test_can_i_still_do_it_after_a_known_reaction_is_no_rescue(framer):
    q = framer.frame("hx anaphylaxis to iodinated contrast - can i still do TFESI?")
    assert "action" not in q.aspects, q.aspects
    assert "action" in framer.frame("wet tap with the Tuohy - can I still do the injection?").aspects  # (during the procedure)


def test_a_sentence_whose_therefore_comes_after_a_long_subject_leans_on_the_reason_before():
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["en"].search("Precise facet RFA electrode placement, parallel and close to the medial branch, is therefore essential.")
    assert not _DEPENDENT["en"].search("Conventional RF lesions extend only about 1.1–2.2 mm from the electrode.")


@pytest.mark.parametrize(("text", "lang", "n"), [
    ("C3-C6 cervical medial branch RFA - what temp/time and do i need sensory+motor stim testing in the neck?", "en", 2),
    ("装了永久起搏器的老太太，能做腰椎内侧支射频消融吗？术中要注意啥", "zh", 2),
    ("lumbar RFA - what temperature?", "en", 1),
])
def test_an_ask_after_a_topic_and_a_dash_or_a_colloquial_ask_is_its_own_part(text, lang, n):
    assert len(split_parts(text, lang)) == n, split_parts(text, lang)


@pytest.mark.parametrize("text", ["clexane failed to prevent PE last month; now on therapeutic dose - TFESI hold?",
                                  "recent DVT (ppx failed) on therapeutic clexane - TFESI hold?",
                                  "on enoxaparin for DVT, prevention of recurrence - hold before block?",
                                  "上个月深静脉血栓，预防复发打克赛，停多久做TFESI？"])
def test_a_clot_had_beside_prophylaxis_words_is_still_a_clot(framer, text):
    assert {"vte", "pulmonary-embolism"} & set(framer.frame(text).concepts), text


def test_a_known_allergy_with_a_reaction_now_is_still_a_rescue(framer):
    assert "action" in framer.frame("known contrast allergy, hives and wheeze after the TFESI, what do I do?").aspects


def test_how_long_after_a_stent_is_no_restart_ask():
    from assistant.compose import RESTART_ASK
    assert not RESTART_ASK.search("Plavix for a DES 2 months ago, last dose this morning. MBB - how long after?")
    assert RESTART_ASK.search("clexane 40 - how long before the TFESI? and after?")


@pytest.mark.parametrize(("text", "held"), [
    ("以前吃华法林，现在换成阿哌沙班，SCS测试前停多久？", "apixaban"),
    ("switched from warfarin to apixaban last month - how long to hold before TFESI?", "apixaban"),
    ("华法林换成了利伐沙班，停几天？", "rivaroxaban"),
])
def test_a_drug_switched_from_is_not_the_one_held(framer, text, held):
    q = framer.frame(text)
    assert held in q.concepts and "warfarin" not in q.concepts, q.concepts


def test_a_drug_told_as_taken_before_its_hold_is_still_held(framer):
    assert "warfarin" in framer.frame("was on warfarin, held for 5 days, INR today 1.3 - ok for ILESI?").concepts


def test_a_patch_beside_a_wet_tap_is_the_blood_patch_and_a_drugs_patch_is_not(framer):
    before = ["wet tap with 17G Tuohy during T10 ILESI this morning, what do I tell her?"]
    q = framer.frame("postural headache day 2 - patch now or wait? how much blood?", before)
    assert "epidural-blood-patch" in q.concepts and "epidural-blood-patch" in q.parts[-1].inherited, q.parts
    assert "epidural-blood-patch" not in framer.frame("on a fentanyl patch, wet tap yesterday - remove the patch?").concepts
    assert "epidural-blood-patch" not in framer.frame("lidocaine patch for the back pain - ok before the TFESI?").concepts


def test_a_platelet_count_in_shorthand_a_drug_list_not_taken_and_a_go_or_no_go_are_read(framer):
    en = framer.frame("plt 62, INR 1.3, booked for C6-7 interlaminar epidural. go or no go")
    assert "platelet-count" in en.concepts and en.aspects[:1] == ("contraindications",), en
    zh = framer.frame("病人血小板62×10^9/L，没吃抗凝抗血小板药，做腰椎小关节内侧支射频消融行不行？")
    assert not {"anticoagulant", "antiplatelet"} & set(zh.concepts) and zh.aspects[:1] == ("contraindications",), zh
    # (a meal not eaten is no drug not taken)
    assert "apixaban" in framer.frame("没吃早饭，今天用了阿哌沙班，能做射频吗").concepts


def test_a_penicillin_allergy_is_the_patients_condition_not_the_allergic_reaction_complication(framer):
    f = framer.frame("and if pen allergic?", ["antibiotic prophylaxis for SCS implant - what drug and when?"])
    assert "antibiotic-allergy" in f.concepts and "allergic-reaction" not in f.concepts, f
    assert "antibiotic-allergy" in framer.frame("对青霉素过敏的病人，SCS植入前用什么抗生素？").concepts


def test_a_what_if_that_tells_the_dose_kind_asks_the_question_before_not_a_dose(framer):
    before = ["克赛40mg皮下qd预防血栓的，最后一针今早7点打的，下午2点做腰椎板间ESI可以吗"]
    f = framer.frame("那要是治疗剂量呢，1mg/kg q12h那种？", before)
    assert f.followup and "dose" not in f.aspects, f
    en = framer.frame("what if she's on the treatment dose, 1 mg/kg bd?", ["clexane 40 ppx, last dose 8pm, TFESI at 9am - ok?"])
    assert "dose" not in en.aspects, en
    # (a dose asked outright is still a dose)
    assert "dose" in framer.frame("what's the treatment dose then?", ["clexane 40 ppx, last dose 8pm, TFESI at 9am - ok?"]).aspects


def _concepts_of(framer: Framer) -> Callable[[str], tuple[str, ...]]:
    """A question's concepts, as the framer reads it alone."""
    return lambda q: framer.frame(q).concepts


def test_a_drug_not_taken_is_left_out_only_when_the_patient_is_not_on_it(framer):
    concepts = _concepts_of(framer)
    # a dose held today, a drug stopped since yesterday, "nothing but aspirin": the patient is on it
    assert "rivaroxaban" in concepts("今天早上没吃利伐沙班，昨天早上8点吃的最后一次，今天下午2点做硬膜外注射可以吗")
    assert "warfarin" in concepts("昨天开始没吃华法林了，明天能做射频吗")
    assert "aspirin" in concepts("没吃阿司匹林以外的药，能做射频吗")
    assert "esi" in concepts("之前没打过硬膜外激素，利伐沙班停了3天，能做吗")  # (a procedure never done is still the one planned)
    assert "aspirin" not in concepts("没在吃阿司匹林，能做射频吗")


def test_go_ahead_cues_are_not_read_into_how_to_proceed_or_aftercare():
    assert "contraindications" not in aspects_of("seizure after the injection, how should we proceed?", "en")
    assert "contraindications" not in aspects_of("Is she good to go home after the stellate block?", "en")
    assert "contraindications" not in aspects_of("做完射频以后喝酒行不行", "zh")
    assert "contraindications" in aspects_of("plt 62, booked for an ILESI - go or no go?", "en")


def test_a_platelet_cutoff_with_itp_and_shorthand_is_a_lab_threshold_asked_not_block_criteria(framer):
    f = framer.frame("plt 62k (chronic ITP), needs bilat L3-L5 medial branch RFA. safe to do or what's the cutoff")
    assert "indication" not in f.concepts and "thrombocytopenia" in f.concepts and not f.unknown, f
    assert "indication" in framer.frame("what relief cutoff counts as a positive medial branch block?").concepts


def test_an_eye_lens_dose_limit_asked_beside_a_procedure_is_no_procedure_dose():
    from assistant.compose import Signals, _doses_own
    part = Part("术者眼晶状体剂量限值现在是多少？", ("fluoroscopy", "radiofrequency-ablation", "eye-lens-dose-limit"), ("limit", "dose"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    sig = Signals(kinds={"radiofrequency-ablation": "procedure", "fluoroscopy": "equipment", "eye-lens-dose-limit": "topic"})
    assert _doses_own([], part, q, sig)  # (nothing doses the RF: the limit asked is a radiation dose)


def test_a_drug_held_for_days_or_the_only_one_taken_is_still_the_patients(framer):
    concepts = _concepts_of(framer)
    assert "clopidogrel" in concepts("患者三天没吃氯吡格雷了，明天做腰椎射频，够吗？")
    assert "apixaban" in concepts("No apixaban since Monday 8am, L4-5 interlaminar epidural Thursday 8am, is that long enough?")
    assert "aspirin" in concepts("除了阿司匹林没吃别的药，明天做硬膜外，要停吗？")
    assert "clopidogrel" in concepts("Nothing except clopidogrel, epidural tomorrow, how long to hold?")
    assert "anticoagulant" not in concepts("pt not on anticoagulants, ESI tomorrow ok?")
    assert "contraindications" not in aspects_of("How can we proceed after a wet tap?", "en")


def test_a_clause_of_asking_words_only_is_a_part_of_its_own():
    assert split_parts("how many ml of blood? and when should I do it?", "en") == ["how many ml of blood?", "and when should I do it?"]
    assert aspects_of("and when?", "en") == ("timing",)
    # (the failure tells why; the amount of the next step is what is asked)
    assert aspects_of("保守治疗无效，EBP 打多少 ml？", "zh")[0] == "dose"


def test_chinese_asks_parted_by_spaces_are_parts_and_keep_their_spaces(framer):
    # clinicians type a space where a comma goes: each ask of its own is a part ("啥时候做" the time, "打多少血" the volume)
    parts = split_parts("硬膜外穿刺穿破硬脊膜 第二天体位性头疼 血补丁啥时候做 打多少血", "zh")
    assert parts == ["硬膜外穿刺穿破硬脊膜 第二天体位性头疼 血补丁啥时候做", "打多少血"], parts
    assert len(split_parts("SCS trial 期间 可以洗澡吗", "zh")) == 1  # (a story before one ask stays one part)
    assert "timing" in aspects_of("血补丁啥时候做", "zh")
    f = framer.frame("硬膜外穿刺穿破硬脊膜 第二天体位性头疼 血补丁啥时候做 打多少血")
    assert "pdph" in f.concepts and len(f.parts) == 2, f
    # a cervical facet procedure in Chinese is the cervical spine and a facet procedure (its bleeding-risk class is read)
    assert {"cervical-spine", "facet-joint"} <= set(framer.frame("颈椎小关节内侧支射频 波立维要停吗").concepts)


def test_a_follow_up_moving_to_the_spine_drops_another_specialtys_procedure_from_its_context(framer):
    first = framer.frame("knee arthroscopy next week, pt on xarelto 20 - how many days to stop?")
    assert "arthroscopy" in first.out_of_scope
    f = framer.frame("ok what about for a lumbar epidrual then?", [first.original])
    assert "arthroscopy" not in f.all_concepts and "epidural-space" in f.concepts, f
    # a follow-up that stays with the knee keeps it
    g = framer.frame("and if she's on apixaban instead?", [first.original])
    assert "arthroscopy" in (*g.all_concepts, *g.out_of_scope), g


def test_the_risk_of_a_choice_asks_its_harms_and_what_risk_class_asks_the_class():
    assert aspects_of("what's the risk of using particulate steroid for a lumbar TFESI?", "en")[0] == "complications"
    assert aspects_of("腰椎经椎间孔硬膜外注射用颗粒型类固醇有什么风险？", "zh")[0] == "complications"
    assert aspects_of("what's the risk of infection after SCS?", "en")[0] == "frequency"  # (a named complication: how likely)
    assert aspects_of("颈椎射频属于什么风险级别？", "zh")[0] == "risk_factors"
    assert aspects_of("椎间盘内治疗属于什么出血风险？", "zh")[0] == "risk_factors"


def test_a_held_drug_asked_how_long_before_a_procedure_asks_its_hold(framer):
    assert framer.frame("anticoagulants before SCS - how long?").aspects[:1] == ("hold",)
    assert framer.frame("SCS植入前 利伐沙班 要多久").aspects[:1] == ("hold",)
    assert "hold" not in framer.frame("after an SCS on apixaban, how long do I monitor for a haematoma?").aspects


def test_an_epidural_for_another_specialtys_surgery_keeps_that_surgery_in_context(framer):
    first = "knee arthroscopy next week, pt on xarelto 20 - how many days to stop?"
    for q in ("and if the anaesthetist wants an epidural for the surgery?", "she also has lumbar stenosis, does that change it?"):
        f = framer.frame(q, [first])
        assert "arthroscopy" in (*f.all_concepts, *f.out_of_scope), q


def test_bleeding_class_and_harm_asks_in_chinese_and_named_complication_risks():
    assert aspects_of("TFESI是什么出血风险？", "zh")[0] == "risk_factors"
    assert aspects_of("what's the epidural haematoma risk of doing it on eliquis?", "en")[0] == "frequency"
    assert "prevention" not in aspects_of("what are the options for PDPH after a wet tap?", "en")
    assert "prevention" not in aspects_of("what options for pain relief after SCS implant?", "en")


def test_the_form_of_the_local_anaesthetic_is_read_beside_the_asked_drug_only():
    from assistant.worked import Asked, per_kg, told_variant
    lido = ("lidocaine", "利多卡因")
    assert told_variant("max lidocaine for a patient with epilepsy, 60kg?", lido) == ""
    assert told_variant("60 kg, max lidocaine with epidural?", lido) == ""
    assert told_variant("没加肾上腺素的利多卡因最多多少 60公斤", lido) == "plain"
    assert told_variant("lidocaine for skin, bupivacaine with epi for the block, 60kg, max lidocaine?", lido) == ""
    assert told_variant("max lidocaine with or without epi?", lido) == ""
    assert told_variant("没有加肾上腺素的利多卡因最多多少", lido) == "plain" and told_variant("利多卡因不要加肾上腺素 最多用多少", lido) == "plain"
    # a figure of no form told ("others 4.5 mg/kg") may be either: every figure is shown
    s = "For plain lidocaine some references give 3 mg/kg and others 4.5 mg/kg, and for lidocaine with epinephrine 6 mg/kg vs 7 mg/kg."
    assert per_kg(s, 60, "en", asked=Asked(("lidocaine",), ("bupivacaine",), ceiling=True, variant="plain")).count("→") == 4
    # the next drug's form is not this figure's ("lidocaine 3 mg/kg and lidocaine with epinephrine 6 mg/kg")
    two = "Thresholds are lidocaine 3 mg/kg and lidocaine with epinephrine 6 mg/kg and bupivacaine 2 mg/kg."
    assert per_kg(two, 60, "en", asked=Asked(("lidocaine",), ("bupivacaine",), ceiling=True, variant="plain")) == "lidocaine: 3 mg/kg → 180 mg"


def test_a_when_clause_that_asks_nothing_is_part_of_the_ask_after_it():
    assert len(split_parts("ok so we cancel. when she does get it done, when can she restart eliquis after?", "en")) == 1
    assert len(split_parts("how much blood do I inject, and when should I do the patch?", "en")) == 2
    assert len(split_parts("if platelets are 60 can I do the TFESI, what about an ILESI", "en")) == 2


def test_sensory_and_motor_testing_in_chinese_is_stimulation_testing(framer):
    assert "rf-stimulation-check" in framer.frame("頸椎射頻消融 術前要做感覺運動測試嗎").concepts


def test_a_later_generic_ask_keeps_the_spinal_region_of_the_one_before(framer):
    f = framer.frame("腰椎内侧支射频前要做几次诊断性阻滞 阳性标准多少")
    assert len(f.parts) == 2 and "lumbar-spine" in f.parts[1].inherited, f.parts
    g = framer.frame("lumbar medial branch RFA: how many diagnostic blocks first? what % relief cutoff?")
    assert "lumbar-spine" in g.parts[1].inherited, g.parts


def test_a_suspicion_told_before_the_ask_is_part_of_it():
    assert len(split_parts("suspected pocket fill with IT morphine, how long should we monitor her?", "en")) == 1
    assert len(split_parts("how is a pocket fill recognised, and how long should we monitor her?", "en")) == 2


def test_a_headache_told_with_its_posture_is_the_dural_puncture_headache_and_a_posture_alone_is_not(framer):
    assert "pdph" in framer.frame("头痛 坐起来加重 躺下好 怎么处理").concepts
    assert "pdph" in framer.frame("硬模外注射后第2天头痛 坐起来加重 躺下好 怎么处理").parts[0].concepts
    for q in ("腰椎TFESI后第二天腿痛起床加重 怎么办", "骶髂关节痛 站起来加重 躺下好"):
        assert "pdph" not in framer.frame(q).concepts, q


def test_a_chinese_procedure_name_inside_a_longer_one_the_turn_before_is_its_short_form(framer):
    f = framer.frame("造影后3周 腰痛越来越重 夜里痛醒 低热 考虑啥 查什么", ["椎间盘造影 需要预防抗生素吗 怎么给"])
    assert "discography" in f.concepts and "contrast-injection" not in f.concepts, f.concepts
    g = framer.frame("造影后3周 腰痛越来越重", ["TFESI 前要不要做造影"])
    assert "discography" not in g.concepts
    h = framer.frame("射频后皮肤麻木正常吗", ["脉冲射频治疗带状疱疹后神经痛安全吗"])
    assert "pulsed-radiofrequency" in h.concepts, h.concepts
    assert "pulsed-radiofrequency" not in framer.frame("射频后皮肤麻木正常吗").concepts
    # (a longer name this turn is its own: 造影剂 is the contrast medium after a discography turn too)
    assert "discography" not in framer.frame("造影剂过敏怎么办", ["椎间盘造影 需要预防抗生素吗"]).concepts


def test_options_after_a_told_complication_ask_how_to_treat_it_and_a_headache_day_is_no_daily_dose(framer):
    assert aspects_of("28F positional HA day 2 after L5-S1 ILESI, wet tap w 18G tuohy. options?", "en") == ("action",)
    assert aspects_of("options for TFESI in a contrast allergic pt?", "en")[0] == "prevention"
    assert "dose" in aspects_of("how many mg a day of celecoxib?", "en")
    f = framer.frame("SCS 植入后两周 IPG 囊袋红肿、渗液，要不要取出？")
    assert "surgical-site-infection" in f.concepts, f.concepts
    assert "surgical-site-infection" in framer.frame("IPG pocket red and draining 2 wks after SCS implant, explant?").concepts


def test_pus_in_a_wound_and_asking_whether_to_take_the_device_out_are_read(framer):
    f = framer.frame("DRG stimulator 术后一周伤口红肿有脓，要取出吗")
    assert {"surgical-site-infection", "explantation"} <= set(f.concepts), f.concepts


def test_epinephrine_added_to_the_local_anaesthetic_asked_before_is_its_form_not_a_drug_of_its_own(framer):
    f = framer.frame("利多卡因最大剂量多少？加肾上腺素能到多少")
    assert len(f.parts) == 1 and "lidocaine" in f.parts[0].concepts and "epinephrine" not in f.parts[0].concepts
    g = framer.frame("肾上腺素过敏性休克给多少？加多少液体")  # epinephrine itself asked: its own part stays
    assert "epinephrine" in g.parts[0].concepts


def test_clinicians_spellings_of_a_strength_a_brand_and_a_labouring_patient(framer):
    lipid = framer.frame("LAST 时 lipid 20% bolus 给多少")
    assert "lipid-emulsion" in lipid.concepts and "frequency" not in lipid.aspects  # "20%" is a strength, not a rate asked
    assert "ropivacaine" in framer.frame("and naropin? pt is 55 kg", ["max dose of marcaine plain in mg/kg?"]).concepts
    assert "ropivacaine" in framer.frame("耐乐品最大剂量多少").concepts
    assert "dexamethasone" in framer.frame("cervical TFESI - depo-medrol or decadron? particulate risk?").concepts
    assert "labour-epidural" in framer.frame("laboring pt w/ epidural - what bupivacaine concentration for the infusion?").out_of_scope
    assert "explantation" in framer.frame("如果只是電池囊袋表淺感染 要整組拿掉嗎", ["脊髓刺激器植入後 感染率大概多少？"]).concepts


def test_a_chinese_comparison_by_which_is_higher_and_the_leads_by_their_chinese_name(framer):
    f = framer.frame("DRG stimulation 和传统 SCS 比，导线移位率哪个高？")
    assert "comparison" in f.aspects and "lead-migration" in f.concepts


def test_epinephrine_asked_in_an_emergency_keeps_its_own_part(framer):
    f = framer.frame("病人刚推了20ml布比卡因，现在心脏骤停了怎么办？加肾上腺素用多少")
    assert len(f.parts) == 2 and "epinephrine" in f.parts[1].concepts


def test_a_short_name_set_apart_or_beside_the_longer_one_keeps_its_own_meaning(framer):
    before = ["脉冲射频治疗带状疱疹后神经痛安全吗"]
    assert {"radiofrequency-ablation", "pulsed-radiofrequency"} <= set(framer.frame("射频和脉冲射频有什么区别", before).concepts)
    assert "pulsed-radiofrequency" not in framer.frame("那普通射频呢", before).concepts
    parted = framer.frame("造影后3周 腰痛越来越重 低热 考虑啥 查什么", ["椎间盘造影 需要预防抗生素吗 怎么给"])
    assert "discography" in parted.parts[0].concepts  # the parts read the short form too


def test_a_rate_asked_with_a_percentage_is_still_a_rate(framer):
    assert "frequency" in aspects_of("after SCS implant, infection in 5%? or less?", "en")
    assert "frequency" in aspects_of("does 1% of TFESIs cause a hematoma?", "en")
    assert "frequency" not in aspects_of("lidocaine 1% how much max?", "en")


def test_risks_in_the_plural_ask_the_harms_and_an_si_inj_is_the_sacroiliac_joint(framer):
    assert aspects_of("what are the risks?", "en") == ("complications",)
    assert aspects_of("kyphoplasty risks?", "en") == ("complications",)
    assert aspects_of("risk factors for PDPH?", "en") == ("risk_factors",)
    assert "complications" in framer.frame("consenting 80yo F for L1 kyphoplasty, osteoporotic fx. what do i tell her re risks").aspects
    assert "sacroiliac-joint-injection" in framer.frame("pt is 10 wks pregnant and needs an SI inj, what then").concepts


def test_a_blocks_diagnostic_value_is_its_selection_ask_and_an_injection_volume_is_a_dose(framer):
    f = framer.frame("腰椎小关结内注射和内侧支阻滞哪个诊断价值更高？注射量多少合适")
    assert "indication" in f.parts[0].concepts and f.parts[1].aspects == ("dose",)


def test_a_homophone_slip_counts_every_reading_of_a_character(lexicon):
    # 椎 reads zhui as well as chui: 锥体成形术 (a common slip) is the vertebroplasty, and its emergency is ours
    assert ("vertebroplasty", "homophone") in {(m.concept, m.how) for m in lexicon.match("锥体成形术中病人突然血氧掉到85 胸闷气促")}
    assert "last" in {m.concept for m in lexicon.match("局麻要中毒了怎么抢救？")}
    assert "vertebroplasty" in {m.concept for m in lexicon.match("病人在吃艾乐妥，要做腰椎锥体成形")}  # a procedure's 4-character name
    # a rare reading of the typed character never counts, nor a slip onto a word that turns the meaning
    for text in ("病人意识还清楚，血压还稳定，下一步怎么办", "阿哌沙班还需要停药吗？", "腰椎TFESI的出血风险属于哪一类？",
                 "患者的血压180/100", "腰椎注射后血肿怎么办", "这些局麻药中都含肾上腺素吗", "炎性疼痛能做硬膜外注射吗"):
        assert not [m for m in lexicon.match(text) if m.how == "homophone"], text


def test_a_procedure_swapped_in_with_instead_of_keeps_the_drug_and_drops_the_old_procedure(framer):
    f = framer.frame("and what if it's an SCS trial instead of the TFESI?",
                     ["Pt on Xarelto 20mg od for AF, booked for lumbar TFESI L5-S1. do I need to hold it?"])
    assert "rivaroxaban" in f.concepts and "scs-trial" in f.concepts and "transforaminal-esi" not in f.concepts
    assert f.aspects == ("hold",) and not f.unknown
    for text in ("could we do an SCS trial instead of the lumbar TFESI?", "instead of the TFESI, could we do an SCS trial?"):
        g = framer.frame(text, ["Pt on Xarelto 20mg od for AF, booked for lumbar TFESI L5-S1. do I need to hold it?"])
        assert "transforaminal-esi" not in g.concepts and "rivaroxaban" in g.all_concepts and g.aspects == ("hold",), text
    # a why or a choice keeps both sides; a drug switched in the patient's history is no swap of the turn before
    assert "triamcinolone" in framer.frame("why choose dexamethasone rather than triamcinolone for a cervical TFESI?").concepts
    assert not framer.frame("病人上个月从华法林换成阿哌沙班，下周做SCS植入，INR还要查吗？", ["颈椎TFESI 要注意什么"]).followup
    assert "tumour-ablation" in framer.frame("risk of atrio-oesophageal fistula after RF ablation for AF?").out_of_scope


def test_the_diagnostic_value_of_a_scan_is_no_block_selection_ask_and_a_volume_told_asks_no_dose(framer):
    assert "indication" not in framer.frame("what is the diagnostic value of MRI after a PVP with new leg numbness?").all_concepts
    assert "dose" not in aspects_of("利多卡因注射量5ml后病人口周发麻、耳鸣，怎么办", "zh")
    assert "complications" not in aspects_of("which procedures are high bleeding risks?", "en")


def test_a_drug_swapped_in_by_a_follow_up_is_the_one_its_later_part_asks_about(framer):
    f = framer.frame("那低分子肝素呢？需要停多久？", ["华法林患者做腰椎经椎间孔硬膜外注射，术前INR需要低于多少？"])
    assert all("warfarin" not in p.inherited for p in f.parts) and "lmwh" in f.parts[1].inherited


def test_mri_with_an_implanted_stimulator_is_the_uncovered_device_labelling_topic(framer):
    f = framer.frame("patient wants to know if he can still have MRI scans after SCS implant - how should I counsel him?")
    assert "implant-mri-conditions" in f.out_of_scope


def test_and_if_with_the_patients_numbers_asks_the_drug_before_again(framer):
    f = framer.frame("and if she's 50 kg with CKD?", ["max ropivacaine for a lumbar MBB, pt 80kg?"])
    assert "ropivacaine" in f.concepts, f.concepts
    # (a picture going on, "and if she's still unstable?", is no patient's numbers: the ask before goes on as it was)
    assert "lipid-emulsion" not in framer.frame("and if shes still unstable after 5 min?", ["intralipid dose for LAST?"]).concepts


def test_an_either_or_with_the_same_preposition_is_a_comparison_and_drg_beside_scs_is_the_stimulator(framer):
    f = framer.frame("Is lead migration more common with DRG stimulation or with conventional SCS?")
    assert {"frequency", "comparison"} <= set(f.aspects)
    assert "comparison" in framer.frame("DRG vs SCS: which has higher infection rate?").aspects
    assert "drg-stimulation" in framer.frame("DRG vs SCS: which has higher infection rate?").concepts
    # (a choice of intervals is no comparison; the ganglion alone stays the ganglion)
    assert "comparison" not in framer.frame("hold apixaban for 3 or 5 days before a TFESI?").aspects
    assert "drg-stimulation" not in framer.frame("pulsed RF of the DRG for zoster pain - any risks?").concepts


def test_a_breastfeeding_mother_or_a_child_is_answered_only_by_a_passage_on_them_with_the_procedure():
    kinds = {"breastfeeding": "condition", "esi": "procedure", "dexamethasone": "drug", "caffeine": "drug", "pdph": "complication"}
    part = Part("q", ("breastfeeding", "esi", "dexamethasone"), ("hold",))
    q = _q(concepts=part.concepts, subjects=("esi", "dexamethasone"), parts=(part,))
    steroid_choice = [frozenset({"esi", "dexamethasone"})] * 6 + [frozenset({"breastfeeding", "caffeine", "pdph"})]
    told = judge(q, steroid_choice, 0.7, 0.46, kinds, {})
    assert told.kind == "not_in_kb" and "breastfeeding" in told.missing
    # the caffeine dose while breastfeeding answers her headache question
    caffeine = Part("q", ("breastfeeding", "caffeine"), ("dose",))
    q2 = _q(concepts=caffeine.concepts, subjects=("caffeine",), parts=(caffeine,))
    pdph = [frozenset({"pdph"}), frozenset({"breastfeeding", "caffeine", "pdph"})]
    assert judge(q2, pdph, 0.7, 0.46, kinds, {}).kind == "answered"


def test_kids_and_teenagers_are_children(framer):
    assert "paediatric" in framer.frame("15 yo teenager with CRPS, stellate ganglion block safe?").concepts
    assert "paediatric" in framer.frame("12岁孩子CRPS 能做腰交感神经阻滞吗").concepts


def test_a_comparison_with_no_figure_leads_with_the_sentence_weighing_both_before_a_rate_of_neither(framer):
    f = framer.frame("SCS lead migration rate perc vs paddle leads?")
    assert {"percutaneous-lead", "paddle-lead"} <= set(f.concepts) and "comparison" in f.aspects
    part = f.parts[0]
    q = _q(concepts=f.concepts, subjects=f.subjects, aspects=f.aspects, parts=f.parts)
    sig = Signals(kinds={"percutaneous-lead": "equipment", "paddle-lead": "equipment", "lead-migration": "complication"},
                  parents={"percutaneous-lead": frozenset({"scs-lead"}), "paddle-lead": frozenset({"scs-lead"})})
    sents = [
        _sent("Lead migration after SCS is less frequent with paddle electrodes than with percutaneous leads.", "Risk factors",
              {"lead-migration", "paddle-lead", "percutaneous-lead"}),
        _sent("A 2023 review puts the overall SCS complication rate at 31.9–43%, with lead migration the most common event.",
              "Complications and frequency", {"lead-migration"}),
    ]
    assert part.concepts and "less frequent with paddle" in select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence.text


def test_a_plus_sign_between_two_asks_parts_them(framer):
    assert len(framer.frame("infection rate for SCS implant overall + what abx prophylaxis do ppl use").parts) == 2


def test_a_length_of_time_told_in_words_answers_how_long_until_it_shows(framer):
    from assistant.compose import Bullet, lacks_asked_span
    part = framer.frame("硬模外脓肿早期表现有哪些 ESI后一般多久出现").parts[0]
    told = _sent("硬膜外类固醇注射后的脊髓硬膜外脓肿常在数日后出现，表现为背痛、发热和逐渐进展的神经功能缺损。", "Recognition and management",
                 {"epidural-abscess"})
    silent = _sent("硬膜外脓肿应行钆增强MRI检查，并给予抗生素治疗，必要时引流。", "Recognition and management", {"epidural-abscess"})
    assert lacks_asked_span(part, [Bullet(silent, 0, 1.0, "fact")])
    assert not lacks_asked_span(part, [Bullet(told, 0, 1.0, "fact")])


def test_how_a_source_was_read_is_no_bullet_unless_the_evidence_is_asked():
    note = "Only the abstract of the Rathmell 2015 consensus was read; its recommendations were recorded from memory."
    fact = "Fluoroscopy with contrast to confirm needle position is the standard for epidural steroid injection."
    for aspects, shown in ((("prevention",), False), (("evidence",), True)):
        part = Part("q", ("esi",), aspects)
        q = _q(concepts=("esi",), subjects=("esi",), aspects=aspects, parts=(part,))
        sents = [_sent(fact, "Prevention", {"esi"}), _sent(note, "Evidence notes", {"esi"})]
        texts = [b.sentence.text for b in select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), Signals(kinds={"esi": "procedure"}))]
        assert (note in texts) is shown, texts


def test_a_figure_at_another_spinal_region_is_another_procedures_for_a_procedure_done_at_one():
    from assistant.compose import other_procedure
    part = Part("how long does the numbness last after TON RFA", ("numbness", "third-occipital-neurotomy"), ("timing",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    sig = Signals(kinds={"third-occipital-neurotomy": "procedure", "radiofrequency-ablation": "procedure", "numbness": "finding"},
                  parents={"third-occipital-neurotomy": frozenset({"radiofrequency-ablation"})},
                  related={"third-occipital-neurotomy": frozenset({"cervical-spine", "third-occipital-nerve"})})
    lumbar = _sent("In the Kornick lumbar series, neuritic pain lasted less than 2 weeks.", "Recognition and management",
                   {"lumbar-spine", "post-ablation-neuritis", "radiofrequency-ablation"})
    cervical = _sent("Cervical facet RFA can cause numbness and transient imbalance.", "Complications and frequency",
                     {"cervical-spine", "radiofrequency-ablation", "numbness"})
    assert other_procedure(lumbar, part, q, sig) and not other_procedure(cervical, part, q, sig)


def test_epinephrine_added_to_the_local_is_the_local_anaesthetics_form_asked_as_a_precaution(framer):
    part = framer.frame("What are the early warning signs of LAST, and does adding epinephrine to the local help?").parts[1]
    assert "local-anaesthetic" in part.concepts and part.aspects == ("prevention",)
    assert "prevention" not in framer.frame("cardiac arrest from LAST - how much epinephrine do I give?").aspects


def test_risks_to_quote_at_consent_ask_their_figures_and_a_comparison_after_the_question_mark_is_its_own_ask(framer):
    f = framer.frame("what risks do i quote for cervical interlaminar ESI consent? particulate vs non-particulate steroid")
    assert len(f.parts) == 2 and f.parts[0].aspects == ("complications", "frequency") and "comparison" in f.parts[1].aspects
    pump = framer.frame("鞘内药物输注泵植入知情同意，需要告知患者哪些主要风险？")
    assert pump.parts[0].aspects == ("complications", "frequency")
    # (what a consent discussion should cover, asked as such, is no frequency ask)
    assert "frequency" not in framer.frame("what should the informed consent for an ESI include?").aspects


def test_which_ones_carry_a_higher_risk_asks_the_risk_factors(framer):
    assert framer.frame("鞘内导管尖端肉芽肿 有啥预警表现 哪些药风险高").parts[1].aspects == ("risk_factors",)


def test_a_sacral_lateral_branch_block_is_not_the_lateral_branch_rf(framer):
    assert framer.frame("SI joint RFA common complications?").concepts == ("lateral-branch-rf",)
    assert "lateral-branch-block" in framer.frame("sacral lateral branch blocks before RF - false positive rate?").concepts


def test_asked_how_often_a_count_from_the_asked_section_leads_before_a_conditions_prevalence():
    part = Part("SI joint RFA complications? how often?", ("lateral-branch-rf",), ("complications", "frequency"))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,))
    sig = Signals(kinds={"lateral-branch-rf": "procedure", "neuritis": "complication"})
    sents = [
        _sent("Diagnostic blocks attribute 10–38% of back pain to the sacroiliac joint in lateral branch RF candidates.", "Overview",
              {"lateral-branch-rf"}),
        _sent("After cooled lateral branch RF, transient neuropathic pain occurred at 0.7% per lesion and 9.4% per patient.",
              "Complications and frequency", {"lateral-branch-rf", "neuritis"}, rank=3),
    ]
    assert "0.7% per lesion" in select(sents, q, "en", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence.text


def test_after_the_injection_another_shot_of_the_anticoagulant_is_its_restart(framer):
    part = framer.frame("克赛40mg qd预防量，硬膜外注射前最后一针要隔多久？打完多久能再打").parts[1]
    assert "repeat-injection-limit" not in part.concepts and "enoxaparin" in part.concepts + part.inherited


def test_a_clearance_told_normal_in_words_is_no_renal_impairment(framer):
    from assistant.patient_numbers import without_normal_renal
    q = framer.frame("泰毕全110 bid，肌酐清除率正常，SCS植入前停几天")
    assert "crcl" in q.concepts and "crcl" not in without_normal_renal(q).concepts
    assert "crcl" in without_normal_renal(framer.frame("Pradaxa, CrCl 25, SCS implant - stop how many days?")).concepts


def test_a_fingerstick_glucose_is_blood_glucose(framer):
    f = framer.frame("should i cancel if fingerstick BG 300 morning of?")
    assert "blood-glucose" in f.concepts and not f.unknown


def test_compared_with_ending_in_ne_is_a_chinese_comparison(framer):
    f = framer.frame("DRG刺激 电极移位发生率高不高，跟传统SCS比呢？怎么预防")
    assert "comparison" in f.parts[0].aspects and f.parts[1].aspects == ("prevention",)


def test_a_measure_asked_after_a_procedure_is_that_procedures_so_another_procedures_regimen_is_a_rival():
    from assistant.compose import other_procedure
    part = Part("围术期抗生素怎么用", ("antibiotic-prophylaxis",), ("dose",), ("spinal-cord-stimulation", "infection"))
    q = _q(concepts=("spinal-cord-stimulation", "infection", "antibiotic-prophylaxis"), subjects=("spinal-cord-stimulation",),
           parts=(Part("SCS术后感染率大概多少？", ("spinal-cord-stimulation", "infection"), ("frequency",)), part))
    sig = Signals(kinds={"antibiotic-prophylaxis": "procedure", "spinal-cord-stimulation": "procedure", "discography": "procedure",
                         "infection": "complication"}, adjuncts=frozenset({"antibiotic-prophylaxis"}))
    disc = _sent("椎间盘造影静脉预防性抗生素应在穿刺前约30分钟给药。", "Prevention", {"antibiotic-prophylaxis", "discography"})
    scs = _sent("SCS测试和植入都应在切皮前1 h内按体重给予预防性抗生素。", "Prevention", {"antibiotic-prophylaxis", "spinal-cord-stimulation"})
    assert other_procedure(disc, part, q, sig) and not other_procedure(scs, part, q, sig)


def test_cement_leaked_into_the_lungs_is_a_pulmonary_cement_embolism_and_early_or_conservative_asks_when(framer):
    assert framer.frame("骨水泥漏到肺里一般会有症状吗？").concepts == ("pulmonary-cement-embolism",)
    assert "timing" in framer.frame("PDPH 的 EBP 是早做还是先保守？").aspects


def test_asked_whether_it_gives_symptoms_the_sentence_saying_most_are_silent_leads():
    part = Part("骨水泥漏到肺里一般会有症状吗？", ("pulmonary-cement-embolism",), ("recognition",))
    q = _q(concepts=part.concepts, subjects=part.concepts, aspects=part.aspects, parts=(part,), lang="zh")
    sig = Signals(kinds={"pulmonary-cement-embolism": "complication"})
    sents = [
        _sent("疑似肺骨水泥栓塞主要依靠影像学确诊，并评估心肺功能状态。", "Recognition and management", {"pulmonary-cement-embolism"}),
        _sent("无症状外周型骨水泥栓子密切随访；有症状中央型考虑取栓。", "Recognition and management", {"pulmonary-cement-embolism"}),
        _sent("大多数肺骨水泥栓塞无症状或为一过性，但严重者可致命。", "Complications and frequency", {"pulmonary-cement-embolism"}, rank=4),
    ]
    assert select(sents, q, "zh", lambda t: 1.0, {}, 5, (True,), sig)[0].sentence.text.startswith("大多数")


def test_which_one_is_good_compares_and_cold_rf_is_cooled_rf(framer):
    f = framer.frame("冷射频和传统射频哪个好")
    assert "comparison" in f.aspects and {"cooled-radiofrequency", "radiofrequency-ablation"} <= set(f.concepts)


def test_how_early_asks_when_and_a_good_candidate_asks_the_patient_selection(framer):
    f = framer.frame("acute osteoporotic VCF, how early can I do vertebroplasty? who is a good candidate")
    assert f.parts[0].aspects[0] == "timing" and f.parts[1].concepts == ("patient-selection",)


def test_a_parturients_rule_is_a_rival_only_for_a_figure_not_for_how_a_headache_is_treated():
    from assistant.compose import other_procedure
    s = _sent("In parturients, conservative treatment of PDPH is paracetamol, caffeine and fluids.",
              "Recognition and management", {"pdph"})
    treat = Part("how do I treat the headache?", ("pdph",), ("action",))
    hold = Part("how long to hold enoxaparin?", ("enoxaparin",), ("hold",))
    assert not other_procedure(s, treat, _q(concepts=("pdph",), parts=(treat,)), Signals(kinds={"pdph": "complication"}))
    assert other_procedure(s, hold, _q(concepts=("enoxaparin",), parts=(hold,)), Signals(kinds={"enoxaparin": "drug"}))


def test_a_chinese_term_starting_inside_a_shorter_one_still_competes(framer):
    f = framer.frame("SCS 测试期一般几天？成功标准是疼痛缓解多少")
    assert f.parts[0].concepts == ("scs-trial", "trial-duration")  # (the trial kept on its free characters)
    # (a term wholly inside a longer one found first keeps the old reading: no concept lost)
    assert {"thoracic-procedure", "medial-branch-block"} <= set(framer.frame("胸椎小关节脊神经后支内侧支阻滞会引起气胸吗？").concepts)
    assert "stellate-ganglion-block" in framer.frame("同次双侧星状神经节阻滞可以吗").concepts
    assert "intermediate-bleeding-risk-procedure" in framer.frame("药泵更换属于中出血风险类别吗？").concepts
    assert "indication" in framer.frame("腰椎小关节RFA之前要做几次诊断性内侧支阻滞？").concepts


def test_may_he_be_scanned_after_turns_about_his_stimulator_is_the_device_labelling(framer):
    before = ["SCS 测试期一般几天？成功标准是疼痛缓解多少", "植入后电极移位发生率多高？出院要交代病人什么"]
    assert "implant-mri-conditions" in framer.frame("病人以后还能做MRI吗", before).out_of_scope
    assert "implant-mri-conditions" not in framer.frame("病人以后还能做MRI吗", ["腰椎TFESI后多久能洗澡"]).out_of_scope


def test_a_normal_clearance_told_in_words_drops_the_renal_reading_but_a_value_or_a_question_keeps_it(framer):
    from assistant.patient_numbers import without_normal_renal
    for told in ("病人吃利伐沙班20mg qd，明天做腰椎层间硬膜外注射，啥时候停？肌酐正常", "泰毕全110 bid，肌酐清除率正常，SCS植入前停几天"):
        assert "crcl" not in without_normal_renal(framer.frame(told)).concepts, told
    for told in ("dabigatran, normal CrCl 65, SCS trial, hold how long", "泰毕全，肌酐清除率还正常吗？SCS植入前停几天",
                 "dabigatran 150 bid, is her CrCl normal? SCS trial next week", "85yo 45kg on dabigatran, creatinine normal, SCS trial"):
        q = framer.frame(told)
        assert "crcl" in q.concepts and "crcl" in without_normal_renal(q).concepts, told


def test_a_child_is_the_patient_only_when_told_so():
    from assistant.judge import _populations
    assert _populations(_q(text="12岁孩子CRPS 能做腰交感神经阻滞吗", concepts=("paediatric", "crps"))) == ["paediatric"]
    assert _populations(_q(text="Mother of two kids, on apixaban, lumbar TFESI next week", concepts=("paediatric", "apixaban"))) == []
    assert _populations(_q(text="Mother of two kids, back pain for 5 years, TFESI?", concepts=("paediatric",))) == []
    assert _populations(_q(text="她孩子才3岁，哺乳期，做ESI后能喂奶吗", concepts=("paediatric", "breastfeeding"))) == ["breastfeeding"]


def test_review_fixes_comparisons_read_only_their_words_and_a_second_shot_of_the_procedure_is_its_repeat(framer):
    cryo = framer.frame("Is infection more common with cryoneurolysis or with RF?")
    assert "comparison" in cryo.aspects and "cryoneurolysis" in cryo.unknown  # (the sides stay readable)
    assert "comparison" not in framer.frame("hold apixaban for 3 days or for 5 days before a TFESI?").aspects
    assert "comparison" in framer.frame("DRG和SCS哪种电极移位风险更高？").aspects
    assert "drg-stimulation" not in framer.frame("pulsed RF of the DRG vs SCS for PHN – which has fewer complications?").concepts
    assert "repeat-injection-limit" in framer.frame("吃着阿司匹林要停吗？硬膜外打完多久能再打一次？").parts[1].concepts
    assert len(framer.frame("Max dose of bupi? 0.5% or 0.25%?").parts) == 1
    assert "lipid-emulsion" not in framer.frame("on a statin for high lipids - hold it before the RFA?").concepts


def test_a_sentence_naming_the_asked_procedure_is_never_another_regions():
    from assistant.compose import _other_region
    sig = Signals(kinds={"caudal-esi": "procedure"}, related={"caudal-esi": frozenset({"sacrum"})})
    own_sentence = _sent("Caudal ESI is used for lumbar stenosis when the interlaminar route is hard.", "Overview",
                         {"caudal-esi", "lumbar-spine"})
    other = _sent("In lumbar facet RFA, neuritis lasted under 2 weeks.", "Complications and frequency", {"lumbar-spine"})
    assert not _other_region(own_sentence, ["caudal-esi"], sig) and _other_region(other, ["caudal-esi"], sig)


def test_cutting_my_own_fluoro_dose_asks_radiation_prevention_not_a_drug_dose(framer):
    f = framer.frame("tips to cut my own fluoro dose doing RF cases")
    assert "radiation-exposure" in f.concepts and f.aspects == ("prevention",)


def test_anaphylaxis_to_a_contrast_brand_told_as_history_is_her_contrast_allergy(framer):
    assert "contrast-allergy" in framer.frame("hx anaphylaxis to omnipaque, needs L5-S1 TFESI. options?").concepts
    assert "contrast-allergy" not in framer.frame("anaphylaxis right now after the omnipaque went in - what do I do?").concepts


def test_review_two_fixes_in_the_frame(framer):
    before = ["SCS trial lead placed yesterday, now both legs weak and numb"]
    assert "implant-mri-conditions" not in framer.frame("is an urgent MRI safe for him?", before).out_of_scope
    assert framer.frame("克赛术前停多久？TFESI拔针后多久能再打？").parts[1].aspects == ("hold",)
    assert "risk_factors" in framer.frame("哪种情况下出血风险更高？").aspects
    assert "lipid-emulsion" in framer.frame("LAST after a bupivacaine SGB, 60 kg - what is the max lipid?").concepts
    assert "lipid-emulsion" not in framer.frame("on a statin for high lipids - hold it before the RFA?").concepts
    assert "contrast-allergy" not in framer.frame("TFESI中病人过敏性休克，以前用碘伏消毒都没事").concepts


def test_an_rf_ablation_for_an_arrhythmia_is_cardiologys_and_a_risks_question_is_no_emergency(framer):
    assert "tumour-ablation" in framer.frame("RF ablation for paroxysmal AF - what's the rate of pulmonary vein stenosis").out_of_scope
    assert "tumour-ablation" not in framer.frame("pt with AF on apixaban, lumbar RFA next week - hold?").concepts
    from assistant.safety import triage
    asked = "what about cervical RFA incl third occipital nerve, any specific risks? ataxia, numbness, dysaesthesia?"
    assert not triage(asked, "en", {"radiofrequency-ablation"}, "lumbar facet RFA complications - how common is neuritis. ").urgent


def test_failed_meds_in_the_history_is_no_escalation_asked(framer):
    f = framer.frame("pregnant 22 wks, severe L5 radiculopathy, failed meds - can I do TFESI under fluoro? or ultrasound alternative?")
    assert f.parts[0].aspects == ("contraindications",)
    assert "escalation" in framer.frame("LAST: lipid bolus given, failed - what next?").aspects


def test_a_hedge_on_part_of_the_list_before_it_is_never_quoted_alone(lexicon):
    first = "Pneumothorax is a recognised complication of thoracic paravertebral blocks and thoracic medial branch block."
    hedge = "Part of this list of pneumothorax-prone procedures is unverified and should be confirmed against the primary sources."
    sents = _sentences_by_text([first, hedge], ["A later paragraph about something else entirely."], "Complications and frequency", lexicon)
    assert hedge not in sents and any(t.startswith(first) and hedge in t for t in sents)


def test_a_bmi_of_thirty_or_more_is_obesity_not_low_body_weight(framer):
    f = framer.frame("BMI 48 pt for lumbar facet RFA, how do i keep fluoro dose down")
    assert "obesity" in f.concepts and "body-weight" not in f.concepts
    assert "body-weight" in framer.frame("BMI 17, frail, on apixaban - ILESI hold?").concepts


def test_a_weight_told_before_the_ask_is_no_ask_of_its_own(framer):
    f = framer.frame("ok she's 48 kg, how much blood for the patch and when?", ["wet tap with 18G Tuohy during L3-4 ILESI, what now"])
    assert not any(p.text.strip(" ,?") == "ok she's 48 kg" for p in f.parts), [p.text for p in f.parts]


def test_an_infection_treated_elsewhere_before_one_of_our_procedures_is_an_active_infection(framer):
    q = framer.frame("fever 38.1 and UTI on cipro day 2, SCS trial tomorrow - proceed?")
    assert "active-infection" in q.concepts and "general-infection-treatment" not in q.out_of_scope, q
    assert q.aspects[:1] == ("contraindications",), q.aspects
    assert framer.frame("amoxicillin dose for a UTI in a 70 kg adult?").out_of_scope  # (alone it is still another specialty's)


def test_keflex_is_cefalexin_not_a_reflex(framer):
    assert "cefalexin" in framer.frame("can I just give oral keflex and watch for a week?").concepts


def test_a_name_written_with_a_known_drug_in_brackets_is_that_drugs_name(framer):
    q = framer.frame("培达（西洛他唑）做颈椎硬膜外需要停吗？")
    assert "培达" not in q.unknown and {"cilostazol", "cervical-esi"} <= set(q.concepts), (q.unknown, q.concepts)
    assert "Pletaal" not in framer.frame("pt on cilostazol (Pletaal) for PAD, L4 TFESI - hold?").unknown
    assert "Zorbex" in framer.frame("pt on Zorbex for PAD, L4 TFESI - hold?").unknown  # (alone it is still unknown)


def test_how_long_a_stented_patient_stays_on_antiplatelets_is_cardiologys(framer):
    for question in ("冠脉支架术后多久可以停氯吡格雷？（心内科会诊问的）", "how long after a DES do we keep plavix before it can be stopped?"):
        assert "dapt-duration" in framer.frame(question).out_of_scope, question
    for question in ("stent 6 months ago on plavix, how long to hold before a lumbar TFESI?", "支架8个月，阿司匹林+波立维，要做腰椎ESI，能停吗？"):
        q = framer.frame(question)
        assert "dapt-duration" not in q.concepts and "coronary-stent" in q.concepts, question


def test_contrast_anaphylaxis_dated_after_it_is_the_history_to_plan_around(framer):
    q = framer.frame("true anaphylaxis to omnipaque last yr. needs cervical TFESI. options?")
    assert "contrast-allergy" in q.concepts and q.aspects[:1] == ("prevention",), (q.concepts, q.aspects)
    assert "contrast-allergy" not in framer.frame("anaphylaxis to omnipaque right now during a cervical TFESI").concepts


def test_a_held_class_asked_makes_another_classs_drug_a_rival():
    from assistant.compose import Signals, rival

    # (as the engine builds them: parents only for the question's concepts, every drug's classes in closure)
    sig = Signals(kinds={"heparin": "drug-class", "dabigatran": "drug", "enoxaparin": "drug", "lmwh": "drug-class"},
                  parents={"heparin": frozenset({"anticoagulant"})},
                  closure={"dabigatran": frozenset({"doac", "anticoagulant"}),
                                "enoxaparin": frozenset({"lmwh", "heparin", "anticoagulant"})})
    pradaxa = _sent("Pradaxa is held for 4-5 days, or 6 days when renal function is impaired.", "Prevention", {"dabigatran"})
    clexane = _sent("Enoxaparin is stopped 24 h before after a treatment dose.", "Prevention", {"enoxaparin"})
    assert rival(pradaxa, ["heparin", "vertebroplasty"], sig)  # (ESRD on dialysis heparin had led with Pradaxa)
    assert not rival(clexane, ["heparin", "vertebroplasty"], sig)


def test_zoster_as_an_indication_is_declined_but_a_zoster_patients_drug_hold_is_answered(engine):
    for question in ("带状疱疹后神经痛有哪些介入治疗？DRG脉冲射频效果怎么样", "带疱急性期做硬膜外或神经阻滞能预防PHN吗",
                     "does pulsed RF of the DRG work for postherpetic neuralgia?"):
        assert engine.answer(question).verdict == "out_of_scope", question
    assert engine.answer("PHN pt on Xarelto for a T6 intercostal block - hold?").verdict == "answered"


def test_a_part_about_another_specialtys_drug_alone_is_a_part_not_covered(engine):
    ans = engine.answer("lumbar TFESI tomorrow on Xarelto - how long to hold? and should she keep taking alendronate?")
    assert "Not covered in the knowledge base: should she keep taking alendronate" in ans.text, ans.text
    assert "3 days" in ans.bullets[0]["text"] and len({b["part"] for b in ans.bullets}) == 1, ans.text
    q = engine._frame("PVP术后出院交代，什么时候可以下地，要不要抗骨松治疗？", [])
    assert "osteoporosis-treatment" in q.parts[-1].concepts, q.parts


def test_review_cases_a_stented_patients_hold_before_our_procedure_keeps_the_stent(framer):
    for question in ("coronary stent pt on plavix, lumbar TFESI next week - how long do we keep him off plavix before it?",
                     "冠脉支架术后多久可以停氯吡格雷做腰椎ESI？"):
        q = framer.frame(question)
        assert "coronary-stent" in q.concepts and "dapt-duration" not in q.concepts and "dapt-duration" not in q.out_of_scope, question


def test_review_cases_a_bracket_with_more_than_the_drug_names_no_brand(framer):
    assert "Zontivity" in framer.frame("pt on Zontivity (aspirin too) for PAD, L4 TFESI - hold?").unknown


def test_review_cases_cellulitis_at_the_site_of_our_procedure_is_its_own_infection(framer):
    for question in ("IT pump pocket cellulitis 2 weeks post implant, T 38.2 - oral abx ok?", "腰椎硬膜外注射后3天 穿刺点周围蜂窝织炎 发热38.5"):
        assert "active-infection" not in framer.frame(question).concepts, question


def test_review_cases_a_failed_treatment_is_the_one_told_done(engine):
    ans = engine.answer("did 3 days of fluids and caffeine, still headache after that, what now?",
                        ["PDPH after wet tap - how long conservative management before a blood patch?"])
    assert not any("second epidural blood patch" in b["text"] for b in ans.bullets[:1]), ans.text


def test_review_cases_quoted_parts_keep_their_first_word():
    from assistant.answer import _short

    assert _short("那么术后多久可以洗澡？") == "术后多久可以洗澡" and _short("那个泵多久换电池？") == "那个泵多久换电池"
    assert _short("so-called wet tap, how long?").startswith("so-called") and _short("and how long?") == "how long"


def test_whether_to_go_ahead_with_a_reaction_in_the_history_asks_how_first():
    from assistant.frame import aspects_of

    assert aspects_of("有碘造影剂过敏史，还能做经椎间孔注射吗？", "zh")[:1] == ("prevention",)
    assert aspects_of("能做经椎间孔注射吗？", "zh")[:1] == ("contraindications",)


def test_review2_cases_frames(framer):
    assert "catheter-tip-granuloma" not in framer.frame("68 year old with IT pump implanted 2 weeks ago, now fever and leg weakness").concepts
    assert "dapt-duration" not in framer.frame("支架术后多久可以停波立维？下周要打个硬膜外").concepts
    assert "active-infection" not in framer.frame("amoxicillin dose for pneumonia next week?").concepts
    assert "培达" not in framer.frame("培达（西洛他唑 100mg）做颈椎硬膜外需要停吗？").unknown


def test_go_or_not_asks_whether_the_procedure_may_be_done():
    from assistant.frame import aspects_of
    for q, lang in (("L3-4 ILESI booked this aft. proceed or cancel?", "en"), ("INR 1.6 this morning - cancel?", "en"),
                    ("下午的腰椎硬膜外注射要取消吗", "zh"), ("明天的射频做还是不做", "zh")):
        assert aspects_of(q, lang)[:1] == ("contraindications",), q


def test_a_blood_pressure_told_in_the_hypertensive_range_is_hypertension(framer):
    for q in ("BP 190/105 in pre-op bay, for SI joint injection. do I cancel?", "PKP病人进手术室血压190/110，还做不做？",
              "bp 150/112 before the MBB"):
        assert "hypertension" in framer.frame(q).concepts, q
    for q in ("BP 70/40 after the block", "BP 130/80, ok for TFESI?", "血压90/60"):
        assert "hypertension" not in framer.frame(q).concepts, q


def test_a_threshold_asked_after_a_lab_value_is_of_that_value(framer):
    q = framer.frame("血小板 6万，颈椎 interlaminar ESI 能做吗？多少以上才安全")
    assert "platelet-count" in q.parts[1].inherited and q.parts[1].aspects[:1] == ("limit",), q.parts
    q = framer.frame("plts 62 this morning, booked for L5/S1 TFESI. ok to go ahead? what count do you need?")
    assert q.parts[0].aspects[:1] == ("contraindications",) and q.parts[1].aspects[:1] == ("limit",), q.parts


def test_what_a_step_of_the_technique_is_for_asks_its_safety_purpose():
    from assistant.frame import aspects_of
    assert aspects_of("操作时接延长管有什么用？", "zh")[:1] == ("prevention",)
    assert aspects_of("what's the point of the extension tubing?", "en")[:1] == ("prevention",)


def test_an_empiric_regimen_is_a_dose_ask_and_prophylaxis_or_a_hold_is_not():
    from assistant.compose import _ASKS_DOSE
    for q in ("what empiric abx should we start while waiting for cultures?", "SCS囊袋感染，经验性用什么抗生素？"):
        assert _ASKS_DOSE.search(q), q
    for q in ("SCS植入术前用什么抗生素预防？", "which antibiotics should I stop before the ILESI?"):
        assert not _ASKS_DOSE.search(q), q


def test_review_three_frames():
    from assistant.frame import _HIGH_PRESSURE, aspects_of
    for t in ("血压高达190/110", "BP up to 190/105", "pre-op BP reading 200/110"):
        assert _HIGH_PRESSURE.search(t), t
    assert aspects_of("PVP术后腰痛加重，MRI做不做？", "zh")[:1] != ("contraindications",)  # (a scan, not the procedure)
    assert aspects_of("what should I check before starting a vertebroplasty?", "en")[:1] != ("recognition",)


def test_review_three_lexicon_names(framer):
    assert "cement-leakage" not in framer.frame("L1 vertebroplasty, cement tracking well into the anterior body, no leak").concepts
    assert "pregnancy" not in framer.frame("72岁女性，停经20年，透视下骶髂关节注射要注意什么").concepts
    assert "hypertension" not in framer.frame("procedural hypertension rate after TFESI?").concepts


def test_review_four_frames(framer):
    from assistant.frame import aspects_of
    assert "pregnancy" in framer.frame("28岁女性，停经6周，明天透视下做骶髂关节注射，要注意什么").concepts
    assert "pregnancy" in framer.frame("28F, LMP 7 weeks ago, hcg positive, fluoro-guided SIJ injection tomorrow").concepts
    assert "pregnancy" not in framer.frame("postmenopausal 70F, LMP 20 yrs ago, fluoro-guided SIJ injection tomorrow").concepts
    assert aspects_of("出院前要观察什么？", "zh")[:1] == ("recognition",)  # (before discharge is still after the procedure)
    assert aspects_of("PVP术后腰痛加重，核磁还做不做？", "zh")[:1] != ("contraindications",)
    assert "thrombocytopenia" in framer.frame("plts 62, lumbar ILESI today. ok to proceed? what count is safe?").parts[1].inherited or \
        "platelet-count" in framer.frame("plts 62, lumbar ILESI today. ok to proceed? what count is safe?").parts[1].inherited


def test_a_conditional_second_ask_after_a_question_is_a_part_of_its_own(framer):
    from assistant.frame import aspects_of, split_parts
    q = "she's flying to Beijing in 2 days, is that ok? and if the HA starts on the plane what should she do?"
    assert split_parts(q, "en") == ["she's flying to Beijing in 2 days, is that ok?", "and if the HA starts on the plane what should she do?"]
    assert aspects_of("what should she do?", "en")[:1] == ("action",)
    assert "headache" in framer.frame("HA worse sitting up since yesterday").concepts or \
        "pdph" in framer.frame("HA worse sitting up since yesterday").concepts


def test_whether_a_treatment_is_needed_for_a_complication_asks_what_to_do(framer):
    q = framer.frame("SCS trial 术后第1天，pt 诉 PDPH 样头痛，坐起加重，需要做 EBP 吗？打多少 ml？")
    assert q.parts[0].aspects[:1] == ("action",) and q.parts[1].aspects[:1] == ("dose",), q.parts
    assert framer.frame("wet tap yesterday, postural HA today, do we need a blood patch?").aspects[:1] == ("action",)
    assert framer.frame("需要做SCS测试吗？").aspects[:1] != ("action",)  # (no complication told: not a treatment ask)


def test_round_69_frames(framer):
    from assistant.frame import aspects_of
    # the last blood pressure told is the pressure now
    assert "hypertension" not in framer.frame("BP 172/104 this morning, rechecked 150/90, ok to do the RFA?").concepts
    assert "hypertension" in framer.frame("BP 150/90 this morning, rechecked 182/104, ok to do the RFA?").concepts
    assert "hypertension" in framer.frame("BP 180/110, pain 10/10, ok for TFESI?").concepts  # (a pain score is no reading)
    # a febrile reading before today's procedure is an active infection, and "Proceed?" after a full stop asks go or not
    q = framer.frame("SI joint injection today but pt says she's on day 2 of Macrobid for a UTI and temp in pre-op is 38.3 C. Proceed?")
    assert "active-infection" in q.concepts and q.aspects[:1] == ("contraindications",), (q.concepts, q.aspects)
    assert "active-infection" not in framer.frame("temp 38.3 two days after the SI joint injection").concepts
    # a prefixed word is no slip for its stem, and a choice of what to do with the needle asks what to do
    assert framer.frame("L5 TFESI, contrast shows vascular runoff. Reposition or abandon?").corrections == ()
    assert aspects_of("Reposition or abandon?", "en")[:1] == ("action",)
    assert aspects_of("wet tap during SCS trial lead placement. continue at another level or abort?", "en")[:1] == ("action",)
    assert aspects_of("穿破硬脊膜了，换个节段继续还是放弃？", "zh")[:1] == ("action",)
    # a headache told with its posture in plain words is the dural-puncture headache; a non-positional one is not
    assert "pdph" in framer.frame("2 days after L4-5 ILESI she has a headache that's terrible sitting up and gone lying flat. Mx?").concepts
    assert "pdph" not in framer.frame("how often was there transient non-positional headache after TFESI?").concepts
    # how long a patient is watched, in any words; after toxicity signs, the watch after toxicity
    q = framer.frame("pt had tinnitus and perioral tingling during the block, now resolved, how long should she be observed?")
    assert {"post-procedure-monitoring", "last"} <= set(q.concepts), q.concepts


def test_round_69_asks(framer):
    from assistant.frame import aspects_of
    # the radiation dose to cut is prevention, no drug dose; whether a preventive measure is needed asks prevention
    assert "dose" not in aspects_of("我们科做射频时C臂透视时间很长，怎么减少医生和病人的辐射剂量", "zh")
    # (whether it is needed at all is the evidence on it, then how it is given: review 6)
    assert framer.frame("discography - do I need antibiotic prophylaxis?").aspects[:2] == ("evidence", "prevention")


def test_consulting_the_device_team_is_a_step():
    from assistant.compose import _ACTION
    # ("那术中需要怎么处理起搏器？": the device team's advice is what to do, no "no management steps" note)
    assert _ACTION["zh"].search("对于植入心脏起搏器的患者，应咨询心脏装置团队，对方可能建议改用双极射频或对装置重新程控")


@pytest.mark.parametrize(("question", "concept", "present"), [
    # review 5: an afebrile or treated patient has no active infection ("can't" holds no temperature, nor "39 yo"); a
    # reading in range is hypertension unless a recheck says otherwise; a non-postural headache is no PDPH; a runny nose
    # and a pocket seroma are no CSF leak; "caudal to the pedicle" names no caudal ESI; dizziness is no toxicity sign
    ("can't lie prone for 40 min, SIJ injection today. proceed?", "active-infection", False),
    ("temp fine 39 yo female booked for SIJ injection today, ok to proceed?", "active-infection", False),
    ("体温正常 40岁 男性，今天做TFESI，需要注意什么？", "active-infection", False),
    ("pt afebrile, finished antibiotics for UTI last week, proceed with SIJ injection today?", "active-infection", False),
    ("temp 38.5 three days following her TFESI, seen in clinic today, what now?", "active-infection", False),
    ("PVP术前病人尿路感染，体温37.8，还做不做", "active-infection", True),
    ("T 38.6 this morning, booked for MBB today, proceed?", "active-infection", True),
    ("BP 186/112 in pre-op now, was 138/82 at his last clinic visit, ok to proceed with TFESI?", "hypertension", True),
    ("BP in pre-op is 192/118; his usual is 130/80. proceed with SCS trial?", "hypertension", True),
    ("TFESI后非体位性头痛的发生率是多少？", "pdph", False),
    ("headache after getting up this morning, 1 week after her TFESI, any concern?", "pdph", False),
    ("SCS trial pt phoned: exit site is leaking clear fluid and she gets a headache when upright. Day 3.", "pdph", True),
    ("病人流清水鼻涕、发烧，明天能做TFESI吗？", "csf-leak", False),
    ("IPG pocket has some clear drainage day 5 after implant, afebrile, what now?", "csf-leak", False),
    ("for L5 TFESI, should the needle tip be caudal to the pedicle?", "caudal-esi", False),
    ("how long should the patient stay in recovery after a cervical TFESI with dizziness?", "last", False),
    ("how long should apixaban be kept off before an SCS trial?", "post-procedure-monitoring", False),
])
def test_review_five_frames(framer, question, concept, present):
    assert (concept in framer.frame(question).concepts) is present, framer.frame(question).concepts


@pytest.mark.parametrize(("question", "lang", "action"), [
    # review 5: a choice of what to do with the needle asks what to do; how often a case is abandoned, an abortion or a
    # dose at another level do not
    ("Should I go up a level or stop?", "en", True),
    ("ILESI穿破硬脊膜了，换一个间隙还是停止？", "zh", True),
    ("how often is a TFESI abandoned because of vascular flow?", "en", False),
    ("what percentage of lumbar TFESIs are aborted for vascular uptake?", "en", False),
    ("TFESI中因血管显影而放弃注射的比例是多少？", "zh", False),
    ("what is the max steroid dose if I inject another level?", "en", False),
    ("does fluoroscopy during an ESI in early pregnancy raise the risk of spontaneous abortion?", "en", False),
    ("孕早期做了透视，需要终止妊娠吗？", "zh", False),
])
def test_review_five_choices(question, lang, action):
    from assistant.frame import aspects_of
    assert ("action" in aspects_of(question, lang)) is action


def test_round_70_concepts(framer):
    # a skin burn after a long fluoroscopy time is the beam's; the pad's when the pad is named; a wound opened over an
    # implant and an opioid-tolerant patient are named (so an answer can say the sources lack them)
    q = framer.frame("long fluoro time (>40 min) for a difficult RFA, when do we worry about skin burns / need follow-up")
    assert "radiation-injury" in q.concepts and "dispersive-pad-burn" not in q.concepts, q.concepts
    assert "dispersive-pad-burn" in framer.frame("skin burn under the grounding pad after RFA, what now?").concepts
    assert "wound-dehiscence" in framer.frame("wound dehiscence over SCS IPG, hardware visible. can I just resuture it in clinic?").concepts
    assert "opioid-tolerance" in framer.frame("starting dose for IT morphine trial, pt opioid tolerant on 300 mg OME").concepts


def test_a_known_allergy_before_a_procedure_asks_prevention(framer):
    # what to do about the contrast for a patient with a past reaction is to prevent one; a reaction now is to treat it
    assert framer.frame("病人说对碘过敏（以前CT增强起过荨麻疹），颈椎TFESI造影剂怎么处理").aspects[:1] == ("prevention",)
    assert framer.frame("TFESI时推完造影剂全身起风团，喉头发紧，怎么处理").aspects[:1] == ("action",)


def test_stop_the_drug_or_carry_on_asks_the_hold():
    from assistant.frame import aspects_of
    assert aspects_of("caudal epidural in pt on aspirin 75mg OD - stop it or carry on?", "en")[:1] == ("hold",)
    assert aspects_of("Should I go up a level or stop?", "en")[:1] == ("action",)


@pytest.mark.parametrize(("question", "concept", "present"), [
    # review 6: a febrile patient before a procedure has an active infection whatever the wording, unless it is over;
    # any high reading without a recheck is hypertension; a pad burn under fluoroscopy is still the pad's; a negated
    # postural headache is none; a leak at a site is a CSF leak; PACU is where a patient is observed
    ("fever since yesterday, 38.7 this morning, booked for L4-5 TFESI today, proceed?", "active-infection", True),
    ("fever 38.6 today, being treated with antibiotics for a UTI, TFESI booked this afternoon - proceed?", "active-infection", True),
    ("completed antibiotics for a UTI yesterday but still febrile 38.5, TFESI today?", "active-infection", True),
    ("temperature this morning was 38.6, proceed with TFESI today?", "active-infection", True),
    ("术前体温升到38.6，今天的TFESI还做吗？", "active-infection", True),
    ("BP 138/82 at last clinic visit, 186/112 in pre-op today, proceed with TFESI?", "hypertension", True),
    ("for repeat TFESI today, BP 150/90 at the first injection, now 188/114 - proceed?", "hypertension", True),
    ("skin burn on the thigh after lumbar medial branch RFA done under fluoroscopy, what now?", "dispersive-pad-burn", True),
    ("headache after ILESI, not worse when upright, what else could it be?", "pdph", False),
    ("ILESI后头痛，没有体位性头痛，需要担心吗？", "pdph", False),
    ("SCS测试电极出口处渗清水，起来就头痛，第3天", "csf-leak", True),
    ("how long do we keep him in PACU after a stellate ganglion block?", "post-procedure-monitoring", True),
])
def test_review_six_frames(framer, question, concept, present):
    assert (concept in framer.frame(question).concepts) is present, framer.frame(question).concepts


def test_round_72_frames(framer):
    # a vascular picture told in plain words is an intravascular injection; a position told as done asks nothing of
    # getting up; a postural headache named as PDPH keeps its posture out of the ask
    for q in ("L1 TFESI, contrast on live fluoro shows rapid washout, looks vascular. what now",
              "blood in the hub on S1 TF, aspiration positive. reposition and carry on or abandon?",
              "颈椎TFESI推造影剂时看到一条细细的线状影很快就冲走了，怎么办"):
        assert "intravascular-injection" in framer.frame(q).concepts, q
    assert "mobilisation" not in framer.frame("vasovagal during SIJ injection, lay flat, legs up, now fully recovered - ok to discharge?").concepts
    q = framer.frame("phone call: pt 2 days post L3/4 IL ESI, headache worse sitting up, fine lying flat, no fever no neck stiffness. advice?")
    assert "mobilisation" not in q.concepts and "pdph" in q.concepts, q.concepts


def test_an_occupational_dose_ceiling_is_the_dose_limit(framer):
    assert "occupational-dose-limit" in framer.frame("做C臂透视的医生，一年的职业照射剂量上限是多少？").concepts


def test_a_dura_pricked_is_a_dural_puncture(framer):
    # (刺破 is one more everyday verb for it; the headache asked after it is then the puncture's headache)
    q = framer.frame("ILESI意外刺破硬膜的概率多少，刺破以后头痛的几率有多大")
    assert "dural-puncture" in q.concepts, q.concepts


def test_a_report_phoned_in_is_the_patients_or_the_wards_not_the_operators():
    from assistant.frame import CALLED_IN
    assert CALLED_IN["en"].search("SCS trial pt called: clear fluid leaking from the exit site")
    assert CALLED_IN["en"].search("recovery nurse pages: pt drowsy after the pump refill")
    assert not CALLED_IN["en"].search("wet tap during the ILESI just now, I called my attending")
    assert CALLED_IN["zh"].search("护士打电话说病人头痛")
