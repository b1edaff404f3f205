"""The last dose and the procedure as a question tells them: clock times ("21:00", "9pm", "昨晚9点"), days ("yesterday",
"Tuesday", "3月2日", "2 days ago"), and which one is the dose's and which the procedure's; the time from one to the other.

Pure functions over text. Whatever is not plain gives nothing: a bare "9点" that could be morning or evening, a slash
date (3/2: March or February?), two doses or two procedures, days of different kinds (a weekday beside a date)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assistant.types import Lang

# (a 24-hour time with two digits, "08:00", "21:30"; a four-digit one only beside a dose, booking or day word, "last dose
# 0800", "booked 1000", "2000 last night", never a dose, a ratio or a year)
_EN_CLOCK = re.compile(r"(?<![\d:.])(\d{1,2})(?::([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])|"
                       r"(?<![\d:.])([01]\d|2[0-3]):([0-5]\d)(?![\d:])|"
                       r"(?:\bat|@|\bnight|\bmorning|\bevening|\btoday|\btonight|\byesterday|\btomorrow|\btmrw?|\bdose|\blast|\bbooked|"
                       r"\bscheduled|\bdue|\bfor)\s*([01]\d|2[0-3])([0-5]\d)(?:\s*(?:h|hrs?)\b)?(?!\s*(?:mg|mcg|ml|iu|units?|u\b|%))(?!\d|\.\d)|"
                       r"(?<![\d.])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:h\b|hrs\b|today|tonight|tomorrow|tmrw|yesterday|last night|this morning))|"
                       r"\b(noon|midday|midnight)\b", re.I)
_ZH_CLOCK = re.compile(r"(凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间|半夜|午夜|今早|今晚|昨晚|明早|明晚|晚间|早|晚)?\s*"
                       r"(\d{1,2})\s*(?:点|时(?!间))\s*(半|[0-5]?\d\s*分(?!钟)|[0-5]\d(?!\s*(?:mg|ml|mcg|片|粒|毫|克|%)))?")
_PM_ZH = ("下午", "傍晚", "晚上", "夜里", "夜间", "今晚", "昨晚", "明晚", "晚间", "晚")
_NIGHT_ZH = ("晚上", "夜里", "夜间", "半夜", "午夜", "凌晨", "今晚", "昨晚", "明晚", "晚间", "晚")  # 12 点 then is midnight
_AM_ZH = ("凌晨", "早上", "早晨", "清晨", "上午", "今早", "明早", "早")
_CLAUSE_END = re.compile(r"[,;，；。!?！？]|\.(?:\s|$)")

# days: relative ("yesterday", "2 days ago", 前天), weekdays ("Tue", 周二), dates with their month (3月2日, "2 March")
_REL_DAYS = (("day before yesterday", -2), ("night before last", -2), ("yesterday", -1), ("last night", -1), ("tomorrow", 1),
             ("tmrw", 1), ("tmr", 1), ("tonight", 0), ("today", 0), ("this morning", 0), ("this evening", 0), ("this afternoon", 0),
             ("大前天", -3), ("前天", -2), ("昨天", -1), ("昨晚", -1), ("昨日", -1), ("后天", 2), ("明天", 1), ("明早", 1), ("明晚", 1),
             ("明日", 1), ("今天", 0), ("今早", 0), ("今晚", 0), ("今日", 0))
_REL = re.compile("|".join(re.escape(w) for w, _ in _REL_DAYS), re.I)
_AGO = re.compile(r"\b(\d{1,2})\s*days? ago\b|\bin (\d{1,2}) days?\b|(\d{1,2})\s*天(?:前|以前)|(\d{1,2})\s*天(?:后|以后)", re.I)
_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|r|urday)?\b\.?|(?:周|星期|礼拜)([一二三四五六日天])", re.I)
_ZH_WEEKDAYS = "一二三四五六日"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|"
                   r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
                   r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_SLASH_DATE = re.compile(r"(?<![\d/A-Za-z])\d{1,2}/\d{1,2}(?![\d/]|\s*(?:mg|ml|mcg|kg))")  # (not a level, L4/5)
# what a moment is the moment of: the last dose, or the procedure
_DOSE_WORDS = re.compile(r"\blast\b|\btook\b|\btaken\b|\bgiven\b|\bgave\b|\bdose\b|\btab(?:let)?s?\b|\bshot\b|\bjab\b|\bpill\b|\bstopped\b|"
                         r"\bheld\b|末次|最后一(?:次|针|片|剂|顿)|吃的?|服(?:用|的)?|打的|用的|口服|注射了|给药|停(?:的|药|了|用)", re.I)
_PROCEDURE_WORDS = re.compile(r"\bprocedure\b|\bblock\b|\bbooked\b|\bscheduled\b|\blisted\b|\bcase\b|\bslot\b|\btrial\b|\bimplant\b|"
                              r"\b(?:TF|IL|C|L)?ESI\b|\bRFA\b|\bMBB\b|\bSCS\b|\bSGB\b|\bPVP\b|\bEBP\b|\binjection\b(?! of)|"
                              r"做|穿刺|手术|操作|阻滞|治疗|排的|安排|植入", re.I)


@dataclass(frozen=True)
class Moment:
    """A time told: its hour when a clock time is told, its day when a day is told (("rel", -1) yesterday, ("wd", 1)
    Tuesday, ("date", (3, 2)) 2 March), how it was written, and whose it is (dose | procedure | '' not told)."""

    hours: float | None
    day: tuple[str, object] | None
    shown: str
    role: str = ""


def _zh_hour(period: str | None, h: int) -> int | None:
    """The 24-hour hour of a Chinese time ("晚上9点" 21, "晚上12点" 0); None when a bare hour could be morning or evening."""
    if period in _NIGHT_ZH and h == 12:
        return 0
    if period in _PM_ZH and h < 12:
        return h + 12
    if period == "中午":
        return h + 12 if h < 11 else h
    if period in _AM_ZH or h > 12:
        return h % 24
    return None  # "9点吃的，8点做": morning or evening is not told


def _clock_spans(text: str, lang: Lang) -> list[tuple[int, int, float, str]] | None:
    """(start, end, hour, as written) of each clock time told, in order; None when one is not a plain time of day."""
    found: list[tuple[int, int, float, str]] = []
    for m in _EN_CLOCK.finditer(text):
        if m.group(1):
            h = int(m.group(1))
            if not 1 <= h <= 12:
                continue
            hours, shown = (h % 12) + (12 if m.group(3).lower().startswith("p") else 0) + int(m.group(2) or 0) / 60, m.group(0).strip()
        elif m.group(10):
            hours, shown = (0.0 if m.group(10).lower() == "midnight" else 12.0), m.group(10)
        else:  # a 24-hour time, shown as it is read ("2000" as 20:00)
            h, minute = next((int(m.group(i)), int(m.group(i + 1))) for i in (4, 6, 8) if m.group(i))
            hours, shown = h + minute / 60, f"{h:02d}:{minute:02d}"
        start = m.start() if m.group(1) or m.group(10) else next(m.start(i) for i in (4, 6, 8) if m.group(i))
        found.append((start, m.end(), hours, shown))
    if lang == "zh":
        for m in _ZH_CLOCK.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _, _ in found):
                continue
            zh_h = _zh_hour(m.group(1), int(m.group(2)))
            if zh_h is None or int(m.group(2)) > 24:
                return None
            tail = m.group(3) or ""
            minute = 30 if tail == "半" else int(re.sub(r"\D", "", tail) or 0)
            found.append((m.start(), m.end(), zh_h + minute / 60, m.group(0).strip()))
    return sorted(found)


def _day_spans(text: str) -> list[tuple[int, int, tuple[str, object], str]]:
    """(start, end, day, as written) of each day told, in order."""
    found: list[tuple[int, int, tuple[str, object], str]] = []
    for m in _AGO.finditer(text):
        n = next(int(g) for g in m.groups() if g)
        found.append((m.start(), m.end(), ("rel", -n if (m.group(1) or m.group(3)) else n), m.group(0)))
    for m in _REL.finditer(text):
        day = dict((w.lower(), d) for w, d in _REL_DAYS)[m.group(0).lower()]
        found.append((m.start(), m.end(), ("rel", day), m.group(0)))
    for m in _WEEKDAY.finditer(text):
        k = _EN_WEEKDAYS.index(m.group(1).lower()[:3]) if m.group(1) else _ZH_WEEKDAYS.index(m.group(2).replace("天", "日"))
        found.append((m.start(), m.end(), ("wd", k), m.group(0)))
    for m in _DATE.finditer(text):
        if m.group(1):
            month, day = int(m.group(1)), int(m.group(2))
        elif m.group(3):
            month, day = _MONTHS.index(m.group(4).lower()[:3]) + 1, int(m.group(3))
        else:
            month, day = _MONTHS.index(m.group(5).lower()[:3]) + 1, int(m.group(6))
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append((m.start(), m.end(), ("date", (month, day)), m.group(0)))
    found.sort()
    # (a day inside a longer one: "day before yesterday" is not also "yesterday")
    return [f for f in found if not any(o is not f and o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0]) for o in found)]


def _clause(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The clause a span sits in: up to punctuation, or to another time told."""
    lo = max([-1, *(m.end() - 1 for m in _CLAUSE_END.finditer(text, 0, start)), *(e - 1 for s, e in others if e <= start)]) + 1
    hi = min([len(text), *(m.start() for m in _CLAUSE_END.finditer(text, end)), *(s for s, e in others if s >= end)])
    return lo, hi


