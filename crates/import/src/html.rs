//! HTML → the text a reader sees: a small scanner rather than a DOM (the page's wasm stays
//! small), careful where text extraction can go wrong: tags spanning lines, `>` inside quoted
//! attributes, unclosed tags and comments, and raw text (`<script>`, `<style>`) that ends only
//! at its own end tag, as in browsers. Every search either consumes what it found or ends the
//! scan, so the work is linear in the input.

mod charset;

pub use charset::declared_encoding;

use crate::entities;

/// Elements whose whole content is hidden from the reader (scripting is on in the browser, so
/// `<noscript>` is hidden too).
const HIDDEN: &[&str] = &[
    "head", "noscript", "template", "svg", "math", "select", "object",
];
/// Elements whose content is raw text, ending only at their own end tag.
const RAW: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title",
];
/// Elements allowed in `<head>`; any other start tag there means the head has ended.
const IN_HEAD: &[&str] = &[
    "meta", "link", "title", "style", "script", "base", "noscript", "template",
];
/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "main",
    "blockquote",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "legend",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "listing",
    "option",
    "menu",
];

/// The readable text of an HTML document: its `<title>` as the first line, then the body.
pub fn to_text(html: &str) -> String {
    let mut scanner = Scanner::default();
    scanner.run(html);
    let body = scanner.out.trim_matches('\n');
    match scanner.title {
        Some(title) if !title.is_empty() => format!("{title}\n{body}"),
        _ => body.to_string(),
    }
}

#[derive(Default)]
struct Scanner {
    out: String,
    title: Option<String>,
    /// White space seen since the last text, written only before more text on the line.
    pending_space: bool,
    /// Inside `<pre>` (or `<listing>`, `<textarea>`): white space kept as is.
    pre: usize,
    /// The first newline right after `<pre>` is not content.
    pre_started: bool,
    /// The hidden element being skipped and how deeply it is nested in itself.
    hidden: Option<(&'static str, usize)>,
    scratch: String,
    /// No closing `"` / `'` exists from this byte on (a failed search is not repeated).
    no_quote_after: [usize; 2],
}

impl Scanner {
    fn run(&mut self, html: &str) {
        self.no_quote_after = [usize::MAX; 2];
        let b = html.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let lt = find_byte(b, i, b'<').unwrap_or(b.len());
            self.text(&html[i..lt]);
            if lt == b.len() {
                break;
            }
            i = self.markup(html, lt);
        }
    }

