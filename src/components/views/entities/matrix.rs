//! Co-occurrence as a matrix: the names with the most sentences shared with others, each cell
//! the sentences that name both.

use std::rc::Rc;

use wenxi_core::{EntityKey, EntityLink};
use yew::prelude::*;

use crate::components::entities::{kind_label, Same};
use crate::i18n::{use_lang, Lang};

/// Names in the matrix at most: 12 columns still fit a phone with the table scrolled.
pub const MATRIX_NAMES: usize = 12;

/// The matrix: `names` as rows and columns, `cells[i][j]` the sentences naming both.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    pub names: Vec<EntityKey>,
    pub cells: Vec<Vec<usize>>,
    pub max: usize,
}

/// The (up to) `n` names with the most shared sentences (ties: more partners, then the order
/// of the links, which is most shared first), in that order.
pub fn matrix(links: &[EntityLink], n: usize) -> Matrix {
    // name → (shared sentences, partners, first seen)
    let mut tally: Vec<(EntityKey, usize, usize, usize)> = Vec::new();
    for (seen, l) in links.iter().enumerate() {
        for key in [&l.a, &l.b] {
            match tally.iter_mut().find(|(k, ..)| k == key) {
                Some(t) => {
                    t.1 += l.sentences;
                    t.2 += 1;
                }
                None => tally.push((key.clone(), l.sentences, 1, seen)),
            }
        }
    }
    tally.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)).then(x.3.cmp(&y.3)));
    let names: Vec<EntityKey> = tally.into_iter().take(n).map(|t| t.0).collect();
    let at = |k: &EntityKey| names.iter().position(|n| n == k);
    let mut cells = vec![vec![0; names.len()]; names.len()];
    for l in links {
        if let (Some(i), Some(j)) = (at(&l.a), at(&l.b)) {
            cells[i][j] += l.sentences;
            cells[j][i] += l.sentences;
        }
    }
    let max = cells.iter().flatten().copied().max().unwrap_or(0);
    Matrix { names, cells, max }
}

/// The shade of a cell, 1 (few sentences) to 4 (the most), 0 for none.
pub fn level(sentences: usize, max: usize) -> usize {
    if sentences == 0 || max == 0 {
        0
    } else {
        (sentences * 4).div_ceil(max).clamp(1, 4)
    }
}

#[derive(Properties, PartialEq)]
pub struct EntityMatrixProps {
    pub links: Rc<[EntityLink]>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

#[component(EntityMatrix)]
pub fn entity_matrix(props: &EntityMatrixProps) -> Html {
    let lang = use_lang();
    let m = use_memo(Same(props.links.clone()), |l| matrix(&l.0, MATRIX_NAMES));
    if m.names.len() < 2 {
        return Html::default();
    }
    let label = |k: &EntityKey| {
        html! {
            <span class={classes!("ent-name", k.kind.as_str())} title={format!("{} · {}", k.text, kind_label(k.kind, lang))}>
                { k.text.clone() }
            </span>
        }
    };
    let cell = |i: usize, j: usize| {
        let (a, b) = (&m.names[i], &m.names[j]);
        let n = m.cells[i][j];
        if i == j {
            return html! { <td class="self" aria-hidden="true"></td> };
        }
        let body = if n == 0 {
            html! { <span class="none" aria-hidden="true">{ "·" }</span> }
        } else {
            let onclick = {
                let (on_pick, a) = (props.on_pick.clone(), a.text.clone());
                Callback::from(move |_: MouseEvent| on_pick.emit(Some(a.clone())))
            };
            let said = match lang {
                Lang::Zh => format!("{}与{}同句 {n} 次：查看{}的上下文", a.text, b.text, a.text),
                Lang::En => format!(
                    "{} and {} share {}: show the contexts of {}",
                    a.text,
                    b.text,
                    lang.count(n, "", "sentence", "sentences"),
                    a.text
                ),
            };
            html! {
                <button type="button" class="cell-pick" aria-label={said.clone()} title={said} {onclick}>
                    { n }
                </button>
            }
        };
        html! {
            <td data-testid="entity-cell" data-a={a.text.clone()} data-b={b.text.clone()}
                data-sentences={n.to_string()} class={format!("level-{}", level(n, m.max))}>
                { body }
            </td>
        }
    };
    let size = m.names.len();
    html! {
        <>
        <p class="muted matrix-note" id="entity-matrix-note">
            { lang.tr(
                "每格是同时提到行与列两个名字的句子数；点击数字查看该行名字的上下文。",
                "Each cell counts the sentences naming both the row and the column; \
                 click a number to see the row's name in context.",
            ) }
        </p>
        <div class="matrix-wrap" tabindex="0" role="region"
             aria-label={lang.tr("同句共现矩阵（可横向滚动）", "Co-occurrence matrix (scrolls sideways)")}>
            <table class="entity-matrix" data-testid="entity-matrix" aria-describedby="entity-matrix-note">
                <caption class="visually-hidden">{ lang.tr("同句共现矩阵", "Co-occurrence matrix") }</caption>
                <thead>
                    <tr>
                        <td class="corner"></td>
                        { for m.names.iter().map(|k| html! { <th scope="col">{ label(k) }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for (0..size).map(|i| html! {
                        <tr>
                            <th scope="row">{ label(&m.names[i]) }</th>
                            { for (0..size).map(|j| cell(i, j)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wenxi_core::EntityType;

    fn key(text: &str) -> EntityKey {
        EntityKey {
            text: text.into(),
            kind: EntityType::Person,
        }
    }

    fn link(a: &str, b: &str, sentences: usize) -> EntityLink {
        EntityLink {
            a: key(a),
            b: key(b),
            sentences,
        }
    }

    #[test]
    fn the_most_linked_names_come_first_and_cells_are_symmetric() {
        let links = [
            link("甲", "乙", 3),
            link("乙", "丙", 2),
            link("丁", "戊", 1),
        ];
        let m = matrix(&links, 12);
        let names: Vec<_> = m.names.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(names, ["乙", "甲", "丙", "丁", "戊"]);
        assert_eq!(m.cells[0][1], 3);
        assert_eq!(m.cells[1][0], 3);
        assert_eq!(m.cells[0][2], 2);
        assert_eq!(m.cells[1][2], 0);
        assert_eq!(m.cells[3][4], 1);
        assert_eq!(m.max, 3);
    }

    #[test]
    fn only_n_names_and_links_between_them() {
        let links = [
            link("甲", "乙", 5),
            link("乙", "丙", 4),
            link("甲", "丁", 1),
        ];
        let m = matrix(&links, 2);
        assert_eq!(m.names.len(), 2);
        assert_eq!(m.cells, vec![vec![0, 5], vec![5, 0]]);
        assert_eq!(matrix(&[], 12), Matrix::default());
    }

    #[test]
    fn shades_rise_with_the_count() {
        assert_eq!(level(0, 9), 0);
        assert_eq!(level(1, 9), 1);
        assert_eq!(level(5, 9), 3);
        assert_eq!(level(9, 9), 4);
        assert_eq!(level(1, 1), 4);
    }
}
