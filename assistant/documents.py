"""Load documents: bundled Markdown with front matter, and users' PDF, HTML, Markdown or text files."""

from __future__ import annotations

import hashlib
import json
import re
import stat
from dataclasses import asdict
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from .errors import DocumentError
from .text import detect_lang, normalize, split_tags
from .types import Document, Lang, Paragraph, Section

MAX_FILE_BYTES = 20 * 1024 * 1024
SUPPORTED = {".md", ".markdown", ".txt", ".text", ".pdf", ".html", ".htm"}
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Printed text from users' files: control characters (C0, DEL, C1) become spaces; bidirectional overrides and
# zero-width characters go. Terminal escapes (ESC]0;…, ESC[2J, CSI) cannot survive either.
_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff\ufff9-\ufffb]")
MAX_TITLE_CHARS = 300
MAX_HEADING_CHARS = 200


def clean_label(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """A title, heading or file name safe to print on one line: no control, bidirectional or zero-width characters,
    whitespace collapsed, at most `limit` characters."""
    out = " ".join(_CONTROL_CHARS.sub(" ", _INVISIBLE.sub("", text)).split())
    return out if len(out) <= limit else out[: limit - 1].rstrip() + "…"


def display_name(path: Path) -> str:
    """A file's name as printed in messages (see `clean_label`)."""
    return clean_label(path.name) or "(unnamed file)"


def _strip_unsafe(raw: str) -> str:
    """Body text of a user's file without C1 controls or bidirectional overrides (`normalize` removes the C0 ones)."""
    return _INVISIBLE.sub("", re.sub("[\x80-\x9f]", "", raw))


def _clean_sections(sections: list[Section] | tuple[Section, ...]) -> list[Section]:
    return [Section(clean_label(s.heading, MAX_HEADING_CHARS), tuple(clean_label(h, MAX_HEADING_CHARS) for h in s.path),
                    s.paragraphs, s.ordinal) for s in sections]


def content_hash(*parts: str) -> str:
    """Stable hash of text parts."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader: same result, several times faster


def parse_front_matter(raw: str, name: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from the body; errors name the file."""
    m = _FRONT.match(raw)
    if not m:
        raise DocumentError(f"{name}: missing YAML front matter (a `---` block at the top); see docs/corpus-format.md")
    try:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER) or {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise DocumentError(f"{name}: front matter is not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(meta, dict):
        raise DocumentError(f"{name}: front matter must be a mapping of keys to values")
    return meta, raw[m.end():]


def _block_paragraphs(text: str, block: list[tuple[int, str]]) -> list[Paragraph]:
    """The paragraphs of one block of non-blank lines ((offset, line) pairs of `text`): each bullet is its own."""
    items: list[list[tuple[int, str]]] = []
    for off, line in block:
        if _BULLET.match(line) or not items:
            items.append([(off, line)])
        else:
            items[-1].append((off, line))
    paras: list[Paragraph] = []
    for item in items:
        start = item[0][0] + (len(item[0][1]) - len(item[0][1].lstrip()))
        m = _BULLET.match(item[0][1])
        if m:
            start = item[0][0] + m.end()
        end = item[-1][0] + len(item[-1][1])
        raw = text[start:end]
        ptext = " ".join(s.strip() for s in raw.split("\n")) if "\n" in raw and detect_lang(raw) == "en" else raw.replace("\n", "")
        body_text, tags = split_tags(ptext)
        if body_text.strip():
            paras.append(Paragraph(text=ptext.strip(), start=start, end=end, tags=tags))
    return paras


def parse_markdown(body: str) -> tuple[str, str, list[Section]]:
    """Parse Markdown into (title, normalised text, sections); paragraphs and bullets carry offsets and tags."""
    text = normalize(body).strip("\n")
    title = ""
    sections: list[Section] = []
    trail: list[tuple[int, str]] = []
    paras: list[Paragraph] = []
    block: list[tuple[int, str]] = []  # (line offset, line)

    def flush_block() -> None:
        paras.extend(_block_paragraphs(text, block))
        block.clear()

    def flush_section() -> None:
        flush_block()
        if paras or trail:
            heading = trail[-1][1] if trail else title
            path = tuple([title] + [h for _, h in trail]) if title else tuple(h for _, h in trail)
            if paras:
                sections.append(Section(heading=heading, path=path, paragraphs=tuple(paras), ordinal=len(sections)))
        paras.clear()

    offset = 0
    for line in text.split("\n"):
        m = _HEADING.match(line)
        if m:
            level = len(m.group(1))
            if level == 1 and not title:
                flush_section()
                title = m.group(2)
            else:
                flush_section()
                while trail and trail[-1][0] >= level:
                    trail.pop()
                trail.append((level, m.group(2)))
        elif not line.strip():
            flush_block()
        else:
            block.append((offset, line))
        offset += len(line) + 1
    flush_section()
    return title, text, sections


def load_corpus_file(path: Path) -> Document:
    """Load one bundled corpus document (front matter + Markdown)."""
    raw = _read_text(path)
    meta, body = parse_front_matter(raw, display_name(path))
    for key in ("id", "lang", "title"):
        if not meta.get(key):
            raise DocumentError(f"{display_name(path)}: front matter lacks `{key}`; see docs/corpus-format.md")
    if meta["lang"] not in ("en", "zh"):
        raise DocumentError(f"{display_name(path)}: `lang` must be en or zh, not {meta['lang']!r}")
    h1, text, sections = parse_markdown(body)
    if not sections:
        raise DocumentError(f"{display_name(path)}: no text under any heading")
    sources = meta.get("sources") or []
    if not isinstance(sources, list):
        raise DocumentError(f"{display_name(path)}: `sources` must be a list of tags")
    return Document(
        id=str(meta["id"]),
        title=str(meta["title"]),
        lang=meta["lang"],
        text=text,
        sections=tuple(sections),
        sources=tuple(str(s) for s in sources),
        twin=str(meta["twin"]) if meta.get("twin") else None,
        topic=str(meta.get("topic") or ""),
        origin="bundled",
        path=str(path),
        content_hash=content_hash(json.dumps(meta, sort_keys=True, default=str), text),
    )


def load_corpus(corpus_dir: Path) -> tuple[list[Document], list[str]]:
    """All bundled documents under corpus/en and corpus/zh, plus one error line per unreadable file."""
    docs: list[Document] = []
    errors: list[str] = []
    for sub in ("en", "zh"):
        for path in sorted((corpus_dir / sub).glob("*.md")):
            try:
                docs.append(load_corpus_file(path))
            except DocumentError as exc:
                errors.append(str(exc))
    return docs, errors


def _read_text(path: Path) -> str:
    data = _read_bytes(path)
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{display_name(path)}: binary file, not text; convert it to PDF, HTML, Markdown or text")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            out = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8-sig" or re.search(r"[\u4e00-\u9fff]", out):
            return out
    raise DocumentError(f"{display_name(path)}: cannot decode the text (not UTF-8 or GB18030); save it as UTF-8")


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
    except OSError as exc:
        raise DocumentError(f"{clean_label(str(path))}: cannot read ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"{display_name(path)}: not a regular file (a device, pipe or socket); ingest ordinary files only")
    size = info.st_size
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"{display_name(path)}: {size // (1024 * 1024)} MB is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit; split the file")
    if size == 0:
        raise DocumentError(f"{display_name(path)}: empty file")
    return path.read_bytes()


class _HTMLText(HTMLParser):
    """Collect headings and paragraph text from HTML, skipping scripts and styles."""

    BLOCKS = {"p", "li", "div", "br", "tr", "section", "article", "td", "blockquote", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag in self.BLOCKS:
            self.out.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self._in_title = False
        elif re.fullmatch(r"h[1-6]", tag) or tag in self.BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
        elif not self.skip:
            self.out.append(re.sub(r"\s+", " ", data))


def _pdf_sections(path: Path) -> tuple[str, str, list[Section]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{display_name(path)}: encrypted PDF; remove the password and ingest it again")
        pages = [normalize(_strip_unsafe(p.extract_text() or "")) for p in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise DocumentError(f"{display_name(path)}: unreadable PDF ({type(exc).__name__}); check the file opens in a PDF viewer") from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many internal types on damaged files; becomes a DocumentError naming the file
        raise DocumentError(f"{display_name(path)}: unreadable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise DocumentError(f"{display_name(path)}: image-only PDF (no text layer); run OCR on it first")
    title = clean_label(str(meta_title)) or clean_label(_first_line("\n".join(pages))) or display_name(path)
    text_parts: list[str] = []
    sections: list[Section] = []
    offset = 0
    for number, page in enumerate(pages, start=1):
        paras: list[Paragraph] = []
        for block in re.split(r"\n\s*\n", page):
            block = block.strip()
            if not block:
                continue
            joined = re.sub(r"\s*\n\s*", " " if detect_lang(block) == "en" else "", block)
            paras.append(Paragraph(text=joined, start=offset, end=offset + len(joined), page=number))
            text_parts.append(joined)
            offset += len(joined) + 2
        if paras:
            sections.append(Section(heading=f"p. {number}", path=(title, f"p. {number}"), paragraphs=tuple(paras), ordinal=len(sections)))
    return title, "\n\n".join(text_parts), sections


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:120]
    return ""


def load_user_file(path: Path) -> Document:
    """Parse a user's PDF, HTML, Markdown or text file into a Document; DocumentError says why not."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"{display_name(path)}: unsupported type {suffix or '(none)'}; use PDF, HTML, Markdown or text")
    if suffix == ".pdf":
        _read_bytes(path)
        title, text, sections = _pdf_sections(path)
    else:
        raw = _strip_unsafe(_read_text(path))
        if suffix in (".html", ".htm"):
            parser = _HTMLText()
            parser.feed(raw)
            md = "".join(parser.out)
            h1, text, sections = parse_markdown(md)
            title = parser.title or h1
        else:
            if suffix in (".md", ".markdown") and _FRONT.match(normalize(raw)):
                _, raw = parse_front_matter(normalize(raw), display_name(path))
            h1, text, sections = parse_markdown(raw)
            title = h1
        title = clean_label(title) or clean_label(_first_line(text)) or clean_label(path.stem) or display_name(path)
        sections = [s if s.path else Section(s.heading or title, (title,), s.paragraphs, s.ordinal) for s in sections]
    sections = _clean_sections(sections)
    if not sections or not text.strip():
        raise DocumentError(f"{display_name(path)}: no readable text")
    lang = detect_lang(text[:5000])
    digest = content_hash(path.name, text)
    return Document(
        id=f"user-{digest[:12]}",
        title=title,
        lang=lang,
        text=text,
        sections=tuple(sections),
        origin="user",
        path=str(path),
        content_hash=digest,
        topic="user",
    )


def document_to_json(doc: Document) -> str:
    """Serialise a document (for the ingested-documents folder)."""
    return json.dumps(asdict(doc), ensure_ascii=False)


def document_from_json(raw: str) -> Document:
    """Inverse of `document_to_json`."""
    d = json.loads(raw)
    sections = tuple(
        Section(
            heading=s["heading"],
            path=tuple(s["path"]),
            ordinal=s["ordinal"],
            paragraphs=tuple(Paragraph(p["text"], p["start"], p["end"], tuple(p["tags"]), p["page"]) for p in s["paragraphs"]),
        )
        for s in d["sections"]
    )
    lang: Lang = "zh" if d["lang"] == "zh" else "en"
    title = d["title"]
    if d["origin"] == "user":  # copies kept by older versions may carry raw control characters
        title, sections = clean_label(title) or "untitled", tuple(_clean_sections(sections))
    return Document(
        id=d["id"], title=title, lang=lang, text=d["text"], sections=sections, sources=tuple(d["sources"]),
        twin=d["twin"], topic=d["topic"], origin=d["origin"], path=d["path"], content_hash=d["content_hash"],
    )


def source_name(doc: Document) -> str:
    """The file name a user document was ingested from (re-ingesting that name replaces it)."""
    return Path(doc.path).name if doc.path else doc.id


def load_ingested_files(folder: Path) -> tuple[list[tuple[Path, Document]], list[str]]:
    """Parsed copies of the user's documents with their files, and one message per damaged copy (skipped)."""
    if not folder.is_dir():
        return [], []
    out: list[tuple[Path, Document]] = []
    errors: list[str] = []
    for p in sorted(folder.glob("*.json")):
        try:
            out.append((p, document_from_json(p.read_text(encoding="utf-8"))))
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            errors.append(f"{display_name(p)}: damaged copy of an ingested document ({type(exc).__name__}); "
                          f"run `assistant remove {clean_label(p.stem)}` and ingest the file again")
    return out, errors


def load_ingested(folder: Path) -> list[Document]:
    """Documents a user ingested earlier (kept as JSON so rebuilds include them); damaged copies are skipped."""
    return [doc for _, doc in load_ingested_files(folder)[0]]
