//! What a figure counts or measures, and whether it is a change.
//!
//! Chinese puts the noun either after the classifier (`58家企业`) or before
//! the number (`入驻企业420余家`, `总产值117亿元`). The noun after wins when
//! there is one; otherwise the noun phrase before the number, cut after the
//! last verb of its clause (`园区已入驻企业` → `企业`).

use crate::span::Span;

use super::context::is_clause_break;
use super::lexicon::{Cue, Lexicon};
use super::{Basis, Change};

/// The longest subject kept, in characters. Noun phrases in notices run to
/// about ten (`国家级工程技术研究中心`); a longer run is a clause, not a noun.
const MAX_SUBJECT_CHARS: usize = 12;

/// How far back the clause before a number is read, in characters. A clause
/// rarely runs longer; bounding it keeps the work per number constant.
const MAX_CLAUSE_CHARS: usize = 40;

/// The subject of the figure spanning `figure` (hedges and unit included).
///
/// Counts name their noun after the classifier (`58家企业`); measures name it
/// before the number (`总产值117亿元`) unless a `的` joins the figure to the
/// noun after it (`6.9平方公里的南大智慧城`, `申请的3500万元授信额度`).
pub(super) fn subject(
    text: &str,
    figure: Span,
    quantity: &str,
    lexicon: &Lexicon,
) -> Option<String> {
    let counted = matches!(quantity, "count" | "people" | "visits" | "households");
    let joined_by_de = text[..figure.start].ends_with('的') || text[figure.end..].starts_with('的');
    if counted || joined_by_de {
        after(text, figure.end, lexicon).or_else(|| before(text, figure.start, lexicon))
    } else {
        before(text, figure.start, lexicon).or_else(|| after(text, figure.end, lexicon))
    }
}

/// The noun phrase right after the figure: `58家企业现场` → `企业`,
/// `6.9平方公里的南大智慧城` → `南大智慧城`.
fn after(text: &str, from: usize, lexicon: &Lexicon) -> Option<String> {
    let start = from
        + text[from..]
            .strip_prefix('的')
            .map_or(0, |_| '的'.len_utf8());
    let mut end = start;
    for (chars, (offset, c)) in text[start..].char_indices().enumerate() {
        let at = start + offset;
        let stops = !is_word_char(c)
            || (at > start && c.is_ascii_digit())
            || lexicon
                .cue_starting_at(text, at, &[Cue::SubjectStop, Cue::Verb])
                .is_some();
        if stops || chars == MAX_SUBJECT_CHARS {
            break;
        }
        end = at + c.len_utf8();
    }
    accept(&text[start..end])
}

/// The noun phrase before the number, after the last verb of its clause.
fn before(text: &str, to: usize, lexicon: &Lexicon) -> Option<String> {
    let mut start = to;
    for (chars, (at, c)) in text[..to].char_indices().rev().enumerate() {
        if !is_word_char(c) || is_clause_break(c) || chars == MAX_CLAUSE_CHARS {
            break;
        }
        start = at;
    }
    // 工业总产值同比增长12.3%: the change and its basis are not the noun.
    let mut phrase = text[start..to].trim_end_matches(TRAILING_FUNCTION_WORDS);
    while let Some((word, _)) = lexicon.cue_ending_at(phrase, phrase.len(), CHANGE_WORDS) {
        phrase = &phrase[..phrase.len() - word.len()];
    }
    if phrase.ends_with('的') {
        return None;
    }
    let mut cut = 0;
    for (at, _) in phrase.char_indices() {
        if let Some((word, _)) = lexicon.cue_starting_at(phrase, at, &[Cue::Verb]) {
            cut = at + word.len();
        }
    }
    accept(phrase[cut..].trim_start_matches(['了', '的']))
}

/// Words of a change and its basis (`同比增长`, `较去年提高`).
const CHANGE_WORDS: &[Cue] = &[
    Cue::Increase,
    Cue::Decrease,
    Cue::BasisYearOnYear,
    Cue::BasisMonthOnMonth,
    Cue::BasisPrevious,
];

/// Words between a noun and its figure that belong to neither: `企业已逾`,
/// `总数共`, `规模达`.
const TRAILING_FUNCTION_WORDS: &[char] = &['已', '共', '达', '为', '有', '约', '均', '了'];

