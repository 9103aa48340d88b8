//! Terms the text puts in quotation marks (not quotations of speech).

use std::rc::Rc;

use wenxi_core::report::QuotedTerm;
use yew::prelude::*;

use crate::components::entities::pick;
use crate::i18n::use_lang;

/// Quoted terms listed at most.
const QUOTED_SHOWN: usize = 30;

#[derive(Properties, PartialEq)]
pub struct QuotedTermsProps {
    pub terms: Rc<[QuotedTerm]>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

#[component(QuotedTerms)]
pub fn quoted_terms(props: &QuotedTermsProps) -> Html {
    let lang = use_lang();
    if props.terms.is_empty() {
        return Html::default();
    }
    let total = props.terms.len();
    html! {
        <section class="card quoted-terms" aria-labelledby="quoted-terms-heading">
            <h3 id="quoted-terms-heading">
                { lang.tr("引号词", "Quoted terms") }
                <span class="muted">{ lang.tr(
                    " 文中加引号的短语（不含引语）",
                    " phrases the text puts in quotation marks (not quoted speech)",
                ) }</span>
            </h3>
            <ul>
                { for props.terms.iter().take(QUOTED_SHOWN).map(|q| {
                    let times = lang.count(q.count, "次", "time", "times");
                    html! {
                        <li data-testid="quoted-term" data-term={q.term.clone()}
                            data-count={q.count.to_string()}>
                            { pick(&q.term, &props.on_pick, lang) }
                            <span class="count" aria-hidden="true" title={times.clone()}>{ q.count }</span>
                            <span class="visually-hidden">{ times }</span>
                        </li>
                    }
                }) }
            </ul>
            if total > QUOTED_SHOWN {
                <p class="muted">{ match lang {
                    crate::i18n::Lang::Zh => format!("共 {total} 个，只列出最常见的 {QUOTED_SHOWN} 个。"),
                    crate::i18n::Lang::En => format!("{total} in all; the {QUOTED_SHOWN} most frequent are listed."),
                } }</p>
            }
        </section>
    }
}
