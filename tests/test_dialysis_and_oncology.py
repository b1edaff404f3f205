"""Rounds 161 onwards (a nephrologist asked about a dialysis patient, a day-surgery recovery nurse, a private-practice pain
attending; a neurologist on a post-procedure deficit, an oncology nurse caring for an intrathecal pump, an anaesthesia
resident on the pain rotation; with their Chinese counterparts): the asks these clinicians phrase their own way, and the
sentence that answers them first."""

from __future__ import annotations

import pytest
from answer_lines import bullets as _bullets
from answer_lines import notes as _notes

# --- a step stated for another implant is said to be that implant's ------------------------------------------------------

@pytest.mark.parametrize("q,other,own", [
    ("intrathecal pump pocket looks red and swollen with some discharge, what now?", "spinal cord stimulation", "intrathecal pump"),
    ("鞘内泵囊袋红肿渗液怎么办", "脊髓电刺激", "鞘内泵")])
def test_an_infected_pump_pocket_gets_the_stimulator_rule_marked_as_the_stimulators(implant_engine, q, other, own):  # type: ignore[no-untyped-def]
    text = implant_engine.answer(q).text
    assert "explant" in _bullets(text)[0].lower() or "取出" in _bullets(text)[0], text  # (the infection's step, not an overdose)
    assert any(other in n and own in n for n in _notes(text)), text
    assert text.index(_notes(text)[0]) < text.index(_bullets(text)[0]), text  # (said before the step, not after it)


@pytest.mark.parametrize("q", ["SCS IPG pocket red and swollen 10 days post implant, what do I do?",
                               "SCS电池囊袋红肿流脓怎么处理"])
def test_the_stimulators_own_pocket_infection_gets_no_borrowed_note(implant_engine, q):  # type: ignore[no-untyped-def]
    text = implant_engine.answer(q).text
    assert "explant" in _bullets(text)[0].lower() or "取出" in _bullets(text)[0], text
    assert not any("first point" in n or "第一条" in n for n in _notes(text)), text
