//! Where the articles of a paste begin.
//!
//! An article opens with a *head*: up to three title-like lines (headline, subtitle, author),
//! maybe bylines and bracketed notes, then either a dateline or the first body paragraph. How
//! much a head is believed depends on what backs it:
//! - a dateline or byline in it (`本报讯`, `新华社…电`, `记者 张三`): always a new article;
//! - a separator line or an article's closing line (`来源:`, `责任编辑:`) just before it:
//!   always; but an article has one dateline, so a bare dateline (no headline) straight after
//!   the text of an article that has none yet belongs to that article;
//! - a headline alone after a blank line: only if it is more than a label (six chars or
//!   more) and the vocabulary changes across it, since an essay's section headings look the
//!   same but are often short and its sections share their words;
//! - a headline alone with no blank line before it: only on a page already shown to hold news
//!   items (two datelines or more), and again only if the vocabulary changes.
//!
//! Numbered headings (`一、`, `(二)`, `3.`) are sections of one text and never open an article.

use std::collections::HashMap;

use super::lines::{classify, trim, Line, LineKind};
use crate::segment::Token;

/// At most this many title-like lines in one head (headline, subtitle, author line).
const MAX_HEAD_TITLES: usize = 3;
/// At most this many non-blank lines before a head reaches its dateline or body.
const MAX_HEAD_LINES: usize = 6;
/// Datelines or bylines that show a page holds news items, so that a headline with no blank
/// line before it may start one.
const NEWS_PAGE_DATELINES: usize = 2;
/// Chars a headline with no dateline needs: a news headline says something (湘江上新添一座
/// 大桥), a section heading is often a bare label (采茶, 背景, 结语).
const MIN_BARE_HEADLINE_CHARS: usize = 6;
/// Chars of text on each side of a headline compared for a change of vocabulary.
const COMPARE_CHARS: usize = 1500;
/// Above this cosine similarity of their content words, the texts on the two sides of a
/// headline are one text's sections rather than two articles. Measured, not derived: adjacent
/// People's Daily items mostly share less, halves of one item mostly more (see the report).
const MAX_SHARED_VOCABULARY: f64 = 0.25;
/// Chars of a first line that stands in for a missing headline.
const MAX_TITLE_CHARS: usize = 30;

/// One article of the text: char range `[start, end)` (trailing white space left out) and its
/// headline (or the start of its first line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleBounds {
    pub start: usize,
    pub end: usize,
    pub title: String,
}

/// What stands before a head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    TextStart,
    /// A separator line or an article's closing line.
    Marker,
    Blank,
    /// A body line, directly.
    Text,
}

/// A head: where it starts (line index), its headline line if any, and whether a dateline or
/// byline backs it.
#[derive(Debug, Clone, Copy)]
struct Head {
    line: usize,
    title_line: Option<usize>,
    press: bool,
    before: Before,
}

/// The articles of `chars`, in order. One article covering the whole text (or nothing, for a
/// blank text) when the evidence for several is weak. `tokens` are the text's tokens and
/// `terms` the content word each counts as (`None`: none), compared across a bare headline.
pub fn split(chars: &[char], tokens: &[Token], terms: &[Option<u32>]) -> Vec<ArticleBounds> {
    let lines = classify(chars);
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind != LineKind::Blank)
        .collect();
    let Some(&first) = content.first() else {
        return Vec::new();
    };
    let heads = find_heads(&lines, &content);
    let press = heads.iter().filter(|h| h.press).count();
    let mut vocabulary = None;
    let mut starts: Vec<Head> = Vec::new();
    // Whether the article being read has had its dateline or byline.
    let mut dated = false;
    for (n, head) in heads.iter().enumerate() {
        let accept = match head.before {
            Before::TextStart | Before::Marker => true,
            // A bare dateline right after body text opens a new article only if the current
            // one already had its own; otherwise the text before it was this article's lead
            // or photo caption.
            Before::Text if head.press && head.title_line.is_none() => dated,
            _ if head.press => true,
            Before::Blank | Before::Text => {
                let allowed = (head.before == Before::Blank || press >= NEWS_PAGE_DATELINES)
                    && head.title_line.is_some_and(|t| {
                        trim(&chars[lines[t].start..lines[t].end]).len() >= MIN_BARE_HEADLINE_CHARS
                    });
                allowed && {
                    let v = vocabulary.get_or_insert_with(|| LineTerms::new(&lines, tokens, terms));
                    let from = starts.last().map_or(first, |s| s.line);
                    let to = heads.get(n + 1).map_or(lines.len(), |h| h.line);
                    v.similarity(&lines, from, head.line, to) <= MAX_SHARED_VOCABULARY
                }
            }
        };
        if accept {
            starts.push(*head);
            dated = head.press;
        } else {
            dated |= head.press;
        }
    }
    // The text before the first head (or all of it) is an article too.
    if starts.first().is_none_or(|s| s.line != first) {
        starts.insert(
            0,
            Head {
                line: first,
                title_line: None,
                press: false,
                before: Before::TextStart,
            },
        );
    }
    if starts.len() < 2 {
        starts.truncate(1);
    }
    starts
        .iter()
        .enumerate()
        .map(|(n, head)| {
            let next = starts.get(n + 1).map_or(lines.len(), |h| h.line);
            let last = (head.line..next)
                .rev()
                .find(|&i| lines[i].kind != LineKind::Blank)
                .unwrap_or(head.line);
            ArticleBounds {
                start: lines[head.line].start + leading_space(chars, &lines[head.line]),
                end: lines[last].end - trailing_space(chars, &lines[last]),
                title: title(
                    chars,
                    &lines[head.title_line.unwrap_or(head.line)],
                    head.title_line.is_some(),
                ),
            }
        })
        .collect()
}

