"""Arithmetic on a cited sentence's figures for the patient the question tells: a per-kilogram dose times the weight told,
and the time from the last dose to the procedure (see `timeline`) beside a cited hold interval.

Pure functions over text. Every figure multiplied comes from the cited sentence, every patient number from the question,
and the line says it is worked, not quoted. Whatever is not plain is not worked: two weights, a weight given as a bound,
two weight bands in one sentence, a maximum (or a dose based on lean or ideal weight) for a patient above 70 kg with no
cap in the passage, a daily dose, two intervals in one sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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


# a worked example for one weight ("for a 70-kg adult", "以70 kg成人为例")
_EXAMPLE_WEIGHT = re.compile(r"\bfor an? (\d{2,3})[- ]?" + _KG + r"\s+(?:adult|patient|man|woman)\b|以\s*(\d{2,3})[- ]?" + _KG + r"\s*(?:的)?成人为例", re.I)


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
    if weight is not None and not found and (ex := _EXAMPLE_WEIGHT.search(sentence)):
        return -1 if abs(float(ex.group(1) or ex.group(2)) - weight) > 2 else 0  # (a worked example for another weight: "for a 70-kg adult")
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
_PER_KG = re.compile(r"(?P<bound>≤|<=|<|~|about |up to |约\s*|最多\s*)?(?<![\d.,])(?P<lo>\d+(?:\.\d+)?)"
                     r"(?:\s*(?P<joint>–|-|to|versus|vs\.?|or|或|至|对比)\s*(?P<hi>\d+(?:\.\d+)?))?\s*"
                     r"(?P<unit>mL|ml|mg|mcg|µg|μg|g|units?|U|IU|毫升|毫克)\s*/\s*" + _KG + r"(?:\s*/\s*(?P<per>min|h|hr|小时|分钟)\b)?", re.I)
# ... and not one per day or per dose interval ("60 mg/kg/day", "1 mg/kg twice daily", "mg/kg q8h"): no single amount
_PER_OTHER = re.compile(r"^\s*(?:/|per\b|a day\b|daily\b|twice\b|bid\b|bd\b|q\d|every\b|每日|每天|每次|/天|一日|每\s*\d)", re.I)
_RATE_UNIT = {"min": "min", "h": "h", "hr": "h", "小时": "h", "分钟": "min"}
# a weight the calculation is capped at ("ideal body weight capped at 70 kg", "以理想体重计算，上限为 70 kg")
_CAP = re.compile(r"capped at (\d{2,3})\s*kg|(?:体重)?上限(?:为|取)\s*(\d{2,3})\s*kg|按\s*(\d{2,3})\s*kg\s*封顶", re.I)
# an amount a figure's total is capped at, told after it in its own clause ("3 mg/kg (max 175 mg)", "not to exceed 300 mg")
_AMOUNT_CAP = re.compile(r"(?:up to|max(?:imum)?(?: of)?|not (?:to )?exceed(?:ing)?|no more than|最多|不超过|上限为?)\s*"
                         r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>mg|mL|ml|毫克|毫升)(?!\s*/)", re.I)
_FIGURE_CLAUSE = re.compile(r"[;；。]|,\s*(?=[^,]*\d+(?:\.\d+)?\s*(?:mg|mL|ml|mcg)\s*/\s*kg)|\band\b(?=[^,;]*\d+(?:\.\d+)?\s*(?:mg|mL|ml|mcg)\s*/\s*kg)", re.I)
_SOURCE_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b|nomogram|列线图")
_REFERENCE_KG = 70.0  # above it, a maximum is worked only on a cap the passage states (lean or ideal weight)
# a maximum the passage states per kilogram ("cumulative maximum dose of 12 mL/kg", "累计最大剂量为 12 mL/kg")
_PER_KG_MAXIMUM = re.compile(r"(?:maxim\w*|\bmax\b|ceiling|upper limit|最大|上限)[^.;。；]{0,30}?\d+(?:\.\d+)?\s*(?:mL|ml|mg)\s*/\s*" + _KG, re.I)
_LEAN = re.compile(r"\blean\b|ideal (?:body )?weight|理想体重|瘦体重|去脂体重", re.I)
_MAXIMUM = re.compile(r"\bmaxim\w*|\bmax\b|\bthreshold|\btoxic|\bupper limit|\bceiling|最大|上限|阈值|极量|中毒", re.I)
# a solution strength told beside a drug ("1% lido", "0.5%布比卡因"): amounts in mL; not saline, a skin prep, a glucose
# or a risk ("0.9% saline", "2% chlorhexidine", "SpO2 95%")
_PERCENT = re.compile(r"(?<![\d.\-–~])(?P<n>\d(?:\.\d{1,3})?)\s*[%％](?!\s*(?:[-–~]|to)\s*\d)")
_NOT_A_SOLUTION = re.compile(r"saline|\bNS\b|chlorhex|dextrose|glucose|iodine|betadine|生理盐水|盐水|氯己定|葡萄糖|碘伏", re.I)


def fmt(x: float) -> str:
    """A worked figure as a clinician writes it: at most one decimal, rounded half up, none when whole (78, 13, 11.3)."""
    r = Decimal(str(x)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(int(r)) if r == int(r) else str(r)


def strength(percent: float) -> str:
    """A solution's strength as told, never rounded (0.25%, 0.375%: not "0.3%")."""
    return format(Decimal(str(percent)).normalize(), "f")


