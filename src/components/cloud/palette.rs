//! The colours of the cloud's words, by palette and background. Each list is ordered so that
//! neighbouring ranks (the layout's `color` index goes by rank group) differ most.

use crate::i18n::Lang;
use crate::state::cloud::{Background, Palette};

/// Colours for a light (transparent or white) background: each at least 3:1 against white.
fn on_light(palette: Palette) -> &'static [&'static str] {
    match palette {
        Palette::Default => &[
            "#1f4e79", "#b03a2e", "#1e8449", "#7d3c98", "#b9770e", "#117a8b",
        ],
        // Okabe–Ito, without the yellow, orange and sky blue that are too faint on white.
        Palette::ColorBlind => &["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#000000"],
        Palette::Mono => &["#0b2e4f", "#1f4e79", "#2e6da4", "#4a86c5"],
        Palette::Warm => &[
            "#b03a2e", "#d35400", "#a04000", "#c0392b", "#9c640c", "#873600",
        ],
        Palette::Cool => &[
            "#1f4e79", "#117a8b", "#1e8449", "#2e4053", "#5b2c6f", "#0e6655",
        ],
    }
}

/// Colours for the dark background: light enough to read on it.
fn on_dark(palette: Palette) -> &'static [&'static str] {
    match palette {
        Palette::Default => &[
            "#7fb3e6", "#f1948a", "#82e0aa", "#c39bd3", "#f8c471", "#76d7c4",
        ],
        // Okabe–Ito in full: its yellow reads well on dark, its black does not (white instead).
        Palette::ColorBlind => &[
            "#56b4e9", "#e69f00", "#009e73", "#f0e442", "#cc79a7", "#ffffff", "#d55e00",
        ],
        Palette::Mono => &["#ffffff", "#d6e4f0", "#aac8e4", "#85b1da"],
        Palette::Warm => &[
            "#f5b041", "#f1948a", "#eb984e", "#f7dc6f", "#ec7063", "#fad7a0",
        ],
        Palette::Cool => &[
            "#85c1e9", "#76d7c4", "#82e0aa", "#aed6f1", "#bb8fce", "#a3e4d7",
        ],
    }
}

/// The colours to draw with on `background`.
pub fn colours(palette: Palette, background: Background) -> &'static [&'static str] {
    match background {
        Background::Dark => on_dark(palette),
        Background::Transparent | Background::White => on_light(palette),
    }
}

/// The colour of a word whose layout colour index is `index`.
pub fn colour(palette: Palette, background: Background, index: usize) -> &'static str {
    let list = colours(palette, background);
    list[index % list.len()]
}

/// The colour of a word on the page: a transparent background shows the page behind it, so
/// on a dark page the colours for dark are used.
pub fn colour_on_page(
    palette: Palette,
    background: Background,
    page_dark: bool,
    index: usize,
) -> &'static str {
    match background {
        Background::Transparent if page_dark => colour(palette, Background::Dark, index),
        _ => colour(palette, background, index),
    }
}

pub fn palette_label(palette: Palette, lang: Lang) -> &'static str {
    match palette {
        Palette::Default => lang.tr("默认", "Default"),
        Palette::ColorBlind => lang.tr("色盲友好（Okabe–Ito）", "Colour-blind safe (Okabe–Ito)"),
        Palette::Mono => lang.tr("单色", "Single hue"),
        Palette::Warm => lang.tr("暖色", "Warm"),
        Palette::Cool => lang.tr("冷色", "Cool"),
    }
}

pub fn palette_key(palette: Palette) -> &'static str {
    match palette {
        Palette::Default => "default",
        Palette::ColorBlind => "color_blind",
        Palette::Mono => "mono",
        Palette::Warm => "warm",
        Palette::Cool => "cool",
    }
}

pub fn background_label(background: Background, lang: Lang) -> &'static str {
    match background {
        Background::Transparent => lang.tr("透明", "Transparent"),
        Background::White => lang.tr("白色", "White"),
        Background::Dark => lang.tr("深色", "Dark"),
    }
}

pub fn background_key(background: Background) -> &'static str {
    match background {
        Background::Transparent => "transparent",
        Background::White => "white",
        Background::Dark => "dark",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// Large text needs 3:1 (WCAG AA); every colour of every palette has it on its background.
    #[test]
    fn every_colour_reads_on_its_background() {
        for palette in Palette::ALL {
            for background in Background::ALL {
                let behind = background.colour().unwrap_or("#ffffff");
                for c in colours(palette, background) {
                    let ratio = contrast(c, behind);
                    assert!(ratio >= 3.0, "{c} on {behind} ({palette:?}): {ratio:.2}");
                }
            }
        }
    }

    #[test]
    fn neighbouring_colours_differ() {
        for palette in Palette::ALL {
            for background in Background::ALL {
                let list = colours(palette, background);
                assert!(list.len() >= 4);
                assert!(list.windows(2).all(|w| w[0] != w[1]));
            }
        }
    }
}
