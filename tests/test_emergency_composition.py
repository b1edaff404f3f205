"""Emergency answers: the pathway's steps the sources support, each point once, nothing unrelated (hand-built sentences,
written for these tests)."""

from __future__ import annotations

import re

from assistant.compose import Sentence, emergency, same_point
from assistant.safety import PATHWAY_ACTIONS, PATHWAY_NAMES, PATHWAY_STEPS, RED_FLAGS, condition_names, triage
from assistant.text import tokenize
from assistant.types import Chunk, Lang


def _s(text: str, doc: str, position: int, group: str = "management", lang: Lang = "en", action: bool = True,
       concepts: frozenset[str] = frozenset()) -> Sentence:
    chunk = Chunk(f"{doc}-{position}", f"{doc}-{lang}", position, text, lang, "T", ("T",), 0, 0, 0, 0, 0)
    return Sentence(text, chunk, 1, position, group, frozenset(tokenize(text, lang)), concepts, False, action)


def _texts(bullets, kind: str | None = None) -> list[str]:
    return [b.sentence.text for b in bullets if kind is None or b.kind == kind]


_PTX_STEPS = (r"observed and treated with oxygen|oxygen", r"aspiration|chest drain", r"chest X-ray|lung ultrasound|diagnos")
_PTX_NAMES = r"pneumothora"
_PTX = [
    _s("Management of pneumothorax depends on its size: a small pneumothorax is observed and treated with oxygen, whereas a large "
       "or tension pneumothorax needs aspiration or a chest drain (unverified).", "ptx", 1),
    _s("Confirm with a chest X-ray or lung ultrasound; a small pneumothorax may be observed with oxygen, whereas a large or "
       "tension pneumothorax needs aspiration or a chest drain (reported; to be confirmed against the primary source).", "sgb", 1),
    _s("The diagnosis of pneumothorax is confirmed with a chest X-ray or lung ultrasound (unverified).", "ptx", 2),
    _s("Local anaesthetic toxicity after ultrasound-guided blocks increasingly shows a delayed onset.", "ptx", 3, action=False),
    _s("Pneumothorax after a thoracic procedure presents with pleuritic chest pain, cough, dyspnoea and falling SpO2.", "ptx", 4,
       action=False),
    _s("Pneumothorax after thoracic or cervical procedures may present with pleuritic chest pain, cough, dyspnoea and falling "
       "SpO2 (reported; to be confirmed against the primary source).", "sgb", 4, action=False),
    _s("Patients should be advised not to drive after an injection that contains local anaesthetic.", "ptx", 5, action=False),
]
_PTX_HINT = frozenset(tokenize("pneumothorax chest pain dyspnoea oxygen", "en"))


def test_a_point_made_in_several_documents_is_quoted_once():
    bullets = emergency(_PTX, ("ptx", "sgb"), _PTX_HINT, "en", steps=_PTX_STEPS, pathway_tokens=_PTX_HINT, names=_PTX_NAMES)
    actions = _texts(bullets, "action")
    # the size-based management covers the oxygen and the drain steps; its paraphrase in another document is not repeated
    assert actions[0].startswith("Management of pneumothorax") and not any(t.startswith("Confirm with") for t in actions)
    assert any(t.startswith("The diagnosis of pneumothorax") for t in actions)  # the step it does not cover
    signs = [t for t in _texts(bullets) if "pleuritic" in t]
    assert len(signs) == 1  # the signs are quoted from one document, not from both


def test_a_sentence_that_only_shares_a_step_word_is_no_bedside_step_and_unrelated_text_is_left_out():
    texts = _texts(emergency(_PTX, ("ptx", "sgb"), _PTX_HINT, "en", steps=_PTX_STEPS, pathway_tokens=_PTX_HINT, names=_PTX_NAMES))
    assert not any("delayed onset" in t for t in texts)
    assert not any("drive" in t for t in texts)  # advice unrelated to the pathway is not padding
    # "ultrasound-guided" matches a loose step pattern, but a sentence that tells nobody to do anything is not a step
    loose = emergency([_PTX[3]], ("ptx",), _PTX_HINT, "en", steps=(r"ultrasound",), pathway_tokens=_PTX_HINT, names=_PTX_NAMES)
    assert not _texts(loose, "action")


def test_a_covered_step_is_quoted_again_when_a_sentence_fits_this_patient_better():
    steps = (r"stopping the procedure|examining the patient", r"\bMRI\b|urgent CT")
    sents = [
        _s("Any new neurologic deficit after a neuraxial injection calls for stopping the procedure, examining the patient and "
           "an emergency MRI.", "deficit", 1),
        _s("A new neurological deficit after vertebral augmentation calls for an urgent CT scan to look for cement in the canal.",
           "augment", 1, concepts=frozenset({"vertebral-augmentation"})),
    ]
    generic = _texts(emergency(sents, ("deficit", "augment"), frozenset(), "en", steps=steps))
    assert generic == [sents[0].text]  # nothing nearer: the MRI step is already covered
    cement = _texts(emergency(sents, ("deficit", "augment"), frozenset(), "en", steps=steps,
                              concepts=frozenset({"vertebral-augmentation", "vertebroplasty"})))
    assert cement == [sents[0].text, sents[1].text]


