//! The report: everything one analysis returns, as plain serialisable data.
//!
//! The worker sends it to the page as JSON and `wenxi analyse --json` prints it, so the page and
//! the command line show the same thing. Field names are part of the public contract
//! (see ARCHITECTURE.md): rename nothing without updating the end-to-end tests.

use serde::{Deserialize, Serialize};

/// One analysis of one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub stats: Stats,
    /// Keywords ranked by TF-IDF, best first, `score` normalised so the best is 1.0.
    pub keywords: Vec<Keyword>,
    /// Keywords ranked by TextRank, best first, `score` normalised so the best is 1.0.
    pub textrank: Vec<Keyword>,
    /// Entities, most frequent first within each type; types in [`EntityType`] order.
    pub entities: Vec<Entity>,
    /// Pairs of people, places and organisations named in the same sentence, most sentences
    /// first.
    pub entity_links: Vec<EntityLink>,
    /// What found the people, places and organisations.
    pub names_from: NameSource,
    /// The keyword cloud, already laid out.
    pub cloud: Cloud,
    /// Multi-word terms and new words the text supports (cohesive, free at both ends), best
    /// first: candidates for the user's dictionary.
    pub phrases: Vec<crate::phrases::Phrase>,
    /// Pairs of top keywords used in the same sentences (at least two), most sentences first.
    pub keyword_links: Vec<crate::cooccurrence::TermLink>,
    /// Short quoted terms (“河长制”, 「放管服」): quoted two to twelve chars, not speech; most
    /// quoted first.
    #[serde(default)]
    pub quoted_terms: Vec<QuotedTerm>,
    /// Keywords ranked by plain frequency (same candidates as the other rankings), `score` =
    /// count / the top count.
    #[serde(default)]
    pub frequency: Vec<Keyword>,
    /// The articles of a paste that holds several (headlines, datelines, bylines), in text
    /// order; empty when the text reads as one article.
    #[serde(default)]
    pub articles: Vec<Article>,
    /// How much of the text was analysed (all of it unless it exceeded the engine's limit).
    #[serde(default)]
    pub coverage: Coverage,
}

/// A term the text puts in quotation marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotedTerm {
    /// The text between the marks.
    pub term: String,
    /// Times it is quoted.
    pub count: usize,
    /// Every quoted occurrence as a char range `[start, end)` (marks excluded), in text order.
    pub spans: Vec<[usize; 2]>,
}

/// How much of the text one report covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// Chars of the text given.
    pub total_chars: usize,
    /// Chars analysed: a prefix of the text, ending at a sentence or line boundary when it had
    /// to stop early.
    pub analysed_chars: usize,
    /// Why the analysis stopped early, in words for the reader; `None` when it read everything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

/// One article of a multi-article paste.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The headline (or the first line when there is none).
    pub title: String,
    /// Char range `[start, end)` of the article in the text.
    pub start: usize,
    pub end: usize,
    pub stats: Stats,
    /// The article's own TF-IDF keywords, best first.
    pub keywords: Vec<Keyword>,
    /// Terms that distinguish this article from the rest of the paste (log-likelihood keyness),
    /// most distinctive first.
    pub key_terms: Vec<KeyTerm>,
    /// The article's entities (same order as [`Report::entities`]).
    pub entities: Vec<Entity>,
}

/// A term used markedly more in one article than in the rest of the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyTerm {
    pub term: String,
    /// Occurrences in the article.
    pub count: usize,
    /// Occurrences in the rest of the text.
    pub rest_count: usize,
    /// Dunning's log-likelihood G² (higher: more distinctive; 3.84 is p < 0.05, 10.83 p < 0.001).
    pub log_likelihood: f64,
}

impl Report {
    /// True when the text held nothing to analyse (empty or white space only).
    pub fn is_empty(&self) -> bool {
        self.stats.characters == 0
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Characters other than white space.
    pub characters: usize,
    /// Han (CJK ideograph) characters.
    pub han_characters: usize,
    /// Word tokens: segments that are neither punctuation nor white space.
    pub words: usize,
    /// Distinct word tokens.
    pub unique_words: usize,
    pub sentences: usize,
    /// Non-empty lines.
    pub paragraphs: usize,
    /// Estimated reading time in seconds (Han characters at 300 a minute, other words at 200).
    pub reading_seconds: u32,
    /// Letters of other scripts (Latin, Cyrillic, kana…).
    pub letter_characters: usize,
    /// Decimal digits.
    pub digit_characters: usize,
    /// Punctuation marks.
    pub punctuation_characters: usize,
    /// Everything else that is not white space: symbols, emoji.
    pub other_characters: usize,
    /// Words that carry content: nouns, verbs, adjectives, adverbs, idioms, Latin words.
    pub content_words: usize,
    /// `content_words / words` (0 without words): how much of the text is content.
    pub lexical_density: f64,
    /// Mean sentence length in characters (white space not counted).
    pub mean_sentence_chars: f64,
    pub longest_sentence_chars: usize,
    /// The most frequent words of each part of speech, stop words left out.
    pub frequent: Vec<FrequentWords>,
}

/// A broad part of speech, for [`Stats::frequent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartOfSpeech {
    Noun,
    Verb,
    Adjective,
}

