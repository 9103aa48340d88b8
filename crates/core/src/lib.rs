//! wenxi (文析) analysis engine: segmentation, statistics, keywords, entities and a keyword cloud
//! for Chinese text. Pure Rust and deterministic, so the browser worker and the `wenxi` command
//! line give the same [`Report`] for the same text.
//!
//! The pipeline is a chain of small stages, each in its own module:
//! [`normalize`] → [`segment`] → [`stats`] / [`keywords`] / [`entities`] → [`cloud`], [`bio`].
//!
//! ```no_run
//! use wenxi_core::{Analyzer, Options};
//!
//! let analyzer = Analyzer::new(); // loads the dictionary once
//! let report = analyzer.analyse("武汉市举行新能源汽车产业发展大会。", &Options::default());
//! assert!(report.stats.characters > 0);
//! ```

pub mod articles;
pub mod bio;
pub mod cloud;
pub mod contexts;
pub mod cooccurrence;
pub mod entities;
pub mod export;
pub mod keywords;
pub mod lexicon;
pub mod limits;
pub mod ner;
pub mod normalize;
pub mod passage;
pub mod phrases;
pub mod progress;
pub mod report;
pub mod segment;
pub mod stats;
pub mod stopwords;
pub mod userdict;
pub mod values;

pub use progress::StageTimes;
pub use report::*;

use jieba_rs::Jieba;
use serde::{Deserialize, Serialize};

use crate::cloud::{CloudInput, CloudOptions, EstimatedGlyphs};
use crate::entities::{EntitySpan, EntityTally};
use crate::keywords::KeywordRanker;
use crate::normalize::Normalized;
use crate::progress::{Progress, Stage};
use crate::segment::Token;

/// What the user may change about one analysis. Every field has a default, so the page sends
/// only what the user changed (`#[serde(default)]`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Options {
    /// How many keywords each ranking returns (default 50).
    pub top_k: usize,
    /// The user's own stop words, added to the built-in lists.
    pub extra_stopwords: Vec<String>,
    /// Built-in stop words the user wants counted as keywords after all.
    pub removed_stopwords: Vec<String>,
    /// Whether the built-in Chinese and English stop-word lists apply (default true). Off, every
    /// candidate word is ranked, function words included; the user's own stop words still apply.
    pub builtin_stopwords: bool,
    /// Part-of-speech tags a keyword may have (jieba/ICTCLAS tags); empty means the default
    /// set, [`keywords::CANDIDATE_POS`].
    pub keyword_pos: Vec<String>,
    /// The user's dictionary: words segmentation must keep whole. The host applies it with
    /// [`Analyzer::set_user_words`] before analysing (rebuilding the segmenter costs time, so
    /// it is done only when the list changes).
    pub user_words: Vec<userdict::UserWord>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            top_k: 50,
            extra_stopwords: Vec::new(),
            removed_stopwords: Vec::new(),
            builtin_stopwords: true,
            keyword_pos: Vec::new(),
            user_words: Vec::new(),
        }
    }
}

/// Keywords each ranking is computed to, before `Options::top_k` cuts the report's lists: the
/// most words a cloud may show.
pub const RANK_DEPTH: usize = 300;

/// Phrases and new words listed in a report (all of them join the keyword rankings).
const MAX_PHRASES: usize = 30;
/// Keywords listed per article of a multi-article paste.
const ARTICLE_KEYWORDS: usize = 10;
/// Chars of context shown on each side of an occurrence.
const CONTEXT_WIDTH: usize = 24;
/// Slices of the text in a dispersion plot.
const DISPERSION_BINS: usize = 60;

/// Loads the dictionary and IDF table once (slow: ~100s of ms); then analyses many texts.
#[derive(Debug)]
pub struct Analyzer {
    /// The segmenter in use: jieba's dictionary plus the user's words.
    jieba: Jieba,
    /// jieba's dictionary alone, copied the first time user words are set, so that a word the
    /// user removes is gone from the next segmenter (jieba cannot delete a word).
    base_jieba: Option<Box<Jieba>>,
    /// The user's words in `jieba`, as [`userdict::clean`] made them.
    user_words: Vec<userdict::UserWord>,
    /// The list last given to [`Analyzer::set_user_words`], before cleaning: the same list
    /// again is recognised without cleaning it.
    user_words_given: Vec<userdict::UserWord>,
    ranker: KeywordRanker,
    /// How the report's first cloud is laid out (with [`EstimatedGlyphs`]; the page then asks
    /// for one measured with the reader's font).
    cloud: CloudOptions,
    /// The entity model, or why there is none (names then come from part-of-speech rules).
    entity_model: Result<ner::NerModel, String>,
}

