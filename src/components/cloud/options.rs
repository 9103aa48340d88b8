//! The cloud's options bar: shape (or the reader's image), palette, font, scaling, orientation,
//! word count, another arrangement, background. Each change goes out whole as
//! [`CloudEdit::Choose`]; the reducer decides whether it moves words.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use wenxi_core::cloud::{Orientation, Scaling, Shape};
use yew::prelude::*;

use super::fonts;
use super::mask::mask_from_file;
use super::palette::{background_key, background_label, palette_key, palette_label};
use crate::i18n::Said;
use crate::i18n::{use_lang, Lang};
use crate::state::cloud::{Background, CloudEdit, CloudSettings, Palette, MAX_WORDS};

/// (value, key, Chinese label, English label).
type Choices<T, const N: usize> = [(T, &'static str, &'static str, &'static str); N];

const SHAPES: Choices<Shape, 5> = [
    (Shape::Ellipse, "ellipse", "椭圆", "Ellipse"),
    (Shape::Rectangle, "rectangle", "矩形", "Rectangle"),
    (Shape::Cardioid, "cardioid", "心形", "Heart"),
    (Shape::Star, "star", "星形", "Star"),
    (Shape::Mask, "mask", "自定义图片", "Your image"),
];

const SCALINGS: Choices<Scaling, 3> = [
    (
        Scaling::Sqrt,
        "sqrt",
        "平方根（默认）",
        "Square root (default)",
    ),
    (Scaling::Linear, "linear", "线性", "Linear"),
    (Scaling::Log, "log", "对数", "Logarithmic"),
];

const ORIENTATIONS: Choices<Orientation, 4> = [
    (
        Orientation::Mixed,
        "mixed",
        "横竖混排",
        "Mixed across and down",
    ),
    (
        Orientation::Horizontal,
        "horizontal",
        "全部横排",
        "All across",
    ),
    (Orientation::Vertical, "vertical", "全部竖排", "All down"),
    (Orientation::Rotated, "rotated", "倾斜", "Slanted"),
];

/// A labelled `<select>` over `choices` (value, key, label); emits the value chosen.
fn select<T: Copy + PartialEq + 'static>(
    testid: &'static str,
    label: &'static str,
    current: T,
    choices: Vec<(T, String, String)>,
    on_choose: Callback<T>,
) -> Html {
    let at = choices.iter().position(|(v, ..)| *v == current);
    let values: Vec<T> = choices.iter().map(|(v, ..)| *v).collect();
    let items = choices.into_iter().map(|(_, k, l)| (k, l)).collect();
    let on_index = Callback::from(move |i: usize| {
        if let Some(value) = values.get(i) {
            on_choose.emit(*value);
        }
    });
    select_at(testid, label, at, items, on_index)
}

/// The `<select>` itself, by position: one copy of this code whatever the values' type.
fn select_at(
    testid: &'static str,
    label: &'static str,
    current: Option<usize>,
    items: Vec<(String, String)>,
    on_choose: Callback<usize>,
) -> Html {
    let onchange = Callback::from(move |event: Event| {
        if let Some(select) = event.target_dyn_into::<HtmlSelectElement>() {
            if let Ok(i) = usize::try_from(select.selected_index()) {
                on_choose.emit(i);
            }
        }
    });
    html! {
        <label class="cloud-option">
            <span>{ label }</span>
            <select data-testid={testid} {onchange}>
                { for items.into_iter().enumerate().map(|(i, (key, text))| html! {
                    <option value={key} selected={Some(i) == current}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

fn fixed<T: Copy>(list: &[(T, &str, &str, &str)], lang: Lang) -> Vec<(T, String, String)> {
    list.iter()
        .map(|&(v, k, zh, en)| (v, k.to_string(), lang.tr(zh, en).to_string()))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct OptionsProps {
    pub settings: Rc<CloudSettings>,
    pub has_mask: bool,
    /// The size of the cloud on screen: a mask image is packed to it.
    pub size: (u32, u32),
    pub on_edit: Callback<CloudEdit>,
}

#[component(CloudOptionsBar)]
pub fn cloud_options_bar(props: &OptionsProps) -> Html {
    let lang = use_lang();
    let fonts = use_memo((), |_| fonts::installed());
    let mask_input = use_node_ref();
    let problem = use_state(|| None::<Said>);
    let s = &props.settings;
    // A copy of the settings with one change, sent whole.
    let choose = |change: fn(&mut CloudSettings, Choice)| {
        let (settings, on_edit) = (props.settings.clone(), props.on_edit.clone());
        Callback::from(move |choice: Choice| {
            let mut next = (*settings).clone();
            change(&mut next, choice);
            on_edit.emit(CloudEdit::Choose(next));
        })
    };

    let on_shape = {
        let (has_mask, input) = (props.has_mask, mask_input.clone());
        let set = choose(|s, c| {
            if let Choice::Shape(shape) = c {
                s.options.shape = shape
            }
        });
        Callback::from(move |shape: Shape| {
            if shape == Shape::Mask && !has_mask {
                // No image yet: ask for one; the shape changes when it is read.
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    input.click();
                }
            } else {
                set.emit(Choice::Shape(shape));
            }
        })
    };
    let on_mask = {
        let (on_edit, problem) = (props.on_edit.clone(), problem.clone());
        let (width, height) = props.size;
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // The same file chosen again must fire `change` again.
            input.set_value("");
            let (on_edit, problem) = (on_edit.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match mask_from_file(file, width, height).await {
                    Ok(mask) => {
                        problem.set(None);
                        on_edit.emit(CloudEdit::Mask(Some(Rc::new(mask))));
                    }
                    Err(message) => problem.set(Some(message)),
                }
            });
        })
    };
    let clear_mask = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(CloudEdit::Mask(None)))
    };
    let on_words = {
        let set = choose(|s, c| {
            if let Choice::Words(n) = c {
                s.options.max_words = n
            }
        });
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                if let Ok(n) = input.value().trim().parse::<usize>() {
                    set.emit(Choice::Words(n.clamp(1, MAX_WORDS)));
                }
            }
        })
    };
    let reseed = {
        let set = choose(|s, _| s.options.seed = s.options.seed.wrapping_add(1));
        Callback::from(move |_: MouseEvent| set.emit(Choice::Reseed))
    };

    let mut font_choices = vec![(
        0usize,
        String::new(),
        lang.tr("默认字体", "Default font").to_string(),
    )];
    let mut listed: Vec<&str> = Vec::new();
    for (family, label) in fonts.iter() {
        listed.push(family);
        font_choices.push((
            listed.len(),
            family.to_string(),
            lang.tr(*label, *family).to_string(),
        ));
    }
    // A saved font this system lacks stays listed, so the choice is not silently changed.
    if !s.font.is_empty() && !listed.contains(&s.font.as_str()) {
        listed.push(&s.font);
        font_choices.push((
            listed.len(),
            s.font.clone(),
            lang.tr(
                format!("{}（未安装）", s.font),
                format!("{} (not installed)", s.font),
            ),
        ));
    }
    let current_font = listed
        .iter()
        .position(|f| *f == s.font)
        .map_or(0, |i| i + 1);
    let families: Rc<Vec<String>> = Rc::new(listed.iter().map(|f| f.to_string()).collect());
    let on_font = {
        let (settings, on_edit) = (props.settings.clone(), props.on_edit.clone());
        Callback::from(move |i: usize| {
            let mut next = (*settings).clone();
            next.font = i
                .checked_sub(1)
                .and_then(|i| families.get(i).cloned())
                .unwrap_or_default();
            on_edit.emit(CloudEdit::Choose(next));
        })
    };

    html! {
        <div class="cloud-options" role="group" aria-label={lang.tr("词云选项", "Cloud options")}>
            { select("cloud-shape", lang.tr("形状", "Shape"), s.options.shape, fixed(&SHAPES, lang), on_shape) }
            { select("cloud-palette", lang.tr("配色", "Colours"), s.palette,
                Palette::ALL.iter().map(|&p| (p, palette_key(p).to_string(), palette_label(p, lang).to_string())).collect(),
                choose(|s, c| if let Choice::Palette(p) = c { s.palette = p }).reform(Choice::Palette)) }
            { select("cloud-font", lang.tr("字体", "Font"), current_font, font_choices, on_font) }
            { select("cloud-scaling", lang.tr("字号", "Sizes"), s.options.scaling, fixed(&SCALINGS, lang),
                choose(|s, c| if let Choice::Scaling(v) = c { s.options.scaling = v }).reform(Choice::Scaling)) }
            { select("cloud-orientation", lang.tr("方向", "Direction"), s.options.orientation, fixed(&ORIENTATIONS, lang),
                choose(|s, c| if let Choice::Orientation(v) = c { s.options.orientation = v }).reform(Choice::Orientation)) }
            { select("cloud-background", lang.tr("背景", "Background"), s.background,
                Background::ALL.iter().map(|&b| (b, background_key(b).to_string(), background_label(b, lang).to_string())).collect(),
                choose(|s, c| if let Choice::Background(v) = c { s.background = v }).reform(Choice::Background)) }
            <label class="cloud-option">
                <span>{ lang.tr("词数", "Words") }</span>
                <input type="number" data-testid="cloud-words" min="1" max={MAX_WORDS.to_string()}
                       step="10" value={s.options.max_words.to_string()} onchange={on_words} />
            </label>
            <button type="button" class="quiet" data-testid="cloud-reseed" onclick={reseed}
                    title={lang.tr("同样的词，换一种摆放", "The same words, placed another way")}>
                { lang.tr("换一种排列", "Rearrange") }</button>
            <label class="file-button cloud-mask" title={lang.tr(
                "透明背景的图：不透明处放词；不透明的图：深色处放词",
                "An image with a transparent background: words go where it is opaque; an opaque image: where it is dark",
            )}>
                { lang.tr("用图片作形状…", "Use an image as the shape…") }
                <input type="file" accept="image/*" data-testid="cloud-mask-input"
                       ref={mask_input} onchange={on_mask} />
            </label>
            if props.has_mask {
                <button type="button" class="quiet" data-testid="cloud-mask-clear"
                        onclick={clear_mask}>{ lang.tr("去掉图片", "Remove the image") }</button>
            }
            if let Some(message) = &*problem {
                <p class="notice" role="alert" data-testid="cloud-mask-error">{ message.get(lang).to_string() }</p>
            }
        </div>
    }
}

/// One choice from the bar, carried to the settings copy.
#[derive(Clone, Copy)]
enum Choice {
    Shape(Shape),
    Palette(Palette),
    Scaling(Scaling),
    Orientation(Orientation),
    Background(Background),
    Words(usize),
    Reseed,
}
