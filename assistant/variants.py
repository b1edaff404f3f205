"""Configurations to compare: a preset name or KEY=VALUE overrides, and an answer engine for each (building a
variant index beside the main one when the overrides change how the index is built)."""

from __future__ import annotations

from .answer import AnswerEngine
from .config import PRESETS, Settings
from .errors import InputError


def parse_config(spec: str) -> tuple[str, dict[str, object]]:
    """A preset name (`config.PRESETS`), or KEY=VALUE[,KEY=VALUE] settings overrides: (name, overrides)."""
    if spec in PRESETS:
        return spec, dict(PRESETS[spec])
    over: dict[str, object] = {}
    for part in spec.split(","):
        if "=" not in part:
            raise InputError(f"config {spec!r}: use a preset ({', '.join(PRESETS)}) or KEY=VALUE pairs")
        key, val = part.split("=", 1)
        key = key.strip().replace("-", "_")
        if key not in Settings.model_fields:
            raise InputError(f"config {spec!r}: unknown setting {key!r}")
        over[key] = val.strip()
    return spec, over


def variant_settings(base: Settings, overrides: dict[str, object]) -> Settings:
    """The base settings with the overrides; when these build a different index (and the store is embedded), its
    index folder is `<base index>/variants/<index hash>`."""
    settings = Settings(**{**base.model_dump(), **overrides})
    if settings.index_hash() != base.index_hash() and not base.chroma_url:
        settings = Settings(**{**settings.model_dump(), "index_dir": base.index_dir / "variants" / settings.index_hash()})
    return settings


def engine_for(base: Settings, overrides: dict[str, object], progress: bool = True) -> AnswerEngine:
    """An answer engine for settings overrides, building (or updating) the variant index when the index settings differ."""
    from .indexing import build_index
    from .llm import engine_from_settings

    settings = variant_settings(base, overrides)
    if settings.index_dir != base.index_dir:
        build_index(settings, progress=progress)
    return engine_from_settings(settings)