impl PartOfSpeech {
    pub fn label_zh(self) -> &'static str {
        match self {
            PartOfSpeech::Noun => "名词",
            PartOfSpeech::Verb => "动词",
            PartOfSpeech::Adjective => "形容词",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrequentWords {
    pub pos: PartOfSpeech,
    /// Most frequent first (ties by the word), at most ten.
    pub words: Vec<WordCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    pub term: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub term: String,
    /// 0..=1, relative to the best keyword of the same ranking.
    pub score: f64,
    /// Occurrences of the term in the text.
    pub count: usize,
    /// Part-of-speech tag of the term (jieba/ICTCLAS tag set).
    pub pos: String,
    /// The parts the score was made from, for an explanation.
    #[serde(default)]
    pub why: KeywordWhy,
}

/// What a keyword's score was made from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KeywordWhy {
    /// The score before normalising (TF-IDF value, TextRank rank, or the count).
    pub raw: f64,
    /// Term frequency: count / all candidate words of the text.
    pub tf: f64,
    /// TF-IDF: the inverse document frequency used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idf: Option<f64>,
    /// TF-IDF: true when jieba's IDF table does not know the term and the median IDF stood in.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub idf_unknown: bool,
    /// TextRank: the words most often near this one (within the window), most first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub neighbours: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Place,
    Organization,
    Time,
    Quantity,
    Work,
}

impl EntityType {
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Place,
        EntityType::Organization,
        EntityType::Time,
        EntityType::Quantity,
        EntityType::Work,
    ];

    /// The name used in `data-type` attributes and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
            EntityType::Time => "time",
            EntityType::Quantity => "quantity",
            EntityType::Work => "work",
        }
    }

    /// The heading a Chinese reader sees.
    pub fn label_zh(self) -> &'static str {
        match self {
            EntityType::Person => "人名",
            EntityType::Place => "地名",
            EntityType::Organization => "机构",
            EntityType::Time => "时间",
            EntityType::Quantity => "数量",
            EntityType::Work => "作品",
        }
    }

    /// The BIO suffix used by `wenxi ner --format bio` (MSRA-style for the first three).
    pub fn bio_tag(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Place => "LOC",
            EntityType::Organization => "ORG",
            EntityType::Time => "TIME",
            EntityType::Quantity => "QTY",
            EntityType::Work => "WORK",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub count: usize,
    /// Char offset of the first occurrence in the text.
    pub first: usize,
    /// Every occurrence as a char range `[start, end)` of the text, in text order (left empty
    /// in [`Article::entities`], which list only the top ones of each article).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<[usize; 2]>,
    /// What a time or quantity means (2020年6月 → 2020-06, 9504万元 → 95,040,000 CNY), where
    /// it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<crate::values::NormalizedValue>,
}

/// One entity, named by its text and type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityKey {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
}

/// Two entities named in the same sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityLink {
    pub a: EntityKey,
    pub b: EntityKey,
    /// Sentences that name both.
    pub sentences: usize,
}

/// Where the people, places and organisations of a report come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum NameSource {
    /// The trained entity model.
    Model,
    /// Part-of-speech rules only, because the model could not be used (`reason` says why).
    Rules { reason: String },
}

impl Default for NameSource {
    fn default() -> Self {
        NameSource::Rules {
            reason: "no entity model loaded".into(),
        }
    }
}

/// A laid-out keyword cloud in a `width` × `height` box (CSS px at 1×, SVG user units).
/// Fields after `words` are absent from reports made before they existed, hence the defaults.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cloud {
    pub width: f64,
    pub height: f64,
    pub words: Vec<CloudWord>,
    /// The outline filled: `rectangle`, `ellipse`, `cardioid`, `star` or `mask`.
    #[serde(default)]
    pub shape: String,
    /// Share of the shape's area covered by ink, 0..=1.
    #[serde(default)]
    pub fill: f64,
    /// The factor every font size was multiplied by so that all words fit (at most 1).
    #[serde(default)]
    pub scale: f64,
    /// The seed the layout was made with.
    #[serde(default)]
    pub seed: u64,
    /// True when every word asked for was placed; false only when even the smallest font size
    /// could not fit them all, and then `words` holds those that fit.
    #[serde(default)]
    pub complete: bool,
}

/// One placed word. Drawing model (the glyph measurer and every renderer follow it): a
/// horizontal or rotated word is one text with `text-anchor="middle"`, its alphabetic baseline
/// at (`x`, `y`), turned by `rotate` degrees about (`x`, `y`); a vertical word is its chars
/// stacked, each centred on `x`, char i's alphabetic baseline at `y + i * font_size`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CloudWord {
    pub term: String,
    /// The drawing origin: the middle of the text on its alphabetic baseline (first char's, when
    /// vertical).
    pub x: f64,
    pub y: f64,
    pub font_size: f64,
    /// True when the chars are stacked top to bottom.
    pub vertical: bool,
    /// The keyword score (0..=1) the size was derived from.
    pub weight: f64,
    /// How often the word occurs, for the page's hover.
    #[serde(default)]
    pub count: usize,
    /// Clockwise turn in degrees about (`x`, `y`); 0 unless the orientation is rotated.
    #[serde(default)]
    pub rotate: i32,
    /// Index into the renderer's palette (taken modulo its length): by rank, so the biggest
    /// words differ in colour.
    #[serde(default)]
    pub color: usize,
}
