"""Chat page (clinicians): grounded answers with numbered citations, feedback and export."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import streamlit as st

from assistant.answer import AnswerEngine
from assistant.llm import GenerativeEngine
from assistant.types import Answer
from ui.common import L, answer_lang, answer_markdown, citation_title, engine_or_stop, md, origins, render_citation, userdata

TURNS = "chat_turns"


def body_lines(ans: Answer) -> list[str]:
    """The answer's sentence lines, without the escalation and disclaimer lines."""
    skip = {ans.escalation.strip(), ans.disclaimer.strip(), ""}
    return [ln for ln in ans.text.splitlines() if ln.strip() not in skip]


def _save_feedback(turn: dict[str, Any], rating: int) -> None:
    ans: Answer = turn["answer"]
    comment = str(st.session_state.get(f"comment_{turn['id']}", ""))
    cites = json.dumps([c.to_dict() for c in ans.citations], ensure_ascii=False)
    userdata().save_feedback(turn["question"], ans.text, cites, rating, comment)
    turn["feedback"] = rating


def _clear() -> None:
    st.session_state[TURNS] = []


def render_answer(turn: dict[str, Any], eng: AnswerEngine) -> None:
    """Escalation first, then the answer (or the abstention), citations, feedback and timings."""
    ans: Answer = turn["answer"]
    if ans.urgent and ans.escalation:
        st.error(md(ans.escalation), icon=":material/emergency:")
    if ans.abstained:
        text = "\n".join(body_lines(ans))
        st.warning(f"**{L('not_in_kb')}**  \n{md(text)}", icon=":material/travel_explore:")
        if ans.nearest_topics:
            st.markdown(f"{L('nearest')}\n" + "\n".join(f"- {md(t)}" for t in ans.nearest_topics))
    else:
        st.markdown(answer_markdown("\n".join(body_lines(ans))))
    st.caption(md(ans.disclaimer))
    for c in ans.citations:
        render_citation(c, eng, f"{turn['id']}_{c.n}")
    if turn.get("feedback") is None:
        st.text_input(L("comment"), key=f"comment_{turn['id']}")
        with st.container(horizontal=True):
            st.button(L("helpful"), icon=":material/thumb_up:", key=f"up_{turn['id']}", on_click=_save_feedback, args=(turn, 1))
            st.button(L("not_helpful"), icon=":material/thumb_down:", key=f"down_{turn['id']}", on_click=_save_feedback,
                      args=(turn, -1))
    else:
        st.caption((":material/thumb_up: " if turn["feedback"] > 0 else ":material/thumb_down: ") + L("thanks"))
    timings = " · ".join(f"{k} {v:.1f}" for k, v in ans.timings_ms.items())
    st.caption(f"{L('timings')}: {md(timings)}")


def export_markdown(turns: list[dict[str, Any]]) -> str:
    """The conversation as a Markdown document: questions, answers and full references."""
    out = [f"# {L('app_title')}", "", time.strftime("%Y-%m-%d %H:%M"), ""]
    for i, turn in enumerate(turns, start=1):
        ans: Answer = turn["answer"]
        out += [f"## {i}. {turn['question']}", "", ans.text, ""]
        if ans.citations:
            out += [f"### {L('references')}", ""]
            for c in ans.citations:
                out.append(f"- {citation_title(c)} ({c.chunk.id})")
                out += [f"    - {r}" for r in c.references]
            out.append("")
    return "\n".join(out)


eng = engine_or_stop()
st.title(L("app_title"))
st.caption(L("chat_intro"))
turns: list[dict[str, Any]] = st.session_state.setdefault(TURNS, [])

prompt = st.chat_input(L("chat_placeholder"))
if prompt and prompt.strip():
    history = [t["question"] for t in turns]
    if isinstance(eng, GenerativeEngine):  # stream the model's tokens while it writes, then show the checked answer
        with st.chat_message("assistant"):
            box = st.empty()
            streamed: list[str] = []

            def _show(token: str) -> None:
                streamed.append(token)
                box.text("".join(streamed))

            answer = GenerativeEngine(eng.settings, chat_model=eng.chat_model, on_token=_show, retriever=eng.retriever,
                                      references=eng.references).answer(prompt, history, origins(), answer_lang())
            box.empty()
    else:
        with st.spinner("…"):
            answer = eng.answer(prompt, history, origins(), answer_lang())
    st.session_state["last_question_lang"] = answer.lang
    turns.append({"id": uuid.uuid4().hex[:10], "question": prompt, "answer": answer, "feedback": None})

for turn in turns:
    with st.chat_message("user"):
        st.markdown(md(turn["question"]))
    with st.chat_message("assistant"):
        render_answer(turn, eng)

if turns:
    with st.container(horizontal=True):
        st.download_button(L("export"), export_markdown(turns), file_name="conversation.md", mime="text/markdown",
                           on_click="ignore", key="export_md", icon=":material/download:")
        st.button(L("clear"), on_click=_clear, key="clear_chat", icon=":material/delete:")
