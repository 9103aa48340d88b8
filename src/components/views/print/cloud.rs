//! The keyword cloud on paper: the words where the page draws them (same drawing model as
//! `components/cloud.rs`), in the reader's palette on white, without the page's controls.

use wenxi_core::Cloud;
use yew::prelude::*;

use crate::cloud_glyphs::font_family;
use crate::components::cloud::{colour, word_glyphs};
use crate::i18n::Lang;
use crate::state::cloud::{Background, CloudSettings};

/// The cloud as a static SVG (nothing when it has no words).
pub fn cloud_svg(cloud: &Cloud, look: &CloudSettings, lang: Lang) -> Html {
    if cloud.words.is_empty() {
        return Html::default();
    }
    let words = cloud.words.iter().map(|w| {
        let (transform, body) = word_glyphs(w);
        html! {
            <text x={format!("{:.2}", w.x)} y={format!("{:.2}", w.y)}
                  font-size={format!("{:.1}", w.font_size)} text-anchor="middle"
                  fill={colour(look.palette, Background::White, w.color)} {transform}>
                { body }
            </text>
        }
    });
    let label = match lang {
        Lang::Zh => format!("关键词云，共 {} 个词", cloud.words.len()),
        Lang::En => format!("Keyword cloud of {} words", cloud.words.len()),
    };
    html! {
        <svg class="print-cloud" data-testid="print-cloud" role="img" aria-label={label}
             viewBox={format!("0 0 {} {}", cloud.width, cloud.height)}
             font-family={font_family(&look.font)} font-weight={crate::cloud_glyphs::WEIGHT}
             xmlns="http://www.w3.org/2000/svg">
            { for words }
        </svg>
    }
}
