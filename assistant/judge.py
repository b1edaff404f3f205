"""Judgement: rank passages by the question's concepts, and decide whether to answer, answer in part, or abstain.

Pure functions over typed inputs; the weights are the `judge` settings group (assistant/config.py)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .frame import ESSENTIAL, IMPLANT_SCAN, MEDICATION_SETTINGS, POPULATIONS, REPEAT_LIMIT, Part, Question, drug_like, procedure_like
from .lazyre import lazy
from .sections import group_of


class JudgeWeights(BaseModel):
    """Weights and thresholds of concept ranking and of the answer/abstain judgement."""

    model_config = ConfigDict(frozen=True)

    broader: float = Field(default=0.5, description="Credit for a passage that mentions only a broader concept (enoxaparin -> LMWH).")
    context: float = Field(default=0.5, description="Weight of concepts inherited from earlier turns relative to the question's own.")
    aspect: float = Field(default=0.3, description="Relative boost of a passage from the asked section group.")
    cover_top: int = Field(default=5, ge=1, description="Passages (best first) that must cover a key concept for it to count as covered.")
    cover_complication: int = Field(default=8, ge=1, description="Passages (best first) that may cover a complication the question "
                                    "names (its picture's words pull passages on the procedure and drug above it).")
    strong_evidence: float = Field(default=0.75, description="Evidence score that answers even when the question's concepts are not "
                                                     "found in the passages (lexicon gaps).")


# The generic "interventional pain procedure" concept: naming it puts a question in our scope like a named procedure.
PAIN_PROCEDURE = "interventional-pain-procedure"

# Techniques, imaging and anaesthesia that go with many specialties' procedures: naming one next to another specialty's
# procedure (a spinal for a caesarean, a steroid injection for a trigger finger, a CT before a diagnostic lumbar
# puncture) does not put the question in our scope.
# The imaging studies a work-up orders.
STUDIES = frozenset({"mri", "ct", "ct-myelography", "plain-radiograph", "chest-x-ray", "lung-ultrasound", "ct-pulmonary-angiography"})
ANCILLARY_PROCEDURES = STUDIES | frozenset({
    "neuraxial-anaesthesia", "steroid-injection", "peripheral-nerve-block", "sedation", "general-anaesthesia", "real-time-fluoroscopy",
    "landmark-technique",
    "contrast-injection", "premedication", "lumbar-puncture", "antibiotic-prophylaxis", "platelet-transfusion", "loss-of-resistance",
    "negative-aspiration", "test-dose", "intrathecal-injection", "decolonisation", "water-sip-test", "ecmo", "surgical-decompression",
    "surgical-embolectomy", "pneumothorax-aspiration", "peripheral-joint-injection", "trigger-point-injection",
    "explantation", "urgent-premedication",  # (explanting another specialty's device, a DBS lead, is that specialty's call)
})


# Techniques named by a word other specialties share ("RFA", "射频消融"): aimed at another specialty's target organ or
# disease (a thyroid nodule, a liver tumour) they are that specialty's procedure, not ours.
GENERIC_TECHNIQUES = frozenset({"radiofrequency-ablation", "pulsed-radiofrequency", "cooled-radiofrequency"})
# Kinds of an out-of-scope concept that name the target of a technique (thyroid nodule, liver tumour) rather than a procedure.
TARGET_KINDS = frozenset({"condition", "anatomy", "finding"})
DRUG_KINDS = frozenset({"drug", "drug-class", "brand"})


# Another specialty's management of a drug the patient takes (metformin, an antihypertensive, osteoporosis treatment):
# told beside a steroid injection of ours, the injection is still the subject.


# Another specialty's treatment whose start or choice is all that is asked ("PKP 后需要抗骨质疏松治疗吗？用什么药"): the
# procedure of ours told is when, not what, and nothing of ours answers it.
_FACTOR = "factor-replacement"
_ASKED_ONLY_SETTINGS = frozenset({"osteoporosis-treatment", "dapt-duration", _FACTOR})
_ASK_BEFORE = lazy(r"(?:需要|要不要|该不该|是否|开始|启动|加用|用不用|何时|什么时候)\s*$|"
                         r"\b(?:need|needs|start|starting|begin|resume|restart|recommend|which)\s+(?:an?\s+|the\s+|any\s+)?$", re.I)
_ASK_AFTER = lazy(r"^\s*(?:吗|么|要不要|有必要|需要吗|什么时候|何时)")  # (not a bare "?": "max lidocaine in a pt on factor VIII?")


# An implant of ours told as the patient's own, in place ("pt with a thoracic SCS implanted 2 yrs ago", "SCS patient",
# 带着刺激器的病人, 装了泵), and not one still to be put in or changed (a trial, a revision, 准备植入)
IMPLANTED = frozenset({"neuromodulation", "intrathecal-drug-delivery"})
_IMPLANT_HELD = {"en": lazy(r"\b(?:with|has|had|have|got)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:SCS|stimulators?|pumps?|ITDD|IDDS|IPG|DRG|implants?)\b|"
                            r"\b(?:SCS|stimulator|pump|ITDD|IDDS|implant)\s+(?:pt|patient|user)s?\b|\bimplanted\b|\bin situ\b", re.I),
                 "zh": lazy(r"带(?:着|有)?[^，。,；;？?]{0,8}(?:刺激器|泵|SCS|植入)|装(?:了|有|着)[^，。,；;？?]{0,8}(?:刺激器|泵|SCS)|"
                            r"(?:刺激器|泵|SCS)的(?:病人|患者|老人|人)|植入(?:了|过)?[^，。,；;？?]{0,4}(?:年|月)|已植入", re.I)}
_IMPLANT_AHEAD = lazy(r"\b(?:trials?|to be implanted|being implanted|revision|revise|explant|(?:battery|IPG|generator|pump) (?:change|replacement|swap)|"
                      r"refill|permanent (?:SCS|stimulator|implant|system)|(?:SCS|stimulator|pump) implant(?:ation)? (?:is )?(?:in|next|on|booked|planned))\b|"
                      r"测试|试验|准备植入|要植入|拟植入|更换|补药|加药", re.I)


def _implant(c: str, parents: Mapping[str, Sequence[str]]) -> bool:
    """Is the concept an implant of ours (a stimulator, an intrathecal pump, or its procedure)?"""
    seen, todo = set(), [c]
    while todo:
        x = todo.pop()
        if x in IMPLANTED:
            return True
        seen.add(x)
        todo.extend(b for b in parents.get(x, ()) if b not in seen)
    return False


def _harm_of_the_implant(q: Question, kinds: Mapping[str, str], parents: Mapping[str, Sequence[str]]) -> list[str]:
    """The implanted device told with a harm of ours ("pt with intrathecal baclofen pump coming in for elective hip
    replacement … what happens if the pump alarms / runs dry"): the device, whose harm is asked beside their operation."""
    told = (*q.subjects, *q.context_concepts)
    devices = [c for c in told if kinds.get(c) == "equipment" and _implant(c, parents)]
    return devices if _harm_told(q, kinds) else []


def _harm_told(q: Question, kinds: Mapping[str, str]) -> bool:
    """Does the question (or the turn before it leans on) tell a harm or sign of ours: a complication or finding, named
    anywhere in it (a fever, numb legs, a tender oozing pocket)?"""
    told = {*q.concepts, *q.context_concepts, *(c for p in q.parts for c in (*p.concepts, *p.inherited))}
    return any(kinds.get(c) in ("complication", "finding") and c not in q.out_of_scope for c in told)


def _theirs_beside_implant(q: Question, kinds: Mapping[str, str], parents: Mapping[str, Sequence[str]],
                           ours: Sequence[str]) -> bool:
    """Another specialty's procedure ahead of a patient living with an implant of ours, with nothing of ours asked ("pt
    with a thoracic SCS implanted 2 yrs ago needs a colonoscopy - anything we should do?", "SCS pt needs a PEG, on
    clopidogrel - hold?"): that procedure's question (its precautions, its holds), which no passage covers; never our
    implant's own implantation facts or the high-risk holds as if they were its."""
    if not ours or not all(_implant(c, parents) for c in ours) or _IMPLANT_AHEAD.search(q.text) \
            or not _IMPLANT_HELD[q.lang if q.lang == "zh" else "en"].search(q.text):
        return False
    theirs = [c for c in q.out_of_scope if kinds.get(c) == "procedure" and c not in ANCILLARY_PROCEDURES and c != IMPLANT_SCAN]
    # (a harm or sign of ours told, "…SCS pocket red, needs a colonoscopy", "now fever 38.5 and both legs numb", is ours)
    return bool(theirs) and not _harm_told(q, kinds)


def _goes_on_uncovered(q: Question, covered: list[bool], kinds: Mapping[str, str]) -> list[bool]:
    """A part asking only a general topic on about the part before, which is not covered, with no procedure of ours in the
    question ("stroke patient on apixaban - can we give tenecteplase, and what's the bleeding risk?": the thrombolysis's
    bleeding risk, not the pain procedures' classes), is not covered either."""
    if any(kinds.get(c) == "procedure" for c in (*q.subjects, *q.context_concepts)):
        return covered
    out = list(covered)
    for i in range(1, len(out)):
        if not out[i - 1] and q.parts[i].concepts and all(kinds.get(c) == "topic" for c in q.parts[i].concepts):
            out[i] = False
    return out


def _bare_after_uncovered(q: Question, covered: list[bool], missing: Sequence[str], kinds: Mapping[str, str]) -> list[bool]:
    """A part naming nothing of its own after a part that is not covered, asking on about the harm no passage names
    ("BP 190/105 day after facet inj w depo-medrol - steroid related? how long?": how long that rise lasts), is not
    covered either (never another harm's answer)."""
    out = list(covered)
    for i in range(1, len(out)):
        if not out[i - 1] and not q.parts[i].concepts \
                and any(c in missing and kinds.get(c) == "complication" for c in q.parts[i].inherited):
            out[i] = False
    return out


def _about_the_foreign_before(part: Part, q: Question) -> bool:
    """A part naming nothing of its own that asks on about a scan of an implant the part before asked ("…needs an urgent MRI
    brain tonight, safe? what do i do with the device"): the device in that scan, which is not covered either."""
    return len(q.parts) > 1 and not part.concepts and IMPLANT_SCAN in part.inherited and IMPLANT_SCAN in q.out_of_scope


def _of_the_foreign_procedure(part: Part, q: Question, kinds: Mapping[str, str]) -> bool:
    """A part of several asking about another specialty's procedure alone ("…microdiscectomy vs another TFESI, whats the
    dural tear and infection rate for the microdiscectomy?"): its complications are that procedure's, not covered."""
    foreign = [c for c in part.concepts if c in q.out_of_scope and kinds.get(c) == "procedure"]
    return len(q.parts) > 1 and bool(foreign) \
        and not own_procedures([c for c in (*part.concepts, *part.inherited) if c not in foreign], kinds, True)


def _asks_setting(part: Part, q: Question, kinds: Mapping[str, str]) -> bool:
    """Does the part ask to start or choose another specialty's treatment (`_ASKED_ONLY_SETTINGS`) it names (not whether to
    stop it for our procedure: "唑来膦酸要不要停？明天做PKP")?"""
    if "hold" in part.aspects:
        return False
    # (a factor's level, amount or length asked: "what factor VIII level before the needle and for how long after?"; not a
    # drug of ours dosed beside it, "max lidocaine for an MBB on factor VIII?")
    amount = part.aspects[:1] in (("dose",), ("limit",), ("timing",)) and not any(kinds.get(c) in DRUG_KINDS for c in part.concepts)
    for m in q.matches:
        if amount and m.concept == _FACTOR and m.surface in part.text:
            return True
        at = part.text.find(m.surface) if m.concept in _ASKED_ONLY_SETTINGS else -1
        if at >= 0 and (_ASK_BEFORE.search(part.text[max(0, at - 12):at]) or _ASK_AFTER.search(part.text[at + len(m.surface):])):
            return True
    return False


def setting_asked(q: Question, kinds: Mapping[str, str]) -> bool:
    """Is every part about another specialty's treatment asked to be started or chosen (one part asks it, the others
    carry it without a concept of their own: "…需要抗骨质疏松治疗吗？用什么药")?"""
    asking = [_asks_setting(p, q, kinds) for p in q.parts]
    return any(asking) and all(a or (not p.concepts and set(p.inherited) & _ASKED_ONLY_SETTINGS) for a, p in zip(asking, q.parts))


def own_procedures(concepts: Sequence[str], kinds: Mapping[str, str], foreign: bool, foreign_target: bool = False) -> list[str]:
    """The question's procedures of ours; next to another specialty's procedure (`foreign`) an ancillary technique
    (imaging, anaesthesia, a steroid injection) does not count, and aimed at another specialty's target organ or disease
    (`foreign_target`) neither does a generic technique (RFA of a thyroid nodule)."""
    return [c for c in concepts
            if (kinds.get(c) == "procedure" and not (foreign and c in ANCILLARY_PROCEDURES)
                and not (foreign_target and c in GENERIC_TECHNIQUES)) or c == PAIN_PROCEDURE]


# Topics about the staff's own exposure: a patient population told elsewhere in the question is not theirs.
STAFF_TOPICS = frozenset({"occupational-dose-limit", "occupational-exposure", "pregnant-staff", "dosimeter", "fetal-dosimeter"})
Verdict_ = Literal["answered", "partial", "out_of_scope", "not_in_kb"]


@dataclass(frozen=True)
class Verdict:
    """What the judgement decided, and why."""

    kind: Verdict_
    covered: tuple[bool, ...] = ()  # per part of the question
    missing: tuple[str, ...] = ()  # key concepts (ids) or unknown terms no passage covers
    foreign: tuple[str, ...] = ()  # out-of-scope subjects (concept ids or unknown terms) behind a scope note

    @property
    def answers(self) -> bool:
        """Does the assistant answer (fully or in part)?"""
        return self.kind in ("answered", "partial")


def concept_scores(passages: Mapping[str, frozenset[str]], headings: Mapping[str, tuple[str, ...]], concepts: Sequence[str],
                   context: Sequence[str], closure: Mapping[str, tuple[str, ...]], idf: Mapping[str, float],
                   groups: Sequence[str], w: JudgeWeights | None = None) -> list[tuple[str, float]]:
    """Passages ranked by the idf of the question's concepts they mention (own full, broader-only `w.broader`,
    inherited `w.context`), boosted by `w.aspect` when they sit in an asked section group. Ties by id."""
    w = w or JudgeWeights()
    out: list[tuple[str, float]] = []
    for pid, tags in passages.items():
        s = 0.0
        for weight, ids in ((1.0, concepts), (w.context, context)):
            for c in ids:
                if c in tags:
                    s += weight * idf.get(c, 1.0)
                else:
                    best = max((idf.get(b, 1.0) for b in closure.get(c, ()) if b in tags), default=0.0)
                    s += weight * w.broader * best
        if s > 0 and groups and group_of(headings.get(pid, ())) in groups:
            s *= 1.0 + w.aspect
        if s > 0:
            out.append((pid, s))
    out.sort(key=lambda kv: (-kv[1], kv[0]))
    return out


def _ancestors(concept: str, parents: Mapping[str, Sequence[str]]) -> list[str]:
    """Every broader concept of `concept` the `parents` map reaches."""
    out: list[str] = []
    todo = list(parents.get(concept, ()))
    while todo:
        c = todo.pop()
        if c not in out:
            out.append(c)
            todo.extend(parents.get(c, ()))
    return out


def covers(concept: str, tags: frozenset[str], parents: Sequence[str]) -> bool:
    """A passage covers a concept when it mentions it or one of its direct broader concepts (brand -> generic)."""
    return concept in tags or any(p in tags for p in parents)


# Techniques done as part of a procedure, whose passages are that procedure's (not a complication's treatment, which follows
# the complication: surgical decompression, explantation).
PROCEDURE_TECHNIQUES = frozenset({"test-dose", "antibiotic-prophylaxis", "sedation", "loss-of-resistance", "negative-aspiration", "steroid-cover",
                                  "decolonisation"})


def _with_procedure(concept: str, tags: frozenset[str], procedures: Sequence[str], parents: Mapping[str, Sequence[str]]) -> bool:
    """An ask that is the whole point of a part (how often a block is falsely positive, when it may be repeated) is
    covered only by a passage on the part's own procedure: the SIJ block's false-positive rate is not the MBB's, the ESI's
    repeat limits not the RFA's."""
    if not procedures:
        return True
    if concept in PROCEDURE_TECHNIQUES:
        # a technique done as part of a procedure (a test dose, antibiotic prophylaxis) is covered for the procedure asked
        # only by a passage naming that procedure: the transforaminal ESI's test dose is not the interlaminar one's
        # (the passages' tags are the question's concepts with their broader ones: a passage on any ESI cannot be told
        # from a transforaminal one here, so only the asked procedure's own name counts; the note says whose they are)
        own = [p for p in procedures if p not in ANCILLARY_PROCEDURES]
        own = [p for p in own if not any(p in parents.get(d, ()) for d in own)]
        return not own or any(p in tags for p in own)
    return concept not in ESSENTIAL or any(covers(p, tags, parents.get(p, ())) for p in procedures)


# the patient is a child: an age under 18 or a word for a child patient ("mother of two kids" is no child patient)
_CHILD_PATIENT = lazy(r"(?<!\d)(?:1[0-7]|[1-9])\s*(?:yo\b|y/o|-?years?[- ]old|yrs? old)|\b(?:paediatric|pediatric|paeds|peds)\b|"
                            r"\bteen(?:ager)?s?\b|\badolescents?\b|\binfants?\b|患儿|小儿|儿童|婴幼儿|青少年|(?<!\d)(?:1[0-7]|[1-9])\s*岁", re.I)
# the patient's own child ("她孩子才3岁", "my kid"): the age told is the child's, not the patient's
_FAMILY_CHILD = lazy(r"(?:她|他|我|病人|患者)的?(?:孩子|儿子|女儿|小孩)|\b(?:her|his|my|their) (?:kids?|child(?:ren)?|son|daughter|baby)\b", re.I)


def _populations(q: Question) -> list[str]:
    """The populations the question is about (a child only when the patient is one)."""
    child = bool(_CHILD_PATIENT.search(q.text)) and not _FAMILY_CHILD.search(q.text)
    return [c for c in q.concepts if c in POPULATIONS and (c != "paediatric" or child)]


def _for_population(population: str, keys: Sequence[str], tags: frozenset[str], kinds: Mapping[str, str],
                    parents: Mapping[str, Sequence[str]], treated: bool = False, dosed: bool = False) -> bool:
    """Does a passage speak of the population with the part's procedure (else one of its other key concepts)? The
    caffeine dose while breastfeeding answers a breastfeeding mother's PDPH question; a passage on steroid choice does not
    answer whether she may breastfeed after the ESI."""
    if not covers(population, tags, parents.get(population, ())):
        return False
    # (or, asked how to treat it, with the complication: the mother's PDPH after an interlaminar ESI is treated as any PDPH;
    # whether a blood patch's contrast or an SPG block is safe for her baby is still the procedure's)
    # (asked a drug's dose, the drug's: "ILESI后头痛… 咖啡因每天最多多少？哺乳期呢？" is caffeine's limit while she nurses)
    need = [c for c in keys if dosed and kinds.get(c) in DRUG_KINDS] or \
        [c for c in keys if kinds.get(c) == "procedure" or (treated and kinds.get(c) == "complication")] or list(keys)
    return not need or any(covers(c, tags, parents.get(c, ())) for c in need)


# what a breastfeeding mother's part is about when her breastfeeding matters: a drug, its dose, what to give her (not when
# the blood patch is done: "…breastfeeding. what can I give her and when do we blood patch?")
_NURSED_ASPECTS = frozenset({"action", "dose", "limit", "contraindications", "hold"})


def _concerns(population: str, part: Part, kinds: Mapping[str, str]) -> bool:
    """Does the population told matter to this part (a child, always; a breastfeeding mother, for a drug or a treatment)?"""
    if population != "breastfeeding" or population in part.concepts:  # ("…多久可以喂奶": asked of her breastfeeding itself)
        return True
    if set(part.aspects) <= {"dose", "limit"} and any(kinds.get(c) == "procedure" for c in part.concepts) \
            and not any(kinds.get(c) in DRUG_KINDS for c in part.concepts):
        return False  # ("…caffeine ok while breastfeeding? and if we patch, how much blood": the patch's volume is anyone's)
    return bool(_NURSED_ASPECTS.intersection(part.aspects)) or not part.aspects \
        or any(kinds.get(c) in DRUG_KINDS for c in (*part.concepts, *part.inherited))


def _keys(part: Part, q: Question, kinds: Mapping[str, str], guidance: Collection[str]) -> list[str]:
    """The concepts a part's passages must cover: its subjects and what it inherited (not the patient's history the turn
    before told only as background)."""
    keys = [c for c in dict.fromkeys(tuple(part.concepts) + tuple(part.inherited))
            if c in q.subjects or (c in part.inherited and c not in q.background)]
    if any(kinds.get(c) == "procedure" for c in keys):  # "an SIJ injection under the C-arm": the guidance is how it is done
        keys = [c for c in keys if c not in guidance]
    if any(kinds.get(c) in DRUG_KINDS for c in part.concepts):
        # ("does lipid emulsion work for LAST?": what the sources say of the drug's use is the answer; no passage need name
        # its efficacy as such)
        keys = [c for c in keys if c != "efficacy"]
    return keys


def _parts_not_ours(q: Question, kinds: Mapping[str, str]) -> tuple[list[bool], tuple[str, ...]]:
    """The parts about a non-clinical topic (billing, careers: not clinical, even about a procedure of ours), or asking
    the evidence for a procedure of ours in another specialty's condition ("SCS for critical limb ischaemia - any
    evidence?": that evidence is the condition's, while the procedure's own safety in that patient is ours); and the
    subjects that decline the whole question (every part, or a topic asked by one part alone)."""
    topics = tuple(c for c in q.out_of_scope if kinds.get(c) == "topic")
    # (one part of several asking it, "can he get an MRI with the SCS? and the infection rate?": that part is not covered)
    topical = [bool(set(topics) & set(p.concepts)) for p in q.parts]
    for i in range(1, len(topical)):  # ("SCS要关吗？还要注意啥": a part naming nothing goes on about the topic before it;
        # not one asking its own clinical ask, "…and what should I watch for after?")
        topical[i] = topical[i] or (topical[i - 1] and not q.parts[i].concepts and q.parts[i].aspects[:1] in ((), ("prevention",)))
    if topics and (len(q.parts) < 2 or all(topical) or not any(topical)):
        return topical, topics
    conditions = tuple(c for c in q.out_of_scope if kinds.get(c) == "condition")
    # ("SCS for refractory limb ischaemia pain - evidence?": "refractory" reads as an escalation too)
    efficacy = [bool(set(conditions) & {*p.concepts, *p.inherited}) and tuple(a for a in p.aspects if a != "escalation") == ("evidence",)
                for p in q.parts]
    return [t or e for t, e in zip(topical, efficacy)], (conditions if q.parts and all(efficacy) else ())


def judge(q: Question, passage_tags: Sequence[frozenset[str]], evidence: float, threshold: float,
          kinds: Mapping[str, str], parents: Mapping[str, Sequence[str]], w: JudgeWeights | None = None,
          guidance: Collection[str] = ()) -> Verdict:
    """Answer when the best passages cover each part's key concepts; abstain with a scope note when the subject is
    another specialty's procedure, target or a non-clinical topic (billing); abstain when the subject is a drug the
    knowledge base never mentions or nothing covers the question. `passage_tags` are the concept sets of the retrieved
    passages, best first (with broader closure). `guidance`: the question's concepts that are an imaging guidance (a C-arm,
    ultrasound): beside a procedure of ours they say how it is done, and no passage needs to name them."""
    w = w or JudgeWeights()
    none = tuple(False for _ in q.parts)
    not_ours, declined = _parts_not_ours(q, kinds)
    if declined:
        return Verdict("out_of_scope", none, foreign=declined)
    foreign = tuple(dict.fromkeys(q.out_of_scope + tuple(u for u in q.unknown if procedure_like(u))))
    subjects = q.subjects + q.context_concepts
    target = any(kinds.get(c) in TARGET_KINDS for c in q.out_of_scope)
    # (an ancillary technique of ours, a steroid injection, does not count beside another specialty's procedure; beside a
    # setting the patient is in, "T2DM on metformin … facet steroid injection 4 days ago, glucose 24", it does)
    procedural = any(c not in MEDICATION_SETTINGS for c in q.out_of_scope) or any(procedure_like(u) for u in q.unknown)
    ours = own_procedures(subjects, kinds, procedural, target) if not setting_asked(q, kinds) else []
    ours = ours or (_harm_of_the_implant(q, kinds, parents) if foreign else [])
    if foreign and (not ours or _theirs_beside_implant(q, kinds, parents, ours)):
        return Verdict("out_of_scope", none, foreign=foreign)
    drugs = tuple(u for u in q.unknown if drug_like(u))
    if drugs and not any(kinds.get(c) in DRUG_KINDS for c in subjects) and not own_procedures(subjects, kinds, True):
        # a drug the knowledge base never mentions is the subject (intrathecal cytarabine, dexmedetomidine for ICU
        # sedation): the figures of ours would be another drug's
        return Verdict("not_in_kb", none, missing=tuple(dict.fromkeys(drugs + q.unknown)))
    if q.unknown and not ours and q.subjects and all(kinds.get(c) in DRUG_KINDS for c in q.subjects):
        # only a drug of ours next to a salient term we never use (amoxicillin for otitis; antibiotics for pneumonia)
        return Verdict("not_in_kb", none, missing=q.unknown)
    top = list(passage_tags[: w.cover_top * max(1, len(q.parts))])  # a multi-part question's lists are interleaved: each part's best
    wide = list(passage_tags[: max(w.cover_top, w.cover_complication) * max(1, len(q.parts))])
    covered: list[bool] = []
    missing: list[str] = []
    keyed = unheard = False
    # a sign told whose cause is asked ("BP 190/105 the day after a facet injection with Depo-Medrol - steroid related? how
    # long?"): passages that never name it with the procedure answer neither that nor how long it lasts
    # (not when the part names a complication of ours as the cause: "back pain after vertebroplasty - cement leak related?")
    signs = {c for p in q.parts if p.aspects[:1] == ("mechanism",) and not any(kinds.get(x) == "complication" for x in p.concepts)
             for c in p.concepts if kinds.get(c) in ("finding", "condition")}
    for i, part in enumerate(q.parts or ()):
        # a part about another specialty's subject alone ("…，要不要抗骨松治疗？" after a PVP's discharge advice): not ours
        foreign_alone = len(q.parts) > 1 and bool(part.concepts) and (all(c in q.out_of_scope for c in part.concepts) or _asks_setting(part, q, kinds)) \
            or not_ours[i] or _about_the_foreign_before(part, q) or _of_the_foreign_procedure(part, q, kinds)
        keys = [] if foreign_alone else _keys(part, q, kinds, guidance)
        keys += [c for c in (*part.concepts, *part.inherited) if c in signs and c not in keys]
        if not keys:
            covered.append(evidence >= threshold and not foreign_alone)
            continue
        keyed = True
        procs = [c for c in keys if kinds.get(c) == "procedure"]
        # (a population is checked below, with the part's procedure or treated complication: "what can I give her?" after a
        # breastfeeding mother's wet tap)
        # (an ask of its own, "how many a year?", is looked up by its concept after the search: any passage naming it counts,
        # when the patient's story told before, or told with it, "…can a diabetic have?", fills the search's best)
        miss = [c for c in keys if c not in POPULATIONS and not any(covers(c, t, parents.get(c, ())) and _with_procedure(c, t, procs, parents)
                                                                for t in (wide if kinds.get(c) == "complication" else
                                                                          passage_tags if c in ESSENTIAL and (q.followup or c == REPEAT_LIMIT) else top))]
        # a breastfeeding mother or a child told anywhere in the question: each part is about them
        # (with the part's own concepts when it names any: "透视怎么办" after "孕妇能做SI注射吗" asks about fluoroscopy in pregnancy)
        own_keys = [k for k in part.concepts if k not in POPULATIONS] or keys
        # (not a part about the staff's own dose: "pregnant 10 wks, SI joint injection ok? also the dose limit for our staff?")
        staff = bool(STAFF_TOPICS & set(part.concepts))
        populations = dict.fromkeys([*_populations(q), *(c for c in part.inherited if c in POPULATIONS and c != "paediatric")])
        miss += [c for c in populations if not staff and _concerns(c, part, kinds)
                 and not any(_for_population(c, own_keys, t, kinds, parents, part.aspects[:1] == ("action",),
                                             bool({"dose", "limit"} & set(part.aspects))) for t in wide)]
        missing.extend(miss)
        # a part's own ask (how long relief lasts) or complication (does discography speed disc degeneration?) that no
        # passage names is not answered by passages about the rest of the part
        # (nor is a procedure that is all the part asks about, by passages on other procedures: pulsed RF of the DRG is
        # not answered with conventional RF's neuritis; a drug held before a kyphoplasty is still the drug's hold)
        # (and strong evidence on the rest does not make up for it)
        unheard = unheard or (len(keys) == 1 and keys[0] in miss and keys[0] in part.concepts and kinds.get(keys[0]) == "procedure")
        # (an ask inherited from the turn before is not this part's when the part asks its own: "what precautions?" after
        # "how long does relief last?")
        # (or the drug a part asks the hold of: "on aspirin - ok to do blood patch?" is not answered by the patch's passages)
        asked = [c for c in miss if (c in ESSENTIAL and (c in part.concepts or not part.aspects)) or c in signs
                 or (kinds.get(c) == "complication" and c in part.concepts) or c in POPULATIONS
                 or (kinds.get(c) in DRUG_KINDS and c in part.concepts and part.aspects[:1] == ("hold",)
                     and not any(covers(c, t, parents.get(c, ())) for t in passage_tags))
                 # (or the drug a later part asks the contraindications of: "on IT ziconotide - … is a history of psychosis a
                 # contraindication?" is not answered by other procedures' contraindication lists)
                 # (a class it belongs to named counts: "3 weeks after the stent - still OK?" after ticagrelor's hold is
                 # answered by the antiplatelet rule after a recent stent)
                 or (kinds.get(c) in DRUG_KINDS and c in part.inherited and part.aspects[:1] == ("contraindications",)
                     and not any(kinds.get(x) == "procedure" for x in part.concepts)
                     and not any(covers(c, t, _ancestors(c, parents)) for t in passage_tags))]
        unheard = unheard or any(c in ESSENTIAL or c in POPULATIONS or c in signs for c in asked)
        covered.append(not miss or (len(miss) < len(keys) and evidence >= threshold and not asked))
    gone_on = _bare_after_uncovered(q, _goes_on_uncovered(q, covered, kinds), missing, kinds)
    if gone_on != covered and not any(gone_on):  # (nothing is left: no strong evidence elsewhere answers it)
        return Verdict("not_in_kb", tuple(gone_on), tuple(dict.fromkeys(missing)), foreign)
    covered = gone_on
    if not keyed:
        # no concept of ours at all, and words the knowledge base never uses ("PREEMPT units for chronic migraine"): those
        # words are the subject, whatever the evidence score of the passages nearest to the rest
        kind: Verdict_ = "answered" if evidence >= threshold and not (q.unknown and not q.concepts) else "not_in_kb"
        return Verdict(kind, tuple(covered), missing=q.unknown if kind == "not_in_kb" else (), foreign=foreign)
    if all(covered):
        return Verdict("answered", tuple(covered), tuple(dict.fromkeys(missing)), foreign)
    if any(covered):
        return Verdict("partial", tuple(covered), tuple(dict.fromkeys(missing)), foreign)
    if evidence >= w.strong_evidence and not unheard:
        return Verdict("answered", tuple(True for _ in covered), tuple(dict.fromkeys(missing)), foreign)
    return Verdict("not_in_kb", tuple(covered), tuple(dict.fromkeys(missing)), foreign)
