"""Ingest on a Dask cluster: chunks of posts processed by Dask workers, tables written as usual.

The process that calls :func:`crisisnotes.ingest` (or ``crisisnotes ingest
--scheduler``) still reads each dump window by window and writes its Parquet
tables; only :func:`~crisisnotes.pipeline.process_chunk` (sentences, tokens,
mentions of 1,000 posts) runs on the workers, each with its own MeCab Tagger.
At most a few chunks per worker thread are in flight and results are taken
in submission order, so the tables are the same rows, ids and order as a
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
    client: Any, chunks: Iterable[list[dict[str, Any]]], lexicon: Any
) -> Iterator[Any]:
    """``process_chunk(chunk, lexicon)`` of every chunk on the cluster, yielded in chunk order.

    The lexicon is sent to every worker once; each chunk is one task. At most
    :func:`in_flight` tasks wait at a time, so neither the parent nor the
    scheduler ever holds the whole dump.

    Parameters
    ----------
    client : a ``dask.distributed.Client``.
    chunks : lists of post records (:func:`crisisnotes.pipeline._chunks`).
    lexicon : the :class:`~crisisnotes.actors.Lexicon` to match actors with.

    Examples
    --------
    >>> tables = list(ordered_results(client, [records], lexicon))  # doctest: +SKIP
    >>> sentences, tokens, mentions = tables[0]  # doctest: +SKIP
    """
    from .pipeline import process_chunk

    depth = in_flight(sum(client.nthreads().values()))
    lex = client.scatter(lexicon, broadcast=True, hash=False)
    pending: deque[Any] = deque()
    try:
        for chunk in chunks:
            pending.append(client.submit(process_chunk, chunk, lex, pure=False))
            if len(pending) >= depth:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for fut in pending:  # an error or an interrupt: leave no task running on the cluster
            fut.cancel()
        lex.release()
