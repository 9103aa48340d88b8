//! Tables of surface texts and their values, round trips over generated numerals, and junk that
//! must not panic.

use super::*;
use crate::report::EntityType::{Quantity as Q, Time as T};
use Qualifier::{Approximately as Approx, AtLeast, AtMost, LessThan, MoreThan};

pub(super) fn date(
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    part: Option<&str>,
) -> Value {
    Value::Date {
        year,
        month,
        day,
        part: part.map(String::from),
        relative: None,
        hour: None,
        minute: None,
    }
}

fn rel(r: i32, month: Option<u8>, part: Option<&str>) -> Value {
    match date(None, month, None, part) {
        Value::Date {
            year,
            month,
            day,
            part,
            hour,
            minute,
            ..
        } => Value::Date {
            year,
            month,
            day,
            part,
            relative: Some(r),
            hour,
            minute,
        },
        v => v,
    }
}

fn money(amount: f64, currency: &str) -> Value {
    let currency = currency.into();
    Value::Money { amount, currency }
}

fn measure(amount: f64, unit: &str, si_amount: Option<f64>) -> Value {
    let unit = unit.into();
    Value::Measure {
        amount,
        unit,
        si_amount,
    }
}

pub(super) fn count(amount: f64, measure: &str) -> Value {
    let measure = measure.into();
    Value::Count { amount, measure }
}

fn dur(amount: f64, unit: &str) -> Value {
    let unit = unit.into();
    Value::Duration { amount, unit }
}

fn num(amount: f64) -> Value {
    Value::Number { amount }
}

fn pct(value: f64) -> Value {
    Value::Percent { value }
}

