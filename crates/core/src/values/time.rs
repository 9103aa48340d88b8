//! Dates, clock times and durations: `2024年5月3日上午`, `去年10月`, `2017年初`, `下午3点`,
//! `九点半`, `两个月`, `40多年`.
//!
//! The text is read left to right as a few pieces (a relative year word, a number and its unit,
//! a part such as `初` or `上午`) filled into one [`Slots`]; anything unexpected (a range, a
//! weekday, a festival) makes the whole text unreadable rather than half read.

use super::number::scan;
use super::{strip_prefix, Qualifier, Value};

/// Years named relative to the year of writing, longest first.
const RELATIVE_YEARS: [(&str, i32); 9] = [
    ("大前年", -3),
    ("大后年", 3),
    ("前年", -2),
    ("去年", -1),
    ("今年", 0),
    ("本年", 0),
    ("明年", 1),
    ("来年", 1),
    ("后年", 2),
];

/// Parts of a day, with the hour offset they give a 12-hour clock reading (`下午3点` = 15:00).
const DAY_PARTS: [(&str, u8); 15] = [
    ("凌晨", 0),
    ("清晨", 0),
    ("早晨", 0),
    ("早上", 0),
    ("上午", 0),
    ("中午", 12),
    ("午后", 12),
    ("下午", 12),
    ("傍晚", 12),
    ("晚上", 12),
    ("晚间", 12),
    ("夜间", 12),
    ("夜里", 12),
    ("深夜", 0),
    ("晚", 12),
];

/// Parts of a year or month; a leading `年`/`月` is dropped when stored (`年初` → `初`).
const PERIOD_PARTS: [&str; 24] = [
    "上半年",
    "下半年",
    "年初",
    "年中",
    "年底",
    "年末",
    "月初",
    "月中",
    "月底",
    "月末",
    "上旬",
    "中旬",
    "下旬",
    "春季",
    "夏季",
    "秋季",
    "冬季",
    "春天",
    "夏天",
    "秋天",
    "冬天",
    "初",
    "底",
    "末",
];

/// Units of a duration after a number, longest first, with the canonical unit name.
const DURATIONS: [(&str, &str); 15] = [
    ("个小时", "hour"),
    ("个钟头", "hour"),
    ("个星期", "week"),
    ("个礼拜", "week"),
    ("个月", "month"),
    ("小时", "hour"),
    ("钟头", "hour"),
    ("星期", "week"),
    ("分钟", "minute"),
    ("秒钟", "second"),
    ("天", "day"),
    ("周", "week"),
    ("秒", "second"),
    ("年", "year"),
    ("月", "month"),
];

