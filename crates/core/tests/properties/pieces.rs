//! What the property tests are made of: realistic pieces of Chinese news text (words, numbers in
//! three scripts, units, dates, titles, quotes) mixed with arbitrary Unicode, and an independent
//! writer of Chinese numerals to check the engine's reader against.

use proptest::prelude::*;
use proptest::sample::select;

/// Everyday words of news text (written for these tests).
pub const WORDS: &[&str] = &[
    "经济",
    "发展",
    "城市",
    "居民",
    "政府",
    "报告",
    "增长",
    "投资",
    "项目",
    "学校",
    "医院",
    "农村",
    "环境",
    "记者",
    "公司",
    "市场",
    "北京",
    "上海",
    "广州",
    "长江",
    "我们",
    "今年",
    "去年",
    "一个",
    "表示",
    "进行",
    "举行",
    "会议",
    "工作",
    "建设",
    "人民",
    "研究",
    "技术",
    "营商环境",
    "河长制",
    "帮代办",
    "新能源汽车",
    "张伟",
    "李娜",
    "王小明",
];
/// Measure words and units that follow numbers.
pub const UNITS: &[&str] = &[
    "元",
    "万元",
    "亿元",
    "美元",
    "米",
    "千米",
    "公里",
    "亩",
    "平方米",
    "吨",
    "个",
    "条",
    "名",
    "人",
    "家",
    "册",
    "%",
    "年",
    "月",
    "日",
    "号",
    "天",
    "小时",
    "岁",
];
/// Characters that make trouble: controls, NUL, lone CR, separators, the replacement char,
/// joiners, combining marks, right-to-left text, emoji with modifiers and ZWJ sequences.
pub const ODD: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{1b}[0m",
    "\u{7f}",
    "\r",
    "\r\n",
    "\t",
    "\u{2028}",
    "\u{2029}",
    "\u{fffd}",
    "\u{feff}",
    "\u{200b}",
    "\u{200d}",
    "\u{301}",
    "e\u{301}\u{308}",
    "\u{3000}",
    "مرحبا",
    "שלום",
    "\u{202e}abc\u{202c}",
    "😀",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🏳️\u{200d}🌈",
    "🇨🇳",
    "𠀀𪚥",
    "ｶﾞ",
    "㍱",
    "ﬁ",
    "½",
    "①",
    "Ⅻ",
    "·",
    "——",
    "……",
];
/// Punctuation of Chinese and Latin text, quotes and brackets included.
pub const PUNCT: &[&str] = &[
    "，", "。", "！", "？", "；", "：", "、", ",", ".", "!", "?", ";", "「", "」", "『", "』", "“",
    "”", "‘", "’", "\"", "'", "（", "）", "(", ")", "《", "》", "〈", "〉", " ", "\n",
];

const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `g` (1..=9999) in Chinese numerals; `leading` drops the 一 of 一十 (十二, but 一万零一十二).
fn group(g: u64, leading: bool) -> String {
    let mut out = String::new();
    let mut pending_zero = false;
    for (i, unit) in ["千", "百", "十", ""].iter().enumerate() {
        let d = (g / 10u64.pow(3 - i as u32) % 10) as usize;
        if d == 0 {
            pending_zero |= !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        if !(leading && out.is_empty() && i == 2 && d == 1) {
            out.push(CN_DIGITS[d]);
        }
        out.push_str(unit);
    }
    out
}

/// `n` written the usual way in Chinese numerals, up to 亿 groups: 十二, 一万零五百, 三亿零一.
pub fn chinese_numeral(n: u64) -> String {
    if n == 0 {
        return "零".into();
    }
    let groups = [
        (n / 100_000_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut out = String::new();
    let mut gap = false;
    for (g, unit) in groups {
        if g == 0 {
            gap |= !out.is_empty();
            continue;
        }
        // A skipped group, or a group short of a thousand after a higher one, is read with 零.
        if !out.is_empty() && (gap || g < 1000) {
            out.push('零');
        }
        out.push_str(&group(g, out.is_empty()));
        out.push_str(unit);
        gap = false;
    }
    out
}

/// `n` digit by digit, as years are written: 二〇二〇, 一九九八.
pub fn chinese_digits(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(0) => '〇',
            Some(d) => CN_DIGITS[d as usize],
            None => c,
        })
        .collect()
}

/// `n` in full-width digits: ２０２４.
pub fn full_width(n: u64) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
        .collect()
}

/// A number in one of the ways news text writes it.
pub fn number() -> impl Strategy<Value = String> {
    (0u64..100_000_000, 0..5u8).prop_map(|(n, how)| match how {
        0 => n.to_string(),
        1 => full_width(n),
        2 => chinese_numeral(n),
        3 => format!("{}.{}", n % 1000, n % 7),
        _ => chinese_digits(n % 3000),
    })
}

/// One piece of text: mostly realistic, sometimes anything at all.
pub fn piece() -> impl Strategy<Value = String> {
    let word = select(WORDS).prop_map(String::from);
    let leaf = prop_oneof![
        6 => word.clone(),
        3 => (number(), select(UNITS)).prop_map(|(n, u)| n + u),
        2 => number(),
        3 => select(PUNCT).prop_map(String::from),
        2 => select(ODD).prop_map(String::from),
        1 => "[a-zA-Z]{1,8}",
        2 => any::<char>().prop_map(String::from),
        1 => (number(), "[\n ]", number(), select(UNITS)).prop_map(|(a, s, b, u)| a + &s + &b + u),
        1 => (1900u64..2100, 1u64..13, 1u64..29)
            .prop_map(|(y, m, d)| format!("{}年{}月{}日", chinese_digits(y), chinese_numeral(m), chinese_numeral(d))),
    ];
    // Titles and quotes around pieces, nested now and then.
    leaf.prop_recursive(2, 8, 4, |inner| {
        (
            select(
                &[
                    ("《", "》"),
                    ("「", "」"),
                    ("“", "”"),
                    ("『", "』"),
                    ("〈", "〉"),
                ][..],
            ),
            prop::collection::vec(inner, 1..4),
        )
            .prop_map(|((open, close), parts)| format!("{open}{}{close}", parts.concat()))
    })
}

/// A text of up to `max` pieces.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|parts| parts.concat())
}

/// A plain Chinese text: sentences of words, no stray characters, so the ranked terms are real.
pub fn plain_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::collection::vec(select(WORDS), 2..12),
            select(&["，", "。", "！", "\n"][..]),
        ),
        1..20,
    )
    .prop_map(|sentences| {
        sentences
            .into_iter()
            .map(|(words, end)| words.concat() + end)
            .collect()
    })
}

#[test]
fn the_numeral_writer_writes_what_readers_expect() {
    let cases = [
        (0, "零"),
        (10, "十"),
        (12, "十二"),
        (105, "一百零五"),
        (1010, "一千零一十"),
        (10_500, "一万零五百"),
        (110_000, "十一万"),
        (10_010_000, "一千零一万"),
        (100_000_001, "一亿零一"),
        (1_000_010_000, "十亿零一万"),
        (350_000_000, "三亿五千万"),
    ];
    for (n, written) in cases {
        assert_eq!(chinese_numeral(n), written, "{n}");
    }
    assert_eq!(chinese_digits(2020), "二〇二〇");
    assert_eq!(full_width(2024), "２０２４");
}
