"""Arithmetic on a cited sentence's figures for the patient the question tells: a per-kilogram dose times the weight
told, and the hours between the two clock times told (the last dose and the procedure) beside a cited interval.

Pure functions over text. Every figure multiplied comes from the cited sentence, every patient number from the
question, and the line says it is worked, not quoted; nothing is worked when a number is ambiguous."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assistant.types import Lang

_KG = r"(?:kg|公斤|千克)"
_WEIGHT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d)?)\s*" + _KG + r"(?![a-z/])", re.I)
_WEIGHT_ZH_JIN = re.compile(r"(?<![\d.])(\d{2,3})\s*斤")  # 斤: half a kilogram, as patients and nurses say weights
# a weight condition of the passage (≤70 kg, >70 kg): the patient's band
_BAND = re.compile(r"(≤|<=|<|≥|>=|>|under|below|over|above|up to)\s*(\d{2,3})\s*" + _KG, re.I)
# a per-kg figure, with the bound it is given with (≤1 mcg/kg, about 3 mg/kg) and an alternative or range written before
# the unit ("2–3 mg/kg", "3 versus 4.5 mg/kg", "6 或 7 mg/kg")
_PER_KG = re.compile(r"(≤|<=|<|≥|>=|>|~|about |up to |约\s*|最多\s*)?(?<![\d.])(\d+(?:\.\d+)?)"
                     r"(?:\s*(–|-|to|versus|vs\.?|or|或|至|对比)\s*(\d+(?:\.\d+)?))?\s*"
                     r"(mL|ml|mg|mcg|µg|μg|g|units?|U|IU|毫升|毫克)\s*/\s*" + _KG + r"(?:\s*/\s*(min|h|hr|小时|分钟))?", re.I)
# a weight the passage caps the calculation at ("ideal body weight capped at 70 kg", "体重按 70 kg 封顶")
_CAP = re.compile(r"capped at (\d{2,3})\s*kg|(?:体重)?上限(?:为|取)\s*(\d{2,3})\s*kg|按\s*(\d{2,3})\s*kg\s*封顶", re.I)
# "10-kg" / "a 70-kg adult": a weight the passage speaks of, never a figure to multiply
_UNIT_ZH = {"min": "min", "h": "h", "hr": "h", "小时": "h", "分钟": "min"}


def told_weight(text: str, history: Sequence[str] = ()) -> float | None:
    """The patient's weight in kg told in the question, else in the latest earlier turn that tells one (52 kg, 90公斤,
    110斤); None when none is told or two different weights are."""
    for turn in (text, *reversed(history)):
        found = {float(m.group(1)) for m in _WEIGHT.finditer(turn) if 2 <= float(m.group(1)) <= 300}
        found |= {int(m.group(1)) / 2 for m in _WEIGHT_ZH_JIN.finditer(turn) if 40 <= int(m.group(1)) <= 400}
        if len(found) == 1:
            return found.pop()
        if found:
            return None  # "from 80 kg down to 60 kg": which weight is meant is not ours to guess
    return None


def fits_band(sentence: str, weight: float) -> bool:
    """Does the sentence's weight condition (if any) hold for `weight`? ("≤70 kg" for 52 kg: yes; ">70 kg": no)"""
    m = _BAND.search(sentence)
    if not m:
        return True
    op, n = m.group(1).lower(), float(m.group(2))
    return {"≤": weight <= n, "<=": weight <= n, "<": weight < n, "under": weight < n, "below": weight < n, "up to": weight <= n,
            "≥": weight >= n, ">=": weight >= n, ">": weight > n, "over": weight > n, "above": weight > n}[op]


def _num(x: float) -> str:
    """A worked figure as a clinician writes it: at most one decimal, rounded half up, none when whole (78, 13, 11.3)."""
    r = Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(int(r)) if r == int(r) else str(r)


def _joined(joint: str) -> str:
    """How two worked figures are joined: a range with a dash, an alternative with its word ("180 or 270")."""
    return "–" if joint in ("–", "-") else f" {joint.strip()} " if joint.isascii() else joint


