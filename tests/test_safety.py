import re

import pytest

from assistant.safety import DISCLAIMER, RED_FLAGS, triage


@pytest.mark.parametrize(
    ("question", "lang", "rule"),
    [
        ("My patient is seizing after 20 mL of bupivacaine for a block", "en", "last"),
        ("利多卡因注射后患者突然抽搐", "zh", "last"),
        ("kyphoplasty T12 just finished, pt suddenly SOB, desat to 82%, tachy. cement embolism?? what now", "en", "cement-embolism"),
        ("New leg weakness and urinary retention the day after an epidural steroid injection", "en", "neuraxial-deficit"),
        ("硬膜外注射后第二天患者双下肢无力、尿潴留", "zh", "neuraxial-deficit"),
        ("Fever and back pain 5 days after spinal cord stimulator implant", "en", "implant-infection"),
        ("刺激器植入术后一周发热、伤口流脓", "zh", "implant-infection"),
        ("前天做的腰椎硬膜外注射，今天发烧38.5，腰疼得厉害", "zh", "implant-infection"),  # 腰疼 as said, not 腰痛
        ("fever 38.9 and oozing from IPG pocket 10 days after SCS implant, what now", "en", "implant-infection"),
        ("硬膜外类固醇注射后5分钟患者突然意识不清、血压70/40、呼吸变浅，现在怎么办？", "zh", "total-spinal"),
        ("unresponsive, BP 70/40 and shallow breathing 5 min after a lumbar ILESI with lidocaine, what now?", "en", "total-spinal"),
        ("SCS植入术后10天 发热38.9 囊袋切口有渗出", "zh", "implant-infection"),
        ("SCS trial后 pt 发热38.5 电极穿出处有脓 下一步？", "zh", "implant-infection"),
        ("just did L4-5 ILESI with 3ml 1% lido, pt now says she can't feel or move her legs and BP 75/40, what now", "en", "total-spinal"),
        ("day after ILESI, can't feel or move her legs, BP 85/50", "en", "neuraxial-deficit"),
        ("椎间盘造影后3周 腰痛越来越重 夜里痛醒 低热", "zh", "implant-infection"),
        ("鞘内吗啡泵 加药时 怀疑打进囊袋了 怎么办", "zh", "idd-overdose"),
        ("suspected pocket fill during IT morphine refill, what now?", "en", "idd-overdose"),
        ("前天做的腰椎硬膜外注射，今天右腿有点麻，怎么办", "zh", "neuraxial-deficit"),  # 腿麻 is numbness (麻醉 is not)
        ("Shortness of breath and chest pain after a thoracic paravertebral block", "en", "pneumothorax"),
        ("星状神经节阻滞后患者出现呼吸困难", "zh", "pneumothorax"),
        ("Sudden visual loss after a cervical transforaminal epidural steroid injection", "en", "esi-stroke"),
        ("Patient very drowsy with slow breathing 30 minutes after an intrathecal pump refill", "en", "idd-overdose"),
        ("鞘内泵补充后患者嗜睡、呼吸变慢", "zh", "idd-overdose"),
        ("Hives and wheeze right after contrast injection", "en", "contrast-anaphylaxis"),
        ("注射造影剂后患者出现荨麻疹和喉头水肿", "zh", "contrast-anaphylaxis"),
        # VT written short is toxicity; lost vision after a transforaminal injection is a stroke picture, unless a
        # toxicity sign is there too (slurred speech alone is toxicity)
        ("85 kg pt went into VT after bupi for SI RFA, lipid dose now??", "en", "last"),
        ("颈椎经椎间孔注射后患者突然视物模糊、言语不清，现在怎么办", "zh", "esi-stroke"),
        ("cervical TFESI, pt now has blurred vision and slurred speech, what now", "en", "esi-stroke"),
        ("during cervical TFESI with lidocaine she has tinnitus, slurred speech and blurred vision - what now", "en", "last"),
        ("颈椎TFESI后口周发麻、言语不清，怎么办", "zh", "last"),
    ],
)
def test_red_flags_fire_in_both_languages(question, lang, rule):
    t = triage(question, lang)
    assert t.urgent and t.rule == rule
    assert t.escalation and t.hint


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How is post-dural puncture headache treated?", "en"),
        ("What is the incidence of LAST after peripheral nerve blocks?", "en"),
        ("硬膜外血肿有哪些危险因素？", "zh"),
        ("How long should clopidogrel be held before an SCS trial?", "en"),
        ("how long will the numbness last after a lumbar MBB?", "en"),  # an expected effect's course
        ("腰椎MBB后腿麻要持续多久", "zh"),
        ("pt had hives w/ omnipaque last yr, needs L4-5 ILESI - premed regimen?", "en"),  # a reaction before a planned procedure
        ("she had hives with contrast before; what premed before her cervical ESI?", "en"),  # premedication is for later
        ("以前碘造影剂过敏出过荨麻疹，这次TFESI前怎么预处理？", "zh"),
    ],
)
def test_ordinary_questions_are_not_urgent(question, lang):
    assert not triage(question, lang).urgent


def test_every_rule_and_disclaimer_is_bilingual():
    assert set(DISCLAIMER) == {"en", "zh"}
    for rule in RED_FLAGS:
        for table in (rule.symptoms, rule.context, rule.escalation, rule.hint):
            assert set(table) == {"en", "zh"}, rule.id


# Bedside shorthand and colloquial wording (written for these tests, not taken from the eval sets).
@pytest.mark.parametrize(
    ("question", "lang", "rule"),
    [
        ("post-block pt now shaking all over and says her lips are tingling", "en", "last"),
        ("had a seizure before we could stop injecting the bupivacaine, what now?", "en", "last"),  # "had ... before we" is now
        ("Despite premeds, she is wheezing with hives and BP 70/40 after the contrast injection for her L5 TFESI", "en",
         "contrast-anaphylaxis"),  # premedication given, the reaction is happening
        ("预处理后造影剂注射后出现荨麻疹、喘鸣、血压70/40", "zh", "contrast-anaphylaxis"),
        ("intrathecal pump topped up an hour ago, pt barely rousable, RR 5", "en", "idd-overdose"),
        ("caudal epidural yesterday, temp 38.9 and worsening back pain today", "en", "implant-infection"),
        ("SGB done 5 min ago, there's an expanding swelling at the injection site and she can't swallow", "en", "airway-haematoma"),
        ("thoracic epidural 10 ml bupi: BP 75/40, HR 40, both arms heavy, struggling to breathe", "en", "total-spinal"),
        ("pt went clammy and passed out on the table before we even started the facet injection", "en", "vasovagal"),
        ("打完硬膜外针半小时，病人说腿没劲，站不起来", "zh", "neuraxial-deficit"),
        ("泵里加完药，病人昏昏欲睡，呼吸一分钟 6 次", "zh", "idd-overdose"),
        ("椎管内镜做到一半病人说头胀痛、脖子疼", "zh", "epiduroscopy-pressure"),
        ("pt 做完 T12 TFESI，Depo-Medrol，当场双腿瘫了", "zh", "esi-stroke"),
        ("巴氯芬泵没药了，病人高烧、全身痒、抽筋", "zh", "baclofen-withdrawal"),
        ("腰部硬膜外推了布比卡因 12 ml，血压掉到 70/40，心率 42，手抬不起来", "zh", "total-spinal"),
        ("颈椎TFESI推药后病人马上抽搐、意识丧失！", "zh", "last"),  # 推药 is the injection itself
        # hours later by the clock: a haematoma picture, not the immediate infarct of the ESI-stroke pathway
        ("Had a TFESI at 9am, now 4pm and he can't lift his legs, new numbness below the waist", "en", "neuraxial-deficit"),
        ("上午9点做的腰椎TFESI，现在下午4点病人双腿抬不起来，腰以下麻木", "zh", "neuraxial-deficit"),
        ("did a caudal this morning, this evening she has new leg weakness and can't pass urine", "en", "neuraxial-deficit"),
        ("星状神经节阻滞推完药病人立刻意识不清、四肢抽动", "zh", "last"),
        ("she's having a fit on the table after the paravertebral, what now", "en", "last"),
        ("post-TFESI she's gone unresponsive with jerky movements", "en", "last"),
        ("mid cervical ILESI pt says her arms feel numb and heavy and she's struggling to breathe", "en", "total-spinal"),
        ("patient developed LAST after a TFESI, how much lipid?", "en", "last"),  # the diagnosis named as happening now
        ("TFESI 后出现 LAST，lipid 首剂给多少？病人 55kg", "zh", "last"),
        # anaphylaxis to something other than contrast (the steroid, chlorhexidine, latex): no contrast word needed
        ("L5 TFESI just done, she's covered in hives, wheezing, BP 78/40", "en", "contrast-anaphylaxis"),
        ("caudal epidural 10 min ago, lips swelling and short of breath, BP dropping", "en", "contrast-anaphylaxis"),
        ("腰椎硬膜外注射后几分钟全身荨麻疹、喘鸣，血压掉到75/40", "zh", "contrast-anaphylaxis"),
        # colloquial toxicity signs: the mouth numb all round, ears buzzing, a fixed stare, a hand starting to jerk
        ("腰椎TFESI用了0.5%罗哌卡因快20ml，刚做完病人说嘴巴周围麻，耳朵嗡嗡响，然后眼睛发直，手开始抽", "zh", "last"),
        # a faint after the skin's local anaesthetic, with no skin or airway sign
        ("刚打完皮肤局麻，病人头晕想吐、满头大汗、脸色煞白，心率48，血压85/50，没有皮疹也不喘", "zh", "vasovagal"),
        # arms without strength and laboured breathing minutes after lidocaine in a cervical interlaminar epidural
        ("C7-T1椎板间注射打了1%利多卡因5ml，几分钟后病人说两只手没力，喘气费劲，血压80/40，心率50，没有抽搐", "zh", "total-spinal"),
        # a headache after a dural puncture that stops being postural, with vomiting and confusion
        ("上周硬膜外意外穿破，一直是站起来头疼躺下好，这两天躺着也疼，一直吐，家属说他有点迷糊", "zh", "dural-puncture-red-flags"),
        ("wet tap during an ILESI 4 days ago, headache was positional but now it's there lying flat too and she's a bit confused", "en",
         "dural-puncture-red-flags"),
        # a seizure days after a dural puncture, with the headache changed: the puncture's red flag, not toxicity
        ("Wet tap during an SCS trial 6 days ago. Headache was positional at first, now it's constant, no better lying flat, she's "
         "vomiting, a bit confused and had a seizure this morning.", "en", "dural-puncture-red-flags"),
        # a low-grade temperature told beside a draining pocket (as 体温37.8 is 低热)
        ("SCS IPG pocket 3 wk post implant, red, warm, draining cloudy fluid, T 37.9. can I just do abx and keep the device?", "en",
         "implant-infection"),
        # a sensory level at the nipples with a falling pressure and a slow heart minutes after lidocaine: a high block
        ("just did L4-5 IL ESI 10ml lido mix, 5 min later BP 75/40 HR 45, nauseous, numb up to nipples, talking but anxious. what now",
         "en", "total-spinal"),
        ("刚做完L4-5椎板间硬膜外注射，利多卡因10ml，5分钟后血压75/40，心率45，恶心，麻到乳头，能说话但很紧张，怎么办", "zh", "total-spinal"),
        # double vision days after a wet tap, with the headache going on: the puncture's red flag, not an embolus
        ("wet tap w/ 18G tuohy during T10-11 IL ESI yesterday. day 3 headache still bad and now she has double vision and vomiting",
         "en", "dural-puncture-red-flags"),
        ("腰椎硬膜外注射时湿穿了，第3天头痛还是很重，现在出现复视和呕吐", "zh", "dural-puncture-red-flags"),
        # a stroke picture told at the bedside ("within a minute", "he's slurring", "can't see properly")
        ("R C6 TFESI with particulate, within a minute of injecting he's slurring words, can't see properly and L arm weak", "en",
         "esi-stroke"),
        # arms that will not move, breathing hard and a systolic of 70 minutes after lidocaine through a Tuohy
        ("L4/5 ILESI, gave 8 ml lido 1% + steroid through the Tuohy, 3 min later he can't move his arms, says breathing is hard, "
         "BP 70 systolic", "en", "total-spinal"),
    ],
)
def test_bedside_wording_finds_the_pathway(question, lang, rule):
    assert triage(question, lang).rule == rule


