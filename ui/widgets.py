"""Widget state that survives a change of interface language, and small browser-side helpers (scrolling, links)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st


def keep(*keys: str) -> None:
    """Re-assign the values of keyed choice widgets before they are drawn.

    Streamlit keeps a radio's, selectbox's or tab bar's value as the option's displayed text; when that text is
    translated (a format_func or label that follows the interface language) the old text matches no option and the
    widget goes blank. Reading the value (decoded with the previous run's options) and assigning it back makes the
    widget encode it again with this run's text.
    """
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


RELABEL = "\u200b"
"""Appended (invisibly, once or twice in turn) to the tab labels in a run where the app opens a tab. The browser moves to
the server's tab only when its index differs from the index of the last run it drew, and a tab click still in flight
when a button was pressed is merged into the button's run (or never reported), so that run may send the same index as
the one before the click: the browser would stay on the clicked tab. When its labels change, the browser drops its own
choice for the server's tab (Streamlit 1.67, frontend TabContainer)."""


def stable_tabs(ids: Sequence[str], label: Callable[[str], str], key: str) -> dict[str, Any]:
    """Tabs whose selection is kept by id (labels may be translated); `st.session_state[key + '_id']` selects one.

    Returns the tab containers by id.
    """
    id_key = f"{key}_id"
    by_app = st.session_state.pop(f"{key}_chosen", None)  # an app's choice counts for the run it was made in (see `select_tab`)
    current = st.session_state.get(id_key, ids[0])
    if current not in ids:
        current = ids[0]
    labels = [label(i) for i in ids]
    if by_app:  # (the browser may show another tab than the one it last reported: always relabel, alternating the mark so
        # that two such runs in a row differ too)
        turn = st.session_state[f"{key}_relabels"] = st.session_state.get(f"{key}_relabels", 0) + 1
        labels = [t + RELABEL * (1 + turn % 2) for t in labels]
    st.session_state[key] = labels[ids.index(current)]

    def _changed() -> None:
        chosen = st.session_state.get(key)
        if chosen in labels and not st.session_state.get(f"{key}_chosen"):
            st.session_state[id_key] = ids[labels.index(chosen)]

    tabs = st.tabs(labels, key=key, on_change=_changed)
    if by_app:  # and, should the browser still show another tab, the page itself opens the app's tab
        run_js(_OPEN_TAB_JS.replace("LABEL", json.dumps(label(current))).replace("TURN", str(st.session_state[f"{key}_relabels"])))
    return dict(zip(ids, tabs))


# Clicks the tab labelled LABEL (marks aside) in the main area when it is not the selected one, checking for two seconds
# while the page draws the run (TURN makes each run's script new, so it is run again).
_OPEN_TAB_JS = (
    "(function(){const want=LABEL;let n=0;/*TURN*/const f=function(){n+=1;"
    "for(const t of document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stTab\"], #stMain [data-testid=\"stTab\"]')){"
    "if((t.textContent||'').replace(/\u200b/g,'').trim()===want){if(t.getAttribute('aria-selected')!=='true'){t.click();}return;}}"
    "if(n<20){setTimeout(f,100);}};setTimeout(f,100);})();"
)


def select_tab(key: str, tab_id: str) -> None:
    """Open a tab of `stable_tabs(..., key)` from a callback (a button elsewhere on the page). A tab click still in
    flight when the button was pressed arrives in the same run; its callback may run after this one and would undo the
    choice, so the choice is marked as the app's own for that run."""
    st.session_state[f"{key}_id"] = tab_id
    st.session_state[f"{key}_chosen"] = True


def run_js(script: str) -> None:
    """Run a small script in the page (not in an iframe). Identical scripts are not run again on a rerun.

    The script travels base64-encoded: the HTML sanitiser drops a script whose text contains `<`.
    """
    code = base64.b64encode(script.encode("utf-8")).decode("ascii")
    st.html(f'<script>eval(atob("{code}"))</script>', unsafe_allow_javascript=True)


CITE_LINKS_JS = (
    "(function(){if(window.__citeLinks)return;window.__citeLinks=true;"
    "document.addEventListener('click',function(e){"
    "const a=e.target&&e.target.closest?e.target.closest('a[href*=\"#cite-\"]'):null;if(!a)return;"
    "const m=(a.getAttribute('href')||'').match(/#cite-([A-Za-z0-9_]+)-(\\d+)$/);if(!m)return;"
    "e.preventDefault();e.stopPropagation();"
    "const box=document.querySelector('.st-key-cites_'+m[1])||document;"
    "for(const ex of box.querySelectorAll('[data-testid=\"stExpander\"]')){"
    "const s=ex.querySelector('summary');const t=s?s.textContent:'';const k=t.match(/\\[(\\d+)\\]/);"
    "if(k&&k[1]===m[2]){const d=ex.querySelector('details');if(d&&!d.open)s.click();"
    "ex.scrollIntoView({block:'center'});break;}}},true);})();"
)


def enable_citation_links() -> None:
    """Make `[n]` links (`#cite-<turn>-<n>`) open and show passage n of that answer (`st.container(key='cites_<turn>')`)."""
    run_js(CITE_LINKS_JS)
