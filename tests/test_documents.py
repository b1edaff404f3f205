import hashlib
from pathlib import Path

import pytest
from pypdf import PdfWriter

from assistant.chunking import MAX_SENTENCE_CHARS, chunk_document, max_chunk_chars
from assistant.config import PROJECT_ROOT
from assistant.documents import MAX_TITLE_CHARS, load_corpus_file, load_user_file
from assistant.errors import DocumentError
from assistant.text import split_tags


def _text_pdf(path: Path, pages: list[str]) -> Path:
    """A minimal valid PDF with one text line per page (built by hand: pypdf cannot typeset)."""
    objs: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        objs.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def test_bundled_document_parses_with_sections_tags_and_offsets():
    doc = load_corpus_file(PROJECT_ROOT / "corpus" / "en" / "pdph.md")
    assert doc.id == "pdph-en" and doc.twin == "pdph-zh" and doc.lang == "en"
    assert [s.path[1] for s in doc.sections][:2] == ["Overview", "Overview"] or doc.sections[0].path[1] == "Overview"
    for s in doc.sections:
        for p in s.paragraphs:
            assert p.tags, p.text
            assert doc.text[p.start:p.end].split()[0] in p.text


def test_chunks_stay_under_one_heading_and_point_into_the_text():
    for lang in ("en", "zh"):
        doc = load_corpus_file(PROJECT_ROOT / "corpus" / lang / "last.md")
        chunks = chunk_document(doc, max_words=60)
        assert len({c.id for c in chunks}) == len(chunks)
        for c in chunks:
            assert c.sources and c.heading_path[0] == doc.title and len(c.heading_path) >= 2
            first = c.text[:6]
            assert first in doc.text[c.start:c.end], (c.text, doc.text[c.start:c.end])
        assert chunk_document(doc, max_words=60)[3].id == chunks[3].id  # content-hash ids are stable


def test_chunks_record_where_each_of_their_paragraphs_begins():
    for lang in ("en", "zh"):
        doc = load_corpus_file(PROJECT_ROOT / "corpus" / lang / "pdph.md")
        paragraphs = {split_tags(p.text)[0] for s in doc.sections for p in s.paragraphs}
        chunks = chunk_document(doc)
        assert any(c.breaks for c in chunks)
        for c in chunks:
            starts = (0, *c.breaks)
            ends = (*(b - (lang == "en") for b in c.breaks), len(c.text))  # English paragraphs are joined by a space
            assert all(c.text[a:b] in paragraphs for a, b in zip(starts, ends)), (lang, c.text)


def test_front_matter_problems_name_the_file(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("# no front matter\n\ntext", encoding="utf-8")
    with pytest.raises(DocumentError, match="bad.md: missing YAML front matter"):
        load_corpus_file(bad)
    bad.write_text("---\nid: [unclosed\n---\n# T\n\n## A\n\ntext\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="not valid YAML"):
        load_corpus_file(bad)


def test_user_text_markdown_and_html(tmp_path):
    txt = tmp_path / "note.txt"
    txt.write_text("Caudal notes\n\nThe caudal route was used.\n\nNo complications.", encoding="utf-8")
    doc = load_user_file(txt)
    assert doc.title == "Caudal notes" and doc.lang == "en" and doc.origin == "user"
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>硬膜外</title><script>x=1</script></head><body><h2>处理</h2><p>硬膜外血补丁是确定性治疗。</p></body></html>",
                    encoding="utf-8")
    hdoc = load_user_file(html)
    assert hdoc.lang == "zh" and hdoc.title == "硬膜外" and "x=1" not in hdoc.text
    assert hdoc.sections[0].heading == "处理"


def test_pdf_keeps_page_numbers(tmp_path):
    pdf = _text_pdf(tmp_path / "review.pdf", ["Epidural blood patch treats PDPH.", "Lipid emulsion treats LAST."])
    doc = load_user_file(pdf)
    pages = [p.page for s in doc.sections for p in s.paragraphs]
    assert pages == [1, 2]
    assert chunk_document(doc)[1].page == 2


def test_unreadable_files_are_refused_with_the_reason(tmp_path):
    blank = tmp_path / "scan.pdf"
    w = PdfWriter()
    w.add_blank_page(width=612, height=792)
    with open(blank, "wb") as fh:
        w.write(fh)
    with pytest.raises(DocumentError, match="image-only PDF"):
        load_user_file(blank)
    enc = tmp_path / "locked.pdf"
    w2 = PdfWriter(clone_from=str(_text_pdf(tmp_path / "plain.pdf", ["secret"])))
    w2.encrypt(user_password="pw", owner_password="owner", algorithm="RC4-128")
    with open(enc, "wb") as fh:
        w2.write(fh)
    with pytest.raises(DocumentError, match="encrypted PDF"):
        load_user_file(enc)
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(DocumentError, match="binary file"):
        load_user_file(binary)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("caf\xe9 na\xefve \xff\xfe".encode("latin-1"))
    with pytest.raises(DocumentError, match="cannot decode"):
        load_user_file(latin)
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError, match="empty file"):
        load_user_file(empty)
    with pytest.raises(DocumentError, match="unsupported type"):
        load_user_file(tmp_path / "x.docx")


# --- hostile files: printable names, bounded pieces (issue 17) -------------------------------------------------------
ESCAPES = ("\x1b", "\x07", "\x9b", "\u202e", "\u200b")


