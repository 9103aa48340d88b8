//! What a time or quantity means, in the page's language.

use wenxi_core::values::{NormalizedValue, Qualifier, Value};

use crate::i18n::Lang;

/// What a value means, for the page's language. The engine's own rendering
/// ([`wenxi_core::values::display`]) is Chinese where the value has no ISO form (`去年10月`,
/// `3 个月`, `600 元`); an English reader gets the same value in English.
pub fn value_text(v: &NormalizedValue, lang: Lang) -> String {
    match lang {
        Lang::Zh => wenxi_core::values::display(v),
        Lang::En => value_en(v),
    }
}

/// A number as the engine groups it (`95,040,000`, `1.2`).
fn number(amount: f64) -> String {
    wenxi_core::values::display(&NormalizedValue {
        value: Value::Number { amount },
        qualifier: None,
    })
}

fn value_en(v: &NormalizedValue) -> String {
    let plural = |amount: f64, one: &str, many: &str| {
        let unit = if amount == 1.0 { one } else { many };
        format!("{} {unit}", number(amount))
    };
    let body = match &v.value {
        Value::Date { .. } => date_en(&v.value),
        Value::Duration { amount, unit } => match unit.as_str() {
            "year" => plural(*amount, "year", "years"),
            "month" => plural(*amount, "month", "months"),
            "week" => plural(*amount, "week", "weeks"),
            "day" => plural(*amount, "day", "days"),
            "hour" => plural(*amount, "hour", "hours"),
            "minute" => plural(*amount, "minute", "minutes"),
            "second" => plural(*amount, "second", "seconds"),
            other => format!("{} {other}", number(*amount)),
        },
        Value::Money { amount, currency } => format!("{} {currency}", number(*amount)),
        // The engine's rendering names these units in Chinese.
        Value::Measure {
            amount,
            unit,
            si_amount,
        } if matches!(unit.as_str(), "mu" | "jin" | "pp") => {
            let shown = if unit == "pp" {
                "percentage points"
            } else {
                unit.as_str()
            };
            wenxi_core::values::measure_named(*amount, unit, *si_amount, shown)
        }
        Value::Count { amount, measure } => match count_noun(measure) {
            Some((one, many)) => plural(*amount, one, many),
            None => format!("{} (counted in {measure})", number(*amount)),
        },
        _ => wenxi_core::values::display(&NormalizedValue {
            value: v.value.clone(),
            qualifier: None,
        }),
    };
    match v.qualifier {
        None => body,
        Some(q) => {
            let hedge = match q {
                Qualifier::Approximately => "about",
                Qualifier::AtLeast => "at least",
                Qualifier::AtMost => "at most",
                Qualifier::MoreThan => "more than",
                Qualifier::LessThan => "less than",
            };
            format!("{hedge} {body}")
        }
    }
}

/// What a few common measure words count, in English (`12名` is 12 people).
fn count_noun(measure: &str) -> Option<(&'static str, &'static str)> {
    Some(match measure {
        "名" | "人" | "位" => ("person", "people"),
        "岁" | "周岁" => ("year old", "years old"),
        "册" | "卷" => ("volume", "volumes"),
        "户" => ("household", "households"),
        "次" => ("time", "times"),
        "件" => ("item", "items"),
        _ => return None,
    })
}

