"""Typed errors, bytes in other encodings, HTML pages."""

from __future__ import annotations

import pytest

import govnotice

TEXT = "上海市宝山区园区年报\n\n2023年，园区已入驻企业420余家，总产值近300亿元。\n"


def test_error_hierarchy() -> None:
    assert issubclass(govnotice.DecodeError, govnotice.GovNoticeError)
    assert issubclass(govnotice.DecodeError, ValueError)
    assert issubclass(govnotice.BaseDateError, ValueError)
    assert issubclass(govnotice.ArgumentTypeError, TypeError)
    with pytest.raises(govnotice.ArgumentTypeError, match="int"):
        govnotice.parse(5)  # type: ignore[arg-type]
    with pytest.raises(govnotice.BaseDateError, match="2024-02-30"):
        govnotice.parse(TEXT, base_date="2024-02-30")
    with pytest.raises(govnotice.GovNoticeError):
        govnotice.parse("宝山\ud800区")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5", "utf-8", "utf-8-sig"])
def test_bytes_in_each_encoding_parse_like_the_text(encoding: str) -> None:
    text = TEXT if encoding != "big5" else "上海市寶山區園區年報\n\n2023年，園區已入駐企業420家，總產值近300億元。\n"
    data = text.encode(encoding)
    decoded, name = govnotice.decode(data)
    assert decoded == text
    notice = govnotice.parse(data)
    expected = [(m.text, m.value) for m in govnotice.parse(text).metrics]
    assert expected and [(m.text, m.value) for m in notice.metrics] == expected
    for metric in notice.metrics:
        assert decoded[metric.span[0] : metric.span[1]] == metric.text


def test_named_encoding_and_undecodable_bytes() -> None:
    data = TEXT.encode("gbk")
    assert govnotice.parse(data, encoding="gbk").title == "上海市宝山区园区年报"
    with pytest.raises(govnotice.DecodeError, match="byte offset 0"):
        govnotice.parse(data, encoding="utf-8")
    with pytest.raises(govnotice.DecodeError, match="unknown encoding"):
        govnotice.parse(data, encoding="klingon")


def test_html_page_text_meta_and_span_map() -> None:
    html = (
        "<html><head><meta name='ArticleTitle' content='宝山区园区年报'>"
        "<meta name='PubDate' content='2024-01-18 09:30'><style>p{color:red}</style>"
        "<script>var x = '999家';</script></head><body><!-- 100家 -->"
        "<p>上海市宝山区园区今年已入驻企业420余家&nbsp;。</p></body></html>"
    )
    page = govnotice.parse_html(html)
    assert page.notice.title == "宝山区园区年报"
    assert dict(page.meta)["PubDate"] == "2024-01-18 09:30"
    assert "999" not in page.text and "100家" not in page.text and "color" not in page.text
    (figure,) = page.notice.metrics
    assert page.text[figure.span[0] : figure.span[1]] == "420余家"
    start, end = page.html_span(figure.span, html)
    assert html[start:end] == "420余家"
    # 今年 resolves against the page's PubDate.
    assert page.notice.dates[0].start.year == 2024
