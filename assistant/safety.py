"""Red-flag triage and disclaimers: rule tables in both languages."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lazyre import lazy
from .types import Lang

DISCLAIMER = {
    "en": "Decision support only: not a substitute for clinical judgement and local protocols.",
    "zh": "仅供临床决策参考，不能替代临床判断和本单位规范。",
}

EVENT_CUES = {
    "en": r"\b(my patient|the patient|patient (?:is|has|was|became|develop\w*|now|just|suddenly|complain\w*)|he |she |h(?:e|is) (?:is|has)|"
    r"after\b|during|while|now|just|suddenly|develop\w*|became|becomes|is having|has become|started|minutes|hours|days|"
    r"\b(?:an?|one|two|\d+) (?:hour|hr|min(?:ute)?|day)s? ago\b|"  # ("kyphoplasty L1 an hour ago, hip flexion 3/5")
    r"\bsudden (?:rise|onset|increase|worsening|loss|drop|return)\b|"  # ("a pump patient with a sudden rise in tone")
    r"(?:[,;:]|\bthen\b|\band\b)\s+sudden\b(?! (?:death|cardiac death))(?![^.?]*\b(?:how (?:common|often|likely)|risk|incidence|cause)\b)|"  # ("cement injection, sudden SOB")
    r"post[- ]?(?:op|procedure|injection|refill)|following|\w+ing after|what (?:do|should) (?:i|we) do|now what|"
          r"\bpt\b|\bmid[- ]|on the table|going off|getting (?:worse|bigger)|'s (?:got|gone|now|just)|\bis \w+ing\b|"
          r"\btemp(?:erature)? (?:of |is )?\d|\b(?:s?bp|hr|rr|sats|spo2)\b ?(?:of |is )?\d|immediately|\bgone\b|"
          r"\b\d+\s?(?:mins?|hrs?|h)\b|\bwoke\b|\b(?:a|one|\d+) weeks? ago\b|\blast week\b|\bs/p\b|"
          r"\b(?:fever|febrile|temp|t)\s*(?:of\s*)?(?:3[89]|4[0-2])(?:\.\d)?\b|"
          r"\bnew(?:[- ]onset)? (?:(?:bilat\w*|bilateral|severe|sudden|progressive|left|right|leg|arm|back|neck) )*"
          r"(?:weak|numb|paraly|pain|headache|deficit|retention|incontinen|fever|swelling)|\bovernight\b|\byesterday\b|\btoday\b|\bthis morning\b|\blast night\b|\bday \d+\b|\bstill\b|"
          r"\bwithin (?:a|one|\d+) (?:minute|min|second)|\bminute\b|\b(?:he|she|they)(?:'s|’s|'re|’re)\b|\b(?:hes|shes)\b|"
          # (weeks in the making, told of the weeks just gone: "the last few wks his legs feel weak")
          # (never the months of a chronic picture, nor one told of its cause: "the past few months his legs have been weak from his
          # stenosis")
          r"\b(?:last|past) (?:few|couple(?: of)?|several|two|three|\d+) (?:days|wks|weeks)\b"
          r"(?![^.?]{0,50}\b(?:from|due to|because of) (?:his |her |their |the )?(?:stenosis|arthritis|OA|neuropathy|stroke|MS|disc|spondylosis|age)\b)|"
          r"\b(?:went|gone|going) into (?:vf|vt|v-?fib|v-?tach|arrest|asystole|cardiac arrest)\b|\bthen (?:seized|arrested|coded)\b)|"
          r"\s(?:->|→|=>)\s?",  # "omnipaque for SIJ inj -> hives, wheeze": what followed the injection
    "zh": r"(患者|病人|刚|突然|出现|之后|以后|后|现在|正在|几分钟|数分钟|数小时|几小时|导致|发生了|已经|还是|"
    r"怎么办|马上|立即|时[，,]|中|近|进行性|诉|开始|迅速|了|当场|一半|打完|推完|加完|做完|还没|发烧\s*\d|体温\s*\d|\d\s*℃|"
    r"越来越|今早|今晨|今天|昨天|昨晚|早上|晚上|夜里|半夜|咋处理|咋办|咋整|这两天|这几天|变成|"
    r"第\s*\d+\s*天|第[一二三四五六七八九十]+天|发热\s*\d|发烧\s*\d|"  # "SCS trial 第4天 … 发热38.5": a day of a course
    # (a procedure named in English then done, a vital sign read, the recovery room: "复苏室 TF完坐起来 … HR 42 BP 78/45")
    r"(?<=[A-Za-z])完|(?:HR|BP|SBP|SpO2|心率|血压|血氧)\s*[:：]?\s*\d|复苏室|恢复室)",
}


@dataclass(frozen=True)
class RedFlag:
    """One triage rule: every symptom pattern group must match, plus a context or event cue."""

    id: str
    symptoms: dict[str, tuple[str, ...]]
    context: dict[str, str]
    escalation: dict[str, str]
    hint: dict[str, str]
    exclude: dict[str, str] | None = None  # signs of another pathway that rule this one out
    procedures: tuple[str, ...] = ()  # lexicon concepts (with their broader concepts) that count as the procedure context
    immediate: bool = False  # an event of the injection itself: a delayed onset or an anticoagulant restarted since rules it out


# A saturation told, unless its figure is normal ("SpO2 97%" listed among the vitals is no desaturation).
# (a normal figure that falls, "SpO2 fell from 98 to 86%", "sats 97% then 84%", or is held up by oxygen, "100% on 15L",
# "94% on 6L, was 99% on air", is no normal reading)
_LOW_SATS = {"en": r"\b(?:spo2|sats|o2 sats?)\b(?!\D{0,12}(?<!\d)(?:9[4-9]|100)\b\s*%?(?![^.;?]{0,40}(?:\bto\b|->|→|then|dropp|\bdrop|\bfall|\bfell|"
                   r"declin|decreas|\bdown\b|\bon\b|\bo2\b|oxygen|rebreather|\d+\s*l\b|l/min|\bwas\b|before|pre-?op|baseline)))",
             "zh": r"(?:血氧|氧饱和)(?![^，。？?\d]{0,8}(?<!\d)(?:9[4-9]|100)(?!\d)(?![^，。；？?]{0,12}(?:掉|降|到|→|吸氧|面罩|鼻导管|L/min|升)))"}
_STOP = {"en": "Stop the procedure, call for help and start your emergency pathway now", "zh": "立即停止操作、呼叫支援并启动本单位急救流程"}
# The same call when the picture began hours or days after the procedure (there is no procedure left to stop).
_LATE_STOP = {"en": "Call for help and start your emergency pathway now", "zh": "立即呼叫支援并启动本单位急救流程"}

# An overdose from an intrathecal pump: drowsy, slow or shallow breathing (opioid and baclofen alike).
_OVERSEDATED: dict[str, tuple[str, ...]] = {
    "en": (r"drows|sedat|somnolen|slow breath|breathing slow|respiratory depress|respiratory rate|pinpoint|unrous|hypovent|apn(?:o)?ea|not breathing|won'?t wake|"
           r"hard to (?:rouse|wake)|difficult to (?:rouse|wake)|snoring|\brr (?:of |is )?[2-9]\b|sleepy|breathing (?:is |has )?(?:become )?(?:slow|shallow)|"
           r"shallow breath|(?:respiratory|resp|breathing) rate (?:of |is |was )?[2-9]\b|[2-9] breaths|barely rousable|rousable|"
           r"\b(?:drifting|dozing|nodding|drifts|dozes|nods) off\b|(?:going|gone|went) back to sleep|re-?sedat|renarcoti[sz]",),
    "zh": (r"嗜睡|镇静过度|昏睡|呼吸变慢|呼吸减慢|呼吸抑制|呼吸频率|针尖样瞳孔|叫不醒|呼吸暂停|呼吸停止|呼之不应|打鼾|瞳孔缩小|"
           r"昏昏欲睡|叫不.{0,2}醒|唤不醒|呼吸.{0,4}(?:慢|浅)|呼吸.{0,5}[2-9]\s*次|又(?:迷糊|睡过去|睡着|昏睡)",),
}

# An intrathecal pump's reservoir told running low (its alarm, 药快没了): a refill to arrange, and a baclofen pump's withdrawal
# ahead (see the frame's `_baclofen_running_out`)
RESERVOIR_LOW = {"en": r"low reservoir|reservoir (?:is )?(?:low|nearly empty|running (?:low|out))|running (?:low|out)|nearly empty",
                 "zh": r"药快没了|快没药|药量(?:不足|低|少)|储药(?:量)?(?:低|不足)"}
# A sign come back, told in Chinese ("醒了一会儿 又迷糊了"): going on now
AGAIN_ZH = r"又(?:迷糊|睡过去|睡着|昏睡|抽|叫不醒)"  # (a sign come back)

# A stroke picture after a transforaminal injection (lost or blurred vision, a facial droop, one-sided weakness, lost words)
# with none of the signs that make it toxicity (seizure, tinnitus, perioral numbness, metallic taste, arrhythmia).
# The signs that make a picture local anaesthetic toxicity (they exclude a high block, a stroke and a total spinal).
_TOXIC = {"en": r"seiz|convuls|fitting|tinnitus|perioral|circumoral|metallic|qrs|arrhythm|twitch",
          "zh": r"抽搐|惊厥|耳鸣|口周|口唇麻|金属味|QRS|心律失常|嗡嗡|眼睛发直|两眼发直|口吐白沫"}
# Signs of the brain or eye, not of one limb alone: a stroke's (face, speech, vision, confusion).
_CORTICAL = {"en": r"vision|visual|blind|blurr(?:y|ed)\b|can(?:no|'|’)?t see|stroke|facial|face|droop|slurred|aphasi|word[- ]finding|speak|talk|garbled|"
                   r"double vision|diplopi|confus|drows|unrespons",
             "zh": r"视力|视物|失明|看不见|看不清|卒中|中风(?!险(?:操作|管理|类别|级别|分级|等级|的|还是|吗|呢|[，,。？?、；]|$))|口角|言语|偏瘫|失语|说不出话|口齿|嘴歪|面瘫|复视|看东西|说话|讲话|吐字|意识|嗜睡|糊涂"}
# A fever told ("fever 38.6", "febrile", "发烧", 38.5度): the stroke pathway's exclusion and the deficit's abscess picture.
# a sign told with the long-standing cause it comes from ("… since his stroke 2 yrs ago", "… due to hip OA"): no new deficit
_NOT_LONG_CAUSED = r"(?![^.,;?]{0,25}\b(?:since|due to|because of|from|\d+\s*(?:yrs?|years?|months?) ago|for (?:years|months))\b)"
# a temperature told in the ward's words ("low grade temps", "running a temp")
_STIFF_NECK = {"en": r"neck (?:is )?stiff|stiff neck|neck stiffness|nuchal rigidity", "zh": r"脖子.{0,2}(?:硬|僵)|颈(?:项|部)?(?:强直|僵硬|发硬)|颈子硬"}
_MENINGISM = {"en": _STIFF_NECK["en"] + r"|meningism|photophob", "zh": _STIFF_NECK["zh"] + r"|畏光"}
_TEMPS_EN = r"\blow[- ]grade temps?\b|\bspiking (?:temps|a temp)\b|\brunning a temp\b"
_FEVER_EN = (r"(?<!no )fever(?!-free)|(?<!a)(?<!not )(?<!non-)febrile|(?<!a)pyrexi|rigor|\b3[89](?:\.\d)?\s*°?c\b|temp(?:erature)? (?:of )?3[89]|\b(?:t|tmax)\s*[:=]?\s*3[89](?:\.\d)?\b(?!\s*(?:y|yo|yrs?|years?|kg|mm|ml|mg|%))|"
             + _TEMPS_EN)
# (a Chinese question often writes the fever in English: "PVP后第3天 pt fever 38.7")
_FEVER_TOLD = {"en": _FEVER_EN, "zh": r"(?<![未没不无腿脚足手肢])(?<!皮肤)(?:发热|发烧|高烧|低烧|低热)|高热|寒战|3[89](?:\.\d)?\s*(?:℃|°C|度)|体温3[89]|烧(?:到|了)\s*3[89]" + "|" + _FEVER_EN}
# A dural puncture told (a wet tap, PDPH, a blood patch): the context of its headache's red flags, which rule out LAST
# (a lumbar puncture told only as the test whose result is given, "腰穿脑脊液结果白细胞很高", is no dural puncture's headache)
_DURAL = {"en": r"wet tap|dural (?:puncture|tap)|punctured (?:the )?dura|\bPDPH\b|blood patch|\bEBP\b|spinal headache|"
                r"lumbar puncture(?![^.?;]{0,25}\b(?:shows?|showed|results?|came back|cells?|wbc|white (?:cells?|count)|protein|culture|"
                r"gram stain|cloudy|turbid|pleocytosis)\b)|CSF leak",
          "zh": r"穿破|湿穿|硬脊?膜(?:被|给)?(?:打|扎|刺|戳)穿|硬脊膜|腰穿(?![^，。？；]{0,8}(?:结果|显示|提示|白细胞|细胞数|蛋白|培养|浑浊|混浊|涂片))|PDPH|血补丁|血补片|血液补片|脑脊液漏|低颅压"}
# a headache told as postural (worse upright, eased lying down): the post-dural puncture headache's own pattern
# (a headache not eased lying down is a red flag, never the pattern: "doesn't get better lying down", 躺下也不见好)
_POSTURAL = {"en": r"(?:worse|headache) (?:when |on )?(?:sitting|standing|getting) up|"
                   r"(?<!not )(?<!n't )(?<!no )(?<!any )(?<!get )(?<!getting )(?<!much )better (?:when |on )?lying|"
                   r"\b(?:goes|eases|settles|resolves|disappears|goes away|is better) (?:off )?when (?:she|he|they|the (?:pt|patient)) (?:lies|lie|lay)s?\b|"
                   r"(?<!not )(?<!non-)(?:postural|positional) (?:headache|HA\b)",
             "zh": r"(?:站|坐)起来.{0,4}(?:就)?头[痛疼]|(?<!不)躺下(?:(?!不|没|未|无).){0,4}(?:好|缓解|减轻)|(?<!非)体位性头[痛疼]"}
# signs of a stroke a postural headache never explains (double vision alone may be the low-pressure headache's nerve palsy)
_STROKE_NOT_POSTURAL = {"en": r"vision loss|lost (?:her |his |the )?vision|\bblind(?:ness|ed)?\b|can(?:no|'|’)?t see|facial droop|face (?:is )?droop|"
                              r"hemipar|aphasi|slurred|word[- ]finding|garbled|(?:right|left)[- ](?:sided )?(?:arm|leg|hand|face) (?:is )?(?:weak|numb|droop)",
                        "zh": r"失明|看不见|口角歪斜|嘴歪|面瘫|偏瘫|失语|言语不清|说话不清|口齿不清|吐字不清|"
                              r"[左右]侧(?:肢体|手|腿|上肢|下肢|胳膊).{0,3}(?:无力|麻|不能动)|半身"}
# told as days later (a seizure the day after, with a postural headache, is the dural puncture's red flag, not toxicity)
# (a day or more after the procedure itself, `days_later`; "last week" tells an earlier one)
_DAYS_AFTER = {"en": r"\b(?:\d+|two|three|four|five|a few|several) days? (?:after|later|post|ago)|\bday \d+\b|\byesterday\b|\bthe day after\b|"
                     r"\bnext day\b|\blast (?:night|evening)\b",
               "zh": r"第[\d一二三四五六七八九十]+天|[\d一二三四五六七八九十]+天(?:后|前)|昨天|前天|次日|第二天"}
_DAYS_LATER = {"en": _DAYS_AFTER["en"] + r"|\blast week\b", "zh": _DAYS_AFTER["zh"]}
# the pathways an opioid withdrawal picture is not (`opioid_withdrawal`)
_WITHDRAWAL_NOT = frozenset({"last", "vasovagal"})
_SHOCKABLE = r"\bv[ft]\b|v-?(?:tach|fib)\b"  # a ventricular rhythm told (VF, v-tach)
# the signs of local anaesthetic toxicity a postural headache never explains
_TOXIC_NOT_POSTURAL = {"en": r"seiz|convuls|fitting|perioral|metallic|arrhythm|" + _SHOCKABLE,
                       "zh": r"抽搐|惊厥|口周|口唇.{0,2}麻|嘴.{0,2}麻|金属味|心律失常|室颤|室速"}
_WORST = {"en": r"thunderclap|worst (?:\w+ )?headache|headache[^.?!]{0,20}\bworst\b",
          "zh": r"霹雳|雷击|头痛欲裂|(?:最|这么)(?:剧烈|厉害|痛|疼).{0,2}头[痛疼]|剧烈.{0,2}头[痛疼]|从来没这么"}
_TOXIC_SIGNS = _TOXIC["en"] + "|" + _SHOCKABLE
_STROKE_SIGNS = r"vision|visual|blind|can(?:no|'|’)?t see|diplopi|double vision|facial droop|hemipar|aphasi"
_TF_CONTEXT = r"transforaminal|\bTF(?:ESI)?\b|vertebral artery|particulate"
_STROKE_NOT_TOXIC = {
    "en": rf"^(?![\s\S]*(?:{_TOXIC_SIGNS}))(?=[\s\S]*(?:{_TF_CONTEXT}))[\s\S]*(?:{_STROKE_SIGNS})",
    "zh": rf"^(?![\s\S]*(?:{_TOXIC_SIGNS}|{_TOXIC['zh']}|口唇.{{0,2}}麻|嘴.{{0,2}}麻|室颤|室速))"
          rf"(?=[\s\S]*(?:{_TF_CONTEXT.replace(chr(92) + 'b', '')}|经椎间孔|椎动脉|颗粒))"
          rf"[\s\S]*(?:{_STROKE_SIGNS}|视力|视物|失明|看不见|看不清|复视|眼前发黑|口角歪斜|嘴歪|偏瘫|失语)",
}

# A transforaminal injection told with no local anaesthetic in it (contrast or a particulate steroid only): weak arms or a
# seizure after it are an arterial event (cord infarct, vertebral artery), not a high block or toxicity.
_LA_DRUGS = {"en": r"\b(?:lido\w*|lignocaine|bupi\w*|levobupi\w*|ropi\w*|mepivacaine|marcaine|xylocaine|local an(?:a)?esthetic)\b",
             "zh": r"利多卡因|布比卡因|罗哌卡因|甲哌卡因|局麻药"}
# (the abbreviations in capitals only: "his refill was due last week" names no toxicity)
_LOCAL_ANAESTHETIC = {"en": _LA_DRUGS["en"] + r"|(?-i:\bLA\b)|test dose|(?-i:\bLAST\b)", "zh": _LA_DRUGS["zh"] + r"|局麻|试验剂量|(?-i:LAST)"}
_TF_WITHOUT_LA = {
    "en": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['en']}))(?=[\s\S]*(?:{_TF_CONTEXT}))",
    "zh": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['zh']}|{_LOCAL_ANAESTHETIC['en']}))"
          rf"(?=[\s\S]*(?:{_TF_CONTEXT.replace(chr(92) + 'b', '')}|经椎间孔|椎动脉|颗粒))",
}
# one side of the body, or lost words: with no local anaesthetic in a transforaminal injection, a stroke picture
_ONE_SIDED = r"\b(?:left|right|L|R|one)[- ](?:sided )?(?:arm|hand|leg|side|face)\b|hemipar|facial droop|slurr|aphasi|can(?:no|'|’)?t (?:speak|talk)"
# A baclofen pump's picture (fever, itch, agitation, rebound spasticity) with no local anaesthetic named: its withdrawal or
# overdose, never toxicity ("baclofen pump, refill missed: agitated, itchy, temp 38.9, spasticity much worse").
_BACLOFEN_NOT_LA = {"en": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['en']}))(?=[\s\S]*baclofen)",
                    "zh": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['zh']}|{_LOCAL_ANAESTHETIC['en']}))(?=[\s\S]*(?:巴氯芬|baclofen))"}
# An intrathecal opioid's overdose told (naloxone, pinpoint pupils, the morphine pump) and no local anaesthetic or its
# toxicity's own signs named: drowsiness or falling back asleep after naloxone is the opioid, not toxicity
_LA_SIGNS = {"en": r"perioral|circumoral|tinnitus|metallic|seiz|convuls|fitting|twitch|arrest|\bv[ft]\b|asystol|arrhythm|\bqrs\b|pulseless",
             "zh": r"口周|口唇|耳鸣|金属味|抽搐|惊厥|抽起来|抽动|室颤|室速|骤停|心跳.{0,2}停|心律失常|无脉"}
# A twitch or a jerk that is no toxicity sign, with none beside it: the muscle a stimulating RF electrode makes contract
# ("motor stim at 2 Hz getting the quads twitching"), and a sedated patient moving as the needle advances ("jerked as I
# was walking the Tuohy in").
_OTHER_LA_SIGNS = {"en": r"perioral|circumoral|tinnitus|ringing|metallic|taste|tongue|lips?\b|seiz|convuls|fitting|arrest|\bv[ft]\b|"
                         r"asystol|arrhythm|\bqrs\b|(?:wide|broad)[- ]complex|pulseless|unresponsive|slurred|agitat|(?-i:\bLAST\b)|toxicity|"
                         r"confus|drows|all over|whole body|dizz|light-?headed|"
                         # (any local anaesthetic told, or a volume of one: a twitch after it may be its toxicity)
                         r"bupi|lido|lign|ropi|marcaine|chirocaine|local an(?:a)?esthetic|\b\d+(?:\.\d+)?\s*(?:ml|mls|cc)\b",
                   "zh": r"口周|口唇|嘴|舌|耳鸣|金属味|抽搐|惊厥|抽起来|室颤|室速|QRS|骤停|心跳.{0,2}停|心律失常|无脉|意识|叫不醒|"
                         r"言语不清|烦躁|LAST|中毒|毒性|全身|四肢|迷糊|头晕|利多|布比|罗哌|局麻|\d+(?:\.\d+)?\s*(?:ml|mL|毫升)"}
_NOT_TOXIC_MOVEMENT = {
    # (a muscle a radiofrequency electrode's test makes contract; a sedated patient flinching as the needle advances)
    "en": rf"^(?![\s\S]*(?:{_OTHER_LA_SIGNS['en']}))(?:(?=[\s\S]*(?:\bRFA?\b|radiofrequency|medial branch|\bMBB\b|lesion|ablat|denervat|neurotomy))"
          r"(?=[\s\S]*(?:\b(?:motor|sensory) (?:stim\w*|test\w*)|\b\d+(?:\.\d+)?\s*hz\b|multifidus))[\s\S]*(?:twitch|jerk|kick|fascicul|contract)|"
          r"(?=[\s\S]*(?:sedat|propofol|midaz))[\s\S]*\b(?:jerk\w*|twitch\w*|flinch\w*|jump\w*|mov(?:ed|es|ing))\b[^.?;]{0,30}\b(?:as|when|while)\b"
          r"[^.?;]{0,30}(?:walk|advanc|insert|pass|thread|feed))",
    "zh": rf"^(?![\s\S]*(?:{_OTHER_LA_SIGNS['zh']}))(?:(?=[\s\S]*(?:射频|内侧支|毁损|热凝))(?=[\s\S]*(?:运动刺激|感觉刺激|刺激测试|\d+\s*Hz|多裂肌))"
          r"[\s\S]*(?:在抽|抽动|在跳|跳动|收缩|踢)|"
          r"(?=[\s\S]*(?:镇静|丙泊酚|咪达唑仑))[\s\S]*(?:进针|推进|穿刺|送针)(?:时|的时候)[^。？?]{0,20}(?:动了一下|猛地一动|抽了一下|弹了一下|一哆嗦|乱动)|"
          r"(?=[\s\S]*(?:镇静|丙泊酚|咪达唑仑))[\s\S]*(?:动了一下|猛地一动|抽了一下|弹了一下|一哆嗦|乱动)[^。？?]{0,10}(?:进针|推进|穿刺|送针))"}
_OPIOID_NOT_LA = {"en": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['en']}|{_LA_SIGNS['en']}|\bblock|stellate|\bSGB\b|paravertebral|\bESP\b|\bPCA\b|insulin))"
                        r"(?=[\s\S]*(?:intrathecal|\bIT (?:pump|morphine)|synchromed|pump refill|refill|pocket fill|side port))"
                        r"(?=[\s\S]*(?:naloxone|narcan|pinpoint|drowsy|rr \d|resp(?:iratory)? rate))",
                  "zh": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['zh']}|{_LOCAL_ANAESTHETIC['en']}|{_LA_SIGNS['zh']}|阻滞|星状|镇痛泵|胰岛素泵|PCA))"
                        r"(?=[\s\S]*(?:鞘内|吗啡泵|加药|囊袋|侧孔|推注口))(?=[\s\S]*(?:纳洛酮|针尖样瞳孔|叫不醒|嗜睡|呼吸[^，。？?]{0,4}\d))"}
# Hypertonic saline given (Racz neuroplasty) and no local anaesthetic named: pain, unstable pressure and arrhythmia are the
# saline reaching the intrathecal space, not toxicity.
_SALINE_NOT_LA = {"en": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['en']}))(?=[\s\S]*hypertonic saline)",
                  "zh": rf"^(?![\s\S]*(?:{_LOCAL_ANAESTHETIC['zh']}|{_LOCAL_ANAESTHETIC['en']}))(?=[\s\S]*(?:高渗盐水|高渗生理盐水|hypertonic saline))"}
# ... and consciousness lost or a seizure after a particulate steroid alone (a vertebral artery embolus to the brainstem)
# (a cervical transforaminal injection named as such: the vertebral artery's territory; not a faint with a slow pulse)
_PARTICULATE = {"en": r"(?<!non-)(?<!non )particulate|kenalog|triamcinolone|depo-?medrol|\bdepo\b|methylprednisolone acetate|celestone|"
                      r"diprospan|aristospan|betamethasone acetate",
                "zh": r"(?<!非)颗粒|曲安奈德|甲泼尼龙|得宝松|倍他米松|康宁克通|(?<!non-)(?<!non )particulate|kenalog|depo"}
_OUT_COLD = {"en": r"unresponsive|unconscious|loss of consciousness|not rousable|unrousable|seiz|convuls|fitting",
             "zh": r"意识(?:丧失|不清|障碍|没了|消失)|昏迷|叫不醒|不省人事|抽搐|惊厥|没(?:有)?意识|失去意识"}
_CERVICAL_TF = {"en": r"(?=[\s\S]*(?:transforaminal|\bTF(?:ESI)?\b|vertebral artery))(?=[\s\S]*(?:cervical|\bC[1-8]\b|\bC[1-8]-))",
                "zh": r"(?=[\s\S]*(?:经椎间孔|TFESI|TF\b|椎动脉))(?=[\s\S]*(?:颈|C[1-8]))"}
_FAINT = {"en": r"pale|sweat|clammy|vasovagal|faint|passed out|\bHR\s*[1-4]\d\b|brady",
          "zh": r"脸色苍白|面色苍白|出汗|大汗|冷汗|血管迷走|晕厥|心率\s*[1-4]\d\b|心动过缓"}
# (or after limbs that stopped moving first, whatever the steroid: "can't move arms and now unresponsive right after the
# contrast/steroid" is the cord's or brainstem's blood supply, not a toxicity with no local anaesthetic given)
_LIMBS_GONE = {"en": r"can(?:no|'|’)?t move (?:\w+ )?(?:arms?|legs?|limbs?|hands?)|\b(?:arms?|legs?|limbs?) (?:are |is |went |go )?(?:paraly[sz]\w*|limp|dead)|"
                     r"quadripleg|tetrapleg|paraly[sz]ed",
               "zh": r"(?:上肢|下肢|四肢|双手|双臂|胳膊|手脚|双腿)[^，。？?]{0,4}(?:不能动|动不了|瘫|抬不起)|四肢瘫|瘫痪"}
_PARTICULATE_STROKE = {lang: _TF_WITHOUT_LA[lang] + _CERVICAL_TF[lang] + rf"(?![\s\S]*(?:{_FAINT[lang]}))"
                       rf"(?=[\s\S]*(?:{_PARTICULATE[lang]}|{_LIMBS_GONE[lang]}))[\s\S]*(?:{_OUT_COLD[lang]})" for lang in ("en", "zh")}
_CONTRAST_STROKE = {
    "en": _TF_WITHOUT_LA["en"] + rf"(?=[\s\S]*(?:contrast|dye|omnipaque|iohexol))[\s\S]*(?:{_STROKE_SIGNS})|"
          + _TF_WITHOUT_LA["en"] + rf"[\s\S]*(?:{_ONE_SIDED})",
    "zh": _TF_WITHOUT_LA["zh"] + rf"(?=[\s\S]*(?:造影剂|对比剂|contrast))[\s\S]*(?:{_STROKE_SIGNS}|视力|视物|失明|看不见|看不清|复视|眼前发黑|偏瘫|失语)",
}

# Allergic signs: of the skin and mucosa (not an itch alone: intrathecal opioids itch), and of the airway.
_ALLERGIC_SKIN = {"en": r"hives|urticari|welts|(?<![a-z])rash|(?<![a-z])flush|angio-?oedema|angioedema|swollen (?:lips|face|tongue|eyes)|"
                        r"(?:lips?|face|facial|tongue|eyes?|eyelids?)\b.{0,10}swell",
                  "zh": r"荨麻疹|风团|皮疹|起疹|潮红|血管性水肿|(?:嘴唇|口唇|眼睑|脸|面部|舌头?).{0,2}肿"}
_ALLERGIC_AIRWAY = {"en": r"wheez|stridor|bronchospasm|throat\b.{0,12}(?:swell|tight|clos)",
                    "zh": r"喘鸣|哮鸣|喘|喉头水肿|喉咙.{0,2}(?:紧|肿)|支气管痉挛"}
# A blood pressure reading up to its systolic figure ("BP 72/40", "blood pressure now 115/70", 血压80/50): the ranges follow.
_BP = {"en": r"\b(?:s?bp|blood pressure)\b\D{0,8}(?<!\d)", "zh": r"(?:BP|bp|血压)\D{0,4}(?<!\d)"}
_SLOW_HR = {"en": r"bradycard|\b(?:hr|heart rate)\b.{0,6}(?<!\d)[2-5]\d(?:s\b|\b)", "zh": r"心率.{0,4}(?:(?<!\d)[2-5]\d(?!\d)|慢)|心动过缓"}
_LOW_BP = {"en": r"hypotens|\bbp\b.{0,12}(?:(?<!\d)[4-8]\d/|dropp|fall|low)|blood pressure.{0,12}(?:(?<!\d)[4-8]\d/|dropp|fall|low)|"
                 r"\b(?:bp|sbp|blood pressure)\b\s*(?:of |is |now |down to |at )?(?<!\d)[4-8]\d\b(?!\s*/\s*\d{3})(?!\s*/\s*[4-9]\d)",
           "zh": r"(?:血压|(?<![A-Za-z])S?BP)\s*.{0,4}(?:掉|降|低|(?<!\d)[4-8]\d\s*/)|低血压"}  # ("BP掉到70/40": no word boundary before 掉)
# A pressure lost as it is being measured now ("血压快测不到了"; not a cuff that cannot read one: "电子血压计测不出血压")
_BP_LOST = r"血压(?:快|已经|突然|都|也)?(?:测|量)不(?:到|出)(?:来)?了"
# A faint, not anaphylaxis: a slow heart with no skin or airway sign (anaphylaxis drives the heart fast); a Chinese
# question may write the signs in English
_FAINT_NOT_ALLERGIC = {
    lang: rf"^(?![\s\S]*(?:{signs}|(?<![a-z])itch|瘙痒))[\s\S]*(?:{slow})"
    for lang, signs, slow in (
        ("en", f"{_ALLERGIC_SKIN['en']}|{_ALLERGIC_AIRWAY['en']}", _SLOW_HR["en"]),
        ("zh", f"{_ALLERGIC_SKIN['zh']}|{_ALLERGIC_AIRWAY['zh']}|{_ALLERGIC_SKIN['en']}|{_ALLERGIC_AIRWAY['en']}",
         f"{_SLOW_HR['zh']}|{_SLOW_HR['en']}"))}

# The signs of a faint one can see or measure (not dizziness or nausea alone).
_FAINT_SIGNS = {"en": r"faint|syncop|pale|pallor|sweat|diaphore|bradycard|vasovagal|collapse|clammy|brady|unresponsive|unconscious|"
                      r"passed out|passing out|went (?:white|grey|gray)|lost consciousness|loss of consciousness|(?-i:\bLOC\b)|black(?:ed)? out|"
                      r"\b(?:hr|heart rate|pulse)\b\s*(?:is |was |of |at |now |:|=)?\s*(?:(?:dropped|fell|down|went|slowed) (?:to )?)?"
                      r"(?<!\d)[2-5]\d\b(?!\s*(?:yo|y/o|years?|yrs?|min|mins|minutes|%|s\b))",
                "zh": r"晕厥|晕倒|面色苍白|苍白|发白|大汗|出汗|冷汗|心率慢|心动过缓|血管迷走|眼前发黑|晕过去|晕了|昏(?:过去|倒|迷)|"
                      r"意识丧失|不省人事|叫不醒|(?:心率|脉搏|心跳)\s*(?:只有|降到|掉到|降至|为|是|:|：)?\s*(?<!\d)[2-5]\d(?!\d)(?!\s*(?:分钟|岁|min))"}
# a faint seen, its signs told (every faint sign but the reaction's own name, a low pressure, confusion; not "IL vs TF - how
# common is a vasovagal?")
_FAINT_SEEN = {lang: _FAINT_SIGNS[lang].replace("|vasovagal", "").replace("|血管迷走", "") + "|" + _LOW_BP[lang]
               + ("|confus|drows|\\bLOC\\b" if lang == "en" else "|意识模糊|意识不清|昏倒|晕厥") for lang in ("en", "zh")}

# Consciousness lost with a slow heart and nothing of a local anaesthetic's toxicity told (no seizure, prodrome or
# arrhythmia, no local anaesthetic or high-risk block named): "腰椎TFESI刚打完药，突然意识丧失，BP 70/40，HR 38" is a faint
# picture first (the vasovagal banner names toxicity and a high block to exclude), not LAST.
# (only after a lumbar or sacral epidural steroid injection: a nerve block, an RF or MBB, or any cervical injection keeps the
# LAST reading, where toxicity or an intra-arterial injection often shows as collapse alone)
_TOXIC_TOLD = {"en": r"seiz|convuls|fitting|twitch|jerk|perioral|circumoral|metallic|tinnitus|ringing|arrhythm|\bv[ft]\b|v-?(?:tach|fib)|"
                     r"\bqrs\b|(?:wide|broad)[- ]complex|asystol|pulseless|no (?:palpable )?pulse|arrest|bupi\w*|lido\w*|lignocaine|ropi\w*|"
                     r"marcaine|local an(?:a)?esthetic|\blipid|stellate|\bSGB\b|paravertebral|plexus|erector|(?-i:\bTAP\b)|(?-i:\bLAST\b)|"
                     r"\bblock|\bRF\b|\bRFA\b|radiofrequency|ablation|\bMBB|medial branch|cervical|\bC[1-8]\b|\bC[1-8]-|neck|"
                     r"\bLA\b|infiltrat",
               "zh": r"抽搐|惊厥|抽动|口周|口唇|耳鸣|金属味|心律失常|室颤|室速|心脏骤停|心搏骤停|无脉|布比卡因|利多卡因|罗哌卡因|局麻|麻药|"
                     r"脂肪乳|星状|椎旁|丛|阻滞|射频|内侧支|颈"}
_LUMBAR_ESI = {"en": r"\b(?:TF|IL)?ESI\b|\bTFESI\b|\bILESI\b|epidural|transforaminal|interlaminar|caudal",
               "zh": r"硬膜外|经椎间孔|椎板间|骶管|TFESI|ILESI|ESI"}
# An opioid withdrawal picture (a pump under-delivering for days: yawning, diarrhoea, gooseflesh), never toxicity from the
# pump's local anaesthetic, however agitated.
_OPIOID_WITHDRAWAL = {"en": (r"\byawn", r"\bdiarrh", r"piloerect|goose ?(?:bumps|flesh|pimples)", r"rhinorr|runny nose", r"\bwithdrawal\b"),
                      "zh": (r"哈欠", r"腹泻|拉肚子", r"鸡皮疙瘩", r"流鼻涕|流涕", r"戒断")}
# (told by a pump or opioid patient, and no hard sign of toxicity or of a faint's slow heart)
_OPIOID_PATIENT = {"en": r"\bpump\b|intrathecal|\bIT\b|opioid|opiate|morphine|hydromorphone|fentanyl|methadone|buprenorphine",
                   "zh": r"泵|鞘内|阿片|吗啡|氢吗啡酮|芬太尼|美沙酮|丁丙诺啡"}
_HARD_TOXIC = {"en": r"seiz|convuls|\bfit|twitch|metallic|perioral|circumoral|tinnitus|arrhythm|arrest|\bv[ft]\b|unresponsive|"
                     r"(?:hr|heart rate|pulse)\D{0,6}(?<!\d)[2-4]\d\b|brady",
               "zh": r"抽搐|惊厥|抽动|金属味|口周|口唇|耳鸣|心律失常|骤停|室颤|意识丧失|心动过缓|心率.{0,3}(?<!\d)[2-4]\d(?!\d)"}


def opioid_withdrawal(q: str, lang: Lang) -> bool:
    """A pump or opioid patient told with two or more signs of opioid withdrawal (yawning, diarrhoea, gooseflesh, a runny
    nose; "withdrawal" said) and no hard sign of toxicity or a slow heart: neither local anaesthetic toxicity nor a faint."""
    signs = sum(bool(_rx(p).search(q)) for p in _OPIOID_WITHDRAWAL[lang])
    return signs >= 2 and bool(_rx(_OPIOID_PATIENT[lang]).search(q)) and not _rx(_HARD_TOXIC[lang]).search(q)
_FAINT_OUT_COLD = {lang: rf"^(?![\s\S]*(?:{toxic}))(?=[\s\S]*(?:{esi}))(?=[\s\S]*(?:{out}))[\s\S]*(?:{slow})"
                   for lang, toxic, esi, out, slow in (
                       ("en", _TOXIC_TOLD["en"], _LUMBAR_ESI["en"], _OUT_COLD["en"], _SLOW_HR["en"]),
                       ("zh", f"{_TOXIC_TOLD['zh']}|{_TOXIC_TOLD['en']}", _LUMBAR_ESI["zh"], f"{_OUT_COLD['zh']}|{_OUT_COLD['en']}",
                        f"{_SLOW_HR['zh']}|{_SLOW_HR['en']}"))}

# Signs that make a burning or numb patch after an RF ablation more than its neuritis.
# A headache after a dural puncture that has changed (constant, even lying down) with a weak or numb hand, arm or face and no
# sign of the legs or sphincters ("头疼变了 躺着也疼 还吐了两次 左手有点没劲"): the intracranial red flags of a dural puncture
# (subdural haematoma, venous sinus thrombosis), not a spinal deficit
_HEAD_NOT_SPINE = {"en": r"^(?![\s\S]*\b(?:legs?|lower limbs?|feet|foot|bladder|bowels?|saddle|perine\w*|groin|urin\w*|pee)\b)"
                         r"(?=[\s\S]*\b(?:headache|HA)\b[^.?!]{0,40}\b(?:constant|even lying|lying down too|when lying|no longer postural|"
                         r"not postural|changed|all the time)\b)[\s\S]*\b(?:hand|arm|face)\b[^.?!]{0,20}\b(?:weak|numb)",
                   "zh": r"^(?![\s\S]*(?:腿|下肢|脚|大小便|小便|尿|鞍区|会阴|肛门))"
                         r"(?=[\s\S]*头(?:痛|疼)[^，。？?]{0,3}(?:变了|躺着也|平躺也|躺下也|一直|持续))[\s\S]*(?:手|胳膊|上肢|脸|面部)[^，。？?]{0,4}(?:没劲|无力|没力|麻)"}
# a limb's power, movement or feeling told lost after "no" ("now no power in her legs", "no sensation below the knees",
# "no dorsiflexion"): a deficit, not a sign denied ("no power loss", "no feeling of numbness", "no movement of the leads",
# "no dorsiflexion weakness" are denials)
_LIMB_LOST = (r"\s+(?:active\s+)?(?:power|movement|sensation|feeling|strength)\s+(?:in|of|below|from)\s+(?:(?!the leads?\b)[\w'’]+\s+){0,2}"
              r"(?:legs?|feet|foot|toes?|arms?|hands?|limbs?|knees?|waist)\b|\s+(?:active\s+)?dorsi-?flexion\b(?!\s+(?:weakness|problems?|issues?|loss|deficit))")
# the foot's lift lost ("pt cant dorsiflex R foot", "no dorsiflexion", 踝背屈无力)
_NO_DORSIFLEXION = r"(?:can(?:no|'|’)?t|cannot|unable to|not able to|couldn'?t) (?:actively )?dorsi-?flex|\bno (?:active )?dorsi-?flexion\b(?!\s+(?:weakness|problems?|issues?|loss|deficit))|" \
    r"\bdorsi-?flexion (?:is )?(?:weak|absent|gone|lost|reduced)|\bweak (?:ankle )?dorsi-?flexion"
# the legs' deficit denied ("legs aren't numb or weak", "no weakness in her legs", 腿不麻也不软)
_LEGS_DENIED = {"en": r"\blegs? (?:(?:are|is|feel|feels|do|does) ?)?(?:not|n't|n’t|arent|isnt|dont|doesnt) (?:feel )?(?:numb|weak)(?: or (?:numb|weak))?\b|"
                      r"\bno (?:numbness|weakness)(?: or (?:numbness|weakness))? in (?:the |her |his |their |both )?legs?\b",
                "zh": r"(?:腿|下肢)[^，。]{0,3}不麻(?:了)?也?不软|(?:腿|下肢)[^，。]{0,3}不软(?:了)?也?不麻"}
# walking on the heels or toes told as lost (not "he can heel walk and toe walk fine")
_CANT_HEEL_TOE = r"(?:can(?:no|'|’)?t|cannot|unable to|not able to|couldn'?t) (?:heel|toe)[- ]walk|(?:heel|toe)[- ]walk(?:ing)? (?:is )?(?:weak|impaired|difficult|poor)"
# the bladder or bowel as a sign (their control, their feeling), not an operation or a test of theirs ("bowel surgery next week")
_SPHINCTER_SIGN = r"bladder(?! (?:surgery|cancer|tumou?r|biopsy|stones?)\b)|bowel(?! (?:surgery|resection|prep|preparation|cancer|screening|obstruction|operation)\b)"
_RF_NOT_BENIGN = {"en": r"weak|paraly|can(?:no|'|’)?t (?:move|lift|walk|pee|wee|pass urine)|" + _SPHINCTER_SIGN + r"|retention|incontinen|heavy|no power|"
                         r"dragging|" + _CANT_HEEL_TOE + r"|" + _NO_DORSIFLEXION + r"|"
                         r"saddle|perine|groin|\bpee\b|urin|foot drop|both legs|bilat\w*|legs? (?:are |is )?numb",
                  "zh": r"无力|瘫|不能动|动不了|抬不起|走不了|站不起|腿软|腿(?:有点|有些|稍微?|感觉|都)发?软|没劲|没力|大小便|排尿|尿|发沉|鞍区|会阴|双下肢|两腿|双腿|两条腿|足下垂|小便|肛门"}

# Baclofen named, with its brand and a homophone slip (巴氯分泵 is still baclofen).
_BACLOFEN = {"en": r"baclofen|baclophen|lioresal|\bITB\b(?!\s*(?:syndrome|band|friction|tendin|pain\b))",
             "zh": r"巴氯[芬分酚氛]|\bITB\b(?!\s*(?:综合征|摩擦))"}

# an opioid pump said as the patient's ("那如果是吗啡泵呢", "what if it was a morphine pump"; not oral morphine, a fentanyl
# patch or sedation, nor "没用过阿片类")
_OPIOID_PUMP = {"en": r"\b(?:morphine|hydromorphone|dilaudid|opioid|fentanyl|sufentanil) (?:intrathecal )?(?:pump|ITDD|IDDS)\b|"
                      r"\bif (?:it|he|she)(?:'s| is| was| were| had) (?:a |an |on (?:a |an )?)?(?:morphine|hydromorphone|opioid)\b",
                "zh": r"(?:吗啡|氢吗啡酮|阿片类?|芬太尼|舒芬太尼)(?:的)?(?:鞘内)?泵|(?:如果|要是|假如)是(?:吗啡|氢吗啡酮|阿片)"}

# Sedatives given and a patient sedated too deep (snoring, unrousable): see `_SEDATION`.
_SEDATIVES = {"en": r"\bsedat\w*|midaz\w*|\bversed\b|propofol|fent(?:anyl)?\b|remifent\w*|dexmedetomidine|\bmac\b",
              "zh": r"镇静|咪达唑仑|咪唑安定|丙泊酚|芬太尼|瑞芬太尼|右美托咪定"}
_TOO_DEEP = {"en": r"snor\w*|unrous|not rousable|barely rousable|won'?t wake|hard to (?:rouse|wake)",
             "zh": r"打鼾|打起鼾|打呼|鼾声|叫不.{0,2}醒|唤不醒|呼之不应"}

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "last",
        {"en": (r"seiz|convuls|fitting|arrhythm|arrest|\bv[ft]\b|v-?(?:tach|fib)\b|ventricular fibrillation|asystol|unresponsive|loss of consciousness|perioral|circumoral|"
                r"metallic taste|tinnitus|ringing in (?:the |her |his )?ears|tongue|ventricular|qrs|broad[- ]complex|agitat|twitch|"
                r"tingl\w* (?:around |of )?(?:the |her |his )?(?:mouth|lips)|lips? (?:are |is )?(?:tingl|numb)|jerking|slurred speech|"
                r"numb (?:tongue|lips|mouth)|(?:strange|funny|odd) taste|taste of metal|buzzing in (?:the |her |his )?ears|ears? (?:are )?ringing|"
                r"wide[- ]complex|shaking all over|\bfits?\b|jerk\w*|"
                r"(?:develop\w*|is having|has|got|now (?:has|in)|suspect\w*) (?:a |an )?(?:LAST|local an(?:a)?esthetic (?:systemic )?toxicity)\b|"
                r"pulseless|no (?:palpable )?pulse|(?:can(?:no|'|’)?t|unable to|could(?:n'|n’|no)t) (?:feel|find|get|palpate) (?:a |her |his |the )?pulse|"
                r"lost (?:a |her |his |the )?pulse|not rousable|unrousable|"
                # (a circulatory collapse told beside a local anaesthetic or the lipid asked: LAST's cardiovascular-only form,
                # "bupivacaine SGB done, HR 30s, no BP - lipid?"; not a faint told as such, "vasovagal … legs raised, improving")
                r"^(?![\s\S]*(?:vasovagal|faint|syncop|pale|pallor|sweat|clammy|diaphore|improving|recovering|legs? raised))"
                r"(?=[\s\S]*(?:bupi\w*|lido\w*|lignocaine|ropi\w*|marcaine|local an(?:a)?esthetic|\blipid(?![- ]lowering)|intralipid))[\s\S]*?"
                r"(?:\b(?:bp|blood pressure)\b[^.?;]{0,12}\b(?:un(?:recordable|measurable|readable)|not recordable|not measurable|unable to get)|"
                r"\bno (?:bp|blood pressure)\b|can(?:no|'|’)?t (?:get|find|record) (?:a |the )?(?:bp|blood pressure)|"
                r"\b(?:hr|heart rate|pulse)\b\D{0,6}(?<!\d)[1-3]\d(?:s|'s)?\b(?![^.?;]{0,6}(?:mmhg|/))[\s\S]*\b(?:bp|blood pressure)\b\D{0,6}(?<!\d)[3-6]\d\s*/)|"
                # (collapsed with the lipid asked: "collapsed after SGB with bupivacaine, lipid dose for 80kg?")
                r"^(?=[\s\S]*\b(?:lipid|intralipid)\b(?![- ]lowering))(?=[\s\S]*(?:bupi\w*|lido\w*|ropi\w*|marcaine|local an(?:a)?esthetic))[\s\S]*?\bcollaps\w*",),
         "zh": (r"抽搐|惊厥|癫痫发作|心律失常|心脏骤停|心搏骤停|室颤|室速|室性|意识丧失|意识不清|意识障碍|昏迷|不省人事|叫不醒|四肢抽|全身抽|抽动|"
                r"口周麻木|口唇麻木|口周.{0,2}麻(?!醉)|口唇.{0,2}麻(?!醉)|嘴(?:唇|周)?.{0,2}发麻|舌头?发?麻|嘴周围发麻|金属味|耳鸣|神志不清|QRS|宽大|躁动|"
                r"嘴唇发麻|口唇发麻|口周发麻|肌肉抽动|肌颤|言语不清|胡言乱语|嘴.{0,2}麻|抽风|抽起来|抽了|烦躁不安|嘴里.{0,4}味|"
                r"嘴巴?(?:周围|周边|四周|一圈).{0,2}麻|耳朵?.{0,3}(?:嗡嗡|嗡|蝉鸣)|(?:眼睛|两眼|双眼|眼神)发直|翻白眼|口吐白沫|"
                r"(?:手|脚|腿|胳膊|脸|面部|四肢|全身).{0,3}(?:开始|一直|在)?抽(?![血吸液出取烟查样])|开始抽(?![血吸液出取烟查样])|"
                r"(?<!容易)(?<!可能)(?<!会)(?:出现|发生|发作|考虑|怀疑|疑似)了?\s*(?:LAST|局麻药(?:全身)?中毒|局麻药全身毒性)|"
                r"意识.{0,2}(?:没了|消失|丧失)|没(?:有)?意识|失去意识|摸不[到着].{0,6}(?:脉|搏动)|无脉|没(?:有)?脉搏?|心跳.{0,2}停|没(?:有)?心跳|心搏停止|"
                r"^(?![\s\S]*(?:血管迷走|晕厥|苍白|出汗|冷汗|大汗|好转|已清醒|已经清醒|醒过来))"
                r"(?=[\s\S]*(?:布比卡因|利多卡因|罗哌卡因|局麻药|脂肪乳|bupi|lido|ropi))[\s\S]*?"
                r"(?:血压(?:都)?测不(?:出|到|了)|测不(?:出|到)血压|血压(?:没了|消失)|(?:心率|HR)\D{0,4}(?<!\d)[1-3]\d[\s\S]*血压\D{0,4}(?<!\d)[3-6]\d\s*/)",)},
        {"en": r"local an(?:a)?esthetic|lidocaine|lignocaine|bupivacaine|ropivacaine|levobupivacaine|mepivacaine|block|inject|(?-i:\bLAST\b)|"
               r"paravertebral|\b(?:TF|IL)?ESI\b|epidural|facet|stellate|\bSGB\b|caudal|medial branch|\bMBB\b|transforaminal|interlaminar|"
               r"erector spinae|\bTAP\b|\blido\b|\bbupi\b|"
               r"\b(?:gave|given|giving|pushed|started|after|running|ran) (?:the )?(?:\d+\s*(?:ml|mls|ml/kg)\s*(?:of )?)?(?:20% )?(?:intra)?lipid\b(?![- ]lowering)|"  # (the rescue given)
               # (or asked for; not a feed's lipid, "on TPN … how much lipid per day?")
               r"^(?![\s\S]*(?:\bTPN\b|parenteral|nutrition|\bfeeds?\b))[\s\S]*?\b(?:how (?:do|should|can) (?:i|we) give|how much|dose of) (?:the )?(?:20% )?(?:intra)?lipid\b(?![- ]lowering)",
         "zh": r"局麻药|局部麻醉|利多卡因|布比卡因|罗哌卡因|阻滞|注射|注入|注药|推药|推注|打药|给药|局麻|神经成形|"
               # (a block named by its abbreviation or its name once done: "刚做完颈椎TF的病人…开始抽了", "颈椎TF术后…",
               # "小关节做完 嘴唇发麻 金属味"; never IL-6, nor one still to come, "TF术前", "准备做TF")
               r"(?<![A-Za-z])(?:TF|IL|TFESI|ILESI|ESI|SGB|MBB|ESP)(?![A-Za-z0-9-])(?=[^，。？?]{0,4}(?:完|后|时|中|推|打))|"
               r"(?:刚做完?|做完|打完)[^，。？?]{0,6}(?<![A-Za-z])(?:TF|IL|TFESI|ILESI|ESI|SGB|MBB|ESP)(?![A-Za-z0-9-])|"
               r"(?:小关节|星状|椎旁|内侧支|骶管)[^，。？?]{0,6}(?:做完|打完|注射完|推完|阻滞后|注射后|刚做)|"
               r"(?:给|推|静推|用|输注|静滴|输)了?[^，。；]{0,8}脂肪乳(?![^，。；]{0,6}(?:肠外营养|营养|TPN|PN))|脂肪乳(?:已经|已)?(?:推|给|用|输)|"
               r"^(?![\s\S]*(?:营养|TPN|PN\b))[\s\S]*?脂肪乳(?:剂)?(?:怎么|如何|咋)(?:给|用|推|输)"},
        {"en": "URGENT: possible local anaesthetic systemic toxicity (LAST). " + _STOP["en"] + "; the management steps below are quoted from the cited sources.",
         "zh": "紧急：可能为局麻药全身毒性（LAST）。" + _STOP["zh"] + "；以下处理步骤引自所列来源。"},
        {"en": "local anaesthetic systemic toxicity LAST management lipid emulsion seizures airway",
         "zh": "局麻药全身毒性 处理 脂肪乳 惊厥 气道"},
        # a postural headache with tinnitus the day after a dural puncture is PDPH (its auditory symptoms), not toxicity;
        # lost vision or a facial droop after a transforaminal injection, without a toxicity sign, is a stroke picture
        # (slurred speech alone is both)
        # (a headache after a dural puncture that comes with a seizure days later is the puncture's red flag, not toxicity)
        exclude={"en": rf"^(?:(?![\s\S]*(?:{_TOXIC_NOT_POSTURAL['en']}))|(?=[\s\S]*(?:{_DAYS_LATER['en']})))[\s\S]*(?:{_POSTURAL['en']})|"
                       rf"(?:{_DURAL['en']})[\s\S]*headache|headache[\s\S]*(?:{_DURAL['en']})|" + _STROKE_NOT_TOXIC["en"]
                       + "|" + _CONTRAST_STROKE["en"] + "|" + _SALINE_NOT_LA["en"] + "|" + _PARTICULATE_STROKE["en"] + "|" + _FAINT_OUT_COLD["en"]
                       + "|" + _BACLOFEN_NOT_LA["en"] + "|" + _OPIOID_NOT_LA["en"] + "|" + _NOT_TOXIC_MOVEMENT["en"],
                 "zh": rf"^(?:(?![\s\S]*(?:{_TOXIC_NOT_POSTURAL['zh']}))|(?=[\s\S]*(?:{_DAYS_LATER['zh']})))[\s\S]*(?:{_POSTURAL['zh']})|"
                       rf"(?:{_DURAL['zh']})[\s\S]*头[痛疼]|头[痛疼][\s\S]*(?:{_DURAL['zh']})|" + _STROKE_NOT_TOXIC["zh"]
                       + "|" + _CONTRAST_STROKE["zh"] + "|" + _SALINE_NOT_LA["zh"] + "|" + _PARTICULATE_STROKE["zh"] + "|" + _FAINT_OUT_COLD["zh"] + "|" + _BACLOFEN_NOT_LA["zh"] + "|" + _OPIOID_NOT_LA["zh"] + "|" + _NOT_TOXIC_MOVEMENT["zh"]},
        procedures=('local-anaesthetic', 'peripheral-nerve-block', 'paravertebral-block', 'intercostal-nerve-block', 'sympathetic-block', 'last'),
    ),
    RedFlag(
        "neuraxial-deficit",
        # (not a weakness all over, told with the illness: "admitted with pneumonia, weak, hypotensive")
        {"en": (r"(?<!generally )(?<!feels )(?<!feeling )(?<!generalised )(?<!generalized )"
                r"weak(?!\w*,? (?:and )?(?:hypotensive|tired|unwell|lethargic|drowsy|confused|febrile)\b| all over|ness all over)|"
                r"paraly|paraplegi|quadripleg|tetrapleg|parapare|quadripare|tetrapare|numb(?!er)|can(?:no|'|’)?t (?:i |she |he )?(?:move|lift|feel)|unable to (?:move|lift)|" + _SPHINCTER_SIGN + r"|incontinen|urinary retention|saddle|"
                r"foot ?drop|dropped foot|dragging (?:his |her |the |their )?(?:left |right |l |r )?(?:leg|foot)|"
                r"can(?:no|'|’)?t (?:heel|toe)[- ]walk|unable to (?:heel|toe)[- ]walk|" + _NO_DORSIFLEXION + r"|"
                r"\bno" + _LIMB_LOST + r"|cauda equina|electric shock|shooting pain|lightning|paraesthesi|paresthesi|legs? (?:feel |are |is )?heavy|"
                # (a muscle group's power graded below normal: "hip flexion 3/5 on the right")
                r"\b(?:hip|knee|ankle|foot|toe|quads?|quadriceps|flexion|extension|dorsiflexion|plantar ?flexion|power|strength|motor|"
                r"EHL|tib(?:ialis)? ant\w*)\b[^.?!;]{0,20}?\b[0-4](?:\+|-)?/5\b|"
                r"loss of (?:sensation|feeling)|sensory level|can(?:no|'|’)?t walk|unable to walk|legs? (?:gave|giving|give) way|"
                r"legs? (?:are |feel |feels )?(?:floppy|dead|like jelly)|legs? (?:are |feel |feels )?(?:(?:a bit|slightly|a little|kind of) )?(?:wobbly|jelly|shaky)\b|flaccid|no power|lost (?:the )?power|reduced power|power \d/5|"
                r"arms? (?:are |feel |feels )?heavy|can(?:no|'|’)?t grip|grip (?:is )?weak|weak grip|"
                r"pins and needles|can(?:no|'|’)?t (?:pass urine|pee|wee)|wet (?:herself|himself)|trouble (?:peeing|passing urine|urinating)|"
                # (a limb told failing in plain words: "R leg 'not working right'", "can barely get out of the chair")
                r"\b(?:legs?|arms?)\W{0,3}(?:is |are )?(?:not|isn'?t|aren'?t) working(?: right| properly)?\W{0,3}" + _NOT_LONG_CAUSED + "|"
                # (not a bed, which a postural headache keeps her in: "still can't get out of bed")
                r"\b(?:can(?:no|'|’)?t|barely|unable to|struggling to) get (?:up )?out of (?:the |a |his |her )?chair\b" + _NOT_LONG_CAUSED + "|"
                r"difficulty (?:peeing|passing urine|urinating)|"
                # (new root pain with cement in view, after the injection or with cement in the canal told: "kypho, cement going into
                # canal, new leg pain"; not a plan, "kyphoplasty planned tomorrow, severe leg pain from stenosis", nor a general ask)
                r"^(?=[\s\S]*(?:\bcement|vertebroplast|kyphoplast|\bkypho\b|\bPVP\b|\bPKP\b))"
                r"(?=[\s\S]*(?:\b(?:after|post|post-?op|done|during|ago|now|c/o|complains?)\b|\bcement[^.?!]{0,30}(?:canal|foram)))"
                r"(?![\s\S]*\b(?:planned|scheduled|booked|candidate|what causes|causes? of|principles?|indications?|common|how often|"
                r"how (?:to|do you|should (?:i|we)) (?:manage|treat)|rate)\b)(?!\W*why\b)"
                r"[\s\S]*?(?:new|worse|severe|sudden|now)[^.?!]{0,25}(?:(?:leg|arm|radicular|root|nerve|girdle|band-like)[^.?!]{0,8}pain|radicul|sciatica|"
                r"pain[^.?!]{0,10}(?:shooting|radiating|going) (?:down|into))",),
         "zh": (r"无力|瘫痪|截瘫|四肢瘫|麻木|不能动|无法活动|动不了|大小便|排尿|尿潴留|尿失禁|大便失禁|鞍区|马尾|电击样|放射到|触电|放电样|放电感|"
                r"一股电流|像电流|电流[^，。？?]{0,4}窜|被电打|电打了|像过电|过电一样|(?:双|两条?)腿有点软|(?:腿|下肢)[^，。？?]{0,2}(?:沉重|很沉)|"
                r"发沉|感觉平面|感觉减退|感觉消失|抬不起|走不了|不能走|站不起|腿软|腿(?:有点|有些|稍微?|感觉|都)发?软|没劲|没力|没有力气|使不上劲|肌力[^，。；]{0,8}?(?:下降|减退|[0-3]\s*级)|"
                r"足下垂|垂足|脚下垂|勾不起脚|脚抬不起|背屈无力|"
                r"(?:双|两条?)腿(?:都)?发软|(?:小便|尿)[^，。？?]{0,2}解不出|(?:腿|下肢|脚|足|会阴|屁股).{0,4}麻(?!醉)|(?:注射时|推药时|打的时候|推的时候)[^。？?]{0,6}(?:手|胳膊|上肢|手臂).{0,2}麻(?!醉)|(?:腿|下肢)[^，。？?]{0,4}(?:没知觉|没感觉|没有知觉|没有感觉)|"
                r"尿不出|解不出小便|小便解不出|(?:一直|还)?没(?:有)?解(?:过)?小便|一直没尿|(?:没|未)排(?:过)?尿|膀胱(?:区)?(?:胀|膨隆|充盈)|"
                r"^(?=[\s\S]*(?:骨水泥|椎体成形|后凸成形|PVP|PKP))(?![\s\S]*(?:什么原因|原因有哪些|原因是什么|适应证|处理原则|术前|能做吗|常见吗|发生率|多常见))"
                r"[\s\S]*?(?:新发|新出现|新的|突然)[^，。；？]{0,8}(?:腿|下肢|神经根|根性|放射|肋间|束带)[^，。；？]{0,4}[痛疼]",)},
        {"en": r"epidural|\bESI\b|\bTFESI\b|\bILESI\b|transforaminal|interlaminar|stimulat|\bSCS\b|pump|intrathecal|neuraxial|spinal|lead|catheter|vertebroplasty|kyphoplasty|\bkypho\b|cement|tuohy|"
               r"facet|radiofrequency|\bRFA\b|\bMBB\b|medial branch|discogra|blood patch|epiduroscop|nerve root|lumbar|thoracic|cervical (?:epidural|injection|procedure)|caudal|"
               r"sympathetic|paravertebral",
         "zh": r"硬膜外|刺激|泵|鞘内|椎管|导联|电极|导管|椎体成形|后凸成形|成形术|PVP|PKP|关节突|射频|脊髓|神经根|血补片|腰椎|胸椎|颈椎|经椎间孔|椎板间|骶管|"
               r"交感|椎旁"},
        {"en": "URGENT: a new neurological deficit after a neuraxial procedure or implant can be a spinal haematoma, abscess or cord injury. "
               + _STOP["en"] + ": urgent neurological assessment, emergency MRI and spinal surgery consultation.",
         "zh": "紧急：椎管内操作或植入术后新发神经功能障碍可能是椎管内血肿、脓肿或脊髓损伤。" + _STOP["zh"] + "：紧急神经系统评估、急诊MRI并请脊柱外科会诊。"},
        {"en": "spinal epidural haematoma abscess new neurological deficit weakness numbness sphincter dysfunction urgent MRI decompression",
         "zh": "椎管内硬膜外血肿 脓肿 新发神经功能障碍 无力 麻木 括约肌功能障碍 急诊 MRI 减压"},
        procedures=('neuraxial-procedure', 'esi', 'spinal-cord-stimulation', 'drg-stimulation', 'intrathecal-drug-delivery', 'vertebral-augmentation', 'epiduroscopy', 'epidural-adhesiolysis', 'intradiscal-procedure', 'epidural-blood-patch', 'facet-injection', 'radiofrequency-ablation'),
        # (numbness or burning of the skin over the ablated nerve after an RF ablation, with no weakness and no bladder sign,
        # is the ablation's expected effect or its neuritis: "颈段做完RFA 皮肤麻木 灼痛要紧吗")
        exclude={"en": r"^(?![\s\S]*(?:weak|paraly|can(?:no|'|’)?t (?:move|lift|walk)|" + _SPHINCTER_SIGN + r"|retention|incontinen|heavy|no power|"
                       r"dragging|" + _CANT_HEEL_TOE + r"|" + _NO_DORSIFLEXION + r"|foot ?drop))"
                       r"(?=[\s\S]*(?:\bRFA?\b|radiofrequency|neurotomy|ablation))[\s\S]*(?:skin|neck|scalp|back of (?:the |his |her )?(?:head|neck)|"
                       r"over the (?:joint|site|facet))[^.?!]{0,25}(?:numb|burn|tingl|dysaesth|dysesth)|"
                       # (or told the other way round: "numb skin over the back after medial branch RFA"; or burning pain after an RF
                       # ablation: its neuritis, with no weakness, bladder, saddle or both-legs sign told)
                       rf"^(?![\s\S]*(?:{_RF_NOT_BENIGN['en']}))(?=[\s\S]*(?:\bRFA?\b|radiofrequency|neurotomy))[\s\S]*"
                       r"(?:(?:numb|burn|tingl)\w*[^.?!]{0,12}\b(?:skin|patch|spot)\b|\bburning\b)|" + _HEAD_NOT_SPINE["en"] + "|"
                       # (a warm leg after a lumbar sympathetic block is the block working; a numb foot beside it, with no weakness,
                       # bladder, saddle or both-legs sign, is no cord: "lumbar sympathetic block 30 min ago, leg feels warm")
                       rf"^(?![\s\S]*(?:{_RF_NOT_BENIGN['en']}))(?=[\s\S]*\b(?:sympathetic|symp)\b)[\s\S]*\b(?:warm|warmer|hot)\b",
                 "zh": r"^(?![\s\S]*(?:无力|瘫|不能动|动不了|抬不起|走不了|站不起|腿软|腿(?:有点|有些|稍微?|感觉|都)发?软|没劲|没力|大小便|排尿|尿|发沉))"
                       r"(?=[\s\S]*(?:射频|RFA|消融))[\s\S]*(?:皮肤|脖子|颈后|颈部|头皮|枕部|后脑|局部)[^，。？?]{0,8}(?:麻|灼|烧|刺痛)|"
                       rf"^(?![\s\S]*(?:{_RF_NOT_BENIGN['zh']}))(?=[\s\S]*(?:射频|RFA))[\s\S]*(?:烧灼|灼痛|灼烧)|" + _HEAD_NOT_SPINE["zh"] + "|"
                       rf"^(?![\s\S]*(?:{_RF_NOT_BENIGN['zh']}))(?=[\s\S]*交感)[\s\S]*(?:腿|脚|足|下肢|皮肤)[^，。？?]{{0,6}}(?:发热|变暖|暖和|发烫|温度高|热)"},
    ),
    RedFlag(
        "implant-infection",
        {"en": (r"fever|(?<!a)febrile|(?<!a)pyrex|rigor|temperature|\b3[89](?:\.\d)? ?°?C?\b|" + _TEMPS_EN + "|"
                # (a low-grade temperature only beside a draining or purulent wound: 37.5 with a clean wound after an implant is
                # the usual course)
                r"(?:drain|\bpus\b|purulen|cloudy|discharg|ooz|(?<!no )(?<!not )\b(?:red|erythema\w*|tender|swollen|warm)\b)[\s\S]*(?<!['’])\b(?:t|temp|tmax)\b\W{0,3}37\.[5-9]\b|"
                r"(?<!['’])\b(?:t|temp|tmax)\b\W{0,3}37\.[5-9]\b(?=[\s\S]*(?:drain|\bpus\b|purulen|cloudy|discharg|ooz|(?<!no )(?<!not )\b(?:red|erythema\w*|tender|swollen|warm)\b))",
                r"back pain|neck pain|wound|erythema|\bred(?:ness|dened|dening|dish)?\b|\bpus\b|discharg|altered (?:mental|conscious)|\baltered\b|confus|"
                r"\btender\b|bacter(?:a)?emi|bacteraemi|bloodstream infection|ooz|draining|swell|neck stiff|stiff neck|meningi|headache|\bCRP\b|\bESR\b|white (?:cell|count)|\bWCC\b|inflammatory markers|"
                # (the back told worse in plain words: "back much worse", "back is killing him")
                r"\bback\b[^.,;?]{0,12}\b(?:worse|worsening|killing|agony|excruciating|much more painful)\b|"
                # (a trial lead still through the skin is a wound: "SCS trial leads in, pt febrile")
                r"\bleads? (?:are |is )?(?:still )?(?:in|in situ|in place)\b(?! place for \d)(?! for \d)|exit site|"
                # (the infection itself told: "pump pocket infection, pt febrile - explant?")
                r"\b(?:pocket|wound|site|lead|implant|device) infect\w*|\binfected (?:pocket|wound|site|device|implant)\b"),
         "zh": (r"发热|发烧|高热|低热|低烧|寒战|烧到\s*(?:3[89]|4[0-2])|体温(?!正常|不高|平稳|\s*(?:36(?:\.\d)?|37(?:\.\d)?)(?!\.\d|\d))|3[89](?:\.\d)?\s*℃|"
                r"(?<!无)(?<!没有)(?<!未见)体温\s*37\.[3-9](?=[\s\S]*(?<!无)(?<!没有)(?<!未见)(?<!不)(?:流脓|化脓|有脓|脓性|渗液|渗出|流水|红肿|发红|压痛|肿胀|皮温高|裂开))|"
                r"(?<!无)(?<!没有)(?<!未见)(?<!不)(?:流脓|化脓|有脓|脓性|渗液|渗出|流水|红肿|发红|压痛|肿胀|皮温高|裂开)[\s\S]*(?<!无)(?<!没有)(?<!未见)(?:体温|T)\s*37\.[3-9]", r"背痛|腰痛|颈痛|(?:腰|背|颈|脖子).{0,3}[疼痛]|伤口|切口|红肿|发红|肿胀|压痛|意识模糊|意识改变|糊涂|菌血症|血流感染|流脓|化脓|有脓|脓性|渗液|渗出|颈强直|脖子硬|颈子硬|颈部僵硬|颈项强直|脑膜|头[痛疼]|CRP|血沉|白细胞|炎症指标|电极(?:还)?在|出口处")},
        {"en": r"implant|stimulat|\bSCS\b|pump|intrathecal|epidural|caudal|\bESI\b|transforaminal|interlaminar|lead|catheter|\bIPG\b|generator|"
               r"discogra|intradiscal|disc|vertebroplast|kyphoplast|facet|radiofrequency|injection|procedure",
         "zh": r"植入|刺激器|泵|鞘内|硬膜外|骶管|电极|导管|发生器|椎间盘|造影|椎体成形|后凸成形|关节突|射频|注射|术后|穿刺"},
        {"en": "URGENT: fever with back pain or wound signs after an implant or neuraxial procedure can be a wound or device infection, discitis, an epidural abscess or meningitis. "
               + _STOP["en"] + ": urgent assessment, blood cultures, MRI and surgical review.",
         "zh": "紧急：植入或椎管内操作后发热伴背痛或切口异常，可能是切口或装置感染、椎间盘炎、硬膜外脓肿或脑膜炎。" + _STOP["zh"] + "：紧急评估、血培养、MRI并请外科评估。"},
        {"en": "implant pocket wound infection erythema pus discharge epidural abscess meningitis fever back pain",
         "zh": "植入物 囊袋 切口 感染 红肿 流脓 渗液 硬膜外脓肿 脑膜炎 发热 背痛"},
        procedures=('spinal-cord-stimulation', 'drg-stimulation', 'intrathecal-drug-delivery', 'device-implantation', 'esi', 'neuraxial-procedure', 'intradiscal-procedure', 'discography', 'vertebral-augmentation', 'epiduroscopy', 'facet-injection', 'sacroiliac-joint-injection'),
        # (a baclofen pump's fever and confusion with no wound sign is its withdrawal's picture, read by that pathway)
        # (only with a withdrawal sign told, and no wound, back, neck or meningeal sign nor an inflammatory marker)
        exclude={"en": r"^(?![\s\S]*(?:wound|pocket|incision|\bpus\b|purulen|discharg|ooz|drain|\bred(?:ness|dened|dening|dish)?\b|erythema|swell|"
                       r"tender|back pain|neck|headache|meningi|photophob|\bCRP\b|\bESR\b|\bWCC\b|white (?:cell|count)|abscess|bacter))"
                       r"(?=[\s\S]*(?:itch|prurit|spastic|spasm|rigid|\btone\b|alarm|withdraw|ran out|runs? (?:out|dry)|overdue|empty|was due))"
                       r"[\s\S]*(?:baclofen|baclophen|lioresal|\bITB\b)",
                 "zh": r"^(?![\s\S]*(?:切口|囊袋|伤口|流脓|化脓|脓性|渗液|渗出|红肿|发红|肿胀|压痛|背痛|腰痛|腰背痛|颈|头痛|脑膜|CRP|血沉|白细胞|脓肿|菌血))"
                       r"(?=[\s\S]*(?:痒|痉挛|强直|僵硬|肌张力|报警|撤药|戒断|用完|没药|逾期|排空))[\s\S]*巴氯[芬分酚氛]"},
    ),
    RedFlag(
        "airway-haematoma",
        # a hoarse voice, a lump in the throat and difficulty swallowing are expected effects of a stellate ganglion block
        # (recurrent laryngeal nerve block): only with a swelling neck, stridor or a tight throat are they an airway emergency
        {"en": (r"neck swell|swelling (?:of|in) the neck|swollen neck|stridor|"
                r"(?:expanding|growing|enlarging) (?:swelling|lump|mass)|swelling (?:at|around|over) the (?:injection|puncture|needle) site|"
                r"neck (?:is )?(?:swollen|getting bigger)|throat (?:feels )?tight|tight throat|noisy breathing|(?:neck|throat) (?:is )?swelling|"
                r"neck (?:is )?(?:\w+ ){0,2}(?:swelling|swollen)|swelling (?:and )?getting bigger|"
                # (the neck itself growing, told with its side: "her neck on the right is getting bigger")
                r"\bneck\b(?: on the (?:left|right)| on (?:that|one) side)? (?:is )?(?:getting|growing|becoming) (?:bigger|larger|tighter|puffier|fuller)",),
         "zh": (r"颈.{0,6}肿|脖子.{0,6}肿|进行性肿胀|注射部位.{0,4}肿|喘鸣|喉咙.{0,2}紧|喉部.{0,2}紧|"
                # (the neck itself growing: "脖子右边越来越胀", 脖子越来越大, 颈部迅速鼓起; not a node, lump or disc growing)
                r"(?:脖子|颈部|颈前|颈侧)(?![^，。？?]{0,8}(?:淋巴结|包块|肿块|肿瘤|结节|间盘|突出|富贵包))[^，。？?]{0,6}"
                r"(?:越来越|逐渐|进行性|迅速|慢慢|一点点)(?:变)?(?:胀|粗|肿|大|鼓)|(?:脖子|颈部)[^，。？?]{0,4}(?:(?:迅速|慢慢)(?:鼓起|肿起|肿胀)|(?:鼓|肿)起来了)",)},
        {"en": r"stellate|\bSGB\b|cervical|neck|sympathetic|thyroid", "zh": r"星状|颈|交感|甲状"},
        {"en": "URGENT: rapid neck swelling, voice change or stridor after a stellate ganglion or cervical procedure can be an expanding (retropharyngeal) "
               "haematoma threatening the airway. " + _STOP["en"] + ": secure the airway early and get anaesthetic and surgical help.",
         "zh": "紧急：星状神经节或颈部操作后颈部迅速肿胀、声音改变或喘鸣，可能是进行性增大的（咽后）血肿，危及气道。" + _STOP["zh"] + "：尽早控制气道并请麻醉科和外科支援。"},
        {"en": "stellate ganglion block retropharyngeal haematoma airway neck swelling hoarseness stridor dysphagia",
         "zh": "星状神经节阻滞 咽后血肿 气道 颈部肿胀 声音嘶哑 喘鸣 吞咽困难"},
        procedures=('stellate-ganglion-block', 'cervical-esi'),
        # (a neck growing for months, or a block still to come: "甲状腺肿大半年了 脖子逐渐变粗 下周能做星状神经节阻滞吗")
        exclude={"en": r"\b(?:for|over) (?:the (?:last|past) )?(?:\d+|a few|several|two|three|six) (?:months|years)\b|\bnext (?:week|month)\b",
                 "zh": r"(?:半年|[一二两三四五六七八九十几\d]+\s*个?(?:月|年))(?:了|来|以来|多)|下周|下个月|甲状腺肿"},
    ),
    RedFlag(
        "epiduroscopy-pressure",
        {"en": (r"neck (?:ache|pain)|sore neck|neck (?:hurts|is (?:sore|hurting|painful|killing))|headache|head (?:feels )?(?:tight|full|bursting|pressure)|"
                r"blurred vision|blurr(?:y|ed|ing)\b|visual|vision|can(?:no|'|’)?t see|"
                r"seiz|hypertens|arrhythm",),
         "zh": (r"颈.{0,3}[痛疼]|脖子.{0,3}[痛疼]|头.{0,2}[痛疼]|头胀|视物模糊|看不清|眼前发黑|视力|抽搐|血压|心律失常|剧烈疼痛|"
                r"看东西.{0,2}(?:模糊|重影|不清)|眼睛.{0,3}(?:模糊|看不清|发花)|眼花|视觉",)},
        {"en": r"epiduroscop|irrigat|saline|neuroplasty|adhesiolysis|Racz", "zh": r"硬膜外腔镜|椎管内镜|硬膜外镜|冲洗|盐水|神经成形|粘连松解|Racz"},
        {"en": "URGENT: neck pain, headache, visual symptoms or haemodynamic change during epiduroscopy or neuroplasty can mean raised epidural and CSF pressure "
               "from fluid. " + _STOP["en"] + ": stop irrigation or injection, assess vision and neurology.",
         "zh": "紧急：硬膜外腔镜或神经成形术中出现颈痛、头痛、视觉症状或血流动力学变化，可能是液体导致硬膜外及脑脊液压力升高。" + _STOP["zh"] + "：停止冲洗或注药，评估视力和神经功能。"},
        {"en": "epiduroscopy saline irrigation pressure retinal haemorrhage visual loss", "zh": "硬膜外腔镜 生理盐水 冲洗 压力 视网膜出血 视力"},
        # a headache that eases lying down, with no eye or neck sign, is a dural-puncture headache, not raised pressure
        {"en": r"^(?![\s\S]*(?:visual|vision|blurr|can(?:no|'|’)?t see|neck|seiz|hypertens|arrhythm|\bs?bp\b|blood pressure))[\s\S]*(?:better (?:when )?lying|"
               r"eases? (?:when )?lying|relieved (?:by )?lying|worse (?:when )?(?:sitting|standing|upright|she sits|he sits)|"
               r"(?:on|when) (?:sitting|standing) up|positional|postural)",
         "zh": r"^(?![\s\S]*(?:视|看东西|看不清|眼|颈|脖子|抽搐|血压|心律))[\s\S]*(?:(?:躺下|平卧|躺着)[^，。]{0,3}(?:好|缓解|减轻|消失)|"
               r"(?:起床|站起|坐起|起来)[^，。]{0,4}(?:头痛|头疼)|体位性)"},
        procedures=('epiduroscopy', 'epidural-adhesiolysis', 'racz-neuroplasty'),
    ),
    RedFlag(
        "cement-embolism",
        {"en": (r"chest (?:feels? )?(?:tight|pain|discomfort)|breathless|short(?:ness)? of breath|dyspn|desaturat|" + _LOW_SATS["en"] + r"|hypox|hypotens|cough|"
                r"\b(?:bp|blood pressure)\b\D{0,6}(?<!\d)[3-8]\d\s*/|"
                r"tachycard|collapse|blood pressure (?:drop|fall)|pressure dropp|\bSOB\b|\bdesat|\btachy|difficulty breathing|"
                r"can(?:no|'|’)?t (?:breathe|catch (?:her|his|their) breath)|breathing (?:is )?(?:hard|difficult|laboured|labored)",),
         "zh": (r"胸闷|胸痛|气短|气促|呼吸困难|" + _LOW_SATS["zh"] + r"|低氧|血压下降|低血压|咳嗽|心动过速|憋气|喘不上气|喘不过气|上不来气|"
                r"血压\D{0,4}(?<!\d)[3-8]\d\s*/|"
                r"胸口.{0,2}(?:闷|痛|疼|紧)",)},
        {"en": r"(?<![a-z])cement|vertebroplast|kyphoplast|\bPMMA\b|vertebral augmentation|\bPVP\b|\bPKP\b",  # (not "placement")
         "zh": r"骨水泥|椎体成形|后凸成形|椎体强化|\bPVP\b|\bPKP\b|\bPMMA\b"},
        {"en": "URGENT: chest tightness, breathlessness, desaturation or hypotension during or after cement injection can be a pulmonary cement "
               "embolism. " + _STOP["en"] + ": stop injecting cement, give oxygen, support the circulation and arrange chest imaging.",
         "zh": "紧急：注入骨水泥时或之后出现胸闷、呼吸困难、血氧下降或低血压，可能是肺骨水泥栓塞。" + _STOP["zh"] + "：停止注入骨水泥，给氧、循环支持并安排胸部影像检查。"},
        {"en": "pulmonary cement embolism vertebroplasty kyphoplasty management oxygen anticoagulation", "zh": "肺骨水泥栓塞 椎体成形 后凸成形 处理 吸氧 抗凝"},
        procedures=('vertebral-augmentation',),
        # (a desaturating patient hard to rouse after midazolam and fentanyl "during kypho", with no chest pain, cough or
        # fall in pressure and no word of the cement, is the sedation's respiratory depression)
        exclude={"en": r"^(?=[\s\S]*(?:\bsedat\w*|midaz\w*|\bversed\b|propofol|fent(?:anyl)?\b|remifent\w*|morphine|opioid))"
                       r"(?=[\s\S]*(?:pinpoint|\brr (?:of |is )?[2-7]\b|(?:resp(?:iratory)?|breathing) rate (?:of |is )?[2-7]\b|naloxone|narcan))|"
                       r"^(?=[\s\S]*(?:\bsedat\w*|midaz\w*|\bversed\b|propofol|fent(?:anyl)?\b|remifent\w*))"
                       r"(?=[\s\S]*(?:unrous|not rousable|barely rousable|won'?t wake|hard to (?:rouse|wake)|pinpoint|\brr (?:of |is )?[2-9]\b))"
                       r"(?![\s\S]*(?:chest (?:tight|pain|discomfort)|cough|hypotens|\bbp\b[^.;]{0,10}\b[4-8]\d\s*/|(?:while|during|as) (?:\w+ )?(?:inject|fill)\w*|"
                       r"(?<![a-z])cement\w*|\bPMMA\b))",  # (any word of the cement itself: "during cementation", "cement in")
                 "zh": r"^(?=[\s\S]*(?:镇静|咪达唑仑|咪唑安定|丙泊酚|芬太尼|瑞芬太尼|吗啡|阿片))(?=[\s\S]*(?:针尖样瞳孔|纳洛酮|呼吸[^，。？?\d]{0,4}[2-7]\s*次))|"
                       r"^(?=[\s\S]*(?:镇静|咪达唑仑|咪唑安定|丙泊酚|芬太尼|瑞芬太尼))(?=[\s\S]*(?:叫不.{0,2}醒|唤不醒|呼之不应|针尖样瞳孔))"
                       r"(?![\s\S]*(?:胸闷|胸痛|咳嗽|低血压|血压(?:下降|掉)|骨水泥|PMMA))"},
    ),
    RedFlag(
        "pneumothorax",
        {"en": (r"breathless|short(?:ness)? of breath|\bSOB\b|dyspn|chest pain|difficulty breathing|can(?:no|'|’)?t (?:breathe|catch (?:her|his|their) breath)|"
                r"desaturat|" + _LOW_SATS["en"] + r"|hypox|pleuritic|breathing (?:is )?(?:hard|difficult|laboured|labored)|"
                r"\bpain (?:on|when|with) (?:breathing|taking a (?:deep )?breath|a deep breath|deep breaths?|inspiration)|"
                r"\bhurts? (?:to|when (?:she|he|they) ) ?breathe|"
                r"\bptx\b[^.;?]{0,40}\bcough\w*|\bcough\w*[^.;?]{0,80}\bptx\b|"
                # (a pneumothorax shown large, tension, both sides or growing; or with a sign of its own)
                r"\b(?:large|big|tension|massive|bilateral)\b[^.;?]{0,25}pneumothora|pneumothora\w*[^.;?]{0,30}\b(?:on both sides|bilateral)\b|"
                r"pneumothora\w*[^.;?]{0,40}\b(?:bigger|larger|increas\w*|enlarg\w*|grow\w*|expand\w*)|"
                r"\b(?:increas\w*|enlarg\w*|grow\w*|expand\w*)\b[^.;?]{0,15}pneumothora|pneumothora\w*[^.;?]{0,40}\bcough\w*|"
                r"\brr\s*(?:of\s*|is\s*)?(?:2[5-9]|[3-6]\d)\b|\bbreathing fast\b|tachypn",),
         "zh": (r"呼吸困难|气短|气促|胸痛|胸闷|憋气|" + _LOW_SATS["zh"] + r"|低氧|喘不过气|喘不上气|上不来气|胸口.{0,2}(?:闷|痛|疼)|"
                r"吸气时.{0,4}(?:痛|疼)|胸.{0,3}刺痛|有点憋|憋得慌|憋闷|越来越喘|喘得(?:厉害|很)|"
                r"(?:大量|张力性|双侧)气胸|气胸[^，。；？?]{0,10}(?:扩大|增多|增大|变大|加重)|(?:扩大|增多|增大)[^，。；？?]{0,6}气胸",)},
        {"en": r"thorac|stellate|intercostal|paravertebral|supraclavicular|brachial|sympathetic|cervical|T\d|rib|lung|pleura|block|inject|"
               r"pneumothora|\bptx\b",
         "zh": r"胸|星状|肋间|椎旁|锁骨上|臂丛|交感|颈|肋|肺|胸膜|阻滞|注射|气胸"},
        {"en": "URGENT: breathlessness or chest pain after a thoracic, cervical or stellate procedure can be a pneumothorax "
               "(after vertebral augmentation, also a pulmonary cement embolism; after a neck block, also an airway-obstructing "
               "retropharyngeal haematoma). " + _STOP["en"] + ": check the airway, oxygen, monitoring and an urgent chest X-ray or ultrasound.",
         "zh": "紧急：胸段、颈段或星状神经节操作后出现呼吸困难或胸痛，可能是气胸（椎体强化术后还需考虑肺骨水泥栓塞；颈部阻滞后还需考虑压迫气道的咽后血肿）。"
               + _STOP["zh"] + "：评估气道、吸氧、监护，并紧急行胸部X线或超声检查。"},
        {"en": "pneumothorax cement embolism thoracic procedure chest pain dyspnoea management", "zh": "气胸 骨水泥栓塞 胸段 操作 胸痛 呼吸困难 处理"},
        # (a sedated patient snoring or unrousable with low sats, no chest sign told: the sedation's respiratory depression)
        exclude={"en": rf"^(?![\s\S]*(?:chest|pleuritic|breathless|short(?:ness)? of breath|\bSOB\b|dyspn|cough|pneumothora|\bptx\b|"
                       r"breath sounds|air entry|trachea|\bBP\b|blood pressure|hypotens|tachycard|\bHR\s*1\d\d))"
                       rf"(?=[\s\S]*(?:{_SEDATIVES['en']}))[\s\S]*(?:{_TOO_DEEP['en']})",
                 "zh": rf"^(?![\s\S]*(?:胸痛|胸闷|胸口|呼吸困难|气短|气促|喘|咳|气胸|呼吸音|气管|血压|心率))(?=[\s\S]*(?:{_SEDATIVES['zh']}))[\s\S]*(?:{_TOO_DEEP['zh']})"},
        procedures=('paravertebral-block', 'intercostal-nerve-block', 'stellate-ganglion-block', 'thoracic-sympathetic-block', 'celiac-plexus-block'),
    ),
    RedFlag(
        "esi-stroke",
        {"en": (r"vision|visual|blind|blurr(?:y|ed)\b|can(?:no|'|’)?t see|stroke|facial droop|slurred|hemipar|aphasi|word[- ]finding|one side|cortical|"
                r"(?:right|left)[- ](?:sided )?(?:arm|leg|face|hand)?\s?(?:weak|numb|droop)|(?:right|left) (?:arm|leg|hand) weakness|"
                r"can(?:no|'|’)?t (?:speak|talk|find (?:her|his) words)|garbled|double vision|diplopi|"
                # ("pt now cant get words out and R arm weak": the words and the side as typed)
                # (not an anxious patient's: "she's so anxious before the stellate block she can't get her words out")
                r"^(?![\s\S]*\b(?:anxious|nervous|scared|terrified|frightened|panick\w*)\b)[\s\S]*?(?:can(?:no|'|’)?t get (?:(?:her|his|the|any) )?words out|"
                r"words (?:won'?t|aren'?t|not) coming out|(?:lost|losing) (?:her|his) speech)|"
                r"\b[RL] (?:arm|hand|face)\s?(?:is |went |gone |feels )?(?:weak|numb|droop|heavy|dead)|"
                # ("her right arm feels heavy and her speech is a bit off")
                r"\bspeech (?:is |has gone |seems |sounds )?(?:a bit |slightly |very |all )?(?:off|strange|odd|funny|weird)\b|"
                r"\b(?:right|left) (?:arm|leg|hand) (?:feels |is |has gone |went )?(?:heavy|dead|clumsy)\b|" + _PARTICULATE_STROKE["en"],),
         "zh": (r"视力|视物|失明|看不见|看不清|卒中|中风(?!险(?:操作|管理|类别|级别|分级|等级|的|还是|吗|呢|[，,。？?、；]|$))|口角歪斜|言语不清|偏瘫|失语|一侧肢体|[左右]侧.{0,4}(?:无力|麻木|瘫|不能动)|半身|"
                r"说不出话|口齿不清|嘴歪|面瘫|复视|看东西.{0,2}(?:模糊|重影)|(?:说话|讲话).{0,3}(?:含糊|不清|不利索)|口齿含糊|言语含糊|吐字不清|"
                r"[左右](?:边|侧)?(?:手脚|手|臂|上肢|半边|半身|肢体).{0,2}[左右]?(?:腿|下肢)?.{0,4}(?:没劲|没力|无力|麻木|不能动|抬不起)|" + _PARTICULATE_STROKE["zh"],)},
        {"en": r"epidural|\bESI\b|\bTFESI\b|transforaminal|steroid|inject|cervical|vertebral artery|block|\bSGB\b|stellate",
         "zh": r"硬膜外|类固醇|激素|注射|经椎间孔|颈|椎动脉|阻滞|\bSGB\b|星状"},
        {"en": "URGENT: visual loss or stroke signs after an epidural steroid injection or a neck block (stellate ganglion) suggest embolic or vascular injury to the brain, brainstem, cord or retina. "
               + _STOP["en"] + ": activate the stroke pathway and get urgent neurological review.",
         "zh": "紧急：硬膜外类固醇注射或颈部阻滞（星状神经节）后出现视力丧失或卒中征象，提示脑、脑干、脊髓或视网膜的栓塞或血管损伤。" + _STOP["zh"] + "：启动卒中急救流程并紧急请神经科会诊。"},
        {"en": "epidural steroid injection stroke infarction particulate steroid embolism catastrophic neurologic", "zh": "硬膜外类固醇注射 卒中 梗死 颗粒型类固醇 栓塞 神经系统"},
        # (double vision with a postural headache the day after, or with a headache days after a wet tap: the low-pressure
        # headache's red flag, not an embolus)
        # (nor one limb's weakness with a fever and no face, speech or vision sign: "36 h after a cervical ILESI, fever 38.6,
        # neck pain and progressive left arm weakness" is the cord's abscess or haematoma, not a stroke)
        exclude={lang: rf"^(?![\s\S]*(?:{_STROKE_NOT_POSTURAL[lang]}))(?:[\s\S]*(?:{_POSTURAL[lang]})|"
                       rf"(?=[\s\S]*(?:{_DURAL[lang]}))(?=[\s\S]*(?:{_DAYS_LATER[lang]}))[\s\S]*(?:headache|头[痛疼]))|"
                       rf"^(?![\s\S]*(?:{_CORTICAL[lang]}))(?=[\s\S]*(?:{_FEVER_TOLD[lang]}))|"
                       # (fever with a stiff neck is meningitis or an abscess, whatever the eyes do: "headache after epidural now
                       # with diplopia and neck stiffness, fever 38.9")
                       rf"^(?=[\s\S]*(?:{_FEVER_TOLD[lang]}))(?=[\s\S]*(?:{_MENINGISM[lang]}))"
                 for lang in ("en", "zh")},
    ),
    RedFlag(  # the same picture with baclofen in the pump: the opioid banner's naloxone is not its answer
        "idd-overdose",
        _OVERSEDATED,
        _BACLOFEN,
        {"en": "URGENT: drowsiness, slow breathing or floppiness after an intrathecal baclofen refill can be a baclofen overdose. "
               + _STOP["en"] + ": support breathing and circulation, stop the pump or empty its reservoir per your pump protocol and "
               "monitor closely (the sources' naloxone step is for opioid toxicity).",
         "zh": "紧急：鞘内巴氯芬泵补充后出现嗜睡、呼吸变慢或肌张力低下，可能是巴氯芬过量。" + _STOP["zh"]
               + "：支持通气和循环，按本单位泵急救规范停泵或排空储药囊，并严密监护（资料中的纳洛酮一步针对的是阿片类药物毒性）。"},
        {"en": "intrathecal pump refill overdose respiratory depression airway breathing reservoir emptied",
         "zh": "鞘内泵 补充 过量 呼吸抑制 气道 呼吸 回抽 排空 储药囊"},
        procedures=('baclofen',),
        # (an opioid pump told last, baclofen only the turn before: "那如果是吗啡泵呢 …叫不醒 呼吸很慢" is the opioid's)
        exclude={lang: rf"(?:{_OPIOID_PUMP[lang]})(?![\s\S]*(?:{_BACLOFEN[lang]}))" for lang in ("en", "zh")},
    ),
    RedFlag(
        "idd-overdose",
        _OVERSEDATED,
        {"en": r"pump|refill|intrathecal|morphine|hydromorphone|opioid|ziconotide|\bIDD\b|pocket",
         "zh": r"泵|补充|加药|鞘内|吗啡|氢吗啡酮|阿片|齐考诺肽|囊袋"},
        {"en": "URGENT: drowsiness or slow breathing in a patient with an intrathecal opioid pump can be an opioid overdose (after a refill, "
               "for example a pocket fill). "
               + _STOP["en"] + ": support breathing, give naloxone per local protocol and monitor closely.",
         "zh": "紧急：鞘内阿片泵患者嗜睡或呼吸变慢，可能是阿片类药物过量（补充后，如误注入囊袋）。" + _STOP["zh"] + "：支持通气、按本单位规范给予纳洛酮并严密监护。"},
        {"en": "intrathecal pump refill pocket fill overdose respiratory depression naloxone", "zh": "鞘内泵 补充 误注入囊袋 过量 呼吸抑制 纳洛酮"},
        procedures=('intrathecal-drug-delivery', 'pump-refill', 'opioid', 'ziconotide'),
    ),
    RedFlag(
        # a pocket fill suspected before any sign ("加药时 怀疑打进囊袋了 怎么办"): the overdose is on its way
        "idd-overdose",
        {"en": (r"pocket fill|into the (?:subcutaneous |pump |sub-?q |subcut )?pocket|"
                r"(?<!swelling )(?<!seroma )(?<!redness )(?<!collection )(?<!fluid )(?<!pain )(?<!infection )"
                r"(?:refill\w*|inject\w*|\bput\b|needle|drug|dose|hydromorphone|morphine|baclofen|ziconotide|bupivacaine|went|gone|given|ended up)"
                r"[^.?!]{0,40}?\bin the (?:subcutaneous |pump |sub-?q |subcut )?pocket|(?:missed|outside) the (?:reservoir|port)|subcutaneous (?:injection|fill) of the (?:refill|drug)",),
         "zh": (r"(?:打|注|推|加)(?:进|入|到)(?:了)?(?:皮下)?(?:的)?(?:泵)?囊袋|误注(?:入)?(?:皮下)?囊袋|囊袋(?:内|里)?误注|没(?:有)?打进(?:储药囊|药囊|泵)",)},
        {"en": r"pump|refill|intrathecal|morphine|hydromorphone|opioid|\bIDD\b",
         "zh": r"泵|补充|加药|鞘内|吗啡|氢吗啡酮|阿片"},
        {"en": "URGENT: a suspected pocket fill (the refill injected into the pump pocket) can cause an opioid overdose within minutes. "
               + _STOP["en"] + ": monitor breathing and sedation closely, have naloxone ready per local protocol and aspirate or empty "
               "the reservoir as your pump protocol says.",
         "zh": "紧急：怀疑药物误注入泵囊袋时，可在数分钟内出现阿片类药物过量。" + _STOP["zh"] + "：严密监测呼吸和镇静程度，按本单位规范备好纳洛酮，"
               "并按泵操作规范回抽或排空储药囊。"},
        {"en": "intrathecal pump refill pocket fill overdose respiratory depression naloxone monitor",
         "zh": "鞘内泵 补充 误注入囊袋 过量 呼吸抑制 纳洛酮 监测"},
        procedures=('intrathecal-drug-delivery', 'pump-refill', 'opioid'),
    ),
    RedFlag(
        "vasovagal",
        {"en": (r"faint|syncop|pale|pallor|sweat|diaphore|bradycard|vasovagal|light-?headed|heart rate (?:of )?[1-4]\d\b|collapse|clammy|"
                r"passed out|passing out|went (?:white|grey|gray)|dizz|nause|\bHR (?:of )?[1-4]\d\b",),
         "zh": (r"晕厥|晕倒|面色苍白|苍白|发白|大汗|出汗|冷汗|心率慢|心动过缓|血管迷走|头晕|心率\s*[1-4]\d\s*次|眼前发黑|恶心|晕过去|心率.{0,4}[1-4]\d",)},
        {"en": r"inject|block|epidural|\b(?:TF|IL)?ESI\b|procedure|needle|\bRF\b|radiofrequency|prep|\bTF\b|transforaminal|caudal|contrast|lido\w*|bupi\w*|ropi\w*",
         "zh": r"注射|阻滞|穿刺|操作|硬膜外|射频|打针|针|术前|准备|推完|推药|造影剂|利多卡因|布比卡因|罗哌卡因|经椎间孔|局麻|打完"},
        {"en": "URGENT: pallor, sweating, bradycardia or fainting during or after an injection is most often a vasovagal reaction, but local anaesthetic "
               "toxicity, high block or anaphylaxis must be excluded. " + _STOP["en"] + ": lie the patient flat, check airway and breathing, monitor, "
               "and secure IV access.",
         "zh": "紧急：注射中或注射后出现面色苍白、大汗、心动过缓或晕厥，多为血管迷走反应，但须排除局麻药全身毒性、高位阻滞或过敏反应。"
               + _STOP["zh"] + "：让患者平卧、评估气道和呼吸、监护并建立静脉通路。"},
        {"en": "vasovagal reaction management supine intravenous access monitoring", "zh": "血管迷走反应 处理 平卧 静脉通路 监护"},
        # nausea with a (postural) headache is a PDPH picture, not a faint; a fast heart is no faint
        # (nor is a low pressure after a coeliac or sympathetic neurolysis, with no slow heart told: the sympathectomy or
        # a bleed)
        # (nor is dizziness, nausea or light-headedness with no sign to see: "dizzy and unsteady walking - safe to discharge?")
        # (nor the reaction named with its rate asked: "硬脊膜穿破和血管迷走各多少", "which more vasovagals?")
        exclude={"en": r"headache|tachycard|\b(?:hr|heart rate|pulse)\b\D{0,6}1\d\d\b|"
                       rf"^(?![\s\S]*(?:{_FAINT_SEEN['en']}))(?=[\s\S]*(?:vasovagal\w*[^.?]{{0,30}}\b(?:rates?|how (?:common|often)|percent|incidence)\b|"
                       r"\b(?:which|who) (?:has |gets |causes )?more vasovagal|\b(?:rates?|incidence|how (?:common|often)|more|fewer) (?:of |are |is )?(?:\w+ ){0,3}vasovagal))|"
                       rf"^(?![\s\S]*(?:{_SLOW_HR['en']}))(?=[\s\S]*(?:co?eliac|splanchnic|sympathetic|neurolys))[\s\S]*(?:{_LOW_BP['en']})|"
                       rf"^(?![\s\S]*(?:{_FAINT_SIGNS['en']}|{_LOW_BP['en']}))",
                 "zh": r"头痛|头疼|心动过速|心率.{0,3}快|(?:心率|HR|hr|脉搏)\D{0,4}1\d\d(?!\d)|"
                       rf"^(?![\s\S]*(?:{_FAINT_SEEN['zh']}))(?=[\s\S]*(?:血管迷走[^，。？?]{{0,12}}(?:各|发生率|多少|几率|概率|比例|百分之|多见|常见)|"
                       r"(?:发生率|几率|概率|比例)[^，。？?]{0,12}血管迷走))|"
                       rf"^(?![\s\S]*(?:{_SLOW_HR['zh']}|{_SLOW_HR['en']}))(?=[\s\S]*(?:腹腔神经丛|内脏神经|交感|毁损|coeliac|celiac))[\s\S]*(?:{_LOW_BP['zh']}|{_LOW_BP['en']})|"
                       rf"^(?![\s\S]*(?:{_FAINT_SIGNS['zh']}|{_FAINT_SIGNS['en']}|{_LOW_BP['zh']}|{_LOW_BP['en']}))"},
        procedures=('interventional-pain-procedure', 'esi', 'facet-injection', 'medial-branch-block', 'radiofrequency-ablation', 'sacroiliac-joint-injection', 'peripheral-nerve-block', 'sympathetic-block', 'epidural-blood-patch'),
    ),
    RedFlag(
        "baclofen-withdrawal",
        {"en": (r"fever|rigid|spastic|spasm|(?<![a-z])itch|pruritus|withdrawal|alarm|battery|agitat|confus|rhabdo|creatine kinase|stiff|hypertherm|"
                r"high temperature|tachycard|seiz|hypertoni|"
                # (rebound tone, its earliest sign: "a sudden rise in tone")
                r"\b(?:increased|increasing|rising|rise in|higher|worse|worsening|return of) (?:muscle )?tone\b|\btone (?:is )?(?:up|increased|rising|worse)\b",),
         "zh": (r"高热|发热|发烧|高烧|僵硬|强直|痉挛|痒|撤药|戒断|报警|电量|躁动|烦躁|意识模糊|横纹肌溶解|肌酸激酶|发硬|心率快|心动过速|抽搐|抽筋|"
                r"肌张力[^，。？]{0,3}(?:增高|升高|增加|变高|高了|加重)",)},
        _BACLOFEN,
        {"en": "URGENT: fever, rigidity or rebound spasticity in a patient with an intrathecal baclofen pump can be baclofen withdrawal, which can be fatal. "
               + _STOP["en"] + ": check the pump and catheter urgently and restore baclofen delivery per local protocol.",
         "zh": "紧急：鞘内巴氯芬泵患者出现高热、肌肉僵硬或痉挛反跳，可能为巴氯芬撤药综合征，可危及生命。" + _STOP["zh"] + "：紧急检查泵和导管，并按本单位规范尽快恢复巴氯芬给药。"},
        {"en": "intrathecal baclofen withdrawal pump catheter malfunction fever rigidity spasticity itching confusion rhabdomyolysis",
         "zh": "鞘内 巴氯芬 撤药 泵 导管 故障 发热 高热 肌强直 痉挛 瘙痒 意识模糊 横纹肌溶解"},
        # (a low-reservoir or low-battery alarm in a patient with no sign of withdrawal: a refill to arrange, not the emergency)
        exclude={"en": r"^(?![\s\S]*(?:fever|febrile|pyrex|rigid|spastic|spasm|(?<![a-z])itch|pruritus|withdrawal symptom|agitat|confus|rhabdo|stiff|"
                       r"hypertherm|high temperature|tachycard|seiz|hypertoni|\btone\b|sweat|diaphore|hallucinat|delir|psychos|drows|"
                       r"restless|tremor|twitch|jerk|unwell|\bhot\b|hypertens|\bbp\b|\bhr\b|heart rate))"
                       r"(?=[\s\S]*(?:" + RESERVOIR_LOW["en"] + r"|low battery|battery (?:is )?(?:low|running)|\bERI\b|elective replacement))",
                 "zh": r"^(?![\s\S]*(?:高热|发热|发烧|高烧|僵硬|强直|痉挛|痒|躁动|烦躁|意识模糊|横纹肌溶解|发硬|心率快|心动过速|抽搐|抽筋|肌张力|"
                       r"出汗|大汗|幻觉|谵妄|胡言乱语|糊涂|迷糊|嗜睡|不舒服|难受|发抖|心慌|血压|心率))"
                       r"(?=[\s\S]*(?:" + RESERVOIR_LOW["zh"] + r"|药(?:快)?(?:用完|打完)了?|电量(?:低|不足)|电池快没电))"},
        procedures=('baclofen',),
    ),
    RedFlag(
        "contrast-anaphylaxis",
        {"en": (r"anaphyla|hives|urticari|wheez|throat (?:swell|tight)|throat\b.{0,12}tight|fac(?:e|ial)\b.{0,10}swell|lips?\b.{0,10}swell|"
                r"angio-?oedema|angioedema|stridor|hypotens|(?<![a-z])rash|bronchospasm|\bbp (?:of )?[4-8]\d/|(?<![a-z])itch|(?<![a-z])flush|welts|swollen (?:lips|face|tongue|eyes)",),
         "zh": (r"过敏性休克|过敏反应|荨麻疹|喘鸣|哮鸣|喘憋|喘不上气|喉头.{0,2}紧|喉头水肿|血管性水肿|低血压|皮疹|支气管痉挛|瘙痒|潮红|风团|起疹|嘴唇肿|眼睑肿|喉咙.{0,2}紧|血压.{0,3}(?:掉|降|低)|" + _BP_LOST,)},
        # (or any injection, its skin and its airway or circulation told together: "caudal epi done 20 min ago, pt now itchy
        # all over with hives, wheezy, BP 78/40"; a flush alone after a steroid is its common reaction)
        {"en": r"contrast|dye|gadolinium|iodinated|iodine|omnipaque|iohexol|"
               r"^(?![\s\S]*\b(?:day [2-9]|POD ?[2-9]|\d+ days? (?:ago|after|later|post)|yesterday|last week)\b)"
               r"(?=[\s\S]*(?:epidural|caudal|\bepi\b|\bESI\b|TFESI|ILESI|block|injection|\binj\b|procedure|\bRFA\b|facet|\bSIJ\b|\bMBB\b|\bSGB\b|stellate))"
               r"(?=[\s\S]*(?:hives|urticari|welts|(?<![a-z])rash|(?<![a-z])itch|(?:lips?|face|facial|tongue)\b.{0,10}swell|swollen (?:lips|face|tongue)))"
               r"(?=[\s\S]*(?:wheez|stridor|hypotens|\bbp (?:of )?[4-8]\d/|throat\b.{0,12}tight|angio-?oedema|angioedema|bronchospasm|swollen (?:lips|face|tongue)))",
         "zh": r"造影剂|对比剂|钆|碘|欧乃派克|"
               r"^(?![\s\S]*(?:第[二三四五六七2-7]天|天后|昨天|前天|上周))"
               r"(?=[\s\S]*(?:硬膜外|骶管|注射|阻滞|打完|射频|封闭|推完))(?=[\s\S]*(?:荨麻疹|风团|皮疹|起疹|(?:全身|浑身)[^，。？?]{0,2}痒|发痒|瘙痒|嘴唇肿|眼睑肿))"
               r"(?=[\s\S]*(?:(?<![不没])喘|哮鸣|喉头|喉咙.{0,2}紧|声音变了|低血压|血压.{0,3}(?:掉|降|低)|血压\s*[4-8]\d\s*/|嘴唇肿|血管性水肿))"},
        {"en": "URGENT: possible anaphylaxis. " + _STOP["en"] + ": give intramuscular adrenaline per your anaphylaxis protocol, airway support and fluids.",
         "zh": "紧急：可能为过敏性休克。" + _STOP["zh"] + "：按过敏性休克规范肌注肾上腺素，并给予气道支持和补液。"},
        {"en": "contrast reaction anaphylaxis allergy management", "zh": "造影剂 过敏反应 过敏性休克 处理"},
        exclude=_FAINT_NOT_ALLERGIC,  # a slow heart, pale and sweaty, with no skin or airway sign, is a faint
        procedures=('contrast-medium', 'contrast-injection'),
    ),
    RedFlag(
        "total-spinal",
        {"en": (r"total spinal|high spinal|high block|apn(?:o)?ea|apn(?:o)?eic|stopped breathing|not breathing|respiratory arrest|fixed dilated|"
                r"breathing (?:has )?stopped|pupils? (?:are )?(?:fixed|dilated)",),
         "zh": (r"全脊麻|全脊髓麻醉|高位阻滞|呼吸停止|呼吸暂停|不呼吸|瞳孔散大|没有自主呼吸|呼吸(?:突然)?停了|呼吸没了|没(?:有)?(?:了)?呼吸(?!困难|急促|道|费力|不畅|异常|问题|抑制|的问题)",)},
        {"en": r"epidural|intrathecal|inject|block|stellate|cervical|neuraxial",
         "zh": r"硬膜外|鞘内|注射|阻滞|星状|颈|椎管"},
        {"en": "URGENT: sudden apnoea, unconsciousness or profound hypotension after a neuraxial or cervical injection can be a total spinal "
               "(local anaesthetic spreading intrathecally or subdurally) or an intravascular injection. "
               + _STOP["en"] + ": airway, ventilation and circulatory support.",
         "zh": "紧急：椎管内或颈部注射后突发呼吸暂停、意识丧失或严重低血压，可能是全脊麻（局麻药进入鞘内或硬膜下间隙）或血管内注射。"
               + _STOP["zh"] + "：立即进行气道管理、通气和循环支持。"},
        {"en": "total spinal high block after epidural interlaminar caudal injection intrathecal injection subdural injection intravascular injection "
               "apnoea hypotension bradycardia airway",
         "zh": "全脊麻 高位阻滞 硬膜外 椎板间 骶管注射 鞘内注射 硬膜下注射 血管内注射 呼吸暂停 低血压 心动过缓 气道"},
        _TOXIC,
        procedures=('neuraxial-procedure', 'esi', 'intrathecal-injection', 'stellate-ganglion-block', 'epidural-blood-patch'),
    ),
    RedFlag(
        "esi-stroke",  # cord infarction: sudden paraplegia right after a transforaminal (particulate) injection is vascular, not a haematoma
        {"en": (r"weak|paraly|paraplegi|quadripleg|tetrapleg|parapare|quadripare|tetrapare|can(?:no|'|’)?t (?:i |she |he )?(?:move|feel|lift)|"
                r"no (?:feeling|sensation)|numb(?!er)|flaccid|floppy|"
                r"(?:not|isn'?t|no longer|stopped) moving|won'?t move",),
         "zh": (r"瘫|无力|(?:腿|下肢|四肢|手|上肢|胳膊|肢体)[^，。；]{0,3}没(?:劲|力)|不能动|动不了|没有感觉|感觉消失|麻木|软|(?:手|腿|胳膊|肢体)(?:不动|动不了)|肌力\s*[0-3]",)},
        {"en": r"transforaminal|\bTFESI\b|particulate|triamcinolone|methylprednisolone|depo-?medrol|kenalog",
         "zh": r"经椎间孔|颗粒|曲安奈德|甲泼尼龙|得宝松|倍他米松"},
        {"en": "URGENT: sudden weakness or loss of sensation during or right after a transforaminal injection can be a spinal cord infarction from "
               "intra-arterial injection. " + _STOP["en"] + ": do not inject further, get emergency MRI and neurological / neurosurgical review.",
         "zh": "紧急：经椎间孔注射中或刚注射后突发无力或感觉丧失，可能是动脉内注射导致的脊髓梗死。" + _STOP["zh"] + "：不再继续注射，急诊 MRI 并请神经科/神经外科会诊。"},
        {"en": "spinal cord infarction transforaminal particulate steroid radicular artery Adamkiewicz MRI", "zh": "脊髓梗死 经椎间孔 颗粒型类固醇 根动脉 Adamkiewicz MRI"},
        # (nor a joint or nerve outside the canal: a leg giving way after an SIJ injection with Diprospan is the local
        # anaesthetic's spread to the sciatic nerve or S1 root, as the sacroiliac passage says)
        {"en": r"fever|^(?![\s\S]*(?:transforaminal|\bTF\b|\bTFESI\b|\bSNRB\b|foramin))[\s\S]*(?:interlaminar|\bIL\b|\bILESI\b|caudal)|"
               r"^(?![\s\S]*(?:transforaminal|\bTFESI\b|foramin|both legs|bilateral|paraly|parapleg|umbilic|either leg|legs))"
               r"[\s\S]*(?:sacroiliac|\bSIJ?\b|\bSI joint)",
         "zh": r"发热|发烧|高烧|3[89](?:\.\d)?\s*(?:度|℃)|^(?![\s\S]*(?:经椎间孔|TFESI|椎间孔))[\s\S]*(?:椎板间|ILESI|骶管)|"
               r"^(?![\s\S]*(?:经椎间孔|TFESI|椎间孔|双下肢|双腿|两腿|瘫|脐以下|大小便))[\s\S]*(?:骶髂|SIJ)"},
        procedures=('transforaminal-esi', 'particulate-steroid'),
        immediate=True,  # hours or days later, or after the anticoagulant was restarted, it is a haematoma (neuraxial-deficit)
    ),
)

# The signs of a block spreading high, each written once: weak or numb arms, laboured breathing, a falling pressure, a
# slowing heart.
_ARMS = {"en": r"(?:arms?|hands?|all (?:four )?limbs)\b.{0,20}(?:weak|numb|heavy|tingl)|can(?:no|'|’)?t (?:lift|move|raise) (?:her |his |their |the |both )?(?:arms|hands)",
         "zh": r"手.{0,4}抬不起|上肢.{0,3}(?:无力|麻|抬不起)|手.{0,3}(?:没劲|无力|麻|没力|没有力|使不上劲)|胳膊.{0,3}(?:没劲|无力|没力|抬不起|麻)|"
               r"四肢.{0,3}(?:没劲|无力|没力|麻)"}
_BREATHING = {"en": r"struggl\w* to breathe|difficulty breathing|(?:hard|trouble) (?:to )?breath\w*|can(?:no|'|’)?t (?:breathe|speak|talk)|"
                    r"short(?:ness)? of breath|breathless|breathing (?:is )?(?:hard|difficult|laboured|labored)|labou?red breathing|"
                    r"can(?:no|'|’)?t catch (?:her|his|their) breath|gasping|shallow breathing|breathing (?:is |has become |became )?shallow|"
                    r"resp(?:iration)?s? shallow|can(?:no|'|’)?t (?:take|get) a (?:deep|full|proper|big) breath|"
                    r"(?:feels? like|says?) (?:she|he|they) (?:can(?:no|'|’)?t|is unable to) (?:breathe|take a (?:deep )?breath)",
              "zh": r"喘不上气|吸不上气|吸不进气|深吸不了气|喘不过气|呼吸困难|憋气|说不出话|(?:喘气|呼吸|出气)(?:很|有点|越来越)?(?:费劲|费力|吃力|困难)|上不来气|气不够用|"
                    r"说话.{0,4}(?:声音)?越来越(?:小|弱)|呼吸(?:变)?浅|呼吸微弱|呼吸减弱"}

# numbness up to the chest (a sensory level at the nipples, T4): the block has spread high
_HIGH_LEVEL = {"en": r"numb\w* (?:up )?to (?:the |her |his )?(?:nipples?|chest|xiphoid|t[1-6]\b)|(?:sensory|block|dermatomal) level (?:at|to|of) (?:the )?(?:t[1-6]\b|nipples?)",
               "zh": r"麻(?:木)?(?:到|至)(?:了)?(?:乳头|胸口|胸部|胸前|剑突)|(?:感觉|阻滞|麻醉)平面(?:到|达|至)(?:了)?(?:T[1-6]|乳头|胸)"}

_HIGH_BLOCK = RedFlag(
    "total-spinal",
    # (or unconscious: "5 min after the epidural, unresponsive, BP 70/40, shallow breathing")
    {"en": (f"{_ARMS['en']}|{_BREATHING['en']}|\\bunresponsive\\b|\\bunconscious\\b|{_HIGH_LEVEL['en']}", f"{_LOW_BP['en']}|{_SLOW_HR['en']}"),
     "zh": (f"{_ARMS['zh']}|双手|{_BREATHING['zh']}|意识不清|意识丧失|昏迷|叫不醒|{_HIGH_LEVEL['zh']}", f"{_LOW_BP['zh']}|{_SLOW_HR['zh']}")},
    # (a cervical facet injection spreads to the epidural or intrathecal space too: "C5-6颈椎小关节注射刚做完…呼吸困难…血压80/40")
    {"en": r"epidural|intrathecal|spinal|neuraxial|interlaminar|caudal|\bIL\b|\b(?:IL|TF)?ESI\b|bupi|lidocaine|ropivacaine|\blido\b|tuohy|"
           r"^(?![\s\S]*(?:" + _OUT_COLD["en"] + r"))[\s\S]*(?:cervical (?:facet|medial branch|MBB)|\bC[1-8](?:-\d)? (?:facet|MBB|medial branch))",
     # (unconscious after one is LAST's cardiovascular form: review 28)
     "zh": r"硬膜外|鞘内|腰麻|椎管|骶管|布比卡因|利多卡因|罗哌卡因|经椎间孔|椎板间|(?:TF|IL)?ESI|"
           r"^(?![\s\S]*(?:" + _OUT_COLD["zh"] + r"))[\s\S]*颈椎?(?:小关节|关节突|脊神经后内侧支|内侧支)"},
    next(r for r in RED_FLAGS if r.id == "total-spinal").escalation,
    {"en": "total spinal high block after epidural interlaminar caudal injection intrathecal injection subdural injection hypotension bradycardia "
           "breathlessness airway",
     "zh": "全脊麻 高位阻滞 硬膜外 椎板间 骶管注射 鞘内注射 硬膜下注射 低血压 心动过缓 呼吸困难 气道"},
    # a toxicity picture is LAST; weakness of one side with slurred speech is a stroke picture, not a high block; weak arms
    # after a transforaminal injection of steroid with no local anaesthetic is a cord infarct
    # (slurred speech alone, beside a falling pressure and a slow heart, is the block reaching the brainstem, not a stroke:
    # "腰段硬膜外注射后5 min BP 80/40、HR 42、说话含糊、上肢麻")
    {"en": _TOXIC["en"] + r"|\b(?:left|right)[- ](?:sided )?(?:arm|hand|leg|side)|"
           rf"one side|hemipar|facial droop|^(?![\s\S]*(?:{_LOW_BP['en']})[\s\S]*)[\s\S]*(?:slurred|aphasi)|" + _TF_WITHOUT_LA["en"],
     "zh": _TOXIC["zh"] + r"|[左右](?:手|臂|上肢|侧肢体|半身|半边)|一侧|偏瘫|"
           rf"^(?![\s\S]*(?:{_LOW_BP['zh']}|{_LOW_BP['en']}))[\s\S]*(?:说话.{{0,3}}(?:含糊|不清)|口齿不清|言语不清)|"
           r"口角歪斜|" + _TF_WITHOUT_LA["zh"]},
    ("neuraxial-procedure", "esi", "intrathecal-injection", "epidural-blood-patch"),
)
# numb or heavy legs with a falling pressure right after local anaesthetic was injected into the epidural space is the block
# spreading (intrathecal or subdural), not a haematoma: that takes hours
_LEGS_BLOCKED = dataclasses.replace(_HIGH_BLOCK, symptoms={
    "en": (r"legs?\b.{0,20}(?:numb|heavy|weak|can(?:no|'|’)?t move)|"
           r"can(?:no|'|’)?t (?:move|lift|feel)(?: (?:or|and|nor) (?:move|lift|feel))? (?:her |his |their |the |both )?legs",
           _LOW_BP["en"]),
    "zh": (r"(?:双|两)?(?:腿|下肢).{0,4}(?:麻|无力|没劲|沉|动不了|不能动)", _LOW_BP["zh"])},
    # (the local anaesthetic told, however named, or the picture coming on during or minutes after the injection: "just did
    # L5/S1 ILESI, can't move legs, BP 85/50, on eliquis" names neither, and is a deficit)
    context={"en": _LA_DRUGS["en"] + r"|\bLA\b|\bunder local\b|\bwith local\b|\bbupi\b|\binjecting\b|\bduring\b|\bwhile\b|\bmid[- ]|"
                   r"\b\d+\s*(?:min|mins|minutes)\s+(?:after|post|ago|later|in)\b|\bminutes? (?:after|later)\b",
             "zh": _LA_DRUGS["zh"] + r"|局麻|麻药|推药时|注射时|术中|正在|推的时候|\d+\s*分钟"},
    procedures=(),
    immediate=True)

# Anaphylaxis to something other than contrast (the steroid, the local anaesthetic, chlorhexidine, latex, the antibiotic):
# a skin or mucosal sign with an airway, breathing or circulation sign during or after any procedure is the same pathway.
_CONTRAST = next(r for r in RED_FLAGS if r.id == "contrast-anaphylaxis")
_ANY_ANAPHYLAXIS = dataclasses.replace(_CONTRAST, symptoms={
    "en": (_ALLERGIC_SKIN["en"], rf"{_ALLERGIC_AIRWAY['en']}|desat|collaps|{_BREATHING['en']}|{_LOW_BP['en']}"),
    "zh": (_ALLERGIC_SKIN["zh"], rf"{_ALLERGIC_AIRWAY['zh']}|血氧.{{0,3}}(?:掉|降|低)|晕倒|{_BREATHING['zh']}|{_LOW_BP['zh']}")},
    context={"en": r"inject|block|epidural|\b(?:TF|IL)?ESI\b|procedure|needle|ablation|\bRFA?\b|stimulator|\bSCS\b|pump|facet|steroid|"
                   r"lido\w*|bupi\w*|ropi\w*|chlorhexidine|latex|antibiotic|cefazolin|kenalog|depo|dexamethasone|vertebroplasty|kyphoplasty",
             "zh": r"注射|阻滞|硬膜外|穿刺|操作|术中|术后|射频|刺激器|泵|激素|利多卡因|布比卡因|罗哌卡因|氯己定|洗必泰|乳胶|抗生素|头孢|"
                   r"椎体成形|后凸成形"},
    exclude={"en": r"baclofen|withdraw", "zh": r"巴氯芬|撤药"},  # an intrathecal baclofen pump's withdrawal picture is its own pathway
    procedures=("interventional-pain-procedure",))
# hives or a swollen face with the breathing and pressure signs is anaphylaxis, not a block spreading high; weak or numb
# arms with laboured breathing after a neuraxial injection is a high block even before the pressure falls
# (nor is it a high block when the pressure told is high: "can't move arms or legs, BP 160/90" after a cervical
# interlaminar injection is a cord injury until shown otherwise)
# (a high reading with no low one told: a baseline beside a falling pressure still allows a high block)
_HIGH_BP = {lang: rf"^(?![\s\S]*{_BP[lang]}[3-9]\d\s*/)[\s\S]*{_BP[lang]}(?:1[4-9]\d|2\d\d)\s*/" for lang in ("en", "zh")}
_HIGH_BLOCK = dataclasses.replace(_HIGH_BLOCK, exclude={lang: f"{_HIGH_BLOCK.exclude[lang]}|{_ALLERGIC_SKIN[lang]}|{_HIGH_BP[lang]}"
                                                        for lang in ("en", "zh")} if _HIGH_BLOCK.exclude else None)
_HIGH_BLOCK_BREATHING = dataclasses.replace(_HIGH_BLOCK, symptoms={lang: (_ARMS[lang], _BREATHING[lang]) for lang in ("en", "zh")})
# A headache after a dural puncture that is no longer postural, or comes with vomiting and confusion, fever, a seizure
# or a new deficit, is not PDPH until meningitis, a subdural haematoma and venous sinus thrombosis are ruled out.
_DURAL_RED_FLAGS = RedFlag(
    "dural-puncture-red-flags",
    # (a stiff neck stands for the headache: fever and a stiff neck days after a wet tap is meningitis until shown otherwise;
    # so does a subdural haematoma shown, with drowsiness or confusion)
    {"en": (r"headache|\bHA\b|\bPDPH\b|head (?:is )?(?:pounding|splitting)|" + _STIFF_NECK["en"] + r"|"
            r"subdural (?:ha?ematoma|bleed|collection)|\bSDH\b",
            r"no longer (?:postural|positional)|(?:not|isn'?t|is not|wasn'?t) (?:really )?(?:postural|positional)\b|"
            r"(?:not|isn'?t|no longer) (?:better|relieved|easing) (?:when |on |by )?lying|"
            r"\bspik\w*\s+(?:to\s+)?(?:a\s+)?(?:(?:temp\w*|fever)\s+(?:of\s+)?)?(?:3[89]|4[0-2])(?:\.\d)?\b|"
            r"(?:even|also|still) (?:when |while )?lying (?:down|flat)|(?:lying|flat) (?:down )?(?:doesn'?t|does not|no longer) help|"
            r"confus|drows|obtunded|disorient|not making sense|altered (?:mental|conscious)|seiz|fitting|vomit\w* (?:repeatedly|constantly|non-?stop)|"
            r"keeps vomiting|can'?t stop vomiting|focal|weakness (?:of|in) (?:one|the (?:left|right))|slurred|diplopi|double vision|fever|(?<!a)febrile|3[89](?:\.\d)?\s*°?c\b|"
            # (a bare temperature said of the patient: "she's now 38.6 with neck stiffness", "spiked 38.9"; not "BMI is 38.5")
            r"(?:\b(?:she|he|pt|patient)(?:'s| is| was)?\s+(?:now\s+)?|\bspik\w*\s+(?:to\s+)?|\breached\s+)(?:3[89]|4[01])\.\d(?![\d./%])|"
            r"(?<!['’])\b(?:t|temp(?:erature)?|tmax)\b\W{0,3}(?:(?:is|was|of|up to|now)\s+)?(?:3[89]|4[0-2])(?:\.\d)?\b|\b10[0-4](?:\.\d)?\s*°?\s*F\b"),
     "zh": (r"头[^，。？?\s]{0,2}[痛疼]|" + _STIFF_NECK["zh"] + r"|硬膜下血肿|硬膜下出血",  # (头痛, 头很痛, 头就痛)
            r"躺(?:着|下|平)?.{0,3}(?:也|还|还是|都).{0,2}(?:[痛疼]|不缓解|不好)|不再.{0,4}体位|(?:失去|没有了?)体位(?:性|特征)|不是体位性|"
            r"不分体位|(?:跟|和|与)体位(?:没有?|无)关|烧到\s*(?:3[89]|4[0-2])|"
            r"迷糊|糊涂|意识(?:模糊|改变|不清|障碍)|嗜睡|叫不醒|胡言乱语|抽搐|一直吐|反复(?:呕)?吐|吐了好几次|喷射(?:状|性)?(?:呕)?吐|"
            r"一侧.{0,3}(?:无力|麻)|偏瘫|说话不清|复视|看东西.{0,2}重影|发热|发烧|高热|3[89](?:\.\d)?\s*(?:℃|度)|体温\s*[:：]?\s*(?:3[89]|4[0-2])")},
    # (a postural headache told is the puncture's, unless it came as a thunderclap: that picture is not assumed to be PDPH)
    {lang: rf"{_DURAL[lang]}|^(?![\s\S]*(?:{_WORST[lang]}|{_STROKE_NOT_POSTURAL[lang]}))(?:(?![\s\S]*(?:{_TOXIC_NOT_POSTURAL[lang]}))"
           rf"|(?=[\s\S]*(?:{_DAYS_LATER[lang]})))[\s\S]*(?:{_POSTURAL[lang]})"
     for lang in ("en", "zh")},
    {"en": "URGENT: a headache or stiff neck after a dural puncture that loses its postural pattern, or comes with fever, a focal deficit, a seizure or "
           "altered consciousness, needs evaluation for meningitis, subdural haematoma or cerebral venous sinus thrombosis before it is "
           "called post-dural puncture headache. " + _LATE_STOP["en"] + ": urgent medical and neurological assessment.",
     "zh": "紧急：硬脊膜穿破后的头痛或颈项强直若失去体位性特征，或伴发热、局灶性神经功能缺损、癫痫发作或意识改变，在归因于硬脊膜穿刺后头痛之前，"
           "须评估有无脑膜炎、硬膜下血肿或脑静脉窦血栓形成。" + _LATE_STOP["zh"] + "：紧急进行内科及神经系统评估。"},
    {"en": "red flags post-dural puncture headache meningitis subdural haematoma cerebral venous sinus thrombosis evaluation",
     "zh": "警示征象 硬脊膜穿刺后头痛 脑膜炎 硬膜下血肿 脑静脉窦血栓形成 评估"},
    procedures=("pdph", "dural-puncture", "epidural-blood-patch"),
    # (a wound that is red, oozing or full of pus is the implant's infection, whatever headache comes with it)
    exclude={"en": r"\bpus\b|purulen|wound (?:is )?(?:red|hot|swollen|ooz|leak|discharg)|red wound|pocket (?:is )?(?:red|swollen|ooz)|erythema|discharg",
             "zh": r"流脓|化脓|脓性|伤口.{0,3}(?:红|肿|渗)|切口.{0,3}(?:红|肿|渗)|囊袋.{0,3}(?:红|肿|渗)"},
)
# A falling blood pressure (shock) during or after a procedure that no other pathway names (a fast heart after a
# coeliac plexus neurolysis: not a faint): the banner calls for help and says the knowledge base has no protocol for it.
_UNSTABLE = RedFlag(
    "unstable-vitals",
    {"en": (rf"{_LOW_BP['en']}|(?<!electric )(?<!electrical )\bshock(?:ed)?\b(?! wave)(?! down)(?!-like)",),
     "zh": (rf"{_LOW_BP['zh']}|休克|{_BP_LOST}",)},
    {"en": r"inject|block|neurolys|ablation|\bRFA?\b|radiofrequency|procedure|needle|plexus|epidural|\b(?:TF|IL)?ESI\b|facet|"
           r"stimulator|\bSCS\b|pump|kyphoplasty|vertebroplasty|\bPVP\b|\bPKP\b|discogra|sympathetic",
     "zh": r"注射|阻滞|毁损|消融|射频|操作|穿刺|神经丛|硬膜外|小关节|电刺激|泵|椎体成形|后凸成形|椎间盘|交感|术后|做完|打完"},
    {"en": "URGENT: a falling blood pressure during or after a procedure is a shock picture. " + _STOP["en"]
           + ": assess airway, breathing and circulation and look for the cause (bleeding, the block's sympathetic effect, a high block, "
             "anaphylaxis). The knowledge base has no protocol for this picture.",
     "zh": "紧急：操作中或操作后血压下降，属休克表现。" + _STOP["zh"]
           + "：评估气道、呼吸和循环，并查找原因（出血、阻滞的交感效应、高位阻滞、过敏反应）。知识库中没有针对这一情况的处理流程。"},
    {"en": "hypotension after block bleeding risk sympathetic block", "zh": "低血压 阻滞后 出血风险 交感神经阻滞"},
    procedures=('interventional-pain-procedure', 'sympathetic-block', 'radiofrequency-ablation', 'esi'),
    # (a shock weeks after the procedure: "epidural triamcinolone 2 wks ago, now septic, BP 75/40 - steroid cover?" is no
    # block's sympathetic effect; the time is the procedure's, and nothing places the shock at a procedure now)
    # (a pressure that drops on standing, with no shock-range reading told, is the block's expected effect: "腹腔神经丛阻滞后出现
    # 体位性低血压，怎么处理？")
    exclude={"en": r"^(?=[\s\S]*\b(?:orthostatic|postural) (?:hypotension|drop|bp)\b)(?![\s\S]*(?<!\d)[4-7]\d\s*/)|"
                   r"^(?![\s\S]*\b(?:just|during|today|tonight|yesterday|this (?:morning|am|afternoon|evening)|an? (?:hour|few hours) ago|"
                   r"\d+\s*(?:min|mins|minutes|h|hrs?|hours?) ago|post-?op|recovery|pacu|after the (?:block|injection|procedure)|"
                   r"implant(?:ed)? today)\b)"
                   r"[\s\S]*\b(?:ESI|TFESI|ILESI|injection|block|implant|procedure|triamcinolone|steroid|epidural)\b[^.?]{0,30}?"
                   r"\b\d+\s*(?:wks?|weeks?|months?|mths?)\s+(?:ago|before)\b",
             "zh": r"^(?=[\s\S]*(?:体位性|直立性)低血压)(?![\s\S]*(?<!\d)[4-7]\d\s*/)|"
                   r"^(?![\s\S]*(?:刚|术中|今天|今晨|今早|昨天|昨晚|\d+\s*(?:小时|分钟)前|做完|术后当天|复苏室))[\s\S]*(?:(?:注射|阻滞|植入|ESI|激素|手术)[^，。]{0,10}?\d+\s*(?:周|个月)(?:前|以前)|"
                   r"\d+\s*(?:周|个月)(?:前|以前)[^，。]{0,4}(?:做|打|行)[^，。]{0,20}(?:注射|阻滞|植入|ESI|手术))"},
)
# A sudden, very severe headache ("worst of her life", thunderclap) during or right after a procedure is not assumed to
# be a post-dural puncture headache (that one is postural and comes on over hours to days); the sources hold no protocol.
# (the signs that keep it urgent even when it is told as positional)
_HEADACHE_DANGER = {"en": r"drows|confus|vomit|neck (?:is )?stiff|stiff neck|nuchal|photophob|weak|slurred|seiz|fitting|diplopi|double vision|"
                          r"\bbp\b\W{0,3}(?:1[6-9]\d|2\d\d)\s*/|unrousable|obtunded|focal|"
                          # (not eased lying down, said any way: the posture does not settle it)
                          r"(?:n'?t|not|hardly|barely|no|little|never)\s+(?:\w+\s+){0,2}(?:better|eas\w*|relie\w*|help\w*)",
                    "zh": r"嗜睡|糊涂|意识|呕吐|颈(?:项)?强直|颈部僵硬|脖子(?:发)?硬|畏光|无力|没劲|说话不清|抽搐|复视|重影|血压\s*(?:1[6-9]\d|2\d\d)\s*/|"
                          r"(?:缓解|减轻)(?:不明显|不大|不了)|不(?:缓解|减轻|见好)|没(?:有)?(?:缓解|减轻|用)"}
_NOT = {"en": r"(?<!not )(?<!isn't )(?<!isnt )(?<!no longer )(?<!never )(?<!doesn't )(?<!doesnt )(?<!not any )", "zh": r"(?<!不)(?<!没)(?<!未)"}
_THUNDERCLAP = RedFlag(
    "sudden-severe-headache",
    {"en": (r"thunderclap|worst (?:ever )?headache (?:(?:of|in) (?:(?:her|his|my|their) )?life|ever|(?:she|he|they|i)(?:'s| has| have|'ve)? ever had)|"
            r"worst ever headache|headache[^.?!]{0,20}\bworst (?:(?:of|in) (?:(?:her|his|my|their) )?life|ever)\b|"
            # (sudden … severe headache: a few words between, no comma crossed, nothing mild)
            r"(?:sudden|abrupt|explosive)(?:ly)?,?\s+(?:(?!mild\b|slight\b|little\b|minor\b)[\w']+\s+){0,3}?(?:(?:very|really) )?"
            r"(?:severe|excruciating|crushing|splitting|explosive|bad)?,? ?headache|"
            r"(?:severe|excruciating|crushing|splitting|explosive) headache (?:\w+ ){0,3}?(?:suddenly|abruptly|all of a sudden|out of nowhere)",),
     "zh": (r"霹雳样头痛|雷击样头痛|炸裂样头痛|头痛欲裂|(?:这辈子|一辈子|有生以来|从来没有?过?)[^，。？]{0,6}(?:最|这么)(?:剧烈|厉害|痛|疼)的?头[痛疼]|"
            r"突(?:然|发)[^，。？]{0,6}?(?:剧烈|严重|爆炸样)[^，。？]{0,4}?头[痛疼]|突(?:然|发)[^，。？]{0,4}?头(?:很|非常|特别|剧烈)(?:痛|疼)|"
            r"突(?:然|发)[^，。？]{0,4}?头[痛疼]得(?:厉害|要命|不行)|"
            r"头(?:从来|从未)(?:没(?:有)?)?(?:这么|如此)(?:痛|疼)过|(?:一辈子|这辈子|从来)没(?:有)?(?:这么|如此)(?:剧烈的)?头[痛疼]过?",)},
    # (a dural puncture or a blood patch is this picture's setting too: a subdural haematoma or venous sinus thrombosis)
    {lang: f"{_UNSTABLE.context[lang]}|{_DURAL[lang]}" for lang in ("en", "zh")},
    {"en": "URGENT: a sudden, very severe headache during or right after a procedure, above all with neck stiffness, a high blood "
           "pressure, vomiting, a deficit or drowsiness, is not assumed to be a post-dural puncture headache. " + _STOP["en"]
           + ": urgent medical and neurological assessment for an intracranial cause. The knowledge base has no protocol for this picture.",
     "zh": "紧急：操作中或刚操作后突发剧烈头痛，尤其伴颈项强直、血压升高、呕吐、神经功能缺损或嗜睡时，不能默认为硬脊膜穿刺后头痛。"
           + _STOP["zh"] + "：紧急进行内科及神经系统评估，排查颅内原因。知识库中没有针对这一情况的处理流程。"},
    {"en": "headache neck stiffness pneumocephalus subdural haematoma red flags", "zh": "头痛 颈项强直 颅内积气 硬膜下血肿 警示征象"},
    # (positional, eased lying flat: the post-dural puncture headache's own pattern, told without a danger sign)
    {"en": rf"^(?![\s\S]*(?:{_HEADACHE_DANGER['en']}))[\s\S]*(?:{_NOT['en']}(?:better|eases?|relieved|goes away|improves) (?:when |on |by |while )?(?:lying|flat|supine|she lies|he lies)|"
           rf"lying (?:down |flat )?helps|{_NOT['en']}worse (?:when |on )?(?:sitting|standing|upright)|"
           r"(?:on|when) (?:she |he |they )?(?:sitting|standing|sits|stands|sit|stand) up)",
     "zh": rf"^(?![\s\S]*(?:{_HEADACHE_DANGER['zh']}))[\s\S]*(?:躺(?:下|平|着)?(?:后|能|可|就|会)?{_NOT['zh']}(?:好|缓解|减轻)|平躺|平卧(?:后)?(?:就)?{_NOT['zh']}(?:好|缓解|减轻)|"
           r"(?:站|坐)起(?:来)?(?:就|后)?(?:更|加重|厉害|突然|痛|疼)|一(?:站|坐)起)"},
    procedures=(*_UNSTABLE.procedures, "pdph", "dural-puncture", "epidural-blood-patch", "lumbar-puncture"),
)
# Oversedation during procedural sedation ("midaz 3 + fent 100, prone, sats 85% and not rousable"): no pump, no block
# spreading, no toxicity sign; the sources hold no sedation protocol.
_SEDATION = RedFlag(
    "sedation-depression",
    {"en": (r"desat\w*|\b(?:sats?|spo2|o2 sats?)\D{0,12}[4-8]\d\b|unrous|not rousable|barely rousable|won'?t wake|hard to (?:rouse|wake)|"
            r"(?<!sleep )apn(?:o)?e|not breathing|hypovent|\brr (?:of |is )?[2-9]\b|(?:respiratory|resp|breathing) rate (?:of |is |was )?[2-9]\b|"
            r"slow breath|shallow breath|pinpoint",),
     "zh": (r"叫不.{0,2}醒|唤不醒|呼之不应|呼吸.{0,4}(?:慢|浅)|呼吸[^，。？?\d]{0,4}(?<!\d)[2-9]\s*次|(?<!睡眠)呼吸暂停|呼吸停止|针尖样瞳孔|"
            r"(?:血氧|SpO2|spo2|氧饱和度)[^，。？?]{0,6}[4-8]\d",)},
    _SEDATIVES,
    {"en": "URGENT: desaturation or an unrousable patient under procedural sedation is respiratory depression until shown otherwise. "
           + _STOP["en"] + ": stop the sedatives, open and support the airway, give oxygen and ventilate, and reverse per your "
           "sedation protocol. The knowledge base has no protocol for this picture.",
     "zh": "紧急：操作镇静中出现血氧下降或叫不醒，应首先按呼吸抑制处理。" + _STOP["zh"]
           + "：停用镇静药，开放并支持气道，给氧并辅助通气，按本单位镇静规范进行拮抗。知识库中没有针对这一情况的处理流程。"},
    {"en": "sedation respiratory depression airway oxygen monitoring", "zh": "镇静 呼吸抑制 气道 吸氧 监测"},
    # (an intrathecal pump or its refill is the pump's overdose; a local anaesthetic's toxicity is LAST)
    # (nor a plan or a question of what might happen, "if she desaturates…", "能做静脉镇静吗", nor one told recovered)
    exclude={"en": r"\bpump\b|refill|intrathecal|\bIT pump|\bIDDS?\b|seiz|convuls|tinnitus|perioral|lipid|\bif\b|\bin case\b|"
                   r"sleep apn(?:o)?ea|\bOSA\b|back (?:up )?to 9\d|now 9\d|recovered|\bHR\s*[1-4]\d\b|brady\w*|vasovagal",
             "zh": r"泵|加药|鞘内|抽搐|惊厥|耳鸣|口周|脂肪乳|如果|万一|假如|要是|睡眠呼吸暂停|能(?:不能)?做|回升|恢复到|心率\s*[1-4]\d(?!\d)"},
    procedures=("sedation",),
)
# A patient told to have stopped breathing or to have no pulse, with no procedure, drug or sign that names a cause
# ("快点，病人呼吸停了", "pt not breathing!!"): an arrest is told as an event by its own words, wherever it happens; the
# sources hold no resuscitation protocol. (A cause named goes first: a block's total spinal, LAST, a pump, sedation.)
_ARREST = RedFlag(
    "cardiorespiratory-arrest",
    {"en": (r"\b(?:stopped|stops|stopping|not|isn'?t|is not|no longer|hasn'?t been) breathing\b|(?<!sleep )\bapn(?:o)?e(?:a|ic)\b|\bno pulse\b|"
            r"\bpulseless\b|\b(?:in |into |had an? |having an? )?(?:cardiac|respiratory|cardiorespiratory) arrest\b|\b(?:has |just |then )?arrested\b(?! with| by)|"
            r"\basystol\w*|\bin (?:vf|v-?fib)\b|\bvf on the monitor\b|\bcode blue\b|\bcalled a code\b|\bcoded\b|"
            r"\b(?:started|starting|doing|we'?re doing|commenced) (?:cpr|chest compressions|compressions)\b",),
     "zh": (r"(?<!屏住)呼吸(?:突然|已经|都|也)?(?:停(?:了|止)|没了)|停止呼吸|(?:没|没有|无)(?:了)?(?:自主)?呼吸(?!困难|急促|费力|不适|不畅|道)|心跳(?:突然|已经|都|也)?(?:骤停|停(?:了|止)?|没了)|"
            r"心(?:脏|搏)(?:骤停|停搏)|呼吸心跳骤停|心跳呼吸骤停|(?:没|没有|无)(?:了)?心跳|(?<!足背)(?<!足背动脉)(?<!下肢)(?<!桡动脉)摸不(?:到|着)(?:颈动脉)?(?:的)?(?:脉搏|搏动)|"
            r"(?:没有|没|无)(?:了)?脉搏|颈动脉搏动(?:消失|摸不到)|室颤了|(?:在|正在|开始)(?:做)?(?:心肺复苏|胸外按压|CPR)",)},
    {"en": r"", "zh": r""},  # (anywhere: told, an arrest is the event)
    {"en": "URGENT: a patient who has stopped breathing or has no pulse is in cardiorespiratory arrest. " + _STOP["en"]
           + ": open the airway, ventilate with oxygen and start chest compressions if there is no pulse, per your resuscitation "
             "protocol, and think of what a pain procedure can cause (a total spinal, local anaesthetic toxicity, oversedation, "
             "anaphylaxis). The knowledge base has no protocol for this picture.",
     "zh": "紧急：患者呼吸停止或摸不到脉搏，属心跳呼吸骤停。" + _STOP["zh"]
           + "：开放气道、给氧通气，无脉搏时立即胸外按压，按本单位心肺复苏流程进行，并考虑疼痛介入操作可能的原因（全脊麻、局麻药全身毒性、"
             "镇静过深、过敏反应）。知识库中没有针对这一情况的处理流程。"},
    {"en": "cardiac arrest total spinal local anaesthetic toxicity resuscitation", "zh": "心跳骤停 全脊麻 局麻药全身毒性 复苏"},
    # (nor a plan or a possibility: "if she stops breathing", 万一呼吸停了; what the arrest's own clause says of it is read in
    # `_arrest_told`: sleep, a held breath, a drill, an arrest in the history)
    exclude={"en": r"\bif\b|\bin case\b|\bwhat happens\b", "zh": r"如果|万一|假如|要是"},
)
# What the arrest's own clause says that makes it no arrest now: breathing that stops in sleep, a breath held for the
# fluoroscopy, a pedal pulse, a drill or course, an arrest in the history, a pause of a few seconds, a code for billing.
_NO_ARREST_NOW = {"en": r"\bif\b|\bin case\b|\bwhat happens\b|\bafraid\b|\bworr\w*|\bscared\b|\bfear\w*|\bconcern\w*|\breassur\w*|"
                        r"\btell\b|\bwarn\w*|\bconsent\w*|\bcounsel\w*|\bprevious\b|\bprior\b|\blast (?:year|month|week)\b|\b(?:years?|months?) ago\b|"
                        r"sleep|\bOSA\b|hold (?:her|his|their|your) breath|breath-?hold|pedal|dorsalis|foot pulses?|\btraining\b|\bdrills?\b|"
                        r"\bcertif\w*|\bh/o\b|\bhx of\b|history of|\bs/p\b|\bsurvivor\b|\bfew seconds\b|\bbriefly\b|\bmomentarily\b|"
                        r"\bcoding\b|\bbilling\b|colou?r[- ]coded|coded (?:as|for|per|by|in the)\b",
                  "zh": r"如果|万一|假如|要是|可能(?:会|出现)|怕|担心|害怕|告诉|谈话|交代|知情同意|以前|去年|(?:年|个月)前|睡眠呼吸暂停|睡觉时|睡眠时|打鼾|屏(?:住)?(?:气|呼吸)|足背|下肢动脉|培训|演练|考核|(?:骤停|停搏)过|既往(?:有)?(?:心脏)?(?:骤停|停搏)|几秒|短暂"}
RED_FLAGS = RED_FLAGS + (_HIGH_BLOCK, _HIGH_BLOCK_BREATHING, _LEGS_BLOCKED, _ANY_ANAPHYLAXIS, _DURAL_RED_FLAGS, _UNSTABLE, _THUNDERCLAP,
                         _SEDATION, _ARREST)
NO_PROTOCOL = frozenset({_UNSTABLE.id, _THUNDERCLAP.id, _SEDATION.id, _ARREST.id})  # pathways with no management passage: the answer quotes no steps for them

# Priority when several pathways match: a toxicity picture is LAST before it is a neuraxial deficit; an apnoeic high block
# without LAST signs is a total spinal; cement, contrast and an immediate cord infarct beat the generic pathways; a
# headache with fever asked about as a dural-puncture headache ("just PDPH?") is first to be ruled not meningitis.
PRIORITY = ("total-spinal", "last", "cement-embolism", "contrast-anaphylaxis", "epiduroscopy-pressure", "esi-stroke", "neuraxial-deficit",
            "dural-puncture-red-flags", "sudden-severe-headache", "implant-infection", "airway-haematoma", "pneumothorax", "sedation-depression", "idd-overdose", "baclofen-withdrawal",
            "vasovagal", "unstable-vitals", "cardiorespiratory-arrest")
RED_FLAGS = tuple(sorted(RED_FLAGS, key=lambda r: PRIORITY.index(r.id) if r.id in PRIORITY else len(PRIORITY)))
RED_FLAG_BY_ID = {r.id: r for r in RED_FLAGS}
# Pathways shared by procedures whose management differs (an infected SCS pocket is explanted, an abscess after an ESI
# is not): their answers quote only sentences about the patient's own procedure, when the question names one.
PER_PROCEDURE = frozenset({"neuraxial-deficit", "implant-infection"})


# Systemic reactions to a drug, not complications of one procedure: they apply after another specialty's procedure too
# (LAST after a dental or surgical block, anaphylaxis to contrast in any room).
SYSTEMIC_PATHWAYS = frozenset({"last", "contrast-anaphylaxis", "total-spinal", "vasovagal"})

# Where each pathway's actions are written (document slugs, searched in their "Recognition and management" sections).
PATHWAY_DOCS: dict[str, tuple[str, ...]] = {
    "last": ("last",),
    "neuraxial-deficit": ("anticoagulants", "esi-general", "spinal-cord-stimulation", "infection-control", "vertebral-augmentation",
                          "intrathecal-drug-delivery", "spinal-haematoma"),
    "implant-infection": ("infection-control", "spinal-cord-stimulation", "intrathecal-drug-delivery", "esi-general", "intradiscal-pldd"),
    "airway-haematoma": ("cervical-thoracic-sympathetic",),
    "epiduroscopy-pressure": ("epiduroscopy-adhesiolysis",),
    "cement-embolism": ("vertebral-augmentation",),
    "pneumothorax": ("ultrasound-pneumothorax", "cervical-thoracic-sympathetic"),
    "esi-stroke": ("esi-transforaminal", "esi-general"),
    "idd-overdose": ("intrathecal-drug-delivery",),
    "vasovagal": ("patient-selection-monitoring", "esi-general"),
    "baclofen-withdrawal": ("intrathecal-drug-delivery",),
    "contrast-anaphylaxis": ("radiation-contrast",),
    "total-spinal": ("esi-interlaminar-caudal", "cervical-thoracic-sympathetic", "last"),
    "dural-puncture-red-flags": ("pdph",),
}

# What an action of each pathway talks about (its management passages are searched for sentences that match).
PATHWAY_ACTIONS: dict[str, dict[str, str]] = {
    "last": {"en": r"stop (?:inject|the injection)|call for help|airway|oxygen|benzodiazepine|seizure|lipid|intralipid|propofol|resuscitat|\bCPR\b|"
                   r"bypass|amiodarone|vasopressin|adrenaline|epinephrine",
             "zh": r"停止注射|停止注药|呼叫|气道|氧|苯二氮|惊厥|脂肪乳|丙泊酚|复苏|体外循环|胺碘酮|血管加压素|肾上腺素"},
    "neuraxial-deficit": {"en": r"\bMRI\b|decompress|surg|neurolog\w* (?:assessment|exam)|evacuat|within \d+ ?h|urgent|emergen",
                          "zh": r"MRI|磁共振|减压|手术|外科|神经.{0,4}(?:评估|检查)|清除|小时内|紧急|急诊"},
    "implant-infection": {"en": r"antibiotic|culture|\bMRI\b|remov|explant|drain|surg|debrid|blood tests?|inflammatory markers",
                          "zh": r"抗生素|培养|MRI|取出|引流|外科|清创|血液检查|炎症指标"},
    "airway-haematoma": {"en": r"airway|intubat|surg|evacuat|compress|observ|monitor",
                         "zh": r"气道|插管|外科|清除|压迫|观察|监测"},
    "epiduroscopy-pressure": {"en": r"\bstop|pause|pressure|volume|irrigat|rate|vision|visual|retina|ophthalm|fundus",
                              "zh": r"停止|暂停|压力|容量|冲洗|速度|视力|视觉|视网膜|眼科|眼底"},
    "cement-embolism": {"en": r"stop (?:inject|the|cement)|oxygen|anticoag|heparin|embolectomy|\bCT\b|chest|support|ECMO",
                        "zh": r"停止|吸氧|给氧|抗凝|肝素|取栓|CT|胸部|支持|ECMO"},
    "pneumothorax": {"en": r"chest (?:x-ray|radiograph|drain|tube)|aspirat|oxygen|ultrasound|observ|drain",
                     "zh": r"胸片|X线|胸腔闭式引流|引流|抽气|穿刺抽|吸氧|超声|观察"},
    "esi-stroke": {"en": r"\bMRI\b|stroke|neurolog|\bstop|imaging|\bCT\b|thromb|angiogra",
                   "zh": r"MRI|卒中|神经科|停止|影像|CT|溶栓|血管造影"},
    "idd-overdose": {"en": r"naloxone|airway|breath|respirat|aspirat|empt|monitor",
                     "zh": r"纳洛酮|气道|呼吸|回抽|排空|监测"},
    "vasovagal": {"en": r"supine|flat|\blegs?\b|atropine|fluid|monitor|\bIV\b|intravenous",
                  "zh": r"平卧|抬高|阿托品|补液|监护|静脉"},
    "baclofen-withdrawal": {"en": r"restor|resum|bolus|oral baclofen|withdrawal|intensive care|\bICU\b",
                            "zh": r"恢复|口服|撤药|重症|ICU"},
    "contrast-anaphylaxis": {"en": r"adrenaline|epinephrine|airway|fluid|oxygen|antihistamine|steroid|\bstop",
                             "zh": r"肾上腺素|气道|补液|吸氧|抗组胺|激素|停止"},
    "total-spinal": {"en": r"airway|ventilat|intubat|vasopressor|fluid|support|oxygen|atropine|ephedrine|phenylephrine",
                     "zh": r"气道|通气|插管|升压|补液|支持|吸氧|阿托品|麻黄碱|去氧肾上腺素"},
    "dural-puncture-red-flags": {"en": r"red flags?[^.]{0,160}evaluat|return urgently", "zh": r"警示征象[^。]{0,80}评估|尽快返回|立即返院|紧急返回"},
    "unstable-vitals": {"en": r"(?!)", "zh": r"(?!)"},  # no management passage to quote (see NO_PROTOCOL)
    "sudden-severe-headache": {"en": r"(?!)headache", "zh": r"(?!)头痛"},  # (none either; its own pattern, to be told apart)
    "sedation-depression": {"en": r"(?!)sedation", "zh": r"(?!)镇静"},
    "cardiorespiratory-arrest": {"en": r"(?!)arrest", "zh": r"(?!)骤停"},
}

# Protocol steps of each pathway, in order: each step is quoted from the best-matching sentence of the pathway's
# management passages (a step no passage matches is left out; pathways without steps use PATHWAY_ACTIONS).
PATHWAY_STEPS: dict[str, dict[str, tuple[str, ...]]] = {
    "last": {"en": (r"call for help|stop giving|secure the airway|100% oxygen", r"benzodiazepine", r"lipid emulsion is given|first sign of serious",
                    r"lipid emulsion regimen|mL/kg", r"\bACLS\b|small boluses|amiodarone", r"avoid vasopressin", r"bypass|ECMO"),
             "zh": (r"呼叫帮助|停止注射局麻药|气道通畅|100%\s*氧|纯氧", r"苯二氮", r"最初征象|给予\s*20%\s*脂肪乳", r"脂肪乳剂方案|mL/kg",
                    r"ACLS|高级心血管生命支持|胺碘酮", r"避免使用血管加压素|血管加压素", r"体外循环|ECMO")},
    "neuraxial-deficit": {"en": (r"stopping the procedure|examining the patient", r"\bMRI\b|urgent CT",
                                 r"decompression", r"more than \d+ ?h|within \d+ ?h|as early as possible"),
                          "zh": (r"停止操作|检查患者", r"MRI|紧急行\s*CT", r"减压", r"\d+\s*(?:h|小时)|尽早")},
    # the work-up step is the infection work-up (an MRI sentence about a haematoma or a deficit belongs to the deficit pathway)
    # (a superficial wound's antibiotics are not the first step for an infected implant with fever or pus)
    # (removing a catheter for a granuloma is no step for an infection)
    "implant-infection": {"en": (r"^(?!.*superficial)(?!.*do not rely)(?!.*stop at the diagnostic).*antibiotic", r"explant|(?:infect|abscess)\w*[^.;]{0,80}\bremov|\bremov\w*[^.;]{0,80}(?:infect|abscess)",
                                 r"blood cultures?|inflammatory markers|(?:abscess|infect)\w*[^,;.]{0,60}\b(?:MRI|imaging)\b|discitis[^.;]{0,80}\bMRI\b",
                                 r"\bdrain|debrid|\bsurgical (?:drainage|review|debridement)"),
                          "zh": (r"^(?!.*浅表)(?!.*不能指望)(?!.*止于诊断).*抗生素", r"(?:感染|脓肿)[^。；]{0,40}(?:取出|移除)|(?:取出|移除)[^。；]{0,40}(?:感染|脓肿)", r"血培养|炎症指标|(?:脓肿|感染)[^，；,;。]{0,30}(?:MRI|影像)|椎间盘炎[^。；]{0,30}MRI", r"引流|清创|外科(?:引流|会诊|评估)")},
    "epiduroscopy-pressure": {"en": (r"pause the procedure|stop (?:the )?(?:irrigation|injection)|fluid can drain", r"retinal haemorrhage|visual",
                                     r"\d+ mL|pressure"),
                              "zh": (r"暂停操作|停止冲洗|引流", r"视网膜出血|视觉", r"\d+\s*mL|压力")},
    "cement-embolism": {"en": (r"stop the cement injection|give oxygen", r"CT pulmonary angiogra|chest X-ray|imaging", r"anticoagulation|heparin|embolectomy"),
                        "zh": (r"停止注入骨水泥|停止注射骨水泥|给氧|吸氧", r"CT\s*肺动脉造影|胸部\s*X\s*线|影像", r"抗凝|肝素|取栓")},
    "pneumothorax": {"en": (r"observed and treated with oxygen|oxygen", r"aspiration|chest drain", r"chest X-ray|lung ultrasound|diagnos"),
                     "zh": (r"观察和吸氧|吸氧", r"抽气|胸腔闭式引流|引流", r"胸片|X\s*线|肺部超声|诊断|确诊")},
    "esi-stroke": {"en": (r"stop if the patient|do not inject further|\bstop\b", r"\bMRI\b", r"stroke (?:pathway|team|unit)|neurolog\w* review|neurosurg"),
                   "zh": (r"立即停止|停止注射|不再继续注射", r"MRI", r"卒中(?:流程|团队|中心)|神经科会诊|神经外科")},
    "idd-overdose": {"en": (r"naloxone|airway and breathing", r"aspirat|emptied"), "zh": (r"纳洛酮|气道和呼吸", r"回抽|排空")},
    # bedside steps the knowledge base does not (yet) describe are listed so that a passage added later is found; until
    # then the answer shows only what the sources support (no steps borrowed from unrelated passages)
    "baclofen-withdrawal": {"en": (r"restor\w* (?:the )?(?:intrathecal )?baclofen|resum\w* (?:intrathecal )?baclofen|oral baclofen",
                                   r"intensive care|\bICU\b"),
                            "zh": (r"恢复.{0,6}巴氯芬|口服巴氯芬", r"重症监护|ICU")},
    "total-spinal": {"en": (r"call for help|secure the airway|100% oxygen", r"ventilat|intubat", r"vasopressor|ephedrine|phenylephrine|atropine"),
                     "zh": (r"呼叫帮助|气道通畅|100%\s*氧", r"通气|插管", r"升压药|麻黄碱|去氧肾上腺素|阿托品")},
    "airway-haematoma": {"en": (r"secure the airway|airway management|intubat", r"evacuat|surgical (?:drainage|decompression|exploration)"),
                         "zh": (r"控制气道|建立人工气道|气管插管", r"清除血肿|血肿清除|手术探查|外科引流")},
    "vasovagal": {"en": (r"supine|IV access|intravenous access", r"monitor"), "zh": (r"平卧|静脉通路", r"监测|监护")},
    "contrast-anaphylaxis": {"en": (r"epinephrine|adrenaline", r"airway|fluids"), "zh": (r"肾上腺素", r"气道|补液")},
    "dural-puncture-red-flags": {"en": (r"red flags?[^.]{0,160}evaluat",), "zh": (r"警示征象[^。]{0,80}评估",)},
    "unstable-vitals": {"en": (), "zh": ()},
    "sudden-severe-headache": {"en": (), "zh": ()},
    "sedation-depression": {"en": (), "zh": ()},
    "cardiorespiratory-arrest": {"en": (), "zh": ()},
}

# Pathways whose steps the sources give only inside another pathway's protocol (a total spinal's airway steps are the LAST
# protocol's): an answer quoting them says so.
_BORROWS: dict[str, str] = {"total-spinal": "last"}


def borrowed_steps(rule: str, step_docs: Sequence[str]) -> str:
    """The pathway whose protocol the quoted steps come from, when it is not the emergency's own (else empty)."""
    src = _BORROWS.get(rule, "")
    return src if src and any(d.rsplit("-", 1)[0] == src for d in step_docs) else ""


# The complication each pathway treats: "how is LAST managed?" is answered with the same protocol steps, without urgency.
PATHWAY_TOPICS: dict[str, str] = {
    "last": "last", "cement-embolism": "pulmonary-cement-embolism", "pneumothorax": "pneumothorax",
    "contrast-anaphylaxis": "anaphylaxis", "neuraxial-deficit": "epidural-haematoma", "implant-infection": "epidural-abscess",
    "epiduroscopy-pressure": "retinal-haemorrhage", "idd-overdose": "opioid-overdose", "baclofen-withdrawal": "baclofen-withdrawal",
    "total-spinal": "total-spinal", "vasovagal": "vasovagal-reaction", "dural-puncture-red-flags": "subdural-haematoma",
}

# What each pathway's condition is called: a sentence quoted as recognition (or as an action of a pathway without protocol
# steps) must name it, so that a pathway with few passages of its own is not padded with another complication's text.
PATHWAY_NAMES: dict[str, dict[str, str]] = {
    "last": {"en": r"local an(?:a)?esthetic (?:systemic )?toxicity|\bLAST\b|toxicity", "zh": r"局麻药全身毒性|局麻药中毒|LAST|毒性"},
    "neuraxial-deficit": {"en": r"ha?ematoma|abscess|neurolog\w* deficit|cord (?:compression|injury)|paraplegi|decompress",
                          "zh": r"血肿|脓肿|神经功能缺损|神经功能障碍|脊髓(?:压迫|损伤)|截瘫|减压"},
    "implant-infection": {"en": r"infect|abscess|meningitis|discitis|osteomyelitis", "zh": r"感染|脓肿|脑膜炎|椎间盘炎|骨髓炎"},
    "airway-haematoma": {"en": r"ha?ematoma|airway", "zh": r"血肿|气道"},
    "epiduroscopy-pressure": {"en": r"pressure|retinal|visual|vision", "zh": r"压力|视网膜|视力|视觉"},
    "cement-embolism": {"en": r"cement embol|pulmonary embol|\bPCE\b", "zh": r"骨水泥栓塞|肺栓塞|PCE"},
    "pneumothorax": {"en": r"pneumothora", "zh": r"气胸"},
    "esi-stroke": {"en": r"infarct|stroke|embol|blind|intra-?arterial|radicular artery|vertebral artery|neurolog",
                   "zh": r"梗死|卒中|栓塞|失明|动脉|神经"},
    "idd-overdose": {"en": r"overdose|pocket fill|respiratory depression|opioid toxicity|naloxone", "zh": r"过量|囊袋|呼吸抑制|阿片.{0,4}毒性|纳洛酮"},
    "vasovagal": {"en": r"vasovagal", "zh": r"血管迷走"},
    "baclofen-withdrawal": _BACLOFEN,
    "contrast-anaphylaxis": {"en": r"anaphyla|allergic reaction|hypersensitivity reaction|urticaria|bronchospasm",
                             "zh": r"过敏性休克|严重过敏|过敏反应|超敏反应|荨麻疹|支气管痉挛"},
    "total-spinal": {"en": r"total spinal|high (?:spinal|block)|unexpectedly high|subdural|intrathecal(?:ly)? inject|inject\w* intrathecal|subarachnoid",
                     "zh": r"全脊麻|高位阻滞|阻滞平面|硬膜下|鞘内注射|注入鞘内|蛛网膜下"},
    "dural-puncture-red-flags": {"en": r"subdural ha?ematoma|venous sinus thrombosis|meningitis", "zh": r"硬膜下血肿|静脉窦血栓|脑膜炎"},
    "unstable-vitals": {"en": r"\bshock\b|hypotension", "zh": r"休克|低血压"},
    "sudden-severe-headache": {"en": r"headache", "zh": r"头痛"},
    "sedation-depression": {"en": r"sedation", "zh": r"镇静"},
    "cardiorespiratory-arrest": {"en": r"cardiac arrest|arrest", "zh": r"心跳骤停|骤停"},
}


def condition_names(actions: str, lang: Lang) -> str:
    """The condition-name pattern (PATHWAY_NAMES) of the pathway whose action pattern (`Triage.actions`) is `actions`;
    empty when no pathway has it."""
    rule = next((r for r, by_lang in PATHWAY_ACTIONS.items() if actions and by_lang.get(lang) == actions), "")
    return PATHWAY_NAMES.get(rule, {}).get(lang, "")


# A question about a complication that is not happening now (counselling, frequency, prevention, history) is no emergency.
# (no one patient told beside it: "what do I tell patients after a TFESI? this one has numb, weak legs" is a case)
_NO_CASE = r"(?![\s\S]*\b(?:this one|this (?:pt|patient|lady|man|woman|guy)|she (?:has|is|'s)|he (?:has|is|'s)|my (?:pt|patient) (?:has|is))\b)"
# How often it happens, asked in Chinese (常见吗, 发生率, 概率多大).
_HOW_COMMON_ZH = r"常见吗|多常见|常不常见|多见吗|常见不|发生率|(?:概率|几率)(?:大|高|多少|有多大)|术后[^，。？?]{0,8}(?:多吗|多不多)"
_NOT_NOW = {
    "en": r"should (?:i|we) (?:warn|tell|counsel|inform|mention|consent)|what happens if|\bwhat (?:should|do|would) (?:i|we|you) do if\b|"
          # (a general question opening the turn: "what's the treatment for a vasovagal reaction during an epidural?")
          r"^\W*what(?:'s| is| are) the (?:usual |standard |first[- ]line )?(?:treatment|management) (?:for|of)\b|"
          r"\bwhat are the (?:numbers|figures|odds|stats)\b|"
          # (another case supposed: "if it was a baclofen pump instead and we had to empty it, what do I worry about?")
          r"\bif (?:it|this|that|she|he|the pump|the patient|the pt) (?:was|were|had been) (?:a |an |on (?:a |an )?)?[\w -]{0,30}?\binstead\b|"
          # (a failure only supposed: "if the first patch fails, how soon can I repeat it?")
          r"\bif (?:the |it |that |this |her |his )?(?:first |1st |initial )?(?:[\w-]+ )?(?:fails|doesn'?t work|does not work|is unsuccessful)\b|"
          # (what patients in general are told: "what do I tell patients after medial branch RFA - burning, numbness?")
          r"\bwhat (?:do|should|can|would) (?:i|we|you) (?:tell|say to|warn|advise) (?:my |our |the )?(?:patients|pts)\b" + _NO_CASE + r"|"
          r"\b(?:tell|warn|advise|counsel) (?:my |our |the )?(?:patients|pts) (?:after|before|about)\b" + _NO_CASE + r"|"
          # (a patient's question to answer with figures: "pt asks 'can this shot paralyze me?' … what do i tell him, any numbers?")
          r"\bany (?:numbers?|figures?|stats)\b|"
          # (the patient's own question of what could happen: "she asks me if this injection can paralyse her or make her go blind")
          r"\b(?:she|he|they|the (?:patient|pt)|pt) (?:asks?|asked|is asking|was asking|wants to know)(?: me| us)? (?:if|whether) "
          r"(?:this|the|an?|these|such|that) (?:\w+ )?(?:injection|procedure|block|shot|epidural|steroid|needle|treatment)s? (?:can|could|might|may|will|would)\b|"
          r"what could happen|how many|been reported|any reports?|case reports?|worried|afraid|scared|terrified|frightened|anxious (?:about|that)|nervous (?:about|that)|fear(?:s|ful)? (?:of|about|that)|concerned (?:about|that)|(?:real|actual|hard|honest) (?:numbers?|figures?|odds|chances?|risk)|what (?:numbers?|figures?)|\bodds\b|\bchances? (?:of|that)\b|likelihood|probability|(?:give|quote|tell) (?:her|him|them|the (?:patient|pt)|pts?) (?:a|the|an honest) (?:number|figure|rate)|explain|dangers? of|what (?:are|is) the dangers?|warn (?:the )?patients?|counsel|consent|how (?:common|often|likely|rare)|"
          # "I heard epiduroscopy can cause visual loss": a possibility heard of (not "I heard the pt has leg weakness")
          r"\b(?:heard|read)(?: that| about)? [^.?]{0,40}\b(?:can|could|may|might|causes?)\b|"
          r"incidence|what (?:is|are) the (?:risks?|rates?|complications|chances?)|risk of|is it normal|\bis (?:[\w/'-]+ ){1,8}normal\b|expected|prevent|avoid|reduce the risk|"
          r"\bany (?:specific |particular |other |special )?(?:risks?|complications|side effects)\b|\bhow (?:common|often|frequent)\b|"
          # (how often, asked of no patient and no scene: "is fainting common after an epidural?"; never "he can't see - is this
          # rare?", a picture told)
          r"^(?![\s\S]*\b(?:he|she|they|him|her|his|pt|patient|this|that|these|now|just|right after|straight after|during)\b)"
          r"[\s\S]*\bis (?:[\w-]+ ){1,4}?(?:common|rare|frequent)\b|"
          # (a grave harm the patient fears ahead, asked in the first person: "will I be paralysed after a facet RFA?")
          r"\b(?:will|could|would|might) i (?:\w+ ){0,2}?(?:be|end up|become|go)\b[^.?!]{0,20}\b(?:paraly\w*|blind|crippled|in a wheelchair|dead)\b|"
          r"history of|\bhx of|\bh/o\b|(?:at|after|during|with) (?:her|his|their|the) (?:last|previous|prior) |last time|(?:before|for) the next (?:one|injection|procedure|block)|\bprior (?:\w+ )?(?:reaction|rash|hives|allergy|episode|anaphyla\w*)|last (?:year|yr|month|mo|week|wk)\b|(?:years?|yrs?|months?|mos?) ago|\bhx\b|previous(?:ly)?|in the past|"
          r"\b(?:hives|rash|urticaria|reaction|anaphyla\w*|allerg\w*)\b[^.;?]{0,40}\b(?:back )?in (?:19|20)\d\d\b|"  # ("hives after CT contrast in 2019")
          r"\b(?:gave|caused) (?:him|her|them|me) (?:a |an )?(?:rash|hives|reaction|itch\w*)\b|"  # ("pt says penicillin gave him rash")
          # (the complaint the procedure is for: "shooting pain down the leg for 3 months, is a TFESI reasonable?")
          r"\b(?:pain|sciatica|radiculopathy|ache|aching|symptoms)\b[^.?]{0,40}\bfor (?:the (?:last|past) )?(?:\d+|a few|several|two|three|four|five|six) "
          r"(?:weeks?|months?|years?|wks?|mths?|mos?|yrs?)\b"
          r"[^.?]{0,60}\b(?:reasonable|indicated|appropriate|a candidate|worth (?:it|trying|doing)|an option|suitable)\b|"
          r"\bhad (?:a|an) [^.;?,]{0,40}\bbefore\s*(?:[,.;?!]|$|(?:with|at|after|during|in)\b)|"  # "had a seizure before with lido"
          r"\bhad (?:a |an )?(?:\w+ )?(?:hives|rash|reaction|urticaria|anaphylaxis|allergic reaction|allergy)\b[^.;?]{0,40}?\bbefore\b(?! (?:i|we|you|the|it|she|he)\b)|"
          r"\bpre-?med(?:s|ication|icate)?\s+(?:regimen|protocol|plan|schedule)\b|\b(?:what|which|any|need|needs|needed|should|do i|do we)\b[^.?!]{0,30}\bpre-?med\w*|"
          r"can (?:she|he|they) (?:still )?have|"
          r"in (?:the|that|this|a|an) (?:[\w-]+ ){0,3}(?:study|series|review|audit|cohort|trial|registry)|did any(?:body|one) (?:get|have|develop)|reported cases|what proportion|what percent|"
          r"could .{0,40} cause|can .{0,40} cause|will .{0,40} cause|is there a risk|usually|typically|how soon (?:do|does|after)|"
          r"mechanism|pathophysiolog|why (?:does|do|is|are)|how does .{0,40} cause|"
          # (what it looks like or which vessel, asked of the complication in general: "cord stroke after a root block - which artery?")
          r"\b(?:which|what) (?:artery|arteries|vessel|vessels)\b|\bsigns\s*\??\s*$|\bwhat are the (?:signs|symptoms|features)\b|"
          r"\bhow does (?:it|this|that) (?:present|show up)\b|"
          r"(?:now|is) (?:fully |completely |all |totally )?(?:stable|settled|resolved|recovered|back to normal)|has (?:fully |completely )?(?:settled|resolved|recovered)|how long (?:should|do|must|to) (?:i |we )?(?:need to |have to )?(?:observe|monitor|watch|keep)|"
          r"how long (?:should|do|does|must|will|would) (?:the (?:patient|pt)|pt|she|he|they) (?:need to )?(?:be )?(?:observed|monitored|watched|kept)|"
          r"how long (?:will|does|do|would|can|might) (?:\w+ ){1,3}?(?:last|persist|go on)\b|"
          # (the paperwork after it: "how should I document this in the notes?", "这个要上报不良事件吗？")
          r"\bhow (?:should|do|would) (?:i|we) (?:document|chart|record|report)\b|\bdocument (?:this|it)\b|\bwrite (?:this|it) up\b|"
          r"\b(?:file|fill in|do) (?:an? )?incident report|\breport (?:this|it) (?:as|to)\b",
    "zh": r"(?:[痛疼][^，。？?]{0,4}(?:了)?(?:\d+|几|半|一|两|三)(?:个)?(?:月|年|周)|(?:\d+|几|半|一|两|三)(?:个)?(?:月|年|周)(?:的|来)?[^，。？?]{0,6}[痛疼])"
          r"[^。？?]{0,30}(?:适合做|适合|合适吗|能不能做|可以做吗|值得做)|"  # (the complaint it is for)
          r"已经(?:有)?(?:\d+|几|半|一|两|三)(?:个)?(?:月|年)了?[^。？?]{0,20}(?:能做|可以做|适合)|"  # (a complaint of years, asked whether to do it)
          r"如果换成[^，。？?]{0,12}(?:呢|的话)|"  # (another case supposed: "如果换成巴氯芬泵呢")
          # (how often, asked of no patient and no scene: "那硬膜外之后晕厥常见吗？"; never "病人全身抽搐，局麻药中毒常见吗")
          r"^(?![\s\S]*(?:病人|患者|他|她|老人|这种|这个|这样|现在|刚|突然|出现|正在|术中|推完|打完))[\s\S]*(?:" + _HOW_COMMON_ZH + r")|"
          r"如果(?:第一次|首次|一次)?[^，。？?]{0,8}(?:失败|无效|不管用|没效果|不成功)|听(?:人)?说.{0,20}(?:会|可能|能)(?:导致|引起|造成|出现)|听说有人|(?:怎么|如何|要不要|需要|需不需要|是否|该怎么|咋)\s*(?:做|进行)?(?:预处理|预防用药|预先用药)|(?:预处理|预防用药)(?:方案|怎么|吗|用什么)|预处理激素怎么(?:吃|用|给|安排)|告知|交代|知情同意|宣教|(?:跟|和|向|告诉)(?:患者|病人)(?:说|讲|解释)?|可能导致|可能引起|可能造成|有报道|报道过|有无报道|解释|担心|害怕|怕做|顾虑|咨询|发生率|多常见|概率|风险有?多[大高少]|多大(?:的)?风险|几率|可能性有?多|有什么危险|什么风险|哪些风险|正常吗|是否正常|预期|预防|避免|降低.*风险|既往|病史|去年|以前|曾经|能否做|能做吗|可以做吗|"
          r"\d+\s*年前|[一二三四五六七八九十几两]+年前|上次|之前发生过|会不会(?!是[^，。？?]{0,10}(?:副作用|反应|引起的|导致的|造成的))|会否|是否会|可能会|(?<!现在)(?<!已经)会(?:出现|引起|导致|造成)[^，。？?]{0,12}吗|多久出现|多久会出现|一般在|通常在|"
          r"机制|原理|为什么|病例中|研究中|报道中|文献|占多少|比例|(?:要不要|需不需要|需要|怎么|如何)上报|上报不良事件吗|怎么记录|病历怎么写|写病历|已经.{0,8}控制|(?:病情|情况|现在|目前|已经?)(?:平稳|稳定)|已缓解|已恢复|(?:现在|已经)(?:已经?)?(?:好了|没事了|正常了|恢复了|缓解了)|观察多久|监测多久|监护多久|观察多长时间|监测多长时间|持续多久|多久(?:能|会|才)?(?:好|消失|消退|恢复)",
}
# A case looked back on (an incident report, a root-cause review, what should have been done) and its outcome told
# (decompressed, recovered): no emergency, unless its picture is told going on with no outcome ("what went wrong? … is
# paraplegic")
_LOOKED_BACK = {"en": r"\bincident (?:report|review)\b|\broot[- ]cause\b|\bm ?& ?m\b|\bmorbidity and mortality\b|\bin (?:retrospect|hindsight)\b|\blooking back\b|"
                      r"\bshould (?:have|'ve) (?:happened|been (?:done|stopped|held|involved|consulted|checked|asked))\b|\bwhat went wrong\b",
                "zh": r"不良事件(?:上报|复盘|讨论|分析|回顾)|(?:病例|事件)回顾|复盘|根因分析|回顾(?:分析|讨论)|当时(?:应该|该|本应)(?:怎么|如何|先|做|停|查)|本来应该先|事后(?:看|分析)"}
# An event of the last procedure, the next one planned ("vasovagal with HR 40 during last MBB, recovered in 2 min. repeating
# next month, anything to do differently?", 上次做射频的时候口周发麻、耳鸣，几分钟就好了，下个月做对侧), told over.
_LAST_TIME = {"en": r"\b(?:during|at|after|with) (?:(?:his|her|their|the) )?(?:last|previous|prior) (?:[\w/-]+ ){0,2}?(?:MBBs?|blocks?|injections?|"
                    r"procedures?|sessions?|ESIs?|TFESIs?|ILESIs?|RFAs?|one|time)\b|\blast time\b",
              "zh": r"上次(?:做|打)?[^，。？?]{0,12}?(?:时候?|时出现|的时候)"}
_OVER_TOLD = {"en": r"\b(?:fully |completely )?recovered\b|\bfine (?:after|within|in)\b|\bsettled\b|\bresolved\b|\bcame (?:round|around)\b|"
                    r"\bback to (?:normal|baseline)\b",
              "zh": r"(?:就|已经|都|很快)?好了|恢复了|恢复正常|缓解了|没事了|缓过来"}
# What to do now asked beside the judgement ("需要上报吗？怎么处理"): the picture is still to be handled.
_WHAT_NOW = {"en": r"\bwhat (?:now|to do|do (?:i|we) do|should (?:i|we) do)\b|\bnext step\b|\bhow (?:do|should) (?:i|we) (?:manage|treat)\b",
             "zh": r"怎么处理|怎么办|咋办|如何处理|怎么治|下一步"}
# A case's care judged afterwards (a review, a complaint): what should have been done, whether it met the standard.
_JUDGED = {"en": r"\bshould (?:have|'ve) (?:used|done|given|stopped|held|checked|waited|injected|chosen|picked|stayed|kept|been used|been given|been injected)\b|\bstandard of care\b|"
                 r"\breportable\b|\bmedico-?legal\b|\blitigation\b|\bnegligen\w*|\bhad (?:a |an )?transient\b",
           "zh": r"是否符合(?:诊疗|操作)?规范|是否违规|医疗纠纷|医疗事故|(?:是否|要不要|需不需要|需要)上报|算不算(?:医疗)?(?:差错|事故)|当时本应|本应(?:使用|用|停|查)"}
_OUTCOME_TOLD = {"en": r"\b(?:was|were|got|been) (?:decompressed|evacuated|operated|treated|explanted|discharged)\b|\brecovered\b|\bunderwent\b|"
                       r"\bdied\b|\boutcome\b|\bresidual\b",
                 "zh": r"已(?:减压|手术|清除|治愈|出院|康复)|(?:减压|手术)(?:后|了)|康复|恢复了|出院|死亡|预后|后遗"}
# A sign told as following an injection now ("注射造影剂后出现喘憋"), not one dated before ("两年前注射造影剂后出现…", 上次)
_SIGN_AFTER_INJECTION_ZH = (r"(?:^|[，。？?,])(?:(?!上次|以前|既往|曾|之前|去年|前年|上个?月|上周|(?:\d+|[一两二三四五六七八九十几半]+)\s*"
                            r"(?:年|个月|个多月|月|周|个星期|天)(?:多)?前)[^，。？?,])*?(?:注射|注入|推注?)[^，。？?,]{0,6}后(?:马上|立即|随即)?"
                            r"(?:出现|开始)(?!过)")


_NOW = {
    "en": r"\bnow\b(?! (?:fully |completely |all |totally )?(?:resolved|settled|stable|recovered|fine|ok|okay|better|improved|gone|back to)\b)(?! (?:booked|scheduled|due|listed|planned|referred|coming|wants|asking|requesting|needs|presents for|here for|on\b))|right now|just (?:had|became|developed|started|went)|suddenly|currently|is having|has developed|is (?:seizing|fitting|unresponsive)|"
          r"\d+\s*(?:min|mins|minutes?|hrs?|hours?)\s+(?:later|after)\b|"
          r"what (?:do|should|can) (?:i|we) do|minutes? (?:ago|after|into)|during the|while (?:injecting|we|i)|"
          r"already (?:has|having|got|developed|showing|complaining)|(?:is |are |now |pt |patient )?complain(?:s|ing) of|\bc/o\b|"
          r"\b(?:temp(?:erature)?|t|fever|febrile)\s*(?:is\s*|of\s*|now\s*)?(?:3[89]|4[0-2])(?:\.\d)?\b",  # a reading told is now
    "zh": r"怎么办|现在(?!已经?(?:好了|没事|缓解|恢复|正常|消失|稳定))|" + AGAIN_ZH + r"|刚刚|刚才|突然|正在|术中|几分钟|数分钟|马上|立即|(?<!多)(?<!很)(?<!较)(?<!更)快(?!速|一点的|一些的|点的|的(?:方案|办法|方法))|已经?出现|已经有了?|(?:发热|发烧|体温)\s*(?:3[89]|4[0-2])|" + _SIGN_AFTER_INJECTION_ZH,
}

class _Unnegated:
    """A pattern whose matches count only when no negation or hedge comes just before them and nothing undoes them just
    after ("未能恢复窦律", "never got back to sinus", "not yet awake now", "was GCS 15, now 9", "GCS 15 on arrival, dropped
    to 8"): a `search` like a compiled pattern's."""

    def __init__(self, rx: re.Pattern[str], before: re.Pattern[str], after: re.Pattern[str], reach: int = 24) -> None:
        self.rx, self.before, self.after, self.reach = rx, before, after, reach

    def search(self, text: str) -> re.Match[str] | None:
        for m in self.rx.finditer(text):
            if not self.before.search(text[max(0, m.start() - self.reach):m.start()]) and not self.after.match(text[m.end():]):
                return m
        return None


_UNDONE_BEFORE = {"en": lazy(r"\b(?:not|never|no|didn'?t|did not|hasn'?t|has not|haven'?t|isn'?t|yet|only|barely|hardly|partly|"
                                   r"partially|fail(?:ed|s)? to)\b[^.;?!,]{0,16}$", re.I),
                  # (or asked, hypothetically: "给完醒了是不是就没事了？", "如果醒了…")
                  "zh": lazy(r"(?:没|未|不|尚未|仍未|还没|没有|没能|未能)[^，。；？?]{0,3}$|"
                                   r"(?:如果|要是|假如|万一)[^，。；？?]{0,6}$")}
_UNDONE_AFTER = {"en": lazy(r"\s*(?:only )?to pain\b|[^.;?!]{0,30}\b(?:dropped|fell|worse|then (?:crashed|arrested|seized)|now GCS)\b|"
                                  r"[^.;?!]{0,6}\bnow\s+(?:GCS\s*)?\d", re.I),
                 "zh": lazy(r"[^。；？?]{0,6}(?:又|但是?|可是|然后又)|[^。；？?，,]{0,2}(?:是不是|就没事|就可以|就行)|\s*(?:吗|么)\s*[？?]")}
# The emergency handed over to the team that treats it ("stroke team has her", "neurosurgery have taken over", 卒中团队已经接手):
# a question after it asks of later, whatever picture goes on.
HANDED_OVER = {"en": lazy(r"\b(?:stroke|neuro\w*|icu|itu|spin(?:e|al)|surgical|medical|ortho\w*|cardiology|resus|crash) (?:team|reg|registrar|on-?call)s? "
                          r"(?:has|have|'s|’s) (?:got |taken )?(?:her|him|them|over)\b|\b(?:they|team) (?:has|have) taken over\b|"
                          r"\b(?:neuro\w*|stroke|icu|itu|spin(?:e|al) surgeons?|surgeons?|ortho\w*) (?:has|have) taken over\b|"
                          r"\b(?:now )?(?:in|on) (?:the )?(?:ICU|ITU|stroke unit)\b", re.I),
               "zh": lazy(r"(?:卒中|神经内科|神经外科|脊柱外科|ICU|重症)(?:团队|小组|科)?(?:已经)?(?:接手|接管|接走)|已(?:经)?转(?:入)?(?:ICU|重症|神经科|卒中单元)")}
# The picture of the turn before is over ("she's stable now", "好转了"): a follow-up asking what next time is no emergency.
SETTLED = {
    "en": lazy(r"\b(?:is|'s|’s|are|'re|now|has|have) (?:now |all )?(?:stable|stabili[sz]ed|settled|recovered|better|fine|ok|okay|awake|alert|back to (?:normal|baseline))\b|"
                     r"\b(?:resolved|settled down|came round|woke up)\b|\ball (?:good|fine|settled) now\b|"
                     # (a turn opening with the picture settled: "settled, pulled back. was that too much sedation?")
                     r"^(?![\s\S]*\b(?:but|still|again|worse|worsening|now (?:she|he|they) (?:can'?t|cannot|has|have))\b)\W*(?:ok(?:ay)?,?\s+)?(?:all )?(?:settled|resolved)\s*[,.;:-]|"
                     # ("ok settled with midaz.", "naloxone worked": not with a sign or a fall told after it)
                     r"^(?![\s\S]*\b(?:but|still|though|although|yet|again|then|later|GCS|not|unresponsive|grey|gray|dropping|falling|"
                     r"gurgl\w*|strid\w*|apn\w*|desat\w*|HR\s*[1-4]\d|BP\s*[4-8]\d)\b)"
                     r"(?:[\s\S]*?(?:^|[.;,]\s*)(?:ok|okay|right|good)?[,.]?\s*(?:seizure |fits? )?settled (?:with|after|on|now)\b|"
                     # (the rescue told as having worked: "naloxone worked. how do we stop this happening next time?")
                     r"[\s\S]*?\b(?:naloxone|narcan|lipid|intralipid|midaz\w*|benzo\w*|adrenaline|epinephrine|atropine|ephedrine) "
                     r"(?:worked|has worked|did the trick)\b)|"
                     r"^(?![\s\S]*\b(?:but|still|though|although|yet|not responding|unresponsive|GCS)\b)[\s\S]*?"
                     r"(?:\b(?:pinking|pinked|perking|perked) up\b|\bcolou?r (?:has )?(?:come|coming) back\b|\blooking (?:much |a lot )?better\b)|"
                     r"(?<!not )(?<!n't )(?<!not fully )(?<!not really )(?<!only )(?<!barely )(?<!hardly )(?<!partly )(?<!partially )"
                     r"\b(?:awake|alert|responsive) (?:now|again)\b(?! to pain)|(?<!not )(?<!n't )\bback (?:in|to) sinus(?: rhythm)?\b|"
                     r"\bsinus rhythm (?:now|restored|again)\b|\balert and orient\w*|\bGCS (?:now )?15\b(?![^.;?]{0,30}\bGCS\b)(?! earlier| before| initially)|"
                     r"\b(?:now |is now |'s now |currently )?(?:asymptomatic|symptom-free)\b|\bno (?:more |further )?symptoms (?:now|any more|anymore)\b|"
                     # a device out and when to put one back asked ("explanted, MRSA grew - when can we re-implant?"): the
                     # infection's treatment is done, what is asked comes weeks later (not "re-implanted 2 weeks ago, temp 38.9")
                     r"\b(?:when|how soon|how long)\b[^.?]{0,30}\bre-?implant(?!ed)\b|\bre-?implant(?:ation)? (?:when|timing)\b|"
                     # (the plan once it is over: "if it settles can we still go ahead with the full implant?")
                     r"\b(?:if|once|when|after) (?:it|this|the infection|things?) (?:has )?(?:settles?|settled|clears?|cleared|resolves?|resolved)\b"
                     r"(?=[^.?]{0,60}\b(?:go ahead|proceed|implant|re-?implant|trial|do (?:it|the)))", re.I),
    "zh": lazy(r"(?:已经|现在|目前)?(?:稳定了|平稳了|好转了|缓解了|恢复了|醒了|没事了|好了|缓过来了|稳住了|稳下来了)|(?<![没未])(?<!没有)(?<!还没)(?<!仍未)(?<!尚未)恢复(?:了)?窦(?:性心)?律|"
                     r"(?<![不未])(?:意识|神志)(?:已经?)?(?:清楚|清醒)|(?:多久|什么时候|何时)[^，。？?]{0,10}(?:重新|再次)(?:植入|置入)(?!后)|(?:将来|以后|日后|下次|今后)[^，。？?]{0,6}(?:重新|再次|再)(?:植入|置入)(?!后)|(?:重新|再次)(?:植入|置入)(?:要|需要|得)?(?:等)?(?:多久|什么时候|何时)|"
                     # the whole patient without symptoms ("病人现在没症状了"), not one symptom gone ("头痛症状消失了")
                     # (or after what was done: "病人吸氧后没症状了")
                     r"(?:^|[，,。；;\s]|病人|患者|他|她)(?:[^，。；？?]{0,6}?(?:后|以后|之后))?(?:现在|目前|已经)?(?:没(?:有)?症状了|症状都(?:消失了|没了))"),
}
SETTLED = {lang: _Unnegated(rx, _UNDONE_BEFORE[lang], _UNDONE_AFTER[lang]) for lang, rx in SETTLED.items()}  # type: ignore[misc]
# ... and, told in a follow-up, a sign that is going ("hives fading", 疹子退了) or readings back to normal (not negated:
# "not improving", "没有消退", "不正常了" are no settling)
# A deficit told gone in the words of its signs ("vision back, moving all four limbs", 视力恢复了，四肢也能动了).
_DEFICIT_GONE = {"en": r"\b(?:vision|sight|power|strength|sensation|movement)\s+(?:is\s+|has\s+)?(?:back|returned|recovered|normal|cleared|clear again)\b|"
                       r"\bmoving (?:all|both) (?:four )?(?:limbs|legs|arms)\b|\bcan (?:see|walk|move (?:her|his|both|all) \w+) (?:again|now|normally)\b|"
                       r"\bfull power\b",
                 "zh": r"(?:视力|视物|肌力|感觉|力气|四肢|双腿|双下肢|下肢|手脚)[^，。]{0,4}(?:恢复了|能动了|可以动了|正常)|看得见了|能看见了|看清楚了|看清了|(?:视物|看东西)不模糊了"}
FADING = {
    "en": lazy(r"(?<!not )(?<!n't )(?<!no )(?<!never )\b(?:fading|resolving|subsiding|settling|improving)\b|"
               + _DEFICIT_GONE["en"], re.I),
    "zh": lazy(r"(?<![没未不])(?<!没有)(?<!还没)(?:(?:都)?恢复(?:到)?正常(?:了|水平)|(?:都)?正常了|回升了|清醒了|醒过来了|(?:在|已经|逐渐)?消退(?:了)?|"
                     r"减轻了|退了|" + _DEFICIT_GONE["zh"] + ")"),
}
# ... or told resolved in so many words: a deficit pathway then ends (stable vital signs alone do not end it)
DEFICIT_GONE = {"en": lazy(r"\bresolved\b|\brecovered\b|" + _DEFICIT_GONE["en"], re.I), "zh": lazy(_DEFICIT_GONE["zh"])}
# A follow-up that tells normal-range vital signs ("gave adrenaline, BP 115/70 now, can we finish today?"), read only when it
# names no symptom of its own: the emergency is over.
_NORMAL_BP = {"en": _BP["en"] + r"(?:9\d|1[0-4]\d)\s*/\s*[5-9]\d\b", "zh": _BP["zh"] + r"(?:9\d|1[0-4]\d)\s*/\s*[5-9]\d(?!\d)"}
NORMAL_VITALS = {
    "en": lazy(_NORMAL_BP["en"] + r"|"
                     r"\b(?:hr|heart rate)\b (?:is |now |back (?:up )?to |up to )+(?:[6-9]\d|100)\b|"
                     r"\b(?:sats?|spo2)\b (?:is |are |now |back (?:up )?to |up to )+(?:9[4-9]|100)\s*%?|\bback (?:up )?to (?:9[4-9]|100)\s*%\s*(?:on (?:room )?air|on RA|RA)\b|"
                     # ("sats 97% on air, comfortable": a saturation told normal on air)
                     r"\b(?:sats?|spo2)\s*(?:9[4-9]|100)\s*%?\s*(?:on (?:room )?air|on RA|RA|on (?:O2|oxygen|\d+\s*L))\b|"
                     r"\b(?:rr|resp(?:iratory)? rate|resps)\b (?:is |now |back (?:up )?to |up to )*(?:1[0-9]|20)\b|"
                     r"\b(?:vitals|obs|observations|bp|blood pressure|sats|spo2|hr|heart rate)\b (?:are |is )?(?:now |all )?"
                     r"(?:normal|fine|ok|okay|stable|normali[sz]ed|back (?:to normal|up))\b", re.I),
    "zh": lazy(_NORMAL_BP["zh"] + r"|心率(?:回到|恢复到|升到|回升到)\s*(?:[6-9]\d|100)|(?:SpO2|spo2|血氧|氧饱和度)\s*(?:回到|升到|恢复到|回升到)\s*(?:9[4-9]|100)|(?:呼吸|呼吸频率|RR)\s*(?:回到|升到|恢复到|回升到)?\s*(?:1[0-9]|20)\s*次?(?!\d)|(?:SpO2|spo2|血氧|氧饱和度)\s*(?:9[4-9]|100)\s*%|(?:血压|心率|生命体征|指标)(?:和心率|心率)?(?:都|均|已经|已)*(?:正常|平稳|稳定|稳(?:了|住了)?(?=[，,。；;\s]|$))|"
                     r"(?:BP|血压)\s*(?:和|、)?\s*(?:HR|心率)\s*都(?:正常|平稳|稳定|稳(?:了|住了)?(?=[，,。；;\s]|$))"),
}
# A new sign told beside "stable now" ("stable now but she has new weakness"): the emergency goes on.
NEW_SIGN = {"en": lazy(r"\bbut (?:now|then)\b|\bnew\b|\bnow (?:has|she|he|they)\b|\bagain\b|\bworse\b", re.I),
            "zh": lazy(r"但是?现在|又出现|又开始|新出现|突然|加重|更差|又睡(?:过去|着)|又叫不醒|又昏睡|又不醒|又抑制")}
# The next turn of an emergency: its work-up's result or "and now?" ("CT做了，骨水泥漏到椎管里，然后呢", "MRI shows a
# collection, now what?") goes on with the picture of the turn before.
GOES_ON = {
    "en": lazy(r"\b(?:then what|now what|what next|what now|and now|next step|(?:ct|mri|scan|x-?ray|imaging|labs?) "
                     r"(?:done|back|shows?|showed|came back|confirms?|confirmed)|(?:ct|mri|ctpa|scan|x-?ray|imaging)\s*[:–-]\s*\w|still\b|"
                     # a plan to wait it out asked ("oral keflex and watch for a week?"): the picture is still there
                     r"(?:watch|observe)(?: and see| it)?(?: for| over)? (?:a|one|two|three|\d+|the) (?:days?|weeks?|nights?)|"
                     r"just (?:watch|observe)\b|\bwait and (?:see|watch)\b|\bwait\b[^.?]{0,20}\bon (?:oral |po )?(?:abx|antibiotics?)\b|"
                     r"\bwait it out\b)", re.I),
    "zh": lazy(r"然后呢|接下来|下一步|怎么办|咋办|怎么处理|观察(?:一|两|几|1|2|3)(?:周|天|晚|段时间)|先(?:口服|观察)|先等等看|(?:CT|MRI|核磁|片子|检查|化验)(?:也)?(?:做了|结果|显示|提示|回报|见|确认|证实|确诊)|还是|仍然|依然|还在|仍在", re.I),
}

# A procedure still to come ("needs an L5 TFESI", 这次要做): with a history cue ("hx anaphylaxis to contrast", 以前出过荨麻疹)
# the question plans around an old reaction, however it ends ("what now?", 怎么办), unless it also says the picture is
# happening now (during the injection, suddenly, 正在).
_PLANNED = {
    "en": r"\b(?:scheduled|booked|planned|planning|needs?|(?<!was )(?<!were )(?<!is over)due|upcoming|tomorrow|tmrw|tmr|tomoz|next (?:week|month|time))\b|coming (?:in|up) for|"
          r"\bconsenting (?:her |him |them |a |the )?(?:pt |patient )?for\b|"
          r"\bhow (?:do|should|can) (?:i|we) do (?:her|his|their|the|this|a|an)\b|\b(?:do|doing) (?:it|her \w+|his \w+|the \w+) safely\b|"
          # (afraid to have one of ours: "she is now terrified to have her lumbar ESI"; never "worried about having weakness now")
          r"\b(?:afraid|scared|terrified|frightened|nervous|anxious|worried) (?:to have|of having|about having) (?:her|his|their|the|a|an|this|another) "
          r"(?:[\w-]+ ){0,3}(?:esi|tfesi|ilesi|injection|block|procedure|rfa|ablation|epidural|kyphoplasty|vertebroplasty|scs|trial|implant)\b",
    "zh": r"(?:这次|下次|准备|计划|打算|拟|下周|明天|择期).{0,3}(?:要做|做|行|安排)|预约|择期|"
          # (a reaction before, this time's procedure asked: "以前做增强CT起过荨麻疹，这次TFESI造影怎么办"; 这次 alone is often
          # the procedure just done)
          r"下次[^，。？?]{0,10}(?:造影|注射|阻滞|射频|手术|操作)|"
          r"(?:以前|既往|曾经|上次)[^？?]{0,20}(?:过敏|荨麻疹|风团|反应)[^？?]{0,20}这次[^，。？?后完了]{0,10}(?:造影|注射|阻滞|射频|手术|操作)"
          r"(?![^。？?]*(?:后|完|以后|之后|了|晚上|小时|分钟|结束))",
}
_HAPPENING = {
    "en": r"\bright now\b|\bsuddenly\b|\bduring\b|\bjust (?:had|became|developed|started|went)\b|\bis having\b|\bon the table\b|"
          r"\bnow (?:has|having|with|got|develop\w*|complain\w*|seiz\w*|unresponsive|drifting|dozing|nodding)\b|"
          r"\bminutes? (?:ago|after)\b|\b(?:off|drowsy|sleepy|sedated|apn(?:o)?eic|seizing|hypotensive) again\b",
    "zh": r"正在|突然|刚刚|刚才|术中|注射时|推完|打完|做完|现在.{0,4}(?:出现|有了|开始)|已经出现|" + AGAIN_ZH + "|" + _SIGN_AFTER_INJECTION_ZH,
}


# A patient known to react to contrast, told before a planned procedure ("pt w hives to iodinated contrast for caudal ESI.
# can i just skip contrast?"): not a reaction now, unless anything in the question tells one happening ("during the
# caudal", "5 minutes after", "what do I do", a pressure, wheeze).
_KNOWN_REACTOR = r"\b(?:w/?|with|h/o|hx of|history of|known) (?:a )?(?:hives|rash|urticaria|reaction) to (?:iodinated |iodine |iv |ct )?(?:contrast|dye|iodine)\b"
_FOR_A_PLAN = (r"\bfor (?:a |an |the |his |her |their )?(?:[\w-]+ ){0,2}(?:esi|tfesi|injection|block|procedure|caudal|epidural|rfa?|mbb)\b"
               r"|\b(?:can|should|could) (?:i|we) (?:just )?(?:skip|use|avoid|give|premedicate|do without)\b")
_REACTING = (r"\bafter (?:the |his |her |my |our )?(?:[\w-]+ ){0,2}(?:inject\w*|caudal|esi|tfesi|block|contrast)\b|what (?:do|should) (?:i|we) do"
             r"|\btreat(?:ing)? (?:it|her|him|now)\b|\bgetting worse\b|\bworsening\b|\bwheez\w*|\bstridor\b|\bbp\b|\bsats?\b|\bspo2\b"
             r"|\bhypotens\w*|\bswelling\b|\bnow\b|\bjust (?:now|happened|started|developed|came)\b")


def _without_known_reactor(q: str, lang: Lang) -> str:
    """The question without a known contrast reaction told as history before a planned block (`_KNOWN_REACTOR`)."""
    if lang != "en" or not _rx(_KNOWN_REACTOR).search(q) or not (_rx(_FOR_A_PLAN).search(q) or _rx(_PLANNED["en"]).search(q)) \
            or _rx(_HAPPENING["en"]).search(q) or _rx(_REACTING).search(q):
        return q
    return _rx(_KNOWN_REACTOR).sub(" ", q)


# What a patient read or heard might happen ("病人在网上看到打硬膜外激素会瘫痪、失明甚至死亡"): harms told as hearsay, to
# the end of their Chinese clause, are no signs (a sign told in the next clause still is; an English sentence has no such
# bound, "she read it can paralyse you and now she can't feel her legs", so it is not read: review 48)
# ... in English up to the patient told again ("read online that ESIs cause paralysis, blindness and stroke and now she's
# refusing"), never over a sign of her own ("read online it can cause blindness and her vision is blurry"): the harms read
_READ_ABOUT_EN = lazy(r"\b(?:read|saw|seen|heard|googled|found)\s+(?:it\s+)?(?:online|on (?:the )?(?:internet|net|web|google|facebook|"
                      r"tiktok|youtube|a forum|social media))(?:(?!(?:,\s*|\b(?:and|but|so)\s+)(?:and\s+)?(?:now|she|he|her|his|the|pt|patient|"
                      r"they|today|this|my|our)\b)(?!\bnow\b)[^.;?!])*", re.I)
_READ_ABOUT_ZH = lazy(r"(?:在)?(?:网上|百度|抖音|朋友圈|听人)(?:看到|查到|搜到|说|讲)(?:说)?[^，。；？?]{0,20}(?:会|可能|能)[^，。；？?]*")
# (a reaction told after the brackets, "现在注射后喘憋": the brackets' history does not hide it)
_ALLERGEN_ZH = r"(?:对[^，。？?（(]{1,8}|青霉素|头孢|磺胺|碘|造影剂|对比剂|海鲜|乳胶|氯己定)过敏"  # (an allergy told by its allergen, 碘造影剂过敏)
_NOT_AFTER_BRACKETS = r"(?![^。？?]*(?:现在|刚|正在|推完|打完|造影后|(?:注射|注入|推注?)[^，。？?]{0,6}后))"
# A known allergy told as the patient's history, with the reaction it once gave in brackets ("pen allergic (rash)",
# "青霉素过敏（皮疹）"): no sign of a reaction now (the words are left out before the symptoms are read; a reaction told
# beside it, "hives and wheeze after the contrast", is still read).
_ALLERGY_HISTORY = {
    "en": r"\b(?:pen(?:icillin)?|cephalosporins?|sulfa|iodine|contrast|latex|shellfish|seafood|chlorhexidine|cefazolin|[a-z]+cillin)[- ]?"
          r"allerg(?:y|ic)\b(?:\s*\((?:a |an )?(?:rash|hives|urticaria|itch\w*|swelling|anaphylaxis)\))?"
          # (the reaction it once gave told after a dash: "penicillin allergic - anaphylaxis to amoxicillin")
          r"(?:\s*[-–:,]\s*(?:had |has had )?(?:a |an )?(?:anaphylaxis|anaphylactic reaction|rash|hives|urticaria|swelling)"
          r"(?: to (?:amoxicillin|penicillin|ampicillin|[a-z]+sporins?)| (?:years?|months?) ago| as a child)\b"
          r"(?![^.?;]{0,30}\b(?:now|during|right now|just|after the|today)\b))?|"
          r"\ballerg(?:y|ic) to [\w-]+(?: [\w-]+)?\s*\((?:a |an )?(?:rash|hives|urticaria|itch\w*|swelling|anaphylaxis)\)|"
          # (an anaphylaxis the patient is known for, to a drug no pain procedure gives: "pt has anaphylaxis to penicillin",
          # "anaphylactic to pen", "h/o anaphylaxis to cephalosporins")
          # (never a reaction going on: "pt anaphylactic to cefazolin, tongue swelling, stridor")
          r"\b(?:has|had|h/o|hx of|history of|known) (?:an? )?(?:anaphylaxis|anaphylactic(?: reaction)?|severe allergy) "
          r"(?:to|with) (?:pen(?:icillin)?s?|[a-z]+cillin|cephalosporins?|nuts?|peanuts?|shellfish|seafood|bee stings?|wasps?)\b"
          r"(?![^.?]{0,60}\b(?:now|during|right now|just|after the|today|swell\w*|stridor|wheez\w*|hives|urticaria|rash|bp|sats?|"
          r"hypotens\w*|tongue|lips?)\b)|"
          # (a reaction told in the past: "had hives after iodinated contrast last year")
          r"\b(?:had|developed|got) (?:a |an )?(?:hives|rash|urticaria|itch\w*|reaction)\b[^.,;?]{0,40}\b(?:last (?:year|time|month)|(?:years?|months?) ago)\b",
    "zh": _ALLERGEN_ZH + r"(?:史)?[（(](?![^）)]*(?:刚|现在|正在|推完|注射后|注入后|喉头|喘|血压\s*\d))[^）)]{0,24}[）)]" + _NOT_AFTER_BRACKETS + r"|"
          # (the reaction it gave last time told in the brackets, airway signs too: "碘造影剂过敏（上次荨麻疹+喉头水肿）")
          + _ALLERGEN_ZH + r"(?:史[（(]|(?:史)?[（(]\s*(?:上次|上一次|以前|既往|之前|曾经?|去年|前年|几年前))"
          r"(?![^）)]*(?:刚|现在|正在))[^）)]{0,24}[）)]" + _NOT_AFTER_BRACKETS + r"|"
          # (a reaction told in the past: "之前打显影剂起过荨麻疹", "去年用造影剂出过皮疹")
          r"(?:之前|以前|既往|曾经|上次|去年|前年|几年前)[^，。？?]{0,12}(?:起过|出过|出现过|发生过|有过|发过)[^，。？?]{0,6}(?:荨麻疹|皮疹|过敏|瘙痒|红疹|风团)",
}
# A symptom told as the reason for the procedure, with its cause ("TFESI for leg numbness from stenosis", "booked for
# arm weakness due to C6 radiculopathy", 因腰椎管狭窄下肢麻木, 椎间盘突出伴下肢麻木): the indication, not a new deficit (read
# out before the symptoms; a change told beside it, "now weaker", "TFESI后麻木加重", is still read)
_INDICATION = {
    "en": r"\bfor (?:(?:her|his|their|the|a|an|chronic|long-?standing|known|bilateral|left|right|[lr]|legs?|arms?|feet|foot|hands?|"
          r"lower[- ]limb|upper[- ]limb|radicular)[- ])*(?:numbness|weakness|tingling|pins and needles|paraesthesi\w*|paresthesi\w*|"
          r"foot drop|radicul\w*|sciatica)(?: and (?:[\w-]+ )?(?:numbness|weakness|tingling|pain))?\b[^.;?!]{0,12}?"
          r"\b(?:from|due to|secondary to|caused by|because of)\b[^.;?!]{0,30}?\b(?:stenosis|discs?|hernia\w*|prolapse\w*|"
          r"protrusion|bulge|radiculopathy|spondylo\w*|foramin\w*|HNP|DDD)\b",
    "zh": r"(?:因|由于)[^，。？?；]{0,12}(?:狭窄|突出|膨出|神经根病|神经根炎)[^，。？?；后]{0,8}(?:麻木|无力|麻)|"
          r"(?:狭窄|突出|膨出)(?:导致|引起|所致|伴)的?[^，。？?；后]{0,6}(?:麻木|无力|麻)|"
          # (a chief complaint of weeks or more before a planned procedure: "患者主诉腰痛伴双下肢无力1月…拟行腰椎硬膜外注射")
          r"主诉[^。？?；]{0,30}?\d+\s*(?:个)?(?:月|年|周)(?=[^。？?；]{0,30}?(?:拟行|拟做|准备做|计划做|拟于))",
}
# ... never when the symptom is told after the procedure, as new or worse, or with a collection compressing the cord
_AFTER_IT_TOLD = {"en": r"\b(?:after|post|since|yesterday|last night|called back|rang|phoned|presented|admitted|seen in|ED|A&E|ER|"
                        r"emergency|new|newly|worse|worsening|progressive|sudden\w*|now)\b|ha?ematoma|abscess|cauda equina|cord compression",
                  "zh": r"术后|打完|做完|注射后|之后|以后|后第|第[\d一二三四五六七八九十]+天|昨天|来急诊|急诊|新发|新出现|加重|越来越|突然|现在|血肿|脓肿|马尾"}


def indication_told(question: str, lang: Lang) -> re.Pattern[str] | None:
    """The pattern of a symptom told as the reason for a procedure ("TFESI for leg numbness from stenosis - precautions?",
    因腰椎管狭窄下肢麻木): read out before the symptoms, unless anything places a symptom after the procedure or as new."""
    return None if _rx(_AFTER_IT_TOLD[lang]).search(question if lang == "zh" else f" {question} ") else INDICATION[lang]


INDICATION = {lang: lazy(rx, re.I) for lang, rx in _INDICATION.items()}
_NEGATED = {
    # ("now no power in her legs", "no sensation below the knee": a deficit told, not a sign denied)
    "en": r"\b(?:no(?!\s+longer\b)(?!" + _LIMB_LOST + r")(?!\s+(?:palpable\s+)?(?:pulse|bp|blood pressure|cardiac output)\s*(?:$|[-–—,.;:?!]|(?:and|now|felt|found|recordable|after|since|at|in|during|with|on)\b))|without|denies|denied|absent(?!\s+(?:breath(?:ing)? sounds|air entry|pulses?)\b)|not any|not (?:having|a|an)|isn'?t (?:having )?(?:a|an)|"
          r"not (?=(?:red|tender|swollen|warm|hot|inflamed|erythematous|draining|discharging|oozing)\b)|non-?tender)\b[^.;,:?!]*|"
          # (normal findings told: "bladder and bowels fine", "legs strong", "full power")
          r"\b(?:bladder|bowels?|sphincters?|continence)\b(?:(?!\bnot\b|n't|\bab)[^.;,?!]){0,16}\b(?:fine|normal|ok|okay|intact|unaffected)\b|"
          r"\blegs? (?:are |feel )?strong\b|\b(?:power|strength) (?:is )?(?:normal|full|5/5)\b|\bfull power\b|"
          + _LEGS_DENIED["en"],  # (the legs' deficit denied: "legs not weak or numb", "legs aren't numb")
    # 无力 and 没劲 are weakness, 没感觉 numbness, 没呼吸 apnoea, 泵没药了 a pump run dry: symptoms, not negations; 还没打针 is "not yet";
    # 无水酒精 is anhydrous alcohol
    "zh": r"(?:(?<!是)不是|并非|没有(?!这么|如此|力|劲|(?:自主)?呼吸(?:了|[，,。；;！!？?\s]|$|没有)|(?:了)?(?:脉搏|心跳)(?:了|[，,。；;！!？?\s]|$|没有))|未见|否认|不伴|未出现|无(?![力法菌创名水])|不(?=发烧|发热|烧)|"
          r"(?<!还)没(?![劲力有法事了啦打做推扎进到用吃停开]|药了|药水了|感觉|知觉|反应|呼吸|气|心跳|脉|意识|声|尿|小便|大便|办法|注射|这么|如此))[^，,。；;：:？?！!]*|"
          # (normal findings told: "大小便正常", "腿有力", "肌力正常")
          r"(?:大小便|二便|排尿|排便|小便|大便)[^，,。；;？?不非未异]{0,3}(?:正常|无异常|没问题|都好)|(?<![无没])(?:有力|肌力正常|活动正常)|"
          # (a sign denied by itself, "腿不麻也不软": only those words, never the clause after them, "不麻了但是腿软")
          r"(?<![是还])(?:(?:双|两条?)?(?:腿|下肢|脚)(?:也|都)?)?(?:一点(?:都|也))?不(?:麻|软)(?:了)?(?:也不(?:麻|软)(?:了)?)?",
}


# Onset hours or days after the procedure ("yesterday", "overnight", 第二天, 今早 ...), unless the question also places it
# during or right after the injection; and an anticoagulant or antiplatelet drug restarted since the procedure.
_DELAYED = {
    "en": r"\byesterday\b|\b(?:the )?(?:day|morning|evening|night) after\b|\bnext (?:day|morning|evening|night)\b|"
          r"\bthis (?:morning|am|a\.m\.|afternoon|evening)\b|\bovernight\b|\blast (?:night|evening)\b|\btonight\b|\bwoke (?:up )?(?:with|and)\b|"
          r"\bon waking\b|\bearlier today\b|\blater (?:that|the same) day\b|\b(?:\d+|a few|few|several|two|three|some) ?(?:h|hrs?|hours?|days?|wks?|weeks?|months?) "
          r"(?:later|after|post|ago|since)\b|\bhours? later\b|\bdays? (?:later|ago)\b|\bpost[- ]?(?:op|procedure) day\b|\bPOD ?\d\b|"
          r"\bday (?:[1-9]|one|two|three) (?:after|post)\b|\b(?:went|sent|got) home\b|\bsince (?:discharge|going home)\b|\bat home\b|"
          # (the procedure's weekday: "L4/5 TFESI tues, … now can't lift either leg")
          r"\b(?:mon|tues?|wed|weds|thu|thur|thurs|fri)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    "zh": r"周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|昨天|昨日|昨晚|昨夜|前天|第[二三四五六七2-7]天|次日|次晨|隔天|隔日|翌日|今早|今晨|今天早上|今天上午|早上起床|晨起|起床后|睡醒|醒来|"
          r"夜间|夜里|半夜|当晚|今晚|回家后|出院后|几个?小时后|数小时后|\d+\s*个?小时后|天后|\d+\s*天前|术后第\s*[一二三四五六七\d]+\s*天|"
          r"(?:上午|早上|早晨)\s*\d{1,2}\s*点.{0,20}(?:现在|到了?)\s*(?:下午|晚上|傍晚)|"
          # (this morning's list, told now: "上午L4/5 TF打完的老太太 现在说俩腿没劲")
          r"(?:上午|早上|中午|下午)[^，。？?]{0,14}(?:打完|做完|做的|打的)(?=[\s\S]*(?:现在|晚上|夜里|半夜|傍晚|回家后|回家以后))|"
          r"(?:上午|早上)[^，。？?]{0,14}(?:打完|做完|做的|打的)(?=[\s\S]*下午\s*\d)|"
          r"后\s*[\d一二三四五六七两几]+\s*(?:天|日|周|小时)|当天(?:晚上|夜里)|一周|"
          r"(?:植入|置入|放置|做完|术后)了?\s*[\d一二三四五六七两几]+\s*(?:天|日|周)",
}
_IMMEDIATE = {
    "en": r"\bright after (?:the )?(?:inject|push|giv)|\bimmediately\b|\bduring\b(?! the (?:night|evening|day))|\bwhile (?:inject|I was|we were|giving|pushing)|"
          r"\bon the table\b|\bmid[- ]?(?:injection|procedure)\b|\bas (?:I|we) (?:inject|push|gave)|\bseconds? (?:after|later)\b",
    "zh": r"注射时|注药时|推药时|注射中|注射过程中|术中|操作中|当场|当即|立刻|随即|即刻|台上|刚注射完|刚注完|刚推完|刚打完|"
          # (not told fine at the time: "当时就好好的", "推药的时候没什么感觉")
          r"(?:推|注|打)完(?:药)?(?:就|马上)|(?:打|推|注|做)(?:药)?的时候(?![^，。？?]{0,3}(?:没什么|没有|没啥|挺好|好好的|正常|没事))|过程中|"
          r"当时就(?!好|没事|挺好|还好|正常)",
}
_RESTART = {
    "en": r"\b(?:re-?start|resum|re-?commenc|re-?initiat)\w*|\bback on\b|\bstarted (?:back|again)\b|"
          r"\b(?:took|had|gave|given) (?:her|his|their|the|a) (?:first |usual |next |morning |evening |bedtime )?(?:dose|pill|tablet|jab|injection)",
    "zh": r"恢复(?:服|吃|用|使用|口服|注射|打|抗凝|抗血小板|抗栓)|重新(?:开始)?(?:服|吃|用|使用|注射|打)|又开始(?:服|吃|用|打)|继续(?:服|吃|用|打)|开始(?:服|吃|用|打)|已经?(?:服|吃|用|打)了",
}
_ANTITHROMBOTIC = {
    "en": r"anticoag|antiplatelet|blood thinner|heparin|enoxaparin|lovenox|clexane|warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|"
          r"dabigatran|pradaxa|edoxaban|savaysa|lixiana|clopidogrel|plavix|ticagrelor|brilinta|prasugrel|effient|aspirin|\bDOAC\b|\bLMWH\b",
    "zh": r"抗凝|抗血小板|抗栓|华法林|肝素|阿哌沙班|利伐沙班|达比加群|依度沙班|艾多沙班|氯吡格雷|替格瑞洛|普拉格雷|阿司匹林|艾乐妥|拜瑞妥|泰毕全|"
          r"波立维|泰嘉|倍林达|克赛|速碧林|DOAC|Eliquis|Xarelto|Plavix",
}


# A stimulator's therapeutic paraesthesia and its coverage ("paresthesia coverage was great", 刺激覆盖): no symptom.
_THERAPY = {
    "en": r"pa(?:ra|r)?esthesias?\s+(?:coverage|map\w*)|(?:stim(?:ulation)?|therapy)\s+pa(?:ra|r)?esthesias?|\bcoverage\b",
    "zh": r"刺激(?:感|覆盖)|异感覆盖|覆盖范围|覆盖区|刺激(?:感)?(?:跑|移|转)",
}
# The twitch a radiofrequency probe's stimulation test gives ("motor stim at 2V gives leg/foot twitch", 运动刺激时腿抽动): the
# test's own answer (the probe sits near a motor nerve), never a toxicity sign or a new deficit.
_STIM_TEST = {
    # (the twitch of the stimulated segment, tied to the stimulation with nothing given between: not "after motor stim we
    # injected 2 ml lido and now pt twitching all over")
    "en": r"\b(?:motor|sensory|sens)\s*stim\w*(?:(?!\b(?:inject\w*|lido\w*|bupi\w*|ropi\w*|gave|given|all over|seiz\w*|whole body|fac\w*|lips?|perioral|arms and legs)\b)[^.;?]){0,30}?"
          r"\b(?:(?:leg|foot|calf|thigh|back|paraspinal|multifidus|buttock|arm|hand|neck)\s+)?(?:twitch\w*|contraction\w*|fasciculat\w*)|"
          r"\b(?:leg|foot|calf|thigh|paraspinal|multifidus|buttock)\s+(?:twitch\w*|contraction\w*|fasciculat\w*)[^.;?]{0,12}\b(?:on|with|at|during) (?:the )?(?:motor |sensory )?stim\w*",
    "zh": r"(?:运动|感觉)刺激(?:(?!注射|推|利多卡因|布比卡因|罗哌卡因|全身|抽搐|四肢|面部|脸|口周)[^，。；？?]){0,10}?(?:下肢|腿|足|脚|臀|背部?|椎旁)?(?:抽动|跳动|收缩|肌颤)",
}
# A stimulator's paraesthesia that has moved ("SCS pt says the paresthesia suddenly moved to his belly"): lead migration,
# read as the therapy only beside a stimulator (after an injection, paraesthesia that spreads is a new deficit).
_STIM_MOVED = {"en": r"pa(?:ra|r)?esthesias?\s+(?:\w+\s+){0,2}(?:moved|shifted|migrated|changed|jumped)|"
                     r"(?:lost|lose|losing|no longer (?:feels?|gets?|has)) (?:the |his |her |their )?(?:stim\w*|pa(?:ra|r)?esthesias?|tingling|coverage)",
               # (the legs' feeling told lost with it is the stimulation's: "刺激感跑到肚子上了，腿上没感觉了")
               "zh": r"(?:(?:刺激|电刺激|麻)(?:感)?)?跑到了?(?:肚子|屁股|臀部?|腰|背|胸|肋|腹)[^。？?]{0,8}?[，,\s]*(?:腿|下肢)上?(?:就)?(?:没感觉|没有感觉|没了|没有了)了?|"
                     # (the legs' tingling the stimulation gave, "原来腿上那种麻麻的刺激感跑到屁股上了"; its shocks, told
                     # with the remote: "一阵一阵像过电一样，遥控器调低了还是有")
                     r"(?:原来)?(?:腿|下肢)上?(?:那种|的)?麻麻的|(?:一阵一阵)?像过电一样(?=[\s\S]*(?:遥控器|调低|调小|关掉|关机|程控))|"
                     r"(?:刺激|电刺激)(?:感)?(?:跑到|移到|转到)|(?:麻感|麻的感觉|刺激感|发麻的感觉)(?:没了|消失了?|不见了|变了|跑了)|"
                     r"(?:麻感|刺激感)(?:跑到|移到|转到)|"
                     # ("原来覆盖的区域 paresthesia 没了": the coverage lost, told in both languages)
                     r"(?:pa(?:ra|r)?esthesias?|覆盖(?:的)?(?:区域|范围|部位)?)[^，。？?]{0,12}?(?:没了|消失了?|不见了|变了|跑了)"}
_STIMULATOR = {"en": r"\bstim\w*|\bSCS\b|\bDRG\b|\bleads?\b|\bIPG\b",
               "zh": r"刺激器|电极|脊髓电刺激|SCS|DRG|IPG|stimulat|(?<![A-Za-z])lead"}


def delayed_onset(question: str, lang: Lang, concepts: Collection[str] = ()) -> bool:
    """Did the event start hours or days after the procedure (not during or right after the injection), or after an
    anticoagulant or antiplatelet drug was restarted? Then a new deficit is a haematoma, not an immediate cord infarct."""
    anti = "antithrombotic" in concepts or bool(_rx(_ANTITHROMBOTIC[lang]).search(question))
    if anti and _rx(_RESTART[lang]).search(question):
        return True
    if scanned_haematoma(question, lang):
        return True  # "MRI shows an epidural haematoma": whenever it began, it is a haematoma, not a cord infarct
    return (bool(_rx(_DELAYED[lang]).search(question)) or _clock_hours(question, lang) >= 1) and not _rx(_IMMEDIATE[lang]).search(question)


# The procedure's time and the time now, told by the clock ("TFESI at 2pm … now 11pm", 上午9点做的…现在下午3点)
_CLOCK = {"en": lazy(r"\bat (\d{1,2})(?::(\d\d))? ?(am|pm|a\.m\.|p\.m\.)\b.{0,100}?\bnow(?: it'?s)? (\d{1,2})(?::(\d\d))? ?(am|pm|a\.m\.|p\.m\.)", re.I),
          "zh": lazy(r"(上午|早上|早晨|下午|晚上)\s*(\d{1,2})\s*点(?:(\d{1,2})分?)?.{0,30}?(?:现在|到了?)\s*(上午|早上|早晨|下午|晚上|傍晚)\s*(\d{1,2})\s*点(?:(\d{1,2})分?)?")}


def _clock_hours(question: str, lang: Lang) -> float:
    """Hours from the procedure's clock time to the time now, both told ("at 2pm … now 11pm": 9); 0 when not told."""
    m = _CLOCK[lang].search(question)
    if m is None:
        return 0.0
    if lang == "en":
        h1, m1, p1, h2, m2, p2 = m.groups()
        pm1, pm2 = p1.lower().startswith("p"), p2.lower().startswith("p")
    else:
        p1, h1, m1, p2, h2, m2 = m.groups()
        pm1, pm2 = p1 in ("下午", "晚上"), p2 in ("下午", "晚上", "傍晚")
    def clock(h: str, mins: str | None, pm: bool) -> float:
        return (int(h) % 12 + (12 if pm else 0)) + (int(mins) / 60 if mins else 0.0)
    return (clock(h2, m2, pm2) - clock(h1, m1, pm1)) % 24




# A spinal haematoma a scan has shown ("MRI shows an epidural haematoma", "核磁提示硬膜外血肿"): not one it ruled out
# ("negative for", "excluded", 排除, 不支持), one still to look for ("to rule out", "if the MRI shows", 如果, 准备), one
# elsewhere or old (a groin haematoma on CT, an old subdural on a head CT last year).
_SCANNED_HAEMATOMA = {"en": r"\b(?:mri|ct|scan|imaging)\b[^.?;]{0,40}\b(?:ha?ematoma|EDH|SEDH|SSEH)\b|"
                            r"\b(?:ha?ematoma|EDH|SEDH|SSEH)\b[^.?;]{0,20}\b(?:on|seen on|at) (?:mri|ct)\b",
                      "zh": r"(?:MRI|核磁|磁共振|CT)[^，。？?；]{0,15}血肿"}
_NOT_SHOWN = {"en": r"\b(?:no|not|negative|excluded?|ruled? out|rule out|doesn'?t|does not|didn'?t|without|if|whether|pending|awaiting|"
                    r"waiting|planned|to look for|old|previous|prior|last year|groin|femoral|retroperitoneal|head|scalp|subdural|intracranial)\b",
              "zh": r"排除|不支持|未见|没有|没见|无明显|如果|假如|要是|准备|等|待|是否|有无|腹股沟|头颅|颅内|硬膜下|以前|既往|去年"}


def scanned_haematoma(question: str, lang: Lang) -> bool:
    """Does the question tell a spinal haematoma a scan has shown (not ruled out, still to look for, elsewhere, or old)?"""
    for m in _rx(_SCANNED_HAEMATOMA[lang]).finditer(question):
        around = question[max(0, m.start() - 24):m.end() + 12]
        if not _rx(_NOT_SHOWN[lang]).search(around):
            return True
    return False


# A patient's own spinal haematoma a scan shows now ("MRI shows epidural hematoma after his SCS trial", 病人核磁提示硬膜外
# 血肿): not what one looks like, a protocol or a general "when the MRI shows…", one that has resolved, been evacuated or
# is years old, nor a haematoma outside the canal (paraspinal muscle, psoas, an IPG pocket).
# (this patient: "the patient", pt, he, her, 病人 — not "a 95 kg man" in a question on a regimen, nor 其他)
_THIS_PATIENT = {"en": r"\b(?:pt|my patient|the patient|this (?:patient|lady|man|woman|guy)|our patient|he|she|his|him|her)\b",
                 "zh": r"(?<!其)(?:病人|患者|他|她)"}
_PATIENT_TOLD = {"en": _THIS_PATIENT["en"] + r"|\b(?:mri|ct|scan)\b[^.?;]{0,10}\b(?:shows?|showed|confirms?|confirmed|demonstrates?)\b",
                 "zh": _THIS_PATIENT["zh"] + r"|(?:MRI|核磁|磁共振|CT)[^，。？?；]{0,6}(?:显示|提示|示|证实|说是|说有|报告|看到|发现|见到|结果是|出来是)"}
_SPINAL_HAEMATOMA = {"en": r"\b(?:epidural|spinal|intraspinal|neuraxial|intrathecal)\b[^.?;]{0,12}\bha?ematoma\b|\b(?:SEDH|SSEH)\b|"
                           r"\bEDH\b(?=[^.?;]{0,25}\b(?:[CTLS]\d|cord|cauda|canal|thecal|spin\w*|lumbar|thoracic|cervical|dorsal|ventral)\b)|"
                           r"\bha?ematoma\b[^.?;]{0,25}\b(?:cord|cauda|canal|thecal sac)\b",
                     "zh": r"(?:硬膜外|椎管内|椎管|脊髓|硬脊膜外)血肿|血肿[^，。？?]{0,10}(?:压迫脊髓|压迫马尾|椎管)"}
# (what says the haematoma is not now, not this patient's, or not in the canal; looked for around the haematoma's words)
_NOT_NOW_SHOWN = {"en": r"\b(?:years?|months?|weeks?) ago\b|\bresolv\w*|\bevacuat\w*|\b(?:was|been|were) decompressed\b|\bdecompressed (?:\d|two|three|yesterday|last)|"
                        r"\bour (?:\w+ )?protocol\b|\bprotocol for\b|\bwhen (?:the )?(?:mri|ct|scan)\b|\bwhose\b|\bin a patient\b|\bhistory of\b|"
                        r"\b(?:pocket|paraspinal(?: muscle)?|psoas|muscle|subcutaneous|wound|groin)\s+ha?ematoma|ha?ematoma (?:in|of) the (?:\w+ )?(?:pocket|psoas|paraspinal|muscle|wound)",
                  "zh": r"吸收|清除|减压后|术后恢复|既往|去年|年前|(?:囊袋|椎旁肌|腰大肌|皮下|肌肉|伤口)(?:内)?血肿|血肿时[，,]?|时其他"}


# A spinal haematoma told as the patient's ("rivaroxaban pt developed spinal epidural haematoma after ESI", 出现了硬膜外血肿):
# the deficit pathway, whatever signs are told with it.
_HAEMATOMA_TOLD = {"en": r"\b(?:developed|develops|has developed|has|got|diagnosed with|now (?:has|with))\s+(?:an? )?"
                         r"(?:(?:spinal|epidural|neuraxial|intraspinal)\s+)+ha?ematomas?\b",
                   "zh": r"(?:出现|发生|诊断为?|确诊为?|并发)了?(?:椎管内|硬膜外|脊髓)(?:硬膜外)?血肿"}


# (what makes it no haematoma of this patient now: a hypothetical, a general question, a past one, a denial)
_NOT_NOW_TOLD = {"en": r"\b(?:if|when|whether|who|anyone|every|any|once|should (?:a|the) (?:patient|pt)|in (?:19|20)\d\d|back in|"
                       r"years? ago|previous(?:ly)?|prior|history|hx|before|not|never|no)\b|\?",
                 "zh": r"如果|假如|要是|一旦|万一|若|既往|以前|之前|曾|年前|\d{4}\s*年|没有|未|不会|是否|有没有|哪些|什么样"}
_PAST_AFTER = {"en": _NOT_NOW_SHOWN["en"] + r"|\b(?:rates?|risk|incidence|(?:yrs?) ago|last (?:year|month)|in (?:19|20)\d\d|decompressed|operated|removed)\b",
               "zh": _NOT_NOW_SHOWN["zh"] + r"|以前|之前|个月前|风险|发生率|减压术后|手术后"}


def haematoma_told(question: str, lang: Lang) -> bool:
    """Is a spinal haematoma told as this patient's now ("rivaroxaban pt developed spinal epidural haematoma after ESI",
    出现了硬膜外血肿), not asked of, hoped against, denied or past ("if he develops…", "has not developed…", "in 2019",
    已经手术清除)?"""
    for m in _rx(_HAEMATOMA_TOLD[lang]).finditer(question):
        ahead = question[max(0, m.start() - 40):m.start()]
        after = question[m.end():m.end() + 60]
        if not _rx(_NOT_NOW_TOLD[lang]).search(ahead) and not _rx(_PAST_AFTER[lang]).search(after):
            return True
    return False


def shown_in_patient(question: str, lang: Lang) -> bool:
    """A spinal haematoma a scan shows now in the patient the question is about (a neuraxial-deficit picture with or
    without its signs told)."""
    return scanned_haematoma(question, lang) and all(_rx(p[lang]).search(question) for p in (_PATIENT_TOLD, _SPINAL_HAEMATOMA)) \
        and not _rx(_NOT_NOW_SHOWN[lang]).search(question)


def haematoma_shown(question: str, before: str, lang: Lang) -> bool:
    """This turn, or the turn it follows ("需要多快手术？" after the scan's result), tells a spinal haematoma shown now."""
    return shown_in_patient(question, lang) or (bool(before) and shown_in_patient(before, lang)
                                                and not _rx(_NOT_NOW_SHOWN[lang]).search(question))


# Toxicity named as what a patient (told by a weight or a person) has, with the lipid asked for ("局麻药中毒，病人60公斤，20%
# 脂肪乳怎么给？", "What lipid bolus do I give a 90 kg man with bupivacaine toxicity?"): the rescue is going on; not a
# regimen asked in general ("LAST 时 lipid emulsion 的首剂量是多少？"), a plan, or a past episode.
_TOXICITY_TOLD = {"en": r"(?-i:\bLAST\b)|local an(?:a)?esthetic (?:systemic )?toxicity|\b(?:bupi\w*|lido\w*|ropi\w*|(?-i:LA)) toxicity",
                  "zh": r"局麻药(?:全身)?(?:毒性反应|中毒)|局部麻醉药(?:全身)?(?:毒性反应|中毒)|(?-i:LAST)"}
_LIPID_ASKED = {"en": r"\b(?:lipid|intralipid)\b", "zh": r"脂肪乳|lipid|intralipid"}
_PAST_EPISODE = {"en": r"\bago\b|\blast (?:year|month|time)\b|\bprevious\w*|\bhistory of\b|\bhad (?:a |an )?(?:episode|LAST)\b|\byesterday\b|"
                        r"\bresolved\b|\bif\b|\bin case\b|\bwould\b",
                 "zh": r"以前|之前|既往|曾经|去年|上次|前发生过|昨天|已经纠正|已纠正|已经好了|如果|万一|假如"}


def _still_unstable_after_lipid(question: str, before: str, lang: Lang, concepts: Collection[str] = ()) -> bool:
    """A follow-up telling the circulation still fails ("he's still hypotensive after the bolus, what next?") after a turn on
    LAST's lipid rescue: the toxicity goes on, not a shock of unknown cause."""
    # (only where the shock banner would take it: a turn that raises no banner keeps its quiet answer of the next step)
    return bool(before) and bool(_rx(_LIPID_OR_LAST[lang]).search(before)) and bool(_rx(_LOW_BP[lang]).search(question)) \
        and (bool(_rx(_UNSTABLE.context[lang]).search(question)) or not set(_UNSTABLE.procedures).isdisjoint(concepts))


_LIPID_OR_LAST = {"en": r"(?-i:\bLAST\b)|intralipid|lipid (?:emulsion|rescue|bolus|dose)|local an(?:a)?esthetic (?:systemic )?toxicity",
                  "zh": r"LAST|局麻药(?:全身)?中毒|局麻药全身毒性|脂肪乳"}


def toxicity_told(question: str, lang: Lang) -> bool:
    """Is local anaesthetic toxicity told as what a patient has now, with the lipid asked for?"""
    return all(_rx(p[lang]).search(question) for p in (_TOXICITY_TOLD, _THIS_PATIENT, _LIPID_ASKED)) \
        and not _PLAN_WORDS[lang].search(question) and not _rx(_PAST_EPISODE[lang]).search(question)


@dataclass(frozen=True)
class Triage:
    """Result of red-flag triage: the emergency pathway chosen, if any."""

    urgent: bool
    rule: str = ""
    escalation: str = ""
    hint: str = ""
    docs: tuple[str, ...] = ()
    actions: str = ""  # pattern of what this pathway's actions talk about
    steps: tuple[str, ...] = ()  # the pathway's protocol steps, in order
    intra: str = ""  # a late picture: pattern of the sentences that apply only during the procedure (never quoted)

    @property
    def names(self) -> str:
        """Pattern of what the pathway's condition is called (PATHWAY_NAMES), in the triaged question's language."""
        by_lang = PATHWAY_NAMES.get(self.rule, {})
        return next((p for lang, p in by_lang.items() if PATHWAY_ACTIONS.get(self.rule, {}).get(lang) == self.actions), "")


def protocol_for(concepts: Collection[str], lang: Lang) -> Triage:
    """The protocol (not urgent) of the one pathway whose complication the question names, for "how is X treated?";
    none when it names no such complication or several."""
    rules = [r for r, topic in PATHWAY_TOPICS.items() if topic in concepts]
    if len(rules) != 1:
        return Triage(False)
    rule = next(r for r in RED_FLAGS if r.id == rules[0])
    return Triage(False, rule.id, "", rule.hint[lang], PATHWAY_DOCS.get(rule.id, ()), PATHWAY_ACTIONS.get(rule.id, {}).get(lang, ""),
                  PATHWAY_STEPS.get(rule.id, {}).get(lang, ()))


def _context(rule: RedFlag, lang: Lang) -> str:
    """The procedure-context pattern; Chinese questions often name procedures and drugs in English (TFESI, Kenalog)."""
    if lang == "en":
        return rule.context["en"]
    # (an epidural's pathways take its bare approach too: "TF打完病人说眼睛看不清", "IL做完腿没力")
    ctx = rule.context["en"]
    # (never one still to come: "TF术前", "准备做TF")
    approach = "".join(f"|(?<!准备做)(?<!准备)(?<!要做)(?<!计划做)(?<![A-Za-z]){a}(?![A-Za-z0-9-])(?!\\s*术?前)" for a, cue in (("TF", r"transforaminal|TFESI"), ("IL", r"interlaminar|\\bIL\\b"))
                       if re.search(cue, ctx))
    return rule.context["zh"] + "|" + ctx.replace(r"\b", "") + approach


# A word boundary for the Latin words of a Chinese question ("病人SpO2掉到85": \b sees no boundary between 人 and S).
_LATIN_BOUNDARY = r"(?:(?<=[A-Za-z0-9])(?![A-Za-z0-9])|(?<![A-Za-z0-9])(?=[A-Za-z0-9]))"


def _symptoms(rule: RedFlag, lang: Lang) -> tuple[str, ...]:
    """The symptom pattern groups; a Chinese question's signs may be written in English too (SpO2, BP 80/50, seizure)."""
    if lang == "en":
        return rule.symptoms["en"]
    return tuple(f"{zh}|{en.replace(chr(92) + 'b', _LATIN_BOUNDARY)}" for zh, en in zip(rule.symptoms["zh"], rule.symptoms["en"], strict=True))


@lru_cache(maxsize=2048)  # (every pattern the tables build stays compiled: a miss recompiles a long one per question)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Vital signs in the shock or arrest range, told as measured now (they make any question an emergency).
_SEVERE = {"en": _BP["en"] + r"[3-8]\d\s*/|\bsbp\b\D{0,4}(?<!\d)[3-8]\d\b|\b(?:sats?|spo2)\b\D{0,6}(?<!\d)[5-8]\d\b|"
                  r"\b(?:rr|resp(?:iratory|s)? rate)\b(?:\s*(?:still|now|is|was|of|at|down to|dropped to|=|:))*\s*(?<!\d)[0-7]\b(?!\s*(?:h|hrs?|hours?|mins?|minutes?|am|pm)\b)|\bunrous|no pulse|pulseless|(?:bp|blood pressure) (?:is )?unrecordable|"
                  r"\bunresponsive(?!\s+to\b)|(?:stopped|not) responding(?!\s+to\b)|\bfloppy\b|"
                  r"\bstopped breathing\b|\b(?:she|he|pt|patient)(?:'s| is) not breathing\b|\bapno?eic\b|\bin respiratory arrest\b|"
                  r"\bconfus\w*|disorient\w*|altered (?:mental|conscious)\w*",
           "zh": _BP["zh"] + r"[3-8]\d\s*/|血压(?:测不到|测不出|量不到|量不出)|(?:SpO2|spo2|血氧|氧饱和度)\D{0,4}(?<!\d)[5-8]\d(?!\d)|"
                 r"呼吸\D{0,8}(?<!\d)[0-7]\s*次|呼吸(?:停止|停了|没了)|没(?:有)?(?:呼吸|自主呼吸)了?|不喘气了?|叫不醒|叫不太醒|摸不到脉|无脉|没(?:有)?脉|脉(?:搏)?没了|糊涂|意识模糊|神志不清|胡言乱语"}


def severe(question: str, lang: Lang) -> bool:
    """Does the question tell shock- or arrest-range vital signs or an altered mental state?"""
    return bool(_rx(_SEVERE[lang]).search(question if lang == "zh" else f" {question} "))


# A low reading told back up later in the story ("SpO2掉到88%…10分钟后恢复到96%", "BP 80/50 … BP now 115/70"): that reading
# is over (its kind: the saturation or the pressure; an altered mind or a rate is never read as over).
_RECOVERED = {"sats": {"en": r"\b(?:back|up|recovered|returned|improved)\b[^.;?]{0,12}\b(?:9[4-9]|100)\s*%|\b(?:sats?|spo2)\b\D{0,10}(?<!\d)(?:9[4-9]|100)\b",
                       "zh": r"(?:恢复|回升|升|回|上升)(?:到|至)\s*(?:9[4-9]|100)\s*%?|(?:SpO2|spo2|血氧|氧饱和度)\D{0,6}(?<!\d)(?:9[4-9]|100)(?!\d)"},
              "bp": _NORMAL_BP}
# (told as falling there, "BP dropped to 70/40", "sats fell to 85%": past `_SEVERE`'s few words between)
_FELL_LOW = {"en": r"\b(?:s?bp|blood pressure|sats?|spo2)\b (?:\w+ ){0,2}(?:dropped|fell|fallen|went down|crashed|plummeted|dipped|down) (?:to )?"
                   r"(?:(?<!\d)[3-8]\d\s*/|(?<!\d)[5-8]\d\s*%)",
             "zh": r"(?!)"}
_NOT_A_READING = {"en": r"\b(?:usual(?:ly)?|normally|baseline|target|aim(?:ing)?|goal|pre-?op|before|was)\b",
                  "zh": r"平时|平常|平素|基础|目标|术前|以前|之前|维持在"}
_READING_KIND = {"sats": r"sats?|spo2|血氧|氧饱和", "bp": r"\bs?bp\b|blood pressure|血压"}


def severe_now(question: str, lang: Lang) -> bool:
    """`severe`, less a low saturation or pressure told back in the normal range after it."""
    text = question if lang == "zh" else f" {question} "
    for m in _rx(f"{_SEVERE[lang]}|{_FELL_LOW[lang]}").finditer(text):
        kind = next((k for k, rx in _READING_KIND.items() if re.search(rx, m.group(0), re.I)), None)
        # (a usual or target reading is no reading back: "her usual BP is 140/80", "aiming for SpO2 94%")
        back = [r for r in _rx(_RECOVERED[kind][lang]).finditer(text, m.end()) if not _rx(_NOT_A_READING[lang]).search(
            text[max(m.end(), r.start() - 20):r.start()])] if kind else []
        if not back:
            return True
    return False


def slow_heart(question: str, lang: Lang) -> bool:
    """Does the question tell a heart slow enough to be failing (bradycardia, "HR 30s", 心率40; not "1 hr 30 min", nor
    "HR 58")?"""
    return bool(_rx(_VERY_SLOW_HR[lang]).search(question))


_VERY_SLOW_HR = {"en": r"bradycard|\bbrady\w* to [1-4]\d\b|(?<![\d.])\b(?:hr|heart rate|pulse)(?!\s*\d+\s*(?:min|m)\b)"
                       r"(?:\s*(?:still|now|is|was|of|at|down to|dropped to|fell to|dropped|fell|to|=|:))*\s*(?<!\d)[1-4]\d(?:s\b|\b)(?!\s*(?:min|m|h)\b)",
                 "zh": r"(?:心率|心跳|脉搏)\D{0,4}(?<!\d)[1-4]\d(?!\d)|心动过缓|心率.{0,2}慢"}


# A rescue dose asked as a plan, not in the middle of it ("worried about LAST", "drawn up just in case", 以防万一).
_PLAN_WORDS = {"en": lazy(r"\bworr(?:y|ied)\b|\bin case\b|\bon hand\b|\bdrawn up\b|\bif it happens\b|\bprevent|\bnext time\b|"
                                r"\bmax(?:imum)? (?:dose|safe|lido\w*|bupi\w*|ropi\w*)|\bplan", re.I),
               "zh": lazy(r"担心|以防|万一|预防|下次|这次|最大剂量|备好|准备好")}
# A rescue drug's dose asked: the emergency is going on, whatever else the question asks.
_RESCUE_DRUGS = {"en": r"(?:naloxone|narcan|lipid|intralipid|(?<!with )(?<!plus )(?<!and )(?:adrenaline|epinephrine)|atropine|midazolam|midaz|"
                       r"benzo\w*|lorazepam|diazepam)",
                 "zh": r"(?:纳洛酮|脂肪乳|(?<!加)(?<!含)(?<!和)肾上腺素|阿托品|咪达唑仑|咪唑安定|地西泮|安定|劳拉西泮)"}
_RESCUE_DOSE = {"en": lazy(r"\b" + _RESCUE_DRUGS["en"] + r"\b[^.?;]{0,12}\b(?:dose|how much)\b|\bhow much " + _RESCUE_DRUGS["en"] + r"\b", re.I),
                "zh": lazy(_RESCUE_DRUGS["zh"] + r"[^，。？?；]{0,6}(?:剂量|给多少|用多少|推多少|打多少|多少)")}


# A question quoted in the asker's text: the patient's words to answer, not a symptom told (unless it is happening now).
_QUOTED_ASK = {"en": r"(?<!\w)['\"“‘][^'\"”’]{2,100}?\?\s*['\"”’]", "zh": r"[“「『\"'][^”」』\"']{2,60}?[?？]\s*[”」』\"']"}
_POSSIBLE = {"en": r"^\W*(?:can|could|will|would|might|may|is it possible|what if)\b", "zh": r"会不会|可能|会吗|能不能|会让|会导致"}
# ... asked before the procedure, or at consent
_BEFORE_IT = {"en": r"\bbefore (?:his|her|the|their|a|an|my)?\s?(?:\w+[ -]){0,3}?(?:tfesi|ilesi|esi|injection|block|procedure|rfa|"
                    r"ablation|implant|trial|shot|epidural)|\btomorrow\b|\bnext week\b|\bconsent\w*|\bbooked\b|\bscheduled\b",
              "zh": r"明天|下周|术前|之前|知情同意|谈话|签字|准备做|预约"}


# A sign told as going on now ("still seizing", "still can't see", 还在抽搐): no ask about watching or counselling makes it a plan.
# (looser than SETTLED and frame's SIGN_STOPPED below: "刚停了" and "now stopped" end it too)
_GOING_ON = {"en": r"\bstill (?:seizing|fitting|convulsing|unresponsive|apn(?:o)?eic|not breathing|can(?:no|'|’)?t|unable|has no)\b|"
                   r"\b(?:is|are|keeps?|started) (?:seizing|fitting|convulsing)\b|\bseizing\b|\bseizure (?:is )?ongoing\b",
             "zh": r"(?:还在|仍在|正在|一直|持续)(?:抽搐|惊厥|抽)|抽搐不止|抽个不停|在抽搐"}
# a sign still present after another stopped ("the seizure has stopped but she's still unresponsive")
_STILL_SIGN = {"en": r"(?<!was )(?<!were )\bstill (?:unresponsive|apn(?:o)?eic|not breathing|not rousable|unconscious)\b",
               "zh": r"(?:仍|仍然|还)(?:意识不清|昏迷|叫不醒|无反应|没醒)"}
# A deficit told of the patient as it is ("she can't move her legs, will she be paralysed?", 病人双腿动不了，会不会瘫痪):
# happening now, whatever fear or counselling word is beside it (not supposed, "if she can't move her legs", nor history)
_DEFICIT_TOLD = {"en": r"\b(?:she|he|pt|patient|they)(?:'s| is| are| has| have)?\s+(?:now\s+|suddenly\s+|still\s+)?"
                       r"(?:can(?:no|'|’)?t|cannot|is unable to|are unable to|unable to|can no longer) (?:move|feel|lift|walk|stand|pass urine|pee|wee|dorsi-?flex)\b|"
                       r"\b(?:her|his|their|both) legs? (?:are|is|feel|feels|went|have gone|has gone) (?:(?:now|suddenly|still|getting|become|becoming) )*(?:weak|numb|heavy|dead|floppy)\b|"
                       # (told by the patient with no verb: "tonight says both legs heavy and numb")
                       r"\b(?:says|said|c/o|complains? of|complaining of|reports?|tonight|suddenly)\b[^.?!]{0,6}\b(?:her|his|their|both) legs? (?:(?:now|suddenly|still|getting|become|becoming) )*(?:weak|numb|heavy|dead|floppy)\b",
                 "zh": r"(?:双腿|两条?腿|腿|下肢|双下肢|脚)(?:突然|现在|一直)?(?:动不了|抬不起来?|没(?:有)?力气?|无力|没劲|使不上劲|没知觉|没感觉)"}
_SUPPOSED = {"en": r"\b(?:if|when|whether|in case|what happens|what if|suppose|unless|last (?:time|year|month|week)|years? ago|months? ago|"
                   r"in the past|previously|history|hx)\b[^.?!]{0,30}$",
             "zh": r"(?:如果|万一|假如|要是|会不会|会|怕|担心|以前|之前|曾经|上次|去年|既往|病史|长期|多年|平时|"
                   r"比如|例如|譬如|诸如|包括|像是)[^，。？?]{0,8}$"}  # (or a sign given as an example: "危险信号？比如下肢无力")
_COMMON_ASK = {"en": r"\bis (?:[\w-]+ ){1,4}?(?:common|rare|frequent)\b", "zh": _HOW_COMMON_ZH}
_DEFICIT_HISTORY = {"en": r"\bsince (?:her|his|their|a|an|the|birth|childhood)\b|\b(?:years?|months?) ago\b|\bprevious(?:ly)?\b|\bprior\b|"
                          r"\bhistory\b|\bhx\b|\blast (?:year|month|time)\b|\banother patient\b|\ba patient (?:i|we) had\b|\bused to\b|\blong-?standing\b",
                    "zh": r"以前|之前|年前|月前|既往|病史|有个病人|另一个病人|上次|去年|长期|多年|一直以来"}
# Early toxicity signs a patient has now, told before an observation question ("pt has a metallic taste and some twitching,
# how long should they be observed?"): the toxicity is going on, not a question about a past or possible one
_SIGNS_NOW = {"en": r"\b(?:patient|pt|she|he|they)(?![^.?]{0,80}\b(?:last (?:time|year|month|week)|years? ago|months? ago|in the past|previously|prior)\b)"
                    r"\s*(?:'s|has|have|is|are)?\s*(?:now\s+)?(?:got|has|have|is having|are having|"
                    r"is complaining of|complains of|c/o|is getting|is developing|developed)\s+"
                    r"(?!(?:\w+ ){0,3}?(?:chronic|long-?standing|baseline|known|history|hx|lifelong|previously|once|had))"
                    r"(?:a |an |some |mild |new |slight )?(?:\w+ ){0,2}?(?:metallic taste|twitch\w*|tinnitus|ringing in|"
                    r"perioral|circumoral|numb (?:lips|tongue|mouth)|jerk\w*|tingling (?:lips|around))",
              "zh": r"(?:病人|患者|病患|老人|他|她)(?!.{0,10}(?:之前|以前|曾|上次|既往|长期|多年|病史|本来|一直|慢性|基础|平时|平常|原来|老是))"
                    r"[^，。？?]{0,14}"
                    r"(?:口周.{0,2}麻|口唇.{0,2}麻|嘴.{0,2}麻|舌头?发?麻|耳鸣|金属味|肌肉抽动|肌颤)"}
# ... unless told as stopped
# A picture told as over, with the observation after it asked
_SETTLED_WATCH = {"en": r"^(?=[\s\S]*\b(?:now|has|have|had|all|since|fully|completely) (?:resolved|settled|stopped|subsided|gone|recovered|back to (?:baseline|normal))\b)"
                        r"(?=[\s\S]*\bhow long\b[^.?!]{0,40}?\b(?:observ\w*|monitor\w*|watch(?:ed)?|kept|keep)\b)",
                  "zh": r"^(?=[\s\S]*(?:已|已经|现在|目前)(?:缓解|消失|好转|恢复|停止|停了|不抽了))"
                        r"(?=[\s\S]*(?:观察|监测|监护|留观)(?:多久|多长时间|几个?小时))"}
# Where a clause beside a settled sign may tell another one going on ("the hives have resolved but she is now wheezing",
# "腰痛已经缓解了，但是现在双腿无力"): the words after these cues are read for a sign (`_sign_beside`)
_BESIDE_CUE = {"en": r"\b(?:but|however|although|though|still|now (?:has|is|she|he|her|his))\b|\bpersist\w*",
               "zh": r"但(?:是)?|仍(?:然)?|还(?:在|有)|又|现在|持续"}
_BENIGN = {"en": r"\bno (?:symptoms?|complaints?)\b|\bfine\b|\bwell\b|\bcomfortable\b|\banxious\b|\botherwise\b|\bbp\b|\bblood pressure\b",
           "zh": r"无症状|没有不适|无不适|很好|正常|平稳|焦虑|紧张"}


def _sign_beside(asked: str, lang: Lang) -> bool:
    """Does a clause after a "but/still/now" cue name a red-flag sign (another one going on beside a settled one)?"""
    reach = 40 if lang == "en" else 14
    for m in _rx(_BESIDE_CUE[lang]).finditer(asked):
        clause = re.split(r"[.;?!,。；？！，]", asked[m.end():m.end() + reach])[0]
        if _rx(_BENIGN[lang]).search(clause):
            continue
        if any(_rx(g).search(f" {clause} " if lang == "en" else clause) for rule in RED_FLAGS for g in _symptoms(rule, lang)):
            return True
    return False
# a sign told in Chinese as over now ("现在已经好了", "已经缓解了"): with a calm ask, nothing is happening
_SETTLED_ZH = r"(?:现在|已经)(?:已经?)?(?:好了|没事了|正常了|恢复了|缓解了|消失了)"
_STOPPED_NOW = {"en": r"\bstopped\b|\bresolved\b|\bsettled\b|\bback to (?:baseline|normal)\b",
                "zh": r"停了|停止了|止住|不抽了|已缓解|已经缓解|恢复了|好了|已消失|已经消失|消失了"}


# the patient told stable (the vital signs: no sign of a picture ends with them)
_STABLE_NOW = {"en": r"\b(?:stable|stabili[sz]ed)\b", "zh": r"平稳|稳定"}


# a sign the patient reports, asked whether it is normal: only that ask is no "not now" marker
_REPORTED_SIGN = lazy(r"(?:病人|患者|他|她)(?:说|诉|自诉|反映)(?!自己对|对|以前|之前|既往|过去|曾|上次|去年|担心|害怕|怕|想|要|问|会不会|能不能)")
_NORMAL_ASK = lazy(r"正常吗|正不正常|是否正常|正常不")
_NORMAL_ASK_EN = lazy(r"\bis (?:that|this|it) (?:normal|expected|ok|okay)\b", re.I)
_REPORTED_SIGN_EN = lazy(r"\b(?:is|are|looks?|has been|have been|keeps?|now)\s+(?:\w+,?\s+){0,3}?(?:red|swollen|oozing|leaking|discharging|"
                               r"weeping|draining|hot|warm)\b", re.I)


# A reaction told as going on in the patient (whatever history is told beside it).
_REACTING_NOW = lazy(r"\b(?:pt|patient|she|he)\s+(?:is|'s)\s+(?:now\s+)?(?:wheez\w*|stridul\w*|swelling|swollen|breathless|hypotensive|"
                     r"flushed|itching|covered in hives|coming out in hives|getting hives)\b", re.I)


def _calm_zh(asked: str) -> bool:
    """A Chinese turn that opens with the next procedure and tells no sign ("以后做腔镜冲水速度和量怎么控制比较安全"), or tells a
    passing sign over and asks calmly ("刚才头晕了一下，现在已经好了…还需要处理吗")."""
    later = bool(_LATER_START.search(asked)) and not names_symptoms(asked, "zh") and not _rx(_RESCUE_NAMED["zh"]).search(asked)
    return later or (bool(_rx(_SETTLED_ZH).search(asked)) and not re.search(r"怎么办|咋办|怎么处理", asked))


def _last_time_over(asked: str, lang: Lang) -> bool:
    """An event of the last procedure told over, the next one planned ("vasovagal with HR 40 during last MBB, recovered in
    2 min. repeating next month", 上次做射频的时候口周发麻、耳鸣，几分钟就好了), nothing told going on."""
    return bool(_rx(_LAST_TIME[lang]).search(asked)) and bool(_rx(_OVER_TOLD[lang]).search(asked)) \
        and not _rx(_STILL_SIGN[lang]).search(asked) and not _rx(_GOING_ON[lang]).search(asked)


def not_now(question: str, lang: Lang) -> bool:
    """Is the question about a complication that is not happening now (counselling, frequency, history, a procedure still
    to come)?"""
    # "BP 72/40 … 正常吗": shock-range vitals are happening now, whatever is asked; so is a reaction told going on ("pt is
    # wheezing with facial swelling after gadolinium; she had hives to contrast back in 2015")
    asked = question if lang == "zh" else f" {question} "
    if severe(question, lang) or (lang == "en" and _REACTING_NOW.search(question)) or _arrest_told(question, lang):
        return False  # (an arrest told in its own clause is now, whatever history is told beside it: "65M hx CAD, arrested…")
    if _last_time_over(asked, lang):
        return True  # (an event of the last procedure told over, the next one planned: "vasovagal during last MBB, recovered")
    if ((_rx(_GOING_ON[lang]).search(asked) or _rx(_SIGNS_NOW[lang]).search(asked)) and not _rx(_STOPPED_NOW[lang]).search(asked)) \
            or _rx(_STILL_SIGN[lang]).search(asked) or _deficit_told(asked, lang):
        # "still seizing; how long does she need to be monitored?": it is happening; so is a deficit told as it is ("after
        # the epidural she can't move her legs, will she be paralysed?")
        return False
    if _rx(_STOPPED_NOW[lang]).search(asked) and _sign_beside(asked, lang):
        return False  # "the hives have resolved but she is now wheezing": another sign goes on
    if _rx(_LOOKED_BACK[lang]).search(asked) and (_rx(_OUTCOME_TOLD[lang]).search(asked) or not names_symptoms(question, lang)):
        return True  # "Incident report: … she was decompressed. What should have happened before?": a case looked back on
    if _rx(_JUDGED[lang]).search(asked) and not _rx(_NOW[lang]).search(asked) and not _rx(_WHAT_NOW[lang]).search(asked):
        return True  # "… developed an epidural haematoma. what INR threshold should they have used?": care judged afterwards
    if _rx(_SETTLED_WATCH[lang]).search(asked):
        return True  # "tinnitus during the block, now resolved; how long should she be observed?": the observation asked
    if lang == "zh" and _calm_zh(asked):
        return True
    if (_rx(_LATER_ASK[lang]).search(asked) and not _rx(_RESCUE_NAMED[lang]).search(asked)) or _later_plan(question, lang):
        # "下次再做介入局麻药要注意啥？", "how much cement per level is safe?": the next procedure or a safe amount of its
        # material, asked after the scene (never a rescue drug's next or safe dose: "肾上腺素下一次什么时候给？")
        return True
    if _reported_now(asked, question, lang):
        return False
    if _rx(_STABLE_NOW[lang]).search(asked) and _sign_beside(asked, lang):
        return False  # "pt now stable but can't move legs": stable vital signs, a deficit going on beside them
    return _asked_of(asked, lang)


def _asked_of(asked: str, lang: Lang) -> bool:
    """A counselling, frequency or planning ask (`_NOT_NOW`) with nothing told happening now, or a plan (`not_now`'s last
    test); now told with no symptom is no sign now ("做完TFESI会不会瘫痪 现在没什么症状 只是担心")."""
    bare = _rx(_NOTHING_NOW[lang]).sub(" ", asked)
    return bool(_rx(_NOT_NOW[lang]).search(asked)) and (not _rx(_NOW[lang]).search(bare)
                                                         or (bool(_rx(_PLANNED[lang]).search(asked)) and not _rx(_HAPPENING[lang]).search(asked)))


_NOTHING_NOW = {"en": r"\b(?:right )?now (?:she |he |they )?(?:has |have )?(?:no|not any) (?:symptoms?|complaints?)\b|\bno symptoms now\b",
                "zh": r"(?:现在|目前)(?:还)?(?:没(?:有)?|无)(?:什么|啥|任何|明显)?(?:症状|不舒服|异常)"}


def _reported_now(asked: str, question: str, lang: Lang) -> bool:
    """A sign reported as there now, asked whether it is normal: "病人说看东西模糊，正常吗？", "the battery site is red, warm
    and oozing … is that normal?"."""
    if lang == "zh":
        return bool(_REPORTED_SIGN.search(asked)) and not _rx(_NOT_NOW[lang]).search(_NORMAL_ASK.sub(" ", asked)) \
            and names_symptoms(question, lang)
    return bool(_NORMAL_ASK_EN.search(asked)) and bool(_REPORTED_SIGN_EN.search(asked)) and names_symptoms(question, lang)


def _deficit_told(asked: str, lang: Lang) -> bool:
    """Is a deficit told of the patient as it is now (not supposed, feared or history: "if she can't move her legs")?"""
    if _rx(_DEFICIT_HISTORY[lang]).search(asked):
        return False  # ("she can't feel her legs normally since her stroke years ago", 五年前车祸后双下肢无力, 以前有个病人…)
    return any(not _rx(_SUPPOSED[lang]).search(asked[:m.start()]) for m in _rx(_DEFICIT_TOLD[lang]).finditer(asked))


def names_symptoms(question: str, lang: Lang) -> bool:
    """Does the question by itself describe a red-flag picture (every symptom group of some pathway)?"""
    q = question if lang == "zh" else f" {question} "
    return any(all(_rx(g).search(q) for g in rule.symptoms[lang]) for rule in RED_FLAGS)


# The procedure under way, told by what is being done or seen now (for the rule to stop; not a timing of onset).
_UNDER_WAY = {"en": r"(?<!was )(?<!were )\b(?:doing|in the middle of) (?:(?:a|an|the|my) )?(?:\w+[ /-]){0,4}?(?:tfesi|ilesi|esi|injection|block|"
                    r"vertebroplasty|kyphoplasty|rfa|ablation|epidural|procedure|discogra\w*)\b|\blive fluoro\w* (?:shows|showing)\b|"
                    r"\b(?:lateral|ap|oblique) (?:view|image|shot) (?:shows|showing)\b|"
                    r"\b(?:on|in) the (?:lateral|ap|oblique) (?:view|image|projection|fluoro),? (?:i|we) (?:can )?see\b",
              "zh": r"正在做|做到一半|透视(?:下)?(?:显示|看到|见)|侧位(?:片|透视)?(?:显示|看到|见)|"
                    r"(?:注|推|打)造影剂(?:时|的时候)|(?<!冠脉)(?<!冠状动脉)(?<!脑血管)(?<!椎间盘)造影(?:时|的时候)(?:显示|看到|见到|发现)"}
# ... not a check film after it ("PVP术后复查侧位片显示…")
_AFTER_IT = {"en": r"\bpost-?op\w*|\bcheck (?:film|x-?ray|image)|\bfollow-?up (?:film|x-?ray|image)|\bafterwards\b",
             "zh": r"术后|复查|回病房|之后"}


def during_procedure(question: str, lang: Lang) -> bool:
    """Does the question place the picture during the injection itself ("during the epidural", 注射时, 术中), or tell the
    images of a procedure under way ("doing a R C6/7 TFESI, live fluoro shows contrast washing out"; not "was doing a TFESI
    yesterday")?"""
    q = question if lang == "zh" else f" {question} "
    # (what was done during it, then the picture told after it: "硬膜外镜术中注了不少生理盐水，术后患者诉视物模糊" is after)
    now = _rx(_IMMEDIATE[lang]).search(q)
    return bool(now and not _rx(_AFTER_IT[lang]).search(q, now.end())) or (bool(_rx(_UNDER_WAY[lang]).search(q)) and not _rx(_DAYS_LATER[lang]).search(q)
                                                    and not _rx(_DELAYED[lang]).search(q) and not _rx(_AFTER_IT[lang]).search(q))


# A work-up result told as negative ("MRI negative for collection", "no abscess on MRI", 核磁未见脓肿)
RULED_OUT_TOLD = {"en": lazy(r"\bnegative\b|\bno (?:(?:epidural|spinal|evidence of|sign of) )?(?:collection|abscess|haematoma|hematoma)\b|"
                            r"\bruled out\b|\bexcluded\b", re.I),
                  "zh": lazy(r"未见|阴性|排除了|没有(?:脓肿|血肿|积液)|没(?:有)?(?:看到|发现|见到)[^，。？?]{0,4}(?:脓肿|血肿|积液)")}


def days_later(question: str, lang: Lang) -> bool:
    """Is the question told a day or more after the procedure ("wet tap during the ILESI yesterday", 第3天; not an earlier
    procedure "last week" beside today's)?"""
    return bool(_rx(_DAYS_AFTER[lang]).search(question if lang == "zh" else f" {question} "))



def happening_now(question: str, lang: Lang) -> bool:
    """Does the question say the picture is happening now ("now", "just", "what do I do", 刚刚, 怎么办)?"""
    return bool(_rx(_NOW[lang]).search(question if lang == "zh" else f" {question} "))


def without_denied(text: str, lang: Lang) -> str:
    """The text with its denied signs blanked ("无心律失常", "no tinnitus"): what `triage` reads."""
    return _rx(_NEGATED[lang]).sub(" ", text)


def triage(question: str, lang: Lang, concepts: Collection[str] = (), before: str = "", told_in: Lang | None = None,
           ruled_out: Collection[str] = ()) -> Triage:
    """The first pathway (table order is priority: a toxicity picture is LAST before it is a neuraxial deficit) whose
    symptoms match, whose procedure context matches (its words, or one of `concepts`: the question's lexicon concepts
    with their broader ones) and that is described as an event; none for a counselling or frequency question about a
    complication that is not happening now. `before` is the turn a follow-up leans on: its words give the context and
    the picture, but only the question itself says whether it is happening now ("局麻药全身毒性怎么预防？" then
    "那要是病人已经出现头晕口周麻木了呢？"). `told_in`: the language the pathway is told in, when not the one it was read in
    (a question read as English whose Chinese words set the scene); `ruled_out`: pathways the work-up has excluded."""
    out = told_in or lang
    # the patient's own question quoted before the procedure ("pt asks 'can this shot paralyze me?' before C6-7 TFESI") is no
    # picture; one told after it ("pt says 'my legs feel numb and weak, is that ok?'") is a symptom
    if (m := _rx(_QUOTED_ASK[lang]).search(question)) is not None:
        rest = question[:m.start()] + " " + question[m.end():]
        # (the "before" must govern the quote: right around it, not a baseline remark or a booking elsewhere)
        near = question[max(0, m.start() - 30):m.start()] + " " + question[m.end():m.end() + 40]
        # (a possibility asked, "can this shot paralyze me?"; not a symptom voiced, "my legs feel numb, is that ok?")
        possible = _rx(_POSSIBLE[lang]).search(m.group()) or not names_symptoms(m.group(), lang)
        if _rx(_BEFORE_IT[lang]).search(near) and not happening_now(rest, lang) and possible:
            question = rest
    # (a rescue drug's dose asked in a follow-up, "naloxone dose? and how long do we observe her", is the rescue going on,
    # whatever else it asks; asked alone, before any picture, it is a plan)
    # (nor is a haematoma a scan shows now: "MRI shows an epidural haematoma at T8 after his kyphoplasty - how many hours do we
    # have to decompress?")
    # (how often it happens, asked bare after a picture that goes on, "局麻药中毒常见吗？" after a seizure told: the picture's)
    common_after = bool(before) and bool(_rx(_COMMON_ASK[lang]).search(question)) and not SETTLED[lang].search(before) \
        and names_symptoms(before, lang) and not not_now(before, lang)
    if not_now(question, lang) and not common_after and not (_RESCUE_DOSE[lang].search(question)
                                                             and (before or (names_symptoms(question, lang) and not _PLAN_WORDS[lang].search(question)))) \
            and not shown_in_patient(question, lang):
        return Triage(False)
    before = _still_told(before, question, lang, concepts)
    q = f"{before}{question}" if lang == "zh" else f" {before}{question} "
    q = without_denied(q, lang)  # "no tinnitus", "没有口周发麻": absent signs do not count
    if not _rx(_HAPPENED_NOW[lang]).search(q):  # nor signs the patient has had for years ("病人平时就有耳鸣", "numb for years"),
        q = _rx(_LONGSTANDING[lang]).sub(" ", q)  # when nothing is told happening now or after a procedure
    q = _rx(_ALLERGY_HISTORY[lang]).sub(" ", q)  # nor the reaction a known allergy once gave
    q = (_READ_ABOUT_ZH if lang == "zh" else _READ_ABOUT_EN).sub(" ", q)  # nor the harms a patient read about ("网上看到打激素会瘫痪、失明")
    if (indication := indication_told(question, lang)) is not None:
        q = indication.sub(" ", q)  # nor the symptom the procedure is for
    q = _without_known_reactor(q, lang)
    q = _rx(_ASKED_IF_STROKE[lang]).sub(" ", q)  # "是不是中风了？", "is this a stroke?": the worry asked, not a sign told
    if _rx(_BLOCKS_OWN_SIGNS[lang]).search(q):  # (a stellate block's own signs feared as a stroke)
        q = _rx(_STROKE_BELIEF[lang]).sub(" ", q)
    q = _rx(_STROKE_HAD[lang]).sub(" ", q)  # nor a stroke the patient had ("my stroke pt on xarelto", 既往脑梗)
    # (not after a cervical transforaminal or particulate injection, where lost speech with laboured breathing is the brainstem's)
    if _rx(_BREATHING[lang]).search(_rx(_SPEECHLESS[lang]).sub(" ", q)) and not _rx(_CERVICAL_TF[lang]).search(q) \
            and not _rx(_PARTICULATE[lang]).search(q):  # ("呼吸困难、说不出话": too breathless to speak, no aphasia)
        q = _rx(_SPEECHLESS[lang]).sub(" 呼吸困难 " if lang == "zh" else " short of breath ", q)
    q = _rx(_THERAPY[lang]).sub(" ", q)  # the stimulator's own paraesthesia is the therapy, not a new deficit
    q = _rx(_STIM_TEST[lang]).sub(" ", q)  # nor is the twitch of an RF probe's stimulation test
    if _rx(_STIMULATOR[lang]).search(q):
        q = _rx(_STIM_MOVED[lang]).sub(" ", q)
    # (read as told too: a time told fine, "推药的时候没什么感觉", loses its denial in the cleaned words)
    late = delayed_onset(q, lang, concepts) or delayed_onset(question, lang, concepts)
    skip = (_WITHDRAWAL_NOT if opioid_withdrawal(question, lang) else frozenset()) | frozenset(ruled_out)
    for rule in RED_FLAGS:
        if rule.id not in skip and _fires(rule, q, question, before, lang, concepts, late):
            banner, steps, intra = _as_told(rule, lang, out, q, late, bool(before) and bool(_rx(_ARRIVED[lang]).search(question) or _rx(_ARRIVED[lang]).search(before)),
                                            question if before else "")
            # (a second picture told beside it: "chest pain, SpO2 86% and new bilat leg weakness" after a kyphoplasty)
            deficit = next(r for r in RED_FLAGS if r.id == "neuraxial-deficit")
            if rule.id in _WITH_DEFICIT_TOO and _rx(_SPINAL_DEFICIT[lang]).search(q) and _fires(deficit, q, question, before, lang, concepts, late):
                banner = f"{banner}{'' if out == 'zh' else ' '}{_DEFICIT_TOO[out]}"
            return Triage(True, rule.id, banner, rule.hint[out], PATHWAY_DOCS.get(rule.id, ()),
                          PATHWAY_ACTIONS.get(rule.id, {}).get(out, ""), steps, intra)
    return Triage(False)


def _still_told(before: str, question: str, lang: Lang, concepts: Collection[str]) -> str:
    """The turn before's picture, unless it told only a deficit and the question denies it ("腿不麻也不软 就是麻刺感没了" after
    "左腿没感觉了" of a stimulator's moved coverage); any other picture of the turn before stays (a cement embolism, LAST,
    an overdose: "no weakness in her legs. what next?" denies only the legs)."""
    if not before or not _rx(_LEGS_DENIED[lang]).search(question):
        return before
    return "" if triage(before, lang, concepts).rule == "neuraxial-deficit" else before



# Pictures beside which a new neurological deficit told is a second emergency, said in the banner (the legs', the bladder's
# or a sensory level's: not a stroke's arm and speech, nor weakness all over).
_WITH_DEFICIT_TOO = frozenset({"cement-embolism"})
_SPINAL_DEFICIT = {"en": r"\blegs?\b|lower limbs?|paraple|bladder|retention|saddle|sensory level|foot drop",
                   "zh": r"下肢|腿|截瘫|尿潴留|小便|鞍区|感觉平面|足下垂"}
_DEFICIT_TOO = {"en": "A new neurological deficit is told as well, which is a spinal emergency of its own (cement in the canal, haematoma "
                      "or cord injury): urgent neurological assessment, emergency spinal imaging and spine surgery review, weighed "
                      "before any anticoagulant is started.",
                "zh": "同时出现新发神经功能障碍，这本身也是椎管内急症（骨水泥进入椎管、血肿或脊髓损伤）：须紧急神经系统评估、急诊脊柱影像检查"
                      "并请脊柱外科会诊，在开始任何抗凝治疗前予以权衡。"}


def _fires(rule: RedFlag, q: str, question: str, before: str, lang: Lang, concepts: Collection[str], late: bool) -> bool:
    """Do the (cleaned) question's words fire the red flag: its symptoms, in its procedure context, told as an event?"""
    if (rule.exclude and _rx(rule.exclude[lang]).search(q)) or (rule.immediate and late):
        return False
    # (told in this turn: a turn before that asked the regimen in general is no patient)
    # (or a shock or shooting pain told as the needle or catheter advanced: "while threading the intrathecal catheter pt
    # yelped with sharp electric pain shooting down L leg")
    told = (rule.id == "neuraxial-deficit" and (haematoma_shown(question, before, lang) or haematoma_told(question, lang))) \
        or (rule.id == "last" and (toxicity_told(question, lang) or _still_unstable_after_lipid(question, before, lang, concepts)))
    needle = rule.id == "neuraxial-deficit" and on_the_needle(question, lang)  # (told as it happened: an event)
    if not all(_rx(g).search(q) for g in _symptoms(rule, lang)) and not told and not needle:
        return False
    if rule.id == _ARREST.id:  # (told in its own clause, an arrest is the event; asked about or of the past, none)
        return _arrest_told(q, lang)
    in_context = _rx(_context(rule, lang)).search(q) or not set(rule.procedures).isdisjoint(concepts) \
        or (rule.id == "neuraxial-deficit" and _told_in_own_clause((_LEGS_LOST_NOW[lang],), q, lang)
            and not _rx(_LEGS_LONG_LOST[lang]).search(q))
    return bool(in_context and (told or needle or _rx(EVENT_CUES[lang]).search(q)))


# Both legs lost now, told with no procedure word ("病人现在腿动不了", "pt suddenly can't move his legs"): in a chat about
# interventional pain procedures, the deficit's own pathway (a cord compression is excluded first, whatever the cause).
_LEGS_LOST_NOW = {"en": r"\b(?:suddenly|now|just|all of a sudden)\b[^.?!;]{0,20}\b(?:can(?:no|'|’)?t|cannot|unable to|could(?:n'?t| not)) "
                        r"(?:move|feel|lift|stand on) (?:his |her |their |the |both |either )*legs?\b|"
                        r"\b(?:both|bilateral|bilat) legs? (?:are |is |have |has |gone |suddenly |now |become |gotten )*(?:weak|paralys|paralyz|numb|dead|flaccid)",
                  "zh": r"(?:现在|突然|刚才|忽然|刚刚)[^，。？?]{0,6}(?:双|两条)?(?:腿|下肢)[^，。？?]{0,3}(?:动不了|不能动|没力|无力|抬不起|瘫|没知觉|没感觉)|"
                        r"(?:双|两条)(?:腿|下肢)[^，。？?]{0,2}(?:突然|忽然)[^，。？?]{0,3}(?:动不了|不能动|没力|无力|抬不起|瘫|没知觉|没感觉)"}


# A sign told as the patient's usual state, in a clause of its own that tells nothing new now ("病人平时就有耳鸣",
# "癫痫病人 平时偶尔抽搐", "both legs numb for years from diabetic neuropathy", "can't lift her legs onto the table because of
# her hip arthritis").
_LONGSTANDING = {"en": r"[^.,;?!–—-]*\b(?:for (?:years|months|a long time|\d+ (?:years|yrs|months))|since (?:childhood|birth|(?:his|her|their) stroke)|long-?standing|at baseline|"
                       r"(?:diabetic )?neuropathy|because of (?:her|his|their) (?:hips?|knees?|arthritis|back|weight|size))\b[^.,;?!–—-]*",
                 "zh": r"[^，。？?；;]*(?:平时|好几年|多年|很多年|长期|一直以来|老毛病)(?![^，。？?；;]*(?:现在|突然|刚才|刚刚|马上|开始))[^，。？?；;]*"}


# Something told happening now or after a procedure (the chronic words beside it are then no reason to read it away:
# "长期口服华法林的病人 TF术后两小时双下肢无力", "pt with long-standing tinnitus had an SGB and now has perioral tingling").
_HAPPENED_NOW = {"en": r"\b(?:now|just|after|ago|today|tonight|this morning|suddenly|following|post[- ]?(?:op|procedure|injection|refill|block))\b|"
                       r"\bhad (?:an?|the|his|her) \w+|\b\d+\s*(?:min|mins|minutes|h|hrs|hours)\b",
                 "zh": r"现在|刚|突然|今天|今早|今晚|昨天|昨晚|术后|做完|打完|推完|推药|注射后|阻滞后|之后|以后|小时|分钟|开始|(?<=[A-Za-z])(?:后|完)"}


# ... not legs lost long ago, nor a patient planned for a procedure ("病人脑梗后现在腿没力，能做星状神经节阻滞吗？")
_LEGS_LONG_LOST = {"en": r"\bstroke|\bCVA\b|\bMS\b|multiple sclerosis|paraplegi|tetraplegi|quadriplegi|spinal cord injury|\bSCI\b|for (?:years|months)|"
                         r"\bchronic|baseline|\bcan (?:he|she|they|we) (?:have|get|do)\b|\bok(?:ay)? for\b|booked|planned|listed|scheduled",
                   "zh": r"脑梗|中风|卒中|偏瘫|截瘫|脊髓损伤|多年|好几年|一直|以前|既往|平时|能做|可以做|能不能做|要做|准备做|计划做|预约"}


# A harm asked about, not told: its cause, risk or frequency ("does a stellate block cause apnoea?", 会不会引起呼吸停止).
_ASKED_ABOUT = {"en": r"\b(?:caus\w*|risks?|common|often|incidence|rates?|likely|frequen\w*|why|does|do|can|complications?|recogni[sz]ed|known)\b"
                      r"(?!['’]t|n['’]?t)",  # ("I can't feel a pulse" tells)
                "zh": r"会不会|会引起|引起|导致|发生率|常见|风险|为什么|原因|概率|并发症"}


def _arrest_told(question: str, lang: Lang) -> bool:
    """Is an arrest told as the event (its own clause tells it: "pt not breathing - could this be a total spinal?"), not
    asked about ("does a stellate block cause apnoea?", "is respiratory arrest a recognised complication of SGB?")?"""
    return _told_in_own_clause(_symptoms(_ARREST, lang), question, lang)


def _told_in_own_clause(patterns: Collection[str], question: str, lang: Lang) -> bool:
    """Does one of the patterns match in a clause that tells it, not one that asks about it, fears it, supposes it or places
    it in the past (`_ASKED_ABOUT`, `_NO_ARREST_NOW`)?"""
    for group in patterns:
        for m in _rx(group).finditer(question):
            lo = max((question.rfind(c, 0, m.start()) for c in "-–—,.;?!，。；？！"), default=-1) + 1
            his = [i for c in "-–—,.;?!，。；？！" if (i := question.find(c, m.end())) >= 0]
            clause = question[lo:min(his, default=len(question))]
            if not _rx(_ASKED_ABOUT[lang]).search(clause) and not _rx(_NO_ARREST_NOW[lang]).search(clause):
                return True
    return False


# The next procedure, or a safe amount of the procedure's own material, asked after an emergency scene.
_LATER_ASK = {"en": r"\bnext time\b(?![^.?]{0,30}\b(?:dose|give|push|bolus|shock)\b)|\bfrom now on\b|\bgoing forward\b|"
                    r"\bin (?:the )?future\b|\bfuture (?:procedures|blocks|injections|cases)\b|"
                    r"\bhow much (?:cement|pmma|contrast|local anaesthetic|local anesthetic)\b[^.?]{0,40}\b(?:is|be) (?:safe|ok|okay)\b|"
                    r"\bsafe (?:volume|amount) of (?:cement|pmma|contrast)\b",
              "zh": r"下(?:一)?次再?做|(?:\d+|[一二三四五六两几])\s*(?:周|个月|个星期)(?:以?后)[^，。？?]{0,10}(?:还|再)(?:能|可以)(?:做|打)|下(?:一)?次[^，。？?]{0,6}(?:再|还)(?:能|可以)?(?:给[他她]|帮[他她])?(?:做|打)|下(?:一)?次[^，。？?]{0,6}(?:怎么|如何)预防|"
                    r"以后再(?:做|打)|今后(?:再)?做|以后(?:怎么|如何)预防|(?:骨水泥|造影剂)[^，。？?]{0,10}(?:多少|几)\s*(?:ml|mL|毫升|cc)?[^，。？?]{0,4}(?:比较|才|算|最)?安全|"
                    r"(?:骨水泥|造影剂)[^，。？?]{0,6}安全(?:剂量|用量|容量)"}
_LATER_START = lazy(r"^\s*(?:那|那么)?(?:以后|今后|往后|下次|下一次)(?:再)?(?:做|打)")
# A rescue drug or a rhythm still going named (its next or safe dose is the rescue going on).
# ... or the picture told as going on (its own next question is no later plan: "sats still 84%, next time…?")
_RESCUE_NAMED = {"en": r"lipid|intralipid|midazolam|benzo\w*|diazepam|lorazepam|naloxone|narcan|adrenaline|epinephrine|epi\b|atropine|"
                       r"amiodarone|\bVF\b|\bVT\b|\bstill\b|\bagain\b|\bnow\b|unconscious|unresponsive|not breathing|\bsats?\b|spo2|\bbp\b|\bhr\b",
                 "zh": r"脂肪乳|咪达唑仑|地西泮|安定|苯二氮|纳洛酮|肾上腺素|阿托品|胺碘酮|室颤|室速|还在|又|仍|现在|意识|昏迷|血氧|SpO2|血压|心率|呼吸"}
# Once the patient is stable, a figure for later asked ("once stable - what's the max IT morphine conc we should be
# running?", 稳定后…): a later plan, when the turn tells no sign of its own, names no rescue and does not ask to go on
# with the procedure ("once stable can we finish the level?", 恢复过来后还能做射频吗: the picture's own question).
_ONCE_SETTLED = {"en": r"\bonce (?:she'?s |he'?s |they'?re |the (?:patient|pt) is |pt is |it'?s |things are |everything is |all is )?"
                       r"(?:stable|stabili[sz]ed|settled|recovered|sorted|over)\b",
                 "zh": r"(?:稳定|平稳|缓过来|好转|恢复过来)(?:了)?(?:以后|之后|后)"}
_GO_ON_ASK = {"en": r"\b(?:continue|finish|carry on|go on|resume|proceed|complete|keep going|do (?:the )?(?:next|other|rest)|"
                    r"still (?:do|go ahead|inject))\b",
              "zh": r"继续|接着(?:做|打)|(?:还能|能不能|可以|能)(?:再)?(?:做|打|继续|完成)|做完|打完剩下"}


def _later_plan(question: str, lang: Lang) -> bool:
    """Is the turn a figure asked for once the picture has settled (`_ONCE_SETTLED`)? (Going home, a scan, an antibiotic
    or an anticoagulant asked "once stable" are the picture's own care: review 57.)"""
    return bool(_rx(_ONCE_SETTLED[lang]).search(question)) and bool(_rx(_FIGURE_FOR_LATER[lang]).search(question)) \
        and not names_symptoms(question, lang) and not _rx(_RESCUE_NAMED[lang]).search(question) \
        and not _rx(_GO_ON_ASK[lang]).search(question)


_FIGURE_FOR_LATER = {"en": r"\b(?:max\w*|limit|conc\w*|concentration|daily dose|dose limit|how much)\b",
                     "zh": r"最大|上限|浓度|剂量|多少"}


# A stroke asked about, not told ("是不是中风了？", "could this be a stroke?"): the signs told decide.
_ASKED_IF_STROKE = {"en": r"\b(?:is|could|might|can) (?:it|this|that|she|he) (?:be )?(?:having )?an? stroke\b|"
                          # (a scan's indication, "MRI brain for ?stroke", "CT to rule out stroke": the worry it is ordered for)
                          r"\b(?:MRI|MRA|CT|CTA|scan|imaging)\b[^.?!]{0,30}?(?:\bfor|\bre|\br/o|\bto rule out|\brule out|\bquery|\bexclude)"
                          r"\s*\??\s*(?:an? )?stroke\b|"
                          r"\b(?:worried|afraid|scared|concerned) (?:about|that|it'?s|it is|of) (?:an? )?stroke\b",
                    "zh": r"(?:是不是|是否|会不会|该不会是|不会是|怕是|担心是?|以为是)(?:脑)?(?:中风|卒中)(?:了)?(?:吗|呢)?|(?:中风|卒中)了?[吗么][？?]?"}
# The patient's own belief that it is a stroke, told beside a stellate block's expected signs (a drooping eyelid, a small
# pupil): the fear, not a sign ("pt 20 min after R stellate ganglion block, R eyelid drooping and pupil small, she's
# panicking thinks she's having a stroke"); any real sign told with it (a weak arm, slurred speech) still fires.
_STROKE_BELIEF = {"en": r"\b(?:thinks?|thought|believes?|convinced|feels? like) (?:that )?(?:she|he|they|it)?(?:'s| is| are| was)? ?(?:having |had )?an? stroke\b",
                  "zh": r"(?:以为自己|觉得自己|认为自己|以为是)(?:脑)?(?:中风|卒中)了?"}
_BLOCKS_OWN_SIGNS = {"en": r"\b(?:stellate|SGB)\b[\s\S]*\b(?:eyelid|ptosis|pupil|horner)",
                     "zh": r"(?:星状|SGB)[\s\S]*(?:眼皮|眼睑|上睑下垂|瞳孔|霍纳)"}
# A stroke the patient had, told as background or as the reason for an anticoagulant ("my stroke pt on xarelto", "h/o CVA",
# "apixaban for stroke prevention", 既往脑梗): no sign told now.
_STROKE_HAD = {"en": r"\b(?:stroke|CVA) (?:pt|patient|survivor|hx|history|prevention|prophylaxis|risk)\b|\bpost-?stroke\b|"
                     r"\bsince (?:his|her|their|the) (?:\w+ )?(?:stroke|CVA)\b|"
                     r"(?<!year )(?<!yr )(?<!-)\b(?:prior|previous|old|remote|known) (?:\w+ )?(?:stroke|CVA)s?\b"
                     r"(?! (?:signs?|symptoms?|features?|like|pathway|team|alert|code))|"
                     r"\b(?:h/o|hx of|hx|history of) (?:an? )?(?:\w+ )?(?:stroke|CVA)\b|\b(?:to prevent|for (?:secondary )?prevention of) (?:an? )?stroke\b|"
                     r"\b(?:stroke|CVA)\b[^.?!,]{0,6}?\b(?:\d+\s*(?:yrs?|years?|months?|mos?|wks?|weeks?) ago|years ago|last (?:year|month)|"
                     r"in (?:19|20)\d\d)\b",
               # (or since it: "since her stroke in March she now can't move her legs", 脑梗后现在腿没力)
               "zh": r"(?:脑梗死?|脑梗塞|脑卒中|卒中|中风)(?:病人|患者|病史|史|后遗症|预防|后[\d一二两三四五六七八九十半几]+\s*(?:年|个月))|"
                     r"(?:脑梗死?|脑梗塞|脑卒中|卒中|中风)(?:以)?后(?!马上|立刻|即刻)|"
                     r"(?:既往|陈旧性?|以前|之前|曾经?|[\d一二两三四五六七八九十几半]+\s*(?:个月|年)前|去年|前年)(?:有|得过|发生过|患过)?"
                     r"(?:脑梗死?|脑梗塞|脑卒中|卒中|中风)|预防(?:脑)?(?:卒中|中风|脑梗)"}
# Speech lost, told beside laboured breathing: breathlessness (the words of `_BREATHING` without it decide).
_SPEECHLESS = {"en": r"\b(?:can(?:no|'|’)?t|unable to|could(?:n'|n’|no)t) (?:speak|talk)\b(?! (?:properly|clearly|normally|right|straight))",
               "zh": r"说不出话|讲不出话|说不了话"}
# The patient is at home (or on the phone): the first action is to bring them in.
_HOME = {"en": r"\bat home\b|\bfrom home\b|\bmy (?:dad|mum|mom|father|mother|husband|wife|son|daughter|partner|grandma|grandpa|grandmother|grandfather)\b|\bphone call\b|\bon the phone\b|\btelephon\w*|\b(?:rang|phoned)\b|\b(?:has )?gone home\b|"
               r"\b(?:phone|call)s? from (?:the |his |her |their |a )?(?:wife|husband|partner|family|relative|daughter|son|mother|father|patient|pt|carer)\b|"
               r"\b(?:pt|patient|she|he|wife|husband|daughter|son|family|relative|carer|caregiver)s?\b.{0,12}\b(?:call(?:s|ed)|rings?|phones?)\b",
         "zh": r"在家|家里|电话随访|电话回访|随访电话|(?:回家(?:后|以后|之后)|回到家|家属(?:该|应该|要)?怎么办)(?![\s\S]*(?:急诊|来院|到医院|送来|送到|入院|病房|门诊))|(?:打|来)电话|来电|电话里|电话中|电话说|电话\s*[:：]|家属(?:来电|打(?:来)?电话)|我(?:爸|妈|父亲|母亲|老公|老婆|丈夫|妻子|爱人|儿子|女儿|家人|奶奶|爷爷|外婆|外公)"}
# The procedure is over (the patient is in recovery, on the ward, at home): there is nothing to stop any more.
# (an implant in place for months or years, "pump for 5 years", 泵用了5年: nothing under way to stop)
_IMPLANT_YEARS = {"en": r"\b(?:pump|stimulator|SCS|IDDS|implant)\b[^.]{0,40}\b(?:for|over) (?:the (?:last|past) )?(?:\d+|a few|several|two|three|four|five|six) (?:years?|yrs?|months?)\b|"
                        r"\b(?:\d+|a few|several|two|three|four|five|six) (?:years?|yrs?|months?) (?:with|on) (?:the |a |an |her |his )?(?:pump|stimulator|SCS|implant)\b|"
                        # ("morphine IT pump x6 yrs", "pump for 6 yrs", a picture coming on "over weeks")
                        r"\b(?:pump|stimulator|SCS|IDDS|implant)\b[^.]{0,20}\bx\s*\d+\s*(?:years?|yrs?|months?|mos?)\b|"
                        r"^(?![\s\S]*\b(?:refill\w*|during|while|implanting|just implanted|mid-?refill|replac\w*|revision|today)\b)"
                        r"[\s\S]*?\b(?:pump|stimulator|SCS|IDDS|implant)\s+\d+\s*(?:years?|yrs?)\b|"
                        r"\bover (?:the (?:last|past) )?(?:days|weeks|months|\d+ (?:days|weeks|months))\b|"
                        # (a pump patient's picture told, no refill or implant under way: "IT morphine pump pt, … now legs numb")
                        r"^(?![\s\S]*\b(?:refill\w*|during|while|implanting|just implanted|mid-?refill)\b)[\s\S]*?\b(?:pump|stimulator) (?:pt|patient)\b",
                  "zh": r"(?:泵|刺激器|电极|植入物)[^，。]{0,4}(?:用了|装了|植入)\s*(?:快|近|将近|差不多|已经|有)?\s*[\d一二三四五六七八九十几两半]+\s*(?:年|个月)|"
                        # (a pump patient whose picture is told, with no refill under way: "鞘内吗啡泵的病人 加了量…还出现下肢麻")
                        r"^(?![\s\S]*(?:加药时|补药时|补充药物时|正在|术中|植入时|刚植入|刚装))[\s\S]*?(?:泵|刺激器)的?(?:病人|患者)"}
# (time told since it: "40 min after the C6-7 TFESI", "SCS trial day 5", "2 weeks post implant", 术后, 第5天; not while the
# injection goes on: "injecting PMMA, 2 min after starting she…", 术中, 正在推)
_SINCE = {"en": r"\b\d+\s*(?:min|mins|minutes|hrs?|hours?)\s+(?:after|post)\s+(?!(?:we|i|they|you) (?:started|began|start))(?:the |her |his |a |an )?"
                r"(?:(?!start|began|begun|commenc)[\w /-]){0,30}?"
                r"(?:procedure|injection|block|implant|tfesi|ilesi|esi|rfa|epidural|refill|augmentation|vertebroplasty|kyphoplasty|"
                r"epiduroscopy|neuroplasty|adhesiolysis|discogra\w*|ablation|neurotomy|sgb|mbb|(?:blood )?patch|scs|stimulator|trial)\b"
                # ("30 min after the epiduroscopy began": still under way)
                r"(?!\s+(?:(?:lead|leads|needle|catheter|electrode|cement) )?(?:insertion |placement |irrigation |injection )?"
                r"(?:was |had |has )?(?:started|began|begun|commenced)\b)|"
                r"\b(?:trial|implant|post-?op|postoperative) day\s*\d+\b|\bday\s*\d+ (?:after|post|of (?:the |an? )?(?:scs )?trial)\b|"
                # (not a drug-hold timeline: "days after her last dose", "5 days after stopping it")
                r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|a few|several)\s*(?:days?|weeks?|wks?)\s+"
                r"(?:after|post|later)\b(?!\s+(?:her |his |the |their |my )?(?:last |final )?(?:dose|stopping|holding|hold|stop))|"
                r"\b\d+\s*(?:weeks?|wks?|min|mins|minutes|hrs?|hours?)\s+ago\b|\b(?:days?|weeks?) (?:after|later)\b(?!\s+(?:her |his |the |their |my )?(?:last |final )?"
                r"(?:dose|stopping|holding|hold|stop))|"
                r"\bpost-?op\b|\bafter the (?:procedure|operation)\b",
          "zh": r"术后|(?:测试|植入|术后|注射后|操作后|做完后?|穿刺后|放置后)第\s*[\d一二三四五六七八九十]+\s*天|(?<!停药)(?<!停用)第\s*\d+\s*天|"
                r"\d+\s*周(?:前|后)|[\d一二三四五六七八九十]+\s*(?:周|天)前(?:做|打|植入|注射|装)"}
_IN_PROCEDURE = {"en": r"\binjecting\b|\bstill on the table\b|\bduring\b|\bwhile\b|\bmid[- ]|\bas i (?:inject|push)|"
                       r"\bjust (?:injected|pushed)\b|\bafter (?:starting|beginning|the start of|the beginning of)\b|\bhalfway\b|"
                       r"\bneedle (?:is )?still in\b|\bstill in place\b|\bstill (?:going|injecting|pushing)\b",
                 "zh": r"术中|正在|推.{0,8}时|注射时|操作中|打的时候|推的时候|刚推完药?(?![^，。]{0,2}(?:头孢|抗生素|纳洛酮|肾上腺素))|刚注射完?|"
                       r"还在(?:手术)?台上|还在手术台|针还没拔|针还在|还在推|还在注射"}
_OVER = {"en": _IMPLANT_YEARS["en"] + r"|^(?![\s\S]*(?:\bduring\b|\bwhile\b|\bjust now\b|\bmid[- ]|\bas (?:i|we) (?:inject|push)|\binjecting\b|"
               r"\bon the table\b|\bstill (?:on|in|under)\b|\btoday\b))[\s\S]*?"
               r"\b(?:injection|block|procedure|esi|tfesi|ilesi|epidural|vertebroplasty|kyphoplasty|rfa|ablation|implant|mbb|sgb)\b"
               r"(?:[^.?]{0,20}\b(?:done|had|performed))?\s+(?:elsewhere|at another (?:hospital|centre|center|clinic)|at an? OSH)\b|^(?![\s\S]*(?:\bduring\b|\bwhile\b|\bjust now\b|\bmid[- ]|halfway|\bthrough the (?:injection|procedure|block)|\bas (?:i|we) (?:inject|push)))[\s\S]*?(?:\bover (?:the )?(?:past|last) (?:few |several |couple of |\d+ )?months\b|\bover (?:the )?(?:past |last )?(?:\d+|two|three|four|a few|several|couple of)\s*(?:wks?|weeks?)\b|\bfor (?:several |a few |\d+ )?months now\b)|\bafter (?:the |an? |her |his )?[\w-]+(?: [\w-]+)? (?:today|this morning|this afternoon|yesterday)\b(?![^.]{0,40}\bwhile\b)|\bin (?:the )?recovery\b|^\s*recovery\b|\bPACU\b|"
               # (the procedure told as just had, the symptom since: "just had C7 TFESI w kenalog, now can't feel his legs")
               r"\bjust (?:had|got|finished|done|did)\s+(?:(?:a|an|the|her|his|their|my)\s+)?(?:[\w/-]+\s+){0,2}?(?:procedure|injection|block|implant|tfesi|ilesi|esi|rfa|epidural|refill|vertebroplasty|kyphoplasty|kypho|vertebro|mbb|sgb|ablation|augmentation)\b(?![^.]{0,40}\b(?:while|during)\b)|\brecovery (?:room|area|bay|ward)\b|\b(?:on|back (?:on|to)) the ward\b|"
               # (never one level or side done with the next under way: "L1 vertebroplasty done, now injecting cement at L2")
               r"\b(?:block|injection|procedure|case|SGB|ESI|TFESI|ILESI|RFA|MBB|epidural|stellate|vertebroplasty|kyphoplasty|kypho|vertebro|PVP|PKP|"
               r"augmentation|ablation|epiduroscopy|neuroplasty|adhesiolysis|discogram|refill|implant|trial)\s+(?:just\s+)?(?:done|finished|completed)\b"
               r"(?![^.]{0,40}\b(?:while|during)\b)(?![^.?]{0,60}\b(?:injecting|filling|lesioning|ablating|pushing|doing (?:the )?(?:next|other|second)|"
               r"(?:next|other|second|opposite|right|left) (?:level|side|pedicle))\b)|"
               r"\bward (?:call|nurse|team)\b|\bcall from the ward\b|\b(?:the )?ward (?:calls|called|rang)\b|"
               # (the procedure told as earlier today, the symptom as now: "epiduroscopy today, ~150ml saline used, now blurry vision")
               r"\b(?:today|this (?:morning|am|a\.m\.|afternoon)|earlier today)\b[^.?]{0,60}\bnow\b"
               r"(?!\s+(?:pushing|injecting|during|while|doing|placing|advancing|giving|irrigating))|" + _HOME["en"],
         "zh": _IMPLANT_YEARS["zh"] + r"|^(?![\s\S]*(?:推药时|注射时|术中|正在|推的时候|打的时候|操作中|刚推|的时候|过程中|时突然|推[^，。；]{0,10}时|今天在我院|本院))[\s\S]*?"
               r"(?:外院|外面医院|别的医院|其他医院|别家医院)(?:做|打|行)的?(?:了)?(?:注射|阻滞|硬膜外|射频|椎体成形|后凸成形|手术|小关节|骶髂|神经|穿刺|治疗)|^(?![\s\S]*(?:推药时|注射时|术中|正在|推的时候|打的时候|操作中|刚推|的时候|过程中|时突然))[\s\S]*?(?:这|近|最近|过去)(?:几|数|两|三|半)个?月|(?:注射|穿刺|操作|手术|阻滞|治疗|术)(?:后|完)\s*(?:\d+|[一二两三四五六七八九十几半])\s*个?(?:多)?(?:小时|钟头|天)|(?:加药|补药|充药|加泵)(?:后|完)\s*(?:\d+|[一二两三四五六七八九十几半])\s*个?(?:多)?(?:小时|钟头|天|分钟)|复苏室|恢复室|PACU|麻醉恢复|回(?:到)?病房|病房里|在病房|病房(?:护士|来电|打电话|值班)|(?:今天|今早|今晨|上午|早上|下午)[^。？]{0,30}(?:现在|目前)(?![^。？]{0,12}(?:推|注射|注入|打药|给药|穿刺|进针|冲洗)[^。？]{0,6}(?:时|中|的时候))|(?<!没)(?<!未)(?<!快)(?<!刚要)(?<!还没)做完(?![^，。]{0,6}(?:(?<!小)时|的时候))(?![^。]{0,16}(?:正在|接着|继续|在做|推|下一(?:个|节)|另一侧))|" + _HOME["zh"]}
# A follow-up that tells the patient is in hospital now (a scan's result, arrived in the emergency department).
_ARRIVED = {"en": r"\b(?:mri|ct|scan|bloods?|labs?)\b(?! (?:last|a year|years?|months?) )[^.?]{0,15}\b(?:shows?|showed|confirms?|confirmed|done|back)\b(?![^.?]{0,20}\b(?:ago|last (?:year|month)))|"
                  r"\b(?:arrived|admitted|came in|brought in|in (?:the )?(?:ed|a&e|er|casualty|emergency department|hospital))\b",
            "zh": r"(?<!以前的)(?<!去年的)(?<!之前的)(?:MRI|核磁|磁共振|CT)[^，。？]{0,6}(?:显示|提示|示|做了|结果)|已(?:经)?(?:到|来)(?:医院|急诊)|入院|收住|到了急诊|在急诊"}
# Pictures that no procedure under way causes (a baclofen pump that ran out or failed): never "stop the procedure"
_NOT_PROCEDURAL = frozenset({"baclofen-withdrawal", "implant-infection"})  # (never during a procedure: no "stop the procedure")
_WARD = {"en": r"\bward\b|\bnurse\b|\bPACU\b|\brecovery\b|\bICU\b|\bHDU\b", "zh": r"病房|护士|复苏室|恢复室|ICU|监护室"}
_HOME_STOP = {"en": "Tell the patient to come to hospital now (emergency services if needed) and start your emergency pathway",
              "zh": "立即让患者返院（必要时呼叫急救车）并启动本单位急救流程"}
# A life-threatening picture at home (unrousable, a new deficit, shock): the caller calls emergency services at once.
_HOME_EMS = {"en": "Tell the caller to call emergency services now and start your emergency pathway",
             "zh": "立即让家属拨打急救电话（120）送医，并启动本单位急救流程"}
_COME_IN = frozenset({"implant-infection", "dural-puncture-red-flags"})  # urgent, but the patient can be brought in


def _told_since(text: str, lang: Lang) -> bool:
    """Does the text tell the picture since the procedure ended (`_SINCE`), not during it (`_IN_PROCEDURE`), or during it
    only for what was done before ("硬膜外镜术中注了不少生理盐水，术后患者诉视物模糊": the picture is told after)?"""
    after = [m.start() for m in _rx(_SINCE[lang]).finditer(text)]
    during = [m.start() for m in _rx(_IN_PROCEDURE[lang]).finditer(text)]
    return bool(after) and (not during or max(after) > max(during))


def _as_told(rule: RedFlag, lang: Lang, out: Lang, question: str, late: bool, arrived: bool = False,
             own: str = "") -> tuple[str, tuple[str, ...], str]:
    """The pathway's banner, protocol steps and intra-procedural pattern (`Triage.intra`) for the setting the question
    tells (read in `lang`, told in `out`): during the procedure as written; once it is over (hours later, in recovery, on
    the ward) without "stop the procedure" and, for a late form, with the work-up first; a patient at home is brought in."""
    # (this turn's own time since wins over the turn before's "术中": "术后病人说看东西模糊" after a question on irrigation
    # limits during epiduroscopy)
    if rule.id == "neuraxial-deficit" and shown_in_patient(question, lang):  # (this turn with the one before it)
        # the scan is done and shows the haematoma: decompression and its timing are the steps, not stop-examine-scan
        seen = PATHWAY_STEPS[rule.id][out][:2]  # (stop and examine, scan: done; when surgery can wait, too)
        steps = tuple(s for s in steps_for(rule.id, out, question) if s not in seen) + (_CONSERVATIVE[out],)
        return _unstable(rule, lang, out, question, _SCANNED[out]), steps, ""
    if rule.id == "neuraxial-deficit" and on_the_needle(question, lang):  # (on the table, as the needle or catheter advances)
        return _unstable(rule, lang, out, question, _ON_NEEDLE_BANNER[out]), steps_for(rule.id, out, question), ""
    since = any(_told_since(t, lang) for t in (question, own) if t)
    if not (late or since or rule.id in _NOT_PROCEDURAL or _rx(_OVER[lang]).search(question)
            or (days_later(question, lang) and not _rx(_IMMEDIATE[lang]).search(question))):
        return _unstable(rule, lang, out, question, _febrile(rule, lang, out, question, rule.escalation[out])), steps_for(rule.id, out, question), ""
    banner, steps = _late_form(rule, out, question)
    banner = _unstable(rule, lang, out, question, _febrile(rule, lang, out, question, banner))
    # (the ward on the phone is no home, nor is a patient whose scan the follow-up reports)
    if _rx(_HOME[lang]).search(question) and not _rx(_WARD[lang]).search(question) and not arrived:
        banner = banner.replace(_LATE_STOP[out], (_HOME_STOP if rule.id in _COME_IN else _HOME_EMS)[out])
    return banner, steps, _INTRA[out]  # (once it is over nothing is stopped: "During TFESI, stop if…" is no step hours later)


_ON_NEEDLE_BANNER = {
    "en": "URGENT: a shock or paraesthesia as the needle, catheter or lead advances can mean contact with the spinal cord or a nerve "
          "root. Stop advancing and do not inject; check the patient's neurology now, and a new deficit needs an emergency MRI and "
          "spinal surgery consultation.",
    "zh": "紧急：进针、置管或送电极时出现触电感或异感，提示可能触及脊髓或神经根。立即停止推进、不要注射，马上检查神经功能；"
          "出现新发神经功能障碍须急诊MRI并请脊柱外科会诊。"}
_CONSERVATIVE = {"en": r"conservative \(non-surgical\) management|conservative management", "zh": r"保守(?:（非手术）)?治疗|保守处理"}
_SCANNED = {"en": "URGENT: a spinal haematoma shown on imaging after a neuraxial procedure or implant needs spine surgery review now; "
                  "when decompression is indicated, the earlier the better. " + _LATE_STOP["en"] + ".",
            "zh": "紧急：椎管内操作或植入术后影像已证实椎管内血肿，须立即请脊柱外科评估；如需减压，越早越好。" + _LATE_STOP["zh"] + "。"}


# A deficit told with laboured breathing or a low blood pressure ("颈椎TFESI推完药 手脚都动不了了，呼吸费力，血压80/40"):
# the airway and the circulation come before the scan.
_ABC_FIRST = {"en": "Breathing difficulty or a low blood pressure comes first: support the airway, ventilation and circulation now. ",
              "zh": "出现呼吸困难或低血压，须首先立即保障气道、通气和循环。"}
_WITH_ABC = frozenset({"esi-stroke", "neuraxial-deficit"})
_APNOEA = {"en": r"apn(?:o)?e|stopped breathing|not breathing|no resp\w*|respiratory arrest|\bbrady\w*|\bHR\s*(?:of\s*)?[1-4]\d\b|arrest",
           "zh": r"呼吸停止|没有呼吸|没呼吸|呼吸暂停|不呼吸|心率\s*[1-4]\d|心跳停|心脏骤停"}


def _unstable(rule: RedFlag, lang: Lang, out: Lang, question: str, banner: str) -> str:
    """The banner of a deficit told with failing breathing or circulation, with those first."""
    q = question if lang == "zh" else f" {question} "
    if rule.id not in _WITH_ABC:
        return banner
    told = _rx(_BREATHING[lang]).search(_rx(_SPEECHLESS[lang]).sub(" ", q)) or _rx(_LOW_BP[lang]).search(q) or _rx(_APNOEA[lang]).search(q)
    if not (told or severe(question, lang)):
        return banner
    head, sep, rest = banner.partition("：" if out == "zh" else ": ")
    # (confusion or failing vital signs told without a breathing or pressure problem: "意识模糊 … BP 175/95")
    return f"{head}{sep}{(_ABC_FIRST if told else _ABC_SEVERE)[out]}{rest[:1].upper()}{rest[1:]}"


_ABC_SEVERE = {"en": "Failing vital signs or a reduced level of consciousness come first: support the airway, breathing and circulation now. ",
               "zh": "生命体征不稳或意识障碍时，须首先立即保障气道、呼吸和循环。"}


# A new deficit with fever is first an epidural abscess: the banner names it first.
_FEBRILE_CAUSES = {"neuraxial-deficit": {
    "en": ("can be a spinal haematoma, abscess or cord injury", "with fever is an epidural abscess until shown otherwise "
                                                                "(a spinal haematoma or cord injury are the other causes)"),
    "zh": ("可能是椎管内血肿、脓肿或脊髓损伤", "伴发热时首先考虑硬膜外脓肿（其次为椎管内血肿或脊髓损伤）")}}


# A catheter-tip granuloma a scan has shown in a pump patient with a deficit ("MRI确诊导管尖端肉芽肿了，接下来怎么处理？"): its
# treatment, not the work-up that found it.
_GRANULOMA_SHOWN = {"en": r"\b(?:mri|ct|scan|myelogra\w*|imaging)\b[^.?;]{0,40}\b(?:granuloma|inflammatory mass|(?:catheter[- ])?tip mass|mass at (?:the )?(?:catheter )?tip)\b|"
                          r"\b(?:granuloma|catheter[- ]tip mass)\b[^.?;]{0,20}\b(?:confirmed|on (?:the )?(?:mri|ct))\b",
                    "zh": r"(?:MRI|核磁|磁共振|CT)[^，。？]{0,12}(?:肉芽肿|炎性包块|导管(?:尖端|头端)[^，。？]{0,3}(?:占位|团块|包块|肿块))|(?:肉芽肿|炎性包块)[^，。？]{0,6}(?:确诊|证实)"}
_INFECTED = {"en": r"\babscess|\bfever|febrile|\bpyrexi|\bpus\b|\b3[89](?:\.\d)?\s*°?\s*c\b|\b(?:t|tmax|temp)\s*[:=]?\s*3[89]\.\d\b|" + _TEMPS_EN,
             "zh": r"脓肿|发热|发烧|高热|低热|低烧|化脓|3[89](?:\.\d)?\s*(?:℃|度)"}
_PUMP_TOLD = {"en": r"\bpump\b|\bintrathecal\b|\bIT (?:morphine|baclofen|hydromorphone|ziconotide|catheter|drug)\b|\b(?:IDD|ITDD|IDDS)\w*\b|"
                    r"\b(?:catheter[- ]tip|granuloma)\b[^.?]{0,40}\b(?:catheter|pump)\b",
              "zh": r"泵|鞘内"}
_GRANULOMA_BANNER = {
    "en": "URGENT: a catheter-tip granuloma shown on imaging with a new deficit: stop the intrathecal infusion (or switch to saline) "
          "and get neurosurgical review now for catheter revision or removal, and decompression if it compresses the cord. "
          + _LATE_STOP["en"] + ".",
    "zh": "紧急：影像已证实导管尖端肉芽肿并伴新发神经功能障碍：停止鞘内输注（或改为生理盐水），立即请神经外科评估导管修正或取出，"
          "压迫脊髓时行减压手术。" + _LATE_STOP["zh"] + "。"}
_GRANULOMA_SUSPECTED = {
    "en": "URGENT: a new deficit in a pump patient with a suspected catheter-tip granuloma: image it now (plain film for the "
          "catheter tip, then MRI with gadolinium), stop the intrathecal infusion (or switch to saline) and get neurosurgical "
          "review for catheter revision or removal, and decompression if it compresses the cord. " + _LATE_STOP["en"] + ".",
    "zh": "紧急：鞘内泵患者新发神经功能障碍、疑似导管尖端肉芽肿：立即行影像检查（先拍 X 线平片定位导管尖端，再行钆增强 MRI），"
          "停止鞘内输注（或改为生理盐水），请神经外科评估导管修正或取出，压迫脊髓时行减压手术。" + _LATE_STOP["zh"] + "。"}
_GRANULOMA_STEPS = {"en": (r"stop the infusion|switch to saline", r"decompression is needed|resume"),
                    "zh": (r"停止输注|改为生理盐水", r"手术减压|恢复鞘内治疗")}


_GRANULOMA_WORKUP = {"en": (r"plain film|locate the catheter tip", r"stop the infusion|switch to saline", r"decompression is needed"),
                     "zh": (r"X ?线平片|导管尖端位置", r"停止输注|改为生理盐水", r"手术减压")}
# The pump's analgesia failing as its dose is raised, the early sign of a catheter-tip mass (the pump told beside it:
# `_FAILING_PUMP`, `granuloma_shown`).
_ANALGESIA_LOST = {"en": r"despite (?:dose|the dose|increas|escalat)|dose (?:went up|increased|escalat)|"
                         r"(?:keep|kept|keeps) (?:upping|increasing|raising|going up on) (?:the |his |her )?dose|upping the dose|dose keeps (?:going up|rising)|"
                         r"despite (?:\d+|two|three|four|several|multiple|repeated) (?:dose )?(?:increase|escalation|titration)s?|dose increases|"
                         r"losing (?:its )?(?:analgesia|effect)|analgesia failing|less and less|not working as well|"
                         r"dose (?:\w+ )?(?:creeping|creeps|crept|drifting|going|gone|went) up|(?:with |but )?less (?:and less )?effect|"
                         r"(?:increasing|escalating|rising) (?:doses?|requirements?)|tolerance|"
                         r"\b(?:keeps?|kept) (?:turning|putting|increasing|upping|raising) (?:up )?(?:the pump|the dose|the rate|it)\b|"
                         r"\bdespite (?:turning|increasing|upping|raising) (?:up )?(?:the pump|the dose|the rate)|\bdespite (?:the )?dose (?:escalation|increases)\b|"
                         r"\bloss of analgesia\b|\bkeeps? needing higher doses\b",
                   "zh": r"加了量|加量|越来越差|越来越不管用|镇痛效果下降|止痛效果下降|越来越没效果|剂量(?:越来越大|一直(?:在)?(?:加|涨|往上)|不断增加)|效果越来越差|"
                         r"越调越(?:高|大)|(?:调高|调大|加了剂量|加剂量)[^，。？?]{0,6}(?:还是|仍|也)(?:痛|疼|不管用|没用|止不住|不止痛)|"
                         r"(?:止痛|镇痛)(?:效果)?(?:变差)|越来越不止痛|泵不管用了"}
_GRANULOMA_NAMED = {"en": r"\bgranuloma|inflammatory mass|catheter[- ]tip mass", "zh": r"肉芽肿|炎性包块"}
_GRANULOMA_TREATED = {"en": r"\bsaline\b|\bstop (?:the )?(?:morphine|infusion|hydromorphone|pump)\b|\bturn (?:the pump |it )?off\b|\bswitch (?:the pump |it )?off\b",
                      "zh": r"生理盐水|停(?:用|掉)?(?:吗啡|输注|氢吗啡酮|泵)|关(?:掉)?泵"}
_OTHER_MASS = {"en": r"ha?ematoma|metasta|tumou?r|abscess|baclofen|lioresal|gablofen|\bITB\b|apixaban|rivaroxaban|dabigatran|edoxaban|warfarin|"
                     r"heparin|enoxaparin|dalteparin|tinzaparin|fondaparinux|anticoag|antiplatelet|clopidogrel|ticagrelor|prasugrel|aspirin|"
                     r"xarelto|eliquis|pradaxa|lixiana|savaysa|clexane|lovenox|fragmin|coumadin|plavix|brilinta|effient|\bLMWH\b|\bDOACs?\b|"
                     r"\bNOACs?\b|\bDAPT\b|blood thinner|\bINR\b",
               "zh": r"血肿|转移|肿瘤|脓肿|巴氯芬|抗凝|抗血小板|华法林|利伐沙班|阿哌沙班|达比加群|艾多沙班|肝素|依诺肝素|氯吡格雷|替格瑞洛|普拉格雷|"
                     r"阿司匹林|拜瑞妥|艾乐妥|泰毕全|克赛|波立维|泰嘉|倍林达|拜阿司匹灵|双抗|INR"}
# The early path needs an implanted intrathecal pump: not an epidural infusion, a labour epidural or a PCA pump.
_NOT_AN_IT_PUMP = {"en": r"\bepidural (?:infusion|pump)|\binfusion pump\b|\blabou?r\b|\bPCA pump\b|\bPCEA\b",
                   "zh": r"硬膜外(?:镇痛)?泵|镇痛泵|分娩|产后|PCEA"}
# Drugs told as not taken ("not on any blood thinners", 没吃阿司匹林和波立维): no other cause of the mass.
_DENIED_DRUGS = {"en": r"\b(?:not on|not taking|no|denies|never on|off)\b[^.,;?]{0,30}",
                 "zh": r"(?:没吃|没有吃|没服|未服|没用|不吃|没在吃)[^，。；？?]{0,12}"}


def granuloma_shown(tri: Triage, text: str, lang: Lang, before: str = "") -> Triage:
    """A deficit's pathway once this turn tells the scan shows the pump's catheter-tip granuloma (the pathway may be the
    turn before's): its treatment leads, the work-up is done. Not a granuloma ruled out or still to look for ("MRI no
    granuloma", "MRI未见肉芽肿", "should we get MRI to look for granuloma?"), nor one told of a patient with no pump."""
    if tri.rule != "neuraxial-deficit" or not _rx(_PUMP_TOLD[lang]).search(f"{before} {text}"):
        return tri
    shown = [m for m in _rx(_GRANULOMA_SHOWN[lang]).finditer(text)
             if not _rx(_NOT_SHOWN[lang]).search(text[max(0, m.start() - 24):m.end() + 12])]
    # (or its treatment asked of the granuloma the turn before suspected: "should we stop the morphine and run saline
    # instead, or does it need surgery?")
    named = [m for m in _rx(_GRANULOMA_NAMED[lang]).finditer(before) if not _rx(_NOT_SHOWN[lang]).search(before[max(0, m.start() - 24):m.start()])]
    # (not with another cause named or possible, a haematoma, a tumour, an anticoagulant; nor a baclofen pump, whose
    # infusion is never simply stopped)
    treated = bool(named) and _rx(_GRANULOMA_TREATED[lang]).search(text) and not _rx(_OTHER_MASS[lang]).search(f"{before} {text}")
    # (or its early sign told before the late one: "pain creeping up for months even tho they keep turning the pump up, and
    # the last few wks his legs feel weak … bladder": the mass is looked for first)
    # (not once the scan has looked for it: "MRI未见肉芽肿，怎么办")
    early = not (shown or treated) and bool(_rx(_ANALGESIA_LOST[lang]).search(f"{before} {text}")) \
        and not _rx(_OTHER_MASS[lang]).search(_rx(_DENIED_DRUGS[lang]).sub(" ", f"{before} {text}")) \
        and not _rx(_GRANULOMA_NAMED[lang]).search(text) and not _rx(_NOT_AN_IT_PUMP[lang]).search(f"{before} {text}") \
        and not _rx(_NO_MRI[lang]).search(text)  # (no MRI possible: `without_mri`'s CT myelography banner stands)
    if not (shown or treated or early) or _rx(_INFECTED[lang]).search(f"{before} {text}"):  # (with fever or an abscess named: the abscess first)
        return tri
    out: Lang = "zh" if re.search(r"[\u4e00-\u9fff]", tri.escalation) else "en"
    steps = _GRANULOMA_WORKUP[out] if early else _GRANULOMA_STEPS[out]
    # (the cord compressed on the scan: its decompression first, unless what else there is, apart from surgery, is asked)
    if _rx(_CORD_COMPRESSED[lang]).search(text) and not _rx(_BESIDES_SURGERY[lang]).search(text):
        steps = steps[::-1]
    return dataclasses.replace(tri, escalation=(_GRANULOMA_BANNER if shown else _GRANULOMA_SUSPECTED)[out], steps=steps)


def granuloma_pathway(tri: Triage) -> bool:
    """Is the pathway a pump's catheter-tip granuloma (shown on the scan, or suspected from its signs)?"""
    return tri.escalation in (*_GRANULOMA_BANNER.values(), *_GRANULOMA_SUSPECTED.values())


_CORD_COMPRESSED = {"en": r"\bcord compression\b|\bcompress(?:es|ing|ed)? (?:the )?(?:spinal )?cord\b|\bcompressing\b", "zh": r"压迫脊髓|脊髓受压|压迫"}
_BESIDES_SURGERY = {"en": r"\b(?:apart from|other than|besides|instead of|without|avoid(?:ing)?) (?:an? )?(?:surgery|operation|operating|decompression)\b|\bnon-?surgical\b",
                    "zh": r"除了手术|不手术|不做手术|不开刀|保守|手术以外"}


def without_mri(tri: Triage, text: str, lang: Lang) -> Triage:
    """A deficit's banner for a patient this turn says cannot have an MRI (the pathway may be the turn before's): the CT
    myelography in its place; for one whose MRI this turn reports ("MRI shows epidural abscess compressing the thecal
    sac"): no MRI ordered again."""
    out: Lang = "zh" if re.search(r"[\u4e00-\u9fff]", tri.escalation) else "en"
    if tri.rule == "neuraxial-deficit" and _rx(_NO_MRI[lang]).search(text):
        return dataclasses.replace(tri, escalation=tri.escalation.replace(*_NO_MRI_SCAN[out]))
    done = [m for m in _rx(_MRI_DONE[lang]).finditer(text) if not _rx(_MRI_NOT_DONE[lang]).search(text[max(0, m.start() - 30):m.start()])
            and not _rx(_MRI_NOTHING[lang]).search(text[m.end():m.end() + 40])]
    if tri.rule == "neuraxial-deficit" and done:
        return dataclasses.replace(tri, escalation=tri.escalation.replace(*_MRI_DONE_SCAN[out]))
    return tri


def scan_clear(text: str, lang: Lang) -> bool:
    """Does the turn report the deficit's scan showing no collection ("MRI no collection, just erythema round the lead exit
    site", "MRI clear", 磁共振没有血肿)? Its emergency scan is done and found no haematoma or abscess."""
    return bool(_rx(_SCAN_CLEAR[lang]).search(text)) and not _rx(_MRI_NOT_DONE[lang]).search(text)


# (the words that rule a cause out, RULED_OUT_TOLD, said of a scan; or the scan called clear)
_SCAN_CLEAR = {"en": r"\b(?:mri|mr scan|ct|scan)\b[^.?!;]{0,20}?(?:" + RULED_OUT_TOLD["en"].pattern
                     + r"|\b(?:no compression|clear|normal|unremarkable|nothing (?:found|seen|acute))\b)",
               "zh": r"(?:MRI|核磁|磁共振|CT)[^，。？?；]{0,8}?(?:" + RULED_OUT_TOLD["zh"].pattern + r"|正常|无(?:明显)?异常)"}


# (no result of this episode: a hypothetical, a scan still awaited or one from before the procedure; a result of nothing)
_MRI_NOT_DONE = {"en": r"\b(?:if|when|will|would|whether|waiting|awaiting|pending|booked|pre-?procedure|pre-?op|previous|prior|old|last "
                       r"(?:year|month)|before)\b",
                 "zh": r"如果|假如|要是|一旦|等|待|之前|以前|术前|去年|既往"}
_MRI_NOTHING = {"en": r"^\s*\?|\b(?:no|not|nothing|normal|unremarkable|negative|clear|old|chronic|unchanged|stable)\b",
                "zh": r"无|未见|没有|正常|陈旧|阴性|未发现"}
# An MRI whose result the turn reports ("MRI shows…", "MRI confirms…", 核磁显示…)
_MRI_DONE = {"en": r"\b(?:mri|mr scan)\b\s*(?:[:：]|(?:shows?|showed|confirms?|confirmed|demonstrates?|revealed?|reports?)\b)",
             "zh": r"(?:MRI|核磁|磁共振)(?:检查)?(?:显示|提示|示|证实|确诊|报告)"}
_MRI_DONE_SCAN = {"en": (", emergency MRI and spinal surgery consultation", " and spinal surgery consultation"),
                  "zh": ("、急诊MRI并请脊柱外科会诊", "并请脊柱外科会诊")}


def febrile_banner(tri: Triage) -> bool:
    """Does the pathway's banner read the deficit as febrile (an epidural abscess first)?"""
    return any(causes[1] in tri.escalation for table in _FEBRILE_CAUSES.values() for causes in table.values())


def _febrile(rule: RedFlag, lang: Lang, out: Lang, question: str, banner: str) -> str:
    causes = _FEBRILE_CAUSES.get(rule.id)
    if rule.id == "neuraxial-deficit" and _rx(_CEMENT_TOLD[lang]).search(question):
        banner = banner.replace(*_CEMENT_SCAN[out])  # (cement in the canal shows on CT: the sources' scan for it)
    if rule.id == "neuraxial-deficit" and _rx(_FAILING_PUMP[lang]).search(question):
        banner = banner.replace(*_GRANULOMA_FIRST[out])  # (a pump losing its effect, then a deficit: the catheter-tip mass)
    if rule.id == "implant-infection" and _rx(_IMPLANT_TOLD[lang]).search(question) and not _rx(_DISC_TOLD[lang]).search(question):
        banner = banner.replace(*_NO_DISCITIS[out])  # (an implant's wound is no disc: discitis after a needle on or near the disc)
    if not causes or not picture_told(rule.id, lang, question):
        return banner
    return banner.replace(*causes[out])


# An implant told (a stimulator, a pump, its pocket or leads) with no procedure on or through a disc or a vertebral body
# (discography, an intradiscal procedure, vertebral augmentation): the infection banner names no discitis ("SCS wound red
# and draining, 38.2" is a wound, device or epidural infection; a fever after an ESI or a PLDD may be a discitis).
_IMPLANT_TOLD = {"en": r"\bSCS\b|stimulat|\bpump\b|\bIPG\b|generator|\bpocket\b|\bleads?\b|\bimplant|intrathecal|\bITDD\b|\bDRG\b",
                 "zh": r"SCS|刺激器|电刺激|泵|囊袋|电极|植入|鞘内|IPG|DRG"}
_DISC_TOLD = {"en": r"\bdis[ck]s?\b|discogra|intradiscal|\bPLDD\b|nucleoplast|\bIDET\b|ozone|vertebroplast|kyphoplast|vertebral augment|"
                    r"\bVP\b|\bPKP\b|\bPVP\b|transdiscal|discitis",
              "zh": r"椎间盘|(?<!增强)造影(?!剂)|髓核|臭氧|椎体成形|后凸成形|PKP|PVP|PLDD|IDET|经椎间盘|椎间盘炎|disc|discogra"}
_NO_DISCITIS = {"en": ("device infection, discitis, an epidural abscess", "device infection, an epidural abscess"),
                "zh": ("装置感染、椎间盘炎、硬膜外脓肿", "装置感染、硬膜外脓肿")}


# A deficit in a patient whose intrathecal pump has been losing its effect despite dose increases: a catheter-tip granuloma
# compressing the cord comes first.
_FAILING_PUMP = {"en": r"(?:(?:intrathecal|morphine|baclofen|hydromorphone|ziconotide|implanted|drug|IT) pump|intrathecal|(?-i:\bIT\b)|(?-i:\bIT?DD)|synchromed|prometra)[\s\S]*(?:"
                       + _ANALGESIA_LOST["en"] + ")",
                 "zh": r"泵[\s\S]*(?:" + _ANALGESIA_LOST["zh"] + ")"}
_GRANULOMA_FIRST = {"en": ("can be a spinal haematoma, abscess or cord injury",
                           "can be a catheter-tip granuloma (inflammatory mass) compressing the cord, or a spinal haematoma, abscess or cord injury"),
                    "zh": ("可能是椎管内血肿、脓肿或脊髓损伤", "可能是导管尖端炎性包块（肉芽肿）压迫脊髓，或椎管内血肿、脓肿、脊髓损伤")}
# A patient who cannot have an MRI ("老式心脏起搏器，做不了MRI", "pacemaker not MRI safe"): the CT myelography the sources
# give in its place.
_NO_MRI = {"en": r"\b(?:can(?:no|'|’)?t|cannot|unable to|not able to) (?:have|get|do|undergo|go in(?:to)? the) (?:an? )?(?:MRI|MR scan|scanner)\b|"
                 r"\bMRI (?:is )?(?:contraindicated|not (?:possible|safe|compatible|an option))\b|\b(?:not|non)[- ]MRI[- ](?:safe|compatible|conditional)\b|"
                 r"\bMRI(?:'s| is) (?:out|off the table|a no[- ]go)\b|"
                 r"\bno MRI (?:possible|available)\b|\bMRI (?:can(?:no|'|’)?t|cannot|won'?t) be (?:done|performed|had|obtained|arranged)\b|\bMRI (?:is |scanner is )?(?:not available|unavailable|not avail|broken)\b|\bMRI (?:is |'s )down\b|"
                 r"\b(?:no|can(?:no|'|’)?t get an?) MRI (?:slot )?(?:until|till|before) (?:tomorrow|the morning|morning|monday|tuesday|wednesday|"
                 r"thursday|friday|saturday|sunday|next|\d+\s*(?:am|pm|h|hrs?|hours?))\b",
           "zh": r"(?:做不了|不能做|无法做|不能行|无法行|没法做|不能进|没有|排不上)(?:MRI|核磁|磁共振)(?!禁忌|结果|报告)|"
                 r"(?<!没有)(?<!无)(?:MRI|核磁|磁共振)(?:检查)?(?:禁忌|做不了|不能做|无法做|排不上|坏了|约不上|要等(?:到)?(?:明天|明早|\d+\s*(?:小时|天)))"}
_NO_MRI_SCAN = {"en": ("emergency MRI", "emergency CT myelography (MRI not possible)"),
                "zh": ("急诊MRI", "急诊CT脊髓造影（无法行MRI）")}
# A deficit after vertebral augmentation: the urgent CT for cement in the canal or foramen is the sources' first scan.
_CEMENT_TOLD = {"en": r"\bcement|\bPMMA\b|vertebroplast|kyphoplast|\bkypho\b|\bP[VK]P\b", "zh": r"骨水泥|椎体成形|后凸成形|PVP|PKP"}
_CEMENT_SCAN = {"en": ("emergency MRI", "urgent CT for cement in the canal or foramen (MRI for a haematoma)"),
                "zh": ("急诊MRI", "急查CT了解椎管或椎间孔内骨水泥（排查血肿行MRI）")}


# A picture that began after the procedure (in recovery, on the ward, hours or days later) has no injection or irrigation to
# stop: its banner and its steps start with recognition and work-up (chest tightness on day 2 after a kyphoplasty: suspect a cement embolism, CT pulmonary
# angiogram), not with "stop injecting cement".
_LATE_FORMS: dict[str, tuple[dict[str, str], dict[str, tuple[str, ...]]]] = {
    "cement-embolism": (
        {"en": "URGENT: new chest tightness, breathlessness, desaturation or hypotension after vertebral augmentation (in recovery, on the ward "
               "or days later) can be a pulmonary cement embolism. " + _LATE_STOP["en"] + ": give oxygen, support the circulation and arrange a CT pulmonary angiogram.",
         "zh": "紧急：椎体强化术后（复苏室、病房或数天后）新出现胸闷、呼吸困难、血氧下降或低血压，可能是肺骨水泥栓塞。" + _LATE_STOP["zh"]
               + "：给氧、循环支持，并安排 CT 肺动脉造影。"},
        {"en": (r"suspicion of pulmonary cement|CT pulmonary angiogram", r"confirm a suspected", r"symptomatic or central|heparin"),
         "zh": (r"应怀疑肺骨水泥栓塞|CT\s*肺动脉造影检查", r"影像学确诊", r"有症状或中央型|肝素")}),
    "epiduroscopy-pressure": (
        {"en": "URGENT: neck pain, headache, visual symptoms or haemodynamic change after epiduroscopy or neuroplasty can mean raised epidural and "
               "CSF pressure from the fluid given. " + _LATE_STOP["en"] + ": assess vision and neurology urgently.",
         "zh": "紧急：硬膜外腔镜或神经成形术后出现颈痛、头痛、视觉症状或血流动力学变化，可能是注入液体导致硬膜外及脑脊液压力升高。"
               + _LATE_STOP["zh"] + "：紧急评估视力和神经功能。"},
        {"en": (r"raise concern for retinal",), "zh": (r"应警惕脑脊液压力升高",)}),
}


# What a sentence says only of the procedure still under way ("stop the cement injection … during vertebroplasty").
_INTRA = {"en": r"\bstop (?:the )?(?:cement )?(?:injection|injecting|irrigation)|\bpause the procedure|\bduring (?:vertebroplasty|kyphoplasty|the procedure)|"
                r"^during [^,]{0,40}, stop\b|\bdo not inject (?:any )?further\b",
          "zh": r"停止注射(?!局麻药)|停止注入|停止冲洗|暂停操作|术中|^[^，。]{0,20}中，[^。]{0,40}停止操作|不要继续注射|不再继续注射"}


def _late_form(rule: RedFlag, lang: Lang, question: str) -> tuple[str, tuple[str, ...]]:
    """The banner and protocol steps of a pathway whose picture began after the procedure was over."""
    form = _LATE_FORMS.get(rule.id)
    if form:
        return form[0][lang], form[1][lang]
    return rule.escalation[lang].replace(_STOP[lang], _LATE_STOP[lang]), steps_for(rule.id, lang, question)


# Steps a pathway adds when the picture says which of its conditions it is: fever with a new deficit days after a neuraxial
# injection is an epidural abscess until shown otherwise, so its antibiotic step is quoted too.
_PICTURE_STEPS: dict[str, tuple[dict[str, str], dict[str, str], int]] = {
    "neuraxial-deficit": (_FEVER_TOLD,
                          # the abscess's (or deep infection's) antibiotics, not a superficial wound's
                          {"en": r"(?:abscess|deep infection|explant)[^.;]{0,80}antibiotic|antibiotic[^.;]{0,60}(?:abscess|drainage)",
                           "zh": r"(?:脓肿|深部感染|取出)[^。；;]{0,40}抗生素|抗生素[^。；;]{0,30}(?:脓肿|引流)"}, 2),  # after assessment and imaging
    # an infected implant with a new deficit (numb or weak legs) is an epidural abscess until the MRI says otherwise: the
    # abscess work-up comes first, before a wound's antibiotics
    "implant-infection": ({"en": r"numb|weak|can'?t (?:move|feel|walk)|paralys|" + _SPHINCTER_SIGN + r"|deficit",
                           "zh": r"麻|无力|没力|不能动|动不了|抬不起|瘫|大小便|尿潴留|排尿困难|神经功能"},
                          {"en": r"abscess\w*[^,;.]{0,60}\b(?:MRI|imaging)\b|\bMRI\b[^,;.]{0,60}abscess",
                           "zh": r"脓肿[^，；,;。]{0,30}(?:MRI|影像)|MRI[^，；,;。]{0,30}脓肿"}, 0),
}


# Steps a picture moves first: a patient in cardiac arrest (pulseless VT, VF, asystole, no pulse) needs the modified
# resuscitation before the seizure and lipid steps.
_PICTURE_FIRST: dict[str, tuple[dict[str, str], int]] = {
    "last": ({"en": r"\bv(?:f|t)\b|pulseless|no pulse|asystol|cardiac arrest|\barrest(?:ed)?\b|ventricular fibrillation|\bCPR\b",
              "zh": r"室颤|室速|无脉|没(?:有)?脉|脉(?:搏)?没了|摸不[到着].{0,6}(?:脉|搏动)|心跳.{0,2}停|心搏骤停|心脏骤停|停搏|没(?:有)?心跳|CPR|心肺复苏"}, 4),
}


def moved_first(rule: str, lang: Lang, question: str) -> bool:
    """Does the question tell a picture that moves one of the pathway's steps first (VF in LAST: modified ACLS)?"""
    first = _PICTURE_FIRST.get(rule)
    return bool(first and _rx(first[0][lang]).search(question))


def picture_told(rule: str, lang: Lang, question: str) -> bool:
    """Does the question tell the picture that adds a step to the pathway (fever with a new deficit: the abscess's)? A
    sign denied ("without fever", 没有发烧) tells none."""
    picture = _PICTURE_STEPS.get(rule)
    told = _rx(_NEGATED[lang]).sub(" ", question if lang == "zh" else f" {question} ")
    # (a fever told as before the procedure, "had a fever two days before his ILESI, it settled", is none now)
    told = _rx(_FEVER_BEFORE[lang]).sub(" ", told)
    return bool(picture and _rx(picture[0][lang]).search(told))


# (only a fever told as over: "had a fever 38.5 two days before his ILESI, it settled … afebrile now"; never "temp 38.8 now,
# he was fine before the injection", "febrile since before the injection", 术前两天就开始发烧一直没退)
_FEVER_BEFORE = {"en": r"^(?=[\s\S]*\b(?:settled|resolved|subsided|afebrile|went away|gone)\b)(?![\s\S]*\b(?:since before|not settled|hasn'?t settled|"
                       r"still febrile|febrile now|fever now|now febrile|temp(?:erature)? (?:is )?now|new fever)\b)[\s\S]*?"
                       r"\b(?:fever|febrile|pyrexi\w*|temp(?:erature)?)\b(?:[^.;]|\.\d){0,25}?\b(?:\d+|two|three|four|five|a few|several)\s*"
                       r"(?:days?|hours?|hrs?|weeks?)\s+(?:before|prior to)\s+(?:the |his |her |their |an? )?(?:[\w-]+\s+){0,3}?"
                       r"(?:injection|procedure|block|esi|ilesi|tfesi|implant|trial|rfa|ablation|vertebroplasty|kyphoplasty|epidural|refill|surgery|op)\b",
                 "zh": r"(?:术前|注射前|操作前|手术前|穿刺前|做之前)[^，。；]{0,10}(?:发热|发烧|高烧)(?:\s*(?:到|了)?\s*\d+(?:\.\d)?\s*(?:度|℃|°C))?"
                       r"(?=[^。；]{0,8}(?:已经退|已退|退了|好了|消退|正常了))(?![^。；]{0,12}(?:没退|未退|一直|仍|还在|又))"}


_ABSCESS_TOO = {"en": r"^(?!(?=.*ha?ematoma)(?!.*abscess)).*", "zh": r"^(?!(?=.*血肿)(?!.*脓肿)).*"}
_ABSCESS_NAMED = {"en": r"^(?=.*abscess).*", "zh": r"^(?=.*脓肿).*"}


def steps_for(rule: str, lang: Lang, question: str) -> tuple[str, ...]:
    """The pathway's protocol steps (PATHWAY_STEPS), with the step its picture adds (see `_PICTURE_STEPS`) and the one
    it moves first (`_PICTURE_FIRST`)."""
    steps = PATHWAY_STEPS.get(rule, {}).get(lang, ())
    picture = _PICTURE_STEPS.get(rule)
    if picture and picture_told(rule, lang, question):
        at = picture[2]
        if rule == "neuraxial-deficit":  # (with fever the abscess comes first: no step quoted from a haematoma's own sentence,
            # and the surgery and its timing only from one naming the abscess, never a cement leak's)
            steps = tuple((_ABSCESS_TOO if i < 2 else _ABSCESS_NAMED)[lang] + f"(?:{x})" for i, x in enumerate(steps))
        steps = (*steps[:at], picture[1][lang], *steps[at:])
    if rule == "neuraxial-deficit" and _rx(_FAILING_PUMP[lang]).search(question):
        # (a failing pump, then a deficit: the catheter-tip mass's own treatment, stop the infusion or switch to saline,
        # after its work-up and the decompression)
        steps = (*steps[:3], _STOP_INFUSION[lang], *steps[3:])  # (after the decompression a compressed cord needs)
    if rule == "neuraxial-deficit" and on_the_needle(question, lang):
        # (a paraesthesia as the catheter is threaded: withdraw it first, then stop and examine (its sentence names the
        # MRI); no haematoma's decompression timing, nor a granuloma's work-up, for a moment on the needle)
        steps = (_PULL_BACK[lang], *steps[:1])
    if rule == "esi-stroke" and _rx(_INJECTED[lang]).search(question) and not _rx(_CONTRAST_SEEN[lang]).search(question):
        # (the steroid already in, no contrast told: "do not inject further if contrast shows vascular spread" is no first step)
        steps = tuple(_rx(_NO_FURTHER[lang]).sub("", x).strip("|") for x in steps)
    first = _PICTURE_FIRST.get(rule)
    if first and _rx(first[0][lang]).search(question) and first[1] < len(steps):
        steps = (steps[first[1]], *steps[:first[1]], *steps[first[1] + 1:])
        # (an arrest with no seizure told: the seizure's benzodiazepine gives way to the steps for a heart that stays
        # stopped, no vasopressin and bypass or ECMO)
        if rule == "last" and not _rx(_SEIZING[lang]).search(question):
            steps = tuple(x for x in steps if x != PATHWAY_STEPS[rule][lang][1])
    return steps


_STOP_INFUSION = {"en": r"stop the infusion|switch to saline", "zh": r"停止输注|改为生理盐水|改用生理盐水|换成生理盐水"}
# the injection told as given ("just injected kenalog", 推完药) and the rule for what contrast shows (before it)
_INJECTED = {"en": r"\b(?:just |already )?injected\b|\bafter (?:the |injecting )?(?:inject\w*|steroid|kenalog|dex\w*)\b|\bpost[- ]injection\b|"
                   r"\b(?:injection|steroid|kenalog|dex) (?:is |was )?(?:in|done|given)\b",
             "zh": r"推完|打完|注射完|注完|注射后|注药后|推药后"}
_CONTRAST_SEEN = {"en": r"contrast|\bdye\b|\bDSA\b|vascular (?:pattern|spread|uptake|flow)|\bflash\b|live fluoro",
                  "zh": r"造影|显影|DSA|回血|见血"}
_NO_FURTHER = {"en": r"\|?do not inject further", "zh": r"\|?不再继续注射"}
# A paraesthesia or shooting pain while a needle, catheter or lead is being advanced ("while I'm threading the intrathecal
# cath", 置管时): the sources' step on the table is to withdraw and pass again, or stop advancing.
_SHOCK = {"en": r"paraesthesi\w*|paresthesi\w*|shooting (?:pain|down|into|through)|electric(?:al)? (?:shock|pain|jolt|zap|sensation|feeling)|"
                r"radicular (?:pain|symptoms?)|\bzing\b|\bjolt\b",
          "zh": r"异感|放电|触电|过电|一股电流|像电流|电流(?:样|感)|电流[^，。？?]{0,4}窜|电打|窜|放射(?:痛|到|样|至)|根性痛"}
_ON_THE_NEEDLE = {"en": rf"(?:{_SHOCK['en']})[^.?]{{0,60}}\b(?:while|as) (?:i'?m |i am |i was |we'?re |we are |we were |i |we |"
                        r"it |it'?s |it is |(?:the )?(?:\w+ )?(?:catheter|cath|needle|lead|tuohy|electrode) (?:is |was |is being |was being )?)?"
                        r"(?:thread|advanc|insert|plac|pass|feed)\w*|\b(?:while|as) (?:i'?m |i am |i was |we'?re |we are |we were |i |we )?"
                        r"(?:thread|advanc|insert|pass|feed)\w*"
                        rf"[^.?]{{0,60}}(?:{_SHOCK['en']})",
                  "zh": r"(?:置管|穿管|送管|置入导管|进针|推进|推电极|送电极|置入电极|放电极|(?:置入|送|推|穿)[^，。？?]{1,4}(?:导管|电极))"
                        rf"(?:到[^，。？?]{{0,8}})?(?:时|的时候|过程中)[^。？?]{{0,20}}(?:{_SHOCK['zh']})|"
                        r"(?:异感|放电|触电|根性痛)[^。？?]{0,20}(?:置管|送管|进针)(?:时|的时候)|"
                        rf"针(?:刚|正)?(?:进到|到达|进入|推到|到了)[^。？?]{{0,20}}(?:{_SHOCK['zh']})"}
# (not denied, "no paraesthesia as I advanced", 没有异感; nor asked in general or for teaching, "is radicular pain while
# advancing a reason to stop?", 给住院医讲课; nor stimulation an SCS lead is meant to give, "paraesthesia coverage"; nor
# told as a day or hours before a deficit now, "yesterday … as I advanced the needle; today new weakness")
_NEEDLE_NOT = {"en": r"\b(?:no|without|nil|denies|denied|not any)\s+(?:\w+\s+){0,2}?(?:paraesthesi|paresthesi|radicular|shooting|electric|zing)|"
                     r"\b(?:if|teaching|lecture|residents?|trainees?|in general|generally)\b|\bis (?:a |an )?(?:\w+ ){0,6}?(?:reason|normal|expected)\b|"
                     r"coverage|\b(?:yesterday|today|tomorrow|next week|last night|hours? later|\d+\s*(?:h|hrs?|hours?) (?:later|after))\b|"
                     r"\bis (?:that|this|it) (?:good|ok|okay|fine|normal|expected)\b|\bwhere (?:should|do|does|would|is)\b",
               "zh": r"(?:没有|没|无|未)(?:出现)?(?:异感|触电|放电|过电|根性痛)|如果|讲课|教学|规培|住院医|一般|要怎么判断|算合适|正常吗|覆盖|"
                     r"昨天|今天|明天|下周|小时后|之后|是好事"}


def on_the_needle(question: str, lang: Lang) -> bool:
    """A paraesthesia or a shock told as the needle, catheter or lead was being advanced (see `_ON_THE_NEEDLE`), now."""
    return bool(_rx(_ON_THE_NEEDLE[lang]).search(question)) and not _rx(_NEEDLE_NOT[lang]).search(question)


_PULL_BACK = {"en": r"withdrawn immediately|\bwithdraw (?:the )?(?:needle|catheter|lead)|stop advancing", "zh": r"立即退出|退出后重新|重新置入|停止进针"}
_SEIZING = {"en": r"seiz|convuls|fitting|twitch|\bfits?\b|jerk|tonic|clonic", "zh": r"抽搐|惊厥|癫痫|抽动|抽筋|抽起来"}


def seizure_told(question: str, lang: Lang) -> bool:
    """Does the question tell a seizure (or its twitching)?"""
    return bool(_rx(_SEIZING[lang]).search(question))


def lipid_asked(question: str, lang: Lang) -> bool:
    """Does the question name the lipid emulsion?"""
    return bool(_rx(_LIPID_ASKED[lang]).search(question))


# An emergency told during a procedure this knowledge base does not cover ("三叉神经痛球囊压迫，术中心率突然掉到40"): none of
# our pathways is its own (their steps would be another procedure's), yet the vital signs or the collapse call for help now.
FOREIGN_EMERGENCY = "unsourced-emergency"
_FOREIGN_BANNER = {
    "en": "URGENT: the vital signs or collapse described are an emergency, during a procedure this knowledge base does not cover. "
          + _STOP["en"] + "; the sources here give no steps for it.",
    "zh": "紧急：所述生命体征或意识改变属于急症，且发生在本知识库未涵盖的操作中。" + _STOP["zh"] + "；此处资料未给出针对它的处理步骤。",
}


def foreign_emergency(question: str, lang: Lang) -> Triage:
    """The banner for shock- or arrest-range vital signs, a failing heart rate or a collapse told as happening now in a
    question about another specialty's procedure (its answer declines the procedure; no pathway's steps are quoted); or
    for a threatened airway told after one ("post ACDF day 1 neck swelling and stridor, how do i manage")."""
    q = question if lang == "zh" else f" {question} "
    if _rx(_AIRWAY_THREAT[lang]).search(q) and not not_now(question, lang) and not _rx(_CALM_ASK[lang]).search(q):
        return Triage(True, FOREIGN_EMERGENCY, _FOREIGN_AIRWAY[lang])
    if local := _foreign_local(q, question, lang):
        return Triage(True, FOREIGN_EMERGENCY, local)
    if not (severe(question, lang) or slow_heart(question, lang) or _rx(_OUT_COLD[lang]).search(q)) or not_now(question, lang):
        return Triage(False)
    # (told as happening: "术中心率突然掉到40，怎么办", "HR dropped to 40 intraop, what do I do"; never a frequency, a plan or a
    # question of what a drug does: "does dexmedetomidine cause bradycardia?", "baseline HR 45 for surgery tomorrow")
    if not (happening_now(question, lang) or during_procedure(question, lang) or _rx(_FELL_NOW[lang]).search(q)) \
            or _rx(_CALM_ASK[lang]).search(q) or (_rx(_PLANNED[lang]).search(q) and not _rx(_HAPPENING[lang]).search(q)):
        return Triage(False)
    return Triage(True, FOREIGN_EMERGENCY, _FOREIGN_BANNER[lang])


def _foreign_local(q: str, question: str, lang: Lang) -> str:
    """The banner for a local emergency of another specialty's procedure told now: a hot, swollen joint with fever (a joint
    infection: "genicular nerve RFA 3 days ago, knee now hot swollen … T 38"), a bulging, tense eye after an eye block
    (眼科球后阻滞完 眼球突出 眼睑绷紧); empty when none is told, or it is asked of rather than told."""
    if not_now(question, lang) or _rx(_CALM_ASK[lang]).search(q):
        return ""
    if _rx(_HOT_JOINT[lang]).search(q) and _rx(_FEVER_TOLD[lang]).search(q):
        return _FOREIGN_JOINT[lang]
    return _FOREIGN_EYE[lang] if _rx(_EYE_THREAT[lang]).search(q) else ""


_JOINTS = {"en": r"knee|hip|shoulder|elbow|ankle|wrist|joint", "zh": r"(?:膝|髋|肩|肘|踝|腕)(?:关节|盖)?"}
_HOT_JOINT = {"en": rf"\b(?:{_JOINTS['en']})s?\b[^.?!]{{0,30}}\b(?:hot|swollen|swelling|red|warm|effusion)\b|"
                    rf"\b(?:hot|swollen|red|warm)\b[^.?!,]{{0,15}}\b(?:{_JOINTS['en']})\b",
              "zh": rf"{_JOINTS['zh']}[^，。？?]{{0,8}}(?<![不没无])(?:红肿|肿胀|发红|发热|发烫|皮温高|肿得)"}
_EYE_THREAT = {"en": r"\bproptos\w*|\bproptotic\b|\bbulging eye|\beye (?:is )?bulging|\btense (?:orbit|eyelids?|lids?)\b|"
                     r"\b(?:retrobulbar|orbital|peribulbar) (?:ha?emorrhage|bleed|ha?ematoma)\b|\borbital compartment\b",
               "zh": r"眼球突出|眼睑(?:绷紧|紧绷|张力高|发紧)|球后(?:出血|血肿)|眶内(?:出血|血肿)|眼眶(?:出血|血肿|间隔综合征)"}
_FOREIGN_JOINT = {
    "en": "URGENT: fever with a hot, swollen joint after a procedure this knowledge base does not cover can be a joint infection. "
          "Arrange urgent same-day review by the team that treats it; the sources here give no steps for it.",
    "zh": "紧急：本知识库未涵盖的操作之后出现发热伴关节红肿热痛，可能是关节感染。请当天紧急请相关专科评估；此处资料未给出针对它的处理步骤。",
}
_FOREIGN_EYE = {
    "en": "URGENT: a bulging, tense eye after an eye block threatens sight, after a procedure this knowledge base does not cover. "
          "Call ophthalmology now; the sources here give no steps for it.",
    "zh": "紧急：眼部阻滞后眼球突出、眼睑紧绷可危及视力，且发生在本知识库未涵盖的操作之后。立即请眼科会诊；此处资料未给出针对它的处理步骤。",
}


# A threatened airway: stridor, a swelling neck with breathing trouble, an obstructed airway.
_AIRWAY_THREAT = {"en": r"\bstridor\w*|\bairway (?:compromise|obstruction|is closing|closing)\b|"
                        r"\bneck (?:swelling|haematoma|hematoma)\b[^.?!]{0,40}\b(?:can(?:no|'|’)?t breathe|short of breath|sob|struggling to breathe|desat\w*)|"
                        r"\b(?:can(?:no|'|’)?t breathe|struggling to breathe)\b[^.?!]{0,40}\bneck (?:swelling|haematoma|hematoma)\b",
                  "zh": r"喘鸣|喉鸣|气道(?:梗阻|受压|阻塞)|颈部(?:肿胀|血肿)[^。？?]{0,12}(?:呼吸困难|憋气|喘不上气|喘不过气)|"
                        r"(?:呼吸困难|憋气|喘不上气|喘不过气)[^。？?]{0,12}颈部(?:肿胀|血肿)"}
_FOREIGN_AIRWAY = {
    "en": "URGENT: stridor or a threatened airway is an emergency, after a procedure this knowledge base does not cover. "
          "Call for help and secure the airway now; the sources here give no steps for it.",
    "zh": "紧急：喘鸣或气道受威胁属于急症，且发生在本知识库未涵盖的操作之后。立即呼叫支援并保障气道；此处资料未给出针对它的处理步骤。",
}
_FELL_NOW = {"en": r"\b(?:dropped|fell|fallen|crash\w*|collapsed|arrested)\b|\bintra-?op\b|\bon the table\b",
             "zh": r"突然|掉到|降到|术中|台上|抢救"}
_CALM_ASK = {"en": r"\b(?:does|do|can|will|would|is|are) (?:[\w-]+ ){0,4}?(?:cause|common|usual|expected|normal|known|a known|ok|okay)\b|"
                   r"\bhow (?:common|often)\b|\bincidence\b|\bbaseline\b|\bwill the patient\b",
             "zh": r"发生率|常见吗|多常见|概率|会不会|是否会|正常吗|基础心率|平时心率"}
