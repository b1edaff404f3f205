"""The time from the last dose to the procedure (see `timeline`) set beside the hold interval a cited sentence gives:
"21:00 yesterday → 08:00 today = 11 h: shorter than the 3 days (72 h) cited". Pure functions over text; nothing is said
when the interval is not plain (two spans with no dose kind told, a half-life, whole days against an interval in hours)."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from assistant.timeline import Day, Interval, Moment, dose_to_procedure
from assistant.types import Lang
from assistant.worked import fmt

# the interval a cited hold sentence gives: its one span outside the restart it speaks of
# the interval a cited hold sentence gives: its one span outside the restart it speaks of ("3 days", "2 to 3 days")
_SPAN = re.compile(r"(\d+(?:\.\d+)?)(?:\s*(?:[–-]|to|至)\s*(\d+(?:\.\d+)?))?\s*(h\b|hours?\b|days?\b|小时|天|日)", re.I)
_HELD = re.compile(r"\b(?:held|hold\w*|stop\w*|withh\w*|discontinu\w*|defer\w*|omit\w*|paus\w*|interrupt\w*)\b|停用|停药|停|推迟|暂停", re.I)
_NOT_HELD = re.compile(r"half-?life|半衰期|\bonset\b|\bpeak\b|\blasts?\b|起效|达峰", re.I)
_RESTART = re.compile(r"\b(?:restart|resum|re-?start)\w*|\bpost-?procedure\b|术后|恢复", re.I)
# the kind of dose a span is given for ("12 h after a prophylactic dose", "治疗剂量后至少停用 24 小时"), and the kind a
# question tells ("clexane 40 ppx", "1 mg/kg bd", 治疗量); not an antibiotic's prophylaxis or a low-dose aspirin
_DOSE_KIND = {"prophylactic": re.compile(r"(?<!antibiotic )(?<!abx )(?<!cefazolin )(?<!antibiotics )prophyla\w*|\bppx\b|"
                                         r"预防(?:性)?(?:剂)?量", re.I),
              "therapeutic": re.compile(r"therapeutic|treatment dose|full[- ]dose|higher doses?|(?<![\d.])1(?:\.5)?\s*mg/kg|"
                                        r"治疗(?:性)?(?:剂)?量|较高剂量", re.I)}
_SPAN_CLAUSE = re.compile(r"[,;，；]|\band\b|\bwhereas\b|\bor\b|而|或")
# a clause giving the interval for impaired renal function ("or about 6 days when renal function is impaired")
_RENAL = re.compile(r"\brenal (?:function )?(?:is )?(?:impair|insuffic|failure|disease)\w*|\bkidney (?:function )?(?:is )?(?:impair|disease)\w*|"
                    r"\b(?:impaired|reduced|poor) (?:renal|kidney) function|\bCrCl\b|肾功能(?:不全|受损|减退|下降)|肾损害|肌酐清除率", re.I)


# an LMWH dose told with how often it is given: twice daily at 60 mg or more is a treatment dose (1 mg/kg), 40 mg or less
# once daily a prophylactic one ("Lovenox 90mg bid", "克赛40mg皮下qd")
_LMWH_DOSE = re.compile(r"(?:enoxaparin|lovenox|clexane|lmwh|dalteparin|fragmin|tinzaparin|克赛|依诺肝素|低分子肝素)[^,;.，；。\d]{0,6}"
                        r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])(?:\s*(?:mg|毫克))?(?!\s*(?:ml|毫升|iu|units?|单位|u\b))[^,;.，；。\d]{0,12}?(?:((?<![a-z])(?:bid|bd|q12h?)(?![a-z])|twice|每12小时|一天两次|每日两次|每天两次|一日两次)|"
                        r"((?<![a-z])(?:qd|od)(?![a-z])|\bdaily\b|once|每日一次|一天一次|每天一次|一日一次))", re.I)


def dose_kind(text: str) -> str:
    """The kind of dose a question tells (prophylactic or therapeutic), '' when none or both."""
    told = [k for k, rx in _DOSE_KIND.items() if rx.search(text)]
    if not told and (m := _LMWH_DOSE.search(text)):
        mg = float(m.group(1))
        told = ["therapeutic"] if m.group(2) and mg >= 60 else ["prophylactic"] if m.group(3) and mg <= 40 else []
    return told[0] if len(told) == 1 else ""


def _span_of_kind(head: str, kind: str) -> re.Match[str] | None:
    """The one span of the head given for the dose kind told, when each span's own clause names its kind."""
    if not kind:
        return None
    cuts = [0, *(m.end() for m in _SPAN_CLAUSE.finditer(head)), len(head)]
    kinds: list[tuple[re.Match[str], str]] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        own = [k for k, rx in _DOSE_KIND.items() if rx.search(head[lo:hi])]
        kinds += [(m, own[0] if len(own) == 1 else "") for m in _SPAN.finditer(head, lo, hi)]
    if not kinds or any(not k for _, k in kinds) or len({k for _, k in kinds}) != len(kinds):
        return None
    return next((m for m, k in kinds if k == kind), None)


