"""What the HTTP layer adds over `AnswerEngine.answer`, and whether concurrent clients are served without errors.

Run from the project root (the server is `assistant serve` in a subprocess, with this environment's settings):
    .venv/bin/python benchmarks/api_overhead.py [--n 60] [--clients 8] [--requests 100] [--set eval/sets/dev.jsonl] [--json]

Figures (goals in brackets):
  (a) per request, POST /v1/answer: client round trip minus the engine's own `timings_ms.total` for that same request,
      p50 / p95  [p50 <= 5 ms]
  (b) the same for POST /v1/chat/completions (Markdown rendering and the OpenAI envelope included)
  (c) the floor: GET /v1/models round trip (no engine, no worker thread), p50
  (d) --clients concurrent clients x --requests requests each, rotating /v1/answer, /v1/chat/completions and its
      streaming form: errors [0], throughput, latency p50 / p95
  (e) in the app alone: the ASGI app called in this process (no socket, no client) with an engine that returns a
      precomputed real answer at once: routing, validation, worker thread, Markdown and JSON, p50
The load average is printed with the figures: on a busy machine every figure grows with scheduling delays.
(a) subtracts the engine time of the same request, measured inside the server. Subtracting a direct call made in this
process instead is not usable on a shared 2-CPU machine: two processes running the OpenMP embedder at once slowed the
direct calls by seconds, swamping the milliseconds measured here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.benchsets import load_sets  # noqa: E402
from assistant.config import load_settings  # noqa: E402
from assistant.llm import engine_from_settings  # noqa: E402


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (same rule as `assistant eval`)."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))] if s else 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, log: Any) -> subprocess.Popen[bytes]:
    """`assistant serve` on loopback; returns once /healthz answers."""
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"`assistant serve` exited with {proc.returncode}; see {log.name}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    proc.kill()
    raise SystemExit("server did not start in 600 s")


def ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def overhead(http: httpx.Client, questions: list[tuple[str, list[str]]]) -> dict[str, list[float]]:
    """Per-request HTTP overhead on both endpoints, and the floor."""
    out: dict[str, list[float]] = {"answer": [], "chat": [], "engine_ms": [], "floor": []}
    for q, hist in questions:  # warm-up pass, not measured
        http.post("/v1/answer", json={"question": q, "history": hist}).raise_for_status()
    for q, hist in questions:
        t0 = time.perf_counter()
        http.get("/v1/models").raise_for_status()
        out["floor"].append(ms(t0))
        t0 = time.perf_counter()
        r = http.post("/v1/answer", json={"question": q, "history": hist})
        rt = ms(t0)
        r.raise_for_status()
        server_total = float(r.json()["timings_ms"]["total"])
        out["answer"].append(rt - server_total)
        out["engine_ms"].append(server_total)
        msgs = [{"role": "user", "content": h} for h in hist] + [{"role": "user", "content": q}]
        t0 = time.perf_counter()
        c = http.post("/v1/chat/completions", json={"model": "pain-safety-assistant", "messages": msgs})
        rt = ms(t0)
        c.raise_for_status()
        out["chat"].append(rt - float(c.json()["answer"]["timings_ms"]["total"]))
    return out


def in_app(engine: Any, question: str, n: int = 300) -> dict[str, float]:
    """(e): per-request time inside the ASGI app for both endpoints, with an engine that answers instantly."""
    import asyncio

    from assistant.api import create_app
    from assistant.serving import Service

    class Instant:
        def __init__(self) -> None:
            self.answer_ = engine.answer(question)
            self.retriever = engine.retriever

        def answer(self, *a: Any, **kw: Any) -> Any:
            return self.answer_

    app = create_app(service=Service(engine.settings, engine=Instant()), warm=False)

    async def call(path: str, payload: bytes) -> None:
        messages = [{"type": "http.request", "body": payload, "more_body": False}]

        async def receive() -> dict[str, Any]:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def send(_: Any) -> None:
            return None

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "path": path,
                 "raw_path": path.encode(), "query_string": b"", "root_path": "", "scheme": "http", "state": {},
                 "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
                 "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        await app(scope, receive, send)

    async def run() -> dict[str, float]:
        out = {}
        for name, path, body in (("answer", "/v1/answer", {"question": question}),
                                 ("chat", "/v1/chat/completions", {"messages": [{"role": "user", "content": question}]})):
            payload = json.dumps(body).encode()
            times = []
            for _ in range(n):
                t0 = time.perf_counter()
                await call(path, payload)
                times.append(ms(t0))
            out[name] = round(pct(times, 50), 3)
        return out

    return asyncio.run(run())


def one_request(http: httpx.Client, kind: int, q: str, hist: list[str]) -> bool:
    """One request of the rotation; True when it succeeded completely."""
    msgs = [{"role": "user", "content": h} for h in hist] + [{"role": "user", "content": q}]
    if kind == 0:
        r = http.post("/v1/answer", json={"question": q, "history": hist})
        return r.status_code == 200 and "answer" in r.json()
    if kind == 1:
        r = http.post("/v1/chat/completions", json={"model": "m", "messages": msgs})
        return r.status_code == 200 and bool(r.json()["choices"][0]["message"]["content"])
    with http.stream("POST", "/v1/chat/completions", json={"model": "m", "messages": msgs, "stream": True}) as s:
        body = "".join(s.iter_text())
        return s.status_code == 200 and body.rstrip().endswith("data: [DONE]")


def concurrent(base: str, questions: list[tuple[str, list[str]]], clients: int, requests: int) -> dict[str, Any]:
    """`clients` threads, each with its own keep-alive connection, `requests` requests each."""

    def client(i: int) -> tuple[int, list[float]]:
        errors, lat = 0, []
        with httpx.Client(base_url=base, timeout=300) as http:
            for j in range(requests):
                q, hist = questions[(i * 7 + j) % len(questions)]
                t0 = time.perf_counter()
                try:
                    ok = one_request(http, (i + j) % 3, q, hist)
                except httpx.HTTPError:
                    ok = False
                lat.append(ms(t0))
                errors += not ok
        return errors, lat

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(client, range(clients)))
    wall = time.perf_counter() - t0
    lat = [x for _, ls in results for x in ls]
    return {"clients": clients, "requests": clients * requests, "errors": sum(e for e, _ in results),
            "wall_s": round(wall, 2), "throughput_rps": round(clients * requests / wall, 2),
            "latency_p50_ms": round(pct(lat, 50), 1), "latency_p95_ms": round(pct(lat, 95), 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=Path, default=ROOT / "eval" / "sets" / "dev.jsonl")
    ap.add_argument("--n", type=int, default=60, help="questions for the overhead figures")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=100, help="requests per client")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()

    load_start = os.getloadavg()[0]
    items = load_sets([args.set])[: args.n]
    questions = [(it.question, list(it.history)) for it in items]
    engine = engine_from_settings(load_settings())
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.NamedTemporaryFile("w+", prefix="api-overhead-", suffix=".log", delete=False) as log:
        proc = start_server(port, log)
        try:
            with httpx.Client(base_url=base, timeout=300) as http:
                ov = overhead(http, questions)
            conc = concurrent(base, questions, args.clients, args.requests)
        finally:
            proc.terminate()
            proc.wait(30)
    figures = {
        "questions": len(questions),
        "engine_p50_ms": round(pct(ov["engine_ms"], 50), 2),
        "answer_overhead_p50_ms": round(pct(ov["answer"], 50), 2), "answer_overhead_p95_ms": round(pct(ov["answer"], 95), 2),
        "chat_overhead_p50_ms": round(pct(ov["chat"], 50), 2), "chat_overhead_p95_ms": round(pct(ov["chat"], 95), 2),
        "floor_models_p50_ms": round(pct(ov["floor"], 50), 2),
        "in_app_p50_ms": in_app(engine, questions[0][0]),
        "load_average_1m": [round(load_start, 2), round(os.getloadavg()[0], 2)], "cpus": os.cpu_count(),
        "goal_overhead_p50_ms": 5.0,
        "concurrent": conc,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"questions: {len(questions)} from {args.set.name}; engine time per answer p50 {figures['engine_p50_ms']} ms")
        print(f"(a) /v1/answer overhead            p50 {figures['answer_overhead_p50_ms']:7.2f} ms   p95 {figures['answer_overhead_p95_ms']:7.2f} ms   [p50 <= 5 ms]")
        print(f"(b) /v1/chat/completions overhead  p50 {figures['chat_overhead_p50_ms']:7.2f} ms   p95 {figures['chat_overhead_p95_ms']:7.2f} ms")
        print(f"(c) floor: GET /v1/models          p50 {figures['floor_models_p50_ms']:7.2f} ms")
        print(f"(d) {conc['clients']} clients x {args.requests} requests: {conc['errors']} errors, {conc['throughput_rps']} req/s, "
              f"latency p50 {conc['latency_p50_ms']} ms, p95 {conc['latency_p95_ms']} ms, {conc['wall_s']} s  [0 errors]")
        print(f"(e) in the app alone               answer p50 {figures['in_app_p50_ms']['answer']:.3f} ms, "
              f"chat p50 {figures['in_app_p50_ms']['chat']:.3f} ms")
        print(f"load average {figures['load_average_1m'][0]} at the start, {figures['load_average_1m'][1]} at the end, "
              f"on {figures['cpus']} CPUs")
    ok = figures["answer_overhead_p50_ms"] <= 5.0 and conc["errors"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
