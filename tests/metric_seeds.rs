//! Every figure a reader would list in the seed notices, read from
//! `../shared/seeds/`, with value, unit and hedge right, and none of the
//! numbers that are not figures.

mod common;

use common::seed;
use govnotice::metric::{Basis, Change, Metric, Qualifier};

/// The one figure written exactly `text`.
fn figure<'a>(metrics: &'a [Metric], text: &str) -> &'a Metric {
    let found: Vec<&Metric> = metrics.iter().filter(|m| m.text == text).collect();
    assert_eq!(
        found.len(),
        1,
        "{text}: {found:?}\nall: {:?}",
        texts(metrics)
    );
    found[0]
}

fn texts(metrics: &[Metric]) -> Vec<&str> {
    metrics.iter().map(|m| m.text.as_str()).collect()
}

fn check(m: &Metric, value: f64, unit: &str, qualifier: Qualifier) {
    assert!(
        (m.value - value).abs() <= 1e-6 * value.abs().max(1.0),
        "{m:?}"
    );
    assert_eq!((&*m.unit, m.qualifier), (unit, qualifier), "{m:?}");
}

/// None of the figures contains any of `words`.
fn none_contains(metrics: &[Metric], words: &[&str]) {
    for m in metrics {
        for word in words {
            assert!(!m.text.contains(word), "{} is not a figure", m.text);
        }
    }
}

#[test]
fn seed_000_park_figures() {
    let Some(text) = seed("000_") else { return };
    let metrics = govnotice::parse(&text).metrics;
    check(figure(&metrics, "30家"), 30.0, "家", Qualifier::Exact);
    check(figure(&metrics, "5家"), 5.0, "家", Qualifier::Exact);
    check(figure(&metrics, "25家"), 25.0, "家", Qualifier::Exact);
    let firms = figure(&metrics, "420余家");
    check(firms, 420.0, "家", Qualifier::MoreThan);
    assert_eq!(firms.subject.as_deref(), Some("企业"));
    check(figure(&metrics, "75%"), 75.0, "percent", Qualifier::About);
    let jobs = figure(&metrics, "超5000人以上");
    check(jobs, 5000.0, "人", Qualifier::MoreThan);
    assert_eq!(jobs.subject.as_deref(), Some("就业人数"));
    check(figure(&metrics, "四场"), 4.0, "场", Qualifier::Exact);
    let decade = figure(&metrics, "近10年");
    check(decade, 10.0, "year", Qualifier::Nearly);
    assert_eq!(decade.quantity, "duration");
    assert!(metrics.iter().all(|m| m
        .district_code
        .as_deref()
        .is_none_or(|c| c.starts_with("3101"))));
    none_contains(
        &metrics,
        &[
            "3D", "一线", "一站", "一号", "四批", "2021", "6号", "5G", "ICP", "17032387",
        ],
    );
}

#[test]
fn seed_001_has_slogans_but_no_figures() {
    let Some(text) = seed("001_") else { return };
    let metrics = govnotice::parse(&text).metrics;
    assert!(metrics.is_empty(), "{:?}", texts(&metrics));
}

