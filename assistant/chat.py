"""Question preparation: language and script detection, Traditional -> Simplified, follow-up condensation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .text import detect_lang, script_of, to_simplified, tokenize
from .types import Lang

_FOLLOWUP = {
    "en": re.compile(
        r"^(?:and|also|so|then|what about|how about|and what|ok(?:ay)?|if so)\b|\b(?:it|its|it's|this|that|these|those|they|them|their|"
        r"the same|the most common one|the latter|the former|such (?:a|an)?|one|ones|there)\b",
        re.I,
    ),
    "zh": re.compile(r"^(?:那|那么|还有|另外|如果|一旦|然后|那如果)|它|其|这个|这种|那种|这些|那些|该|此|上述|前者|后者|呢[？?]?$"),
}


@dataclass(frozen=True)
class PreparedQuestion:
    """A question ready for retrieval."""

    original: str
    text: str  # Simplified script, stripped
    lang: Lang
    script: Literal["hans", "hant", "latin"]
    retrieval_text: str  # condensed with the conversation when it is a follow-up
    topic_text: str  # what the earlier turns contributed ('' if not a follow-up)


def is_followup(question: str, lang: Lang) -> bool:
    """Does the question lean on an earlier turn (pronouns, ellipsis, very few content words)?"""
    content = tokenize(question, lang)
    if len(content) <= (3 if lang == "en" else 4):
        return True
    return bool(_FOLLOWUP[lang].search(question)) and len(content) <= (8 if lang == "en" else 10)


def prepare(question: str, history: list[str] | None = None, force_followup: bool = False) -> PreparedQuestion:
    """Detect language and script, convert to Simplified, and condense a follow-up with earlier user turns."""
    original = question
    q = re.sub(r"\s+", " ", question).strip()
    script = script_of(q)
    if script != "latin":
        q = to_simplified(q)
    lang = detect_lang(q)
    topic = ""
    for turn in history or []:
        t = to_simplified(re.sub(r"\s+", " ", turn).strip())
        if not t:
            continue
        tl = detect_lang(t)
        topic = f"{topic} {t}".strip() if topic and is_followup(t, tl) else t
    retrieval = q
    if topic and (force_followup or is_followup(q, lang)):
        retrieval = f"{topic} {q}"
    else:
        topic = ""
    return PreparedQuestion(original, q, lang, script, retrieval, topic)
