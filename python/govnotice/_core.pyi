"""Type stubs for the native module ``govnotice._core``."""

import datetime
from typing import Any, Callable, Iterable, Literal, Optional, Sequence, Union

__version__: str

Span = tuple[int, int]
"""``(start, end)``: ``str`` indices into the text that was parsed; ``text[start:end]`` is the mention."""

Qualifier = Literal["exact", "about", "more_than", "at_least", "nearly", "less_than", "at_most", "range"]
Precision = Literal["day", "week", "ten_days", "month", "quarter", "half", "year", "part", "period", "range"]
Level = Literal["province", "city", "county", "town"]
SourceKind = Literal["agency", "media", "website", "wechat_account", "person"]
Role = Literal["issuer", "source", "author", "editor", "photo", "layout", "mentioned"]

class Source:
    """A credited source: the issuer, a quoted source, an author, a photographer."""

    text: str
    span: Span
    name: str
    kind: SourceKind
    role: Role
    district_code: Optional[str]
    full_name: Optional[str]
    """The full name when a short form was expanded: ``区科委`` → ``'宝山区科委'``."""
    def to_dict(self) -> dict[str, Any]: ...

class DateMention:
    """A date the text states, as a closed interval of days (``start`` and ``end`` inclusive)."""

    text: str
    span: Span
    start: Optional[datetime.date]
    end: Optional[datetime.date]
    precision: Precision
    relative: bool
    fuzzy: bool
    """A vague date: the interval is a reading, not a statement (``近日``, ``日前``, ``三个多月以来``, ``二十几年前``, ``冬至前后``)."""
    time: Optional[datetime.time]
    """A time of day stated with the date (``上午9时``)."""
    time_end: Optional[datetime.time]
    """The end of a stated span of hours (``0—24时``) or the time of a range's last day (``4月20日11:00时至4月25日17:00时``)."""
    open_start: bool
    """An open range with no stated start (``截至2023年底``)."""
    open_end: bool
    """An open range with no stated end (``2019年以来``)."""
    year: Optional[int]
    """The parts as written, kept when the date cannot be resolved (``5月15日`` with no base date)."""
    month: Optional[int]
    day: Optional[int]
    def to_dict(self) -> dict[str, Any]: ...

class DistrictMention:
    """An administrative division the text names, with its official name and code."""

    text: str
    span: Span
    name: str
    code: str
    level: Level
    parent_code: Optional[str]
    former: bool
    """The division no longer exists (``闸北区``); see ``current_code``."""
    current_code: Optional[str]
    """For a former division, the division that took it over (闸北区 → ``'310106'``)."""
    ambiguous: bool
    """Nothing decides between several divisions of this name: ``code`` is ``''`` and ``candidates`` lists them."""
    candidates: list[str]
    in_organization: bool
    """The name is part of an organisation's name (``上海交通大学``)."""
    def to_dict(self) -> dict[str, Any]: ...

class Division:
    """An administrative division of China, current or former, from the bundled gazetteer."""

    code: str
    name: str
    short_name: Optional[str]
    level: Level
    parent_code: Optional[str]
    former: bool
    current_code: Optional[str]
    years: Optional[tuple[int, int]]
    """For a former division, the first and last year its official list contains it."""
    def chain(self) -> list[Division]:
        """The divisions from the province down to this one, this one last."""

class Metric:
    """A reported figure: value in the canonical unit, hedge, and what it counts."""

    text: str
    span: Span
    value: float
    value_max: Optional[float]
    unit: str
    unit_text: str
    quantity: str
    qualifier: Qualifier
    subject: Optional[str]
    date: Optional[DateMention]
    district_code: Optional[str]
    change: Optional[Literal["increase", "decrease"]]
    """Whether the figure is a change (``增长12.5%``), and which way."""
    basis: Optional[Literal["year_on_year", "month_on_month", "previous_period"]]
    """What a change is measured against: ``同比``, ``环比``, ``比上年``."""
    def to_dict(self) -> dict[str, Any]: ...

Approx = Literal["more_than", "about", "several", "at_least"]
NumberKind = Literal["plain", "percent", "permille", "fraction"]
Script = Literal["arabic", "chinese", "mixed"]