def _joined(joint: str) -> str:
    """How two worked figures are joined: a range with a dash, an alternative with its word ("180 or 270")."""
    return "–" if joint in ("–", "-") else f" {joint.strip()} " if joint.isascii() else joint


def _weight_cap(sentence: str, passage: str) -> float | None:
    """The weight cap of the sentence, or of a sentence of its passage that names the same source (the nomogram's "capped
    at 70 kg" for its own thresholds, not for another reference's figures beside them)."""
    m = _CAP.search(sentence)
    if m:
        return float(next(g for g in m.groups() if g))
    named = set(_SOURCE_WORD.findall(sentence))
    for other in re.split(r"(?<=[.。;；])\s*", passage):
        if (m := _CAP.search(other)) and named & set(_SOURCE_WORD.findall(other)):
            return float(next(g for g in m.groups() if g))
    return None


def _named(name: str, text: str) -> bool:
    """Is the drug named in the text as itself (bupivacaine, not levobupivacaine; 布比卡因, not 左布比卡因)?"""
    if name.isascii():
        return bool(re.search(r"(?<![a-z])(?<!levo)" + re.escape(name) + r"(?![a-z])", text, re.I))
    return bool(re.search(r"(?<!左)" + re.escape(name), text))


def told_percent(text: str, names: Sequence[str] = ()) -> float | None:
    """The one solution strength a question tells beside the asked drug ("1% lido", "0.5%布比卡因"), for amounts in mL."""
    found: set[float] = set()
    anywhere: set[float] = set()  # (told apart from the drug's name: "利多卡因…最大剂量多少？病人60kg，用2%的")
    for m in _PERCENT.finditer(text):
        near = text[max(0, m.start() - 16):m.end() + 16]
        if _NOT_A_SOLUTION.search(near) or not 0 < float(m.group("n")) <= 5:
            continue
        anywhere.add(float(m.group("n")))
        if not names or any(_named(n, near) for n in names):
            found.add(float(m.group("n")))
    one_drug = len({_LA_STEM.get(m.group(0).lower()[:4], m.group(0)[:2]) for m in _LA_NAMED.finditer(text)}) == 1
    found = found or (anywhere if names and one_drug and any(_named(n, text) for n in names) else set())
    return found.pop() if len(found) == 1 else None


# local anaesthetics a question can name (a strength told apart from the name is that drug's only when one is named)
_LA_NAMED = re.compile(r"lido\w*|lignocaine|xylocaine|levobupi\w*|bupi\w*|marcaine|ropi\w*|naropin|chloroprocaine|mepivacaine|"
                       r"左布比卡因|布比卡因|利多卡因|罗哌卡因|耐乐品|麻卡因|氯普鲁卡因|甲哌卡因", re.I)
