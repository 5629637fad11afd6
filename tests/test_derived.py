"""Events kept beside a dump's tables: the same table as a fresh extraction, recomputed when stale or damaged."""

from __future__ import annotations

import json
import shutil
import warnings

import pandas as pd
import pytest

import crisisnotes
from crisisnotes import config
from crisisnotes.derived import DERIVED, cue_fingerprint
from crisisnotes.events import diplomatic_events


@pytest.fixture()
def sample(tmp_path):
    return crisisnotes.load(config.SAMPLE_DUMP, cache_dir=tmp_path / "processed")


def kept(corpus):
    folder = corpus.folders[0] / DERIVED
    return folder / "events.parquet", folder / "events.json"


def test_events_are_kept_and_read_back_equal(sample):
    fresh = diplomatic_events(sample)
    assert len(fresh) > 50
    pd.testing.assert_frame_equal(sample.events, fresh)
    path, meta = kept(sample)
    assert path.is_file() and json.loads(meta.read_text())["key"]["cues"] == cue_fingerprint(
        crisisnotes.cues.CueLexicon.load()
    )
    again = crisisnotes.Corpus(sample.folders, sample.lexicon)  # a new session on the same cache
    pd.testing.assert_frame_equal(again.events, fresh)
    assert isinstance(again.events["parties"].iloc[0], list)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p, m: p.write_bytes(p.read_bytes()[:100]), id="truncated-table"),
        pytest.param(lambda p, m: m.write_text("{not json"), id="key-not-json"),
        pytest.param(lambda p, m: m.write_text(json.dumps({"key": {"cues": "old"}, "dtypes": {}})), id="stale-key"),
        pytest.param(lambda p, m: p.unlink(), id="table-missing"),
    ],
)
def test_a_stale_or_damaged_kept_table_is_extracted_again(sample, damage):
    fresh = diplomatic_events(sample)
    _ = sample.events
    path, meta = kept(sample)
    damage(path, meta)
    again = crisisnotes.Corpus(sample.folders, sample.lexicon)
    pd.testing.assert_frame_equal(again.events, fresh)
    assert json.loads(meta.read_text())["key"]["cues"] == cue_fingerprint(crisisnotes.cues.CueLexicon.load())


def test_resolve_roles_keeps_its_own_events(sample):
    roles = crisisnotes.Corpus(sample.folders, sample.lexicon, resolve_roles=True)
    pd.testing.assert_frame_equal(roles.events, diplomatic_events(roles))
    plain = crisisnotes.Corpus(sample.folders, sample.lexicon)
    pd.testing.assert_frame_equal(plain.events, diplomatic_events(plain))


def test_several_dumps_with_duplicates_number_events_as_one_extraction(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for src in (config.SAMPLE_DUMP, *sorted((config.PROJECT_ROOT / "data" / "examples").glob("posts_*"))):
        shutil.copy(src, raw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicates merged
        corpus = crisisnotes.load(raw, cache_dir=tmp_path / "processed")
        assert corpus.duplicates_merged > 0
        fresh = diplomatic_events(corpus)
        pd.testing.assert_frame_equal(corpus.events, fresh)
        later = crisisnotes.load(raw, cache_dir=tmp_path / "processed")
        pd.testing.assert_frame_equal(later.events, fresh)
    assert all((f / DERIVED / "events.parquet").is_file() for f in corpus.folders)


def test_events_are_returned_when_they_cannot_be_kept(sample, monkeypatch):
    fresh = diplomatic_events(sample)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", full_disk)
    with pytest.warns(UserWarning, match="could not keep the events"):
        got = crisisnotes.Corpus(sample.folders, sample.lexicon).events
    pd.testing.assert_frame_equal(got, fresh)
    path, meta = kept(sample)
    assert not path.exists() and not meta.exists()
    assert not list((sample.folders[0] / DERIVED).glob(".events.*"))  # no temporary file left