class Number:
    """A number found in a text: Arabic, full-width, Chinese or mixed (``3.5万``)."""

    text: str
    span: Span
    value: float
    """The value; the lower bound of a range. Percentages stay in percent (``75%`` → 75)."""
    value_max: Optional[float]
    """The upper bound of a range (``5-8`` → 8, ``三到五`` → 5)."""
    approx: Optional[Approx]
    """How the numeral hedges itself: ``十余`` → ``'more_than'``, ``数十`` → ``'several'``, ``上百`` → ``'at_least'``."""
    kind: NumberKind
    script: Script
    digits: int
    """Integer digits when written digit by digit (``2021``, ``二〇二一`` → 4); 0 with place units."""
    decimals: int
    leading_zero: bool
    """The number starts with 0 (``021``): a code rather than a quantity."""
    def to_dict(self) -> dict[str, Any]: ...

class Notice:
    """Everything read from one notice."""

    title: Optional[str]
    publisher: Optional[Source]
    sources: list[Source]
    agencies: list[Source]
    """Every organisation the article names (role ``'mentioned'``), each once."""
    published: Optional[DateMention]
    dates: list[DateMention]
    districts: list[DistrictMention]
    metrics: list[Metric]
    body_span: Optional[Span]
    text: Optional[str]
    """The text the spans index (decoded, for bytes); ``None`` for the notices of a ``frames`` batch. Not in ``to_dict()``."""
    def primary_district(self) -> Optional[str]:
        """The main district code: the publisher's, else the county-level division named most often."""
    def district_counts(self) -> list[tuple[str, int]]:
        """How often each decided division is named, most named first."""
    def to_dict(self) -> dict[str, Any]:
        """The notice as plain data with the documented names; spans as ``(start, end)`` tuples, dates as ``'YYYY-MM-DD'``."""
    def _repr_html_(self) -> Optional[str]:
        """The notebook view: title, issuer, publish date, and the body with every figure, date, division and source marked by kind, its normalized value on hover; ``None`` when the text was not kept."""

class GovNoticeError(Exception):
    """Base class of every error govnotice raises."""

class DecodeError(GovNoticeError, ValueError):
    """Bytes that are not text in the encoding named or detected; the message names the byte offset."""

class BaseDateError(GovNoticeError, ValueError):
    """A base date that is not a calendar date."""

class ArgumentTypeError(GovNoticeError, TypeError):
    """An argument of a type govnotice does not take; the message names the type."""

def parse(
    text: Union[str, bytes],
    base_date: Union[datetime.date, str, None] = None,
    region: Optional[str] = None,
    encoding: Optional[str] = None,
) -> Notice:
    """Parse one notice.

    ``text`` is a ``str``, or ``bytes`` in UTF-8 (with or without a BOM),
    GB18030/GBK/GB2312 or Big5, detected unless ``encoding`` names one
    (``"gbk"``, ``"big5"``, ``"utf-8"`` …); spans then index the decoded text,
    which :func:`decode` returns. ``base_date`` is the date relative
    expressions resolve against when the notice does not state its own
    publish date. ``region`` is a division name or code that ambiguous
    district names lean towards.

    Raises :class:`ArgumentTypeError` (a ``TypeError``) for any other type of
    ``text`` or ``base_date``, :class:`DecodeError` (a ``ValueError``) for
    bytes that fit no encoding, naming the byte offset, and
    :class:`BaseDateError` (a ``ValueError``) for a base date that is not a
    calendar date.

    >>> notice = parse("宝山区智慧湾入选示范基地\\n\\n园区已入驻企业420余家。")
    >>> notice.title
    '宝山区智慧湾入选示范基地'
    """

def parse_numbers(text: Union[str, bytes]) -> list[Number]:
    """Find every number in a text, with its value and span.

    Values that would overflow (more than 2**53, or absurdly many digits) are
    refused: no number is reported for them.

    >>> [(n.text, n.value) for n in parse_numbers("入驻企业420余家，投资3500万元")]
    [('420余', 420.0), ('3500万', 35000000.0)]
    """

def parse_metric(text: Union[str, bytes]) -> list[Metric]:
    """Find every figure in a text: numbers with units, scale, hedges and what they count.

    >>> [(m.text, m.value, m.unit, m.qualifier) for m in parse_metric("近300亿元")]
    [('近300亿元', 30000000000.0, 'CNY', 'nearly')]
    """

def find_districts(text: Union[str, bytes], region: Optional[str] = None) -> list[DistrictMention]:
    """Find every administrative division a text names, decided in context.

    ``region`` (a division name or code) decides names that the text itself
    leaves open; otherwise such mentions are marked ``ambiguous``.

    >>> [(d.text, d.code) for d in find_districts("上海市宝山区吴淞街道")]
    [('上海市', '310000'), ('宝山区', '310113'), ('吴淞街道', '310113007')]
    """

def lookup_division(code: str) -> Optional[Division]:
    """The division with a GB/T 2260 code (six digits; nine for towns), or ``None``.

    >>> lookup_division("310113").name
    '宝山区'
    """

