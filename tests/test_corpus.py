import shutil

from assistant.config import PROJECT_ROOT
from assistant.corpus_check import check_corpus
from assistant.references import References


def test_bundled_corpus_passes_the_check_and_meets_the_size_goals():
    problems, stats = check_corpus(PROJECT_ROOT / "corpus")
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
