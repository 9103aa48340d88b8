//! Values of times and quantities: `2020年6月` is June 2020, `9504万元` is 95,040,000 yuan.
//!
//! The entity finder ([`crate::entities`]) only says *where* a time or a quantity is; this module
//! reads the entity's surface text and says *what* it is, so the page can show `2020-06` or
//! `95,040,000 元` in a tooltip and the JSON carries numbers a program can compare.
//!
//! Reading is strict: every character of the text must be understood, otherwise [`normalize`]
//! returns `None`. A wrong value in a tooltip is worse than none, so ranges (`3至5年`), ordinals
//! (`第三名`), weekdays and festivals (`春节`) are left alone rather than guessed at.
//!
//! ```
//! use wenxi_core::report::EntityType;
//! use wenxi_core::values::{display, normalize, Value};
//!
//! let v = normalize(EntityType::Quantity, "9504万元").expect("a sum of money");
//! assert_eq!(v.value, Value::Money { amount: 95_040_000.0, currency: "CNY".into() });
//! assert_eq!(display(&v), "95,040,000 元");
//! ```

mod display;
mod number;
mod quantity;
mod time;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use display::{display, measure_named};
pub use number::parse_chinese_number;

use serde::{Deserialize, Serialize};

use crate::report::EntityType;

/// What a time or quantity stands for, with its unit made explicit.
///
/// Serialised with a `kind` tag: `{"kind":"money","amount":95040000.0,"currency":"CNY"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    /// A calendar date or part of one: `2020年6月`, `6月16日`, `2017年初`, `去年10月`.
    Date {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
        /// Which part of the last named unit: `初`, `中`, `底`, `末` (of the year or month),
        /// `上旬`… , `上半年`, `Q3` (a quarter), `年代` (a decade), `世纪`, `春`…, or a part of
        /// the day (`上午`, `晚上`) when no clock time is given.
        part: Option<String>,
        /// Years from this year (今年 = 0, 去年 = -1, 明年 = 1, 前年 = -2) when the text names
        /// the year relative to when it was written; `None` when the year is absolute or absent.
        relative: Option<i32>,
        /// The clock time on that day, when the text names one (`5月3日下午3点`), 24-hour.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hour: Option<u8>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minute: Option<u8>,
    },
    /// A time of day on the 24-hour clock: `下午3点` is 15:00.
    Clock { hour: u8, minute: u8 },
    /// A length of time: `三年`, `两个月`, `10天`. `unit` is one of `year`, `month`, `week`,
    /// `day`, `hour`, `minute`, `second`.
    Duration { amount: f64, unit: String },
    /// An amount of money in whole units of `currency` (ISO 4217: `CNY`, `USD`, `EUR`…).
    Money { amount: f64, currency: String },
    /// A physical amount: `unit` is a canonical symbol (`m`, `km`, `kg`, `t`, `mu`, `m2`, `ha`,
    /// `L`, `℃`, `pp` for percentage points…) and `si_amount` the same amount in the SI base unit
    /// (`m`, `m2`, `m3`, `kg`, `W`, `J`, `m/s`) when there is one.
    Measure {
        amount: f64,
        unit: String,
        si_amount: Option<f64>,
    },
    /// A percentage: `百分之五十` and `50%` are 50.0, `三成` is 30.0, `5‰` is 0.5.
    Percent { value: f64 },
    /// A number of things counted with a measure word: `5条`, `12个项目` (measure `个`).
    Count { amount: f64, measure: String },
    /// A number with nothing counted.
    Number { amount: f64 },
}

/// How an amount is hedged: `约` (approximately), `至少` (at least), `近` (at most),
/// `超过` / `40多` (more than), `不到` (less than).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Approximately,
    AtLeast,
    AtMost,
    MoreThan,
    LessThan,
}

/// A value and how it is hedged.
///
/// A separate wrapper rather than a field in every [`Value`] variant, because any value can be
/// hedged the same way. Serialises flat:
/// `{"kind":"count","amount":40.0,"measure":"名","qualifier":"more_than"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NormalizedValue {
    #[serde(flatten)]
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
}

