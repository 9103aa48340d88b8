//! Numbers as Chinese text writes them: `1,200`, `3.5万`, `三千五百`, `两万五`, `一九九八`,
//! `二〇二〇`, `廿三`, `半`.
//!
//! One scanner reads the longest number at the start of a text, so the time and quantity readers
//! can ask "how much, and what follows?". It works in `f64`: amounts in news text (`3万亿元`)
//! exceed `i64` cents but never need more than 15 significant digits.

/// Folds the ways one numeral is written onto one form: full-width digits and separators (in case
/// the caller did not NFKC the text), financial numerals (`壹贰叁`), traditional `萬億兩`, and
/// `○` (a circle often typed for `〇`).
pub(crate) fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '，' => ',',
        '．' => '.',
        '％' => '%',
        '○' | '◯' | 'Ｏ' => '〇',
        '壹' | '幺' => '一',
        '贰' | '貳' => '二',
        '叁' | '參' => '三',
        '肆' => '四',
        '伍' => '五',
        '陆' | '陸' => '六',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        '佰' => '百',
        '仟' => '千',
        '萬' => '万',
        '億' => '亿',
        '兩' => '两',
        _ => c,
    }
}

/// The value of a single Chinese digit (`零〇` to `九`, and `两`).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Multipliers within a 万 group.
fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        _ => return None,
    })
}

/// A number read from the start of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scanned {
    pub value: f64,
    /// Chars read.
    pub len: usize,
    /// Written digit by digit (`一九九八`, `二〇二〇`, or plain Arabic `2024`): how years are
    /// written, as opposed to `两千年` (two thousand years).
    pub digits: bool,
}

/// Parses a whole text as one number: `三千五百` → 3500, `3.5万` → 35000, `一九九八` → 1998.
///
/// `None` unless every char (white space aside) is part of the number. Values too large for
/// `f64` saturate at `f64::MAX`; nothing panics.
pub fn parse_chinese_number(s: &str) -> Option<f64> {
    let cs: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).map(fold).collect();
    if cs == ['半'] {
        return Some(0.5);
    }
    let (neg, body) = match cs.split_first() {
        Some(('-' | '负', rest)) => (true, rest),
        _ => (false, &cs[..]),
    };
    let n = scan(body, true)?;
    (n.len == body.len()).then_some(if neg { -n.value } else { n.value })
}

/// The longest number at the start of `cs`. `decimal_dian` lets `点` be a decimal point
/// (`三点五`); time readers turn it off, since there `三点` is three o'clock.
pub(crate) fn scan(cs: &[char], decimal_dian: bool) -> Option<Scanned> {
    if cs.first() == Some(&'半') {
        return Some(Scanned {
            value: 0.5,
            len: 1,
            digits: false,
        });
    }
    if let Some(run) = digit_run(cs) {
        return Some(run);
    }
    positional(cs, decimal_dian)
}

/// `一九九八`, `二〇二〇`, `2〇20`: digits with no unit after them, read digit by digit. Chinese
/// runs need three or more digits, since `三四` is "three or four", not 34. Plain Arabic digits
/// count too (with no `,` or `.` after them), so `2024` is flagged as a year-like run.
fn digit_run(cs: &[char]) -> Option<Scanned> {
    let len = cs
        .iter()
        .take_while(|&&c| c.is_ascii_digit() || (c != '两' && cn_digit(c).is_some()))
        .count();
    let next = cs.get(len).copied();
    let continues = next.is_some_and(|c| {
        small_unit(c).is_some() || matches!(c, '万' | '亿' | '.' | ',' | '点' | '廿' | '卅')
    });
    let chinese = cs[..len].iter().any(|c| !c.is_ascii_digit());
    if continues || (chinese && len < 3) || len == 0 {
        return None;
    }
    let text: String = cs[..len]
        .iter()
        .map(|&c| match cn_digit(c) {
            Some(d) => char::from(b'0' + d as u8),
            None => c,
        })
        .collect();
    Some(Scanned {
        value: saturate(text.parse().ok()?),
        len,
        digits: true,
    })
}

