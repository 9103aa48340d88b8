//! A short rendering of a value for a tooltip: `2020-06`, `2017 年初`, `95,040,000 元`, `82 km`,
//! `50%`, `>40 名`.
//!
//! Dates with an absolute year use ISO order (the point of normalising them); dates without one
//! stay in Chinese with Arabic digits (`12月31日`, `去年10月`), since an ISO form would need a
//! year the text does not give.

use super::{NormalizedValue, Qualifier, Value};

/// The value as a reader would want it spelt out, hedge first.
pub fn display(v: &NormalizedValue) -> String {
    let body = match &v.value {
        Value::Date { .. } => date(&v.value),
        Value::Clock { hour, minute } => format!("{hour:02}:{minute:02}"),
        Value::Duration { amount, unit } => format!("{} {}", number(*amount), duration_unit(unit)),
        Value::Money { amount, currency } => {
            format!("{} {}", number(*amount), currency_name(currency))
        }
        Value::Measure {
            amount,
            unit,
            si_amount,
        } => measure(*amount, unit, *si_amount),
        Value::Percent { value } => format!("{}%", number(*value)),
        Value::Count { amount, measure } => format!("{} {measure}", number(*amount)),
        Value::Number { amount } => number(*amount),
    };
    match v.qualifier {
        Some(q) => format!("{}{body}", hedge_sign(q)),
        None => body,
    }
}

fn hedge_sign(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Approximately => "≈",
        Qualifier::AtLeast => "≥",
        Qualifier::AtMost => "≤",
        Qualifier::MoreThan => ">",
        Qualifier::LessThan => "<",
    }
}

fn date(v: &Value) -> String {
    let Value::Date {
        year,
        month,
        day,
        part,
        relative,
        hour,
        minute,
    } = v
    else {
        return String::new();
    };
    let part = part.as_deref();
    let mut out = String::new();
    match (year, part) {
        (Some(y), Some("世纪")) => out = format!("{}世纪", y / 100 + 1),
        (Some(y), Some("年代")) => out = format!("{y}年代"),
        (Some(y), _) => {
            out.push_str(&y.to_string());
            if let Some(m) = month {
                out.push_str(&format!("-{m:02}"));
                if let Some(d) = day {
                    out.push_str(&format!("-{d:02}"));
                }
            } else if let Some(d) = day {
                out.push_str(&format!(" {d}日"));
            }
            if let Some(p) = part {
                // 2017 年初, 2020-04 月底, 2024-05-03 上午
                let level = match (month, day) {
                    _ if !matches!(p, "初" | "中" | "底" | "末") => "",
                    (None, None) => "年",
                    (Some(_), None) => "月",
                    _ => "",
                };
                out.push_str(&format!(" {level}{p}"));
            }
        }
        (None, _) => {
            if let Some(r) = relative {
                out.push_str(&relative_year(*r));
            }
            if let Some(m) = month {
                out.push_str(&format!("{m}月"));
            }
            if let Some(d) = day {
                out.push_str(&format!("{d}日"));
            }
            if let Some(p) = part {
                out.push_str(p);
            }
        }
    }
    if let Some(h) = hour {
        out.push_str(&format!(" {h:02}:{:02}", minute.unwrap_or(0)));
    }
    out
}

fn relative_year(r: i32) -> String {
    match r {
        -3 => "大前年".into(),
        -2 => "前年".into(),
        -1 => "去年".into(),
        0 => "今年".into(),
        1 => "明年".into(),
        2 => "后年".into(),
        3 => "大后年".into(),
        _ => format!("今年{r:+}年"),
    }
}

fn duration_unit(unit: &str) -> &str {
    match unit {
        "year" => "年",
        "month" => "个月",
        "week" => "周",
        "day" => "天",
        "hour" => "小时",
        "minute" => "分钟",
        "second" => "秒",
        other => other,
    }
}

fn currency_name(code: &str) -> &str {
    match code {
        "CNY" => "元",
        "USD" => "美元",
        "EUR" => "欧元",
        "HKD" => "港元",
        "JPY" => "日元",
        "GBP" => "英镑",
        "KRW" => "韩元",
        "RUB" => "卢布",
        "AUD" => "澳元",
        "CAD" => "加元",
        "TWD" => "新台币",
        "MOP" => "澳门元",
        other => other,
    }
}

/// `82 km`; units a metric reader may not know (`亩`, `斤`, `mi`) also get the SI amount.
fn measure(amount: f64, unit: &str, si: Option<f64>) -> String {
    let shown = match unit {
        "m2" => "m²",
        "km2" => "km²",
        "cm2" => "cm²",
        "m3" => "m³",
        "mu" => "亩",
        "jin" => "斤",
        "pp" => "个百分点",
        other => other,
    };
    measure_named(amount, unit, si, shown)
}

/// A measure with its unit shown as `shown` (the page's English names `mu`, `jin`,
/// `percentage points` for the engine's 亩, 斤, 个百分点), and its SI equivalent where the unit
/// has one: `3 亩 ≈ 2,000 m²`.
pub fn measure_named(amount: f64, unit: &str, si: Option<f64>, shown: &str) -> String {
    let si_unit = match unit {
        "mu" => Some("m²"),
        "jin" => Some("kg"),
        "mi" | "nmi" | "ft" => Some("m"),
        _ => None,
    };
    match (si, si_unit) {
        (Some(x), Some(base)) => {
            format!("{} {shown} ≈ {} {base}", number(amount), number(x.round()))
        }
        _ => format!("{} {shown}", number(amount)),
    }
}

/// `95040000` → `95,040,000`; `3.25` → `3.25`; astronomically large values in `e` notation.
pub(crate) fn number(x: f64) -> String {
    if !x.is_finite() || x.abs() >= 1e15 {
        return format!("{x:e}");
    }
    let rounded = (x * 1e6).round() / 1e6;
    let text = format!("{:.6}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}
