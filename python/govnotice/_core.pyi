"""Type stubs for the native module ``govnotice._core``."""

import datetime
from typing import Any, Literal, Optional, Union

__version__: str

Span = tuple[int, int]
"""``(start, end)``: ``str`` indices into the text that was parsed; ``text[start:end]`` is the mention."""

Qualifier = Literal["exact", "about", "more_than", "at_least", "nearly", "less_than", "at_most", "range"]
Precision = Literal["day", "week", "ten_days", "month", "quarter", "half", "year", "period"]
Level = Literal["province", "city", "county", "town"]
SourceKind = Literal["agency", "media", "website", "wechat_account", "person"]
Role = Literal["issuer", "source", "author", "editor", "photo", "layout"]

class Source:
    """A credited source: the issuer, a quoted source, an author, a photographer."""

    text: str
    span: Span
    name: str
    kind: SourceKind
    role: Role
    district_code: Optional[str]
    def to_dict(self) -> dict[str, Any]: ...

class DateMention:
    """A date the text states, as a closed interval of days (``start`` and ``end`` inclusive)."""

    text: str
    span: Span
    start: Optional[datetime.date]
    end: Optional[datetime.date]
    precision: Precision
    relative: bool
    def to_dict(self) -> dict[str, Any]: ...

class DistrictMention:
    """An administrative division the text names, with its official name and code."""

    text: str
    span: Span
    name: str
    code: str
    level: Level
    parent_code: Optional[str]
    def to_dict(self) -> dict[str, Any]: ...

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
    published: Optional[DateMention]
    dates: list[DateMention]
    districts: list[DistrictMention]
    metrics: list[Metric]
    body_span: Optional[Span]
    def to_dict(self) -> dict[str, Any]:
        """The notice as plain data with the documented names; spans as ``(start, end)`` tuples, dates as ``'YYYY-MM-DD'``."""

def parse(
    text: Union[str, bytes],
    base_date: Union[datetime.date, str, None] = None,
    region: Optional[str] = None,
) -> Notice:
    """Parse one notice.

    ``text`` is a ``str``, or ``bytes`` holding UTF-8 (a byte-order mark is
    dropped). ``base_date`` is the date relative expressions resolve against
    when the notice does not state its own publish date. ``region`` is a
    division name or code that ambiguous district names lean towards.

    Raises ``TypeError`` for any other type of ``text`` or ``base_date``, and
    ``ValueError`` for bytes that are not UTF-8 (naming the byte offset) or a
    base date that is not a calendar date.

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