/// A positional numeral, Chinese (`一百零五`), Arabic (`1,200.5`) or mixed (`3.5万`, `2万5千`).
fn positional(cs: &[char], decimal_dian: bool) -> Option<Scanned> {
    let mut total = 0.0; // whole 万 and 亿 groups so far
    let mut section = 0.0; // the group below 万
    let mut cur: Option<f64> = None; // a digit waiting for its unit
    let mut cur_single = false; // `cur` is one digit, so `两万五` can mean 25,000
    let mut last_small = f64::INFINITY; // units within a group must fall: 千 then 百 then 十
    let mut last_unit = 0.0; // the unit right before `cur`, 0 after 零
    let mut any = false;
    let mut i = 0;
    while let Some(&c) = cs.get(i) {
        if c.is_ascii_digit() {
            if cur.is_some() {
                break;
            }
            let (v, n) = arabic(&cs[i..]);
            cur = Some(v);
            cur_single = n == 1;
            i += n;
        } else if let Some(d) = cn_digit(c) {
            if cur.is_some() {
                break;
            }
            if d == 0 {
                last_unit = 0.0;
            } else {
                cur = Some(f64::from(d));
                cur_single = true;
            }
            i += 1;
        } else if matches!(c, '廿' | '卅' | '卌') {
            if cur.is_some() || last_small <= 10.0 {
                break;
            }
            section += match c {
                '廿' => 20.0,
                '卅' => 30.0,
                _ => 40.0,
            };
            (last_small, last_unit) = (10.0, 0.0);
            i += 1;
        } else if let Some(u) = small_unit(c) {
            if u >= last_small {
                break;
            }
            section += cur.take().unwrap_or(1.0) * u;
            (last_small, last_unit) = (u, u);
            i += 1;
        } else if matches!(c, '万' | '亿') {
            let n = section + cur.take().unwrap_or(0.0);
            if !any {
                break; // `万` alone is no number (`万一`)
            }
            if c == '亿' {
                total = (total + n) * 1e8;
            } else if n == 0.0 {
                total *= 1e4; // 万万
            } else {
                total += n * 1e4;
            }
            let u = if c == '亿' { 1e8 } else { 1e4 };
            (section, last_small, last_unit) = (0.0, f64::INFINITY, u);
            i += 1;
        } else if c == '点'
            && any
            && decimal_dian
            && cs.get(i + 1).is_some_and(|&d| cn_digit(d).is_some())
        {
            // 三点一四: the digits after 点 are read one by one.
            let frac_len = cs[i + 1..]
                .iter()
                .take_while(|&&d| cn_digit(d).is_some() && d != '两')
                .count();
            let digits: String = cs[i + 1..i + 1 + frac_len]
                .iter()
                .filter_map(|&d| cn_digit(d).and_then(|v| char::from_digit(v, 10)))
                .collect();
            let frac: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
            cur = Some(section + cur.unwrap_or(0.0) + frac);
            (section, cur_single, last_small, last_unit) = (0.0, false, f64::INFINITY, 0.0);
            i += 1 + frac_len;
        } else {
            break;
        }
        any = true;
    }
    if !any || (cur.is_none() && section == 0.0 && total == 0.0 && !zero_only(&cs[..i])) {
        return None;
    }
    let mut tail = cur.unwrap_or(0.0);
    if cur_single && last_unit >= 100.0 {
        tail *= last_unit / 10.0; // 两万五 = 25,000, 一百五 = 150
    }
    Some(Scanned {
        value: tidy(saturate(total + section + tail)),
        len: i,
        digits: false,
    })
}

/// Whether a read numeral is just zeros (`零`), a real 0 rather than nothing.
fn zero_only(cs: &[char]) -> bool {
    !cs.is_empty() && cs.iter().all(|&c| c == '零' || c == '〇' || c == '0')
}

/// Arabic digits with optional `,` thousands separators and a decimal part; returns the value and
/// the chars read. A `,` counts only before exactly three digits, so `3,5` stops at the comma.
fn arabic(cs: &[char]) -> (f64, usize) {
    let mut text = String::new();
    let mut i = 0;
    while let Some(&c) = cs.get(i) {
        if c.is_ascii_digit() {
            text.push(c);
            i += 1;
        } else if c == ','
            && !text.is_empty()
            && !text.contains('.')
            && group_of_three(&cs[i + 1..])
        {
            i += 1;
        } else if c == '.'
            && !text.contains('.')
            && cs.get(i + 1).is_some_and(|d| d.is_ascii_digit())
        {
            text.push('.');
            i += 1;
        } else {
            break;
        }
    }
    (saturate(text.parse().unwrap_or(0.0)), i)
}

fn group_of_three(cs: &[char]) -> bool {
    cs.len() >= 3
        && cs[..3].iter().all(|c| c.is_ascii_digit())
        && !cs.get(3).is_some_and(|c| c.is_ascii_digit())
}

/// Infinity (from `亿亿亿…` or a thousand digits) becomes `f64::MAX`. The scanner only adds and
/// multiplies by factors ≥ 1, so no NaN can arise; one is mapped to 0 all the same.
pub(crate) fn saturate(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(-f64::MAX, f64::MAX)
    }
}

/// `4.3 × 1e8` may land one ulp off 430,000,000; snaps such products back onto the integer.
pub(crate) fn tidy(x: f64) -> f64 {
    let r = x.round();
    if x.abs() < 1e15 && (x - r).abs() <= 1e-12 * x.abs() {
        r
    } else {
        x
    }
}
