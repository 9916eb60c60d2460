//! Site menus: the columns of short lines and the bars of short items that
//! pages open with.

use super::text;
use super::{cues, BoilerplateKind, Class, Line};

/// A menu item is at most this long (in characters): `新时代文明实践`,
/// `政务公开`; headings and subtitles run longer.
const MENU_ITEM_CHARS: usize = 8;

/// A column of menu items is at least this many lines: two short lines are
/// as often a heading and a subtitle.
const MENU_RUN_LINES: usize = 3;

/// A line is a menu bar when it holds at least this many items separated by
/// blanks or bars (`首页 政务公开 政务服务 互动交流`); a headline holds two
/// or three phrases.
const MENU_BAR_ITEMS: usize = 4;

/// Marks site menus above the article as navigation: a column of short plain lines, one of
/// them naming a part of a site (`首页`, `新闻`, `政务`: the table's `nav`
/// words), or a plain line of several short items, one of them such a word
/// (`首页 | 政务公开 | …`).
pub(super) fn mark_menus(text: &str, lines: &mut [Line]) {
    // Menus stand above the article: the short lines of a body are its
    // lists (an address list runs to thousands of lines).
    let top = lines
        .iter()
        .position(|line| {
            line.class == Class::Narrative
                && text[line.span.range()].contains(text::is_sentence_end)
        })
        .unwrap_or(lines.len());
    // A control alone (`评论`, `打印`) is an item of the column it stands in.
    let control = |line: &Line| line.header && line.key_count == 0 && !line.date_alone;
    // A clause that runs on (`提起湘西,`) is the article's, however short.
    let item = |line: &Line| {
        (line.class == Class::Plain || control(line))
            && line.chars <= MENU_ITEM_CHARS
            && !text::runs_on(&text[line.span.range()])
    };
    let mut i = 0;
    while i < top {
        let mut run = lines[i..top].iter().take_while(|line| item(line)).count();
        // A short line right above a header line is the headline it heads
        // (`密云水库之恋` over `2019-08-14 来源:…`), not a menu item.
        if run > 0
            && lines
                .get(i + run)
                .is_some_and(|next| next.header && !control(next))
        {
            run -= 1;
        }
        let named = |line: &Line| names_site_part(&text[line.span.range()]);
        if run >= MENU_RUN_LINES && lines[i..i + run].iter().any(named) {
            for line in &mut lines[i..i + run] {
                line.class = Class::Region(BoilerplateKind::Breadcrumb);
            }
        }
        i += run.max(1);
    }
    for line in lines[..top]
        .iter_mut()
        .filter(|line| matches!(line.class, Class::Plain | Class::Narrative))
    {
        let content = &text[line.span.range()];
        if content.contains(text::is_sentence_end) {
            continue;
        }
        let mut items = content
            .split(|c: char| text::is_blank(c) || matches!(c, '|' | '丨' | '\u{ff5c}'))
            .filter(|item| !item.is_empty());
        let all_short = items
            .clone()
            .all(|item| item.chars().count() <= MENU_ITEM_CHARS);
        if all_short && items.nth(MENU_BAR_ITEMS - 1).is_some() && names_site_part(content) {
            line.class = Class::Region(BoilerplateKind::Breadcrumb);
        }
    }
}

/// Whether `line` names a part of a site (`首页`, `新闻`): in a column of
/// short lines, it makes the column a menu.
pub(super) fn names_site_part(line: &str) -> bool {
    cues::WORDS
        .nav
        .iter()
        .any(|word| line.contains(word.as_str()))
}
