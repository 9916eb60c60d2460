//! A notice's own publish date.

use crate::layout::Layout;
use crate::span::Span;

use super::{parse, DateMention};

/// Meta-field keys whose value is the publish date, by rank: a page's
/// publish or update stamp first, then the date a document was written or
/// its record made (`成文日期`, `生成日期`), which disclosure pages give beside
/// the publish date.
const KEYS: [(&str, u8); 19] = [
    ("发布日期", 0),
    ("发布时间", 0),
    ("发表于", 0),
    ("发表时间", 0),
    ("发表日期", 0),
    ("发布于", 0),
    ("发文日期", 0),
    ("日期", 0),
    ("时间", 0),
    ("更新时间", 0),
    ("更新日期", 0),
    ("编辑日期", 0),
    ("录入时间", 0),
    ("上传时间", 0),
    ("添加时间", 0),
    ("成文日期", 1),
    ("生成日期", 1),
    ("生效日期", 1),
    ("生效时间", 1),
];

/// The notice's own publish date, looked for in this order:
///
/// 1. the header, above the body or before its first sentence: a
///    publish-date field (`发布日期:2021-10-24`; the page's stamp before the
///    date a document was written), then a date standing on a header line
///    (`2019-08-14 12:40`, `XX日报 2020-05-11`);
/// 2. the footer, after the body, in the same order, and the date of a
///    closing signature;
/// 3. a date line under the title (`( 2022-02-24)`, `admin9个月前 (09-24)…`).
///
/// A date with its year wins over one without, wherever they stand; a date
/// in the narrative never counts. A relative stamp such as `9个月前 (09-24)`
/// has no base to resolve against and stays partial.
///
/// Spans are byte ranges into `text`, the text `layout` was read from.
#[must_use]
pub fn published(text: &str, layout: &Layout) -> Option<DateMention> {
    // Fields and dates after a sentence of the body are the article's
    // (`时间:2月10日9时` of an event), not the page's. Before the body's
    // first sentence they are header lines the body was started above; at
    // its very end, the date of its closing signature.
    let zone = |span: Span| match layout.body {
        None => Some(Zone::Header),
        Some(body) if span.end <= body.start => Some(Zone::Header),
        Some(body) if span.start >= body.end || span.end == body.end => Some(Zone::Footer),
        Some(body) if !text[body.start..span.start].contains(['。', '！', '？']) => {
            Some(Zone::Header)
        }
        Some(_) => None,
    };
    let mut found: Vec<(Zone, u8, DateMention)> = Vec::new();
    for f in &layout.fields {
        let key = f.key_name(text);
        let Some(&(_, rank)) = KEYS.iter().find(|(k, _)| *k == key) else {
            continue;
        };
        if let (Some(zone), Some(date)) = (zone(f.value), first_in(text, f.value)) {
            found.push((zone, rank, date));
        }
    }
    for &span in &layout.dates {
        // Under the name of its issuer, a date is a signature's wherever it
        // stands (a notice may go on with its attachments).
        let signed = crate::layout::signature_name(text, span).is_some();
        let zone = zone(span).or_else(|| signed.then_some(Zone::Footer));
        if let (Some(zone), Some(date)) = (zone, first_in(text, span)) {
            found.push((zone, u8::MAX, date));
        }
    }
    // Stable: text order within a zone and rank.
    found.sort_by_key(|&(zone, rank, _)| (zone, rank));
    let under_title = || {
        layout
            .preamble
            .iter()
            .take_while(|line| layout.body.is_none_or(|b| line.end <= b.start))
            .find_map(|&line| first_in(text, line))
            .or_else(|| dateline(text))
    };
    let complete = found.iter().position(|(_, _, date)| date.start.is_some());
    match complete {
        Some(i) => Some(found.swap_remove(i).2),
        None => under_title()
            .filter(|date| date.start.is_some())
            .or_else(|| found.into_iter().next().map(|(_, _, date)| date))
            .or_else(under_title),
    }
}

/// Where a candidate publish date stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Zone {
    Header,
    Footer,
}

/// A dateline may sit under a title that the layout did not take for one
/// (a long headline): it is looked for among this many first lines. A title,
/// a subtitle and a byline come before it.
const HEADER_LINES: usize = 4;

