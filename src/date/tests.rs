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
