"""Citation numbering, markers and references (assistant/citations.py) on hand-built passages."""

from assistant.citations import Citer, cite, marker
from assistant.references import References
from assistant.types import Chunk

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
