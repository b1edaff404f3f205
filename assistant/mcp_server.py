"""MCP server over stdio (`assistant mcp`): tools `ask` and `search_passages`, the bundled documents as resources.

The only module that imports the `mcp` SDK. The engine loads in the background as the server starts, so the client's
handshake is answered at once; the first tool call waits for it."""

from __future__ import annotations

import contextlib
import json
import threading
from pathlib import Path
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.mcpserver.resources import FileResource
from mcp.types import CallToolResult, TextContent
from pydantic import Field

from .config import Settings
from .documents import parse_front_matter
from .errors import AssistantError, DocumentError
from .serving import MAX_SEARCH_K, Service, answer_markdown

NAME = "pain-safety-assistant"
INSTRUCTIONS = (
    "Safety knowledge base for image-guided interventional pain procedures (English and Simplified Chinese). "
    "`ask` returns a grounded answer whose sentences end with [n] markers resolved in a references block, with the "
    "structured answer (citations, urgent, abstained) alongside; `search_passages` returns ranked passages. "
    "Quote the [n] markers with the claims you reuse. Decision support only: not a substitute for clinical judgement.")


def corpus_resources(corpus_dir: Path) -> list[FileResource]:
    """One resource per bundled document (`corpus://<lang>/<slug>`, Markdown) and the reference list."""
    out: list[FileResource] = []
    for path in sorted(corpus_dir.glob("*/*.md")):
        lang = path.parent.name
        if lang not in ("en", "zh"):
            continue
        try:
            meta, _ = parse_front_matter(path.read_text(encoding="utf-8"), path.name)
        except (DocumentError, OSError, UnicodeDecodeError):
            continue
        out.append(FileResource(uri=f"corpus://{lang}/{path.stem}", name=str(meta.get("id") or f"{path.stem}-{lang}"),
                                title=str(meta.get("title") or path.stem), mime_type="text/markdown",
                                description=f"Bundled knowledge-base document ({lang}), topic {meta.get('topic') or path.stem}.",
                                path=path.resolve()))
    refs = corpus_dir / "references.yaml"
    if refs.is_file():
        out.append(FileResource(uri="corpus://references", name="references", title="Full references of every source tag",
                                mime_type="text/yaml", path=refs.resolve()))
    return out


def build_server(settings: Settings, service: Service | None = None) -> MCPServer[Any]:
    """The MCP server with its tools and resources (not yet running)."""
    svc = service or Service(settings)
    server: MCPServer[Any] = MCPServer(NAME, instructions=INSTRUCTIONS, version=_version(), log_level="WARNING")

    @server.tool(description=("Answer a safety question about an interventional pain procedure (English or Chinese). "
                              "Returns Markdown with [n] citation markers and a references block; the structured answer "
                              "(citations with passages and references, urgent, abstained, timings) is the structured content. "
                              "Pass earlier user questions of the conversation as `history` for follow-ups."))
    def ask(question: Annotated[str, Field(description="The question, at most 4000 characters.")],
            history: Annotated[list[str] | None, Field(description="Earlier user questions, oldest first.")] = None,
            ) -> CallToolResult:
        d = _call(lambda: svc.ask(question, history or []).to_dict())
        return CallToolResult(content=[TextContent(type="text", text=answer_markdown(d))], structured_content=d)

    @server.tool(description=(f"Search the knowledge base: up to k (1-{MAX_SEARCH_K}) ranked passages with scores, titles, "
                              "sections, source tags and full references. Language is detected unless given."))
    def search_passages(query: Annotated[str, Field(description="Search text.")],
                        k: Annotated[int, Field(ge=1, le=MAX_SEARCH_K, description="Passages to return.")] = 5,
                        lang: Annotated[Literal["en", "zh"] | None, Field(description="Query language (default: detected).")] = None,
                        ) -> CallToolResult:
        d = _call(lambda: svc.search(query, k, lang))
        text = "\n\n".join(f"[{p['rank']}] {p['title']} \u203a {p['section']} ({p['lang']}, score {p['score']:.4f})\n{p['text']}"
                           for p in d["results"]) or "No passages found."
        return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=d)

    for resource in corpus_resources(settings.corpus_dir):
        server.add_resource(resource)
    return server


def _call(fn: Any) -> dict[str, Any]:
    """Run a service call; user-facing errors become tool errors with the message that names the fix."""
    try:
        out: dict[str, Any] = fn()
        return json.loads(json.dumps(out))  # plain JSON values only
    except AssistantError as exc:
        raise ToolError(str(exc)) from None


def run_stdio(settings: Settings) -> None:
    """Serve over stdin/stdout until the client closes the pipe; the engine warms up in the background."""
    svc = Service(settings)
    server = build_server(settings, svc)
    threading.Thread(target=_warm_quietly, args=(svc,), name="engine-warmup", daemon=True).start()
    server.run("stdio")


def _warm_quietly(svc: Service) -> None:
    with contextlib.suppress(Exception):  # the first tool call loads again and reports the error to the client
        svc.warm()


def _version() -> str:
    from . import __version__

    return __version__
