//! What each line of a paste looks like: a headline, a dateline, a byline, a caption, a
//! separator, the end of an article, or body text. Article starts are read off these kinds.

use crate::segment::is_han;

/// Longest line (non-space chars) that can still be a headline. Chinese headlines and
/// subtitles rarely run past 40 chars; body paragraphs usually do.
pub const MAX_TITLE_CHARS: usize = 40;
/// How far into a line a dateline's 电/讯 may be: `据新华社乌鲁木齐12月31日电` is 17 chars,
/// `株洲日报·掌上株洲讯` 10; a lead sentence that merely mentions 电 is usually further in.
const MAX_DATELINE_PREFIX: usize = 30;

/// The kind of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but white space.
    Blank,
    /// A rule between items: `———`, `***`, `====`.
    Separator,
    /// Short, with no sentence-final punctuation: a headline, subtitle or section heading.
    Title,
    /// A numbered heading (`一、`, `(二)`, `3.`, `第四章`): a section of one text, never the
    /// start of another article.
    Numbered,
    /// Opens with a news dateline: `本报讯`, `新华社北京6月16日电`, `株洲日报·掌上株洲讯`.
    Dateline,
    /// A byline on its own: `记者 张三`, `(记者 张三 通讯员 李四)`, `文/王五`.
    Byline,
    /// A line wholly in brackets: a caption or note (`(附图片1张)`, `(新华社记者某某摄)`).
    Aside,
    /// Closes an article: `(来源:…)`, `责任编辑:…`, `(完)`, or text ending in `(…电)`.
    End,
    /// Anything else: the paragraphs themselves.
    Body,
}

/// One line of the text: char range `[start, end)` without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub kind: LineKind,
}

/// The lines of `chars` with their kinds. `\n`, `\r\n` and a lone `\r` all end a line.
pub fn classify(chars: &[char]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\n' || chars[i] == '\r' {
            lines.push(line(chars, start, i));
            if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < chars.len() {
        lines.push(line(chars, start, chars.len()));
    }
    lines
}

fn line(chars: &[char], start: usize, end: usize) -> Line {
    let text = chars.get(start..end).unwrap_or(&[]);
    Line {
        start,
        end,
        kind: kind_of(text),
    }
}

/// The kind of one line's chars (no line break inside).
pub fn kind_of(line: &[char]) -> LineKind {
    let text = trim(line);
    if text.is_empty() {
        return LineKind::Blank;
    }
    if is_separator(text) {
        return LineKind::Separator;
    }
    if is_end_marker(text) {
        return LineKind::End;
    }
    if is_byline(text) {
        return LineKind::Byline;
    }
    if is_dateline(text) {
        return LineKind::Dateline;
    }
    if is_bracketed(text) {
        return LineKind::Aside;
    }
    if is_title_like(text) {
        return if is_numbered(text) {
            LineKind::Numbered
        } else {
            LineKind::Title
        };
    }
    LineKind::Body
}

/// `chars` without leading and trailing white space.
pub fn trim(chars: &[char]) -> &[char] {
    let first = chars.iter().position(|c| !c.is_whitespace());
    let last = chars.iter().rposition(|c| !c.is_whitespace());
    match (first, last) {
        (Some(f), Some(l)) => &chars[f..=l],
        _ => &[],
    }
}

fn starts_with(text: &[char], prefix: &str) -> bool {
    let mut it = text.iter();
    prefix.chars().all(|p| it.next() == Some(&p))
}

fn contains(text: &[char], needle: &str) -> bool {
    let needle: Vec<char> = needle.chars().collect();
    text.windows(needle.len()).any(|w| w == needle.as_slice())
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '[' | '【' | '〔' | '［')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | ']' | '】' | '〕' | '］')
}

/// Three or more marks and nothing a reader would read: no letter, digit or Han char.
fn is_separator(text: &[char]) -> bool {
    let marks = text.iter().filter(|c| !c.is_whitespace()).count();
    marks >= 3 && !text.iter().any(|&c| c.is_alphanumeric() || is_han(c))
}

/// Wholly in brackets (the closing bracket is the last char and matches the first).
fn is_bracketed(text: &[char]) -> bool {
    match (text.first(), text.last()) {
        (Some(&open), Some(&close)) if is_open(open) && is_close(close) => {
            // `(A)…(B)` is two asides side by side, still an aside; what matters is that
            // no text stands outside brackets.
            let mut depth = 0i32;
            for &c in text {
                if is_open(c) {
                    depth += 1;
                } else if is_close(c) {
                    depth -= 1;
                } else if depth == 0 && !c.is_whitespace() {
                    return false;
                }
            }
            true
        }
        _ => false,
    }
}

