"""The bilingual concept lexicon (corpus/lexicon.yaml): load, validate, and find concepts in any text.

A concept has English and Chinese names, case-sensitive abbreviations, broader/related links and a scope
(`in`: covered by the corpus; `out`: another specialty's procedure or setting, recognised so that the assistant can say
it is not covered). Matching works on mixed-language text, folds UK/US spellings and hyphens, takes the longest match
first, and (for Chinese) accepts a one-character homophone slip in terms of three or more characters.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .text import fold_en
from .types import Chunk

KINDS = ("procedure", "complication", "drug", "drug-class", "brand", "anatomy", "finding", "condition", "setting",
         "equipment", "topic")
# Kinds that name what a question is about (its subject); used by the judgement and by follow-up inheritance.
SUBJECT_KINDS = frozenset({"procedure", "complication", "drug", "drug-class", "brand", "setting", "equipment", "topic"})

_CJK = re.compile(r"[\u3400-\u9fff]")
# A spinal level written the way clinicians do (L3-5, C6-7, T12-L1, s1, 腰4-5, 颈6): its region (after the lexicon's own
# level entries, which win on the same span).
_LEVEL = re.compile(r"(?<![A-Za-z0-9])([CTLScls]|颈|胸|腰|骶)(\d{1,2})(?:\s*[-–/~～]\s*(?:[CTLScls]|颈|胸|腰|骶)?\d{1,2})?(?![A-Za-z0-9])(?!\s*-?\s*(?:weighted|加权|像|信号|signal))"
                    # (a diabetes type, "T1 diabetic", "T2 DM", is no level)
                    r"(?!(?<=[Tt][12])\s?(?:diabet|DM\b|dm\b|糖尿病))")
_REGION = {"C": "cervical-spine", "T": "thoracic-spine", "L": "lumbar-spine", "S": "sacrum",
           "颈": "cervical-spine", "胸": "thoracic-spine", "腰": "lumbar-spine", "骶": "sacrum"}


# A gestational age written as clinicians do (孕8周, 孕 12 周, G1P0 孕10w, 10/40): the patient is pregnant.
_GESTATION = re.compile(r"孕\s*\d{1,2}\s*(?:\+\s*\d\s*)?(?:周|w\b)|(?<![\d/])(?:[4-9]|[1-3]\d|40)/40\b(?! ?mg)", re.I)


def _gestations(text: str) -> list[Match]:
    return [Match("pregnancy", m.start(), m.end(), m.group(), "gestation") for m in _GESTATION.finditer(text)]


# An age told (80岁, 78F, 82 yo, aged 80): 75 or more is the sources' "older age" (no threshold given; 75 read as clearly old)
_AGE = re.compile(r"(?<![\d.])(\d{1,3})\s*(?:多)?(?:岁|周岁)|(?<![\d.])(\d{1,3})\s*(?:(?i:yo|y/o|y\.o\.|yrs? old|years? old|-year-old|-yo)|[MF])(?![A-Za-z])|"
                  r"(?i:\baged) (\d{1,3})\b|"
                  # ("and if she's 82?", "pt is 80": a bare number said of the patient, not a weight or a dose)
                  r"(?i:\b(?:she|he|pt|patient)(?:'s|’s| is))\s+(\d{2,3})\b(?!\s*(?i:kgs?|lbs?|mg|ml|%|/|\.\d|cm|mm|bpm|mmhg|kilos?|pounds?|weeks?|wks?|days?|months?|hours?|hrs?|h\b|min))")
OLDER_AGE, CHILD_AGE = 75, 12
_DEVICE_BEFORE = re.compile(r"(?:\b(?:IPG|pump|battery|device|stimulator|implant|SCS|generator|lead)s?\b|泵|电池|刺激器|电极|装置)\W{0,3}(?:is\s+)?$", re.I)


def _ages(text: str) -> list[Match]:
    """A patient's age told: 75 or more as older age, 12 or less as a paediatric patient ("3 yo", 5岁). ("101F" is a
    fever, not a 101-year-old woman: an age written with its sex stops below fever readings.)"""
    out = []
    for m in _AGE.finditer(text):
        if _DEVICE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue  # ("SCS IPG 8 years old": a device's age)
        age = int(next(g for g in m.groups() if g))
        if OLDER_AGE <= age <= (95 if m.group()[-1] in "MF" else 120):  # (96F, 98F: temperatures)
            out.append(Match("elderly", m.start(), m.end(), m.group(), "age"))
        elif age <= CHILD_AGE and m.group()[-1] not in "MF":  # ("2F catheter" is a size, "C7 3M" no child)
            out.append(Match("paediatric", m.start(), m.end(), m.group(), "age"))
    return out


def _levels(text: str) -> list[Match]:
    """Any spinal level (L3-5, c6, T12-L1, 腰4-5) as a match of its region."""
    return [Match(_REGION[m.group(1).upper() if m.group(1).isascii() else m.group(1)], m.start(), m.end(), m.group(), "level")
            for m in _LEVEL.finditer(text)]


@dataclass(frozen=True)
class Concept:
    """One canonical concept with its names in both languages."""

    id: str
    kind: str
    scope: str = "in"
    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    status: str = "confirmed"
    sources: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()  # scope: out only: in-scope concepts the corpus covers after it (pdph after a diagnostic LP)
    in_field: bool = False  # scope: out only: an interventional pain procedure the corpus does not cover (genicular RFA)

    def name(self, lang: str) -> str:
        """Canonical name in a language (falls back to the other language, then the abbreviation, then the id)."""
        names = (self.zh + self.en) if lang == "zh" else (self.en + self.zh)
        return (names or self.abbr or (self.id,))[0]


@dataclass(frozen=True)
class Match:
    """A concept found in a text: character span in the original text and how it was found."""

    concept: str
    start: int
    end: int
    surface: str
    how: str = "exact"  # exact | abbr | homophone | partial (the free part of a term a longer one displaced)


@dataclass
class Lexicon:
    """All concepts, with matchers built once."""

    concepts: dict[str, Concept]
    digest: str = ""
    _zh_terms: dict[str, str] = field(default_factory=dict, repr=False)
    _tags: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for c in self.concepts.values():
            for z in c.zh:
                self._zh_terms.setdefault(z, c.id)

    def __repr__(self) -> str:
        scopes = sum(1 for c in self.concepts.values() if c.scope == "out")
        return f"Lexicon({len(self.concepts)} concepts, {scopes} out of scope, digest {self.digest})"

    # --- matchers ------------------------------------------------------------------
    @cached_property
    def _en_tree(self) -> tuple[_NameTree, dict[str, str]]:
        """A prefix tree of every English name (spaces optional, plural -s/-es) and its concepts keyed without spaces."""
        forms: dict[str, str] = {}
        for c in self.concepts.values():
            for f in c.en:
                key = fold_en(f).strip()
                if len(key) >= 2:
                    forms.setdefault(key, c.id)
        compact: dict[str, str] = {}
        for key, cid in forms.items():
            compact.setdefault(key.replace(" ", ""), cid)
        return _NameTree(forms), compact

    @cached_property
    def _abbr_rx(self) -> tuple[re.Pattern[str], dict[str, str]]:
        forms: dict[str, str] = {}
        for c in self.concepts.values():
            for a in c.abbr:
                forms.setdefault(a, c.id)
        body = "|".join(re.escape(a) for a in sorted(forms, key=len, reverse=True)) or r"(?!x)x"
        return re.compile(rf"(?<![A-Za-z0-9])(?:{body})s?(?![A-Za-z0-9])"), forms

    @cached_property
    def _zh_tree(self) -> _TermTree:
        return _TermTree(self._zh_terms)

    def match(self, text: str, homophones: bool = True) -> list[Match]:
        """Concepts in text, longest first, non-overlapping, in text order (any mix of English and Chinese)."""
        found: list[Match] = []
        taken = [False] * (len(text) + 1)

        def add(m: Match) -> None:
            if m.end <= m.start or any(taken[m.start:m.end]):
                return
            for i in range(m.start, m.end):
                taken[i] = True
            found.append(m)

        cands: list[Match] = []
        rx, forms = self._abbr_rx
        for m in rx.finditer(text):
            key = m.group()
            cid = forms.get(key) or forms.get(key[:-1])
            if cid:
                cands.append(Match(cid, m.start(), m.end(), key, "abbr"))
        if _CJK.search(text):
            for start, end in self._zh_tree.leftmost(text):
                cands.append(Match(self._zh_terms[text[start:end]], start, end, text[start:end]))
        en, cut = self._en_names(text)
        cands.extend(en)
        cands.extend(m for m in _levels(text) + _gestations(text) + _ages(text) if m.concept in self.concepts)
        if homophones and _CJK.search(text):
            exact = {(c.start, c.end) for c in cands}
            # (a slip on a character a term typed as written uses is no slip: 血糖多久 is blood glucose, not 躺多久)
            cands.extend(h for h, slip in self._homophones(text) if (h.start, h.end) not in exact
                         and not any(c.start <= slip < c.end for c in cands))
        for cand in sorted(cands, key=lambda x: (-(x.end - x.start), x.how == "homophone", x.start)):
            add(cand)
        self._overlapped(text, found, taken, add)
        return sorted(_tails_of_cut_names(found, cut, {c: v.kind for c, v in self.concepts.items()}), key=lambda x: x.start)

    def _en_names(self, text: str) -> tuple[list[Match], list[Match]]:
        """English names in text, left to right without overlap (the longest at each start), and the names that start
        inside one of those and run past its end (cut by it)."""
        folded, offsets, ends = _fold_with_offsets(text)
        tree, eforms = self._en_tree
        kept: list[Match] = []
        cut: list[Match] = []
        for start, end in tree.spans(folded):
            key = re.sub(r"\s", "", folded[start:end])
            cid = eforms.get(key) or eforms.get(re.sub(r"(?:es|s)$", "", key)) or eforms.get(key[:-1]) \
                or eforms.get(re.sub(r"ies$", "y", key))
            if cid:
                a, b = offsets[start], ends[end - 1]
                (cut if kept and a < kept[-1].end else kept).append(Match(cid, a, b, text[a:b]))
        return kept, [c for c in cut if c.end > next(k.end for k in reversed(kept) if k.start < c.start)]

    def _overlapped(self, text: str, found: list[Match], taken: list[bool], add: Callable[[Match], None]) -> None:
        """A Chinese term starting inside one already found ("SCS 测试" hides "测试期一般几天", the trial's length asked)
        keeps its concept on the characters still free, when they are two or more and the concept is not found already."""
        have = {m.concept for m in found}
        tree = self._zh_tree
        for start in range(len(text)) if _CJK.search(text) else ():
            if (end := tree.longest(text, start)) is None:
                continue
            cid = self._zh_terms[text[start:end]]
            if cid in have or all(taken[start:end]) or not any(taken[start:end]) or self._unrelated(cid, start, end, found):
                continue
            free = next(i for i in range(start, end) if not taken[i])
            stop = next((i for i in range(free, end) if taken[i]), end)
            if stop - free >= 2:
                add(Match(cid, free, stop, text[free:stop], "partial"))
                have.add(cid)

    def _unrelated(self, cid: str, start: int, end: int, found: list[Match]) -> bool:
        """A procedure's term hidden by another procedure's that is no kind of it, nor it of that one ("产科硬膜外阻滞",
        a labour epidural, hides "硬膜外阻滞", an ESI): the characters left ("阻滞") name no ESI."""
        lx = self.concepts
        if cid not in lx or lx[cid].kind != "procedure":
            return False
        over = [m.concept for m in found if m.start < end and start < m.end and m.concept in lx and lx[m.concept].kind == "procedure"]
        return any(cid not in self.broader_closure([o]) and o not in self.broader_closure([cid]) for o in over)

    def _homophones(self, text: str) -> Iterable[tuple[Match, int]]:
        """Chinese terms of >= 3 characters typed with one homophone slip (同音错字, e.g. 局麻要中毒 for 局麻药中毒): the typed
        character's usual reading is one of the term character's readings (椎 is zhui as well as chui: 锥体成形术 is
        椎体成形术; a rare reading of the typed character never counts, so 还 is never 不). Longest terms first, in a fixed
        order; each with the index of its slipped character."""
        sounds = [_reading(ch) if _CJK.match(ch) else ch for ch in text]
        index = self._pinyin_index
        for i in range(len(text)):
            if not _CJK.match(text[i]):
                continue
            for term, tpy in index.get(sounds[i], ()):
                n = len(term)
                if i + n > len(text) or not all(sounds[i + k] in tpy[k] for k in range(n)):
                    continue
                slips = [k for k in range(n) if text[i + k] != term[k]]
                typed = text[i + slips[0]] if len(slips) == 1 else ""
                # (a negation at the term's end is one of the words after it: 造影剂分不清 is no 分布)
                if not typed or (typed in _NEVER_SLIPPED and (term[slips[0]] not in _SLIPPED_FOR.get(typed, ()) or slips[0] == n - 1)) \
                        or _typed_as_meant(text, i + slips[0]):
                    continue
                # (through a character's other reading only in a long term or a procedure's name: 锥体成形术, 锥体成形; not
                # 炎性疼痛 for 癌性疼痛)
                if sounds[i + slips[0]] != _reading(term[slips[0]]) and n < 5 \
                        and not (n >= 4 and self.concepts[self._zh_terms[term]].kind == "procedure"):
                    continue
                yield Match(self._zh_terms[term], i, i + n, text[i:i + n], "homophone"), i + slips[0]
                break

    @cached_property
    def _pinyin_index(self) -> dict[str, list[tuple[str, tuple[frozenset[str], ...]]]]:
        out: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
        for term in sorted(self._zh_terms, key=len, reverse=True):
            if len(term) >= 3 and all(_CJK.match(ch) for ch in term):
                tpy = tuple(_readings(ch) for ch in term)
                for r in tpy[0]:
                    out.setdefault(r, []).append((term, tpy))
        return out

    # --- links ---------------------------------------------------------------------
    def tags(self, text: str) -> frozenset[str]:
        """The concepts a passage sentence names, with everything they are a kind of (no homophone guesses), cached: the
        same sentences are read for question after question."""
        got = self._tags.get(text)
        if got is None:
            if len(self._tags) >= 50_000:
                self._tags.clear()
            got = self._tags[text] = frozenset(self.broader_closure([m.concept for m in self.match(text, homophones=False)]))
        return got

    def is_anchor(self, c: str) -> bool:
        """Is the concept one of our interventional procedures (one the lexicon gives a bleeding-risk class), not a
        treatment that goes with any of them (explantation, antibiotics) nor an imaging study (a CT)?"""
        lex = self.concepts
        return c in lex and lex[c].kind == "procedure" and any(
            r in lex and "bleeding-risk" in lex[r].broader for c2 in (c, *lex[c].broader) if c2 in lex for r in lex[c2].related)

    def device_procedures(self, ids: Iterable[str]) -> list[str]:
        """The procedures of ours that implanted devices among `ids` stand for (an intrathecal pump: intrathecal drug
        delivery), in order, once each."""
        lx = self.concepts
        return list(dict.fromkeys(b for c in ids if c in lx and lx[c].kind == "equipment" for b in lx[c].broader
                                  if b in lx and lx[b].kind == "procedure" and self.is_anchor(b)))

    def broader_closure(self, ids: Iterable[str]) -> list[str]:
        """The ids with everything they are a kind of (transitively), in first-seen order."""
        out: dict[str, None] = {}
        stack = list(ids)
        while stack:
            cid = stack.pop(0)
            if cid in out or cid not in self.concepts:
                continue
            out[cid] = None
            stack.extend(self.concepts[cid].broader)
        return list(out)

    def words(self) -> set[str]:
        """Every folded English word used by a surface form (for spelling correction)."""
        out: set[str] = set()
        for c in self.concepts.values():
            for f in c.en:
                out.update(w for w in fold_en(f).split() if len(w) >= 4)
        return out


def _tails_of_cut_names(found: list[Match], cut: list[Match], kinds: Mapping[str, str]) -> list[Match]:
    """A name found in the tail of a longer name of the same kind that the name before it cut ("cervical facet | joint
    injection" of "cervical facet joint injection") is read as the longer name (a facet joint injection, not a limb
    joint's), unless that concept is found already. (A name of another kind keeps its reading: "pacemaker" in "chronic
    pain pacemaker patient" is the patient's cardiac device, not the "pain pacemaker" of an SCS.)"""
    have = {m.concept for m in found}
    out = list(found)
    for c in cut:
        if c.concept in have:
            continue
        for i, m in enumerate(out):
            if c.start < m.start and m.end <= c.end and m.concept != c.concept and m.how == "exact" \
                    and kinds.get(m.concept) == kinds.get(c.concept):
                out[i] = Match(c.concept, m.start, m.end, c.surface, "partial")
                have.add(c.concept)
    return out


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_END, _SPACE = "<end>", "<space>"  # marks in a tree node (longer than one character: never a text character)


class _NameTree:
    """Many names as a prefix tree of characters, walked in plain Python: no giant pattern to compile at start-up.

    A name is found at every word start (a name may start inside another: "cervical facet joint injection" holds
    "cervical facet" and "facet joint injection"); at each start the longest name wins whose end, with an optional
    plural -s or -es, is a word end. Where a name has a space the text may have one whitespace character or none, for
    every name through that prefix. A name ending in a consonant + y also matches its -ies plural (kyphoplasties).
    """

    __slots__ = ("root",)

    def __init__(self, names: Iterable[str]) -> None:
        self.root: dict[str, Any] = {}
        spaced: list[dict[str, Any]] = []
        for name in names:
            for word in ([name, name[:-1] + "ies"] if re.search(r"[^aeiou ]y$", name) else [name]):
                node = self.root
                for ch in word:
                    if ch == " ":
                        spaced.append(node)
                        continue
                    node = node.setdefault(ch, {})
                node[_END] = True
        for node in spaced:
            node[_SPACE] = True

    def spans(self, text: str) -> Iterable[tuple[int, int]]:
        """(start, end) of the longest name at each word start of a folded text, plural ending included."""
        n = len(text)
        for i in range(n):
            if i and text[i - 1] in _WORD_CHARS:
                continue
            node: dict[str, Any] | None = self.root
            j, ends = i, []
            while node is not None:
                if _END in node:
                    ends.append(j)
                if _SPACE in node and j < n and text[j].isspace():
                    j += 1
                node = node.get(text[j]) if j < n else None
                j += 1
            for e in reversed(ends):
                end = next((e + len(x) for x in ("s", "es", "") if text.startswith(x, e)
                            and (e + len(x) >= n or text[e + len(x)] not in _WORD_CHARS)), None)
                if end is not None:
                    yield i, end
                    break


class _TermTree:
    """Exact terms (Chinese names, which may hold Latin letters and spaces) as a prefix tree of characters."""

    __slots__ = ("root",)

    def __init__(self, terms: Iterable[str]) -> None:
        self.root: dict[str, Any] = {}
        for term in terms:
            node = self.root
            for ch in term:
                node = node.setdefault(ch, {})
            node[_END] = True

    def longest(self, text: str, i: int) -> int | None:
        """The end of the longest term starting at i, if any."""
        node, j, end = self.root, i, None
        while True:
            if _END in node:
                end = j
            nxt = node.get(text[j]) if j < len(text) else None
            if nxt is None:
                return end
            node, j = nxt, j + 1

    def leftmost(self, text: str) -> Iterable[tuple[int, int]]:
        """Non-overlapping terms, left to right, the longest at each start (as a length-sorted alternation finds them)."""
        i = 0
        while i < len(text):
            end = self.longest(text, i)
            if end is None:
                i += 1
                continue
            yield i, end
            i = end


def tag_chunks(chunks: Sequence[Chunk], lexicon: Lexicon) -> list[Chunk]:
    """The chunks with the concepts their text mentions (stored with the chunk at index time)."""
    if not lexicon.concepts:
        return list(chunks)
    return [replace(c, concepts=tuple(dict.fromkeys(m.concept for m in lexicon.match(c.text, homophones=False))))
            for c in chunks]


def _fold_with_offsets(text: str) -> tuple[str, list[int], list[int]]:
    """`fold_en` applied piecewise, with maps from each folded character back to the original start and end offsets
    (the last folded character of a word ends where the original word ends, whatever the folding did to its length)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in re.finditer(r"[A-Za-z\u00C0-\u024F']+|[^A-Za-z\u00C0-\u024F']", text):
        piece = m.group()
        folded = fold_en(piece) if piece.strip() else " "
        if not folded:
            continue
        out.append(folded)
        span, n = m.end() - m.start(), len(folded)
        for k in range(n):
            starts.append(m.start() + min(span - 1, int(k * span / n)))
            ends.append(m.end() if k == n - 1 else m.start() + min(span, int((k + 1) * span / n)))
    starts.append(len(text))
    ends.append(len(text))
    return "".join(out), starts, ends


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[int, str]:
    """pypinyin's character table, loaded without the package (whose phrase dictionary takes a second to import)."""
    import importlib.util

    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return {}
    path = Path(spec.origin).with_name("pinyin_dict.py")
    mod_spec = importlib.util.spec_from_file_location("_assistant_pinyin_dict", path)
    if mod_spec is None or mod_spec.loader is None:
        return {}
    module = importlib.util.module_from_spec(mod_spec)
    mod_spec.loader.exec_module(module)
    return dict(module.pinyin_dict)


# (a slip never lands on a word that turns the meaning: not, no, low, high)
_NEVER_SLIPPED = frozenset("不无没未非低高否")
# ...except a negation typed for a character that never follows one in a term (血不丁 for 血补丁, 不比卡因 for 布比卡因):
# 补 and 布 are no adverb, so "不" there is the reading typed, never a "not" (腰不痛 is no 腰部痛: 部 is not among them)
_SLIPPED_FOR = {"不": frozenset("补布")}
# Words a "slipped" character makes with its neighbour, typed as meant (手术医生 is a surgeon, not 手术衣 with a slip).
_WORDS_AS_TYPED = frozenset({"医生", "医师", "医院", "医嘱", "医疗", "医护"})


def _typed_as_meant(text: str, at: int) -> bool:
    """Does the character at `at` make a common word with a neighbour (手术医生: 医生), so that it is no slip?"""
    return text[at:at + 2] in _WORDS_AS_TYPED or text[max(0, at - 1):at + 1] in _WORDS_AS_TYPED


@lru_cache(maxsize=8192)
def _toneless(ch: str) -> tuple[str, ...]:
    """A character's readings, usual one first, without tone marks (椎 -> chui, zhui)."""
    return tuple("".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
                 for r in _pinyin_table().get(ord(ch), ch).split(","))


def _reading(ch: str) -> str:
    """The usual reading of a character (药 -> yao)."""
    return _toneless(ch)[0]


def _readings(ch: str) -> frozenset[str]:
    """Every reading of a character (椎 -> zhui, chui)."""
    return frozenset(_toneless(ch))


# --- loading and validation --------------------------------------------------------
def validate(raw: Any) -> list[str]:
    """Problems of a parsed lexicon file, one message each (empty when valid)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("concepts"), list):
        return ["lexicon: top level must be a mapping with a `concepts` list"]
    errs: list[str] = []
    ids: set[str] = set()
    owner: dict[tuple[str, str], str] = {}
    entries = raw["concepts"]
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            errs.append(f"lexicon concept #{i + 1}: needs an `id`")
            continue
        cid = e["id"]
        where = f"lexicon concept `{cid}`"
        if cid in ids:
            errs.append(f"{where}: duplicate id")
        ids.add(cid)
        errs.extend(f"{where}: {p}" for p in _entry_problems(e))
        for key, norm in (("en", lambda s: fold_en(s).strip()), ("zh", str), ("abbr", str)):
            for form in e.get(key, []) if isinstance(e.get(key), list) else []:
                k = (key, norm(str(form)))
                if k in owner and owner[k] != cid:
                    errs.append(f"{where}: name {form!r} is also a name of `{owner[k]}`")
                owner.setdefault(k, cid)
    return errs + _undefined_links(entries, ids)


def _undefined_links(entries: list[Any], ids: set[str]) -> list[str]:
    """`broader` and `related` ids that name no concept."""
    errs: list[str] = []
    for e in entries:
        if isinstance(e, dict):
            for key in ("broader", "related", "covers"):
                for ref in e.get(key, []) if isinstance(e.get(key), list) else []:
                    if ref not in ids:
                        errs.append(f"lexicon concept `{e.get('id')}`: {key} id `{ref}` is not defined")
    return errs


def _entry_problems(e: dict[str, Any]) -> list[str]:
    """Problems of one concept entry on its own: kind, scope, brand status, names, list fields."""
    out: list[str] = []
    if e.get("kind") not in KINDS:
        out.append(f"kind must be one of {', '.join(KINDS)}")
    if e.get("scope", "in") not in ("in", "out"):
        out.append("scope must be `in` or `out`")
    if e.get("kind") == "brand" and e.get("status") not in ("confirmed", "unconfirmed"):
        out.append("a brand needs `status: confirmed` or `status: unconfirmed`")
    if not (e.get("en") or e.get("zh") or e.get("abbr")):
        out.append("needs at least one name (en, zh or abbr)")
    if e.get("covers") and e.get("scope", "in") != "out":
        out.append("`covers` is for `scope: out` concepts only")
    if "in_field" in e and (e.get("scope", "in") != "out" or not isinstance(e["in_field"], bool)):
        out.append("`in_field` is `true` or `false`, for `scope: out` concepts only")
    for key in ("en", "zh", "abbr", "broader", "related", "sources", "covers"):
        val = e.get(key, [])
        if not isinstance(val, list) or not all(isinstance(v, str) and v.strip() for v in val):
            out.append(f"`{key}` must be a list of non-empty strings")
    return out


def parse(raw: dict[str, Any], digest: str = "") -> Lexicon:
    """Build a Lexicon from a validated mapping."""
    concepts: dict[str, Concept] = {}
    for e in raw["concepts"]:
        concepts[e["id"]] = Concept(
            id=e["id"], kind=e["kind"], scope=e.get("scope", "in"),
            en=tuple(e.get("en", [])), zh=tuple(e.get("zh", [])), abbr=tuple(e.get("abbr", [])),
            broader=tuple(e.get("broader", [])), related=tuple(e.get("related", [])),
            status=e.get("status", "confirmed"), sources=tuple(e.get("sources", [])), covers=tuple(e.get("covers", [])),
            in_field=bool(e.get("in_field", False)),
        )
    return Lexicon(concepts, digest)


# Bumped whenever matching changes what a text is tagged with (chunks store their tags): part of the index name.
MATCHER_VERSION = 16  # 2: -ies plurals (kyphoplasties); 3: gestational ages (孕8周, 10/40); 5: a Chinese term inside another keeps its free part; 6: not inside an unrelated procedure's; 7: an age of 75 or more is older age; 8: a child's age is paediatric; 9: ages read in any case but the sex letter; 10: a bare age said of the patient; 11: not a device's age; 12: names as a prefix tree (faster compile; a spaced prefix is spaced for every name); 13: no homophone slip on a character an exact term uses; 14: a name in the tail of a longer name cut by the one before reads as the longer name; 15: only a name of the same kind; 16: "she is 12 weeks" is no age


def lexicon_digest(path: Path) -> str:
    """Content hash of the lexicon file ('' when absent): part of the index name, since chunks store concepts."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.exists() else ""


_PARSED: dict[str, Lexicon] = {}  # by content digest: copies of one lexicon in other folders are parsed once
_PARSED_MAX = 8
_PARSED_LOCK = threading.Lock()


def _load_cached(p: Path, digest: str) -> Lexicon:
    """The lexicon file read, validated and parsed once per content."""
    with _PARSED_LOCK:
        lex = _PARSED.get(digest)
        if lex is None:
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.pop(next(iter(_PARSED)))
            lex = _PARSED[digest] = _read(p, digest)
        return lex


def _read(p: Path, digest: str) -> Lexicon:
    if not p.exists():
        return Lexicon({}, "")
    checked = _checked_copy(digest)  # (the same content read and validated before, by any process: 4 ms, not 130)
    if checked is not None:
        return parse(checked, digest)
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads the lexicon ~7x faster
        raw = yaml.load(p.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise CorpusError(f"{p} is not valid YAML ({exc.__class__.__name__}): fix the file and run `assistant corpus check`") from None
    errs = validate(raw)
    if errs:
        more = f" (and {len(errs) - 1} more)" if len(errs) > 1 else ""
        raise CorpusError(f"{p}: {errs[0]}{more}: run `assistant corpus check` for the full list")
    _keep_checked(digest, raw)
    return parse(raw, digest)


def _checked_copy(digest: str) -> Any:
    """The validated lexicon of this content, kept as JSON by an earlier process (None: none kept, or unreadable)."""
    import json

    from .usercache import read_cached

    kept = read_cached(f"lexicon-{digest}.json")
    try:
        return None if kept is None else json.loads(kept)
    except ValueError:
        return None


def _keep_checked(digest: str, raw: Any) -> None:
    """Keep the validated lexicon for later processes (no copy when the user cache is not writable)."""
    import json

    from .usercache import keep

    try:
        text = json.dumps(raw, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # (a value JSON cannot hold: read the YAML each time)
    keep(f"lexicon-{digest}.json", text)


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """The lexicon at path (default: the bundled corpus/lexicon.yaml); an absent file gives an empty lexicon."""
    if path is None:
        from .config import PROJECT_ROOT

        path = PROJECT_ROOT / "corpus" / "lexicon.yaml"
    p = Path(path)
    return _load_cached(p, lexicon_digest(p))
