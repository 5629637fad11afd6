"""Ingest on a Dask LocalCluster (2 worker processes) writes the same tables as one process."""

from __future__ import annotations

import pandas as pd
import pytest

import crisisnotes
from crisisnotes import config, pipeline

try:
    import dask.distributed as distributed
except ImportError:  # the error test below still runs
    distributed = None
needs_dask = pytest.mark.skipif(
    distributed is None, reason="dask is not installed (pip install 'crisisnotes[dask]')"
)

TABLES = ("posts", "unassigned", "sentences", "tokens", "mentions")


@needs_dask
def test_local_cluster_writes_the_single_process_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_POSTS", 7)  # many chunks, so order across workers matters
    single = crisisnotes.load(config.SAMPLE_DUMP, cache_dir=tmp_path / "single")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        with distributed.Client(cluster) as client:
            dask = crisisnotes.load(config.SAMPLE_DUMP, cache_dir=tmp_path / "dask", client=client)
            assert len(client.scheduler_info()["workers"]) == 2
    finally:
        cluster.close()
    assert dask.report.built == single.report.built == [config.SAMPLE_DUMP.name]
    assert len(single.sentences) > 7 * 10 and len(single.tokens) and len(single.mentions)
    for name in TABLES:
        pd.testing.assert_frame_equal(dask.table(name), single.table(name), obj=name)


@needs_dask
def test_local_cluster_ingests_several_dumps_whole_with_the_same_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for src in (config.SAMPLE_DUMP, *sorted((config.PROJECT_ROOT / "data" / "examples").glob("posts_*"))):
        (raw / src.name).write_bytes(src.read_bytes())
    (raw / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe\x00" * 50)
    single = crisisnotes.load(raw, cache_dir=tmp_path / "single")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    try:
        with distributed.Client(cluster) as client:
            with distributed.get_task_stream(client) as stream:
                dask = crisisnotes.load(raw, cache_dir=tmp_path / "dask", client=client)
            tasks = [t["key"] for t in stream.data]
    finally:
        cluster.close()
    assert len(dask.report.built) == len(single.report.built) == 4
    assert dask.report.built == single.report.built
    assert [f.name for f in dask.report.folders] == [f.name for f in single.report.folders]
    assert [e.path for e in dask.report.errors] == [e.path for e in single.report.errors] == [str(raw / "broken.txt")]
    assert sum("_ingest_whole" in str(k) for k in tasks) == 5  # each dump one task (the broken one too)
    assert not any("write_chunk" in str(k) for k in tasks)
    for name in TABLES:
        pd.testing.assert_frame_equal(dask.table(name), single.table(name), obj=name)


def test_a_scheduler_address_without_dask_names_the_extra(monkeypatch):
    from crisisnotes import distributed as cn_dist

    def missing(name, *args, **kwargs):
        if name.startswith("dask"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    import builtins

    real_import = builtins.__import__
    monkeypatch.setattr(builtins, "__import__", missing)
    with (
        pytest.raises(ImportError, match=r"pip install 'crisisnotes\[dask\]'"),
        cn_dist.connect("tcp://127.0.0.1:1"),
    ):
        pass
