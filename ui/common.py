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
from assistant.text import tokenize
from assistant.types import Citation, Lang
from assistant.userdata import UserData, default_path
from ui.labels import LANG_NAMES, label

LANG_CHOICES = ("auto", "en", "zh")
LANG_CHOICE_NAMES = {"auto": "Auto / 自动", "en": "English", "zh": "中文"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^])")


# --- text --------------------------------------------------------------------------------
def md(text: str) -> str:
    """Escape every Markdown (and HTML) special character so `st.markdown` shows the text literally."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def answer_markdown(text: str) -> str:
    """Answer text as safe Markdown: `- ` lines stay bullets, everything else is escaped."""
    lines = [f"- {md(ln[2:])}" if ln.startswith("- ") else md(ln) for ln in text.splitlines()]
    return "\n".join(lines)


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


@st.cache_resource(show_spinner="Loading the index…")
def _engine(key: str, _settings: Settings) -> AnswerEngine:
    eng = engine_from_settings(_settings)  # extractive, or generative when an LLM provider is configured
    tokenize("预热", "zh")  # load the Chinese segmenter now, not on the first Chinese question
    return eng


def engine() -> AnswerEngine:
    """The answer engine for the current settings, created once per process and settings."""
    s = settings()
    return _engine(_key(s), s)


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
    from assistant.evaluation import PRESETS, engine_for

    return engine_for(_settings, PRESETS[preset], progress=False)


def variant_engine(preset: str) -> AnswerEngine:
    """An engine for a preset of `assistant.evaluation.PRESETS` (builds a variant index when needed)."""
    s = settings()
    return _variant_engine(_key(s), preset, s)


def userdata() -> UserData:
    """Feedback and progress store in the data directory."""
    return UserData(default_path(settings()))


def origins() -> list[str] | None:
    """Document origins chosen in the sidebar (None = all)."""
    chosen = [o for o in ("bundled", "user") if st.session_state.get(f"origin_{o}", True)]
    return None if len(chosen) in (0, 2) else chosen


def index_status(eng: AnswerEngine) -> str:
    """One line describing the current index build."""
    m = eng.retriever.manifest
    built = time.strftime("%Y-%m-%d %H:%M", time.localtime(m.built_at)) if m.built_at else "?"
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


def render_citation(c: Citation, eng: AnswerEngine, key: str) -> None:
    """One expander: the passage, its language, full references and a toggle for the twin passage."""
    with st.expander(md(citation_title(c))):
        st.caption(md(f"{L('passage_lang')}: {lang_name(c.chunk.lang)} · {c.chunk.doc_id} · {c.chunk.origin}"))
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
