//! The engine on a realistic news article (`fixtures/news.txt`, written for these tests).

mod common;

use common::analyzer;
use wenxi_core::cloud::{placed_ink, EstimatedGlyphs};
use wenxi_core::normalize::Normalized;
use wenxi_core::{Entity, EntityType, Keyword, Options, Report};

const ARTICLE: &str = include_str!("fixtures/news.txt");

fn report() -> &'static Report {
    static REPORT: std::sync::OnceLock<Report> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| analyzer().analyse(ARTICLE, &Options::default()))
}

fn normalized() -> String {
    Normalized::new(ARTICLE).text
}

fn find<'a>(list: &'a [Keyword], term: &str) -> Option<(usize, &'a Keyword)> {
    list.iter().enumerate().find(|(_, k)| k.term == term)
}

fn entity(kind: EntityType, text: &str) -> Option<&'static Entity> {
    report()
        .entities
        .iter()
        .find(|e| e.kind == kind && e.text == text)
}

#[test]
fn topic_words_lead_both_rankings() {
    let r = report();
    for term in ["新能源", "武汉", "电池"] {
        for (name, list) in [("tfidf", &r.keywords), ("textrank", &r.textrank)] {
            let found = find(list, term);
            assert!(
                found.is_some_and(|(rank, _)| rank < 10),
                "{term} not in the top 10 of {name}: {:?}",
                list.iter().take(10).map(|k| &k.term).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn keyword_counts_match_the_text() {
    let text = normalized();
    // 新能源 and 工厂 never occur inside a longer word of the article, so tokens and substrings
    // must agree exactly.
    for term in ["新能源", "工厂"] {
        let k = find(&report().keywords, term).map(|(_, k)| k);
        assert_eq!(
            k.map(|k| k.count),
            Some(text.matches(term).count()),
            "{term}"
        );
    }
    // In general a term is counted as a token, so at most as often as it occurs as a substring.
    for k in report().keywords.iter().chain(&report().textrank) {
        assert!(k.count >= 1, "{k:?}");
        assert!(k.count <= text.matches(k.term.as_str()).count(), "{k:?}");
    }
}

#[test]
fn scores_are_normalised_and_non_increasing() {
    for list in [&report().keywords, &report().textrank] {
        assert_eq!(list.first().map(|k| k.score), Some(1.0));
        assert!(list.len() <= 50);
        for pair in list.windows(2) {
            assert!(pair[1].score <= pair[0].score, "{pair:?}");
        }
        assert!(list.iter().all(|k| (0.0..=1.0).contains(&k.score)));
        assert!(list
            .iter()
            .all(|k| k.term.chars().any(char::is_alphabetic) && k.term.chars().count() >= 2));
    }
}

#[test]
fn stop_words_stay_out_of_the_rankings() {
    for k in report().keywords.iter().chain(&report().textrank) {
        assert!(
            !["我们", "表示", "认为", "已经", "指出", "一个"].contains(&k.term.as_str()),
            "{}",
            k.term
        );
    }
}

#[test]
fn persons_places_and_organisations() {
    let text = normalized();
    let expect = [
        (EntityType::Person, "陈晓红", text.matches("陈晓红").count()),
        (EntityType::Person, "李明", 1),
        (EntityType::Person, "张伟", 1),
        (EntityType::Person, "刘芳", 1),
        (EntityType::Place, "湖北省", 1),
        (EntityType::Place, "长江", 1),
        (EntityType::Place, "汉口", 1),
        (EntityType::Place, "武昌", 1),
        (EntityType::Organization, "东风汽车集团有限公司", 1),
        (EntityType::Organization, "武汉市发展和改革委员会", 1),
        (EntityType::Organization, "中国汽车工业协会", 1),
        (EntityType::Organization, "武汉市统计局", 1),
    ];
    for (kind, name, count) in expect {
        assert_eq!(
            entity(kind, name).map(|e| e.count),
            Some(count),
            "{kind:?} {name}"
        );
    }
    // 武汉 on its own: every 武汉 except those inside 武汉市, and except the one in
    // 武汉经济技术开发区 when the zone is recognised as one name (annotation conventions
    // differ on that).
    let outside_city = text.matches("武汉").count() - text.matches("武汉市").count();
    let alone = entity(EntityType::Place, "武汉").map_or(0, |e| e.count);
    let zone = text.matches("武汉经济").count();
    assert!(
        (outside_city - zone..=outside_city).contains(&alone),
        "武汉 counted {alone} times, expected {} to {outside_city}",
        outside_city - zone
    );
}

#[test]
fn times_quantities_and_works() {
    for t in ["2024年5月3日上午", "2023年", "2025年底", "今年4月底"] {
        assert!(entity(EntityType::Time, t).is_some(), "time {t}");
    }
    // 8.6万个 is written with full-width digits in the article: entity texts are normalised.
    for q in [
        "45万辆",
        "3000亿元",
        "120亿元",
        "38%",
        "8.6万个",
        "5000个",
        "210项",
        "100万辆",
    ] {
        assert_eq!(
            entity(EntityType::Quantity, q).map(|e| e.count),
            Some(1),
            "quantity {q}"
        );
    }
    let works: Vec<&Entity> = report()
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Work)
        .collect();
    assert_eq!(works.len(), 1);
    assert_eq!(works[0].text, "武汉市新能源汽车产业发展白皮书");
}

#[test]
fn entity_rules_hold_for_every_entity() {
    let entities = &report().entities;
    let times: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityType::Time)
        .map(|e| e.text.as_str())
        .collect();
    for e in entities {
        assert!(e.count >= 1 && !e.text.trim().is_empty(), "{e:?}");
        if matches!(e.kind, EntityType::Person | EntityType::Place) {
            assert!(e.text.chars().count() >= 2, "single-char {e:?}");
        }
        if e.kind == EntityType::Quantity {
            assert!(
                !e.text.chars().all(|c| c.is_ascii_digit()),
                "bare number {e:?}"
            );
            assert!(!times.contains(&e.text.as_str()), "{e:?} is also a time");
        }
    }
    // Grouped by type in EntityType::ALL order, most frequent first within a type.
    for pair in entities.windows(2) {
        assert!(pair[0].kind <= pair[1].kind, "{pair:?}");
        if pair[0].kind == pair[1].kind {
            assert!(pair[0].count >= pair[1].count, "{pair:?}");
        }
    }
}

#[test]
fn stats_of_the_article() {
    let s = &report().stats;
    let text = normalized();
    assert_eq!(
        s.characters,
        ARTICLE.chars().filter(|c| !c.is_whitespace()).count()
    );
    assert_eq!(
        s.paragraphs,
        ARTICLE.lines().filter(|l| !l.trim().is_empty()).count()
    );
    // Every sentence ends in 。 except the headline, which stands alone on its line; the
    // quotation ending in 。” adds no empty sentence for the lone ”.
    let expected_sentences = text.matches('。').count() + 1;
    assert_eq!(s.sentences, expected_sentences);
    assert!(s.words > 200 && s.unique_words < s.words);
    assert!(s.han_characters < s.characters);
    assert!(s.reading_seconds as usize >= s.han_characters / 5);
}

#[test]
fn cloud_words_fit_and_never_overlap() {
    let cloud = &report().cloud;
    assert!(
        cloud.words.len() >= 30,
        "only {} cloud words",
        cloud.words.len()
    );
    // Each word's ink, re-drawn with the same estimate, inside the box and on no other's.
    let mut taken = std::collections::HashMap::new();
    for (i, w) in cloud.words.iter().enumerate() {
        for (x, y) in placed_ink(w, &EstimatedGlyphs) {
            assert!(x >= 0 && y >= 0 && x < cloud.width as i64 && y < cloud.height as i64);
            assert_eq!(taken.insert((x, y), i), None, "{} overlaps", w.term);
        }
    }
    assert!(cloud.complete);
    // The cloud draws the TF-IDF ranking's first 80 words, sized by their scores.
    let top80 = analyzer().analyse(
        ARTICLE,
        &Options {
            top_k: 80,
            ..Options::default()
        },
    );
    assert_eq!(&top80.cloud, cloud);
    for w in &cloud.words {
        assert!(top80
            .keywords
            .iter()
            .any(|k| k.term == w.term && k.score == w.weight));
    }
    assert_eq!(cloud.words.first().map(|w| w.term.as_str()), Some("新能源"));
}

#[test]
fn user_stop_words_and_top_k() {
    let options = Options {
        top_k: 5,
        extra_stopwords: vec!["新能源".into(), " 电池 ".into()],
        ..Options::default()
    };
    let r = analyzer().analyse(ARTICLE, &options);
    assert_eq!(r.keywords.len(), 5);
    assert_eq!(r.textrank.len(), 5);
    for k in r.keywords.iter().chain(&r.textrank) {
        assert!(k.term != "新能源" && k.term != "电池", "{k:?}");
    }
    assert!(r.cloud.words.iter().all(|w| w.term != "新能源"));
    assert_eq!(r.keywords[0].score, 1.0);
    // Entities and statistics do not depend on keyword options.
    assert_eq!(r.entities, report().entities);
    assert_eq!(r.stats, report().stats);
}

#[test]
fn deterministic_and_serialisable() {
    let again = analyzer().analyse(ARTICLE, &Options::default());
    assert_eq!(&again, report());
    let json = serde_json::to_string(report()).unwrap_or_default();
    // serde_json may round the last bit of a float, so compare scores with a tolerance.
    let back: Option<Report> = serde_json::from_str(&json).ok();
    let back = back.as_ref();
    assert_eq!(back.map(|b| &b.stats), Some(&report().stats));
    assert_eq!(back.map(|b| &b.entities), Some(&report().entities));
    let terms = |r: &Report| {
        r.keywords
            .iter()
            .map(|k| (k.term.clone(), k.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(back.map(terms), Some(terms(report())));
    for (a, b) in back
        .map_or(&[][..], |b| &b.keywords)
        .iter()
        .zip(&report().keywords)
    {
        assert!((a.score - b.score).abs() < 1e-12);
    }
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    assert!(value["keywords"][0]["term"].is_string());
    assert_eq!(value["entities"][0]["type"], "person");
    assert!(value["stats"]["sentences"].is_u64());
}