def _span_for_kidneys(head: str, renal: bool | None) -> re.Match[str] | None:
    """Of two spans, one given for impaired renal function ("4–5 days, or about 6 days when renal function is impaired"):
    that one when the question tells impaired renal function (`renal` True), the other when it tells normal function or
    says nothing of the kidneys (False); none when it speaks of them in words not read (None: "Cr 2.5", "poor kidneys")."""
    cuts = [0, *(m.end() for m in _SPAN_CLAUSE.finditer(head)), len(head)]
    spans = [(m, bool(_RENAL.search(head[lo:hi]))) for lo, hi in zip(cuts, cuts[1:], strict=False) for m in _SPAN.finditer(head, lo, hi)]
    if renal is None or len(spans) != 2 or spans[0][1] == spans[1][1]:
        return None
    return next(m for m, kidneys in spans if kidneys == renal)


_ABOUT = re.compile(r"(?:about|approximately|around|roughly|~|约|大约)\s*$", re.I)


def cited_span(sentence: str, kind: str = "", renal: bool | None = False) -> tuple[float, float, str, str] | None:
    """The hold interval a cited sentence gives: (low, high) in hours, its words ("3 days", "about 6 days"), and what chose
    it among several ("kind", "kidneys" or ''); its one span before any restart it speaks of, or, when it gives one span
    per kind of dose ("12 h after a prophylactic dose and 24 h after a therapeutic dose"), the span of the `kind` told; of
    a span for normal and one for impaired renal function, the one `renal` says the patient has; None otherwise."""
    cut = _RESTART.search(sentence)
    head = sentence[: cut.start()] if cut else sentence
    if not _HELD.search(head) or _NOT_HELD.search(sentence):
        return None  # a span that is no hold: a half-life, an onset, a duration of effect
    spans = list(_SPAN.finditer(head))
    tail_spans = list(_SPAN.finditer(sentence[cut.end():])) if cut else []
    by_kind = _span_of_kind(head, kind) if len(spans) > 1 else None
    m = spans[0] if len(spans) == 1 else by_kind or _span_for_kidneys(head, renal)
    if m is None or len(tail_spans) > 1:
        return None
    per = 24.0 if m.group(3).lower().startswith(("d", "天", "日")) else 1.0
    about = _ABOUT.search(head[max(0, m.start() - 16):m.start()])
    words = (("~" if m.group(0).isascii() else "约") if about else "") + m.group(0)  # ("about 6 days": ~6 days)
    chose = "" if len(spans) == 1 else "kind" if by_kind is not None else "kidneys"
    return float(m.group(1)) * per, float(m.group(2) or m.group(1)) * per, words, chose


