"""The last dose and the procedure as a question tells them: clock times ("21:00", "9pm", "昨晚9点"), days ("yesterday",
"Tuesday", "3月2日", "2 days ago"), and which one is the dose's and which the procedure's; the time from one to the other.

Pure functions over text. Whatever is not plain gives nothing: a bare "9点" that could be morning or evening, "夜里2点"
(which night?), a slash date (3/2: March or February?), the same weekday twice or "next/last Tuesday", two doses or two
procedures, days of different kinds (a weekday beside a date), a procedure told in the past."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from assistant.types import Lang

# (a 24-hour time with two digits, "08:00", "21:30"; a four-digit one only beside a dose, booking or day word, "last dose
# 0800", "booked 1000", "2000 last night", never a dose, a ratio or a year)
_EN_CLOCK = re.compile(r"(?<![\d:.])(?P<h12>\d{1,2})(?::(?P<m12>[0-5]\d))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)(?![a-z])|"
                       r"(?<![\d:.])(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])|"
                       r"(?:\bat|@|\bnight|\bmorning|\bevening|\btoday|\btonight|\byesterday|\btomorrow|\btmrw?|\bdose|\blast|\bbooked|"
                       r"\bscheduled|\bdue|\bfor)\s*(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?:\s*(?:h|hrs?)\b)?"
                       r"(?!\s*(?:mg|mcg|ml|iu|units?|u\b|%))(?!\d|\.\d)|"
                       r"(?<![\d.])(?P<h4b>[01]\d|2[0-3])(?P<m4b>[0-5]\d)(?=\s*(?:h\b|hrs\b|today|tonight|tomorrow|tmrw|yesterday|last night|this morning))|"
                       r"\b(?P<word>noon|midday|midnight)\b", re.I)
_ZH_CLOCK = re.compile(r"(?P<period>凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间|半夜|午夜|今早|今晚|昨晚|明早|明晚|晚间|早|晚)?\s*"
                       r"(?P<h>\d{1,2})\s*(?:点|时(?!间))\s*(?P<m>半|[0-5]?\d\s*分(?!钟)|[0-5]\d(?!\s*(?:mg|ml|mcg|片|粒|毫|克|%)))?")
_PM_ZH = ("下午", "傍晚", "晚上", "今晚", "昨晚", "明晚", "晚间", "晚")
_NIGHT_ZH = ("晚上", "夜里", "夜间", "半夜", "午夜", "今晚", "昨晚", "明晚", "晚间", "晚")  # 12 点 then is the midnight after
_AM_ZH = ("凌晨", "早上", "早晨", "清晨", "上午", "今早", "明早", "早")
_CLAUSE_END = re.compile(r"[,;，；。!?！？]|\.(?:\s|$)|\s[-–—]\s")

# days: relative ("yesterday", "2 days ago", 前天), weekdays ("Tue", 周二), dates with their month (3月2日, "2 March")
_REL_DAYS = {"day before yesterday": -2, "night before last": -2, "day after tomorrow": 2, "yesterday": -1, "last night": -1, "tomorrow": 1, "tmrw": 1,
             "tmr": 1, "tonight": 0, "today": 0, "this morning": 0, "this evening": 0, "this afternoon": 0,
             "大前天": -3, "前天": -2, "昨天": -1, "昨晚": -1, "昨日": -1, "后天": 2, "明天": 1, "明早": 1, "明晚": 1, "明日": 1,
             "今天": 0, "今早": 0, "今晚": 0, "今日": 0}
_REL = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in sorted(_REL_DAYS, key=len, reverse=True)) + r")(?![a-z])", re.I)
_NIGHT_DAY_WORDS = frozenset({"last night", "tonight", "昨晚", "今晚", "明晚"})  # a midnight told with them is the one after
_AGO = re.compile(r"\b(?P<ago>\d{1,2})\s*days? ago\b|\bin (?P<in>\d{1,2}) days?\b|(?P<zago>\d{1,2})\s*天(?:前|以前)|(?P<zin>\d{1,2})\s*天(?:后|以后)", re.I)
_EN_WEEKDAY = {"monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thurs": 3,
               "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6}
_WEEKDAY = re.compile(r"\b(?P<en>" + "|".join(sorted(_EN_WEEKDAY, key=len, reverse=True)) + r")\b\.?|"
                      r"(?<![每一几])(?:周|星期|礼拜)(?P<zh>[一二三四五六日天])", re.I)
_ZH_WEEKDAYS = "一二三四五六日"
_WHICH_WEEK = re.compile(r"\b(?:next|last|this coming|the following)\s+(?:" + "|".join(_EN_WEEKDAY) + r")\b|上周|下周|上星期|下星期|上个?礼拜|下个?礼拜", re.I)
_MONTH = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6,
          "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
          "nov": 11, "december": 12, "dec": 12}
_MONTHS = "|".join(sorted(_MONTH, key=len, reverse=True))
# ("may" only day-first: "5 May"; "may 5" is more often a verb)
_DATE = re.compile(r"(?P<zm>\d{1,2})\s*月\s*(?P<zd>\d{1,2})\s*[日号]|"
                   r"\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + _MONTHS + r")\b|"
                   r"\b(?P<m2>(?!may\b)(?:" + _MONTHS + r"))\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b", re.I)
# a slash date beside a time or a dose or procedure word ("stopped 3/2 at 8pm"): March or February is not ours to guess
# (a level, L4/5, a pain score 7/10 or a blood pressure is no date)
_SLASH_DATE = re.compile(r"(?<![\d/A-Za-z])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/])(?=[^，。,.;；?？]{0,8}"
                         r"(?:停|吃|做|服|打|\d|am|pm|at|stopped|dose|procedure|on|for))", re.I)
# what a moment is the moment of: the last dose, or the procedure ("injection" could be either: not read)
_DOSE_WORDS = re.compile(r"\blast\b|\btook\b|\btaken\b|\bgiven\b|\bgave\b|\bdose\b|\bhad \w+ \d+(?:\.\d+)?\s*(?:mg|mcg|iu|units?)\b|\btab(?:let)?s?\b|\bshot\b|\bjab\b|\bpill\b|\bstopped\b|"
                         r"\bheld\b|末次|最后一(?:次|针|片|剂|顿)|吃的?|服(?:用|的)?|打的|用的|口服|注射了|给药|停(?:的|药|了|用)", re.I)
# a laboratory value told with its day: the day it was drawn
_LAB_WORDS = re.compile(r"(?<![A-Za-z])(?:INR|platelets?|plt|(?-i:PT)|aPTT|eGFR|CrCl|labs?|bloods?|(?-i:Hb))(?![A-Za-z])|"
                        r"血小板|凝血|肌酐|化验|抽血|查血|血常规", re.I)  # (no \b: "查INR" has none before the name)
_PROCEDURE_WORDS = re.compile(r"\bprocedure\b|\bblock\b|\bbooked\b|\bscheduled\b|\blisted\b|\bcase\b|\bslot\b|\btrial\b|\bimplant\b|"
                              r"(?<![A-Za-z])(?:(?:TF|IL|C|L)?ESI|RFA|MBB|SCS|SGB|PVP|EBP)(?![A-Za-z])|\bok(?:ay)? for\b|"
                              r"做|穿刺|手术|操作|阻滞|排的|安排|植入", re.I)


# a follow-up that moves the procedure ("push it to tomorrow 10:00", 改到明天上午10点), not one telling a dose or the next
# one ("actually she had it at 22:00", "next clexane at 18:00?", 今晚8点恢复用药, 明早又要打一针)
_MOVED = re.compile(r"\b(?:push\w*|mov\w*|reschedul\w*|postpon\w*|delay\w*|bump\w*|shift\w*|rebook\w*)\b|改到|改成|推迟|挪到|延到|延后|推到|换到", re.I)
# The times of the turn before said to hold ("same clexane timing but…", 时间一样): its dose time is this turn's too.
SAME_TIMES = re.compile(r"\bsame (?:\w+ )?(?:timing|times?|dose times?|schedule)\b|\bsame time(?:s|line)?\b|时间一样|同样的时间|时间不变", re.I)
_RESTART_WORDS = re.compile(r"\brestart\w*|\bresum\w*|\bre-?start\w*|恢复(?:用药|服用|抗凝|吃)|重新(?:开始|服用|用药)", re.I)
_NEXT_DOSE = re.compile(r"\bnext (?:dose|shot|jab|injection)\b|\brestart\w*|\bresum\w*|\bhad it\b|恢复|再打|又打|又要打|打过|打了|吃了", re.I)


@dataclass(frozen=True)
class Day:
    """A day told: relative to today (kind "rel", -1 yesterday), a weekday ("wd", 0 Monday) or a date ("date", month
    and day)."""

    kind: str
    n: int = 0
    month: int = 0


@dataclass(frozen=True)
class Moment:
    """A time told: its hour when a clock time is told, its day when a day is told, how it was written, and whose it is
    (dose | procedure | '' not told)."""

    hours: float | None
    day: Day | None
    shown: str
    role: str = ""


@dataclass(frozen=True)
class _Clock:
    start: int
    end: int
    hours: float
    shown: str
    night: bool = False  # a midnight told with a night word: the one after that day


def _zh_hour(period: str | None, h: int) -> tuple[int, bool] | None:
    """The 24-hour hour of a Chinese time and whether it is a night's midnight ("晚上9点" 21, "晚上12点" the midnight
    after); None when a bare hour could be morning or evening, or a night's small hour could be either night."""
    if period in _NIGHT_ZH and h == 12:
        return 0, True
    if period in ("夜里", "夜间", "半夜", "午夜") or (period in _NIGHT_ZH and h <= 4):
        return None  # "昨天夜里2点", "晚上1点": the small hours of which night is not plain
    if period in _PM_ZH and h < 12:
        return h + 12, False
    if period == "中午":
        return (h + 12 if h < 11 else h), False
    if period in _AM_ZH or h > 12:
        return h % 24, False
    return None  # "9点吃的，8点做": morning or evening is not told


