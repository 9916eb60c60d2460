//! Whole expressions through `parse`: absolute, partial, ranged, timed
//! and restated dates.

use jiff::civil::date;

use crate::date::{parse, Precision};

#[test]
fn absolute_forms() {
    for text in [
        "2021-10-24",
        "2021/10/24",
        "2021.10.24",
        "2021年10月24日",
        "二〇二一年十月二十四日",
        "２０２１年１０月２４日",
    ] {
        let found = parse(text, None);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].start, Some(date(2021, 10, 24)), "{text}");
        assert_eq!(found[0].precision, Precision::Day);
        assert!(!found[0].relative);
    }
    let m = &parse("2021年度", None)[0];
    assert_eq!(
        (m.start, m.end),
        (Some(date(2021, 1, 1)), Some(date(2021, 12, 31)))
    );
}

#[test]
fn numeric_stamps_as_pages_print_them() {
    for (text, (y, m, d)) in [
        // Year last: dots put the day first, slashes the month.
        ("19.01.2016 12:01", (2016, 1, 19)),
        ("09.02.2015", (2015, 2, 9)),
        ("02/03/2012", (2012, 2, 3)),
        // The order that cannot be is read the other way.
        ("25/03/2012", (2012, 3, 25)),
        // A two-digit year, and a widget's stamp.
        ("09-01-06 09:18:41", (2009, 1, 6)),
        ("2022 05/ 30 23:52:31", (2022, 5, 30)),
    ] {
        let found = parse(text, None);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].start, Some(date(y, m, d)), "{text}");
    }
    for text in ["13.45.2016", "0477-8588371", "编号12-34-56"] {
        assert!(
            parse(text, None).iter().all(|d| d.start.is_none()),
            "{text}"
        );
    }
}

#[test]
fn partial_dates_take_the_base_year() {
    let m = &parse("5月15日", Some(date(2024, 5, 20)))[0];
    assert_eq!(m.start, Some(date(2024, 5, 15)));
    assert!(m.relative);
    let m = &parse("5月15日", None)[0];
    assert_eq!((m.start, m.month, m.day), (None, Some(5), Some(15)));
}

#[test]
fn ranges_and_open_ranges() {
    let base = Some(date(2024, 5, 20));
    let m = &parse("5月10日至15日", base)[0];
    assert_eq!(
        (m.start, m.end),
        (Some(date(2024, 5, 10)), Some(date(2024, 5, 15)))
    );
    let m = &parse("2021年至2025年", None)[0];
    assert_eq!(
        (m.start, m.end, m.precision),
        (
            Some(date(2021, 1, 1)),
            Some(date(2025, 12, 31)),
            Precision::Period
        )
    );
    let m = &parse("2021-2025年", None)[0];
    assert_eq!(m.end, Some(date(2025, 12, 31)));
    let m = &parse("2019年以来", base)[0];
    assert_eq!(
        (m.start, m.end, m.open_end),
        (Some(date(2019, 1, 1)), base, true)
    );
    let m = &parse("截至2023年底", base)[0];
    assert_eq!(
        (m.start, m.end, m.open_start),
        (None, Some(date(2023, 12, 31)), true)
    );
}

#[test]
fn times_of_day() {
    let m = &parse("2021年10月24日晚上8点半", None)[0];
    assert_eq!(m.time, jiff::civil::Time::new(20, 30, 0, 0).ok());
    let m = &parse("2022年2月11日0—24时", None)[0];
    assert_eq!(m.start, Some(date(2022, 2, 11)));
    assert_eq!(m.time_end, Some(jiff::civil::Time::MAX));
}

#[test]
fn restated_days() {
    let m = &parse("今早（23日）", Some(date(2022, 4, 23)))[0];
    assert_eq!(m.start, Some(date(2022, 4, 23)));
    assert_eq!(m.text, "今早（23日）");
}

