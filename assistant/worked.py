"""Arithmetic on a cited sentence's figures for the patient the question tells: a per-kilogram dose times the weight told,
and the time from the last dose to the procedure (see `timeline`) beside a cited hold interval.

Pure functions over text. Every figure multiplied comes from the cited sentence, every patient number from the question,
and the line says it is worked, not quoted. Whatever is not plain is not worked: two weights, a weight given as a bound,
two weight bands in one sentence, a maximum (or a dose based on lean or ideal weight) for a patient above 70 kg with no
cap in the passage, a daily dose, two intervals in one sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from assistant.timeline import dose_to_procedure
from assistant.types import Lang

_KG = r"(?:kg|公斤|千克)"
# the patient's weight: a number of kilograms (or 斤, half a kilogram, as patients and nurses say weights)
_WEIGHT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d)?)\s*" + _KG + r"(?![a-z/])", re.I)
_WEIGHT_JIN = re.compile(r"(?<![\d.,])(\d{2,3})\s*斤")
# ... not one told as a bound, a range or a change ("patient >70 kg", "60-70 kg", "lost 10 kg", "体重超过70公斤")
_NOT_A_WEIGHT_BEFORE = re.compile(r"(?:[<>≤≥~]|<=|>=|\d\s*[-–]|\bover|\bunder|\babove|\bbelow|\bmore than|\bless than|\bup to|"
                                  r"\blost|\bgained|\bdown|\bup|超过|大于|小于|不到|低于|高于|减了|瘦了|胖了|掉了|增加了?|减少了?|减轻了?)\s*$", re.I)
_NOT_A_WEIGHT_AFTER = re.compile(r"^\s*(?:or (?:more|less|over|under)|以上|以下|左右的范围|上下浮动)", re.I)

# a weight condition of the passage ("≤70 kg", "over 70 kg", "70 kg or less", "70 公斤以上"): the patient's band
WEIGHT_BAND = re.compile(r"(?P<pre>≤|<=|<|≥|>=|>|under|below|over|above|up to|less than|more than|greater than|at least|"
                         r"不超过|超过|小于|大于|低于|高于|不足)\s*(?P<n1>\d{2,3})\s*" + _KG +
                         r"|(?P<n2>\d{2,3})\s*" + _KG + r"\s*(?P<post>or (?:less|under|below|more|over|above)|及以下|以下|及以上|以上)", re.I)
_OPS = {"≤": "le", "<=": "le", "up to": "le", "不超过": "le", "or less": "le", "及以下": "le", "以下": "le",
        "<": "lt", "under": "lt", "below": "lt", "less than": "lt", "小于": "lt", "低于": "lt", "不足": "lt", "or under": "lt", "or below": "lt",
        "≥": "ge", ">=": "ge", "at least": "ge", "or more": "ge", "及以上": "ge", "以上": "ge",
        ">": "gt", "over": "gt", "above": "gt", "more than": "gt", "greater than": "gt", "超过": "gt", "大于": "gt", "高于": "gt",
        "or over": "gt", "or above": "gt"}


def band(m: re.Match[str]) -> tuple[str, float]:
    """A weight band as (le | lt | ge | gt, kg)."""
    op = (m.group("pre") or m.group("post")).lower()
    return _OPS[re.sub(r"\s+", " ", op)], float(m.group("n1") or m.group("n2"))


def bands(sentence: str) -> set[tuple[str, float]]:
    """The distinct weight bands a sentence names."""
    return {band(m) for m in WEIGHT_BAND.finditer(sentence)}


def band_fit(sentence: str, weight: float | None) -> int:
    """+1 when the sentence's one weight band holds for `weight`, -1 when it does not, 0 when it names none, two, or no
    weight is told."""
    found = bands(sentence)
    if weight is None or len(found) != 1:
        return 0
    op, n = found.pop()
    ok = {"le": weight <= n, "lt": weight < n, "ge": weight >= n, "gt": weight > n}[op]
    return 1 if ok else -1


def told_weight(text: str, history: Sequence[str] = ()) -> float | None:
    """The patient's weight in kg told in the question, else in the latest earlier turn that tells one (pass `history` only
    for a follow-up: an earlier patient's weight is not this one's); None when none is told, two are, or it is a bound."""
    for turn in (text, *reversed(history)):
        found: set[float] = set()
        bounded = False
        for m in _WEIGHT.finditer(turn):
            if _NOT_A_WEIGHT_BEFORE.search(turn[max(0, m.start() - 14):m.start()]) or _NOT_A_WEIGHT_AFTER.match(turn[m.end():]):
                bounded = True
            elif 2 <= float(m.group(1)) <= 300:
                found.add(float(m.group(1)))
        found |= {int(m.group(1)) / 2 for m in _WEIGHT_JIN.finditer(turn) if 40 <= int(m.group(1)) <= 400}
        if len(found) == 1 and not bounded:
            return found.pop()
        if found or bounded:
            return None  # "from 80 kg down to 60 kg", "patient >70 kg": which weight is meant is not ours to guess
    return None


# --- per-kilogram figures ----------------------------------------------------------------------------------------
# a per-kg figure, with the bound it is given with (≤1 mcg/kg, about 3 mg/kg) and an alternative or range written before
# the unit ("2–3 mg/kg", "3 versus 4.5 mg/kg", "6 或 7 mg/kg"), and its rate (per min or per hour)
_PER_KG = re.compile(r"(≤|<=|<|~|about |up to |约\s*|最多\s*)?(?<![\d.,])(\d+(?:\.\d+)?)"
                     r"(?:\s*(–|-|to|versus|vs\.?|or|或|至|对比)\s*(\d+(?:\.\d+)?))?\s*"
                     r"(mL|ml|mg|mcg|µg|μg|g|units?|U|IU|毫升|毫克)\s*/\s*" + _KG + r"(?:\s*/\s*(min|h|hr|小时|分钟)\b)?", re.I)
# ... and not one per day or per dose interval ("60 mg/kg/day", "1 mg/kg twice daily", "mg/kg q8h"): no single amount
_PER_OTHER = re.compile(r"^\s*(?:/|per\b|a day\b|daily\b|twice\b|bid\b|bd\b|q\d|every\b|每日|每天|每次|/天|一日|每\s*\d)", re.I)
_RATE_UNIT = {"min": "min", "h": "h", "hr": "h", "小时": "h", "分钟": "min"}
# a weight the calculation is capped at ("ideal body weight capped at 70 kg", "以理想体重计算，上限为 70 kg")
_CAP = re.compile(r"capped at (\d{2,3})\s*kg|(?:体重)?上限(?:为|取)\s*(\d{2,3})\s*kg|按\s*(\d{2,3})\s*kg\s*封顶", re.I)
# an amount the total is capped at in the same sentence ("not to exceed 300 mg", "up to 175 mg total")
_AMOUNT_CAP = re.compile(r"(?:up to|max(?:imum)?(?: of)?|not (?:to )?exceed(?:ing)?|no more than|最多|不超过|上限为?)\s*"
                         r"(\d+(?:\.\d+)?)\s*(mg|mL|ml|毫克|毫升)(?!\s*/)", re.I)
_SOURCE_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b|nomogram|列线图")
_REFERENCE_KG = 70.0  # above it, a per-kg maximum is worked only on a cap the passage states (lean or ideal weight)
_LEAN = re.compile(r"\blean\b|ideal (?:body )?weight|理想体重|瘦体重|去脂体重", re.I)


def _num(x: float) -> str:
    """A worked figure as a clinician writes it: at most one decimal, rounded half up, none when whole (78, 13, 11.3)."""
    r = Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(int(r)) if r == int(r) else str(r)


def _joined(joint: str) -> str:
    """How two worked figures are joined: a range with a dash, an alternative with its word ("180 or 270")."""
    return "–" if joint in ("–", "-") else f" {joint.strip()} " if joint.isascii() else joint


def _sentences(passage: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.。;；])\s*", passage) if s.strip()]


def _weight_cap(sentence: str, passage: str) -> float | None:
    """The weight cap of the sentence, or of a sentence of its passage that names the same source (the nomogram's "capped
    at 70 kg" for its own thresholds, not for another reference's figures beside them)."""
    m = _CAP.search(sentence)
    if m:
        return float(next(g for g in m.groups() if g))
    named = set(_SOURCE_WORD.findall(sentence))
    for other in _sentences(passage):
        if (m := _CAP.search(other)) and named & set(_SOURCE_WORD.findall(other)):
            return float(next(g for g in m.groups() if g))
    return None


def told_percent(text: str) -> float | None:
    """The one solution strength a question tells ("1% lido", "0.5% bupi", "0.25%罗哌卡因"), for amounts in mL."""
    found = {float(m.group(1)) for m in _PERCENT.finditer(text)}
    return found.pop() if len(found) == 1 and 0 < next(iter(found)) <= 5 else None


_PERCENT = re.compile(r"(?<![\d.])(\d(?:\.\d{1,2})?)\s*%")


def _worked_figure(m: re.Match[str], basis: float, totals: dict[str, float], lang: Lang, percent: float | None = None) -> str:
    """One per-kg figure times the weight ("1.5 mL/kg → 78 mL"), held to the sentence's total for that unit, and in mL of
    the solution strength told (1% = 10 mg/mL)."""
    bound, lo, joint, hi, unit, per = m.groups()
    rate = f"/{_RATE_UNIT.get(per.lower(), per)}" if per else ""
    limit = None if per else totals.get(unit.lower())
    low, high = float(lo) * basis, (float(hi) * basis if hi else None)
    capped = limit is not None and max(low, high or 0.0) > limit
    if limit is not None:
        low, high = min(low, limit), (min(high, limit) if high is not None else None)
    amount = (bound or "") + _num(low) + (_joined(joint) + _num(high) if high is not None else "")
    tail = ((f" (capped at {_num(limit)} {unit})" if lang == "en" else f"（上限 {_num(limit)} {unit}）") if capped and limit is not None else "")
    shown = re.sub(r"\s+", " ", m.group(0))
    if percent and unit.lower() in ("mg", "毫克") and not rate:
        per_ml = percent * 10
        volume = (bound or "") + _num(low / per_ml) + (_joined(joint) + _num(high / per_ml) if high is not None else "")
        tail += f" = {volume} mL of {_num(percent)}%" if lang == "en" else f"，即 {_num(percent)}% 溶液 {volume} mL"
    return f"{shown} → {amount} {unit}{rate}{tail}"


_LABEL_AFTER = re.compile(r"\s*(?:for|of)\s+((?:(?!\s(?:and|or|but)\s)[^,;.()、，；\d])+)", re.I)


def _labels(sentence: str, figures: Sequence[re.Match[str]]) -> list[str]:
    """What each figure is the figure of: the words after it ("2 mg/kg for bupivacaine"), else those between the figure
    before (or its own words) and it ("布比卡因 2 mg/kg、利多卡因 3 mg/kg")."""
    out: list[str] = []
    cut = 0
    for m in figures:
        after = _LABEL_AFTER.match(sentence, m.end())
        if after:
            out.append(after.group(1).strip())
            cut = after.end()
        else:  # (from the last break before it: "… with epinephrine, bupivacaine about 2–3 mg/kg" is bupivacaine's)
            out.append(re.split(r"[,;、，；(（:：]", sentence[cut:m.start()])[-1].strip())
            cut = m.end()
    return out


def _shown_label(label: str, names: Sequence[str]) -> str:
    """A figure's drug as shown beside it: its own short words ("lidocaine with epinephrine"), else the asked name in them."""
    if len(label) <= 30:
        return label
    return max((n for n in names if n.lower() in label.lower()), key=len, default=label[:30])


def per_kg(sentence: str, weight: float, lang: Lang, passage: str = "", names: Sequence[str] = (),
           others: Sequence[str] = (), percent: float | None = None, ceiling: bool = True) -> str:
    """The sentence's per-kilogram figures worked for `weight` ("1.5 mL/kg → 78 mL · 0.25 mL/kg/min → 13 mL/min"), or ''
    when it gives none or when working them is not plain (see the module docstring). A sentence that gives the figures
    of other drugs (`others`) beside the asked one (`names`) has only the asked drug's worked, each with its drug."""
    found = bands(sentence)
    if len(found) > 1 or band_fit(sentence, weight) < 0:
        return ""
    cap = _weight_cap(sentence, passage)
    if weight > _REFERENCE_KG and cap is None and (ceiling or _LEAN.search(f"{sentence} {passage}")):
        return ""  # a heavier patient's maximum, or a dose the passage bases on lean or ideal weight: that weight is not told
    basis = min(weight, cap) if cap else weight
    totals = {u.lower(): float(n) for n, u in _AMOUNT_CAP.findall(sentence)}
    out: list[str] = []
    figures = [m for m in _PER_KG.finditer(sentence) if m.group(6) or not _PER_OTHER.match(sentence[m.end():])]
    mixed = bool(names) and bool(others)  # (a daily or per-interval dose is no single amount, and is left out above)
    for m, label in zip(figures, _labels(sentence, figures), strict=True):
        if mixed and not any(n.lower() in label.lower() for n in names):
            continue  # another drug's figure
        item = (_shown_label(label, names) + (": " if lang == "en" else "：") if mixed else "") + _worked_figure(m, basis, totals, lang, percent)
        if item not in out:
            out.append(item)
    if not out:
        return ""
    note = ((f" (capped at {_num(cap)} kg, as the passage says)" if lang == "en" else f"（按原文以 {_num(cap)} kg 封顶）")
            if cap and weight > cap else "")
    return " · ".join(out) + note


# --- a hold interval --------------------------------------------------------------------------------------------
# the interval a cited hold sentence gives: its one span outside the restart it speaks of
_SPAN = re.compile(r"(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*(h\b|hours?\b|days?\b|小时|天|日)", re.I)
_HELD = re.compile(r"\b(?:held|hold\w*|stop\w*|withh\w*|discontinu\w*|defer\w*|omit\w*|paus\w*|interrupt\w*)\b|停用|停药|停|推迟|暂停", re.I)
_NOT_HELD = re.compile(r"half-?life|半衰期|\bonset\b|\bpeak\b|\blasts?\b|起效|达峰", re.I)
_RESTART = re.compile(r"\b(?:restart|resum|re-?start)\w*|\bpost-?procedure\b|术后|恢复", re.I)


# the kind of dose a span is given for ("12 h after a prophylactic dose", "治疗剂量后至少停用 24 小时"), and the kind a
# question tells ("clexane 40 ppx", "1 mg/kg bd", 治疗量)
_DOSE_KIND = {"prophylactic": re.compile(r"prophyla\w*|\bppx\b|low(?:er)?[- ]dose|预防(?:性)?(?:剂)?量|预防剂量", re.I),
              "therapeutic": re.compile(r"therapeutic|treatment dose|full[- ]dose|higher dose|\b1(?:\.5)?\s*mg/kg\b|治疗(?:性)?(?:剂)?量|治疗剂量|"
                                        r"较高剂量", re.I)}
_SPAN_CLAUSE = re.compile(r"[,;，；]|\band\b|\bwhereas\b|而")


def dose_kind(text: str) -> str:
    """The kind of dose a question tells (prophylactic or therapeutic), '' when none or both."""
    told = [k for k, rx in _DOSE_KIND.items() if rx.search(text)]
    return told[0] if len(told) == 1 else ""


def _span_of_kind(head: str, kind: str) -> re.Match[str] | None:
    """The one span of the head given for the dose kind told, when each span's own clause names its kind."""
    if not kind:
        return None
    cuts = [0, *(m.end() for m in _SPAN_CLAUSE.finditer(head)), len(head)]
    kinds: list[tuple[re.Match[str], str]] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        clause = head[lo:hi]
        own = [k for k, rx in _DOSE_KIND.items() if rx.search(clause)]
        kinds += [(m, own[0] if len(own) == 1 else "") for m in _SPAN.finditer(head, lo, hi)]
    if not kinds or any(not k for _, k in kinds) or len({k for _, k in kinds}) != len(kinds):
        return None
    return next((m for m, k in kinds if k == kind), None)


def cited_span(sentence: str, kind: str = "") -> tuple[float, float, str] | None:
    """The hold interval a cited sentence gives, in hours (low, high) with its words ("3 days"): its one span before any
    restart it speaks of, or, when it gives one span per kind of dose ("12 h after a prophylactic dose and 24 h after a
    therapeutic dose"), the span of the `kind` the question tells; None otherwise."""
    cut = _RESTART.search(sentence)
    head = sentence[: cut.start()] if cut else sentence
    if not _HELD.search(head) or _NOT_HELD.search(sentence):
        return None  # a span that is no hold: a half-life, an onset, a duration of effect
    spans = list(_SPAN.finditer(head))
    tail_spans = list(_SPAN.finditer(sentence[cut.end():])) if cut else []
    m = spans[0] if len(spans) == 1 else _span_of_kind(head, kind)
    if m is None or len(tail_spans) > 1:
        return None
    per = 24.0 if m.group(3).lower().startswith(("d", "天", "日")) else 1.0
    return float(m.group(1)) * per, float(m.group(2) or m.group(1)) * per, m.group(0)


def elapsed_line(text: str, sentence: str, lang: Lang) -> str:
    """The time from the last dose to the procedure told, set beside the interval the cited sentence gives ("21:00 →
    08:00 = 11 h: shorter than the 3 days (72 h) cited"; "周二 → 周五 = 3 天"), or '' when the times or the interval are
    not plain (days without clock times are set only beside an interval in days)."""
    between = dose_to_procedure(text, lang)
    kind = dose_kind(text)
    span = cited_span(sentence, kind)
    if between is None or span is None:
        return ""
    low, high, words = span
    in_days = not re.search(r"h\b|hours?|小时", words)
    if not between.exact and not in_days:
        return ""  # "stopped Tuesday, procedure Friday" against "12 h": the hours are not told
    by_kind = cited_span(sentence) is None  # (the span chosen by the kind of dose told: said with it)
    hours = between.hours
    told = f"{between.dose.shown} → {between.procedure.shown}"
    in_hours = "" if not in_days else (f" ({_num(low)} h)" if low == high else f" ({_num(low)}–{_num(high)} h)")
    if lang == "en":
        verdict = "shorter than" if hours < low else "longer than" if hours > high else "within"
        amount = f"{_num(hours)} h" if between.exact else f"{_num(hours / 24)} days by the days told"
        return f"{told} = {amount}: {verdict} the {words}{in_hours} cited" + (f" for a {kind} dose" if by_kind else "")
    in_hours_zh = in_hours.replace(" (", "（").replace(" h)", " 小时）")
    verdict = "短于" if hours < low else "长于" if hours > high else "在"
    which = {"prophylactic": "预防剂量", "therapeutic": "治疗剂量"}[kind] if by_kind else ""
    amount = f"{_num(hours)} 小时" if between.exact else f"按所述日期 {_num(hours / 24)} 天"
    return f"{told} = {amount}：{verdict}所引{which}的 {words}{in_hours_zh}{'范围内' if verdict == '在' else ''}"