/// Sources credited at an article's end, and the editor's line.
const END_WORDS: [&str; 5] = ["来源:", "责任编辑", "责编:", "编辑:", "原标题:"];

fn is_end_marker(text: &[char]) -> bool {
    let inner: &[char] = match text.first() {
        Some(&c) if is_open(c) => &text[1..],
        _ => text,
    };
    if END_WORDS.iter().any(|w| starts_with(inner, w)) || starts_with(inner, "完)") {
        return true;
    }
    // A last paragraph that ends by crediting its agency: `谢谢!(新华社北京12月31日电)`.
    if let Some(&last) = text.last() {
        if is_close(last) {
            if let Some(open) = text.iter().rposition(|&c| is_open(c)) {
                let group = &text[open + 1..text.len() - 1];
                return (group.last() == Some(&'电') && group.len() <= MAX_DATELINE_PREFIX)
                    || starts_with(group, "来源")
                    || contains(group, "责任编辑");
            }
        }
    }
    false
}

/// Words a byline opens with.
const BYLINE_WORDS: [&str; 10] = [
    "记者",
    "本报记者",
    "特约记者",
    "通讯员",
    "本报通讯员",
    "文/",
    "文|",
    "文图/",
    "作者:",
    "撰文",
];

/// A short line crediting reporters: no sentence punctuation, opens with a byline word
/// (possibly inside brackets).
fn is_byline(text: &[char]) -> bool {
    let inner: &[char] = match text.first() {
        Some(&c) if is_open(c) => &text[1..],
        _ => text,
    };
    text.len() <= MAX_TITLE_CHARS
        && BYLINE_WORDS.iter().any(|w| starts_with(inner, w))
        // `(本报记者某某摄)` credits a photo, inside an article.
        && !text.contains(&'摄')
        && !text.iter().any(|&c| matches!(c, '。' | ',' | ';' | '!' | '?'))
}

/// Marks of a news source in a dateline: 本报, 新华社, 中新网, 日报, 电视台, 客户端.
const SOURCE_MARKS: [char; 5] = ['报', '社', '网', '台', '端'];

/// Opens with `<source>[<place><date>]讯` or `<source><place><date>电`: the prefix before the
/// first 讯/电 is short, has no sentence punctuation, names a source, and a 电 follows a date
/// (`…日电`) or the source itself (`新华社电`).
fn is_dateline(text: &[char]) -> bool {
    let Some(k) = text
        .iter()
        .take(MAX_DATELINE_PREFIX + 1)
        .position(|&c| c == '讯' || c == '电')
    else {
        return false;
    };
    let prefix = &text[..k];
    let prefix = match prefix.first() {
        Some('据') => &prefix[1..],
        _ => prefix,
    };
    if prefix.is_empty()
        || prefix
            .iter()
            .any(|&c| matches!(c, '。' | ',' | ';' | ':' | '!' | '?' | '、'))
        || !prefix.iter().any(|c| SOURCE_MARKS.contains(c))
    {
        return false;
    }
    match text[k] {
        // 通讯, 资讯, 喜讯… are words, not a dateline's 讯.
        '讯' => !matches!(prefix.last(), Some(c) if "通资音喜死传审提质电问".contains(*c)),
        _ => matches!(prefix.last(), Some('日' | '社' | '网')),
    }
}

/// Short and unfinished: at most [`MAX_TITLE_CHARS`] chars, some Han, no 。 and no
/// sentence-final or continuing mark at its end. `!`/`?` end a headline only when nothing
/// else in it punctuates a sentence (`我们回来了!`, not `新年好,祝大家快乐!`).
fn is_title_like(text: &[char]) -> bool {
    let len = text.iter().filter(|c| !c.is_whitespace()).count();
    if len > MAX_TITLE_CHARS || text.iter().filter(|&&c| is_han(c)).count() < 2 {
        return false;
    }
    if text.contains(&'。') {
        return false;
    }
    let last = text
        .iter()
        .rev()
        .find(|&&c| !matches!(c, '”' | '’' | '"' | '\'' | '」' | '』'));
    match last {
        Some(';' | ':' | ',' | '、' | '…' | '.') => false,
        Some('!' | '?') => !text.iter().any(|&c| matches!(c, ',' | ';' | ':' | '、')),
        _ => true,
    }
}

