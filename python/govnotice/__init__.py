r"""Chinese government news notices as typed records.

>>> import govnotice
>>> notice = govnotice.parse("宝山区智慧湾入选示范基地\n\n园区已入驻企业420余家。")
>>> notice.title
'宝山区智慧湾入选示范基地'

Every mention carries a ``span``: ``(start, end)`` indices into the ``str``
that was passed, so ``text[start:end]`` is the mention's text.
"""

from govnotice._core import (
    ArgumentTypeError,
    BaseDateError,
    DateMention,
    DecodeError,
    DistrictMention,
    Division,
    GovNoticeError,
    HtmlNotice,
    Metric,
    Notice,
    Number,
    Source,
    __version__,
    decode,
    divisions_named,
    find_districts,
    lookup_division,
    parse,
    parse_date,
    parse_html,
    parse_metric,
    parse_numbers,
    parse_sources,
)
from govnotice._batch import TABLES, frames, parse_many, to_arrow
from govnotice import _accessor, dask

_accessor.install()

__all__ = [
    "ArgumentTypeError",
    "BaseDateError",
    "DateMention",
    "DecodeError",
    "DistrictMention",
    "Division",
    "GovNoticeError",
    "HtmlNotice",
    "Metric",
    "Notice",
    "Number",
    "Source",
    "TABLES",
    "dask",
    "decode",
    "__version__",
    "divisions_named",
    "find_districts",
    "frames",
    "lookup_division",
    "parse",
    "parse_date",
    "parse_html",
    "parse_metric",
    "parse_many",
    "parse_numbers",
    "parse_sources",
    "to_arrow",
]
