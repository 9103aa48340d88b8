//! Readers for the annotated corpora the model is trained and measured on. They parse text
//! already in memory, so callers decide where the corpora live and what to say when they are
//! absent.

use super::tags::KINDS;
use super::train::TrainingSentence;
use crate::normalize::normalize_char;
use crate::report::EntityType;

/// Sentences of an MSRA-style BIO file: one `char<TAB>tag` a line, a blank line between
/// sentences; `I-X` without a `B-X` before it starts an entity (as the evaluation reads it).
/// Empty blocks are dropped, so index `i % 10 == 0` is the development split everywhere.
pub fn read_bio(text: &str) -> Vec<TrainingSentence> {
    text.split("\n\n")
        .filter_map(|block| {
            let mut chars = String::new();
            let mut tags = Vec::new();
            for line in block.lines() {
                let Some((c, t)) = line.split_once('\t') else {
                    continue;
                };
                let Some(c) = c.chars().next() else { continue };
                chars.push(normalize_char(c));
                tags.push(t.trim());
            }
            (!tags.is_empty()).then(|| TrainingSentence {
                text: chars,
                spans: bio_spans(&tags),
            })
        })
        .collect()
}

/// Entity spans of string BIO tags (`B-PER`, `I-LOC`, `O` …); unknown types are ignored.
pub fn bio_spans(tags: &[&str]) -> Vec<(EntityType, usize, usize)> {
    let kind = |ty: &str| KINDS.iter().copied().find(|k| k.bio_tag() == ty);
    let mut out = Vec::new();
    let mut cur: Option<(EntityType, usize)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (bi, ty) = tag.split_once('-').unwrap_or(("O", ""));
        let k = kind(ty).filter(|_| bi == "B" || bi == "I");
        let continues = bi == "I" && cur.is_some_and(|(c, _)| Some(c) == k);
        if !continues {
            if let Some((c, s)) = cur.take() {
                out.push((c, s, i));
            }
            cur = k.map(|k| (k, i));
        }
    }
    if let Some((c, s)) = cur {
        out.push((c, s, tags.len()));
    }
    out
}

/// Paragraphs of the People's Daily 1998 corpus (`word/POS` tokens, PKU tags): `nr` → person
/// (a short surname token and the given name after it become one person, as MSRA marks
/// them), `ns` → place, `nt` → organisation; `[…]nt` and `[…]ns` brackets are one
/// organisation or place over the whole bracket, replacing the names inside it.
pub fn read_pd1998(text: &str) -> Vec<TrainingSentence> {
    text.lines().filter_map(pd_paragraph).collect()
}

fn pd_paragraph(line: &str) -> Option<TrainingSentence> {
    let mut text = String::new();
    let mut pos = 0usize;
    // (kind, start, end) of single tokens; brackets separately.
    let mut words: Vec<(Option<EntityType>, bool, usize, usize)> = Vec::new();
    let mut brackets: Vec<(EntityType, usize, usize)> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, raw) in line.split_whitespace().enumerate() {
        if i == 0 && raw.ends_with("/m") && raw.starts_with("199") {
            continue; // the paragraph id
        }
        let (raw, opens) = match raw.strip_prefix('[') {
            Some(r) if r.len() > 1 => (r, true),
            _ => (raw, false),
        };
        let (token, label) = match raw.rsplit_once(']') {
            Some((t, l)) if t.contains('/') && l.chars().all(|c| c.is_ascii_alphabetic()) => {
                (t, Some(l))
            }
            _ => (raw, None),
        };
        let (word, tag) = token.rsplit_once('/').unwrap_or((token, ""));
        if opens {
            open = Some(pos);
        }
        let start = pos;
        for c in word.chars() {
            text.push(normalize_char(c));
            pos += 1;
        }
        let kind = match tag {
            "nr" => Some(EntityType::Person),
            "ns" => Some(EntityType::Place),
            "nt" => Some(EntityType::Organization),
            _ => None,
        };
        words.push((kind, pos - start <= 2, start, pos));
        if let Some(label) = label {
            let kind = match label {
                "nt" => Some(EntityType::Organization),
                "ns" => Some(EntityType::Place),
                _ => None,
            };
            if let (Some(k), Some(s)) = (kind, open) {
                brackets.push((k, s, pos));
            }
            open = None;
        }
    }
    if text.is_empty() {
        return None;
    }
    let mut spans: Vec<(EntityType, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (kind, is_short, s, mut e) = words[i];
        let Some(kind) = kind else {
            i += 1;
            continue;
        };
        let next_is_name = words
            .get(i + 1)
            .is_some_and(|w| w.0 == Some(EntityType::Person));
        if kind == EntityType::Person && is_short && next_is_name {
            e = words[i + 1].3;
            i += 1;
        }
        spans.push((kind, s, e));
        i += 1;
    }
    spans.retain(|&(_, s, e)| !brackets.iter().any(|&(_, bs, be)| s < be && bs < e));
    spans.extend(brackets);
    spans.sort_by_key(|&(_, s, e)| (s, e));
    Some(TrainingSentence { text, spans })
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    #[test]
    fn bio_blocks() {
        let s = read_bio("张\tB-PER\n三\tI-PER\n在\tO\n京\tB-LOC\n\n\n好\tO\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "张三在京");
        assert_eq!(s[0].spans, [(Person, 0, 2), (Place, 3, 4)]);
    }

    #[test]
    fn pd_names_and_brackets() {
        let line = "19980101-01-001-002/m  [中央/n  电视台/n]nt  记者/n  江/nr  泽民/nr  \
                    在/p  [香港/ns  特别/a  行政区/n]ns  、/w  北京/ns  １２月/t";
        let s = pd_paragraph(line).expect("a paragraph");
        assert_eq!(s.text, "中央电视台记者江泽民在香港特别行政区、北京12月");
        assert_eq!(
            s.spans,
            [
                (Organization, 0, 5),
                (Person, 7, 10),
                (Place, 11, 18),
                (Place, 19, 21)
            ]
        );
    }
}
