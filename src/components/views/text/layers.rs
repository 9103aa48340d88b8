//! The text view's highlight layers: each a toggle button, which doubles as the legend.

use wenxi_core::EntityType;
use yew::prelude::*;

use crate::i18n::Lang;

/// One layer of highlights the reader can turn on and off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Word boundaries (the segmentation view).
    Words,
    /// Each word's part-of-speech tag (drawn only with the word boundaries).
    Pos,
    Keywords,
    Entity(EntityType),
}

impl Layer {
    /// Every layer, in the order the toggles are listed.
    pub fn all() -> impl Iterator<Item = Layer> {
        [Layer::Words, Layer::Pos, Layer::Keywords]
            .into_iter()
            .chain(EntityType::ALL.into_iter().map(Layer::Entity))
    }

    /// The name in `data-layer` and in the text body's class (`show-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Layer::Words => "words",
            Layer::Pos => "pos",
            Layer::Keywords => "keywords",
            Layer::Entity(kind) => kind.as_str(),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Layer::Words => lang.tr("分词", "Word boundaries"),
            Layer::Pos => lang.tr("词性", "Parts of speech"),
            Layer::Keywords => lang.tr("关键词", "Keywords"),
            Layer::Entity(kind) => crate::components::entities::kind_label(kind, lang),
        }
    }

    /// On when the view opens: keywords and entities; the word boundaries are for digging.
    pub fn on_by_default(self) -> bool {
        !matches!(self, Layer::Words | Layer::Pos)
    }
}

/// The layers shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layers(Vec<Layer>);

impl Default for Layers {
    fn default() -> Self {
        Layers(Layer::all().filter(|l| l.on_by_default()).collect())
    }
}

impl Layers {
    pub fn shows(&self, layer: Layer) -> bool {
        self.0.contains(&layer)
    }

    pub fn toggled(&self, layer: Layer) -> Layers {
        let mut next = self.0.clone();
        match next.iter().position(|&l| l == layer) {
            Some(at) => {
                next.remove(at);
            }
            None => next.push(layer),
        }
        Layers(next)
    }

    /// The text body's classes: `show-<layer>` for each layer shown. Toggling a layer changes
    /// only these, never the thousands of spans inside.
    pub fn classes(&self) -> Classes {
        let mut classes = classes!("text-body");
        for layer in &self.0 {
            // Parts of speech are drawn on the word boundaries.
            if *layer != Layer::Pos || self.shows(Layer::Words) {
                classes.push(format!("show-{}", layer.name()));
            }
        }
        classes
    }
}

#[derive(Properties, PartialEq)]
pub struct LayerTogglesProps {
    pub layers: Layers,
    pub on_toggle: Callback<Layer>,
    pub lang: Lang,
}

/// The toggles, each with the colour it highlights in: the legend and the switch in one.
#[component(LayerToggles)]
pub fn layer_toggles(props: &LayerTogglesProps) -> Html {
    let lang = props.lang;
    let toggle = |layer: Layer| {
        let on = props.layers.shows(layer);
        let onclick = {
            let on_toggle = props.on_toggle.clone();
            Callback::from(move |_: MouseEvent| on_toggle.emit(layer))
        };
        let disabled = layer == Layer::Pos && !props.layers.shows(Layer::Words);
        html! {
            <button type="button" class="layer-toggle" data-testid="text-layer"
                    data-layer={layer.name()} aria-pressed={on.to_string()} {disabled} {onclick}
                    title={disabled.then(|| lang.tr("先打开分词", "Turn on word boundaries first"))}>
                <span class={classes!("swatch", format!("swatch-{}", layer.name()))} aria-hidden="true"></span>
                { layer.label(lang) }
            </button>
        }
    };
    html! {
        <div class="text-layers" role="group" aria-label={lang.tr("显示哪些标注", "Highlights shown")}>
            { for Layer::all().map(toggle) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(layers: &Layers) -> String {
        layers.classes().to_string()
    }

    #[test]
    fn keywords_and_entities_show_by_default_and_tags_only_with_boundaries() {
        let layers = Layers::default();
        assert_eq!(
            classes(&layers),
            "text-body show-keywords show-person show-place show-organization show-time \
             show-quantity show-work"
        );
        let tags = layers.toggled(Layer::Pos);
        assert!(tags.shows(Layer::Pos));
        assert!(
            !classes(&tags).contains("show-pos"),
            "no tags without boundaries"
        );
        let both = tags.toggled(Layer::Words);
        assert!(classes(&both).contains("show-words"));
        assert!(classes(&both).contains("show-pos"));
        let no_places = both.toggled(Layer::Entity(EntityType::Place));
        assert!(!classes(&no_places).contains("show-place"));
        assert!(no_places
            .toggled(Layer::Entity(EntityType::Place))
            .shows(Layer::Entity(EntityType::Place)));
        assert_eq!(Layer::all().count(), 9);
    }
}