/// The value of a time or quantity entity's surface text, or `None` when the text is not fully
/// understood (or the entity is of another kind).
///
/// `text` may be raw user text: full-width forms are folded here as in [`crate::normalize`], and
/// white space (a number broken across lines) is dropped.
pub fn normalize(kind: EntityType, text: &str) -> Option<NormalizedValue> {
    let cs: Vec<char> = text
        .chars()
        .map(crate::normalize::normalize_char)
        .map(number::fold)
        .filter(|c| !c.is_whitespace())
        .collect();
    match kind {
        EntityType::Time => read(&cs, true, time::parse),
        EntityType::Quantity => read(&cs, false, quantity::parse).or_else(|| {
            // `3个月` may reach here from a finder that calls it a quantity.
            read(&cs, true, time::parse)
                .filter(|v| matches!(v.value, Value::Duration { .. } | Value::Clock { .. }))
        }),
        _ => None,
    }
}

type Reader = fn(&[char]) -> Option<(Value, Option<Qualifier>)>;

/// Strips hedging words around `cs`, reads the rest with `reader`, and keeps the outer hedge
/// (`超过`) over an inner one (`40多`) since it is the writer's explicit word.
fn read(cs: &[char], is_time: bool, reader: Reader) -> Option<NormalizedValue> {
    let (outer, core) = strip_qualifiers(cs, is_time);
    let (value, inner) = reader(core)?;
    Some(NormalizedValue {
        value,
        qualifier: outer.or(inner),
    })
}

/// Hedging words before an amount, longest first so `大约` wins over `约`.
const PREFIXES: [(&str, Option<Qualifier>); 24] = {
    use Qualifier::*;
    [
        ("不超过", Some(AtMost)),
        ("不少于", Some(AtLeast)),
        ("不低于", Some(AtLeast)),
        ("不高于", Some(AtMost)),
        ("大约", Some(Approximately)),
        ("大概", Some(Approximately)),
        ("约为", Some(Approximately)),
        ("将近", Some(AtMost)),
        ("接近", Some(AtMost)),
        ("超过", Some(MoreThan)),
        ("多于", Some(MoreThan)),
        ("高于", Some(MoreThan)),
        ("至少", Some(AtLeast)),
        ("起码", Some(AtLeast)),
        ("最多", Some(AtMost)),
        ("至多", Some(AtMost)),
        ("不到", Some(LessThan)),
        ("不足", Some(LessThan)),
        ("少于", Some(LessThan)),
        ("低于", Some(LessThan)),
        ("约", Some(Approximately)),
        ("近", Some(AtMost)),
        ("超", Some(MoreThan)),
        ("逾", Some(MoreThan)),
    ]
};

/// Hedging words after an amount.
const SUFFIXES: [(&str, Qualifier); 6] = [
    ("左右", Qualifier::Approximately),
    ("上下", Qualifier::Approximately),
    ("前后", Qualifier::Approximately),
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
];

/// The hedge and the text between the hedging words. Before a time, `近` means "recent"
/// (`近三年` is the last three years), so it is dropped without a hedge.
fn strip_qualifiers(cs: &[char], is_time: bool) -> (Option<Qualifier>, &[char]) {
    let mut core = cs;
    let mut q = None;
    if is_time {
        if let Some(rest) = strip_prefix(core, "最近").or_else(|| strip_prefix(core, "近")) {
            core = rest;
        }
    }
    if let Some((rest, hedge)) = PREFIXES
        .iter()
        .find_map(|(w, h)| strip_prefix(core, w).map(|rest| (rest, *h)))
    {
        core = rest;
        q = hedge;
    }
    if let Some((rest, hedge)) = SUFFIXES
        .iter()
        .find_map(|(w, h)| strip_suffix(core, w).map(|rest| (rest, *h)))
    {
        core = rest;
        q = q.or(Some(hedge));
    }
    (q, core)
}

/// `cs` without the leading `word`, if it starts with it.
pub(crate) fn strip_prefix<'a>(cs: &'a [char], word: &str) -> Option<&'a [char]> {
    let n = word.chars().count();
    (cs.len() >= n && cs.iter().take(n).copied().eq(word.chars())).then(|| &cs[n..])
}

/// `cs` without the trailing `word`, if it ends with it.
pub(crate) fn strip_suffix<'a>(cs: &'a [char], word: &str) -> Option<&'a [char]> {
    let n = word.chars().count();
    let at = cs.len().checked_sub(n)?;
    cs[at..].iter().copied().eq(word.chars()).then(|| &cs[..at])
}
