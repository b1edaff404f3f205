"""Citation numbering, markers and references (assistant/citations.py) on hand-built passages."""

from assistant.chunking import chunk_document
from assistant.citations import Citer, cite, marker
from assistant.config import PROJECT_ROOT
from assistant.documents import load_corpus, load_corpus_file
from assistant.references import References
from assistant.types import Chunk, chunk_from_meta, chunk_to_meta

REFS = References({"Uppal2023": {"authors": "Uppal V", "title": "PDPH guideline", "year": 2023}})


def chunk(cid: str, origin: str = "bundled", sources: tuple[str, ...] = ("Uppal2023",)) -> Chunk:
    return Chunk(id=cid, doc_id=f"{cid}-en", ordinal=0, text=f"text of {cid}", lang="en", title="T", heading_path=("T", "S"),
                 section_ordinal=0, para_start=0, para_end=1, start=0, end=10, sources=sources, origin=origin)


def test_passages_are_numbered_in_order_of_first_use_and_keep_their_number():
    c = Citer(REFS)
    a, b = chunk("a"), chunk("b")
    assert [c.number(b), c.number(a), c.number(b)] == [1, 2, 1]
    assert [(x.n, x.chunk.id) for x in c.citations] == [(1, "b"), (2, "a")]
    assert c.citations[0].text == "text of b"
    assert c.citations[0].references == ("[Uppal2023] Uppal V. PDPH guideline. 2023.",)


def test_a_reserved_number_has_no_citation_and_is_not_reused():
    c = Citer(REFS)
    assert c.number(chunk("a")) == 1
    assert c.reserve() == 2
    assert c.number(chunk("b")) == 3
    assert [x.n for x in c.citations] == [1, 3]


def test_markers_name_the_users_own_documents_in_the_answer_language():
    assert marker(3, chunk("a"), "en") == "[3]"
    assert marker(3, chunk("u", origin="user"), "en") == "[3 · your document]"
    assert marker(3, chunk("u", origin="user"), "zh") == "[3 · 您的文档]"
    c = Citer(REFS)
    assert c.marker(chunk("a"), "en") == "[1]" and c.marker(chunk("u", origin="user"), "zh") == "[2 · 您的文档]"


def test_an_unknown_tag_is_cited_by_name():
    assert cite(1, chunk("a", sources=("Nobody1999",)), REFS).references == ("[Nobody1999]",)


# --- a citation lists the sources of the paragraphs it quotes, not every tag of a passage that packs several ----------

CORPUS = PROJECT_ROOT / "corpus"


def _real_chunks(name: str) -> list[Chunk]:
    return chunk_document(load_corpus_file(CORPUS / "en" / name))


def test_every_bundled_passage_records_the_tags_of_each_of_its_paragraphs():
    docs, _ = load_corpus(CORPUS)
    chunks = [c for d in docs for c in chunk_document(d)]
    packed = [c for c in chunks if c.breaks]
    assert len(packed) > 50  # short paragraphs of one section are packed together
    for c in chunks:
        assert len(c.par_sources) == len(c.breaks) + 1, c.id
        assert set(t for seg in c.par_sources for t in seg) == set(c.sources), c.id
    assert any(len({*c.par_sources}) > 1 for c in packed)  # paragraphs of one passage with different sources
    c = packed[0]
    assert chunk_from_meta(c.text, chunk_to_meta(c)) == c  # the store keeps them


def test_the_cement_leak_figure_is_cited_to_its_review_not_to_the_outbreak_case_packed_beside_it():
    chunk = next(c for c in _real_chunks("evidence-disagreements.md") if "39.3%" in c.text and "AWCLaw2014" in c.sources)
    sentence = next(s for s in chunk.text.split(". ") if "39.3%" in s)
    c = Citer(REFS)
    c.number(chunk, sentence)
    assert c.citations[0].sources == ("EurSpineJ2023-Cement",)
    assert c.citations[0].to_dict()["sources"] == ["EurSpineJ2023-Cement"]
    assert "AWCLaw2014" in c.citations[0].to_dict()["passage_sources"]
    assert len(c.citations[0].references) == 1
    c.number(chunk, chunk.text[chunk.breaks[0]:chunk.breaks[0] + 60])  # a second sentence quoted from the next paragraph
    assert c.citations[0].sources == ("EurSpineJ2023-Cement", *chunk.par_sources[1])


def test_a_passage_cited_without_its_sentence_or_with_one_not_found_in_it_lists_every_tag():
    chunk = next(c for c in _real_chunks("evidence-disagreements.md") if "39.3%" in c.text and "AWCLaw2014" in c.sources)
    for quoted in ("", "a sentence that is not in the passage"):
        c = Citer(REFS)
        c.number(chunk, quoted)
        assert c.citations[0].sources is None and c.citations[0].cited_sources == chunk.sources


def test_each_bullet_of_a_real_answer_is_cited_to_the_sources_of_its_own_paragraph(engine):
    narrowed = 0
    for q in ("What are the risk factors for epidural hematoma?", "How long to hold clopidogrel before a cervical TFESI?",
              "硬脊膜穿刺后头痛怎么处理？", "What is LAST and how is it treated?"):
        ans = engine.answer(q).to_dict()
        cites = {c["n"]: c for c in ans["citations"]}
        assert ans["bullets"], q
        for b in ans["bullets"]:
            c = cites[b["n"][0]]
            passage = engine.retriever.chunks[c["chunk_id"]]
            at = passage.text.find(b["text"][:40])
            assert at >= 0, (q, b["text"])
            assert set(passage.sources_of(at, at + 40)) <= set(c["sources"]) <= set(c["passage_sources"]), (q, b["text"])
            narrowed += set(c["sources"]) < set(c["passage_sources"])
    assert narrowed  # some bullet quotes one paragraph of a passage packing paragraphs with other sources
