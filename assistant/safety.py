"""Red-flag triage and disclaimers: rule tables in both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .types import Lang

DISCLAIMER = {
    "en": "Decision support only: not a substitute for clinical judgement and local protocols.",
    "zh": "仅供临床决策参考，不能替代临床判断和本单位规范。",
}

EVENT_CUES = {
    "en": r"\b(my patient|the patient|patient (?:is|has|was|became|develop\w*|now|just|suddenly|complain\w*)|he |she |h(?:e|is) (?:is|has)|"
    r"after\b|during|while|now|just|suddenly|develop\w*|became|becomes|is having|has become|started|minutes|hours|days|"
    r"post[- ]?(?:op|procedure|injection|refill)|following|\w+ing after|what (?:do|should) (?:i|we) do|now what)",
    "zh": r"(患者|病人|刚|突然|出现|之后|以后|后|现在|正在|几分钟|数分钟|数小时|几小时|导致|发生了|已经|还是|"
    r"怎么办|马上|立即|时[，,]|中|近|进行性|诉|开始|迅速)",
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


_STOP = {"en": "Stop the procedure, call for help and start your emergency pathway now", "zh": "立即停止操作、呼叫支援并启动本单位急救流程"}

RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "last",
        {"en": (r"seiz|convuls|fitting|arrhythm|arrest|\bvf\b|ventricular fibrillation|asystol|unresponsive|loss of consciousness|perioral|circumoral|"
                r"metallic taste|tinnitus|ringing in (?:the |her |his )?ears|tongue|ventricular|qrs|broad[- ]complex|agitat|twitch|"
                r"tingl\w* (?:around |of )?(?:the |her |his )?(?:mouth|lips)|lips? (?:are |is )?(?:tingl|numb)|jerking|slurred speech",),
         "zh": (r"抽搐|惊厥|癫痫发作|心律失常|心脏骤停|心搏骤停|室颤|室速|室性|意识丧失|口周麻木|口唇麻木|舌头?发?麻|嘴周围发麻|金属味|耳鸣|神志不清|QRS|宽大|躁动|"
                r"嘴唇发麻|口唇发麻|口周发麻|肌肉抽动|肌颤|言语不清|胡言乱语",)},
        {"en": r"local an(?:a)?esthetic|lidocaine|lignocaine|bupivacaine|ropivacaine|levobupivacaine|mepivacaine|block|inject|\bLAST\b",
         "zh": r"局麻药|局部麻醉|利多卡因|布比卡因|罗哌卡因|阻滞|注射|注入|注药|局麻|神经成形"},
        {"en": "URGENT: possible local anaesthetic systemic toxicity (LAST). " + _STOP["en"] + "; the management steps below are quoted from the cited sources.",
         "zh": "紧急：可能为局麻药全身毒性（LAST）。" + _STOP["zh"] + "；以下处理步骤引自所列来源。"},
        {"en": "local anaesthetic systemic toxicity LAST management lipid emulsion seizures airway",
         "zh": "局麻药全身毒性 处理 脂肪乳 惊厥 气道"},
    ),
    RedFlag(
        "neuraxial-deficit",
        {"en": (r"weak|paraly|paraplegi|quadripleg|tetrapleg|numb|can(?:no|')t (?:move|lift|feel)|unable to (?:move|lift)|bladder|bowel|incontinen|urinary retention|saddle|"
                r"foot drop|cauda equina|electric shock|shooting pain|lightning|paraesthesi|paresthesi|legs? (?:feel |are |is )?heavy|"
                r"loss of (?:sensation|feeling)|sensory level",),
         "zh": (r"无力|瘫痪|截瘫|四肢瘫|麻木|不能动|无法活动|动不了|大小便|排尿|尿潴留|尿失禁|大便失禁|鞍区|马尾|电击样|放射到|触电|"
                r"发沉|感觉平面|感觉减退|感觉消失|抬不起",)},
        {"en": r"epidural|\bESI\b|\bTFESI\b|\bILESI\b|transforaminal|interlaminar|stimulat|\bSCS\b|pump|intrathecal|neuraxial|spinal|lead|catheter|vertebroplasty|kyphoplasty|"
               r"facet|radiofrequency|discogra|blood patch|epiduroscop|nerve root|lumbar|thoracic|cervical (?:epidural|injection|procedure)",
         "zh": r"硬膜外|刺激|泵|鞘内|椎管|导联|电极|导管|椎体成形|后凸成形|成形术|关节突|射频|脊髓|神经根|血补片|腰椎|胸椎|颈椎"},
        {"en": "URGENT: a new neurological deficit after a neuraxial procedure or implant can be a spinal haematoma, abscess or cord injury. "
               + _STOP["en"] + ": urgent neurological assessment, emergency MRI and spinal surgery consultation.",
         "zh": "紧急：椎管内操作或植入术后新发神经功能障碍可能是椎管内血肿、脓肿或脊髓损伤。" + _STOP["zh"] + "：紧急神经系统评估、急诊MRI并请脊柱外科会诊。"},
        {"en": "epidural haematoma abscess neurological deficit urgent MRI decompression", "zh": "硬膜外血肿 脓肿 神经功能障碍 急诊 MRI 减压"},
    ),
    RedFlag(
        "implant-infection",
        {"en": (r"fever|febrile|pyrex|rigor|temperature", r"back pain|wound|erythema|red|pus|discharg|swell|neck stiff|meningi|headache"),
         "zh": (r"发热|发烧|高热|寒战|体温", r"背痛|腰痛|伤口|切口|红肿|流脓|渗液|颈强直|脑膜|头痛")},
        {"en": r"implant|stimulat|\bSCS\b|pump|intrathecal|epidural|lead|catheter|\bIPG\b|generator",
         "zh": r"植入|刺激器|泵|鞘内|硬膜外|电极|导管|发生器"},
        {"en": "URGENT: fever with back pain or wound signs after an implant or neuraxial procedure can be an epidural abscess or meningitis. "
               + _STOP["en"] + ": urgent assessment, blood cultures, MRI and surgical review.",
         "zh": "紧急：植入或椎管内操作后发热伴背痛或切口异常，可能是硬膜外脓肿或脑膜炎。" + _STOP["zh"] + "：紧急评估、血培养、MRI并请外科评估。"},
        {"en": "infection epidural abscess meningitis implant fever management", "zh": "感染 硬膜外脓肿 脑膜炎 植入 发热 处理"},
    ),
    RedFlag(
        "airway-haematoma",
        {"en": (r"neck swell|swelling (?:of|in) the neck|swollen neck|hoarse|voice chang|stridor|difficulty swallowing|dysphag",),
         "zh": (r"颈部.{0,4}肿胀|颈部肿|声音嘶哑|声音变|喘鸣|吞咽困难",)},
        {"en": r"stellate|\bSGB\b|cervical|neck|sympathetic|thyroid", "zh": r"星状|颈|交感|甲状"},
        {"en": "URGENT: rapid neck swelling, voice change or stridor after a stellate ganglion or cervical procedure can be an expanding (retropharyngeal) "
               "haematoma threatening the airway. " + _STOP["en"] + ": secure the airway early and get anaesthetic and surgical help.",
         "zh": "紧急：星状神经节或颈部操作后颈部迅速肿胀、声音改变或喘鸣，可能是进行性增大的（咽后）血肿，危及气道。" + _STOP["zh"] + "：尽早控制气道并请麻醉科和外科支援。"},
        {"en": "stellate ganglion block retropharyngeal haematoma airway", "zh": "星状神经节阻滞 咽后血肿 气道"},
    ),
    RedFlag(
        "epiduroscopy-pressure",
        {"en": (r"neck (?:ache|pain)|headache|blurred vision|visual|vision|seiz|hypertens|arrhythm",),
         "zh": (r"颈痛|颈部.{0,2}痛|头痛|视物模糊|视力|抽搐|血压|心律失常|剧烈疼痛",)},
        {"en": r"epiduroscop|irrigat|saline|neuroplasty|adhesiolysis|Racz", "zh": r"硬膜外腔镜|冲洗|盐水|神经成形|粘连松解|Racz"},
        {"en": "URGENT: neck pain, headache, visual symptoms or haemodynamic change during epiduroscopy or neuroplasty can mean raised epidural and CSF pressure "
               "from fluid. " + _STOP["en"] + ": stop irrigation or injection, assess vision and neurology.",
         "zh": "紧急：硬膜外腔镜或神经成形术中出现颈痛、头痛、视觉症状或血流动力学变化，可能是液体导致硬膜外及脑脊液压力升高。" + _STOP["zh"] + "：停止冲洗或注药，评估视力和神经功能。"},
        {"en": "epiduroscopy saline irrigation pressure retinal haemorrhage visual loss", "zh": "硬膜外腔镜 生理盐水 冲洗 压力 视网膜出血 视力"},
    ),
    RedFlag(
        "cement-embolism",
        {"en": (r"chest (?:tight|pain|discomfort)|breathless|short(?:ness)? of breath|dyspn|desaturat|spo2|sats|hypox|hypotens|cough|"
                r"tachycard|collapse|blood pressure (?:drop|fall)|pressure dropp",),
         "zh": (r"胸闷|胸痛|气短|气促|呼吸困难|血氧|低氧|血压下降|低血压|咳嗽|心动过速|憋气|氧饱和度",)},
        {"en": r"cement|vertebroplast|kyphoplast|\bPMMA\b|vertebral augmentation|\bPVP\b|\bPKP\b",
         "zh": r"骨水泥|椎体成形|后凸成形|椎体强化|\bPVP\b|\bPKP\b|\bPMMA\b"},
        {"en": "URGENT: chest tightness, breathlessness, desaturation or hypotension during or after cement injection can be a pulmonary cement "
               "embolism. " + _STOP["en"] + ": stop injecting cement, give oxygen, support the circulation and arrange chest imaging.",
         "zh": "紧急：注入骨水泥时或之后出现胸闷、呼吸困难、血氧下降或低血压，可能是肺骨水泥栓塞。" + _STOP["zh"] + "：停止注入骨水泥，给氧、循环支持并安排胸部影像检查。"},
        {"en": "pulmonary cement embolism vertebroplasty kyphoplasty management oxygen anticoagulation", "zh": "肺骨水泥栓塞 椎体成形 后凸成形 处理 吸氧 抗凝"},
    ),
    RedFlag(
        "pneumothorax",
        {"en": (r"breathless|short(?:ness)? of breath|dyspn|chest pain|difficulty breathing|can(?:no|')t breathe|desaturat|spo2|hypox|pleuritic",),
         "zh": (r"呼吸困难|气短|气促|胸痛|胸闷|憋气|血氧|低氧|喘不过气",)},
        {"en": r"thorac|stellate|intercostal|paravertebral|supraclavicular|brachial|sympathetic|cervical|T\d|rib|lung|pleura|block|inject",
         "zh": r"胸|星状|肋间|椎旁|锁骨上|臂丛|交感|颈|肋|肺|胸膜|阻滞|注射"},
        {"en": "URGENT: breathlessness or chest pain after a thoracic, cervical or stellate procedure can be a pneumothorax "
               "(after vertebral augmentation, also a pulmonary cement embolism). "
               + _STOP["en"] + ": oxygen, monitoring and an urgent chest X-ray or ultrasound.",
         "zh": "紧急：胸段、颈段或星状神经节操作后出现呼吸困难或胸痛，可能是气胸（椎体强化术后还需考虑肺骨水泥栓塞）。" + _STOP["zh"] + "：吸氧、监护，并紧急行胸部X线或超声检查。"},
        {"en": "pneumothorax cement embolism thoracic procedure chest pain dyspnoea management", "zh": "气胸 骨水泥栓塞 胸段 操作 胸痛 呼吸困难 处理"},
    ),
    RedFlag(
        "esi-stroke",
        {"en": (r"vision|visual|blind|can(?:no|')t see|stroke|facial droop|slurred|hemipar|aphasi|word[- ]finding|one side|cortical",),
         "zh": (r"视力|视物|失明|看不见|看不清|卒中|中风|口角歪斜|言语不清|偏瘫|失语|一侧肢体",)},
        {"en": r"epidural|\bESI\b|\bTFESI\b|transforaminal|steroid|inject|cervical|vertebral artery|block",
         "zh": r"硬膜外|类固醇|激素|注射|经椎间孔|颈|椎动脉|阻滞"},
        {"en": "URGENT: visual loss or stroke signs after an epidural steroid injection suggest embolic or vascular injury to the brain, brainstem, cord or retina. "
               + _STOP["en"] + ": activate the stroke pathway and get urgent neurological review.",
         "zh": "紧急：硬膜外类固醇注射后出现视力丧失或卒中征象，提示脑、脑干、脊髓或视网膜的栓塞或血管损伤。" + _STOP["zh"] + "：启动卒中急救流程并紧急请神经科会诊。"},
        {"en": "epidural steroid injection stroke infarction particulate steroid embolism catastrophic neurologic", "zh": "硬膜外类固醇注射 卒中 梗死 颗粒型类固醇 栓塞 神经系统"},
    ),
    RedFlag(
        "idd-overdose",
        {"en": (r"drows|sedat|somnolen|slow breath|breathing slow|respiratory depress|respiratory rate|pinpoint|unrous|hypovent|apn(?:o)?ea|not breathing|won't wake|"
                r"hard to (?:rouse|wake)|difficult to (?:rouse|wake)|snoring|\brr (?:of )?[2-9]\b",),
         "zh": (r"嗜睡|镇静过度|昏睡|呼吸变慢|呼吸减慢|呼吸抑制|呼吸频率|针尖样瞳孔|叫不醒|呼吸暂停|呼吸停止|呼之不应|打鼾|瞳孔缩小",)},
        {"en": r"pump|refill|intrathecal|morphine|hydromorphone|opioid|ziconotide|\bIDD\b|pocket",
         "zh": r"泵|补充|加药|鞘内|吗啡|氢吗啡酮|阿片|齐考诺肽|囊袋"},
        {"en": "URGENT: drowsiness or slow breathing after an intrathecal pump refill can be an opioid overdose (for example a pocket fill). "
               + _STOP["en"] + ": support breathing, give naloxone per local protocol and monitor closely.",
         "zh": "紧急：鞘内泵补充后嗜睡或呼吸变慢，可能是阿片类药物过量（如误注入囊袋）。" + _STOP["zh"] + "：支持通气、按本单位规范给予纳洛酮并严密监护。"},
        {"en": "intrathecal pump refill pocket fill overdose respiratory depression naloxone", "zh": "鞘内泵 补充 误注入囊袋 过量 呼吸抑制 纳洛酮"},
    ),
    RedFlag(
        "vasovagal",
        {"en": (r"faint|syncop|pale|pallor|sweat|diaphore|bradycard|vasovagal|light-?headed|heart rate (?:of )?[1-4]\d\b|collapse",),
         "zh": (r"晕厥|晕倒|面色苍白|苍白|发白|大汗|出汗|冷汗|心率慢|心动过缓|血管迷走|头晕|心率\s*[1-4]\d\s*次",)},
        {"en": r"inject|block|epidural|\bESI\b|procedure|needle|\bRF\b|radiofrequency",
         "zh": r"注射|阻滞|穿刺|操作|硬膜外|射频"},
        {"en": "URGENT: pallor, sweating, bradycardia or fainting during or after an injection is most often a vasovagal reaction, but local anaesthetic "
               "toxicity, high block or anaphylaxis must be excluded. " + _STOP["en"] + ": lie the patient flat, monitor, and secure IV access.",
         "zh": "紧急：注射中或注射后出现面色苍白、大汗、心动过缓或晕厥，多为血管迷走反应，但须排除局麻药全身毒性、高位阻滞或过敏反应。"
               + _STOP["zh"] + "：让患者平卧、监护并建立静脉通路。"},
        {"en": "vasovagal reaction management supine intravenous access monitoring", "zh": "血管迷走反应 处理 平卧 静脉通路 监护"},
    ),
    RedFlag(
        "baclofen-withdrawal",
        {"en": (r"fever|rigid|spastic|spasm|itch|pruritus|withdrawal|alarm|battery|agitat|confus|rhabdo|creatine kinase",),
         "zh": (r"高热|发热|僵硬|强直|痉挛|瘙痒|撤药|戒断|报警|电量|躁动|意识模糊|横纹肌溶解|肌酸激酶",)},
        {"en": r"baclofen", "zh": r"巴氯芬"},
        {"en": "URGENT: fever, rigidity or rebound spasticity in a patient with an intrathecal baclofen pump can be baclofen withdrawal, which can be fatal. "
               + _STOP["en"] + ": check the pump and catheter urgently and restore baclofen delivery per local protocol.",
         "zh": "紧急：鞘内巴氯芬泵患者出现高热、肌肉僵硬或痉挛反跳，可能为巴氯芬撤药综合征，可危及生命。" + _STOP["zh"] + "：紧急检查泵和导管，并按本单位规范尽快恢复巴氯芬给药。"},
        {"en": "intrathecal baclofen withdrawal pump catheter malfunction", "zh": "鞘内 巴氯芬 撤药 泵 导管 故障"},
    ),
    RedFlag(
        "contrast-anaphylaxis",
        {"en": (r"anaphyla|hives|urticari|wheez|throat (?:swell|tight)|throat\b.{0,12}tight|fac(?:e|ial)\b.{0,10}swell|lips?\b.{0,10}swell|"
                r"angio-?oedema|angioedema|stridor|hypotens|rash|bronchospasm|\bbp (?:of )?[4-8]\d/",),
         "zh": (r"过敏性休克|过敏反应|荨麻疹|喘鸣|哮鸣|喉头水肿|血管性水肿|低血压|皮疹|支气管痉挛",)},
        {"en": r"contrast|dye|gadolinium|iodinated|iodine|omnipaque|iohexol",
         "zh": r"造影剂|对比剂|钆|碘|欧乃派克"},
        {"en": "URGENT: possible anaphylaxis. " + _STOP["en"] + ": give intramuscular adrenaline per your anaphylaxis protocol, airway support and fluids.",
         "zh": "紧急：可能为过敏性休克。" + _STOP["zh"] + "：按过敏性休克规范肌注肾上腺素，并给予气道支持和补液。"},
        {"en": "contrast reaction anaphylaxis allergy management", "zh": "造影剂 过敏反应 过敏性休克 处理"},
    ),
    RedFlag(
        "total-spinal",
        {"en": (r"total spinal|high spinal|high block|apn(?:o)?ea|stopped breathing|not breathing|respiratory arrest|fixed dilated",),
         "zh": (r"全脊麻|全脊髓麻醉|高位阻滞|呼吸停止|呼吸暂停|不呼吸|瞳孔散大",)},
        {"en": r"epidural|intrathecal|inject|block|stellate|cervical|neuraxial",
         "zh": r"硬膜外|鞘内|注射|阻滞|星状|颈|椎管"},
        {"en": "URGENT: sudden apnoea, unconsciousness or profound hypotension after a neuraxial or cervical injection can be a total spinal or intravascular injection. "
               + _STOP["en"] + ": airway, ventilation and circulatory support.",
         "zh": "紧急：椎管内或颈部注射后突发呼吸暂停、意识丧失或严重低血压，可能是全脊麻或血管内注射。" + _STOP["zh"] + "：立即进行气道管理、通气和循环支持。"},
        {"en": "intrathecal injection total spinal dural puncture intravascular injection management", "zh": "鞘内注射 全脊麻 硬脊膜穿破 血管内注射 处理"},
        {"en": r"seiz|convuls|fitting|tinnitus|perioral|circumoral|metallic|qrs|arrhythm|twitch", "zh": r"抽搐|惊厥|耳鸣|口周|口唇麻|金属味|QRS|心律失常"},
    ),
    RedFlag(
        "esi-stroke",  # cord infarction: sudden paraplegia right after a transforaminal (particulate) injection is vascular, not a haematoma
        {"en": (r"weak|paraly|paraplegi|can(?:no|')t (?:move|feel|lift)|no (?:feeling|sensation)|numb|flaccid",),
         "zh": (r"瘫|无力|不能动|动不了|没有感觉|感觉消失|麻木|软",)},
        {"en": r"transforaminal|\bTFESI\b|particulate|triamcinolone|methylprednisolone|depo-?medrol|kenalog",
         "zh": r"经椎间孔|颗粒|曲安奈德|甲泼尼龙|得宝松|倍他米松"},
        {"en": "URGENT: sudden weakness or loss of sensation during or right after a transforaminal injection can be a spinal cord infarction from "
               "intra-arterial injection. " + _STOP["en"] + ": do not inject further, get emergency MRI and neurological / neurosurgical review.",
         "zh": "紧急：经椎间孔注射中或刚注射后突发无力或感觉丧失，可能是动脉内注射导致的脊髓梗死。" + _STOP["zh"] + "：不再继续注射，急诊 MRI 并请神经科/神经外科会诊。"},
        {"en": "spinal cord infarction transforaminal particulate steroid radicular artery Adamkiewicz MRI", "zh": "脊髓梗死 经椎间孔 颗粒型类固醇 根动脉 Adamkiewicz MRI"},
        {"en": r"hours? (?:later|after)|next day|days? (?:later|after)|fever", "zh": r"小时后|次日|第二天|天后|发热"},
    ),
)

# Priority when several pathways match: a toxicity picture is LAST before it is a neuraxial deficit; an apnoeic high block
# without LAST signs is a total spinal; cement, contrast and an immediate cord infarct beat the generic pathways.
PRIORITY = ("total-spinal", "last", "cement-embolism", "contrast-anaphylaxis", "epiduroscopy-pressure", "esi-stroke", "neuraxial-deficit",
            "implant-infection", "airway-haematoma", "pneumothorax", "idd-overdose", "baclofen-withdrawal", "vasovagal")
RED_FLAGS = tuple(sorted(RED_FLAGS, key=lambda r: PRIORITY.index(r.id) if r.id in PRIORITY else len(PRIORITY)))


# Where each pathway's actions are written (document slugs, searched in their "Recognition and management" sections).
PATHWAY_DOCS: dict[str, tuple[str, ...]] = {
    "last": ("last",),
    "neuraxial-deficit": ("anticoagulants", "esi-general", "spinal-cord-stimulation", "infection-control"),
    "implant-infection": ("infection-control", "spinal-cord-stimulation", "intrathecal-drug-delivery"),
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
}

# A question about a complication that is not happening now (counselling, frequency, prevention, history) is no emergency.
_NOT_NOW = {
    "en": r"should (?:i|we) (?:warn|tell|counsel|inform|mention|consent)|warn (?:the )?patients?|counsel|consent|how (?:common|often|likely|rare)|"
          r"incidence|what (?:is|are) the (?:risks?|rates?|complications|chances?)|risk of|is it normal|expected|prevent|avoid|reduce the risk|"
          r"history of|last (?:year|month|week)|years? ago|previous(?:ly)?|in the past|had (?:a|an) .* before|can (?:she|he|they) (?:still )?have|"
          r"in (?:the|that|this) (?:study|series|review|audit|cohort|case series)|reported cases|what proportion|what percent|"
          r"could .{0,40} cause|can .{0,40} cause|will .{0,40} cause|is there a risk|usually|typically|how soon (?:do|does|after)|"
          r"mechanism|pathophysiolog|why (?:does|do|is|are)|how does .{0,40} cause|"
          r"(?:now|is) (?:stable|settled|resolved|recovered)|has (?:settled|resolved|recovered)|how long (?:should|do) (?:i|we) (?:observe|monitor)",
    "zh": r"告知|知情同意|宣教|发生率|多常见|概率|正常吗|是否正常|预期|预防|避免|降低.*风险|既往|病史|去年|以前|曾经|能否做|能做吗|可以做吗|"
          r"\d+\s*年前|[一二三四五六七八九十几两]+年前|上次|之前发生过|会不会|会否|是否会|可能会|多久出现|多久会出现|一般在|通常在|"
          r"机制|原理|为什么|病例中|研究中|报道中|文献|占多少|比例|已经.{0,8}控制|平稳|稳定|已缓解|已恢复|观察多久|监测多久",
}
_NOW = {
    "en": r"\bnow\b|right now|just (?:had|became|developed|started|went)|suddenly|currently|is having|has developed|is (?:seizing|fitting|unresponsive)|"
          r"what (?:do|should|can) (?:i|we) do|minutes? (?:ago|after|into)|during the|while (?:injecting|we|i)",
    "zh": r"怎么办|现在|刚刚|刚才|突然|正在|术中|几分钟|数分钟|马上|立即|快",
}


_NEGATED = {
    "en": r"\b(?:no|without|denies|denied|absent|not any)\b[^.;,:?!]*",
    "zh": r"(?:没有|未见|否认|不伴|未出现|无(?![力法菌创名]))[^，,。；;：:？?！!、]*",  # 无力 is weakness, not a negation
}


@dataclass(frozen=True)
class Triage:
    """Result of red-flag triage: the emergency pathway chosen, if any."""

    urgent: bool
    rule: str = ""
    escalation: str = ""
    hint: str = ""
    docs: tuple[str, ...] = ()


@lru_cache(maxsize=64)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def triage(question: str, lang: Lang) -> Triage:
    """The first pathway (table order is priority: a toxicity picture is LAST before it is a neuraxial deficit) whose
    symptoms match and whose procedure context or an event cue matches; none for a counselling or frequency question
    about a complication that is not happening now."""
    q = question if lang == "zh" else f" {question} "
    if _rx(_NOT_NOW[lang]).search(q) and not _rx(_NOW[lang]).search(q):
        return Triage(False)
    q = _rx(_NEGATED[lang]).sub(" ", q)  # "no tinnitus", "没有口周发麻": absent signs do not count
    for rule in RED_FLAGS:
        if rule.exclude and _rx(rule.exclude[lang]).search(q):
            continue
        groups = rule.symptoms[lang]
        if not all(_rx(g).search(q) for g in groups):
            continue
        if _rx(rule.context[lang]).search(q) and _rx(EVENT_CUES[lang]).search(q):
            return Triage(True, rule.id, rule.escalation[lang], rule.hint[lang], PATHWAY_DOCS.get(rule.id, ()))
    return Triage(False)
