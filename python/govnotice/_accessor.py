"""The ``.govnotice`` accessor on pandas Series of texts.

>>> df["text"].govnotice.metrics()      # doctest: +SKIP

Registered as soon as pandas is imported, before or after govnotice, so that
importing govnotice never imports pandas itself.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from typing import Any

from govnotice import _batch


class GovNoticeAccessor:
    """``series.govnotice``: the tables of :func:`govnotice.frames` for a Series of texts."""

    def __init__(self, series: Any) -> None:
        if series.dtype.kind not in "OSU" and str(series.dtype) not in ("string", "str"):
            raise AttributeError(".govnotice is for Series of text, not of dtype " + str(series.dtype))
        self._series = series

    def notices(self, **options: Any) -> Any:
        """One row per text: title, publisher, published date, primary district …"""
        return _batch.table_frame(self._series, "notices", **options)

    def metrics(self, **options: Any) -> Any:
        """One row per figure: value, unit, qualifier, subject, date, district."""
        return _batch.table_frame(self._series, "metrics", **options)

    def dates(self, **options: Any) -> Any:
        """One row per date: start and end day, precision, relative."""
        return _batch.table_frame(self._series, "dates", **options)

    def districts(self, **options: Any) -> Any:
        """One row per division named: name, code, level, parent."""
        return _batch.table_frame(self._series, "districts", **options)

    def sources(self, **options: Any) -> Any:
        """One row per credited source: name, kind, role, district."""
        return _batch.table_frame(self._series, "sources", **options)


def _register() -> None:
    import pandas as pd

    if "govnotice" not in getattr(pd.Series, "_accessors", set()):
        pd.api.extensions.register_series_accessor("govnotice")(GovNoticeAccessor)


class _RegisterAfterPandas(importlib.abc.MetaPathFinder):
    """Registers the accessor once pandas has been imported."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != "pandas":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_register(module: Any) -> None:
            exec_module(module)
            _register()

        loader.exec_module = exec_and_register  # type: ignore[method-assign]
        return spec


def install() -> None:
    """Registers the accessor now if pandas is loaded, else when it loads."""
    if "pandas" in sys.modules:
        _register()
    elif not any(isinstance(f, _RegisterAfterPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _RegisterAfterPandas())