def per_kg(sentence: str, weight: float, lang: Lang, passage: str = "") -> str:
    """The sentence's per-kilogram figures worked for `weight` ("1.5 mL/kg → 78 mL · 0.25 mL/kg/min → 13 mL/min"), or ''
    when it gives none or its weight band does not fit the patient. A weight cap the sentence or its `passage` names
    ("ideal body weight capped at 70 kg") is applied and said."""
    if not fits_band(sentence, weight):
        return ""
    cap_m = _CAP.search(sentence) or _CAP.search(passage)
    cap = float(next(g for g in cap_m.groups() if g)) if cap_m else None
    basis = min(weight, cap) if cap else weight
    out: list[str] = []
    for m in _PER_KG.finditer(sentence):
        bound, lo, joint, hi, unit, per = m.groups()
        rate = f"/{_UNIT_ZH.get(per.lower(), per)}" if per else ""
        amount = (bound or "") + _num(float(lo) * basis) + (_joined(joint) + _num(float(hi) * basis) if hi else "")
        shown = re.sub(r"\s+", " ", m.group(0))
        item = f"{shown} → {amount} {unit}{rate}"
        if item not in out:
            out.append(item)
    if not out:
        return ""
    capped = (f" (capped at {_num(cap)} kg, as the passage says)" if lang == "en" else f"（按原文以 {_num(cap)} kg 封顶）") \
        if cap and weight > cap else ""
    return " · ".join(out) + capped


# --- clock times ---------------------------------------------------------------------------------------------------
# (a four-digit 24-hour time only after "at", "@" or a time-of-day word: "last night 2000", never a dose or a year)
_EN_CLOCK = re.compile(r"(?<![\d:.])(?:at\s+)?(\d{1,2})(?::([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.)|(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])|"
                       r"(?:\bat|@|\bnight|\bmorning|\bevening|\btoday|\btonight|\byesterday|\btomorrow|\btmrw?)\s*([01]\d|2[0-3])([0-5]\d)"
                       r"(?:\s*(?:h|hrs?)\b)?(?!\s*(?:mg|mcg|ml|iu|units?|u\b|%))(?![\d.])|\b(noon|midday|midnight)\b", re.I)
_ZH_CLOCK = re.compile(r"(凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间|今早|今晚|昨晚|明早|明晚)?\s*(\d{1,2})\s*(?:点|时|:|：)\s*(半|[0-5]?\d\s*分?)?")
_EN_DAY = (("yesterday", -1), ("last night", -1), ("tomorrow", 1), ("tmrw", 1), ("tmr", 1), ("tonight", 0), ("today", 0), ("this morning", 0),
           ("this evening", 0), ("this afternoon", 0))
_ZH_DAY = (("昨天", -1), ("昨晚", -1), ("昨日", -1), ("前天", -2), ("明天", 1), ("明早", 1), ("明晚", 1), ("明日", 1),
           ("今天", 0), ("今早", 0), ("今晚", 0), ("今日", 0))
_CLAUSE_END = re.compile(r"[,;，；。!?！？]|\.(?:\s|$)")
_PM_ZH = ("下午", "傍晚", "晚上", "夜里", "夜间", "今晚", "昨晚", "明晚")


@dataclass(frozen=True)
class Clock:
    """A time of day told in the question, with the day it falls on when a day word is told beside it (-1 yesterday)."""

    hours: float  # 0-24
    day: int | None
    shown: str


def _day_near(text: str, start: int, end: int, lang: Lang, others: Sequence[tuple[int, int]] = ()) -> int | None:
    """The day word told in the clock time's own clause ("21:00 yesterday", "昨晚9点"), nearest first; a clause ends at
    punctuation or at another clock time ("9pm yesterday, 8am today": 8am is today's)."""
    lo = max([-1, *(m.end() - 1 for m in _CLAUSE_END.finditer(text, 0, start)), *(e - 1 for s, e in others if e <= start)]) + 1
    hi = min([len(text), *(m.start() for m in _CLAUSE_END.finditer(text, end)), *(s for s, e in others if s >= end)])
    clause = text[lo:hi].lower()
    near: list[tuple[int, int]] = []
    for word, day in (_EN_DAY if lang == "en" else _ZH_DAY):
        for m in re.finditer(re.escape(word), clause):
            at = lo + m.start()
            near.append((start - (at + len(word)) if at < start else at - end, day))
    return min(near)[1] if near else None


def clocks(text: str, lang: Lang) -> list[Clock]:
    """The clock times told in a question, in the order told."""
    out: list[Clock] = []
    if lang == "zh":
        spans = [m.span() for m in _ZH_CLOCK.finditer(text)]
        for m in _ZH_CLOCK.finditer(text):
            h = int(m.group(2))
            if h > 24 or (m.group(0).rstrip().endswith((":", "：")) and not m.group(3)):
                continue
            minute = 30 if m.group(3) == "半" else int(re.sub(r"\D", "", m.group(3) or "") or 0)
            if m.group(1) in _PM_ZH and h < 12 or m.group(1) == "中午" and h < 11:
                h += 12
            others = [sp for sp in spans if sp != m.span()]
            out.append(Clock(h % 24 + minute / 60, _day_near(text, m.start(), m.end(), lang, others), m.group(0).strip()))
        # (a bare "21:00" written in a Chinese question)
        out.extend(c for c in clocks_en_only(text) if not any(c.shown in o.shown for o in out))
        return out
    return clocks_en_only(text)


