//! Articles (placeholder until the view is built).

use std::rc::Rc;

use yew::prelude::*;

use super::use_reader;
use crate::components::ArticleList;

#[component(ArticlesView)]
pub fn articles_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    let articles = Rc::<[_]>::from(reader.report.articles.clone());
    html! {
        <section class="card"><ArticleList {articles} on_pick={reader.on.pick.clone()} /></section>
    }
}
