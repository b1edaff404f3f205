"""Benchmarks page (evaluators): run a bundled or uploaded JSONL set, compare a second configuration, see and download results."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.benchsets import Item, parse_set
from assistant.config import PROJECT_ROOT
from assistant.eval_report import ordered_groups, table_columns, write_report
from assistant.evaluation import PRESETS, Result, metrics, run_items
from ui.common import L, answer_markdown, citation_dict_title, engine_or_stop, md, variant_engine

MAX_UPLOAD = 2 * 1024 * 1024
SETS_DIR = PROJECT_ROOT / "eval" / "sets"
PLOTS = ("metrics_by_group.png", "latency.png", "compare.png")
DOWNLOADS = (("metrics.json", "application/json"), ("results.csv", "text/csv"), ("report.md", "text/markdown"))
RESULT = "bm_result"


def choose_set() -> tuple[str, list[Item], list[str]]:
    """The set's name, its items and its errors (one per bad line)."""
    source = st.radio(L("set_source"), ["bundled", "upload"], horizontal=True, key="bm_source",
                      format_func=lambda s: L("bundled_set") if s == "bundled" else L("upload_set"))
    if source == "bundled":
        names = sorted(p.name for p in SETS_DIR.glob("*.jsonl"))
        name = st.selectbox(L("bundled_set"), names, key="bm_set")
        if not name:
            return "", [], []
        items, errors = parse_set((SETS_DIR / name).read_text(encoding="utf-8"), name)
        return name, items, errors
    up = st.file_uploader(L("upload_label"), type=["jsonl"], key="bm_upload", max_upload_size=2)
    if up is None:
        return "", [], []
    data = up.getvalue()
    if len(data) > MAX_UPLOAD:
        return up.name, [], [L("too_big")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return up.name, [], [L("not_utf8")]
    items, errors = parse_set(text, up.name)
    return up.name, items, errors


def run(items: list[Item], k: int, compare: str, set_name: str) -> None:
    """Answer every item with each configuration, score, write the report, keep it all in the session."""
    configs: list[tuple[str, Any]] = [("default", engine_or_stop())]
    if compare:
        with st.spinner(f"{L('config')}: {compare}"):
            configs.append((compare, variant_engine(compare)))
    bar = st.progress(0.0, text=L("running", i=0, n=len(items)))
    total, done = len(items) * len(configs), 0
    runs: dict[str, list[Result]] = {}
    for name, eng in configs:
        def step(i: int, n: int, base: int = done, name: str = name) -> None:
            bar.progress(min(1.0, (base + i) / total), text=f"{name}: {L('running', i=i, n=n)}")

        runs[name] = run_items(eng, items, k, progress=False, on_step=step)
        done += len(items)
    bar.empty()
    all_metrics = {name: metrics(rs, k) for name, rs in runs.items()}
    with tempfile.TemporaryDirectory(prefix="assistant-bench-") as tmp:
        write_report(Path(tmp), runs, all_metrics, k, [set_name])
        files = {p.name: p.read_bytes() for p in Path(tmp).iterdir() if p.is_file()}
    st.session_state[RESULT] = {"runs": runs, "metrics": all_metrics, "k": k, "files": files, "set": set_name}


def metrics_rows(m: dict[str, Any], k: int) -> list[dict[str, Any]]:
    """Rows (groups: language x kind, then language, then all) for st.dataframe."""
    cols = table_columns(k)
    return [{"group": g, **{header: m[g].get(key) for key, header in cols}} for g in ordered_groups(list(m))]


def show_results(res: dict[str, Any]) -> None:
    k = res["k"]
    st.subheader(L("metrics"))
    for name, m in res["metrics"].items():
        st.markdown(f"**{L('config')}: {md(name)}** · {md(res['set'])} · k={k}")
        st.dataframe(metrics_rows(m, k), hide_index=True, width="stretch")

    st.subheader(L("plots"))
    shown = [f for f in PLOTS if f in res["files"]]
    for col, fname in zip(st.columns(2) * ((len(shown) + 1) // 2), shown):
        col.image(res["files"][fname], caption=fname, width="stretch")

    st.subheader(L("drilldown"))
    runs: dict[str, list[Result]] = res["runs"]
    first = next(iter(runs.values()))
    ids = [r.item.id for r in first]
    pick = st.selectbox(L("item"), ids, key="bm_item")
    for name, results in runs.items():
        r = next((r for r in results if r.item.id == pick), None)
        if r is None:
            continue
        st.markdown(f"**{L('config')}: {md(name)}** · {md(r.item.lang)} · {md(r.item.kind)} · keyword hit: {r.keyword_hit} · "
                    f"citations valid: {r.citation_valid} · {r.latency_ms:.0f} ms")
        st.markdown(f"**{L('question')}:** {md(r.item.question)}")
        if r.item.history:
            st.caption(md(" → ".join(r.item.history)))
        st.markdown(answer_markdown(r.answer["answer"]))
        for c in r.answer["citations"]:
            with st.expander(md(citation_dict_title(c))):
                st.markdown(md(c["text"]))
                if c.get("references"):
                    st.markdown("\n".join(f"- {md(x)}" for x in c["references"]))

    st.subheader(L("downloads"))
    with st.container(horizontal=True):
        for fname, mime in DOWNLOADS:
            if fname in res["files"]:
                st.download_button(fname, res["files"][fname], file_name=fname, mime=mime, on_click="ignore", key=f"dl_{fname}",
                                   icon=":material/download:")


engine_or_stop()
st.title(L("benchmarks"))
set_name, items, errors = choose_set()
if errors:
    st.error(f"**{L('set_errors')}**\n\n" + "\n".join(f"- {md(e)}" for e in errors[:50])
             + (f"\n\n… +{len(errors) - 50}" if len(errors) > 50 else ""))
elif items:
    st.caption(L("items_ready", n=len(items)))
    c1, c2, c3 = st.columns(3)
    limit = int(c1.number_input(L("limit"), min_value=0, max_value=len(items), value=min(10, len(items)), key="bm_limit"))
    k = int(c2.number_input("k", min_value=1, max_value=10, value=5, key="bm_k"))
    compare = c3.selectbox(L("compare"), ["", *(p for p in PRESETS if p != "default")], key="bm_compare",
                           format_func=lambda p: p or L("compare_none"))
    if st.button(L("run"), type="primary", key="bm_run"):
        run(items[:limit] if limit else items, k, compare or "", set_name)

if st.session_state.get(RESULT):
    show_results(st.session_state[RESULT])
