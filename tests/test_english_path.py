"""An English question does not load jieba for Chinese passages it only passes by (issue #15: on a large index the
cross-language search brings untwinned Chinese passages into an English question's hits, and cutting their sentences
loaded jieba's dictionary, 0.55 s and about 90 MB of a cold ask). It meets those sentences only in their Latin words
and numbers, which `text.latin_tokens` finds without jieba; the answers are the same as with every sentence cut."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.documents import load_corpus
from assistant.text import _jieba, en_shaped, latin_tokens, load_zh_dictionary, split_sentences, tokenize

# Chinese text with the Latin shapes jieba cuts in its own way: ranges, decimals, percentages, units, fullwidth digits,
# symbols inside a block (+ # & . _ % -), UK spellings, a Latin word glued to Chinese on both sides
TRICKY = ["经椎间孔ESI（TFESI）后L4-5神经根", "约3.5%的患者，0.5mg/kg，1.2.3版", "阿哌沙班apixaban停用72h后", "ＫＫ３天 K 和µg剂量１２小时",
          "haemorrhage出血、anaesthesia麻醉", "C5_C6与T12+L1#2&3", "İstanbul伊", "SCS植入后IPG囊袋"]


def test_latin_tokens_are_all_an_english_word_can_meet_in_chinese_text() -> None:
    docs = load_corpus(PROJECT_ROOT / "corpus")[0]
    texts = [s for d in docs if d.lang == "zh" for s in split_sentences(d.text)] + TRICKY
    checked = 0
    for text in texts:
        latin = latin_tokens(text)
        if latin is None:
            continue
        full = set(tokenize(text, "zh"))
        assert latin <= full, text
        assert not [t for t in full - latin if en_shaped([t])], text  # the rest is never what an English word tokenises to
        checked += 1
    assert checked > 1000
    assert latin_tokens(TRICKY[0]) == {"esi", "tfesi", "l4", "5"}


def test_chinese_text_holding_a_dictionary_word_with_latin_letters_is_left_to_jieba() -> None:
    assert latin_tokens("复查X光片") is None and latin_tokens("测尿PH值") is None
    assert latin_tokens("No Chinese here: TFESI at L4-5") == set(tokenize("No Chinese here: TFESI at L4-5", "zh"))


def test_the_latin_word_list_is_what_jieba_knows() -> None:
    data = PROJECT_ROOT / "assistant" / "data"
    listed = {w for w in (data / "jieba_latin_words.txt").read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")}
    ours = {line.partition(" ")[0] for line in (data / "zh_terms.txt").read_text(encoding="utf-8").splitlines()}
    latin = re.compile(r"[A-Za-z0-9+#&._%\-]")
    load_zh_dictionary()  # the whole dictionary in memory, as an index build holds it
    known = {w for w, freq in _jieba().FREQ.items() if freq and latin.search(w)}
    assert known - ours == listed, "regenerate assistant/data/jieba_latin_words.txt from the installed jieba"


@pytest.fixture(scope="module")
def untwinned(tmp_path_factory: pytest.TempPathFactory, copy_corpus, settings_at) -> Settings:  # type: ignore[no-untyped-def]
    """A hash-embedder index where one Chinese document (transforaminal ESIs) has no English twin, so the cross-language
    search brings its passages into English questions' hits."""
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("untwinned")
    copy_corpus(root / "corpus", ("pdph", "anticoagulants"))
    shutil.copy(PROJECT_ROOT / "corpus" / "zh" / "esi-transforaminal.md", root / "corpus" / "zh" / "esi-transforaminal.md")
    s: Settings = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return s


_ASK = """
import json, sys
from assistant.answer import AnswerEngine
from assistant.config import load_settings
ans = AnswerEngine(load_settings()).answer(sys.argv[1])
print(json.dumps({"zh_hits": sum(h.chunk.lang == "zh" for h in ans.retrieved), "jieba": "jieba" in sys.modules,
                  "cited": [c.chunk.lang for c in ans.citations]}))
"""


def test_an_english_ask_past_untwinned_chinese_passages_does_not_load_jieba(untwinned: Settings) -> None:
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(untwinned.corpus_dir), "ASSISTANT_INDEX_DIR": str(untwinned.index_dir),
           "ASSISTANT_DATA_DIR": str(untwinned.data_dir), "ASSISTANT_EMBEDDER": "hash"}
    out = subprocess.run([sys.executable, "-c", _ASK, "Can a TFESI cause a post-dural puncture headache?"], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["zh_hits"] >= 1, got  # Chinese passages were retrieved and their sentences went to composition
    assert got["cited"] and set(got["cited"]) == {"en"}, got
    assert not got["jieba"], got


QUESTIONS = ["Can a TFESI cause a post-dural puncture headache?", "What is the risk of bleeding after a TFESI on clopidogrel?",
             "How long should rivaroxaban be held before a transforaminal injection, and when can it restart?",
             "Is particulate steroid safe for a cervical TFESI?", "How is PDPH treated after a TFESI?"]


def test_english_answers_are_those_of_sentences_cut_in_full(untwinned: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.answer as answer_mod
    from assistant.answer import AnswerEngine

    engine = AnswerEngine(untwinned)

    def shown(q: str) -> tuple[str, list[dict[str, object]], int]:
        a = engine.answer(q)
        return a.text, a.bullets, sum(h.chunk.lang == "zh" for h in a.retrieved)

    lazy = [shown(q) for q in QUESTIONS]
    cut = answer_mod.sentences_of

    def cut_in_full(hits, lexicon):  # type: ignore[no-untyped-def]
        return [dataclasses.replace(s, given_tokens=frozenset(tokenize(s.text, s.chunk.lang))) for s in cut(hits, lexicon)]

    monkeypatch.setattr(answer_mod, "sentences_of", cut_in_full)
    eager = [shown(q) for q in QUESTIONS]
    assert lazy == eager
    assert sum(n for _, _, n in lazy) >= len(QUESTIONS)  # the questions did meet Chinese passages


def test_a_chinese_sentence_is_cut_only_when_its_chinese_words_are_needed(untwinned: Settings) -> None:
    from assistant.answer import AnswerEngine
    from assistant.compose import sentences_of

    engine = AnswerEngine(untwinned)
    hits = engine.answer("Can a TFESI cause a post-dural puncture headache?").retrieved
    zh = [s for s in sentences_of(hits, engine.lexicon) if s.chunk.lang == "zh" and latin_tokens(s.text)]
    assert zh
    s = zh[0]
    words = set(latin_tokens(s.text) or ()) | {"headach"}
    assert s.shared(words) == words & set(tokenize(s.text, "zh")) and "_tokens" not in s.__dict__  # still uncut
    assert s.shared({"头痛"}) == {"头痛"} & s.tokens and "_tokens" in s.__dict__  # a Chinese word needs the cut
