"""The parsers on their own: parse_metric, find_districts and the gazetteer."""

from __future__ import annotations

import govnotice


def test_parse_metric_values_units_and_spans() -> None:
    text = "园区已入驻企业420余家，就业人数超5000人以上，总产值近300亿元，占地6.9平方公里。"
    metrics = govnotice.parse_metric(text)
    assert [(m.text, m.value, m.unit, m.qualifier) for m in metrics] == [
        ("420余家", 420.0, "家", "more_than"),
        ("超5000人以上", 5000.0, "人", "more_than"),
        ("近300亿元", 3.0e10, "CNY", "nearly"),
        ("6.9平方公里", 6.9e6, "m2", "exact"),
    ]
    for metric in metrics:
        start, end = metric.span
        assert text[start:end] == metric.text
    assert metrics[0].subject == "企业"
    assert metrics[2].to_dict()["quantity"] == "money"


def test_parse_metric_changes() -> None:
    (growth,) = govnotice.parse_metric("营收同比增长12.5%")
    assert (growth.change, growth.basis, growth.unit) == ("increase", "year_on_year", "percent")


def test_find_districts_decides_or_says_ambiguous() -> None:
    text = "上海市宝山区吴淞街道"
    found = govnotice.find_districts(text)
    assert [(d.text, d.code, d.level) for d in found] == [
        ("上海市", "310000", "province"),
        ("宝山区", "310113", "county"),
        ("吴淞街道", "310113007", "town"),
    ]
    assert [text[d.span[0] : d.span[1]] for d in found] == ["上海市", "宝山区", "吴淞街道"]
    (alone,) = govnotice.find_districts("普陀区召开会议")
    assert alone.ambiguous and alone.code == ""
    assert sorted(alone.candidates) == ["310107", "330903"]
    (hinted,) = govnotice.find_districts("普陀区召开会议", region="舟山")
    assert hinted.code == "330903"


def test_san_francisco_is_not_jinshan() -> None:
    assert govnotice.find_districts("与美国旧金山湾区相比") == []


def test_gazetteer_lookup_and_former_divisions() -> None:
    baoshan = govnotice.lookup_division("310113")
    assert baoshan is not None
    assert (baoshan.name, baoshan.level, baoshan.parent_code) == ("宝山区", "county", "310000")
    assert [d.code for d in baoshan.chain()] == ["310000", "310113"]
    assert govnotice.lookup_division("999999") is None
    zhabei = [d for d in govnotice.divisions_named("闸北区") if d.former]
    assert zhabei and zhabei[0].current_code == "310106"


def test_notice_districts_and_primary(sample_notices: dict[str, str]) -> None:
    text = sample_notices["01_baoshan_park.txt"]
    notice = govnotice.parse(text)
    assert notice.primary_district() == "310113"
    counts = dict(notice.district_counts())
    assert counts["310113"] >= 3
    for metric in notice.metrics:
        start, end = metric.span
        assert text[start:end] == metric.text
        assert notice.body_span[0] <= start or metric.text in (notice.title or "")


def test_parse_date_against_a_base() -> None:
    (june,) = govnotice.parse_date("今年6月，园区新增企业12家。", base_date="2024-11-01")
    assert (june.text, june.precision, june.relative) == ("今年6月", "month", True)
    assert (str(june.start), str(june.end)) == ("2024-06-01", "2024-06-30")
    (unresolved,) = govnotice.parse_date("5月15日")
    assert unresolved.start is None and (unresolved.month, unresolved.day) == (5, 15)


def test_parse_sources_types_and_districts() -> None:
    text = "标题\n\n发布机构: 宝山区文化和旅游局 发布日期:2021-10-24\n\n正文。\n\n以上图片均为上海市普陀区委宣传部提供"
    sources = govnotice.parse_sources(text)
    issuer = sources[0]
    assert (issuer.name, issuer.kind, issuer.role, issuer.district_code) == ("宝山区文化和旅游局", "agency", "issuer", "310113")
    photo = [s for s in sources if s.role == "photo"]
    assert photo and photo[0].district_code == "310107"
    for source in sources:
        assert text[source.span[0] : source.span[1]] == source.text
