//! Times and quantities: runs of numerals, date parts, time words and measure words.
//!
//! jieba splits `2024年5月3日上午` into `2024 年 5 月 3 日 上午` and `45万辆` into `45 万辆`, so
//! adjacent numeric tokens are merged into one run first and the run is classified afterwards:
//! a run with a date part after a numeral (or a time word) is a time, otherwise a run with a unit
//! is a quantity, and a bare number is neither. A number inside a time is therefore never also
//! counted as a quantity.

use std::sync::OnceLock;

use super::{span, EntitySpan};
use crate::phrases::Set;
use crate::report::EntityType;
use crate::segment::{Token, TokenKind};

/// Chinese numerals (and 两, 半) that make a token a number. `○` is the circle People's Daily
/// and many others type for `〇` (二○○八年); jieba leaves it a token of its own.
fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '○'
            | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
            | '半'
            | '壹'
            | '贰'
            | '叁'
            | '肆'
            | '伍'
            | '陆'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || is_cn_numeral(c)
}

/// Characters that may appear inside a written number.
fn is_number_char(c: char) -> bool {
    is_numeral(c)
        || matches!(
            c,
            '.' | ',' | '%' | '‰' | '多' | '余' | '几' | '第' | '-' | '+'
        )
}

/// Date and clock parts, counted as time when they follow a numeral (`5月`, `3点`, `十年`).
fn is_date_part(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '日' | '号' | '时' | '点' | '分' | '秒' | '周' | '旬' | '季' | '世'
    )
}

/// Time words (`t`) name a time only if they hold one of these: `上午`, `今年`, `月底`, `春节`
/// do; `未来`, `过去`, `目前`, `会上` (also tagged `t`) do not.
fn is_time_char(c: char) -> bool {
    is_date_part(c)
        || matches!(
            c,
            '天' | '晨'
                | '早'
                | '晚'
                | '午'
                | '夜'
                | '春'
                | '夏'
                | '秋'
                | '冬'
                | '宵'
                | '节'
                | '旦'
                | '夕'
                | '昨'
                | '今'
                | '明'
        )
}

/// Measure words and units that make a number a quantity when jieba does not tag them `q`.
const UNITS: [&str; 48] = [
    "个",
    "项",
    "家",
    "名",
    "位",
    "人",
    "只",
    "件",
    "台",
    "辆",
    "座",
    "条",
    "种",
    "次",
    "元",
    "岁",
    "倍",
    "户",
    "套",
    "份",
    "所",
    "架",
    "艘",
    "批",
    "场",
    "届",
    "篇",
    "亩",
    "吨",
    "米",
    "公里",
    "千米",
    "公斤",
    "千克",
    "万元",
    "亿元",
    "美元",
    "欧元",
    "平方米",
    "百分点",
    "千瓦",
    "千瓦时",
    "摄氏度",
    "公顷",
    "平方公里",
    "立方米",
    "毫米",
    "厘米",
];

/// [`UNITS`] as a hashed set, made once: asked for most tokens and for every char of a numeral
/// run (a one-char unit is the set's one-char word).
fn unit_words() -> &'static Set<&'static str> {
    static UNIT_WORDS: OnceLock<Set<&str>> = OnceLock::new();
    UNIT_WORDS.get_or_init(|| UNITS.into_iter().collect())
}

/// Single chars that end a quantity inside a numeral token (`三个`, `万辆`, `4.3亿`).
fn is_unit_char(c: char) -> bool {
    matches!(c, '%' | '‰' | '万' | '亿')
        || unit_words().contains(c.encode_utf8(&mut [0; 4]) as &str)
        || matches!(
            c,
            '辆' | '块'
                | '张'
                | '间'
                | '层'
                | '头'
                | '匹'
                | '棵'
                | '株'
                | '双'
                | '对'
                | '组'
                | '例'
                | '枚'
                | '颗'
                | '杯'
                | '瓶'
                | '箱'
                | '克'
                | '升'
                | '度'
                | '股'
                | '本'
                | '页'
                | '字'
                | '句'
                | '盏'
                | '支'
                | '级'
                | '首'
                | '笔'
        )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Number,
    TimeWord,
    /// A date or clock part written as a word of its own, whatever its tag (`10 时/n`,
    /// `44 分/v`, `12 月份/n`): part of a time only right after a number.
    DateWord,
    Unit,
    Other,
}

