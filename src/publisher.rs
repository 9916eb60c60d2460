//! Who issued a notice and who is credited in it.

use serde::{Deserialize, Serialize};

use crate::span::Span;

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
    /// The code of the district the source belongs to, when known.
    pub district_code: Option<String>,
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
        }
    }
}
