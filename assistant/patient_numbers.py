"""The patient's numbers in an answer: the weight and times a question tells worked on a bullet's cited figures (see
`worked` and `hold_check`), and a clearance told in the normal range read as no renal impairment."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .compose import NEXT_DOSE_ASK, Bullet
from .frame import Question, held_drug, without_concepts
from .hold_check import elapsed_line
from .lexicon import Lexicon
from .timeline import SAME_TIMES
from .types import Lang
from .worked import Asked, mixture_line, mixture_told, per_kg, planned_line, told_percent, told_variant, told_weight

_WORKED_DOSE = {"en": "For {weight} kg (worked from the per-kg figures of {mark}, not a quoted dose; check the weight basis): {figures}",
                "zh": "按 {weight} kg 计算（由 {mark} 的每公斤剂量换算，非原文剂量；请核对体重计算基准）：{figures}"}
_WORKED_AGAIN = {"en": "For {weight} kg (worked from {mark}): {figures}", "zh": "按 {weight} kg 计算（由 {mark} 换算）：{figures}"}
TIMES_TOLD = {"en": "From the times told: ", "zh": "按所述时间推算："}
# an INR told as a value ("INR 1.4 this am", INR 1.6) beside a sentence asking for a normalised INR: the sources give no value
_INR_TOLD = re.compile(r"(?<![A-Za-z])INR\s*(?:is|was|of|=|:|：|为|是|today|this am|now)?\s*(\d(?:\.\d{1,2})?)(?!\d)", re.I)
_NORMAL_INR = re.compile(r"normali[sz]ed (?:international normali[sz]ed ratio|INR)|normal INR|INR (?:has )?(?:returned to )?normal|"
                         r"INR[）)]?\s*(?:已)?恢复正常|INR[）)]?\s*正常", re.I)
_INR_LINE = {"en": "INR {value} told: the sources give no value for a normalised INR; compare it with your laboratory's reference range "
                   "and local protocol before the needle is placed {mark}",
             "zh": "所述 INR {value}：知识库未给出“INR 恢复正常”的具体数值；穿刺前请对照本院检验参考范围和本单位规范判断 {mark}"}
_ADJUNCTS = frozenset({"epinephrine"})  # added to another drug: its figure is that drug's ("lidocaine with epinephrine")

# a renal clearance told as a value ("CrCl 70", "eGFR ~90", 肌酐清除率 70 ml/min), and what says it is changing or that
# other renal values are told beside it ("CrCl 70 last year, now 25", "creatinine 350")
_RENAL_VALUE = re.compile(r"(?:crcl|e?gfr|cr ?cl|肌酐清除率|肾小球滤过率)\s*(?:is|of|was|=|:|：|~|约|为|是)?\s*~?\s*(\d{1,3})", re.I)
_RENAL_TREND = re.compile(r"\bnow\b|\bcurrently\b|\bdown to\b|\bfell\b|\bdropp\w*|\blast (?:year|month|week)\b|->|→|"
                          r"现在|目前|降到|降至|下降|减少到|去年|上个?月|之前", re.I)
_CREATININE = re.compile(r"\bcreatinine\b|\bcr\b\s*\d|(?<!清除率)(?:血)?肌酐(?!清除)", re.I)
_RENAL_NORMAL = 60  # mL/min: at or above it, no renal impairment is told
# (a clearance still read after `without_normal_renal` is below the normal range: impaired renal function told)
_KIDNEYS = frozenset({"renal-impairment", "crcl", "egfr"})
_RENAL_NORMAL_DABIGATRAN = 80  # (dabigatran, cleared by the kidney, is held longer below about 80 in some guidance)


# a follow-up that only changes the value told ("what if it was 1.6?", "如果是1.6呢"): the INR of the turn before, now this one
_BARE_VALUE = re.compile(r"^\W*(?:(?:and |but )?(?:what|how) about|(?:and )?what if (?:it(?:'s| is| was)|it were|she(?:'s| is| was)|he(?:'s| is| was))?|"
                         r"and if (?:it(?:'s| is| was)|it were)|(?:and )?if it(?:'s| is| was| were)|如果是|要是|那|若是|假如是)?\s*"
                         r"(\d\.\d{1,2})(?!\d)\s*(?:instead|then|呢|的话呢?|怎么办|行吗|可以吗)?\W*$", re.I)  # (an INR has decimals)


def _inr_told(q: Question) -> str:
    """The INR value the question tells, or its follow-up's bare new value when the turn before told an INR ('' if none)."""
    if inr := _INR_TOLD.search(q.text):
        return inr.group(1)
    if q.followup and q.history and (bare := _BARE_VALUE.search(q.text)) and _INR_TOLD.search(q.history[-1]):
        return bare.group(1)
    return ""


def _clearances(text: str) -> list[int]:
    """The renal clearance values a question tells ("CrCl 45", 肌酐清除率 70)."""
    return [int(m.group(1)) for m in _RENAL_VALUE.finditer(text)]


