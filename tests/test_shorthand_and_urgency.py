"""Round 80 (a fellow's questions between cases, typed in shorthand): another neuraxial procedure's haematoma estimate
is no ESI's; a study's size is no count of the complication; a Chinese term hidden by another procedure's keeps no
concept of its own."""

from __future__ import annotations

import pytest

from assistant.answer import AnswerEngine
from assistant.compose import _COUNT
from assistant.lexicon import load_lexicon


@pytest.fixture(scope="module")
def shorthand(tmp_path_factory, copy_corpus, settings_at):  # type: ignore[no-untyped-def]
    from assistant.indexing import build_index

    root = tmp_path_factory.mktemp("shorthand-index")
    copy_corpus(root / "corpus", ("anticoagulants", "spinal-haematoma", "esi-general", "esi-transforaminal", "vertebral-augmentation",
                                  "radiation-contrast", "last"))
    s = settings_at(root, embedder="hash")
    build_index(s, progress=False)
    return AnswerEngine(s)


@pytest.mark.parametrize("question", ["Incidence of epidural hematoma after ESI?", "硬膜外类固醇注射后硬膜外血肿的发生率？"])
def test_epidural_anaesthesias_haematoma_estimate_does_not_lead_an_esi_answer(shorthand, question):
    ans = shorthand.answer(question)
    first = ans.bullets[0]["text"]
    assert not any(k in first for k in ("190,000", "200,000", "epidural anaesthesia", "硬膜外麻醉", "产科")), ans.text
    assert any(k in first for k in ("ESI", "epidural steroid injection", "硬膜外类固醇注射")), ans.text
    assert ans.bullets[0]["group"] == "complications", ans.text  # (not decompression's "647 例" review size)


def test_a_term_hidden_by_an_unrelated_procedures_term_names_nothing():
    lx = load_lexicon()
    found = {(m.surface, m.concept) for m in lx.match("瑞典产科硬膜外阻滞约为 1/200,000")}
    assert ("产科硬膜外", "labour-epidural") in found and not any(c == "esi" for _, c in found), found
    # (a narrower procedure's term keeps its broader one's free part: 经椎间孔硬膜外阻滞 is an ESI)
    assert ("阻滞", "esi") in {(m.surface, m.concept) for m in lx.match("胸椎经椎间孔硬膜外阻滞的穿刺针")}


@pytest.mark.parametrize(("text", "counts"), [("一项 647 例椎管内病例的综述显示，超过 12 小时才减压者预后更差", False),
                                              ("在 647 例病例的综述中，保守治疗主要在这两类患者中取得成功", False),
                                              ("第 48 天时 14 例中有 5 例反应减弱", True), ("296 次阻滞中发生 1 例气胸", True)])
def test_a_studys_size_is_no_count(text, counts):
    assert bool(_COUNT.search(text)) is counts
