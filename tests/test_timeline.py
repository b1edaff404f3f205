"""The last dose and the procedure as a question tells them: clock times, days, whose each is, the time between."""

from __future__ import annotations

import pytest

from assistant.timeline import Day, dose_to_procedure, moments


@pytest.mark.parametrize(("text", "lang", "hours"), [
    ("last dose 9pm, procedure 8am", "en", 11.0),  # the later time falls within the next 24 h
    ("9pm yesterday, 8am today", "en", 11.0),
    ("procedure at 8am tomorrow, last dose tonight at 9 pm", "en", 11.0),  # told the other way round, with day words
    ("took apixaban at 0700, RFA at 1500?", "en", 8.0),
    ("last eliquis 5mg 10pm, SCS trial booked 7:30am", "en", 9.5),
    ("昨晚9点吃的利伐沙班，今天上午8点做", "zh", 11.0),
    ("昨天下午3点吃的，明天上午10点做", "zh", 43.0),
    ("今早7点半吃的阿司匹林", "zh", None),  # one time told: nothing to work
    ("held 3 days, restart at 24 h", "en", None),
    ("last dose tonight 9pm, procedure 8am", "en", 11.0),  # the procedure falls the next morning
    ("procedure 8am, last dose 10pm", "en", 10.0),  # told the other way round: their words say which is which
    ("last dose yesterday 8am, procedure 9am", "en", 25.0),  # a time with no day word falls today
    ("晚上12点打的克赛，早上8点做", "zh", 8.0),  # 晚上12点 is midnight
    ("晚9点打的克赛，早8点做", "zh", 11.0),
    ("10pm吃的，早上8点做", "zh", 10.0),  # English and Chinese times in the order told
    ("gave 2 amps of bicarb, last dose 9pm, block 8am", "en", 11.0),  # "amps" is no time
    ("lido 1:10 mix, last dose 21:00, block 08:00", "en", 11.0),  # nor is a ratio
    ("早上9点 20mg，下午3点做", "zh", 6.0),  # nor a dose after the hour
    ("9点吃的，8点做", "zh", None),  # morning or evening not told
    ("last dose 2 days ago at 9pm, procedure 8am today", "en", 35.0),
    ("last dose Sunday 8pm, procedure today 8am", "en", None),  # a weekday beside "today": which week is not told
    ("pt on apixaban, last dose 0800 today. booked L4/5 interlaminar ESI tmrw 0900. ok?", "en", 25.0),  # (L4/5 is no date)
    ("enoxaparin 1mg/kg bid, last dose 2000 last night. RFA booked 1000 today - ok?", "en", 14.0),
    ("dabigatran, last dose Tue 20:00, pump implant Fri 08:00", "en", 60.0),  # weekdays, forward
    ("达比加群末次服药周二晚上8点，周五早上8点做泵植入", "zh", 60.0),
    ("3/2停的氯吡格雷，3/8做", "zh", None),  # a slash date: March or February
    ("took 2000 mg at 0800", "en", None),  # a dose is no time
])
def test_the_time_from_the_last_dose_to_the_procedure(text, lang, hours):
    got = dose_to_procedure(text, lang)
    assert (got.hours if got else None) == hours


@pytest.mark.parametrize(("text", "lang", "days"), [
    ("氯吡格雷3月2日晚上停的，3月8日上午做SCS植入", "zh", 6), ("clopidogrel stopped on 2 March, SCS implant 8 March", "en", 6),
    ("plavix stopped Monday, SCS trial Friday", "en", 4), ("stopped clopidogrel 5 days ago, trial today", "en", 5),
    ("氯吡格雷前天停的，今天做", "zh", 2),
])
def test_days_told_without_clock_times_give_whole_days(text, lang, days):
    got = dose_to_procedure(text, lang)
    assert got is not None and not got.exact and got.hours == 24 * days


def test_moments_keep_their_words_day_and_role():
    a, b = moments("昨晚9点半吃的，今天上午8点做", "zh") or []
    assert (a.hours, a.day, a.shown, a.role) == (21.5, Day("rel", -1), "昨晚9点半", "dose")
    assert (b.hours, b.day, b.shown, b.role) == (8.0, Day("rel", 0), "今天上午8点", "procedure")
    assert moments("9点吃的，8点做", "zh") is None