/// Every head of the text, in order (`content` = indices of the non-blank lines).
fn find_heads(lines: &[Line], content: &[usize]) -> Vec<Head> {
    let mut heads = Vec::new();
    for (n, &i) in content.iter().enumerate() {
        let kind = lines[i].kind;
        if !matches!(
            kind,
            LineKind::Title | LineKind::Byline | LineKind::Dateline
        ) {
            continue;
        }
        // A caption or note may close the previous article: look past it.
        let prev = content[..n]
            .iter()
            .rev()
            .find(|&&p| lines[p].kind != LineKind::Aside);
        let before = match prev.map(|&p| lines[p].kind) {
            None if n == 0 => Before::TextStart,
            None => Before::Text,
            // Inside a head already: the head started earlier.
            Some(LineKind::Title | LineKind::Byline | LineKind::Numbered) => continue,
            Some(LineKind::Separator | LineKind::End) => Before::Marker,
            Some(_) if content[n - 1] + 1 < i => Before::Blank,
            Some(_) => Before::Text,
        };
        if let Some(head) = read_head(lines, &content[n..], before) {
            heads.push(head);
        }
    }
    heads
}

/// The head starting at `rest[0]`, if those lines make one: title-like lines, bylines and
/// asides, then a dateline or body. A headline with nothing after it is no head.
fn read_head(lines: &[Line], rest: &[usize], before: Before) -> Option<Head> {
    let mut head = Head {
        line: rest[0],
        title_line: None,
        press: false,
        before,
    };
    let mut titles = 0;
    for &i in rest.iter().take(MAX_HEAD_LINES) {
        match lines[i].kind {
            LineKind::Title => {
                titles += 1;
                if titles > MAX_HEAD_TITLES {
                    return None;
                }
                head.title_line.get_or_insert(i);
            }
            LineKind::Byline => head.press = true,
            LineKind::Aside => {}
            LineKind::Dateline => {
                head.press = true;
                return Some(head);
            }
            LineKind::Body => return (titles > 0 || head.press).then_some(head),
            LineKind::Numbered | LineKind::End | LineKind::Separator | LineKind::Blank => {
                return None
            }
        }
    }
    None
}

fn leading_space(chars: &[char], line: &Line) -> usize {
    chars[line.start..line.end]
        .iter()
        .take_while(|c| c.is_whitespace())
        .count()
}

fn trailing_space(chars: &[char], line: &Line) -> usize {
    chars[line.start..line.end]
        .iter()
        .rev()
        .take_while(|c| c.is_whitespace())
        .count()
}

/// A headline line whole; a first line standing in for one, cut to [`MAX_TITLE_CHARS`].
fn title(chars: &[char], line: &Line, is_headline: bool) -> String {
    let text = trim(&chars[line.start..line.end]);
    if is_headline || text.len() <= MAX_TITLE_CHARS {
        text.iter().collect()
    } else {
        let mut cut: String = text[..MAX_TITLE_CHARS].iter().collect();
        cut.push('…');
        cut
    }
}

/// The content words of each line, as small ids, for comparing the vocabulary of two stretches.
struct LineTerms {
    /// Per line: the ids of its terms.
    terms: Vec<Vec<u32>>,
}

