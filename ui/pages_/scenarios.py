"""Scenarios page (trainees): multiple-choice cases, a locked verdict with numbered sources, progress and mistakes."""

from __future__ import annotations

from collections import Counter
from typing import Any

import streamlit as st

from assistant.scenarios import TAG_GROUP, Bank, Scenario, load_bank, topics_of
from ui.common import L, engine_or_stop, lang_name, md, render_citation, scenario_dir, ui_lang, userdata
from ui.labels import TOPIC_NAMES, named
from ui.scenario_view import cached_explain, passage_title
from ui.widgets import keep, select_tab, stable_tabs

ALL = "__all__"


@st.cache_data(show_spinner=False)
def _bank(folder: str, stamp: float) -> Bank:
    from pathlib import Path

    return load_bank(Path(folder))


def bank() -> Bank:
    """The scenario bank (reloaded when a file changes)."""
    folder = scenario_dir()
    stamp = max((p.stat().st_mtime for p in folder.glob("*.yaml")), default=0.0)
    return _bank(str(folder), stamp)


def topic_name(topic: str) -> str:
    return named(TOPIC_NAMES, topic, ui_lang())


def option_text(s: Scenario, lang: str, i: int) -> str:
    return f"{'ABCDEFGH'[i]}. {s.text(lang).options[i]}"


def _done_key(sid: str) -> str:
    return f"sc_done_{sid}"


def _submit(s: Scenario, lang: str) -> None:
    if st.session_state.get(_done_key(s.id)):  # locked: a second click records nothing
        return
    choice = st.session_state.get(f"opt_{s.id}_{lang}")
    if choice is None:
        st.session_state["sc_need_choice"] = True
        return
    correct = int(choice) == s.correct
    userdata().record_attempt(s.id, s.topic, correct, int(choice))
    st.session_state[_done_key(s.id)] = {"choice": int(choice), "correct": correct}


def _reset(sid: str) -> None:
    st.session_state.pop(_done_key(sid), None)
    for lang in ("en", "zh"):
        st.session_state[f"opt_{sid}_{lang}"] = None


def _next(ids: list[str], sid: str) -> None:
    st.session_state["sc_pick"] = ids[(ids.index(sid) + 1) % len(ids)] if sid in ids else ids[0]


def _lang_chosen() -> None:
    st.session_state["sc_lang_chosen"] = True


def show_scenario(s: Scenario, lang: str, pool_ids: list[str]) -> None:
    """Vignette, question and options; after submitting, the options lock and the verdict, the explanation with
    numbered sources and the passages behind the numbers stay until "Try again" or "Next"."""
    v = s.text(lang)
    done: dict[str, Any] | None = st.session_state.get(_done_key(s.id))
    opt_key = f"opt_{s.id}_{lang}"
    if done:
        st.session_state[opt_key] = done["choice"]
    st.markdown(md(v.vignette))
    st.markdown(f"**{md(v.question)}**")
    st.radio(L("your_answer"), list(range(len(v.options))), format_func=lambda i: md(option_text(s, lang, i)), index=None,
             key=opt_key, disabled=bool(done))
    with st.container(horizontal=True):
        if not done:
            st.button(L("submit"), key=f"submit_{s.id}", on_click=_submit, args=(s, lang), type="primary")
        else:
            st.button(L("try_again"), key=f"again_{s.id}", on_click=_reset, args=(s.id,), icon=":material/replay:")
            st.button(L("next"), key=f"next_{s.id}", on_click=_next, args=(pool_ids, s.id), type="primary",
                      icon=":material/arrow_forward:")
    if st.session_state.pop("sc_need_choice", False):
        st.warning(L("pick_option"))
    if not done:
        return
    st.caption(L("locked"))
    if done["correct"]:
        st.success(L("correct"), icon=":material/check_circle:")
    else:
        st.error(md(L("incorrect", answer=option_text(s, lang, s.correct))), icon=":material/cancel:")
    show_explanation(s, lang, key=f"sc_{s.id}_{lang}")


def show_explanation(s: Scenario, lang: str, key: str) -> None:
    """The explanation with [n] numbers, then passage n under each number (labelled by section)."""
    eng = engine_or_stop()
    ex = cached_explain(s.id, lang, eng.retriever.manifest.build, s, eng)
    st.markdown(f"**{L('explanation')}**")
    st.markdown(md(ex.text))
    st.markdown(f"**{L('cited_passages')}**")
    if not ex.own_documents:
        st.caption(L("closest_passages"))
    seen: Counter[str] = Counter()
    for c in ex.passages:
        seen[c.chunk.section] += 1
        render_citation(c, eng, f"{key}_{c.n}", title=passage_title(c, seen[c.chunk.section]))
    for n, ref in ex.references_only:
        st.caption(md(f"[{n}] {ref} ({L('source_only')})"))


