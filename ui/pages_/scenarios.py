"""Scenarios page (trainees): multiple-choice vignettes, feedback with cited passages, progress and mistakes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
import yaml

from assistant.evaluation import slug
from assistant.types import Citation
from ui.common import L, answer_lang, engine_or_stop, lang_name, md, render_citation, scenario_dir, userdata

ALL = "__all__"


@st.cache_data(show_spinner=False)
def load_scenarios(folder: str, stamp: float) -> list[dict[str, Any]]:
    """Every scenario of the bank (`stamp` = newest file time, so edits reload)."""
    out: list[dict[str, Any]] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        out += [s for s in data if isinstance(s, dict) and {"id", "topic", "en", "zh", "correct"} <= set(s)]
    return out


def scenarios() -> list[dict[str, Any]]:
    folder = scenario_dir()
    stamp = max((p.stat().st_mtime for p in folder.glob("*.yaml")), default=0.0)
    return load_scenarios(str(folder), stamp)


def passages(s: dict[str, Any], lang: str) -> tuple[list[Citation], bool]:
    """Passages of the scenario's own documents for its vignette and question (or the closest ones, flagged False)."""
    eng = engine_or_stop()
    v = s[lang]
    hits = eng.retriever.search(f"{v['vignette']} {v['question']}", "zh" if lang == "zh" else "en", k=12)
    own = [h for h in hits if slug(h.chunk.doc_id) in set(s.get("doc_ids", []))]
    chosen, matched = (own, True) if own else (hits, False)
    cites = [Citation(n=i, chunk=h.chunk, text=h.chunk.text, references=tuple(eng.references.format(t) for t in h.chunk.sources))
             for i, h in enumerate(chosen[:3], start=1)]
    return cites, matched


def option_text(v: dict[str, Any], i: int) -> str:
    return f"{'ABCD'[i]}. {v['options'][i]}"


def _submit(s: dict[str, Any], lang: str) -> None:
    key = f"{s['id']}_{lang}"
    choice = st.session_state.get(f"opt_{key}")
    if choice is None:
        st.session_state[f"result_{key}"] = None
        st.session_state["sc_need_choice"] = True
        return
    correct = int(choice) == int(s["correct"])
    userdata().record_attempt(s["id"], s["topic"], correct, int(choice))
    st.session_state[f"result_{key}"] = (int(choice), correct)


def show_scenario(s: dict[str, Any], lang: str) -> None:
    """Vignette, question, options, submit; then the verdict, explanation and passages."""
    v, key = s[lang], f"{s['id']}_{lang}"
    st.markdown(md(v["vignette"]))
    st.markdown(f"**{md(v['question'])}**")
    choice = st.radio(L("your_answer"), list(range(len(v["options"]))), format_func=lambda i: md(option_text(v, i)), index=None,
                      key=f"opt_{key}")
    st.button(L("submit"), key=f"submit_{key}", on_click=_submit, args=(s, lang), type="primary")
    if st.session_state.pop("sc_need_choice", False):
        st.warning(L("pick_option"))
    result = st.session_state.get(f"result_{key}")
    if not result or result[0] != choice:
        return
    if result[1]:
        st.success(L("correct"), icon=":material/check_circle:")
    else:
        st.error(md(L("incorrect", answer=option_text(v, int(s["correct"])))), icon=":material/cancel:")
    st.markdown(f"**{L('explanation')}**")
    st.markdown(md(v["explanation"]))
    cites, matched = passages(s, lang)
    st.markdown(f"**{L('cited_passages')}**")
    if not matched:
        st.caption(L("closest_passages"))
    for c in cites:
        render_citation(c, engine_or_stop(), f"sc_{key}_{c.n}")


def _retry(sid: str) -> None:
    st.session_state.update({"sc_topic": ALL, "sc_diff": 0, "sc_pick": sid})


engine_or_stop()
st.title(L("scenarios"))
bank = scenarios()
by_id = {s["id"]: s for s in bank}
ud = userdata()
practice, progress_tab, mistakes_tab = st.tabs([L("practice"), L("progress"), L("mistakes")])

with practice:
    col1, col2, col3 = st.columns(3)
    topic = col1.selectbox(L("topic"), [ALL, *sorted({s["topic"] for s in bank})], key="sc_topic",
                           format_func=lambda t: L("all") if t == ALL else t)
    diff = col2.selectbox(L("difficulty"), [0, 1, 2, 3], key="sc_diff", format_func=lambda d: L("all") if d == 0 else "★" * d)
    lang = col3.radio(L("language"), ["en", "zh"], key="sc_lang", horizontal=True, format_func=lang_name,
                      index=1 if answer_lang() == "zh" else 0)
    pool = [s for s in bank if topic in (ALL, s["topic"]) and diff in (0, int(s.get("difficulty", 0)))]
    if not pool:
        st.info(L("no_scenarios"))
    else:
        ids = [s["id"] for s in pool]
        if st.session_state.get("sc_pick") not in ids:
            st.session_state["sc_pick"] = ids[0]
        sid = st.selectbox(L("scenario"), ids, key="sc_pick",
                           format_func=lambda i: f"{i} · {by_id[i]['topic']} · {'★' * int(by_id[i].get('difficulty', 1))}")
        show_scenario(by_id[sid], lang)

with progress_tab:
    rows = ud.progress()
    if rows:
        total = sum(r["attempts"] for r in rows)
        right = sum(r["correct"] for r in rows)
        st.metric(L("progress"), f"{right} / {total}")
        st.dataframe(rows, hide_index=True, width="stretch", key="sc_progress")
    else:
        st.caption(L("no_attempts"))

with mistakes_tab:
    wrong = [by_id[i] for i in ud.mistakes() if i in by_id]
    if not wrong:
        st.caption(L("no_mistakes"))
    for s in wrong:
        v = s[lang]
        with st.expander(md(f"{s['id']} · {s['topic']} · {v['question']}")):
            st.markdown(md(v["vignette"]))
            st.markdown(f":material/check_circle: {md(option_text(v, int(s['correct'])))}")
            st.markdown(md(v["explanation"]))
            st.button(L("practice"), key=f"retry_{s['id']}", on_click=_retry, args=(s["id"],))