_LA_STEM = {"lido": "lidocaine", "lign": "lidocaine", "xylo": "lidocaine", "levo": "levobupivacaine", "bupi": "bupivacaine",
            "marc": "bupivacaine", "ropi": "ropivacaine", "naro": "ropivacaine", "左布比卡": "levobupivacaine", "布比卡因": "bupivacaine",
            "利多卡因": "lidocaine", "罗哌卡因": "ropivacaine", "耐乐品": "ropivacaine", "麻卡因": "bupivacaine"}


_VOLUME = re.compile(r"(?<![\d.])(?P<v>\d+(?:\.\d+)?)\s*(?:ml|毫升)(?!\s*/)(?![a-z])", re.I)
_PER_SITE = re.compile(r"\beach\b|\bper (?:side|level|site|joint|nerve|injection)\b|\bbilateral(?:ly)?\b|\bbilat\b|\bx\s*\d|×\s*\d|"
                       r"双侧|各|每侧|每(?:个)?节段|每个?点|每针", re.I)
_WORKED_MG = re.compile(r"→ (?:about |约\s*|≤\s*|up to )?(?P<lo>\d+(?:\.\d+)?)(?:–(?P<hi>\d+(?:\.\d+)?))? mg\b(?!/)")


def planned_line(text: str, figures: str, percent: float | None, lang: Lang) -> str:
    """The amount the question plans to give (its one volume of the strength told: "20ml bupivacaine 0.5%" = 100 mg) set
    beside the first maximum worked in `figures` (" · planned 20 mL of 0.5% = 100 mg: below the 110 mg worked"); ''
    when either is not plain."""
    vols = [float(m.group("v")) for m in _VOLUME.finditer(text)]  # (two equal volumes are two injections: not plain)
    if _PER_SITE.search(text):
        return ""  # a volume per side, level or site ("20 mL each side", 双侧各20ml, "x2"): the total is not told
    top = _WORKED_MG.search(figures)
    if percent is None or len(vols) != 1 or top is None:
        return ""
    volume = vols[0]
    mg, lo = volume * percent * 10, float(top.group("lo"))
    hi = float(top.group("hi") or lo)
    worked = f"{fmt(lo)}–{fmt(hi)}" if hi != lo else fmt(lo)
    said = f"{fmt(volume)} mL of {strength(percent)}%"
    between = lo < mg <= hi  # (over the lower figure of a range: said so, not "within", which reads as safe)
    given = bool(_GIVEN_TOLD.search(text))  # ("was 15ml of 0.5% too much?": the amount given, not one planned)
    if lang == "en":
        verdict = "below" if mg < lo else "above" if mg > hi else "above the lower figure of" if between else \
            "at" if hi == lo else "at the lower figure of"
        return f" · {'given' if given else 'planned'} {said} = {fmt(mg)} mg: {verdict} the {worked} mg worked"
    planned = "已用" if given else "拟用"
    if between:
        return f" · {planned} {fmt(volume)} mL {strength(percent)}% = {fmt(mg)} mg：高于换算所得 {worked} mg 的下限"
    verdict = "低于" if mg < lo else "高于" if mg > hi else "等于"
    tail = "的下限" if verdict == "等于" and hi != lo else ""
    return f" · {planned} {fmt(volume)} mL {strength(percent)}% = {fmt(mg)} mg：{verdict}换算所得的 {worked} mg{tail}"


# --- a mixture of local anaesthetics ---------------------------------------------------------------------------------
# an amount added to what the turn before told ("and if they add 10ml of 1% lido to the same syringe?", 再加10ml利多卡因)
_ADDED = re.compile(r"\b(?:add|adds|added|adding|plus|mixed|mix|top(?:ped)? up with|same syringe|together)\b|加上|再加|加入|加到|混|一起|同一个?(?:注射器|针管)", re.I)
_LA_ZH = {"lidocaine": "利多卡因", "levobupivacaine": "左布比卡因", "bupivacaine": "布比卡因", "ropivacaine": "罗哌卡因"}


def _la_stem(name: str) -> str:
    """The local anaesthetic a name told is ("lido" and "xylocaine": lidocaine; 左布比卡因: levobupivacaine), or ''."""
    return _LA_STEM.get(name.lower()[:4]) or next((v for k, v in _LA_STEM.items() if not k.isascii() and name.startswith(k)), "")


