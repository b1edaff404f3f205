"""Latency, build time, cold start and memory of the default answer path, against the current index.

Run from the project root:  .venv/bin/python benchmarks/latency.py [--quick] [--set eval/sets/dev.jsonl]

Figures (goals in brackets):
  (a) warm `AnswerEngine.answer` latency p50/p95 over the set's questions, after one warm-up pass
  (b) the floor: the embedder's query time plus an exact numpy top-k over the same vectors  [warm query <= 3x floor]
  (c) full build (--force) of the bundled corpus into a temporary index vs raw embedding of the same chunks  [<= 1.3x]
  (d) no-change rebuild into the same temporary index  [<= 2 s]
  (e) cold `python -m assistant ask --json ...`, mean of 3 runs  [<= 2 s]
  (f) peak RSS of those subprocesses and of this process  [default path <= 600 MB]
--quick skips (c) and (d).
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answer import AnswerEngine  # noqa: E402
from assistant.benchsets import Item, load_sets  # noqa: E402
from assistant.chunking import chunk_documents  # noqa: E402
from assistant.config import Settings, load_settings  # noqa: E402
from assistant.embeddings import Embedder, Kind  # noqa: E402
from assistant.indexing import all_documents, build_index  # noqa: E402

ASK = [sys.executable, "-m", "assistant", "ask", "--json", "How is PDPH treated?"]


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (same rule as `assistant eval`)."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))] if s else 0.0


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def cold_ask(runs: int = 3) -> tuple[list[float], float]:
    """Wall times (s) of cold `assistant ask` subprocesses and their peak RSS (MB)."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(ASK, cwd=ROOT, capture_output=True, text=True, timeout=300)
        times.append(time.perf_counter() - t0)
        if out.returncode != 0:
            raise SystemExit(f"`assistant ask` failed ({out.returncode}): {out.stderr.strip()}")
    return times, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def query_latency(engine: AnswerEngine, items: list[Item]) -> tuple[list[float], list[float]]:
    """Warm answer latency and the floor (query embedding + exact numpy top-k), per question, interleaved."""
    ret = engine.retriever
    ids = list(ret.chunks)
    vecs = ret.collection.vectors(ids)
    matrix = np.stack([vecs[i] for i in ids])
    masks = {lg: np.array([ret.chunks[i].lang == lg for i in ids]) for lg in ("en", "zh")}
    k = engine.settings.candidates
    for it in items:  # warm-up pass, not measured
        engine.answer(it.question, list(it.history))
    answer_ms, floor_ms = [], []
    for it in items:
        t0 = time.perf_counter()
        engine.answer(it.question, list(it.history))
        answer_ms.append(ms(t0))
        text = engine.frame(it.question, list(it.history)).retrieval_text
        t0 = time.perf_counter()
        q = ret.embedder.embed_query(text)
        scores = matrix @ q
        for mask in masks.values():  # both languages, as the default (cross-language) path does
            sub = np.where(mask, scores, -np.inf)
            top = np.argpartition(-sub, min(k, len(sub) - 1))[:k]
            _ = [ids[j] for j in top[np.argsort(-sub[top])]]
        floor_ms.append(ms(t0))
    return answer_ms, floor_ms


class TimedEmbedder(Embedder):
    """Delegates to another embedder and adds up the time spent embedding (the build's own embedding time)."""

    def __init__(self, inner: Embedder) -> None:
        super().__init__()
        self.inner, self.id, self.dim, self.seconds = inner, inner.id, inner.dim, 0.0

    def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
        t0 = time.perf_counter()
        out = self.inner._embed(texts, kind)
        self.seconds += time.perf_counter() - t0
        return out


