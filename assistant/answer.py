"""Grounded answers: triage, retrieval, query-focused extractive composition with [n] citations, abstention."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from .chat import PreparedQuestion, prepare
from .config import Settings
from .references import References
from .retrieval import Retriever
from .safety import DISCLAIMER, triage
from .text import sentence_spans, split_tags, strip_inline_tags, to_traditional, tokenize
from .types import Answer, Chunk, Citation, Hit, Lang

# Section groups, in the order an answer presents them. Headings in both languages.
SECTION_GROUPS: dict[str, tuple[str, ...]] = {
    "overview": ("overview", "概述"),
    "complications": ("complications and frequency", "并发症及发生率"),
    "risk": ("risk factors", "危险因素"),
    "prevention": ("prevention", "预防"),
    "management": ("recognition and management", "识别与处理"),
    "evidence": ("evidence notes", "证据说明"),
}
GROUP_ORDER = ("overview", "complications", "risk", "prevention", "management", "evidence")

INTENTS: dict[str, dict[Lang, str]] = {
    "complications": {"en": r"complication|adverse|risk of|risks|danger|safe|incidence|how common|how often|frequen|rate|percent|%|happen|occur|harm",
                      "zh": r"并发症|不良|风险|危险|安全|发生率|多常见|概率|比例|多少|发生"},
    "risk": {"en": r"risk factor|who is at|predispos|more likely|increase[sd]? (?:the )?risk|higher risk|contraindicat|who should(?:n't| not)|not suitable|avoid(?:ed)? in",
             "zh": r"危险因素|高危|易感|更容易|增加.*风险|禁忌|哪些人不|不适合|不宜"},
    "prevention": {"en": r"prevent|avoid|reduc|minimi[sz]|lower|safeguard|precaution|should (?:i|we|you)|before|recommend|hold|stop|discontinu|withh|restart|resum|interval|how long|when can|dose|limit|maximum|choose|which|safer|technique|guidance|use of",
                   "zh": r"预防|避免|降低|减少|防止|注意|建议|推荐|停用|停药|停止|暂停|恢复|重新|多久|多长时间|间隔|剂量|上限|最大|选择|哪种|更安全|技术|引导"},
    "management": {"en": r"treat|manag|what (?:to|should) do|handle|therap|reverse|respond|rescue|if .* occurs|recogni|symptom|sign|present|diagnos|detect|workup|imaging|mri|next step",
                   "zh": r"处理|治疗|处置|怎么办|应对|抢救|救治|识别|症状|表现|诊断|征象|检查|下一步|确诊"},
    "evidence": {"en": r"evidence|disagree|controvers|guideline|grade|uncertain|stud(?:y|ies)|data|source",
                 "zh": r"证据|分歧|争议|指南|等级|不确定|研究|数据|来源"},
}

_NOT_IN_KB = {
    "en": "The knowledge base does not cover this question well enough to answer it. Nearest topics it does cover: {topics}.",
    "zh": "知识库中没有足够的内容回答这个问题。知识库涵盖的相近主题：{topics}。",
}
_EMPTY = {"en": "Please type a question.", "zh": "请输入问题。"}


@dataclass(frozen=True)
class Candidate:
    """A sentence from a retrieved passage, with its score."""

    text: str
    chunk: Chunk
    hit_rank: int
    group: str
    score: float
    tokens: frozenset[str]


def intents_of(question: str, lang: Lang) -> list[str]:
    """Which answer sections the question asks for, in question order of priority."""
    return [g for g, pats in INTENTS.items() if re.search(pats[lang], question, re.I)]


def group_of(chunk: Chunk) -> str:
    """The section group of a chunk, from its heading path."""
    for heading in reversed(chunk.heading_path):
        h = heading.strip().lower()
        for group, names in SECTION_GROUPS.items():
            if h in names:
                return group
    return "overview"


class AnswerEngine:
    """Answers questions from a loaded index. Create once; `answer` is thread-safe."""

    def __init__(self, settings: Settings, retriever: Retriever | None = None, references: References | None = None) -> None:
        self.settings = settings
        self.retriever = retriever or Retriever(settings)
        self.references = references or References.load(settings.corpus_dir / "references.yaml")

    # --- public ------------------------------------------------------------------------
    def answer(self, question: str, history: Sequence[str] | None = None, origins: Sequence[str] | None = None,
               answer_lang: Lang | None = None) -> Answer:
        """Answer one question (with earlier user turns as history)."""
        t0 = time.perf_counter()
        timings: dict[str, float] = {}
        pq = self._prepare(question, list(history or []))
        lang: Lang = answer_lang or pq.lang
        if pq.topic_text and not self._in_vocabulary(pq, pq.lang):
            pq = self._prepare(question, [])  # a new, off-topic question: do not merge it into the conversation
        timings["prepare"] = _ms(t0)
        if not pq.text:
            return self._finish(Answer(question=question, lang=lang, text=_EMPTY[lang], abstained=True), pq, timings, t0)
        t = time.perf_counter()
        tri = triage(pq.text, pq.lang) if not pq.topic_text else triage(pq.retrieval_text, pq.lang)
        timings["triage"] = _ms(t)
        query = pq.retrieval_text if not tri.urgent else f"{pq.retrieval_text} {tri.hint}"
        hits = self.retriever.search(query, lang, origins=origins, timings=timings)
        t = time.perf_counter()
        evidence = self.evidence(pq, lang, hits)
        if history and not pq.topic_text and evidence < self.settings.abstain_threshold and self._in_vocabulary(pq, lang):
            # weak on its own: read it as a follow-up of the conversation
            forced = prepare(question, list(history), force_followup=True)
            forced_hits = self.retriever.search(forced.retrieval_text, lang, origins=origins, timings=timings)
            forced_evidence = self.evidence(forced, lang, forced_hits)
            if forced_evidence > evidence:
                pq, hits, evidence = forced, forced_hits, forced_evidence
        if not hits or (evidence < self.settings.abstain_threshold and not tri.urgent):
            ans = self._abstain(question, lang, hits)
            ans.urgent, ans.escalation = tri.urgent, tri.escalation
        else:
            ans = self._compose(question, pq, lang, hits, tri.escalation)
            ans.urgent, ans.escalation = tri.urgent, tri.escalation
        timings["compose"] = _ms(t)
        ans.retrieved = hits
        return self._finish(ans, pq, timings, t0)

    def _in_vocabulary(self, pq: PreparedQuestion, lang: Lang) -> bool:
        """Are most of the question's terms known to the corpus? (A new, off-topic question is not a follow-up.)"""
        toks = tokenize(pq.text, lang)
        df = self.retriever.lexical[lang].df
        return not toks or sum(1 for t in toks if df.get(t, 0) == 0) <= 0.5 * len(toks)

    def _prepare(self, question: str, history: list[str]) -> PreparedQuestion:
        """Language, script and follow-up condensation (rules; the LLM engine may override)."""
        return prepare(question, history)

    def evidence(self, pq: PreparedQuestion, lang: Lang, hits: list[Hit]) -> float:
        """Evidence score in [0, 1]: the idf mass of question terms found in one of the best passages (saturating)
        blended with the best same-language dense similarity above a per-language floor (calibrated on eval/sets/dev)."""
        if not hits:
            return 0.0
        lex = self.retriever.lexical[lang]
        text = pq.retrieval_text if pq.topic_text else pq.text
        weights = {t: lex.idf(t) for t in dict.fromkeys(tokenize(text, lang))}
        mass = max((sum(w for t, w in weights.items() if t in set(self.retriever.tokens.get(h.chunk.id, []))) for h in hits[:3]),
                   default=0.0)
        dense = max((h.dense for h in hits[:3] if h.dense is not None and h.chunk.lang == lang), default=0.0)
        floor = self.settings.dense_floor(lang)
        return 0.6 * min(1.0, mass / self.settings.evidence_mass) + 0.4 * max(0.0, min(1.0, (dense - floor) / 0.12))

    # --- composition --------------------------------------------------------------------
    def _candidates(self, pq: PreparedQuestion, lang: Lang, hits: list[Hit]) -> list[Candidate]:
        q_tokens = set(tokenize(pq.text, lang))
        topic_tokens = set(tokenize(pq.topic_text, lang)) - q_tokens if pq.topic_text else set()
        intents = intents_of(pq.text, lang)
        lex = self.retriever.lexical[lang]
        denom = sum(lex.idf(t) for t in q_tokens) or 1.0
        top_dense = max((h.dense or 0.0) for h in hits) or 1.0
        out: list[Candidate] = []
        for h in hits:
            group = group_of(h.chunk)
            for a, b in sentence_spans(h.chunk.text):
                raw = h.chunk.text[a:b]
                sent = strip_inline_tags(split_tags(raw)[0])
                if len(sent) < 12 or sent.endswith((":", "：")):
                    continue
                toks = frozenset(tokenize(sent, h.chunk.lang))
                overlap = 1.5 * sum(lex.idf(t) for t in q_tokens & toks) / denom
                topic = 0.3 * len(topic_tokens & toks) / max(1, len(topic_tokens)) if topic_tokens else 0.0
                intent = (0.25 if group in intents else 0.0) + (0.1 if any(re.search(INTENTS[i][lang], sent, re.I) for i in intents) else 0.0)
                dense = 0.15 * (h.dense or 0.0) / top_dense
                rank_prior = 0.1 / h.rank
                lang_penalty = 0.0 if h.chunk.lang == lang else -0.2
                out.append(Candidate(sent, h.chunk, h.rank, group, overlap + topic + intent + dense + rank_prior + lang_penalty, toks))
        return out

    def _select(self, cands: list[Candidate], intents: list[str], weights: dict[str, float]) -> list[Candidate]:
        """Greedy: the best sentence first, then sentences that add question terms not yet covered
        (long scenario questions need several facts), skipping near-duplicates and weak sentences."""
        ranked = sorted(cands, key=lambda c: -c.score)
        if not ranked:
            return []
        floor = ranked[0].score * 0.45
        total = sum(weights.values()) or 1.0
        chosen: list[Candidate] = []
        covered: set[str] = set()
        pool = [c for c in ranked if c.score >= floor]
        while pool and len(chosen) < self.settings.max_sentences:
            cov = frozenset(covered)
            gains = [c.score + 0.8 * _new_mass(c, weights, cov) / total for c in pool]
            best = pool[gains.index(max(gains))]
            pool.remove(best)
            if any(_jaccard(best.tokens, o.tokens) > 0.6 for o in chosen):
                continue
            chosen.append(best)
            covered |= set(best.tokens)
        lead, rest = chosen[0], chosen[1:]
        order = {g: i for i, g in enumerate([g for g in GROUP_ORDER if g in intents] + [g for g in GROUP_ORDER if g not in intents])}
        rest.sort(key=lambda c: (order[c.group], c.hit_rank, c.chunk.ordinal, -c.score))
        return [lead, *rest]

    def _compose(self, question: str, pq: PreparedQuestion, lang: Lang, hits: list[Hit], escalation: str) -> Answer:
        lex = self.retriever.lexical[lang]
        weights = {t: lex.idf(t) for t in tokenize(pq.text, lang)}
        chosen = self._select(self._candidates(pq, lang, hits), intents_of(pq.text, lang), weights)
        numbers: dict[str, int] = {}
        citations: list[Citation] = []
        lines: list[str] = []
        for c in chosen:
            if c.chunk.id not in numbers:
                numbers[c.chunk.id] = len(numbers) + 1
                citations.append(Citation(n=numbers[c.chunk.id], chunk=c.chunk, text=c.chunk.text,
                                          references=tuple(self.references.format(t) for t in c.chunk.sources)))
            lines.append(f"{c.text} [{numbers[c.chunk.id]}]")
        body = "\n".join(f"- {line}" for line in lines)
        text = f"{escalation}\n\n{body}" if escalation else body
        return Answer(question=question, lang=lang, text=text, citations=citations)

    def _abstain(self, question: str, lang: Lang, hits: list[Hit]) -> Answer:
        topics = self.nearest_topics(hits, lang)
        sep = "、" if lang == "zh" else "; "
        return Answer(question=question, lang=lang, text=_NOT_IN_KB[lang].format(topics=sep.join(topics)), abstained=True,
                      nearest_topics=topics)

    def nearest_topics(self, hits: list[Hit], lang: Lang, n: int = 3) -> list[str]:
        """Titles of the documents nearest to the question, in the answer's language."""
        out: list[str] = []
        for h in hits:
            doc = h.chunk.doc_id
            title = h.chunk.title
            if h.chunk.lang != lang and h.chunk.twin_doc_id and h.chunk.twin_doc_id in self.retriever.doc_titles:
                title = self.retriever.doc_titles[h.chunk.twin_doc_id][0]
            if title not in out and doc:
                out.append(title)
            if len(out) >= n:
                break
        return out or self.retriever.titles(lang)[:n]

    def _finish(self, ans: Answer, pq: PreparedQuestion, timings: dict[str, float], t0: float) -> Answer:
        ans.disclaimer = DISCLAIMER[ans.lang]
        ans.text = f"{ans.text}\n\n{ans.disclaimer}" if ans.text else ans.disclaimer
        if pq.script == "hant":
            ans.text = to_traditional(ans.text)
            ans.escalation = to_traditional(ans.escalation)
            ans.disclaimer = to_traditional(ans.disclaimer)
            ans.nearest_topics = [to_traditional(t) for t in ans.nearest_topics]
        ans.script = pq.script
        ans.condensed_question = pq.retrieval_text if pq.topic_text else ""
        ans.settings_hash = self.settings.settings_hash()
        timings["total"] = _ms(t0)
        ans.timings_ms = {k: round(v, 2) for k, v in timings.items()}
        return ans


def _new_mass(c: Candidate, weights: dict[str, float], covered: frozenset[str]) -> float:
    return sum(w for t, w in weights.items() if t in c.tokens and t not in covered)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000
