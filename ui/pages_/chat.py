"""Chat page (clinicians): grounded answers with numbered citations, feedback and export."""

from __future__ import annotations

import json
import time
from typing import Any

import streamlit as st

from assistant.answer import AnswerEngine
from assistant.llm import GenerativeEngine
from assistant.types import Answer, Turn
from ui.answer_view import answer_markdown
from ui.common import (
    CHAT_PROMPT,
    L,
    answer_lang,
    citation_title,
    engine_or_stop,
    export_line,
    export_text,
    md,
    origins,
    render_citation,
    show_details,
    userdata,
)
from ui.labels import LABELS
from ui.widgets import enable_citation_links, run_js

TURNS = "chat_turns"
CONTEXT_FROM = "chat_context_from"  # index of the first turn whose question is context for the next one ("New topic")
MAX_QUESTION = 2000  # characters; a 100k-character paste took 100 s to answer


def body_lines(ans: Answer) -> list[str]:
    """The answer's sentence lines, without the escalation and disclaimer lines."""
    skip = {ans.escalation.strip(), ans.disclaimer.strip(), ""}
    return [ln for ln in ans.text.splitlines() if ln.strip() not in skip]


def _save_feedback(turn: Turn, rating: int) -> None:
    ans = turn.answer
    if ans is None:
        return
    comment = str(st.session_state.get(f"comment_{turn.id}", ""))
    cites = json.dumps([c.to_dict() for c in ans.citations], ensure_ascii=False)
    userdata().save_feedback(turn.question, ans.text, cites, rating, comment)
    turn.feedback = rating


def _clear() -> None:
    st.session_state[TURNS] = []
    st.session_state[CONTEXT_FROM] = 0


def _new_topic() -> None:
    st.session_state[CONTEXT_FROM] = len(st.session_state.get(TURNS, []))


def timings_line(timings: dict[str, float]) -> str:
    """`stage 1.2 · … · total 40.0` with the stage names in the interface language."""
    names = LABELS["en"]
    return " · ".join(f"{L(f'stage_{k}') if f'stage_{k}' in names else k} {v:.1f}" for k, v in timings.items())


def render_answer(turn: Turn, ans: Answer, eng: AnswerEngine) -> None:
    """Escalation first, then how a follow-up was read, the answer (or the abstention), citations and feedback;
    timings only with the sidebar's technical details."""
    tid = turn.id
    if ans.urgent and ans.escalation:
        st.error(md(ans.escalation), icon=":material/emergency:")
    if ans.condensed_question:
        st.caption(md(L("read_as", q=ans.condensed_question)))
    body = "\n".join(body_lines(ans))
    if ans.abstained:
        st.warning(f"**{L('not_in_kb')}**  \n{md(body)}", icon=":material/travel_explore:")
        missing = [t for t in ans.nearest_topics if t not in body]  # the engine's text usually names them already
        if missing:
            st.markdown(f"{L('nearest')}\n" + "\n".join(f"- {md(t)}" for t in missing))
    else:
        st.markdown(answer_markdown(body, link=tid))
    st.caption(md(ans.disclaimer))
    with st.container(key=f"cites_{tid}"):
        for c in ans.citations:
            render_citation(c, eng, f"{tid}_{c.n}")
    if turn.feedback is None:
        st.text_input(L("comment"), key=f"comment_{tid}")
        with st.container(horizontal=True):
            st.button(L("helpful"), icon=":material/thumb_up:", key=f"up_{tid}", on_click=_save_feedback, args=(turn, 1))
            st.button(L("not_helpful"), icon=":material/thumb_down:", key=f"down_{tid}", on_click=_save_feedback,
                      args=(turn, -1))
    else:
        st.caption((":material/thumb_up: " if turn.feedback > 0 else ":material/thumb_down: ") + L("thanks"))
    if show_details():
        st.caption(f"{L('timings')}: {md(timings_line(ans.timings_ms))}")


def export_markdown(turns: list[Turn]) -> str:
    """The conversation as a Markdown document: questions, answers and full references."""
    out = [f"# {L('app_title')}", "", time.strftime("%Y-%m-%d %H:%M"), ""]
    answered = [(t.question, t.answer) for t in turns if t.answer is not None]
    for i, (question, ans) in enumerate(answered, start=1):
        out += [f"## {i}. {export_line(question)}", "", export_text(ans.text), ""]
        if ans.citations:
            out += [f"### {L('references')}", ""]
            for c in ans.citations:
                out.append(f"- {export_line(citation_title(c))} ({c.chunk.id})")
                out += [f"    - {export_line(r)}" for r in c.references]
            out.append("")
    return "\n".join(out)


def compute_answer(eng: AnswerEngine, question: str, history: list[str], box: Any, tid: str) -> Answer:
    """The answer, with a visible "Searching…" in its place meanwhile (the model's tokens when an LLM writes it);
    the new question is brought into view at once."""
    if isinstance(eng, GenerativeEngine):  # stream the model's tokens while it writes, then show the checked answer
        streamed: list[str] = []
        with box.container():
            st.caption(L("searching"))
            scroll_to_turn(tid, "asked")

        def _show(token: str) -> None:
            streamed.append(token)
            box.text("".join(streamed))

        return eng.answer(question, history, origins(), answer_lang(), on_token=_show)
    with box.container():
        scroll_to_turn(tid, "asked")
        with st.spinner(L("searching")):
            return eng.answer(question, history, origins(), answer_lang())


