//! Which characters take part in numbers, and the words where they do not.

/// Longest run of ASCII spaces allowed inside one number (`7 万5 千`,
/// `1000  万`, `三分  之一`).
///
/// Two covers the spacing seen in typeset and scraped figures; table columns and
/// layout padding are wider, and joining across them would glue neighbouring
/// cells into one number. Zero would split `三千 九百 六十五` into three.
pub(super) const MAX_GAP_SPACES: usize = 2;

/// Longest digit string read as one number, counting digits on both sides of
/// the decimal point and leading zeros.
///
/// 16 integer digits already pass 2^53 and 20 fraction digits are all that is
/// kept, so 40 covers every number that can be represented plus padding; longer
/// runs (hashes, serial numbers, identifiers) are refused as a whole instead of
/// being cut into pieces. Lowering it below 16 would refuse phone numbers and
/// large amounts.
pub(super) const MAX_WRITTEN_DIGITS: u32 = 40;

/// Value of an Arabic digit, ASCII or full-width, and whether it is full-width.
pub(super) const fn arabic_digit(c: char) -> Option<(u8, bool)> {
    match c {
        '0'..='9' => Some((c as u8 - b'0', false)),
        '０'..='９' => Some(((c as u32 - '０' as u32) as u8, true)),
        _ => None,
    }
}

/// Value of a Chinese digit: plain, financial (壹 … 玖), traditional and the
/// spoken 幺. 两 and its variants count 2 but are told apart by [`is_liang`].
pub(super) const fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// 两 counts things (`两千`, `两个`) but is never read digit by digit
/// (`两两` is not 22) nor after a decimal point (`两百点两` is 200 and 2).
pub(super) fn is_liang(c: char) -> bool {
    matches!(c, '两' | '兩' | '倆')
}

/// Place units: the power of ten a unit character stands for.
pub(super) const fn unit_exponent(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        _ => return None,
    })
}

/// Units from 万 up multiply everything before them back to the last larger
/// unit; 十 百 千 only multiply one digit.
pub(super) const FIRST_LARGE_EXPONENT: u32 = 4;

/// 兆 is 10^12 in `五兆六十二亿`, but in mainland notices it is mostly the
/// metric prefix mega (`50兆瓦`), so it only counts with more numeral after it.
pub(super) fn is_zhao(c: char) -> bool {
    c == '兆'
}

/// Tens written as one character (`廿二日`).
pub(super) const fn compound_tens(c: char) -> Option<u32> {
    Some(match c {
        '廿' => 20,
        '卅' => 30,
        '卌' => 40,
        _ => return None,
    })
}

/// The Chinese decimal point.
pub(super) fn is_chinese_point(c: char) -> bool {
    matches!(c, '点' | '點')
}

/// The Arabic decimal point, ASCII or full-width.
pub(super) const fn is_arabic_point(c: char) -> bool {
    matches!(c, '.' | '．')
}

/// Plus and minus signs written before Arabic digits or as exponent signs.
pub(super) const fn sign_symbol(c: char) -> Option<bool> {
    match c {
        '-' | '－' | '−' => Some(true),
        '+' | '＋' => Some(false),
        _ => None,
    }
}

/// The Chinese minus sign.
pub(super) const fn is_chinese_minus(c: char) -> bool {
    matches!(c, '负' | '負')
}

/// Separators that make two adjacent numbers a range (`5-8`, `5~8`, `三到五`).
pub(super) fn is_range_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '－' | '−' | '–' | '—' | '~' | '～' | '〜' | '至' | '到'
    )
}

/// Characters after which a bare magnitude (`千`, `万`) is a figure rather than
/// part of a word (`近千家`, `超万人`, `破亿`); the qualifier itself is left
/// to the metric parser. `约` and `达` are not among them: they make no such
/// phrase, and `约亿元`, `达亿元` are figures whose number a page lost.
pub(super) fn is_magnitude_qualifier(c: char) -> bool {
    matches!(c, '近' | '超' | '逾' | '破' | '过')
}

/// Measure words after which a lone 半 is one half (`半斤`, `半个`), and not
/// the start of a word (`半岛`, `半导体`).
pub(super) fn is_half_measure(c: char) -> bool {
    matches!(
        c,
        '斤' | '个' | '天' | '年' | '月' | '亩' | '份' | '杯' | '块' | '公' | '米' | '小'
    )
}

/// Words in which a numeral character is not a number.
///
/// A token that lies wholly inside one of them is dropped: `四川`, `大陆`,
/// `陆续`, `队伍`, `收拾`, `统一`, `一切`, `十分重要`. Only words common in
/// news and notices are listed; everything else keeps its numbers, since the
/// date and metric parsers still need a unit before they use one.
pub(super) const NON_NUMERAL_WORDS: &[&str] = &[
    "一切",
    "壹切",
    "一看",
    "一般",
    "一些",
    "一样",
    "一起",
    "一直",
    "一致",
    "一旦",
    "一律",
    "一再",
    "一向",
    "一同",
    "一定",
    "一体",
    "统一",
    "唯一",
    "同一",
    "万一",
    "逐一",
    "单一",
    "专一",
    "不一",
    "四川",
    "大陆",
    "陆地",
    "陆续",
    "登陆",
    "着陆",
    "内陆",
    "陆军",
    "海陆",
    "队伍",
    "入伍",
    "退伍",
    "伍仁",
    "收拾",
    "拾取",
    "拾起",
    "拾到",
    "夕拾",
    "拾遗",
    "放肆",
    "肆意",
    "肆无",
    "肆虐",
    "两岸",
    "两两",
    "十分",
    "十足",
    "零部件",
    "零件",
    "零售",
    "零星",
    "零散",
    "零碎",
    "零距离",
    "零碳",
    "零工",
    "零钱",
    "零食",
    "千万不要",
    "千万别",
];