def test_when_the_sources_give_no_step_the_answer_is_short_and_says_so():
    steps = (r"secure the airway|intubat", r"evacuat|surgical decompression")
    hint = frozenset(tokenize("stellate ganglion block retropharyngeal haematoma airway neck swelling", "en"))
    sents = [
        _s("A retropharyngeal haematoma after stellate ganglion block is the complication of most concern, because it can obstruct "
           "the airway.", "sgb", 1),
        _s("The sources used here do not describe a specific management pathway for retropharyngeal haematoma.", "sgb", 2, action=False),
        _s("Confirm a pneumothorax with a chest X-ray; a large pneumothorax needs a chest drain and observation.", "sgb", 3),
        _s("Withhold food and drink after stellate ganglion block until a sip test, because hoarseness is an expected effect.", "sgb", 4,
           action=False),
    ]
    bullets = emergency(sents, ("sgb",), hint, "en", steps=steps, pathway_tokens=hint, names=r"ha?ematoma|airway")
    assert not _texts(bullets, "action")  # no borrowed "action" from the pneumothorax passage
    texts = _texts(bullets)
    assert texts[0].startswith("A retropharyngeal haematoma") and any("do not describe" in t for t in texts)
    assert not any("pneumothorax" in t or "sip test" in t for t in texts)


def test_same_point_ignores_hedges_but_not_different_doses():
    a, b = _PTX[4], _PTX[5]
    assert same_point(b, [a], "en")  # the same signs, one hedged
    low = _s("For a patient weighing ≤70 kg the lipid emulsion regimen for LAST is a bolus of 1.5 mL/kg then 0.25 mL/kg/min.", "last", 1)
    high = _s("For a patient weighing >70 kg the lipid emulsion regimen for LAST is a 100 mL bolus then 200–250 mL over 15–20 min.",
              "last", 2)
    assert not same_point(high, [low], "en")
    zh1 = _s("胸椎或颈椎疼痛介入操作后发生的气胸，可表现为胸膜性胸痛、咳嗽、呼吸困难、呼吸音减弱或SpO2下降，有时在操作后数小时才出现。",
             "ptx", 1, lang="zh", action=False)
    zh2 = _s("胸部或颈部操作后发生的气胸，可表现为胸膜炎性胸痛、咳嗽、呼吸困难、呼吸音减弱或 SpO2 下降，有时在数小时后才出现（据报道，尚待与原始文献核实）。",
             "sgb", 1, lang="zh", action=False)
    assert same_point(zh2, [zh1], "zh")
    # one result retold with its confidence intervals (two documents quoting one meta-analysis)
    ci1 = _s("一项针对癌症患者鞘内导管的荟萃分析显示，浅表感染发生率为 2.3%，深部感染为 1.4%。", "idd", 1, lang="zh", action=False)
    ci2 = _s("一项针对癌症患者鞘内导管的荟萃分析显示，浅表感染发生率为 2.3%（95% CI 0.8–6.1），深部感染为 1.4%（0.5–3.8）。",
             "infection", 1, lang="zh", action=False)
    assert same_point(ci2, [ci1], "zh") and same_point(ci1, [ci2], "zh")
    other = _s("Superficial infection occurred in 2.3% and deep infection in 3.1% of SCS implants.", "scs", 1, action=False)
    assert not same_point(other, [_s("Superficial infection 2.3%, deep 1.4%.", "idd", 1, action=False)], "en")


def test_every_pathway_has_bilingual_condition_names_found_from_its_actions():
    ids = {r.id for r in RED_FLAGS}
    assert set(PATHWAY_NAMES) == ids and set(PATHWAY_STEPS) == ids
    for rule, by_lang in PATHWAY_NAMES.items():
        assert set(by_lang) == {"en", "zh"}
        for lang in ("en", "zh"):
            assert condition_names(PATHWAY_ACTIONS[rule][lang], lang) == by_lang[lang]
    assert condition_names("", "en") == ""
    t = triage("SGB 10 min ago, neck swelling getting bigger and she's hoarse", "en")
    assert t.rule == "airway-haematoma" and t.names == PATHWAY_NAMES["airway-haematoma"]["en"]


def test_total_spinal_recognition_names_the_condition_and_skips_list_fragments():
    hint = frozenset(tokenize("total spinal high block intrathecal subdural injection dural puncture apnoea hypotension", "en"))
    sents = [
        _s("Uncommon: pneumothorax, seizure, total spinal or high block after intrathecal injection, apnoea and hypotension.", "sgb", 1,
           "complications", action=False),
        _s("A subdural injection can produce a delayed, patchy or unexpectedly high block.", "il", 1, "complications", action=False),
        _s("Post-dural puncture headache after an interlaminar dural puncture is treated with an epidural blood patch.", "il", 2,
           action=False),
        _s("Dural puncture was more frequent with interlaminar than transforaminal injection: 0.2% vs 0.04%.", "il", 3,
           "complications", action=False),
    ]
    names = PATHWAY_NAMES["total-spinal"]["en"]
    texts = _texts(emergency(sents, ("il", "sgb"), hint, "en", steps=PATHWAY_STEPS["total-spinal"]["en"], pathway_tokens=hint,
                             names=names))
    assert texts == [sents[1].text]


