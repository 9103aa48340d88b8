//! Money, measures, percentages and counts: `9504万元`, `82千米`, `百分之五十`, `三成`,
//! `40多名`, `12个项目`.
//!
//! Units are matched at the *end* of the text first, longest first, and the rest must be a whole
//! amount: `82千米` is 82 km, never 82,000 米, because 千米 is tried before 米. Only then is a
//! measure word looked for right after the amount (`12个项目`).

use super::number::{scan, tidy};
use super::{strip_prefix, strip_suffix, Qualifier, Value};

/// Money words and their ISO 4217 codes, longest first.
const CURRENCIES: [(&str, &str); 17] = [
    ("元人民币", "CNY"),
    ("人民币", "CNY"),
    ("块钱", "CNY"),
    ("元", "CNY"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("欧元", "EUR"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("日元", "JPY"),
    ("英镑", "GBP"),
    ("韩元", "KRW"),
    ("卢布", "RUB"),
    ("澳元", "AUD"),
    ("加元", "CAD"),
    ("新台币", "TWD"),
    ("澳门元", "MOP"),
];

/// Currency signs written before the amount.
const CURRENCY_SIGNS: [(&str, &str); 7] = [
    ("人民币", "CNY"),
    ("HK$", "HKD"),
    ("US$", "USD"),
    ("$", "USD"),
    ("¥", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
];

/// Units of measure: surface, canonical symbol, and the factor to the SI base unit (if any).
const MEASURES: [(&str, &str, Option<f64>); 51] = [
    ("个百分点", "pp", None),
    ("平方公里", "km2", Some(1e6)),
    ("平方千米", "km2", Some(1e6)),
    ("平方厘米", "cm2", Some(1e-4)),
    ("平方米", "m2", Some(1.0)),
    ("立方米", "m3", Some(1.0)),
    ("千瓦时", "kWh", Some(3.6e6)),
    ("摄氏度", "℃", None),
    ("公里", "km", Some(1e3)),
    ("千米", "km", Some(1e3)),
    ("厘米", "cm", Some(1e-2)),
    ("毫米", "mm", Some(1e-3)),
    ("微米", "μm", Some(1e-6)),
    ("纳米", "nm", Some(1e-9)),
    ("英里", "mi", Some(1609.344)),
    ("海里", "nmi", Some(1852.0)),
    ("英尺", "ft", Some(0.3048)),
    ("公顷", "ha", Some(1e4)),
    ("毫升", "mL", Some(1e-6)),
    ("公升", "L", Some(1e-3)),
    ("千克", "kg", Some(1.0)),
    ("公斤", "kg", Some(1.0)),
    ("毫克", "mg", Some(1e-6)),
    ("千瓦", "kW", Some(1e3)),
    ("兆瓦", "MW", Some(1e6)),
    ("吉瓦", "GW", Some(1e9)),
    ("百分点", "pp", None),
    ("km2", "km2", Some(1e6)),
    ("km²", "km2", Some(1e6)),
    ("m2", "m2", Some(1.0)),
    ("m²", "m2", Some(1.0)),
    ("m3", "m3", Some(1.0)),
    ("m³", "m3", Some(1.0)),
    ("kWh", "kWh", Some(3.6e6)),
    ("km", "km", Some(1e3)),
    ("cm", "cm", Some(1e-2)),
    ("mm", "mm", Some(1e-3)),
    ("kg", "kg", Some(1.0)),
    ("kW", "kW", Some(1e3)),
    ("MW", "MW", Some(1e6)),
    ("°C", "℃", None),
    ("㎡", "m2", Some(1.0)),
    ("㎞", "km", Some(1e3)),
    ("㎏", "kg", Some(1.0)),
    ("℃", "℃", None),
    ("米", "m", Some(1.0)),
    ("亩", "mu", Some(10_000.0 / 15.0)),
    ("升", "L", Some(1e-3)),
    ("克", "g", Some(1e-3)),
    ("斤", "jin", Some(0.5)),
    ("吨", "t", Some(1e3)),
];

/// Measure words that count things (`5条`, `12个项目`), longest first.
const MEASURE_WORDS: [&str; 62] = [
    "人次", "架次", "个", "项", "家", "名", "位", "人", "只", "件", "台", "辆", "座", "条", "种",
    "次", "岁", "倍", "户", "套", "份", "所", "架", "艘", "批", "场", "届", "篇", "块", "张", "间",
    "层", "头", "匹", "棵", "株", "双", "对", "组", "例", "枚", "颗", "杯", "瓶", "箱", "股", "本",
    "页", "字", "部", "起", "处", "支", "把", "根", "片", "首", "幅", "册", "轮", "款", "度",
];

/// Reads a whole quantity text; `None` unless every char is understood.
pub(super) fn parse(cs: &[char]) -> Option<(Value, Option<Qualifier>)> {
    if cs.first() == Some(&'第') {
        return None; // an ordinal, not an amount
    }
    for (prefix, per) in [("百分之", 1.0), ("千分之", 0.1)] {
        if let Some(rest) = strip_prefix(cs, prefix) {
            let (v, q) = amount(rest)?;
            return Some((
                Value::Percent {
                    value: tidy(v * per),
                },
                q,
            ));
        }
    }
    let (sign_currency, cs) = CURRENCY_SIGNS
        .iter()
        .find_map(|&(w, code)| strip_prefix(cs, w).map(|r| (Some(code), r)))
        .unwrap_or((None, cs));
    if let Some(found) = money(cs, sign_currency) {
        return Some(found);
    }
    if sign_currency.is_some() {
        return None;
    }
    for (sign, per) in [("%", 1.0), ("‰", 0.1), ("成", 10.0)] {
        if let Some((v, q)) = strip_suffix(cs, sign).and_then(amount) {
            return Some((
                Value::Percent {
                    value: tidy(v * per),
                },
                q,
            ));
        }
    }
    for &(word, unit, si) in &MEASURES {
        if let Some((amount, q)) = strip_suffix(cs, word).and_then(amount) {
            let si_amount = si.map(|f| tidy(amount * f));
            let unit = unit.to_string();
            return Some((
                Value::Measure {
                    amount,
                    unit,
                    si_amount,
                },
                q,
            ));
        }
    }
    count(cs)
}

/// `9504万元`, `4.3亿美元`, `人民币100` (sign given), `5000万元人民币`.
fn money(cs: &[char], sign: Option<&str>) -> Option<(Value, Option<Qualifier>)> {
    let word = CURRENCIES
        .iter()
        .filter_map(|&(w, code)| strip_suffix(cs, w).map(|r| (r, code)))
        .min_by_key(|(r, _)| r.len());
    let (body, currency) = match (word, sign) {
        (Some((r, code)), None) => (r, code),
        // ¥100元 agrees; US$100元 does not.
        (Some((r, code)), Some(s)) if s == code => (r, code),
        (Some(_), Some(_)) => return None,
        (None, Some(s)) => (cs, s),
        (None, None) => return None,
    };
    let (amount, q) = amount(body)?;
    let currency = currency.to_string();
    Some((Value::Money { amount, currency }, q))
}

/// `5条`, `45万辆`, `12个项目`, `3000`, `两千多`: an amount, then a measure word (and perhaps the
/// noun it counts), or nothing.
fn count(cs: &[char]) -> Option<(Value, Option<Qualifier>)> {
    if let Some((amount, q)) = amount(cs) {
        return Some((Value::Number { amount }, q));
    }
    // The longest amount followed by a measure word.
    (1..cs.len()).rev().find_map(|split| {
        let (head, tail) = cs.split_at(split);
        let (amount, q) = amount(head)?;
        let measure = MEASURE_WORDS
            .iter()
            .find(|w| strip_prefix(tail, w).is_some())
            .map(|w| w.to_string())
            .or_else(|| lone_measure(tail))?;
        let noun = &tail[measure.chars().count()..];
        // `3个月` is a duration, not three of something called 月.
        let timed = noun.iter().any(|c| "年月日天时周秒钟".contains(*c));
        if noun.len() > 4 || timed || !noun.iter().all(|&c| is_han(c)) {
            return None;
        }
        Some((Value::Count { amount, measure }, q))
    })
}

/// A single Han char after an amount that is no known measure word (the finder tagged it `q`);
/// date and clock units are times, not counts.
fn lone_measure(tail: &[char]) -> Option<String> {
    match tail {
        [c] if is_han(*c) && !"年月日号时点分秒天周季世多余几来万亿千百十".contains(*c) => {
            Some(c.to_string())
        }
        _ => None,
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// A whole amount with its hedges: `3.5万`, `40多万`, `两千多`, `十几`, `几十`, `数百万`,
/// `十来`. `多`/`余`/`几`/`来` after a number, or `几`/`数` before a unit, mean "more than".
pub(super) fn amount(cs: &[char]) -> Option<(f64, Option<Qualifier>)> {
    let (mut value, mut rest, mut q) = match cs.first() {
        Some('几' | '数') => (1.0, &cs[1..], Some(Qualifier::MoreThan)),
        _ => {
            let n = scan(cs, true)?;
            (n.value, &cs[n.len..], None)
        }
    };
    if q.is_none() {
        if let Some((&c, r)) = rest.split_first() {
            if matches!(c, '多' | '余' | '几') {
                (rest, q) = (r, Some(Qualifier::MoreThan));
            } else if c == '来' {
                (rest, q) = (r, Some(Qualifier::Approximately));
            }
        }
    }
    // 40多万, 几十, 数百万: units after the hedge multiply the whole.
    let mut scaled = false;
    while let Some((&c, r)) = rest.split_first() {
        let f = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1e3,
            '万' => 1e4,
            '亿' => 1e8,
            _ => break,
        };
        value *= f;
        rest = r;
        scaled = true;
    }
    if !rest.is_empty() || (cs.first().is_some_and(|&c| c == '几' || c == '数') && !scaled) {
        return None;
    }
    Some((tidy(super::number::saturate(value)), q))
}