def las_told(text: str) -> list[tuple[str, float, float]]:
    """The local anaesthetics told with their own volume and strength ("20ml 0.25% bupivacaine", "1% lido 10 mL",
    "0.5%布比卡因10ml加1%利多卡因5ml"): (drug, mL, %), each amount read as the drug's it stands nearest to (within 24
    characters); a drug with no single volume and strength of its own is left out."""
    names = list(_LA_NAMED.finditer(text))
    if not names:
        return []
    vols: list[list[float]] = [[] for _ in names]
    pcts: list[list[float]] = [[] for _ in names]

    def nearest(a: int, b: int) -> int | None:
        # (an amount written before its drug, "10ml of 1% lidocaine", is that drug's, however near the one before it ends)
        after = next((k for k, n in enumerate(names) if n.start() >= b), None)
        if after is not None and _AMOUNT_ONLY.fullmatch(text[b:names[after].start()]):
            return after
        dist = [max(n.start() - b, a - n.end(), 0) for n in names]
        i = min(range(len(names)), key=lambda k: dist[k])
        return i if dist[i] <= 24 else None
    for v in _VOLUME.finditer(text):
        if (i := nearest(*v.span())) is not None:
            vols[i].append(float(v.group("v")))
    for p in _PERCENT.finditer(text):
        if 0 < float(p.group("n")) <= 5 and (i := nearest(*p.span())) is not None:
            pcts[i].append(float(p.group("n")))
    return [(stem, vols[i][0], pcts[i][0]) for i, m in enumerate(names)
            if (stem := _la_stem(m.group())) and len(vols[i]) == 1 and len(pcts[i]) == 1]


_AMOUNT_ONLY = re.compile(r"[\s\d.%％]*(?:of\s+)?[\s\d.%％]*(?:ml|mL|毫升)?[\s\d.%％]*(?:of\s+)?[\s\d.%％]*", re.I)


def mixture_told(text: str, before: str = "") -> list[tuple[str, float, float]]:
    """Two local anaesthetics or more told with their amounts, in the question or added to the turn before's (`before`):
    [(drug, mL, %)] in the order told; [] when it is one drug, or an amount is not plain."""
    told = las_told(text)
    if before and _ADDED.search(text):
        told = las_told(before) + told
    if len(told) < 2 or len({d for d, _, _ in told}) != len(told):
        return []
    return told


def mixture_line(mix: Sequence[tuple[str, float, float]], sentence: str, passage: str, weight: float, lang: Lang) -> str:
    """A mixture's total set beside the threshold of its drug with the lowest per-kg threshold in the sentence (a mixture
    is counted as if all of it were the most toxic drug): "bupivacaine: 2 mg/kg → 110 mg · mixture told: 20 mL of 0.25%
    bupivacaine (50 mg) + 10 mL of 1% lidocaine (100 mg) = 150 mg, counted as bupivacaine: above the 110 mg worked"; ''
    when a drug of the mixture has no plain figure in the sentence (its plain form), or the weight is above the reference
    with no cap."""
    figures = [m for m in _PER_KG.finditer(sentence) if not m.group("per") and not m.group("hi")
               and m.group("unit").lower() in ("mg", "毫克") and not _PER_OTHER.match(sentence[m.end():])]
    labels = _labels(sentence, figures)
    per: dict[str, float] = {}
    for m, label in zip(figures, labels, strict=True):
        after = _AFTER_CUT.split(sentence[m.end():m.end() + 40])[0]
        if _form(after) == "with" or _form(label) == "with":
            continue
        for drug in {d for d, _, _ in mix}:
            if drug not in per and (_named(drug, label) or _named(_LA_ZH[drug], label)):
                per[drug] = float(m.group("lo"))
    cap = _weight_cap(sentence, passage)
    if not mix or any(d not in per for d, _, _ in mix) or (weight > _REFERENCE_KG and cap is None):
        return ""
    basis = min(weight, cap) if cap else weight
    most = min((d for d, _, _ in mix), key=lambda d: per[d])
    limit, total = per[most] * basis, sum(v * p * 10 for _, v, p in mix)
    name = {d: d for d in _LA_ZH} if lang == "en" else _LA_ZH  # (the stems are the English names)
    if lang == "en":
        parts = " + ".join(f"{fmt(v)} mL of {strength(p)}% {name[d]} ({fmt(v * p * 10)} mg)" for d, v, p in mix)
        verdict = "below" if total < limit else "above" if total > limit else "at"
        return (f"{name[most]}: {fmt(per[most])} mg/kg → {fmt(limit)} mg · mixture told: {parts} = {fmt(total)} mg, counted as "
                f"{name[most]} (the lowest threshold here; a mixture is counted as its most toxic drug): {verdict} the {fmt(limit)} mg worked")
    parts = " + ".join(f"{strength(p)}% {name[d]} {fmt(v)} mL（{fmt(v * p * 10)} mg）" for d, v, p in mix)
    verdict = "低于" if total < limit else "高于" if total > limit else "等于"
    return (f"{name[most]}：{fmt(per[most])} mg/kg → {fmt(limit)} mg · 所述混合液：{parts} = {fmt(total)} mg，按其中阈值最低的{name[most]}"
            f"计（混合液按毒性最强的一种计算）：{verdict}换算所得的 {fmt(limit)} mg")


