"""Dask: the tables on a real cluster of worker processes equal the pandas ones."""

from __future__ import annotations

import pandas as pd
import pytest

import govnotice

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as their values: partitions find their own categories."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.CategoricalDtype):
            out[column] = out[column].astype(object)
    return out


def test_dask_tables_equal_frames(sample_notices: dict[str, str]) -> None:
    texts = pd.Series(list(sample_notices.values()) * 4, name="text")
    texts.index = texts.index * 10
    expected = govnotice.frames(texts)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            series = dd.from_pandas(texts, npartitions=4)
            for name in govnotice.TABLES:
                got = govnotice.dask.table(series, name).compute()
                pd.testing.assert_frame_equal(_plain(got), _plain(expected[name]), check_dtype=False)
