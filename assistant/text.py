"""Bilingual text functions: normalisation, language and script detection, sentences, tags, tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .types import Lang

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
# a source tag starts with a letter, or with digits followed by a letter (78Steps-Discography); never digits only ([1] markers)
_TAG = r"(?:[A-Za-z]|\d+[A-Za-z])[A-Za-z0-9\-]*"
TAG_BLOCK = re.compile(rf"\s*\[({_TAG}(?:\s*[;,]\s*{_TAG})*)\]\s*$")
_TAG_ANY = re.compile(rf"\s*\[({_TAG}(?:\s*[;,]\s*{_TAG})*)\]")


# A hedge ("unverified", "from memory", "据报道", "尚待核实"): the fact it stands by is not confirmed against its source.
HEDGE = {"en": re.compile(r"unverified|to be confirmed|not (?:yet )?confirmed|reported;|recalled|secondary summar|consumer pages|"
                         r"from memory", re.I),
         "zh": re.compile(r"核实|尚待|待确认|未经证实|未经核实|据报道|二手摘要|消费者|记忆|回忆")}


def normalize(text: str) -> str:
    """Unicode NFC, no control characters, unified line ends, trimmed trailing spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in text."""
    return len(_CJK.findall(text))


# The grammar of a mixed question: Chinese particles and common verbs ("要做 kyphoplasty，停几天？" is written in Chinese),
# English function words ("PDPH after 硬膜外 steroid injection, 咖啡因 dose?" is English with Chinese terms in it).
_ZH_GRAMMAR = re.compile(r"[的了吗呢吧是在要能会可几多怎什哪么和与或就还也都不没有给用做停打后前时个该请]")
# (a word in capitals is an abbreviation, "OR 突发室颤", "IT 泵": no English grammar)
_EN_GRAMMAR = re.compile(r"\b(?:after|before|the|an?|of|for|to|in|on|with|is|are|was|what|how|when|should|can|do|does|and|or|if|"
                         r"any|my|her|his|it|she|he)\b", re.I)


def _english_tail(text: str) -> bool:
    """Is the English only a short ask after Chinese clauses ("PVP 术中 骨水泥 渗漏 进椎管，患者醒来双下肢麻木无力，what now?")?"""
    cut = max(text.rfind(p) for p in "，。；！？")
    return cut > 0 and cjk_count(text[:cut]) >= 8 and all(m.start() > cut for m in _EN_GRAMMAR.finditer(text))


def detect_lang(text: str) -> Lang:
    """'zh' if the text is mainly Chinese (CJK characters outweigh Latin words, unless the Chinese in it is only terms
    set in English grammar), else 'en'."""
    cjk = cjk_count(text)
    if cjk == 0:
        return "en"
    latin_words = len(_LATIN_WORD.findall(text))
    zh = cjk >= max(2, latin_words) or (cjk >= 1 and latin_words <= 1)
    english_grammar = any(not m.group().isupper() for m in _EN_GRAMMAR.finditer(text))
    if zh and latin_words and not _ZH_GRAMMAR.search(text) and english_grammar and not _english_tail(text):
        return "en"  # Chinese terms in an English sentence
    if not zh and cjk >= 2 and _ZH_GRAMMAR.search(text) and not english_grammar:
        return "zh"  # English terms in a Chinese sentence ("LAST病人80kg，lipid bolus多少ml？")
    return "zh" if zh else "en"


@lru_cache(maxsize=4)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # lazy: only Chinese questions need it

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified Chinese (OpenCC t2s), leaving a character that is already a Simplified form as typed
    (t2s reads 打坏了 as the Traditional variant 坏 of 坯, "打坯了"; 坏 is the Simplified form of 壞)."""
    if not cjk_count(text):
        return text
    out = str(_converter("t2s").convert(text))
    if len(out) != len(text):
        return out
    return "".join(a if a != b and _kept_alone(a) else b for a, b in zip(text, out))


@lru_cache(maxsize=4096)
def _kept_alone(char: str) -> bool:
    """Does t2s leave the character as it is on its own (坏; only a phrase, 打坏, turned it into 坯), while it is the
    Simplified form of another (坏 of 壞)? A Traditional variant (麽, t2s 么) is converted."""
    return str(_converter("t2s").convert(char)) == char and str(_converter("s2t").convert(char)) != char


