"""`assistant corpus check`: front matter, twins, section and paragraph parity, tags, numbers, hedges, scenarios."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .config import PROJECT_ROOT
from .documents import load_corpus_file
from .errors import CorpusError, DocumentError
from .references import References
from .scenarios import load_bank
from .text import HEDGE, cjk_count, numbers_in, split_tags
from .types import Document

HEADINGS = {
    "en": ["Overview", "Complications and frequency", "Risk factors", "Prevention", "Recognition and management", "Evidence notes"],
    "zh": ["概述", "并发症及发生率", "危险因素", "预防", "识别与处理", "证据说明"],
}
TOPICS = {"overview", "esi", "facet", "sij", "epiduroscopy", "intradiscal", "vertebral-augmentation", "scs", "idd", "sympathetic",
          "anticoagulation", "last", "pdph", "infection", "radiation", "ultrasound", "patient-selection", "evidence"}
FACT_SHEET = PROJECT_ROOT.parent / "shared" / "knowledge" / "facts.md"
_REF_LINE = re.compile(r"^- \[([^\]\s§]+)\]", re.M)


@dataclass
class CorpusStats:
    """Sizes of the corpus."""

    docs_en: int = 0
    docs_zh: int = 0
    words_en: int = 0
    chars_zh: int = 0
    paragraphs: int = 0
    scenarios: int = 0
    sheet_tags: int = 0                      # reference tags of the fact sheet (§21 + §22.16); 0 = sheet not found
    sheet_tags_used: int = 0                 # ... of which the corpus documents cite
    unused_s22: list[str] = field(default_factory=list)  # §22.16 tags no document cites yet

    def __str__(self) -> str:
        line = (f"corpus: {self.docs_en} English and {self.docs_zh} Chinese documents, {self.words_en} English words, "
                f"{self.chars_zh} Chinese characters, {self.paragraphs} paragraphs, {self.scenarios} scenarios")
        if not self.sheet_tags:
            return line + f"\nfact sheet: not found at {FACT_SHEET}, tag coverage not reported"
        return (line + f"\nfact sheet: {self.sheet_tags_used} of {self.sheet_tags} reference tags (§21 + §22.16) used by the corpus;"
                f" section-22 tags not used yet: {', '.join(self.unused_s22) or 'none'}")


def fact_sheet_tags(path: Path) -> tuple[set[str], set[str]]:
    """Tags of the fact sheet's reference lists: (§21 and §22.16 together, §22.16 alone)."""
    parts = re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.M)
    s21 = "".join(p for p in parts if p.startswith("21."))
    s22 = "".join(p for p in parts if p.startswith("22.16"))
    new = set(_REF_LINE.findall(s22))
    return set(_REF_LINE.findall(s21)) | new, new


def _h2(doc: Document) -> list[str]:
    seen: list[str] = []
    for s in doc.sections:
        if len(s.path) >= 2 and (not seen or seen[-1] != s.path[1]):
            seen.append(s.path[1])
    return seen


def check_document(doc: Document, slug: str, refs: References) -> list[str]:
    """Problems of one document on its own."""
    out: list[str] = []
    name = f"{doc.lang}/{slug}.md"
    if doc.id != f"{slug}-{doc.lang}":
        out.append(f"{name}: id should be {slug}-{doc.lang}, not {doc.id}")
    if doc.topic not in TOPICS:
        out.append(f"{name}: topic {doc.topic!r} is not one of the topic keys in docs/corpus-format.md")
    if _h2(doc) != HEADINGS[doc.lang]:
        out.append(f"{name}: sections must be {HEADINGS[doc.lang]} in this order, found {_h2(doc)}")
    used: set[str] = set()
    for s in doc.sections:
        for i, p in enumerate(s.paragraphs, start=1):
            _, tags = split_tags(p.text)
            if not tags:
                out.append(f"{name}: '{s.heading}' paragraph {i} does not end with source tags like [Narouze2018]")
            for t in tags:
                used.add(t)
                if refs.entries and t not in refs:
                    out.append(f"{name}: tag [{t}] has no entry in corpus/references.yaml")
    if set(doc.sources) != used:
        missing, extra = sorted(used - set(doc.sources)), sorted(set(doc.sources) - used)
        out.append(f"{name}: front matter `sources` differs from the body's tags (missing {missing}, unused {extra})")
    return out