    /// Reads the markup at `at` (a `<`) and returns where the text after it starts.
    fn markup(&mut self, html: &str, at: usize) -> usize {
        let b = html.as_bytes();
        let next = b.get(at + 1).copied();
        if html[at..].starts_with("<!--") {
            return find_str(html, at + 2, "-->").map_or(b.len(), |e| e + 3);
        }
        match next {
            Some(b'!' | b'?') => find_byte(b, at, b'>').map_or(b.len(), |e| e + 1),
            Some(b'/') if b.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let name = tag_name(b, at + 2);
                self.end_tag(&name);
                find_byte(b, at, b'>').map_or(b.len(), |e| e + 1)
            }
            Some(b'/') => find_byte(b, at, b'>').map_or(b.len(), |e| e + 1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name = tag_name(b, at + 1);
                let Some(end) = self.tag_end(b, at + 1 + name.len()) else {
                    // A tag cut off by the end of the file shows nothing.
                    return b.len();
                };
                let self_closing = end > 0 && b[end - 1] == b'/';
                let after = end + 1;
                match RAW.iter().find(|&&r| r == name) {
                    Some(&raw) => self.raw_text(html, raw, after),
                    None => {
                        self.start_tag(&name, self_closing);
                        after
                    }
                }
            }
            _ => {
                self.text("<");
                at + 1
            }
        }
    }

    /// The `>` ending a start tag whose attributes start at `from`; quoted attribute values
    /// may hold `>`. An unclosed quote ends at the next `>` instead of swallowing the page.
    fn tag_end(&mut self, b: &[u8], from: usize) -> Option<usize> {
        let mut j = from;
        while j < b.len() {
            match b[j] {
                b'>' => return Some(j),
                b'=' => {
                    j += 1;
                    while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                        j += 1;
                    }
                    if let Some(&q) = b.get(j).filter(|&&c| c == b'"' || c == b'\'') {
                        let k = usize::from(q == b'\'');
                        let close = if j >= self.no_quote_after[k] {
                            None
                        } else {
                            find_byte(b, j + 1, q)
                        };
                        match close {
                            Some(c) => j = c + 1,
                            None => {
                                self.no_quote_after[k] = self.no_quote_after[k].min(j);
                                j += 1;
                            }
                        }
                    }
                }
                _ => j += 1,
            }
        }
        None
    }

    /// Raw text from `from` to `</name`: shown for `<textarea>`, kept as the title for
    /// `<title>`, dropped otherwise. Returns where the scan goes on.
    fn raw_text(&mut self, html: &str, name: &'static str, from: usize) -> usize {
        let b = html.as_bytes();
        let (content_end, resume) = match find_end_tag(b, from, name) {
            Some(at) => (at, find_byte(b, at, b'>').map_or(b.len(), |e| e + 1)),
            None => (b.len(), b.len()),
        };
        let content = &html[from..content_end];
        let hidden_by = self.hidden.map(|(h, _)| h);
        match name {
            "title" if self.title.is_none() && matches!(hidden_by, None | Some("head")) => {
                let mut decoded = String::new();
                entities::decode_into(content, &mut decoded);
                self.title = Some(
                    decoded
                        .split_ascii_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            "textarea" if hidden_by.is_none() => {
                self.newline();
                self.pre += 1;
                self.pre_started = true;
                self.text(content);
                self.pre -= 1;
                self.newline();
            }
            _ => {}
        }
        resume
    }

    fn start_tag(&mut self, name: &str, self_closing: bool) {
        if let Some((hidden, depth)) = self.hidden {
            if hidden == "head" && (name == "body" || !IN_HEAD.contains(&name)) {
                self.hidden = None;
            } else {
                if name == hidden && !self_closing {
                    self.hidden = Some((hidden, depth + 1));
                }
                return;
            }
        }
        if let Some(&hidden) = HIDDEN.iter().find(|&&h| h == name) {
            if !self_closing {
                self.hidden = Some((hidden, 1));
            }
            return;
        }
        match name {
            "br" => {
                self.out.push('\n');
                self.pending_space = false;
            }
            "td" | "th" => {
                if !self.out.is_empty() && !self.out.ends_with(['\n', '\t']) {
                    self.out.push('\t');
                }
                self.pending_space = false;
            }
            "pre" | "listing" => {
                self.newline();
                self.pre += 1;
                self.pre_started = true;
            }
            _ if BLOCKS.contains(&name) => self.newline(),
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str) {
        if let Some((hidden, depth)) = self.hidden {
            if name == hidden {
                self.hidden = (depth > 1).then_some((hidden, depth - 1));
            }
            return;
        }
        match name {
            "pre" | "listing" => {
                self.pre = self.pre.saturating_sub(1);
                self.newline();
            }
            "br" => self.out.push('\n'),
            _ if BLOCKS.contains(&name) => self.newline(),
            _ => {}
        }
    }

    /// Ends the current line, unless it is empty.
    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.pending_space = false;
    }

    /// Text between tags: references decoded; runs of white space one space (not in `<pre>`).
    fn text(&mut self, raw: &str) {
        if raw.is_empty() || self.hidden.is_some() {
            return;
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let text: &str = if raw.contains('&') {
            entities::decode_into(raw, &mut scratch);
            &scratch
        } else {
            raw
        };
        if self.pre > 0 {
            let mut text = text;
            if std::mem::take(&mut self.pre_started) {
                text = text
                    .strip_prefix("\r\n")
                    .or_else(|| text.strip_prefix('\n'))
                    .unwrap_or(text);
            }
            self.out.push_str(text);
        } else {
            for c in text.chars() {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}') {
                    self.pending_space = true;
                    continue;
                }
                if std::mem::take(&mut self.pending_space)
                    && !self.out.is_empty()
                    && !self.out.ends_with(['\n', '\t'])
                {
                    self.out.push(' ');
                }
                self.out.push(c);
            }
        }
        self.scratch = scratch;
    }
}

/// The lower-cased tag name starting at `at`.
fn tag_name(b: &[u8], at: usize) -> String {
    b[at..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
        .map(|c| char::from(c.to_ascii_lowercase()))
        .collect()
}

fn find_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == byte)
        .map(|p| p + from)
}

fn find_str(s: &str, from: usize, needle: &str) -> Option<usize> {
    s.get(from..)?.find(needle).map(|p| p + from)
}

/// Where `</name` (any case, then white space, `/`, `>` or the end) starts at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(lt) = find_byte(b, at, b'<') {
        let after = lt + 2 + name.len();
        if b.get(lt + 1) == Some(&b'/')
            && b.get(lt + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(after)
                .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
        {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}