# Conversions OpenCC gets wrong in our texts: 感染发生率 is segmented as 感/染发/生率 (dyed hair, 染髮), 和面部 as 和麵 (dough);
# hair itself stays 髮 (毛髮生長); 指南回忆 as 指南迴 (a southern loop road) 憶
_TRADITIONAL_FIXES = (("染髮生", "染發生"), ("染髮病", "染發病"), ("染髮作", "染發作"), ("染髮熱", "染發熱"), ("染髮現", "染發現"),
                      ("和麵部", "和面部"), ("迴憶", "回憶"))


def to_traditional(text: str) -> str:
    """Simplified -> Traditional Chinese in the standard forms of Taiwan (OpenCC s2tw: 為, 臨床, 核實, not the older 爲,
    臨牀, 覈實), which Hong Kong readers read as well."""
    if not cjk_count(text):
        return text
    out = str(_converter("s2tw").convert(text))
    for wrong, right in _TRADITIONAL_FIXES:
        out = out.replace(wrong, right)
    return out


def script_of(text: str) -> Literal["hans", "hant", "latin"]:
    """Which script a question is written in: Simplified, Traditional Chinese, or Latin. A question that mixes them
    ("PVP術後复查…": two Traditional characters among many Simplified ones) is in the script most of its distinctive
    characters are in."""
    if not cjk_count(text):
        return "latin"
    traditional = sum(1 for a, b in zip(text, to_simplified(text)) if a != b)
    simplified = sum(1 for a, b in zip(text, str(_converter("s2t").convert(text))) if a != b)
    return "hant" if traditional >= 1 and traditional > simplified and traditional >= cjk_count(text) * 0.05 else "hans"


def split_tags(paragraph: str) -> tuple[str, tuple[str, ...]]:
    """Strip the trailing `[Tag; Tag]` block(s) of a paragraph; return (text, tags)."""
    tags: list[str] = []
    text = paragraph.rstrip()
    while True:
        m = TAG_BLOCK.search(text)
        if not m:
            break
        tags = [t.strip() for t in re.split(r"[;,]", m.group(1)) if t.strip()] + tags
        text = text[: m.start()].rstrip()
    return text, tuple(dict.fromkeys(tags))


def strip_inline_tags(text: str) -> str:
    """Remove every `[Tag]` block from text (for display of quoted sentences)."""
    return _TAG_ANY.sub("", text).strip()


_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|vs|et al|approx|Dr|Fig|No|cf|incl|min|max|ca|Ref|refs?)\.|\b[A-Z]\.)$")
_SENT_END = re.compile(r"[。！？；!?;]|\.(?=\s|$)|\.(?=[\u3400-\u9fff])")
_FULL_STOP = re.compile(r"[。！？!?]|\.(?=\s|$)|\.(?=[\u3400-\u9fff])")
_OPEN, _CLOSE = "(（[【", ")）]】"


