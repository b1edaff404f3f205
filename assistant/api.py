"""HTTP API (FastAPI): OpenAI-compatible chat completions and models, the answer contract, ranked search, health.

The only module that imports FastAPI. Every error reaches the client as JSON in OpenAI's shape
(`{"error": {"message", "type", "code", "param"}}`), never as a traceback. `assistant serve` runs it with uvicorn."""

from __future__ import annotations

import hmac
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any, Literal

import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from .config import Settings, load_settings
from .errors import AssistantError, ConfigError, InputError
from .serving import MAX_HISTORY_TURNS, MAX_QUESTION_CHARS, MAX_SEARCH_K, Service, answer_markdown, check_text
from .types import Answer

MODEL_ID = "pain-safety-assistant"
MAX_BODY_BYTES = 1_000_000
MAX_MESSAGES = 2 * MAX_HISTORY_TURNS + 20
log = logging.getLogger("assistant.api")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


# --- request bodies -----------------------------------------------------------------------------
class ContentPart(BaseModel):
    """One part of a message's content (only text parts are read)."""

    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    """An OpenAI chat message; only user messages are read (earlier ones become the history)."""

    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None


class StreamOptions(BaseModel):
    """OpenAI `stream_options`."""

    model_config = ConfigDict(extra="allow")
    include_usage: bool = False


class ChatRequest(BaseModel):
    """OpenAI chat completion request. Sampling options (temperature, ...) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(MODEL_ID, description=f"Any name is accepted; replies name `{MODEL_ID}`.")
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES,
                                        description="The whole conversation; the last message is the user's question.")
    stream: bool = False
    stream_options: StreamOptions | None = None
    n: int = Field(1, description="Only 1 is supported.")


class HistoryTurn(BaseModel):
    """An earlier turn as {role, content}; only user turns are used."""

    role: str = "user"
    content: str


class AnswerRequest(BaseModel):
    """`POST /v1/answer`: the same input as `assistant ask --jsonl`."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(description=f"The question, at most {MAX_QUESTION_CHARS} characters.")
    history: list[str | HistoryTurn] = Field(default_factory=list, description="Earlier user questions, oldest first.")
    origins: list[Literal["bundled", "user"]] | None = Field(None, description="Search only these document origins.")


class SearchRequest(BaseModel):
    """`POST /v1/search`: ranked passages for a query."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(description=f"Search text, at most {MAX_QUESTION_CHARS} characters.")
    k: int | None = Field(None, ge=1, le=MAX_SEARCH_K, description="Passages to return (default: the top_k setting).")
    lang: Literal["en", "zh"] | None = Field(None, description="Language of the query (default: detected).")
    origins: list[Literal["bundled", "user"]] | None = None


# --- errors ---------------------------------------------------------------------------------------
_ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 404: "not_found_error", 405: "invalid_request_error",
                413: "invalid_request_error", 500: "server_error", 503: "service_unavailable"}


def error_response(status: int, message: str, code: str | None = None, param: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """An error in OpenAI's JSON shape."""
    body = {"error": {"message": message, "type": _ERROR_TYPES.get(status, "invalid_request_error"), "code": code, "param": param}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    parts, first = [], None
    for err in exc.errors()[:5]:
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
        first = first or loc or None
        parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts), first


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413 (declared length first, then bytes as they arrive)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await error_response(413, f"request body is {int(value)} bytes; the limit is {self.limit}",
                                     "body_too_large")(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, f"request body is over the limit of {self.limit} bytes")
            return message

        await self.app(scope, counted, send)


