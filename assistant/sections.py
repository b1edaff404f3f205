"""Section groups of the corpus (the six headings of every document), in the order an answer presents them."""

from __future__ import annotations

from collections.abc import Sequence

SECTION_GROUPS: dict[str, tuple[str, ...]] = {
    "overview": ("overview", "概述"),
    "complications": ("complications and frequency", "并发症及发生率"),
    "risk": ("risk factors", "危险因素"),
    "prevention": ("prevention", "预防"),
    "management": ("recognition and management", "识别与处理"),
    "evidence": ("evidence notes", "证据说明"),
}
# The order a clinician reads: what / how often -> who is at risk -> prevent -> recognise and act -> evidence notes.
GROUP_ORDER = ("overview", "complications", "risk", "prevention", "management", "evidence")
HEADINGS: dict[str, dict[str, str]] = {
    "overview": {"en": "Overview", "zh": "概述"},
    "complications": {"en": "Complications and frequency", "zh": "并发症及发生率"},
    "risk": {"en": "Risk factors", "zh": "危险因素"},
    "prevention": {"en": "Prevention", "zh": "预防"},
    "management": {"en": "Recognition and management", "zh": "识别与处理"},
    "evidence": {"en": "Evidence notes", "zh": "证据说明"},
}
_LOOKUP = {name: group for group, names in SECTION_GROUPS.items() for name in names}


def group_of(heading_path: Sequence[str]) -> str:
    """The section group of a passage, from its heading path (innermost known heading wins)."""
    for heading in reversed(heading_path):
        g = _LOOKUP.get(heading.strip().lower())
        if g:
            return g
    return "overview"