def divisions_named(name: str) -> list[Division]:
    """Every division, current or former, with this name or short name.

    >>> sorted(d.code for d in divisions_named("普陀区"))
    ['310107', '330903']
    """

TABLES: list[str]
"""The tables a batch gives: ``notices``, ``metrics``, ``dates``, ``districts``, ``sources``."""

class ArrowTable:
    """One table of a batch, readable by pyarrow, pandas and polars through the
    Arrow PyCapsule interface (``pa.table(t)``, ``pl.DataFrame(t)``)."""

    column_names: list[str]
    def __len__(self) -> int: ...
    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...

class Batch:
    """Notices parsed together, in input order."""

    def __len__(self) -> int: ...
    def notices(self) -> list[Notice]:
        """One notice per input; an input that is not text gives an empty notice."""
    def problems(self) -> list[Optional[str]]:
        """For each input, why it could not be parsed, or ``None``."""
    def table(self, name: str) -> ArrowTable:
        """One of :data:`TABLES` as an Arrow table; ``KeyError`` for any other name."""

def parse_batch(
    texts: Iterable[object],
    base_date: Union[datetime.date, str, Sequence[Union[datetime.date, str, None]], None] = None,
    region: Optional[str] = None,
    threads: Optional[int] = None,
    progress: Optional[Callable[[int], object]] = None,
) -> Batch:
    """Parse every item of ``texts`` in parallel with the GIL released.

    Items that are ``None``, NaN or not text become empty notices with their
    problem recorded. ``base_date`` is one date or one per text. ``threads``
    defaults to all cores. ``progress`` is called with the number of notices
    parsed after each chunk; Ctrl-C stops the batch between chunks.

    >>> batch = parse_batch(["标题\\n\\n园区已入驻企业420余家。", None])
    >>> batch.problems()
    [None, 'missing text (None)']
    """

def parse_notices(
    texts: Iterable[object],
    base_date: Union[datetime.date, str, Sequence[Union[datetime.date, str, None]], None] = None,
    region: Optional[str] = None,
    threads: Optional[int] = None,
    progress: Optional[Callable[[int], object]] = None,
) -> list[Notice]:
    """As :func:`parse_batch`, but only the notices, handed over without the
    copy :meth:`Batch.notices` makes.

    >>> [n.title for n in parse_notices(["标题\\n\\n园区已入驻企业420余家。", None])]
    ['标题', None]
    """

def decode(data: bytes, encoding: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes as :func:`parse` does: ``(text, encoding name)``.

    >>> decode("宝山区".encode("gbk"))
    ('宝山区', 'gb18030')
    """

class HtmlNotice:
    """A notice read from an HTML page."""

    text: str
    """The page's text, without markup, scripts and styles: what the notice's spans index."""
    notice: Notice
    title: Optional[str]
    meta: list[tuple[str, str]]
    """The page's ``<meta>`` fields (``ArticleTitle``, ``PubDate``, ``ContentSource``, ``Author`` …)."""
    def html_span(self, span: Span, html: str) -> Span:
        """Where a span of :attr:`text` lies in ``html`` (the page passed to :func:`parse_html`)."""

def parse_html(
    html: str,
    base_date: Union[datetime.date, str, None] = None,
    region: Optional[str] = None,
) -> HtmlNotice:
    """Extract the text of an HTML page and parse it.

    The title is the ``ArticleTitle`` meta field when the page has one;
    relative dates resolve against ``base_date``, else the ``PubDate`` meta
    field, else the date the text states.

    >>> page = parse_html('<meta name="ArticleTitle" content="园区年报"><p>园区已入驻企业420余家。</p>')
    >>> page.notice.title, page.notice.metrics[0].text
    ('园区年报', '420余家')
    """

def parse_date(text: Union[str, bytes], base_date: Union[datetime.date, str, None] = None) -> list[DateMention]:
    """Find every date in a text, each a closed interval of days.

    Partial and relative dates resolve against ``base_date``; without one they
    keep the parts written and have no days.

    >>> [(d.text, str(d.start), str(d.end)) for d in parse_date("今年6月", base_date="2024-11-01")]
    [('今年6月', '2024-06-01', '2024-06-30')]
    """

def parse_sources(text: Union[str, bytes]) -> list[Source]:
    """Every credited source of a notice, in text order; the issuer has role ``'issuer'``.

    >>> [(s.name, s.kind, s.role) for s in parse_sources("标题\\n\\n发布机构: 宝山区文化和旅游局\\n\\n正文。")]
    [('宝山区文化和旅游局', 'agency', 'issuer')]
    """
