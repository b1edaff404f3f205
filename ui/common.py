"""Shared pieces of the Streamlit app: settings, the cached engine, labels, safe text rendering, citations."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import streamlit as st

from assistant.answer import AnswerEngine
from assistant.config import PROJECT_ROOT, Settings, load_settings
from assistant.errors import AssistantError
from assistant.llm import engine_from_settings
from assistant.store import Backend
from assistant.text import detect_lang, tokenize
from assistant.types import Citation, Lang
from assistant.userdata import Notice, UserData, default_path
from ui.labels import LANG_NAMES, label

LANG_CHOICES = ("auto", "en", "zh")
LANG_CHOICE_NAMES = {"auto": "Auto / 自动", "en": "English", "zh": "中文"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^])")


# --- text --------------------------------------------------------------------------------
def md(text: str) -> str:
    """Escape every Markdown (and HTML) special character so `st.markdown` shows the text literally."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


# --- language ------------------------------------------------------------------------------
def answer_lang() -> Lang | None:
    """The answer language chosen in the sidebar (None = the question's language)."""
    choice = st.session_state.get("lang_choice", "auto")
    return choice if choice in ("en", "zh") else None


def ui_lang() -> str:
    """Interface language: the chosen answer language, or in Auto the language of the last question asked."""
    choice = st.session_state.get("lang_choice", "auto")
    if choice in ("en", "zh"):
        return str(choice)
    return "zh" if st.session_state.get("last_question_lang") == "zh" else "en"


CHAT_PROMPT = "chat_prompt"  # key of the chat page's question box


def settle_ui_lang() -> None:
    """In Auto, a question just sent decides the interface language before anything is drawn (title, sidebar, page)."""
    prompt = st.session_state.get(CHAT_PROMPT)
    if isinstance(prompt, str) and prompt.strip():
        st.session_state["last_question_lang"] = detect_lang(prompt[:2000])


def show_details() -> bool:
    """Show timings, document ids and the index build (the sidebar's technical-details toggle)."""
    return bool(st.session_state.get("show_details", False))


def L(key: str, **fmt: Any) -> str:  # noqa: N802 - short on purpose, used everywhere
    """Interface label in the current interface language."""
    text = label(key, ui_lang())
    return text.format(**fmt) if fmt else text


def lang_name(lang: str) -> str:
    """`en`/`zh` as a word in the interface language."""
    return LANG_NAMES[ui_lang()].get(lang, lang)


# --- settings, engine, user data -------------------------------------------------------------
def settings() -> Settings:
    """Settings from the environment (ASSISTANT_* variables), read on every rerun (cheap)."""
    return load_settings()


def _key(s: Settings) -> str:
    # the data directory does not change answers: one engine serves every data directory
    return s.model_dump_json(exclude={"data_dir"})


@st.cache_resource(show_spinner="Loading the index…", max_entries=4)
def _engine(key: str, build: str, _settings: Settings) -> AnswerEngine:
    eng = engine_from_settings(_settings)  # extractive, or generative when an LLM provider is configured
    tokenize("预热", "zh")  # load the Chinese segmenter now, not on the first Chinese question
    return eng


@st.cache_resource
def _backend(key: str, _settings: Settings) -> Backend:
    return Backend(_settings.index_dir, _settings.chroma_url, _settings.collection_prefix)


_BUILD_POLL_S = 1.0  # a Chroma server is asked at most once a second; the embedded pointer file is only stat()ed
_build_seen: dict[str, tuple[float, str]] = {}


def current_build(s: Settings) -> str:
    """The name of the index's current build, checked cheaply on every rerun ("" when there is none)."""
    key = _key(s)
    backend = _backend(key, s)
    if backend.server_mode:
        seen = _build_seen.get(key)
        if seen and time.monotonic() - seen[0] < _BUILD_POLL_S:
            return seen[1]
    build = backend.current_build()
    _build_seen[key] = (time.monotonic(), build)
    return build


def engine() -> AnswerEngine:
    """The answer engine for the current settings and index build: a new build (ingest, rebuild) is loaded on the next
    rerun; engines of replaced builds drop out of the cache."""
    s = settings()
    return _engine(_key(s), current_build(s), s)


def engine_or_stop() -> AnswerEngine:
    """The engine, or an error box naming the fix and a stopped page."""
    try:
        return engine()
    except AssistantError as exc:
        st.error(f"{L('index_error')}: {md(str(exc))}")
        st.stop()
        raise  # unreachable: st.stop() raises


@st.cache_resource(show_spinner="Preparing the second configuration…")
def _variant_engine(key: str, preset: str, _settings: Settings) -> AnswerEngine:
    from assistant.config import PRESETS
    from assistant.variants import engine_for

    return engine_for(_settings, PRESETS[preset], progress=False)


def variant_engine(preset: str) -> AnswerEngine:
    """An engine for a preset of `assistant.config.PRESETS` (builds a variant index when needed)."""
    s = settings()
    return _variant_engine(_key(s), preset, s)


