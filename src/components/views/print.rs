//! The printable report (placeholder until it is built).

use yew::prelude::*;

#[component(PrintButton)]
pub fn print_button() -> Html {
    Html::default()
}
