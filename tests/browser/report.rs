//! The report's views in use: the keyword table sorted and explained, the articles and the
//! coverage notice in both languages, phrases, quoted terms.

use std::rc::Rc;

use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use wenxi::components::views::ReaderActions;
use wenxi::components::{explanation, Ranking};
use wenxi::i18n::Lang;
use wenxi::state::settings::SettingsEdit;
use wenxi::state::views::View;
use wenxi_core::phrases::Phrase;
use wenxi_core::{Article, KeyTerm, Keyword, Report};

use super::{all, analyse, attr, next_task, one, reader, recording, render_view, ARTICLE};

/// The column header that sorts by `ranking`.
fn sort_key(ranking: Ranking) -> &'static str {
    match ranking {
        Ranking::TfIdf => "tfidf",
        Ranking::TextRank => "textrank",
        Ranking::Frequency => "count",
    }
}

/// A score as the table's `data-*` give it.
fn score(k: &Keyword) -> String {
    format!("{:.4}", k.score)
}

/// Runs of equal scores, each as its sorted terms: the order of a ranking, whatever order
/// terms of equal score are given in.
fn by_score(rows: impl IntoIterator<Item = (String, String)>) -> Vec<(String, Vec<String>)> {
    let mut runs: Vec<(String, Vec<String>)> = Vec::new();
    for (score, term) in rows {
        match runs.last_mut() {
            Some((s, terms)) if *s == score => terms.push(term),
            _ => runs.push((score, vec![term])),
        }
    }
    for (_, terms) in &mut runs {
        terms.sort();
    }
    runs
}

/// Opens a keyword row's explanation as a reader does, by its summary (unless it is open).
async fn open_why(row: &Element) -> HtmlElement {
    let why = one(row, "[data-testid=keyword-why]");
    if !why.has_attribute("open") {
        one(&why, "summary").click();
        // The `toggle` event that draws the body comes in a task of its own.
        next_task().await;
    }
    assert!(why.has_attribute("open"));
    why
}

#[wasm_bindgen_test]
async fn the_keyword_table_sorts_by_each_ranking_and_explains_each_score() {
    let report = Rc::new(analyse(ARTICLE));
    for lang in Lang::ALL {
        let (sent, on) = recording();
        let root = render_view(reader(report.clone(), lang, on), View::Keywords).await;
        let header = |key: &str| {
            one(
                &root,
                &format!("[data-testid=keyword-sort][data-sort={key}]"),
            )
        };
        let th_sort = |key: &str| attr(&header(key).closest("th").unwrap().unwrap(), "aria-sort");
        // Sorted by the reader's method (TF-IDF) at first, highest first.
        assert_eq!(th_sort("tfidf"), "descending");
        assert_eq!(th_sort("textrank"), "none");

        // A header clicked sorts by its ranking: another column starts highest first (so the
        // TF-IDF column, already sorted, comes last).
        for ranking in [Ranking::TextRank, Ranking::Frequency, Ranking::TfIdf] {
            let list = ranking.list(&report);
            if list.is_empty() {
                continue;
            }
            let key = sort_key(ranking);
            header(key).click();
            yew::scheduler::flush().await;
            assert_eq!(th_sort(key), "descending", "{key}");
            let rows = all(&root, "[data-testid=keyword]");
            assert!(rows
                .iter()
                .all(|r| attr(r, "data-rank") == ranking.as_str()));
            // The rows this ranking lists, in its order, with its scores.
            let ranked: Vec<(String, String)> = rows
                .iter()
                .map(|r| (attr(r, "data-score"), attr(r, "data-term")))
                .filter(|(s, _)| !s.is_empty())
                .collect();
            let expected: Vec<(String, String)> =
                list.iter().map(|k| (score(k), k.term.clone())).collect();
            assert_eq!(by_score(ranked), by_score(expected), "{key}");
            if ranking != Ranking::Frequency {
                // Those it ranks lead; the rest follow.
                let first: Vec<String> = rows
                    .iter()
                    .take(list.len())
                    .map(|r| attr(r, "data-score"))
                    .collect();
                assert!(first.iter().all(|s| !s.is_empty()), "{key}: {first:?}");
                // And each row's own score in that column is the one the table sorts by.
                for r in rows.iter().take(list.len()) {
                    assert_eq!(attr(r, &format!("data-{key}")), attr(r, "data-score"));
                }
            } else {
                let counts: Vec<usize> = rows
                    .iter()
                    .map(|r| attr(r, "data-count").parse().unwrap_or(0))
                    .collect();
                assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
            }

            // The first row's explanation, once opened, is that keyword's own in this ranking.
            let row = &rows[0];
            let term = attr(row, "data-term");
            let keyword = list.iter().find(|k| k.term == term).unwrap();
            let why = open_why(row).await;
            let text = why.text_content().unwrap_or_default();
            for line in explanation(ranking, keyword, lang) {
                assert!(text.contains(&line), "{lang:?} {key}: {line} in {text}");
            }
        }

        // The same header again turns the order round.
        header("tfidf").click();
        yew::scheduler::flush().await;
        assert_eq!(th_sort("tfidf"), "ascending");
        let scores: Vec<f64> = all(&root, "[data-testid=keyword]")
            .iter()
            .filter_map(|r| attr(r, "data-score").parse().ok())
            .collect();
        assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
        header("tfidf").click();
        yew::scheduler::flush().await;

        // "Not a keyword" on the second row asks for that word to become a stop word.
        let row = &all(&root, "[data-testid=keyword]")[1];
        let term = attr(row, "data-term");
        assert_eq!(term, report.keywords[1].term);
        open_why(row).await;
        one(row, "[data-testid=not-keyword]").click();
        yew::scheduler::flush().await;
        assert_eq!(*sent.edits.borrow(), vec![SettingsEdit::AddStopword(term)]);
        assert!(sent.picks.borrow().is_empty());
    }
}

