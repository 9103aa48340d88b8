//! Properties rather than examples: every integer below 100,000 written four ways reads back as
//! itself, years written digit by digit read as years, junk never panics, and the JSON form
//! round-trips.

use super::tests::{count, date};
use super::*;
use crate::report::EntityType::{Quantity as Q, Time as T};

/// The usual way to write `n` in Chinese numerals: 十二 (not 一十二), 一万零五百, 一百零五.
fn to_chinese(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fn group(g: u64, leading: bool) -> String {
        let ds = [g / 1000, g / 100 % 10, g / 10 % 10, g % 10];
        let units = ["千", "百", "十", ""];
        let (mut out, mut zero, mut started) = (String::new(), false, false);
        for (i, &d) in ds.iter().enumerate() {
            if d == 0 {
                zero |= started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            if !(leading && !started && i == 2 && d == 1) {
                out.push(DIGITS[d as usize]);
            }
            out.push_str(units[i]);
            started = true;
        }
        out
    }
    let (high, low) = (n / 10_000, n % 10_000);
    match (high, low) {
        (0, 0) => "零".into(),
        (0, _) => group(low, true),
        (_, 0) => format!("{}万", group(high, true)),
        (_, l) if l < 1000 => format!("{}万零{}", group(high, true), group(low, false)),
        _ => format!("{}万{}", group(high, true), group(low, false)),
    }
}

#[test]
fn numerals_round_trip() {
    for n in 0..100_000u64 {
        let x = n as f64;
        let arabic = n.to_string();
        let grouped = display::number(x);
        let wide: String = arabic
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect();
        let chinese = to_chinese(n);
        for text in [&arabic, &grouped, &wide, &chinese] {
            assert_eq!(parse_chinese_number(text), Some(x), "{text}");
        }
        if n % 97 == 0 {
            let counted = normalize(Q, &format!("{chinese}个")).map(|v| v.value);
            assert_eq!(counted, Some(count(x, "个")), "{chinese}个");
        }
    }
    for year in 1000..=2100u32 {
        let digits: String = year
            .to_string()
            .chars()
            .map(|c| {
                ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九']
                    [c as usize - '0' as usize]
            })
            .collect();
        assert_eq!(parse_chinese_number(&digits), Some(f64::from(year)));
        let v = normalize(T, &format!("{digits}年")).map(|v| v.value);
        assert_eq!(
            v,
            Some(date(Some(year as i32), None, None, None)),
            "{digits}"
        );
    }
}

#[test]
fn junk_never_panics() {
    let alphabet: Vec<char> =
        "0123456789.,%-+零〇一二两三四五六七八九十百千万亿廿卅半点多余几数第个年月日号时分秒天周上下午元米亩百分之约近超过左右以上 \n😀🏽\u{0}é"
            .chars()
            .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..20_000 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let len = (seed >> 59) as usize;
        let text: String = (0..len)
            .map(|i| {
                let r = seed.rotate_left(i as u32 * 7) as usize;
                alphabet[r % alphabet.len()]
            })
            .collect();
        let _ = parse_chinese_number(&text);
        for kind in [T, Q] {
            if let Some(v) = normalize(kind, &text) {
                let _ = display(&v);
            }
        }
    }
    let long = [
        "一".repeat(1000),
        "九".repeat(1000),
        "亿".repeat(1000),
        format!("一{}", "亿".repeat(1000)),
        "十".repeat(1000),
        "9".repeat(1000),
        format!("1{}", ",000".repeat(300)),
        format!("{}元", "9".repeat(1000)),
        "一十".repeat(500),
    ];
    for text in &long {
        if let Some(x) = parse_chinese_number(text) {
            assert!(x.is_finite(), "{x}");
        }
        for kind in [T, Q] {
            if let Some(v) = normalize(kind, text) {
                assert!(!display(&v).is_empty());
            }
        }
    }
}

#[test]
fn serialises_flat_with_a_kind_tag() {
    let v = normalize(Q, "超过9504万元");
    let json = serde_json::to_string(&v).unwrap_or_default();
    assert_eq!(
        json,
        r#"{"kind":"money","amount":95040000.0,"currency":"CNY","qualifier":"more_than"}"#
    );
    let back: Option<NormalizedValue> = serde_json::from_str(&json).ok();
    assert_eq!(back, v);
    let d = normalize(T, "去年10月");
    let json = serde_json::to_string(&d).unwrap_or_default();
    assert!(
        json.contains(r#""kind":"date""#) && !json.contains("hour"),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<Option<NormalizedValue>>(&json).ok(),
        Some(d)
    );
}