fn check(cases: &[(EntityType, &str, Value, Option<Qualifier>)]) {
    let mut bad = Vec::new();
    for (kind, text, value, qualifier) in cases {
        let want = NormalizedValue {
            value: value.clone(),
            qualifier: *qualifier,
        };
        let got = normalize(*kind, text);
        if got.as_ref() != Some(&want) {
            bad.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn dates_from_the_issue_and_the_finder() {
    check(&[
        (T, "2020年6月", date(Some(2020), Some(6), None, None), None),
        (T, "6月16日", date(None, Some(6), Some(16), None), None),
        (
            T,
            "2017年初",
            date(Some(2017), None, None, Some("初")),
            None,
        ),
        (T, "今年", rel(0, None, None), None),
        (T, "去年", rel(-1, None, None), None),
        (T, "明年", rel(1, None, None), None),
        (T, "前年", rel(-2, None, None), None),
        (T, "一九九八年", date(Some(1998), None, None, None), None),
        (T, "12月31日", date(None, Some(12), Some(31), None), None),
        (
            T,
            "十二月三十一日",
            date(None, Some(12), Some(31), None),
            None,
        ),
        (T, "二〇二〇年", date(Some(2020), None, None, None), None),
        (T, "二〇二四年", date(Some(2024), None, None, None), None),
        (T, "二○二○年", date(Some(2020), None, None, None), None),
        (
            T,
            "２０２０年６月",
            date(Some(2020), Some(6), None, None),
            None,
        ),
        (
            T,
            "2024年5月3日上午",
            date(Some(2024), Some(5), Some(3), Some("上午")),
            None,
        ),
        (
            T,
            "2024年5月3日",
            date(Some(2024), Some(5), Some(3), None),
            None,
        ),
        (T, "5月3日", date(None, Some(5), Some(3), None), None),
        (T, "10月1号", date(None, Some(10), Some(1), None), None),
        (T, "去年10月", rel(-1, Some(10), None), None),
        (T, "今年4月底", rel(0, Some(4), Some("底")), None),
        (T, "今年初", rel(0, None, Some("初")), None),
        (T, "今年上半年", rel(0, None, Some("上半年")), None),
        (
            T,
            "2019年年底",
            date(Some(2019), None, None, Some("底")),
            None,
        ),
        (
            T,
            "2023年第三季度",
            date(Some(2023), None, None, Some("Q3")),
            None,
        ),
        (T, "3月上旬", date(None, Some(3), None, Some("上旬")), None),
        (
            T,
            "90年代",
            date(Some(1990), None, None, Some("年代")),
            None,
        ),
        (
            T,
            "20世纪90年代",
            date(Some(1990), None, None, Some("年代")),
            None,
        ),
        (
            T,
            "20世纪",
            date(Some(1900), None, None, Some("世纪")),
            None,
        ),
        (
            T,
            "2020\n年6月",
            date(Some(2020), Some(6), None, None),
            None,
        ),
    ]);
}

#[test]
fn clocks_and_durations() {
    let clock = |hour, minute| Value::Clock { hour, minute };
    check(&[
        (T, "下午3点", clock(15, 0), None),
        (T, "九点半", clock(9, 30), None),
        (T, "上午10时30分", clock(10, 30), None),
        (T, "晚上8点一刻", clock(20, 15), None),
        (T, "中午12点", clock(12, 0), None),
        (T, "凌晨3点", clock(3, 0), None),
        (T, "三年", dur(3.0, "year"), None),
        (T, "二十年", dur(20.0, "year"), None),
        (T, "两个月", dur(2.0, "month"), None),
        (T, "10天", dur(10.0, "day"), None),
        (T, "3个小时", dur(3.0, "hour"), None),
        (T, "半年", dur(0.5, "year"), None),
        (T, "一年半", dur(1.5, "year"), None),
        (T, "两个半月", dur(2.5, "month"), None),
        (T, "40多年", dur(40.0, "year"), Some(MoreThan)),
        (T, "十几天", dur(10.0, "day"), Some(MoreThan)),
        (T, "两个多月", dur(2.0, "month"), Some(MoreThan)),
        (T, "近三年", dur(3.0, "year"), None),
        (T, "约10天", dur(10.0, "day"), Some(Approx)),
        (T, "300年", dur(300.0, "year"), None),
        (Q, "3个月", dur(3.0, "month"), None),
    ]);
    let v = normalize(T, "5月3日下午3点").map(|v| v.value);
    let Some(Value::Date { hour, minute, .. }) = v else {
        panic!("{v:?}")
    };
    assert_eq!((hour, minute), (Some(15), Some(0)));
}

#[test]
fn money_measures_percentages_counts() {
    check(&[
        (Q, "9504万元", money(95_040_000.0, "CNY"), None),
        (Q, "4.3亿元", money(430_000_000.0, "CNY"), None),
        (Q, "3000亿元", money(3e11, "CNY"), None),
        (Q, "1,200元", money(1200.0, "CNY"), None),
        (Q, "5000万美元", money(5e7, "USD"), None),
        (Q, "2亿欧元", money(2e8, "EUR"), None),
        (Q, "100港元", money(100.0, "HKD"), None),
        (Q, "人民币9504万元", money(95_040_000.0, "CNY"), None),
        (Q, "5000万元人民币", money(5e7, "CNY"), None),
        (Q, "3万亿元", money(3e12, "CNY"), None),
        (Q, "1亿2000万元", money(1.2e8, "CNY"), None),
        (Q, "775米", measure(775.0, "m", Some(775.0)), None),
        (Q, "82千米", measure(82.0, "km", Some(82_000.0)), None),
        (Q, "82公里", measure(82.0, "km", Some(82_000.0)), None),
        (
            Q,
            "4546亩",
            measure(4546.0, "mu", Some(4546.0 * 10_000.0 / 15.0)),
            None,
        ),
        (Q, "2000平方米", measure(2000.0, "m2", Some(2000.0)), None),
        (Q, "3平方公里", measure(3.0, "km2", Some(3e6)), None),
        (Q, "5公顷", measure(5.0, "ha", Some(5e4)), None),
        (Q, "8吨", measure(8.0, "t", Some(8000.0)), None),
        (Q, "20万吨", measure(2e5, "t", Some(2e8)), None),
        (Q, "5升", measure(5.0, "L", Some(0.005)), None),
        (Q, "38℃", measure(38.0, "℃", None), None),
        (Q, "3个百分点", measure(3.0, "pp", None), None),
        (Q, "38%", pct(38.0), None),
        (Q, "38％", pct(38.0), None),
        (Q, "百分之五十", pct(50.0), None),
        (Q, "百分之三十", pct(30.0), None),
        (Q, "百分之五", pct(5.0), None),
        (Q, "三成", pct(30.0), None),
        (Q, "5‰", pct(0.5), None),
        (Q, "千分之五", pct(0.5), None),
        (Q, "5条", count(5.0, "条"), None),
        (Q, "12个项目", count(12.0, "个"), None),
        (Q, "45万辆", count(450_000.0, "辆"), None),
        (Q, "8.6万个", count(86_000.0, "个"), None),
        (Q, "40多名", count(40.0, "名"), Some(MoreThan)),
        (Q, "两百件", count(200.0, "件"), None),
        (Q, "三千册", count(3000.0, "册"), None),
        (Q, "1.5倍", count(1.5, "倍"), None),
        (Q, "10万人次", count(1e5, "人次"), None),
        (Q, "三个", count(3.0, "个"), None),
        (Q, "三千五百", num(3500.0), None),
        (Q, "两万", num(20000.0), None),
        (Q, "十二", num(12.0), None),
        (Q, "3.5万", num(35_000.0), None),
        (Q, "1,200", num(1200.0), None),
        (Q, "两千多", num(2000.0), Some(MoreThan)),
        (Q, "十几", num(10.0), Some(MoreThan)),
        (Q, "几十个", count(10.0, "个"), Some(MoreThan)),
        (Q, "40多万人", count(400_000.0, "人"), Some(MoreThan)),
    ]);
}

#[test]
fn hedges_are_kept() {
    check(&[
        (Q, "约5000人", count(5000.0, "人"), Some(Approx)),
        (Q, "大约3.5万元", money(35_000.0, "CNY"), Some(Approx)),
        (Q, "近百人", count(100.0, "人"), Some(AtMost)),
        (Q, "超过1000家", count(1000.0, "家"), Some(MoreThan)),
        (Q, "逾千名", count(1000.0, "名"), Some(MoreThan)),
        (Q, "至少3人", count(3.0, "人"), Some(AtLeast)),
        (Q, "不到10%", pct(10.0), Some(LessThan)),
        (Q, "最多5条", count(5.0, "条"), Some(AtMost)),
        (Q, "100万元左右", money(1e6, "CNY"), Some(Approx)),
        (Q, "60岁以上", count(60.0, "岁"), Some(AtLeast)),
        (Q, "超过40多名", count(40.0, "名"), Some(MoreThan)),
    ]);
}

#[test]
fn mixed_scripts_and_broken_lines() {
    check(&[
        (Q, "95\n04万元", money(95_040_000.0, "CNY"), None),
        (Q, "３.５万元", money(35_000.0, "CNY"), None),
        (Q, "１，２００元", money(1200.0, "CNY"), None),
        (Q, "2万5千元", money(25_000.0, "CNY"), None),
        (Q, "两万五千元", money(25_000.0, "CNY"), None),
        (Q, "壹万贰仟元", money(12_000.0, "CNY"), None),
        (T, "二0二0年", date(Some(2020), None, None, None), None),
        (Q, "$100", money(100.0, "USD"), None),
    ]);
}

#[test]
fn unreadable_texts_give_none() {
    for (kind, text) in [
        (T, "春节"),
        (T, "今天"),
        (T, "2020年至2022年"),
        (T, "2024年13月"),
        (T, "5月32日"),
        (T, "周一"),
        (T, "上午"),
        (T, "2020年三个月"),
        (T, ""),
        (Q, "第三名"),
        (Q, "3-5个"),
        (Q, "三四百人"),
        (Q, "多家"),
        (Q, "500元/吨"),
        (Q, "US$100元"),
        (Q, ""),
        (EntityType::Person, "三千"),
    ] {
        assert_eq!(normalize(kind, text), None, "{text:?}");
    }
}

#[test]
fn chinese_numbers() {
    let cases: [(&str, f64); 30] = [
        ("零", 0.0),
        ("〇", 0.0),
        ("十", 10.0),
        ("十二", 12.0),
        ("二十", 20.0),
        ("一百零五", 105.0),
        ("一百五", 150.0),
        ("三千五百", 3500.0),
        ("三千五", 3500.0),
        ("两万", 20_000.0),
        ("两万五", 25_000.0),
        ("十万", 100_000.0),
        ("一亿二千万", 1.2e8),
        ("三万亿", 3e12),
        ("万万", f64::NAN),
        ("一九九八", 1998.0),
        ("二〇二〇", 2020.0),
        ("廿三", 23.0),
        ("卅", 30.0),
        ("半", 0.5),
        ("三点五", 3.5),
        ("3.5万", 35_000.0),
        ("2万5千", 25_000.0),
        ("1,200", 1200.0),
        ("1,234,567.5", 1_234_567.5),
        ("１２３", 123.0),
        ("-5", -5.0),
        ("负三", -3.0),
        ("壹仟贰佰", 1200.0),
        ("4.3亿", 4.3e8),
    ];
    for (text, want) in cases {
        let got = parse_chinese_number(text);
        if want.is_nan() {
            assert_eq!(got, None, "{text}");
        } else {
            assert_eq!(got, Some(want), "{text}");
        }
    }
    for junk in [
        "", "abc", "十百", "三四", "1,2", "万", "点五", "3..5", "百分", "😀",
    ] {
        assert_eq!(parse_chinese_number(junk), None, "{junk:?}");
    }
}

#[test]
fn display_is_short_and_normalised() {
    let shown = |kind, text| normalize(kind, text).map(|v| display(&v));
    for (kind, text, want) in [
        (T, "2020年6月", "2020-06"),
        (T, "2024年5月3日上午", "2024-05-03 上午"),
        (T, "2017年初", "2017 年初"),
        (T, "十二月三十一日", "12月31日"),
        (T, "去年10月", "去年10月"),
        (T, "下午3点", "15:00"),
        (T, "两个月", "2 个月"),
        (T, "90年代", "1990年代"),
        (Q, "9504万元", "95,040,000 元"),
        (Q, "82千米", "82 km"),
        (Q, "2000平方米", "2,000 m²"),
        (Q, "4546亩", "4,546 亩 ≈ 3,030,667 m²"),
        (Q, "百分之五十", "50%"),
        (Q, "40多名", ">40 名"),
        (Q, "约3.5万", "≈35,000"),
    ] {
        assert_eq!(shown(kind, text).as_deref(), Some(want), "{text}");
    }
}
