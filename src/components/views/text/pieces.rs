//! A page of text cut into the pieces the text view draws: tokens, split further wherever an
//! entity or a mark begins or ends, so that every highlight covers whole pieces.

use std::collections::HashSet;

use wenxi_core::normalize::fold_width;
use wenxi_core::passage::Passage;
use wenxi_core::EntityType;

use crate::state::views::TextMark;

/// One stretch of the page drawn as one element (or one text node for white space).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Char span in the whole text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// jieba's tag of the token it belongs to (`x`: white space or punctuation).
    pub pos: String,
    /// The first piece of its token (a token cut by a highlight has more than one).
    pub token_start: bool,
    /// White space only: drawn as a bare text node.
    pub space: bool,
    /// Its token is one of the reader's keywords.
    pub keyword: bool,
    /// The entity it lies in (index into the page's entities, and its type).
    pub entity: Option<(usize, EntityType)>,
    /// The mark it lies in (index into the page's marks).
    pub mark: Option<usize>,
}

impl Piece {
    /// A word the reader can pick (not white space or punctuation).
    pub fn is_word(&self) -> bool {
        self.pos != "x"
    }
}

/// A char as the engine matches it: full-width forms folded, Latin letters in lower case.
pub fn fold(c: char) -> char {
    let c = fold_width(c);
    c.to_lowercase().next().unwrap_or(c)
}

/// A string as the engine matches it (see [`fold`]).
pub fn folded(s: &str) -> String {
    s.chars().map(fold).collect()
}