def _role(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """Is the time told the last dose's or the procedure's (by the words of its own clause)?"""
    clause = text[lo:start] + " " + text[end:hi]
    dose, proc = bool(_DOSE_WORDS.search(clause)), bool(_PROCEDURE_WORDS.search(clause))
    return "dose" if dose and not proc else "procedure" if proc and not dose else ""


def _with_day(text: str, clock: tuple[int, int, str], day: tuple[int, int, str]) -> str:
    """A clock time shown with its day ("Tue 20:00", "8am tomorrow"; "昨晚9点" already says it)."""
    (cs, ce, cshown), (ds, de, dshown) = clock, day
    if ds < ce and cs < de:
        return cshown  # (the day is in the clock's own words)
    first, second = ((dshown, cshown) if ds < cs else (cshown, dshown))
    return f"{first}{'' if re.search(r'[一-鿿]', first + second) else ' '}{second}"


def moments(text: str, lang: Lang) -> list[Moment] | None:
    """The times a question tells, each clock time with the day told in its clause, and each day told without a clock
    time; None when one is not plain."""
    if _SLASH_DATE.search(text):
        return None  # 3/2: the 3rd of February or the 2nd of March
    clocks = _clock_spans(text, lang)
    if clocks is None:
        return None
    days = _day_spans(text)
    clock_spans = [(s, e) for s, e, _, _ in clocks]
    out: list[tuple[int, Moment]] = []
    used: set[int] = set()
    for s, e, hours, shown in clocks:
        lo, hi = _clause(text, s, e, [sp for sp in clock_spans if sp != (s, e)])
        near = [(s - de if de <= s else ds - e, i) for i, (ds, de, _, _) in enumerate(days) if lo <= ds and de <= hi and i not in used]
        day = None
        if near:
            i = min(near)[1]
            used.add(i)
            ds, de, day, day_shown = days[i]
            shown = _with_day(text, (s, e, shown), (ds, de, day_shown))
            lo, hi = min(lo, ds), max(hi, de)
        out.append((s, Moment(hours, day, shown, _role(text, lo, hi, s, e))))
    for i, (s, e, day, shown) in enumerate(days):
        if i not in used:
            lo, hi = _clause(text, s, e, clock_spans)
            out.append((s, Moment(None, day, shown, _role(text, lo, hi, s, e))))
    return [m for _, m in sorted(out, key=lambda t: t[0])]


def _days_apart(a: tuple[str, object], b: tuple[str, object]) -> int | None:
    """Days from day a to day b when both are of one kind (a weekday goes forward to the next, a date within a year)."""
    if a[0] != b[0]:
        return None
    if a[0] == "rel" and isinstance(a[1], int) and isinstance(b[1], int):
        return b[1] - a[1]
    if a[0] == "wd" and isinstance(a[1], int) and isinstance(b[1], int):
        return (b[1] - a[1]) % 7
    if not (isinstance(a[1], tuple) and isinstance(b[1], tuple)):
        return None
    try:
        first, second = date(2001, *a[1]), date(2001, *b[1])
    except ValueError:
        return None
    return (second - first).days % 365


@dataclass(frozen=True)
class Interval:
    """From the last dose to the procedure: both as written, and the hours between (whole days when no clock time is told
    for one of them: `exact` False)."""

    dose: Moment
    procedure: Moment
    hours: float
    exact: bool


def dose_to_procedure(text: str, lang: Lang) -> Interval | None:
    """The time from the last dose to the procedure the question tells; None unless exactly two times are told and which
    is which is plain, by their words or, with none, in the order told. A clock time with no day falls today, or on the
    nearest day that keeps the order ("last dose tonight 9pm, procedure 8am": tomorrow's 8am)."""
    found = moments(text, lang)
    if found is None or len(found) != 2:
        return None
    a, b = found
    roles = (a.role, b.role)
    if roles in (("dose", "procedure"), ("dose", ""), ("", "procedure"), ("", "")):
        dose, proc = a, b
    elif roles in (("procedure", "dose"), ("", "dose"), ("procedure", "")):
        dose, proc = b, a
    else:
        return None  # both told as doses, or both as procedures
    if dose.day is None and proc.day is None:
        if dose.hours is None or proc.hours is None:
            return None
        span, exact = (proc.hours - dose.hours) % 24, True
    else:
        days = _days_apart(dose.day or ("rel", 0), proc.day or ("rel", 0)) if (dose.day or proc.day) else None
        if days is None or (dose.day is None or proc.day is None) and (dose.day or proc.day or ("",))[0] != "rel":
            return None  # a weekday or a date beside a time with no day: which week is not told
        exact = dose.hours is not None and proc.hours is not None
        span = 24.0 * days + ((proc.hours or 0.0) - (dose.hours or 0.0) if exact else 0.0)
        if exact and span <= 0 and (dose.day is None or proc.day is None):
            span += 24  # (the day not told is the next one in order)
        if dose.day is not None and dose.day[0] == "wd" and span <= 0:
            span += 24 * 7  # (Friday to the Tuesday after)
    if not 0 < span <= 24 * 21:
        return None
    return Interval(dose, proc, span, exact)