class CatchAll:
    """Turns any unexpected exception into a JSON 500 with a reference (the traceback goes to the server log only);
    the connection stays usable, unlike an exception left to the server."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            ref = uuid.uuid4().hex[:12]
            log.error("internal error %s on %s", ref, scope.get("path"), exc_info=exc)
            if scope["type"] != "http" or started:
                return  # mid-stream: the client sees the stream end early
            await error_response(500, f"internal error (reference {ref}); the server log has the details",
                                 "internal_error")(scope, receive, send)


# --- the app --------------------------------------------------------------------------------------
def create_app(settings: Settings | None = None, service: Service | None = None, warm: bool = True) -> FastAPI:
    """The FastAPI app; one Service (one engine) per app, loaded and warmed when the server starts."""
    svc = service or Service(settings or load_settings())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            await anyio.to_thread.run_sync(svc.warm)
        yield

    app = FastAPI(
        title="Pain-procedure safety assistant API",
        version=_version(),
        description=("Grounded, cited answers about image-guided interventional pain procedures (English / 简体中文). "
                     "`/v1/chat/completions` and `/v1/models` follow OpenAI's API; `/v1/answer` returns the answer contract "
                     "of `assistant ask --json`. Decision support only."),
        lifespan=lifespan,
    )
    app.state.service = svc
    _add_error_handlers(app)
    _add_routes(app, svc, [Depends(key_check(svc.settings.api_key.get_secret_value() if svc.settings.api_key else None))])
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    return app


def key_check(key: str | None) -> Callable[[Request], Awaitable[None]]:
    """The dependency that guards /v1/*: a Bearer token equal to `key` (no check when key is None)."""

    async def require_key(request: Request) -> None:
        if key is None:
            return
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), key.encode()):
            raise HTTPException(401, "missing or wrong API key: send `Authorization: Bearer <ASSISTANT_API_KEY>`",
                                headers={"WWW-Authenticate": "Bearer"})

    return require_key


def _add_error_handlers(app: FastAPI) -> None:
    """Every error as JSON in OpenAI's shape: HTTP errors, invalid bodies (400), bad input (400), no index (503)."""

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        code = {401: "invalid_api_key", 404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}.get(exc.status_code)
        return error_response(exc.status_code, str(exc.detail), code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        message, param = _validation_message(exc)
        return error_response(400, message, "invalid_request", param)

    @app.exception_handler(InputError)
    async def input_error(_: Request, exc: InputError) -> JSONResponse:
        return error_response(400, str(exc), "invalid_request")

    @app.exception_handler(AssistantError)
    async def assistant_error(_: Request, exc: AssistantError) -> JSONResponse:
        return error_response(503, str(exc), "unavailable")


def _add_routes(app: FastAPI, svc: Service, guarded: list[Any]) -> None:
    """The endpoints; `guarded` are the dependencies of those that need the API key."""

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.get("/healthz", tags=["service"], summary="Health and the index build being served")
    def healthz() -> JSONResponse:
        return JSONResponse(svc.health())

    @app.get("/v1/models", tags=["openai"], dependencies=guarded, summary="The one model this server offers")
    async def models() -> JSONResponse:
        return JSONResponse({"object": "list", "data": [_model_card()]})

    @app.get("/v1/models/{model}", tags=["openai"], dependencies=guarded, summary="One model")
    async def model(model: str) -> JSONResponse:
        if model != MODEL_ID:
            return error_response(404, f"no model {model!r}: this server offers {MODEL_ID!r}", "model_not_found", "model")
        return JSONResponse(_model_card())

    @app.post("/v1/chat/completions", tags=["openai"], dependencies=guarded,
              summary="OpenAI-compatible chat completion (stream or not); the structured answer is in the `answer` field")
    def chat_completions(req: ChatRequest) -> Any:
        return chat_completion(svc, req)

    @app.post("/v1/answer", tags=["assistant"], dependencies=guarded, summary="The answer contract of `assistant ask --json`")
    def answer(req: AnswerRequest) -> JSONResponse:
        history = [h if isinstance(h, str) else h.content for h in req.history
                   if isinstance(h, str) or h.role == "user"]
        ans: Answer = svc.ask(req.question, history, req.origins)
        return JSONResponse(ans.to_dict())

    @app.post("/v1/search", tags=["assistant"], dependencies=guarded, summary="Ranked passages with their scores")
    def search(req: SearchRequest) -> JSONResponse:
        return JSONResponse(svc.search(req.query, req.k, req.lang, req.origins))


def chat_completion(svc: Service, req: ChatRequest) -> JSONResponse | StreamingResponse:
    """`POST /v1/chat/completions`: the cited answer as Markdown, whole or streamed, with the answer contract attached."""
    if req.n != 1:
        raise InputError("only n=1 is supported")
    question, history = conversation(req.messages)
    ans = svc.ask(question, history)
    d = ans.to_dict()
    content = answer_markdown(d)
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    usage = {"prompt_tokens": _tokens(question, *history), "completion_tokens": _tokens(content)}
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    base = {"id": cid, "created": created, "model": MODEL_ID, "system_fingerprint": d.get("settings_hash") or None}
    if not req.stream:
        return JSONResponse({**base, "object": "chat.completion",
                             "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                          "finish_reason": "stop", "logprobs": None}],
                             "usage": usage, "answer": d})
    include_usage = bool(req.stream_options and req.stream_options.include_usage)
    return StreamingResponse(_sse(base, content, d, usage if include_usage else None), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


def conversation(messages: list[ChatMessage]) -> tuple[str, list[str]]:
    """The question (the last message, from the user) and the earlier user turns, oldest first."""
    texts: list[tuple[int, str]] = []
    for i, m in enumerate(messages):
        if m.role != "user":
            continue
        if isinstance(m.content, list):
            if any(p.type != "text" for p in m.content):
                raise InputError(f"messages[{i}]: only text content is supported")
            text = "\n".join(p.text or "" for p in m.content)
        else:
            text = m.content or ""
        texts.append((i, text))
    if messages[-1].role != "user":
        raise InputError(f"the last message must be the user's question (it is a {messages[-1].role!r} message)")
    for i, t in texts:
        check_text(t, f"messages[{i}].content")
    *earlier, (_, question) = texts
    return question, [t for _, t in earlier]


async def _sse(base: dict[str, Any], content: str, answer: dict[str, Any], usage: dict[str, int] | None) -> AsyncIterator[str]:
    """OpenAI's stream: a role chunk, the content line by line, a final chunk carrying the structured answer, [DONE]."""

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        body = {**base, "object": "chat.completion.chunk",
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    for piece in content.splitlines(keepends=True):
        yield chunk({"content": piece})
    yield chunk({}, "stop", answer=answer)
    if usage is not None:
        yield f"data: {json.dumps({**base, 'object': 'chat.completion.chunk', 'choices': [], 'usage': usage})}\n\n"
    yield "data: [DONE]\n\n"


def _model_card() -> dict[str, Any]:
    return {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "pain-safety-assistant"}


def _tokens(*texts: str) -> int:
    """A rough token count (words plus CJK characters); the engine has no tokenizer of its own."""
    from .text import cjk_count

    return sum(len(t.split()) + cjk_count(t) for t in texts)


def _version() -> str:
    from . import __version__

    return __version__


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Take the port, load and warm the engine (errors surface as one line before anything is served), then serve
    until interrupted."""
    import socket

    import uvicorn

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror}): pass another --port or --host") from None
    svc = Service(settings)
    svc.warm()
    print(f"serving on http://{host}:{port} (OpenAPI docs at /docs; Ctrl+C stops)", flush=True)
    server = uvicorn.Server(uvicorn.Config(create_app(service=svc, warm=False), log_level="info"))
    server.run(sockets=[sock])