/// A date in English: ISO order when the year is known (`2020-06`, `early 2017`), else in words
/// (`October last year`, `December 31`).
fn date_en(v: &Value) -> String {
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
    let mut out = match (year, part.as_deref()) {
        (Some(y), Some("世纪")) => format!("{} century", ordinal(y / 100 + 1)),
        (Some(y), Some("年代")) => format!("the {y}s"),
        (Some(y), _) => match (month, day) {
            (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y}-{m:02}"),
            (None, Some(d)) => format!("{y}, day {d}"),
            (None, None) => y.to_string(),
        },
        (None, _) => {
            let month_name = month
                .map(|m| crate::i18n::month_en(u32::from(m)))
                .filter(|name| !name.is_empty());
            let mut words = match (month_name, day) {
                (Some(m), Some(d)) => format!("{m} {d}"),
                (Some(m), None) => m.to_string(),
                (None, Some(d)) => format!("day {d}"),
                (None, None) => String::new(),
            };
            if let Some(r) = relative {
                let year = match r {
                    -1 => "last year".to_string(),
                    0 => "this year".to_string(),
                    1 => "next year".to_string(),
                    -2 => "the year before last".to_string(),
                    2 => "the year after next".to_string(),
                    r if *r < 0 => format!("{} years ago", -r),
                    r => format!("in {r} years"),
                };
                words = if words.is_empty() {
                    year
                } else {
                    format!("{words} {year}")
                };
            }
            words
        }
    };
    let part_en = part.as_deref().and_then(|p| {
        Some(match p {
            "世纪" | "年代" => return None,
            "初" => "early",
            "中" => "mid",
            "底" | "末" => "late",
            "上旬" => "first ten days",
            "中旬" => "middle ten days",
            "下旬" => "last ten days",
            "上半年" => "first half",
            "下半年" => "second half",
            "春季" | "春天" | "春" => "spring",
            "夏季" | "夏天" | "夏" => "summer",
            "秋季" | "秋天" | "秋" => "autumn",
            "冬季" | "冬天" | "冬" => "winter",
            "凌晨" | "深夜" => "small hours",
            "清晨" | "早晨" | "早上" | "上午" => "morning",
            "中午" => "noon",
            "午后" | "下午" => "afternoon",
            "傍晚" => "dusk",
            "晚上" | "晚间" | "夜间" | "夜里" | "晚" => "evening",
            other => other,
        })
    });
    let edge = matches!(part.as_deref(), Some("初" | "中" | "底" | "末"));
    let iso_month = year.is_some() && month.is_some();
    let of_year = matches!(
        part.as_deref(),
        Some(
            "上半年"
                | "下半年"
                | "春季"
                | "夏季"
                | "秋季"
                | "冬季"
                | "春天"
                | "夏天"
                | "秋天"
                | "冬天"
        )
    );
    if let Some(p) = part_en {
        out = match () {
            _ if out.is_empty() => p.to_string(),
            // early 2017, late October last year; 2020-04, late in the month
            _ if edge && !iso_month => format!("{p} {out}"),
            _ if edge => format!("{out}, {p} in the month"),
            // spring 2020, the second half of this year
            _ if of_year && year.is_some() => format!("{p} {out}"),
            _ if of_year => format!("{p} of {out}"),
            _ => format!("{out}, {p}"),
        };
    }
    if let Some(h) = hour {
        out.push_str(&format!(" {h:02}:{:02}", minute.unwrap_or(0)));
    }
    out
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenxi_core::values::normalize;
    use wenxi_core::EntityType;

    fn en(kind: EntityType, text: &str) -> String {
        normalize(kind, text)
            .map(|v| value_text(&v, Lang::En))
            .unwrap_or_default()
    }

    #[test]
    fn english_readers_get_values_in_english() {
        assert_eq!(en(EntityType::Quantity, "9504万元"), "95,040,000 CNY");
        assert_eq!(en(EntityType::Time, "2020年6月"), "2020-06");
        assert_eq!(en(EntityType::Time, "2017年初"), "early 2017");
        assert_eq!(en(EntityType::Time, "去年10月"), "October last year");
        assert_eq!(en(EntityType::Time, "两个月"), "2 months");
        assert_eq!(en(EntityType::Time, "三年"), "3 years");
        assert_eq!(en(EntityType::Quantity, "40多名"), "more than 40 people");
        assert_eq!(en(EntityType::Quantity, "24岁"), "24 years old");
        assert_eq!(en(EntityType::Quantity, "5条"), "5 (counted in 条)");
        assert_eq!(
            en(EntityType::Time, "今年下半年"),
            "second half of this year"
        );
        assert_eq!(en(EntityType::Time, "2020年春季"), "spring 2020");
        assert_eq!(en(EntityType::Quantity, "百分之五十"), "50%");
        assert_eq!(
            en(EntityType::Quantity, "约1800万元"),
            "about 18,000,000 CNY"
        );
        assert_eq!(en(EntityType::Quantity, "三百亩"), "300 mu ≈ 200,000 m²");
        // The Chinese page keeps the engine's own rendering.
        let v = normalize(EntityType::Time, "去年10月");
        assert_eq!(
            v.map(|v| value_text(&v, Lang::Zh)).as_deref(),
            Some("去年10月")
        );
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(21), "21st");
        assert_eq!(ordinal(12), "12th");
        assert_eq!(ordinal(3), "3rd");
    }
}
