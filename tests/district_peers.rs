//! The district recognizer on JioNLP's location-parser test cases.
//!
//! Each case is an address or a short phrase with the province, prefecture,
//! county (and township) the peer expects. We read the divisions of the first
//! chain of mentions (`湖南湘潭市湘潭县`) and compare names level by level,
//! former divisions under today's name as the peer does.

mod common;

use common::peers;
use govnotice::district::{self, DistrictMention, Level};
use govnotice::gazetteer;

const FILE: &str = "jionlp-location-parser.jsonl";
/// Share of applicable cases that must pass.
const REQUIRED: f64 = 0.95;

/// Province, prefecture, county and township names of the first chain.
#[derive(Debug, Default, PartialEq)]
struct Parsed {
    province: Option<String>,
    city: Option<String>,
    county: Option<String>,
    town: Option<String>,
}

fn parse(text: &str) -> Parsed {
    let found = district::find(text);
    let Some(first) = found.first() else {
        return Parsed::default();
    };
    let mut chain: Vec<&DistrictMention> = vec![first];
    for m in &found[1..] {
        if chain.last().is_some_and(|l| l.span.end == m.span.start) {
            chain.push(m);
        } else {
            break;
        }
    }
    let deepest = chain
        .iter()
        .filter(|m| !m.ambiguous)
        .max_by_key(|m| m.level)
        .copied();
    let Some(m) = deepest else {
        let m = chain[0];
        return Parsed {
            county: (m.level == Level::County).then(|| m.name.to_string()),
            ..Parsed::default()
        };
    };
    let code = m.current_code.as_deref().unwrap_or(&m.code);
    let Some(d) = gazetteer::division(code) else {
        return Parsed::default();
    };
    let lineage = d.chain();
    let at = |level: Level| -> Option<String> {
        lineage
            .iter()
            .find(|x| x.level() == level)
            .map(|x| x.name().to_owned())
    };
    let province = at(Level::Province);
    let municipality = ["11", "12", "31", "50"]
        .iter()
        .any(|p| d.code().starts_with(p));
    Parsed {
        city: at(Level::City).or_else(|| province.clone().filter(|_| municipality)),
        province,
        county: at(Level::County),
        town: at(Level::Town),
    }
}

/// The peer names some statistical units without their city's name
/// (`经济技术开发区` for `秦皇岛市经济技术开发区`).
fn same_county(ours: Option<&str>, expected: Option<&str>, city: Option<&str>) -> bool {
    match (ours, expected, city) {
        (Some(o), Some(e), Some(c)) if o != e => o.strip_prefix(c) == Some(e),
        _ => ours == expected,
    }
}

fn exclusions() -> peers::Exclusions {
    peers::exclusions("tests/data/district_exclusions.tsv", &[FILE])
}

#[test]
fn jionlp_location_parser() {
    peers::run(&[FILE], &exclusions(), REQUIRED, |_, case| {
        let input = case["input"].as_str().unwrap_or_default();
        let e = &case["expected"];
        let get = |k: &str| e[k].as_str().map(str::to_owned);
        let ours = parse(input);
        let with_town = case["options"]["town_village"].as_bool().unwrap_or(false);
        let ok = ours.province == get("province")
            && ours.city == get("city")
            && same_county(
                ours.county.as_deref(),
                get("county").as_deref(),
                ours.city.as_deref(),
            )
            && (!with_town || ours.town == get("town"));
        Some(ok.then_some(()).ok_or_else(|| {
            format!(
                "expected {:?} {:?} {:?} {:?}\n  got      {ours:?}",
                get("province"),
                get("city"),
                get("county"),
                get("town")
            )
        }))
    });
}

#[test]
fn every_exclusion_names_a_case() {
    let Some(dir) = common::shared("peer-cases") else {
        return;
    };
    let ids: Vec<String> = common::read_jsonl(&dir.join(FILE))
        .iter()
        .map(peers::case_id)
        .collect();
    for line in exclusions().get(FILE).into_iter().flatten() {
        assert!(ids.contains(line), "no case at line {line}");
    }
}