/// What the text has said so far.
#[derive(Default)]
struct Slots {
    year: Option<i32>,
    relative: Option<i32>,
    century: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    part: Option<String>,
    day_part: Option<(&'static str, u8)>,
    hour: Option<u8>,
    minute: Option<u8>,
    duration: Option<(f64, &'static str)>,
    more_than: bool,
}

impl Slots {
    fn dated(&self) -> bool {
        self.year.is_some()
            || self.relative.is_some()
            || self.century.is_some()
            || self.month.is_some()
            || self.day.is_some()
    }
}

/// Reads a whole time text; `None` unless every char is understood.
pub(super) fn parse(cs: &[char]) -> Option<(Value, Option<Qualifier>)> {
    let mut s = Slots::default();
    let mut rest = cs;
    while !rest.is_empty() {
        rest = step(&mut s, rest)?;
    }
    finish(s)
}

/// Reads one piece from the start of `cs` into `s`; returns what is left.
fn step<'a>(s: &mut Slots, cs: &'a [char]) -> Option<&'a [char]> {
    if let Some((rest, rel)) = find_word(cs, RELATIVE_YEARS.iter().copied()) {
        if s.relative.is_some() || s.year.is_some() {
            return None;
        }
        s.relative = Some(rel);
        return Some(rest);
    }
    if let Some((rest, dp)) = find_word(cs, DAY_PARTS.iter().map(|&(w, h)| (w, (w, h)))) {
        if s.day_part.is_some() {
            return None;
        }
        s.day_part = Some(dp);
        return Some(rest);
    }
    if let Some((rest, p)) = find_word(cs, PERIOD_PARTS.iter().map(|&w| (w, w))) {
        let p = p.trim_start_matches(['年', '月']);
        return set_part(s, p).map(|()| rest);
    }
    // 第三季度, 一季度, Q3
    let (ordinal, body) = match strip_prefix(cs, "第") {
        Some(rest) => (true, rest),
        None => (false, cs),
    };
    let n = scan(body, false)?;
    let mut rest = &body[n.len..];
    if let Some(r) = strip_prefix(rest, "季度") {
        let q = n.value;
        if !(1.0..=4.0).contains(&q) || q.fract() != 0.0 {
            return None;
        }
        set_part(s, &format!("Q{q}"))?;
        return Some(r);
    }
    if ordinal {
        return None;
    }
    // 40多年, 十几天, 两个多月
    let mut hedge = false;
    for w in ["多", "余", "几", "个多", "个余"] {
        if let Some(r) = strip_prefix(rest, w) {
            rest = r;
            hedge = true;
            break;
        }
    }
    let whole = n.value.fract() == 0.0;
    let small = |max: f64| whole && n.value <= max;
    if let Some(r) = strip_prefix(rest, "世纪") {
        if hedge || !small(30.0) || n.value < 1.0 || s.century.is_some() {
            return None;
        }
        s.century = Some(n.value as i32);
        return Some(r);
    }
    if let Some(r) = strip_prefix(rest, "年代") {
        // 90年代, 二十世纪八十年代, 1990年代
        if hedge || !whole || n.value % 10.0 != 0.0 || s.year.is_some() {
            return None;
        }
        let base = match s.century.take() {
            Some(c) if n.value < 100.0 => (c - 1) * 100,
            None if n.value < 100.0 => 1900,
            None => 0,
            Some(_) => return None,
        };
        s.year = Some(base + n.value as i32);
        return set_part(s, "年代").map(|()| r);
    }
    if !hedge {
        if let Some(r) = strip_prefix(rest, "年").filter(|_| n.digits && n.len == 4) {
            // 2024年, 一九九八年, 二〇二〇年. Shorter runs (`98年`, `300年`) are more often
            // lengths of time than years, so they are read as durations.
            if s.dated() {
                return None;
            }
            s.year = Some(n.value as i32);
            return Some(r);
        }
        if let Some(r) = strip_prefix(rest, "月") {
            if !small(12.0) || n.value < 1.0 || s.month.is_some() || s.day.is_some() {
                return None;
            }
            s.month = Some(n.value as u8);
            return Some(r);
        }
        if let Some(r) = strip_prefix(rest, "日").or_else(|| strip_prefix(rest, "号")) {
            if !small(31.0) || n.value < 1.0 || s.day.is_some() {
                return None;
            }
            s.day = Some(n.value as u8);
            return Some(r);
        }
        if let Some(r) = strip_prefix(rest, "点").or_else(|| strip_prefix(rest, "时")) {
            return clock(s, n.value, r);
        }
    }
    // 两个半月, 三个半小时: 半 between 个 and the unit.
    let (rest, half) = match strip_prefix(rest, "个半") {
        Some(r) => (r, 0.5),
        None => (rest, 0.0),
    };
    let (r, unit) = find_word(rest, DURATIONS.iter().copied())?;
    // 一年半, 三天半: 半 after the unit.
    let (r, half) = match strip_prefix(r, "半") {
        Some(r) if half == 0.0 => (r, 0.5),
        _ => (r, half),
    };
    if s.duration.is_some() {
        return None;
    }
    s.duration = Some((n.value + half, unit));
    s.more_than |= hedge;
    Some(r)
}