def without_normal_renal(q: Question) -> Question:
    """A clearance told once, in the normal range, with no trend and no creatinine beside it ("CrCl 70") says no renal
    impairment: it is not read as one (no note that the knowledge base has no figure for it, no renal passages)."""
    # (a follow-up that tells none reads the clearance told in the turn before it: "CrCl 90 …" - "and a lumbar MBB?")
    # (not when this turn speaks of the kidneys in other words: "repeat labs: creatinine 3.2")
    text = q.text if _clearances(q.text) or _KIDNEY_WORDS.search(q.text) else \
        next((h for h in reversed(q.history) if _clearances(h)), q.text)
    # (for dabigatran a normal serum creatinine is no normal clearance: its cut-off is 80)
    told = _CLEARANCE_NORMAL.search(text)
    if told and not _clearances(text) and not _RENAL_TREND.search(text) and not _CREATININE_VALUE.search(text) \
            and not ("dabigatran" in q.all_concepts and not _CLEARANCE_WORD.search(told.group())):
        return without_concepts(q, {"crcl", "egfr"})  # "肌酐清除率正常", "CrCl normal": told in words (not asked: 正常吗)
    values = _clearances(text)
    normal = _RENAL_NORMAL_DABIGATRAN if "dabigatran" in q.all_concepts else _RENAL_NORMAL
    if len(values) != 1 or values[0] < normal or _RENAL_TREND.search(text) or _CREATININE.search(text):
        return q
    return without_concepts(q, {"crcl", "egfr"})


_CLEARANCE_NORMAL = re.compile(r"\b(?:crcl|e?gfr|creatinine clearance)\s*(?:is |was |are )?(?:normal|nl|fine|ok)\b(?!\s*\?)|"
                               r"(?<!is her )(?<!is his )\bnormal (?:crcl|e?gfr|creatinine(?: clearance)?)\b(?!\s*\?)|\bcreatinine (?:is |was )?(?:normal|fine|ok)\b(?!\s*\?)|"
                               r"(?:肌酐清除率|肾小球滤过率|eGFR|CrCl|肌酐)\s*(?:都|也|还)?正常(?![吗么嘛吧不否?？])", re.I)
_CLEARANCE_WORD = re.compile(r"crcl|gfr|clearance|清除率|滤过率", re.I)
_CREATININE_VALUE = re.compile(r"\bcreatinine\s*(?:of |is |was |=|:)?\s*\d|\bcr\b\s*\d|肌酐\s*[:：]?\s*\d", re.I)
_KIDNEY_WORDS = re.compile(r"\brenal\b|\bkidneys?\b|\bcr\b|creatinine|gfr|crcl|肾(?!上腺)|肌酐", re.I)
_KIDNEYS_NORMAL = re.compile(r"\bnormal (?:renal|kidney) function|\b(?:renal|kidney) function (?:is )?normal|\bnormal creatinine|"
                             r"\be?gfr\s*[>≥]\s*(?:[6-9]\d|1\d\d)|肾功能正常|肌酐正常", re.I)


def kidneys(q: Question) -> bool | None:
    """What the question tells of the patient's kidneys: impaired (True: a renal impairment, or a clearance below the
    normal range still read), normal or not spoken of (False), or spoken of in words not read ("Cr 2.5", "poor kidney
    function": None, so that no interval is chosen for them)."""
    impaired = bool(_KIDNEYS & set(q.all_concepts))
    if _KIDNEYS_NORMAL.search(q.text) or _RENAL_TREND.search(q.text):
        # ("normal a year ago, CrCl now 25": the kidneys told two ways choose no interval)
        return None if impaired or _RENAL_TREND.search(q.text) and _KIDNEY_WORDS.search(q.text) else False
    if impaired:
        return True
    values = _clearances(q.text)
    if values and min(values) >= _RENAL_NORMAL:
        return False  # (a normal clearance, read as no impairment by `without_normal_renal`)
    return None if _KIDNEY_WORDS.search(q.text) else False


def patient_weight(q: Question, scene: bool = False) -> float | None:
    """The patient's weight in kg, told in this turn or, in a follow-up (or an emergency going on, `scene`), in the turns
    before ("62kg woman … seizure", then "intralipid dose for her?"; "…70kg 脂肪乳怎么给" then "还是没脉了 肾上腺素给多少")."""
    return told_weight(q.text, q.history if q.followup or scene else ())


_NEXT_DOSE = re.compile(NEXT_DOSE_ASK, re.I)