def case_number(b: Bank) -> dict[str, int]:
    """Each scenario's number within its topic (1, 2, …), in bank order."""
    seen: Counter[str] = Counter()
    out: dict[str, int] = {}
    for s in b.scenarios:
        seen[s.topic] += 1
        out[s.id] = seen[s.topic]
    return out


def _practise(sid: str) -> None:
    """From the mistakes list: open the case in the Practice tab, unanswered."""
    st.session_state.update({"sc_topic": ALL, "sc_diff": 0, "sc_pick": sid})
    select_tab("sc_tab", "practice")
    _reset(sid)


engine_or_stop()
st.title(L("scenarios"))
bk = bank()
by_id = bk.by_id()
ud = userdata()
keep("sc_topic", "sc_diff", "sc_pick")  # their option texts are translated
if not st.session_state.get("sc_lang_chosen"):
    st.session_state["sc_lang"] = ui_lang()  # the case follows the interface language until one is chosen here
else:
    keep("sc_lang")
tab = stable_tabs(["practice", "progress", "mistakes"], L, key="sc_tab")

with tab["practice"]:
    col1, col2, col3 = st.columns(3)
    # option texts are fixed when drawn (format functions may run later, outside the script run)
    all_label, topic_names, lang_names = L("all"), {t: topic_name(t) for t in topics_of(bk.scenarios)}, {x: lang_name(x) for x in ("en", "zh")}
    topic = col1.selectbox(L("topic"), [ALL, *topic_names], key="sc_topic", format_func=lambda t: all_label if t == ALL else topic_names[t])
    diff = col2.selectbox(L("difficulty"), [0, 1, 2, 3], key="sc_diff", format_func=lambda d: all_label if d == 0 else "★" * d)
    lang = col3.radio(L("language"), ["en", "zh"], key="sc_lang", horizontal=True, format_func=lang_names.__getitem__,
                      on_change=_lang_chosen)
    pool = [s for s in bk.scenarios if topic in (ALL, s.topic) and diff in (0, s.difficulty)]
    if not pool:
        st.info(L("no_scenarios"))
    else:
        ids = [s.id for s in pool]
        if st.session_state.get("sc_pick") not in ids:
            st.session_state["sc_pick"] = ids[0]
        numbers = case_number(bk)
        names = {i: f"{topic_names[by_id[i].topic]} {numbers[i]} · {'★' * by_id[i].difficulty}" for i in ids}
        sid = st.selectbox(L("scenario"), ids, key="sc_pick", format_func=names.__getitem__)
        show_scenario(by_id[sid], lang, ids)

with tab["progress"]:
    rows = ud.progress()
    if rows:
        total = sum(r["attempts"] for r in rows)
        right = sum(r["correct"] for r in rows)
        st.metric(L("overall"), f"{right} / {total} · {right / total:.0%}" if total else "0 / 0")
        table = [{L("col_topic"): topic_name(r["topic"]), L("col_attempts"): r["attempts"], L("col_correct"): r["correct"],
                  L("col_accuracy"): f"{r['accuracy']:.0%}"} for r in rows]
        st.dataframe(table, hide_index=True, width="stretch", key="sc_progress")
    else:
        st.caption(L("no_attempts"))

with tab["mistakes"]:
    wrong = [by_id[i] for i in ud.mistakes() if i in by_id]
    chosen = ud.last_choices() if wrong else {}
    rlang = str(st.session_state.get("sc_lang", ui_lang()))
    if not wrong:
        st.caption(L("no_mistakes"))
    for s in wrong:
        v = s.text(rlang)
        with st.expander(md(f"{topic_name(s.topic)} · {v.question}")):
            st.markdown(md(v.vignette))
            if s.id in chosen and chosen[s.id] < len(v.options):
                st.markdown(f":material/cancel: **{L('your_wrong_answer')}:** {md(option_text(s, rlang, chosen[s.id]))}")
            st.markdown(f":material/check_circle: **{L('correct_answer')}:** {md(option_text(s, rlang, s.correct))}")
            st.markdown(md(TAG_GROUP.sub("", v.explanation).replace(" 。", "。").replace(" .", ".")))
            st.button(L("practice"), key=f"retry_{s.id}", on_click=_practise, args=(s.id,), icon=":material/replay:")