#[test]
fn lunar_dates() {
    let base = Some(date(2021, 6, 14));
    for (text, (y, m, d), (y2, m2, d2)) in [
        ("农历2024年八月十五", (2024, 9, 17), (2024, 9, 17)),
        ("二零一二年农历正月十五", (2012, 2, 6), (2012, 2, 6)),
        ("2023年腊月二十三", (2024, 2, 2), (2024, 2, 2)),
        ("2023年大年三十", (2024, 2, 9), (2024, 2, 9)),
        ("大年初十", (2021, 2, 21), (2021, 2, 21)),
        ("去年五月初五", (2020, 6, 25), (2020, 6, 25)),
        ("2020年闰四月", (2020, 5, 23), (2020, 6, 20)),
        ("阴历二〇二〇年正月", (2020, 1, 25), (2020, 2, 22)),
    ] {
        let found = parse(text, base);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].text, text);
        assert_eq!(
            (found[0].start, found[0].end),
            (Some(date(y, m, d)), Some(date(y2, m2, d2))),
            "{text}"
        );
    }
    // No leap fourth month in 2021, no 30th in a month of 29 days (正月 2021), no
    // table before 1900: stated days that do not exist stay unresolved.
    for text in ["2021年闰四月", "2021年农历正月三十", "1800年农历正月初一"] {
        assert!(
            parse(text, base).iter().all(|m| m.start.is_none()),
            "{text}"
        );
    }
    // Plain days after a month, and leap years, are Gregorian.
    assert_eq!(parse("八月十五", base)[0].start, Some(date(2021, 8, 15)));
    assert!(parse("闰年", base).is_empty());
    assert_eq!(parse("农历新年", base)[0].start, Some(date(2021, 2, 12)));
}

#[test]
fn solar_terms_and_seasons() {
    let base = Some(date(2021, 5, 20));
    let day = |text: &str| parse(text, base).first().and_then(|m| m.start);
    assert_eq!(day("2024年冬至"), Some(date(2024, 12, 21)));
    assert_eq!(day("芒种"), Some(date(2021, 6, 5)));
    // A year's terms run from 立春 to 大寒, in the next January.
    assert_eq!(day("2017年大寒"), Some(date(2018, 1, 20)));
    // Weather words are terms only after a year.
    assert!(parse("大雪天气", base).is_empty());
    let m = &parse("今年夏天", base)[0];
    assert_eq!(
        (m.start, m.end),
        (Some(date(2021, 5, 5)), Some(date(2021, 8, 6)))
    );
    let m = &parse("2021年春，", base)[0];
    assert_eq!(m.text, "2021年春");
    assert!(parse("2022年冬奥会", base)
        .iter()
        .all(|m| m.text == "2022年"));
}

#[test]
fn ranges_with_times_and_lists_of_days() {
    let base = Some(date(2021, 6, 14));
    let found = parse("2021年4月20日11:00时至2021年4月25日17:00时", base);
    assert_eq!(found.len(), 1);
    let m = &found[0];
    assert_eq!(
        (m.start, m.end),
        (Some(date(2021, 4, 20)), Some(date(2021, 4, 25)))
    );
    assert_eq!(m.time, jiff::civil::Time::new(11, 0, 0, 0).ok());
    assert_eq!(m.time_end, jiff::civil::Time::new(17, 0, 0, 0).ok());
    let found = parse("09-01 20:01 至 12-01 18:07", base);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].end, Some(date(2021, 12, 1)));
    for (text, days) in [
        ("9月10号，11号，12号", &[10, 11, 12][..]),
        ("5月8日、9日", &[8, 9][..]),
        ("2020年3月1日和2日", &[1, 2][..]),
    ] {
        let found = parse(text, base);
        let got: Vec<_> = found
            .iter()
            .filter_map(|m| m.start)
            .map(|d| d.day())
            .collect();
        assert_eq!(got, days, "{text}");
        assert!(found.iter().all(
            |m| m.start == m.end && m.start.unwrap().month() == found[0].start.unwrap().month()
        ));
    }
    // A house number after a date is not listed.
    assert_eq!(parse("5月8日在蕰川路6号", base).len(), 1);
}

