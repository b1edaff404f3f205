"""Extractive answer composition on the question frame: the asked aspect first, only relevant sentences, sentences
that keep their meaning, emergency actions first, one short heading per part or aspect when an answer spans several."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .frame import ASPECTS, Part, Question
from .lexicon import Lexicon
from .sections import GROUP_ORDER, HEADINGS, group_of
from .text import sentence_spans, split_tags, strip_inline_tags, tokenize
from .types import Chunk, Hit, Lang, doc_slug

# A sentence that leans on the one before it (quoted together with it, or not at all).
_DEPENDENT = {
    "en": re.compile(r"^(?:this|that|these|those|such|it|they|its|their|the (?:above|latter|former|same)|both|either|neither|"
                     r"however|but|also|in addition|additionally|moreover|furthermore|otherwise|conversely|similarly|thus|therefore|"
                     r"as a result|in (?:that|this|these|such) case|here|there)\b", re.I),
    "zh": re.compile(r"^(?:此|该|上述|这些|这|其|它|它们|以上|同时|但|但是|然而|因此|所以|此外|另外|而|且|并且|除上述|除此|对此|前者|后者|两者)"),
}
# Provenance-only sentences (where a figure comes from) belong to the evidence notes, never to the lead.
_PROVENANCE = {
    "en": re.compile(r"^(?:these|the|this|that) (?:figures?|numbers?|data|values?|estimates?|rates?) (?:come|comes|are|is|were|was) "
                     r"(?:from|taken from|reported (?:by|in)|based on|drawn from)|^(?:source|according to (?:the )?(?:fact sheet|editor))|"
                     r"secondary summary|not (?:been )?(?:checked|verified) against|editor", re.I),
    "zh": re.compile(r"^(?:以上|上述|这些|该)?(?:数据|数字|数值|比例|估计)(?:来自|引自|取自|源自)|二手|尚未.*核实原文|编者"),
}
# Sentences that tell the clinician what to do (emergency pathways lead with these).
_ACTION = {
    "en": re.compile(r"\b(?:stop|call|get help|secure|give|giving|administer|start|begin|maintain|ventilat\w*|oxygen|airway|benzodiazepine|"
                     r"lipid|intralipid|treat|obtain|arrange|refer|consult|perform|check|monitor|assess|decompress\w*|mri|surg\w+|"
                     r"discontinu\w*|remove|aspirat\w*|withdraw|naloxone|cpr|resuscitat\w*|bypass|adrenaline|epinephrine|amiodarone|"
                     r"lie|supine|leg raise|fluids?|atropine|imaging|cultures?|antibiotic\w*|evacuat\w*|restore|reduce|avoid)\b", re.I),
    "zh": re.compile(r"停止|呼叫|求助|立即|给予|静注|静脉|开始|维持|通气|吸氧|给氧|氧气|气道|苯二氮|脂肪乳|治疗|急诊|MRI|磁共振|手术|外科|会诊|"
                     r"拔除|减压|纳洛酮|心肺复苏|复苏|肾上腺素|胺碘酮|监测|监护|评估|平卧|补液|阿托品|影像|培养|抗生素|清除|恢复|避免|减少"),
}
# Sentences about what to do after the event (report, review) are not actions at the bedside.
_AFTERWARDS = {
    "en": re.compile(r"\bafterwards\b|after the event|should be reported|\bregistry\b|\breview(?:ed)? (?:afterwards|later)", re.I),
    "zh": re.compile(r"事后|上报|登记系统|复盘"),
}
# What an aspect asks for in kind (a duration, a dose, a rate, signs, advice to the patient): a sentence that gives it answers in kind.
_KIND = {
    "timing": re.compile(r"\d+(?:[.,–-]\d+)?\s*(?:h\b|hours?|days?|weeks?|months?|min\b|minutes?|小时|天|日|周|个月|分钟)", re.I),
    "hold": re.compile(r"\d+(?:[.,–-]\d+)?\s*(?:h\b|hours?|days?|weeks?|half-lives|小时|天|日|周|个半衰期)", re.I),
    "advice": re.compile(r"should be (?:told|taught|advised)|\btell (?:the )?patients?|discharge|return (?:urgently|to)|seek (?:urgent|emergency)|"
                         r"告知患者|应告知|出院|返院|就诊|宣教", re.I),
    "recognition": re.compile(r"\b(?:signs?|symptoms?|present(?:s|ing|ation)?|manifest\w*|include[sd]?|features?)\b|表现|征象|症状|体征|出现", re.I),
    "frequency": re.compile(r"\d+(?:\.\d+)?\s*%|\b\d+\s*(?:/|of|in)\s*[\d,]+\b|\d+\s*例|万分之|千分之|百分之", re.I),
    "dose": re.compile(r"\d+(?:[.,–-]\d+)?\s*(?:mg|mcg|µg|g\b|mL|ml|毫升|毫克)(?:/kg)?", re.I),
}
# Advice given to patients (warning signs, discharge instructions) is not a bedside step.
_COUNSEL = {
    "en": re.compile(r"should be (?:told|taught|advised)|teach the patient|discharge (?:instructions|advice)|return urgently|seek emergency care", re.I),
    "zh": re.compile(r"告知患者|应告知|出院(?:宣教|医嘱|指导)|立即返院|尽快返院|宣教"),
}
NOTE_PREFIX = "> "


@dataclass(frozen=True)
class Sentence:
    """A quotable unit: one sentence (or a dependent sentence with the one it leans on) of a retrieved passage."""

    text: str
    chunk: Chunk
    hit_rank: int
    position: int  # sentence index in the chunk (protocol order)
    group: str
    tokens: frozenset[str]
    concepts: frozenset[str]
    provenance: bool
    action: bool


@dataclass(frozen=True)
class Bullet:
    """One line of the answer and where it comes from."""

    sentence: Sentence
    part: int
    score: float
    kind: str  # action | fact | note


@dataclass(frozen=True)
class Weights:
    """Named weights of sentence scoring (each with its reason)."""

    concept: float = 1.0  # the question's own concepts in the sentence: the strongest sign it is about the question
    context: float = 0.4  # concepts inherited from the conversation: keep the topic, but the new question leads
    lexical: float = 0.7  # idf share of the question's words in the sentence
    residual: float = 0.8  # idf share of the words outside concept names (the specific detail asked: lung, 45 kg, C6-7)
    group: float = 0.9  # the passage sits in the asked section group: the asked aspect leads
    cue: float = 0.15  # the sentence itself uses the asked aspect's words
    figure: float = 0.4  # it gives the kind of figure asked (a duration for "how long", a dose, a rate for "how often")
    dense: float = 0.15  # the passage's dense similarity (relative to the best)
    rank: float = 0.1  # fused rank prior (1/rank)
    broader: float = 0.5  # the sentence names only a broader concept of the question's (haematoma -> bleeding)
    other_lang: float = -0.25  # a passage in the other language (shown only when nothing in the question's language)
    provenance: float = -0.4  # where-a-figure-comes-from sentences are notes, not answers
    floor: float = 0.5  # a sentence must reach this share of the part's best score
    min_score: float = 0.35  # and this absolute score
    dup: float = 0.6  # token Jaccard above which two sentences say the same
    weight_band: float = 0.6  # a weight-banded regimen (≤70 kg, >70 kg) that fits (or not) the patient's weight in the question


def sentences_of(hits: Sequence[Hit], lexicon: Lexicon, closure: Callable[[Sequence[str]], list[str]]) -> list[Sentence]:
    """Quotable units of the retrieved passages; dependent sentences are joined to the sentence they lean on."""
    out: list[Sentence] = []
    for h in hits:
        c = h.chunk
        lang = c.lang
        group = group_of(c.heading_path)
        raw = [strip_inline_tags(split_tags(c.text[a:b])[0]) for a, b in sentence_spans(c.text, semicolons=False)]
        units: list[tuple[int, str]] = []
        for i, sent in enumerate(raw):
            if not sent:
                continue
            if _DEPENDENT[lang].search(sent) or (units and units[-1][1].rstrip().endswith((":", "："))):
                if units and units[-1][0] == i - 1:
                    prev_i, prev = units.pop()
                    units.append((i, f"{prev} {sent}" if lang == "en" else f"{prev}{sent}"))
                continue  # leans on a sentence that is not available: not quoted at all
            units.append((i, sent))
        for i, text in units:
            if len(text) < 12 or text.rstrip().endswith((":", "：")):
                continue
            concepts = frozenset(closure([m.concept for m in lexicon.match(text, homophones=False)]))
            out.append(Sentence(text, c, h.rank, i, group, frozenset(tokenize(text, lang)), concepts,
                                bool(_PROVENANCE[lang].search(text)),
                                bool(_ACTION[lang].search(text)) and not _AFTERWARDS[lang].search(text)))
    return out


def score(s: Sentence, part: Part, q: Question, idf: Callable[[str], float], dense: Mapping[str, float], lang: Lang,
          w: Weights = Weights(), q_parents: Mapping[str, frozenset[str]] | None = None,
          concept_idf: Mapping[str, float] | None = None) -> float:
    """Relevance of a sentence to one part of the question (named weights, see `Weights`)."""
    q_parents = q_parents or {}
    own = [c for c in part.concepts if c in q.concepts] or [c for c in part.inherited if c in q.concepts]
    if not own and len(q.parts) == 1:
        own = list(q.subjects)
    ctx = [c for c in dict.fromkeys(tuple(part.inherited) + q.context_concepts) if c not in own]
    part_tokens = set(tokenize(part.text, lang))
    terms = set(part.terms)
    residual = sum(idf(t) for t in terms & s.tokens) / (sum(idf(t) for t in terms) or 1.0) if terms else 0.0
    cw = concept_idf or {}
    denom_c = sum(cw.get(c, 1.0) for c in own) or 1.0  # rarer concepts (a drug) weigh more than common ones (ESI)
    concept = sum(cw.get(c, 1.0) * (1.0 if c in s.concepts else w.broader if q_parents.get(c, frozenset()) & s.concepts else 0.0)
                  for c in own) / denom_c if own else 0.0
    context = sum(1.0 for c in ctx if c in s.concepts) / max(1, len(ctx)) if ctx else 0.0
    denom = sum(idf(t) for t in part_tokens) or 1.0
    lexical = sum(idf(t) for t in part_tokens & s.tokens) / denom
    groups = part.groups
    group = 0.0
    if groups and s.group in groups:
        group = 1.0 if s.group == groups[0] else 0.6
    cue = 1.0 if any(re.search(ASPECTS[a][2 if lang == "zh" else 1], s.text, re.I) for a in part.aspects) else 0.0
    figure = 1.0 if any(a in _KIND and _KIND[a].search(s.text) for a in part.aspects) else 0.0
    if "action" in part.aspects and s.action:
        cue += 1.0  # asked what to do: a sentence that says what to do
    on_topic = concept if own else 1.0  # the asked aspect counts in a sentence about the question's subject, not about another drug
    total = (w.concept * concept + w.context * context + w.lexical * lexical + w.residual * residual
             + on_topic * (w.group * group + w.figure * figure) + w.cue * cue + w.dense * dense.get(s.chunk.id, 0.0) + w.rank / s.hit_rank)
    if s.chunk.lang != lang:
        total += w.other_lang
    if s.provenance:
        total += w.provenance
    total += w.weight_band * weight_fit(s.text, weight_of(q.text))  # the regimen for this patient's weight
    return total


def select(sentences: Sequence[Sentence], q: Question, lang: Lang, idf: Callable[[str], float], dense: Mapping[str, float],
           max_bullets: int, covered: Sequence[bool], parents: Mapping[str, frozenset[str]] | None = None,
           w: Weights = Weights(), concept_idf: Mapping[str, float] | None = None) -> list[Bullet]:
    """The bullets of an answer: per covered part, the best sentence of the asked aspect first, then the others above
    the relevance floor, in reading order (what/how often -> risk -> prevent -> recognise/act -> evidence notes)."""
    parts = list(q.parts) or [Part(q.text, q.concepts, q.aspects)]
    scored = [[score(s, p, q, idf, dense, lang, w, parents, concept_idf) for p in parts] for s in sentences]
    assign = [max(range(len(parts)), key=lambda j, row=row: row[j]) for row in scored]  # type: ignore[misc]
    n_parts = sum(1 for j in range(len(parts)) if j >= len(covered) or covered[j]) or 1
    per_part = max(2, max_bullets // n_parts) if n_parts > 1 else max_bullets
    out: list[Bullet] = []
    for j, part in enumerate(parts):
        if j < len(covered) and not covered[j]:
            continue
        pool = sorted(((scored[i][j], s) for i, s in enumerate(sentences) if assign[i] == j or len(parts) == 1),
                      key=lambda t: (-t[0], t[1].hit_rank, t[1].position))
        if not pool:
            continue
        best = pool[0][0]
        floor = max(w.min_score, w.floor * best)
        above = [(sc, s) for sc, s in pool if sc >= floor] or [pool[0]]
        lead = _lead(above, part.groups)  # the asked aspect's best sentence, from everything above the floor
        chosen: list[tuple[float, Sentence]] = [lead]
        for sc, s in above:
            if len(chosen) >= per_part:
                break
            if any(_jaccard(s.tokens, o.tokens) > w.dup or s.text in o.text or o.text in s.text for _, o in chosen):
                continue
            chosen.append((sc, s))
        rest = chosen[1:]
        order = {g: i for i, g in enumerate(GROUP_ORDER)}
        rest.sort(key=lambda t: (t[1].provenance, t[1].group != lead[1].group, order[t[1].group], t[1].hit_rank, t[1].position))
        for sc, s in [lead, *rest]:
            out.append(Bullet(s, j, sc, "note" if s.provenance else "fact"))
    return out


def _lead(chosen: list[tuple[float, Sentence]], groups: Sequence[str]) -> tuple[float, Sentence]:
    """The best non-provenance sentence from the asked section group (if it is close enough to the best), else the best."""
    best = chosen[0]
    # an evidence note (how sure, where from) leads only when the evidence is what was asked
    usable = [c for c in chosen if not c[1].provenance and (c[1].group != "evidence" or "evidence" in groups)] or chosen
    for group in groups:  # the most specific asked aspect first
        in_group = [c for c in usable if c[1].group == group]
        if in_group and in_group[0][0] >= 0.6 * best[0]:
            return in_group[0]
    return usable[0]


def emergency(sentences: Sequence[Sentence], docs: Sequence[str], hint_tokens: frozenset[str], lang: Lang,
              max_actions: int = 5, max_recognition: int = 2, actions_rx: str = "", steps: Sequence[str] = (),
              pathway_tokens: frozenset[str] = frozenset(), idf: Callable[[str], float] = lambda t: 1.0,
              weight: float | None = None, concepts: frozenset[str] = frozenset()) -> list[Bullet]:
    """Pathway answer from the pathway's management passages: one sentence per protocol step (`steps`, in order; the
    one fitting the patient's `weight` in kg, then nearest the question's words and `concepts`, wins a step), or, for a
    pathway without steps, the
    sentences that talk about its actions (`actions_rx`) in protocol order; then recognition (sentences that share most
    of the pathway's own description, `pathway_tokens`, weighted by `idf`). `hint_tokens`: the question's and the
    pathway's words together."""
    slugs = set(docs)
    mgmt = [s for s in sentences if doc_slug(s.chunk.doc_id) in slugs and s.group == "management" and s.chunk.lang == lang]
    if not mgmt:
        mgmt = [s for s in sentences if s.group == "management" and s.chunk.lang == lang]
    rel = {id(s): len(hint_tokens & s.tokens) for s in mgmt}
    own = hint_tokens - pathway_tokens  # the question's own words
    near = {id(s): len(own & s.tokens) + 2 * len(concepts & s.concepts) for s in mgmt}  # nearness to this patient

    def order(s: Sentence) -> tuple[int, int, int]:
        return (docs.index(doc_slug(s.chunk.doc_id)) if doc_slug(s.chunk.doc_id) in docs else 99, s.chunk.ordinal, s.position)

    usable = [s for s in mgmt if not s.provenance]
    actions: list[Sentence] = []
    done = 0
    for step in steps:
        rx = re.compile(step, re.I)
        cands = [s for s in usable if rx.search(s.text) and not _repeats(s, actions) and not _COUNSEL[lang].search(s.text)]
        if weight is None and any(_WEIGHT_RULE.search(s.text) for s in cands):  # a weight-banded regimen: the bands, in order
            cands = [s for s in cands if _WEIGHT_RULE.search(s.text)]
        if cands:
            best = min(cands, key=lambda s: (-weight_fit(s.text, weight), -near[id(s)] if weight or not _WEIGHT_RULE.search(s.text) else 0,
                                             order(s)))
            actions.append(best)
            done += 1
            band = _WEIGHT_RULE.search(best.text)
            if weight is None and band:  # weight unknown: the regimen for the other weight band too
                other = [s for s in cands if s is not best and (m := _WEIGHT_RULE.search(s.text)) and m.group(1) != band.group(1)
                         and not _repeats(s, actions)]
                actions += sorted(other, key=order)[:1]
        if done == max_actions:
            break
    if not actions:  # no protocol steps for this pathway, or none found in its passages
        keys = re.compile(actions_rx, re.I) if actions_rx else None
        hits = {id(s): len({m.group(0).lower() for m in keys.finditer(s.text)}) if keys else 0 for s in usable}
        keyed = [s for s in usable if hits[id(s)] and (s.action or keys)]
        pool = keyed if len(keyed) >= 2 else [s for s in usable if s.action and rel[id(s)] > 0]
        ranked = sorted(pool, key=lambda s: (-(hits[id(s)] + (1 if rel[id(s)] >= 2 else 0)), -rel[id(s)]))
        actions = sorted(_dedup(ranked)[:4], key=order)
    # recognition: what is happening, from the pathway documents' management or complication passages
    seen = [s for s in sentences if doc_slug(s.chunk.doc_id) in slugs and s.group in ("management", "complications")
            and s.chunk.lang == lang and not s.provenance]
    signs = {id(s): sum(idf(t) for t in pathway_tokens & s.tokens) for s in seen}
    rel.update({id(s): len(hint_tokens & s.tokens) for s in seen if id(s) not in rel})
    floor = 0.6 * max(signs.values(), default=0.0)
    recog = [s for s in seen if s not in actions and not s.action and signs[id(s)] >= floor > 0 and not _repeats(s, actions)
             and not _AFTERWARDS[lang].search(s.text)]
    recog = _dedup(sorted(recog, key=lambda s: (-signs[id(s)], -rel[id(s)])))[:max_recognition]
    return [Bullet(s, 0, 1.0, "action" if s.action else "fact") for s in actions] + [Bullet(s, 0, 0.5, "fact") for s in recog]


_WEIGHT = re.compile(r"(\d{2,3}(?:\.\d)?)\s*(?:kg|公斤|千克)", re.I)
_WEIGHT_RULE = re.compile(r"(≤|<=|<|≥|>=|>|under|below|over|above|up to)\s*(\d{2,3})\s*(?:kg|公斤|千克)", re.I)


def weight_of(text: str) -> float | None:
    """The patient's weight in kg named in a question (45 kg, 90公斤), if any."""
    m = _WEIGHT.search(text)
    return float(m.group(1)) if m else None


def weight_fit(text: str, weight: float | None) -> int:
    """+1 when a sentence's weight condition (≤70 kg, >70 kg) holds for `weight`, -1 when it does not, else 0."""
    if weight is None:
        return 0
    fit = 0
    for op, num in _WEIGHT_RULE.findall(text):
        n = float(num)
        ok = {"≤": weight <= n, "<=": weight <= n, "<": weight < n, "under": weight < n, "below": weight < n, "up to": weight <= n,
              "≥": weight >= n, ">=": weight >= n, ">": weight > n, "over": weight > n, "above": weight > n}.get(op.lower())
        fit = 1 if ok else -1
        break
    return fit


def _repeats(s: Sentence, chosen: Sequence[Sentence]) -> bool:
    """Does `s` say what a chosen sentence says (same words, or the same figures: one review quoted in two documents)?"""
    figures = _figures(s.text)
    return any(s is o or _jaccard(s.tokens, o.tokens) > 0.6 or s.text in o.text or o.text in s.text
               or (len(figures) >= 2 and figures == _figures(o.text)) for o in chosen)


def _figures(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+(?:\.\d+)?", text))


def _dedup(items: list[Sentence]) -> list[Sentence]:
    out: list[Sentence] = []
    for s in items:
        if not any(_jaccard(s.tokens, o.tokens) > 0.6 or s.text in o.text or o.text in s.text for o in out):
            out.append(s)
    return out


def heading_for(group: str, lang: Lang) -> str:
    """Bold heading line of a section group."""
    return f"**{HEADINGS[group][lang]}**"


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))
