"""Extractive answer composition on the question frame: the asked aspect first, only relevant sentences, sentences
that keep their meaning, emergency actions first, one short heading per part or aspect when an answer spans several."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import NamedTuple

from .frame import (
    ASPECTS,
    BARE_RISK_ASK,
    CALLED_IN,
    COMPOUND_BASE,
    DISCHARGE_ADVICE,
    ESSENTIAL,
    GIVEN_AFTER_ASK,
    GROUP_OF_ASPECT,
    HARM_PREVENTED,
    HELD,
    IMAGING,
    KEEP_ON_FOR,
    LASTS_ASK,
    LIPID_EMULSION,
    LOCAL_ANAESTHETIC,
    MAXIMUM_DOSE,
    MONITOR_ASK,
    MONITORING,
    OBSERVATION,
    RATE_TO_GIVE,
    RECOVERY,
    REDUCTION_ASK,
    REGIMEN_ASK_EN,
    REGIMEN_ASK_ZH,
    REGIONS,
    REPEAT_IT,
    RISKS_TO_TELL,
    SEEN_ON_THE_TABLE,
    THRESHOLD_ASK,
    TIMED_DOSE_ASK,
    WATCHING,
    WITHDRAWAL,
    Part,
    Question,
    asks_to_anticoagulate,
    aspects_of,
    sign_on_the_other_side,
)
from .judge import STAFF_TOPICS, STUDIES
from .lazyre import lazy
from .lexicon import Lexicon
from .safety import days_later
from .sections import GROUP_ORDER, HEADINGS, group_of
from .text import HEDGE, en_shaped, is_zh_word, latin_tokens, sentence_spans, split_tags, strip_inline_tags, tokenize
from .types import Chunk, Hit, Lang, doc_slug
from .worked import WEIGHT_BAND, band_fit, told_weight
from .worked import band as weight_band

# A sentence that leans on the one before it (quoted together with it, or not at all).
_DEPENDENT = {
    "en": lazy(r"^(?:this|that|these|those|such|it|they|its|their|the (?:above|latter|former|same)|both|either|neither|that is|in other words|"
                     r"in the same (?:[\w-]+ ){0,3}?(?:study|series|cohort|audit|trial|review|survey)\b|"
                     r"(?:part|some|much|most|all|none|each) of (?:this|these|that|those|the above)\b|"
                     r"(?:outside|apart from|except (?:in|for)|beyond|other than) (?:these|those|this|that|such)|"
                     r"however|but|also|in addition|additionally|moreover|furthermore|otherwise|conversely|similarly|thus|therefore|"
                     r"as a result|in (?:that|this|these|such) case|here|there|by contrast|in contrast|on the other hand|instead|"
                     r"(?:much|far) (?:smaller|larger|lower|higher|less|more)|"  # "Much smaller lipid doses are usually enough": than what?
                     r"in (?:that|this|the same) (?:review|study|series|cohort|trial|audit|survey|analysis|meta-analysis|report|registry)|"
                     # ("In the multicentre audit, this central steroid reaction rate was similar…": which reaction?)
                     r"in the [\w-]+ (?:audit|study|series|review|survey|trial),\s*(?:this|these|that|those)\b|"
                     r"on (?:safety|efficacy|effectiveness)(?: grounds)?|from (?:a|the) (?:safety|efficacy) (?:standpoint|perspective))\b|"
                     # "X is therefore ...", "Precise electrode placement, parallel and close to the branch, is therefore essential"
                     r"^(?:[\w()\-–,/%.]+\s+){1,14}(?:thus|therefore|hence|accordingly|consequently|nevertheless|nonetheless)\b|"
                     r"^(?:in|after|during|among|of|for|with|at|from)\b[^.;:]{0,90}?\b(?:it|they)\s+(?:occurred|was|were|is|are|"
                     r"happened|developed|rose|fell|affected)\b|"  # "In an audit of 16,638 ESIs it occurred in 1.2%"
                     r"^[^.;:]{0,40}?\b(?:of|in|among|for) (?:these|those|them|such)\b|"  # "About 58% of these patients"
                     r"^(?:another|a separate|a second) (?:review|study|series|survey|trial|report)\b|"  # "A separate review names…" (besides which?)
                     r"\b(?:these|those) (?:[\d,]+\s|(?:two|three|four|five)\b)|"  # "across those 616 lesions", "these two estimates"
                     r"^the (?:continued|remaining|stopped|held|included|excluded) \w+ (?:were|was)\b|"  # "The continued drugs were"
                     r"\b(?:this|that|the above) (?:standard|requirement|recommendation|rule)\b|\b(?:these|those) other\b|"
                     r"^(?:as|when|once|after|if|because|since|while|until)\b[^.;:]{0,60}?,\s*(?:this|that|these|those|such)\b|"
                     r"\b(?:with|after|in|for|of|from|while|during) such (?:an? )?\w+|"
                     # "Rates were highest at cervical levels" (whose rates?), "The resulting infarction" (of what?)
                     r"^(?:rates?|incidences?|proportions?|figures?) (?:were|was) (?:highest|lowest|higher|lower|similar)\b|^the resulting\b|"
                     # "The estimated half-life of the rise was 1.06 days" (the rise of what, after what?)
                     r"^the (?:[\w-]+ ){0,3}of the (?:rise|increase|elevation|drop|fall|change|reduction|effect)\b|"
                     # "Switching to saline avoids this air-related complication": which one?
                     # (not when the sentence names what it means first: "…air can cause X, whereas saline avoids this problem")
                     r"^(?![^.;]*\b(?:whereas|while|but)\b[^.;]*\b(?:avoids?|prevents?|reduces?|lowers?|explains?|causes?) (?:this|these|such)\b)"
                     r"[^.;]{0,80}?\b(?:avoids?|prevents?|reduces?|lowers?|explains?|causes?) (?:this|these|such)\b", re.I),
    "zh": lazy(r"^(?:此|该|上述|这些|这|其(?!他|实)|它|它们|以上|也就是说|更一般地说|更广泛地说|换言之|换句话说|亦即|同时|但|但是|然而|因此|所以|此外|另外|而|且|并且|除上述|除此|对此|前者|后者|两者|同一|由此可见|可见|综上|总之|相反|反之|与此相反|尽管如此|即便如此|即使如此|不过|从(?:安全性|疗效|有效性)(?:角度|看|来看|而言))|"
                     r"^[^，。；]{1,14}?(?:因此|因而|故而)|^(?:对|在|于|就|按)(?:这|此|该|上述|这些|以上)|"
                     r"(?:小于|大于|低于|高于|少于|多于|超过|不及)(?:此|上述|这一)(?!外)|"  # "通常远小于此的剂量即足以…": than what?
                     r"^[^。；]{1,14}?[，,](?:除上述|除此|上述|以上|该|此|这些)|"  # "按照该综述，除上述情况外…" leans on the sentence before
                     # "在一项纳入16,638次ESI的审计中，其发生率为1.2%": a framing clause leaves 其 no subject of its own
                     r"^(?:在|于|据|按|根据)(?:[^。；，,]|(?<=\d),(?=\d)){0,40}?(?:[，,]|中)其(?!他|实|中|余)|"
                     # "本文所用资料没有提供这些颈椎射频消融不良反应的发生率": which ones?
                     r"(?:没有|没|未|不)(?:提供|给出|报道|报告|说明|列出)(?:了)?[^，。；]{0,10}?(?:这些|上述|这一|此类|这类)|"
                     r"[，,](?:应|须|需|可)?(?:考虑|排除|参照|按照|遵循)(?:上述|以上|这些)|"  # "…发现包块时，应考虑上述可能"
                     r"^(?:继续|停用)(?:使用|服用)?的药物|"  # "继续使用的药物包括…": the drugs of the cohort before
                     r"^[^，。；]{1,20}的(?:停药)?(?:间隔|数据|数字|分级)系(?:据|凭)|"  # "替格瑞洛的停药间隔系据指南回忆整理": its hedge
                     r"(?:这一|此一|上述)(?:[A-Za-z]{2,6})?(?:标准|要求|做法|原则|建议|规定|分层|分级|分类|类别|等级|限值|阈值)|这些其他|上述其他|"
                     r"(?:参考|参照|依据|根据|按照|遵循)(?:这一|此一|这种|上述|这些|以上)|"  # "…时，需要参考这一分层": which grading?
                     r"(?:属于|即为|就是)(?:这种|这一|此种|此类|上述)|"  # "…经硬膜外给药时，均属于这种超说明书使用": which use?
                     r"^在同一(?:项|个|组|篇)?[^，。；]{0,12}(?:研究|系列|队列|审计|试验|综述|调查)中|"  # "在同一项前瞻性研究中…": which study?
                     # "…达不到这一标准": which standard? "…中的这两个步骤旨在…": which two?
                     r"这[两二几三四五]个?(?:步骤|措施|方法|因素|建议|要点|环节)|这[两二几三四五](?:项|种|条|类|组)|"
                     # "患者的这些反馈是…" (which?), "…可避免这一与空气相关的并发症" (which one?)
                     # "另一篇综述将…列为…" (another besides which?)
                     r"^另一(?:篇|项|个|组|份)(?:综述|研究|系列|调查|试验|报告)|"
                     r"^(?:[^，。；]{1,30}[，,])?[^，。；]{1,8}的(?:这些|这一|上述)|^(?![^。；]*[而但][^。；]*(?:避免|预防|减少|降低|解释|导致)(?:这一|这种|此类|上述))[^。；]{0,40}?(?:避免|预防|减少|降低|解释|导致)(?:这一|这种|此类|上述)"),
}
# A sentence naming "that series" without a figure of its own: joined to the sentence before when that one is quoted with
# it ("No major complications occurred in that lumbar TFESI series" says which series only with the sentence before).
_LEANS = {
    "en": lazy(r"\b(?:that|this|these|those)\s+(?:[\w-]+\s+){0,3}?(?:series|cohort|study|trial|audit|registry|survey|"
                     r"sample|workers|staff|operators|participants|patients|subjects)\b|"
                     # "The risk of cord injury is greatest in a sedated patient" (in which procedure? the sentence before says)
                     r"^the (?:risk|rate|incidence|chance) of [^.;,]{1,40}? (?:is|was) (?:greatest|highest|lowest)\b", re.I),
    "zh": lazy(r"(?:该|此|这项|这一)(?:研究|病例系列|队列|试验|审计|调查)|(?:这些|该批|上述)(?:工作人员|人员|患者|受试者|操作者)|"
               r"^若[^。；]{0,30}[，,][^，。；]{1,12}(?:风险|发生率)最(?:高|大|低)"),
}
# Provenance-only sentences (where a figure comes from) belong to the evidence notes, never to the lead.
_PROVENANCE = {
    "en": lazy(r"^(?:these|the|this|that) (?:[\w-]+ ){0,3}?(?:figures?|numbers?|data|values?|estimates?|rates?|regimens?|recommendations?) (?:come|comes|are|is|were|was) "
                     r"(?:from|taken from|reported (?:by|in)|based on|drawn from)|^(?:source|according to (?:the )?(?:fact sheet|editor))|"
                     r"editor|(?:was|were) not read|could not be obtained|^only the abstract\b[^.]{0,120}\bwas read\b|"
                     r"as set out in the [\w -]{1,40} document|"  # a pointer to another document says nothing itself
                     r"^Only (?:the )?[^.]{0,120}\b(?:were|was) (?:checked|verified|confirmed) against|"
                     r"\b(?:main|only|principal) source of\b|\bin this (?:corpus|document|knowledge base) come[s]? from\b|"
                     r"\bboth figures are quoted here\b|"
                     r"\b(?:grading|classification|categori[sz]ation|stratification)\b[^.]{0,80}\bcomes? from memory\b|"
                     r"^(?:the|these|this) [\w -]{0,40}\b(?:intervals?|figures?|list|grading) (?:is|are|was|were) recalled from\b|"
                     # (a study's design alone, its finding in the next sentence: "A prospective study … followed 1,156 patients
                     # … and measured how long fluoroscopy was used.")
                     r"^(?:a|an|one) (?:[\w-]+ ){0,8}?(?:study|series|survey|audit|trial)\b[^.]{0,160}\b(?:followed|included|enrolled|recruited)\b"
                     r"[^.]{0,100}\band (?:measured|recorded|assessed|counted)\b[^.%]*\.?$", re.I),
    "zh": lazy(r"^(?:以上|上述|这些|该)?(?:数据|数字|数值|比例|估计)(?:来自|引自|取自|源自)|^[^，。；]{0,16}(?:方案|建议)(?:来自|引自|取自|源自)|编者|未阅读|未能获取|仅阅读了?(?:其)?摘要|"
                     r"具体见本知识库|详见本知识库|这里同时列出|此处同时列出|^(?:本文中)?只有[^。]{0,80}经过?(?:与原文)?核(?:对|实)|"
                     r"本(?:知识库|文档|文)中[^。]{0,40}(?:主要|仅|只)来自|(?:主要|仅)来自(?:这一|该)|(?:分层|分级|分类)依据的是对[^。]{0,30}的记忆|"
                     r"^一项[^。]{0,60}(?:研究|调查|病例系列|审计)[^。]{0,40}纳入了?[^。%]{0,40}(?:并|，)(?:测量|记录|统计|评估)[^。%]{0,30}。?$"),
}
# A pointer to another document of the knowledge base: quoted only to a question asking which guideline applies
_POINTER = lazy(r"as set out in the [\w -]{1,40} document|具体见本知识库|详见本知识库", re.I)
_GUIDELINE_ASK = lazy(r"\bguidelines?\b|\bconsensus\b|指南|共识", re.I)
# A note on a reference's own details ("These case titles were recorded from memory", "Willems 2004 的作者和标题系凭记忆记录"):
# it hedges a citation, not the facts beside it, and tells the clinician nothing; it is never quoted.
_BIBLIO = {
    "en": lazy(r"^(?:These|The|Some)\b[^.,]{0,40}\b(?:titles?|authors?|reference details)\b[^.,]{0,40}\bfrom memory|"
                     r"^Some [\w ]{0,30}sources are incomplete|"
                     r"^The reference record\b[^.]{0,80}\bconfirms only\b|"
                     # (how much of a source was seen; the check to make before relying on a recalled grading, said apart from it)
                     r"^The finding that [^.]{0,160}\bwas only partly visible in the excerpt read\.?$|"
                     r"^Clinicians should check the current guideline and local protocols before relying on (?:this|that|the) (?:category|grading|classification)", re.I),
    "zh": lazy(r"^[^，。：]{0,20}(?:标题|作者|文献信息)[^，。]{0,10}系凭记忆|^部分[^。，]{0,12}资料信息|"
                     r"^[^，。]{0,30}文献记录仅确认了|^[^。，]{0,60}这一结果，在所阅读的节选中仅部分可见。?$|^临床使用这一(?:分类|分层|分级)前，应核对现行指南"),
}
# Where a fact was read ("secondary summary", "二手总结"): a note when that is all the sentence says; a sentence that also
# gives a figure (caffeine up to 900 mg/day, from a secondary summary) is a hedged fact, quoted with its hedge.
_SECONDHAND = {
    "en": lazy(r"secondary summary|not (?:been )?(?:checked|verified) against", re.I),
    "zh": lazy(r"二手|尚未.*核实原文"),
}
_FIGURE = lazy(r"\d+(?:[.,–-]\d+)?\s*(?:%|mg|mcg|µg|g\b|mL|ml|h\b|hours?|days?|weeks?|months?|mSv|毫升|毫克|小时|天|周|个月)", re.I)


def _provenance(text: str, lang: Lang) -> bool:
    """Does the sentence only say where a figure comes from (an evidence note, not an answer)?"""
    return bool(_PROVENANCE[lang].search(text)) or (bool(_SECONDHAND[lang].search(text)) and not _FIGURE.search(text))
# A brand's identity card ("Xarelto (拜瑞妥) is rivaroxaban (利伐沙班), ...", "克赛（Clexane）即依诺肝素钠（enoxaparin）").
_IDENTITY = {
    "en": lazy(r"^[A-Z][\w-]*(?: \([^)]*\))?(?:, [^,]{1,40},)? (?:is|are) (?:[a-z][\w -]*\(|(?:the |a )?[\w\s'’-]{0,40}\bbrand (?:name )?(?:of|for)\b)"),
    "zh": lazy(r"^[^，。；：（]{1,20}(?:（[^）]*）)?\s*(?:即|就是)[^，。；：]{1,30}（|^[^，。；：]{1,30}是[^，。；]{0,40}的[^，。；]{0,20}商品名"),
}
# A sentence about a brand ("拜阿司匹灵就是阿司匹林", "Brilinta is AstraZeneca's ticagrelor"): the brand is its subject.
_BRAND_CARD = {"en": lazy(r"^[A-Z][\w-]+(?: \([^)]*\))? (?:is|are)\b"),
               "zh": lazy(r"^[\u4e00-\u9fffA-Za-z]{2,10}(?:（[^）]*）)?\s*(?:是|就是|即)")}
# What the knowledge base covers, and questions about it.
_META = {"en": lazy(r"(?:this|the) (?:knowledge base|document) (?:also )?covers|index terms show|review also deals with|"
                         r"(?:among|one of) the (?:\w+ ){0,4}index terms|listed among the index terms|"
                         r"\bframe(?:s|work for)? the [\w -]{0,40}(?:points|statements|sections?) below|"
                         r"\b(?:lies|falls|is) (?:therefore )?within the scope of (?:the|that) (?:central )?(?:safety )?review|"
                         r"\bedition of the [\w -]{1,40}guideline covers\b", re.I),
         "zh": lazy(r"本知识库(?:还)?涵盖|本文(?:还)?涵盖|索引词显示|综述还涉及|下文[^。]{0,20}总体框架|(?:都是|是|属于|列入)[^。]{0,40}索引词|"
                          r"属于[^。]{0,12}核心安全(?:性)?综述的讨论范围|版[^。]{0,20}指南涵盖了")}
_DOC_SCOPE = {"en": lazy(r"(?:this|the) (?:knowledge base|document) (?:also )?covers", re.I), "zh": lazy(r"本知识库(?:还)?涵盖|本文(?:还)?涵盖")}
_ABOUT_KB = lazy(r"knowledge base|\bcover|\bKB\b|\bscope\b|本知识库|知识库|涵盖|覆盖|包括哪些|收录", re.I)
# Sentences that tell the clinician what to do (emergency pathways lead with these).
_ACTION = {
    "en": lazy(r"\b(?:stop|call|get help|secure|give(?! way)|giving|administer|start|begin|maintain|ventilat\w*|oxygen|airway(?! compromise| obstruction)|benzodiazepine|"
                     r"lipid|intralipid|treat|obtain|arrange|refer|consult|perform|check|monitor|assess|decompress\w*|mri|(?<!prior )(?<!previous )surg\w+(?! history)|"
                     r"discontinu\w*|remove|aspirat\w*|withdraw|naloxone|cpr|resuscitat\w*|bypass|adrenaline|epinephrine|amiodarone|"
                     r"lie|supine|leg raise|(?<!spinal )fluids?|atropine|imaging|cultures?|antibiotic\w*|evacuat\w*|restore|reduce|avoid|"
                     r"treatment|treated with|managed with|first-line|definitive|do not inject|(?:urgent|emergency) CT)\b", re.I),
    "zh": lazy(r"停止|呼叫|求助|立即(?!出现|发生|发作|起效|显现)|给予|静注|静脉|开始|维持|通气|吸氧|给氧|氧气|气道(?!受损|梗阻|阻塞|受压)|苯二氮|脂肪乳|治疗|急诊|MRI|磁共振|(?<!既往)手术(?!史)|外科|会诊|"
                     r"拔除|减压|纳洛酮|心肺复苏|复苏|肾上腺素|胺碘酮|监测|监护|评估|平卧|补液|阿托品|影像|培养|抗生素|清除|恢复|避免|(?<!出汗)(?<!分泌)减少(?![了，。；、）)]|$)|咨询|程控|"
                     r"(?:不得|不应|不要|不再)(?:继续)?注射|紧急行"),
}
# The first or early signs asked ("first signs of LA toxicity?", 中毒最早有什么表现) and told in a sentence.
_EARLY_ASK = {"en": lazy(r"\b(?:first|earliest|early|initial|warning)\s+(?:\w+\s+)?(?:signs?|symptoms?|features?)\b", re.I),
              "zh": lazy(r"最早|早期|首发|先兆|一开始")}
_ACTS_ON_SIGN = {"en": lazy(r"\b(?:give|given|giving|administer\w*|treat\w*|stop\w*|call)\b", re.I),
                 "zh": lazy(r"给予|治疗|停止|呼叫|静注|推注")}
_ONCE_SUSPECTED = {"en": lazy(r"^(?:when|if|once) [^.;]{0,60}\b(?:is|are) suspected\b", re.I),
                   "zh": lazy(r"^(?:怀疑|疑似|一旦怀疑)[^。；]{0,30}时")}
_EARLY_SIGNS = {"en": lazy(r"\b(?:early|earliest|first|initial|warning)\s+(?:\w+\s+){0,2}(?:signs?|symptoms?|features?)\b|\bprodrom", re.I),
                "zh": lazy(r"早期[^。；]{0,12}(?:征象|症状|表现|体征)|首发|先兆|前驱|警示征象")}
# A time told around the procedure ("约 30 分钟前给药", "within 1 h before incision"): when a measure is given.
_TIMED_AROUND = lazy(r"\b\d+(?:[.,–-]\d+)?\s*(?:min|minutes?|h|hours?|days?)\b[^.;]{0,12}\b(?:before|after|prior to)\b|"
                           r"\bwithin \d+(?:[.,–-]\d+)?\s*(?:min|minutes?|h|hours?) (?:before|after|of)\b|"
                           r"前约?\s*\d+(?:[.,–-]\d+)?\s*(?:分钟|min|小时|h)|\d+(?:[.,–-]\d+)?\s*(?:分钟|min|小时|h)\s*(?:前|后)", re.I)
# Whether to go on with the procedure, asked and answered ("another level or abort?": "abort or redirect to another level")
_GO_ON = {"en": lazy(r"\b(?:abort(?:ed|ing)?|redirect\w*|reposition\w*|abandon(?:ed|ing)?|another level|different level|continue|carry on)\b", re.I),
          "zh": lazy(r"中止|终止(?!妊娠)|放弃|改换|换(?:个|一个)?(?:节段|间隙)|其他节段|继续")}
# The operator's step on the table ("abort or redirect to another level"), and a question told a day or more later or on
# the phone ("pt phoned day 2 after C7-T1 ILESI, headache worse sitting up"): the step is past
_OPERATOR_STEP = {"en": lazy(r"\bthe operator should\b|\babort or redirect\b|\bif the dura is punctured during\b", re.I),
                  "zh": lazy(r"术者应|中止操作|改换其他节段|改在其他节段|若穿破硬脊膜")}
_AT_THE_TABLE = {"en": lazy(r"\bjust (?:now|got|made|had)\b|\bright now\b|\bon the table\b|\bdoing (?:the|a|an|my)\b|\bnow\b|"
                                  r"\bduring (?:the|a|an|my|her|his)\b", re.I),
                 "zh": lazy(r"刚刚|刚才|现在|正在|术中|台上|(?:穿刺|注射|置入|操作|进针)时")}


def _on_the_table_later(s: Sentence, q: Question) -> bool:
    """Is the sentence a step on the table, for a question told after the procedure is over?"""
    return bool(_OPERATOR_STEP[s.chunk.lang].search(s.text)) and not _AT_THE_TABLE[q.lang].search(q.text) \
        and (days_later(q.text, q.lang) or bool(CALLED_IN[q.lang].search(q.text)) or bool(_POST_OP[q.lang].search(q.text)))


# told as after the operation ("鞘内泵植入术后 切口一直渗液", "post-op day 1 after the pump implant")
_POST_OP = {"en": lazy(r"\bpost-?op\b|\bpost-?implant\b|\bafter (?:the |her |his |an? )?(?:[\w-]+ )?(?:implant|implantation|surgery|operation)\b", re.I),
            "zh": lazy(r"(?:植入|手术|置入)(?:术)?后|术后")}


# Sentences about what to do after the event (report, review) are not actions at the bedside.
_AFTERWARDS = {
    "en": lazy(r"\bafterwards\b|after the event|should be reported|\bregistry\b|\breview(?:ed)? (?:afterwards|later)", re.I),
    "zh": lazy(r"事后|上报|登记系统|复盘"),
}
# A sign named as new ("new radicular pain or a new deficit … calls for an urgent CT", 新出现的根性痛): how a complication shows.
_NEW_SIGN = {"en": r"\bnew (?:\w+ ){0,2}(?:pain|deficit|weakness|numbness)\b", "zh": r"(?:新发|新出现|出现新)的?[^。；]{0,4}(?:痛|缺损|无力|麻木)"}
# What an aspect asks for in kind (a duration, a dose, a rate, signs, advice to the patient): a sentence that gives it answers in kind.
# a cause named ("attributed to injection into a radicular artery"), not a figure's source ("these figures are attributed to
# Cameron 2004"), nor a diagnosis made only after others are excluded ("before the headache is attributed to PDPH")
_ATTRIBUTED = r"(?<!before a headache is )(?<!before the headache is )(?<!should be )(?<!figures are )(?<!figure is )\battributed to\b"
_KIND = {
    # a measured change: from one value to another, or a rise of so much in its unit
    "magnitude": lazy(r"\d+(?:\.\d+)?\s*(?:±\s*[\d.]+\s*)?(?:mg/dL|mmol/L|mmHg)|from [\d.]+[^.;]{0,30}\bto [\d.]+|"
                            r"由\s*[\d.]+[^。；]{0,30}升至|升高\s*[\d.]+", re.I),
    # after a failed treatment: the definitive or next-line one, or what to do when the first fails
    "escalation": lazy(r"definitive|next[- ]line|second[- ]line|\ba second\b|\brepeat (?:epidural )?(?:blood )?patch|less invasive (?:option|alternative)|refractory|"
                             r"第二次|再次(?:行)?(?:硬膜外)?(?:自体)?血(?:补片|填充)|"
                             r"(?:if|when|where) [^.;]{0,40}\bfail|persist|respond|确定性|二线|无效时|无效者|失败|难治|持续|改用|有效", re.I),
    "timing": lazy(r"\d+(?:[.,–-]\d+)?\s*(?:h\b|hours?|days?|weeks?|months?|min\b|minutes?|s\b|sec\b|seconds?|小时|天|日|周|个月|分钟|秒)",
                         re.I),
    "hold": lazy(r"\d+(?:[.,–-]\d+)?\s*(?:h\b|hours?|days?|weeks?|half-lives|小时|天|日|周|个半衰期)", re.I),
    "advice": lazy(r"should be (?:told|taught|advised)|\btell (?:the )?patients?|discharge|return (?:urgently|to)|seek (?:urgent|emergency)|"
                         r"告知患者|应告知|出院|返院|就诊|宣教", re.I),
    "location": lazy(r"(?<![A-Za-z0-9])[CTLS]\d{1,2}(?:\s*[-–/]\s*[CTLS]?\d{1,2})?(?![A-Za-z0-9])|\b(?:interspace|waist|collar|"
                           r"under(?:neath)? the (?:apron|lead)|outside the (?:apron|lead)|chest wall|buttock|flank|abdomen|placed|placement|"
                           r"positioned|paraspinal|paravertebral|intradiscal|into the (?:spinal )?canal|venous plexus|foramen|foraminal)\b|"
                           r"节段|间隙|腰部|领口|铅衣(?:内|外|下)|胸壁|臀|腹部|放置|位置|椎旁|椎间盘内|椎管内|静脉丛|椎间孔", re.I),
    "recognition": lazy(r"\b(?:signs?|symptoms?|present(?:s|ing|ation)?|manifest\w*|include[sd]?|features?)\b|表现|征象|症状|体征|出现|"
                              + _NEW_SIGN["en"], re.I),
    "frequency": lazy(r"\d+(?:\.\d+)?\s*%|\b\d+\s*(?:/|of|in)\s*[\d,]+\b|\d+\s*例|万分之|千分之|百分之|"
                            r"\b(?:rare|rarely|uncommon|infrequent|very low)\b|罕见|少见|极少|"
                            r"\bno (?:\w+ ){0,5}(?:events?|complications?|cases?|injur\w*|deficits?|infections?)\b|\bnone of\b|"
                            r"未(?:记录到|发生|出现|见)|无一例", re.I),  # "how often?" "rare", "none in 16,638"
    "dose": lazy(r"\d+(?:[.,–-]\d+)?\s*(?:mg|mcg|µg|g\b|mL|ml|毫升|毫克|mSv|mGy|Gy\b)(?!\s*/\s*(?:dL|L)\b)(?:/kg)?|"
                      r"(?:no more than|not more than|at most|up to|maximum of|≤|不超过|最多)\s*\d+(?:[.,–-]\d+)?\s*(?:injections?|times|次)|"
                      r"\d+(?:[.,–-]\d+)?\s*(?:injections?|times)\s*(?:per|a|each|/)\s*(?:year|yr)|\d+\s*次\s*/\s*年", re.I),
    # a limit stated with its figure ("limit of 20 mSv a year", "不超过 6 次"), not a remark that limits differ
    # "what are the risk factors?" is answered by a sentence that lists them (two list separators or more, not digit groups)
    "risk_factors": lazy(r"(?:(?<!\d)[,，、](?!\d)[^,，、]{2,}){2,}"),
    "limit": lazy(r"(?:{w}).*\d|\d.*(?:{w})".format(w=r"\blimits?\b|not (?:to )?exceed|no more than|not more than|at most|"
                                                        r"maximum|ceiling|up to \d|上限|限值|不超过|不得超过|最多|极量|最大剂量|"
                                                        # (a threshold past which the risk rises: "3 or more levels", 3 个或以上节段)
                                                        r"\d+ or more\b|\d+\s*个?(?:或|及)以上"), re.I),
    "expected": lazy(r"\bexpected (?:effect|side|temporary)|\bexpected\b|self-limit|resolv\w*|needed no treatment|no treatment|"
                          r"reassur\w*|transient|temporary|\beffects?\s*[—–:]|预期|自限|自行缓解|消退|无需治疗|一过性|暂时性|告知其为|效应，表现为|"
                          # (or a complication of the procedure: "leaking clear fluid and a headache sitting up after the
                          # SCS trial - normal?" is a recognised risk of the lead placement, not a benign course)
                          r"\brecogni[sz]ed (?:risk|complication|hazard)|(?:公认|已知)的?(?:风险|并发症)", re.I),
    "workup": lazy(r"\b(?:MRI|CT|radiograph\w*|x-ray|plain film|myelogra\w*|gadolinium|"
                        r"blood cultures?|CRP|ESR|white (?:cell|blood)|laborator\w*)\b|(?<![A-Za-z])(?:MRI|CT)(?![A-Za-z])|磁共振|影像|平片|X 线|X线|造影|钆|血培养|"
                        r"C 反应蛋白|C反应蛋白|血沉|白细胞|排除|\brul(?:e|ed|ing) out\b|\bexclud", re.I),  # a test rules it out too
    "mechanism": lazy(r"\b(?:because|due to|caused by|causes|causing|results? from|mechanisms?|leads? to|raises?|therefore|hence)\b|" + _ATTRIBUTED + "|"
                            # (what a grading rests on: "the grade reflects the procedure itself, the anatomy …")
                            r"\bgrade reflects\b|分级依据|"
                            r"机制|由于|因为|所致|导致|引起|继而|从而|归因于|因此|所以", re.I),
}
HOLD_SPAN = _KIND["hold"]  # a hold interval in a sentence (3 days, 24 h)
MEASURED = _KIND["magnitude"]  # an amount a finding moved to or by (mg/dL, mmHg; "from 160 to 286")
# Advice given to patients (warning signs, discharge instructions) is not a bedside step.
_COUNSEL = {
    "en": lazy(r"should be (?:told|taught|advised)|teach the patient|discharge (?:instructions|advice)|return urgently|seek emergency care|"
                     r"advised? (?:the )?patients?\b|patients? should be advised|not (?:to )?drive", re.I),
    "zh": lazy(r"告知患者|应告知|出院(?:宣教|医嘱|指导)|立即返院|尽快返院|宣教|建议患者|不要驾车|勿驾车|不宜驾车"),
}
NOTE_PREFIX = "> "
_REDUCTION = lazy(r"\b(?:reduc\w*|lower(?:s|ed|ing)?|cut(?:s|ting)?|decreas\w*|halv\w*)\s+(?:\S+\s+){0,6}?by\s+(?:about\s+|approximately\s+|~)?"
                        r"\d+(?:\.\d+)?\s*%|(?:减少|降低|下降)约?\s*\d+(?:\.\d+)?\s*%", re.I)
_MEAN = lazy(r"\b(?:mean|average|median)\b|平均|中位", re.I)
# A drug named as the exception to a rule for its class ("... antibiotic within 1 h before incision (vancomycin excepted)").
_EXCEPTED = {"en": lazy(r"\bexcept(?:ed|ion|ions)?\b|\bother than\b", re.I), "zh": lazy(r"除外|例外|以外")}
# Said after a sentence whose paragraph is hedged further on (see `Sentence.quoted`).
HEDGED_LATER = {"en": " (its passage carries an unverified note)", "zh": "（所在段落含未经核实的说明）"}


@dataclass(frozen=True)
class Sentence:
    """A quotable unit: one sentence (or a dependent sentence with the one it leans on) of a retrieved passage. Its
    tokens are cut when first needed: an English question meets a Chinese sentence only in its Latin words and numbers,
    which need no jieba (`shared`), so an English answer loads jieba only for a Chinese sentence it really weighs."""

    text: str
    chunk: Chunk
    hit_rank: int
    position: int  # sentence index in the chunk (protocol order)
    group: str
    given_tokens: frozenset[str] | None  # None: `tokens` cuts them from the text on first use
    concepts: frozenset[str]
    provenance: bool
    action: bool
    hedged_later: bool = False  # a later sentence of its paragraph hedges the fact it belongs to ("该建议的措辞系凭记忆记录")

    @property
    def quoted(self) -> str:
        """The text as the answer shows it: a sentence whose paragraph's hedge comes after it carries that hedge along, so a
        fact the corpus marks unverified never reads as confirmed because only its first sentence was quoted."""
        if not self.hedged_later:
            return self.text
        body, stop = (self.text[:-1], self.text[-1]) if self.text.endswith((".", "。")) else (self.text, "")
        return f"{body}{HEDGED_LATER[self.chunk.lang]}{stop}"

    @property
    def tokens(self) -> frozenset[str]:
        """Lexical tokens of the sentence (`text.tokenize` in its passage's language)."""
        if self.given_tokens is not None:
            return self.given_tokens
        toks: frozenset[str] | None = self.__dict__.get("_tokens")
        if toks is None:
            toks = sentence_tokens(self.text, self.chunk.lang)
            object.__setattr__(self, "_tokens", toks)
        return toks

    def shared(self, words: Set[str]) -> Set[str]:
        """`words & tokens`. English-shaped words (an English question's) meet a Chinese sentence not cut yet in its
        Latin words and numbers only: those are found without jieba (`text.latin_tokens`), the sentence stays uncut."""
        if self._uncut_zh() and en_shaped(words):
            latin: frozenset[str] | None = self.__dict__.get("_latin")
            if latin is None:
                latin = latin_tokens(self.text)
                object.__setattr__(self, "_latin", latin)
            if latin is not None:
                return words & latin
        return words & self.tokens

    def meets(self, other: Sentence) -> bool:
        """Do the two sentences share a token? (A Chinese sentence met by an English one is not cut for it, see `shared`.)"""
        if other._uncut_zh() and not self._uncut_zh():
            return bool(other.shared(self.tokens))
        return bool(self.shared(other.tokens))

    def _uncut_zh(self) -> bool:
        return self.chunk.lang == "zh" and self.given_tokens is None and "_tokens" not in self.__dict__


@lru_cache(maxsize=50_000)
def sentence_tokens(text: str, lang: Lang) -> frozenset[str]:
    """A passage sentence's (or a question part's) lexical tokens, kept across questions (the same sentences are scored
    again and again; jieba's cut is the largest share of a warm answer's own time)."""
    return frozenset(tokenize(text, lang))


@dataclass(frozen=True)
class Bullet:
    """One line of the answer and where it comes from."""

    sentence: Sentence
    part: int
    score: float
    kind: str  # action | fact | note | asked (a look-back follow-up's own answer, before an emergency's steps) | plan (a
    # planning follow-up's answer while the emergency goes on, after its steps, under the follow-up's heading)


@dataclass(frozen=True)
class Weights:
    """Named weights of sentence scoring (each with its reason)."""

    concept: float = 1.0  # the question's own concepts in the sentence: the strongest sign it is about the question
    context: float = 0.4  # concepts inherited from the conversation: keep the topic, but the new question leads
    lexical: float = 0.7  # idf share of the question's words in the sentence
    residual: float = 0.8  # idf share of the words outside concept names (the specific detail asked: lung, 45 kg, C6-7)
    group: float = 0.9  # the passage sits in the asked section group: the asked aspect leads
    cue: float = 0.15  # the sentence itself uses the asked aspect's words
    unacted: float = 0.4  # asked what to do, a sentence of the same sections that says what the complication is, not what to do
    first_steps: float = 0.6  # asked what to do about a complication: the steps to take once it is suspected
    early: float = 0.4  # asked a complication's first or early signs: a sentence naming its early signs
    unshown: float = 1.0  # asked only how a complication shows, a sentence on what to do (at its first sign) tells no sign
    past_step: float = 1.5  # a step on the table ("abort or redirect"), asked about a day or more later or on the phone
    figure: float = 0.4  # it gives the kind of figure asked (a duration for "how long", a dose, a rate for "how often")
    kind_only: float = 0.6  # the same, for an ask no section holds (a dose, a work-up, a level): the kind is all there is
    dense: float = 0.15  # the passage's dense similarity (relative to the best)
    rank: float = 0.1  # fused rank prior (1/rank)
    focus: float = 2.0  # the focus concept of a several-concept question counts double in the concept share
    broader: float = 0.5  # the sentence names only a broader concept of the question's (haematoma -> bleeding)
    family: float = 0.9  # the asked procedure's family, in the family's own document (vertebral augmentation: kyphoplasty)
    related: float = 0.3  # or only a related one (pocket fill -> pump refill safety)
    other_lang: float = -0.25  # a passage in the other language (shown only when nothing in the question's language)
    provenance: float = -0.4  # where-a-figure-comes-from sentences are notes, not answers
    identity: float = -0.8  # "Eliquis is apixaban (阿哌沙班), a factor Xa inhibitor": a brand's identity answers only "what is it"
    meta: float = -0.5  # "this knowledge base covers …": answers only a question about the knowledge base itself
    protocol: float = -0.6  # a trial's own protocol ("in the BRIDGE trial warfarin was stopped 5 days before"): not the advice
    escalation: float = 1.0  # the tried treatment failed: the definitive or next-line step ("EBP is the definitive treatment")
    first_line: float = 0.9  # asked how to treat a complication told, nothing tried yet: the conservative, first-line care
    course_told: float = 0.6  # a course told ("no symptoms", 没症状): the sentence on that course (asymptomatic emboli)
    sibling: float = 0.6  # a later part's procedure, named in the part before ("caudal ESI: dose? and the dural puncture
    # risk?"): the caudal sentence on dural puncture, before the one on epidural techniques at large
    rival: float = -1.0  # about another drug, procedure, complication or spinal region than the asked one (dabigatran in a
    # Xarelto answer, hyperglycaemia in an epidural-abscess answer)
    floor: float = 0.5  # a sentence must reach this share of the part's best score
    min_score: float = 0.35  # and this absolute score
    dup: float = 0.6  # token Jaccard above which two sentences say the same
    complaint: float = 0.5  # asked whether a reaction the patient has is expected: sentences about that reaction
    gentler: float = 1.0  # asked for a less invasive option ("anything less invasive first?"): the one the sources call so
    silent: float = 1.5  # the patient has no symptoms: what the sources say of the silent form (follow-up only), before the
    # symptomatic patient's emergency steps
    choice: float = 0.3  # asked whether (or which) drug to use for a procedure: a rule naming the drug or its class for that
    # procedure ("particulate steroid should not be used for cervical TFESI") before facts about the drug (its label, its particles)
    hedged_dose: float = 0.1  # asked a dose or its limit: a figure the sources hedge (unverified) after a verified one as near
    weight_band: float = 0.6  # a weight-banded regimen (≤70 kg, >70 kg) that fits (or not) the patient's weight in the question
    disputed: float = -0.3  # a sentence of the document on where sources disagree (topic "evidence") restates a fact of its
    # home document beside the disagreement: the home document's sentence within this of it leads (half of it counts in its
    # score) unless the evidence or a comparison is asked


@dataclass(frozen=True)
class Signals:
    """What the engine knows about the question's concepts: their broader concepts, how rare each is in the corpus, and
    every concept's kind (to tell a sentence about another drug, procedure or spinal region from one about the asked one)."""

    parents: Mapping[str, frozenset[str]] = field(default_factory=dict)
    concept_idf: Mapping[str, float] = field(default_factory=dict)
    kinds: Mapping[str, str] = field(default_factory=dict)
    related: Mapping[str, frozenset[str]] = field(default_factory=dict)  # the lexicon's weaker links (pocket fill -> pump refill)
    risk_classes: frozenset[str] = frozenset()  # the procedure bleeding-risk classes (low / intermediate / high)
    narrower: Mapping[str, frozenset[str]] = field(default_factory=dict)  # an asked topic's narrower topics (dose limit: eye lens)
    kinds_of: Mapping[str, frozenset[str]] = field(default_factory=dict)  # an asked complication's kinds (infection: pocket infection)
    adjuncts: frozenset[str] = frozenset()  # procedures that go with any procedure (antibiotic prophylaxis, explantation)
    drug_classes: Mapping[str, frozenset[str]] = field(default_factory=dict)  # each drug's narrowest classes (Kenalog: particulate)
    # procedures of one spinal region, with that region and their broader procedures (cervical ESI: cervical, ESI)
    regional: Mapping[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    # every drug's classes, all the way up (enoxaparin: heparin), and every procedure's broader ones (TFESI: ESI)
    closure: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # each document's own concepts (its title's): where a fact quoted in several documents is at home
    homes: Mapping[str, frozenset[str]] = field(default_factory=dict)


# Kinds whose members compete: a sentence naming another of the same kind, and not the asked one, is about something else.
_RIVAL_KINDS = ("drug", "procedure", "complication")
_DRUG_KINDS = ("drug", "drug-class")
_SETTING_KINDS = ("procedure", "anatomy")  # where a complication happens, not what a sentence is about


# The patients' conditions that move a pain procedure up a bleeding-risk class (the sources' upgrade rule names them).
BLEEDING_UPGRADE = frozenset({"renal-impairment", "hepatic-impairment", "elderly", "alcohol-misuse"})
# Conditions an antithrombotic is taken for: they decide bridging, not the interval a drug is held for.
_INDICATIONS = frozenset({"atrial-fibrillation", "vte"})


def _focus(own: Sequence[str], sig: Signals, followup: bool = False, hold: bool = False) -> str | None:
    """What a question with several concepts is about: the complication it names, else the patient's condition that
    changes the answer, else the drug, else None ("chances of an epidural abscess after an ESI in a diabetic" is about the
    abscess; "hold Brilinta after a stent 4 months ago?" turns on the stent). How long to hold a drug does not turn on
    the condition it is taken for ("coumadin for AF - stop how long?" is about warfarin)."""
    # a follow-up that changes only the level or region ("anything specific about C7?") is about that level
    # (a topic such as driving is what "how long to avoid driving after an MBB with lidocaine?" asks, not the lidocaine)
    order = ((("anatomy",),) if followup else ()) + (("complication",), ("condition",), ("topic",), ("drug", "drug-class", "brand"))
    raisers = [c for c in own if c in _BLEEDING_RISK_RAISERS]
    if hold and followup and len(raisers) == 1 and len(own) > 1:
        return raisers[0]  # ("he's actually 82 with CKD4 - does that change how I handle the clopidogrel?": the procedure moves up a class)
    if hold and not any(c in CARDIOLOGY_DECIDES for c in own):  # how long to hold is about the drug (an old lady: the same days)
        order = ((("anatomy",),) if followup else ()) + (("drug", "drug-class", "brand"), ("complication",), ("condition",))
    for kinds in order:
        found = [c for c in own if sig.kinds.get(c) in kinds and not (hold and c in _INDICATIONS)]
        if len(found) == 1 and len(own) > 1:
            return found[0]
    return None


# A patient's condition that moves a procedure up a bleeding-risk class (told in a follow-up after a drug's hold)
_BLEEDING_RISK_RAISERS = frozenset({"renal-impairment", "hepatic-impairment", "alcohol-misuse"})


# The pains a pain procedure is done for: told beside it, the reason for it, not a condition that may rule it out
TREATED_CONDITIONS = frozenset({"crps", "fbss", "radicular-pain", "disc-herniation", "cancer-pain"})


# What a complication leads to, so that a sentence about that is no rival to it (a wet tap: its headache and CSF leak).
LEADS_TO = {"dural-puncture": ("pdph", "csf-leak", "intracranial-hypotension"),
             # (paralysis asked after a vertebroplasty: the canal cement leak is how it comes about, no other harm)
             "paralysis": ("cement-leakage",), "neurological-injury": ("cement-leakage",)}


def _member_of_another_class(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """A class of drug held for bleeding asked and no drug ("heparin with dialysis - timing?"): does the sentence name only
    drugs of other classes (Pradaxa's interval), none of the asked class nor the class itself?"""
    # (a class held for bleeding only: iodinated contrast asked beside a premedication regimen is not what is dosed)
    classes = {c for c in own if sig.kinds.get(c) == "drug-class" and HELD & (sig.parents.get(c, frozenset()) | {c})}
    named = [c for c in s.concepts if sig.kinds.get(c) in ("drug", "brand")]
    if not classes or not named or classes & s.concepts:
        return False
    return not any(classes & (sig.closure.get(c, frozenset()) | sig.parents.get(c, frozenset()) | {c}) for c in named)


CONTRAINDICATION = "contraindication"


_ANTITHROMBOTIC = "antithrombotic"


def _another_drugs_contraindication(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """Whether a patient on a drug held for bleeding may have the procedure ("ticagrelor + aspirin, PCI 3 months ago - can
    I do a cervical ILESI?"): a contraindication list naming only another class (current anticoagulation, for an
    antiplatelet) is not hers."""
    if part.aspects[:1] != ("contraindications",) or CONTRAINDICATION not in s.concepts:
        return False
    def held(cs: Collection[str]) -> set[str]:
        return {c for c in cs if sig.kinds.get(c) in _DRUG_KINDS and HELD & (sig.parents.get(c, frozenset()) | sig.closure.get(c, frozenset()) | {c})}
    told, named = held(q.all_concepts), held(s.concepts)
    named = (named - {_ANTITHROMBOTIC}) or named  # (the narrower class named: antithrombotic is every one's)
    if not told or not named:
        return False
    reach = set(told).union(*(sig.closure.get(c, frozenset()) for c in told))
    return not any(c in reach or told & sig.closure.get(c, frozenset()) for c in named)


def _lists_condition(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """Does the sentence list the patient's condition among contraindications ("poorly controlled diabetes … antibiotics"):
    the drugs it names are the list's, no rival to the one asked?"""
    return CONTRAINDICATION in s.concepts and any(sig.kinds.get(c) == "condition" and c in s.concepts for c in own)


_SALINE = "saline"
# A drug class's own toxicity: the steps that treat it name other drugs (epinephrine, amiodarone), no rivals of the drug.
_TOXICITY_OF = {LOCAL_ANAESTHETIC: "last"}


def _toxicities(own: Sequence[str], sig: Signals) -> set[str]:
    """The toxicities of the drugs asked ("heart stopping from bupivacaine": LAST)."""
    return {t for c in own if sig.kinds.get(c) in _DRUG_KINDS for k in {c, *sig.closure.get(c, ())} if (t := _TOXICITY_OF.get(k))}


def _own_toxicity(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """Does the sentence name the toxicity of a drug asked?"""
    return bool(_toxicities(own, sig) & s.concepts)


def _treats_own_toxicity(s: Sentence, part: Part, own: Sequence[str], sig: Signals) -> bool:
    """Asked what to do, does the sentence give a step for the asked drug's own toxicity (LAST's modified ACLS, naming
    epinephrine and amiodarone: the drugs that treat it, no rivals of the bupivacaine asked)?"""
    return part.aspects[:1] == ("action",) and s.action and _own_toxicity(s, own, sig) and not rival(s, own, sig, ("complication",))


def _class_rule_with_exception(s: Sentence, drugs: Sequence[str], sig: Signals) -> bool:
    """Is the sentence a rule for the drugs' class that names another drug only as its exception ("a weight-based
    prophylactic antibiotic within 1 h before incision, vancomycin excepted", for cefazolin)?"""
    return bool(_EXCEPTED[s.chunk.lang].search(s.text)) and any(sig.parents.get(c, frozenset()) & s.concepts for c in drugs)


_SYSTEMIC_STEROID = frozenset({"steroid-hyperglycaemia", "blood-glucose", "hpa-axis-suppression", "adrenal-insufficiency", "cushing-syndrome"})


def _any_procedures(s: Sentence, own: Sequence[str]) -> bool:
    """Is the sentence true whatever procedure is asked: a rule said of one procedure "and other blocks that include a
    local anaesthetic", or a steroid's systemic effect, which is the steroid's whatever injection gave it (the glucose
    after an ESI's steroid, asked for a diabetic's SI joint injection with dexamethasone)?"""
    return bool(AND_OTHERS[s.chunk.lang].search(s.text)) or bool(_SYSTEMIC_STEROID & s.concepts and _SYSTEMIC_STEROID & set(own))




# a scan told as done, with what it shows ("CT有肺动脉里的骨水泥", "CTPA: few small peripheral cement emboli") ...
_SCAN_SHOWS = lazy(r"\b(?:CT|CTPA|MRI|MR|x-?ray|film)\b\s*(?::|shows?|showed|showing|has|confirms?)|"
                   r"(?:CT|CTPA|MRI|核磁|磁共振|片子|胸片)(?![^，。？?]{0,4}(?:还没|没做|未做|没有做|要不要|需不需要))[^，。？?]{0,12}(?:有|看到|显示|提示|见到|发现)", re.I)
# ... and a sentence ordering that scan to diagnose it ("confirm a suspected PCE mainly with imaging", 主要依靠影像学确诊)
_SCAN_ORDERED = lazy(r"\b(?:confirm\w*|diagnos\w*|obtain|order)\b[^.;]{0,60}\b(?:imaging|CT|CTPA|MRI|x-?ray)\b|"
                     r"(?:依靠|通过|行|急查)[^，。；]{0,8}(?:影像|CT|MRI|核磁)[^，。；]{0,6}(?:确诊|检查)", re.I)


# the patient told to have no symptoms ("CT有肺动脉里的骨水泥 病人没症状", "never any symptoms")
NO_SYMPTOMS_TOLD = _NO_SYMPTOMS = lazy(r"\basymptomatic\b|\b(?:no|never (?:had )?any|never had|without) symptoms\b|\bsymptom-?free\b|"
                                       r"(?:没|没有|无)(?:啥|什么|任何)?(?:症状|不舒服)|无症状", re.I)
_ASYMPTOMATIC = lazy(r"\basymptomatic\b|无症状", re.I)
ASYMPTOMATIC_SAID = lazy(r"\basymptomatic\b|无症状|没有症状|\bno symptoms\b", re.I)  # (a course told silent, for `_quiet_course_first`)


def _asymptomatic_told(s: Sentence, part: Part, text: str) -> bool:
    """The patient told to have no symptoms ("CT有肺动脉里的骨水泥 病人没症状"): the rule for an asymptomatic finding is theirs."""
    return bool(_NO_SYMPTOMS.search(part.text) or _NO_SYMPTOMS.search(text)) and bool(_ASYMPTOMATIC.search(s.text))


def _scan_already_told(s: Sentence, part: Part) -> bool:
    """A scan told as done and read: the sentence that orders it to make the diagnosis answers nothing now."""
    return bool(_SCAN_SHOWS.search(part.text)) and bool(_SCAN_ORDERED.search(s.text))


def _anticoagulation_unsaid(s: Sentence, part: Part, sig: Signals) -> bool:
    """Asked whether to anticoagulate what is told ("CT有肺动脉里的骨水泥 要不要抗凝", "do we need to anticoagulate her?"):
    a sentence naming no anticoagulation (stop injecting the cement) answers another ask."""
    # (the told harm's own course, "asymptomatic peripheral → follow-up only": the harm named, or one linked to what is told,
    # the cement seen in the pulmonary artery)
    told = {*part.concepts, *part.inherited}
    harms = {c for c in s.concepts if sig.kinds.get(c) == "complication"
             and (c in told or sig.related.get(c, frozenset()) & told or any(c in sig.related.get(t, frozenset()) for t in told))}
    return asks_to_anticoagulate(part.text) and not harms and not any(
        c in _ANTICOAGULATION or _ANTICOAGULATION & sig.parents.get(c, frozenset()) for c in s.concepts)


def _anticoagulation_given(s: Sentence, part: Part, sig: Signals) -> bool:
    """Asked whether to anticoagulate what is told, a sentence giving the anticoagulation of that harm (heparin, then a
    coumarin) answers it, whatever other drug the patient was told to take ("…要不要抗凝？他术前刚停的波立维")."""
    return asks_to_anticoagulate(part.text) and not _anticoagulation_unsaid(s, part, sig) and any(
        sig.kinds.get(c) == "complication" for c in s.concepts)


_AUGMENTATION_KIN = frozenset({"vertebroplasty", "kyphoplasty"})
_LEAK, _DECOMPRESSION = "cement-leakage", "surgical-decompression"
_CEMENT_IN_CANAL_CARE = frozenset({_LEAK, _DECOMPRESSION})
_IN_CANAL = lazy(r"\bcanal\b|椎管", re.I)  # (a leak into the canal, not the disc's or a vein's)
_SURGERY_ASKED = lazy(r"\b(?:need|needs|needed|require[sd]?|go(?:es)? to|went to) (?:an? )?(?:surgery|operation|theatre|op)\b|"
                      r"(?:需要|要不要|需不需要|要)(?:手术|开刀)", re.I)


def _augmentation_kin(s: Sentence, own: Sequence[str], text: str) -> bool:
    """How often a cement leak needed surgery is told of vertebroplasty and asked of kyphoplasty (or the reverse): the same
    cement in the same canal, the only series there is ("cement in the canal after kyphoplasty - how often does it need surgery?"
    gets the 3,175 vertebroplasties' 4 of 26, named as such)."""
    return _LEAK in own and s.concepts >= _CEMENT_IN_CANAL_CARE and (_DECOMPRESSION in own or bool(_SURGERY_ASKED.search(text))) \
        and bool(_IN_CANAL.search(text)) and bool(_AUGMENTATION_KIN & set(own)) and bool(_AUGMENTATION_KIN & s.concepts)


def _recovery_of_harm(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """How far patients recover from the asked complication is told of that complication whatever procedure it followed
    ("epidural haematoma after ILESI - whats the likely outcome?": 47% recovered fully after neuraxial anaesthesia's)."""
    return RECOVERY in own and RECOVERY in s.concepts and any(
        sig.kinds.get(c) == "complication" and (c in s.concepts or sig.parents.get(c, frozenset()) & s.concepts) for c in own)


def rival(s: Sentence, own: Sequence[str], sig: Signals, kinds: Sequence[str] = (*_RIVAL_KINDS, "region")) -> bool:
    """Does the sentence name another drug (or drug class), procedure, complication or spinal region (of `kinds`) than
    the question's, and not the question's? (LMWH in an answer about unfractionated heparin.)"""
    for kind in kinds:
        def member(c: str, kind: str = kind) -> bool:
            if kind == "region":
                return c in REGIONS
            # (a scan is no rival procedure: "in the CT-screened series" is about the augmentation asked)
            # (nor is switching to saline a rival drug: "stop the infusion (or switch to saline)" treats the asked one's harm)
            return sig.kinds.get(c) in (_DRUG_KINDS if kind == "drug" else (kind,)) and (kind != "procedure" or c not in IMAGING or c in own) \
                and (kind != "drug" or c != _SALINE or c in own)
        # an asked drug is a named drug (not a class: "iodinated contrast" in a premedication question is not what is
        # dosed), and the most specific one counts ("blood thinner (Xarelto)" asks about rivaroxaban)
        mine = [c for c in own if member(c) and (kind != "drug" or sig.kinds.get(c) == "drug")]
        if kind == "region" and not mine:  # a level names its region (L4-5 is lumbar); a procedure of one region its own (TON RF)
            mine = [r for c in own for r in (*sig.parents.get(c, frozenset()), *sig.regional.get(c, (frozenset(), frozenset()))[0])
                    if r in REGIONS]
            # (a topic standing for a region's procedures, "cervical facet RFA" as a cervical procedure, names its region as
            # related: the lumbar Kornick series is another region's)
            mine = mine or [r for c in own if sig.kinds.get(c) == "topic" for r in sorted(sig.related.get(c, frozenset())) if r in REGIONS]
        mine = [c for c in mine if not any(c in sig.parents.get(d, frozenset()) for d in mine)]
        # (whom to bridge names the drug bridged: warfarin beside the LMWH asked)
        bridged = kind == "drug" and _BRIDGING in own and _BRIDGING in s.concepts
        if kind == "drug" and not mine and not bridged and _member_of_another_class(s, own, sig):
            return True  # (heparin asked: a dabigatran interval is no member's)
        # prophylactic antibiotics for an SCS implant: a sentence on discography's is about another of our procedures (and
        # one on premedication before contrast is not about another: the CT it names is no procedure of ours)
        others = sig.adjuncts if kind == "procedure" and any(c in sig.adjuncts for c in mine) else frozenset()
        mine = [c for c in mine if c not in others] or mine
        if kind == "drug" and (bridged or any(c in sig.adjuncts and c in s.concepts for c in own) or _lists_condition(s, own, sig)
                               or _class_rule_with_exception(s, mine, sig) or _ALLERGIES.intersection(own) & s.concepts):
            continue  # the asked prophylaxis's rule names its exception (vancomycin) beside the asked drug (cefazolin) or its class
            # (or the told allergy's: what the allergic patient gets instead of the asked drug)
        # (a rule said of one procedure "and other blocks that include a local anaesthetic" is every such block's)
        if not mine or any(c in s.concepts for c in mine) or (kind in ("procedure", "region") and _any_procedures(s, own)):
            continue
        # "no major neurologic or haemorrhagic event" answers a question about paralysis; the asked drug's own toxicity and
        # its signs are no other complication (LAST's arrhythmia beside "heart stopping from bupivacaine")
        if kind == "complication" and (any(sig.parents.get(c, frozenset()) & s.concepts for c in mine) or _own_toxicity(s, own, sig)):
            continue
        near = set(mine).union(*(sig.parents.get(c, frozenset()) for c in mine))
        # the asked drug given as a measure that goes with any procedure ("antibiotics after an SCS implant" is prophylaxis)
        # (not another procedure of the asked one's family linked to the complication: epidural anaesthesia's haematoma
        # estimate, asked the haematoma after an ESI)
        family = set().union(*(sig.closure.get(c, frozenset()) for c in mine)) if kind == "procedure" else set()
        near |= {m for m in _measures(own, sig) if m in own or not sig.closure.get(m, frozenset()) & family}
        if kind == "complication":  # (a wet tap's headache is about the wet tap: PDPH is what it leads to, not a rival)
            near |= {r for c in mine for r in LEADS_TO.get(c, ())}
        if kind == "procedure":  # (the implant surgery is a stage of the implant asked: 神经调控装置植入 for an SCS)
            near |= _regional(s, near, own, sig) | {c for c, of in _STAGES.items() if of & near}
            # (and the bleeding-risk class the asked procedure is in: "…stopped for a high-risk pain procedure" is the SCS
            # trial's rule)
            near |= {r for c in mine for r in (*sig.related.get(c, ()), *sig.closure.get(c, ())) if r in sig.risk_classes}
        # (a step of any procedure, in a sentence on the patient's condition asked: "造影前…泼尼松" for a contrast allergy)
        steps = _STEPS_OF_ANY if any(sig.kinds.get(c) in _PATIENT_KINDS and c in s.concepts for c in own) else frozenset()
        if any(c not in near and member(c) and c not in others and c not in steps for c in s.concepts):
            return True
    return False


# Steps of any of our image-guided procedures, never another procedure ("造影前13、7和1小时各口服泼尼松" before a TFESI).
_STEPS_OF_ANY = frozenset({"contrast-injection", "premedication", "real-time-fluoroscopy", "test-dose", "negative-aspiration"})
_PATIENT_KINDS = ("condition", "complication", "finding")


# A stage of the implants it names, never another procedure (the implant surgery of an SCS or a pump).
_STAGES = {"device-implantation": frozenset({"spinal-cord-stimulation", "drg-stimulation", "intrathecal-drug-delivery", "neuromodulation"})}


# A rule extended from the procedure it names to others ("applies to cervical ILESI and other blocks that include a local
# anaesthetic", 以及其他含局麻药的阻滞).
AND_OTHERS = {"en": lazy(r"\band (?:to )?(?:any |all )?other (?:blocks|injections|procedures)\b|^more generally\b|"
                               r"\b(?:after|of) (?:any |all )?(?:injections?|blocks?) that (?:contains?|includes?)\b", re.I),
               "zh": lazy(r"(?:以及|和|及)其他[^，。；]{0,8}(?:阻滞|注射|操作)|^更一般地说|凡(?:注射|含)[^，。；]{0,12}局麻药")}
# A warning against a practice: "Do not add an antibiotic to discography contrast if dural puncture is possible".
_PROHIBIT = {"en": lazy(r"^(?:if [^,]{0,60}, )?(?:do not|don't|never|avoid)\b", re.I),
             "zh": lazy(r"^(?:(?:若|如果|如)[^，,。]{0,30}[，,])?(?:不要|切勿|勿|禁止|不得|避免)")}


def with_warnings(bullets: Sequence[Bullet], sents: Sequence[Sentence], kinds: Mapping[str, str], asked: Collection[str]) -> list[Bullet]:
    """A practice quoted (cefazolin mixed into the discography contrast) brings the warning against it from its own
    document ("do not add an antibiotic to the contrast if dural puncture is possible: intrathecal cefazolin can cause
    seizures"), right after the bullet that shares most with it: the warning names the same drug and procedure, and a
    drug the question asks about (`asked`: its concepts with their broader ones)."""
    quoted = {b.sentence.text for b in bullets}
    after: dict[int, list[Sentence]] = {}
    for w in sents:
        if w.text in quoted or not _PROHIBIT[w.chunk.lang].search(w.text) \
                or not any(kinds.get(c) in _DRUG_KINDS for c in w.concepts.intersection(asked)):
            continue
        fits = [(len(w.concepts & b.sentence.concepts), i) for i, b in enumerate(bullets)
                if b.sentence.chunk.doc_id == w.chunk.doc_id and not _PROHIBIT[b.sentence.chunk.lang].search(b.sentence.text)
                and any(kinds.get(c) == "drug" for c in w.concepts & b.sentence.concepts)
                and any(kinds.get(c) == "procedure" for c in w.concepts & b.sentence.concepts)]
        if fits:
            after.setdefault(max(fits, key=lambda f: (f[0], -f[1]))[1], []).append(w)
            quoted.add(w.text)
    out: list[Bullet] = []
    for i, b in enumerate(bullets):
        out += [b, *(Bullet(w, b.part, b.score, "fact") for w in after.get(i, ())[:1])]
    return out


# A sentence advising against a practice ("particulate steroid should not be used for therapeutic cervical transforaminal ESI").
AGAINST = {"en": lazy(r"\bshould not be (?:used|given|injected|performed|done)\b|\bmust not be (?:used|given|injected)\b|"
                             r"\b(?:is|are) contraindicated\b|\bnot recommended\b", re.I),
            "zh": lazy(r"不应(?:使用|用于|注射|进行)|不宜(?:使用|用于)|禁用|禁止(?:使用|用于)|不推荐")}
_AGAINST_CLAUSE = lazy(r"[;；]|,\s*(?:and|but|whereas|while)\s+|，(?:而|但|且)?")


def against_the_plan(bullets: Sequence[Bullet], sents: Sequence[Sentence], told: Collection[str], kinds: Mapping[str, str],
                     concepts_of: Callable[[str], set[str]]) -> list[Bullet]:
    """A practice the question tells (a drug for a procedure, at a region: "cervical TFESI w particulate steroid") that a
    sentence of the sources advises against in the clause that says so: that sentence goes right after the lead, whatever
    was asked ("what number do I quote for paralysis?"). A drug of the clause, every procedure and every region it names
    must be the question's or a kind of it (`told`: the question's concepts with their broader ones): steroids or an ESI
    in general plan nothing that a clause on particulate steroid for cervical transforaminal ESI, or on the epidural dose
    after a wet tap in an interlaminar ESI, advises against."""
    if any(AGAINST[b.sentence.chunk.lang].search(b.sentence.text) for b in bullets[:2]):
        return list(bullets)
    for s in sents:
        if not AGAINST[s.chunk.lang].search(s.text) or s.provenance:
            continue
        clause = next((c for c in _AGAINST_CLAUSE.split(s.text) if AGAINST[s.chunk.lang].search(c)), "")
        named = concepts_of(clause)
        drugs = {c for c in named if kinds.get(c) in _DRUG_KINDS}
        procedures = {c for c in named if kinds.get(c) == "procedure"}
        # (and the condition the clause sets, a dural puncture, must be told too)
        conditions = {c for c in named if kinds.get(c) in ("complication", "condition", "finding")}
        if drugs & set(told) and procedures and procedures <= set(told) and {c for c in named if c in REGIONS} <= set(told) \
                and conditions <= set(told):
            rest = [b for b in bullets if b.sentence is not s]
            return [*rest[:1], Bullet(s, rest[0].part if rest else 0, 1.0, "fact"), *rest[1:]]
    return list(bullets)


_ROUTE_REGIONS = frozenset({"sacrum"})  # (a region that is a route of its own: the caudal epidural through the sacral hiatus)


def _regional(s: Sentence, near: set[str], own: Sequence[str], sig: Signals) -> set[str]:
    """The sentence's procedures that are the asked one's broader procedure in the asked region, or in any region when
    none is asked ("cervical ESI" in an answer about a cervical TFESI, or about TFESI): no rival."""
    regions = {c for c in own if c in REGIONS}
    wider = {c for c in s.concepts if c in sig.regional and (not regions or sig.regional[c][0] & regions) and sig.regional[c][1] <= near}
    # (and a route of the asked regional procedure said of no region: the interlaminar ESI's wet-tap rule for a cervical
    # epidural; its closest broader procedure, ESI, not a wider class such as neuraxial procedures)
    # (not a route of its own: a caudal ESI is no interlaminar one)
    bases = set().union(*(sig.regional[c][1] for c in own if c in sig.regional and sig.regional[c][0] - _ROUTE_REGIONS))
    bases -= set().union(*(sig.closure.get(b, frozenset()) for b in bases))
    return wider | {c for c in s.concepts if c not in sig.regional and sig.closure.get(c, frozenset()) & bases}


def _with_regions(concepts: frozenset[str], lexicon: Lexicon) -> frozenset[str]:
    """The concepts of a sentence with the spinal region its procedures are at ("颈椎小关节射频" is cervical): a
    sentence about another region's procedure is a rival to the asked region's."""
    lx = lexicon.concepts
    implied = {r for c in concepts if c in lx for r in lx[c].related if r in REGIONS}
    return concepts | implied if implied else concepts


def sentences_of(hits: Sequence[Hit], lexicon: Lexicon) -> list[Sentence]:
    """Quotable units of the retrieved passages; dependent sentences are joined to the sentence they lean on."""
    out: list[Sentence] = []
    # (a passage's units are the same for every question: cut once per lexicon, kept on it while it lives)
    cache: dict[Chunk, list[Sentence]] = lexicon.__dict__.setdefault("_sentence_units", {})
    for h in hits:
        units = cache.get(h.chunk)
        if units is None:
            if len(cache) >= _UNITS_KEPT:
                cache.clear()
            units = cache[h.chunk] = _units_of(h.chunk, lexicon)
        out.extend(replace(u, hit_rank=h.rank) for u in units)
    return out


_UNITS_KEPT = 20_000  # passages whose units are kept (the bundled corpus has a few thousand)


def _units_of(c: Chunk, lexicon: Lexicon) -> list[Sentence]:
    """The quotable units of one passage (`sentences_of`), with hit rank 0."""
    out: list[Sentence] = []
    lang = c.lang
    group = group_of(c.heading_path)
    spans = sentence_spans(c.text, semicolons=False)
    raw = [strip_inline_tags(split_tags(c.text[a:b])[0]) for a, b in spans]
    paragraph = [bisect_right(c.breaks, a) for a, _ in spans]
    hedged_later = _hedged_later(raw, paragraph, lang)
    units: list[tuple[int, str]] = []
    for i, sent in enumerate(raw):
        if not sent or _BIBLIO[lang].search(sent):
            continue
        leans = bool(_LEANS[lang].search(sent)) and not re.search(r"\d", sent)
        if leans and units and units[-1][0] == i - 1:
            prev = units.pop()[1]
            units.append((i, f"{prev} {sent}" if lang == "en" else f"{prev}{sent}"))
            continue
        if _DEPENDENT[lang].search(sent) or (units and units[-1][1].rstrip().endswith((":", "："))):
            if units and units[-1][0] == i - 1:
                prev_i, prev = units.pop()
                units.append((i, f"{prev} {sent}" if lang == "en" else f"{prev}{sent}"))
            continue  # leans on a sentence that is not available: not quoted at all
        units.append((i, sent))
    named: dict[int, frozenset[str]] = {}  # the procedure each paragraph's sentences are about so far
    for i, text in units:
        concepts = _about_procedure(_with_regions(lexicon.tags(text), lexicon), named, paragraph[i], lexicon)
        if len(text) < 12 or text.rstrip().endswith((":", "：")):
            continue
        out.append(Sentence(text, c, 0, i, group, None, concepts,
                            _provenance(text, lang),
                            bool(_ACTION[lang].search(text)) and not _AFTERWARDS[lang].search(text),
                            hedged_later[i] and not HEDGE[lang].search(text)))
    return out


def _about_procedure(concepts: frozenset[str], named: dict[int, frozenset[str]], paragraph: int, lexicon: Lexicon) -> frozenset[str]:
    """A sentence that names no procedure goes on about the one its paragraph named before ("In 974 cervical interlaminar
    ESIs, dural puncture occurred in 1.4%. Dural puncture was most frequent at C5-C6 (2.8%) ..."): a paragraph holds one
    fact, so the sentence is about that procedure (and its region) too, and is another procedure's figure for a TFESI.
    (Only our procedures: "a CT study of Korean adults" tells no procedure the sentences after it are about.)"""
    procedures = frozenset(x for x in concepts if lexicon.is_anchor(x))
    if procedures:
        named[paragraph] = frozenset(lexicon.broader_closure(procedures))
        return concepts
    return _with_regions(concepts | named[paragraph], lexicon) if paragraph in named else concepts


def _hedged_later(raw: Sequence[str], paragraph: Sequence[int], lang: Lang) -> list[bool]:
    """For each sentence: does a later sentence of the same paragraph carry a hedge? A paragraph holds one fact of the fact
    sheet, whose hedge stands at its end ("... (unverified)"), so it covers the sentences before it as well."""
    out = [False] * len(raw)
    seen: set[int] = set()  # paragraphs with a hedge further on
    for i in range(len(raw) - 1, -1, -1):
        out[i] = paragraph[i] in seen
        if HEDGE[lang].search(raw[i]):
            seen.add(paragraph[i])
    return out


def _family(c: str, s: Sentence, w: Weights, sig: Signals) -> float:
    """A procedure asked named in the sentence by the family its own document is about ("after vertebral augmentation" in
    the vertebral augmentation document, asked of a kyphoplasty): about the asked one as much as a sentence naming it
    (never when two members are weighed: the family is no side of "PVP or PKP, which leaks less?")."""
    if sig.kinds.get(c) != "procedure":
        return 0.0
    home = sig.homes.get(s.chunk.doc_id, frozenset())
    if c not in home:  # (the SI joint document's RF is no family of a lumbar medial branch RFA)
        return 0.0
    return w.family if any(p in s.concepts and p in home and sig.kinds.get(p) == "procedure" for p in sig.parents.get(c, ())) else 0.0


_CONTAINERS = frozenset({"single-dose-vial"})  # what a drug comes in


def _another_drugs_hold(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """Asked one drug's hold, a sentence naming other drugs only (Pradaxa's renal interval, asked clopidogrel's)."""
    asked = [c for c in own if sig.kinds.get(c) == "drug"]
    named = [c for c in s.concepts if sig.kinds.get(c) == "drug"]
    return bool(asked and named) and not set(asked) & set(named)


def _equipment_over_drug(part: Part, own: Sequence[str], sig: Signals, focus: str | None) -> str | None:
    """A drug named with the thing it comes in, asked no dose ("一瓶利多卡因几个病人共用，有问题吗？"): the vial is the ask."""
    kit = [c for c in own if c in _CONTAINERS]
    if focus is None or sig.kinds.get(focus) not in _DRUG_KINDS or len(kit) != 1 or {"dose", "limit", "hold"} & set(part.aspects):
        return focus
    return kit[0]


def _safeguard_over_harm(part: Part, own: Sequence[str], focus: str | None) -> str | None:
    """Asked whether a safeguard lowers a harm ("DSA能降低TFESI血管内注射的风险吗？", "does a blunt needle reduce …?"): the
    safeguard is the ask, the harm is what every passage of the procedure names."""
    guard = [c for c in own if c in _SAFEGUARDS]
    if len(guard) != 1 or "prevention" not in part.aspects or not _LOWERS.search(part.text):
        return focus
    return guard[0]


# the guidance, imaging or needle a question may ask to lower a harm
_SAFEGUARDS = frozenset({"fluoroscopy", "pulsed-fluoroscopy", "ultrasound-guidance", "ct-guidance", "dsa", "two-needle-technique",
                         "pencil-point-needle", "small-gauge-needle", "blunt-needle", "extension-tubing", "collimation"})
_LOWERS = lazy(r"\b(?:reduce|lower|decrease|cut|prevent|minimi[sz]e)s?\b|(?:降低|减少|预防|避免)", re.I)


def _without_levels_after_harm(part: Part, own: list[str], sig: Signals) -> list[str]:
    """Asked what to do after a harm told at a level ("wet tap at C6/7 - can I move to C7/T1 and finish?"): the steps after
    the harm, not where a level is safest (the levels are the story, not the ask)."""
    if part.aspects[:1] == ("action",) and any(sig.kinds.get(c) == "complication" for c in own):
        return [c for c in own if not _is_level(c)] or own
    return own


def _figure_given(s: Sentence, kinds: Sequence[str], numbers: bool, counted: bool) -> float:
    """Does the sentence give the kind of figure asked (a count when the numbers are asked)? A share of case reports is no
    rate ("80% of 166 haematoma case reports had severe deficits", asked how likely paralysis is)."""
    if kinds[:1] == ["frequency"] and CASE_REPORTS.search(s.text):
        return 0.0
    return 1.0 if any(counted if numbers and a == "frequency" else _KIND[a].search(s.text) for a in kinds) else 0.0


def score(s: Sentence, part: Part, q: Question, idf: Callable[[str], float], dense: Mapping[str, float], lang: Lang,
          w: Weights = Weights(), sig: Signals = Signals()) -> float:
    """Relevance of a sentence to one part of the question (named weights, see `Weights`)."""
    q_parents = sig.parents
    own = _without_levels_after_harm(part, _own(part, q), sig)
    if "escalation" in part.aspects:  # "caffeine and fluids not working": what was tried is not what is asked
        own = [c for c in own if c not in q.tried] or ([] if part.inherited else own)  # (all it names failed: the case before)
    # "那鞘内泵呢？" after the SCS infection rate: the pump's infection rate (and the procedure it leaves, SCS, is no
    # context of it any more: another procedure's rate)
    before, left = _swap(part, own, sig)[1:]
    own = [*own, *sorted(before)]
    ctx = [c for c in dict.fromkeys(tuple(part.inherited) + q.context_concepts) if c not in own and c not in left]
    part_tokens = sentence_tokens(part.text, lang)  # (scored against every sentence: tokenised once)
    terms = set(part.terms)
    residual = sum(idf(t) for t in s.shared(terms)) / (sum(idf(t) for t in terms) or 1.0) if terms else 0.0
    cw = sig.concept_idf
    # (what failed is no focus of a part naming nothing: "caffeine didn't help. blood patch now? how much blood?")
    focus = _equipment_over_drug(part, own, sig, _focus([c for c in own if c not in q.tried] if not part.concepts else own, sig,
                                                       q.followup, "hold" in part.aspects))
    focus = _safeguard_over_harm(part, own, focus)
    # rarer concepts (a drug) weigh more than common ones (ESI), and the focus of the ask (the complication asked about) most
    cwt = {c: cw.get(c, 1.0) * (w.focus if c == focus else 1.0) for c in own}
    denom_c = sum(cwt.values()) or 1.0
    # a sentence that names no procedure is about its passage's ("The NACC also suggests stopping prophylactic antibiotics
    # within 24 h" in the SCS paragraph): the passage's procedure counts as a broader match
    implied = frozenset() if any(sig.kinds.get(c) == "procedure" and c not in sig.adjuncts for c in s.concepts) \
        else frozenset(c for c in s.chunk.concepts if sig.kinds.get(c) == "procedure")
    # (asked the hazards to put on a consent form: a hazard list naming no region, "further hazards of facet RFA are…", in a
    # passage about no other region, is true at the lumbar level asked too; never a series' rates)
    anywhere = frozenset(c for c in own if c in REGIONS) \
        if REGIONS.isdisjoint(s.concepts) and REGIONS.isdisjoint(s.chunk.concepts) and not COUNT.search(s.text) \
        and RISKS_TO_TELL[lang].search(part.text) else frozenset()
    concept = sum(cwt[c] * (1.0 if c in s.concepts else (0.0 if "comparison" in part.aspects else _family(c, s, w, sig)) or w.broader if (q_parents.get(c, frozenset()) & s.concepts or c in implied or c in anywhere)
                            else w.related if sig.related.get(c, frozenset()) & s.concepts else 0.0)
                  for c in own) / denom_c if own else 0.0
    # (the class named for the drug before, "an anticoagulated patient" for the apixaban told, is the context in part)
    context = sum(1.0 if c in s.concepts else w.broader if q_parents.get(c, frozenset()) & s.concepts else 0.0
                  for c in ctx) / max(1, len(ctx)) if ctx else 0.0
    denom = sum(idf(t) for t in part_tokens) or 1.0
    lexical = sum(idf(t) for t in s.shared(part_tokens)) / denom
    groups = part.groups
    group = 0.0
    if groups and s.group in groups:
        group = 1.0 if s.group == groups[0] else 0.6
    cue = 1.0 if any(re.search(ASPECTS[a][2 if lang == "zh" else 1], s.text, re.I) for a in part.aspects) else 0.0
    kinds = [a for a in part.aspects if a in _KIND and not ("limit" in part.aspects and a == "dose")]  # a dose limit wants the limit
    numbers = "frequency" in kinds and _NUMBERS_ASK.search(part.text)  # "what real numbers can I give her?": a count, not "rare"
    counted = bool(COUNT.search(s.text)) and not CASE_REPORTS.search(s.text)  # a count of case reports is no rate
    figure = _figure_given(s, kinds, bool(numbers), counted)
    narrow = _narrow_kind(part)  # how long a course goes on, how fast to infuse: the figure of that kind
    if narrow is not None and narrow is not _LASTS:  # (an ask with no figure of its own: the verdict is its figure)
        figure = (figure if kinds else 1.0) if narrow.search(s.text) else 0.0
        # (what to watch for is told under Recognition and management as often as under the complications asked beside it)
        group = 1.0 if narrow is _WATCHED and figure else group
    if s.action and ("action" in part.aspects or ("advice" in part.aspects[:1] and any(sig.kinds.get(c) == "complication" for c in part.concepts))):
        cue += 1.0  # asked what to do (or what to tell a patient who has the complication): a sentence that says what to do
    # and one of the same sections that only describes the complication ("PDPH usually starts within 5 days") comes after
    unacted = part.aspects[:1] == ("action",) and not s.action and s.group in ("management", "complications") \
        and not (_GO_ON[s.chunk.lang].search(s.text) and _GO_ON[q.lang].search(part.text))
    # the asked aspect counts in a sentence about the question's subject (a follow-up naming nothing: what it inherited)
    anchors = [c for c in part.inherited if c in s.concepts or q_parents.get(c, frozenset()) & s.concepts]
    on_topic = max(concept, 0.5 * context) if own else len(anchors) / len(part.inherited) if part.inherited else 1.0
    total = (w.concept * concept + w.context * context + w.lexical * lexical + w.residual * residual
             + on_topic * (w.group * group + (w.figure if groups else w.kind_only) * figure) + w.cue * cue + w.dense * dense.get(s.chunk.id, 0.0) + w.rank / s.hit_rank)
    total -= w.unacted if unacted else 0.0
    # (two positions weighed, "a 2010 review favoured early EBP, whereas newer guidance favours conservative care first", are
    # what the sources disagree on: not the step asked for, which a sentence saying what to do gives)
    total -= w.unacted if part.aspects[:1] == ("action",) and _POSITIONS[s.chunk.lang].search(s.text) else 0.0
    # (asked the management: the first steps once it is suspected, "When LAST is suspected, call for help, stop…", lead)
    total += w.first_steps if part.aspects[:1] == ("action",) and s.action and _ONCE_SUSPECTED[s.chunk.lang].search(s.text) else 0.0
    total += _signs_asked(s, part, q, w)
    total -= w.past_step if _on_the_table_later(s, q) else 0.0
    total += _kind_of_sentence(s, part, q, lang, w, sig, on_topic)
    total += w.escalation if _silent_on_the_ask(s, part, sig) else 0.0
    if not before and any(c in s.concepts for c in part.inherited if c in q.concepts and c not in part.concepts
                          and sig.kinds.get(c) == "procedure"):
        total += w.sibling * concept  # the asked complication or drug, in the procedure of the part before
    subject = [c for c in _subject(part, own, q, sig) if c not in left]
    if left and not any(sig.kinds.get(c) == "procedure" for c in subject):  # (the pump swapped in: intrathecal drug delivery)
        subject += [r for c in own for r in sorted(sig.parents.get(c, ())) if sig.kinds.get(r) == "procedure"]
    # about something else, or about what the question left out ("apart from anticoagulants", "besides cement leaks", even
    # beside its procedure); a list of procedures by bleeding-risk class names other regions and procedures, and is no rival
    # (a topic asked, the outcome, is no subject of it: the haematoma's recovery figures once "no haematoma" was told)
    left_out = set(q.excluded) & s.concepts and not any(c in s.concepts for c in own if sig.kinds.get(c) not in (*_SETTING_KINDS, "topic"))
    # a pregnant colleague's question: a sentence about the pregnant patient (and not staff) is about someone else
    left_out = left_out or any(COMPOUND_BASE[c] in s.concepts and c not in s.concepts for c in q.concepts if c in COMPOUND_BASE)
    # (what comes after a failed treatment is often another procedure: the blood patch after an interlaminar ESI's wet tap)
    next_line = _next_step(s, part, q, sig.kinds)
    # (asked for the work-up, the studies a sentence orders are the answer, not another procedure: "plain film, then MRI")
    looked_at = _without_studies(s) if "workup" in part.aspects else s
    if not _classes_procedure(s, own, sig) and not _drug_choice(s, part, subject, sig) and not next_line \
            and (rival(looked_at, subject, sig) or left_out or _drugless(s, part, subject, sig) or _drug_only(s, part, q, subject, sig)) \
            and not _treats_own_toxicity(s, part, subject, sig) and not _recovery_of_harm(s, own, sig) \
            and not _augmentation_kin(s, (*own, *part.inherited), part.text) and not _anticoagulation_given(s, part, sig):
        total += w.rival
    total += w.rival if _held_though_continued(s, part) or _another_allergy(s, own) or _anticoagulation_unsaid(s, part, sig) else 0.0
    total += w.rival if _scan_already_told(s, part) else w.course_told if _asymptomatic_told(s, part, q.text) else 0.0
    total += w.rival / 2 if _another_patients(s, q, sig) or _allergy_nobody_told(s, q) else 0.0
    total += _other_end_of_hold(s, part, narrow, w) + _relief_for_a_sign(s, part, narrow, sig, w)
    total += w.weight_band * band_fit(s.text, told_weight(q.text))  # the regimen for this patient's weight
    total += w.disputed / 2 if s.chunk.topic == _DISPUTES and not {"evidence", "comparison"} & set(part.aspects) and not figure else 0.0
    # (one ask only: between parts, the sentences' shares are weighed as they stand)
    total -= w.hedged_dose if len(q.parts) < 2 and part.aspects[:1] in (("dose",), ("limit",)) and HEDGE[s.chunk.lang].search(s.text) \
        and _KIND[part.aspects[0]].search(s.text) else 0.0
    total += w.rival / 2 if _score_out_of_band(s.text, q.text) else 0.0  # ("CHADS2 5": not the list for "CHADS2 <4")
    if "expected" in part.aspects and any(sig.kinds.get(c) == "complication" and c in s.concepts for c in part.concepts):
        total += w.complaint  # "face bright red, can't sleep - worried": what the sources say of that reaction, first
    if "expected" in part.aspects:  # "is this normal or should I worry?": what the picture means before how often it happens
        total += w.complaint / 2 if _READS_PICTURE[s.chunk.lang].search(s.text) else -w.complaint / 2 if is_rate_report(s.text, s.chunk.lang) else 0.0
    total += _answers_the_kind_asked(s, part, sig, w)
    if _NO_SYMPTOMS_ASK.search(part.text):  # "一小条骨水泥，病人一点症状没有，需要处理吗": the silent form's management, and
        # not the steps for when symptoms appear
        # (nor the symptomatic form's: "有症状的 PCE 应…抗凝或取栓")
        total += w.silent if _SILENT.search(s.text) else -w.silent if _ONCE_SYMPTOMS.search(s.text) or _SYMPTOMATIC.search(s.text) else 0.0
    # (rounded: sums taken over sets of concepts differ in their last bits from one run to the next, and a tie between two
    # sentences must not be broken by that)
    return round(total, 9)


def _answers_the_kind_asked(s: Sentence, part: Part, sig: Signals, w: Weights) -> float:
    """A sentence of the kind the part asks for: the option the sources call less invasive for "is there anything less
    invasive first?"; not the overall complication rate for how common one complication is ("how common is lead
    migration?", "how common is SCI after SCS?")."""
    total = w.gentler if _GENTLER_ASK.search(part.text) and _GENTLER_SAID.search(s.text) else 0.0
    overall, figure = _OVERALL_RATE.search(s.text), _PERCENT.search(s.text)
    # (the overall rate is the sentence's own first figure: not "dural puncture was highest at C5–C6 (2.8%) … the overall
    # complication rate was 0.4%")
    if "frequency" in part.aspects[:1] and overall and figure and overall.start() < figure.start() \
            and any(sig.kinds.get(c) == "complication" for c in part.concepts):
        total -= w.complaint
    return total


_DISPUTES = "evidence"  # the topic of the document on where sources disagree
# An overall complication rate ("puts the overall SCS complication rate at 31.9–43%").
_OVERALL_RATE = lazy(r"\boverall\b[^.;]{0,40}\bcomplication rate|\boverall (?:rate of )?complications?\b|总体并发症发生率|总并发症发生率", re.I)
_PERCENT = lazy(r"\d+(?:\.\d+)?\s*%")
# A gentler option asked ("anything less invasive first?", 有没有创伤小一点的办法) and one said to be so.
_GENTLER_ASK = lazy(r"\bless invasive\b|\bnon-?invasive\b|创伤(?:更)?小|微创一点|不那么有创", re.I)
_GENTLER_SAID = lazy(r"\bless invasive\b|创伤(?:更|较)?小|侵入性(?:更|较)?(?:小|低)", re.I)


def _home_before_disputes(lead: tuple[float, Sentence], above: Sequence[tuple[float, Sentence]], part: Part, w: Weights) -> tuple[float, Sentence]:
    """A lead from the document on where sources disagree restates a fact of its home document beside the disagreement:
    the home document's sentence scoring near it leads instead (unless the evidence or a comparison is asked)."""
    if lead[1].chunk.topic != _DISPUTES or {"evidence", "comparison"} & set(part.aspects):
        return lead
    # (one that gives the kind of answer asked, as the lead does: "保守治疗多久无效要做EBP？" wants the timing, which only the
    # disagreement on early or conservative first gives)
    # (and names what the lead names of the ask: the spinal cord injury asked about, not the overall complication rate)
    kind = _asked_kind(part)
    gives = kind is not None and bool(kind.search(lead[1].text))
    named = set(part.concepts) & lead[1].concepts
    return next((t for t in above if t[1].chunk.topic != _DISPUTES and t[0] >= lead[0] + w.disputed and named <= t[1].concepts
                 and not (gives and kind is not None and not kind.search(t[1].text))), lead)


def _other_end_of_hold(s: Sentence, part: Part, narrow: re.Pattern[str] | None, w: Weights) -> float:
    """Asked when to stop a drug, a sentence giving only when it restarts is no answer (a rival); asked when it goes back
    on, one giving only when it stops is half one."""
    if "hold" in part.aspects and _STOP_ASKED.search(part.text) and not _RESTARTS.search(part.text) and not _AGAIN_ASKED.search(part.text) \
            and _DRUG_RESTART.search(s.text) and not _BEFORE_TOLD.search(s.text):
        return w.rival
    if narrow is _DRUG_RESTART and not _STOP_ASKED.search(part.text) and _BEFORE_TOLD.search(s.text) and not _DRUG_RESTART.search(s.text):
        return w.rival / 2
    return 0.0


def _relief_for_a_sign(s: Sentence, part: Part, narrow: re.Pattern[str] | None, sig: Signals, w: Weights) -> float:
    """Asked how long a sign lasts ("多久能好？" after numbness and unsteadiness told after a TON), a sentence on how long the
    procedure's relief lasts (a median relief of 297 days) that names none of the signs is no answer: a rival."""
    signs = [c for c in part.inherited if sig.kinds.get(c) in ("finding", "complication")]
    if narrow is not _LASTS or not signs or any(c in s.concepts for c in signs) or not _RELIEF_LASTS.search(s.text):
        return 0.0
    return w.rival


_RELIEF_LASTS = lazy(r"\brelief\b[^.;]{0,40}\b(?:median|mean|lasted|lasting|\d+ (?:days|weeks|months))|(?:疼痛)?缓解的中位|缓解(?:时间|持续)", re.I)


# a risk score told ("CHADS2 3", CHADS2 5分) and the band a sentence gives for it ("CHADS2 <4")
_SCORE_TOLD = lazy(r"(?<![A-Za-z])CHA2?DS2(?:-?VASc)?\s*(?:score\s*)?(?:of|is|was|=|:|：)?\s*(\d)(?!\s*[<>≤≥\d])", re.I)
_SCORE_BAND = lazy(r"(?<![A-Za-z])CHA2?DS2(?:-?VASc)?\s*(<=|>=|<|>|≤|≥)\s*(\d)", re.I)


def _score_out_of_band(text: str, question: str) -> bool:
    """Does the sentence give a band of the risk score that the patient's told score lies outside?"""
    told = _SCORE_TOLD.search(question)
    if told is None:
        return False
    v = int(told.group(1))
    holds = {"<": v.__lt__, "<=": v.__le__, "≤": v.__le__, ">": v.__gt__, ">=": v.__ge__, "≥": v.__ge__}
    return any(not holds[m.group(1)](int(m.group(2))) for m in _SCORE_BAND.finditer(text))


_POSITIONS = {"en": lazy(r"\b(?:favou?red|favou?rs|argued|argues|advocated|advocates)\b[^.;]*\bwhereas\b", re.I),
              "zh": lazy(r"主张[^。；]*而[^。；]*主张")}


_ANTIBIOTIC_ALLERGY = "antibiotic-allergy"
_ALLERGIES = frozenset({"allergic-reaction", _ANTIBIOTIC_ALLERGY, "contrast-allergy"})
_FORBIDS = {"en": lazy(r"\b(?:should not|must not|must never|should never|is not to)\b", re.I), "zh": lazy(r"不应|不得|禁止|不能使用|不可使用")}


_PARTICULATE = "particulate-steroid"


def _names_drug(part: Part, sig: Signals) -> bool:
    """Does the part name or inherit a drug or drug class?"""
    return any(sig.kinds.get(c) in _DRUG_KINDS for c in (*part.concepts, *part.inherited))
_ALTERNATIVE_TOLD = lazy(r"\balternative\b|替代|\binstead\b|改用", re.I)


def _neck_rule_first(lead: tuple[float, Sentence], above: Sequence[tuple[float, Sentence]], part: Part,
                     sig: Signals) -> tuple[float, Sentence]:
    """A steroid asked for the neck ("这次要打的是颈段 C6。" after dexamethasone failed): the rule against particulate steroid
    at cervical levels leads, before a study's switch to particulate that was no neck's."""
    if "cervical-spine" not in part.concepts or not _names_drug(part, sig) or _PARTICULATE not in lead[1].concepts \
            or _FORBIDS[lead[1].chunk.lang].search(lead[1].text):
        return lead
    rule = next((t for t in above if "cervical-spine" in t[1].concepts and _PARTICULATE in t[1].concepts
                 and _FORBIDS[t[1].chunk.lang].search(t[1].text)), None)
    return rule or lead


def _another_patients(s: Sentence, q: Question, sig: Signals) -> bool:
    """A patient told with a condition (ankylosing spondylitis): a sentence about other patients' conditions only (the
    diabetic's glucose after the injection) is about someone else ("强直性脊柱炎患者…术后要观察什么？")."""
    told = {c for c in q.all_concepts if sig.kinds.get(c) == "condition"}
    if not told:
        return False
    near = told.union(*(sig.closure.get(c, frozenset()) | sig.parents.get(c, frozenset()) for c in told))
    theirs = {c for c in s.concepts if sig.kinds.get(c) == "condition"}
    # (one other condition: a list of them, a procedure's contraindications or the factors to assess, is everyone's; and the
    # told drug's rule naming a condition, "no heparin bridging on a DOAC, …most patients with VTE", is the drug's)
    drugs = {c for c in q.all_concepts if sig.kinds.get(c) in _DRUG_KINDS}
    drugs |= set().union(*(sig.closure.get(c, frozenset()) | sig.parents.get(c, frozenset()) for c in drugs))
    # (nor a study's rate asked for, "intrathecal pump in a neutropenic patient: infection risk?": the cancer cohort's
    # infection figures are the figures there are)
    rate = "frequency" in q.aspects and bool(COUNT.search(s.text))
    return len(theirs) == 1 and not theirs & near and CONTRAINDICATION not in s.concepts and not drugs & s.concepts and not rate


# The sources saying they do not give something ("they do not set out antibiotic regimens … for discitis", 资料未给出椎间盘炎的
# 抗生素方案)
_SOURCES_SILENT = {"en": lazy(r"\b(?:they|the sources?(?: used here| read)?) (?:do not|don't|does not) (?:set out|give|state|say|describe|"
                                    r"report|provide|cover)\b|\bthe sources?(?: used here)? stop at\b", re.I),
                   "zh": lazy(r"资料(?:中)?(?:并)?(?:未|没有)(?:给出|说明|描述|提供|述及|涉及)")}


def _silent_on_the_ask(s: Sentence, part: Part, sig: Signals) -> bool:
    """Asked how to treat a complication ("MRI确认是椎间盘炎，抗生素用什么"): a sentence saying the sources give no such
    treatment for it, naming the complication and what was asked of it, is the honest answer."""
    named = set(part.concepts) & s.concepts
    return part.aspects[:1] in ((), ("action",), ("dose",), ("timing",)) and bool(_SOURCES_SILENT[s.chunk.lang].search(s.text)) \
        and len(named) >= 2 and any(sig.kinds.get(c) == "complication" for c in named)


def _signs_asked(s: Sentence, part: Part, q: Question, w: Weights) -> float:
    """Asked only how it shows ("first signs of LA toxicity?"): what is given "at the first sign" tells no sign; asked its
    first signs (中毒最早有什么表现): the early signs lead, before its commonest form."""
    out = -w.unshown if part.aspects == ("recognition",) and s.action and _ACTS_ON_SIGN[s.chunk.lang].search(s.text) \
        and not MONITOR_ASK.search(part.text) else 0.0  # (how to watch it: what is done to watch it answers)
    if "recognition" in part.aspects and _EARLY_ASK[q.lang].search(part.text) and _EARLY_SIGNS[s.chunk.lang].search(s.text):
        out += w.early
    elif part.aspects[:1] == ("recognition",):
        # ("what LAST signs should nurses watch for?": the list of its signs, before what LAST is)
        # (and a new sign that calls for action, before a series' rates: "signs of cement leaking into the canal?")
        # (asked what to monitor: the checks and the new signs that call for a step, before a series' rates)
        watch = bool(MONITOR_ASK.search(part.text))
        # (what to watch for after a complication told, "might have punctured the dura, pt fine now - what do I watch
        # for?": what it leads to, its headache's signs)
        # (and who is at risk of it, or how often it happens, is no watch: it has happened)
        ahead = watch and any(c in LEADS_TO for c in part.concepts)
        named = any(set(LEADS_TO.get(c, ())) & s.concepts for c in part.concepts)
        out += (w.early if named and s.group == "management" else 0.0 if named else -w.early) if ahead else 0.0
        out += w.early / 2 if _SIGNS_LISTED[s.chunk.lang].search(s.text) or (watch and _WATCHED.search(s.text)) \
            else -w.early / 2 if _DEFINES[s.chunk.lang].search(s.text) \
            or ((part.aspects == ("recognition",) or watch) and COUNT.search(s.text) and not _HOW_MANY.search(part.text)) else 0.0
    return out


_HOW_MANY = lazy(r"\bhow (?:many|much|often|common)\b|\bwhat (?:proportion|percentage|fraction|share)\b|多少|几成|比例|占比", re.I)
_DEFINES = {"en": lazy(r"^[^.;]{0,80}\b(?:is|are) (?:the|a|an) [^.;]{0,50}\b(?:that|which)\b", re.I),
            "zh": lazy(r"^[^。；]{0,40}(?:是指|指的是)")}
_SIGNS_LISTED = {"en": lazy(r"\b(?:signs?|symptoms?|features?)\b[^.;]{0,80}\binclude\b|\b(?:typically |usually )?presents? (?:with|as)\b|"
                                   + _NEW_SIGN["en"], re.I),
                 "zh": lazy(r"(?:征象|症状|表现|体征)(?:包括|有)|(?:通常|多|常|一般)表现为|" + _NEW_SIGN["zh"])}


# An allergy to one agent and what answers it: the other agent's reaction is no answer ("头孢过敏的话怎么办" beside an SCS
# implant's prophylaxis is not a contrast reaction's adrenaline or steroid premedication).
_ALLERGY_AGENTS = {"antibiotic-allergy": frozenset({"contrast-medium", "contrast-allergy", "shellfish-allergy"}),
                   "contrast-allergy": frozenset({"antibiotic-allergy"})}


def _allergy_nobody_told(s: Sentence, q: Question) -> bool:
    """What an antibiotic-allergic patient gets instead is about someone else when no allergy is told ("do we actually need
    antibiotics for discography?")."""
    return _ANTIBIOTIC_ALLERGY in s.concepts and not _ALLERGIES.intersection(q.all_concepts)


def _another_allergy(s: Sentence, own: Sequence[str]) -> bool:
    """Does the sentence speak of another agent's allergy than the one asked?"""
    return any(a not in s.concepts and others & s.concepts for a, others in _ALLERGY_AGENTS.items() if a in own)


def _held_though_continued(s: Sentence, part: Part) -> bool:
    """Told the drug cannot be stopped ("cardiology says can't stop it. options?"): how many days it is held is no option.
    Asked whether it may go on ("can he stay on it for the trial?"), the rule for stopping it is an answer."""
    return _CONTINUED in part.concepts and not _CONTINUED_SAID.search(s.text) and not _CONTINUE_ASKED.search(part.text) \
        and (bool(_HELD_FOR.search(s.text) and _TIME_SPAN.search(s.text)) or bool(_INTERVAL.search(s.text)))


_CONTINUE_ASKED = lazy(r"\b(?:can|could|should|may|ok to|okay to|safe to)\b(?: \w+){0,3} (?:stay|keep|continue|carry on|remain)\b[^?.]*\?|"
                      r"(?:能不能|可不可以|可以|能)(?:继续|不停)[^？?。]*[？?]")


def _next_step(s: Sentence, part: Part, q: Question, kinds: Mapping[str, str]) -> bool:
    """Asked what comes after a failed treatment: does the sentence give a definitive or next-line step, or doing the
    failed procedure again ("about 1 in 5 need a second blood patch"; a failed drug repeated is no next step)?"""
    if "escalation" not in part.aspects:
        return False
    return bool(_KIND["escalation"].search(s.text)) or _repeats_tried(s, q, kinds)


def _repeats_tried(s: Sentence, q: Question, kinds: Mapping[str, str]) -> bool:
    """Does the sentence speak of doing a failed procedure again (a second blood patch)?"""
    return bool(_AGAIN.search(s.text)) and any(kinds.get(c) == "procedure" for c in set(q.tried) & s.concepts)


def _without_studies(s: Sentence) -> Sentence:
    """The sentence as a rival check sees it without the imaging studies it names."""
    studies = s.concepts & STUDIES
    return replace(s, concepts=s.concepts - studies) if studies else s


def _subject(part: Part, own: list[str], q: Question, sig: Signals) -> list[str]:
    """What a part is about, for telling a rival sentence: its own concepts, with the region, procedure and (asked for a
    hold) drug the question or the part before gave it."""
    # a follow-up naming nothing ("when can she restart it?") is about the drug or procedure it inherited (ticagrelor):
    # another drug's interval is a rival there too (another complication may well belong to the inherited one's picture)
    subject = own or [c for c in part.inherited if sig.kinds.get(c) != "complication"]
    if "hold" in part.aspects and not any(sig.kinds.get(c) in _DRUG_KINDS for c in subject):  # "and if her CrCl is ~25?": the apixaban before
        subject = [*subject, *(c for c in part.inherited if sig.kinds.get(c) in _DRUG_KINDS and c not in subject)]
    # "for lumbar TFESI …, and how reliable is a negative aspiration?": still a lumbar TFESI (not an SGB, not cervical)
    if not REGIONS.intersection(subject):
        subject = [*subject, *(c for c in q.concepts if c in REGIONS)]
    # ("would an interlaminar approach be preferable in her then?" after her L4/5 TFESI: still lumbar, never cervical)
    # (not for a procedure of one region of its own: "如果是骶神经外侧支冷却射频呢？" after the lumbar facet RF is sacral)
    if not REGIONS.intersection(subject) and q.followup and not any(c in sig.regional for c in subject):
        subject = [*subject, *(c for c in part.inherited if c in REGIONS)]
    # (a measure around any procedure, antibiotic prophylaxis, is no procedure of the patient's; an implant's is: IDD's pump)
    if not any(sig.kinds.get(c) == "procedure" and c not in sig.adjuncts for c in subject):
        # (or the one the conversation is about: "should it go in the consent?" after a kyphoplasty's emergency)
        # (an implant named is its procedure's: "what about an IT pump implant?" is intrathecal drug delivery, not the SCS before)
        named = [p for c in subject if sig.kinds.get(c) == "equipment" for p in sorted(sig.parents.get(c, ())) if sig.kinds.get(p) == "procedure"] \
            or [c for c in q.concepts if sig.kinds.get(c) == "procedure" and c not in subject] \
            or [c for c in part.inherited if sig.kinds.get(c) == "procedure" and c not in subject]
        subject = [*subject, *(named or sorted(p for c in q.concepts for p in sig.parents.get(c, frozenset())
                                               if sig.kinds.get(p) == "procedure"))]
    if "workup" in part.aspects:  # a work-up names its contrast agents (gadolinium): not a rival to the patient's drug
        subject = [c for c in subject if sig.kinds.get(c) not in _DRUG_KINDS]
    return _without_stressing_operation(subject, q, sig)


def _without_stressing_operation(own: Sequence[str], q: Question, sig: Signals) -> list[str]:
    """The operation a steroid's own effect is asked for, after a steroid injection, is no procedure of the answer's
    ("两周后要做膝关节置换，要不要围术期补激素？" after a TFESI: the cover rule speaks of the ESI, not of the knee; with no
    injection given, "on chronic prednisone, going for a kyphoplasty: stress dose?", the kyphoplasty stays the subject)."""
    if not _STEROID_EFFECTS.intersection(own):
        return list(own)
    if not any(_STEROID_INJECTION in sig.closure.get(c, frozenset()) for c in q.all_concepts):
        # (nor, with no injection told, another specialty's operation: "…下周还要做髋关节置换，要不要补激素")
        return [c for c in own if c not in q.out_of_scope]
    return [c for c in own if sig.kinds.get(c) != "procedure" or _STEROID_INJECTION in sig.closure.get(c, frozenset())]


_STEROID_INJECTION = "steroid-injection"


def _drug_choice(s: Sentence, part: Part, subject: Sequence[str], sig: Signals) -> bool:
    """Asked whether a drug may be used (or which to use), a sentence on the drug's class that names the alternative
    ("particulate steroid should not be used for cervical TFESI; dexamethasone first") is the answer, not a rival."""
    if not {"contraindications", "prevention"} & set(part.aspects) or rival(s, subject, sig, ("region",)):
        return False  # (nor one for another spinal region: "…may be considered for selected lumbar cases", asked about T11)
    asked = [c for c in subject if sig.kinds.get(c) in _DRUG_KINDS]
    others = [d for d in s.concepts if d in sig.drug_classes and d not in asked and not any(d in sig.parents.get(c, frozenset()) for c in asked)]
    # (a class named because the sentence is about another member of it, a generic triamcinolone label, is no choice)
    return any(p in s.concepts and not any(p in sig.drug_classes[d] for d in others)
               for c in asked for p in sig.drug_classes.get(c, frozenset()))


def staff_side(s: Sentence, q: Question) -> bool:
    """A pregnant patient's question: is this sentence about a pregnant colleague (her badge, apron, dose limit)? The
    sources give no patient's fetal dose, and a staff figure must not stand in for one."""
    # (her pregnancy told the turn before: "那不用C臂 改超声引导打骶管可以吗" after the pregnant patient's ESI)
    pregnant = "pregnancy" in q.concepts or (q.followup and "pregnancy" in q.context_concepts and "pregnant-staff" not in q.context_concepts)
    return (pregnant and "pregnant-staff" not in q.concepts and not any(STAFF_TOPICS & set(p.concepts) for p in q.parts)
            and _about_staff(s))


def _about_staff(s: Sentence) -> bool:
    return staff_passage(s.concepts) or bool(_STAFF_TEXT.search(s.text))


def staff_passage(concepts: Collection[str]) -> bool:
    """Is a passage about pregnant staff (their fetal dose limit, badge, apron)?"""
    return not _STAFF_SIDE.isdisjoint(concepts)


def _drugless(s: Sentence, part: Part, subject: Sequence[str], sig: Signals) -> bool:
    """How long to hold a drug is answered by sentences about drugs (or about the procedure's bleeding risk): the
    procedure's infection bundle is not part of the answer ("那泰毕全呢？" after an SCS implant question)."""
    if "hold" not in part.aspects or not any(sig.kinds.get(c) in _DRUG_KINDS for c in subject):
        return False
    # (a drug held for bleeding asked, a steroid debate names no drug of that kind: "what if it was a lumbar TFESI
    # instead?" after therapeutic Clexane is not the particulate-steroid debate for TFESI)
    held = any(HELD & (sig.parents.get(c, frozenset()) | {c}) for c in subject if sig.kinds.get(c) in _DRUG_KINDS)

    def drug(c: str) -> bool:
        return sig.kinds.get(c) in (*_DRUG_KINDS, "brand") and (not held or bool(HELD & (sig.parents.get(c, frozenset()) | {c}))
                                                                 or sig.kinds.get(c) == "brand")
    return not any(drug(c) or c in sig.risk_classes or c == CLASS_CONCEPT for c in s.concepts)


def _drug_only(s: Sentence, part: Part, q: Question, subject: Sequence[str], sig: Signals) -> bool:
    """Whether a patient may have a procedure, no drug asked ("BP 190/105 … SIJ injection, do I cancel?"): a sentence about
    drugs that names none of the asked procedures is about managing those drugs (hypertension among the candidates for
    bridging a warfarin hold)."""
    if part.aspects[:1] != ("contraindications",) or any(sig.kinds.get(c) in _DRUG_KINDS for c in (*subject, *part.inherited)) \
            or any(drug_managed(c) for c in subject):
        return False  # (a recent stent's or AF's answer is its drugs' management: "never stop antiplatelets without cardiology")
    procedures = [c for c in subject if sig.kinds.get(c) == "procedure"]
    near = {x for c in procedures for x in (c, *sig.parents.get(c, frozenset()))}
    # (a sentence on what a drug's management turns on: held, bridged, restarted; not low platelets and anticoagulation
    # as risk factors for a haematoma)
    # (one naming the finding told, "a normalised INR is documented before the needle" for "INR 1.6, can I go ahead?", is its)
    told = any(sig.kinds.get(c) == "finding" and c in s.concepts for c in subject)
    return bool(procedures) and not near & s.concepts and not told and manages_drug(s, sig.kinds)


def manages_drug(s: Sentence, kinds: Mapping[str, str]) -> bool:
    """Is the sentence about what a drug's management turns on (held, bridged, restarted)?"""
    return (any(kinds.get(c) in _DRUG_KINDS for c in s.concepts) or _BRIDGING in s.concepts) and bool(_MANAGED.search(s.text))


def drug_managed(condition: str) -> bool:
    """Is a condition one whose answer is its drugs' care whatever drug is taken (a coronary stent: "never stop antiplatelets
    without cardiology")? AF, a valve or a VTE with no drug named get the procedure's own answer."""
    return condition in _STENTED


_BRIDGING = "bridging-anticoagulation"
_DOAC = "doac"
_WHETHER_BRIDGED = lazy(r"\bbridg\w*\s*[?？]|\bneeds? (?:\w+ )?(?:to be )?bridg|\b(?:should|do|does|would) (?:we|i|she|he|they|you) (?:\w+ )?bridg|"
                              r"\bbridge or not\b|要不要[^，。？?]{0,6}桥接|需要[^，。？?]{0,6}桥接吗|桥接吗|是否[^，。？?]{0,4}桥接|需不需要[^，。？?]{0,6}桥接", re.I)
_NOT_BRIDGED = lazy(r"not appropriate|\bno bridging|not bridged|不宜|无需桥接|不需要桥接|不桥接", re.I)
_STENTED = frozenset({"coronary-stent"})


_MANAGED = lazy(r"\bbridg\w*|\bstop(?:s|ped|ping)?\b|\bheld\b|\bhold\w*|\brestart\w*|\bresum\w*|桥接|停用|停药|恢复用药", re.I)


# A follow-up that only swaps in something else: "那鞘内泵呢？", "如果是SCS呢？", "what about in the neck?", "and for an IDD?"
# (not one asking something of its own: "那SCS测试需要多少天呢？", "and how is an SCS trial done?")
_SWAPS_IN = lazy(r"^(?:那|那么|如果是|要是|换成|改成)?(?:(?!怎么|多少|几|什么|如何|哪|吗|为啥|为什么|要不要|能不能)[^，,。？?]){1,16}呢[？?]?\s*$|"
                       r"^(?:and|what about|how about|same for)\s+(?:for |in |at |with |if (?:it'?s |it is )?)?(?:a |an |the )?"
                       r"[\w-]+(?: [\w-]+){0,2}\s*\??\s*$", re.I)


def _swapped_in(part: Part, own: Sequence[str], sig: Signals) -> frozenset[str]:
    """The procedures a short follow-up swaps in for the one before (`_SWAPS_IN`): procedures it names, or the procedure
    an implant it names belongs to (the pump's intrathecal drug delivery), none of them the procedure before or a part
    of it (a paddle lead or the IPG is still SCS; ultrasound or CT guidance is a technique, no procedure)."""
    if not part.inherited or not own or not _SWAPS_IN.search(part.text):
        return frozenset()
    procs: set[str] = set()
    for c in own:
        kind = sig.kinds.get(c)
        parents = {p for p in sig.parents.get(c, ()) if sig.kinds.get(p) == "procedure"}
        if kind == "procedure":
            procs.add(c)
        elif kind == "equipment" and parents:
            procs |= parents
        else:
            return frozenset()
    before = {c for c in part.inherited if sig.kinds.get(c) in ("procedure", "equipment")}
    near = {p for c in own for p in (*sig.parents.get(c, ()), *sig.related.get(c, ()))}
    return frozenset() if procs & before or near & before else frozenset(procs)


class _Swap(NamedTuple):
    """What a follow-up swapping in another procedure changes (`_swap`): the procedures swapped in, the complications the
    conversation asked about (now the subject), and the procedures or devices it leaves."""

    procs: frozenset[str] = frozenset()
    asked: frozenset[str] = frozenset()
    left: frozenset[str] = frozenset()


def _swap(part: Part, own: Sequence[str], sig: Signals) -> _Swap:
    """A follow-up swapping in another procedure ("如果是SCS呢？" after the haematoma rate, "那鞘内泵呢？" after the SCS
    infection rate) asks the complications asked before for the new procedure: they are its subject, not context
    ("操作时接延长管有什么用？" after a cord infarction asks the tubing's use, not its infarctions)."""
    procs = _swapped_in(part, own, sig)
    asked = frozenset(c for c in part.inherited if sig.kinds.get(c) == "complication" and c not in own) if procs else frozenset()
    if not asked:
        return _Swap()
    return _Swap(procs, asked, frozenset(c for c in part.inherited if sig.kinds.get(c) in ("procedure", "equipment") and c not in own))


def _rivalled(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """A sentence that may lead only when nothing else may: about another procedure, or, under a follow-up swapping in
    a procedure, not about the one swapped in ("那鞘内泵呢？" after SCS: not SCS's own rate, not a mixed cohort's)."""
    own = _own(part, q)
    swapped = _swap(part, own, sig).procs
    if _recovery_of_harm(s, own, sig):  # (the asked harm's recovery, whatever procedure it followed)
        return False
    # (nor one about another spinal region only: the third occipital RF's 19% for a lumbar RFA's consent)
    regions = {c for c in (*own, *part.inherited, *q.context_concepts) if c in REGIONS}
    elsewhere = bool(regions) and bool(REGIONS & s.concepts) and not regions & s.concepts
    return other_procedure(s, part, q, sig) or (bool(swapped) and not (swapped | set(own)) & s.concepts) or elsewhere


def _another_pictures_watch(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """How long to watch the patient after a picture ("she's fine now. how long do we keep her?" after an intrathecal
    opioid overdose): a sentence about another complication's watch (LAST's 4–6 h) is not this one's."""
    if OBSERVATION not in part.concepts:
        return False
    told = {c for c in (*part.inherited, *q.context_concepts) if sig.kinds.get(c) == "complication"}
    named = {c for c in s.concepts if sig.kinds.get(c) == "complication"}
    if not told:  # (no complication told: one linked to nothing the thread told, LAST's watch after an SIJ's numb leg)
        seen = {*part.concepts, *part.inherited, *q.context_concepts}
        return OBSERVATION in s.concepts and bool(named) and all(
            c not in seen and not (sig.related.get(c, frozenset()) | sig.closure.get(c, frozenset())) & seen
            and not any(c in sig.related.get(t, frozenset()) for t in seen) for c in named)
    near = told.union(*(sig.related.get(c, frozenset()) | sig.closure.get(c, frozenset()) for c in told))
    # (nor a drug's own watch nobody gave: the 24 h after neuraxial morphine, after a vasovagal faint)
    drugs = {c for c in s.concepts if sig.kinds.get(c) == "drug"} - set(q.all_concepts)
    return bool(told) and ((bool(named) and not named & near) or (bool(drugs) and not named & near))


def _patients_own_rule(s: Sentence, part: Part, q: Question, sig: Signals, w: Weights) -> float:
    """The rule for this patient's case among a drug's rules: a stent or stroke patient's aspirin is secondary prevention
    (the primary-prevention rule is not theirs; asked of the aspirin alone, "what about the aspirin, can he stay on it?",
    the secondary-prevention rule is); an allergy told, what the allergic patient gets instead ("病人青霉素和头孢都过敏呢？"
    after cefazolin for discography); a steroid asked for the neck, the rule against particulate steroid there."""
    if _secondary(q) and _PRIMARY_PREVENTION.search(s.text):
        return w.protocol
    if _ALLERGIES.intersection(part.concepts) and _ALLERGIES & s.concepts and _ALTERNATIVE_TOLD.search(s.text):
        return w.first_steps
    if "cervical-spine" in part.concepts and _names_drug(part, sig) and {"escalation", "prevention", "contraindications"} & set(part.aspects):
        # ("这次要打的是颈段 C6。" after dexamethasone failed: the rule against particulate steroid at the neck leads, and a
        # study's switch to particulate, no neck's, follows it)
        if "cervical-spine" in s.concepts and _FORBIDS[s.chunk.lang].search(s.text):
            return w.escalation
        if _PARTICULATE in s.concepts and "cervical-spine" not in s.concepts and not _FORBIDS[s.chunk.lang].search(s.text):
            return w.protocol
    if _secondary(q) and [c for c in part.concepts if sig.kinds.get(c) in _DRUG_KINDS] == ["aspirin"] \
            and _SECONDARY_RULE.search(s.text):
        return w.first_steps
    return 0.0


def _kind_of_sentence(s: Sentence, part: Part, q: Question, lang: Lang, w: Weights, sig: Signals, on_topic: float) -> float:
    """What kind of sentence it is, for this ask: a trial's protocol, the next step after a failed treatment, a passage
    in the other language, a provenance note, a brand's identity card, a remark about the knowledge base."""
    total = 0.0
    total += _patients_own_rule(s, part, q, sig, w)
    # a narrower topic than the asked one that the question did not name ("the occupational dose limit" is the
    # whole-body one, not the eye lens's)
    if any((sig.narrower.get(t, frozenset()) & s.concepts) - set(q.all_concepts) for t in part.concepts):
        total += w.protocol / 2
    total += w.protocol * _other_settings_rule(s, q)
    if "evidence" not in part.aspects and _TRIAL_PROTOCOL[s.chunk.lang].search(s.text):
        total += w.protocol  # how long to hold it, whether to bridge: the guideline's advice, not what one trial did
    if on_topic > 0 and _next_step(s, part, q, sig.kinds):
        total += w.escalation  # what comes after the failed treatment outweighs restating that treatment
    elif on_topic > 0 and part.aspects[:1] in (("action",), ("advice",)) and not q.tried and _FIRST_LINE[s.chunk.lang].search(s.text) \
            and any(sig.kinds.get(c) == "complication" for c in (*part.concepts, *part.inherited)) \
            and not TREATMENTS_TOLD & set(q.all_concepts):  # ("EBP done 2 days ago, still headache": not caffeine again)
        # "PDPH day 2, how to treat?": conservative care first, the blood patch if it fails (asked what comes first, more so)
        total += w.first_line * (1.5 if _FIRST_ASK.search(part.text) else 1.0)
    if s.chunk.lang != lang:
        total += w.other_lang
    if s.provenance:
        total += w.provenance
    if part.aspects and "definition" not in part.aspects and _IDENTITY[s.chunk.lang].search(s.text):
        total += w.identity
    elif "definition" in part.aspects and set(part.concepts) & s.concepts \
            and (_IDENTITY[s.chunk.lang].search(s.text) or _BRAND_CARD[s.chunk.lang].search(s.text)):
        total -= w.identity  # (what a drug read off a box is: its identity card answers, "a box labelled 拜瑞妥, what is it")
    elif _BRAND_CARD[s.chunk.lang].search(s.text) and any(sig.kinds.get(c) == "brand" for c in s.concepts) \
            and not any(sig.kinds.get(c) == "brand" for c in (*q.all_concepts, *(m.concept for m in q.matches))):
        total += w.identity  # "拜阿司匹灵是拜耳的小剂量阿司匹林": a brand nobody asked about (a brand typed resolves to its drug)
    if _META[s.chunk.lang].search(s.text) and not _ABOUT_KB.search(q.text):
        total += w.meta
    total += w.choice * _choice_rule(s, part, q, sig) + w.protocol * _class_unasked(s, q, sig) - w.complaint * _others_listed(s, part, q, sig)
    return total + _harms_listed(s, part, lang, w, sig) + _urgent_variant(s, part, q, w)


_RECOMMENDS = {"en": lazy(r"\bshould (?:not )?be (?:used|the first choice|preferred|avoided|reserved|considered)\b|\bfirst choice\b|"
                                r"\bpreferred\b|\breserves?\b|\blimits? [\w -]{0,30}\bto\b|\bmay be considered\b|\bmust not be used\b|\bfavou?r\b|"
                                r"\bremains? (?:a )?reasonable\b", re.I),
               "zh": lazy(r"首选|不应使用|不得使用|应避免|避免使用|仅限|限于|保留用于|可考虑|应选用|宜选用|可合理选用|倾向于(?:选择|使用)")}


def _drug_and_procedure(part: Part, q: Question, sig: Signals) -> tuple[list[str], list[str]]:
    """The drugs a part asks whether (or which) to use, and the procedures it asks them for (or the procedure of the turn
    before: "TFESI用什么激素比较安全？" then "那曲安奈德呢？"); none unless the part asks whether or which."""
    if not {"contraindications", "prevention", "comparison"} & set(part.aspects):
        return [], []
    own = _own(part, q)
    drugs = [c for c in part.concepts if sig.kinds.get(c) in ("drug", "brand")]  # (named in the part itself, not inherited)
    procs = [c for c in own if sig.kinds.get(c) == "procedure"] or [c for c in part.inherited if sig.kinds.get(c) == "procedure"]
    return drugs, procs


def _choice_of(part: Part, q: Question, sig: Signals) -> frozenset[str]:
    """Asked whether (or which) drug to use for a procedure: the drug's classes and the procedure's broader ones, which the
    rule answering it names ("particulate steroid … for cervical TFESI", asked about Kenalog for a C6 nerve root block)."""
    drugs, procs = _drug_and_procedure(part, q, sig)
    if not drugs or not procs:
        return frozenset()
    return frozenset(k for d in drugs for k in sig.drug_classes.get(d, frozenset())) \
        | frozenset(b for c in procs for b in sig.parents.get(c, frozenset()) if sig.kinds.get(b) == "procedure")


# what a question on bleeding is about: a drug held for it, a bleed, a clotting disorder (any of them, or a narrower one)
_BLEEDING_TOPICS = frozenset({"antithrombotic", "anticoagulant", "antiplatelet", "bleeding-risk", "bleeding", "haematoma",
                              "epidural-haematoma", "coagulopathy", "thrombocytopenia"})


def _others_listed(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """Asked whether the reaction a patient has is expected ("face bright red, couldn't sleep - normal?"): a sentence listing
    the rates of two or more other complications beside it (dural puncture, vasovagal, pain) is a study's table, not what
    the reaction is."""
    if "expected" not in part.aspects:
        return False
    own = set(_own(part, q))
    return sum(1 for c in s.concepts if sig.kinds.get(c) == "complication" and c not in own) >= 2


def _class_unasked(s: Sentence, q: Question, sig: Signals) -> bool:
    """A procedure's bleeding-risk class ("intermediate bleeding-risk procedures include … IPG replacement") in an answer
    to a question that has nothing to do with bleeding (who gets pain at the IPG site)."""
    return bool(sig.risk_classes & s.concepts) and not any(
        c in _BLEEDING_TOPICS or c in sig.risk_classes or c in _DECIDING_LABS or sig.parents.get(c, frozenset()) & _BLEEDING_TOPICS
        for c in q.all_concepts) and "hold" not in q.aspects and not ("contraindications" in q.aspects and _class_decides(q, sig)) \
        and not _CLASS_ASKED.search(q.text)


def _class_decides(q: Question, sig: Signals) -> bool:
    """Does whether the procedure may go ahead turn on its bleeding-risk class: a drug named, or nothing about the patient
    ("who shouldn't have it?")? Not for a patient factor unrelated to bleeding ("ICD rather than a pacemaker - does bipolar
    RF change anything?")."""
    return any(sig.kinds.get(c) in _DRUG_KINDS for c in q.all_concepts) \
        or not any(sig.kinds.get(c) in ("condition", "equipment", "finding") for c in q.all_concepts)


# a risk class asked in words ("which risk category is a kyphoplasty?", 属于哪类风险操作, "is it intermediate risk?")
_CLASS_ASKED = lazy(r"\brisk (?:category|class|tier|level|grade|group)|\b(?:high|intermediate|moderate|low)[- ]risk\b|"
                          r"风险(?:操作|类别|分级|等级|级别)|(?:高|中|中等|低)风险|哪[类级一]", re.I)


def _choice_rule(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """Asked whether (or which) drug to use for a procedure ("C6 SNRB - can I use Kenalog?", "kenalog vs dex for a lumbar
    TF?"): a recommendation naming the drug or its class and the procedure (or the procedure it is a form of)."""
    if not _RECOMMENDS[s.chunk.lang].search(s.text):
        return False
    drugs, procs = _drug_and_procedure(part, q, sig)
    # (a rule for some routes, "particulate steroid only for caudal and interlaminar", is no answer on epidural use at large:
    # the sentence names narrower procedures than the one asked, and not the one asked itself)
    named = {c for c in s.concepts if sig.kinds.get(c) == "procedure"}
    implied = {b for c in named for b in sig.closure.get(c, frozenset())}
    specific = {c for c in procs if not any(c in sig.closure.get(o, frozenset()) for o in procs)}
    routes = {c for c in named if specific & sig.closure.get(c, frozenset())}
    if routes and not (specific & named) - implied:
        return False
    # (a rule for another spinal region, "particulate steroid may be considered for selected lumbar cases", asked about T11)
    if rival(s, [*_own(part, q), *part.inherited], sig, ("region",)) or _other_region(s, [*_own(part, q), *part.inherited], sig):
        return False
    return bool(drugs) and any(c in s.concepts or sig.parents.get(c, frozenset()) & s.concepts for c in procs) \
        and any(d in s.concepts or sig.closure.get(d, frozenset()) & s.concepts for d in drugs)


_OTHER_HARMS = lazy(r"\b(?:other|further|additional) (?:problems|complications|events|hazards)\b|\balso reported\b|其他问题|其他并发症|此外还", re.I)


def _urgent_variant(s: Sentence, part: Part, q: Question, w: Weights) -> float:
    """The regimen for when it is needed urgently (IV steroids when contrast cannot wait) is not a planned procedure's
    first answer."""
    # (asked how to handle the contrast for a patient with a past reaction, the frame reads the ask as prevention)
    return w.protocol / 2 if _URGENT_VARIANT.search(s.text) and not _URGENT_ASK.search(q.text) and "action" not in part.aspects else 0.0


_URGENT_VARIANT = lazy(r"\bneeds? (?:\w+ ){0,2}urgently\b|\burgent (?:intravenous|iv) regimen|如需紧急|紧急使用|急需使用", re.I)
_URGENT_ASK = lazy(r"\burgent\w*|\bemergenc\w*|\bstat\b|(?<!it's )(?<!it is )\bnow\b(?!\s*(?:is\s*)?\d)|紧急|急诊|马上|立刻", re.I)  # (not a time told, "it's now 4pm")


def _consent_list(part: Part, lang: Lang) -> bool:
    """Does the part ask the harms to disclose at consent ("what risks should I mention?")?"""
    return part.aspects[:1] == ("complications",) and bool(RISKS_TO_TELL[lang].search(part.text))


def _harms_listed(s: Sentence, part: Part, lang: Lang, w: Weights, sig: Signals) -> float:
    """The harms to disclose at consent ("what complications should I mention?"): a sentence naming several of them (the
    hazards of the route) comes before one study's rates (a list, not a series' rates: its counts answer "how common"
    after it)."""
    if not _consent_list(part, lang):
        return 0.0
    if _NONE_SEEN[s.chunk.lang].search(s.text):  # ("no infection occurred in the series" is no risk to write on the form)
        return -2 * w.figure
    if COUNT.search(s.text) or _OTHER_HARMS.search(s.text):  # (not "other problems reported include…": the principal ones come first)
        return 0.0
    harms = sum(1 for c in s.concepts if sig.kinds.get(c) == "complication")
    return w.figure * min(harms, 8) / 1.5 if harms >= 3 else 0.0


# treatments a question tells (done, going on): its ask is past the first line of care
TREATMENTS_TOLD = frozenset({"epidural-blood-patch", "conservative-management", "caffeine"})
_FIRST_ASK = lazy(r"\b(?:first|initially|to start with)\b|(?<![首])先(?!前|兆)|首先", re.I)
_FIRST_LINE = {"en": lazy(r"\bconservative (?:treatment|care|management|measures)|\bfirst[- ]line\b|\binitial (?:treatment|management)", re.I),
               "zh": lazy(r"保守治疗|一线治疗|首选治疗|初始治疗|先行保守")}
# asks whose answer turns on the procedure's bleeding-risk class (stop the drug or not; can I go ahead on it)
DRUG_DECISION = frozenset({"hold", "contraindications"})
CLASS_CONCEPT = "bleeding-risk"  # a question naming it asks for the class itself


_GIVEN_ACCIDENT = lazy(r"\b(?:after|following|with) (?:an? )?(?:accidental|inadvertent|unintended|unintentional)\b|"
                             r"^(?:an? )?(?:accidental|inadvertent) [^.;]{0,80}\b(?:is )?followed by|意外.{0,8}后", re.I)
_ACCIDENT_TOLD = lazy(r"accidental|inadvertent|wet tap|punctured|意外|刺破了|穿破了|打穿|(?:已经|不小心|刚才|术中).{0,4}(?:穿破|刺破)", re.I)
_ACCIDENTS = frozenset({"dural-puncture"})  # (a complication that is itself the accident a rate may be given after)
# (what follows the accident asked: "打穿硬膜以后头痛的发生率多高" is the headache's rate)
_AFTER_ACCIDENT = lazy(r"headache|\bPDPH\b|头痛|头疼", re.I)
# (a procedure still to come: "lumbar facet RFA booked next Tuesday … when can she restart?")
_AHEAD = {"en": lazy(r"\b(?:booked|listed|scheduled|planned) (?:for|in|on) (?!today\b|this (?:morning|afternoon)\b)|"
                    r"\b(?:booked|listed)\b(?! (?:for |in )?(?:today|this))|\b(?:for|on) next (?:week|mon|tue|wed|thu|fri|sat|sun)\w*\b", re.I),
          "zh": lazy(r"(?:明天|后天|下周|下个?月)(?:要)?做|预约|安排在|拟行|准备做|要做")}
_FIGURE_ASKS = frozenset({"dose", "limit", "hold", "contraindications"})  # (and whether it may be done at all)


def other_procedure(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """Is the sentence about another procedure than the one the part asks about (its own, or the one it inherited from
    the part before: "PVP术前预防性抗生素用啥？头孢唑林几克？")?"""
    own = _without_stressing_operation(_own(part, q), q, sig)
    # (a measure that goes with any procedure, antibiotic prophylaxis, is asked for the procedure inherited: "SCS术后感染率？
    # 围术期抗生素怎么用": discography's cefazolin is another procedure's)
    # (not the operation a steroid's own effect is asked for: "两周后膝关节置换…要不要围术期补激素" after her ESI)
    if not any(sig.kinds.get(c) == "procedure" and c not in sig.adjuncts for c in own) and not _STEROID_EFFECTS.intersection(own):
        own = [*own, *(c for c in part.inherited if sig.kinds.get(c) == "procedure")]
    # (a rule stated for parturients, Miller's obstetric summary, is the labour epidural's: not a pain procedure's lead)
    # (its conservative treatment of a headache is the headache's, whoever had it: only a figure is the parturients')
    if _OBSTETRIC.search(s.text) and not (_OBSTETRIC.search(q.text) or "pregnancy" in q.concepts) \
            and _FIGURE_ASKS.union({"timing"}).intersection(part.aspects):
        return True
    if _augmentation_kin(s, own, part.text):
        return False
    return rival(s, own, sig, ("procedure",)) or _other_region(s, own, sig) or _other_home(s, own, sig)


def _procedures(cs: Collection[str], sig: Signals) -> set[str]:
    """The procedures among concepts (an adjunct, such as fluoroscopy, is none)."""
    return {c for c in cs if sig.kinds.get(c) == "procedure" and c not in sig.adjuncts}


_EVERY_PROCEDURE = "interventional-pain-procedure"
_CLASSES: list[tuple[Mapping[str, frozenset[str]], frozenset[str]]] = []  # the last engine's closure table and its classes


def _procedure_classes(sig: Signals) -> frozenset[str]:
    """The topics that are a class of our procedures (neuraxial procedures: the ESIs'), not of image guidance, which is
    any procedure's; worked out once per engine (its closure table), not per sentence."""
    if not _CLASSES or _CLASSES[0][0] is not sig.closure:
        _CLASSES[:] = [(sig.closure, frozenset(c for p, up in sig.closure.items() if sig.kinds.get(p) == "procedure"
                                               and p not in sig.adjuncts for c in up if sig.kinds.get(c) == "topic"))]
    return _CLASSES[0][1]


def _other_home(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """A sentence naming no procedure, in a document about other procedures than the asked one ("出血发生率为 0.9%…" of
    the intrathecal catheters, asked SCS's infection rate): another procedure's figure, though it names only a catheter."""
    mine = _procedures(own, sig)
    if not mine or _procedures(s.concepts, sig):
        return False
    whole = sig.homes.get(s.chunk.doc_id, frozenset())
    # (or a class of procedures it is about: the spinal haematoma document's neuraxial blocks, "80% of 166 case reports
    # had a severe deficit", is no vertebroplasty's figure for "会不会瘫痪"; not in a document about every pain procedure,
    # infection control's)
    home = _procedures(whole, sig) or (whole & _procedure_classes(sig) if _EVERY_PROCEDURE not in whole else set())
    if not home:
        return False
    near = mine.union(*(sig.closure.get(c, frozenset()) | sig.parents.get(c, frozenset()) for c in mine))
    return not near & home.union(*(sig.closure.get(c, frozenset()) for c in home))


def _count_elsewhere(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """A count under a procedure's harms that no procedure of its own, its passage's or its document's ties to the asked
    one (the 2012 steroid outbreak's 48 deaths, in a document about all procedures, for "会不会死人？" after a PVP)."""
    mine, near = _asked_procedures(part, q, sig)
    told = _procedures((*s.concepts, *s.chunk.concepts, *sig.homes.get(s.chunk.doc_id, frozenset())), sig)
    return bool(mine) and bool(COUNT.search(s.text)) and not near & told


def _asked_procedures(part: Part, q: Question, sig: Signals) -> tuple[set[str], set[str]]:
    """The procedures a part asks about (its own or inherited), and those with what they are a kind of."""
    mine = _procedures((*_own(part, q), *part.inherited), sig)
    return mine, mine.union(*(sig.closure.get(c, frozenset()) for c in mine))


def _deaths_elsewhere(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """Deaths asked of a procedure ("kyphoplasty - any deaths?"), a death toll that neither the sentence nor its document
    ties to it (the 2012 steroid outbreak's 48 deaths, quoted in a passage that also tells of cement leaks)."""
    mine, near = _asked_procedures(part, q, sig)
    if "death" not in _own(part, q) or not mine or not _DEATH_TOLL.search(s.text):
        return False
    # (an event tied to a procedure by the lexicon is its: the 2012 outbreak is the epidural steroid injections')
    tied = [r for c in s.concepts for r in sig.related.get(c, frozenset())]
    return not near & _procedures((*s.concepts, *tied, *sig.homes.get(s.chunk.doc_id, frozenset())), sig)


_DEATH_TOLL = lazy(r"\b(?:\d+|one|two|three|a single)\s*(?:deaths?|died|fatalit(?:y|ies))\b|死亡(?:人数)?\D{0,6}\d+|\d+\s*(?:例|人)\s*死亡", re.I)


def _other_region(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """A sentence at another spinal region than the one the asked procedure is done at ("in the Kornick lumbar series,
    neuritic pain lasted less than 2 weeks", asked about third occipital nerve RFA, a cervical procedure): another
    procedure's figure, though both are RF ablation. (A region the question names itself is the rival check's.)"""
    told = {c for c in s.concepts if c in REGIONS}
    # (a region asked in a procedure's words, "cervical facet RFA": the lumbar Kornick series is another region's, though it
    # names the RFA)
    placed = {r for c in own if sig.kinds.get(c) == "topic" for r in sig.related.get(c, frozenset()) if r in REGIONS}
    if placed and told and placed.isdisjoint(told) and not any(c in REGIONS for c in own):
        return True
    if any(c in REGIONS for c in own) or any(c in s.concepts for c in own if sig.kinds.get(c) == "procedure"):
        return False  # (a region named by the question, or the asked procedure named by the sentence itself)
    at = {r for c in own if sig.kinds.get(c) == "procedure" for r in sig.related.get(c, frozenset()) | sig.parents.get(c, frozenset())
          if r in REGIONS}
    return bool(at and told) and at.isdisjoint(told)


def _other_drugs_figure(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """A figure in a sentence that names no drug, in a passage about other drugs than the asked one ("under the AAGBI
    regimen … a cumulative maximum of 12 mL/kg" in the lipid passage, asked lidocaine's maximum dose)."""
    asked = {c for c in _own(part, q) if sig.kinds.get(c) == "drug"}  # (named drugs: a class, local anaesthetics, spans both)
    if not asked or any(sig.kinds.get(c) in _DRUG_KINDS for c in s.concepts):
        return False
    around = {c for c in s.chunk.concepts if sig.kinds.get(c) == "drug"}
    return bool(around) and not around & asked and bool(_KIND["dose"].search(s.text))


def _own(part: Part, q: Question) -> list[str]:
    """The concepts a part asks about: its own, else what it inherited, else (one-part question) the subjects."""
    own = [c for c in part.concepts if c in q.concepts] or [c for c in part.inherited if c in q.concepts]
    return own if own or len(q.parts) != 1 else list(q.subjects)


def _with_risk_class(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                     sig: Signals, w: Weights) -> tuple[list[tuple[float, Sentence]], bool]:
    """Whether a drug is stopped for a procedure turns on the procedure's bleeding-risk class ("on Plavix, can I do a
    lumbar TFESI?"): the best sentence that classes the asked procedure is quoted second (first, and said to lead, when
    the question asks whether to stop at all), when the answer does not class it already and it is relevant at all; for
    a patient told to be at higher bleeding risk (impaired kidneys), the rule that moves the procedure up a class follows
    the class."""
    class_ask = CLASS_CONCEPT in part.concepts  # "which bleeding-risk group does that procedure fall into?"
    own = _classed_subjects(part, q, sig, class_ask)
    if not class_ask and _class_not_asked(part, q, sig, own):
        return above, False
    # (a part that only swaps the level, "…stop it? and for cervical?", asks what the question asked)
    whether = asks_whether_to_stop(part.text) or (not aspects_of(part.text, q.lang) and asks_whether_to_stop(q.text))
    # (a stent of years ago, "stent 2019", leaves the decision to the procedure's class like any other patient's)
    # (cardiology's word already told, "cardiology won't let him stop it": what may be done on the drug answers)
    cardiology = bool(CARDIOLOGY_DECIDES.intersection(own)) and stent_age(q) < 12 and _CONTINUED not in q.concepts
    drugs = {c for c in own if sig.kinds.get(c) in _DRUG_KINDS}
    # (an anticoagulant or a P2Y12 antiplatelet has its own interval before an intermediate- or high-risk procedure: a
    # news summary's "may not require stopping" is no answer for Xarelto or Plavix before a TFESI, only before a
    # low-risk one; aspirin has its own rule per class)
    guarded = any(_STOPPED_OWN & (sig.parents.get(c, frozenset()) | {c}) and not _ASPIRIN_LIKE & (sig.parents.get(c, frozenset()) | {c})
                  for c in drugs)
    if whether and not cardiology:
        # "do I need to stop it at all?": that lower-risk procedures may need no stop answers, beside the class
        # about no other named drug (primary-prevention aspirin's rule is not ticagrelor's; a rule for antithrombotics is)
        no_stop = _no_stop_rule(pool, drugs, sig)
        if no_stop is not None:
            above = [no_stop, *(t for t in above if t[1] is not no_stop[1])]
    # it names the procedure's class (however low it scored when the class decides: `kept_on`)
    kept_on = _CONTINUED in part.concepts and part.aspects[:1] == ("contraindications",)
    classing = [(sc, s) for sc, s in pool if (sc > 0 or kept_on) and _classes_procedure(s, own, sig)]
    # the class of the asked region's procedure (a lumbar facet RF is low risk; the cervical one intermediate)
    classing = [t for t in classing if not t[1].provenance] or classing  # (where the class comes from is no class)
    # (the asked region's class, best first: a cervical MBB's intermediate class, not the thoracolumbar move to low risk)
    asked_regions = {c for c in own if c in REGIONS}
    classing = sorted([t for t in classing if asked_regions & t[1].concepts] or classing, key=lambda t: -t[0])
    # (one about the asked region is its class, whatever regions it sets it against: "cervical facet procedures one step
    # above thoracic and lumbar ones" for a cervical MBB, not for a lumbar one)
    classing = [t for t in classing if _first_region(t[1].text) in asked_regions or not rival(t[1], q.concepts, sig)] or classing
    if not classing:
        return above, bool(whether and above and NO_STOP_NEEDED.search(above[0][1].text))
    # a sentence placing the procedure in its class, before the rule that moves a high-risk patient up a class
    extra = next((t for t in classing if not _UPGRADE.search(t[1].text)), classing[0])
    rest = [t for t in above if t[1] is not extra[1]]
    if guarded and HIGHER_RISK & extra[1].concepts:
        rest = [t for t in rest if not NO_STOP_NEEDED.search(t[1].text)]
    # a patient told to be at higher bleeding risk (CrCl 45: renal impairment, told now or before) moves up a class: that
    # rule follows the class it moves the procedure out of
    told = {c for c in (*own, *part.inherited, *q.context_concepts) if c in BLEEDING_UPGRADE}
    upgrade = _upgrade_rule(pool, extra, told, sig)
    moved = [upgrade] if upgrade is not None else []
    if upgrade is not None:
        rest = [t for t in rest if t[1] is not upgrade[1]]
        if q.followup and told & set(part.concepts) and not class_ask and _HIGH_RISK not in extra[1].concepts:
            # ("what if he's got CrCl ~25, does that change the hold?" after the interval: the rule the new fact brings leads;
            # with a drug of its own, "same pt but on pradaxa with CrCl 28", that drug's interval leads and the rule follows)
            rest = _not_primary(rest, q)
            gives = _gives_interval(part, q, sig) if drugs & (set(part.concepts) - set(part.inherited)) else None
            first = [t for t in rest if gives is not None and gives(t[1]) and not t[1].provenance][:1]
            return [*first, upgrade, extra, *(t for t in rest if t not in first)], True
    # a clause asking whether to stop, not how long ("要停吗 术后多久能恢复" asks both; "how long do I hold it?" only how long);
    # a low-risk procedure's class answers "how many days?" first too: it may need no stop at all
    low = LOW_RISK in extra[1].concepts and not HIGHER_RISK & extra[1].concepts
    if low and _narrow_kind(part) is _DRUG_RESTART and not whether and not class_ask and not _STOP_ASKED.search(part.text) \
            and not _AHEAD[q.lang].search(q.text):
        # (only the restart asked, the procedure done: "had lumbar facet RFA today, when can she restart" is answered by
        # the restart, the low class and its may-need-no-change following)
        return _restart_then_class(rest, extra, pool, drugs, sig), True
    swapped = _swaps_region(part, q, sig)
    # (cardiology's word that the drug cannot stop, then "can we still do the trial?": the procedure's class decides)
    if class_ask or ((whether or low or swapped or kept_on) and not cardiology):
        # (a stent patient's aspirin: the primary-prevention rule is not hers; asked how long too, "要停吗？停几天？",
        # the drug's interval follows the class)
        # (a low-risk procedure's "may need no stop" follows its class first)
        rest = _interval_next(_not_primary(rest, q), part, q, sig) if whether and not low and _HOW_LONG.search(part.text) else _not_primary(rest, q)
        if whether and not low and not cardiology and HIGHER_RISK & extra[1].concepts and not _HOW_LONG.search(part.text):
            # ("do I need to stop it … for a percutaneous SCS trial?": a higher class means yes, and the drug's interval says
            # how long)
            rest = _interval_next([*rest, *_intervals(pool, rest, extra, part, q, sig)], part, q, sig)
        if kept_on and not low and not CARDIOLOGY_DECIDES.intersection(q.all_concepts):
            # (the drug kept on before a procedure of a higher class: how long that class would have it stopped follows, so
            # the class is not read as leave to go ahead: warfarin's 5 days and a normal INR before a TFESI; after a recent
            # stent the stent's cautions say what can be done instead, and a hold interval is no option)
            held = replace(part, aspects=("hold", *part.aspects))
            rest = _interval_next([*rest, *_intervals(pool, rest, extra, held, q, sig)], held, q, sig)
        return _class_answers(extra, moved, rest, own, sig, not class_ask and not swapped, swapped), True
    conclusion, rest = _no_stop_when_low(low and cardiology, q, pool, drugs, sig, rest)
    return [*rest[:1], extra, *conclusion, *moved, *rest[1:]], False


_REGION_WORDS = (("cervical-spine", lazy(r"\bcervical\b|颈")), ("thoracic-spine", lazy(r"\bthoracic\b|胸")),
                 ("lumbar-spine", lazy(r"\blumbar\b|腰")), ("sacrum", lazy(r"\bsacr|骶")))


def _of_another_region(s: Sentence, regions: Collection[str]) -> bool:
    """Is the sentence's first statement about a spinal region not asked ("In 974 … cervical interlaminar ESIs…"; not
    "Vasovagal reaction is the most common… It occurred in 1.2%…, and in 4.2% of lumbosacral TFESIs")?"""
    head = _FIRST_STATEMENT.split(s.text, 1)[0]
    return any(rx.search(head) and c not in regions for c, rx in _REGION_WORDS)


_FIRST_STATEMENT = lazy(r"(?<=[.;])\s+|(?<=[。；])")


def _first_region(text: str) -> str | None:
    """The spinal region a sentence names first (its subject: "Cervical facet MBB … one step above thoracic and lumbar")."""
    found = [(m.start(), c) for c, rx in _REGION_WORDS if (m := rx.search(text))]
    return min(found)[1] if found else None


def _intervals(pool: Sequence[tuple[float, Sentence]], rest: Sequence[tuple[float, Sentence]], extra: tuple[float, Sentence],
               part: Part, q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """The asked drug's interval sentences of the part's pool that the answer does not hold yet (however low they scored)."""
    gives = _gives_interval(part, q, sig)
    return [t for t in pool if gives is not None and t not in rest and t[1] is not extra[1] and gives(t[1])]


def _interval_next(rest: list[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """The asked drug's interval first of the rest (it follows the class when both whether and how long are asked)."""
    gives = _gives_interval(part, q, sig)
    # (the patient's own indication's: never the secondary-prevention interval for a primary-prevention aspirin, nor the reverse)
    other = _PRIMARY_PREVENTION if _secondary(q) else _SECONDARY_RULE
    first = next((t for t in rest if gives is not None and gives(t[1]) and not t[1].provenance and not other.search(t[1].text)), None)
    return rest if first is None else [first, *(t for t in rest if t is not first)]


def _restart_then_class(rest: list[tuple[float, Sentence]], extra: tuple[float, Sentence], pool: Sequence[tuple[float, Sentence]],
                        drugs: Collection[str], sig: Signals) -> list[tuple[float, Sentence]]:
    """A drug's restart after a low-risk procedure: the restart, then the procedure's class and the rule that such a
    procedure may need no change."""
    first = [t for t in rest if _DRUG_RESTART.search(t[1].text)][:1]
    no_stop = _no_stop_rule(pool, drugs, sig)
    after = [no_stop] if no_stop is not None and no_stop not in first else []
    return [*first, extra, *after, *(t for t in rest if t not in first and t not in after)]


def _class_not_asked(part: Part, q: Question, sig: Signals, own: Sequence[str]) -> bool:
    """Does the part's answer not turn on the procedure's class?"""
    if not DRUG_DECISION.intersection(part.aspects) or not any(
            sig.kinds.get(c) in _DRUG_KINDS and HELD & (sig.parents.get(c, frozenset()) | {c}) for c in own):
        return True  # only a drug held for bleeding (an antithrombotic, an NSAID) turns on the class
    # (not when that part asks no drug decision: "what do I tell her about paralysis? also on rivaroxaban - stop it?")
    if len(q.parts) > 1 and not any(sig.kinds.get(c) == "procedure" or c in REGIONS for c in part.concepts) and any(
            sig.kinds.get(c) == "procedure" and DRUG_DECISION.intersection(p.aspects) for p in q.parts for c in p.concepts):
        return True  # "...and when can I restart it?": the part naming the procedure (or a region) carries its class
    return q.followup and _narrow_kind(part) is _DRUG_RESTART  # ("and when does she restart?" after the hold: the restart)


def _classed_subjects(part: Part, q: Question, sig: Signals, class_ask: bool) -> list[str]:
    """The drug and procedure whose class `_with_risk_class` looks for: the part's own, with what it inherited in a
    follow-up or beside no drug of its own ("do I need to stop it at all?" after "on Eliquis, planning an SIJ injection"),
    and, its class asked, the question's procedure (asked in another part) or the one discussed before."""
    own = _own(part, q)
    if q.followup or not any(sig.kinds.get(c) in _DRUG_KINDS for c in own):
        own = [*own, *(c for c in part.inherited if c not in own)]
    elif not any(sig.kinds.get(c) == "procedure" for c in own):  # ("…what do I tell her? also on rivaroxaban - stop it?")
        own = [*own, *(c for c in part.inherited if sig.kinds.get(c) == "procedure" and c not in own)]
    if class_ask:
        own = [*own, *(c for c in (*q.concepts, *q.context_concepts) if sig.kinds.get(c) == "procedure" and c not in own)]
    return own


def _upgrade_rule(pool: Sequence[tuple[float, Sentence]], extra: tuple[float, Sentence], told: Collection[str],
                  sig: Signals) -> tuple[float, Sentence] | None:
    """The rule that moves a patient at higher bleeding risk (the `told` condition) up a class, beside a sentence
    placing the procedure in a class (`extra`)."""
    if not (LOW_RISK in extra[1].concepts or HIGHER_RISK & extra[1].concepts):
        return None
    return next((t for t in pool if t[1] is not extra[1] and _UPGRADE.search(t[1].text) and set(told) & t[1].concepts
                 and sig.risk_classes & t[1].concepts and not t[1].provenance), None)


def _no_stop_rule(pool: Sequence[tuple[float, Sentence]], drugs: Collection[str], sig: Signals,
                  secondary: bool = False) -> tuple[float, Sentence] | None:
    """The rule that a lower-risk procedure may need no stop, about no other named drug (primary-prevention aspirin's
    rule is not ticagrelor's; a rule for antithrombotics is), nor primary prevention's for a stent patient's aspirin."""
    return next((t for t in pool if NO_STOP_NEEDED.search(t[1].text) and t[1].group != "evidence"
                 and not any(sig.kinds.get(c) == "drug" and c not in drugs for c in t[1].concepts)
                 and not (secondary and _PRIMARY_PREVENTION.search(t[1].text))), None)


def _no_stop_when_low(low_after_stent: bool, q: Question, pool: Sequence[tuple[float, Sentence]], drugs: Collection[str], sig: Signals,
                      rest: list[tuple[float, Sentence]]) -> tuple[list[tuple[float, Sentence]], list[tuple[float, Sentence]]]:
    """A recent stent before a low-risk procedure ("on Brilinta, DES 2 months ago, lumbar MBB next week - stop it?"): after
    the cardiology warning and the class, the rule that a low-risk procedure may need no stop is the conclusion: (it, the
    rest without it)."""
    no_stop = _no_stop_rule(pool, drugs, sig, _secondary(q)) if low_after_stent else None
    if no_stop is None:
        return [], rest
    return [no_stop], [t for t in rest if t[1] is not no_stop[1]]


def _class_answers(extra: tuple[float, Sentence], moved: list[tuple[float, Sentence]], rest: list[tuple[float, Sentence]],
                   own: Sequence[str], sig: Signals, rule_first: bool, swapped: bool) -> list[tuple[float, Sentence]]:
    """The order when the class answers: the drug's own rule per class first when it answers (`rule_first`), the class
    following; else the class (what was asked, or whether to stop at all), then, for a follow-up that swapped the region,
    the drug's rule for that class, then the interval."""
    if rule_first and rest and _rule_per_class(rest[0][1], own, sig):
        return [rest[0], extra, *moved, *rest[1:]]
    per_class = [t for t in rest if _rule_per_class(t[1], own, sig)][:1] if swapped else []
    return [extra, *per_class, *moved, *(t for t in rest if t not in per_class)]


def _swaps_region(part: Part, q: Question, sig: Signals) -> bool:
    """A follow-up that swaps the region or the procedure of a whether-to-stop or go-ahead ask ("如果是颈椎呢？" after
    "腰椎内侧支射频术前要停阿司匹林吗？"; "如果是星状神经节阻滞呢？" after "华法林 INR 1.6 能做腰椎硬膜外注射吗？"): the new
    region's or procedure's class is the news, after a how-long ask too ("and if it was a cervical MBB instead?" after a lumbar
    facet RFA's days off; not when it asks how long itself: "那颈椎的呢，要停多久？")."""
    if not (q.followup and q.history) or _HOW_LONG.search(part.text):
        return False
    whether = asks_whether_to_stop(q.history[-1]) or _GO_AHEAD_ASK.search(q.history[-1])
    if not whether and not _HOW_LONG.search(q.history[-1]):
        return False

    def new(c: str) -> bool:  # (after a how-long ask, another procedure: "and for a cervical one?" asks the same interval)
        return c not in part.inherited and ((c in REGIONS and bool(whether)) or (sig.kinds.get(c) == "procedure" and c not in q.context_concepts))
    # (not when the part tells the class itself: "那如果是高风险手术呢，比如脊髓电刺激？" asks the drug's rule for that class)
    return not _CLASS_TOLD.search(part.text) and any(new(c) for c in part.concepts)


_CLASS_TOLD = lazy(r"\b(?:high|intermediate|medium|low)[- ]risk\b|(?:高|中等?|低)(?:出血)?风险", re.I)
# whether a procedure may go ahead ("can we do a lumbar ESI?", "能做腰椎硬膜外注射吗？")
_GO_AHEAD_ASK = lazy(r"\b(?:can|could|may|should) (?:i|we|you|he|she) (?:still )?(?:do|go ahead|proceed|have)\b|\b(?:ok|okay|safe) to (?:do|go ahead|proceed)\b|"
                           r"能(?:不能)?做|可以做|能否做|可不可以做", re.I)


_HAN = lazy(r"[\u4e00-\u9fff]")
_ABOUT_BRAND = lazy(r"^(?:because |as |since )?[^\s,]+(?: \([^)]*\))? (?:is|are)\b", re.I)


def _unasked_brand(s: Sentence, q: Question, sig: Signals) -> bool:
    """A sentence about a Chinese brand the question does not name, quoted to a question written without Chinese ("Because
    拜阿司匹灵 is aspirin, the aspirin advice above applies to it" for "baby aspirin 81 mg…")."""
    brands = {c for c in s.concepts if sig.kinds.get(c) == "brand"}
    asked = {m.concept for m in q.matches}  # (a brand named in the question: "what is Lixiana…" quotes "Lixiana (里先安)")
    # (only a sentence whose subject is the brand: a label's boxed warning naming 里先安 is a fact about the drug)
    return not _HAN.search(q.text) and bool(_HAN.search(s.text)) and bool(brands) and not brands & asked \
        and bool(_ABOUT_BRAND.search(s.text))


def _not_primary(rest: list[tuple[float, Sentence]], q: Question) -> list[tuple[float, Sentence]]:
    """Without the primary-prevention aspirin rule when the patient's aspirin is secondary prevention (a stent, a stroke),
    nor the secondary-prevention rule when it is told to be primary prevention."""
    secondary = _secondary(q)
    primary = not secondary and bool(_PRIMARY_TOLD.search(q.text))
    return [t for t in rest if not (secondary and _PRIMARY_PREVENTION.search(t[1].text))
            and not (primary and _SECONDARY_ONLY.search(t[1].text))]


# a history denied or only wondered about ("no MI, no CABG", "denies angina", "?ACS", "停阿司匹林会不会增加心梗风险")
_HISTORY_DENIED = lazy(r"\b(?:no|denies|denied|without|negative for|ruled? out|r/o|not|never had)\b[^.;?]{0,30}|\?\s*\w+|"
                             r"(?:无|没有|否认|排除)[^，。；？]{0,12}|(?:心梗|心肌梗死)(?:的)?风险", re.I)


def _secondary(q: Question) -> bool:
    """Is the patient's aspirin secondary prevention (a stent, a stroke, or said so: "aspirin 100 for secondary prevention";
    not "primary, not secondary prevention", 不是二级预防)?"""
    told = frozenset(q.all_concepts)  # (aspirin beside a P2Y12 inhibitor, "clopidogrel + aspirin", is dual antiplatelet therapy)
    return _secondary_told(q.text, " ".join((q.text, *q.history[-1:])), told)


@lru_cache(maxsize=256)  # asked for every sentence scored
def _secondary_told(question: str, text: str, told: frozenset[str]) -> bool:
    if _SECONDARY_DENIED.search(text) or _PRIMARY_TOLD.search(question):
        return False
    return bool(_SECONDARY_PREVENTION & told) or ("aspirin" in told and bool(_P2Y12 & told)) \
        or bool(_SECONDARY_TOLD.search(_HISTORY_DENIED.sub(" ", text)))


def _rule_per_class(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """Does the sentence give the asked drug's rule class by class ("primary-prevention aspirin: stopped 6 days before a
    high-risk procedure, ..., continued for a low-risk one")? It answers "do I stop it?" better than the class alone."""
    return (LOW_RISK in s.concepts and bool(HIGHER_RISK & s.concepts)
            and any(c in s.concepts for c in own if sig.kinds.get(c) in _DRUG_KINDS))


# A dose asked in words ("how much", 浓度多少), not a dose told in the story ("injected 0.5 mL of local").
_ASKS_DOSE = lazy(r"(?<!last )(?<!next )(?<!first )(?<!prophylactic )(?<!treatment )(?<!therapeutic )\bdos(?:e|es|ing|age)\b|how much|" + RATE_TO_GIVE + "|"
                        r"how many (?:mg|ml|mcg|mls)|concentration|maximum|\bmax\b|\bwhat volume\b(?! of contrast)|\bhow (?:big|large) (?:a |the )?volume\b|"
                        # (the patient's own drug adjusted: "should he cut his insulin?", "胰岛素要不要减量？")
                        r"\b(?:reduce|cut|lower|halve|adjust|increase) (?:(?:her|his|their) (?:\w+ )?(?:insulin|dose)|(?:the )?insulin)\b|"
                        r"(?:要不要|需不需要|需要|是否|该不该|用不用)(?:先)?(?:减量|加量|减少剂量|调整剂量|调剂量)|"
                        + REGIMEN_ASK_EN + "|" + REGIMEN_ASK_ZH + "|"  # (the regimen for an infection)
                        r"(?<!预防)(?<!治疗)剂量|浓度|用量|(?:注射|注药|推注|给药)量(?!\s*\d)|多少(?:毫升|毫克|mg|ml|ug|μg|微克)|[打给用推注]多少(?!天|次|小时|周|分钟|个月)|最多|上限|"
                        r"几\s*(?:克|毫克|毫升|g\b|mg|ml|cc)|"
                        # (a starting dose, "鞘内从多少开始？"; a taper, "口服阿片要怎么减？", "how do I wean the oral opioids?")
                        r"从多少(?:开始|起)|起始剂量|初始剂量|\bstart(?:ing)? dose|\binitial dose|(?:怎么|如何|咋)减(?:量|药)?(?=[？?。，,！!\s]|$)|减量方案|"
                        r"\b(?:taper|wean)(?:ing)?\b", re.I)
# how a drug is given, asked bare ("纳洛酮怎么给？"): its dose is part of the ask (not enough to call a part unanswered)
_GIVE_HOW = lazy(r"(?:怎么|如何|咋)给(?:药)?(?=[？?。，,！!\s]|$)|\bhow (?:do|should) (?:i|we) give\b", re.I)


def _near(about: Collection[str], sig: Signals) -> set[str]:
    """The concepts with their broader, related and narrower (kinds of a complication) ones: what a sentence may name
    to be about them."""
    return set(about).union(*(sig.parents.get(c, frozenset()) | sig.related.get(c, frozenset()) | sig.kinds_of.get(c, frozenset())
                              for c in about))


def _names_part(s: Sentence, part: Part, sig: Signals) -> bool:
    """Does the sentence name one of the part's concepts, one it inherited, or a broader, related or narrower one?"""
    about = part.concepts or part.inherited
    if part.concepts and "hold" in part.aspects and not any(sig.kinds.get(c) in _DRUG_KINDS for c in part.concepts):
        # ("when do we restart after the implant?": the drug held before is what restarts)
        about = (*about, *(c for c in part.inherited if sig.kinds.get(c) in _DRUG_KINDS))
    about = (*about, *_watched_findings(part, sig))  # ("要监测多久？" after the glucose told: its closer glucose checks)
    return not about or bool(_near(about, sig) & s.concepts)


# Asks answered only by sentences naming the asked complication: what to do about it, how often it happens.
_NAMES_COMPLICATION = frozenset({"action", "frequency"})


def _on_complication(pool: list[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """Asked what to do about a complication, or how often it happens ("how do I manage an infected pump pocket?",
    "how common is infection after SCS?"): the sentences that name it (or a kind of it, or a broader or related concept)
    and are not about another complication; none when no sentence does: the part is then said to be not covered, not
    answered with another complication's steps (an overdose's for an infected pump). A follow-up keeps its context."""
    asked = [c for c in _own(part, q) if sig.kinds.get(c) == "complication"] if not part.inherited else []  # (not a follow-up's)
    if not asked or not part.aspects or part.aspects[0] not in _NAMES_COMPLICATION:
        return pool
    near, subject = _near(asked, sig) | _toxicities(_own(part, q), sig), _own(part, q)  # (its drug's toxicity: LAST's steps)
    near |= {r for c in asked for r in LEADS_TO.get(c, ())}  # (paralysis after a vertebroplasty: the canal leak's rate)
    # (not a procedure the complication is linked to: a pad burn's RFA does not make a neurotomy's numbness about it)
    near = {c for c in near if sig.kinds.get(c) != "procedure" or c in asked}
    # (nor another region's: the lumbar Kornick series' "no new deficit", asked of a cervical facet RFA)
    return [(sc, s) for sc, s in pool if near & s.concepts and not rival(s, subject, sig, ("complication", "region"))]


def _undosed(pool: Sequence[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> bool:
    """A dose asked in words of a drug or procedure no relevant sentence doses ("恢复治疗剂量" asks when the drug
    restarts: no dose asked)."""
    # ("which drug, dose and timing?": the timing the sources give still answers; the missing dose is said in a note)
    # (nor does a count of levels or of injections: "PKP一次最多做几个节段", "max number of levels")
    # (nor does which drug or route, asked beside its dose: "which prophylactic antibiotic and dose … iv or intradiscal?")
    return (part.aspects[:1] in (("dose",), ("limit",)) and not {"hold", "timing"} & set(part.aspects) and bool(_ASKS_DOSE.search(part.text))
            and not _COUNTED_LIMITS & set(part.concepts) and not _AGENT_ASKED.search(part.text)
            and not _doses_own(pool, part, q, sig) and not _class_rule_of_procedure(pool, part, q, sig))


_COUNTED_LIMITS = frozenset({"multiple-levels", "repeat-injection-limit"})
# which drug or route is asked ("which antibiotic", "iv or intradiscal?", 用什么抗生素, 静脉还是椎间盘内)
_AGENT_ASKED = lazy(r"\bwhich (?:prophylactic |empiric(?:al)? )?(?:antibiotics?|abx|drugs?|agents?|steroids?|route)\b|"
                          r"\bwhat (?:prophylactic |empiric(?:al)? )?(?:antibiotics?|abx|agents?|route|steroids?)\b|\b(?:iv|intravenous|oral) or (?:intradiscal|iv|oral)\b|"
                          r"用(?:什么|哪种|哪个)(?:抗生素|抗菌药|药|激素)|(?:什么|哪种)(?:抗生素|激素)|静脉还是|口服还是", re.I)


def _said_before(top: Sentence, said: Sequence[Sentence], pool: Sequence[tuple[float, Sentence]], best: float, part: Part, lang: Lang,
                 sig: Signals, w: Weights) -> bool:
    """Was the part's best sentence said under a part before, with nothing else of its own near it?"""
    return bool(said) and same_point(top, said, lang) and _names_part(top, part, sig) and (not pool or pool[0][0] < w.floor * best)


def _gives_aspect(s: Sentence, part: Part, lang: Lang) -> bool:
    """Does the sentence give something of the part's first aspect (its section, or the aspect's own words)? A part with
    no aspect, or one whose aspect has no section, is given by any sentence."""
    if not part.aspects or part.aspects[0] not in ASPECTS or not ASPECTS[part.aspects[0]][0]:
        return True
    group, en, zh = ASPECTS[part.aspects[0]]
    return s.group == group or bool(re.search(zh if lang == "zh" else en, s.text, re.I))


def _kind_unmet(pool: list[tuple[float, Sentence]], part: Part, w: Weights) -> bool:
    """One part of several asking how long something lasts or goes on ("另外激素要用几天？") that no relevant sentence
    gives: not covered, rather than the procedure's rates under that part's heading (a single question keeps its related
    sentences, after a note saying the span is not given)."""
    kind = _narrow_kind(part)
    if kind not in (_LASTS, _COURSE) or not pool:  # (a span; an amount may be in passages the question did not retrieve)
        return False
    floor = max(w.min_score, w.floor * pool[0][0])
    return not any(kind.search(s.text) and (sc >= floor or span_given(sc, s, pool[0][0], part, w)) for sc, s in pool)


def span_given(sc: float, s: Sentence, best: float, part: Part, w: Weights) -> bool:
    """Asked how long something lasts or goes on: a relevant sentence giving that span with its time ("lasting hours
    (roughly 4–8 h)") answers it, though the fear told before ("is he having a stroke??") fills the part's best scores."""
    kind = _narrow_kind(part)  # (not a course: "术后感染一般多久出现" is no antibiotic course's 5 days)
    return kind is _LASTS and sc >= max(w.min_score, 0.3 * best) and bool(kind.search(s.text)) and bool(_TIME_SPAN.search(s.text))


_CJK_ONLY = lazy(r"^[\u4e00-\u9fff]+$")
_WORDS_MET = 0.5  # the share of a words-only part's weight a sentence must carry to answer it
# Words of the ask itself, not of its subject ("跟针有关系吗", "does it matter?"): no sentence need carry them
_ASK_WORDS = frozenset({"关系", "影响", "区别", "必要", "需要", "有用", "意义", "问题", "情况", "一定", "另外", "matter", "difference",
                        "problem", "necessary", "worth", "important", "issue",
                        # (the ask's frame, not its subject: "is there anything less invasive first")
                        "anyth", "anything", "someth", "something", "first"})


def _off_the_finding(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """Asked of a finding after one of our procedures, with no complication named ("腹腔神经丛阻滞后体位性低血压常见吗 怎么处理"):
    a sentence that neither names the finding nor says what to do (the neck's vessels, for a coeliac block), or another
    complication's own passage naming no procedure (LAST's cardiovascular signs list hypotension) is no answer."""
    # (a bare later part, "how to manage", asks of the finding the question named)
    around = (*_own(part, q), *part.inherited, *(() if part.concepts else q.concepts))
    asked = [c for c in around if sig.kinds.get(c) == "finding"]
    if not asked or any(sig.kinds.get(c) == "complication" for c in around) or part.aspects[:1] not in (("frequency",), ("action",), ()) \
            or not any(sig.kinds.get(c) == "procedure" and c not in sig.adjuncts for c in around):
        return False
    if not any(c in s.concepts or (sig.parents.get(c, frozenset()) | sig.narrower.get(c, frozenset()) | sig.related.get(c, frozenset())) & s.concepts
               for c in asked) and not s.action and part.aspects[:1] == ("action",):
        return True
    own_doc = doc_slug(s.chunk.doc_id)
    return sig.kinds.get(own_doc) == "complication" and own_doc in s.concepts and own_doc not in around \
        and not any(sig.kinds.get(c) == "procedure" for c in s.concepts)


def _words_met(pool: list[tuple[float, Sentence]], part: Part, idf: Callable[[str], float], w: Weights, sig: Signals,
               before: Part | None = None) -> list[tuple[float, Sentence]]:
    """A later part that names no concept and no aspect we know, only words of its own ("一定要做两次吗", "can you
    repeat it?" after a facet RF question): what it asks is in those words, so it is answered by the relevant sentences
    that carry most of their weight ("repeat") about its subject (a repeat cervical TON neurotomy is no lumbar RF), and
    by none (not covered) rather than by the procedure's complication rates."""
    unseen = idf("\x00")  # (a segmenter's fragment the corpus never uses, 针有, says nothing of it; a word it never uses,
    # 住院, is what the part asks and no sentence answers)
    terms = {t for t in part.terms if len(t) > 1 and t not in _ASK_WORDS and (idf(t) < unseen or not _CJK_ONLY.match(t) or is_zh_word(t))}
    if part.concepts or part.aspects or not terms or not pool:
        return pool
    total = sum(idf(t) for t in terms) or 1.0
    floor = max(w.min_score, w.floor * pool[0][0])
    # (inheriting nothing, it is about what the part before named: "骶髂关节…诊断性阻滞，阳性标准？要做两次吗" is no ESI's
    # repeat limit nor a lipid bolus repeated)
    near = set(before.concepts) if before is not None and not part.inherited else set()
    return [(sc, s) for sc, s in pool if sc >= floor and sum(idf(t) for t in s.shared(terms)) / total >= _WORDS_MET
            and not rival(s, part.inherited, sig)
            and (not near or any(near & (sig.parents.get(c, frozenset()) | {c}) for c in s.concepts))]


def _unleveled(pool: Sequence[tuple[float, Sentence]], part: Part) -> bool:
    """A lab threshold asked ("多少以上才安全" after the platelet count told) that no relevant sentence gives."""
    return _narrow_kind(part) is _LAB_LEVEL and not any(_LAB_LEVEL.search(s.text) for _, s in pool)


def _class_rule_of_procedure(pool: Sequence[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> bool:
    """Does a relevant sentence give the rule for the asked drug's class in the asked procedure ("a weight-based
    prophylactic antibiotic within 1 h before incision" for an SCS implant, asked the cefazolin dose)? Then the answer
    quotes it and says that no dose is given."""
    own = _own(part, q)
    procs = [c for c in (*own, *part.inherited) if sig.kinds.get(c) == "procedure" and c not in sig.adjuncts]
    drugs = [c for c in own if sig.kinds.get(c) in _DRUG_KINDS]
    near = {x for d in drugs for x in (d, *sig.parents.get(d, frozenset()))}
    return bool(procs and drugs) and any(sc > 0 and near & s.concepts and any(p in s.concepts for p in procs) for sc, s in pool)


def _doses_own(pool: Sequence[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> bool:
    """Does a relevant sentence give a dose of the asked drug or procedure itself (its own concept, not a broader one)?
    Asked "how much ozone for an intradiscal injection?", a morphine concentration limit is no answer."""
    # (a radiation dose is asked of the setting: the fluoroscopy lists a pregnant nurse works in are not what is dosed)
    kinds = _DRUG_KINDS if _RADIATION_DOSE.intersection(part.concepts) else (*_DRUG_KINDS, "procedure")
    own = [c for c in _own(part, q) if sig.kinds.get(c) in kinds]
    if not own:
        return True
    # (cefazolin in discography contrast is no cefazolin dose for a vertebroplasty)
    return any(sc > 0 and any(c in s.concepts for c in own) and _KIND["dose"].search(s.text) and not other_procedure(s, part, q, sig)
               for sc, s in pool)


# (a sign named as new, "new radicular pain or a new deficit … calls for an urgent CT", is how it presents; "most cause no
# symptoms" names none)
_PRESENTS = lazy(r"(?<!\bno )(?<!\bwithout )\b(?:signs?|symptoms?|present(?:s|ing|ation)?|manifest\w*)\b|"
                       + _NEW_SIGN["en"] + r"|(?<!没有)(?<!无)(?:表现|征象|症状|体征)|" + _NEW_SIGN["zh"], re.I)
_PREMEDICATION = frozenset({"premedication", "urgent-premedication"})
_RADIATION_DOSE = frozenset({"occupational-dose-limit", "eye-lens-dose-limit", "radiation-exposure", "effective-dose", "radiation-safety",
                             "embryo-fetus"})


def _each_drug(chosen: Sequence[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
               sig: Signals, lang: Lang) -> list[tuple[float, Sentence]]:
    """A hold question about several drugs ("Brilinta + aspirin, stop both?") is answered for each: a drug no chosen
    sentence names gets its best sentence that gives an interval."""
    if "hold" not in part.aspects:
        return []
    # the drugs held for bleeding, and those weighed beside them (fish oil, ginkgo, an SSRI)
    drugs = [c for c in _own(part, q) if sig.kinds.get(c) in ("drug", "drug-class")
             and (HELD | _WEIGHED) & (sig.parents.get(c, frozenset()) | {c})]
    if len(drugs) < 2:
        return []
    said = [s for _, s in chosen]
    out: list[tuple[float, Sentence]] = []
    for d in drugs:
        names = {d} | (sig.parents.get(d, frozenset()) - _BROAD_CLASSES)  # celecoxib: the NSAID intervals
        if any(names & s.concepts and _KIND["hold"].search(s.text) for s in said):
            continue  # its interval is already quoted
        # (a class's sentence lists other drugs of the class, so it may score as a rival: it is still this drug's answer)
        # (and not one sibling drug's rule: prasugrel's interval is not clopidogrel's; a class rule lists several examples)
        fits = [(sc, s) for sc, s in pool if names & s.concepts and not s.provenance and not same_point(s, said, lang)
                and len({c for c in s.concepts if sig.kinds.get(c) == "drug" and c not in drugs}) not in (1, 2)]
        # its interval, else what the sources say about it before a procedure (fish oil: "taken into account"); the
        # drug named before its class
        fits.sort(key=lambda t: (d not in t[1].concepts, not _KIND["hold"].search(t[1].text)))
        best = fits[0] if fits else None
        if best is not None:
            out.append(best)
            said.append(best[1])
    return out


# weighed before a high-risk procedure beside the antithrombotics (the guideline's SSRIs, SNRIs and supplements)
_WEIGHED = frozenset({"dietary-supplement", "ssri", "snri"})


def _restart_too(chosen: Sequence[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], parts: Sequence[Part],
                 q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """"...and when can she restart it?" beside how long to hold it: when no chosen sentence says when the drug restarts,
    the best relevant one that does (about the drug or its class) joins the answer."""
    if not any({"hold", "timing"} & set(p.aspects) and RESTART_ASK.search(p.text) for p in parts):
        return []
    if any(_RESTARTS.search(s.text) for _, s in chosen):
        return []
    drugs = [c for p in parts for c in _own(p, q) if sig.kinds.get(c) in _DRUG_KINDS]
    near = set(drugs).union(*(sig.parents.get(c, frozenset()) for c in drugs)) - _BROAD_CLASSES  # enoxaparin: LMWH too
    said = [s for _, s in chosen]
    return next(([(sc, s)] for sc, s in pool if sc > 0 and s not in said and _RESTARTS.search(s.text)
                 and (not near or near & s.concepts) and not rival(s, drugs, sig)), [])


_BROAD_CLASSES = frozenset({"anticoagulant", "antiplatelet", "antithrombotic", "drug", "medication"})


def _each_member(chosen: Sequence[tuple[float, Sentence]], members: Sequence[int], parts: Sequence[Part],
                 sentences: Sequence[Sentence], scored: Sequence[Sequence[float]], lang: Lang) -> list[tuple[float, Sentence]]:
    """Parts answered together because they share a best sentence ("INR多少以下才能做？需要桥接吗？": the bridging list
    names the INR) each keep a sentence of their own: a member whose subject only the shared sentence names gets its
    best other sentence about it (warfarin stopped until the INR is normal); a member that names nothing and asks a kind
    of answer no chosen sentence gives ("patch now or wait? how much blood?") gets its best sentence giving it (12–20 mL)."""
    if len(members) < 2:
        return []
    out: list[tuple[float, Sentence]] = []
    for k in members:
        asks = frozenset(parts[k].concepts)
        shared = max(range(len(sentences)), key=lambda i, k=k: scored[i][k])  # type: ignore[misc]
        said = [s for _, s in (*chosen, *out)]
        kind = None if asks else _asked_kind(parts[k])
        if (not asks and (kind is None or any(kind.search(s.text) for s in said))) \
                or (asks and any(asks <= s.concepts for s in said if s is not sentences[shared])):
            continue
        fits = [i for i in range(len(sentences)) if (i != shared or not asks) and scored[i][k] > 0 and _member_gets(sentences[i], asks, kind)
                and sentences[i] not in said and not sentences[i].provenance and not same_point(sentences[i], said, lang)]
        if fits:
            i = max(fits, key=lambda i, k=k: scored[i][k])  # type: ignore[misc]
            out.append((scored[i][k], sentences[i]))
    return out


def _member_gets(s: Sentence, asks: frozenset[str], kind: re.Pattern[str] | None) -> bool:
    """Does the sentence answer a merged part: name all it names, or, naming nothing, give the kind of answer it asks?"""
    return asks <= s.concepts if asks else bool(kind is not None and kind.search(s.text))


# the next dose after the procedure: "ok to give the evening dose at 3pm?", "做完6小时能打克赛吗", "晚上那针能打吗"
# (a dose named by the time of day is the restart only with the procedure told as done and none told as still to come:
# "TFESI tomorrow 9am - can I give the evening dose at 8pm?" asks whether it is held)
_DONE = (r"\b(?:did|done|finished|after (?:the|her|his|a|an|it)|post[- ]?(?:op|procedure|block|injection))\b|"
         r"术后|操作后|做完|做了|(?<!要)做的|打完|刚做|已经做")
_STILL_TO_COME = (r"\b(?:tomorrow|tmrw|tmr|booked|scheduled|planned|due for|later today|next week|is having|will have)\b|"
                  r"明天|明早|后天|下周|要做|准备做|预约|安排在|拟行|待会")
NEXT_DOSE_ASK = (rf"^(?![\s\S]*(?:{_STILL_TO_COME}))[\s\S]*?\b(?:give|have|take|start|do) (?:the |her |his |their )?next (?:dose|shot|injection|jab)\b|"
                 r"(?:术后|操作后|做完)[^，。？?]{0,12}\d+\s*(?:个)?(?:小时|天|h)[^，。？?]{0,3}(?:就)?(?:能|可以|可)(?:再)?(?:打|吃|用|恢复|开始)|"
                 rf"^(?![\s\S]*(?:{_STILL_TO_COME}))[\s\S]*?下一(?:针|剂|次)[^，。？?]{{0,4}}(?:能|可以|可)(?:再)?(?:打|吃|用)|"
                 rf"^(?=[\s\S]*(?:{_DONE}))(?![\s\S]*(?:{_STILL_TO_COME}))[\s\S]*?(?:{TIMED_DOSE_ASK}|"
                 r"(?:晚上|今晚|明早|下午)那?(?:一)?(?:针|剂|次)[^，。？?]{0,4}(?:能|可以|可)(?:再)?(?:打|吃|用))")
# a first dose after it, asked at its earliest ("TF做完了，骨科让打克赛40mg预防血栓，最早几小时能打", "ortho want to start
# clexane 40 - earliest how many hours after?"): when the drug may start, as a restart
# (not a dose given before the procedure: "打完克赛最早几小时能做硬膜外注射？" asks the hold)
FIRST_DOSE_AFTER = (r"(?:术后|操作后|做完|注射后)[^？?]{0,40}最早[^，。？?]{0,6}(?:几|多少|多久)[^，。？?]{0,6}(?:能|可以)?(?:打|用|吃|开始|给)(?!.{0,3}(?:做|手术|注射|穿刺))|"
                    r"\b(?:start|give|begin|commence)\w*\b[^?.]{0,50}\b(?:earliest|how (?:many hours|soon))\b[^?.]{0,25}\bafter\b")
RESTART_ASK = lazy(NEXT_DOSE_ASK + "|" + FIRST_DOSE_AFTER + r"|\b(?:restart|resum|re-?start|go back on|start (?:it |them )?again)|恢复|重新(?:开始|服|用)|再开始|续上|接着打|"
                         r"(?:拔针|拔管|术后|操作后)[^，。？?]{0,6}(?:多久|什么时候|何时)(?:能|可以)?再(?:打|用|吃)|"
                         # "how long before the TFESI? and after?": the restart, asked in two words
                         r"\b(?:and|what about) (?:after(?:wards)?|post-?(?:op|procedure))\s*\??\s*$|术后呢|做完(?:以后|之后)?呢|"
                         # (a drug to be given after it: "how many hours after the procedure is ok?")
                         + GIVEN_AFTER_ASK, re.I)
# a stop asked ("when do we stop it", 术前停几天) and a stop told in a sentence ("held for 3 days before", 术前停用)
_STOP_ASKED = lazy(r"\bwhen (?:do|should|can|must|to|would) (?:\w+ ){0,2}(?:stop|hold|withh\w*|discontinu\w*|come off)\b|"
                         r"\bhow (?:long|many days) (?:\w+ ){0,4}(?:hold|off|stop)|停几天|停多久|停多长|(?:什么时候|何时|啥时候)停|(?:要|需要|该)停(?:几|多)", re.I)
_AGAIN_ASKED = lazy(r"\bnext dose\b|\bagain\b|再(?:打|吃|用|服)|吃回去|用回去|重新", re.I)
_BEFORE_TOLD = lazy(r"\b(?:days?|h|hours?|weeks?) (?:before|prior to)\b|\bbefore (?:the |a |an |any )?(?:pain |spinal |neuraxial )?"
                          r"(?:procedure|injection|block|surgery|implant|needle|puncture)|\b(?:held|stopped|withheld|discontinued) for\b|"
                          r"术前|前停|前约?停|停(?:用|药)\s*\d|停药间隔", re.I)
_CONTINUED = "continued-antithrombotic"
_HELD_FOR = lazy(r"\b(?:held|stopped|withheld|discontinued|hold|stop)\b|停用|停药|术前", re.I)
_INTERVAL = lazy(r"\bintervals?\b|停药间隔|停药时间", re.I)
_CONTINUED_SAID = lazy(r"\bcontinu\w*|\bwithout stopping|\bnot (?:be )?stopped|继续|不停|无需停", re.I)
_RESTARTS = lazy(r"\b(?:restart|resum)\w*|\bback on (?:it|them)\b|\bback on\s*\?|恢复", re.I)


def _cardiology_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part,
                      q: Question) -> tuple[list[tuple[float, Sentence]], bool]:
    """After a recent coronary stent, what to do with the antiplatelet drugs is first cardiology's call: the sentence
    saying so leads a hold answer, before any interval."""
    if not DRUG_DECISION.intersection(part.aspects) or not CARDIOLOGY_DECIDES.intersection(q.all_concepts) \
            or RESTART_ASK.search(part.text) or _CONTINUED in q.concepts or _CARDIOLOGY_AGREED.search(q.text):
        # (when to restart, once it was stopped, is the drug's interval; cardiology's leave told, "心内科说可以停", is no news)
        # (a follow-up keeps the stent told before: "and if it was a kyphoplasty instead?"; cardiology's word told, "cardiology
        # won't let him stop it", is no news: what may be done on the drug answers)
        return above, False
    says = next(((sc, s) for sc, s in pool if sc > 0 and CARDIOLOGY_DECIDES & s.concepts and _NEVER_STOP.search(s.text)), None)
    if says is None:
        return above, False
    rest = [t for t in above if t[1] is not says[1]]
    if stent_age(q) >= 12:  # a stent of years ago: the interval answers first (a recent stent's rules left the pool, see
        # `_not_this_patients`), the stent's caution follows
        return [*rest[:1], says, *rest[1:]], False
    return [says, *rest], True


# cardiology's leave to stop the drug ("cardiology says we can stop it", 心内科说可以停)
_CARDIOLOGY_AGREED = lazy(r"\bcardiology\b[^.?]{0,25}\b(?:ok(?:ay)?'?d?|agreed?|approved?|cleared?|happy|fine|says? (?:we |you |i )?can)\b|"
                          # (or told as the condition: "if cardiology say ticag can be held")
                          r"\b(?:if|once|when) (?:cardiology|the cardiologists?|cards)\b[^.?]{0,12}\b(?:says?|agrees?|okays?|clears?)\b[^.?]{0,30}\b(?:can|may|could) be (?:held|stopped)\b|"
                          r"心内科[^，。？]{0,6}(?:说|同意|认为|表示)?(?:可以|能|同意)停", re.I)
_WHETHER_NEEDED = lazy(r"\b(?:do|does|should|must) (?:we|i|you|she|he|they) (?:really )?(?:need|have) to\b|\bis (?:it|that) (?:really )?"
                             r"(?:needed|necessary|required)\b|需要[^，。？?]{0,12}(?:吗|么)|要不要|需不需要|是否需要|有没有必要|有必要", re.I)


# whether the patient's condition raises the risk ("出血风险高吗", "is her bleeding risk higher with AS?")
_RISK_HIGHER_ASK = lazy(r"(?:风险|危险)(?:会|是否)?(?:更|比较|较)?(?:高|大|增加)(?:吗|么|不|些吗)|(?:风险|危险)(?:高|大)不(?:高|大)|"
                              r"\b(?:is|are) (?:the |her |his |their )?(?:[\w-]+ )?risks? (?:any )?"
                              r"(?:higher|increased|raised|greater|high)\b|\bat (?:a )?(?:higher|increased|greater) risk\b|"
                              r"\bdoes (?:it|that|this|\w+) (?:raise|increase) (?:the |her |his )?(?:bleeding |ha?ematoma )?risk\b|"
                              # (asked bare after the patient's condition: "on MTX + adalimumab … lumbar ESI. infection risk?")
                              + BARE_RISK_ASK, re.I)


def _condition_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                     sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"Pregnant 12 weeks, can I do an SI joint injection?": a sentence naming the patient's condition (pregnancy,
    thrombocytopenia) leads the answer on whether the procedure may be done, before the procedure's general risks (not
    another procedure's contraindication list that names it)."""
    # (or whether a safeguard is needed for it: "海鲜过敏…需要提前用激素预防吗？", what the sources say of the condition decides)
    # (or whether the condition raises the procedure's risk: "强直性脊柱炎患者做腰椎硬膜外注射，出血风险高吗？")
    if not (part.aspects[:1] == ("contraindications",) or part.aspects[:1] == ("prevention",) and _WHETHER_NEEDED.search(part.text)
            or _RISK_HIGHER_ASK.search(part.text)) or not above:
        return above, False
    # (and a finding told with its value, "INR 1.6 this morning, can I go ahead?": what the sources say of it decides)
    valued = {m.concept for m in q.matches if m.concept in _DECIDING_LABS and _VALUE_AFTER.match(q.text, m.end)}
    # (not the pain the procedure is done for: "she also has CRPS R arm, consultant wants to do the R SGB now")
    cond = {c for c in _own(part, q) if (sig.kinds.get(c) == "condition" and c not in TREATED_CONDITIONS) or c in valued}
    # (with no drug asked, a sentence naming the condition among a drug's criteria, and no procedure, is the drug's:
    # hypertension among the candidates for bridging a warfarin hold is no answer for a high blood pressure before an SIJ
    # injection)
    naming = [t for t in pool if cond & t[1].concepts and not t[1].provenance and not other_procedure(t[1], part, q, sig)
              and not _drug_only(t[1], part, q, _own(part, q), sig)]
    # (the risk of a complication asked, "老年…PVP后相邻椎体再骨折的风险大不大": one naming the patient's condition in a
    # passage on another complication, a haematoma review's older women, is not about it)
    harms = {c for c in _own(part, q) if sig.kinds.get(c) == "complication"}
    naming = [t for t in naming if not harms or harms & (t[1].concepts | set(t[1].chunk.concepts))]
    if not naming and cond and not harms and part.aspects[:1] == ("contraindications",):
        # ("BP 190/100 before a lumbar TFESI, can we go ahead?": no sentence names it; the procedure's own list of
        # contraindications, or its broader one's, leads - what the sources do say decides whether it may go ahead)
        # (and nothing else: the procedure's steroid choice or lead migration is no answer to whether it may go ahead)
        listing = [t for t in pool if CONTRAINDICATION in t[1].concepts and not t[1].provenance
                   and not other_procedure(t[1], part, q, sig) and not _drug_only(t[1], part, q, _own(part, q), sig)]
        # (the asked procedure's or its broader family's lists first: all ESIs' before a cervical ILESI's)
        near = set().union(*(sig.closure.get(c, frozenset()) | {c} for c in _own(part, q) if sig.kinds.get(c) == "procedure"))
        listing.sort(key=lambda t: sum(sig.kinds.get(c) == "procedure" and c not in near for c in t[1].concepts))
        return (listing[:2], True) if listing else (above, False)
    if not naming or naming[0][0] < 0.3 * above[0][0]:
        return above, False
    # (one that lists the condition among the procedure's contraindications or cautions comes first: whether it may go ahead)
    listed = [t for t in naming if CONTRAINDICATION in t[1].concepts and t[0] >= 0.5 * naming[0][0]]
    # (else one that says what to do for it, "consult the cardiac device team; bipolar RF", before a list of risk factors)
    listed = listed or [t for t in naming if t[1].group == "prevention" and t[1].action and t[0] >= 0.5 * naming[0][0]]
    naming = listed[:1] + [t for t in naming if t not in listed[:1]]
    # (and no sentence on other patients' conditions only: the bleeding-risk upgrade for renal disease is not a pregnant
    # patient's answer)
    # (a lab value told, "plt 62k, ok for TFESI?", asks about its condition alone: the procedure's other risks are not asked)
    # (the procedure's bleeding-risk class stays: it is the other half of whether a low platelet count may go ahead)
    others = [t for t in above if t is not naming[0] and not (cond & t[1].concepts)
              and not ((sig.risk_classes & t[1].concepts or CLASS_CONCEPT in t[1].concepts) and not rival(t[1], _own(part, q), sig, ("region",)))
              and (bool(q.stand_ins) or any(sig.kinds.get(c) == "condition" for c in t[1].concepts))]
    return [naming[0], *(t for t in above if t is not naming[0] and t not in others)], True


def _whom_to_bridge_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                          sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"mechanical AVR on warfarin, needs lumbar TFESI, bridge?": the sentence that names the patient's condition among
    those bridged (or not) leads, before a trial of other patients (the BRIDGE trial's AF patients)."""
    if _BRIDGING not in part.concepts or not above or not _WHETHER_BRIDGED.search(part.text):
        return above, False  # (not when the last bridging dose is asked: "if we bridge with enoxaparin, when is the last dose?")
    told = (*part.concepts, *part.inherited)
    # (a patient on a DOAC: that DOACs are not bridged, whatever her condition)
    doac = _DOAC in told or any(_DOAC in sig.parents.get(c, frozenset()) for c in told)
    cond = {_DOAC} if doac else {c for c in told if sig.kinds.get(c) == "condition"}
    naming = next((t for t in pool if _BRIDGING in t[1].concepts and cond & t[1].concepts and not t[1].provenance and t[0] > 0
                   and (not doac or _NOT_BRIDGED.search(t[1].text))), None)
    if naming is None or naming[1] is above[0][1]:
        return above, False
    return [naming, *(t for t in above if t[1] is not naming[1])], True


def _rate_first(lead: tuple[float, Sentence], above: Sequence[tuple[float, Sentence]], part: Part, about: frozenset[str],
                regions: frozenset[str] = frozenset()) -> tuple[float, Sentence]:
    """"How common is PDPH after a wet tap with a 14G Tuohy?": a sentence giving the asked complication's rate ("16–86% of
    accidental dural punctures with a Tuohy needle") leads over one that only says it is a risk, when nearly as relevant."""
    if part.aspects[:1] != ("frequency",) or "comparison" in part.aspects or not about or COUNT.search(lead[1].text):
        return lead
    # (a single case leading is no rate at all: "granulomas with IT morphine, how common?" is the incidence, not the lowest dose
    # one case formed at)
    floor = 0.65 if _ONE_CASE.search(lead[1].text) else 0.85
    rated = [t for t in above if COUNT.search(t[1].text) and about & t[1].concepts and not t[1].provenance
             and t[1].group != "evidence" and not CASE_REPORTS.search(t[1].text) and t[0] >= floor * lead[0]]
    # (a rate of every region before one of a region not asked: the multicentre audit's, not a cervical series')
    rated = [t for t in rated if not _of_another_region(t[1], regions)] or rated
    # (how often the accident itself happens, "how often do you get a wet tap": not the headache's rate once it has)
    rated = [t for t in rated if not (_GIVEN_ACCIDENT.search(t[1].text) and _accident_rate_asked(part, about))] or rated
    return rated[0] if rated else lead


def _drugless_dose(s: Sentence, part: Part, q: Question, sig: Signals) -> bool:
    """Asked only for a drug's dose or limit ("max lidocaine for skin infiltration during IPG implant, 110 kg?"): a sentence
    naming neither the drug nor a class of it (the IPG's pocket pain) is about the setting, not the dose."""
    if not part.aspects or not set(part.aspects) <= {"dose", "limit"}:
        return False
    drugs = [c for c in (*_own(part, q), *part.inherited) if sig.kinds.get(c) in ("drug", "brand")]
    named = {d for c in drugs for d in (c, *sig.closure.get(c, frozenset()))}
    # (an allergy to the drug told: the sentence on what the allergic patient gets instead names the allergy, not the drug)
    allergic = bool(_ALLERGIES.intersection(part.concepts) and _ALLERGIES & s.concepts)
    return bool(drugs) and not named & s.concepts and not allergic


def _class_said(s: Sentence, chosen: Sequence[tuple[float, Sentence]], part: Part, sig: Signals) -> bool:
    """Asked how long to hold a drug: the procedure's bleeding-risk class is said once ("DRG stimulation is high risk"),
    not again in the other words of three more passages."""
    classes = sig.risk_classes | {CLASS_CONCEPT}
    drug = any(sig.kinds.get(c) in ("drug", "brand", "drug-class") for c in (*part.concepts, *part.inherited))

    def states_class(x: Sentence) -> bool:
        # (a rule stated per class, a drug's or the move up a class for a frail patient, is no statement of the class)
        # (nor is a rule for a patient's condition: "with recent VTE, consider deferring a high-risk procedure")
        return bool(classes & x.concepts) and not (NO_STOP_NEEDED.search(x.text) or _UPGRADE.search(x.text)
                                                   or any(sig.kinds.get(c) in ("drug", "brand", "condition") for c in x.concepts))
    # (the same class: a second procedure's other class is said too, "kyphoplasty high, trigger point low")
    mine = sig.risk_classes & s.concepts
    return ("hold" in part.aspects or ("timing" in part.aspects and drug)) and states_class(s) \
        and any(states_class(o) and (not mine or mine & o.concepts) for _, o in chosen if o is not s)


def _card_said(s: Sentence, chosen: Sequence[tuple[float, Sentence]], part: Part, sig: Signals) -> bool:
    """A brand's identity card ("Brilinta is ticagrelor, a P2Y12 inhibitor") beside a bullet that already names its drug
    (the interval "ticagrelor (Brilinta) is held for 5 days"): filler, unless what the drug is was asked."""
    if "definition" in part.aspects or not _IDENTITY[s.chunk.lang].search(s.text):
        return False
    drugs = {c for c in s.concepts if sig.kinds.get(c) == "drug"}
    return bool(drugs) and drugs <= {c for _, o in chosen for c in o.concepts}


# labs whose value decides whether a needle may go in (the sources' rule names them: a normalised INR); an HbA1c is a
# condition's measure, answered by the condition's caution
_DECIDING_LABS = frozenset({"inr", "aptt"})
_VALUE_AFTER = lazy(r"\s*(?:of|is|was|at|=|:|：|为|是)?\s*(?:~|about|约)?\s*\d")


def _choice_first(above: list[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"kenalog vs dex for a lumbar TF - which one?", "is depo-medrol ok for a lumbar interlaminar ESI?": the rule on which
    drug to use for the procedure leads, before what the drugs are (their particles, their labels)."""
    rules = [t for t in above if _choice_rule(t[1], part, q, sig) and not t[1].provenance and t[1].group != "evidence"
             and not other_procedure(t[1], part, q, sig)]
    if not rules or rules[0][0] < 0.5 * above[0][0]:
        return above, False
    return [rules[0], *(t for t in above if t is not rules[0])], True


def _reason_of_choice(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                      sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"Why dex rather than depo-medrol for cervical TF?", 为什么用地塞米松不用得宝松: why one is chosen over the other is the
    difference between them, a sentence setting both side by side ("dexamethasone particles … do not aggregate, whereas
    methylprednisolone acetate … forms aggregates"), before the rule the asker already knows."""
    if part.aspects[:1] != ("mechanism",):
        return above, False
    drugs = {c for c in _own(part, q) if sig.kinds.get(c) in ("drug", "brand")}
    if len(drugs) < 2:
        return above, False
    side = [t for t in pool if len(drugs & t[1].concepts) >= 2 and _SIDE_BY_SIDE[t[1].chunk.lang].search(t[1].text)
            and not t[1].provenance and t[0] >= 0.25 * pool[0][0]]
    if not side:
        return above, False
    return [side[0], *(t for t in above if t[1] is not side[0][1])], True


_SIDE_BY_SIDE = {"en": lazy(r"\b(?:whereas|unlike|in contrast)\b", re.I), "zh": lazy(r"而(?!且|言|是)|不同于|与之相比|相比之下")}


def _unseen_by_ultrasound_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part,
                                sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """A spinal injection asked of under ultrasound ("could we do it under US instead to avoid the radiation?" after her
    TFESI): what ultrasound cannot show there (epidural spread, a vessel filling) leads, before its general merits; said of
    spinal injections in general unless the neck is asked."""
    told = {*part.concepts, *part.inherited}
    if ULTRASOUND_GUIDANCE not in part.concepts or not any(SPINAL_INJECTION in sig.parents.get(c, frozenset()) or c == SPINAL_INJECTION
                                                  for c in told if sig.kinds.get(c) == "procedure"):
        return above, False
    unseen = [t for t in pool if UNSEEN_BY_ULTRASOUND.search(t[1].text) and not t[1].provenance]
    if "cervical-spine" not in told:
        unseen = [t for t in unseen if _SPINAL_IN_GENERAL.search(t[1].text)] or unseen
    if not unseen:
        return above, False
    return [unseen[0], *(t for t in above if t[1] is not unseen[0][1])], True


def _reason_of_class(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                     sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"Why is a perc SCS trial classed high bleeding risk anyway?", 为啥SCS要停波立维7天 内侧支阻滞就不用停？道理在哪: what the
    bleeding-risk grading rests on (the procedure, the anatomy at the needle, what a haematoma there would do) leads."""
    if "mechanism" not in part.aspects:
        return above, False
    classed = sig.risk_classes | {CLASS_CONCEPT}
    # (named in the ask itself, not a class the thread named before, "why does the lead migrate?"; a bare "why?" asks of it)
    told = set(part.concepts) or set(part.inherited)
    # (the class named, or two procedures weighed against each other with a drug held for one)
    procs = [c for c in told if sig.kinds.get(c) == "procedure"]
    if not classed & told and not (len(procs) >= 2 and "hold" in part.aspects):
        return above, False
    reason = [t for t in pool if GRADE_REASON.search(t[1].text) and not t[1].provenance]
    if not reason:
        return above, False
    return [reason[0], *(t for t in above if t[1] is not reason[0][1])], True


GRADE_REASON = lazy(r"\bgrade reflects\b|分级依据")  # (what the bleeding-risk grading rests on)


def _other_side_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part,
                      q: Question) -> tuple[list[tuple[float, Sentence]], bool]:
    """"now the LEFT eyelid is droopy too, small pupil on that side" after a right stellate block: the block's sign on the
    other side is unusual, and what the sources say of it (contralateral or bilateral spread) leads, not the expected
    effects of the blocked side."""
    if "stellate-ganglion-block" not in (*part.concepts, *part.inherited) or not sign_on_the_other_side(part.text, q.lang, q.history):
        return above, False
    spread = [t for t in pool if _BOTH_SIDES.search(t[1].text) and not t[1].provenance]
    if not spread:
        return above, False
    return [spread[0], *(t for t in above if t[1] is not spread[0][1])], True


_BOTH_SIDES = lazy(r"\b(?:contralateral|bilateral)\b|对侧|双侧", re.I)


def _own_red_flags_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part,
                         sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """When to come back asked of a patient with a complication told before ("什么情况要让他马上回来急诊" after a postural
    headache from a wet tap): that complication's own red flags lead, not a list whose first sign he already has."""
    if DISCHARGE_ADVICE not in part.concepts:
        return above, False
    harms = own_harms(part, sig.kinds)
    flags = [t for t in pool if harms & t[1].concepts and RED_FLAGS_NAMED.search(t[1].text) and not t[1].provenance]
    if not flags:
        return above, False
    return [flags[0], *(t for t in above if t[1] is not flags[0][1])], True


def own_harms(part: Part, kinds: Mapping[str, str]) -> set[str]:
    """The complications a part names or inherits whose own red flags it may ask for (a seizure is a sign of several
    pictures, LAST's or a stroke's, and one of PDPH's red flags: no picture of its own here)."""
    return {c for c in (*part.concepts, *part.inherited) if kinds.get(c) == "complication" and c not in _SIGN_LIKE}


_SIGN_LIKE = frozenset({"seizure"})
RED_FLAGS_NAMED = lazy(r"\bred flags?\b|\bwarning signs\b|警示征象|警示症状|危险信号", re.I)


ULTRASOUND_GUIDANCE, SPINAL_INJECTION = "ultrasound-guidance", "esi"  # (an ESI of any route asked of under ultrasound)
# what ultrasound cannot show of a spinal injection (epidural spread, a vessel filling)
UNSEEN_BY_ULTRASOUND = lazy(r"\bcannot (?:show|reliably)|partially blind|无法(?:显示|可靠)|不能(?:显示|可靠)|部分盲", re.I)
_SPINAL_IN_GENERAL = lazy(r"\bspinal injections\b|脊柱注射", re.I)


def _weighed_drug_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                        sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """Asked whether to stop a drug weighed for bleeding but never given an interval (an SSRI, fish oil: "舍曲林也要停吗？"
    before an SCS implant): what the sources say of that drug or its class leads ("SSRIs … may add to bleeding risk and are
    taken into account before high-risk procedures"), before the procedure's class."""
    if part.aspects[:1] != ("hold",):
        return above, False
    drugs = [c for c in _own(part, q) if sig.kinds.get(c) in ("drug", "drug-class")]
    names = {n for d in drugs for n in {d} | (sig.parents.get(d, frozenset()) - _BROAD_CLASSES)}
    if not drugs or not names & _WEIGHED or any(HELD & ({d} | sig.parents.get(d, frozenset())) for d in drugs):
        return above, False
    own = max((t for t in pool if names & t[1].concepts and not t[1].provenance), key=lambda t: t[0], default=None)
    if own is None:
        return above, False
    return [own, *(t for t in above if t[1] is not own[1])], True


def _members_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part,
                   sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"Which pain procedures are classed as high bleeding risk?": the list of the class's members leads (not that the
    guideline grades procedures, nor one member's own class)."""
    classes = sig.risk_classes.intersection(part.concepts)
    if not classes or not _MEMBERS_ASK.search(part.text):
        return above, False
    lists = [t for t in pool if classes & t[1].concepts and not t[1].provenance and _MEMBERS_LISTED.search(t[1].text)
             and sum(sig.kinds.get(c) == "procedure" for c in t[1].concepts) >= 4]
    if not lists:
        return above, False
    best = max(lists, key=lambda t: t[0])
    return [best, *(t for t in above if t[1] is not best[1])], True


# which procedures a class holds ("which pain procedures are classed as high risk?", 哪些操作属于高风险)
_MEMBERS_ASK = lazy(r"\b(?:which|what)\b(?:\s+[\w-]+){0,2}\s+(?:procedures|injections|blocks|interventions)\b|"
                    r"\blist (?:of )?(?:the )?(?:[\w-]+ )?(?:procedures|injections)\b|哪些(?:[\u4e00-\u9fff]{0,4})(?:操作|手术|治疗|项目)", re.I)
_MEMBERS_LISTED = lazy(r"\binclude|\bare\b[^.]{0,40}:|包括|有：", re.I)


def _prevented_harm_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                          sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"…the saline infusion rate, and what complication is that meant to prevent?": the sentence naming a complication
    together with the measure asked about (saline) leads, not another complication of the procedure (its PDPH)."""
    if not HARM_PREVENTED[q.lang].search(part.text) or not above:
        return above, False
    measures = {c for c in (*part.concepts, *part.inherited) if sig.kinds.get(c) not in ("procedure", "complication", None)}
    named = [t for t in pool if measures & t[1].concepts and any(sig.kinds.get(c) == "complication" for c in t[1].concepts)
             and not t[1].provenance and t[0] >= 0.5 * above[0][0]]
    if not named:
        return above, False
    named.sort(key=lambda t: t[1].group not in ("complications", "risk"))  # (what it causes, before a precaution naming it)
    return [named[0], *(t for t in above if t[1] is not named[0][1])], True


def _class_member_next(rest: list[tuple[float, Sentence]], best: Sentence, pool: Sequence[tuple[float, Sentence]], part: Part,
                       q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """"得宝松可以用于颈椎经椎间孔注射吗": the lead gives the rule for the drug's class (no particulate steroid for a cervical
    TFESI) without naming the drug; the sentence that puts the drug in that class comes next."""
    member = _class_member(best, pool, part, q, sig)
    return rest if member is None else [member, *(t for t in rest if t[1] is not member[1])]


def _class_member(best: Sentence, pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                  sig: Signals) -> tuple[float, Sentence] | None:
    """The sentence that puts the asked drug in the class the lead's rule names (`_class_member_next`)."""
    drugs = [c for c in _own(part, q) if sig.kinds.get(c) in ("drug", "brand")]
    classes = {k for d in drugs for k in sig.parents.get(d, frozenset()) if sig.kinds.get(k) == "drug-class"} & best.concepts

    def names(s: Sentence) -> bool:  # the drug, or the drug a brand is (Brilinta: ticagrelor)
        return any(d in s.concepts or {p for p in sig.parents.get(d, frozenset()) if sig.kinds.get(p) == "drug"} & s.concepts
                   for d in drugs)
    if not classes or names(best):
        return None
    members = [t for t in pool if classes & t[1].concepts and names(t[1]) and not t[1].provenance
               and not other_procedure(t[1], part, q, sig)]  # (discography's cefazolin is no SCS implant's)
    # (a statement of what the drug is before an evidence note comparing it with another product)
    return min(members, key=lambda t: (t[1].group == "evidence", -t[0])) if members else None


_NOT_FOR = lazy(r"\bnot (?:appropriate|indicated|needed|recommended|required)\b|\bno (?:need|role)\b|不宜|不需要|无需|不必|不推荐", re.I)
_VKA = frozenset({"warfarin", "vka"})


def _doac_bridge_first(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, q: Question,
                       sig: Signals) -> tuple[list[tuple[float, Sentence]], bool]:
    """"On rivaroxaban - do they need LMWH bridging?": the sources say a DOAC is not bridged, so that sentence leads,
    before who is at high thromboembolic risk (the criteria for bridging a warfarin hold). Not when warfarin is named."""
    own = set(_own(part, q)) | set(part.inherited)
    # (the drug held told before, "should I bridge her with clexane while off it?" after apixaban; the bridging agent
    # named is no drug of the patient's)
    drugs = {c for c in (*own, *q.context_concepts) if sig.kinds.get(c) in ("drug", "drug-class", "brand")
             and "heparin" not in sig.closure.get(c, frozenset()) and c not in ("heparin", "lmwh")}
    doac = {c for c in drugs if c == "doac" or "doac" in sig.parents.get(c, ())}
    # (bridging asked in this part: "术后多久能恢复利伐沙班" after "要不要用克赛桥接？" asks the restart)
    # (or carried into a follow-up that swaps the drug for a DOAC: "and if he'd been on apixaban not warfarin?" after
    # "does he need clexane bridging?"; the warfarin swapped out is no VKA of the patient's)
    # (not the DOAC's restart asked after the bridging question: "术后多久能恢复利伐沙班")
    swapped = q.followup and "bridging-anticoagulation" in part.inherited and bool(doac & set(part.concepts)) \
        and bool(_DRUG_SWAPPED.search(part.text))
    if ("bridging-anticoagulation" not in _own(part, q) and not swapped) or not doac or drugs - doac \
            or any((c in _VKA or _VKA & sig.parents.get(c, frozenset())) and c not in q.excluded for c in q.all_concepts):
        return above, False
    says = next(((sc, s) for sc, s in pool if {"doac", "bridging-anticoagulation"} <= s.concepts and _NOT_FOR.search(s.text)
                 and not s.provenance), None)
    if says is None:
        return above, False
    return [says, *(t for t in above if t[1] is not says[1])], True


_DRUG_SWAPPED = lazy(r"\binstead\b|\bnot (?:on )?(?:the )?warfarin\b|\brather than\b|\b(?:had|'d) been on\b|\bwhat if (?:he|she|they)(?:'s| is| was| were)? on\b|"
                    r"换成|改成|改吃|如果(?:是|吃的是)", re.I)
_AGO = {"en": lazy(r"(\d+(?:\.\d+)?)\s*(years?|yrs?|y|months?|mos?|mo|weeks?|wks?|days?)\s*(?:ago|prior|back|old|post)\b", re.I),
        "zh": lazy(r"(\d+|[一两二三四五六七八九十]+)\s*(年|个月|月|周|个星期|星期|天)(?:多|余)?(?:前|之前|以前|了)|"
                   r"(?:支架|PCI)(?:术后|后)\s*(\d+|[一两二三四五六七八九十]+)\s*(年|个月|周|天)")}
# a stent told as recent without a number ("another DES last month", "上个月又放了一个支架", "recently stented")
_RECENTLY = lazy(r"\blast (?:month|week)\b|\brecent(?:ly)?\b|\bjust (?:had|got|placed|stented)\b|上个?月|上周|最近|近期|刚(?:放|植入|置入|做)", re.I)
# the year a stent was placed, written next to it ("stent 2019", "DES in 2019", "2019 stent", 2019年放的支架; never a
# guideline's year, "ASRA 2018 - stent pt", nor a dose, "stent, heparin 2000 units")
_IN_YEAR = lazy(r"(?:\b(?:stent(?:ed|s)?|DES|BMS|PCI)\b|支架)\s*(?:(?:was |were )?(?:placed |inserted |put in |done )?(?:in |since |from )?)?"
                      r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* )?\(?((?:19|20)\d\d)(?!\d)(?!\s*(?:units?|iu|mg|ml)\b)|"
                      r"\b((?:19|20)\d\d)\s*(?:年)?\s*(?:(?:放的?|植入的?|置入的?|做的?|placed|inserted)\s*)?(?:stent|DES|BMS|PCI|(?:冠脉)?支架)", re.I)
_ZH_NUM = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def stent_age(q: Question) -> float:
    """How long ago the stent was placed, as told most recently (this turn, else the turns before, newest first: "what if
    the stent was placed 2 months ago instead?" after "stent 3 years ago")."""
    return next((m for m in map(_months_ago, (q.text, *reversed(q.history))) if m), 0.0)


def _months_ago(text: str, this_year: int | None = None) -> float:
    """How long ago the question's event was, in months ("stent 2 yrs ago", 支架术后8个月; "stent 2019": at least the
    whole years since then, so last year's stent may be weeks old); the most recent when several are told ("stent 2019,
    new DES 2 months ago"); 0 when it does not say."""
    year_now = this_year or datetime.date.today().year
    ages: list[float] = []
    for m in _IN_YEAR.finditer(text):
        year = int(m.group(1) or m.group(2))
        if 1980 <= year <= year_now:
            ages.append(max(0.0, (year_now - year - 1) * 12.0))
    for rx in _AGO.values():
        for m in rx.finditer(text):
            n, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            value = float(n) if n[0].isdigit() else float(_ZH_NUM.get(n, 0))
            per = 12 if unit[0].lower() in "y年" else 1 / 4.3 if unit[0].lower() in "w周星" or unit.startswith("个星") else \
                1 / 30 if unit[0].lower() in "d天" else 1
            # (weeks or days only of a stent told beside them: "last dose 2 days ago" dates no stent)
            if per >= 1 or _near_stent(text, m.start(), m.end()):
                ages.append(value * per)
    ages += [0.5 for m in _RECENTLY.finditer(text) if _near_stent(text, m.start(), m.end())]
    # (a stent placed last year or this year: its age is not known to be a year, so it counts as recent, and the newest
    # stent told decides: "DES 2025, and an old BMS in 2015")
    return min(a if a > 0 else 0.01 for a in ages) if ages else 0.0


_STENT_WORD = lazy(r"\b(?:stent\w*|DES|BMS|PCI)\b|支架", re.I)


def _near_stent(text: str, start: int, end: int) -> bool:
    """Is a stent named (or placed) in the clause of a time told ("another DES last month", "上个月又放了一个"; not "last plavix
    dose 2 days ago")?"""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
    clause = text[left:right]
    return bool(_STENT_WORD.search(clause) or _PLACED.search(clause)) and not _DOSE_TOLD.search(clause)


_CLAUSE_END = lazy(r"[,，.;；。?？!！]")
_PLACED = lazy(r"\b(?:placed|inserted|put in|stented)\b|放了|又放|植入|置入", re.I)
_DOSE_TOLD = lazy(r"\bdose\b|\btook\b|\btaken\b|\bstopped\b|\bhold\w*|\bheld\b|\boff\b|\bprior\b|\bbefore\b|吃|服|停|术前", re.I)


# a rule about a recent stent ("after recent coronary stenting", "In a patient with a recent stent", 近期植入支架)
RECENT_STENT = lazy(r"\brecent(?:ly)? (?:coronary )?stent|\brecent (?:\w+ )?(?:pci|stenting)\b|近期(?:行|植入|置入)?(?:冠状动脉|冠脉)?支架", re.I)
# "must never be stopped ... without input from cardiology", "未经心内科会诊绝不可停用"
_NEVER_STOP = lazy(r"\bnever\b|must not|without (?:input from |consulting )?(?:the )?cardiolog|心内科|绝不可|不可停用", re.I)
LOW_RISK = "low-bleeding-risk-procedure"
_STOPPED_OWN = frozenset({"anticoagulant", "antiplatelet"})
_ASPIRIN_LIKE = frozenset({"aspirin", "nsaid"})
HIGHER_RISK = frozenset({"intermediate-bleeding-risk-procedure", "high-bleeding-risk-procedure"})
_HIGH_RISK = "high-bleeding-risk-procedure"  # (a high-risk procedure has no class above it to move to)
# (moves a patient up a class; not "places cervical facet procedures one step above thoracic and lumbar ones", a class)
UPGRADE_RULE = lazy(r"next-higher|next higher|upgrad|高一级|升级|上调", re.I)
_UPGRADE = UPGRADE_RULE
_CLAUSE = lazy(r"[,，;；。!！]\s*|[?？]\s*(?=\S)|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # a question's clauses
_HOW_LONG = lazy(r"how long|how many|how soon|\bwhen\b|多久|几天|多长|多少天|什么时候|何时", re.I)  # an interval, not whether
# A patient whose antiplatelet drugs are never stopped without cardiology: the stent, not the procedure's class, answers.
CARDIOLOGY_DECIDES = frozenset({"coronary-stent"})
# "low- and intermediate-risk procedures may not require stopping them", "低风险操作继续服用"
NO_STOP_NEEDED = lazy(r"may not (?:require|need) stopping|need not be stopped|continued for (?:a |the )?low|little change to anticoag|"
                             r"可能无需停|无需停用|不需要停|低风险操作继续|基本不调整抗凝", re.I)
# "do I need to stop it?", "要不要停药": whether the drug is stopped at all (not how long)
_WHETHER_TO_STOP = lazy(
    r"\b(?:do|does|would|will) (?:i|we|he|she|they|you) (?:\w+ )?(?:need|have) to (?:stop|hold)|\bneeds? to (?:be )?(?:stopp|held|hold|stop\b)|"
    r"\b(?:stop|hold)(?: it| them)? or not\b|without stopping|\b(?:stop|hold)(?: it| them)?\s*\?\s*$|\b(?:continue|keep (?:him|her|them) on|carry on|keep (?:it|taking|going))\b|"
    r"\bshould (?:i|we) (?:stop|hold)|\bhave to (?:stop|hold)|\bmust (?:i|we) (?:stop|hold)|"
    r"要不要停|需不需要停|需要停.{0,8}吗|停不停|(?:要|得|该|需)停(?:药|用|掉)?吗|(?<!需)要停(?!留|止)[^，。？?多几]{1,10}吗|用停吗|不停药|可以不停|该不该停|必须停.{0,6}吗|继续(?:服|用|吃)|"
    r"能不能不停|能不停吗|可不可以不停|不停(?:行不行|可以吗|行吗)", re.I)


def _only_about(near: Collection[str], sig: Signals) -> Callable[[Sentence], bool]:
    """Does a sentence name no complication other than these (the asked one, its broader, related and narrower ones)?"""
    return lambda s: not any(sig.kinds.get(c) == "complication" and c not in near for c in s.concepts)


_CONTRA = lazy(r"contraindicat|should not be (?:done|performed|used)|禁忌|不宜|不应(?:进行|实施|使用)", re.I)


def lacks_contraindications(part: Part, bullets: Sequence[Bullet]) -> bool:
    """Were contraindications asked ("contraindications to vertebroplasty?") and does none of the part's bullets name
    one? Then the answer says so before what it has (cement-leak risk factors are no contraindication)."""
    return part.aspects[:1] == ("contraindications",) and bool(_CONTRA.search(part.text)) \
        and not any(_CONTRA.search(b.sentence.text) for b in bullets)


def lacks_asked_dose(part: Part, bullets: Sequence[Bullet]) -> bool:
    """Was a dose asked in words ("dexamethasone dose for a lumbar TFESI?") and does none of the part's bullets give one?
    Then the answer says so before what it has (a steroid choice is no dose)."""
    # (a ceiling asked as an amount, "地米最多打多少mg", is a dose too)
    # (a ratio asked, "how many times the CNS dose": the ratio answers it; an amount in mg, "地塞米松用几毫克", a mass)
    kind = _narrow_kind(part) or (_MASS if _MASS_ASK.search(part.text) else _KIND["dose"])
    # (a starting dose asked, "口服吗啡120mg/天 转鞘内起始剂量": a ceiling is no starting dose)
    starting = bool(_START_ASK.search(part.text))
    tapering = bool(_TAPER.search(part.text))  # (and a taper asked, "口服阿片要怎么减？", by a sentence that tapers)
    return ((part.aspects[:1] == ("dose",) or part.aspects[:2] == ("limit", "dose"))
            and bool(_ASKS_DOSE.search(part.text) or _GIVE_HOW.search(part.text))
            and not any(kind.search(b.sentence.text) and not (starting and (_CEILING.search(b.sentence.text) or not _START.search(b.sentence.text)))
                        and not (tapering and not _TAPER.search(b.sentence.text)) for b in bullets))


_START_ASK = lazy(r"\bstart(?:ing)? (?:dose|rate)|\binitial (?:dose|rate)|\bdose to start\b|\bstart (?:\w+ )?(?:at|on|with) what\b|"
                        r"起始剂量|初始剂量|起始量|初始量|开始剂量|起始速度|从多少(?:开始|起)", re.I)
# ... which a sentence gives when it names the start (a bolus, a first or loading dose), not a case's dose or a ceiling
_START = lazy(r"\bstart\w*|\binitial\w*|\bbegin\w*|\bfirst dose|\bbolus|\bloading|\btitrat\w*|起始|初始|开始|首剂|首次|推注|负荷|滴定", re.I)
_TAPER = lazy(r"\b(?:taper|wean)\w*|减量|(?:怎么|如何|咋)减(?![少轻低小缓])|逐渐减|递减", re.I)  # (咋减少渗漏: how to prevent)
_CEILING = lazy(r"\bceiling|\bupper limit|\bmaxim\w*|\bmax\b|\bcap(?:s|ped)?\b|not (?:to )?exceed|上限|最大|最高|不超过|封顶", re.I)


_HOW_LONG_SPAN = lazy(r"\bhow long\b|\bhow (?:soon|early)\b|\bhow many (?:hours|days|weeks)\b|多久|多长时间|几个?小时|几天|几周|多早|"
                            # when a complication usually appears ("when does it usually show up?", 一般什么时候出现)
                            r"\bwhen (?:does|do|would|will) (?:it|they|this|that|the \w+) (?:usually |typically |normally |tend to )?"
                            r"(?:show up|appear|present|start|begin|develop|occur|happen|come on)\b|(?:一般|通常|多在)?什么时候(?:出现|发生|发作)", re.I)


def gives_dose(s: Sentence) -> bool:
    """Does the sentence give a dose (an amount of a drug, per kilogram or in all)?"""
    return bool(_KIND["dose"].search(s.text))


def lacks_restart(part: Part, bullets: Sequence[Bullet]) -> bool:
    """Was a held drug's restart asked ("and when can it be restarted after?" of fondaparinux) and does none of the
    part's bullets say when a drug restarts? Then the answer says so before its hold figures."""
    return _narrow_kind(part) is _DRUG_RESTART and not any(_DRUG_RESTART.search(b.sentence.text) for b in bullets)


def lacks_asked_span(part: Part, bullets: Sequence[Bullet]) -> bool:
    """Was a length of time asked ("要观察多久", "how long do we watch her?") and does none of the part's bullets give
    one? Then the answer says so before what it has (the overdose's management is no observation period)."""
    # (a longest time, "how many days max for the trial", asks a length of time too)
    # (how long the patient is watched is told only by a sentence about watching: "decompression within 8 h" is not it)
    watch = bool(_OBSERVE_ASK.search(part.text))
    # (when to eat or drink is told only by a sentence about eating: "做完多久可以吃东西？" after a TFESI, whose passages have
    # none; a stellate block's sip test is its own)
    meal = ORAL_INTAKE in part.concepts
    return "timing" in part.aspects[:2] and part.aspects[:1] in (("timing",), ("limit",)) and bool(_HOW_LONG_SPAN.search(part.text)) \
        and not any((_TIME_SPAN.search(b.sentence.text) or _ROUGH_SPAN.search(b.sentence.text))
                    and (not watch or _OBSERVED.search(b.sentence.text)) and (not meal or ORAL_INTAKE in b.sentence.concepts)
                    for b in bullets)


ORAL_INTAKE = "oral-intake"  # (when to eat or drink: a topic the answer engine checks too)


# How long the patient stays under watch after a procedure ("how long should pts be observed", "要观察多久才能走")
_OBSERVE_ASK = lazy(r"\b(?:observed?|observation|monitor(?:ed)?|kept|keep (?:them|him|her|the (?:pt|patient)))\b(?! for\b)[^.?]{0,40}"
                          r"\b(?:(?:before|until)\s+(?:discharge|going home|they go|she goes|he goes|they leave|she leaves|he leaves|we send)|after)\b|"
                          r"\bbefore (?:discharge|going home|they go|she goes|he goes)\b|"
                          r"(?:观察|留观|监护|监测)(?:多久|多长时间|几个?小时)|(?:多久|多长时间|几个?小时)(?:才能|可以|能)(?:走|离院|出院|回家)", re.I)
_OBSERVED = lazy(r"\b(?:observ\w*|monitor\w*|recovery|discharg\w*|stay\w*|watch\w*)\b|观察|留观|监护|监测|离院|出院", re.I)


COMPARATIVE = _COMPARATIVE = lazy(r"\bthan\b|\b(?:more|less|fewer|higher|lower|greater|smaller)\b|\bvs\.?\b|\bversus\b|\bcompared\b|"
                          r"高于|低于|多于|少于|更(?:高|低|多|少|常见)|相比|对比", re.I)
# A note on how a source was read (only its abstract, an excerpt, a table recalled): the facts it concerns carry their
# own "unverified" hedge; the note itself answers nothing but a question about the evidence.
# (a hedge on a fact, "these figures are attributed to Cameron 2004 from memory and are unverified", stays with it)
_HOW_READ = {"en": lazy(r"\bonly the abstract\b|\babstract (?:was )?read\b|\bexcerpt read\b|\bwas read\b", re.I),
             "zh": lazy(r"仅阅读|只阅读|仅读了|所读摘录|已读摘要")}
# a length of time told in words ("within days", "常在数日后出现")
_ROUGH_SPAN = lazy(r"\b(?:a few|several|within|over|after) (?:hours|days|weeks|months)\b|(?:数|几)(?:个)?(?:小时|天|日|周|月)", re.I)


def lacks_asked_figure(part: Part, bullets: Sequence[Bullet]) -> bool:
    """Was a figure of one kind asked (a thickness) and does none of the part's bullets give one? Then the answer says
    so before what it has (time, distance and shielding are no apron thickness)."""
    if any(ask.search(part.text) and not any(kind.search(b.sentence.text) for b in bullets) for ask, kind in _ONE_FIGURE_ASKS):
        return True
    # (a rate asked, "ESI后硬膜外血肿发生率多少", and no bullet of the part gives a count: said so, not left to be inferred)
    return bool(bullets) and part.aspects[:1] == ("frequency",) and bool(_NUMBERS_ASK.search(part.text) or _HOW_OFTEN.search(part.text)) \
        and not any(COUNT.search(b.sentence.text) or _ZERO_SEEN.search(b.sentence.text) or _EVENTS_IN.search(b.sentence.text) for b in bullets)


# events counted in a series ("75 cement leaks occurred in 211 vertebroplasties", "211 例椎体成形术共发生 75 处骨水泥渗漏")
_EVENTS_IN = lazy(r"\b\d[\d,]*\s+(?:[a-z-]+\s+){0,4}(?:occurred|were seen|were found|were reported)\s+in\s+\d[\d,]*\b|"
                  r"\d[\d,]*\s*例[^。；]{0,20}?(?:共)?(?:发生|出现|见)\s*\d+\s*(?:例|处|次)", re.I)
# "no delayed bleeding", "none had …", 未发生: a series that saw none of it gives a count too
_ZERO_SEEN = lazy(r"\bno (?:delayed |major |serious )?[a-z]+ (?:was|were) (?:seen|reported|found)|\bfound no\b|\bnone (?:of|had|developed)\b|"
                        r"\b(?:no|zero) cases?\b|未发生|无一例|均未|0\s*例", re.I)


def restates_tried(s: Sentence, part: Part, q: Question, others: Callable[[Sentence], bool] = lambda s: True,
                   kinds: Mapping[str, str] = {}) -> bool:  # noqa: B006 (read only)
    """Does the sentence only tell again the treatment the question says has failed ("conservative treatment is paracetamol,
    caffeine and fluids" after "fluids and caffeine didn't help"), with no word of what comes next, for a part that asks
    what to do next (a part asking when the patch is done may have the sentence that weighs it against waiting)? A failed
    blood patch's own "definitive treatment" sentence says nothing next either, unless it names a repeat or another
    treatment (`others`: does the sentence name a treatment besides the failed ones?)."""
    if "escalation" not in part.aspects or part.aspects[:1] not in (("escalation",), ("action",)) or not set(q.tried) & s.concepts:
        return False
    if "timing" in part.aspects and _KIND["timing"].search(s.text) and set(part.concepts) - set(q.tried) & s.concepts:
        return False  # ("保守治疗多久无效要做EBP？": early patching at 24–48 h weighed against conservative care first)
    # ("about 1 in 5 need a second blood patch": doing the failed procedure again is what comes next)
    return not (_KIND["escalation"].search(s.text) or _repeats_tried(s, q, kinds)) or not (others(s) or _ANOTHER_GO.search(s.text))


# Doing it again ("a second blood patch", 第二次); what comes after a treatment that failed: that, or something else.
_AGAIN = lazy(r"\b(?:second|repeat\w*|again)\b|第二次|再次|重复", re.I)
_ANOTHER_GO = lazy(_AGAIN.pattern + r"|\b(?:another|alternative|instead|less invasive)\b|另一|替代|改用|创伤较小", re.I)


def asks_whether_to_stop(text: str) -> bool:
    """Does a clause ask whether to stop the drug at all, not how long ("要停吗 术后多久能恢复" asks both; "how long do
    I hold it?" only how long)?"""
    return any(_WHETHER_TO_STOP.search(c) and not _HOW_LONG.search(c) for c in _CLAUSE.split(text))


def _classes_procedure(s: Sentence, own: Sequence[str], sig: Signals) -> bool:
    """Does the sentence name one of the question's procedures (or the structure it treats: "thoracic and lumbar facet
    procedures" for a lumbar facet RF) together with that procedure's bleeding-risk class (the lexicon links each
    procedure to its class)?"""
    def names(c: str) -> bool:
        site = {r for r in sig.related.get(c, frozenset()) if sig.kinds.get(r) == "anatomy"}
        return c in s.concepts or bool((sig.parents.get(c, frozenset()) | site) & s.concepts)
    return any(names(c) and sig.related.get(c, frozenset()) & sig.risk_classes & s.concepts for c in own)


def select(sentences: Sequence[Sentence], q: Question, lang: Lang, idf: Callable[[str], float], dense: Mapping[str, float],
           max_bullets: int, covered: Sequence[bool], sig: Signals = Signals(), w: Weights = Weights(),
           gaps: list[int] | None = None) -> list[Bullet]:
    """The bullets of an answer: per covered part, the best sentence of the asked aspect first, then the others above
    the relevance floor, in reading order (what/how often -> risk -> prevent -> recognise/act -> evidence notes).
    Parts whose best sentence is the same one ("how long do I hold X, and when can I restart it?" answered by one
    sentence) are answered together; a sentence said under one part is not repeated under another. A part that names an
    ask of its own (ESSENTIAL: how long relief lasts, the indications) is answered only by sentences naming it; without
    any, it is left out and its index added to `gaps` (the answer then says the part is not covered)."""
    if not sentences:
        return []
    gaps = gaps if gaps is not None else []
    parts = list(q.parts) or [Part(q.text, q.concepts, q.aspects)]
    scored = [[score(s, p, q, idf, dense, lang, w, sig) if _can_answer(s, p, sig) else _NEVER for p in parts] for s in sentences]
    live = _answerable([j for j in range(len(parts)) if j >= len(covered) or covered[j]], scored, gaps)
    owner = _merge_parts(scored, live, [frozenset(c for c in p.concepts if sig.kinds.get(c) == "procedure") for p in parts],
                         # (a class named by a part, "术后多久能恢复抗凝？", is named by the sentence on its member: rivaroxaban)
                         [frozenset(p.concepts) for p in parts],
                         [s.concepts.union(*(sig.closure.get(c, frozenset()) for c in s.concepts)) for s in sentences],
                         # (and what to tell the patient after whether it is expected: "…是并发症吗？要跟病人怎么解释？")
                         # (and a bare when asked after whether, "does he need bridging … and how do i time it": the timing)
                         [_bare_on_harm(p, sig) or (p.aspects[:1] == ("advice",) and any(x.aspects[:1] == ("expected",) for x in parts))
                          or (p.aspects == ("timing",) and not p.concepts and len(parts) > 1) for p in parts])
    for row in scored:  # a merged part scores a sentence by the best of its members
        for j in live:
            row[owner[j]] = max(row[owner[j]], row[j])
    heads = sorted(set(owner.values()))
    assign, pinned = _assign(sentences, scored, parts, heads, w,
                             # (a topic another part inherits is both parts': "保守治疗无效，EBP 打多少 ml？什么时候打？")
                             [frozenset(c for c in p.concepts if sig.kinds.get(c) == "topic" and c not in q.tried
                                        and not any(c in o.inherited for o in parts if o is not p)) for p in parts])
    per_part = max(2, max_bullets // len(heads)) if len(heads) > 1 else max_bullets
    out: list[Bullet] = []
    for j in heads:
        # its best, wherever assigned (unless it gives the narrow answer another part asks)
        top = max((i for i in range(len(sentences)) if i not in pinned or assign[i] == j), key=lambda i, j=j: scored[i][j],  # type: ignore[misc]
                  default=0)
        # (a hold part may take the drug's interval from a part it was assigned to: "when do we stop it and what INR?")
        gives = (_gives_interval(parts[j], q, sig) or _gives_watch(parts[j], sig)) if len(heads) > 1 else None
        pool = _part_pool([(scored[i][j], s) for i, s in enumerate(sentences) if assign[i] == j or i == top or len(heads) == 1
                           or (gives is not None and i not in pinned and gives(s))],
                          parts[j], q, sig, lang, [b.sentence for b in out], len(heads) > 1)
        said = [b.sentence for b in out]
        if _said_before(sentences[top], said, pool, scored[top][j], parts[j], lang, sig, w):
            # its answer was said under the part before ("停几天？术后多久可以恢复？": one sentence gives both); one that
            # gives nothing of the part's own aspect ("有哪些高危因素" after a rate's "no rates are available") is not covered
            gaps.extend(k for k in live if owner[k] == j and not _gives_aspect(sentences[top], parts[j], lang))
            continue
        # nothing about it, or no dose of the asked drug or procedure (ozone: not morphine's): the part is said to be
        # not covered rather than answered with another's
        pool = _words_met(pool, parts[j], idf, w, sig, parts[j - 1]) if j else pool
        # (never LAST's 4–6 h for an overdose; nor the steroid outbreak's 48 deaths for "kyphoplasty - any deaths?")
        # (nor what a document covers, for a patient's question: "本文涵盖…腹腔神经丛阻滞…" is no management of its hypotension)
        pool = [t for t in pool if not _another_pictures_watch(t[1], parts[j], q, sig) and not _deaths_elsewhere(t[1], parts[j], q, sig)
                and not (_DOC_SCOPE[t[1].chunk.lang].search(t[1].text) and not _ABOUT_KB.search(q.text)) and not _off_the_finding(t[1], parts[j], q, sig)]
        if not pool or _undosed(pool, parts[j], q, sig) or _unleveled(pool, parts[j]) or (len(heads) > 1 and _kind_unmet(pool, parts[j], w)):
            gaps.extend(k for k in live if owner[k] == j)
            continue
        best = pool[0][0]
        floor = max(w.min_score, w.floor * best)
        every = _every(pool, scored, sentences, j) if len(heads) > 1 and _turns_on_a_rule(parts[j]) else pool
        above, leads = _with_risk_class([(sc, s) for sc, s in pool if sc >= floor or (
            (_advice_given(sc, s, best, parts[j]) or _time_given(sc, s, best, parts[j]) or span_given(sc, s, best, parts[j], w)
             or _volume_given(sc, s, best, parts[j]))
            and not rival(s, _own(parts[j], q), sig))]
                                        or [pool[0]], every, parts[j], q, sig, w)
        classed = leads  # (the class leads, and what it orders follows it: no drug-class member put next)
        # (asked why the class is what it is: what the grading rests on, before the class)
        reasoned = _reason_of_class(above, pool, parts[j], q, sig)
        above, leads = reasoned if reasoned[1] else (above, leads)
        above, leads = _cardiology_first(above, pool, parts[j], q) if not leads else (above, leads)
        above, leads = _condition_first(above, pool, parts[j], q, sig) if not leads or _RISK_HIGHER_ASK.search(parts[j].text) else (above, leads)
        above, leads = _whom_to_bridge_first(above, pool, parts[j], q, sig) if not leads else (above, leads)
        above, leads = _reason_of_choice(above, pool, parts[j], q, sig) if not leads else (above, leads)
        above, leads = _unseen_by_ultrasound_first(above, pool, parts[j], sig) if not leads else (above, leads)
        above, leads = _other_side_first(above, pool, parts[j], q) if not leads else (above, leads)
        above, leads = _own_red_flags_first(above, pool, parts[j], sig) if not leads else (above, leads)
        # (not asked what to do now: "flash of blood on DSA - proceed?" is not the choice of steroid)
        above, leads = _choice_first(above, parts[j], q, sig) if not leads and parts[j].aspects[:1] != ("action",) else (above, leads)
        above, leads = _prevented_harm_first(above, pool, parts[j], q, sig) if not leads else (above, leads)
        above, leads = _members_first(above, pool, parts[j], sig) if not leads else (above, leads)
        above, leads = _weighed_drug_first(above, pool, parts[j], q, sig) if not leads else (above, leads)
        # (from every sentence: "bridge her with clexane?" scores the DOAC rule low, naming no enoxaparin)
        above, leads = _doac_bridge_first(above, every, parts[j], q, sig) if not leads else (above, leads)
        groups = tuple(dict.fromkeys(g for k in live if owner[k] == j for g in parts[k].groups))
        # asked for the numbers, or how often anything goes wrong (no complication named: "出问题的几率多大？"), a count leads
        members = [parts[k] for k in live if owner[k] == j]  # (a merged part asks what each of its members asks)
        # (the most common one asked with its rate, "最常见的并发症有哪些？发生率多少？": a count, one ranking it first before others)
        # (not the harms to disclose at consent, "what complications should I mention and how common?": the list leads)
        numbers = any("frequency" in p.aspects and (not _MOST_ASK.search(p.text) or bool(_RATE_TOO.search(p.text)))
                      and not (p.aspects[:1] == ("complications",) and RISKS_TO_TELL[lang].search(p.text))
                      and (bool(_NUMBERS_ASK.search(p.text)) or not any(sig.kinds.get(c) == "complication" for c in _own(p, q)))
                      for p in members)
        asked_of = [c for p in members for c in (*_own(p, q), *_swap(p, _own(p, q), sig).asked)] \
            or [c for p in members for c in p.inherited]  # ("family asking how common this is": the thread's complication)
        # (a sign asked of with no complication named, "how likely … a bad headache afterwards", is the harm asked about)
        about = frozenset(c for c in asked_of if sig.kinds.get(c) == "complication") \
            or frozenset(c for c in asked_of if sig.kinds.get(c) == "finding" and numbers)
        above = _asked_too(above, pool, parts[j], members, q, sig, leads)
        above = [t for t in above if not _another_patients(t[1], q, sig)] or above  # (the diabetic's glucose, for an AS patient)
        # (a pregnant worker's limit, beside the annual staff dose limit nobody pregnant asked about)
        # (not a list of cautions naming pregnancy among others: "…pregnancy; poorly controlled diabetes…" is everyone's)
        # (a pregnancy told in everyday words, "a nurse who is expecting", 有喜了, is the lexicon's pregnancy too)
        # (unless it holds the one figure asked: "how much scatter does a lead apron stop?" - 95–98%, "and the fetus receives less")
        # (nor one said of any member of staff: "a pregnant radiographer or other staff member … need not leave the room")
        # (the worker told pregnant the turn before is still the one asked about: "剂量计要戴几个 戴铅衣里面还是外面")
        above = [t for t in above if not (_PREGNANT_WORKER & t[1].concepts and not (_PREGNANT_WORKER | {"pregnancy"}) & set(q.all_concepts)
                                          and not (q.history and _PREGNANCY_TOLD.search(q.history[-1])))
                 or _holds_figure_asked(t[1], parts[j]) or _ANY_STAFF.search(t[1].text)] or above
        # (and the converse: a pregnant worker's own limit asked, "what's my dose limit now that I've told my manager?", is the
        # fetal one, not the annual staff limit)
        above = [t for t in above if not (_PREGNANT_WORKER.intersection((*parts[j].concepts, *parts[j].inherited)) and "limit" in parts[j].aspects
                                          and not (_PREGNANT_WORKER | {"pregnancy", "embryo-fetus"}) & t[1].concepts)] or above
        above = _not_primary(above, q) or above  # (a stent or stroke patient's aspirin: never the primary-prevention rule)
        above = [t for t in above if not _unasked_brand(t[1], q, sig)] or above
        above = [t for t in above if not (_POINTER.search(t[1].text) and not _GUIDELINE_ASK.search(q.text))] or above
        above = [t for t in above if not _another_drugs_contraindication(t[1], parts[j], q, sig)] or above
        # (the procedure told done a day or more ago: its contraindications are no answer to what the patient has now,
        # "昨天打了硬膜外激素 今天血糖测了20多 要紧吗")
        # (not one naming a pregnancy found out since, "…2 days ago and just found out she's pregnant")
        above = [t for t in above if not (CONTRAINDICATION in t[1].concepts and "contraindications" not in parts[j].aspects
                                          and days_later(q.text, lang)
                                          and not {"pregnancy"} & set(q.concepts) & t[1].concepts)] or above
        # the asked aspect's best sentence, from everything above the floor (asked for numbers: the best that gives a count)
        lead = above[0] if leads else _lead(_naming_sign(above, parts[j], sig) or above, groups, _asked_kind(parts[j]), COUNT if numbers else None,
                                            _gives_interval(parts[j], q, sig), about,
                                            # (the hazards to tell at consent: the list, before the asked route's own rate)
                                            frozenset() if _consent_list(parts[j], lang) else _timed_subject(parts[j], sig) | _choice_of(parts[j], q, sig),
                                            lambda s: any(sig.kinds.get(c) == "complication" for c in s.concepts),
                                            _only_about(_near(about, sig), sig), _compared(members, q, sig),
                                            partial(_rivalled, part=parts[j], q=q, sig=sig),
                                            # (not when how often the accident happens is asked: "how often do you get a wet tap")
                                            bool(_ACCIDENT_TOLD.search(q.text)) and not _accident_rate_asked(parts[j], about),
                                            parts[j].aspects[:1] == ("action",),
                                            not days_later(q.text, lang) and not _TOLD_SINCE.search(q.text)
                                            and bool(SEEN_ON_THE_TABLE.intersection(parts[j].concepts)),
                                            lambda c: sig.kinds.get(c) == "topic",
                                            parts[j].aspects[:1] == ("frequency",)
                                            and not any(map(_is_level, (*parts[j].concepts, *parts[j].inherited))),
                                            about.union(*(sig.parents.get(c, frozenset()) for c in about)),
                                            frozenset(c for c in (*_own(parts[j], q), *parts[j].inherited)
                                                      if sig.kinds.get(c) == "procedure" and c not in sig.adjuncts),
                                            _regions_asked(parts[j], q) if numbers or parts[j].aspects[:1] == ("frequency",) else None)
        lead = _rate_first(lead, [t for t in above if not _rivalled(t[1], parts[j], q, sig)], parts[j], about,
                           _regions_asked(parts[j], q)) if not leads else lead
        lead = _regimen_before_ceiling(lead, above, parts[j], sig) if not leads else lead
        lead = _why_in_procedure(lead, above, parts[j], sig) if not leads else lead
        lead = _neck_rule_first(lead, above, parts[j], sig) if not leads else lead
        lead = _home_before_disputes(lead, above, parts[j], w) if not leads else lead
        chosen: list[tuple[float, Sentence]] = [lead]
        # (another procedure's dose or interval is no figure for this one: discography's cefazolin for an SCS implant)
        # (nor is another procedure's rate one for this one: "那感染率大概多少" after a vertebroplasty, not IT catheters')
        of_procedure = any(sig.kinds.get(c) == "procedure" and c not in sig.adjuncts for c in (*parts[j].concepts, *parts[j].inherited))
        figures = bool(_FIGURE_ASKS.intersection(parts[j].aspects)) or (parts[j].aspects[:1] == ("frequency",) and of_procedure)
        # (nor another procedure's count under its harms: the 2012 outbreak's deaths for "会不会死人？" after a vertebroplasty)
        counts = of_procedure and parts[j].aspects[:1] == ("complications",)
        for sc, s in _kind_ahead(above, lead, parts[j]):
            if len(chosen) >= per_part:
                break
            if same_point(s, [o for _, o in chosen], lang, w.dup) or (counts and _count_elsewhere(s, parts[j], q, sig)) \
                    or (figures and (other_procedure(s, parts[j], q, sig)
                                                                                   or _other_drugs_figure(s, parts[j], q, sig))) \
                    or _card_said(s, chosen, parts[j], sig) or _drugless_dose(s, parts[j], q, sig) or _class_unasked(s, q, sig) \
                    or ("hold" in parts[j].aspects and _another_drugs_hold(s, _own(parts[j], q), sig)) \
                    or _class_said(s, chosen, parts[j], sig):
                continue
            chosen.append((sc, s))
        chosen += _each_drug(chosen, pool, parts[j], q, sig, lang)
        chosen += _restart_too(chosen, pool, [parts[k] for k in live if owner[k] == j], q, sig)
        chosen += _each_member(chosen, [k for k in live if owner[k] == j], parts, sentences, scored, lang)
        # (a brand's identity card added for a member is filler beside a bullet naming its drug, as in the loop above)
        chosen = [t for i, t in enumerate(chosen) if i == 0 or not _card_said(t[1], [o for o in chosen if o is not t], parts[j], sig)]
        chosen = _at_home(chosen, sentences, [b.sentence for b in out], q, sig, lang)
        rest = _without_retold(chosen)[1:]
        order = {g: i for i, g in enumerate(GROUP_ORDER)}
        second = above[1][1] if leads and len(above) > 1 else None  # after the class that leads, the drug's interval
        # (a low class after a recent stent's caution: the rule that a low-risk procedure may need no stop follows it)
        low = second is not None and LOW_RISK in second.concepts and not HIGHER_RISK & second.concepts \
            and bool(CARDIOLOGY_DECIDES.intersection(q.all_concepts)) and stent_age(q) < 12
        rest.sort(key=lambda t: (t[1] is not second, not (low and NO_STOP_NEEDED.search(t[1].text)), t[1].provenance, t[1].group != lead[1].group, order[t[1].group], -t[0],
                                 t[1].hit_rank, t[1].position))
        rest = rest if classed or low else _class_member_next(rest, lead[1], pool, parts[j], q, sig)
        for sc, s in [lead, *rest]:
            out.append(Bullet(s, j, sc, "note" if s.provenance else "fact"))
        # (a member asking who is at risk, or what rules it out, that none of the merged answer's sentences gives is not
        # covered: "…发生率多少？有哪些高危因素" answered only by "no rates are available")
        gaps.extend(k for k in live if owner[k] == j and k != j and parts[k].aspects[:1] in (("risk_factors",), ("contraindications",))
                    and not any(_gives_aspect(s, parts[k], lang) for _, s in [lead, *rest]))
        caveat = _caveat([s for _, s in chosen], sentences, [b.sentence for b in out]) or _disputed(
            [s for _, s in chosen], sentences, [b.sentence for b in out], [c for c in _own(parts[j], q) if sig.kinds.get(c) == "procedure"],
            sig)
        if caveat is not None:
            out.append(Bullet(caveat, j, 0.0, "note"))
    return _without_reading_notes(out, parts)


# One part asking both when and for how long ("抗生素预防什么时候给、用多久", "when do I give it and for how long?")
_WHEN_AND_HOW_LONG = lazy(r"(?:什么时候|何时|啥时候)[^？?。]{0,12}(?:多久|多长时间|几天)|(?:多久|多长时间)[^？?。]{0,12}(?:什么时候|何时)|"
                                r"\bwhen\b[^?.]{0,40}\bhow long\b|\bhow long\b[^?.]{0,40}\bwhen\b", re.I)


def _naming_sign(above: list[tuple[float, Sentence]], part: Part, sig: Signals) -> list[tuple[float, Sentence]]:
    """Asked whether a sign told comes from the drug or procedure ("TFESI后脸红发热，是激素引起的吗？"): the sentences that
    name the sign (the steroid's flushing), from which the lead is chosen; nothing when none does or no sign is asked."""
    if part.aspects[:1] != ("mechanism",):
        return []
    signs = {c for c in part.concepts if sig.kinds.get(c) in ("finding", "complication", "condition")}
    # (not a list of the reports that name it, "reports of paraplegia after thoracolumbar TF injection (Glaser 2005)": it
    # gives no cause, and the mechanism is then looked for as any other ask's kind)
    return [t for t in above if signs & t[1].concepts and not CASE_REPORTS.search(t[1].text) and not _REPORTS_CITED.search(t[1].text)] \
        if signs else []


def _regimen_before_ceiling(lead: tuple[float, Sentence], above: Sequence[tuple[float, Sentence]], part: Part,
                            sig: Signals) -> tuple[float, Sentence]:
    """A dose asked ("LAST 脂肪乳怎么用 剂量多少", "lipid dose?"): the regimen (its bolus) leads, not the ceiling of the whole
    rescue, unless the ceiling is what is asked ("max dose?"); the same drug's regimen only (a lidocaine ceiling is no
    lipid bolus's)."""
    if part.aspects[:1] != ("dose",) or not _DOSE_CEILING.search(lead[1].text) or _CEILING_ASK.search(part.text) or _BOLUS.search(lead[1].text):
        return lead
    drugs = {c for c in lead[1].concepts if sig.kinds.get(c) in _DRUG_KINDS}
    return next((t for t in above if t[1] is not lead[1] and _BOLUS.search(t[1].text) and not t[1].provenance and t[1].group != "evidence"
                 and drugs and drugs <= t[1].concepts and t[0] >= 0.5 * lead[0]), lead)


# a ceiling ("upper limit", "maximum", 上限, 最大剂量) in a sentence, and asked ("max dose?", 最多, 上限)
_DOSE_CEILING = lazy(r"\bupper limit\b|\bmaximum\b|\bmax\b|\bcap(?:s|ped)? the total\b|上限|最大(?:剂量|用量)|累计最大", re.I)
_CEILING_ASK = lazy(r"\bmax\w*|\bupper limit|\blimit\b|\bceiling\b|\bhow much (?:at )?most\b|上限|最大|最多|极量", re.I)


def _advice_given(sc: float, s: Sentence, best: float, part: Part) -> bool:
    """Asked what to tell the patient ("能自己开车回家吗"): the sentence giving the advice ("都应建议患者不要驾车") is an
    answer though its words are fewer of the question's than the precaution beside it."""
    return part.aspects[:1] == ("advice",) and sc >= 0.4 * best and bool(_COUNSEL[s.chunk.lang].search(s.text))


def _time_given(sc: float, s: Sentence, best: float, part: Part) -> bool:
    """Asked when the next step comes after a failed treatment: the sentence giving its time ("早期（24–48 h）") is an
    answer though the step's definition beside it says more of the question's words."""
    return next_step_timed(part) and sc >= 0.6 * best and bool(_KIND["timing"].search(s.text)) and bool(set(part.concepts) & s.concepts)


def _volume_given(sc: float, s: Sentence, best: float, part: Part) -> bool:
    """Asked how many mL ("一个椎体打多少ml水泥算安全" after a cement embolism): the sentence giving a volume of what the
    part names is an answer though the emergency's steps told before say more of the thread's words."""
    return _narrow_kind(part) is _VOLUME and sc >= 0.6 * best and bool(_VOLUME.search(s.text)) and bool(set(part.concepts) & s.concepts)


def next_step_timed(part: Part) -> bool:
    """Does the part ask, after a treatment that failed, when the next step comes ("保守治疗多久无效要做EBP？", "how long
    should conservative treatment fail before a blood patch?")?"""
    return part.aspects[:1] == ("escalation",) and "timing" in part.aspects


def _kind_ahead(above: list[tuple[float, Sentence]], lead: tuple[float, Sentence], part: Part) -> list[tuple[float, Sentence]]:
    """The sentences after the lead, those giving a time first when nearly as relevant, for a part asking when and how
    long ("抗生素预防什么时候给、用多久": within 1 h before the incision beside the 24 h stop, before the benefit of giving
    it); any other part's as they are."""
    if not _WHEN_AND_HOW_LONG.search(part.text):
        return above
    kinds = [k for k in (_asked_kind(part), _KIND["timing"]) if k is not None]
    rest = [t for t in above if t is not lead]
    top = rest[0][0] if rest else 0.0
    ahead = [t for t in rest if any(k.search(t[1].text) for k in kinds) and not t[1].provenance and t[0] >= 0.75 * top]
    return [lead, *ahead, *(t for t in rest if t not in ahead)]


def _without_reading_notes(out: list[Bullet], parts: Sequence[Part]) -> list[Bullet]:
    """How the sources were read is no bullet unless the evidence is asked (`_HOW_READ`)."""
    if any("evidence" in p.aspects for p in parts):
        return out
    # (nor a bare "the dabigatran intervals are recalled from the guideline (unverified…)" beside a bullet that carries
    # that hedge itself)
    hedged = any(_RECALLED[b.sentence.chunk.lang].search(b.sentence.text) is None and _UNVERIFIED_CHECK.search(b.sentence.text) for b in out)
    return [b for b in out if not _HOW_READ[b.sentence.chunk.lang].search(b.sentence.text)
            and not (hedged and _RECALLED_ONLY[b.sentence.chunk.lang].search(b.sentence.text))] or out


# A sentence that only says where a rule's figures come from ("The dabigatran intervals are recalled from the guideline
# (unverified; confirm against Narouze 2018 before clinical use).", "上述…停药间隔系据指南回忆整理（未经核实…）。")
_RECALLED = {"en": lazy(r"recalled from the guideline", re.I), "zh": lazy(r"据指南回忆整理")}
_RECALLED_ONLY = {"en": lazy(r"^(?:the|these) [\w\s,-]{0,60}\b(?:intervals?|values?|figures?)\b[^.]{0,20}\bare recalled from the guideline\b[^.]*\.?$", re.I),
                  "zh": lazy(r"^(?:上述)?[^。，]{0,30}(?:间隔|数值)系据指南回忆整理[^。]*。?$")}
_UNVERIFIED_CHECK = lazy(r"unverified; confirm against|未经核实，临床使用前须与", re.I)


# When a check is made ("…and when to check?" after a steroid's glucose rise): the check's day, not the drug's timing.
_CHECK_WHEN = lazy(r"\bwhen (?:to|do (?:we|i|you)|should (?:we|i|you|she|he)) (?:check|test|measure|monitor)\b|"
                         r"什么时候(?:测|查|监测)|何时(?:测|查|监测)|哪天(?:测|查)", re.I)


def _rule_for_own_ask(s: Sentence, part: Part, said: Sequence[Sentence]) -> bool:
    """A rule naming what the part asks and no said sentence names, on the figures a part before quoted ("需要激素覆盖吗"
    after "HPA轴抑制会持续多久": the rule to give cover, for the 48 days said): a point of its own."""
    return s.group in ("prevention", "management") and bool(set(part.concepts) & s.concepts - set().union(*(o.concepts for o in said)))


def _part_pool(rows: list[tuple[float, Sentence]], part: Part, q: Question, sig: Signals, lang: Lang, said: Sequence[Sentence],
               several: bool) -> list[tuple[float, Sentence]]:
    """The sentences a part may be answered with, best first: not said already; of several parts, about what it names,
    of its own procedure (a TON RF's consent is no vertebroplasty's) and complication (LAST's observation time is no
    pump overdose's); asked of a drug before, never another drug's interval."""
    pool = sorted(rows, key=lambda t: (-t[0], t[1].hit_rank, t[1].position))
    pool = [(sc, s) for sc, s in pool if (not same_point(s, said, lang) or _rule_for_own_ask(s, part, said))
            and (not several or (_names_part(s, part, sig)
                                 # (a bleeding-risk class list naming the asked procedure among others is its class)
                                 and (not other_procedure(s, part, q, sig) or _classes_procedure(s, _own(part, q), sig)
                                      or _silent_on_the_ask(s, part, sig))  # (what the sources do not give, said of the family)
                                 # (a sentence naming the part's own ask, the discharge advice, lists the complications
                                 # to return for: none is a rival of the wet tap inherited)
                                 and (bool(set(part.concepts) & s.concepts) and not any(sig.kinds.get(c) == "complication" for c in part.concepts)
                                      or not rival(s, [*part.concepts, *part.inherited], sig, ("complication",)))))]
    if not several and condition_followup(part, q, sig.kinds):
        # a follow-up telling a condition of the patient of the procedure before ("and if she's penicillin allergic?" after
        # the SCS implant's antibiotics): another procedure's rule for it (discography's cefazolin) only when nothing of its
        # own answers (a complication's treatment, the blood patch after an ILESI's wet tap, is no other procedure's rule; a
        # drug's effect in that condition, a steroid's glucose rise in a diabetic, carries over)
        pool = [(sc, s) for sc, s in pool if not other_procedure(s, part, q, sig)
                or (set(part.concepts) & s.concepts and _steroid_effect(s, sig) and not COUNT.search(s.text))] or pool
    pool = _not_this_patients(_pregnant_patients(pool, part, q) if several else pool, q)
    pool = _own_agents_maximum(pool, part, sig)
    if several and _narrow_kind(part) is _LAB_LEVEL:  # ("…and what INR on the day?": the level, not the bridging list's target INR)
        pool = [t for t in pool if _LAB_LEVEL.search(t[1].text)]  # (none left: the level was said under the part before)
    pool = _on_complication(pool, part, q, sig)
    pool = _no_antiplatelet_bridge(pool, part, q, sig)
    pool = _no_continued_series(pool, part, q, sig)
    procs = [c for c in part.inherited if sig.kinds.get(c) == "procedure"]
    pool = _inherited_side(pool, part, procs, sig) if several else pool
    if several and procs and part.concepts and all(c in ESSENTIAL for c in part.concepts):
        # "SCS trial: …, what pain relief counts as success?": relief of the trial's pain, not bed rest's relief of a headache
        pool = [(sc, s) for sc, s in pool if any(p in s.concepts or sig.parents.get(p, frozenset()) & s.concepts for p in procs)]
    # ("鞘内吗啡泵加量后怎么监测，监测多久": the watch after what the part before names, not after another complication)
    # (the finding the part before told, when it told one: "血糖16 正常吗？要监测多久" watches the glucose, not any ESI harm)
    subjects = _watched_findings(part, sig) or [c for c in part.inherited if sig.kinds.get(c) in ("procedure", "drug", "complication")]
    if several and subjects and part.concepts and set(part.concepts) <= _WATCH_ASKS:
        pool = [(sc, s) for sc, s in pool if any(c in s.concepts or sig.parents.get(c, frozenset()) & s.concepts for c in subjects)] or pool
    # ("ESI后血糖会高几天，要监测多久": the monitoring of the complication the part before asked, not any monitoring)
    harms = [c for c in part.inherited if sig.kinds.get(c) == "complication"]
    if several and harms and part.concepts and all(sig.kinds.get(c) == "topic" for c in part.concepts):
        pool = [(sc, s) for sc, s in pool if any(h in s.concepts or sig.parents.get(h, frozenset()) & s.concepts for h in harms)] or pool
    if _bare_on_harm(part, sig):
        # ("TFESI后血压190/100 …是激素的副作用吗？要处理吗？": what to do for the harm told before; a particulate steroid's
        # overview is no step for it - none, and the part is said to have no steps; "…会持续多久？": how long that harm lasts,
        # never another's, a steroid's glucose rise)
        # (the signs told count as what lasts: "his eyelid is drooping and his voice is hoarse. is he having a stroke??" ->
        # "how long will it last": the hoarseness, not the stroke feared)
        signs = harms + [c for c in part.inherited if sig.kinds.get(c) == "finding"]
        # (or what to do after the procedure told, when it is one region's own procedure, in its own words: "第三枕神经切断术后
        # 出现麻木…可告知其为预期效应" for the third occipital RF's neuritis)
        own_procs = {c for c in part.inherited if sig.kinds.get(c) == "procedure" and c not in sig.adjuncts and sig.regional.get(c)}
        kept = [(sc, s) for sc, s in pool if (s.action or s.group == GROUP_OF_ASPECT["action"] or part.aspects[0] == "timing")
                and (any(h in s.concepts or sig.parents.get(h, frozenset()) & s.concepts for h in signs)
                     or (bool(own_procs & s.concepts) and s.group == GROUP_OF_ASPECT["action"]))]
        # (asked alone, "what can we give her for it" after post-RF burning: what names that harm first, never a pneumothorax's
        # drain; with nothing naming it, the rest as before)
        pool = kept if several else kept + [t for t in pool if t not in kept and any(
            h in t[1].concepts or sig.parents.get(h, frozenset()) & t[1].concepts for h in signs)] or pool
    if WITHDRAWAL in part.concepts and (stopped := [c for c in (*part.concepts, *part.inherited) if sig.kinds.get(c) == "drug"]):
        # ("需要直接停药吗？会不会有戒断反应？" of ziconotide): never another drug's withdrawal, baclofen's (none: not covered)
        pool = [(sc, s) for sc, s in pool if not _other_agent(s, stopped, sig)
                and any(c == WITHDRAWAL or WITHDRAWAL in sig.parents.get(c, frozenset()) for c in s.concepts)]
    # (a drug the question says has failed is not the one asked about: "caffeine not helping, how much blood for the patch?")
    held = _drugs_timed(part, q, sig)
    # (not asked how long a change lasts: "几天能回落？" after Diprospan is answered by a steroid's glucose rise, whichever)
    # (a class of its own named, "用低分子肝素桥接的话术前多久停" after warfarin, is the drug asked; the held drug's class is it)
    classes = {p for c in held for p in sig.closure.get(c, sig.parents.get(c, frozenset()))}
    if held and {"hold", "timing"} & set(part.aspects) and not any(sig.kinds.get(c) == "drug" or (sig.kinds.get(c) == "drug-class" and c not in classes)
                                                                   for c in part.concepts) \
            and _narrow_kind(part) is not _LASTS and not _CHECK_WHEN.search(part.text) \
            and not (OBSERVATION in part.concepts and all(c == LIPID_EMULSION or LOCAL_ANAESTHETIC in sig.parents.get(c, frozenset())
                                                          or "benzodiazepine" in sig.parents.get(c, frozenset()) for c in held)):
        # a hold asked of the drug before ("and if her CrCl is ~25?" after apixaban): never another drug's interval
        # (not how long the patient is watched: "settled. how long do we keep her?" after bupivacaine's toxicity)
        pool = [(sc, s) for sc, s in pool if not rival(s, held, sig, ("drug",))] or pool
        if "hold" in part.aspects:  # ("when do we restart after the implant?" of the enoxaparin before: its restart, not an
            # implant's hair removal)
            pool = [(sc, s) for sc, s in pool if any(c in s.concepts or sig.parents.get(c, frozenset()) & s.concepts for c in held)] or pool
        else:  # ("cefazolin dose? and when do we redose intraop": the drug's own timing, or none: never an SCS's injury rate)
            pool = [(sc, s) for sc, s in pool if any(c in s.concepts or sig.parents.get(c, frozenset()) & s.concepts for c in held)]
    elif (own := [c for c in part.concepts if sig.kinds.get(c) == "drug"]) and _narrow_kind(part) is _DRUG_RESTART:
        # its restart asked ("and when can it be restarted?" of fondaparinux): never another drug's restart (LMWH's), however
        # near; its class's is its own (LMWH's for enoxaparin)
        pool = [(sc, s) for sc, s in pool if not (_DRUG_RESTART.search(s.text) and rival(s, own, sig, ("drug",)))] or pool
    elif "dose" in part.aspects and not _PREMEDICATION.intersection(part.concepts) \
            and (agents := held or [c for c in (*part.concepts, *part.inherited) if sig.kinds.get(c) == "drug-class"]):
        # (a premedication regimen is asked in the contrast's name: its prednisone is the dose asked, not another agent's)
        # "how much?" of gadolinium, "how much contrast in CKD 4?": never morphine's limits or Pradaxa's renal interval
        pool = [(sc, s) for sc, s in pool if not _other_agent(s, agents, sig)] or pool
    return pool


def _own_agents_maximum(pool: list[tuple[float, Sentence]], part: Part, sig: Signals) -> list[tuple[float, Sentence]]:
    """A maximum asked of an agent ("造影剂用超量了怎么办？", "钆剂超量了会怎样？"): never another agent's ceiling (the local
    anaesthetic nomogram), whatever class it is named by."""
    agents = [c for c in (*part.concepts, *part.inherited) if sig.kinds.get(c) in ("drug", "drug-class")]
    if _MAXIMUM not in part.concepts or not agents:
        return pool
    near = set(agents).union(*(sig.closure.get(c, frozenset()) | sig.parents.get(c, frozenset()) | sig.related.get(c, frozenset())
                               for c in agents))
    pool = [t for t in pool if not (_MAXIMUM in t[1].concepts and not near & t[1].concepts)]
    # (and with no ceiling of its own in the sources, nothing else answers: a contrast "overdose" is no reaction to it)
    return pool if any(_MAXIMUM in t[1].concepts for t in pool) else []


_MAXIMUM = MAXIMUM_DOSE


def _bare_on_harm(part: Part, sig: Signals) -> bool:
    """A part naming nothing, asking what to do or how long of the harm the part before told ("…是激素的副作用吗？要处理吗？")."""
    # (not when the part before asked of a treatment that goes with any procedure: "下次植入前后抗生素怎么用？术后要用几天？"
    # asks how long the prophylaxis runs, not the pocket infection told before)
    return not part.concepts and part.aspects[:1] in (("action",), ("timing",)) \
        and any(sig.kinds.get(c) == "complication" for c in part.inherited) and not any(c in sig.adjuncts for c in part.inherited[:1])


def _not_this_patients(pool: list[tuple[float, Sentence]], q: Question) -> list[tuple[float, Sentence]]:
    """Without rules for other patients: an implant's (no vertebroplasty's); a recent stent's, for a stent of years ago
    ("Effient for a stent 3 yrs ago … cervical TFESI - how long off?")."""
    old_stent = stent_age(q) >= 12
    return [t for t in pool if not implant_rule(t[1], q) and not (old_stent and RECENT_STENT.search(t[1].text))]


_WHERE_STAFF_STAND = frozenset({"inverse-square-law", "scatter-radiation"})


def _pregnant_patients(pool: list[tuple[float, Sentence]], part: Part, q: Question) -> list[tuple[float, Sentence]]:
    """A pregnant patient's part of several: the staff's figures answer only a part on the staff's dose; a bare part on the
    fetus told before ("…how much radiation would the fetus have received, and is there any real risk?") only sentences
    on the pregnancy or the fetus, never the mother's procedure rates (none, and the part is said not covered)."""
    # (the pregnant worker's own part too; and where staff stand, "does she have to step out of the room during screening?")
    if "pregnancy" in q.concepts and not (STAFF_TOPICS | _WHERE_STAFF_STAND) & {*part.concepts, *part.inherited}:
        pool = [t for t in pool if not _about_staff(t[1])]
    if not part.concepts and "embryo-fetus" in part.inherited:
        pool = [t for t in pool if {"embryo-fetus", "pregnancy"} & t[1].concepts]
    return pool


def _drugs_timed(part: Part, q: Question, sig: Signals) -> list[str]:
    """The drugs a part's hold or time may be asked of: those it names or inherits, not one that has failed; asked the time
    of a procedure it names, only drugs held before procedures ("保守治疗多久无效要做EBP？" after caffeine for the
    headache: the caffeine is no drug whose timing is asked)."""
    held = [c for c in (*part.concepts, *part.inherited) if sig.kinds.get(c) == "drug" and c not in q.tried]
    if "hold" not in part.aspects and any(sig.kinds.get(c) == "procedure" for c in part.concepts):
        held = [c for c in held if HELD & (sig.parents.get(c, frozenset()) | sig.closure.get(c, frozenset()) | {c})]
    return held


_ANTICOAGULANTS = frozenset({"vka", "warfarin", "doac", "lmwh", "ufh", "heparin", "anticoagulant"})
_ANTICOAGULATION = _ANTICOAGULANTS | {"antithrombotic"}  # (anticoagulation named: asked whether to anticoagulate)


def condition_followup(part: Part, q: Question, kinds: Mapping[str, str]) -> bool:
    """Does the part only tell a condition of the patient of the procedure asked before ("and if she's penicillin
    allergic?" after the SCS implant's antibiotics; not a treatment that failed, nor what to do now)?"""
    return any(kinds.get(c) == "procedure" for c in part.inherited) and bool(part.concepts) \
        and all(kinds.get(c) == "condition" for c in part.concepts) and not q.tried \
        and not {"action", "escalation", "management"} & set(part.aspects)


def _steroid_effect(s: Sentence, sig: Signals) -> bool:
    """Does the sentence tell a corticosteroid's systemic effect (the injectate of most of our procedures: it carries over
    from one steroid injection to another)?"""
    return bool(_STEROID_EFFECTS & s.concepts) or any("corticosteroid" in sig.parents.get(c, frozenset()) for c in s.concepts)


_STEROID_EFFECTS = frozenset({"corticosteroid", "steroid-hyperglycaemia", "hpa-axis-suppression", "cushing-syndrome", "central-steroid-reaction",
                              "steroid-cover"})


_THROMBOTIC_CLASSES = frozenset({"antithrombotic", "antiplatelet", "anticoagulant"})
_CONTINUED_DRUGS = {"en": lazy(r"\b(?:antiplatelet|anticoagulant) (?:or \w+ )?drugs? (?:were|was) continued\b|\bon continued drugs\b", re.I),
                    "zh": lazy(r"继续使用抗血小板药物或抗凝药")}


def _inherited_side(pool: list[tuple[float, Sentence]], part: Part, procs: Sequence[str], sig: Signals) -> list[tuple[float, Sentence]]:
    """A later part weighing the procedure of the part before against something ("…candidate for vertebroplasty, and
    what does the evidence say vs conservative care?"): the procedure is one side, so a sentence naming neither it nor its
    passage's procedure (a spinal haematoma's conservative care) answers nothing of it."""
    if not procs or "comparison" not in part.aspects or any(sig.kinds.get(c) == "procedure" for c in part.concepts):
        return pool
    return [(sc, s) for sc, s in pool if any(p in s.concepts or p in s.chunk.concepts or sig.parents.get(p, frozenset()) & s.concepts
                                             for p in procs)]


def _no_continued_series(pool: list[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """No antithrombotic drug told (or a high bleeding-risk procedure asked) and no rate asked: a series of injections done
    on continued drugs reassures about nothing asked ("输血小板到多少可以做？" beside a platelet count of 45)."""
    told = set(q.all_concepts).union(*(sig.parents.get(c, frozenset()) for c in q.all_concepts))
    # (nor, for a high bleeding-risk procedure, "只停波立维，阿司匹林继续吃，PKP可以做吗？": the series was of lower-risk injections)
    high = any(sig.kinds.get(c) == "procedure" and _HIGH_RISK in sig.related.get(c, frozenset()) for c in q.all_concepts)
    if "frequency" in part.aspects or (_THROMBOTIC_CLASSES & told and not high):
        return pool
    return [(sc, s) for sc, s in pool if not _CONTINUED_DRUGS[s.chunk.lang].search(s.text)] or pool


def _no_antiplatelet_bridge(pool: list[tuple[float, Sentence]], part: Part, q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """"Brilinta after a stent, cardiology says no stop - can I bridge him?": the sources' bridging is an anticoagulant's
    (heparin while warfarin is held); for an antiplatelet drug alone no bridging sentence answers (the part is then said
    to be not covered), only what names the antiplatelet or the stent."""
    asked = {*part.concepts, *part.inherited}
    if "bridging-anticoagulation" not in asked:
        return pool
    drugs = {c for c in (*asked, *q.context_concepts) if sig.kinds.get(c) in ("drug", "drug-class", "brand")}
    # (no drug named, beside a coronary stent: the stent's antiplatelet drugs are the ones in question)
    stent = not drugs and bool(CARDIOLOGY_DECIDES.intersection(q.all_concepts))
    if not stent and (not drugs or not all("antiplatelet" in sig.parents.get(c, frozenset()) or c == "antiplatelet" for c in drugs)):
        return pool
    return [(sc, s) for sc, s in pool if ({"antiplatelet", *CARDIOLOGY_DECIDES} & s.concepts) and not _ANTICOAGULANTS & s.concepts]


def _other_agent(s: Sentence, held: Sequence[str], sig: Signals) -> bool:
    """Does the sentence name another drug by name (not a class) and none of the `held` ones? (Not a rule for their class
    that names the other only as its exception: "a weight-based prophylactic antibiotic within 1 h before incision,
    vancomycin excepted" is the rule a cefazolin dose for an SCS implant falls under.)"""
    near = set(held).union(*(sig.parents.get(c, frozenset()) | sig.related.get(c, frozenset()) for c in held))
    if _class_rule_with_exception(s, held, sig):
        return False
    return not any(c in s.concepts for c in held) and any(sig.kinds.get(c) == "drug" and c not in near for c in s.concepts)


_NEVER = -1e9  # the score of a sentence that cannot answer a part


def _answerable(live: list[int], scored: Sequence[Sequence[float]], gaps: list[int]) -> list[int]:
    """The covered parts some sentence can answer; the others go to `gaps`."""
    empty = [j for j in live if all(row[j] == _NEVER for row in scored)]
    gaps.extend(empty)
    return [j for j in live if j not in empty]


# Everyday activities asked about after a procedure, each with the words a sentence must use to answer it (either language).
_ACTIVITIES = tuple((lazy(ask, re.I), lazy(answer, re.I)) for ask, answer in (
    (r"\bshower|\bbath(?:e|ing)?\b|\bhot tub|\bswim|\bget (?:it |the wound )?wet\b|洗澡|淋浴|泡澡|游泳|沐浴|沾水|碰水|淋湿",
     r"shower|\bbath(?!ing)|swim|hot tub|\bwet\b|洗澡|淋浴|泡澡|游泳|(?<!氯己定)沐浴|沾水|碰水"),  # (not chlorhexidine bathing before it)
    (r"\b(?:drive|driving)\b|\bdrove (?:himself |herself |themselves )?home\b|开车|驾驶|驾车", r"\bdriv|开车|驾驶|驾车"),
    (r"\b(?:back to|return to|go to|off) work\b|\bwork (?:tomorrow|today|next)|上班|复工|返岗", r"\bwork\b|上班|复工|工作"),
    (r"\bexercise(?! (?:caution|care|judg\w*|restraint|discretion))|\bgym\b|\bsports?\b|\b(?:back to|return to|resume) (?:\w+ )?training\b|锻炼|健身|"
     r"运动(?!员|功能|神经|阻滞|刺激|障碍|测试|无力|缺损|平面|支)", r"exercis|\bgym\b|\bsport|锻炼|健身|运动(?!功能|神经|障碍|无力|缺损)"),
    (r"\bfly(?:ing)?\b|\bflight|坐飞机|乘飞机", r"\bfly|flight|飞机"),
    (r"\bdressings?\b|\bbandage|换药|敷料", r"dressing|bandage|换药|敷料"),
    (r"\bbrace\b|\bcorset|支具|护腰|腰围|^\s*戴(?:多久|多长时间|几周|几天)", r"\bbrace|corset|支具|护腰|腰围"),
))


@lru_cache(maxsize=256)  # asked for every sentence scored
def _activities_asked(text: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of the everyday activities a part's text asks about (what names each in a sentence)."""
    return tuple(rx for ask, rx in _ACTIVITIES if ask.search(text))


def unsaid_activities(q: Question, bullets: Sequence[Bullet]) -> list[str]:
    """The everyday activities the question asks about (a flight, a shower: an ask or a plan beside the word, not "pulled
    over while driving home") that no bullet names, as a noun."""
    out = []
    for ask, rx in _ACTIVITIES:
        m = ask.search(q.text)
        if m is None or any(rx.search(b.sentence.text) for b in bullets):
            continue
        if _ACTIVITY_BEFORE.search(q.text[max(0, m.start() - 20):m.start()]) or _ACTIVITY_AFTER.match(q.text[m.end():]):
            word = m.group(0).strip()
            out.append(_ACTIVITY_NOUN.get(word.lower(), word))
    return out


# an activity asked or planned ("can she fly?", "is flying tomorrow", 明天要坐飞机, 能不能洗澡)
_ACTIVITY_BEFORE = lazy(r"\b(?:can|could|may|when|ok|okay|safe|allowed|should|is|are|will|going to|wants? to|plans? to|has to|"
                              r"needs? to|to)\s+(?:\w+\s+)?$|能不能|可以|可不可以|什么时候|多久|要|准备|打算|明天|今晚", re.I)
_ACTIVITY_AFTER = lazy(r"\s*(?:tomorrow|tonight|next week|today|\?|吗|？)", re.I)
_ACTIVITY_NOUN = {"fly": "flying", "drive": "driving", "swim": "swimming", "shower": "showering", "bath": "bathing"}


_CJK_NAME = lazy(r"\W*[\u4e00-\u9fff]{2,}")  # (`match`: a sentence that opens with the Chinese name is that brand's own)


def _can_answer(s: Sentence, part: Part, sig: Signals = Signals()) -> bool:
    """A part asking about an ESSENTIAL concept (how long relief lasts) is answered only by a sentence naming it, and
    giving the kind of answer asked when no section holds it (a duration); a part asking about an everyday activity
    after the procedure (showering, driving, going back to work) only by a sentence naming that activity."""
    if s.chunk.lang == "en" and _CJK_NAME.match(s.text) and not _CJK_NAME.search(part.text) \
            and any(sig.kinds.get(c) == "brand" for c in s.concepts):
        return False  # (a Chinese brand's own sentence answers no English question that does not name it: 拜阿司匹灵)
    # (two asked, "back to contact training? and ok he drove himself home?": either answers; the other is said unsaid)
    asked = _activities_asked(part.text)
    if asked and (((s.provenance or s.group == "evidence") and "evidence" not in part.aspects) or not any(rx.search(s.text) for rx in asked)) \
            and not any(sig.kinds.get(c) in ("complication", "finding") for c in part.concepts):
        # (a note on where the driving advice comes from is no driving advice)
        # ("can she shower tonight after the TFESI?": not the TFESI's complication rates; a wet tap told beside a flight is
        # still answered on the wet tap, the flight said missing: `unsaid_activities`)
        return False
    # a bare "做几次？" goes on with the ask before it; "…how long does relief last, and what are the risks?" asks its own
    # (the risks are the procedure's, not how long its relief lasts)
    own_ask = part.aspects[:1] in (("complications",), ("risk_factors",), ("prevention",), ("contraindications",), ("action",))
    need = ESSENTIAL.intersection(part.concepts or (() if own_ask else part.inherited))
    if not need:
        return True
    if "indication" in need:  # "what % relief cutoff?": the criteria are asked, not how well it works
        need = frozenset({"indication"})
    drugs = [c for c in part.concepts if sig.kinds.get(c) == "drug"]
    if drugs and rival(s, drugs, sig, ("drug",)):
        return False  # (an own ask of a named drug: a morphine pump running dry is not answered by baclofen's withdrawal)
    if drugs and "efficacy" in need:
        # ("does caffeine work for PDPH?": what the sources say of caffeine, or of its class, not a nerve block's relief
        # beside it; "dex as effective as triamcinolone?": non-particulate steroid's)
        return any(({c} | sig.parents.get(c, frozenset())) & s.concepts for c in drugs) and not s.provenance
    compared = [c for c in part.concepts if sig.kinds.get(c) == "procedure"]
    if "efficacy" in need and len(compared) >= 2 and any(sig.kinds.get(c) in ("drug", "drug-class") for c in s.concepts):
        return False  # ("Is TFESI more effective than ILESI?": the routes' relief, not a steroid's beside them)
    if need & {"indication", "efficacy", "false-positive-block"}:
        # of the asked procedure, at the asked region (a lumbar MBB's criteria: not an SIJ block's, not a TON RF's; a
        # cooled SIJ RF's relief: not a TON neurotomy's; an MBB's false positives: not an SIJ block's)
        where = [c for c in (*part.concepts, *part.inherited) if sig.kinds.get(c) == "procedure" or c in REGIONS]
        if where and (not any(c in s.concepts for c in where if sig.kinds.get(c) == "procedure")
                      or rival(s, where, sig, ("procedure", "region"))):
            return False
    kind = _asked_kind(part)
    # (and goes on with its procedure: the diagnostic blocks before an RF, not PDPH's diagnostic criteria)
    about = [c for c in part.inherited if c not in ESSENTIAL] if not part.concepts else []
    # (how long relief lasts: a sentence with a span of time, "median relief of 297 days", not any 缓解)
    spans = kind is not _LASTS or "efficacy" not in need or bool(_TIME_SPAN.search(s.text))
    return (bool(need & s.concepts) and (kind is None or bool(kind.search(s.text))) and spans
            and (not about or any(c in s.concepts for c in about)) and not s.provenance)


def _caveat(chosen: Sequence[Sentence], sentences: Sequence[Sentence], said: Sequence[Sentence]) -> Sentence | None:
    """An evidence note on a figure the answer quotes ("the claims-based 2.13 % probably includes coding-only events"):
    a quoted rate goes out with the caveat the sources attach to it."""
    quoted = {f for s in chosen if s.group != "evidence" for f in _figures(s.text) if "." in f or ("%" in s.text and len(f) >= 2)}
    if not quoted:
        return None
    return next((s for s in sentences if s.group == "evidence" and s not in said and _CAVEAT.search(s.text)
                 and quoted & _figures(s.text)), None)


def _disputed(chosen: Sequence[Sentence], sentences: Sequence[Sentence], said: Sequence[Sentence], procedures: Sequence[str],
              sig: Signals) -> Sentence | None:
    """The asked procedure placed in a bleeding-risk class that the sources dispute ("Sources differ on pump and IPG
    replacement: ... low risk, whereas ... intermediate"): the dispute goes out with the class (a dispute on something else
    about the procedure, whether infection is an SCS's most common complication, does not)."""
    classed = [c for c in procedures if any(c in s.concepts and sig.risk_classes & s.concepts for s in chosen if s.group != "evidence")]
    return next((s for s in sentences if s.group == "evidence" and s not in said and _DIFFER.search(s.text)
                 and any(c in s.concepts for c in classed) and _RISK_CLASS.search(s.text)), None)


_RISK_CLASS = lazy(r"\brisk\b|categor|风险|分级|类别", re.I)


_DIFFER = lazy(r"sources differ|differ on|disagree|conflict|不一致|存在分歧|说法不一|相互矛盾", re.I)


# A sentence that qualifies a figure (it overstates, may include, is not comparable, comes from claims or case reports).
_CAVEAT = lazy(r"probably|likely|may (?:over|under)|overstat|understat|includ\w* minor|coding|not comparable|caution|"
                     r"很可能|可能(?:高于|低于|包含)|高估|低估|不可直接比较|谨慎", re.I)


# aspirin "for primary prevention" (and not also secondary): the rule for a patient with no stent or vascular event
# stated for a population of its own (Miller's LMWH intervals "for parturients"); guidance merely sourced from obstetrics
# (PDPH's conservative care) is not
_OBSTETRIC = lazy(r"parturient|labou?r epidural|产妇|分娩镇痛", re.I)
_SURGICAL = lazy(r"\bCHEST\b[^.;。；]{0,40}(?:perioperative|surgery)|\bbefore surgery\b|围术期指南|手术前\s*\d", re.I)


def _other_settings_rule(s: Sentence, q: Question) -> float:
    """A rule stated for another setting: parturients (Miller's obstetric summary) in full, surgery (the CHEST
    perioperative guideline) in half: not the pain guideline's, which comes first."""
    if _OBSTETRIC.search(s.text) and not (_OBSTETRIC.search(q.text) or "pregnancy" in q.concepts):
        return 1.0
    # (and an implant's rule, "decolonise carriers before implantation", asked about a procedure that implants nothing: a
    # vertebroplasty's antibiotics)
    if implant_rule(s, q):
        return 1.0
    return 0.5 if _SURGICAL.search(s.text) and not _SURGICAL.search(q.text) and "CHEST" not in q.text else 0.0


def implant_rule(s: Sentence, q: Question) -> bool:
    """Is the sentence an implant's rule ("decolonise carriers before implantation") and the question about a procedure of
    ours that implants nothing (a vertebroplasty's antibiotics)?"""
    asked = [c for c in q.all_concepts if c in _ANCHORS_NOT_IMPLANTED]
    if _removal_told(q.text) and _EXPLANTS.search(s.text):
        return True  # ("leads pulled day 7, now febrile": nothing is left to explant)
    # (a list naming the asked procedure among implants, a bleeding-risk class, is about it too)
    return bool(asked) and bool(_IMPLANTING.search(s.text)) and not _IMPLANTS_ASKED.intersection(q.all_concepts) \
        and not _IMPLANTING.search(q.text) and not set(asked) & s.concepts and not _CLASS_WORDS.search(s.text)


_CLASS_WORDS = lazy(r"bleeding[- ]risk|出血风险", re.I)
# the device told as already out ("leads pulled day 7", 电极已拔除), and a rule to take it out
_REMOVED_TOLD = lazy(r"\b(?:leads?|device|stimulator|pump|catheter|ipg|system|hardware)\b[^.?;]{0,20}?\b(?:pulled|removed|explanted|taken out)\b|"
                           r"\b(?:pulled|removed|explanted) (?:the )?(?:trial )?(?:leads?|device|stimulator|pump|catheter|hardware)\b|"
                           r"(?:电极|装置|刺激器|泵|导管)[^，。？]{0,4}(?:已经|已)?(?:拔除|拔出|取出|拔掉|拔了)", re.I)
# ... not asked ("要不要把整个装置取出来？", "should we pull the leads?")
_REMOVAL_ASKED_BEFORE = lazy(r"(?:要不要|需不需要|是否|该不该|能不能|能否|需要|要)[^，。？?]{0,10}$|"
                                   r"\b(?:should|do|must|can|need to)\b[^.?]{0,30}$", re.I)
_REMOVAL_ASKED_AFTER = lazy(r"[^，。.]{0,3}[吗？?]")


def _removal_told(text: str) -> bool:
    """Is the device told as already out, not asked whether to take it out?"""
    return any(not _REMOVAL_ASKED_BEFORE.search(text[max(0, m.start() - 30):m.start()]) and not _REMOVAL_ASKED_AFTER.match(text, m.end())
               for m in _REMOVED_TOLD.finditer(text))


_EXPLANTS = lazy(r"\bexplant\w*|取出(?:装置|设备|刺激器|电极|系统)|(?:装置|设备|系统)取出", re.I)
_IMPLANTING = lazy(r"(?<!cardiac )(?<!stent )\bimplant\w*|\bexplant\w*|(?<!支架)(?<!起搏器)(?<!心脏装置)植入|取出装置", re.I)
_IMPLANTS_ASKED = frozenset({"spinal-cord-stimulation", "scs-trial", "drg-stimulation", "peripheral-nerve-stimulation", "intrathecal-pump",
                             "ipg", "implantable-device", "neuromodulation", "intrathecal-drug-delivery", "intrathecal-catheter"})
# procedures of ours that leave nothing implanted
_ANCHORS_NOT_IMPLANTED = frozenset({"vertebroplasty", "kyphoplasty", "vertebral-augmentation", "esi", "transforaminal-esi", "interlaminar-esi",
                                    "caudal-esi", "facet-injection", "medial-branch-block", "radiofrequency-ablation", "sacroiliac-joint-injection",
                                    "discography", "epiduroscopy", "stellate-ganglion-block", "selective-nerve-root-block"})
_PREGNANT_WORKER = frozenset({"pregnant-staff", "embryo-fetus", "fetal-dosimeter"})
_PREGNANCY_TOLD = lazy(r"\bpregnan\w*|\bexpecting\b|\b\d+ ?(?:wks?|weeks) along\b|怀孕|妊娠|孕\d|孕期|有喜", re.I)
_ANY_STAFF = lazy(r"\bor (?:any )?other (?:staff|workers?|team members?)\b|或其他工作人员", re.I)
_STAFF_SIDE = frozenset({"pregnant-staff", "occupational-dose-limit", "fetal-dosimeter", "lead-apron"})
# the dose limits (mSv) and badges are the staff's: the sources give no patient's fetal dose
_STAFF_TEXT = lazy(r"\bstaff|\bworkers?\b|radiographer|dosimeter|\bbadge|occupational|mSv|\bnurses?\b|"
                         r"\b(?:physicians?|operators?)(?:'s?)? (?:[\w-]+ ){0,3}(?:exposure|dose|protection)|"
                         r"工作人员|护士|技师|剂量计|职业|(?:医师|术者|操作者)[^，。；]{0,8}(?:暴露|剂量|防护)", re.I)
_SECONDARY_RULE = lazy(r"secondary[- ]prevention|二级预防", re.I)
_SECONDARY_ONLY = lazy(r"^(?!.*(?:primary|一级预防)).*(?:secondary[- ]prevention|二级预防)", re.I)
_PRIMARY_PREVENTION = lazy(r"^(?!.*(?:secondary|二级预防)).*(?:primary[- ]prevention|一级预防)", re.I)
# A trial's own protocol, told as what was done in it ("In the BRIDGE trial (...), warfarin was stopped 5 days before").
_TRIAL_PROTOCOL = {
    "en": lazy(r"^in (?:the|a|an) [^,.]{0,60}\b(?:trial|study|RCT)\b[^.]*\b(?:was|were) (?:stopped|held|given|restarted|started|"
                     r"resumed|continued|withheld)\b", re.I),
    "zh": lazy(r"^[A-Za-z0-9-]+\s*(?:随机)?试验(?:纳入|中)[^。]*(?:停用|恢复|给予)"),
}
_SERIOUS = lazy(r"\bmajor\b|serious|severe|catastroph|no immediate|neurolog|at least one complication|overall [\w ]{0,30}complication|"
                      r"严重|重大|至少发生一种|总体并发症", re.I)
_REPORTS_CITED = lazy(r"\bcites? reports\b|\breports cited\b|引用的病例|引用的报道", re.I)
CASE_REPORTS = lazy(r"case reports?|published cases|病例报告|个案报道", re.I)
_ONE_CASE = lazy(r"\b(?:a|one|single) case\b(?!\s+series)|case reports?|(?<!每)一例(?!以上)|个案", re.I)
# Asked for the numbers themselves, a rate is a count or a percentage ("none of 16,638", "0.07%"), not a word ("rare").
_NUMBERS_ASK = lazy(r"\bnumbers?\b|\bfigures?\b|statistic|\bdata\b|\brates?\b|\bincidence\b|\bpercent|数字|数据|具体数|多少|发生率|百分之|(?<=[\u4e00-\u9fff])率", re.I)  # (感染率呢？ as "infection rate?")
# how often in other words ("realistically how often does that happen?", 几率多大): with no count in the answer, said so
_HOW_OFTEN = lazy(r"\bhow (?:often|common|frequent(?:ly)?)\b(?! (?:can|should|do|may|could|would) (?:i|we|you|she|he|they) (?:repeat|do|give|inject|have))|几率|概率|多常见|多见吗|常见吗", re.I)  # (感染率呢？ as "infection rate?")
# (a study's size is no count of the complication: "一项 647 例椎管内病例的综述显示…超过 12 小时才减压者预后差", as
# "a review of 647 cases" is none in English: N 例 after 一项 / 纳入, or before 综述 / 研究 / 系列, is a size)
COUNT = lazy(r"\d+(?:\.\d+)?\s*%|\b\d+\s*(?:/|of|in)\s*[\d,]+\b|(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])|万分之|千分之|"
                    r"(?<![\d.])(?<!一项)(?<!一项 )(?<!纳入)(?<!纳入 )\d+\s*例(?![^，。；]{0,12}(?:综述|研究|系列))")


# What a picture does on its own ("usually self-limited over weeks", "expected", 自限): the "is it normal?" part's answer.
_SETTLES_SAID = lazy(r"self-limit|\bexpected\b|\btransient\b|usually (?:settles|resolves)|自限|预期|一过性|自行缓解", re.I)


def _assign(sentences: Sequence[Sentence], scored: Sequence[Sequence[float]], parts: Sequence[Part], heads: Sequence[int],
            w: Weights, topics: Sequence[frozenset[str]] = ()) -> tuple[list[int], set[int]]:
    """Each sentence's part: the one it scores best for, unless it gives the narrow kind of answer exactly one part asks
    (its verdict, its rate, when it settles), which goes to that part (those are returned as pinned), or names the topic
    only one part asks about (whom to bridge: the bridging part, not the hold interval's)."""
    pinned: set[int] = set()
    assign = [max(heads, key=lambda j, row=row: row[j]) for row in scored] if heads else []  # type: ignore[misc]
    narrow = {j: _narrow_kind(parts[j]) for j in heads}
    for i, s in enumerate(sentences):
        # (how long it lasts: a sentence that says when it settles, with the time)
        # (a drug's restart, "术后约 12–24 小时恢复", is no "how long it lasts")
        fits = [j for j in heads if (k := narrow[j]) is not None and k.search(s.text)
                and (k is not _LASTS or (bool(_TIME_SPAN.search(s.text)) and not _DRUG_RESTART.search(s.text)))]
        # (not away from the part asking how long, when it gives the time: "observe at least 24 h after the first dose of
        # morphine" answers "要监测多长时间", before the "监测什么" beside it)
        timed = bool(_TIME_SPAN.search(s.text)) and bool(_HOW_LONG_SPAN.search(parts[assign[i]].text)) if assign else False
        # (a stop interval is as much the answer to a part asking when to stop: "when do we stop it and what INR on the
        # day?" is answered by "stopped 5 days before, normal INR documented" once, not by its restart)
        stops = any("hold" in parts[j].aspects and _STOP_ASKED.search(parts[j].text) for j in heads if j not in fits) \
            and bool(_BEFORE_TOLD.search(s.text) and _TIME_SPAN.search(s.text))
        # (nor away from a part that scores it higher and asks what it names and the narrow part does not: "需要激素覆盖吗"
        # beside "HPA轴抑制会持续多久", the rule to give cover, with its 48 days, is the cover's answer)
        theirs = [j for j in heads if j not in fits and scored[i][j] > max((scored[i][f] for f in fits), default=0.0)
                  and GROUP_OF_ASPECT.get(parts[j].aspects[0] if parts[j].aspects else "") == s.group
                  and (set(parts[j].concepts) - set((*parts[fits[0]].concepts, *parts[fits[0]].inherited) if fits else ())) & s.concepts]
        if len(fits) == 1 and scored[i][fits[0]] >= w.min_score and not (timed and assign[i] != fits[0]) and not stops and not theirs:
            assign[i] = fits[0]
            pinned.add(i)
        elif not fits and len(restart := [j for j in heads if _RESTARTS.search(parts[j].text)]) == 1 \
                and _DRUG_RESTART.search(s.text) and scored[i][restart[0]] >= w.min_score \
                and not (stops and any(_STOP_ASKED.search(parts[j].text) for j in heads if j != restart[0])):
            # (not the one sentence that gives both, "停用 7 天，术后约 12–24 小时恢复", away from the part asking the stop)
            assign[i] = restart[0]  # a drug's restart goes to the one part asking when it restarts
        elif not fits and len(when := [j for j in heads if parts[j].aspects[:1] == ("timing",)]) == 1 and when[0] != assign[i] \
                and "timing" not in parts[assign[i]].aspects and _TIMED_AROUND.search(s.text) and scored[i][when[0]] >= w.min_score:
            assign[i] = when[0]  # ("要不要预防用抗生素 要用的话啥时候给": the sentence saying when goes to the part asking when)
        elif not fits and len(told := [j for j in heads if parts[j].aspects[:1] in (("advice",), ("action",))]) == 1 and told[0] != assign[i] \
                and parts[assign[i]].aspects[:1] == ("expected",) and (s.action or s.group in ("management", "prevention")) \
                and not (parts[told[0]].aspects[:1] == ("action",) and _SETTLES_SAID.search(s.text)) \
                and scored[i][told[0]] >= w.min_score:
            # ("…是并发症吗？要跟病人怎么解释？": what to do or tell, "通过饮水试验之前应禁食禁水", goes to the part asking what to tell
            # the patient; the judgement whether it is expected stays with the part asking it)
            assign[i] = told[0]
            pinned.add(i)
        elif not fits and len(counts := [j for j in heads if parts[j].aspects[:1] == ("frequency",)]) == 1 \
                and all(not parts[j].aspects for j in heads if j != counts[0]) and COUNT.search(s.text) and scored[i][counts[0]] >= w.min_score:
            assign[i] = counts[0]  # ("…can we still implant? what's the infection rate": the rate goes to the part asking it)
            pinned.add(i)
        elif not fits and len(named := [j for j in heads if j < len(topics) and topics[j] & s.concepts]) == 1 \
                and scored[i][named[0]] >= w.min_score \
                and not any(set(parts[j].concepts) & s.concepts and (scored[i][j] > scored[i][named[0]]
                                                                      or not topics[j] and set(parts[j].concepts) <= s.concepts)
                            for j in heads if j != named[0]):
            # (unless it names what another part asks about and answers that part better: the primary-prevention aspirin
            # rule, its risk classes beside it, is the aspirin part's, not the part asking the block's bleeding-risk class;
            # nor pinned away from a part naming no topic and nothing it does not name: "…eye-lens dose limit, and do lead
            # glasses help?", the glasses' cohort)
            assign[i] = named[0]
            pinned.add(i)
    return assign, pinned


def _merge_parts(scored: Sequence[Sequence[float]], live: Sequence[int], procedures: Sequence[frozenset[str]] = (),
                 asks: Sequence[frozenset[str]] = (), names: Sequence[frozenset[str]] = (), own_pool: Sequence[bool] = ()) -> dict[int, int]:
    """Each live part -> the first part whose best sentence it shares (itself when none), unless the two name different
    procedures ("stop Eliquis for an MBB RF? and for a PKP?" asks twice: one answer each) or each names a subject of its
    own that the shared sentence does not ("INR多少以下才能做？需要桥接吗？": the bridging list is no INR threshold)."""
    best = {j: max(range(len(scored)), key=lambda i: scored[i][j]) for j in live} if scored else {}
    owner: dict[int, int] = {}

    def apart(k: int, j: int) -> bool:
        if len(own_pool) > j and own_pool[j]:  # (a bare "要处理吗？" of the harm before is answered by its own steps, or none)
            return True
        if len(asks) > max(k, j) and asks[k] and asks[j] and not asks[k] & asks[j] and best.get(j) is not None \
                and len(names) > best[j] and not (asks[k] | asks[j]) <= names[best[j]]:
            return True
        return len(procedures) > max(k, j) and bool(procedures[k]) and bool(procedures[j]) and procedures[k] != procedures[j]
    for j in live:
        owner[j] = next((k for k in live if k < j and owner.get(k) == k and best.get(k) == best.get(j) and not apart(k, j)), j)
    return owner


def _gives_interval(part: Part, q: Question, sig: Signals) -> Callable[[Sentence], bool] | None:
    """For a hold ask about a drug: does a sentence give that drug's interval (it names the drug and a duration)?"""
    if part.aspects[:1] != ("hold",):  # asked first how long to hold it (not why sources disagree about holding it)
        return None
    drugs = [c for c in _own(part, q) if sig.kinds.get(c) in _DRUG_KINDS] or \
            [c for c in part.inherited if sig.kinds.get(c) in _DRUG_KINDS]
    if not drugs:
        return None
    if _narrow_kind(part) is _DRUG_RESTART:  # (when it restarts: its class's restart too, "LMWH is restarted…" for enoxaparin)
        drugs += [c for d in drugs for c in sig.parents.get(d, frozenset()) if c not in _BROAD_CLASSES]
    return lambda s: any(d in s.concepts for d in drugs) and bool(_KIND["hold"].search(s.text))


def _watched_findings(part: Part, sig: Signals) -> list[str]:
    """The findings a bare watch ask ("要监测多久？", "how long to monitor?") watches: the ones the part before told."""
    if not part.concepts or not set(part.concepts) <= _WATCH_ASKS:
        return []
    return [c for c in part.inherited if sig.kinds.get(c) == "finding"]


# a watch asked, or when the patient may go home after it ("要观察多久才能让他回家？")
_WATCH_ASKS = WATCHING | {DISCHARGE_ADVICE}


def _gives_watch(part: Part, sig: Signals) -> Callable[[Sentence], bool] | None:
    """For a bare watch ask ("要监测多久？" after how high the glucose went): does a sentence tell watching the finding the
    part before told (it names the finding and monitoring)?"""
    found = _watched_findings(part, sig)
    if not found:
        return None
    return lambda s: any(c in s.concepts for c in found) and bool(WATCHING & s.concepts or MONITORING.search(s.text))


def _turns_on_a_rule(part: Part) -> bool:
    """Does the part's answer turn on a rule another part's sentences may hold (a drug decision's bleeding-risk class,
    a bridging question's DOAC rule)?"""
    return bool(DRUG_DECISION.intersection(part.aspects)) or CLASS_CONCEPT in part.concepts or "bridging-anticoagulation" in part.concepts


def _every(pool: list[tuple[float, Sentence]], scored: Sequence[Sequence[float]], sentences: Sequence[Sentence], j: int
           ) -> list[tuple[float, Sentence]]:
    """The part's pool, then every other sentence as it scores for the part (best first): the rule a part turns on (a
    procedure's bleeding-risk class, a DOAC's no-bridging) may have been assigned to another part ("lumbar facet RF on
    warfarin - stop it? … when to restart, bridging?")."""
    have = {id(s) for _, s in pool}
    return [*pool, *sorted(((scored[i][j], x) for i, x in enumerate(sentences) if id(x) not in have), key=lambda t: -t[0])]


def _asked_too(above: list[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], part: Part, members: Sequence[Part],
               q: Question, sig: Signals, leads: bool) -> list[tuple[float, Sentence]]:
    """The sentence a narrow ask wants, when none above the floor gives it, so that it may lead: asked when the drug
    restarts, its restart; asked how far a finding moves, the sentence measuring it; asked whether a drug is one of a
    class, the sentence placing it (after a choice that leads: right after it)."""
    if not leads and _narrow_kind(part) is _DRUG_RESTART:
        above = above + _restart_too(above, pool, members, q, sig)
    measured = _KIND["magnitude"]
    if not leads and part.aspects[:1] == ("magnitude",) and not any(measured.search(s.text) for _, s in above):
        # ("硬膜外打了激素后血糖升多少": the rise measured, below the studies of how long it lasts)
        above = above + [t for t in pool if t[0] > 0 and measured.search(t[1].text)][:1]
    member = _member_too(above, pool, members, q, sig)
    return [*above[:1], *member, *above[1:]] if leads else above + member


def _member_too(above: Sequence[tuple[float, Sentence]], pool: Sequence[tuple[float, Sentence]], parts: Sequence[Part],
                q: Question, sig: Signals) -> list[tuple[float, Sentence]]:
    """"得宝松算不算颗粒型激素？" asked beside a choice of steroid: the sentence placing the drug in the class joins the
    answer (so that it may lead) when none above does."""
    asked = [p for p in parts if _MEMBER_ASK.search(p.text) and any(sig.kinds.get(c) == "drug-class" for c in _own(p, q))]
    both = _compared(asked, q, sig) if asked else frozenset()
    if not both or any(both <= s.concepts for _, s in above):
        return []
    naming = [(sc, s) for sc, s in pool if both <= s.concepts and not s.provenance]
    # (the one about the drug asked, not one setting it beside another brand: Celestone Soluspan)
    others = [len({c for c in s.concepts - both if sig.kinds.get(c) in ("drug", "brand")}) for _, s in naming]
    return [naming[others.index(min(others))]] if naming else []


# whether a drug is one of a class ("算不算", "是不是…", "is Diprospan particulate?", "does it count as")
_MEMBER_ASK = lazy(r"算不算|是不是|属不属于|属于[^，。？?]{0,12}吗|算[^，。？?]{0,12}吗|是[^，。？?]{0,12}吗|"
                         r"^\W*(?:so\s+)?(?:is|are)\b|\bcounts? as\b|\bconsidered (?:a |an )?\w+\s*\??\s*$", re.I)


def _compared(parts: Sequence[Part], q: Question, sig: Signals) -> frozenset[str]:
    """The things a sentence should name together to answer first: the two or more a comparison asks about ("IL vs
    TF": the asked concepts of one kind, without the broader one they share, ESI), or a class and the drug named before
    ("…是不是颗粒型的？": is it one of them)."""
    for p in parts:
        own = _own(p, q)
        classes = [c for c in own if sig.kinds.get(c) == "drug-class"]
        drugs = [c for c in p.inherited if sig.kinds.get(c) in ("drug", "brand")]
        if classes and len(classes) == len(own) and drugs:  # "…是不是颗粒型的？": is the drug asked before one of the class
            return frozenset((*classes, *drugs))
        named = [c for c in own if sig.kinds.get(c) in ("drug", "brand")]
        if classes and named and len(classes) + len(named) == len(own) and _MEMBER_ASK.search(p.text):
            return frozenset((*classes, *named))  # "得宝松算不算颗粒型激素？", "is Depo-Medrol a particulate?": both named
        levels = [c for c in own if _is_level(c)]
        if len(levels) >= 2:  # "能打C5-6吗 还是只能C7-T1": the levels weighed against each other
            return frozenset(levels)
        if "comparison" not in p.aspects:
            continue
        for kinds in (("procedure",), _DRUG_KINDS, ("equipment",)):  # (percutaneous vs paddle leads)
            same = [c for c in own if sig.kinds.get(c) in kinds]
            same = [c for c in same if not any(c in sig.parents.get(d, frozenset()) for d in same)]
            if len(same) >= 2:
                return frozenset(same)
    return frozenset()


def _accident_rate_asked(part: Part, about: frozenset[str]) -> bool:
    """Is how often the accident itself happens asked ("how often do you get a wet tap"), not what follows it?"""
    return bool(about) and about <= _ACCIDENTS and part.aspects[:1] == ("frequency",) and not _AFTER_ACCIDENT.search(part.text)


_LEVEL_REGIONS = (("level-c", "cervical-spine"), ("level-t", "thoracic-spine"), ("level-l", "lumbar-spine"), ("level-s", "sacrum"))


def _regions_asked(part: Part, q: Question) -> frozenset[str]:
    """The spinal regions a part names or inherits (a cervical ILESI's), with those of the levels it names (C5-6: the
    neck)."""
    named = (*_own(part, q), *part.inherited)
    return frozenset([c for c in named if c in REGIONS] + [r for c in named for lv, r in _LEVEL_REGIONS if c.startswith(lv)])


def _is_level(concept: str) -> bool:
    """A spinal level or interspace (level-c5-c6)."""
    return concept.startswith("level-")


def _timed_subject(part: Part, sig: Signals) -> frozenset[str]:
    """What the part asks about: asked when to do a procedure ("when should I do the blood patch after a wet tap?"), the
    procedure (the wet tap is its setting); else all it names, with their measures (`_measures`)."""
    procedures = [c for c in part.concepts if sig.kinds.get(c) == "procedure"]
    drugs = any(sig.kinds.get(c) in _DRUG_KINDS for c in part.concepts)  # ("how long do I continue antibiotics after…")
    if part.aspects[:1] == ("timing",) and procedures and not drugs:
        return _measures(procedures, sig)
    # (how long a finding told lasts, "TFESI with triamcinolone 80 today, how long will his sugars be up": the glucose, not
    # the cortisol the same drug suppresses for weeks)
    findings = [c for c in part.concepts if sig.kinds.get(c) == "finding"] if part.aspects[:1] == ("timing",) else []
    return _measures(findings or part.concepts, sig)


def _measures(concepts: Sequence[str], sig: Signals) -> frozenset[str]:
    """The concepts with the measures that give one of them around any procedure (antibiotics: antibiotic prophylaxis)."""
    return frozenset(concepts) | {a for a in sig.adjuncts if sig.related.get(a, frozenset()) & set(concepts)}


PERCENTS = lazy(r"\d+(?:\.\d+)?\s*%")


def _side_by_side(both: list[tuple[float, Sentence]], groups: Sequence[str]) -> list[tuple[float, Sentence]]:
    """The sentences naming both things compared that may lead: not the overview's anatomy of the two, asked which is
    safer ("ILESI reaches the dorsal space, TF the ventral"); asked their complications, their rates side by side ("39.3%
    vs 28.9%") before one true of both."""
    both = [c for c in both if c[1].group != "overview" or "overview" in groups or not groups]
    if groups[:1] == ("complications",):
        both = sorted(both, key=lambda c: not (len(PERCENTS.findall(c[1].text)) >= 2 or _COMPARATIVE.search(c[1].text)))
    return both


def _weighing(both: list[tuple[float, Sentence]], counted: list[tuple[float, Sentence]], compared: frozenset[str],
              best: tuple[float, Sentence]) -> tuple[float, Sentence] | None:
    """Two things compared and no rate naming both: the sentence weighing them, when half as relevant as the best."""
    weighed = [c for c in both if _COMPARATIVE.search(c[1].text)]
    if compared and weighed and counted and not any(c in both for c in counted) and weighed[0][0] >= 0.5 * best[0]:
        return weighed[0]
    return None


def _why_in_procedure(lead: tuple[float, Sentence], above: Sequence[tuple[float, Sentence]], part: Part, sig: Signals
                      ) -> tuple[float, Sentence]:
    """"颈椎TFESI用什么激素？为什么不能用曲安奈德？": why a drug is not used in the procedure asked before is that procedure's
    reason (the particles, in a transforaminal injection), not another effect of the drug (its adrenal suppression after
    any epidural): a sentence naming both leads when the lead names only the drug."""
    procs = [c for c in part.inherited if sig.kinds.get(c) == "procedure"]
    own = [c for c in part.concepts if sig.kinds.get(c) in _DRUG_KINDS]
    if part.aspects[:1] != ("mechanism",) or not procs or not own or any(c in lead[1].concepts for c in procs):
        return lead
    return next((t for t in above if t[0] >= 0.6 * lead[0] and any(c in t[1].concepts for c in procs)
                 and _near(own, sig) & t[1].concepts), lead)


def _lead(chosen: list[tuple[float, Sentence]], groups: Sequence[str], kind: re.Pattern[str] | None = None,
          count: re.Pattern[str] | None = None, interval: Callable[[Sentence], bool] | None = None,
          about: frozenset[str] = frozenset(), subject: frozenset[str] = frozenset(),
          harm: Callable[[Sentence], bool] | None = None, focused: Callable[[Sentence], bool] | None = None,
          compared: frozenset[str] = frozenset(), rivalled: Callable[[Sentence], bool] | None = None,
          told_accident: bool = True, asked_action: bool = False, on_table: bool = False, topic: Callable[[str], bool] | None = None,
          level_free: bool = False, wide: frozenset[str] = frozenset(), procs: frozenset[str] = frozenset(),
          regions: frozenset[str] | None = None) -> tuple[float, Sentence]:
    """The best non-provenance sentence from the asked section group (if it is close enough to the best); for an ask
    no section holds ("how long do I observe her?"), the best that gives the asked kind of answer (a duration); else the best.
    Asked for the numbers (`count`), the best sentence giving one (of the complication asked `about`) leads when it is
    half as relevant as the best (`wide`: the asked complications with their broader ones, as the sources may say them). Asked about complications, a sentence of that section that names one (`harm`) leads
    before one that does not ("particulate的风险是什么": the permanent injuries, not the efficacy comparison beside them).
    A sentence about another procedure (`rivalled`: cefazolin in discography contrast, asked the dose for an SCS
    implant) leads only when nothing else may."""
    chosen = _may_lead(chosen, groups, rivalled, told_accident, level_free, regions)
    best = chosen[0]
    # (or it alone gives the time asked: "保守治疗多久无效要做EBP？" is answered by the note on early vs later patching)
    timed_note = kind is _KIND["timing"] and not any(kind.search(c[1].text) for c in chosen if c[1].group != "evidence")
    # an evidence note (how sure, where from) leads only when the evidence is what was asked
    # (or a mechanism named, asked how it works: the lipid shuttle is written as an evidence note)
    usable = [c for c in chosen if not c[1].provenance and (c[1].group != "evidence" or "evidence" in groups
                                                            or (timed_note and bool(_KIND["timing"].search(c[1].text)))
                                                            or (kind is _KIND["mechanism"] and bool(_MECHANISM_NAMED.search(c[1].text)))
                                                            # (or the level asked, "哪个节段比较安全": the sources' disagreement on it)
                                                            or (kind in (_KIND["location"], _BEST_PLACE) and bool(_LEVEL_ADVISED.search(c[1].text))))
              and not _NO_PROTOCOL[c[1].chunk.lang].search(c[1].text)  # "the sources describe no pathway" answers nothing first
              and ("overview" in groups or not _IDENTITY[c[1].chunk.lang].search(c[1].text))] or chosen  # a brand's card
    best = usable[0]  # "close enough" is measured against the best that may lead (not an evidence note that may not)
    counted = [c for c in usable if count is not None and count.search(c[1].text) and c[1].group != "evidence"
               and not CASE_REPORTS.search(c[1].text)  # "80 % of 166 case reports had deficits" is no rate
               and not _REDUCTION.search(c[1].text)]  # nor is "antibiotics cut wound infection by about 50%"
    # "IL vs TF": a sentence that names both compared (their rates side by side), before one about either alone
    # ("C5-6 or only C7-T1?": a sentence naming either level asked, before the procedure's contraindication list)
    both = [c for c in usable if len(compared & c[1].concepts) >= (1 if all(_is_level(x) for x in compared) else 2)]
    weighed = _weighing(both, counted, compared, best)
    if weighed is not None:
        return weighed  # ("perc vs paddle leads?": the sentence weighing them, before a rate of either or of neither)
    counted = [c for c in counted if c in both] or counted
    # (a complication's rate, not the overview's prevalence of the condition treated)
    counted = [c for c in counted if c[1].group != "overview" or "overview" in groups or (harm is not None and harm(c[1]))] or counted
    counted = [c for c in counted if kind is _MOST and kind.search(c[1].text)] or counted  # the most common one's own rate
    counted = _complications_counted(counted, about, groups)
    counted = [c for c in counted if about & c[1].concepts] or counted  # the infection rate for "infection numbers"
    # (two asked, "电极移位率和感染率分别是多少": one giving both, before an overall rate naming one of them)
    counted = [c for c in counted if len(about) < 2 or (about <= c[1].concepts and len(COUNT.findall(c[1].text)) >= len(about))] or counted
    counted = _rates_before_none_seen(counted, about)
    # (after the procedure asked: the ESI audit's dural puncture rate, before the range quoted for all epidural techniques)
    counted = [c for c in counted if not procs or procs & c[1].concepts] or counted
    # (one giving that complication's own rate, before an overall rate that lists it among others)
    counted = [c for c in counted if focused is None or focused(c[1])] or counted
    if not about:  # "odds of something serious?": serious events (a named complication's own rate needs no such word)
        counted = [c for c in counted if _SERIOUS.search(c[1].text)] or counted
    if counted and counted[0][0] >= 0.5 * best[0]:
        return counted[0]
    # "how long do I hold Eliquis?": its interval (from an evidence note when no other sentence gives that drug's: the
    # superseded 2003 wording is all the sources say of a heparin drip)
    # (asked when to restart it: the interval that gives the restart, "LMWH 在术后约 12–24 小时恢复", not the hold before)
    restart = kind is _DRUG_RESTART
    timed = [c for c in usable if interval is not None and interval(c[1]) and (not restart or _DRUG_RESTART.search(c[1].text))] or \
            [c for c in chosen if interval is not None and interval(c[1]) and not c[1].provenance
             and (not restart or _DRUG_RESTART.search(c[1].text))]
    # (a restart among the chosen answers a restart ask however the drug is named: "LMWH is restarted…" for enoxaparin)
    # (how far it moves asked first, "血糖升多少 持续几天": the amount before how long, when a sentence measures it)
    measured_first = kind is _KIND["magnitude"] and any(kind.search(c[1].text) for c in usable)
    if timed and (restart or timed[0][0] >= 0.5 * best[0]) and not measured_first:
        return timed[0]
    # an ask no section holds: the best sentence giving that kind of answer about the asked subject (a blood patch's
    # timing, not a nerve block's), from an evidence note too when no other sentence gives it
    gives = [c for c in chosen if kind is not None and not c[1].provenance and kind.search(c[1].text)
             and not (kind is _KIND["mechanism"] and _WHY_IT_MATTERS.search(c[1].text))]  # (why a topic matters is no cause)
    gives = _kind_order(gives, kind)
    # (when it is done, from an evidence note too, before when a study measured an outcome: "when should I do the patch?")
    done = [c for c in gives if not (kind is _KIND["timing"] and _STUDY_REPORT.search(c[1].text))]
    in_kind = ([c for c in done if c in usable and subject & c[1].concepts]
               or [c for c in done if subject & c[1].concepts and c[1].group == "evidence"]
               or [c for c in gives if c in usable and subject & c[1].concepts]
               or [c for c in gives if subject & c[1].concepts and c[1].group == "evidence"]
               or [c for c in gives if c in usable])
    in_kind = _of_the_asked(in_kind, both, kind, about)
    # (a level advised, "首选C7–T1", before another verdict beside it: keep sedation light)
    in_kind = [c for c in in_kind if kind is not _BEST_PLACE or _LEVEL_ADVISED.search(c[1].text)] or in_kind
    widest = _widest_note(done, subject, topic)
    in_kind = widest + [c for c in in_kind if c not in widest]
    # (the first ask is one no section holds, "she's 55 kg, the actual numbers?": its kind before a later ask's section)
    # (one giving it for the asked subject leads at half the best, as a count or an interval does: "caffeine not helping,
    # how much blood for the patch?" - the volume, before the patch's place as the definitive treatment)
    # (a named mechanism of the asked subject answers "how does it work?" even when the dosing sentences score higher)
    # (a sentence naming the mechanism, "attributed to injection into a radicular artery", before one with a mere "because")
    in_kind = [c for c in in_kind if _MECHANISM_NAMED.search(c[1].text)] + [c for c in in_kind if not _MECHANISM_NAMED.search(c[1].text)] \
        if kind is _KIND["mechanism"] else in_kind
    named_mechanism = kind is _KIND["mechanism"] and bool(in_kind) and bool(_MECHANISM_NAMED.search(in_kind[0][1].text))
    # (and a drug's restart answers "when can she have the next dose?" whatever scores higher: its hold before, a label)
    # (and an amount measured answers "how far does it go up?" however much higher the studies of how long it lasts score)
    # (and how long it lasts, given with the time: "细针穿破后…多在 2 周内自行缓解" for "头痛会持续多久", before the rate of the
    # headache the question already told)
    lasts = kind is _LASTS and bool(in_kind) and bool(_TIME_SPAN.search(in_kind[0][1].text))
    if in_kind and in_kind[0][0] >= (0.3 if named_mechanism or kind is _DRUG_RESTART or measured_first
                                      else 0.5 if lasts or subject & in_kind[0][1].concepts else 0.6) * best[0]:
        return in_kind[0]
    side = _side_or_stop_rule(both, usable, groups, about, asked_action and on_table, best)
    if side is not None:
        return side
    for group in groups:  # the most specific asked aspect first
        # ("how good is the evidence?": the best sentence reporting a study of it, a review of 19 studies, is evidence)
        in_group = [c for c in usable if c[1].group == group or (group == "evidence" and c is best and _STUDY_REPORT.search(c[1].text))]
        if about and focused is not None:  # the asked complication's own figure, before one set beside other complications'
            # (named itself, before one naming only its broader kin: a cement embolism's rate, not the leak rate that
            # says no leak became a pulmonary embolism)
            in_group = [c for c in in_group if focused(c[1]) and about & c[1].concepts] or [c for c in in_group if focused(c[1])] or in_group
        if group == "management" and asked_action:  # "怎么处理？": a step, before the criteria that recognise it
            in_group = _steps_asked(in_group, about)
        if group == "complications" and harm is not None:
            in_group = _harm_named(in_group, usable, harm, subject, wide or about, focused, best)
        if in_group and in_group[0][0] >= 0.6 * best[0]:
            return in_group[0]
    # (nothing more to go by: one naming what the part asks about, "两种混着用怎么算？" the mixture, before one naming only
    # the drugs it inherited)
    named = [c for c in usable if subject & c[1].concepts] if not groups else []
    return named[0] if named and named[0][0] >= 0.6 * best[0] else usable[0]


def _complications_counted(counted: list[tuple[float, Sentence]], about: frozenset[str],
                           groups: Sequence[str]) -> list[tuple[float, Sentence]]:
    """A harm's rate asked and no count naming it: the counts written down among the complications first ("chance of getting
    paralysed from a lumbar TFESI?" is the audit's none in 16,638, not the share a steroid left without relief)."""
    if about and "complications" in groups and not any(about & c[1].concepts for c in counted):
        counted = [c for c in counted if c[1].group == "complications"] or counted
        # (a serious harm's count, "no major neurologic event in 16,638", before every adverse event's share, 9.2 %)
        return [c for c in counted if _SERIOUS.search(c[1].text)] or counted
    return counted


def _side_or_stop_rule(both: list[tuple[float, Sentence]], usable: list[tuple[float, Sentence]], groups: Sequence[str],
                       about: frozenset[str], asked_action: bool, best: tuple[float, Sentence]) -> tuple[float, Sentence] | None:
    """The sentence naming both sides compared, side by side, when close enough to the best; else, asked what to do with
    a sign seen on the table ("cement creeping towards the posterior wall - keep going or stop?"), the rule to stop on
    that sign, wherever it is written."""
    both = _side_by_side(both, groups)
    if both and both[0][0] >= 0.6 * best[0]:
        return both[0]
    stop_rule = [c for c in usable if asked_action and about & SEEN_ON_THE_TABLE & c[1].concepts and _STOP_ON_SIGN[c[1].chunk.lang].search(c[1].text)]
    return stop_rule[0] if stop_rule and stop_rule[0][0] >= 0.5 * best[0] else None


_TOLD_SINCE = lazy(r"\b(?:ago|since|yesterday|days?|\d+\s*d)\b|天前|以来|昨天|天了|术后", re.I)  # (a sign told as days back)
STOP_ON_SIGN = _STOP_ON_SIGN = {"en": lazy(r"\bstop (?:when|if|as soon as)\b|\bdo not inject further\b|\babort or redirect\b", re.I),
                 "zh": lazy(r"即停止注射|不得继续注射|中止注射或改换|应立即停止操作")}


def _harm_named(in_group: list[tuple[float, Sentence]], usable: list[tuple[float, Sentence]], harm: Callable[[Sentence], bool],
                subject: frozenset[str], about: frozenset[str], focused: Callable[[Sentence], bool] | None,
                best: tuple[float, Sentence]) -> list[tuple[float, Sentence]]:
    """Asked about complications: one naming the asked subject too, first, from any section ("particulate steroid at
    cervical levels is a risk factor for permanent injury" before "non-particulate steroid almost never causes it"); else
    one that names a complication, before a series where none occurred."""
    named = [c for c in in_group if harm(c[1])]
    named = [c for c in named if not _NONE_SEEN[c[1].chunk.lang].search(c[1].text)] or named
    # (and the complication asked, when one is: "how common is that after epidurals?" after a faint, not the wet tap's rate)
    about_it = [c for c in usable if harm(c[1]) and subject & c[1].concepts and (not about or about & c[1].concepts)]
    if about and focused is not None:  # (its own figure first, before an audit's other complications)
        about_it = [c for c in about_it if focused(c[1])] or about_it
    return about_it[:1] if about_it and about_it[0][0] >= 0.6 * best[0] else named or in_group


def _steps_asked(in_group: list[tuple[float, Sentence]], about: frozenset[str]) -> list[tuple[float, Sentence]]:
    """Asked what to do: the management sentences that give a step, of the complication told (a wet tap's headache is
    treated, not the TFESI's stop rule followed)."""
    in_group = [c for c in in_group if about & c[1].concepts] or in_group
    # (no step written as one: a treatment named before a series' rate, "给点啥药？" after a post-RF neuritis)
    return [c for c in in_group if c[1].action] or [c for c in in_group if not COUNT.search(c[1].text)] or in_group


def _of_the_asked(in_kind: list[tuple[float, Sentence]], both: list[tuple[float, Sentence]], kind: re.Pattern[str] | None,
                  about: frozenset[str]) -> list[tuple[float, Sentence]]:
    """The sentences giving the asked kind that name both sides compared, when some do; asked how a complication shows,
    only those naming it (not a list that "includes" something else: a pump's maintenance, asked baclofen withdrawal's signs)."""
    in_kind = [c for c in in_kind if c in both] or in_kind
    return [c for c in in_kind if about & c[1].concepts] if kind is _KIND["recognition"] and about else in_kind


def _widest_note(done: list[tuple[float, Sentence]], subject: frozenset[str], topic: Callable[[str], bool] | None
                 ) -> list[tuple[float, Sentence]]:
    """An evidence note giving the asked kind for every topic the part names ("各机构对妊娠工作人员的胎儿剂量限值不同：ICRP
    为…1 mSv"), when no other sentence does: before a sentence giving it for one of them (the whole-body limit, asked the
    pregnant nurse's)."""
    topics = frozenset(c for c in subject if topic is not None and topic(c))
    if len(topics) < 2 or any(topics <= c[1].concepts for c in done if c[1].group != "evidence"):
        return []
    return [c for c in done if c[1].group == "evidence" and topics <= c[1].concepts][:1]


# A finding that a harm did not occur ("No infection and no new deficit occurred in the Kornick series", 未发生感染).
_NONE_SEEN = {"en": lazy(r"^(?:No|None of|Neither)\b|\bno [\w -]{0,60}(?:occurred|was seen|were seen|was observed|were observed)\b|"
                               r"\bnot observed\b", re.I),
              "zh": lazy(r"未发生|未出现|未观察到|没有发生|均未")}


def _kind_order(gives: list[tuple[float, Sentence]], kind: re.Pattern[str] | None) -> list[tuple[float, Sentence]]:
    """The sentences giving the asked kind of answer, the ones that give it best first: a measured mean rise before one
    patient's reading ("how high does glucose go?"), how it presents before a list that "includes" it."""
    if kind is _KIND["magnitude"]:
        best = _MEAN
    elif kind is _KIND["recognition"]:
        best = _PRESENTS
    elif kind is _KIND["workup"]:
        best = _WORKS_UP  # the studies to order for a suspected case, before why imaging surveillance is done
    elif kind is _KIND["mechanism"]:
        best = _MECHANISM_NAMED  # the mechanism named, before a sentence that only says "because"
    else:
        return gives
    return [c for c in gives if best.search(c[1].text)] + [c for c in gives if not best.search(c[1].text)]


# why a topic matters, written in an overview ("IDD safety matters because harm can arise…", 之所以必须重视…): no cause
_WHY_IT_MATTERS = lazy(r"\bsafety matters because\b|^Safety matters because|\bmatter for safety because\b|之所以(?:必须)?重视|安全性之所以重要", re.I)
# (the mechanism itself, not a sentence saying that a guideline describes one)
_MECHANISM_NAMED = lazy(r"^(?![\s\S]*(?:\bdescribes?\b|阐述|介绍了))[\s\S]*(?:\bmechanism|\bproposed\b|" + _ATTRIBUTED + r"|\bthought to\b|\bembol|机制|原理|归因于|被认为|栓塞)", re.I)
MECHANISM_NAMED = _MECHANISM_NAMED  # (a sentence naming how a harm comes about: the answer engine adds a procedure's own)
_WORKS_UP = lazy(r"\b(?:suspected|obtain\w*|order\w*|confirm\w*|diagnos\w*|followed by|then)\b|疑似|怀疑|先行|再行|确诊|诊断|"
                       r"行[^，。；]{0,20}检查", re.I)


# A sentence reporting what a study found ("In a systematic review of 19 studies …", "在一项纳入 … 的研究中").
_STUDY_REPORT = lazy(r"^In (?:a|an|the|one) (?:[\w-]+ ){0,3}(?:systematic review|review|study|series|trial|cohort|audit|"
                           r"meta-analysis|survey)\b|^(?:在)?一项[^，。]{0,30}(?:研究|综述|病例系列|试验|系统评价)", re.I)


def _rates_before_none_seen(counted: list[tuple[float, Sentence]], about: frozenset[str]) -> list[tuple[float, Sentence]]:
    """A rate of the asked complication, before a series where none occurred ("no discitis occurred (0/200)" does not lead
    the pooled 0.25 %); with no other rate of it, "no infection in 16,638 ESIs" stays the infection answer."""
    def none_seen(c: tuple[float, Sentence]) -> bool:
        return bool(_NONE_SEEN[c[1].chunk.lang].search(c[1].text))
    if any(about & c[1].concepts and not none_seen(c) for c in counted):
        return [c for c in counted if not none_seen(c)]
    return counted


def _may_lead(chosen: list[tuple[float, Sentence]], groups: Sequence[str], rivalled: Callable[[Sentence], bool] | None,
              told_accident: bool, level_free: bool = False, regions: frozenset[str] | None = None) -> list[tuple[float, Sentence]]:
    """The sentences that may lead, when any other may: not one about another procedure (`rivalled`), and not a rate given
    an accident the question does not tell ("PDPH in 16-86 % after an accidental dural puncture with a Tuohy needle",
    asked the PDPH rate to quote for an ESI). Asked how often with no level (`level_free`), one about every level first:
    the overall 1.4 % of cervical ILESIs before C5-6's 2.8 %."""
    if level_free:
        chosen = [c for c in chosen if not any(map(_is_level, c[1].concepts))] + [c for c in chosen if any(map(_is_level, c[1].concepts))]
        # (and a share of case reports, "80% of 166 haematoma case reports had severe deficits", is no rate to lead with)
        chosen = [c for c in chosen if not CASE_REPORTS.search(c[1].text)] + [c for c in chosen if CASE_REPORTS.search(c[1].text)]
    if rivalled is not None:
        chosen = [c for c in chosen if not rivalled(c[1])] or chosen
    if regions is not None:  # (how often, no region asked: "how common is dural puncture with an ILESI" is the audit's of
        # every level, before a cervical series' rate)
        chosen = [c for c in chosen if not _of_another_region(c[1], regions)] or chosen
    if not told_accident and "complications" in groups:
        chosen = [c for c in chosen if not _GIVEN_ACCIDENT.search(c[1].text)] or chosen
    if "complications" in groups:  # ("other problems reported after … are…": after the principal ones, never first)
        chosen = [c for c in chosen if not _OTHER_HARMS.search(c[1].text)] + [c for c in chosen if _OTHER_HARMS.search(c[1].text)]
    return chosen


def _asked_kind(part: Part) -> re.Pattern[str] | None:
    """The kind of answer the part's first ask wants, when no section holds that ask (a duration, a dose, a work-up)."""
    first = part.aspects[:1]
    narrow = _narrow_kind(part)
    if narrow is not None:
        return narrow
    # ("保守治疗多久无效要做EBP？": when the next step comes; not a repeat asked, "第二次什么时候做": the second one's sentence)
    if next_step_timed(part) and not _AGAIN.search(part.text):
        return _KIND["timing"]
    if not first or GROUP_OF_ASPECT.get(first[0]) or first[0] not in _KIND:
        return None
    if part.aspects[:2] == ("recognition", "action"):  # (a complication told happening: what it is and what to do, a step)
        return None
    if first == ("dose",) and _AGENT_ASKED.search(part.text):  # ("what steroid and dose?": which one first, not any figure)
        return None
    # "头孢唑林几克 术前多久给": a dose or a time, whichever the sources give (the asks no section holds, in order)
    # (a limit asked with its amount, "dose limit", is one ask: the limit)
    run = part.aspects[: next((i for i, a in enumerate(part.aspects) if a not in ("dose", "timing")), len(part.aspects))]
    return _either(tuple(run)) if len(run) > 1 else _KIND[first[0]]


@lru_cache(maxsize=32)
def _either(aspects: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_KIND[a].pattern})" for a in aspects), re.I)


@lru_cache(maxsize=256)  # asked for every sentence scored
def _narrow_kind(part: Part) -> re.Pattern[str] | None:
    """A narrower kind of answer than the part's first ask names: "how long will it last?" (when it settles, not when it
    starts), "how long do I continue the antibiotics?" (when the course stops), "what infusion rate?" (an amount per time,
    not a volume)."""
    first = part.aspects[:1]
    for aspect, ask, kind in _NARROW:
        # (a choice asked beside another ask, "which is safer", is still a choice: its verdict answers it)
        # (a restart asked of a held drug, "术后什么时候可以恢复克赛", reads as a hold: its restart answers it)
        # (a threshold asked after the lab value told, "血小板6万…多少以上才安全", is the lab's: its level answers; not
        # "what's the max?", a dose)
        lab = kind is _LAB_LEVEL and bool(_LABS & set(part.inherited)) and not part.concepts and bool(THRESHOLD_ASK.search(part.text)) \
            and not _ASKS_DOSE.search(part.text)
        if kind is _WATCHED and _KIND["recognition"].search(part.text):
            continue  # ("which early signs should the nurses watch for?": the signs, not the checks)
        # ("which is safer, TFESI or ILESI?" asks which carries fewer complications: their rates, no verdict word)
        if (first == (aspect,) or (kind is _VERDICT and aspect == "comparison" and aspect in part.aspects and first != ("complications",))
                or (kind is _DRUG_RESTART and first == ("hold",))
                # (a ratio asked, "CNS 毒性的几倍", asks no dose: nothing else asked, the ratio answers it)
                or (kind is _RATIO and not first)) and (ask.search(part.text) or lab):
            # "她体重45公斤，脂肪乳首剂多少毫升": with the weight told, a per-kg figure gives the volume
            return _VOLUME_OR_PER_KG if kind is _VOLUME and told_weight(part.text) is not None else kind
    return None


# how long a treatment goes on (a course of antibiotics after an implant), and the sentences that say when it stops
_COURSE_ASK = lazy(r"how long (?:\w+ ){0,3}(?:continue|keep|carry on|go on)\b|(?:continue|keep (?:\w+ )?on|carry on)\b[^?]{0,40}\bhow long|"
                         r"for how (?:long|many days)|how many days (?:of|on)\b|"
                         + KEEP_ON_FOR + r"|duration|postop\w*\b[^?]{0,30}how long|how long[^?]{0,40}post-?op|"
                         r"(?:用|吃|打|做|维持|持续|继续)(?:几天|多久|多长时间|几周)|疗程|术后.{0,12}(?:几天|多久|多长时间)(?![^，。？?]{0,4}(?:吃饭|喝水|进食|饮水|下床|开车|洗澡|上班))", re.I)
_COURSE = lazy(r"\b(?:stop\w*|discontinu\w*|continu\w*|course|duration|for (?:at least )?\d+(?:[–-]\d+)? (?:h|hours|days|weeks)|"
                     r"beyond \d+|more than \d+ (?:h|hours|days))\b|停用|停药|疗程|持续|继续|超过\s*\d+", re.I)
_LASTS = lazy(r"settl|resol|subsid|go(?:es)? away|last(?:s|ed|ing)?\b|persist|wear(?:s)? off|recover|"
                    r"\breturn(?:s|ed|ing)? (?:to|towards) (?:\w+ )?(?:baseline|normal|the usual)|back to (?:baseline|normal)|"
                    r"\brelief of \d+ (?:days|weeks|months)|"  # (a series' median relief: how long relief lasts)
                    r"自行缓解|缓解|消退|消失|自愈|持续|恢复|回落|回到(?:平时|基线|正常)", re.I)
_DRUG_RESTART = lazy(r"\b(?:restart|resum)\w*|(?:术后|操作后)[^，。；]{0,20}恢复|恢复(?:用药|服药|服用|给药|使用)", re.I)
_TIME_SPAN = lazy(r"\d+(?:\.\d+)?(?:\s*[–-]\s*\d+)?\s*(?:h\b|hours?\b|days?\b|weeks?\b|months?\b|小时|天|周|个月)|\bday \d+|第\s*\d+\s*天|"
                        r"(?:数|几)(?:个)?(?:小时|天|周|月)(?:内|后|之内)|\b(?:a few|several) (?:hours|days|weeks|months)\b", re.I)  # ("数周内自行缓解")
TIME_SPAN = _TIME_SPAN  # (a span of time a sentence gives: the answer engine looks for passages with one)
_RATE_ASK = lazy(r"(?:infusion|flow|drip|pump|irrigation|saline|fluid|lipid|bolus) rate|how fast (?:to|should|can|do|are|is|may|must) (?:i |we |you )?(?:be |have been )?(?:(?:allowed|supposed|meant|safe) to )?(?:inject|infus|irrigat|run|push|giv)|" + RATE_TO_GIVE + "|"
                       r"(?:输注|注射|推注|冲洗|灌注|滴注)速度|(?:注|推|冲洗|输)多快", re.I)
_RATE = lazy(r"\d+(?:[.,–-]\d+)?\s*(?:mL|ml|毫升)\s*(?:/\s*(?:min|s|h)\b|per (?:min|minute|second|hour)|every \d+(?:[–-]\d+)?\s*s\b)|"
                   r"每\s*\d+(?:[.,–-]\d+)?\s*(?:s|秒|分钟|min)", re.I)
# which complication is the most common: the sentence that ranks one first, not the one with the largest count
_MOST_ASK = lazy(r"most (?:common|frequent)|commonest|最常见|最多见|最容易(?:出现|发生)", re.I)
_RATE_TOO = lazy(r"\bhow often\b|\bhow frequent|\brates?\b|\bincidence\b|\bpercent|发生率|几率|概率|比例", re.I)
_MOST = lazy(r"most (?:common|frequent)\w*|commonest|(?:ranks?|ranked|listed|lists?) [\w -]{0,30}\bfirst\b|"
                   r"最常见|最为常见|最多见|列为首位|居首", re.I)
# "is Kenalog OK for a C6-7 TFESI?": the sentence that gives the verdict (should not be used, first choice, can continue)
_VERDICT = lazy(r"\bshould not\b|\bshould be avoided|\bmust not\b|\bavoid(?:ed|ing|ance)?\b|contraindicat\w*|\bnot (?:be )?(?:used|recommended|given)\b|"
                      r"\bdo not (?:use|inject|give|add)\b|\bsafe to\b|first choice|\bpreferred\b|\bmay be (?:used|considered|continued)\b|"
                      r"\badvis(?:e|es|ed)\b|\brecommend(?:s|ed)?\b|\bshould be kept\b|\bneed(?:s)? not\b|\bdo(?:es)? not need to\b|"
                      r"\bnot (?:been )?approved\b|\boff-label\b|"
                      r"不应|不宜|禁用|禁忌|避免|不得|不要|不必|无需|首选|可以继续|可继续|可考虑|不推荐|应选用|未批准|未获批|超说明书|建议选择|推荐|应保持", re.I)
_ANY = lazy(r"")
# "where's the best spot for the box?": the verdict, or the site where the harm was least common
_LEVEL_ADVISED = lazy(r"(?:advises?|recommends?|建议|首选)[^.;。；]{0,12}?[CTLS]\d", re.I)  # (a level advised, not one measured)
_BEST_PLACE = lazy(_VERDICT.pattern + r"|\bleast (?:common|frequent)\b|\blowest\b|\bfewest\b|最低|最少|" + _LEVEL_ADVISED.pattern, re.I)
# "what's the difference between particulate and non-particulate?": the sentence that sets one against the other
_DIFF_ASK = lazy(r"difference|differ\b|distinguish|区别|差别|差异|有什么不同|有何不同", re.I)
_DIFF = lazy(r"\bwhereas\b|\bwhile\b|\bunlike\b|\bin contrast\b|而(?!且|是)|相比之下", re.I)
# "血补丁打多少ml", "how much blood for the patch?": a volume (caffeine's mg/day is a dose, not the patch's volume)
_VOLUME_ASK = lazy(r"how (?:many|much) (?:ml|mls|millilit\w*|cc|volume)\b|how much blood|\bvolume\b|多少\s*(?:ml|mL|毫升|cc)|多少血|多大(?:容)?量|"
                         r"(?<!出)(?<!失)血量|(?<!血)容量", re.I)
_VOLUME = lazy(r"\d+(?:[.,–-]\d+)?\s*(?:mL|ml|毫升|cc)(?![A-Za-z])(?!\s*/)", re.I)
PER_KG_VOLUME = lazy(r"\d+(?:\.\d+)?\s*(?:mL|ml|毫升)\s*/\s*(?:kg|公斤)(?!\s*/)", re.I)  # a weight-based volume ("1.5 mL/kg")
_VOLUME_OR_PER_KG = lazy(_VOLUME.pattern + "|" + PER_KG_VOLUME.pattern, re.I)
# "which level is safest?": the level advised (preferred, avoided), not the level with the most punctures
_BEST_ASK = lazy(r"\bsaf(?:e|er|est)\b|\bbest\b|\brecommended\b|\bpreferred\b|最安全|更安全|比较安全|较安全|安全些|哪个安全|首选|推荐|最好|"
                       # ("which level for a cervical ILESI?", 选哪个节段: the level advised; not where a harm is most common)
                       r"^(?![\s\S]*(?:\bmost\b|highest|common|frequent|最多|最高|多见|最常见|发生率))[\s\S]*?"
                       r"(?:\bwhich (?:level|segment|interspace)s?\b|\bwhat level\b|哪个节段|哪一节段|哪个间隙|选哪)|"
                       r"\b(?:accepted|acceptable|recommended|approved|allowed) (?:level|interspace|segment)s?\b", re.I)
# "心血管毒性所需剂量是 CNS 毒性的几倍？": a ratio
_RATIO_ASK = lazy(r"how many times|what (?:is the )?ratio|\bratio\b|几倍|多少倍|倍数", re.I)
_RATIO = lazy(r"\d+(?:\.\d+)?\s*(?:倍|times\b|-?fold\b)|\bratio\b|比值", re.I)
# "INR cutoff for an SCS lead?", "血小板多少以上能做": the level the value must reach (a normal INR, a count)
_LABS = frozenset({"inr", "platelet-count", "thrombocytopenia"})
_LAB_ASK = lazy(r"(?<![A-Za-z])(?:INR|platelets?|plt)(?![A-Za-z])|血小板|国际标准化比值", re.I)  # ("INR要降到多少": no \b before 要)
_LAB_LEVEL = lazy(r"(?<!target )\b(?:INR|platelets?)\b[^.;]{0,60}(?:normal|<|≤|below|under|less than|at least|above|>)|normali[sz]ed[^.;]{0,40}\bINR\b|"
                        r"(?<!目标)(?<!目标 )(?:INR|国际标准化比值|血小板)[^。；]{0,30}(?:正常|以下|低于|以上|高于|<|≤|>|≥)", re.I)  # (a target INR is a treatment's)
# "how many ESIs a year?", "一年最多打几次": the limit on repeats (per year, in 6 months), not a dose
_REPEAT_ASK = lazy(r"how many (?:\w+ ){0,8}?(?:per|a|each|in a|every) (?:year|yr|month|6 months|six months)|"
                         r"(?:一年|每年|半年)(?:内)?(?:最多)?(?:能|可以|可)?(?:打|做|注射)?(?:几次|多少次)|最多(?:能|可以)?(?:打|做|注射)?几次", re.I)
_REPEAT = lazy(r"\bper year\b|\ba year\b|\bin (?:\d+|six|twelve) months\b|\bno more than (?:\d+|three|four|six)\b|"
                     r"每年|一年|半年|个月内|不超过\s*\d+\s*次|\d+\s*次\s*/\s*年", re.I)
# Asks for a figure that only a sentence giving it answers ("how thick should the lead apron be?": a thickness in mm;
# "可以重复做几次？", "how many times can it be repeated?": a repeat limit (`_REPEAT`) or a repeat's result)
def _holds_figure_asked(s: Sentence, part: Part) -> bool:
    """Does the sentence give the one figure the part asks (a thickness, a share saved, a repeat limit)?"""
    return any(ask.search(part.text) and kind.search(s.text) for ask, kind in _ONE_FIGURE_ASKS)


_ONE_FIGURE_ASKS = (# the glucose at which to treat ("ESI后病人血糖多少需要处理"): a level with its unit, beside treating
                    (lazy(r"(?:血糖|glucose|sugar)[^，。？?]{0,10}(?:多少(?:才)?(?:需要|要|得|该)(?:处理|治疗|干预|用药)|(?:高于|超过)多少)|"
                          r"\bat what (?:glucose|sugar|blood sugar|bg|bm) (?:level |reading )?(?:should|do|would|must) (?:i|we|you) (?:treat|act|intervene)\b", re.I),
                     lazy(r"\d+(?:\.\d+)?\s*(?:mmol/L|mg/dL)[^.;。；]{0,40}(?:treat\w*|处理|治疗|(?:give|start|add)\w* insulin|给予胰岛素|加用胰岛素)|"
                          r"(?:treat\w*|处理|治疗|(?:give|start|add)\w* insulin|给予胰岛素|加用胰岛素)[^.;。；]{0,40}\d+(?:\.\d+)?\s*(?:mmol/L|mg/dL)", re.I)),
                    (lazy(r"how thick|\bthickness\b|多厚|厚度|(?:how many|what|多少|几)\s*(?:mm\s*)?(?:mmPb|mm Pb|mm lead|毫米铅)|mmPb\s*(?:\?|？|吗|的)|"
                          r"(?:多少|几)\s*(?:mm|毫米)\s*(?:的)?铅当量|铅当量(?:要|需要|得)?(?:多少|几)", re.I), lazy(r"\d+(?:\.\d+)?\s*mm\b|毫米|lead equivalen\w*|铅当量", re.I)),
                    # how much a measure saves ("how much does pulsed fluoro cut the dose?", 脉冲透视能降低多少剂量): a share
                    # (a share beside a word of lowering, not any percentage: "97.9% specificity" is no reduction)
                    (REDUCTION_ASK, lazy(r"\b(?:reduc|lower|cut|decreas|stop|block|absorb|attenuat)\w*\b[^.;]{0,60}?\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%[^.;]{0,40}?"
                                              r"\b(?:reduc\w*|lower|less|fewer)\b|\bRR\s*\d|\d+(?:\.\d+)?\s*[-–]?\s*fold\b|\bhalve[sd]?\b|"
                                              r"\bby half\b|(?:减少|降低|下降|阻挡|挡住|挡掉|屏蔽|吸收)[^。；]{0,20}\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%[^。；]{0,10}(?:减少|降低)|\d\s*倍|一半", re.I)),
                    # the radiation risk to a fetus already exposed ("how big is the radiation risk to the baby?", 胎儿辐射风险大吗):
                    # a dose to the fetus with its unit
                    (lazy(r"\b(?:radiation )?(?:risk|dose) to the (?:baby|fetus|foetus|unborn)\b|\bf(?:o)?etal (?:radiation )?(?:dose|risk)\b|"
                          r"胎儿[^，。？?]{0,6}(?:风险|剂量|受照|影响)", re.I),
                     lazy(r"(?:fetus|foetus|fetal|foetal|胎儿)[^.;。；]{0,60}\d+(?:\.\d+)?\s*m(?:Gy|Sv)\b|\d+(?:\.\d+)?\s*m(?:Gy|Sv)\b[^.;。；]{0,40}(?:fetus|foetus|fetal|胎儿)", re.I)),
                    (lazy(r"how many times (?:can|could|should|may) (?:\w+ ){0,3}(?:be )?(?:repeat\w*|redone|done)|"
                                r"重复(?:做|打)?几次|能(?:做|打)几次|可以(?:做|打)几次|能重复几次|可重复几次", re.I),
                     lazy(rf"{_REPEAT.pattern}|\brepeat\w*[^.;]{{0,60}}\d|重复[^。；]{{0,30}}\d", re.I)))
# "术后多久可以打", "when can she restart it?": the restart after the procedure, not the stop before it
_RESTART_ASK = lazy(r"\b(?:restart(?:ed|ing)?|resum(?:e|ed|ing)|go back on|start (?:it |them )?again)\b|"
                          # (or after the leads are in: "那测试电极放好以后呢 克赛和华法林什么时候开始")
                          r"(?:术后|操作后|做完|打完针|(?:放好|放完|置入|植入|拔除|拔掉)(?:以后|之后|后)呢?)[^，。？?]{0,16}(?:多久|什么时候|何时|啥时候|几天|几(?:个)?小时|几(?:个)?钟头)"
                          r"[^，。？?]{0,4}(?:可以|能|可)?(?:再)?(?:打|吃(?!饭|东西|喝|点)|用|恢复(?!饮食|进食)|开始(?!吃|进食|喝)|续|开(?![刀车工会学口门])|吃回)|"  # (not a meal: 术后多久可以吃饭)
                          # ("华法林啥时候吃回去": taken again)
                          r"(?:啥时候|什么时候|何时|多久(?:以后|之后|后)?)(?:能|可以|可)?(?:再)?(?:吃回|用回|打回)|"
                          # ("今天做了腰椎内侧支射频，什么时候能恢复华法林": the drug named after it; never "腿麻什么时候能恢复？")
                          r"(?:什么时候|何时|啥时候|多久(?:以后|之后|后)?)(?:能|可以|可)?(?:再)?恢复(?!正常|知觉|感觉|功能|过来|好|健康|饮食|进食|走路|行走|开车|驾驶|上班|工作|运动|活动|说话|到|体力|肌力|视力|听力|排尿|小便|大便|睡眠|[？?。，,\s]|$)|"
                          # ("give enoxaparin tonight instead, how many hours after the procedure is ok?": when it may start)
                          # (a dose given after it judged: "was 40mg clexane 4 hours after the injection too early?")
                          r"\b\d+\s*(?:h|hrs?|hours?) after (?:the |his |her |this )?(?:injection|procedure|block|op|operation|esi|epidural|implant)\b"
                          r"[^?.]{0,20}\btoo (?:early|soon)\b|(?:术后|操作后|注射后)\d+\s*(?:h|小时)[^，。？?]{0,12}(?:太早|早了|过早)|"
                          + FIRST_DOSE_AFTER + "|" + GIVEN_AFTER_ASK + "|" + NEXT_DOSE_ASK, re.I)
# "still has the headache after the patch - repeat it?": what the sources say of doing it again (a second blood patch)
_AGAIN_ASK = lazy("|".join(rx.pattern for rx in REPEAT_IT.values()), re.I)
# "lipid bolus 给多少", "LAST 时脂肪乳首剂量": the bolus (a regimen's first dose), not the ceiling of the whole rescue
_BOLUS_ASK = lazy(r"\bbolus\b|\bloading dose|\binitial dose|\bfirst dose|\bstarting dose|首剂|首次剂量|负荷量|负荷剂量|初始剂量", re.I)
_BOLUS = lazy(r"\bbolus\b|推注|负荷", re.I)
# whether it gives symptoms at all ("骨水泥漏到肺里一般会有症状吗？"): the sentence that says most are silent
_SYMPTOMS_ASK = lazy(r"(?:会|能)?有症状吗|有没有症状|会不会有症状|(?:会|能)?出现症状吗|\bsymptomatic\s*\?|\b(?:cause|give|have) (?:any )?symptoms\b", re.I)
_MOSTLY_SILENT = lazy(r"(?:大多|多数|大多数|通常|常常|多为)[^，。；]{0,12}无症状|无症状或一过性|"
                            r"\b(?:mostly|usually|often|largely|most(?: are)?)\b[^.;]{0,30}\basymptomatic\b|\basymptomatic or transient\b", re.I)
# a second go asked ("血补丁做完还是头痛 第二次什么时候做", "when can I repeat the patch?"): the sentence on a second one
_SECOND_ASK = lazy(r"第二次|再做一次|再补一次|\b(?:a )?(?:second|repeat|another) (?:blood )?patch\b|\brepeat (?:the |an? )?(?:ebp|blood patch)", re.I)
_SECOND = lazy(r"第二次|二次|\bsecond\b|\brepeat(?:ed)?\b|再次", re.I)
# "地塞米松用几毫克？", "how many mg of dex?": an amount in mass units (a repeat limit, "≤3–4 次/年", is no such dose)
_MASS_ASK = lazy(r"\bhow many (?:mg|milligrams?|mcg|micrograms?)\b|几\s*(?:毫克|mg|微克|克)|多少\s*(?:毫克|mg|微克|克)", re.I)
_MASS = lazy(r"\d+(?:[.,–-]\d+)?\s*(?:mg|mcg|µg|g\b|毫克|微克|克)(?!\s*/\s*(?:dL|L|mL)\b)", re.I)  # (not a glucose in mg/dL)
# which strength ("20% or 30%?", 用20%还是30%的): the sentence that gives a drug's strength
_STRENGTH_ASK = lazy(r"\d+(?:\.\d+)?\s?%\s?(?:的)?\s?(?:or|vs\.?|versus|还是|或者?)\s?\d+(?:\.\d+)?\s?%", re.I)
_STRENGTH_GIVEN = lazy(r"\d+(?:\.\d+)?\s?%\s?(?:[a-z-]+ )?(?:lipid|emulsion|lidocaine|lignocaine|bupivacaine|ropivacaine|"
                             r"chlorhexidine|dextrose|glucose)|\d+(?:\.\d+)?\s?%\s?(?:的)?(?:脂肪乳|脂质|利多卡因|布比卡因|罗哌卡因|氯己定|葡萄糖)", re.I)
# how a drug is given ("SCS植入前抗生素怎么给？"): its regimen, a dose or how it is dosed and when ("weight-based, within 1 h
# before incision")
_HOW_GIVEN_ASK = lazy(r"(?:怎么|如何|怎样|咋)给(?!多少)|\bhow (?:do|should|would|to) (?:i |we |you )?give\b|\bhow is (?:it|\w+) given\b", re.I)
# how a drug is given asked, any part of its regimen ("脂肪乳怎么给？bolus多少、维持多少", "bolus, infusion rate?")
REGIMEN_ASKED = lazy("|".join((_BOLUS_ASK.pattern, _HOW_GIVEN_ASK.pattern, _RATE_ASK.pattern, r"\binfusion\b|\bregimen\b|维持(?:多少|量)")), re.I)
_GIVEN_HOW = lazy(_KIND["dose"].pattern + r"|\bweight-based\b|按体重(?:给予|计算)|within \d+ h(?:ours?)? before|切皮前\s*\d+\s*h", re.I)
# What the team watches for answers "what do I monitor after…": the checks, or a new sign that calls for a step ("New
# dyspnoea, chest pain or hypoxia after vertebral augmentation should prompt…", "新出现的胸闷气促…应")
_WATCHED = lazy(MONITORING.pattern + r"|^(?:any )?new\b[^.;]{0,90}?\b(?:calls? for|should prompt|prompts?|warrants?)\b|"
                      r"^[^。；]{0,8}(?:新发|新出现|出现新)[^。；]{0,40}(?:应|需|须)(?:立即|尽快|紧急|急诊)?(?:行|做|怀疑|警惕|考虑)", re.I)
# when an injection is stopped ("at what point should I stop injecting?"): the sentence giving the endpoint ("stop when the
# cement approaches the posterior vertebral wall")
_STOP_POINT_ASK = lazy(r"\bstop (?:injecting|the injection|filling|pushing)|停止?(?:注射|推注)", re.I)
_STOP_POINT = lazy(r"\bstop (?:when|once|as soon as|before)\b|(?:一旦|接近|到达)[^，。；]{0,20}(?:即|就)?停止", re.I)


# the serious causes asked ("…what are we worried about?", "when should I escalate?"): the red-flag sentence
_WORRY_ASK = lazy(r"\b(?:worried|worrying|concerned|worry) about\b|\bred flags?\b|\bescalate\b|担心什么|警惕什么|危险信号|警示征象|红旗征|警示信号", re.I)
_RED_FLAGS = lazy(r"\bred flags?\b|\bwarning signs?\b|\brequire (?:urgent )?evaluation\b|\bmust be (?:excluded|ruled out)\b|警示征象|危险信号|必须评估|须评估有无", re.I)


# the main ways to keep a harm down ("what are the main ways to cut my exposure?"): the rules they come from ("the
# classic rules of radiation protection are time, distance and shielding")
_MAIN_WAYS_ASK = lazy(r"\b(?:main|key|basic|general|core) (?:ways?|measures|principles|rules|steps)\b|主要(?:措施|方法|原则|办法)|基本原则|核心原则", re.I)
_PRINCIPLES = lazy(r"\b(?:classic|basic|core|key|governing) (?:rules?|principles?)\b|经典原则|基本原则|核心原则|总原则", re.I)


# How long after the procedure the patient is safe ("打完以后多久没事了才算安全？", "how long until he's out of the woods?"):
# the window serious events begin in ("大多在注射后数分钟至48小时内出现").
SAFE_AFTER_ASK = lazy(r"多久(?:以后|之后)?(?:就)?(?:没事|算安全|才算安全|安全了|脱离危险)|多久才(?:算)?(?:安全|没事)|危险期|"
                             r"\bhow long (?:until|before|till) (?:she|he|they|it|the (?:patient|pt))(?:'s| is| are)? (?:safe|out of the woods|in the clear)\b|"
                             r"\bout of the woods\b|\bin the clear\b", re.I)
ONSET_WINDOW = lazy(r"(?:数分钟|几分钟|\d+\s*(?:分钟|小时|天))[^。；]{0,6}(?:至|到)[^。；]{0,10}内(?:出现|发生)|"
                           r"\bwithin (?:minutes|\d+\s*(?:min|minutes|h|hours))(?: (?:to|and) \d+\s*(?:h|hours|days))?\b[^.;]{0,20}\b(?:of|after)\b|"
                           r"\b(?:occur\w*|beg[ia]n|start\w*|appear\w*|present\w*) (?:mostly |usually |typically )?(?:within|between)\b", re.I)
_NARROW = (("dose", _STRENGTH_ASK, _STRENGTH_GIVEN), ("dose", _HOW_GIVEN_ASK, _GIVEN_HOW), ("recognition", _SYMPTOMS_ASK, _MOSTLY_SILENT), ("recognition", MONITOR_ASK, _WATCHED), ("timing", _SECOND_ASK, _SECOND), ("dose", _BOLUS_ASK, _BOLUS), ("escalation", _AGAIN_ASK, _AGAIN), ("dose", _RATIO_ASK, _RATIO), ("dose", _REPEAT_ASK, _REPEAT), ("timing", _RESTART_ASK, _DRUG_RESTART), ("limit", _LAB_ASK, _LAB_LEVEL), ("location", _BEST_ASK, _BEST_PLACE), ("timing", SAFE_AFTER_ASK, ONSET_WINDOW), ("timing", LASTS_ASK, _LASTS), ("timing", _COURSE_ASK, _COURSE), ("dose", _RATE_ASK, _RATE), ("dose", _VOLUME_ASK, _VOLUME),
           ("frequency", _MOST_ASK, _MOST), ("contraindications", _ANY, _VERDICT), ("comparison", _DIFF_ASK, _DIFF),
           ("comparison", _BEST_ASK, _VERDICT),  # "Kenalog or dex, which is safer?": the sentence that gives the choice
           ("prevention", _STOP_POINT_ASK, _STOP_POINT), ("prevention", _MAIN_WAYS_ASK, _PRINCIPLES),
           ("recognition", _WORRY_ASK, _RED_FLAGS))


# a sentence telling an expected, untreated effect: never a step in an emergency
REASSURED = lazy(r"\breassur\w*|\bexpected effects?\b|\bneeded no treatment\b|\bnone of which needed treatment\b|"
                        # (a series in which nothing happened: "none of 275 spinal injections … caused an epidural haematoma")
                        r"\bnone of (?:the )?\d[\d,]*\b|\b0 of \d|无一例|"
                        r"\bno treatment (?:is )?(?:needed|required)\b|预期效应|无需治疗|不需要治疗|可告知其为", re.I)


def emergency(sentences: Sequence[Sentence], docs: Sequence[str], hint_tokens: frozenset[str], lang: Lang,
              max_actions: int = 5, max_recognition: int = 2, actions_rx: str = "", steps: Sequence[str] = (),
              pathway_tokens: frozenset[str] = frozenset(), idf: Callable[[str], float] = lambda t: 1.0,
              weight: float | None = None, concepts: frozenset[str] = frozenset(), names: str | None = None,
              foreign: Callable[[Sentence], bool] = lambda s: False) -> list[Bullet]:
    """Pathway answer from the pathway's management passages: one bedside sentence per protocol step (`steps`, in order;
    a step a quoted sentence already covers is quoted again only for a sentence nearer this patient; the sentence
    fitting the patient's `weight` in kg, then the one nearest the question's words and `concepts` wins a step), or, for
    a pathway without steps, the sentences that talk about its actions (`actions_rx`) in protocol order; then recognition
    (sentences that share most of the pathway's own description, `pathway_tokens`, weighted by `idf`). Every quoted
    sentence makes its own point (one fact quoted in several documents is quoted once), and recognition names the
    pathway's condition (`names`, by default looked up from `actions_rx`): when the sources say little, the answer is
    short rather than padded. `hint_tokens`: the question's and the pathway's words together. A sentence about another
    procedure than the patient's (`foreign`: SCS wound care for a fever after an ESI) is not quoted."""
    from .safety import condition_names  # the pathway tables live with triage

    if names is None:
        names = condition_names(actions_rx, lang)
    named = re.compile(names, re.I) if names else None
    slugs = set(docs)
    sentences = [s for s in sentences if not foreign(s)]
    mgmt = [s for s in sentences if doc_slug(s.chunk.doc_id) in slugs and s.group == "management" and s.chunk.lang == lang]
    if not mgmt:
        mgmt = [s for s in sentences if s.group == "management" and s.chunk.lang == lang]
    own = hint_tokens - pathway_tokens  # the question's own words
    near = {id(s): len(own & s.tokens) + 2 * len(concepts & s.concepts) for s in mgmt}  # nearness to this patient

    def order(s: Sentence) -> tuple[int, int, int]:
        return (docs.index(doc_slug(s.chunk.doc_id)) if doc_slug(s.chunk.doc_id) in docs else 99, s.chunk.ordinal, s.position)

    usable = [s for s in mgmt if not s.provenance and not _COUNSEL[lang].search(s.text) and not _AFTERWARDS[lang].search(s.text)
              and not _SILENT.search(s.text) and not REASSURED.search(s.text)]  # the symptomatic patient's steps, not the silent
    # form's follow-up, nor another picture's reassurance ("numbness after a TON neurotomy is expected, none needed treatment")
    step_rx = [re.compile(p, re.I) for p in steps]
    if step_rx:  # a sentence quoted for a protocol step is an action, whatever its wording
        actions = _protocol_steps(usable, step_rx, lang, weight, near, order, max_actions)
        kinds = {id(s): "action" for s in actions}
    else:  # a pathway without protocol steps: the sentences that talk about its actions
        actions = _keyed_actions([s for s in usable if not named or named.search(s.text)], actions_rx, hint_tokens, lang, order)
        kinds = {id(s): "action" if s.action else "fact" for s in actions}
    # recognition: what is happening, from the pathway documents' management or complication passages
    seen = [s for s in sentences if doc_slug(s.chunk.doc_id) in slugs and s.group in ("management", "complications")
            and s.chunk.lang == lang and not s.provenance and not _COUNSEL[lang].search(s.text) and not _AFTERWARDS[lang].search(s.text)
            and not _FRAGMENT.match(s.text) and (not named or named.search(s.text)) and not is_rate_report(s.text, lang)]
    signs = {id(s): round(sum(idf(t) for t in pathway_tokens & s.tokens), 9) for s in seen}  # (rounded: a set's sum order varies)
    rel = {id(s): len(hint_tokens & s.tokens) for s in seen}
    floor = 0.6 * max(signs.values(), default=0.0)

    def describes(s: Sentence) -> bool:
        """A sentence about the condition, not a bedside step (a step the sources support is quoted as an action; when
        they support none, a sentence naming the condition that mentions an action word, "can obstruct the airway", is
        still what is happening)."""
        if not s.action:
            return True
        return bool(named) and not actions and not any(r.search(s.text) for r in step_rx)

    recog: list[Sentence] = []
    for s in sorted(seen, key=lambda s: (-signs[id(s)], -rel[id(s)], order(s))):
        if len(recog) == max_recognition:
            break
        if signs[id(s)] >= floor > 0 and describes(s) and not same_point(s, actions + recog, lang):
            recog.append(s)
    if not actions and named:  # the sources give no step: say so when they do ("no specific management pathway is described")
        recog += [s for s in seen if _NO_PROTOCOL[lang].search(s.text) and not same_point(s, recog, lang)][:1]
    return [Bullet(s, 0, 1.0, kinds[id(s)]) for s in actions] + [Bullet(s, 0, 0.5, "fact") for s in recog]


def is_meta(text: str, lang: Lang) -> bool:
    """Is the sentence about what the knowledge base covers (an answer to a question about scope, never to a patient's)?"""
    return bool(_META[lang].search(text))


def is_rate_report(text: str, lang: Lang) -> bool:
    """Does the sentence report how often something happened in a study ("PCE was found in 1.9% of a CT-screened
    series"), or speak of the silent, symptom-free form ("an asymptomatic PCE is followed up")? At the bedside of an
    emergency that is background, not what is happening or what to do."""
    return bool(_RATE_REPORT[lang].search(text) or _SILENT.search(text))


# A sentence that says what a picture means (it suggests lead migration, it is expected and settles).
# (or what the reaction consists of: "systemic corticosteroid effects — insomnia, flushing…", "presents as", 表现为)
_READS_PICTURE = {"en": lazy(r"\bsuggests?\b|\bindicates?\b|should raise|raise concern|should be recogni[sz]ed|\bpoints? to\b|"
                                  r"\bexpected\b|self-limit|\btransient\b|reassur\w*|usually (?:settles|resolves|self)|"
                                  r"\beffects?\s*[—–:]|\bpresents? (?:with|as)\b|\bmanifests? as\b|\bfeatures? (?:include|are)\b|\btypical(?:ly)?\b|\bcharacteristic|"
                                  # (or a common complication: "battery site sore, normal?" - pocket pain is among the commonest)
                                  r"\b(?:most common|commonest|a frequent|most frequent)\b[^.;]{0,20}\bcomplications?\b", re.I),
                   "zh": lazy(r"提示|应警惕|应识别为|考虑为|预期|自限|一过性|自行缓解|告知其为|表现为|特征包括|典型|最常见的[^。；]{0,8}并发症|常见的[^。；]{0,6}并发症")}
# A history that makes aspirin secondary prevention.
_SECONDARY_PREVENTION = frozenset({"coronary-stent", "stroke", "tia"})
# (or a coronary or vascular history told in words: CABG, a heart attack, PCI, angina, peripheral arterial disease)
_SECONDARY_TOLD = lazy(r"\bsecondary prevention\b|\b2(?:ry|nd|°) prevention\b|二级预防|(?-i:\bCABG\b)|\bbypass (?:graft|surgery)\b|"
                             r"\b(?:post[- ]?|previous |prior |old |had an? )(?:MI|NSTEMI|STEMI|heart attack|myocardial infarction)\b|"
                             r"(?-i:\b(?:NSTEMI|STEMI|PCI)\b)|\bperipheral (?:arterial|vascular) disease\b|"
                             # (dual antiplatelet therapy is given after a stent or an ACS: 双抗)
                             r"\bDAPT\b|\bdual antiplatelet|双抗|双联抗血小板|"
                             r"搭桥|冠脉旁路|心梗|心肌梗死|冠心病|支架术后", re.I)
_P2Y12 = frozenset({"clopidogrel", "ticagrelor", "prasugrel"})
_SECONDARY_DENIED = lazy(r"\b(?:not|isn'?t|rather than) (?:for )?(?:secondary|2(?:ry|nd)) prevention\b|(?:不是|并非|非)二级预防", re.I)
_PRIMARY_TOLD = lazy(r"(?<!not )(?<!not for )(?<!isn't )(?<!isnt )(?<!no longer )\bprimary prevention\b|(?<!不是)(?<!不属于)(?<!并非)一级预防", re.I)
_SILENT = lazy(r"asymptomatic|mostly silent|without symptoms|无症状|多无症状", re.I)
_SYMPTOMATIC = lazy(r"(?<!a)\bsymptomatic\b|(?<![无没])有症状", re.I)
_ONCE_SYMPTOMS = lazy(r"(?:一旦|如|若|如果)(?:出现|发生)|\bif\b[^.;]{0,60}\b(?:develops?|appears?|occurs?)\b|"
                            r"\bonce\b[^.;]{0,60}\b(?:develops?|appears?|occurs?)\b|\bat the first signs?\b", re.I)
_NO_SYMPTOMS_ASK = lazy(r"asymptomatic|no symptoms|without (?:any )?symptoms|symptom-?free|无症状|没(?:有)?(?:任何|什么)?症状|"
                              r"一点症状(?:都|也)?没(?:有)?|症状(?:都|也)?没(?:有)?|"
                              # (told well again after the scan: "back to 95% on air and comfortable", "现在没有不适")
                              r"\b(?:comfortable|well|fine) (?:now|again)\b|\band comfortable\b|\bback to (?:9[4-9]|100)\s*%|现在(?:没有|无)(?:任何)?不适", re.I)


NO_SYMPTOMS_ASK = _NO_SYMPTOMS_ASK  # (the answer engine: a silent finding asks whether anything is needed, not a pathway's steps)


_SPAN = r"(?:[^.;]|\.\d)*"  # within the sentence's clause (a decimal point does not end it)
_RATE_REPORT = {
    "en": lazy(rf"\d+(?:\.\d+)?\s*%{_SPAN}\b(?:series|review|study|studies|cohort|database|audit|trial|patients|levels|"
                     rf"procedures|injections|blocks|events)\b|\b(?:series|review|study|cohort|database|audit|trial)\b{_SPAN}\d+(?:\.\d+)?\s*%|"
                     rf"\b(?:incidence|prevalence)\b{_SPAN}\d+(?:\.\d+)?\s*%|"
                     r"\b\d{1,3}(?:,\d{3})+ (?:\w+ ){0,2}(?:injections|ESIs|procedures|patients|blocks|cases)\b", re.I),
    "zh": lazy(r"\d+(?:\.\d+)?\s*%[^。；]*(?:研究|系列|综述|队列|数据库|审计|试验|病例)|"
                     r"(?:研究|系列|综述|队列|数据库|审计|试验|病例|在一组|一组)[^。；]*\d+(?:\.\d+)?\s*%|"
                     r"(?:发生率|发病率)[^。；]*\d+(?:\.\d+)?\s*%|\d{1,3}(?:,\d{3})+\s*(?:次|例|名|位)"),
}
# A sentence saying the sources describe no management for the condition (quoted when no bedside step is found).
_NO_PROTOCOL = {
    "en": lazy(r"(?:do|does) not describe (?:a |any )?(?:specific )?(?:management|treatment)|no (?:diagnostic or )?treatment standard", re.I),
    "zh": lazy(r"未描述.{0,20}(?:处理|治疗)(?:流程|方案)|(?:尚无|没有|无).{0,6}(?:诊断(?:或|和))?治疗标准"),
}


# A list item cut from its list ("Uncommon: pneumothorax, ...", "不常见：..."): it leans on the sentence before it.
_FRAGMENT = lazy(r"^(?:[A-Z][a-z]+|[\u4e00-\u9fff]{1,4})\s*[:：]")

# Bedside steps the action cues of `sentences_of` miss: pausing, draining, confirming the diagnosis, the test to order.
_BEDSIDE = {
    "en": lazy(r"\bpause|\bdrain|\bconfirm\w*|\bdiagnos\w*|chest x-ray|radiograph|lung ultrasound|\bCT\b|\bCTPA\b|embolectomy|"
                     r"\bshould (?:raise concern|prompt suspicion)|\bwarrants? (?:assessment|evaluation)", re.I),
    "zh": lazy(r"暂停|引流|确诊|确认|诊断|胸片|X\s*线|CT|造影|取栓|停用|停药|回抽|排空|应警惕|应怀疑|应评估"),
}


def _protocol_steps(usable: Sequence[Sentence], step_rx: Sequence[re.Pattern[str]], lang: Lang, weight: float | None,
                    near: Mapping[int, int], order: Callable[[Sentence], tuple[int, int, int]], max_actions: int) -> list[Sentence]:
    """One bedside sentence per protocol step, in step order (see `emergency`): a step that a quoted sentence already
    covers is skipped unless another sentence fits the patient better (the urgent CT for cement in the canal after
    vertebroplasty, beside the general emergency MRI); both weight bands of a regimen when the weight is unknown."""
    actions: list[Sentence] = []
    done = 0
    for rx in step_rx:
        covering = [near[id(a)] for a in actions if rx.search(a.text)]
        # (a sentence saying the sources give no such step, "资料未给出椎间盘炎的抗生素方案", is no step)
        cands = [s for s in usable if rx.search(s.text) and (s.action or _BEDSIDE[lang].search(s.text))
                 and not same_point(s, actions, lang) and not _SOURCES_SILENT[lang].search(s.text)]
        if weight is None and any(WEIGHT_BAND.search(s.text) for s in cands):  # a weight-banded regimen: the bands, in order
            cands = [s for s in cands if WEIGHT_BAND.search(s.text)]
        if not cands:
            continue
        best = min(cands, key=lambda s: (-band_fit(s.text, weight), -near[id(s)] if weight or not WEIGHT_BAND.search(s.text) else 0,
                                         order(s)))
        if covering and near[id(best)] <= max(covering):  # a quoted sentence covers this step and none fits this patient better
            continue
        actions.append(best)
        done += 1
        told = WEIGHT_BAND.search(best.text)
        if weight is None and told:  # weight unknown: the regimen for the other weight band too
            other = [s for s in cands if s is not best and (m := WEIGHT_BAND.search(s.text)) and weight_band(m)[0] != weight_band(told)[0]
                     and not same_point(s, actions, lang)]
            actions += sorted(other, key=order)[:1]
        if done == max_actions:
            break
    return actions


def _keyed_actions(usable: Sequence[Sentence], actions_rx: str, hint_tokens: frozenset[str], lang: Lang,
                   order: Callable[[Sentence], tuple[int, int, int]]) -> list[Sentence]:
    """Up to 4 sentences that talk about the pathway's actions (`actions_rx`), most keys first, in protocol order."""
    keys = re.compile(actions_rx, re.I) if actions_rx else None
    rel = {id(s): len(hint_tokens & s.tokens) for s in usable}
    hits = {id(s): len({m.group(0).lower() for m in keys.finditer(s.text)}) if keys else 0 for s in usable}
    keyed = [s for s in usable if hits[id(s)]]
    pool = keyed if len(keyed) >= 2 else [s for s in usable if s.action and rel[id(s)] > 0]
    ranked = sorted(pool, key=lambda s: (-(hits[id(s)] + (1 if rel[id(s)] >= 2 else 0)), -rel[id(s)]))
    out: list[Sentence] = []
    for s in ranked:
        if len(out) < 4 and not same_point(s, out, lang):
            out.append(s)
    return sorted(out, key=order)


_HEDGES = {"en": "reported unverified, to be confirmed against the primary original source sources guideline; still, specific details",
           "zh": "据报道，未经核实，尚待与原始文献或指南原文核实核对"}
_HEDGE_TOKENS: dict[str, frozenset[str]] = {}


def _hedge_tokens(lang: Lang) -> frozenset[str]:
    """Tokens of the hedges and source notes that many sentences carry ("unverified; to be confirmed against the primary
    source", 未经核实，尚待与原始文献核实): they say nothing about the point a sentence makes."""
    if lang not in _HEDGE_TOKENS:
        _HEDGE_TOKENS[lang] = frozenset(tokenize(_HEDGES[lang], lang))
    return _HEDGE_TOKENS[lang]


def is_counsel(text: str, lang: Lang) -> bool:
    """Advice given to patients (warning signs, discharge instructions): never a bedside step."""
    return bool(_COUNSEL[lang].search(text))


def same_point(s: Sentence, chosen: Sequence[Sentence], lang: Lang, share: float = 0.6) -> bool:
    """Does `s` make a point a chosen sentence makes? The same sentence; the same figures (two or more, or one salient
    figure such as 2.6 % or 16,638: one review quoted in two documents), or three shared ones with a decimal among them
    (one result retold with a different frame); or words (hedges aside) mostly the other's
    while adding no figure of its own (the pneumothorax signs quoted from three documents). Two regimens with different
    doses are different points."""
    hedge = _hedge_tokens(lang)
    figures = _figures(s.text)
    mine: frozenset[str] | None = None  # cut only when a word test is reached
    salient = any("." in f or len(f) >= 3 for f in figures) or bool(re.search(r"\d\s*%", s.text))
    for o in chosen:
        theirs = _figures(o.text)
        if s is o or s.text in o.text or o.text in s.text or (figures and figures == theirs and (len(figures) >= 2 or salient)):
            return True
        shared = figures & theirs  # the same result retold ("39.3% (213/532) and 28.9% (143/493)" in two documents)
        if len(shared) >= 3 and any("." in f for f in shared):
            return True
        # (or the same two decimal figures retold with their CIs: "2.3% and 1.4%" and "2.3% (95% CI 0.8–6.1) and 1.4% (…)")
        core = _figures(_BRACKETED.sub("", s.text))
        if core <= theirs and sum("." in f for f in core) >= 2 and s.meets(o):
            return True
        # (a step to take is no retelling of the studies it rests on: "check fasting glucose the day after" beside "glucose
        # stays raised about 2 days")
        if figures <= theirs and (share <= 0 or s.meets(o)) and not (s.action and o.group == "evidence"):
            mine = _whole_words(s.tokens, lang) - hedge if mine is None else mine
            other = _whole_words(o.tokens, lang) - hedge
            # its own words mostly the other's (a short generic sentence inside a long one is no repeat of it)
            if _jaccard(s.tokens, o.tokens) > share or (len(mine) >= 5 and len(mine & other) / len(mine) >= share):
                return True
            if lang == "zh" and _retold_zh(s.text, o.text):
                return True
            if _clause_retold(s.text, other, lang, hedge):
                return True
    return False


def _clause_retold(text: str, other: frozenset[str], lang: Lang, hedge: frozenset[str]) -> bool:
    """Does one clause of a longer sentence retell the other sentence whole ("For neuritis after lumbar facet RFA,
    reported options are reassurance, NSAIDs … ; the sources do not state whether the same approach applies after SIJ
    lateral branch RF" beside the facet document's own "Reported management options for post-RFA neuritis are …"): the
    other's words nearly all in that clause (brackets aside: a hedge's own semicolon cuts nothing), the clause's words
    mostly the other's (the caller has checked that the sentence adds no figure)."""
    clauses = re.split(r"[;；]\s*", _BRACKETED.sub("", text))
    if len(clauses) < 2 or len(other) < 6:
        return False
    for c in clauses:
        words = _whole_words(sentence_tokens(c, lang), lang) - hedge
        if len(words) >= 5 and len(other & words) / len(other) >= 0.8 and len(other & words) / len(words) >= 0.7:
            return True
    return False


def _retold_zh(text: str, other: str) -> bool:
    """Is a Chinese sentence told again inside another, up to spacing and a synonym or two ("通常在硬脊膜穿破后 5 天内出现"
    inside "…通常在硬脊膜穿刺后5天内出现。其表现包括…"): nearly all its character pairs are the other's."""
    def pairs(t: str) -> set[str]:
        t = re.sub(r"[\s，。；：、（）()]", "", t)
        return {t[i:i + 2] for i in range(len(t) - 1)}
    mine = pairs(text)
    return len(mine) >= 8 and len(mine & pairs(other)) / len(mine) >= 0.85


def _at_home(chosen: list[tuple[float, Sentence]], sentences: Sequence[Sentence], said: Sequence[Sentence], q: Question,
             sig: Signals, lang: Lang) -> list[tuple[float, Sentence]]:
    """Each chosen fact quoted from the document it belongs to when another retrieved document retells it: the Kornick
    facet-RF series from the facet document rather than from the SIJ document quoting it as a reference, the fluoroscopy
    times from the radiation document rather than the discography one. At home is the copy whose document title names
    more of what the question is about (what the sentence names would send a caudal-vs-discography figure to the
    caudal document) and that loses none of its figures; the lead keeps its section group (the asked aspect)."""
    if not sig.homes:
        return chosen
    asked = frozenset(c for c in q.all_concepts for c in (c, *sig.closure.get(c, ()), *sig.parents.get(c, ())))
    taken = {id(x) for x in said} | {id(x) for _, x in chosen}
    cited = [x.chunk.id for x in said] + [x.chunk.id for _, x in chosen]
    out = []
    def home(x: Sentence) -> int:
        return len(sig.homes.get(x.chunk.doc_id, frozenset()) & asked)

    for i, (sc, s) in enumerate(chosen):
        copies = [t for t in sentences if t.chunk.doc_id != s.chunk.doc_id and t.chunk.lang == s.chunk.lang and id(t) not in taken
                  and not t.provenance and (i or t.group == s.group) and home(t) > home(s)
                  and (t.chunk.id in cited or cited.count(s.chunk.id) > 1) and _same_copy(s, t, lang)]
        best = max(copies, key=home, default=None)
        if best is not None:
            taken.add(id(best))
            cited.append(best.chunk.id)
        out.append((sc, best if best is not None else s))
    return out


# (an opening that leans on the sentence before: "The risk is higher at C7", not "The risk of vertebral artery injection …")
_ANAPHOR = lazy(r"^(?:the (?:risk|rate|same) (?:is|was|are|were)\b|this|these|that|those|such|it|they)\b|^(?:该|这|此|其|上述|同一)", re.I)


def _same_copy(s: Sentence, t: Sentence, lang: Lang) -> bool:
    """Is `t` the same fact as `s`, fit to stand in for it: the same point both ways, every figure and hedge of `s`
    kept, about as long (not one fact inside a passage of five), and no opening that leans on a sentence before it."""
    return (_figures(s.text) <= _figures(t.text) and 0.67 <= len(t.text) / max(1, len(s.text)) <= 1.5
            and (not HEDGE[lang].search(s.quoted) or bool(HEDGE[lang].search(t.quoted)))
            and (bool(_ANAPHOR.search(s.text)) or not _ANAPHOR.search(t.text))
            and same_point(t, [s], lang) and same_point(s, [t], lang))


def _without_retold(chosen: list[tuple[float, Sentence]]) -> list[tuple[float, Sentence]]:
    """Without a sentence whose figures the others all state between them, three of them in one ("the nomogram uses 2, 3
    and 6 mg/kg and ideal weight capped at 70 kg" beside "it assumes 2, 3 and 6 mg/kg" and "it caps ideal weight at
    70 kg"), or two with a decimal among them ("a facet RF series: 1.0 % per lesion, neuritis under 2 weeks 0.5 %" beside
    the series' own sentences; each with its unit, 0.5 rem being no 0.5 mSv): one source retold; the last chosen goes first."""
    out = list(chosen)
    for t in reversed(chosen[1:]):
        others = [o for _, o in out if o is not t[1]]
        figures, told = _figures(t[1].text), [_figures(o.text) for o in others]
        units, told_units = _with_units(t[1].text), [_with_units(o.text) for o in others]
        if len(figures) >= 2 and figures <= frozenset().union(*told) and (any(len(figures & f) >= 3 for f in told) or any(
                len(units & u) >= 2 and any("." in x for x in units & u) for u in told_units)) and any(t[1].meets(o) for o in others):
            out.remove(t)
    return out


_BRACKETED = lazy(r"[（(][^（）()]*[）)]")


def _whole_words(tokens: frozenset[str], lang: Lang) -> frozenset[str]:
    """Chinese tokens that are not part of a longer token of the same sentence: jieba's search mode also yields the
    pieces of a long term (局麻药全身毒性反应 -> 局麻, 麻药, 毒性 ...), which would make two sentences sharing one term
    look alike. English tokens are whole words already."""
    if lang != "zh":
        return tokens
    return frozenset(t for t in tokens if not any(t != o and t in o for o in tokens))


def _with_units(text: str) -> frozenset[str]:
    """The figures a sentence states with the unit after each ("0.5%", "2周", "0.5rem")."""
    return frozenset(re.sub(r"\s+", "", m) for m in re.findall(r"\d+(?:\.\d+)?\s*(?:%|[A-Za-z]+|[\u4e00-\u9fff])", text))


def _figures(text: str) -> frozenset[str]:
    """The numbers a sentence states, without years (a guideline's year is a citation, not a figure); a range is one
    figure ("restarted 12–24 h after" is not "12 h before ... 24 h before")."""
    found = re.findall(r"\d+(?:\.\d+)?(?:\s*[–-]\s*\d+(?:\.\d+)?)?", text)
    return frozenset(re.sub(r"\s+", "", f).replace("-", "–") for f in found if not re.fullmatch(r"(?:19|20)\d\d", f))


def heading_for(group: str, lang: Lang) -> str:
    """Bold heading line of a section group."""
    return f"**{HEADINGS[group][lang]}**"


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))
