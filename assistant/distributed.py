"""Embed an index build's new chunks on a Ray cluster: `assistant index build --ray [ADDRESS]`.

Only the embedding moves: `indexing._build` still chunks, reuses the vectors of unchanged chunks, writes the new build
(to the embedded store or the shared Chroma server) and swaps the pointer, exactly as without Ray. The texts go out as
a Ray Data dataset; `map_batches` runs them through a pool of actors, one embedder per actor and one actor per CPU of
the cluster, and the vectors come back in order. Ray is an optional extra (`pip install -e '.[ray]'`), imported only
here and only when `--ray` is given.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import sys
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

import numpy as np

from .config import Settings
from .embeddings import get_embedder
from .errors import AssistantError, EmbedderError

# A text every worker embeds once at start and compares with the driver's vector: a node with another embedder version
# (or model) would otherwise write vectors that do not match the queries.
PROBE = "Epidural blood patch for post-dural puncture headache after an interlaminar epidural steroid injection."
PROBE_MIN_COSINE = 0.999
CONNECT_TIMEOUT_S = 5.0
INSTALL_HINT = "install it with `.venv/bin/pip install -e '.[ray]'` (or build without --ray)"


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is part of the `ray` extra
    except ImportError as exc:
        raise AssistantError(f"--ray needs Ray Data, which is not installed ({exc.name or exc}): {INSTALL_HINT}") from None
    return ray


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Fail fast with one line when a cluster address does not accept connections (ray.init itself retries for minutes).
    `address` is host:port (the head's GCS port, 6379 by default) or ray://host:port (Ray Client, 10001 by default)."""
    if address in ("", "auto", "local"):
        return
    parsed = urlparse(address if "://" in address else f"gcs://{address}")
    default_port = 10001 if parsed.scheme == "ray" else 6379
    try:
        host, port = parsed.hostname, parsed.port or default_port
    except ValueError:
        host, port = None, 0
    if not host:
        raise AssistantError(f"--ray {address!r} is not a cluster address: give host:port (the head node's GCS port) or ray://host:10001")
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise AssistantError(
            f"cannot reach the Ray cluster at {address} ({reason}): start it with `ray start --head` on the head node, "
            "or check the address and that its port is open"
        ) from None


def connect(address: str) -> bool:
    """Attach to Ray: an already initialised Ray (a test's, a notebook's) is used as it is; `address` "" joins RAY_ADDRESS
    or a cluster started on this machine and otherwise starts a private one with this machine's CPUs; "auto" only joins;
    anything else is a cluster address. Returns True when this call connected (the caller then disconnects)."""
    ray = _import_ray()
    if ray.is_initialized():
        return False
    check_reachable(address or os.environ.get("RAY_ADDRESS", ""))
    kwargs: dict[str, Any] = {"logging_level": "error", "log_to_driver": False, "configure_logging": True}
    # Ray's C++ core logs an "E" line for every Ray Data actor (its constructor arguments live in the object store, ray
    # issue 53727) although nothing failed; failures still arrive as exceptions. RAY_BACKEND_LOG_LEVEL=info shows them.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    target = address or None
    if target is None and not os.environ.get("RAY_ADDRESS"):
        kwargs["include_dashboard"] = False
    try:
        ray.init(address=target, **kwargs)
    except Exception as exc:  # noqa: BLE001 - ray.init raises ConnectionError, RuntimeError, ValueError ...; one line with the fix
        raise AssistantError(
            f"cannot start or join Ray at {address or 'this machine'} ({type(exc).__name__}: {_gist(exc)}): "
            "check the address (host:6379 or ray://host:10001) and that the cluster runs the same Ray version"
        ) from None
    return True


def _gist(exc: BaseException) -> str:
    """The last line of an exception's text (Ray puts the remote traceback first and the error last)."""
    text = str(exc).strip().splitlines()
    return text[-1][:300] if text else type(exc).__name__