# a hold told as how many days the drug has been off, with the procedure today ("warfarin held 4 days, caudal today",
# 华法林停了4天 今天做), not a time ago ("held 4 days ago" is a moment the timeline reads)
_HELD_FOR = {"en": re.compile(r"\b(?:held|stopped|off|withheld|omitted)\s+(?:it\s+|for\s+)?(?:the\s+last\s+)?(\d+)\s*(?:days?|d)\b(?!\s*(?:ago|before|prior))", re.I),
             "zh": re.compile(r"停(?:了|药|用)?(?:了)?\s*(\d+)\s*天(?!前|之前|以前)")}
_TODAY = {"en": re.compile(r"\btoday\b|\bthis (?:morning|afternoon|am|pm)\b|\bnow\b|\bin an? (?:hour|few hours)\b", re.I),
          "zh": re.compile(r"今天|今早|今天上午|今天下午|马上|现在")}


def _held_days_line(text: str, span: tuple[float, float, str, str], lang: Lang) -> str:
    """Days off the drug told with the procedure today, set beside a cited interval in days when short of it ("held 4 days
    → shorter than the about 5 days cited"); '' otherwise."""
    low, _high, words, _chose = span
    told = list(_HELD_FOR[lang].finditer(text))
    m = told[0] if len(told) == 1 else None  # (two drugs' days told, "aspirin held 3 days and clopidogrel 7": whose is whose is not read)
    if m is None or not _TODAY[lang].search(text) or re.search(r"h\b|hours?|小时", words) or int(m.group(1)) * 24 >= low:
        return ""
    days = int(m.group(1))
    if lang == "en":
        return f"held {days} day{'s' if days != 1 else ''}, procedure today: shorter than the {words} cited, so that hold is not met"
    return f"已停 {days} 天、今天操作：短于所引的 {words}，未满足该停药间隔"


def _days_said(days: float, lang: Lang) -> str:
    n = fmt(days)
    return (f"{n} day" if n == "1" else f"{n} days") + " by the days told" if lang == "en" else f"按所述日期 {n} 天"


_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_REL = {-1: "yesterday", 0: "today", 1: "tomorrow", 2: "the day after tomorrow"}
_ZH_REL = {-1: "昨天", 0: "今天", 1: "明天", 2: "后天"}


def _day_reached(dose: Moment, days: int, lang: Lang) -> str:
    """The day `days` after the dose's day, named as the question named it (a weekday, today/tomorrow), else counted."""
    day = dose.day
    if day is not None and day.kind == "wd" and days < 7:
        n = (day.n + days) % 7
        return _EN_DAYS[n] if lang == "en" else "周" + "一二三四五六日"[n]
    if day is not None and day.kind == "rel" and day.n + days in _EN_REL:
        return (_EN_REL if lang == "en" else _ZH_REL)[day.n + days]
    if lang == "en":
        return "the same day" if days == 0 else "the next day" if days == 1 else f", {days} days after it"
    return "当天" if days == 0 else "次日" if days == 1 else f"{days} 天后"