@pytest.mark.parametrize(("text", "lang", "hours"), [
    ("昨晚12点打的，今天早上8点做", "zh", 8.0),  # a night's midnight is the one after that evening
    ("midnight last night, procedure 8am today", "en", 8.0),
    ("今晚12点打最后一针，明天早上8点做", "zh", 8.0),
    ("昨天夜里2点吃的，今天早上8点做", "zh", None),  # the small hours of which night: not plain
    ("stopped clopidogrel Monday morning, SCS trial Monday afternoon", "en", None),  # the same weekday twice
    ("last dose Monday 9am, procedure Monday 8am", "en", None),
    ("stopped Tuesday, procedure next Friday", "en", None),  # which week is told by "next": not read
    ("apixaban stopped Tuesday, sats 98% on air", "en", None),  # "sats" is no Saturday
    ("clopidogrel stopped 2 March, SCS trial with marcaine 10 ml", "en", None),  # nor "marcaine 10" a date
    ("clexane injection 5am today - ok for 9am?", "en", 4.0),  # "injection" tells no procedure
    ("enoxaparin injection 8pm yesterday. ok for 9am?", "en", 13.0),
    ("last dose 8am procedure tomorrow 9am", "en", 25.0),  # "tomorrow" is the nearer time's day
    ("stopped 3/2 at 8pm, procedure 3/8 at 9am", "en", None),  # slash dates beside times
    ("pain 7/10, last dose 9pm, block 8am", "en", 11.0),  # a pain score is no date
    ("每周三次透析，末次服药昨晚9点，今天上午8点做", "zh", 11.0),  # 每周三 is no Wednesday
])
def test_times_that_are_not_plain_give_nothing_and_the_rest_are_read_right(text, lang, hours):
    got = dose_to_procedure(text, lang)
    assert (got.hours if got else None) == hours, got


def test_a_follow_up_telling_only_the_new_procedure_time_is_read_with_the_dose_time_before():
    before = "clexane 1mg/kg bd, last dose 20:00 last night, SCS lead trial booked 10:00 today - go?"
    moved = dose_to_procedure("ok so if we push to tomorrow 10:00 thats fine?", "en", before)
    assert moved is not None and moved.hours == 38.0 and moved.dose.shown == "20:00 last night"
    assert dose_to_procedure("ok so if we push to tomorrow 10:00 thats fine?", "en") is None  # (no dose told: nothing)
    assert dose_to_procedure("改到明天上午10点做可以吗？", "zh", "克赛末次是昨晚8点打的，今天上午10点做，行吗？").hours == 38.0


def test_a_clock_time_and_a_part_of_the_day_give_a_narrow_range():
    from assistant.timeline import dose_to_procedure
    i = dose_to_procedure("拜瑞妥20mg qd 末次昨晚8点 明早腰椎TFESI 能做吗", "zh")
    assert i is not None and not i.exact and i.hours - i.slack >= 34 and i.hours + i.slack <= 40, i
    # the part of the day told after the day in words: "tomorrow morning", "Thursday afternoon", 明天上午
    for text, lang, lo, hi in (("apixaban last dose yesterday at 8pm, ILESI tomorrow morning - long enough?", "en", 34, 40),
                               ("rivaroxaban last taken Monday 9am, RFA booked Thursday afternoon, ok?", "en", 75, 81),
                               ("阿哌沙班昨晚8点吃的最后一次 明天上午做腰椎ILESI 够了吗", "zh", 34, 40)):
        k = dose_to_procedure(text, lang)
        assert k is not None and not k.exact and k.hours - k.slack >= lo and k.hours + k.slack <= hi, (text, k)
    # "pm" is the afternoon or the evening (12-24 h), not the afternoon alone; "am I ok" is no morning
    pm = dose_to_procedure("enoxaparin 40mg last dose yesterday pm, caudal today at 8am", "en")
    assert pm is not None and pm.hours - pm.slack <= 8 and pm.hours + pm.slack >= 20, pm
    # two days with no clock times stay whole days, a day either way
    j = dose_to_procedure("last dose yesterday, procedure tomorrow", "en")
    assert j is not None and j.slack == 24.0
