//! Keywords (placeholder until the table is built): the three rankings.

use std::rc::Rc;

use yew::prelude::*;

use super::use_reader;
use crate::components::KeywordRankings;
use crate::state::settings::SettingsEdit;

#[component(KeywordsView)]
pub fn keywords_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    let r = &reader.report;
    let not_keyword = {
        let on = reader.on.settings.clone();
        Callback::from(move |term: String| on.emit(SettingsEdit::AddStopword(term)))
    };
    html! {
        <section class="card keywords-card">
            <KeywordRankings tfidf={Rc::<[_]>::from(r.keywords.clone())}
                             textrank={Rc::<[_]>::from(r.textrank.clone())}
                             frequency={Rc::<[_]>::from(r.frequency.clone())}
                             on_pick={reader.on.pick.clone()} on_not_keyword={not_keyword} />
        </section>
    }
}
