//! Who issued a notice, who is credited in it, and which bodies it names.
//!
//! [`parse`] reads the credits of a notice:
//!
//! - header and footer fields in every common form (`发布机构: …`,
//!   `【来源:…】`, `信息来源：…`, several on one line), as the layout finds
//!   them, each key crediting a role (`data/credit_cues.tsv`);
//! - bylines under the title and between articles (`本报记者 巨云鹏`,
//!   `记者 张三 通讯员 李四`, `文/张三 图/李四`, a line of reporters' names),
//!   photo credits (`以上图片均为…提供`, `…供图`), layout and editing credits;
//! - lead attributions opening a paragraph (`据上海市政府网站消息`) and WeChat
//!   accounts (`“文旅宝山”微信号`, or the account line right under the title of a
//!   WeChat post);
//! - datelines with their bylines, read by a small grammar at the start of
//!   the body's first lines (`MEDIUM? PLACE? DAY? 讯|电|消息|报道 BYLINE?`:
//!   `新华社北京5月1日电(记者 王五)`, `本报讯(记者 张三 通讯员 李四)`,
//!   `【香港商报讯】记者郭美勤 林颖萍报道:`, `云上黄冈报道(…)`, and without a
//!   cue, `仪陇融媒(记者 肖蒙/文 汪泽宇/图)`);
//! - credit lists in brackets that close a paragraph or stand after the
//!   body (`(李晨光、傅新春)`, `(XX县招商局 赵六)`, `(责编:张雪冬)`), credit
//!   lines of their own (`临报融媒记者 张庆华`, `编辑: 审核:`), photographers
//!   at the end of a caption (`活动现场。何鑫摄`), a site or paper named on a
//!   header line (`大众日报 2017-11-30`), and the body that signs a notice
//!   (its name over the date that closes it).
//!
//! A credit list is read word by word: byline cues (`记者`, `通讯员`,
//! `全媒体记者`, `编辑`, `摄影`; `data/credit_cues.tsv`) set the role of the
//! names after them, words after a name set it back (`摄`, `供图`, `文`, `图`),
//! a medium or body may be glued to the cue (`大连新闻传媒集团记者邰治`), names
//! may be glued together (`孙方慧赵剑影刘小燕`) or spaced out (`王 众`). A
//! list counts only when every word is a cue, a person's name (opening with
//! a family name, one exception allowed) or a body's name; otherwise it is
//! a sentence in brackets and credits nothing.
//!
//! Credits in site navigation, page metadata, copyright lines and lists of
//! related articles belong to other pages and are left out.
//!
//! Each source gets a [`SourceKind`] from how its name ends (`data/source_kinds.tsv`:
//! `局`, `委`, `宣传部` → agency; `报`, `网`, `电视台` → media; `网站` → website;
//! `发布` → WeChat account) or from the cue that credits it, and a
//! [`Role`]. A body is tied to its district through the gazetteer
//! (`宝山区文化和旅游局` → 310113); a short form (`区科委`) takes the notice's own
//! district when that is known, and gets a [`Source::full_name`].
//!
//! # The issuer
//!
//! [`Credits::publisher`] is chosen in this order, the first in text order
//! within each step:
//!
//! 1. a `发布机构`, `发布单位`, `发布部门`, `发布者`, `发文机关`, `发文单位` or
//!    `发文机构` field, or the account line under the title of a WeChat post;
//! 2. an agency named as `来源`, `信息来源`, `稿件来源`, `文章来源`, `新闻来源`,
//!    `消息来源`, `本文来源`, `来自`, `转自` or `出处` (a division named there is
//!    its government: `信息来源:泽国镇`);
//! 3. a website, medium or WeChat account named there, in a lead
//!    attribution (`据…消息`, `(本文来自…)`) or heading a dateline
//!    (`中国网北京11月27日电`);
//! 4. a site or paper named on a header line beside the date, or the body or
//!    medium of a credit list (`(XX县招商局 赵六)`, `临报融媒记者 张庆华`);
//! 5. the body that signs the notice.
//!
//! Keys are matched in simplified and traditional characters (`來源`) and
//! spaced out (`来 源`). A notice that names none has no publisher: the issuer
//! is never guessed from bodies the text merely mentions, and never taken
//! from a sentence of the body.
//!
//! # Bodies named in the text
//!
//! [`Credits::agencies`] lists every government body the body text names
//! (`中央宣传部`, `科技部`, `普陀区科委`), once each, with its district.
//!
//! ```
//! use govnotice::publisher::{self, Role, SourceKind};
//!
//! let credits = publisher::parse(
//!     "园区入选示范基地\n\n发布机构: 上海市宝山区文化和旅游局 发布日期:2021-10-24\n\n近日,区科委发布名单。\n",
//! );
//! let issuer = credits.publisher.expect("an issuer");
//! assert_eq!(issuer.name, "上海市宝山区文化和旅游局");
//! assert_eq!((issuer.kind, issuer.role), (SourceKind::Agency, Role::Issuer));
//! assert_eq!(issuer.district_code.as_deref(), Some("310113"));
//! let agency = &credits.agencies[0];
//! assert_eq!(agency.name, "区科委");
//! assert_eq!(agency.full_name.as_deref(), Some("宝山区科委"));
//! ```