def test_a_sentence_about_another_procedures_care_is_not_quoted_for_this_patient():
    steps = (r"antibiotic", r"explant|remov", r"MRI")
    sents = [
        _s("A superficial wound infection after SCS implantation may respond to antibiotics.", "inf", 1, concepts=frozenset({"scs"})),
        _s("An epidural abscess is investigated with MRI and treated with antibiotics.", "esi", 2, concepts=frozenset({"abscess"})),
        _s("A pocket infection of an implanted SCS system usually requires explantation.", "inf", 3, concepts=frozenset({"scs"})),
    ]
    hint = frozenset(tokenize("fever back pain abscess infection", "en"))
    every = _texts(emergency(sents, ("inf", "esi"), hint, "en", steps=steps, pathway_tokens=hint, names=r"infect|abscess"))
    assert every[0].startswith("A superficial wound infection")  # without the patient's procedure, the protocol order
    after_esi = _texts(emergency(sents, ("inf", "esi"), hint, "en", steps=steps, pathway_tokens=hint, names=r"infect|abscess",
                                 foreign=lambda s: "scs" in s.concepts))
    assert after_esi == ["An epidural abscess is investigated with MRI and treated with antibiotics."]  # no explant step for an ESI


def test_study_rates_and_the_silent_form_are_no_bedside_recognition():
    from assistant.compose import is_rate_report
    assert is_rate_report("In a CT-screened series of vertebroplasty, pulmonary cement embolism was found in 1.9% (34/1,782).", "en")
    assert is_rate_report("Manage an asymptomatic peripheral pulmonary cement embolism with clinical follow-up only.", "en")
    assert is_rate_report("在一组 3,175 例经皮椎体成形术中，椎管内渗漏占 0.7%。", "zh")
    assert not is_rate_report("Stop the cement injection and give oxygen.", "en")
    assert not is_rate_report("Florid cardiorespiratory collapse from pulmonary cement embolism can be fatal.", "en")


def test_no_control_characters_in_the_source():
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent / "assistant"
    assert not [p.name for p in root.glob("*.py") if "\x08" in p.read_text(encoding="utf-8")]  # a lost backslash-b


def test_an_incidence_or_an_audits_count_is_background_at_the_bedside():
    from assistant.compose import is_rate_report

    assert is_rate_report("The estimated incidence of LAST is about 0.03%, which corresponds to 0.27 events per 1,000 blocks.", "en")
    assert is_rate_report("In a multicentre audit of 16,638 ESIs, none had an immediate major neurologic event.", "en")
    assert is_rate_report("在16,638次硬膜外类固醇注射的多中心审计中，均未发生即刻严重神经系统事件。", "zh")
    assert not is_rate_report("For a patient weighing >70 kg, the lipid regimen is a 100 mL bolus over 2–3 min.", "en")


def test_a_sentence_that_frames_the_points_below_is_about_the_document():
    from assistant.compose import is_meta
    assert is_meta("The review rests safety on careful selection and close follow-up, which frames the SIJ-specific points below.", "en")
    assert is_meta("该综述将安全建立在严格的患者选择之上，这也是下文骶髂关节相关要点的总体框架。", "zh")
    assert not is_meta("Monitor the patient for at least 2 h after a limited CNS event.", "en")


def test_that_is_to_say_leans_on_the_sentence_before():
    from assistant.compose import _DEPENDENT
    assert _DEPENDENT["zh"].search("也就是说，在这 616 个毁损灶中未观察到严重神经损伤或感染。")
    assert _DEPENDENT["en"].search("In other words, no serious injury was seen across those lesions.")
    assert not _DEPENDENT["zh"].search("小关节射频消融后的神经炎通常在数周内自行缓解。")
    # whose rates? which complication? which feedback? (they are quoted with the sentence before, or not at all)
    assert _DEPENDENT["en"].search("Rates were highest at cervical (20.6%) and sacral (16.5%) levels versus 6.1% at lumbar levels.")
    assert _DEPENDENT["en"].search("The resulting embolic or vasospastic infarction can cause paraplegia.")
    assert _DEPENDENT["en"].search("Switching to saline loss of resistance avoids this air-related complication.")
    assert _DEPENDENT["zh"].search("患者的这些反馈是脑脊液压力升高的早期预警。")
    assert _DEPENDENT["zh"].search("改用生理盐水阻力消失法可避免这一与空气相关的并发症。")
    assert not _DEPENDENT["en"].search("Intravascular injection rates were highest at cervical levels in a series of 2,145 injections.")
    assert not _DEPENDENT["zh"].search("患者的反馈是脑脊液压力升高的早期预警。")



def test_a_note_on_what_a_reference_record_confirms_is_never_quoted():
    from assistant.compose import _BIBLIO
    assert _BIBLIO["en"].search("The reference record for the Cohen 2011 study on sensory stimulation thresholds confirms only its title and journal.")
    assert _BIBLIO["zh"].search("Cohen 2011 感觉刺激阈值研究的文献记录仅确认了题目和期刊。")
    assert not _BIBLIO["en"].search("Sensory (about 50 Hz) and motor (about 2 Hz) stimulation before lesioning confirm a safe distance.")


