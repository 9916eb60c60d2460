"""govnotice.parse: arguments, the output contract, spans as str indices."""

from __future__ import annotations

import datetime

import pytest

import govnotice

NOTICE = "宝山区智慧湾入选示范基地\n\n发布机构: 宝山区文化和旅游局\n\n园区已入驻企业420余家。\n"

CONTRACT_KEYS = {
    "agencies",
    "title",
    "publisher",
    "sources",
    "published",
    "dates",
    "districts",
    "metrics",
    "body_span",
}


def test_title_and_body_span_index_the_str() -> None:
    notice = govnotice.parse(NOTICE)
    assert notice.title == "宝山区智慧湾入选示范基地"
    start, end = notice.body_span
    # str indices, not byte offsets: the header line (发布机构) is not body.
    assert start == NOTICE.index("园区已入驻")
    assert start == 31
    assert NOTICE[start:end].startswith("园区已入驻")
    assert NOTICE[start:end].endswith("420余家。")


def test_to_dict_has_exactly_the_contract_names() -> None:
    record = govnotice.parse(NOTICE).to_dict()
    assert set(record) == CONTRACT_KEYS
    assert record["title"] == "宝山区智慧湾入选示范基地"
    assert record["body_span"] == govnotice.parse(NOTICE).body_span
    for key in ("sources", "dates", "districts", "metrics"):
        assert isinstance(record[key], list)


def test_repr_is_readable() -> None:
    text = repr(govnotice.parse(NOTICE))
    assert text.startswith("Notice(title='宝山区智慧湾入选示范基地'")
    assert "metrics=" in text


@pytest.mark.parametrize("text", ["", "   ", "\n\t\u3000\n"])
def test_blank_text_gives_an_empty_notice(text: str) -> None:
    notice = govnotice.parse(text)
    assert notice.title is None
    assert notice.body_span is None
    assert notice.publisher is None and notice.published is None
    assert notice.sources == notice.dates == notice.districts == notice.metrics == []


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], bytearray(b"x")])
def test_non_text_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        govnotice.parse(bad)  # type: ignore[arg-type]


def test_utf8_bytes_parse_like_the_str() -> None:
    from_bytes = govnotice.parse(NOTICE.encode("utf-8"))
    assert from_bytes.to_dict() == govnotice.parse(NOTICE).to_dict()
    with_bom = govnotice.parse(b"\xef\xbb\xbf" + NOTICE.encode("utf-8"))
    assert with_bom.title == "宝山区智慧湾入选示范基地"


def test_invalid_bytes_name_the_offset() -> None:
    data = "宝山".encode("utf-8") + b"\xff\xfe"
    with pytest.raises(ValueError, match="byte offset 6"):
        govnotice.parse(data)


def test_lone_surrogate_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        govnotice.parse("宝山\ud800区")


@pytest.mark.parametrize(
    "base_date",
    ["2024-05-20", datetime.date(2024, 5, 20), datetime.datetime(2024, 5, 20, 8, 30)],
)
def test_base_date_accepts_str_date_and_datetime(base_date: object) -> None:
    assert govnotice.parse(NOTICE, base_date=base_date).title is not None


@pytest.mark.parametrize("base_date", ["2024-13-01", "yesterday", "2024-02-30"])
def test_base_date_that_is_not_a_date_is_a_value_error(base_date: str) -> None:
    with pytest.raises(ValueError, match="base date"):
        govnotice.parse(NOTICE, base_date=base_date)


def test_base_date_of_another_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        govnotice.parse(NOTICE, base_date=20240520)  # type: ignore[arg-type]


def test_the_callers_text_is_not_altered() -> None:
    text = "\ufeff  标题\r\n\r\n正文 ３５００万元\r\n"
    copy = str(text)
    govnotice.parse(text)
    assert text == copy