def check_twins(en: Document, zh: Document, slug: str) -> list[str]:
    """Problems between an English document and its Chinese twin."""
    out: list[str] = []
    if en.twin != zh.id or zh.twin != en.id:
        out.append(f"{slug}: twins must name each other (en twin={en.twin}, zh twin={zh.twin})")
    shape_en = [(len(s.path), len(s.paragraphs)) for s in en.sections]
    shape_zh = [(len(s.path), len(s.paragraphs)) for s in zh.sections]
    if shape_en != shape_zh:
        out.append(f"{slug}: section/paragraph structure differs between en {shape_en} and zh {shape_zh}")
        return out
    for se, sz in zip(en.sections, zh.sections):
        for i, (pe, pz) in enumerate(zip(se.paragraphs, sz.paragraphs), start=1):
            te, tags_e = split_tags(pe.text)
            tz, tags_z = split_tags(pz.text)
            where = f"{slug}: '{se.heading}' paragraph {i}"
            if set(tags_e) != set(tags_z):
                out.append(f"{where}: tags differ (en {list(tags_e)}, zh {list(tags_z)})")
            missing = [n for n in dict.fromkeys(numbers_in(te)) if n not in set(numbers_in(tz))]
            if missing:
                out.append(f"{where}: numbers {missing} of the English paragraph are missing from the Chinese twin")
            if HEDGE["en"].search(te) and not HEDGE["zh"].search(tz):
                out.append(f"{where}: the English paragraph is hedged but the Chinese one is not")
    return out


def check_scenarios(folder: Path, slugs: set[str], refs: References) -> tuple[list[str], int]:
    """Problems of the scenario bank (read by `assistant.scenarios.load_bank`, as the app reads it), and how many
    scenarios it has; ids, topics, documents and reference tags are checked against this corpus."""
    bank = load_bank(folder, slugs, tags=refs.entries.keys(), topics=TOPICS)
    return bank.problems, bank.count


def check_lexicon(path: Path) -> list[str]:
    """Problems of the concept lexicon (absent is allowed: matching then uses words only)."""
    from .lexicon import validate

    if not path.exists():
        return []
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader, as the lexicon itself is loaded
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        return [f"lexicon.yaml is not valid YAML ({exc.__class__.__name__}): fix the file"]
    return validate(raw)


def check_corpus(corpus_dir: Path, fact_sheet: Path = FACT_SHEET) -> tuple[list[str], CorpusStats]:
    """Every problem of the corpus (empty list = valid), its sizes and its coverage of the fact sheet's tags."""
    problems: list[str] = []
    stats = CorpusStats()
    try:
        refs = References.load(corpus_dir / "references.yaml")
    except CorpusError as exc:  # names the file and the fix
        return [str(exc)], stats
    if not refs.entries:
        problems.append("corpus/references.yaml is missing or empty: every source tag needs a full reference")
    docs: dict[str, dict[str, Document]] = {"en": {}, "zh": {}}
    for lang in ("en", "zh"):
        for path in sorted((corpus_dir / lang).glob("*.md")):
            try:
                doc = load_corpus_file(path)
            except DocumentError as exc:
                problems.append(str(exc))
                continue
            if doc.lang != lang:
                problems.append(f"{lang}/{path.name}: lang is {doc.lang} but the file is under {lang}/")
            docs[lang][path.stem] = doc
            problems.extend(check_document(doc, path.stem, refs))
            stats.paragraphs += sum(len(s.paragraphs) for s in doc.sections)
            body = " ".join(split_tags(p.text)[0] for s in doc.sections for p in s.paragraphs)
            if lang == "en":
                stats.words_en += len(body.split())
            else:
                stats.chars_zh += cjk_count(body)
    stats.docs_en, stats.docs_zh = len(docs["en"]), len(docs["zh"])
    for slug in sorted(set(docs["en"]) | set(docs["zh"])):
        if slug not in docs["en"] or slug not in docs["zh"]:
            problems.append(f"{slug}: has no {'zh' if slug in docs['en'] else 'en'} twin")
            continue
        problems.extend(check_twins(docs["en"][slug], docs["zh"][slug], slug))
    scen_problems, stats.scenarios = check_scenarios(corpus_dir / "scenarios", set(docs["en"]) | set(docs["zh"]), refs)
    problems.extend(scen_problems)
    problems.extend(check_lexicon(corpus_dir / "lexicon.yaml"))
    if fact_sheet.is_file():
        every, new = fact_sheet_tags(fact_sheet)
        cited = {t for d in (*docs["en"].values(), *docs["zh"].values()) for t in d.sources}
        stats.sheet_tags, stats.sheet_tags_used = len(every), len(every & cited)
        stats.unused_s22 = sorted(new - cited)
    return problems, stats
