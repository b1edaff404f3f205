"""Benchmarks page (evaluators): run a bundled or uploaded JSONL set (sampled across language x kind), compare a second
configuration side by side, drill into items, download everything as one zip."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from assistant.benchsets import KINDS, Item, parse_set
from assistant.config import PRESETS, PROJECT_ROOT
from assistant.eval_report import failure_reason, ordered_groups, write_report
from assistant.evaluation import Result, metrics, run_items
from ui.answer_view import answer_markdown
from ui.bench_view import LANGS, families, fmt_delta, fmt_metric, group_parts, mix, stratified_sample, zip_files
from ui.common import MAX_UPLOAD_MB, L, citation_dict_title, engine_or_stop, md, ui_lang, variant_engine
from ui.labels import KIND_NAMES, LANG_NAMES, METRIC_NAMES, failure_text, named, set_error
from ui.widgets import keep

SETS_DIR = PROJECT_ROOT / "eval" / "sets"
RESULT = "bm_result"
UPLOADER_ZH = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {font-size: 0 !important;}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {content: "%(browse)s"; font-size: 0.875rem;}
[data-testid="stFileUploaderDropzoneInstructions"] span {font-size: 0 !important;}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {content: "%(limit)s"; font-size: 0.875rem;}
</style>"""


def lang_word(lang: str) -> str:
    return LANG_NAMES[ui_lang()].get(lang, lang)


def kind_word(kind: str) -> str:
    return named(KIND_NAMES, kind, ui_lang())


def group_name(group: str) -> str:
    """`en/factoid` as `English · factoid` (in the interface language)."""
    lang, kind = group_parts(group)
    return " · ".join(x for x in (lang_word(lang) if lang else "", kind_word(kind) if kind else "") if x)


def metric_name(key: str, k: int) -> str:
    generic = "hit@k" if key == f"hit@{k}" else key
    return named(METRIC_NAMES, generic, ui_lang()).format(k=k)