/// Date and clock parts jieba leaves as words of their own after a number.
const DATE_PART_WORDS: [&str; 14] = [
    "年", "月", "日", "号", "时", "点", "分", "秒", "月份", "时许", "点钟", "年度", "世纪", "年代",
];

/// Words jieba tags as time words that name no time (`过时`, `早日`, `及时`): left out even
/// though they hold a time char.
const NOT_TIMES: [&str; 16] = [
    "过时", "早日", "及时", "按时", "同时", "平时", "随时", "准时", "暂时", "顿时", "有时", "临时",
    "定时", "适时", "多时", "节日",
];

/// Words naming a day or a part of one, times whatever jieba tags them (it tags `今天上午` as
/// a name).
const DAY_WORDS: [&str; 24] = [
    "今天", "昨天", "明天", "前天", "后天", "当天", "次日", "翌日", "今年", "去年", "明年", "上午",
    "下午", "中午", "晚上", "凌晨", "傍晚", "早上", "清晨", "深夜", "今晚", "昨晚", "当晚", "子夜",
];

/// True when `text` is one or more [`DAY_WORDS`] written together.
fn is_day_words(mut text: &str) -> bool {
    // Asked for every token, and most start with no day word's first char: a binary search
    // of those chars spares them the comparison with each word.
    static FIRST_CHARS: OnceLock<Vec<char>> = OnceLock::new();
    let first_chars = FIRST_CHARS.get_or_init(|| {
        let mut v: Vec<char> = DAY_WORDS.iter().filter_map(|w| w.chars().next()).collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let Some(first) = text.chars().next() else {
        return false;
    };
    if first_chars.binary_search(&first).is_err() {
        return false;
    }
    while !text.is_empty() {
        match DAY_WORDS.iter().find_map(|w| text.strip_prefix(w)) {
            Some(rest) => text = rest,
            None => return false,
        }
    }
    true
}

/// Numeral words that are adverbs, not amounts or times (`十分重要`, `好一点`, `一时难以`):
/// a run that is exactly one of these is neither.
const ADVERBS: [&str; 5] = ["十分", "万分", "十二分", "一点", "一时"];

fn part_of(t: &Token) -> Part {
    let all_number = t.text.chars().all(is_number_char);
    if t.kind == TokenKind::Number || all_number && t.text.chars().any(is_numeral) {
        return Part::Number;
    }
    // jieba tags `一线`, `一些` as numerals too: a numeral word is a number only when every
    // char can be part of one (`二十分`, `万辆`, `九点半`). Both tests are closures, run only
    // for numeral tags: most tokens are not, and the unit suffixes cost 48 comparisons.
    let numeric_word = || {
        t.text
            .chars()
            .next()
            .is_some_and(|c| is_number_char(c) || is_date_part(c))
            && t.text.chars().all(|c| {
                is_number_char(c) || is_date_part(c) || is_unit_char(c) || "个之".contains(c)
            })
    };
    // `万千瓦`, `三千平方米`: numerals and then a unit word.
    let number_and_unit = || {
        UNITS.iter().any(|u| {
            t.text
                .strip_suffix(u)
                .is_some_and(|n| !n.is_empty() && n.chars().all(is_number_char))
        })
    };
    // A date jieba knows as one word of another tag (十月十日/nz) is still numerals and date
    // parts.
    let date_word = t.text.chars().all(|c| is_numeral(c) || is_date_part(c))
        && t.text
            .chars()
            .zip(t.text.chars().skip(1))
            .any(|(a, b)| is_numeral(a) && is_date_part(b));
    if date_word || matches!(t.pos, "m" | "mq") && (numeric_word() || number_and_unit()) {
        return Part::Number;
    }
    if matches!(t.pos, "t" | "tg")
        && t.text.chars().any(is_time_char)
        && !NOT_TIMES.contains(&t.text)
        || is_day_words(t.text)
    {
        return Part::TimeWord;
    }
    // Asked for most tokens: hashed sets rather than a comparison with each word.
    static DATE_PARTS: OnceLock<Set<&str>> = OnceLock::new();
    let date_parts = DATE_PARTS.get_or_init(|| DATE_PART_WORDS.into_iter().collect());
    if date_parts.contains(t.text) {
        return Part::DateWord;
    }
    if t.pos == "q" || unit_words().contains(t.text) {
        return Part::Unit;
    }
    Part::Other
}

pub fn find(chars: &[char], tokens: &[Token]) -> Vec<EntitySpan> {
    let parts: Vec<Part> = tokens.iter().map(part_of).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !matches!(parts[i], Part::Number | Part::TimeWord) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() {
            // A measure word closes a quantity: `三千 册 明清` is 三千册 and then 明清, never one
            // time.
            if parts[j - 1] == Part::Unit {
                break;
            }
            let joins = match parts[j] {
                Part::Number | Part::TimeWord => true,
                // A unit joins only right after a number: `5000 个`, not `个` on its own.
                Part::Unit => parts[j - 1] == Part::Number,
                Part::DateWord => parts[j - 1] == Part::Number,
                Part::Other => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        let (start, mut end) = (tokens[i].start, tokens[j - 1].end);
        // `5月3日电`: jieba glues 日 to 电; take the date part, leave the rest.
        if parts[j - 1] == Part::Number {
            if let Some(next) = tokens.get(j) {
                if next.len() > 1 && next.text.chars().next().is_some_and(is_date_part) {
                    end += 1;
                }
            }
        }
        out.extend(classify(chars, start, end, &parts[i..j]));
        i = j;
    }
    out
}

/// Time, quantity or nothing, from the run's own text.
fn classify(chars: &[char], start: usize, end: usize, parts: &[Part]) -> Option<EntitySpan> {
    let text: String = chars.get(start..end)?.iter().collect();
    if !text.chars().any(is_numeral) && !parts.contains(&Part::TimeWord) {
        return None; // 多家, 若干
    }
    if ADVERBS.contains(&text.as_str()) {
        return None;
    }
    // 百分之五 and 3个百分点 hold 分 after a numeral but are no clock times. Each holds 分:
    // a run without one (most) is kept as it is, with no new string.
    let cs: Vec<char> = if text.contains('分') {
        text.replace("百分之", "")
            .replace("千分之", "")
            .replace("百分点", "")
            .chars()
            .collect()
    } else {
        text.chars().collect()
    };
    // 点 between numerals is a decimal point (六点六万千瓦), unless minutes follow (三点五分).
    let decimal = |i: usize| {
        cs[i] == '点'
            && cs.get(i + 1).is_some_and(|&c| is_numeral(c) && c != '半')
            && !cs[i..].contains(&'分')
    };
    let dated = (1..cs.len()).any(|i| is_numeral(cs[i - 1]) && is_date_part(cs[i]) && !decimal(i));
    if dated || parts.contains(&Part::TimeWord) {
        return span(chars, EntityType::Time, start, end);
    }
    let has_unit = parts.contains(&Part::Unit)
        || text.contains("百分之")
        || text.contains("千分之")
        || text
            .chars()
            .skip_while(|&c| !is_numeral(c))
            .any(is_unit_char);
    // 一个, 一种, 一位(专家), 一个人 work as articles rather than amounts.
    let article =
        cs.first() == Some(&'一') && cs.len() <= 3 && !cs[1..].iter().any(|&c| is_numeral(c));
    if has_unit && !article {
        return span(chars, EntityType::Quantity, start, end);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds tokens from `word/pos` pairs.
    fn toks(spec: &str) -> (Vec<char>, Vec<Token<'_>>) {
        crate::segment::tokens_from_spec(spec)
    }

    fn found(spec: &str) -> Vec<(EntityType, String)> {
        let (chars, tokens) = toks(spec);
        find(&chars, &tokens)
            .into_iter()
            .map(|e| (e.kind, e.text))
            .collect()
    }

    use EntityType::{Quantity as Q, Time as T};

    #[test]
    fn dates_merge() {
        assert_eq!(
            found("2024/m 年/m 5/m 月/m 3/m 日/m 上午/t ，/x"),
            [(T, "2024年5月3日上午".into())]
        );
        assert_eq!(found("5/m 月/m 3/m 日电/j"), [(T, "5月3日".into())]);
        assert_eq!(found("截至/v 今年/t 4/m 月底/t"), [(T, "今年4月底".into())]);
        assert_eq!(found("二/m 〇/x 二/m 四年/m"), [(T, "二〇二四年".into())]);
        assert_eq!(found("九点半/m"), [(T, "九点半".into())]);
    }

    #[test]
    fn clock_parts_jieba_tags_otherwise_join_the_time() {
        assert_eq!(
            found("1997/m 年/m 12/m 月/m 31/m 日/m 10/m 时/n 44/m 分/v"),
            [(T, "1997年12月31日10时44分".into())]
        );
        assert_eq!(
            found("上午/t 九/m 时/n 二十分/m 到达/v"),
            [(T, "上午九时二十分".into())]
        );
        assert_eq!(found("12/m 月份/n 以来/f"), [(T, "12月份".into())]);
        assert_eq!(found("21/m 世纪/n 的/uj"), [(T, "21世纪".into())]);
        assert_eq!(found("80/m 年代/n 初/f"), [(T, "80年代".into())]);
        assert_eq!(
            found("一九五〇/m 年/m 十月十日/nz 在/p"),
            [(T, "一九五〇年十月十日".into())]
        );
        // Without a number before it, 时 is "when", not a clock part.
        assert!(found("开会/v 时/n 5/m 个/q 人/n")
            .iter()
            .all(|(_, t)| !t.contains('时')));
    }

    #[test]
    fn day_words_are_times_whatever_their_tag() {
        assert_eq!(found("今天上午/nr 他来/v"), [(T, "今天上午".into())]);
        assert_eq!(found("元旦/t 前夕/t"), [(T, "元旦前夕".into())]);
        assert!(is_day_words("昨晚") && !is_day_words("今天天气") && !is_day_words(""));
    }

    #[test]
    fn numeral_adverbs_and_numeral_nouns_are_neither() {
        assert!(found("这/r 十分/m 重要/a").is_empty());
        assert!(found("好/a 一点/m").is_empty());
        // 一线 (the front line) is tagged m; it must not swallow the date after it.
        assert_eq!(found("在/p 一线/m 9/m 月/m"), [(T, "9月".into())]);
        assert_eq!(found("下午/t 一点/m"), [(T, "下午一点".into())]);
    }

    #[test]
    fn a_point_between_numerals_is_a_decimal_point() {
        assert_eq!(
            found("一百一十/m 六点/m 六/m 万千瓦/m"),
            [(Q, "一百一十六点六万千瓦".into())]
        );
        assert_eq!(found("三点/m 五分/m"), [(T, "三点五分".into())]);
        assert_eq!(found("九点半/m"), [(T, "九点半".into())]);
        assert_eq!(found("12/m 摄氏度/n"), [(Q, "12摄氏度".into())]);
        assert_eq!(found("五句/m 话/n"), [(Q, "五句".into())]);
    }

    #[test]
    fn vague_time_words_are_not_times() {
        assert!(found("未来/t 发展/vn").is_empty());
        assert!(found("早日/t 实现/v").is_empty());
        assert!(found("已经/d 过时/t").is_empty());
        assert!(found("会上/t 还/d").is_empty());
    }

    #[test]
    fn quantities_merge() {
        assert_eq!(found("45/m 万辆/m"), [(Q, "45万辆".into())]);
        assert_eq!(found("4.3/m 亿/m"), [(Q, "4.3亿".into())]);
        assert_eq!(found("5000/m 个/q 岗位/n"), [(Q, "5000个".into())]);
        assert_eq!(found("210/m 项/n"), [(Q, "210项".into())]);
        assert_eq!(found("38%/m"), [(Q, "38%".into())]);
        assert_eq!(found("百分之五/m 的/uj"), [(Q, "百分之五".into())]);
        assert_eq!(found("三个/m"), [(Q, "三个".into())]);
    }

    #[test]
    fn a_measure_word_ends_the_quantity_before_a_time_word() {
        // A period word without a time char (唐宋) is no time at all.
        assert_eq!(found("两百/m 件/q 唐宋/t 瓷器/n"), [(Q, "两百件".into())]);
        assert_eq!(
            found("五十/m 名/q 今年/t 入学/v"),
            [(Q, "五十名".into()), (T, "今年".into())]
        );
        assert_eq!(found("八/m 吨/q 钢材/n"), [(Q, "八吨".into())]);
    }

    #[test]
    fn bare_numbers_and_articles_are_not_quantities() {
        assert!(found("3/m 比/p 1/m").is_empty());
        assert!(found("一个/m 人/n").is_empty());
        assert!(found("多家/m 企业/n").is_empty());
        assert!(found("个/q").is_empty());
    }
}
