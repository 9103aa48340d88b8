use super::*;
use crate::segment::segment;
use std::sync::OnceLock;

fn fixture() -> &'static (Jieba, KeywordRanker) {
    static F: OnceLock<(Jieba, KeywordRanker)> = OnceLock::new();
    F.get_or_init(|| (Jieba::new(), KeywordRanker::new()))
}

fn rank_with(text: &str, top_k: usize, options: &Options) -> Rankings {
    let (jieba, ranker) = fixture();
    ranker.rank(jieba, &segment(jieba, text), top_k, options)
}

fn rank(text: &str, top_k: usize, extra: &[&str]) -> Rankings {
    let options = Options {
        extra_stopwords: extra.iter().map(|s| s.to_string()).collect(),
        ..Options::default()
    };
    rank_with(text, top_k, &options)
}

fn lists(r: &Rankings) -> [&Vec<Keyword>; 3] {
    [&r.tfidf, &r.textrank, &r.frequency]
}

const TEXT: &str = "熊猫基地今天迎来两只熊猫幼崽。熊猫基地的饲养员说，幼崽很健康。\
                    游客可以在熊猫基地看到幼崽，但我们进行了限流。";

#[test]
fn scores_are_normalised_and_sorted() {
    let r = rank(TEXT, 50, &[]);
    for list in lists(&r) {
        assert!(!list.is_empty());
        assert_eq!(list[0].score, 1.0);
        for w in list.windows(2) {
            assert!(by_score(&w[0], &w[1]) != Ordering::Greater);
            assert!(w[1].why.raw <= w[0].why.raw);
        }
        assert!(list.iter().all(|k| (0.0..=1.0).contains(&k.score)));
        assert!(list
            .iter()
            .all(|k| k.count >= 1 && k.term.chars().count() >= 2));
    }
}

#[test]
fn explanations_add_up() {
    let (jieba, _) = fixture();
    let tokens = segment(jieba, TEXT);
    let r = rank(TEXT, 50, &[]);
    for list in lists(&r) {
        let best = list[0].why.raw;
        for k in list {
            assert!((k.score - k.why.raw / best).abs() < 1e-12, "{k:?}");
            let found = tokens.iter().filter(|t| t.text == k.term).count();
            assert_eq!(k.count, found, "{}", k.term);
            assert!(k.why.tf > 0.0 && k.why.tf <= 1.0);
        }
    }
    for k in &r.tfidf {
        let idf = k.why.idf.unwrap_or(f64::NAN);
        assert!(
            (k.why.raw - k.why.tf * idf).abs() < 1e-12 * k.why.raw,
            "{k:?}"
        );
    }
    for k in &r.frequency {
        assert_eq!(k.why.raw, k.count as f64);
    }
    // The most frequent term's neighbours are words of the text.
    let top = &r.textrank[0];
    assert!(!top.why.neighbours.is_empty());
    assert!(top.why.neighbours.iter().all(|n| TEXT.contains(n.as_str())));
    assert!(!top.why.neighbours.contains(&top.term));
}

#[test]
fn stop_words_and_short_terms_never_rank() {
    let r = rank(TEXT, 50, &[]);
    for list in lists(&r) {
        for k in list {
            assert!(
                !["我们", "进行", "可以"].contains(&k.term.as_str()),
                "{}",
                k.term
            );
        }
    }
}

#[test]
fn extra_stop_words_are_removed_and_removed_ones_return() {
    let before = rank(TEXT, 50, &[]);
    assert!(before.tfidf.iter().any(|k| k.term == "熊猫"));
    let after = rank(TEXT, 50, &["熊猫"]);
    for list in lists(&after) {
        assert!(!list.iter().any(|k| k.term == "熊猫"));
        assert_eq!(list[0].score, 1.0);
    }
    let options = Options {
        removed_stopwords: vec!["进行".into()],
        keyword_pos: vec!["v".into()],
        ..Options::default()
    };
    let r = rank_with(TEXT, 50, &options);
    assert!(
        r.frequency.iter().any(|k| k.term == "进行"),
        "{:?}",
        r.frequency
    );
}