def test_a_follow_up_whose_mri_ruled_out_the_haematoma_drops_its_decompression_and_says_the_sources_stop_there(engine):
    first = "6h after T10-11 interlaminar ESI pt has new bilat leg weakness and cant pee. plavix only held 3 days. next step??"
    before = engine.answer(first)
    assert any("decompression" in b["text"] for b in before.bullets), before.text  # the haematoma's step, before the MRI
    ans = engine.answer("MRI done, no haematoma no abscess. now what", [first])
    assert ans.urgent and "ruled out haematoma and abscess" in ans.text, ans.text
    assert not any("decompression" in b["text"] or "presents with" in b["text"] for b in ans.bullets), ans.text
    assert any("neurosurgical review" in b["text"] for b in ans.bullets), ans.text  # the step that still stands
    zh = engine.answer("急诊MRI做了，没看到血肿，下一步？", ["下午做的L5/S1椎板间硬膜外注射，晚上病房打电话说病人双下肢越来越没劲，腰背剧痛，现在怎么办"])
    assert zh.urgent and "排除血肿" in zh.text and not any("减压" in b["text"] for b in zh.bullets), zh.text


def test_a_new_deficit_hours_after_an_ilesi_is_urgent_and_an_mri_that_finds_the_haematoma_puts_decompression_first(engine):
    first = "6h post T10 ILESI, new bilat leg weakness and cant pass urine. on clexane 40 daily, last dose 14h before procedure"
    assert engine.answer(first).pathway == "neuraxial-deficit"  # "6h post", "new … weakness": happening, whatever drug is named
    ans = engine.answer("MRI: dorsal epidural haematoma T9-11 compressing cord. on-call NSx wants to wait till morning list, ok?", [first])
    assert ans.urgent and "decompression" in ans.bullets[0]["text"], ans.text
    zh = engine.answer("MRI回报L3-5硬膜外血肿压迫马尾，下一步？", ["腰椎硬外激素注射后第二天，病人背痛加重，两条腿没劲，解不出小便"])
    assert zh.urgent and "减压" in zh.bullets[0]["text"], zh.text


def test_can_she_go_home_two_turns_after_a_last_seizure_is_answered_with_how_long_she_is_watched(engine):
    hist = ["pt just started seizing after lidocaine test dose for C6 TFESI what do i do now", "she's ~50kg, how much intralipid"]
    ans = engine.answer("seizure stopped after midaz, obs stable for 30 min, no cardiac sx. can she go home?", hist)
    assert not ans.urgent and "at least 2 h" in ans.bullets[0]["text"] and "no guidance" not in ans.text, ans.text
    zh = engine.answer("现在抽搐停了，生命体征平稳，能回家吗？", ["C6神经根阻滞推药的时候病人突然抽搐、叫不应了，现在怎么办！", "病人才45公斤，脂肪乳怎么推？"])
    assert "2 小时" in zh.bullets[0]["text"], zh.text


def test_a_hypothetical_or_a_sibling_cause_is_not_ruled_out(engine):
    first = "TFESI yesterday, apixaban restarted this morning, new leg weakness now"
    ans = engine.answer("No MRI here yet. What if it's not a haematoma?", [first])
    assert "ruled out" not in ans.text and any("decompression" in b["text"] for b in ans.bullets), ans.text


def test_how_long_to_keep_her_in_after_a_settled_last_seizure_is_how_long_she_is_watched(engine):
    hist = ["just did L stellete with 0.25% bupi, 30 sec later she's twitching and talking nonsense, sats fine. what do I do",
            "she's 52kg, how much intralipid do i give"]
    ans = engine.answer("seizure stopped and she's chatting now. how long do I need to keep her in?", hist)
    assert not ans.urgent and "at least 2 h" in ans.bullets[0]["text"] and "no guidance" not in ans.text, ans.text


def test_a_pump_mass_the_mri_found_is_treated_first(engine):
    ans = engine.answer("MRI看到导管尖端有个包块，压迫脊髓了，怎么办", ["吗啡泵用了4年，最近加量也止不住痛，腿有点麻，考虑啥"])
    assert ans.urgent and "减压" in ans.bullets[0]["text"], ans.text


def test_one_sign_gone_and_another_still_there_keeps_the_emergency(engine):
    assert engine.answer("硬膜外注射后头痛症状消失了，可是双腿越来越没力，怎么办").pathway == "neuraxial-deficit"
    assert engine.answer("头痛好了，可是双腿越来越没力", ["硬膜外注射后第二天头痛"]).pathway == "neuraxial-deficit"


def test_a_study_result_told_with_the_patient_now_asymptomatic_is_no_emergency():
    from assistant.safety import SETTLED

    assert SETTLED["en"].search("CTPA: few small peripheral cement emboli, pt now asymptomatic on RA. anticoagulate or not?")
    assert SETTLED["zh"].search("CTPA回报右下肺外周分支有骨水泥，病人现在没症状了，下一步？")
    assert not SETTLED["zh"].search("硬膜外注射后头痛症状消失了，可是双腿越来越没力")


def test_an_emergency_told_two_turns_back_goes_on_through_a_dose_question_between(engine):
    scene = "做腰椎内侧支阻滞推完布比卡因，病人说口周发麻耳鸣，接着就抽搐了，现在咋办"
    ans = engine.answer("推完一次还是室颤、血压测不到，下一步呢？", [scene, "脂肪乳给多少？病人70kg"])
    assert ans.urgent and ans.pathway == "last", ans.text
    first, second = ans.bullets[0]["text"], ans.bullets[1]["text"]
    assert "ACLS" in first, ans.text  # in arrest the modified resuscitation leads, then the repeat bolus
    assert "重复" in second, ans.text
    # a conversation that left the emergency behind is not pulled back into it
    calm = engine.answer("下次怎么预防？", [scene, "脂肪乳给多少？病人70kg"])
    assert not calm.urgent, calm.text


