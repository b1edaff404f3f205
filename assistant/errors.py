"""Error hierarchy; every message names the fix."""


class AssistantError(Exception):
    """Base class for errors shown to the user as one line (exit code 2)."""


class ConfigError(AssistantError):
    """Invalid settings."""


class IndexMissingError(AssistantError):
    """No index has been built yet."""

    def __init__(self, where: str) -> None:
        super().__init__(f"no index found in {where}: run `assistant index build`")


class IndexMismatchError(AssistantError):
    """The index was built with other settings than the current ones."""


class IndexCorruptError(AssistantError):
    """The index files cannot be read."""


class DocumentError(AssistantError):
    """A document cannot be read or parsed."""


class CorpusError(AssistantError):
    """The bundled corpus fails validation."""


class EmbedderError(AssistantError):
    """The embedding backend cannot be loaded."""


class InputError(AssistantError):
    """Bad user input (question, set file, upload)."""
