"""The HTTP API on a real loopback socket (uvicorn in a thread), driven by the official `openai` client and plain httpx."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import httpx
import openai
import pytest
import uvicorn
from pydantic import SecretStr

from assistant.api import MAX_BODY_BYTES, MODEL_ID, create_app
from assistant.serving import MAX_QUESTION_CHARS, Service, answer_markdown

KEY = "test-key-4f1c"


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve app on a free 127.0.0.1 port in a thread; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def url(engine) -> Iterator[str]:  # type: ignore[no-untyped-def]
    settings = engine.settings.model_copy(update={"api_key": SecretStr(KEY)})
    with running(create_app(service=Service(settings, engine=_Recorder(engine)))) as base:
        yield base


class _Recorder:
    """The real engine, with a record of what each call received."""

    calls: list[tuple[str, list[str]]] = []

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def answer(self, question: str, history: Any = None, origins: Any = None) -> Any:
        self.calls.append((question, list(history or [])))
        return self._engine.answer(question, history=history, origins=origins)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)


@pytest.fixture(scope="module")
def client(url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key=KEY, max_retries=0, timeout=60)


def _user(q: str) -> dict[str, str]:
    return {"role": "user", "content": q}


def test_chat_completion_matches_the_engine_and_carries_the_structured_answer(client, engine):
    q = "How is post-dural puncture headache treated?"
    out = client.chat.completions.create(model=MODEL_ID, messages=[{"role": "system", "content": "be brief"}, _user(q)])
    direct = engine.answer(q)
    content = out.choices[0].message.content
    assert out.object == "chat.completion" and out.model == MODEL_ID and out.choices[0].finish_reason == "stop"
    assert content.startswith(direct.text.rstrip())  # the engine's text first, unchanged
    structured = out.model_extra["answer"]
    assert structured["answer"] == direct.text and not structured["abstained"] and not structured["urgent"]
    assert {"citations", "timings_ms", "lang"} <= set(structured)
    # every [n] in the body resolves to a line of the references block and to a structured citation
    body, refs = content.split("\n**References**\n")
    marks = {int(m) for m in re.findall(r"\[(\d+)\]", body)}
    assert marks and marks == {c["n"] for c in structured["citations"]}
    for c in structured["citations"]:
        assert f"- [{c['n']}] {c['title']} \u203a {c['section']}" in refs
    assert out.usage.total_tokens == out.usage.prompt_tokens + out.usage.completion_tokens > 0


def test_streaming_gives_the_same_text_and_the_answer_in_the_last_chunk(client):
    q = "局麻药全身毒性应该如何处理？"
    whole = client.chat.completions.create(model=MODEL_ID, messages=[_user(q)])
    chunks = list(client.chat.completions.create(model=MODEL_ID, messages=[_user(q)], stream=True,
                                                 stream_options={"include_usage": True}))
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content
    assert "**参考来源**" in text and len([c for c in chunks if c.choices and c.choices[0].delta.content]) > 1
    final = [c for c in chunks if c.choices and c.choices[0].finish_reason == "stop"]
    assert len(final) == 1 and final[0].model_extra["answer"]["lang"] == "zh"
    assert final[0].model_extra["answer"]["citations"]
    assert chunks[-1].usage is not None and not chunks[-1].choices
    assert len({c.id for c in chunks}) == 1


def test_earlier_user_messages_are_the_history(client, engine):
    first, follow = "What are the signs of local anaesthetic systemic toxicity?", "How is it treated?"
    messages = [_user(first), {"role": "assistant", "content": "Signs include ... [1]"}, _user(follow)]
    out = client.chat.completions.create(model=MODEL_ID, messages=messages)
    assert _Recorder.calls[-1] == (follow, [first])  # assistant turns are not questions
    assert out.model_extra["answer"]["answer"] == engine.answer(follow, [first]).text
    client.chat.completions.create(model=MODEL_ID, messages=[_user(follow)])
    assert _Recorder.calls[-1] == (follow, [])
    parts = [{"type": "text", "text": "What is LAST?"}]  # content as a list of text parts, as some clients send it
    client.chat.completions.create(model=MODEL_ID, messages=[{"role": "user", "content": parts}, _user(follow)])
    assert _Recorder.calls[-1] == (follow, ["What is LAST?"])


def test_emergency_and_out_of_scope_flags_travel_in_the_answer(client, engine):
    def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return {k: v for k, v in a.items() if k != "timings_ms"} == {k: v for k, v in b.items() if k != "timings_ms"}

    seizure = "My patient is seizing right after 20 mL of bupivacaine for a block. What now?"
    urgent = client.chat.completions.create(model=MODEL_ID, messages=[_user(seizure)])
    assert urgent.model_extra["answer"]["urgent"] and same(urgent.model_extra["answer"], engine.answer(seizure).to_dict())
    assert urgent.choices[0].message.content.startswith(urgent.model_extra["answer"]["answer"].rstrip())
    sourdough = "What is the best sourdough starter hydration?"
    off = client.chat.completions.create(model=MODEL_ID, messages=[_user(sourdough)])
    assert off.model_extra["answer"]["abstained"] and same(off.model_extra["answer"], engine.answer(sourdough).to_dict())
    assert off.choices[0].message.content == off.model_extra["answer"]["answer"].rstrip()  # no references block


def test_models_lists_the_one_model(client):
    assert [m.id for m in client.models.list()] == [MODEL_ID]
    assert client.models.retrieve(MODEL_ID).id == MODEL_ID
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4o")


@pytest.mark.parametrize(("messages", "fragment"), [
    ([], "messages"),
    ([{"role": "assistant", "content": "hello"}], "last message must be the user's question"),
    ([_user("x" * (MAX_QUESTION_CHARS + 1))], f"the limit is {MAX_QUESTION_CHARS}"),
    ([_user("   ")], "is empty"),
    ([{"role": "robot", "content": "hi"}], "messages.0.role"),
    ([{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:,"}}]}], "only text content"),
])
def test_bad_chat_requests_are_400_with_a_message(client, messages, fragment):
    with pytest.raises(openai.BadRequestError) as err:
        client.chat.completions.create(model=MODEL_ID, messages=messages)
    assert err.value.status_code == 400 and fragment in err.value.message


def test_wrong_or_missing_key_is_401(url):
    bad = openai.OpenAI(base_url=f"{url}/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as err:
        bad.chat.completions.create(model=MODEL_ID, messages=[_user("How is PDPH treated?")])
    assert "ASSISTANT_API_KEY" in err.value.message
    r = httpx.post(f"{url}/v1/answer", json={"question": "How is PDPH treated?"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer" and r.json()["error"]["code"] == "invalid_api_key"
    assert httpx.get(f"{url}/healthz").status_code == 200  # health stays open for probes


def test_answer_endpoint_is_the_answer_contract(url, engine):
    h = {"Authorization": f"Bearer {KEY}"}
    q = "How long should clopidogrel be stopped before a high-risk procedure?"
    r = httpx.post(f"{url}/v1/answer", headers=h, json={"question": q, "history": []}, timeout=60)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    d = r.json()
    assert d["answer"] == engine.answer(q).text and d["question"] == q
    assert {"question", "lang", "answer", "abstained", "urgent", "citations", "timings_ms"} <= set(d)
    turns = ["What is LAST?", {"role": "user", "content": "What are its signs?"}, {"role": "assistant", "content": "ignored"}]
    d2 = httpx.post(f"{url}/v1/answer", headers=h, json={"question": "How is it treated?", "history": turns}, timeout=60).json()
    assert _Recorder.calls[-1] == ("How is it treated?", ["What is LAST?", "What are its signs?"])
    assert d2["answer"] == engine.answer("How is it treated?", ["What is LAST?", "What are its signs?"]).text


def test_search_returns_ranked_passages_with_scores(url, engine):
    h = {"Authorization": f"Bearer {KEY}"}
    r = httpx.post(f"{url}/v1/search", headers=h, json={"query": "epidural blood patch", "k": 4}, timeout=60)
    d = r.json()
    assert r.status_code == 200 and d["k"] == 4 and d["lang"] == "en"
    res = d["results"]
    assert [p["rank"] for p in res] == [1, 2, 3, 4]
    assert all(a["score"] >= b["score"] for a, b in zip(res, res[1:]))
    assert [p["chunk_id"] for p in res] == [hit.chunk.id for hit in engine.retriever.search("epidural blood patch", "en", k=4)]
    assert res[0]["text"] and res[0]["references"] and "pdph" in res[0]["doc_id"]
    zh = httpx.post(f"{url}/v1/search", headers=h, json={"query": "硬膜外血補丁", "k": 2}, timeout=60).json()  # Traditional script
    assert zh["lang"] == "zh" and len(zh["results"]) == 2 and all(p["lang"] == "zh" for p in zh["results"])
    for body in ({"query": "x", "k": 0}, {"query": "x", "k": 51}, {"query": ""}, {"q": "x"}):
        bad = httpx.post(f"{url}/v1/search", headers=h, json=body)
        assert bad.status_code == 400 and bad.json()["error"]["message"], body


def test_body_and_json_errors_are_json_4xx(url):
    h = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
    big = httpx.post(f"{url}/v1/chat/completions", headers=h, content=b"x" * (MAX_BODY_BYTES + 1))
    assert big.status_code == 413 and "limit" in big.json()["error"]["message"]

    def chunked():  # no Content-Length: the limit is enforced while reading
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b" " * 65536

    assert httpx.post(f"{url}/v1/chat/completions", headers=h, content=chunked()).status_code == 413
    broken = httpx.post(f"{url}/v1/chat/completions", headers=h, content=b'{"messages": [')
    assert broken.status_code == 400 and broken.json()["error"]["type"] == "invalid_request_error"
    missing = httpx.get(f"{url}/v1/nothing-here", headers=h)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert httpx.get(f"{url}/v1/chat/completions", headers=h).status_code == 405


def test_health_and_openapi_docs(url, engine):
    health = httpx.get(f"{url}/healthz").json()
    assert health["status"] == "ok" and health["warm"]
    assert health["index"]["build"] == engine.retriever.manifest.build and health["index"]["chunks"] > 0
    spec = httpx.get(f"{url}/openapi.json").json()
    assert {"/v1/chat/completions", "/v1/models", "/v1/answer", "/v1/search", "/healthz"} <= set(spec["paths"])
    assert httpx.get(f"{url}/docs").status_code == 200


class _Broken:
    """An engine that fails the way a bug would."""

    def __init__(self, engine: Any) -> None:
        self.retriever = engine.retriever

    def answer(self, *a: Any, **kw: Any) -> Any:
        raise RuntimeError("secret internal detail /etc/passwd")


def test_no_traceback_reaches_the_client_and_no_key_means_open(engine):
    with running(create_app(service=Service(engine.settings, engine=_Broken(engine)), warm=False)) as base:
        r = httpx.post(f"{base}/v1/answer", json={"question": "How is PDPH treated?"})  # no key configured: open
        assert r.status_code == 500
        text = r.text
        assert "Traceback" not in text and "secret" not in text and "RuntimeError" not in text
        assert r.json()["error"]["type"] == "server_error" and "reference" in r.json()["error"]["message"]
        c = openai.OpenAI(base_url=f"{base}/v1", api_key="anything", max_retries=0)
        with pytest.raises(openai.InternalServerError):
            c.chat.completions.create(model=MODEL_ID, messages=[_user("How is PDPH treated?")], stream=True)
        assert [m.id for m in c.models.list()] == [MODEL_ID]


@pytest.mark.slow
def test_concurrent_clients_get_the_same_answers_as_serial_calls(url, engine):
    questions = ["How is post-dural puncture headache treated?", "局麻药全身毒性应该如何处理？",
                 "How long should clopidogrel be stopped before a high-risk procedure?", "鞘内药物输注系统有哪些风险？"]
    expected = {q: engine.answer(q).text for q in questions}
    h = {"Authorization": f"Bearer {KEY}"}

    def worker(i: int) -> list[tuple[str, int, str]]:
        out = []
        with httpx.Client(base_url=url, headers=h, timeout=120) as http:
            for j in range(12):
                q = questions[(i + j) % len(questions)]
                r = http.post("/v1/answer", json={"question": q})
                out.append((q, r.status_code, r.json().get("answer", "")))
        return out

    with ThreadPoolExecutor(8) as pool:
        results = [x for chunk in pool.map(worker, range(8)) for x in chunk]
    assert len(results) == 96
    assert all(status == 200 and text == expected[q] for q, status, text in results)


def test_markdown_rendering_tolerates_new_contract_fields():
    d = {"answer": "A [1].\n\nDisclaimer.", "lang": "en", "verdict": "partial", "parts": [{"x": 1}],
         "citations": [{"n": 1, "title": "T", "section": "S", "page": 3, "references": ["[R1] Ref one"], "extra": True}]}
    md = answer_markdown(d)
    assert md.startswith("A [1].") and md.endswith("- [1] T \u203a S, p. 3 \u2014 [R1] Ref one")
    assert answer_markdown({"answer": "Nothing.", "citations": []}) == "Nothing."
    assert json.dumps(d)  # unchanged input