/// A report of `ARTICLE` made to look cut short and split in two, with one phrase: the engine
/// reports these only for long or multi-article texts.
fn with_articles_and_coverage() -> Report {
    let mut report = analyse(ARTICLE);
    let total = ARTICLE.chars().count();
    let half = total / 2;
    let article = |title: &str, start, end, skip| Article {
        title: title.into(),
        start,
        end,
        stats: report.stats.clone(),
        keywords: report.keywords.iter().skip(skip).take(5).cloned().collect(),
        key_terms: report
            .keywords
            .iter()
            .skip(skip)
            .take(3)
            .map(|k| KeyTerm {
                term: k.term.clone(),
                count: k.count,
                rest_count: 0,
                log_likelihood: 12.5 * k.score,
            })
            .collect(),
        entities: report.entities.clone(),
    };
    report.articles = vec![article("上篇", 0, half, 0), article("下篇", half, total, 3)];
    report.coverage.total_chars = total;
    report.coverage.analysed_chars = half;
    report.coverage.stopped = Some("文字超过了分析上限".into());
    report.phrases.push(Phrase {
        term: "冷链物流园".into(),
        parts: vec!["冷链".into(), "物流园".into()],
        count: 3,
        cohesion: 4.0,
        left_entropy: 1.0,
        right_entropy: 1.0,
        score: 12.0,
    });
    report
}

