//! Markdown → a reader's text: the words stay, the syntax that would pollute keyword counts
//! goes (heading marks, emphasis, link targets, images, bare URLs, tags, table pipes). Not a
//! CommonMark renderer: each line is read on its own, with lookahead only for tables.

use crate::entities;

/// How far a `<` looks for its `>`: a tag or autolink is short.
const TAG_SEARCH: usize = 2048;

pub fn to_text(md: &str) -> String {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = String::with_capacity(md.len());
    let mut fence: Option<(u8, usize)> = None;
    let mut in_comment = false;
    let mut in_table = false;
    for (n, &line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = line.trim_start();
        if let Some((mark, len)) = fence {
            if indent <= 3 && fence_run(body).is_some_and(|(m, l)| m == mark && l >= len) {
                fence = None;
            } else {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        if in_comment {
            if let Some(end) = line.find("-->") {
                in_comment = false;
                inline(&line[end + 3..], &mut out);
                out.push('\n');
            }
            continue;
        }
        if indent <= 3 {
            if let Some(run) = fence_run(body) {
                fence = Some(run);
                continue;
            }
        }
        if body.is_empty() {
            in_table = false;
            out.push('\n');
            continue;
        }
        if indent <= 3 && (is_definition(body) || is_rule(body) || is_delimiter_row(body)) {
            in_table = in_table || is_delimiter_row(body);
            if !is_delimiter_row(body) {
                out.push('\n');
            }
            continue;
        }
        if let Some(start) = line.rfind("<!--").filter(|&s| !line[s..].contains("-->")) {
            in_comment = true;
            if !line[..start].trim().is_empty() {
                inline(&line[..start], &mut out);
                out.push('\n');
            }
            continue;
        }
        let body = strip_block_marks(body);
        let next_is_delimiter = lines.get(n + 1).is_some_and(|l| is_delimiter_row(l.trim()));
        if (in_table || next_is_delimiter) && body.contains('|') {
            table_row(body, &mut out);
        } else {
            inline(body, &mut out);
        }
        out.push('\n');
    }
    let kept = out.trim_end_matches('\n').len();
    out.truncate(kept);
    out
}

/// A code fence (three or more backticks or tildes): its mark and length.
fn fence_run(body: &str) -> Option<(u8, usize)> {
    let mark = *body.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let len = body.bytes().take_while(|&c| c == mark).count();
    (len >= 3).then_some((mark, len))
}

/// `[label]: target`, a reference-link definition.
fn is_definition(body: &str) -> bool {
    body.starts_with('[')
        && body
            .find("]:")
            .is_some_and(|end| end > 1 && !body[1..end].contains(']'))
}

/// `---`, `***`, `___` (also setext heading underlines `===`).
fn is_rule(body: &str) -> bool {
    let mut marks = body.chars().filter(|c| *c != ' ');
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '=')
        && body.chars().filter(|c| *c == first).count() >= 3
        && marks.all(|c| c == first)
}

/// `| --- | :--: |`: the line under a table's header.
fn is_delimiter_row(body: &str) -> bool {
    body.contains('-')
        && body.contains('|')
        && body
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Drops block quote marks, heading marks, list bullets and task boxes.
fn strip_block_marks(mut body: &str) -> &str {
    while let Some(rest) = body.strip_prefix('>') {
        body = rest.trim_start();
    }
    let hashes = body.bytes().take_while(|&c| c == b'#').count();
    if (1..=6).contains(&hashes) && body[hashes..].chars().next().is_none_or(|c| c == ' ') {
        body = body[hashes..].trim();
        // A closing sequence of #'s after a space.
        let trimmed = body.trim_end_matches('#');
        if trimmed.is_empty() || trimmed.ends_with(' ') {
            body = trimmed.trim_end();
        }
        return body;
    }
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let bullet = match body.as_bytes().first() {
        Some(b'-' | b'*' | b'+') => 1,
        _ if (1..=9).contains(&digits)
            && matches!(body.as_bytes().get(digits), Some(b'.' | b')')) =>
        {
            digits + 1
        }
        _ => 0,
    };
    if bullet > 0 && body[bullet..].starts_with(' ') {
        body = body[bullet..].trim_start();
        for task in ["[ ] ", "[x] ", "[X] "] {
            if let Some(rest) = body.strip_prefix(task) {
                body = rest;
            }
        }
    }
    body
}

/// A table row: cells (outer pipes dropped) joined by tabs.
fn table_row(body: &str, out: &mut String) {
    let body = body.trim();
    let body = body.strip_prefix('|').unwrap_or(body);
    let body = body.strip_suffix('|').unwrap_or(body);
    let mut cells = Vec::new();
    let mut start = 0;
    let b = body.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'|' && (i == 0 || b[i - 1] != b'\\') {
            cells.push(&body[start..i]);
            start = i + 1;
        }
    }
    cells.push(&body[start..]);
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        inline(cell.trim(), out);
    }
}