_DATA_NOTICES = {
    "recovered": {"en": "Your saved feedback and progress were damaged, so a fresh store was started (the old file was kept aside).",
                  "zh": "已保存的反馈和学习进度文件已损坏，已重新开始记录（旧文件已另存）。"},
    "unavailable": {"en": "Feedback and progress cannot be saved right now (the data folder is full or read-only).",
                    "zh": "暂时无法保存反馈和学习进度（数据文件夹已满或只读）。"},
}


def _data_notice(notice: Notice) -> None:
    """A one-line toast: no traceback, no file path (the details go to the server log)."""
    text = _DATA_NOTICES.get(notice.kind, _DATA_NOTICES["unavailable"])
    st.toast(text["zh" if ui_lang() == "zh" else "en"], icon=":material/warning:")


def userdata() -> UserData:
    """Feedback and progress store in the data directory; a damaged file is replaced and its failures become notices."""
    return UserData(default_path(settings()), on_notice=_data_notice)


# --- server settings ----------------------------------------------------------------------------
# The upload cap (benchmark sets), in MB: the uploader, its labels and the size check read this; Streamlit itself reads
# server.maxUploadSize from ui/.streamlit/config.toml, which tests/test_ui_resilience.py keeps equal to it.
MAX_UPLOAD_MB = 2
_REQUIRED_OPTIONS = ("server.address", "browser.gatherUsageStats", "server.maxUploadSize")


def server_settings_problem() -> str | None:
    """Why the app must not serve, or None: started without its settings (ui/.streamlit/config.toml, which Streamlit
    reads next to the script from any working directory, or flags / STREAMLIT_* variables) it would listen on every
    network interface, report usage statistics and accept 200 MB uploads."""
    from streamlit import config as st_config

    unset = [k for k in _REQUIRED_OPTIONS if st_config.get_where_defined(k) == st_config.ConfigOption.DEFAULT_DEFINITION]
    if not unset:
        return None
    return (f"This app was started without its settings ({', '.join(unset)} not set), so it would listen on every network "
            "interface and report usage statistics. Start it with `make run`, or `streamlit run ui/app.py` (Streamlit 1.46 "
            "or later reads ui/.streamlit/config.toml from any folder), or pass `--server.address 127.0.0.1 "
            f"--browser.gatherUsageStats false --server.maxUploadSize {MAX_UPLOAD_MB}`.")


# --- Markdown export -----------------------------------------------------------------------------
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def export_text(text: str) -> str:
    """Text for the Markdown export with HTML escaped: tags and entities from questions and passages show as text."""
    return text.translate(_HTML_ESCAPES)


def export_line(text: str) -> str:
    """`export_text` for a heading or list item: kept on one line, so a question cannot start new Markdown blocks."""
    return export_text(" ".join(text.split()))


def origins() -> list[str] | None:
    """Document origins chosen in the sidebar (None = all)."""
    chosen = [o for o in ("bundled", "user") if st.session_state.get(f"origin_{o}", True)]
    return None if len(chosen) in (0, 2) else chosen


def index_status(eng: AnswerEngine) -> str:
    """One line describing the current index build."""
    m = eng.retriever.manifest
    built = time.strftime("%Y-%m-%d %H:%M", time.localtime(m.built_at)) if m.built_at else "?"
    if not show_details():
        return L("index_line_short", documents=m.documents, chunks=m.chunks, built=built)
    return L("index_line", documents=m.documents, chunks=m.chunks, embedder=m.embedder_id, build=m.build[:12], built=built)


def scenario_dir() -> Path:
    """The corpus's scenario bank (the bundled one when the configured corpus has none)."""
    own = settings().corpus_dir / "scenarios"
    return own if own.is_dir() and any(own.glob("*.yaml")) else PROJECT_ROOT / "corpus" / "scenarios"


# --- citations -------------------------------------------------------------------------------
def citation_title(c: Citation) -> str:
    """`[n] title › section (page p)` (plain text)."""
    page = f" ({L('page')} {c.chunk.page})" if c.chunk.page is not None else ""
    return f"[{c.n}] {c.chunk.title} \u203a {c.chunk.section}{page}"


def render_citation(c: Citation, eng: AnswerEngine, key: str, title: str | None = None) -> None:
    """One expander (labelled `title`, else `[n] title › section`): the passage, its language, full references and a
    toggle for the twin passage."""
    with st.expander(md(title or citation_title(c))):
        ids = f" · {c.chunk.doc_id} · {c.chunk.origin}" if show_details() else ""
        st.caption(md(f"{L('passage_lang')}: {lang_name(c.chunk.lang)}{ids}"))
        st.markdown(md(c.text))
        if c.references:
            st.markdown(f"**{L('references')}**")
            st.markdown("\n".join(f"- {md(r)}" for r in c.references))
        if st.toggle(L("other_lang"), key=f"twin_{key}"):
            twin = eng.retriever.twin_text(c.chunk)
            if twin:
                st.markdown(md(twin))
            else:
                st.caption(L("no_twin"))


def citation_dict_title(c: dict[str, Any]) -> str:
    """`[n] title › section (page p)` for a citation in the answer contract's dict shape."""
    page = f" ({L('page')} {c['page']})" if c.get("page") is not None else ""
    return f"[{c['n']}] {c['title']} \u203a {c['section']}{page}"
