"""Batches: parse_many, frames, Arrow tables, the pandas accessor."""

from __future__ import annotations

import datetime
import math

import pandas as pd
import pyarrow as pa
import pytest

import govnotice

PARK = "上海市宝山区园区年报\n\n发布机构: 宝山区经济委员会 发布日期:2024-01-18\n\n2023年，宝山区园区已入驻企业420余家，总产值近300亿元，同比增长12.5%。\n"
STREET = "普陀区曹杨新村街道养老站点启用\n\n今年5月15日起，上海市普陀区新建助餐点15个，服务老人超过3000人次。\n"


def test_parse_many_equals_parse_one_by_one(sample_notices: dict[str, str]) -> None:
    texts = list(sample_notices.values()) + [PARK, STREET]
    many = govnotice.parse_many(texts, threads=2)
    assert [n.to_dict() for n in many] == [govnotice.parse(t).to_dict() for t in texts]


def test_a_batch_holds_the_notices_parse_many_returns(sample_notices: dict[str, str]) -> None:
    texts = list(sample_notices.values()) + [None, PARK]
    batch = govnotice._core.parse_batch(texts, threads=2)
    many = govnotice.parse_many(texts, threads=2)
    assert [n.to_dict() for n in batch.notices()] == [n.to_dict() for n in many]
    assert batch.problems()[-2] == "missing text (None)"


def test_parse_many_takes_any_iterable_and_keeps_order() -> None:
    notices = govnotice.parse_many(t for t in [STREET, PARK, STREET])
    assert [n.title for n in notices] == ["普陀区曹杨新村街道养老站点启用", "上海市宝山区园区年报", "普陀区曹杨新村街道养老站点启用"]


def test_missing_entries_give_empty_notices_with_the_problem_recorded() -> None:
    texts = [PARK, None, float("nan"), 42, STREET]
    notices = govnotice.parse_many(texts)
    assert [n.title is not None for n in notices] == [True, False, False, False, True]
    table = govnotice.frames(texts)["notices"]
    problems = table["problem"].tolist()
    assert problems[0] is None or (isinstance(problems[0], float) and math.isnan(problems[0]))
    assert "missing" in problems[1] and "missing" in problems[2]
    assert "int" in problems[3]


def test_bytes_and_unreadable_str_in_a_batch() -> None:
    # Bytes are decoded from their encoding; a str Python cannot encode as
    # UTF-8 is that input's problem, not the batch's.
    texts = [PARK.encode("gb18030"), "宝山\ud800区", PARK]
    batch = govnotice._core.parse_batch(texts, threads=2)
    notices, problems = batch.notices(), batch.problems()
    assert notices[0].to_dict() == notices[2].to_dict() == govnotice.parse(PARK).to_dict()
    assert problems[0] is None and problems[2] is None
    assert "UTF-8" in problems[1] and notices[1].title is None


def test_every_width_of_str_reads_as_parse_reads_it() -> None:
    # CPython stores a str in one, two or four bytes a character; a batch
    # reads each on the calling thread and parses it on a worker, so each
    # width must give what a single call gives, spans included.
    texts = [
        "Zoning notice 2024\n\nBudget of 300 yuan.\n",
        "Café réunion\n\n5 km à pied, 12.5%.\n",
        PARK,
        "𠀀园区通知\n\n2023年，宝山区𠀀园区入驻企业420余家，𠂇总产值近300亿元。\n",
        "",
    ]
    many = govnotice.parse_many(texts, threads=2)
    assert [n.to_dict() for n in many] == [govnotice.parse(t).to_dict() for t in texts]
    four = many[3].to_dict()
    assert any(m["text"] == "420余家" for m in four["metrics"])
    for metric in four["metrics"]:
        start, end = metric["span"]
        assert texts[3][start:end] == metric["text"]


def test_base_date_per_text() -> None:
    text = "会议通知\n\n今年6月，园区新增企业12家。\n"
    a, b = govnotice.parse_many([text, text], base_date=["2023-03-01", datetime.date(2024, 3, 1)])
    assert a.dates[0].start == datetime.date(2023, 6, 1)
    assert b.dates[0].start == datetime.date(2024, 6, 1)
    with pytest.raises(ValueError, match="2 entries for 3 texts"):
        govnotice.parse_many([text] * 3, base_date=["2023-03-01", "2023-03-02"])