/// A line near the top that holds a date and nothing else but brackets
/// (`( 2022-02-24)`): a dateline, whatever the layout made of its neighbours.
fn dateline(text: &str) -> Option<DateMention> {
    let mut next = 0;
    let lines = text.split_inclusive('\n').map(|line| {
        let start = next;
        next += line.len();
        (start, line)
    });
    for (start, line) in lines
        .filter(|(_, l)| !l.trim().is_empty())
        .take(HEADER_LINES)
    {
        let bare = line
            .trim()
            .trim_matches(['(', ')', '（', '）', '[', ']', '【', '】', ' ', '\u{3000}']);
        if bare.is_empty() {
            continue;
        }
        match first_in(text, Span::new(start, start + line.len())) {
            Some(found) if found.text == bare => return Some(found),
            _ => {}
        }
    }
    None
}

/// The first date mention in `text[span]` that names a day or a month, with
/// its span moved into `text`.
fn first_in(text: &str, span: Span) -> Option<DateMention> {
    let part = text.get(span.range())?;
    let mut found = parse(part, None)
        .into_iter()
        .find(|m| m.day.is_some() || m.month.is_some() && m.year.is_some())?;
    found.span = Span::new(found.span.start + span.start, found.span.end + span.start);
    Some(found)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::layout;

    #[test]
    fn from_a_meta_field() {
        let text = "宝山区智慧湾入选示范基地\n\n发布机构: 宝山区文化和旅游局 发布日期:2021-10-24\n\n近日,名单发布。园区已入驻企业420余家。\n";
        let m = published(text, &layout::parse(text)).expect("a publish date");
        assert_eq!(m.start, Some(date(2021, 10, 24)));
        assert_eq!(&text[m.span.range()], "2021-10-24");
    }

    #[test]
    fn from_a_dateline_under_a_long_title() {
        let text = "上海2022年2月11日，无新增本土新冠肺炎确诊病例 新增境外输入7例 治愈出院9例 解除医学观察无症状感染者1例\n( 2022-02-12)\n2022年2月11日0—24时，通过口岸联防联控机制，报告7例新增境外输入性新冠肺炎确诊病例。\n";
        let m = published(text, &layout::parse(text)).expect("a publish date");
        assert_eq!(m.start, Some(date(2022, 2, 12)));
    }

    fn published_in(text: &str) -> Option<jiff::civil::Date> {
        published(text, &layout::parse(text)).and_then(|m| m.start)
    }

    #[test]
    fn the_header_before_the_footer_and_stamps_before_document_dates() {
        // A date standing on a header line, with a site's name beside it.
        let text =
            "园区开园\n大众日报 2017-11-30 02:35\n园区正式开园,企业入驻。\n发布时间:2018-01-02";
        assert_eq!(published_in(text), Some(date(2017, 11, 30)));
        // The page's stamp before the date the document was written.
        let text =
            "通知\n成文日期: 2018-02-09\n发布时间: 2022-06-21 17:28\n各单位:现将有关事项通知如下。";
        assert_eq!(published_in(text), Some(date(2022, 6, 21)));
    }

    #[test]
    fn a_signature_dates_the_notice_wherever_it_stands() {
        let text = "公示\n\n根据有关规定,现予公示。监督电话:89099715\n诸暨市农业农村局\n2025年6月6日\n附表:\n序号 单位 金额\n1 东白湖镇 54958.50";
        assert_eq!(published_in(text), Some(date(2025, 6, 6)));
    }

    #[test]
    fn no_field_after_a_sentence_of_the_body() {
        let text = "活动安排\n\n09.02.2015  09:46\n\n各单位开展活动。具体安排如下:\n时间:2月10日9时\n地点:市民广场";
        assert_eq!(published_in(text), Some(date(2015, 2, 9)));
        let text = "活动安排\n\n各单位开展活动。具体安排如下:\n时间:2021年2月10日\n地点:市民广场\n请各单位按时参加。";
        assert_eq!(published_in(text), None);
    }

    #[test]
    fn none_from_the_narrative() {
        let text =
            "普陀区举办大会\n\n5月15日,第四届上海数字创新大会在普陀区举行,大会持续汇聚各方资源。\n";
        assert_eq!(published(text, &layout::parse(text)), None);
    }
}