/// A subject is kept when it is a short run of word characters.
fn accept(noun: &str) -> Option<String> {
    let chars = noun.chars().count();
    (1..=MAX_SUBJECT_CHARS)
        .contains(&chars)
        .then(|| noun.to_owned())
}

/// Characters a noun phrase is made of: CJK, letters and digits (`5G室外基站`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}')
}

/// Whether the figure starting at `start` is a change (`同比增长12.5%`), and
/// against what.
pub(super) fn change(
    text: &str,
    start: usize,
    lexicon: &Lexicon,
) -> (Option<Change>, Option<Basis>) {
    let end = text[..start].strip_suffix('了').map_or(start, str::len);
    let Some((word, cue)) = lexicon.cue_ending_at(text, end, &[Cue::Increase, Cue::Decrease])
    else {
        return (None, None);
    };
    let verb_start = end - word.len();
    // 新增 is "newly added": a count of new things, not a change.
    if text[..verb_start].ends_with('新') {
        return (None, None);
    }
    let change = if cue == Cue::Increase {
        Change::Increase
    } else {
        Change::Decrease
    };
    let basis = lexicon
        .cue_ending_at(
            text,
            verb_start,
            &[
                Cue::BasisYearOnYear,
                Cue::BasisMonthOnMonth,
                Cue::BasisPrevious,
            ],
        )
        .map(|(_, cue)| match cue {
            Cue::BasisYearOnYear => Basis::YearOnYear,
            Cue::BasisMonthOnMonth => Basis::MonthOnMonth,
            _ => Basis::PreviousPeriod,
        });
    (Some(change), basis)
}

#[cfg(test)]
mod tests {
    use super::{change, subject};
    use crate::metric::lexicon::LEXICON;
    use crate::metric::{Basis, Change};
    use crate::span::Span;

    fn subject_of(text: &str, figure: &str) -> Option<String> {
        let start = text.find(figure).unwrap();
        let quantity = if figure.ends_with('家') || figure.ends_with('个') || figure.contains('人')
        {
            "count"
        } else {
            "measure"
        };
        subject(
            text,
            Span::new(start, start + figure.len()),
            quantity,
            &LEXICON,
        )
    }

    #[test]
    fn the_noun_after_the_classifier_wins() {
        assert_eq!(
            subject_of("58家企业现场摆摊", "58家").as_deref(),
            Some("企业")
        );
        assert_eq!(
            subject_of("落地16家科研院所、2个中心", "16家").as_deref(),
            Some("科研院所")
        );
        assert_eq!(
            subject_of("6.9平方公里的南大智慧城，是", "6.9平方公里").as_deref(),
            Some("南大智慧城")
        );
    }

    #[test]
    fn otherwise_the_noun_after_the_last_verb() {
        assert_eq!(
            subject_of("园区已入驻企业420余家，其中", "420余家").as_deref(),
            Some("企业")
        );
        assert_eq!(
            subject_of("普陀区累计开通5G室外基站2694个。", "2694个").as_deref(),
            Some("5G室外基站")
        );
        assert_eq!(
            subject_of("2023年园区实现总产值117亿元。", "117亿元").as_deref(),
            Some("总产值")
        );
        assert_eq!(
            subject_of("就业人数超5000人以上。", "超5000人以上").as_deref(),
            Some("就业人数")
        );
        assert_eq!(subject_of("发布了30家拟认定", "30家"), None);
    }

    fn change_of(text: &str, figure: &str) -> (Option<Change>, Option<Basis>) {
        change(text, text.find(figure).unwrap(), &LEXICON)
    }

    #[test]
    fn changes_and_their_basis() {
        assert_eq!(
            change_of("营收同比增长12.5%", "12.5%"),
            (Some(Change::Increase), Some(Basis::YearOnYear))
        );
        assert_eq!(
            change_of("环比下降了3个百分点", "3个"),
            (Some(Change::Decrease), Some(Basis::MonthOnMonth))
        );
        assert_eq!(
            change_of("比上年增加200家", "200家"),
            (Some(Change::Increase), Some(Basis::PreviousPeriod))
        );
        assert_eq!(change_of("增长到100亿元", "100亿元"), (None, None));
        assert_eq!(change_of("新增企业50家", "50家"), (None, None));
        assert_eq!(change_of("新增50家", "50家"), (None, None));
    }
}