#[wasm_bindgen_test]
async fn articles_coverage_and_phrases_are_shown_and_act() {
    let report = Rc::new(with_articles_and_coverage());
    for lang in Lang::ALL {
        let (sent, on) = recording();
        let root = render_view(reader(report.clone(), lang, on.clone()), View::Articles).await;

        // The notice of a text cut short, over every view, in the page's language.
        let coverage = one(&root, "[data-testid=coverage]");
        let text = coverage.text_content().unwrap();
        let c = &report.coverage;
        for part in [c.analysed_chars.to_string(), c.total_chars.to_string()] {
            assert!(text.contains(&part), "{part} in {text}");
        }
        let said = lang.tr("只分析了前", "only the first");
        assert!(text.contains(said), "{lang:?}: {text}");

        // The comparison: one row per article, the term that most sets each apart.
        let summary = all(&root, "[data-testid=articles-summary-row]");
        assert_eq!(summary.len(), report.articles.len());
        for (row, article) in summary.iter().zip(&report.articles) {
            let top = one(row, "[data-testid=articles-summary-key-term]");
            assert_eq!(attr(&top, "data-term"), article.key_terms[0].term);
        }
        let caption = one(&root, "[data-testid=articles-summary] caption")
            .text_content()
            .unwrap_or_default();
        let expected = match lang {
            Lang::Zh => "这段文字含 2 篇文章",
            Lang::En => "This text holds 2 articles",
        };
        assert_eq!(caption, expected);

        let articles = all(&root, "[data-testid=article]");
        let titles: Vec<String> = articles.iter().map(|a| attr(a, "data-title")).collect();
        let expected: Vec<String> = report.articles.iter().map(|a| a.title.clone()).collect();
        assert_eq!(titles, expected);
        for (shown, article) in articles.iter().zip(&report.articles) {
            let terms = all(shown, "[data-testid=article-key-term]");
            assert_eq!(terms.len(), article.key_terms.len());
            for (t, k) in terms.iter().zip(&article.key_terms) {
                assert_eq!(attr(t, "data-term"), k.term);
                let text = t.text_content().unwrap();
                assert!(text.contains(&format!("{:.1}", k.log_likelihood)), "{text}");
            }
        }
        // Picking a distinguishing term of the second article opens its contexts.
        let term = &report.articles[1].key_terms[0].term;
        one(&articles[1], "[data-testid=article-key-term] button.pick").click();
        assert_eq!(*sent.picks.borrow(), vec![Some(term.clone())]);
        // "Show in text" opens the text view at the article's start.
        let in_text = one(&articles[1], "[data-testid=article-in-text]");
        let label = attr(&in_text, "aria-label");
        assert!(
            label.contains(lang.tr("在原文中查看第 2 篇", "Show in text: article 2")),
            "{label}"
        );
        in_text.click();
        assert_eq!(
            *sent.in_text.borrow(),
            vec![(report.articles[1].start, None)]
        );

        // The keywords view lists the phrase, which goes into the dictionary whole.
        let root = render_view(reader(report.clone(), lang, on), View::Keywords).await;
        assert!(all(&root, "[data-testid=coverage]").len() == 1);
        let phrase = root
            .query_selector("[data-testid=phrase][data-term=冷链物流园]")
            .unwrap()
            .unwrap();
        let add = one(&phrase, "[data-testid=phrase-add]");
        assert_eq!(
            add.text_content().unwrap_or_default(),
            lang.tr("加入词典", "Add to dictionary")
        );
        add.click();
        match sent.edits.borrow().as_slice() {
            [SettingsEdit::AddWords(words)] => {
                let words: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
                assert_eq!(words, ["冷链物流园"]);
            }
            other => panic!("{other:?}"),
        };
    }
}

#[wasm_bindgen_test]
async fn a_plain_report_has_no_article_or_coverage_section() {
    let mut report = analyse(ARTICLE);
    report.articles.clear();
    report.coverage.stopped = None;
    let report = Rc::new(report);
    for lang in Lang::ALL {
        let root = render_view(
            reader(report.clone(), lang, ReaderActions::default()),
            View::Articles,
        )
        .await;
        assert!(all(&root, "[data-testid=article], [data-testid=coverage]").is_empty());
        // The articles view says why there is nothing to compare, in the page's language.
        let none = one(&root, "[data-testid=articles-none]")
            .text_content()
            .unwrap_or_default();
        assert!(
            none.contains(lang.tr("读作一篇文章", "reads as a single article")),
            "{none}"
        );
        // The tab carries no count.
        let tab = one(&root, "[data-testid=view-tab][data-view=articles]");
        assert!(tab.query_selector(".tab-count").unwrap().is_none());
    }
}

/// Quoted terms the engine found are listed in the entities view with their counts, and
/// picking one opens its contexts.
#[wasm_bindgen_test]
async fn quoted_terms_are_listed_and_open_their_contexts() {
    let text = "全县推行“河长制”已满三年。各乡镇落实“河长制”，并试点“湖长制”。\
                他说：“今年还要把巡河做细，一条条河都要管好。”";
    let report = analyse(text);
    assert!(!report.quoted_terms.is_empty());
    let (sent, on) = recording();
    let root = render_view(
        reader(Rc::new(report.clone()), Lang::Zh, on),
        View::Entities,
    )
    .await;
    let shown = all(&root, "[data-testid=quoted-term]");
    let listed: Vec<(String, String)> = shown
        .iter()
        .map(|e| (attr(e, "data-term"), attr(e, "data-count")))
        .collect();
    let expected: Vec<(String, String)> = report
        .quoted_terms
        .iter()
        .map(|q| (q.term.clone(), q.count.to_string()))
        .collect();
    assert_eq!(listed, expected);
    // The quoted sentence is speech, not a term.
    assert!(listed.iter().all(|(t, _)| !t.contains('巡')));
    one(&shown[0], "button.pick").click();
    assert_eq!(
        *sent.picks.borrow(),
        vec![Some(report.quoted_terms[0].term.clone())]
    );
}
