"""Compatibility re-export: the hash test fake now lives beside the real embedders (`assistant.embeddings`)."""

from __future__ import annotations

from .embeddings import HashEmbedder

__all__ = ["HashEmbedder"]