def choose_set() -> tuple[str, list[Item], list[str]]:
    """The set's name, its items and its errors (one per bad line, in the interface language)."""
    labels = {"bundled": L("bundled_set"), "upload": L("upload_set")}
    source = st.radio(L("set_source"), ["bundled", "upload"], horizontal=True, key="bm_source", format_func=labels.__getitem__)
    if source == "bundled":
        names = sorted(p.name for p in SETS_DIR.glob("*.jsonl"))
        name = st.selectbox(L("bundled_set"), names, key="bm_set")
        if not name:
            return "", [], []
        items, errors = parse_set((SETS_DIR / name).read_text(encoding="utf-8"), name)
        return name, items, errors
    if ui_lang() == "zh":  # the uploader's own texts are English in Streamlit
        st.html(UPLOADER_ZH % {"browse": L("upload_browse"), "limit": L("upload_limit", mb=MAX_UPLOAD_MB)})
    up = st.file_uploader(L("upload_label", mb=MAX_UPLOAD_MB), type=["jsonl"], key="bm_upload", max_upload_size=MAX_UPLOAD_MB)
    if up is None:
        return "", [], []
    data = up.getvalue()
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        return up.name, [], [L("too_big", mb=MAX_UPLOAD_MB)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return up.name, [], [L("not_utf8")]
    items, errors = parse_set(text, up.name)
    return up.name, items, [set_error(e, ui_lang()) for e in errors]


def mix_table(items: list[Item]) -> pd.DataFrame:
    """Items per language (rows) and kind (columns)."""
    counts = mix(items)
    kinds = [kd for kd in KINDS if any(kd == k for _, k in counts)]
    rows = [{L("language"): lang_word(lg), **{kind_word(kd): counts.get((lg, kd), 0) for kd in kinds}}
            for lg in LANGS if any(lg == x for x, _ in counts)]
    return pd.DataFrame(rows)


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


# --- results -------------------------------------------------------------------------------------
def summary_table(res: dict[str, Any], group: str) -> pd.DataFrame:
    """Rows = metrics, columns = configurations side by side (+ the difference when two are compared)."""
    k, configs = res["k"], list(res["metrics"])
    keys = list(dict.fromkeys(key for fam in families(k).values() for key in fam))
    rows = []
    for key in keys:
        vals = [res["metrics"][c].get(group, {}).get(key) for c in configs]
        row = {L("col_metric"): metric_name(key, k), **{c: fmt_metric(key, v) for c, v in zip(configs, vals)}}
        if len(configs) == 2:
            row[L("col_delta")] = fmt_delta(key, vals[0], vals[1]).replace("pp", "个百分点" if ui_lang() == "zh" else "pp")
        rows.append(row)
    return pd.DataFrame(rows)


def family_table(m: dict[str, Any], keys: list[str], k: int) -> pd.DataFrame:
    """Rows = groups (language x kind, language, all), columns = one family of metrics."""
    rows = [{L("col_group"): group_name(g), **{metric_name(key, k): fmt_metric(key, m[g].get(key)) for key in keys}}
            for g in ordered_groups(list(m))]
    return pd.DataFrame(rows)


def show_metrics(res: dict[str, Any]) -> None:
    k, configs = res["k"], list(res["metrics"])
    st.subheader(L("metrics"))
    st.caption(f"{md(res['set'])} · k={k} · {L('metric_help_na')}")
    groups = ordered_groups(list(res["metrics"][configs[0]]))
    names = {g: group_name(g) for g in groups}
    keep("bm_group")
    group = st.selectbox(L("summary_for"), list(reversed(groups)), key="bm_group", format_func=names.__getitem__)
    st.table(summary_table(res, group), hide_index=True)
    config = configs[0]
    if len(configs) > 1:
        keep("bm_table_config")
        config = st.radio(L("metrics_config"), configs, key="bm_table_config", horizontal=True)
    fams = families(k)
    for tab, keys in zip(st.tabs([L(f) for f in fams]), fams.values()):
        with tab:
            st.table(family_table(res["metrics"][config], keys, k), hide_index=True)


def show_plots(res: dict[str, Any]) -> None:
    """Native charts with labels in the interface language (the PNG plots are in the zip)."""
    k, configs = res["k"], list(res["metrics"])
    st.subheader(L("plots"))
    first = res["metrics"][configs[0]]
    cross = [g for g in ordered_groups(list(first)) if "/" in g]
    col1, col2 = st.columns(2)
    with col1:
        st.markdown(f"**{L('plot_metrics')}** ({md(configs[0])})")
        data = pd.DataFrame({metric_name(key, k): [100 * (first[g].get(key) or 0.0) for g in cross]
                             for key in ("keyword_hit", f"hit@{k}", "citation_validity")}, index=[group_name(g) for g in cross])
        st.bar_chart(data, stack=False, sort=False, y_label="%", height=320)
    with col2:
        st.markdown(f"**{L('plot_latency')}**")
        lat = pd.DataFrame({name: pd.Series([r.latency_ms for r in rs]) for name, rs in res["runs"].items()})
        hi = float(lat.max().max()) if len(lat) else 0.0
        edges = [hi * i / 12 for i in range(13)] if hi > 0 else [0.0, 1.0]
        hist = pd.DataFrame({name: pd.cut(lat[name], edges, include_lowest=True).value_counts(sort=False).values for name in lat},
                            index=[f"{edges[i + 1]:,.0f}" for i in range(len(edges) - 1)])
        st.bar_chart(hist, stack=False, sort=False, x_label=L("latency_ms"), y_label=L("items_count"), height=320)
    if len(configs) > 1:
        st.markdown(f"**{L('plot_compare')}**")
        keys = ["keyword_hit", "answer_keyword_hit", "mrr", "abstention_recall", "false_abstention", "urgent_recall"]
        data = pd.DataFrame({c: [100 * (res["metrics"][c]["all"].get(key) or 0.0) for key in keys] for c in configs},
                            index=[metric_name(key, k) for key in keys])
        st.bar_chart(data, stack=False, sort=False, y_label="%", height=320)


def show_drilldown(res: dict[str, Any]) -> None:
    """One item at a time, every configuration side by side; optionally only the items that failed somewhere."""
    k = res["k"]
    runs: dict[str, list[Result]] = res["runs"]
    by_config = {name: {r.item.id: r for r in rs} for name, rs in runs.items()}
    first = next(iter(runs.values()))
    reasons = {r.item.id: [why for name in runs if (why := failure_reason(by_config[name][r.item.id], k))] for r in first}
    st.subheader(L("drilldown"))
    only_failed = st.toggle(L("only_failed"), key="bm_only_failed")
    ids = [r.item.id for r in first if reasons[r.item.id] or not only_failed]
    if not ids:
        st.caption(L("no_failed"))
        return
    labels = {r.item.id: f"{'✗' if reasons[r.item.id] else '✓'} {r.item.id} · {group_name(f'{r.item.lang}/{r.item.kind}')}"
              for r in first}
    keep("bm_item")
    if st.session_state.get("bm_item") not in ids:
        st.session_state["bm_item"] = ids[0]
    pick = st.selectbox(L("item"), ids, key="bm_item", format_func=labels.__getitem__)
    item = by_config[next(iter(runs))][pick].item
    st.markdown(f"**{L('question')}:** {md(item.question)}")
    if item.history:
        st.caption(md(" → ".join(item.history)))
    for col, name in zip(st.columns(len(runs)), runs):
        r = by_config[name][pick]
        with col, st.container(border=True):
            why = failure_reason(r, k)
            st.markdown(f"**{L('config')}: {md(name)}**")
            if why:
                st.error(md(L("failed_because", why=failure_text(why, ui_lang()))), icon=":material/close:")
            else:
                st.success(L("passed"), icon=":material/check:")
            yes_no = {True: L("yes"), False: L("no"), None: L("not_applicable")}
            st.caption(f"{L('kw_hit')}: {yes_no[r.keyword_hit]} · {L('cit_valid')}: {yes_no[r.citation_valid]} · "
                       f"{r.latency_ms:,.0f} ms")
            st.markdown(answer_markdown(r.answer["answer"]))
            for c in r.answer["citations"]:
                with st.expander(md(citation_dict_title(c))):
                    st.markdown(md(c["text"]))
                    if c.get("references"):
                        st.markdown("\n".join(f"- {md(x)}" for x in c["references"]))


def show_results(res: dict[str, Any]) -> None:
    show_metrics(res)
    show_plots(res)
    show_drilldown(res)
    st.subheader(L("downloads"))
    stem = Path(res["set"]).stem or "benchmark"
    st.download_button(L("download_zip"), zip_files(res["files"], f"benchmark-{stem}"), file_name=f"benchmark-{stem}.zip",
                       mime="application/zip", on_click="ignore", key="dl_zip", icon=":material/folder_zip:")


engine_or_stop()
st.title(L("benchmarks"))
keep("bm_source", "bm_compare")  # their option texts are translated
set_name, items, errors = choose_set()
if errors:
    st.session_state.pop(RESULT, None)  # results of an earlier set must not stand under a new set's errors
    st.error(f"**{L('set_errors')}**\n\n" + "\n".join(f"- {md(e)}" for e in errors[:50])
             + (f"\n\n… +{len(errors) - 50}" if len(errors) > 50 else ""))
elif items:
    st.caption(L("items_ready", n=len(items)))
    c1, c2, c3, c4 = st.columns(4)
    limit = int(c1.number_input(L("limit"), min_value=0, max_value=len(items), value=min(10, len(items)), key="bm_limit"))
    seed = int(c2.number_input(L("seed"), min_value=0, max_value=10_000, value=0, key="bm_seed"))
    k = int(c3.number_input("k", min_value=1, max_value=10, value=5, key="bm_k"))
    none_label = L("compare_none")
    compare = c4.selectbox(L("compare"), ["", *(p for p in PRESETS if p != "default")], key="bm_compare",
                           format_func=lambda p: p or none_label)
    chosen = stratified_sample(items, limit, seed)
    st.caption(L("mix") if 0 < limit < len(items) else L("mix_all", n=len(items)))
    st.dataframe(mix_table(chosen), hide_index=True, key="bm_mix")
    if st.button(L("run"), type="primary", key="bm_run"):
        run(chosen, k, compare or "", set_name)

if st.session_state.get(RESULT):
    show_results(st.session_state[RESULT])