def build_times(settings: Settings, engine: AnswerEngine) -> dict[str, float]:
    """Forced build into a temporary index, raw embedding of the same chunks, then a no-change rebuild (seconds)."""
    emb = engine.retriever.embedder
    timed = TimedEmbedder(emb)
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        s = Settings(**{**settings.model_dump(), "index_dir": Path(tmp)})
        t0 = time.perf_counter()
        rep = build_index(s, force=True, progress=False, embedder=timed)
        out["build"] = time.perf_counter() - t0
        out["in_build_embed"] = timed.seconds
        out["chunks"] = rep.chunks
        docs, _ = all_documents(s)
        texts = [c.text for c in chunk_documents(docs, s.chunk_max_words, s.chunk_overlap_sentences)]
        t0 = time.perf_counter()
        emb.embed(texts, "passage", s.embed_batch_size)
        out["embed"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = build_index(s, progress=False, embedder=emb)
        out["rebuild"] = time.perf_counter() - t0
        if not again.up_to_date:
            print("warning: the second build was not a no-op", file=sys.stderr)
    return out


def verdict(ok: bool) -> str:
    return "pass" if ok else "**fail**"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip the index build figures (c) and (d)")
    ap.add_argument("--set", type=Path, default=ROOT / "eval" / "sets" / "dev.jsonl", help="questions to time")
    args = ap.parse_args()
    load0 = os.getloadavg()[0]

    print("(e) cold ask ...", file=sys.stderr)
    cold, child_rss = cold_ask()

    print("(a, b) warm queries ...", file=sys.stderr)
    settings = load_settings()
    t0 = time.perf_counter()
    engine = AnswerEngine(settings)
    load_s = time.perf_counter() - t0
    items = load_sets([args.set])
    answer_ms, floor_ms = query_latency(engine, items)
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    builds: dict[str, float] = {}
    if not args.quick:
        print("(c, d) builds ...", file=sys.stderr)
        builds = build_times(settings, engine)
    load1 = os.getloadavg()[0]

    a50, a95, f50, f95 = pct(answer_ms, 50), pct(answer_ms, 95), pct(floor_ms, 50), pct(floor_ms, 95)
    rows = [
        ("(a) warm answer latency p50 / p95", f"{a50:.0f} / {a95:.0f} ms", "", ""),
        ("(b) floor (embed query + numpy top-k) p50 / p95", f"{f50:.0f} / {f95:.0f} ms", "", ""),
        ("(a/b) answer / floor, p50 (p95)", f"{a50 / f50:.2f}x ({a95 / f95:.2f}x)", "<= 3x", verdict(a50 <= 3 * f50 and a95 <= 3 * f95)),
    ]
    if builds:
        ratio = builds["build"] / builds["embed"]
        rows += [
            (f"(c) build --force, {builds['chunks']:.0f} chunks", f"{builds['build']:.1f} s", "", ""),
            ("(c) raw embedding of the same chunks", f"{builds['embed']:.1f} s", "", ""),
            ("(c) build / raw embedding", f"{ratio:.2f}x", "<= 1.3x", verdict(ratio <= 1.3)),
            ("(c) of which embedding inside the build; build / that", f"{builds['in_build_embed']:.1f} s; "
             f"{builds['build'] / builds['in_build_embed']:.2f}x (non-embedding work {builds['build'] - builds['in_build_embed']:.1f} s)",
             "<= 1.3x", verdict(builds["build"] <= 1.3 * builds["in_build_embed"])),
            ("(d) no-change rebuild", f"{builds['rebuild']:.2f} s", "<= 2 s", verdict(builds["rebuild"] <= 2)),
        ]
    mean_cold = sum(cold) / len(cold)
    rows += [
        ("(e) cold `assistant ask --json` (mean of 3)", f"{mean_cold:.2f} s (min {min(cold):.2f}, max {max(cold):.2f})", "<= 2 s",
         verdict(mean_cold <= 2)),
        ("(f) peak RSS, `assistant ask` subprocess", f"{child_rss:.0f} MB", "<= 600 MB", verdict(child_rss <= 600)),
        ("(f) peak RSS, this process after warm queries", f"{self_rss:.0f} MB", "<= 600 MB", verdict(self_rss <= 600)),
    ]
    if builds:
        rows.append(("(f) peak RSS, this process incl. build", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", "", ""))

    print(f"\n{len(items)} questions from {args.set.relative_to(ROOT) if args.set.is_relative_to(ROOT) else args.set}; "
          f"engine load {load_s:.2f} s; embedder {settings.embedder_id()}; retrieval {settings.retrieval_mode}; "
          f"load average {load0:.2f} at start, {load1:.2f} at end\n")
    print("| figure | value | goal | result |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