def test_a_normal_temperature_told_beside_a_red_wound_is_no_fever():
    assert not triage("SCS IPG pocket 3 wk post implant, a bit red at the edge, T 37.1. ok to watch?", "en").urgent


def test_what_to_tell_a_patient_with_a_deficit_now_stays_urgent():
    for q in ("20 min after C6-7 TFESI he can't move his arm, what do I tell him?",
              "pt asks if the numb legs after the L4-5 TFESI 10 min ago are normal",
              # the patient's own words, quoted as a question, told as happening now
              "pt asks 'why can't I move my legs?' 10 min after the L1 TFESI, what do we do"):
        assert triage(q, "en").rule == "esi-stroke", q


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("She had LAST with a seizure years ago and is now booked for a facet injection: what precautions?", "en"),
        ("Has stroke after a stellate ganglion block been reported?", "en"),
        ("How many patients are left with a visual deficit after retinal haemorrhage from epiduroscopy?", "en"),
        ("After LAST with an arrhythmia, how long do we need to monitor the patient?", "en"),
        ("病人担心做射频会瘫痪，怎么解释风险", "zh"),
        ("pt terrified of paralysis from a lumbar epidural steroid shot. what real numbers can I give her?", "en"),
        ("SGB 20 min ago, she's hoarse and it feels like a lump in her throat - what now?", "en"),  # expected effects of the block
        ("星状神经节阻滞后病人声音嘶哑，现在怎么办", "zh"),
        ("鞘内泵导管肉芽肿压迫脊髓导致截瘫的风险有多大？", "zh"),
        ("要不要跟患者交代硬膜外激素注射可能导致瘫痪和失明？", "zh"),  # what to tell the patient at consent
        ("prior rash after contrast for a discogram; lumbar medial branch block planned - what steroid premedication?", "en"),
        ("what are the early signs of LAST?", "en"),
        ("wet tap yesterday, headache when sitting up, better lying flat - blood patch now?", "en"),  # plain PDPH: no red flag
        ("硬膜外穿破后第二天，坐起来头痛，躺下就好，要不要打血补丁？", "zh"),
        ("手抽血化验结果出来了，INR 1.3，可以做经椎间孔注射吗？", "zh"),  # 抽血 is a blood draw, not a jerking hand
        ("LAST 怎么处理？", "zh"),
        # a patient's question before the procedure, to be answered at consent (the quoted words are no symptom)
        ("pt asks 'can this shot paralyze me?' before C6-7 TFESI. what do i tell him, any numbers?", "en"),
        ("pt asks 'can this shot paralyze me?' before C6-7 TFESI. what do i tell him?", "en"),
        ("病人问“这一针会不会让我瘫痪？”，明天做颈椎TFESI，怎么回答", "zh"),
        ("病人以前做增强CT起过荨麻疹，这次TFESI造影怎么办？可以用钆剂代替吗", "zh"),  # a past reaction before the next one
        ("病人有碘造影剂过敏史（以前CT增强出过荨麻疹），做TFESI怎么办？能用钆吗", "zh"),
    ],
)
def test_counselling_history_and_frequency_are_not_emergencies(question, lang):
    assert not triage(question, lang).urgent


def test_the_questions_concepts_give_the_procedure_context():
    text = "mid-procedure she says her neck hurts and vision is blurred"  # no procedure named in words
    assert not triage(text, "en").urgent
    assert triage(text, "en", {"epiduroscopy"}).rule == "epiduroscopy-pressure"


def test_every_pathway_has_bilingual_actions():
    from assistant.safety import PATHWAY_ACTIONS, PATHWAY_STEPS

    ids = {r.id for r in RED_FLAGS}
    assert set(PATHWAY_ACTIONS) == ids
    for table in list(PATHWAY_ACTIONS.values()) + list(PATHWAY_STEPS.values()):
        assert set(table) == {"en", "zh"}


def test_how_to_treat_a_pathway_complication_gets_its_protocol_without_urgency():
    from assistant.safety import protocol_for

    p = protocol_for({"last", "local-anaesthetic"}, "zh")
    assert p.rule == "last" and not p.urgent and not p.escalation and p.steps
    assert not protocol_for({"last", "pneumothorax"}, "en").rule  # two complications: no single protocol
    assert not protocol_for({"epidural-blood-patch"}, "en").rule


# A deficit hours or days after the procedure, or after an anticoagulant was restarted, is a haematoma (neuraxial-deficit),
# not the immediate cord infarct of a transforaminal injection (written for these tests).
@pytest.mark.parametrize(
    ("question", "lang", "rule"),
    [
        ("L5 TFESI with Depo-Medrol yesterday; this morning both legs are weak and he can't pass urine", "en", "neuraxial-deficit"),
        ("T11 transforaminal with kenalog, woke up overnight with numb legs", "en", "neuraxial-deficit"),
        ("TFESI at L3 earlier today, back on warfarin tonight and now her legs are weak", "en", "neuraxial-deficit"),
        ("右侧 L4 经椎间孔注射甲泼尼龙后第二天，双下肢无力、尿不出", "zh", "neuraxial-deficit"),
        ("昨天做了经椎间孔注射，今早恢复服用利伐沙班，现在双腿没劲", "zh", "neuraxial-deficit"),
        ("T12 TFESI with Depo-Medrol: right after the injection he can't move his legs", "en", "esi-stroke"),
        ("经椎间孔注射得宝松，刚推完病人双腿不能动", "zh", "esi-stroke"),
    ],
)
def test_delayed_onset_or_an_anticoagulant_restart_is_a_haematoma_not_a_cord_infarct(question, lang, rule):
    assert triage(question, lang).rule == rule


def test_delayed_onset_reads_time_words_and_restarts():
    from assistant.safety import delayed_onset

    assert delayed_onset("TFESI yesterday, now weak legs", "en")
    assert not delayed_onset("TFESI yesterday; during today's injection his legs went weak", "en")  # placed at the injection
    assert delayed_onset("restarted Eliquis after the block, now weak", "en")
    assert delayed_onset("resumed her tablets, now weak", "en", {"apixaban", "antithrombotic"})  # the drug found as a concept
    assert not delayed_onset("restarted the injection, legs weak", "en")  # no anticoagulant
    assert delayed_onset("注射后第三天双腿无力", "zh") and not delayed_onset("注射时双腿突然无力", "zh")
    assert not delayed_onset("held apixaban the day before; on the table his legs went weak", "en")
    assert not delayed_onset("停药3天后做的经椎间孔注射，推完就双腿不能动", "zh")


def test_steps_borrowed_from_another_pathways_protocol_are_named():
    from assistant.safety import borrowed_steps
    assert borrowed_steps("total-spinal", ["last-en", "esi-interlaminar-caudal-en"]) == "last"
    assert borrowed_steps("total-spinal", ["esi-interlaminar-caudal-zh"]) == ""
    assert borrowed_steps("last", ["last-en"]) == ""  # its own protocol