/// `3点`, `3点半`, `10时30分`, `3点一刻`, `8点整`: the hour is `h`, `cs` is what follows 点/时.
fn clock<'a>(s: &mut Slots, h: f64, cs: &'a [char]) -> Option<&'a [char]> {
    if s.hour.is_some() || h.fract() != 0.0 || !(0.0..=24.0).contains(&h) {
        return None;
    }
    s.hour = Some(h as u8);
    if let Some(r) = strip_prefix(cs, "半") {
        s.minute = Some(30);
        return Some(r);
    }
    if let Some(r) = strip_prefix(cs, "整") {
        s.minute = Some(0);
        return Some(r);
    }
    if let Some(m) = scan(cs, false) {
        let after = &cs[m.len..];
        let whole = m.value.fract() == 0.0;
        if let Some(r) = strip_prefix(after, "刻").filter(|_| whole && m.value <= 3.0) {
            s.minute = Some(m.value as u8 * 15);
            return Some(r);
        }
        if let Some(r) = strip_prefix(after, "分").filter(|_| whole && m.value < 60.0) {
            s.minute = Some(m.value as u8);
            return Some(r);
        }
    }
    Some(cs)
}

fn set_part(s: &mut Slots, p: &str) -> Option<()> {
    if s.part.is_some() {
        return None;
    }
    s.part = Some(p.to_string());
    Some(())
}

/// The longest `(word, value)` that `cs` starts with.
fn find_word<T>(
    cs: &[char],
    words: impl Iterator<Item = (&'static str, T)>,
) -> Option<(&[char], T)> {
    words
        .filter_map(|(w, v)| strip_prefix(cs, w).map(|r| (r, v)))
        .min_by_key(|(r, _)| r.len())
}

/// One value from what was read: a date if any date unit was named, else a clock time, else a
/// duration; a mix of a date and a duration (`2020年三个月`) is no single value.
fn finish(s: Slots) -> Option<(Value, Option<Qualifier>)> {
    let hedge = s.more_than.then_some(Qualifier::MoreThan);
    let hour = s.hour.map(|h| to_24h(h, s.day_part));
    if s.duration.is_some() && (s.dated() || s.hour.is_some() || s.day_part.is_some()) {
        return None;
    }
    if s.dated() {
        // 20世纪 alone is the century (stored as its first year); inside 20世纪90年代 the decade
        // took it over.
        let (year, century_part) = match (s.year, s.century) {
            (Some(y), _) => (Some(y), None),
            (None, Some(c)) if s.part.is_none() && s.month.is_none() => {
                (Some((c - 1) * 100), Some("世纪"))
            }
            (None, Some(_)) => return None,
            (None, None) => (None, None),
        };
        // A part of the day with no clock time is the date's part (`5月3日上午`).
        let part = match (century_part, &s.part, s.day_part, hour) {
            (Some(c), ..) => Some(c.to_string()),
            (None, Some(_), Some(_), None) => return None,
            (None, Some(p), _, _) => Some(p.clone()),
            (None, None, Some((w, _)), None) => Some(w.to_string()),
            (None, None, _, _) => None,
        };
        let v = Value::Date {
            year,
            month: s.month,
            day: s.day,
            part,
            relative: s.relative,
            hour,
            minute: hour.map(|_| s.minute.unwrap_or(0)),
        };
        return Some((v, hedge));
    }
    if s.part.is_some() {
        return None; // 初 or 上旬 of nothing
    }
    if let Some(hour) = hour {
        let minute = s.minute.unwrap_or(0);
        return Some((Value::Clock { hour, minute }, None));
    }
    let (amount, unit) = s.duration?;
    Some((
        Value::Duration {
            amount,
            unit: unit.to_string(),
        },
        hedge,
    ))
}

/// `下午3点` is 15:00, `晚上12点` stays 12 (midnight is written 0点 or 24点), `中午12点` is noon.
fn to_24h(h: u8, day_part: Option<(&str, u8)>) -> u8 {
    match day_part {
        Some((_, 12)) if h < 12 => h + 12,
        _ => h,
    }
}
