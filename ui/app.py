"""Streamlit entry point: `streamlit run ui/app.py` from the project root."""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # `ui.*` imports work however the app is started
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402

from assistant.errors import AssistantError  # noqa: E402
from ui.common import LANG_CHOICE_NAMES, LANG_CHOICES, L, engine, index_status, md  # noqa: E402

st.set_page_config(page_title="Pain-procedure safety assistant / 疼痛介入安全助手", page_icon=":material/health_and_safety:", layout="wide")

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

_HERE = Path(__file__).resolve().parent
pages = [
    st.Page(_HERE / "pages_" / "chat.py", title=L("chat"), icon=":material/chat:", url_path="chat", default=True),
    st.Page(_HERE / "pages_" / "scenarios.py", title=L("scenarios"), icon=":material/school:", url_path="scenarios"),
    st.Page(_HERE / "pages_" / "benchmarks.py", title=L("benchmarks"), icon=":material/analytics:", url_path="benchmarks"),
]
st.navigation(pages).run()