def test_fever_with_a_new_deficit_adds_the_abscess_antibiotic_step():
    from assistant.safety import steps_for
    febrile = steps_for("neuraxial-deficit", "en", "3 days after an ILESI: fever 38.9, back pain and leg weakness")
    afebrile = steps_for("neuraxial-deficit", "en", "6 hrs after an ILESI: severe back pain and numb legs")
    assert any("antibiotic" in st for st in febrile) and not any("antibiotic" in st for st in afebrile)
    # the same first steps, each quoted only from a sentence that names the abscess when it names a haematoma
    mri = "obtaining an emergency MRI to look for haematoma, abscess or infarct"
    assert [bool(re.search(st, mri, re.I)) for st in febrile[:2]] == [bool(re.search(st, mri, re.I)) for st in afebrile[:2]] == [False, True]
    assert re.search(afebrile[1], "emergency MRI for a suspected SCS-related epidural haematoma", re.I)
    assert not re.search(febrile[1], "emergency MRI for a suspected SCS-related epidural haematoma", re.I)
    step = next(st for st in febrile if "antibiotic" in st)  # the abscess's antibiotics, not a superficial wound's
    assert re.search(step, "An epidural abscess is investigated with gadolinium-enhanced MRI and treated with antibiotics, with or without drainage")
    assert not re.search(step, "A superficial wound infection after spinal cord stimulator (SCS) implantation may respond to antibiotics")
    assert any("抗生素" in st for st in steps_for("neuraxial-deficit", "zh", "硬膜外注射后第三天 发热38.9 双腿无力"))


def test_a_follow_up_telling_the_signs_now_is_urgent_though_the_turn_before_asked_prevention():
    before = "局麻药全身毒性怎么预防？。"
    assert triage("那要是病人已经出现头晕口周麻木了呢？", "zh", (), before).rule == "last"
    assert not triage("局麻药全身毒性怎么预防？", "zh").urgent  # the prevention question itself is no emergency
    assert triage("what if she already has perioral tingling and tinnitus?", "en", (), "how do I prevent LAST during a TAP block. ").urgent


def test_an_infected_implant_with_pus_and_fever_leads_with_the_deep_infection_step():
    from assistant.safety import steps_for
    first = steps_for("implant-infection", "en", "day 5 after SCS implant, pus from the wound and fever 38.9")[0]
    assert re.search(first, "A pocket infection or deep infection of an SCS system usually requires explantation of the device plus antibiotics")
    assert not re.search(first, "A superficial wound infection after spinal cord stimulator (SCS) implantation may respond to antibiotics")


def test_numb_legs_and_a_falling_pressure_right_after_epidural_local_is_the_block_spreading_not_a_haematoma():
    told = "just did T10-11 ILESI with lido 2% 5ml, pt now says legs numb and heavy, BP 85/50"
    assert triage(told, "en").rule == "total-spinal"
    assert triage("now she says hands tingling and hard to breathe, getting drowsy", "en", (), f"{told}. ").rule == "total-spinal"
    assert triage("ILESI with lidocaine yesterday, this morning legs numb and heavy, BP 85/50", "en").rule == "neuraxial-deficit"
    assert triage("刚做完腰椎硬膜外注射（2%利多卡因5ml），病人双下肢麻木无力，血压80/50", "zh").rule == "total-spinal"
    leak = triage("那现在骨水泥漏到椎管里了，病人醒来说一条腿疼得厉害、没力，怎么办", "zh", (), "哪种渗漏最危险。")
    assert leak.rule == "neuraxial-deficit"  # 没力 is weakness


def test_an_emergency_typed_without_apostrophes_is_still_one():
    assert triage("pt just had L5/S1 TFESI w dexamethasone, 2 min later says cant feel or move legs, BP ok. what now", "en").urgent
    assert triage("morphine pump refilled this am, now she wont wake and resp rate is 6", "en").rule == "idd-overdose"


def test_breathlessness_after_a_neck_block_checks_the_airway_first():
    tri = triage("stellate block with lidocaine, now hoarse, short of breath and sats 88%", "en")
    assert tri.rule == "pneumothorax" and "check the airway" in tri.escalation and "haematoma" in tri.escalation
    assert "评估气道" in triage("星状神经节阻滞推了利多卡因后病人声音嘶哑、说喘不上气，血氧掉到88%", "zh").escalation


def test_perioral_tingling_written_short_is_the_toxicity_picture_not_a_faint():
    assert triage("TFESI打完20分钟病人说头晕、口周麻，BP 85/50，要不要给intralipid？剂量多少？", "zh").rule == "last"
    assert triage("刚做完SGB，嘴唇发麻、耳鸣", "zh").rule == "last"
    assert not triage("局麻药注射后口周麻木怎么预防", "zh").urgent  # a prevention question is no emergency


def test_a_pulseless_patient_and_signs_written_in_english_inside_chinese_are_emergencies():
    assert triage("星状神经节阻滞 利多卡因刚推完 病人突然意识没了 摸不到颈动脉搏动", "zh").rule == "last"
    assert triage("还没打针病人就脸色苍白、出冷汗、晕过去了，心率40多", "zh").rule == "vasovagal"  # 还没: not yet
    assert triage("SGB with lidocaine just done, now unresponsive and no pulse", "en").rule == "last"
    assert triage("正在推骨水泥 PVP T12，病人突然SpO2掉到85 血压80/50", "zh").rule == "cement-embolism"
    assert triage("SCS trial leads in, day 4, fever 39 and new severe back pain, leads still in", "en").rule == "implant-infection"


def test_an_old_reaction_before_a_planned_procedure_or_a_question_about_a_series_is_no_emergency():
    assert not triage("病人以前做增强CT出过荨麻疹 碘造影剂过敏，这次要做腰椎ESI 怎么办 能不用造影吗", "zh").urgent
    assert triage("以前造影剂过敏，今天做腰椎ESI，刚推完造影剂突然全身荨麻疹、血压掉到80/40，怎么办", "zh").rule == "contrast-anaphylaxis"
    assert not triage("Lumbar facet nerve burning - in the big Mayo series did anybody get an infection or new numbness or weakness?", "en").urgent


def test_a_known_allergy_told_as_history_in_a_planning_question_is_no_emergency():
    assert not triage("discogram L3-S1 - should i put cefazolin in the contrast? pt pen allergic (rash)", "en").urgent
    assert not triage("腰椎间盘造影，病人青霉素过敏（皮疹），造影剂里还加头孢吗", "zh").urgent
    # the allergy beside a reaction happening now is still anaphylaxis
    assert triage("pt with penicillin allergy, now wheezing and hives after cefazolin for SCS implant", "en").urgent
    assert triage("SCS植入刚给完头孢唑林，病人突然全身风团、血压80/40，有青霉素过敏史", "zh").urgent


def test_a_febrile_headache_asked_about_as_pdph_is_first_ruled_not_meningitis():
    for q, lang in (("headache 3 days post SCS trial leads, now T 38.9 and neck stiff. just PDPH?", "en"),
                    ("ESI后第3天头痛，发烧38.9，脖子硬，按PDPH处理行吗", "zh")):
        assert triage(q, lang).rule == "dural-puncture-red-flags", q
    # fever with a red wound after an implant is still the implant's infection
    assert triage("3 days after SCS implant, fever 38.9 and the pocket is red and oozing", "en").rule == "implant-infection"


def test_hours_after_and_a_new_deficit_tell_an_event_but_a_question_about_its_risk_does_not():
    assert triage("6h post T10 ILESI, new bilat leg weakness and cant pass urine", "en").rule == "neuraxial-deficit"
    assert not triage("what's the risk of new leg weakness after an ILESI?", "en").urgent
    assert not triage("how often does new leg weakness follow a lumbar TFESI?", "en").urgent


def test_a_known_allergy_beside_a_reaction_happening_now_is_still_anaphylaxis():
    for q, lang in (("Contrast allergic pt, got omnipaque for L5 TFESI, hives and wheeze and lips swelling", "en"),
                    ("Is this a contrast allergy? hives, wheeze and throat tightness after the contrast during TFESI", "en"),
                    ("Penicillin-allergic pt, got cefazolin before SCS implant, developing hives, wheeze, lip swelling", "en"),
                    ("病人造影剂过敏，TFESI注射造影剂后全身荨麻疹、喘憋、嘴唇肿", "zh"),
                    ("对碘过敏（皮疹），TFESI推完造影剂后喉头发紧、喘", "zh")):
        assert triage(q, lang).urgent, q


def test_a_red_oozing_wound_is_the_implants_infection_and_a_fever_is_read_in_its_usual_forms():
    for q, lang in (("SCS implant, wet tap during lead placement, now day 4 fever 38.8, wound red with pus, headache", "en"),
                    ("鞘内泵植入术后第5天，伤口红肿流脓，脑脊液漏，头痛发热38.5度，怎么办", "zh")):
        assert triage(q, lang).rule == "implant-infection", q
    for q, lang in (("wet tap 2 days ago, headache, temp was 38.6", "en"), ("wet tap 2 days ago, headache, Tmax 38.6", "en"),
                    ("wet tap 2 days ago, headache, 101.5F", "en"), ("硬膜穿破后头痛，体温38.6", "zh")):
        assert triage(q, lang).rule == "dural-puncture-red-flags", q
    assert not triage("wet tap, headache, she isn't 38 weeks pregnant, what now", "en").urgent


def test_a_stimulators_paraesthesia_that_moved_is_lead_migration_not_a_deficit_and_a_pump_of_years_has_nothing_to_stop():
    assert not triage("SCS pt says the paresthesia suddenly moved to his belly, legs not covered anymore. what now?", "en").urgent
    assert triage("SCS pt suddenly has weak numb legs and back pain 2 days after lead placement", "en").rule == "neuraxial-deficit"
    pump = triage("鞘内吗啡泵用了5年，剂量一直加但越来越没效果，最近双腿发麻，怎么回事？", "zh", {"intrathecal-drug-delivery"})
    assert pump.urgent and "停止操作" not in pump.escalation


