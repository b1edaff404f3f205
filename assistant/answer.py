"""Grounded answers: the question goes down the stages once (frame -> triage -> retrieve -> judge -> compose)."""

from __future__ import annotations

import itertools
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from .citations import Citer, marker
from .compose import (
    AGAINST,
    AND_OTHERS,
    ASYMPTOMATIC_SAID,
    BLEEDING_UPGRADE,
    CARDIOLOGY_DECIDES,
    CASE_REPORTS,
    CLASS_CONCEPT,
    COMPARATIVE,
    CONTRAINDICATION,
    COUNT,
    DRUG_DECISION,
    GRADE_REASON,
    HIGHER_RISK,
    HOLD_SPAN,
    LEADS_TO,
    LOW_RISK,
    MEASURED,
    MECHANISM_NAMED,
    NO_STOP_NEEDED,
    NO_SYMPTOMS_ASK,
    NO_SYMPTOMS_TOLD,
    NOTE_PREFIX,
    ONSET_WINDOW,
    ORAL_INTAKE,
    PER_KG_VOLUME,
    PERCENTS,
    REASSURED,
    RECENT_STENT,
    RED_FLAGS_NAMED,
    REGIMEN_ASKED,
    REGIONS,
    RESTART_ASK,
    SAFE_AFTER_ASK,
    SPINAL_INJECTION,
    STOP_ON_SIGN,
    TIME_SPAN,
    TREATED_CONDITIONS,
    TREATMENTS_TOLD,
    ULTRASOUND_GUIDANCE,
    UNSEEN_BY_ULTRASOUND,
    UPGRADE_RULE,
    Bullet,
    Sentence,
    Signals,
    against_the_plan,
    asks_whether_to_stop,
    condition_followup,
    drug_managed,
    emergency,
    gives_dose,
    heading_for,
    implant_rule,
    is_counsel,
    is_meta,
    is_rate_report,
    lacks_asked_dose,
    lacks_asked_figure,
    lacks_asked_span,
    lacks_contraindications,
    lacks_restart,
    manages_drug,
    next_step_timed,
    own_harms,
    restates_tried,
    rival,
    same_point,
    select,
    sentences_of,
    staff_passage,
    staff_side,
    stent_age,
    unsaid_activities,
    with_warnings,
)
from .config import Settings
from .frame import (
    AGENT_INSTEAD,
    ASPECTS,
    AUGMENTATION,
    DEFICIT_TOLD,
    DISCHARGE_ADVICE,
    EPINEPHRINE,
    ESSENTIAL,
    GOING_HOME,
    GUIDANCE,
    HELD,
    IMAGING,
    IMMUNOSUPPRESSED,
    IMPLANT_SCAN,
    LOCAL_ANAESTHETIC,
    MEDICATION_SETTINGS,
    MONITOR_ASK,
    OBSERVATION,
    OTHER_CAUSE_ASK,
    POPULATIONS,
    RECOVERY,
    REGIMEN_ASK_EN,
    REGIMEN_ASK_ZH,
    REPEAT_LIMIT,
    RESCUE_DRUGS,
    RHEUMATOLOGY,
    RISKS_TO_TELL,
    SEEN_ON_THE_TABLE,
    SIGN_STOPPED,
    SLEEPS_AGAIN,
    THERE_IS_ANOTHER_ZH,
    THRESHOLD_ASK,
    TOPIC_ASKS,
    WAIT_ASK,
    WARN_ASK,
    Part,
    Question,
    asks_to_anticoagulate,
    drug_like,
    fear_explained,
    fears_grave_harm,
    held_drug,
    procedure_like,
    without_concepts,
)
from .judge import ANCILLARY_PROCEDURES, IMPLANTED, PROCEDURE_TECHNIQUES, Verdict, judge, own_procedures
from .lazyre import lazy
from .lexicon import Match
from .patient_numbers import PatientNumbers, patient_weight, without_normal_renal
from .references import References
from .retrieval import Retriever
from .safety import (
    DEFICIT_GONE,
    DISCLAIMER,
    FADING,
    GOES_ON,
    HANDED_OVER,
    NEW_SIGN,
    NO_PROTOCOL,
    NORMAL_VITALS,
    PATHWAY_NAMES,
    PATHWAY_STEPS,
    PATHWAY_TOPICS,
    PER_PROCEDURE,
    PRIORITY,
    RED_FLAG_BY_ID,
    RULED_OUT_TOLD,
    SETTLED,
    SYSTEMIC_PATHWAYS,
    Triage,
    borrowed_steps,
    days_later,
    during_procedure,
    febrile_banner,
    foreign_emergency,
    granuloma_pathway,
    granuloma_shown,
    haematoma_shown,
    happening_now,
    lipid_asked,
    moved_first,
    names_symptoms,
    not_now,
    on_the_needle,
    protocol_for,
    scan_clear,
    seizure_told,
    severe,
    severe_now,
    slow_heart,
    toxicity_told,
    triage,
    without_denied,
    without_mri,
)
from .sections import group_of
from .text import HEDGE, cjk_count, detect_lang, to_simplified, to_traditional, tokenize
from .types import Answer, Chunk, Hit, Lang
from .worked import band_fit

_NOT_IN_KB = {
    "en": "The knowledge base does not cover this question well enough to answer it. Nearest topics it does cover: {topics}.",
    "zh": "知识库中没有足够的内容回答这个问题。知识库涵盖的相近主题：{topics}。",
}
_COUNSELLED = {"en": lazy(r"\bexplain|\btell (?:her|him|them|the (?:patient|pt))|\bconsent|\bworried|\bafraid|\bscared|\bfear", re.I),
               "zh": lazy(r"怕|担心|解释|交代|告知|知情同意|害怕")}
_NONE_AFTER = {"en": "Nothing in the knowledge base on {complications} after {procedure}; what it has on other procedures is not "
                      "quoted as if it applied to {procedure}.",
               "zh": "知识库中没有关于{procedure}后{complications}的资料；其他操作的相关数据不适用于{procedure}，故不引用。"}
ANY_COMPLICATION = "*complications*"  # (its complications asked in general, none named)
_ITS_COMPLICATIONS = {"en": "its complications", "zh": "并发症"}
_NOTHING_ON = {"en": "Nothing in the knowledge base on: {terms}.", "zh": "知识库中没有关于以下内容的资料：{terms}。"}
_NOTHING_FOR = {"en": "It gives no {terms} for {procedures}.", "zh": "知识库未给出{procedures}的{terms}。"}
# what an ask that is the point of a part is called in a sentence (its lexicon names are the ways it is asked)
_ASK_LABELS = {"repeat-injection-limit": {"en": "repeat limits", "zh": "重复间隔"},
               "discharge-readiness": {"en": "discharge criteria or escort advice", "zh": "离院时机及陪同要求"},
               "causative-organism": {"en": "causative organism", "zh": "致病菌"},
               "trial-duration": {"en": "trial length", "zh": "测试期时长"},
               "false-positive-block": {"en": "false-positive rate", "zh": "假阳性率"},
               "placement-accuracy": {"en": "placement accuracy", "zh": "穿刺准确率"},
               "efficacy": {"en": "efficacy", "zh": "疗效"}, "indication": {"en": "indications or selection criteria", "zh": "适应证或选择标准"},
               "rf-lesion-settings": {"en": "lesion settings", "zh": "毁损参数"}, "mobilisation": {"en": "mobilisation advice", "zh": "下床活动建议"},
               "breastfeeding": {"en": "advice on breastfeeding", "zh": "哺乳期相关建议"},
               "patient-selection": {"en": "patient selection criteria", "zh": "患者选择标准"},
               "paediatric": {"en": "advice specific to children", "zh": "儿童相关建议"}}
_OUT_OF_SCOPE = {
    "en": ("Not covered: {terms} {verb} outside this knowledge base, which covers the safety of image-guided interventional pain "
           "procedures; its figures (hold times, doses, complication rates) do not transfer to other procedures or settings. "
           "Nearest topics it does cover: {topics}."),
    "zh": "未涵盖：{terms}不在本知识库范围内。本知识库只涵盖影像引导下疼痛介入治疗的安全性，其中的数据（停药时间、剂量、并发症发生率）不能套用于其他操作或场景。知识库涵盖的相近主题：{topics}。",
}
# The same for another interventional pain procedure (genicular RFA, PRP): in the field, but not in this knowledge base.
_IN_FIELD = {
    "en": ("Not covered: {terms} {verb} not among the interventional pain procedures this knowledge base covers (spinal and "
           "neuraxial injections, spinal radiofrequency, vertebral augmentation, implanted neuromodulation and their safety); "
           "its figures (hold times, doses, complication rates) do not transfer to other procedures. Nearest topics it does cover: {topics}."),
    "zh": ("未涵盖：{terms}不属于本知识库收录的疼痛介入操作（脊柱及椎管内注射、脊柱射频、椎体强化、植入式神经调控及其安全性），"
           "其中的数据（停药时间、剂量、并发症发生率）不能套用于其他操作。知识库涵盖的相近主题：{topics}。"),
}
# The same for a question beside our procedures that the sources never address (scanning a patient with an implant).
_TOPIC_GAP = {
    "en": ("Not covered: {terms} {verb} not in this knowledge base, which covers the safety of image-guided interventional pain "
           "procedures; it has nothing to quote on this. Nearest topics it does cover: {topics}."),
    "zh": "未涵盖：本知识库没有关于{terms}的资料（知识库涵盖影像引导下疼痛介入治疗的安全性），无可引用的内容。知识库涵盖的相近主题：{topics}。",
}
# the value itself asked: a threshold or a target for the told finding
_VALUE_ASKED = lazy(THRESHOLD_ASK.pattern + r"|\b(?:minimum|lowest|min) (?:safe )?(?:plt|platelets?|platelet count|count|inr|level|value|number)\b|"
                          r"(?:血小板|INR)[^，。？]{0,6}最低|升到多少|多少可以", re.I)
# A scan's result told ("CTPA done - small peripheral cement emboli only", "CT显示骨水泥渗漏"): the work-up is done.
_RESULT_TOLD = lazy(r"\b(?:ctpa|ct|mri|scan|x-?ray|cxr|imaging)\b[^.?]{0,15}\b(?:done|shows?|showed|back|confirms?|confirmed)\b|"
                          r"\b(?:seen |shown |found )?on (?:the )?(?:ctpa|ct|mri|scan|cxr|x-?ray)\b|\b(?:ctpa|ct|mri)\s*[:：]|"
                          r"(?:CT|MRI|核磁|磁共振|CTPA)[^，。？]{0,6}(?:显示|提示|结果)", re.I)
# An emergency follow-up telling that the first-line treatment was given and did not work.
_TRIED = {"en": lazy(r"\b(?:already (?:gave|given|had|did)|(?:gave|given|had) (?:her |him |them )?(?:\w+ ){0,4}already|still\b|"
                           r"repeat\b|how much more|more (?:lipid|adrenaline|epinephrine|naloxone)|(?:didn'?t|did not|not) (?:work|help)|"
                           r"no better|second dose|another dose|given once|"
                           # (the rescue given, then the picture going on: "gave 100ml intralipid, now VT with a pulse")
                           r"(?:gave|given|pushed|ran)\b[^.?]{0,30}\b(?:lipid|intralipid|naloxone|narcan|adrenaline|epinephrine)\b[^.?]{0,30}\b(?:now|but|then)\b"
                           r"(?=[^.?]{0,20}\b(?:VT|VF|v-?fib|v-?tach|arrest\w*|seiz\w*|fitting|brady\w*|hypotens\w*|asystol\w*|pulseless|no pulse|still)\b)"
                           r"(?![^.?]{0,40}\b(?:stopped|settled|resolved|ceased|no more|no further|fine|better|awake|talking)\b))", re.I),
          "zh": lazy(r"已(?:经)?(?:给|用|推|打|输)|给了[^，。？?]{0,10}(?:还是|仍|但)|还是|还在|仍|依然|无效|没用|不见好|再(?:给|推|打|用)多少|还能(?:再)?(?:给|推|用)|"
                           r"第二次|重复给")}
# A follow-up telling a drug was given ("stopped with midaz 2mg", "gave naloxone", "推了咪达唑仑").
# A dose asked in words, not one told ("just injected 3 mL lidocaine test dose" tells one; "naloxone dose?" asks)
_DOSE_ASKED = lazy(r"\bhow much\b|\bwhat(?:'s| is)? (?:the )?(?:\w+ ){0,2}dos(?:e|ing)\b|\bdos(?:e|ing)\s*(?:for (?:her|him|them|a \w+)\s*)?\?|"
                         r"\bhow many (?:mg|ml|mcg|ampoules?|amps?)\b|多少|几毫升|几毫克|剂量[？?]|剂量是|怎么给|如何给|"
                         + REGIMEN_ASK_EN + "|" + REGIMEN_ASK_ZH, re.I)  # (a regimen asked: "what empiric abx should we start?")
_GIVEN_DRUG = {"en": lazy(r"\b(?:gave|given|with|after|had|got|received|pushed)\b", re.I),
               "zh": lazy(r"(?:给了|推了|用了|打了|用过|给过|注射了|静推|肌注|推注)")}
_LA_CEILING = lazy(r"nomogram|列线图|maximum doses? (?:differ|of (?:lidocaine|bupivacaine|ropivacaine|local))|local an(?:a)?esthetic maximum|"
                         r"These maximum doses|局麻药[^。]{0,10}最大剂量|最大剂量[^。]{0,20}(?:利多卡因|布比卡因|罗哌卡因)", re.I)
# The verb forms that may follow the drug they tell ("midaz given", "咪达唑仑推了"; never "with" or "after").
_GIVEN_AFTER = {"en": lazy(r"given|pushed|received", re.I), "zh": lazy(r"给了|推了|用了|打了|用过|给过|注射了|静推|肌注|推注")}
_CLAUSES = lazy(r"[,，。;；?？!！]|\.\s|\band\b|\bbut\b|但是?|而且")
_STILL = {"en": lazy(r"\bstill\b", re.I), "zh": lazy(r"还在|仍在|仍然|依然|还是")}
_CLAUSE_BREAK = lazy(r"[,，。.;；?？!！]|\s{2,}|(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff])")
# The sentences that say what comes after the first dose (a repeat bolus, doubling the infusion, the upper limit).
_NEXT_STEP = {"en": lazy(r"\brepeat(?:ed)? (?:the )?(?:\w+ )?(?:bolus|boluses|dose)|up to \d+ repeat|\bdoubl\w* the (?:infusion|rate)|"
                               r"\bupper limit|(?<!anaesthetic )(?<!anesthetic )\bmaximum (?:cumulative )?(?:dose|total)|\bpersists?\b", re.I),
              "zh": lazy(r"重复推注|重复给予|可重复|输注速度加倍|速度加倍|剂量上限|上限|最大(?:累积)?剂量|持续存在")}
_REPEAT_STEP = {"en": lazy(r"\brepeat|\bdoubl", re.I), "zh": lazy(r"重复|加倍")}
# local anaesthetic toxicity going on to a collapse: no pressure or pulse to find, an arrest, a shockable rhythm
_COLLAPSE = {"en": lazy(r"\bno pulse|pulseless|can'?t (?:get|find|feel) (?:a |the )?(?:pulse|bp|blood pressure)|"
                              r"\b(?:bp|blood pressure) (?:is )?(?:un(?:recordable|measurable|readable)|not recordable)|\barrest|asystol|"
                              r"\bv-?fib\b|\bvf\b|\bcpr\b", re.I),
             "zh": lazy(r"血压测不(?:出|到)|测不(?:出|到)血压|摸不到脉|没有?脉搏|无脉|心跳(?:停|没了)|心(?:脏|搏)骤停|室颤")}
_RESUSCITATION = {"en": lazy(r"\bACLS\b|life support|resuscitat|\bCPR\b|lipid emulsion", re.I),
                  "zh": lazy(r"生命支持|复苏|心肺复苏|脂肪乳")}
_SEIZURE_STOPPED = {"en": lazy(r"\b(?:seizure|fit|convulsion)s? (?:has |have )?(?:stopped|ended|settled)|\bno longer (?:seizing|fitting)|"
                                     r"\bstopped (?:seizing|fitting)", re.I),
                    "zh": lazy(r"(?:抽搐|惊厥|癫痫)(?:已经)?(?:停了|停止了?|止住了?|没了|好了)")}
_SEIZURE_STEP = {"en": lazy(r"benzodiazepine", re.I), "zh": lazy(r"苯二氮")}
_CARDIAC_TOLD = {"en": lazy(r"\bbrady\w*|\b(?:HR|heart rate|pulse)\s*(?:of\s*)?[1-5]\d|\bno (?:bp|blood pressure|pulse)\b|\bQRS\b|\barrhythmi|\bVT\b|\bVF\b|v-?fib|asystol|\bBP\b\s*\d|hypotens|collaps|\barrest", re.I),
                 "zh": lazy(r"心率\s*[1-5]\d\b|心动过缓|QRS|心律失常|室颤|室速|血压\s*\d|低血压|心跳停|骤停|晕倒|倒下")}


# a follow-up that plans another procedure for later, not the picture going on
_LATER_PLAN = {"en": lazy(r"\bif (?:we|i|you) (?:go|do|use|switch|try|choose|pick|offer)\b|\binstead\b|\bnext time\b|\bre-?implant|"
                              r"\b(?:switch|change) to\b", re.I),
               "zh": lazy(r"换成|改成|改做|改用|下次|如果(?:改|换)|再植入|重新植入|再次植入|二次植入")}
# a restart asked around a trial whose lead stays in for days
_LEAD_IN = {"en": "The sources do not say whether a restart interval counts from placing the trial lead or from removing it; "
                  "the intervals below are the procedure's.",
            "zh": "知识库未说明恢复用药的间隔应从测试电极置入还是拔除时起算；以下为该操作的停药/恢复间隔。"}
_TELLING = {"en": lazy(r"\b(?:tell|say to|explain to|talk to|update) (?:the )?(?:family|relatives|husband|wife|parents|kids)\b", re.I),
            # (not what the family said: "今天家属说叫不醒")
            "zh": lazy(r"(?:家属|家人|亲属)[^，。？?]{0,8}(?:交代|解释|沟通|怎么说|咋说)|(?:跟|和|向|给)(?:家属|家人|亲属)[^，。？?]{0,6}说|"
                       r"怎么(?:跟|和|向)(?:家属|家人|病人|患者)")}
# what to tell the patient or the family, asked in the middle of an emergency
_NO_TELLING = {"en": "The knowledge base has no advice on what to tell the patient or the family about this emergency; "
                     "what it has on it is here.",
               "zh": "知识库没有关于这一紧急情况应如何向患者或家属交代的内容；以下为其相关内容。"}
# a suspected spinal haematoma in a patient on an anticoagulant: the sources give no reversal
_NO_REVERSAL = {"en": "The knowledge base gives no anticoagulant reversal for a suspected spinal haematoma; the steps it has are above.",
                "zh": "知识库未给出疑似椎管内血肿时逆转抗凝的方法；其已有的处理步骤见上。"}
_REVERSAL = {"en": lazy(r"\brevers|andexanet|idarucizumab|protamine|prothrombin complex|\bPCC\b|vitamin K\b", re.I),
             "zh": lazy(r"逆转|拮抗|鱼精蛋白|依达赛珠|凝血酶原复合物|维生素K")}
_NO_STEPS_FOR = {"en": "The knowledge base has no steps of its own for this picture after {procedure}; the banner's are all it gives, and the rest is your local protocol.",
                 "zh": "知识库没有针对{procedure}后这种情况的具体处理步骤；上方提示即其全部内容，其余请按本单位流程处理。"}
_NO_STEPS_HERE = {"en": "The knowledge base gives no treatment steps for {condition} beyond the banner's; follow your local protocol.",
                  "zh": "知识库未给出{condition}的具体处理步骤，除上方提示外请按本单位流程处理。"}
_DEVICE_INFECTION = {"en": "an infected implant or meningitis", "zh": "植入装置感染或脑膜炎"}
_NO_NEXT_STEP = {"en": "The knowledge base gives no further step for when the first-line treatment has not worked; the steps it has follow.",
                 "zh": "知识库没有给出一线处理无效后的进一步措施；以下为其已有的处理步骤。"}
_CLASS_ONLY = {"en": "Nothing in the knowledge base on {specific} by name; below is what it says of {general}, the class {specific} "
                      "belongs to, which may not apply to {specific} itself (its own dose, interval or label): check its label and ask "
                      "the prescriber.",
               "zh": "知识库中没有关于{specific}本身的资料；以下是其关于{specific}所属的{general}这一类药物的内容，未必适用于{specific}本身（如其自身的"
                     "剂量、停药间隔或说明书要求）：请查阅其说明书并与处方医师确认。"}
_GENERAL_ONLY = {"en": "Nothing in the knowledge base on {specific} itself; below is what it says on the broader topic: {general}.",
                 "zh": "知识库中没有关于{specific}本身的资料；以下是其关于更宽泛主题（{general}）的内容："}
_OTHERS_ONLY = {"en": "Nothing in the knowledge base on this for {specific} itself; the passages below are about {general} and may not apply "
                       "to it.",
                "zh": "知识库中没有{specific}本身这方面的资料；以下内容来自{general}，未必适用于{specific}："}
_UNCLASSED = {"en": "The knowledge base places {procedure} in no bleeding-risk class; the intervals below are for pain procedures that "
                     "require stopping the drug.",
              "zh": "知识库未给出{procedure}的出血风险分级；以下停药间隔适用于需要停药的疼痛介入操作。"}
_ALL_LEVELS = lazy(r"\b(?:all|every|any) (?:spinal |vertebral )?levels?\b|各节段|所有节段|任何节段|各个节段|各水平", re.I)
_SITE_WORD = lazy(r"\bpocket\b|\bwound\b|\bincision\b|\bexit site\b|囊袋|切口|伤口|出口处", re.I)
_EPIDURAL_SPACE = frozenset({"esi", "epiduroscopy", "neuraxial-procedure", "epidural-blood-patch"})  # (an abscess step shared)
_LAB_LEVELS = frozenset({"inr"})  # (a level asked as a procedure's threshold: its own passages are searched)
_UPGRADE_TOLD = frozenset({"body-weight", "thrombocytopenia", "coagulopathy", "platelet-count", "inr"})
_LOW_CLASS = {"en": "The sources place {procedure} in the low bleeding-risk class, where the drug may not need stopping; the interval "
                    "below is the one to use if it is stopped.",
              "zh": "知识库将{procedure}归入低出血风险类别，此类操作可能无需停药；如决定停药，按下列间隔执行。"}
_ELSEWHERE_LEAD = {"en": "The first point is stated for {named}; the knowledge base gives no such step for {procedure} itself, so it may "
                         "not apply as it stands.",
                   "zh": "第一条针对{named}；知识库未给出{procedure}本身的相应处理，未必完全适用。"}
_SIBLING_CLASS = {"en": "The bleeding-risk class below is given for {named}; the knowledge base places {procedure} itself in no class.",
                  "zh": "以下出血风险分级针对{named}；知识库未给出{procedure}本身的分级。"}
_PERIPHERAL_BLOCK = "peripheral-nerve-block"
_TOO_BROAD = frozenset({"neuraxial-procedure", "interventional-pain-procedure"})  # (every neuraxial procedure is in some class)
_TECHNIQUE_ELSEWHERE = {"en": "Nothing in the knowledge base on {technique} for {procedure} itself; below is what it says of {technique} "
                              "elsewhere ({where}), which may not apply to {procedure}.",
                        "zh": "知识库中没有关于{procedure}{technique}的资料；以下是其在其他情形（{where}）下关于{technique}的内容，未必适用于{procedure}："}
_IN_GENERAL = {"en": "in general", "zh": "一般情况"}
_SIBLING_ONLY = {"en": "Nothing in the knowledge base on this for {specific} itself; below is what it says of a related procedure, {general}, "
                       "and in general.",
                 "zh": "知识库中没有{specific}本身这方面的资料；以下是其关于相关操作（{general}）及一般情况的内容："}
_STAND_IN = {"en": "No figure in the knowledge base for the {finding} itself; below is what it says on {condition}.",
             "zh": "知识库中没有针对{finding}具体数值的资料；以下是其关于{condition}的内容："}
_STAND_IN_AFTER = {"en": "No figure in the knowledge base for the {finding} itself; the answer above is what it says on {condition}.",
                   "zh": "知识库中没有针对{finding}具体数值的资料；以上为其关于{condition}的内容。"}
_DRUG_OWN_LIMIT = {"en": "Not covered: {procedure} itself. Below is the local anaesthetic's own maximum dose, which depends on the "
                         "drug and the patient's weight, not on the procedure.",
                   "zh": "知识库未涵盖{procedure}本身。以下为局麻药自身的最大剂量，取决于药物和患者体重，而非具体操作。"}
_HELD_KINDS = ("drug", "drug-class")
ACTIVITY_CONCEPTS = frozenset({"driving", "mobilisation"})  # everyday activities after a procedure the lexicon names
_STILL_SEIZING = {"en": lazy(r"\bstill (?:seizing|fitting|convulsing)|\bseizures? (?:continu|persist|ongoing)|\bkeeps? seizing", re.I),
                  "zh": lazy(r"(?:还在|仍在|仍然|还是|持续|一直)(?:在)?抽|抽搐(?:不止|持续|未停|没停)")}
# the upper limit of a rescue drug ("the cumulative maximum is 12 mL/kg", 累计最大剂量为 12 mL/kg)
_RESCUE_CEILING = {"en": lazy(r"\bupper limit|\bcumulative maximum|\bmaximum (?:cumulative )?(?:dose|total)|\bcap(?:s|ped)? the total", re.I),
                   "zh": lazy(r"上限|累计最大|最大累积|总量最多|最大剂量")}
# A sentence naming what a sign is worked up for ("red flags … require evaluation for meningitis, subdural haematoma …")
_WORKED_UP_FOR = lazy(r"\bred flags?\b|\b(?:evaluation|work-?up|assessment) for\b|\bdifferential\b|警示|危险信号|鉴别|需(?:要)?(?:评估|排查)")
# an antibiotic agent asked in an emergency's own words ("what antibiotics?", "which abx", "用什么抗生素", "抗生素用哪种")
_WHICH_ANTIBIOTIC = lazy(r"\b(?:what|which) (?:\w+ )?(?:abx|antibiotics?|antimicrobials?)\b|(?:用|上|选|开)(?:什么|哪种|哪个|哪些|啥)(?:抗(?:生素|菌药)|abx)|"
                               r"(?:抗(?:生素|菌药)|abx)(?:用|选|上)(?:什么|哪种|哪个|啥)", re.I)
_ANTIBIOTIC = "antibiotic"
# a question put aside from the emergency ("clopidogrel hold before an SCS trial next month?", 另外问一下)
_ASIDE = lazy(r"\bnext (?:week|month|time|year)\b|\bnext (?:patient|case)\b|\bby the way\b|\bbtw\b|\bunrelated\b|\bdifferent question\b|"
              r"另外问|顺便问|下周|下个月|下次|下一个病人|换个问题", re.I)
_FEVER_OVER = lazy(r"\bafebrile\b|\bfever (?:has |had )?(?:resolved|settled|gone)\b|\b(?:booked|scheduled|planned) for\b|"
                   r"已退烧|退烧了|热退|烧退|预约|准备做|计划做", re.I)
_RED_FLAGS = lazy(r"\bred flags?\b|警示征象|危险信号")
_CT_MYELOGRAPHY = "ct-myelography"
# Another patient told, not the same picture again ("different pt - racz tmrw…"; not "another patient now, exactly the same
# thing is happening", 另一个病人现在也出现同样的情况了)
_ANOTHER_PATIENT = lazy(r"\b(?:different|another|new|next|second) (?:pt|patient)\b(?![^.?]{0,60}\b(?:same|too|also|as well)\b)|"
                        r"(?:另(?:外)?一个|另(?:外)?一位|下一个|下一位|新来的)(?:病人|患者)(?![^。？?]{0,30}(?:同样|也|一样))|"
                        # ("另外下周有个装了起搏器的病人要做腰椎RFA": a patient of his own, told as "there is one")
                        + THERE_IS_ANOTHER_ZH + r"(?![^。？?]{0,30}(?:同样|一样))", re.I)


def _another_patient_planned(q: Question) -> bool:
    """Is another patient told, with nothing happening to him now (a plan for him)?"""
    return bool(_ANOTHER_PATIENT.search(q.text)) and not happening_now(q.text, q.lang) and not _PRESENT[q.lang].search(q.text)


_NEW_SCENE = lazy(r"\b(?:next|another|new|different|other) (?:patient|pt|case)\b|\bturned out\b|\bfully recovered\b|"
                        r"另一个病人|下一个病人|另一位患者|下一位|另一例|新病人", re.I)
# A question's own ask in its words or marks (a follow-up with none only tells more)
_ASKED_MARK = lazy(r"[?？]|吗|呢|么|怎么|如何|要不要|能不能|可不可以|是否|多少|多久|\b(?:what|how|should|can|could|when|which|why|is it|do i|do we)\b", re.I)
_RESCUE_ESCALATION = {"en": lazy(r"\brepeat(?:ed)? bolus|\bdoubled\b", re.I), "zh": lazy(r"重复推注|加倍")}
RADIATION = frozenset({"radiation-safety", "radiation-exposure"})
_MORE_OF = lazy(r"\bhow much more\b|\bmore (?:of (?:it|the)|naloxone|lipid|epi\w*)|\banother dose|\brepeat dose|再(?:给|推|用|打)多少|还要(?:给|推|用)多少", re.I)
_INJECTATES = frozenset({LOCAL_ANAESTHETIC, "corticosteroid", "contrast-medium"})
_POINTER = {"en": lazy(r"\b(?:that|it|this)\b", re.I), "zh": lazy(r"这|那|它")}
_ABOUT_THAT = frozenset({"frequency", "complications", "advice", "risk_factors", "prevention", "recognition", "evidence"})
# A follow-up telling the picture in words of time ("it's happening now", 正在), not only asking what to do ("怎么办")
_PRESENT = {"en": lazy(r"\b(?:right now|happening|currently|just (?:now|started|happened))\b", re.I),
            "zh": lazy(r"正在|刚刚|刚才|此刻")}
_MAXIMUM_ASK = lazy(r"\bmax(?:imum|imal)?\b|\bceiling\b|\bupper limit\b|\btoxic dose\b|\bhow much can\b|最多|最大|上限|极量|中毒剂量", re.I)
ALLERGY = "allergic-reaction"
_ADRENALINE = "epinephrine"  # (added to a local anaesthetic: no subject of its own)
# a series in which the feared harm did not happen ("recorded no immediate major neurologic …", 未发生感染，也未出现新的运动…)
_NONE_HAPPENED = lazy(r"\b(?:recorded|found|reported|had|saw|observed|were|was) no\b|\bno (?:immediate |delayed |new )?(?:major|serious|permanent)\b|"
                      r"未记录到|未发生|未出现|未观察到|未见", re.I)
_GRAVE_HARMS = frozenset({"neurological-injury", "paralysis", "spinal-cord-injury", "spinal-cord-infarction", "visual-loss", "stroke", "death"})
_NEUROLOGIC = lazy(r"neurolog|paraly|paraple|motor|神经|瘫", re.I)
# a sentence placing a product in a class ("Diprospan should be treated as a particulate steroid", 得宝松应按颗粒型…对待)
_PLACED_IN_CLASS = lazy(r"\b(?:treated as|classed as|classified as|counts as|regarded as|is an? (?:\w+ ){0,2}(?:steroid|drug|agent))\b|按.{1,12}对待|归为|属于", re.I)
_INFILTRATED = lazy(r"\binfiltrat\w*|\bpocket\b|\bincision\b|浸润|囊袋|切口", re.I)
_PROPHYLAXIS = lazy(r"prophyla|预防性|预防用|预防使用|测试前|植入前|before (?:an? |the )?(?:SCS )?(?:trials?|implant\w*)", re.I)
_BUNDLE = frozenset({"nacc", "decolonisation"})  # the infection-prevention bundle's rules
INFECTION = "infection"
_PREVENTION_ASK = lazy(r"prophyla|\bprevent|before (?:the |an? )?(?:implant\w*|trial|incision|procedure)|pre-?op\w*|scheduled|booked|"
                             r"planned|risk factors?|\bdo (?:anything )?differently\b|\bgo ahead with the (?:full |permanent )?implant|"
                             r"预防|术前|植入前|危险因素|计划|准备|下次(?:植入|做)", re.I)
_INFECTION_TOLD = lazy(r"\binfected\b|\bpus\b|\bdrain(?:ing|s)\b|\booz\w*|\bMRSA\b(?! carrier)|\bMSSA\b(?! carrier)|\bculture|"
                             r"\babscess|(?:pocket|wound|site|deep) infection|流脓|渗液|渗出|化脓|感染了|培养|脓肿|囊袋感染|切口感染", re.I)
_TAKING = r"(?:服用|口服|在吃|正在吃|正在服用|长期吃|长期服用?|一直吃|吃着|服着|在用)\s*"
_ALTERNATIVE_TESTS = frozenset({"ct-myelography"})  # named by "MRI not available", 核磁排不上: what to do instead
# the word held or stopped is a drug's name ("how long to hold zontivity", "泰嘉要停几天")
_HELD_BEFORE = r"(?:\bhold|\bstop|\bpause|\bdiscontinue|\bcome off|停用?|停掉|停药)\s*(?:the |his |her |their |taking )?"
_HELD_NOT_DRUGS = frozenset({"喂奶", "哺乳", "母乳", "化疗", "透析", "运动", "洗澡", "上班", "工作", "开车", "锻炼", "健身"})  # (held, not drugs)
_HELD_AFTER = r"\s*(?:(?:needs? to |should |must )?be (?:held|stopped)\b|(?:要|需要|得|需|应该|该|必须)?\s*停)"
CONSERVATIVE = "conservative-management"
# a comparison one of whose sides the sources say nothing of on the thing compared
_ONE_SIDED = {"en": "The sources give nothing on {about} with {missing} to compare; below is what they say of {others}.",
              "zh": "知识库没有{missing}的{about}资料，无法比较；以下仅为{others}的资料："}
_CONVENTIONAL = lazy(r"\b(?:conventional|traditional|standard|regular|normal|thermal)\b|传统|常规|普通", re.I)
# two things weighed that no sentence of the knowledge base names together
_UNCOMPARED = {"en": "The sources do not compare {sides} with each other; below is what they say of each.",
               "zh": "知识库没有{sides}之间的直接比较；以下为其分别的资料："}
# Laboratory values told as normal, with none given as a number ("if PT/INR, aPTT and plt are all normal…", 凝血和血小板都正常):
# a normal count points to no condition.
_NORMAL_LAB_FINDINGS = frozenset({"platelet-count"})
_LABS_NORMAL = lazy(r"\b(?:are|were|all|both|labs?|coags?)\s+(?:all\s+|both\s+)?(?:normal|wnl)\b(?!\s*\?)|"
                          r"\bnormal (?:labs|coags?|coagulation|platelets?|plts?|inr|pt|aptt)\b|(?:都|均|全)正常(?![吗么嘛吧不否?？])", re.I)
_LAB_VALUE = lazy(r"(?:\bplts?|\bplatelets?|\binr|\baptt|\bpt|血小板|凝血)\s*(?:count\s*)?(?:of |is |was |=|:|：)?\s*\d", re.I)


def labs_normal(text: str) -> bool:
    """Are the laboratory values told as normal, none as a number?"""
    return bool(_LABS_NORMAL.search(text)) and not _LAB_VALUE.search(text)


def _whether_given(p: Part) -> bool:
    """Does the part ask whether a drug may be given (read as a hold or a contraindication, "能用丙泊酚吗", 要不要抗凝), or
    name it bare ("… - anticoagulate?"), not how much of it?"""
    return p.aspects[:1] in (("contraindications",), ("hold",)) or (not p.aspects and p.text.rstrip().endswith(("?", "？"))) \
        or asks_to_anticoagulate(p.text) or bool(_START_ASKED.search(p.text))


# whether a new sign changes the plan ("does that change the plan?", 这样还能做血补丁吗)
_CHANGES_PLAN = lazy(r"\b(?:does|would|will|should) (?:that|this|it) change (?:the plan|anything|things|management|what we do|our plan)\b|"
                           r"(?:改变|调整)(?:方案|计划|处理)|还能(?:做|打)吗|还要(?:做|打)吗|计划要变吗", re.I)
# a part asking whether something is the cause ("is this the ziconotide?", 是不是…引起的)
_CAUSE_ASK = lazy(r"\b(?:is|could|might) (?:this|it|that) (?:be )?(?:the|from|due to|caused by|related to|a side effect of)\b|"
                        r"是不是|会不会是|跟[^，。？]{0,8}有关|引起的吗|导致的吗", re.I)
# asked whether to start a drug now ("should I start antibiotics now before transfer?", 要不要先上抗生素)
# (not how much to give, "how much lipid can I give?", nor time given, "do we just give it time?")
_START_ASKED = lazy(r"^(?![\s\S]*(?:how much|how many|\bdose\b|多少|剂量))[\s\S]*?"
                          r"(?:\b(?:should|shall|can|could|do|must) (?:i|we|you) (?:\w+ )?(?:start|begin|commence)\b|"
                          r"要不要(?:先)?(?:上|用|开始用?)(?!级)|(?:需要|是否|能否|可以|能不能)先(?:上|用|开始用?)(?!级))", re.I)


# how long a drug was held, told ("Plavix only held 3 days", 波立维只停了3天): part of the picture, not an ask to give it
_HOLD_TOLD = lazy(r"\b(?:held|stopped|withheld|off)\s+(?:it\s+)?(?:for\s+)?(?:only\s+|just\s+)?\d+\s*(?:d|days?)\b|"
                        r"停(?:了|药)?\s*(?:才|只|仅)?\s*\d+\s*天", re.I)
# a bare "epidural" told as what the patient had ("day 2 after epidural", 打完硬膜外; not "an epidural collection")
_STENT, _P2Y12 = "coronary-stent", "p2y12-inhibitor"
_NEVER_STOPPED = {"en": lazy(r"\bmust never be stopped\b", re.I), "zh": lazy(r"绝不可停用")}
_HAD_EPIDURAL = {"en": lazy(r"\b(?:after|post|had|following|since) (?:an |the |his |her |their |a )?"
                                  r"(?:(?:lumbar|cervical|thoracic|caudal|[CTL]\d[\w/-]*)\s+)?epidural\b(?!\s+(?:collection|abscess|"
                                  r"ha?ematoma|space|fat|veins?|catheter|blood patch|steroid|injection))", re.I),
                 "zh": lazy(r"(?:打完|做完|做了|打了|做的|打的)(?:腰椎|颈椎|胸椎|腰部|颈部|骶管)?硬膜外(?!腔|间隙|血肿|脓肿)|硬膜外(?:注射)?(?:术)?(?:后|之后|以后)")}
_BESIDE_OURS = {"en": "Nothing in the knowledge base on {foreign} together with {ours}; below is what it says on {ours} alone.",
                "zh": "知识库中没有关于{foreign}与{ours}之间关系的资料；以下仅为其关于{ours}本身的内容："}
_ANY_PROCEDURE = frozenset({"interventional-pain-procedure", "steroid-injection"})
# Asks whose passages speak of any surgery: steroid cover for an operation in the weeks after an ESI (a hip replacement is
# that stress, and no procedure the answer must say it has nothing on)
_ANY_SURGERY = frozenset({"steroid-cover"})

_UNKNOWN_DRUG = {"en": "Not in the knowledge base: {terms}. {its} not given here: check the drug's label and ask the prescriber.",
                 "zh": "知识库中没有该药物的资料：{terms}。此处不提供其停药间隔，请查阅药品说明书并与处方医师确认。"}
_HEADACHES = frozenset({"headache", "pdph"})
_DEFICITS = frozenset({"esi-stroke", "neuraxial-deficit"})  # pictures of a deficit, not of the vital signs
def _resolved_since(q: Question) -> bool:
    """Did a turn since the emergency tell it over ("wound healed, CRP normal", "strength back to normal", 两小时后完全恢复了)?"""
    return any(SETTLED[detect_lang(t)].search(t) or DEFICIT_GONE[detect_lang(t)].search(t) or _OVER_NOW.search(t) for t in (*q.history[-2:], q.text))


_OVER_NOW = lazy(r"\b(?:healed|resolved|back to normal|normal again|all clear|cleared up|explanted|mri (?:was |is )?clear|"
                 r"afebrile|apyrexial|all settled|wound (?:is )?(?:clean|dry)|crp (?:is )?(?:normal|down)|leads? (?:pulled|removed))\b|"
                 r"完全恢复|恢复正常|都好了|已经好了|痊愈|愈合了|没事了|烧退了|体温正常|伤口干净|CRP正常|电极已拔除|已拔除", re.I)
_PULLED_BACK = lazy(r"\bpulled (?:it )?(?:back|out)\b|\bwithdr[ae]w(?:n)? (?:the )?(?:needle|it)\b|\bbacked (?:it |the needle )?(?:off|out)\b|退针|退了针|针退(?:回|出)|拔出来了", re.I)
_INFECTION_PATHWAY = "implant-infection"  # (a fever with back or wound signs after a procedure: the patient must come in)
# pictures that awake, pink or normal readings do not end (a deficit, the eye, a swelling neck, an infection)
_SIGN_PICTURES = _DEFICITS | {"epiduroscopy-pressure", "airway-haematoma", "implant-infection", "dural-puncture-red-flags"}
# a picture looked back on as it might have been, the one told over ("settled. if hed torn the dura instead what wouldve we
# been looking at", "已经好了。要是当时刺破硬膜会怎样")
_OTHERWISE = {"en": lazy(r"\bif (?:he|she|they|it|we|you|i)(?:'?d| had)\b[^.?]{0,60}\binstead\b|\b(?:would|could)(?:'?ve| have) (?:we )?(?:been|seen|happened)\b|"
                         r"\b(?:if|once|when|after) (?:it|this|the infection|things?) (?:has )?(?:settles?|settled|clears?|cleared|resolves?|resolved)\b"
                         r"(?=[^.?]{0,60}\b(?:go ahead|proceed|implant|re-?implant|trial|do (?:it|the)))", re.I),
              "zh": lazy(r"(?:要是|如果|假如|万一)当时|(?:要是|如果|假如)换成")}
_NEXT = {"en": lazy(r"\bwhat next\b|\bnext step|\bnow what\b|\bthen what\b", re.I), "zh": lazy(r"下一步|接下来|然后呢|还要做什么")}
# an open ask for what to do ("what now?", 怎么办), not a watch, a discharge or a drug asked
_OPEN_ASK = {"en": lazy(r"\bwhat (?:now|next)\b|\b(?:now|then) what\b|\bwhat (?:to do|do (?:i|we) do|should (?:i|we) do)\b(?! (?:before|about|with|for|if)\b)|"
                        r"\bnext steps?\b|\bhow (?:do|should) (?:i|we) (?:manage|treat)\b", re.I),
             "zh": lazy(r"怎么办|咋办|怎么处理|如何处理|下一步|然后呢|还要做什么|该做什么|怎么弄")}
_HAEMATOMA_WORD = {"en": lazy(r"ha?ematoma", re.I), "zh": lazy(r"血肿")}
_IMAGING_WORD = {"en": lazy(r"\bMRI\b|\bCT\b|imaging|myelogra", re.I), "zh": lazy(r"MRI|核磁|磁共振|CT|影像|脊髓造影")}
_INFECTION_WORD = {"en": lazy(r"abscess|infect", re.I), "zh": lazy(r"脓肿|感染")}
_PART_MISSING = {"en": "Not covered in the knowledge base: {part}", "zh": "知识库未涵盖：{part}"}
_NO_FETAL_RISK = {"en": "The knowledge base gives no fetal dose or fetal risk for a patient already exposed to fluoroscopy in pregnancy; "
                         "what it says on pregnancy and fluoroscopy follows.",
                  "zh": "知识库没有针对孕期已接受透视的患者的胎儿剂量或胎儿风险资料；以下是其关于妊娠与透视的内容。"}
_NO_PROPHYLAXIS = {"en": "The knowledge base gives no advice on a prophylactic {procedure} (before any symptom).",
                   "zh": "知识库未给出关于预防性{procedure}（出现症状之前）的建议。"}
# A treatment asked of as prophylaxis: the word, then the treatment within a few words ("prophylactic EBP", 预防性打血补丁).
_PROPHYLACTIC_ASK = {"en": lazy(r"\b(?:prophylactic(?:ally)?|pre-?emptive(?:ly)?)\b", re.I), "zh": lazy(r"预防性(?:地)?|预防地")}
_NO_PREVENTION = {"en": "The knowledge base gives no prevention measures for {conditions}.", "zh": "知识库未给出{conditions}的预防措施。"}
_NO_STEPS_NAMED = {"en": "The knowledge base gives no management steps for {conditions}.",
                   "zh": "知识库未给出{conditions}的处理措施。"}
_HAEMATOMA = "epidural-haematoma"
_ROOT_PAIN, _CEMENT_LEAK = "radicular-pain", "cement-leakage"
_PREMEDICATION, _CORTICOSTEROID = "premedication", "corticosteroid"
_CONTRAST_REACTIONS = frozenset({"allergic-reaction", "anaphylaxis", "contrast-allergy", "contrast-medium"})
_SPINAL_CORD_INJURY = "spinal-cord-injury"  # (what a needle advanced in the neck can do: `_on_the_needle_hits`)
_RAISED, _HIGH_BP = "procedural-hypertension", "hypertension"  # (a rise the procedure caused; the patient's own)
_NOT_FOR = {"en": "The passages found say nothing specific about {conditions} for this procedure. What they have on it:",
            "zh": "检索到的内容没有针对{conditions}患者做此项操作的专门说明。相关内容如下："}
_NO_STEPS = {"en": "The knowledge base gives no management steps for: {part}. What it has on it:",
             "zh": "知识库未给出以下情况的处理措施：{part}。相关内容如下："}
# a drug asked in an emergency's later turn that none of the pathway's steps names ("should we give high dose steroids
# for the cord infarct?")
_GIVE_ASK = {"en": lazy(r"\b(?:give|giving|start|starting|try|push|load)\b|\bshould (?:we|i)\b|\b(?:can|could) (?:we|i)\b", re.I),
             "zh": lazy(r"要不要|能不能|可不可以|用不用|需不需要|该不该|(?:可以|能|需要)(?:用|给|上|推)|先(?:用|给|上|推|打)\s*$")}
# a drug named and then asked of ("先给地塞米松行不行", "give dex - ok?")
_ASKED_AFTER = {"en": lazy(r"\s*[-–—,]?\s*(?:ok|okay|alright|reasonable)\s*\?", re.I),
                "zh": lazy(r"\s*(?:行不行|可不可以|可以吗|行吗|好不好|合适吗)")}
_TAKES = {"en": lazy(r"\b(?:on|takes?|took|taking)\s+$", re.I), "zh": lazy(r"(?:在吃|服用|吃着|长期吃)\s*$")}
IMPLANTS = IMPLANTED  # (an implant: its own procedure, never an injection's)
# another specialty's drugs held for infection, not bleeding (a biologic, methotrexate): what the sources say of an
# immunosuppressed patient is what they have on them
_IMMUNE_DRUGS = frozenset({RHEUMATOLOGY})
# (classes too wide to stand for the one drug asked: "antibiotics" for which one; the injected steroid for dexamethasone
# given as a treatment)
_ANY_OF_MANY = frozenset({"antibiotic", "corticosteroid", "non-particulate-steroid", "particulate-steroid"})
_DRUG_QUERIED = {"en": lazy(r"\s*\?"), "zh": lazy(r"\s*(?:吗|呢|行不行|可以吗|好不好)?\s*[？?]")}
_WHICH_DRUG = {"en": lazy(r"\b(?:which|what) (?:\w+ ){0,2}(?:abx|antibiotics?|drugs?|agents?|meds?|medications?)\b", re.I),
               "zh": lazy(r"(?:用|上|选)(?:什么|哪种|哪个)(?:抗生素|药)")}
# the drugs that cause an emergency picture (never "nothing on morphine for opioid overdose")
_PICTURE_CAUSES = {"idd-overdose": ("opioid",), "last": (LOCAL_ANAESTHETIC,)}
_NO_SUCH_DRUG = {"en": "The knowledge base says nothing on {drugs} for {condition}; the steps it has for this picture follow.",
                 "zh": "知识库没有关于{condition}时使用{drugs}的内容；以下为其对这一情况的处理步骤。"}
# the condition a settled picture of a pathway with no topic concept is asked after (whether she can go home)
_SETTLED_TOPICS = {"esi-stroke": "stroke"}
_WATCHED_AFTER = {"opioid-overdose": ("respiratory-depression", "morphine")}  # what the watch after a picture's condition looks for
# what the pathways without a topic concept of their own are called in a note
_PICTURES = {"esi-stroke": {"en": "a cord or brain infarction after an injection", "zh": "注射后的脊髓或脑梗死"},
             "airway-haematoma": {"en": "a neck haematoma threatening the airway", "zh": "威胁气道的颈部血肿"},
             "sudden-severe-headache": {"en": "a sudden severe headache", "zh": "突发剧烈头痛"},
             "unstable-vitals": {"en": "shock", "zh": "休克"},
             "sedation-depression": {"en": "respiratory depression under sedation", "zh": "镇静中的呼吸抑制"},
             "cardiorespiratory-arrest": {"en": "a cardiorespiratory arrest", "zh": "心跳呼吸骤停"}}
# A rule to stop the injection ("stop when the cement approaches the posterior vertebral wall", 停止注射).
# How soon, in hours ("within about 8 hours of symptom onset", "超过 12 小时"): whether the care can wait.
_WITHIN_HOURS = lazy(r"\bwithin (?:about )?\d+\s*(?:h|hours?)\b|\bmore than \d+\s*h|\d+\s*小时(?:内|以内)|超过\s*\d+\s*(?:小时|h(?![a-z]))", re.I)
# Other specialties' neuraxial blocks: a new deficit after one is the spinal haematoma pathway all the same.
_NEURAXIAL_ELSEWHERE = frozenset({"labour-epidural", "diagnostic-lumbar-puncture", "paediatric-caudal-block", "intrathecal-chemotherapy"})
# A step for a patient with an epidural infusion running ("when motor block progresses during a continuous epidural
# infusion"): no step for one who had a single injection yesterday ("husband had lumbar ESI yesterday, can't feel his legs").
_ON_INFUSION = lazy(r"during a continuous epidural|持续硬膜外[^，。]{0,6}输注期间", re.I)
_INFUSION_TOLD = lazy(r"infusion|infusing|catheter|\bPCEA\b|labou?r|\bdrip\b|running|continuous|top-?up|in situ|m[lL]\s*/\s*h|"
                            r"输注|导管|镇痛泵|分娩|泵|持续|给药|注药|滴注|留置|在位", re.I)
# a deficit with fever after a neuraxial procedure: an abscess first; the general deficit step ("stopping the procedure if
# it is still under way, examining the patient, obtaining an emergency MRI…")
_FEVER = frozenset({"fever"})
_ABSCESS = "epidural-abscess"
# A neurological examination told normal ("neuro intact", 神经系统查体正常): the step for a new deficit does not apply.
_INTACT = {"en": lazy(r"\bneuro(?:logical(?:ly)?)?\s*(?:exam(?:ination)?\s*)?(?:is\s*|was\s*)?(?:intact|normal|unremarkable|non-?focal)\b|"
                            r"\bno (?:focal )?(?:neuro(?:logical|logic)? )?deficits?\b", re.I),
           "zh": lazy(r"神经(?:系统)?(?:查体|检查|体征|功能)[^，。；？?]{0,3}(?:正常|无异常|阴性|完好)|无(?:神经(?:功能)?|局灶性?)(?:缺损|损害|体征)|"
                            r"神经系统(?:未见|无)异常")}
_GENERAL_DEFICIT_STEP = lazy(r"\bif it is still under way\b|如仍在进行|若仍在进行", re.I)
# imaging the question says is done ("CT shows cement in canal", "MRI已做", CT示…): the step that orders it comes after the rest
_IMAGING_DONE = {"en": lazy(r"\b(CT|MRI|MR|CTA|CTPA)\b(?![^.;,?]{0,20}\b(?:not|no|yet|pending|awaiting|waiting|unavailable)\b)"
                                  r"[^.;,?]{0,20}?\b(?:shows?|showed|confirm\w*|reveal\w*|demonstrat\w*|positive|negative|clear|normal|done|back)\b", re.I),
                 "zh": lazy(r"(CT|MRI|CTA|CTPA|核磁|磁共振)(?![^，。；？]{0,6}(?:还没|未|没|待))[^，。；？]{0,6}?(?:示|显示|提示|看到|发现|证实)|"
                                  r"(?:已|已经)(?:做|查)了?(CT|MRI|核磁|磁共振)", re.I)}
_ORDERS_IMAGING = {"CT": lazy(r"\b(?:urgent|emergency|obtain(?:ing)?|get) (?:an? )?(?:urgent |emergency )?CT\b|急(?:查|诊)?\s*CT|紧急\s*(?:行\s*)?CT", re.I),
                   "MRI": lazy(r"\b(?:urgent|emergency|obtain(?:ing)?|get) (?:an? )?(?:urgent |emergency )?MRI\b|急(?:查|诊)?\s*MRI|紧急\s*(?:行\s*)?MRI", re.I),
                   # (the angiogram that showed the emboli, and the imaging that confirms them)
                   "CTPA": lazy(r"CT pulmonary angiogra\w*|\bCTPA\b|CT\s*肺动脉造影|\bconfirm\w*[^.;]{0,40}\bimaging\b|确诊[^。；]{0,20}影像", re.I)}


def _imaging_done_later(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """"new leg weakness after T12 vertebroplasty, CT shows cement in canal. what now": the step ordering the CT already
    done goes after the other steps (the surgical decompression of a thoracic leak first)."""
    m = _IMAGING_DONE[q.lang].search(q.text)
    if not m or not bullets:
        return bullets
    told = next(g for g in m.groups() if g)
    modality = "MRI" if told.upper() in ("MRI", "MR") or told in ("核磁", "磁共振") else "CTPA" if told.upper() == "CTPA" else "CT"
    done = [b for b in bullets if b.kind == "action" and _ORDERS_IMAGING[modality].search(b.sentence.text)
            and not _GENERAL_DEFICIT_STEP.search(b.sentence.text)]
    if not done or bullets[0] not in done:
        return bullets
    actions = [b for b in bullets if b.kind == "action" and b not in done]
    rest = [b for b in bullets if b.kind != "action"]
    return [*actions, *done, *rest]


_STOP_STEP = {"en": lazy(r"\bstop (?:when|the (?:cement |)injection|injecting|if)\b|\bdo not inject (?:further|any more)\b|"
                               r"\bmust not be injected intrathecally\b|\babort or redirect\b", re.I),
              "zh": lazy(r"停止(?:注射|推注|注入|骨水泥|操作)|(?:应|即)停止|不再(?:继续)?(?:注射|推注)|不得继续(?:注射|推注)|绝不能[^。]{0,24}注入鞘内|中止操作或改换")}
# A patient told to be pregnant now ("孕22周", "20 wks pregnant", 孕妇), the screening that is no answer for her, and the
# sentence that spares the fetus fluoroscopy.
PREGNANCY, FLUOROSCOPY = "pregnancy", "fluoroscopy"
_PREGNANT_NOW = {"en": lazy(r"\b\d+\s*(?:wks?|weeks?)\s*(?:pregnant|gestation|pg)\b|\bpregnant (?:patient|woman|lady|pt|mother|mum)\b|"
                              r"\b(?:she'?s|she is|pt is|patient is|who is|is)\s+(?:\d+\s*(?:wks?|weeks?)\s+)?pregnant\b|"
                              r"\b(?:first|second|third|1st|2nd|3rd) trimester\b", re.I),
                 "zh": lazy(r"孕\s*\d+\s*周|妊娠\s*\d+\s*周|孕妇|怀孕(?:了|\s*\d)|孕(?:早|中|晚)期|正在怀孕")}
# (the procedure already done when the pregnancy is told: "…when she had fluoro-guided SIJ injection 10 days ago", 当时透视)
_EXPOSED_BEFORE = {"en": lazy(r"\b(?:\d+|a|two|three|few) (?:days?|wks?|weeks?) ago\b|\bdid(?:n'?t| not) know\b|\bwhen (?:she|the (?:pt|patient)) had\b|"
                             r"\b(?:yesterday|last week|already had)\b", re.I),
                   "zh": lazy(r"当时|才说|才知道|刚发现|之前做|(?:\d+|[一二两三四五六七八九十几])\s*(?:天|周|个月)前(?:做|打)")}
_FLUORO_WORD = lazy(r"fluoro|x-?ray|\bc-?arm\b|透视|C臂|X线", re.I)
_UNSURE = {"en": lazy(r"\bwhether\b|\bnot sure\b|\bunsure\b|\bunknown\b|\bmight\b|\bmay\b|\bpossibly\b|\bcould\b", re.I),
           "zh": lazy(r"是否|不确定|不知道|可能|会不会|有没有")}
_SCREENING = {"en": lazy(r"pregnancy should be excluded|exclude pregnancy|rule out pregnancy|pregnancy test", re.I),
              "zh": lazy(r"排除妊娠|妊娠试验|验孕")}
_FETUS_SPARED = {"en": lazy(r"fluoroscopy is avoided to protect the fetus|avoid\w* fluoroscopy", re.I),
                 "zh": lazy(r"为保护胎儿应避免透视|避免透视")}
# the times worked against an interval for a procedure the lead places in the low-risk class
_IF_STOPPED = {"en": " (this interval applies where the procedure calls for stopping the drug; see the low-risk class above)",
               "zh": "（此间隔适用于需要停药的操作；该操作的低风险分级见上）"}
_NO_ACTIVITY = {"en": "The knowledge base says nothing on {what} after it; what it has on the rest follows.",
                "zh": "知识库没有关于术后{what}的内容；以下为其对其余部分的资料。"}
_NO_DOSE = {"en": "The knowledge base gives no dose for: {part}. What it has on it:",
            "zh": "知识库未给出以下剂量：{part}。相关内容如下："}
_NO_REGIMEN = {"en": "The knowledge base names no drug or regimen for: {part}. What it has on it:",
               "zh": "知识库未给出以下用药方案：{part}。相关内容如下："}
_REGIMEN_ASKED = lazy(REGIMEN_ASK_EN + "|" + REGIMEN_ASK_ZH, re.I)
_NO_SPAN = {"en": "The knowledge base gives no length of time for: {part}. What it has on it:",
            "zh": "知识库未给出以下时长：{part}。相关内容如下："}
_NO_RESTART = {"en": "The knowledge base gives no restart time for: {part}. What it has on it:",
               "zh": "知识库未给出以下恢复用药时间：{part}。相关内容如下："}
_NO_INTERVAL = {"en": "The knowledge base gives no interval for stopping {drugs}. What it has:",
                "zh": "知识库未给出{drugs}的停药间隔。相关内容如下："}
# A local anaesthetic's maximum asked with adrenaline added, and a clause giving one ("6 mg/kg for lidocaine with epinephrine").
_ADRENALINE_ADDED = {"en": lazy(r"\b(?:with|plus|add|adding|added)\s+(?:some\s+)?(?:adrenaline|epinephrine|adrenalin|epi)\b|\+\s*(?:adrenaline|epinephrine|epi)\b", re.I),
                     "zh": lazy(r"(?:加|含|加了|含有|带|配)(?:上)?肾上腺素")}
_WITH_ADRENALINE = lazy(r"\bwith (?:epinephrine|adrenaline)\b|(?:含|加)肾上腺素", re.I)
_LA_CLAUSES = lazy(r"[,;，；。、（(]|\band\b")
_NO_ADDED_ADRENALINE = {"en": "The knowledge base gives no separate maximum for {drugs} with adrenaline; the figures below are for the drug alone.",
                        "zh": "知识库未给出{drugs}加肾上腺素时的单独最大剂量；以下数值针对该药本身。"}
_NO_FIGURE = {"en": "The knowledge base gives no figure for: {part}. What it has on it:",
              "zh": "知识库未给出以下数值：{part}。相关内容如下："}
_NO_RESUME = {"en": "The knowledge base has no guidance on what to do once {condition} has settled (whether to go on with the procedure, "
                    "where the patient should be looked after, when they can go home). What it has on it:",
              "zh": "知识库没有{condition}平稳之后如何处置的指导（能否继续操作、转往何处监护、何时可以回家）。相关内容如下："}
# A follow-up telling a study's result, what it found or ruled out ("MRI: dorsal haematoma T9-11", "MRI done, no haematoma",
# "MRI negative for abscess", "MRI回报血肿", "MRI未见明显血肿").
_STUDY_TOLD = {"en": lazy(r"\b(?:mri|ct|ctpa|scan|imaging|x-?ray)\b[^.?]{0,15}\b(?:done|back|shows?|showed|negative|normal|clear|"
                                r"reported|came back|confirms?|confirmed|excluded|ruled out)\b|\b(?:mri|ct|ctpa|scan|imaging|x-?ray)\s*[:–-]|"
                                # (a finding the scan does not show, told right after it: "MRI no haematoma, T2 signal in cord")
                                r"\b(?:mri|ct|ctpa|scan|imaging)\b,? (?:no|nil) (?:h(?:a)?ematoma|abscess|bleed|collection|compression|cement|leak|clot|pe|emboli?)\b", re.I),
               # ("CT看骨水泥渗漏进椎管": the CT seen, a finding named after it)
               "zh": lazy(r"(?:MRI|核磁|磁共振|CT)[^，。？?]{0,6}(?:做了|显示|提示|回报|示|见|结果|证实|看到|发现|未见|没见到|阴性|排除|出来了|"
                          r"看(?!看)(?![^，。？?]{0,4}(?:有没有|是否|是不是|有无))(?=[^，。？?]{0,6}(?:渗漏|骨水泥|血肿|脓肿|压迫|漏)))", re.I)}
# A scan told (or supposed) negative without naming what it excludes ("MRI neg", "if the MRI is negative", MRI阴性), and
# what the emergency before it was scanned for.
_NEGATIVE_STUDY = {"en": lazy(r"^(?![\s\S]*\b(?:not|isn'?t|wasn'?t|except|but|apart from|shows?|showed|last (?:year|month|week)|ago|"
                                    r"previous|prior|old)\b)[\s\S]*(?:\b(?:mri|mr)\b[^.?]{0,15}\b(?:negative|neg|normal|clear|unremarkable)\b|"
                                    r"\b(?:negative|normal|clear|unremarkable)\s+(?:mri|mr)\b)", re.I),
                   "zh": lazy(r"^(?![\s\S]*(?:不正常|异常(?!。|？|\?|$)|但|除了|显示|提示|见|去年|以前|之前))[\s\S]*"
                                    r"(?:MRI|核磁|磁共振)[^，。？?]{0,6}(?:阴性|正常|未见异常|没(?:有)?(?:发现|看到)?(?:异常|问题))", re.I)}
_SCANNED_FOR = {"neuraxial-deficit": ("epidural-haematoma", "epidural-abscess")}
_HYPOTHETICAL = {"en": lazy(r"\bwhat if\b|\bif (?:it|this|that|there|the|an?)\b|\bonce the\b|\bin case\b|\bsuppose\b", re.I),
                 "zh": lazy(r"如果|假如|要是|万一|假设")}
# ... not a study still to come ("MRI not done yet", "waiting for the MRI", "MRI: pending", 还没做, 等核磁)
_STUDY_PENDING = {"en": lazy(r"\bnot (?:yet|done|back|available|possible|been)\b|n't (?:been|come|done|back)\b|\byet\b|\bpending\b|"
                                   r"\bawait\w*|\bwaiting\b|\bto come back\b|\bcannot\b|\bcan'?t be\b|\bunable\b|\bbooked\b", re.I),
                  "zh": lazy(r"还没|没做|未做|等|待|做不了|不能做|预约")}
# ... nor one asked for ("要不要急查MRI排除硬膜外脓肿?": the scan to rule it out), unless a result follows ("急查MRI回报：血肿")
_STUDY_ASKED_FOR = {"en": lazy(r"(?!)"), "zh": lazy(r"(?:要不要|需不需要|是否(?:需要|要)|该不该|急查|去查|安排|申请|要做|准备做|准备|打算|需要做|做个)[^，。？?]{0,4}$")}
_RESULT_FOLLOWS = {"en": lazy(r"(?!)"), "zh": lazy(r"回报|显示|提示|结果|未见|没看到|没见到|阴性|证实|看到|发现")}


def _study_done(text: str, lang: Lang) -> re.Match[str] | None:
    """The study result a question tells, when it tells one (not a study still to come)."""
    m = _STUDY_TOLD[lang].search(text)
    if m is None or _STUDY_PENDING[lang].search(text[max(0, m.start() - 12):m.end() + 16]):
        return None
    if _STUDY_ASKED_FOR[lang].search(text[max(0, m.start() - 12):m.start()]) and not _RESULT_FOLLOWS[lang].search(text[m.start():m.end() + 16]):
        return None
    return m
# A step that orders the study a question says was done ("urgent CT to look for cement in the canal").
_ORDERS = {"ct": lazy(r"(?:urgent|emergency|obtain|arrange|calls for an?)\s+(?:\w+ )?CT\b|紧急行\s*CT|急诊行?\s*CT|行\s*CT\s*检查", re.I),
           "mri": lazy(r"(?:urgent|emergency|obtain|arrange)\s+(?:\w+ )?MRI\b|急诊行?\s*MRI|紧急行?\s*MRI", re.I)}
_CEMENT_LEAK, _HAEMATOMA = "cement-leakage", "epidural-haematoma"
_BOLUS_ASKED = lazy(r"bolus|\bloading dose\b|推注|首剂|负荷量", re.I)  # (the regimen itself asked, not only its cap or length)
# What treats a complication, once found (not what looks for it).
_TREATS = {"en": lazy(r"decompress|evacuat|drain|explant|antibiotic|embolectomy|anticoagul|heparin", re.I),
           "zh": lazy(r"减压|清除|引流|取出|抗生素|取栓|抗凝|肝素")}
_RULED_OUT = {"en": "The knowledge base gives no next step for this picture once the work-up has ruled out {conditions}. What it has on it:",
              "zh": "知识库未给出排除{conditions}之后的下一步处理。相关内容如下："}
# A calm follow-up asking whether to go on or send the patient home, and a sentence that speaks to it.
_RESUME_ASK = {"en": lazy(r"\b(?:ok|okay|safe|fine|alright|reasonable)\b[^?]{0,30}\b(?:carry on|continue|go ahead|proceed|finish|resume|"
                                r"go home|send (?:her|him|them|the patient )?home|discharge)|\b(?:can|could|should|shall) (?:we|i|she|he|they)\b[^?]{0,25}"
                                r"\b(?:carry on|continue|go ahead|proceed|finish|resume|go home|be discharged|send (?:her|him|them|the patient) home|discharge|"
                                r"go back to the ward|return to the ward)|\bneeds? (?:an? )?(?:HDU|ICU|high dependency|intensive care)\b", re.I),
               "zh": lazy(r"(?:还能|能不能|可以|可不可以|能否|是否)(?:继续|接着|再)(?:做|打|进行|完成)?|(?:能|可以|能不能|可不可以)(?:让(?:病人|患者|他|她))?回家|"
                                r"(?:能|可以)(?:出院|离院)|接着做|继续做|回病房|(?:转|进|去)(?:ICU|监护室|重症)")}
_DISCHARGE = DISCHARGE_ADVICE
_RESUME_SAID = lazy(r"resum|continu|proceed|go ahead|discharg|go home|继续|接着|出院|离院|回家", re.I)
# Asked whether the patient may go home (not whether the procedure goes on), or how long she is kept in and watched.
_HOME_ASK = lazy(GOING_HOME.pattern + r"|"
                       r"keep (?:her|him|them|the patient) in(?:\s+(?:hospital|overnight|recovery|pacu|the unit|for\b)|\s*[?？.]|\s*$)|"
                       r"how long (?:do|should|must|to) (?:i |we )?(?:need to )?(?:observe|monitor|watch)|(?:观察|监测|监护|留观)(?:多久|多长时间|几个小时)", re.I)
# How long the patient is watched after the event ("monitor for at least 2 h after a limited CNS event"): when to go home.
_OBSERVED = lazy(r"(?:monitor|observ)\w*[^.;]{0,70}\bfor at least|observ\w* for|(?:监测|监护|观察)(?:至少)?\s*\d|至少(?:监测|监护|观察)|"
                 r"(?:监测|监护|观察)[^。；]{0,20}至少\s*\d", re.I)
_NO_CONTRA = {"en": "The knowledge base names no contraindications for: {part}. What it has on it:",
              "zh": "知识库未列出以下操作的禁忌证：{part}。相关内容如下："}
_UNCONFIRMED = {"en": "Brand name mapping unconfirmed: {brand} = {generic} (not confirmed on a label; check locally).",
                "zh": "商品名对应关系尚未核实：{brand} = {generic}（未经说明书确认，请核对）。"}
_ACT_NOW = {"en": "**What to do now**", "zh": "**立即处理**"}
_BORROWED = {"en": "The knowledge base has no protocol of its own for {condition}; the steps above are quoted from its {source} protocol "
                   "and apply only as far as they go (airway, oxygen, help).",
             "zh": "本知识库没有针对{condition}的专门处理流程；上述步骤引自其{source}处理流程，仅在其适用范围内参考（气道、给氧、呼叫支援）。"}
# Asked whether a late picture can still be the pathway's condition, and the sentences on when it starts.
_STILL_ASK = {"en": lazy(r"(?:can|could|would|might) (?:it|this|that|she|he) still (?:be|have)|still be (?:a |an )?\w+\?|"
                               r"this (?:late|long after)|so (?:late|long after)|been (?:ages|so long|this long)|delayed onset", re.I),
              "zh": lazy(r"(?:还|仍然?)(?:会|能|可能)是|(?:这么|那么)久(?:了)?(?:还|也)|过了这么久|隔了这么久|迟发|延迟")}
_ONSET = {"en": lazy(r"\bdelayed\b|\blate onset\b|\bonset\b", re.I), "zh": lazy(r"延迟|迟发|发病时间")}
# Asks whose answer sits in one section, with the kinds of concept it is asked about (see `_section_hits`).
_SECTION_ASKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "action": ("management", ("complication",)), "risk_factors": ("risk", ("complication",)),
    "contraindications": ("prevention", ("drug", "drug-class", "brand")),
    # (how a procedure is made safer, "what can the doctor do to make a cervical TFESI safer?": its own prevention passages,
    # which its risk-factor passages can crowd out)
    "prevention": ("prevention", ("procedure",)),
    # (how much of a material is safe, "一个椎体打多少ml水泥算安全" after a cement embolism: the volume limit is written under
    # Prevention, which the emergency's passages crowd out)
    "dose": ("prevention", ("equipment",))}
_RECOGNISE = {"en": "**Also relevant**", "zh": "**其他相关内容**"}
# A follow-up to an emergency looking back at what should have been done, or ahead to preventing it next time.
_LOOKS_BACK = {"en": lazy(r"\bshould (?:we|i|you|they) have\b|\bshould(?:'ve| have) (?:been|used|done|given)\b|\bcould (?:this|it|that) have been\b|"
                          r"\blooking back\b|\bin (?:hindsight|retrospect)\b|\bshould (?:the |her |his |their )?(?:[\w-]+ ){1,3}?have been\b|"
                          r"\b(?:happening|happen|occur\w*) again\b|\bstop (?:this|it|that) (?:from )?(?:happening|recurring)(?: again)?\b|\bnext time\b|"
                          r"\bin future\b|\bin the future\b|\bwas (?:\S+ ){1,5}?too (?:much|high|fast|early|soon|big)\b|"
                          # (the steroid given, asked which kind it was: "the steroid we used was Diprospan - is that particulate?")
                          r"\b(?:we|I|they|you) (?:used|gave|injected)\b[^.?!]{0,40}\b(?:particulate|non-?particulate)\b|"
                          r"\b(?:is|was|does) (?:that|it|this)\b[^.?!]{0,20}\b(?:particulate|non-?particulate)\b", re.I),
               "zh": lazy(r"本来应该|当时应该|应该用多少|下次|以后|再(?:次)?(?:发生|出现)|避免再|防止再|是不是(?:因为|由于)|"
                          r"当时(?:用|打|给|推)的[^。？?]{0,12}(?:算|是不是|属于)[^。？?]{0,4}颗粒|"
                          r"(?:是不是|是否)(?:打|用|推|给)?(?:多了|太多|过量|太快)")}
_EMPTY = {"en": "Please type a question.", "zh": "请输入问题。"}


# A turn after an emergency that asks for the next plan or the general rule ("Next week, can I block both sides?", "How
# much cement per level is considered safe?", 下次还能做吗): the picture before is no scene for it.
_GENERAL_FIGURE_EN = (r"\bper level (?:is )?(?:considered )?safe\b|\bper (?:level|vertebra|vertebral body)\b[^?.]{0,30}\b(?:safe|max\w*|limit)\b|"
                      r"\b(?:safe|max\w*) (?:volume|amount|dose) (?:of cement )?per (?:level|vertebra)\b")
_GENERAL_FIGURE_ZH = r"(?:一个|每个|每一?节)(?:椎体|节段)[^，。？?]{0,12}(?:多少|几)"
_GENERAL_OR_LATER = {"en": lazy(r"\bnext (?:week|month|time|session|visit|procedure)\b|\bin (?:the )?future\b|\bsame session\b|" + _GENERAL_FIGURE_EN, re.I),
                     "zh": lazy(r"下次|下周|下个月|以后再|将来|同次|" + _GENERAL_FIGURE_ZH)}
# a general figure ("how much cement per level is considered safe?", "一个椎体打多少ml水泥算安全"): asked while the emergency
# told the turn before goes on, it follows that emergency's steps
_GENERAL_FIGURE = {"en": lazy(_GENERAL_FIGURE_EN, re.I), "zh": lazy(_GENERAL_FIGURE_ZH)}
# (anything that keeps the question in the scene: here, still, now, this patient, a rescue drug)
_IN_THE_SCENE = {"en": lazy(r"\bhere\b|\bstill\b|\bnow\b|\bright now\b|\bthis (?:patient|pt|time)\b|\bhim\b|\bher\b|\bit\b|"
                                  r"\blipid|\bintralipid|\badrenaline|\bepinephrine|\bnaloxone|\bmidaz|\bpropofol|\batropine|\bsteroid", re.I),
                 "zh": lazy(r"现在|还在|仍然|目前|这个病人|刚才|脂肪乳|肾上腺素|纳洛酮|咪达唑仑|丙泊酚|阿托品|激素")}


def _signs_now(text: str, lang: Lang) -> bool:
    """Does the text tell a sign going on (not one told as ended, fading or back to normal: "抽搐停了", "sats now 95%")?"""
    told = [c for c in _CLAUSES.split(text) if not (FADING[lang].search(c) or NORMAL_VITALS[lang].search(c) or SIGN_STOPPED[lang].search(c))]
    return names_symptoms(without_denied(" ".join(told), lang), lang)  # (nor one denied: "无心律失常")


# the picture told resolved in so many words (not "alert", "awake", "stable" or "sats are ok": readings and wakefulness
# end no sign told before them)
_RESOLVED = {"en": lazy(r"(?<!not )(?<!n't )(?<!never )(?<!partly )(?<!partially )\b(?:asymptomatic|symptom-free|resolved|settled)\b|"
                        r"(?:\b(?:it|this|that|which|then|and)\s+(?:has\s+|had\s+|all\s+|finally\s+)?|,\s*)(?:stopped|ceased)\b"
                        r"(?!\s+(?:her|his|their|the|taking|giving|injecting)\b)|\bback to (?:normal|baseline)\b|\bno (?:more |further )?symptoms\b", re.I),
             "zh": lazy(r"(?<![没未不])(?:症状)?(?:都|已经|已|基本)?(?:消失了|缓解了|恢复正常了?)|(?:^|[，,。；;\s])(?:现在|目前|已经)?没(?:有)?症状了|不抽了|"
                        # ("病人现在没症状，要不要抗凝？", "现在无症状")
                        r"(?:^|[，,。；;\s]|病人|患者|他|她)(?:现在|目前|已经)(?:已)?(?:没(?:有)?(?:任何)?|无(?:明显)?)症状(?:了)?(?=[，,。；;？?\s]|$)")}


# A pneumothorax shown small on a film ("CXR in ED shows a small apical pneumothorax, 1.5 cm rim", 胸片右侧少量气胸，大概10%):
# the urgent film is done and its size sets the care (observed with oxygen); never a large or tension one.
_SMALL_PTX_SHOWN = {"en": lazy(r"^(?=[\s\S]*\b(?:CXR|x-?ray|film|radiograph|ultrasound|US|POCUS|CT)\b)(?![\s\S]*\b(?:large|big|tension|massive|"
                               r"moderate|expanding|enlarg\w*|bigger|larger|increas\w*|grow\w*|bilateral|both sides)\b)[\s\S]*(?:\b(?:small|tiny|minor|little|trace|shallow)\b[^.;?]{0,25}pneumothora|"
                               r"pneumothora\w*[^.;?]{0,20}\b(?:small|tiny|minor)\b)", re.I),
                    "zh": lazy(r"^(?=[\s\S]*(?:胸片|X线|x线|X光|CT|超声|B超|片子|拍片|摄片))(?![\s\S]*(?:大量|张力性|中量|加重|增大|变大|扩大|增多|双侧))[\s\S]*"
                               r"(?:(?:少量|小量|少许|轻度|很小的?|一点)气胸|气胸[^，。；？?]{0,6}(?:少量|很小|不大|不多))")}


# A faint told over: come round, feeling fine ("came round after legs up, BP now 118/70, feels fine"); a vasovagal
# picture ends there, unlike a toxicity or a deficit (never with a slow heart anywhere in the turn: "HR dropped to 38").
_LA_TOLD = {"en": lazy(r"bupi\w*|\blido\w*|lign\w*|ropi\w*|marcaine|xylocaine|local an(?:a)?esthetic|\bLA\b|stellate|\bSGB\b|cervical", re.I),
            "zh": lazy(r"布比|利多|罗哌|局麻|星状|SGB|颈")}
_CAME_ROUND = {"en": lazy(r"(?<!not )(?<!n't )\b(?:came (?:round|around|to)|woke (?:up|back up)|come round|(?:fully |completely )?recovered)\b|"
                          r"(?<!not )(?<!n't )\bfeel(?:s|ing)? (?:fine|ok|okay|better|well|normal)\b", re.I),
               "zh": lazy(r"(?<![没未不])(?:醒过来了?|缓过来了?|好多了|没事了|恢复过来了?)|(?:平卧|躺下|抬腿|补液)(?:后|以后|之后)(?:就|很快|马上)?恢复(?:了)?")}


_FINE_NOW = lazy(r"\b(?:now|all) fine\b|\bfine now\b|(?<!not )\b(?:fully |completely )?recovered\b", re.I)
_RESCUE_GIVEN = lazy(r"\b(?:got|given|gave|treated with|after|received)\b[^.;]{0,20}\b(?:midaz\w*|lorazepam|diazepam|benzo\w*|lipid|intralipid|naloxone|narcan)\b", re.I)


def _settled_tail(text: str, lang: Lang, faint: bool = False) -> str | None:
    """What the question tells after the last words saying its picture resolved ("…it stopped. She's now alert. How long do
    I have to keep her?" -> ". She's now alert. How long do I have to keep her?"), or None when it tells none (`faint`: a
    vasovagal picture, which coming round ends too)."""
    end = -1
    # (or the sign or deficit told gone: "抽搐停了", "we stopped, vision back to normal in 20 min")
    faint_rx = (_CAME_ROUND[lang],) if faint else ()
    # (fine told after the rescue given, unlike "stable" or "alert": "…he seized, got lorazepam, fine now"; not a blackout
    # near the neck with nothing given, "came round after 30 s, feels fine now")
    treated = (_FINE_NOW,) if lang == "en" and _RESCUE_GIVEN.search(text) else ()
    for rx in (_RESOLVED[lang], SIGN_STOPPED[lang], DEFICIT_GONE[lang], *faint_rx, *treated):
        pos = 0
        while (m := rx.search(text[pos:])) is not None:
            end = max(end, pos + m.end())
            pos += m.end()
    # (from the end of the words that tell it, so that its own clause may still go on: "came round briefly then went off again")
    return None if end < 0 else text[end:]


def _next_treatment_dose(part: Part) -> bool:
    """The next treatment's dose asked after the first failed ("补液+咖啡因两天了没用 血补丁抽多少ml血？"): a plan, beside
    whatever emergency the same turn tells."""
    return part.aspects[:1] == ("dose",) and "escalation" in part.aspects


def _deep_before_superficial(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """A wound told discharging ("IPG wound now leaking cloudy fluid", 囊袋渗液): the rule for a pocket or deep infection
    (explant plus antibiotics) before the one that a superficial infection may respond to antibiotics."""
    if not _DISCHARGING[q.lang].search(q.text) or not bullets or not _SUPERFICIAL[q.lang].search(bullets[0].sentence.text):
        return bullets
    deep = next((b for b in bullets[1:4] if _DEEP_INFECTION[q.lang].search(b.sentence.text)), None)
    return bullets if deep is None else [deep, *(b for b in bullets if b is not deep)]


_DISCHARGING = {"en": lazy(r"\b(?:leak\w*|ooz\w*|discharg\w*|draining|weeping|pus|purulent|cloudy fluid)\b", re.I),
                "zh": lazy(r"渗液|渗出|流脓|流水|化脓|有脓|流液")}
_SUPERFICIAL = {"en": lazy(r"\bsuperficial (?:wound )?infection\b", re.I), "zh": lazy(r"浅表(?:伤口)?感染")}
_DEEP_INFECTION = {"en": lazy(r"\b(?:pocket|deep) infection\b", re.I), "zh": lazy(r"囊袋感染|深部感染")}


_EMPIRIC = {"en": lazy(r"\bempiric\w*|\bcover(?:ing)? for\b|\btreat(?:ing|ment)? (?:it|the infection)\b", re.I),
            "zh": lazy(r"经验性|经验用药|抗感染治疗")}


def _calm_next(q: Question) -> bool:
    """Is this follow-up a calm next plan ("Next week, can I block the other side?", 下次还能做吗) or a general figure ("how
    much cement per level is considered safe?"), with no sign of its own, nothing of the scene (here, still, a rescue
    drug) and no next step asked?"""
    return bool(_GENERAL_OR_LATER[q.lang].search(q.text)) and not _IN_THE_SCENE[q.lang].search(q.text) \
        and not names_symptoms(q.text, q.lang) and not {"action", "escalation", "workup"} & set(q.aspects) \
        and not _NEXT[q.lang].search(q.text) and not happening_now(q.text, q.lang)


def on_picture(s: Sentence, named: str | None, has: Collection[str], kinds: Mapping[str, str],
               procedures: Collection[str] = ()) -> bool:
    """Beside an emergency's steps: a step naming this picture (`named`), or a sentence naming what the patient has; a
    condition the patient lives with (diabetes) counts only in a sentence on this picture (its routine glucose check after
    an ESI is no step for a febrile back after one); nor does a sign the patient has in a sentence on another complication
    of another procedure (the numbness of a neuraxial haematoma's warning signs, beside LAST's numb tongue in a
    paravertebral block; `procedures`: the patient's, with their broader ones)."""
    this = not named or bool(re.search(named, s.text, re.I))
    now = {c for c in has if kinds.get(c) != "condition"}
    elsewhere = not this and any(kinds.get(c) == "complication" for c in s.concepts) \
        and not set(procedures) & s.concepts and any(kinds.get(c) in ("procedure", "topic") for c in s.concepts)
    return (s.action and this) or (bool(now & s.concepts) and not elsewhere) or (this and bool(set(has) & s.concepts))


def treats_another(s: Sentence, names: str, kinds: Mapping[str, str]) -> bool:
    """Is the sentence another complication's treatment, beside an emergency pathway whose condition (`names`) it does
    not name? ("A blood patch is the definitive treatment of PDPH" for a febrile patient asked about as "is it just PDPH?")"""
    return bool(s.action and names and not re.search(names, s.text, re.I) and any(kinds.get(c) == "complication" for c in s.concepts))


class AnswerEngine:
    """Answers questions from a loaded index. Create once; `answer` is thread-safe."""

    def __init__(self, settings: Settings, retriever: Retriever | None = None, references: References | None = None) -> None:
        self.settings = settings
        self.retriever = retriever or Retriever(settings)
        self.references = references or References.load(settings.corpus_dir / "references.yaml")
        self.lexicon = self.retriever.lexicon
        self._kinds = {cid: c.kind for cid, c in self.lexicon.concepts.items()}
        self._numbers = PatientNumbers(self.lexicon, self._kinds)
        self._risk_classes = frozenset(cid for cid, c in self.lexicon.concepts.items() if CLASS_CONCEPT in c.broader)
        self._classed_cache: dict[str, bool] = {}  # (procedure -> placed in a bleeding-risk class by some sentence)
        self._graded_cache: dict[str, bool] = {}  # (procedure -> named itself with a bleeding-risk class by some sentence)
        self._settled_cache: dict[tuple[str, str], bool] = {}  # (turn -> told its emergency over; read at several stages)
        self._adjuncts = frozenset(c for c, k in self._kinds.items() if k == "procedure" and not self.retriever.framer.is_anchor(c))
        self._narrower: dict[str, frozenset[str]] = {}  # each topic's narrower topics (occupational dose limit: the eye lens's)
        self._kinds_of: dict[str, frozenset[str]] = {}  # each concept's kinds of complication (infection: pocket infection)
        self._drug_classes = {cid: self._specific_classes(cid) for cid, k in self._kinds.items() if k in ("drug", "brand")}
        self._closure = {cid: frozenset(self.lexicon.broader_closure([cid])[1:]) for cid, k in self._kinds.items()
                              if k in ("drug", "brand", "procedure")}
        self._regional = {cid: (frozenset(c.related) & REGIONS, frozenset(self.lexicon.broader_closure([cid])[1:]))
                          for cid, c in self.lexicon.concepts.items() if c.kind == "procedure" and REGIONS & set(c.related)}
        for cid, c in self.lexicon.concepts.items():
            for b in c.broader if c.kind == "topic" else ():
                self._narrower[b] = self._narrower.get(b, frozenset()) | {cid}
            for b in self.lexicon.broader_closure([cid])[1:] if c.kind == "complication" else ():
                self._kinds_of[b] = self._kinds_of.get(b, frozenset()) | {cid}

    def _specific_classes(self, drug: str) -> frozenset[str]:
        """A drug's narrowest drug classes (Kenalog: particulate steroid, not corticosteroid)."""
        lx = self.lexicon
        classes = [b for b in lx.broader_closure([drug])[1:] if self._kinds.get(b) == "drug-class"]
        return frozenset(c for c in classes if not any(c in lx.broader_closure([o])[1:] for o in classes if o != c))

    # --- public ------------------------------------------------------------------------
    def frame(self, question: str, history: Sequence[str] | None = None) -> Question:
        """The question understood once (see assistant/frame.py)."""
        return self.retriever.framer.frame(question, list(history or []))

    def answer(self, question: str, history: Sequence[str] | None = None, origins: Sequence[str] | None = None,
               answer_lang: Lang | None = None, on_token: Callable[[str], None] | None = None) -> Answer:
        """Answer one question (with earlier user turns as history); `on_token` receives the text as an LLM writes it
        (the extractive answer has no tokens to stream)."""
        t0 = time.perf_counter()
        timings: dict[str, float] = {}
        q = self._frame(question, list(history or []))
        lang: Lang = answer_lang or q.lang
        timings["frame"] = _ms(t0)
        if not q.text:
            return self._finish(Answer(question=question, lang=lang, text=_EMPTY[lang], abstained=True, verdict="empty"), q, timings, t0)
        t = time.perf_counter()
        tri = granuloma_shown(without_mri(self._scan_cleared(q, self._triage(q)), q.text, q.lang), q.text, q.lang, " ".join(q.history[-2:]))
        if tri.urgent and tri.rule not in SYSTEMIC_PATHWAYS and self._foreign_subject(q) \
                and not (tri.rule == "neuraxial-deficit" and q.out_of_scope and set(q.out_of_scope) <= _NEURAXIAL_ELSEWHERE):
            # another specialty's procedure: its local complications are not our pathways (a deficit after another
            # specialty's neuraxial block is: the haematoma pathway is every neuraxial block's, "labour epidural running,
            # now can't move her legs")
            tri = Triage(False)
        timings["triage"] = _ms(t)
        if origins is None and not self.settings.answer_user_documents:
            origins = ("bundled",)
        hits = self._search(q, lang, tri, origins, timings)
        t = time.perf_counter()
        verdict = self.judge(q, lang, hits)
        if tri.urgent or verdict.answers and hits:
            ans = self._compose(q, lang, hits, verdict, tri, on_token)
        else:
            ans = self._abstain(q, lang, hits, verdict)
            if verdict.kind == "out_of_scope" and (foreign := foreign_emergency(q.text, lang)).urgent:
                tri = foreign
                ans.text = f"{tri.escalation}\n\n{ans.text}"  # (another specialty's procedure, its patient crashing)
        ans.urgent, ans.escalation, ans.pathway = tri.urgent, tri.escalation, tri.rule
        timings["compose"] = _ms(t)
        ans.retrieved = hits
        return self._finish(ans, q, timings, t0)

    def evidence(self, q: Question, lang: Lang, hits: list[Hit]) -> float:
        """Evidence score in [0, 1]: the idf mass of question terms found in one of the best passages (saturating)
        blended with the best same-language dense similarity above a per-language floor (calibrated on eval/sets/dev)."""
        if not hits:
            return 0.0
        lex = self.retriever.lexical[lang]
        weights = {t: lex.idf(t) for t in dict.fromkeys(tokenize(q.retrieval_text, lang))}
        mass = 0.0
        for h in hits[:3]:
            toks = set(self.retriever.tokens.get(h.chunk.id, []))
            mass = max(mass, sum(w for t, w in weights.items() if t in toks))
        dense = max((h.dense for h in hits[:3] if h.dense is not None and h.chunk.lang == lang), default=0.0)
        floor = self.settings.dense_floor(lang)
        return 0.6 * min(1.0, mass / self.settings.evidence_mass) + 0.4 * max(0.0, min(1.0, (dense - floor) / 0.12))

    def judge(self, q: Question, lang: Lang, hits: list[Hit]) -> Verdict:
        """Answer, answer in part, or abstain (see assistant/judge.py)."""
        lex = self.lexicon.concepts
        if q.unknown and q.history and self._emergency_before(q).urgent:
            # "插管了 血压用麻黄碱维持住了 需要转ICU吗？" after a total spinal: what was done for the patient is no subject of its own
            # (a drug it names still is: "give tranexamic acid?", "she also takes Zorbex")
            q = replace(q, unknown=tuple(u for u in q.unknown if drug_like(u) or (u.isascii() and u[:1].isupper() and not u.isupper())))
        kinds = {c: lex[c].kind for c in (*q.all_concepts, *q.out_of_scope) if c in lex}  # (a topic carried from the turn before)
        # (every broader concept too, so that a class named two steps up is found: ticagrelor -> P2Y12 inhibitor -> antiplatelet)
        parents = {c: lex[c].broader for c in self.lexicon.broader_closure(list(q.all_concepts)) if c in lex}
        guidance = {c for c in q.all_concepts if c in lex and GUIDANCE in self.lexicon.broader_closure([c, *lex[c].related])}
        if RADIATION & set(self.lexicon.broader_closure(list(q.concepts))):
            # "how do I cut my own radiation dose during fluoro facet injections?": the procedure is where the dose is
            # taken, and the radiation passages need not name it
            guidance |= {c for c in q.concepts if lex.get(c) is not None and lex[c].kind == "procedure"}
        tags = [self.retriever.concepts.get(h.chunk.id, frozenset()) for h in hits]
        # (an implant of ours named beside another specialty's drug, "吃托法替布…要植入鞘内药物输注泵": its procedure is ours)
        # (not beside another specialty's operation: "IT pump, emergency laparotomy tonight - anything to do with the pump?")
        devices = [d for d in self.lexicon.device_procedures(q.subjects) if d not in q.subjects] \
            if q.out_of_scope and set(q.out_of_scope) <= MEDICATION_SETTINGS else []
        if devices:
            q = replace(q, subjects=(*q.subjects, *devices))
            kinds.update({d: lex[d].kind for d in devices})
        verdict = judge(q, tags, self.evidence(q, lang, hits), self.settings.abstain_threshold, kinds, parents, self.settings.judge,
                        guidance)
        if verdict.answers and self._unsourced_allergy(q, lang):
            return Verdict("not_in_kb", tuple(False for _ in q.parts))
        return verdict

    def _unsourced_allergy(self, q: Question, lang: Lang) -> bool:
        """An allergy told to a local anaesthetic ("病人5年前用利多卡因后起过皮疹，可以用布比卡因吗？") that no sentence of the
        knowledge base names with an allergic reaction: the sources say nothing on it, and their figures for the drug are
        its dose limits, no answer on the allergy."""
        if ALLERGY not in q.concepts:
            return False
        la = [c for c in q.concepts if self._kinds.get(c) in ("drug", "brand")
              and LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c])]
        return bool(la) and not any(self._named_with(c, [ALLERGY], lang) for c in la)

    # --- stages ------------------------------------------------------------------------
    def _frame(self, question: str, history: list[str]) -> Question:
        """Frame the question (the LLM engine may rewrite a follow-up)."""
        return self._stand_ins(self._infiltrated_at(self._drug_own_limit(self._picture_carried(self._picture_named(
            self._root_pain_after_cement(self._premedication_meant(self._pressure_reported(self.frame(question, history)))))))))

    def _pressure_reported(self, q: Question) -> Question:
        """A pressure told after a procedure is read as procedural hypertension (frame) only for a procedure whose passages
        report it (a lumbar TFESI's 0.3%); after another ("BP 190/105 day after facet inj w depo-medrol"), it stays the
        patient's hypertension, which no passage names with that procedure."""
        if _RAISED not in q.concepts:
            return q
        procs = {c for c in q.all_concepts if self._kinds.get(c) == "procedure"}
        # (a passage on the procedure or a kind of it: a TFESI's for an "ESI"; never only one on a broader family)
        if not procs or any(procs & set(self.lexicon.broader_closure([c for c in self.retriever.concepts.get(cid, ()) if self._kinds.get(c) == "procedure"]))
                            for cid in self.retriever.by_concept.get(_RAISED, ())):
            return q

        def back(cs: Sequence[str]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(_HIGH_BP if c == _RAISED else c for c in cs))
        parts = tuple(replace(p, concepts=back(p.concepts), inherited=back(p.inherited)) for p in q.parts)
        return replace(q, concepts=back(q.concepts), subjects=tuple(c for c in q.subjects if c != _RAISED), parts=parts)

    def _premedication_meant(self, q: Question) -> Question:
        """A steroid regimen asked after a contrast reaction ("下次怎么预防？口服激素方案具体怎么给" after hives and a tight
        throat with iohexol): the premedication before the next contrast."""
        if not q.followup or _PREMEDICATION in q.all_concepts or _PREMEDICATION not in self.lexicon.concepts:
            return q
        steroids = [c for c in q.concepts if _CORTICOSTEROID in self.lexicon.broader_closure([c])]
        reacted = _CONTRAST_REACTIONS & set(self.lexicon.broader_closure(list(q.context_concepts))) \
            or any(m.concept in _CONTRAST_REACTIONS or self._kinds.get(m.concept) == "contrast" for turn in q.history[-2:]
                   for m in self.lexicon.match(turn))
        if not steroids or not reacted:
            return q
        # (and the part asking how to prevent it next time: "下次怎么预防？")
        return self._asked_of(q, _PREMEDICATION, lambda i, p: bool(set(steroids) & set(p.concepts)) or p.aspects[:1] == ("prevention",))

    def _asked_of(self, q: Question, concept: str, in_part: Callable[[int, Part], bool]) -> Question:
        """The question with a concept it is about though it does not name it (in the parts `in_part` picks), searched for."""
        parts = tuple(replace(p, concepts=(*p.concepts, concept)) if in_part(i, p) else p for i, p in enumerate(q.parts))
        return replace(q, concepts=(*q.concepts, concept), subjects=(*q.subjects, concept), parts=parts,
                       retrieval_text=self._searched_with(q, concept))

    def _root_pain_after_cement(self, q: Question) -> Question:
        """New root pain told after vertebral augmentation, with no complication named ("in recovery now c/o burning
        band-like pain round the chest wall at T8" after a vertebroplasty): cement in the canal or foramen is what it is
        asked about (its urgent CT)."""
        if _ROOT_PAIN not in q.concepts or any(self._kinds.get(c) == "complication" for c in q.concepts) \
                or AUGMENTATION not in self.lexicon.broader_closure(list(q.all_concepts)) or _CEMENT_LEAK not in self.lexicon.concepts:
            return q
        return self._asked_of(q, _CEMENT_LEAK, lambda i, p: i == 0)

    def _picture_named(self, q: Question) -> Question:
        """A calm follow-up pointing back at the emergency of the turn just before ("how common is that, should it go in
        the consent?" after desaturation while cement was injected): "that" is the pathway's condition (pulmonary cement
        embolism), which that turn described but did not name."""
        if not q.followup or not q.history or not _ABOUT_THAT.intersection(q.aspects) or not _POINTER[q.lang].search(q.text) \
                or any(self._kinds.get(c) == "complication" for c in q.concepts):
            return q
        scene = frozenset(self.lexicon.broader_closure(list(q.context_concepts)))
        topic = PATHWAY_TOPICS.get(_in_thread(q.history, len(q.history) - 1, scene).rule, "")
        if not topic or topic in q.all_concepts or topic not in self.lexicon.concepts:
            return q
        # (a deficit whose cause the turn before's CT showed, cement in the canal: "how common is this?" is that leak, not
        # the haematoma the pathway reads a deficit as)
        if topic == _HAEMATOMA and _CEMENT_LEAK in q.context_concepts:
            return q
        # (the turn before named a complication of the same kind, "pocket red and draining" (a wound infection): that one
        # is "that", not the pathway's epidural abscess; a seizure told is a sign of the LAST it names)
        kind = set(self.lexicon.broader_closure([topic])[1:])
        if any(self._kinds.get(c) == "complication" and kind & set(self.lexicon.broader_closure([c])[1:]) for c in q.context_concepts):
            return q
        # ("that" is what the first part asks about; a later part, "should it go in the consent?", goes on with it)
        parts = tuple(replace(p, concepts=(*p.concepts, topic)) if i == 0 else replace(p, inherited=(*p.inherited, topic))
                      for i, p in enumerate(q.parts))
        return replace(q, concepts=(*q.concepts, topic), subjects=(*q.subjects, topic), parts=parts,
                       retrieval_text=self._searched_with(q, topic))

    def _picture_carried(self, q: Question) -> Question:
        """A calm follow-up asking how long to watch the patient, or how to prevent it next time, after an emergency told
        in the last turns but never named ("she settled after bolus, no arrest. how long do we keep her in recovery?" after
        a tingling tongue and twitching arm during an SGB): the pathway's condition (LAST) is the context of the ask."""
        # (a turn telling the patient settled goes on with the picture though it names a concept of its own: "she's fine
        # now. how long do we keep her, and next refill what do we do differently?")
        # (or told in one turn, the event then its end: "…had a seizure, gave midazolam, it stopped. She's now alert. How
        # long do I have to keep her before she can go home?")
        told_over = not q.history and self._settled_turn(q.text, q.lang)
        if not told_over and (not (q.followup or SETTLED[q.lang].search(q.text)) or not q.history):
            return q
        # (a complication told ended is no picture of its own: "seizure stopped with 2mg midaz, sats 97%… how long do I
        # keep her monitored?")
        ended = self._told_ended(q.text, q.lang)
        if not told_over and any(self._kinds.get(c) == "complication" and c not in ended for c in q.concepts):
            return q
        # (or when she may go home, "she's awake now, RR 14. can she go home?": the same watch decides it)
        watch = {OBSERVATION, _DISCHARGE}
        if not (watch & set(q.concepts) or q.aspects[:1] == ("prevention",) or any(p.aspects[:1] == ("prevention",) for p in q.parts)):
            return q
        before = self._settled_picture(q)
        topic = PATHWAY_TOPICS.get(before.rule, "") if before.urgent else ""
        if not topic or topic in q.all_concepts or topic not in self.lexicon.concepts:
            return q
        # (how long to watch after an opioid overdose is how long its breathing may stay depressed: the 24 h of neuraxial morphine)
        watched = tuple(c for c in _WATCHED_AFTER.get(topic, ()) if watch & set(q.concepts) and c not in q.all_concepts
                        and (self._kinds.get(c) != "drug" or self._told_before(q, c)))  # (morphine's watch only after morphine)
        # (the rescue told as given is no subject of the watch: "gave naloxone, she's awake now. how long do we watch her?")
        # (nor the sign told ended: "seizure stopped…")
        parts = tuple(replace(p, concepts=tuple(c for c in p.concepts if not (watch & set(p.concepts) and (c in RESCUE_DRUGS or c in ended))),
                              inherited=(*p.inherited, topic, *(watched if watch & set(p.concepts) else ()))) for p in q.parts)
        text = " ".join(self.lexicon.concepts[c].name(q.lang) for c in (topic, *watched))
        # (how to stop "this" next time, naming nothing: the picture is what is prevented, "how do we stop this next time?"
        # after a seizure from the test dose, settled with midazolam)
        # (only a picture the sources give prevention for: an overdose's is the refill's, `_cause_prevented`)
        bare = [i for i, p in enumerate(parts) if p.aspects[:1] == ("prevention",) and not p.concepts] if self._prevention_named(topic) else []
        if bare:
            parts = tuple(replace(p, concepts=(topic,), inherited=tuple(c for c in p.inherited if c != topic)) if i in bare else p
                          for i, p in enumerate(parts))
            return replace(q, concepts=(*q.concepts, topic), subjects=(*q.subjects, topic), parts=parts,
                           context_concepts=(*q.context_concepts, *watched), retrieval_text=f"{q.retrieval_text} {text}".strip())
        return replace(q, context_concepts=(*q.context_concepts, topic, *watched), parts=parts, retrieval_text=f"{q.retrieval_text} {text}".strip())

    def _told_ended(self, text: str, lang: Lang) -> set[str]:
        """The concepts named only in clauses telling them stopped or resolved ("seizure stopped with 2mg midaz")."""
        ended: set[str] = set()
        going: set[str] = set()
        for clause in _CLAUSES.split(text):
            named = {m.concept for m in self.lexicon.match(clause)}
            over = SIGN_STOPPED[lang].search(clause) or _RESOLVED[lang].search(clause) or FADING[lang].search(clause)
            (ended if over else going).update(named)
        return ended - going

    def _told_before(self, q: Question, concept: str) -> bool:
        """Did an earlier turn name the concept ("refilled his IT morphine pump", not a hydromorphone one)?"""
        # (or read into the conversation's concepts: "an intrathecal morphine pump" is matched whole as the pump)
        return concept in q.context_concepts or any(m.concept == concept for turn in q.history for m in self.lexicon.match(turn))

    def _searched_with(self, q: Question, topic: str) -> str:
        """The question's search text with the picture's condition named (the turn before described it, never named it)."""
        return f"{q.retrieval_text} {self.lexicon.concepts[topic].name(q.lang)}".strip()

    def _infiltrated_at(self, q: Question) -> Question:
        """"max lignocaine with adrenaline for a 70kg man? planning 20ml 1% … for SCS lead infiltration plus 10ml 2% plain for
        the IPG pocket": a local anaesthetic's maximum is its own and weight-based; the implant where it is infiltrated is no
        subject of the ask (its complication rates are no answer)."""
        lx = self.lexicon.concepts
        if q.out_of_scope or q.followup or ("limit" not in q.aspects and not _MAXIMUM_ASK.search(q.text)) or not _INFILTRATED.search(q.text):
            return q
        la = {c for c in q.concepts if c in lx and lx[c].kind == "drug" and LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c])}
        sites = {c for c in q.concepts if c not in la and c != _ADRENALINE}
        if not la or not sites or not all(c in lx and lx[c].kind in ("procedure", "equipment") for c in sites):
            return q
        return without_concepts(q, sites)

    def _drug_own_limit(self, q: Question) -> Question:
        """A local anaesthetic's maximum dose asked for an interventional pain procedure the sources do not cover ("genicular
        RFA, 60 kg, max lidocaine?"): the maximum is the drug's own and weight-based, whatever the pain procedure, so the
        question is read as the drug's limit and the answer says first that the procedure itself is not covered. Only
        for procedures of our own field (`in_field`): another specialty's use of the drug (tumescent infiltration, a
        dental block) has limits of its own."""
        lx = self.lexicon.concepts
        # (the maximum asked, not a per-site volume or a choice: "how much bupivacaine per nerve?", "lido or bupi?")
        if not q.out_of_scope or "limit" not in q.aspects and not _MAXIMUM_ASK.search(q.text):
            return q
        if not all(c in lx and lx[c].in_field and lx[c].kind == "procedure" for c in q.out_of_scope) \
                or any(map(procedure_like, q.unknown)) or ALLERGY in self.lexicon.broader_closure(list(q.concepts)):
            return q  # (nor for a patient allergic to it: the alternative asked is not its maximum)
        la = {c for c in q.concepts if c in lx and LOCAL_ANAESTHETIC in self.lexicon.broader_closure([c])}
        if not any(lx[c].kind == "drug" for c in la):
            return q
        if any(lx[c].kind in ("drug", "drug-class", "brand", "procedure") for c in q.concepts if c in lx and c not in la | set(q.out_of_scope)):
            return q  # (another drug's hold asked beside it, "and how long to hold Eliquis?", is the procedure's own)
        read = without_concepts(q, set(q.out_of_scope))
        # ("genicular RFA tomorrow on a 60 kg lady, what's the max lidocaine?": the clause of the procedure alone asks nothing)
        parts = tuple(p for p in read.parts if p.concepts or p.inherited) or read.parts[:1]
        return replace(read, parts=parts, out_of_scope=(), beside_drug=q.out_of_scope)

    def _stand_ins(self, q: Question) -> Question:
        """A finding no passage names ("血小板5万": a platelet count) is searched and scored as the condition it points to
        that the sources do name (thrombocytopenia), and the answer says first that the finding itself is not covered; a
        procedure no passage names is read as its nearest broader one (ozone nucleolysis: intradiscal procedures)."""
        q = without_normal_renal(q)
        lx, by = self.lexicon.concepts, self.retriever.by_concept
        swap = {c: tuple(r for r in lx[c].related if by.get(r)) for c in q.all_concepts if c in lx and lx[c].kind == "finding" and not by.get(c)}
        normal = labs_normal(q.text)
        swap = {c: rs for c, rs in swap.items() if rs and not (normal and c in _NORMAL_LAB_FINDINGS)}
        told = tuple(c for c in swap if c in q.concepts)  # (one carried from the turn before is swapped without a second note)
        # occipital nerve stimulation: searched and scored as peripheral nerve stimulation (not when a dose of the specific
        # one is asked: the ozone concentration is not an intradiscal procedure's antibiotic dose)
        # (whether to give a drug no passage names, "需要用加巴喷丁吗？", is asked of its class: neuropathic pain medication)
        given = any(_whether_given(p) for p in q.parts if any(self._kinds.get(c) == "drug" for c in p.concepts))
        general = [] if {"dose", "limit"} & set(q.aspects) else self._general_only(q, held=bool(DRUG_DECISION.intersection(q.aspects)) or given)
        if not swap and not general:
            return q
        swap.update({c: (g,) for c, g in general})

        def sub(cs: Sequence[str]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(x for c in cs for x in swap.get(c, (c,))))
        # (a threshold asked of a finding no passage gives a figure for, "what platelet count is ok for an ESI?": no limit
        # can be quoted; what the sources say of the condition is the answer, after the note that says so)
        def unlimited(p: Part) -> tuple[str, ...]:  # (only a part asking the finding's own limit; a drug's maximum stays asked)
            return tuple(x for x in p.aspects if x != "limit") \
                if set(told) & set(p.concepts) and not any(lx[c].kind in ("drug", "drug-class") for c in p.concepts if c in lx) else p.aspects
        parts = tuple(replace(p, concepts=sub(p.concepts), inherited=sub(p.inherited), aspects=unlimited(p)) for p in q.parts)
        # (searched by the condition's name too: "CrCl ~25" finds the renal-impairment passages)
        names = " ".join(lx[r].name(q.lang) for c in told for r in swap[c] if r in lx)
        return replace(q, concepts=sub(q.concepts), subjects=sub(q.subjects), context_concepts=sub(q.context_concepts), parts=parts,
                       aspects=q.aspects if any("limit" in p.aspects for p in parts) else tuple(x for x in q.aspects if x != "limit"),
                       stand_ins=told, generalised=tuple(general), retrieval_text=f"{q.retrieval_text} {names}".strip())

    def _scene_before(self, q: Question, last: str) -> str:
        """The turn before as the scene of a follow-up's picture, or nothing when it sets none for this turn."""
        if _another_patient_planned(q) and not names_symptoms(q.text, q.lang):
            return ""  # ("different pt - racz neuroplasty tmrw, anything I must check…?": another patient, no picture of his own)
        if _LATER_PLAN[q.lang].search(q.text) and not names_symptoms(q.text, q.lang) and not happening_now(q.text, q.lang) \
                and not {"action", "escalation", "workup"} & set(q.aspects) and self._another_procedure_planned(q, last):
            # "if we go DRG stim instead, what complications are different?" after an infected SCS: a plan for later
            # (never "IV adrenaline instead?", "a CT instead?" in the middle of the picture: a drug or a scan for it now)
            return ""
        # (nor does "what do I do?" alone about the same history: "碘造影剂过敏的病人要做TFESI怎么办？" after "hx of anaphylaxis
        # to iodinated contrast, options for TFESI?" tells no sign the turn before did not)
        if not_now(last, detect_lang(last)) and not names_symptoms(q.text, q.lang) \
                and (not happening_now(q.text, q.lang) or not (self._new_signs(q, last) or _PRESENT[q.lang].search(q.text))):
            # "she's also allergic to shellfish, does that change anything?" after a premedication question before a
            # planned TFESI: the turn before tells no picture (a follow-up that tells one itself keeps its context)
            return ""
        if len(q.history) == 1 and self._settled_turn(last, detect_lang(last)) and not _signs_now(q.text, q.lang) \
                and not NEW_SIGN[q.lang].search(q.text) and not _OPEN_ASK[q.lang].search(q.text):
            # "if we do anticoagulate, for how long?" after "…sats back to 96%. CTPA shows small peripheral cement emboli. Now
            # she's asymptomatic. Do we need to anticoagulate her?": the turn before told its picture over
            return ""
        story = " ".join(q.history)  # (the whole story told before: a scene told over two turns is still one)
        if not names_symptoms(q.text, q.lang) and not happening_now(q.text, q.lang) and not _PRESENT[q.lang].search(q.text) \
                and not triage(story, detect_lang(story), frozenset(self._scene_of(story))).urgent:
            # "can I just mix cefazolin into the contrast?" after "…this pt had anaphylaxis to penicillin": an allergy told as
            # history, no picture of its own, makes none with a contrast the follow-up names
            return ""
        if len(q.history) >= 2 and (happening_now(q.text, q.lang) or _PRESENT[q.lang].search(q.text)) \
                and not names_symptoms(last, q.lang) and not happening_now(last, q.lang) and _ASKED_MARK.search(last):
            # (a sign told now two turns after the scene, the turn between asking on: "如果他现在还有发烧38.6呢" after the wet
            # tap's headache and then the patch's volume)
            return f"{q.history[-2].rstrip(' .。!！?？')}{'。' if q.lang == 'zh' else '. '}{last}"
        return last

    def _settled_turn(self, text: str, lang: Lang) -> bool:
        """Does a turn tell its emergency and then its end, with a calm ask after it ("…it stopped. She's now alert. How
        long do I keep her?"; never a deficit unless told gone, never "…now alert. what do I do now?")?"""
        if (text, lang) not in self._settled_cache:
            if len(self._settled_cache) > 256:
                self._settled_cache.clear()
            self._settled_cache[(text, lang)] = self._told_over(text, lang)
        return self._settled_cache[(text, lang)]

    def _over_tail(self, text: str, lang: Lang) -> str | None:
        """`_settled_tail` of a turn, a faint's own words of coming round counted when its picture is a faint."""
        # (not when a local anaesthetic or a neck block is told: a brief blackout there may be its toxicity, "passed out after
        # stellate ganglion block with bupivacaine, came round after 30 s")
        # (the turn's triage read only when a word of coming round is there to count: every question passes here)
        return _settled_tail(text, lang, self._faint(text, lang))

    def _faint(self, text: str, lang: Lang) -> bool:
        """Is the turn's picture a faint, told with words of coming round (see `_over_tail`)?"""
        return bool(_CAME_ROUND[lang].search(text) or _RESOLVED[lang].search(text)) and not _LA_TOLD[lang].search(text) \
            and _turn_triage(text, lang, frozenset(self._scene_of(text))).rule == "vasovagal"

    def _told_over(self, text: str, lang: Lang) -> bool:
        """See `_settled_turn` (uncached)."""
        tail = self._over_tail(text, lang)
        # (no shock-range reading anywhere in it, nothing "still" there: "HR 38, BP 70/40 … seizure stopped, now alert"; a
        # faint's own readings are its picture, ended by coming round: "vasovagal … HR 45, recovered in 2 min lying flat")
        read = text if tail is None or not self._faint(text, lang) else tail
        if tail is None or severe_now(read, lang) or slow_heart(read, lang) or _STILL[lang].search(text) or NEW_SIGN[lang].search(tail) or _OPEN_ASK[lang].search(tail):
            return False
        if _signs_now(tail, lang):
            return False
        return bool(DEFICIT_GONE[lang].search(text)) or _turn_triage(text, lang, frozenset(self._scene_of(text))).rule not in _SIGN_PICTURES

    def _another_procedure_planned(self, q: Question, last: str) -> bool:
        """Does the turn name a procedure of ours the turn before did not, and no drug or scan?"""
        lx, kinds = self.lexicon.concepts, self._kinds
        if any(kinds.get(c) in ("drug", "drug-class", "brand") or c in IMAGING for c in q.concepts):
            return False
        before = self._scene_of(last)
        return any(kinds.get(c) == "procedure" and c in lx and lx[c].scope == "in" and c not in before for c in q.concepts)

    def _two_turns_back(self, q: Question, concepts: set[str], before: str, stop: str, tri: Triage) -> Triage:
        """A third turn of one scene ("fever, back pain, wound draining after an SCS trial" - "MRI: epidural collection, who
        do I call?" - "what empiric abx?"): the picture told two turns back, when the turn between went on with it and this
        one asks of its care (what to do, or one of the pathway's own measures; "max bupivacaine for her next block?" does
        not)."""
        if not before or len(q.history) < 2 or not_now(q.text, q.lang):
            return tri
        # (not when the turn between settled it: "leads pulled, MRI negative, afebrile now, pain settled")
        middle = q.history[-1]
        if any(rx[q.lang].search(middle) for rx in (SETTLED, FADING, NORMAL_VITALS, SIGN_STOPPED, DEFICIT_GONE, RULED_OUT_TOLD)) \
                and not names_symptoms(middle, q.lang):  # ("CT negative, but now drowsy and febrile 39.5": it goes on)
            return tri
        told = f"{q.history[-2].rstrip(' .。!！?？')}{stop}"
        again = triage(q.text, q.lang, concepts, f"{told}{before}")
        if tri.urgent:  # the same pathway, told with the scene's fever or time since ("and if he now has leg weakness?"
            # after an infected SCS pocket with a fever, and whether to explant): its banner for that scene
            # (never a fever over before the procedure: "UTI with fever last week, now afebrile; booked for an ILESI")
            # (or the same signs read as the scene's own picture: lost vision and a weak hand right after a cervical
            # transforaminal injection two turns back is its stroke, not a spinal deficit)
            if (tri.rule, again.rule) in _SCENE_REFINES:
                return again
            return again if again.rule == tri.rule and not _FEVER_OVER.search(told) \
                and triage(before, q.lang, concepts, told).urgent else tri
        # (or whether the new sign changes the plan: "she has now spiked 38.5 with neck stiffness - does that change the plan?")
        asks_care = {"action", "escalation", "workup"} & set(q.aspects) or (again.actions and re.search(again.actions, q.text, re.I)) \
            or (_CHANGES_PLAN.search(q.text) and names_symptoms(q.text, q.lang))
        if not (again.urgent and asks_care):
            return tri
        # (or a red flag this turn tells of the scene two turns back: "她今天还有点发烧 脖子发硬" after a wet tap's headache and
        # failed caffeine)
        # (or a deficit this turn tells itself, "那如果是腿没劲抬不起来呢" after a facet RF's burning skin and a turn on
        # discharge: read in the procedure's scene, as it is right after the first turn)
        deficit = again.rule in _DEFICITS and bool(DEFICIT_TOLD & set(q.concepts))
        return again if triage(before, q.lang, concepts, told).urgent or self._own_sign_of(again.rule, q) or deficit else tri

    @staticmethod
    def _own_sign_of(rule: str, q: Question) -> bool:
        """Does this turn tell one of the pathway's own signs itself (a fever, a stiff neck), not only the scene before?"""
        flag = RED_FLAG_BY_ID.get(rule)
        return flag is not None and any(re.search(g, q.text, re.I) for g in flag.symptoms[q.lang][1:])

    def _deficit_cared_for(self, q: Question, tri: Triage, last: str, scene: set[str], settled: bool) -> Triage:
        """A new question after a deficit's emergency asking of a drug or a scan for it ("CTA booked, can we thrombolyse -
        bleeding risk after the cervical injection?"): the deficit's pathway, its care still going on."""
        if tri.urgent or not last or q.followup or settled or not self._treats_the_picture(q) or _another_patient_planned(q):
            return tri  # (another patient's drug, "另一个病人 明天做TFESI 需要停阿司匹林吗", cares for nobody's deficit)
        prior = triage(last, q.lang, scene)
        return prior if prior.rule in _DEFICITS else tri

    def _treats_the_picture(self, q: Question) -> bool:
        """A follow-up asking of a drug or a scan for the deficit just told ("CTA booked, neuro asks can we thrombolyse -
        bleeding risk right after a cervical injection?", "MRI那边约了，能不能先上激素？"): the emergency goes on."""
        # (not a drug looked back on: "当时应该换什么药", "what should we have injected instead")
        return bool(_ASKED_MARK.search(q.text)) and not SETTLED[q.lang].search(q.text) and not _ASIDE.search(q.text) \
            and not AGENT_INSTEAD[q.lang].search(q.text) and any(
            self._kinds.get(c) in ("drug", "drug-class", "brand") or c in IMAGING for c in q.concepts)

    def _scene_two_back(self, q: Question, scene: set[str], last: str, stop: str) -> Triage:
        """A new picture told two turns after the scene, the turn between asking on ("fever 38.5, neck stiff, photophobic -
        does that change the plan?" after the wet tap's headache and then the patch's volume): read in that scene."""
        if len(q.history) < 2 or not names_symptoms(q.text, q.lang) or _another_patient_planned(q):
            return Triage(False)
        scene2 = scene | self._scene_of(q.history[-2])
        return triage(q.text, q.lang, scene2, f"{q.history[-2].rstrip(' .。!！?？')}{stop}{last}")

    def _scene_of(self, text: str) -> set[str]:
        """The concepts a turn tells, with what they are a kind of (the scene an emergency is read in)."""
        return set(self.lexicon.broader_closure([m.concept for m in self.lexicon.match(text)]))

    def _told_more(self, q: Question, last: str, stop: str) -> Triage | None:
        """A follow-up that asks nothing and tells more of the emergency before it ("用的是0.25%布比卡因10ml加地塞米松，L4/5椎板间入路"
        after weak numb legs and a low pressure): the picture goes on, read with what it adds."""
        if not last or _ASKED_MARK.search(q.text) or _NEW_SCENE.search(q.text) or not_now(q.text, q.lang) \
                or SETTLED[q.lang].search(q.text) or FADING[q.lang].search(q.text) or _another_patient_planned(q):
            return None  # (not the next patient, a faint that turned out simple, a picture settled)
        told = triage(f"{last}{stop}{q.text}", q.lang,
                      self._scene_of(last) | set(self.lexicon.broader_closure(list(q.all_concepts))))
        return told if told.urgent else None

    def _scan_cleared(self, q: Question, tri: Triage) -> Triage:
        """A follow-up reporting the deficit's scan clear ("MRI no collection, just erythema round the lead exit site. can
        we leave the trial in?" after fever and heavy legs with SCS trial leads in): the haematoma or abscess pathway's
        emergency scan is done, and the wound told now with the fever before is the implant's infection."""
        # (only with the wound told now: "MRI shows no abscess and no haematoma - now what?" after weak legs keeps the work-up)
        if tri.rule != "neuraxial-deficit" or not q.history or not scan_clear(q.text, q.lang) or NEW_SIGN[q.lang].search(q.text) \
                or not _SITE_WORD.search(q.text):
            return tri
        own = [c for c in q.all_concepts if c not in q.out_of_scope]
        scene = set(self.lexicon.broader_closure(own)) | self._scene_of(q.history[-1]) | self._scene_of(q.history[0])
        before = " ".join(h.rstrip(" .。") + ("。" if q.lang == "zh" else ".") for h in q.history[-2:])
        wound = triage(q.text, q.lang, scene, before, ruled_out=_DEFICITS)
        return wound if wound.rule == "implant-infection" else tri

    def _deficits_scan(self, q: Question, last: str) -> Triage | None:
        """"MRI有条件做吗？电极是不是MRI兼容的" after an SCS patient's weak legs and retention: the deficit's scan, asked
        whether it can be done, goes on with the deficit (its pathway), whatever the device's labelling."""
        if not last or not {"mri", IMPLANT_SCAN} & set(q.concepts) or names_symptoms(q.text, q.lang) or haematoma_shown(q.text, "", q.lang):
            return None  # (a picture of its own told now, "gadolinium given and now hives, wheeze, BP 70/40", is read as told)
        prior = triage(last, q.lang, self._scene_of(last))
        return prior if prior.rule in _DEFICITS else None

    def _settled(self, q: Question, concepts: Collection[str]) -> bool:
        """Is the emergency told (now or in the turn before) over, with no sign going on now (or handed over)?"""
        if self._handed_over(q):
            return True
        # "she's stable now (SpO2 95). how do I avoid this at the next level?": the emergency is over
        # (a sign told as ended, "抽搐停了", is no sign of the picture going on)
        # (nor are the normal readings themselves: "sats now 95%" names the sats)
        # (a story told in one turn, the event then its end, "had a seizure, gave midazolam, it stopped. She's now alert. How
        # long do I keep her?": what is told after it resolved is the picture now; see `_settled_turn`)
        if q.history and SETTLED[q.lang].search(q.text) and _PULLED_BACK.search(q.text) and on_the_needle(q.history[-1], detect_lang(q.history[-1])) \
                and not severe_now(q.text, q.lang) and not NEW_SIGN[q.lang].search(q.text):
            return True  # (a shock on the needle gone once it was pulled back: "settled, pulled back. was that too much sedation?")
        tail = None if q.history or not self._settled_turn(q.text, q.lang) else self._over_tail(q.text, q.lang)
        now = q.text if tail is None else tail
        ongoing = _signs_now(now, q.lang)
        # (a faint told over beside a sign that is no emergency of its own: "缓过来了，半小时后下地说右腿有点软、麻" after an SIJ
        # injection, the injectate's spread; a deficit after an epidural stays one, read on its own)
        if ongoing and q.history and SETTLED[q.lang].search(q.text) and self._emergency_before(q).rule == "vasovagal" \
                and triage(now, q.lang, frozenset(concepts), q.history[-1]).rule == "vasovagal":
            ongoing = False  # (read with the turn before: a toxicity or a deficit beside it is its own pathway)
        # (a follow-up's readings back to normal or a sign going, with no sign still there: "BP 100/60, 舌头还在肿" goes on)
        # (never an open "what now?" after a toxicity, whose heart may still fail once the seizure stopped: "抽搐停了，血压心率
        # 都稳，现在怎么办？"; "vision is back … what next?" is over)
        later = bool(q.history) and bool(FADING[q.lang].search(q.text) or NORMAL_VITALS[q.lang].search(q.text)) \
            and not ongoing and not _STILL[q.lang].search(q.text) \
            and not (_OPEN_ASK[q.lang].search(q.text) and self._emergency_before(q).rule == "last")
        # (or the turn before told its picture over, "…抽搐停了，现在意识清楚…今天能回家吗", and this one tells no sign and
        # asks no open "what now?")
        # (the turn before the last may tell the picture: "…抽搐，考虑局麻药中毒" then "给了咪达唑仑后抽搐停止，生命体征平稳" then
        # "能让他今晚回家吗")
        over = bool(q.history) and self._settled_turn(q.history[-1], detect_lang(q.history[-1])) \
            and not _OPEN_ASK[q.lang].search(q.text)
        # (or a pneumothorax shown small on the film, no sign told with it: "CXR shows a small apical PTX, she's comfortable")
        # (never beside another picture told: "…small pneumothorax and MRI shows an epidural haematoma at T6")
        shown = bool(_SMALL_PTX_SHOWN[q.lang].search(q.text)) \
            and not any(self._kinds.get(c) == "complication" and c != "pneumothorax" for c in q.concepts)
        settled = bool(SETTLED[q.lang].search(q.text) or tail is not None or later or over or shown) and not severe_now(now, q.lang) \
            and not NEW_SIGN[q.lang].search(now) and not ongoing  # ("头痛好了，可是双腿越来越没力": one sign gone, another still there)
        # (awake with normal readings ends no deficit: "现在人清醒，呼吸14次，MRI要等到明天，能等吗？" after weak legs)
        if not settled or over or tail is not None or not q.history or DEFICIT_GONE[q.lang].search(q.text):
            return settled
        return self._emergency_before(q).rule not in _SIGN_PICTURES or bool(_OTHERWISE[q.lang].search(q.text))

    @staticmethod
    def _handed_over(q: Question) -> bool:
        """A follow-up telling the emergency handed over and asking of later ("stroke team has her. was it the particulate
        steroid? shd we be using dex for cervical TF from now on"): no banner."""
        # (not while the picture goes on, "已转ICU，还在抽", nor asked what to give now, "neurosurgery reg has him, asking if we
        # should reverse the apixaban now - what do we give?")
        return bool(q.history) and bool(HANDED_OVER[q.lang].search(q.text)) and not NEW_SIGN[q.lang].search(q.text) \
            and not severe_now(q.text, q.lang) and not _STILL[q.lang].search(q.text) and not happening_now(q.text, q.lang) \
            and not {"action", "escalation", "dose", "limit"} & set(q.aspects)

    def _triage(self, q: Question) -> Triage:
        """Emergency pathway of the question (a follow-up is read after the turn before it)."""
        own = [c for c in q.all_concepts if c not in q.out_of_scope]
        concepts = set(self.lexicon.broader_closure(own))
        # the turn before ends its sentence: "…without better relief" must not negate "now he has new leg weakness"
        stop = "。" if q.lang == "zh" else ". "
        last = f"{q.history[-1].rstrip(' .。!！?？')}{stop}" if q.history else ""
        # (another patient's picture is read on its own: "另外一个病人SIJ注射时脸色发白、出冷汗…")
        # (a general figure asked right after an emergency told going on keeps its picture: "一个椎体打多少ml水泥算安全"
        # with the SpO2 at 88 the turn before; the figure follows the steps)
        settled = self._settled(q, concepts)
        calm = _calm_next(q) and not (_GENERAL_FIGURE[q.lang].search(q.text) and last and not settled
                                      and not any(rx[q.lang].search(last) for rx in (SETTLED, FADING, NORMAL_VITALS))
                                      and triage(last, q.lang, concepts).urgent)
        before = self._scene_before(q, last) if q.followup and not calm and not _ANOTHER_PATIENT.search(q.text) else ""
        waiting = bool(WAIT_ASK[q.lang].search(q.text)) and not settled
        # (not once this turn tells the scan's haematoma: "急诊MRI显示硬膜外血肿，外科几小时内要减压？" is read as told)
        if before and not haematoma_shown(q.text, "", q.lang) \
                and (waiting or not DEFICIT_GONE[q.lang].search(q.text) and ({"action", "escalation", "workup", "advice"} & set(q.aspects)
                                                                              or _NEXT[q.lang].search(q.text)
                                                                              or self._treats_the_picture(q))):
            # "已经停止注射了，生命体征平稳，下一步做什么", "injection stopped, vitals stable, what next?" after blindness and
            # four weak limbs: stable vitals and a stopped injection do not end a deficit; what next is still the pathway's
            # ("MRI那边排队要到明天早上，等得起吗？" with the weak legs told before: the emergency has not waited, whichever)
            prior = triage(last, q.lang, concepts)
            # (what to tell the family two turns into the picture, "家属问会不会瘫 怎么跟家属交代": the picture still goes on)
            prior = self._emergency_before(q) if not prior.urgent and "advice" in q.aspects and not _resolved_since(q) else prior
            if prior.rule in _DEFICITS or (waiting and prior.urgent) or ("advice" in q.aspects and prior.rule == _INFECTION_PATHWAY):
                return prior  # ("他说离得远不想来 怎么劝" after a fever and back pain days after an ESI: still the pathway)
        # (told stable now, with no new sign: no pathway, whatever vital sign it quotes)
        if (scan := Triage(False) if settled else self._deficits_scan(q, "" if _ANOTHER_PATIENT.search(q.text) else last)) is not None:
            return scan
        tri = triage(q.text, q.lang, concepts, before)
        tri = self._two_turns_back(q, concepts, before, stop, tri)
        # (read with the picture's own concepts: the drug that caused it is not carried once the rescue drug is named)
        # (matched only when a rescue is asked: every other follow-up skips the lexicon pass)
        pictured = set(self.lexicon.broader_closure([m.concept for m in self.lexicon.match(last)])) if last and _rescue_asked(q) else set()
        tri = tri if settled else _rescue_goes_on(q, concepts | pictured, last, tri, lambda: self._emergency_before(q))
        rescue = _rescue_asked(q) and not _over_before(q, last)  # (not once the turn before told it over)
        if not tri.urgent and before and (told_lang := detect_lang(before)) != q.lang and not not_now(q.text, q.lang):
            # "SCS IPG implanted 3 wks ago, pocket red … T 38.4" then "可以先口服头孢氨苄观察一周吗？": the scene is read in
            # the language it was told in, the answer given in the question's
            tri = triage(q.text, told_lang, concepts, before, told_in=q.lang)
        if not tri.urgent and q.lang == "en" and cjk_count(q.text) and not not_now(q.text, "en"):
            # "硬膜外注射后第5天 fever 39.2, severe back pain": read as English, its Chinese words still set the scene
            tri = triage(q.text, "zh", concepts, before, told_in="en")
        # (the turn before's own procedure sets its scene: "L1 PVP" in the call before "CT: cement in the canal - next?")
        # (read only for a new question after a turn: the two branches below)
        scene = concepts | self._scene_of(last) \
            if last and not q.followup and not settled else concepts
        tri = self._deficit_cared_for(q, tri, last, scene, settled)
        if not tri.urgent and last and not q.followup and not settled and not _another_patient_planned(q) \
                and ((GOES_ON[q.lang].search(q.text) and triage(last, q.lang, scene).urgent) or names_symptoms(q.text, q.lang)):
            # "CT做了，骨水泥漏到椎管里，然后呢" after "PVP术后双下肢麻，咋办": the emergency goes on with its work-up's
            # result; "抽搐停了 但是现在室速 血压测不到了", "头痛好了，可是双腿越来越没力" after an epidural: a picture of its own,
            # in the setting the turn before told
            tri = triage(q.text, q.lang, scene, last)
            # (or the picture told two turns back reads it as a graver pathway: a fever and a stiff neck after the wet
            # tap's headache are the puncture's red flags, not a wound's)
            two = self._scene_two_back(q, scene, last, stop)
            tri = two if two.urgent and (not tri.urgent or _rank(two.rule) < _rank(tri.rule)) else tri
        elif tri.urgent and last and not q.followup and not settled and not during_procedure(q.text, q.lang) \
                and (prior := triage(last, q.lang, scene)).urgent:
            # the same picture told after the emergency of the turn before: its setting (yesterday's PVP, on the phone)
            # shapes the banner (an unrelated turn before, "my mum…", sets no scene); read in that setting it may be the
            # turn before's own picture going on (the CTPA's emboli after the PVP's desaturation: the cement, no pneumothorax)
            told = triage(q.text, q.lang, scene, last)
            tri = told if told.urgent and told.rule in (tri.rule, prior.rule) else tri
        # (only a turn that tells the picture going on or asks the next step: not "how do I write this up?")
        # (a turn naming a drug of its own, "还是没脉了 肾上腺素给多少", is no follow-up by its words, yet goes on with the picture)
        # (nor a dose of the rescue asked in the middle of it: "病人60kg 脂肪乳总量最多给多少" two turns into a LAST)
        if not tri.urgent and (q.followup or GOES_ON[q.lang].search(q.text) or severe(q.text, q.lang) or rescue) and not settled \
                and len(q.history) >= 2 and (
                GOES_ON[q.lang].search(q.text) or happening_now(q.text, q.lang) or {"escalation", "action"} & set(q.aspects)
                or rescue):
            tri = self._scene_goes_on(q, concepts, stop) or tri
        elif tri.urgent and not settled and len(q.history) >= 2 and (GOES_ON[q.lang].search(q.text) or happening_now(q.text, q.lang)
                                                                     or severe(q.text, q.lang) or {"escalation", "action"} & set(q.aspects)):
            # "still hypotensive after 1L + atropine + ephedrine x2, next?" two turns into a LAST: the picture going on is
            # the toxicity, not a faint that its own words would describe
            going = self._scene_goes_on(q, concepts, stop)
            tri = going if going is not None and going.urgent and _rank(going.rule) < _rank(tri.rule) else tri
        typed_text = to_simplified(q.original.strip()) if q.script == "hant" else q.original.strip()  # (the script is no fix)
        if typed_text != q.text:  # a spelling fix must never hide a symptom ("twitching" read as "switching")
            typed = triage(typed_text, q.lang, concepts, before)
            if typed.urgent and (not tri.urgent or _rank(typed.rule) < _rank(tri.rule)):
                tri = typed  # the pathway the words as typed describe, when it comes first (LAST before a faint)
        return tri if tri.urgent else self._told_more(q, last, stop) or tri

    def _new_signs(self, q: Question, before: str) -> set[str]:
        """The complications and findings a follow-up names that the turn before did not."""
        told = {m.concept for m in self.lexicon.match(before)}
        return {c for c in q.concepts if self._kinds.get(c) in ("complication", "finding") and c not in told}

    def _scene_goes_on(self, q: Question, concepts: set[str], stop: str) -> Triage | None:
        """The emergency told two or three turns back, when the turns since stayed in it: "局麻药中毒抽搐了，咋办" -> "脂肪乳给
        多少？70kg" -> "推完一次还是室颤、血压测不到，下一步呢？" (the dose question between tells no picture of its own, so the turn
        before alone is no scene)."""
        turns = [f"{h.rstrip(' .。!！?？')}{stop}" for h in q.history[-3:]]
        for k in range(len(turns) - 2, -1, -1):
            scene = turns[k]
            if not triage(scene, q.lang, concepts).urgent:
                continue
            since = "".join(turns[k:])
            if all(triage(turns[i], q.lang, concepts, "".join(turns[k:i])).urgent for i in range(k + 1, len(turns))):
                tri = triage(q.text, q.lang, concepts, since)
                return tri if tri.urgent else None
            return None
        return None

    def _foreign_subject(self, q: Question) -> bool:
        """Is the question about another specialty's procedure (no emergency pathway of ours applies)? (A topic we do not
        cover is none: a baclofen pump alarming with fever and spasticity the day after a "1.5T MRI" is our pump's.)"""
        lex = self.lexicon.concepts
        # (nor a sign we have no passage on, told beside the picture: "ITB pump pt itchy all over, spasms getting worse…")
        foreign = any(c in lex and lex[c].kind not in ("topic", "finding") for c in q.out_of_scope) or any(procedure_like(u) for u in q.unknown)
        kinds = {c: lex[c].kind for c in q.subjects + q.context_concepts if c in lex}
        # (nor beside an implant of ours the patient lives with: "带着鞘内泵的病人要做肠镜 现在嗜睡 呼吸浅慢" is our pump's overdose)
        implanted = any(k == "equipment" and IMPLANTS & set(self.lexicon.broader_closure([c])) for c, k in kinds.items())
        return foreign and not own_procedures(q.subjects + q.context_concepts, kinds, foreign) and not implanted

    def _search(self, q: Question, lang: Lang, tri: Triage, origins: Sequence[str] | None, timings: dict[str, float]) -> list[Hit]:
        """Hits for the whole question, merged with hits for each part of a multi-part question."""
        own = [c for c in q.concepts if c not in q.out_of_scope and c not in q.tried]  # what failed is not searched for
        if len(q.parts) == 1:  # ("and for a pump, same?": the harm the turn before asked is the part's own again)
            own += [c for c in q.parts[0].concepts if c not in own and c not in q.out_of_scope and c not in q.tried]
        query = f"{q.retrieval_text} {tri.hint}" if tri.urgent else q.retrieval_text
        searches = self._part_searches(q, lang, own) if len(q.parts) > 1 else []
        # (the whole question and each part embedded in one batch: a third of the time of one call each)
        vecs = self.retriever.query_vectors([query, *(text for text, _, _, _ in searches)], timings)
        hits = self.retriever.search(query, lang, origins=origins, timings=timings, concepts=own,
                                     context=q.context_concepts, groups=q.groups, qvec=vecs[0])
        hits = hits + self._patient_pregnancy_hits(q, lang, origins, hits) + self._contraindication_hits(q, lang, origins, hits)
        hits = hits + self._on_the_table_hits(q, lang, origins, hits)
        if len(q.parts) < 2:
            hits = hits + self._risk_class_hits(q, lang, origins, hits) + self._stent_told_hits(q, lang, origins, hits)
            hits = hits + self._asked_of_context(q, lang, origins, hits) + self._each_drug_hits(q, lang, origins, hits)
            hits = hits + self._drug_of_context_hits(q, lang, origins, hits)
            hits = hits + self._own_topic_hits(q, lang, origins, hits) + self._section_hits(q, lang, origins, hits)
            hits = hits + self._stand_in_hits(q, lang, origins, hits) + self._escalation_hits(q, lang, origins, hits, tri)
            hits = hits + self._decompression_hits(q, lang, origins, hits, tri)
            hits = hits + self._told_condition_hits(q, lang, origins, hits) + self._watched_ahead_hits(q, lang, origins, hits)
            hits = hits + self._activity_hits(q, lang, origins, hits)
            hits = hits + self._settled_condition_hits(q, lang, origins, hits) + self._timed_hits(q, lang, origins, hits)
            hits = hits + self._measured_hits(q, lang, origins, hits) + self._lab_level_hits(q, lang, origins, hits)
            hits = hits + self._consent_hits(q, lang, origins, hits) + self._on_the_needle_hits(q, lang, origins, hits, tri)
            # (the class's count among the best passages, where the judgement looks for the harm: "…worried she'll be
            # paralysed by her facet RFA, how likely is that?" is answered by "no new motor or sensory deficit")
            # (one the search ranked too low to count is moved up)
            found = {h.chunk.id: h for h in hits}  # (a hit moved up keeps its scores: its dense similarity still counts)
            rated = [replace(found.get(h.chunk.id, h), rank=_CLASS_RATE_AT + 1)
                     for h in [*self._class_rate_hits(q, lang, origins, hits[:_CLASS_RATE_AT]),
                               *self._population_hits(q, lang, origins, hits[:_CLASS_RATE_AT])]]
            moved = {h.chunk.id for h in rated}
            hits = [*hits[:_CLASS_RATE_AT], *rated, *(h for h in hits[_CLASS_RATE_AT:] if h.chunk.id not in moved)]
            hits = hits + self._clot_told_hits(q, lang, origins, hits) + self._guidance_swap_hits(q, lang, origins, hits)
            hits = hits + self._grade_reason_hits(q, lang, origins, hits)
            return hits + self._topic_ask_hits(q, lang, origins, hits)
        lists = [hits] + [self.retriever.search(text, lang, origins=origins, timings=timings, concepts=concepts, context=ctx,
                                                groups=groups, qvec=vec) for (text, concepts, ctx, groups), vec in zip(searches, vecs[1:])]
        merged: dict[str, Hit] = {}
        for rank in range(max(len(lst) for lst in lists)):
            for lst in lists:
                if rank < len(lst) and lst[rank].chunk.id not in merged:
                    merged[lst[rank].chunk.id] = lst[rank]
        limit = self.settings.top_k * len(q.parts)  # room for each part's own best (the whole question's search favours one)
        out = [Hit(h.chunk, h.score, i + 1, h.retrievers, h.dense, h.lexical) for i, h in enumerate(list(merged.values())[:limit])]
        out = out + self._risk_class_hits(q, lang, origins, out) + self._timed_hits(q, lang, origins, out)
        out = out + self._measured_hits(q, lang, origins, out) + self._class_rate_hits(q, lang, origins, out)
        out = out + self._escalation_hits(q, lang, origins, out, tri)  # ("wet tap … another level or abort? what do I tell her?")
        if REPEAT_LIMIT in q.subjects:  # ("一年最多可以打几次？激素总量有没有上限？": every source's limit, as for one part)
            out = out + self._own_topic_hits(q, lang, origins, out)
        return out + self._each_drug_hits(q, lang, origins, out)

    def _part_searches(self, q: Question, lang: Lang, own: Sequence[str]) -> list[tuple[str, list[str], tuple[str, ...], tuple[str, ...]]]:
        """Each part's own search of a multi-part question: its text, concepts, context and asked groups."""
        lx = self.lexicon.concepts
        out = []
        for part in q.parts:
            # a part with a subject of its own ("when should I do a blood patch?") keeps only the complication it inherited
            # as context (the wet tap's needle and procedure would fill its search)
            ctx = tuple(c for c in part.inherited if not part.concepts or (c in lx and lx[c].kind == "complication"))
            # (and the canonical names of its own concepts, as the whole question's search has them: 一年最多 -> 重复注射)
            names = " ".join(lx[c].name(lang) for c in dict.fromkeys((*part.concepts, *ctx)) if c in lx and lx[c].name(lang) not in part.text)
            out.append((f"{part.text} {names}".strip(), [c for c in part.concepts if c in own], ctx, tuple(part.groups)))
        return out

    def _timed_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A time asked of a procedure ("血补丁什么时候做", "when should I do the blood patch?"): its passages that give a
        span of time and name it join the hits (a blood patch's timing sits in a note on how the guidance changed)."""
        lx, chunks = self.lexicon.concepts, self.retriever.chunks
        # (or after the treatment that failed: "保守治疗多久无效要做EBP？" asks when the patch comes)
        procs = [c for p in q.parts if p.aspects[:1] == ("timing",) or next_step_timed(p) for c in p.concepts if c in lx and lx[c].kind == "procedure"]
        # (the procedure named last first: the ask comes after the story, "wet tap during ILESI … when do we blood patch?")
        last = {m.concept: m.start for m in q.matches}
        procs = sorted(dict.fromkeys(procs), key=lambda c: -last.get(c, -1))
        found = [cid for c in procs for cid in self._timed_first(c, lang, origins)
                 if cid in chunks and c in chunks[cid].concepts and TIME_SPAN.search(chunks[cid].text)]
        # (how long until the patient is safe after it: the window its serious events begin in, written of the procedure's
        # family, "most serious neurologic events after ESI began within minutes to 48 hours", for a cervical ESI)
        safe = [c for p in q.parts if SAFE_AFTER_ASK.search(p.text) for c in (*p.concepts, *p.inherited) if c in lx and lx[c].kind == "procedure"]
        wider = [b for c in dict.fromkeys(safe) for b in lx[c].broader if b in lx and lx[b].kind == "procedure"]
        found = [cid for c in dict.fromkeys([*safe, *wider]) for cid, _ in self.retriever.concept_search([c], (), ("complications",), lang, origins, 40)
                 if cid in chunks and ONSET_WINDOW.search(chunks[cid].text)] + found
        return self._after(hits, found, limit=2)

    def _timed_first(self, concept: str, lang: Lang, origins: Sequence[str] | None) -> list[str]:
        """The procedure's passages, those with a sentence that times it first (`_timed_in_sentence`), at most 8."""
        chunks = self.retriever.chunks
        found = [cid for cid, _ in self.retriever.concept_search([concept], (), (), lang, origins, 20) if cid in chunks]
        return sorted(found, key=lambda cid: not self._timed_in_sentence(chunks[cid].text, concept))[:8]

    def _timed_in_sentence(self, text: str, concept: str) -> bool:
        """Does a sentence of the passage give a span of time and name the concept (the blood patch's "early EBP at 24–48 h",
        not a headache's 5 days beside a patch named elsewhere)?"""
        return any(TIME_SPAN.search(sent) and any(m.concept == concept for m in self.lexicon.match(sent))
                   for sent in re.split(r"(?<=[.。;；])\s*", text))

    def _measured_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """How far a finding moves asked ("硬膜外打了激素后血糖升多少", "how high does the glucose go?"): the finding's
        passages that give a measured amount join the hits (the studies of how long it lasts crowd them out)."""
        asked = [c for p in q.parts if p.aspects[:1] == ("magnitude",) for c in p.concepts if self._kinds.get(c) in ("finding", "complication")]
        if not asked:
            return []
        chunks = self.retriever.chunks
        found = [cid for cid, _ in self.retriever.concept_search(list(dict.fromkeys(asked)), (), (), lang, origins, 8)
                 if cid in chunks and MEASURED.search(chunks[cid].text)]
        return self._after(hits, found, limit=2)

    def _activity_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """An everyday activity asked after a procedure ("TFESI做完 当天能自己开车回家吗"): the passages naming it join the
        hits (only a sentence naming it may answer: see compose's `_ACTIVITIES`)."""
        asked = [c for c in q.concepts if c in ACTIVITY_CONCEPTS]
        return self._after(hits, [cid for c in asked for cid, _ in self.retriever.concept_search([c], (), (), lang, origins, 3)], limit=2)

    def _told_condition_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """How to prevent a complication asked beside a procedure ("hx of anaphylaxis to iodinated contrast, options for
        TFESI?", "how to prevent intravascular injection during TFESI?"): the complication's own prevention passages
        (premedication, another agent) join the hits, which the procedure's passages crowd out."""
        if q.aspects[:1] != ("prevention",) or q.followup:
            return []
        comps = [c for c in q.concepts if self._kinds.get(c) == "complication"]
        if not comps or not any(self._kinds.get(c) == "procedure" for c in q.concepts):
            return []
        return self._after(hits, [cid for cid, _ in self.retriever.concept_search(comps, (), ("prevention",), lang, origins, 4)], limit=2)

    def _watched_ahead_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """What to watch for once a complication happened ("可能穿破硬膜了 病人现在还好 我要盯啥"): the recognition passages of
        what it leads to (its headache) join the hits."""
        if q.aspects[:1] != ("recognition",) or not MONITOR_ASK.search(q.text):
            return []
        ahead = [r for c in q.concepts if self._kinds.get(c) == "complication" for r in LEADS_TO.get(c, ())]
        return self._after(hits, [cid for cid, _ in self.retriever.concept_search(ahead, (), ("management",), lang, origins, 2)],
                           limit=1) if ahead else []

    def _clot_told_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A drug held before a procedure for a clot told ("rivaroxaban started 6 weeks ago for a PE - stop it or carry
        on?"): the passage on recent venous thromboembolism (the thrombotic side of stopping) joins the hits."""
        if "hold" not in q.aspects or _VTE not in q.concepts or not held_drug(q.concepts, self.lexicon):
            return []
        # (with the drug's class first: a DOAC's recent-VTE rule, not warfarin's bridging list)
        classes = [c for d in q.concepts if self._kinds.get(d) in ("drug", "brand") for c in self.lexicon.broader_closure([d])[1:]
                   if self._kinds.get(c) == "drug-class"]
        found = [*self.retriever.concept_search([_VTE, *classes[:1]], (), ("prevention", "risk"), lang, origins, 3),
                 *self.retriever.concept_search([_VTE], (), ("prevention", "risk"), lang, origins, 3)]
        return self._after(hits, [cid for cid, _ in found], limit=1)

    def _guidance_swap_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A spinal injection asked of under ultrasound instead ("could we do it under US instead to avoid the radiation?"
        after her TFESI, "改超声引导打骶管可以吗"): the passages on what ultrasound cannot show there join the hits (the
        ultrasound passages in general fill the search)."""
        told = (*q.concepts, *(q.context_concepts if q.followup else ()))
        spinal = [c for c in told if SPINAL_INJECTION in self.lexicon.broader_closure([c]) and self._kinds.get(c) == "procedure"]
        if ULTRASOUND_GUIDANCE not in q.concepts or not spinal:
            return []
        found = self.retriever.concept_search([ULTRASOUND_GUIDANCE, spinal[0]], (), ("evidence", "prevention"), lang, origins, 8)
        chunks = self.retriever.chunks
        return self._after(hits, [cid for cid, _ in found if cid in chunks and UNSEEN_BY_ULTRASOUND.search(chunks[cid].text)], limit=2)

    def _on_the_table_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A sign seen on the table asked what to do with ("L5/S1 TF 回抽见血了 咋办 还能接着打吗"): the procedure's own rule
        to stop on that sign joins the hits."""
        signs = [c for c in q.concepts if c in SEEN_ON_THE_TABLE]
        procs = [c for c in q.concepts if self._kinds.get(c) == "procedure"]
        if not signs or not procs or not {"action", "contraindications"} & set(q.aspects):
            return []
        chunks = self.retriever.chunks
        found = [cid for cid, _ in self.retriever.concept_search(signs, procs, ("management",), lang, origins, 6)
                 if cid in chunks and STOP_ON_SIGN[lang].search(chunks[cid].text) and set(procs) & set(chunks[cid].concepts)]
        return self._after(hits, found, limit=1)

    def _grade_reason_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """Why a procedure is graded as it is, or why a drug is held for one procedure and not another ("为啥做SCS要停波立维7天
        腰椎内侧支阻滞就不用停？道理在哪"): the passage on what the bleeding-risk grading rests on joins the hits."""
        procs = [c for c in q.concepts if self._kinds.get(c) == "procedure"]
        why = [p for p in q.parts if "mechanism" in p.aspects]
        if not why or not (set(q.concepts) & {CLASS_CONCEPT, *self._risk_classes} or (len(procs) >= 2 and "hold" in why[0].aspects)):
            return []
        found = self.retriever.concept_search([CLASS_CONCEPT], (), ("risk",), lang, origins, 8)
        chunks = self.retriever.chunks
        return self._after(hits, [cid for cid, _ in found if cid in chunks and GRADE_REASON.search(chunks[cid].text)], limit=1)

    def _contraindication_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """Whether a patient with a condition told may have the procedure ("temp 38.2 on antibiotics for a UTI, L3-4 ILESI
        this afternoon - proceed or cancel?"): the passages listing that condition among contraindications join the hits
        (the procedure's own passages fill the search)."""
        if not any(p.aspects[:1] == ("contraindications",) for p in q.parts) or q.followup:
            return []
        conditions = [c for c in q.concepts if self._kinds.get(c) == "condition"]
        procedures = [c for c in q.concepts if self._kinds.get(c) == "procedure"]
        if not conditions or not procedures:
            return []
        # (the procedure's passages, or its broader one's, first: ILESI's, then all ESI's)
        found = self.retriever.concept_search([*conditions, CONTRAINDICATION], procedures, ("risk",), lang, origins, 4)
        # (listed as a contraindication first; else what the sources say the condition risks: low platelets and a haematoma)
        naming = [cid for cid, _ in found if set(conditions) & self.retriever.concepts.get(cid, frozenset())]
        naming.sort(key=lambda cid: CONTRAINDICATION not in self.retriever.concepts.get(cid, frozenset()))
        if not any(CONTRAINDICATION in self.retriever.concepts.get(cid, frozenset()) for cid in naming):
            # ("BP 190/100 before a lumbar TFESI, can we go ahead?": no passage lists it; the procedure's own list of
            # contraindications, or its broader one's, is what the sources have on whether it may go ahead)
            near = set(self.lexicon.broader_closure(procedures))
            listing = [cid for cid, _ in self.retriever.concept_search([CONTRAINDICATION], procedures, ("risk",), lang, origins, 4)
                       if CONTRAINDICATION in (cs := self.retriever.concepts.get(cid, frozenset())) and near & cs]
            # (the list of the procedure or a broader one first: all ESIs' before a cervical ILESI's)
            listing.sort(key=lambda cid: sum(self._kinds.get(c) == "procedure" and c not in near for c in self.retriever.concepts.get(cid, ())))
            naming = naming[:1] + listing
        return self._after(hits, naming, limit=2)

    def _decompression_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit], tri: Triage) -> list[Hit]:
        """Antibiotics alone or no surgery put forward for a deficit's cause ("spinal team want to treat with abx only - ok?"):
        the passages on the decompression's timing for that cause (see `_surgery_over_drugs`)."""
        if not tri.urgent or tri.rule != "neuraxial-deficit" or not _CONSERVATIVE_ASK.search(q.text):
            return []
        causes = [c for c in ("epidural-abscess", _HAEMATOMA) if c in q.all_concepts] or [_HAEMATOMA]
        found = [cid for cid, _ in self.retriever.concept_search([SURGICAL_DECOMPRESSION, *causes], (), ("management",), lang, origins, 3)]
        return self._after(hits, found, limit=3)

    def _escalation_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit], tri: Triage) -> list[Hit]:
        """"Conservative care failed, what next?" or "how do I treat it?": the management passages of the complication the
        case is about (the blood patch for a dural-puncture headache; its conservative care first when nothing was tried),
        which the procedure's own passages in the context can crowd out."""
        # (and "PDPH day 2, how to treat?": the complication's care, which its recognition passages can crowd out)
        # (and "pt phoned day 2 with a postural headache, what do I tell her?": what to tell is the complication's care)
        if ("escalation" not in q.aspects and q.aspects[:1] not in (("action",), ("advice",))) or tri.urgent:
            return []  # (an emergency's steps come from its pathway's passages)
        comps = [c for c in (*q.concepts, *q.context_concepts) if self._kinds.get(c) == "complication"]
        if not comps:
            return []
        found = [cid for cid, _ in self.retriever.concept_search(comps, (), ("management",), lang, origins, 4)]
        if "escalation" in q.aspects and q.tried:
            # ("caffeine + fluids + paracetamol x3 days, still can't get out of bed. next step?": the treatment not yet tried,
            # the blood patch, whose passage the complication's other care passages can crowd out of the first four)
            untried = TREATMENTS_TOLD - set(q.tried) - {CONSERVATIVE}
            wider = [cid for cid, _ in self.retriever.concept_search(comps, (), ("management",), lang, origins, 10)]
            found = [cid for cid in wider if untried & self.retriever.concepts.get(cid, frozenset())][:2] + found
        if "escalation" not in q.aspects and not q.tried and not TREATMENTS_TOLD & set(q.all_concepts):  # (nothing tried yet)
            # (conservative care of this complication: never another's, a haematoma's; nor the headache's for a wet tap
            # just made, "another level or abort?")
            near = set(comps)
            found = [cid for cid, _ in self.retriever.concept_search([*comps[:1], CONSERVATIVE], (), ("management",), lang, origins, 2)
                     if cid in self.retriever.chunks and CONSERVATIVE in (got := self.retriever.concepts.get(cid, frozenset()))
                     and near & got] + found
        return self._after(hits, found, limit=2)

    def _on_the_needle_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit], tri: Triage) -> list[Hit]:
        """A shock or paraesthesia as the needle advanced in a neuraxial procedure ("as I advanced the Tuohy at C7-T1 she
        felt an electric shock down both arms"): the procedure's own passage on what the needle can injure joins the hits
        (the deficit pathway's haematoma words fill the search)."""
        if tri.rule != "neuraxial-deficit" or not on_the_needle(q.text, lang):
            return []
        procs = [c for c in q.concepts if self._kinds.get(c) == "procedure"]
        if not procs:
            return []
        found = [cid for harm in (_SPINAL_CORD_INJURY, "paraesthesia") for cid, _ in self.retriever.concept_search([harm], procs, (), lang, origins, 4)
                 if set(procs) <= (got := self.retriever.concepts.get(cid, frozenset())) and {_SPINAL_CORD_INJURY, "paraesthesia"} & got]
        return self._after(hits, found, limit=1)

    def _stent_told_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A drug decision for a patient whose stent is told, now or before ("pt on brilinta after a stent 8 months ago,
        cervical ILESI - stop it?", "and if it was a kyphoplasty instead?"): the best passage on stopping antiplatelet drugs
        after a stent joins the hits (the drug's and the procedure's words fill the search), so that cardiology's say
        still comes first."""
        told = [c for c in q.concepts if c in CARDIOLOGY_DECIDES] \
            or [c for c in q.context_concepts if c in CARDIOLOGY_DECIDES and q.followup]
        if not told or not DRUG_DECISION.intersection(q.aspects) or RESTART_ASK.search(q.text):
            return []
        return self._after(hits, (cid for cid, _ in self.retriever.concept_search(told, (), ("prevention",), lang, origins, 2)), limit=1)

    def _settled_condition_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """"Seizure stopped, obs stable - can she go home?" after a LAST picture: the condition's management passages (how
        long she is watched) join the hits; the story's words (the procedure, the benzodiazepine given) fill the search."""
        # (or told in one turn: "…it stopped. She's now alert. How long do I have to keep her before she can go home?")
        if not (q.followup and q.history or not q.history and self._settled_turn(q.text, q.lang)) or not _asks_resume(q):
            return []
        before = self._settled_picture(q)
        topic = PATHWAY_TOPICS.get(before.rule, _SETTLED_TOPICS.get(before.rule, "")) if before.urgent else ""
        if not topic:
            return []
        return self._after(hits, (cid for cid, _ in self.retriever.concept_search([topic], (), ("management",), lang, origins, 4)), limit=3)

    def _patient_pregnancy_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A pregnant patient's question: passages on pregnant staff (their fetal dose limit, badge) fill the search for
        pregnancy and are kept out of her answer (`staff_side`), so the best passages on the pregnant patient join the hits."""
        if "pregnancy" not in q.concepts or "pregnant-staff" in q.concepts:
            return []
        found = [cid for cid, _ in self.retriever.concept_search(["pregnancy"], (), (), lang, origins, 12)
                 if cid in self.retriever.chunks and not staff_passage(self.retriever.chunks[cid].concepts)]
        return self._after(hits, found, limit=3)

    def _after(self, hits: list[Hit], cids: Iterable[str], limit: int = 0) -> list[Hit]:
        """Passages (chunk ids, best first) that are not among `hits` yet, as hits ranked after them (at most `limit`)."""
        have = {h.chunk.id for h in hits}
        out: list[Hit] = []
        for cid in cids:
            if cid in have or cid not in self.retriever.chunks:
                continue
            have.add(cid)
            out.append(Hit(self.retriever.chunks[cid], 0.0, len(hits) + len(out) + 1))
            if len(out) == limit:
                break
        return out

    def _counted_second(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """How common a catastrophic harm of a procedure is, led by a sentence that names it with no count ("…each of these
        catastrophic ESI complications is rare"): the sources' count for the harm's class after that procedure (no major
        neurologic event among 16,638 audited ESIs) follows it, so the answer has its number (`_class_rate_hits`). Each
        part asking it gets its own (风险到底多大, after how to explain it)."""
        for j, part in enumerate(q.parts):
            own = [b for b in bullets if b.part == j]
            if not own or not _asks_how_common(part) or _COUNTED.search(own[0].sentence.text):
                continue
            procs, classes = self._harm_classes(part)
            if not procs or not classes:
                continue

            regions = self._part_regions(part)
            kinds = {c for c in (*part.concepts, *part.inherited) if self._kinds.get(c) == "procedure"} - {procs[0]}

            def counts(x: Sentence, procs: list[str] = procs, classes: set[str] = classes, regions: set[str] = regions,
                       kinds: set[str] = kinds) -> bool:
                return self._counts_harm(x, procs[0], classes, regions, kinds)

            def subset(x: Sentence, proc: str = procs[0], kinds: set[str] = kinds) -> bool:
                return self._one_kind(x, proc, kinds)
            # (the whole series before one kind's subset, asked of the procedure as a whole: all 16,638 ESIs, not the TF ones)
            said = [b.sentence for b in bullets]
            quoted = [b for b in own[1:] if counts(b.sentence)]
            fresh = [x for x in sents if counts(x) and not same_point(x, said, q.lang)]
            have = next((b for b in quoted if not subset(b.sentence)), None)
            if have is None and (one := next((x for x in fresh if not subset(x)), None) or (None if quoted else next(iter(fresh), None))):
                have = Bullet(one, j, 0.5, "fact")
            have = have or next(iter(quoted), None)
            if have is None:
                continue
            # (what to tell a frightened patient: how rare it is leads)
            # (and a lead that only lists the harms, saying nothing of how rare they are, follows the count)
            at = bullets.index(own[0]) + (0 if part.aspects[:1] == ("advice",) or not _RARE_SAID.search(own[0].sentence.text) else 1)
            bullets = [*(b for b in bullets[:at] if b is not have), have, *(b for b in bullets[at:] if b is not have)]
        return bullets

    def _without_others_meals(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """When to eat after a procedure ("做完多久可以吃东西？" after a TFESI): a stellate block's fasting and sip test is its
        own rule, never another procedure's (the answer then says the sources give no time for it)."""
        asked = [p for p in q.parts if ORAL_INTAKE in p.concepts]
        if not asked:
            return bullets
        procs = set(self.lexicon.broader_closure([c for p in asked for c in (*p.concepts, *p.inherited) if self._kinds.get(c) == "procedure"]))

        def others(s: Sentence) -> bool:
            named = {c for c in s.concepts if self._kinds.get(c) == "procedure" and c not in self._adjuncts}
            return ORAL_INTAKE in s.concepts and bool(named) and bool(procs) and not named & procs
        return [b for b in bullets if not others(b.sentence)] or bullets

    def _without_brand_asides(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A sentence about a brand the question never typed ("拜阿司匹灵就是阿司匹林…" for a patient on aspirin) is no
        answer: what the brand is matters only to whoever wrote it."""
        lx = self.lexicon.concepts
        typed = {*q.all_concepts, *(m.concept for m in q.matches)}  # (a brand typed is resolved to its drug: its match counts)
        if any(self._kinds.get(c) == "brand" for c in typed):
            return bullets  # (a brand asked about: what brands are is the answer's matter)

        def aside(s: Sentence) -> bool:
            head = s.text[:24].lower()
            return any(self._kinds.get(c) == "brand" and c not in typed and c in lx
                       and any(head.startswith(n.lower()) for n in (*lx[c].en, *lx[c].zh)) for c in s.concepts)
        return [b for b in bullets if not aside(b.sentence)] or bullets

    def _consent_first(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """What to tell a patient before a procedure (the frame adds the consent discussion to a frightened patient's
        ask: "吓得不敢做了，我该怎么跟他解释？"): the consent rule for that procedure (or a broader one; never a narrower
        one's, a third occipital neurotomy's for any facet RFA) leads the part, before any discharge advice, which is for
        after it."""
        for j, part in enumerate(q.parts):
            # (or whether to warn of a harm at all, "should I warn patients about paralysis before a lumbar TFESI?")
            if _CONSENT not in part.concepts or (part.aspects[:1] != ("advice",) and not WARN_ASK.search(part.text)):
                continue
            asked = [c for c in part.concepts if self._kinds.get(c) == "procedure"]
            procs = set(self.lexicon.broader_closure(asked))

            def its_own(x: Sentence, procs: set[str] = procs) -> bool:
                named = {c for c in x.concepts if self._kinds.get(c) == "procedure" and c not in self._adjuncts}
                return _CONSENT in x.concepts and bool(named) and named <= procs
            own = [b for b in bullets if b.part == j]
            # (quoted under another part already, "风险到底多大": it moves to the part asking what to say)
            quoted = next((b for b in bullets if its_own(b.sentence)), None)
            if quoted is not None and quoted.part != j:
                bullets = [b for b in bullets if b is not quoted]
                own = [b for b in own if b is not quoted]
                quoted = replace(quoted, part=j)
            rule = quoted
            if rule is None:
                # (retrieved, else anywhere in the knowledge base: the consent rule is the procedure's own)
                pool = [*sents, *self._bundled_sentences(q.lang, [_CONSENT], sorted(procs))] if procs else list(sents)
                line = next((x for x in pool if its_own(x) and not same_point(x, [b.sentence for b in bullets], q.lang)), None)
                rule = Bullet(line, j, 1.0, "fact") if line is not None else None
            if rule is None or (own and rule is own[0]):
                continue
            at = bullets.index(own[0]) if own else len(bullets)
            bullets = [*bullets[:at], rule, *(b for b in bullets[at:] if b is not rule)]
        return bullets

    def _part_regions(self, part: Part) -> set[str]:
        """The spinal regions a part names or inherits, with those its procedures name (a cervical MBB: cervical)."""
        named = [*part.concepts, *part.inherited]
        lx = self.lexicon.concepts
        # (a topic standing for a region's procedures, "cervical facet" as a cervical procedure, names its region as related)
        return {r for c in named for r in (c, *self.lexicon.broader_closure([c]), *(lx[c].related if c in lx and self._kinds.get(c) == "topic" else ()))
                if r in REGIONS}

    def _counted_here(self, text: str, proc: str, regions: set[str]) -> bool:
        """Does a sentence of the passage count a neurological harm (`_NEURO_COUNTED`) after the procedure, for the asked
        region (or for none named, unless a cervical or thoracic level is asked: never another region's series only, nor
        another procedure's)?"""
        for sent in re.split(r"(?<=[.。;；])\s*", text):
            if not _NEURO_COUNTED.search(sent):
                continue
            named = {r for m in self.lexicon.match(sent) for r in (m.concept, *self.lexicon.broader_closure([m.concept]))}
            if proc in named and (not regions or named & regions or not (named & REGIONS or regions & _CORD_LEVELS)):
                return True
        return False

    def _one_kind(self, x: Sentence, proc: str, kinds: set[str]) -> bool:
        """Does the sentence count one kind of the procedure that the part does not ask about (the audit's transforaminal
        injections, asked of ESIs or of an interlaminar one)?"""
        return self._one_kind_tags(x.concepts, proc, kinds)

    def _one_kind_tags(self, concepts: Collection[str], proc: str, kinds: set[str]) -> bool:
        """`_one_kind` of a sentence's or a passage's concepts."""
        theirs = {c for c in concepts if c != proc and self._kinds.get(c) == "procedure" and proc in self._closure.get(c, ())}
        return len(theirs - kinds) == 1 and not kinds & set(concepts)

    def _counts_harm(self, x: Sentence, proc: str, classes: set[str], regions: set[str], kinds: set[str]) -> bool:
        """Does the sentence count the harm's class after the procedure (`_counted_second`): never another region's series
        (the lumbar Kornick series for a cervical facet RFA), nor, at a cervical or thoracic level, a series naming no level
        (a mixed audit for a cervical ILESI), nor another kind's subset (the audit's transforaminal injections, asked of an
        interlaminar one)?"""
        if regions and not regions & x.concepts and (REGIONS & x.concepts or regions & _CORD_LEVELS):
            return False  # (never another region's; a cervical or thoracic level, where the cord lies, only a count naming it)
        if kinds and self._one_kind(x, proc, kinds):
            return False
        return bool(_COUNTED.search(x.text)) and classes <= x.concepts and x.group == "complications" \
            and not CASE_REPORTS.search(x.text) and any(c == proc or proc in self._closure.get(c, ()) for c in x.concepts)

    def _harm_classes(self, part: Part) -> tuple[list[str], set[str]]:
        """The part's procedure (its own, else the one it inherited) and the counted classes of the harms it names
        (paralysis: neurological injury; see `_COUNTED_CLASSES`)."""
        lx = self.lexicon.concepts
        named = [*part.concepts, *part.inherited]
        procs = [c for c in named if self._kinds.get(c) == "procedure"][:1]
        classes = {b for c in named if self._kinds.get(c) == "complication" and c in lx
                   for b in lx[c].broader if b in _COUNTED_CLASSES}
        return procs, classes

    def _population_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A patient the sources single out told with her complication ("…wet tap… breastfeeding 4mo baby. what can I give
        her"): the passage on that complication for her (caffeine's dose while breastfeeding) joins the best passages, where
        the judgement looks for her; a long story's other words fill the search."""
        pops = [c for c in q.concepts if c in POPULATIONS]
        harms = [c for c in q.concepts if self._kinds.get(c) == "complication"]
        if not pops or not harms or any(pops[0] in self.retriever.concepts.get(h.chunk.id, frozenset()) for h in hits):
            return []
        found = self.retriever.concept_search([pops[0], harms[-1]], (), (), lang, origins, 3)
        return self._after(hits, (cid for cid, _ in found), limit=1)

    def _class_rate_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """How common a catastrophic harm of a procedure is ("ESIs can cause paralysis and blindness… how common is that
        really?"): the sources count such harms by their class (no major neurologic event in an audit of 16,638 ESIs), so
        the procedure's best passage on that class joins the hits beside the passages that only list the harm."""
        out: list[Hit] = []
        for part in q.parts:
            procs, classes = self._harm_classes(part) if _asks_how_common(part) else ([], set())
            if procs and classes:
                found = self.retriever.concept_search([procs[0], sorted(classes)[0]], (), ("complications",), lang, origins, 12)
                regions = self._part_regions(part)
                tags = self.retriever.concepts
                found = [(cid, sc) for cid, sc in found if not (regions and REGIONS & tags.get(cid, frozenset())
                                                                  and not regions & tags.get(cid, frozenset()))]
                # (the whole series before one kind's subset: the audit of all ESIs, not its transforaminal injections)
                kinds = {c for c in (*part.concepts, *part.inherited) if self._kinds.get(c) == "procedure"} - {procs[0]}
                # (and a passage that counts before one that only names the harms: ties are common among equal tags)
                found.sort(key=lambda t: (self._one_kind_tags(tags.get(t[0], frozenset()), procs[0], kinds),
                                          bool(CASE_REPORTS.search(self.retriever.chunks[t[0]].text)),
                                          -t[1]))
                # (a passage whose count is another region's or procedure's, the lumbar Kornick series asked of a cervical
                # RFA, a vertebroplasty series asked of an RFA, is none)
                found = [t for t in found if self._counted_here(self.retriever.chunks[t[0]].text, procs[0], regions)]
                out += self._after([*hits, *out], (cid for cid, _ in found), limit=1)
        return out

    def _own_topic_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A follow-up's own topic that the conversation's procedure crowds out of the search ("那做完能马上自己开车回家吗？"
        after an SGB question: the driving advice is written for any injection with local anaesthetic, not for the
        SGB): its best passages join the hits when none of the hits names it."""
        lx = self.lexicon.concepts
        if not q.followup and REPEAT_LIMIT not in q.subjects:  # (or told with the story: "…can a diabetic have?")
            # (a piece of equipment asked beside a drug no hit names: "一瓶利多卡因几个病人共用，有问题吗？", the vial's rule,
            # which lidocaine's dose passages crowd out)
            return self._topic_hits([c for c in q.subjects if c in lx and lx[c].kind == "equipment"
                                     and not any(c in h.chunk.concepts for h in hits)], q, lang, origins, hits)
        # (one passage naming it is not enough: the limits differ between sources, "每年≤3–4次" and a 2024 review's)
        return self._topic_hits([c for c in q.subjects if c in lx and lx[c].kind == "topic"
                                 and sum(c in h.chunk.concepts for h in hits) < (3 if c == REPEAT_LIMIT else 2)], q, lang, origins, hits)

    def _consent_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """The hazards to tell at consent ("main risks of cervical TFESI I should mention when consenting?"): the
        complications passages of the procedure's family (the FDA's list of serious events is written of every ESI route)
        join the hits, which one route's intravascular rates can fill."""
        if q.aspects[:1] != ("complications",) or not RISKS_TO_TELL[q.lang].search(q.text):
            return []
        lx = self.lexicon.concepts
        broader = [b for c in q.subjects if c in lx and lx[c].kind == "procedure" for b in lx[c].broader
                   if b in lx and lx[b].kind == "procedure"]
        if not broader:
            return []
        chunks = self.retriever.chunks
        found = [cid for cid in self.retriever.by_concept.get(broader[0], ()) if cid in chunks and chunks[cid].lang == lang
                 and (origins is None or chunks[cid].origin in origins) and group_of(chunks[cid].heading_path) == "complications"]
        # (the passages naming the most harms: a list to disclose, not one study's rate)
        harms = {cid: sum(1 for c in self.retriever.concepts.get(cid, frozenset()) if self._kinds.get(c) == "complication") for cid in found}
        return self._after(hits, sorted(found, key=lambda cid: -harms[cid]), limit=1)

    def _section_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """Asked one section's aspect of a complication ("wet tap - should I still inject the steroid?", "导管尖端肉芽肿
        高危因素有哪些") or whether a drug may be used for a procedure ("is Kenalog OK for a C6-7 TFESI?": the choice of
        drug is written under Prevention): when no hit is a passage of that section naming it (its rates and signs fill
        the search), its best two join the hits."""
        lx = self.lexicon.concepts
        group, kinds = _SECTION_ASKS.get(q.aspects[0], ("", ())) if q.aspects else ("", ())
        if not group:
            return []
        own = q.parts[0].concepts if q.parts else q.concepts  # (a follow-up's inherited complication is the search's already)
        # (two complications: the wet tap and the headache it led to are each managed: "wet tap ..., now PDPH day 2 - tx?")
        named = [c for c in own if c in lx and lx[c].kind in kinds][:2 if group == "management" else 1]
        if group == "prevention" and not named and q.parts and not own \
                and not (q.history and _turn_triage(q.history[-1], q.lang, frozenset()).urgent):
            # ("what can the doctor do to make it safer for her?" after a relative's fears; not the prevention of a harm that
            # happened, "这种情况下次怎么预防？" after a faint: that harm's own, or a note that the sources give none)
            named = [c for c in q.parts[0].inherited if c in lx and lx[c].kind in kinds][:1]
        procedures = [p for p in q.concepts if p in lx and lx[p].kind == "procedure"]
        docs = {h.chunk.doc_id for h in hits[:6]}  # from the documents the search found it in (not another procedure's)
        out: list[Hit] = []
        for one in named:
            # a hit of that section naming the complication with the patient's procedure is enough (PDPH's management names
            # the wet tap, not what to do with the steroid when the dura is hit during an ILESI); a drug's choice may sit in
            # another passage of its section than the one the search found
            if group != "prevention" and len(named) == 1 and any(one in h.chunk.concepts and group_of(h.chunk.heading_path) == group
                                                                 and all(p in h.chunk.concepts for p in procedures) for h in hits):
                continue
            classes = self._drug_classes.get(one, ())  # Depo-Medrol's choice is written of particulate steroid
            # (with the procedure first; then on its own: PDPH's own treatment, after the ILESI passages naming it)
            found = [*self.retriever.concept_search([one, *classes, *procedures], (), (group,), lang, origins, 4),
                     *(self.retriever.concept_search([one, *classes], (), (group,), lang, origins, 4) if procedures else [])]
            # (the procedure's own document first: a cervical TFESI made safer is the transforaminal document's prevention,
            # before the interlaminar one's that names it in passing)
            chunks = self.retriever.chunks
            found.sort(key=lambda t: not (t[0] in chunks and one in self._home(chunks[t[0]])))
            out += self._after(hits + out, (cid for cid, _ in found
                                            if cid in self.retriever.chunks and self.retriever.chunks[cid].doc_id in docs),
                               limit=3 if group == "management" else 2)  # (its red flags and discharge advice share the section)
        return out

    def _stand_in_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """The best passages on the condition a finding no passage names points to (thrombocytopenia for a platelet count):
        the question's other words (the procedure) fill the search."""
        conditions = self._stand_in_conditions(q)
        return self._after(hits, (cid for cid, _ in self.retriever.concept_search(conditions, (), (), lang, origins, 3)), limit=3) \
            if conditions else []

    def _lab_level_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A laboratory level asked as the threshold for a procedure ("what INR is ok for vertebroplasty?", INR 多少可以做
        PVP): the best passages naming that level join the hits (the procedure's own passages fill the search, and name
        no INR)."""
        if "limit" not in q.aspects:
            return []
        labs = [c for c in q.concepts if c in _LAB_LEVELS]
        return self._after(hits, (cid for cid, _ in self.retriever.concept_search(labs, (), (), lang, origins, 4)), limit=3) if labs else []

    def _stand_in_conditions(self, q: Question) -> list[str]:
        """The conditions the question's stand-in findings were read as (a platelet count: thrombocytopenia)."""
        lx = self.lexicon.concepts
        return list(dict.fromkeys(r for c in q.stand_ins if c in lx for r in lx[c].related if r in q.concepts))

    def _topic_ask_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """An ask named by its topic ("what premedication should she get?" after the patient's story of contrast
        anaphylaxis and her procedure): the topic's best passages in the asked sections join the hits (the story's
        words fill the search)."""
        # (or asked with its doses too: "术前怎么预防用药" is the premedication's prevention and dose)
        return self._topic_hits([c for c in q.subjects if c in TOPIC_ASKS and (TOPIC_ASKS[c] == q.aspects or (
            c in _CARE_REGIMENS and set(TOPIC_ASKS[c]) <= set(q.aspects)))], q, lang, origins, hits)

    def _topic_hits(self, topics: Sequence[str], q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """Each topic's two best passages in the asked sections, after the hits (three for the repeat limits, which differ
        between sources written in three documents)."""
        return self._after(hits, (cid for c in topics for cid, _ in self.retriever.concept_search(
            [c], (), q.groups or (("prevention",) if c == REPEAT_LIMIT else ()), lang, origins, 3 if c == REPEAT_LIMIT else 2)))

    def _each_drug_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A hold question: each held drug's best hold passages join the hits, so that each drug gets its interval
        (also when the question's other words, bridging or the patient's story, fill the search: "华法林停几天，需不需要桥接")."""
        lx = self.lexicon.concepts
        named = q.concepts if any(c in lx and lx[c].kind in _HELD_KINDS for c in q.concepts) else q.concepts + q.context_concepts
        # ("and restart?": the earlier drug; "NSAIDs - stop before an SCS?": the class's own intervals)
        drugs = [c for c in named if c in lx and lx[c].kind in _HELD_KINDS and held_drug([c], self.lexicon)]
        restart = bool(RESTART_ASK.search(q.text))
        # ("how long before the TFESI? and after?": a time asked of a held drug, with its restart, is its hold)
        if not drugs or not ("hold" in q.aspects or ("timing" in q.aspects and restart)):
            return []
        found: list[str] = []
        for d in drugs:
            own = [cid for cid, _ in self.retriever.concept_search([d], (), ("prevention",), lang, origins, 4) if cid in self.retriever.chunks]
            found += own
            # its class's passages too when it has none of its own (celecoxib: the NSAID intervals) or when the restart
            # is asked (enoxaparin: the LMWH intervals say when it restarts)
            if restart or not own:
                classes = [c for c in self.lexicon.broader_closure([d])[1:2] if c in lx and lx[c].kind == "drug-class"]
                found += [cid for c in classes for cid, _ in self.retriever.concept_search([c], (), ("prevention",), lang, origins, 2)]
        return self._after(hits, found)

    def _asked_of_context(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A follow-up that names no complication asks its section of the complication discussed before ("conservative
        stuff not working, what next?" after a PDPH story: PDPH's management): the passages of that section that name
        it join the hits (the story's other names, a Tuohy needle, an ILESI, otherwise fill the search)."""
        lx = self.lexicon.concepts
        if not q.followup or not q.groups or any(lx[c].kind == "complication" for c in q.concepts if c in lx):
            return []
        topics = [c for c in q.context_concepts if c in lx and lx[c].kind == "complication"]
        return self._after(hits, (cid for c in topics[:1] for cid, _ in self.retriever.concept_search([c], (), q.groups, lang, origins, 3)))

    def _drug_of_context_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """A follow-up naming a drug no hit names ("caffeine dose?" after a PDPH story, whose words fill the search): the
        passages naming that drug with the complication discussed before join the hits; so do a drug's own passages when
        whether to stop it is asked and the procedure's words filled the search ("on sertraline, SCS implant - stop it?")."""
        lx = self.lexicon.concepts
        if not q.followup and not DRUG_DECISION.intersection(q.aspects):
            return []
        # (asked whether to stop it, a passage naming it in a study of drugs continued is not its rule: its prevention
        # section's passage is looked for)
        rule = not q.followup
        named = set().union(*(h.chunk.concepts for h in hits if not rule or group_of(h.chunk.heading_path) == "prevention"))
        drugs = [c for c in q.concepts if c in lx and lx[c].kind in ("drug", "drug-class") and c not in named]
        topics = [c for c in q.context_concepts if c in lx and lx[c].kind == "complication"]
        groups = ("prevention",) if rule else q.groups
        return self._after(hits, (cid for d in drugs[:1] for cid, _ in self.retriever.concept_search([d, *topics[:1]], (), groups, lang, origins, 3)))

    def _risk_class_hits(self, q: Question, lang: Lang, origins: Sequence[str] | None, hits: list[Hit]) -> list[Hit]:
        """Whether a drug is stopped for a procedure turns on the procedure's bleeding-risk class ("Plavix, lumbar TFESI -
        stop it?"): the passage that classes the asked procedure joins the hits when the search left it out."""
        lx = self.lexicon.concepts
        class_ask = CLASS_CONCEPT in q.concepts
        held = held_drug(q.concepts, self.lexicon) or bool(self._unknown_drugs(q))  # an unknown drug: its class still helps
        if not class_ask and not (DRUG_DECISION.intersection(q.aspects) and held):
            return []
        out: list[Hit] = []
        classed = False  # a procedure asked of with its class (whether its passage was in the hits already or not)
        classed_drugs = set(self.lexicon.broader_closure([c for c in (*q.concepts, *q.context_concepts) if c in lx]))
        drug_classes = [c for c in ("anticoagulant", "antiplatelet") if c in classed_drugs]
        # (a follow-up telling the patient, "病人80岁呢", asks of the procedure before)
        before = class_ask or (q.followup and not any(self._kinds.get(c) == "procedure" for c in q.concepts))
        for c in (*q.concepts, *(q.context_concepts if before else ())):
            classes = [r for r in (lx[c].related if c in lx else ()) if r in self._risk_classes]
            for cls in classes:  # each class its own passage (lumbar MBB is low risk, cervical MBB intermediate)
                classed = True
                searches = [([c, cls], ("risk",))]
                if asks_whether_to_stop(q.text):  # "hold it or carry on?": what the class means for stopping at all
                    searches.append(([cls, *drug_classes], ("prevention",)))
                for concepts, groups in searches:  # the best passage of each search that is not in yet
                    found = self.retriever.concept_search(concepts, (), groups, lang, origins, 3)
                    out += self._after([*hits, *out], (cid for cid, _ in found), limit=1)
        # a patient at higher bleeding risk told now or before (CrCl 45: renal impairment): the rule that moves the
        # procedure up a class
        told = [c for c in (*q.concepts, *q.context_concepts) if self._kinds.get(c) == "condition" and c in BLEEDING_UPGRADE]
        if told and classed:  # (also when the class's passage was found by the search already)
            found = self.retriever.concept_search([told[0], "bleeding-risk"], (), ("risk",), lang, origins, 3)
            out += self._after([*hits, *out], (cid for cid, _ in found), limit=1)
        return out

    def _compose(self, q: Question, lang: Lang, hits: list[Hit], verdict: Verdict, tri: Triage,
                 on_token: Callable[[str], None] | None = None) -> Answer:
        """Extractive composition: pathway actions first in an emergency; otherwise the asked aspect first."""
        r = self.retriever
        guide = tri if tri.urgent else self._protocol(q, lang)  # an emergency, or "how is LAST treated?"
        sources = list(hits) + self._neighbours(hits[:3])
        if guide.docs:
            have = {h.chunk.id for h in hits}
            pathway = [c for group in ("management", "complications") for c in r.section_chunks(guide.docs, lang, group) if c.id not in have]
            sources += [Hit(c, 0.0, len(hits) + i + 1) for i, c in enumerate(pathway)]
        intra = re.compile(tri.intra, re.I) if tri.intra else None  # a late picture: nothing to stop any more
        sents = [x for x in sentences_of(sources, self.lexicon) if not staff_side(x, q) and not (intra and intra.search(x.text))
                 and not (tri.urgent and _ON_INFUSION.search(x.text) and not _INFUSION_TOLD.search(q.text))]
        sents = self._for_the_picture(q, tri, self._after_emergency(q, tri, sents))
        lex = r.lexical[lang]
        top_dense = max((h.dense or 0.0) for h in hits) if hits else 1.0
        dense = {h.chunk.id: (h.dense or 0.0) / (top_dense or 1.0) for h in hits}
        lx = self.lexicon.concepts
        sig = Signals({c: frozenset(self.lexicon.broader_closure([c])[1:]) for c in q.all_concepts}, r.concept_idf(q.all_concepts),
                      self._kinds, {c: frozenset(lx[c].related) for c in {*q.all_concepts, *self._adjuncts, *(c for x in sents for c in x.concepts)}
                                    if c in lx}, self._risk_classes,
                      {c: self._narrower[c] for c in q.all_concepts if c in self._narrower},
                      {c: self._kinds_of[c] for c in q.all_concepts if c in self._kinds_of}, self._adjuncts, self._drug_classes,
                      self._regional, self._closure, {x.chunk.doc_id: self._home(x.chunk) for x in sents})
        bullets: list[Bullet] = []
        if guide.rule and guide.rule not in NO_PROTOCOL:  # (none to quote: what the sources say of the question follows)
            foreign = self._other_procedure(q, guide.rule)
            elsewhere = self._other_systemic(q, guide.rule)  # the steps may borrow another protocol's; an extra may not
            hint = frozenset(tokenize(f"{guide.hint} {q.text}", lang))
            bullets = emergency(sents, guide.docs, hint, lang, actions_rx=guide.actions, steps=guide.steps,
                                pathway_tokens=frozenset(tokenize(guide.hint, lang)), idf=lex.idf, weight=patient_weight(q, tri.urgent),
                                concepts=frozenset(self.lexicon.broader_closure(list(q.all_concepts))),
                                foreign=foreign)
            # then what this question adds (delayed LAST after an ultrasound-guided block): sentences naming one of its
            # own complications or findings that the pathway itself does not name, or naming its procedure with a step or
            # with what the patient has ("a tiny intra-arterial dose during SGB can trigger seizures"); a sentence that
            # only names the procedure (the 2012 outbreak after an ESI) is not what is happening now
            lex_c = self.lexicon.concepts
            generic = {m.concept for m in self.lexicon.match(guide.hint, homophones=False)}
            specific = {c for c in q.concepts if c in lex_c and lex_c[c].kind in _SPECIFIC and c not in generic}
            has = {c for c in q.concepts if c in lex_c and lex_c[c].kind in _SPECIFIC and lex_c[c].kind != "procedure"}
            procs = self.lexicon.broader_closure([c for c in q.concepts if self._kinds.get(c) == "procedure"])
            quoted = [b.sentence for b in bullets]
            # (a step names this picture or what the patient has: "the pump reservoir is aspirated", an overdose's step, is
            # no step for an infected pump)
            named = PATHWAY_NAMES.get(guide.rule, {}).get(lang)
            # (a stop rule naming the paraesthesia felt on the needle beside other signs is this picture's step, when it is
            # the procedure's own: a transforaminal injection's rule is no step for an interlaminar one)
            needle_procs = {c for c in q.concepts if self._kinds.get(c) == "procedure"}
            on_needle = on_the_needle(q.text, lang)
            needle = {"paraesthesia", *needle_procs} if needle_procs and on_needle else {""}
            nobody_had = self._procedure_nobody_had(q)
            rest = [x for x in sents if x.group not in ("prevention", "risk", "evidence") and specific & x.concepts
                    and not (on_needle and _HAEMATOMA in x.concepts)  # (a haematoma is hours later, not a moment on the needle)
                    and (needle <= x.concepts or not treats_another(x, tri.names, self._kinds)) and on_picture(x, named, has, self._kinds, procs)
                    and not same_point(x, quoted, lang) and not is_counsel(x.text, lang)
                    and (x.action or not rival(x, q.concepts, sig))  # no other device's hardware fact beside a pump alarm
                    and not is_rate_report(x.text, lang) and not is_meta(x.text, x.chunk.lang)  # nor a study's rate, nor the scope
                    and not foreign(x) and not elsewhere(x) and not REASSURED.search(x.text)  # (nor an untreated effect's reassurance)
                    and not nobody_had(x)]  # (nor a step of a procedure nobody had: threading an IT catheter)
            extra = select(rest, q, lang, lex.idf, dense, 2, (True,), sig) if specific else []
            for e in extra[:2]:
                if not same_point(e.sentence, quoted, lang):
                    # (a management step of this picture's own, "椎间盘炎…下一步应行 MRI 检查", is an action like the pathway's)
                    kind = "action" if e.sentence.action and e.sentence.group == "management" else "fact"
                    bullets.append(Bullet(e.sentence, 0, e.score, kind))
                    quoted.append(e.sentence)
            # (the watch asked, "HR back to 70, no seizure. how long do we keep him in?": right after the first step)
            watch = self._onset_and_watch(q, lang, sents, guide, quoted)
            kept = [replace(b, kind="action") for b in watch if OBSERVATION in q.concepts and _OBSERVED.search(b.sentence.text)]
            bullets = [*bullets[:1], *kept, *bullets[1:], *(b for b in watch if b.sentence not in {k.sentence for k in kept})]
            bullets = self._own_procedure_first(q, guide, [b for b in bullets if b.kind == "action"] + [b for b in bullets if b.kind != "action"])
            bullets = _imaging_done_later(q, self._fever_days_later(q, bullets))
            # (a device's explant for a procedure that implants nothing: an RFA's fever and back pain)
            bullets = [b for b in bullets if not implant_rule(b.sentence, q)] or bullets
            bullets = self._collapse_first(q, tri, bullets)
            calm = [x for x in sents if not elsewhere(x)]  # the anaphylaxis's adrenaline dose, never LAST's ≤1 mcg/kg
            planned = self._calm_parts(q, lang, calm, [b.sentence for b in bullets], dense, sig) if tri.urgent else []
            # (a follow-up asking only the plan, "what infusion rate should we be using?" after the raised-pressure picture:
            # the steps were given the turn before; what it asks leads them)
            # (not while the picture goes on or worsens: "her vision is still blurred and now she's confused - what rate?")
            calm_now = not happening_now(q.text, q.lang) and not names_symptoms(q.text, q.lang) and not _STILL[q.lang].search(q.text) \
                and not NEW_SIGN[q.lang].search(q.text)
            # (the picture's steps still lead, the asked plan right after them and before what it looks like: "冲洗压力上限是多少？"
            # mid-epiduroscopy; "布比卡因最大量是多少？" with a seizure not told over keeps every LAST step first)
            bullets = self._with_calm_parts(q, bullets, planned, calm_now)
            # (the drug asked, answered by a calm part too: "抽搐能用丙泊酚压吗？" right after the first step)
            bullets = _how_soon_first(q, guide.rule, self._asked_drug_first(q, tri, self._asked_drug_lines(q, tri, guide, bullets, calm)))
        if not tri.urgent and bullets:  # "how is X treated?": the protocol's first steps, then the most relevant of the rest
            steps = [b for b in bullets if b.kind == "action"][:3]
            shown = [b.sentence for b in steps]
            others = select([x for x in sents if not same_point(x, shown, lang)], q, lang, lex.idf, dense,
                            self.settings.max_sentences, (True,), sig)
            bullets = steps + others[:max(0, self.settings.max_sentences - len(steps))]
        if not bullets:
            gaps: list[int] = []
            sents = self._own_red_flags(q, lang, sents)
            bullets = select(sents, q, lang, lex.idf, dense, self.settings.max_sentences, verdict.covered or (True,), sig,
                             gaps=gaps)
            if gaps:  # a part whose own ask no sentence names (how long relief lasts) is said to be not covered
                verdict = replace(verdict, covered=tuple(c and i not in gaps for i, c in enumerate(verdict.covered)))
            bullets += self._stand_in_cover(q, lang, sents, bullets, dense, sig)
            if tri.urgent:  # a picture with no protocol: only what the sources say of its own signs, never a document's scope
                # (the picture of the turn before too: "which antibiotic and for how long?" after the MRI's discitis)
                signs = {c for c in q.all_concepts if self._kinds.get(c) in ("complication", "finding")}
                bullets = [b for b in bullets if not is_meta(b.sentence.text, b.sentence.chunk.lang) and signs & b.sentence.concepts
                           and b.sentence.group != "evidence" and not b.sentence.provenance]
            if self._unknown_drugs(q):  # a drug it does not know: only the procedure's bleeding-risk class (and a stent) help
                bullets = self._for_unknown_drugs(q, sents, bullets, sig)
        bullets = self._outcome_of_its_own(q, self._after_the_turn_before(q, lang, sents, bullets, guide, tri))
        bullets = self._granuloma_not_haematoma(q, tri, bullets)
        bullets = bullets if tri.urgent else self._reassured_first(q, sents, self._drug_in_class(q, sents, self._each_side(q, lang, bullets)))
        # (the count of a feared harm's class before the warnings, which go right after the lead)
        bullets = self._warned(q, sents, self._counted_second(q, sents, bullets)) if not tri.urgent else _bundled_first(bullets)
        bullets = bullets if tri.urgent else self._symptomatic_care_first(q, sents, _quiet_course_first(q, _told_kind_first(q, _alternative_second(q, self._first_step_behind(q, _during_step_later(q, bullets))))))
        bullets = bullets if tri.urgent else _jurisdiction_first(q, sents, _mixture_first(q, bullets))
        bullets = bullets if tri.urgent else self._consent_first(q, sents, self._without_others_meals(q, self._without_brand_asides(q, bullets)))
        bullets = bullets if tri.urgent else self._on_the_topic(q, self._rates_of_the_harm(q, self._without_systemic_asides(q, bullets)))
        bullets = bullets if tri.urgent else self._asked_region_first(q, bullets)
        bullets = _surgery_over_drugs(q, tri.rule, sents, _no_haematoma_on_the_needle(q, self._without_others_steps(q, tri, self._without_others_rates(q, bullets)))) if tri.urgent \
            else _deep_before_superficial(q, self._without_others_harms(q, bullets))
        bullets = bullets if tri.urgent else self._cause_prevented(q, lang, self._technique_elsewhere(q, lang, verdict, bullets))
        bullets = bullets if tri.urgent else self._prophylaxis_asked(q, bullets)
        if not tri.urgent and (unsaid := self._others_only(q, bullets)):  # coeliac plexus paraplegia: never the ESI's figures
            return self._none_for(q, lang, hits, unsaid)
        if not bullets and not tri.urgent and not self._unknown_drugs(q):  # nothing answers what was asked (a dose never given)
            unnamed = tuple(c for c in q.concepts if self._kinds.get(c) in ("procedure", "drug", "drug-class")
                            and not self.retriever.by_concept.get(c))  # (ozone: no passage names it)
            return self._abstain(q, lang, hits, Verdict("not_in_kb", verdict.covered, verdict.missing or unnamed, verdict.foreign))
        return self._render(q, lang, bullets, verdict, tri)

    def _for_unknown_drugs(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet], sig: Signals) -> list[Bullet]:
        """A drug the knowledge base does not know, asked with a procedure: only the procedure's bleeding-risk class (and a
        stent) help; for a biologic or methotrexate, held for infection, what the sources say of an immunosuppressed patient."""
        keep = {IMMUNOSUPPRESSED} if _IMMUNE_DRUGS & set(q.out_of_scope) else {CLASS_CONCEPT, "coronary-stent"} | self._risk_classes
        procs = [c for c in q.concepts if sig.kinds.get(c) == "procedure"]
        # (never a named drug's interval: fondaparinux's 4 days before a high-risk procedure is no answer for 泰嘉)
        fits = [x for x in sents if keep & x.concepts and (not rival(x, q.concepts, sig) or any(c in x.concepts for c in procs))
                and not any(sig.kinds.get(c) in ("drug", "brand") for c in x.concepts)]
        # (a part asking something else keeps its own: "infection risk? should we hold the biologic?")
        other = [b for b in bullets if len(q.parts) > 1 and b.part < len(q.parts)
                 and q.parts[b.part].aspects[:1] in (("frequency",), ("complications",), ("risk_factors",))]
        if any(b.sentence in fits for b in bullets):
            return [b for b in bullets if b.sentence in fits or b in other]
        # (none fits: what the sources say of the procedure itself, which the note before it promises)
        return [*other, *[Bullet(x, 0, 1.0, "fact") for x in fits if any(c in x.concepts for c in q.concepts)][:1]] or bullets

    def _complication_asked(self, q: Question) -> bool:
        """Does the question name a complication of ours (one that has happened, or is feared)?"""
        return any(self._kinds.get(c) == "complication" for c in q.concepts)

    def _asked_technique(self, q: Question, verdict: Verdict) -> tuple[str, str] | None:
        """A technique that goes with many procedures, asked of one of ours ("test dose before a cervical interlaminar
        ESI?"), that no retrieved passage names with it: (technique, procedure)."""
        if len(q.parts) != 1:
            return None
        procs = self._asked_procedures(q)
        tech = next((c for c in verdict.missing if c in PROCEDURE_TECHNIQUES and c in q.subjects and self.retriever.by_concept.get(c)), None)
        return (tech, procs[0]) if tech and len(procs) == 1 else None

    def _technique_elsewhere(self, q: Question, lang: Lang, verdict: Verdict, bullets: list[Bullet]) -> list[Bullet]:
        """The asked technique's own sentences said of other procedures or in general (no figure: another procedure's
        regimen is never read as this one's) lead, after a note saying so (`_technique_note`); the rest follows."""
        asked = self._asked_technique(q, verdict)
        if asked is None:
            return bullets
        have = [b for b in bullets if asked[0] in b.sentence.concepts]
        if have and not any(self._procedures_named(b.sentence) for b in have):
            return bullets  # (said in general, of every procedure: contrast premedication before a TFESI)
        if have:  # (chosen already, but after the asked procedure's other facts: they lead)
            return [*have, *(b for b in bullets if b not in have)]
        shown: list[Sentence] = []
        for x in self._bundled_sentences(q.lang, [asked[0]]):
            if asked[0] in x.concepts and not re.search(r"\d", x.text) and not is_meta(x.text, x.chunk.lang) and not same_point(x, shown, lang):
                shown.append(x)
        lead = [Bullet(x, 0, 1.0, "fact") for x in shown[:2]]
        if not lead:  # (nothing on it to show: a sentence that shares only the patient's drug with the question answers
            near = set(self.lexicon.broader_closure([asked[1]]))  # nothing, "prednisone" in contrast premedication)
            drugs = {c for c in q.concepts if self._kinds.get(c) in ("drug", "drug-class", "brand")}
            return [b for b in bullets if near & b.sentence.concepts or not drugs & b.sentence.concepts]
        return [*lead, *bullets][: max(self.settings.max_sentences, len(lead))]

    def _technique_note(self, q: Question, lang: Lang, verdict: Verdict, bullets: Sequence[Bullet]) -> list[str]:
        """What `_technique_elsewhere` put first, said first: whose the technique's sentences are."""
        asked = self._asked_technique(q, verdict)
        if asked is None or not bullets or asked[0] not in bullets[0].sentence.concepts:
            return []
        tech, proc = asked
        near = set(self.lexicon.broader_closure([proc]))

        def its_own(s: Sentence) -> bool:  # (said of the asked procedure, a broader or a narrower one, and of no other)
            named = set(self._procedures_named(s))
            return bool(named) and all(c in near or proc in self.lexicon.broader_closure([c]) for c in named)
        if any(tech in b.sentence.concepts and its_own(b.sentence) for b in bullets):
            return []  # (an SCS trial's prophylaxis is the SCS implant's too)
        where = [c for b in bullets if tech in b.sentence.concepts for c in sorted(self._procedures_named(b.sentence)) if c not in near]
        where = [c for c in dict.fromkeys(where) if not any(c in self.lexicon.broader_closure([d])[1:] for d in where)]
        if not where:
            return []  # (what the sources say of every procedure applies to this one too)
        places = [self._name(c, lang) for c in where[:2]]
        if any(tech in b.sentence.concepts and not self._procedures_named(b.sentence) for b in bullets):
            places.append(_IN_GENERAL[lang])  # (a LAST precaution names no procedure: said of every block)
        return [NOTE_PREFIX + _TECHNIQUE_ELSEWHERE[lang].format(technique=self._said(q, tech, lang), procedure=self._name(proc, lang),
                                                                where=_join(places, lang))]

    def _unclassed_note(self, q: Question, lang: Lang, bullets: Sequence[Bullet]) -> list[str]:
        """A drug's hold asked before a procedure the sources place in no bleeding-risk class, nor its broader one ("hold
        lovenox for a pump refill?"): said before the intervals, which are for procedures that require stopping it."""
        if q.aspects[:1] != ("hold",) or not any(HOLD_SPAN.search(b.sentence.text) for b in bullets):
            return []
        procs = self._asked_procedures(q)
        if len(procs) != 1 or self._classed(procs[0]):
            return []
        return [NOTE_PREFIX + _UNCLASSED[lang].format(procedure=self._name(procs[0], lang))]

    def _sibling_class_note(self, q: Question, lang: Lang, bullets: Sequence[Bullet]) -> list[str]:
        """A drug's hold asked before a procedure no sentence grades itself, whose leading class bullet grades a neighbour
        ("SI joint RFA on xarelto - hold?": the class is the SIJ injection's and the lateral branch *block*'s): said, so
        the neighbour's class is not read as the procedure's."""
        procs = self._asked_procedures(q)
        if q.aspects[:1] != ("hold",) or len(procs) != 1:
            return []
        own = set(self.lexicon.broader_closure(procs))
        lead = next((b.sentence for b in bullets[:2] if self._risk_classes & b.sentence.concepts), None)
        named = sorted(self._procedures_named(lead)) if lead is not None else []
        if lead is None or not named or own & lead.concepts or self._graded_itself(procs[0]):
            return []
        return [NOTE_PREFIX + _SIBLING_CLASS[lang].format(named=_join([self._name(c, lang) for c in named], lang),
                                                          procedure=self._name(procs[0], lang))]

    def _graded_itself(self, procedure: str) -> bool:
        """Does a sentence of the knowledge base (in either language) name the procedure itself with a bleeding-risk class?"""
        if procedure not in self._graded_cache:
            classes = sorted(self._risk_classes)
            self._graded_cache[procedure] = any(self._bundled_sentences(lang, [procedure], classes) for lang in ("en", "zh"))
        return self._graded_cache[procedure]

    def _low_class_note(self, q: Question, lang: Lang, bullets: Sequence[Bullet]) -> list[str]:
        """A drug's hold asked before a procedure a leading bullet places in the low bleeding-risk class ("pradaxa, SI joint
        injection - stop it?"): one line reconciling the class with the interval quoted below it (not for a patient told at
        higher bleeding risk, whose procedure moves up a class)."""
        told = set((*q.concepts, *q.context_concepts))
        drugs = {c for c in told if self._kinds.get(c) in ("drug", "drug-class", "brand")}
        drugs -= {b for d in drugs for b in self.lexicon.broader_closure([d])[1:]}  # (Pradaxa and dabigatran are one drug)
        # (nor beside what the sources' upgrade rule names: concurrent antithrombotics, a low weight, a count or an INR told)
        if q.aspects[:1] != ("hold",) or BLEEDING_UPGRADE & told or _UPGRADE_TOLD & told or len(drugs) > 1 \
                or patient_weight(q) is not None:
            return []
        procs = self._asked_procedures(q)
        low = next((i for i, b in enumerate(bullets[:2]) if LOW_RISK in b.sentence.concepts
                    and not HIGHER_RISK & b.sentence.concepts and set(procs) & b.sentence.concepts), None)
        span = next((i for i, b in enumerate(bullets) if HOLD_SPAN.search(b.sentence.text)
                     and not self._risk_classes & b.sentence.concepts), None)
        if len(procs) != 1 or low is None or span is None or span < low or any(
                HIGHER_RISK & b.sentence.concepts and set(procs) & b.sentence.concepts for b in bullets):
            return []  # (nor when a bullet places it in a higher class too: a cervical MBB is intermediate)
        # (at the level told: the lumbar RFA is in the low class, the cervical one is not)
        region = next((self._name(c, lang) for c in q.concepts if c in REGIONS), "")
        name = self._name(procs[0], lang)
        name = (f"{region}{name}" if lang == "zh" else f"{region.lower()} {name}") if region else name
        return [NOTE_PREFIX + _LOW_CLASS[lang].format(procedure=name)]

    def _asked_procedures(self, q: Question) -> list[str]:
        """The question's procedures of ours (not a technique that goes with many), most specific only (the interlaminar
        ESI, not also all ESIs)."""
        procs = [c for c in q.subjects if self._kinds.get(c) == "procedure" and c not in ANCILLARY_PROCEDURES]
        return [c for c in procs if not any(c in self.lexicon.broader_closure([d])[1:] for d in procs)]

    def _classed(self, procedure: str) -> bool:
        """Does a sentence of the knowledge base (in either language) place the procedure, a broader one or one it is linked
        to (an occipital nerve block: the peripheral nerve blocks) in a bleeding-risk class? (Cached: it never changes.)"""
        if procedure not in self._classed_cache:
            lx = self.lexicon.concepts
            near = [*self.lexicon.broader_closure([procedure]), *(lx[procedure].related if procedure in lx else ())]
            if procedure in lx and lx[procedure].name("en").lower().endswith(" nerve block"):
                near.append(_PERIPHERAL_BLOCK)  # (an occipital or intercostal nerve block is a peripheral nerve block)
            self._classed_cache[procedure] = any(self._graded_itself(b) for b in near if b not in _TOO_BROAD
                                                 and self._kinds.get(b) == "procedure")
        return self._classed_cache[procedure]

    def _procedures_named(self, s: Sentence) -> list[str]:
        """The procedures of ours a sentence names (not a technique that goes with many)."""
        return [c for c in s.concepts if self._kinds.get(c) == "procedure" and c not in ANCILLARY_PROCEDURES and c not in self._adjuncts]

    def _first_step_behind(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """An emergency told over in this turn ("…we stopped injecting, gave O2, sats back to 96%. Now she's asymptomatic. Do
        we need to anticoagulate her?"): its first step (stop the cement, oxygen) is behind the team, so it follows what
        comes next (unless the ask itself names it)."""
        if q.history or len(bullets) < 2 or not self._settled_turn(q.text, q.lang):
            return bullets
        steps = PATHWAY_STEPS.get(self._settled_picture(q).rule, {}).get(q.lang)
        tail = self._over_tail(q.text, q.lang) or ""
        if not steps or re.search(steps[0], tail, re.I):
            return bullets
        done = [b for b in bullets if b.sentence.action and re.search(steps[0], b.sentence.text, re.I)]
        return bullets if len(done) == len(bullets) else [*(b for b in bullets if b not in done), *done]

    def _reassured_first(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """A frightened patient's risk to explain ("terrified … paralysis, blindness … how do I explain the real risk?"):
        the count of the asked procedure's series in which none of the feared harms happened leads ("an audit of 16,638
        ESIs recorded no immediate major neurologic or haemorrhagic event"), then the harms as the sources list them."""
        if not bullets or not fear_explained(q.text, q.lang):
            return bullets
        procs = {c for c in q.concepts if self._kinds.get(c) == "procedure"}
        lang = bullets[0].sentence.chunk.lang
        # (retrieved or not: the series that recorded none of them may sit in a passage the search left out)
        pool = [*sents, *self._bundled_sentences(lang, list(procs), keep=lambda c: _NONE_HAPPENED.search(c.text) is not None)] if procs else []
        found = [x for x in pool if x.chunk.lang == lang and x.group != "evidence" and not x.provenance
                 and _NONE_HAPPENED.search(x.text) and COUNT.search(x.text) and procs & set(self.lexicon.broader_closure(list(x.concepts)))]
        # (the series without a neurologic harm first, what such a patient fears; not a drug's cohort beside it)
        line = min(found, key=lambda x: (not _GRAVE_HARMS & x.concepts, _NEUROLOGIC.search(x.text) is None,
                                         any(self._kinds.get(c) in ("drug", "drug-class") for c in x.concepts)), default=None)
        if line is None:
            return bullets
        return _placed_at(bullets, line, 0)

    def _drug_in_class(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """"C6 TFESI能用得宝松吗？": a lead that gives the rule for the drug's class (no particulate steroid for a cervical
        TFESI) reaches the drug asked through the sentence placing it in that class ("得宝松应按颗粒型糖皮质激素对待"),
        which follows the lead."""
        if not bullets:
            return bullets
        lead = bullets[0].sentence
        # (a product typed by its brand: what the brand is, is the link; a generic named is its class's own member)
        typed = set(self.lexicon.broader_closure([m.concept for m in q.matches if self._kinds.get(m.concept) == "brand"]))
        for d in (c for c in q.concepts if self._kinds.get(c) == "drug" and c not in lead.concepts and c in typed):
            # (the class the lead says by name, the narrowest: particulate, not any steroid)
            classes = set(self.lexicon.broader_closure([d])[1:]) & {m.concept for m in self.lexicon.match(lead.text)}
            classes -= {b for c in classes for b in self.lexicon.broader_closure([c])[1:]}
            if not classes:
                continue
            # (the sentence about that placing alone: the fewest other concepts, not the product's whole composition)
            line = min((x for x in sents if classes & x.concepts and x is not lead and x.chunk.lang == lead.chunk.lang
                        and any(d in self.lexicon.broader_closure([c]) for c in x.concepts)
                        and classes & {m.concept for m in self.lexicon.match(x.text)}  # (the class said, not implied)
                        and _PLACED_IN_CLASS.search(x.text) is not None),
                       key=lambda x: len(x.concepts), default=None)
            if line is not None:  # (quoted further down already, "…是不是颗粒型的？": it moves up)
                return _placed_at(bullets, line, 1)
        return bullets

    def _warned(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """The warnings that go with what the answer quotes (`with_warnings`) and with what the question plans: "cervical
        TFESI w particulate steroid - what number do I quote?" gets the sources' advice against it (`against_the_plan`)."""
        asked = frozenset(self.lexicon.broader_closure(list(q.all_concepts)))
        bullets = _bundled_first(with_warnings(bullets, sents, self._kinds, asked))
        bullets = self._stop_first(q, self._pregnant_patient(q, self._upgrade_beside_class(q, self._low_risk_rule(q, bullets))))
        bullets = self._other_causes(q, sents, self._restart_told_beside(q, self._stent_caveat(q, sents, bullets)))
        told = self.lexicon.broader_closure(list(q.concepts))
        return against_the_plan(bullets, [*sents, *self._naming_both(q, told)], told, self._kinds,
                                lambda t: {m.concept for m in self.lexicon.match(t)})

    def _stent_caveat(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """A P2Y12 inhibitor's stop interval quoted ("倍林达做腹腔神经丛阻滞要停吗"): most patients on one have a stent or an
        acute coronary syndrome behind it, so the rule never to stop it after a recent stent without cardiology follows the
        interval, unless the answer gives it already."""
        if "hold" not in q.aspects or any(_STENT in b.sentence.concepts for b in bullets):
            return bullets
        if stent_age(q) >= 12:  # ("Effient for a stent 3 yrs ago"): a recent stent's rule is not his
            return [b for b in bullets if not RECENT_STENT.search(b.sentence.text)] or bullets
        at = next((i for i, b in enumerate(bullets) if _P2Y12 in self.lexicon.broader_closure(list(b.sentence.concepts))
                   and HOLD_SPAN.search(b.sentence.text)), None)
        rule = next((x for x in sents if _STENT in x.concepts and _NEVER_STOPPED[x.chunk.lang].search(x.text)
                     and x.chunk.lang == q.lang), None)
        if at is None or rule is None:
            return bullets
        return [*bullets[:at + 1], Bullet(rule, bullets[at].part, bullets[at].score, "fact"), *bullets[at + 1:]]

    def _other_causes(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """Another cause of the picture asked ("headache back after the patch - repeat it, or is something else going on?"):
        the complication's red flags, with what they are worked up for, follow the first bullet."""
        if not bullets or not OTHER_CAUSE_ASK.search(q.text) or any(_WORKED_UP_FOR.search(b.sentence.text) for b in bullets):
            return bullets
        harms = {c for c in q.all_concepts if self._kinds.get(c) == "complication"}

        # (the red flags themselves before an assessment named; found in the knowledge base when not retrieved: "worried
        # it's not PDPH?" names no red flag)
        pool = [*sents, *(self._bundled_sentences(q.lang, sorted(harms), keep=lambda c: bool(_RED_FLAGS.search(c.text))) if harms else ())]
        found = [x for x in pool if x.chunk.lang == q.lang and not x.provenance and harms & x.concepts and _WORKED_UP_FOR.search(x.text)]
        flag = min(found, key=lambda x: not _RED_FLAGS.search(x.text), default=None)
        if flag is None:
            return bullets
        # (the other cause as the whole ask, "anything that should make us worry it's not PDPH?": the red flags lead)
        at = 0 if set(q.aspects) <= {"recognition", "definition"} else 1
        return [*bullets[:at], Bullet(flag, bullets[0].part, bullets[0].score, "fact"), *(b for b in bullets[at:] if b.sentence is not flag)]

    def _restart_told_beside(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A restart asked as its own part ("… how many days do I hold the apixaban, and when can she restart it?") that
        another part's bullet answers with the hold ("apixaban is held for 3 days and restarted 24 h afterwards"): the
        part's own bullets, none saying when a drug restarts, are no answer to it (a contraindication list, a cohort)."""
        for j, part in enumerate(q.parts):
            mine = [b for b in bullets if b.part == j]
            drugs = {c for c in (*part.concepts, *part.inherited) if self._kinds.get(c) in ("drug", "drug-class")}
            if not mine or not drugs or not lacks_restart(part, mine):
                continue
            if any(b.part != j and drugs & b.sentence.concepts and not lacks_restart(part, [b]) for b in bullets):
                bullets = [b for b in bullets if b.part != j]
        return bullets

    def _stop_first(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A complication seen during the procedure and what to do asked, with no emergency picture ("cement leak seen on
        lateral into the canal during L2 vertebroplasty, pt awake. next steps?"): the sources' rule to stop, for that
        complication and procedure, leads the part that asks what to do (found in the knowledge base when not retrieved;
        "PVP渗漏率多少？术中发现肺栓塞怎么处理？" gets it under its second part, not as the rate)."""
        if not bullets or not during_procedure(q.text, q.lang) or days_later(q.text, q.lang) or "pdph" in q.concepts:
            # (a wet tap during yesterday's ILESI, its headache asked today: no injection to stop; a positional headache
            # after a wet tap "during LESI" is one that came after it)
            return bullets
        for j, part in enumerate(q.parts):
            mine = [b for b in bullets if b.part == j]
            # ("cement going into a vein, stop or continue slowly?": whether to go on with the injection, no drug's hold)
            stop_or_go = part.aspects[:1] == ("hold",) and not any(self._kinds.get(c) in ("drug", "drug-class") for c in part.concepts)
            if (part.aspects[:1] != ("action",) and not stop_or_go) \
                    or any(_STOP_STEP[b.sentence.chunk.lang].search(b.sentence.text) for b in mine[:1]):
                continue
            step = self._stop_step([*part.concepts, *part.inherited], q.lang)
            if step is not None:
                at = next((i for i, b in enumerate(bullets) if b.part == j), len(bullets))
                rest = [b for b in bullets if b.sentence.text != step.text]
                return [*rest[:at], Bullet(step, j, 1.0, "action"), *rest[at:]]
        return bullets

    def _procedures_of(self, chunk: Chunk) -> set[str]:
        """The procedures a passage's document is about (its title's)."""
        return {c for c in self._home(chunk) if self._kinds.get(c) == "procedure"}

    def _stop_step(self, concepts: Sequence[str], lang: Lang) -> Sentence | None:
        """The bundled sentence that says to stop the injection, for a complication of a procedure among `concepts`: one
        naming the complication, else one naming no other complication (not the embolism's "stop" for a canal leak)."""
        complications = [c for c in concepts if self._kinds.get(c) == "complication"]
        procedures = [c for c in concepts if self._kinds.get(c) == "procedure"]
        if not complications or not procedures:
            return None
        near = set(self.lexicon.broader_closure(procedures))  # (not a sibling's rule: "during transforaminal ESI, stop if…" for an ILESI)
        steps = [s for s in self._bundled_sentences(lang, procedures)
                 if _STOP_STEP[s.chunk.lang].search(s.text) and not s.provenance and s.group != "evidence"
                 and (set(procedures) & s.concepts or not {c for c in s.concepts if self._kinds.get(c) == "procedure"} - near)
                 # (nor a sentence naming no procedure in another procedure's document: "Do not inject further if contrast
                 # shows intrathecal spread" is the transforaminal rule, not an ILESI's wet tap)
                 and (set(procedures) & s.concepts or not (home := self._procedures_of(s.chunk)) or bool(home & near))]

        # (the first step of the complication's own pathway, when it has one: "stop the cement injection" for an embolism)
        own_step = [PATHWAY_STEPS[r][lang][0] for r, topic in PATHWAY_TOPICS.items() if topic in complications and r in PATHWAY_STEPS]

        def fit(s: Sentence) -> tuple[int, int]:
            named = set(self.lexicon.broader_closure(list(s.concepts)))
            others = {c for c in s.concepts if self._kinds.get(c) == "complication"} - set(complications)
            return (2 if set(complications) & named else 0 if others else 1), int(any(re.search(rx, s.text, re.I) for rx in own_step))
        fits = [s for s in steps if fit(s)[0]]
        return max(fits, key=fit) if fits else None

    def _symptomatic_care_first(self, q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """`_symptomatic_before`: the care of a symptomatic embolism leads (found in the knowledge base when not retrieved),
        and the rule for an asymptomatic one alone goes."""
        if not bullets or not _symptomatic_before(q):
            return bullets
        said = {lg: re.compile(_KINDS_TOLD["symptomatic"][1][lg], re.I) for lg in ("en", "zh")}
        quiet = {lg: re.compile(_KINDS_TOLD["asymptomatic"][1][lg], re.I) for lg in ("en", "zh")}

        def care(x: Sentence) -> bool:
            return x.chunk.lang == q.lang and PCE in x.concepts and bool(said[x.chunk.lang].search(x.text)) \
                and not quiet[x.chunk.lang].search(x.text) and bool(_ANTICOAGULATE_ASK.search(x.text))
        lead = next((x for x in sents if care(x)), None) or next((x for x in self._bundled_sentences(q.lang, [PCE]) if care(x)), None)
        kept = [b for b in bullets if not (quiet[b.sentence.chunk.lang].search(b.sentence.text) and not said[b.sentence.chunk.lang].search(b.sentence.text))]
        if lead is None:
            return kept or bullets
        return [Bullet(lead, 0, 1.0, "fact"), *(b for b in kept if b.sentence.text != lead.text)]

    def _exposed_in_pregnancy(self, q: Question) -> bool:
        """A patient found pregnant after a fluoroscopy-guided procedure ("pt tells me she's 9 wk pregnant, didnt know when
        she had fluoro-guided SIJ injection 10 days ago", "SI关节射频的女患者 今天才说怀孕6周了 当时透视大概40几秒")."""
        return PREGNANCY in q.concepts and "pregnant-staff" not in q.concepts and _PREGNANT_NOW[q.lang].search(q.text) is not None \
            and bool(_EXPOSED_BEFORE[q.lang].search(q.text)) and bool(_FLUORO_WORD.search(q.text) or FLUOROSCOPY in q.concepts)

    def _pregnant_patient(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A patient told to be pregnant ("孕22周…X线下做SI关节注射吗？"): excluding pregnancy before fluoroscopy is no answer
        for her; the sentence that fluoroscopy is avoided to protect the fetus leads (found in the knowledge base when not
        retrieved), what it says of the procedure follows."""
        told = _PREGNANT_NOW[q.lang].search(q.text)
        if self._exposed_in_pregnancy(q):  # (found pregnant after the screening: what the sources say of pregnancy, no filler)
            kept = [b for b in bullets if {PREGNANCY, "embryo-fetus"} & b.sentence.concepts and not staff_passage(b.sentence.concepts)]
            return kept or [Bullet(x, 0, 1.0, "fact") for x in self._bundled_sentences(q.lang, [PREGNANCY], [FLUOROSCOPY])
                            if _SCREENING[x.chunk.lang].search(x.text)][:1] or bullets
        if PREGNANCY not in q.concepts or "pregnant-staff" in q.concepts or told is None \
                or _HYPOTHETICAL[q.lang].search(q.text[max(0, told.start() - 20):told.start()]) \
                or _UNSURE[q.lang].search(q.text[max(0, told.start() - 20):told.start()]) \
                or not {FLUOROSCOPY, *RADIATION} & set(self.lexicon.broader_closure(list(q.concepts))):
            return bullets  # (not "what if she is pregnant?", nor a question that does not involve the X-ray)
        kept = [b for b in bullets if not _SCREENING[b.sentence.chunk.lang].search(b.sentence.text)]
        if any(_FETUS_SPARED[b.sentence.chunk.lang].search(b.sentence.text) for b in kept):
            return kept or bullets
        lead = next((s for s in self._bundled_sentences(q.lang, [PREGNANCY], [FLUOROSCOPY]) if _FETUS_SPARED[s.chunk.lang].search(s.text)),
                    None)
        if lead is None:
            return kept or bullets
        return [Bullet(lead, 0, 1.0, "fact"), *kept]

    def _low_risk_rule(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A drug held for bleeding before a procedure the lead places in the low-risk class: that such a procedure may need
        no stop follows the class, before the drug's interval "for a procedure that requires stopping it" ("eliquis, lumbar
        MBB tmrw am, ok if last dose tonight?"; the sentence is found in the knowledge base when not retrieved)."""
        # (the class may come second, after a rule for one of two drugs: "eliquis plus ASA 81 - hold both for a lumbar MBB?")
        at = next((i for i, b in enumerate(bullets[:2]) if LOW_RISK in b.sentence.concepts and not HIGHER_RISK & b.sentence.concepts), None)
        drugs = [c for c in q.concepts if self._kinds.get(c) in ("drug", "drug-class", "brand")]

        def for_all(s: Sentence) -> bool:  # (aspirin's own "continued for a low-risk procedure" is not apixaban's)
            named = set(self.lexicon.broader_closure(list(s.concepts)))
            return not any(self._kinds.get(c) == "drug" for c in s.concepts) or all(
                set(self.lexicon.broader_closure([d])) & named - HELD for d in drugs)
        if at is None or any(NO_STOP_NEEDED.search(b.sentence.text) and for_all(b.sentence) for b in bullets) \
                or not held_drug(drugs, self.lexicon):
            return bullets
        named = set(self.lexicon.broader_closure(list(q.concepts)))
        rule = next((s for s in self._bundled_sentences(q.lang, [LOW_RISK])
                     if NO_STOP_NEEDED.search(s.text) and s.group != "evidence" and for_all(s)
                     and not any(self._kinds.get(c) == "drug" and c not in named for c in s.concepts)), None)
        return bullets if rule is None else [*bullets[:at + 1], Bullet(rule, bullets[at].part, 1.0, "fact"), *bullets[at + 1:]]

    def _upgrade_beside_class(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A patient told at higher bleeding risk ("85yo on Plavix and aspirin, lumbar MBB RFA"): the rule that moves the
        procedure up a class follows its class (and what that class allows), before the drugs' intervals."""
        told = {c for c in (*q.concepts, *q.context_concepts) if c in BLEEDING_UPGRADE}
        at = next((i for i, b in enumerate(bullets[:3]) if self._risk_classes & b.sentence.concepts
                   and not UPGRADE_RULE.search(b.sentence.text)
                   and not any(self._kinds.get(c) in ("drug", "drug-class", "brand") for c in b.sentence.concepts)), None)
        up = next((i for i, b in enumerate(bullets) if UPGRADE_RULE.search(b.sentence.text) and told & b.sentence.concepts), None)
        if not told or at is None or up is None:
            return bullets
        pos = at + 1 + (1 if at + 1 < len(bullets) and NO_STOP_NEEDED.search(bullets[at + 1].sentence.text) else 0)
        if up <= pos:
            return bullets
        return [*bullets[:pos], bullets[up], *(b for i, b in enumerate(bullets[pos:], pos) if i != up)]

    def _naming_both(self, q: Question, told: Sequence[str]) -> list[Sentence]:
        """The bundled sentences that name one of the question's own drugs and one of its own procedures (retrieved or not):
        where advice against the plan it tells would be."""
        drugs = [c for c in q.concepts if self._kinds.get(c) in ("drug", "drug-class", "brand")]
        procedures = [c for c in q.concepts if self._kinds.get(c) == "procedure"]
        if not drugs or not procedures:
            return []
        specific = [c for c in told if self._kinds.get(c) in ("drug", "drug-class") and c in self.retriever.by_concept]
        # (only the chunks where advice against is)
        return self._bundled_sentences(q.lang, specific, procedures, keep=lambda c: bool(AGAINST[c.lang].search(c.text)))

    def _own_red_flags(self, q: Question, lang: Lang, sents: list[Sentence]) -> list[Sentence]:
        """When to come back asked of a patient whose complication was told before ("什么情况要让他马上回来急诊" after a
        postural headache from a wet tap): that complication's red flags join the sentences, retrieved or not."""
        harms = sorted({c for p in q.parts if DISCHARGE_ADVICE in p.concepts for c in own_harms(p, self._kinds)})
        if not harms:
            return sents
        flags = [replace(x, hit_rank=len(sents) + 1) for x in self._bundled_sentences(lang, harms)
                 if RED_FLAGS_NAMED.search(x.text) and x not in sents]
        return [*sents, *flags]

    def _bundled_sentences(self, lang: Lang, *groups: Sequence[str], keep: Callable[[Chunk], bool] | None = None) -> list[Sentence]:
        """The sentences of the bundled chunks (in one language, in document order) that name a concept of every group,
        retrieved or not; `keep` narrows the chunks before they are split (a cheap text test before the costly split)."""
        table = self.retriever.table
        rows: set[int] | None = None
        for group in groups:
            found = set(table.concept_rows(list(group), lang, ("bundled",)).tolist())
            rows = found if rows is None else rows & found
        chunks = [table.record(r)[0] for r in sorted(rows or ())]
        return sentences_of([Hit(c, 0.0, 0) for c in chunks if keep is None or keep(c)], self.lexicon)

    def _scan_alternative_first(self, q: Question, lang: Lang, bullets: list[Bullet]) -> list[Bullet]:
        """Whether the emergency MRI can be done in a patient with an implant ("can he even have an MRI? are the leads MRI
        compatible?" after weak legs and retention days after an SCS): the sources' scan for when MRI is not possible leads."""
        if IMPLANT_SCAN not in q.concepts:
            return bullets
        told = [m.concept for m in self.lexicon.match(q.history[-1])] if q.history else []
        named = {c for c in (*q.all_concepts, *q.context_concepts, *told) if self._kinds.get(c) == "procedure" and c not in IMAGING}
        # (the most specific: an SCS, not every implanted device)
        implants = {c for c in named if not any(c in self.lexicon.broader_closure([d])[1:] for d in named)}
        if not implants:
            return bullets
        found = [x for x in self._bundled_sentences(lang, sorted(implants), [_CT_MYELOGRAPHY]) if not x.provenance
                 and _CT_MYELOGRAPHY in x.concepts and implants & x.concepts]
        if not found:
            return bullets
        return [Bullet(found[0], 0, 1.0, "action"), *(b for b in bullets if b.sentence.text != found[0].text)]

    def _next_steps_first(self, q: Question, lang: Lang, sents: Sequence[Sentence], bullets: list[Bullet], guide: Triage) -> list[Bullet]:
        """An emergency follow-up after the first-line treatment was given ("gave 100 ml lipid already, still seizing,
        how much more?"): the pathway's sentences on what comes next (a repeat bolus, doubling the infusion, the upper
        limit) lead, before the steps already taken."""
        if not guide.docs or not _tried_first_line(q):
            return bullets
        if _STILL_SEIZING[q.lang].search(q.text) and not (severe(q.text, q.lang) or slow_heart(q.text, q.lang) or moved_first(guide.rule, lang, q.text)
                                                          or _CIRCULATION_FAILING.search(q.text)) \
                and not (_MORE_OF.search(q.text) or {"dose", "limit"} & set(q.aspects)):
            return bullets  # ("脂肪乳已经推了100ml 还在抽": a seizure going on is the benzodiazepine's; the repeat bolus is for the circulation)
        nxt = [x for x in sents if x.chunk.lang == lang and x.chunk.doc_id.rsplit("-", 1)[0] in guide.docs and _NEXT_STEP[lang].search(x.text)
               and not x.provenance and x.group != "evidence"]
        nxt = [x for x in nxt if not _LA_CEILING.search(x.text)]  # (a local anaesthetic's ceiling is no step after the rescue)
        nxt = [x for i, x in enumerate(nxt) if not same_point(x, nxt[:i], lang)]
        nxt = sorted(nxt, key=lambda x: not _REPEAT_STEP[lang].search(x.text))[:2]  # (the repeat before the ceiling)
        given = self._given(q)
        named = {c for x in nxt for c in x.concepts if self._kinds.get(c) in ("drug", "drug-class")}
        if given and named and not given & named:  # a benzodiazepine given is no first lipid dose given
            return bullets
        rest = [b for b in bullets if b.sentence not in nxt]
        # (a patient in arrest: the step the picture moves first, modified ACLS, stays first)
        # (nor the drug the question asks about first: "肾上腺素给多少？脂肪乳还要继续吗")
        asked = {c for c in (q.parts[0].concepts if q.parts else ()) if self._kinds.get(c) in ("drug", "drug-class")}
        first = rest[:1] if rest and rest[0].kind == "action" and (moved_first(guide.rule, lang, q.text)
                                                                   or asked & rest[0].sentence.concepts) else []
        return first + [Bullet(x, 0, 1.0, "action") for x in nxt] + rest[len(first):]

    def _ceiling_first(self, q: Question, lang: Lang, sents: Sequence[Sentence], bullets: list[Bullet], guide: Triage) -> list[Bullet]:
        """The rescue drug's maximum asked in the middle of the emergency ("病人60kg 脂肪乳总量最多给多少"): the pathway's
        sentences giving its upper limit lead (worked for the weight told)."""
        if not guide.docs or not _RESCUE_DRUG.search(q.text):
            return bullets
        limit = "limit" in q.aspects or bool(_MAXIMUM_ASK.search(q.text))
        if not limit and not ("dose" in q.aspects or REGIMEN_ASKED.search(q.text)):
            return bullets
        top = [x for x in sents if x.chunk.lang == lang and x.chunk.doc_id.rsplit("-", 1)[0] in guide.docs and _RESCUE_CEILING[lang].search(x.text)
               and not x.provenance and not _LA_CEILING.search(x.text)]
        if not limit:  # (its dose asked, "60 kg, exact lipid dosing": after the bolus and infusion, when to repeat and the cap)
            top = [x for x in top if _RESCUE_ESCALATION[lang].search(x.text)][:1]
            regimen = next((i for i, b in enumerate(bullets) if PER_KG_VOLUME.search(b.sentence.text)), None)
            if not top or regimen is None or any(b.sentence in top for b in bullets):
                return bullets
            # (after the steps: the repeat boluses and the doubled infusion are for instability that persists)
            at = max(regimen + 1, max((i + 1 for i, b in enumerate(bullets) if b.kind == "action"), default=0))
            return [*bullets[:at], Bullet(top[0], 0, 1.0, "action"), *bullets[at:]]
        weight = patient_weight(q, True)
        # (the cap itself before a note comparing guidelines' caps; never another weight's worked example: "840 mL for a
        # 70-kg adult" for an 80 kg patient)
        top = sorted([x for x in top if band_fit(x.text, weight) >= 0] or top, key=lambda x: x.group == "evidence")
        top = [x for i, x in enumerate(top) if not same_point(x, top[:i], lang)][:2]
        rest = [b for b in bullets if b.sentence not in top and not same_point(b.sentence, top, lang)]
        # ("脂肪乳怎么给？bolus多少、维持多少、最大量多少？", "80 kg - how much as bolus and infusion, and the max?": the bolus
        # and infusion for the weight told first, the ceiling right after them)
        given = next((b for b in rest if PER_KG_VOLUME.search(b.sentence.text) or (gives_dose(b.sentence) and band_fit(b.sentence.text, weight) > 0)),
                     None) if REGIMEN_ASKED.search(q.text) and _BOLUS_ASKED.search(q.text) else None
        head = [given] if given is not None else []
        return head + [Bullet(x, 0, 1.0, "action") for x in top] + [b for b in rest if b is not given]

    def _without_given(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """An emergency follow-up that tells a drug was given ("seizure stopped with midaz 2mg, now VF"): the step that
        gives it (a benzodiazepine for the seizure) is not quoted again, unless it is all the pathway has to say."""
        given = self._given(q) | (self._given_before(q) if q.history else set())
        # (nor one that worked and wore off: "纳洛酮推了0.4 醒了一点又睡过去 接下来咋办" - the step is the next one again)
        if given and SLEEPS_AGAIN[q.lang].search(q.text):
            given -= set(self.lexicon.broader_closure(["naloxone"]))
        if not given:
            return bullets
        kept = [b for b in bullets if not (b.kind == "action" and given & b.sentence.concepts and not _NEXT_STEP[q.lang].search(b.sentence.text))]
        return kept if any(b.kind == "action" for b in kept) else bullets

    def _given(self, q: Question) -> set[str]:
        """The drugs (with their broader classes) a follow-up tells were given, beside the verb in its own clause ("gave
        midaz 2mg", "咪达唑仑推了"), not one it asks for ("intralipid dose for her?")."""
        if not q.history:
            return set()
        return self._given_in(q.text, q.lang, q.matches)

    def _given_before(self, q: Question) -> set[str]:
        """The drugs the last two turns before told were given ("seizure stopped after 2mg midaz" before "still hypotensive,
        next?"): in an emergency that goes on, their steps are not quoted again either."""
        out: set[str] = set()
        for turn in q.history[-2:]:
            lang = detect_lang(turn)
            out |= self._given_in(turn, lang, tuple(self.lexicon.match(turn)))
        return out

    def _given_in(self, text: str, lang: Lang, matches: Sequence[Match]) -> set[str]:
        """The drugs `text` tells were given, beside the verb in its own clause (`matches`: its concepts' spans)."""
        verbs = [(m.start(), m.end(), bool(_GIVEN_AFTER[lang].fullmatch(m.group()))) for m in _GIVEN_DRUG[lang].finditer(text)]
        if not verbs:
            return set()
        reach = 30 if lang == "en" else 8

        def beside(m: Match, a: int, b: int, after: bool) -> bool:  # just after the verb, or just before a past form ("midaz given")
            between = text[b:m.start] if m.start >= b else text[m.end:a]
            return (0 <= m.start - b <= reach or (after and 0 <= a - m.end <= 8)) and not _CLAUSE_BREAK.search(between)
        told = [m.concept for m in matches if self._kinds.get(m.concept) in ("drug", "drug-class")
                and any(beside(m, a, b, after) for a, b, after in verbs)]
        # (the injectate that caused the picture, "5 min after a lumbar ILESI with lidocaine", is no treatment given)
        told = [c for c in told if not _INJECTATES & set(self.lexicon.broader_closure([c]))]
        return set(self.lexicon.broader_closure(told))

    def _stand_in_cover(self, q: Question, lang: Lang, sents: Sequence[Sentence], bullets: Sequence[Bullet],
                        dense: Mapping[str, float], sig: Signals) -> list[Bullet]:
        """The answer's note says "below is what it says on renal impairment" (for a CrCl no passage names): when no
        chosen sentence is about that condition, the best one that is joins the answer."""
        conditions = set(self._stand_in_conditions(q))
        if not conditions or any(conditions & b.sentence.concepts for b in bullets):
            return []
        said = [b.sentence for b in bullets]
        pool = [x for x in sents if conditions & x.concepts and x.chunk.lang == lang and not same_point(x, said, lang)
                and not rival(x, q.concepts, sig, ("drug",))]  # never dabigatran's renal interval for apixaban
        got = select(pool, q, lang, self.retriever.lexical[lang].idf, dense, 1, (True,), sig)
        return [Bullet(g.sentence, g.part, g.score, g.kind) for g in got[:1]]

    @staticmethod
    def _onset_and_watch(q: Question, lang: Lang, sents: Sequence[Sentence], guide: Triage, quoted: Sequence[Sentence]) -> list[Bullet]:
        """What an emergency question asks beside the steps: "it's been 40 minutes, can it still be LAST?" (what the
        pathway's sources say about a late onset), "has a metallic taste and twitching, how long should they be
        observed?" (the pathway's observation period)."""
        def own(x: Sentence) -> bool:
            return x.chunk.lang == lang and x.chunk.doc_id.rsplit("-", 1)[0] in guide.docs and not same_point(x, quoted, lang)
        out: list[Sentence] = []
        if _STILL_ASK[lang].search(q.text):
            out += [x for x in sents if own(x) and _ONSET[lang].search(x.text) and not is_rate_report(x.text, lang)][:1]
        if OBSERVATION in q.concepts:
            out += [x for x in sents if own(x) and _OBSERVED.search(x.text)][:1]
        return [Bullet(x, 0, 0.5, "fact") for x in out]

    @classmethod
    def _with_calm_parts(cls, q: Question, bullets: list[Bullet], planned: list[Bullet], calm_now: bool) -> list[Bullet]:
        """The emergency's bullets with what its calm parts ask: after the steps; or, for a follow-up looking back at how
        it came about or ahead to next time ("what infusion rate should we have been using?", "how do we stop it happening
        again"), before them under its own heading (the steps were given the turn before)."""
        acts = next((i for i, b in enumerate(bullets) if b.kind != "action"), len(bullets)) or 1
        # (the picture's own cause named in the look back, "could this have been a pocket fill?", tells no new sign; its
        # "again" is the look ahead's, "stop it happening again", no sign come back)
        looking_back = q.followup and _LOOKS_BACK[q.lang].search(q.text) and not happening_now(q.text, q.lang) \
            and not _STILL[q.lang].search(q.text) and not NEW_SIGN[q.lang].search(_LOOKS_BACK[q.lang].sub(" ", q.text))
        among = cls._asked_among(q, bullets) if looking_back else []
        if looking_back and (planned or among):  # (what the picture's search quoted for that ask, the refill bundle, goes up too)
            moved = {id(b) for b, _ in among}
            return [*(replace(b, kind="asked") for b in planned), *(replace(b, kind="asked", part=j) for b, j in among),
                    *(b for b in bullets if id(b) not in moved)]
        if planned and q.followup and len(q.parts) == 1 and calm_now:
            return [*bullets[:acts], *planned, *bullets[acts:]]
        if planned and q.followup and len(q.parts) == 1 and q.parts[0].aspects[:1] == ("prevention",):
            # (how to stop it next time while the picture may still go on, "naloxone given, he's rousable now. how do we stop
            # this happening next time?": the steps first, then what was asked under its own heading)
            return [*bullets[:acts], *(replace(b, kind="plan") for b in planned), *bullets[acts:]]
        return [*bullets, *planned]

    @staticmethod
    def _asked_among(q: Question, bullets: Sequence[Bullet]) -> list[tuple[Bullet, int]]:
        """The emergency's quoted prevention facts (not its steps) when a part asks how to prevent it ("how do we stop it
        happening again": the refill safety bundle), each with that part."""
        j = next((j for j, p in enumerate(q.parts) if p.aspects[:1] == ("prevention",)), None)
        return [] if j is None else [(b, j) for b in bullets if b.kind != "action" and b.sentence.group == "prevention"]

    def _calm_parts(self, q: Question, lang: Lang, sents: Sequence[Sentence], quoted: Sequence[Sentence],
                    dense: Mapping[str, float], sig: Signals) -> list[Bullet]:
        """An emergency asked beside a planning question ("is there a limit on the saline? and now she says her vision is
        blurred"): after the pathway, each part that describes no emergency gets its own best sentences (a follow-up's
        too: "how much saline is too much?" after the epiduroscopy's raised pressure)."""
        # (a follow-up's own limit or dose only: "how long to hold his anticoagulant after this?" is no calm plan)
        # (or a regimen's own rule: "我们之前术后抗生素用了7天，这样用算合理吗？" after an infected SCS pocket)
        # (or the timing of a drug given judged: "was 40mg clexane 4 hours after the injection too early?", its restart)
        # (or its cause asked after a result the turn tells: "MRI done - cord signal, no haematoma. what caused this")
        if len(q.parts) < 2 and not self._one_calm_ask(q, quoted):
            return []
        lex = self.retriever.lexical[lang]
        out: list[Bullet] = []
        for j, part in enumerate(q.parts):
            regimen = sorted(_CARE_REGIMENS & set(part.concepts))
            # (a follow-up telling a result and asking how often or why, "CT shows cement in the canal. how often do these need
            # surgery?", asks beside the picture it tells)
            looked_up = (q.followup and part.aspects[:1] in (("frequency",), ("mechanism",), ("risk_factors",))) \
                or bool(q.history and RECOVERY in part.concepts)  # (how it turns out, asked beside the scan: "家属问会不会瘫")
            new = bool(q.followup and self._new_complication(part, quoted))
            # (its outcome figures, whatever the steps quoted; never a haematoma's once the scan ruled one out)
            other = self._other_picture_than_haematoma(q)
            # (or an abscess's: no shares, but what its outcome is said to turn on, "…will she walk normally again" after fever,
            # back pain and heavy legs days after a TFESI)
            abscess = self._abscess_picture(q)
            recovering = bool(q.history) and RECOVERY in part.concepts and (not other or abscess)
            bare = bool(q.followup) and self._drug_asked_bare(part)
            # (the patient's risk told, "she's diabetic and still smokes - does that matter", is asked beside the steps it inherits)
            if not recovering and (not (_PLANNING.intersection(part.aspects) or regimen or new or bare)
                                   or (_BEDSIDE.intersection(part.aspects) and part.aspects[:1] != ("risk_factors",) and not new
                                       and not _next_treatment_dose(part))
                                   or (triage(part.text, lang, frozenset(part.concepts)).urgent and not looked_up)):
                continue  # ("is it a stroke? what now?" is the emergency itself; "when do I stop it?" of the lipid is not)
            if part.concepts and not recovering and all(any(c in x.concepts for x in quoted) for c in part.concepts) \
                    and part.aspects[:1] != ("prevention",) and "mechanism" not in part.aspects[:2] \
                    and not ((looked_up or "frequency" in part.aspects) and not any(COUNT.search(x.text) for x in quoted)) \
                    and not (part.aspects[:1] == ("dose",) and not any(gives_dose(x) for x in quoted)):
                continue  # "肾上腺素给多少" beside an anaphylaxis: the pathway's own step gave the adrenaline dose
                # (not a cement volume no step gives: "一个椎体打多少ml水泥算安全" after the embolism's steps)
            said = [*quoted, *(b.sentence for b in out)]
            # (a regimen told with its length, "7 days of post-op abx", asks how long it should run)
            timed = ("timing",) if regimen and "timing" not in part.aspects and _LENGTH_TOLD.search(part.text) else ()
            timed = ("frequency",) if recovering and "frequency" not in part.aspects else timed  # (the share who recover)
            one = replace(q, parts=(replace(part, aspects=(*timed, *part.aspects)),), aspects=(*timed, *part.aspects))
            # (a sentence naming nothing the part is about is no answer to it: the lipid's repeat boluses for "naloxone
            # given, how long to monitor?" after a pump overdose)
            # (and a drug's own class: "LMWH is restarted…" answers for enoxaparin)
            about = {*part.concepts, *part.inherited,
                     *(b for c in part.concepts if self._kinds.get(c) in ("drug", "brand") for b in self.lexicon.concepts[c].broader)}
            # (a regimen's own sentences, which the emergency's search leaves out: NACC's stop within 24 h)
            # (ranked after every retrieved one)
            pool = [*sents, *(replace(x, hit_rank=len(sents) + 1) for x in self._bundled_sentences(lang, regimen)
                              if set(regimen) & x.concepts)] if regimen else sents
            pool, harms = self._counts_and_drugs_asked(part, lang, sents, pool, bare)
            about = set(harms) or about
            if _EMPIRIC[lang].search(part.text):  # ("which abx empirically while we wait - vanc?": no prophylaxis regimen)
                pool = care_not_prevention(pool)
            # (how to stop it next time, beside the picture still going on: the procedure's own prevention sentences, which
            # the emergency's search leaves out: the refill safety bundle after an overdose on a refill)
            procs = [c for c in part.inherited if self._kinds.get(c) == "procedure"]
            procs += [b for c in part.inherited if self._kinds.get(c) == "equipment"  # (a pump told: its procedure)
                      for b in self.lexicon.broader_closure([c])[1:2] if self._kinds.get(b) == "procedure" and b not in procs]
            if part.aspects[:1] == ("prevention",) and procs and all(self._kinds.get(c) == "complication" for c in part.concepts):
                pool = [*pool, *(replace(x, hit_rank=len(sents) + 1) for x in self._bundled_sentences(lang, procs)
                                 if x.group == "prevention" and set(procs) & x.concepts)]
            told = [c for c in part.concepts if self._kinds.get(c) == "condition"]
            if part.aspects[:1] == ("risk_factors",) and told:  # (the patient's conditions as risk factors of the picture)
                pool = [*pool, *(replace(x, hit_rank=len(sents) + 1) for x in self._bundled_sentences(lang, told)
                                 if x.group == "risk" and set(told) & x.concepts and x not in pool)]
            topics = [c for c in part.concepts if self._kinds.get(c) == "topic" and (c == RECOVERY or not any(c in x.concepts for x in pool))]
            if topics:  # (a topic the emergency's search leaves out: "…and whats her chance of recovering?" beside the haematoma)
                pool = [*pool, *(replace(x, hit_rank=len(sents) + 1) for x in self._bundled_sentences(lang, topics)
                                 if set(topics) & x.concepts and x not in pool)]
            if "mechanism" in part.aspects[:2] and procs:
                # (how the thread's own procedure causes it, which the emergency's search leaves out: "MRI done - no haematoma,
                # cord signal T9 to conus. what is this likely" after a TFESI - the radicular artery)
                pool = [*pool, *(replace(x, hit_rank=len(sents) + 1) for x in self._bundled_sentences(lang, procs)
                                 if set(procs) & x.concepts and (MECHANISM_NAMED.search(x.text) or _CAUSES[lang].search(x.text)) and x not in pool)]
            if part.aspects[:1] == ("mechanism",):  # (what caused it: in the thread's own procedure, with the drug it gave)
                about = {c for c in about if c not in IMAGING} | set(  # (the scan that showed it is no cause)
                    self.lexicon.broader_closure([c for c in (*part.inherited, *q.context_concepts) if self._kinds.get(c) == "drug"]))
                nobody_had = self._procedure_nobody_had(q)
                pool = [x for x in pool if not nobody_had(x)]
            if abscess and recovering:  # (only the abscess's own outcome: never a haematoma's figures, nor another harm's prognosis)
                pool = [x for x in pool if _ABSCESS in x.concepts]
            got = select([x for x in pool if not same_point(x, said, lang) and about.intersection(x.concepts)], one, lang,
                         lex.idf, dense, 2, (True,), sig)
            # (how it turns out, asked by the family: the share who recover, wherever the sources file it, first)
            shares = sorted((x for x in pool if recovering and RECOVERY in x.concepts and COUNT.search(x.text) and not same_point(x, said, lang)
                             and (not abscess or _ABSCESS in x.concepts)),
                            key=lambda x: -len(_SHARE.findall(x.text)))  # (the most shares told: 47 %, 28 % and 25 %)
            got = [Bullet(shares[0], j, 0.0, "fact"), *(b for b in got if b.sentence is not shares[0])] if shares else got
            out += [Bullet(b.sentence, j, b.score, b.kind) for b in got[:2]]
        return out

    def _outcome_of_its_own(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """How a picture that is no haematoma turns out ("家属问能恢复吗" after blurred vision and a numb hand following a
        cervical TFESI): never a haematoma's outcome (its decompression window, its recovery shares)."""
        told = self._thread_told(q)
        if RECOVERY not in q.all_concepts or not told & _NOT_A_HAEMATOMA or _HAEMATOMA in told:
            return bullets
        return [b for b in bullets if _HAEMATOMA not in b.sentence.concepts or told & _NOT_A_HAEMATOMA & b.sentence.concepts] or bullets

    def _granuloma_not_haematoma(self, q: Question, tri: Triage, bullets: list[Bullet]) -> list[Bullet]:
        """A pump patient's deficit read as its catheter-tip granuloma (pain creeping up as the pump is turned up, then weak
        legs): no haematoma's steps or signs, unless an antithrombotic makes one the likelier cause."""
        if not granuloma_pathway(tri) or HELD & set(self.lexicon.broader_closure(list(q.all_concepts))):
            return bullets
        return [b for b in bullets if _HAEMATOMA not in b.sentence.concepts or _GRANULOMA in b.sentence.concepts] or bullets

    def _counts_and_drugs_asked(self, part: Part, lang: Lang, sents: Sequence[Sentence], pool: Sequence[Sentence],
                                bare: bool) -> tuple[list[Sentence], list[str]]:
        """The calm part's pool with what the emergency's search leaves out: the counts of the complication a bare "how
        common is this?" inherits ("家属在闹，问这种情况常见吗" after cement shown in the canal: that complication's own counts,
        never any neuraxial procedure's haematoma counts), and the sentences of a drug asked about (Diprospan treated as
        particulate); with those complications (what the part is then about), or none."""
        harms = [c for c in part.inherited if self._kinds.get(c) == "complication"] \
            if not part.concepts and part.aspects[:1] == ("frequency",) else []
        extra = [x for x in self._bundled_sentences(lang, harms) if set(harms) & x.concepts and COUNT.search(x.text)] if harms else []
        extra += [x for x in self._bundled_sentences(lang, part.concepts) if set(part.concepts) & x.concepts] if bare else []
        return [*pool, *(replace(x, hit_rank=len(sents) + 1) for x in extra if x not in pool)], harms

    def _one_calm_ask(self, q: Question, quoted: Sequence[Sentence]) -> bool:
        """Does a one-part turn in an emergency ask something calm of its own (see `_calm_parts`)?"""
        if not q.history or not q.parts:
            return False
        first = q.parts[0]
        if "mechanism" in first.aspects[:2] or RECOVERY in first.concepts:
            return True
        return bool(q.followup) and bool(
            first.aspects[:1] in (("limit",), ("dose",), ("prevention",), ("mechanism",), ("risk_factors",), ("contraindications",),
                                  ("frequency",))
            or _CARE_REGIMENS & set(first.concepts)
            # (how it turns out, "家属问会不会瘫": the outcome's figures)
            or ("frequency" in first.aspects and RECOVERY in first.concepts)
            or (first.aspects[:1] == ("hold",) and _TIMING_JUDGED.search(q.text))
            # (or looked back on: "looking back, when should the enoxaparin have been restarted?")
            or _LOOKS_BACK[q.lang].search(q.text)
            # (or another complication told: "她还说现在刺激的麻感跑到肚子上了" beside an infected SCS pocket, the lead's migration)
            or self._new_complication(first, quoted)
            # (or a drug given, asked about: "当时用的得宝松 这个算颗粒型的吗")
            or self._drug_asked_bare(first))

    def _drug_asked_bare(self, part: Part) -> bool:
        """Does a part ask, with no aspect, which class a drug is of ("当时用的得宝松 这个算颗粒型的吗", "is Depo-Medrol
        particulate?"; not whether to give it, "要不要上甲强龙冲击？")?"""
        kinds = [self._kinds.get(c) for c in part.concepts]
        return not part.aspects and "drug-class" in kinds and bool({"drug", "brand"} & set(kinds)) \
            and all(k in ("drug", "brand", "drug-class") for k in kinds)

    def _other_picture_than_haematoma(self, q: Question) -> bool:
        """Is the thread's picture not a spinal haematoma (the one whose recovery shares the sources give): ruled out on the
        scan ("no epidural haematoma", 核磁没看到血肿), or another harm told (an abscess, LAST, an arrest, a cord infarct)?"""
        told = self._thread_told(q)
        return bool(told & _NOT_A_HAEMATOMA) or not told & _HAEMATOMA_PICTURE or self._abscess_picture(q) \
            or any(RULED_OUT_TOLD[q.lang].search(t) for t in (*q.history, q.text))

    def _thread_told(self, q: Question) -> set[str]:
        """Every concept the thread told: this turn's, those it inherits, and the earlier turns' own words."""
        return {*q.all_concepts, *q.context_concepts, *(c for p in q.parts for c in p.inherited), *self.lexicon.tags(" ".join(q.history))}

    def _abscess_picture(self, q: Question) -> bool:
        """Is the thread's picture an epidural abscess: named, or a fever told with a deficit after a neuraxial procedure
        (the abscess the pathway reads it as until shown otherwise)?"""
        told = self._thread_told(q)
        # (not a haematoma named or shown, whatever fever is told beside it)
        return _ABSCESS in told or ("fever" in told and bool(told & DEFICIT_TOLD) and "neuraxial-procedure" in told and "haematoma" not in told)

    def _new_complication(self, part: Part, quoted: Sequence[Sentence]) -> list[str]:
        """The complications a follow-up's part tells that none of the pathway's quoted steps is about (the lead's
        migration told beside an infected SCS pocket)."""
        if any(self._kinds.get(c) in ("drug", "drug-class", "brand") for c in part.concepts):
            return []  # (a drug asked for the picture, "high dose steroids for the cord infarct?", treats the pathway's own)
        return [c for c in part.concepts if self._kinds.get(c) == "complication" and not any(c in x.concepts for x in quoted)]

    def _procedure_nobody_had(self, q: Question) -> Callable[[Sentence], bool]:
        """Does a sentence name only procedures the thread does not tell (when it tells one)? "withdraw the catheter as it
        is threaded" is no fact for a cord infarct after a TFESI. (The thread's procedures are read once per answer.)"""
        told = set(self.lexicon.broader_closure([c for c in (*q.all_concepts, *q.context_concepts, *(c for p in q.parts for c in p.inherited))
                                                 if self._kinds.get(c) == "procedure"]))
        lx = self.lexicon.concepts

        def nobody_had(x: Sentence) -> bool:
            # (its equipment names its procedure: an intrathecal catheter is intrathecal drug delivery's; only a pain procedure
            # with a bleeding-risk class counts, never a rescue such as ECMO or decompression)
            named = {c for c in ({c for c in x.concepts if self._kinds.get(c) == "procedure"} | {
                r for c in x.concepts if self._kinds.get(c) == "equipment" and c in lx for r in lx[c].related if self._kinds.get(r) == "procedure"})
                if any(self._risk_classes & set(lx[d].related) for d in self.lexicon.broader_closure([c]) if d in lx)}
            return bool(named) and not named & told and not any(c in told for n in named for c in self.lexicon.broader_closure([n]))
        return nobody_had if told else (lambda x: False)

    def _other_procedure(self, q: Question, rule: str) -> Callable[[Sentence], bool]:
        """Is a sentence about another of the pathway's procedures than the patient's (SCS wound care, a catheter
        granuloma, for a fever after an ESI; a cement leak for weak legs after SCS leads)? A question naming none of them
        ("new weakness after a neuraxial procedure") keeps every sentence."""
        topics, mine = self._pathway_topics(q, rule)
        if not mine:
            return lambda s: False
        lx = self.lexicon
        # (an infected pump's own passages give no step: another implant's action is kept, said to be its own, and follows
        # the pump's own sentences; `_own_procedure_first`)
        # (a fever after an epiduroscopy is read by the implant-infection pathway: the ESI's abscess step, said to be the ESI's;
        # an implant's explant rule only for a pocket, wound or exit-site sign told, never for a pump patient's meningitis)
        borrow = self._may_borrow(q, rule, mine)

        # (a discography sentence is about an intradiscal procedure: not another's, for a fever after IDET)
        def other(s: Sentence) -> bool:
            # (a sentence naming its procedure is about that one, whatever its complication is linked to: a catheter mass's
            # differential, with its epidural fibrosis, is the intrathecal pump's, not an epiduroscopy's)
            t = topics(c for c in s.concepts if self._kinds.get(c) in ("procedure", "equipment")) or topics(s.concepts)
            # (an epidural abscess is the same abscess after any spinal injection: the ESI's abscess step, said to be the
            # ESI's, for a fever after facet injections)
            return bool(t) and not t & mine and not any(m in lx.broader_closure([x]) or x in lx.broader_closure([m]) for x in t for m in mine) \
                and not (borrow and s.action and (self._kin(t, mine) or self._abscess_step(s, t, mine)))
        return other

    def _restart_with_lead_in(self, q: Question) -> bool:
        """A drug's restart asked around an SCS trial, whose lead stays in for days."""
        return "scs-trial" in q.all_concepts and self._anticoagulated(q) and bool(RESTART_ASK.search(q.text))

    def _telling_asked(self, q: Question) -> bool:
        """A follow-up asking what to tell the patient or the family ("what do I tell the family?", 家属怎么交代)."""
        return bool(q.history) and ("informed-consent" in q.concepts or bool(_TELLING[q.lang].search(q.text)))

    def _anticoagulated(self, q: Question) -> bool:
        """Does the question (or the turn before) tell an anticoagulant or antiplatelet drug the patient takes?"""
        closure = set(self.lexicon.broader_closure(list(q.all_concepts)))
        return bool(closure & {"anticoagulant", "antiplatelet", "doac", "lmwh", "warfarin", "heparin"})

    def _fever_days_later(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A deficit with fever days after the procedure ("ILESI后第3天发热39度…双下肢无力"): the abscess's own step (contrast
        MRI, antibiotics, drainage) comes before the general deficit step that opens with stopping a procedure long over."""
        if not days_later(q.text, q.lang) or not _FEVER & set(q.concepts) or not bullets:
            return bullets
        at = next((i for i, b in enumerate(bullets[:4]) if b.kind == "action" and _ABSCESS in b.sentence.concepts
                   and not _GENERAL_DEFICIT_STEP.search(b.sentence.text)), None)
        if not at or not _GENERAL_DEFICIT_STEP.search(bullets[0].sentence.text):  # (none, or the abscess's already first)
            return bullets
        return [bullets[at], *(b for i, b in enumerate(bullets) if i != at)]

    def _collapse_first(self, q: Question, tri: Triage, bullets: list[Bullet]) -> list[Bullet]:
        """Local anaesthetic toxicity that goes on to a collapse ("抽搐停了 但是现在心率35 血压测不出来"): resuscitation and the
        lipid lead; the seizure's benzodiazepine goes once the seizure is told stopped."""
        if tri.rule != "last":
            return bullets
        if _SEIZURE_STOPPED[q.lang].search(q.text):
            bullets = [b for b in bullets if not _SEIZURE_STEP[b.sentence.chunk.lang].search(b.sentence.text)] or bullets
        elif not seizure_told(q.text, q.lang) and _CARDIAC_TOLD[q.lang].search(q.text):
            # (a cardiovascular picture with no seizure told, "brady, wide QRS, BP 70/40": the seizure's drug after the rest)
            fits = [b for b in bullets if _SEIZURE_STEP[b.sentence.chunk.lang].search(b.sentence.text)]
            rest = [b for b in bullets if b not in fits]
            at = max((i + 1 for i, b in enumerate(rest) if b.kind == "action"), default=0)
            bullets = rest[:at] + fits + rest[at:]
        if _COLLAPSE[q.lang].search(q.text):
            first = [b for b in bullets if b.kind == "action" and _RESUSCITATION[b.sentence.chunk.lang].search(b.sentence.text)]
            bullets = first + [b for b in bullets if b not in first]
        return bullets

    def _asked_drug_lines(self, q: Question, tri: Triage, guide: Triage, bullets: list[Bullet], sents: Sequence[Sentence]) -> list[Bullet]:
        """A drug asked about in the emergency that none of the steps names ("抽搐能用丙泊酚吗？" after the LAST picture):
        what the picture's own passages say of it ("avoid propofol when unstable; it is no substitute for 20% lipid"),
        right after the first step; only where they say nothing is the note said."""
        if not tri.urgent or not bullets:
            return bullets
        # (and a topic asked that no step names: "which bug am I covering?" in an epidural abscess, its organism)
        topics = [c for p in q.parts for c in p.concepts if self._kinds.get(c) == "topic" and c in _ASK_LABELS
                  and not any(c in b.sentence.concepts for b in bullets)]
        unsaid = [*self._unsaid_drugs(q, bullets, tri.rule), *topics]
        quoted = [b.sentence for b in bullets]
        docs = {f"{slug}-{lang}" for slug in guide.docs for lang in ("en", "zh")}
        named = PATHWAY_NAMES.get(tri.rule, {})  # (said of the picture itself: not a steroid's relief beside a cord infarct)
        lines = [x for x in sents if x.chunk.doc_id in docs and unsaid and set(unsaid) & x.concepts
                 and (x.group == "management" or set(topics) & x.concepts) and not x.provenance
                 and bool(named.get(x.chunk.lang)) and re.search(named[x.chunk.lang], x.text, re.I) is not None
                 and not same_point(x, quoted, q.lang)][:2]
        shown = [Bullet(x, 0, 0.0, "action" if x.group == "management" else "fact") for x in lines]
        return [bullets[0], *shown, *bullets[1:]]

    def _asked_drug_first(self, q: Question, tri: Triage, bullets: list[Bullet]) -> list[Bullet]:
        """A follow-up in the same emergency that asks one drug's dose ("脂肪乳剂量多少 bolus完还要持续泵吗" after the LAST
        picture): the steps were given the turn before; that drug's doses lead, the rest of the pathway follows. The same
        for a first turn that names the toxicity and asks the lipid ("局麻药中毒，病人60公斤，20%脂肪乳怎么给？")."""
        if not tri.urgent:
            return bullets
        # ("still in VF - can I give vasopressin?": whether that drug may be given answers right after the first step)
        # ("CTPA shows a central cement embolus - anticoagulate?", 要不要抗凝: a drug class asked whether to give, read as a hold)
        # (or asked bare, "… - anticoagulate?")
        allowed = [p for p in q.parts if _whether_given(p) and any(self._kinds.get(c) in ("drug", "drug-class") for c in p.concepts)
                   and not (_HOLD_TOLD.search(p.text) and not asks_to_anticoagulate(p.text))]
        if allowed and bullets:
            asked = {c for p in allowed for c in p.concepts if self._kinds.get(c) in ("drug", "drug-class")}
            # (or its own class: "LMWH is restarted…" for "was clexane 4 hours after too early?")
            asked |= {b for c in asked if self._kinds.get(c) == "drug" for b in self.lexicon.concepts[c].broader}
            # (the drug the steps do not give already, "only propofol drawn up - can i just give that instead … for the lipid?":
            # propofol's own lines, not the lipid's step)
            acts = [b for b in bullets if b.kind == "action"]
            unsaid = {c for c in asked if not any(c in b.sentence.concepts for b in acts)}
            # (its lines about the picture's own care: never midazolam's effect on the adrenal axis after an ESI mid-rescue)
            named = [b for b in bullets[1:] if unsaid & b.sentence.concepts and b.sentence.group == "management"][:2] \
                or [b for b in bullets[1:] if asked & b.sentence.concepts][:1]
            # (a management line on it, "avoid propofol when unstable", is said among the steps, not apart from them)
            shown = [replace(b, kind="action") if b.sentence.group == "management" else b for b in named]
            rest = [b for b in bullets[1:] if b not in named]
            # (a fact of it, "LMWH is restarted 12–24 h after", after the steps: the steps stay under one heading)
            at = 0 if all(b.kind == "action" for b in shown) else next((i for i, b in enumerate(rest) if b.kind != "action"), len(rest))
            return [bullets[0], *rest[:at], *shown, *rest[at:]]
        # (a picture read as LAST that asks the lipid itself, "collapsed after SGB w bupivacaine… lipid dose for 80kg": its
        # doses right after the first step)
        pictured = not q.followup and tri.rule == "last" and lipid_asked(q.text, q.lang)
        # (a bare rescue dose asked right after the picture, "how much intralipid exactly", is that picture's too)
        if "dose" not in q.aspects or not (toxicity_told(q.text, q.lang) or pictured if not (q.followup or q.history)
                                           else self._emergency_before(q).rule == tri.rule):
            return bullets
        drugs = {c for c in q.concepts if self._kinds.get(c) in ("drug", "drug-class")}
        dosed = [b for b in bullets if drugs & b.sentence.concepts and gives_dose(b.sentence)]
        # (the regimen for another weight band than the one told, "≤70 kg" for 80 kg, does not lead beside its own)
        # (nor does it follow when the told band's own regimen is given: "85 kg, how do I push the lipid?" is not
        # answered with the ≤70 kg per-kg regimen too)
        weight = patient_weight(q, True)
        other_band = [b for b in dosed if band_fit(b.sentence.text, weight) < 0]
        dosed = [b for b in dosed if b not in other_band]
        other_band = [] if any(band_fit(b.sentence.text, weight) > 0 for b in dosed) else other_band
        # (a follow-up's plan, "what rate should we be infusing the saline at?" mid-epiduroscopy, goes under its own heading,
        # not as what else the picture looks like; a rescue drug's regimen stays among the steps)
        planned = {id(b) for b in dosed if q.followup and b.kind == "fact" and b.sentence.group != "management"}
        # (an arrest told keeps its resuscitation step first, "抽搐后室颤，脂肪乳怎么给": the heart before the lipid's dose)
        head = bullets[:1] if bullets and bullets[0] not in dosed and moved_first(tri.rule, q.lang, q.text) else \
            [] if toxicity_told(q.text, q.lang) or q.followup or q.history or not bullets or bullets[0] in dosed else bullets[:1]
        if dosed and all(id(b) in planned for b in dosed):  # (a plan only: after the picture's steps, review 54)
            head = list(itertools.takewhile(lambda b: b.kind == "action" and b not in dosed, bullets))
        return head + [replace(b, kind="plan") if id(b) in planned else b for b in dosed] \
            + [b for b in bullets if b not in dosed and b not in head and band_fit(b.sentence.text, weight) >= 0] + other_band if drugs else bullets

    def _own_procedure_first(self, q: Question, guide: Triage, bullets: list[Bullet]) -> list[Bullet]:
        """The pathway's steps for the patient's own procedure lead its generic ones (cement in the canal after a
        vertebroplasty: the CT for cement before the MRI for a haematoma)."""
        rule = guide.rule
        topics, mine = self._pathway_topics(q, rule)
        if not mine:
            return bullets
        # (another procedure's own step is no step for this patient: explanting an SCS is no care for an ESI's meningitis; a
        # kin procedure's step stands in only when the patient's own passages give none, said so: `_kin`)
        kept = [b for b in bullets if not (b.kind == "action" and topics(b.sentence.concepts) and not topics(b.sentence.concepts) & mine)]
        if not any(b.kind == "action" for b in kept) and self._may_borrow(q, rule, mine):
            # (an infected pump, whose own passages give no step: the other implant's explant rule, said to be its own; an
            # epiduroscopy's abscess: the ESI's; a facet injection's epidural abscess: the ESI's abscess step)
            kept = [*(b for b in bullets if b.kind == "action" and (self._kin(topics(b.sentence.concepts), mine)
                                                                   or self._abscess_step(b.sentence, topics(b.sentence.concepts), mine))),
                    *(b for b in kept if b.kind != "action")]
        # (with fever, an abscess first: the device's haematoma work-up after the steps that look for an infection)
        # (as the banner reads the scene: a fever told in its earlier turns too, "and if he now has leg weakness?" after an
        # infected pocket; never a fever of last week's UTI)
        febrile = rule == "neuraxial-deficit" and febrile_banner(guide)

        def haematoma_only(b: Bullet) -> bool:
            lang = b.sentence.chunk.lang
            return febrile and bool(_HAEMATOMA_WORD[lang].search(b.sentence.text)) and not _INFECTION_WORD[lang].search(b.sentence.text)

        def treats_first(b: Bullet) -> bool:  # (with fever, the work-up that looks for the abscess before the device's explant)
            return febrile and not _IMAGING_WORD[b.sentence.chunk.lang].search(b.sentence.text)
        return sorted(kept or bullets, key=lambda b: (b.kind != "action", haematoma_only(b), treats_first(b),
                                                      not topics(b.sentence.concepts) & mine))

    def _pathway_step_elsewhere(self, q: Question, lang: Lang, rule: str, bullets: Sequence[Bullet]) -> str:
        """The note for a pathway's first step stated for another of its procedures than the patient's (an infected
        intrathecal pump's explant rule, the SCS's), or nothing."""
        topics, mine = self._pathway_topics(q, rule)
        first = next((b for b in bullets if b.kind == "action"), None)
        if not mine or first is None or not (theirs := topics(first.sentence.concepts)) or theirs & mine:
            return ""
        said = next((c for c in (*q.subjects, *q.context_concepts) if set(mine) & set(self.lexicon.broader_closure([c]))), sorted(mine)[0])
        return self._elsewhere_note(q, lang, sorted(theirs), said)

    def _may_borrow(self, q: Question, rule: str, mine: Iterable[str]) -> bool:
        """May the infection pathway quote a kin procedure's step for the patient's own (`_kin`)? Not an implant's explant
        rule without a pocket, wound or exit-site sign (a pump patient's meningitis)."""
        return rule == "implant-infection" and (not self._implanted(mine) or self._site_told(q))

    def _site_told(self, q: Question) -> bool:
        """Is a pocket, wound or exit-site infection told (the device's own infection, not a meningitis without one)?"""
        return "surgical-site-infection" in self.lexicon.broader_closure(list(q.all_concepts)) or bool(_SITE_WORD.search(q.text))

    def _kin(self, theirs: Iterable[str], mine: Iterable[str]) -> bool:
        """May one procedure's infection step stand in for another's (said to be the other's)? Two implants (an SCS's explant
        rule for an infected pump), or two procedures entering the epidural space (an ESI's abscess step after an
        epiduroscopy); never an implant's explant for an injection, nor an epidural step for a facet joint."""
        theirs, mine = list(theirs), list(mine)
        if self._implanted(theirs) or self._implanted(mine):
            return self._implanted(theirs) and self._implanted(mine)
        return bool(theirs) and bool(mine) and all(_EPIDURAL_SPACE & set(self.lexicon.broader_closure([p])) for p in (*theirs, *mine))

    def _abscess_step(self, s: Sentence, theirs: Iterable[str], mine: Iterable[str]) -> bool:
        """Is the sentence an epidural abscess's own step, which stands in after any spinal injection (no implant's)?"""
        return _ABSCESS in s.concepts and not self._implanted(list(theirs)) and not self._implanted(list(mine))

    def _implanted(self, procedures: Iterable[str]) -> bool:
        """Are these (some of) the pathway's procedures implanted devices (an SCS, an intrathecal pump)?"""
        return bool(procedures) and all(IMPLANTS & set(self.lexicon.broader_closure([p])) for p in procedures)

    def _pathway_topics(self, q: Question, rule: str) -> tuple[Callable[[Iterable[str]], set[str]], set[str]]:
        """For a pathway shared by several procedures (PER_PROCEDURE): which of them a set of concepts is about, and
        the patient's own (empty when the question names none of them, or the pathway is not shared)."""
        flag = RED_FLAG_BY_ID.get(rule)
        if flag is None or rule not in PER_PROCEDURE:
            return (lambda cs: set()), set()
        lx = self.lexicon
        named = set(flag.procedures)
        specific = {p for p in named if not any(p in lx.broader_closure([o])[1:] for o in named)}  # not "neuraxial procedure"

        def topics(concepts: Iterable[str]) -> set[str]:
            out: set[str] = set()
            for c in concepts:
                if c in lx.concepts and lx.concepts[c].kind in ("procedure", "equipment", "complication", "finding"):
                    closure = lx.broader_closure([c])
                    hit = specific & {*closure, *lx.concepts[c].related}
                    # (IDET: none of the pathway's specific procedures, but an intradiscal procedure it names)
                    out |= hit or {next((x for x in closure if x in named and x not in _GENERIC_PROCEDURES), "")} - {""}
            return out
        # (a follow-up telling only the picture, "headache not positional, neck stiffness, fever 39": the procedure told before)
        told = [m.concept for turn in q.history[-1:] for m in lx.match(turn)]
        mine = topics(q.all_concepts) or topics(told)
        if not mine and "esi" in specific and any(_HAD_EPIDURAL[q.lang].search(t) for t in (q.text, *q.history[-1:])):
            mine = {"esi"}  # ("day 2 after epidural, fever and stiff neck": an epidural injection, not an SCS's pocket)
        return topics, mine

    def _named_now_first(self, q: Question, lang: Lang, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
        """An emergency follow-up naming what the steps so far do not ("MRI not avail till 8am": CT myelography, the
        alternative when MRI cannot be had): the sentence naming it leads, the steps follow."""
        if not q.followup or not bullets:
            return bullets
        # (only the alternative to a test that cannot be had: a procedure the turn proposes, "should we do a blood patch?",
        # or tells done is no step of this picture; the sentence must be about the pathway's complication)
        new = [c for p in q.parts for c in p.concepts if c in _ALTERNATIVE_TESTS and c not in bullets[0].sentence.concepts]
        if not new:
            return bullets
        # (the patient's own procedure's first: "CT myelography … in a patient with an intrathecal drug delivery system" for a
        # pump's catheter mass, before the SCS haematoma's)
        nobody_had = self._procedure_nobody_had(q)
        had = [b for b in bullets if new[0] in b.sentence.concepts]
        if had and not nobody_had(had[0].sentence):  # (quoted lower down: first)
            return [had[0], *(b for b in bullets if b is not had[0])]
        harm = {c for b in bullets for c in b.sentence.concepts if self._kinds.get(c) == "complication"}
        alternatives = [x for x in sents if x.chunk.lang == lang and new[0] in x.concepts and not x.provenance and x.group == "management"]
        found = [x for x in alternatives if not nobody_had(x)
                 and (harm & x.concepts or any(self._kinds.get(c) == "procedure" and c != new[0] for c in x.concepts))]
        if found:
            return [Bullet(found[0], 0, 1.0, "action"), *(b for b in bullets if not same_point(b.sentence, found[:1], lang))]
        if had:
            return [had[0], *(b for b in bullets if b is not had[0])]
        # (else another procedure's, about the same harm: the SCS haematoma's CT myelography for an ILESI's)
        found = [x for x in alternatives if harm & x.concepts]
        return [Bullet(found[0], 0, 1.0, "action"), *bullets] if found else bullets

    def _after_the_turn_before(self, q: Question, lang: Lang, sents: Sequence[Sentence], bullets: list[Bullet], guide: Triage,
                               tri: Triage) -> list[Bullet]:
        """What the conversation so far changes: in an emergency, the next steps first and no step for a drug already given;
        never the treatment that failed as the answer; after a settled emergency, whether to go on is about its condition."""
        if tri.urgent:
            bullets = self._without_given(q, self._ceiling_first(q, lang, sents, self._next_steps_first(q, lang, sents, bullets, guide), guide))
            bullets = self._treatment_first(q, self._without_ruled_out(q, bullets))
            bullets = self._scan_alternative_first(q, lang, self._named_now_first(q, lang, sents, bullets))
        tried = set(self.lexicon.broader_closure(list(q.tried)))

        def others(s: Sentence) -> bool:  # a treatment named besides the failed ones (and what they are a kind of)
            return any(self._kinds.get(c) in ("procedure", "drug", "drug-class") and c not in tried and not self.lexicon.is_anchor(c)
                       and c not in ANCILLARY_PROCEDURES for c in s.concepts)  # (not the procedure of ours that caused it)
        bullets = [b for b in bullets if not (b.part < len(q.parts) and restates_tried(b.sentence, q.parts[b.part], q, others, self._kinds))] \
            or bullets
        if not tri.urgent and (after := self._resume_after(q, bullets)):  # "stable now, OK to carry on?": only the condition's own
            # sentences, beside the note that says there is no rule (a later part asking something else keeps its own bullets:
            # "…观察多久？以后加药怎么避免再扎错口？")
            apart = [b for b in bullets if b.part < len(q.parts) and len(q.parts) > 1 and not _RESUME_ASK[q.lang].search(q.parts[b.part].text)
                     and not _HOME_ASK.search(q.parts[b.part].text)]
            bullets = [*self._about_condition(after, [b for b in bullets if b not in apart], sents, lang,
                                              {c for c in _WATCHED_AFTER.get(after, ()) if self._told_before(q, c)}), *apart]
        if not tri.urgent and _HOME_ASK.search(q.text) and _asks_resume(q) and any(_OBSERVED.search(b.sentence.text) for b in bullets[:1]):
            # (how long she is watched answers "can she go home?": the rescue's doses are no part of it)
            # (a part of its own asking a dose keeps it: "…要观察多久能回病房？以后罗哌最大能打多少")
            bullets = [b for b in bullets if not gives_dose(b.sentence) or self._asks_a_dose(q, b.part)] or bullets
        # ("MRI确诊硬膜外脓肿，神经系统查体正常，一定要手术吗？": no deficit; still urgent, but not a deficit's picture)
        if tri.rule not in _DEFICITS and _INTACT[q.lang].search(q.text):
            bullets = [b for b in bullets if not _GENERAL_DEFICIT_STEP.search(b.sentence.text)] or bullets
        return bullets

    @staticmethod
    def _asks_a_dose(q: Question, part: int) -> bool:
        """Is the bullet's part one of several, asking a dose or a limit itself?"""
        return len(q.parts) > 1 and part < len(q.parts) and q.parts[part].aspects[:1] in (("dose",), ("limit",))

    def _treatment_first(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """An emergency follow-up whose study found the complication ("MRI: epidural haematoma compressing the cord",
        "MRI回报…血肿压迫马尾"): the steps that treat it lead (early decompression), before the step that orders the study."""
        told, named = _study_done(q.text, q.lang), q.concepts
        if told is None and q.followup and q.history and (_TREATS[q.lang].search(q.text) or not NEW_SIGN[q.lang].search(q.text)):
            # (the turn before told the study, this one asks its treatment: "CT看骨水泥渗漏进椎管…" then "需要急诊手术减压吗？";
            # what that study found is among the conversation's concepts; or asks on with no new sign: "家属在闹，问这种情况常见吗")
            told, named = _study_done(q.history[-1], q.lang), q.all_concepts
        if not told or _HYPOTHETICAL[q.lang].search(q.text):
            return bullets  # (what it ruled out is not found: `found` leaves the excluded out)
        found = set(self.lexicon.broader_closure([c for c in named if self._kinds.get(c) == "complication" and c not in q.excluded]))
        treats = [b for b in bullets if b.kind == "action" and found & b.sentence.concepts and _TREATS[q.lang].search(b.sentence.text)]
        # ("CT见骨水泥渗漏到椎管": the step that orders that CT goes after what the sources say of treating what it found)
        study = "ct" if re.search(r"\bct\b|CT", told.group(0), re.I) and not re.search(r"mri|核磁|磁共振", told.group(0), re.I) else "mri"
        done = [b for b in bullets if treats and b not in treats and b.kind == "action" and _ORDERS[study].search(b.sentence.text)]
        rest = [b for b in bullets if b not in treats and b not in done]
        if _CEMENT_LEAK in found and _HAEMATOMA not in found:  # (cement shown in the canal: a haematoma's surgery window is not its)
            # (nor its MRI, when no antithrombotic drug makes a haematoma likelier than the cause the CT found: "new radicular
            # pain, CT shows cement in the L2 foramen - next step?")
            scanned = not HELD & set(self.lexicon.broader_closure(list(q.all_concepts)))
            rest = [b for b in rest if not (_HAEMATOMA in b.sentence.concepts and _CEMENT_LEAK not in b.sentence.concepts
                                            and (scanned or not _ORDERS["mri"].search(b.sentence.text)))]
        return treats + [b for b in rest if b.kind == "action"] + done + [b for b in rest if b.kind != "action"]

    def _ruled_out(self, q: Question) -> set[str]:
        """The complications an emergency follow-up tells its work-up ruled out ("MRI done, no haematoma no abscess",
        "MRI没看到血肿"), with what they are a kind of."""
        excluded = self._ruled_out_named(q)
        return {*excluded, *(k for c in excluded for k in self._kinds_of.get(c, ()))}

    def _ruled_out_named(self, q: Question) -> list[str]:
        """The complications a follow-up's work-up ruled out: those it names ("MRI没看到血肿"), or, told only that the scan
        was negative ("and if the MRI is negative?", 那如果MRI阴性呢), what the emergency before it was looking for."""
        # (a result that names a new cause is no follow-up of the picture for the frame, "MRI: no hematoma, cord signal c/w
        # infarct - the particulate steroid thing?", but it still rules the haematoma out)
        if not q.history or not (q.followup or _study_done(q.text, q.lang)):
            return []
        negative = _NEGATIVE_STUDY[q.lang].search(q.text)
        if not negative and (not _study_done(q.text, q.lang) or _HYPOTHETICAL[q.lang].search(q.text)):
            return []  # (a study's result told, not "no MRI yet - what if it isn't a haematoma?")
        excluded = [c for c in q.excluded if self._kinds.get(c) == "complication"]
        if excluded or not negative:
            return excluded
        return [c for c in _SCANNED_FOR.get(self._emergency_before(q).rule or "", ()) if c in self._kinds]

    def _without_ruled_out(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """No bullet about only the causes the work-up ruled out (early decompression of a haematoma, once the MRI shows
        none); a step that also names a cause still open (the MRI looks for infarction too, neurosurgical review) stays."""
        out = self._ruled_out(q)
        if not out:
            return bullets

        def only_ruled_out(s: Sentence) -> bool:
            named = {c for c in s.concepts if self._kinds.get(c) == "complication"}
            # its most specific complications (a pocket infection is another cause than the abscess ruled out, although
            # both are infections)
            specific = {c for c in named if not any(c != d and c in self.lexicon.broader_closure([d])[1:] for d in named)}
            return bool(specific) and specific <= out
        return [b for b in bullets if not only_ruled_out(b.sentence)] or bullets

    def _about_condition(self, topic: str, bullets: list[Bullet], sents: Sequence[Sentence], lang: Lang,
                         told: Collection[str] = ()) -> list[Bullet]:
        """The bullets that name the condition (its concept or a narrower one), else its own management sentences (and
        the watch after a drug told before it: neuraxial morphine's 24 h after a morphine pump's overdose)."""
        near = {topic, *self._narrower.get(topic, ()), *(c for c in _WATCHED_AFTER.get(topic, ()) if self._kinds.get(c) != "drug"), *told}
        # (never the watch of a drug not told: morphine's 24 h after a hydromorphone pump's overdose)
        untold = {c for c in _WATCHED_AFTER.get(topic, ()) if self._kinds.get(c) == "drug" and c not in told}
        sents = [x for x in sents if not untold & x.concepts]
        bullets = [b for b in bullets if not untold & b.sentence.concepts]
        # (how long the patient is watched after it answers "can she go home?" first)
        watched = [x for x in sents if near & x.concepts and x.chunk.lang == lang and _OBSERVED.search(x.text) and not x.provenance]
        kept = [Bullet(x, 0, 1.0, "fact") for x in watched[:1]]
        kept += [b for b in bullets if near & b.sentence.concepts and b.sentence not in watched[:1]]
        if kept:
            return kept
        own = [x for x in sents if near & x.concepts and x.chunk.lang == lang and x.group in ("management", "complications")
               and not x.provenance]
        return [Bullet(x, 0, 1.0, "fact") for x in own[:2]]

    def _settled_picture(self, q: Question) -> Triage:
        """The emergency a calm turn is asked after: the turn before's, or told in this turn before the patient settled
        ("…had a seizure, gave midazolam, it stopped. She's now alert. How long do I keep her?")."""
        if q.history:
            return self._emergency_before(q)
        tail = self._over_tail(q.text, q.lang)
        if tail is None or not self._settled_turn(q.text, q.lang):
            return Triage(False)
        return _turn_triage(q.text[:len(q.text) - len(tail)], q.lang, frozenset(self.lexicon.broader_closure(list(q.concepts))))

    def _emergency_before(self, q: Question) -> Triage:
        """The pathway of the turn a follow-up answers (read with the conversation's concepts; the same for every stage)."""
        # (the picture may be two turns back: "seizing after lidocaine" - "she's 50 kg, how much lipid?" - "seizure stopped,
        # can she go home?")
        concepts = frozenset(self.lexicon.broader_closure(list(q.context_concepts)))
        for i in reversed(range(max(0, len(q.history) - 3), len(q.history))):
            tri = _in_thread(q.history, i, concepts)
            if not tri.urgent and i:  # (a picture told in the setting of the turn before it: "my pain pump is beeping" then
                # "its a morphine pump … really drowsy … breathing is slow")
                lang = detect_lang(q.history[i])
                tri = triage(q.history[i], lang, concepts, f"{q.history[i - 1].rstrip(' .。!！?？')}{'。' if lang == 'zh' else '. '}")
            if tri.urgent:
                return tri
        return Triage(False)

    def _resume_after(self, q: Question, bullets: Sequence[Bullet]) -> str:
        """The condition of the emergency the turn before, when a calm follow-up asks whether to go on with the procedure or
        send the patient home and no bullet says so for that condition ('' otherwise)."""
        if not q.history or not _asks_resume(q):
            return ""
        # (a turn naming only what the conversation named, or the going home itself, is a follow-up too: "she's back to
        # baseline after one bolus of lipid - ok to send her home?")
        # (nor does the injectate to give on carrying on: "she's pinked up … ok to carry on and inject the dex today, or rebook?")
        named = {c for c in q.concepts if self._kinds.get(c) not in ("drug", "drug-class", "brand")}
        if not q.followup and not named <= {_DISCHARGE, *(m.concept for t in q.history[-3:] for m in self.lexicon.match(t))}:
            return ""
        # (an ask of its own beside going home, "legs a bit numb - he wants to drive himself home, ok?": driving's own advice)
        if any(self._kinds.get(c) == "topic" and c not in (_DISCHARGE, OBSERVATION) and any(c in b.sentence.concepts for b in bullets)
               for c in q.concepts):
            return ""
        before = self._emergency_before(q)
        # (a stroke picture that cleared after a transforaminal injection: what to do after it is not in the sources either)
        topic = PATHWAY_TOPICS.get(before.rule, _SETTLED_TOPICS.get(before.rule, "")) if before.urgent else ""
        names = PATHWAY_NAMES.get(before.rule, {}).get(q.lang)
        said = any((_RESUME_SAID.search(b.sentence.text) or (_HOME_ASK.search(q.text) and _OBSERVED.search(b.sentence.text)))
                   and (topic in b.sentence.concepts or (names and re.search(names, b.sentence.text, re.I))) for b in bullets)
        return topic if topic and not said else ""

    def _for_the_picture(self, q: Question, tri: Triage, sents: list[Sentence]) -> list[Sentence]:
        """An infection being treated (the implant-infection pathway, or an infection the question or the turn before
        names, urgent or not): its care, never the prevention rules (see `care_not_prevention`), unless the question
        itself asks about prevention ("which antibiotic" is the treatment's)."""
        # (an infection told as present, "pocket infection, MRSA on the swab", not one asked about: its risk factors, its
        # prevention, a carrier booked for an implant)
        told = INFECTION in self.lexicon.broader_closure(list(q.all_concepts)) \
            and any(_INFECTION_TOLD.search(t) for t in (q.text, *q.history[-1:]))
        if (tri.rule == "implant-infection" or told) and not _PREVENTION_ASK.search(q.text):
            sents = care_not_prevention(sents)
        if tri.rule == "implant-infection" and not _HEADACHES & set(self.lexicon.broader_closure(list(q.all_concepts))):
            # (the red flags of a headache after a dural puncture are not quoted for a hot wound with no headache told)
            sents = [x for x in sents if not _HEADACHES & x.concepts]
        return sents

    def _after_emergency(self, q: Question, tri: Triage, sents: list[Sentence]) -> list[Sentence]:
        """A calm follow-up to an emergency ("纳洛酮给了 人醒了…还要观察多久" after a pump overdose): no sentence about
        another pathway's systemic reaction than the one before (LAST's observation time), unless the question names it."""
        if tri.urgent or not q.followup or not q.history:
            return sents
        before = self._emergency_before(q)
        if not before.urgent:
            return sents
        elsewhere = self._other_systemic(q, before.rule)
        return [x for x in sents if not elsewhere(x) and not is_meta(x.text, x.chunk.lang)]  # (nor what a document covers)

    def _names_antibiotic(self, bullets: Sequence[Bullet]) -> bool:
        """Does a bullet name an antibiotic agent (cefazolin, vancomycin), not only antibiotics?"""
        return any(self._kinds.get(c) == "drug" and _ANTIBIOTIC in self.lexicon.broader_closure([c])
                   for b in bullets for c in b.sentence.concepts)

    def _unsaid_drugs(self, q: Question, bullets: Sequence[Bullet], rule: str = "") -> list[str]:
        """The drugs an emergency question names itself, not told given, that no bullet names (nor a class of theirs):
        a treatment the sources do not give for the picture ("should we give high dose steroids for the cord infarct?");
        never the drug that causes the picture (the pump's morphine in an opioid overdose: "is IT morphine ok on dialysis?")."""
        lx = self.lexicon.concepts
        causes = set(_PICTURE_CAUSES.get(rule, ()))
        # (only a drug the turn asks about giving, "should we give…", 要不要上…: not one told as the patient's, "she's on
        # eliquis btw", nor the injectate told as used)
        asked = [m.concept for m in q.matches if m.concept in lx and lx[m.concept].kind in ("drug", "drug-class", "brand")
                 and (_GIVE_ASK[q.lang].search(q.text[max(0, m.start - 25):m.start])
                      # (or asked as the choice: "which abx empirically while we wait - vanc?", "用万古霉素吗？")
                      or (bool(_DRUG_QUERIED[q.lang].match(q.text, m.end)) and bool(_WHICH_DRUG[q.lang].search(q.text[:m.start])))
                      or bool(_ASKED_AFTER[q.lang].match(q.text, m.end)))
                 and not _TAKES[q.lang].search(q.text[max(0, m.start - 12):m.start])]
        own = [c for c in asked if self.retriever.by_concept.get(c)]  # (one no passage names gets "Nothing on …" instead)
        said = set().union(*(b.sentence.concepts for b in bullets)) if bullets else set()
        given = self._given(q)
        # (a class names the drug's place in the steps, "benzodiazepine" for midazolam; not "antibiotics" for which one)
        return [c for c in dict.fromkeys(own) if not causes & set(self.lexicon.broader_closure([c]))
                and not (set(self.lexicon.broader_closure([c])) - (_ANY_OF_MANY - {c})) & (said | given)]

    def _asks_of_drug(self, q: Question, part: Part, given: bool = False) -> bool:
        """Does a part of an emergency question ask about a drug (naloxone, a lipid emulsion; or the one named before it,
        "用多久？")? Its dose is not asked when the part tells it given ("gave naloxone 0.4 mg dose, RR still 6"); how long
        to go on giving it may be (`given`)."""
        lx = self.lexicon.concepts
        drugs = [c for c in (*part.concepts, *part.inherited) if c in lx and lx[c].kind in ("drug", "drug-class", "brand")]
        # ("after naloxone 0.4mg RR still 6 - how much more naloxone?": more of the drug given is still a dose asked)
        return bool(drugs) and (given or _MORE_OF.search(q.text) is not None
                                or not set(self.lexicon.broader_closure(drugs)) & self._given(q))

    def _other_systemic(self, q: Question, rule: str) -> Callable[[Sentence], bool]:
        """Is a sentence about another pathway's systemic reaction than the question describes (a faint's care in a
        febrile patient with a weak hand, a lipid dose beside an anaphylaxis)?"""
        asked = set(self.lexicon.broader_closure(list(q.all_concepts)))
        # (a pump's baclofen withdrawal beside a fever after an SCS trial: another picture, unless the question names
        # baclofen or a pump)
        pump = {"baclofen", "intrathecal-drug-delivery", "intrathecal-pump"} & asked
        others = {PATHWAY_TOPICS[r] for r in (*SYSTEMIC_PATHWAYS, *(() if pump else ("baclofen-withdrawal",)))
                  if r != rule and r in PATHWAY_TOPICS} - asked
        others.discard(PATHWAY_TOPICS.get(rule, ""))
        return lambda s: bool(others & s.concepts)

    def _protocol(self, q: Question, lang: Lang) -> Triage:  # (what follows the result, not the steps that led to the scan)
        """The pathway protocol for a one-part question that asks how to treat a complication a pathway covers."""
        if len(q.parts) != 1 or not q.aspects or q.aspects[0] != "action":
            return Triage(False)
        cue = ASPECTS["action"][2 if lang == "zh" else 1]
        details = [t for t in q.parts[0].terms if len(t) > 1 and not t.isdigit() and t != "kg" and not re.search(cue, t, re.I)]
        # (nor one told silent: "胸片肺内有水泥影，病人没症状，需要处理吗" asks whether anything is needed)
        if details or _RESULT_TOLD.search(q.text) or NO_SYMPTOMS_ASK.search(q.text):  # a specific ask (reporting afterwards, a symptomatic case): the ordinary
            return Triage(False)  # answer fits it better (and after the scan's result, "CTPA: small peripheral emboli only", the
        return protocol_for(set(self.lexicon.broader_closure(list(q.concepts))), lang)

    def _home(self, chunk: Chunk) -> frozenset[str]:
        """The concepts a document is about: those its title names (a user's document has none)."""
        return self.lexicon.tags(chunk.title) if chunk.origin == "bundled" else frozenset()

    def _neighbours(self, hits: list[Hit]) -> list[Hit]:
        """The passages just before and after the best hits in the same section (a regimen split over two passages, the
        sentence a figure leans on), ranked just below the hit they sit next to."""
        have = {h.chunk.id for h in hits}
        out: list[Hit] = []
        for h in hits:
            for c in self.retriever.neighbours(h.chunk):
                if c.id not in have:
                    have.add(c.id)
                    out.append(Hit(c, 0.0, h.rank + 1, h.retrievers, h.dense, h.lexical))
        return out

    def _render(self, q: Question, lang: Lang, bullets: list[Bullet], verdict: Verdict, tri: Triage) -> Answer:
        """Answer text with [n] markers, headings when the answer spans parts or aspects, and notes."""
        cites = Citer(self.references)
        lines = self._lead_notes(q, lang, verdict, tri.urgent, bullets)
        answered = {b.part for b in bullets}
        gaps = [i for i in self._gaps(q, verdict, answered, tri.urgent) if not self._next_step_beside(q, i, bullets)]
        first = min(answered, default=0)
        # a first part the sources do not answer is said first, not after the rest (in an emergency, every one: the steps go
        # under no part's heading)
        ahead = [i for i in gaps if i < first or tri.urgent]
        lines.extend(NOTE_PREFIX + _PART_MISSING[lang].format(part=_short(q.parts[i].text)) for i in ahead)
        lines.extend(self._condition_note(q, lang, bullets, tri.urgent))
        resume = "" if tri.urgent else self._resume_after(q, bullets)
        # (not once the wound told read the picture as the implant's infection: its explant is the next step)
        ruled = self._ruled_out_named(q) if tri.urgent and not (tri.rule == "implant-infection" and _SITE_WORD.search(q.text)) else []
        if ruled:  # "MRI done, no haematoma - now what?": the sources stop at the work-up
            lines.append(NOTE_PREFIX + _RULED_OUT[lang].format(conditions=_join([self._name(c, lang) for c in ruled], lang)))
        if resume:  # "stable now - OK to carry on / send her home?"
            lines.append(NOTE_PREFIX + _NO_RESUME[lang].format(condition=self._name(resume, lang)))
        elif not tri.urgent:
            lines.extend(self._nothing_said(q, lang, bullets))
        # asked for a dose: none of the part's bullets gives one
        # (a part answered together with another, "which one and what dose of dex?", is judged by their bullets)
        # (in an emergency a drug's dose part left without bullets of its own, "纳洛酮怎么给？", is judged by the steps)
        told = {i: [b for b in bullets if b.part == i] or bullets for i in range(len(q.parts))
                if bullets and (i in answered or i not in gaps or (tri.urgent and self._asks_of_drug(q, q.parts[i])))}
        # (in an emergency, only a drug's dose asked by name, "naloxone dose?": the actions still follow at once)
        unsaid = self._unsaid_drugs(q, bullets, tri.rule) if tri.urgent else []
        if unsaid:  # "should we give high dose steroids for the cord infarct?": not one of the pathway's steps
            condition = self._name(PATHWAY_TOPICS[tri.rule], lang) if tri.rule in PATHWAY_TOPICS else \
                _PICTURES.get(tri.rule, {}).get(lang, tri.rule)
            lines.append(NOTE_PREFIX + _NO_SUCH_DRUG[lang].format(drugs=_join([self._said(q, c, lang) for c in unsaid], lang),
                                                                  condition=condition))
        # ("…purulent drainage at the lead exit site. Do I pull the leads and what antibiotics?": no agent named for it)
        lines.extend(NOTE_PREFIX + _NO_REGIMEN[lang].format(part=_short(p.text)) for p in q.parts
                     if tri.urgent and len(q.parts) > 1 and _WHICH_ANTIBIOTIC.search(p.text) and not self._names_antibiotic(bullets))
        lines.extend(NOTE_PREFIX + (_NO_REGIMEN if _REGIMEN_ASKED.search(p.text) else _NO_DOSE)[lang].format(part=_short(p.text))
                     for i, p in enumerate(q.parts)
                     if i in told and lacks_asked_dose(p, told[i]) and (not tri.urgent or (self._asks_of_drug(q, p) and _DOSE_ASKED.search(p.text)))
                     and not set(unsaid) & set(p.concepts))
        # (and how long a drug is given, "MRSA - which antibiotic, how long?", in an emergency too)
        # (a span given under another part answers it too: "正常吗 多久好" - "neuritis resolves within weeks" under the first)
        # (a drug's watch lent to a settled picture, "24 h after the first neuraxial dose of morphine" after a pump overdose,
        # is no length of time for the picture itself)
        picture = resume or PATHWAY_TOPICS.get(tri.rule, "")
        lent = {c for c in _WATCHED_AFTER.get(picture, ()) if self._kinds.get(c) == "drug"}
        lines.extend(NOTE_PREFIX + _NO_SPAN[lang].format(part=_short(p.text)) for i, p in enumerate(q.parts)
                     if i in told and lacks_asked_span(p, [b for b in bullets if (b.part == i or {*p.concepts, *p.inherited} & b.sentence.concepts)
                                                           and not (lent & b.sentence.concepts and picture not in b.sentence.concepts)])
                     and (not tri.urgent or self._asks_of_drug(q, p, given=True)))
        lines = _span_said_once(lines, lang) if resume else lines
        lines.extend([] if tri.urgent else self._no_interval(q, lang, bullets))  # "fish oil + ginkgo + garlic, SCS trial - stop them?"
        lines.extend([] if tri.urgent else self._no_added_adrenaline(q, lang))  # "max bupivacaine … and with adrenaline?"
        lines.extend(NOTE_PREFIX + _NO_RESTART[lang].format(part=_short(p.text)) for i, p in enumerate(q.parts)
                     if i in told and not tri.urgent and lacks_restart(p, told[i]))  # (fondaparinux's restart: none given)
        if not tri.urgent:
            lines.extend(NOTE_PREFIX + _NO_CONTRA[lang].format(part=_short(p.text)) for i, p in enumerate(q.parts)
                         if i in told and lacks_contraindications(p, told[i]))
            lines.extend(NOTE_PREFIX + _NO_FIGURE[lang].format(part=_short(p.text)) for i, p in enumerate(q.parts)
                         if i in told and lacks_asked_figure(p, told[i]))
        meta: list[dict[str, object]] = []
        multi = len(answered) > 1 or bool(gaps)  # the part answered goes under its own heading beside the one that is not
        runs = [g for i, g in enumerate(map(_hgroup, bullets)) if not i or g != _hgroup(bullets[i - 1])]
        # (a lead out of reading order would repeat a heading: the answer then goes without them)
        by_group = not multi and not tri.urgent and len(bullets) >= 4 and len(set(runs)) >= 2 and len(runs) == len(set(runs))
        last_heading = ""
        timed = dosed = False  # the times told are worked beside the first cited interval only; the first dose says how
        said_kinds: set[str] = set()
        low_lead = bool(bullets) and LOW_RISK in bullets[0].sentence.concepts and not HIGHER_RISK & bullets[0].sentence.concepts
        for b in bullets:
            heading = _heading(b, q, lang, tri.urgent, multi, by_group)
            if heading and heading != last_heading:
                lines.append(heading)
                last_heading = heading
            c = b.sentence.chunk
            n = cites.number(c, b.sentence.text)
            mark = marker(n, c, lang)
            lines.append(f"- {b.sentence.quoted} {mark}")
            meta.append({"text": b.sentence.quoted, "n": [n], "group": b.sentence.group, "part": b.part, "kind": b.kind})
            kind, worked = self._numbers.worked(q, lang, b, mark, tri.urgent, timed, dosed)
            if worked and kind in said_kinds and kind not in ("hours", "dose"):
                worked = ""  # (an INR told is said once, beside the first sentence asking for a normalised one)
            said_kinds.add(kind)
            if worked and kind == "hours" and low_lead:  # ("lumbar MBB ... lovenox last dose 8pm, ok?": the class may need no stop)
                worked = f"{worked[: -len(mark)].rstrip()}{_IF_STOPPED[lang]} {mark}" if worked.endswith(mark) else worked + _IF_STOPPED[lang]
            if worked:
                lines.append(f"  ↳ {worked}")  # arithmetic on the cited figures for this patient, said as such
                meta[-1]["worked"] = worked
                timed, dosed = timed or kind == "hours", dosed or kind == "dose"
        notes = self._notes(q, lang, verdict, [i for i in gaps if i not in ahead], tri.urgent)
        if q.stand_ins and not tri.urgent and self._stand_in_after(q, bullets):
            notes.append(self._stand_in_note(q, lang, after=True, bullets=bullets))
        notes[:0] = self._urgent_notes(q, lang, tri, bullets) if tri.urgent else []
        # (a complication asked about that no passage names is said before the facts that stand beside it: "long fluoro
        # time, when do we worry about skin burns?" has nothing on radiation skin injury)
        missing_first = [n for n in notes if n.startswith(NOTE_PREFIX + _NOTHING_ON[lang].split("{")[0]) and self._asked_missing(q, verdict)
                         or n.startswith(NOTE_PREFIX + _ELSEWHERE_LEAD[lang].split("{")[0])]  # (a borrowed step's note: before it)
        lines[:0], notes = missing_first, [n for n in notes if n not in missing_first]
        body = "\n".join(_said_once(lines) + ([""] if notes else []) + notes)
        text = f"{tri.escalation}\n\n{body}" if tri.escalation else body
        parts = [{"question": p.text, "covered": (verdict.covered[i] if i < len(verdict.covered) else True)}
                 for i, p in enumerate(q.parts)]
        return Answer(question=q.original, lang=lang, text=text, citations=cites.citations, verdict=verdict.kind if not tri.urgent else "answered",
                      bullets=meta, parts=parts)

    def _drug_blamed(self, q: Question, c: str) -> bool:
        """Is the drug what a part asks about as the cause ("is this the ziconotide?", 是不是加巴喷丁引起的), not the patient's
        background ("diabetic on insulin, … should I increase her insulin?")?"""
        return self._kinds.get(c) in ("drug", "drug-class") and any(c in p.concepts and _CAUSE_ASK.search(p.text) for p in q.parts)

    def _asked_missing(self, q: Question, verdict: Verdict) -> bool:
        """Is a complication the question asks about one that no passage names?"""
        # (or the question's one subject: "输血小板到多少可以做？" has nothing on platelet transfusion, said before the rest)
        # (or a drug a part asks about as the cause, "is this the ziconotide?", however many subjects the question has)
        return any((self._kinds.get(c) == "complication" and c in q.subjects
                    or q.subjects == (c,) and self._kinds.get(c) in ("procedure", "drug", "drug-class")
                    or self._drug_blamed(q, c)
                    # (or a drug every part of several is about: "齐考诺肽能和吗啡一起用吗，有啥副作用要注意")
                    or self._kinds.get(c) in ("drug", "drug-class") and _every_part_about(q, c)
                    # (or the drug whose hold or safety is asked: "溶栓治疗后多久可以做硬膜外注射？")
                    or self._kinds.get(c) in ("drug", "drug-class") and c in q.concepts and bool(DRUG_DECISION.intersection(q.aspects) or "timing" in q.aspects))
                   and not self.retriever.by_concept.get(c) for c in verdict.missing)

    def _stand_in_note(self, q: Question, lang: Lang, after: bool = False, bullets: Sequence[Bullet] | None = None) -> str:
        """"血小板5万 能做ILESI吗": no figure for the platelet count itself, then what the sources have."""
        conditions = self._stand_in_conditions(q)
        # (nor a condition the answer then says nothing of: "platelets 60, max bupivacaine?" gets the drug's maximum)
        if not conditions or (bullets is not None and not any(set(conditions) & b.sentence.concepts for b in bullets)):
            return NOTE_PREFIX + _NOTHING_ON[lang].format(terms=_join([self._name(c, lang) for c in q.stand_ins], lang))
        return NOTE_PREFIX + (_STAND_IN_AFTER if after else _STAND_IN)[lang].format(
            finding=_join([self._said(q, c, lang) for c in q.stand_ins], lang), condition=_join([self._name(c, lang) for c in conditions], lang))

    def _stand_in_after(self, q: Question, bullets: Sequence[Bullet]) -> bool:
        """Does the answer lead with the condition the told value stands for ("CrCl 45": the interval for impaired renal
        function)? Then that there is no figure for the value itself is said after it, not before the answer."""
        conditions = set(self._stand_in_conditions(q))
        # (the value's own threshold asked, "what's the minimum platelet count to proceed?", 升到多少可以做: its absence first)
        return bool(conditions and bullets and conditions & bullets[0].sentence.concepts) and not _VALUE_ASKED.search(q.text)

    def _general_notes(self, q: Question, lang: Lang, bullets: Sequence[Bullet], urgent: bool = False) -> list[str]:
        """What the answer says instead of the asked procedure or drug: its broader one (ozone nucleolysis: intradiscal
        procedures; celecoxib: its own label decides), or a related one (DRG: what SCS's passages say, unless its own are
        shown). In an emergency, only over steps that name the broader one (LAST's steps after a lumbar plexus block are
        the toxicity's, about no block)."""
        lines: list[str] = []
        for specific, general in q.generalised:
            note = _CLASS_ONLY if self._kinds.get(specific) == "drug" else _GENERAL_ONLY
            if (note is _CLASS_ONLY or urgent) and not any(general in b.sentence.concepts for b in bullets):
                continue  # ("…below is what it says of neuropathic pain medication" over bullets that never name it)
            if general not in self.lexicon.broader_closure([specific]):
                if any(specific in b.sentence.concepts for b in bullets):
                    continue
                note = _SIBLING_ONLY
            lines.append(NOTE_PREFIX + note[lang].format(specific=self._said(q, specific, lang), general=self._name(general, lang)))
        return lines

    def _about_others(self, q: Question, lang: Lang, bullets: Sequence[Bullet], urgent: bool) -> list[str]:
        """One procedure asked that no bullet names (nor one linked to it in the lexicon), while the bullets are about
        other procedures ("lumbar sympathetic block complications?": the stellate ganglion block's passages): said
        first, so no figure is read as its own. The procedures named are those the bullets name most often."""
        lx = self.lexicon.concepts
        asked = [c for c in q.concepts if self._kinds.get(c) == "procedure" and c not in self._adjuncts and c in lx]
        if not asked and q.followup and ACTIVITY_CONCEPTS & set(q.concepts):  # ("can they drive yet?" after an SCS implant)
            told = [c for c in q.context_concepts if self._kinds.get(c) == "procedure" and c not in self._adjuncts and c in lx]
            asked = [c for c in told if not any(c in self.lexicon.broader_closure([d])[1:] for d in told)]
        if urgent or len(asked) != 1 or len(q.parts) > 1 and not q.followup or not bullets:
            return []
        near = {x for x in (asked[0], *lx[asked[0]].related) if self._kinds.get(x) == "procedure"} | {
            c for c, k in self._kinds.items() if k == "procedure" and c in lx and asked[0] in lx[c].related}
        # (nor a rule said of one procedure "and other blocks that include a local anaesthetic": no driving after a root block;
        # an implant is no such block)
        implant = bool(set(self.lexicon.broader_closure([asked[0]])) & IMPLANTS)
        if any(near & b.sentence.concepts or not implant and AND_OTHERS[b.sentence.chunk.lang].search(b.sentence.text) for b in bullets):
            return []
        # (a procedure of one region, "颈椎硬膜外注射", is named by a sentence naming that region and a kind of its broader
        # procedure: the cervical interlaminar ESI)
        regions = self._regional.get(asked[0], (frozenset(), frozenset()))[0]
        broader = set(self.lexicon.broader_closure([asked[0]])[1:2])  # (its nearest broader procedure only: ESI, not neuraxial)
        # (or one said of every level: "Narouze 2018 grades IL and TF ESI at all levels intermediate risk", for a cervical ESI)
        if regions and any((regions & b.sentence.concepts or _ALL_LEVELS.search(b.sentence.text)) and any(broader & set(self.lexicon.broader_closure([c])[1:])
                                                                 for c in b.sentence.concepts if self._kinds.get(c) == "procedure")
                           for b in bullets):
            return []
        wider = set(self.lexicon.broader_closure([asked[0]]))
        others = [sorted(c for c in b.sentence.concepts if self._kinds.get(c) == "procedure" and c not in self._adjuncts and c not in wider)
                  for b in bullets]
        if 2 * sum(1 for o in others if o) < len(bullets):  # (most bullets name no other procedure: contrast premedication)
            return []
        count = Counter(c for o in others for c in o if not any(c in self.lexicon.broader_closure([x])[1:] for x in o))
        first: dict[str, int] = {}
        for i, o in enumerate(others):  # (the bullet each procedure is first named in breaks a tie)
            for c in o:
                first.setdefault(c, i)
        named = sorted(count, key=lambda c: (-count[c], first[c], c))[:2]
        return [NOTE_PREFIX + _OTHERS_ONLY[lang].format(specific=self._said(q, asked[0], lang),
                                                         general=_join([self._name(c, lang) for c in named], lang))]

    def _step_elsewhere(self, q: Question, lang: Lang, bullets: Sequence[Bullet], urgent: bool) -> list[str]:
        """What to do asked for one procedure, whose leading step is stated for another procedure only, while no step of
        the answer names the asked one ("IT pump pocket red and swollen with discharge, what now?": the explant rule is
        SCS's): said first, so the step is not read as the asked procedure's own."""
        procs = self._asked_procedures(q) or list(dict.fromkeys(  # (an implanted pump stands for its procedure)
            b for c in q.subjects if self._kinds.get(c) == "equipment" for b in self.lexicon.broader_closure([c])[1:2]
            if self._kinds.get(b) == "procedure"))
        if urgent or "action" not in q.aspects or len(procs) != 1 or not bullets or not bullets[0].sentence.action:
            return []
        own = set(self.lexicon.broader_closure(procs))
        lead = self._procedures_named(bullets[0].sentence)
        if procs[0] in lead:  # (a step stated for both: "…during vertebroplasty or kyphoplasty")
            return []
        named = [c for c in lead if c not in own and procs[0] not in self.lexicon.broader_closure([c])]
        harms = {c for c in q.subjects if self._kinds.get(c) == "complication"}  # (a step for the harm asked, not a differential)
        if not named or any(b.sentence.action and (own - _TOO_BROAD) & set(self._procedures_named(b.sentence))
                            and (not harms or harms & b.sentence.concepts) for b in bullets):
            return []
        named = [c for c in named if not any(c in self.lexicon.broader_closure([d])[1:] for d in named)]
        said = next((c for c in q.subjects if procs[0] in self.lexicon.broader_closure([c])), procs[0])  # (the pump, as told)
        return [self._elsewhere_note(q, lang, named, said)]

    def _elsewhere_note(self, q: Question, lang: Lang, named: Sequence[str], said: str) -> str:
        """"The first point is stated for <named>; … none for <said> itself": said before the step it is about (urgent or not)."""
        return NOTE_PREFIX + _ELSEWHERE_LEAD[lang].format(named=_join([self._name(c, lang) for c in named[:2]], lang),
                                                          procedure=self._said(q, said, lang))

    def _lead_notes(self, q: Question, lang: Lang, verdict: Verdict, urgent: bool = False, bullets: Sequence[Bullet] = ()) -> list[str]:
        """What the answer is not about, said before its facts (in an emergency, not that a told lab value has no figure
        of its own: the actions come first)."""
        lines: list[str] = []
        if q.stand_ins and not urgent and not self._stand_in_after(q, bullets):
            lines.append(self._stand_in_note(q, lang, bullets=bullets))
        if q.beside_drug:  # genicular RFA: the local anaesthetic's own maximum, said to be no figure for the procedure
            lines.append(NOTE_PREFIX + _DRUG_OWN_LIMIT[lang].format(procedure=_join([self._said(q, c, lang) for c in q.beside_drug], lang)))
        lines.extend(self._general_notes(q, lang, bullets, urgent) or (self._technique_note(q, lang, verdict, bullets) if not urgent else [])
                     or self._about_others(q, lang, bullets, urgent) or self._step_elsewhere(q, lang, bullets, urgent))
        lines.extend([] if urgent else self._unclassed_note(q, lang, bullets) or self._sibling_class_note(q, lang, bullets)
                     or self._low_class_note(q, lang, bullets))
        unnamed = [] if urgent else self._unknown_drugs(q)
        foreign, ours = self._beside_ours(q, verdict, bullets)
        foreign = [] if set(foreign) <= set(unnamed) else foreign  # ("humira … stop it?": its hold note says it once)
        ours = ours or [self._said(q, c, lang) for c in self._procedures_told(q)[:2] if c in self.lexicon.concepts]
        if foreign:  # "covid booster yesterday, ESI today?": the vaccine is not covered, the ESI is (said before its facts)
            lines.append(NOTE_PREFIX + _BESIDE_OURS[lang].format(foreign=_join(foreign, lang), ours=_join(ours, lang)))
        elif not urgent and (unsaid := self._conditions_unsaid(q, bullets)):  # "BP 190/105 … SIJ injection, do I cancel?"
            lines.append(NOTE_PREFIX + _BESIDE_OURS[lang].format(foreign=_join(unsaid, lang), ours=_join(ours, lang)))
        if not urgent and self._telling_asked(q) and self._emergency_before(q).urgent:
            lines.append(NOTE_PREFIX + _NO_TELLING[lang])  # ("血压回来了 人也醒了 家属在外面怎么交代" after a LAST)
        missing, others, about = ([], [], []) if urgent else self._one_sided(q, lang)
        if missing:  # "is lead migration more common with DRG or with SCS?": the DRG side is not there
            lines.append(NOTE_PREFIX + _ONE_SIDED[lang].format(missing=_join(missing, lang), others=_join(others, lang),
                                                               about=_join(about, lang)))
        elif not urgent and (sides := self._uncompared(q, lang) or self._uncompared_harm(q, lang)):  # "cooled vs conventional RF - which is better?"
            lines.append(NOTE_PREFIX + _UNCOMPARED[lang].format(sides=_join(sides, lang)))
        if not urgent and self._restart_with_lead_in(q):  # a DOAC restarted "24 h after" an SCS trial: after what?
            lines.append(NOTE_PREFIX + _LEAD_IN[lang])
        if bullets and not urgent and (idle := unsaid_activities(q, bullets)):  # "wet tap … flying tomorrow": nothing on the flight
            lines.append(NOTE_PREFIX + _NO_ACTIVITY[lang].format(what=_join(idle, lang)))
        if unnamed:  # "Aggrenox - stop it? how long?": say first that the drug's interval is not here, not after a list
            lines.append(NOTE_PREFIX + _UNKNOWN_DRUG[lang].format(terms=_join(unnamed, lang), its="Their hold intervals are" if len(unnamed) > 1 else "Its hold interval is"))
        return lines

    def _urgent_notes(self, q: Question, lang: Lang, tri: Triage, bullets: Sequence[Bullet]) -> list[str]:
        """What an emergency's answer says the sources do not give, before its other notes."""
        notes: list[str] = []
        if (src := borrowed_steps(tri.rule, [b.sentence.chunk.doc_id for b in bullets if b.kind == "action"])):
            notes.append(NOTE_PREFIX + _BORROWED[lang].format(condition=self._name(PATHWAY_TOPICS.get(tri.rule, tri.rule), lang),
                                                              source=self._name(PATHWAY_TOPICS.get(src, src), lang)))
        if tri.rule == "implant-infection" and (elsewhere := self._pathway_step_elsewhere(q, lang, tri.rule, bullets)):
            notes.append(elsewhere)  # (an infected pump: the explant rule quoted is the SCS's)
        if tri.rule == "neuraxial-deficit" and self._anticoagulated(q) and not any(_REVERSAL[lang].search(b.sentence.text) for b in bullets):
            notes.append(NOTE_PREFIX + _NO_REVERSAL[lang])  # (a haematoma on an anticoagulant: the sources stop at surgery)
        if self._telling_asked(q):  # "what do I tell the family?" mid-emergency
            notes.append(NOTE_PREFIX + _NO_TELLING[lang])
        if tri.docs and _tried_first_line(q) and not any(_NEXT_STEP[lang].search(b.sentence.text) for b in bullets):
            notes.append(NOTE_PREFIX + _NO_NEXT_STEP[lang])  # (no repeat or second-line dose for this picture: said so)
        elif bullets and not any(b.kind == "action" for b in bullets) and tri.rule in PATHWAY_TOPICS:
            # (baclofen withdrawal: the sources warn of it and give no treatment; said so, not left to the banner alone)
            # (an infected implant's picture with no abscess named, a pump patient's meningism: the device infection or meningitis)
            condition = _DEVICE_INFECTION[lang] if tri.rule == "implant-infection" and "epidural-abscess" not in q.all_concepts \
                else self._name(PATHWAY_TOPICS[tri.rule], lang)
            notes.append(NOTE_PREFIX + _NO_STEPS_HERE[lang].format(condition=condition))
        elif not bullets and tri.rule not in NO_PROTOCOL and (procs := self._procedures_told(q)):  # (its banner says it has none)
            # (a fever days after a facet injection: the pathway's steps are written for other procedures; said so, not a
            # banner left alone)
            notes.append(NOTE_PREFIX + _NO_STEPS_FOR[lang].format(procedure=self._said(q, procs[0], lang)))
        return notes

    def _one_sided(self, q: Question, lang: Lang) -> tuple[list[str], list[str], list[str]]:
        """The sides of a comparison of procedures (its first comparing part) that no sentence of the knowledge base names with the harm
        compared ("is lead migration more common with DRG or with conventional SCS?": the migration figures are SCS's),
        the sides it does, and the harm, in the question's words; nothing when every side or none is there."""
        sides, about = self._harm_sides(q, devices=False)  # (a device's harms are often told as its procedure's context)
        if not sides:
            return [], [], []
        missing = [c for c in sides if not self._named_with(c, about, lang)]
        if not missing or len(missing) == len(sides):
            return [], [], []
        return ([self._name(c, lang) for c in missing], [self._name(c, lang) for c in sides if c not in missing],
                [self._said(q, c, lang) for c in about])

    def _harm_sides(self, q: Question, devices: bool = True) -> tuple[list[str], list[str]]:
        """The procedures a comparison (its first comparing part) weighs on a harm, an implanted device standing for its
        procedure ("SCS 和 鞘内泵 感染率哪个高": SCS and intrathecal drug delivery), and the harm; nothing unless two sides
        and a harm are asked."""
        part = _comparing_part(q)
        if part is None or part.aspects[:1] in (("action",), ("escalation",)):
            return [], []  # ("conservative mx vs blood patch - when do we go to EBP?": treatments weighed, not harms)
        named = (*part.concepts, *part.inherited)
        procedures = [c for c in named if self._kinds.get(c) == "procedure"]
        implanted = self.lexicon.device_procedures(named) if devices else []
        sides = self._without_their_class(list(dict.fromkeys([*procedures, *implanted])))
        about = [c for c in named if self._kinds.get(c) in ("complication", "finding")]
        if TREATMENTS_TOLD & set(sides):
            return [], []  # (a treatment of the complication is a side: its care is weighed, not its harms)
        return (sides, about) if len(sides) >= 2 and about else ([], [])

    def _each_side(self, q: Question, lang: Lang, bullets: list[Bullet]) -> list[Bullet]:
        """A harm compared between two procedures that no bullet gives together ("SCS 和 鞘内泵 感染率哪个高"): each side's
        best figure for the harm leads, one per side, in the order asked (found in the knowledge base when not retrieved),
        before the rest; a note says when the sources do not compare them (`_uncompared_harm`)."""
        sides, about = self._harm_sides(q)
        if len(sides) != 2 or any(set(sides) <= set(self.lexicon.broader_closure(b.sentence.concepts)) and COUNT.search(b.sentence.text)
                                  for b in bullets):
            return bullets
        # (a sentence of the knowledge base weighing both, "PVP 39.3% vs PKP 28.9%", leads when the search missed it)
        weighing = next((x for x in self._bundled_sentences(lang, [sides[0]], [sides[1]], about)
                         if PERCENTS.search(x.text) and not x.provenance and set(sides) <= set(self.lexicon.broader_closure(x.concepts))
                         and set(about) & set(x.concepts)), None)
        if weighing is not None:
            return [Bullet(weighing, 0, 1.0, "fact"), *(b for b in bullets if b.sentence.text != weighing.text)]
        figures = [self._side_figure(side, about, lang, bullets) for side in sides]
        if any(f is None for f in figures):
            return bullets  # (a side with no figure: `_one_sided` says so)
        lead = [f for f in figures if f is not None]  # (all found: typed for the checker)
        # (then what else gives a figure, or a note or a sentence weighing them: a side's overview sentence compares nothing)
        rest = [b for b in bullets if b.sentence.text not in {x.text for x in lead}
                and (b.kind == "note" or b.sentence.group == "evidence" or COUNT.search(b.sentence.text) or COMPARATIVE.search(b.sentence.text))]
        return [*(Bullet(x, 0, 1.0, "fact") for x in lead), *rest]

    def _uncompared_harm(self, q: Question, lang: Lang) -> list[str]:
        """The two procedures a harm is compared between when no sentence of the knowledge base names both with it."""
        sides, about = self._harm_sides(q)
        if len(sides) != 2 or self._bundled_sentences(lang, [sides[0]], [sides[1]], about):
            return []
        return [self._name(c, lang) for c in sides]

    def _side_figure(self, side: str, about: Sequence[str], lang: Lang, bullets: Sequence[Bullet]) -> Sentence | None:
        """The sentence giving a figure for the harm with the procedure: a bullet's first, else the knowledge base's that
        names fewest other procedures."""
        def gives(x: Sentence) -> bool:
            named = set(self.lexicon.broader_closure(x.concepts))
            return side in named and not named.isdisjoint(about) and bool(COUNT.search(x.text)) and not x.provenance
        found = next((b.sentence for b in bullets if gives(b.sentence)), None)
        if found is not None:
            return found
        # (a percentage before a count of cases, "(1/17)" of leaks needing surgery; then the fewest other procedures named)
        pool = sorted((x for x in self._bundled_sentences(lang, [side], about) if gives(x)),
                      key=lambda x: (not PERCENTS.search(x.text), sum(self._kinds.get(c) == "procedure" and c != side for c in x.concepts)))
        return pool[0] if pool else None

    def _uncompared(self, q: Question, lang: Lang) -> list[str]:
        """The two sides of a comparison that asks no harm ("which is better?") when no sentence of the knowledge base
        names both; a class beside its member is a side when called conventional ("cooled vs conventional RF")."""
        part = _comparing_part(q)
        if part is None or any(self._kinds.get(c) in ("complication", "finding") for c in part.concepts):
            return []
        sides = [c for c in part.concepts if self._kinds.get(c) in ("procedure", "drug", "drug-class", "equipment")]
        if not _CONVENTIONAL.search(part.text):
            sides = self._without_their_class(sides)
        if len(sides) == 3:  # ("CT vs fluoro for cervical TFESI": the two guidances weighed, for the procedure named)
            guides = [c for c in sides if not self.retriever.framer.is_anchor(c)]
            sides = guides if len(guides) == 2 else sides
        # (a scan weighed against fluoroscopy is the guidance: "CT vs fluoro")
        coarse = ["equipment" if c in IMAGING else {"drug-class": "drug"}.get(self._kinds.get(c, ""), self._kinds.get(c, "")) for c in sides]
        if len(sides) != 2 or coarse[0] != coarse[1]:  # (a drug is no side beside a procedure; a drug and a class are)
            return []
        # (a class and its member: a sentence on the member names the class through it; the conventional one must be said)
        member = next((a for a in sides for b in sides if a != b and b in self.lexicon.broader_closure([a])), None)
        if member is not None:
            if self._named_with(member, [member], lang, _CONVENTIONAL):
                return []
        elif self._named_with(sides[0], [sides[1]], lang, COMPARATIVE) or self._named_with(sides[1], [sides[0]], lang, COMPARATIVE):
            return []  # (a sentence weighing them: a bleeding-risk list naming both compares nothing)
        # (another specialty's procedure in the question's words: "microdiscectomy", not its concept's first name)
        return [("conventional " if lang == "en" else "传统") + self._name(c, lang)
                if _CONVENTIONAL.search(part.text) and c in self.lexicon.broader_closure([sides[1 - i]])
                else self._said(q, c, lang) if c in q.out_of_scope else self._name(c, lang)
                for i, c in enumerate(sides)]

    def _without_their_class(self, sides: Sequence[str]) -> list[str]:
        """The sides weighed, without the class two of them belong to (ESI beside IL and TF ESI)."""
        return [c for c in sides if not any(c != d and c in self.lexicon.broader_closure([d]) for d in sides)]

    def _named_with(self, side: str, about: Sequence[str], lang: Lang, words: re.Pattern[str] | None = None) -> bool:
        """Does a sentence of the bundled knowledge base name the procedure with one of the harms (and with `words`)?"""
        for sent in self._bundled_sentences(lang, [side], about):
            named = set(self.lexicon.broader_closure(sent.concepts))
            if side in named and not named.isdisjoint(about) and (words is None or words.search(sent.text)):
                return True
        return False

    def _unknown_drugs(self, q: Question) -> list[str]:
        """Drug names the knowledge base does not know, in a question about holding or dosing a drug that names no drug
        it knows ("泰嘉75mg qd … 能不能不停？", "Aggrenox … stop it?"): a name written with a dose, a drug-like stem, or a
        capitalised Latin word."""
        if not {"hold", "dose", "timing"} & set(q.aspects):
            return []
        lx = self.lexicon.concepts
        # (a drug it knows named in this turn; one carried from the turn before does not answer for a new name: "what if we
        # bridge with cangrelor?" after ticagrelor's hold)
        if any(m.concept in lx and lx[m.concept].kind in ("drug", "drug-class", "brand") for m in q.matches):
            return []
        dosed = [u for u in q.unknown if re.search(re.escape(u) + r"\s*\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g\b|毫克|(?:qd|bid|tid|qid|qn|od|bd)\b|每[日天])",
                                                   q.text, re.I)
                 or re.search(_TAKING + re.escape(u), q.text)  # ("服用保栓通": a name told as taken is a drug's)
                 or (u not in _HELD_NOT_DRUGS and (re.search(_HELD_BEFORE + re.escape(u) + r"(?![A-Za-z])", q.text, re.I)
                                                   or re.search(re.escape(u) + _HELD_AFTER, q.text, re.I)))]
        # a drug the knowledge base names only to mark it out of scope ("hold Ozempic before the SCS trial?"): another
        # specialty's drug, whose hold interval is not here either
        outside = [m.surface for m in q.matches if "hold" in q.aspects and m.concept in q.out_of_scope
                   and m.concept in lx and any(map(drug_like, lx[m.concept].en))]
        # (a capitalised name is a brand, Aggrenox; an acronym in capitals is a condition or a test, PTSD, CRPS)
        return list(dict.fromkeys(dosed + outside + [u for u in q.unknown if drug_like(u) or (u.isascii() and u[:1].isupper() and not u.isupper())]))

    def _condition_note(self, q: Question, lang: Lang, bullets: Sequence[Bullet], urgent: bool) -> list[str]:
        """The note that the passages found say nothing of the condition a follow-up told (see `_unnamed_conditions`)."""
        unnamed = self._unnamed_conditions(q, bullets, urgent)
        return [NOTE_PREFIX + _NOT_FOR[lang].format(conditions=_join([self._name(c, lang) for c in unnamed], lang))] if unnamed else []

    def _unnamed_conditions(self, q: Question, bullets: Sequence[Bullet], urgent: bool) -> list[str]:
        """"and if she's penicillin allergic?" after the SCS implant's antibiotics: a follow-up that adds only a condition
        of the patient, which no bullet names - the answer says the sources say nothing of it for this procedure."""
        if urgent or len(q.parts) != 1 or not bullets or not condition_followup(q.parts[0], q, self._kinds):
            return []
        p = q.parts[0]
        said = set(self.lexicon.broader_closure([c for b in bullets for c in b.sentence.concepts]))
        return [c for c in p.concepts if c not in said]

    def _no_steps(self, q: Question, lang: Lang) -> str:
        """Asked what to do and no sentence says: the harms the question names ("post TFESI BP 200/110 - what should I
        do?": procedural hypertension) have no steps, or the question itself when it names none."""
        named = self._no_steps_named(q.parts[0].concepts, lang)
        return named + _WHAT_IT_HAS[lang == "zh"] if named else _NO_STEPS[lang].format(part=_short(q.parts[0].text))

    def _nothing_said(self, q: Question, lang: Lang, bullets: Sequence[Bullet]) -> list[str]:
        """The note for a single ask no bullet answers: what to do (no steps), or how to prevent a harm (no prevention)."""
        # (a step taken before the procedure to prevent a complication asked about, "check the pad's contact before RFA", is
        # no step for it now; beside a procedure planned, "pacemaker, RFA booked - anything to do differently?", it is)
        if len(q.parts) == 1 and q.parts[0].aspects[:1] == ("action",) \
                and not any(b.sentence.action and (b.sentence.group != "prevention" or not self._complication_asked(q)) for b in bullets) \
                and not (bullets and bullets[0].sentence.group == "management"):  # (a management passage's rule leads: that is what to do)
            return [NOTE_PREFIX + self._no_steps(q, lang)]  # asked what to do: nothing says
        if len(q.parts) == 1 and self._exposed_in_pregnancy(q):
            return [NOTE_PREFIX + _NO_FETAL_RISK[lang]]
        if unsaid := self._prophylaxis_unsaid(q, bullets):  # "…一点都不头痛 要预防性打血补丁吗"
            return [NOTE_PREFIX + _NO_PROPHYLAXIS[lang].format(procedure=self._name(unsaid, lang)) + _WHAT_IT_HAS[lang == "zh"]]
        if unprevented := self._unprevented(q, bullets):  # "这种情况下次怎么预防？" after a vasovagal
            return [NOTE_PREFIX + _NO_PREVENTION[lang].format(conditions=_join([self._name(c, lang) for c in unprevented], lang))
                    + _WHAT_IT_HAS[lang == "zh"]]
        return []

    def _prophylaxis_asked(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A treatment asked of as prophylaxis that no bullet gives as such (`_prophylaxis_unsaid`): what the sources say of
        the event told and the treatment, its steps first ("abort or redirect and counsel about PDPH" after a wet tap, then
        the blood patch as PDPH's treatment); nothing on another matter (gadolinium's intrathecal spread)."""
        treatment = self._prophylaxis_unsaid(q, bullets)
        if not treatment:
            return bullets
        event = {c for c in q.concepts if self._kinds.get(c) in ("complication", "finding")}
        kept = [b for b in bullets if (event | {treatment}) & b.sentence.concepts] or bullets
        # (what to do about the event in the procedure told first, then the treatment's own use; each in the order composed)
        procs = {c for c in q.concepts if self._kinds.get(c) == "procedure" and c != treatment}
        return sorted(kept, key=lambda b: -(2 * bool(event & b.sentence.concepts and procs & b.sentence.concepts)
                                             + (b.sentence.group == "management") + (treatment in b.sentence.concepts)))

    def _prophylaxis_unsaid(self, q: Question, bullets: Sequence[Bullet]) -> str:
        """A treatment asked of as prophylaxis, before any symptom ("wet tap but no headache yet - prophylactic blood
        patch?", 要预防性打血补丁吗) that no bullet gives as prophylaxis: that treatment (else empty)."""
        m = _PROPHYLACTIC_ASK[q.lang].search(q.text)
        if m is None or len(q.parts) != 1:
            return ""
        after = [x.concept for x in q.matches if x.start >= m.start() and self._kinds.get(x.concept) == "procedure"]
        if not after or any(after[0] in b.sentence.concepts and _PROPHYLACTIC_ASK[b.sentence.chunk.lang].search(b.sentence.text) for b in bullets):
            return ""
        return after[0]

    def _unprevented(self, q: Question, bullets: Sequence[Bullet]) -> list[str]:
        """How to prevent a harm asked (one part), and no prevention bullet names it: the harms the sources give no
        prevention for ("这种情况下次怎么预防？" after a vasovagal reaction)."""
        if len(q.parts) != 1 or q.parts[0].aspects[:1] != ("prevention",):
            return []
        part = q.parts[0]
        harms = [c for c in (part.concepts or part.inherited) if self._kinds.get(c) == "complication"]
        # (any prevention the answer quotes is what the sources have: slow saline against raised CSF pressure prevents the
        # retinal haemorrhage it does not name)
        if not harms or any(b.sentence.group == "prevention" for b in bullets):
            return []
        # (only a harm no prevention passage of the sources names at all: LAST's prevention exists even when the search
        # left it out, so never "no prevention measures for LAST")
        return [] if any(self._prevention_named(c) for c in harms) else harms

    def _harm_named(self, lang: Lang, bullets: list[Bullet], harms: Sequence[str]) -> list[Bullet]:
        """Under "no prevention measures for the harm. What it has on it:", only sentences that name the harm ("anything to
        do differently?" after a vasovagal during the last block: not the driving advice of another passage); with none
        retrieved, the harm's own management step (how it is handled when it comes back)."""
        # (a prevention the sources give beside the harm's name is theirs: "how do we prevent pocket fills during pump refills?"
        # is answered by the refill's own steps)
        if not bullets or any(b.sentence.group == "prevention" for b in bullets):
            return bullets
        named = [b for b in bullets if set(harms) & b.sentence.concepts]
        if named:
            return named
        own = [x for x in self._bundled_sentences(lang, harms[:1]) if x.group == "management" and harms[0] in x.concepts
               and x.action and not is_meta(x.text, x.chunk.lang) and not COUNT.search(x.text)]
        return [Bullet(x, 0, 1.0, "fact") for x in own[:1]] or bullets  # (the sources say it alike in several passages)

    def _cause_prevented(self, q: Question, lang: Lang, bullets: list[Bullet]) -> list[Bullet]:
        """How to stop a harm happening again when no prevention passage of the sources names the harm, and the harm came
        from a procedure told before that the lexicon links it to ("naloxone worked. how do we stop this happening next
        time?" after an overdose the morning of a pump refill): that procedure's own prevention sentences prevent it, and
        lead (so `_unprevented` has no "no prevention measures" note to give)."""
        if len(q.parts) != 1 or q.parts[0].aspects[:1] != ("prevention",):
            return bullets
        part, lx = q.parts[0], self.lexicon.concepts
        harms = [c for c in (part.concepts or part.inherited) if self._kinds.get(c) == "complication" and c in lx]
        prevented = [c for c in harms if self._prevention_named(c)]
        if prevented and q.followup and not part.concepts:
            # ("how do we stop this next time?" after a contrast reaction settled: the reaction's own prevention, the
            # premedication, leads; not a word on shellfish)
            if any(b.sentence.group == "prevention" and set(prevented) & b.sentence.concepts for b in bullets[:1]):
                return bullets
            docs = {b.sentence.chunk.doc_id for b in bullets}
            own = [x for x in self._bundled_sentences(lang, prevented[:1]) if x.group == "prevention" and prevented[0] in x.concepts
                   and x.chunk.doc_id in docs and not is_meta(x.text, x.chunk.lang)][:2]
            return [*(Bullet(x, 0, 1.0, "fact") for x in own), *(b for b in bullets if not same_point(b.sentence, own, lang))] if own else bullets
        if not harms or prevented:
            return bullets
        causes = [p for p in dict.fromkeys((*part.inherited, *q.context_concepts)) if self._kinds.get(p) == "procedure" and p in lx
                  and any(p in lx[h].related or h in lx[p].related for h in harms)]
        if not causes:
            return self._harm_named(lang, bullets, harms)
        if any(b.sentence.group == "prevention" and causes[0] in b.sentence.concepts for b in bullets[:1]):
            return bullets
        docs = {b.sentence.chunk.doc_id for b in bullets}  # (the harm's own documents: a pacemaker's reprogramming is no pump's)
        lead = [x for x in self._bundled_sentences(lang, causes[:1]) if x.group == "prevention" and causes[0] in x.concepts
                and x.chunk.doc_id in docs and not is_meta(x.text, x.chunk.lang)][:2]
        if not lead:
            return bullets
        return [*(Bullet(x, 0, 1.0, "fact") for x in lead), *(b for b in bullets if not same_point(b.sentence, lead, lang))]

    def _prevention_named(self, concept: str) -> bool:
        """Does any bundled passage under a prevention heading name the concept (or a narrower one)?"""
        from .sections import group_of

        table = self.retriever.table
        return any(group_of(table.record(int(r))[0].heading_path) == "prevention" for r in table.concept_rows([concept]))

    def _no_steps_named(self, concepts: Sequence[str], lang: Lang) -> str:
        """"The knowledge base gives no management steps for <the harms among concepts>", or "" when none is a harm."""
        harms = [c for c in concepts if self._kinds.get(c) == "complication"]
        return _NO_STEPS_NAMED[lang].format(conditions=_join([self._name(c, lang) for c in harms], lang)) if harms else ""

    def _part_missing(self, q: Question, lang: Lang, part: Part) -> str:
        """What a part no bullet answers is said to lack: a bare "what do we do?" of harms told before ("…是激素的副作用吗？
        要处理吗？") has no steps for them, named; any other part is not covered, in its own words."""
        named = self._no_steps_named(part.inherited, lang) if not part.concepts and part.aspects == ("action",) else ""
        return named or _PART_MISSING[lang].format(part=_short(part.text))

    def _name(self, cid: str, lang: Lang) -> str:
        lx = self.lexicon.concepts
        return lx[cid].name(lang) if cid in lx else cid

    def _next_step_beside(self, q: Question, i: int, bullets: Sequence[Bullet]) -> bool:
        """"卧床 补液 咖啡因都用了3天了还是痛，下一步？血补片什么时候做": the next step after what failed, asked in one
        part, is the treatment another part's bullets give (the blood patch): no gap to note."""
        part = q.parts[i]
        if not ({"escalation", "action"} & set(part.aspects[:1])) or not q.tried:
            return False
        comps = {c for c in (*part.concepts, *part.inherited) if self._kinds.get(c) == "complication"}
        tried = set(self.lexicon.broader_closure(list(q.tried)))
        return any(b.part != i and comps & b.sentence.concepts and b.sentence.action
                   and any(self._kinds.get(c) in ("procedure", "drug", "drug-class") and c not in tried for c in b.sentence.concepts)
                   for b in bullets)

    @staticmethod
    def _gaps(q: Question, verdict: Verdict, answered_parts: set[int], urgent: bool) -> list[int]:
        """Parts of a several-part question that no bullet answers and the sources do not cover. An emergency vignette
        is one question, not parts."""
        if (urgent and not q.followup) or len(q.parts) < 2:
            return []
        # (an emergency follow-up's parts are questions, "what organisms, and what abx?": its pathway's steps answer none)
        return [i for i in range(len(q.parts)) if (urgent or i not in answered_parts) and i < len(verdict.covered) and not verdict.covered[i]]

    def _general_only(self, q: Question, held: bool = False) -> list[tuple[str, str]]:
        """The question's procedures (and, when a hold is asked, drugs) that no passage names, each with its nearest broader
        procedure (drug class) that passages do name (intradiscal ozone: intradiscal procedures; celecoxib: NSAIDs): the
        answer is about the broader one."""
        out: list[tuple[str, str]] = []
        for c in q.concepts:
            kind = self._kinds.get(c)
            # (a drug only when its hold is asked: "midaz given" in an emergency is told, not asked about)
            if kind not in ("procedure", "drug") or (kind == "drug" and not held) or c in self._adjuncts or self.retriever.by_concept.get(c):
                continue
            wider = ("procedure",) if kind == "procedure" else ("drug", "drug-class")
            general = next((b for b in self.lexicon.broader_closure([c])[1:] if self._kinds.get(b) in wider
                            and self.retriever.by_concept.get(b)), None)
            if general:
                out.append((c, general))
        done = [c for c, _ in out]
        sibling = self._sibling_for(q, done)
        return out + sibling + self._listed_for_sibling(q, done + [c for c, _ in sibling])

    def _listed_for_sibling(self, q: Question, done: Sequence[str]) -> list[tuple[str, str]]:
        """Whether a patient with a condition may have a procedure whose passages never name that condition (a fever
        before an SI joint injection), when the condition is listed among another procedure's contraindications (systemic
        infection for an ESI): the answer is about that one, and says so."""
        if q.aspects[:1] != ("contraindications",) or q.followup:
            return []
        by, chunk_concepts = self.retriever.by_concept, self.retriever.concepts
        conditions = [c for c in q.concepts if self._kinds.get(c) == "condition" and by.get(c)]
        listing = [cid for c in conditions for cid in by[c] if CONTRAINDICATION in chunk_concepts.get(cid, frozenset())]
        if not listing:
            return []
        # (nor when they name it with something else the question names: pregnancy with the fluoroscopy of an SIJ injection)
        told = [c for c in q.concepts if self._kinds.get(c) in ("equipment", "setting", "technique") or c == GUIDANCE]
        out: list[tuple[str, str]] = []
        for p in q.concepts:
            if self._kinds.get(p) != "procedure" or p in done or not by.get(p) or set(self.lexicon.broader_closure([p])) & IMPLANTS:
                continue  # (an implant is never read as a single-shot injection: "SCS … on adalimumab - can we implant?")
            near = {cid for x in self.lexicon.broader_closure([p, *told]) for cid in by.get(x, ())}
            if any(near & set(by[c]) for c in conditions):
                continue  # (its own passages name the condition)
            named = [x for cid in listing for x in chunk_concepts.get(cid, frozenset())
                     if self._kinds.get(x) == "procedure" and x != p and x in self.lexicon.concepts and self.lexicon.concepts[x].scope == "in"]
            if named:
                out.append((p, max(sorted(set(named)), key=named.count)))
        return out

    def _sibling_for(self, q: Question, done: Sequence[str]) -> list[tuple[str, str]]:
        """A procedure whose passages never name the complication asked about (DRG stimulation and lead migration), with
        the related procedure of the same family whose passages do (spinal cord stimulation): the answer is about that one,
        and says so."""
        lx, by = self.lexicon.concepts, self.retriever.by_concept
        comps = [c for c in q.concepts if self._kinds.get(c) == "complication" and by.get(c)]
        if held_drug([c for c in q.concepts if self._kinds.get(c) in ("drug", "drug-class", "brand")], self.lexicon):
            return []  # (a drug held for it: the procedure's own bleeding class answers)
        out: list[tuple[str, str]] = []
        for c in q.concepts:
            if self._kinds.get(c) != "procedure" or c in done or c not in lx or not comps or not by.get(c):
                continue
            mine = set(by[c])
            if any(mine & set(by[k]) for k in comps):
                continue
            family = set(self.lexicon.broader_closure([c])[1:])
            sibling = next((r for r in lx[c].related if self._kinds.get(r) == "procedure" and family & set(self.lexicon.broader_closure([r])[1:])
                            and any(set(by.get(r, ())) & set(by[k]) for k in comps)), None)
            if sibling:
                out.append((c, sibling))
        return out

    def _beside_ours(self, q: Question, verdict: Verdict, bullets: Sequence[Bullet] = ()) -> tuple[list[str], list[str]]:
        """Another specialty's setting, procedure or device that no passage names (or none the answer quotes: a labour
        epidural, named only among haematoma incidences), asked beside a procedure of ours (a vaccine before an ESI, DBS
        before an RFA), in the question's words, and our procedures, by name: the answer is about ours alone and says so
        first."""
        lx, by = self.lexicon.concepts, self.retriever.by_concept
        # (not one that is all a part asks, said uncovered at its own part: "…胰岛素要不要加量" gets "not covered: …" there)
        # (an emergency answered although its question was judged another's: nothing is said at the parts)
        alone = {c for p, ok in zip(q.parts, verdict.covered) if not ok and len(q.parts) > 1 for c in p.concepts} \
            if verdict.kind != "out_of_scope" else set()
        # (or a topic it lacks, "不清楚他的刺激器是不是MRI兼容的" in the middle of an infection's work-up)
        foreign = [c for c in verdict.foreign if c in lx and lx[c].kind in ("setting", "procedure", "equipment", "topic") and c not in alone
                   and (not by.get(c) or (bullets and not any(c in b.sentence.concepts for b in bullets)))
                   # (a rheumatology drug told is the patient's immunosuppression, which the answer is about)
                   and not (c in _IMMUNE_DRUGS and any(IMMUNOSUPPRESSED in b.sentence.concepts for b in bullets))]
        # (or the procedure of ours told the turn before: "should she up her insulin herself?" after her TFESI)
        ours = [c for c in own_procedures(q.subjects or (q.context_concepts if q.followup else ()), self._kinds, True) if c in lx]
        # (the implant of the turn before: "…不清楚他的刺激器是不是MRI兼容的" after its infection; or the one told before
        # that, "the scar over the battery … 38.2" after "my father also has a spinal cord stimulator")
        for turn in reversed(q.history[-2:] if foreign and not ours else ()):
            told = tuple(dict.fromkeys(m.concept for m in self.lexicon.match(turn)))
            if ours := [c for c in own_procedures(told, self._kinds, True) if c in lx]:
                break
        if not foreign or not ours or _ANY_SURGERY.intersection(q.concepts):
            return [], []
        return list(dict.fromkeys(self._said(q, c, q.lang) for c in foreign)), [self._said(q, c, q.lang) for c in ours[:2]]

    def _no_interval(self, q: Question, lang: Lang, bullets: Sequence[Bullet]) -> list[str]:
        """The note naming the drugs a hold is asked of ("pt on fish oil + ginkgo + garlic, SCS trial next wk - need to stop
        them?") that none of the answer's sentences gives an interval for (naming the drug, or a class of it narrower than
        all antithrombotics, with a duration), in the question's words."""
        if q.aspects[:1] != ("hold",) or not bullets:
            return []
        timed = [b.sentence.concepts for b in bullets if HOLD_SPAN.search(b.sentence.text)]

        def given(d: str) -> bool:
            near = set(self.lexicon.broader_closure([d])) - HELD
            return any(near & c for c in timed)
        # (and none anywhere in the knowledge base: the note must be true of the whole base)
        unheld = [self._said(q, d, q.lang) for d in q.concepts if self._kinds.get(d) in ("drug", "brand") and not given(d)
                  and not any(HOLD_SPAN.search(s.text) for s in self._bundled_sentences(q.lang, [d]))]
        return [NOTE_PREFIX + _NO_INTERVAL[lang].format(drugs=_join(unheld, lang))] if unheld else []

    def _no_added_adrenaline(self, q: Question, lang: Lang) -> list[str]:
        """The note naming the local anaesthetics whose maximum is asked with adrenaline added ("max bupivacaine for 70 kg,
        and with adrenaline?", "With adrenaline?" after it) when no passage of the knowledge base gives that drug a figure
        with adrenaline (only lidocaine has one): the figures that follow are for the drug alone."""
        if not {"dose", "limit"} & set(q.aspects) or not _ADRENALINE_ADDED[q.lang].search(q.text):
            return []
        drugs = [d for d in dict.fromkeys((*q.concepts, *(c for p in q.parts for c in p.inherited))) if d not in (LOCAL_ANAESTHETIC, EPINEPHRINE)
                 and LOCAL_ANAESTHETIC in self.lexicon.broader_closure([d])]

        def with_adrenaline(d: str) -> bool:  # (the drug and adrenaline in one clause of one sentence, anywhere in the base)
            c = self.lexicon.concepts[d]
            names = [n.lower() for n in (*c.en, *c.zh, *c.abbr)]
            return any(any(n in clause for n in names) and _WITH_ADRENALINE.search(clause)
                       for s in (*self._bundled_sentences("en", [d]), *self._bundled_sentences("zh", [d]))
                       for clause in _LA_CLAUSES.split(s.text.lower()))
        unsaid = [self._said(q, d, lang) for d in drugs if not with_adrenaline(d)]
        return [NOTE_PREFIX + _NO_ADDED_ADRENALINE[lang].format(drugs=_join(unsaid, lang))] if unsaid else []

    def _conditions_unsaid(self, q: Question, bullets: Sequence[Bullet]) -> list[str]:
        """Whether a patient with a condition told may have a procedure of ours ("BP 190/105 in the pre-op bay, SI joint
        injection - do I cancel?") when none of the answer's sentences names the condition: the condition, in the question's
        words (the answer is about the procedure alone and says so first)."""
        procs = self._procedures_told(q)
        if q.aspects[:1] != ("contraindications",) or not bullets or not procs:
            return []
        lx, by = self.lexicon.concepts, self.retriever.by_concept
        # (named in a sentence with the procedure or a broader one, not among a drug's criteria; and no passage anywhere
        # names it with them: the note must be true of the whole base)
        near = {x for p in procs for x in self.lexicon.broader_closure([p])}
        near |= _ANY_PROCEDURE  # (what the sources say of any pain procedure or steroid injection covers this one too)
        named = set().union(*(b.sentence.concepts for b in bullets if near & b.sentence.concepts or not manages_drug(b.sentence, self._kinds)))
        beside = {cid for x in near for cid in by.get(x, ())}
        # (a stent's care is its drugs': never said to be beyond the sources here; nor is the pain the procedure is done
        # for, CRPS for an SGB)
        return [self._said(q, c, q.lang) for c in q.concepts if self._kinds.get(c) == "condition" and c in lx and c not in named
                and not set(lx[c].broader) & named and not set(by.get(c, ())) & beside and not drug_managed(c)
                and c not in TREATED_CONDITIONS]

    def _procedures_told(self, q: Question) -> list[str]:
        """The question's procedures of ours, with the procedure an implanted device of ours stands for ("IT pump … can we
        still implant?": intrathecal drug delivery)."""
        return list(dict.fromkeys([*own_procedures(q.subjects, self._kinds, True), *self.lexicon.device_procedures(q.subjects)]))

    def _said(self, q: Question, concept: str, lang: Lang) -> str:
        """A concept as the question wrote it ("ozone discectomy"), else its name."""
        return next((m.surface for m in q.matches if m.concept == concept), self._name(concept, lang))

    def _notes(self, q: Question, lang: Lang, verdict: Verdict, gaps: list[int], urgent: bool) -> list[str]:
        """Scope notes: parts no bullet answers (`gaps`), concepts the knowledge base has nothing on, unconfirmed brand
        names."""
        lex = self.lexicon.concepts
        notes = [NOTE_PREFIX + self._part_missing(q, lang, q.parts[i]) for i in gaps]
        # "nothing on X" only when no passage of the knowledge base mentions X (not merely the retrieved ones)
        # (of several parts, only a drug: "on ziconotide, new confusion - is this the ziconotide and what should I do?")
        missing = [lex[c].name(lang) for c in verdict.missing if c in lex and not self.retriever.by_concept.get(c)
                   and (not urgent or lex[c].kind in ("drug", "drug-class"))  # (in an emergency: a treatment asked for)
                   # (a follow-up naming something new is noted on what it names: methylene blue told the turn before was
                   # noted there; "要停几天？" after a haemophiliac's aspirin names nothing new)
                   and (not q.followup or c in q.concepts or not q.matches)
                   # (nor a setting whose covered topic the conversation is on: the CT with contrast before the premedication)
                   and not set(lex[c].covers) & set(q.all_concepts)
                   # (or one every part is about: "齐考诺肽能和吗啡一起用吗，有啥副作用要注意")
                   and (len(q.parts) < 2 or self._drug_blamed(q, c) or _every_part_about(q, c)
                        or (urgent and any(c in p.concepts for p in q.parts)))]  # ("CTA约了，能不能溶栓，有出血风险吗": the treatment asked)
        if missing:
            notes.append(NOTE_PREFIX + _NOTHING_ON[lang].format(terms=_join(missing, lang)))
        for cid in q.unconfirmed:
            c = lex[cid]
            generic = ", ".join(lex[b].name(lang) for b in c.broader if b in lex)
            notes.append(NOTE_PREFIX + _UNCONFIRMED[lang].format(brand=c.name(lang), generic=generic))
        return notes

    def _abstain(self, q: Question, lang: Lang, hits: list[Hit], verdict: Verdict) -> Answer:
        topics = self.nearest_topics(hits, lang)
        lex = self.lexicon.concepts
        # (or nothing covered of a question whose asks are another field's, beside a procedure of ours: "SCS patient needs a
        # lumbar MRI - what to check? can he have shortwave diathermy?": the implant's MRI labelling and the physio's)
        if verdict.kind == "out_of_scope" or all(set(verdict.foreign) & set(p.concepts) for p in q.parts):
            # (this turn's own: "and what about diathermy during his TKA?" after an implant's MRI is declined for the diathermy)
            foreign = [c for c in verdict.foreign if c in q.concepts] or list(verdict.foreign)
            in_field = [c for c in foreign if c in lex and lex[c].in_field]
            # (in the question's own words: "urinary tract infection")
            names = list(dict.fromkeys(self._said(q, c, lang) for c in in_field or foreign))
            topic = all(lex[c].kind == "topic" for c in foreign if c in lex)
            note = _IN_FIELD if in_field else _TOPIC_GAP if topic else _OUT_OF_SCOPE
            text = note[lang].format(terms=_join(names, lang), verb="are" if len(names) > 1 else "is", topics=_join(topics, lang))
        else:
            text = _NOT_IN_KB[lang].format(topics=_join(topics, lang))
            # "nothing on X" only for what no passage of the knowledge base mentions (an SIJ injection is there, even
            # when the passages retrieved for a pregnant patient's fluoroscopy question do not name it)
            names = [lex[c].name(lang) if c in lex else c for c in verdict.missing if not self.retriever.by_concept.get(c)]
            if names:
                text += " " + _NOTHING_ON[lang].format(terms=_join(names, lang))
            text += self._nothing_for(q, lang, verdict)
        parts = [{"question": p.text, "covered": False} for p in q.parts]
        return Answer(question=q.original, lang=lang, text=text, abstained=True, nearest_topics=topics, verdict=verdict.kind, parts=parts)

    def _on_the_topic(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A question that names one narrow topic and asks nothing else of it ("进修医生第一次上台做SCS植入，问刷手和着装有什么
        要求？"): the sentences on that topic, when two or more are there, without the procedure's other prevention."""
        if len(q.parts) != 1 or q.aspects or q.followup:
            return bullets
        topics = [c for c in q.concepts if self._kinds.get(c) == "topic" and not self.lexicon.is_anchor(c) and c not in ESSENTIAL]
        # (of a procedure named: a topic asked alone, "what resp monitoring does PACC want?", is no narrow one)
        if len(topics) != 1 or not any(self._kinds.get(c) == "procedure" for c in q.concepts):
            return bullets
        kept = [b for b in bullets if topics[0] in b.sentence.concepts or topics[0] in self.lexicon.tags(b.sentence.text)]
        return kept if len(kept) >= 2 else bullets

    def _asked_region_first(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """How often a harm follows a procedure at one region ("颈椎TFESI会不会瘫痪 发生率多高"): a sentence naming that region
        leads ("…mainly after particulate steroid at cervical or thoracic levels"), before a count that names no region (an
        audit of all TFESIs, read as the neck's own figure)."""
        if not bullets:
            return bullets
        part = q.parts[bullets[0].part] if bullets[0].part < len(q.parts) else None
        if part is None or not {"frequency", "complications"} & set(part.aspects):
            return bullets
        around = (*part.concepts, *part.inherited)
        regions = [c for c in around if c in REGIONS and c != "lumbar-spine"]
        if not regions or not any(self._kinds.get(c) == "complication" for c in around) or REGIONS & bullets[0].sentence.concepts:
            return bullets
        lead = next((b for b in bullets[1:] if b.part == bullets[0].part and regions[0] in b.sentence.concepts), None)
        return bullets if lead is None else [lead, *(b for b in bullets if b is not lead)]

    def _rates_of_the_harm(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A part asking how often a harm follows ("会不会瘫痪 这种并发症概率多大" of an SI joint injection): a count that
        names no harm at all (how often pain comes from the joint, a block's false positives) is no rate of it."""
        out = []
        for b in bullets:
            part = q.parts[b.part] if b.part < len(q.parts) else None
            harms = [c for c in ((*part.concepts, *part.inherited) if part else ()) if self._kinds.get(c) == "complication"]
            if part is not None and len(q.parts) > 1 and part.aspects[:1] == ("frequency",) and harms and COUNT.search(b.sentence.text) \
                    and not any(self._kinds.get(c) == "complication" for c in self.lexicon.tags(b.sentence.text)):
                continue
            out.append(b)
        return out or bullets

    def _without_systemic_asides(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """A steroid named for its local hazard ("TFESI particulate steroid risk?", "回抽没有血，就准备直接推曲安奈德，可以吗？"):
        not the systemic effects of steroid (a diabetic's glucose, the adrenal axis), unless the question names them or asks
        the steroid's side effects at large; when some bullet is left."""
        own = [c for c in q.all_concepts if c not in q.out_of_scope]
        named = set(self.lexicon.broader_closure(own))
        # (nor beside the patient's own state told, a condition or a sign: "长期口服泼尼松…现在肺炎入院，乏力、血压低")
        told = any(self._kinds.get(c) in ("condition", "setting", "complication") or (self._kinds.get(c) == "finding" and c not in _AT_THE_NEEDLE)
                   for c in own)
        if told or named & _SYSTEMIC_EFFECTS or _SIDE_EFFECTS_ASKED.search(q.text) or not named & _STEROIDS_NAMED:
            return bullets
        kept = [b for b in bullets if not set(self.lexicon.tags(b.sentence.text)) & _SYSTEMIC_SAID]
        return kept if len(kept) >= 2 else bullets

    def _without_others_harms(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """Asked the complications of one procedure of ours ("腹腔神经丛阻滞有什么并发症"): not another procedure's own
        complications (the SGB's recurrent laryngeal nerve block), when some bullet is left; what the sources say of the
        whole class (vascular injection, haematoma and pneumothorax in sympathetic blocks) stays."""
        procs = [c for c in q.subjects if self._kinds.get(c) == "procedure"]
        if q.aspects[:1] != ("complications",) or len(procs) != 1 or q.followup or len(q.parts) > 1:
            return bullets
        near = set(self.lexicon.broader_closure(procs))
        said = {id(b): set(self.lexicon.tags(b.sentence.text)) for b in bullets}  # (the sentence's own words, not its passage's)
        harms = [b for b in bullets if any(self._kinds.get(c) == "complication" for c in said[id(b)])]
        if any(procs[0] in said[id(b)] for b in harms):
            return bullets  # (its own complications are there: the rest is the answer's to order)
        others = [b for b in harms if any(self._kinds.get(c) == "procedure" and c not in near for c in said[id(b)])]
        kept = [b for b in bullets if b not in others]
        # (with no complication left but others', the answer says the sources have none for it: `_others_only`)
        return kept if others and any(b not in others for b in harms) else bullets

    def _without_others_steps(self, q: Question, tri: Triage, bullets: list[Bullet]) -> list[Bullet]:
        """A picture no pathway has steps for (a low pressure after a lumbar sympathetic block): no other procedure's own step
        beside its banner (stopping the cement of a vertebroplasty nobody did)."""
        if tri.rule not in NO_PROTOCOL:
            return bullets
        told = set(self.lexicon.broader_closure([c for c in q.all_concepts if c not in q.out_of_scope]))
        if not told & {c for c, k in self._kinds.items() if k == "procedure"}:
            return bullets  # (no procedure told: nothing to tell another's from)

        def others(b: Bullet) -> bool:
            named = [c for c in b.sentence.concepts if self._kinds.get(c) == "procedure" and c not in self._adjuncts]
            return bool(named) and not any(c in told or told & set(self.lexicon.broader_closure([c])[1:]) - _TOO_BROAD for c in named)
        return [b for b in bullets if not others(b)]

    def _without_others_rates(self, q: Question, bullets: list[Bullet]) -> list[Bullet]:
        """An emergency that also asks how common its complication is after a procedure ("…low grade temps. how common is
        infection after PVP"): no other procedure's rate (an SCS series' 3-4%), whose figure is no answer for this one."""
        # (the procedure named by the part asking how often: not a recovery's shares asked of the thread's haematoma, which
        # come from other procedures' series)
        procs = [c for p in q.parts if p.aspects[:1] == ("frequency",) for c in p.concepts if self._kinds.get(c) == "procedure"]
        if not procs:
            return bullets
        near = set(self.lexicon.broader_closure(procs))

        def others(b: Bullet) -> bool:
            said = set(self.lexicon.tags(b.sentence.text))
            return bool(_SHARE.search(b.sentence.text)) and not near & said \
                and any(self._kinds.get(c) == "procedure" for c in said)
        return [b for b in bullets if not others(b)] or bullets

    def _others_steps_only(self, q: Question, bullets: Sequence[Bullet]) -> tuple[str, ...]:
        """What to do about a harm after one procedure of ours when every bullet is another family's step ("腹腔神经丛阻滞后
        出现体位性低血压，怎么处理？": a vertebroplasty's cement steps): the harms asked, said not covered (a sibling's step, an
        interlaminar ESI's for a cervical epidural, is the family's own)."""
        procs = [c for c in q.subjects if self._kinds.get(c) == "procedure" and c not in self._adjuncts]
        comps = tuple(c for c in q.concepts if self._kinds.get(c) in ("complication", "finding"))
        if len(procs) != 1 or not comps or not bullets:
            return ()
        family = set(self.lexicon.broader_closure([procs[0]])) - _TOO_BROAD

        def foreign(b: Bullet) -> bool:
            named = [c for c in b.sentence.concepts if self._kinds.get(c) == "procedure" and c not in self._adjuncts]
            return bool(named) and not any(family & set(self.lexicon.broader_closure([c])) for c in named)
        return comps if all(map(foreign, bullets)) else ()

    def _others_only(self, q: Question, bullets: Sequence[Bullet]) -> tuple[str, ...]:
        """Asked how often, or who is at risk of, a complication after one procedure of ours whose passages never name it
        ("coeliac plexus neurolysis - risk of paraplegia?"), when no bullet names them but those about another procedure
        (the ESI's paraplegia, the SGB's complications): the complications asked, which the answer must not fill with
        others' figures."""
        if q.aspects[:1] == ("action",) and not q.followup:
            return self._others_steps_only(q, bullets)
        if q.aspects[:1] not in (("frequency",), ("complications",), ("risk_factors",)) or not bullets or q.followup \
                or _COUNSELLED[q.lang].search(q.text):
            return ()  # (a patient's fear to answer, "怕做射频会瘫痪，怎么解释": the procedure's own risks answer it)
        by = self.retriever.by_concept
        procs = [c for c in q.subjects if self._kinds.get(c) == "procedure" and by.get(c)]
        comps = [c for c in q.concepts if self._kinds.get(c) in ("complication", "finding") and by.get(c)]
        if len(procs) != 1:
            return ()
        near = set(self.lexicon.broader_closure([procs[0]]))

        regions = {r for c in q.concepts for r in self.lexicon.broader_closure([c]) if r in REGIONS}

        def other(b: Bullet) -> bool:  # about another procedure, not this one (nor this one at another region: a lumbar
            # series for a cervical facet RFA)
            told = {r for c in b.sentence.concepts for r in self.lexicon.broader_closure([c]) if r in REGIONS}
            return (procs[0] not in b.sentence.concepts and any(self._kinds.get(c) == "procedure" and c not in near for c in b.sentence.concepts)) \
                or bool(regions and told and not regions & told)
        if not comps:
            # ("腹腔神经丛毁损…会有什么并发症": its complications asked, and every bullet naming one is another procedure's, the
            # SGB's; not when the procedure's own passages name any complication)
            harms = [b for b in bullets if any(self._kinds.get(c) == "complication" for c in b.sentence.concepts)]
            own = any(procs[0] in b.sentence.concepts for b in harms)
            return (ANY_COMPLICATION,) if q.aspects[:1] == ("complications",) and harms and all(map(other, harms)) and not own else ()
        mine = set(by[procs[0]])
        # (the harm said in the sources' broader words counts: "paralysed after a facet RFA" is answered by "no new motor or
        # sensory deficit … serious neurological injury was not observed", "瘫痪" after a PVP by "没有一例渗漏导致神经受压")
        widened = {c: self.lexicon.broader_closure([c]) for c in comps}
        unsaid = tuple(c for c in comps if not mine & set().union(*(by.get(w, ()) for w in widened[c])))
        # (what is left once the other procedures' bullets go names none of the complications asked)
        left = [b for b in bullets if not other(b) and set().union(*widened.values()) & b.sentence.concepts]
        return unsaid if unsaid == tuple(comps) and not left else ()

    def _none_for(self, q: Question, lang: Lang, hits: list[Hit], unsaid: Sequence[str]) -> Answer:
        """The answer that says the sources have nothing on these complications after the question's procedure."""
        lx = self.lexicon.concepts
        proc = next(c for c in q.subjects if self._kinds.get(c) == "procedure")
        proc = next((specific for specific, general in q.generalised if general == proc), proc)  # (as asked, not its broader one)
        text = NOTE_PREFIX + _NONE_AFTER[lang].format(complications=_join([_ITS_COMPLICATIONS[lang] if c == ANY_COMPLICATION else self._said(q, c, lang)
                                                                            for c in unsaid], lang),
                                                      procedure=self._said(q, proc, lang) if proc in lx else proc)
        topics = self.nearest_topics(hits, lang)
        parts = [{"question": p.text, "covered": False} for p in q.parts]
        return Answer(question=q.original, lang=lang, text=text, abstained=True, nearest_topics=topics, verdict="not_in_kb", parts=parts)

    def _nothing_for(self, q: Question, lang: Lang, verdict: Verdict) -> str:
        """The ask no passage on the question's procedure answers, though others do ("the false-positive rate of an MBB":
        the SIJ block's is there)."""
        lex = self.lexicon.concepts
        asks = [c for c in verdict.missing if (c in ESSENTIAL or c in POPULATIONS) and c in lex and self.retriever.by_concept.get(c)]
        procedures = [lex[c].name(lang) for c in q.subjects + q.context_concepts if c in lex and lex[c].kind == "procedure"]
        if not procedures and asks and all(c in POPULATIONS or c == "efficacy" for c in asks):  # (a child's dose of a drug, a
            # drug's efficacy, "is caffeine effective for PDPH?": the drug)
            procedures = [lex[c].name(lang) for c in q.subjects if c in lex and lex[c].kind in ("drug", "drug-class")]
        if not asks or not procedures:
            return ""
        if len(q.parts) > 1 and not all(c in POPULATIONS for c in asks):  # each part in its own words (a child is all of them)
            return "\n\n" + NOTE_PREFIX + _PART_MISSING[lang].format(part=("；" if lang == "zh" else "; ").join(p.text.rstrip("?？") for p in q.parts))
        names = [_ASK_LABELS.get(c, {}).get(lang) or lex[c].name(lang) for c in asks]
        return " " + _NOTHING_FOR[lang].format(terms=_join(names, lang), procedures=_join(list(dict.fromkeys(procedures))[:2], lang))

    def nearest_topics(self, hits: list[Hit], lang: Lang, n: int = 3) -> list[str]:
        """Titles of the documents nearest to the question, in the answer's language."""
        out: list[str] = []
        for h in hits:
            title = h.chunk.title
            if h.chunk.lang != lang and h.chunk.twin_doc_id and h.chunk.twin_doc_id in self.retriever.doc_titles:
                title = self.retriever.doc_titles[h.chunk.twin_doc_id][0]
            if h.chunk.origin == "bundled" and title not in out:
                out.append(title)
            if len(out) >= n:
                break
        return out or self.retriever.titles(lang)[:n]

    def _finish(self, ans: Answer, q: Question, timings: dict[str, float], t0: float) -> Answer:
        ans.disclaimer = DISCLAIMER[ans.lang]
        body = ans.text.strip()  # (a banner with no passage under it: no empty lines before the disclaimer)
        ans.text = f"{body}\n\n{ans.disclaimer}" if body else ans.disclaimer
        if q.script == "hant":
            ans.text = to_traditional(ans.text)
            ans.escalation = to_traditional(ans.escalation)
            ans.disclaimer = to_traditional(ans.disclaimer)
            ans.nearest_topics = [to_traditional(t) for t in ans.nearest_topics]
        ans.script = q.script
        ans.condensed_question = q.read_as
        ans.aspects = list(q.groups)
        ans.concepts = list(q.all_concepts)
        ans.settings_hash = self.settings.settings_hash()
        timings["total"] = _ms(t0)
        ans.timings_ms = {k: round(v, 2) for k, v in timings.items()}
        return ans


_GENERIC_PROCEDURES = frozenset({"neuraxial-procedure", "device-implantation", "interventional-pain-procedure"})


# The kinds a complication's care is told by (the question's words, the sentence's), each with its opposite.
_EMBOLISM_SIGNS = lazy(r"\bsob\b|short of breath|breathless|dyspn|desat|\bsats?\b\W{0,3}[5-8]\d\b|spo2\W{0,3}[5-8]\d\b|chest (?:pain|tight)|"
                       r"胸闷|喘不上气|喘不过气|气短|呼吸困难|(?:血氧|SpO2)[^，。]{0,6}[5-8]\d", re.I)
PCE = "pulmonary-cement-embolism"
_ANTICOAGULATE_ASK = lazy(r"anticoag|heparin|抗凝|肝素", re.I)
_KINDS_TOLD = {
    "asymptomatic": ({"en": r"\basymptomatic\b|\bno symptoms\b|\bsymptom-free\b", "zh": r"无症状|没有(?:任何)?症状|没症状"},
                     {"en": r"\basymptomatic\b", "zh": r"无症状"}, "symptomatic"),
    "symptomatic": ({"en": r"(?<!a)symptomatic\b", "zh": r"(?<![无没])有症状"}, {"en": r"(?<!a)symptomatic\b", "zh": r"(?<![无没])有症状"}, "asymptomatic"),
    "peripheral": ({"en": r"\bperipheral\b", "zh": r"外周"}, {"en": r"\bperipheral\b", "zh": r"外周"}, "central"),
    "central": ({"en": r"\bcentral\b", "zh": r"中央|中心型"}, {"en": r"\bcentral\b", "zh": r"中央"}, "peripheral"),
}


def _symptomatic_before(q: Question) -> bool:
    """Anticoagulation asked of cement emboli after the thread told their symptoms ("SOB, sats 86%" then "…now sats 95 on
    2L and comfortable. anticoagulate?"): a symptomatic embolism, however well the patient is now."""
    return bool(q.history) and any(_EMBOLISM_SIGNS.search(h) for h in q.history) and bool(_ANTICOAGULATE_ASK.search(q.text)) \
        and PCE in q.all_concepts


def _quiet_course_first(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """Whether to act on a finding told with no symptoms ("三年前PKP 当时有一点骨水泥漏到椎旁静脉 一直没症状 …要不要处理"): the
    sentence on the asymptomatic course leads (the 9% of silent leaks with no neurological event), before the steps for
    a leak that gives symptoms."""
    if len(bullets) < 2 or not _WHETHER_TO_ACT[q.lang].search(q.text) or not NO_SYMPTOMS_TOLD.search(q.text):
        return bullets
    lead = next((b for b in bullets if ASYMPTOMATIC_SAID.search(b.sentence.text)), None)
    return bullets if lead is None or lead is bullets[0] else [lead, *(b for b in bullets if b is not lead)]


_WHETHER_TO_ACT = {"en": lazy(r"\b(?:do|does|should) (?:we|i|it|this|that|she|he) (?:need|have) to (?:do anything|be treated|treat|be removed|act)\b|"
                              r"\bneed (?:any )?(?:treatment|anything doing|to be treated)\b|\bdo anything about\b", re.I),
                   "zh": lazy(r"要不要(?:处理|治疗|管)|需不需要(?:处理|治疗)|需要(?:处理|治疗)吗|用不用(?:处理|管)")}


def _told_kind_first(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """A complication told with its kind ("CTPA: small peripheral cement emboli; now asymptomatic -
    anticoagulate?"): the care stated for that kind leads (an asymptomatic peripheral embolism's follow-up), before a
    sentence giving every kind's care or another's (at least two kinds told in common, none of their opposites)."""
    if len(bullets) < 2:
        return bullets
    told = [k for k, (asked, _, _) in _KINDS_TOLD.items() if re.search(asked[q.lang], q.text, re.I)]
    if len(told) < 2 or _symptomatic_before(q):
        return bullets

    opposite = {_KINDS_TOLD[k][2] for k in told}

    def named(b: Bullet) -> set[str]:
        return {k for k in _KINDS_TOLD if re.search(_KINDS_TOLD[k][1][b.sentence.chunk.lang], b.sentence.text, re.I)}

    def fit(b: Bullet) -> int:
        return len(named(b) & set(told)) - len(named(b) & opposite)

    def clashes(b: Bullet) -> bool:  # (another kind's care only: the peripheral rule for a central embolus)
        return bool(named(b) & opposite) and not set(told) <= named(b)
    best = max(range(len(bullets)), key=lambda i: (fit(bullets[i]), -i))
    if fit(bullets[best]) < 2 or best == 0:
        # (no sentence for that kind alone: the one giving every kind's care leads before another kind's)
        best = next((i for i, b in enumerate(bullets) if not clashes(b)), 0) if clashes(bullets[0]) else 0
    return bullets if best == 0 else [bullets[best], *bullets[:best], *bullets[best + 1:]]


_CARE_REGIMENS = frozenset({"antibiotic-prophylaxis", "premedication"})
_LENGTH_TOLD = lazy(r"\b\d+\s*(?:days?|d|weeks?|wks?|hrs?|hours?)\b|\d+\s*(?:天|日|周|小时|个小时)", re.I)


# A step for the moment of the puncture ("If the dura is punctured during interlaminar ESI … must not be injected
# intrathecally; … abort or redirect", 一旦穿破硬脊膜…中止注射或改换其他节段), asked about a day or more later (a phone call
# the next day about a postural headache): behind the other bullets, the moment is past.
_DURING_STEP = {"en": lazy(r"^If the dura is punctured during", re.I), "zh": lazy(r"一旦穿破硬脊膜")}
_DAYS_LATER = {"en": lazy(r"\byesterday\b|\blast (?:night|week)\b|\b\d+ days? (?:ago|later|after)\b|\b(?:rang|called|phoned|calls)\b|"
                          r"\bnext day\b|\bday (?:\d|one|two|three)\b", re.I),
               "zh": lazy(r"昨天|前天|上周|\d+\s*天前|第[二三四五六七\d]天|打电话|来电|次日|第二天")}


def _mixture_first(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """A maximum asked for local anaesthetics mixed ("利多卡因和罗哌卡因混着用的话 最大量怎么算"): the rule for a mixture (count
    it all as its most toxic agent) leads the single agents' maxima."""
    if _MIXTURE not in q.concepts:
        return bullets
    rule = next((b for b in bullets if _MIXTURE in b.sentence.concepts), None)
    return bullets if rule is None or rule is bullets[0] else [rule, *(b for b in bullets if b is not rule)]


_MIXTURE = "local-anaesthetic-mixture"
_VTE = "vte"
_CLASS_RATE_AT = 4  # where a harm class's count joins the hits (see `_class_rate_hits`)
# the classes whose members the sources count only as a class: a paralysis or a stroke after an ESI is one of its major
# neurologic events (a haematoma has counts of its own, or none: "epidural haematoma rate after TFESI?")
_COUNTED_CLASSES = frozenset({"neurological-injury"})
_CONSENT = "informed-consent"


def _asks_how_common(part: Part) -> bool:
    """Does the part ask how common its harms are ("how common is that really?", 风险到底多大), or what to tell a patient
    who fears a grave one?"""
    # (or what to tell a patient frightened of a grave harm: "terrified she'll be paralysed by her facet RFA, what should I
    # tell her?" is answered by how rare it is)
    return part.aspects[:1] == ("frequency",) or (part.aspects[:1] == ("complications",) and bool(_HOW_BIG.search(part.text))) \
        or (part.aspects[:1] == ("advice",) and fears_grave_harm(part.text, "zh" if cjk_count(part.text) else "en"))


# a count, or none seen in a series ("no new motor or sensory deficit occurred in the Kornick series")
_COUNTED = lazy(COUNT.pattern + r"|\bno (?:\w+ ){0,5}(?:events?|complications?|cases?|injur\w*|deficits?)\b|未(?:记录到|发生|出现)|无一例|均未", re.I)
# A count in the same sentence as a neurological harm (the class `_COUNTED_CLASSES` counts): "16,638 … no immediate major
# neurologic … event", 16,638次……未记录到……严重神经系统事件 (never a year, nor a rate of another harm)
_COUNT_FIGURE = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*%)"
_NEURO_COUNTED = lazy(rf"{_COUNT_FIGURE}[^.。;；]*(?:neurolog|paraly|paraple|deficit|神经|瘫)|"
                      rf"(?:neurolog|paraly|paraple|deficit|神经|瘫)[^.。;；]*{_COUNT_FIGURE}", re.I)
_CORD_LEVELS = frozenset({"cervical-spine", "thoracic-spine"})  # (a series with no level says little of the cord's own risks)
_RARE_SAID = lazy(r"\b(?:rare|rarely|uncommon|infrequent|very few)\b|罕见|少见|极少|很少", re.I)
_HOW_BIG = lazy(r"\bhow (?:big|high|large|likely|real)\b|(?:风险|几率|概率|可能性)(?:到底|究竟)?(?:有)?多(?:大|高)", re.I)


def _jurisdiction_first(q: Question, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
    """A country told ("we're in the UK - what's the dose limit for the baby?"): a rule of the United States does not lead
    for a clinician elsewhere; the international (ICRP) rule on the same point does (quoted further down, or from the same
    section of the lead's document). Told the United States, its own rule leads."""
    told = " ".join((*q.history[-2:], q.text))
    us = bool(_US_TOLD.search(told))
    if not bullets or not (us or _ELSEWHERE_TOLD.search(told)):
        return bullets

    def own(x: Sentence) -> bool:  # (a sentence comparing the bodies is neither's own rule)
        return bool(_US_RULE.search(x.text)) != bool(_INTERNATIONAL_RULE.search(x.text)) and bool(_US_RULE.search(x.text)) == us
    lead = bullets[0].sentence
    if own(lead) or not (_US_RULE.search(lead.text) or _INTERNATIONAL_RULE.search(lead.text)):
        return bullets
    first = next((b for b in bullets if own(b.sentence)), None)
    if first is not None:
        return [first, *(b for b in bullets if b is not first)]
    same = next((x for x in sents if own(x) and x.chunk.doc_id == lead.chunk.doc_id and x.group == lead.group
                 and set(q.concepts) & x.concepts), None)
    return bullets if same is None else [Bullet(same, bullets[0].part, 1.0, "fact"), *bullets]


_US_TOLD = lazy(r"\b(?:US|USA|U\.S\.A?|United States|America|the States)\b|美国")  # (case kept: "tell us" is no country)
_ELSEWHERE_TOLD = lazy(r"\b(?:UK|U\.K\.|United Kingdom|Britain|England|Scotland|Wales|NHS|Europe|EU|Ireland|Australia|"
                       r"New Zealand|Canada|China)\b|英国|欧洲|欧盟|澳大利亚|加拿大|中国|国内|我国|香港")
_US_RULE = lazy(r"\b(?:US|U\.S\.|NRC|NCRP)\b|美国")
_INTERNATIONAL_RULE = lazy(r"\bICRP\b")


def _during_step_later(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """The puncture's own step follows the others when the question is told a day or more after it."""
    if len(bullets) < 2 or not _DAYS_LATER[q.lang].search(q.text):
        return bullets
    moment = [b for b in bullets if _DURING_STEP[b.sentence.chunk.lang].search(b.sentence.text)]
    if not moment or len(moment) == len(bullets):
        return bullets
    # (each after its own part's other bullets: "…what's the plan, and what caffeine dose?" keeps one heading per part)
    parts = list(dict.fromkeys(b.part for b in bullets))
    return [b for j in parts for b in (*(x for x in bullets if x.part == j and x not in moment), *(x for x in moment if x.part == j))]


def _alternative_second(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """A lead that offers itself as the alternative ("An alternative algorithm from emergency-medicine summaries…",
    另一种处理流程) follows the first bullet that is not one (the systematic review's algorithm it is the alternative to),
    unless the alternative is what is asked ("what does the emergency-medicine algorithm say?", "the methylprednisolone
    option": a word or a drug of the question that only the alternative names)."""
    other = next((i for i, b in enumerate(bullets) if not _ALTERNATIVE.search(b.sentence.text)), 0)
    if not bullets or other == 0 or _ALTERNATIVE_ASKED.search(q.text):
        return bullets
    if set(q.concepts) & (bullets[0].sentence.concepts - bullets[other].sentence.concepts):
        return bullets
    return [bullets[other], *bullets[:other], *bullets[other + 1:]]


_ALTERNATIVE_ASKED = lazy(r"\balternative|\bemergency[- ]medicine\b|\bother option|另一种|替代|急诊医学|其他方案", re.I)
_ALTERNATIVE = lazy(r"^(?:an|the) alternative\b|^[^，。]{0,12}另一种", re.I)


def _placed_at(bullets: Sequence[Bullet], line: Sentence, at: int) -> list[Bullet]:
    """The bullets with `line` at position `at`: moved there when quoted already, else added as a fact of the lead's part."""
    placed = next((b for b in bullets if b.sentence is line), Bullet(line, bullets[0].part, bullets[0].score, "fact"))
    rest = [b for b in bullets if b.sentence is not line]
    return [*rest[:at], placed, *rest[at:]]


def _asks_resume(q: Question) -> bool:
    """Does a calm follow-up ask whether to go on, send the patient home or how long to keep them in?"""
    return bool(_RESUME_ASK[q.lang].search(q.text) or _HOME_ASK.search(q.text))


@lru_cache(maxsize=64)  # a follow-up's answer asks it at several stages
def _turn_triage(text: str, lang: Lang, concepts: frozenset[str]) -> Triage:
    return triage(text, lang, concepts)


def _in_thread(turns: Sequence[str], i: int, concepts: frozenset[str]) -> Triage:
    """The pathway of turn `i` of a thread: read alone, unless, read after the turn before it, it is that turn's picture
    going on ("CTPA看到右下肺动脉分支里几个高密度影" after the PVP's desaturation: the cement, no pneumothorax)."""
    turn = turns[i]
    lang = detect_lang(turn)
    alone = _turn_triage(turn, lang, concepts)
    if i == 0 or not alone.urgent:
        return alone
    prev = turns[i - 1]
    prior = _turn_triage(prev, detect_lang(prev), concepts)
    if not prior.urgent or prior.rule == alone.rule:
        return alone
    told = triage(turn, lang, concepts, f"{prev.rstrip(' .。!！?？')}{'。' if lang == 'zh' else '. '}")
    return told if told.urgent and told.rule == prior.rule else alone


def _heading(b: Bullet, q: Question, lang: Lang, urgent: bool, multi: bool, by_group: bool) -> str:
    """The heading a bullet goes under: act now / recognise in an emergency, its part's ask when the answer spans parts,
    its section group when the answer is long enough to group; else none."""
    if urgent:
        return f"**{_short(q.parts[b.part].text)}**" if b.kind in ("asked", "plan") else _ACT_NOW[lang] if b.kind == "action" else _RECOGNISE[lang]
    if multi:
        return f"**{_short(q.parts[b.part].text)}**"
    return heading_for(_hgroup(b), lang) if by_group else ""


def care_not_prevention(sents: Sequence[Sentence]) -> list[Sentence]:
    """An infection being treated: the prevention rules ("stop prophylactic antibiotics within 24 h of implantation",
    decolonise carriers before it, what surveyed implanters give before a trial) are not its care, and never quoted
    beside it."""
    return [x for x in sents if not (_PROPHYLAXIS.search(x.text) or x.group == "prevention" or _BUNDLE & x.concepts)]


def _tried_first_line(q: Question) -> bool:
    """Is the question an emergency follow-up telling that the first-line treatment was already given, or that the
    circulation fails after a turn that asked for or gave the rescue drug ("lipid dose? she's 60kg" -> "seizure stopped
    but now HR 30s and BP 60/30")?"""
    if not q.history:
        return False
    # (the rescue drug's dose asked or given in one of the last two turns: not "pt on statin for high lipids")
    rescued = any(_RESCUE_DRUG.search(h) and _RESCUE_TOLD.search(h) for h in q.history[-2:])
    # ("still hypotensive after fluids, atropine and ephedrine": the rescue itself not yet given, it is no next step)
    # ("脂肪乳还要继续吗", "keep the lipid running?": asked whether to go on with it, the rescue drug is running)
    going_on = bool(_GO_ON_WITH.search(q.text)) and not _BACK.search(q.text)
    return (bool(_TRIED[q.lang].search(q.text)) and (rescued or bool(_RESCUE_DRUG.search(q.text)))) \
        or (rescued and (severe(q.text, q.lang) or slow_heart(q.text, q.lang))) or going_on


# the circulation failing in words ("still seizing and now hypotensive"): the repeat bolus is due
_CIRCULATION_FAILING = lazy(r"\bhypotensi\w*|\bbradycardi\w*|\bno (?:pulse|output)\b|\bpulseless\b|\bBP (?:is )?(?:dropping|falling|crashing|low)\b|"
                                  r"血压(?:低|下降|掉|测不到|往下掉)|低血压|心动过缓|心率(?:慢|掉)|无脉|摸不到脉", re.I)
_GO_ON_WITH = lazy(r"\b(?:continue|carry on with)\W+(?:\w+\W+){0,2}?(?:lipid|intralipid|the infusion|naloxone)\b|"
                         r"\bkeep (?:the )?(?:lipid|intralipid|infusion) (?:going|running|on)\b|"
                         r"\b(?:lipid|intralipid|infusion)\W+(?:\w+\W+){0,2}?(?:going|running|infusing|up|started|given)\b|"
                         r"脂肪乳[^，。？?]{0,4}(?:还要|要不要|是否|还)?继续|继续(?:给|输|用|推)?脂肪乳", re.I)
# a circulation told as back ("BP back to 110/70", 血压回升): no escalation of the rescue
_BACK = lazy(r"(?<!n't come )(?<!not )(?<!never )(?<!n't )\bback to\b|(?<!not )(?<!un)\bstable\b|(?<!not )\brecovered\b|\bROSC\b|"
                   r"(?<!不)稳定|(?<!没有)(?<!没)(?<!未)恢复(?:了|正常)|(?<!没)(?<!未)(?<!不)(?<!还没)回升|(?<!没)(?<!未)好转", re.I)


_WOULD_HAVE = lazy(r"\bwould have\b|\bshould have\b|本来|当时应该", re.I)


def _every_part_about(q: Question, concept: str) -> bool:
    """Is a question of several parts about one thing throughout: named in its first part, carried by every later one that
    names nothing of its own ("齐考诺肽能和吗啡一起用吗，有啥副作用要注意"; not "…how high will sugars go, and should I increase
    her insulin?", whose later part asks its own thing)?"""
    return len(q.parts) > 1 and concept in q.parts[0].concepts and all(concept in p.inherited and not p.concepts for p in q.parts[1:])


def _rescue_asked(q: Question) -> bool:
    """A dose of the rescue asked ("60 kg - max total lipid? reduce the adrenaline?"), in the middle of the emergency."""
    # (or how long to run it, when to stop it: "脂肪乳怎么停", "how long do I keep the lipid running")
    # (its name typed with a homophone slip is the rescue still: "脂肪如怎么给 病人60公斤")
    return bool(({"dose", "limit"} & set(q.aspects) or _RESCUE_RUN.search(q.text))
                and (_RESCUE_DRUG.search(q.text) or RESCUE_DRUGS & {m.concept for m in q.matches if m.how == "homophone"}))


def _over_before(q: Question, last: str) -> bool:
    """Did the turn before tell the picture over ("已经完全恢复 意识清楚 生命体征平稳", "she's fully recovered now, back to
    baseline, obs normal", "ok stable now, SR 80, BP 120/70, talking normally")?"""
    # (not one still showing a sign: "lipid bolus given, HR now 60, BP 90/50, still drowsy")
    return bool(last) and (any(rx[q.lang].search(last) for rx in (SETTLED, FADING, SIGN_STOPPED, NORMAL_VITALS))
                           or bool(_RECOVERED_TOLD.search(last))) and not _STILL[q.lang].search(last)


_RECOVERED_TOLD = lazy(r"\b(?:fully |completely )?recovered\b|\bback to (?:her |his |their )?(?:baseline|normal|usual)\b|\bstable now\b|"
                       r"\bnow stable\b|\bobs (?:are |now )?(?:normal|fine|stable)\b|\btalking normally\b|\bresolved\b|"
                       r"完全恢复|恢复正常|已恢复|平稳|意识清楚|已经好了|没事了", re.I)


def _rescue_goes_on(q: Question, concepts: set[str], last: str, tri: Triage, thread: Callable[[], Triage]) -> Triage:
    """A dose of the rescue asked right after the picture was told ("60 kg - max total lipid? reduce the adrenaline?"
    after the seizure and bradycardia): the emergency of the turn before goes on (as the thread reads it: a slow heart
    and a low pressure after the seizure of a toxicity are the toxicity's, not a faint)."""
    if tri.urgent or not _rescue_asked(q) or not q.history or _WOULD_HAVE.search(q.text) or _over_before(q, last):
        return tri  # (not after a turn that told it over, "fully recovered and discharged", nor asked in hindsight)
    prior = thread() if len(q.history) > 1 else Triage(False)
    prior = prior if prior.urgent else triage(last, q.lang, concepts)
    return prior if prior.urgent else tri


_RESCUE_DRUG = lazy(r"(?<!high )(?<!lipid-lowering )\blipids?\b(?! ?-?lowering)|intralipid|\bILE\b|脂肪乳|\bnaloxone|\bnarcan|纳洛酮", re.I)
_RESCUE_RUN = lazy(r"\bhow long (?:do|should|can|must|to) (?:i |we )?(?:keep (?:it |them |the \w+ )?(?:going|running|on)|run|continue|give|infuse|go on)\b|\bhow long (?:should |does |do )?(?:the |it |they )?"
                  r"(?:lipid|intralipid|infusion|naloxone)s? (?:run|go|continue|last)|\bwhen (?:can|do|should|to) (?:i |we )?(?:stop|turn (?:it )?off|wean)|\bhow (?:do|should) (?:i|we) stop\b|"
                  r"\bkeep (?:it |them )?(?:going|running)|怎么停|如何停|何时停|什么时候停|停多久|输多久|持续多久|要输到|输到什么时候", re.I)
_RESCUE_TOLD = lazy(r"\bdos(?:e|ing)\b|how much|\bbolus|\binfusion|\bgave|\bgiven|\bstarted|\brunning|\bpushed|"
                          r"剂量|多少|推注|输注|给了|推了|用了|开始", re.I)


def _rank(rule: str) -> int:
    """Place of a pathway in the priority order (see `safety.PRIORITY`)."""
    return PRIORITY.index(rule) if rule in PRIORITY else len(PRIORITY)


def _how_soon_first(q: Question, rule: str, bullets: list[Bullet]) -> list[Bullet]:
    """Asked whether a deficit's care can wait ("MRI要排到明天早上，先观察可以吗？"): how soon decompression must come first."""
    # (asked whether to start a drug meanwhile, "MRI not till tomorrow - start antibiotics now?": that drug's step answers)
    # (or how soon it must come, "if it is a haematoma how fast does she need to get to theatre", 几个小时内必须手术)
    # (not a drug's restart asked how soon: "减压后多快能恢复吃波立维", "how soon can she restart her clexane")
    if rule != "neuraxial-deficit" or not (WAIT_ASK[q.lang].search(q.text) or _HOW_SOON[q.lang].search(q.text)) \
            or _START_ASKED.search(q.text) or _RESTART_ASKED.search(q.text):
        return bullets
    return sorted(bullets, key=lambda b: not _WITHIN_HOURS.search(b.sentence.text))


def _no_haematoma_on_the_needle(q: Question, bullets: list[Bullet]) -> list[Bullet]:
    """A shock or paraesthesia on the needle ("as I advance the Tuohy … an electric shock down both arms"): a haematoma's
    presentation, hours later, is no part of that moment (when another bullet is left)."""
    if not on_the_needle(q.text, q.lang) or _HAEMATOMA in q.all_concepts:
        return bullets
    kept = [b for b in bullets if not (_HAEMATOMA in b.sentence.concepts and b.kind != "action")]
    return kept or bullets


def _surgery_over_drugs(q: Question, rule: str, sents: Sequence[Sentence], bullets: list[Bullet]) -> list[Bullet]:
    """Antibiotics alone, or no surgery, put forward for a deficit's cause shown on the scan ("MRI提示L3-5硬膜外脓肿，神外说先保守
    抗生素，可以吗", "spinal team want to treat with abx only - ok?"): what the sources say of the decompression's timing
    and of who does well without it leads."""
    # (only for the cause the scan showed: not a haematoma it ruled out, "MRI shows no haematoma or abscess … conservative?")
    if rule != "neuraxial-deficit" or not _CONSERVATIVE_ASK.search(q.text) or _CAUSE_RULED_OUT.search(q.text) \
            or not {"epidural-abscess", _HAEMATOMA} & (set(q.all_concepts) - set(q.excluded)):
        return bullets
    abscess = "epidural-abscess" in q.all_concepts
    # (who does well without surgery first, then how soon the decompression must come; only sentences of the cause's
    # decompression, never another condition's conservative care)
    fits = sorted((x for x in [*(b.sentence for b in bullets), *sents] if _CAUSE.search(x.text) and (_DECOMPRESSION.search(x.text) or _CONSERVATIVE_ASK.search(x.text))
                   and (_WITHIN_HOURS.search(x.text) or _CONSERVATIVE_ASK.search(x.text)) and (not abscess or _ABSCESS_TOO.search(x.text))),
                  key=lambda x: (not _CONSERVATIVE_ASK.search(x.text), bool(HEDGE[x.chunk.lang].search(x.text))))
    lead = list({x.text: x for x in fits}.values())[:2]
    return [Bullet(x, 0, 1.0, "action") for x in lead] + [b for b in bullets if b.sentence.text not in {x.text for x in lead}]


_CONSERVATIVE_ASK = lazy(r"\bconservative\w*|\bnon-?operative\w*|\bnon-?surgical\w*|\bwithout (?:surgery|an operation|decompression)\b|"
                         r"\b(?:abx|antibiotics?|iv antibiotics?)\s+(?:only|alone)\b|\bjust (?:abx|antibiotics?)\b|"
                         r"保守|只用抗生素|单用抗生素|单纯抗生素|光用抗生素|不手术|不开刀|先不做手术", re.I)
SURGICAL_DECOMPRESSION = "surgical-decompression"
# a steroid's systemic effects (a diabetic's glucose, the adrenal axis, cumulative exposure) and the words asking them at large
_SYSTEMIC_EFFECTS = frozenset({"steroid-hyperglycaemia", "hpa-axis-suppression", "adrenal-insufficiency", "cushing-syndrome", "diabetes",
                               "blood-glucose", "insulin", "osteoporosis", "steroid-cover", "prednisone", "prednisolone",
                               "hydrocortisone"})  # (a steroid the patient takes by mouth: its systemic effects add up)
_SYSTEMIC_SAID = frozenset({"steroid-hyperglycaemia", "hpa-axis-suppression", "adrenal-insufficiency", "cushing-syndrome", "blood-glucose"})
_AT_THE_NEEDLE = frozenset({"negative-aspiration", "intravascular-injection"})  # what the needle shows, no state of the patient
_STEROIDS_NAMED = frozenset({"corticosteroid", "particulate-steroid", "steroid-injection"})
_SIDE_EFFECTS_ASKED = lazy(r"\bside[- ]?effects?\b|\bsystemic\b|\bwhole[- ]body\b|\bcumulative\b|\bhow (?:much|many|often)\b|副作用|全身|累积|不良反应|多少|几次|"
                           # (aftercare or a repeat asked: "after a caudal with triamcinolone, what should I watch for?", 术后要注意什么)
                           r"\bwatch\b|\bafter\b|\brepeat|注意|术后|重复|多久|"
                           r"\bdose\b|\bmg\b|剂量", re.I)
_DECOMPRESSION = lazy(r"decompress|减压", re.I)
_ABSCESS_TOO = lazy(r"abscess|脓肿", re.I)
_CAUSE = lazy(r"ha?ematoma|abscess|血肿|脓肿", re.I)
_CAUSE_RULED_OUT = lazy(r"\bno (?:\w+ )?(?:ha?ematoma|abscess|collection)|\b(?:ha?ematoma|abscess) (?:was |is )?(?:ruled out|excluded)|"
                        r"(?:无|没有|未见|排除)(?:明显)?(?:的)?(?:血肿|脓肿)", re.I)


_RESTART_ASKED = lazy(r"\b(?:when|how soon|how long|how quickly)\b[^.?]{0,30}\b(?:restart|resum|back on)|"
                     r"(?:多快|多久|什么时候|何时|几天|几个小时)[^，。？?]{0,8}(?:恢复|吃回|重新)|"
                     r"(?:恢复|吃回|重新(?:吃|用))[^，。？?\s]{0,6}(?:要)?(?:多快|多久|什么时候|何时|几天)", re.I)
_HOW_SOON = {"en": lazy(r"\bhow (?:fast|soon|quickly|urgently|long do (?:we|i) have)\b|\btime window\b|\bwithin how (?:long|many hours)\b|"
                        r"\bhow many hours\b", re.I),
             "zh": lazy(r"多快|多久内|多长时间内|几个?小时内|多少小时内|时间窗|最晚|来得及")}


def _bundled_first(bullets: list[Bullet]) -> list[Bullet]:
    """Bundled knowledge leads when it covers the question too (user documents are untrusted); order kept otherwise (what
    a look-back follow-up asks leads the steps it follows)."""
    return sorted(bullets, key=lambda b: (b.kind != "asked", b.part, b.sentence.chunk.origin != "bundled"))


# Concept kinds that make an emergency question specific (what it adds to its pathway).
_SPECIFIC = frozenset({"procedure", "complication", "finding", "condition"})
# The asks of a planning question (limits, doses, holds, rates), and of the bedside (what is it, what now).
# the pictures a haematoma's recovery shares may answer (a deficit told, not a cord infarct), and the harms whose outcome
# is no haematoma's
_HAEMATOMA_PICTURE = (DEFICIT_TOLD - {"spinal-cord-infarction"}) | {"haematoma", "numbness", "paraplegia"}
_GRANULOMA = "catheter-tip-granuloma"
_NOT_A_HAEMATOMA = frozenset({_ABSCESS, "last", "cardiorespiratory-arrest", "spinal-cord-infarction", "meningitis",
                              # (a vascular picture: blurred vision and a numb hand after a cervical TFESI)
                              "stroke", "visual-loss", "cortical-blindness"})
_SHARE = re.compile(r"\d+(?:\.\d+)?\s*%(?!\s*CI)")
_TIMING_JUDGED = lazy(r"\btoo (?:early|soon|late)\b|太早|太快|早了|过早|"
                     # (a hold told too short, judged: "只停了两天，这停药时间够吗", "only held it 2 days - was that enough?")
                     r"(?:时间|天数|天)[^，。？?]{0,4}够(?:吗|不够|么)|够不够|停[的得]?(?:不够|够(?:吗|了吗|么)|太短|短了)|\b(?:long )?enough\?|\bwas (?:that|it) enough\b|\blong enough\b|"
                     # (the last dose told by its hours before the procedure: "ward gave last dose 6h before the procedure")
                     r"\blast dose\b[^.?!]{0,20}?\b\d+(?:\.\d+)?\s*(?:h|hrs?|hours?)\s+before (?:the |her |his )?(?:procedure|injection|block|esi|epidural)\b|"
                     r"(?:术前|操作前|穿刺前)\s*\d+(?:\.\d+)?\s*(?:个)?(?:小时|h)[^，。？?]{0,6}(?:打|用|给|注射)了?(?:最后一[针次剂])?", re.I)
# a sentence saying what brings a harm about ("…during refill delivers reservoir drug intrathecally and causes overdose")
_CAUSES = {"en": lazy(r"\bcaus(?:es|ed|ing)\b|\blead(?:s|ing)? to\b|\bresults? in\b", re.I), "zh": lazy(r"导致|引起|造成")}
# (a slow heart and a low pressure two turns after a toxicity's seizure are the toxicity's, not a faint)
_SCENE_REFINES = frozenset({("neuraxial-deficit", "esi-stroke"), ("vasovagal", "last")})
_PLANNING = frozenset({"limit", "dose", "hold", "prevention", "frequency", "risk_factors", "contraindications", "timing", "mechanism"})
_BEDSIDE = frozenset({"action", "recognition", "escalation", "definition", "expected"})


def _span_said_once(lines: list[str], lang: Lang) -> list[str]:
    """Asked how long to watch a settled emergency ("naloxone given, he woke up. how long do we watch him?"): the note that
    no length of time is given says it; the general note on what to do once it settled goes."""
    if not any(x.startswith(NOTE_PREFIX + _NO_SPAN[lang].split("{")[0]) for x in lines):
        return lines
    return [x for x in lines if not x.startswith(NOTE_PREFIX + _NO_RESUME[lang].split("{")[0])]


def _hgroup(b: Bullet) -> str:
    return "evidence" if b.kind == "note" else b.sentence.group


_WHAT_IT_HAS = (" What it has on it:", "相关内容如下：")
# the joining word a later part starts with ("… and how long do we observe her", "另外…")
# who is asking, said before the ask ("Spine surgeon here.", "Neuro here -", "你好，"): no part of a heading
_PREAMBLE = lazy(r"^(?:(?:hi|hello|hey)\b[\s,!.]*)?(?:[A-Za-z/ -]{2,30}? here|this is (?:the |an? )?[A-Za-z/ -]{2,30}?)\s*[.,:;!\-–—]+\s*(?=\S)|"
                       r"^(?:你好|您好|老师好|主任好)[，,！!。\s]*", re.I)
_JOINER = lazy(r"^(?:(?:and|also|plus|then|but|so|&)(?=[\s,])[\s,]*)+|^(?:另外|还有|以及|并且|而且|同时|那么|那(?=[，,\s]))[，,\s]*", re.I)


def _said_once(lines: list[str]) -> list[str]:
    """Notes in a row that each end "What it has on it:" end so only the last (the bullets follow it once)."""
    out = list(lines)
    for i in range(len(out) - 1):
        if out[i].startswith(NOTE_PREFIX) and out[i + 1].startswith(NOTE_PREFIX):
            for tail in _WHAT_IT_HAS:
                if out[i].endswith(tail) and out[i + 1].endswith(tail):
                    out[i] = out[i][: -len(tail)].rstrip()
    return out


def _short(text: str, n: int = 90) -> str:
    # (what is told after the last ask is no heading: "什么时候可以出院？注射很顺利。病人情况良好。")
    said = [t for t in re.split(r"(?<=[.!;?])\s+|(?<=[。！；？])\s*", text.strip()) if t.strip()]
    last_ask = max((i for i, t in enumerate(said) if t.rstrip().endswith(("?", "？"))), default=len(said) - 1)
    text = " ".join(said[:last_ask + 1]) if len(said) > 1 else text
    text = _JOINER.sub("", _PREAMBLE.sub("", text.strip())).rstrip("?？").strip() or text.strip()
    if _HAN.search(text):  # the frame reads "TFESI和ILESI" as "TFESI and ILESI": a Chinese heading keeps its 和
        text = _MIXED_JOINED.sub(lambda m: "和" if m.group(1) == "and" else "或", text)
    told = [t for t in re.split(r"(?<=[.!;])\s+|(?<=[。！；])\s*", text) if t.strip()]  # (not inside "0.4 mg")
    if len(told) > 1 and (len(_HAN.findall(told[-1])) >= 4 or len(re.findall(r"[A-Za-z]+", told[-1])) >= 3):
        text = told[-1]  # (the story told before the ask is no heading: "Naloxone given, he's awake. How long do we watch him?")
    elif len(text) > n:  # ("It's been 48 hrs of … still can't sit up. When is …": the shortest tail that fits)
        text = next((" ".join(told[i:]) for i in range(1, len(told)) if len(" ".join(told[i:])) <= n), text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


_HAN = lazy(r"[\u4e00-\u9fff]")
# an amount measured (a glucose, a pressure): how far a finding moved
_MIXED_JOINED = lazy(r"(?<=[A-Za-z]) (and|or) (?=[A-Za-z])")


def _comparing_part(q: Question) -> Part | None:
    """The first part of the question that asks a comparison."""
    return next((p for p in q.parts if "comparison" in p.aspects), None)


def _join(items: Sequence[str], lang: Lang) -> str:
    if lang == "zh":
        return "、".join(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000