def clocks_en_only(text: str) -> list[Clock]:
    """The clock times of the 24-hour, am/pm and "at 0800" kinds, in the order told."""
    out: list[Clock] = []
    spans = [m.span() for m in _EN_CLOCK.finditer(text)]
    for m in _EN_CLOCK.finditer(text):
        if m.group(1):
            h = int(m.group(1))
            if h > 12:
                continue
            pm = m.group(3).lower().startswith("p")
            h = (h % 12) + (12 if pm else 0)
            minute = int(m.group(2) or 0)
        elif m.group(4):
            h, minute = int(m.group(4)), int(m.group(5))
        elif m.group(6):  # "2000": shown as 20:00, as it is read
            h, minute = int(m.group(6)), int(m.group(7))
            out.append(Clock(h + minute / 60, _day_near(text, m.start(), m.end(), "en", [sp for sp in spans if sp != m.span()]),
                             f"{h:02d}:{minute:02d}"))
            continue
        else:
            h, minute = (0, 0) if m.group(8).lower() == "midnight" else (12, 0)
        others = [sp for sp in spans if sp != m.span()]
        shown = re.sub(r"^(?:at|@|night|morning|evening|today|tonight|yesterday|tomorrow|tmrw?)\s*", "", m.group(0).strip(), flags=re.I)
        out.append(Clock(h + minute / 60, _day_near(text, m.start(), m.end(), "en", others), shown))
    return out


def hours_between(text: str, lang: Lang) -> tuple[Clock, Clock, float] | None:
    """The hours between the two clock times a question tells (the first told taken as the earlier unless day words
    say otherwise, the later within the next 24 h); None unless exactly two are told."""
    found = clocks(text, lang)
    if len(found) != 2:
        return None
    a, b = found
    if a.day is not None or b.day is not None:
        ta, tb = a.hours + 24 * (a.day or 0), b.hours + 24 * (b.day or 0)
        span = abs(tb - ta)
        first, second = (a, b) if ta <= tb else (b, a)
    else:
        span = (b.hours - a.hours) % 24
        first, second = a, b
    if span == 0 or span > 72:
        return None
    return first, second, span


# the interval a cited hold sentence gives: its first span before a restart is spoken of
_SPAN = re.compile(r"(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*(h\b|hours?\b|days?\b|小时|天|日)", re.I)
_RESTART = re.compile(r"\b(?:restart|resum|after(?:wards)?\b|post-?procedure)|术后|之后|恢复", re.I)


def cited_span(sentence: str) -> tuple[float, float, str] | None:
    """The hold interval a cited sentence gives, in hours (low, high) with its words ("3 days"), when one span is
    given before any restart is spoken of; None when none or several are."""
    cut = _RESTART.search(sentence)
    head = sentence[: cut.start()] if cut else sentence
    spans = _SPAN.findall(head)
    if len(spans) != 1:
        return None
    lo, hi, unit = spans[0]
    per = 24.0 if unit.lower().startswith(("d", "天", "日")) else 1.0
    low, high = float(lo) * per, float(hi or lo) * per
    words = _SPAN.search(head)
    return low, high, words.group(0) if words else ""


def elapsed_line(text: str, sentence: str, lang: Lang) -> str:
    """The hours between the two times told, set beside the interval the cited sentence gives ("21:00 → 08:00 = 11 h:
    shorter than the 3 days (72 h) cited"), or '' when the times or the interval are not plain."""
    between = hours_between(text, lang)
    span = cited_span(sentence)
    if between is None or span is None:
        return ""
    first, second, hours = between
    low, high, words = span
    h = _num(hours)
    rng = _num(low) if low == high else f"{_num(low)}–{_num(high)}"
    if lang == "en":
        verdict = "shorter than" if hours < low else "longer than" if hours > high else "within"
        return f"{first.shown} → {second.shown} = {h} h: {verdict} the {words} ({rng} h) cited"
    verdict = "短于" if hours < low else "长于" if hours > high else "在"
    tail = "范围内" if verdict == "在" else ""
    return f"{first.shown} → {second.shown} = {h} 小时：{verdict}所引的 {words}（{rng} 小时）{tail}"
