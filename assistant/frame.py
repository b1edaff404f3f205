"""The question frame: a question understood once (language, script, spelling, concepts, asked aspects, parts,
conversation context, terms outside the knowledge base). Every later stage reads the frame, never the raw text."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from .lazyre import lazy
from .lexicon import SUBJECT_KINDS, Concept, Lexicon, Match
from .safety import AGAIN_ZH, RESERVOIR_LOW, indication_told, names_symptoms
from .text import detect_lang, fold_en, script_of, to_simplified, tokenize
from .types import Lang
from .worked import mixture_told

# Asked aspects: id -> (section group an answer should lead with, English cue, Chinese cue). Listed most specific first:
# when a part asks several things, the first listed that matches leads.
# "should I keep him on antibiotics for a week?": how long a course goes on (a timing ask; see compose._COURSE_ASK)
KEEP_ON_FOR = r"\b(?:keep|continue|carry on|stay)\b[^?.]{0,40}\bfor (?:a|an|one|two|three|four|five|six|seven|ten|\d+) (?:more )?(?:days?|weeks?|months?)\b"

# A rescue given and the picture goes on ("still unstable after 5 min", "推完一次还是室颤"): the next step is asked, even
# though the words name a sign
RESCUE_FAILING = (r"\bstill (?:very |quite )?(?:unstable|hypotensive|seizing|fitting|pulseless|bradycardic|apn(?:o)?eic|"
                  r"in (?:vf|vt|arrest|asystole))\b",
                  r"(?:还是|仍然?|依然|还在|持续)(?:室颤|室速|无脉|抽搐|低血压|不稳|测不到|心跳停)")

# which antibiotic to start for an infection ("what empiric abx should we start?", 经验性用什么抗生素): the treatment regimen
# (not prophylaxis before an implant)
REGIMEN_ASK_EN = (r"\bempiric(?:al)? (?:abx|antibiotics?|antimicrobials?|cover(?:age)?|therapy)\b|"
                  r"\b(?:which|what) (?:\w+ )?(?:abx|antibiotics?) (?:\w+ ){0,4}?for (?:the |an? |this |her |his )?(?:\w+ )?"
                  r"(?:infect\w*|abscess|meningitis|discitis)")
REGIMEN_ASK_ZH = r"经验性[^，。？?]{0,4}(?:用药|抗生素|抗感染|抗菌|治疗)|(?:感染|脓肿|脑膜炎|椎间盘炎)[^。？?]{0,12}(?:用|选|上|开)(?:什么|哪种|哪个|哪些)抗(?:生素|菌药)"
# a lab level asked as the one needed ("what count do you need?", "what INR would you accept?")
_LEVEL_NEEDED = r"\bwhat (?:count|level|value|number|INR|platelet count|plt) (?:do|would|should) (?:you|we|i) (?:need|want|accept)\b"
# what the team watches for afterwards ("what should the nurses watch for tonight?", 术后观察什么): the warning signs and the
# checks that catch them (`MONITORING` in the sentence answers it)
_MONITOR_ASK_EN = (r"watch(?:ing)? (?:out )?for|look(?:ing)? out for|keep an eye (?:out )?(?:for|on)|\bmonitor(?:ed|ing)? for\b|"
                   r"what (?:\w+ ){0,4}?(?:monitor|observe)\b(?! (?:\w+ ){0,3}before (?:the |a |an )?(?:procedure|injection|block|starting|injecting|doing))|"
                   r"neuro ?(?:checks?|obs)\b|\bhow (?:do|should|would) (?:i|we|you|they|the nurses?) monitor\b")  # (not what to check before the procedure; before discharge still is)
_MONITOR_ASK_ZH = r"(?<![术作射频刺疗]前)(?<![术作射频刺疗]前要)(?<![术作射频刺疗]前需)(?<![术作射频刺疗]前需要)(?:观察|监测|盯)(?:什么|哪些|啥)|密切观察|注意观察|(?:怎么|如何|怎样)(?:监测|监护)"  # (not 注意什么: the precautions)
MONITOR_ASK = lazy(f"{_MONITOR_ASK_EN}|{_MONITOR_ASK_ZH}", re.I)
# (advice to watch, not a study's "no events were observed", 未观察到)
MONITORING = lazy(r"neurologic(?:al)? checks|warning signs|\bmonitor(?:ed|ing)?\b|\bobserve\b|\b(?:under |period of )?observation\b|"
                        r"神经(?:功能)?检查|警示(?:征象|症状|体征)|预警(?:征象|症状)|监测|(?<!未)(?<!未被)观察(?!到)", re.I)
_MONITOR_WORDS = {"en": ("neurologic checks", "warning signs", "monitor"), "zh": ("神经功能检查", "警示征象", "监测")}

# A dose named by the time of day ("give the evening dose", "take her morning dose"): held before a procedure or restarted
# after it (compose's NEXT_DOSE_ASK reads which).
TIMED_DOSE_ASK = (r"\b(?:give|have|take|start|do) (?:the |her |his |their |tonight'?s )?(?:evening|morning|night|nightly|bedtime|"
                  r"tonight'?s|pm|am) (?:dose|shot|injection|jab)\b")
# Why an agent is advised against ("why not use depo-medrol?", 为什么不建议用得宝松): why it harms (not 为什么不用停阿司匹林,
# "why is there no need to stop aspirin", nor "why not just do a blood patch now?")
_WHY_NOT_USE_EN = (r"\bwhy (?:not|shouldn'?t (?:we|i|you)|can'?t (?:we|i|you)|don'?t (?:we|you)|avoid)\s+(?:use|using|give|giving|inject|injecting|"
                   r"choose|pick)\b|"
                   # ("why is particulate steroid avoided in cervical TFESI?": why it harms)
                   r"\bwhy (?:is|are) [\w -]{1,40}?\b(?:avoided|contraindicated|not (?:used|recommended|allowed|given)|banned|discouraged)\b")
# A risk asked bare after what is told ("pt on MTX … lumbar ESI. infection risk?"): how likely, for this patient; not a
# bleeding or clotting risk, which asks the drug's hold and the procedure's class ("on clopidogrel, cervical ILESI. bleed risk?").
BARE_RISK_ASK = (r"(?:^|[.;:,!?]\s*|\s[-–—]\s*)(?!(?:bleed\w*|ha?ematoma|hemorrhag\w*|haemorrhag\w*|thrombo\w*|stroke|clot\w*|"
                 r"embol\w*|cardiac|cardiovascular|thromboembolic)\b)[\w-]+ risks?\s*\?")
_WHY_NOT_USE_ZH = r"(?:为什么|为何)不\s*(?:建议|推荐|主张|能|可以|宜)?\s*(?:用|使用|打)(?!停|做|查|管|担心|等|再|吃|调)"


# anticoagulation asked as the treatment of what is told ("cement emboli on CT - do we anticoagulate?", 要不要抗凝): what to
# do, not a drug held before a procedure
ANTICOAGULATE_ASK = {
    "en": r"^(?![\s\S]*\b(?:again|restart\w*|resum\w*|bridg\w*|tomorrow|next week|booked|planned)\b)[\s\S]*?"
          r"(?:\b(?:do|should|shall|would|must) (?:i|we|you|they) (?:\w+ ){0,2}anticoagulate\b|\banticoagulat(?:e|ion) (?:needed|required|indicated)\b|"
          # (asked bare: "anticoagulate or not??", "anticoagulate?")
          r"\banticoagulate(?: (?:her|him|them|or not))?\s*\?)",
    "zh": r"^(?![\s\S]*(?:恢复|重新|再次|桥接|明天|下周|术前(?!刚停的[^，。？?]{0,8}[，。？?\s]*$)|要做|准备做|择期))[\s\S]*?"
          r"(?:要不要|需不需要|是否(?:需要)?|该不该|需要|要)(?:做|进行|给予?)?抗凝(?:治疗)?(?!药|剂|桥接|[^，。？?]{0,3}停)(?:吗|么|呢|[？?]|$)",
}
_ANTICOAGULATE = tuple(lazy(rx, re.I) for rx in ANTICOAGULATE_ASK.values())


def asks_to_anticoagulate(text: str) -> bool:
    """Is anticoagulation asked as the treatment of what is told (`ANTICOAGULATE_ASK`, either language)?"""
    return any(rx.search(text) for rx in _ANTICOAGULATE)


_OTHER_CAUSE_EN = r"\b(?:is|could) (?:there )?(?:something|anything) else (?:going on|be going on|causing)|\b(?:another|other) causes?\b|" \
    r"\bworr\w* (?:that )?(?:it'?s|it is|this is) not\b|\bnot (?:just |really |simply )?(?:a |an )?(?:pdph|post[- ]dural|spinal headache)\b|" \
    r"\bred flags?\b|\bsomething (?:more )?(?:sinister|serious)\b|\bwhen (?:should|do|would|must) (?:i|we) escalate\b|\bwhen to escalate\b"
_OTHER_CAUSE_ZH = r"(?:别的|其他|其它)(?:原因|问题|情况)|不是\s*(?:PDPH|低颅压|腰穿后头痛|硬脊膜穿刺后头痛)|危险信号|红旗征|警示征象|" \
    r"什么情况(?:下)?(?:要|需要|该)?(?:上报|叫医生|找医生)"

# A rate to give asked ("what rate should we be infusing the saline at?", "what rate should we give the lipid at?"); a rate
# one "would give" or "does give" at consent is a frequency ("what rate do we give for PDPH on the consent form?").
RATE_TO_GIVE = (r"\brate (?:should|shall) (?:i |we |you |they )?(?:be )?(?:infus|inject|run|giv|irrigat|flush|push|deliver)|"
                r"\brate (?:do|to|can|would) (?:i |we |you |they )?(?:be )?(?:infus|inject|run|irrigat|flush|push|deliver)")

ASPECTS: dict[str, tuple[str, str, str]] = {
    # the treatment tried has failed ("conservative stuff not working", 保守治疗无效): the next, more definitive step answers
    "escalation": ("management",
                   (r"not (?:working|helping|settling|improving|responding)\b|(?:doesn'?t|didn'?t|isn'?t|hasn'?t|haven'?t|aren'?t|wasn'?t|does not|did not|is not|has not) "
                   # (not the history that brings a patient to the procedure: "failed meds", "failed conservative care")
                   r"(?:work|help|settl|improv|respond)\w*|\bfailed\b(?! (?:meds|medications?|conservative|physio\w*|pt\b|nsaids?|"
                   r"oral|analgesics?|pain meds|gabapentin|pregabalin|therapy))|\bfails\b|no (?:better|relief|improvement)|refractory|"
                   # (how long it may fail before the next step: "how long should conservative treatment fail before a patch?")
                   r"\bfail\b(?=\s+(?:before|until)\b)|"
                   r"still (?:bad|severe|there|has|having|getting|can'?t|cannot|unable)|persist(?:s|ing|ent)\b|no response|not respond\w*|unresponsive to|"
                   # (it came back after the treatment: "what if the headache comes back after the first patch?")
                   r"\b(?:comes?|came|coming) back after (?:the |a |her |his )?(?:first |1st |initial )?(?:patch|blood patch|ebp|treatment)\b|"
                   r"\brecurs? after (?:the |a )?(?:first |1st )?(?:patch|blood patch|ebp)\b|"
                   # ("Blood patch done 48 h ago, headache came back almost as bad")
                   r"\b(?:done|given|placed|performed)\b[^.?]{0,40}?\b(?:headache|pain|it|symptoms?|numbness|weakness|spasms?)\s+"
                   r"(?:came|has come|is coming|comes|is) back\b|")
                   + RESCUE_FAILING[0] + r"|(?:\bdespite\b|in spite of)(?![^?]{0,80}\b(?:candidates?|candidacy|eligible|suitable for)\b)|even (?:with|after) (?=\w)",
                   r"无效|不管用|没效果|没有效果|效果不好|效果不佳|效果差|没什么效果|没啥效果|没多大效果|不见效|没见效|基本没效|没效|没用|没改善|"
                   r"(?<!躺下也)(?<!躺着也)(?<!平卧也)(?<!平躺也)(?<!卧床也)(?<!躺下)(?<!平卧)(?:未缓解|不缓解|没缓解)|"  # (lying down: a feature)
                   r"没反应|没有反应|无反应|没起效|不起效|(?:血补片|补片|EBP)(?:后|以后|之后)[^，。？?]{0,6}(?:又|再次|复发|反复)|做了[^，。？?]{0,10}?又(?:回来|来了|犯了|复发|开始)|"
                   r"还是(?:很|非常|特别|挺|那么)?(?:痛|疼|不好|没好)|(?:多久|几天)(?:还)?不好(?![^，。？?]{0,6}(?:要|该|需|才)?(?:转|做|打|上))|仍(?:然)?(?:很|非常)?(?:头痛|疼|痛|不好)|"
                   + RESCUE_FAILING[1]),
    "action": ("management",
               r"(?:what|wht|wat) (?:do|should|can|must) (?:i|we|you|she|he|they|the (?:patient|pt|dr|doc|doctor|consultant|operator|team|surgeon|proceduralist)|pt) do"
               # (not what to do to keep a harm away: "what can I do to cut my own radiation dose?" asks prevention)
               # (nor with the place between: "what do we do in theatre to avoid it")
               r"(?!(?: (?:in|on|at|during) (?:the )?\w+)? (?:to|for) (?:cut|reduce|lower|minimi[sz]e|prevent|avoid|limit|protect|keep|stop (?:it|this|that) (?:from )?happening"
               r"|make (?:[\w-]*\s+){1,9}?(?:safer|safe|less risky))\b)|what now|now what|right now|treat(?!ment[- ](?:dose|regimen))|manag(?!es (?:\d|to\b|stairs|fine|ok|okay|well)|ing (?:\d|stairs|fine|ok|okay|well)|ers?\b)|\bmgmt\b|\bmx\b|\btx\b|handle|rescue|resuscitat|"
               r"next step|what to do|how (?:do|should) (?:i|we) (?:deal|respond|handle|treat|manage)|reverse|antidote|"
               # (a treatment and discharge judged for a complication told: "can i just give fluclox and send home?")
               r"\bcan (?:i|we) (?:just )?(?:give|start)\b[^?]{0,40}\b(?:and|then) (?:send|discharge)\b|"
               # (the plan asked bare at the end, after the picture: "…CXR small apical PTX, comfortable. what's the plan?")
               r"\bwhat(?:'s| is) the plan\s*[?.!]*\s*$|(?:^|[.;:!?]\s*)plan\s*\?\s*$|"
               r"if (?:that|it|this|they) (?:doesn'?t|does not|didn'?t|did not|don'?t|do not|fails?|failed) (?:work|help)|not working|"
               # (a finding during the case: "what if i see blood on aspiration", "what if I get a flash")
               r"\bwhat if (?:i|we|you) (?:see|get|find|hit|notice|have)\b|"
               r"what else can (?:i|we) (?:do|try)|then what|what next|\bwhat(?:'|’)?s next\b|\bwhat is next\b|\bwhat comes next\b|(?:^|[.,;:!]\s*)next\s*\?|"
               # ("wet tap w 18G tuohy, positional HA day 2. options?": the ways to treat what is told)
               r"(?<!for )\boptions\s*[?.!]*\s*$|\bwhat (?:are )?(?:my|the|our) options\s*[?.!]*\s*$|"
               r"\b(?:need|have) to do (?:anything|something)|anything (?:i|we|he|she|they) (?:need|needs|should|must) (?:to )?do|do (?:i|we) need to (?:act|intervene)|"
               r"\banything to do\b|"
               r"\b(?:should|must|can) (?:he|she|they|i|we|the (?:patient|pt)|pt) do anything\b(?!\s+(?:to|for) (?:prevent|reduce|avoid|lower|minimi[sz]e|limit))|"
               # after the complication happened: carry on with the injection? ("wet tap - can I carry on?")
               # (not a condition of another ask: "how fast should we run the saline if we carry on?")
               r"(?<!if we )(?<!if i )\b(?:carry on|keep going|continue (?:the |with the )?(?:injection|injecting|procedure|block|case)|(?:i|we|to|or)\s+continue\s*\?)|"
               r"(?:^|[^\w\s])\s*continue\s*\?|"  # ("wet tap - continue?"; not "how long should abx continue?")
               # a choice of what to do with the needle or the case now ("reposition or abandon?", "another level or abort?")
               r"\b(?:reposition|redirect|re-?site|abandon|abort|bail|(?:go|move) (?:up|down) a level|"
               r"(?:try|go to|use)? ?(?:another|a different|the next|the adjacent) (?:level|interspace|space))\b(?: [\w-]+){0,6}? or "
               r"(?:[\w-]+ ){0,4}?(?:reposition|redirect|re-?site|abandon|abort|bail|stop|continue|carry on|level|interspace|space)\b[^.?!]{0,20}\?|"
               r"\b(?:should|do|can|shall) (?:i|we) (?:just )?(?:reposition|redirect|re-?site|abandon|abort|bail)\b|"
               # ("wet tap - can I move to C7/T1 and finish the steroid?": another level now)
               r"\b(?:should|can|could|shall) (?:i|we) (?:just )?(?:move|go|switch|change) (?:up |down )?(?:to|a) (?:another |a different |the next |the adjacent )?"
               r"(?:level|interspace|space|[CTLS]\d)|"
               # ("CSF in the hub at C7-T1 - can I just go again at T1-T2 now or should I rebook?")
               r"\b(?:should|can|could|shall) (?:i|we) (?:just )?(?:go again|try again|redo it|have another go|re-?try) (?:at|one level|a level|"
               r"another|a different|the next|the adjacent|[CTLS]\d)|\bshould (?:i|we) (?:rebook|reschedule)\b|"
               r"\b(?:should|can|could) (?:i|we) still (?:inject|give|go ahead|do|proceed|push)\b|"
               r"\bstop (?:injecting|the (?:injection|cement|irrigation|procedure))\s*\?|"  # ("cement in the veins - stop injecting?")
               r"\bwhat if (?:\w+ ){0,4}(?:already|has become|is now|gets|got|develops|developed)\b|" + ANTICOAGULATE_ASK["en"] + "|"
               # (the first drug for a reaction: "dye allergy reaction during a spine injection - first drug?")
               r"\bfirst (?:drug|medication|med|thing to give)\b|\bwhat (?:do|should|would) (?:i|we|you) change\b|"
               # (the treatment asked for what is told: "severe postural headache, breastfeeding. what can I give her")
               r"\bwhat (?:can|could|should) (?:she|he|they|the (?:patient|pt)|pt) take (?:for (?:it|this|that|the (?:headache|pain))|now|\?|$)|"
               r"\bwhat (?:can|could|should|do) (?:i|we|you) (?:give|offer|prescribe)(?: (?:her|him|them|the (?:patient|pt)|pt))?"
               r"(?: (?:overnight|tonight|now|for now|today|in the meantime))?\s*(?:for (?:the |her |his |this )?(?:headache|pain|ha|it|that)\b|[?.!,]|$|and\b)|"
               # (not which to hold or keep: "what meds should I hold before kyphoplasty?")
               r"\bwhat (?:meds|medications?|drugs?)\s*(?:(?:can|could|should)(?![^.?]{0,25}\b(?:hold|held|stop|continu|restart|resum|withh|keep|be (?:held|stopped)))|"
               r"for (?:the |her |his |this )?(?:headache|pain|ha|it|that)\b|[?.!]|$)|"
               r"\b(?:rx|tx|mx)\s*(?:options?\s*)?\?|"
               # (something to give for what is told: "anything we can give him for it?", "can we give her something?")
               r"\banything (?:i|we) can give\b|\b(?:can|could|should) (?:we|i) give (?:her|him|them|the (?:patient|pt)|pt) (?:anything|something)\b|"
               # (whether the infected device comes out: "implant got infected - does it have to come out?")
               r"\b(?:have|has|need|needs) to (?:come|be taken) out\b|\bremove (?:the (?:device|implant|stimulator|pump|leads?|generator))\b|"
               # (whether it is operated on: "if it is a granuloma, will he need an operation?", 肉芽肿 要开刀吗)
               r"\b(?:does|do|will|would|is) (?:it|he|she|they|this|that)(?: \w+)? (?:need|needs|require|going to need|have to have) (?:an? )?(?:surgery|operation|op)\b(?!-)",
               r"(?:要|需要|得|要不要|需不需要|用不用)(?:开刀|手术|动手术)(?:吗|么|呢|[？?]|$)|"
               r"(?:要|该|得|应该)?(?:怎么|咋)(?:弄|搞|整)(?!清|明白|懂)|"
                r"怎么办|咋办|怎么处理|如何处理|(?<!预)处理|(?:怎么|如何|咋|怎样)治(?!疗)|(?:怎么|如何|怎样|咋|该|要|需要|应该|应|能|可以|用什么|用啥|怎么去|怎么样)\s*治疗|治疗(?:方法|方案|措施|原则|手段)|治疗\s*(?:吗|呢|[？?。，,]|$)|(?<!预防)治疗(?:要|应该|该|应)?怎么(?:做|弄|搞)|处置|抢救|救治|急救|应对|下一步|该做什么|怎么救|逆转|拮抗|止抽|止痉|控制抽搐|"
               r"(?:还是|仍然|仍|都)?(?:不好|没好|无效|不缓解|没缓解)(?:怎么|呢|的话)|还能(?:做|用)什么|有没有[^，。？?]{0,6}创伤(?:更)?小|"
               r"(?:还能|能|可以|要不要|还要|是否|能否)继续(?:打|做|注射|注药|穿刺|操作|手术)?(?:吗|么|呢|[？?]|$)|"
               r"还能(?:推|打|注)(?:药|激素|进去)?(?:吗|么)|"
               r"(?:换(?:个|一个)?(?:节段|间隙|水平)|调整针(?:尖|头)?(?:位置)?|重新(?:定位|调整|穿刺)|继续)[^，。？?]{0,10}还是[^，。？?]{0,8}"
               r"(?:放弃|中止|终止(?!妊娠)|停止|停)|(?:放弃|中止|停止)[^，。？?]{0,6}还是[^，。？?]{0,10}(?:换|继续|调整)|"
               r"(?:要不要|是否|该不该)(?:放弃|中止|换(?:个|一个)?(?:节段|间隙)|重新穿刺)|"
               # ("针座见脑脊液…能马上换T1-T2再做吗，还是改天？": another level now, or another day)
               r"(?:马上|直接|现在|今天)(?:换|改)(?:到|成)?\s*(?:[CTLS]\d+(?:\s*[-–/]\s*[CTLS]?\d+)?|(?:其他|别的|另一个?|下一个?|上一个?|相邻)(?:节段|间隙))"
               r"[^，。？?]{0,6}(?:再做|再打|再穿|重新做)|还是(?:改天|改期|改日|重新约|另约)|"
               r"(?:要是|如果|万一|假如)(?:已经|真的)?[^，。？?]{0,10}了(?:呢|怎么办|咋办)|" + ANTICOAGULATE_ASK["zh"]
               + r"|(?:要不要|需不需要|是否(?:需要)?|需要|要)取出|取不取|要拿出来|(?:取|拿)出来吗"
               # (a drug the clinician gives for what is told: "给点啥药？", 开点什么药; not what she may take, "能吃点什么药吗")
               + r"|(?<!前)(?:给|开)(?:点|些)?(?:啥|什么)药(?![^，。？?]{0,8}(?:预防|防止))"
               # the next step chosen now ("要急诊MRI还是直接找脊柱外科？")
               r"|(?:急诊|马上|立即|立刻|直接)[^，。？?]{1,12}还是[^，。？?]{0,4}(?:直接|马上|立即|立刻)"),
    # a ceiling (dose limit, maximum, how many a year): the sentence that states the limit answers it, wherever it sits
    "limit": ("",
              r"\blimits?\b|maximum|\bmax\b|upper limit|ceiling|\bat most\b|how (?:much|many) [\w -]{0,25}?(?:at most|maximum)|"
              # (a total asked, "how much Intralipid can I give in total?"; not one told, "30 mL … in total in an 82 kg man")
              r"how (?:much|many)[\w -]{0,40}?\bin total\b|\bin total\s*\?|\b(?:what(?:'s| is)|max(?:imum)?) (?:the )?(?:total|cumulative) (?:dose|amount|volume)\b|"
              r"\bthreshold\b|\bcut-?off\b|\bwhat [\w -]{1,20}? is (?:enough|sufficient|adequate)\b|\b(?:target|goal) (?:INR|platelets?|plt)\b|\b(?:INR|platelet|plt) (?:target|goal)\b|\bwhat INR\b|\b(?:below|under|above) what\b|what (?:INR|platelet count|platelets|plt) (?:is )?(?:ok|okay|safe|acceptable)|what level (?:is )?(?:ok|okay|safe(?!st|r)|acceptable)|"
              + _LEVEL_NEEDED,
              r"上限|极量|限值|(?:这个|这么|这些)(?:用)?量(?:算)?(?:多|大)(?:吗|么|不(?:多|大))|(?:量|用量)(?:算)?(?:多|大)不(?:多|大)|算多吗|最多|最大量|最大剂量|最大浓度|最大(?:是|能到|可以到)?多少|不超过|超量|超剂量|(?:量|容量|体积|速度|剂量)(?:有|有没有)?(?:啥|什么|哪些)?限制|最高|(?:总量|累计(?:剂)?量)(?:最多|多少|上限|是多少)|多少以[下上]|低于多少|高于多少|阈值|临界值|(?:能|可以)(?:受|接受|承受)多少|(?:降|控制|纠正)(?:到|至)多少|控制在多少|(?:INR|血小板|PLT)\s*(?:要|需要|得)?(?:在|到)?\s*多少"),  # ceilings; amounts stay with "dose" below
    # a dose can be a safety limit (Prevention) or a treatment (Recognition and management): no section leads by itself
    "dose": ("",
             r"what(?:'s| is) the (?:evening|morning|night|bedtime) dose\b|"  # (asked as such: "what's the morning dose of prednisone?")
             r"(?<!last )(?<!next )(?<!first )(?<!same )(?<!evening )(?<!morning )(?<!bedtime )(?<!night )(?<!radiation )(?<!effective )(?<!stress )(?<!stress-)(?<!cut )(?<!cut the )(?<!fluoro )(?<!fluoroscopy )"
             # (a dose told as going up, "despite dose increases", "剂量一直往上加", asks nothing about a dose)
             r"(?<!cut my )(?<!cut our )(?<!lower my )(?<!reduce my )(?<!limit my )(?<!reduce our )"
             r"(?<!scatter )(?<!own )(?<!x-ray )(?<!low )(?<!low-)(?<!high )(?<!high-)(?<!multi-)(?<!multi )(?<!single-)(?<!single )"
             r"\bdose(?!s? (?:increases?|escalations?|keeps?|going up|goes up|creep))|dosing|dosage|(?<!by )how much(?! (?:\w+ ){0,2}time)(?! (?:does|do|did|will|would|could|can) (?:[\w-]+ ){1,4}?(?:matter|help|change|affect|differ)\w*\b)"
             r"(?!(?: ?/ ?how \w+| and (?:for )?how \w+)? (?:does|do|will|did|can|could) [\w -]{0,25}?(?:rise|go up|increase|drop|fall|go down|change))|how many (?:ml|mg|mcg|mls)|\btoo (?:much|big a (?:dose|volume))\b|(?<![\d.] )(?<![\d.])\bmg\b|(?<![\d.] )(?<![\d.])\bml\b|concentration|bolus|"
             # (a volume told, "after big-volume lido infiltration", asks none)
             r"(?<!big-)(?<!big )(?<!large-)(?<!large )(?<!high-)(?<!high )(?<!low-)(?<!low )(?<!small-)(?<!small )volume|"
             r"how (?:do i|to|should i) give|how is .{0,30} given|\bweigh(?![st]? bear|t-bear|ts? bearing)|regimen|dosing schedule|"
             r"how many [\w -]{0,25}?(?:can|should|may) (?:i|we|you|he|she) (?:give|inject|do|repeat|use|have|get)|"
             r"how many (?:injections|shots|times|blocks)|how often can (?:i|we|you|he|she|they) (?:repeat|have|get|do|give|inject)|"
             r"\b(?:per|a|each) year\b|\b(?:per|a|each) day\b|daily max|\b\d+(?:\.\d+)?\s?kgs?\b|"
             # (a patient's own drug to be adjusted: "should she cut her insulin the night before?")
             r"\b(?:reduce|cut|lower|halve|adjust|change|increase|up) (?:(?:her|his|their) (?:\w+ )?(?:insulin|dose|doses)|(?:the )?insulin)\b|"
             r"(?:infusion|flow|drip|pump|irrigation|saline|fluid|lipid|bolus) rate|" + RATE_TO_GIVE + r"|how fast (?:to|should|can|do|are|is|may|must) (?:i |we |you )?(?:be |have been )?(?:(?:allowed|supposed|meant|safe) to )?(?:inject|infus|irrigat|run|push|giv)|"
             r"\d+(?:\.\d+)?\s?%\s?(?:or|vs\.?|versus)\s?\d+(?:\.\d+)?\s?%|"  # (which strength: "20% or 30%?")
             r"\d+(?:\.\d+)?\s?(?:mg|mcg|ml)\s?(?:or|vs\.?|versus)\s?\d+(?:\.\d+)?\s?(?:mg|mcg|ml)\b|"  # (which dose: "10 mg or 40 mg?")
             # (an amount put to the test: "is 400 mg of lidocaine with adrenaline OK?", "can I give 30 ml?")
             r"\b(?:is|are|can (?:i|we) (?:give|use|inject)|would) \d+(?:\.\d+)?\s?(?:mg|mcg|ml)\b|"
             r"\d+(?:\.\d+)?\s?(?:mg|mcg|ml)\b[^.?]{0,40}?\b(?:ok|okay|safe|acceptable|allowed|within (?:the )?(?:limit|max\w*))\s*\?|"
             + REGIMEN_ASK_EN,
             REGIMEN_ASK_ZH + r"|\d+(?:\.\d+)?\s?%\s?(?:的)?(?:还是|或者?)\s?\d+(?:\.\d+)?\s?%|(?<!辐射)(?<!照射)(?<!透视)(?<!射线)(?<!受照)(?<!有效)(?<!累积)剂量(?!计|仪|牌|监测|一直|不断|越来越|往上|逐渐|已经|增加|加大|加到|调到|上调)|用量|多少毫升|多少毫克|多少mg|多少ml|首剂|浓度|推注|多少量|给多少|(?<!最多)用多少(?=[，,。？?、！!\s]|$|的?(?:剂量|量|mg|ml|mL|毫克|毫升))|(?<!最多)(?:打|做|注射|扎)几(?:次|针)|怎么给|如何给|怎么用|怎么推|如何推|怎么输|咋推|咋给|咋输|体重|公斤|"
             r"(?:注射|注药|推注|给药)量(?!\s*\d)|负荷(?:剂)?量(?!\s*\d)|维持(?:剂)?量(?!\s*\d)|"
             # (a patient's own drug to be adjusted: "术前胰岛素要不要减量？")
             r"(?:要不要|需不需要|需要|是否|该不该|用不用)(?:先)?(?:减量|加量|减少剂量|调整剂量|调剂量)|"
             r"(?:打|注|抽|推)多少(?:血|毫升|ml|mL|药)?|(?<!最多)(?<!最大)(?<!最高)(?:用|给)多少(?!天|次|年|个|小时|分钟|周|时间|钱|例|人|号|\s*(?:Hz|赫|度|℃|秒|伏|V\b|瓦|W\b|mA|毫安|G\b|mm|毫米|cm|厘米))|(?:用|给)多大(?:的)?(?:剂)?量|多少血|血量|(?:打|注|抽|推|用|给)?几\s*(?:ml|mL|毫升|cc|mg|毫克|克)|"
             r"(?:一年|每年|一天|每天|每日).{0,6}(?:几次|多少次)|不超过几|"
             r"用药方案|给药方案|预处理方案|预防用药方案|(?:输注|注射|推注|冲洗|灌注|滴注)速度|(?:注|推|冲洗|输)多快"),
    # holding and restarting a drug around a procedure: hold times live under Prevention
    "hold": ("prevention",
             # (the gap between a dose and the procedure: "what gap should there have been", "how long a gap")
             r"\b(?:what|how (?:long|big) (?:a|of a)?|the|minimum) ?gap\b(?![^?]{0,20}\b(?:year|month)s?\b)|"
             r"\bhold|\bheld\b|(?<!heart )(?<!heart's )\bstop(?! (?:injecting|the (?:injection|cement|irrigation|procedure))\b)|withh|discontinu|restart|resum|interval|before (?:the|a|an|my|his|her)\b(?! (?:ward|discharge|d/c|transfer|home|day unit|recovery)\b)|days? before|"
             r"\b(?:keep|stay) (?:her |him |them |the patient |pt )?(?:taking |on )?(?:the |her |his |their )?(?:aspirin|asa|clopidogrel|plavix|"
             r"warfarin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|ticagrelor|brilinta|anticoag\w*|antiplatelet\w*|"
             r"blood thinners?|nsaids?)\b|"
             r"hours? before|come off|\boff (?:the |his |her )?\w+ for|days? off\b|\boff (?:it|them|the drug) for|"
             r"last (?:dose|shot|injection|jab)\b|go back on|start (?:it |them )?again|"
             # ("…and when back on?", "when can she get back on it?")
             r"\bwhen (?:(?:can|does|do|should|is|will) (?:she|he|they|we|it|the (?:patient|pt)|pt) )?(?:go |get |be |put (?:her|him|them) )?back on"
             r"(?:\s*\?| (?:it|them|the (?:drug|meds?|pills?|tablets?))\b)|"
             # ("ok to give the evening dose at 3pm?" after the procedure: when the held drug restarts)
             + TIMED_DOSE_ASK + r"|\bhow long (?:(?!wear|wears|wore|worn|wearing)\w+ ){0,5}?off\b",
             r"停用|停药|停(?=多久|几天|多长|多少天)|(?<!脂肪乳)(?<!输注)(?<!输液)(?<!泵)(?:怎么|如何|咋)停(?![止下留搏跳经])|停(?!止|留|搏|跳|经)[^，。？?！!\s]{1,8}?(?:多久|几天|多长时间|多少天)|暂停|要停|需停|该停|停掉|停了|停吗|停不停|恢复用药|恢复服|重新开始|重新服|重新(?:吃|用|打)|恢复(?:吃|食)|(?<![拿收])(?:吃|服)回(?![来去])|(?:能|可以)再(?:吃|食)|食返|返食|接着吃|接着打|续上(?!\s*(?:C臂|透视|导管室|手术室|介入室|班))|续用|续打|间隔|提前|术前停|"
             r"最后一(?:针|剂|次)|末次(?:用药|给药|注射)|(?:术后|操作后|做完)[^，。？?]{0,8}(?:打|用|给)下一(?:针|剂)|恢复(?:治疗|全量|足量|抗凝|注射|打针)|(?:多久|什么时候|何时|几时)(?:能|可以|可)?恢复(?!正常|过来|好|了|知觉|感觉|功能|运动|行走|走路|吗|呢|[？?。，,]|$)|"
             r"能不能不停|可不可以不停|不停(?:行不行|可以吗|行吗|啊)|停还是(?:不停|继续|接着)|继续还是停"),
    # how big a change is ("how high does glucose go?", 血糖会升多少): the sentence giving the measured change answers it
    "magnitude": ("",
                  r"how (?:high|low|far)\b|by how much|how many (?:seconds|secs|minutes|mins) of (?:screening|fluoro\w*)\b|"
                  r"how much (?:does|do|will|did|can|could) [\w -]{0,25}?(?:rise|go up|increase|"
                  r"drop|fall|go down|change)|"
                  # ("how much / how long will sugars go up": the rise asked with its time, the time left for the timing ask)
                  # ("how much and for how long will her glucose go up")
                  r"how much(?=(?: ?/ ?| and (?:for )?)how \w+ (?:does|do|will|did|can|could) [\w -]{0,25}?(?:rise|go up|increase|drop|fall|go down|change))",
                  r"(?:升|升高|增高|涨|降|降低|下降)(?:了)?(?:多少|多高|多大)|(?:升|涨|降)到多少|能(?:升|涨)多高|透视[^，。？?]{0,4}(?:多少|几)秒"),
    # any other "how long / when" (how long to monitor, how soon symptoms appear, when it resolves): the sentence that
    # gives a duration answers it, whatever section it sits in
    "timing": ("",
               # (not when to come back: the signs that bring a patient back, "what do i tell her … + when to come back")
               r"how long|how soon|how early|how late|how many (?:days|hours|weeks|minutes)|"
               # (the window for acting: "whats the time window for surgery if its a bleed")
               r"\btime window\b|\bwindow (?:for|to) (?:surgery|decompress\w*|the (?:surgery|op|decompression)|theatre|operat\w*)\b|"
               r"when (?!to (?:come back|return|call|seek|go back)\b|(?:should|do|does|must) (?:she|he|they|the (?:patient|pt)|pts?|patients) "
               r"(?:need to |have to |has to )?(?:come back|return|call|seek)\b)(?:can|should|do|to|is|must|will|does)|(?<!while )(?<!while we )(?<!meanwhile )wait(?!ing for)|timing|\bhow (?:do|should|would) (?:i|we|you) time\b|"
               r"(?:^|[?.]) *(?:and |but )?when *\?|"  # ("how many ml? and when?": the time asked in one word)
               # (a terse "when blood patch and how much blood?", "when EBP?": when to do the treatment named)
               r"(?:^|[?.;:,]) *(?:and |so |ok )?when (?:(?:the |a |to |for (?:the |a )?)?(?:blood patch|EBP|patch|repeat|restart|re-?dose|next dose))"
               r"\s*(?:$|\?|\band\b)|"
               r"(?:^|[?.;:,]) *(?:and |so |ok )?when (?:the |a |to )?\s*\??\s*$|"  # (the procedure's name blanked: "… failing. when blood patch")
               r"how quickly|how fast|within how|how much (?:\w+ ){0,2}time|what (?:\w+ )?time|"
               # (a discharge time asked: "can we discharge at 2pm?", "ok to send her home by 4?")
               r"\b(?:discharg\w*|send (?:her|him|them|the (?:patient|pt)) home|go home) (?:(?:her|him|them|the (?:patient|pt)) )?(?:at|by) \d|" + KEEP_ON_FOR,
               r"多久|多长时间|几天|几(?:个)?小时|几(?:个)?钟头|多少(?:个)?(?:小时|钟头)|几周|何时|什么时候|啥时候?|哪天|等多久|多快|多长|时间窗|"
               r"几点(?=[^，。？?]{0,6}(?:打|吃|用|做|给|开始|恢复))|"  # ("术后几点可以打下一针？": the clock time of the next dose)
               r"早(?:点)?做还是|(?:马上|立即|尽早)做还是|还是先(?:保守|观察|等)"),  # ("EBP是早做还是先保守？": when)
    # where: a spinal level, a side, a site on the body or the equipment (which level for a cervical ILESI, where the badge goes)
    "location": ("",
                 r"which (?:level|segment|side|spot|site|position|interspace)|what (?:level|segment|site|position)|at what level|"
                 r"where (?:should|do|does|is|are|to|can|would)|best (?:spot|site|place|level|position)|"
                 # ("is C5-6 even an accepted level?": whether the level is one advised)
                 r"\b(?:accepted|acceptable|recommended|approved|allowed|ok|okay) (?:level|interspace|segment)s?\b",
                 r"哪个节段|哪一节段|哪个水平|哪个间隙|哪个位置|什么位置|(?<!来自)(?<!来源于)哪里(?!来)|哪儿|什么部位|哪个部位|哪一侧|放在哪|戴在哪"),
    "contraindications": ("risk",
                          r"contraindicat|\bany (?:issues?|problems?|concerns?) (?:with |in |about )?(?:\w+ing|doing)\b|(?<!numbers )(?<!figures )(?<!what )(?<!how )(?<!  )can (?:i|we|he|she|they) (?:\w+ )?(?:do|have|get|proceed|go ahead|inject|give|use|implant)\b(?![^?]{0,40}\b(?:and|then) (?:send|discharge|d/?c)\b)|"
                          r"can (?:he|she|they) (?:still |keep |continue (?:to )?)?(?:work|working|stay|scrub)\b|"
                          # ("can it be done on DAPT?", "can this be done while on eliquis?")
                          r"\bcan (?:it|this|that|the (?:injection|block|procedure)) (?:still )?be (?:done|performed|given)\b|"
                          r"is it (?:ok|okay|safe) to|\bis (?:that|this|it|\w+) (?:ok|okay|safe)\b|\bis\s{2,}(?:ok|okay|safe)\b|\b(?:ok|okay|safe|fine|allowed) or not\b|"
                          r"\b(?:ok|okay|safe|acceptable|fine|allowed) (?:for|in) (?:a |an |the )?\w|"
                          r"who (?:should not|shouldn'?t|must not|mustn'?t|can'?t|cannot) (?:have|get|undergo|receive|be offered)|not (?:a )?(?:good )?candidate|"
                          # ("any situation where I shouldn't?", "when should I not add it?", "any reason not to?")
                          r"\b(?:situations?|cases?|times?|circumstances?|patients?) (?:where|when|in which) (?:i|we|you) (?:should ?n[o']t|must ?n[o']t)\b|"
                          r"\bwhen (?:should|must) (?:i|we|you) not\b|\bwhen not to\b|\bwhen shouldn'?t (?:i|we|you)\b|\b(?:any )?reasons? not to\b|"
                          r"(?:ok|okay) to (?:do|proceed|inject|go ahead|use|give|dispense|prescribe|supply)|safe to (?:do|proceed|inject|go ahead|use|give|dispense)|should (?:i|we) (?:avoid|cancel|postpone)|"
                          # (whether to do it now or defer it: "ok to just hold apixaban 3 days or should we wait?")
                          r"\bor (?:should (?:i|we) |do (?:i|we) |better to )?(?:just )?wait\s*\?|\bshould (?:i|we) (?:just )?(?:wait|defer)\b|"
                          r"\bgo (?:or|/) ?no[- ]?go\b|\bno[- ]go\b|\bgood to go\b(?! home)|(?<!how )\b(?:can|should|do) (?:i|we) (?:still )?(?:proceed|go ahead)\b|\bstill (?:go ahead|proceed)\b|"
                          r"(?:^|[-–—:;,.]\s*)(?:still )?(?:proceed|go ahead)\s*\?|"
                          # go or not ("proceed or cancel?", "cancel?", "do it or postpone?")
                          r"\b(?:proceed|go ahead|do it|go)(?: or|/| vs\.?) ?(?:cancel|postpone|defer|delay|wait|not)\b|"
                          r"\b(?:cancel|postpone|defer|delay)(?: or|/| vs\.?) ?(?:proceed|go ahead|do it)\b|"
                          r"\b(?:cancel|postpone|defer)(?: (?:it|the (?:case|procedure|injection|block)|him|her))?\s*\?|"
                          # a pregnant patient's "is the fluoro a risk to the baby?" asks whether the procedure is for her
                          r"\b(?:risk|danger|harm\w*|safe|bad) (?:to|for) (?:the |her |my )?(?:baby|fetus|foetus|unborn)|"
                          r"\b(?:affect|hurt|harm) (?:the |her |my )?(?:baby|fetus|foetus)|"
                          # (a plan then "ok?": "kenalog for cervical TF ok?", "depo for a caudal - fine?")
                          r"^(?![\s\S]*\b(?:home|discharge\w*|leave|go|what|which|how|when|where|who|why)\b)[\s\S]*(?:^|[\w)]\s+|[-–—:,]\s*)"
                          r"(?:ok|okay|safe|fine|alright|acceptable)\s*\?\s*$|"
                          # (the procedure after it: "Platelets 62k, OK for TFESI?", "INR 1.6 - safe to do the SCS trial?")
                          r"^(?![\s\S]*\b(?:home|discharge\w*|drive|driving|fly|flying|work|shower\w*|swim\w*|what|which|how|when|where|who|why)\b)"
                          r"[\s\S]*\b(?:ok|okay|safe|fine)\s+(?:for|to (?:do|go ahead with|proceed with|have|start))\s+(?:an? |the |her |his |their )?[\w /-]{1,40}\?\s*$",
                          r"对胎儿(?:有|会有|有没有)?(?:影响|危害|伤害|风险)|影响(?:到)?胎儿|伤到胎儿|对(?:宝宝|孩子)(?:有|会有)?(?:影响|危害)|"
                          r"(?<!MRI)(?<!CT)(?<!核磁)(?<!磁共振)(?<!X线)(?<!片子)(?<!化验)(?<!检查)(?<!MRI还)(?<!CT还)(?<!核磁还)(?<!磁共振还)(?<!检查还)"
                          r"(?:做还是不做|还做不做|(?<!还)做不做|还能不能做|还要不要做)|(?:取消|推迟|延期|改期)还是|还是(?:取消|推迟|延期|改期)|(?:要不要|需不需要|是否|该不该)(?:取消|推迟|延期|改期)|(?:取消|推迟|延期|改期)吗|照常做|还(?:做|打)吗|"
                          r"禁忌|(?:打|做|注射|穿刺)(?![完了])[^，。？?完后了]{0,6}(?:有没有|会不会有)(?:什么)?问题|能不能做|能不能[^，。？?]{1,8}?(?:做|打)(?:个|一下|一个)?|能做吗|可以做吗|还能做|能不能打|还能打|能打吗|可以打吗|还打不打|(?:做|打|穿刺|进行)(?![^，。？?]{0,20}?(?:几|多少|以后|之后|完))[^，。？?]{1,20}(?:行不行|行吗|可不可以)|能否(?:做|进行|穿刺|注射)|可否(?:做|进行)|可以.{0,8}(?:做|打|注射|穿刺|进行|手术)(?:一针|一下|这针|这个)?吗|"
                          r"用.{1,16}可以吗|用[^，。？?]{1,12}(?:行不行|行吗|能行吗)|能用吗|可以用吗|能不能用|可不可以用|(?:做|打)[^，。？?]{1,16}可以吗|"
                          # ("颈椎C6/7 TFESI 用得宝松1ml加利多卡因行不行？": whether it may be used for the procedure named)
                          r"(?:ESI|TF|IL|注射|阻滞|射频|骶管|硬膜外|神经根|\s{3,})[^，。？?]{0,6}用[^，。？?]{1,16}行(?:不行|吗)|"
                          # (a plan told, then a bare "可以吗？": "医生想下周两侧一起做，可以吗？")
                          r"(?:做|打|注射|阻滞)[，,]\s*(?:可以|行|能)(?:吗|么|不)\s*[？?]?\s*$|"
                          r"能.{0,8}(?:做|打|注射|穿刺|进行|手术)(?:一针|一下|这针|这个)?吗|适合做|不宜|不能做|(?:能|可以|能否|可否|可)用于|能不能用|可以用吗|能用吗|"
                          r"(?:可以|能|能否|可否|可不可以)(?:用|使用|打|注射)[^，。？?]{1,20}吗|(?:能|可以)(?:做|进行)[^，。？?]{1,12}吗|"
                          # (where or under what it is done: "孕12周…能在C臂下做TFESI吗")
                          r"(?<![久候间后])(?:能|可以|能否|可否)在(?:C臂|透视|X线|DSA)[^，。？?]{0,4}(?:下|里|中|上)(?:做|进行|打)[^，。？?]{1,12}吗|"
                          # (a pregnant nurse: "怀孕了，还能继续上C臂吗")
                          r"(?:能|可以|\s)\s*(?:继续)?\s*(?:上|进|留在)\s*(?:C臂|透视|导管室|手术室|介入室|放射)"),
    "risk_factors": ("risk",
                     r"risk factor|who is at (?:higher |greater )?risk|at risk|predispos|more likely|(?:increase|add|raise)[sd]? (?:to )?(?:the )?risk|higher risk|"
                     # (whether the patient's condition raises it: "AS + osteoporosis: is EDH risk higher?")
                     r"\b(?:is|are) (?:the |her |his |their )?(?:[\w-]+ )?risks? (?:any )?(?:higher|increased|raised|greater)\b|"
                     r"\b(?:extra|additional|added|increased) risks?\b|"
                     # (a level or site of its own: "going in at C7 - anything specific about that level?", its own hazards)
                     r"\banything (?:specific|special|particular|different) (?:about|at|with)(?: (?:that|this|the))? (?:level|segment)\b|"
                     r"which patients|in whom|high[- ]risk|predictors?\b|predictive factors?|\bpredicts?\b|"
                     r"\bwho (?:gets?|has|have|develops?) (?:it )?more\b|\bwho (?:is|are) more (?:likely|prone)\b|"
                     r"risk (?:category|class|grade|tier|level|stratum|group)|"
                     r"(?:low|intermediate|moderate|medium)[- ]risk|"
                     # whether this patient needs bridging is a question of who is at high thromboembolic risk
                     r"(?:need|needs|require|requires|candidate for|qualify for|indicat\w*) (?:\w+ )?bridg\w*|bridg\w* (?:needed|indicated|required)|"
                     r"(?:do|should|must|would|shall) (?:i|we|you|he|she) (?:\w+ )?bridge\b|\bbridge (?:her|him|them|the patient)\b|"
                     # "what else was linked to it?": what goes with the complication (its risk factors)
                     r"what (?:else )?(?:was|is|were|are) (?:it |this |that )?(?:linked|associated|tied|related) (?:to|with)(?: (?:it|this|that|them))?\s*\?|"
                     # (a condition told, asked whether it counts: "she's allergic to prawns, does that matter?")
                     r"\b(?:does|would) (?:that|this|it) (?:matter|count|make (?:any |a )?difference)\s*\?|"
                     r"\bis (?:the |that |this )?(?:[\w-]+ ){0,2}(?:thing |history |allergy )?(?:relevant|an issue|a problem)\s*(?:\?|$)",
                     r"(?:这个|那个|该|这一?)(?:节段|水平|位置|部位|入路)(?:有|有没有)(?:什么|啥)?特(?:别|殊)(?!要?注意)|(?:和|跟|与)什么(?:有关|相关)|(?:和|跟|与)哪些因素(?:有关|相关)|(?:有关|相关)的?因素|危险因素|风险因素|高危|风险(?:会|是否)(?:更)?(?:高|增加)(?:吗|么|不)|风险更(?:高|大)(?:吗|么)|(?:哪些|什么)[^，。？?]{0,6}风险(?:更)?(?:高|大)|(?:哪种|哪类|什么样的?)(?:病人|患者|人|情况)[^，。？?]{0,8}风险|易感|易发|更容易|增加.*风险|哪些人|哪类患者|什么人|哪些(?:病人|患者)(?:更)?(?:容易|易)|几级.{0,4}风险|风险.{0,2}(?:分级|等级|级别|类别)|"
                     r"(?:哪类|哪一类|哪个|哪一级)(?:出血)?风险|什么出血风险|什么风险(?=级|类|等级|分级|分层|组)|属于什么风险|"
                     r"(?:需要|需不需要|要不要|是否需要|该不该|应不应该)(?:做|进行|用|使用)?[^，。？?]{0,10}?桥接|"
                     r"(?:低|中|中等|高)(?:出血)?风险(?:类|级|操作)?|(?:这|那)(?:个)?(?:有|有没有)(?:关系|影响)(?:吗|么)?[？?]|(?:这|那)(?:个)?要紧吗|"
                     # (a fact told, then whether it counts: "…阿司匹林100没停 有关系吗")
                     r"(?:^|[\s，,。])有(?:没有)?(?:关系|影响)(?:吗|么)?\s*[？?]?\s*$"),
    # which test or scan confirms it (the work-up): the sentence that names the imaging or test answers it
    "workup": ("",
               # (not the guidance a procedure is done under: "with ultrasound or no imaging", "under imaging")
               r"workup|work-up|work (?:it |him |her |them |this |that )?up|investigat|(?<!no )(?<!without )(?<!under )(?<!with )imaging|"
               r"\bmri\b|\bct\b|which (?:test|scan|study)|"
               r"what (?:test|scan|study|tests|scans)|confirm (?:the |a )?(?:diagnosis|it)|(?:order|get|request) (?:a |an )?(?:scan|test)|"
               r"how (?:do|can|would|should|to) (?:i |we |you )?(?:confirm|prove)\s+(?:(?:the|a|an|its|it's|that|lead|scs|electrode)\s+)?"
               r"(?:migration|fracture|breakage|leak\w*|infection|abscess|ha?ematoma|granuloma|pneumothorax|embol\w*|diagnosis|it)\b|"
               r"\bconfirmation of (?:(?:scs|the|a)\s+)?(?:lead |electrode )?(?:migration|fracture|breakage|granuloma|leak\w*)\b|"
               r"diagnostic test",
               r"检查|确诊|明确诊断|影像|核磁|磁共振|拍片|拍什么|做什么片|怎么确认|如何确认|化验|怎么查|查什么|要查|需要查"),
    # signs are described under Complications as often as under Recognition and management: the sentence decides
    "recognition": ("",
                    r"symptom(?!atic)|sign\b|signs|present(?:s|ation)?\b|recogni|diagnos|look like|tell (?:if|whether)|detect|suspect|"
                    r"how do (?:i|we|you) know|catch (?:it |this |them )?early|pick (?:it |this |them )?up early|early warning|"
                    # (telling two pictures apart: "subdural vs intrathecal, how do i tell?", 怎么区分)
                    r"\bhow (?:do|can|would|could) (?:i|we|you) (?:tell (?:them |the two |it )?(?:apart|which|if|whether|the difference)|"
                    r"distinguish|differentiate)\b|\bhow (?:do|can) (?:i|we|you) tell\s*\??\s*$|\btell (?:them|the two) apart\b|"
                    # (when to escalate: the red flags, "when should I escalate?")
                    r"\bwhen (?:should|do|would|must) (?:i|we) escalate\b|\bwhen to escalate\b|"

                    r"what (?:could|might) (?:it|this) be|differential|"
                    # ("…or headache stops being postural, what are we worried about?": the serious causes)
                    r"\bwhat (?:are|should|would) (?:we|i|you) (?:be )?(?:worried|worrying|concerned) about\b|\bwhat am i (?:worried|worrying|concerned) about\b|\bwhat (?:do|should|would) (?:we|i|you) worry about\b|"
                    # ("repeat the patch, or is something else going on?": another cause of the picture)
                    + _OTHER_CAUSE_EN + "|"
                    # ("severe positional HA - is this PDPH?": whether the picture is that complication, its criteria)
                    + r"\b(?:is|could) (?:this|it|that) (?:be )?(?:a |an )?(?:PDPH|LAST|a? ?(?:dural|spinal|epidural|wet tap|post[- ]dural)[\w -]{0,20}|"
                    r"[\w-]+ (?:headache|haematoma|hematoma|abscess|toxicity|embolism|infection)|meningitis|discitis|pneumothorax)\s*(?:\?|$)|" + _MONITOR_ASK_EN,
                    _MONITOR_ASK_ZH + r"|会不会是|考虑(?:啥|是啥|是什么|什么问题|什么原因)|(?<![前要该])考虑什么|(?<=[，,。；;])\s*(?:应该|需要)?要?考虑(?:什么|啥|哪些)|可能是(?:啥|什么)|怎么回事|" + _OTHER_CAUSE_ZH + r"|(?<![有无])症状(?!性)|(?<=[有无])症状(?![性的])|表现|识别|诊断|征象|这是(?!(?:不是)?并发症)(?!.{0,4}正常).{1,15}?吗|(?<!生命)体征|怎么判断|如何判断|鉴别|怀疑|早期发现|及早发现|早发现|怎么发现|如何发现|察觉"),
    "prevention": ("prevention",
                   # (the agent that should have been used, looked back on: "what should we have injected instead")
                   r"\bwhat (?:should|could|would) (?:i|we|you|they) (?:have )?(?:used|injected|given|chosen)\b(?=[^.?]{0,30}\binstead\b)|"
                   r"prevent|avoid|reduc|minimi[sz]|lower the risk|safeguard|precaution|protect|safer|technique|technically|optimi[sz]|"
                   # ("…booked for a lumbar TFESI. How should we do it safely?")
                   r"\bhow (?:should|do|can|could|would) (?:i|we|you) (?:do|perform|proceed|go ahead|irrigate|inject|infuse|distend|flush)"
                   r"(?: with)?(?: it| this| that| the \w+)? safely\b|"
                   # ("what can I do technically to cut it down?": the leak rate brought down)
                   r"\bcut (?:it |this |that |them |the (?:risk|rate|leaks?) )?down\b|\bcut down on\b|\bbring (?:it|that|the (?:risk|rate)) down\b|"
                   r"\b(?:cut|lower|limit) (?:my|our|your|the|staff|operator|her|his) (?:own )?(?:radiation )?(?:dose|exposure)\b|"
                   # ("smoker and diabetic - anything you do differently?": what is done to keep them safe)
                   r"\b(?:do|doing|handle|manage) (?:anything |things |it |this )?differently\b|"
                   # a check before the procedure ("do we need a pregnancy test before a lumbar ESI?")
                   # (a screening test: not a drug level, "an INR test", nor a work-up, "a CT scan or a test")
                   r"\b(?:need|require)s? (?:a|an) (?:pregnancy |urine |serum |b-?hcg |beta-?hcg |hcg |screening |pre-?(?:procedure|op) )?"
                   r"(?:test|testing|screen\w*)\b|"
                   # what a step of the technique is for ("what's the point of the extension tubing?", 接延长管有什么用)
                   # (whether a safety step is needed at all: "test dose for lumbar TFESI - do i need one?")
                   r"\b(?:do|would|should) (?:i|we|you) (?:really |always |even |still )?(?:need|have to (?:do|use|give)) (?:one|it)\b|"
                   r"\bwhat(?:'s| is) the (?:point|purpose|use) of\b|\bwhy (?:do|should|would) (?:we|i|you) (?:use|attach|add|need)\b|"
                   # after a reaction: "next time she needs an ESI what do we do?" (it must not happen again)
                   r"\bnext time (?:she|he|they|the (?:patient|pt)|pt|we|i) (?:needs?|has|have|gets?|comes?|is due)\b|"
                   r"\bcut(?:s|ting)?\b[\w ]{0,15}\b(?:risk|dose|exposure|radiation|leak\w*|infections?|bleed\w*|complications?)|best way to|how to stop (?:it|this|them) (?:happening|occurring)|"
                   r"how (?:do|can|should) (?:i|we|you) (?:make|keep)|best practice|prophyla|recommend|key (?:to|points?|safeguards?)|"
                   r"keep (?:it |patients? |them )?safe|safety (?:steps|measures|checks)|what (?:do|should) (?:i|we) check|"
                   r"which (?:one|steroid|agent|drug|needle|approach|route)\b.{0,30}?(?:for|should|to use|do (?:i|we|you) use)|"
                   # ("what steroid and dose should I use for a cervical TF?": the choice of steroid is its safety step)
                   r"\bwhat (?:steroid|needle|approach|route)\b.{0,30}?(?:should|to use|do (?:i|we|you) use)|"
                   r"\bwhich (?:drug|agent|antibiotic|abx)\s*(?:\?|$|,|and\b)|"
                   r"what (?:should|do) (?:i|we|you) use|which is (?:best|preferred|safer)|preferred|first[- ]line|first choice|"
                   r"\bneeds? (?:\w+ ){0,2}(?:abx|antibiotics?|prophylaxis|premedication|premed|cover)\b|what premedication|premedicate|"
                   # ("options for TFESI?" in a contrast-allergic patient: how to do the procedure; not "options for PDPH")
                   # (a procedure's name is blanked before the aspects are read: three spaces or more)
                   r"(?<!ment )(?<!rescue )\boptions? (?:for|before|at) (?:a |an |the |her |his |my |this )?(?:[\w-]+ )?"
                   r"(?:tfesi|ilesi|esi|injections?|blocks?|rfa|ablation|procedures?|implants?|trials?|scs|kypho\w*|vertebroplasty|"
                   r"epidurals?|mbb|sij|discography)\b|(?<!ment )(?<!rescue )\boptions? (?:for|before|at)(?: (?:a|an|the|her|his|my|this))?\s{3,}|"
                   # what a unit keeps ready ("how much lipid should we stock?", 介入室要常备多少脂肪乳)
                   r"\b(?:stock(?:ed)?|keep on hand|have on hand|on hand|kept (?:in|on) (?:the )?(?:unit|suite|room|cart|trolley))\b|"
                   # a check told as clear, asked whether that is enough ("negative aspiration - safe to inject?", 回抽没血就安全了吗)
                   r"\b(?:negative|no blood|no flash|clean)\b[^?.]{0,40}\b(?:safe|enough|sufficient|reassur\w*)\b|"
                   # how a protective item is worn ("how should she wear her dosimeter?", 剂量计要怎么戴)
                   r"\b(?:how|where) (?:do|should|does|must) (?:i|we|you|she|he|they|staff) wear\b",
                   r"(?:当时|本来)(?:应该|该|本应)?(?:换|改用|换成|改成|用|打)(?:用)?什么(?:药|激素)|(?:应该|该|本应)(?:换|改用|换成|改成)(?:用)?什么(?:药|激素)|(?:没血|无回血|没有回血|没回血|阴性)[^？?。]{0,10}(?:安全|就行|够了|可以了|放心)|"
                   r"(?<!一级)(?<!二级)预防|避免|降低|减少|防止|防护|(?:怎么|如何|怎样)(?:佩)?戴|戴(?:在)?(?:哪|什么位置)|"
                   # ("换成氢吗啡酮是不是就不会长肉芽肿了？": whether another drug keeps the harm away)
                   r"(?:换成|改成|改用|换用)[^，。？?]{1,10}(?:是不是|会不会|能不能)?(?:就)?(?:不会|不再|没有)|注意事项|注意(?:什么|啥|哪些|些什么)|更安全|技术|"
                   r"(?:怎么|如何|怎样)(?:控制|把握|掌握|设置)[^，。？?]{0,4}(?:才|比较)?安全|"  # ("冲水速度和量怎么控制比较安全")
                   r"(?:怎么|如何|怎样|要|需要|该)(?:改进|改善操作|调整操作)|哪些地方(?:要|需要|该)改|有什么(?:要|需要|该)改进|"  # ("下次…要怎么改进")
                   r"(?<!怎么)(?<!如何)(?<!该怎么)(?<!应该如何)建议|推荐|预防性|保证安全|安全的关键|安全要点|关键|"
                   r"用哪个|用哪种|选哪个|选哪种|该用什么|用什么(?:好|药|激素)|首选|(?:怎么|如何|要不要|需要|需不需要)(?:做)?预处理|预防用药|"
                   r"(?:需要|需不需要|要不要|用不用)[^，。？?]{0,4}(?:激素覆盖|补(?:充)?(?:糖皮质)?激素|应激剂量)|"
                   r"有什么用|有何(?:作用|用处)|(?:作用|目的)是什么|为什么要(?:接|用|加|做)|常备|储备|备用|备多少|备好|(?:要|需要|得)备"),
    # is what the patient has an expected, harmless effect? ("numb after TON RF - is that expected?", 正常吗)
    "expected": ("",
                 r"is (?:that|this|it|he|she) (?:\w+ )?(?:normal|expected|usual|to be expected)|\b(?:normal|expected)\?|"
                 # (whether the nurse calls the doctor about what she sees: "should i call the reg?", 要不要叫医生)
                 r"\b(?:should|do) (?:i|we) (?:need to )?(?:call|page|bleep|wake|ring|get) (?:the |a )?(?:doctor|dr|reg|registrar|consultant|on-?call|resident)\b|"
                 # (whether what is seen counts as a complication at all: "droopy eyelid, small pupil - is this a complication?")
                 r"\bis (?:that|this|it|these|this all) (?:a |an )?(?:complication|side[- ]effect|problem)\s*\?|"
                 r"\bis (?:[\w'’-]+\s+){1,8}?(?:a |an )(?:complication|side[- ]effect)\s*\?|"
                 r"what(?:'s| is) normal|normal after(?:wards)?|what to expect|"
                 r"what (?:\w+ )?effects? (?:should|do|would|can|will) (?:i|we|you|she|he|they|the patient|pts?) (?:\w+ )?expect|\bexpected effects?\b|"
                 r"should (?:i|we) (?:be )?(?:worr|concern)|anything to worry|nothing to worry|harmless|"
                 r"\bdid (?:we|i|they|you) (?:damage|injure|hit|burn) (?:something|anything|a nerve|the nerve)\b|"
                 r"(?:^|[.,;:!?-]\s*)(?:(?:pt|patient|she|he|they|family)(?:'s| is| are)? )?(?:very |really |a bit |quite )?(?:worried|anxious|scared)\s*[.!?]*\s*$",
                 r"是不是(?:打针|这针|做的)?(?:做|打)坏了|(?:做|打)坏了吗|是不是伤到(?:神经|什么)了|正常吗|正常么|正常的吗|是否正常|正常现象|要紧吗|要紧不|要紧么|(?:这|这个|这些)?(?:是|算)(?:不是|不算)?并发症(?:吗|么|？|\?)|要不要紧|需要担心|用担心|严重吗|预期的吗|是不是正常|会有(?:哪些|什么)(?:正常)?(?:反应|表现)|"
                 r"(?:要不要|需不需要|用不用|该不该)(?:叫|喊|通知|找|报告)(?:一下)?(?:医生|大夫|值班|上级|主任)"),
    "frequency": ("complications",
                  # (the outcome asked: how many recover, "whats the likely outcome", 预后怎么样)
                  r"\bwhat(?:'s| is| are)? (?:the |his |her )?(?:likely |usual |expected |long[- ]term )?(?:outcome|prognosis)\b|"
                  r"\b(?:likely|expected|long[- ]term) (?:outcome|prognosis)\b|\bwill (?:he|she|they) recover\b|"
                  # (what to quote at consent: its figures, "what do I quote for that")
                  r"\bwhat (?:do|should|would|can) (?:i|we|you) quote\b(?! as\b)|\b(?:figures?|numbers?) (?:do i |should i |to )quote\b|"
                  r"\bhow (?:sensitive|specific|reliable|accurate) (?:is|are)\b|\b(?:sensitivity|specificity) of\b|"
                  r"how (?:common|often|frequent|likely|rare)|(?:most|more|less) (?:common|frequent)|commonest|incidence|"
                  # ("is orthostatic hypotension common after coeliac plexus block?", "is PDPH common after ILESI?")
                  r"^\W*(?:is|are) (?:it |this |that |[\w-]+ ){1,4}?(?:common|frequent|rare)\b(?!\s+(?:practice|sense|knowledge|ground|to)\b)|"
                  r"(?<!infusion )(?<!flow )(?<!drip )(?<!heart )(?<!respiratory )(?<!pump )(?<!irrigation )(?<!saline )(?<!fluid )"
                  r"(?<!lipid )(?<!bolus )(?<!frame )(?<!pulse )(?<![a-z])rates?\b(?!\s+matters?\b)(?!\s+(?:should|shall)\s+(?:i |we |you |they )?(?:be )?(?:infus|inject|run|giv|irrigat|flush|push|deliver)|"
                  r"\s+(?:do|to|can|would)\s+(?:i |we |you |they )?(?:be )?(?:infus|inject|run|irrigat|flush|push|deliver))|"  # (not "aspirate", "moderate", "separate"; a C-arm's frame rate)
                  # (not a concentration told: "1% plain", "0.5% bupivacaine", "20% lipid", "2% lido")
                  r"percent|%(?!\s*(?:plain|lido\w*|lignocaine|bupi\w*|levobupi\w*|ropi\w*|mepi\w*|marcaine|naropin|xylocaine|"
                  r"lipid|intralipid|with epi\w*|solution|dextrose|saline|chlorhex\w*|alcohol|povidone|contrast|iohexol|omnipaque|\)))|chance|odds|prevalen|how many (?:patients|cases|people|die)|"
                  r"(?:real|actual|hard) (?:numbers|figures|risk)|\bnumbers\b|statistics|how risky|"
                  # the likelihood (not "the risks of", nor the harm of a choice: "the risk of using particulate steroid")
                  r"\b(?:what(?:'s| is)|how (?:high|big|great|large) is) the risk of\b(?!\s+(?:using|giving|injecting|doing|performing|choosing))|"
                  # "whats the PDPH risk?" after a wet tap: how likely (a bleeding risk is a class, a risk factor an ask of its own)
                  r"\bwhat(?:'s| is|s) (?:the |her |his |their |my )?(?!bleeding\b)(?!the\b)(?:[\w-]+ ){1,2}risk\b(?! (?:factor|categor|class|group|level|grade))|"
                  # (asked bare, "infection risk?", "PDPH risk?": how likely, for the patient told)
                  + BARE_RISK_ASK,
                  r"敏感度(?:多少|多高|如何|怎么样)?|特异度(?:多少|多高|如何)?|"
                  # (how often such a thing happens: "骨水泥漏出来这种事多吗", 这种情况多不多)
                  r"(?:这种|这类|这样的?)?(?:事|情况|并发症|问题)(?:多|常见|多见)(?:吗|么|不多|不常见)|(?:这种|这类|这样的?)(?:事|情况)?(?:多|常见)(?:吗|么|啊)|"
                  r"预后(?:怎么样|如何|好吗|会怎样|怎样|咋样)|能恢复(?:吗|到什么程度)|能不能恢复|恢复的可能|"
                  r"发生率|多常见|常见吗|常不常见|多见吗|多不多见|(?:很|常|经常)见吗|是不是(?:很|挺|比较)?(?:常见|多见)|最常见|概率|几率|比例|多少比例|发病率|百分之|有多大|多少例|率(?:到底|大概|大约|究竟|一般|通常|是|有|分别|各|各自)*多(?:少|高|大)|多少人|"
                  r"具体(?:的)?(?:数字|数据)|(?:有没有|有无|给个|给我)(?:什么)?(?:数字|数据)|统计数据|"
                  # (a complication with "how much" after it: "有症状的肺栓塞多少")
                  r"(?:栓塞|渗漏|感染|血肿|头痛|气胸|并发症|损伤|瘫痪|移位|断裂|脓肿)(?:的)?(?:有|是|大概|大约|约)?多少(?!天|小时|分钟|周|毫|mg|ml|mL|剂量|次|量|钱)"
                  r"(?![^，。？?]{0,6}(?:需要|需|才|算|要|就|应|该|以上|以下|cm|厘米|mm))"),
    "complications": ("complications",
                      # (whether what was found or happened has consequences: "do they actually matter?")
                      r"\bdo (?:they|these|those|leaks|the leaks) (?:actually |really |even )?matter\b|\bclinically (?:significant|relevant|important)\b|"
                      # ("and does it ever cause problems", "any consequences?")
                      r"\b(?:does|do|can|could|will) (?:it|they|this|that|these|those) (?:ever |actually |really |usually )?cause (?:any )?(?:problems|trouble|issues|symptoms)\b|"
                      r"\bany (?:consequences|sequelae|lasting (?:effects|damage|harm))\b|\b(?:will|could|can) (?:it|this|that) be permanent\b|"
                      r"complication|adverse|side effect|risks? of|(?<!bleeding )(?<!haematoma )(?<!hematoma )(?<!bleed )\brisk (?:with|after|from|following)\b|(?<!bleeding )(?<!high )(?<!low )(?<!intermediate )\brisks\b|danger|harm|what can go wrong|what happens|serious|expected effect|warn|"
                      r"(?<!what )(?<!which )\bcan (?:(?:a|an|the|this|that|my|his|her|it)\b[\w -]{0,40}\b|[\w-]+(?: [\w-]+){0,3} )"
                      r"(?:cause|make (?:me|him|her|them|you|people))\b",
                      r"后遗症|出事|出问题|出岔子|出状况|并发症|不良反应|副作用|风险|危险|危害|后果|会出现什么|预期|告知|会不会(?!是)(?:导致|引起|造成)?(?=.{0,4}(?:瘫|截瘫|感染|出血|血肿|失明|"
                      r"卒中|中风|死|神经损伤|头痛|坏|伤|气胸|栓塞|中毒|渗漏))|会导致|会引起|会造成|怕(?:的是)?(?:啥|什么)|担心(?:的是)?(?:啥|什么)"),
    "advice": ("management",
               r"tell (?:the |my |her |his )?(?:patient|pt|family|relatives|husband|wife|son|daughter)s?\b|what (?:exactly )?(?:do|should) (?:i|we) (?:actually |exactly )?tell (?:her|him|them)|"
               r"what (?:do|should|can|could) (?:i|we) (?:realistically |honestly |actually )?(?:say|tell)\b|discharge|advi[sc]e (?:the )?patient|warn (?:the )?patient|come back|return (?:to|if)|seek (?:help|care)|"
               r"aftercare|go home|send (?:her|him|them|the (?:patient|pt)|pt) home|safety net|call (?:us|back|the clinic)|when (?:to|should (?:she|he|they)) call|make (?:her|him|them) call|"
               r"\bexplain (?:this |it |that )?to (?:the |my )?(?:patient|pt|family|relatives)|"
               # (a caller who will not come in: "he's refusing to come in - how do I convince him?")
               r"\bhow (?:do|can|should) (?:i|we) (?:convince|persuade|talk (?:him|her|them) into)\b",
               r"提醒(?:她|他|病人|患者|家属)?(?:些|一下)?(?:啥|什么|哪些)|(?:怎么|如何|咋)劝|劝(?:他|她|病人|患者)(?:来|回|过来)|"
               r"告诉病人|告诉患者|交代|出院|宣教|返院|回院|复诊|就诊|术后注意|回家|(?:跟|和|向|给)(?:病人|患者|家属)(?:怎么|如何)?(?:解释|说明|讲)|(?:咋|怎么|如何)(?:跟|和|向|给)(?:他们|她们|他|她|家里人|家人)(?:说|讲|解释|交代)|"
               # ("我该怎么跟她说？", "电话里怎么回复病人": what to tell the caller)
               r"(?:怎么|如何|该怎么|应该怎么)(?:跟|和|向|给|告诉|回复|答复|回答)(?:她|他|他们|病人|患者|家属)(?:说|讲|解释|交代)?|"
               # (what to advise the caller: "护士电话随访怎么建议？")
               r"(?:怎么|如何|该怎么|应该怎么|应该如何)建议|给(?:她|他|病人|患者)?(?:什么|哪些|啥)建议|应(?:该)?建议(?:她|他|病人|患者)?(?:什么|怎么做)|(?:跟|和|对)(?:她|他|他们)(?:怎么|该怎么|应该怎么)(?:说|讲|解释)"),
    "evidence": ("evidence",
                 # a guideline named as the frame of reference ("under the 2018 ASRA guideline") asks for its advice, not for notes
                 r"evidence|disagree|controvers|(?:grade|level|quality|strength) of (?:the )?(?:evidence|recommendation)|uncertain|"
                 r"stud(?:y|ies)|randomi[sz]ed|\brct\b|\bdata\b|conflict|which society|how (?:good|strong|reliable) is",
                 r"证据|分歧|争议|证据等级|推荐等级|证据级别|不确定|研究|数据|冲突|可靠吗"),
    "comparison": ("",
                   r"\bvs\.?\b|versus|compared|difference between|better than|safer than|or (?:a|an|the)? ?\w+ (?:block|injection)\?|"
                   # "is lead migration more common with DRG or with SCS?", "which has the higher infection rate?"
                   r"\b(with|in|for|after)\b(?=\s+(?!\d)[^?]{1,50}\bor \1\s+(?!\d))|"  # (only the word: the sides stay readable)
                   r"\bwhich (?:one )?(?:is|has|carries|gives|causes) (?:a |the )?(?:higher|lower|more|less|greater|fewer|safer|riskier)\b|"
                   # ("can an SPG block replace the blood patch?": the one weighed against the other)
                   r"\b(?:can|could|does|will|would) (?!we\b|i\b|you\b|they\b|she\b|he\b)[^?.]{0,40}?\b(?:replace|substitute for|take the place of|"
                   r"avoid the need for)\b(?! (?:the |a |an |her |his )?(?:battery|batteries|generator|ipg|pump|lead|leads|catheter|needle))",
                   # ("PVP和PKP哪个更安全": the two sides named before 哪个; an ask read before, prevention's "更安全", is blanked to spaces)
                   r"(?:能|可以|可否|能否|能不能|可不可以)(?:代替|替代|取代)|比较(?!合适|妥当|安全|好|稳妥|常见|多见|容易|快|慢|高|低|多|少|大|小|推荐|靠谱|有效|管用|有用|重要|严重|可靠|理想|常用)|(?:还是|跟|和|与)(?:(?!怎么|如何|怎样)[^，。？?]){1,16}比较(?:安全|好|稳妥|合适)|比较(?:安全|好)的是哪|区别|差别|哪个更|哪种更|相比|优于|哪个(?:高|低|多|少)|(?:和|与|跟|\band\b|\bor\b)[^，,。？?]{1,12}(?:哪个|哪种)[^，,。？?]{1,6}?(?:率|风险)(?:更)?(?:高|低|大|小)|(?:哪个|哪种)(?:效果)?好|(?:和|与|跟|还是|\band\b|\bor\b)[^，,。？?]{1,12}(?:哪个|哪种)[^，,。？?]{0,10}更(?:高|低|大|小|多|少|常见)|(?:^|(?<=[，,。；？?]))(?=[^，,。；？?]{0,30}?(?:和|与|跟|\band\b)[^，,。；？?]{1,20}(?:哪个|哪种|哪一个|哪一种)(?:\s*(?:更|比较)?\s*(?:安全|好|稳妥|合适|推荐)|\s{2,}))|(?:和|与|跟)[^，,。？?]{1,20}比(?:较)?(?:[，,呢？?]|起来|的话)"),  # (说多少比较合适: "what is right to say")
    # why / how it happens: the sentence that gives the cause answers it, whatever section it sits in
    "mechanism": ("",
                  r"\b(?:most )?(?:likely|probable|possible) (?:cause|reason|culprit)\b|\bwhat(?:'s| is| was) the cause\b|"
                  # (looked back on after the event: "what caused this", "what most likely went wrong with the refill?")
                  r"\bwhat (?:\w+ )?caused (?:this|it|that|the)\b|\bwhat (?:\w+ ){0,2}went wrong\b|"
                  # ("wife asking how this could happen", 怎么会这样)
                  r"\bhow (?:could|did|can|does|would) (?:this|that|it) (?:have )?happen(?:ed)?\b|\bwhy did (?:this|that|it) happen\b|"
                  r"\bhow (?:this|that|it) (?:could|can|did|would|might) (?:have )?happen(?:ed)?\b|"
                  # ("how could a refill do this?", 加个药怎么会这样)
                  r"\bhow (?:could|did|would) (?:a|an|the|that) \s*(?:[\w-]+\s+)?(?:have )?(?:do|done|cause|caused) (?:this|that|it)\b|"
                  r"\bwhat(?:'s| is) (?:this|it|that) (?:most )?likely(?: to be)?\s*\??\s*$|"
                  r"mechanism|pathophysiolog|why (?:does|do|is|are|would|can|did|we|you|they|only)\b|^\W*why\b|what causes|"

                  r"\bwhy (?:this|that|it) (?:happens?|happened|occurs?|occurred)\b|"
                  r"\bhow (?:does|did|do|would|could|can) (?:the |a |an )?[\w -]{1,30}? (?:get|end up|go) (?:where|into|in)\b|"
                  + _WHY_NOT_USE_EN + r"|how does .{0,40}(?:cause|happen|lead)|"
                  # (whether a sign told comes from the drug or procedure: "BP 190/105 after depo-medrol - steroid related?")
                  r"(?<!risk )(?<!risks )\b[\w-]+[- ]related\s*\?|\b(?:due to|caused by|from) (?:the |his |her )?(?:[\w-]+ )?"
                  r"(?:steroids?|injection|block|procedure|drug|local(?: anaesthetic| anesthetic)?|contrast|cement|needle|depo[\w-]*|kenalog|dex\w*)\s*\?|"
                  r"how (?:does|do|would) (?:the |a |an )?[\w -]{1,30}?\b(?:actually |really )?work\b(?! (?:for|in (?:a|an|the) \w+ (?:patient|pt)))",  # ("how does the lipid actually work?")
                  # ("…能不能用曲安奈德？为啥不行": why it may not be used, in spoken words)
                  r"(?:为啥|为什么|为何|咋)(?:不行|不能用|不可以|不让用|禁用)|(?<![\u4e00-\u9fff])为啥\s*[？?]?\s*$|"
                  # (why a step is done: "射频前为啥要做两次诊断性阻滞？")
                  r"(?:为啥|为什么|为何)(?:一定)?要(?:做|先做|用|查|打)(?:两次|二次|2次)?|"
                  # (a part that opens with why: "…发生率多少？为什么强调8小时内减压")
                  r"^\W*(?:[\u4e00-\u9fff]{1,6}问[：:\s]*)?(?:为什么|为何|为啥)(?=[^，。？?\s]{2})(?![^，。？?]{0,20}(?:怎么办|怎么处理|如何处理|几天|多久|多少|几次))|"
                  r"(?:引起|导致|造成|诱发)的吗|(?:引起|导致|造成)的\s*[？?]|是(?:不是)?[^，。？?]{1,10}的问题(?:吗|么|\s*[？?])|是不是[^，。？?]{0,12}(?:引起|导致|造成)|(?:和|与|跟)[^，。？?]{1,10}(?:有关|相关|有关系)(?:吗|么)|"
                  r"机制|原理|为什么会|为何会|(?:怎么|咋|为啥)会(?:这样|出现这种情况|发生这种事)|怎么引起|如何引起|怎么导致|如何导致|是怎么发生|怎么发生|怎么起作用|如何起作用|为什么能(?:治|救|逆转|起效|解毒)|"
                  + _WHY_NOT_USE_ZH),  # ("为什么不建议用得宝松？": why it harms)
    "definition": ("overview", r"what(?: is|'s|s| are) (?!going|happening|wrong|up\b|this|that|it\b|the (?:matter|problem|cause|reason)|(?:the |a )?(?:most )?(?:likely|probable|possible) (?:cause|reason|culprit)|(?:the |his |her )?(?:likely |usual |expected )?(?:outcome|prognosis))(?:a |an |the )?(?:[\w-]+\s*){1,3}\??\s*$|^\s*what(?: is|'s| are) (?:a |an |the )?\s*\??\s*$|define|definition|what does .* mean|explain|"
                   # (a name read off a box: "a box labelled 拜瑞妥 from China, what is it")
                   r"\b(?:labelled|labeled|called|named)\b[^?.]{0,40}\bwhat(?:'s| is) (?:it|this|that)\b",
                   r"是什么|什么是|定义|含义|指什么"),
}
GROUP_OF_ASPECT = {a: g for a, (g, _, _) in ASPECTS.items()}
# Words the answer to an ask uses when no section holds it (a work-up names its imaging): added to the search text.
_ANSWER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "workup": {"en": ("imaging", "MRI", "CT"), "zh": ("影像", "MRI", "平片", "CT")},
    "escalation": {"en": ("definitive", "treatment"), "zh": ("确定性", "治疗")},
    "location": {"en": ("level", "recommended"), "zh": ("节段", "建议", "选择")},
    # (asked how it shows, 有什么表现: the sources write a complication's signs as 征象)
    "recognition": {"en": (), "zh": ("征象",)},
}
# ("what sx should make me suspect it?" after a complication's risk factors: its early and late signs)
_SIGN_WORDS = {"en": ("signs", "symptoms"), "zh": ("征象", "表现")}

# The same patient said so ("the same pt", 同一个病人).
# Another specialty's management of a drug the patient takes (insulin doses, antihypertensives, bone treatment, how long
# a stent's antiplatelets go on): beside a procedure of ours it is a setting the patient is in, not a foreign procedure.
MEDICATION_SETTINGS = frozenset({"diabetes-drug-management", "hypertension-management", "osteoporosis-treatment", "dapt-duration",
                                 "rheumatology-drug-management"})
IMMUNOSUPPRESSED = "immunosuppression"
RHEUMATOLOGY = "rheumatology-drug-management"
_KEPT_ON = "continued-antithrombotic"  # (a drug told as kept on: "cardiology won't let him stop it")
_PATIENT_MEDICINES = frozenset({"rheumatology-drug-management", "osteoporosis-treatment", "diabetes-drug-management"})
_GLUCOSE_DRUGS = "diabetes-drug-management"  # (a steroid's glucose rise is ours; the insulin dose is the diabetes team's)
# The drug held before, pointed back at ("while off it", "停药期间").
_OFF_IT = {"en": lazy(r"\b(?:off|stop(?:ping)?|hold(?:ing)?|held|without) (?:it|them|that|the drug)\b", re.I),
           "zh": lazy(r"停药期间|停药的时候|停药这几天|停了以后|停掉以后")}
# The patient told before, as a pronoun ("should she up her insulin?", 他的降糖药要调吗).
# the topics of a patient's aftercare, which a turn asks of the patient told before
_AFTERCARE_TOPICS = frozenset({"post-procedure-monitoring", "discharge-advice", "driving", "mobilisation"})
_PATIENT_PRONOUN = {"en": lazy(r"\b(?:she|he|her|his|him|they|their|them|herself|himself)\b", re.I),
                    "zh": lazy(r"她|(?<!其)他")}
# a turn opening with the patient just told ("he has an old pacer…", "she's now…", 他有起搏器)
_PATIENT_OPENS = {"en": lazy(r"^\W*(?:(?:ok(?:ay)?|so|and|but|also|fyi)[,:;.]?\s+)?(?:he|she|pt|the (?:pt|patient))(?:'s| is| has| had| was| can'?t| cannot| won'?t| does| did)\b", re.I),
                  "zh": lazy(r"^\W*(?:而且|另外|但是?)?[，,]?(?:他|她|病人|患者)(?:有|装了|带着|是|还|已经|不能|没法)")}
_SAME_PATIENT = {"en": lazy(r"\b(?:the )?same (?:pt|patient|lady|woman|man|guy|gentleman|person)\b|\bthis same (?:pt|patient)\b", re.I),
                 "zh": lazy(r"同一(?:个|位|名)?(?:病人|患者)|还是(?:这个|那个|这位|那位)(?:病人|患者)")}
# the patient of the turn before, pointed at ("would an interlaminar approach be preferable in her then?", 这个病人还能做吗)
# (closing the question: "in her then?"; not a plan for him, "can we stop clopidogrel in him before the RFA?")
_REFERS_BACK = {"en": lazy(r"\b(?:in|for|on) (?:her|him|this (?:pt|patient|lady|woman|man|guy))(?: then| instead)?\s*[?？.]?\s*$", re.I),
                "zh": lazy(r"(?:这个|该|此|这位)(?:病人|患者)(?:呢|那)?\s*[?？]?\s*$")}
# ... unless this turn tells a patient of its own ("72F", "a 60 yo man", 65岁男性)
_PATIENT_TOLD = {"en": lazy(r"\b\d{1,3}\s*(?:yo|y/o|y\.o\.|yr|years?[- ]old|[mf])\b|\b(?:a|an)\s+(?:\d{1,3}[- ]year[- ]old|elderly|pregnant)\b", re.I),
                 "zh": lazy(r"\d{1,3}\s*岁|(?:男|女)性?患者|老人|老太太|大爷")}
# A patient of his own told as "there is one" ("另外下周有个装了起搏器的病人要做腰椎RFA"): another patient.
THERE_IS_ANOTHER_ZH = r"(?:另外|还有)[^，。？?]{0,8}有(?:个|一个|位|一位)[^，。？?]{0,12}(?:病人|患者)"
# ... and not a patient said to be another ("different patient, not the same pt", 不是同一个病人, 另一个病人)
_OTHER_PATIENT = {"en": lazy(r"\b(?:not|isn'?t|no longer) (?:the )?same\b|\b(?:different|another|other|new|second|next) (?:pt|patient|lady|woman|man|guy|person)\b", re.I),
                  "zh": lazy(r"不是同一(?:个|位|名)?(?:病人|患者)|另(?:外)?一(?:个|位|名)(?:病人|患者)|换了?(?:个|一个)病人|新(?:来的)?(?:病人|患者)|"
                             r"下(?:一)?(?:个|位|名)(?:病人|患者)|"
                             + THERE_IS_ANOTHER_ZH)}
# Who is asking, said before the question ("规培生问：", "护士问:", "resident asks:"): no topic of the question.
_ASKED_BY = re.compile(r"^\s*(?:(?:规培生|规培|住院医(?:师|生)?|进修(?:医生|医师)?|实习(?:生|医生)?|研究生|学生|同事|护士|老师|主任|上级(?:医生)?)"
                       r"(?:问|请教|咨询)?\s*[:：]|(?:Q from (?:a |the |my )?|(?:a |the |my )?)(?:resident|registrar|trainee|fellow|student|nurse|colleague|"
                       r"intern|reg|SHO|consultant)\s+(?:asks|asked|asking|question|q)\s*[:：-])\s*", re.I)
# The ask of the turn before, said to be the same ("same question", "same procedure", 同样的问题, 也是做…).
_SAME_CASE = {"en": lazy(r"\bsame (?:question|procedure|block|injection|plan|thing|case|op)\b", re.I),
              "zh": lazy(r"同样的(?:问题|操作|手术|治疗)|同样(?:做|打|是)|也(?:做|打|是要做)|(?:和|跟|与|同)另(?:外)?一(?:个|位)(?:病人|患者)一样")}
# The procedure changed for the same patient ("switches him to", "instead", 换成, 改做).
_SWITCHED = {"en": lazy(r"\binstead\b|\bswitch(?:es|ed|ing)? (?:him|her|them|the (?:patient|pt)|it|to)\b|\bchang(?:es|ed|ing) (?:it |the plan |him |her )?to\b", re.I),
             "zh": lazy(r"换成|改成|改做|改为|换做|改行")}
_ABOUT_BEFORE = frozenset({"evidence", "mechanism"})  # asks about the answer before (its evidence, its reason)
# the ask before, asked again of what is switched in ("那还一样吗", "is it the same?", "does that change anything?")
_STILL_SAME = {"en": lazy(r"\b(?:is it|is that|still|same|would it be) (?:the )?same\b|\bdoes (?:that|this|it) change (?:anything|things)\b|"
                               r"\bany different\b|\bdifferent then\b", re.I),
               "zh": lazy(r"(?:还|也|是不是)?一样(?:吗|么|不|的吗)|有(?:什么)?(?:区别|不同)吗|要变吗|还是那样吗")}
_THIS_PROCEDURE = {"en": lazy(r"\b(?:this|that|the same|such an?) (?:procedure|op|operation|surgery|treatment|ablation|block)\b", re.I),
                   "zh": lazy(r"(?:这个|这种|该|这类)(?:手术|操作|治疗|消融)")}
_FOLLOWUP_CUE = {
    "en": lazy(r"^(?:and|also|so|then|what about|how about|and what|ok(?:ay)?|if so|same|but|btw|update|fyi|forgot to (?:say|mention))\b|"
                     r"^what if\b|^if\b|"
                     r"\b(?:it|its|it's|this|that|these|those|they|them|their|the same|the latter|the former|such|there|he|she|his|her)\b",
                     re.I),
    "zh": lazy(r"^(?:那|那么|还有|另外|如果|一旦|然后|那如果|要是|假如|但|可是|补充|再补充|对了|忘了说)|它|其|这个|这种|那种|这些|那些|该|此|上述|前者|后者|呢[？?]?$|他|她|"
                     r"^(?:首剂|第一剂|一剂|第二剂|重复|再给|追加)|(?:推完|打完|给完|用完|用了|给了)(?:以?后)?.{0,4}(?:没反应|没效果|无效|不管用|还是)|"
                     r"^(?:最大|最多|上限|极量)|"
                     # ("最后一次吃药是周一晚上8点，周四早上8点做，够不够？": the interval asked before, checked)
                     r"^(?:最后一次|末次)(?:吃药|服药|用药|打针)|够不够|够了吗|够吗|来得及吗|"
                     # ("上次看别人30ml一分钟就推进去了 会有啥问题": what the amount just told does, of what was asked before)
                     r"(?:会|能)有(?:啥|什么)(?:问题|后果|风险)|会怎么样|会不会有事|"
                     # ("家属问是不是打针打坏了 要不要转上级医院 怎么跟家属说": the family of the patient told before)
                     r"家属|家人|老伴|爱人|儿子|女儿|转上级|转院"),  # "首剂推完没反应怎么办", "最大量多少": the drug asked before
}
# a risk asked without naming the harm ("抗凝病人的风险增加多少", "how much higher is the risk on warfarin?")
# a scan of the head ("urgent MRI brain tonight ?stroke", 头颅MRI): never the work-up of a spinal implant's complication
_HEAD_SCAN = lazy(r"\b(?:MRI|MR|scan)\s+(?:of\s+the\s+)?(?:brain|head)\b|\b(?:brain|head)\s+(?:MRI|MR|scan)\b|头颅|颅脑|脑部?\s*(?:MRI|核磁|磁共振)", re.I)
# long-term oral steroids told ("long-term prednisone", "chronic steroids", 长期吃激素)
_LONG_TERM_STEROID = lazy(r"\b(?:long[- ]term|chronic|maintenance|daily)\s+(?:oral\s+)?(?:prednis\w+|steroids?|corticosteroids?)\b|"
                                r"\bsteroid[- ]dependent\b|长期(?:服用|口服|吃|用|服)?(?:激素|泼尼松|强的松|糖皮质激素)", re.I)
_RISK_WORD = {"en": lazy(r"\brisks?\b|\bodds\b|\bhow (?:likely|often)\b|\bchance\b", re.I),
              "zh": lazy(r"风险|几率|概率|可能性|发生率")}
_WHAT_ABOUT = {
    "en": lazy(r"^(?:and |so |but )?(?:what|how) about\b|^and (?:for|in|with|if)\b|^same (?:for|with|question)\b|^what if\b|"
                     r"^(?:and|but) (?:a|an|the)?\s?\w+\??$|\binstead\??$", re.I),
    "zh": lazy(r"呢[？?]?$|^那|^具体到|^换成|^如果是|^要是|^改成"),
}
_EN_INTERROG = lazy(r"^(?:at (?:what|which) |whats|hows|whens|wheres|whos|what|how|when|which|who|whom|why|where|is|are|should|can|could|do|does|did|would|will|must|may|"
                          r"shall|any|name|list|give)\b", re.I)
_ZH_INTERROG = lazy(r"多久|多长|多少|多[大高重快远](?!剂量|量)|什么|哪些|哪个|哪种|哪|如何|怎么|怎样|咋(?:办|处理|弄|整|回事)|啥|是否|吗(?!啡)|(?<![好十])几(?!乎|年了|年前|个月了|个月前|天前|次了|个病人|个患者|个人|位病人|位患者)|何时|为何|为什么|能否|可否|"
                          r"要不要|需不需要|能不能|可不可以|是不是|有没有|会不会|该不该|用不用|算不算|属不属于|行不行|好不好|对不对|"
                          r"还是.{1,20}[？?]\s*$|"  # A还是B？: a choice
                          r"(?:能|可以|要|需要|用)[\u4e00-\u9fff]{1,5}不\s*[？?]?\s*$|"  # (能出院不, 要停不: the spoken yes-no ask)
                          r"(?:行|可以|好)不\s*[？?]?\s*$")  # ("左边也打了行不": the spoken yes-no ask at the end)
_PROCEDURE_LIKE = {
    "en": lazy(r"(?:oscopy|ectomy|otomy|ostomy|plasty|biopsy|graphy|centesis|section|extraction|replacement|transplant\w*|surgery|"
                     r"insertion|repair|implant\w*|anastomosis|catheteri[sz]ation|angioplasty|stent\w*|delivery|cannulation|operation|resection|"
                     r"removal|fixation|reconstruction)s?$"),
    # also with a short object after the device or act (肾镜取石: nephroscopic stone removal)
    "zh": lazy(r"(?:镜|术|活检|置管|拔牙|移植|切除|置换|穿刺|分娩|剖宫产|手术|插管|支架)[\u4e00-\u9fff]{0,2}$"),
    # an unknown all-capitals abbreviation (PCNL, TURP, ERCP, TACE): another specialty's procedure or setting
    "abbr": lazy(r"^[A-Z]{3,6}s?$"),
}
# Drug names by their nonproprietary-name stems (WHO INN stems; the Chinese transliterations keep the same endings):
# an unknown term with one of these endings names a drug the knowledge base never mentions (methotrexate, 阿糖胞苷).
_DRUG_LIKE = {
    "en": lazy(r"(?:mab|[^a]nib|vir|cillin|mycin|micin|floxacin|cycline|conazole|nidazole|prazole|statin|pril|sartan|olol|alol|"
                     r"dipine|tidine|gliptin|gliflozin|glitazone|formin|glutide|trexate|platin|rubicin|taxel|tecan|poside|abine|"
                     r"uracil|mustine|parib|ciclib|lisib|zomib|dronate|lukast|setron|triptan|tropin|relin|gatran|xaban|parin|caine|"
                     r"azepam|azolam|barbital|profen|fenac|coxib|oxicam|semide|thiazide|triptyline|oxetine|pramine|faxine|"
                     r"peridol|apine|idone|curonium|flurane|etamine|medetomidine|onidine|pamil|darone|phylline|teplase|"
                     r"parinux|grel|grelor|fentanil|codone|morphone|orphine|adol|sonide|olone|asone|mazine|tirizine|examic|caproic)s?$"),
    "zh": lazy(r"(?:他汀|霉素|沙星|西林|头孢\w*|洛尔|普利|沙坦|地平|替尼|单抗|拉唑|格列\w*|列净|双胍|胞苷|嘧啶|蝶呤|铂|比星|紫杉醇|"
                     r"咪定|唑仑|西泮|洛韦|替丁|司琼|膦酸|溴铵|氯铵|斯的明|氟烷|氟醚|环酸|卡因|肝素|沙班|加群|格雷|瑞洛|米松|尼松|"
                     r"松龙|可松|芬太尼|吗啡|考酮|巴林|喷丁|西平|氮平|嗪|曲坦|洛芬|昔布|高辛|碘酮|帕明|西汀|普仑|法辛|唑酮|哌啶|"
                     r"帕米|地尔|茶碱|妥英|丙戊酸|巴比妥|胺酮|泊酚|诺肝素|曲普坦|"
                     r"缓释|控释|肠溶|缓释片|控释片|肠溶片|胶囊)$"),  # (a release form names a drug: 倍他乐克缓释)
}
# Measurements are never a subject: units (after a number, or written with a slash: mmol/L, mg/dL, mL/kg/h), unit words,
# laboratory abbreviations and test names (INR, eGFR, HbA1c, aPTT, troponin ...) and vital signs (sats, 心率).
_UNIT = (r"(?:[mµμunp]?mol|[mµμnp]?g|kg|mcg|ug|[mdµμ]?l|mmhg|cmh2o|meq|m?iu|units?|mosm|bpm|[mck]?m|[mc]?gy|[mµμ]?sv|kvp?|mas|"
         r"fr|ga|h|hrs?|mins?|s|secs?|yo|y|yrs?|wks?|d|%)")
_MEASURE = lazy(rf"(?i)(?:(?<=\d)|(?<=\d\s)){_UNIT}(?:/{_UNIT})*(?![a-z])|(?<![a-z]){_UNIT}(?:/{_UNIT})+(?![a-z])|"
                      r"(?<![a-z0-9])(?:mmol|umol|µmol|μmol|nmol|pmol|mmhg|cmh2o|meq|mosm|inr|e?gfr|crcl|hba1c|a1c|a?ptt|anti-?xa|hgb|hct|wbc|"
                      r"crp|esr|bnp|nt-?probnp|alt|ast|alp|ggt|s?cr|bun|spo2|sao2|pao2|paco2|etco2|gcs|bmi|tsh|fbc|cbc|lfts?|teg|rotem|plt|anc|"
                      r"troponins?|procalcitonin|creatinine|lactate|ferritin|bilirubin|albumin|fibrinogen|d-?dimer|h(?:a)?emoglobin|"
                      r"h(?:a)?ematocrit|sats|temp)(?![a-z0-9])")
_ZH_UNIT = lazy(r"(?:[毫微纳皮]?摩尔|[毫微纳]克|[毫分]升|公斤|千克|毫米汞柱|国际单位)(?:\s*/\s*(?:[毫分]?升|公斤|千克|小时|分钟|[Ll]))?")
_ZH_MEASURE = frozenset({"心率", "血氧", "体温", "血压", "脉搏", "呼吸频率", "糖化血红蛋白", "肌酐清除率", "肾小球滤过率", "血肌酐", "肌酐",
                         "肌钙蛋白", "降钙素原", "血红蛋白", "红细胞压积", "白细胞", "血小板计数", "凝血酶原时间", "部分凝血活酶时间", "二聚体", "乳酸", "血钾",
                         "血钠", "血氧饱和度", "尿素氮", "转氨酶", "胆红素", "白蛋白", "纤维蛋白原"})
# function characters: never part of a name (用 in 用右美托咪定, 的, 吗 ...)
_ZH_FUNCTION = "的了吗呢吧啊和与及或在是用给打把对将以从到被有要会能可也都就还又很更最后前时中上下里内外个次种些这那该其选"
# Head nouns of an operation: with an unknown word before them, the two name a procedure (bunion surgery, 鼻窦手术).
_EN_PROCEDURE_NOUN = lazy(r"\s(?:surgery|operation|repair|biopsy|resection|removal|fixation|reconstruction|transplant|"
                                r"replacement)s?\b", re.I)
_ZH_PROCEDURE_NOUN = lazy(r"(?:手术|切除术?|移植术?|置换术?|活检|置管|穿刺术?|插管|支架|镜|镜检查|修补术?|成形术|内固定|重建术?|术)")
_WORD = lazy(r"[a-z][a-z']{3,}")
_ANCHOR_KINDS = frozenset({"procedure", "complication", "drug", "drug-class", "brand"})
_CONTEXT_KINDS = SUBJECT_KINDS | {"finding", "condition"}
HEADACHE, PDPH = "headache", "pdph"
_POSTURAL = {"en": lazy(r"\b(?:worse|worsens|worsening|bad|terrible|awful|severe|horrible|unbearable|excruciating|pounding|comes on|starts) "
                              r"(?:\w+ ){0,2}?(?:on|when|with|while|after) (?:sitting|standing|getting|she sits|he sits|she stands|he stands)(?: up)?\b|"
                              r"\b(?:better|eases|eased|relieved|goes away|goes|went|stops|gone|resolves|disappears|settles|improves|fine|ok|okay) (?:\w+ ){0,2}?"
                              r"(?:when |on |after |once |while )?(?:lying|lie|lies|laying|she lies|he lies)(?: (?:flat|down|supine))?\b|"
                              r"\b(?:headache|HA|head pain)\b (?:\w+ ){0,2}?(?:when|on|whenever|as soon as|every time|each time|any time) (?:she |he |they |the (?:patient|pt) )?"
                              r"(?:sits|stands|sit|stand|sitting|standing|gets|getting) up\b|\b(?:headache|HA)\b(?![^.?!]{0,30}\b(?:not|no|isn'?t|never|without)\b)[^.?!]{0,30}\b(?:when upright|on standing|when (?:she|he) stands)\b|"
                              r"(?<!not )(?<!no )(?<!isn't )(?<!never )\b(?:worse|bad|terrible) (?:when |on being )?upright\b|"
                              r"\b(?:sitting|standing|getting) up makes it worse\b|\blying (?:flat|down) (?:helps|relieves|makes it better)\b|"
                              r"(?<!non-)(?<!non )(?<!not )(?<!no )(?<!without )(?<!denies )(?<!not a )\b(?:postural|positional|orthostatic) (?:headache|HA)\b", re.I),
             "zh": lazy(r"(?:坐|站)起(?:来)?(?:就|后)?(?:加重|更(?:痛|疼)|头(?:痛|疼))|起床(?:就|后)?(?:加重|头(?:痛|疼))|"
                              r"(?:躺下|平躺|平卧|躺着|躺平)(?:就|后)?(?:能|会|可以)?(?:好|好转|缓解|减轻|不痛|不疼)|"
                              r"(?:坐|站)(?:起来|着)[^，。？]{0,4}(?:痛|疼)得(?:厉害|受不了)|(?:躺下|平躺|平卧|躺着)[^，。？]{0,3}(?:消失|没事|就不痛|就不疼)|"
                              r"(?<!非)(?<!无)(?<!不是)(?<!没有)(?<!不伴)(?<!无明显)(?<!没有明显)(?:体位性|直立性)头[痛疼]")}
def _short_forms(q: str, matches: Sequence[Match], prev: Question | None, lex: Mapping[str, Concept]) -> dict[str, tuple[str, ...]]:
    """A Chinese procedure name that is part of a longer one the turn before is its short form: "造影后3周 腰痛越来越重"
    after a 椎间盘造影 question is the discography, not a contrast injection; 射频 after 脉冲射频 the pulsed one. Not when
    this turn names the longer one too ("射频和脉冲射频有什么区别") or sets the short one apart (普通射频, 永久植入):
    short concept -> the longer one."""
    if prev is None or _OTHER_PATIENT["zh"].search(q):  # (another patient's 预处理 is no short form of the urgent one before)
        return {}
    longer = [m for m in prev.matches if lex[m.concept].kind == "procedure" and _CJK.search(m.surface)]
    own = {m.concept for m in matches}
    short: dict[str, tuple[str, ...]] = {}
    for m in matches:
        if lex[m.concept].kind != "procedure" or len(m.surface) < 2 or not _CJK.search(m.surface):
            continue
        whole = {p.concept for p in longer if m.surface in p.surface and len(p.surface) > len(m.surface) and p.concept != m.concept}
        if not whole:  # (or named two turns back, the conversation's procedure: "病人青霉素和头孢都过敏呢？" came between)
            whole = {c for c in prev.all_concepts if c in lex and lex[c].kind == "procedure" and c != m.concept
                     and any(m.surface in name and len(name) > len(m.surface) for name in lex[c].zh)}
        if len(whole) != 1 or whole & own or _SET_APART.search(q[max(0, m.start - 3):m.end + 4]):
            continue
        if not any(o.concept == m.concept and o.surface != m.surface for o in matches):
            short[m.concept] = (next(iter(whole)),)
    return short


# a qualifier that sets a short name apart from the longer one of the turn before ("普通射频", "传统射频", "永久植入")
_SET_APART = lazy(r"普通|传统|常规|标准|经典|永久|连续")


WITHDRAWAL = "withdrawal"


def _posture_headache(concepts: tuple[str, ...], text: str, lang: Lang) -> tuple[str, ...]:
    """A headache told with the posture that worsens or eases it ("头痛 坐起来加重 躺下好") is the dural-puncture headache,
    though no name of it was typed; a posture alone ("腿痛起床加重") is not."""
    if _MOBILISATION in concepts and _POSITIONED[lang].search(text) and not _MOBILISATION_ASK[lang].search(text):
        concepts = tuple(c for c in concepts if c != _MOBILISATION)  # ("lay flat, legs up" after a faint: what was done)
    if not {HEADACHE, PDPH} & set(concepts) or not _POSTURAL[lang].search(text):
        return concepts
    # (the posture told is the headache's feature, not getting up asked about: "坐起加重，平卧缓解" asks nothing of bed rest)
    told = tuple(c for c in concepts if c != _MOBILISATION or _MOBILISATION_ASK[lang].search(text))
    return told if PDPH in told else (*told, PDPH)


_MOBILISATION = "mobilisation"
# a position the patient was put in, told as done ("lay flat, legs up", 平卧抬腿后): no question about getting up
_POSITIONED = {"en": lazy(r"\b(?:lay|laid|put|placed)\b[^.?!]{0,12}\b(?:flat|supine|down)\b|\blegs? (?:up|raised|elevated)\b", re.I),
               "zh": lazy(r"(?:平卧|躺平|抬高双?下肢|抬腿)(?:后|之后|了)")}
# bed rest or getting up asked about, beside a postural headache ("should she stay flat?", 要不要平卧, 卧床多久)
_MOBILISATION_ASK = {"en": lazy(r"\b(?:should|must|need|can|how long)\b[^.?]{0,25}\b(?:stay|lie|lay|keep|bed rest|get up|mobilis|mobiliz)", re.I),
                     "zh": lazy(r"(?:要不要|需不需要|需要|能不能|可以|该不该|是否)[^，。？?]{0,6}(?:平卧|卧床|躺|下地|起床)|(?:平卧|卧床|躺)[^，。？?]{0,4}(?:多久|几天|多长时间)")}
_OUR_SETTINGS = frozenset({"epidural-space", "spinal-canal", "subarachnoid-space"})  # where our procedures are done
_POINTS_BACK = {"en": lazy(r"\b(?:the|that|this|her|his) (?:surgery|operation|op|procedure|case|scope)\b|\balso\b|\bfor it\b", re.I),
                "zh": lazy(r"这个手术|那个手术|这台|那台|术中|也")}
REGIONS = frozenset({"cervical-spine", "thoracic-spine", "lumbar-spine", "sacrum"})


@dataclass(frozen=True)
class Part:
    """One ask of a (possibly multi-part) question."""

    text: str
    concepts: tuple[str, ...]
    aspects: tuple[str, ...]
    inherited: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # lexical tokens outside the concept names: the specific detail asked (lung, 45 kg, C6-7)

    @property
    def groups(self) -> tuple[str, ...]:
        """Section groups of the asked aspects, most specific first."""
        return tuple(dict.fromkeys(g for a in self.aspects if (g := GROUP_OF_ASPECT[a])))


@dataclass(frozen=True)
class Question:
    """A question understood once."""

    original: str
    text: str
    lang: Lang
    script: Literal["hans", "hant", "latin"]
    tokens: tuple[str, ...] = ()
    matches: tuple[Match, ...] = ()
    concepts: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    context_concepts: tuple[str, ...] = ()
    context_aspects: tuple[str, ...] = ()
    followup: bool = False
    out_of_scope: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    retrieval_text: str = ""
    unconfirmed: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()  # "apart from anticoagulants": named only to be left out
    tried: tuple[str, ...] = ()  # "caffeine and fluids not working": a treatment said to have failed, not what is asked
    stand_ins: tuple[str, ...] = ()  # findings no passage names, searched as the condition they point to (see AnswerEngine)
    generalised: tuple[tuple[str, str], ...] = ()  # (procedure no passage names, the broader one read in its place)
    beside_drug: tuple[str, ...] = ()  # in-field procedures not covered, named beside a local anaesthetic's maximum asked
    # the patient's history carried from the turn before that only explains a drug or procedure it told ("NSTEMI + DES 2 mo
    # ago on ticagrelor … cervical IL ESI" - "what if he was on prasugrel instead"): no passage needs to name it
    background: tuple[str, ...] = ()
    history: tuple[str, ...] = field(default=(), repr=False)

    @property
    def groups(self) -> tuple[str, ...]:
        """Section groups of all asked aspects, in priority order."""
        return tuple(dict.fromkeys(g for a in self.aspects if (g := GROUP_OF_ASPECT[a])))

    @property
    def all_concepts(self) -> tuple[str, ...]:
        """Own concepts followed by those inherited from the conversation."""
        return tuple(dict.fromkeys(self.concepts + self.context_concepts))

    @property
    def read_as(self) -> str:
        """How a follow-up was read (shown to the user); '' for a self-contained question."""
        return self.retrieval_text if self.followup else ""


def without_concepts(q: Question, drop: Collection[str]) -> Question:
    """The question read without some of its concepts (a normal clearance told, a procedure beside a drug's own limit)."""
    def keep(cs: Sequence[str]) -> tuple[str, ...]:
        return tuple(c for c in cs if c not in drop)
    parts = tuple(replace(p, concepts=keep(p.concepts), inherited=keep(p.inherited)) for p in q.parts)
    return replace(q, concepts=keep(q.concepts), subjects=keep(q.subjects), context_concepts=keep(q.context_concepts), parts=parts)


# a strength told beside its drug ("20% lipid", "0.5% bupi", "lidocaine 1%", 20%脂肪乳): no rate asked
_DILUTED = r"lipid|intralipid|bupi\w*|levobupi\w*|lido\w*|lignocaine|ropi\w*|chlorhex\w*|dextrose|glucose|saline|脂肪乳|布比卡因|利多卡因|罗哌卡因|氯己定|葡萄糖|盐水"
_PERCENT_STRENGTH = lazy(rf"(?<![\w.])\d+(?:\.\d+)?\s*%(?=\s?(?:{_DILUTED}|plain\b|with (?:adrenaline|epinephrine|epi)\b))|(?:{_DILUTED})\s?\d+(?:\.\d+)?\s*%|"
                               # (nor a saturation told: "back to 95% on air", "sats 88%", "血氧95%")
                               r"(?:\b(?:sats?|spo2|sao2|saturation|saturating|o2 sats?)\b|血氧(?:饱和度)?|氧饱和度)\D{0,16}?\d{2,3}\s*%|"
                               r"(?<![\w.])\d{2,3}\s*%\s*(?:on\s+(?:room\s+)?air|on\s+RA\b|RA\b|on\s+\d+\s*L|on\s+(?:O2|oxygen))", re.I)


_RATIO_ASK = {"en": lazy(r"\bhow many times\b(?! (?:a|per|each|can|should|do|may|have)\b)", re.I),  # (not "how much more naloxone")
              "zh": lazy(r"几倍|多少倍")}


def _without_ratio_dose(found: list[str], text: str, lang: Lang) -> list[str]:
    """"心血管毒性所需剂量是 CNS 毒性的几倍？": one dose against another, asked as a ratio, asks no dose; nor does how much a
    measure lowers it ("C臂用脉冲透视能降低多少剂量？": by how much, a magnitude)."""
    if m := REDUCTION_ASK.search(text):  # ("how much do I reduce the dose?" asks a dose: see REDUCTION_ASK)
        shield = re.search(r"\b(?:stop|block|absorb|attenuate)\b|挡|屏蔽|吸收", m.group(0), re.I)  # (a shield's stopping holds no drug)
        return ["magnitude", *(a for a in found if a not in ("dose", "magnitude") and not (shield and a == "hold"))]
    return [a for a in found if a != "dose"] if _RATIO_ASK[lang].search(text) else found


# a dose the clinician chooses, asked how far to lower it ("how much do I reduce the LA dose?", 剂量减多少)
_DOSE_CHOSEN = lazy(r"\b(?:do|should|must|can|would) (?:i|we|you) (?:\w+ )?(?:reduce|lower|cut|decrease)\b|"
                          r"(?:剂量|用量)[^，。？?]{0,4}(?:要|应|需要?|得|该)?(?:减|降)", re.I)
# how much a measure saves or lowers ("how much does pulsed fluoro cut the dose?", "能降低多少剂量", "by how much")
REDUCTION_ASK = lazy(r"^(?![\s\S]*(?:" + _DOSE_CHOSEN.pattern + r"))[\s\S]*?(?:"
                           r"\bhow much (?:does|do|will|would|can|could|did) [^?.]{0,50}?\b(?:reduce|cut|lower|decrease|save|drop)\b|"
                           # ("how much scatter does a lead apron stop?": what a shield takes out)
                           r"\bhow much (?!time\b|notice\b|longer\b|warning\b)(?:[\w-]+ ){0,3}(?:does|do|will|would|can|could|did) (?!i\b|we\b|you\b)[^?.]{0,50}?\b(?:stop|block|absorb|attenuate|cut)\b|"
                           r"\bby how much\b|\bhow much (?:less|lower|reduction|dose reduction)\b|"
                           r"(?:降低|减少|降|减|下降|挡掉|挡住|挡|阻挡)(?:了)?(?:多少|几成|百分之几|一半吗))", re.I)


_DOSE_KIND_NAMED = lazy(r"预防(?:性)?(?:剂量|量)|治疗(?:剂量|量)|\bprophylactic(?:-| )dos(?:e|ing)\b|\btreatment(?:-| )dos(?:e|ing)\b", re.I)


def _told_not_asked(text: str, lang: Lang) -> str:
    """The text with what it tells blanked: a sign told as stopped ("the seizure has stopped" holds no drug), a strength
    ("20% lipid", "0.5% bupi": no rate asked), a dose kind ("如果是预防剂量40mg qd呢？": no prevention asked)."""
    text = SIGN_STOPPED[lang].sub(lambda m: " " * len(m.group()), text)
    text = _PERCENT_STRENGTH.sub(lambda m: " " * len(m.group()), text)
    return text if _DOSE_ASKED[lang].search(text) else _DOSE_KIND_NAMED.sub(lambda m: " " * len(m.group()), text)


def aspects_of(text: str, lang: Lang, names: Sequence[tuple[int, int]] = (), signs: Sequence[tuple[int, int]] = (),
               pictured: bool = False) -> tuple[str, ...]:
    """Asked aspects of one ask, most specific first; `names` are spans of procedure names, whose words are not an ask
    (椎间盘内治疗 "intradiscal treatment" does not ask how to treat); `signs` spans of findings, whose words tell no failed
    treatment ("analgesia failing despite dose increases", 加量也没用: the sign told, not an escalation asked)."""
    i = 2 if lang == "zh" else 1
    told = text  # (with its names: "… his lumbar ESI next week" plans the procedure)
    chars = list(text)
    for start, end in names:
        chars[start:end] = " " * (end - start)
    text = _told_not_asked("".join(chars), lang)
    if signs and (m := _rx(ASPECTS["escalation"][i]).search(text)) and any(a <= m.start() < b for a, b in signs) \
            and not _rx(RESCUE_FAILING[i - 1]).search(text):
        chars = list(text)
        for start, end in signs:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    low = text if lang == "zh" else f" {text.lower()} "
    # English words in a Chinese question ask in English ("SCS知情同意书上complications要写哪些"): same positions, CJK blanked
    latin = f" {_CJK.sub(' ', text.lower())} " if lang == "zh" and _LATIN_WORD.search(text) else ""
    # an ask in the closing question ("… after repeated dose increases. how to work up?") comes before words of the story
    # (where that question starts is read before any ask's words are blanked: a blanked "how long" is no start)
    start = max((m.end() for m in _ASK_START.get(lang, _ASK_START["en"]).finditer(low.rstrip(" ?？"))), default=0)
    found: list[str] = []
    where: dict[str, int] = {}
    said: dict[str, str] = {}
    for a, spec in ASPECTS.items():  # most specific first; words one aspect used do not count again ("危险因素" is not 危险)
        rx = _rx(spec[i])
        if m := rx.search(low):
            found.append(a)
            where[a] = m.start()
            said[a] = m.group()
            low = rx.sub(lambda m: " " * len(m.group()), low)
        elif latin and (m := _rx(spec[1]).search(latin)):
            found.append(a)
            where[a] = max(0, m.start() - 1)
            latin = _rx(spec[1]).sub(lambda m: " " * len(m.group()), latin)
    found.sort(key=lambda a: where[a] < start)
    dose_rx = _rx(ASPECTS["dose"][i])
    if "dose" in found and (len(found) > 1 or GOING_HOME.search(text)) and (not dose_rx.search(_blank(text, lang, _GIVEN_DOSE))
                                               or {"hold", "timing"} & set(found) and not _DOSE_ASKED[lang].search(text)
                                               and not dose_rx.search(_blank(text, lang, _GIVEN_DOSE, _WEIGHT_TOLD, _STRENGTH, _LAST_DOSE))):
        # "gave IM epinephrine 0.5 mg … OK to finish today?": a dose told as given asks none; "78岁，体重52kg，那要停几天？":
        # nor does a weight or a drug's strength told beside a hold or a time ("can I keep aspirin 81 mg?"; "he weighs 110 kg -
        # does the nomogram use it?" still asks a dose)
        found.remove("dose")
    elif found == ["dose"] and _story_dose(text, lang, dose_rx):
        found.remove("dose")
    found = _fear_explained(_harms_to_tell(_last_dose_told(found, text, lang, dose_rx), text, lang), text, lang)
    found = _safer_of_two(found, said.get("prevention", ""), len(names), text, lang)
    found = _harm_prevented(found, text, lang)
    found = _not_a_rescue(found, told, text, lang, said.get("action", ""))
    found = _without_ratio_dose(_history_first(found, text, lang), text, lang)
    if "hold" in found and _HOLD_OR_GO[lang].search(text):  # "hold or continue?": whether to stop the drug, not a rescue
        found = ["hold", *(a for a in found if a not in ("hold", "action"))]
    found = _suspicion_told(_other_cause_last(found, said.get("recognition", "")), said.get("recognition", ""))
    if {"action", "hold"} & set(found) and _AGAIN_PREVENTED.search(text):  # "how do we stop this happening again at refills?"
        found = ["prevention", *(a for a in found if a not in ("action", "hold", "prevention"))]
    found = _what_it_is(_staff_taught(_why_first(found, text, lang), text), told, lang, pictured)
    later = [a for a in found if a in ("dose", "timing") and "escalation" in where and where[a] > where["escalation"]]
    if "escalation" in found and later:
        # "保守治疗无效，EBP 打多少 ml？": the failure tells why; the amount or the time of the next step asked after it is
        # the ask ("首剂推完没反应怎么办": a first dose told before the failure asks what comes next)
        found = [*later, *(a for a in found if a not in later)]
    return tuple(found) if len(found) == 1 else tuple(a for a in found if a != "definition")


# what the picture just told is ("… what is this", "这是啥", 怎么回事): its recognition, then what it is
_WHAT_IS_THIS = {"en": lazy(r"\bwhat(?:'s| is) (?:this|that)\s*\??\s*$|\bwhat could (?:this|that|it) be\s*\??\s*$", re.I),
                 "zh": lazy(r"(?:这|这个|那)(?:是|算)(?:啥|什么)(?:情况|问题)?\s*[？?]?\s*$|怎么回事\s*[？?]?\s*$|是(?:啥|什么)情况\s*[？?]?\s*$")}


def _what_it_is(found: list[str], told: str, lang: Lang, signs: bool) -> list[str]:
    """"…坐起来就头痛 躺平就好 这是啥", "… what is this": what the picture told (its signs) is, its features first (not a
    name read off a vial: "the vial says Diprospan - what is this?")."""
    return ["recognition", "definition"] if signs and found in ([], ["definition"]) and _WHAT_IS_THIS[lang].search(told) else found


def _staff_taught(found: list[str], text: str) -> list[str]:
    """"New fellow keeps setting up the C-arm with the tube above the table. What should I tell him?": what to teach a
    colleague is how the procedure is done safely, not what to tell a patient."""
    if found[:1] == ["advice"] and _STAFF_TAUGHT.search(text):
        return ["prevention", *(a for a in found if a not in ("advice", "prevention"))]
    return found


_STAFF_TAUGHT = lazy(r"\b(?:fellow|resident|registrar|trainee|junior|colleague|radiographer|reg|SHO|house ?officer|student)\b"
                     r"[\s\S]{0,160}\b(?:tell|teach|say to|advise) (?:him|her|them)\b|(?:规培|住院医|进修|下级医生|学生|同事)[\s\S]{0,60}(?:告诉|教|提醒)(?:他|她)", re.I)


def _why_first(found: list[str], text: str, lang: Lang) -> list[str]:
    """"Why can such a tiny dose do this at that level": the why is asked, and the dose is what it is asked of."""
    if "mechanism" in found and _WHY_OPENS[lang].search(text) and not _ASKS_TOO[lang].search(text):
        return ["mechanism", *(a for a in found if a not in ("mechanism", "dose", "limit"))]
    return found


_ASKS_TOO = {"en": lazy(r"\band (?:what|how|which|when)\b|[?？]\s*\S", re.I), "zh": lazy(r"[?？]\s*\S|另外|还有")}  # (a second ask beside it)
_WHY_OPENS = {"en": lazy(r"^\W*(?:and |but |so )?why\b", re.I), "zh": lazy(r"^\W*(?:那|那么)?(?:为什么|为啥|咋会|怎么会)")}


def _not_a_rescue(found: list[str], told: str, text: str, lang: Lang, action: str) -> list[str]:
    """What to do asked of no emergency: before a planned procedure ("碘造影剂过敏的病人要做TFESI怎么办？") it is
    prevention; whether it may still go ahead ("MRSA bacteraemia - can I still do his ESI next week?", "cardiology says the
    Plavix can't be stopped - can we still do the trial?") its contraindications; "at what point should I stop injecting?",
    什么时候停止注射 (the cement's endpoint) how the injection is done safely, neither a rescue nor a time."""
    if _OPERATED_ASK.search(action):
        # (whether a complication is operated on is its treatment: "if it is a granuloma, will he need an operation?"; not
        # surgery asked of a patient or a plan with no complication told: "腰椎间盘突出 下周安排了TF 需要手术吗")
        if _OPERATED_ON.search(told) and not _PLANNED[lang].search(_OPERATED_ASK.sub(" ", told)):
            return found
        return [a for a in found if a != "action"]
    kept_on = bool(_STILL_GO_AHEAD.search(action) and _KEPT_ON_TOLD.search(told))  # (not "wet tap - can I still do the injection?")
    if "action" in found and (_PLANNED[lang].search(told) or kept_on) and not _ACUTE[lang].search(text):
        instead = "contraindications" if _STILL_GO_AHEAD.search(action) else "prevention"
        found = [instead if a == "action" else a for a in found if a != instead or "action" not in found]
    if _ENDPOINT_ASK.search(told) and (not found or found[0] in ("action", "timing")):
        found = ["prevention", *(a for a in found if a not in ("action", "timing", "prevention"))]
    return found


# Another cause of the picture asked ("repeat the patch, or is something else going on?", 会不会是别的原因)
OTHER_CAUSE_ASK = lazy(_OTHER_CAUSE_EN + "|" + _OTHER_CAUSE_ZH, re.I)
_ENDPOINT_ASK = lazy(r"\b(?:at what point|how far|when)\b[^.?!]{0,30}\bstop (?:injecting|the injection|filling|pushing|the cement)|"
                     r"(?:什么时候|何时|到什么程度|推到哪)[^，。？]{0,6}停止?(?:注射|推注|推)", re.I)
_OPERATED_ASK = lazy(r"\b(?:need|needs|require|have to have) (?:an? )?(?:surgery|operation|op)\b(?!-)|开刀|手术", re.I)
_OPERATED_ON = lazy(r"granuloma|ha?ematoma|abscess|\bleak|compress|\bmass\b|肉芽肿|血肿|脓肿|渗漏|压迫|包块|占位", re.I)
_KEPT_ON_TOLD = lazy(r"\b(?:can'?t|cannot|must not|won'?t|will not) (?:let \w+ )?(?:be )?stop|\bcardiology\b|心内科|不能停", re.I)
# whether it may still go ahead, asked outright ("can we still do his ESI?", 还能打吗, 能不能打)
_STILL_ASK = lazy(r"\bstill (?:do|go ahead|proceed|have)\b|还能(?:打|做)|能不能打|能打吗|还打不打", re.I)
_STILL_GO_AHEAD = lazy(r"\bstill (?:do|go ahead|proceed)\b", re.I)


_WARD_READINGS = {"inr-target": "inr", "iv-cannula-care": "iv-access"}
# (and the ward readings a follow-up may point back from to the procedure told before: DAPT's course, beside its drugs)
_BACK_READINGS = {**_WARD_READINGS, "dapt-duration": "antiplatelet"}  # (each with the word it was read from)


def _suspicion_told(found: list[str], recognised: str) -> list[str]:
    """"怀疑是药加到了侧孔里，以后加药怎么预防？": a cause told as suspected asks no recognition beside the real ask."""
    if "recognition" in found and len(found) > 1 and _SUSPECTED_TOLD.fullmatch(recognised.strip()):
        return [a for a in found if a != "recognition"]
    return found


_AGAIN_PREVENTED = lazy(r"\bstop (?:this|it|that|these|them) (?:from )?(?:happening|recurring|occurring)\b|\b(?:happening|happen|occur\w*) again\b|"
                        r"\b(?:stop|prevent|avoid) (?:this|it|that) (?:at|in|during|with|on) (?:future|the next|next|later|subsequent)\b|"
                        r"\b(?:stop|prevent|avoid) (?:this|it|that)(?: from)?(?: happening| recurring)? (?:next time|in (?:the )?future)\b|"
                        r"\b(?:do|doing) (?:\w+ )?differently\b|"
                        # ("due the RF in 6 wks - can we still do it?" after a pneumothorax: whether it may recur, its prevention)
                        r"^(?=[\s\S]*\bin (?:\d+|a few|two|three|four|six) ?(?:wks?|weeks?|months?)\b)[\s\S]*\b(?:can|could|should) (?:we|i) still\b|"
                        r"(?:避免|防止|预防)[^，。？?]{0,8}再(?:次)?(?:发生|出现|扎错|打错)|再(?:次)?(?:发生|出现)[^，。？?]{0,4}(?:怎么办|怎么预防)", re.I)
_SUSPECTED_TOLD = lazy(r"怀疑|疑似|suspect(?:ed|s)?", re.I)


def _other_cause_last(found: list[str], recognised: str) -> list[str]:
    """"Do I repeat the patch, or is something else going on?": the next step asked first, the other causes after it."""
    if "escalation" in found and OTHER_CAUSE_ASK.search(recognised):
        return [a for a in found if a != "recognition"] + ["recognition"]
    return found


HARM_PREVENTED = {"en": lazy(r"\b(?:what|which) (?:complications?|risks?|problems?|harms?|adverse events?)\b[^?]{0,60}\b(?:prevent|avoid)", re.I),
                   "zh": lazy(r"(?:预防|避免|防止)(?:的)?(?:是)?(?:什么|哪些|哪种|啥)(?:并发症|风险|问题|情况)")}


def _last_dose_told(found: list[str], text: str, lang: Lang, dose_rx: re.Pattern[str]) -> list[str]:
    """"last eliquis dose yesterday 8pm, TFESI today 10am - ok?": the last dose's time told asks the interval (a hold),
    not an amount (not "LAST lipid dose?", the toxicity's rescue)."""
    if "dose" not in found or _DOSE_ASKED[lang].search(text) or re.search(r"\bLAST\b", text) \
            or dose_rx.search(_blank(text, lang, _LAST_DOSE)):
        return found
    return list(dict.fromkeys("hold" if a == "dose" else a for a in found))


def _harm_prevented(found: list[str], text: str, lang: Lang) -> list[str]:
    """"what complication is that meant to prevent?", 这样做是为了预防什么并发症: the complication is asked; "为什么不建议用
    得宝松？", "why not depo-medrol?": why it harms (its mechanism), before the advice against it."""
    if "complications" in found and "prevention" in found and HARM_PREVENTED[lang].search(text):
        return ["complications", *(a for a in found if a != "complications")]
    if "mechanism" in found and _WHY_NOT_USE[lang].search(text):
        return ["mechanism", *(a for a in found if a != "mechanism")]
    if found[:1] == ["prevention"] and _WHY_RATHER[lang].search(text):  # ("why do we use dex rather than depo-medrol?")
        return ["mechanism", *(a for a in found if a != "mechanism")]
    return found


# why one is used rather than the other: the difference between them is asked, not only the rule
_WHY_RATHER = {"en": lazy(r"\bwhy\b[^?.!]{0,60}\b(?:rather than|instead of|in preference to|and not|but not)\b", re.I),
               "zh": lazy(r"(?:为什么|为啥|为何)[^，。？?]{0,20}(?:而不(?:是|用|选)|不用|不选|而非)")}


_WHY_NOT_USE = {"en": lazy(_WHY_NOT_USE_EN, re.I), "zh": lazy(_WHY_NOT_USE_ZH)}


def _safer_of_two(found: list[str], prevention: str, procedures: int, text: str, lang: Lang) -> list[str]:
    """"which is safer, TFESI or ILESI?", "PVP和PKP哪个更安全": which procedure carries fewer complications, not how to
    prevent them (dex or kenalog, "which is safer for the TFESI?", is the choice of an agent: prevention's)."""
    if procedures < 2 or not _SAFER.fullmatch(prevention.strip()) or not ("comparison" in found or _EITHER[lang].search(text)
                                                                        or _THAN.search(text)):  # ("is PKP safer than PVP?")
        return found
    found = ["complications" if a == "prevention" else a for a in found if a != "complications"]
    return found if "comparison" in found else [*found, "comparison"]


_THAN = lazy(r"\bthan\b|(?<![\u4e00-\u9fff])比|[\u4e00-\u9fffA-Za-z]比[\u4e00-\u9fffA-Za-z]", re.I)
_SAFER = lazy(r"(?:which (?:one )?is (?:the )?)?(?:safer|safest)|更安全|最安全|比较安全", re.I)
_GIVEN_DOSE = {"en": lazy(r"\b(?:gave|given|pushed|administered|had)\b[^,.;?]{0,40}?\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|mls|g)\b|"
                                # (and a dose change told: "despite 3 dose increases", "after we raised the dose")
                                r"\b(?:\d+|two|three|several|multiple|repeated)? ?dose (?:increases|escalations?|rises|hikes)\b|"
                                r"\bdose (?:was |has been )?(?:increased|raised|went up)\b|\b(?:increas|rais)(?:ed|ing) the dose\b|"
                                # (and a bolus told given: "back to baseline after one bolus of lipid")
                                r"\bafter (?:one|a|the|two|three|\d+|a single|the first|the second) (?:\w+ )?(?:bolus|boluses|doses?)\b|"
                                # (and a dose told given with no amount: "first IT morphine trial dose given at 10am")
                                r"\bdose (?:was |has been |got )?(?:given|administered|done)\b", re.I),
               "zh": lazy(r"(?:给了|推了|用了|打了|静推了?|注射了)[^，。；？]{0,20}?\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|mL|g|毫克|毫升|克)|"
                                r"加(?:了)?量|剂量(?:加大|增加|上调)了?|"

                                r"\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|mL|g|毫克|毫升|克)(?:已经|已)?(?:推了|给了|用了|打了)")}
# The last or next dose of a drug named ("when is the last LMWH dose before the procedure?"): a time, not an amount.
_LAST_DOSE = {"en": lazy(r"\b(?:last|final|next|evening|morning|night|bedtime|tonight'?s) (?:[\w-]+ )?(?:dose|shot|injection|jab)\b", re.I),
              "zh": lazy(r"(?:最后|末次|下)一?(?:针|剂|次)")}
# Going home asked ("ok to send her home?", 能回家吗): a dose told beside it is no dose asked.
GOING_HOME = lazy(r"\bgo(?:ing)? home\b|\bdischarg|\bsend (?:her|him|them|the patient) home\b|回家|出院|离院", re.I)
# A drug's strength written after its name ("aspirin 81 mg", "拜瑞妥20mg").
# (and a regimen the patient is on, "enoxaparin 1 mg/kg bid", 克赛1mg/kg q12h)
_ON_REGIMEN = (r"|\d+(?:\.\d+)?\s?mg/kg\s?(?:bid|bd|od|qd|daily|q12h?|q24h?|twice daily|once daily|每日[一二两]次|每天[一二两]次)"
               r"|\b(?:once|twice|three times|\d+ times|\dx) (?:a|per) day\b|(?<!\w)(?:每日|每天|一天)[一二两三]次")  # (how often it is taken, told)
_STRENGTH = {"en": lazy(r"(?<=[A-Za-z])\s?\d+(?:\.\d+)?\s?(?:mg|mcg|µg)\b(?:\s*/\s*(?:d|day)\b)?(?!\s*/)" + _ON_REGIMEN, re.I),
             "zh": lazy(r"(?<=[\u4e00-\u9fffA-Za-z])\s?\d+(?:\.\d+)?\s?(?:mg|mcg|µg|毫克)(?!\s*/)" + _ON_REGIMEN, re.I)}
# A treatment told as given ("gave naloxone 0.4", "纳洛酮推了").
_GAVE = {"en": lazy(r"\b(?:was|were|been|already|i|we|she|he|they|ward|nurse) given\b|\b(?:gave|pushed|administered)\b|"
                          r"^\s*[\w-]+(?: \d+(?:\.\d+)?\s*(?:mg|mcg|ml|mls))?(?: (?:iv|im|sc|sl|po|intranasal|intravenously|stat))? given\b|"  # ("Naloxone given, RR back to 14", "Naloxone 0.4 mg IV given")
                          r"\b(?:after|with) (?:the )?(?:IM|IV|SC|im|iv|sc)\b|"
                          r"\bafter (?:\w+ ){0,2}\d+(?:\.\d+)? ?(?:mg|mcg|ml)\b|"
                          # (and the resuscitation done: "intubated, on pressors", "got ROSC after 2 cycles")
                          r"(?:^\s*|\b(?:is|was|now|been|pt|patient|she's|he's|she is|he is)\s+(?:now\s+)?)(?:intubated|ventilated)\b(?![^.?]{0,20}\?)|"
                          r"\bon (?:the )?vent(?:ilator)?\b|\bon pressors\b|(?<!no )\b(?:got|achieved|have|had) ROSC\b|(?<!no )\bROSC (?:achieved|now)\b", re.I),
         "zh": lazy(r"(?:给了|推了|打了|静推了|注射了|给过|(?:静推|肌注|推注|静注)(?:了|后))|"
                          r"(?:插了管|已经?插管|插管后|插管了(?!吗))|上了呼吸机|用了升压药|(?<![没未])恢复了自主循环|"
                          # (a rescue told done and the patient better for it: "抬腿 补液 阿托品0.5后好了")
                          r"(?:抬腿|补液|扩容|吸氧|阿托品|麻黄碱|肾上腺素|纳洛酮|脂肪乳|咪达唑仑)[^，。？?]{0,10}(?:后|之后)(?:就|人就)?(?:好了|好转了|缓过来了|醒了|恢复了)")}


def _harms_to_tell(found: list[str], text: str, lang: Lang) -> list[str]:
    """"What risks should I mention?" asks the harms to disclose, not who is at risk; "consent for lumbar TFESI - what
    complications should I mention and roughly how common?" the harms first, their rates after."""
    if not RISKS_TO_TELL[lang].search(text):
        return found
    if "risk_factors" in found:
        return ["complications" if a == "risk_factors" else a for a in found if a != "complications"]
    if "complications" in found and "frequency" in found:
        return ["complications", *(a for a in found if a != "complications")]
    return found


def fears_grave_harm(text: str, lang: Lang) -> bool:
    """A patient frightened of a grave harm ("she's terrified she'll be paralysed", 吓得不敢做了…瘫痪)."""
    return bool(_AFRAID[lang].search(text) and _GRAVE[lang].search(text))


def fear_explained(text: str, lang: Lang) -> bool:
    """A frightened patient's risk to explain ("she is terrified … how do I explain the real risk?", 吓得不敢做了…怎么解释)."""
    return bool(_AFRAID[lang].search(text) and _EXPLAIN[lang].search(text) and _GRAVE[lang].search(text))


def _fear_explained(found: list[str], text: str, lang: Lang) -> list[str]:
    """"病人看到说会瘫痪、失明，吓得不敢做了，我该怎么跟她解释这个风险？": a frightened patient's harms explained are how
    often they happen, first."""
    if not fear_explained(text, lang) or "frequency" in found[:1]:
        return found
    return ["frequency", *(a for a in found if a not in ("frequency", "advice", "action"))]


_AFRAID = {"en": lazy(r"\b(?:scared|afraid|frightened|terrified|anxious|worried|nervous|panick\w*|fear\w*)\b", re.I),
           "zh": lazy(r"害怕|怕|吓|担心|不敢|恐惧|焦虑|顾虑")}
# (the risk itself explained: not how long to stop a drug, the treatment or the dose, "how do I explain how long to stop…")
_EXPLAIN = {"en": lazy(r"\bexplain (?:the |this |that |her |his )?(?:real |actual |true )?(?:risks?|dangers?)\b|\breassur\w*|"
                       r"\bwhat (?:numbers|figures) can i (?:give|tell|quote)\b", re.I),
            "zh": lazy(r"解释[^，。？?]{0,4}(?:风险|危险)|(?:跟|和|给|向)[^，。？?]{0,6}(?:说|讲|解释|说明)[^，。？?]{0,4}(?:风险|危险)|安抚|宽慰|"
                       r"风险(?:到底|究竟)?有?多[大高][^。]{0,12}(?:怎么|如何)(?:跟|和|给|向)[^，。？?]{0,6}(?:说|讲|解释)")}  # ("这种风险到底多大？怎么跟他讲")


# the grave harms a patient fears (not a glucose rise or a headache: their own figures answer those)
_GRAVE = {"en": lazy(r"paraly|paraple|quadripl|blind|death|\bdie\b|dying|stroke|brain damage|wheelchair", re.I),
          "zh": lazy(r"瘫|失明|死|中风|卒中|脑损伤|坐轮椅")}
_RARE_WORDS = {"en": ("audit", "no major", "rare", "incidence"), "zh": ("审计", "未记录到", "罕见", "发生率")}


# The risks to tell a patient (consent), not who is at risk.
RISKS_TO_TELL = {"en": lazy(r"\b(?:risks?|complications?|side effects?)\b(?: [\w-]+){0,6}? (?:(?:should|do|must|would) (?:i|we|you)|(?:i|we|you) (?:should|must|need to|have to|would)) "
                                  r"(?:mention|tell|list|disclose|cover|discuss|warn|quote|include)|"
                                  r"\b(?:mention|tell|list|disclose|discuss|warn (?:her|him|them) (?:about|of)|quote)\b[^?.]{0,30}\b(?:risks?|complications?)\b|"
                                  r"\bconsent\w*\b[^?.]{0,40}\b(?:risks?|complications?)\b|\brisks?\b[^?.]{0,30}\bconsent|"
                                  # "what complications should be in the consent?"
                                  r"\b(?:risks?|complications?|side effects?) (?:should|must|need to|to) (?:be |go )?(?:in|on|included|listed|mentioned|covered|written)\b", re.I),
                  "zh": lazy(r"(?:告知|交代|谈话|知情同意|签字)[^？?。]{0,12}(?:风险|危险)|(?:风险|危险)[^？?。]{0,8}(?:告知|交代|写|谈)")}
# A patient's weight told as a value ("52kg", "weighs 45 kg", 体重52公斤).
_WEIGHT_TOLD = {
    "en": lazy(r"\b(?:weigh(?:s|ing|t)?(?: is| of| about| around)?\s*)?(?:~|about |approx\.? )?\d+(?:\.\d+)?\s?(?:kgs?|kilos?)\b", re.I),
    "zh": lazy(r"体重\s*(?:约|大概|大约|为|是|只有)?\s*\d+(?:\.\d+)?\s*(?:kg|KG|公斤|千克)?|\d+(?:\.\d+)?\s*(?:kg|KG|公斤|千克)"),
}


# The kind of dose the patient is on, told as a fact ("那要是治疗剂量呢，1mg/kg q12h那种？", "what if she's on the treatment
# dose, 1 mg/kg bd?"): no dose asked
_DOSE_KIND_TOLD = {
    "en": lazy(r"\b(?:therapeutic|prophylactic|treatment|full|ppx|prophylaxis)[- ](?:dos\w*|regimen)\b|"
               # (a rescue told given, "she settled after bolus", "after the second dose": when, not how much)
               r"\b(?:after|following) (?:the |a |one |her |his |first |second |a single )?(?:lipid )?(?:bolus|dose)\b|"
                     r"\b\d+(?:\.\d+)?\s*mg/kg(?:\s*(?:bid|bd|q12h?|qd|od|daily|twice daily|once daily))?", re.I),
    "zh": lazy(r"(?:治疗|预防)(?:性)?(?:剂)?量|\d+(?:\.\d+)?\s*mg/kg(?:\s*(?:q12h?|bid|bd|qd|每12小时|每日两次|每天两次))?", re.I),
}


# ... unless the dose itself is asked ("what's the treatment dose then?", "治疗剂量是多少？")
_DOSE_ASKED = {"en": lazy(r"\bwhat(?:'s| is|s)? (?:the |her |his )?(?:\w+ )?dose\b|\bhow much\b", re.I),
               "zh": lazy(r"剂量\s*(?:是|为|要|该)?\s*(?:多少|几)|(?:给|打|用)多少|多少(?:mg|毫克|ml|毫升)|(?:怎么|如何|咋)(?:推|给|输)", re.I)}


def _story_dose(text: str, lang: Lang, dose_rx: re.Pattern[str]) -> bool:
    """Is the one dose the question names the story's, asking none ("IT morphine trial dose given in PACU at 10am, when can
    she go?"; "on prednisone 10 mg/d … does she need stress dose steroids?": whether, not how much)?"""
    if not re.search(r"[?？]", text) and not dose_rx.search(_blank(text, lang, _GIVEN_DOSE)):
        return True
    if re.search(r"\d+\s?(?:mg|ml|mcg)\s*(?:or|vs\.?|versus|还是|或)\s*\d+", text, re.I):
        return False  # ("10 mg or 40 mg?": a dose chosen between is asked)
    return bool(_NEED[lang].search(text)) and not _DOSE_ASKED[lang].search(text) \
        and not dose_rx.search(_blank(text, lang, _GIVEN_DOSE, _WEIGHT_TOLD, _STRENGTH, _LAST_DOSE))


def _told_only(q: str, lang: Lang, aspects: tuple[str, ...], before: tuple[str, ...]) -> bool:
    """Does a follow-up only tell the patient's numbers ("补充一下：78岁，52kg，CrCl 28") for an ask before that was no dose
    (how long to hold)? A weight after a dose question ("pt is 48kg - change anything?") still asks the dose."""
    return aspects == ("dose",) and not {"dose", "limit"} & set(before) and not _DOSE_ASKED[lang].search(q) \
        and not _rx(ASPECTS["dose"][2 if lang == "zh" else 1]).search(_blank(q, lang, _WEIGHT_TOLD, _DOSE_KIND_TOLD))


# How many patients or studies the evidence rests on ("how good is the evidence, how many patients?", "证据怎么样，多少例？")
_EVIDENCE_SIZE = lazy(r"^\W*(?:and\s+)?(?:in\s+)?how many (?:patients|studies|trials|cases|people|subjects|pts)\b"
                            r"(?! (?:had|got|developed|died|needed|suffered))[^?]{0,30}\??\s*$|"
                            r"^\W*(?:另外)?(?:纳入了?|包括|共)?(?:多少|几)(?:例|个?病人|个?患者|人|项研究|篇|个研究)[^？?]{0,10}[？?]?\s*$", re.I)


def _when_of_hold(part: Part, before: Part) -> bool:
    """"does she need to stop either and when?": a bare "when" after whether to stop a drug is the same hold asked;
    "要不要预防用药，怎么给": a bare "how is it given" after whether to give a measure is the same measure's regimen."""
    if part.concepts or part.terms:
        return False
    # ("what regimen and what times?": the regimen's doses and their times, one ask)
    regimen_times = part.aspects == ("timing",) and before.aspects == ("dose",) and not before.concepts and not before.terms
    return regimen_times or (part.aspects == ("timing",) and "hold" in before.aspects) or (
        part.aspects == ("dose",) and bool(before.concepts) and bool(_WHETHER_NEEDED.search(before.text)))


_WHETHER_NEEDED = lazy(r"要不要|需不需要|是否需要|用不用|\bshould (?:we|i) (?:give|use|start)\b|\bdo (?:we|i|they) need\b", re.I)


# The patient's own question whether the procedure can do a grave harm, to be answered with it and its figures.
_PATIENT_ASKS_HARM = {
    "en": lazy(r"\b(?:she|he|they|the (?:patient|pt)|pt|patient)\s+(?:asks?|asked|is asking|was asking|wants to know)(?: me| us)?\b[^.?]{0,60}?"
               r"\b(?:can|could|might|will|would)\b[^.?]{0,60}?\b(?:paraly[sz]\w*|blind|die|death|kill|stroke|cripple\w*|wheelchair|nerve damage)",
               re.I),
    "zh": lazy(r"(?:病人|患者|她|他|家属)(?:问|担心|害怕|怕)[^。？?]{0,30}(?:会不会|能不能|可不可能|是不是会|会)[^。？?]{0,20}"
               r"(?:瘫|失明|瞎|死|中风|残废|坐轮椅|神经损伤)")}

# A rescue drug told as having worked, before an ask how to prevent it ("纳洛酮之后醒了。…下次加药怎么避免？", "naloxone worked -
# how do we stop it happening next time?"): the drug is the story, not what is asked.
_WORKED_AFTER = {"en": lazy(r"^\s*(?:worked|has worked|did the trick|reversed (?:it|her|him)|brought (?:her|him) round|and (?:she|he) woke)\b|"
                            # ("naloxone given, he's rousable now. how do we stop this happening next time?")
                            r"^\s*(?:given|in|on board)[,;.]?\s*(?:and\s+)?(?:(?:he|she|they|pt)(?:'s|’s| is| are| was)\s+)?(?:now\s+)?"
                            r"(?:rousable|awake|alert|better|responding|breathing (?:ok|fine|normally))\b", re.I),
                 "zh": lazy(r"^\s*(?:用上了|用了|给了|推了)?[，,]?\s*(?:之?后|以后)?(?:就|人)?(?:醒了|醒过来|好了|好转|起效|有效|缓解了)")}


def _rescue_worked(t: str, lang: Lang, m: Match, kind: str) -> bool:
    """Is the drug matched at `m` told as a rescue that worked, in a part asking how to prevent it?"""
    return kind in ("drug", "brand") and bool(_WORKED_AFTER[lang].search(t[m.end:])) and "prevention" in aspects_of(t, lang)


# Techniques named with the medium they use ("LOR to saline"): the saline is no drug given or asked about.
_MEDIUM_NAMED = frozenset({"loss-of-resistance"})


def _story_then_ask(part: Part, before: Part) -> bool:
    """A bare "what now?" ("what do i do", 怎么办) after a part that tells the picture and asks nothing of its own
    ("…clear fluid keeps dripping from the hub. CSF?"): one question, the picture's, asked as what to do."""
    if part.concepts or part.aspects[:1] != ("action",) or before.aspects or not before.concepts:
        return False
    # (a question of its own before, "…flushed - is that the steroid? do we need to treat it?", is a part; a word or two
    # guessed, "CSF?", is not)
    last = re.split(r"[.。;；!！]\s*|\s[-–—]\s", before.text.strip())[-1]
    return not last.rstrip().endswith(("?", "？")) or (len(re.findall(r"[A-Za-z0-9]+", last)) <= 2 and len(re.findall(r"[\u4e00-\u9fff]", last)) <= 4)


_WHAT_ABOUT_CLAUSE = {"en": lazy(r"^(?:and|so|ok(?:ay)?)?,?\s*(?:what about|how about|and if|what if)\b[^?]*\?\s*$", re.I),
                      "zh": lazy(r"呢\s*[？?]\s*$")}


def _swap_then_ask(part: Part, before: Part, lang: Lang) -> bool:
    """"那如果同一个病人要做腰椎经椎间孔硬膜外注射呢？要停几天？", "what about a caudal? how long off?": the other case told
    as a bare "what about…?", then its ask with nothing new of its own: one ask, of that case."""
    return not before.aspects and bool(before.concepts) and bool(part.aspects) and bool(_WHAT_ABOUT_CLAUSE[lang].search(before.text)) \
        and set(part.concepts) <= {*part.inherited, *before.concepts, *before.inherited}


def _joined_part(before: Part, part: Part, lang: Lang) -> Part:
    """One part of a clause that opens an ask and the ask: the named things of both, the ask's aspects."""
    sep = " " if before.text.endswith(("?", "？")) else "，" if lang == "zh" else ", "
    concepts = tuple(dict.fromkeys((*before.concepts, *part.concepts)))
    inherited = tuple(c for c in dict.fromkeys((*before.inherited, *part.inherited)) if c not in concepts)
    return Part(f"{before.text}{sep}{part.text}".replace("？ ", "？"), concepts, part.aspects, inherited, before.terms + part.terms)


def _another_patient_asked(q: str, lang: Lang, subjects: Sequence[str]) -> bool:
    """Another patient, told and asked in full ("另一个病人只是海鲜过敏，需要预处理吗"): not the patient of the turn before."""
    return bool(_OTHER_PATIENT[lang].search(q)) and bool(subjects) and not _SAME_CASE[lang].search(q) \
        and (bool(aspects_of(q, lang)) or len(tokenize(q, lang)) > 6)


def _with_opening(out: list[Part], part: Part, lang: Lang) -> Part:
    """The part, joined with the clause before it when that clause only opens its ask (the case or the time: see
    `_swap_then_ask`, `_lead_in`; taken off `out`)."""
    if out and (_swap_then_ask(part, out[-1], lang) or _lead_in(part, out[-1]) or _AFTER_OPENS[lang].match(out[-1].text)
                or _odds_of_told(part, out[-1]) or _anticoagulation_of_told(part, out[-1])):
        return _joined_part(out.pop(), part, lang)
    if lang == "en" and out and set(part.concepts) <= {_LA_MIXTURE} and _LA_MIXTURE in part.concepts and not part.aspects \
            and len(_LA_TOLD & set(out[-1].concepts)) >= 2:
        # ("whats the max mg/kg for each and do they add up?": the mixture's rule is the maximum asked, one ask)
        before = out.pop()
        sep = "，" if lang == "zh" else ", "
        return replace(before, text=f"{before.text}{sep}{part.text}", concepts=tuple(dict.fromkeys((*before.concepts, _LA_MIXTURE))))
    return part


_LA_MIXTURE = "local-anaesthetic-mixture"
_LA_TOLD = frozenset({"lidocaine", "bupivacaine", "ropivacaine", "levobupivacaine", "chloroprocaine", "mepivacaine"})


# A time that only opens the ask after it ("那术后呢 啥时候可以恢复", "and afterwards? when can she restart?")
_AFTER_OPENS = {"en": lazy(r"^\s*(?:and |so |ok )?(?:after(?:wards)?|post-?op|post[- ]procedure|after the procedure)\s*\??\s*$", re.I),
                "zh": lazy(r"^\s*(?:那|那么)?(?:术后|之后|以后|做完(?:以后|之后)?|手术后|操作后|打完(?:以后|之后)?)呢?[？?]?\s*$")}


def _anticoagulation_of_told(part: Part, before: Part) -> bool:
    """"术后CT看到肺里有小的骨水泥 病人没啥症状 要抗凝吗": whether to anticoagulate, asked bare after a clause telling the
    finding (no question of its own), is asked of that finding: one ask."""
    return bool(before.concepts) and not before.text.rstrip().endswith(("?", "？")) and asks_to_anticoagulate(part.text) \
        and len(part.terms) <= 2


def _odds_of_told(part: Part, before: Part) -> bool:
    """"会不会头疼 几率多大": a bare "how likely?" after a clause naming what might happen and asking nothing of its own is
    that clause's odds: one ask."""
    return bool(before.concepts) and not before.aspects and not part.concepts and part.aspects == ("frequency",) and len(part.terms) <= 2


def _lead_in(part: Part, before: Part) -> bool:
    """"and post-op, when does warfarin go back on?": a clause naming nothing and asking nothing of its own (no question
    mark), cut off before the ask it opens."""
    return not before.concepts and not before.text.rstrip().endswith(("?", "？")) and len(before.terms) <= 2 and bool(part.concepts) \
        and not _ASKS_ANYTHING.search(before.text)  # (never an ask of its own: "how much blood do i inject and does she…")


_ASKS_ANYTHING = lazy(r"\b(?:how|what|whats|when|which|who|why|where|should|can|could|do|does|is|are|will|would)\b|吗|呢|多少|几|怎么|什么|哪|"
                      r"是否|能不能|要不要|可不可以", re.I)


def _evidence_size(part: Part, before: Part) -> bool:
    """A clause asking only how many patients or studies, after an ask about the evidence: the same ask (the size of that
    evidence), not a count of its own to be answered with an incidence."""
    return not part.concepts and "evidence" in before.aspects and bool(_EVIDENCE_SIZE.search(part.text))


def _without_told_dose(q: str, lang: Lang, aspects: tuple[str, ...]) -> tuple[str, ...]:
    """The kind of dose the patient is on told beside a hold ("克赛 预防剂量 最后一针后多久可以做鞘内泵植入？", "on a
    prophylactic dose of Lovenox, how long before…"): the interval is asked, not a dose; the extra dose of an imaging
    technique ("does DSA add anything over live fluoro? worth the extra dose?") is radiation, not a drug's."""
    if "dose" in aspects and _IMAGING_DOSE[lang].search(q):
        return tuple(a for a in aspects if a != "dose") or ("comparison",)
    if "dose" not in aspects or not {"hold", "timing"} & set(aspects) or _DOSE_ASKED[lang].search(q) \
            or _rx(ASPECTS["dose"][2 if lang == "zh" else 1]).search(_blank(q, lang, _DOSE_KIND_TOLD)):
        return aspects
    return tuple(a for a in aspects if a != "dose")


# (the imaging named just before, in the same sentence or the one before it: not "naloxone … extra dose?" beside a CT)
_IMAGING_DOSE = {"en": lazy(r"\b(?:fluoro\w*|DSA|x-?rays?|CT|c-arm|radiation|angiograph\w*)\b[^.!]{0,40}?"
                                r"\b(?:extra|additional|added|more|higher|bigger) (?:radiation )?dose\b", re.I),
                 "zh": lazy(r"(?:透视|DSA|X线|射线|辐射|CT|C臂|减影)[^。！]{0,20}?(?:多吃|多受|额外|增加)(?:的)?(?:辐射|射线)?剂量")}


def _blank(text: str, lang: Lang, *told: Mapping[str, re.Pattern[str]]) -> str:
    """The text with what it tells (`told`: a dose given, a weight) blanked, lower-cased as the aspect patterns read it."""
    for rx in told:
        text = rx[lang].sub(lambda m: " " * len(m.group()), text)
    return text if lang == "zh" else f" {text.lower()} "


# A sign that has ended ("the seizure has stopped", "抽搐停了"): told, and no ask to stop a drug.
SIGN_STOPPED = {
    "en": lazy(r"\b(?:seizures?|seizing|fits?|fitting|convulsions?|convulsing|jerking|shaking|twitching|tremors?|rigors?|bleeding|"
                     r"oozing|vomiting|symptoms?|pain|headache|itching|hiccups?|arrhythmias?|VF|VT)\s+(?:has |have |had )?(?:now |finally |all |just )?"
                     r"(?:stopped|ceased)\b|\bstopped (?:seizing|fitting|convulsing|jerking|shaking|twitching|bleeding|oozing|vomiting)\b|"
                     # (a sign that changes: "headache stops being postural" holds no drug)
                     r"\b(?:headache|pain|it)\s+(?:stops|stopped|ceases|ceased)\s+being\b", re.I),
    "zh": lazy(r"(?:抽搐|抽筋|惊厥|癫痫|发作|出血|渗血|渗液|呕吐|恶心|症状|疼痛|头痛|瘙痒|寒战|发抖|抽)(?:已经|已|都|也|就|现在|终于|基本)?"
                     r"(?:停了|停止了|止住了|停下来了|停住了|停止)|不抽了|"
                     r"抽(?:了|搐了)?(?:大概|大约|约|差不多)?\s*(?:\d+|[一二两三几半])\s*(?:分钟|分|秒)(?:钟)?(?:左右)?(?:就|后)?(?:自己)?停(?:了|止了?|下来了)"),
}
def _history_first(found: list[str], text: str, lang: Lang) -> list[str]:
    """"有碘造影剂过敏史，还能做经椎间孔注射吗？": with a reaction in the history, whether the procedure may go ahead is asked as
    how to go ahead (premedication) first."""
    if found[:1] == ["contraindications"] and _REACTION_HISTORY[lang].search(text):
        return ["prevention", *(a for a in found if a != "prevention")]
    return found


# A reaction told in the patient's history ("hx of contrast allergy", 有碘造影剂过敏史, 上次打完起过疹子).
_REACTION_HISTORY = {"en": lazy(r"\b(?:hx|h/o|history|known|prior|previous)\b[^.?]{0,30}\b(?:allerg|anaphyla|reaction)", re.I),
                     "zh": lazy(r"过敏史|(?:既往|以前|上次|曾经)[^，。？?]{0,10}(?:过敏|反应|荨麻疹|起疹)")}
_HOLD_OR_GO = {"en": lazy(r"\b(?:hold|stop|withhold)\w* (?:it )?or (?:continue|keep|carry on)|\b(?:continue|keep) (?:it |on )?or "
                                r"(?:hold|stop)", re.I),
               "zh": lazy(r"停还是不停|停不停|继续还是停|停还是继续|要不要停|停还是接着")}


# A procedure still to come, and a picture happening now.
_PLANNED = {"en": lazy(r"\b(?:booked|scheduled|planned|planning|coming in for|referred for|due (?:for|to have)|needs? (?:a|an)|going to have|next time|"
                             r"needs? (?:her |his |a |an )?(?:cervical|thoracic|lumbar|sacral|caudal|repeat|another|[CLT]\d)|"
                             r"(?:[CLT]\d[\w/-]*|TFESI|ILESI|ESI|MBB|RFA|SCS|block|injection|procedure|trial|implant)\s+(?:tomorrow|tmrw|tmr|next week)\b|"
                             r"wants? (?:a|an)|listed for|before (?:the|her|his|a|an) |"
                             # a reaction told as history and the procedure asked about ("hx anaphylaxis to contrast - can I
                             # still do TFESI?"): the procedure is still to come
                             r"(?:hx|h/o|history|known) (?:of )?(?:an? )?(?:\w+ ){0,2}(?:anaphylaxis|allergy|allergic reaction|reaction)\b"
                             r"(?=[^?]{0,60}\b(?:can|could|should) (?:i|we) still (?:do|have|go ahead|proceed)\b))", re.I),
            # (an allergy told as history, then the procedure: "碘造影剂过敏史（以前…），做TFESI怎么办？")
            "zh": lazy(r"要做|准备做|计划做|拟行|拟做|安排了?|预约了?|打算做|下周做|明天做|需要做|想做|下次再?做|下一次再?做|以后再做|"
                             r"过敏(?:史)?[^？?]{0,30}?[，,）)]\s*(?:这次)?做(?!完|了|过)")}
_ACUTE = {"en": lazy(r"\b(?:now|just|suddenly|right after|during|after the (?:injection|block|procedure))\b|minutes? (?:ago|after|later)", re.I),
          "zh": lazy(r"刚|突然|现在|正在|术中|术后|注射后|推完|打完|几分钟")}


# A treatment a question can say has failed ("conservative stuff not working"), besides any drug named before the failure.
TRIED = frozenset({"conservative-management", "epidural-blood-patch", "hydration", "mobilisation"})  # (treatments a question tells have failed)


def _tried(q: str, lang: Lang, matches: Sequence[Match], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """The treatments the question says have failed: conservative care or a drug named before the words of the failure
    ("caffeine and fluids for 2 days, still severe"); a drug named after them is what to try next ("效果不好，能不能换得宝松")."""
    out: list[str] = []
    for cue in _rx(ASPECTS["escalation"][2 if lang == "zh" else 1]).finditer(q if lang == "zh" else q.lower()):
        # "headache despite caffeine and fluids": what was tried follows the cue, up to the end of its clause (every failure
        # phrase counts: "still can't get out of bed despite fluids and caffeine")
        after = _DESPITE.match(q, cue.start()) is not None
        end = next((m.start() for m in _CLAUSE_END.finditer(q, cue.end())), len(q)) if after else 0
        # (named before it in its own sentence: "on aspirin - ok to do blood patch? and what if it fails" tried no aspirin;
        # a failure told in a sentence of its own, "Gave paracetamol and caffeine. Didn't help.", reaches back one sentence
        # that tells a treatment given; a drug the patient is on, "on apixaban for AF", was never tried)
        begin = _sentence_start(q, cue.start())
        if not after and not _HYPOTHETICAL.search(q, begin, cue.end()) and not any(begin <= m.start < cue.start() for m in matches) \
                and _GAVE_TRIED.search(q, _sentence_start(q, max(0, begin - 1)), begin):
            begin = _sentence_start(q, max(0, begin - 1))
        out += [m.concept for m in matches if (cue.end() <= m.start and m.end <= end if after else begin <= m.start and m.end <= cue.start())
                and (m.concept in TRIED or lex[m.concept].kind in ("drug", "drug-class"))
                and not _ON_DRUG.search(q[max(0, m.start - 12):m.start])]
    return tuple(dict.fromkeys(out))


REPEAT_IT = {"en": lazy(r"\brepeat(?:ing)? (?:it|the|a|another|one|(?:the )?(?:ebp|(?:blood )?patch))\b|\brepeat\s*\?|\bdo (?:it|one) again\b|"
                                r"\bagain\s*\?|\b(?:a )?second (?:one|patch|ebp|blood patch)\b|\banother (?:one|patch|ebp|blood patch)\b|\bre-?do\b", re.I),
             "zh": lazy(r"再(?:打|做|来|补|贴)一次|再(?:打|做|补)一个|重复(?:做|打)(?:一次)?|再补|"
                              r"(?:要不要|能不能|可以|需要)?(?:做|打)?第二次(?:血补丁|血补片|补片|EBP)?\s*(?:吗|么|呢|[？?])")}
# A treatment told as tried and failed ("tried pregabalin and naproxen, still bad", 咖啡因没用): not a word like "persistent".
_TOLD_FAILED = {"en": lazy(r"\btried\b|\b(?:didn'?t|doesn'?t|did not|does not|not) (?:work|help)\w*|\bnot (?:working|helping)\b|"
                                 r"\bno (?:better|relief|improvement)\b|\bstill (?:bad|severe|there|has|having|can'?t|cannot|unable)\b|\bfailed\b", re.I),
                "zh": lazy(r"无效|不管用|没效果|没用|效果不好|没改善|还是(?:疼|痛|不好)|仍然(?:疼|痛)")}
# (or "failed" before the treatments it names: "day 3, failed caffeine + fluids + paracetamol. how much blood for the patch")
_DESPITE = lazy(r"despite|in spite|even|failed(?=\s+(?!to\b|on\b|with\b|after\b|so\b|and\b|again\b|twice\b|too\b|the (?:block|test|injection|procedure)\b)[a-z])", re.I)
def _sentence_start(q: str, at: int) -> int:
    """Where the sentence holding position `at` starts."""
    return max(q.rfind(ch, 0, at) for ch in "?.!;。？！；") + 1


_GAVE_TRIED = lazy(r"\b(?:gave|given|tried|started|trialled|trialed|had)\b|给了|用了|打了|吃了|试了|补液", re.I)
_ON_DRUG = lazy(r"\b(?:on|takes?|taking)\s+$|(?:在吃|服用|吃着|长期吃)\s*$", re.I)
# A failure asked as a possibility ("and what if it fails", 如果没效果): nothing told before it has been tried yet.
_HYPOTHETICAL = lazy(r"\bwhat if\b|\bif (?:it|that|this|the \w+) (?:fails|doesn'?t|does not)|如果|万一|要是|假如", re.I)
# whether the patient's care can wait ("可以等吗", "can it wait till morning?"; the answer keeps an emergency's banner then)
WAIT_ASK = {"en": lazy(r"\bcan (?:we|it|he|she|they|this|that|surgery|the (?:surgery|operation|scan|mri)) (?:\w+ )?wait\b|"
                              r"\bwait (?:until|till|til) (?:tomorrow|the morning|morning|monday)\b|\bok to wait\b|\bsafe to wait\b|"
                              # (the patient wanting to wait for someone else: "he wants to wait for his GP")
                              r"\bwants? to wait (?:for|to see|until (?:he|she) sees) (?:his|her|their|the) (?:gp|family doctor|own doctor|surgeon|appointment)\b|"
                              # ("ok to admit under med and scan in the morning?")
                              r"\b(?:scan|image|mri) (?:him |her |them )?(?:in the morning|tomorrow|tmrw|tmw|first thing)\b|"
                              r"\b(?:delay|postpone) (?:the )?(?:surgery|decompression|scan|mri)\b|"
                              # ("MRI not till tomorrow morning - can we just observe?")
                              r"\b(?:can|could|should|do) (?:we|i) (?:just )?(?:observe|watch|monitor)(?! for)\b|\bobserve (?:overnight|till|until)\b|"
                              r"(?:\bnot|n['’]t) (?:be )?(?:available )?(?:till|until) (?:tomorrow|the morning|morning|\d{1,2} ?(?:am|a\.m\.))\b|"
                              # (whether the hours lost matter: "does a few hours really change anything?")
                              r"\b(?:do|does|would|will|can) (?:a )?(?:few |couple (?:of )?|several |some |\d+ )?(?:hours?|hrs?|delay|wait\w*)\b"
                              r"[^.?]{0,20}\b(?:change|matter|make (?:a |any )?difference|affect|worsen)|"
                              # (how long the step may wait, "MRI confirms it - how soon does he need decompression?")
                              r"\b(?:how (?:soon|quickly|fast|long)|within how (?:many|long)|time window)\b[^.?]{0,40}?"
                              r"\b(?:decompress\w*|surgery|operat\w*|evacuat\w*)|"
                              # (a delay told, then judged: "first on the list tmrw morning, about 14h from now. is that acceptable?")
                              r"\b(?:first on the list|on the list|(?:tomorrow|tmrw|tmw) (?:morning|am)|\d+\s*(?:h|hrs?|hours) from now)\b[^?]{0,60}"
                              r"\b(?:acceptable|ok|okay|alright|fine|reasonable|too long|safe)\b", re.I),
             "zh": lazy(r"(?:可以|能|能不能|可不可以)等|(?:晚|耽误|拖|等)(?:了)?(?:几|[\d一二三四五六七八九十两]+)个?(?:小时|钟头)[^，。？?]{0,8}(?:有|没)(?:关系|影响|区别|差别)|等到(?:明天|明早|早上|白天)|(?:明天|明早|明天早上|天亮)再(?:手术|做|处理|减压|开刀|开)|推迟(?:手术|减压)|"
                              r"等得(?:起|了)|等不(?:起|了)|先观察|观察(?:一晚|一夜|到明天)|排到明(?:天|早)|(?:MRI|核磁|磁共振|CT)[^，。？?]{0,4}要?等(?:到)?明(?:天|早)|"
                              r"(?:MRI|核磁|磁共振|CT)[^，。？?]{0,6}明(?:天|早)(?:才|再)(?:能|可以)?(?:做|查|排)|"
                              r"(?:多长时间|多久|几个?小时)(?:内|之内|以内)?[^，。？?]{0,6}(?:手术|减压|清除)|"
                              r"(?:手术|减压)[^，。？?]{0,6}(?:时间窗|最迟|多久|多长时间|几个?小时)")}
_CLAUSE_END = lazy(r"[,.;:?!]|\s[-–—]+\s|\b(?:what|now|and (?:now|still)|but)\b", re.I)  # ("despite caffeine - EBP how much?")
_CJK = lazy(r"[\u4e00-\u9fff]")
_LATIN_WORD = lazy(r"[A-Za-z]{4,}")
# Where the closing question of a several-sentence text starts (after the last full stop).
_ASK_START = {"en": lazy(r"[.!;]\s+(?=\S)"), "zh": lazy(r"[。！；]")}


# A concept named by two words apart: a role word with "pregnant" is a pregnant member of staff ("one of our
# radiographers is 10 wks pregnant"), whose questions are about occupational dose, not a pregnant patient.
# How long a patient is kept under observation, in any wording ("how long should they be observed?", "how long do we keep
# him in recovery?", "要留观几个小时"): the observation period is asked, whatever else the question names
_HOW_LONG_WATCHED = lazy(r"\bhow long\b[^.?!]{0,40}?\b(?:observ\w*|monitor\w*|watch(?:ed)?|(?:kept|keep (?:\w+ )?)(?:in recovery|under observation|in hospital|overnight|for observation|in (?:the )?(?:pacu|recovery room|unit|day unit|ward))|stay in (?:recovery|the (?:unit|ward|day unit|pacu)|pacu))\b|"
                               r"\b(?:observation|monitoring) (?:period|time)\b|"
                               r"(?:观察|监测|监护|留观|留院|看护)(?:多久|多长时间|几个?小时|几天|多少小时)", re.I)
OBSERVATION = "post-procedure-monitoring"
# signs of one complication only (a toxicity's tinnitus, metallic taste, perioral numbness): not dizziness or numbness alone
_SPECIFIC_SIGN = lazy(r"tinnitus|ringing in|metallic|perioral|circumoral|(?:lips?|tongue|mouth) (?:is |are )?(?:numb|tingl)|"
                            r"numb (?:lips|tongue|mouth)|耳鸣|金属味|口周|口唇|嘴唇|舌头?发?麻", re.I)

# an infection told as treated or over ("finished antibiotics for UTI last week", "afebrile", 已治愈): no active one
_TREATED = r"(?![\s\S]*(?:\b(?:finished|completed|resolved|cleared)\b|\bafebrile\b|\bno (?:fever|temp\w*)\b|已治愈|治好了|已好|已停药|不发热|不发烧|没有发热|没发烧|体温正常))"


# A pulmonary embolism the patient had weeks or more before, or told as history ("PE 6 wks ago", "h/o PE", 3个月前肺栓塞), never
# one linked to the cement ("PE 1 day after vertebroplasty", 椎体成形术后…肺栓塞)
_PE_HAD = (r"^(?![\s\S]*(?:\b(?:after|following|post)\b[^.?;]{0,40}\b(?:vertebroplast\w*|kyphoplast\w*|\bcement|augmentation)|术后[^。？?]{0,12}肺栓塞))"
           r"[\s\S]*?(?:\b(?:pe|pulmonary embol\w*)\b[^.?;]{0,16}?\b\d+\s*(?:wks?|weeks?|months?|mos?|yrs?|years?) ago\b|"
           r"\b(?:pe|pulmonary embol\w*)\b[^.?;]{0,16}?\blast (?:month|year)\b|"
           r"\b(?:prior|previous|old|history of|hx of|h/o|hx)\s*(?:of )?(?:a )?(?:pe|pulmonary embol\w*)\b|"
           r"(?:既往|以前|曾经|[\d一二两三四五六七八九十几半]+\s*(?:个月|周|年)前)[^，。？?]{0,6}肺栓塞|肺栓塞(?:病史|史))")
_RENAL_TOLD = lazy(r"\be?GFR\b|\bcreat(?:inine)?\b|\bCKD\b|\bAKI\b|\bCrCl\b|\bdialysis\b|\bnephro\w*|"
                         r"\b(?:renal|kidney) (?:function|impairment|failure|insufficiency|disease|injury)|"
                         r"肾功能|肌酐|肾小球滤过|肾衰|肾病|透析|肾损", re.I)
_CONTRAST_WORD = lazy(r"\b(?:use|using|give|giving|inject|injecting|get|have) (?:iodinated |iv |IV )?contrast\b|"
                            r"\bcontrast (?:ok|okay|safe|dose|load|volume|use|for (?:a|an|the|his|her) (?:ct|scan|ctpa))\b|"
                            r"(?:能|可以|要|能不能)?(?:打|用|注射)(?:造影剂|对比剂)|(?:造影剂|对比剂)(?:能|可以|行|安全|用多少|多少)", re.I)
def _staff_told_before(q: str, concepts: tuple[str, ...], history: Sequence[str] | None) -> tuple[str, ...]:
    """"She has just told me she is 12 weeks pregnant. Can she keep doing the list?" after a question about the trainee's
    own dose: the pregnant one is the member of staff the turn before told, not a patient."""
    staff = next(rx for base, rx, compound in _COMPOUNDS if compound == _PREGNANT_STAFF and base == "pregnancy")
    if "pregnancy" not in concepts or not history or not _SHE.search(q) or _PATIENT_WORD.search(q) or not staff.search(history[-1]):
        return concepts
    return tuple(dict.fromkeys(_PREGNANT_STAFF if c == "pregnancy" else c for c in concepts))


_PREGNANT_STAFF = "pregnant-staff"


# the other side done the same day, asked after a one-sided block ("左边能不能今天一起做了？" after a right SGB, "can we do the
# other side today too?"): a same-session bilateral block
_OTHER_SIDE = {"en": lazy(r"\b(?:do|block|inject|treat) the (?:other|left|right|opposite) side (?:today|too|as well|now|same day|in the same session)|"
                          r"\b(?:other|opposite|left|right) side(?: (?:done|blocked|injected|treated|block))? (?:today|now|as well|too|while)\b(?=[^.?]*\?)|"
                          r"\b(?:do|block|inject) both sides (?:today|now|at once|together|in (?:the )?(?:same|one) (?:session|sitting|visit))\b|"
                          # ("consultant wants to do the R SGB now same sitting" after the left one)
                          r"\b(?:other|opposite|left|right|[LR]) (?:SGB|stellate|block|side|one)\b[^.?]{0,20}?\b(?:(?:in )?(?:the )?same (?:sitting|session|visit)|"
                          r"in one (?:sitting|session)|at the same time)\b", re.I),
               "zh": lazy(r"(?:左边|右边|左侧|右侧|另一侧|另一边|对侧)[^，。？]{0,8}(?:一起|同时|也|顺便)(?:做|打|阻滞)")}


# a clot told as the reason the patient is anticoagulated ("rivaroxaban … started 6 weeks ago for a PE", 因为肺栓塞在吃): a
# venous thromboembolism of the patient's, whose timing sets the thrombotic risk of stopping the drug
_CLOT_TREATED = {"en": lazy(r"\b(?:for|because of|after|following|treating|to treat) (?:a |an |her |his |their |the |recent |previous )*"
                            r"(?:PE|pulmonary embol\w*|DVT|deep vein thrombosis|VTE|blood clot|clot in (?:the|her|his) (?:lung|leg)s?)\b"
                            r"(?!\s*(?:prophyla\w*|prevention|protection|risk))", re.I),
                 "zh": lazy(r"(?:因为?|由于|治疗)(?:了)?(?:肺栓塞|肺动脉栓塞|深静脉血栓|下肢静脉血栓|静脉血栓)(?!预防)|(?:肺栓塞|深静脉血栓|下肢静脉血栓)(?:后|以后)?(?:在|开始)?(?:吃|服用|用)")}


def _clot_treated(q: str, lang: Lang, concepts: tuple[str, ...], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """A clot told as an anticoagulant's reason (`_CLOT_TREATED`): the patient's venous thromboembolism, not a
    complication asked about."""
    if "vte" in concepts or not any(lex[c].kind in ("drug", "brand", "drug-class") for c in concepts if c in lex) \
            or not _CLOT_TREATED[lang].search(q):
        return concepts
    return (*(c for c in concepts if c != "pulmonary-embolism"), "vte")


# the procedure still ahead of a frightened patient: no "after it" told ("吓得不敢做了", "now she's terrified")
_DONE_ALREADY = {"en": lazy(r"\b(?:after|since)\b|\bpost-?(?:op|procedure|injection|block)\b|\b(?:had|got) (?:the|an?|her|his)\b|\bjust (?:done|had|did)\b", re.I),
                 "zh": lazy(r"做完|打完|术后|之后|以后|(?<!不敢)(?<!不想)(?<!没)(?<!不)(?:做|打)了(?!吗|么)")}


def _consent_for_fear(t: str, lang: Lang, concepts: tuple[str, ...], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """How to talk to a frightened patient about the harms a procedure still ahead may cause ("吓得不敢做了，我该怎么跟他
    解释？", "she's terrified… what should I tell her?"): the consent discussion is what the sources say to have."""
    if "informed-consent" in concepts or aspects_of(t, lang)[:1] != ("advice",) or not _AFRAID[lang].search(t) or _DONE_ALREADY[lang].search(t) \
            or not any(lex[c].kind == "procedure" for c in concepts if c in lex) \
            or not any(lex[c].kind == "complication" for c in concepts if c in lex):
        return concepts
    return (*concepts, "informed-consent")


# major surgery ahead of a patient given a steroid injection: the stress cover the sources advise for the weeks after it
_MAJOR_SURGERY = frozenset({"arthroplasty", "cardiac-surgery", "general-surgery", "open-spine-surgery", "cranial-neurosurgery", "limb-surgery"})
_STEROID_GIVEN = frozenset({"steroid-injection", "esi", "corticosteroid", "triamcinolone", "methylprednisolone", "dexamethasone",
                            "betamethasone", "particulate-steroid"})
_STEROID_COVER = "steroid-cover"
_STEROID_CARE_ASK = lazy(r"\b(?:anything to (?:consider|watch|worry|think)|precautions?|implications?|steroids?|injection|cover)\b|注意|激素|注射|影响", re.I)


def _surgery_after_steroid(text: str, concepts: tuple[str, ...], before: Sequence[str], lexicon: Lexicon) -> tuple[str, ...]:
    """Major surgery told after a steroid injection, this turn or the one before, with what to watch for asked of the
    injection ("他下个月还要做膝关节置换手术，跟这次激素注射有啥要注意的？"): the stress cover for a suppressed adrenal axis is
    asked (not the operation's own anaesthetic, nor a drug held or restarted for it: another specialty's)."""
    told = set(lexicon.broader_closure([*concepts, *before]))
    if _STEROID_COVER in concepts or not _MAJOR_SURGERY.intersection(concepts) or not _STEROID_GIVEN & told \
            or not _STEROID_CARE_ASK.search(text) or held_drug(concepts, lexicon):
        return concepts
    return (*concepts, _STEROID_COVER)


# a stroke feared or asked about ("she thinks she's having a stroke", "is this a stroke?", 以为自己中风了) when what is told is
# a sympathetic block's expected signs (a drooping eyelid, a small pupil, a hoarse voice): whether it is expected is asked
_STROKE_FEARED = {"en": lazy(r"\b(?:thinks?|thought|believes?|convinced|worried|afraid|scared|fears?)\b[^.?!]{0,20}\bstroke\b|"
                            r"\bis (?:this|that|it|she|he) (?:having )?(?:a |an )?stroke\b", re.I),
                  "zh": lazy(r"(?:是不是|是否|会不会|以为|担心|害怕|怕)[^，。？?]{0,6}(?:中风|卒中)")}
_EXPECTED_SIGNS = frozenset({"ptosis", "miosis", "horner-syndrome", "hoarseness"})


def _regimen_inherits(own: tuple[str, ...], inherited: tuple[str, ...], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """A regimen asked ("what abx prophylaxis and timing for the trial? he's an MRSA carrier") inherits the procedure,
    never the drugs held for it the turn before."""
    return tuple(c for c in inherited if lex[c].kind not in _DRUGLIKE) if _REGIMENS.intersection(own) else inherited


# Whether the patient's procedure moves up a bleeding-risk class ("should her TFESI be treated as the next higher bleeding
# risk category?", 要不要按高一级出血风险来处理): who is at higher risk, never how to treat something.
UPGRADE_ASK = {"en": lazy(r"\b(?:should|do (?:we|i|you)|would (?:you|we)|must (?:we|i)|need to|ought (?:we|i) to)\b[^.?]{0,40}?"
                           r"\b(?:treat|manag|handl|consider|count)\w* (?:\w+ ){0,3}?(?:as|like) (?:an? |the )?"
                           r"(?:next[- ](?:higher|category|class|level)|higher[- ])[\w -]{0,20}?(?:risk|category|class)\b[^.]*\?", re.I),
                "zh": lazy(r"(?:要不要|是否|需不需要|需要|该不该|应不应该|应该)(?:按|当作|当成|视为|作为)(?:高一级|更高一级|高一个级别|更高)[^，。？?]{0,8}"
                           r"(?:风险|类别|级别)[^，。？?]{0,4}(?:来)?(?:处理|管理|对待|算)")}
_HOLD_WORDS = {"en": lazy(r"\b(?:hold|stop|off|withh[oe]ld|last dose|how (?:many|long))\b", re.I), "zh": lazy(r"停|几天|多久|末次")}


# How long a measure goes on ("…what abx prophylaxis and timing, and how long do we continue afterwards?", 要用多久):
# the measure the part before named, not a drug the patient keeps taking.
_HOW_LONG_ON = {"en": lazy(r"\bhow long (?:do|should|would|must) (?:we|i|you|they) (?:continue|keep (?:it|them|giving|going)|carry on)\b", re.I),
                "zh": lazy(r"(?:继续用|维持|持续用)(?:多久|多长时间)")}
_MEASURES = frozenset({"antibiotic-prophylaxis"})  # (a premedication's course is its regimen: review 57)


def _measure_continued(own: tuple[str, ...], t: str, lang: Lang, before: Part | None, lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """A bare "how long do we continue?" after a part naming a measure or drug given (`_HOW_LONG_ON`): that measure."""
    if own or before is None or not _HOW_LONG_ON[lang].search(t):
        return own
    return tuple(c for c in before.concepts if c in _MEASURES)[:1]


def _whether_done(aspects: tuple[str, ...], concepts: Sequence[str]) -> tuple[str, ...]:
    """Both sides at once asked with no ask word ("she wants the left side done today as well - any issue?"): whether it
    may be done."""
    return ("contraindications",) if not aspects and "bilateral-block" in concepts else aspects


def _upgrade_asked(aspects: tuple[str, ...], q: str, lang: Lang) -> tuple[str, ...]:
    """A procedure asked as one class up for this patient (`UPGRADE_ASK`) asks who is at higher risk (its rule is there);
    never when a hold is asked with it ("treated as high risk - how many days to hold?": the hold)."""
    return ("risk_factors",) if UPGRADE_ASK[lang].search(q) and "hold" not in aspects and not _HOLD_WORDS[lang].search(q) else aspects


def _repeat_as_limit(aspects: tuple[str, ...], concepts: Sequence[str], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """Whether another injection may be given, after several told ("半年内已经做了2次TFESI，还能再做吗？"): the repeat
    limit is the answer, not a list of contraindications (a condition asked beside it, "is diabetes a contraindication to
    another?", keeps its own ask)."""
    if REPEAT_LIMIT not in concepts or aspects[:1] != ("contraindications",) \
            or any(c in lex and lex[c].kind == "condition" for c in concepts):
        return aspects
    return ("limit", *aspects[1:])


def _expected_not_stroke(text: str, lang: Lang, aspects: tuple[str, ...], concepts: Sequence[str]) -> tuple[str, ...]:
    """A stroke feared beside a stellate block's expected signs (see `_STROKE_FEARED`): whether the signs are expected is
    asked first (the triage still reads any stroke sign told: a weak arm, slurred speech)."""
    if "expected" in aspects[:1] or not _EXPECTED_SIGNS.intersection(concepts) or "stellate-ganglion-block" not in concepts \
            or not _STROKE_FEARED[lang].search(text):
        return aspects
    return ("expected", *(a for a in aspects if a != "expected"))


_SIDED_BLOCKS = frozenset({"stellate-ganglion-block"})  # (the blocks whose both sides at once the sources warn of)


def _other_side(q: str, lang: Lang, concepts: tuple[str, ...], prev: Question | None) -> tuple[str, ...]:
    """The other side the same day after a block told before (see `_OTHER_SIDE`): a bilateral block is asked."""
    if prev is None or "bilateral-block" in concepts or not _SIDED_BLOCKS.intersection((*prev.all_concepts, *concepts)) \
            or not _OTHER_SIDE[lang].search(q):
        return concepts
    return (*concepts, "bilateral-block")


def sign_on_the_other_side(text: str, lang: Lang, before: Sequence[str]) -> bool:
    """Is a sign of a sided block told on the side opposite the one the thread blocked ("now the LEFT eyelid is droopy
    too, small pupil on that side" after "R stellate ganglion block")?"""
    m = _SIDE_SIGN[lang].search(text)
    if m is None:
        return False
    side = next(g for g in m.groups() if g).lower()
    side = _SIDES.get(side, side)
    told = {_SIDES.get(t.lower(), t.lower()) for turn in before for t in _SIDE_WORD[lang].findall(turn)}
    return bool(told) and (side == "other" or side not in told)


_SIDE_SIGN = {"en": lazy(r"\b(left|right|other|opposite)(?: side)?(?:'s)? (?:eye ?lid|eyelid|eye|pupil|lid)s?\b|"
                         r"\b(?:eyelid|pupil|ptosis|horner'?s?)\b[^.?!]{0,30}\b(?:on the )(left|right|other|opposite) side\b", re.I),
              "zh": lazy(r"(左|右|对侧|另一侧|另一边)(?:侧|边)?(?:的)?(?:眼皮|眼睑|上睑|瞳孔|眼睛)")}
_SIDE_WORD = {"en": lazy(r"\b(left|right|lt|rt|L|R)\b(?=\s+(?:sided\s+)?(?:stellate|SGB))", re.I),
              "zh": lazy(r"(左|右)(?:侧|边)?(?=[^，。？]{0,4}(?:星状|SGB))")}
_SIDES = {"lt": "left", "l": "left", "rt": "right", "r": "right", "other": "other", "opposite": "other", "左": "left", "右": "right",
          "对侧": "other", "另一侧": "other", "另一边": "other"}


def _lor_medium(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """"生理盐水LOR 回抽有清亮液体": the saline of a loss-of-resistance told is how the space was found, no drug asked (not
    "why do people switch to saline?", which asks about it)."""
    return tuple(c for c in concepts if c != "saline") if _SALINE_LOR.search(q) else concepts


_SALINE_LOR = lazy(r"(?:生理盐水|盐水|saline)\s*(?:LOR|阻力消失)|\bLOR (?:to|with) saline\b(?![^.?]{0,40}\b(?:why|vs|versus|or air)\b)", re.I)


def _recovery_asked(q: str, lang: Lang, concepts: tuple[str, ...], prev: Question | None) -> tuple[str, ...]:
    """"家属问会不会瘫", "will he be paralysed?" while a deficit told before goes on: whether he recovers (the outcome after a
    haematoma), not how often paralysis follows the procedure."""
    if prev is None or RECOVERY in concepts or not _PARALYSED_ASK[lang].search(q) \
            or not _DEFICIT_TOLD & {*concepts, *prev.all_concepts, *prev.context_concepts}:
        return concepts
    return (*concepts, RECOVERY)


def _asked_by_their_part(parts: tuple[Part, ...], concepts: tuple[str, ...], lang: Lang) -> tuple[Part, ...]:
    """Whether he recovers, read for the question (`_recovery_asked`), is the part's that asks it ("家属问会不会瘫"); the
    withdrawal a baclofen pump running low heads for (`_baclofen_running_out`), the part's that names the baclofen."""
    if RECOVERY in concepts and not any(RECOVERY in p.concepts for p in parts):
        parts = tuple(replace(p, concepts=(*p.concepts, RECOVERY)) if _PARALYSED_ASK[lang].search(p.text) else p for p in parts)
    if _BACLOFEN_WITHDRAWAL in concepts and not any(_BACLOFEN_WITHDRAWAL in p.concepts for p in parts):
        k = next((i for i, p in enumerate(parts) if "baclofen" in p.concepts or "baclofen" in p.inherited), 0)
        parts = tuple(replace(p, concepts=(_BACLOFEN_WITHDRAWAL, *p.concepts)) if i == k else p for i, p in enumerate(parts))
    return parts


def _baclofen_running_out(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """A baclofen pump told running low ("low reservoir alarm", 药快没了, a refill put off): the withdrawal it heads for."""
    if "baclofen" not in concepts or _BACLOFEN_WITHDRAWAL in concepts or not _RUNNING_LOW.search(q):
        return concepts
    return (*concepts, _BACLOFEN_WITHDRAWAL)


_BACLOFEN_WITHDRAWAL = "baclofen-withdrawal"
_RUNNING_LOW = lazy(RESERVOIR_LOW["en"] + "|" + RESERVOIR_LOW["zh"] + r"|refill (?:is )?(?:not due|delayed|late|overdue|put off)|"
                    r"(?:拖|晚|推迟)[^，。？?]{0,6}(?:加药|补药|再加)|(?:加药|补药)[^，。？?]{0,8}(?:拖|晚|推迟|下周)", re.I)


RECOVERY = "neurological-recovery"  # (how a harm turns out: the lexicon topic of outcomes)
# (signs told of the patient, never a harm feared at consent: 截瘫, paralysis, nerve injury)
DEFICIT_TOLD = _DEFICIT_TOLD = frozenset({"weakness", "urinary-retention", "epidural-haematoma", "spinal-haematoma", "cauda-equina-syndrome",
                           "bowel-bladder-dysfunction", "spinal-cord-infarction"})
_PARALYSED_ASK = {"en": lazy(r"\b(?:will|is) (?:he|she|they|the (?:patient|pt)|pt) (?:going to )?(?:be |end up )?(?:paralys|paralyz|permanently)|"
                            r"\b(?:will|would|can|could) (?:he|she|they|the (?:patient|pt)|pt) (?:ever )?walk again\b|"
                            r"\b(?:her|his|their) chances\b(?! of (?:a |an )?(?:complication|infection|bleed))|\b(?:make a )?full recovery\b", re.I),
                  "zh": lazy(r"会不会瘫|会瘫(?:吗|么|痪吗)|瘫(?:痪)?了吗|以后还能(?:走|站)")}


def _pregnant_colleague(concepts: tuple[str, ...], prev: Question) -> tuple[str, ...]:
    """A follow-up on radiation after a pregnant colleague told herself ("what's my dose limit now that I've told my
    manager?" after "I'm a radiographer, 10 wks pregnant"): hers, the pregnant worker's, asked as her own (first)."""
    if _PREGNANT_STAFF in prev.all_concepts and _PREGNANT_STAFF not in concepts and _STAFF_RADIATION.intersection(concepts):
        return (_PREGNANT_STAFF, *concepts)
    return concepts
_STAFF_RADIATION = frozenset({"occupational-dose-limit", "dosimeter", "occupational-exposure", "radiation-safety", "lead-apron"})


_SHE = lazy(r"\bshe\b|她", re.I)
_PATIENT_WORD = lazy(r"\b(?:patient|pt)\b|病人|患者", re.I)
# a haematoma told over the skull ("CT shows extradural haematoma 1.8cm temporal, GCS 13 and dropping, L pupil sluggish",
# 颞部硬膜外血肿 GCS 12 瞳孔不等大): a head injury's intracranial bleed, not the spinal haematoma after a pain procedure
# (not an occipital nerve block's site, nor the low pressure after a wet tap: "intracranial hypotension", 低颅压)
_CRANIAL = lazy(r"\b(?:temporal|frontal|parietal|posterior fossa|skull|midline shift|lucid interval|burr ?holes?|craniotomy|CT head|head CT|"
                r"head injur\w*|hit (?:his|her|their) head|GCS\s*(?:of\s*|is\s*|now\s*)?(?:[3-9]|1[0-4])|GCS (?:dropping|falling|down)|"
                r"(?:sluggish|fixed|dilated|blown|unequal|unreactive) pupils?|pupils? (?:is |are )?(?:sluggish|fixed|dilated|blown|unequal|unreactive))\b|"
                r"颞部|额部|顶部|颅骨|颅脑|开颅|钻孔|中线移位|头部外伤|脑外伤|摔伤头|GCS\s*(?:[3-9]|1[0-4])(?!\d)|瞳孔(?:不等大|散大|固定|对光反射(?:迟钝|消失))", re.I)
_COMPOUNDS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("haematoma", _CRANIAL, "head-injury"),
    ("epidural-haematoma", _CRANIAL, "head-injury"),
    # a sore battery site told red, hot, oozing or with a fever ("battery site sore, red and hot, fever 38.5"): a wound
    # infection, not the pocket pain that is common
    # (not one denied: "没发烧 切口看着还行", "no fever, not red")
    ("pocket-pain", lazy(r"(?<!no )(?<!not )(?<!non-)(?<!isn't )(?<!without )\b(?:red|redness|hot|warm|swollen|swelling|pus|purulent|oozing|discharg\w*|fever\w*|febrile|temp)\b|"
                         r"(?<![没无不])(?<!没有)(?:红肿|发红|发热|发烧|流脓|脓|渗液|渗出|肿)", re.I), "surgical-site-infection"),
    # segmental arteries told of the lungs ("CTPA shows cement fragments in segmental arteries both lower lobes"): the
    # pulmonary arteries' emboli, no spinal radicular artery
    ("radicular-artery", lazy(r"\bCTPA\b|pulmonar\w*|\blobes?\b|\blungs?\b|肺", re.I), "pulmonary-embolism"),
    # a pump told beeping or alarming, words apart ("my pain pump thing in my tummy is beeping", 鞘内泵一直哔哔响): its alarm
    ("intrathecal-pump", lazy(r"\bbeep\w*|哔|嘀嘀|滴滴", re.I), "pump-alarm"),
    # cement told in the foramen or the canal, a level or side between ("CT shows cement in the L2 foramen",
    # "CT显示cement进了foramen"): its leak
    # (not one ruled out: "CT: cement is not in the canal", "CT示骨水泥没有进入椎管")
    ("bone-cement", lazy(r"\bcement\b(?:(?!\b(?:not|no|never|without|isn'?t)\b)[^.?!;]){0,25}?\b(?:in|into|within|inside|entering|reaching|to)\s+(?:the\s+|a\s+|her\s+|his\s+)?"
                         r"(?:(?:[CTLS]\d+(?:/[CTLS]?\d+)?|right|left|R|L|neural|exit\w*|spinal|vertebral)\s+)*(?:neuro)?(?:foram\w*|canal)\b|"
                         r"\bforaminal cement\b|(?:骨水泥|水泥|cement)(?:(?![没未无不])[^，。？?；]){0,6}?(?:进|入|漏|渗|到|在)[^，。？?；]{0,4}?(?:椎间孔|椎管|foram|canal)|"
                         r"(?:椎间孔|椎管|foramen|canal)(?:内|里)?(?:有|见|可见)?(?:少量|一点|点)?(?:骨水泥|水泥|cement)", re.I), "cement-leakage"),
    # a scan asked safe beside an implant ("the hospital want to MRI his back - is that safe with the stimulator and the pump
    # in?", 装了泵和刺激器 核磁能做吗): the device's MRI conditions, not the scan that finds a complication
    ("mri", lazy(r"^(?=[\s\S]*(?:stimulat|\bSCS\b|\bIPG\b|\bpump\b|\bimplant|\bdevice\b|刺激器|鞘内泵|\b泵|植入))(?=[\s\S]*(?:\bsafe\b|\bok(?:ay)?\b|"
                 r"\ballowed\b|contraindicat|compatib|安全|能做|能不能做|可以做|可不可以做|能不能查|能查))", re.I), "implant-mri-conditions"),
    # antibiotics asked around dental work in an implant patient ("DRG stim pt needs 2 wisdom teeth out - does she need
    # antibiotic cover for the implant?"): not the implant operation's own prophylaxis
    # (in English: a Chinese dental question is out of scope whole, "拔牙要停几天？要不要预防抗生素")
    # (the antibiotics the only ask: with a drug's hold asked too, the whole question is the dental work's)
    ("dental-extraction", lazy(r"^(?![\s\S]*\b(?:stop|hold|held|off|restart)\b)[\s\S]*(?:\bantibiotic|\babx\b|\bcover\b|prophyla)", re.I),
     "dental-antibiotic-cover"),
    # a wound's care words told as the length of an antibiotic course ("SCS植入的预防性抗生素一般用到啥时候 我们科习惯用到拆线"):
    # the prophylaxis asked, not the wound care
    ("wound-care", lazy(r"抗生素|\bantibiotic|\babx\b|prophyla|预防用药", re.I), "antibiotic-prophylaxis"),
    # a dose limit asked beside a declaration ("要去科里正式申报吗？不报的话剂量限值按啥算"): a pregnant worker's
    ("occupational-dose-limit", lazy(r"申报|声明|\bdeclar\w*", re.I), "pregnant-staff"),
    # a stimulator's tingling told somewhere else than where it was ("since bending … the tingling is in her L buttock not
    # her legs anymore"): the lead has moved
    ("paraesthesia", lazy(r"^(?=[\s\S]*(?:\bSCS\b|stimulat|\bstim\b|\bIPG\b|\bleads?\b))[\s\S]*"
                                r"\b(?:tingling|buzz\w*|paraesthesi\w*|paresthesi\w*)\b[^.?!]{0,20}?\b(?:is|are|'s)\s+(?:now\s+|only\s+|all\s+)?"
                                r"(?:in|on|into|at|round|around|over)\s+(?:her|his|their|the|my)\b[^.?!]{0,30}?\b(?:not|instead of|rather than)\b", re.I),
     "lead-migration"),
    # (not the patient told pregnant beside a member of staff who asks: "放射科技师问 病人TF做完才说月经推迟两周 可能怀孕")
    ("pregnancy", lazy(r"^(?![\s\S]*(?:\b(?:patient|pt)\b[^.?!]{0,40}\b(?:pregnant|period|LMP)|(?:病人|患者)[^，。？?]{0,20}(?:怀孕|妊娠|月经|停经)))"
                             r"[\s\S]*?(?:\b(?:radiographers?|nurses?|colleagues?|staff|techs?|technologists?|employees?|workers?|residents?|"
                             r"fellows?|registrars?|trainees?|I'?m|I am|(?:my|our|a|the) PAs?|physician assistants?|(?:my|our|a|the) NPs?|"
                             r"nurse practitioners?|scrub|works? in (?:the |our )?(?:fluoro|cath|IR|OR|procedure)\w*)\b|"
                             r"放射技师|放射师|技师|护士|同事|员工|工作人员|医生|住院医|进修|规培|医助|助理医师|我.{0,3}怀孕|"
                             r"我是[^，。？?]{0,6}(?:师|护士|医生)[^。？?]{0,6}怀孕|跟台|跟刀|跟.{0,6}的刀)", re.I),
     "pregnant-staff"),
    # intrathecal baclofen running out or stopped ("泵快空了，断药会有什么风险", "baclofen pump ran low"): its withdrawal
    ("baclofen", lazy(r"断药|停药|中断|打空|泵空|快空|用完|没药了|\bran (?:out|dry|low)\b|\brun(?:s|ning)? (?:out|dry|low)\b|"
                            r"\bempty\b|\binterrupt\w*|\bmissed (?:refill|the refill)\b|\bstopp?ed\b|\bwithdrawn\b", re.I), "baclofen-withdrawal"),
    # withdrawal told beside the drug that was stopped is that drug's ("泵里是吗啡…是不是撤药反应", "withdrawal after the
    # hydromorphone pump ran dry"): an opioid's is not baclofen's, whose life-threatening picture the sources give
    ("withdrawal", lazy(r"baclofen|巴氯芬|\bITB\b", re.I), "baclofen-withdrawal"),
    # (an opioid in passing beside a baclofen pump, or one never taken, "opioid-naive", is no opioid's withdrawal)
    ("withdrawal", lazy(r"^(?![\s\S]*(?:baclofen|巴氯芬|\bITB\b))[\s\S]*(?:morphine|hydromorphone|fentanyl|sufentanil|"
                              r"opioid(?![- ]?na[iï]ve)|opiate|吗啡|氢吗啡酮|芬太尼|阿片)", re.I), "opioid-withdrawal"),
    # an allergic reaction told beside contrast is a contrast reaction ("上次做增强CT出过全身荨麻疹", "hives after the dye last time")
    ("allergic-reaction", lazy(r"contrast|\bdye\b|iodinated|iohexol|omnipaque|gadolinium|造影|对比剂|增强CT|增强MRI|增强核磁|碘剂", re.I),
     "contrast-allergy"),
    # anaphylaxis to contrast told as the patient's history ("hx anaphylaxis to omnipaque, needs a TFESI") is her contrast
    # allergy, the thing to plan around (one happening now is the emergency's, read by triage)
    ("anaphylaxis", lazy(r"(?:\bhx\b|\bh/o\b|history of|previous|prior|last time|\bbefore\b|上次|以前|既往|曾经|过敏史|去年|前年)"
                               r"[^.?!。？]{0,40}(?:contrast|\bdye\b|iodinated|iohexol|omnipaque|造影|对比剂|碘(?![伏酒酊]))"
                               r"(?![^.?!。？]{0,12}(?:没事|没问题|no problem|fine|uneventful))|"
                               # (or told with its date after it: "true anaphylaxis to omnipaque last yr")
                               r"(?:contrast|\bdye\b|iodinated|iohexol|omnipaque|造影|对比剂)[^.?!。？]{0,25}"
                               r"(?:\blast (?:yr|year|month|time)\b|\b\d+\s*(?:yrs?|years?|months?|mo) ago\b|\byears? ago\b)", re.I),
     "contrast-allergy"),
    # contrast given with the kidneys told ("eGFR 25, iodinated contrast for a CTPA?", 肌酐300能打造影剂吗): contrast
    # nephropathy, which the sources do not cover
    *((need, _RENAL_TOLD, "contrast-imaging") for need in ("iodinated-contrast", "contrast-medium")),
    *((need, _CONTRAST_WORD, "contrast-imaging") for need in ("renal-impairment", "crcl", "egfr")),
    # an RF ablation aimed at an arrhythmia is cardiology's ("RF ablation for paroxysmal AF", 房颤射频)
    ("radiofrequency-ablation", lazy(r"(?:ablation|\brfa?\b|radiofrequency)\s+(?:for|of)\s+(?:(?:paroxysmal|persistent|permanent|chronic|"
                                           r"symptomatic|recurrent)\s+)?(?:af\b|afib|a-fib|atrial (?:fibrillation|flutter)|svt\b|"
                                           r"arrhythmi\w*|ventricular tachycardia|vt\b)|(?:房颤|心律失常|房扑|室上速)[^，。？?]{0,4}(?:射频|消融)", re.I),
     "tumour-ablation"),
    # an RF ablation of a tumour (osteoid osteoma, a vertebral metastasis: "椎体转移瘤先做射频消融再打骨水泥") is oncology's or
    # interventional radiology's, not a nerve ablation of ours (unless a nerve target of ours is named beside it)
    ("radiofrequency-ablation", lazy(r"^(?![\s\S]*(?:facet|medial branch|\bMBB\b|sacroiliac|\bSIJ?\b|lateral branch|genicular|"
                                           r"occipital|denervation|\b(?:lumbar|thoracic|cervical|sacral) (?:rf|rfa|radiofrequency)|"
                                           r"小关节|内侧支|骶髂|关节突|脊神经后支|外侧支|(?:腰椎|胸椎|颈椎)(?:射频|RFA)))"
                                           # (the tumour is what is ablated, not the patient's history: "RFA of an osteoid osteoma",
                                           # "转移瘤射频消融"; not "lumbar RFA in a patient with metastatic cancer")
                                           r"(?=[\s\S]*(?:(?:ablat\w*|\brfa?\b|radiofrequency)\W+(?:\w+\W+){0,3}?(?:osteoid|tumou?rs?\b|metasta\w*|cancer|carcinoma)|"
                                           r"(?:osteoid osteoma|tumou?r|metasta\w*|cancer|carcinoma)\W+(?:\w+\W+){0,2}?(?:ablat\w*|\brfa?\b|radiofrequency)|"
                                           r"(?:骨样骨瘤|转移瘤|肿瘤|转移灶|肺癌|肝癌)[^，。？?]{0,8}(?:射频|消融)|(?:射频|消融)[^，。？?]{0,4}(?:骨样骨瘤|转移瘤|肿瘤|转移灶|肺癌|肝癌)))", re.I),
     "tumour-ablation"),
    # the INR a warfarin patient is kept at ("what INR range should I target for a mechanical mitral valve?", 机械瓣INR控制在
    # 多少) is cardiology's; the INR checked before something (a threshold asked), or beside a procedure of ours
    # (`_ours_beside`), is not
    ("inr", lazy(r"^(?![\s\S]*(?:\bbefore\b|\bprior to\b|\bprocedur|\bsafe\b|\bok(?:ay)?\b|\bacceptable\b|术前|前))"
                       r"(?=[\s\S]*(?:\b(?:target|goal|therapeutic)\s+(?:inr|range)|\binr\s+(?:target|goal|range)|\bwhat inr\b|"
                       r"inr\s*(?:目标|控制在|维持在|要求)|(?:目标|控制|维持)\s*inr))"
                       # (for the condition it is kept for: a valve, AF, a clot)
                       r"(?=[\s\S]*(?:valve|\bAF\b|a-?fib|atrial fib|\bDVT\b|\bVTE\b|\bPE\b|thrombo|embol|机械瓣|瓣膜|房颤|血栓|栓塞))", re.I),
     "inr-target"),
    # how long a ward cannula stays in, when it is changed ("病房静脉留置针一般多久换一次", "how often should a ward IV cannula be
    # changed?") is nursing care in general; the IV access kept for a procedure is ours
    ("iv-access", lazy(r"(?:多久|多长时间|几天)[^，。？?]{0,4}(?:换|更换)|(?:换|更换)[^，。？?]{0,4}(?:多久|几天)|留(?:几天|多久)|静脉炎|"
                             r"\bhow (?:often|long)\b[^.?]{0,40}\b(?:chang|replac|re-?sit|stay|left in|dwell)\w*|\bdwell time\b|\bphlebitis\b", re.I),
     "iv-cannula-care"),
    # how long a stented patient stays on dual antiplatelet therapy ("急性心梗PCI术后双抗要用多久？", "how long should DAPT continue
    # after PCI?") is cardiology's; the antiplatelets held or kept before something of ours are not
    ("antiplatelet", lazy(r"^(?![\s\S]*(?:\bbefore\b|\bprior to\b|\bprocedur|\bstop|\bhold|\bheld\b|\boff\b|\bsafe\b|\binjection|"
                                r"\bblock\b|\bdo (?:it|the|her|his)\b|术前|[之以]?前|停|暂停|注射|阻滞|能做|可以做))"
                                r"(?=[\s\S]*(?:\bhow long\b|\bduration\b|\bfor how many (?:months|years)\b|多久|多长时间|疗程|几个月|几年))"
                                r"(?=[\s\S]*(?:\bPCI\b|\bstents?\b|\bstenting\b|\bDES\b|\bMI\b|\bACS\b|coronary|支架|心梗|冠脉|冠心病))", re.I),
     "dapt-duration"),
    # a BMI of 30 or more is obesity, not the low body weight that upgrades a bleeding class ("BMI 48 pt for facet RFA")
    ("body-weight", lazy(r"(?<![A-Za-z])BMI\s*(?:of|=|:|is)?\s*(?:[3-9]\d)(?!\d)|体重指数\s*[3-9]\d", re.I), "obesity"),
    # a skin burn asked after a long fluoroscopy time is the X-ray beam's, not the RF pad's ("long fluoro time … worry about
    # skin burns?"), unless the pad is named
    ("dispersive-pad-burn", lazy(r"^(?![\s\S]*(?:\bpad\b|grounding|dispersive|return electrode|负极板|电极板))"
                                       r"(?=[\s\S]*(?:\blong\b|prolonged|\d+\s*min\w* of fluoro|fluoro(?:scopy)? time|\bmGy\b|\bGy\b|"
                                       r"radiation dose|skin dose|透视时间|剂量|时间(?:很|太)?长))", re.I), "radiation-injury"),
    # a pulmonary embolism asked beside cement is the cement embolism ("骨水泥注入多少毫升以上肺栓塞风险会增加")
    # (not a clot the patient had before and is treated for: "PE 6 wks ago, on apixaban … kyphoplasty next week")
    ("pulmonary-embolism", lazy(r"^(?!" + _PE_HAD + r")"
                                      r"[\s\S]*?(?:\bcement|PMMA|vertebroplast|kyphoplast|(?<![A-Za-z])P[VK]P(?![A-Za-z])|骨水泥|椎体成形|后凸成形)", re.I),
     "pulmonary-cement-embolism"),
    # a pulmonary embolism the patient had and is anticoagulated for is a venous thromboembolism (its timing decides when a
    # high-risk procedure can be done), not a complication asked ("PE 6 wks ago, now on apixaban", 3个月前肺栓塞)
    ("pulmonary-embolism", lazy(_PE_HAD, re.I), "vte"),
    # an infection being treated elsewhere (a UTI, a pneumonia) before a procedure still to come is an active infection, a
    # reason to wait ("UTI on cipro day 2, SCS trial tomorrow - proceed?"); not cellulitis at the pocket, wound or puncture
    # site of one already done (that is the procedure's own infection)
    ("general-infection-treatment", lazy(r"^(?![\s\S]*(?:pocket|incision|wound|puncture site|entry site|囊袋|切口|穿刺点|伤口|穿刺部位))"
                                               r"(?=[\s\S]*(?:\btomorrow\b|\btmrw\b|\bnext week\b|\bplanned\b|\bscheduled\b|\bbooked\b|"
                                               r"\bdue\b|\bthis (?:afternoon|aft|pm|morning)\b|\blater today\b|明天|下周|计划|准备做|拟行|预约|"
                                               r"\btoday\b|\bpre-?op\b|\bproceed\b|\bgo ahead\b|"
                                               r"下午的|上午的|今天的|今天做|待会|取消|推迟|延期|术前|还做不做|能做吗|能不能做))" + _TREATED, re.I), "active-infection"),
    # and a bloodstream infection after a procedure of ours is that procedure's infection ("bloodstream infection 2 weeks
    # after intrathecal pump implant - explant?", 泵植入后菌血症), not an infection treated elsewhere
    ("general-infection-treatment", lazy(r"\b(?:after|following|since|post)[- ](?:the |her |his |an? )?(?:\w+[ -]){0,3}?"
                                               r"(?:implant\w*|pump|stimulator|scs|drg|esi|tfesi|ilesi|injection|block|procedure|"
                                               r"kyphoplasty|vertebroplasty|discogra\w*|rfa|trial)\b|(?:植入|注射|阻滞|术|操作|穿刺)(?:术)?后", re.I),
     "infection"),
    # so is a fever told before a procedure still to come ("temp in pre-op is 38.3 - proceed?", "术前体温38.5，今天能做吗")
    ("fever", lazy(r"^(?![\s\S]*(?:pocket|incision|wound|puncture site|entry site|\b(?:after|following) (?:the |her |his |an? )?\w+|"
                         r"\bsince (?:the|her|his) (?:procedure|injection|block|implant|trial|surgery|\w*esi|rfa|mbb)\b|\bpost-?(?!op\b)\w+|"
                         r"\b(?:days?|weeks?) (?:after|post|later|following)\b|囊袋|切口|穿刺点|伤口|穿刺部位|术后|[做打]完|之后))" +
                         r"(?=[\s\S]*(?:\btomorrow\b|\btmrw\b|\bnext week\b|\bplanned\b|\bscheduled\b|\bbooked\b|\bdue\b|"
                         r"\btoday\b|\bpre-?op\b|\bproceed\b|\bgo ahead\b|\bcancel\b|\bpostpone\b|明天|下周|计划|准备做|拟行|预约|术前|"
                         r"下午的|上午的|今天的|今天做|待会|取消|推迟|延期|能做吗|能不能做|还做不做|" + _STILL_ASK.pattern + r"))", re.I),
     "active-infection"),
    # how long after the stent the antiplatelet goes on ("冠脉支架术后多久可以停氯吡格雷？", "how long after a DES before plavix
    # can be stopped?") is cardiology's duration of therapy, not a hold before a pain procedure
    ("coronary-stent", lazy(r"(?:支架|PCI)[^，。？?]{0,4}(?:术后|后)(?:多久|多长时间|几个月|多少个月|多少天)(?:可以|能|才能|才可以)?(?:停|减)|"
                                  r"\bhow long (?:after|following) (?:a |an |the |his |her )?(?:stent\w*|DES|BMS|PCI)\b", re.I),
     "dapt-duration"),
    # an LP done for the CSF ("needs LP for diagnostic CSF") is neurology's diagnostic tap, not a pain procedure
    ("lumbar-puncture", lazy(r"diagnos|\bCSF (?:analysis|sample|studies|studys|exam|cytology)|for (?:the )?CSF|work-?up|"
                                   r"(?-i:\bSAH\b)|subarachnoid (?:haemorrhage|hemorrhage|bleed)|xanthochrom|蛛网膜下腔?出血|"
                                   r"meningitis|multiple sclerosis|(?-i:\bMS\b)|neurolog\w*|\bneuro (?:is |are )?ask\w*|诊断|脑脊液(?:检查|化验|检测|送检)|查脑脊液|"
                                   r"神经内科|多发性硬化|神内|神经科|\bIIH\b|intracranial hypertension|\bneuro (?:sho|reg|registrar|team|fellow|resident)\b|"
                                   r"颅内高压", re.I), "diagnostic-lumbar-puncture"),
)


# Asked whether a patient with an implant may have an MRI ("can he get an MRI?", "能做核磁吗", "MRI safe?").
IMPLANT_SCAN = "implant-mri-conditions"
_IMPLANTS = frozenset({"spinal-cord-stimulation", "drg-stimulation", "peripheral-nerve-stimulation", "intrathecal-pump", "ipg",
                       "implantable-device"})
_IT_PUMP, _IDD = "intrathecal-pump", "intrathecal-drug-delivery"
# (a pump as a thing, after a determiner, not one of another kind, nor the verb: "pump it in", 持续泵入, 微泵)
_BARE_PUMP = lazy(r"\b(?:a|an|the|his|her|their|this|that|with|for|and|or|vs|versus)\s+pumps?\b(?! inhibitor)|"
                        r"(?<!胰岛素)(?<!镇痛)(?<!输液)(?<!注射)(?<!微量)(?<!球囊)(?<!质子)(?<!PCA)(?<!营养)(?<!肝素)(?<!止痛)(?<!持续)(?<!静脉)"
                        r"(?<!微)(?<!推)(?<!用)泵(?![入注速推压抑])", re.I)
_OTHER_PUMP = lazy(r"\b(?:insulin|pca|pcia|pcea|infusion|balloon|chemo(?:therapy)?|feeding|syringe|lvad|ketamine|heparin|analgesia)\s*-?\s*pumps?\b|"
                         r"\blvad\b|胰岛素\s*泵|镇痛\s*泵|止疼\s*泵|止痛\s*泵|化疗\s*泵|输液\s*泵|注射\s*泵|PCA\s*泵|PCIA\s*泵|营养\s*泵|肝素\s*泵", re.I)
# a scan needed now, for something suspected ("needs an urgent lumbar MRI for suspected cauda equina"): its work-up
_POINTS_BACK_ASK = lazy(r"\s*(?:is (?:that|it|this)|can (?:he|she|they|we)|ok(?:ay)?\b|safe\b|这样|能做吗|可以吗|安全吗)", re.I)
_SCAN_SAFE_ASK = lazy(r"\b(?:is it|is that|is this|it'?s) (?:safe|ok|okay) to (?:scan|mri|image|put (?:him|her|them) in)\b|"
                      r"\bsafe (?:to scan|for (?:an? )?MRI|in the scanner|in the magnet)\b|\bMRI[- ](?:safe|compatible|conditional)\b|"
                      r"(?:核磁|磁共振|MRI)[^。？?]{0,6}(?:安全吗|能做吗|可以做吗|能不能做|能直接做|直接做吗|能进吗|能不能进)|能(?:不能)?(?:直接)?做(?:核磁|磁共振|MRI)|"
                      # ("radiology asking if she can even go in the MRI with the stimulator in")
                      r"\b(?:can|could) (?:she|he|they|the patient|the pt|pt) (?:even |still |safely )?go (?:in|into) (?:the |an )?(?:MRI|scanner|magnet)\b", re.I)
_URGENT_SCAN = lazy(r"\b(?:urgent|urgently|emergency|emergent|stat|suspected|suspicion|rule out|r/o|query)\b|急诊|紧急|急查|怀疑|疑似|排除", re.I)
_MAY_SCAN = lazy(r"\b(?:can|could|may|should) (?:he|she|they|the patient|the pt|pt|we|i|you) (?:still )?(?:get|have|undergo|go for|"
                       r"do|book|order|scan)\b|"
                       # ("can a patient with a spinal cord stimulator have an MRI scan?", "can patients with pumps get MRIs?")
                       r"\b(?:can|could|may) (?:an? |the |my |our )?(?:patients?|pts?|people|someone|anyone)\b[^.?]{0,60}?\b(?:get|have|undergo|go for)\b|\b(?:if|whether) (?:he|she|they|the patient|the pt|pt) (?:can|could|may) (?:still )?(?:get|have|undergo|go for)\b|\b(?:safe|allowed|ok|okay|contraindicated|contra-?indication|clear[ae]nce|cleared|conditional|compatible)\b|"
                       r"\bneeds? (?:an? )?(?:[\w-]+ ){0,3}?(?:MRI|MR|scan)\b|\bgoing for (?:an? )?(?:[\w-]+ ){0,3}?(?:MRI|scan)|\b(?:booked|scheduled|listed|referred) for (?:an? )?(?:[\w-]+ ){0,3}?MRI|"
                       r"what (?:do|should) (?:i|we) (?:need to )?check|\bsend(?:ing)? (?:him|her|them|the patient|the pt|pt) (?:for|to)\b|"
                       r"能(?:不能)?(?:直接)?做|可以(?:直接)?做|能否做|能不能做|可不可以做|能进|安全吗|禁忌|(?:要|想)做.{0,4}(?:核磁|磁共振|MRI)|需要(?:做)?.{0,4}(?:核磁|磁共振|MRI)|"
                       # (what to see to before the scan: "SCS病人MRI前要注意什么", "anything to do before his MRI?")
                       r"(?:核磁|磁共振|MRI)\s*(?:检查)?(?:前|之前).{0,4}(?:注意|准备|处理)|\bbefore (?:an? |the |his |her )?MRI\b", re.I)

def _reference_region_dropped(part: Part) -> Part:
    """"颈椎内侧支RFA跟腰椎比有什么特别的风险？", "what's different about cervical RFA compared with lumbar?": the region
    compared with is the reference; what is special about the other region is asked (its own risks, not the lumbar
    series' figures)."""
    m = _REFERENCE_REGION.search(part.text)
    if not m or not _SPECIAL.search(part.text):
        return part
    word = (m.group(1) or m.group(2)).lower()
    ref = _REGION_WORD[next(k for k in _REGION_WORD if word.startswith(k))]
    # (the other region named by the part: its region, or a procedure at it, "cervical medial branch")
    others = {_AT_REGION.get(c, c) for c in part.concepts} & REGIONS - {ref}
    if ref not in part.concepts or not others:
        return part
    return replace(part, concepts=tuple(c for c in part.concepts if c != ref))


_AT_REGION = {"cervical-procedure": "cervical-spine", "thoracic-procedure": "thoracic-spine"}
_REGION_WORD = {"cervical": "cervical-spine", "thoracic": "thoracic-spine", "lumbar": "lumbar-spine", "sacral": "sacrum",
                "颈": "cervical-spine", "胸": "thoracic-spine", "腰": "lumbar-spine", "骶": "sacrum"}
_REFERENCE_REGION = lazy(r"\b(?:compared (?:with|to)|relative to|than|versus|vs\.?)\s+(?:a |an |the |at |in )?(cervical|thoracic|lumbar|sacral)\b|"
                               r"(?:跟|和|与|同|相对于|相较于)\s*(颈|胸|腰|骶)(?:椎|段|部)?(?:的)?\s*(?:相比|比较|比起来|比)", re.I)
_SPECIAL = lazy(r"\b(?:special|different|extra|additional|unique|specific|particular)\b|特别|特殊|额外|另外的|独特|特有", re.I)


_MOVED_AS_CAUSE = lazy(r"\b(?:since|after|while|when) (?:she|he|they|the (?:patient|pt)|pt) (?:was |were )?(?:bending|twisting|lifting|reaching)|"
                       r"\b(?:since|after) (?:bending|twisting|lifting|reaching)|(?:弯腰|搬东西|扭了|抬重物)(?:[^，。？?]{0,6})?(?:以后|之后|后)", re.I)
BLOOD_GLUCOSE, STEROID_HYPERGLYCAEMIA = "blood-glucose", "steroid-hyperglycaemia"
_GLUCOSE_HIGH = lazy(r"(?:血糖|指尖糖|\bglucose|\bsugars?|\bBMs?\b|\bBSL\b|\bCBG\b|\bBG\b)(?:\s*(?:is|was|of|=|:|：|测的是|测了|是|到了?|高达|\d+\s*点测的是))?\s*"
                     r"(?:(?<![\d.])(?:1[1-9]|[2-3]\d)(?:\.\d)?(?![\d.])(?!\s*(?:mg|点|时|:|am|pm|h\b|hrs?\b|小时|分|days?|天))|"
                     r"(?<![\d.])[2-5]\d\d(?!\d)(?!\s*(?:点|时|:)))", re.I)


def _without_movement_told(parts: tuple[Part, ...], concepts: tuple[str, ...]) -> tuple[Part, ...]:
    """The parts without the movement the question told as what brought the complication on (see `_with_compounds`)."""
    if _MOBILISATION in concepts:
        return parts
    return tuple(replace(p, concepts=tuple(c for c in p.concepts if c != _MOBILISATION)) for p in parts)


def _compounds_told(parts: tuple[Part, ...], concepts: tuple[str, ...]) -> tuple[Part, ...]:
    """A one-part question keeps the compound its words make (the baclofen inside "intrathecal baclofen pump" with "runs
    empty": baclofen withdrawal), which the part's own matches may not."""
    made = {out for _, _, out in _COMPOUNDS} & set(concepts)
    if len(parts) != 1 or not made - set(parts[0].concepts):
        return parts
    return (replace(parts[0], concepts=tuple(dict.fromkeys((*parts[0].concepts, *sorted(made))))),)


def _scan_parts(parts: tuple[Part, ...], concepts: tuple[str, ...]) -> tuple[Part, ...]:
    """"pt has an SCS - can he get an MRI? and the infection rate?": the part that asks for the scan asks the device's MRI
    labelling (not covered); the other part is still answered."""
    if IMPLANT_SCAN not in concepts or len(parts) < 2:
        return parts
    # (a part naming nothing of its own after it, "what do i do with the device", asks about the device in that scan too)
    return tuple(replace(p, concepts=tuple(dict.fromkeys(IMPLANT_SCAN if c == "mri" else c for c in p.concepts)))
                 if "mri" in p.concepts and _SCAN_NAMED.search(p.text) else
                 replace(p, inherited=tuple(dict.fromkeys(IMPLANT_SCAN if c == "mri" else c for c in p.inherited)))
                 if not p.concepts and "mri" in p.inherited else p for p in parts)


_SCAN_NAMED = lazy(r"MRI|\bMR\b|\bscan|核磁|磁共振", re.I)
# where one sentence of a message ends and the next begins (an ask mark, a full stop, a semicolon)
_SENTENCE_END = lazy(r"(?<=[?？。!！;；])\s*|(?<=\.)\s+")
# imaging that plans an implant ("MRI before the SCS trial"), not a scan of a patient who has one ("before sending him")
_PRE_IMPLANT = lazy(r"\b(?:before|prior to) (?:the |an? |his |her |their )?(?:implant\w*|trial|placement|surgery|procedure|leads?|"
                          r"SCS|stimulator|pump|IPG)\b|\bpre-?(?:implant|op|procedure)|术前|植入前|植入之前|手术之前", re.I)


_EITHER = {"en": lazy(r"\bor\b|\bvs\.?\b|\bversus\b", re.I), "zh": lazy(r"还是|或者|或")}
_WEIGHT = lazy(r"\d+(?:\.\d+)?\s*(?:kg|kgs|公斤|千克|斤)|\bweighs?\b|体重", re.I)


# How often a procedure may be repeated ("how many per year?", "一年最多几次？").
_REPEATS = lazy(r"\b(?:per|a|each) year\b|how many (?:injections|shots|times|blocks)|how often can|"
                      r"一年|每年|几次|多少次|间隔多久", re.I)
# Concepts that are the ask itself when named: "how long does relief last after an RFA?" is about the procedure's effect,
# "PLDD适应症是啥？" about its indications, "what temperature for a lumbar RF?" about its settings, "PVP术后多久下地？" about
# getting up after it, which a safety knowledge base mostly lacks; without a passage on it the part
# is not answered, whatever else matches.
ESSENTIAL = frozenset({"efficacy", "indication", "rf-lesion-settings", "mobilisation", "false-positive-block", "placement-accuracy",
                       "repeat-injection-limit", "trial-duration", "patient-selection", "wound-care", "fasting",
                       "causative-organism", "discharge-readiness", "opioid-conversion", "patient-radiation-dose",
                       "pump-drug-interruption"})
# Patients a question may be about whom the sources rarely single out (a breastfeeding mother, a child): named, the
# answer must be about them; a passage on the procedure or drug for adults in general does not answer it.
POPULATIONS = frozenset({"breastfeeding", "paediatric"})
# Asks a question names only by their topic: "consent risks for a lumbar RFA - what do you list?" asks the harms to
# disclose, "what premedication should she get?" the prevention.
TOPIC_ASKS = {"informed-consent": ("complications",), "premedication": ("prevention",), "antibiotic-prophylaxis": ("prevention",),
              "operating-room-standard": ("prevention",),  # (what kind of room an implant needs: its infection-prevention standard)
              "needle-design": ("prevention",)}  # ("which needle for a TFESI?": the needle that keeps the harm away)
# ... and asked whether this patient needs it ("shellfish allergy - do I need to premedicate?"): first whether her history is
# a risk factor for a reaction, then the regimen
_NEED_ASKS = {"premedication": ("risk_factors", "prevention"), "antibiotic-prophylaxis": ("evidence", "prevention")}
_NEED = {"en": lazy(r"\b(?:do|does|should|must|would) (?:i|we|she|he|they|the patient|the pt|pt|it) (?:\w+ )?(?:need|require)|"
                          r"\bis (?:\w+ )?(?:needed|necessary|required|indicated)|\bany need\b|"
                          r"(?:^|[.;,:—–-]\s*)(?:still )?needs? (?:to |any |a )?\w+[^.;?]{0,30}\?", re.I),
         "zh": lazy(r"需要.{0,12}吗|需不需要|要不要|是否需要|用不用|有必要|必须.{0,8}吗")}
# The same ask about another procedure ("and for a medial branch block?", "那射频呢？", "换成骶髂关节注射呢").
_SWAP = {"en": lazy(r"^\s*(?:and\s+|ok\s+|so\s+)?(?:and|what|how)\s+(?:about|for|with|if)\b|^\s*same (?:for|with)\b|"
                         r"\binstead\b(?:\s+of\s+(?:the\s+|a\s+|an\s+)?[\w-]+)?\s*\??\s*$", re.I),
         "zh": lazy(r"^\s*(?:那|那么)?.{0,20}呢[？?]?\s*$|^\s*(?:那|那么)[^，。？?]{1,20}呢[，,、]|换成|改成|改做|如果是.{0,20}(?:呢|的话)")}
# The agent to use in place of the one told ("what should we have injected instead", 当时应该换什么药).
AGENT_INSTEAD = {"en": lazy(r"\bwhat (?:\w+ )?(?:should|could|would|do|can) (?:i|we|you|they) (?:have )?(?:use|used|inject|injected|give|given|choose|chosen)\b"
                             r"(?=[^.?]{0,30}\b(?:instead|in its place|rather)\b)", re.I),
                  "zh": lazy(r"(?:应该|该|本应|可以|能)?(?:换|改用|换成|改成)(?:用)?什么(?:药|激素)?|(?:当时|本来|本应)(?:应该|该)?(?:用|打|注射)什么(?:药|激素)?")}
_LEVELS, AUGMENTATION, MAXIMUM_DOSE = "multiple-levels", "vertebral-augmentation", "maximum-dose"
LOCAL_ANAESTHETIC, LIPID_EMULSION = "local-anaesthetic", "lipid-emulsion"
EPINEPHRINE = "epinephrine"


def _apart_asked(t: str, own: tuple[str, ...], inherited: tuple[str, ...], lex: Mapping[str, Concept], later: bool) -> tuple[str, ...]:
    """A later part asking what sets two drugs or classes it names apart ("…骶管能用吗，另外颗粒型和非颗粒型到底有什么区别")
    takes nothing from the part before: the difference is the same whatever route that part asked about."""
    return () if later and _DIFFERENCE.search(t) and sum(lex[c].kind in _DRUGLIKE for c in own) >= 2 else inherited


# what sets two things apart, asked ("what's the difference between…", 有什么区别)
_DIFFERENCE = lazy(r"\bdifference between\b|\bwhat(?:'s| is) the difference\b|\bhow (?:do|does) (?:they|it|\w+) differ\b|"
                   r"(?:有|有啥|有什么|是什么|什么)区别|区别(?:是什么|在哪|在哪里)|有何不同|有什么不同", re.I)
# adrenaline's own dose asked ("and with epinephrine - how much IM?") or the pictures it is given for in its own right
_OWN_ADRENALINE = {"en": lazy(r"\bIM\b|intramuscular|\bIV\b|bolus|\bmcg\b|micrograms?|anaphyla|arrest|\bACLS\b|\bCPR\b|test dose", re.I),
                   "zh": lazy(r"肌注|肌内|静推|静注|推注|过敏|骤停|心肺复苏|试验剂量")}
_ADRENALINE_GIVEN = frozenset({"anaphylaxis", "allergic-reaction", "contrast-allergy", "cardiac-arrest", "last", "test-dose", "acls"})
# adrenaline added to the local anaesthetic asked before ("with adrenaline?", "加肾上腺素呢", 含肾上腺素的呢)
_WITH_ADDED = {"en": lazy(r"^\W*(?:and |what about |how about |(?:and |so )?what if |and if )?(?:(?:it's |it is |its )?(?:with|plus|\+) |(?:if )?(?:we |i )?add(?:ing)? )(?:some )?(?:adrenaline|epinephrine|adrenalin|epi)\b", re.I),
               "zh": lazy(r"^\W*(?:那|如果)?(?:是)?(?:加|含|加了|含有|带|配)(?:上)?肾上腺素")}
RESCUE_DRUGS = frozenset({"naloxone", LIPID_EMULSION})  # a picture's rescue drugs (never what is prevented or capped later)
# A ceiling looked back on ("the max dose we should have stayed under", 当时最多应该打多少).
_STAYED_UNDER = {"en": lazy(r"\bshould (?:(?:i|we|you|they) )?(?:have|'ve) (?:stayed|kept (?:it )?|been) (?:under|below|within)\b|\bshould not have (?:gone|exceeded)\b", re.I),
                 "zh": lazy(r"(?:当时|本来|本应)[^，。？?]{0,8}(?:最多|不超过|上限)|本不该超过|应该控制在多少")}
_DOSE_CUT = frozenset({"radiation-safety", "occupational-exposure", "pulsed-fluoroscopy"})  # the dose and how to cut it (pulsed mode)
IMAGING = _IMAGING = frozenset({"mri", "ct", "ct-myelography", "ct-pulmonary-angiography", "chest-x-ray", "lung-ultrasound"})  # scans (not the guidance a procedure is done under)
_DEFICIT_SIGNS = frozenset({"weakness", "numbness", "paraesthesia", "urinary-retention"})  # a late sign told
_PUMPS = frozenset({"intrathecal-pump", "intrathecal-drug-delivery"})
_GRANULOMA = "catheter-tip-granuloma"
# a picture that came on over weeks or years of therapy ("x6 yrs", "over weeks", 用了4年)
_CHRONIC = lazy(r"\bx\s*\d+\s*(?:years?|yrs?|months?|mos)\b|\b(?:for|over) (?:the (?:last|past) )?(?:\d+ |a few |several )?(?:years?|yrs?|months?|weeks)\b|"
                      r"\b\d+\s*(?:years?|yrs?|months?)\b(?!\s*(?:old|ago))|(?:用了|装了|植入)\s*[\d一二三四五六七八九十几两半]+\s*(?:年|个月)|"
                      r"[\d一二三四五六七八九十几两半]+\s*(?:年|个月)(?:了|来)|几周来|数周来|几个月来|最近几周", re.I)  # scans (not the guidance a procedure is done under)
_DRUGLIKE = frozenset({"drug", "brand", "drug-class"})
# Does this patient change the answer before? ("change anything?", "still OK?", "那要减量吗", "…的老太太呢？")
_ADJUST = {"en": lazy(r"\b(?:change|changes|adjust\w*|differen\w*|modif\w*|reduce|lower|still (?:ok|okay|fine|safe|the same)|"
                            r"what (?:about|if)|how about|any (?:difference|change)|(?:does|would|will) (?:that|this|it) matter)\b", re.I),
           "zh": lazy(r"调整|改变|减量|加量|有什么不同|有区别|要不要改|还能|还可以|还行|有(?:没有)?关系|有影响|影响大(?:吗|不)|呢[？?]?\s*$")}
_AND_IF = lazy(r"^\s*(?:and|but|so)\s+if\b", re.I)
# "is that low risk?", "算低风险操作吗": the procedure's bleeding-risk class is asked (the concept that names the class)
CLASS_ASK = "bleeding-risk"
_CLASS_WORDS = lazy(
    r"\b(?:is|isn't|are|'s) (?:that|this|it|these|they|the (?:procedure|injection|block))\s+(?:a |an |still |considered (?:a |an )?)?"
    r"(?:low|intermediate|medium|moderate|high)[- ]risk\b(?!\s+(?:of|for)\b)|"
    r"(?:算|属于|是不是|算不算|是)(?:低|中|中等|高)(?:出血)?风险(?:操作|类|的)?(?:吗|呢|？|\?)", re.I)
# The concept each compound is built on (a sentence naming only that, the patient's pregnancy, is about someone else).
COMPOUND_BASE = {out: need for need, _, out in _COMPOUNDS}


# blood lipids, not the lipid emulsion of local anaesthetic toxicity
_LIPID_LOWERING = lazy(r"\bhigh (?:blood )?lipids?|lipid[- ]lowering|lipid (?:profile|panel|levels?|clinic)|hyperlipid|\bstatins?\b|"
                             r"cholesterol|血脂|降脂|高脂血", re.I)


# A temperature told in the febrile range ("temp in pre-op is 38.3 C", "T 38.5", "体温38.6") is a fever.
_FEVER_READING = lazy(r"(?:(?<!['’])\b(?:temp(?:erature)?|tmax|t max)\b[^\d.。，,;；]{0,25}?|(?<!['’])\bT\b\s*[:=]?\s*)"
                            r"(?<![\d.])(?:3[89]|4[01])(?:\.\d)?\s*(?:°\s*C?|℃|C\b|度)?(?!\s*(?:yo|y/o|years?|yrs?|mg|min|kg|minutes|mins)\b)(?![\d/])|"
                            r"体温[^\d。，,;；]{0,8}?(?:3[89]|4[01])(?:\.\d)?(?![\d/])(?!\s*岁)", re.I)


def _febrile(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """The question's concepts with fever when a febrile temperature is told (`_FEVER_READING`)."""
    return (*concepts, "fever") if "fever" not in concepts and _FEVER_READING.search(q) else concepts


def _compounds(q: str, concepts: Sequence[str]) -> list[tuple[str, str]]:
    """(concept, compound) pairs the question names by two words apart (see `_COMPOUNDS`)."""
    return [(need, out) for need, rx, out in _COMPOUNDS if need in concepts
            and rx.search(_with_pregnancy(q) if need == "pregnancy" else q)]


def _with_pregnancy(q: str) -> str:
    """The sentences that tell the pregnancy: a role word in another ask ("pregnant 10 wks, wants an SI joint injection -
    ok? also whats the dose limit for our staff?") makes no pregnant member of staff of the patient."""
    # (who is asking, said before a patient's pregnancy, "nurse here - pt says LMP 7 wks ago, urine hcg +ve", 我是护士，病人…怀孕:
    # the asker, not the pregnant one)
    # (not when the pregnancy is told before any patient: "我是护士，怀孕8周，病人做射频时我能进手术间吗？" is the nurse's)
    patient, pregnant = _PATIENT_WORD.search(q), _PREGNANT.search(q)
    q = _ASKER.sub(" ", q, count=1) if patient and (pregnant is None or patient.start() < pregnant.start()) else q
    told = [c for c in _SENTENCE_END.split(q) if _PREGNANT.search(c)]
    return " ".join(told) or q


_ASKER = lazy(r"^\s*(?:(?:hi|hello|hey)\b[\s,!.]*)?(?:[A-Za-z/ -]{0,20}?\b(?:nurse|radiographer|tech|technologist|registrar|resident|"
              r"fellow|pharmacist|PA|NP)\s+(?:here|speaking)\b|(?:this is|i'?m|i am) (?:the |a |an |your )?[A-Za-z/ -]{0,20}?"
              r"\b(?:nurse|radiographer|tech|technologist|registrar|resident|fellow|pharmacist)\b)\s*[.,:;!\-–—]*|"
              r"^\s*(?:你好[，,]?)?我是[^，。？?]{0,8}(?:护士|技师|医生|药师|住院医|进修医生)[，,：:。\s]", re.I)


_PREGNANT = lazy(r"pregnan|gestation|\d+\s*(?:wks?|weeks?)\s+(?:pregnant|gestation|along)\b|\b\d{1,2}/40\b|怀孕|妊娠|孕", re.I)


# "patch" alone ("patch now or wait?"), and a patch that is a drug's ("fentanyl patch", "lidocaine patch", 贴剂)
_PATCH = lazy(r"\bpatch(?:ed|ing|es)?\b|补片|补丁", re.I)
_DRUG_PATCH = lazy(r"\b(?:fentanyl|buprenorphine|butrans|durogesic|lidocaine|lignocaine|lidoderm|versatis|nicotine|"
                         r"capsaicin|qutenza|transdermal|hormone|estrogen|oestrogen|nitrate|nitro\w*|scopolamine|rivastigmine)\s+patch|"
                         r"贴剂|贴片|芬太尼贴|透皮", re.I)


# A blood pressure told in the hypertensive range (systolic 160 or more, or diastolic 100 or more: "BP 190/105 in the pre-op
# bay", 血压190/110) is hypertension, whether to proceed with it being the question; a low one is no finding of this kind.
_HIGH_PRESSURE = lazy(r"(?:\b(?:bp|blood pressure|b/p)|血压)[^\d.。;；]{0,15}?"
                            r"(?:(?:1[6-9]\d|2\d\d)\s*/\s*\d{2,3}|\d{2,3}\s*/\s*(?:1\d\d))(?!\d)", re.I)


THRESHOLD_ASK = lazy(r"多少(?:以上|以下)|(?:高于|低于|大于|小于|超过)多少|多少(?:才|就)(?:能|可以|安全|行)|\bcut-?off\b|\bthreshold\b|"
                           r"多少(?:才)?(?:需要|要|得|该)(?:处理|治疗|干预|用药)|\bat what (?:level|value|glucose|sugar|reading) (?:should|do|would|must) (?:i|we|you) (?:treat|act|intervene)\b|"
                           + _LEVEL_NEEDED + r"|\bwhat (?:count|level|value|number|inr|platelet count) is\b|"
                           r"\bhow (?:high|low) (?:does|do|should|must) (?:it|the)\b", re.I)


# Menopause told (停经20年, 绝经, postmenopausal, "LMP 20 yrs ago"): no pregnancy, whatever word named the periods
_MENOPAUSE = lazy(r"停经\s*\d+\s*年|停经(?:多|十|二十|几十)[^，。？?]{0,2}年|绝经|post-?menopaus\w*|\bmenopaus\w*|"
                        r"\b(?:lmp|last menstrual period)\b[^.,;?]{0,12}\b(?:yrs?|years?|decades?) ago", re.I)


def _menopausal(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """The question's concepts without pregnancy when menopause is told (`_MENOPAUSE`)."""
    return tuple(c for c in concepts if c != "pregnancy") if _MENOPAUSE.search(q) else concepts


_RECHECK = lazy(r"\brecheck\w*|\brepeat(?:ed)? (?:bp|reading|measurement|check)\b|\bafter (?:rest|resting|\d+ min\w*)|\bre-?measured\b|\bsecond reading\b|"
                      r"复测|再测|重测|复查血压|休息后", re.I)
_BP_WORD = lazy(r"\b(?:bp|blood pressure|b/p)\b|血压", re.I)
# A pressure told as the procedure's own ("TFESI后 pt 血压 190/100", "BP 200/110 after the injection", "post-RFA BP 190/100"):
# a rise the procedure caused (procedural hypertension, a complication rate), not the patient's hypertension before it.
_AFTER_PROCEDURE = (r"(?:\b(?:after|post|following|during)\b[- ]?(?:the |his |her |a |an |this )?(?:(?!knee|hip|shoulder|cardiac|heart|abdominal)[\w-]+ ){0,2}?"
                    r"(?:injection|procedure|block|tfesi|esi|ilesi|rfa|mbb|sgb|ablation|epidural|kyphoplasty|vertebroplasty|"
                    r"scs implant|scs trial)s?\b|(?:注射|阻滞|射频|消融|穿刺|TFESI|ILESI|ESI|RFA|MBB|SGB|PVP|PKP|EBP|硬膜外)\s*(?:术)?(?:后|中|之后|过程中))")
_PROCEDURE_PRESSURE = lazy(_AFTER_PROCEDURE + r"[^.?!。？！；;]{0,30}?(?:\b(?:bp|blood pressure)\b|血压)|"
                           r"\b(?:bp|blood pressure)\b[^.?!]{0,30}?" + _AFTER_PROCEDURE, re.I)


def _raised_by_procedure(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """The question's concepts with a high pressure told as the procedure's own (`_PROCEDURE_PRESSURE`) read as procedural
    hypertension in place of the patient's hypertension."""
    if "hypertension" not in concepts or "procedural-hypertension" in concepts or not _PROCEDURE_PRESSURE.search(q):
        return concepts
    return tuple("procedural-hypertension" if c == "hypertension" else c for c in concepts)


_READING = lazy(r"(?<![\d/])(\d{2,3})\s*/\s*(\d{2,3})(?![\d/])")


_CEMENTED = frozenset({"vertebroplasty", "kyphoplasty", "vertebral-augmentation", "bone-cement", "cement-leakage"})
# A density told in the lung after cement ("肺CT有个外周小的高密度影", "a small peripheral density in the lung"): cement there.
_LUNG_DENSITY = lazy(r"\b(?:lungs?|pulmonary|chest CT|CTPA)\b[^.;?]{0,40}\b(?:densit(?:y|ies)|hyperdens\w*|opacit(?:y|ies)|radio-?opaque)|"
                     r"\b(?:densit(?:y|ies)|hyperdens\w*|opacit(?:y|ies)|radio-?opaque)\w*[^.;?]{0,20}\b(?:in|within) (?:the |both |her |his )?(?:lungs?|pulmonary)|"
                     # (cement read on the pulmonary angiogram: "CTPA shows cement in a segmental PA branch")
                     # (not one read as absent, "CTPA … no cement", nor a vein filling on the table, "cement in the segmental vein")
                     r"\b(?:CTPA|CT ?PA|CT pulmonary angio\w*)\b[^.;?]{0,40}(?<!\bno )(?<!\bnot )(?<!\bwithout )\bcement\b(?! (?:seen|found|visible)? ?(?:was )?(?:not|absent))(?![^.;?]{0,30}\bveins?\b)|"
                     r"(?<!\bno )\bcement\b[^.;?]{0,30}\b(?:PAs?|pulmonary arter(?:y|ies))\b|"
                     r"(?:肺|CTPA)[^，。；？?]{0,12}(?:高密度|致密)影|CTPA[^，。；？?]{0,12}(?<!没看到)(?<!没看见)(?<!未见)(?<!没有)(?<!无)(?<!没见)(?:骨)?水泥|"
                     # ("CT看肺动脉里有几小段骨水泥")
                     r"肺动脉[^，。；？?]{0,8}(?<!没看到)(?<!没看见)(?<!未见)(?<!没有)(?<!无)(?<!没见)(?:骨)?水泥", re.I)


def _lung_cement(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """After vertebral augmentation, a density told in the lung is a pulmonary cement embolism."""
    if "pulmonary-cement-embolism" in concepts or not _CEMENTED & set(concepts) or not _LUNG_DENSITY.search(q):
        return concepts
    return (*concepts, "pulmonary-cement-embolism")


# which needle to use, asked of a procedure ("which needle for a TFESI?", "用什么针做TFESI比较安全？"): the needle's design;
# never a needle told as having done something ("which needle hit the vessel?"), nor a shot given (打的什么针)
_WHICH_NEEDLE = lazy(r"\b(?:which|what)\s+(?:kind of |type of |sort of )?needles?\b(?!\s+(?:hit|went|was|were|did|had|caused|got))"
                     r"|(?:用|选|选用|选择|该用|应该用)(?:什么|哪种|哪一种|哪类|哪个)(?:样的|类型的?)?(?:穿刺)?针(?!对)"
                     r"|(?:什么|哪种|哪一种)(?:穿刺针|针头)|(?:什么|哪种|哪一种)针(?:做|打|穿刺)", re.I)


def _needle_asked(q: str, concepts: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """Which needle to use for a needle-through-the-spine procedure named (an epidural, a neuraxial or intrathecal one),
    with no harm told, or with the harm it should keep away ("…to reduce the risk of headache?"): the needle's design is
    asked (the names "which needle" and 什么穿刺针 took other questions over as lexicon names, so only this ask adds it).
    A blood patch's needle, or a facet block's, is none of the design sentences' (they are the dural puncture's and the
    epidural injection's)."""
    lex = lexicon.concepts
    procs = [c for c in concepts if c in lex and lex[c].kind == "procedure"]
    if "needle-design" in concepts or not _WHICH_NEEDLE.search(q) or "epidural-blood-patch" in concepts \
            or not any(_NEEDLE_DESIGNED & set(lexicon.broader_closure([c])) for c in procs) \
            or (any(lex[c].kind in ("complication", "finding") for c in concepts if c in lex) and not _TO_KEEP_AWAY.search(q)):
        return concepts
    return ("needle-design", *concepts)  # (first: the needle is the focus of the ask, not the procedure)


_NEEDLE_DESIGNED = frozenset({"esi", "neuraxial-procedure", "intrathecal-drug-delivery", "dural-puncture", "lumbar-puncture"})
_TO_KEEP_AWAY = lazy(r"\b(?:reduce|avoid|prevent|lower|minimi[sz]e|less)\b|减少|避免|预防|降低|不容易|不易|少一些", re.I)


def _high_pressure(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """The question's concepts with hypertension when a blood pressure in its range is told (`_HIGH_PRESSURE`); when a
    recheck is told, the recheck's reading decides ("172/104 this morning, rechecked 150/90": the recheck is the pressure now)."""
    if "hypertension" in concepts or (start := _BP_WORD.search(q)) is None:
        return concepts
    recheck = _RECHECK.search(q, start.start())
    if recheck is None:  # (no recheck told: any reading in the range is the finding, "138/82 last visit, 186/112 today")
        told = [(int(a), int(b)) for a, b in _READING.findall(q[start.start():])]
        high = any(60 <= a <= 300 and 30 <= b < a and (a >= 160 or b >= 100) for a, b in told)
        return (*concepts, "hypertension") if high or _HIGH_PRESSURE.search(q) else concepts
    readings = [(int(a), int(b)) for a, b in _READING.findall(q[recheck.start():])]
    readings = [(a, b) for a, b in readings if 60 <= a <= 300 and 30 <= b < a]  # (not "pain 10/10")
    if not readings:
        return (*concepts, "hypertension") if _HIGH_PRESSURE.search(q) else concepts
    sys_bp, dia_bp = readings[0]  # the recheck's reading
    return (*concepts, "hypertension") if sys_bp >= 160 or dia_bp >= 100 else concepts


_SPINE_REGIONS = ("lumbar-spine", "thoracic-spine", "sacrum")


# a procedure done, booked or given ("can we still do", 还能打吗, 做完): the epidural is an injection, not the space
_DONE_WORDS = lazy(r"\b(?:do|doing|done|did|have|had|get|got|book\w*|schedul\w*|plan\w*|proceed|go ahead|after|post)\b|打|做|注射|封闭|后", re.I)


_AFTER_EPIDURAL = lazy(r"^(?![\s\S]*\b(?:labou?r|obstetric|childbirth|delivery|caesarean|c-section|birth)\b)[\s\S]*"
                       r"(?:\b(?:after|post|following)\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?epidurals?\b|\bthis epidural\b)(?!\s+(?:space|spaces))", re.I)


def _epidural_meant(q: str, concepts: tuple[str, ...], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """"Can we still do his lumbar epidural?", 今天的腰椎硬膜外还能打吗: the epidural space named at a spinal level as
    something done, with no procedure named, is the epidural steroid injection of pain practice (the level kept; a labour
    epidural is its own; "how deep is the lumbar epidural space?" stays the space)."""
    # (or told as what the patient had: "how common is that after epidurals?")
    if "epidural-space" not in concepts or not ((any(r in concepts for r in _SPINE_REGIONS) and _DONE_WORDS.search(q)) or _AFTER_EPIDURAL.search(q)) \
            or any(c in lex and lex[c].kind == "procedure" and (lex[c].scope == "in" or "steroid-cover" not in concepts) for c in concepts):
        # (another specialty's operation beside it is that operation's question, "…now needs a colonoscopy - how long to hold
        # clopidogrel?"; unless the steroid cover for it is asked: "两周前做了腰椎硬膜外 … 明天髋关节置换 需要激素覆盖吗")
        return concepts
    return tuple("esi" if c == "epidural-space" else c for c in concepts)


def _blood_patch(q: str, concepts: tuple[str, ...], around: Sequence[str] = ()) -> tuple[str, ...]:
    """"Patch now or wait?" beside a wet tap or its headache (in the question, the part before or the turns before) is
    the epidural blood patch; never a patch that is a drug's (a fentanyl or lidocaine patch)."""
    if not _PATCH.search(q) or _DRUG_PATCH.search(q) or "epidural-blood-patch" in concepts:
        return concepts
    if not {*concepts, *around} & {"pdph", "dural-puncture", "csf-leak", "intracranial-hypotension"}:
        return concepts
    return (*concepts, "epidural-blood-patch")


# A finding that, beside a concept of the question or the turn before, is a complication of ours: a headache after a
# dural puncture is the post-dural puncture headache ("wet tap in the SCS trial" - "day 3 of headache despite caffeine").
# (not beside a concept of `unless`)
_READ_AS: tuple[tuple[str, frozenset[str], str, frozenset[str]], ...] = (
    ("headache", frozenset({"dural-puncture", "epidural-blood-patch"}), "pdph", frozenset()),
    # "DRG vs SCS" weighs the DRG stimulator against the spinal cord stimulator, not the ganglion (unless another
    # procedure is aimed at it: "pulsed RF of the DRG vs SCS")
    ("dorsal-root-ganglion", frozenset({"spinal-cord-stimulation", "neuromodulation", "peripheral-nerve-stimulation"}), "drg-stimulation",
     frozenset({"pulsed-radiofrequency", "radiofrequency-ablation", "peripheral-nerve-block", "selective-nerve-root-block"})),
    # a pulmonary embolism asked after a turn on cement ("骨水泥渗漏发生率多少" - "那肺栓塞呢"): the cement embolism
    ("pulmonary-embolism", frozenset({"vertebroplasty", "kyphoplasty", "vertebral-augmentation", "cement-leakage"}),
     "pulmonary-cement-embolism", frozenset({"vte"})),
)


def _read_as(concepts: tuple[str, ...], subjects: tuple[str, ...], parts: tuple[Part, ...], ctx: tuple[str, ...]
             ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Part, ...]]:
    """The question's concepts, subjects and parts with each finding read as the complication it is there (`_READ_AS`)."""
    for finding, beside, complication, unless in _READ_AS:
        if finding not in concepts or complication in concepts or not beside.intersection(concepts + ctx) or unless.intersection(concepts):
            continue

        def swap(cs: tuple[str, ...], finding: str = finding, complication: str = complication) -> tuple[str, ...]:
            return tuple(dict.fromkeys(complication if c == finding else c for c in cs))
        concepts, subjects = swap(concepts), swap(subjects)
        parts = tuple(Part(p.text, swap(p.concepts), p.aspects, p.inherited, p.terms) for p in parts)
    return concepts, subjects, parts


def _procedure_names(matches: Sequence[Match], lex: Mapping[str, Concept]) -> list[tuple[int, int]]:
    """Where the question names a procedure."""
    return [(m.start, m.end) for m in matches if lex[m.concept].kind == "procedure"]


def _pictured(matches: Sequence[Match], lex: Mapping[str, Concept]) -> bool:
    """Does the question tell a picture (a finding or a complication named)?"""
    return any(lex[m.concept].kind in ("finding", "complication") for m in matches)


def _sign_names(matches: Sequence[Match], lex: Mapping[str, Concept]) -> list[tuple[int, int]]:
    """Where the question names a finding."""
    return [(m.start, m.end) for m in matches if lex[m.concept].kind == "finding"]


@lru_cache(maxsize=2048)  # (every pattern the tables build stays compiled: a miss recompiles a long one per question)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_EXCLUSION = lazy(r"(?:apart from|other than|besides|except(?: for)?|excluding|aside from|not counting|除了|除去|(?<!算)不算|(?<!包)不包括|排除|"
                        r"\bnot|\bisn't|\bno longer|\bwithout|\bnever|(?<!有)没有|(?<!是)不是|并非|未曾|"
                        # (a procedure given up for the one asked about: "那不打肉毒素，就做…", "not doing botox anymore, just…")
                        r"\bnot doing|\bno longer doing|\bnot having|"
                        r"不(?:再)?(?:打|做)了?|别(?:打|做)了?|"
                        # (a rescue not needed: "never needed the lipid", "didn't need any naloxone", 没用上脂肪乳)
                        r"\b(?:never|didn'?t|did not|don'?t|doesn'?t) (?:need|needed|use|used|have to give|give)(?: to give)?|没用上|没(?:有)?用到|不需要用|没给|"
                        # a finding a study did not show: "MRI没看到血肿", "CT未见出血"
                        r"没(?:有)?(?:看到|见到|看见|发现)(?:明显|确切)?(?:的)?|未(?:见|发现|看到)(?:明显|确切)?(?:的)?|看不到|"
                        r"\bnegative for|\bno (?:evidence|signs?) of|"
                        # a history denied: "no prior stroke", "no hx of bleeding", "没卒中史", "既往无出血"
                        r"\bno(?:\s+(?:prior|previous|past|known|recent|hx of|history of|h/o))?|(?<![有出])没(?:有)?过?|既往无|无既往|"
                        # a sign denied right before its name: "无神经功能缺损", "无明显发热"
                        r"(?<![有并])无(?:明显|确切)?(?:的)?)"
                        r"\s*(?:the\s+|a\s+|an\s+|(?:on|taking|using)\s+(?:any\s+)?|any\s+|in\s+)?$", re.I)


_DENIED_AFTER = lazy(r"\s*[?？]\s*(?:no|nope|negative|否|不是|没有)\b|"  # "pregnant? no"
                           r"\s*(?:(?:was|is|has been|been)\s+)?(?:ruled out|excluded)\b|\s*(?:已)?(?:排除|除外)", re.I)  # "haematoma ruled out"


# A drug the patient was switched from ("switched from warfarin to apixaban", "以前吃华法林，现在换成阿哌沙班",
# "华法林换成了利伐沙班"): no longer taken, so not the one held (not "was on warfarin, held 5 days": that one is held).
_SWITCHED_BEFORE = lazy(r"\b(?:switched|changed|converted|transitioned|moved)\s+(?:\w+\s+)?(?:from|off)\s+$|"
                              r"(?:以前|之前|原来|原先|曾经)(?:一直)?(?:吃|用|服用|口服|打)(?:的是)?\s*$", re.I)
_SWITCHED_AFTER = lazy(r"\s*(?:was |has been )?(?:switched|changed|converted)\s+(?:over\s+)?to\b|\s*(?:→|->)|"
                             r"[^，。,.;；？?！!]{0,6}?(?:换成|改成|换为|改为|改用|换用)", re.I)
_SWITCH_WORD = lazy(r"\b(?:switched|changed|converted|transitioned)\b|换成|改成|换为|改为|改用|换用|现在(?:吃|用|服用)", re.I)


def _switched_from(text: str, m: Match) -> bool:
    """Is the drug named as the one the patient was switched from?"""
    if not _SWITCH_WORD.search(text):
        return False
    return bool(_SWITCHED_BEFORE.search(text[max(0, m.start - 24):m.start]) or _SWITCHED_AFTER.match(text[m.end:m.end + 16]))


# "can I just do it without contrast?" asks about going without it: the contrast is the subject, not left out
_WHY_NOT = lazy(r"\bwhy (?:no|not|never|avoid)\s*(?:the\s+|a\s+|an\s+|use\s+|using\s+)?$|"
                # (the other side of a choice asked why: "why dex and not kenalog?")
                r"\bwhy\b[^?.!]{1,50}\b(?:and|but)\s+not\s+$|(?:为什么|为何)(?:不|不能|不要|禁止)(?:用|使用)?$", re.I)
_DO_WITHOUT = lazy(r"\b(?:do|doing|done|did|perform\w*|proceed\w*|go ahead|inject\w*|manage|get away)\b[^.?!]{0,20}\bwithout\s*(?:the\s+|a\s+|any\s+)?$", re.I)


# A drug told as not taken, alone or in a list ("没吃抗凝抗血小板药", "未服用华法林", "没在吃阿司匹林")...
_NOT_TAKEN = lazy(r"(?:(?<![有出])没(?:有)?(?:在)?(?:吃|服|服用|用|使用)(?:过)?(?:任何)?|未(?:服|服用|使用|用)(?:过)?)"
                        r"(?:(?:抗凝|抗血小板)(?:药|剂)?[、和及或与/]?)?\s*$")
# ... not a dose held today or a drug stopped ("今天早上没吃利伐沙班", "昨天开始没吃华法林了"), nor "nothing but aspirin"
_TAKEN_CONTEXT = lazy(r"今天|今早|今晨|昨天|昨晚|前天|早上|上午|中午|下午|晚上|开始|最后|停|这次|那次|本次|这顿|一次|两次|以外|之外|外的|"
                            r"[\d一二两三四五六七八九十几半]+\s*(?:天|日|周|个?小时)|已经|从|起|至今|"
                            # (English: held since a time, for days: "no apixaban since Monday 8am")
                            r"\bsince\b|\bstopped\b|\bheld\b|\bholding\b|\blast (?:dose|took|taken)\b|\b\d+\s*(?:h|hrs?|hours?|days?)\b", re.I)
# "nothing but aspirin", "除了阿司匹林没吃别的": the drug named is the one taken
_ONLY_ONE = lazy(r"(?:除了|apart from|except(?: for)?|besides|other than)\s*$", re.I)
_NOTHING_BUT = lazy(r"\b(?:nothing|none|no (?:other )?(?:drugs?|meds?|medications?|medicines?))\s+(?:but|except(?: for)?|apart from|other than|besides)\s*$|"
                          r"(?:只吃|只服|只用|仅服用?|只在吃)\s*$", re.I)
_NONE_ELSE = lazy(r"^[^，。,.;；]{0,12}?(?:没|没有|不吃|no other|nothing else|none else|别的|其他|其它)", re.I)
_CLAUSE = lazy(r"[，。,;；！？?!]")
_TAKEN_KINDS = ("drug", "drug-class", "brand")


# Exercise capacity in metabolic equivalents ("manages 4 METs", "<4 METs", ">= 4 METs"), not metastases.
_FUNCTIONAL_METS = lazy(r"((?<![A-Za-z\d.])(?:\d+(?:\.\d+)?|[<>≥≤]=?)\s*)(?:METs|METS|MET)\b")  # (capitals: "T12 mets" are metastases)


def _excluded(text: str, m: Match, drug: bool = False, prop: bool = False) -> bool:
    """Is the concept named only to be left out or denied ("risk factors apart from anticoagulants", "除了抗凝药",
    "pt is not pregnant", "not on anticoagulants"; a `drug` told as not taken, "没吃抗凝药")? A `prop`erty of a thing
    outside our scope is asked about either way ("the IPG is not MR conditional")."""
    if prop:
        return False
    before = text[max(0, m.start - 40):m.start]
    if _DO_WITHOUT.search(before) or _WHY_NOT.search(before):  # ("why no particulate steroid in cervical TF?" asks about it)
        return False
    taken = _drug_taken(text, m, before[-32:]) if drug else None
    if taken is not None:
        return not taken
    ex = _EXCLUSION.search(before[-24:])
    if ex is not None and "无" in ex.group() and _WITHOUT_IT.match(text[m.end:m.end + 6]):
        ex = None  # ("无MRI条件", "无超声引导下", "无气胸症状": done or judged without it, not it denied)
    return bool(ex or _DENIED_AFTER.match(text[m.end:m.end + 24]) or _switched_from(text, m) or _replaced(text, m))


def _property(c: Concept) -> bool:
    """Is the concept a device's property outside our scope (its MRI labelling): denied or not ("not MR conditional"), it is
    what is asked about."""
    return c.id == IMPLANT_SCAN


# what follows a concept denied with 无 when it is what is done without ("无MRI条件", "无超声引导下", "无造影剂的情况下")
_WITHOUT_IT = lazy(r"(?:的)?(?:下|条件|设备|可用|情况|时|引导|辅助|症状|表现|征象|监测)")


# what a swap replaces: "an SCS trial instead of the lumbar TFESI", "做SCS测试代替TFESI" (the whole phrase after it, up to
# punctuation); not in a why or a choice between them ("why dex rather than triamcinolone?", "haematoma or abscess?")
# Whether another procedure would be safer ("would switching to an interlaminar approach be safer for her?", 换成椎板间入路会不会更安全)
# Antibiotics after the operation asked beside an infection told now ("how long should post-op antibiotics run for this
# infected pocket?", 术后伤口感染了，术后抗生素要用几天？): the infection's treatment, not the implant's prophylaxis.
_POSTOP_ABX = lazy(r"\bpost-?op(?:erative)? (?:abx|antibiotics?)\b|术后(?:用|预防用)?(?:抗生素|抗菌药物)", re.I)
_INFECTION_NOW = lazy(r"\binfect|\babscess|\bpus\b|\bcellulitis|感染|脓|化脓", re.I)


def _course_for_infection(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """The concepts with the antibiotics asked as a treatment when post-op antibiotics are asked beside an infection."""
    if "antibiotic-prophylaxis" not in concepts or not _POSTOP_ABX.search(q) or not _INFECTION_NOW.search(q):
        return concepts
    return tuple(dict.fromkeys("antibiotic" if c == "antibiotic-prophylaxis" else c for c in concepts))


def _compared(switched: tuple[str, ...], concepts: tuple[str, ...], subjects: tuple[str, ...], aspects: tuple[str, ...],
              ctx_aspects: tuple[str, ...], ctx: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The question's concepts, subjects, asks and context with the procedure switched from (`_switched_from`) compared."""
    if not switched:
        return concepts, subjects, aspects, ctx_aspects, ctx
    return (concepts + switched, tuple(dict.fromkeys(subjects + switched)), ("complications", "comparison"), (),
            tuple(c for c in ctx if c not in switched))


_SWITCH_SAFER = {"en": lazy(r"\b(?:switch(?:ing)?|chang(?:e|ing)|go(?:ing)?|mov(?:e|ing)|do(?:ing)?)\s+(?:to|for|with|an?|the)\b[^.?]{0,50}"
                            r"\b(?:safer|less risky|lower[- ]risk|less dangerous)\b|\b(?:safer|less risky|lower[- ]risk)\b[^.?]{0,40}\binstead\b|"
                            r"\binstead\b[^.?]{0,40}\b(?:safer|less risky|lower[- ]risk)\b", re.I),
                 "zh": lazy(r"(?:换成|改成|改做|改用|换用|换)[^，。？?]{0,15}(?:会不会|是不是|能不能)?(?:更安全|安全一些|安全点|风险(?:更)?(?:小|低))")}
_REPLACED_PHRASE = lazy(r"\binstead of\b(?:(?!\s(?:for|in|to|with|at|after|before|on|because|since|if|when|during)\b)"
                              r"[^,.;?!，。；？！\-–—]){1,40}|(?<!能)(?<!以)(?<!否)(?<!不)(?<!可)代替[^,.;?!，。；？！]{1,20}|而不是[^,.;?!，。；？！]{1,20}", re.I)
_CHOICE_ASK = lazy(r"\bwhy\b|为什么|为啥|\bor\b|还是|区别|\bvs\b|versus|compared", re.I)


def _replaced(text: str, m: Match) -> bool:
    """Is the concept named as what a swap replaces?"""
    return not _CHOICE_ASK.search(text) and any(p.start() < m.start < p.end() for p in _REPLACED_PHRASE.finditer(text))


_HELD_NOT_DENIED = lazy(r"\b(?:no|not)\s*(?:taking\s+|on\s+)?$", re.I)


def _drug_taken(text: str, m: Match, before: str) -> bool | None:
    """Whether the patient takes a drug named beside a denial: False when told as not taken (没吃抗凝药), True when held
    for a time ("no apixaban since Monday", 三天没吃氯吡格雷) or the only one taken ("nothing except clopidogrel",
    除了阿司匹林没吃别的); None when the words say neither (the general exclusion rules decide)."""
    start = max((c.end() for c in _CLAUSE.finditer(text, 0, m.start)), default=0)
    end = next((c.start() for c in _CLAUSE.finditer(text, m.end)), len(text))
    held = bool(_TAKEN_CONTEXT.search(text[start:end]))
    if _NOT_TAKEN.search(before[-24:]):
        return held
    if (_ONLY_ONE.search(before[-24:]) and _NONE_ELSE.search(text[m.end:m.end + 24])) or _NOTHING_BUT.search(before):
        return True
    if held and _EXCLUSION.search(before[-24:]) and _HELD_NOT_DENIED.search(before[-24:]):
        return True
    return None


# a clot named as what a prophylactic dose prevents, in its compound forms ("clexane 40 (DVT ppx)", "VTE prophylaxis",
# "预防深静脉血栓"): the dose's indication, no history of the clot; never beside a clot told as had or recurring
_PREVENTED_AFTER = lazy(r"\s?(?:ppx|prophylaxis|prophylactic)\b", re.I)
_PREVENTED_BEFORE = lazy(r"(?:prophylaxis (?:against|of|for)|thromboprophylaxis for|预防(?:性)?)\s*$", re.I)
_CLOT_HAD = lazy(r"\b(?:failed|despite|not enough|recurren\w*|history|hx|h/o|ago|recent|previous|prior|last (?:month|week|year))\b|"
                       r"复发|失败|不够|既往|病史|之前|以前|上个?月|上周|去年|前[一二三四五六七八九十几\d]+[天周月年]", re.I)
_CLOTS = frozenset({"vte", "pulmonary-embolism", "thromboembolism"})


def _prevented(text: str, m: Match) -> bool:
    """Is a clot named only as what a prophylactic dose prevents?"""
    if m.concept not in _CLOTS or _CLOT_HAD.search(text):
        return False
    return bool(_PREVENTED_AFTER.match(text[m.end:m.end + 16]) or _PREVENTED_BEFORE.search(text[max(0, m.start - 24):m.start]))


def _indication(text: str, lang: Lang, m: Match, lex: Mapping[str, Concept]) -> bool:
    """Is a finding named as the symptom the procedure is for ("TFESI for leg numbness from stenosis - precautions?",
    因腰椎管狭窄下肢麻木)? The procedure's safety is asked, not the finding's."""
    told = indication_told(text, lang) if lex[m.concept].kind == "finding" else None
    return told is not None and any(i.start() <= m.start < i.end() for i in told.finditer(text))


# a check told as clear ("negative aspiration on TFESI - safe to inject?"): whether it is enough is asked, which the
# sources answer with how much it misses and what is done beside it (the check's name is read as a whole, so its
# "negative" is not left for the ask)
_CLEAR_CHECKS = frozenset({"negative-aspiration"})


_TREATMENT_WORD = {"en": "treatment", "zh": "治疗"}
_BESIDE_CHECK = {"en": ("contrast under live real-time fluoroscopy", "digital subtraction angiography DSA", "test dose"),
                 "zh": ("实时透视下注射造影剂", "数字减影血管造影 DSA", "试验剂量")}


def _check_enough(aspects: tuple[str, ...], concepts: Sequence[str], text: str = "") -> tuple[str, ...]:
    """A clear check asked whether it makes the injection safe: prevention, not a contraindication ("neg aspirate on
    C6-7 TFESI, ok to push the dex?" too)."""
    if _CLEAR_CHECKS.intersection(concepts) and (aspects[:1] == ("contraindications",) or (not aspects and _PUSH_ASK.search(text))):
        return ("prevention", *aspects[1:])
    return aspects


def _check_worth(aspects: tuple[str, ...], concepts: Sequence[str], matches: Sequence[Match], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """"数字减影对发现血管内注射有效吗？", "is a test dose effective?": what a check or device is worth against a harm is
    where the sources place it, their prevention (not the harm's rates)."""
    said = any(m.concept == "efficacy" and m.surface.lower() in _BARE_EFFECTIVE for m in matches)
    checks = any(c in lex and lex[c].kind in ("technique", "equipment") for c in concepts)
    return ("prevention",) if said and checks and not aspects and "efficacy" not in concepts else aspects


def _no_diagnosis_asked(aspects: tuple[str, ...], concepts: Sequence[str]) -> tuple[str, ...]:
    """A diagnostic block's reliability asked ("SIJ diagnostic block - how reliable?"): "diagnostic" names the block, it
    asks no complication's recognition."""
    return tuple(a for a in aspects if a != "recognition") if "false-positive-block" in concepts else aspects


_PUSH_ASK = lazy(r"\b(?:ok|okay|safe|fine) to push\b|\bpush (?:it|the \w+)?\s*\?|(?:可以|能)(?:放心)?推|"
                 # (whether the clear check is enough: "回抽没血是不是就没事了", "negative aspirate - that means it's safe?")
                 r"(?:是不是|是否)?就(?:没事|安全|没问题|可以|行)了?(?:吗|呢|么)?|\b(?:is that|is it) enough\b|\bmeans? (?:it'?s|we'?re) (?:safe|fine|ok)\b", re.I)


# the drug a clear check comes before is what is to be injected, not what is asked about ("aspiration negative on TFESI -
# safe to inject the steroid?", "回抽阴性，可以放心推激素了吗"): the steroid-choice passages must not outrank the check's own
_INJECT_OBJECT = {"en": lazy(r"\b(?:inject(?:ing)?|push(?:ing)?|giv(?:e|ing)|put(?:ting)? in|go ahead with|proceed with)\s+"
                                   r"(?:the |my |our |it |that )?(?:\w+\s+)?$", re.I),
                  "zh": lazy(r"(?:推|打|注射|注入|给)(?:药|上|进)?(?:了)?$")}


def _injected_after_check(text: str, lang: Lang, m: Match, found: Sequence[Match], lexicon: Lexicon) -> bool:
    """Is a drug named only as what is to be injected once a check came back clear?"""
    if lexicon.concepts[m.concept].kind not in _DRUGLIKE or not any(x.concept in _CLEAR_CHECKS for x in found):
        return False
    # (only the steroid to be pushed: an anticoagulant's restart, a local anaesthetic's dose or an antibiotic's harm is asked
    # of its own; and a particulate steroid, "回抽没有血，就准备直接推曲安奈德", "…push the Kenalog?", is a hazard of its own)
    ancestry = set(lexicon.broader_closure([m.concept]))
    if "corticosteroid" not in ancestry or "particulate-steroid" in ancestry:
        return False
    return bool(_INJECT_OBJECT[lang].search(text[max(0, m.start - 24):m.start]))


def _effective_asked(q: str, found: tuple[Match, ...]) -> tuple[Match, ...]:
    """"Is TFESI effective?", "are RF lesions really effective?": "effective" ending the ask is its efficacy (the lexicon
    holds no bare "effective": "effective dose", "effective contraception" are no such ask)."""
    if any(m.concept == "efficacy" for m in found) or not (e := _EFFECTIVE_ENDS.search(q)):
        return found
    return (*found, Match("efficacy", e.start(1), e.end(1), "effective"))


def _not_an_ask(text: str, m: Match) -> bool:
    """"病人下床发现同侧腿麻", "got out of bed and her leg gave way": getting up told as when a sign was found asks no
    mobilisation advice; "哪个消毒效果更好": a measure's own effect (disinfection) is no treatment's efficacy."""
    if m.concept == "efficacy":
        return any(w in text[max(0, m.start - 4):m.start] for w in _MEASURE_EFFECTS)  # (消毒效果, 消毒液效果)
    # ("since bending to lift her grandson yesterday the tingling is in her buttock": the onset's time, asked nothing of)
    return m.concept == "mobilisation" and (bool(_FOUND_AFTER.match(text, m.end)) or bool(_ONSET_BEFORE.search(text[max(0, m.start - 12):m.start])))


_ONSET_BEFORE = lazy(r"\b(?:ever )?since\s+(?:she |he |they |the (?:patient|pt) )?(?:was |were )?$", re.I)
_MEASURE_EFFECTS = frozenset({"消毒", "杀菌", "抗菌", "预防", "止血", "镇静", "显影"})


_FOUND_AFTER = lazy(r"\s*(?:后|时|的时候)?\s*(?:就|才|突然)?(?:(?:说|诉|喊)[^，。？?]{0,2})?(?:发现|出现|觉得|感觉|摔|跌|[左右双]?腿)|\s*(?:and|then|,)\s+(?:found|noticed|felt|fell|"
                    r"collapsed|her|his|the)\b", re.I)


def _diagnostic_tap(text: str, lang: Lang, m: Match) -> bool:
    """Is a lumbar puncture named only as the test whose result is told ("腰穿脑脊液结果出来白细胞很高", "LP: CSF WBC 2400")?
    The result is the news, not a dural puncture to ask about (no post-dural puncture headache)."""
    return m.concept == _LUMBAR_PUNCTURE and bool(_TAP_RESULT[lang].match(text[m.end:]))


_LUMBAR_PUNCTURE = "lumbar-puncture"
_TAP_RESULT = {"en": lazy(r"\s*(?:[:–-]\s*)?(?:[^.?;]{0,25}?\b(?:shows?|showed|results?|came back|cells?|wbc|white (?:cells?|count)|"
                          r"protein|glucose|culture|gram stain|cloudy|turbid|pleocytosis|opening pressure)\b)", re.I),
             "zh": lazy(r"[^，。？；]{0,8}?(?:结果|显示|提示|白细胞|细胞数|蛋白|糖|培养|浑浊|混浊|涂片|压力)")}


def _consent_setting(text: str, lang: Lang, m: Match, found: Sequence[Match], lex: Mapping[str, Concept]) -> bool:
    """Is the consent only the setting of the ask ("consenting a pt for C6-7 TFESI - what risks do I quote?",
    "PVP术前谈话要交代哪些风险")? The risks of the named procedure are asked, not what a consent discussion is."""
    # (not whether to tell them at all: "要不要跟病人讲截瘫风险？" asks what the consent discussion must cover)
    return m.concept == _CONSENT and bool(RISKS_TO_TELL[lang].search(text)) and aspects_of(text, lang)[:1] == ("complications",) \
        and not WARN_ASK.search(text) \
        and any(x.concept in lex and lex[x.concept].kind in ("procedure", "equipment") for x in found)  # (or the pump implanted)


_CONSENT = "informed-consent"
# whether a harm is to be told to the patient at all ("should I warn patients about paralysis…", 要不要跟病人讲截瘫风险)
# (a yes-no ask, not which harms to tell: "what complications should I mention" is the list)
WARN_ASK = lazy(r"(?:^|[.?!,;:(–-]\s*|\b(?:and|so|but|also)\s+)(?:should|do|must|shall) (?:i|we|you) (?:(?:need|have) to )?(?:warn|tell|mention|bring up|disclose)\b"
                r"(?! (?:them |her |him |the (?:pt|patient) )?(?:what|which|how)\b)|"
                r"(?:要不要|需不需要|该不该|是否(?:需要|要|应该)?|用不用)(?:跟|和|给|向)?(?:病人|患者|他|她|家属)?(?:特别|专门|单独|重点)?(?:讲|说|交代|提|告知|告诉)(?![^，。？?]{0,8}(?:哪|什么|啥))", re.I)
_BRIDGE_AGENTS = frozenset({"lmwh", "heparin"})


def _cue_spans(text: str, lang: Lang) -> list[tuple[int, int]]:
    """Where the question's aspect words are ("how long", "预防"): they say what is asked, not a detail to look for."""
    i = 2 if lang == "zh" else 1
    return [(m.start(), m.end()) for spec in ASPECTS.values() for m in _rx(spec[i]).finditer(text)] + \
        [(m.start(), m.end()) for m in _ASK_WORDS[lang].finditer(text)]


# Words that frame an ask ("are lead glasses really necessary?", "是否有必要"), not a detail to look for in a passage (the
# ALARA rule's "necessary image" is no answer to whether glasses are needed).
_ASK_WORDS = {"en": lazy(r"\b(?:really|actually|necessary|needed|required|mandatory|essential|worth(?:while)?|ok|okay)\b|"
                                r"\b(?:afterwards?|tonight)\b|"  # (when the ask is for: "what do we monitor afterwards?")
                                r"(?<=how long will it )(?:last|persist|stay (?:high|raised|elevated|up|down|low))\b", re.I),
              # "要持续几天", "会高几天": how long (what stays so is the part before's)
              "zh": lazy(r"真的|有必要|必要|必须|值得|今晚|(?:要|会|能)?(?:持续|维持|高|升高)(?=几|多)")}


def _joined(before: str, clause: str, text: str, lang: Lang) -> str:
    """Two clauses of one ask joined again as the question wrote them (a Chinese space kept)."""
    spaced = lang == "en" or f"{before} {clause}" in text
    return f"{before}{' ' if spaced else ''}{clause}".strip()


_VERSUS = lazy(r"\bvs\.?(?=\s)|\bversus\b", re.I)


_LATER_LEAD = lazy(r"^(?:next (?:time|\w+)|in (?:the )?future|for next time),?\s+(?=\w)", re.I)  # ("next refill what do we do…")


# (which things, not how much or how long of one: "血糖一般会升多少、持续几天" is one ask)
_ASK_LISTED = lazy(r"((?:啥|什么|哪些|哪个|哪种)[\u4e00-\u9fff]{0,2})、(?=[^、，。？?]{0,8}(?:啥|什么|哪些|哪个|哪种))")


def split_parts(text: str, lang: Lang) -> list[str]:
    """The asks of a question: clauses that each carry their own interrogative are separate parts."""
    if lang == "zh":
        # (an enumeration comma after an ask parts two asks: "术前要停啥药、抽哪些血？")
        text = _ASK_LISTED.sub(r"\1，", text)
        # (a space between two Chinese clauses parts them as a comma does: "血补丁啥时候做 打多少血")
        clauses = [c for c in re.split(r"(?<=[，,？?；;])|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", text) if c and c.strip()]
        is_q = _ZH_INTERROG.search
    else:
        # (a told sentence ends before the ask that follows it: "…INR 1.1 pre-op. when restart warfarin and does he need
        # clexane bridging?" asks twice)
        clauses = [c for c in re.split(r"(?<=[?;])\s+|(?<=[a-z0-9)][.!])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bdr\.)(?<!\bst\.)"
                                       r"(?<!\bapprox\.)(?<!\bno\.)(?<!\bmr\.)(?<!\bmrs\.)(?<!\bms\.)(?<!\bprof\.)(?<!\betc\.)(?<!\bpt\.)(?<!\binj\.)"
                                       r"(?<!\bwt\.)(?<!\bht\.)(?<!\bhx\.)\s+(?=[A-Za-z])|,?\s+(?:and|also|plus|\+|&)\s+(?=(?:also\s+)?"
                                       # ("…, and next refill what do we do differently?": a later occasion opens the ask)
                                       r"(?:(?:next (?:time|\w+)|in (?:the )?future|for next time),?\s+)?(?:at (?:what|which) |"
                                       # ("… per level, and at what point should I stop injecting?")
                                       r"whats|hows|what|how|when|where|which|who|why|is|are|"
                                       r"should|can|do|does|will|would|could|must|if)\b)|,\s+(?=(?:whats|hows|what|how|when|where|which|who|why)\b)", text,
                                       flags=re.I)
                   if c and c.strip()]
        is_q = _EN_INTERROG.search  # type: ignore[assignment]
    parts: list[str] = []
    asked = False  # the part so far carries an ask (a clause that opens with an interrogative, or a question form)
    for c in clauses:
        c = c.strip()
        # "and if I do a blood patch, how much blood?": a conditional clause that asks in its main clause
        opens = bool(is_q(_lead(_LATER_LEAD.sub("", c, 1) if lang == "en" else c, lang))) or bool(lang == "en" and _IF_ASK.match(_lead(c, lang))) \
            or bool(_SWAP_CLAUSE[lang].match(c) and not (lang == "zh" and (_ZH_IF.search(c) or _ZH_AFTER_FRAME.search(c)))) \
            or bool(parts and parts[-1].endswith("?") and _VERSUS.search(c)) \
            or bool(lang == "zh" and parts and _ZH_WHAT_IF.match(c)) \
            or bool(lang == "en" and parts and parts[-1].endswith("?") and c.endswith("?") and aspects_of(c, lang) and aspects_of(parts[-1], lang))
        # ("…consent? particulate vs non-particulate steroid"; "EBP now or wait? success rate?": a bare ask of its own)
        if parts and any(t[lang].match(_lead(c, lang)) for t in (_HOW_TO_SAY, _WHICH_OF_THEM, _WORRY)):
            # "怎么回答", "what do I tell her?": how to say the ask before; "kenalog vs dex …, which is safer?": its choice
            parts[-1] = _joined(parts[-1], c, text, lang)
            continue
        # (a clause of asking words only, "and when should I do it?", still asks: its aspect says so)
        # ("用 LMWH 的话 术前最后一针什么时候?", "and if I give enoxaparin tonight instead, how many hours after?": a bare
        # condition opens the ask that follows it, after an ask of its own before)
        if parts and _bare_condition(c, lang) and (asked or _has_ask(parts[-1], lang)):
            parts.append(c)
            asked = False
            continue
        # ("一般用什么，怎么给？": which drug, asked bare, and how it is given are one ask)
        # (a sentence that only tells the story, "…warfarin held 5 days, INR 1.1 pre-op.", sets the scene of the ask after it)
        last = re.split(r"(?<=[.!?])\s+", parts[-1].strip())[-1] if parts else ""
        told_only = lang == "en" and last.endswith((".", "!")) and "?" not in last and not _ASKING_OPENER.match(last)
        if parts and opens and (asked or _has_ask(parts[-1], lang)) and not told_only and (len(tokenize(c, lang)) >= 1 or aspects_of(c, lang)) \
                and not _BARE_WHICH[lang].match(parts[-1].strip()) and not _bare_condition(parts[-1].strip(), lang):
            parts.append(c)
        elif parts:
            parts[-1] = _joined(parts[-1], c, text, lang)
            # (a time told with its subject asks nothing: "ok so we cancel. when she does get it done, when can she restart…")
            asked = asked or (opens and not (told_only and _SUBJECT_CLAUSE.match(c)))
            continue
        else:
            parts.append(c)
        asked = opens
    return [p.strip().rstrip("，,；;").strip() for p in parts if p.strip()] or [text]


DIAGNOSTIC_LP, _ANTITHROMBOTIC = "diagnostic-lumbar-puncture", "antithrombotic"
_FAMILY_OUT = lazy(r"家属|家人|partner|family|relative|husband|wife|mum|mom|dad", re.I)
_STEROID_INJECTION = "steroid-injection"
# an intrathecal drug trial given by lumbar puncture (its drug or route named: the lexicon's concepts; a trial in words)
_IT_AGENTS = frozenset({"intrathecal-drug-delivery", "intrathecal-pump", "intrathecal-injection", "baclofen", "morphine", "hydromorphone",
                        "ziconotide", "opioid"})
_IT_TRIAL = lazy(r"\btrial\b|test dose|试验|测试", re.I)
# where staff stand while the beam is on ("should we step out of the room while they screen?", 踩线的时候我们需要回避吗)
_STAFF_STEP_OUT = lazy(r"^(?=[\s\S]*(?:\bscreen\w*|fluoro\w*|\bthe lateral\b|c-?arm|x-?ray|\bshoot\b|透视|踩线|拍片|C臂|射线|曝光))"
                       r"[\s\S]*(?:\bstep (?:out|outside)\b|\bleave (?:the room|theatre)\b|\bstay in (?:the room|theatre)\b|回避|出去|离开)", re.I)
_CLOT_RISK = frozenset({"chads2", "stroke-history", "tia", "atrial-fibrillation", "mechanical-heart-valve", "vte"})


def _told_changes_ask(aspects: tuple[str, ...], ctx_aspects: tuple[str, ...], concepts: Sequence[str], prev: Question,
                      lexicon: Lexicon) -> tuple[str, ...]:
    """What a told-only follow-up asks, when what it tells changes the ask it inherits: a clot risk told after "how to stop
    it? bridge?" ("他CHADS2 5分 两个月前刚脑梗过") bears on whom to bridge, not on how long the drug is held; a drug held for
    bleeding told new after another ask ("oh and he's on plavix, DES 4 months ago" after the trial's antibiotics) asks
    whether and how long it is held."""
    if aspects:
        return ctx_aspects
    if _BRIDGING in prev.all_concepts and _CLOT_RISK & set(concepts):
        return tuple(a for a in ctx_aspects if a != "hold") or ctx_aspects
    if held_drug([c for c in concepts if c not in prev.all_concepts], lexicon) and not held_drug(prev.all_concepts, lexicon):
        return ("hold",)
    return ctx_aspects
_TOO_SOON = lazy(r"\btoo (?:soon|early|close)\b|太早|太快|太近|间隔(?:够|太短|够不够)", re.I)
# our rule named only as the one another specialty would borrow ("do we stop it 7 days like your pain procedures?", "does your
# 3 day rule apply?", 照你们TF的规矩停3天行不): the procedure asked about is theirs
_RULE_BORROWED = {"en": lazy(r"\b(?:like|as (?:for|with)|same as(?: for)?|per) (?:your|you guys'?|the pain (?:team|clinic)'?s?)\b[^.?]{0,40}|"
                             r"\byour (?:\d+[- ]?days? |pain |own )?(?:rules?|intervals?|protocols?|guidance|regime|figures?)\b[^.?]{0,30}", re.I),
                  "zh": lazy(r"(?:照|按|按照|跟|像|参照)(?:着)?(?:你们|疼痛科)[^，。？?]{0,16}(?:规矩|规则|标准|做法|方案|流程)|"
                             r"你们(?:疼痛科)?(?:的)?[^，。？?]{0,8}(?:规矩|规则)")}


def _without_borrowed(q: str, lang: Lang, concepts: tuple[str, ...], out: tuple[str, ...], found: Sequence[Match],
                      lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """Our procedures named only inside a borrowed rule, beside another specialty's procedure, are no subject."""
    if not any(c in lex and lex[c].kind == "procedure" for c in out):
        return concepts
    spans = [m.span() for m in _RULE_BORROWED[lang].finditer(q)]
    inside = {m.concept for m in found if any(a <= m.start and m.end <= b for a, b in spans)}
    named_elsewhere = {m.concept for m in found if not any(a <= m.start and m.end <= b for a, b in spans)}
    return tuple(c for c in concepts if not (c in inside and c not in named_elsewhere and c in lex and lex[c].scope != "out"
                                             and lex[c].kind in ("procedure", "topic")))
GADOLINIUM = "gadolinium"
_CONTRAST_TOLD = frozenset({"contrast-allergy", "contrast-medium", "iodinated-contrast", "contrast-injection", "iohexol"})
_GAD = lazy(r"\bgad\b", re.I)


# a what-if of its own after an ask ("血补丁抽多少ml血？她要是现在发烧了呢": what then, if she now has a fever)
_ZH_WHAT_IF = lazy(r"^(?:那)?(?:她|他|病人|患者)?(?:要是|如果|假如|万一)[^？?，,。]{2,}呢[？?]?$")


# a sentence that asks although it ends with a full stop ("how long to hold apixaban."), and a clause of time or condition
# with its own subject ("when she does get it done")
_ASKING_OPENER = lazy(r"^(?:and |so |ok,? )?(?:how|what|whats|when|which|who|why|where|should|can|could|will|would)\b", re.I)
_SUBJECT_CLAUSE = lazy(r"^(?:when|where|once|if|after|before|while)\s+(?:she|he|they|we|i|you|it|the (?:patient|pt)|pt)\b", re.I)


# (a later occasion set before its ask opens it too: "下次他还想做SGB，怎么预防再出现？", "next time she wants one, how…")
_COND_HEAD = {"en": lazy(r"^(?:and |but |so |ok,? )?(?:if|next time|in (?:the )?future)\b[^?]*$", re.I),
              "zh": lazy(r"^(?:那|那么|但是|可是)?(?:如果|要是|假如|若是|万一|下次|下一次|以后|今后)[^？?]*$|^[^？?]*的话[，,]?$")}
def _bare_condition(clause: str, lang: Lang) -> bool:
    """A condition that asks nothing itself ("用 LMWH 的话", "and if I give enoxaparin tonight instead"), not one with its
    own ask ("if platelets are 60 can I do the TFESI")."""
    return bool(_COND_HEAD[lang].match(clause)) and not _ASK_INSIDE[lang].search(clause)


_ASK_INSIDE = {"en": lazy(r"\b(?:can|could|should|do|does|is|are|will|would|may|must|shall) (?:i|we|you|he|she|they|it|the \w+)\b|"
                         r"\b(?:what|how|when|which|who|why)\b", re.I),
               "zh": lazy(r"吗|呢|么|能不能|可不可以|要不要|是否|多少|多久|几|什么|怎么|如何|哪")}
# the patient, device or wound of the turn before, referred back to
_BACK_TO_CASE = {"en": lazy(r"\b(?:the|his|her|this|that|their) (?:device|implant|stimulator|ipg|pump|wound|pocket|leads?|system)\b", re.I),
                "zh": lazy(r"(?:这个|该|那个)(?:装置|刺激器|泵|伤口|囊袋|电极|病人|患者)|(?:保留|留着|不取)(?:装置|刺激器|泵)|"
                           r"(?:^|[，,。；;\s])(?:泵|装置|刺激器)(?=要|需要|该|能|可以|还|是否|得|必须|用不用)")}
# the procedure told before, pointed back to ("until we can do it?", "before his injection?", 多久以后能做)
_DO_IT = lazy(r"\b(?:do|have|get|book|schedule) (?:it|the (?:procedure|injection|block))\b|\b(?:his|her|the) (?:injection|procedure|block)\b|"
              r"能做|可以做|做注射|再做", re.I)
GUIDANCE = "image-guidance"  # the lexicon concept every imaging guidance (fluoroscopy, a C-arm, ultrasound) leads to
_BLOOD_PATCH = "epidural-blood-patch"
# the imaging asked about itself: its radiation, or one guidance against another
_IMAGING_ASKED = lazy(r"\bradiat|\bdose\b|\bexposure|\bscatter|\bscreening time|\bfluoro(?:scopy)? time|\bversus\b|\bvs\.?\b|\bcompared\b|"
                      r"\bor (?:ultrasound|fluoro\w*|ct)\b|辐射|剂量|射线|曝光|透视时间|对比|相比|还是(?:超声|透视|CT)", re.I)
_BARE_WHICH = {"zh": lazy(r"^(?:那)?(?:一般|通常|常规|首选)?(?:用|选|选用)(?:什么|哪种|哪个|啥)(?:药|抗生素)?[，,？?]?$"),
               "en": lazy(r"^(?:and )?which (?:one|drug|antibiotic|agent)s?[,?]?$", re.I)}
# A clause that only asks how to put the previous ask to the patient is not an ask of its own.
# A turn that goes on with the case told before: time has passed, or the patient now says something.
_STORY_GOES_ON = {
    "zh": lazy(r"^(?:好|好的|那)?[，,]?(?:病人|患者|他|她)?(?:已经|都)?(?:快|将近|差不多|大概)?(?:现在|后来|做到一半|术中|操作中|缓过来了?|醒过来了?|稳住了|稳定了|好转了|"
                     r"(?:MRI|核磁|磁共振|CT|CTA|CTPA|片子|X线|胸片)(?:结果)?(?:提示|示|显示|出来了|回报|报告)|随后|之后|做完|打完|术后|结束后|回病房|回家后|过了|刚才|今天|晚上|夜里|半夜|第二天|次日|第二次|下一次|下次|效果不好|效果不佳|没效果|没什么效果|"
                     r"无效|不管用|没用|还是(?:痛|疼|不好)|"
                     # (a consultant's review told: "麻醉科来看了 说是颈部血肿")
                     r"[\u4e00-\u9fff]{1,5}科(?:医生)?(?:来)?(?:看|会诊)(?:了|过)|会诊(?:了|过|回来了?)|(?:上级|主任)(?:医生)?(?:来)?看(?:了|过)|"
                     r"[0-9一二三四五六七八九十几两半]+\s*个?(?:小时|天|分钟|周)(?:后|了|以后)|第[0-9一二三四五六七八九十]+天)"),
    "en": lazy(r"^(?:(?:ok(?:ay)?|so|right|and|update)[,:;.]?\s+)?(?:now|later|then|afterwards|after that|mid[- ]?(?:case|procedure|way)|"
               r"(?:mri|ct|ctpa|scan|imaging|x-?ray|films?)(?:'s)? (?:(?:is |are )?(?:done|back|out)|shows?|showed)|"
               r"halfway through|during the (?:case|procedure)|"
               # (a consultant's review told: "ENT saw her - says it's a haematoma")
               r"(?:ent|anaesthe\w*|anesthe\w*|surg\w*|neurosurg\w*|radiolog\w*|cardiolog\w*|the reg|consultant|ortho\w*) "
               r"(?:team )?(?:has |have )?(?:seen|reviewed|came|saw|looked)\b|this (?:morning|afternoon|evening)|tonight|(?:the )?next (?:day|morning)|"
                     r"(?:it |that |this )?(?:didn'?t|did not|doesn'?t|does not) (?:work|help)|no (?:relief|better|improvement)|"
                     r"(?:now |about |around )?(?:\d+|a few|few|several|two|three|six)\s*(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?)\s+"
                     r"(?:later|after|post|on))\b", re.I),
}
# "…需要停药吗？颈椎的呢？", "… need to stop it? and for cervical?": the same ask of another level or procedure
_SWAP_CLAUSE = {"zh": lazy(r"^(?:那|那么)?(?:如果是|要是|换成)?[\u4e00-\u9fffA-Za-z0-9. ]{1,14}呢[？?]?\s*$"),
                "en": lazy(r"^(?:and|what about|how about)\s+(?:for |in |at |with |if (?:it'?s |it is )?)?(?:a |an |the )?[\w-]+(?: [\w-]+){0,2}\s*\??\s*$",
                                 re.I)}
_IF_ASK = lazy(r"if\b[^?]{3,80}?\b(?:how|what|when|which|where|who|why|should|can|do|does|is|are)\b[^?]*\?", re.I)
_HOW_TO_SAY = {
    "zh": lazy(r"^(?:我|我们|医生)?(?:应该|该|要)?(?:怎么|如何|怎样)"
                     r"(?:回答|回复|解释|说|讲|交代|告知|沟通|跟(?:他|她|患者|病人|家属)(?:说|讲|解释|交代))(?:风险|病情)?"
                     r"(?:比较好|才好|合适)?[？?。.！!，,]*$|"
                     r"^(?:有没有|有无|能不能给|能否给|给个)(?:个)?(?:具体|准确)?的?(?:数字|数据)(?:可以说|能说|可以讲|可以给)?[？?。.！!，,]*$|"
                     r"^(?:具体|确切|实际|大概)?(?:的)?(?:数字|数据|比例|百分比)?(?:是|有)?多少[？?。.！!，,]*$|"
                     r"^(?:那|那么)?(?:下一步|接下来|然后)(?:该|要)?(?:怎么办|怎么处理|做什么|呢)?[？?。.！!，,]*$"),
    "en": lazy(r"^(?:so\s+)?(?:what (?:do|should) (?:i|we) (?:tell|say to) (?:him|her|them|the patient|the family)|"
                     r"how (?:do|should) (?:i|we) (?:answer|explain|put) (?:it|that|this)(?: to (?:him|her|them))?)\s*[?.!,]*$|"
                     r"^(?:any |real |actual |hard )?(?:numbers|figures|stats)(?: (?:pls|please|i can (?:give|quote)|to quote))?\s*[?.!,]*$|"
                     r"^(?:so\s+|and\s+)?(?:what(?:'s| is| are)?|whats|give me|got)\s+(?:the |a |an )?(?:actual |exact |real |hard |rough |ballpark )?"
                     r"(?:numbers?|figures?|rates?|percentages?|%)(?: (?:pls|please))?\s*[?.!,]*$|"
                     r"^(?:so\s+|and\s+|ok\s+)?(?:what next|what now|now what|then what|what(?:'s| is) (?:the )?next(?: step)?|next steps?)\s*[?.!,]*$",
                     re.I),
}


# "kenalog vs dex for L5-S1 TFESI, which is safer?", "…用曲安奈德还是地塞米松，哪个更安全？": the choice between the
# alternatives the clause before names, not an ask of its own
_WHICH_OF_THEM = {
    "en": lazy(r"^(?:so\s+)?which(?: one| of (?:them|the two|these|those))?(?: is|'s| would be| will be)?\s+"
                     r"(?:the\s+)?(?:safer|safest|better|best|preferred|recommended|less risky|lower risk)\b[^?]{0,20}[?.!]*\s*$|"
                     # ("ILESI vs TFESI lumbar, which has more wet taps and which more vasovagals?": the comparison's own asks)
                     r"^(?:and\s+)?which(?: one)?(?: has| causes| gives| carries| gets)? (?:more|fewer|less|the most|higher|lower)\b[^?]{0,40}[?.!]*\s*$", re.I),
    "zh": lazy(r"^(?:那)?(?:哪个|哪种|哪一个|哪一种|哪样)(?:更|比较|最|相对)?(?:安全|好|合适|推荐|稳妥|风险(?:更|比较)?(?:小|低))"
                     r"(?:一些|些|一点|呢)?[？?。.！!，,]*$"),
}


# "需要用什么药？" about a complication (burning skin after an RF ablation), "what meds help?": how it is treated
_TREAT_DRUG = {"en": lazy(r"\bwhat (?:meds|medications?|drugs?) (?:help|work|do (?:i|we|you) (?:use|give))|\bwhich (?:meds|medications?|drugs?) help", re.I),
               "zh": lazy(r"(?:用|吃|开|上)什么药|用(?:哪些|哪种)药|什么药(?:物)?(?:治疗|能治|好使|管用|有效)")}


def _treats(aspects: tuple[str, ...], kinds: Sequence[str], text: str, lang: Lang) -> tuple[str, ...]:
    """Asked which drug to use about a complication (not before a procedure): what to do, not how to prevent it; asked
    whether a treatment is needed for it ("PDPH 样头痛，需要做 EBP 吗？"): what to do (conservative care first, the patch
    if it fails)."""
    if not aspects and "complication" in kinds and "procedure" in kinds and _NEED_DONE[lang].search(text):
        return ("action",)
    # ("以前CT增强起过荨麻疹，颈椎TFESI造影剂怎么处理": what to do about a known allergy before a procedure is to prevent a
    # reaction, not to treat one; no complication happening is told)
    if aspects[:1] == ("action",) and "allergy-history" in kinds and "complication" not in kinds and "procedure" in kinds:
        return ("prevention", *aspects[1:])
    if "prevention" not in aspects or "action" in aspects or "complication" not in kinds or not _TREAT_DRUG[lang].search(text):
        return aspects
    return tuple("action" if a == "prevention" else a for a in aspects)


_ALLERGIES = frozenset({"contrast-allergy", "allergic-reaction"})
PAST_ALLERGY = lazy(r"\bprior\b|\bprevious\w*|\bhistory of\b|\bhx\b|\bh/o\b|\ballergic to\b|\ballergy to\b|\blast time\b|"
                           r"\b(?:years?|months?) ago\b|以前|既往|之前|曾经|过敏史|对.{1,6}过敏|上次", re.I)


def _allergy_kind(concept: str, kind: str, text: str) -> str:
    """An allergy told as the patient's history ("以前CT增强起过荨麻疹", "hx anaphylaxis to contrast") is no complication
    happening now."""
    return "allergy-history" if concept in _ALLERGIES and PAST_ALLERGY.search(text) else kind
_NEED_DONE = {"en": lazy(r"\b(?:do|does|should) (?:i|we|she|he|they) (?:need (?:to do |to have |to get )?|do |get |have )"
                               r"(?:a |an |the )?(?:blood patch|ebp|patch)\b|\bneed (?:a |an )?(?:blood patch|ebp)\b", re.I),
              "zh": lazy(r"(?:需要|需不需要|要不要|该不该|是否需要|用不用)(?:做|打|行)[^，。？?]{0,12}(?:吗|[？?]|$)")}


# "…is it an allergy? should I worry?", "…是不是过敏了？要不要紧？": how much the picture just told matters, not a new ask
_WORRY = {
    "en": lazy(r"^(?:so\s+|and\s+)?(?:should (?:i|we|she|he) (?:be )?worr(?:y|ied)|is (?:it|that|this) (?:serious|dangerous|bad|worrying|a (?:big )?(?:problem|concern))|"
                     r"(?:any(?:thing)?|something) to worry about|do (?:i|we) need to worry|how worried should (?:i|we) be)\s*[?.!]*\s*$", re.I),
    "zh": lazy(r"^(?:那)?(?:要紧吗|要不要紧|严重吗|严不严重|危险吗|危不危险|需要担心吗|用担心吗|用不用担心|要担心吗|有没有事|有事吗|没事吧)[？?。.！!，,]*$"),
}


_EPINEPHRINE, _LAST = "epinephrine", "last"
_BARE_TOXICITY = {"en": lazy(r"\btoxi(?:city|c)\b|\bpoisoning\b|\boverdose\b", re.I), "zh": lazy(r"中毒|毒性|过量")}
# epinephrine told as added to a local anaesthetic: "with epi", "加肾上腺素", "含肾上腺素的"
# epinephrine put into the local anaesthetic ("adding epi to the local", "局麻药里加肾上腺素")
_ADDING = {"en": lazy(r"\badd(?:ing|ed|s)?\s+(?:epi\w*|adrenaline)\s+(?:to|in(?:to)?)\s+(?:the\s+|my\s+|your\s+)?"
                            r"(?:local|la\b|lido\w*|bupi\w*|ropi\w*|injectate|mix)", re.I),
           "zh": lazy(r"(?:局麻药|利多卡因|布比卡因|罗哌卡因)(?:里|中|内)?(?:加|加入|加上|加点|混)(?:点|些)?(?:肾上腺素|epi\w*)", re.I)}
_ADDED = {"en": lazy(r"\b(?:with|plus|w/?|\+)\s*(?:epi\w*|adrenaline)\b|\+\s*(?:epi|adrenaline)", re.I),
          "zh": lazy(r"(?:加|含|配|合用|混|加了|加上|带)\s*(?:肾上腺素|epi\w*|adrenaline)", re.I)}


_ZH_IF = lazy(r"如果|要是|假如|若是|万一")
# new signs supposed of the patient, asked bare ("那如果她头痛还发烧 脖子硬呢", "and what if she spikes a fever?")
_WHAT_IF_SIGNS = {"en": lazy(r"^\W*(?:ok(?:ay)?,?\s+)?(?:and |but |so )?(?:what )?if\b", re.I),
                  "zh": lazy(r"^(?:那|那么)?(?:如果|要是|假如|万一)[^？?]*(?:呢|的话)?\s*[？?]?\s*$")}
# both drugs the thread named, asked of together ("restart both", 两个药都什么时候恢复)
_BOTH_DRUGS = {"en": lazy(r"\b(?:both|each|all of them|both of them|the two)\b(?! (?:sides?|legs?|arms?|eyes?|levels?|hands?|feet))", re.I),
               "zh": lazy(r"两个(?:药|都)|两种药|两样药|这两个|两药|都什么时候|各自")}
_ZH_AFTER_FRAME = lazy(r"(?:放好|放完|置入|植入|拔除|拔掉|做完|打完)(?:以后|之后|后)呢\s*$")
# Words of an ask that name nothing ("要查啥 先做什么检查": 啥, 先): a part of only these says nothing of its own.
_ASK_FILLER = frozenset({"啥", "先", "再", "first", "then", "next", "anyth", "anything"})


def _watched_bleed(own: tuple[str, ...], inherited: tuple[str, ...], asked: tuple[str, ...], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """What to watch after a neuraxial procedure whose bleeding risk the part before asked ("强直性脊柱炎患者做腰椎硬膜外
    注射，出血风险高吗？术后要观察什么？"): the spinal haematoma's signs, not the procedure's other aftercare."""
    if own or asked[:1] != ("recognition",) or _BLEEDING_RISK not in inherited or _SPINAL_BLEED in inherited:
        return inherited
    neuraxial = any(c in lex and _NEURAXIAL in lex[c].broader or c == _NEURAXIAL or c in ("esi", "interlaminar-esi", "transforaminal-esi")
                    for c in inherited)
    return (*inherited, _SPINAL_BLEED) if neuraxial else inherited


_BLEEDING_RISK, _SPINAL_BLEED, _NEURAXIAL = "bleeding-risk", "epidural-haematoma", "neuraxial-procedure"


def _restates(part: Part, before: Part) -> bool:
    """Does the part ask again what the part before asked? "Hold ibuprofen before a DRG implant? how many days": a bare
    "how long" after an ask whether to hold a drug (how long to hold it); "SCS infection rate? what number to quote in
    consent": the figure asked before, to quote."""
    if set(part.concepts) <= {"informed-consent"} and _WHICH_FIGURE.match(part.text):
        return True
    # (or its ceiling after a dose asked: "吗啡浓度还能往上加吗 最大多少")
    if not part.concepts and set(part.terms) <= _ASK_FILLER and part.aspects \
            and set(part.aspects) <= set(before.aspects) | ({"limit"} if "dose" in before.aspects else set()):
        return True  # "哪些病人容易出血肿？危险因素有哪些": the same ask again, in other words
    if not part.concepts and (BARE_WHY.match(part.text) or _TELL_APART.match(part.text)):
        return True  # "为啥做SCS要停波立维7天 腰椎内侧支阻滞就不用停？道理在哪": why, of what was just asked
    return not part.concepts and "hold" in before.aspects and bool(_HOW_LONG.match(part.text))


# a bare "how do I tell?" after two pictures named ("subdural vs intrathecal, how do i tell?", 怎么区分): telling them apart
_TELL_APART = lazy(r"\s*(?:and |so )?how (?:do|can|would|could) (?:i|we|you) (?:tell|distinguish|differentiate)(?: (?:them|the two|which))?(?: apart)?\s*\??\s*$|"
                   r"\s*(?:那)?(?:怎么|如何|咋)(?:区分|鉴别|分辨|判断)\s*[？?]?\s*$", re.I)
# a bare why after an ask ("道理在哪", "why is that?"): the reason of what the ask before said
BARE_WHY = lazy(r"\s*(?:那|那么)?(?:这个|这|这样)?(?:的)?(?:道理|原理|依据|原因|理由)(?:在哪(?:里|儿)?|何在|是什么|是啥)[？?]?\s*$|"
                r"\s*(?:为什么|为啥|为何)(?:呢|啊)?\s*[？?]*\s*$|\s*(?:and |but |so )?why(?: is that| so| though|\?)?\s*\??\s*$", re.I)


_WHICH_FIGURE = lazy(r"\s*(?:and\s+)?(?:so\s+)?what (?:number|figure|rate|percentage|%)s? (?:to|do i|should i|can i|would you|do you) "
                           r"(?:quote|give|tell|use|cite|say)\b|"
                           r"\s*(?:那)?(?:知情同意(?:书)?(?:上|里|中|时)?|跟(?:病人|患者))(?:写|说|讲|告知|交代)(?:多少|哪个数)", re.I)


_HOW_LONG = lazy(r"\s*(?:and\s+)?(?:for\s+)?how (?:many days|long)(?: (?:for|then|exactly))?\s*[?？]*\s*$|"
                       r"\s*(?:那|要)?(?:停)?(?:多久|几天|多少天|多长时间)[？?]*\s*$", re.I)


def _lead(clause: str, lang: Lang) -> str:
    if lang == "zh":
        return re.sub(r"^(?:另外|还有|以及|并且|同时|再问|那么|那|再|而且)", "", clause)
    return re.sub(r"^(?:and|also|plus)\s+", "", clause, flags=re.I)


def _has_ask(clause: str, lang: Lang) -> bool:
    if lang == "zh":
        return bool(_ZH_INTERROG.search(clause)) or clause.rstrip().endswith(("？", "?")) \
            or (clause.rstrip().endswith("呢") and not _ZH_IF.search(clause)  # ("那如果是SCS植入呢 抗生素用什么": one ask)
                and not _ZH_AFTER_FRAME.search(clause))  # (nor "那测试电极放好以后呢 克赛和华法林什么时候开始": when it is asked of)
    # the ask after a topic or a told story: "lumbar RFA: what temperature and lesion time", "pt is 14wk pregnant. is fluoro ok"
    # (or a dash: "C3-C6 medial branch RFA - what temp/time")
    body = re.split(r"(?<=[.:])\s+|\s+[-–—]\s+", clause.strip())[-1]
    if _SUBORDINATE.match(body) and "?" not in clause and not _ASKS_AFTER_OPENING.search(body.split(None, 1)[-1]):
        return False  # "ok so we cancel. when she does get it done, when can she restart eliquis?": when, not asked
    # ("suspected pocket fill with IT morphine, how long…": a suspicion told is no ask of recognising it)
    # (nor is a weight told: "ok she's 48 kg, how much blood for the patch?" asks once)
    # (nor the patient's dose told: "clexane 1.5mg/kg od treatment dose, when is last dose before SCS implant")
    told = _DOSE_KIND_TOLD[lang].sub(" ", _WEIGHT_TOLD[lang].sub(" ", _TOLD_SUSPICION.sub("", clause)))
    return bool(_EN_INTERROG.search(body)) or "?" in clause or bool(aspects_of(told, lang))


_TOLD_SUSPICION = lazy(r"^\s*(?:suspected|possible|probable|likely|presumed)\b", re.I)
# ("if platelets are 60 can I do the TFESI, what about an ILESI": an ask after the opening clause)
_ASKS_AFTER_OPENING = lazy(r"\b(?:what|what's|whats|how|can (?:i|we)|should (?:i|we)|do (?:i|we)|is it|are they|will it)\b", re.I)
_SUBORDINATE = lazy(r"^(?:when|where|once|if|after|before|while)\s+(?!(?:can|could|do|does|did|should|shall|will|would|is|are|"
                          r"was|were|must|may|might|to|much|many|long|soon)\b)"
                          r"(?!(?:the |a )?(?:blood patch|ebp|patch)\s*(?:$|\?))", re.I)  # ("… failing. when blood patch": asked)


REPEAT_LIMIT = "repeat-injection-limit"
# Whether a drug may be given, asked bare ("can I use caffeine?", 咖啡因可以用吗), not weighed against a risk ("is a
# particulate steroid safe given the embolism risk?", "contraindicated with a seizure history?", 怕脊髓梗死).
_USE_ASKED = lazy(r"\bcan (?:i|we|you) (?:use|give|try)\b|可以用吗|能用吗|能不能用|可不可以用|有没有用|管用吗|有用吗", re.I)
_RISK_WEIGHED = lazy(r"\bsafe|\brisks?\b|contraindicat|\bhistory of\b|风险|安全|禁忌|怕|既往", re.I)
# How many of a procedure a patient may have in a span, in any words ("how many epidural steroid injections can she
# safely have per year?", "一年最多能打几次"): how often it may be repeated.
_HOW_MANY_A_YEAR = lazy(r"\bhow (?:many (?:[\w-]+ ){0,3}?(?:injections|shots|blocks|procedures|times|ESIs|TFESIs|ILESIs|RFAs?|of them)|often)\b"
                              r"[^.?!]{0,60}?\b(?:per|a|each|every|in a) (?:year|yr|twelve months|12 months|6 months|six months)\b|"
                              r"(?:一年|每年|半年|一年内)[^，。？?]{0,8}(?:几次|多少次|几针)", re.I)
# How many already, and another asked ("半年内已经打了3次…还能再打吗？", "she's had 3 ESIs this year, can she have another?"):
# the repeat limit.
_SO_MANY_ALREADY = lazy(r"(?:打|做)了\s*[\d一二三四五六两几]+\s*次[^。？?]{0,24}(?:还能|还可以|能不能|可不可以|可以)(?:再|继续)(?:打|做)|"
                        r"\b(?:had|has had|done|given|received)\s+(?:\d+|two|three|four|five|six|several)\s+(?:[\w-]+ ){0,2}"
                        r"(?:injections|ESIs|TFESIs|epidurals|shots|blocks|times)\b[^.?]{0,60}\b(?:another|again|one more|a (?:fourth|fifth|4th|5th))\b", re.I)
# A clause timed after the procedure ("拔针后多久能再打", "after the needle's out, when can she have the next one"): with an
# anticoagulant in the question, what is given again is the drug, not the injection.
# the procedure asked again, not the drug's next dose ("硬膜外打完多久能再打一次？")
_AGAIN_OF_IT = {"en": lazy(r"\b(?:repeat|another) (?:injection|one|block|esi)\b", re.I),
                "zh": lazy(r"再(?:打|做)一次|再做|再(?:打|做)一(?:针|个)")}
# ... and the symptom it treated still there.
_STILL_SYMPTOM = {"en": lazy(r"\bstill (?:has |having |got )?(?:a |the )?(?:headache|headachy|in pain|sore)\b|"
                                   r"\b(?:headache|pain|it)(?:'s| is| has)? (?:back|come back|came back|returned|recurred)\b", re.I),
                  "zh": lazy(r"还是(?:头痛|头疼)|仍(?:然)?(?:头痛|头疼)|又(?:开始)?(?:头痛|头疼)|头(?:痛|疼)又(?:来了|回来了|犯了|出现)")}
# The treatment of the turn before, done ("still headache after it", 打完还是头痛).
_AFTER_TREATMENT = {"en": lazy(r"\bafter (?:it|that|the (?:patch|ebp|blood patch|treatment|injection))\b|\bpost[- ]?(?:patch|ebp)\b|"
                                     r"\bhad (?:a |an |the )?(?:blood patch|ebp|patch)\b", re.I),
                    "zh": lazy(r"(?:打|做|补|贴)完|(?:打|做|补)了(?:血补丁|血补片|补片|EBP)")}
_AFTER_IT = {"en": lazy(r"\bafter (?:the )?(?:needle|injection|procedure|block|catheter|puncture)\b|\bneedle(?:'s| is)? out\b|"
                              r"\bpost[- ]?(?:procedure|op)\b", re.I),
             "zh": lazy(r"拔针后|拔管后|术后|操作后|注射后|穿刺后|做完(?:后|以后)?|打完(?:后|以后)?")}
# New pain at another level after vertebral augmentation ("new sharp pain higher up", "上面那节又开始痛").
_ADJACENT_PAIN = lazy(r"\b(?:pain|tender\w*|sore\w*|hurts?)\b[^.?!]{0,30}\b(?:higher up|lower down|(?:one )?level (?:above|below|up|down)|"
                            r"(?:at |in )?(?:a |another |a different |other )(?:level|vertebra|segment)|"
                            r"adjacent level|next level)\b|\b(?:level above|level below|adjacent level|next level up)\b[^.?!]{0,30}\b(?:pain|tender|sore|hurts?)|"
                            r"(?:上面|下面|上|下)(?:那|一)?(?:节|个节段|节段)[^，。？?]{0,12}(?:痛|疼)|(?:相邻|邻近)节段[^，。？?]{0,6}(?:痛|疼)|"
                            r"(?:另一个|另外一个|别的|其他)(?:节段|椎体)[^，。？?]{0,8}(?:痛|疼)", re.I)
_GENERIC_RF = "radiofrequency-ablation"  # RF named without a spinal target: ours only beside no other specialty's ablation
_GIVEN = lazy(r"\binject\w*|\bshots?\b|\bgave|\bgiven|\bgot\b|\bwith\b|打了|推了|用了|注射|打(?:一|几|个)?针", re.I)
_INJECT_VERB = lazy(r"\binject\w*|\bshots?\b|\bjabs?\b|打(?:一|几|个)?针|打一下|注射|封闭", re.I)


class Framer:
    """Builds question frames from the lexicon and the corpus vocabulary (for spelling and unknown terms)."""

    def __init__(self, lexicon: Lexicon, vocab: Mapping[str, Mapping[str, int]] | None = None,
                 words: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.vocab = vocab or {}
        self.words = words | frozenset(lexicon.words())
        self._wordlist = sorted(self.words)
        self._drug_names = [(n.lower(), cid) for cid, c in lexicon.concepts.items() if c.kind == "drug" and c.scope == "in"
                            for n in (*c.en, *c.zh) if len(n) >= (2 if _CJK.search(n) else 5)]
        lx = lexicon.concepts
        shots: dict[str, list[str]] = {}  # a joint -> the in-scope injection procedures of it
        for c in lx.values():
            if c.kind == "procedure" and c.scope == "in" and any("injection" in n for n in c.en):
                for a in c.related:
                    if a in lx and lx[a].kind == "anatomy" and any("joint" in n for n in lx[a].en):
                        shots.setdefault(a, []).append(c.id)
        self._joint_shots = {a: ps[0] for a, ps in shots.items() if len(ps) == 1}
        # a joint or nerve -> the in-scope radiofrequency procedures of it (the SI joint's lateral branch RF; the third occipital
        # nerve's neurotomy, "第三枕神经（TON）射频")
        rfs: dict[str, list[str]] = {}
        for c in lx.values():
            if c.kind == "procedure" and c.scope == "in" and _RFA in c.related and any("radiofrequency" in n for n in c.en):
                for a in c.related:
                    if a in lx and lx[a].kind == "anatomy" and any("joint" in n or "nerve" in n for n in lx[a].en):
                        rfs.setdefault(a, []).append(c.id)
        self._joint_rfs = {a: ps[0] for a, ps in rfs.items() if len(ps) == 1}

    def frame(self, question: str, history: Sequence[str] | None = None) -> Question:
        """Understand a question (with earlier user turns)."""
        original = question
        q = re.sub(r"\s+", " ", question).strip()
        script = script_of(q)
        if script != "latin":
            q = to_simplified(q)
        lang = detect_lang(q)
        if not q:
            return Question(original, q, lang, script)
        q = _NOTE_WORDS.sub(lambda m: _NOTE_WORD[m.group().lower().rstrip(".")], q)
        q = _ASKED_BY.sub("", q, 1) or q  # ("规培生问：70kg病人…", "Q from a resident:": who asks is no topic)
        q = _FUNCTIONAL_METS.sub(r"\1 metabolic equivalents", q)  # ("manages 4 METs": exercise capacity, no metastases)
        q = _ZH_SHORT.sub(lambda m: _ZH_WRITTEN_OUT[m.group()], q)
        q = _CANTONESE.sub(lambda m: _CANTONESE_WORDS[m.group()], q) if lang == "zh" else q
        q = _MIXED_AND.sub(lambda m: " or " if m.group(1) == "或" else " and ", _JOINED_LEVEL.sub(r"\1\2-\3\4", q))  # "C7T1", "L5S1": the interspace written without its dash
        q, corrections = self._correct(q)
        found = _effective_asked(q, tuple(self.lexicon.match(q)))
        lex = self.lexicon.concepts
        matches = tuple(m for m in found if not _excluded(q, m, lex[m.concept].kind in _TAKEN_KINDS, _property(lex[m.concept])) and not _consent_setting(q, lang, m, found, lex)
                        and not _prevented(q, m) and not _indication(q, lang, m, lex) and not _injected_after_check(q, lang, m, found, self.lexicon)
                        and not _childhood(q, m) and not _diagnostic_tap(q, lang, m) and not _not_an_ask(q, m)
                        and not _avoided_by_guidance(q, m, found, self.lexicon) and not _rescue_worked(q, lang, m, lex[m.concept].kind))
        matches = self._without_glosses(q, matches)
        brands = tuple(dict.fromkeys(m.concept for m in matches if lex[m.concept].kind == "brand"))
        concepts = self._resolve([*(m.concept for m in matches), *self._inner_drugs(matches)])
        past = self._history(concepts)
        concepts = _mapped(concepts, past)
        concepts = self._with_compounds(q, _weeks_along(q, concepts))
        concepts = self._la_mixture(self._works_for_harm(self._block_reliability(q, concepts), matches), q, (history or [""])[-1])
        concepts = _resedated(q, lang, concepts, {m.concept for h in (history or [])[-2:] for m in self.lexicon.match(h)}
                              if history and _HOME_ASKED[lang].search(q) else ())
        concepts = _staff_told_before(q, concepts, history)
        concepts = self._continued(concepts)
        excluded = tuple(c for c in self._resolve(m.concept for m in found if _excluded(q, m, lex[m.concept].kind in _TAKEN_KINDS, _property(lex[m.concept])))
                         if c not in concepts)
        prev = self._previous(history)
        concepts = self._ward_reading_for_ours(q, concepts, prev)
        concepts = _posture_headache(concepts, q, lang)
        concepts = _with_dialysis(q, _course_for_infection(q, self._prophylaxis_meant(q, concepts, prev)), lex)
        concepts = self._implant_pump(q, concepts, prev)
        short = _short_forms(q, matches, prev, lex)  # (the parts read them as well)
        concepts, past = _mapped(concepts, short), {**past, **short}
        concepts = _menopausal(q, _raised_by_procedure(q, _high_pressure(q, _blood_patch(q, concepts, prev.all_concepts if prev is not None else ()))))
        concepts = _clot_treated(q, lang, _other_side(q, lang, _lung_cement(q, concepts), prev), lex)
        concepts = _surgery_after_steroid(q, concepts, prev.all_concepts if prev is not None else (), self.lexicon)
        concepts = _lor_medium(q, self._antibiotics_needed(q, lang, concepts))
        concepts = _baclofen_running_out(q, _recovery_asked(q, lang, concepts, prev))
        concepts = self._refill_in_thread(q, lang, concepts, prev)
        concepts = _needle_asked(q, self._rf_skin(q, _epidural_meant(q, concepts, lex)), self.lexicon)
        concepts = self._repeats_asked(q, self._with_class_ask(q, concepts, prev.all_concepts if prev is not None else ()),
                                       prev.all_concepts if prev is not None else ())
        concepts, out = self._after_turn(q, lang, concepts, prev)
        out = _joint_injected(q, out)
        out = _child_caudal(concepts, out)
        out = self._held_for_theirs(q, lang, concepts, out, found)
        concepts = _without_borrowed(q, lang, concepts, out, found, lex)
        concepts = self._without_generic_rf(concepts, out)
        guided = self._guidance_told(q, matches)
        concepts = tuple(c for c in concepts if c not in guided)
        # ("contrast allergy, case is in 2 hours, what premed?": the urgent regimen)
        hurried = _hurried_premedication(q, lang, concepts, concepts, self.lexicon) if prev is None and "premedication" in concepts else ()
        concepts += hurried
        subjects = tuple(c for c in concepts if lex[c].scope == "in" and lex[c].kind in SUBJECT_KINDS)
        unknown = self._unknown(q, lang, found)  # (a concept named only to be left out is a known word too)
        aspects = _regimen(_drug_first(aspects_of(q, lang, _procedure_names(matches, lex), _sign_names(matches, lex), _pictured(matches, lex)),
                                       subjects, self.lexicon, q),
                           concepts, q, lang)
        aspects = _check_worth(_no_diagnosis_asked(_without_told_dose(q, lang, _check_enough(aspects, concepts, q)), concepts),
                               concepts, matches, lex)
        aspects = _expected_not_stroke(q, lang, self._still_allowed(self._treatment_asked(aspects, concepts, q), concepts, q), concepts)
        aspects = _upgrade_asked(_repeat_as_limit(aspects, concepts, lex), q, lang)
        suspected = self._suspected(concepts, aspects, q)
        concepts, subjects = concepts + suspected, subjects + suspected
        # (asked whether to repeat it, "still has the headache. repeat it?", the failed treatment is what is asked about)
        tried = _tried(q, lang, matches, lex) if "escalation" in aspects and not REPEAT_IT[lang].search(q) else ()
        if not tried and prev is not None and _AFTER_TREATMENT[lang].search(q) \
                and ("escalation" in aspects or _STILL_SYMPTOM[lang].search(q)):
            # "打完还是头痛怎么办" after "how much blood for a patch?": the treatment the turn before asked about has failed
            # (the one this turn names, else the only one the turn before named: "how long conservative care before a
            # patch?" names two, and which one was done is not said)
            own = tuple(c for c in concepts if c in TRIED)
            before = tuple(c for c in prev.all_concepts if c in TRIED)
            tried = own or (before if len(before) == 1 else ())
            aspects = aspects if not tried or "escalation" in aspects else ("escalation", *(a for a in aspects if a != "action"))
        subjects = tuple(c for c in subjects if c not in tried)  # "conservative stuff not working, what next?"
        if prev is None:
            aspects = _without_drugless_hold(q, aspects, concepts, self.lexicon)
        implied: tuple[str, ...] = ()
        if not aspects and held_drug(concepts, self.lexicon) and any(lex[c].kind == "procedure" for c in concepts):
            aspects = implied = ("hold",)  # "84F on apixaban, needs a caudal": what to do with the drug before the procedure
        aspects = _whether_done(aspects, concepts)
        ctx_concepts: tuple[str, ...] = ()
        ctx_aspects: tuple[str, ...] = ()
        swapped: tuple[str, ...] = ()
        carried: tuple[str, ...] = ()
        background: tuple[str, ...] = ()
        followup = told_only = own_topic = False
        switched: tuple[str, ...] = ()
        # (another patient, told and asked in full, leans on nobody: "另一个病人只是海鲜过敏，需要预处理吗")
        if prev is not None and prev.all_concepts and not _another_patient_asked(q, lang, subjects) \
                and self._leans_on(q, lang, subjects, out, unknown, prev):
            followup = True
            ctx_concepts = self._earlier_topic(q, lang, concepts, subjects, prev)
            concepts, subjects = _pregnant_colleague(concepts, prev), _pregnant_colleague(subjects, prev)
            told_only = _told_only(q, lang, aspects, prev.aspects)
            aspects = () if told_only else aspects
            # (a topic of its own is its own ask: "做完后右腿麻、有点软，他自己开车来的，能开回去吗" after warfarin's hold)
            # (not beside another procedure, device or drug: "what about an IT pump implant?" asks the hold before again)
            own_topic = any(c not in prev.all_concepts and lex[c].kind == "topic" for c in subjects) \
                and not any(lex[c].kind in ("procedure", "equipment", *_DRUGLIKE) for c in subjects)
            # (or a complication told with no ask of its own: "also he says the tingling has moved to his tummy instead of his
            # legs since yesterday" after whether to keep an infected device in - what it means, not that ask again; a
            # bedside ask before, 要紧吗, still goes on)
            own_topic = own_topic or (not aspects and bool(subjects) and all(
                c not in prev.all_concepts and lex[c].kind == "complication" for c in subjects)
                and not _BEDSIDE_ASKS & {*prev.aspects, *prev.context_aspects})
            ctx_aspects = () if aspects or own_topic else (prev.aspects or prev.context_aspects)
            ctx_aspects = _told_changes_ask(aspects, ctx_aspects, concepts, prev, self.lexicon)
            # (not a new ask of its own, "做完EBP病人要平躺多久？" after the patch's volume: how long to lie flat, nothing failed)
            if "escalation" in prev.aspects and "escalation" not in aspects and (prev.tried or not aspects) \
                    and not any(c not in prev.all_concepts and lex[c].kind == "topic" for c in subjects):  # "dex did nothing" - "particulate next time?"
                aspects = ("escalation", *aspects)
            # ("what imaging first?" after a failing pump told: the granuloma the finding before points to)
            concepts, subjects = self._adrenaline_added(q, lang, concepts, prev), self._adrenaline_added(q, lang, subjects, prev)
            carried = self._carried(q, lang, concepts, ctx_concepts, prev) + _hurried_premedication(q, lang, concepts, prev.all_concepts, self.lexicon) \
                + (self._suspected(ctx_concepts, aspects) if not concepts else ())
            concepts, subjects = concepts + carried, tuple(dict.fromkeys(subjects + carried))
            # ("would switching to an interlaminar approach be safer for her?" after a cervical TFESI: the two compared)
            switched = self._switched_from(q, lang, subjects, prev)
            concepts, subjects, aspects, ctx_aspects, ctx_concepts = _compared(switched, concepts, subjects, aspects, ctx_aspects, ctx_concepts)
            # "那如果是高风险手术呢，比如脊髓电刺激？" after "要停吗": the same ask of another procedure ("high-risk" names the
            # procedure, it asks no risk factors)
            swapped = prev.aspects if carried and _SWAP[lang].search(q) and _URGENT_REGIMEN not in carried else ()
            ctx_concepts = tuple(c for c in ctx_concepts if c not in carried)
            background = self._background(ctx_concepts, prev)
        # (the drug carried from the turn before is every part's: "how many days off and when can she restart?" after Xarelto)
        parts = self._parts(q, lang, (*ctx_concepts, *carried), past, prev.aspects if followup and prev is not None and not own_topic else ())
        parts = tuple(replace(p, concepts=tuple(c for c in _posture_headache(p.concepts, p.text, lang) if c not in guided),
                              inherited=tuple(c for c in p.inherited if c not in guided)) for p in parts)
        parts = tuple(replace(p, aspects=self._still_allowed(self._treatment_asked(p.aspects, (*p.concepts, *p.inherited), p.text),
                                                             (*p.concepts, *p.inherited), p.text)) for p in parts)
        # (a ward reading the whole question read as ours is ours in its part too: "warfarin, SCS trial … what INR do we need
        # on the day?")
        parts = tuple(replace(p, concepts=tuple(dict.fromkeys(_WARD_READINGS[c] if c in _WARD_READINGS and c not in concepts else c
                                                              for c in p.concepts))) for p in parts)
        # ("那如果是SCS植入呢 停几天": the drug carried over is what a part asking the hold holds, beside its new procedure)
        held = tuple(c for c in carried if lex[c].kind in _DRUGLIKE)
        parts = tuple(replace(p, concepts=(*p.concepts, *(c for c in held if c not in p.concepts)))
                      if held and "hold" in p.aspects and not any(lex[x].kind in _DRUGLIKE for x in p.concepts) else p for p in parts)
        parts = tuple(replace(p, concepts=(*p.concepts, *hurried)) for p in parts)
        aspects, parts = _as_urgent_regimen(aspects, parts, carried + hurried, q, lang)
        parts, ctx_concepts = self._compared_parts(switched, aspects, parts, ctx_concepts)
        concepts, subjects, parts = _read_as(concepts, subjects, parts, ctx_concepts)
        concepts, subjects, parts = self._radiation_first(concepts, subjects, parts)
        parts = tuple(self._kept_on_foreign(p) for p in parts)
        parts = _scan_parts(tuple(replace(p, aspects=_whether_done(_upgrade_asked(p.aspects, p.text, lang), p.concepts)) for p in parts),
                            concepts)
        parts = _compounds_told(parts, concepts)
        parts = tuple(_reference_region_dropped(p) for p in parts)
        parts = _without_movement_told(parts, concepts)
        # ("and for cervical?" after how long relief lasts: still the ask; "颈椎的呢，第三枕神经RFA有什么特别风险" asks its own)
        kept = set(carried) if not aspects or swapped else set()
        aspects = swapped or aspects
        # (a part with an ask of its own beside the swap keeps it: "那如果是做 SCS 植入呢？INR 要多少以下？" asks the INR's level)
        parts = tuple(Part(p.text, p.concepts, swapped if swapped and (len(parts) == 1 or not p.aspects or _SWAP[lang].search(p.text))
                           else _check_enough(p.aspects, p.concepts, p.text), p.inherited, p.terms) for p in parts)
        parts = self._bridged_patient(self._each_its_drug(tuple(self._drug_asked(self._bridging_drug(p, lang)) for p in parts)))
        bridged = tuple(dict.fromkeys(c for p in parts if _BRIDGING in p.concepts for c in p.concepts if c not in concepts))
        concepts, subjects = concepts + bridged, subjects + bridged  # (the bridging drug whose hold is asked is searched for)
        aspects = ("hold", *aspects) if bridged and "hold" not in aspects else aspects
        # (the part asking whether the next injection comes too soon asks the interval between them)
        parts = tuple(Part(p.text, (*p.concepts, REPEAT_LIMIT), p.aspects, p.inherited, p.terms)
                      if REPEAT_LIMIT in concepts and REPEAT_LIMIT not in p.concepts and _TOO_SOON.search(p.text) else p for p in parts)
        kept |= {c for p in parts for c in p.concepts}
        concepts, subjects = (tuple(c for c in cs if (c not in ESSENTIAL and c != REPEAT_LIMIT) or c in kept) for cs in (concepts, subjects))
        parts = self._immunosuppressed_parts(concepts, parts)
        # (the part asking "is gad an option?" beside contrast asks of gadolinium)
        parts = tuple(Part(p.text, (*p.concepts, GADOLINIUM), p.aspects, p.inherited, p.terms)
                      if GADOLINIUM in concepts and GADOLINIUM not in p.concepts and _GAD.search(p.text) else p for p in parts)
        parts = _asked_by_their_part(parts, concepts, lang)
        if "pregnant-staff" in concepts and "embryo-fetus" in lex:  # a pregnant colleague's dose limit is the fetus's
            # (not a part asking the staff's own limit before the one about the pregnant colleague: "一年职业照射剂量限值是多少?
            # 怀孕的护士还能进介入室吗?"; "怀孕的护士能不能继续跟台？剂量限值多少？" asks hers)
            told = next((i for i, p in enumerate(parts) if "pregnant-staff" in (*p.concepts, *p.inherited)), 0)
            parts = tuple(Part(p.text, (*p.concepts, "embryo-fetus"), p.aspects, p.inherited, p.terms)
                          if {"limit", "dose"} & set(p.aspects) and "embryo-fetus" not in p.concepts and i >= told else p
                          for i, p in enumerate(parts))
        aspects, parts = self._asks_beside(q, lang, concepts, subjects, aspects, parts)
        if followup and len(parts) == 1:
            parts = (_followup_part(parts[0], concepts, subjects, aspects, ctx_aspects if told_only else ()),)
            parts, concepts = self._agent_instead(q, lang, self._same_for_another(q, lang, parts[0]), concepts)
        if not aspects:
            implied = self._unsaid_ask(q, lang, concepts, prev if followup else None, ctx_aspects) or implied
        aspects, implied, parts = self._supposed_part(q, lang, concepts, prev if followup else None, aspects, implied, parts)
        if not aspects or implied:
            aspects = implied or ctx_aspects
            parts = tuple(Part(p.text, p.concepts, p.aspects or aspects, p.inherited, p.terms) for p in parts)
        # ("discography - do I need antibiotic prophylaxis? which abx and dose?": a part naming a topic with an ask of its own)
        parts = tuple(p if p.aspects else replace(p, aspects=_topic_ask(p.text, lang, p.concepts)) for p in parts)
        aspects, parts = _kept_on(q, lang, concepts, aspects, parts)
        # ("paracetamol + caffeine not helping. do we blood patch now? how much?": what failed is not what a later part asks)
        # (its amount asked: "how much?" is the blood patch's, not the caffeine's)
        parts = tuple(replace(p, inherited=left) if i and "dose" in p.aspects and (left := tuple(c for c in p.inherited if c not in tried))
                      else p for i, p in enumerate(parts))
        aspects = _treats(aspects, [_allergy_kind(c, lex[c].kind, q) for c in (*concepts, *ctx_concepts) if c in lex], q, lang)
        aspects, parts = self._stopped_as_treatment(q, lang, aspects, parts, (*concepts, *ctx_concepts))
        aspects, parts = _stop_told(q, lang, aspects, parts, held_drug((*concepts, *ctx_concepts), self.lexicon))
        aspects, parts = _failed_before_asked(aspects, parts, any(lex[c].kind == "complication" for c in (*concepts, *ctx_concepts) if c in lex)
                                              or held_drug((*concepts, *ctx_concepts), self.lexicon))
        concepts, parts = self._levels_of_cement(concepts, ctx_concepts, parts)
        parts = tuple(self._prevented(self._stayed_under(q, lang, p, history or ())) for p in parts)
        # (only of the case told before, naming no procedure: "he never stopped his aspirin - does that matter?" after a deficit;
        # "she never stopped her warfarin, TFESI in an hour - does that matter?" asks the hold)
        on_case = followup and not any(self.is_anchor(c) for c in concepts)
        aspects, parts = _kept_on_matters(aspects, q, lang, on_case), tuple(replace(p, aspects=_kept_on_matters(p.aspects, p.text, lang, on_case))
                                                                             for p in parts)
        aspects = _asked_as(aspects, concepts, q, lang, lex)
        parts = tuple(replace(p, aspects=_asked_as(p.aspects, (*p.concepts, *concepts), p.text, lang, lex)) for p in parts)
        out = _topic_still_not_ours(out, ctx_concepts, followup and not concepts, lex)
        excluded = _still_excluded(excluded, prev if followup else None, concepts)
        unconfirmed = tuple(c for c in brands if lex[c].status == "unconfirmed")
        concepts, parts = self._both_drugs(q, lang, concepts, parts, history or ()) if followup else (concepts, parts)
        return Question(
            original=original, text=q, lang=lang, script=script, tokens=tuple(tokenize(q, lang)), matches=matches,
            concepts=concepts, subjects=subjects, aspects=aspects, parts=parts, context_concepts=ctx_concepts,
            context_aspects=ctx_aspects, followup=followup, out_of_scope=out, unknown=unknown,
            corrections=tuple(corrections), retrieval_text=self._retrieval_text(q, lang, concepts, ctx_concepts, aspects),
            unconfirmed=unconfirmed, history=tuple(history or ()), excluded=excluded, tried=tried, background=background,
        )

    # --- steps -------------------------------------------------------------------------
    def _prophylaxis_meant(self, q: str, concepts: tuple[str, ...], prev: Question | None) -> tuple[str, ...]:
        """"要预防用药吗？" with no allergy or contrast told, now or before (an HIV patient's facet injection): the preventive
        medicine asked is antibiotic prophylaxis, not the steroid premedication of a contrast reaction."""
        if _PREMED not in concepts or _ABX_PROPHYLAXIS not in self.lexicon.concepts or not _GENERIC_PREVENTIVE.search(q):
            return concepts
        told = self.lexicon.broader_closure([*concepts, *(prev.all_concepts if prev is not None else ())])
        if _ALLERGY_TOLD & set(told):
            return concepts
        return tuple(dict.fromkeys(_ABX_PROPHYLAXIS if c == _PREMED else c for c in concepts))

    def _without_glosses(self, q: str, matches: tuple[Match, ...]) -> tuple[Match, ...]:
        """A name glossed in brackets by a broader one ("得宝松(倍他米松)", "Diprospan (betamethasone)"): the gloss says
        what it is a kind of, and is no second drug asked about (plain betamethasone is not Diprospan)."""
        out: list[Match] = []
        for i, m in enumerate(matches):
            before = matches[i - 1] if i else None
            # (or with a word of the gloss before it, closing the bracket: "骶髂关节射频（外侧支RF）")
            if before is not None and (re.fullmatch(r"\s*[(（]\s*", q[before.end:m.start])
                                       or (re.fullmatch(r"\s*[(（][^()（）,，。;；]{1,8}?", q[before.end:m.start])
                                           and re.match(r"\s*[)）]", q[m.end:]))) \
                    and m.concept != before.concept and (m.concept in self.lexicon.broader_closure([before.concept])[1:]
                                                         or (before.concept in self.lexicon.concepts
                                                             and m.concept in self.lexicon.concepts[before.concept].related
                                                             and self.lexicon.concepts[before.concept].kind == "procedure"
                                                             and not re.search(r"\b(?:or|and|vs|versus)\b|或|和|及|与|还是",
                                                                               q[before.end:m.start], re.I))):
                continue
            out.append(m)
        return tuple(out)

    def _same_for_another(self, q: str, lang: Lang, part: Part) -> Part:
        """"And for an intrathecal pump, same?" ("那鞘内泵呢，标准一样吗？") after an SCS's infection risk: the harms and
        findings the turn before asked are this part's own, for the procedure named now."""
        lex = self.lexicon.concepts
        if not _SAME_ASK[lang].search(q) or not part.concepts \
                or not all(lex[c].kind in ("procedure", "equipment") for c in part.concepts if c in lex):
            return part
        asked = tuple(c for c in part.inherited if c in lex and lex[c].kind in ("complication", "finding"))
        return replace(part, concepts=(*part.concepts, *asked), inherited=tuple(c for c in part.inherited if c not in asked)) if asked else part

    def _stayed_under(self, q: str, lang: Lang, part: Part, history: Sequence[str]) -> Part:
        """"What's the max dose we should have stayed under for him" after a local anaesthetic's toxicity and its lipid
        rescue: the ceiling asked is the local anaesthetic's that was given (in the thread), not the rescue's."""
        if not history or not _STAYED_UNDER[lang].search(q) or not {"dose", "limit"} & set(part.aspects):
            return part
        ctx = tuple(dict.fromkeys(m.concept for t in history for m in self.lexicon.match(t)))
        given = tuple(c for c in ctx if LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c]) and c != LOCAL_ANAESTHETIC) or \
            ((LOCAL_ANAESTHETIC,) if LOCAL_ANAESTHETIC in ctx else ())
        if not given or any(LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c]) for c in part.concepts):
            return part
        asked = tuple(dict.fromkeys((*part.concepts, *given, *((MAXIMUM_DOSE,) if MAXIMUM_DOSE in self.lexicon.concepts else ()))))
        return replace(part, concepts=asked, inherited=tuple(c for c in part.inherited if c not in RESCUE_DRUGS and c not in asked))

    def _prevented(self, part: Part) -> Part:
        """"下次怎么预防" after an emergency's turns: what is prevented is the complication told (and its procedure), not the
        rescue given or the scan that showed it (oxygen, the CTPA, an anticoagulant asked about)."""
        lex = self.lexicon.concepts
        if part.aspects[:1] not in (("prevention",), ("mechanism",)) or part.concepts:
            return part
        if not any(c in lex and lex[c].kind == "complication" for c in part.inherited):  # (the rescue at least: the lipid)
            return replace(part, inherited=tuple(c for c in part.inherited if c not in RESCUE_DRUGS and c not in IMAGING)) \
                if any(c not in RESCUE_DRUGS for c in part.inherited) else part
        kept = tuple(c for c in part.inherited if c in lex and lex[c].kind not in ("drug", "drug-class", "brand") and c not in IMAGING)
        return replace(part, inherited=kept)

    def _levels_of_cement(self, concepts: tuple[str, ...], ctx: tuple[str, ...], parts: tuple[Part, ...]) -> tuple[tuple[str, ...], tuple[Part, ...]]:
        """How many levels are treated is a risk factor the sources give for vertebral augmentation's cement embolism only:
        "TFESI at 3 levels today, any extra risk?" names another procedure of ours and no augmentation, so the count is no
        topic of its own there."""
        told = [c for c in (*concepts, *ctx) if c in self.lexicon.concepts and self.lexicon.concepts[c].kind == "procedure"]
        if _LEVELS not in concepts or not told or any(AUGMENTATION in self.lexicon.broader_closure([c]) for c in told):
            return concepts, parts
        return tuple(c for c in concepts if c != _LEVELS), tuple(replace(p, concepts=tuple(c for c in p.concepts if c != _LEVELS)) for p in parts)

    def _agent_instead(self, q: str, lang: Lang, part: Part, concepts: tuple[str, ...]) -> tuple[tuple[Part], tuple[str, ...]]:
        """"What should we have injected instead?" (应该换什么药) after a drug told: the drug told, with its class, is what
        the question is about (the sentence that names its alternative is the answer), when the part names no drug of its own."""
        lex = self.lexicon.concepts
        drug = ("drug", "drug-class", "brand")
        if not AGENT_INSTEAD[lang].search(q) or any(c in lex and lex[c].kind in drug for c in part.concepts):
            return (part,), concepts
        told = tuple(c for c in part.inherited if c in lex and lex[c].kind in drug)
        # (with the class the alternative belongs to: "non-particulate steroid (dexamethasone) … first choice" names no
        # methylprednisolone)
        asked = tuple(dict.fromkeys(a for c in told for a in (c, self.lexicon.broader_closure([c])[-1])))
        if not asked:
            return (part,), concepts
        return ((replace(part, concepts=(*part.concepts, *asked), inherited=tuple(c for c in part.inherited if c not in asked)),),
                tuple(dict.fromkeys((*concepts, *asked))))

    def _waits_after_drug(self, q: str, lang: Lang) -> bool:
        """Is the wait asked after the drug itself, its dose or the dialysis it is given at ("how long after dialysis can we
        do it", "透析后多久可以做")? Not after an event or a procedure ("how long after the wet tap can we patch?")."""
        m = _WAIT_TO_DO[lang].search(q)
        if m is None:
            return False
        start = max(q.rfind(p, 0, m.start()) for p in "，,。；;?？") + 1 if lang == "zh" else m.start()
        span = q[start:m.end()]
        return bool(_AFTER_DRUG.search(span)) or any(self.lexicon.concepts[x.concept].kind in ("drug", "drug-class", "brand")
                                                   for x in self.lexicon.match(span) if x.concept in self.lexicon.concepts)

    def _asks_beside(self, q: str, lang: Lang, concepts: tuple[str, ...], subjects: tuple[str, ...], aspects: tuple[str, ...],
                     parts: tuple[Part, ...]) -> tuple[tuple[str, ...], tuple[Part, ...]]:
        """Asks a wording implies beside the one it names: how long until the procedure, beside a drug held before it, is
        the drug's hold; what to watch for after a procedure done is what can go wrong after it."""
        lex = self.lexicon.concepts
        if "timing" in aspects and "hold" not in aspects and held_drug(concepts, self.lexicon) \
                and any(lex[c].kind == "procedure" and lex[c].scope == "in" for c in concepts) and self._waits_after_drug(q, lang):
            # ("透析用肝素，透析后多久可以做射频？": how long the drug is held before the procedure)
            aspects = ("hold", *aspects)
            parts = tuple(replace(p, aspects=("hold", *p.aspects)) if "timing" in p.aspects and "hold" not in p.aspects else p
                          for p in parts)
        if len(parts) == 1 and _AFTERCARE[lang].search(q) and "complications" not in aspects and subjects \
                and all(lex[c].kind == "procedure" and lex[c].scope == "in" for c in subjects) \
                and not any(lex[c].kind in ("complication", "finding") for c in concepts):
            # ("what should she watch for after the blood patch?", "做了EBP以后要注意什么": what can go wrong after it)
            aspects = (*aspects, "complications")
            parts = (replace(parts[0], aspects=(*parts[0].aspects, "complications")),)
        return aspects, parts

    def _unsaid_ask(self, q: str, lang: Lang, concepts: tuple[str, ...], prev: Question | None,
                    ctx_aspects: tuple[str, ...]) -> tuple[str, ...]:
        """The ask of a question that names none: its topic's ask (a new question), or, for a follow-up ("she's also
        allergic to shellfish, does that change anything?"), first whether the new history is a risk factor, then the ask
        before (a weight changes the dose instead; what the follow-up carried over is the ask before's)."""
        lex = self.lexicon.concepts
        if not ctx_aspects:
            # "颈椎TFESI用地塞米松还是Depo-Medrol？", "dex or depo-medrol for a cervical TF?": which drug to use (a choice is
            # written under Prevention, with its verdict)
            drugs = [c for c in concepts if c in lex and lex[c].kind in ("drug", "brand")]
            # ("SCS测试期第3天，覆盖区域变了，原来腿上的麻感没了": a complication told happening to the patient asks what it is)
            told = any(lex[c].kind == "complication" for c in concepts if c in lex) and _HAPPENED[lang].search(q)
            # ("SCS trial pt called: clear fluid leaking from the exit site and a headache on standing": a complication
            # reported by a caller, with no ask, asks what to do)
            # (or a patient's complication told going on, "pt headache since L5S1 ILESI wet tap 2d ago, worse upright")
            called = any(lex[c].kind == "complication" for c in concepts if c in lex) \
                and (CALLED_IN[lang].search(q) or (_GOING_ON[lang].search(q) and "?" not in q and "？" not in q
                                                   and not _PLANNED[lang].search(q)))  # ("LAST during SGB last year, now needs repeat SGB")
            return _topic_ask(q, lang, concepts) or (("prevention",) if len(drugs) >= 2 and _EITHER[lang].search(q) else ()) \
                or (("recognition", "action") if told else ()) or (("action",) if called else ())  # (what it is, then what to do)
        if prev is None:
            return ()
        new_facts = [c for c in concepts if c not in prev.all_concepts]
        if self._signs_supposed(q, lang, concepts, prev):
            return ("action", "recognition")  # ("那如果她头痛还发烧 脖子硬呢": what to do if these signs come, not the ask before)
        if not new_facts or not _ADJUST[lang].search(q) or _WEIGHT.search(q) \
                or not all(lex[c].kind in ("condition", "finding") for c in new_facts):
            return ()
        return ("risk_factors", *(a for a in ctx_aspects if a != "risk_factors"))

    def _supposed_part(self, q: str, lang: Lang, concepts: tuple[str, ...], prev: Question | None, aspects: tuple[str, ...],
                       implied: tuple[str, ...], parts: tuple[Part, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Part, ...]]:
        """A one-part follow-up supposing signs (`_signs_supposed`) asks what to do if they come, not the ask before: the
        caffeine's dose carried from "咖啡因能给多少" is no ask of "那要是发烧了 脖子也硬呢"."""
        if prev is None or len(parts) != 1 or not self._signs_supposed(q, lang, concepts, prev):
            return aspects, implied, parts
        asked = ("action", "recognition")
        lex = self.lexicon.concepts
        return asked, asked, (replace(parts[0], concepts=tuple(c for c in parts[0].concepts if lex[c].kind not in _DRUGLIKE), aspects=asked),)

    def _signs_supposed(self, q: str, lang: Lang, concepts: tuple[str, ...], prev: Question) -> bool:
        """Signs supposed after the thread's picture ("那要是发烧了 脖子也硬呢" after a postural headache, "what if she spikes a
        fever?"): every new concept a sign or complication, naming a red-flag picture with the turns before."""
        lex = self.lexicon.concepts
        new_facts = [c for c in concepts if c not in prev.all_concepts]
        return bool(new_facts) and bool(_WHAT_IF_SIGNS[lang].search(q)) \
            and names_symptoms(("。" if lang == "zh" else ". ").join((*prev.history, prev.text, q)), lang) \
            and all(lex[c].kind in ("finding", "complication") for c in new_facts if c in lex)

    def _inner_drugs(self, matches: Sequence[Match]) -> list[str]:
        """A drug named inside a longer name ("鞘内吗啡泵", "morphine pump", "baclofen pump"): the pump is the concept
        matched, and the drug it holds is asked about too."""
        lex = self.lexicon.concepts
        out: list[str] = []
        for m in matches:
            if lex[m.concept].kind not in ("equipment", "procedure") or len(m.surface) < 4 or m.concept in _MEDIUM_NAMED:
                continue  # (a treatment named with its drug, "caffeine and fluids", stays one treatment)
            low = m.surface.lower()
            out += [cid for n, cid in self._drug_names if n in low and n != low and (_CJK.search(n) or re.search(rf"\b{re.escape(n)}\b", low))]
        return list(dict.fromkeys(out))

    def _la_mixture(self, concepts: tuple[str, ...], q: str = "", before: str = "") -> tuple[str, ...]:
        """Mixing told of a steroid with one local anaesthetic ("dex and lido - can I mix them?", "Kenalog and lido mixed
        1:1"): the steroid-local anaesthetic mix, not a mixture of local anaesthetics; two local anaesthetics told with
        their amounts ("20ml 0.25% bupivacaine plus 10ml 1% lidocaine"), or one added to the turn before's ("and if they add
        10ml of 1% lido to the same syringe?"), are a mixture, though the word is not said."""
        if _LA_MIX not in concepts:
            return (*concepts, _LA_MIX) if _LA_MIX in self.lexicon.concepts and mixture_told(q, before) else concepts
        lex = self.lexicon.concepts
        drugs = [c for c in concepts if c in lex and lex[c].kind in ("drug", "brand")]
        las = [c for c in drugs if LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c])]
        steroids = [c for c in drugs if "corticosteroid" in self.lexicon.broader_closure([c])]
        return tuple(c for c in concepts if c != _LA_MIX) if steroids and len(las) < 2 else concepts

    def _rf_skin(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """"burning pain and skin sensitivity over the lower back" weeks after a medial branch RFA: the skin told sensitive
        after an RF is its post-ablation neuritis (never a pump pocket's or an injection site's skin)."""
        if _NEURITIS in concepts or not _SKIN_SENSITIVE.search(q) or _PAD_BURN.search(q) or _RFA not in self.lexicon.broader_closure(list(concepts)):
            return concepts
        return (*concepts, _NEURITIS)

    def _block_reliability(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """"SIJ diagnostic block before RF - how reliable is it?", "MBB准不准": how often a diagnostic block misleads, its
        false-positive rate (said missing where no passage gives it), not the selection criteria (a check's reliability,
        "is aspiration reliable?", is its own sensitivity)."""
        lex = self.lexicon.concepts
        if not (_RELIABLE.search(q) and _DIAGNOSTIC_BLOCK.search(q)) or any(lex[c].kind in ("technique", "equipment", "finding") for c in concepts if c in lex):
            return concepts
        return (*(c for c in concepts if c != "indication"), "false-positive-block")

    def _works_for_harm(self, concepts: tuple[str, ...], matches: Sequence[Match]) -> tuple[str, ...]:
        """"How effective is an epidural blood patch for PDPH?", "回抽对发现血管内注射有效吗", "is a pencil-point needle more
        effective?": "effective" said of a treatment, check or device for a harm asks what the sources say of it, not a
        therapeutic efficacy figure (still asked of a pain procedure: "Is SCS effective in CRPS?", "PKP比PVP更有效吗")."""
        said = [m.surface.lower() for m in matches if m.concept == "efficacy"]
        if not said or not all(w in _BARE_EFFECTIVE for w in said):
            return concepts
        lex = self.lexicon.concepts
        def classed(c: str) -> bool:  # a pain procedure of a bleeding-risk class (a TFESI), not a treatment of a harm (a blood patch)
            return any("bleeding-risk" in r for x in self.lexicon.broader_closure([c]) if x in lex for r in lex[x].related)

        def for_harm(c: str) -> bool:
            k = lex[c].kind if c in lex else ""
            return k in ("complication", "finding", "equipment", "technique") or (k in ("procedure", "drug", "drug-class") and any(
                r in lex and lex[r].kind == "complication" for r in lex[c].related) and not classed(c))
        return tuple(c for c in concepts if c != "efficacy") if any(for_harm(c) for c in concepts) else concepts

    def _resolve(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Concept ids in order, a brand name standing for its generic drug (Brilinta -> ticagrelor)."""
        lex = self.lexicon.concepts
        out: list[str] = []
        for cid in ids:
            c = lex[cid]
            generics = [b for b in c.broader if b in lex] if c.kind == "brand" else []
            out.extend(generics or [cid])
        return tuple(dict.fromkeys(out))

    def _earlier_topic(self, q: str, lang: Lang, concepts: tuple[str, ...], subjects: tuple[str, ...], prev: Question) -> tuple[str, ...]:
        """What a follow-up keeps of the turn before: its topic, and the finding or condition "it" points back to, with its
        spinal region (a lumbar facet RF stays lumbar). A procedure of ours named now replaces the earlier one, a treatment
        that goes with any (explantation) does not, nor does a drug told as given ("gave IM epinephrine" treats the patient
        before: it does not replace the contrast); a what-if's new history replaces the same kind told before."""
        lex = self.lexicon.concepts
        given = bool(_GAVE[lang].search(q))
        # (the bridging agent named, "bridge her with clexane while off it?", does not replace the drug held before)
        bridging = _BRIDGING in concepts
        own_kinds = {lex[c].kind for c in subjects if (lex[c].kind != "procedure" or self.is_anchor(c))
                     and not (given and lex[c].kind in ("drug", "drug-class"))
                     and not (bridging and HELD & set(self.lexicon.broader_closure([c])) and "heparin" in self.lexicon.broader_closure([c]))}
        stands = self.lexicon.device_procedures(subjects)  # ("那鞘内泵呢" after an SCS: the pump stands for another procedure)
        if stands and not set(stands) & set(self.lexicon.broader_closure(prev.all_concepts)):
            own_kinds.add("procedure")
        ctx = tuple(c for c in prev.all_concepts if c not in concepts and lex[c].kind in _CONTEXT_KINDS and lex[c].kind not in own_kinds)
        if not any(lex[c].kind == "complication" for c in (*concepts, *ctx)) and "complication" not in own_kinds:
            # (the picture the thread is about, carried through a turn that named only its rescue: "ok she's settled. how long do
            # we keep her?" after "how much intralipid exactly" after the toxicity told)
            ctx += tuple(c for c in prev.context_concepts if c in lex and lex[c].kind == "complication" and c not in ctx)
        if subjects and aspects_of(q, lang):  # (the ask before, "most common organism?", is no topic of a turn asking its own;
            ctx = tuple(c for c in ctx if c not in ESSENTIAL)  # "and for an SCS trial?" asks it again)
        # (a procedure of one region named now, a third occipital neurotomy, is placed: no region of the turn before)
        placed = set(self.lexicon.broader_closure(concepts)) | {r for c in concepts if c in lex for r in lex[c].related}
        if not REGIONS.intersection(placed):
            ctx += tuple(c for c in prev.all_concepts if c in REGIONS and c not in ctx)
        if not REGIONS.intersection(placed) and any(c in ESSENTIAL for c in concepts):
            # (and the region of a level told before, for an ask whose figures are a region's: "and how long will the relief
            # last?" after an L4-5 facet RFA is lumbar, never a third occipital neurotomy's relief)
            told = [r for c in prev.all_concepts for r in self.lexicon.broader_closure([c]) if r in REGIONS]
            ctx += tuple(c for c in dict.fromkeys(told) if c not in ctx)
        if _SWAP[lang].search(q):  # "那要是上次做增强CT出过荨麻疹呢？" after a seafood allergy
            ctx = tuple(c for c in ctx if not self._replaced(c, subjects))
        if any(c in ESSENTIAL for c in subjects) and any(self.is_anchor(c) for c in ctx):
            # ("那下一次ESI最快多久以后能打？" after her ESIs and a hip replacement: the ask of our procedure told, not of the
            # other specialty's operation told beside it)
            ctx = tuple(c for c in ctx if not (lex[c].scope == "out" and lex[c].kind == "procedure"))
        if REGIONS.intersection(concepts) and _OUR_SETTINGS.intersection(concepts) and not _POINTS_BACK[lang].search(q):
            # "ok what about for a lumbar epidural then?" after a knee arthroscopy: a spinal level's epidural, one of our
            # procedures, replaces another specialty's procedure (not "an epidural for the surgery", nor "also has stenosis")
            ctx = tuple(c for c in ctx if not (lex[c].scope == "out" and lex[c].kind == "procedure"))
        return ctx

    def _compared_parts(self, switched: tuple[str, ...], aspects: tuple[str, ...], parts: tuple[Part, ...],
                        ctx: tuple[str, ...]) -> tuple[tuple[Part, ...], tuple[str, ...]]:
        """The procedures compared after a switch asked as safer (`_switched_from`) are every part's, asked as a comparison,
        never with the harms the turn before feared (the sources compare the procedures, not each harm with each)."""
        if not switched:
            return parts, ctx
        lex = self.lexicon.concepts
        return (tuple(replace(p, concepts=tuple(dict.fromkeys((*p.concepts, *switched))), aspects=aspects,
                              inherited=tuple(c for c in p.inherited if lex[c].kind != "complication")) for p in parts),
                tuple(c for c in ctx if lex[c].kind != "complication"))

    def _switched_from(self, q: str, lang: Lang, subjects: tuple[str, ...], prev: Question) -> tuple[str, ...]:
        """A follow-up asking whether switching to another procedure of ours would be safer: the procedure switched from
        (with its spinal region), or nothing."""
        lex = self.lexicon.concepts
        if not _SWITCH_SAFER[lang].search(q):
            return ()
        new = [c for c in subjects if lex[c].kind == "procedure" and lex[c].scope == "in" and c not in prev.all_concepts]
        old = tuple(c for c in prev.all_concepts if lex[c].kind == "procedure" and lex[c].scope == "in" and c not in subjects
                    and self.is_anchor(c))
        if not new or not old:
            return ()
        regions = (r for c in prev.all_concepts for r in self.lexicon.broader_closure([c]) if r in REGIONS and r not in subjects)
        return old + tuple(dict.fromkeys(regions))

    def _replaced(self, c: str, own: Sequence[str]) -> bool:
        """Is the earlier turn's condition `c` one a what-if follow-up's own concept stands in for (another allergy of the
        same kind: a contrast reaction for a seafood allergy)?"""
        lex = self.lexicon.concepts
        if c not in lex or lex[c].kind != "condition" or not lex[c].broader:
            return False
        return any(o != c and set(lex[c].broader) & set(self.lexicon.broader_closure([o])[1:]) for o in own)

    def _suspected(self, concepts: tuple[str, ...], aspects: tuple[str, ...], q: str = "") -> tuple[str, ...]:
        """Asked what a told finding could be or how to work it up, and naming no complication ("pump analgesia failing
        despite dose increases - workup?", "吗啡泵…加量也没用，双腿发麻，考虑啥"): the complications the lexicon links the
        finding to (a catheter-tip granuloma), which the question is about."""
        lex = self.lexicon.concepts
        # (or a story told with a deficit and no ask of its own: "鞘内泵 吗啡 用了4年 剂量越加越多还是痛 双下肢无力 小便费劲")
        told = not set(aspects) - {"escalation", "dose", "action"} and any(lex[c].kind == "finding" and c in _DEFICIT_SIGNS
                                                                               for c in concepts if c in lex)
        if not ({"workup", "recognition"} & set(aspects) or told) \
                or any(lex[c].kind == "complication" and c not in _DEFICIT_SIGNS for c in concepts if c in lex):
            return ()
        # (only a complication of something the question names: a granuloma for a pump, not for oral gabapentin)
        named = set(self.lexicon.broader_closure([c for c in concepts if c in lex]))
        if told and _PUMPS & named and _CHRONIC.search(q) and _GRANULOMA in lex and _GRANULOMA not in concepts:
            return (_GRANULOMA,)  # "morphine IT pump x6 yrs, now progressive leg weakness over weeks": its late signs
        return tuple(dict.fromkeys(r for c in concepts if c in lex and lex[c].kind == "finding" for r in lex[c].related
                                   if r in lex and lex[r].kind == "complication" and r not in concepts
                                   and named & set(self.lexicon.broader_closure([x for x in lex[r].related
                                                                                 if x in lex and lex[x].kind not in _DRUGLIKE]))))

    def _continued(self, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """"Keep him on antibiotics for a week?": continuing a drug that is not held for bleeding is no question about
        continuing antithrombotics through a procedure."""
        lex = self.lexicon.concepts
        drugs = [c for c in concepts if c in lex and lex[c].kind in ("drug", "drug-class")]
        if _CONTINUED not in concepts or not drugs or held_drug(drugs, self.lexicon):
            return concepts
        return tuple(c for c in concepts if c != _CONTINUED)

    def _without_generic_rf(self, concepts: tuple[str, ...], out: tuple[str, ...]) -> tuple[str, ...]:
        """"AF ablation next week … before the RF ablation": an RF ablation named without a spinal target beside another
        specialty's ablation is that ablation."""
        lex = self.lexicon.concepts
        if _GENERIC_RF in concepts and any(lex[c].kind == "procedure" and _GENERIC_RF in lex[c].related for c in out) \
                and not any(c in REGIONS or c.startswith("level-") for c in concepts):
            return tuple(c for c in concepts if c != _GENERIC_RF)
        return concepts

    def _adjacent(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """New pain a level up or down after vertebral augmentation: what the sources report there (adjacent fractures)."""
        if _ADJACENT_PAIN.search(q) and {"vertebroplasty", "kyphoplasty", "vertebral-augmentation"} & set(concepts) \
                and "adjacent-level-fracture" in self.lexicon.concepts and "adjacent-level-fracture" not in concepts:
            return (*concepts, "adjacent-level-fracture")
        return concepts

    def _compounded(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """Each compound the question names replaces the word it is built on; how long a stent's antiplatelets go on is
        cardiology's only when no procedure of ours is named ("stent pt on plavix, lumbar TFESI next week - how long…?": the
        hold is ours, and the stent's warning with it)."""
        lex = self.lexicon.concepts
        found = _compounds(q, concepts)
        # (ours: a procedure of ours, or an epidural told plainly, "下周要打个硬膜外")
        ours = any((lex[m.concept].kind == "procedure" and lex[m.concept].scope == "in") or m.concept in _OUR_SETTINGS
                   for m in self.lexicon.match(q))
        # (the stent's antiplatelet duration is cardiology's only with none of ours; an infection elsewhere is a reason to
        # wait only before one of ours)
        found = [(need, out) for need, out in found if not (out == _DAPT and ours) and not (out == _ACTIVE_INFECTION and not ours)]
        for need, compound in found:
            if compound in lex and need in concepts:  # (a word another compound took is not built on again)
                concepts = tuple(compound if c == need else c for c in concepts if c != compound)
        return concepts

    def _immunosuppressed_parts(self, concepts: tuple[str, ...], parts: tuple[Part, ...]) -> tuple[Part, ...]:
        """Each part naming a rheumatology drug and an infection: the patient is immunosuppressed (see `_with_compounds`)."""
        if IMMUNOSUPPRESSED not in concepts:
            return parts
        return tuple(replace(p, concepts=(*p.concepts, IMMUNOSUPPRESSED)) if RHEUMATOLOGY in p.concepts
                     and IMMUNOSUPPRESSED not in p.concepts else p for p in parts)

    def _ours_beside(self, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """A ward or clinic reading (the INR a valve patient is kept at, a cannula's change interval) beside a procedure,
        drug or complication of ours is that one's: "INR target for an SGB in a patient with a mechanical valve?", "lipid
        running but the cannula site is swelling - how long can it stay in?"."""
        if not set(_WARD_READINGS) & set(concepts):
            return concepts
        lex = self.lexicon.concepts
        ours = any(c in lex and lex[c].scope != "out" and lex[c].kind in ("procedure", "equipment", "drug", "complication") and c not in IMAGING
                   for c in concepts)
        return tuple(dict.fromkeys(_WARD_READINGS[c] if ours and c in _WARD_READINGS else c for c in concepts)) if ours else concepts

    def _ward_reading_for_ours(self, q: str, concepts: tuple[str, ...], prev: Question | None) -> tuple[str, ...]:
        """A ward or clinic reading in a follow-up that points back to a procedure of ours told before ("how long until we
        can do it?" after "DES 4 months ago on DAPT, ILESI planned") is that procedure's (its antiplatelets held or kept
        before it); a new question about the ward's own matter after it is not."""
        if prev is None or not set(_BACK_READINGS) & set(concepts) or not _DO_IT.search(q) \
                or not any(self.is_anchor(c) for c in prev.all_concepts):
            return concepts
        return tuple(dict.fromkeys(_BACK_READINGS.get(c, c) for c in concepts))

    def _dapt_duration(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """How long a stented patient takes the antiplatelet, with no procedure of ours named ("PCI术后双抗，波立维要吃多久",
        "stent 6 months ago, how long does he need to stay on clopidogrel?"): cardiology's course, not a hold."""
        lex = self.lexicon.concepts
        if _CORONARY_STENT not in concepts or _DAPT_DURATION not in lex or _DAPT_DURATION in concepts or not _TAKEN_HOW_LONG.search(q) \
                or not any("antiplatelet" in self.lexicon.broader_closure([c]) for c in concepts) \
                or any(lex[c].kind == "procedure" and lex[c].scope == "in" for c in concepts if c in lex):
            return concepts
        return (*concepts, _DAPT_DURATION)

    def _bridged_drug(self, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """A pump's own drug bridged by mouth ("what oral baclofen dose do i give to bridge" until the pump is refilled), no
        antithrombotic named: no bridging anticoagulation."""
        if _BRIDGING not in concepts:
            return concepts
        # (only a pump's own drug: "on gabapentin" beside a mechanical valve still asks the anticoagulant bridge)
        closures = [set(self.lexicon.broader_closure([c])) for c in concepts if c in self.lexicon.concepts
                    and self.lexicon.concepts[c].kind in ("drug", "drug-class", "brand")]
        if any(_PUMP_DRUGS & c for c in closures) and not any(_ANTITHROMBOTIC in c for c in closures):
            return tuple(c for c in concepts if c != _BRIDGING)
        return concepts

    def _with_compounds(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """The compound replaces the word it is built on (a pregnant colleague, not a pregnant patient); a pregnant
        colleague's dose limit is the fetus's."""
        if LIPID_EMULSION in concepts and _LIPID_LOWERING.search(q):  # "on a statin for high lipids": no rescue drug
            concepts = tuple(c for c in concepts if c != LIPID_EMULSION)
        concepts = self._ours_beside(self._compounded(q, _febrile(q, concepts)))
        concepts = self._implant_scan(q, concepts)
        concepts = self._joint_shot(q, concepts)
        concepts = self._adjacent(q, concepts)
        concepts = self._observed(q, concepts)
        # (a movement told as what brought a complication on, "lost it in both legs since she was bending over in the
        # garden", 弯腰搬东西以后: the story, not an ask about mobilising)
        if _MOBILISATION in concepts and _MOVED_AS_CAUSE.search(q) and any(self.lexicon.concepts[c].kind == "complication"
                                                                         for c in concepts if c in self.lexicon.concepts):
            concepts = tuple(c for c in concepts if c != _MOBILISATION)
        # (a glucose reading told high, 11 mmol/L or 200 mg/dL and more, "刚测指尖糖18.6 要紧不", "BMs 19 this morning": the
        # steroid's hyperglycaemia, beside the reading)
        if "inverse-square-law" in self.lexicon.concepts and "inverse-square-law" not in concepts and _STAFF_STEP_OUT.search(q) \
                and not _FAMILY_OUT.search(q):
            concepts = (*concepts, "inverse-square-law")
        # (a steroid injection booked soon after another, asked whether it is too soon: "she's booked for the other side
        # TFESI in 2 wks, too soon?", 两周后再打一针会不会太早 - the interval between injections)
        if REPEAT_LIMIT in self.lexicon.concepts and REPEAT_LIMIT not in concepts and _TOO_SOON.search(q) and any(
                _STEROID_INJECTION in self.lexicon.broader_closure([c]) for c in concepts) \
                and not any(_ANTITHROMBOTIC in self.lexicon.broader_closure([c]) for c in concepts):
            concepts = (*concepts, REPEAT_LIMIT)
        # (an antithrombotic held for a lumbar puncture: the tap is another specialty's, not a pain procedure, whose hold
        # intervals do not transfer: "need LP … on apixaban, how long do I hold it")
        # (not an intrathecal drug trial given by lumbar puncture: "IT morphine trial via LP, pt on clopidogrel")
        if _LUMBAR_PUNCTURE in concepts and DIAGNOSTIC_LP in self.lexicon.concepts and not _IT_TRIAL.search(q) \
                and not _IT_AGENTS & set(self.lexicon.broader_closure(list(concepts))) \
                and any(_ANTITHROMBOTIC in self.lexicon.broader_closure([c]) for c in concepts):
            concepts = tuple(DIAGNOSTIC_LP if c == _LUMBAR_PUNCTURE else c for c in concepts)
        concepts = self._bridged_drug(self._dapt_duration(q, concepts))
        if BLOOD_GLUCOSE in concepts and STEROID_HYPERGLYCAEMIA not in concepts and _GLUCOSE_HIGH.search(q):
            concepts = (*concepts, STEROID_HYPERGLYCAEMIA)
        # ("anaphylaxis to iodinated contrast … is gad an option?": beside contrast, "gad" is gadolinium; GAD alone is an
        # anxiety disorder)
        if _CONTRAST_TOLD & set(concepts) and GADOLINIUM not in concepts and _GAD.search(q):
            concepts = (*concepts, GADOLINIUM)
        # (a rheumatology drug told with an infection asked, "on MTX + adalimumab … infection risk?": the patient is
        # immunosuppressed, a risk factor the sources name; the drug's own management stays another specialty's)
        # (or any question about the patient on it, "on methotrexate and prednisolone - is ESI safe?", "should I stop her
        # methotrexate?": the drug's hold is another specialty's, her immunosuppression a risk factor the sources name)
        if RHEUMATOLOGY in concepts and IMMUNOSUPPRESSED in self.lexicon.concepts and IMMUNOSUPPRESSED not in concepts:
            concepts = (*concepts, IMMUNOSUPPRESSED)
        # (a patient on long-term oral steroids is immunosuppressed too, and still on the steroid: "long-term prednisone 10 mg -
        # stress dose for the ESI?" keeps prednisone)
        if _LONG_TERM_STEROID.search(q) and IMMUNOSUPPRESSED in self.lexicon.concepts and IMMUNOSUPPRESSED not in concepts:
            concepts = (*concepts, IMMUNOSUPPRESSED)
        if "pregnant-staff" in concepts and "embryo-fetus" in self.lexicon.concepts and "embryo-fetus" not in concepts \
                and re.search(r"dose|limit|baby|fetus|foetus|剂量|限值|胎儿", q, re.I):
            concepts = (*concepts, "embryo-fetus")
        return concepts

    def _observed(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """"how long should they be observed?": the observation period is asked, in whatever words; after the signs of a
        complication that are all it names ("tinnitus and perioral tingling, now resolved"), the observation after that
        complication."""
        lex = self.lexicon.concepts
        if not _HOW_LONG_WATCHED.search(q) or OBSERVATION not in lex:
            return concepts
        if any(lex[c].kind == "complication" for c in concepts if c in lex) or not _SPECIFIC_SIGN.search(q):
            signs: tuple[str, ...] = ()  # (dizziness alone is no toxicity sign)
        else:
            signs = tuple(r for c in concepts if c in lex and lex[c].kind == "finding" for r in lex[c].related
                          if r in lex and lex[r].kind == "complication")
        return tuple(dict.fromkeys((*concepts, *signs[:1], OBSERVATION)))

    def _joint_shot(self, q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """"骶髂关节痛得厉害，能打一针吗", "can I inject her SI joint?": a joint told with an injection verb, and no procedure
        named, is that joint's injection procedure."""
        lex = self.lexicon.concepts
        # ("骶髂关节痛 做RFA之前…": the joint's own radiofrequency procedure, its lateral branch RF)
        joints = [self._joint_rfs[c] for c in concepts if c in self._joint_rfs]
        if _RFA in concepts and len(joints) == 1:
            return tuple(dict.fromkeys(joints[0] if c == _RFA else c for c in concepts))
        # (another specialty's operation told beside it is no procedure of ours when the steroid's own effects are asked:
        # "打了3次硬膜外曲安奈德…下周要做全髋置换，要不要补激素？"; a hold before their operation stays theirs)
        if any(lex[c].kind == "procedure" and (lex[c].scope == "in" or not _STEROID_ASKS & set(concepts)) for c in concepts if c in lex):
            return concepts
        # "硬膜外打了倍他米松", "epidural with depo-medrol last week": a steroid given into the epidural space is an ESI
        if "epidural-space" in concepts and "esi" in lex and _GIVEN.search(q) \
                and "corticosteroid" in self.lexicon.broader_closure([c for c in concepts if c in lex and lex[c].kind == "drug"]):
            return (*concepts, "esi")
        if not _INJECT_VERB.search(q):
            return concepts
        return tuple(dict.fromkeys(x for c in concepts for x in ((c, self._joint_shots[c]) if c in self._joint_shots else (c,))))

    def _implant_pump(self, q: str, concepts: tuple[str, ...], prev: Question | None) -> tuple[str, ...]:
        """A bare "pump" (泵) beside an implanted stimulator, now or the turn before, is the intrathecal pump: "and for a
        pump, same?" after SCS infection rates; not an insulin, PCA, infusion or balloon pump, nor a proton-pump drug."""
        around = set(self.lexicon.broader_closure([*concepts, *(prev.all_concepts if prev is not None else ())]))
        # (not when the pump is already the talk: "what do I do with the pump?" after its overdose goes on about it; nor when
        # another kind of pump is named, now or the turn before: "his insulin pump … is the pump ok?")
        said = " ".join((q, *(prev.history if prev is not None else ()), prev.text if prev is not None else ""))
        if {_IT_PUMP, _IDD} & around or _IT_PUMP not in self.lexicon.concepts or not around & _IMPLANTS or not _BARE_PUMP.search(q) \
                or _OTHER_PUMP.search(said):
            return concepts
        return (*concepts, _IT_PUMP)

    def _after_turn(self, q: str, lang: Lang, concepts: tuple[str, ...], prev: Question | None
                    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The concepts and the out-of-scope subjects, read after the turn before: "病人以后还能做MRI吗" after turns about
        his SCS asks whether he may be scanned with it in; "那DRG刺激器呢" after "装了SCS能做MRI吗", declined as a topic the
        knowledge base lacks, asks the same topic of the DRG."""
        lex = self.lexicon.concepts
        # (not after a turn telling a sign: "SCS lead yesterday, legs weak" - "is an urgent MRI safe?" is the deficit's work-up)
        # (nor two turns after it, "MRI要明早才能做 能等到明早吗" after weak legs and then the enoxaparin: the deficit's timing)
        if prev is not None and set(self.lexicon.broader_closure(prev.all_concepts)) & _IMPLANTS \
                and not any(lex[c].kind == "finding" for c in prev.all_concepts if c in lex) \
                and not any(names_symptoms(t, lang) for t in (*prev.history, prev.text)):
            concepts = self._implant_scan(q, concepts, implanted=True)
        out = self._out_of_scope(concepts, prev)
        # (not when it names another subject we lack: "and what about diathermy during his TKA?" is declined for that)
        if prev is not None and _SWAP[lang].search(q) and not aspects_of(q, lang) and not out:
            out += tuple(c for c in prev.out_of_scope if lex[c].kind == "topic" and c not in out)
        # ("这个手术抗凝要按高风险还是中风险管理" after basivertebral ablation was declined: the same procedure, still not ours)
        # (never with a sign told, "这个手术做完 病人双腿没力了", nor after any turn naming a procedure of ours)
        # (nor a what-if of the same patient's drug or dose: "and if she'd been on treatment dose 1mg/kg bd?" after a labour
        # epidural declined)
        if prev is not None and not out and (_THIS_PROCEDURE[lang].search(q) or _SWAP[lang].search(q)) \
                and not any(lex[c].kind == "procedure" for c in concepts) \
                and not names_symptoms(q, lang) and not any(lex[c].kind == "procedure" and lex[c].scope == "in" for c in (
                    *prev.all_concepts, *(m.concept for t in prev.history for m in self.lexicon.match(t)))):
            out += tuple(c for c in prev.out_of_scope if lex[c].kind == "procedure")
        return concepts, out

    def _mixed_anaesthetics(self, concepts: tuple[str, ...], asked: tuple[str, ...]) -> tuple[str, ...]:
        """Two local anaesthetics asked against a maximum ("bupi 0.5% 10ml plus lido 1% 10ml - under max dose?"): the
        rule for a mixture is part of the ask (its maximum is worked as if all were the most toxic)."""
        if not {"limit", "dose"} & set(asked) or _MIXTURE not in self.lexicon.concepts or _MIXTURE in concepts:
            return concepts
        drugs = [c for c in concepts if c != LOCAL_ANAESTHETIC and LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c])
                 and self.lexicon.concepts[c].kind == "drug"]
        return (*concepts, _MIXTURE) if len(drugs) >= 2 else concepts

    def _repeats_asked(self, text: str, concepts: tuple[str, ...], around: Sequence[str] = ()) -> tuple[str, ...]:
        """A procedure of ours asked how many times a year it may be done is its repeat limit asked; a blood patch repeated
        ("if the first patch fails, how soon can I repeat it?") is a second patch, not a steroid injection's yearly limit."""
        lex = self.lexicon.concepts
        if REPEAT_LIMIT in concepts and _BLOOD_PATCH in concepts:
            return tuple(c for c in concepts if c != REPEAT_LIMIT)
        # (how many given already counts a procedure's injections, never a drug's doses, "肾上腺素已经打了2次了，还能再打吗", nor
        # a second blood patch, which has its own figure)
        # (nor beside a condition asked of: "had 3 TFESIs this year; is diabetes a contraindication to another?")
        counted = bool(_SO_MANY_ALREADY.search(text)) and _BLOOD_PATCH not in concepts \
            and not any(c in lex and lex[c].kind in ("drug", "brand", "condition") for c in concepts)
        # (or the earliest the next one may be done, "下一次ESI最早啥时候能打", "earliest he can have the next ESI": never a
        # drug's next dose, "低分子肝素最早什么时候能打")
        earliest = bool(_EARLIEST_NEXT.search(text)) and not any(c in lex and lex[c].kind in _DRUGLIKE for c in concepts)
        if REPEAT_LIMIT in concepts or REPEAT_LIMIT not in lex or _BLOOD_PATCH in concepts or _NOT_OUR_INJECTIONS.search(text) \
                or not (_HOW_MANY_A_YEAR.search(text) or _THESE_A_YEAR.search(text) or counted or earliest) \
                or not (any(c in lex and lex[c].kind == "procedure" and lex[c].scope == "in" for c in concepts)
                        or (_THESE_A_YEAR.search(text) and any(_ESI in self.lexicon.broader_closure([c]) for c in around if c in lex))):
            return concepts  # (an ESI told before counts: "how many of these can he have in a year?" after his caudal)
        return (*concepts, REPEAT_LIMIT)

    def _treatment_asked(self, asked: tuple[str, ...], concepts: Sequence[str], text: str) -> tuple[str, ...]:
        """"PDPH - can I use caffeine?", "坐起来就加重，咖啡因可以用吗": whether a drug the lexicon links to the complication
        told may be given asks what to do about that complication, not the drug's contraindications (a patient factor
        told beside it, "pregnant - can I use caffeine?", keeps the contraindication ask)."""
        lex = self.lexicon.concepts
        if "contraindications" not in asked or not _USE_ASKED.search(text) or _RISK_WEIGHED.search(text):
            return asked
        drugs = [c for c in concepts if c in lex and lex[c].kind in ("drug", "drug-class")]
        told = {c for c in concepts if c in lex and lex[c].kind == "complication"}
        # (after a procedure of ours told, "硬膜外注射后…头痛": not the rescue asked in an emergency, "LAST - can I use propofol?")
        if len(drugs) != 1 or not told & set(lex[drugs[0]].related) or any(c in lex and lex[c].kind == "condition" for c in concepts) \
                or not any(c in lex and lex[c].kind == "procedure" and lex[c].scope == "in" for c in concepts):
            return asked
        return tuple(dict.fromkeys("action" if a == "contraindications" else a for a in asked))

    def _still_allowed(self, asked: tuple[str, ...], concepts: Sequence[str], text: str) -> tuple[str, ...]:
        """"Temp 38.4 this morning, can we still do his lumbar epidural?", "发烧38.5，今天的腰椎硬膜外还能打吗？": whether a
        procedure of ours may go ahead with a finding or condition told, and no complication under way, asks its
        contraindications, not what to do ("wet tap - can I still do the injection?" stays what to do)."""
        if asked[:1] != ("action",) or not _STILL_ASK.search(text) or _ACUTE["en"].search(text) or _ACUTE["zh"].search(text):
            return asked
        lex = self.lexicon.concepts
        kinds = {lex[c].kind for c in concepts if c in lex}
        if "complication" in kinds or not {"finding", "condition"} & kinds \
                or not any(c in lex and lex[c].kind == "procedure" and lex[c].scope == "in" for c in concepts):
            return asked
        return ("contraindications", *(a for a in asked if a not in ("action", "contraindications")))

    def _stopped_as_treatment(self, q: str, lang: Lang, aspects: tuple[str, ...], parts: tuple[Part, ...],
                              told: Sequence[str]) -> tuple[tuple[str, ...], tuple[Part, ...]]:
        """"Should we stop the morphine and run saline instead, or does it need surgery?" after a catheter-tip granuloma:
        stopping a drug that is no antithrombotic, with a complication told (now or in the turn before) and no procedure
        ahead, is that complication's treatment, not a drug held before a procedure."""
        lex = self.lexicon.concepts
        harms = [c for c in told if c in lex and lex[c].kind == "complication"]
        drugs = [c for c in told if c in lex and lex[c].kind in ("drug", "drug-class", "brand")]
        # (only a drug the complication is linked to, the pump's morphine for its granuloma: not a patient's duloxetine
        # after a haematoma years ago)
        linked = any(d in self.lexicon.broader_closure([r]) or r in self.lexicon.broader_closure([d]) or r in lex[d].related
                     for h in harms for d in drugs for r in lex[h].related)
        if "hold" not in aspects or held_drug(told, self.lexicon) or _BEFORE_IT.search(q) or _PLANNED[lang].search(q) or not linked:
            return aspects, parts

        def treated(asked: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(dict.fromkeys("action" if a == "hold" else a for a in asked))
        return treated(aspects), tuple(replace(p, aspects=treated(p.aspects)) for p in parts)

    def _guidance_told(self, q: str, matches: Sequence[Match]) -> frozenset[str]:
        """The guidance named just before a procedure ("a fluoroscopic lumbar sympathetic block", "透视下腰交感神经阻滞") only
        says how it is done: no subject of the question, unless the imaging itself is asked about (its radiation, or it
        against another guidance)."""
        lex = self.lexicon.concepts
        if _IMAGING_ASKED.search(q):
            return frozenset()
        return frozenset(m.concept for i, m in enumerate(matches[:-1])
                if m.concept in lex and GUIDANCE in self.lexicon.broader_closure([m.concept])[1:]
                and matches[i + 1].concept not in IMAGING and self.is_anchor(matches[i + 1].concept)
                and re.fullmatch(r"[\s-]*(?:guided\s*)?|[\s]*(?:引导下|引导|下)?\s*", q[m.end:matches[i + 1].start]))

    def _kept_on_foreign(self, part: Part) -> Part:
        """"and should she keep taking alendronate?": going on with another specialty's drug is no antithrombotic continued
        through a procedure (the part is about that drug alone)."""
        lex = self.lexicon.concepts
        if _CONTINUED not in part.concepts or held_drug([c for c in part.concepts if c != _CONTINUED], self.lexicon) \
                or not any(c in lex and lex[c].scope == "out" for c in part.concepts):
            return part
        return replace(part, concepts=tuple(c for c in part.concepts if c != _CONTINUED))

    def _radiation_first(self, concepts: tuple[str, ...], subjects: tuple[str, ...], parts: tuple[Part, ...]
                         ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Part, ...]]:
        """How to cut radiation ("C臂透视下做腰椎ESI，术者怎么减少辐射？") is asked of the fluoroscopy, whatever it guides: the
        procedure named is only where it happens, so the measures that hold for every procedure answer (a part that names
        radiation safety or the staff's own dose loses its procedures and regions; the others keep theirs)."""
        if not _DOSE_CUT & set(concepts):
            return concepts, subjects, parts
        lx = self.lexicon.concepts

        def setting(c: str) -> bool:
            return c in REGIONS or (c in lx and lx[c].kind == "procedure" and lx[c].scope == "in")
        mine = [p for p in parts if _DOSE_CUT & set(p.concepts)]
        if len(mine) == len(parts):
            concepts, subjects = (tuple(c for c in cs if not setting(c)) for cs in (concepts, subjects))
        parts = tuple(replace(p, concepts=tuple(c for c in p.concepts if not setting(c)), inherited=tuple(c for c in p.inherited if not setting(c)))
                      if p in mine else p for p in parts)
        return concepts, subjects, parts

    def _implant_scan(self, q: str, concepts: tuple[str, ...], implanted: bool = False) -> tuple[str, ...]:
        """"pt has an Abbott SCS, can he get a lumbar MRI?": whether a patient living with an implant may be scanned is the
        device's MRI labelling (not covered), unless a complication or finding is told (then MRI is its work-up: emergency
        MRI for a suspected haematoma after lead placement)."""
        lex = self.lexicon.concepts
        # (read in the sentence that names the scan: "SCS植入以后还能做MRI吗？另外术前要不要做心理评估" plans nothing by its MRI)
        # (with the short ask after it that points back to it: "…want an MRI brain for new confusion. Is that safe?")
        said = _SENTENCE_END.split(q)
        scan = " ".join(c for i, c in enumerate(said) if _SCAN_NAMED.search(c)
                        or (i and _SCAN_NAMED.search(said[i - 1]) and _POINTS_BACK_ASK.match(c))) or q
        told = concepts if scan == q else tuple(set(self.lexicon.tags(scan)) & set(concepts))  # (the other ask's infection rate tells none)
        # (whether the scan is safe, asked outright, is the device's labelling even for an urgent scan: "needs urgent lumbar
        # MRI for cauda equina r/o - is it safe to scan?")
        safe_asked = bool(_SCAN_SAFE_ASK.search(scan))
        if "mri" not in concepts or IMPLANT_SCAN not in lex or not _MAY_SCAN.search(scan) or _PRE_IMPLANT.search(scan) \
                or (_URGENT_SCAN.search(scan) and not _HEAD_SCAN.search(scan) and not safe_asked) \
                or not (implanted or set(self.lexicon.broader_closure(concepts)) & _IMPLANTS) \
                or (any(lex[c].kind in ("complication", "finding") for c in told if c in lex)  # (the indication, radiculopathy, is no complication)
                    and not _HEAD_SCAN.search(scan) and not safe_asked):  # (a brain scan for a ?stroke works up nothing of the implant's)
            return concepts
        return tuple(IMPLANT_SCAN if c == "mri" else c for c in concepts)

    def _previous(self, history: Sequence[str] | None) -> Question | None:
        turns = [t for t in (history or []) if t and t.strip()]
        if not turns:
            return None
        return self.frame(turns[-1], turns[:-1])

    def _each_its_drug(self, parts: tuple[Part, ...]) -> tuple[Part, ...]:
        """"克赛桥接华法林…华法林停几天？克赛最后一针什么时候打？": a hold part of a bridging question naming two drugs asks about
        the one no other part asks about (the bridging enoxaparin is the second part's; not "stop warfarin and aspirin?
        when to restart aspirin?", which asks both)."""
        lex = self.lexicon.concepts

        def drugs(p: Part) -> list[str]:
            return [c for c in p.concepts if lex[c].kind in ("drug", "brand")]
        if len(parts) < 2:
            return parts
        out = []
        for i, p in enumerate(parts):
            mine = drugs(p)
            others = {d for j, o in enumerate(parts) if j != i and len(drugs(o)) == 1 for d in drugs(o)}
            if "hold" in p.aspects and "bridging-anticoagulation" in p.concepts and len(mine) >= 2 and set(mine) - others and set(mine) & others:
                p = replace(p, concepts=tuple(c for c in p.concepts if c not in others))
            out.append(p)
        return tuple(out)

    def _bridging_drug(self, part: Part, lang: Lang) -> Part:
        """"用低分子肝素桥接的话术前多久停？", "when's the last Lovenox bridge dose?": the bridging drug named inside the
        bridging name is the drug whose hold is asked."""
        lex = self.lexicon.concepts
        if _BRIDGING not in part.concepts or not ({"hold", "timing"} & set(part.aspects)):
            return part
        bare = _BRIDGE_WORDS.sub(lambda m: " " * len(m.group()), part.text)
        drugs = [m.concept for m in self.lexicon.match(bare) if m.concept in lex and lex[m.concept].kind in _DRUGLIKE
                 and m.concept not in part.concepts]
        if not drugs:
            return part
        asks = part.aspects if "hold" in part.aspects else ("hold", *part.aspects)
        return replace(part, concepts=(*part.concepts, *dict.fromkeys(drugs)), aspects=asks)

    def _bridged_patient(self, parts: tuple[Part, ...]) -> tuple[Part, ...]:
        """"二尖瓣机械瓣…华法林停几天？需不需要LMWH桥接？": whether to bridge is asked of the patient the other part tells (the
        mechanical valve decides it), not of anyone."""
        lex = self.lexicon.concepts
        if len(parts) < 2:
            return parts
        out = []
        for i, p in enumerate(parts):
            told = [c for j, o in enumerate(parts) if j != i for c in o.concepts if lex[c].kind == "condition"]
            if _BRIDGING in p.concepts and told and not any(lex[c].kind == "condition" for c in p.concepts):
                p = replace(p, inherited=tuple(dict.fromkeys((*p.inherited, *told))))
            out.append(p)
        return tuple(out)

    def _drug_asked(self, part: Part) -> Part:
        """"Diagnostic MBB, on aspirin 100, stop it?": when a part asks whether to hold a drug, the procedure's use
        (diagnostic block, its indications) only names the procedure; it is not a second ask of the part."""
        if "hold" not in part.aspects or not held_drug(part.concepts + part.inherited, self.lexicon):
            return part
        part = self._class_is_the_drug(part)
        return Part(part.text, tuple(c for c in part.concepts if c not in ESSENTIAL), part.aspects, part.inherited, part.terms)

    def _class_is_the_drug(self, part: Part) -> Part:
        """"拜瑞妥…术前停几天？术后多久能恢复抗凝？": a part naming only the class of the drug told before asks about that
        drug (rivaroxaban's restart, not every anticoagulant's)."""
        lex = self.lexicon.concepts
        classes = [c for c in part.concepts if lex[c].kind == "drug-class"]
        if not classes or any(lex[c].kind in ("drug", "brand") for c in part.concepts):
            return part
        named = [d for d in part.inherited if lex[d].kind in ("drug", "brand") and set(classes) <= set(self.lexicon.broader_closure([d]))]
        if len(named) != 1:
            return part
        return replace(part, concepts=tuple(dict.fromkeys(named[0] if c in classes else c for c in part.concepts)))

    def _leans_on(self, q: str, lang: Lang, subjects: tuple[str, ...], out: tuple[str, ...], unknown: tuple[str, ...],
                  prev: Question) -> bool:
        """Does the question lean on the earlier turn? (A self-contained new topic never does.)"""
        short = len(tokenize(q, lang)) <= (8 if lang == "en" else 10)
        if not out and _STORY_GOES_ON[lang].search(q) and not any(self.is_anchor(c) and c not in prev.all_concepts for c in subjects):
            return True  # "做完3个小时了，病人说…", "now this AM new thigh pain and quad weakness": the case told before, going on
        if not out and self._case_goes_on(q, lang, subjects, prev):
            return True
        lex = self.lexicon.concepts
        # (another specialty's treatment of the complication the question names, when the turn before told the procedure of
        # ours it followed: "small pneumothorax on the film - chest drain?" after "chest pain after a thoracic MBB RF")
        treats_ours = bool(out) and all(set(lex[o].related) & set(subjects) for o in out if o in lex) \
            and any(self.is_anchor(c) for c in prev.all_concepts)
        # (the drug care of the patient just told, "should she up her insulin herself or call GP?" after her TFESI's
        # glucose rise: that patient's picture, with the drug's management not ours)
        treats_ours = treats_ours or (bool(out) and all(o == _GLUCOSE_DRUGS for o in out) and bool(_PATIENT_PRONOUN[lang].search(q))
                                      and any(self.is_anchor(c) for c in prev.all_concepts))
        # (the patient's immunosuppressants told in a follow-up, "and if he's on methotrexate and prednisone?": this patient)
        # (or another medicine of the patient's told beside one of ours before the procedure told, "He's on apixaban for AF
        # and alendronate. Anything to change before the procedure?": the same patient)
        treats_ours = treats_ours or (bool(out) and any(self.is_anchor(c) for c in prev.all_concepts) and (
            set(out) <= {RHEUMATOLOGY} or (set(out) <= _PATIENT_MEDICINES and bool(_DO_IT.search(q))
                                           and any(lex[c].kind in _DRUGLIKE for c in subjects))))
        # (an unknown drug given to the patient told before is no new subject: "surgeon wants to give oral flucloxacillin
        # and keep the device - reasonable?")
        # (or the scan of the implant told before, asked for that patient: "radiology asking if she can even go in the MRI
        # with the stimulator in" after her SCS pocket infection and numb legs)
        treats_ours = treats_ours or (set(out) == {IMPLANT_SCAN} and bool(set(self.lexicon.broader_closure(prev.all_concepts)) & _IMPLANTS)
                                      and bool(_PATIENT_PRONOUN[lang].search(q)))
        refers_back = bool(_BACK_TO_CASE[lang].search(q)) and not _OTHER_PATIENT[lang].search(q)
        # (an ask about the answer before, "whats the evidence tho? feels arbitrary", is no new subject for a plain word)
        about_before = bool(_ABOUT_BEFORE & set(aspects_of(q, lang)))
        if (out and not treats_ours) or (not subjects and not refers_back
                                         and any(procedure_like(u) or drug_like(u) or (u.isascii() and not about_before and (short or u[:1].isupper()))
                                                 for u in unknown)):
            return False  # a new subject the knowledge base does not cover ("what about Botox?"): never merge it into
            # the old topic; an unfamiliar word in a longer story ("2 hrs later she has weak hip flexion") is no subject
        if out and treats_ours and any(lex[c].kind == "complication" for c in subjects if c in lex):
            return True  # ("…胸片右侧气胸压缩大概15%，需要放胸腔闭式引流吗？" after a thoracic RF: the harm of ours, its treatment asked)
        if not subjects:
            toks = tokenize(q, lang)
            known = sum(1 for t in toks if self.vocab.get(lang, {}).get(t, 0) > 0)
            # nothing named: it continues the earlier topic, unless its words are foreign to the knowledge base
            aftercare = bool(re.search(r"^(?:术后|做完|打完|之后|after (?:it|that|the (?:block|procedure|injection)))", q, re.I))
            # (a short ask naming nothing, "一年最多几次？", asks it of the earlier topic)
            # ("What is the capital of France?" asks what something is: a new question, not one about the topic before)
            # (less time than the premedication before needs: "来不及了，明天早上8点就排台，有没有快一点的方案")
            hurried = bool(_PREMEDICATED.intersection(prev.all_concepts)) and bool(_HURRIED[lang].search(q)) \
                or (bool(_OTHER_SIDE[lang].search(q)) and bool(_SIDED_BLOCKS.intersection(prev.all_concepts)))  # (or the other side
            # the same day after a stellate block: "左边能不能今天一起做了？")
            return not toks or known * 2 >= len(toks) or bool(_FOLLOWUP_CUE[lang].search(q)) or aftercare or hurried or (
                short and bool(set(aspects_of(q, lang)) - {"definition", "mechanism"}))
        # (an ask named as a concept, "how long does relief last after RFA?", or a broader name of the procedure before,
        # RFA after "lumbar medial branch RFA", is nothing new)
        if {c for c in subjects if c not in ESSENTIAL} <= set(self.lexicon.broader_closure(prev.all_concepts)):
            return True  # nothing new named: it continues the earlier topic
        if any(p.start() < m.start for p in _REPLACED_PHRASE.finditer(q) for m in self.lexicon.match(q) if m.concept in prev.all_concepts):
            return True  # "and what if it's an SCS trial instead of the TFESI?": the ask before, with what it named swapped
        if short and _WHAT_ABOUT[lang].search(q):
            return True  # "what about apixaban?", "具体到星状神经节阻滞呢？": the same question about something else
        cue = bool(_FOLLOWUP_CUE[lang].search(q))
        # "Does a negative aspiration rule it out?": a pronoun pointing back at the earlier topic; "ok and if the doc switches
        # him to a lumbar MBB instead, do we still need to hold the apixaban?": the same patient (his CrCl told before still
        # counts), with the procedure changed
        # (or with the procedure done under another guidance: "她坚持要打，能不能改成超声引导做？" after her TFESI)
        guided = any(GUIDANCE in self.lexicon.broader_closure([c]) for c in subjects) \
            and any(lex[c].kind == "procedure" for c in prev.all_concepts if c in lex)
        if self._switched_ask(q, lang, subjects) or (cue and ((short and len(subjects) == 1) or (bool(_SWITCHED[lang].search(q)) and (bool(set(subjects) & set(prev.all_concepts)) or guided)))) \
                or (_SAME_PATIENT[lang].search(q) and not _OTHER_PATIENT[lang].search(q)) \
                or (_REFERS_BACK[lang].search(q) and not _PATIENT_TOLD[lang].search(q) and not out):
            return True  # ("and if the same pt is then booked for an SCS trial?": that patient, whatever is named now)
        if (short and self._short_on_the_case(q, lang, subjects, prev)) \
                or (set(subjects) <= _AFTERCARE_TOPICS and _PATIENT_PRONOUN[lang].search(q)):
            return True  # ("ok stable now… how long do we keep her on the day unit before d/c?": that patient's aftercare)
        if self._drug_before(q, lang, subjects, prev) or self._harm_of_the_procedure_told(q, lang, subjects, prev):
            return True
        procedural = any(lex[c].kind in ("procedure", "complication", "topic") for c in subjects)
        return cue and not procedural and len(tokenize(q, lang)) <= (10 if lang == "en" else 14)

    def _both_drugs(self, q: str, lang: Lang, concepts: tuple[str, ...], parts: tuple[Part, ...],
                    history: Sequence[str]) -> tuple[tuple[str, ...], tuple[Part, ...]]:
        """"when can she restart both after" after "on Eliquis 5mg bd + Plavix … how many days off each?" and a turn naming
        only the apixaban: both drugs the thread named (the generic of a brand), beside the one the part took from the turn
        before (a part naming no drug inherits them all as it is)."""
        lex = self.lexicon.concepts
        if not history or not _BOTH_DRUGS[lang].search(q):
            return concepts, parts
        named: list[str] = []
        for turn in history:
            for m in self.lexicon.match(turn):
                c = lex.get(m.concept)
                if c is None or c.kind not in ("drug", "brand"):
                    continue
                named.append(next((b for b in c.broader if b in lex and lex[b].kind == "drug"), m.concept) if c.kind == "brand" else m.concept)
        named = list(dict.fromkeys(named))
        drugged = [p for p in parts if any(c in lex and lex[c].kind in ("drug", "brand") for c in p.concepts)]
        if len(named) < 2 or not drugged:
            return concepts, parts
        more = tuple(c for c in named if c not in concepts)
        return (*concepts, *more), tuple(replace(p, concepts=(*p.concepts, *(c for c in more if c not in p.concepts))) if p in drugged else p
                                         for p in parts)

    def _refill_in_thread(self, q: str, lang: Lang, concepts: tuple[str, ...], prev: Question | None) -> tuple[str, ...]:
        """"缓过来了 加药怎么会这样？" after an intrathecal pump's overdose: 加药 (adding drug) is that pump's refill (never a
        post-operative PCA pump's, with no intrathecal pump told)."""
        if lang != "zh" or _REFILL in concepts or prev is None or "加药" not in q \
                or not {_REFILL, "intrathecal-pump", "intrathecal-drug-delivery"} & set((*prev.all_concepts, *prev.context_concepts)):
            return concepts
        return (*concepts, _REFILL)

    def _antibiotics_needed(self, q: str, lang: Lang, concepts: tuple[str, ...]) -> tuple[str, ...]:
        """"3-level discography list on thurs. do we actually need antibiotics?": antibiotics asked as needed for a procedure
        with no infection told are its prophylaxis."""
        lex = self.lexicon.concepts
        if "antibiotic" not in concepts or _ABX_PROPHYLAXIS in concepts or not _NEED[lang].search(q) or "evidence" not in aspects_of(q, lang) \
                or not any(self.is_anchor(c) for c in concepts) or any(lex[c].kind in ("complication", "finding") for c in concepts):
            return concepts
        return (*concepts, _ABX_PROPHYLAXIS)

    def _switched_ask(self, q: str, lang: Lang, subjects: tuple[str, ...]) -> bool:
        """"医生说可能改做腰4/5椎间孔注射 那还一样吗" after the SIJ injection's dabigatran: the same ask, the procedure switched."""
        return bool(_SWITCHED[lang].search(q)) and bool(_STILL_SAME[lang].search(q)) and any(self.is_anchor(c) for c in subjects)

    def _harm_of_the_procedure_told(self, q: str, lang: Lang, subjects: tuple[str, ...], prev: Question) -> bool:
        """"consultant wants me to consent her - what do i tell her about burning/neuritis pain afterwards?" after the
        lumbar RFA's technique: a harm of the procedure just discussed, asked of the same patient; "so why do ppl bother laying
        the probe parallel to the nerve?": a topic of that procedure, asked on (a cue or pronoun points back)."""
        lex = self.lexicon.concepts
        told = (*prev.all_concepts, *prev.context_concepts)
        if not _FOLLOWUP_CUE[lang].search(q) or any(self.is_anchor(c) for c in subjects) or not any(self.is_anchor(c) for c in told):
            return False
        near = set(self.lexicon.broader_closure([*told, *(r for c in told if c in lex for r in lex[c].related)]))
        own = [c for c in subjects if lex[c].kind in ("complication", "topic")]
        return bool(own) and any(lex[c].kind == "complication" or c not in ESSENTIAL for c in own) \
            and all(c in near or c in ESSENTIAL or near & set(lex[c].related) for c in own)

    def _case_goes_on(self, q: str, lang: Lang, subjects: tuple[str, ...], prev: Question) -> bool:
        """Does the question go on with the patient of the turn before, naming nothing new of its own?"""
        # (or the picture's rescue told given or working, "naloxone 400mcg worked but 40 min later hes drifting off again")
        if set(subjects) and set(subjects) <= RESCUE_DRUGS | WATCHING and _RESCUE_GIVEN[lang].search(q) and names_symptoms(prev.text, lang):
            return True
        if (_GAVE[lang].search(q) or SIGN_STOPPED[lang].search(q)) and not any(self.is_anchor(c) for c in subjects):
            # "纳洛酮0.4mg推了 人醒了 要观察多久": a treatment given to the patient of the turn before; "seizure stopped after
            # midaz, obs stable - can she go home?": that patient's picture told as over
            return True
        if (_TOLD_FAILED[lang].search(q) or WAIT_ASK[lang].search(q)) and not any(self.is_anchor(c) for c in subjects):
            # "tried pregabalin and naproxen, still bad - next?": that patient's treatment told as failed; "MRI is 4 h away,
            # surgery tomorrow morning - can we wait?": that patient's care, delayed
            return True
        lex = self.lexicon.concepts
        if RESCUE_DRUGS & set(subjects) and all(c in lex and lex[c].kind in _DRUGLIKE for c in subjects) \
                and any(c in lex and lex[c].kind == "complication" for c in prev.all_concepts) and not _OTHER_PATIENT[lang].search(q):
            # "no intralipid in the block room, only propofol drawn up - can i just give that instead?" mid-rescue: that patient
            return True
        if _PATIENT_OPENS[lang].search(q) and not _OTHER_PATIENT[lang].search(q) \
                and not any(self.is_anchor(c) and c not in prev.all_concepts and c not in IMAGING for c in subjects):
            # "he has an old non-MRI-conditional pacer so MRI is out. how else do we image it?": that patient, a scan named
            return True
        # ("心内科说氯吡格雷绝对不能停，那能只停阿司匹林做吗？" after that patient's DAPT before an ILESI: cardiology's word on
        # the drug told before)
        # (or on the drug told before, unnamed: "心内科说支架才放了2个月不能停，那怎么办？")
        drugs = [c for c in subjects if c in lex and lex[c].kind in _DRUGLIKE]
        if _KEPT_ON in subjects and (any(c in prev.all_concepts for c in drugs)
                                     or not drugs and any(c in lex and lex[c].kind in _DRUGLIKE for c in prev.all_concepts)):
            return True
        return self._points_to_implant(q, lang, subjects, prev)

    def _points_to_implant(self, q: str, lang: Lang, subjects: tuple[str, ...], prev: Question) -> bool:
        """Does the question point back to the implant told before, naming no procedure of its own ("腰穿脑脊液白细胞很高，
        泵要不要取出？" after an infected pump's picture)?"""
        return bool(_BACK_TO_CASE[lang].search(q)) and not _OTHER_PATIENT[lang].search(q) \
            and bool(set(self.lexicon.broader_closure(list(prev.all_concepts))) & _IMPLANTS) \
            and not any(self.is_anchor(c) and c not in prev.all_concepts for c in subjects)

    def _drug_before(self, q: str, lang: Lang, subjects: tuple[str, ...], prev: Question) -> bool:
        """Is the question about the drug of the turn before, unnamed ("she's got AF … does she need bridging w clexane
        while off it?": the drug held before; "需要直接停药吗？会不会有戒断反应？" after a drug's side effect: stopping it;
        "With adrenaline?" after a local anaesthetic's maximum)?"""
        lex = self.lexicon.concepts
        if not any(lex[c].kind in _DRUGLIKE for c in prev.all_concepts):
            return False
        if _OFF_IT[lang].search(q) and not any(self.is_anchor(c) and c not in prev.all_concepts for c in subjects):
            return True
        if self._adrenaline_added(q, lang, subjects, prev) != subjects:
            return True  # ("With adrenaline?" after lidocaine's maximum: the same drug with adrenaline added)
        return "hold" in aspects_of(q, lang) and not any(lex[c].kind in _DRUGLIKE or self.is_anchor(c) for c in subjects)

    def _short_on_the_case(self, q: str, lang: Lang, subjects: tuple[str, ...], prev: Question) -> bool:
        """A short question about the case just discussed: "感染率多少？" right after an SCS question (a complication or drug
        of the procedure just discussed); "需要explant吗？还是抗生素就行" after an infected SCS pocket (a treatment of the
        case told); "抗凝病人的风险增加多少" after the haematoma's rate (that complication's risk, for this patient)."""
        lex = self.lexicon.concepts
        devices = ("procedure", "equipment")
        # (the device of the turn before named again is nothing new: "纳洛酮给多少？鞘内泵需要停吗" after the pump's overdose)
        if not any(lex[c].kind in devices and c not in prev.all_concepts for c in subjects) \
                and any(lex[c].kind in devices for c in prev.all_concepts):
            return True
        if not any(self.is_anchor(c) for c in subjects) and any(self.is_anchor(c) for c in prev.all_concepts):
            return True
        # (a piece of equipment or a topic the turn before's concepts link to: "剂量计要怎么戴？" after a pregnant nurse's C-arm
        # question is her dosimeter, the second badge under the apron linked to a pregnant worker)
        near = set(self.lexicon.broader_closure([*prev.all_concepts, *(r for c in prev.all_concepts if c in lex for r in lex[c].related)]))
        if subjects and all(lex[c].kind in ("equipment", "topic") and c in near for c in subjects):
            return True
        return bool(_RISK_WORD[lang].search(q)) and not any(lex[c].kind in ("complication", "procedure") for c in subjects) \
            and any(lex[c].kind == "complication" for c in prev.all_concepts)

    def is_anchor(self, c: str) -> bool:
        """Is the concept one of our interventional procedures (`Lexicon.is_anchor`)?"""
        return self.lexicon.is_anchor(c)

    def _background(self, ctx: Sequence[str], prev: Question) -> tuple[str, ...]:
        """The patient's history carried from the turn before that only explains what it told (the MI behind the
        ticagrelor, the CRPS behind the SCS trial: a condition the lexicon links to a drug or procedure told); a condition
        that is a risk of its own (haemophilia, neutropenia) stays a key of the follow-up."""
        lex = self.lexicon.concepts
        told = set(self.lexicon.broader_closure([c for c in prev.all_concepts if lex[c].kind != "condition"]))
        return tuple(c for c in ctx if lex[c].kind == "condition" and set(lex[c].related) & told)

    def _adrenaline_added(self, q: str, lang: Lang, concepts: tuple[str, ...], prev: Question) -> tuple[str, ...]:
        """"With adrenaline?" after lidocaine's maximum: the same local anaesthetic with adrenaline added (the lexicon's
        "lidocaine with adrenaline" is lidocaine), never adrenaline's own doses (the ACLS boluses, anaphylaxis)."""
        if set(concepts) != {EPINEPHRINE} or not _WITH_ADDED[lang].search(q) or not {"dose", "limit"} & set(prev.aspects) \
                or _OWN_ADRENALINE[lang].search(q) or _ADRENALINE_GIVEN & set(prev.all_concepts):
            return concepts  # (adrenaline's own dose: anaphylaxis, an arrest, a test dose, "how much IM?")
        la = tuple(c for c in prev.all_concepts if LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c]) and c != LOCAL_ANAESTHETIC)
        return la or concepts

    def _carried(self, q: str, lang: Lang, concepts: tuple[str, ...], ctx: tuple[str, ...], prev: Question) -> tuple[str, ...]:
        """The earlier turn's subjects that a follow-up asks about again, with one thing changed."""
        lex = self.lexicon.concepts
        # (not a turn with its own ask beside the level: "another fracture at L2 next month - how do we reduce the chance of
        # this happening again, how much cement max?" asks prevention, not the anticoagulation asked before)
        if any(lex[c].kind == "anatomy" for c in concepts) and all(lex[c].kind == "anatomy" or c in prev.all_concepts for c in concepts) \
                and (_SWAP[lang].search(q) or not set(aspects_of(q, lang)) - set(prev.aspects)):
            # "and for a cervical one?", "那腰椎的呢？", "what if the MBB is lumbar instead?": the earlier ask with the
            # region or level changed, so its drug and procedure are this question's own subjects again
            return tuple(c for c in ctx if lex[c].kind in SUBJECT_KINDS and lex[c].scope == "in")
        # ("and if she's 50 kg with CKD?": this patient's numbers, not a picture going on, "and if she's still unstable?")
        adjust = _ADJUST[lang].search(q) or (_AND_IF.search(q) and _WEIGHT.search(q))
        if concepts and all(lex[c].kind in ("condition", "finding") for c in concepts) and adjust and any(
                lex[c].kind in _DRUGLIKE for c in ctx):
            # "pt is 48kg and has ESRD on HD - change anything?" after a bupivacaine dose: the same drug, this patient
            return tuple(c for c in ctx if lex[c].kind in _DRUGLIKE and lex[c].scope == "in")
        # (not the treatment told to have failed: "what if the headache comes back after the first patch?")
        # (not one with its own ask: "and for cooled RF of the lateral branches, what's the neuritis rate?" after a hold)
        if _SWAP[lang].search(q) and any(lex[c].kind == "procedure" for c in concepts) and not any(
                lex[c].kind in _DRUGLIKE for c in concepts) and "escalation" not in aspects_of(q, lang) \
                and not set(aspects_of(q, lang)) - set(prev.aspects) - {"definition", "risk_factors"}:  # ("高风险手术呢": a class)
            # "and for a medial branch block?" after how long to hold clopidogrel before an SCS: the same drug, another
            # procedure (the drug is this question's subject again)
            return tuple(c for c in ctx if lex[c].kind in _DRUGLIKE and lex[c].scope == "in")
        if "hold" in aspects_of(q, lang) and not any(lex[c].kind in _DRUGLIKE for c in concepts):
            # "and when can he restart it after the trial leads come out?" after how long to hold Brilinta: holding or
            # restarting is said of a drug, so the earlier drug is this question's subject again (not the SCS trial's
            # guideline and complication rates)
            return tuple(c for c in ctx if lex[c].kind in _DRUGLIKE and lex[c].scope == "in")
        return ()

    def _with_class_ask(self, text: str, concepts: tuple[str, ...], around: Sequence[str]) -> tuple[str, ...]:
        """"So is that low risk?" about a procedure or drug (named now or before) asks its bleeding-risk class."""
        lex = self.lexicon.concepts
        if CLASS_ASK not in lex or CLASS_ASK in concepts or not _CLASS_WORDS.search(text):
            return concepts
        if not any(c in lex and lex[c].kind in ("procedure", "drug", "brand") for c in (*concepts, *around)):
            return concepts
        return (*concepts, CLASS_ASK)

    def _inherited(self, own: tuple[str, ...], prev: tuple[str, ...], ctx: tuple[str, ...], later: bool,
                   first: bool, bare: bool = False) -> tuple[str, ...]:
        """What a part takes from the part before it (`prev`) or the conversation (`ctx`); `bare`: the part has no word
        of its own beside its ask ("要持续几天？")."""
        lex = self.lexicon.concepts
        # a part naming no subject of its own (or only a treatment that goes with any procedure: prophylactic
        # antibiotics, explantation) asks about the one before, in its region
        if not any(lex[c].kind in SUBJECT_KINDS and (lex[c].kind != "procedure" or self.is_anchor(c)) and c not in _WATCHING for c in own):
            # (the part before's own ask, an RF lesion's temperature, is not that of a part naming one of its own;
            # a bare "做几次？" goes on with it)
            # (saying nothing but its ask, "要持续几天？" after how high glucose rises, it asks about the finding too)
            # ("那低分子肝素呢？需要停多久？" after a warfarin turn: the drug the part before swapped in, not the turn's old one)
            # (nor a regimen or its later part, "预防性抗生素怎么给？术后要用几天？": how the antibiotics are given and how
            # long they go on, not the aspirin of the turn before)
            if any(lex[c].kind in _DRUGLIKE for c in prev) or _REGIMENS.intersection((*own, *prev)):
                ctx = tuple(c for c in ctx if lex[c].kind not in _DRUGLIKE)
            if _REGIMENS.intersection((*own, *prev)):
                prev = tuple(c for c in prev if lex[c].kind not in _DRUGLIKE)
            # (nor does a bare watch, "要监测多久？" after how high the glucose went: it watches that finding)
            watch = bare or (bool(own) and set(own) <= _WATCHING)
            return tuple(c for c in dict.fromkeys(prev + ctx)
                         if (lex[c].kind in SUBJECT_KINDS or c in REGIONS or (watch and lex[c].kind in ("finding", "condition")))
                         and (c not in ESSENTIAL or not own))
        if later and own and all(lex[c].kind == "drug-class" for c in own) and any(lex[c].kind in ("drug", "brand") for c in prev):
            # "得宝松能做硬膜外注射吗？是不是颗粒型的？": whether the drug asked before belongs to the class
            return tuple(c for c in dict.fromkeys(prev) if lex[c].kind in ("drug", "brand", "procedure"))
        if later and WITHDRAWAL in own and not any(lex[c].kind in _DRUGLIKE for c in own) and any(lex[c].kind in _DRUGLIKE for c in prev):
            # "需要直接停药吗？会不会有戒断反应？": the withdrawal of the drug the part before stops
            return tuple(c for c in dict.fromkeys(prev) if lex[c].kind in _DRUGLIKE)
        if later and not any(lex[c].kind in _ANCHOR_KINDS for c in own):
            # "PDPH signs? and conservative treatment?": a generic second ask keeps the first one's complication / procedure / drug
            # (and its spinal region: "lumbar MBB RF: how many blocks? what % relief cutoff?" is still lumbar)
            return tuple(c for c in dict.fromkeys(prev) if lex[c].kind in _ANCHOR_KINDS or c in REGIONS)
        if later and not any(lex[c].kind == "procedure" for c in own):
            # "caudal ESI: max dose? and the risk of dural puncture?": a later part naming a complication or a drug
            # but no procedure stays with the procedure (and region) asked before
            # (the procedure of ours, not a technique the part before asked about: "test dose for lumbar TFESI - do i need
            # one? what if i see blood on aspiration" is the TFESI's aspiration, not the test dose's)
            # (or the implanted device that stands for its procedure: "IT pump … can we still implant? what's the infection rate")
            # (the procedure it stands for, whose figures are the part's: the pump's infection rate, not the stimulator's)
            anchored = any(self.is_anchor(c) for c in prev)
            # (and the drug before, asked whether it bleeds: "舍曲林也要停吗？会增加出血吗")
            bleeds = set(own) <= _BLEEDING_ASKS
            return tuple(c for c in dict.fromkeys((*prev, *self.lexicon.device_procedures(prev))) if (lex[c].kind == "procedure" and (self.is_anchor(c) or not anchored))
                         or c in REGIONS or (bleeds and lex[c].kind in _DRUGLIKE))
        if first:  # (a drug of its own, "那低分子肝素呢", takes the place of the turn before's: warfarin is not inherited)
            # (not the heparin named as the bridge, "does he need bridging with LMWH while its held?": the drug held stays)
            bridge = _BRIDGING in own and all(not _BRIDGE_AGENTS.isdisjoint(self.lexicon.broader_closure([c]))
                                              for c in own if lex[c].kind in _DRUGLIKE)
            return tuple(c for c in ctx if lex[c].kind not in _DRUGLIKE) if any(lex[c].kind in _DRUGLIKE for c in own) and not bridge else ctx
        return ()

    def _held_before(self, own: tuple[str, ...], inherited: tuple[str, ...], asked: tuple[str, ...],
                     prev: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A later part about a drug it does not name leans on the part before's: a hold ("吃艾乐妥，做射频要不要停药？如果
        改做PKP要停几天？": its drug, with its procedure, and the patient) or a bridge ("拜瑞妥…停药时间够吗？需要低分子肝素桥接吗？":
        the DOAC held, for which the sources say no bridging; a warfarin bridge is asked of its own criteria)."""
        lex = self.lexicon.concepts
        if "hold" in asked and own and not any(lex[c].kind in ("drug", "drug-class", "brand") for c in own + inherited):
            own += tuple(c for c in prev if lex[c].kind in ("drug", "drug-class", "brand") and c not in own)
            inherited += tuple(c for c in prev if lex[c].kind == "condition" and c not in inherited)
        # (the heparin named as the bridge, "要不要克赛桥接", is not the drug held)
        if "bridging-anticoagulation" in own and not any(lex[c].kind in ("drug", "brand") and _BRIDGE_AGENTS.isdisjoint(self.lexicon.broader_closure([c]))
                                                         for c in own):
            own += tuple(c for c in prev if lex[c].kind in ("drug", "brand") and c not in own
                         and "doac" in self.lexicon.broader_closure([c]))
        return own, inherited

    def _part_asks(self, q: str, t: str, lang: Lang, own: tuple[str, ...], before: Sequence[str]) -> tuple[str, ...]:
        """What a part asks in words the lexicon cannot name alone, as for the whole question: the needle's design, a
        treated clot, the consent for a frightened patient, the steroid cover before surgery, the bilateral block."""
        lex = self.lexicon.concepts
        own = _consent_for_fear(t, lang, _clot_treated(q, lang, _needle_asked(t, own, self.lexicon), lex), lex)
        own = _surgery_after_steroid(t, own, before, self.lexicon)
        return (*own, "bilateral-block") if _SIDED_BLOCKS.intersection((*before, *own)) and "bilateral-block" not in own \
            and _OTHER_SIDE[lang].search(t) else own

    def _parts(self, q: str, lang: Lang, ctx: tuple[str, ...], past: Mapping[str, tuple[str, ...]],
               before: tuple[str, ...] = ()) -> tuple[Part, ...]:
        """The parts of the question; `before`: the asks of the turn a follow-up leans on."""
        lex = self.lexicon.concepts
        out: list[Part] = []
        texts = split_parts(q, lang)
        inner_before: set[str] = set()  # the drug inside a pump's name told in a part before ("IT morphine pump: max dose?")
        for i, t in enumerate(texts):
            every = list(self._without_glosses(t, _effective_asked(t, tuple(self.lexicon.match(t)))))
            found = [m for m in every if not _excluded(t, m, lex[m.concept].kind in _TAKEN_KINDS, _property(lex[m.concept])) and not _consent_setting(t, lang, m, every, lex)
                     and not _injected_after_check(t, lang, m, every, self.lexicon) and not _diagnostic_tap(t, lang, m)
                     and not _not_an_ask(t, m) and not _avoided_by_guidance(t, m, every, self.lexicon) and not _kept_beside(t, m, every, lex)]
            worked = [m for m in found if _rescue_worked(t, lang, m, lex[m.concept].kind)]
            found = [m for m in found if m not in worked]
            inner = self._inner_drugs(found)
            own = self._continued(_mapped(self._resolve(m.concept for m in found), past))
            own = self._bridged_drug(self._compounded(q, _febrile(t, own)))  # as for the whole question (a pregnant colleague in any part)
            own = self._rf_skin(t, _epidural_meant(t, self._works_for_harm(self._block_reliability(t, own), found), self.lexicon.concepts))
            own = self._observed(t, self._adjacent(t, _menopausal(q, _raised_by_procedure(t, _high_pressure(t, _blood_patch(
                t, self._joint_shot(q, own), (*ctx, *(out[-1].concepts if out else ()))))))))
            own = self._part_asks(q, t, lang, own, (*ctx, *(c for p in out for c in p.concepts)))
            own = _measure_continued(own, t, lang, out[-1] if out else None, lex)
            if "indication" in own and (_LAB_CUTOFF.search(t) or _IMAGING & set(own)):
                # "INR cutoff for an SCS lead": a lab threshold, not block criteria; "diagnostic value of MRI": the scan's
                own = tuple(c for c in own if c != "indication")
            around = (*(out[-1].concepts + out[-1].inherited if out else ()), *ctx)
            own = self._repeats_asked(t, self._with_class_ask(t, own, around), around)
            own = self._toxicity_of(t, lang, own, (*(out[-1].concepts if out else ()), *ctx))
            blank = list(t)
            spans = [(m.start, m.end) for m in found] + _cue_spans(t, lang)  # concept names and the ask's own words
            spans += [(m.start, m.end + w.end()) for m in worked  # (and the rescue that worked)
                      if (w := _WORKED_AFTER[lang].match(t[m.end:])) is not None]
            for a, b in spans:
                blank[a:b] = " " * (b - a)
            terms = tuple(tokenize("".join(blank), lang))
            prev = _nearest(out[-1], lex) if out else ()
            # (a threshold asked, "多少以上才安全", "what count do you need?", is of the finding told before: the platelets)
            # (and "要怎么监测？" after how long glucose stays up: what is monitored is the finding before)
            bare = not own and (not terms or set(terms) <= _ASK_FILLER or bool(THRESHOLD_ASK.search(t)) or bool(_MONITOR_HOW.search(t))
                                or bool(LASTS_ASK.search(t)))
            inherited = self._inherited(own, prev, ctx, bool(out), i == 0 or len(texts) == 1, bare=bare)
            inherited = _regimen_inherits(own, inherited, lex)
            # "…what lesion temp? and do I need motor stim testing?": a later ask of its own words does not inherit the topic
            # the part before asked, nor one with an aspect of its own ("does caffeine actually work for PDPH, and what dose?")
            if out and (terms or aspects_of(t, lang)):
                # (but the lesion's time after its temperature, "温度设多少度 多长时间", is the same setting asked)
                timed = not terms and aspects_of(t, lang) == ("timing",)
                inherited = tuple(c for c in inherited if c not in ESSENTIAL or (timed and c in _TIMED_SETTINGS))
            if set(own) <= {"repeat-injection-limit"} and _REPEATS.search(t):  # "how many per year max then?": how often the procedure is repeated
                inherited = tuple(c for c in inherited if lex[c].kind == "procedure" or c in REGIONS) or inherited
            subj = tuple(c for c in own if lex[c].kind in SUBJECT_KINDS and lex[c].scope == "in")
            asked = _regimen(_drug_first(aspects_of(t, lang, _procedure_names(found, lex), _sign_names(found, lex), _pictured(found, lex)),
                                         subj, self.lexicon, t),
                             own, t, lang)
            asked = _treats(asked, [_allergy_kind(c, lex[c].kind, t) for c in (*own, *inherited, *ctx) if c in lex], t, lang)
            asked = _check_worth(_no_diagnosis_asked(_without_told_dose(t, lang, asked), own), own, found, lex)
            asked = _repeat_as_limit(_expected_not_stroke(t, lang, asked, (*own, *inherited)), own, lex)
            inherited = _apart_asked(t, own, inherited, lex, bool(out))
            own += self._suspected(own or inherited, asked)  # ("要查啥" after a failing pump told: its granuloma's work-up)
            # ("IT morphine pump: max conc/daily dose?", "…加量后要怎么监测": the drug in the pump's name)
            # (and the drug stopping when the pump runs dry: "IT morphine pump… what happens if the reservoir runs dry?")
            if {"dose", "limit", "hold"} & set(asked) or MONITOR_ASK.search(t) or _INTERRUPTED in own:
                own += tuple(c for c in self._resolve(inner) if c not in own)
            # (not signs supposed, "那要是发烧了 脖子也硬呢": what to do if they come, see `_unsaid_ask`)
            if (out or before) and not asked and _SWAP_CLAUSE[lang].match(t) \
                    and not (_WHAT_IF_SIGNS[lang].search(t) and any(lex[c].kind in ("finding", "complication") for c in own)):
                # (what the part before asked of, its own procedure swapped: "…透视大概多少秒？椎间盘造影呢" keeps the screening time)
                carried = tuple(c for c in (*out[-1].concepts, *out[-1].inherited) if lex[c].kind == "topic") if out else ()
                inherited = tuple(c for c in dict.fromkeys((*inherited, *carried)) if not _same_slot(c, own, lex, self.is_anchor))
                asked = out[-1].aspects if out else before  # (the part before's, or the turn before's)
            # ("…肉芽肿早期有什么表现？怎么确诊？": the mass's work-up, not the drug's; "…加量后怎么监测，监测多久": the drug's watch)
            if not {"dose", "limit", "hold"} & set(asked) and not (own and set(own) <= _WATCHING):
                inherited = tuple(c for c in inherited if c not in inner_before)
            inner_before |= set(inner)
            if out:
                own, inherited = self._held_before(own, inherited, asked, prev)
            drugs = tuple(c for c in (*prev, *ctx) if lex[c].kind in ("drug", "drug-class", "brand"))
            if REPEAT_LIMIT in own and drugs and _AFTER_IT[lang].search(t) and not _AGAIN_OF_IT[lang].search(t):
                # "克赛…术前停多久？拔针后多久能再打？": after the needle is out, "打" is the anticoagulant's next dose
                own, asked = (*(c for c in own if c != REPEAT_LIMIT), *(c for c in drugs if c not in own)), ("hold",)
            own, asked = self._asked_more(t, lang, own, asked, len(found) < len(every) and any(
                _consent_setting(t, lang, m, every, lex) for m in every))
            inherited = _watched_bleed(own, inherited, asked, lex)
            own = self._mixed_anaesthetics(own, asked)
            part = Part(t, own, _without_drugless_hold(t, asked, own + inherited + ctx, self.lexicon), inherited, terms)
            if out and (_restates(part, out[-1]) or self._additive_form(part, out[-1], lang) or _evidence_size(part, out[-1])
                        or _when_of_hold(part, out[-1]) or _story_then_ask(part, out[-1])):
                prev_part = out.pop()
                sep = " " if prev_part.text.endswith(("?", "？")) else "，" if lang == "zh" else ", "  # (clauses kept apart)
                why = ("mechanism",) if BARE_WHY.match(t) else ()  # (a bare why after it: its reason, after what it asked)
                told = ("recognition",) if _TELL_APART.match(t) else ()  # ("how do i tell?": telling them apart, first)
                part = Part(f"{prev_part.text}{sep}{t}".replace("？ ", "？"), prev_part.concepts,
                            tuple(dict.fromkeys(told + prev_part.aspects + why + part.aspects)), prev_part.inherited, prev_part.terms + terms)
            out.append(_with_opening(out, part, lang))
        return tuple(out)

    def _toxicity_of(self, t: str, lang: Lang, own: tuple[str, ...], before: tuple[str, ...]) -> tuple[str, ...]:
        """Toxicity named bare beside a local anaesthetic ("max lidocaine dose with adrenaline and what are the first signs
        of toxicity?", 利多卡因……中毒有什么表现): the local anaesthetic's systemic toxicity."""
        if _LAST in own or not _BARE_TOXICITY[lang].search(t) \
                or any(self.lexicon.concepts[c].kind == "complication" for c in own if c in self.lexicon.concepts):
            return own
        named = (*own, *before)
        return (*own, _LAST) if LOCAL_ANAESTHETIC in self.lexicon.broader_closure(list(named)) else own

    @staticmethod
    def _asked_more(t: str, lang: Lang, own: tuple[str, ...], asked: tuple[str, ...], consent: bool
                    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Asks a part's words imply: the risks to quote at consent are asked with their figures; "does adding
        epinephrine to the local help?" asks about the local anaesthetic's form as a precaution."""
        if consent and asked == ("complications",):
            return own, ("complications", "frequency")
        if _PATIENT_ASKS_HARM[lang].search(t) and set(asked) <= {"advice", "complications", "hold", "timing"}:  # (hold: "before his TFESI")
            # ("she asks me if this injection can paralyse her … what do I tell her?": the harm and how rare it is)
            return own, ("complications", "frequency")
        if _EPINEPHRINE in own and not asked and _ADDING[lang].search(t):
            return (*own, *((LOCAL_ANAESTHETIC,) if LOCAL_ANAESTHETIC not in own else ())), ("prevention",)
        return own, asked

    def _additive_form(self, part: Part, before: Part, lang: Lang) -> bool:
        """"利多卡因最大剂量多少？加肾上腺素能到多少", "max lido? and with epi?": epinephrine told as added to the local
        anaesthetic the part before asked about is that drug's form, the same ask (not epinephrine's own dose)."""
        if set(part.concepts) != {_EPINEPHRINE} or not _ADDED[lang].search(part.text):
            return False
        # (the maximum of the drug asked before, not what to do now: "心脏骤停了怎么办？加肾上腺素用多少" asks epinephrine's dose)
        if not {"limit", "dose"} & set(before.aspects) or "action" in before.aspects or "action" in part.aspects:
            return False
        return any(LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c]) for c in before.concepts + before.inherited if c != _EPINEPHRINE)

    def _retrieval_text(self, q: str, lang: Lang, concepts: tuple[str, ...], ctx: tuple[str, ...], aspects: tuple[str, ...] = ()) -> str:
        """The question plus the canonical names of its concepts that it does not spell out (brands, abbreviations,
        other-language terms, homophone slips, their broader concepts) and of the conversation's concepts, and the words
        the answer to an ask without a section of its own uses ("做什么检查确诊？" is answered by a sentence naming MRI)."""
        lex = self.lexicon
        present = q.lower() if lang == "en" else q
        add: list[str] = [w for a in aspects for w in _ANSWER_WORDS.get(a, {}).get(lang, ())]
        if aspects[:1] == ("recognition",) and MONITOR_ASK.search(q):
            add.extend(_MONITOR_WORDS[lang])
        if "prevention" in aspects and _CLEAR_CHECKS.intersection(concepts):  # (what is done beside the check: live contrast, a test dose)
            add.extend(_BESIDE_CHECK[lang])
        if aspects[:1] == ("action",) and not concepts and ctx:  # ("what can I give her?" after the wet tap's headache: its treatment)
            add.append(_TREATMENT_WORD[lang])
        if aspects[:1] == ("recognition",) and not concepts and ctx:
            add.extend(_SIGN_WORDS[lang])
        if fear_explained(q, lang):  # (a frightened patient's risk explained: how rare, audited)
            add.extend(_RARE_WORDS[lang])
        for cid in concepts:
            c = lex.concepts[cid]
            add.append(c.name(lang))
            if c.kind in ("brand", "drug"):
                add.extend(lex.concepts[b].name(lang) for b in c.broader if b in lex.concepts)
        for cid in ctx:
            add.append(lex.concepts[cid].name(lang))
        extra = " ".join(dict.fromkeys(a for a in add if a and a.lower() not in present))
        return f"{q} {extra}".strip()

    def _correct(self, q: str) -> tuple[str, list[tuple[str, str]]]:
        """Fix English misspellings of known medical words (one or two letters off)."""
        if not self._wordlist:
            return q, []
        fixes: list[tuple[str, str]] = []

        def fix(m: re.Match[str]) -> str:
            w = m.group()
            f = fold_en(w)
            rare = _frequencies("en").get(f, 0.0)  # (a rare real word, Zipf 2.5-3, only for a slip one edit off: peacemaker)
            if len(f) < 5 or f in self.words or _known_stem(f, self.vocab) or rare >= _COMMON_ENOUGH or _inflected(f) or f in _SHORTHAND:
                return w  # a known word (medical or general English, or one inflected: twitching) is never "corrected"
            if "-" in w and f.replace(" ", "") not in self.words \
                    and all(len(part) < 3 or part in self.words or part in _frequencies("en") for part in f.split()):
                return w  # nor a hyphenated one made of known words ("c-section" is no "resection")
            from rapidfuzz import process  # lazy: only a question with an unknown word pays for it
            from rapidfuzz.distance import OSA  # (a swapped pair of letters is one slip: eliqius, eliquis)

            best = process.extractOne(f, self._wordlist, scorer=OSA.distance, score_cutoff=1 if len(f) <= 7 or rare else 2)
            if best is None or (drug_like(f) and not drug_like(str(best[0]))):
                return w  # a drug name is never turned into a plain word (ketamine is not "examine")
            if drug_like(f) and f[:2] != str(best[0])[:2]:
                return w  # nor into another drug of its class sharing the stem (empagliflozin is not dapagliflozin)
            if f.endswith(str(best[0])) and f[: len(f) - len(str(best[0]))] in _NEGATING:
                return w  # nor is a negated word turned into its opposite ("afebrile" is not "febrile")
            fixes.append((w, best[0]))
            return str(best[0])

        out = re.sub(r"[A-Za-z][A-Za-z\-]{4,}(?![A-Za-z'’])", fix, q)  # (never the stem of a contraction: couldn't)
        return out, fixes

    def _history(self, concepts: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """Another specialty's procedure named beside one of ours is the patient's history, standing for the condition it
        leaves ("stent procedure in March, now booked for a TFESI": a patient with a coronary stent): procedure -> condition."""
        lex = self.lexicon.concepts
        # (one of our interventional procedures: not a measure that goes with any, "abx prophylaxis for an ICD generator change")
        if not any(lex[c].scope == "in" and lex[c].kind == "procedure" and self.is_anchor(c) for c in concepts):
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for c in concepts:
            left = tuple(r for r in lex[c].related if r in lex and lex[r].scope == "in" and lex[r].kind == "condition")
            if lex[c].scope == "out" and lex[c].kind == "procedure" and left:
                out[c] = left
        return out

    def _out_of_scope(self, concepts: tuple[str, ...], prev: Question | None) -> tuple[str, ...]:
        """Other specialties' procedures, settings, targets and non-clinical topics the question names; not one whose
        complication the corpus covers (`covers`) when that complication is asked here or in the turn before (headache
        after a diagnostic LP is ours: "PDPH after a wet tap?" - "and after a routine diagnostic LP?")."""
        lex = self.lexicon.concepts
        # (the turn before's asks only for a turn asking nothing new of ours: not "那全髋置换麻醉选腰麻还是全麻好" after steroid
        # cover before that hip replacement)
        new = any(c in lex and lex[c].scope == "in" and lex[c].kind in ("procedure", "complication", "topic") and c not in prev.all_concepts
                  for c in concepts) if prev else False
        told = concepts + (prev.all_concepts if prev else ())
        asked = set(self.lexicon.broader_closure(told))
        asked_now = set(self.lexicon.broader_closure([*concepts, *(r for c in concepts if c in lex for r in lex[c].related)]))
        ours = any(self.is_anchor(c) for c in told)
        # (a steroid told given into the epidural space is our injection, for the steroid's own effects only: "打了3次硬膜外
        # 曲安奈德…下周要做全髋置换，要不要补激素？"; never another drug's hold before their operation)
        steroid_ours = "epidural-space" in asked and "corticosteroid" in asked and bool(_STEROID_ASKS & asked)

        def covered(c: str) -> bool:  # (a drug it covers only beside a procedure of ours: "stress dose for a THR" names none)
            if new and not asked_now.intersection(lex[c].covers):
                return False  # (a new ask of ours that is none of what it covers: its anaesthetic, after its steroid cover)
            return any(ours or (steroid_ours and h == "corticosteroid") or lex[h].kind not in ("drug", "drug-class", "brand")
                       for h in asked.intersection(lex[c].covers) if h in lex)
        return tuple(c for c in concepts if lex[c].scope == "out" and not covered(c))

    def _held_for_theirs(self, q: str, lang: Lang, concepts: tuple[str, ...], out: tuple[str, ...], found: Sequence[Match]
                         ) -> tuple[str, ...]:
        """"ortho asking when they can restart xarelto after a THR tomorrow - pt had a caudal with us last wk": a drug held or
        restarted around another specialty's operation is theirs, even where a steroid injected by us before it stays ours
        (the operation's `covers`)."""
        lex = self.lexicon.concepts
        theirs = [c for c in concepts if lex[c].scope == "out" and lex[c].kind == "procedure" and lex[c].covers and c not in out]
        if not theirs or not held_drug(concepts, self.lexicon) or not _rx(ASPECTS["hold"][2 if lang == "zh" else 1]).search(q):
            return out
        # (the operation told as still to come beside its name: "a THR tomorrow", not "knee replacement 6 months ago")
        ahead = {m.concept for m in found if m.concept in theirs and _OPERATION_AHEAD.search(q[max(0, m.start - 20):m.end + 20])}
        return (*out, *(c for c in theirs if c in ahead))

    def _unknown(self, q: str, lang: Lang, matches: Sequence[Match]) -> tuple[str, ...]:
        """Salient words the knowledge base never uses (uncommon words outside every concept): candidates for
        a subject the knowledge base does not cover. Measurements (units, lab tests) are never candidates."""
        covered = [False] * (len(q) + 1)
        measures = [mm.span() for rx in (_MEASURE, _ZH_UNIT) for mm in rx.finditer(q)]
        # (nor are the ask's own words: "血糖大概升多高" asks how high, it names nothing we lack)
        for span in [(cm.start, cm.end) for cm in matches] + measures + _cue_spans(q, lang):
            for i in range(*span):
                covered[i] = True
        found: list[str] = []
        for m in re.finditer(r"[A-Za-z]+(?:'[a-z]+)?", q):
            if any(covered[m.start():m.end()]) or "'" in m.group():
                continue
            w = fold_en(m.group())
            if len(w) >= 4 and not _known_stem(w, self.vocab) and w not in self.words and not _common(w) and w not in _SHORTHAND and w not in _EN_PLAIN \
                    and not _TEAM_SPOKE.match(q, m.end()):
                noun = _EN_PROCEDURE_NOUN.match(q, m.end())  # "bunion surgery": an unfamiliar part's operation is a procedure
                found.append(m.group() + noun.group() if noun and not any(covered[noun.start():noun.end()]) else m.group())
        if lang == "zh":
            found.extend(self._unknown_zh(q, covered))
        drugs = [m for m in matches if self.lexicon.concepts.get(m.concept) is not None
                 and self.lexicon.concepts[m.concept].kind in ("drug", "drug-class", "brand")]
        return tuple(w for w in dict.fromkeys(found) if not _bracketed_with(q, w, drugs))

    def _unknown_zh(self, q: str, covered: Sequence[bool]) -> list[str]:
        """Chinese terms the knowledge base never uses: runs of uncovered jieba tokens holding an unknown token, with the
        single characters jieba split off around it (罗库 + 溴 + 铵, 阿托 + 伐 + 他 + 汀 are one name), or ending in a
        drug stem; function characters (的, 用 ...) end a run."""
        from .text import _jieba

        vocab = self.vocab.get("zh", {})
        found: list[str] = []
        pos, run, run_end, salient = 0, "", -1, False
        for tok in [*_jieba().lcut(q), ""]:
            start = q.find(tok, pos) if tok else len(q)
            pos = start + len(tok) if start >= 0 else pos
            start, tok = _uncovered(start, tok, covered)  # ("泰嘉要" before the ask "要停几天": the name 泰嘉)
            free = (start >= 0 and re.fullmatch(r"[\u3400-\u9fff]+", tok) is not None and not any(covered[start:start + len(tok)])
                    and tok not in _ZH_MEASURE)
            # (a character jieba joined to the ask's first one, 介入室 + 要 read as 介入 / 室要, is no name)
            unknown = free and len(tok) >= 2 and vocab.get(tok, 0) == 0 and not _common(tok, "zh") and tok not in _ZH_PLAIN \
                and not (len(tok) == 2 and tok[1] in _ASK_HEADS) \
                and not _A_NOT_A.fullmatch(tok) and not _JUST_DONE.fullmatch(tok) and not _ZH_TIME.fullmatch(tok)
            part = unknown or (free and len(tok) == 1 and tok not in _ZH_FUNCTION)
            if part and (not run or start == run_end):
                run, run_end, salient = run + tok, start + len(tok), salient or unknown
                continue
            if salient and free and start == run_end and _ZH_PROCEDURE_NOUN.fullmatch(tok):
                run, part = run + tok, False  # 鼻窦 + 手术: an unfamiliar organ's operation is one (procedure) term
            term = run.strip(_ZH_FUNCTION).lstrip("吃服")  # ("一直吃泰嘉": the name, not the verb taking it)
            if term.endswith("术") and q[run_end:run_end + 1] in ("前", "后"):
                term = term[:-1]  # 倍他乐克 + 术前: the drug, then "before the procedure" (jieba reads 乐克术 as one word)
            if len(term) >= 2 and (salient or drug_like(term)) and not _caller_zh(q, term, run_end):
                found.append(term)
            run, run_end, salient = (tok, start + len(tok), unknown) if part else ("", -1, False)
        return found


# Drowsy again after naloxone woke the patient ("纳洛酮0.4推了 醒了十几分钟又睡过去了", "naloxone worked but he's drifting off
# again"): the opioid outlasts it, and how long the patient is watched is part of what to do now
SLEEPS_AGAIN = {"en": lazy(r"\b(?:drifting|dozing|nodding|drifts|dozes|nods) off again\b|\b(?:went|gone|going|back) (?:back )?to sleep\b|"
                            r"\bre-?sedat\w*|\bdrowsy again\b|\bsleepy again\b|\bresp(?:iratory)? rate (?:dropping|falling) again\b", re.I),
                 "zh": lazy(AGAIN_ZH + r"|又嗜睡|又开始(?:嗜睡|迷糊|打呼)|呼吸又(?:慢|变慢)")}


# Weeks of a pregnancy told without the word ("our radiographer just told us shes 12wks"; not "6 weeks post-op", "2 wks ago").
_WEEKS_ALONG = lazy(r"\b(?:she'?s|she is|i'?m|i am)\s+(?:about |around |~)?\d{1,2}\s*(?:wks?|weeks?)\b(?![\s-]*(?:post|after|ago|since|out|from|of|on|into|in|with|off|back|later|before|old))", re.I)


def _weeks_along(q: str, concepts: tuple[str, ...]) -> tuple[str, ...]:
    """The question's concepts with the pregnancy its weeks tell (`_WEEKS_ALONG`)."""
    return (*concepts, "pregnancy") if "pregnancy" not in concepts and _WEEKS_ALONG.search(q) else concepts


def _resedated(q: str, lang: Lang, concepts: tuple[str, ...], before: Collection[str] = ()) -> tuple[str, ...]:
    """Naloxone told given, then drowsy again, or home asked for ("after naloxone she's more awake - can she go home this
    evening?"): the watch (post-procedure monitoring) joins what is asked, and home is no discharge advice yet."""
    # (or a seizure's benzodiazepine, after a toxicity picture: "fits stopped after midaz, obs normal for 1 hr. ok to send
    # home tonight?" asks the watch after LAST; or told in the turns before, `before`: "gave midazolam 2 mg, seizure stopped"
    # then "ok to send home tonight?")
    told = {*concepts, *before}
    rescued = "naloxone" in concepts or (_RESCUED_FIT & told and "seizure" in told)
    if not rescued or WATCHING & set(concepts) or not (SLEEPS_AGAIN[lang].search(q) or _HOME_ASKED[lang].search(q)):
        return concepts
    return (*(c for c in concepts if c != _DISCHARGE_ADVICE), *WATCHING)


_DISCHARGE_ADVICE = "discharge-advice"
_RESCUED_FIT = frozenset({"midazolam", "benzodiazepine", "lipid-emulsion", "last"})
_HOME_ASKED = {"en": lazy(r"\b(?:go|going|send|sent|take|taking) (?:her |him |them )?home\b|\bdischarg\w*", re.I),
               "zh": lazy(r"回家|出院|离院")}


# Who is asking, by their department or role (药剂科核对下…, 药学部问…, 放射科技师…): said first or before the asking verb,
# it names no subject the knowledge base lacks
_CALLER_ZH = lazy(r"[\u4e00-\u9fff]{1,5}(?:科|部|房|室|中心|师|组)(?:的)?(?:问|来问|说|核对?|打电话|会诊|咨询)?(?:的)?")
_CALLER_ASKS = lazy(r"^\s*(?:问|来问|说|核对|打电话|会诊|咨询)")


def _caller_zh(q: str, term: str, end: int) -> bool:
    """Is the unknown Chinese term the caller's department or role, told at the start of the message or before the verb
    of asking ("药剂科核对下 55kg病人…最多能给多少ml", "药学部问 布比卡因最大量多少")?"""
    if not _CALLER_ZH.fullmatch(term):
        return False
    start = q.find(term)
    return 0 <= start <= 6 or bool(_CALLER_ASKS.search(q[end:]))


_RESCUE_GIVEN = {"en": lazy(r"\b(?:naloxone|narcan|lipid|intralipid)\b[^.?!]{0,20}\b(?:worked|given|gave|in|on board|pushed|helped)\b|"
                              r"\b(?:gave|given|pushed)\b[^.?!]{0,12}\b(?:naloxone|narcan|lipid|intralipid)\b", re.I),
                 "zh": lazy(r"(?:纳洛酮|脂肪乳)[^，。？?]{0,8}(?:推了|给了|用了|打了|上了|起效|有效|管用)|(?:推了|给了|用了|打了)[^，。？?]{0,6}(?:纳洛酮|脂肪乳)")}


# the watching after a procedure or a drug ("监测多久", "how long do we observe?"): of the subject the part before names
WATCHING = _WATCHING = frozenset({"post-procedure-monitoring"})
_ASK_HEADS = frozenset("要需停得该能可还用吃")  # the characters an ask starts with after a name (要停, 需要, 能不能…)


def _uncovered(start: int, tok: str, covered: Sequence[bool]) -> tuple[int, str]:
    """A token that runs into the ask keeps the part before it when that is two characters or more: jieba joins a name it
    does not know to the ask's first character ("泰嘉要" of "泰嘉要停几天")."""
    if start < 0 or len(tok) < 3:
        return start, tok
    flags = [bool(covered[i]) for i in range(start, start + len(tok))]
    if not any(flags) or all(flags):
        return start, tok
    head = flags.index(True)  # the first character read already
    # (only a name before the ask's first word: "满头" of 满头大汗 is no name)
    if head >= 2 and all(flags[head:]) and tok[head] in _ASK_HEADS:
        return start, tok[:head]
    return start, tok


def _mapped(concepts: tuple[str, ...], to: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Concepts with some replaced (see `Framer._history`)."""
    return tuple(dict.fromkeys(x for c in concepts for x in to.get(c, (c,))))


# A drug injected into a limb joint ("is it safe to inject triamcinolone into her knee on warfarin?"), not a deficit that
# goes into the knee after an epidural ("numbness into the knee and foot drop")
_JOINT_INJECTED = lazy(r"\b(?:inject\w*|shot|jab|put)\b[^.?;]{0,40}?\binto (?:the|her|his|their|a|an|my) (?:\w+ )?"
                             r"(?:knee|shoulder|hip|ankle|elbow|wrist)(?: joint)?\b", re.I)
_DEFICIT_WORDS = lazy(r"\bnumb|\bweak|\bfoot drop|\bparaly|\bradiat|\bshooting|\bgoing into\b|\bdown (?:the|her|his) leg|"
                            r"\bcan'?t (?:lift|move|walk|feel)", re.I)


def _child_caudal(concepts: tuple[str, ...], out: tuple[str, ...]) -> tuple[str, ...]:
    """A caudal block for a child ("caudal ropivacaine dose for a 3 yo having inguinal hernia repair") is the paediatric
    anaesthetic caudal, not an adult caudal ESI: its dose is not the adult local anaesthetic ceiling."""
    if _PAEDIATRIC in concepts and _CAUDAL in concepts and _CHILD_CAUDAL not in out:
        return (*out, _CHILD_CAUDAL)
    return out


_PAEDIATRIC, _CAUDAL, _CHILD_CAUDAL = "paediatric", "caudal-esi", "paediatric-caudal-block"


def _joint_injected(q: str, out: tuple[str, ...]) -> tuple[str, ...]:
    """The out-of-scope subjects with a limb joint injected ("inject triamcinolone into her knee"), which no lexicon name
    can hold (the words between vary)."""
    if _JOINT_INJECTED.search(q) and not _DEFICIT_WORDS.search(q) and _JOINT_SITE not in out:
        return (*out, _JOINT_SITE)
    return out


_JOINT_SITE = "peripheral-joint-site"
# How long it lasts ("how long will it last?", 持续多久): asked after how high glucose goes, of the finding before; its
# answer says when it settles (compose's narrow kind)
LASTS_ASK = lazy(r"how long (?:will|does|do|would|can|might) (?:\w+ ){1,3}?(?:last|persist|go on|stay|remain)\b|"
                       r"how long (?:it|this|that|they|the \w+) (?:will|would|might|may|is going to|usually|typically) (?:\w+ )?(?:last|persist|go on)|"
                       r"when (?:will|does|do) (?:it|this|that|they) (?:\w+ )?(?:settle|resolve|go away|stop|wear off|get better)|"
                       r"how (?:long|many days) (?:until|till|before) (?:it|this|that|they|the \w+) (?:\w+ )?(?:settles?|resolves?|goes away|wears? off|gets? better|comes? down)|"
                       r"how many (?:days|weeks) (?:will|does|do|would|can|might) (?:\w+ ){1,3}?(?:last|persist|go on|stay|remain)\b|"
                       r"持续(?:多久|几天|多长时间|多少天|几周)|(?:效果|疗效|缓解)(?:能|可以)?维持(?:多久|几天|多长时间|几个月)|(?:会|要)?(?:高|升高|升)(?:多久|几天|多长时间)|(?:多久|几天|多长时间)(?:能|会|才|可以)?(?:好|消失|缓解|恢复|自愈|消退|降下来|降回|回落|正常)|"
                       r"什么时候(?:能|会|才)?(?:好|消失|缓解|消退|降下来|回落|正常)", re.I)
_MONITOR_HOW = lazy(r"\bhow (?:do|should|often) (?:i|we|you) (?:monitor|check|follow)|\bmonitor(?:ing)?\b[^.?]{0,12}\?|"
                          r"^\W*(?:and\s+)?when (?:(?:do|should) (?:i|we|you) |to )(?:check|monitor|test|recheck|re-check)(?: (?:it|them|again))?\s*\?|"
                          r"(?:怎么|如何|怎样|多久|什么时候|何时)(?:监测|复查|检测|观察|随访|测)", re.I)


def _followup_part(part: Part, concepts: tuple[str, ...], subjects: tuple[str, ...], aspects: tuple[str, ...],
                   asked_before: tuple[str, ...] = ()) -> Part:
    """The one part of a follow-up: it asks about all the question's concepts when it names subjects of its own beyond
    its clause, and keeps the failed treatment the turn before told of ("dex did nothing" - "particulate next time?");
    one that only tells the patient's numbers asks what the turn before asked (`asked_before`)."""
    if asked_before:
        part = replace(part, aspects=asked_before)
    if "escalation" in aspects and "escalation" not in part.aspects:
        part = Part(part.text, part.concepts, ("escalation", *part.aspects), part.inherited, part.terms)
    if set(subjects) - set(part.concepts):
        part = Part(part.text, concepts, part.aspects, part.inherited, part.terms)
    return part


def _topic_still_not_ours(out: tuple[str, ...], ctx: Sequence[str], bare: bool, lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """A follow-up naming nothing of its own (`bare`) about a topic the turn before asked that is not ours ("what to do
    with the stimulator before the scan?" after an implant's MRI): still not ours."""
    if not bare:
        return out
    return out + tuple(c for c in ctx if lex[c].scope == "out" and lex[c].kind == "topic" and c not in out)


# A child named as the time of a past event ("rash as a kid", 小时候过敏) or as someone else's ("her kids"): no child patient.
_CHILDHOOD = lazy(r"\b(?:as an? |when (?:she|he|they|i) (?:was|were) an? |since (?:she|he) was an? )$|\b(?:her|his|their) $|"
                        r"(?:她|他|病人|患者)的$", re.I)
_PAEDIATRIC = "paediatric"


def _childhood(q: str, m: Match) -> bool:
    """Is the child word matched the time of a past event or someone else's child?"""
    return m.concept == _PAEDIATRIC and bool(_CHILDHOOD.search(q[max(0, m.start - 30):m.start]))


def _same_slot(c: str, own: Sequence[str], lex: Mapping[str, Concept], anchor: Callable[[str], bool] = lambda c: True) -> bool:
    """Does a concept fill the slot one of `own` fills (a region another region, a procedure another procedure; a
    technique, "and blind injections?", is no procedure of ours in the SIJ injection's place)?"""
    if c in REGIONS:
        return any(o in REGIONS for o in own)
    return lex[c].kind in ("procedure", "drug", "brand") and any(
        lex[o].kind == lex[c].kind and (lex[c].kind != "procedure" or anchor(o) == anchor(c)) for o in own if o in lex)


_BLEEDING_ASKS = frozenset({"bleeding", "bleeding-risk"})


def _nearest(part: Part, lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """What a later part of the question goes on with from the part before: its concepts and what it inherited, except a
    procedure of the turn before when it names its own ("…after an interlaminar epidural?" then "what volume for an
    epidural blood patch and when is it contraindicated?": the blood patch's contraindications)."""
    own = any(c in lex and lex[c].kind == "procedure" for c in part.concepts)
    return part.concepts + tuple(c for c in part.inherited if not (own and c in lex and lex[c].kind == "procedure"))


def _kept_on(q: str, lang: Lang, concepts: Sequence[str], aspects: tuple[str, ...],
             parts: tuple[Part, ...]) -> tuple[tuple[str, ...], tuple[Part, ...]]:
    """"cardiology says can't stop it. options?": the drug stays on; how long it is held is not asked (beside another ask),
    and what to do now ("…不能停，那怎么办？") is whether the procedure may go ahead on it (not when something is
    happening now: "apixaban not stopped, now weak legs - what do we do?")."""
    def without(c: Sequence[str], a: tuple[str, ...], text: str) -> tuple[str, ...]:
        if _CONTINUED in c and a[:1] == ("action",) and not _ACUTE[lang].search(text):
            a = ("contraindications", *a[1:])
        return tuple(x for x in a if x != "hold") if _CONTINUED in c and "hold" in a and len(a) > 1 \
            and not _HOW_LONG_HELD.search(text) else a
    return without(concepts, aspects, q), tuple(replace(p, aspects=without(p.concepts, p.aspects, p.text)) for p in parts)


# ("cardiology won't let us stop. how long would we normally hold it?": the usual interval is still asked)
_HOW_LONG_HELD = lazy(r"\bhow (?:long|many days)\b|\busual hold\b|几天|多久|多长时间", re.I)


def _topic_ask(q: str, lang: Lang, concepts: Sequence[str]) -> tuple[str, ...]:
    """An ask named only by its topic: "consent risks for a lumbar RFA - what do you list?" (the harms to disclose),
    "what premedication should she get?" (prevention), "shellfish allergy - do I need to premedicate?" (is her history a
    risk factor, then the regimen)."""
    asks = {**TOPIC_ASKS, **(_NEED_ASKS if _NEED[lang].search(q) else {})}
    return _regimen(next((a for c, a in asks.items() if c in concepts), ()), concepts, q, lang)


# Measures given as a drug regimen: asked how to give them ("怎么预处理", "how do I premedicate"), the regimen with its
# doses answers first, before what the measure achieves.
_REGIMENS = frozenset({"premedication", "antibiotic-prophylaxis"})
_HOW_GIVEN = {"en": lazy(r"\bhow (?:do|should|would|to) (?:i |we |you )?(?:\w+ )?(?:premedicate|premed|give|dose|prepare|prep)\b|"
                               r"\bwhat (?:\w+ )?(?:regimen|protocol)\b", re.I),
              "zh": lazy(r"(?:怎么|如何|怎样)(?:做|进行|给药|用药|使用)?(?:预处理|预防用药|预防性用药|用药|给药|给)|什么(?:方案|药)|用什么")}


def _regimen(aspects: tuple[str, ...], concepts: Sequence[str], text: str, lang: Lang) -> tuple[str, ...]:
    """Prevention asked as how to give a regimen (premedication, antibiotic prophylaxis) asks for its doses too."""
    if aspects == ("prevention",) and _REGIMENS.intersection(concepts) and _HOW_GIVEN[lang].search(text):
        return ("dose", "prevention")  # (the regimen leads: its doses and times, then what else prevents it)
    if _planned_premedication(aspects, concepts) != aspects:
        return _planned_premedication(aspects, concepts)
    if aspects[:1] == ("action",) and "premedication" in concepts and _URGENT_REGIMEN not in concepts and "dose" in aspects:
        # ("…caudal at 9am tomorrow and it's now 4pm. What premed regimen can I still give?": a regimen to plan, not a
        # reaction to treat)
        return ("dose", "prevention")
    if _URGENT_REGIMEN in concepts and not {"evidence", "comparison", "mechanism"} & set(aspects):
        # ("case in 5 hrs, can we do IV instead?", "来不及提前13个钟头呢？": the urgent regimen, with its doses)
        return ("dose", "action")
    return aspects


def _still_excluded(excluded: tuple[str, ...], prev: Question | None, concepts: Sequence[str]) -> tuple[str, ...]:
    """A harm ruled out the turn before stays out of a follow-up that does not name it again ("MRI - no haematoma" -> "will
    he walk again?": never the haematoma's recovery figures)."""
    return excluded if prev is None else (*excluded, *(c for c in prev.excluded if c not in excluded and c not in concepts))


def _asked_as(aspects: tuple[str, ...], concepts: Sequence[str], text: str, lang: Lang, lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """The last readings of an ask, the same for the question and each part: a planned premedication, a safety check, whether
    prophylaxis is needed at all, whether a drug may be given, when to come back."""
    drug = any(c in lex and lex[c].kind in _DRUGLIKE for c in concepts)
    return _return_asked(_drug_whether(_prophylaxis_needed(_safety_check_asked(_planned_premedication(aspects, concepts), concepts),
                                                           concepts, text, lang), drug and bool(_DRUG_TRIED_ASK.search(text))), concepts, text)


def _return_asked(aspects: tuple[str, ...], concepts: Collection[str], text: str) -> tuple[str, ...]:
    """"when should we get her back in?", 要让他什么时候回来: when to come back is the signs to come back for (the discharge
    advice), not a length of time."""
    return ("advice", *aspects[1:]) if DISCHARGE_ADVICE in concepts and aspects[:1] == ("timing",) and _COME_BACK.search(text) else aspects


DISCHARGE_ADVICE = "discharge-advice"
# coming back asked ("get her back in", 什么时候回来), not how long she is kept ("要观察多久才能让他回家")
_COME_BACK = lazy(r"\bback in\b|\bcome back\b|\breturn\b|回来|回医院|返院|来急诊", re.I)


# a drug asked whether it will do ("用丙泊酚止抽行不行", "can i just give propofol?"), not a drug told beside another ask
_DRUG_TRIED_ASK = lazy(r"用[^，。？?]{1,12}(?:行不行|行吗|能行吗|可以吗)|\bcan (?:i|we) (?:just )?(?:give|use|try)\b", re.I)


def _drug_whether(aspects: tuple[str, ...], drug: bool) -> tuple[str, ...]:
    """A drug named with what to do and whether it may be given ("用丙泊酚止抽行不行") asks whether that drug may be given."""
    return ("contraindications", *aspects[2:]) if drug and aspects[:2] == ("action", "contraindications") else aspects


def _planned_premedication(aspects: tuple[str, ...], concepts: Collection[str]) -> tuple[str, ...]:
    """A premedication regimen asked with no hurry told ("booked 9am tmrw. what premed regimen?") is the planned regimen,
    not the urgent one: asked as prevention too."""
    if aspects == ("dose",) and "premedication" in concepts and _URGENT_REGIMEN not in concepts:
        return ("dose", "prevention")
    return aspects


def _prophylaxis_needed(aspects: tuple[str, ...], concepts: Collection[str], text: str, lang: Lang) -> tuple[str, ...]:
    """Whether antibiotic prophylaxis is needed at all ("do we actually need antibiotics? … no evidence either way") asks
    the evidence first, then how it is given."""
    if _ABX_PROPHYLAXIS not in concepts or not _NEED[lang].search(text) or not set(aspects) <= {"prevention", "evidence"} \
            or aspects[:1] == ("evidence",) or "evidence" not in aspects:
        return aspects
    return _NEED_ASKS[_ABX_PROPHYLAXIS]


# checks made during a procedure to keep a harm away ("怎么确认没靠近运动神经？": the sensory and motor stimulation)
_SAFETY_CHECKS = frozenset({"rf-stimulation-check"})


def _safety_check_asked(aspects: tuple[str, ...], concepts: Collection[str]) -> tuple[str, ...]:
    """How to confirm a procedure is safe, asked of a safety check ("how do we confirm we're not near the motor nerve?"), is
    how the harm is prevented, not a work-up."""
    if aspects[:1] == ("workup",) and _SAFETY_CHECKS.intersection(concepts):
        return ("prevention", *aspects[1:])
    return aspects


_URGENT_REGIMEN = "urgent-premedication"
_PREMEDICATED = frozenset({"premedication", "contrast-allergy", _URGENT_REGIMEN})
# less time than the regimen needs, told after a premedication turn ("only 5 hrs notice, a quicker option?", "can we do IV
# instead?", 时间来不及, 改静脉)
_HURRIED = {"en": lazy(r"\b(?:quicker|faster|shorter|sooner)\b|\b(?:hrs?|hours?)'? notice\b|\bshort notice\b|\b(?:iv|intravenous)\b[^.?]{0,20}\binstead\b|"
                             r"\binstead\b[^.?]{0,20}\b(?:iv|intravenous)\b|\bin (?:about |only )?\d+ ?(?:hrs?|hours)\b|"
                             r"\bonly (?:[1-9]|1[01]|a few|few) ?(?:hrs?|hours)\b|\b(?<!\d)(?:[1-9]|1[01]) ?(?:hrs?|hours) (?:left|away|to go)\b", re.I),
            "zh": lazy(r"来不及|时间不够|更快|快一点|改静脉|改成静脉|改用静脉|能不能静脉|静脉(?:给|用|的方案)|临时加台|今天(?:就|急着)?做|\d+\s*个?(?:小时|钟头)后(?:就)?(?:要)?做|"
                             r"(?:只剩|只有|还剩|就剩)(?:下)?\s*(?:[1-9]|1[01]|[一二三四五六七八九十两几]|十一)\s*个?(?:小时|钟头)|[上下]午\s*\d+\s*点(?:钟)?就要做|今天才来")}


_HOURS_TOLD = lazy(r"(\d+)\s*(?:h\b|hrs?\b|hours?\b|个?小时|个?钟头)", re.I)


def _as_urgent_regimen(aspects: tuple[str, ...], parts: tuple[Part, ...], carried: Sequence[str], q: str, lang: Lang
                       ) -> tuple[tuple[str, ...], tuple[Part, ...]]:
    """The urgent regimen carried into a follow-up ("only 5 hrs notice, a quicker option?") is asked with its doses."""
    if _URGENT_REGIMEN not in carried:
        return aspects, parts
    return _regimen(aspects, (_URGENT_REGIMEN,), q, lang), tuple(replace(p, aspects=_regimen(p.aspects, (_URGENT_REGIMEN,), p.text, lang))
                                                                 for p in parts)


def _hurried_premedication(q: str, lang: Lang, concepts: Sequence[str], told: Sequence[str], lexicon: Lexicon) -> tuple[str, ...]:
    """Premedication asked (or a follow-up to a premedication turn) telling less time than the oral regimen needs asks the
    urgent regimen."""
    if _URGENT_REGIMEN in concepts or not _PREMEDICATED & set(told) or not _HURRIED[lang].search(q) \
            or held_drug(concepts, lexicon) or any(int(h) >= 13 for h in _HOURS_TOLD.findall(q)):
        return ()  # ("case is in 3 hours - stop her aspirin?": the drug's hold; "ILESI in 14 hours": time for the oral regimen)
    return (_URGENT_REGIMEN,)


# a drug told as never stopped ("he never stopped his aspirin 100 - does that matter?", 阿司匹林没停 有关系吗)
_NOT_STOPPED = {"en": lazy(r"\b(?:never|didn'?t|did not|wasn'?t|was not|not) (?:\w+ )?(?:stopp?(?:ed)?|held|withheld)\b|\bstill (?:on|taking)\b|"
                                 r"\bkept (?:on|taking)\b|\bcontinued (?:on |taking )?(?:his|her|their|the)\b", re.I),
                "zh": lazy(r"没停|没有停|未停|一直(?:在)?(?:吃|服|用)|照常(?:吃|服|用)|没断")}


def _kept_on_matters(aspects: tuple[str, ...], text: str, lang: Lang, on_case: bool) -> tuple[str, ...]:
    """A drug told as never stopped, asked of the case told before whether that matters, asks first what it adds to the
    risk, then its hold."""
    if not on_case or "risk_factors" not in aspects or "hold" not in aspects or aspects[:1] == ("risk_factors",) \
            or not _NOT_STOPPED[lang].search(text):
        return aspects
    return ("risk_factors", *(a for a in aspects if a != "risk_factors"))


_INR_VALUE = lazy(r"\bINR\b\s*(?:is|of|was|=|:|now|today)?\s*\d(?:\.\d+)?\b|\bINR\b[^.?。？]{0,12}\b\d\.\d\b|INR\s*(?:是|为|：|:)?\s*\d", re.I)
_SAFELY_DONE = lazy(r"\bsafely\b", re.I)


def _drug_first(aspects: tuple[str, ...], subjects: tuple[str, ...], lexicon: Lexicon, text: str = "") -> tuple[str, ...]:
    """"Can I do a TFESI on a patient taking Brilinta?" asks how to manage the drug (hold times live under Prevention);
    "can I use triamcinolone for a cervical TFESI?" asks whether the drug is safe there (a steroid is not held); "anticoagulants
    before SCS - how long?" asks how long the held drug is held before the procedure (not after it: monitoring, a restart)."""
    if aspects[:1] == ("contraindications",) and (held_drug(subjects, lexicon) or _INR_VALUE.search(text)):
        return ("hold", *aspects)  # (or an INR told, "INR 1.6 morning of the trial, ok to proceed?": the warfarin rule's INR)
    if aspects[:1] == ("prevention",) and _SAFELY_DONE.search(text) and held_drug(subjects, lexicon) \
            and any(lexicon.concepts[c].kind == "procedure" for c in subjects if c in lexicon.concepts):
        # "how can we proceed safely with a cervical ILESI in a patient on clopidogrel?": the drug's hold first
        return ("hold", *aspects)
    if aspects[:1] in ((), ("contraindications",), ("recognition",)) and SEEN_ON_THE_TABLE & set(subjects) and _GO_ON_ASK.search(text):
        # "L5 TF, dex 10, flash of blood on DSA - proceed?": whether to go on past the sign seen is its management rule
        return ("action", *aspects)
    if aspects[:2] == ("complications", "comparison") and _SAFER.search(text) and held_drug(subjects, lexicon):
        # "which is safer for a patient on apixaban, TFESI or ILESI?": the drug's hold for each, before their complications
        return ("hold", *aspects)
    if aspects[:1] == ("action",) and _STILL_DO.search(text) and held_drug(subjects, lexicon) \
            and any(lexicon.concepts[c].kind == "procedure" for c in subjects) \
            and not any(lexicon.concepts[c].kind in ("complication", "finding") for c in subjects):
        # "Brilinta, cardio says don't stop. can we still do lumbar MBB RFA?": whether it may go ahead on the drug
        return ("hold", *(a for a in aspects if a not in ("action", "hold")), "contraindications")
    if aspects == ("action",) and held_drug(subjects, lexicon) and any(lexicon.concepts[c].kind == "procedure" for c in subjects) \
            and not asks_to_anticoagulate(text):
        return ("hold",)  # "on Brilinta, wants a kyphoplasty - what do I do with the antiplatelets?": the drug before the procedure
    if aspects[:1] == ("timing",) and "hold" not in aspects and held_drug(subjects, lexicon) \
            and any(lexicon.concepts[c].kind == "procedure" for c in subjects) and _BEFORE_IT.search(text) and not _AFTERWARDS_ASK.search(text):
        return ("hold", *aspects)  # "anticoagulants before SCS - how long?": how long the drug is held before it
    if "timing" in aspects and "hold" not in aspects and held_drug(subjects, lexicon) and _WAIT_AFTER_PROCEDURE.search(text):
        return ("hold", *aspects)  # "give enoxaparin 40 mg tonight instead, how many hours after the procedure is ok?": its restart
    return aspects


# how long after the procedure a drug may be given ("how many hours after the procedure is ok?", 术后多少小时可以打): its restart
GIVEN_AFTER_ASK = (r"\bhow (?:many hours|long|soon) after (?:the |her |his |this )?(?:procedure|op|operation|surgery|kyphoplasty|"
                   r"vertebroplasty|injection|implant|block|rfa|esi|tfesi|trial)\b[^?]{0,20}\b(?:ok|okay|safe|give|start|restart)\b|"
                   r"(?:术|操作)后(?:多少|几个?)小时(?:可以|能)?(?:打|用|给|开始)")
_WAIT_AFTER_PROCEDURE = lazy(GIVEN_AFTER_ASK, re.I)
_STILL_DO = lazy(r"\b(?:can|could|should) (?:i|we|you) still (?:do|go ahead|proceed)\b|还能(?:做|打)|还可以(?:做|打)", re.I)
# signs seen on the table that decide whether to go on, and the ask to go on ("proceed?", 继续吗)
# Signs seen on the table that a rule says to stop on: whether to go on past one is its management rule (and, in
# compose, that rule leads "what now?")
SEEN_ON_THE_TABLE = frozenset({"intravascular-injection", "dural-puncture", "inadvertent-intrathecal-injection", "cement-leakage"})
_GO_ON_ASK = lazy(r"\b(?:proceed|continue|carry on|go on|go ahead|inject (?:anyway|the steroid|the rest)|(?:ok|okay|safe|fine) to (?:push|inject))\b|"
                  r"继续|接着推|还能推|能推吗|能打吗|还能打|(?:能|可以)(?:直接|放心)?(?:推|打)[^，。？?]{0,6}(?:吗|么|不)|"
                  r"(?:推|打|注)[^，。？?]{0,6}(?:行不行|可以吗|可不可以|行吗)|还(?:要|能)?(?:打|推|注射|注)(?:吗|么|不)|能不能(?:再)?(?:打|推|注)", re.I)
_BEFORE_IT = lazy(r"\bbefore\b|\bprior to\b|\bpre-?op|(?:术|植入|操作|手术|注射|穿刺|治疗|之)前|前(?:要|需|得|应)?停", re.I)
_AFTERWARDS_ASK = lazy(r"\bafter\b|\bpost\b|\bmonitor|\bwatch|\bobserv|\brestart|\bresum|术后|之后|以后|做完|观察|监测|恢复", re.I)
_STOP_WORD = lazy(r"\bstop|\bhold|\bheld\b|withh|discontinu|restart|resum|停")


_AVOIDED = lazy(r"(?:避开|避免|免得|以免|少受|\bto avoid|\bavoid(?:ing)?|\bspare (?:her|him|them|the (?:baby|fetus|foetus)))\s*(?:the |any |all )?$", re.I)


_KEPT_AFTER = lazy(r"^\s*(?:must|has to|is to|needs to)\s+(?:be\s+)?(?:continue[ds]?|stay|carry on|kept)\b(?![^.?;]{0,20}\bor\b)|"
                         r"^\s*(?:必须|一定要)(?:继续|不能停)(?![^，。？?]{0,8}还是)", re.I)


def _kept_beside(text: str, m: Match, every: Sequence[Match], lex: Mapping[str, Concept]) -> bool:
    """A drug told as carrying on beside another asked ("cardiology happy to stop ticag for a week but aspirin must
    continue. how many days before?"): its hold is not asked."""
    if m.concept not in lex or lex[m.concept].kind not in ("drug", "brand"):
        return False
    others = [o for o in every if o.concept != m.concept and o.concept in lex and lex[o.concept].kind in ("drug", "brand")]
    return bool(others) and bool(_KEPT_AFTER.search(text[m.end:]))


def _avoided_by_guidance(text: str, m: Match, every: Sequence[Match], lexicon: Lexicon) -> bool:
    """Radiation named only as what another guidance avoids ("能不能改成超声引导做，避开辐射？", "do it under ultrasound to
    avoid the radiation?"): the guidance for the procedure is asked, not radiation's hazards."""
    if m.concept != "radiation-exposure" or not _AVOIDED.search(text[:m.start]):
        return False
    return any(o.concept != m.concept and GUIDANCE in lexicon.broader_closure([o.concept]) for o in every)


def _without_drugless_hold(text: str, aspects: tuple[str, ...], concepts: Sequence[str], lexicon: Lexicon) -> tuple[str, ...]:
    """A hold ask read only from "before" needs a drug: "before the risk goes up", "warn patients before a TFESI" hold
    nothing ("when do I stop injecting cement?" still asks when to stop)."""
    lex = lexicon.concepts
    if "hold" in aspects and not _STOP_WORD.search(text.lower()) \
            and not any(lex[c].kind in ("drug", "drug-class") and not _contrast(c, lexicon) for c in concepts if c in lex):
        return tuple(a for a in aspects if a != "hold")
    return aspects


def _contrast(c: str, lexicon: Lexicon) -> bool:
    """Is the concept a contrast medium (given before the images, never held: "premedicate her before the omnipaque")?"""
    return _CONTRAST_MEDIUM in lexicon.broader_closure([c])


_CONTRAST_MEDIUM = "contrast-medium"
_MIXTURE = "local-anaesthetic-mixture"
_ESI = "esi"
# Injections that are not ours, repeated on a schedule ("Botox every 3 months", "B12 injections").
_NOT_OUR_INJECTIONS = lazy(r"\b(?:botox|botulinum|b12|vitamin|depo-?provera|contracepti\w*|insulin|biologics?|denosumab|prolia|testosterone)\b|"
                           r"肉毒|维生素|胰岛素", re.I)
_THESE_A_YEAR = lazy(r"\bhow many (?:of )?(?:these|those) (?:can|could|should|may) (?:he|she|they|the (?:patient|pt)|pt) (?:have|get|receive)\b"
                           r"[^.?!]{0,20}?\b(?:per|a|each|every|in a) (?:year|yr)\b|"
                           # (another one soon after the one told: "下个月能不能再打一次？", "can we repeat it next month?")
                           r"(?:下个月|下周|过(?:几|两|一|半)个?(?:月|周)|(?:\d+|[一二两三几])\s*(?:个)?(?:月|周)(?:以?后))[^，。？?]{0,8}"
                           # (asked, not told as the plan before another ask: "下个月再做 怎么预防")
                           r"(?:(?:能不能|可不可以|能否|能|可以)再(?:打|做)(?:一(?:次|针))?|再(?:打|做)(?:一(?:次|针))?"
                           r"(?=\s*(?:吗|行吗|可以吗|行不行|好吗|呢|合适吗|安全吗)?\s*[？?]?\s*$))|"
                           r"\b(?:repeat|redo|do (?:it|another)|have another|give another)\b[^.?!]{0,20}\b(?:next month|in (?:\d+|a few|two|three|four|six) "
                           r"(?:weeks?|wks?|months?)|next week)\b|"
                           # (a schedule asked whether it is allowed: "he wants them every 6 weeks, is that ok", 每6周打一次行不行)
                           # (of the injections: never an INR check's or a stimulator's recharging schedule)
                           r"\b(?:them|injections?|shots?|jabs?|ESIs?|epidurals?|steroids?|blocks?)\b[^.?!]{0,20}"
                           r"\bevery (?:\d+|two|three|four|five|six|eight|few) (?:weeks?|wks?|months?)\b[^.?!]{0,25}"
                           r"\b(?:ok|okay|fine|safe|alright|acceptable|allowed|too (?:often|much|many|frequent))\b|"
                           r"每(?:隔)?\s*(?:\d+|[一二两三四五六八几])\s*(?:个)?(?:周|星期|月)[^，。？?]{0,6}(?:打|做)(?:一次|一针)?[^，。？?]{0,4}"
                           r"(?:行不行|可以吗|能不能|可不可以|行吗|可以不|太频繁|安全吗)", re.I)
HELD = frozenset({"antithrombotic", "anticoagulant", "antiplatelet", "nsaid"})
_BRIDGING = "bridging-anticoagulation"  # drugs held before a procedure for bleeding
_CORONARY_STENT, _DAPT_DURATION = "coronary-stent", "dapt-duration"
_PUMP_DRUGS = frozenset({"baclofen", "ziconotide"})  # what an intrathecal pump gives, bridged by mouth when it fails
# how long a drug is taken, not how long it is stopped ("要吃多久", "how long does he need to stay on clopidogrel")
_TAKEN_HOW_LONG = lazy(r"\bhow long (?:does|should|must|will|do|would) (?:he|she|they|pt|the (?:pt|patient)|i|we|patients?) (?:need to |have to |be )?"
                       r"(?:stay on|be on|take|continue|remain on|keep (?:taking|on))\b|\bhow long (?:is|for) (?:the )?(?:DAPT|dual antiplatelet)\b|"
                       r"要吃多久|吃多久|吃多长时间|要吃到什么时候|吃到什么时候|需要吃几个月|要用多久", re.I)
_BRIDGE_WORDS = lazy(r"桥接|\bbridg(?:e|ed|ing)\b", re.I)  # (blanked to find the drug a bridging name holds)
# another specialty's operation still to come ("a THR tomorrow", 下周髋关节置换), not one in the history
_OPERATION_AHEAD = lazy(r"\b(?:tomorrow|tmrw|next (?:week|month)|booked|scheduled|planned|upcoming|due)\b|明天|下周|下个月|准备做|计划|预约|拟行", re.I)
_CONTINUED = "continued-antithrombotic"


def _stop_told(q: str, lang: Lang, aspects: tuple[str, ...], parts: tuple[Part, ...],
               held: bool) -> tuple[tuple[str, ...], tuple[Part, ...]]:
    """A stop told as done ("we stopped, vision back to normal in 20 min. Anything else before she goes home?") with no
    drug held before procedures named: the story's step, not a drug's hold (never "no interval for stopping saline")."""
    if "hold" not in aspects or held:
        return aspects, parts
    hold = _rx(ASPECTS["hold"][2 if lang == "zh" else 1])
    if hold.search(_STOP_TOLD[lang].sub(" ", q)):
        return aspects, parts  # (another hold word asked: "restart", "how long before")

    def untold(asked: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(a for a in asked if a != "hold")
    return untold(aspects), tuple(replace(p, aspects=untold(p.aspects)) for p in parts)


def _failed_before_asked(aspects: tuple[str, ...], parts: tuple[Part, ...], harm: bool) -> tuple[tuple[str, ...], tuple[Part, ...]]:
    """Care that failed before the procedure, asked whether the procedure may be done ("孕24周…产科说保守没用，能做透视下TFESI
    吗"): the history that brings the patient, not a treatment of ours failing (no complication told: a PDPH's failed
    conservative care still asks the next step; nor beside a drug held before procedures, whose hold stays asked)."""
    if harm or aspects[:1] != ("escalation",) or "contraindications" not in aspects:
        return aspects, parts

    def asked(a: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(x for x in a if x != "escalation") or a
    return asked(aspects), tuple(replace(p, aspects=asked(p.aspects)) for p in parts)


# (a stop told with no drug after it: "we stopped,", "seizure … stopped with midazolam"; never "we stopped her fish oil")
_STOP_TOLD = {"en": lazy(r"\b(?:we|i|they|she|he|it|this|that|which|was|were|got|had|been|seizures?|fits?|twitching|jerking|bleeding)"
                         r"\s+(?:\w+\s+)?stopped\b(?!\s+(?:her|his|their|the|taking|giving|all|any|its|it|them|my|our)\b)|"
                         r"(?:^|[,;]\s*)stopped\b(?!\s+(?:her|his|their|the|taking|giving|all|any|its|it|them|my|our)\b)", re.I),
              "zh": lazy(r"(?:抽搐|抽筋|发作|出血|操作|注射|冲洗|手术)?(?:已经|马上|立即|就)?(?:停了|停止了|暂停了)(?![^，。？?]{0,2}(?:药|阿司匹林|华法林|抗凝))")}


def held_drug(ids: Iterable[str], lexicon: Lexicon) -> bool:
    """Does one of the concepts name a drug that is held before a procedure (an antithrombotic or an NSAID)?"""
    lex = lexicon.concepts
    return any(lex[c].kind in ("drug", "drug-class") and HELD & set(lexicon.broader_closure([c])) for c in ids if c in lex)


def procedure_like(term: str) -> bool:
    """Does an unknown term name a procedure or setting (colonoscopy, 拔牙, 活检 ...)?"""
    return bool(_PROCEDURE_LIKE["zh"].search(term) or _PROCEDURE_LIKE["en"].search(term.lower()) or _PROCEDURE_LIKE["abbr"].match(term))


def _with_dialysis(q: str, concepts: tuple[str, ...], lex: Mapping[str, Concept]) -> tuple[str, ...]:
    """Heparin given at dialysis tells the patient's kidneys too (its bleeding-risk upgrade)."""
    if "ufh" in concepts and _DIALYSIS.search(q) and _RENAL in lex and _RENAL not in concepts:
        return (*concepts, _RENAL)
    return concepts


_RENAL = "renal-impairment"
_DIALYSIS = lazy(r"\bdialysis\b|\bHD\b|透析", re.I)
_INTERRUPTED = "pump-drug-interruption"  # the pump's drug stopping because its reservoir ran dry
# preventive medicine asked in general words ("要预防用药吗", "any prophylaxis?"): with no allergy or contrast told, antibiotics
_PREMED, _ABX_PROPHYLAXIS, _REFILL = "premedication", "antibiotic-prophylaxis", "pump-refill"
_GENERIC_PREVENTIVE = lazy(r"预防用药|预防性用药|术前预防用药", re.I)
_ALLERGY_TOLD = frozenset({"contrast-allergy", "allergic-reaction", "anaphylaxis", "contrast-medium", "iodinated-contrast", "contrast-injection"})
# the turn before's ask again, for what is named now ("and for a pump, same?", "标准一样吗", "也一样吗")
_SAME_ASK = {"en": lazy(r"\bsame\b|\bdoes (?:that|it|this) (?:still )?apply\b|\bany different\b|\bdifferent\s*\?", re.I),
             "zh": lazy(r"一样吗|一样不|一样么|相同吗|也是这样|也适用|有区别吗|有没有区别|一样\s*[？?]")}
# what the wait is after when it is the drug's ("after the last dose", "after dialysis", 透析后, 打完针, 停药后)
_AFTER_DRUG = lazy(r"\b(?:dose|dialysis|hd|haemodialysis|hemodialysis|shot|jab)\b|透析|用完|打完|吃完|停药|最后一(?:针|次|剂)|末次", re.I)
# what to watch for or mind after a procedure done ("watch for after the blood patch", "做了EBP以后要注意什么")
_AFTERCARE = {"en": lazy(rf"(?:{_MONITOR_ASK_EN}|\bbe (?:aware|careful) of\b)[^?.]{{0,40}}?\bafter\b|"
                               r"\bafter (?:the |an? |her |his )?[\w -]{2,30}?,? what (?:\w+ ){0,3}?(?:watch|look out|monitor)", re.I),
              "zh": lazy(r"(?:做|打|行|完成)(?:了|完)?[^，。？?]{1,16}(?:以后|之后|后)(?:要|需要|该|应该|应)?(?:注意|观察|留意|警惕)(?:些)?(?:什么|哪些|啥)")}
# how long until the procedure may be done ("透析后多久可以做", "how long after dialysis can we do it"): beside a drug held
# before it, its hold interval
_WAIT_TO_DO = {"en": lazy(r"\bhow (?:long|soon) after\b[^?.]{0,60}?\b(?:can|could|may|should) (?:we|i|you|she|he|they)\b"
                                r"[^?.]{0,12}?\b(?:do|proceed|go ahead|inject|block|needle|operate)", re.I),
               "zh": lazy(r"(?:后|完|以后|之后)?(?:多久|多长时间|几个?小时|几天)(?:以?后)?(?:才)?(?:可以|能|可)(?:做|进行|穿刺|手术|打|操作)")}


def drug_like(term: str) -> bool:
    """Does an unknown term name a drug by its nonproprietary-name stem (methotrexate, dexmedetomidine, 阿糖胞苷, 右美托咪定)?"""
    return bool(_DRUG_LIKE["zh"].search(term) or _DRUG_LIKE["en"].search(term.lower()))


def _known_stem(word: str, vocab: Mapping[str, Mapping[str, int]]) -> bool:
    """Does the knowledge base use the word, or the word it compares ("safest", "safer": safe; "biggest": big)?"""
    def known(w: str) -> bool:
        toks = tokenize(w, "en")
        return bool(toks) and all(vocab.get("en", {}).get(t, 0) > 0 for t in toks)
    if known(word):
        return True
    # (a known word with a prefix: "reposition" is "position" done again, never a slip for it)
    pre = re.fullmatch(r"(?:re|pre|post|over|under|un|mis|non)-?([a-z]{4,})", word.lower())
    if pre is not None and (known(pre[1]) or pre[1] in _frequencies("en")):
        return True
    m = re.fullmatch(r"([a-z]{2,}?)(\w?)(est|er)", word.lower())
    if m is None:
        return False
    stem, last = m[1], m[2]  # "saf" + "" (safest), "bigg" -> "big" + "g" (biggest)
    return any(known(b) for b in {stem + last, stem + last + "e", stem} if len(b) >= 3)


_RARE_WORD = 10 ** (2.5 - 9)  # Zipf 2.5: rarer than this, a word is as likely a typist's slip
_COMMON_ENOUGH = 10 ** (3 - 9)  # Zipf 3: a word this common is never mended; a rarer real word only by one edit


@lru_cache(maxsize=2)
def _frequencies(lang: str) -> dict[str, float]:
    """Word frequencies of the general language (English: wordfreq's large list, words down to Zipf 2.5, about 3 in 10
    million: "refractory" is a word, not a slip for "refracture"; Chinese: the small list), cached as a plain file on
    first use so that later processes start without importing wordfreq."""
    from .usercache import keep, read_cached

    name = f"wordfreq-large25-{lang}.tsv" if lang == "en" else f"wordfreq-small-{lang}.tsv"
    kept = read_cached(name)
    try:
        if kept is not None:
            return {w: float(f) for w, _, f in (r.partition("\t") for r in kept.splitlines())}
    except ValueError:
        pass
    from wordfreq import get_frequency_dict  # only the first process on a machine pays for the import

    freqs = {str(w): float(f) for w, f in get_frequency_dict(lang, wordlist="large" if lang == "en" else "small").items()
             if lang != "en" or f >= _RARE_WORD}
    keep(name, "\n".join(f"{w}\t{f:.3g}" for w, f in freqs.items()))
    return freqs


# Note-taking abbreviations of a procedure word, written out before the question is read ("SIJ inj tmrw").
_NOTE_WORD = {"inj": "injection", "injs": "injections", "injxn": "injection", "injn": "injection", "yr": "year", "yrs": "years",
              # (chat spellings of the ask's verbs: "shld we anticoagulate?")
              "shld": "should", "shd": "should", "shud": "should", "wld": "would", "wud": "would", "cld": "could", "cud": "could",
              "ppl": "people", "abt": "about"}
# Chinese clinical shorthand written out before matching: 硬外 (硬外注射, 硬外麻) is the epidural; a region's one character
# before an abbreviation is the spine's region (腰MBB, 颈TFESI: lumbar, cervical).
# (with the commonest same-sound input slips of medical words: 硬模外, 椎体成型, 布比卡英)
_ZH_SLIPS = {"硬模外": "硬膜外", "硬摸外": "硬膜外", "蛛网模": "蛛网膜", "椎体成型": "椎体成形", "后凸成型": "后凸成形",
             "利多卡英": "利多卡因", "布比卡英": "布比卡因", "罗哌卡英": "罗哌卡因", "纳络酮": "纳洛酮", "阿派沙班": "阿哌沙班",
             "氯比格雷": "氯吡格雷", "氯已定": "氯己定", "洗必太": "洗必泰",
             # (a sign softened by 太/大/怎么, "左腿抬不太起来": the sign itself)
             "抬不太起": "抬不起", "抬不大起": "抬不起", "抬不怎么起": "抬不起", "动不太了": "动不了", "走不太动": "走不动",
             "站不太稳": "站不稳", "站不太起": "站不起"}
_ZH_WRITTEN_OUT = {"硬外": "硬膜外", "腰": "腰椎", "颈": "颈椎", "胸": "胸椎", **_ZH_SLIPS}
# two English words joined by a Chinese "and" in mixed text ("temperature 和 duration"): the English "and"
_MIXED_AND = lazy(r"(?<=[A-Za-z])\s*(和|与|及|跟|或)\s*(?=[A-Za-z])")
# Cantonese function words a Hong Kong colleague writes ("激素总量有冇上限？", "食紧拜瑞妥"): their Mandarin forms
_CANTONESE_WORDS = {"有冇": "有没有", "冇": "没有", "唔该": "请问", "唔": "不", "嘅": "的", "咗": "了", "乜嘢": "什么", "点样": "怎样",
                    "食紧": "在吃", "佢哋": "他们", "佢": "他", "啲": "些"}
_CANTONESE = lazy("|".join(sorted(_CANTONESE_WORDS, key=len, reverse=True)).replace("点样", "(?<!一)点样(?!本|品)"))
_JOINED_LEVEL = lazy(r"(?<![A-Za-z0-9])([CTLS])(\d{1,2})([CTLS])(\d{1,2})(?![A-Za-z0-9])")
_ZH_SHORT = lazy("|".join(_ZH_SLIPS) + r"|硬外|[腰颈胸](?=\s?(?:MBB|RFA|RF|TFESI|ILESI|ESI|SNRB|TF|IL)(?![A-Za-z]))")
_NOTE_WORDS = lazy(r"(?<![A-Za-z])(?:" + "|".join(_NOTE_WORD) + r")(?![A-Za-z])\.?", re.I)
_LA_MIX = "local-anaesthetic-mixture"
_EFFECTIVE_ENDS = lazy(r"\b(?:is|are|was|were|be)\b[^?.!;]{1,60}?\b(?:really |actually |even |still |ever )?(effective)\s*(?:[?.!;]|$)", re.I)
_STEROID_ASKS = frozenset({"steroid-cover", "hpa-axis-suppression"})  # a steroid's own effects asked
_NEURITIS = "post-ablation-neuritis"
# a burn at the dispersive pad or a blister ("负极板贴的地方火辣辣的 起了水泡"): the skin burned, no neuritis
_PAD_BURN = lazy(r"\b(?:blister\w*|grounding pad|dispersive pad|return pad|pad site)\b|水泡|水疱|负极板|电极板|回路板", re.I)
_SKIN_SENSITIVE = lazy(r"\bskin (?:sensitivity|is (?:very )?sensitive|sensitive)\b|\bsensitive skin\b|皮肤(?:很|特别)?敏感|"
                      # (or burning pain told after the RF: "L4/L5 RFA yesterday, now burning pain + numb patch"; not a burn)
                      r"\bburning (?:pain|sensation|feeling)\b|(?:烧灼|灼烧|火辣辣)(?:样|感|的)?(?:痛|疼)?", re.I)
_RELIABLE = lazy(r"\breliab\w*|\baccura(?:te|cy)\b|可靠|靠谱|准不准|准确吗|准确性|准确度", re.I)
_DIAGNOSTIC_BLOCK = lazy(r"\bdiagnostic\b|\bblocks?\b|(?<![A-Za-z])MBBs?(?![A-Za-z])|诊断性|阻滞", re.I)
_BARE_EFFECTIVE = frozenset({"effective", "effective in", "effective at", "more effective", "less effective", "how effective", "is it effective",
                             "as effective", "更有效", "有效吗", "效果更好", "哪个效果好", "效果最好"})  # (the lexicon's bare "effective" names of efficacy)
_RFA = "radiofrequency-ablation"
_TIMED_SETTINGS = frozenset({"rf-lesion-settings"})  # settings whose time is asked as its own bare part
# Clinicians' everyday shorthand (times, frequencies, note-taking abbreviations): never an unknown subject.
_SHORTHAND = frozenset({
    "tmrw", "tmrow", "tmorrow", "2moro", "2morrow", "2mrw", "tomoz", "tmw", "tmr", "tonite", "yday", "yest", "ystrdy", "tday", "2day",
    "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",  # (a weekday shortened: "TFESI thurs")
    "wknd", "mins", "hrs", "wks", "mths", "mnths", "yrs", "asap", "stat", "thx", "pls", "plz", "abt", "approx", "appt", "appts",
    "hx", "dx", "tx", "rx", "sx", "fx", "bx", "pmhx", "obs", "meds", "inj", "injxn", "procs", "proc", "pre-op", "postop", "preop",
    "post-op", "periop", "sched", "booked", "bkd", "qds", "tds", "nocte", "mane", "prn", "thru", "altho", "calc", "calcs",
    # (where a drug was found or kept: "found some dex in the cupboard", never the subject)
    "cupboard", "cupboards", "drawer", "drawers", "fridge", "locker", "cabinet", "storeroom", "stockroom", "trolley", "shelf",
    "diff", "diffs", "refs", "info", "recs", "recos", "mgmt", "mngmt", "abx", "ddx", "sxs", "pts", "lit", "guideline", "guidelines",
    "bilat", "bilateral", "unilat", "multilevel", "lvl", "lvls",
    # where the patient is looked after, no subject of its own ("we're an outpatient ASC, no MRI until tomorrow")
    "outpatient", "outpatients", "inpatient", "inpatients", "ambulatory", "daycase", "daysurgery", "pacu", "resus",
    "theatre", "theatres", "theater", "theaters",
    "rosc", "intubated", "pressors",
    # who else is at the bedside, no subject of their own ("paramedics there now, what do I tell them re the pump")
    "paramedic", "paramedics", "medics", "ambulance", "ambo", "crew", "triage",
    # chat spellings of the ask's own words ("what imaging shld we order")
    "shld", "shd", "wld", "cld", "wd", "cd", "shud", "cud", "wud", "coz", "cos", "bcos", "bcoz", "becos", "cuz", "bc", "b/c", "w/o",
    "ppl", "sth", "smth", "smthg", "anythin", "somethin", "nothin", "gonna", "wanna", "gotta", "dunno", "kinda", "sorta", "ur",
    "thnx", "thanx", "tnx", "ty", "nvm", "rly", "prob", "probs", "def", "defo", "obv", "obvs", "esp", "bcz", "wat", "wht",
})


def _inflected(word: str) -> bool:
    """Is the word a general-English word with an ending (twitching, twitched, jerks; a doubled consonant: slurred,
    throbbing)?"""
    freqs = _frequencies("en")
    for end in ("ing", "ed", "es", "s"):
        stem = word[: -len(end)] if word.endswith(end) else ""
        if len(stem) >= 4 and (stem in freqs or f"{stem}e" in freqs):
            return True
        if end in ("ing", "ed") and len(stem) >= 4 and stem[-1] == stem[-2] and stem[:-1] in freqs:
            return True
    return False


# Everyday Chinese words of a patient's story that name no subject ("躺下能好点", "说话费劲", "夜里痛醒").
# Words of time ("明早8点", "最晚啥时候打"): when, not a subject the knowledge base lacks.
_ZH_TIME = lazy(r"[今明昨前后]?(?:早|晚|早上|晚上|天|日|夜|晨|上午|下午|中午|凌晨|傍晚)|[早晚最]?(?:啥|什么)时候|最[早晚迟]|几点(?:钟)?|点钟|"
                      r"(?:几个|多少个?|\d+个?)?钟头|[半一二两三四五六七八九十几\d]+(?:个)?(?:年|月|周|星期)(?:前|后|多|来|内)?|半年(?:前|后|多|来|内)?|"
                      r"(?:上|下|这|本)?(?:周|星期|礼拜)[一二三四五六日天](?:早上|晚上|上午|下午|中午|凌晨)?")  # (a weekday: 周四早上)
# plain English of a conversation a little under the common-word frequency, never a subject ("they want to swap him to
# plavix", "realistically what minor side effects")
_EARLIEST_NEXT = lazy(r"(?:下一次|下一针|下次)[^，。？?]{0,12}最早|最早[^，。？?]{0,8}(?:再|下一次|下一针)|\bearliest\b[^.?!]{0,30}\bnext\b|"
                     r"\bnext\b[^.?!]{0,20}\bearliest\b", re.I)
_BEDSIDE_ASKS = frozenset({"expected", "recognition", "action", "escalation"})  # (asks a told complication goes on with)
_EN_PLAIN = frozenset({"swap", "swapped", "swapping", "swaps", "realistically", "ballpark", "changeover", "switchover", "realistic",
                       # (the patient in colloquial words: "95kg bloke", "this fella")
                       "bloke", "blokes", "fella", "fellow", "chap", "chappie", "lass", "lassie", "laddie", "gal", "dude", "gent", "gents"})
# A team told speaking, by its short name ("cardio says ok to hold"): who answered, not a subject (a "cardio procedure" still is).
_TEAM_SPOKE = lazy(r"\s+(?:says?|said|ok'?d|okayed|agreed|agrees|is happy|are happy|happy|cleared|wants?|asked|asks)\b", re.I)
_ZH_PLAIN = frozenset({"好点", "好些", "好一点", "好多了", "费劲", "难受", "厉害", "舒服", "咋整", "咋办", "痛醒", "疼醒", "低烧",
                       "没效", "基本没效", "一针", "下一针", "打了一次", "打电话", "回家了", "刺痛", "有点憋", "迷糊", "有点迷糊",
                       "颈子硬", "躺着也痛", "变成持续的了", "peeing", "pee",
                       "越来越", "越来越重", "越来越肿", "呛", "喝水呛", "说话", "不太", "有点", "一点", "还行", "挺好",
                       "做大", "大范围", "范围", "小范围",
                       # (a dose or strength raised: "吗啡浓度还能往上加吗", an ask of the drug's ceiling, no subject)
                       "往上加", "上加", "往上", "往上调", "上调", "往上走", "加上去", "调上去", "再加", "再往上"})


# A laboratory value's threshold ("INR cutoff", "血小板阈值"): the ceiling asked of the value, not a block's criteria.
_LAB_CUTOFF = lazy(r"\b(?:INR|platelets?|plt|eGFR|CrCl|creatinine)\b[^?.;]{0,20}\b(?:cut-?off|threshold)|(?:INR|血小板|肌酐清除率)[^？?。]{0,8}(?:阈值|临界值)|"
                         # (a lab value told, and a cutoff asked with no block or relief named: "plt 62k … what's the cutoff")
                         r"^(?=[\s\S]*\b(?:INR|platelets?|plts?|eGFR|CrCl)\b)(?![\s\S]*\b(?:relief|blocks?|MBBs?)\b)[\s\S]*\b(?:cut-?off|threshold)\b",
                         re.I)
# "just" and a plain verb (支架刚放, 刚做完, 刚打): when something happened, never a subject.
_JUST_DONE = lazy(r"刚[放做打装上换拔开用吃停]完?了?")
# A yes-no ask said as "A 不 A" (加不加, 停不停, 用不用): the ask's form, never a subject.
_A_NOT_A = lazy(r"(.{1,2})不\1")


# A change told as having happened to the patient ("覆盖区域变了", "麻感没了", "has moved", "lost the coverage").
_HAPPENED = {"en": lazy(r"\b(?:has|have) (?:moved|shifted|gone|changed|stopped)\b|\blost (?:the |her |his )?\w+|\bno longer\b|"
                        r"\bnow only\b|\bwas (?:\w+ ){1,3}before\b", re.I),
             "zh": lazy(r"变了|没了|消失了|不见了|跑了|移位了")}
# A report phoned or paged in by the patient, the family or the ward ("SCS trial pt called: …", "nurse pages: …", 病人来电,
# 护士打电话说); not the operator calling for help ("I called my attending")
CALLED_IN = {"en": lazy(r"\b(?:pt|patient|she|he|husband|wife|family|daughter|son|mum|mom|dad|nurse|ward|recovery|pacu)\b[^.,;?]{0,30}"
                              r"\b(?:phoned|phones|called|calls|rang|paged|pages|messaged|texted)\b|\bphone call from\b|\bon the phone\b", re.I),
             "zh": lazy(r"来电|打电话来|打来电话|打电话说|电话(?:说|讲|反映|报告|里|：)|护士(?:说|报告|反映)")}
# A patient's problem told as going on, in a note with no question ("pt headache since … 2d ago", "患者术后头痛3天了")
# (or after a clause that tells what was done: "前天做颈椎IL好像穿破了 今天病人一坐起来就头痛", "wet tap yesterday, pt now…")
_GOING_ON = {"en": lazy(r"(?:^|[,.;]\s*)\W*(?:pt|patient|my patient|\d+\s*(?:yo|y/o|[MF])\b|she|he)\b[^?]*\b(?:since|ago|now|currently|still|yesterday(?:'?s)?|today|this morning|last night|says|reports|complain(?:s|ing)?)\b", re.I),
             "zh": lazy(r"(?:^|[，,。；;\s])(?:今天|昨天|今早|现在|术后)?(?:病人|患者|\d+岁)[^？?]*(?:天前|小时前|以来|现在|目前|一直|还在|\d+\s*天了|昨天|今天|今早|说|反映|诉|一(?:坐|站)起来就)|"
                        # (or told of her, the patient the caller treated: "昨天给她做的腰段IL 今天一坐起来就头疼")
                        r"^[^？?]*(?:给|帮)(?:她|他)(?:做|打)[^？?]*(?:今天|今早|现在|昨晚)[^？?]*$|"
                        # (or yesterday's patient, told now: "昨天IL硬外的病人 今天一坐起来就头痛")
                        r"(?:昨天|前天|今早|上午)[^？?，,。]{0,20}的(?:病人|患者)[^？?]*(?:今天|现在|一(?:坐|站)起来就)")}
_DAPT, _ACTIVE_INFECTION = "dapt-duration", "active-infection"
_NEGATING = frozenset({"a", "an", "un", "non", "non-", "in", "im", "ir", "il", "dis"})  # prefixes that turn a word into its opposite


def _bracketed_with(q: str, word: str, drugs: Sequence[Match]) -> bool:
    """Is the word written with a known drug in brackets beside it ("培达（西洛他唑）", "cilostazol (Pletal)"): a name of
    that drug the question itself gives, no subject the knowledge base lacks?"""
    i = q.find(word)
    if i < 0:
        return False
    j = i + len(word)
    after = re.match(r"\s*[（(]\s*", q[j:])
    # (the bracket holds the drug's name alone: "Zontivity (aspirin too)" names two drugs)
    if after and any(m.start == j + after.end() and re.match(r"\s*(?:\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|毫克))?\s*[)）]", q[m.end:], re.I)
                     for m in drugs):
        return True
    before = re.search(r"[（(]\s*$", q[:i])
    return bool(before and re.match(r"\s*[)）]", q[j:]) and any(0 <= before.start() - m.end <= 1 for m in drugs))


def _common(word: str, lang: str = "en") -> bool:
    """A common word of the general language (not a salient medical term): Zipf frequency >= 4 (1 in 100,000 words),
    a contraction typed without its apostrophe included (whats, dont, theyre)."""
    freqs = _frequencies(lang)
    w = word.lower()
    if freqs.get(w, 0.0) >= 1e-5:
        return True
    return lang == "en" and any(freqs.get(f"{w[:-n]}'{w[-n:]}", 0.0) >= 1e-5 for n in (1, 2) if len(w) > n + 1)