_GIVEN_TOLD = re.compile(r"\b(?:was|were|gave|given|injected|had)\b|打了|用了|推了|注射了|给了|注了", re.I)


@dataclass(frozen=True)
class Asked:
    """What the question asks of a sentence's per-kg figures: the asked drug's names (`names`; those of the other drugs
    the sentence names, `others`), a solution strength told, and whether a maximum is asked."""

    names: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    percent: float | None = None
    ceiling: bool = False
    variant: str = ""  # "with" (with epinephrine asked), "plain" (without), "" (not told)
    # several drugs asked: each drug's names with the strength told beside it (None: not told), so that one drug's
    # strength never turns another's figure into mL ("利多卡因极量多少？…混0.5%布比卡因")
    strengths: tuple[tuple[tuple[str, ...], float | None], ...] = ()

    def strength_of(self, name: str) -> float | None:
        """The solution strength for a figure of the drug named `name` ('' when its drug is not read)."""
        if not self.strengths:
            return self.percent
        return next((p for names, p in self.strengths if name and name in names), None)


# A local anaesthetic's form: with epinephrine (adrenaline) or plain. Told in a question ("lido with epi") it chooses
# between a sentence's figures for the two forms ("lidocaine 4.5 mg/kg plain or 7 mg/kg with epinephrine").
_EPI = r"(?:epi(?:nephrine)?|adrenalin(?:e)?)\b"
_WITH_EPI = re.compile(rf"\bwith {_EPI}|(?:\bw/|\+)\s*{_EPI}|(?<![没未不无有要用])(?:含|加|带|伴)(?:有)?肾上腺素", re.I)
_PLAIN = re.compile(rf"\bplain\b|\bwithout {_EPI}|\bno {_EPI}|\bnot with {_EPI}|"
                    r"(?:不|没|未|无)(?:有|要|用|需要?)?(?:含|加|带|伴)?(?:有)?肾上腺素|单纯", re.I)
_BOTH = re.compile(rf"\bwith or without {_EPI}|\bplain or (?:with )?{_EPI}|含或不含肾上腺素|加不加肾上腺素", re.I)


def _form(text: str) -> str:
    return "plain" if _PLAIN.search(text) else "with" if _WITH_EPI.search(text) else ""


def _form_said(text: str) -> str:
    """The words that tell a local anaesthetic's form ("with epinephrine", "含肾上腺素", "plain"), or ''."""
    m = _PLAIN.search(text) or _WITH_EPI.search(text)
    return m.group() if m else ""


_AFTER_CUT = re.compile(r"\s(?:and|or|vs\.?|versus)\s(?!(?:with|without)\b)|[,;、，；和及或]", re.I)
_FORM_ONLY_REST = re.compile(r"[\s,;:、，；：]|\b(?:or|and|vs)\b|或|和|及", re.I)