const CHINESE_DIGITS: &str = "〇零一二三四五六七八九十百两壹贰叁肆伍陆柒捌玖拾";

/// Numbered like a section: `一、` `十二.` `(三)` `3、` `4.` `第五章` `Part`-less roman `IV.`.
fn is_numbered(text: &[char]) -> bool {
    let body: &[char] = match text.first() {
        Some(&c) if is_open(c) => &text[1..],
        _ => text,
    };
    if body.first() == Some(&'第') {
        let n = body[1..]
            .iter()
            .take_while(|&&c| CHINESE_DIGITS.contains(c) || c.is_ascii_digit())
            .count();
        return n > 0
            && matches!(
                body.get(1 + n),
                Some('章' | '节' | '部' | '篇' | '条' | '讲' | '课' | '回' | '卷' | '编')
            );
    }
    let n = body
        .iter()
        .take_while(|&&c| CHINESE_DIGITS.contains(c) || c.is_ascii_digit() || c == '.')
        .count();
    let roman = body
        .iter()
        .take_while(|&&c| matches!(c, 'I' | 'V' | 'X'))
        .count();
    let n = n.max(roman);
    n > 0 && n <= 4 && matches!(body.get(n), Some('、' | '.' | ')' | '〕' | ']' | ' ' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Normalized;

    fn kind(line: &str) -> LineKind {
        let chars: Vec<char> = Normalized::new(line).text.chars().collect();
        kind_of(&chars)
    }

    #[test]
    fn datelines_of_several_agencies() {
        for line in [
            "株洲日报·掌上株洲讯(记者/李逸峰 通讯员/王芳)昨日,市里召开会议。",
            "本报讯（记者 张三）昨天上午，全市举行大会。",
            "新华社北京6月16日电 国务院今天发布通知。",
            "据新华社北京１２月３０日电西藏自治区政府说，灾情严重。",
            "本报济南十二月三十一日电截至昨日，油田产油创新高。",
            "中新网上海3月2日电 记者从市政府获悉。",
        ] {
            assert_eq!(kind(line), LineKind::Dateline, "{line}");
        }
    }

    #[test]
    fn sentences_mentioning_electricity_are_body() {
        for line in [
            "电力公司今天宣布，全市用电负荷创下新高，供电保持稳定。",
            "他昨天来电说，明天一早就到，请大家做好接待准备。",
            "全市通讯网络建设加快，新建基站一千座，信号覆盖全部乡镇。",
            "网络通讯设备今年出口增长，电视台报道了这一消息。",
        ] {
            assert_eq!(kind(line), LineKind::Body, "{line}");
        }
    }

    #[test]
    fn headlines_bylines_asides_and_ends() {
        assert_eq!(kind("湘江新区新添三座跨江大桥"), LineKind::Title);
        assert_eq!(kind("我们回来了！"), LineKind::Title);
        assert_eq!(kind("新年好，祝大家快乐！"), LineKind::Body);
        assert_eq!(kind("一、总体要求"), LineKind::Numbered);
        assert_eq!(kind("（三）加强组织领导"), LineKind::Numbered);
        assert_eq!(kind("第二章 市场准入"), LineKind::Numbered);
        assert_eq!(kind("2. 工作目标"), LineKind::Numbered);
        assert_eq!(kind("记者 张三 李四"), LineKind::Byline);
        assert_eq!(kind("（附图片１张）"), LineKind::Aside);
        assert_eq!(kind("（来源：湖南日报）"), LineKind::End);
        assert_eq!(kind("责任编辑：王五"), LineKind::End);
        assert_eq!(kind("谢谢！（新华社北京１２月３１日电）"), LineKind::End);
        assert_eq!(kind("———————"), LineKind::Separator);
        assert_eq!(kind("* * *"), LineKind::Separator);
        assert_eq!(kind("   "), LineKind::Blank);
        assert_eq!(
            kind("这是一个很长的段落，它说明了一件事情，并且一直写下去，直到超过标题的长度为止。"),
            LineKind::Body
        );
    }

    #[test]
    fn every_kind_of_line_break_ends_a_line() {
        let chars: Vec<char> = "甲\r\n乙\r丙\n\n丁".chars().collect();
        let lines = classify(&chars);
        let texts: Vec<String> = lines
            .iter()
            .map(|l| chars[l.start..l.end].iter().collect())
            .collect();
        assert_eq!(texts, ["甲", "乙", "丙", "", "丁"]);
    }
}
