"""Bilingual (EN/ZH) safety assistant for image-guided interventional pain procedures."""

from .config import Settings, load_settings
from .errors import AssistantError
from .types import Answer, Chunk, Citation, Document, Hit

__all__ = ["Answer", "AssistantError", "Chunk", "Citation", "Document", "Hit", "Settings", "load_settings"]
__version__ = "0.1.0"
