"""Question understanding on hand-built inputs: lexicon matching, the question frame, judgement, sentence selection,
emergency pathways. Pure functions, no index (the bundled lexicon is real data)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.compose import Sentence, emergency, select, weight_fit, weight_of
from assistant.frame import Framer, Part, Question, aspects_of, split_parts
from assistant.judge import JudgeWeights, concept_scores, judge
from assistant.lexicon import load_lexicon, parse, validate
from assistant.safety import triage
from assistant.types import Chunk


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


def test_two_asks_become_two_parts_in_both_languages():
    en = split_parts("how soon after a wet tap should I offer a blood patch, and how much blood?", "en")
    assert en == ["how soon after a wet tap should I offer a blood patch", "how much blood?"]
    zh = split_parts("SCS试验前阿哌沙班要停多久，SCS最常见的并发症是什么？", "zh")
    assert len(zh) == 2 and zh[1].startswith("SCS最常见")
    assert len(split_parts("What are the risk factors and management of PDPH?", "en")) == 1


def test_a_part_without_a_subject_inherits_the_previous_parts(framer):
    q = framer.frame("how soon after a wet tap should I offer a blood patch, and how much blood?")
    assert len(q.parts) == 2
    assert q.parts[1].aspects[0] == "dose"
    assert set(q.parts[0].concepts) <= set(q.parts[1].inherited) | set(q.parts[1].concepts)


def test_followup_inherits_the_topic_but_keeps_its_own_ask(framer):
    first = "LAST 时 lipid emulsion 的首剂量是多少？"
    q = framer.frame("如果病人是个45公斤的老太太呢？", [first])
    assert q.followup and "lipid-emulsion" in q.context_concepts
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


def test_covered_concepts_answer_even_when_the_word_overlap_is_weak():
    q = _q(concepts=("epidural-haematoma",), subjects=("epidural-haematoma",), parts=(Part("q", ("epidural-haematoma",), ()),))
    v = judge(q, [frozenset({"epidural-haematoma", "bleeding"})], 0.36, 0.46, {"epidural-haematoma": "complication"}, {})
    assert v.kind == "answered"


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
                                                               "Evidence notes": "evidence"}[section],
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
    assert weight_of("she's 45 kg, how much lipid?") == 45.0 and weight_of("90公斤的男性") == 90.0 and weight_of("no weight") is None
    assert weight_fit("for a patient weighing ≤70 kg", 45.0) == 1 and weight_fit("for a patient weighing ≤70 kg", 90.0) == -1


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
