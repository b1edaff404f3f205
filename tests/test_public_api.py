import assistant


def test_public_api_is_what_we_mean():
    assert sorted(assistant.__all__) == ["Answer", "AssistantError", "Chunk", "Citation", "Document", "Hit", "Settings", "load_settings"]
    for name in assistant.__all__:
        assert getattr(assistant, name) is not None