def _clocks(text: str, lang: Lang) -> list[_Clock] | None:
    """The clock times told, in order; None when one is not a plain time of day."""
    found: list[_Clock] = []
    for m in _EN_CLOCK.finditer(text):
        if m.group("h12"):
            h = int(m.group("h12"))
            if not 1 <= h <= 12:
                continue
            hours = (h % 12) + (12 if m.group("ampm").lower().startswith("p") else 0) + int(m.group("m12") or 0) / 60
            found.append(_Clock(m.start(), m.end(), hours, m.group(0).strip()))
        elif m.group("word"):
            word = m.group("word").lower()
            found.append(_Clock(m.start(), m.end(), 0.0 if word == "midnight" else 12.0, m.group("word"), word == "midnight"))
        else:  # a 24-hour time, shown as it is read ("2000" as 20:00)
            key = next(k for k in ("h24", "h4", "h4b") if m.group(k))
            h, minute = int(m.group(key)), int(m.group({"h24": "m24", "h4": "m4", "h4b": "m4b"}[key]))
            found.append(_Clock(m.start(key), m.end(), h + minute / 60, f"{h:02d}:{minute:02d}"))
    if lang == "zh":
        for m in _ZH_CLOCK.finditer(text):
            if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in found):
                continue
            read = _zh_hour(m.group("period"), int(m.group("h")))
            if read is None or int(m.group("h")) > 24:
                return None
            tail = m.group("m") or ""
            minute = 30 if tail == "半" else int(re.sub(r"\D", "", tail) or 0)
            found.append(_Clock(m.start(), m.end(), read[0] + minute / 60, m.group(0).strip(), read[1]))
    return sorted(found, key=lambda c: c.start)