def test_years_of_pain_history_and_paraesthesia_spreading_after_an_injection_keep_their_emergency():
    q = "Radicular pain for 2 years. L5 TFESI with kenalog, 1 minute after injecting both legs weak and numb, what do I do?"
    assert triage(q, "en").rule == "esi-stroke"  # the history's years are no delayed onset
    assert "Stop the procedure" in triage("neck pain for 3 years, stellate ganglion block with bupivacaine, now seizing and tinnitus", "en").escalation
    for q, lang in (("after the L4 TFESI with kenalog the paresthesia moved down both legs, now what", "en"),
                    ("硬膜外注射后腿麻移到双侧了，怎么办", "zh")):
        assert triage(q, lang).urgent, q  # no stimulator: a spreading paraesthesia is a new deficit


def test_a_patient_in_arrest_gets_the_modified_resuscitation_step_first():
    from assistant.safety import PATHWAY_STEPS, steps_for

    acls = PATHWAY_STEPS["last"]["en"][4]
    assert steps_for("last", "en", "seizure stopped w midaz but now pulseless VT")[0] == acls
    assert steps_for("last", "en", "pt seizing after bupivacaine")[0] != acls  # a seizure: help, airway, oxygen first
    assert steps_for("last", "zh", "脂肪乳推了一个bolus了 现在室颤 接下来怎么办")[0] == PATHWAY_STEPS["last"]["zh"][4]
    # a question read as English whose Chinese words set the scene is triaged in Chinese and told in English
    q = "硬膜外注射后第5天 fever 39.2, severe back pain, CRP high - what to do"
    told = triage(q, "zh", {"esi"}, told_in="en")
    assert told.urgent and told.rule == "implant-infection" and told.escalation.startswith("URGENT") and "Call for help" in told.escalation


def test_how_long_an_effect_will_last_is_an_emergency_when_it_is_happening_now():
    assert triage("her legs are numb and weak now after L4 TFESI, how long will it last? what do I do", "en").urgent


def test_hives_with_falling_pressure_is_anaphylaxis_not_a_high_block_and_a_baclofen_itch_stays_withdrawal():
    # hives or a swollen face with laboured breathing after an epidural is allergic, not local anaesthetic spreading high
    assert triage("thoracic epidural 10 ml bupi, now hives everywhere, struggling to breathe, BP 75/40", "en").rule == "contrast-anaphylaxis"
    assert triage("thoracic epidural 10 ml bupi: BP 75/40, HR 40, both arms heavy, struggling to breathe", "en").rule == "total-spinal"
    # an itch alone with a falling pressure is no allergic skin sign (intrathecal opioids itch)
    assert triage("baclofen pump ran dry, pt itchy, febrile, rigid and BP dropping", "en").rule == "baclofen-withdrawal"
    assert not triage("after the ESI she had a rash on her back for two weeks - is that from the steroid?", "en").urgent


def test_a_chinese_denial_written_with_mei_is_no_sign_and_a_slow_pale_faint_is_no_anaphylaxis():
    # "没皮疹没口周麻木": no rash, no perioral numbness; pale, sweaty and slow after contrast and lidocaine is a faint
    q = "腰4/5 TF刚推完造影剂和利多卡因，病人说头晕恶心出冷汗，脸色苍白，HR 45，BP 80/50，没皮疹没口周麻木，咋处理"
    assert triage(q, "zh").rule == "vasovagal"
    assert triage("L4 TF just injected contrast, pt pale sweaty HR 42 BP 78/40, no rash, no wheeze", "en").rule == "vasovagal"
    assert triage("L4 TF just injected contrast, pt pale and sweaty, heart rate 42, BP 78/40", "en").rule == "vasovagal"
    assert triage("推完造影剂 全身rash，血压70/40，心率48", "zh").rule == "contrast-anaphylaxis"  # an English sign in Chinese
    assert triage("after contrast for TFESI: hives, wheeze, BP 70/40, HR 50", "en").rule == "contrast-anaphylaxis"
    # 没劲 / 没感觉 / 没了 are symptoms, not denials
    assert triage("星状神经节阻滞 利多卡因刚推完 病人突然意识没了 摸不到颈动脉搏动", "zh").rule == "last"


def test_a_deficit_the_morning_after_an_scs_trial_on_rivaroxaban_is_urgent():
    q = "吃拜瑞妥的老太太昨天做的SCS测试电极植入，今早腰背部剧痛，两条腿越来越没劲，小便解不出来"
    assert triage(q, "zh").rule == "neuraxial-deficit"


def test_a_picture_that_began_days_after_the_procedure_leads_with_the_work_up_not_with_stopping_the_injection():
    late = triage("Day 2 after kyphoplasty at T12, she now has chest tightness and is short of breath. What should I do?", "en")
    assert late.rule == "cement-embolism" and "stop injecting" not in late.escalation and "CT pulmonary angiogram" in late.escalation
    assert re.search(late.steps[0], "should prompt suspicion of pulmonary cement embolism and a CT pulmonary angiogram", re.I)
    assert re.search(late.intra, "Stop the cement injection, give oxygen", re.I)
    now = triage("Chest tightness and sats dropping while injecting cement at L1, what now?", "en")
    assert now.rule == "cement-embolism" and "stop injecting cement" in now.escalation and not now.intra
    zh = triage("硬膜外腔镜术后第二天病人说看东西模糊，怎么办", "zh")
    assert zh.rule == "epiduroscopy-pressure" and "停止冲洗" not in zh.escalation and re.search(zh.intra, "应暂停操作，让液体引流排出")


def test_after_a_transforaminal_injection_with_no_local_anaesthetic_weak_arms_or_a_seizure_are_an_arterial_event():
    # contrast only, then blindness and a seizure: the vertebral artery, not local anaesthetic toxicity
    assert triage("颈椎经椎间孔注射推造影剂后病人突然说看不见东西，接着抽搐了，怎么办？", "zh").rule == "esi-stroke"
    assert triage("cervical TF, after contrast she suddenly cant see, then seizes", "en").rule == "esi-stroke"
    # a particulate steroid only, then arms that cannot move with a low pressure: a cord infarct, not a high block
    assert triage("C6 TFESI with depo-medrol 80, just injected and pt says he cant move his arms, BP 90/50, HR 50", "en").rule == "esi-stroke"
    # with local anaesthetic in the syringe the same pictures stay toxicity and a high block
    assert triage("TFESI with 2 ml lido, after contrast she says she cant see and then has a seizure", "en").rule == "last"
    assert triage("C6 TFESI with lidocaine and depo-medrol, just injected, pt cant move his arms, BP 80/50, HR 45", "en").rule == "total-spinal"


def test_once_the_procedure_is_over_the_banner_does_not_say_stop_it_and_a_patient_at_home_is_brought_in():
    recovery = triage("PVP术后在复苏室，病人突然胸闷气促，SpO2 86%，BP 85/50", "zh")
    assert recovery.rule == "cement-embolism" and "停止" not in recovery.escalation and "CT 肺动脉造影" in recovery.escalation
    phone = triage("Phone call: SCS day 4, fever 38.9, pus from the wound and back pain", "en")
    assert phone.rule == "implant-infection" and "come to hospital now" in phone.escalation and "Stop the procedure" not in phone.escalation
    family = triage("巴氯芬泵病人家属打电话：高烧、全身发硬、皮肤很痒、人迷迷糊糊，泵上周报警了没管", "zh")
    assert family.rule == "baclofen-withdrawal" and "立即让家属拨打急救电话" in family.escalation  # (life-threatening: 120 now)
    spinal = triage("recovery: 30 min after T10/11 epidural steroid w 5ml 1% lido test dose, pt now apnoeic, HR 40, pupils dilated", "en")
    assert spinal.rule == "total-spinal" and "Stop the procedure" not in spinal.escalation
    table = triage("Injecting PMMA at T8, she suddenly has chest tightness, sats 84%", "en")
    assert "Stop the procedure" in table.escalation and "stop injecting cement" in table.escalation
    # the time told since it: nothing under way to stop
    for text, lang, rule in (("Pt 40 min after C6-7 TFESI with dexamethasone now can't move arms or legs, BP 90/50", "en", "esi-stroke"),
                             ("SCS trial day 5, exit site red and oozing, temp 38.4", "en", "implant-infection"),
                             ("SCS测试第5天 电极出口红肿流脓 体温38.6", "zh", "implant-infection"),
                             ("硬膜外腔镜术后病人说视力模糊，是怎么回事", "zh", "epiduroscopy-pressure")):
        t = triage(text, lang)
        assert t.rule == rule and "Stop the procedure" not in t.escalation and "立即停止操作" not in t.escalation, (text, t.escalation)
    assert "Stop the procedure" in triage("C6-7 TFESI, just injected dex, pt suddenly can't move his arms", "en").escalation


def test_one_sided_weakness_and_slurred_speech_after_a_steroid_only_transforaminal_is_a_stroke_not_last():
    told = "mid C6-7 TFESI w depo-medrol, pt suddenly cant move L arm + slurred speech. what do i do"
    assert triage(told, "en").rule == "esi-stroke"
    assert triage("颈6-7 TFESI 用了得宝松，病人突然左手动不了，说话含糊不清，怎么办", "zh").rule == "esi-stroke"
    # consciousness lost or a seizure right after a particulate steroid alone: an embolus to the brainstem, not toxicity
    assert triage("during C6-7 TFESI pt suddenly unresponsive right after i pushed the kenalog ??", "en").rule == "esi-stroke"
    assert triage("C6-7 TFESI 推完得宝松 病人突然意识丧失", "zh").rule == "esi-stroke"
    assert triage("during C6-7 TFESI with lidocaine pt suddenly unresponsive", "en").rule == "last"  # local anaesthetic told