def test_still_unstable_after_the_lipid_bolus_asks_the_next_step():
    from assistant.frame import aspects_of
    assert aspects_of("and if shes still unstable after 5 min?", "en", signs=[(11, 26)])[:1] == ("escalation",)
    assert aspects_of("推完一次还是室颤，下一步呢？", "zh", signs=[(6, 8)])[:1] == ("escalation",)
    # a failure word inside a sign's own name is still the sign told ("加量也没用" as part of a finding)
    assert "escalation" not in aspects_of("pump analgesia not working despite dose increases", "en", signs=[(0, 49)])


def test_a_lipid_dose_follow_up_that_tells_the_patient_is_still_unstable_leads_with_the_repeat_bolus(engine):
    ans = engine.answer("and if shes still unstable after 5 min?", ["intralipid dose for LAST?"])
    assert not ans.abstained and "repeat" in ans.bullets[0]["text"], ans.text


def test_a_failing_circulation_after_the_lipid_dose_turn_leads_with_the_repeat_bolus(engine):
    # the turn before asked the lipid dose (so it is running); the circulation now fails: the next step leads
    scene = "pt seizing right after stellate ganglion block w bupi 0.25% 8ml, what do I do now"
    ans = engine.answer("seizure stopped but now HR 30s and BP 60/30", [scene, "lipid dose? she's 60kg"])
    assert ans.urgent and ans.pathway == "last", ans.text
    assert re.search(r"\brepeat", ans.bullets[0]["text"]), ans.text
    # without a rescue drug in the conversation, the first-line steps lead as before
    first = engine.answer("now HR 30s and BP 60/30", [scene])
    assert first.urgent and not re.search(r"\brepeat", first.bullets[0]["text"]), first.text


def test_an_emergency_follow_up_asking_a_dose_the_sources_lack_says_so_before_the_actions(engine):
    scene = "IT morphine pump refill 2h ago, pt now drowsy, pinpoint pupils, RR 6. help"
    ans = engine.answer("naloxone dose? and will it last long enough", [scene])
    assert ans.urgent and ans.pathway == "idd-overdose", ans.text
    body = ans.text.split("\n\n", 1)[1]  # (after the banner)
    assert body.startswith("> The knowledge base gives no dose for: naloxone dose"), ans.text
    assert ans.bullets and any("naloxone" in b["text"] for b in ans.bullets), ans.text
    # the scene itself asks no dose: no such note
    assert "gives no dose" not in engine.answer(scene).text


def test_a_scan_result_after_a_phone_call_keeps_the_calls_setting_in_its_banner(engine):
    call = "电话：昨天下午做的L1 PVP老太太，家属说她今天早上开始双腿没力气、麻，站不起来了，现在怎么办"
    ans = engine.answer("急诊CT看到骨水泥往椎管里漏了，后缘有一块压着，肌力现在两下肢3级，下一步？", [call])
    assert ans.urgent and ans.pathway == "neuraxial-deficit", ans.text
    assert "停止操作" not in ans.text.split("\n")[0], ans.text  # (yesterday's procedure: nothing to stop)


def test_a_calm_question_two_turns_after_an_emergency_is_not_pulled_back_into_it(engine):
    history = ["Seizure 2 min after the block, LAST, what do I do?", "Intralipid dose for 70kg?"]
    for calm in ("OK. What is the max bupivacaine dose for her next block?", "Thanks. How do I write this up for the incident report?"):
        assert not engine.answer(calm, history).urgent, calm


def test_the_injectate_that_caused_the_picture_is_no_treatment_given(engine):
    # "after a lumbar ILESI with lidocaine": the airway, oxygen and help step (which stops the local anaesthetic) stays
    ans = engine.answer("unresponsive, BP 70/40 and shallow breathing 5 min after a lumbar ILESI with lidocaine, what now?")
    assert ans.urgent and re.search(r"oxygen|airway", ans.bullets[0]["text"]), ans.text
    q = engine._frame("seizure stopped with midaz 2mg but now VF, what next", ["seizing after 20 ml bupivacaine 0.5%"])
    assert "benzodiazepine" in engine._given(q)


def test_a_seizure_going_on_after_the_lipid_is_the_benzodiazepines_and_the_maximum_asked_mid_rescue_leads(engine):
    scene = "星状节阻滞 刚推完2ml罗哌 病人突然抽搐 意识不清"
    going = engine.answer("脂肪乳已经推了100ml 还在抽 下一步怎么办", [scene])
    assert going.urgent and "重复" not in going.bullets[0]["text"], going.text
    assert any("苯二氮" in b["text"] for b in going.bullets[:2]), going.text
    most = engine.answer("病人60kg 脂肪乳总量最多给多少", [scene, "脂肪乳已经推了100ml 还在抽 下一步怎么办"])
    assert most.urgent and "12 mL/kg" in most.bullets[0]["text"] and "720 mL" in most.text, most.text


