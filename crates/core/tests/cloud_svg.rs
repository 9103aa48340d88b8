//! The exported SVG follows the layout's drawing model: text centred on its baseline at the
//! word's origin, turned about it, vertical words as one `<tspan>` per char.

#[path = "cloud_words/mod.rs"]
mod cloud_words;

use cloud_words::{words, Scores};
use quick_xml::events::Event;
use wenxi_core::cloud::{layout, CloudOptions, EstimatedGlyphs, Orientation, Shape};
use wenxi_core::export::{cloud_svg, SvgOptions};

/// A `<text>`'s attributes, and the (x, y) of each `<tspan>` inside it.
type Text = (Vec<(String, String)>, Vec<(f64, f64)>);

#[test]
fn the_svg_follows_the_drawing_model() {
    let input = words(40, Scores::Spread);
    for orientation in [Orientation::Vertical, Orientation::Rotated] {
        let cloud = layout(
            &input,
            &CloudOptions {
                shape: Shape::Ellipse,
                orientation,
                max_words: 40,
                ..CloudOptions::default()
            },
            &EstimatedGlyphs,
            None,
        );
        let svg = cloud_svg(&cloud, &SvgOptions::default());
        let mut texts: Vec<Text> = Vec::new();
        let mut reader = quick_xml::Reader::from_str(&svg);
        let attrs = |e: &quick_xml::events::BytesStart| -> Vec<(String, String)> {
            e.attributes()
                .map(|a| {
                    let a = a.expect("attribute");
                    let key = a.key.as_ref().to_string();
                    (key, a.value.to_string())
                })
                .collect()
        };
        let get = |list: &[(String, String)], key: &str| -> f64 {
            let value = list.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
            value.and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
        };
        loop {
            match reader.read_event().expect("well-formed SVG") {
                Event::Start(e) if e.name().as_ref() == "text" => texts.push((attrs(&e), vec![])),
                Event::Start(e) if e.name().as_ref() == "tspan" => {
                    let a = attrs(&e);
                    let last = texts.last_mut().expect("tspan inside text");
                    last.1.push((get(&a, "x"), get(&a, "y")));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(texts.len(), cloud.words.len());
        for (word, (attributes, spans)) in cloud.words.iter().zip(&texts) {
            let anchor = attributes.iter().find(|(k, _)| k == "text-anchor");
            assert_eq!(anchor.map(|(_, v)| v.as_str()), Some("middle"));
            if word.vertical {
                // One tspan per char, all on x, baselines one font size apart.
                assert_eq!(spans.len(), word.term.chars().count());
                for (i, &(x, y)) in spans.iter().enumerate() {
                    assert!((x - word.x).abs() < 0.01);
                    assert!((y - (word.y + i as f64 * word.font_size)).abs() < 0.01);
                }
            } else {
                assert!(spans.is_empty());
                assert!((get(attributes, "x") - word.x).abs() < 0.01);
                let turn = attributes.iter().find(|(k, _)| k == "transform");
                let expected = (word.rotate != 0)
                    .then(|| format!("rotate({} {:.2} {:.2})", word.rotate, word.x, word.y));
                assert_eq!(turn.map(|(_, v)| v.clone()), expected);
            }
        }
        let turned = cloud.words.iter().filter(|w| w.vertical || w.rotate != 0);
        assert!(turned.count() > 10, "{orientation:?}");
    }
}
