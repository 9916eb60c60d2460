"""The notebook view of a notice: ``Notice._repr_html_``."""

from __future__ import annotations

from html.parser import HTMLParser

import govnotice
from govnotice import _core

REPORT = (
    "上海市宝山区园区年报\n\n发布机构: 宝山区经济委员会 发布日期:2024-01-18\n\n"
    "2023年，宝山区园区已入驻企业420余家，总产值近300亿元。\n\n（宝山区科委供稿）"
)


class Marks(HTMLParser):
    """Collects each ``<mark>``: its kind, its title and the text inside it, and
    every tag opened, so that a test sees the page as a browser would."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str]] = []
        self.open: list[int] = []
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "mark":
            self.open.append(len(self.marks))
            self.marks.append({**{k: v or "" for k, v in attrs}, "inner": ""})

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        for index in self.open:
            self.marks[index]["inner"] += data


def marks_of(html: str) -> Marks:
    page = Marks()
    page.feed(html)
    page.close()
    assert page.open == [], "every mark is closed"
    return page


def test_every_kind_is_marked_on_its_own_characters() -> None:
    notice = govnotice.parse(REPORT)
    page = marks_of(notice._repr_html_())
    by_kind = {(m["data-kind"], m["inner"], m["title"]) for m in page.marks}
    assert {
        ("figure", "420余家", "figure: 420 家, more than; of 企业; in 310113; 2023-01-01 – 2023-12-31 (year)"),
        ("date", "2023年", "date: 2023-01-01 – 2023-12-31 (year)"),
        ("division", "宝山区", "division: 宝山区 310113 (county)"),
        ("division", "宝山区", "division: 宝山区 310113 (county), in an organisation's name"),
        ("source", "宝山区科委", "source: 宝山区科委 (agency, mentioned, 310113)"),
    } <= by_kind, by_kind
    # Each mention's mark holds exactly the characters its str span points at.
    for metric in notice.metrics:
        start, end = metric.span
        assert ("figure", REPORT[start:end]) in {(kind, inner) for kind, inner, _ in by_kind}
    start, end = notice.body_span
    assert REPORT[start:end] in page.text
    assert "上海市宝山区园区年报" in page.text and "宝山区经济委员会" in page.text
    assert "2024-01-18" in page.text


def test_the_text_is_escaped_where_it_could_open_a_tag() -> None:
    text = "<img src=x onerror=alert(1)>通知\n\n宝山区园区已入驻企业420余家。<script>alert('x')</script>\n"
    notice = govnotice.parse(text)
    html = notice._repr_html_()
    page = marks_of(html)
    assert set(page.tags) <= {"div", "b", "span", "mark"}, page.tags
    assert "<script>alert('x')</script>" in page.text
    assert "<img src=x onerror=alert(1)>" in page.text
    assert "&lt;script&gt;" in html


def test_the_view_reads_the_text_the_notice_kept() -> None:
    gbk = REPORT.encode("gbk")
    notice = govnotice.parse(gbk)
    assert notice.text == REPORT
    assert "text" not in notice.to_dict()
    page = marks_of(notice._repr_html_())
    assert any(m["inner"] == "近300亿元" for m in page.marks)


def test_notices_of_parse_many_show_too_and_batch_notices_fall_back_to_repr() -> None:
    [notice] = govnotice.parse_many([REPORT])
    assert notice.text == REPORT
    assert notice._repr_html_() == govnotice.parse(REPORT)._repr_html_()
    [from_batch] = _core.parse_batch([REPORT]).notices()
    assert from_batch.text is None
    assert from_batch._repr_html_() is None


def test_a_page_notice_shows_its_page_text() -> None:
    page = govnotice.parse_html("<html><body><h1>园区年报</h1><p>园区已入驻企业420余家。</p></body></html>")
    assert page.notice.text == page.text
    marks = marks_of(page.notice._repr_html_()).marks
    assert [m["inner"] for m in marks if m["data-kind"] == "figure"] == ["420余家"]