def test_a_drug_asked_in_an_emergencys_later_turn_that_no_step_names_is_said_missing(engine):
    cord = "pt just had a cervical TFESI with depo-medrol, now can't move arms or legs"
    ans = engine.answer("should we give high dose steroids for the cord infarct?", [cord])
    assert ans.urgent and "says nothing on steroids for a cord or brain infarction" in ans.text, ans.text
    assert "gives no dose for" not in ans.text, ans.text  # (it had quoted the question back as a missing dose)
    ans = engine.answer("要不要上甲强龙冲击？", ["颈椎经椎间孔注射后病人突然四肢不能动"])
    assert ans.urgent and "使用甲强龙的内容" in ans.text, ans.text
    # a drug the pathway's steps name gets no such note
    ans = engine.answer("ok giving midazolam now, and the lipid - how much?", ["pt seizing after 20ml 0.5% bupi for a paravertebral, 70kg"])
    assert ans.urgent and "says nothing on" not in ans.text, ans.text


def test_going_home_after_a_last_rescue_is_answered_by_how_long_she_is_watched_not_by_the_lipid_doses(engine):
    hist = ["doing a stellate ganglion block w 10 ml bupi 0.25%, pt says tinnitus + metallic taste then goes into GTC seizure, "
            "sat 88%. what now", "seizure stopped after 2mg midaz. now HR 35 wide QRS, BP 60/30. how much intralipid?"]
    ans = engine.answer("she's back to baseline after one bolus of lipid, vitals normal x20 min. ok to send her home from the clinic?",
                        hist)
    assert not ans.urgent and "4–6 h" in ans.bullets[0]["text"], ans.text
    assert not any("mL/kg" in b["text"] for b in ans.bullets), ans.text  # (it had repeated the lipid regimens)


def test_a_rescue_dose_asked_keeps_the_emergency_going_whatever_else_is_asked(engine):
    pump = "just refilled a hydromorphone IT pump, 15 min later pt very drowsy, RR 6, pinpoint pupils. ?pocket fill"
    ans = engine.answer("naloxone dose? and how long do we need to observe her", [pump])
    assert ans.urgent and ans.pathway == "idd-overdose", ans.text
    assert ans.text.count("What it has on it:") == 1 and "for: how long do we need" in ans.text, ans.text  # (no "for: and how…")
    assert not engine.answer("she's awake now, how long do we need to observe her?", [pump]).urgent


def test_a_scene_told_in_english_goes_on_through_a_chinese_follow_up(engine):
    ans = engine.answer("可以先口服头孢氨苄观察一周吗？", ["SCS IPG implanted 3 wks ago, pocket red, warm, serous drainage, T 38.4"])
    assert ans.urgent and ans.lang == "zh", ans.text
    assert not engine.answer("下次怎么预防？", ["SCS IPG implanted 3 wks ago, pocket red, warm, serous drainage, T 38.4"]).urgent


def test_an_outpatient_setting_is_no_subject_the_knowledge_base_lacks(engine):
    ans = engine.answer("we're an outpatient ASC, no MRI until tomorrow. transfer now or watch overnight?",
                        ["lumbar TFESI this AM, apixaban restarted early, now 4h later new bilateral leg weakness and numbness"])
    assert ans.urgent and ans.verdict == "answered" and "outpatient" not in ans.text, ans.text


def test_an_rf_probes_stimulation_twitch_is_no_toxicity(engine):
    for question in ("doing L4-5 medial branch RFA, sensory stim ok at 0.4V but motor stim at 2V gives leg/foot twitch. what now",
                     "做腰椎内侧支射频，运动刺激2V时下肢抽动，怎么办"):
        assert not engine.answer(question).urgent, question
    assert engine.answer("during L4 TFESI with lido, pt suddenly twitching all over and confused").pathway == "last"


def test_the_lipid_ceiling_asked_after_rosc_goes_on_with_the_toxicity_and_works_the_weight(engine):
    hist = ["60kg lady got 20ml 0.5% bupivacaine for a lumbar paravertebral, now perioral numbness, garbled speech and now seizing",
            "now pulseless VT"]
    ans = engine.answer("how much intralipid max total? and how long keep infusion going after ROSC", hist)
    assert ans.urgent and ans.pathway == "last" and "12 mL/kg" in ans.bullets[0]["text"], ans.text
    assert "720 mL" in ans.bullets[0].get("worked", ""), ans.text  # (it had declined: "Not covered: ROSC")


def test_care_told_done_in_an_emergency_is_no_subject_the_knowledge_base_lacks(engine):
    ans = engine.answer("插管了 血压用麻黄碱维持住了 需要转ICU吗？家属那边怎么交代",
                        ["Pt became apneic and hypotensive about 3 min after L4-5 interlaminar ESI, test dose 3 ml 1% lido. What now?"])
    assert ans.verdict != "out_of_scope" and "插管" not in ans.text, ans.text  # (it had declined: "没有关于插管的资料")
    q = engine._frame("intubated, on pressors now. ICU? what do I tell the wife?", ["apnoeic and hypotensive 3 min after an L4-5 ILESI"])
    assert q.followup and not q.unknown, (q.followup, q.unknown)


def test_sinus_rhythm_back_and_a_clear_mind_have_settled_the_toxicity(engine):
    hist = ["腰丛阻滞 罗哌卡因0.5% 30ml 推完5分钟 病人抽搐 意识不清", "intralipid已经给了 还是室速，胺碘酮能用吗？利多卡因可以吗？肾上腺素给多少"]
    ans = engine.answer("现在恢复窦律了 意识清楚，要观察多久？今天能回家吗", hist)
    assert not ans.urgent and "4–6 小时" in ans.bullets[0]["text"], ans.text
    from assistant.safety import SETTLED
    assert SETTLED["en"].search("back in sinus now, alert and oriented, GCS 15 - how long do we watch her?")
    for told, lang in (("没有恢复窦律，怎么办", "zh"), ("仍未恢复窦律，下一步？", "zh"), ("not fully awake now, how long do we keep the naloxone going?", "en"),
                       ("only responsive now to pain, what next", "en"), ("GCS 15 earlier, now GCS 9 - what next?", "en")):
        assert not SETTLED[lang].search(told), told  # (negated or past: the emergency goes on)