mod agency;
mod credit_list;
mod credits;
mod dateline;
mod lexicon;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::district::{self, Context, DistrictMention};
use crate::layout::{self, Layout};
use crate::span::Span;
use credits::Credit;

/// One credited source: the issuer, a quoted source, an author, a photographer.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The credit as written.
    pub text: String,
    /// Where it is, in bytes of the parsed text.
    pub span: Span,
    /// The name as written, without its field label (`宝山区文化和旅游局`).
    pub name: String,
    /// What sort of body or person it is.
    pub kind: SourceKind,
    /// What it is credited for.
    pub role: Role,
    /// The code of the district the source belongs to, when known
    /// (borrowed from the division tables, as
    /// [`DistrictMention::code`](crate::district::DistrictMention::code) is).
    pub district_code: Option<Cow<'static, str>>,
    /// The name with its division restored, when the text gives a short
    /// form that drops it (`区科委` → `宝山区科委`); `None` otherwise.
    #[serde(default)]
    pub full_name: Option<String>,
}

/// What sort of body or person a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A government body: 局, 委, 办, 人民政府, 宣传部 …
    Agency,
    /// A newspaper, broadcaster or news site.
    Media,
    /// A website named as such (`上海市政府网站`).
    Website,
    /// A WeChat public account (`上海发布`).
    WechatAccount,
    /// A named person.
    Person,
}

impl SourceKind {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SourceKind::Agency => "agency",
            SourceKind::Media => "media",
            SourceKind::Website => "website",
            SourceKind::WechatAccount => "wechat_account",
            SourceKind::Person => "person",
        }
    }
}

/// What a source is credited for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The body that issued the notice.
    Issuer,
    /// A body the notice names as its source (`来源`, `据…消息`).
    Source,
    /// A writer or reporter.
    Author,
    /// An editor.
    Editor,
    /// The maker or provider of photographs.
    Photo,
    /// The maker of the page layout.
    Layout,
    /// A body the text names without crediting it ([`Credits::agencies`]).
    Mentioned,
}

impl Role {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Issuer => "issuer",
            Role::Source => "source",
            Role::Author => "author",
            Role::Editor => "editor",
            Role::Photo => "photo",
            Role::Layout => "layout",
            Role::Mentioned => "mentioned",
        }
    }
}

/// What [`parse`] finds in one notice.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credits {
    /// The body that issued the notice, chosen as the module documentation
    /// says; `None` when the notice names none.
    pub publisher: Option<Source>,
    /// Every credited source in text order, the issuer included (with role
    /// [`Role::Issuer`]). A name credited twice in one role is listed once,
    /// at its first credit.
    pub sources: Vec<Source>,
    /// Every government body the body text names, in text order, once each
    /// (at its first mention), with role [`Role::Mentioned`].
    pub agencies: Vec<Source>,
}

/// Reads the credits of one notice, running the layout parser itself. The
/// notice's own district is taken from its issuer, when the issuer is a body
/// tied to a district.
///
/// Never panics; every span is a byte range of `text` on `char` boundaries.
#[must_use]
pub fn parse(text: &str) -> Credits {
    parse_with(text, &layout::parse(text), None)
}

/// Reads the credits of one notice whose layout is already known.
/// `home_district` is the code of the notice's own district when the caller
/// is certain of it: it decides division names the text leaves open and
/// expands short forms (`区科委`); without it the issuer's district serves.
#[must_use]
pub fn parse_with(text: &str, layout: &Layout, home_district: Option<&str>) -> Credits {
    let context = Context {
        region: None,
        publisher: home_district.map(str::to_owned),
    };
    let mentions = district::find_with(text, &context);
    parse_decided(text, layout, home_district, &mentions)
}

/// [`parse_with`] on the division mentions of `text`, decided under
/// `home_district` as publisher and no region.
pub(crate) fn parse_decided(
    text: &str,
    layout: &Layout,
    home_district: Option<&str>,
    mentions: &[DistrictMention],
) -> Credits {
    let mut found = credits::collect(text, layout);
    found.sort_by_key(|c| (c.span.start, c.name.start));
    // A name credited twice in one role is one source, where it first
    // stands, with the better of its ranks (a site's name on a header line,
    // then the same name as `来源`).
    let mut kept: Vec<Credit> = Vec::with_capacity(found.len());
    for credit in found {
        let name = &text[credit.name.range()];
        let same = kept
            .iter_mut()
            .find(|k| k.role == credit.role && &text[k.name.range()] == name);
        match same {
            Some(first) => first.rank = better_rank(first.rank, credit.rank),
            None => kept.push(credit),
        }
    }
    let found = kept;
    let mut sources: Vec<Source> = found
        .iter()
        .map(|c| source(text, c.span, c.name, c.kind, c.role, mentions))
        .collect();

    let issuer = choose_issuer(&found);
    if let Some(i) = issuer {
        sources[i].role = Role::Issuer;
    }
    let home = home_district.map(str::to_owned).or_else(|| {
        issuer
            .and_then(|i| sources[i].district_code.as_deref())
            .filter(|code| code.len() == 6)
            .map(str::to_owned)
    });
    let mut agencies: Vec<Source> = layout
        .body
        .map(|body| agency::find(text, body, mentions))
        .unwrap_or_default()
        .into_iter()
        .map(|a| source(text, a.span, a.span, a.kind, Role::Mentioned, mentions))
        .collect();
    if let Some(home) = &home {
        for s in sources.iter_mut().chain(agencies.iter_mut()) {
            expand(s, home);
        }
    }
    Credits {
        publisher: issuer.map(|i| sources[i].clone()),
        sources,
        agencies,
    }
}