#[test]
fn seed_002_newspaper_figures() {
    let Some(text) = seed("002_") else { return };
    let metrics = govnotice::parse(&text).metrics;
    let credit = figure(&metrics, "3500万元");
    check(credit, 3.5e7, "CNY", Qualifier::Exact);
    assert_eq!(credit.subject.as_deref(), Some("授信额度"));
    check(
        figure(&metrics, "最高100\n\n万元"),
        1e6,
        "CNY",
        Qualifier::AtMost,
    );
    check(
        figure(&metrics, "最高200万元"),
        2e6,
        "CNY",
        Qualifier::AtMost,
    );
    check(
        figure(&metrics, "超过50万元"),
        5e5,
        "CNY",
        Qualifier::MoreThan,
    );
    check(
        figure(&metrics, "30%以内"),
        30.0,
        "percent",
        Qualifier::AtMost,
    );
    let output = figure(&metrics, "117亿元");
    check(output, 1.17e10, "CNY", Qualifier::Exact);
    assert_eq!(output.subject.as_deref(), Some("总产值"));
    let year = output.date.as_ref().expect("the clause names its year");
    assert_eq!(
        (year.text.as_str(), year.start.map(|d| d.to_string())),
        ("2023年", Some("2023-01-01".to_owned()))
    );
    let revenue = figure(&metrics, "近300亿元");
    check(revenue, 3e10, "CNY", Qualifier::Nearly);
    assert_eq!(revenue.subject.as_deref(), Some("营收"));
    let stations = figure(&metrics, "2694个");
    check(stations, 2694.0, "个", Qualifier::Exact);
    assert_eq!(stations.subject.as_deref(), Some("5G室外基站"));
    assert_eq!(stations.district_code.as_deref(), Some("310107"));
    check(figure(&metrics, "58家"), 58.0, "家", Qualifier::Exact);
    check(
        figure(&metrics, "约1.1亿元"),
        1.1e8,
        "CNY",
        Qualifier::About,
    );
    check(
        figure(&metrics, "逾上千家"),
        1000.0,
        "家",
        Qualifier::MoreThan,
    );
    check(figure(&metrics, "十余家"), 10.0, "家", Qualifier::MoreThan);
    check(
        figure(&metrics, "超100家"),
        100.0,
        "家",
        Qualifier::MoreThan,
    );
    let fortnight = figure(&metrics, "不到两周");
    check(fortnight, 2.0, "week", Qualifier::LessThan);
    assert_eq!(fortnight.quantity, "duration");
    assert_eq!(metrics.iter().filter(|m| m.text == "40余个").count(), 2);
    none_contains(&metrics, &["360", "第四", "5G", "一系列", "一批"]);
}

#[test]
fn seed_003_site_page_figures_and_no_boilerplate() {
    let Some(text) = seed("003_") else { return };
    let metrics = govnotice::parse(&text).metrics;
    let wusong = figure(&metrics, "5-8平方公里");
    check(wusong, 5e6, "m2", Qualifier::Range);
    assert_eq!(wusong.value_max, Some(8e6));
    check(figure(&metrics, "6平方公里"), 6e6, "m2", Qualifier::Exact);
    check(
        figure(&metrics, "6.9平方公里"),
        6.9e6,
        "m2",
        Qualifier::Exact,
    );
    check(
        figure(&metrics, "80亿元以上"),
        8e9,
        "CNY",
        Qualifier::MoreThan,
    );
    check(figure(&metrics, "183米"), 183.0, "m", Qualifier::Exact);
    check(figure(&metrics, "1.5公里"), 1500.0, "m", Qualifier::Exact);
    check(
        figure(&metrics, "57平方公里"),
        5.7e7,
        "m2",
        Qualifier::Exact,
    );
    for project in metrics.iter().filter(|m| m.text == "百亿级") {
        check(project, 1e10, "CNY", Qualifier::About);
    }
    // The related-article list and the advert are not the article.
    none_contains(
        &metrics,
        &["27宗", "11个", "885", "400", "135", "5700", "1号", "十年"],
    );
}

#[test]
fn seed_004_figures() {
    let Some(text) = seed("004_") else { return };
    let metrics = govnotice::parse(&text).metrics;
    check(
        figure(&metrics, "2.32平方公里"),
        2.32e6,
        "m2",
        Qualifier::Exact,
    );
    check(figure(&metrics, "近百家"), 100.0, "家", Qualifier::Nearly);
    check(
        figure(&metrics, "超10万平方米"),
        1e5,
        "m2",
        Qualifier::MoreThan,
    );
    check(figure(&metrics, "三年"), 3.0, "year", Qualifier::Exact);
    none_contains(&metrics, &["三角", "G2", "五个", "六市", "唯二", "三地"]);
}

#[test]
fn changes_carry_direction_and_basis() {
    let metrics = govnotice::metric::parse(
        "工业总产值同比增长12.3%，增速较去年提高4.1个百分点，能耗环比下降3%。",
    );
    let growth = figure(&metrics, "12.3%");
    assert_eq!(
        (growth.change, growth.basis),
        (Some(Change::Increase), Some(Basis::YearOnYear))
    );
    assert_eq!(growth.subject.as_deref(), Some("工业总产值"));
    let points = figure(&metrics, "4.1个百分点");
    assert_eq!(
        (&*points.unit, points.change),
        ("pp", Some(Change::Increase))
    );
    assert_eq!(points.basis, Some(Basis::PreviousPeriod));
    let energy = figure(&metrics, "3%");
    assert_eq!(
        (energy.change, energy.basis),
        (Some(Change::Decrease), Some(Basis::MonthOnMonth))
    );
}
