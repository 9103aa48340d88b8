//! Tag schemes: how entity spans become one tag per character and back.
//!
//! The model predicts one tag per char; [`Scheme::Bio`] (B-X, I-X, O) and [`Scheme::Bioes`]
//! (adds E-X for the last char and S-X for one-char entities) are both supported so that the
//! choice is made by measurement and recorded in the model file, not hard-wired.

use crate::report::EntityType;

/// The entity types the model knows, in tag order.
pub const KINDS: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Place,
    EntityType::Organization,
];

/// Position of a char inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Begin,
    Inside,
    End,
    Single,
}

/// How spans are encoded as tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Bio,
    Bioes,
}

impl Scheme {
    /// The code stored in the model file.
    pub fn code(self) -> u8 {
        match self {
            Scheme::Bio => 1,
            Scheme::Bioes => 2,
        }
    }

    pub fn from_code(code: u8) -> Option<Scheme> {
        match code {
            1 => Some(Scheme::Bio),
            2 => Some(Scheme::Bioes),
            _ => None,
        }
    }

    fn parts(self) -> &'static [Part] {
        match self {
            Scheme::Bio => &[Part::Begin, Part::Inside],
            Scheme::Bioes => &[Part::Begin, Part::Inside, Part::End, Part::Single],
        }
    }

    /// Number of tags: O plus one per (part, kind).
    pub fn n_tags(self) -> usize {
        1 + self.parts().len() * KINDS.len()
    }

    /// Tag 0 is O; then kinds in [`KINDS`] order, parts in scheme order within a kind.
    fn tag(self, part: Part, kind: usize) -> usize {
        let parts = self.parts();
        let p = parts.iter().position(|&q| q == part).unwrap_or(0);
        1 + kind * parts.len() + p
    }

    /// (part, kind index) of a tag; `None` for O.
    fn decode(self, tag: usize) -> Option<(Part, usize)> {
        let parts = self.parts();
        let t = tag.checked_sub(1)?;
        Some((*parts.get(t % parts.len())?, t / parts.len()))
    }

    /// Whether `next` may follow `prev` (`None` = sentence start): inside/end tags only continue
    /// an open entity of the same kind.
    pub fn allowed(self, prev: Option<usize>, next: usize) -> bool {
        let open = prev
            .and_then(|p| self.decode(p))
            .and_then(|(part, k)| match (self, part) {
                (_, Part::Begin | Part::Inside) => Some(k),
                _ => None,
            });
        match self.decode(next) {
            Some((Part::Inside | Part::End, k)) => open == Some(k),
            // BIOES: an open entity must be closed by E before anything else.
            _ => self == Scheme::Bio || open.is_none(),
        }
    }

    /// Whether a sentence may end on `tag` (BIOES: not inside an open entity).
    pub fn may_end(self, tag: usize) -> bool {
        self == Scheme::Bio || self.allowed(Some(tag), 0)
    }

    /// One tag per char for `spans` (char ranges with a kind index into [`KINDS`]) over `n`
    /// chars. Spans out of range or overlapping an earlier one are skipped.
    pub fn encode(self, n: usize, spans: &[(usize, usize, usize)]) -> Vec<usize> {
        let mut tags = vec![0; n];
        for &(kind, start, end) in spans {
            let free = tags
                .get(start..end)
                .is_some_and(|t| t.iter().all(|&t| t == 0));
            if start >= end || kind >= KINDS.len() || !free {
                continue;
            }
            for (i, t) in tags[start..end].iter_mut().enumerate() {
                let part = match (self, i == 0, start + i + 1 == end) {
                    (Scheme::Bioes, true, true) => Part::Single,
                    (Scheme::Bioes, false, true) => Part::End,
                    (_, true, _) => Part::Begin,
                    _ => Part::Inside,
                };
                *t = self.tag(part, kind);
            }
        }
        tags
    }

    /// Spans `(kind index, start, end)` of a tag sequence that obeys [`Scheme::allowed`].
    pub fn spans(self, tags: &[usize]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        for (i, &t) in tags.iter().enumerate() {
            let d = self.decode(t);
            let continues = matches!((d, open), (Some((Part::Inside | Part::End, k)), Some((ok, _))) if k == ok);
            if !continues {
                if let Some((k, s)) = open.take() {
                    out.push((k, s, i));
                }
                if let Some((_, k)) = d {
                    open = Some((k, i));
                }
            }
            if let Some((Part::End | Part::Single, _)) = d {
                if let Some((k, s)) = open.take() {
                    out.push((k, s, i + 1));
                }
            }
        }
        if let Some((k, s)) = open {
            out.push((k, s, tags.len()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_spans_round_trips() {
        let spans = vec![(0, 0, 3), (1, 3, 4), (2, 6, 8)];
        for scheme in [Scheme::Bio, Scheme::Bioes] {
            let tags = scheme.encode(9, &spans);
            assert_eq!(scheme.spans(&tags), spans, "{scheme:?}");
            let mut prev = None;
            for &t in &tags {
                assert!(scheme.allowed(prev, t), "{scheme:?} {tags:?}");
                prev = Some(t);
            }
            assert!(scheme.may_end(*tags.last().unwrap_or(&0)));
        }
    }

    #[test]
    fn inside_needs_an_open_entity_of_its_kind() {
        let s = Scheme::Bio;
        let b_per = s.tag(Part::Begin, 0);
        let i_per = s.tag(Part::Inside, 0);
        let i_loc = s.tag(Part::Inside, 1);
        assert!(!s.allowed(None, i_per));
        assert!(s.allowed(Some(b_per), i_per));
        assert!(!s.allowed(Some(b_per), i_loc));
        assert!(!s.allowed(Some(0), i_per));
        assert_eq!(s.n_tags(), 7);
        assert_eq!(Scheme::Bioes.n_tags(), 13);
    }
}
