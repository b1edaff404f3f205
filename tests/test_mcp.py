"""The MCP server over stdio (`python -m assistant mcp`), driven by the official SDK's stdio client."""

from __future__ import annotations

import sys
from typing import Any

import anyio
import pytest
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from assistant.config import PROJECT_ROOT
from assistant.serving import answer_markdown


def _params(settings: Any) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "assistant", "--index-dir", str(settings.index_dir), "--corpus-dir", str(settings.corpus_dir),
              "--data-dir", str(settings.data_dir), "mcp"],
        cwd=str(PROJECT_ROOT))


@pytest.mark.slow  # an MCP server subprocess over the real-embedder index
def test_mcp_tools_and_resources_over_stdio(real_settings, engine):
    async def session_checks() -> None:
        with anyio.fail_after(240):
            async with stdio_client(_params(real_settings)) as (read, write), ClientSession(read, write) as s:
                init = await s.initialize()
                assert init.server_info.name == "pain-safety-assistant" and init.instructions
                tools = {t.name: t for t in (await s.list_tools()).tools}
                assert set(tools) == {"ask", "search_passages"}
                assert tools["ask"].input_schema["required"] == ["question"]

                q = "How is post-dural puncture headache treated?"
                res = await s.call_tool("ask", {"question": q})
                direct = engine.answer(q).to_dict()
                assert not res.is_error
                d = res.structured_content
                assert d["answer"] == direct["answer"] and d["citations"] == direct["citations"]
                assert res.content[0].text == answer_markdown(d) and "**References**" in res.content[0].text

                follow = await s.call_tool("ask", {"question": "一旦确诊了，应该怎么处理？", "history": ["硬膜穿破后头痛有什么特点？"]})
                assert follow.structured_content["answer"] == engine.answer("一旦确诊了，应该怎么处理？",
                                                                             ["硬膜穿破后头痛有什么特点？"]).text

                found = await s.call_tool("search_passages", {"query": "epidural blood patch", "k": 3})
                ranked = found.structured_content["results"]
                assert [p["chunk_id"] for p in ranked] == [h.chunk.id for h in engine.retriever.search("epidural blood patch", "en", k=3)]
                assert found.content[0].text.startswith("[1] ")

                too_long = await s.call_tool("ask", {"question": "x" * 4001})
                assert too_long.is_error and "limit is 4000" in too_long.content[0].text
                bad_k = await s.call_tool("search_passages", {"query": "x", "k": 0})
                assert bad_k.is_error

                resources = {r.uri: r for r in (await s.list_resources()).resources}
                assert "corpus://en/pdph" in resources and "corpus://zh/last" in resources and "corpus://references" in resources
                assert resources["corpus://en/pdph"].title.startswith("Post-dural puncture headache")
                doc = await s.read_resource("corpus://zh/last")
                expected = (real_settings.corpus_dir / "zh" / "last.md").read_text(encoding="utf-8")
                assert doc.contents[0].text == expected and doc.contents[0].mime_type == "text/markdown"

    anyio.run(session_checks)


@pytest.mark.slow  # an MCP server subprocess
def test_mcp_server_reports_a_missing_index_as_a_tool_error(tmp_path):
    from assistant.config import Settings

    empty = Settings(index_dir=tmp_path / "index", corpus_dir=PROJECT_ROOT / "corpus", data_dir=tmp_path / "data", embedder="hash")

    async def check() -> None:
        with anyio.fail_after(120):
            async with stdio_client(_params(empty)) as (read, write), ClientSession(read, write) as s:
                await s.initialize()
                res = await s.call_tool("ask", {"question": "How is PDPH treated?"})
                assert res.is_error and "assistant index build" in res.content[0].text
                assert len((await s.list_resources()).resources) > 40  # the documents are there without an index

    anyio.run(check)