def _printable(text: str) -> bool:
    return not any(ch in text for ch in ESCAPES) and "\n" not in text


def test_control_characters_are_stripped_from_titles_headings_and_file_names(tmp_path):
    html = tmp_path / "page.html"
    html.write_text("<html><head><title>\x1b]0;owned\x07Caudal \x1b[2Jprotocol\u202e</title></head>"
                    "<body><h2>Se\x9b31mdation\u200b</h2><p>Capnography for every sedated caudal.</p></body></html>", encoding="utf-8")
    doc = load_user_file(html)
    assert doc.title == "]0;owned Caudal [2Jprotocol" and _printable(doc.title)
    assert all(_printable(h) for s in doc.sections for h in (s.heading, *s.path)) and doc.sections[0].heading == "Se31mdation"
    md = tmp_path / "notes.md"
    md.write_text("# Ward \x9b2J notes\n\n## Dose\u202e\n\nLipid \x1b[31memulsion\x9b text.\n", encoding="utf-8")
    mdoc = load_user_file(md)
    assert _printable(mdoc.title) and all(_printable(h) for s in mdoc.sections for h in s.path)
    assert not any(ch in mdoc.text for ch in ESCAPES)  # body text too: it is quoted in answers
    assert all(_printable(c.title) and all(_printable(h) for h in c.heading_path) for c in chunk_document(mdoc))
    pdf = tmp_path / "review.pdf"
    w = PdfWriter(clone_from=str(_text_pdf(tmp_path / "plain.pdf", ["Epidural blood patch treats PDPH."])))
    w.add_metadata({"/Title": "Review\x1b]0;pwn\x07\x1b[2J of PDPH"})
    with open(pdf, "wb") as fh:
        w.write(fh)
    pdoc = load_user_file(pdf)
    assert pdoc.title == "Review ]0;pwn [2J of PDPH" and all(_printable(h) for s in pdoc.sections for h in s.path)
    evil = tmp_path / "evil\x1b[2J\nname.docx"
    evil.write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_user_file(evil)
    assert _printable(str(err.value)) and str(err.value).startswith("evil [2J name.docx: unsupported type")
    long_title = tmp_path / "long.md"
    long_title.write_text("# " + "T" * 100_000 + "\n\n## " + "H" * 100_000 + "\n\nBody text.\n", encoding="utf-8")
    ldoc = load_user_file(long_title)
    assert len(ldoc.title) <= MAX_TITLE_CHARS and all(len(h) <= MAX_TITLE_CHARS for s in ldoc.sections for h in s.path)


@pytest.mark.slow  # megabyte inputs, and every bundled sentence
def test_long_lines_are_split_and_no_chunk_or_sentence_grows_past_the_caps(tmp_path):
    cap = max_chunk_chars(110)
    no_spaces = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(20_000))  # 1.3 MB, one "word"
    chinese = "".join(chr(0x4E00 + (i * 7) % 20_000) for i in range(300_000))  # no punctuation at all
    for body in (" ".join(f"word{i}" for i in range(200_000)), no_spaces, chinese, " ".join(no_spaces[k * 3000:(k + 1) * 3000] for k in range(100))):
        path = tmp_path / "long.md"
        path.write_text("# Long\n\n## Part\n\n" + body + "\n", encoding="utf-8")
        doc = load_user_file(path)
        chunks = chunk_document(doc)
        assert max(len(c.text) for c in chunks) <= cap, body[:10]
        assert sum(len(c.text) for c in chunks) >= len(body.strip()) * 0.95  # split, not dropped
        for c in chunks[:50]:  # every piece points into the document and stays under the sentence cap per sentence
            assert c.text[:20] in doc.text[c.start:c.end]
    # ordinary prose is untouched: in the bundled corpus no sentence reaches the cap, so chunking is as before
    from assistant.text import sentence_spans, split_tags

    for lang in ("en", "zh"):
        for path in sorted((PROJECT_ROOT / "corpus" / lang).glob("*.md")):
            doc = load_corpus_file(path)
            for s in doc.sections:
                for p in s.paragraphs:
                    body, _ = split_tags(p.text)
                    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in sentence_spans(body)), path.name
            assert max(len(c.text) for c in chunk_document(doc)) <= cap


def test_a_document_over_the_chunk_cap_is_refused_by_name(tmp_path):
    from assistant.config import Settings
    from assistant.indexing import ingest

    s = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", data_dir=tmp_path / "data", embedder="hash",
                 max_chunks_per_document=20)
    big = tmp_path / "textbook.md"
    big.write_text("# Textbook\n\n" + "\n\n".join(f"## Chapter {i}\n\nChapter {i} text." for i in range(25)), encoding="utf-8")
    ok = tmp_path / "leaflet.md"
    ok.write_text("# Leaflet\n\n## Before\n\nDo not eat for six hours.\n", encoding="utf-8")
    report = ingest(s, [big, ok], build=False)
    assert [p for p, _ in report.added] == [str(ok)]
    assert report.failed == ["textbook.md: 25 passages is over the limit of 20 per document; split the file into smaller ones "
                             "(or raise ASSISTANT_MAX_CHUNKS_PER_DOCUMENT)"]
    huge = tmp_path / "dump.txt"
    huge.write_text("word " * 2_000_000, encoding="utf-8")  # 10 MB: refused before chunking it
    assert "far more than 20 passages" in ingest(s, [huge], build=False).failed[0]