/// With the built-in lists off, a stop word that is a candidate by its tag is ranked; the
/// reader's own stop words still stop.
#[test]
fn builtin_stopwords_can_be_turned_off() {
    let verbs = |builtin: bool, extra: &[&str]| {
        let options = Options {
            builtin_stopwords: builtin,
            extra_stopwords: extra.iter().map(|s| s.to_string()).collect(),
            keyword_pos: vec!["v".into()],
            ..Options::default()
        };
        rank_with(TEXT, 50, &options).frequency
    };
    assert!(!verbs(true, &[]).iter().any(|k| k.term == "进行"));
    assert!(verbs(false, &[]).iter().any(|k| k.term == "进行"));
    let stopped = verbs(false, &["进行"]);
    assert!(!stopped.iter().any(|k| k.term == "进行"), "{stopped:?}");
}

#[test]
fn tag_filter_replaces_the_default() {
    let options = Options {
        keyword_pos: vec!["ns".into()],
        ..Options::default()
    };
    let r = rank_with("北京和上海的记者在北京采访。上海很热。", 50, &options);
    for list in lists(&r) {
        assert!(!list.is_empty());
        assert!(list.iter().all(|k| k.pos == "ns"), "{list:?}");
    }
}

#[test]
fn a_word_guessed_once_is_not_a_keyword_but_one_seen_twice_is() {
    let (jieba, _) = fixture();
    let once = "记者来到新疆，看到梭梭林成片。";
    let r = rank(once, 50, &[]);
    for list in lists(&r) {
        for k in list {
            assert!(
                jieba.has_word(&k.term) || k.count >= 2,
                "{} ({}) is neither in the dictionary nor repeated",
                k.term,
                k.count
            );
        }
    }
    // A name the dictionary does not have, written twice, ranks.
    let twice = "记者采访了苗翠翠。苗翠翠说，今年的棉花长得很好。";
    let tokens = segment(jieba, twice);
    let guessed: Vec<&str> = tokens
        .iter()
        .map(|t| t.text)
        .filter(|w| w.chars().count() >= 2 && !jieba.has_word(w))
        .collect();
    assert!(!guessed.is_empty(), "the example must hold a guessed word");
    let r = rank(twice, 50, &[]);
    for word in guessed {
        if twice.matches(word).count() >= 2 {
            assert!(
                r.tfidf.iter().any(|k| k.term == word),
                "{word} in {:?}",
                r.tfidf
            );
        }
    }
}

#[test]
fn top_k_truncates() {
    let r = rank(TEXT, 3, &[]);
    assert!(lists(&r).iter().all(|l| l.len() == 3));
    assert_eq!(rank(TEXT, 0, &[]), Rankings::default());
}

#[test]
fn digits_and_punctuation_never_rank() {
    let r = rank("2024 2024 2024 ！！ 12.5 100% abc abc", 50, &[]);
    for list in lists(&r) {
        for k in list {
            assert!(k.term.chars().any(char::is_alphabetic), "{}", k.term);
        }
    }
}

#[test]
fn empty_text_has_no_keywords() {
    assert_eq!(rank("", 50, &[]), Rankings::default());
    assert_eq!(rank("   \n", 50, &[]), Rankings::default());
}

/// The analyser is shared by reference (the CLI, the worker, tests across threads): the IDF
/// cache inside must not make the ranker lose `Send` or `Sync`.
#[test]
fn the_ranker_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<KeywordRanker>();
}

/// The slice ranker (each article of a page, from the whole text's candidates) gives what
/// ranking each slice on its own gives, to the bit: forms written in several cases, words seen
/// once (HMM guesses), candidates with other tags, slices that share and slices that do not.
#[test]
fn slices_rank_as_each_slice_alone() {
    let (jieba, ranker) = fixture();
    let text = "GDP增长了。gdp和Gdp都是GDP，熊猫基地今天迎来两只熊猫幼崽。\
                游客可以在熊猫基地看到幼崽，但我们进行了限流。两到由县的工作进行中。\
                AI发展很快，ai应用落地，熊猫AI。";
    let tokens = segment(jieba, text);
    for options in [
        Options::default(),
        Options {
            extra_stopwords: vec!["熊猫".into()],
            ..Options::default()
        },
    ] {
        let (_, terms) = ranker.rank_text(jieba, &tokens, 50, &options);
        for top_k in [0, 1, 3, 50] {
            let slices = ranker.slice_ranker(jieba, &terms, top_k);
            let n = tokens.len();
            let ranges = [0..n, 0..n / 2, n / 3..n, 5..9, 3..3, n / 2..n];
            for range in ranges {
                let alone = ranker.rank_tfidf(jieba, &tokens[range.clone()], top_k, &options);
                assert_eq!(slices.rank(range.clone()), alone, "{range:?} top {top_k}");
            }
        }
    }
}