#[cfg(feature = "embedded-lexicon")]
impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// The engine with the lexicon built into this binary (feature `embedded-lexicon`).
    #[cfg(feature = "embedded-lexicon")]
    pub fn new() -> Self {
        Self::with_lexicon(&lexicon::embedded())
    }

    /// The engine with jieba's dictionary and IDF table from `lexicon` (the browser worker
    /// fetches the file and decodes it with [`lexicon::Lexicon::from_bytes`]); the lexicon may
    /// be dropped after.
    pub fn with_lexicon(lexicon: &lexicon::Lexicon) -> Self {
        Analyzer {
            jieba: lexicon.jieba(),
            base_jieba: None,
            user_words: Vec::new(),
            user_words_given: Vec::new(),
            ranker: KeywordRanker::with_lexicon(lexicon),
            cloud: CloudOptions::default(),
            entity_model: Err("no entity model loaded".into()),
        }
    }

    /// Uses `model` for people, places and organisations from now on; an `Err` (a missing or
    /// unusable model file, with the reason) leaves them to the part-of-speech rules, and every
    /// report says so in [`Report::names_from`].
    pub fn set_entity_model(&mut self, model: Result<ner::NerModel, String>) {
        self.entity_model = model;
    }

    /// Segments with jieba's dictionary plus `words` from now on, in place of any words set
    /// before. Words are normalised and checked as [`userdict::clean`] does (unusable ones are
    /// left out). Rebuilding copies the whole dictionary (see `tests/userdict.rs`
    /// `rebuild_cost` for what it costs), so the same list again does nothing.
    pub fn set_user_words(&mut self, words: &[userdict::UserWord]) {
        if words == self.user_words_given.as_slice() {
            return;
        }
        self.user_words_given = words.to_vec();
        let words = userdict::clean(words);
        if words == self.user_words {
            return;
        }
        // The first time, the segmenter still is jieba's own dictionary: it becomes the base.
        let base = self
            .base_jieba
            .get_or_insert_with(|| Box::new(std::mem::replace(&mut self.jieba, Jieba::empty())));
        // The old segmenter goes before the copy is made: never three dictionaries in memory.
        self.jieba = Jieba::empty();
        let mut jieba = Jieba::clone(base);
        for w in &words {
            // A new word without a tag would get jieba's empty tag, which no keyword filter
            // accepts; a word jieba knows keeps its own tag whatever is passed.
            let tag = w.tag.as_deref().unwrap_or(userdict::DEFAULT_TAG);
            jieba.add_word(&w.word, w.freq, Some(tag));
        }
        self.jieba = jieba;
        self.user_words = words;
    }

    /// The user's words the segmenter uses now (normalised, see [`Analyzer::set_user_words`]).
    pub fn user_words(&self) -> &[userdict::UserWord] {
        &self.user_words
    }

    /// The engine with the entity model built into this binary (feature `embedded-ner-model`).
    #[cfg(feature = "embedded-ner-model")]
    pub fn with_embedded_model() -> Self {
        let mut analyzer = Analyzer::new();
        analyzer.set_entity_model(ner::embedded().map_err(|e| e.to_string()));
        analyzer
    }

    /// All entity occurrences of a normalised text (and its chars), and what found the names.
    fn entity_spans(
        &self,
        text: &str,
        chars: &[char],
        tokens: &[Token],
        progress: &dyn Fn(f64),
    ) -> (Vec<EntitySpan>, NameSource) {
        match &self.entity_model {
            Ok(model) => {
                let labels = model.label_chars(&self.jieba, chars, tokens, progress);
                let names = ner::refine::refine(chars, labels);
                let spans = entities::find_spans_with_names(chars, tokens, names);
                (spans, NameSource::Model)
            }
            Err(reason) => {
                let spans =
                    entities::find_spans_with_dict(text, tokens, &|w| self.jieba.has_word(w));
                let source = NameSource::Rules {
                    reason: reason.clone(),
                };
                (spans, source)
            }
        }
    }

    /// Analyses `text`: statistics, both keyword rankings, entities and the cloud.
    pub fn analyse(&self, text: &str, options: &Options) -> Report {
        self.analyse_timed(text, options, &|| 0.0).0
    }

    /// Like [`Analyzer::analyse`], also timing each stage with `clock` (milliseconds from any
    /// origin: the engine has no clock of its own, the caller lends one).
    pub fn analyse_timed(
        &self,
        text: &str,
        options: &Options,
        clock: &dyn Fn() -> f64,
    ) -> (Report, StageTimes) {
        self.analyse_within(text, options, clock, limits::Limit::default())
    }

    /// Like [`Analyzer::analyse_timed`], reading at most what `limit` allows (a prefix ending
    /// at a sentence or line boundary; [`Report::coverage`] says how much): memory stays bounded
    /// whatever is pasted.
    pub fn analyse_within(
        &self,
        text: &str,
        options: &Options,
        clock: &dyn Fn() -> f64,
        limit: limits::Limit,
    ) -> (Report, StageTimes) {
        self.analyse_observed(text, options, clock, &|_| {}, limit)
    }

    /// Like [`Analyzer::analyse_within`], telling `progress` where the analysis is: at the start
    /// of each stage, and every few thousand characters of the entity stage, the longest. The
    /// browser worker forwards it to the page's progress bar.
    pub fn analyse_observed(
        &self,
        text: &str,
        options: &Options,
        clock: &dyn Fn() -> f64,
        progress: &dyn Fn(Progress),
        limit: limits::Limit,
    ) -> (Report, StageTimes) {
        let start = |stage| progress(Progress::at(stage, 0.0));
        start(Stage::Normalize);
        let (text, coverage) = limits::prefix(text, limit);
        let mut times = StageTimes::default();
        let mut lap = {
            let mut last = clock();
            move || {
                let now = clock();
                let elapsed = now - last;
                last = now;
                elapsed
            }
        };
        let normalized = Normalized::new(text);
        let text = normalized.text.as_str();
        times.normalize_ms = lap();
        start(Stage::Segment);
        let tokens = segment::segment(&self.jieba, text);
        times.segment_ms = lap();
        start(Stage::Stats);
        // Needed by several stages: made once per text.
        let chars: Vec<char> = text.chars().collect();
        let sentences = stats::sentence_ranges(text);
        let stats = stats::compute_with(text, &chars, &sentences, &tokens, &|w| {
            self.ranker.is_stop_word(w)
        });
        times.stats_ms = lap();
        start(Stage::Entities);
        // Entities before keywords: people's names jieba cut up join the rankings whole.
        let (spans, names_from) = self.entity_spans(text, &chars, &tokens, &|within| {
            progress(Progress::at(Stage::Entities, within))
        });
        let entity_links = entities::link(&spans, &sentences);
        let entities = spans.iter().collect::<EntityTally>().into_entities();
        let quoted_terms = entities::quoted_terms(&chars);
        times.entities_ms = lap();
        start(Stage::Keywords);
        // Ranked as deep as the largest cloud whatever `top_k` is: merged names and phrases
        // take their scores from the parts in the list, so a report must not depend on how
        // many keywords its caller keeps (the worker keeps RANK_DEPTH for its clouds).
        let wanted = options.top_k.max(self.cloud.max_words).max(RANK_DEPTH);
        let (mut rankings, text_terms) =
            self.ranker.rank_text(&self.jieba, &tokens, wanted, options);
        // Multi-word terms and new words the text itself supports join both rankings whole.
        let stop_words = self.ranker.stop_words(options);
        let is_stop = |w: &str| stop_words.contains(w);
        let mut found = phrases::discover(&tokens, &|w| self.jieba.has_word(w), &is_stop);
        let evidence = phrases::min_count(chars.len());
        phrases::merge_into_keywords(&mut rankings.tfidf, &found, evidence);
        phrases::merge_into_keywords(&mut rankings.textrank, &found, evidence);
        // So do names cut into pieces (李/红梅 → 李红梅, and 红梅 goes when it only ever
        // occurs inside the name); a name the phrase finder already merged is not added twice.
        let names: Vec<phrases::Phrase> = entities::split_names(&spans, &tokens)
            .into_iter()
            .filter(|n| !found.iter().any(|p| p.term == n.term) && !is_stop(&n.term))
            .collect();
        for ranking in [&mut rankings.tfidf, &mut rankings.textrank] {
            // Two occurrences: a name needs no statistical support, the entity stage found it.
            phrases::merge_into_keywords(ranking, &names, 2);
            // A merged term that is a person's name (merged here, or found by the phrase
            // finder) is tagged as one.
            for k in ranking.iter_mut().filter(|k| k.pos == "phrase") {
                let person =
                    |e: &report::Entity| e.kind == report::EntityType::Person && e.text == k.term;
                if entities.iter().any(person) {
                    k.pos = "nr".into();
                }
            }
        }
        found.truncate(MAX_PHRASES);
        times.keywords_ms = lap();
        start(Stage::Articles);
        let articles = {
            // Measured on the keyword candidates, by the keyword stage's own test.
            let terms = &text_terms.ids;
            let bounds = articles::split(&chars, &tokens, &terms.at);
            let whole = articles::Whole {
                text,
                chars: &chars,
                tokens: &tokens,
                spans: &spans,
                is_stop: &|w| self.ranker.is_stop_word(w),
                terms,
            };
            // The one keyword ranker for all articles, made for the first (none when the
            // text is one article).
            let slices = std::cell::OnceCell::new();
            let rank = |range: std::ops::Range<usize>| {
                slices
                    .get_or_init(|| {
                        self.ranker
                            .slice_ranker(&self.jieba, &text_terms, ARTICLE_KEYWORDS)
                    })
                    .rank(range)
            };
            articles::analyse(&whole, &bounds, &rank)
        };
        times.articles_ms = lap();
        start(Stage::Cloud);
        let keyword_links = {
            let terms: Vec<&str> = rankings.tfidf.iter().map(|k| k.term.as_str()).collect();
            cooccurrence::link_terms(&chars, &sentences, &terms)
        };
        let cloud = {
            let words: Vec<CloudInput> = rankings.tfidf.iter().map(CloudInput::from).collect();
            cloud::layout(&words, &self.cloud, &EstimatedGlyphs, None)
        };
        times.cloud_ms = lap();
        rankings.tfidf.truncate(options.top_k);
        rankings.textrank.truncate(options.top_k);
        rankings.frequency.truncate(options.top_k);
        let report = Report {
            stats,
            keywords: rankings.tfidf,
            textrank: rankings.textrank,
            entities,
            entity_links,
            names_from,
            cloud,
            phrases: found,
            keyword_links,
            quoted_terms,
            frequency: rankings.frequency,
            articles,
            coverage,
        };
        (report, times)
    }

    /// Where `term` occurs in `text`: the first `limit` occurrences with `width` chars of context
    /// on each side, and their spread over the text (see [`contexts::find`]).
    pub fn contexts(&self, text: &str, term: &str, limit: usize) -> contexts::Contexts {
        contexts::find(text, term, CONTEXT_WIDTH, limit, DISPERSION_BINS)
    }

    /// Page `page` (see [`passage::page_starts`], given as `starts`) of `text`, segmented, with
    /// the entities of `entities` (the whole text's, sorted by start) that fall in it.
    pub fn passage(
        &self,
        text: &str,
        starts: &[(usize, usize)],
        page: usize,
        entities: &[passage::PassageEntity],
    ) -> passage::Passage {
        let page = page.min(starts.len().saturating_sub(1));
        let (start, from) = starts.get(page).copied().unwrap_or((0, 0));
        let to = starts.get(page + 1).map_or(text.len(), |&(_, b)| b);
        let slice = text.get(from..to).unwrap_or_default();
        let normalized = Normalized::new(slice);
        let tokens: Vec<passage::PassageToken> = segment::segment(&self.jieba, &normalized.text)
            .into_iter()
            .map(|t| passage::PassageToken {
                start: start + t.start,
                end: start + t.end,
                pos: t.pos.into(),
            })
            .collect();
        let end = start + slice.chars().count();
        let text_chars = starts.last().map_or(0, |&(c, b)| {
            c + text.get(b..).map_or(0, |rest| rest.chars().count())
        });
        passage::Passage {
            start,
            end,
            page,
            pages: starts.len(),
            text_chars,
            text: slice.to_string(),
            tokens,
            entities: passage::entities_within(entities, start, end),
        }
    }

    /// Words of one line, in the input's own characters (concatenation == input line).
    pub fn segment(&self, line: &str) -> Vec<String> {
        let normalized = Normalized::new(line);
        let chars: Vec<char> = line.chars().collect();
        segment::segment(&self.jieba, &normalized.text)
            .iter()
            .filter_map(|t| chars.get(t.start..t.end))
            .map(|cs| cs.iter().collect())
            .collect()
    }

    /// One (char, tag) per non-white-space char of `sentence`: "O", "B-PER", "I-PER", "B-LOC",
    /// "B-ORG", "B-TIME", "B-QTY", "B-WORK", ...
    pub fn ner_bio(&self, sentence: &str) -> Vec<(char, String)> {
        let normalized = Normalized::new(sentence);
        let tokens = segment::segment(&self.jieba, &normalized.text);
        let chars: Vec<char> = normalized.text.chars().collect();
        let (spans, _) = self.entity_spans(&normalized.text, &chars, &tokens, &|_| {});
        bio::tag(sentence, &spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `#[serde(default)]` lets the page send only what the user changed.
    #[test]
    fn options_default_and_partial_json() {
        assert_eq!(Options::default().top_k, 50);
        let o: Result<Options, _> = serde_json::from_str("{}");
        assert_eq!(o.ok(), Some(Options::default()));
        let o: Result<Options, _> = serde_json::from_str(r#"{"extra_stopwords":["汽车"]}"#);
        assert_eq!(
            o.map(|o| (o.top_k, o.extra_stopwords)).ok(),
            Some((50, vec!["汽车".to_string()]))
        );
    }
}