def sentence_spans(text: str, semicolons: bool = True) -> list[tuple[int, int]]:
    """Sentence boundaries as (start, end) offsets; splits on 。！？； and . ! ? ; outside brackets
    (not inside 0.5, e.g. or a parenthesis). With `semicolons=False` a sentence runs to its full stop, so a quoted
    sentence never loses the qualifier or hedge after its semicolon."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    depth = [0] * (n + 1)
    d = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            d += 1
        elif ch in _CLOSE:
            d = max(0, d - 1)
        depth[i + 1] = d
    for m in (_SENT_END if semicolons else _FULL_STOP).finditer(text):
        end = m.end()
        if end <= start or depth[m.start()] > 0:
            continue
        if m.group() == "." and _ABBREV.search(text[start:end]):
            continue
        # keep a trailing closing bracket/quote and a trailing tag block with the sentence
        while end < n and text[end] in "）)」”’\"'":
            end += 1
        tag = _TAG_ANY.match(text, end)
        while tag:
            end = tag.end()
            tag = _TAG_ANY.match(text, end)
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, n))
    return _merge_semicolon_fragments(text, spans) if semicolons else spans


def _merge_semicolon_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Re-join pieces split at ; or ； when either side is short (list items, not independent clauses)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            prev = text[pa:pb].rstrip()
            if prev.endswith((";", "；")) and (_short(prev) or _short(text[a:b])):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _short(piece: str) -> bool:
    return cjk_count(piece) < 25 if cjk_count(piece) else len(piece.split()) < 14


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """The sentences of text (see `sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]


_EN_STOP = frozenset(
    ["a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "what", "which", "who", "whom", "how", "when", "where", "why", "do", "does", "did", "can", "could", "should", "would", "may", "might", "must", "will", "shall", "i", "we", "you", "he", "she", "they", "me", "us", "my", "our", "your", "his", "her", "their", "there", "here", "than", "then", "so", "if", "not", "no", "any", "all", "some", "such", "about", "into", "over", "after", "before", "during", "under", "between", "more", "most", "less", "very", "also", "other", "only", "same", "per", "each", "patient", "patients", "say", "says", "said", "get", "got", "go", "going", "ok", "okay", "old", "ago", "want", "wants", "doesn", "don", "t", "s", "just", "still", "now", "today", "tomorrow", "yesterday", "really", "actually", "usually", "please", "tell", "know", "think", "need", "needs", "one", "two"]
)
_ZH_STOP = frozenset(
    ["的", "了", "和", "与", "及", "或", "是", "在", "有", "为", "对", "等", "中", "后", "时", "被", "把", "吗", "呢", "吧", "啊", "什么", "怎么", "如何", "哪些", "多少", "应该", "应", "可以", "是否", "一个", "这", "那", "其", "该", "之", "以", "于", "并", "也", "都", "而", "就", "要", "会", "能", "患者", "病人", "做", "哪", "哪个", "哪种", "哪里", "哪类", "哪一", "如果", "今天", "告诉", "说", "问", "想", "里", "还", "还要", "有点", "马上", "这样", "这个", "那个", "大概", "各是", "分别", "具体", "需要", "需", "请问", "一下", "现在", "已经", "之前", "之后", "还是", "或者", "然后", "那么", "我们", "我", "你", "他", "她", "给", "让", "被", "从", "到", "很", "最", "更", "比较", "用", "？", "，", "。", "、", "；", "：", "（", "）", "！"]
)
_EN_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+\d*")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    """Snowball English stem, with -ment folded (treatment -> treat) so intents match across forms."""
    stem = str(_stemmer().stemWord(word))
    if stem.endswith("ment") and len(stem) > 7:
        stem = stem[:-4]
    return stem


# UK -> US spelling folds (matching only: quoted text keeps the corpus's own spelling).
_SPELLING = ((r"haem", "hem"), (r"anaes", "anes"), (r"oedema", "edema"), (r"aemia", "emia"), (r"paed", "ped"),
             (r"oesoph", "esoph"), (r"ischaem", "ischem"), (r"aesthe", "esthe"), (r"oestr", "estr"),
             (r"lignocaine", "lidocaine"), (r"isation", "ization"), (r"ise\b", "ize"), (r"litre", "liter"),
             (r"colour", "color"), (r"tumour", "tumor"), (r"\bfaeca", "feca"), (r"sulph", "sulf"), (r"labour", "labor"))
_SPELLING_RX = [(re.compile(a), b) for a, b in _SPELLING]


def fold_en(text: str) -> str:
    """Lower case, hyphens and slashes as spaces, UK spellings folded to US (for matching only)."""
    s = text.lower().replace("\u2019", "'")
    s = re.sub(r"[-\u2010-\u2013/_]", " ", s)
    for rx, rep in _SPELLING_RX:
        s = rx.sub(rep, s)
    return re.sub(r"\s+", " ", s)


def _en_tokens(text: str) -> list[str]:
    return [_stem(w) for w in _EN_TOKEN.findall(fold_en(text)) if w not in _EN_STOP]


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    """jieba's tokenizer with our terms added; its dictionary is read from disk a word at a time (`zh_dict`), so a
    process that cuts one question does not first load all of it."""
    import logging

    import jieba

    from .zh_dict import disk_tokenizer

    jieba.setLogLevel(logging.WARNING)
    tk = disk_tokenizer() or jieba.dt
    terms = Path(__file__).with_name("data") / "zh_terms.txt"
    for line in terms.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, freq = line.partition(" ")
            tk.add_word(word, int(freq or 2000))
    return tk


def is_zh_word(token: str) -> bool:
    """Is a Chinese token a word of the dictionary (住院), not a fragment the segmenter cut across words (针有)?"""
    return bool(_jieba().FREQ.get(token))


def load_zh_dictionary() -> None:
    """Hold jieba's whole dictionary in memory: call before tokenizing a corpus (a lookup per word would cost)."""
    from .zh_dict import load_all

    load_all(_jieba())


# How jieba 0.42.1 cuts what is not Han: a block (jieba's re_han_default) is a run of Han characters and of these, any
# other character is a token of its own; unless a dictionary word holds them (`_jieba_latin_words`), a run of these inside
# a block is cut by jieba.finalseg's re_skip alone (and search mode adds no dictionary word from inside it).
_JIEBA_LATIN_RUN = re.compile(r"[a-zA-Z0-9+#&._%\-]+")
_JIEBA_BLOCK_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]")
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


@lru_cache(maxsize=1)
def _jieba_latin_words() -> tuple[str, ...]:
    """The words jieba knows that hold a Latin letter, a digit or one of + # & . _ % - (its dictionary's, listed in
    data/jieba_latin_words.txt, and ours in data/zh_terms.txt)."""
    data = Path(__file__).with_name("data")
    listed = (data / "jieba_latin_words.txt").read_text(encoding="utf-8").splitlines()
    ours = [line.partition(" ")[0] for line in (data / "zh_terms.txt").read_text(encoding="utf-8").splitlines()]
    return tuple(w for w in dict.fromkeys(listed + ours) if w and not w.startswith("#") and _JIEBA_LATIN_RUN.search(w))


def latin_tokens(text: str) -> frozenset[str] | None:
    """The tokens of `tokenize(text, "zh")` that an English word can equal (its Latin words and numbers, stemmed as
    English), found without loading jieba's dictionary; None when the text holds one of jieba's words with Latin letters
    (X光, PH值, C++), which only the dictionary knows how to cut. The other tokens of Chinese text are never English-shaped
    (`en_shaped`), so for English-shaped `words`, `words & latin_tokens(text) == words & set(tokenize(text, "zh"))`."""
    if not cjk_count(text):
        return frozenset(_en_tokens(text))  # all of its tokens (see `tokenize`)
    if any(w in text for w in _jieba_latin_words()):
        return None
    pieces = [p for m in _JIEBA_LATIN_RUN.finditer(text) for p in _JIEBA_SKIP.split(m.group()) if p]
    pieces += [ch for ch in text if not _JIEBA_BLOCK_CHAR.match(ch)]  # jieba yields these one by one
    out: set[str] = set()
    for piece in pieces:
        tok = piece.strip().lower()
        if tok and tok not in _ZH_STOP and _EN_TOKEN.fullmatch(tok):
            out.update(_en_tokens(tok))
    return frozenset(out)


def en_shaped(tokens: Iterable[str]) -> bool:
    """Are all these tokens shaped like English ones (a word with optional digits, or a number)? `tokenize` keeps a token
    of Chinese text that is not as it is, and stems one that is as English."""
    return all(_EN_TOKEN.fullmatch(t) for t in tokens)


TOKENIZER_VERSION = "4"  # 4: 用 (use) is a stop word; bump when tokens change: the lexical index stores them


def tokenize(text: str, lang: Lang) -> list[str]:
    """Lexical tokens for BM25: English words (stop words out, light stemming); Chinese via jieba."""
    if lang == "en" or not cjk_count(text):
        return _en_tokens(text)
    tokens: list[str] = []
    for tok in _jieba().lcut_for_search(text):
        tok = tok.strip().lower()
        if not tok or tok in _ZH_STOP or not any(ch.isalnum() for ch in tok):
            continue
        if _EN_TOKEN.fullmatch(tok):
            tokens.extend(_en_tokens(tok))
        else:
            tokens.append(tok)
    return tokens


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers_in(text: str) -> list[str]:
    """Numbers written with digits, normalised (thousands separators removed)."""
    out = []
    for m in NUMBER.finditer(text):
        s = m.group()
        if re.fullmatch(r"\d{1,3}(,\d{3})+", s):
            s = s.replace(",", "")
        out.append(s.rstrip(".,"))
    return out
