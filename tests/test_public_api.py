import assistant


def test_public_api_is_what_we_mean():
    assert sorted(assistant.__all__) == ["Answer", "AssistantError", "Chunk", "Citation", "Document", "Hit", "Settings", "load_settings"]
    from assistant import config, errors, types

    defined_in = {"Settings": config, "load_settings": config, "AssistantError": errors}
    for name in assistant.__all__:
        assert getattr(assistant, name) is getattr(defined_in.get(name, types), name)