def test_dizziness_alone_with_no_sign_to_see_is_no_faint_emergency(engine):
    for question in ("Cervical MBB C3-5 done 20 min ago, pt dizzy and unsteady walking. Safe to discharge?",
                     "做完颈椎内侧支阻滞20分钟 病人头晕 走路不稳 能回家吗"):
        assert not engine.answer(question).urgent, question
    for question in ("pt went pale and sweaty after the TFESI, HR 42", "打完针病人头晕 出冷汗 面色苍白"):
        assert engine.answer(question).pathway == "vasovagal", question


def test_a_pump_patient_needing_ever_more_drug_with_weak_legs_is_read_as_a_catheter_tip_mass(engine):
    ans = engine.answer("鞘内泵 吗啡 用了4年 最近剂量越加越多还是痛 而且出现双下肢无力 小便费劲")
    assert ans.urgent and "肉芽肿" in ans.bullets[0]["text"], ans.text  # (it had led with CT myelography and a haematoma)
    q = engine._frame("IT morphine pump 4 yrs, now weak legs", [])
    assert "catheter-tip-granuloma" in q.concepts, q.concepts
    q = engine._frame("cancer pt on escalating doses of oral morphine, considering an IT pump - what workup before the trial?", [])
    assert "catheter-tip-granuloma" not in q.concepts, q.concepts  # (no catheter yet)
    ans = engine.answer("morphine IT pump x6 yrs, now progressive leg weakness and numbness over weeks. concern?")
    assert ans.urgent and "granuloma" in ans.bullets[0]["text"] and "Stop the procedure" not in ans.text, ans.text
    assert "catheter-tip-granuloma" not in engine._frame("pump refill 1 hour ago, now legs weak and numb", []).concepts


def test_afebrile_is_never_read_as_febrile(engine):
    question = "day 2 after L5-S1 IL ESI w/ wet tap, HA much worse upright, mild neck stiffness, afebrile. EBP now or wait?"
    assert "afebrile" in engine._frame(question, []).text  # (the spelling fixer had turned it into "febrile")
    assert not engine.answer(question).urgent
    assert engine.answer("day 2 after L5-S1 IL ESI w/ wet tap, HA much worse upright, neck stiffness, febrile 38.6").urgent


def test_a_prior_anaphylaxis_before_tomorrows_procedure_is_planned_around_not_treated(engine):
    ans = engine.answer("pt with prior anaphylaxis to iodinated contrast, L5 TFESI tomorrow. what are my options?")
    assert not ans.urgent and "no management steps" not in ans.text, ans.text


def test_stimulation_lost_in_a_trial_is_lead_migration_not_a_deficit(engine):
    question = "SCS测试期第3天，覆盖区域变了，原来腿上的麻感没了"
    assert not engine.answer(question).urgent  # (it had raised the haematoma banner: 麻 read as numbness)
    q = engine._frame(question, [])
    assert "lead-migration" in q.concepts and q.aspects[:1] == ("recognition",), (q.concepts, q.aspects)
    assert engine.answer("SCS测试期第3天，双腿无力，麻木").urgent


def test_review_cases_a_slow_pulse_or_a_blackout_is_still_a_faint(engine):
    for question in ("pt dizzy and nauseous after cervical MBB, pulse 38", "after the L5 TFESI pt became dizzy, HR dropped to 38, BP 100/60",
                     "after the L4 TFESI pt lost consciousness briefly, now dizzy", "腰椎TFESI后病人头晕恶心，脉搏40",
                     "腰椎TFESI后病人晕了，现在头晕恶心", "做完颈椎内侧支阻滞病人突然昏过去了，现在头晕"):
        assert engine.answer(question).pathway == "vasovagal", question


def test_review_cases_a_rescue_dose_asked_before_any_picture_is_a_plan(engine):
    for question in ("max lidocaine with epinephrine dose for a 70kg pt? worried about LAST and seizures",
                     "how to prevent respiratory depression after a pump refill, and what naloxone dose should be on hand?",
                     "以前做阻滞时出现过局麻药中毒抽搐，这次利多卡因加肾上腺素最大剂量多少？"):
        assert not engine.answer(question).urgent, question


def test_review_cases_a_seizure_after_the_stimulation_test_is_still_toxicity(engine):
    for question in ("做腰椎内侧支射频，运动刺激后注射利多卡因2ml 病人全身抽搐，怎么办",
                     "L4-5 medial branch RFA: after motor stim we injected 2 ml lido and now pt twitching all over, confused"):
        assert engine.answer(question).pathway == "last", question


def test_review_cases_planning_after_a_settled_toxicity_is_no_emergency(engine):
    hist = ["腰丛阻滞 罗哌卡因0.5% 30ml 推完5分钟 病人抽搐 意识不清", "脂肪乳给多少？病人70kg"]
    for question in ("等一下，我想问问下次再做腰丛阻滞要注意什么？", "should we wait 2 weeks before redoing the block?", "等两周再做可以吗？",
                     "how should I document this in the notes?"):
        assert not engine.answer(question, hist).urgent, question


