"""Ingest on a Dask cluster: chunks of posts processed — and written — by Dask workers.

The process that calls :func:`crisisnotes.ingest` (or ``crisisnotes ingest
--scheduler``) reads each dump window by window and writes its posts and
unassigned lines; :func:`~crisisnotes.pipeline.write_chunk` (sentences,
tokens, mentions of 1,000 posts) runs on the workers, each with its own MeCab
Tagger, and writes part ``k`` of each table straight into the dump's build
folder — so that folder must be on storage every worker sees at the same
path (a shared or network filesystem). At most a few chunks per worker thread
are in flight, so the tables are the same rows, ids and order as a
single-process ingest. Dask is optional: ``pip install 'crisisnotes[dask]'``.

Examples
--------
>>> from dask.distributed import Client, LocalCluster  # doctest: +SKIP
>>> with LocalCluster(n_workers=2) as cluster, Client(cluster) as client:  # doctest: +SKIP
...     corpus = crisisnotes.load("data/raw", client=client)
>>> in_flight(4)
8
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

INSTALL_HINT = "Dask is not installed: pip install 'crisisnotes[dask]'"


def require_distributed() -> Any:
    """The ``dask.distributed`` module, or an ``ImportError`` saying how to install it.

    >>> require_distributed().Client  # doctest: +SKIP
    <class 'distributed.client.Client'>
    """
    try:
        import dask.distributed as dd
    except ImportError as e:
        raise ImportError(INSTALL_HINT) from e
    return dd


def in_flight(threads: int) -> int:
    """Chunks kept in flight for ``threads`` worker threads (two each, at least two).

    >>> in_flight(0)
    2
    """
    return max(2, 2 * threads)


@contextlib.contextmanager
def connect(scheduler: Any) -> Iterator[Any]:
    """A ``Client`` for ``scheduler``: a Client (used as is, left open) or an address (closed after).

    >>> with connect("tcp://10.0.0.5:8786") as client:  # doctest: +SKIP
    ...     client.nthreads()
    """
    if scheduler is None or not isinstance(scheduler, str):
        yield scheduler
        return
    dd = require_distributed()
    with dd.Client(scheduler) as client:
        yield client


def ordered_results(
    client: Any, chunks: Iterable[list[dict[str, Any]]], lexicon: Any, folder: Any
) -> Iterator[int]:
    """``write_chunk(k, chunk, lexicon, folder)`` of every chunk on the cluster, yielded in chunk order.

    Each worker writes the parts of its chunks into ``folder`` (the dump's build
    folder, which must be on storage the workers share) and sends back only a
    character count.

    The lexicon is sent to every worker once; each chunk is one task. At most
    :func:`in_flight` tasks wait at a time, so neither the parent nor the
    scheduler ever holds the whole dump.

    Parameters
    ----------
    client : a ``dask.distributed.Client``.
    chunks : lists of post records (:func:`crisisnotes.pipeline._chunks`).
    lexicon : the :class:`~crisisnotes.actors.Lexicon` to match actors with.
    folder : where the parts go (``<folder>/<table>.parquet/part-<k>.parquet``).

    Examples
    --------
    >>> chars = list(ordered_results(client, [records], lexicon, "/shared/out/.dump.tmp"))  # doctest: +SKIP
    """
    from .pipeline import write_chunk

    depth = in_flight(sum(client.nthreads().values()))
    lex = client.scatter(lexicon, broadcast=True, hash=False)
    pending: deque[Any] = deque()
    try:
        for k, chunk in enumerate(chunks):
            pending.append(client.submit(write_chunk, k, chunk, lex, str(folder), pure=False))
            if len(pending) >= depth:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:  # an error or an interrupt: leave no task running on the cluster
            fut.cancel()
        lex.release()


WHOLE_DUMP_BYTES = 64 * 2**20
"""Dumps up to this size go to one Dask worker whole when several dumps are to be built."""


def whole_dumps(todo: list[tuple[Path, Path, dict[str, Any]]]) -> set[Path]:
    """The dumps of ``todo`` (file, folder, manifest) that a Dask worker should ingest whole.

    With several dumps to build, each dump up to :data:`WHOLE_DUMP_BYTES` is
    one task (no posts travel: the worker reads the file itself, so ``data/raw``
    must be on storage the workers share); bigger dumps, or a lone dump, are
    spread chunk by chunk from this process.

    >>> whole_dumps([(Path("a.txt"), Path("out/a"), {"input_size": 10})])
    set()
    >>> sorted(p.name for p in whole_dumps([(Path(n), Path("o"), {"input_size": s})
    ...        for n, s in (("a", 10), ("b", 2**30), ("c", 20))]))
    ['a', 'c']
    """
    if len(todo) < 2:
        return set()
    return {f for f, _, expect in todo if expect["input_size"] <= WHOLE_DUMP_BYTES}


def _ingest_whole(path: str, folder: str, lexicon: Any, expect: dict[str, Any], options: dict[str, Any]) -> Any:
    """One dump, read and written by this Dask worker; a DumpError is returned, not raised."""
    from .dumps import DumpError
    from .pipeline import ingest_file

    try:
        return ingest_file(path, Path(folder), lexicon=lexicon, manifest_extra=expect,
                           source=expect["source"], **options)  # fmt: skip
    except DumpError as e:
        return e


def ingest_on_cluster(
    client: Any, jobs: list[tuple[Path, Path, dict[str, Any]]], lexicon: Any, options: dict[str, Any]
) -> Iterator[tuple[Path, Any]]:
    """Ingest each dump of ``jobs`` (file, folder, manifest) whole on a worker; yield (file, manifest or DumpError).

    Results come in ``jobs`` order; an interrupt cancels the tasks still waiting.

    >>> for f, manifest in ingest_on_cluster(client, jobs, lexicon, {}):  # doctest: +SKIP
    ...     print(f.name, manifest["posts"])
    """
    lex = client.scatter(lexicon, broadcast=True, hash=False)
    futures = [client.submit(_ingest_whole, str(f), str(folder), lex, expect, options, pure=False)
               for f, folder, expect in jobs]  # fmt: skip
    try:
        for (f, _, _), fut in zip(jobs, futures, strict=True):
            yield f, fut.result()
    finally:
        for fut in futures:
            fut.cancel()
        lex.release()
