"""Batches of notices: inputs in, notices or tidy tables out.

The parsing and the tables are built in Rust (``_core.parse_batch``); this
module only accepts the containers analysts hold (lists, iterables, pandas
Series, pyarrow arrays), keeps their index, and hands the tables to pandas.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, Sequence

from govnotice import _core

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import pyarrow as pa

TABLES: tuple[str, ...] = tuple(_core.TABLES)


def _threads(threads: Optional[int]) -> Optional[int]:
    """``threads``, else ``GOVNOTICE_THREADS``, else all cores (``None``)."""
    if threads is not None:
        return threads
    configured = os.environ.get("GOVNOTICE_THREADS")
    return int(configured) if configured else None


def _values_and_index(texts: Any) -> tuple[Iterable[Any], Optional[Sequence[Any]]]:
    """The texts as an iterable, and the caller's index when the container has one."""
    module = type(texts).__module__.split(".")[0]
    if module == "pandas" and hasattr(texts, "index"):
        return texts.tolist(), texts.index
    if module == "pyarrow" and hasattr(texts, "to_pylist"):
        return texts.to_pylist(), None
    return texts, None


def _base_dates(base_date: Any) -> Any:
    """A Series or array of base dates as a plain list aligned with the texts."""
    if base_date is None or isinstance(base_date, str):
        return base_date
    module = type(base_date).__module__.split(".")[0]
    if module == "pandas" and hasattr(base_date, "tolist"):
        return base_date.tolist()
    if module == "pyarrow" and hasattr(base_date, "to_pylist"):
        return base_date.to_pylist()
    return base_date


class _Progress:
    """Reports progress with tqdm when it is installed, else on stderr."""

    def __init__(self, total: Optional[int]) -> None:
        self.done = 0
        self.total = total
        try:
            from tqdm.auto import tqdm
        except ImportError:
            self.bar = None
            print(
                "govnotice: parsing"
                + (f" {total} notices" if total is not None else "")
                + " (install tqdm for a progress bar)",
                file=sys.stderr,
            )
        else:
            self.bar = tqdm(total=total, unit="notice", desc="govnotice")

    def __call__(self, n: int) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        else:
            print(f"govnotice: parsed {self.done} notices", file=sys.stderr)


def _run(
    texts: Any,
    base_date: Any,
    region: Optional[str],
    threads: Optional[int],
    progress: bool,
    parse: Callable[..., Any] = _core.parse_batch,
) -> tuple[Any, Optional[Sequence[Any]]]:
    values, index = _values_and_index(texts)
    report: Optional[_Progress] = None
    if progress:
        total = len(values) if hasattr(values, "__len__") else None  # type: ignore[arg-type]
        report = _Progress(total)
    try:
        batch = parse(
            values,
            base_date=_base_dates(base_date),
            region=region,
            threads=_threads(threads),
            progress=report,
        )
    finally:
        if report is not None:
            report.close()
    return batch, index


def parse_many(
    texts: Iterable[Any],
    base_date: Any = None,
    region: Optional[str] = None,
    threads: Optional[int] = None,
    progress: bool = False,
) -> list[_core.Notice]:
    r"""Parse many notices in parallel, keeping their order.

    ``texts`` is a list, any iterable, a pandas Series or a pyarrow string
    array. Parsing runs in Rust on ``threads`` cores (default: the
    ``GOVNOTICE_THREADS`` environment variable, else all cores) with the GIL
    released. A ``None``/NaN entry, or one that is not text, gives an empty
    notice; the batch never fails for one bad row (see :func:`frames`, whose
    ``notices`` table has a ``problem`` column saying what was wrong).

    ``base_date`` is one date for all texts, or a sequence (or Series)
    aligned with them: each notice's own crawl date. ``progress=True`` draws
    a progress bar (tqdm when installed). Ctrl-C stops the batch promptly.

    >>> [n.title for n in parse_many(["标题一\n\n正文。", None, "标题二\n\n正文。"])]
    ['标题一', None, '标题二']
    """
    notices, _ = _run(texts, base_date, region, threads, progress, _core.parse_notices)
    return notices


def to_arrow(
    texts: Iterable[Any],
    base_date: Any = None,
    region: Optional[str] = None,
    threads: Optional[int] = None,
    progress: bool = False,
) -> dict[str, "pa.Table"]:
    r"""Parse many notices into pyarrow Tables: ``notices``, ``metrics``,
    ``dates``, ``districts``, ``sources``.

    Each table's ``doc`` column is the input's position; mention tables add
    ``match``, the mention's position within its notice. The tables come
    from Rust through the Arrow PyCapsule interface; to skip pyarrow, pass
    ``_core.parse_batch(texts).table(name)`` straight to ``polars.DataFrame``.
    Arguments as for :func:`parse_many`.

    >>> tables = to_arrow(["园区标题\n\n园区已入驻企业420余家，投资3500万元。"])
    >>> tables["metrics"].select(["doc", "match", "text", "value"]).to_pylist()
    [{'doc': 0, 'match': 0, 'text': '420余家', 'value': 420.0}, {'doc': 0, 'match': 1, 'text': '3500万元', 'value': 35000000.0}]
    """
    import pyarrow as pa

    batch, _ = _run(texts, base_date, region, threads, progress)
    return {name: pa.table(batch.table(name)) for name in TABLES}


def frames(
    texts: Iterable[Any],
    base_date: Any = None,
    region: Optional[str] = None,
    threads: Optional[int] = None,
    progress: bool = False,
) -> dict[str, "pd.DataFrame"]:
    r"""Parse many notices into tidy pandas DataFrames.

    Returns a dict of five frames:

    - ``notices``: one row per input (title, publisher, published date,
      primary district, body span, mention counts, and ``problem`` for inputs
      that were not text);
    - ``metrics``, ``dates``, ``districts``, ``sources``: one row per mention,
      with ``match`` numbering the mentions of each notice.

    Every frame is indexed by the input's index (a Series keeps its own), so
    ``df.join(frames(df["text"])["metrics"])`` lines the figures up with your
    rows. Dates are ``datetime64``, codes strings, values float64, units,
    qualifiers and kinds categoricals; spans are ``str`` indices. Needs pandas
    and pyarrow. Arguments as for :func:`parse_many`.

    >>> import pandas as pd
    >>> texts = pd.Series(["园区标题\n\n园区已入驻企业420余家。"], index=[7])
    >>> m = frames(texts)["metrics"]
    >>> m[["value", "unit", "subject"]]
       value unit subject
    7  420.0    家      企业
    """
    batch, index = _run(texts, base_date, region, threads, progress)
    return {name: _frame(batch.table(name), index) for name in TABLES}


def _frame(table: Any, index: Optional[Sequence[Any]]) -> "pd.DataFrame":
    """An Arrow table as a pandas frame indexed by the caller's index."""
    import pandas as pd
    import pyarrow as pa

    frame = pa.table(table).to_pandas(date_as_object=False)
    positions = frame.pop("doc").to_numpy()
    if index is None:
        labels = pd.Index(positions, name=None)
    else:
        labels = pd.Index(index).take(positions)
    frame.index = labels
    return frame


def table_frame(texts: Any, name: str, **options: Any) -> "pd.DataFrame":
    """One table of :func:`frames` (``name`` is one of :data:`TABLES`),
    without building the others. ``options`` as for :func:`parse_many`."""
    batch, index = _run(
        texts,
        options.get("base_date"),
        options.get("region"),
        options.get("threads"),
        options.get("progress", False),
    )
    return _frame(batch.table(name), index)

