//! The keyword cloud as a standalone SVG file: opens in a browser, an editor or a slide, with
//! no script and nothing fetched. It follows the layout's drawing model (see
//! [`CloudWord`](crate::CloudWord)): text centred on its alphabetic baseline, turned about its
//! origin, vertical words as one `<tspan>` per char, so it matches the glyphs the layout measured.

use std::fmt::Write;

use crate::Cloud;

/// The cloud's colours, in turn: chosen for contrast on white and to tell apart. The page's
/// cloud uses the same, so the file looks like what the reader saw.
pub const PALETTE: [&str; 6] = [
    "#1f4e79", "#b03a2e", "#1e8449", "#7d3c98", "#b9770e", "#117a8b",
];

/// Fonts that hold Chinese on common systems, then the generic family, tried after the
/// reader's choice. The page measures, draws and exports with the same list.
pub const CJK_FALLBACKS: &str = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \
     \"Hiragino Sans GB\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif";

/// The CSS font-family list for `font` (a name the reader chose, or empty for the default).
/// Letters, digits, spaces, dashes and underscores only: nothing that could end the CSS string.
pub fn font_family(font: &str) -> String {
    let name: String = font
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .collect();
    match name.trim() {
        "" => CJK_FALLBACKS.to_string(),
        name => format!("\"{name}\", {CJK_FALLBACKS}"),
    }
}

/// How the file is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgOptions {
    /// The file's `<title>`.
    pub title: String,
    /// A CSS colour painted behind the words; `None` leaves the background transparent.
    pub background: Option<String>,
    /// The font the reader chose (a family name), named before the CJK fallbacks.
    pub font: Option<String>,
    /// The colours a word's `color` index picks from (modulo its length); empty: [`PALETTE`].
    pub palette: Vec<String>,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            title: "文析 关键词云".to_string(),
            background: None,
            font: None,
            palette: Vec::new(),
        }
    }
}

/// The cloud as an SVG document. Every text and attribute value is escaped, so a term such as
/// `<script>` is only ever text.
pub fn cloud_svg(cloud: &Cloud, options: &SvgOptions) -> String {
    let (w, h) = (number(cloud.width), number(cloud.height));
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\">"
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&options.title));
    let family = font_family(options.font.as_deref().unwrap_or(""));
    let _ = writeln!(
        out,
        "<style>text {{ font-family: {}; font-weight: 600; }}</style>",
        escape(&family)
    );
    if let Some(colour) = &options.background {
        let _ = writeln!(
            out,
            "<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>",
            escape(colour)
        );
    }
    for word in &cloud.words {
        let (x, y, size) = (finite(word.x), finite(word.y), finite(word.font_size));
        let fill = match options.palette.len() {
            0 => PALETTE[word.color % PALETTE.len()].to_string(),
            n => escape(&options.palette[word.color % n]),
        };
        if word.vertical {
            // Chars stacked, each centred on x, char i's baseline at y + i·size.
            let _ = write!(
                out,
                "<text font-size=\"{size:.1}\" fill=\"{fill}\" text-anchor=\"middle\" \
                 class=\"vertical\">"
            );
            for (i, c) in word.term.chars().enumerate() {
                let _ = write!(
                    out,
                    "<tspan x=\"{x:.2}\" y=\"{:.2}\">{}</tspan>",
                    y + i as f64 * size,
                    escape(c.encode_utf8(&mut [0; 4]))
                );
            }
            out.push_str("</text>\n");
            continue;
        }
        let turn = if word.rotate != 0 {
            format!(" transform=\"rotate({} {x:.2} {y:.2})\"", word.rotate)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<text x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{size:.1}\" fill=\"{fill}\" \
             text-anchor=\"middle\"{turn}>{}</text>",
            escape(&word.term)
        );
    }
    out.push_str("</svg>\n");
    out
}

/// A coordinate, or 0 where the layout gave none (NaN would make the file invalid SVG).
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

fn number(x: f64) -> String {
    format!("{}", finite(x))
}

/// Text safe in XML content and in quoted attributes: the five special characters as entities,
/// TAB, LF and CR as character references, and characters XML 1.0 forbids outright (control characters, U+FFFE, U+FFFF), which no escape
/// can carry, as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // As references, or a parser would normalise them away (CRLF to LF in text, all
            // three to spaces in attributes) and the term would not read back as written.
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}
