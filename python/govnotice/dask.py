"""The tables of :func:`govnotice.frames` for a Dask Series of texts.

>>> import dask.dataframe as dd                                   # doctest: +SKIP
>>> texts = dd.read_parquet("notices/")["text"]                    # doctest: +SKIP
>>> govnotice.dask.metrics(texts).groupby("unit").value.sum()      # doctest: +SKIP

Each partition is parsed in its worker on one thread (the cluster already
runs partitions in parallel); the results keep the texts' index and its
divisions, so they join back to the frame the texts came from. Everything
that crosses to the workers is a module-level function and plain data, so it
pickles; the parser's tables load once per worker process.
"""

from __future__ import annotations

from typing import Any, Optional

from govnotice import _batch

__all__ = ["dates", "districts", "metrics", "notices", "sources", "table"]


def _partition(texts: Any, name: str, base_date: Any, region: Optional[str]) -> Any:
    return _batch.table_frame(texts, name, base_date=base_date, region=region, threads=1)


def _meta(texts: Any, name: str) -> Any:
    """An empty frame with the table's columns and dtypes; categoricals are
    marked as of unknown categories, since each partition finds its own."""
    from dask.dataframe.utils import clear_known_categories

    return clear_known_categories(_batch.table_frame(texts._meta, name, threads=1))


def table(texts: Any, name: str, base_date: Any = None, region: Optional[str] = None) -> Any:
    """The table ``name`` (one of ``govnotice.TABLES``) as a Dask DataFrame.

    ``base_date`` is one date for all texts (a per-text date column does not
    cross partitions here: parse such data with :func:`govnotice.frames`
    inside ``map_partitions`` of a frame holding both columns).
    """
    return texts.map_partitions(
        _partition,
        name,
        base_date,
        region,
        meta=_meta(texts, name),
        enforce_metadata=False,
    )


def notices(texts: Any, **options: Any) -> Any:
    """One row per text; see :func:`govnotice.frames`."""
    return table(texts, "notices", **options)


def metrics(texts: Any, **options: Any) -> Any:
    """One row per figure; see :func:`govnotice.frames`."""
    return table(texts, "metrics", **options)


def dates(texts: Any, **options: Any) -> Any:
    """One row per date; see :func:`govnotice.frames`."""
    return table(texts, "dates", **options)


def districts(texts: Any, **options: Any) -> Any:
    """One row per division named; see :func:`govnotice.frames`."""
    return table(texts, "districts", **options)


def sources(texts: Any, **options: Any) -> Any:
    """One row per credited source; see :func:`govnotice.frames`."""
    return table(texts, "sources", **options)