def told_variant(text: str, names: Sequence[str] = ()) -> str:
    """The local anaesthetic form a question tells of the asked drug (`names`, when given: read only near one of them):
    "with" (with epinephrine), "plain", or "" (not told, both asked, or told of another drug: then both are shown)."""
    spans = [m.span() for n in names for m in re.finditer(re.escape(n), text, re.I)] if names else [(0, len(text))]
    near = " | ".join(text[max(0, a - 12):b + 24] for a, b in spans)
    if not near or _BOTH.search(near):
        return ""
    if _PLAIN.search(near) and not _WITH_EPI.search(near):
        return "plain"
    if _WITH_EPI.search(near) and not _PLAIN.search(near):
        return "with"
    return ""


def _own_cap(sentence: str, m: re.Match[str]) -> tuple[float, str] | None:
    """The amount cap told after a figure in its own clause ("3 mg/kg (max 175 mg)")."""
    end = next((c.start() for c in _FIGURE_CLAUSE.finditer(sentence, m.end())), len(sentence))
    cap = _AMOUNT_CAP.search(sentence, m.end(), end)
    return (float(cap.group("n")), cap.group("unit")) if cap else None


def _worked_figure(m: re.Match[str], basis: float, sentence: str, lang: Lang, percent: float | None) -> str:
    """One per-kg figure times the weight ("1.5 mL/kg → 78 mL"), held to its own amount cap, and in mL of the solution
    strength told (1% = 10 mg/mL)."""
    bound, lo, joint, hi, unit, per = (m.group(k) for k in ("bound", "lo", "joint", "hi", "unit", "per"))
    rate = f"/{_RATE_UNIT.get(per.lower(), per)}" if per else ""
    cap = None if per else _own_cap(sentence, m)
    limit = cap[0] if cap and cap[1].lower() == unit.lower() else None
    low, high = float(lo) * basis, (float(hi) * basis if hi else None)
    capped = limit is not None and max(low, high or 0.0) > limit
    if limit is not None:
        low, high = min(low, limit), (min(high, limit) if high is not None else None)
    amount = (bound or "") + fmt(low) + (_joined(joint) + fmt(high) if high is not None else "")
    tail = ((f" (capped at {fmt(limit)} {unit})" if lang == "en" else f"（上限 {fmt(limit)} {unit}）") if capped and limit is not None else "")
    if percent and unit.lower() in ("mg", "毫克") and not rate:
        per_ml = percent * 10
        volume = (bound or "") + fmt(low / per_ml) + (_joined(joint) + fmt(high / per_ml) if high is not None else "")
        tail += f" = {volume} mL of {strength(percent)}%" if lang == "en" else f"，即 {strength(percent)}% 溶液 {volume} mL"
    return f"{' '.join(m.group(0).split())} → {amount} {unit}{rate}{tail}"


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


def _drug_label(label: str, drugs: Sequence[str]) -> str:
    """A figure's drug as shown beside it: its words from the first drug named ("lidocaine with epinephrine")."""
    at = min((mm.start() for d in drugs for mm in [re.search(re.escape(d), label, re.I)] if mm), default=0)
    return label[at:at + 40].strip()