def test_review_cases_care_asked_for_is_not_care_told_done():
    from assistant.frame import _GAVE

    for asked, lang in (("需要插管吗？", "zh"), ("要不要上呼吸机", "zh"), ("还没恢复自主循环", "zh"), ("no ROSC after 2 cycles", "en"),
                        ("should we get her intubated?", "en")):
        assert not _GAVE[lang].search(asked), asked
    assert _GAVE["zh"].search("插管了 血压用麻黄碱维持住了") and _GAVE["en"].search("intubated, on pressors now. ICU?")


def test_round_63_cases(engine):
    # a postural headache told in Chinese is PDPH, its posture no question about bed rest
    ans = engine.answer("硬膜外注射后第二天头痛，坐起加重，平卧缓解，怎么处理？")
    assert ans.verdict == "answered" and "mobilisation" not in engine._frame("硬膜外注射后第二天头痛，坐起加重，平卧缓解，怎么处理？", []).concepts, ans.text
    assert "mobilisation" in engine._frame("PDPH 要不要平卧休息？卧床多久？", []).concepts
    # a normal temperature is no fever
    assert not engine.answer("椎间盘内治疗后5天，体温正常，但腰痛明显加重，CRP升高，要考虑什么？").urgent
    # a tearing back pain with unequal arm pressures is another specialty's emergency, never answered with a block
    assert engine.answer("65岁男 突发剧烈腰背痛 撕裂样 血压190/110 两侧血压不一样 要不要先做个神经阻滞止痛").verdict == "out_of_scope"
    # a stroke picture that cleared: whether she can go home is said to be beyond the sources
    # (the fixture index lacks the stroke passages the note sits beside: the condition it is asked after is checked)
    from assistant.answer import _SETTLED_TOPICS
    assert _SETTLED_TOPICS["esi-stroke"] in engine.lexicon.concepts
    assert not engine.answer("症状10分钟后完全缓解了，现在神经系统检查正常，可以回家吗", ["刚做完C6 TFESI，病人突然说看不清东西，右侧肢体无力"]).urgent


def test_review2_cases_emergencies_kept(engine):
    for question in ("L4 TFESI yesterday, nurse documented new bilateral leg weakness and urinary retention this morning",
                     "SCS测试第3天 双腿无力 麻感没了", "seizing after lumbar plexus block with 30ml ropi, hx epilepsy - lipid dose?",
                     "腰丛阻滞后全身抽搐，有癫痫病史，咪达唑仑给多少？"):
        assert engine.answer(question).urgent, question
    assert engine.answer("can we wait a week on oral antibiotics?", ["SCS IPG implanted 3 wks ago, pocket red, warm, serous drainage, T 38.4"]).urgent


def test_review2_cases_no_false_banner(engine):
    for question in ("s/p ESI 20 min ago, dizzy, HR normal, 45 yo - ok to go home?", "脉搏正常，30分钟了，头晕，能回家吗",
                     "max lidocaine with epinephrine dose for a 70kg pt? worried about LAST and seizures"):
        assert not engine.answer(question).urgent, question


def test_review2_cases_settling_words_undone_settle_nothing():
    from assistant.safety import SETTLED

    for told, lang in (("未能恢复窦律", "zh"), ("没能恢复窦性心律", "zh"), ("never got back to sinus rhythm", "en"),
                       ("GCS 15 on arrival, dropped to 8", "en"), ("was GCS 15, now 9", "en"), ("responsive now only to pain", "en")):
        assert not SETTLED[lang].search(told), told
    for told, lang in (("BP was low, she's stable now", "en"), ("现在恢复窦律了 意识清楚", "zh")):
        assert SETTLED[lang].search(told), told


def test_half_an_hour_after_it_is_over_is_no_time_to_stop_it(engine):
    ans = engine.answer("颈椎射频做完半小时，病人说手臂无力，握力下降，怎么办")
    assert ans.urgent and "停止操作" not in ans.text.split("\n")[0], ans.text
    assert "停止操作" in engine.answer("射频做完的时候病人说手臂无力").text.split("\n")[0]


def test_a_pathway_whose_sources_give_no_treatment_says_so(engine):
    ans = engine.answer("intrathecal baclofen pump, pt itchy, spastic and febrile since this morning, alarm beeping - what do I do?")
    assert ans.urgent and "gives no treatment steps for baclofen withdrawal" in ans.text, ans.text
    ans = engine.answer("just refilled a hydromorphone IT pump, 15 min later pt very drowsy, RR 6, pinpoint pupils")
    assert ans.urgent and "gives no treatment steps" not in ans.text, ans.text  # (its steps are there)


def test_a_low_grade_temperature_is_fever_and_an_afebrile_purulent_pocket_is_still_its_infection(engine):
    assert engine.answer("SCS测试期穿刺点渗液、发红，体温37.8，怎么处理").urgent  # (37.3-38 is 低热)
    assert not engine.answer("SCS测试期穿刺点渗液、发红，体温37，怎么处理").urgent
    q = engine._frame("3 wks after perm SCS, IPG pocket red warm and draining purulent fluid, afebrile. plan?", [])
    assert "surgical-site-infection" in q.concepts, q.concepts
