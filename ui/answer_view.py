"""Answer text as safe Markdown: `**Heading**` lines, `- ` bullets, and `[n]` markers that can link to their passage."""

from __future__ import annotations

import re

from ui.common import md

# `[1]`, `[12]`, `[1 · your document]` (a marker may carry a short note after a middle dot)
MARKER = re.compile(r"\[(\d+)(?:\s*[·•]\s*[^\[\]\n]{1,60})?\]")
_HEADING = re.compile(r"^\*\*(.+?)\*\*[:：]?$")


def inline(text: str, link: str | None = None) -> str:
    """Escape text for Markdown; with `link`, every `[n]` marker becomes a link to `#cite-<link>-<n>`."""
    out: list[str] = []
    pos = 0
    for m in MARKER.finditer(text):
        out.append(md(text[pos:m.start()]))
        shown = md(m.group(0))
        out.append(f"[{shown}](#cite-{link}-{m.group(1)})" if link else shown)
        pos = m.end()
    out.append(md(text[pos:]))
    return "".join(out)


def answer_markdown(text: str, link: str | None = None) -> str:
    """The answer as Markdown: heading lines in bold, bullets kept as a list, every other line its own paragraph;
    all text escaped, so nothing in a passage can inject Markdown or HTML."""
    blocks: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if bullets:
            blocks.append("\n".join(bullets))
            bullets.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith(("- ", "* ", "• ")):
            bullets.append(f"- {inline(line[2:].strip(), link)}")
            continue
        if line.startswith("↳") and bullets:  # the patient's numbers worked on the bullet above: nested under it
            bullets.append(f"  - {inline(line, link)}")
            continue
        flush()
        heading = _HEADING.match(line)
        blocks.append(f"**{inline(heading.group(1), link)}**" if heading else inline(line, link))
    flush()
    return "\n\n".join(blocks)
