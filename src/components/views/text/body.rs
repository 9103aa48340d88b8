//! The page's text as spans: one per token (white space as bare text), inside entity spans and
//! marks. Drawn again only when the page, the keywords or the mark change; the layers are the
//! container's classes.

use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wenxi_core::passage::Passage;
use yew::prelude::*;

use super::pieces::{pieces, Piece};

#[derive(Properties)]
pub struct TextBodyProps {
    pub passage: Rc<Passage>,
    /// The reader's keywords, folded.
    pub keywords: Rc<HashSet<String>>,
    /// What is marked on the page (see `pieces::mark_spans`).
    pub marks: Rc<Vec<(usize, usize)>>,
    /// Picks a word (opens its contexts).
    pub on_pick: Callback<Option<String>>,
}

impl PartialEq for TextBodyProps {
    /// By pointer: a page of thousands of tokens is not compared token by token.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.passage, &other.passage)
            && Rc::ptr_eq(&self.keywords, &other.keywords)
            && Rc::ptr_eq(&self.marks, &other.marks)
            && self.on_pick == other.on_pick
    }
}

fn piece_html(piece: &Piece, pos_shown: bool) -> Html {
    if piece.space {
        return html! { { piece.text.clone() } };
    }
    let class = classes!(
        if piece.is_word() { "w" } else { "p" },
        piece.keyword.then_some("kw"),
        (!piece.token_start).then_some("cont"),
    );
    html! {
        <span {class} data-s={piece.start.to_string()}
              data-keyword={piece.keyword.then_some("")}
              data-pos={pos_shown.then(|| piece.pos.clone())}>{ piece.text.clone() }</span>
    }
}

/// Runs of pieces in one mark (or in none), inside one entity span.
fn marked_html(run: &[Piece], marks: &[(usize, usize)]) -> Html {
    let mut out = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let mark = run[i].mark;
        let len = run[i..].iter().take_while(|p| p.mark == mark).count();
        // The part-of-speech tag goes on a word's first piece only.
        let inner: Html = run[i..i + len]
            .iter()
            .map(|p| piece_html(p, p.is_word() && p.token_start))
            .collect();
        out.push(match mark.and_then(|m| marks.get(m).map(|&span| (m, span))) {
            // A mark cut by an entity's edge is drawn in two parts; the part holding its start
            // counts as the mark.
            Some((_, (start, _))) if run[i].start == start => html! {
                <mark class="text-mark" data-testid="text-mark" data-at={start.to_string()}>{ inner }</mark>
            },
            Some(_) => html! { <mark class="text-mark">{ inner }</mark> },
            None => inner,
        });
        i += len;
    }
    out.into_iter().collect()
}

#[component(TextBody)]
pub fn text_body(props: &TextBodyProps) -> Html {
    let all = pieces(&props.passage, &props.keywords, &props.marks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let entity = all[i].entity;
        let len = all[i..].iter().take_while(|p| p.entity == entity).count();
        let inner = marked_html(&all[i..i + len], &props.marks);
        out.push(match entity {
            Some((_, kind)) => html! {
                <span class="ent" data-entity={kind.as_str()}>{ inner }</span>
            },
            None => inner,
        });
        i += len;
    }
    // One listener for every word: the token under the click, whole even when a highlight
    // cut it.
    let onclick = {
        let (passage, on_pick) = (props.passage.clone(), props.on_pick.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(at) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-s].w").ok().flatten())
                .and_then(|el| el.get_attribute("data-s"))
                .and_then(|s| s.parse::<usize>().ok())
            else {
                return;
            };
            if let Some(word) = token_at(&passage, at) {
                on_pick.emit(Some(word));
            }
        })
    };
    html! {
        <div class="text-tokens" data-testid="text-body" {onclick}>{ for out }</div>
    }
}

/// The text of the word token holding char `at`.
fn token_at(passage: &Passage, at: usize) -> Option<String> {
    let i = passage.tokens.partition_point(|t| t.end <= at);
    let token = passage
        .tokens
        .get(i)
        .filter(|t| t.start <= at && t.pos != "x")?;
    let from = token.start.checked_sub(passage.start)?;
    Some(
        passage
            .text
            .chars()
            .skip(from)
            .take(token.end - token.start)
            .collect(),
    )
}