def per_kg(sentence: str, weight: float, lang: Lang, passage: str = "", asked: Asked = Asked()) -> str:
    """The sentence's per-kilogram figures worked for `weight` ("1.5 mL/kg → 78 mL · 0.25 mL/kg/min → 13 mL/min"), or ''
    when it gives none or when working them is not plain (see the module docstring). A sentence that gives the figures
    of other drugs beside the asked one has only the asked drug's worked, each with its drug."""
    found = bands(sentence)
    if len(found) > 1 or band_fit(sentence, weight) < 0:
        return ""
    cap = _weight_cap(sentence, passage)
    ceiling = asked.ceiling or bool(_MAXIMUM.search(sentence))
    # (nor a dose whose passage caps it per kilogram, "… cumulative maximum 12 mL/kg": the AAGBI lipid regimen at 110 kg is
    # no plain sum when the regimen for patients over 70 kg is a fixed one)
    if weight > _REFERENCE_KG and cap is None and (ceiling or _LEAN.search(f"{sentence} {passage}") or _PER_KG_MAXIMUM.search(passage)):
        return ""  # a heavier patient's maximum, or a dose the passage bases on lean or ideal weight: that weight is not told
    basis = min(weight, cap) if cap else weight
    figures = [m for m in _PER_KG.finditer(sentence) if m.group("per") or not _PER_OTHER.match(sentence[m.end():])]
    mixed = bool(asked.names) and any(_named(n, sentence) for n in asked.others)  # (a daily dose is left out above)
    labels = _labels(sentence, figures)
    drugs = (*asked.names, *asked.others)
    owner = ""  # the drug of the figure before: a form's figure that names no drug is its ("4.5 mg/kg plain or 7 mg/kg with epi")
    forms: list[str] = []
    for i, (m, label) in enumerate(zip(figures, labels, strict=True)):
        named = next((n for n in drugs if _named(n, label)), "")
        after = sentence[m.end():figures[i + 1].start() if i + 1 < len(figures) else len(sentence)]
        after = _AFTER_CUT.split(after)[0]  # (its own words only: not the next drug's "and lidocaine with epinephrine")
        said = _form_said(after) or _form_said(label)  # (told after the figure, else before it)
        if not named and said and owner and not _FORM_ONLY_REST.sub("", label.replace(_form_said(label), "")).strip():
            labels[i], named = owner, owner  # ("… 4.5 mg/kg plain or 7 mg/kg with epinephrine": the form of the drug before)
        owner = named or owner
        forms.append(said)
    keep = [True] * len(figures)
    if asked.variant and asked.names:  # the form asked, when the sentence gives the asked drug's figure in both
        mine = [i for i, label in enumerate(labels) if any(_named(n, label) for n in asked.names)]
        # (a figure of no drug told, "others 4.5 mg/kg", may be either form: then every figure is shown)
        unread = [i for i, label in enumerate(labels) if not any(_named(n, label) for n in drugs)]
        if any(_form(forms[i]) == "with" for i in mine) and len(mine) > 1 and not unread:
            keep = [i not in mine or (_form(forms[i]) == "with") == (asked.variant == "with") for i in range(len(figures))]
    out: list[str] = []
    # (figures of both forms shown together say which form each is, whether or not other drugs are named)
    both_forms = len({_form(f) for f, k in zip(forms, keep, strict=True) if k and f}) > 1
    for m, label, kept, said in zip(figures, labels, keep, forms, strict=True):
        if not kept:
            continue
        if mixed and not any(_named(n, label) for n in asked.names):
            continue  # another drug's figure
        drug = _drug_label(label, drugs) if mixed else ""
        drug = f"{drug} {said}".strip() if said and said not in drug and (mixed or both_forms) else drug
        drug = drug + (": " if lang == "en" else "：") if drug else ""
        named = next((n for n in drugs if _named(n, label)), "")
        item = drug + _worked_figure(m, basis, sentence, lang, asked.strength_of(named))
        if item not in out:
            out.append(item)
    if not out:
        return ""
    return " · ".join(out) + _cap_note(cap, weight, bool(_LEAN.search(f"{sentence} {passage}")), lang)


def _cap_note(cap: float | None, weight: float, lean: bool, lang: Lang) -> str:
    """What a weight cap applied to the worked figures means: a cap on ideal body weight is the most for any patient, not
    this heavier patient's figure (her ideal weight, lower for most women and shorter men, is not told and the sources give
    no way to work it); any other cap is applied as the passage says."""
    if not cap or weight <= cap:
        return ""
    if lean:
        return (f" (at the {fmt(cap)} kg cap, the most for any patient: the passage works on ideal body weight, which is not told "
                f"and is lower for many patients; work it on the patient's ideal weight)" if lang == "en" else
                f"（按原文 {fmt(cap)} kg 封顶值计算，为任何患者的上限；原文按理想体重计算，而理想体重未告知且不少患者低于此值，请按患者理想体重计算）")
    return f" (capped at {fmt(cap)} kg, as the passage says)" if lang == "en" else f"（按原文以 {fmt(cap)} kg 封顶）"
