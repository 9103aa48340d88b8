//! The whole engine on arbitrary input: bytes → lossy UTF-8 → `analyse`, plus `segment` and
//! `ner_bio` on the first line and `contexts` for a short term taken from the input, checking
//! the invariants the page and the command line rely on; and the same text under a small
//! [`Limit`], which must read a prefix and say so.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wenxi_core::limits::Limit;
use wenxi_core::normalize::Normalized;
use wenxi_core::{Analyzer, Keyword, Options};

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::with_embedded_model)
}

/// Scores in 0..=1, best first.
fn check_ranking(name: &str, keywords: &[Keyword]) {
    for k in keywords {
        assert!(
            (0.0..=1.0).contains(&k.score),
            "{name}: score {} of {:?} outside 0..=1",
            k.score,
            k.term
        );
    }
    for w in keywords.windows(2) {
        assert!(
            w[0].score >= w[1].score,
            "{name}: not sorted: {:?} {} before {:?} {}",
            w[0].term,
            w[0].score,
            w[1].term,
            w[1].score
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analyzer = analyzer();

    let report = analyzer.analyse(&text, &Options::default());
    check_ranking("tfidf", &report.keywords);
    check_ranking("textrank", &report.textrank);

    // Entity spans index the normalised text's chars and name exactly those chars.
    let normalized: Vec<char> = Normalized::new(&text).text.chars().collect();
    let c = &report.coverage;
    assert_eq!(
        (c.total_chars, c.analysed_chars),
        (normalized.len(), normalized.len())
    );
    assert!(c.stopped.is_none());

    // Under a small limit (from the last byte): a prefix, said so, analysed as it would be alone.
    let limit = Limit {
        max_chars: usize::from(data.last().copied().unwrap_or(0)) * 4,
    };
    let (cut, _) = analyzer.analyse_within(&text, &Options::default(), &|| 0.0, limit);
    let c = &cut.coverage;
    assert!(c.analysed_chars <= limit.max_chars.min(normalized.len()));
    assert_eq!(c.stopped.is_some(), normalized.len() > limit.max_chars);
    let prefix: String = text.chars().take(c.analysed_chars).collect();
    let mut alone = analyzer.analyse(&prefix, &Options::default());
    alone.coverage = c.clone();
    assert_eq!(
        alone, cut,
        "a limited analysis differs from analysing the prefix"
    );
    for e in &report.entities {
        assert_eq!(e.count, e.spans.len(), "count of {:?}", e.text);
        for &[start, end] in &e.spans {
            assert!(
                start < end && end <= normalized.len(),
                "span {start}..{end} of {:?} outside text of {} chars",
                e.text,
                normalized.len()
            );
            let at: String = normalized[start..end].iter().collect();
            assert_eq!(
                at, e.text,
                "entity text differs from the text at {start}..{end}"
            );
        }
    }

    let line = text.lines().next().unwrap_or("");
    let words = analyzer.segment(line);
    assert_eq!(
        words.concat(),
        line,
        "segment concatenation differs from the line"
    );

    let bio = analyzer.ner_bio(line);
    let bio_chars: String = bio.iter().map(|(c, _)| *c).collect();
    let expected: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(
        bio_chars, expected,
        "ner_bio chars differ from the line's non-space chars"
    );

    // A term of 1–3 chars from the input, starting where the first byte says.
    let chars: Vec<char> = text.chars().collect();
    if !chars.is_empty() {
        let start = usize::from(data[0]) % chars.len();
        let len = 1 + usize::from(data.len() as u8 % 3);
        let term: String = chars[start..(start + len).min(chars.len())]
            .iter()
            .collect();
        let found = analyzer.contexts(&text, &term, 5);
        assert!(found.lines.len() <= 5 && found.lines.len() <= found.total);
        assert_eq!(found.dispersion.iter().sum::<usize>(), found.total);
        assert_eq!(found.text_chars, chars.len());
        for l in &found.lines {
            assert!(
                l.start < l.end && l.end <= chars.len(),
                "context span out of text"
            );
            let at: String = chars[l.start..l.end].iter().collect();
            assert_eq!(l.matched, at, "context match differs from the text");
        }
    }
});