def test_shock_after_a_procedure_with_no_pathway_of_its_own_is_urgent_and_says_there_is_no_protocol():
    from assistant.safety import NO_PROTOCOL

    en = triage("PACU call: 20 min post celiac plexus neurolysis, BP 72/40 HR 118, pale + clammy. next steps?", "en")
    assert en.urgent and en.rule in NO_PROTOCOL and "no protocol" in en.escalation and "Stop the procedure" not in en.escalation
    zh = triage("腹腔神经丛酒精毁损做完 复苏室 BP 72/40 HR 118 咋办", "zh")
    assert zh.urgent and zh.rule in NO_PROTOCOL and "没有针对" in zh.escalation
    # a slow heart is still the faint; a question about how often it happens is no emergency
    assert triage("during the lumbar TFESI she went pale and sweaty, HR 42, BP 80/40", "en").rule == "vasovagal"
    assert not triage("how common is hypotension after a celiac plexus block?", "en").urgent


def test_baclofen_withdrawal_is_never_told_to_stop_a_procedure():
    ward = triage("ward call - baclofen pump alarm went off earlier, now pt febrile 39.2, itchy all over, spasms way worse, confused. what now", "en")
    assert ward.rule == "baclofen-withdrawal" and "Stop the procedure" not in ward.escalation
    refill = triage("baclofen pump refill just done, now she is febrile and rigid, spasms worse", "en")
    assert refill.rule == "baclofen-withdrawal" and "Stop the procedure" not in refill.escalation


def test_shock_range_vitals_are_an_emergency_whatever_is_asked_and_an_arrow_tells_what_followed():
    assert triage("腹腔神经丛毁损（酒精）做完回病房1小时 BP 72/40 HR 110 病人有点头晕 正常吗怎么处理", "zh").urgent
    assert not triage("腹腔神经丛毁损后低血压常见吗？正常吗", "zh").urgent  # (no vitals told: a counselling question)
    assert triage("omnipaque for SIJ inj -> hives, wheeze, SBP 80. adrenaline dose + route?", "en").rule == "contrast-anaphylaxis"
    home = triage("家属打电话来：鞘内吗啡泵今天下午刚加药，现在晚上叫不太醒，呼吸一分钟大概6次，该怎么跟他们说", "zh")
    assert home.rule == "idd-overdose" and "拨打急救电话" in home.escalation


def test_hypertonic_saline_without_local_anaesthetic_is_the_neuroplasty_fluid_not_last():
    for q, lang in (("Racz硬膜外神经成形术中注入高渗盐水后，病人剧烈疼痛、血压忽高忽低，还出现了心律失常。", "zh"),
                    ("during Racz neuroplasty, right after hypertonic saline she has severe pain, BP swinging and an arrhythmia", "en")):
        assert triage(q, lang).rule == "epiduroscopy-pressure", q
    assert triage("Racz neuroplasty: after 10 ml bupivacaine and hypertonic saline she is seizing", "en").rule == "last"


def test_a_phone_call_from_a_relative_is_a_patient_at_home():
    t = triage("phone from wife: husband had morphine intrathecal pump refill this AM, now v sleepy, pinpoint pupils, breathing ~6/min", "en")
    assert t.rule == "idd-overdose" and "call emergency services now" in t.escalation and "Stop the procedure" not in t.escalation


def test_an_altered_mind_is_an_emergency_even_asked_as_is_it_serious_and_the_ward_on_the_phone_is_no_home():
    t = triage("巴氯芬泵的病人 家属打电话说这两天身上痒、发烧、抽筋比以前厉害很多 人有点糊涂，泵报警了好像，要紧吗", "zh")
    assert t.rule == "baclofen-withdrawal" and "拨打急救电话" in t.escalation
    ward = triage("ward on the phone - SCS trial leads in yesterday, clexane restarted last night, now new bilat leg weakness + numbness", "en")
    assert ward.rule == "neuraxial-deficit" and "emergency services" not in ward.escalation
    wife = triage("IT morphine pump refilled this am, wife rings - he's v drowsy, RR 7, pinpoint pupils", "en")
    assert wife.rule == "idd-overdose" and "call emergency services now" in wife.escalation
    assert triage("neurolytic coeliac plexus block w alcohol 30 min ago, BP now 70/40, dizzy, back pain", "en").rule == "unstable-vitals"


def test_a_complaint_told_after_epiduroscopy_is_urgent_even_asked_as_is_that_expected_and_the_banner_is_for_after():
    for q, lang in (("after epiduroscopy today pt complaining of blurred vision and headache, is that expected?", "en"),
                    ("硬膜外腔镜做完 病人说头痛 眼睛看东西模糊 这个要紧吗", "zh")):
        t = triage(q, lang)
        assert t.urgent and t.rule == "epiduroscopy-pressure", (q, t)
        assert "Stop the procedure" not in t.escalation and "停止操作" not in t.escalation, t.escalation
    assert not triage("is blurred vision after epiduroscopy expected? how common is it?", "en").urgent  # counselling


def test_paralysis_right_after_a_cervical_interlaminar_injection_with_a_high_pressure_is_no_high_block():
    t = triage("C7-T1 interlaminar ESI, straight after injecting pt says he cant move his arms or legs, BP 160/90 HR 55. what do i do", "en")
    assert t.urgent and t.rule == "neuraxial-deficit", t
    t = triage("C7-T1 interlaminar ESI with 5 ml 1% lido, pt now cant move his arms and is struggling to breathe, BP 80/40 HR 45", "en")
    assert t.urgent and t.rule == "total-spinal", t


def test_a_postural_headache_after_epiduroscopy_is_a_dural_puncture_headache_not_raised_pressure():
    assert not triage("硬膜外腔镜术后第二天一起床就头痛，躺下好转", "zh").urgent
    assert not triage("day after epiduroscopy, headache much worse sitting up, better lying flat", "en").urgent
    assert triage("day after epiduroscopy, headache worse sitting up and now blurred vision", "en").rule == "epiduroscopy-pressure"


def test_a_follow_up_reporting_the_scan_is_no_longer_a_call_from_home():
    t = triage("MRI显示L3-L5硬膜外脓肿，需要马上手术吗？", "zh",
               before="患者家属打电话：昨天做了腰椎硬膜外激素注射，今天发烧38.8℃，腰痛加重，两条腿没力气，小便解不出来。")
    assert t.urgent and "120" not in t.escalation, t.escalation
    assert "120" in triage("患者家属打电话：昨天做了腰椎硬膜外激素注射，今天发烧38.8℃，腰痛加重，两条腿没力气，小便解不出来", "zh").escalation


def test_a_limp_unresponsive_patient_after_a_cervical_transforaminal_steroid_and_a_relative_speaking_are_read():
    t = triage("pt went floppy & stopped responding during R C6/7 TFESI right after I pushed the depo-medrol, now not moving L arm, "
               "BP 92/50 HR 58 sats 94% - what do i do", "en")
    assert t.urgent and t.rule == "esi-stroke", t
    t = triage("我爸上周做了腰椎硬膜外激素注射，今天发烧39度，头很痛，脖子硬，怕光，要去急诊吗？", "zh")
    assert t.urgent and ("返院" in t.escalation or "120" in t.escalation) and "停止操作" not in t.escalation, t.escalation


def test_review_cases_a_negated_settling_word_a_baseline_pressure_a_past_scan_and_an_unfinished_procedure():
    assert triage("Leg weakness is not improving 6 hours after the lumbar epidural, what should I do?", "en").urgent
    t = triage("Cervical interlaminar epidural with lidocaine: pre-procedure BP 160/95, now 5 min after injecting BP 78/40, arms weak "
               "and she is struggling to breathe", "en")
    assert t.rule == "total-spinal", t
    assert not triage("How common is weakness after a transforaminal injection when the pain is not responding to physio?", "en").urgent
    t = triage("My dad had an L4-5 epidural 2 days ago, his MRI last year showed stenosis, now fever 39, back pain and legs weak", "en")
    assert t.urgent and "Stop the procedure" not in t.escalation, t.escalation
    t = triage("椎体成形术快做完的时候病人突然咳嗽，血氧降到88，血压85/50", "zh")
    assert t.rule == "cement-embolism" and "停止操作" in t.escalation, t.escalation


def test_a_day_of_a_course_with_a_temperature_is_an_event_told_in_chinese():
    # (a mixed-language bedside note: "day 4" and "发热38.5" say the wound is infected now)
    tri = triage("SCS trial 第4天 wound 红肿流脓 发热38.5，要不要拔电极？", "zh", {"spinal-cord-stimulation", "scs-trial"})
    assert tri.urgent and tri.rule == "implant-infection"


@pytest.mark.parametrize(("q", "lang", "concepts"), [
    ("做硬膜外腔镜的时候生理盐水灌注总量和速度有没有上限？听说会导致视力问题是怎么回事", "zh", {"epiduroscopy"}),
    ("I heard epiduroscopy can cause visual disturbance from the saline - what is the volume limit?", "en", {"epiduroscopy"}),
])
def test_a_complication_heard_of_is_asked_about_not_happening(q, lang, concepts):
    assert not triage(q, lang, concepts).urgent


