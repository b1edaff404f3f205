"""Streamlit entry point: `streamlit run ui/app.py` (from any folder: its settings are in ui/.streamlit/config.toml)."""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # `ui.*` imports work however the app is started
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402

from assistant.errors import AssistantError  # noqa: E402
from ui.common import (  # noqa: E402
    LANG_CHOICE_NAMES,
    LANG_CHOICES,
    L,
    engine,
    index_status,
    md,
    server_settings_problem,
    settle_ui_lang,
)

st.set_page_config(page_title="Pain-procedure safety assistant / 疼痛介入安全助手", page_icon=":material/health_and_safety:", layout="wide")
if problem := server_settings_problem():  # e.g. an old Streamlit started from another folder: refuse rather than expose
    st.error(md(problem))
    st.stop()

settle_ui_lang()  # a question just sent in Auto sets the interface language before the title and sidebar are drawn
with st.sidebar:
    st.radio("Answer language / 回答语言", LANG_CHOICES, format_func=LANG_CHOICE_NAMES.__getitem__, key="lang_choice",
             horizontal=True)
    st.markdown(f"**{L('search_in')}**")
    st.checkbox(L("bundled"), value=True, key="origin_bundled")
    st.checkbox(L("user"), value=True, key="origin_user")
    if not st.session_state.get("origin_bundled") and not st.session_state.get("origin_user"):
        st.caption(L("none_selected"))
    st.markdown(f"**{L('index_status')}**")
    try:
        st.caption(index_status(engine()))
    except AssistantError as exc:
        st.error(f"{L('index_error')}: {md(str(exc))}")
    st.toggle(L("details"), key="show_details")  # timings, document ids, embedder and build

_HERE = Path(__file__).resolve().parent
pages = [
    st.Page(_HERE / "pages_" / "chat.py", title=L("chat"), icon=":material/chat:", url_path="chat", default=True),
    st.Page(_HERE / "pages_" / "scenarios.py", title=L("scenarios"), icon=":material/school:", url_path="scenarios"),
    st.Page(_HERE / "pages_" / "benchmarks.py", title=L("benchmarks"), icon=":material/analytics:", url_path="benchmarks"),
]
st.navigation(pages).run()
