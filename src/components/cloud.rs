//! The keyword cloud as SVG. The layout is computed in the worker; this only draws it.

use wenxi_core::export::PALETTE;
use wenxi_core::Cloud;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CloudProps {
    pub cloud: std::rc::Rc<Cloud>,
    #[prop_or_default]
    pub on_pick: Callback<Option<String>>,
}

#[component(CloudView)]
pub fn cloud_view(props: &CloudProps) -> Html {
    let cloud = &props.cloud;
    if cloud.words.is_empty() {
        return html! { <p class="muted">{ "词太少，画不出词云。" }</p> };
    }
    let view_box = format!("0 0 {} {}", cloud.width, cloud.height);
    html! {
        <svg data-testid="cloud" class="cloud" viewBox={view_box} role="img"
             aria-label={format!("关键词云，共 {} 个词", cloud.words.len())}
             xmlns="http://www.w3.org/2000/svg">
            { for cloud.words.iter().enumerate().map(|(i, w)| {
                // A class, not a style attribute: the page's CSP allows no inline styles.
                let class = w.vertical.then_some("vertical");
                let onclick = {
                    let on_pick = props.on_pick.clone();
                    let term = w.term.clone();
                    Callback::from(move |_: MouseEvent| on_pick.emit(Some(term.clone())))
                };
                html! {
                    <text data-testid="cloud-word" data-term={w.term.clone()} {onclick}
                          x={format!("{:.1}", w.x)} y={format!("{:.1}", w.y)}
                          font-size={format!("{:.1}", w.font_size)}
                          fill={PALETTE[i % PALETTE.len()]}
                          text-anchor="middle" dominant-baseline="central" {class}>
                        <title>{ format!("{}：{:.2}", w.term, w.weight) }</title>
                        { w.term.clone() }
                    </text>
                }
            }) }
        </svg>
    }
}