@pytest.mark.parametrize(("q", "lang", "concepts"), [
    ("星状神经节阻滞后病人抽搐、意识不清，是怎么回事？", "zh", {"stellate-ganglion-block"}),
    ("硬膜外注射后病人双腿越来越没力，是怎么回事", "zh", {"esi"}),
    ("病人家属打电话说听说...患者术后发热39度，背痛剧烈，双腿无力，怎么处理？", "zh", {"esi"}),
    ("I heard from the nurse that the patient's legs are numb and weak after the epidural, MRI?", "en", {"esi"}),
    ("I've read the MRI - large epidural haematoma after the epidural, legs weak. Surgery?", "en", {"esi"}),
    ("I heard a crack, patient seized after the block, still fitting", "en", {"local-anaesthetic"}),
])
def test_a_picture_told_as_heard_or_asked_what_it_is_is_still_an_emergency(q, lang, concepts):
    assert triage(q, lang, concepts).urgent


def test_a_haematoma_a_scan_has_shown_is_the_haematoma_pathway_not_a_cord_infarct():
    concepts = {"transforaminal-esi", "esi"}
    shown = triage("new leg weakness after an L4/5 TFESI on apixaban, MRI shows an epidural haematoma - what now?", "en", concepts)
    assert shown.rule == "neuraxial-deficit"
    assert triage("TFESI后双下肢无力，核磁提示硬膜外血肿压迫，怎么办", "zh", concepts).rule == "neuraxial-deficit"
    assert triage("sudden leg weakness right after L4/5 TFESI, what now?", "en", concepts).rule == "esi-stroke"


@pytest.mark.parametrize(("q", "lang"), [
    ("sudden leg weakness right after L4/5 TFESI, MRI negative for haematoma - what now?", "en"),
    ("sudden leg weakness right after L4/5 TFESI - if the MRI shows a haematoma, what then?", "en"),
    ("sudden leg weakness right after L4/5 TFESI, urgent MRI to rule out haematoma?", "en"),
    ("sudden leg weakness right after L4/5 TFESI, groin haematoma on CT from his angiogram", "en"),
    ("经椎间孔注射刚推完药双下肢突然无力，核磁排除血肿，怎么办", "zh"),
    ("经椎间孔注射刚推完药双下肢突然无力，准备做核磁排除血肿", "zh"),
])
def test_a_haematoma_ruled_out_looked_for_or_elsewhere_keeps_the_cord_infarct_pathway(q, lang):
    assert triage(q, lang, {"transforaminal-esi", "esi"}).rule == "esi-stroke", q


@pytest.mark.parametrize(("q", "concepts"), [
    ("听同事说病人做完经椎间孔注射后双腿没劲，要紧吗？", {"transforaminal-esi", "esi"}),
    ("据说病人硬膜外注射后腿动不了了，怎么处理？", {"esi"}),
    ("病人据说昨晚开始发烧39度、背痛加重，前天做了硬膜外注射", {"esi"}),
])
def test_a_report_about_our_own_patient_is_no_hearsay(q, concepts):
    assert triage(q, "zh", concepts).urgent, q


def test_weakness_days_later_or_without_a_limb_is_no_cord_infarct():
    assert triage("经椎间孔注射后3天，病人双腿没劲，背痛", "zh", {"transforaminal-esi", "esi"}).rule != "esi-stroke"
    assert triage("经椎间孔注射后当天晚上双腿没劲", "zh", {"transforaminal-esi", "esi"}).rule != "esi-stroke"
    assert not triage("得宝松注射后一周，病人觉得没劲、失眠，是激素副作用吗？", "zh", {"betamethasone"}).urgent


def test_a_sudden_worst_ever_headache_right_after_a_procedure_is_urgent_and_not_assumed_to_be_pdph():
    from assistant.safety import NO_PROTOCOL

    en = triage("just finished cervical ESI, pt now says worst headache of her life and neck stiff, BP 190/100. what now", "en")
    assert en.urgent and en.rule == "sudden-severe-headache" and en.rule in NO_PROTOCOL, en
    assert "not assumed to be a post-dural puncture headache" in en.escalation and "no protocol" in en.escalation
    zh = triage("颈椎硬膜外注射刚做完，病人说突然剧烈头痛，这辈子最痛的头痛，脖子发硬，血压190/100，怎么办", "zh")
    assert zh.urgent and zh.rule == "sudden-severe-headache"
    # the postural headache of a dural puncture keeps its own reading; a question about headaches is no picture
    assert triage("2 days after ILESI worst headache ever, better lying flat, worse sitting", "en").rule != "sudden-severe-headache"
    assert not triage("what is the worst headache you can get after an epidural?", "en").urgent


def test_a_new_deficit_with_fever_names_the_epidural_abscess_first_in_the_banner():
    hot = triage("day 4 after SCS trial leads, temp 38.9, new severe midback pain, and legs getting weaker. what now", "en")
    assert hot.rule == "neuraxial-deficit" and "epidural abscess until shown otherwise" in hot.escalation
    assert "首先考虑硬膜外脓肿" in triage("SCS测试电极第4天，发热38.9，背痛加重，双腿越来越没力，怎么办", "zh").escalation
    cold = triage("2 days after TFESI, new leg weakness, what now", "en")
    assert "can be a spinal haematoma, abscess or cord injury" in cold.escalation


def test_a_family_phone_call_brings_the_patient_in_by_ambulance_and_weak_muscle_grades_are_a_deficit():
    call = triage("电话：昨天下午做的L1 PVP老太太，家属说她今天早上开始双腿没力气、麻，站不起来了，现在怎么办", "zh",
                  {"vertebral-augmentation"})
    assert call.urgent and "120" in call.escalation and "停止操作" not in call.escalation
    ward = triage("病房护士说：昨天做的L1 PVP老太太，家属说她今天早上开始双腿没力气，现在怎么办", "zh", {"vertebral-augmentation"})
    assert ward.urgent and "120" not in ward.escalation  # (the ward is no home)
    assert triage("PVP术后，肌力现在两下肢3级，下一步？", "zh", {"vertebral-augmentation"}).rule == "neuraxial-deficit"


def test_the_sudden_headache_flag_reads_negated_posture_danger_signs_and_a_dural_puncture_setting():
    for told in ("thunderclap headache after the ESI, isnt relieved by lying down",
                 "after the ESI she now has the worst headache ever, not better lying flat",
                 "sudden worst headache of her life after the ESI, now drowsy and confused, worse sitting up",
                 "worst headache of her life right after the blood patch",
                 "After the lumbar puncture she had a thunderclap headache",
                 "she had a sudden, severe headache after the facet injection",
                 "worst headache in her life after the epidural"):
        assert triage(told, "en").rule == "sudden-severe-headache", told
    for told in ("腰穿后突发剧烈头痛，不是体位性的", "硬膜外注射后突然出现剧烈头痛", "做完硬膜外后头从来没这么痛过",
                 "颈椎硬膜外注射刚做完，病人说突然剧烈头痛，坐起来就加重，现在嗜睡、呕吐"):
        assert triage(told, "zh").rule == "sudden-severe-headache", told


def test_afebrile_is_no_fever_in_the_deficit_banner():
    told = triage("Afebrile, new leg weakness 3 days after the epidural steroid injection", "en")
    assert told.rule == "neuraxial-deficit" and "epidural abscess until shown otherwise" not in told.escalation


def test_the_sudden_headache_flag_spares_a_postural_or_mild_or_denied_headache_and_reads_chinese_comparisons():
    for calm, lang in (("2 days after a wet tap, severe headache that comes on suddenly when she sits up, what now?", "en"),
                       ("硬膜外穿破后第二天，站起来突然剧烈头痛，躺下能缓解", "zh"), ("suddenly developed a mild headache after the epidural", "en"),
                       ("硬膜外注射后突然有点头痛", "zh"), ("Pt is not having a thunderclap headache after epidural", "en"),
                       ("不是突然头痛，是慢慢加重的，硬膜外后", "zh")):
        assert triage(calm, lang).rule != "sudden-severe-headache", calm
    for told, lang in (("患者说这辈子没有这么头痛过，刚做完硬膜外", "zh"), ("腰穿后突然剧烈头痛，躺下缓解不明显", "zh"),
                       ("sudden severe headache during the epidural, doesnt get better lying flat", "en")):
        assert triage(told, lang).rule == "sudden-severe-headache", told
    assert triage("硬膜外刚做完，双下肢没有力气，怎么办", "zh").rule == "neuraxial-deficit"  # (没有力气 is weakness, not a denial)
    inpatient = triage("硬膜外注射时患者突然抽搐、口周麻木，家属说他以前有癫痫，怎么办", "zh")
    assert inpatient.rule == "last" and "120" not in inpatient.escalation  # (a relative speaking is no phone call)
    assert "abscess until" not in triage("new leg weakness 3 days after the ESI, she is not febrile", "en").escalation


def test_a_pocket_fill_asked_about_is_no_emergency():
    for q in ("how common is a pocket fill with IT pumps?", "how do I avoid a pocket fill when refilling an IT pump?",
              "should I warn patients about pocket fill?", "鞘内泵加药怎么避免打进囊袋？"):
        assert not triage(q, "zh" if not q.isascii() else "en").urgent, q


def test_fever_with_headache_or_a_stiff_neck_a_week_after_an_implant_is_the_infection_picture():
    for text, lang in (("SCS implant 1 week ago, fever 38.5 and bad headache, neck stiff", "en"),
                       ("pt s/p SCS implant last week, temp 38.5, headache", "en"),
                       ("SCS 上周植入 发热38.5 头痛 脖子硬", "zh")):
        assert triage(text, lang).rule == "implant-infection", text
    # a fever of the past, or one asked about, is not happening now
    assert not triage("had a fever of 38.5 last year after an ESI - any risk for this one?", "en").urgent
    assert not triage("should I warn SCS patients about fever after the implant?", "en").urgent


