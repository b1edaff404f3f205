from assistant.text import (
    detect_lang,
    numbers_in,
    script_of,
    sentence_spans,
    split_sentences,
    split_tags,
    to_simplified,
    to_traditional,
    tokenize,
)


def test_english_sentences_keep_decimals_abbreviations_and_tags():
    text = "Give 1.5 mL/kg of 20% lipid, e.g. Intralipid. Repeat if needed. [Neal2018; ASRA] Then stop."
    assert split_sentences(text) == ["Give 1.5 mL/kg of 20% lipid, e.g. Intralipid.", "Repeat if needed. [Neal2018; ASRA]", "Then stop."]


def test_chinese_sentences_split_on_full_width_marks_but_not_inside_brackets():
    text = "感染危险因素包括糖尿病（部分取自NACC；未经核实）。第二句！第三句？"
    assert split_sentences(text) == ["感染危险因素包括糖尿病（部分取自NACC；未经核实）。", "第二句！", "第三句？"]
    long_a, long_b = "硬膜外血肿是椎管内操作后最严重的出血并发症之一，需要立即处理", "抗凝药物的停用时间应当严格按照指南执行并由医生判断"
    assert split_sentences(f"{long_a}；{long_b}。") == [f"{long_a}；", f"{long_b}。"]


def test_short_semicolon_list_items_stay_together():
    text = "NSAIDs are held: ibuprofen 1 day; naproxen 4 days; etodolac 2 days. Next sentence here."
    assert split_sentences(text) == ["NSAIDs are held: ibuprofen 1 day; naproxen 4 days; etodolac 2 days.", "Next sentence here."]


def test_sentence_offsets_point_into_the_text():
    text = "硬膜外血肿罕见。Epidural haematoma is rare. 需要紧急MRI。"
    for a, b in sentence_spans(text):
        assert text[a:b].strip() == text[a:b] and text[a:b]


def test_split_tags_strips_trailing_blocks():
    assert split_tags("Blood patch works. [Ghaleb2010; Nair2018]") == ("Blood patch works.", ("Ghaleb2010", "Nair2018"))
    assert split_tags("血补丁有效。[Ghaleb2010]") == ("血补丁有效。", ("Ghaleb2010",))
    assert split_tags("No tags here.") == ("No tags here.", ())


def test_language_detection_handles_mixed_text():
    assert detect_lang("How is PDPH treated?") == "en"
    assert detect_lang("TFESI 的主要风险是什么？") == "zh"
    assert detect_lang("硬膜外血肿") == "zh"
    assert detect_lang("What does 硬膜外 mean in this epidural context here?") == "en"
    # Chinese terms set in English grammar are English; English terms set in Chinese grammar are Chinese
    assert detect_lang("PDPH after 硬膜外 steroid injection, 咖啡因 dose?") == "en"
    assert detect_lang("dabigatran 150 bid, CrCl 35, 要做 kyphoplasty，停几天？") == "zh"
    assert detect_lang("LAST 时 lipid emulsion 的首剂量是多少？") == "zh"


def test_traditional_chinese_is_detected_and_converted_both_ways():
    trad = "硬膜外血腫應該怎麼處理？"
    assert script_of(trad) == "hant"
    assert to_simplified(trad) == "硬膜外血肿应该怎么处理？"
    assert script_of("硬膜外血肿应该怎么处理？") == "hans"
    assert to_traditional("血肿") == "血腫"
    # the forms readers in Taiwan and Hong Kong use (為, 臨床, 核實), and 发生 never turned into hair (髮)
    assert to_traditional("仅供临床决策参考，未经核实，感染发生率约为 3%") == "僅供臨床決策參考，未經核實，感染發生率約為 3%"
    assert script_of("如果只是電池囊袋表淺感染 要整組拿掉嗎") == "hant" and script_of("臨牀爲") == "hant"
    assert to_traditional("毛发生长") == "毛髮生長" and to_traditional("感染发热和面部潮红") == "感染發熱和面部潮紅"
    assert to_traditional("系据指南回忆整理") == "系據指南回憶整理"
    assert script_of("epidural") == "latin"
    # a slip of two Traditional characters in a Simplified question: the answer stays Simplified
    assert script_of("PVP術後复查片子看到椎旁静脉里有一小条骨水泥，病人一点症状没有，需要处理吗") == "hans"
    assert script_of("PVP術後複查片子看到椎旁靜脈裡有一小條骨水泥，需要處理嗎") == "hant"


def test_tokenize_stems_english_and_segments_chinese():
    assert tokenize("How is post-dural puncture headache treated?", "en") == ["post", "dural", "punctur", "headach", "treat"]
    assert tokenize("the treatment", "en") == tokenize("treated", "en")
    zh = tokenize("硬膜外血肿的危险因素", "zh")
    assert "血肿" in zh and "的" not in zh


def test_numbers_are_normalised():
    assert numbers_in("1,000 injections, 0.5% and 72 h") == ["1000", "0.5", "72"]


def test_the_on_disk_dictionary_cuts_the_chinese_corpus_exactly_as_jiebas_in_memory_one(tmp_path):
    from pathlib import Path

    import jieba

    from assistant import zh_dict

    disk = zh_dict.disk_tokenizer(tmp_path)
    assert disk is not None and isinstance(disk.FREQ, zh_dict.DiskFreq) and list(tmp_path.glob("assistant-jieba-*.sqlite"))
    ref = jieba.Tokenizer()
    ref.initialize()
    for tk in (disk, ref):
        tk.add_word("经椎间孔", 2000)  # a word of ours, added after the dictionary is read
    texts = [line for p in sorted(Path("corpus/zh").glob("*.md")) for line in p.read_text(encoding="utf-8").splitlines() if line]
    assert len(texts) > 500 and disk.total == ref.total
    assert [disk.lcut_for_search(t) for t in texts] == [ref.lcut_for_search(t) for t in texts]
    assert [disk.lcut(t) for t in texts] == [ref.lcut(t) for t in texts]
    zh_dict.load_all(disk)  # before a corpus is cut: a plain dict, with the added word
    assert type(disk.FREQ) is dict and disk.FREQ["经椎间孔"] == 2000 and disk.FREQ == ref.FREQ


def test_without_a_writable_cache_folder_jiebas_own_dictionary_is_used(tmp_path):
    from assistant import zh_dict

    assert zh_dict.disk_tokenizer(tmp_path / "missing" / "folder") is None  # the caller falls back to jieba.dt
    assert not list(tmp_path.rglob("*.sqlite*"))


def test_an_abbreviation_in_capitals_is_no_english_grammar():
    for text in ("OR 突发室颤", "IT 泵 巴氯芬 撤药 症状", "DO 患者 硬膜外 注射 风险"):
        assert detect_lang(text) == "zh", text


def test_a_capitalised_sentence_start_is_english_grammar():
    assert detect_lang("Before 射频消融, stop 阿司匹林?") == "en" and detect_lang("For PDPH 硬膜外血补片 timing?") == "en"
