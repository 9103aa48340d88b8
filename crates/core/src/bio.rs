//! BIO tags per character, for `wenxi ner --format bio`.
//!
//! Tags are computed on the normalised text but emitted with the input's own characters: the two
//! are aligned char for char (see [`crate::normalize`]). White space is skipped, as in the
//! MSRA-style corpora this format comes from.

use crate::entities::EntitySpan;

/// One `(char, tag)` per non-white-space char of `input`, in order. `spans` index `input`'s chars.
pub fn tag(input: &str, spans: &[EntitySpan]) -> Vec<(char, String)> {
    let chars: Vec<char> = input.chars().collect();
    let mut tags: Vec<String> = vec!["O".to_string(); chars.len()];
    for s in spans {
        let suffix = s.kind.bio_tag();
        let mut first = true;
        for i in s.start..s.end.min(chars.len()) {
            if chars[i].is_whitespace() {
                continue;
            }
            tags[i] = format!("{}-{suffix}", if first { "B" } else { "I" });
            first = false;
        }
    }
    chars
        .into_iter()
        .zip(tags)
        .filter(|(c, _)| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::EntityType;

    fn sp(kind: EntityType, start: usize, end: usize) -> EntitySpan {
        EntitySpan {
            kind,
            start,
            end,
            text: String::new(),
        }
    }

    #[test]
    fn begin_inside_outside() {
        let got = tag(
            "张伟在武汉",
            &[sp(EntityType::Person, 0, 2), sp(EntityType::Place, 3, 5)],
        );
        let tags: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(tags, ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"]);
        let chars: String = got.iter().map(|(c, _)| c).collect();
        assert_eq!(chars, "张伟在武汉");
    }

    #[test]
    fn white_space_is_skipped() {
        let got = tag(" a b\t", &[]);
        assert_eq!(got, [('a', "O".to_string()), ('b', "O".to_string())]);
    }

    #[test]
    fn spans_past_the_end_are_cut() {
        let got = tag("北京", &[sp(EntityType::Place, 0, 9)]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, "I-LOC");
    }
}
