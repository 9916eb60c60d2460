use super::{scan, Approx, Number, NumberKind, Script};

fn only(text: &str) -> Number {
    let numbers = scan(text);
    assert_eq!(numbers.len(), 1, "{text}: {numbers:?}");
    numbers.into_iter().next().unwrap()
}

#[test]
fn counts_with_more_than_markers() {
    let number = only("入驻企业420余家");
    assert_eq!(number.text, "420余");
    assert_eq!(number.value, 420.0);
    assert_eq!(number.approx, Some(Approx::MoreThan));
    assert_eq!(only("十余万人").value, 100_000.0);
    assert_eq!(only("一千多万元").approx, Some(Approx::MoreThan));
}

#[test]
fn arabic_with_separators_and_full_width_digits() {
    let number = only("2,694个");
    assert_eq!((number.value, number.digits), (2694.0, 4));
    assert_eq!(only("１２３家").value, 123.0);
    assert_eq!(only("４，５６５").value, 4565.0);
    assert_eq!(only("２．２亿").value, 220_000_000.0);
    // A comma before a short group is a list, not a thousands separator.
    assert_eq!(scan("1,2,3").len(), 3);
}

#[test]
fn mixed_numbers_are_exact() {
    let number = only("投资3500万元");
    assert_eq!((number.value, number.script), (35_000_000.0, Script::Mixed));
    assert_eq!(only("1.1亿元").value, 110_000_000.0);
    assert_eq!(only("3.5万").value, 35_000.0);
    assert_eq!(only("5千").value, 5000.0);
}

#[test]
fn bare_magnitudes_count_only_with_more_numeral_or_a_qualifier() {
    assert_eq!(only("百亿级").value, 1e10);
    let number = only("超千亿");
    assert_eq!((number.text.as_str(), number.value), ("千亿", 1e11));
    assert_eq!(only("近千家").value, 1000.0);
    assert!(scan("老百姓千方百计").is_empty());
    assert!(scan("万万不可").is_empty());
}

#[test]
fn ranges_have_an_upper_bound() {
    let number = only("5-8平方公里");
    assert_eq!((number.value, number.value_max), (5.0, Some(8.0)));
    let number = only("三到五家");
    assert_eq!((number.value, number.value_max), (3.0, Some(5.0)));
    assert_eq!(only("七八十人").value_max, Some(80.0));
    assert_eq!(only("5-8万元").value, 50_000.0);
    let number = only("增长5%-8%");
    assert_eq!(
        (number.kind, number.value_max),
        (NumberKind::Percent, Some(8.0))
    );
}

#[test]
fn dates_and_phone_numbers_are_not_ranges() {
    let parts: Vec<f64> = scan("2021-10-24").iter().map(|n| n.value).collect();
    assert_eq!(parts, [2021.0, 10.0, 24.0]);
    assert!(scan("2021-10-24").iter().all(|n| n.value_max.is_none()));
    assert!(scan("2021-10").iter().all(|n| n.value_max.is_none()));
    let phone = scan("021-12345678");
    assert_eq!(phone.len(), 2);
    assert!(phone[0].leading_zero && phone[0].text == "021" && phone[0].digits == 3);
    // The Five-Year Plan is not "fourteen or fifteen".
    assert!(scan("“十四五”规划").iter().all(|n| n.value_max.is_none()));
}

#[test]
fn percentages_stay_in_percent() {
    let number = only("50%以上");
    assert_eq!((number.value, number.kind), (50.0, NumberKind::Percent));
    assert_eq!(only("75％").kind, NumberKind::Percent);
    let number = only("百分之三十");
    assert_eq!((number.value, number.kind), (30.0, NumberKind::Percent));
    assert_eq!(only("百分之三十五点五").value, 35.5);
    assert_eq!(only("千分之五").kind, NumberKind::Permille);
    assert_eq!(only("三分之一").kind, NumberKind::Fraction);
}

#[test]
fn chinese_numerals() {
    assert_eq!(only("三千五百").value, 3500.0);
    assert_eq!(only("一百零五").value, 105.0);
    assert_eq!(only("三万五").value, 35_000.0);
    let year = only("二〇二一年");
    assert_eq!(
        (year.value, year.digits, year.script),
        (2021.0, 4, Script::Chinese)
    );
    assert_eq!(only("壹佰贰拾叁").value, 123.0);
    assert_eq!(only("兩萬").value, 20_000.0);
    assert_eq!(only("数十家").approx, Some(Approx::Several));
    assert_eq!(only("上百家").approx, Some(Approx::AtLeast));
    assert!(scan("四川省大陆陆续统一").is_empty());
}

#[test]
fn overflow_is_refused() {
    assert!(scan("99999999999999999999").is_empty());
    assert!(scan(&"9".repeat(400)).is_empty());
    assert!(scan("1e400").is_empty());
    assert!(scan("1万万万万万万").is_empty());
    assert_eq!(only("9007199254740992").value, 9_007_199_254_740_992.0);
    assert!(scan("9007199254740993").is_empty());
    let stacked = format!("1{}", "万".repeat(10_000));
    assert!(scan(&stacked).iter().all(|n| n.value.is_finite()));
}

#[test]
fn spans_point_into_the_text() {
    let text =
        "２０２１年全区实现生产总值1,100.9亿元，同比增长６．５％，入驻企业420余家，新增三到五家。";
    for number in scan(text) {
        assert_eq!(&text[number.span.range()], number.text);
    }
}

/// A small deterministic generator, so the test needs no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn never_panics_and_spans_stay_on_boundaries() {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "9",
        "２",
        "．",
        ".",
        ",",
        "，",
        "-",
        "－",
        "~",
        "至",
        "到",
        "%",
        "％",
        "‰",
        "e",
        "^",
        "+",
        " ",
        "  ",
        "零",
        "〇",
        "一",
        "二",
        "两",
        "五",
        "六",
        "九",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "兆",
        "萬",
        "億",
        "壹",
        "拾",
        "佰",
        "廿",
        "点",
        "點",
        "分",
        "之",
        "又",
        "余",
        "多",
        "几",
        "数",
        "来",
        "上",
        "半",
        "负",
        "百分之",
        "元",
        "年",
        "家",
        "平方公里",
        "。",
        "a",
        "\n",
        "😀",
    ];
    let mut random = Lcg(7);
    for _ in 0..20_000 {
        let len = 1 + random.next() % 12;
        let text: String = (0..len)
            .map(|_| PIECES[(random.next() % PIECES.len() as u64) as usize])
            .collect();
        let mut last_end = 0;
        for number in scan(&text) {
            assert!(text.is_char_boundary(number.span.start), "{text:?}");
            assert!(text.is_char_boundary(number.span.end), "{text:?}");
            assert!(number.span.start >= last_end && number.span.start < number.span.end);
            assert_eq!(&text[number.span.range()], number.text);
            assert!(number.value.is_finite(), "{text:?}: {number:?}");
            assert!(
                number
                    .value_max
                    .is_none_or(|max| max.is_finite() && max >= number.value),
                "{text:?}: {number:?}"
            );
            last_end = number.span.end;
        }
    }
}
