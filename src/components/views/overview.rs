//! Overview (placeholder until the overview is built): statistics and the cloud.

use std::rc::Rc;

use yew::prelude::*;

use super::use_reader;
use crate::components::{CloudView, StatsPanel};

#[component(OverviewView)]
pub fn overview_view() -> Html {
    let Some(reader) = use_reader() else {
        return Html::default();
    };
    let cloud = Rc::new(reader.report.cloud.clone());
    html! {
        <>
            <section class="card"><StatsPanel stats={reader.report.stats.clone()} /></section>
            <section class="card"><CloudView {cloud} on_pick={reader.on.pick.clone()} /></section>
        </>
    }
}