/// The spans (chars of the whole text) the mark covers on this page, left to right: every
/// occurrence of a term (not overlapping, as the engine counts them), or the page's entities
/// of one type whose text is the entity's.
pub fn mark_spans(passage: &Passage, mark: &TextMark) -> Vec<(usize, usize)> {
    let chars: Vec<char> = passage.text.chars().collect();
    match mark {
        TextMark::Term(term) => {
            let needle: Vec<char> = term.trim().chars().map(fold).collect();
            let hay: Vec<char> = chars.iter().copied().map(fold).collect();
            let mut spans = Vec::new();
            if needle.is_empty() {
                return spans;
            }
            let mut i = 0;
            while i + needle.len() <= hay.len() {
                if hay[i..i + needle.len()] == needle[..] {
                    spans.push((passage.start + i, passage.start + i + needle.len()));
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
            spans
        }
        TextMark::Entity { text, kind } => passage
            .entities
            .iter()
            .filter(|e| e.kind == *kind && e.start >= passage.start && e.end <= passage.end)
            .filter(|e| {
                let shown: String = chars[e.start - passage.start..e.end - passage.start]
                    .iter()
                    .collect();
                shown == *text
            })
            .map(|e| (e.start, e.end))
            .collect(),
    }
}

/// The page cut into pieces. `keywords` are folded (see [`folded`]); `marks` come from
/// [`mark_spans`].
pub fn pieces(
    passage: &Passage,
    keywords: &HashSet<String>,
    marks: &[(usize, usize)],
) -> Vec<Piece> {
    let chars: Vec<char> = passage.text.chars().collect();
    let (page_start, page_end) = (passage.start, passage.start + chars.len());
    let clip = |at: usize| at.clamp(page_start, page_end);
    let mut cuts: Vec<usize> = passage
        .tokens
        .iter()
        .flat_map(|t| [t.start, t.end])
        .chain(passage.entities.iter().flat_map(|e| [e.start, e.end]))
        .chain(marks.iter().flat_map(|&(s, e)| [s, e]))
        .chain([page_start, page_end])
        .map(clip)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len());
    let (mut token, mut first_entity, mut first_mark) = (0, 0, 0);
    for span in cuts.windows(2) {
        let (start, end) = (span[0], span[1]);
        let text: String = chars[start - page_start..end - page_start].iter().collect();
        while token + 1 < passage.tokens.len() && passage.tokens[token].end <= start {
            token += 1;
        }
        let (pos, token_start, keyword) = match passage.tokens.get(token) {
            Some(t) if t.start <= start && end <= t.end => {
                let whole: String = chars[clip(t.start) - page_start..clip(t.end) - page_start]
                    .iter()
                    .collect();
                (
                    t.pos.clone(),
                    t.start == start,
                    t.pos != "x" && keywords.contains(&folded(&whole)),
                )
            }
            _ => ("x".to_string(), true, false),
        };
        while first_entity < passage.entities.len() && passage.entities[first_entity].end <= start {
            first_entity += 1;
        }
        let entity = passage.entities[first_entity..]
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.start <= start)
            .filter(|(_, e)| e.end >= end)
            // Of nested entities the outermost (北京市图书馆 over 北京) keeps its piece, so
            // an entity is drawn whole.
            .max_by_key(|(i, e)| (e.end - e.start, usize::MAX - i))
            .map(|(i, e)| (first_entity + i, e.kind));
        while first_mark < marks.len() && marks[first_mark].1 <= start {
            first_mark += 1;
        }
        let mark = marks
            .get(first_mark)
            .filter(|&&(s, e)| s <= start && end <= e)
            .map(|_| first_mark);
        out.push(Piece {
            space: text.chars().all(char::is_whitespace),
            start,
            end,
            text,
            pos,
            token_start,
            keyword,
            entity,
            mark,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenxi_core::passage::{PassageEntity, PassageToken};

    /// 「北京市图书馆，Ａi 开放」 at char 100 of a text: tokens 北京市|图书馆|，|Ａi| |开放,
    /// a place 北京 inside an organisation 北京市图书馆.
    fn page() -> Passage {
        let t = |start: usize, end: usize, pos: &str| PassageToken {
            start: 100 + start,
            end: 100 + end,
            pos: pos.into(),
        };
        let e = |start: usize, end: usize, kind| PassageEntity {
            start: 100 + start,
            end: 100 + end,
            kind,
        };
        Passage {
            start: 100,
            end: 112,
            page: 1,
            pages: 2,
            text_chars: 300,
            text: "北京市图书馆，Ａi 开放".into(),
            tokens: vec![
                t(0, 3, "ns"),
                t(3, 6, "n"),
                t(6, 7, "x"),
                t(7, 9, "eng"),
                t(9, 10, "x"),
                t(10, 12, "v"),
            ],
            // Sorted by (start, end), as the worker sends them.
            entities: vec![
                e(0, 2, EntityType::Place),
                e(0, 6, EntityType::Organization),
            ],
        }
    }

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn pieces_tile_the_page_and_keep_tokens_and_entities() {
        let p = page();
        let keywords: HashSet<String> = ["图书馆".into(), "ai".into()].into();
        let got = pieces(&p, &keywords, &[]);
        assert_eq!(
            texts(&got),
            ["北京", "市", "图书馆", "，", "Ａi", " ", "开放"]
        );
        assert_eq!(got.concat_text(), p.text);
        // 北京市 is one token cut in two by the place inside the organisation.
        assert_eq!(
            got.iter().map(|p| p.token_start).collect::<Vec<_>>(),
            [true, false, true, true, true, true, true]
        );
        assert_eq!(got[0].entity, Some((1, EntityType::Organization)));
        assert_eq!(got[2].entity, Some((1, EntityType::Organization)));
        assert_eq!(got[3].entity, None);
        // Keywords match whole tokens, full-width and case folded; punctuation never.
        let kw: Vec<&str> = got
            .iter()
            .filter(|p| p.keyword)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(kw, ["图书馆", "Ａi"]);
        assert!(got[5].space && !got[5].is_word());
        assert!(!got[3].space && !got[3].is_word());
        assert_eq!(got[0].start, 100);
        assert_eq!(got[6].end, 112);
    }

    #[test]
    fn marks_find_terms_as_the_engine_does_and_cut_pieces() {
        let p = page();
        let marks = mark_spans(&p, &TextMark::Term("AI".into()));
        assert_eq!(marks, [(107, 109)]);
        let marks = mark_spans(&p, &TextMark::Term("京市图".into()));
        assert_eq!(marks, [(101, 104)]);
        let got = pieces(&p, &HashSet::new(), &marks);
        assert_eq!(
            texts(&got),
            ["北", "京", "市", "图", "书馆", "，", "Ａi", " ", "开放"]
        );
        let marked: Vec<&str> = got
            .iter()
            .filter(|p| p.mark == Some(0))
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["京", "市", "图"]);
        assert!(mark_spans(&p, &TextMark::Term(" ".into())).is_empty());
    }

    #[test]
    fn an_entity_mark_is_its_type_and_text() {
        let p = page();
        let place = TextMark::Entity {
            text: "北京".into(),
            kind: EntityType::Place,
        };
        assert_eq!(mark_spans(&p, &place), [(100, 102)]);
        let wrong_kind = TextMark::Entity {
            text: "北京".into(),
            kind: EntityType::Person,
        };
        assert!(mark_spans(&p, &wrong_kind).is_empty());
    }

    trait ConcatText {
        fn concat_text(&self) -> String;
    }

    impl ConcatText for Vec<Piece> {
        fn concat_text(&self) -> String {
            self.iter().map(|p| p.text.as_str()).collect()
        }
    }
}