# a part of the day told right after the day ("tomorrow morning", "Tue pm", 明天上午) narrows it (without a clock time)
_PART_AFTER = re.compile(r"\s*(?:morning|afternoon|evening|night|am\b(?!\s+i\b)|pm\b|a\.m\.|p\.m\.|(?:早上|早晨|清晨|上午|下午|傍晚|晚上)(?!\s*\d))",
                         re.I)


def _with_part(text: str, end: int, shown: str) -> tuple[int, str]:
    """The day's end and words, with a part of the day told right after it."""
    m = _PART_AFTER.match(text, end)
    return (m.end(), shown + text[end:m.end()]) if m else (end, shown)


def _days(text: str) -> list[tuple[int, int, Day, str]]:
    """(start, end, day, as written) of each day told, in order (a day inside a longer one is that one's)."""
    found: list[tuple[int, int, Day, str]] = []
    for m in _AGO.finditer(text):
        ago = m.group("ago") or m.group("zago")
        found.append((m.start(), m.end(), Day("rel", -int(ago) if ago else int(m.group("in") or m.group("zin"))), m.group(0)))
    for m in _REL.finditer(text):
        end, shown = _with_part(text, m.end(), m.group(0))
        found.append((m.start(), end, Day("rel", _REL_DAYS[m.group(0).lower()]), shown))
    for m in _WEEKDAY.finditer(text):
        k = _EN_WEEKDAY[m.group("en").lower()] if m.group("en") else _ZH_WEEKDAYS.index(m.group("zh").replace("天", "日"))
        end, shown = _with_part(text, m.end(), m.group(0).rstrip("."))
        found.append((m.start(), end, Day("wd", k), shown))
    for m in _DATE.finditer(text):
        if m.group("zm"):
            month, day = int(m.group("zm")), int(m.group("zd"))
        elif m.group("d1"):
            month, day = _MONTH[m.group("m1").lower()], int(m.group("d1"))
        else:
            month, day = _MONTH[m.group("m2").lower()], int(m.group("d2"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append((m.start(), m.end(), Day("date", day, month), m.group(0)))
    found.sort(key=lambda f: f[0])
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
    if _RESTART_WORDS.search(clause) and not dose and not proc:
        return "restart"  # ("cardiology want to restart tonight": the time after the procedure, no dose before it)
    if not dose and not proc and _LAB_WORDS.search(clause):
        return "lab"  # ("今天 INR 1.6，明天颈椎 TFESI": today is when the INR was drawn, not the last dose)
    return "dose" if dose and not proc else "procedure" if proc and not dose else ""


def _with_day(clock: _Clock, day: tuple[int, int, Day, str]) -> str:
    """A clock time shown with its day ("Tue 20:00", "8am tomorrow"; "昨晚9点" already says it)."""
    ds, de, _, dshown = day
    if ds < clock.end and clock.start < de:
        return clock.shown  # (the day is in the clock's own words)
    first, second = (dshown, clock.shown) if ds < clock.start else (clock.shown, dshown)
    return f"{first}{'' if re.search(r'[一-鿿]', first + second) else ' '}{second}"


def moments(text: str, lang: Lang) -> list[Moment] | None:
    """The times a question tells, each clock time with the day told nearest it in its clause (nearest pairs first),
    and each day told without a clock time; None when one is not plain."""
    if _SLASH_DATE.search(text) or _WHICH_WEEK.search(text):
        return None
    clocks = _clocks(text, lang)
    if clocks is None:
        return None
    days = _days(text)
    spans = [(c.start, c.end) for c in clocks]
    clauses = [_clause(text, c.start, c.end, [sp for sp in spans if sp != (c.start, c.end)]) for c in clocks]
    pairs = sorted((c.start - de if de <= c.start else ds - c.end, i, j)
                   for i, c in enumerate(clocks) for j, (ds, de, _, _) in enumerate(days)
                   if clauses[i][0] <= ds and de <= clauses[i][1])
    day_of: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in day_of and j not in day_of.values():
            day_of[i] = j
    out: list[tuple[int, Moment]] = []
    for i, c in enumerate(clocks):
        lo, hi = clauses[i]
        day, shown = None, c.shown
        if i in day_of:
            told = days[day_of[i]]
            day, shown = told[2], _with_day(c, told)
            lo, hi = min(lo, told[0]), max(hi, told[1])
            # (a midnight told with "last night"/昨晚 is the one after that evening)
            night = c.night and (c.hours == 0.0) and told[3].lower() in _NIGHT_DAY_WORDS
            if night and day.kind == "rel":
                day = Day("rel", day.n + 1)
            elif c.night and c.hours == 0.0 and day.kind != "rel":
                return None
        out.append((c.start, Moment(c.hours, day, shown, _role(text, lo, hi, c.start, c.end))))
    for j, (s, e, day, shown) in enumerate(days):
        if j not in day_of.values():
            lo, hi = _clause(text, s, e, spans)
            out.append((s, Moment(None, day, shown, _role(text, lo, hi, s, e))))
    return [m for _, m in sorted(out, key=lambda t: t[0])]


def _days_apart(a: Day, b: Day) -> int | None:
    """Days from day a to day b when both are of one kind (a weekday goes forward to the next, never to itself; a date
    within this year or into the next)."""
    if a.kind != b.kind:
        return None
    if a.kind == "rel":
        return b.n - a.n
    if a.kind == "wd":
        return (b.n - a.n) % 7 or None  # (Monday to Monday: this week's or next week's is not told)
    year = date.today().year
    try:
        first, second = date(year, a.month, a.n), date(year, b.month, b.n)
    except ValueError:
        return None
    gap = (second - first).days
    return gap if gap >= 0 else (date(year + 1, b.month, b.n) - first).days if not (b.month == 2 and b.n == 29) else None


@dataclass(frozen=True)
class Interval:
    """From the last dose to the procedure: both as written, and the hours between (whole days when no clock time is told
    for one of them: `exact` False)."""

    dose: Moment
    procedure: Moment
    hours: float
    exact: bool
    slack: float = 24.0  # how far either way the hours not told could move it (a part of the day told: half its window)


def _whose(a: Moment, b: Moment) -> tuple[Moment, Moment] | None:
    """(dose, procedure) of the two times told: by their words, else in the order told."""
    roles = (a.role, b.role)
    if roles in (("dose", "procedure"), ("dose", ""), ("", "procedure"), ("", "")):
        return a, b
    if roles in (("procedure", "dose"), ("", "dose"), ("procedure", "")):
        return b, a
    return None  # both told as doses, or both as procedures


def dose_to_procedure(text: str, lang: Lang, before: str = "") -> Interval | None:
    """The time from the last dose to the procedure the question tells; None unless exactly two times are told and which
    is which is plain. A follow-up that tells only the procedure's new time ("push it to tomorrow 10:00?") is read with the
    dose time the turn `before` told. A clock time with no day falls today, or on the nearest day that keeps the order
    ("last dose tonight 9pm, procedure 8am": tomorrow's 8am); a procedure told in the past is no procedure to come."""
    found = moments(text, lang)
    if before and SAME_TIMES.search(text) and not found:
        return dose_to_procedure(before, lang)  # ("same clexane timing, but for an ILESI?": the times told before)
    if found is None:
        return None
    if len(found) == 1 and before and (_MOVED.search(text) or SAME_TIMES.search(text)) and not _DOSE_WORDS.search(text) \
            and not _NEXT_DOSE.search(text):
        doses = [m for m in moments(before, lang) or [] if m.role == "dose"]
        return _interval(doses[0], found[0]) if len(doses) == 1 else None
    if len(found) != 2 or (pair := _whose(*found)) is None:
        return None
    return _interval(*pair)


def _interval(dose: Moment, proc: Moment) -> Interval | None:
    """The interval from a dose to a procedure, when their days and hours give one (see `dose_to_procedure`)."""
    if proc.day is not None and proc.day.kind == "rel" and proc.day.n < 0 and (dose.day is None or dose.day.n >= proc.day.n):
        return None  # ("clexane injection 5am today - ok for 9am?" read the other way round would put the procedure first)
    if dose.day is None and proc.day is None:
        if dose.hours is None or proc.hours is None:
            return None
        span, exact = (proc.hours - dose.hours) % 24, True
    else:
        if (dose.day is None or proc.day is None) and (dose.day or proc.day or Day("rel")).kind != "rel":
            return None  # a weekday or a date beside a time with no day: which week is not told
        days = _days_apart(dose.day or Day("rel"), proc.day or Day("rel"))
        if days is None:
            return None
        exact = dose.hours is not None and proc.hours is not None
        span = 24.0 * days + ((proc.hours or 0.0) - (dose.hours or 0.0) if exact else 0.0)
        if exact and span <= 0 and (dose.day is None or proc.day is None):
            span += 24  # (the day not told is the next one in order)
        # ("last night 8pm → tomorrow morning": a clock time and a part of the day, 34–40 h, not "2 days" give or take one)
        window = _window(dose, proc)
        if not exact and window is not None and dose.day is not None and proc.day is not None:
            lo, hi = window
            span = 24.0 * days + (lo + hi) / 2
            if 0 < span <= 24 * 21:
                return Interval(dose, proc, span, False, (hi - lo) / 2)
    if not 0 < span <= 24 * 21:
        return None
    return Interval(dose, proc, span, exact)


# The parts of a day a time may be told by, without a clock time (morning 06–12, afternoon 12–18, evening 18–24).
_PARTS_OF_DAY = ((re.compile(r"早|上午|清晨|morning|\bam\b", re.I), 6.0, 12.0), (re.compile(r"下午|afternoon", re.I), 12.0, 18.0), (re.compile(r"\bp\.?m\b", re.I), 12.0, 24.0),
                 (re.compile(r"晚|evening|tonight|\bnight\b", re.I), 18.0, 24.0))


def _window(dose: Moment, proc: Moment) -> tuple[float, float] | None:
    """The range of hours from the dose to the procedure within their days, when one has a clock time and the other
    only a part of the day; None otherwise."""
    def part(m: Moment) -> tuple[float, float] | None:
        return next(((a, b) for rx, a, b in _PARTS_OF_DAY if rx.search(m.shown)), None)
    if dose.hours is not None and proc.hours is None and (p := part(proc)):
        return p[0] - dose.hours, p[1] - dose.hours
    if proc.hours is not None and dose.hours is None and (d := part(dose)):
        return proc.hours - d[1], proc.hours - d[0]
    return None