impl LineTerms {
    fn new(lines: &[Line], tokens: &[Token], ids: &[Option<u32>]) -> Self {
        let mut terms = vec![Vec::new(); lines.len()];
        let mut line = 0;
        for (token, id) in tokens
            .iter()
            .zip(ids)
            .filter_map(|(t, id)| Some((t, (*id)?)))
        {
            while line < lines.len() && lines[line].end <= token.start {
                line += 1;
            }
            let Some(slot) = terms.get_mut(line) else {
                break;
            };
            slot.push(id);
        }
        LineTerms { terms }
    }

    /// Cosine similarity of the term counts of lines `[from, at)` and `[at, to)`, each side cut
    /// to about [`COMPARE_CHARS`] chars nearest `at`. 0 when either side has no terms.
    fn similarity(&self, lines: &[Line], from: usize, at: usize, to: usize) -> f64 {
        let side = |range: &mut dyn Iterator<Item = usize>| {
            let mut counts: HashMap<u32, f64> = HashMap::new();
            let mut chars = 0;
            for i in range {
                if chars >= COMPARE_CHARS {
                    break;
                }
                chars += lines[i].end - lines[i].start;
                for &t in &self.terms[i] {
                    *counts.entry(t).or_insert(0.0) += 1.0;
                }
            }
            counts
        };
        let a = side(&mut (from..at).rev());
        let b = side(&mut (at..to));
        let dot: f64 = a.iter().filter_map(|(t, x)| b.get(t).map(|y| x * y)).sum();
        let norm = |v: &HashMap<u32, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
        let denominator = norm(&a) * norm(&b);
        if denominator > 0.0 {
            dot / denominator
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use jieba_rs::Jieba;
    use std::sync::OnceLock;

    fn jieba() -> &'static Jieba {
        static J: OnceLock<Jieba> = OnceLock::new();
        J.get_or_init(Jieba::new)
    }

    fn titles(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let tokens = segment(jieba(), text);
        // Nouns of two chars or more, numbered by text.
        let mut ids = std::collections::HashMap::new();
        let terms: Vec<Option<u32>> = tokens
            .iter()
            .map(|t| {
                let next = ids.len() as u32;
                (t.pos.starts_with('n') && t.text.chars().count() >= 2)
                    .then(|| *ids.entry(t.text).or_insert(next))
            })
            .collect();
        split(&chars, &tokens, &terms)
            .into_iter()
            .map(|b| b.title)
            .collect()
    }

    #[test]
    fn separators_and_closing_lines_open_articles_whatever_the_headline() {
        let text = "春耕\n农民忙着翻地播种，田里一片繁忙。\n———\n夏收\n麦子熟了，收割机开进了麦田。\n来源:县报\n秋实\n果园里苹果挂满枝头，果农忙着采摘。";
        assert_eq!(titles(text), ["春耕", "夏收", "秋实"]);
    }

    #[test]
    fn a_bare_dateline_joins_the_article_it_follows_until_that_one_has_its_own() {
        // The photo caption and lead come before the dateline: one article, the whole text.
        let one = "江城举行新年音乐会\n舞台上灯火辉煌，观众座无虚席。\n本报武汉1月1日讯 昨晚，新年音乐会在琴台大剧院举行。\n演出持续了两个小时。";
        assert_eq!(titles(one), ["江城举行新年音乐会"]);
        // An article that had its dateline, then another dateline: two.
        let two = format!("{one}\n新华社北京1月1日电 国家统计局今天发布数据，全国粮食产量再创新高。\n粮食总产量连续十年稳定。");
        let found = titles(&two);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0], "江城举行新年音乐会");
        assert!(found[1].starts_with("新华社北京1月1日电"));
    }

    #[test]
    fn an_unbacked_headline_between_paragraphs_needs_a_news_page() {
        let items = [
            "市区新开三条公交线路\n本报讯 市公交集团今天开通三条新线路，方便郊区居民出行。\n",
            "全市小麦喜获丰收\n本报讯 今年全市小麦平均亩产超过五百公斤，农民收入增加。\n",
            "老城区街道完成绿化改造\n街道两旁新种了银杏和樱花，社区还修建了健身步道和座椅。\n",
        ];
        let page: String = items.concat();
        assert_eq!(
            titles(&page),
            [
                "市区新开三条公交线路",
                "全市小麦喜获丰收",
                "老城区街道完成绿化改造"
            ]
        );
        // Without the datelines nothing shows these are news items rather than sections.
        let bare = page.replace("本报讯 ", "");
        assert_eq!(titles(&bare), ["市区新开三条公交线路"]);
    }

    #[test]
    fn blank_text_has_no_articles() {
        assert!(titles("").is_empty());
        assert!(titles(" \n\r\n ").is_empty());
    }
}