class PatientNumbers:
    """Works the patient's numbers on a bullet's cited figures, with the lexicon's drug names and kinds."""

    def __init__(self, lexicon: Lexicon, kinds: Mapping[str, str]) -> None:
        self.lexicon = lexicon
        self.kinds = kinds

    def worked(self, q: Question, lang: Lang, b: Bullet, mark: str, urgent: bool, timed: bool, dosed: bool) -> tuple[str, str]:
        """(kind, line): "dose": a per-kg figure times the weight told, asked for a dose or a limit of a drug the bullet
        names (in an emergency, its dosing steps only); "hours": the time from the last dose to the procedure beside the
        hold interval of a bullet naming the held drug or its class (the first such bullet only); ("", "") otherwise."""
        part = q.parts[b.part] if b.part < len(q.parts) else None
        asks = set(part.aspects if part else q.aspects)
        named = part.concepts if part else q.concepts
        drugs = {c for c in (*named, *q.context_concepts) if self.kinds.get(c) in ("drug", "drug-class", "brand")}
        # (asked the dose of a drug: a bullet naming it or its class; in an emergency: the pathway's steps)
        # (what a look-back follow-up asks is worked as it would be outside the emergency: "was 15ml of 0.5% too much?")
        urgent = urgent and b.kind != "asked"
        about = b.kind == "action" if urgent else bool(asks & {"dose", "limit"}) and (
            not drugs or bool(set(self.lexicon.broader_closure(list(drugs))) & b.sentence.concepts))
        # (never from an evidence note comparing guidelines: AAGBI's 15 mL/kg/h worked beside ASRA's fixed >70 kg regimen
        # mixes two frameworks)
        weight = patient_weight(q, urgent) if about and b.sentence.group != "evidence" else None
        if weight is not None:
            asked = self._asked(drugs, b.sentence.concepts, lang, q.text, urgent, "limit" in asks)
            # (two local anaesthetics told with their amounts, or one added to the turn before's: the mixture's total beside
            # its most toxic drug's threshold, never one drug's amount alone as "below")
            # (told with their amounts, a mixture asks whether it is within the limit, whatever the words: "…plus 10ml 2% lido - ok?")
            mix = mixture_told(q.text, q.history[-1] if q.followup and q.history else "") if not dosed else []
            if mix and (line := mixture_line(mix, b.sentence.text, b.sentence.chunk.text, weight, lang)):
                return "dose", _WORKED_DOSE[lang].format(weight=f"{weight:g}", mark=mark, figures=line)
            if figures := per_kg(b.sentence.text, weight, lang, b.sentence.chunk.text, asked):
                if asked.ceiling and not dosed:  # asked whether a planned amount is under the maximum: set beside it
                    figures += planned_line(q.text, figures, asked.percent, lang)
                return "dose", (_WORKED_AGAIN if dosed else _WORKED_DOSE)[lang].format(weight=f"{weight:g}", mark=mark, figures=figures)
        held = {c for c in drugs if held_drug([c], self.lexicon)}
        names_held = bool(set(self.lexicon.broader_closure(list(held))) & b.sentence.concepts)
        # (not when the next dose after the procedure is asked, "ok to give the evening dose at 3pm?": no dose-to-procedure span)
        if not timed and not urgent and held and names_held and asks & {"hold", "timing"} and not _NEXT_DOSE.search(part.text if part else q.text) \
                and (span := elapsed_line(q.text, b.sentence.text, lang, self._dose_turn(q), kidneys(q))):
            # (an INR told beside it, "INR 1.6 this morning, warfarin held 4 days", is set beside the normalised INR too)
            inr = _inr_told(q) if _NORMAL_INR.search(b.sentence.text) else ""
            tail = ("; " if lang == "en" else "；") + _INR_LINE[lang].format(value=inr, mark=mark) if inr else f" {mark}"
            return "hours", f"{TIMES_TOLD[lang]}{span}{tail}"
        if not urgent and (inr := _inr_told(q)) and _NORMAL_INR.search(b.sentence.text):
            return "inr", _INR_LINE[lang].format(value=inr, mark=mark)  # ("INR 1.4 this am, T-spine ILESI - go ahead?")
        return "", ""

    def _dose_turn(self, q: Question) -> str:
        """The turn before, whose dose time a follow-up that only moves the procedure is read with; '' when the follow-up
        names a drug of its own (another drug's last dose was not told)."""
        # (unless it says the times are the same: "same clexane timing but for an L4/5 ILESI at 0700?")
        same = bool(SAME_TIMES.search(q.text))
        if not (q.followup or same) or not q.history or (any(self.kinds.get(c) in ("drug", "brand") for c in q.concepts) and not same):
            return ""
        return q.history[-1]

    def _asked(self, drugs: Iterable[str], concepts: Iterable[str], lang: Lang, text: str, urgent: bool, ceiling: bool) -> Asked:
        """What is asked of a sentence's figures: the asked drugs' names (an adjunct only when no other drug is asked; a
        class is no name: its members' figures are all shown), the other drugs the sentence names, a strength told."""
        lx = self.lexicon.concepts
        own = [c for c in drugs if self.kinds.get(c) in ("drug", "brand")]
        primary = [c for c in own if c not in _ADJUNCTS] or own

        def names(ids: Iterable[str]) -> tuple[str, ...]:
            return tuple(n for c in ids if c in lx for n in (*getattr(lx[c], lang), *lx[c].abbr, *lx[c].en) if n)
        other = [c for c in concepts if self.kinds.get(c) == "drug" and c not in own]
        asked = names(primary) if not urgent else ()
        strengths = tuple((names([c]), told_percent(text, names([c]))) for c in primary) if len(primary) > 1 and not urgent else ()
        return Asked(asked, names(other) if asked else (), told_percent(text, names(primary)) if not urgent else None, ceiling,
                     told_variant(text, names(primary)), strengths)