# Keeps a turn's top in view for ~15 s. The chat layout pins the page to the bottom and animates there whenever it grows;
# it lets go when it sees a scroll it did not make while idle, so we scroll only after its own scrolling has been still for
# 150 ms (its scroll handler is throttled to 100 ms). Stops at the user's first scroll, tap or key, or when a newer turn asks.
_SCROLL_JS = """(function(){
const sel = '.st-key-turn_%(tid)s', phase = '%(phase)s';
const box = document.querySelector('[data-testid="stAppScrollToBottomContainer"]');
let n = 0, stop = false, lastTop = box ? box.scrollTop : 0, lastMove = 0;
window.__turnScroll = sel;  // a newer turn takes over
['wheel', 'touchstart', 'pointerdown', 'keydown'].forEach(function(t) {
  window.addEventListener(t, function() { stop = true; }, {once: true, passive: true, capture: true});
});
function go() {
  if (stop || window.__turnScroll !== sel) return;
  n++;
  const now = Date.now();
  if (box && box.scrollTop !== lastTop) { lastTop = box.scrollTop; lastMove = now; }
  const turn = document.querySelector(sel);
  if (turn) {
    const msgs = turn.querySelectorAll('[data-testid="stChatMessage"]');
    const q = msgs[0], a = msgs[1] || turn;
    const el = (q && q.getBoundingClientRect().height < window.innerHeight * 0.3) ? turn : a;
    el.style.scrollMarginTop = '4.5rem';
    const top = el.getBoundingClientRect().top;
    if ((top < 0 || top > window.innerHeight * 0.4) && now - lastMove >= 150) {
      el.scrollIntoView({block: 'start'});
      if (box) { lastTop = box.scrollTop; lastMove = now; }
    }
  }
  if (n < 300) setTimeout(go, 50);
}
go();
})();"""


def scroll_to_turn(tid: str, phase: str) -> None:
    """Bring a turn's top into view (the answer's top, with its urgent banner, when the question is long) and keep it
    there while the page settles; `phase` makes the question's and the answer's requests separate scripts."""
    run_js(_SCROLL_JS % {"tid": tid, "phase": phase})


def show_turn(turn: Turn, eng: AnswerEngine) -> bool:
    """Draw one turn; a pending turn (no answer yet) is answered here, with "Searching…" in place meanwhile.
    Returns True when the turn was answered in this run."""
    fresh = False
    with st.container(key=f"turn_{turn.id}"):
        with st.chat_message("user"):
            st.markdown(md(turn.question))
        with st.chat_message("assistant"):
            if turn.answer is None:
                box = st.empty()
                turn.answer = ans = compute_answer(eng, turn.question, turn.history, box, turn.id)
                st.session_state["last_question_lang"] = ans.lang
                fresh = True
                with box.container():
                    render_answer(turn, ans, eng)
            else:
                render_answer(turn, turn.answer, eng)
    return fresh


eng = engine_or_stop()
st.title(L("app_title"))
st.caption(L("chat_intro"))
turns: list[Turn] = st.session_state.setdefault(TURNS, [])
context_from = min(int(st.session_state.get(CONTEXT_FROM, 0)), len(turns))

# a stable key: the placeholder is translated, and without a key a new placeholder is a new widget that drops the question
prompt = st.chat_input(L("chat_placeholder"), key=CHAT_PROMPT)
too_long = bool(prompt) and len(prompt or "") > MAX_QUESTION
if prompt and prompt.strip() and not too_long:
    # kept before it is answered: a question sent while another is computed interrupts that run, and both stay pending
    turns.append(Turn(prompt, history=[t.question for t in turns[context_from:]]))

answered = ""
for i, turn in enumerate(turns):
    if i == context_from and i > 0:
        st.caption(f":material/restart_alt: {L('new_topic_marker')}")
    if show_turn(turn, eng):
        answered = turn.id
if context_from == len(turns) and turns:
    st.caption(f":material/restart_alt: {L('new_topic_marker')}")
if too_long:
    st.warning(L("too_long", n=len(prompt or ""), limit=MAX_QUESTION), icon=":material/short_text:")
if answered:
    scroll_to_turn(answered, "answered")

if turns:
    with st.container(horizontal=True):
        st.download_button(L("export"), export_markdown(turns), file_name="conversation.md", mime="text/markdown",
                           on_click="ignore", key="export_md", icon=":material/download:")
        st.button(L("new_topic"), on_click=_new_topic, key="new_topic", icon=":material/restart_alt:",
                  disabled=context_from == len(turns))
        st.button(L("clear"), on_click=_clear, key="clear_chat", icon=":material/delete:")
    enable_citation_links()
