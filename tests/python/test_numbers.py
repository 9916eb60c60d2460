"""govnotice.parse_numbers: the shared numeral scanner seen from Python."""

from __future__ import annotations

import pytest

import govnotice


def test_values_and_str_spans() -> None:
    text = "园区已入驻企业420余家，投资3500万元，增长5-8%，二〇二一年"
    numbers = govnotice.parse_numbers(text)
    assert [n.text for n in numbers] == ["420余", "3500万", "5-8%", "二〇二一"]
    for number in numbers:
        start, end = number.span
        assert text[start:end] == number.text
    first, money, percent, year = numbers
    assert (first.value, first.approx) == (420.0, "more_than")
    assert money.value == 35_000_000.0 and money.script == "mixed"
    assert (percent.value, percent.value_max, percent.kind) == (5.0, 8.0, "percent")
    assert (year.value, year.digits, year.script) == (2021.0, 4, "chinese")


def test_chinese_numerals() -> None:
    values = {n.text: n.value for n in govnotice.parse_numbers("三千五百，两万，一百零五，百分之三十，１２３")}
    assert values == {"三千五百": 3500.0, "两万": 20000.0, "一百零五": 105.0, "百分之三十": 30.0, "１２３": 123.0}


def test_overflow_is_refused_not_wrapped() -> None:
    numbers = govnotice.parse_numbers("9" * 400 + "元")
    assert all(n.value != float("inf") for n in numbers)
    assert not any(n.text == "9" * 400 for n in numbers)


def test_to_dict_and_repr() -> None:
    (number,) = govnotice.parse_numbers("近300亿元")
    assert number.to_dict()["value"] == 30_000_000_000.0
    assert number.to_dict()["span"] == (1, 5)
    assert repr(number).startswith("Number('300亿', value=30000000000")


def test_bad_input() -> None:
    with pytest.raises(TypeError, match="int"):
        govnotice.parse_numbers(5)  # type: ignore[arg-type]
    assert govnotice.parse_numbers("") == []