/// `body` without the credit lines that open or close it: lines made only
/// of credits (`临报融媒记者 张庆华`, `(通讯员 钱七)`, `编辑:张三`) with their
/// brackets and separators.
pub(crate) fn body_without_credits(text: &str, body: Span, sources: &[Source]) -> Span {
    let credited = |line: Span| {
        let mut rest = line.start;
        let mut covered = sources
            .iter()
            .filter(|s| s.role != Role::Mentioned && line.contains(s.span))
            .map(|s| s.span)
            .collect::<Vec<_>>();
        if covered.is_empty() {
            return false;
        }
        covered.sort_by_key(|span| span.start);
        let filler = |from: usize, to: usize| {
            text[from..to].chars().all(|c| {
                c.is_whitespace()
                    || matches!(
                        c,
                        '(' | ')'
                            | '（'
                            | '）'
                            | '【'
                            | '】'
                            | '、'
                            | ','
                            | '，'
                            | '/'
                            | ':'
                            | '：'
                            | '|'
                    )
            })
        };
        for span in covered {
            if span.start > rest && !filler(rest, span.start) {
                return false;
            }
            rest = rest.max(span.end);
        }
        filler(rest, line.end)
    };
    // The body's lines from either end, trimmed, found as they are needed:
    // most bodies open and close with a paragraph.
    let trimmed = |start: usize, end: usize| {
        let raw = &text[start..end];
        let inner = raw.trim();
        let from = start + (inner.as_ptr() as usize - raw.as_ptr() as usize);
        Span::new(from, from + inner.len())
    };
    let bytes = &text.as_bytes()[body.range()];
    let forward = memchr::memchr_iter(b'\n', bytes)
        .map(|at| body.start + at)
        .chain([body.end])
        .scan(body.start, |start, end| {
            let line = trimmed(*start, end);
            *start = end + 1;
            Some(line)
        })
        .filter(|line| !line.is_empty());
    let backward = memchr::memrchr_iter(b'\n', bytes)
        .map(|at| body.start + at + 1)
        .chain([body.start])
        .scan(body.end, |end, start| {
            let line = trimmed(start, *end);
            *end = start.saturating_sub(1);
            Some(line)
        })
        .filter(|line| !line.is_empty());
    let first = forward.into_iter().find(|&line| !credited(line));
    let last = backward.into_iter().find(|&line| !credited(line));
    match (first, last) {
        (Some(first), Some(last)) if first.start <= last.end => Span::new(first.start, last.end),
        _ => body,
    }
}

/// The better (lower) of two ranks; no rank is the worst.
fn better_rank(a: Option<u8>, b: Option<u8>) -> Option<u8> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The index of the issuer among `found`, by the documented order.
fn choose_issuer(found: &[Credit]) -> Option<usize> {
    let named = |rank: u8, kinds: &[SourceKind]| {
        found.iter().position(|c| {
            c.rank.is_some_and(|r| r <= rank) && (kinds.is_empty() || kinds.contains(&c.kind))
        })
    };
    let media = [
        SourceKind::Website,
        SourceKind::Media,
        SourceKind::WechatAccount,
    ];
    let bodies = [
        SourceKind::Agency,
        SourceKind::Website,
        SourceKind::Media,
        SourceKind::WechatAccount,
    ];
    named(1, &[])
        .or_else(|| named(2, &[SourceKind::Agency]))
        .or_else(|| named(3, &media))
        .or_else(|| named(dateline::TRAILING_RANK, &bodies))
        .or_else(|| named(dateline::SIGNATURE_RANK, &bodies))
}

/// A [`Source`] for a credit at `span` naming `name`.
fn source(
    text: &str,
    span: Span,
    name: Span,
    kind: SourceKind,
    role: Role,
    mentions: &[DistrictMention],
) -> Source {
    let district = (kind != SourceKind::Person)
        .then(|| agency::district_of(text, name, mentions))
        .flatten();
    Source {
        text: text[span.range()].to_owned(),
        span,
        name: text[name.range()].to_owned(),
        kind,
        role,
        district_code: district.map(|m| m.code.clone()),
        full_name: None,
    }
}

/// Restores the division of a short form (`区科委`) from the notice's own
/// district.
fn expand(source: &mut Source, home: &str) {
    if source.kind == SourceKind::Person || source.district_code.is_some() {
        return;
    }
    if let Some((full, code)) = agency::expand(&source.name, home) {
        source.full_name = Some(full);
        source.district_code = Some(Cow::Borrowed(code));
    }
}
