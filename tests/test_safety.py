import pytest

from assistant.safety import DISCLAIMER, RED_FLAGS, triage


@pytest.mark.parametrize(
    ("question", "lang", "rule"),
    [
        ("My patient is seizing after 20 mL of bupivacaine for a block", "en", "last"),
        ("利多卡因注射后患者突然抽搐", "zh", "last"),
        ("New leg weakness and urinary retention the day after an epidural steroid injection", "en", "neuraxial-deficit"),
        ("硬膜外注射后第二天患者双下肢无力、尿潴留", "zh", "neuraxial-deficit"),
        ("Fever and back pain 5 days after spinal cord stimulator implant", "en", "implant-infection"),
        ("刺激器植入术后一周发热、伤口流脓", "zh", "implant-infection"),
        ("Shortness of breath and chest pain after a thoracic paravertebral block", "en", "pneumothorax"),
        ("星状神经节阻滞后患者出现呼吸困难", "zh", "pneumothorax"),
        ("Sudden visual loss after a cervical transforaminal epidural steroid injection", "en", "esi-stroke"),
        ("Patient very drowsy with slow breathing 30 minutes after an intrathecal pump refill", "en", "idd-overdose"),
        ("鞘内泵补充后患者嗜睡、呼吸变慢", "zh", "idd-overdose"),
        ("Hives and wheeze right after contrast injection", "en", "contrast-anaphylaxis"),
        ("注射造影剂后患者出现荨麻疹和喉头水肿", "zh", "contrast-anaphylaxis"),
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
    ],
)
def test_ordinary_questions_are_not_urgent(question, lang):
    assert not triage(question, lang).urgent


def test_every_rule_and_disclaimer_is_bilingual():
    assert set(DISCLAIMER) == {"en", "zh"}
    for rule in RED_FLAGS:
        for table in (rule.symptoms, rule.context, rule.escalation, rule.hint):
            assert set(table) == {"en", "zh"}, rule.id