def _short_by(between: Interval, low: float, lang: Lang, approx: bool = False) -> str:
    """How far short of the cited interval's shorter end the time told falls, and when that end is reached
    (" (61 h short; 72 h after the last dose is 21:00 the day after tomorrow)"): clock times told only; arithmetic on
    the cited figure, never a new interval."""
    if not between.exact or between.dose.hours is None:
        return ""
    gap, at = low - between.hours, between.dose.hours + low
    if approx:  # ("about 6 days": how far short, said as about; no clock time from an approximate interval)
        return f" (about {fmt(gap)} h short)" if lang == "en" else f"（约差 {fmt(gap)} 小时）"
    clock = at % 24
    hhmm = f"{int(clock):02d}:{round(clock % 1 * 60):02d}"
    dose, proc = between.dose, between.procedure
    if dose.day is None and proc.day is not None and proc.day.kind == "rel" and proc.hours is not None:
        # "last dose 21:00, procedure today 08:00": the dose's day is the one the hours put it on (yesterday)
        dose = replace(dose, day=Day("rel", proc.day.n + math.floor((proc.hours - between.hours) / 24)))
    day = _day_reached(dose, int(at // 24), lang)
    if lang == "en":
        day = day if day.startswith(",") else " " + day
        return f" ({fmt(gap)} h short; {fmt(low)} h after the last dose is {hhmm}{day})"
    return f"（还差 {fmt(gap)} 小时；末次给药后 {fmt(low)} 小时为{day} {hhmm}）"


def elapsed_line(text: str, sentence: str, lang: Lang, before: str = "", renal: bool | None = False) -> str:
    """The time from the last dose to the procedure told, set beside the interval the cited sentence gives ("21:00
    yesterday → 08:00 today = 11 h: shorter than the 3 days (72 h) cited"; "周二晚上8点 → 周五早上8点 = 60 小时"), or ''
    when the times or the interval are not plain (a follow-up's new procedure time is read with the dose time told
    `before`). Days told without clock times are set only beside an interval in days,
    and said as "about" when the hours not told could put them on either side of it."""
    between = dose_to_procedure(text, lang, before)
    kind = dose_kind(text) or dose_kind(before)
    span = cited_span(sentence, kind, renal)
    if between is None and span is not None:
        return _held_days_line(text, span, lang)
    if between is None or span is None:
        return ""
    low, high, words, chose = span
    approx = words.startswith(("~", "约"))
    in_days = not re.search(r"h\b|hours?|小时", words)
    if not between.exact and not in_days:
        return ""  # "stopped Tuesday, procedure Friday" against "12 h": the hours are not told
    hours = between.hours
    # (whole days are known to a day either way: "3 days" could be 49 to 95 hours)
    slack = 0.0 if between.exact else between.slack
    short, long_ = hours + slack < low, hours - slack > high
    told = f"{between.dose.shown} → {between.procedure.shown}"
    in_hours = "" if not in_days else (f" ({fmt(low)} h)" if low == high else f" ({fmt(low)}–{fmt(high)} h)")
    close = not (between.exact or short or long_)  # (days a day either side of the interval: the clock times decide)
    if lang == "en":
        # (a day short by the days told may still be short: "held since yesterday … TFESI tmrw" against 3 days)
        verdict = "shorter than" if short else "longer than" if long_ else "may fall short of" if close and hours < low \
            else "close to" if close else "within"
        amount = f"{fmt(hours)} h" if between.exact else _days_said(hours / 24, lang)
        which = {"kind": f" for a {kind} dose", "kidneys": " for impaired renal function" if renal else " for normal renal function"}.get(chose, "")
        return (f"{told} = {amount}: {verdict} the {words}{in_hours} cited" + which
                + ((" (count the hours from the last dose)" if hours < low else " (check the clock times)") if close else ", so that hold is not met" + _short_by(between, low, lang, approx)
                   if short else ", which meets only its shorter end" if between.exact and hours < high else ""))
    in_hours_zh = in_hours.replace(" (", "（").replace(" h)", " 小时）")
    verdict = "短于" if short else "长于" if long_ else "可能不足" if close and hours < low else "接近" if close else "在"
    which = {"kind": {"prophylactic": "预防剂量", "therapeutic": "治疗剂量"}.get(kind, ""),
             "kidneys": "肾功能受损时" if renal else "肾功能正常时"}.get(chose, "")
    amount = f"{fmt(hours)} 小时" if between.exact else _days_said(hours / 24, lang)
    return (f"{told} = {amount}：{verdict}所引{which}的 {words}{in_hours_zh}{'范围内' if verdict == '在' else ''}"
            + (("，请按末次给药的具体时间计算小时数" if hours < low else "，请按具体时间核对") if close else "，未满足该停药间隔" + _short_by(between, low, lang, approx) if short
               else "，仅达到其下限" if between.exact and hours < high else ""))
