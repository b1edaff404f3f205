import re
import shutil

import pytest

from assistant.config import PROJECT_ROOT
from assistant.corpus_check import FACT_SHEET, check_corpus, fact_sheet_tags
from assistant.references import References
from assistant.text import split_tags


@pytest.fixture(scope="module")
def bundled_check():
    """`check_corpus` of the bundled corpus, run once for the tests that only read it."""
    return check_corpus(PROJECT_ROOT / "corpus")


def test_bundled_corpus_passes_the_check_and_meets_the_size_goals(bundled_check):
    problems, stats = bundled_check
    assert problems == []
    assert stats.docs_en >= 20 and stats.docs_zh >= 20
    assert stats.words_en >= 12000 and stats.chars_zh >= 20000
    assert stats.scenarios >= 40


def test_the_check_catches_broken_twins_tags_numbers_and_scenarios(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "corpus", corpus)
    zh = corpus / "zh" / "pdph.md"
    text = zh.read_text(encoding="utf-8")
    zh.write_text(text.replace("[Ghaleb2010]", "[NoSuchTag2099]", 1), encoding="utf-8")
    en = corpus / "en" / "last.md"
    en_text = en.read_text(encoding="utf-8")
    en.write_text(en_text.replace("twin: last-zh", "twin: last-xx"), encoding="utf-8")
    (corpus / "scenarios" / "broken.yaml").write_text("- id: x\n  topic: nope\n  correct: 7\n", encoding="utf-8")
    problems, _ = check_corpus(corpus)
    joined = "\n".join(problems)
    assert "NoSuchTag2099" in joined
    assert "twins must name each other" in joined
    assert "scenarios/broken.yaml item 1" in joined and "correct must be 0-3" in joined


def test_number_parity_between_twins_is_checked(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "corpus", corpus)
    zh = corpus / "zh" / "last.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("1.5", "2.5"), encoding="utf-8")
    problems, _ = check_corpus(corpus)
    assert any("last:" in p and "missing from the Chinese twin" in p for p in problems)


def test_references_format_full_citations():
    refs = References.load(PROJECT_ROOT / "corpus" / "references.yaml")
    s = refs.format("LoBianco2023-P2")
    assert "Lo Bianco" in s and "10.2147/JPR.S396215" in s and "2023" in s
    assert refs.format("Unknown1999") == "[Unknown1999]"


def test_every_section_22_tag_of_the_fact_sheet_is_cited_by_the_corpus(bundled_check):
    if not FACT_SHEET.is_file():
        pytest.skip(f"fact sheet not found at {FACT_SHEET} (it lives outside the project, in ../shared/knowledge/)")
    problems, stats = bundled_check
    assert problems == []
    assert stats.sheet_tags > 100, "the fact sheet's reference lists (§21, §22.16) were not found"
    assert stats.unused_s22 == [], f"section-22 tags no corpus document cites yet: {stats.unused_s22}"


def test_tag_coverage_counts_only_the_reference_lists_and_names_unused_section_22_tags(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "corpus", corpus)
    sheet = tmp_path / "facts.md"
    sheet.write_text(
        "## 20. Glossary\n- [NotAReference1999] glossary bullets do not count\n"
        "## 21. Source tags\n- [Narouze2018] Narouze S. ...\n- [Unused2001] Someone. ...\n"
        "## 22.1 Haematoma\n- a bullet citing [Bos2018] is not a reference line\n"
        "## 22.16 Source tags (section 22)\n- [Bos2018] Bos EME. ...\n- [78Steps-Discography] excerpt ...\n"
        "- [Nobody2099] never cited\n"
        "## 22.17 Glossary additions\n- [AlsoNot2000] not a reference list\n", encoding="utf-8")
    assert fact_sheet_tags(sheet) == ({"Narouze2018", "Unused2001", "Bos2018", "78Steps-Discography", "Nobody2099"},
                                      {"Bos2018", "78Steps-Discography", "Nobody2099"})
    _, stats = check_corpus(corpus, fact_sheet=sheet)
    assert (stats.sheet_tags, stats.sheet_tags_used, stats.unused_s22) == (5, 3, ["Nobody2099"])
    assert "3 of 5 reference tags" in str(stats) and "not used yet: Nobody2099" in str(stats)
    _, no_sheet = check_corpus(corpus, fact_sheet=tmp_path / "missing.md")
    assert no_sheet.sheet_tags == 0 and "not found" in str(no_sheet)


def test_tags_may_start_with_digits_but_bare_numbers_are_not_tags():
    assert split_tags("Cefazolin in contrast. [78Steps-Discography; Willems2004]") == (
        "Cefazolin in contrast.", ("78Steps-Discography", "Willems2004"))
    assert split_tags("See answer [1]") == ("See answer [1]", ())


def test_a_secondary_summary_hedge_must_survive_in_the_chinese_twin(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "corpus", corpus)
    zh = corpus / "zh" / "cervical-thoracic-sympathetic.md"
    text = zh.read_text(encoding="utf-8")
    assert "常伴面部发热和鼻塞（二手摘要）。" in text
    zh.write_text(text.replace("常伴面部发热和鼻塞（二手摘要）。", "常伴面部发热和鼻塞。", 1), encoding="utf-8")
    problems, _ = check_corpus(corpus)
    assert any("cervical-thoracic-sympathetic: 'Complications and frequency'" in p and "hedged but the Chinese one is not" in p for p in problems)


def test_the_check_validates_the_concept_lexicon(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "corpus", corpus)
    text = (corpus / "lexicon.yaml").read_text(encoding="utf-8")
    broken = text + "\n  - id: test-broken\n    kind: drug\n    en: [zzz test drug]\n    broader: [no-such-concept]\n"
    (corpus / "lexicon.yaml").write_text(broken, encoding="utf-8")
    problems, _ = check_corpus(corpus)
    assert any("`no-such-concept` is not defined" in p for p in problems)


def test_corpus_check_reports_the_scenario_problems_the_app_skips(tmp_path):
    """One parser: `corpus check` and the Scenarios page read the bank through assistant.scenarios.load_bank."""
    from assistant.scenarios import load_bank

    corpus = tmp_path / "corpus"
    shutil.copytree(PROJECT_ROOT / "corpus", corpus)
    part = ("    vignette: A case.\n    question: What now?\n    options: [a, b, c, d]\n"
            "    explanation: Because of the guideline. [NoSuchTag2099]\n")
    (corpus / "scenarios" / "zz-extra.yaml").write_text(
        "- id: zz-1\n  topic: pdph\n  difficulty: 1\n  correct: 0\n  doc_ids: [pdph]\n"
        f"  en:\n{part}  zh:\n{part}", encoding="utf-8")
    problems, stats = check_corpus(corpus)
    bank = load_bank(corpus / "scenarios", tags=References.load(corpus / "references.yaml").entries.keys())
    expected = "scenarios/zz-extra.yaml item 1: en.explanation: tag 'NoSuchTag2099' has no reference"
    assert expected in problems and expected in bank.problems
    assert stats.scenarios == bank.count == len(bank.scenarios) + 1


def test_no_sentence_points_back_to_text_the_reader_may_not_see():
    """Answers quote single sentences: a sentence that leans on "the statement above" / 上文 is meaningless alone."""
    root = PROJECT_ROOT / "corpus"
    back = re.compile(r"(?:quoted|stated|mentioned|statement|noted) above|上文|前文", re.I)
    found = [f"{p.parent.name}/{p.name}" for p in sorted(root.glob("*/*.md")) if back.search(p.read_text(encoding="utf-8"))]
    assert found == []