#[test]
fn before_and_after_a_period_lie_outside_it() {
    let m = &parse("90年代以前", None)[0];
    assert_eq!((m.start, m.end), (None, Some(date(1989, 12, 31))));
    assert!(m.open_start);
    let m = &parse("“十三五”之后", None)[0];
    assert_eq!((m.start, m.end), (Some(date(2021, 1, 1)), None));
    assert!(m.open_end);
    // A year still includes itself (the documented reading of `之后`).
    let m = &parse("2018年之后", None)[0];
    assert_eq!(m.start, Some(date(2018, 1, 1)));
}

#[test]
fn vague_and_half_counts_of_elapsed_time() {
    let base = Some(date(2021, 6, 14));
    for (text, start, end, fuzzy) in [
        // Twenty-one to twenty-nine years back.
        (
            "二十几年前",
            Some(date(1992, 1, 1)),
            Some(date(2000, 12, 31)),
            true,
        ),
        ("两个半月以前", None, Some(date(2021, 3, 30)), false),
        ("半月以后", Some(date(2021, 6, 29)), None, false),
        (
            "十个多月后",
            Some(date(2022, 4, 1)),
            Some(date(2022, 4, 30)),
            true,
        ),
        ("20多个月之后", Some(date(2023, 2, 1)), None, true),
    ] {
        let found = parse(text, base);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!((found[0].start, found[0].end), (start, end), "{text}");
        assert_eq!(found[0].fuzzy, fuzzy, "{text}");
    }
    // A month before `前` is the month, not a count of months.
    assert_eq!(parse("5月前", base)[0].end, Some(date(2021, 5, 31)));
}

#[test]
fn years_of_three_digits_or_thousands_and_ranges_without_nian() {
    let base = Some(date(2017, 3, 22));
    let day = |text: &str| parse(text, base).first().and_then(|m| m.start);
    assert_eq!(day("两千零四年八月十五日"), Some(date(2004, 8, 15)));
    assert_eq!(day("两千年"), Some(date(2000, 1, 1)));
    assert_eq!(day("三六七年一月一日"), Some(date(367, 1, 1)));
    assert_eq!(day("在789年"), Some(date(789, 1, 1)));
    // Counts of years are not years.
    assert!(parse("拥有300年历史", base).is_empty());
    let m = &parse("时间从2016到2018", base)[0];
    assert_eq!(
        (m.start, m.end),
        (Some(date(2016, 1, 1)), Some(date(2018, 12, 31)))
    );
    assert!(parse("从2016到20189", base)
        .iter()
        .all(|m| m.end != Some(date(2018, 12, 31))));
}

#[test]
fn a_day_alone_is_a_date_and_school_holidays() {
    let base = Some(date(2017, 3, 22));
    assert_eq!(parse("12号", base)[0].start, Some(date(2017, 3, 12)));
    assert_eq!(parse("12/1", base)[0].start, Some(date(2017, 12, 1)));
    // In running text they stay house numbers and fractions.
    assert!(parse("住在6号楼", base).is_empty());
    assert!(parse("约占12/1的份额", base).is_empty());
    let m = &parse("去年暑假", base)[0];
    assert_eq!(
        (m.start, m.end),
        (Some(date(2016, 7, 1)), Some(date(2016, 8, 31)))
    );
}

#[test]
fn around_a_day() {
    let base = Some(date(2021, 6, 14));
    let m = &parse("冬至前后", base)[0];
    assert_eq!(m.text, "冬至前后");
    assert_eq!(
        (m.start, m.end),
        (Some(date(2021, 12, 18)), Some(date(2021, 12, 24)))
    );
    assert!(m.fuzzy);
    // Around a year, `前后` restates it.
    let m = &parse("2020年前后", base)[0];
    assert_eq!(m.end, Some(date(2020, 12, 31)));
}