/// Inline syntax of one line: emphasis, code spans, links, images, autolinks, bare URLs, tags.
fn inline(line: &str, out: &mut String) {
    let mut plain = String::with_capacity(line.len());
    let b = line.as_bytes();
    let partners = Partners::of(b);
    let mut next_gt = None;
    // Where a link's text ends and where the text after its target starts (innermost last).
    let mut link_ends: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(&(close, resume)) = link_ends.last() {
            if i == close {
                link_ends.pop();
                i = resume;
                continue;
            }
        }
        let c = b[i];
        match c {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                plain.push(char::from(b[i + 1]));
                i += 2;
            }
            b'`' => {
                let run = b[i..].iter().take_while(|&&x| x == b'`').count();
                match partner(&partners.code, i) {
                    Some(end) => {
                        plain.push_str(line[i + run..end].trim_matches(' '));
                        i = end + run;
                    }
                    None => {
                        plain.push_str(&line[i..i + run]);
                        i += run;
                    }
                }
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match partners.link_at(b, i + 1) {
                Some((_, after)) => i = after,
                None => {
                    plain.push('!');
                    i += 1;
                }
            },
            b'[' => match partners.link_at(b, i) {
                Some((close, after)) => {
                    link_ends.push((close, after));
                    i += 1;
                }
                None => {
                    plain.push('[');
                    i += 1;
                }
            },
            b'<' => match tag_end(b, i, &mut next_gt) {
                Some(end) => i = end + 1,
                None => {
                    plain.push('<');
                    i += 1;
                }
            },
            b'*' => {
                let run = b[i..].iter().take_while(|&&x| x == b'*').count();
                let spaced = i > 0
                    && b[i - 1].is_ascii_whitespace()
                    && b.get(i + run).is_some_and(u8::is_ascii_whitespace);
                if spaced {
                    plain.push_str(&line[i..i + run]);
                }
                i += run;
            }
            b'_' => {
                let run = b[i..].iter().take_while(|&&x| x == b'_').count();
                let before = line[..i].chars().next_back();
                let after = line[i + run..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric)
                {
                    plain.push_str(&line[i..i + run]);
                }
                i += run;
            }
            // `~~strike~~` marks go; a single `~` (as in "3~5 天") stays.
            b'~' if b.get(i + 1) == Some(&b'~') => {
                i += b[i..].iter().take_while(|&&x| x == b'~').count();
            }
            b'h' | b'f' | b'w' if starts_word(b, i) && url_at(&line[i..]) => {
                // Up to white space or the first non-ASCII character (Chinese text often
                // follows a URL directly).
                i += b[i..].iter().take_while(|x| x.is_ascii_graphic()).count();
            }
            _ => {
                let len = line[i..].chars().next().map_or(1, char::len_utf8);
                plain.push_str(&line[i..i + len]);
                i += len;
            }
        }
    }
    entities::decode_into(&plain, out);
}

/// A bare URL starts here.
fn url_at(s: &str) -> bool {
    ["http://", "https://", "ftp://", "www."].iter().any(|p| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    })
}

fn starts_word(b: &[u8], i: usize) -> bool {
    i == 0 || !b[i - 1].is_ascii_alphanumeric()
}

/// Partners on one line, found in one pass each so that a line of unmatched marks stays
/// linear: brackets and parentheses (nesting and backslash escapes respected), and for each
/// backtick run the start of the next run of the same length, which closes a code span.
struct Partners {
    /// `(open, close)`, sorted by `open`.
    brackets: Vec<(usize, usize)>,
    /// `(start, start of the closing run)`, sorted by `start`.
    code: Vec<(usize, usize)>,
}

/// The partner of `at` in `pairs` (sorted by their first item).
fn partner(pairs: &[(usize, usize)], at: usize) -> Option<usize> {
    pairs
        .binary_search_by_key(&at, |&(open, _)| open)
        .ok()
        .map(|k| pairs[k].1)
}

impl Partners {
    fn of(b: &[u8]) -> Self {
        let mut brackets = Vec::new();
        let (mut squares, mut rounds) = (Vec::new(), Vec::new());
        let mut runs = Vec::new();
        let mut j = 0;
        while j < b.len() {
            match b[j] {
                b'\\' => j += 1,
                b'[' => squares.push(j),
                b'(' => rounds.push(j),
                b']' => {
                    if let Some(open) = squares.pop() {
                        brackets.push((open, j));
                    }
                }
                b')' => {
                    if let Some(open) = rounds.pop() {
                        brackets.push((open, j));
                    }
                }
                b'`' => {
                    let len = b[j..].iter().take_while(|&&x| x == b'`').count();
                    runs.push((j, len));
                    j += len - 1;
                }
                _ => {}
            }
            j += 1;
        }
        brackets.sort_unstable();
        // Runs longer than this never close a span here (no one writes them).
        let mut next_of_len = [None; 16];
        let mut code = Vec::new();
        for &(start, len) in runs.iter().rev() {
            if let Some(slot) = next_of_len.get_mut(len) {
                if let Some(close) = *slot {
                    code.push((start, close));
                }
                *slot = Some(start);
            }
        }
        code.reverse();
        Partners { brackets, code }
    }

    /// A link at `open` (a `[`): `[text](target)` or `[text][label]`. Returns where its text
    /// closes (the `]`) and where the text after the whole link starts.
    fn link_at(&self, b: &[u8], open: usize) -> Option<(usize, usize)> {
        let close = partner(&self.brackets, open)?;
        match b.get(close + 1)? {
            b'(' | b'[' => Some((close, partner(&self.brackets, close + 1)? + 1)),
            _ => None,
        }
    }
}

/// An HTML tag, comment or autolink at `at` (a `<`): where its `>` is. `next_gt` remembers
/// the last `>` found, so a line of many `<` is searched once.
fn tag_end(b: &[u8], at: usize, next_gt: &mut Option<Option<usize>>) -> Option<usize> {
    let next = *b.get(at + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let gt = match *next_gt {
        Some(found) if found.is_none_or(|g| g > at) => found,
        _ => {
            let found = b[at + 1..]
                .iter()
                .position(|&c| c == b'>')
                .map(|p| p + at + 1);
            *next_gt = Some(found);
            found
        }
    };
    gt.filter(|&g| g - at <= TAG_SEARCH)
}