def test_a_batch_of_several_chunks_keeps_order_dates_and_problems() -> None:
    # Read and parsed a chunk at a time: every input must keep its own
    # place, base date and problem across the chunk boundaries.
    count = 700
    texts = [None if i % 97 == 0 else f"通知{i}\n\n今年6月，园区新增企业{i}家。\n" for i in range(count)]
    bases = [datetime.date(2000 + i % 20, 3, 1) for i in range(count)]
    batch = govnotice._core.parse_batch(texts, base_date=bases, threads=2)
    notices, problems = batch.notices(), batch.problems()
    assert len(notices) == len(problems) == count
    for i, (notice, problem) in enumerate(zip(notices, problems)):
        if texts[i] is None:
            assert (notice.title, problem) == (None, "missing text (None)")
        else:
            assert (notice.title, problem) == (f"通知{i}", None)
            assert notice.dates[0].start == datetime.date(2000 + i % 20, 6, 1)


def test_frames_keep_the_series_index_and_real_dtypes() -> None:
    texts = pd.Series([PARK, None, STREET], index=["a", "b", "c"])
    tables = govnotice.frames(texts)
    assert set(tables) == set(govnotice.TABLES)
    notices = tables["notices"]
    assert list(notices.index) == ["a", "b", "c"]
    assert notices.loc["a", "publisher"] == "宝山区经济委员会"
    assert notices.loc["a", "published"] == pd.Timestamp("2024-01-18")
    assert pd.api.types.is_datetime64_any_dtype(notices["published"])

    metrics = tables["metrics"]
    assert set(metrics.index) == {"a", "c"}
    assert metrics["value"].dtype == "float64"
    assert isinstance(metrics["unit"].dtype, pd.CategoricalDtype)
    assert isinstance(metrics["qualifier"].dtype, pd.CategoricalDtype)
    park = metrics.loc["a"]
    assert list(park["match"]) == list(range(len(park)))
    firms = park[park["unit"] == "家"].iloc[0]
    assert (firms["value"], firms["qualifier"], firms["subject"]) == (420.0, "more_than", "企业")
    # Spans are str indices into the caller's text.
    assert PARK[firms["start"] : firms["end"]] == firms["text"] == "420余家"
    growth = park[park["unit"] == "percent"].iloc[0]
    assert (growth["change"], growth["basis"]) == ("increase", "year_on_year")

    districts = tables["districts"]
    assert "310113" in set(districts.loc["a", "code"])
    assert "310107" in set(districts.loc["c", "code"])


def test_frames_match_parse_notice_by_notice(sample_notices: dict[str, str]) -> None:
    texts = list(sample_notices.values())
    metrics = govnotice.frames(texts)["metrics"]
    for position, text in enumerate(texts):
        expected = [(m.text, m.value, m.unit) for m in govnotice.parse(text).metrics]
        rows = metrics[metrics.index == position]
        assert list(zip(rows["text"], rows["value"], rows["unit"].astype(str))) == expected


def test_to_arrow_and_polars_read_the_capsule() -> None:
    tables = govnotice.to_arrow([PARK, STREET])
    assert isinstance(tables["metrics"], pa.Table)
    assert tables["metrics"].schema.field("value").type == pa.float64()
    assert tables["notices"].num_rows == 2
    polars = pytest.importorskip("polars")
    batch = govnotice._core.parse_batch([PARK, STREET])
    frame = polars.DataFrame(batch.table("metrics"))
    assert frame.height == tables["metrics"].num_rows


def test_unknown_table_is_a_key_error() -> None:
    batch = govnotice._core.parse_batch([PARK])
    with pytest.raises(KeyError, match="metrics"):
        batch.table("figures")


def test_series_accessor() -> None:
    texts = pd.Series([PARK, STREET], index=[10, 20])
    metrics = texts.govnotice.metrics()
    assert set(metrics.index) == {10, 20}
    assert len(texts.govnotice.notices()) == 2
    with pytest.raises(AttributeError):
        pd.Series([1, 2]).govnotice


def test_progress_reports_every_notice(capsys: pytest.CaptureFixture[str]) -> None:
    reported: list[int] = []
    govnotice._core.parse_batch([PARK] * 600, progress=reported.append)
    assert sum(reported) == 600 and len(reported) == 3
    govnotice.parse_many([PARK] * 3, progress=True)
    assert "govnotice" in capsys.readouterr().err


def test_threads_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        govnotice.parse_many([PARK], threads=0)