def test_a_time_told_while_the_injection_goes_on_keeps_stop_the_procedure():
    for text, lang in (("Interscalene block, I'm injecting ropivacaine, 3 minutes later pt is seizing", "en"),
                       ("Injecting PMMA at T8, 2 min after starting the cement she suddenly has chest tightness, sats 84%", "en"),
                       ("PVP术中 推骨水泥2分钟后 病人突然胸闷", "zh"),
                       ("last apixaban dose 3 days ago; during the L4-5 ILESI with lidocaine she suddenly seizes", "en")):
        t = triage(text, lang)
        assert t.urgent and ("Stop the procedure" in t.escalation or "立即停止操作" in t.escalation), (text, t.escalation)


def test_only_a_particulate_steroid_in_a_cervical_transforaminal_injection_makes_unconsciousness_a_stroke():
    for text in ("C6-7 TFESI with non-particulate dexamethasone, pt suddenly unresponsive",
                 "cervical interlaminar ESI with particulate steroid, pt unresponsive",
                 "L5-S1 TFESI with kenalog, pt suddenly had a seizure"):
        assert triage(text, "en").rule != "esi-stroke", text


def test_four_weak_limbs_and_breathlessness_right_after_a_cervical_epidural_is_a_high_block():
    assert triage("急！颈椎硬膜外刚推完药，病人说四肢没劲、喘不上气", "zh").rule == "total-spinal"
    assert triage("C6-7 IL ESI just done, pt says all limbs weak and can't breathe", "en").rule == "total-spinal"
    assert triage("颈椎硬膜外注射后第二天 四肢没劲", "zh").rule == "neuraxial-deficit"  # a day later: a haematoma first


def test_double_vision_with_a_postural_headache_days_after_an_epidural_is_the_dural_punctures_red_flag_not_a_stroke():
    assert triage("ESI后第二天 病人说站起来头痛躺下好 现在还出现复视了 要紧吗", "zh").rule == "dural-puncture-red-flags"
    day2 = triage("day 2 after TFESI, headache worse sitting up, now double vision - worried", "en")
    assert day2.rule == "dural-puncture-red-flags" and "Stop the procedure" not in day2.escalation
    # (double vision right after a cervical transforaminal injection, no postural headache, is still a stroke)
    assert triage("C6 TFESI 10 min ago, now double vision and slurred speech", "en").rule == "esi-stroke"


def test_days_told_in_words_since_the_procedure_drop_stop_the_procedure():
    told = triage("Twelve days after an intrathecal pump implant he has a temperature of 39.2 and the pocket is red", "en")
    assert told.urgent and "Stop the procedure" not in told.escalation
    assert "立即停止操作" not in triage("植入术后第三天 发烧39度 伤口红肿流脓", "zh").escalation


def test_a_postural_headache_never_hides_a_stroke_or_toxicity_and_a_drug_hold_timeline_keeps_stop():
    for told, lang in (("C6 TFESI 20 min ago, now she can't see out of her left eye and has a headache worse when sitting up", "en"),
                       ("颈椎经椎间孔注射后半小时，右眼突然失明，站起来就头痛", "zh"),
                       ("cervical TFESI this morning, now facial droop and slurred speech, headache worse when standing up", "en"),
                       ("颈椎经椎间孔注射后第二天头痛，躺下也不见好，现在说话不清、嘴歪", "zh")):
        assert triage(told, lang).rule == "esi-stroke", told
    for told in ("stellate ganglion block with bupivacaine 5 min ago, she says her headache is worse getting up, now perioral "
                 "numbness and she is seizing", "lumbar MBB with lidocaine just now, positional headache since this morning, now "
                 "tinnitus and seizing"):
        assert triage(told, "en").rule == "last", told
    assert triage("after cervical TFESI, sudden worst headache of her life, worse sitting up, now double vision", "en").urgent
    for told, lang in (("Eliquis held, did the ILESI days after her last dose; just injected and now both legs weak", "en"),
                       ("术前停用氯吡格雷第七天做的硬膜外，刚推完药病人双腿没劲", "zh"), ("阿哌沙班停药三天后做的颈椎硬膜外注射，刚推完药病人就抽搐了", "zh")):
        esc = triage(told, lang).escalation
        assert "Stop the procedure" in esc or "停止操作" in esc, told
    assert "停止操作" not in triage("植入三天前做的，现在发烧39度 伤口红肿流脓", "zh").escalation


def test_skin_numbness_or_burning_after_an_rf_ablation_is_no_deficit_unless_weakness_comes_with_it():
    rf = {"radiofrequency-ablation"}
    assert not triage("颈段做完RFA 术后常见并发症有哪些 皮肤麻木 灼痛要紧吗", "zh", rf).urgent
    assert not triage("after cervical RFA the back of his neck is numb and burning - normal?", "en", rf).urgent
    assert triage("颈椎射频后 脖子后面麻木 两条腿也没劲", "zh", rf).rule == "neuraxial-deficit"
    assert triage("after cervical RFA neck skin numb and now weak arms", "en", rf).rule == "neuraxial-deficit"


def test_this_turns_own_time_since_wins_over_the_turn_befores_during():
    before = "硬膜外腔镜 术中生理盐水灌注量和速度有限制吗？常见并发症有啥。"
    told = triage("术后病人说看东西模糊 是啥原因", "zh", {"epiduroscopy"}, before)
    assert told.rule == "epiduroscopy-pressure" and "停止操作" not in told.escalation and "术后" in told.escalation


def test_review_two_fixes_in_triage():
    late = "2 days after a lumbar epidural steroid injection she has a headache worse when sitting up, and this morning she had a seizure"
    assert triage(late, "en", {"esi"}).rule == "dural-puncture-red-flags"
    for told, lang in (("Eleven days after the lumbar MBB she has fever 39 and new leg weakness", "en"),
                       ("硬膜外注射后第十天发烧39度，双腿无力", "zh"),
                       ("Twelve days after the ILESI, fever 39 and legs weak; I just gave ceftriaxone", "en")):
        esc = triage(told, lang, {"esi"}).escalation
        assert esc and "Stop the procedure" not in esc and "停止操作" not in esc, told
    for told, lang in (("cervical TFESI yesterday, blinding headache worse when sitting up", "en"),
                       ("颈椎经椎间孔注射后第二天，坐起来就头痛，躺下缓解，视力有点模糊", "zh")):
        assert triage(told, lang, {"transforaminal-esi"}).rule != "esi-stroke", told


def test_a_positional_ha_with_fever_before_a_blood_patch_is_the_dural_punctures_red_flag():
    before = "wet tap w 17G tuohy during L2-3 ILESI. what now? when to do blood patch. "
    told = triage("day 2 bad positional HA, want to do EBP but pt febrile 38.5 and wbc 14", "en", {"epidural-blood-patch", "pdph"}, before)
    assert told.rule == "dural-puncture-red-flags"
    assert not triage("day 2 bad positional HA after the wet tap, when to patch?", "en", {"pdph"}).urgent


@pytest.mark.parametrize(("question", "lang", "rule"), [
    # review 3: a sign still going on stays urgent whatever else is asked
    ("after bupi MBB she had a seizure and is still seizing; how long does she need to be monitored?", "en", "last"),
    ("布比卡因阻滞后病人还在抽搐，要观察多久？", "zh", "last"),
    # 这次 is often the procedure just done
    ("这次腰椎TFESI注射后两条腿没力气了，正常吗？现在怎么办", "zh", "esi-stroke"),
    ("这次腰椎注射后腿没力，会不会是血肿？现在怎么办", "zh", "neuraxial-deficit"),
    # a symptom the patient voices as a question after the procedure is a symptom
    ("L4-5 TFESI done, pt says 'my legs feel numb and weak, is that ok?'", "en", "esi-stroke"),
    ("刚做完腰椎TFESI，病人说“我的腿怎么动不了了？”", "zh", "esi-stroke"),
    # a deficit the morning after an injection "I was doing" is a haematoma picture, not an immediate infarct
    ("Was doing a L4-5 TFESI yesterday on a pt on clopidogrel; this morning she has progressive bilateral leg weakness and "
     "urinary retention", "en", "neuraxial-deficit"),
    ("L4-5 TFESI under live fluoro yesterday, this morning progressive leg weakness and back pain", "en", "neuraxial-deficit"),
])
def test_review_three_pictures_keep_their_pathway(question, lang, rule):
    assert triage(question, lang).rule == rule


@pytest.mark.parametrize(("question", "lang", "rule"), [
    # review 4: a reaction in brackets happening now, a history word before this time's deficit, a sign going on while
    # a watch period is asked, the needle's level is no sensory level, a clean wound at 37.5 is no infection
    ("TFESI时出现造影剂过敏（推完造影剂后全身起风团，喉头发紧，血压80/50），怎么办", "zh", "contrast-anaphylaxis"),
    ("既往有房颤吃华法林，这次腰椎硬膜外注射当天晚上两腿无力，会不会是血肿？怎么办", "zh", "neuraxial-deficit"),
    ("上次颈椎注射没事，这次颈椎TFESI注射，结束半小时左眼看不见了，会不会是栓塞？怎么办", "zh", "esi-stroke"),
    ("after cervical TFESI she still can't see out of her left eye, how long should she be monitored?", "en", "esi-stroke"),
    ("T4-5 thoracic interlaminar epidural; needle at the level of T4 confirmed on fluoro; pt went pale and sweaty, BP 80/40, "
     "HR 45, feels faint - vasovagal?", "en", "vasovagal"),
    ("胸椎硬膜外注射，穿刺平面至T4，病人面色苍白出汗，血压80/40，心率45，是迷走反射吗", "zh", "vasovagal"),
    ("2 days after SCS implant, pt's temp 37.5 this morning, wound looks fine, mild incisional pain", "en", ""),
    ("布比卡因阻滞后病人一直抽搐，刚停了，要观察多久？", "zh", ""),
])
def test_review_four_pictures(question, lang, rule):
    assert triage(question, lang).rule == rule