class EmbedBatch:
    """One Ray Data actor: loads the embedder once, checks it against the driver's probe vector, embeds batches."""

    def __init__(self, settings: Settings, probe: np.ndarray, threads: int) -> None:
        os.environ["OMP_NUM_THREADS"] = str(max(1, threads))  # before the engine loads OpenMP: one thread per reserved CPU
        self.batch_size = settings.embed_batch_size
        self.embedder = get_embedder(settings)
        mine = self.embedder.embed([PROBE], "passage")[0]
        cosine = float(mine @ probe) if mine.shape == probe.shape else 0.0
        if cosine < PROBE_MIN_COSINE:
            raise EmbedderError(
                f"the embedder on Ray node {socket.gethostname()} ({self.embedder.id}) gives other vectors than the driver's "
                f"(cosine {cosine:.4f}): install the same version of this project and its embedder on every node"
            )

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        texts = [str(t) for t in batch["text"]]
        return {"i": batch["i"], "vector": self.embedder.embed(texts, "passage", self.batch_size)}


def cluster_cpus(ray: Any) -> int:
    """CPUs the cluster has now (at least 1)."""
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def embed_on_ray(settings: Settings, texts: Sequence[str], address: str, progress: bool = False,
                 cpus_per_worker: int = 1) -> np.ndarray:
    """Passage vectors of `texts`, in order, embedded by a pool of Ray actors (one embedder each, `cpus_per_worker`
    CPUs and OpenMP threads each, as many actors as the cluster's CPUs allow); batches of settings.embed_batch_size."""
    probe = get_embedder(settings).embed([PROBE], "passage")[0]  # loads the driver's embedder: also fails fast if missing
    if not texts:
        return np.zeros((0, probe.shape[0]), dtype=np.float32)
    ray = _import_ray()
    started = connect(address)
    try:
        return _run(ray, settings, texts, probe, progress, cpus_per_worker)
    except AssistantError:
        raise
    except Exception as exc:  # noqa: BLE001 - worker failures arrive as RayTaskError/RayActorError wrapping anything
        raise AssistantError(f"the Ray build failed ({type(exc).__name__}: {_gist(exc)}): the current index is unchanged; "
                             "check that every node has this project installed with the `ray` extra") from None
    finally:
        if started:
            ray.shutdown()


def _run(ray: Any, settings: Settings, texts: Sequence[str], probe: np.ndarray, progress: bool, cpus_per_worker: int) -> np.ndarray:
    from ray.data import ActorPoolStrategy, DataContext

    ctx = DataContext.get_current()
    ctx.enable_progress_bars = False  # one bar of our own below
    ctx.print_on_execution_start = False
    ctx.enable_auto_log_stats = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)  # its INFO/WARNING lines would interleave with the progress bar
    batch = settings.embed_batch_size
    workers = max(1, cluster_cpus(ray) // cpus_per_worker)
    ds = ray.data.from_items([{"i": i, "text": t} for i, t in enumerate(texts)], override_num_blocks=math.ceil(len(texts) / batch))
    out = ds.map_batches(EmbedBatch, batch_size=batch, batch_format="numpy", num_cpus=cpus_per_worker,
                         compute=ActorPoolStrategy(size=min(workers, math.ceil(len(texts) / batch))),
                         fn_constructor_kwargs={"settings": settings, "probe": probe, "threads": cpus_per_worker})
    vectors = np.zeros((len(texts), probe.shape[0]), dtype=np.float32)
    seen = np.zeros(len(texts), dtype=bool)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(texts), desc=f"embedding on Ray ({workers} workers)", unit="chunk", file=sys.stderr, leave=False)
    try:
        for got in out.iter_batches(batch_size=None, batch_format="numpy"):
            idx = np.asarray(got["i"], dtype=np.int64)
            vectors[idx] = got["vector"]
            seen[idx] = True
            if bar:
                bar.update(len(idx))
    finally:
        if bar:
            bar.close()
    if not seen.all():
        raise AssistantError(f"the Ray build returned {int(seen.sum())} of {len(texts)} vectors: run the build again")
    return vectors