@pytest.mark.parametrize(("question", "lang", "rule"), [
    # round 69: a low-grade temperature with a clean wound after an implant is the usual course (as in English); early
    # toxicity signs the patient has now stay urgent while a watch period is asked, and over ones do not; what patients in
    # general are told after an RF ablation is counselling; a faint during a caudal is a faint
    ("SCS植入术后第二天体温37.5℃，伤口干燥无红肿，要紧吗？", "zh", ""),
    ("SCS植入术后体温37.8，伤口红肿渗液", "zh", "implant-infection"),
    ("Patient has metallic taste and some twitching after the injection, how long should they be observed?", "en", "last"),
    ("患者注射利多卡因后出现耳鸣和口周麻木，要观察多长时间？", "zh", "last"),
    ("pt had tinnitus and perioral tingling during the block, now resolved, how long should she be observed?", "en", ""),
    ("病人注射时出现口周麻木和耳鸣，现在已缓解，要观察多久？", "zh", ""),
    ("what do I tell patients after lumbar medial branch RFA - burning, numbness, how long till it works?", "en", ""),
    ("during caudal pt went grey and sweaty, HR 42 BP 78/40, still conscious. what now", "en", "vasovagal"),
])
def test_round_69_pictures(question, lang, rule):
    assert triage(question, lang).rule == rule


@pytest.mark.parametrize(("question", "lang", "rule"), [
    # round 69: a pocket fill suspected in the subcutaneous pocket, in both languages
    ("鞘内泵加药的时候，回抽不太顺，可能打到皮下囊袋里了（吗啡浓度很高），病人现在还没症状，怎么办", "zh", "idd-overdose"),
    ("refilling the morphine pump, aspiration was poor, I think some went into the subcutaneous pocket. what now", "en", "idd-overdose"),
])
def test_round_69_pocket_fill(question, lang, rule):
    assert triage(question, lang).rule == rule


@pytest.mark.parametrize(("question", "lang", "rule"), [
    # review 5: one sign settled while another goes on is still the emergency; a pocket's own swelling is no pocket fill;
    # long-standing tinnitus is history; a low-grade temperature with a red, tender wound after an implant is urgent;
    # counselling of patients in general does not hide the case told beside it
    ("after ILESI the hives have resolved but she is now wheezing, how long should she be observed?", "en", "contrast-anaphylaxis"),
    ("造影剂过敏，皮疹已经消失了，但现在喘憋，要观察多久？", "zh", "contrast-anaphylaxis"),
    ("腰椎硬膜外注射后腰痛已经缓解了，但是现在双腿无力麻木，要观察多久？", "zh", "neuraxial-deficit"),
    ("tinnitus during the block has stopped but she now has a metallic taste and twitching, how long should we watch her?", "en", "last"),
    ("numbness has resolved but leg weakness persists 3 hours after the TFESI, how long should we monitor?", "en", "neuraxial-deficit"),
    ("注射后抽搐已经停了，但患者仍意识不清，要监护多久？", "zh", "last"),
    ("IT pump implanted 10 days ago, redness and swelling in the subcutaneous pocket, what now?", "en", ""),
    ("2 weeks after pump implant there is a seroma in the subcutaneous pocket, what now?", "en", ""),
    ("患者有多年耳鸣病史，做星状神经节阻滞用布比卡因安全吗？", "zh", ""),
    ("担心星状神经节阻滞时局麻药中毒，患者本来就有耳鸣，怎么判断早期中毒？", "zh", ""),
    ("after the SGB she's got numb lips and a metallic taste, how long should we watch her?", "en", "last"),
    ("SCS植入术后第5天体温37.8，切口周围发红、压痛明显，怎么办？", "zh", "implant-infection"),
    ("IPG implant day 5, temp 37.8, wound red and tender", "en", "implant-infection"),
    ("what do I tell patients after a TFESI? this one has numb, weak legs since this morning's injection", "en", "neuraxial-deficit"),
])
def test_review_five_pictures(question, lang, rule):
    assert triage(question, lang).rule == rule


def test_round_70_deficits():
    # a deficit after a lumbar sympathetic block on a barely held anticoagulant is a haematoma picture; a deficit with
    # laboured breathing and a low pressure puts the airway and the circulation first in the banner
    assert triage("腰交感阻滞后2小时，病人回家前说背痛加剧，下肢无力逐渐加重，他在吃拜瑞妥只停了1天", "zh").rule == "neuraxial-deficit"
    t = triage("颈椎TFESI推完药病人说手脚都动不了了，呼吸费力，血压80/40", "zh")
    assert t.urgent and t.escalation.index("气道") < t.escalation.index("MRI"), t.escalation
    t = triage("just finished a C6 TFESI, she can't move her arms or legs and is struggling to breathe, BP 78/40", "en")
    assert t.urgent and t.escalation.index("airway") < t.escalation.index("MRI"), t.escalation
    calm = triage("C6 TFESI just now, she can't move her left arm", "en")
    assert calm.urgent and "airway" not in calm.escalation.split("MRI")[0], calm.escalation


def test_round_70_implants():
    # a fever with trial leads still in is the implant's infection; days after the procedure, nothing is left to stop
    assert triage("SCS trial leads in, pt febrile, remove leads?", "en").rule == "implant-infection"
    assert triage("SCS测试电极还在，病人发烧38.5，要拔电极吗", "zh").rule == "implant-infection"
    assert triage("how do I prevent infection while the SCS trial leads are in?", "en").rule == ""
    t = triage("SCS trial pt febrile 38.4 day 4, lead exit site red and tender, what now?", "en")
    assert t.rule == "implant-infection" and "Stop the procedure" not in t.escalation, t.escalation


def test_a_history_of_anaphylaxis_asked_for_a_planned_procedure_is_no_reaction_now():
    assert triage("hx anaphylaxis to iodinated contrast at CT. How do I do her lumbar TFESI safely - what do I do about the contrast?", "en").rule == ""
    assert triage("hx contrast allergy, during the TFESI she now has hives and wheeze, what do I do?", "en").rule == "contrast-anaphylaxis"


def test_round_71_planning_asks():
    # how fast to irrigate, and whether it can cause the signs, is planning (多快 is a rate, 会出现…吗 a possibility)
    assert triage("硬膜外腔镜 生理盐水冲多快算安全？会出现视物模糊 视网膜出血吗", "zh").rule == ""
    assert triage("硬膜外腔镜冲洗中病人突然说视物模糊，怎么办", "zh").rule == "epiduroscopy-pressure"


@pytest.mark.parametrize(("question", "lang", "rule"), [
    # review 6: a settled picture asked about calmly stays calm; a sign beside a settled one must be a sign; a past episode
    # is history; a negated wound list is no wound sign; a pocket fill told with its drug or needle is a pocket fill; worry
    # words do not hide signs told now; a deficit with stable vitals is a deficit; a case report's patient is not ours
    ("perioral tingling after the stellate block, now settled, is she safe to drive home?", "en", ""),
    ("leg numbness after TFESI now resolved, any reports of this coming back?", "en", ""),
    ("perioral tingling after SGB has now resolved, she is still a bit anxious, how long should we observe her?", "en", ""),
    ("tinnitus during the block has resolved and she now has no symptoms, how long should she be observed?", "en", ""),
    ("she developed tinnitus during her SGB last year, booked for another one today - what dose of bupivacaine is safe?", "en", ""),
    ("pt has previously had perioral tingling with lidocaine, any precautions for the SGB today?", "en", ""),
    ("IPG implant day 5, temp 37.6, wound not red or tender", "en", ""),
    ("SCS植入术后第3天，体温37.6，切口无红肿、压痛", "zh", ""),
    ("refilled the IT pump 10 min ago, think I put the hydromorphone in the pocket, what now?", "en", "idd-overdose"),
    ("pump refill - needle was in the pocket not the reservoir, what now?", "en", "idd-overdose"),
    ("星状神经节阻滞后患者口周麻木、耳鸣，担心局麻药中毒，要观察多久？", "zh", "last"),
    ("颈椎TFESI后病人左上肢不能动，呼吸平稳，血压130/80", "zh", "esi-stroke"),
    ("星状神经节阻滞后患者耳鸣，现在已经缓解，还有必要观察多久？", "zh", ""),
    ("in the case report, after the seizure the patient was still unconscious for 2 hours - how common is that after SGB?", "en", ""),
    ("temp 38.4 this morning, SCS trial planned today with leads in place for 7 days - proceed or postpone?", "en", ""),
])
def test_review_six_pictures(question, lang, rule):
    assert triage(question, lang).rule == rule


def test_review_six_apnoea_puts_the_airway_first():
    t = triage("C5 TFESI just now, she can't move arms or legs and has stopped breathing", "en")
    assert t.urgent and "airway" in t.escalation.split("MRI")[0], t.escalation


def test_round_72_pictures():
    # a faint told as fully recovered with a calm ask is calm; an electric shock down the leg is no shock picture
    assert triage("vasovagal during SIJ injection, lay flat, legs up, now fully recovered BP 115/70 HR 72 - ok to discharge usual time?", "en").rule == ""
    assert triage("pt yelled with electric shock down the leg as I advanced the needle for L5 TF. next step?", "en").rule != "unstable-vitals"
    assert triage("patient in septic shock after SCS implant, BP 70/40", "en").urgent


def test_round_72_a_passing_sign_told_as_over():
    assert triage("刚做完C6 TFESI的病人说刚才头晕了一下，现在已经好了，血压130/80，神志清，四肢活动都正常，还需要处理吗", "zh").rule == ""
    assert triage("刚做完C6 TFESI病人现在头晕、面色苍白、出汗，心率45，怎么办", "zh").rule == "vasovagal"
